"""The one read model of an event: a frozen :class:`EventRecord` and the selector that builds records.

Every place that shows events reads records: the API's JSON, and every format of
:mod:`events.presentation.formats` (CSV, NDJSON, JSON-LD, TimelineJS, Atom, iCalendar), on the API
and on the topic pages. :func:`event_records` (or :func:`records_from_rows` for rows already read)
costs a constant number of queries for any number of events: one for the events with their place,
then one each for actors, published topics, relations and citations.

Records are built from plain ``values()`` rows, not model instances: building an instance per related
row was most of the cost of an API page and of the bulk export. The embedded parts are named tuples
made straight from ``values_list`` rows. Article text never leaves the database.

Which citations a record carries, and which events its relations may name, is decided by a
:class:`Readable`: by default :func:`readable_public` (:func:`events.selectors.citations_public`, like
the timeline pages' source notes, and published related events); the API passes the requester's own
(``api.selectors.api_readable``: an editor reads every citation, a researcher also its own).
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from operator import itemgetter
from typing import Any, NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connection, connections
from django.db.models import QuerySet
from psycopg.types.datetime import TimestamptzLoader

from events.domain.edtf_dates import OPEN_END, OPEN_START
from events.domain.vocabulary import EVENT_TYPES, EventType, ReviewState, plover_for
from events.models import Citation, Event, EventActor, EventRelation, TopicMembership
from events.presentation.dates import human_date
from events.selectors import citations_public
from events.sql_arrays import IdsAny, ids_array


class PlaceRef(NamedTuple):
    id: int
    name: str
    kind: str
    country_code: str
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


class ActorRef(NamedTuple):
    """An actor as it takes part in one event (its role there)."""

    id: int
    name: str
    kind: str
    country_code: str
    wikidata_id: str | None
    role: str


class TopicRef(NamedTuple):
    slug: str
    name: str


class RelationRef(NamedTuple):
    """A relation to another event, with what a page shows of that event (its title and date)."""

    kind: str
    event: int  # the related event's id
    title: str
    date_edtf: str
    date_is_week: bool

    @property
    def date_display(self) -> str:
        return human_date(self.date_edtf, self.date_is_week)


class ArticleRef(NamedTuple):
    id: int
    url: str | None
    title: str
    published: date | None
    outlet: str | None
    outlet_domain: str | None


class CitationRef(NamedTuple):
    id: int
    quote: str
    start: int
    end: int
    time_text: str
    date_basis: str  # how the engine reached the date; empty for a citation made by hand
    article: ArticleRef


class EventRecord(NamedTuple):
    """One event with everything any rendering shows, in plain values; immutable.

    ``citations`` is None when they were not read (the API's ``citations=link``), which is not the
    same as an event with no citation; so is ``topics`` (the timeline pages, which never show them).

    A named tuple rather than a frozen dataclass: a page builds a thousand of these per request, and a
    frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) cost several times more.
    """

    id: int
    title: str
    summary: str
    event_type: str
    status: str
    review_state: str
    date_edtf: str
    date_lower: date
    date_upper: date
    precision: str
    date_is_week: bool
    confidence: float
    created_at: datetime
    updated_at: datetime
    reviewed_at: datetime | None
    place: PlaceRef | None
    actors: tuple[ActorRef, ...]
    topics: tuple[TopicRef, ...] | None
    related: tuple[RelationRef, ...]
    citations: tuple[CitationRef, ...] | None

    @property
    def date_display(self) -> str:
        return human_date(self.date_edtf, self.date_is_week)

    @property
    def plover(self) -> tuple[str, str]:
        """(PLOVER category, mode); both empty for ``other``."""
        return plover_for(self.event_type)

    @property
    def type_label(self) -> str:
        try:
            return str(EVENT_TYPES[EventType(self.event_type)].label)
        except ValueError:
            return self.event_type

    @property
    def anchor_date(self) -> date:
        """The day the event is filed under: its lower bound, or its upper one when open at the start."""
        return self.date_upper if self.date_lower == OPEN_START else self.date_lower

    @property
    def open_start(self) -> bool:
        return self.date_lower == OPEN_START

    @property
    def open_end(self) -> bool:
        return self.date_upper == OPEN_END


# The columns a record reads, as ``QuerySet.values()`` names (the place through its foreign key).
RECORD_FIELDS = (
    "id",
    "title",
    "summary",
    "event_type",
    "status",
    "review_state",
    "date_edtf",
    "date_lower",
    "date_upper",
    "precision",
    "date_is_week",
    "confidence",
    "created_at",
    "updated_at",
    "reviewed_at",
    "place_id",
    "place__name",
    "place__kind",
    "place__country_code",
    "place__latitude",
    "place__longitude",
    "place__geonames_id",
)


def record_rows(queryset: QuerySet[Event]) -> QuerySet[Event, dict[str, Any]]:
    """The events as plain rows of :data:`RECORD_FIELDS`, their place joined in the same query."""
    return queryset.values(*RECORD_FIELDS)


# The columns of a record row, read as one tuple from a dict row; the first _SCALARS are the record's
# own fields in its order, the rest the place's.
_ROW_TUPLE = itemgetter(*RECORD_FIELDS)
_SCALARS = RECORD_FIELDS.index("place_id")


def record_row_from_instance(event: Event) -> dict[str, Any]:
    """The row :data:`RECORD_FIELDS` names, read from a model instance (its place selected with it)."""
    row = {name: getattr(event, name) for name in RECORD_FIELDS if "__" not in name}
    place = event.place if event.place_id is not None else None
    for name in RECORD_FIELDS:
        if name.startswith("place__"):
            row[name] = None if place is None else getattr(place, name.removeprefix("place__"))
    return row


@dataclass(frozen=True)
class RecordEmbeds:
    """What events embed, grouped by event id, in the order every rendering lists them."""

    actors: Mapping[int, tuple[ActorRef, ...]]
    topics: Mapping[int, tuple[TopicRef, ...]] | None  # None: not read
    related: Mapping[int, tuple[RelationRef, ...]]
    citations: Mapping[int, tuple[CitationRef, ...]] | None  # None: not read


def _ids_in(queryset: QuerySet[Any], column: str, ids: list[int]) -> QuerySet[Any]:
    """Rows whose ``column`` is one of ``ids``.

    On PostgreSQL as ``= ANY(array)``, one parameter: Django builds, prepares and quotes each member of
    an ``IN`` list one by one, which for a 2,000-event export chunk cost more than running the query.
    """
    if connection.vendor == "postgresql":
        return queryset.filter(IdsAny(column, ids_array(ids)))
    return queryset.filter(**{f"{column}__in": ids})


class CompiledRead(NamedTuple):
    """A ``values_list`` read compiled to SQL (``sql`` None: it finds nothing, Django's EmptyResultSet),
    whose columns need no conversion after the database driver's, with the database it runs on."""

    sql: str | None
    params: tuple[Any, ...]
    alias: str


def compiled_read(queryset: QuerySet[Any, tuple[Any, ...]]) -> CompiledRead | None:
    """``queryset`` compiled, or None when Django converts some column after the driver (it must run
    through the ORM)."""
    compiler = queryset.query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return CompiledRead(None, (), queryset.db)
    if compiler.get_converters([column for column, _, _ in compiler.select]):
        return None
    return CompiledRead(sql, tuple(params), queryset.db)


def _run(read: CompiledRead) -> list[tuple[Any, ...]]:
    if read.sql is None:
        return []
    with connections[read.alias].cursor() as cursor:
        _timestamps_loaded_in_c(cursor, read.alias)
        cursor.execute(read.sql, read.params)
        return cursor.fetchall()


def _fetched(queryset: QuerySet[Any, tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows of a ``values_list`` queryset, fetched at once.

    Django's iterator fetches a hundred rows at a time, and each fetch cost more than converting its
    rows (a page of a thousand events reads several thousand citation and actor rows). Rows whose
    columns Django converts after the database driver are left to Django.
    """
    read = compiled_read(queryset)
    return list(queryset) if read is None else _run(read)


def _timestamps_loaded_in_c(cursor: Any, alias: str) -> None:
    """Have ``cursor`` load timestamps with psycopg's C loader where that makes what Django's makes.

    Django's loader of ``timestamptz`` is a Python subclass of psycopg's (it sets the time zone on each
    value), which psycopg cannot swap for its C twin: an event's three timestamps cost more to load
    than the rest of its row (bench/pages.py, 20,000 events: 0.47 s of a 0.6 s fetch). On a connection
    whose session time zone is UTC, as Django's is, psycopg's own loader makes the same aware
    datetimes, in ``datetime.timezone.utc``; on any other, Django's loader stays.
    """
    wrapper = connections[alias]
    if wrapper.vendor != "postgresql" or wrapper.timezone is not UTC:
        return
    raw = cursor.cursor  # Django's CursorWrapper around psycopg's cursor
    if raw.connection.info.parameter_status("TimeZone") == "UTC":
        raw.adapters.register_loader("timestamptz", TimestamptzLoader)


def _grouped(rows: Sequence[Sequence[Any]], kind: type[tuple[Any, ...]]) -> dict[int, tuple[Any, ...]]:
    # Each row starts with the event id; the rest is one ``kind`` (a named tuple). Made with
    # tuple.__new__, not the named tuple's Python-level _make: every row of a read has the same columns,
    # so the first row's length is checked for all.
    if rows and len(rows[0]) - 1 != len(kind._fields):  # type: ignore[attr-defined]
        raise ValueError(f"{kind.__name__} rows have {len(rows[0]) - 1} columns, not {len(kind._fields)}")  # type: ignore[attr-defined]
    new = tuple.__new__
    grouped: dict[int, list[Any]] = {}
    current, items = None, []
    for row in rows:
        # The reads come ordered by event id: an event's list is looked up when the id changes, not
        # for every row (the lookup stays, so rows in any order still group right).
        if row[0] != current:
            current = row[0]
            items = grouped.setdefault(current, [])
        items.append(new(kind, row[1:]))
    return {pk: tuple(items) for pk, items in grouped.items()}


@dataclass(frozen=True)
class Readable:
    """What one reader may see of what events embed: the citations, and the relations (by their target)."""

    citations: QuerySet[Citation]
    relations: QuerySet[EventRelation]


@cache
def readable_public() -> Readable:
    """What anyone may see: public citations (accepted, of a published event) and relations to
    published events only (a public event never names a proposed one). One object per process: the
    reads are compiled once for it (:func:`_prepared_public_reads`)."""
    return Readable(
        citations=citations_public(),
        relations=EventRelation.objects.filter(
            to_event__review_state=ReviewState.PUBLISHED, to_event__merged_into__isnull=True
        ),
    )


# The order of an event's citations everywhere (pages, API, every download): oldest article first, an
# article's sentences together in their order in its text.
CITATION_ORDER = ("article__published", "article_id", "start", "pk")


class EmbedReads(NamedTuple):
    """The reads of what events embed, not yet limited to any events; each row starts with the event id."""

    actors: QuerySet[Any, tuple[Any, ...]]
    topics: QuerySet[Any, tuple[Any, ...]]
    related: QuerySet[Any, tuple[Any, ...]]
    citations: QuerySet[Any, tuple[Any, ...]]


# The column each read of EmbedReads is limited to the events by.
EMBED_EVENT_COLUMNS = ("event_id", "event_id", "from_event_id", "event_id")


def embed_reads(readable: Readable) -> EmbedReads:
    """Actors by role then name; published topics by slug; the relations and citations ``readable``
    allows, citations in :data:`CITATION_ORDER`. The citations' rows are ``(event_id, id, quote, start,
    end, time_text, date_basis, article_id, url, title, published, outlet, outlet_domain)``.

    The one place that decides which citations reach pages, the API and every download: those of
    ``readable`` (by default :func:`readable_public`), so the rule holds everywhere at once. The export
    PostgreSQL writes (:mod:`events.presentation.record_sql`) reads these same queries.
    """
    return EmbedReads(
        EventActor.objects.order_by("event_id", "role", "actor__name", "pk").values_list(
            "event_id", "actor_id", "actor__name", "actor__kind", "actor__country_code", "actor__wikidata_id", "role"
        ),
        TopicMembership.objects.filter(topic__is_published=True)
        .order_by("event_id", "topic__slug")
        .values_list("event_id", "topic__slug", "topic__name"),
        readable.relations.order_by("from_event_id", "pk").values_list(
            "from_event_id", "kind", "to_event_id", "to_event__title", "to_event__date_edtf", "to_event__date_is_week"
        ),
        readable.citations.order_by("event_id", *CITATION_ORDER).values_list(
            "event_id",
            "pk",
            "quote",
            "start",
            "end",
            "time_text",
            "date_basis",
            "article_id",
            "article__url",
            "article__title",
            "article__published",
            "article__source__name",
            "article__source__domain",
        ),
    )


_IDS_PLACEHOLDER = "{ids}"  # compiled into a prepared read, found again by identity


@dataclass(frozen=True)
class _PreparedRead:
    """A read compiled once (SQL and parameters), run with new events by swapping one parameter.

    Building and compiling the four embed reads (lookups, joins, orderings) cost more CPU than a short
    page's running them. Only reads whose columns need no conversion after the driver's are prepared,
    so the rows are those ``values_list`` gives.
    """

    sql: str
    params: tuple[Any, ...]
    at: int  # the index of the ids parameter

    @classmethod
    def of(cls, queryset: QuerySet[Any], column: str) -> _PreparedRead | None:
        compiler = queryset.filter(IdsAny(column, _IDS_PLACEHOLDER)).query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        if compiler.get_converters([col for col, _, _ in compiler.select]):
            return None
        return cls(sql, tuple(params), next(i for i, p in enumerate(params) if p is _IDS_PLACEHOLDER))

    def rows(self, array: str) -> list[tuple[Any, ...]]:
        params = list(self.params)
        params[self.at] = array
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            return cursor.fetchall()


@cache
def _prepared_public_reads() -> tuple[_PreparedRead, ...] | None:
    """The embed reads of :func:`readable_public` compiled once per process (PostgreSQL only)."""
    reads = [
        _PreparedRead.of(read, column)
        for read, column in zip(embed_reads(readable_public()), EMBED_EVENT_COLUMNS, strict=True)
    ]
    return None if None in reads else tuple(read for read in reads if read is not None)


def _citations_grouped(rows: Iterable[Sequence[Any]]) -> dict[int, tuple[CitationRef, ...]]:
    """Citation rows (see :func:`embed_reads`) as each event's citations (one ArticleRef per article)."""
    articles: dict[int, ArticleRef] = {}
    grouped: dict[int, list[CitationRef]] = {}
    current: int | None = None
    items: list[CitationRef] = []
    # tuple.__new__ rather than the named tuples' own constructors, which are Python functions (keyword
    # arguments and all): a page makes thousands of these. The loop's unpacking checks each row's length.
    new = tuple.__new__
    for (
        event_id,
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
        domain,
    ) in rows:
        article = articles.get(article_id)
        if article is None:
            article = articles[article_id] = new(ArticleRef, (article_id, url, title, published, outlet, domain))
        if event_id != current:  # ordered by event id, as in _grouped
            current = event_id
            items = grouped.setdefault(event_id, [])
        items.append(new(CitationRef, (pk, quote, start, end, time_text, date_basis, article)))
    return {pk: tuple(items) for pk, items in grouped.items()}


def record_embeds(
    event_ids: Collection[int],
    *,
    with_citations: bool = True,
    with_topics: bool = True,
    readable: Readable | None = None,
) -> RecordEmbeds:
    """Actors, published topics, relations and citations of these events: one query each (the topics
    and the citations only when asked for).

    Only the citations and relations ``readable`` allows (by default what anyone may see).
    """
    if not event_ids:
        return RecordEmbeds({}, {} if with_topics else None, {}, {} if with_citations else None)
    readable = readable or readable_public()
    ids = list(event_ids)
    wanted = [0, *([1] if with_topics else []), 2, *([3] if with_citations else [])]  # in EmbedReads' order
    public = readable is readable_public() and connection.vendor == "postgresql"
    prepared = _prepared_public_reads() if public else None
    rows: dict[int, list[tuple[Any, ...]]] = {}
    if prepared is not None:
        array = ids_array(ids)
        rows = {at: prepared[at].rows(array) for at in wanted}
    else:
        reads = embed_reads(readable)
        rows = {at: _fetched(_ids_in(reads[at], EMBED_EVENT_COLUMNS[at], ids)) for at in wanted}
    return RecordEmbeds(
        _grouped(rows[0], ActorRef),
        _grouped(rows[1], TopicRef) if with_topics else None,
        _grouped(rows[2], RelationRef),
        _citations_grouped(rows[3]) if with_citations else None,
    )


def records_from_rows(
    rows: Sequence[Mapping[str, Any]],
    embeds: RecordEmbeds | None = None,
    *,
    with_citations: bool = True,
    readable: Readable | None = None,
) -> list[EventRecord]:
    """Records for rows of :data:`RECORD_FIELDS`, in the rows' order (their embeds read unless given)."""
    return records_from_tuples(
        [_ROW_TUPLE(row) for row in rows], embeds, with_citations=with_citations, readable=readable
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while records are built (or, as a decorator, while a
    view that reads records runs).

    Building a page's records allocates tens of thousands of tuples, which set off the collector over
    and over, each time walking every object the process holds (a third of the time of building 5,000
    records, bench/pages.py). Records are tuples of plain values and can form no reference cycle, so
    there is nothing for it to find in them; it runs again as soon as they are built. A view that holds
    its records until its page is written pauses it until then: records let go before the collector
    runs again are freed by reference counting, and no collection ever walks them.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def records_from_tuples(
    rows: Sequence[tuple[Any, ...]],
    embeds: RecordEmbeds | None = None,
    *,
    with_citations: bool = True,
    with_topics: bool = True,
    readable: Readable | None = None,
) -> list[EventRecord]:
    """Records for rows of :data:`RECORD_FIELDS` as tuples (``values_list``), in the rows' order."""
    with collector_paused():
        if embeds is None:
            embeds = record_embeds(
                [row[0] for row in rows], with_citations=with_citations, with_topics=with_topics, readable=readable
            )
        return _records(rows, embeds)


def _records(rows: Sequence[tuple[Any, ...]], embeds: RecordEmbeds) -> list[EventRecord]:
    places: dict[int, PlaceRef] = {}  # many events share a place: one PlaceRef each
    actors, topics, related, citations = embeds.actors, embeds.topics, embeds.related, embeds.citations
    # tuple.__new__, not the named tuples' Python-level _make: every row has the columns of RECORD_FIELDS
    # (checked on the first), so every record has its fields.
    if rows and len(rows[0]) != len(RECORD_FIELDS):
        raise ValueError(f"record rows have {len(rows[0])} columns, not {len(RECORD_FIELDS)}")
    new = tuple.__new__
    records: list[EventRecord] = []
    for row in rows:
        pk = row[0]
        place_id = row[_SCALARS]
        place = None
        if place_id is not None:
            place = places.get(place_id)
            if place is None:
                place = places[place_id] = new(PlaceRef, row[_SCALARS:])
        embedded = (
            place,
            actors.get(pk, ()),
            None if topics is None else topics.get(pk, ()),
            related.get(pk, ()),
            None if citations is None else citations.get(pk, ()),
        )
        # The row's own fields joined to the embeds' tuple: a star-unpacked row went through a list.
        records.append(new(EventRecord, row[:_SCALARS] + embedded))
    return records


def record_read(queryset: QuerySet[Event]) -> CompiledRead | None:
    """The read of ``queryset``'s record rows compiled, for :func:`event_records` to run again (None
    where it must run through the ORM)."""
    return compiled_read(queryset.values_list(*RECORD_FIELDS))


def event_records(
    queryset: QuerySet[Event] | CompiledRead,
    *,
    with_citations: bool = True,
    with_topics: bool = True,
    readable: Readable | None = None,
) -> list[EventRecord]:
    """Records of every event in ``queryset`` (or its :func:`record_read`), in its order: five queries
    whatever its length (one fewer for each of the topics and citations not asked for)."""
    with collector_paused():
        rows = _run(queryset) if isinstance(queryset, CompiledRead) else _fetched(queryset.values_list(*RECORD_FIELDS))
        return records_from_tuples(rows, with_citations=with_citations, with_topics=with_topics, readable=readable)


def event_records_chunked(
    queryset: QuerySet[Event],
    *,
    with_citations: bool = True,
    chunk_size: int = 2000,
    readable: Readable | None = None,
) -> Iterator[EventRecord]:
    """Records of every event in ``queryset`` by ascending id, read ``chunk_size`` at a time.

    A keyset walk holds no cursor open between chunks, so memory stays flat and each chunk costs the
    same (five queries), however far into the set it is.
    """
    rows = queryset.order_by("id").values_list(*RECORD_FIELDS)
    last_id = None
    while True:
        chunk = _fetched((rows if last_id is None else rows.filter(id__gt=last_id))[:chunk_size])
        if not chunk:
            return
        yield from records_from_tuples(chunk, with_citations=with_citations, readable=readable)
        if len(chunk) < chunk_size:
            return
        last_id = chunk[-1][0]
