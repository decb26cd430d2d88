"""What the public API shows of events right now, as change-feed entries to keep (:mod:`api.changelog`).

An entry is ``(action, body)``: ``("upsert", {"reason": "visible", "merged_into": None, "event": {...}})``
with the event's JSON exactly as ``/api/v1/events/`` gives it to an anonymous reader (citations embedded),
or ``("remove", {"reason": ..., "merged_into": ..., "event": None})``. The event's ``url`` is kept as a
path; the feed puts the requester's site in front of it when it serves the entry.

A constant number of queries for any number of events: the published ones as records (five), the
others' merge state (one), and whether their survivors are public (one, when any was merged).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from events.models import Event
from events.presentation.formats.base import RenderContext
from events.presentation.formats.json import event_json
from events.presentation.record import readable_public, record_rows, records_from_rows
from events.selectors import events_published

UPSERT = "upsert"
REMOVE = "remove"

# Built without a site: the stored ``url`` is a path (``/api/v1/events/7/``).
_PATHS = RenderContext(site="")


@dataclass(frozen=True)
class PublicEntry:
    action: str  # UPSERT | REMOVE
    body: dict[str, Any]  # {"reason", "merged_into", "event"}
    merged_into_id: int | None  # the event's own merged_into, public or not (None when not merged)

    @property
    def public(self) -> bool:
        return self.action == UPSERT


def public_entries(event_ids: Collection[int]) -> dict[int, PublicEntry]:
    """The entry an anonymous reader of the feed should get for each event, from its state now."""
    ids = list(event_ids)
    if not ids:
        return {}
    rows = list(record_rows(events_published().filter(pk__in=ids)))
    entries: dict[int, PublicEntry] = {}
    for record in records_from_rows(rows, readable=readable_public()):
        shown: dict[str, Any] = {"reason": "visible", "merged_into": None, "event": event_json(record, _PATHS)}
        entries[record.id] = PublicEntry(UPSERT, shown, None)
    rest = [pk for pk in ids if pk not in entries]
    if not rest:
        return entries
    states = dict(Event.objects.filter(pk__in=rest).values_list("pk", "merged_into_id"))
    targets = {target for target in states.values() if target is not None}
    # A merge names its survivor only when the public may read it (issue 18, finding 13).
    public_targets = set(events_published().filter(pk__in=targets).values_list("pk", flat=True)) if targets else set()
    for pk in rest:
        body: dict[str, Any]
        if pk not in states:
            body = {"reason": "deleted", "merged_into": None, "event": None}
        elif states[pk] is not None and states[pk] in public_targets:
            body = {"reason": "merged", "merged_into": states[pk], "event": None}
        else:
            body = {"reason": "not_published", "merged_into": None, "event": None}
        entries[pk] = PublicEntry(REMOVE, body, states.get(pk))
    return entries
