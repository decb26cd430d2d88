"""An event as the API shows it, built from plain rows with plain functions.

:class:`api.serializers.EventSerializer` declares the shape (the OpenAPI schema is generated from it);
this module produces it. DRF walks every field of every nested serializer for every object and the
ORM builds a model instance for every related row; at a page of 1,000 events or a bulk export of a
million that walk, not the database, was the cost. Here an event is a ``.values()`` row (or a model
instance turned into one), and what it embeds comes from :func:`api.selectors.api_event_embed_rows`:
a constant number of queries for any number of events. Tests check both paths give the same JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from api.selectors import EVENT_ROW_FIELDS, EventEmbedRows
from events.domain.edtf_dates import format_edtf
from events.domain.vocabulary import plover_for
from events.models import Event

CITATIONS_EMBED = "embed"
CITATIONS_LINK = "link"


def event_row_from_instance(event: Event) -> dict[str, Any]:
    """The row :data:`EVENT_ROW_FIELDS` names, read from a model instance (its place selected with it)."""
    row = {name: getattr(event, name) for name in EVENT_ROW_FIELDS if "__" not in name}
    place = event.place if event.place_id is not None else None
    for name in EVENT_ROW_FIELDS:
        if name.startswith("place__"):
            row[name] = None if place is None else getattr(place, name.removeprefix("place__"))
    return row


def iso(value: Any) -> str | None:
    """A date or an aware UTC datetime as DRF writes it (``Z`` for UTC)."""
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def _day(value: Any) -> str:
    return value.isoformat()  # a non-null date (the bounds always are)


@lru_cache(maxsize=8192)
def _date_display(edtf: str, week: bool) -> str:
    # Event.human_date, memoised: a million events share a few thousand distinct dates.
    try:
        return format_edtf(edtf, week=week)
    except (ValueError, IndexError):
        return edtf


@lru_cache(maxsize=128)
def _plover(event_type: str) -> tuple[str, str]:
    return plover_for(event_type)


class EventRepresentation:
    """Builds the wire form of events for one request: the URLs and the citations mode are fixed.

    ``event_url`` is the absolute detail URL of event ``0``; each event's URL (and the URL of its
    citations when they are linked) is derived from it by string formatting instead of a ``reverse``.
    """

    def __init__(self, *, event_url: str, citations: str) -> None:
        self._url_prefix, self._url_suffix = event_url.rsplit("0", 1)
        self._citations_url = event_url.replace("/events/0/", "/citations/") + "?event="
        self.embed_citations = citations != CITATIONS_LINK

    def many(self, rows: Iterable[Mapping[str, Any]], embeds: EventEmbedRows) -> list[dict[str, Any]]:
        return [self.one(row, embeds) for row in rows]

    def one(self, row: Mapping[str, Any], embeds: EventEmbedRows) -> dict[str, Any]:
        pk = row["id"]
        event_type = row["event_type"]
        category, mode = _plover(event_type)
        return {
            "id": pk,
            "url": f"{self._url_prefix}{pk}{self._url_suffix}",
            "title": row["title"],
            "summary": row["summary"],
            "type": event_type,
            "plover_category": category,
            "plover_mode": mode,
            "status": row["status"],
            "review_state": row["review_state"],
            "date_edtf": row["date_edtf"],
            "date_lower": _day(row["date_lower"]),
            "date_upper": _day(row["date_upper"]),
            "precision": row["precision"],
            "date_is_week": row["date_is_week"],
            "date_display": _date_display(row["date_edtf"], row["date_is_week"]),
            "confidence": row["confidence"],
            "place": None
            if row["place_id"] is None
            else {
                "id": row["place_id"],
                "name": row["place__name"],
                "kind": row["place__kind"],
                "country_code": row["place__country_code"],
                "latitude": row["place__latitude"],
                "longitude": row["place__longitude"],
                "geonames_id": row["place__geonames_id"],
            },
            "actors": _actors(embeds.actors.get(pk, ())),
            "topics": [{"slug": slug, "name": name} for slug, name in embeds.topics.get(pk, ())],
            "related": [{"kind": kind, "event": to_event} for kind, to_event in embeds.related.get(pk, ())],
            "citations": _citations(embeds.citations.get(pk, ()), pk)
            if self.embed_citations
            else f"{self._citations_url}{pk}",
            "created_at": iso(row["created_at"]),
            "updated_at": iso(row["updated_at"]),
        }


def _actors(rows: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [
        {"id": pk, "name": name, "kind": kind, "country_code": country, "wikidata_id": wikidata, "role": role}
        for pk, name, kind, country, wikidata, role in rows
    ]


def _citations(rows: Sequence[tuple[Any, ...]], event_id: int) -> list[dict[str, Any]]:
    return [
        {
            "id": pk,
            "event": event_id,
            "quote": quote,
            "start": start,
            "end": end,
            "time_text": time_text,
            "date_basis": date_basis,
            "article": {
                "id": article_id,
                "url": url,
                "title": title,
                "published": iso(published),
                "outlet": outlet,
                "outlet_domain": outlet_domain,
            },
        }
        for (
            pk,
            quote,
            start,
            end,
            time_text,
            date_basis,
            article_id,
            url,
            title,
            published,
            outlet,
            outlet_domain,
        ) in rows
    ]
