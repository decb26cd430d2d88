"""A timeline's events as :class:`timeline.render.Entry` rows: four queries, no model instances.

A timeline of thousands of events spent most of its time building Event, Place and Citation instances
and binding lists of thousands of ids into ``IN (...)``. These reads fetch plain values instead.
Visibility follows the selectors: ``window`` comes from them (published, not merged) and a successor
is shown only when it is published and not merged itself.

The related reads take the window's ids as a subquery when the window is long, so the database joins
them and the page never sends thousands of ids back; a short window sends its ids as a list.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from events.extraction.vocabulary import ReviewState
from events.models import Citation, Event, EventActor, EventRelation
from events.selectors import SUCCESSOR_KINDS
from timeline.render import SUCCESSOR_SHOWN, Entry, PageLinks

INLINE_IDS = 500
ENTRY_COLUMNS = (
    "pk",
    "title",
    "event_type",
    "status",
    "date_edtf",
    "date_is_week",
    "date_lower",
    "date_upper",
    "precision",
    "place_id",
    "place__name",
)


def timeline_entries(window: QuerySet[Event], *, with_notes: bool = True) -> list[Entry]:
    """The events of ``window`` in date order, with place, actors, successors and (optionally) source notes.

    At most four queries whatever the window's length: one for the events, one each for actors,
    successors and source notes (an empty window skips the last three).
    """
    links = PageLinks()
    entries: dict[int, Entry] = {}
    rows = window.order_by("date_lower", "date_upper", "pk").values_list(*ENTRY_COLUMNS)
    for pk, title, event_type, status, edtf, week, lower, upper, precision, place_id, place_name in rows:
        entry = Entry(pk, title, event_type, status, edtf, week, lower, upper, precision)
        if place_id is not None:
            entry.place_html = links.place(place_id, place_name)
        entries[pk] = entry
    # The ids as a list for a short window (cheaper to build and to plan than the window's filters
    # again); as a subquery for a long one, where binding thousands of parameters costs more.
    ids: list[int] | QuerySet[Any, Any] = list(entries) if len(entries) <= INLINE_IDS else window.values("pk")

    actors = (
        EventActor.objects.filter(event_id__in=ids)
        .order_by("role", "actor__name")
        .values_list("event_id", "actor_id", "actor__name")
    )
    for event_id, actor_id, name in actors:
        entries[event_id].actors_html.append(links.actor(actor_id, name))

    successors = (
        EventRelation.objects.filter(
            from_event_id__in=ids,
            from_event__status__in=SUCCESSOR_SHOWN,
            kind__in=SUCCESSOR_KINDS,
            to_event__review_state=ReviewState.PUBLISHED,
            to_event__merged_into__isnull=True,
        )
        .order_by("pk")
        .values_list(
            "from_event_id", "kind", "to_event_id", "to_event__title", "to_event__date_edtf", "to_event__date_is_week"
        )
    )
    for event_id, kind, to_id, to_title, to_edtf, to_week in successors:
        entries[event_id].successors_html.append(links.successor(kind, to_id, to_title, to_edtf, to_week))

    if with_notes:
        notes = (
            Citation.objects.filter(event_id__in=ids)
            .order_by("article__published", "article_id", "start")
            .values_list(
                "event_id", "pk", "article_id", "quote", "article__source__name", "article__published", "article__url"
            )
        )
        for event_id, citation_id, article_id, quote, outlet, published, url in notes:
            entries[event_id].notes_html.append(
                links.source_note(citation_id, article_id, quote, outlet, published, url)
            )
    return list(entries.values())
