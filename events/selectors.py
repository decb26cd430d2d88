"""Reads. The same selector feeds a public page, the matching API endpoint and the admin.

Every list here costs a constant number of queries, whatever its length: relations are fetched with
select_related/prefetch_related, counts are annotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any, NamedTuple

from django.db.models import Count, Expression, IntegerField, Prefetch, Q, QuerySet

from events.domain.vocabulary import ReviewState
from events.models import Actor, Article, Citation, Event, EventActor, Place, Topic
from events.sql_arrays import IdsAny, ids_array


def events_published() -> QuerySet[Event]:
    """Events a reader may see: published, not merged into another."""
    return Event.objects.filter(review_state=ReviewState.PUBLISHED, merged_into__isnull=True)


def events_visible_to(*, user: object | None) -> QuerySet[Event]:
    """Published events for everyone; editors (with the view permission) also see proposed ones."""
    has_perm = getattr(user, "has_perm", None)
    if has_perm is not None and has_perm("events.view_event"):
        return Event.objects.filter(merged_into__isnull=True).exclude(review_state=ReviewState.REJECTED)
    return events_published()


def topics_published_with_counts() -> QuerySet[Topic]:
    published = Q(memberships__event__review_state=ReviewState.PUBLISHED, memberships__event__merged_into__isnull=True)
    return Topic.objects.filter(is_published=True).annotate(event_count=Count("memberships", filter=published))


def event_resolve_merged(event: Event) -> Event:
    """Follow ``merged_into`` to the surviving event (a merged permalink redirects there)."""
    seen = {event.pk}
    while event.merged_into_id is not None and event.merged_into_id not in seen:
        seen.add(event.merged_into_id)
        event = Event.objects.get(pk=event.merged_into_id)
    return event


@dataclass(frozen=True)
class TextSegment:
    """A run of an article's clean text; ``citation`` is set for a cited sentence."""

    text: str
    citation: Citation | None = None


def article_text_segments(article: Article, *, published_only: bool = False) -> list[TextSegment]:
    """The article's clean text cut into plain and cited runs, for highlighting (overlaps are merged)."""
    citations = Citation.objects.filter(article=article).select_related("event").order_by("start", "end")
    if published_only:
        citations = citations.filter(event__review_state=ReviewState.PUBLISHED, event__merged_into__isnull=True)
    text = article.clean_text
    segments: list[TextSegment] = []
    position = 0
    for citation in citations:
        if citation.start < position:
            continue  # a second citation of the same sentence: the first highlight stands
        if citation.start > position:
            segments.append(TextSegment(text[position : citation.start]))
        segments.append(TextSegment(text[citation.start : citation.end], citation))
        position = citation.end
    if position < len(text):
        segments.append(TextSegment(text[position:]))
    return segments


def article_find_duplicate(*, text: str | None = None, url: str | None = None) -> Article | None:
    """The stored article with the same normalised text or canonical URL, if any."""
    from events.services.articles import content_hash_for

    if text and text.strip():
        found = Article.objects.filter(content_hash=content_hash_for(text)).first()
        if found is not None:
            return found
    if url:
        return Article.objects.filter(url=url).first()
    return None


# A search is at most this many words and characters. Each word costs two subqueries (actors, quoted
# sentences) and a scan of the events; the cap keeps the worst request a bounded amount of work.
SEARCH_MAX_WORDS = 12
SEARCH_MAX_CHARS = 200


class SearchQueryError(ValueError):
    """A search query over the limits; the message says which, for the page and the API to show."""


def search_words(query: str) -> list[str]:
    """The words of ``query``, or :class:`SearchQueryError` when it is longer than a search may be."""
    if len(query) > SEARCH_MAX_CHARS:
        raise SearchQueryError(
            f"A search may be at most {SEARCH_MAX_CHARS} characters long; this one has {len(query)}."
        )
    words = query.split()
    if len(words) > SEARCH_MAX_WORDS:
        raise SearchQueryError(f"A search may have at most {SEARCH_MAX_WORDS} words; this one has {len(words)}.")
    return words


def events_search(queryset: QuerySet[Event], query: str) -> QuerySet[Event]:
    """Events whose title, summary, place, actors or quoted sentences match every word of ``query``.

    Raises :class:`SearchQueryError` for a query over :data:`SEARCH_MAX_WORDS` words or
    :data:`SEARCH_MAX_CHARS` characters. A portable fallback; on PostgreSQL the public search page
    ranks with full-text search instead.

    Each word is one condition on the event row itself: its own columns, its place (a foreign key,
    one row) and two ``id IN (subquery)`` tests for the actors and the quoted sentences. Joining the
    actors and citations instead multiplied the rows by (actors x citations) once per word before
    ``DISTINCT``, so the cost grew exponentially with the words (9 words took minutes).
    """
    return events_matching_words(queryset, search_words(query))


# On PostgreSQL, from this many words on, each event's text is put together once and every word looked
# for in it (see _events_matching_words_postgresql); fewer words are cheaper as one test per word.
POSTGRESQL_ONE_TEXT_FROM_WORDS = 8


def events_matching_words(queryset: QuerySet[Event], words: list[str]) -> QuerySet[Event]:
    """The events of ``queryset`` that match every one of ``words`` (no limit: callers check it)."""
    from django.db import connections

    if len(words) >= POSTGRESQL_ONE_TEXT_FROM_WORDS and connections[queryset.db].vendor == "postgresql":
        return _events_matching_words_postgresql(queryset, words)
    for word in words:
        by_actor = EventActor.objects.filter(actor__name__icontains=word).values("event_id")
        by_quote = Citation.objects.filter(quote__icontains=word).values("event_id")
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(place__name__icontains=word)
            | Q(pk__in=by_actor)
            | Q(pk__in=by_quote)
        )
    return queryset


def _events_matching_words_postgresql(queryset: QuerySet[Event], words: list[str]) -> QuerySet[Event]:
    """The same match as the per-word tests, with each event's text upper-cased once, not once a word.

    PostgreSQL's ``UPPER(column) LIKE`` upper-cases the column again for every word, and each word's
    quote subquery reads every citation again: 20 single-letter words took ~250 ms at 5,000 events.
    Here the title, summary, place, actor names and quotes of each event are joined once (a newline
    between them, which no word holds, so no match spans two of them), upper-cased once, and each word
    is a ``strpos`` in that text: the same substring test ``icontains`` makes, with the same case
    folding (``UPPER``).
    """
    from django.db.models.expressions import RawSQL

    event, place, link, actor, citation = (
        model._meta.db_table for model in (Event, Place, EventActor, Actor, Citation)
    )
    conditions = " AND ".join(["strpos(h.text, upper(%s)) > 0"] * len(words))
    # OFFSET 0 keeps the subquery from being flattened, so the text is built once per event rather than
    # once per condition that names it.
    sql = f"""
        SELECT h.id FROM (
            SELECT e.id, upper(concat_ws(E'\\n', e.title, e.summary, p.name, a.names, c.quotes)) AS text
            FROM {event} e
            LEFT JOIN {place} p ON p.id = e.place_id
            LEFT JOIN (
                SELECT l.event_id, string_agg(r.name, E'\\n') AS names
                FROM {link} l JOIN {actor} r ON r.id = l.actor_id GROUP BY l.event_id
            ) a ON a.event_id = e.id
            LEFT JOIN (
                SELECT event_id, string_agg(quote, E'\\n') AS quotes FROM {citation} GROUP BY event_id
            ) c ON c.event_id = e.id
            OFFSET 0
        ) h WHERE {conditions}
    """  # noqa: S608 - table names from the models, words passed as parameters
    return queryset.filter(pk__in=RawSQL(sql, words))  # noqa: S611 - words are parameters


# --- Public timeline pages (issue 5): every read below shows published events only. ---------------

# Relations that point from a postponed or moved event to the one that finally happens.
SUCCESSOR_KINDS = ("postponed_as", "rescheduled_to")


def events_public_with_relations(
    queryset: QuerySet[Event], *, with_topics: bool = True, with_citations: bool = True, with_actors: bool = True
) -> QuerySet[Event]:
    """Events with what a public timeline shows, in a constant number of queries.

    Like :func:`event_queryset_with_relations`, plus the published successor of a postponed event
    (``public_successors``) and only the published topics (``public_topics``): a link to a proposed
    event or an unpublished topic must never reach a page.
    """
    from events.models import EventRelation

    successors = EventRelation.objects.filter(
        kind__in=SUCCESSOR_KINDS,
        to_event__review_state=ReviewState.PUBLISHED,
        to_event__merged_into__isnull=True,
    ).select_related("to_event")
    queryset = queryset.select_related("place").prefetch_related(
        Prefetch("relations_out", queryset=successors, to_attr="public_successors"),
    )
    if with_actors:
        actor_links = (
            EventActor.objects.select_related("actor")
            .only("event_id", "actor_id", "role", "actor__name")
            .order_by("role", "actor__name")
        )
        queryset = queryset.prefetch_related(Prefetch("actor_links", queryset=actor_links))
    if with_citations:
        queryset = queryset.prefetch_related(Prefetch("citations", queryset=_citations_for_lists()))
    if with_topics:
        topics = Topic.objects.filter(is_published=True)
        queryset = queryset.prefetch_related(Prefetch("topics", queryset=topics, to_attr="public_topics"))
    return queryset


def citations_shown() -> QuerySet[Citation]:
    """The citations any reading of events may show: timeline pages, the API, every download.

    Every read of an event's citations starts here (``_citations_for_lists``, the timeline's source
    notes, and :func:`events.presentation.record.citation_rows_for_records`), so a rule about which
    citations may be shown is written once and holds everywhere.
    """
    return Citation.objects.all()


def _citations_for_lists() -> QuerySet[Citation]:
    # Only the columns a source note shows: an article's clean text and original can be hundreds of
    # kilobytes, and a long timeline joins one article row per citation.
    return (
        citations_shown()
        .select_related("article", "article__source")
        .only(
            "event_id",
            "article_id",
            "quote",
            "start",
            "end",
            "time_text",
            "article__url",
            "article__title",
            "article__published",
            "article__source_id",
            "article__source__name",
        )
        .order_by("article__published", "article_id", "start")
    )


def topic_public_get(*, slug: str) -> Topic | None:
    """A published topic by slug, or None."""
    return Topic.objects.filter(slug=slug, is_published=True).first()


def topics_public_overview() -> QuerySet[Topic]:
    """Published topics with ``event_count`` and the span ``first_date``..``last_date`` of their events.

    The span uses lower bounds only: an open-ended "since 2012" has no upper bound worth showing.
    """
    from datetime import date

    from django.db.models import Max, Min

    published = Q(memberships__event__review_state=ReviewState.PUBLISHED, memberships__event__merged_into__isnull=True)
    bounded = published & ~Q(memberships__event__date_lower=date.min)
    return Topic.objects.filter(is_published=True).annotate(
        event_count=Count("memberships", filter=published),
        first_date=Min("memberships__event__date_lower", filter=bounded),
        last_date=Max("memberships__event__date_lower", filter=bounded),
    )


def events_public_for_topic(*, topic: Topic) -> QuerySet[Event]:
    """Published events of one topic (the topic itself must be published; callers check)."""
    from events.models import TopicMembership

    return events_published().filter(pk__in=TopicMembership.objects.filter(topic=topic).values("event_id"))


def events_public_for_actor(*, actor_id: int) -> QuerySet[Event]:
    """Published events an actor takes part in, whatever the role (one row per event)."""
    return events_published().filter(pk__in=EventActor.objects.filter(actor_id=actor_id).values("event_id"))


def events_public_for_place(*, place_id: int) -> QuerySet[Event]:
    return events_published().filter(place_id=place_id)


class MonthCount(NamedTuple):
    """Events of one start month and precision: all of them, and those scheduled and not yet over."""

    year: int
    month: int
    precision: str
    total: int
    ahead: int


@lru_cache(maxsize=2)
def _month_counts_read(today: date) -> QuerySet[Any]:
    """The grouped read of :func:`event_public_month_counts` without its events, built once a day.

    Resolving its annotations and grouping cost more CPU than running it; each page clones it and adds
    its own events (QuerySets are immutable, so sharing one is safe).
    """
    from django.db.models.functions import ExtractMonth, ExtractYear

    return (
        Event.objects.annotate(year=ExtractYear("date_lower"), month=ExtractMonth("date_lower"))
        .values("year", "month", "precision")
        .annotate(
            total=Count("pk"),
            ahead=Count("pk", filter=Q(status="scheduled", date_upper__gte=today)),
        )
        .order_by("year", "month")
        .values_list("year", "month", "precision", "total", "ahead")
    )


def event_public_month_counts(queryset: QuerySet[Event], *, today: date) -> list[MonthCount]:
    """The events of ``queryset`` counted by start month and precision, in date order.

    ``ahead`` counts scheduled events not yet over on ``today``. One grouped query whatever the size;
    the rows are few (months x precisions), so callers aggregate them further in Python. Rows come as
    tuples (hashable: a page can key a cache on them), not dicts.
    """
    # The filtered events as a subquery: a filter that joins (actors, search) may repeat an event,
    # which a GROUP BY over the joined rows would count twice.
    read = _month_counts_spliced(today)
    if read is None:
        return _month_counts_orm(queryset, today=today)
    # Raw values: PostgreSQL's EXTRACT gives numerics, so every count is made an int here, once.
    return [
        MonthCount(int(y), int(m), precision, int(total), int(ahead))
        for y, m, precision, total, ahead in read.rows(queryset.order_by().values("pk"))
    ]


@lru_cache(maxsize=2)
def _month_counts_spliced(today: date) -> _SplicedRead | None:
    return _SplicedRead.of(_month_counts_read(today).filter(pk__in=_EventsSlot()), converted_by_caller=True)


def _month_counts_orm(queryset: QuerySet[Event], *, today: date) -> list[MonthCount]:
    """:func:`event_public_month_counts` through the ORM (the reference the spliced read is tested against)."""
    return [MonthCount._make(row) for row in _month_counts_read(today).filter(pk__in=queryset.values("pk"))]


# A timeline's rows, read as plain values: a long timeline spent most of its time building Event,
# Place and Citation instances. Columns in the order of the names below.
TimelineEvent = tuple[int, str, str, str, str, bool, date, date, str, int | None, str | None]
TIMELINE_EVENT_COLUMNS = (
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
TimelineActor = tuple[int, int, str]  # event id, actor id, name
TimelineSuccessor = tuple[int, str, int, str, str, bool]  # event id, kind, successor id, title, EDTF, week
TimelineNote = tuple[int, int, int, str, str | None, date | None, str | None]
# event id, citation id, article id, quote, outlet, article's date, article's URL

# A short window passes its ids as a list (cheaper to build and to plan than the window's filters
# again); a long one as a subquery, where binding thousands of parameters costs more.
TIMELINE_INLINE_IDS = 500
# Statuses whose successor a timeline shows ("postponed: see the rescheduled talks").
SUCCESSOR_SHOWN = ("postponed", "cancelled")


@dataclass(frozen=True)
class TimelineRows:
    """What a timeline shows of a window of events, each list in reading order."""

    events: list[TimelineEvent]  # by date
    actors: list[TimelineActor]  # by role, then name
    successors: list[TimelineSuccessor]  # published, not merged, of postponed and cancelled events only
    notes: list[TimelineNote]  # by the article's date


@cache
def _timeline_reads() -> tuple[QuerySet[Any], QuerySet[Any], QuerySet[Any]]:
    """The actor, successor and source-note reads without their ids, built once per process.

    Resolving the lookups, joins and orderings of these three reads cost more CPU than running them;
    each page only clones them with its ids (QuerySets are immutable, so sharing them is safe).
    """
    from events.models import EventRelation

    actors = EventActor.objects.order_by("role", "actor__name").values_list("event_id", "actor_id", "actor__name")
    successors = (
        EventRelation.objects.filter(
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
    notes = (
        citations_shown()
        .order_by("article__published", "article_id", "start")
        .values_list(
            "event_id", "pk", "article_id", "quote", "article__source__name", "article__published", "article__url"
        )
    )
    return actors, successors, notes


_IDS_PLACEHOLDER = "{0}"  # compiled into a prepared read, found again by identity


@dataclass(frozen=True)
class _PreparedRead:
    """A read compiled once (SQL and parameters), run with new ids by swapping one parameter.

    Compiling the three related reads of a timeline (lookups, joins, orderings) cost more CPU than
    running them, on every page. Only reads whose columns need no conversion from the database's
    values are prepared, so the rows are those ``values_list`` would give.
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

    def rows(self, ids: list[int]) -> list[Any]:
        from django.db import connection

        params = list(self.params)
        # An array literal as text: psycopg adapts a list of thousands of ints one by one.
        params[self.at] = ids_array(ids)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            return cursor.fetchall()


@cache
def _prepared_timeline_reads() -> tuple[_PreparedRead | None, _PreparedRead | None, _PreparedRead | None]:
    actors, successors, notes = _timeline_reads()
    return (
        _PreparedRead.of(actors, "event_id"),
        _PreparedRead.of(successors, "from_event_id"),
        _PreparedRead.of(notes, "event_id"),
    )


def event_public_timeline_rows(window: QuerySet[Event], *, with_notes: bool = True) -> TimelineRows:
    """The events of ``window`` (published, not merged: from the selectors above) with their place,
    actors, shown successors and, unless ``with_notes`` is false, source notes.

    At most four queries whatever the window's length (an empty window skips the last three). A
    successor is shown only when it is published and not merged itself.
    """
    from django.db import connection

    events: list[TimelineEvent] = list(
        window.order_by("date_lower", "date_upper", "pk").values_list(*TIMELINE_EVENT_COLUMNS)
    )
    if not events:
        return TimelineRows([], [], [], [])
    ids = [row[0] for row in events]
    if connection.vendor == "postgresql":
        actors, successors, notes = _prepared_timeline_reads()
        if actors is not None and successors is not None and notes is not None:
            return TimelineRows(events, actors.rows(ids), successors.rows(ids), notes.rows(ids) if with_notes else [])
    return _timeline_related_rows(window, events, ids, with_notes=with_notes)


def _timeline_related_rows(
    window: QuerySet[Event], events: list[TimelineEvent], ids: list[int], *, with_notes: bool
) -> TimelineRows:
    """The related reads through the ORM (SQLite; the reference the prepared reads are tested against)."""
    # The ids as a list for a short window (cheaper to build and to plan than the window's filters
    # again); as a subquery for a long one, where binding thousands of parameters costs more.
    ids_or_window: list[int] | QuerySet[Any, Any] = ids if len(ids) <= TIMELINE_INLINE_IDS else window.values("pk")
    actors, successors, notes = _timeline_reads()
    return TimelineRows(
        events,
        list(actors.filter(event_id__in=ids_or_window)),
        list(successors.filter(from_event_id__in=ids_or_window)),
        list(notes.filter(event_id__in=ids_or_window)) if with_notes else [],
    )


def actors_in(*, events: QuerySet[Event]) -> QuerySet[Actor]:
    """The actors taking part in ``events``: a timeline's actor filter accepts only these."""
    return Actor.objects.filter(pk__in=EventActor.objects.filter(event_id__in=events.values("pk")).values("actor_id"))


def places_in(*, events: QuerySet[Event]) -> QuerySet[Place]:
    """The places of ``events``: a timeline's place filter accepts only these."""
    return Place.objects.filter(pk__in=events.values("place_id"))


ChoiceLabels = list[tuple[int, str]]


_EVENTS_SLOT = "__timeline_events_subquery__"


class _EventsSlot(Expression):
    """Where a prepared label read takes its events' subquery (see :class:`_SplicedRead`)."""

    output_field = IntegerField()

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, tuple[Any, ...]]:
        return _EVENTS_SLOT, ()


@dataclass(frozen=True)
class _SplicedRead:
    """A read compiled once around a slot that each page fills with its own events' subquery.

    A timeline's month counts and label reads nest its events (themselves a filtered, nested query)
    one to three levels deep; building and compiling them cost several times running them. A read is
    prepared only when every ``%s`` of its SQL is one of its parameters (so those before the slot are
    known) and, unless its caller converts the values itself, its columns need no conversion (so the
    rows are those ``values_list`` would give).
    """

    sql: str
    before: tuple[Any, ...]  # the read's parameters before the slot
    after: tuple[Any, ...]

    @classmethod
    def of(cls, queryset: QuerySet[Any], *, converted_by_caller: bool = False) -> _SplicedRead | None:
        compiler = queryset.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        if sql.count(_EVENTS_SLOT) != 1 or "%%" in sql or sql.count("%s") != len(params):
            return None
        if not converted_by_caller and compiler.get_converters([c for c, _, _ in compiler.select]):
            return None
        at = sql[: sql.index(_EVENTS_SLOT)].count("%s")
        return cls(sql, tuple(params[:at]), tuple(params[at:]))

    def rows(self, subquery: QuerySet[Any]) -> list[Any]:
        from django.db import connection

        sub_sql, sub_params = subquery.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(self.sql.replace(_EVENTS_SLOT, sub_sql), (*self.before, *sub_params, *self.after))
            return cursor.fetchall()


@cache
def _label_reads() -> tuple[QuerySet[Any], QuerySet[Any]]:
    """(id, name) of actors and (id, name, country code) of places by name, built once per process."""
    return (
        Actor.objects.order_by("name", "pk").values_list("pk", "name"),
        Place.objects.order_by("name", "pk").values_list("pk", "name", "country_code"),
    )


@cache
def _spliced_label_reads() -> tuple[_SplicedRead | None, _SplicedRead | None]:
    actor_rows, place_rows = _label_reads()
    actor_ids = EventActor.objects.filter(event_id__in=_EventsSlot()).values("actor_id")
    place_ids = _EventsSlot()
    return _SplicedRead.of(actor_rows.filter(pk__in=actor_ids)), _SplicedRead.of(place_rows.filter(pk__in=place_ids))


def timeline_choice_labels(*, events: QuerySet[Event]) -> tuple[ChoiceLabels, ChoiceLabels]:
    """(id, label) of the actors and places of ``events`` (those :func:`actors_in` and :func:`places_in`
    give), labelled as their ``__str__`` writes them, read as plain values: two queries."""
    events = events.order_by()
    actor_read, place_read = _spliced_label_reads()
    if actor_read is not None and place_read is not None:
        actor_rows = actor_read.rows(events.values("pk"))
        place_rows = place_read.rows(events.values("place_id"))
    else:
        label_actors, label_places = _label_reads()
        actor_ids = EventActor.objects.filter(event_id__in=events.values("pk")).values("actor_id")
        actor_rows = list(label_actors.filter(pk__in=actor_ids))
        place_rows = list(label_places.filter(pk__in=events.values("place_id")))
    places = [(pk, f"{name} ({code})" if code else name) for pk, name, code in place_rows]
    return [(pk, name) for pk, name in actor_rows], places


def event_public_get(*, pk: int) -> tuple[Event | None, Event | None]:
    """(event, redirect_to) for a public permalink.

    A published event comes back as ``(event, None)``; a merged id as ``(None, survivor)`` when the
    surviving event is published; anything else as ``(None, None)`` (the page answers 404).
    """
    event = Event.objects.filter(pk=pk).first()
    if event is None:
        return None, None
    if event.merged_into_id is not None:
        survivor = event_resolve_merged(event)
        if survivor.review_state == ReviewState.PUBLISHED and survivor.merged_into_id is None:
            return None, survivor
        return None, None
    if event.review_state != ReviewState.PUBLISHED:
        return None, None
    full = events_public_with_relations(Event.objects.filter(pk=pk)).prefetch_related(
        Prefetch(
            "relations_out",
            queryset=_published_relations("to_event"),
            to_attr="public_relations_out",
        ),
        Prefetch(
            "relations_in",
            queryset=_published_relations("from_event"),
            to_attr="public_relations_in",
        ),
    )
    return full.first(), None


def _published_relations(side: str) -> QuerySet[Any]:
    from events.models import EventRelation

    return (
        EventRelation.objects.filter(
            **{f"{side}__review_state": ReviewState.PUBLISHED, f"{side}__merged_into__isnull": True}
        )
        .select_related(side)
        .order_by(f"{side}__date_lower")
    )


def article_public_get(*, pk: int) -> Article | None:
    """An article a reader may open: one that at least one published event cites."""
    return Article.objects.filter(pk=pk, pk__in=_articles_cited_by_published()).select_related("source").first()


def _articles_cited_by_published() -> QuerySet[Any]:
    return Citation.objects.filter(event__review_state=ReviewState.PUBLISHED, event__merged_into__isnull=True).values(
        "article_id"
    )


def articles_public() -> QuerySet[Article]:
    """Articles cited by at least one published event (the only ones the public sees)."""
    return Article.objects.filter(pk__in=_articles_cited_by_published())


def events_public_latest(*, today: object, limit: int = 10) -> list[Event]:
    """The most recent published events that have already begun, newest first."""
    queryset = events_published().filter(date_lower__lte=today).exclude(status="scheduled")
    return list(events_public_with_relations(queryset.order_by("-date_lower", "-pk"))[:limit])


def events_public_upcoming(*, today: object, limit: int = 10) -> list[Event]:
    """Scheduled published events not yet over, soonest first."""
    queryset = events_published().filter(status="scheduled", date_upper__gte=today)
    return list(events_public_with_relations(queryset.order_by("date_lower", "pk"))[:limit])


# Search: PostgreSQL full-text search where available, a word-by-word fallback elsewhere. Snippets
# come back as plain text with SEARCH_MARK_START/STOP around the matches; the page escapes the text and
# only then turns the markers into <mark>, so nothing from an article is ever trusted as HTML.
SEARCH_MARK_START = "\x02"
SEARCH_MARK_STOP = "\x03"


@dataclass(frozen=True)
class SearchHit:
    """One search result: an Event or an Article, its snippet (with markers) and its rank."""

    item: Any
    snippet: str
    rank: float = 0.0


def search_public(*, query: str, limit: int = 50) -> tuple[list[SearchHit], list[SearchHit]]:
    """(events, articles) matching ``query``, published only, best first.

    Raises :class:`SearchQueryError` for a query over the limits (:func:`search_words`).

    Ranked full-text search with highlighted snippets on PostgreSQL; on SQLite, events come from the
    portable :func:`events_search` and articles from a case-insensitive match of every word.
    """
    from django.db import connection

    words = search_words(query)
    query = query.strip()
    if not words:
        return [], []
    if connection.vendor == "postgresql":
        return _search_postgres(query, limit)
    return _search_portable(query, limit)


def _search_postgres(query: str, limit: int) -> tuple[list[SearchHit], list[SearchHit]]:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    search = SearchQuery(query, search_type="websearch", config="english")
    event_vector = SearchVector("title", weight="A", config="english") + SearchVector(
        "summary", weight="B", config="english"
    )
    quoted = (
        Citation.objects.annotate(document=SearchVector("quote", config="english"))
        .filter(document=search)
        .values("event_id")
    )
    events = (
        events_published()
        .annotate(document=event_vector, rank=SearchRank(event_vector, search))
        .filter(Q(document=search) | Q(pk__in=quoted))
        .annotate(
            snippet=SearchHeadline(
                "summary",
                search,
                config="english",
                start_sel=SEARCH_MARK_START,
                stop_sel=SEARCH_MARK_STOP,
                max_words=30,
                min_words=10,
            )
        )
        .select_related("place")
        .order_by("-rank", "-date_lower", "pk")[:limit]
    )
    article_vector = SearchVector("title", weight="A", config="english") + SearchVector(
        "clean_text", weight="C", config="english"
    )
    articles = (
        articles_public()
        .annotate(document=article_vector, rank=SearchRank(article_vector, search))
        .filter(document=search)
        .annotate(
            snippet=SearchHeadline(
                "clean_text",
                search,
                config="english",
                start_sel=SEARCH_MARK_START,
                stop_sel=SEARCH_MARK_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
            )
        )
        .select_related("source")
        .order_by("-rank", "-published", "pk")[:limit]
    )
    return (
        [SearchHit(e, e.snippet or "", float(e.rank)) for e in events],
        [SearchHit(a, a.snippet or "", float(a.rank)) for a in articles],
    )


def _search_portable(query: str, limit: int) -> tuple[list[SearchHit], list[SearchHit]]:
    words = search_words(query)
    events = events_search(events_published(), query).select_related("place").order_by("-date_lower", "pk")[:limit]
    articles_qs = articles_public()
    for word in words:
        articles_qs = articles_qs.filter(Q(clean_text__icontains=word) | Q(title__icontains=word))
    articles = articles_qs.select_related("source").order_by("-published", "pk")[:limit]
    return (
        [SearchHit(e, search_snippet(e.summary or e.title, words)) for e in events],
        [SearchHit(a, search_snippet(a.clean_text, words)) for a in articles],
    )


def search_snippet(text: str, words: list[str], *, width: int = 240) -> str:
    """A window of ``text`` around the first match, with markers around every match of ``words``."""
    import re

    if not words:
        return text[:width]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, found.start() - width // 3) if found else 0
    window = text[start : start + width]
    marked = pattern.sub(lambda m: f"{SEARCH_MARK_START}{m.group(0)}{SEARCH_MARK_STOP}", window)
    return ("…" if start > 0 else "") + marked + ("…" if start + width < len(text) else "")


@dataclass(frozen=True)
class HistoryChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded version of an event as a reader sees it: when, and which public fields changed."""

    when: Any
    kind: str  # "created" or "changed"
    changes: list[HistoryChange]
    reason: str


PUBLIC_HISTORY_FIELDS = ("title", "summary", "event_type", "status", "date_edtf", "date_is_week", "place")


def event_public_history(*, event: Event) -> list[HistoryEntry]:
    """The corrections history of an event, oldest first, in two queries.

    Only fields a reader sees are compared; versions that changed none of them (a review, a merge
    bookkeeping save) are left out, except the first one, which says when the event was recorded.
    """
    from events.models import Place

    records = list(event.history.order_by("history_date", "history_id"))
    place_ids = {r.place_id for r in records if r.place_id is not None}
    places = {p.pk: str(p) for p in Place.objects.filter(pk__in=place_ids)} if place_ids else {}
    labels = {f.name: str(f.verbose_name) for f in Event._meta.get_fields() if hasattr(f, "verbose_name")}

    def shown(name: str, value: Any) -> str:
        if name == "place":
            return places.get(value, "") if value is not None else ""
        if name == "event_type":
            return dict(Event._meta.get_field("event_type").choices or []).get(value, value)
        return "" if value is None else str(value)

    entries: list[HistoryEntry] = []
    previous = None
    for record in records:
        if previous is None:
            entries.append(HistoryEntry(record.history_date, "created", [], record.history_change_reason or ""))
        else:
            changes = []
            for name in PUBLIC_HISTORY_FIELDS:
                attname = "place_id" if name == "place" else name
                old, new = getattr(previous, attname), getattr(record, attname)
                if old != new:
                    changes.append(HistoryChange(labels.get(name, name), shown(name, old), shown(name, new)))
            if changes:
                entries.append(
                    HistoryEntry(record.history_date, "changed", changes, record.history_change_reason or "")
                )
        previous = record
    return entries


# --- Ingestion: the admin's bulk-add status page and review queue -------------------------------


def articles_progress(*, article_ids: list[int]) -> dict[int, Article]:
    """The articles of a bulk add by id, with what their status page shows; one query."""
    articles = Article.objects.filter(pk__in=article_ids).annotate(n_citations=Count("citations"))
    return {
        article.pk: article
        for article in articles.only("pk", "title", "url", "original_filename", "state", "error", "attempts")
    }


def events_review_queue() -> QuerySet[Event]:
    """Proposed events not merged away, most confident first, with their citations and articles."""
    citations = Citation.objects.select_related("article").order_by("article__published", "start")
    return (
        Event.objects.filter(review_state=ReviewState.PROPOSED, merged_into__isnull=True)
        .annotate(n_citations=Count("citations"))
        .prefetch_related(Prefetch("citations", queryset=citations))
        .order_by("-confidence", "-created_at", "pk")
    )
