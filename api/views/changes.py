"""The change feed: what a mirror must do, in order, to stay exactly equal to the source."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from api.models import EventChange
from api.query_params import query_params_check, query_params_known
from api.selectors import (
    api_changes_describe,
    api_changes_public,
    api_changes_public_describe,
    api_changes_read_as_public,
    api_readable,
)
from api.serializers import CITATIONS_EMBED, EventChangeSerializer
from api.views.events import (
    CHANGE_FEED_BUSY_RESPONSE,
    FEED_FORMAT,
    FEED_FORMAT_HEADER,
    LATEST_SEQ_HEADER,
    latest_change_seq,
)
from events.db_bounds import fits_bigint
from events.presentation.record import record_embeds


@extend_schema(
    summary="Changes since a sequence number",
    description=(
        "Every change to what the API shows for an event, in order. Replay the entries: `upsert` stores "
        "`event`; `remove` deletes the id, and when `reason` is `merged`, `merged_into` names the event that "
        "absorbed it. Start from the `X-Changes-Seq` header of a full export, then pass the last `seq` you "
        "applied as `after` (or follow `next`).\n\n"
        "Without a token, each entry is what the API showed at `changed_at` (stored when the change was "
        "committed), and every change the public saw is listed once: an edit of a draft, a state saved again "
        "unchanged, or an event that was never public gives no entry. With a token (an editor sees drafts, a "
        "client its own), only each event's latest change is served, with its state as read now.\n\n"
        "Commit order: a page never holds an entry while a smaller `seq` can still appear. On PostgreSQL a "
        "`seq` is assigned when a change is written, not when it commits, so the feed first waits (a few "
        "seconds at most) until every write in progress that logged a change has committed or rolled back, "
        "and serves entries up to the head it then reads (the `X-Changes-Seq` header). Resuming from the "
        "last `seq` applied therefore never skips a change. When writes hold it longer, the answer is 503 "
        "with a `Retry-After` header: retry with the same `after`."
    ),
    parameters=[
        OpenApiParameter("after", int, description="Only entries with a larger `seq` (default 0)."),
    ],
    responses={200: EventChangeSerializer(many=True), 503: CHANGE_FEED_BUSY_RESPONSE},
)
class ChangeFeedView(generics.ListAPIView[EventChange]):
    serializer_class = EventChangeSerializer
    keyset_orderings = {"seq": ("id",)}
    extra_query_params = ("after",)

    head = 0  # set per request by list(): the committed head, read once

    def get_queryset(self) -> QuerySet[EventChange]:
        raw = self.request.query_params.get("after") or "0"
        try:
            after = int(raw)
        except ValueError:
            raise ValidationError({"after": ["must be an integer"]}) from None
        if after < 0:
            raise ValidationError({"after": ["must not be negative"]})
        if not fits_bigint(after):
            raise ValidationError({"after": ["must be a sequence number this feed gave (at most 2**63 - 1)"]})
        if api_changes_read_as_public(user=self.request.user):
            return api_changes_public(after=after, head=self.head)
        # Editors and clients see drafts, each client its own, so no snapshot is stored for them.
        # Only rows up to the committed head: every one of them is committed, later ones get larger ids.
        # And only an event's latest change up to it: every entry carries the event's state as read now,
        # so an earlier change of the same event would repeat the same entry (an edit saved three times,
        # a merge logged once per moved citation) and show a state later than its own `changed_at`.
        superseded = EventChange.objects.filter(event_id=OuterRef("event_id"), id__gt=OuterRef("id"), id__lte=self.head)
        return EventChange.objects.filter(id__gt=after, id__lte=self.head).exclude(Exists(superseded))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query_params_check(request=request, known=query_params_known(view=self))
        self.get_queryset()  # a bad `after` is a 400 before the feed's lock is waited for
        self.head = latest_change_seq()
        page = self.paginate_queryset(self.get_queryset()) or []
        if api_changes_read_as_public(user=request.user):
            entries = api_changes_public_describe(changes=page)
        else:
            entries = api_changes_describe(changes=page, user=request.user)
        # The visible events' embeds in one query per kind, not per entry.
        embeds = record_embeds(
            [entry.event["id"] for entry in entries if entry.event is not None],
            readable=api_readable(user=request.user),
        )
        context = {**self.get_serializer_context(), "citations": CITATIONS_EMBED, "event_embeds": embeds}
        data = EventChangeSerializer(entries, many=True, context=context).data
        site = request.build_absolute_uri("/").rstrip("/")
        for entry, item in zip(entries, data, strict=True):
            if entry.snapshot is not None:  # stored with its url as a path
                item["event"] = {**entry.snapshot, "url": site + entry.snapshot["url"]}
        response = self.get_paginated_response(data)
        response[LATEST_SEQ_HEADER] = str(self.head)
        response[FEED_FORMAT_HEADER] = str(FEED_FORMAT)
        return response
