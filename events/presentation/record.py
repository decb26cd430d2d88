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

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import QuerySet

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
    kind: str
    event: int  # the related event's id


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


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event with everything any rendering shows, in plain values.

    ``citations`` is None when they were not read (the API's ``citations=link``), which is not the
    same as an event with no citation.
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
    topics: tuple[TopicRef, ...]
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

    actors: Mapping[int, list[ActorRef]]
    topics: Mapping[int, list[TopicRef]]
    related: Mapping[int, list[RelationRef]]
    citations: Mapping[int, list[CitationRef]] | None  # None: not read


def _ids_in(queryset: QuerySet[Any], column: str, ids: list[int]) -> QuerySet[Any]:
    """Rows whose ``column`` is one of ``ids``.

    On PostgreSQL as ``= ANY(array)``, one parameter: Django builds, prepares and quotes each member of
    an ``IN`` list one by one, which for a 2,000-event export chunk cost more than running the query.
    """
    if connection.vendor == "postgresql":
        return queryset.filter(IdsAny(column, ids_array(ids)))
    return queryset.filter(**{f"{column}__in": ids})


def _grouped(rows: Iterable[Sequence[Any]], make: Any) -> dict[int, list[Any]]:
    # Each row starts with the event id; the rest is one embedded part.
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(make(row[1:]))
    return grouped


@dataclass(frozen=True)
class Readable:
    """What one reader may see of what events embed: the citations, and the relations (by their target)."""

    citations: QuerySet[Citation]
    relations: QuerySet[EventRelation]


def readable_public() -> Readable:
    """What anyone may see: public citations (accepted, of a published event) and relations to
    published events only (a public event never names a proposed one)."""
    return Readable(
        citations=citations_public(),
        relations=EventRelation.objects.filter(
            to_event__review_state=ReviewState.PUBLISHED, to_event__merged_into__isnull=True
        ),
    )


def citation_rows(*, readable: Readable | None = None) -> QuerySet[Citation, tuple[Any, ...]]:
    """The citations records carry, as ``(event_id, id, quote, start, end, time_text, date_basis, article_id,
    url, title, published, outlet, outlet_domain)`` rows (:data:`CITATION_COLUMNS`), oldest article first.

    The one place that decides which citations reach pages, the API and every download: those of
    ``readable`` (by default :func:`readable_public`), so the rule holds everywhere at once. The export
    built in SQL (:mod:`events.presentation.record_sql`) reads this same query.
    """
    readable = readable or readable_public()
    return readable.citations.order_by("event_id", "article__published", "start", "pk").values_list(
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
    )


CITATION_COLUMNS = (
    "event_id",
    "id",
    "quote",
    "start",
    "end",
    "time_text",
    "date_basis",
    "article_id",
    "url",
    "title",
    "published",
    "outlet",
    "outlet_domain",
)


def citation_rows_for_records(
    ids: list[int], *, readable: Readable | None = None
) -> QuerySet[Citation, tuple[Any, ...]]:
    """:func:`citation_rows` of these events."""
    return _ids_in(citation_rows(readable=readable), "event_id", ids)


def actor_rows() -> QuerySet[EventActor, tuple[Any, ...]]:
    """Every event's actors as ``(event_id, *ActorRef)`` rows (:data:`ACTOR_COLUMNS`), by role, then name."""
    return EventActor.objects.order_by("event_id", "role", "actor__name", "pk").values_list(
        "event_id", "actor_id", "actor__name", "actor__kind", "actor__country_code", "actor__wikidata_id", "role"
    )


ACTOR_COLUMNS = ("event_id", *ActorRef._fields)


def topic_rows() -> QuerySet[TopicMembership, tuple[Any, ...]]:
    """Every event's published topics as ``(event_id, slug, name)`` rows (:data:`TOPIC_COLUMNS`), by slug."""
    return (
        TopicMembership.objects.filter(topic__is_published=True)
        .order_by("event_id", "topic__slug")
        .values_list("event_id", "topic__slug", "topic__name")
    )


TOPIC_COLUMNS = ("event_id", *TopicRef._fields)


def relation_rows(*, readable: Readable | None = None) -> QuerySet[EventRelation, tuple[Any, ...]]:
    """The relations ``readable`` allows as ``(from_event_id, kind, to_event_id)`` rows (:data:`RELATION_COLUMNS`)."""
    readable = readable or readable_public()
    return readable.relations.order_by("from_event_id", "pk").values_list("from_event_id", "kind", "to_event_id")


RELATION_COLUMNS = ("event_id", *RelationRef._fields)


def _citation(row: Sequence[Any]) -> CitationRef:
    pk, quote, start, end, time_text, date_basis, *article = row
    return CitationRef(pk, quote, start, end, time_text, date_basis, ArticleRef._make(article))


def record_embeds(
    event_ids: Collection[int], *, with_citations: bool = True, readable: Readable | None = None
) -> RecordEmbeds:
    """Actors, published topics, relations and (optionally) citations of these events: one query each.

    Only the citations and relations ``readable`` allows (by default what anyone may see).
    """
    if not event_ids:
        return RecordEmbeds({}, {}, {}, {} if with_citations else None)
    readable = readable or readable_public()
    ids = list(event_ids)
    actors = _ids_in(actor_rows(), "event_id", ids)
    topics = _ids_in(topic_rows(), "event_id", ids)
    related = _ids_in(relation_rows(readable=readable), "from_event_id", ids)
    citations = _grouped(citation_rows_for_records(ids, readable=readable), _citation) if with_citations else None
    return RecordEmbeds(
        _grouped(actors, ActorRef._make),
        _grouped(topics, TopicRef._make),
        _grouped(related, RelationRef._make),
        citations,
    )


def records_from_rows(
    rows: Sequence[Mapping[str, Any]],
    embeds: RecordEmbeds | None = None,
    *,
    with_citations: bool = True,
    readable: Readable | None = None,
) -> list[EventRecord]:
    """Records for rows of :data:`RECORD_FIELDS`, in the rows' order (their embeds read unless given)."""
    if embeds is None:
        embeds = record_embeds([row["id"] for row in rows], with_citations=with_citations, readable=readable)
    places: dict[int, PlaceRef] = {}  # many events share a place: one PlaceRef each
    records = []
    no_citations: tuple[CitationRef, ...] = ()
    for row in rows:
        pk = row["id"]
        place_id = row["place_id"]
        place = None
        if place_id is not None:
            place = places.get(place_id)
            if place is None:
                place = places[place_id] = PlaceRef(
                    place_id,
                    row["place__name"],
                    row["place__kind"],
                    row["place__country_code"],
                    row["place__latitude"],
                    row["place__longitude"],
                    row["place__geonames_id"],
                )
        records.append(
            EventRecord(
                pk,
                row["title"],
                row["summary"],
                row["event_type"],
                row["status"],
                row["review_state"],
                row["date_edtf"],
                row["date_lower"],
                row["date_upper"],
                row["precision"],
                row["date_is_week"],
                row["confidence"],
                row["created_at"],
                row["updated_at"],
                row["reviewed_at"],
                place,
                tuple(embeds.actors.get(pk, ())),
                tuple(embeds.topics.get(pk, ())),
                tuple(embeds.related.get(pk, ())),
                None if embeds.citations is None else tuple(embeds.citations.get(pk, no_citations)),
            )
        )
    return records


def event_records(
    queryset: QuerySet[Event], *, with_citations: bool = True, readable: Readable | None = None
) -> list[EventRecord]:
    """Records of every event in ``queryset``, in its order: five queries whatever its length."""
    return records_from_rows(list(record_rows(queryset)), with_citations=with_citations, readable=readable)


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
    rows = record_rows(queryset.order_by("id"))
    last_id = None
    while True:
        chunk = list((rows if last_id is None else rows.filter(id__gt=last_id))[:chunk_size])
        if not chunk:
            return
        yield from records_from_rows(chunk, with_citations=with_citations, readable=readable)
        if len(chunk) < chunk_size:
            return
        last_id = chunk[-1]["id"]
