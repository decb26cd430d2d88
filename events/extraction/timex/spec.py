"""What a matched time expression says before it is placed on the calendar.

A :class:`TimeSpec` is the parse of one expression ("late last month" -> relative, unit month, rel -1,
mod late); the resolver turns it into a calendar value once the publication date, the tense of the
governing clause and the narrative reference time are known.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimeSpec:
    """One expression, parsed but not resolved. Which fields matter depends on ``kind``:

    - ``date``: year/month/day, any of which may be missing ("May" has only a month)
    - ``weekday``: weekday (0 = Monday), rel (-1 last, 0 this, 1 next, None bare)
    - ``deictic``: offset in days from publication ("yesterday" = -1)
    - ``relative``: rel and unit ("last year", "next week", "earlier this month")
    - ``anchored``: n and unit with a sign, counted from the narrative reference time ("two days earlier")
    - ``ago``: n and unit counted back from publication ("two years ago")
    - ``season`` / ``quarter`` / ``half``: with year or rel
    - ``decade``: year is the first year of the decade
    - ``duration``: n and unit (n None when vague: "several days" -> PXD); ``age`` for "18-month-old";
      ``half`` for "2 1/2 years"
    - ``range``: a start and an end spec ("Aug. 27 to 29")
    - ``ref``: a vague reference, ``ref`` holds PAST_REF / PRESENT_REF / FUTURE_REF
    - ``set``: a recurrence, n and unit ("every year", "annually")
    - ``time``: hour/minute on a day given by ``start`` (or publication day)
    - ``anaphor``: "that time", the time expression the text last named (the finder copies it)
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: int | None = None
    unit: str | None = None
    n: int | None = None
    sign: int = 0
    mod: str | None = None
    part: str | None = None
    season: str | None = None
    ordinal: int | None = None
    ref: str | None = None
    age: bool = False
    half: bool = False  # "two and a half years", "5 1/2 hours": half a unit more than n
    hour: int | None = None
    minute: int | None = None
    start: TimeSpec | None = None
    end: TimeSpec | None = None
