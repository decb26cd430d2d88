"""How a list of events becomes a timeline: sections by year and month, at each event's precision.

Pure Python over already-fetched events (no queries), so a page's query count does not depend on how
the events are grouped. The rules take anything dated like an event (:class:`Dated`): model instances
(the feeds, the templates) and the plain-value rows a timeline page reads (``timeline.render.Entry``).
An event is filed under the month it starts in when its date is known to the day, week or month;
coarser dates ("c. 2012", "Spring 2024", "the 1990s") are filed under their year,
before its months, because placing them in January would claim a precision the sources do not give.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Protocol, TypeVar

from events.domain.edtf_dates import OPEN_START

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


class Dated(Protocol):
    """What the rules below read of an event: its bounds, precision and status (read-only)."""

    @property
    def date_lower(self) -> date: ...
    @property
    def date_upper(self) -> date: ...
    @property
    def precision(self) -> str: ...
    @property
    def status(self) -> str: ...


class DatedEdtf(Dated, Protocol):
    @property
    def date_edtf(self) -> str: ...


D = TypeVar("D", bound=Dated)


@dataclass
class MonthGroup(Generic[D]):
    """Events of one month (``month`` is None for those dated only to the year or coarser)."""

    year: int
    month: int | None
    events: list[D] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{FULL_MONTHS[self.month - 1]} {self.year}" if self.month else f"{self.year}, date within the year"

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else f"{self.year}"


@dataclass
class YearGroup(Generic[D]):
    year: int
    months: list[MonthGroup[D]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


def anchor_date(event: Dated) -> date:
    """The day an event is filed under: its lower bound, or its upper one when it is open at the start."""
    return event.date_upper if event.date_lower == OPEN_START else event.date_lower


def month_of(event: Dated) -> int | None:
    return anchor_date(event).month if event.precision in MONTH_PRECISIONS else None


def group_by_year_month(events: Iterable[D]) -> list[YearGroup[D]]:
    """Years ascending, and in each year the year-level group first, then months ascending.

    The input order is kept inside a group (callers pass events sorted by date). Coarse dates ("c.
    2012", "Spring 2024") are filed under their year, before its months.
    """
    years: dict[int, dict[int | None, MonthGroup[D]]] = {}
    for event in events:
        day = event.date_upper if event.date_lower == OPEN_START else event.date_lower  # anchor_date, inlined
        month = day.month if event.precision in MONTH_PRECISIONS else None  # month_of: the hot loop
        months = years.get(day.year)
        if months is None:
            months = years[day.year] = {}
        group = months.get(month)
        if group is None:
            group = months[month] = MonthGroup(year=day.year, month=month)
        group.events.append(event)
    return [
        YearGroup(year=year, months=sorted(years[year].values(), key=lambda g: g.month or 0)) for year in sorted(years)
    ]


def is_ahead(event: Dated, today: date) -> bool:
    """A scheduled event that is not over yet: it belongs in the "Ahead" section."""
    return event.status == "scheduled" and event.date_upper >= today


def split_ahead(events: Iterable[D], today: date) -> tuple[list[D], list[D]]:
    """(past and current, ahead), each in the input order."""
    past: list[D] = []
    ahead: list[D] = []
    for event in events:
        (ahead if is_ahead(event, today) else past).append(event)
    return past, ahead


def datetime_value(edtf: str, lower: date, upper: date, precision: str) -> str:
    """A valid HTML ``datetime`` value at the date's precision: "2023-06-18", "2023-05" or "2012".

    Intervals and coarser dates give their lower bound at day precision; the exact EDTF value and both
    bounds travel beside it in data attributes.
    """
    anchor = upper if lower == OPEN_START else lower
    if "/" in edtf:
        return anchor.isoformat()
    if precision == "month":
        return f"{anchor.year:04d}-{anchor.month:02d}"
    if precision == "year":
        return f"{anchor.year:04d}"
    return anchor.isoformat()


def html_datetime(event: DatedEdtf) -> str:
    """:func:`datetime_value` of an event."""
    return datetime_value(event.date_edtf, event.date_lower, event.date_upper, event.precision)


__all__ = [
    "Dated",
    "MonthGroup",
    "YearGroup",
    "anchor_date",
    "datetime_value",
    "group_by_year_month",
    "html_datetime",
    "is_ahead",
    "month_of",
    "split_ahead",
]
