"""Who states the publication date, and whether they agree: the submitter, the page's metadata (htmldate),
a date line in the text ("Published: June 18, 2023"), and a wire dateline's day ("BEIJING, March 14
(Xinhua) --"). Two dates a day apart agree (a time zone apart); a dateline names no year, so it agrees
with a date on its day of any year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from events.pubdate.clue import MONTHS

SOURCE_NAMES = {
    "submitter": "the submitter gave",
    "stated": "the stated date is",
    "metadata": "the page's metadata says",
    "text": "the text's date line says",
    "dateline": "the text's dateline says",
}
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
# "BEIJING, March 14 (Xinhua) --", "TEL AVIV, Israel, June 19 (UPI) --", at the head of a paragraph.
_WIRE_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Z.'\- ]+(?:,[ \t]*[A-Z][\w.' ]{{1,30}}?)*,[ \t]*(?P<month>{_MONTH_NAMES})\.?[ \t]+"
    rf"(?P<day>\d{{1,2}})[ \t]*(?:\([^)\n]{{1,40}}\))?[ \t]*(?:--|[—–])",
    re.MULTILINE,
)


@dataclass(frozen=True)
class StatedDate:
    source: str  # a key of SOURCE_NAMES
    day: date | None = None  # a full date
    month_day: tuple[int, int] | None = None  # a dateline's month and day, without a year
    quote: str = ""

    def describe(self) -> str:
        said = SOURCE_NAMES.get(self.source, f"{self.source} says")
        if self.day is not None:
            return f"{said} {self.day.isoformat()}"
        month, day = self.month_day or (1, 1)
        return f"{said} {date(2000, month, day).strftime('%B')} {day} (“{self.quote}”)"

    def agrees(self, other: date) -> bool:
        if self.day is not None:
            return abs((self.day - other).days) <= 1
        month, day = self.month_day or (0, 0)
        for year in (other.year - 1, other.year, other.year + 1):
            try:
                if abs((date(year, month, day) - other).days) <= 1:
                    return True
            except ValueError:
                continue
        return False


def wire_dateline(text: str) -> StatedDate | None:
    """The month and day of a wire dateline opening one of the first paragraphs, if any."""
    match = _WIRE_DATELINE.search(text, 0, 600)
    if match is None:
        return None
    month, day = MONTHS[match["month"].lower()], int(match["day"])
    try:
        date(2000, month, day)  # 2000 is a leap year: 29 February is a day
    except ValueError:
        return None
    return StatedDate("dateline", month_day=(month, day), quote=match.group(0).strip().rstrip("-—– ").strip())


def stated_dates(sources: Sequence[tuple[str, date]], text: str) -> list[StatedDate]:
    """The sources' dates, one per source and day, with the text's wire dateline if it has one."""
    found: list[StatedDate] = []
    for source, day in sources:
        candidate = StatedDate(source, day)
        if candidate not in found:
            found.append(candidate)
    dateline = wire_dateline(text)
    if dateline is not None:
        found.append(dateline)
    return found


def disagreement(found: Sequence[StatedDate]) -> bool:
    """Whether two of the stated dates disagree (a dateline disagrees with a full date off its day)."""
    for index, first in enumerate(found):
        for second in found[index + 1 :]:
            if first.day is not None and not second.agrees(first.day):
                return True
            if first.day is None and second.day is not None and not first.agrees(second.day):
                return True
    return False


def agreeing(found: Sequence[StatedDate], day: date) -> int:
    """How many of the sources agree with ``day``."""
    return sum(1 for s in found if s.agrees(day))


def fact_of(found: Sequence[StatedDate]) -> str:
    return "; ".join(s.describe() for s in found)


def span_of(found: Sequence[StatedDate]) -> tuple[date, date]:
    days = [s.day for s in found if s.day is not None] or [date(2000, 1, 1)]
    return min(days), max(days)
