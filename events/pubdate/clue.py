"""What every kind of evidence about a publication date comes down to: a clue, the set of dates it allows.

Shared by the checker (``events.pubdate.check``) and the readers of the text's own time words
(``events.pubdate.text_clues``), with the small date and sentence helpers both use.
"""

from __future__ import annotations

import bisect
import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

FIRST_DAY = date(2000, 1, 1)
FAR = date(2100, 1, 1)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9
MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A point after one capital letter is an initial or a dotted abbreviation ("J. P. Morrow", "U.S. President"),
# not a sentence's end.
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)[\"”’)]?\s+(?=[A-Z\"“‘(])|\n+")


@dataclass
class Clue:
    kind: str
    key: tuple[object, ...]
    quote: str
    fact: str
    intervals: list[tuple[date, date]] = field(default_factory=list)
    weekdays: frozenset[int] = frozenset()  # a periodic clue: the publication day is one of these weekdays
    point: date | None = None  # the clue's own estimate of the publication date, when it has one
    fineness: int = 9  # smaller is finer: which estimate to prefer


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def ascii_fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def sentence_bounds(text: str) -> list[int]:
    return [0] + [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_at(text: str, bounds: list[int], position: int) -> tuple[int, int]:
    index = bisect.bisect_right(bounds, position)
    start = bounds[index - 1] if index > 0 else 0
    end = bounds[index] if index < len(bounds) else len(text)
    return start, end
