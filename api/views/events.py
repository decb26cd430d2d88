"""Events: list (filtered, keyset-paginated, in JSON, CSV, JSON-LD or TimelineJS), detail, bulk export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, cast

from django.db import connection
from django.db.models import QuerySet
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from api.changelog import READER_RETRY_AFTER_S, ChangeFeedBusy, change_feed_committed_head
from api.export_lines import export_lines_stored
from api.pagination import KeysetCursorPagination
from api.renderers import EVENT_RENDERERS, EXPORT_RENDERERS, RecordDocument
from api.selectors import api_events_visible, api_readable
from api.serializers import CITATIONS_EMBED, CITATIONS_LINK, EventSerializer
from events.filters import EventFilterSet
from events.models import Event
from events.presentation import record_sql
from events.presentation.formats.base import Format, RenderContext, in_chunks
from events.presentation.formats.registry import FORMATS, streaming_formats
from events.presentation.record import (
    event_records_chunked,
    record_row_from_instance,
    record_rows,
    records_from_rows,
)
from events.selectors import event_resolve_merged

EXPORT_CHUNK_SIZE = 2000
# Up to this many matches (the planner's estimate) a page's keys are read in full and sorted.
NARROW_FILTER_ROWS = 100_000

CITATIONS_PARAMETER = OpenApiParameter(
    "citations",
    str,
    enum=[CITATIONS_EMBED, CITATIONS_LINK],
    description="`embed` (default) puts each event's citations inline; `link` gives the URL that lists them.",
)
# The ``format`` parameter and the response media types come from the format registry.
FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=list(FORMATS),
    description="Response format (or send the matching Accept header): "
    + "; ".join(f"`{fmt.name}`: {fmt.description}" for fmt in FORMATS.values()),
)
EXPORT_FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=[renderer.format for renderer in EXPORT_RENDERERS],
    description="`ndjson` (default): one event per line; or any format that streams: "
    + "; ".join(f"`{fmt.name}`: {fmt.description}" for fmt in streaming_formats()),
)


def _schema_type(fmt: Format) -> OpenApiTypes:
    # A JSON document is an object to a client's schema; NDJSON and the text formats are strings.
    return OpenApiTypes.OBJECT if fmt.media_type.endswith("json") else OpenApiTypes.STR


FORMAT_RESPONSES: dict[Any, Any] = {
    (200, fmt.media_type): _schema_type(fmt) for fmt in FORMATS.values() if fmt.name != "json"
}
LATEST_SEQ_HEADER = "X-Changes-Seq"
# The version of the export and feed formats a mirror reads (timeline-mirror refuses a newer one it
# does not know); raise it when a change would make an older mirror store something wrong.
FEED_FORMAT_HEADER = "X-Feed-Format"
FEED_FORMAT = 1
TOTAL_COUNT_HEADER = "X-Total-Count"


class ChangeFeedUnavailable(APIException):
    """503 with ``Retry-After`` (DRF's handler sends ``wait`` as that header)."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "change_feed_busy"
    default_detail = "Writes in progress are holding the change feed; retry shortly."

    def __init__(self) -> None:
        super().__init__()
        self.wait = READER_RETRY_AFTER_S


CHANGE_FEED_BUSY_RESPONSE = OpenApiResponse(
    response={"$ref": "#/components/schemas/Error"},
    description="Writes in progress held the change feed for a few seconds; retry after `Retry-After` seconds.",
)


def latest_change_seq() -> int:
    """The change feed's committed head: a mirror continues from here after a full export.

    Every change at or below it is committed (see :mod:`api.changelog`); 503 when open writes hold it.
    """
    try:
        return change_feed_committed_head()
    except ChangeFeedBusy:
        raise ChangeFeedUnavailable() from None


@extend_schema_view(
    list=extend_schema(
        operation_id="events_list",
        summary="List events",
        description=(
            "Published events (editors also see proposed ones; a token also sees drafts from its own "
            "submissions). `date_from`/`date_to` keep every event whose bounds overlap the window: "
            "'May 2024' overlaps 2024-05-15..2024-06-30; add `precision=day` for events certainly inside. "
            "Pages are keyset cursors: follow `next` (or the `Link` header) until it is null."
        ),
        parameters=[CITATIONS_PARAMETER, FORMAT_PARAMETER],
        responses={(200, "application/json"): EventSerializer(many=True), **FORMAT_RESPONSES},
    ),
    retrieve=extend_schema(
        summary="One event",
        description=(
            "A merged event's id answers 301 with the surviving event's URL, when you may read the survivor (else 404)."
        ),
        parameters=[CITATIONS_PARAMETER, FORMAT_PARAMETER],
        responses={
            (200, "application/json"): EventSerializer,
            **FORMAT_RESPONSES,
            301: OpenApiResponse(description="Merged: see the Location header."),
            404: OpenApiResponse(description="No such event visible to you."),
        },
    ),
)
class EventViewSet(viewsets.ReadOnlyModelViewSet[Event]):
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    renderer_classes = EVENT_RENDERERS
    keyset_orderings = {"date": ("date_lower", "id"), "updated": ("updated_at", "id"), "id": ("id",)}
    keyset_default = "date"
    extra_query_params = ("citations",)

    def citations_mode(self) -> str:
        mode = self.request.query_params.get("citations") or CITATIONS_EMBED
        if mode not in (CITATIONS_EMBED, CITATIONS_LINK):
            raise ValidationError({"citations": [f"use {CITATIONS_EMBED} or {CITATIONS_LINK}"]})
        return mode

    def get_queryset(self) -> QuerySet[Event]:
        return api_events_visible(user=self.request.user).select_related("place")

    read_keys_first = False  # set per request by list()

    def _matches_few(self, filtered: QuerySet[Event]) -> bool:
        """Whether PostgreSQL expects the filters to match at most :data:`NARROW_FILTER_ROWS` events."""
        filters = EventFilterSet.base_filters
        if connection.vendor != "postgresql" or not any(name in filters for name in self.request.query_params):
            return False
        sql, params = filtered.values("id").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)  # Django's compiled query
            plan = cursor.fetchone()[0]
        estimated = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"]
        return bool(estimated <= NARROW_FILTER_ROWS)

    def keyset_fetch(self, ordered: QuerySet[Any], limit: int) -> list[Any]:
        """The first ``limit`` keys of a page (called by the paginator).

        PostgreSQL plans a page as a walk along the date index that stops after ``limit`` matches, and
        assumes matches are spread evenly along it. When filters match few events that walk can cross
        most of the table ("since 2010" matches nothing among the older half). So when the planner
        expects few matches, the keys of every match are read first (from the type index alone, see the
        Event model's indexes) and sorted; ``OFFSET 0`` keeps the planner from merging the two steps.
        """
        if not self.read_keys_first:
            return list(ordered[:limit])
        inner_sql, params = ordered.order_by().query.sql_with_params()
        order = ", ".join(
            f"{connection.ops.quote_name(name.lstrip('-'))} {'DESC' if name.startswith('-') else 'ASC'}"
            for name in map(str, ordered.query.order_by)  # the view's keyset fields, never client text
        )
        with connection.cursor() as cursor:
            cursor.execute(
                # Django's own compiled query (its values passed apart as parameters) and fixed column names.
                f"SELECT * FROM ({inner_sql} OFFSET 0) AS page_keys ORDER BY {order} LIMIT %s",  # noqa: S608
                [*params, limit],
            )
            columns = [column[0] for column in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "citations": self.citations_mode()}

    def render_context(self, **kwargs: Any) -> RenderContext:
        return RenderContext(site=self.request.build_absolute_uri("/").rstrip("/"), **kwargs)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with_citations = self.citations_mode() == CITATIONS_EMBED
        filtered = self.filter_queryset(self.get_queryset())
        self.read_keys_first = self._matches_few(filtered)
        if self.read_keys_first:
            # The page's keys first, then its rows: the keys of a narrow filter's matches come from an
            # index alone (see the Event model's indexes), and only the rows shown are read from the table.
            _, _, fields = cast(KeysetCursorPagination, self.paginator).get_ordering(request, self)
            keys = self.paginate_queryset(filtered.values(*dict.fromkeys(("id", *fields)))) or []
            ids = [key["id"] for key in keys]
            by_id = {row["id"]: row for row in record_rows(Event.objects.filter(pk__in=ids))}
            rows = [by_id[pk] for pk in ids if pk in by_id]
        else:
            rows = self.paginate_queryset(record_rows(filtered)) or []
        records = records_from_rows(rows, with_citations=with_citations, readable=api_readable(user=request.user))
        next_url = getattr(self.paginator, "next_url", None)
        headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else None
        paginator = cast(KeysetCursorPagination, self.paginator)
        context = self.render_context(
            next_url=next_url, count=paginator.count, count_is_estimate=paginator.count_is_estimate
        )
        return Response(RecordDocument(records, context), headers=headers)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            event = self.get_object()
        except (NotFound, Http404):
            pk = _int_or_none(kwargs.get("pk"))
            merged = None if pk is None else Event.objects.filter(pk=pk, merged_into__isnull=False).first()
            if merged is None:
                raise
            survivor = event_resolve_merged(merged)
            if not self.get_queryset().filter(pk=survivor.pk).exists():
                raise  # merged into an event this requester may not read: the id stays unknown to it
            url = request.build_absolute_uri(reverse("api:event-detail", kwargs={"pk": survivor.pk}))
            query = request.META.get("QUERY_STRING")
            return Response(status=301, headers={"Location": f"{url}?{query}" if query else url})
        with_citations = self.citations_mode() == CITATIONS_EMBED
        records = records_from_rows(
            [record_row_from_instance(event)], with_citations=with_citations, readable=api_readable(user=request.user)
        )
        return Response(RecordDocument(records, self.render_context(single=True)))

    @extend_schema(
        summary="Bulk export of a filtered set",
        description=(
            "Streams every event matching the filters, ordered by id, as NDJSON (one JSON event per line) "
            "or any other format that streams (CSV, JSON, JSON-LD). The server never holds the set in memory. "
            "The `X-Changes-Seq` header is the change "
            "feed's head when the export began: continue a mirror with `/changes/?after=<it>`. Like the "
            "feed, it answers 503 with `Retry-After` when writes in progress hold the feed's head."
        ),
        parameters=[CITATIONS_PARAMETER, EXPORT_FORMAT_PARAMETER],
        responses={
            **{(200, fmt.media_type): _schema_type(fmt) for fmt in streaming_formats()},
            503: CHANGE_FEED_BUSY_RESPONSE,
        },
    )
    @action(detail=False, methods=["get"], renderer_classes=EXPORT_RENDERERS, pagination_class=None)
    def export(self, request: Request) -> StreamingHttpResponse:
        head = latest_change_seq()
        queryset = self.filter_queryset(self.get_queryset())
        # The size of the set, so a client can show progress and an ETA (one count query).
        count = queryset.count()
        fmt = FORMATS[request.accepted_renderer.format]
        with_citations = self.citations_mode() == CITATIONS_EMBED
        readable = api_readable(user=request.user)
        body: Iterator[bytes]
        if fmt.render_in_database is not None and record_sql.supported():
            # PostgreSQL writes the lines itself (events.presentation.record_sql): the same bytes, 10x faster.
            filtered = any(name in request.query_params for name in EventFilterSet.base_filters)
            # The lines stored as events change (api.export_lines) when they stand for the builder's.
            stored = (
                export_lines_stored(
                    queryset,
                    self.render_context(),
                    with_citations=with_citations,
                    readable=readable,
                    filtered=filtered,
                    count=count,
                )
                if fmt.name == "ndjson"
                else None
            )
            body = stored or fmt.render_in_database(
                queryset, self.render_context(), with_citations=with_citations, readable=readable, filtered=filtered
            )
        else:
            records = event_records_chunked(
                queryset, with_citations=with_citations, chunk_size=EXPORT_CHUNK_SIZE, readable=readable
            )
            body = in_chunks(fmt.render(records, self.render_context()))
        response = StreamingHttpResponse(body, content_type=fmt.media_type)
        response[LATEST_SEQ_HEADER] = str(head)
        response[FEED_FORMAT_HEADER] = str(FEED_FORMAT)
        response[TOTAL_COUNT_HEADER] = str(count)
        response["Content-Disposition"] = f'attachment; filename="events.{fmt.extension}"'
        return response


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
