"""Events: list (filtered, keyset-paginated, in JSON, CSV, JSON-LD or TimelineJS), detail, bulk export."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.utils.encoders import JSONEncoder

from api.changelog import READER_RETRY_AFTER_S, ChangeFeedBusy, change_feed_committed_head
from api.event_representation import CITATIONS_EMBED, CITATIONS_LINK, EventRepresentation
from api.export_sql import export_ndjson_sql, export_supported
from api.renderers import (
    EVENT_CSV_COLUMNS,
    CsvExportRenderer,
    EventCsvRenderer,
    EventJsonLdRenderer,
    NdjsonRenderer,
    TimelineJsRenderer,
    csv_lines,
    csv_text,
    event_csv_row,
)
from api.selectors import api_event_embed_rows, api_event_rows, api_events_visible
from api.serializers import EventSerializer
from events.filters import EventFilterSet
from events.models import Event
from events.selectors import event_resolve_merged

EXPORT_CHUNK_SIZE = 2000
# On PostgreSQL the NDJSON export is built in SQL (api.export_sql); tests turn it off to compare.
EXPORT_IN_SQL = True

CITATIONS_PARAMETER = OpenApiParameter(
    "citations",
    str,
    enum=[CITATIONS_EMBED, CITATIONS_LINK],
    description="`embed` (default) puts each event's citations inline; `link` gives the URL that lists them.",
)
FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv", "jsonld", "timeline"],
    description="Response format (or send the matching Accept header).",
)
EXPORT_FORMAT_PARAMETER = OpenApiParameter(
    "format", str, enum=["ndjson", "csv"], description="`ndjson` (default): one event per line; `csv`: flattened."
)
FORMAT_RESPONSES: dict[Any, Any] = {
    (200, "text/csv"): OpenApiTypes.STR,
    (200, "application/ld+json"): OpenApiTypes.OBJECT,
    (200, "application/vnd.timelinejs+json"): OpenApiTypes.OBJECT,
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
        description="A merged event's id answers 301 with the surviving event's URL.",
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
    renderer_classes = [JSONRenderer, EventCsvRenderer, EventJsonLdRenderer, TimelineJsRenderer]
    keyset_orderings = {"date": ("date_lower", "id"), "updated": ("updated_at", "id"), "id": ("id",)}
    keyset_default = "date"

    def citations_mode(self) -> str:
        mode = self.request.query_params.get("citations") or CITATIONS_EMBED
        if mode not in (CITATIONS_EMBED, CITATIONS_LINK):
            raise ValidationError({"citations": [f"use {CITATIONS_EMBED} or {CITATIONS_LINK}"]})
        return mode

    def get_queryset(self) -> QuerySet[Event]:
        return api_events_visible(user=self.request.user).select_related("place")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Plain rows, not model instances: the serializer builds the representation from them and
        # reads every embed of the page in one query per kind.
        page = self.paginate_queryset(api_event_rows(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "citations": self.citations_mode()}

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            return super().retrieve(request, *args, **kwargs)
        except (NotFound, Http404):
            pk = _int_or_none(kwargs.get("pk"))
            merged = None if pk is None else Event.objects.filter(pk=pk, merged_into__isnull=False).first()
            if merged is None:
                raise
            survivor = event_resolve_merged(merged)
            url = reverse("api:event-detail", kwargs={"pk": survivor.pk}, request=request)
            query = request.META.get("QUERY_STRING")
            return Response(status=301, headers={"Location": f"{url}?{query}" if query else url})

    @extend_schema(
        summary="Bulk export of a filtered set",
        description=(
            "Streams every event matching the filters, ordered by id, as NDJSON (one JSON event per line) "
            "or CSV. The server never holds the set in memory. The `X-Changes-Seq` header is the change "
            "feed's head when the export began: continue a mirror with `/changes/?after=<it>`. Like the "
            "feed, it answers 503 with `Retry-After` when writes in progress hold the feed's head."
        ),
        parameters=[CITATIONS_PARAMETER, EXPORT_FORMAT_PARAMETER],
        responses={
            (200, "application/x-ndjson"): OpenApiTypes.STR,
            (200, "text/csv"): OpenApiTypes.STR,
            503: CHANGE_FEED_BUSY_RESPONSE,
        },
    )
    @action(detail=False, methods=["get"], renderer_classes=[NdjsonRenderer, CsvExportRenderer], pagination_class=None)
    def export(self, request: Request) -> StreamingHttpResponse:
        head = latest_change_seq()
        queryset = self.filter_queryset(self.get_queryset()).order_by("id")
        as_csv = request.accepted_renderer.format == "csv"
        context = self.get_serializer_context()
        body: Iterator[str] | Iterator[bytes]
        if EXPORT_IN_SQL and export_supported(as_csv=as_csv):
            body = export_ndjson_sql(
                queryset,
                event_url=reverse("api:event-detail", kwargs={"pk": 0}, request=request),
                embed_citations=context["citations"] != CITATIONS_LINK,
            )
        else:
            body = _export_stream(queryset, context, as_csv=as_csv)
        response = StreamingHttpResponse(body, content_type="text/csv" if as_csv else "application/x-ndjson")
        response[LATEST_SEQ_HEADER] = str(head)
        response[FEED_FORMAT_HEADER] = str(FEED_FORMAT)
        # The size of the set, so a client can show progress and an ETA (one count query).
        response[TOTAL_COUNT_HEADER] = str(queryset.count())
        response["Content-Disposition"] = f'attachment; filename="events.{"csv" if as_csv else "ndjson"}"'
        return response


def _export_stream(queryset: QuerySet[Event], context: dict[str, Any], *, as_csv: bool) -> Iterator[str]:
    """The set one chunk at a time, each chunk the next ``EXPORT_CHUNK_SIZE`` rows after the last id sent.

    A keyset walk holds no cursor open between chunks, so memory stays flat and each chunk costs the
    same (1 + one query per embed kind), however far into the set it is.
    """
    if as_csv:
        yield from csv_lines([], EVENT_CSV_COLUMNS)
    encode = JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    event_url = reverse("api:event-detail", kwargs={"pk": 0}, request=context.get("request"))
    representation = EventRepresentation(event_url=event_url, citations=context["citations"])
    rows = api_event_rows(queryset.order_by("id"))
    last_id = None
    while True:
        chunk = list((rows if last_id is None else rows.filter(id__gt=last_id))[:EXPORT_CHUNK_SIZE])
        if not chunk:
            return
        embeds = api_event_embed_rows([row["id"] for row in chunk], with_citations=representation.embed_citations)
        data = representation.many(chunk, embeds)
        if as_csv:
            yield csv_text((event_csv_row(item) for item in data), EVENT_CSV_COLUMNS)
        else:
            yield "".join([encode(item) + "\n" for item in data])
        if len(chunk) < EXPORT_CHUNK_SIZE:
            return
        last_id = chunk[-1]["id"]


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
