"""A numbered UN Security Council resolution dates the article: the Council numbers its resolutions in
order, so "Security Council Resolution 2345" was adopted in the year whose numbers hold 2345, and an
article that cites it is not older than that year.

The year each year's numbers begin with is in ``events/facts/un_resolutions.csv`` (source: the Council's
resolutions by year, un.org/securitycouncil/content/resolutions, as Wikidata's items of the resolutions
date them; written by hand). A number can sit a few places off a year's edge in that table, so the floor
is the year's first day less four months.

When the text cites one numbered resolution and calls it by its month ("the April resolution"), the press
leaves the year out only within the year or so after: the article is from then (the month in the year the
table gives, or the year beside it when the number sits near that year's edge).
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from datetime import date, timedelta

from events.pubdate.clue import MONTHS, Clue, sentence_at
from events.pubdate.facts import FACTS_DIR

_SLACK = timedelta(days=120)
_RESOLUTION = re.compile(
    r"\b(?:Security\s+Council|U\.?N\.?|United\s+Nations)\s+(?:Security\s+Council\s+)?[Rr]esolution\s+(?:No\.?\s*)?"
    r"(?P<n>\d{3,4})\b"
    r"|\b[Rr]esolutions?\s+(?:No\.?\s*)?(?P<bare>\d{4})\b"
)


_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
# "the April resolution", "The March 2 resolution" (a day after the month is allowed, a year is not).
_MONTH_RESOLUTION = re.compile(rf"\b[Tt]he\s+(?P<month>{_MONTH_NAMES})\.?(?:\s+\d{{1,2}})?\s+resolution\b")
# How far after a day the press still names it by its month alone, and how near a year's edge (in numbers)
# a resolution may belong to the year beside.
_YEARLESS_REACH = timedelta(days=400)
_EDGE = 25


@functools.cache
def first_numbers() -> tuple[tuple[int, int], ...]:
    """(first number, year) for each year of the table, in order."""
    with (FACTS_DIR / "un_resolutions.csv").open(encoding="utf-8", newline="") as handle:
        rows = [(int(row["first"]), int(row["year"])) for row in csv.DictReader(handle)]
    return tuple(sorted(rows))


def year_of(number: int) -> int | None:
    """The year resolution ``number`` was adopted in, by the table (None before its first row)."""
    table = first_numbers()
    at = bisect.bisect_right([first for first, _ in table], number) - 1
    return table[at][1] if at >= 0 else None


def resolution_clues(text: str, bounds: list[int], today: date) -> list[Clue]:
    """The latest numbered Security Council resolution the text cites: the article is not older than it."""
    if "esolution" not in text:
        return []
    best: tuple[int, Clue] | None = None
    for match in _RESOLUTION.finditer(text):
        start, end = sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        if match["bare"] and "Security Council" not in sentence:
            continue  # "resolution 2040" alone may be another body's
        number = int(match["n"] or match["bare"])
        year = year_of(number)
        if year is None or (best is not None and number <= best[0]):
            continue
        floor = date(year, 1, 1) - _SLACK
        if floor > today:
            continue
        best = (
            number,
            Clue(
                "resolution",
                ("resolution", number),
                sentence.strip(),
                f"Security Council resolution {number} was adopted in {year}, so the text was written on or "
                f"after {floor.isoformat()}",
                [(floor, date(2100, 1, 1))],
            ),
        )
    if best is None:
        return []
    return [best[1], *_month_named(text, bounds, best[0])]


def _month_named(text: str, bounds: list[int], number: int) -> list[Clue]:
    """ "The April resolution" beside the one numbered resolution the text cites: the year or so after that
    month of the resolution's year."""
    named = _MONTH_RESOLUTION.search(text)
    if named is None or len({int(m["n"] or m["bare"]) for m in _RESOLUTION.finditer(text)}) != 1:
        return []
    month = MONTHS[named["month"].lower()]
    table = first_numbers()
    year = year_of(number)
    if year is None:
        return []
    years = {year}
    starts = {y: first for first, y in table}
    if month >= 9 and number - starts[year] < _EDGE:
        years.add(year - 1)  # one of the year's first numbers may be the December before
    if month <= 4 and year + 1 in starts and starts[year + 1] - number < _EDGE:
        years.add(year + 1)
    intervals = [(date(y, month, 1), date(y, month, 1) + _YEARLESS_REACH) for y in sorted(years)]
    start, end = sentence_at(text, bounds, named.start())
    return [
        Clue(
            "resolution",
            ("resolution-month", number, month),
            text[start:end].strip(),
            f"resolution {number} was adopted in {' or '.join(str(y) for y in sorted(years))}, and the text calls it "
            f"“{named.group(0).strip()}” without a year, as the press does within the year or so after",
            intervals,
        )
    ]
