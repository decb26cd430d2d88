"""What every timeline page (topic, actor, place) shares: filters, the strip, the year window, groups.

The URL holds the whole state: the EventFilterSet's fields (the same FilterSet as the API) plus
``year``, the window. A list longer than ``WINDOW_EVENTS`` is shown one year at a time so a topic of
thousands of events stays fast; ``year=all`` asks for everything anyway. Scheduled events still ahead
always appear in the "Ahead" section, whatever the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.safestring import SafeString

from events.filters import EventFilterSet
from events.models import Actor, Event, EventActor, Place
from events.selectors import event_public_month_counts
from timeline.render import YearEntries, compact_html, group_entries, groups_html
from timeline.svg import Strip, build_strip
from timeline.views.entries import timeline_entries

WINDOW_EVENTS = 300
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
    """``?...`` with ``changes`` applied (None removes a key); every other parameter kept."""
    copy = params.copy()
    for key, value in changes.items():
        if value is None:
            copy.pop(key, None)
        else:
            copy[key] = value
    encoded = copy.urlencode()
    return f"?{encoded}" if encoded else "?"


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


def timeline_build(request: HttpRequest, base: QuerySet[Event], *, with_notes: bool = True) -> Timeline:
    """Filter ``base`` by the request's query string and group what is left into a timeline.

    ``with_notes=False`` leaves out the source notes (a compact timeline does not show them).
    """
    today = timezone.localdate()
    filterset = EventFilterSet(request.GET, queryset=base, request=request)
    _restrict_choices(filterset, base)
    filtered = filterset.qs
    rows = event_public_month_counts(filtered, today=today)
    total = sum(int(r["total"]) for r in rows)  # type: ignore[call-overload]

    past_by_year: dict[int, int] = {}
    for row in rows:
        n_past = int(row["total"]) - int(row["ahead"])  # type: ignore[call-overload]
        if n_past:
            past_by_year[int(row["year"])] = past_by_year.get(int(row["year"]), 0) + n_past  # type: ignore[call-overload]

    requested = request.GET.get("year", "")
    year: int | None = None
    if requested != "all" and (total > WINDOW_EVENTS or requested.isdigit()):
        if requested.isdigit():
            year = int(requested)
        elif past_by_year:
            # The most recent year that has already happened: readers come for the latest news.
            current = [y for y in past_by_year if y <= today.year]
            year = max(current) if current else min(past_by_year)

    ahead_q = Q(status="scheduled", date_upper__gte=today)
    window = filtered if year is None else filtered.filter(Q(date_lower__year=year) | ahead_q)
    entries = timeline_entries(window, with_notes=with_notes)
    past = [e for e in entries if not e.is_ahead(today)]
    ahead = [e for e in entries if e.is_ahead(today)]

    params = request.GET
    # One query string per year, not per month of the strip: copying and re-encoding a filtered
    # QueryDict for each of hundreds of months cost more than the page's queries.
    year_queries: dict[int, str] = {}

    def year_query(y: int) -> str:
        if y not in year_queries:
            year_queries[y] = query_with(params, year=str(y))
        return year_queries[y]

    def link_for(y: int, m: int, is_ahead: bool) -> str:
        if is_ahead:
            return f"#a{y}-{m:02d}"
        if year is None or y == year:
            return f"#m{y}-{m:02d}"
        query = year_queries.get(y) or year_query(y)
        return f"{query}#m{y}-{m:02d}"

    strip = build_strip(rows, today=today, link_for=link_for)
    years = [YearLink(y, n, year_query(y), y == year) for y, n in sorted(past_by_year.items())]
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
        all_years_href=query_with(params, year="all"),
        filtered=filtered_state,
        today=today,
    )
