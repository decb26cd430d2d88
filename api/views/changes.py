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
from api.selectors import api_changes_describe
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
        "`event` (its current representation); `remove` deletes the id, and when `reason` is `merged`, "
        "`merged_into` names the event that absorbed it. Start from the `X-Changes-Seq` header of a full "
        "export, then pass the last `seq` you applied as `after` (or follow `next`).\n\n"
        "Each event appears once: only its latest change up to the head is served, with its state as read "
        "now. Events the requester could never see (drafts never published, for a public client) get no "
        "`remove` entry.\n\n"
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
        # Only rows up to the committed head: every one of them is committed, later ones get larger ids.
        # And only an event's latest change up to it: every entry carries the event's state as read now,
        # so an earlier change of the same event would repeat the same entry (an edit saved three times,
        # a merge logged once per moved citation) and show a state later than its own `changed_at`.
        superseded = EventChange.objects.filter(event_id=OuterRef("event_id"), id__gt=OuterRef("id"), id__lte=self.head)
        return EventChange.objects.filter(id__gt=after, id__lte=self.head).exclude(Exists(superseded))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.get_queryset()  # a bad `after` is a 400 before the feed's lock is waited for
        self.head = latest_change_seq()
        page = self.paginate_queryset(self.get_queryset()) or []
        entries = api_changes_describe(changes=page, user=request.user)
        # The visible events' embeds in one query per kind, not per entry.
        embeds = record_embeds([entry.event["id"] for entry in entries if entry.event is not None])
        context = {**self.get_serializer_context(), "citations": CITATIONS_EMBED, "event_embeds": embeds}
        response = self.get_paginated_response(EventChangeSerializer(entries, many=True, context=context).data)
        response[LATEST_SEQ_HEADER] = str(self.head)
        response[FEED_FORMAT_HEADER] = str(FEED_FORMAT)
        return response
