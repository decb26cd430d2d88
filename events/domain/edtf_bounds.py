"""Bounds of the plain EDTF values the engine emits (YYYY, YYYY-MM, YYYY-MM-DD, season, START/END).

The engine reads its own simple values here: the ``edtf`` library imports Django when it is installed,
and the engine must not. ``events.domain.edtf_dates`` (what the models use) takes these bounds too
for the plain values, and sends every other EDTF form through the library.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


def part_bounds(part: str) -> tuple[date, date, str] | None:
    """(lower, upper, precision) of one EDTF date without qualifiers, or None if it is not that simple."""
    match = _PART.match(part.strip().rstrip("?~%"))
    if not match:
        return None
    year = int(match[1])
    if year < 1:
        return None
    try:
        if match[3]:
            day = date(year, int(match[2]), int(match[3]))
            return day, day, "day"
        if match[2]:
            month = int(match[2])
            if month in SEASON_MONTHS:
                first, last = SEASON_MONTHS[month]
                end_year = year + 1 if last < first else year
                return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1]), "season"
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        return None


def bounds(value: str) -> tuple[date, date, str] | None:
    """Bounds of a simple value or closed interval; None when the value is anything else."""
    if "/" not in value:
        return part_bounds(value)
    start, end = value.split("/", 1)
    low, high = part_bounds(start), part_bounds(end)
    if low is None or high is None:
        return None
    precision = low[2] if low[2] == high[2] else "day"
    return low[0], high[1], precision
