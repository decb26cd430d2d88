"""What every timeline page (topic, actor, place) shares: filters, the strip, the year window, groups.

The URL holds the whole state: the EventFilterSet's fields (the same FilterSet as the API) plus
``year``, the window, and ``page``. A list longer than ``WINDOW_EVENTS`` is shown one year at a time
so a topic of thousands of events stays fast; ``year=all`` asks for every year, in pages of whole
months of at most ``ALL_PAGE_EVENTS`` events (``page``, oldest first). "Older" and "newer" links step
through either kind of window, and the strip links each month to the window that holds it. Scheduled
events still ahead always appear in the "Ahead" section, whatever the window.
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
from events.models import Actor, Event, EventActor, Place
from events.selectors import event_public_month_counts
from timeline.render import YearEntries, compact_html, group_entries, groups_html
from timeline.svg import Strip, build_strip
from timeline.timeline_groups import FULL_MONTHS
from timeline.views.entries import timeline_entries

WINDOW_EVENTS = 300
# "All years" of a longer timeline is paged: a 5,000-event page is megabytes of HTML for any reader,
# and its writing alone costs several times its queries (bench/pages.py).
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
    groups: list[YearEntries]
    ahead: list[YearEntries]
    strip: Strip | None
    total: int
    shown: int
    year: int | None  # the window; None when every year is shown
    years: list[YearLink]
    all_years_href: str
    filtered: bool
    today: date
    page: int | None = None  # the page of "all years" shown; None when not paged
    pages: int = 0
    page_span: str = ""  # "January 2005 to June 2010"
    older: StepLink | None = None
    newer: StepLink | None = None

    @property
    def form_fields(self) -> list[Any]:
        form = self.filterset.form
        return [form[name] for name in FORM_FIELDS if name in form.fields]

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


def _restrict_choices(filterset: EventFilterSet, base: QuerySet[Event]) -> None:
    """Offer only the actors and places that occur in this timeline (not every actor on record)."""
    form = filterset.form
    event_ids = base.values("pk")
    # Only the columns a choice's label shows (Actor.__str__ and Place.__str__).
    form.fields["actor"].queryset = Actor.objects.filter(
        pk__in=EventActor.objects.filter(event_id__in=event_ids).values("actor_id")
    ).only("pk", "name")
    form.fields["place"].queryset = Place.objects.filter(pk__in=base.values("place_id")).only(
        "pk", "name", "country_code"
    )
    for name in ("date_from", "date_to"):
        form.fields[name].widget.input_type = "date"


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


# A topic's strip changes only when its month counts do (or the day, or the window): the same page
# asked again reuses it. The key holds every input, so nothing needs invalidating.
@lru_cache(maxsize=64)
def _strip(
    rows: tuple[tuple[object, ...], ...],
    today: date,
    query: str,
    year: int | None,
    page: int | None,
    pages: tuple[MonthSpan, ...],
) -> Strip | None:
    """The strip of month-count ``rows``, each month linked to its section in the window that holds it."""
    params = QueryDict(query)
    page_of: dict[tuple[int, int], int] = {}  # the page of each month with past events
    if page is not None:
        months = iter(sorted({(int(y), int(m)) for y, m, _, total, ahead in rows if total != ahead}))  # type: ignore[call-overload]
        for number, span in enumerate(pages, 1):
            for key in months:
                page_of[key] = number
                if key == span.last:
                    break
    # One query string per year or page, not per month of the strip: copying and re-encoding a
    # filtered query string for each of hundreds of months cost more than the page's queries.
    queries: dict[tuple[int, int], str] = {}

    def link_for(y: int, m: int, is_ahead: bool) -> str:
        if is_ahead:
            return f"#a{y}-{m:02d}"
        if year is not None and y != year:
            key = (y, 0)
            if key not in queries:
                queries[key] = query_with(params, year=str(y), page=None)
            return f"{queries[key]}#m{y}-{m:02d}"
        if page is not None and page_of.get((y, m), page) != page:
            key = (0, page_of[(y, m)])
            if key not in queries:
                queries[key] = query_with(params, year="all", page=str(key[1]))
            return f"{queries[key]}#m{y}-{m:02d}"
        return f"#m{y}-{m:02d}"

    keys = ("year", "month", "precision", "total", "ahead")
    return build_strip([dict(zip(keys, row, strict=True)) for row in rows], today=today, link_for=link_for)


def timeline_build(request: HttpRequest, base: QuerySet[Event], *, with_notes: bool = True) -> Timeline:
    """Filter ``base`` by the request's query string and group what is left into a timeline.

    ``with_notes=False`` leaves out the source notes (a compact timeline does not show them). Raises
    :class:`WindowError` for a ``year`` or ``page`` that names no window.
    """
    today = timezone.localdate()
    filterset = EventFilterSet(request.GET, queryset=base, request=request)
    _restrict_choices(filterset, base)
    filtered = filterset.qs
    rows = event_public_month_counts(filtered, today=today)
    total = sum(int(r["total"]) for r in rows)  # type: ignore[call-overload]

    past_by_year: dict[int, int] = {}
    past_by_month: dict[tuple[int, int], int] = {}
    for row in rows:
        n_past = int(row["total"]) - int(row["ahead"])  # type: ignore[call-overload]
        if n_past:
            y, m = int(row["year"]), int(row["month"])  # type: ignore[call-overload]
            past_by_year[y] = past_by_year.get(y, 0) + n_past
            past_by_month[(y, m)] = past_by_month.get((y, m), 0) + n_past

    params = request.GET
    requested = params.get("year", "")
    year: int | None = None
    if requested == "all":
        pass
    elif requested:
        year = _whole_number("year", requested, 1, 9999)
    elif total > WINDOW_EVENTS and past_by_year:
        # The most recent year that has already happened: readers come for the latest news.
        current = [y for y in past_by_year if y <= today.year]
        year = max(current) if current else min(past_by_year)

    # "All years" of a long timeline comes in pages of whole months, oldest first.
    pages = month_pages([(y, m, n) for (y, m), n in sorted(past_by_month.items())], ALL_PAGE_EVENTS)
    page: int | None = None
    if requested == "all" and len(pages) > 1:
        page = _whole_number("page", params["page"], 1, len(pages)) if params.get("page") else 1
    ahead_q = Q(status="scheduled", date_upper__gte=today)
    if year is not None:
        window = filtered.filter(Q(date_lower__year=year) | ahead_q)
    elif page is not None:
        window = filtered.filter(pages[page - 1].q() | ahead_q)
    else:
        window = filtered
    entries = timeline_entries(window, with_notes=with_notes)
    past = [e for e in entries if not e.is_ahead(today)]
    ahead = [e for e in entries if e.is_ahead(today)]

    year_queries: dict[int, str] = {}
    page_queries: dict[int, str] = {}

    def year_query(y: int) -> str:
        if y not in year_queries:
            year_queries[y] = query_with(params, year=str(y), page=None)
        return year_queries[y]

    def page_query(number: int) -> str:
        if number not in page_queries:
            page_queries[number] = query_with(params, year="all", page=str(number))
        return page_queries[number]

    rows_key = tuple((r["year"], r["month"], r["precision"], r["total"], r["ahead"]) for r in rows)
    strip = _strip(rows_key, today, params.urlencode(), year, page, tuple(pages))
    years = [YearLink(y, n, year_query(y), y == year) for y, n in sorted(past_by_year.items())]
    older = newer = None
    if year is not None:
        before = [y for y in past_by_year if y < year]
        after = [y for y in past_by_year if y > year]
        older = StepLink(f"Older: {max(before)}", year_query(max(before))) if before else None
        newer = StepLink(f"Newer: {min(after)}", year_query(min(after))) if after else None
    elif page is not None:
        if page > 1:
            older = StepLink(f"Older: {pages[page - 2].label}", page_query(page - 1))
        if page < len(pages):
            newer = StepLink(f"Newer: {pages[page].label}", page_query(page + 1))
    filtered_state = any(params.get(name) for name in FORM_FIELDS)
    return Timeline(
        filterset=filterset,
        groups=group_entries(past),
        ahead=group_entries(ahead),
        strip=strip,
        total=total,
        shown=len(entries),
        year=year,
        years=years if (year is not None or requested == "all") else [],
        all_years_href=query_with(params, year="all", page=None),
        filtered=filtered_state,
        today=today,
        page=page,
        pages=len(pages),
        page_span=pages[page - 1].label if page is not None else "",
        older=older,
        newer=newer,
    )
