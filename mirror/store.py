"""Writing events, as the API shows them, into the mirror's tables (and taking them out again).

An event's JSON (one export line, or a change entry's ``event``) becomes one ``events`` row, the rows of
what it points at (place, actors, topics, articles, outlets: upserted, as other events share them) and
the rows of what it embeds (actor links, topics, relations, citations: replaced as a whole, each list
in the API's order). The functions work on a batch and take the caller's connection: the caller owns
the transaction, so a batch and the sync position it reaches are committed together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, update
from sqlalchemy.dialects import postgresql, sqlite

from mirror.schema import (
    EVENT_CHILD_TABLES,
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

# SQLite allows 32,766 bound parameters per statement; ids are deleted in slices well under it.
_ID_SLICE = 5000


@dataclass
class EventRows:
    """The rows of a batch of events, by table; shared things keyed by their key (the last one wins)."""

    places: dict[int, dict[str, Any]] = field(default_factory=dict)
    actors: dict[int, dict[str, Any]] = field(default_factory=dict)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: dict[int, dict[str, Any]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_actors: list[dict[str, Any]] = field(default_factory=list)
    event_topics: list[dict[str, Any]] = field(default_factory=list)
    event_relations: list[dict[str, Any]] = field(default_factory=list)
    citations: dict[int, dict[str, Any]] = field(default_factory=dict)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def event_rows(items: Iterable[Mapping[str, Any]]) -> EventRows:
    """Split events as the API shows them into table rows. Citations must be embedded, not linked."""
    rows = EventRows()
    for item in items:
        event_id = item["id"]
        place = item.get("place")
        if place is not None:
            rows.places[place["id"]] = {
                "id": place["id"],
                "name": place["name"],
                "kind": place["kind"],
                "country_code": place["country_code"],
                "latitude": place["latitude"],
                "longitude": place["longitude"],
                "geonames_id": place["geonames_id"],
            }
        rows.events.append(
            {
                "id": event_id,
                "url": item["url"],
                "title": item["title"],
                "summary": item["summary"],
                "type": item["type"],
                "plover_category": item["plover_category"],
                "plover_mode": item["plover_mode"],
                "status": item["status"],
                "review_state": item["review_state"],
                "date_edtf": item["date_edtf"],
                "date_lower": _day(item["date_lower"]),
                "date_upper": _day(item["date_upper"]),
                "precision": item["precision"],
                "date_is_week": item["date_is_week"],
                "date_display": item["date_display"],
                "confidence": item["confidence"],
                "place_id": None if place is None else place["id"],
                "created_at": _moment(item["created_at"]),
                "updated_at": _moment(item["updated_at"]),
                "merged_into": None,
            }
        )
        for position, actor in enumerate(item["actors"]):
            rows.actors[actor["id"]] = {
                "id": actor["id"],
                "name": actor["name"],
                "kind": actor["kind"],
                "country_code": actor["country_code"],
                "wikidata_id": actor["wikidata_id"],
            }
            rows.event_actors.append(
                {"event_id": event_id, "position": position, "actor_id": actor["id"], "role": actor["role"]}
            )
        for topic in item["topics"]:
            rows.topics[topic["slug"]] = {"slug": topic["slug"], "name": topic["name"]}
            rows.event_topics.append({"event_id": event_id, "topic_slug": topic["slug"]})
        for position, relation in enumerate(item["related"]):
            rows.event_relations.append(
                {"event_id": event_id, "position": position, "kind": relation["kind"], "to_event_id": relation["event"]}
            )
        cited = item["citations"]
        if not isinstance(cited, list):
            raise ValueError("the mirror needs embedded citations (citations=embed)")
        for position, citation in enumerate(cited):
            article = citation["article"]
            domain = article["outlet_domain"]
            if domain is not None:
                rows.sources[domain] = {"domain": domain, "name": article["outlet"]}
            rows.articles[article["id"]] = {
                "id": article["id"],
                "url": article["url"],
                "title": article["title"],
                "published": _day(article["published"]),
                "source_domain": domain,
            }
            rows.citations[citation["id"]] = {
                "id": citation["id"],
                "event_id": event_id,
                "position": position,
                "article_id": article["id"],
                "quote": citation["quote"],
                "start": citation["start"],
                "end": citation["end"],
                "time_text": citation["time_text"],
            }
    return rows


def _upsert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the rows, or overwrite the ones whose primary key is already there (SQLite, PostgreSQL)."""
    if not rows:
        return
    name = connection.dialect.name
    if name == "sqlite":
        statement: Any = sqlite.insert(table)
    elif name == "postgresql":
        statement = postgresql.insert(table)
    else:
        raise NotImplementedError(f"the mirror writes to SQLite and PostgreSQL, not {name}")
    keys = [column.name for column in table.primary_key.columns]
    changing = {column.name: statement.excluded[column.name] for column in table.columns if column.name not in keys}
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=changing), list(rows))


def _slices(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _ID_SLICE):
        yield list(ids[start : start + _ID_SLICE])


def children_delete(connection: Connection, event_ids: Sequence[int]) -> None:
    """Drop what these events embed (their rows are written again, or the events leave)."""
    for chunk in _slices(event_ids):
        for table in EVENT_CHILD_TABLES:
            connection.execute(delete(table).where(table.c.event_id.in_(chunk)))


def events_store(connection: Connection, rows: EventRows, *, replace_children: bool = True) -> None:
    """Upsert a batch of events with everything they point at and embed.

    ``replace_children=False`` skips deleting what the events embedded before: right for a first load
    into tables that do not hold these events yet, and it saves a third of the work there.
    """
    _upsert(connection, places, list(rows.places.values()))
    _upsert(connection, actors, list(rows.actors.values()))
    _upsert(connection, topics, list(rows.topics.values()))
    _upsert(connection, sources, list(rows.sources.values()))
    _upsert(connection, articles, list(rows.articles.values()))
    _upsert(connection, events, rows.events)
    if replace_children:
        children_delete(connection, [row["id"] for row in rows.events])
    if rows.event_actors:
        connection.execute(event_actors.insert(), rows.event_actors)
    if rows.event_topics:
        connection.execute(event_topics.insert(), rows.event_topics)
    if rows.event_relations:
        connection.execute(event_relations.insert(), rows.event_relations)
    # A citation moves between events on a merge or its undoing, and the event it left may only be
    # rewritten by a later entry: the id wins, whichever event held it until now.
    _upsert(connection, citations, list(rows.citations.values()))


def events_delete(connection: Connection, event_ids: Sequence[int]) -> None:
    """Take events out (deleted, unpublished, or out of the followed topic)."""
    children_delete(connection, event_ids)
    for chunk in _slices(event_ids):
        connection.execute(delete(events).where(events.c.id.in_(chunk)))


def events_mark_merged(connection: Connection, merged_into: Mapping[int, int]) -> None:
    """Keep merged events as ids that resolve to their survivor (``merged_into``), without content."""
    children_delete(connection, list(merged_into))
    for event_id, target in merged_into.items():
        connection.execute(update(events).where(events.c.id == event_id).values(merged_into=target))
