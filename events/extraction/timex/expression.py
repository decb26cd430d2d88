"""The public result type of the time-expression resolver."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text, normalised against the publication date.

    ``value`` is the TimeML TIMEX3 value (2023-06-18, 2023-05, 2023-W24, P2D, PRESENT_REF, ...);
    ``edtf`` is what an event dated by this expression should store (None for bare durations, sets and
    vague references); ``lower``/``upper``/``precision`` are derived from it.
    """

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    timex_type: str
    value: str
    edtf: str | None
    lower: date | None
    upper: date | None
    precision: str | None
    week: bool = False
    signal: str | None = None
    direction: str = "absolute"
    governor_i: int | None = None
    duration: str | None = None
    # How the calendar value was reached: "explicit" (the text gives the year: "June 3, 2019", "2019"),
    # "publication" (counted from the publication date: "Monday", "last month", "in May"), "narrative"
    # (counted from the time the text is narrating: "two days later", "the year-ago quarter", or "June 3"
    # after "In 2019 ..." in a text that tells a past story).
    basis: str = "publication"
    # A stretch of days ("from Aug. 26 to Oct. 20"): (start, end, TimeML value) of its first and last day,
    # which TimeML marks as two TIMEX3s; empty for anything else.
    points: tuple[tuple[int, int, str], ...] = ()

    def timeml(self) -> list[tuple[int, int, str, str]]:
        """The expression as TimeML annotates it: (start, end, TIMEX3 type, value) per TIMEX3."""
        if self.points:
            return [(start, end, "DATE", value) for start, end, value in self.points]
        return [(self.start, self.end, self.timex_type, self.value)]
