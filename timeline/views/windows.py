"""The windows of a long timeline: one year, or every year, in pages of whole months; the URL holds it.

A list longer than ``WINDOW_EVENTS`` is shown one year at a time so a topic of thousands of events
stays fast; ``year=all`` asks for every year. Either window, when it holds more than
``ALL_PAGE_EVENTS`` past events, comes in pages of whole months of at most that many (``page``,
oldest first; a year asked for without a page starts at its first, the default window of a long
timeline shows the newest page of its latest year). "Older" and "newer" links step through the pages
and years. Pure Python over the month counts: choosing a window costs no query.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict

from events.selectors import MonthCount
from timeline.timeline_groups import FULL_MONTHS

WINDOW_EVENTS = 300
# "All years", or one year, of a longer timeline is paged: a 5,000-event page is megabytes of HTML for
# any reader, and its writing alone costs several times its queries (bench/pages.py).
ALL_PAGE_EVENTS = 1000


@dataclass(frozen=True)
class StepLink:
    """The neighbouring window ("Older: 2019", "Newer: May 2012 to June 2014")."""

    label: str
    href: str


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


def page_of(months: list[tuple[int, int]], pages: list[MonthSpan]) -> dict[tuple[int, int], int]:
    """The page number (from 1) of each of ``months`` (in date order, each within one of ``pages``)."""
    found: dict[tuple[int, int], int] = {}
    number = 0
    for key in months:
        while number < len(pages) and key > pages[number].last:
            number += 1
        found[key] = number + 1
    return found


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


def steps(
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
