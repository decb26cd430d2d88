"""The mirror's events given back in the API's own shape, to check a mirror against the source.

``timeline-mirror verify`` and the tests compare these, row for row, with the API's bulk export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, select

from mirror.schema import (
    actors,
    articles,
    citations,
    event_actors,
    event_relations,
    event_topics,
    events,
    places,
    sources,
    topics,
)

_BATCH = 2000


def _iso_moment(value: datetime) -> str:
    # SQLite gives naive datetimes back (stored as UTC), PostgreSQL aware ones.
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.isoformat().replace("+00:00", "Z")


def _iso_day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def mirror_events(connection: Connection) -> Iterator[dict[str, Any]]:
    """Every visible (not merged) event in id order, as the export shows it (citations embedded)."""
    last_id = -1
    while True:
        rows = (
            connection.execute(
                select(events, places.c.name.label("place_name"), places.c.kind.label("place_kind"))
                .add_columns(
                    places.c.country_code.label("place_country_code"),
                    places.c.latitude.label("place_latitude"),
                    places.c.longitude.label("place_longitude"),
                    places.c.geonames_id.label("place_geonames_id"),
                )
                .outerjoin(places, places.c.id == events.c.place_id)
                .where(events.c.merged_into.is_(None), events.c.id > last_id)
                .order_by(events.c.id)
                .limit(_BATCH)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        ids = [row["id"] for row in rows]
        yield from _shape(connection, rows, ids)
        last_id = ids[-1]


def _shape(connection: Connection, rows: Any, ids: list[int]) -> Iterator[dict[str, Any]]:
    linked: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for link in connection.execute(
        select(event_actors.c.event_id, event_actors.c.role, actors)
        .join(actors, actors.c.id == event_actors.c.actor_id)
        .where(event_actors.c.event_id.in_(ids))
        .order_by(event_actors.c.event_id, event_actors.c.position)
    ).mappings():
        linked[link["event_id"]].append(
            {
                "id": link["id"],
                "name": link["name"],
                "kind": link["kind"],
                "country_code": link["country_code"],
                "wikidata_id": link["wikidata_id"],
                "role": link["role"],
            }
        )
    in_topics: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for topic in connection.execute(
        select(event_topics.c.event_id, topics.c.slug, topics.c.name)
        .join(topics, topics.c.slug == event_topics.c.topic_slug)
        .where(event_topics.c.event_id.in_(ids))
        .order_by(event_topics.c.event_id, topics.c.slug)
    ).mappings():
        in_topics[topic["event_id"]].append({"slug": topic["slug"], "name": topic["name"]})
    related: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for relation in connection.execute(
        select(event_relations)
        .where(event_relations.c.event_id.in_(ids))
        .order_by(event_relations.c.event_id, event_relations.c.position)
    ).mappings():
        related[relation["event_id"]].append({"kind": relation["kind"], "event": relation["to_event_id"]})
    cited: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for citation in connection.execute(
        select(
            citations,
            articles.c.url,
            articles.c.title,
            articles.c.published,
            sources.c.name.label("outlet"),
            sources.c.domain.label("outlet_domain"),
        )
        .join(articles, articles.c.id == citations.c.article_id)
        .outerjoin(sources, sources.c.domain == articles.c.source_domain)
        .where(citations.c.event_id.in_(ids))
        .order_by(citations.c.event_id, citations.c.position)
    ).mappings():
        cited[citation["event_id"]].append(
            {
                "id": citation["id"],
                "event": citation["event_id"],
                "quote": citation["quote"],
                "start": citation["start"],
                "end": citation["end"],
                "time_text": citation["time_text"],
                "article": {
                    "id": citation["article_id"],
                    "url": citation["url"],
                    "title": citation["title"],
                    "published": _iso_day(citation["published"]),
                    "outlet": citation["outlet"],
                    "outlet_domain": citation["outlet_domain"],
                },
            }
        )
    for row in rows:
        pk = row["id"]
        yield {
            "id": pk,
            "url": row["url"],
            "title": row["title"],
            "summary": row["summary"],
            "type": row["type"],
            "plover_category": row["plover_category"],
            "plover_mode": row["plover_mode"],
            "status": row["status"],
            "review_state": row["review_state"],
            "date_edtf": row["date_edtf"],
            "date_lower": _iso_day(row["date_lower"]),
            "date_upper": _iso_day(row["date_upper"]),
            "precision": row["precision"],
            "date_is_week": row["date_is_week"],
            "date_display": row["date_display"],
            "confidence": row["confidence"],
            "place": None
            if row["place_id"] is None
            else {
                "id": row["place_id"],
                "name": row["place_name"],
                "kind": row["place_kind"],
                "country_code": row["place_country_code"],
                "latitude": row["place_latitude"],
                "longitude": row["place_longitude"],
                "geonames_id": row["place_geonames_id"],
            },
            "actors": linked.get(pk, []),
            "topics": in_topics.get(pk, []),
            "related": related.get(pk, []),
            "citations": cited.get(pk, []),
            "created_at": _iso_moment(row["created_at"]),
            "updated_at": _iso_moment(row["updated_at"]),
        }
