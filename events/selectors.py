"""Reads. The same selector feeds a public page, the matching API endpoint and the admin.

Every list here costs a constant number of queries, whatever its length: relations are fetched with
select_related/prefetch_related, counts are annotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any, NamedTuple

from django.db import connections
from django.db.models import Count, Expression, IntegerField, Prefetch, Q, QuerySet

from events.domain.vocabulary import ReviewState
from events.models import Actor, Article, Citation, CitationReview, Event, EventActor, Place, Topic


def events_published() -> QuerySet[Event]:
    """Events a reader may see: published, not merged into another."""
    return Event.objects.filter(review_state=ReviewState.PUBLISHED, merged_into__isnull=True)


# The one rule for what of a citation reaches the public (pages, feeds, TimelineJS, iCal, CSV, the API,
# the article page, search): an editor accepted it, and its event is published and not merged away.
# Every public read of citations or articles starts from citations_public(); see
# events.services.citation_review for who is trusted and when a citation is accepted.
PUBLIC_CITATION = Q(
    review_state=CitationReview.ACCEPTED,
    event__review_state=ReviewState.PUBLISHED,
    event__merged_into__isnull=True,
)


def citations_public() -> QuerySet[Citation]:
    """Citations a reader may see: accepted, of a published event not merged into another."""
    return Citation.objects.filter(PUBLIC_CITATION)


def citations_new_sources() -> QuerySet[Citation]:
    """Proposed citations of published events ("new sources for a published event"), oldest first.

    What an editor accepts or rejects in the admin; with the event, article and outlet each shows.
    """
    return (
        Citation.objects.filter(
            review_state=CitationReview.PROPOSED,
            event__review_state=ReviewState.PUBLISHED,
            event__merged_into__isnull=True,
        )
        .select_related("event", "article", "article__source", "article__submitted_by")
        .defer("article__clean_text", "article__original")
        .order_by("created_at", "pk")
    )


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
    citations = citations_public() if published_only else Citation.objects.filter()
    citations = citations.filter(article=article).select_related("event").order_by("start", "end")
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
        # A proposed citation's sentence must not make a published event match (its words would leak);
        # on a proposal (seen by editors and its submitter only) every sentence counts.
        quoted = Q(review_state=CitationReview.ACCEPTED) | ~Q(event__review_state=ReviewState.PUBLISHED)
        by_quote = Citation.objects.filter(quoted, quote__icontains=word).values("event_id")
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
# The lists of events on the pages are read as records (events.presentation.record.event_records);
# the reads below choose which events, and the event page reads its one event with all it shows.


def _event_public_with_relations(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """Events with what an event's page shows, in a constant number of queries: place, actors (by role,
    then name), public citations (:func:`citations_public`) and only the published topics
    (``public_topics``): a link to an unpublished topic must never reach a page."""
    actor_links = (
        EventActor.objects.select_related("actor")
        .only("event_id", "actor_id", "role", "actor__name")
        .order_by("role", "actor__name")
    )
    topics = Topic.objects.filter(is_published=True)
    return queryset.select_related("place").prefetch_related(
        Prefetch("actor_links", queryset=actor_links),
        Prefetch("citations", queryset=_citations_for_lists()),
        Prefetch("topics", queryset=topics, to_attr="public_topics"),
    )


def _citations_for_lists() -> QuerySet[Citation]:
    # Only the columns a source note shows: an article's clean text and original can be hundreds of
    # kilobytes.
    return (
        citations_public()
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


def _topics_public_by_slug(slug: str) -> QuerySet[Topic]:
    return Topic.objects.filter(slug=slug, is_published=True).order_by("name")[:1]  # what .first() runs


_SLUG_SLOT = "\x00slug\x00"  # no slug holds a NUL: found again among the compiled parameters


class _TopicRead(NamedTuple):
    sql: str
    params: tuple[Any, ...]
    at: int  # the index of the slug parameter
    names: tuple[str, ...]  # the columns' attribute names, in the model's field order
    alias: str


@cache
def _topic_public_read() -> _TopicRead | None:
    """The SQL of :func:`topic_public_get`, compiled once per process; None where Django converts some
    column after the driver (the ORM must read it)."""
    queryset = _topics_public_by_slug(_SLUG_SLOT)
    compiler = queryset.query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    names = tuple(column.target.attname for column, _, _ in compiler.select)
    fields = tuple(field.attname for field in Topic._meta.concrete_fields)
    if compiler.get_converters([column for column, _, _ in compiler.select]) or names != fields:
        return None
    return _TopicRead(sql, tuple(params), list(params).index(_SLUG_SLOT), names, queryset.db)


def topic_public_get(*, slug: str) -> Topic | None:
    """A published topic by slug, or None.

    Every topic page asks this first: its SQL is compiled once (building and compiling the query cost
    several times running it) and its row made an instance as the ORM makes one (``Model.from_db``).
    """
    read = _topic_public_read()
    if read is None:
        return _topics_public_by_slug(slug).first()
    params = list(read.params)
    params[read.at] = slug
    with connections[read.alias].cursor() as cursor:
        cursor.execute(read.sql, params)
        row = cursor.fetchone()
    return None if row is None else Topic.from_db(read.alias, list(read.names), row)


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
    """Published events of one topic (the topic itself must be published; callers check).

    A clone of the queryset built once per topic id and process (building its filters and subquery
    cost more than a short page's writing): each caller gets its own, and the kept one is never run.
    """
    return _events_public_for_topic_id(topic.pk).all()


@lru_cache(maxsize=256)
def _events_public_for_topic_id(topic_id: int) -> QuerySet[Event]:
    from events.models import TopicMembership

    return events_published().filter(pk__in=TopicMembership.objects.filter(topic_id=topic_id).values("event_id"))


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
    from django.db.models.functions import Cast, ExtractMonth, ExtractYear

    # Years and months cast to integers by the database: PostgreSQL's EXTRACT gives numerics, which
    # the driver loads as Decimals for Python to convert again, a few hundred rows a page.
    return (
        Event.objects.annotate(
            year=Cast(ExtractYear("date_lower"), IntegerField()), month=Cast(ExtractMonth("date_lower"), IntegerField())
        )
        .values("year", "month", "precision")
        .annotate(
            total=Count("pk"),
            ahead=Count("pk", filter=Q(status="scheduled", date_upper__gte=today)),
        )
        .order_by("year", "month")
        .values_list("year", "month", "precision", "total", "ahead")
    )


class CompiledQuery(NamedTuple):
    """A subquery's SQL and parameters, compiled once: the reads below that take their events as a
    subquery accept one in place of the queryset (a timeline keeps its own for later pages)."""

    sql: str
    params: tuple[Any, ...]


def compiled_query(queryset: QuerySet[Any]) -> CompiledQuery:
    sql, params = queryset.query.sql_with_params()
    return CompiledQuery(sql, tuple(params))


def event_ids_query(queryset: QuerySet[Event]) -> CompiledQuery:
    """The ids of ``queryset``'s events as a compiled subquery, as :func:`event_public_month_counts` takes it."""
    return compiled_query(queryset.order_by().values("pk"))


def compiled_reads_ready(today: date) -> bool:
    """Whether the reads here take compiled subqueries on this database (PostgreSQL: they are spliced
    into SQL prepared once); elsewhere they need the querysets."""
    return _month_counts_spliced(today) is not None and None not in _spliced_label_reads()


def event_public_month_counts(queryset: QuerySet[Event] | CompiledQuery, *, today: date) -> list[MonthCount]:
    """The events of ``queryset`` counted by start month and precision, in date order.

    ``ahead`` counts scheduled events not yet over on ``today``. One grouped query whatever the size;
    the rows are few (months x precisions), so callers aggregate them further in Python. Rows come as
    tuples (hashable: a page can key a cache on them), not dicts. ``queryset`` may be given as its
    :func:`event_ids_query` where :func:`compiled_reads_ready`.
    """
    # The filtered events as a subquery: a filter that joins (actors, search) may repeat an event,
    # which a GROUP BY over the joined rows would count twice.
    read = _month_counts_spliced(today)
    if read is None:
        if isinstance(queryset, CompiledQuery):
            raise ValueError("month counts take a compiled subquery only where compiled_reads_ready()")
        return _month_counts_orm(queryset, today=today)
    ids = queryset if isinstance(queryset, CompiledQuery) else event_ids_query(queryset)
    rows = read.rows(ids)
    # Every column is an int from the database (the year and month cast there) but the precision: the
    # rows are made MonthCounts as they are (tuple.__new__, not the named tuple's Python-level
    # constructor), their width and types checked on the first.
    if rows:
        first = rows[0]
        if len(first) != len(MonthCount._fields) or not all(type(first[i]) is int for i in (0, 1, 3, 4)):
            raise ValueError(f"month count rows are not (int, int, str, int, int): {first!r}")
    new = tuple.__new__
    return [new(MonthCount, row) for row in rows]


@lru_cache(maxsize=2)
def _month_counts_spliced(today: date) -> _SplicedRead | None:
    return _SplicedRead.of(_month_counts_read(today).filter(pk__in=_EventsSlot()), converted_by_caller=True)


def _month_counts_orm(queryset: QuerySet[Event], *, today: date) -> list[MonthCount]:
    """:func:`event_public_month_counts` through the ORM (the reference the spliced read is tested against)."""
    return [MonthCount._make(row) for row in _month_counts_read(today).filter(pk__in=queryset.values("pk"))]


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

    def rows(self, subquery: QuerySet[Any] | CompiledQuery) -> list[Any]:
        from django.db import connection

        sub_sql, sub_params = subquery if isinstance(subquery, CompiledQuery) else compiled_query(subquery)
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


def choice_label_queries(events: QuerySet[Event]) -> tuple[CompiledQuery, CompiledQuery]:
    """The subqueries :func:`timeline_choice_labels` reads ``events`` by, compiled (its ``compiled``)."""
    events = events.order_by()
    return compiled_query(events.values("pk")), compiled_query(events.values("place_id"))


def timeline_choice_labels(
    *, events: QuerySet[Event], compiled: tuple[CompiledQuery, CompiledQuery] | None = None
) -> tuple[ChoiceLabels, ChoiceLabels]:
    """(id, label) of the actors and places of ``events`` (those :func:`actors_in` and :func:`places_in`
    give), labelled as their ``__str__`` writes them, read as plain values: two queries.

    ``compiled``: ``events``' :func:`choice_label_queries`, compiled earlier (used where
    :func:`compiled_reads_ready`)."""
    events = events.order_by()
    actor_read, place_read = _spliced_label_reads()
    if actor_read is not None and place_read is not None:
        actor_sub, place_sub = compiled or choice_label_queries(events)
        actor_rows = actor_read.rows(actor_sub)
        place_rows = place_read.rows(place_sub)
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
    full = _event_public_with_relations(Event.objects.filter(pk=pk)).prefetch_related(
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
    """An article a reader may open: one that a public citation (:func:`citations_public`) quotes."""
    return Article.objects.filter(pk=pk, pk__in=_articles_cited_by_published()).select_related("source").first()


def _articles_cited_by_published() -> QuerySet[Any]:
    return citations_public().values("article_id")


def articles_public() -> QuerySet[Article]:
    """Articles quoted by at least one public citation (the only ones the public sees)."""
    return Article.objects.filter(pk__in=_articles_cited_by_published())


def events_public_latest(*, today: object, limit: int = 10) -> QuerySet[Event]:
    """The most recent published events that have already begun, newest first (read them as records)."""
    queryset = events_published().filter(date_lower__lte=today).exclude(status="scheduled")
    return queryset.order_by("-date_lower", "-pk")[:limit]


def events_public_upcoming(*, today: object, limit: int = 10) -> QuerySet[Event]:
    """Scheduled published events not yet over, soonest first (read them as records)."""
    queryset = events_published().filter(status="scheduled", date_upper__gte=today)
    return queryset.order_by("date_lower", "pk")[:limit]


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
        citations_public()
        .annotate(document=SearchVector("quote", config="english"))
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
        [SearchHit(e, _unless_title(e.snippet or "", e.title), float(e.rank)) for e in events],
        [SearchHit(a, _unless_title(a.snippet or "", a.title), float(a.rank)) for a in articles],
    )


def _unless_title(snippet: str, title: str) -> str:
    """The snippet, or "" when it only repeats the title shown just above it."""
    plain = snippet.replace(SEARCH_MARK_START, "").replace(SEARCH_MARK_STOP, "").strip(" …")
    return "" if plain.casefold() == (title or "").strip().casefold() else snippet


def _search_portable(query: str, limit: int) -> tuple[list[SearchHit], list[SearchHit]]:
    words = search_words(query)
    events = events_search(events_published(), query).select_related("place").order_by("-date_lower", "pk")[:limit]
    articles_qs = articles_public()
    for word in words:
        articles_qs = articles_qs.filter(Q(clean_text__icontains=word) | Q(title__icontains=word))
    articles = articles_qs.select_related("source").order_by("-published", "pk")[:limit]
    return (
        [SearchHit(e, _unless_title(search_snippet(e.summary, words), e.title) if e.summary else "") for e in events],
        [SearchHit(a, _unless_title(search_snippet(a.clean_text, words), a.title)) for a in articles],
    )


def search_snippet(text: str, words: list[str], *, width: int = 240) -> str:
    """A window of ``text`` around the first match, with markers around every match of ``words``."""
    import re

    if not words:
        return text[:width]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, found.start() - width // 3) if found else 0
    end = min(len(text), start + width)
    # Cut at word boundaries: a window starting or ending inside a word shows a fragment ("ations").
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, found.start() if found else end)
        start = space + 1 if space != -1 else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", found.end() if found else start, end)
        end = space if space != -1 else end
    window = text[start:end].strip()
    marked = pattern.sub(lambda m: f"{SEARCH_MARK_START}{m.group(0)}{SEARCH_MARK_STOP}", window)
    return ("…" if start > 0 else "") + marked + ("…" if end < len(text) else "")


@dataclass(frozen=True)
class HistoryChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded version of an event as a reader sees it: when, and which public fields changed."""

    when: Any
    kind: str  # "published" or "changed"
    changes: list[HistoryChange]
    reason: str


PUBLIC_HISTORY_FIELDS = ("title", "summary", "event_type", "status", "date_edtf", "date_is_week", "place")


def event_public_history(*, event: Event) -> list[HistoryEntry]:
    """The corrections history of an event, oldest first, in two queries.

    It starts when the event was first published: what a contributor or the machine changed before,
    and the notes that came with it, are internal to the review (issue 18, finding 9). Only versions
    saved while the event was published count, so a spell back in review shows as one change when it
    is published again. Only fields a reader sees are compared; versions that changed none of them (a
    merge bookkeeping save) are left out, except the first, which says when the event was published.
    """
    from events.models import Place

    records = list(event.history.filter(review_state=ReviewState.PUBLISHED).order_by("history_date", "history_id"))
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
            entries.append(HistoryEntry(record.history_date, "published", [], ""))
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
    """What editors have to decide, in the order it matters, with citations and articles.

    The queue holds proposed events and published ones whose date passed with no outcome reported
    (``outcome_due_since``, set daily by events.services.outcomes), none merged away. First the events
    on a published topic (readers see those pages), then those more sources report, then the oldest
    waiting; confidence breaks ties.
    """
    from django.db.models import Exists, OuterRef

    from events.models import TopicMembership

    citations = Citation.objects.select_related("article").order_by("article__published", "start")
    on_published_topic = TopicMembership.objects.filter(event=OuterRef("pk"), topic__is_published=True)
    waiting = Q(review_state=ReviewState.PROPOSED) | Q(
        review_state=ReviewState.PUBLISHED, outcome_due_since__isnull=False
    )
    return (
        Event.objects.filter(waiting, merged_into__isnull=True)
        .annotate(
            n_citations=Count("citations"),
            n_articles=Count("citations__article", distinct=True),
            on_published_topic=Exists(on_published_topic),
        )
        .prefetch_related(Prefetch("citations", queryset=citations), "topics")
        .order_by("-on_published_topic", "-n_articles", "created_at", "-confidence", "pk")
    )


class TimelineItem(NamedTuple):
    """One event as the interactive timeline draws it: a bar from ``lower`` to ``upper``."""

    pk: int
    title: str
    lower: date
    upper: date
    status: str
    date_edtf: str
    week: bool
    precision: str


def events_timeline_items(events: QuerySet[Event]) -> list[TimelineItem]:
    """Every event of ``events`` (already filtered to what the public sees) as plain rows, one query."""
    rows = events.order_by("date_lower", "pk").values_list(
        "pk", "title", "date_lower", "date_upper", "status", "date_edtf", "date_is_week", "precision"
    )
    return [TimelineItem(*row) for row in rows]


# --- Coverage: what became of the articles, per source and per week -------------------------------

OUTCOME_BUCKETS = ("events_found", "no_events", "failed", "pending")


@dataclass
class CoverageRow:
    """Articles of one source (or one week) by outcome; ``no_events`` and ``failed`` by reason."""

    key: str
    events_found: int = 0
    no_events: dict[str, int] | None = None
    failed: dict[str, int] | None = None
    pending: int = 0

    @property
    def total(self) -> int:
        return (
            self.events_found + self.pending + sum((self.no_events or {}).values()) + sum((self.failed or {}).values())
        )


@dataclass(frozen=True)
class Coverage:
    totals: CoverageRow
    by_source: list[CoverageRow]
    by_week: list[CoverageRow]


def articles_coverage() -> Coverage:
    """Every article by outcome (events found, none found and why, failed and why, still in the queue),
    in total, per source and per week (of publication, else of receipt); two grouped queries."""
    from django.db.models.functions import Coalesce, TruncDate, TruncWeek

    from events.models import ArticleState

    def bucket(state: str, reason: str) -> tuple[str, str]:
        if state == ArticleState.DONE:
            return ("no_events", reason) if reason else ("events_found", "")
        if state == ArticleState.FAILED:
            return "failed", reason or "error"
        return "pending", ""

    def add(row: CoverageRow, state: str, reason: str, n: int) -> None:
        name, why = bucket(state, reason)
        if name == "events_found":
            row.events_found += n
        elif name == "pending":
            row.pending += n
        else:
            counts = getattr(row, name) or {}
            counts[why] = counts.get(why, 0) + n
            setattr(row, name, counts)

    totals = CoverageRow("all")
    sources: dict[str, CoverageRow] = {}
    per_source = Article.objects.values("source__name", "state", "outcome_reason").annotate(n=Count("pk")).order_by()
    for row in per_source:
        name = row["source__name"] or "(no outlet)"
        add(sources.setdefault(name, CoverageRow(name)), row["state"], row["outcome_reason"], row["n"])
        add(totals, row["state"], row["outcome_reason"], row["n"])
    weeks: dict[str, CoverageRow] = {}
    per_week = (
        Article.objects.annotate(week=TruncWeek(Coalesce("published", TruncDate("created_at"))))
        .values("week", "state", "outcome_reason")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in per_week:
        week = row["week"]
        key = week.isoformat()[:10] if week is not None else "undated"
        add(weeks.setdefault(key, CoverageRow(key)), row["state"], row["outcome_reason"], row["n"])
    return Coverage(
        totals=totals,
        by_source=sorted(sources.values(), key=lambda r: (-r.total, r.key)),
        by_week=[weeks[k] for k in sorted(weeks)],
    )
