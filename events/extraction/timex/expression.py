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
