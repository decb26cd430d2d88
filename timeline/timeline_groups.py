"""How a list of events becomes a timeline: sections by year and month, at each event's precision.

Pure Python over already-fetched events (no queries), so a page's query count does not depend on how
the events are grouped. An event is filed under the month it starts in when its date is known to the
day, week or month; coarser dates ("c. 2012", "Spring 2024", "the 1990s") are filed under their year,
before its months, because placing them in January would claim a precision the sources do not give.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from events.extraction.edtf_dates import MONTHS, OPEN_START
from events.models import Event

FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_PRECISIONS = frozenset({"day", "week", "month"})


@dataclass
class MonthGroup:
    """Events of one month (``month`` is None for those dated only to the year or coarser)."""

    year: int
    month: int | None
    events: list[Event] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{FULL_MONTHS[self.month - 1]} {self.year}" if self.month else f"{self.year}, date within the year"

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else f"{self.year}"


@dataclass
class YearGroup:
    year: int
    months: list[MonthGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


def anchor_date(event: Event) -> date:
    """The day an event is filed under: its lower bound, or its upper one when it is open at the start."""
    return event.date_upper if event.date_lower == OPEN_START else event.date_lower


def month_of(event: Event) -> int | None:
    return anchor_date(event).month if event.precision in MONTH_PRECISIONS else None


def group_by_year_month(events: Iterable[Event]) -> list[YearGroup]:
    """Years ascending, and in each year the year-level group first, then months ascending.

    The input order is kept inside a group (callers pass events sorted by date).
    """
    years: dict[int, dict[int | None, MonthGroup]] = {}
    for event in events:
        day = anchor_date(event)
        month = month_of(event)
        months = years.setdefault(day.year, {})
        group = months.get(month)
        if group is None:
            group = months[month] = MonthGroup(year=day.year, month=month)
        group.events.append(event)
    result: list[YearGroup] = []
    for year in sorted(years):
        months = years[year]
        ordered = sorted(months.values(), key=lambda g: g.month or 0)
        result.append(YearGroup(year=year, months=ordered))
    return result


def is_ahead(event: Event, today: date) -> bool:
    """A scheduled event that is not over yet: it belongs in the "Ahead" section."""
    return event.status == "scheduled" and event.date_upper >= today


def split_ahead(events: Sequence[Event], today: date) -> tuple[list[Event], list[Event]]:
    """(past and current, ahead)."""
    past: list[Event] = []
    ahead: list[Event] = []
    for event in events:
        (ahead if is_ahead(event, today) else past).append(event)
    return past, ahead


def html_datetime(event: Event) -> str:
    """A valid HTML ``datetime`` value at the event's precision: "2023-06-18", "2023-05" or "2012".

    Intervals and coarser dates give their lower bound at day precision; the exact EDTF value and both
    bounds travel beside it in data attributes.
    """
    lower = anchor_date(event)
    if "/" in event.date_edtf:
        return lower.isoformat()
    if event.precision == "month":
        return f"{lower.year:04d}-{lower.month:02d}"
    if event.precision == "year":
        return f"{lower.year:04d}"
    return lower.isoformat()


def short_month(month: int) -> str:
    return MONTHS[month - 1]


__all__ = [
    "MonthGroup",
    "YearGroup",
    "anchor_date",
    "group_by_year_month",
    "html_datetime",
    "is_ahead",
    "month_of",
    "split_ahead",
]
