"""Writing events, as the API shows them, into the mirror's tables (and taking them out again).

An event's JSON (one export line, or a change entry's ``event``) becomes one ``events`` row, the rows of
what it points at (place, actors, topics, articles, outlets: upserted, as other events share them) and
the rows of what it embeds (actor links, topics, relations, citations: replaced as a whole, each list
in the API's order). The functions work on a batch and take the caller's connection: the caller owns
the transaction, so a batch and the sync position it reaches are committed together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Dialect, Table, delete, update

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
                "date_basis": citation.get("date_basis", ""),
            }
    return rows


# How each table's rows are written, per dialect: statements built once, fed tuples the driver takes as
# they are (see _statement). Going through SQLAlchemy's compiled insert cost more than the database's
# own work on a first sync (it rebuilds and type-processes every parameter of every row).
_SQLITE_DATETIME_WIDTH = len("2024-05-17 10:30:00.000000")


def _sqlite_day(value: date | None) -> str | None:
    # SQLAlchemy's SQLite DATE is the ISO day as text; its DATETIME "YYYY-MM-DD HH:MM:SS.ffffff" (UTC here).
    return None if value is None else value.isoformat()


def _sqlite_moment(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.isoformat(" ", "microseconds")[:_SQLITE_DATETIME_WIDTH]


@dataclass(frozen=True)
class _Statement:
    sql: str  # SQLite: the INSERT; PostgreSQL: the COPY
    setup: tuple[str, ...]  # run before it (PostgreSQL)
    finish: tuple[str, ...]  # run after it (PostgreSQL)
    values: Callable[[Mapping[str, Any]], tuple[Any, ...]]  # a row dict -> the driver's tuple


@lru_cache(maxsize=64)
def _statement(dialect: Dialect, table: Table, upsert: bool) -> _Statement:
    """How to write ``table``'s rows on this dialect.

    SQLite: one ``INSERT`` run with executemany (in-process, a statement per row costs little).
    PostgreSQL: the rows go in with ``COPY`` (psycopg's executemany sends a statement per row), into
    the table itself or, to upsert, into a temporary table of the same shape that one
    ``INSERT ... SELECT ... ON CONFLICT`` then moves into the table.
    """
    if dialect.name not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"the mirror writes to SQLite and PostgreSQL, not {dialect.name}")
    quote = dialect.identifier_preparer.quote
    names = [column.name for column in table.columns]
    columns = ", ".join(quote(name) for name in names)
    conflict = ""
    if upsert:
        keys = [column.name for column in table.primary_key.columns]
        changing = [name for name in names if name not in keys]
        conflict = f" ON CONFLICT ({', '.join(quote(name) for name in keys)}) DO "
        conflict += (
            "UPDATE SET " + ", ".join(f"{quote(name)} = excluded.{quote(name)}" for name in changing)
            if changing
            else "NOTHING"
        )
    # Names from this package's own tables, quoted by the dialect; the values go as parameters or COPY data.
    if dialect.name == "sqlite":
        sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({', '.join('?' for _ in names)}){conflict}"  # noqa: S608
        setup: tuple[str, ...] = ()
        finish: tuple[str, ...] = ()
    elif not upsert:
        sql, setup, finish = f"COPY {quote(table.name)} ({columns}) FROM STDIN", (), ()
    else:
        load = quote(f"mirror_load_{table.name}")
        sql = f"COPY {load} ({columns}) FROM STDIN"
        setup = (f"CREATE TEMPORARY TABLE IF NOT EXISTS {load} (LIKE {quote(table.name)}) ON COMMIT DELETE ROWS",)
        finish = (
            f"INSERT INTO {quote(table.name)} ({columns}) SELECT {columns} FROM {load}{conflict}",  # noqa: S608
            f"DELETE FROM {load}",  # noqa: S608
        )
    getter = itemgetter(*names)
    converters = {}
    if dialect.name == "sqlite":
        for index, column in enumerate(table.columns):
            if isinstance(column.type, DateTime):
                converters[index] = _sqlite_moment
            elif isinstance(column.type, Date):
                converters[index] = _sqlite_day
    if len(names) == 1:
        return _Statement(sql, setup, finish, lambda row: (getter(row),))
    if not converters:
        return _Statement(sql, setup, finish, getter)
    convert = tuple(converters.items())

    def values(row: Mapping[str, Any]) -> tuple[Any, ...]:
        items = list(getter(row))
        for index, to_driver in convert:
            items[index] = to_driver(items[index])
        return tuple(items)

    return _Statement(sql, setup, finish, values)


def _write(connection: Connection, table: Table, rows: Iterable[Mapping[str, Any]], *, upsert: bool) -> None:
    statement = _statement(connection.dialect, table, upsert)
    values = [statement.values(row) for row in rows]
    if not values:
        return
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(statement.sql, values)
        return
    # The driver's own cursor, in the transaction the caller's connection holds.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for sql in statement.setup:
            cursor.execute(sql)
        with cursor.copy(statement.sql) as copy:
            for row in values:
                copy.write_row(row)
        for sql in statement.finish:
            cursor.execute(sql)
    finally:
        cursor.close()


def _upsert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the rows, or overwrite the ones whose primary key is already there (SQLite, PostgreSQL)."""
    _write(connection, table, rows, upsert=True)


@dataclass
class SharedRows:
    """What one run already wrote of the rows many events share (places, actors, topics, outlets), by
    table and key: a batch skips a row this run wrote identically before. Their number is the size of
    the reference data, not of the export.

    Only for the run that wrote them: a run that fails stops, and the next one starts empty.
    """

    written: dict[str, dict[Any, dict[str, Any]]] = field(default_factory=dict)

    def fresh(self, table: Table, rows: Mapping[Any, dict[str, Any]]) -> list[dict[str, Any]]:
        seen = self.written.setdefault(table.name, {})
        return [row for key, row in rows.items() if seen.get(key) != row]

    def remember(self, table: Table, rows: list[dict[str, Any]], key: str) -> None:
        seen = self.written.setdefault(table.name, {})
        for row in rows:
            seen[row[key]] = row


def _slices(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _ID_SLICE):
        yield list(ids[start : start + _ID_SLICE])


def children_delete(connection: Connection, event_ids: Sequence[int]) -> None:
    """Drop what these events embed (their rows are written again, or the events leave)."""
    for chunk in _slices(event_ids):
        for table in EVENT_CHILD_TABLES:
            connection.execute(delete(table).where(table.c.event_id.in_(chunk)))


def events_store(
    connection: Connection, rows: EventRows, *, replace_children: bool = True, shared: SharedRows | None = None
) -> None:
    """Upsert a batch of events with everything they point at and embed.

    ``replace_children=False`` skips deleting what the events embedded before: right for a first load
    into tables that do not hold these events yet, and it saves a third of the work there. ``shared``:
    what this run wrote already of the shared rows (see :class:`SharedRows`). A batch whose transaction
    fails ends the run, so what it remembered dies with it.
    """
    shared = shared or SharedRows()
    for table, keyed, key in (
        (places, rows.places, "id"),
        (actors, rows.actors, "id"),
        (topics, rows.topics, "slug"),
        (sources, rows.sources, "domain"),
    ):
        fresh = shared.fresh(table, keyed)
        _upsert(connection, table, fresh)
        shared.remember(table, fresh, key)
    # Articles are not remembered: there are about as many as events, and the client's memory must not
    # grow with the size of the export.
    _upsert(connection, articles, list(rows.articles.values()))
    _upsert(connection, events, rows.events)
    if replace_children:
        children_delete(connection, [row["id"] for row in rows.events])
    _write(connection, event_actors, rows.event_actors, upsert=False)
    _write(connection, event_topics, rows.event_topics, upsert=False)
    _write(connection, event_relations, rows.event_relations, upsert=False)
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
