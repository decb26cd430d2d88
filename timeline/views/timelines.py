"""What every timeline page (topic, actor, place) shares: filters, the strip, the window, groups.

The URL holds the whole state: the EventFilterSet's fields (the same FilterSet as the API) plus the
window, ``year`` and ``page`` (see :mod:`timeline.views.windows`). The strip links each month to the
window that holds it. Scheduled events still ahead always appear in the "Ahead" section, whatever the
window.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.safestring import SafeString

from events.filters import EventFilterSet
from events.models import Event
from events.presentation.record import CompiledRead, EventRecord, event_records, record_read
from events.selectors import (
    CompiledQuery,
    MonthCount,
    actors_in,
    choice_label_queries,
    compiled_reads_ready,
    event_ids_query,
    event_public_month_counts,
    places_in,
    timeline_choice_labels,
)
from timeline.fragments import Fragments, render_with_fragments
from timeline.render import EntryWriter, compact_html, filters_html, groups_html, years_nav_html
from timeline.svg import Strip, build_strip
from timeline.timeline_groups import YearGroup, group_by_year_month, split_ahead
from timeline.views import windows
from timeline.views.windows import (
    StepLink,
    WindowError,
    month_pages,
    page_of,
    past_by_month,
    query_with,
    steps,
    timeline_errors_as_400,
    window_for,
    year_pages,
    year_query,
)

FORM_FIELDS = ("date_from", "date_to", "type", "status", "actor", "place")


@dataclass(frozen=True)
class YearLink:
    year: int
    count: int
    href: str
    current: bool


@dataclass
class Timeline:
    """Everything a timeline template needs; built with a constant number of queries."""

    filterset: EventFilterSet
    base: QuerySet[Event]  # before filtering: the actor and place filters offer those of these events
    groups: list[YearGroup[EventRecord]]
    ahead: list[YearGroup[EventRecord]]
    strip: Strip | None
    total: int
    shown: int
    year: int | None  # the window; None when every year is shown
    years: list[YearLink]
    all_years_href: str
    filtered: bool
    today: date
    filter_errors: bool = False  # some filter was not understood, so nothing was filtered by it
    items_url: str = ""  # the interactive timeline's data (timeline.views.timeline_items), with the filters
    page: int | None = None  # the page of the window ("all years" or the year) shown; None when not paged
    pages: int = 0
    page_span: str = ""  # "January 2005 to June 2010"
    older: StepLink | None = None
    newer: StepLink | None = None
    fragments: Fragments = field(default_factory=Fragments)
    base_key: Hashable | None = None  # see timeline_build

    @property
    def form_fields(self) -> list[Any]:
        form = self.filterset.form
        return [form[name] for name in FORM_FIELDS if name in form.fields]

    @cached_property
    def years_html(self) -> SafeString:
        """The years' navigation ("" when the timeline is not windowed)."""
        if not self.years:
            return SafeString("")
        rows = ((y.year, y.count, y.href, y.current) for y in self.years)
        return years_nav_html(rows, all_href=self.all_years_href, all_current=self.year is None)

    @cached_property
    def filters_html(self) -> SafeString:
        """The filter controls, written in Python (timeline.render), the actors and places read as plain
        values (two queries, only for a page that shows the filters: the embed does not)."""
        compiled = None
        if self.base_key is not None:
            compiled = _compiled(("labels", self.base_key), lambda: choice_label_queries(self.base))
        actors, places = timeline_choice_labels(events=self.base, compiled=compiled)
        return filters_html(self.form_fields, {"actor": actors, "place": places})

    # The strip's drawing and its text alternative (tens of kilobytes on a long timeline) are spliced in
    # too, not copied through each level of the template's nesting.
    @cached_property
    def strip_svg(self) -> SafeString:
        return self.fragments.place(self.strip.svg) if self.strip is not None else SafeString("")

    @cached_property
    def strip_text_html(self) -> SafeString:
        return self.fragments.place(self.strip.text_html) if self.strip is not None else SafeString("")

    @cached_property
    def writer(self) -> EntryWriter:
        """One entry writer for the page's sections: the links and source lines the "Ahead" section
        wrote (actors, places, outlets, articles) are not written again for the past."""
        return EntryWriter(self.today)

    # The entries as HTML, written in one pass in Python (timeline.render), not by template loops, and
    # spliced into the response rather than copied through the template (timeline.fragments): the page
    # is rendered by render_timeline.
    @cached_property
    def past_html(self) -> SafeString:
        return self.fragments.place(groups_html(self.groups, writer=self.writer, level=3, prefix="m"))

    @cached_property
    def ahead_html(self) -> SafeString:
        return self.fragments.place(groups_html(self.ahead, writer=self.writer, level=3, prefix="a"))

    @cached_property
    def compact_past_html(self) -> SafeString:
        """Newest first, without source notes (the embed)."""
        return self.fragments.place(compact_html(self.groups, writer=self.writer, level=3, newest_first=True))

    @cached_property
    def compact_ahead_html(self) -> SafeString:
        return self.fragments.place(compact_html(self.ahead, writer=self.writer, level=3))


# A topic's strip changes only when its month counts do (or the day, or the window): the same page
# asked again reuses it. The key holds every input, so nothing needs invalidating.
@lru_cache(maxsize=64)
def _strip(
    counts: tuple[MonthCount, ...],
    today: date,
    query: str,
    year: int | None,
    page: int | None,
    size: int,
) -> Strip | None:
    """The strip of ``counts``, each month linked to its section in the window that holds it.

    (``year``, ``page``) is the window shown: a year (``page`` None when it is not paged), every year
    in pages (``year`` None), or everything (both None).
    """
    params = QueryDict(query)
    months = past_by_month(list(counts))
    # The window of each month with past events, as its (year, page) parameters.
    window_of: dict[tuple[int, int], tuple[str, str | None]] = {}
    shown: tuple[str, str | None] = ("", None)  # the window of this page (none when nothing is windowed)
    if year is not None:
        for y in sorted({y for y, _ in months}):
            spans = year_pages(months, y, size)
            for key, number in page_of([key for key in months if key[0] == y], spans).items():
                window_of[key] = (str(y), str(number) if len(spans) > 1 else None)
        shown = (str(year), str(page) if page is not None else None)
    elif page is not None:
        spans = month_pages([(y, m, n) for (y, m), n in months.items()], size)
        window_of = {key: ("all", str(number)) for key, number in page_of(list(months), spans).items()}
        shown = ("all", str(page))
    # One query string per window, not per month of the strip: copying and re-encoding a filtered
    # query string for each of hundreds of months cost more than the page's queries.
    queries: dict[tuple[str, str | None], str] = {}

    def link_for(y: int, m: int, is_ahead: bool) -> str:
        if is_ahead:
            return f"#a{y}-{m:02d}"
        target = window_of.get((y, m))
        if target is None or target == shown:
            return f"#m{y}-{m:02d}"
        if target not in queries:
            queries[target] = query_with(params, year=target[0], page=target[1])
        return f"{queries[target]}#m{y}-{m:02d}"

    return build_strip(counts, today=today, link_for=link_for)


# The SQL of a timeline's reads, compiled once and kept for the next page asked with the same events,
# filters, day and window. Building a filtered queryset and compiling its reads (the filtered events'
# ids, the shown window's records, the filters' labels) cost several milliseconds a page, more than a
# short page's writing. Only SQL is kept, never a row: what it finds is read anew on every request.
COMPILED_SIZE = 512
_COMPILED: dict[Hashable, Any] = {}


def _compiled(key: Hashable, compile_: Any) -> Any:
    found = _COMPILED.get(key)
    if found is None:
        found = compile_()
        if len(_COMPILED) >= COMPILED_SIZE:
            _COMPILED.clear()  # a crude bound, but one no thread can trip over (no iteration)
        _COMPILED[key] = found
    return found


_PLAIN = (str, int, float, Decimal, date, datetime)


def filters_key(filterset: EventFilterSet) -> tuple[Hashable, ...] | None:
    """What the filtered queryset's SQL follows from besides its events: the filters' cleaned values
    (django-filter filters by ``form.cleaned_data`` alone), or None when some value is not plain (a
    chosen actor, place or topic is checked against the database, so its SQL is not kept)."""
    if filterset.errors is None:  # validates the form: cleaned_data holds the values it accepted
        return None
    key: list[Hashable] = []
    for name, value in filterset.form.cleaned_data.items():
        if isinstance(value, list | tuple):
            if not all(isinstance(item, str) for item in value):
                return None
            key.append((name, "list", tuple(value)))
        elif value is None or isinstance(value, _PLAIN):
            key.append((name, type(value).__name__, value))
        else:
            return None
    return tuple(key)


def timeline_build(
    request: HttpRequest,
    base: QuerySet[Event],
    *,
    with_notes: bool = True,
    items_url: str = "",
    base_key: Hashable | None = None,
) -> Timeline:
    """Filter ``base`` by the request's query string and group what is left into a timeline.

    ``with_notes=False`` leaves out the source notes (a compact timeline does not show them). Raises
    :class:`WindowError` for a ``year`` or ``page`` that names no window. ``base_key``, when given,
    names ``base``'s SQL (the same key, the same SQL, in this process): the SQL of the timeline's reads
    is then compiled once for it, its filters, day and window.
    """
    today = timezone.localdate()
    params = request.GET
    filterset = EventFilterSet(params, queryset=base, request=request)
    # The actor and place filters accept (and offer) only those in this timeline, not every one on
    # record. Their querysets matter only to check ids the query string gives.
    form = filterset.form
    if params.get("actor"):
        form.fields["actor"].queryset = actors_in(events=base)
    if params.get("place"):
        form.fields["place"].queryset = places_in(events=base)
    key: tuple[Hashable, ...] | None = None
    if base_key is not None and compiled_reads_ready(today):
        filters = filters_key(filterset)
        if filters is not None:
            key = (base_key, filters, today)
    filtered: QuerySet[Event] | CompiledQuery = (
        filterset.qs if key is None else _compiled(("ids", *key), lambda: event_ids_query(filterset.qs))
    )
    counts = event_public_month_counts(filtered, today=today)
    total = sum(row.total for row in counts)
    months = past_by_month(counts)
    past_by_year: dict[int, int] = {}
    for (y, _), n in months.items():
        past_by_year[y] = past_by_year.get(y, 0) + n

    window = window_for(params, months, total, today)

    def shown() -> QuerySet[Event]:
        shown_qs = filterset.qs
        ahead_q = Q(status="scheduled", date_upper__gte=today)
        if window is not None and window.page is not None:
            shown_qs = shown_qs.filter(window.pages[window.page - 1].q() | ahead_q)
        elif window is not None and window.year is not None:
            shown_qs = shown_qs.filter(Q(date_lower__year=window.year) | ahead_q)
        return shown_qs.order_by("date_lower", "date_upper", "pk")

    read: QuerySet[Event] | CompiledRead | None = None
    if key is not None:
        span = None if window is None or window.page is None else window.pages[window.page - 1]
        spec = None if window is None else (window.year, span.first if span else None, span.last if span else None)
        read = _compiled(("records", *key, spec), lambda: record_read(shown()) or False) or None
    # No topics: an entry never names them (one query and a tuple per event fewer).
    records = event_records(read or shown(), with_citations=with_notes, with_topics=False)
    past, ahead = split_ahead(records, today)

    queries: dict[tuple[str, str | None], str] = {}

    def query(year: str, page: int | None = None) -> str:
        key = (year, None if page is None else str(page))
        if key not in queries:
            queries[key] = query_with(params, year=key[0], page=key[1])
        return queries[key]

    year = window.year if window is not None else None
    page = window.page if window is not None else None
    strip = _strip(tuple(counts), today, params.urlencode(), year, page, windows.ALL_PAGE_EVENTS)
    year_href = year_query(params)
    years = [YearLink(y, n, year_href(y), y == year) for y, n in sorted(past_by_year.items())]
    older, newer = steps(window, past_by_year, months, query) if window is not None else (None, None)
    return Timeline(
        filterset=filterset,
        base=base,
        groups=group_by_year_month(past),
        ahead=group_by_year_month(ahead),
        strip=strip,
        total=total,
        shown=len(records),
        year=year,
        years=years if window is not None else [],
        all_years_href=query("all"),
        filtered=any(params.get(name) for name in FORM_FIELDS),
        today=today,
        filter_errors=bool(filterset.errors),
        items_url=_with_filters(items_url, params) if items_url and not filterset.errors else "",
        page=page,
        pages=len(window.pages) if window is not None else 0,
        page_span=window.pages[page - 1].label if window is not None and page is not None else "",
        older=older,
        newer=newer,
        base_key=base_key,
    )


def render_timeline(
    request: HttpRequest, template_name: str, context: dict[str, Any], timeline: Timeline
) -> HttpResponse:
    """The page of ``timeline`` (``context["timeline"]``), its entries spliced in (timeline.fragments).

    The timeline lets go of its records once the page is written. A rendered template's context stays
    in a reference cycle (Django's RequestContext and the ContextDicts it pushes point at each other),
    so whatever it names lives until the cyclic garbage collector next runs, and that collection would
    walk every record (some 20,000 objects on a page of a thousand events). Let go here, they are freed
    at once by reference counting; a view that pauses the collector (``collector_paused``) until it
    returns keeps any collection from walking them at all.
    """
    response = render_with_fragments(request, template_name, context, timeline.fragments)
    timeline.groups, timeline.ahead = [], []
    return response


def _with_filters(url: str, params: QueryDict) -> str:
    """``url`` with the filter parameters of ``params`` (not the window: the drawing shows every year)."""
    kept = QueryDict(mutable=True)
    for name in (*FORM_FIELDS, "topic", "country", "precision", "q"):
        if name in params:
            kept.setlist(name, params.getlist(name))
    return f"{url}?{kept.urlencode()}" if kept else url


__all__ = ["Timeline", "WindowError", "render_timeline", "timeline_build", "timeline_errors_as_400"]
