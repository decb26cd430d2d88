"""What every timeline page (topic, actor, place) shares: filters, the strip, the year window, groups.

The URL holds the whole state: the EventFilterSet's fields (the same FilterSet as the API) plus
``year``, the window, and ``page``. A list longer than ``WINDOW_EVENTS`` is shown one year at a time
so a topic of thousands of events stays fast; ``year=all`` asks for every year. Either window, when it
holds more than ``ALL_PAGE_EVENTS`` past events, comes in pages of whole months of at most that many
(``page``, oldest first; a year asked for without a page starts at its first, the default window of a
long timeline shows the newest page of its latest year). "Older" and "newer" links step through the
pages and years, and the strip links each month to the window that holds it. Scheduled events still
ahead always appear in the "Ahead" section, whatever the window.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache, wraps
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.utils import timezone
from django.utils.safestring import SafeString

from events.filters import EventFilterSet
from events.models import Event
from events.selectors import (
    MonthCount,
    actors_in,
    event_public_month_counts,
    event_public_timeline_rows,
    places_in,
    timeline_choice_labels,
)
from timeline.render import Entry, compact_html, entries_from_rows, filters_html, groups_html, years_nav_html
from timeline.svg import Strip, build_strip
from timeline.timeline_groups import FULL_MONTHS, YearGroup, group_by_year_month, split_ahead

WINDOW_EVENTS = 300
# "All years", or one year, of a longer timeline is paged: a 5,000-event page is megabytes of HTML for
# any reader, and its writing alone costs several times its queries (bench/pages.py).
ALL_PAGE_EVENTS = 1000
FORM_FIELDS = ("date_from", "date_to", "type", "status", "actor", "place")


@dataclass(frozen=True)
class YearLink:
    year: int
    count: int
    href: str
    current: bool


@dataclass(frozen=True)
class StepLink:
    """The neighbouring window ("Older: 2019", "Newer: May 2012 to June 2014")."""

    label: str
    href: str


@dataclass
class Timeline:
    """Everything a timeline template needs; built with a constant number of queries."""

    filterset: EventFilterSet
    choices: dict[str, list[tuple[int, str]]]  # the actor and place filters' (id, label) pairs
    groups: list[YearGroup[Entry]]
    ahead: list[YearGroup[Entry]]
    strip: Strip | None
    total: int
    shown: int
    year: int | None  # the window; None when every year is shown
    years: list[YearLink]
    all_years_href: str
    filtered: bool
    today: date
    page: int | None = None  # the page of the window ("all years" or the year) shown; None when not paged
    pages: int = 0
    page_span: str = ""  # "January 2005 to June 2010"
    older: StepLink | None = None
    newer: StepLink | None = None

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
        """The filter controls, written in Python (timeline.render), the actors and places as plain values."""
        return filters_html(self.form_fields, self.choices)

    # The entries as HTML, written in one pass in Python (timeline.render), not by template loops.
    @cached_property
    def past_html(self) -> SafeString:
        return groups_html(self.groups, level=3, prefix="m")

    @cached_property
    def ahead_html(self) -> SafeString:
        return groups_html(self.ahead, level=3, prefix="a")

    @cached_property
    def compact_past_html(self) -> SafeString:
        """Newest first, without source notes (the embed)."""
        return compact_html(self.groups, level=3, newest_first=True)

    @cached_property
    def compact_ahead_html(self) -> SafeString:
        return compact_html(self.ahead, level=3)


def query_with(params: QueryDict, **changes: str | None) -> str:
    """``?...`` with ``changes`` applied (None removes a key); every other parameter kept in its place.

    Built from the pairs, not from ``params.copy()``: a QueryDict copy is a deep copy, and a timeline
    writes one of these links per year.
    """
    pairs: list[tuple[str, str]] = []
    for key, values in params.lists():
        change = changes.get(key, values)
        if isinstance(change, list):  # not changed: every value kept
            pairs.extend((key, value) for value in change)
        elif change is not None:
            pairs.append((key, change))
    pairs.extend((key, value) for key, value in changes.items() if value is not None and key not in params)
    return f"?{urlencode(pairs)}" if pairs else "?"


class WindowError(ValueError):
    """A ``year`` or ``page`` in the query string that names no window (answered with a 400)."""


def timeline_errors_as_400(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer a malformed window with a 400 that says what is wrong, never a 500."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except WindowError as error:
            return HttpResponseBadRequest(f"{error}\n", content_type="text/plain; charset=utf-8")

    return wrapper


def year_query(params: QueryDict) -> Callable[[int], str]:
    """``query_with(params, year=str(y), page=None)`` for any year ``y``, the parameters encoded once.

    A timeline links every year it has (dozens); encoding the whole query string for each cost more
    than writing the list.
    """
    parts = query_with(params, year="_", page=None)[1:].split("&")
    at = parts.index("year=_")  # "_" is encoded as itself, and every other pair's "=" stays inside it

    def href(year: int) -> str:
        return "?" + "&".join([*parts[:at], f"year={year}", *parts[at + 1 :]])

    return href


def _whole_number(name: str, value: str, low: int, high: int) -> int:
    # ASCII digits only: str.isdigit() also accepts "²" and other digits int() refuses or misreads.
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise WindowError(f"{name} must be a whole number from {low} to {high}, or 'all' (got {value[:20]!r})")
    return int(value)


@dataclass(frozen=True)
class MonthSpan:
    """Consecutive months (first and last as (year, month)) and how many past events they hold."""

    first: tuple[int, int]
    last: tuple[int, int]
    count: int

    @property
    def label(self) -> str:
        (y1, m1), (y2, m2) = self.first, self.last
        start, end = f"{FULL_MONTHS[m1 - 1]} {y1}", f"{FULL_MONTHS[m2 - 1]} {y2}"
        return start if start == end else f"{start} to {end}"

    def q(self) -> Q:
        (y1, m1), (y2, m2) = self.first, self.last
        last_day = date(y2, m2, monthrange(y2, m2)[1])
        return Q(date_lower__gte=date(y1, m1, 1), date_lower__lte=last_day)


def month_pages(month_counts: list[tuple[int, int, int]], size: int) -> list[MonthSpan]:
    """Whole months, oldest first, cut into pages of at most ``size`` events (a busier month alone).

    ``month_counts`` is (year, month, events) in date order. Pages never split a month, so a month's
    heading, anchor and strip link live on exactly one page.
    """
    pages: list[MonthSpan] = []
    first: tuple[int, int] | None = None
    last: tuple[int, int] = (0, 0)
    count = 0
    for y, m, n in month_counts:
        if first is not None and count + n > size:
            pages.append(MonthSpan(first, last, count))
            first, count = None, 0
        if first is None:
            first = (y, m)
        last, count = (y, m), count + n
    if first is not None:
        pages.append(MonthSpan(first, last, count))
    return pages


def past_by_month(counts: list[MonthCount]) -> dict[tuple[int, int], int]:
    """Past (not still ahead) events per (year, month) of the month counts, in date order."""
    months: dict[tuple[int, int], int] = {}
    for row in counts:
        if row.total != row.ahead:
            key = (row.year, row.month)
            months[key] = months.get(key, 0) + row.total - row.ahead
    return months


def year_pages(months: dict[tuple[int, int], int], year: int, size: int) -> list[MonthSpan]:
    """The month pages of one year (a single page when the year holds at most ``size`` past events)."""
    return month_pages([(y, m, n) for (y, m), n in months.items() if y == year], size)


@dataclass(frozen=True)
class Window:
    """The part of a timeline one page shows: a year or every year (``year`` None), maybe one page of it."""

    year: int | None
    page: int | None  # None when the window is not paged
    pages: list[MonthSpan]  # the window's month pages (empty or one when not paged)

    @property
    def param(self) -> str:
        return "all" if self.year is None else str(self.year)


def window_for(params: QueryDict, months: dict[tuple[int, int], int], total: int, today: date) -> Window | None:
    """The window the query string asks for (None: the whole short timeline, unwindowed).

    Raises :class:`WindowError` for a ``year`` or ``page`` that names none.
    """
    requested = params.get("year", "")
    newest = False
    if requested == "all":
        year = None
    elif requested:
        year = _whole_number("year", requested, 1, 9999)
    elif total > WINDOW_EVENTS and months:
        # The most recent year that has already happened, at its newest page: readers come for the
        # latest news.
        years = {y for y, _ in months}
        current = [y for y in years if y <= today.year]
        year = max(current) if current else min(years)
        newest = True
    else:
        return None
    size = ALL_PAGE_EVENTS
    if year is None:
        pages = month_pages([(y, m, n) for (y, m), n in months.items()], size)
    else:
        pages = year_pages(months, year, size)
    if len(pages) <= 1:
        return Window(year, None, pages)
    asked = params.get("page", "")
    default = len(pages) if newest else 1
    return Window(year, _whole_number("page", asked, 1, len(pages)) if asked else default, pages)


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
    # The window of each month with past events, as its (year, page) parameters; None: this window.
    window_of: dict[tuple[int, int], tuple[str, str | None]] = {}
    if year is not None:
        for y in sorted({y for y, _ in months}):
            spans = year_pages(months, y, size)
            for number, span in enumerate(spans, 1):
                for key in months:
                    if key[0] == y and span.first <= key <= span.last:
                        window_of[key] = (str(y), str(number) if len(spans) > 1 else None)
        shown = (str(year), str(page) if page is not None else None)
    elif page is not None:
        spans = month_pages([(y, m, n) for (y, m), n in months.items()], size)
        for number, span in enumerate(spans, 1):
            for key in months:
                if span.first <= key <= span.last:
                    window_of[key] = ("all", str(number))
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


def timeline_build(request: HttpRequest, base: QuerySet[Event], *, with_notes: bool = True) -> Timeline:
    """Filter ``base`` by the request's query string and group what is left into a timeline.

    ``with_notes=False`` leaves out the source notes (a compact timeline does not show them). Raises
    :class:`WindowError` for a ``year`` or ``page`` that names no window.
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
    filtered = filterset.qs
    counts = event_public_month_counts(filtered, today=today)
    total = sum(row.total for row in counts)
    months = past_by_month(counts)
    past_by_year: dict[int, int] = {}
    for (y, _), n in months.items():
        past_by_year[y] = past_by_year.get(y, 0) + n

    window = window_for(params, months, total, today)
    ahead_q = Q(status="scheduled", date_upper__gte=today)
    if window is None:
        shown_qs = filtered
    elif window.page is not None:
        shown_qs = filtered.filter(window.pages[window.page - 1].q() | ahead_q)
    elif window.year is not None:
        shown_qs = filtered.filter(Q(date_lower__year=window.year) | ahead_q)
    else:
        shown_qs = filtered
    entries = entries_from_rows(event_public_timeline_rows(shown_qs, with_notes=with_notes))
    past, ahead = split_ahead(entries, today)

    queries: dict[tuple[str, str | None], str] = {}

    def query(year: str, page: int | None = None) -> str:
        key = (year, None if page is None else str(page))
        if key not in queries:
            queries[key] = query_with(params, year=key[0], page=key[1])
        return queries[key]

    actor_labels, place_labels = timeline_choice_labels(events=base)
    year = window.year if window is not None else None
    page = window.page if window is not None else None
    strip = _strip(tuple(counts), today, params.urlencode(), year, page, ALL_PAGE_EVENTS)
    year_href = year_query(params)
    years = [YearLink(y, n, year_href(y), y == year) for y, n in sorted(past_by_year.items())]
    older, newer = _steps(window, past_by_year, months, query) if window is not None else (None, None)
    return Timeline(
        filterset=filterset,
        choices={"actor": actor_labels, "place": place_labels},
        groups=group_by_year_month(past),
        ahead=group_by_year_month(ahead),
        strip=strip,
        total=total,
        shown=len(entries),
        year=year,
        years=years if window is not None else [],
        all_years_href=query("all"),
        filtered=any(params.get(name) for name in FORM_FIELDS),
        today=today,
        page=page,
        pages=len(window.pages) if window is not None else 0,
        page_span=window.pages[page - 1].label if window is not None and page is not None else "",
        older=older,
        newer=newer,
    )


def _steps(
    window: Window,
    past_by_year: dict[int, int],
    months: dict[tuple[int, int], int],
    query: Callable[..., str],
) -> tuple[StepLink | None, StepLink | None]:
    """The "older" and "newer" links of a window: the next page of it, else the next year's nearest page."""
    page, pages = window.page, window.pages
    older = newer = None
    if page is not None and page > 1:
        older = StepLink(f"Older: {pages[page - 2].label}", query(window.param, page - 1))
    if page is not None and page < len(pages):
        newer = StepLink(f"Newer: {pages[page].label}", query(window.param, page + 1))
    if window.year is None:
        return older, newer
    if older is None:
        before = [y for y in past_by_year if y < window.year]
        if before:
            # The year before, at its newest page when it is paged.
            spans = year_pages(months, max(before), ALL_PAGE_EVENTS)
            if len(spans) > 1:
                older = StepLink(f"Older: {spans[-1].label}", query(str(max(before)), len(spans)))
            else:
                older = StepLink(f"Older: {max(before)}", query(str(max(before))))
    if newer is None:
        after = [y for y in past_by_year if y > window.year]
        if after:
            spans = year_pages(months, min(after), ALL_PAGE_EVENTS)
            label = spans[0].label if len(spans) > 1 else str(min(after))
            newer = StepLink(f"Newer: {label}", query(str(min(after))))  # a year starts at its first page
    return older, newer
