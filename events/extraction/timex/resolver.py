"""Placing a parsed expression on the calendar.

Inputs are the :class:`TimeSpec`, the publication date, the direction the governing clause gives
("past", "future", "present" or None when the clause says nothing) and the narrative reference time (the
last date the text mentioned, for "two days earlier"). The output carries both the TimeML TIMEX3
``type``/``value`` and the EDTF string we store, at the precision the text supports and no finer.

Conventions, chosen for news copy:
- A weekday or a month without a year is the most recent one for a past clause and the next one for a
  future clause, *including* the publication day or month itself: "arrived early Sunday" in a Sunday
  paper is that Sunday; "traveled in May" in a May paper is this May.
- With no tense to go on we take the nearest candidate, preferring the past on a tie: most news reports
  what happened. A stative present ("Talks are in May", "exports are up in May") is such a case; an
  eventive present is the futurate of timetables and arrives here as future (see ``tense``, which also
  gives the MEANTIME figures). HeidelTime reads every present tense forward, so "Talks are in May" in a
  June paper is next May there and the May just past here: a report of current figures ("exports are up
  in May") is about the month just past.
- Anchored expressions ("two days later") count from the narrative reference time, but whether they are
  past or future for the reader is decided against the publication date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from events.domain.edtf_bounds import bounds
from events.extraction.timex.lexicon import SEASONS, TIME_UNITS, UNITS
from events.extraction.timex.spec import TimeSpec

# First and last month of each season, for deciding which year a bare "summer" belongs to.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Resolution:
    """A spec placed on the calendar. ``direction`` records how tense was applied, if it was."""

    timex_type: str
    value: str
    edtf: str | None
    week: bool = False
    duration: str | None = None
    direction: str = "absolute"


# How far "the coming days" and "the coming weeks" reach from the day of telling.
COMING_DAYS = 7
COMING_WEEKS_DAYS = 28


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_bounds(day: date) -> tuple[date, date]:
    """The ISO week (Monday..Sunday) that contains ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_for(month: int, day: int | None, published: date, direction: str | None) -> int:
    """The year of a month (and day) written without one, by the tense of its clause.

    Past and future both include the publication day or month: a past "in May" in a May paper is this
    May, a future "on April 20" in an April 6 paper is this April.
    """
    here = (published.month, published.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    if direction == "past":
        return published.year if there <= here else published.year - 1
    if direction == "future":
        return published.year if there >= here else published.year + 1
    # No tense: nearest candidate; past wins a tie.
    best = published.year
    best_distance: int | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        last = calendar.monthrange(year, month)[1]
        candidate = date(year, month, min(day or 15, last))
        distance = abs((candidate - published).days)
        if day is None and year == published.year and month == published.month:
            distance = 0
        if best_distance is None or distance < best_distance or (distance == best_distance and year < best):
            best, best_distance = year, distance
    return best


def weekday_date(weekday: int, published: date, direction: str | None, rel: int | None = None) -> date:
    """The date of a weekday named in a clause of the given tense, counted from publication."""
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if rel == -1:  # "last Friday": strictly before publication
        return published - timedelta(days=back or 7)
    if rel == 1:  # "next Friday": strictly after
        return published + timedelta(days=forward or 7)
    if direction == "past":
        return published - timedelta(days=back)
    if direction == "future" or rel == 0:
        return published + timedelta(days=forward)
    return published - timedelta(days=back) if back <= forward else published + timedelta(days=forward)


def duration_value(n: int | None, unit: str, *, timeml: bool = True) -> str:
    """ISO 8601 / TimeML duration: P2D, P18M, PT3H, PXY for "several years"; P1DE in TimeML for a decade."""
    letter, factor = UNITS[unit]
    amount = "X" if n is None else str(n * factor)
    if timeml and unit == "quarter":
        letter, amount = "Q", "X" if n is None else str(n)
    elif timeml and letter == "DE" and n is None:
        letter = "Y"  # "for decades": TimeML annotators write some years, PXY
    elif timeml and letter in {"DE", "CE"} and n is not None:
        # TimeML annotators write "the past decade" as P10Y.
        letter, amount = "Y", str(n * (10 if letter == "DE" else 100))
    elif not timeml and letter in {"DE", "CE", "WE"} and n is not None:
        letter, amount = {"DE": ("Y", str(n * 10)), "CE": ("Y", str(n * 100)), "WE": ("D", str(n * 2))}[letter]
    prefix = "PT" if unit in TIME_UNITS else "P"
    return f"{prefix}{amount}{letter}"


def _day(day: date, direction: str, part: str | None = None, timex_type: str = "DATE") -> Resolution:
    value = day.isoformat() + (f"T{part}" if part else "")
    return Resolution(timex_type, value, day.isoformat(), direction=direction)


def _direction_of(lower: date, upper: date, published: date) -> str:
    if upper < published:
        return "past"
    if lower > published:
        return "future"
    return "present"


def _shift(base: date, unit: str, amount: int) -> Resolution | None:
    """``base`` moved by ``amount`` units, at the precision of the unit."""
    if unit in {"day", "night"} or unit in TIME_UNITS:
        return _day(base + timedelta(days=amount if unit not in TIME_UNITS else 0), "absolute")
    if unit == "fortnight":
        return _day(base + timedelta(days=14 * amount), "absolute")
    if unit in {"week", "weekend"}:
        return _week(base + timedelta(days=7 * amount), "absolute", weekend=unit == "weekend")
    if unit == "quarter":
        year, month = add_months(base.year, base.month, 3 * amount)
        quarter = (month - 1) // 3 + 1
        return Resolution("DATE", f"{year:04d}-Q{quarter}", f"{year:04d}-{32 + quarter}")
    if unit == "month":
        year, month = add_months(base.year, base.month, amount)
        value = _month_value(year, month)
        return Resolution("DATE", value, value)
    if unit == "year":
        value = f"{base.year + amount:04d}"
        return Resolution("DATE", value, value)
    if unit == "decade":
        decade = (base.year + 10 * amount) // 10
        return Resolution("DATE", f"{decade:03d}", f"{decade:03d}X")
    if unit == "century":
        century = (base.year + 100 * amount) // 100
        return Resolution("DATE", f"{century:02d}", f"{century:02d}XX")
    return None


def _week(day: date, direction: str, *, weekend: bool = False) -> Resolution:
    monday, sunday = week_bounds(day)
    if weekend:
        saturday = monday + timedelta(days=5)
        return Resolution("DATE", week_value(day) + "-WE", f"{saturday}/{sunday}", week=False, direction=direction)
    return Resolution("DATE", week_value(day), f"{monday}/{sunday}", week=True, direction=direction)


def _with_direction(resolution: Resolution | None, direction: str) -> Resolution | None:
    if resolution is None:
        return None
    return Resolution(
        resolution.timex_type, resolution.value, resolution.edtf, resolution.week, resolution.duration, direction
    )


def _resolve_date(spec: TimeSpec, published: date, direction: str | None, signal: str | None) -> Resolution | None:
    applied = direction or "present"
    if spec.year is not None and spec.month is None:
        value = f"{spec.year:04d}"
        edtf = value
        if signal == "since":
            edtf = f"{value}/.."
        elif signal in {"until", "till"}:
            edtf = f"../{value}"
        return Resolution("DATE", value, edtf)
    if spec.month is None:
        return None
    if spec.year is not None:
        year, applied = spec.year, "absolute"
    elif spec.unit == "year" and spec.n is not None:
        year = published.year + spec.n
        applied = {-1: "past", 0: "present", 1: "future"}[spec.n]
    elif spec.rel == -1:
        year = published.year if spec.month < published.month else published.year - 1
        applied = "past"
    elif spec.rel == 1:
        year = published.year if spec.month > published.month else published.year + 1
        applied = "future"
    elif spec.rel == 0:
        year = published.year
    else:
        year = year_for(spec.month, spec.day, published, direction)
        if spec.weekday is not None and spec.day is not None:
            # "Saturday, April 25": the year in which that day is that weekday, the nearest if several.
            fitting = [
                d
                for y in (published.year - 1, published.year, published.year + 1)
                if (d := _safe_date(y, spec.month, spec.day)) is not None and d.weekday() == spec.weekday
            ]
            if fitting and year not in {d.year for d in fitting}:
                year = min(fitting, key=lambda d: abs((d - published).days)).year
    if spec.day is not None and spec.unit == "week":
        week_day = _safe_date(year, spec.month, spec.day)
        return _week(week_day, applied) if week_day is not None else None
    if spec.day is None:
        value = _month_value(year, spec.month)
        edtf = f"{value}/.." if signal == "since" else value
        return Resolution("DATE", value, edtf, direction=applied)
    day = _safe_date(year, spec.month, spec.day)
    if day is None:
        return None
    resolution = _day(day, applied)
    if signal == "since":
        return Resolution("DATE", resolution.value, f"{day}/..", direction=applied)
    return resolution


_STRETCH_SIGNALS = frozenset({"over", "for", "within", "throughout"})


def _resolve_relative(
    spec: TimeSpec, published: date, direction: str | None, signal: str | None = None
) -> Resolution | None:
    unit = spec.unit or ""
    rel = spec.rel if spec.rel is not None else 0
    if signal in _STRETCH_SIGNALS and rel == -1 and unit == "year":
        return _the_past_year(published)  # "over the last year"
    if signal in _STRETCH_SIGNALS and rel != 0 and unit in UNITS:
        # "over the next year", "for the last month": a stretch of time, not a calendar unit.
        return Resolution("DURATION", duration_value(1, unit), None, duration=duration_value(1, unit, timeml=False))
    if unit == "weekend" and spec.rel is None:
        # "the weekend", "this weekend": the one just past in a past clause, the one ahead otherwise.
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
        if direction == "past" and published.weekday() < 5:
            saturday -= timedelta(days=7)
        elif published.weekday() == 6 and direction != "future":
            saturday = published - timedelta(days=1)  # written on a Sunday, "the weekend" is the one it ends
        return _week(saturday, direction or "future", weekend=True)
    if spec.mod == "REPORTED" and direction == "past" and published.month <= 3:
        # "lost $2 billion for the whole year" early in a year: the results of the year just ended.
        return _with_direction(_shift(published, "year", -1), "past")
    if rel == 0 and unit == "week" and spec.mod in {"LATER", "EARLIER"}:
        return _rest_of_week(published, later=spec.mod == "LATER")
    resolution = _shift(published, unit, rel)
    if resolution is None:
        return None
    if rel == 0 and spec.mod in {"START", "END", "MID"} and unit == "day":
        return _with_direction(resolution, "present")
    if rel == 0 and spec.mod in {"LATER", "EARLIER"}:
        # "later this month" lies after publication, "earlier this year" before it: the part the act falls in.
        return _with_direction(resolution, "future" if spec.mod == "LATER" else "past")
    return _with_direction(resolution, {-1: "past", 0: "present", 1: "future"}[rel])


def _the_past_year(published: date) -> Resolution:
    """ "the past year", "over the last year": the twelve months up to publication. TimeML annotators give it as
    the calendar year before publication (TBAQ and MEANTIME, three of three), so that is its TIMEX3 value; the
    stretch straddles two calendar years, so no EDTF is stored and the event is not dated by it."""
    return Resolution(
        "DATE", f"{published.year - 1:04d}", None, duration=duration_value(1, "year", timeml=False), direction="past"
    )


def _rest_of_week(published: date, *, later: bool) -> Resolution:
    """ "later this week": from the publication day to the week's end; "earlier this week": from its start
    to the publication day. The TimeML value stays the ISO week (TIMEX3 has no part-of-week value); the
    EDTF we store is the narrower interval, since the event cannot lie in the part of the week the phrase
    excludes. Months and years keep their own EDTF unit ("later this month" stays 2025-04): they have a
    native value, and a reader expects "April 2025", not a run of days.

    A Sunday paper's "later this week" is the week ahead (the ISO week would end that very day). ``week``
    stays set only when the interval is still a whole Monday-to-Sunday week.
    """
    monday, sunday = week_bounds(published)
    value = week_value(published)
    if later:
        start, end = published, published + timedelta(days=6) if published == sunday else sunday
    else:
        start, end = monday, published
    # Still a whole ISO week when the paper comes out on its first or last day.
    whole = (start, end) == (monday, sunday)
    return Resolution("DATE", value, f"{start}/{end}", week=whole, direction="future" if later else "past")


def _resolve_season(spec: TimeSpec, published: date, direction: str | None) -> Resolution:
    code, edtf_code = SEASONS[spec.season or "summer"]
    first, last = _SEASON_MONTHS[code]
    applied = direction or "present"
    if spec.year is not None:
        year, applied = spec.year, "absolute"
    elif spec.rel in {-1, 1}:
        year = published.year + spec.rel
        applied = "past" if spec.rel == -1 else "future"
    elif direction == "past" or spec.mod == "PAST":
        year = published.year if first <= published.month else published.year - 1
        applied = "past"
    elif direction == "future":
        year = published.year if last >= published.month or code == "WI" else published.year + 1
    else:
        year = published.year
    return Resolution("DATE", f"{year:04d}-{code}", f"{year:04d}-{edtf_code}", direction=applied)


def _resolve_anchored(spec: TimeSpec, published: date, reference: date | None) -> Resolution | None:
    base = reference or published
    unit = spec.unit or "day"
    if spec.n is None:
        return Resolution("DATE", "FUTURE_REF" if spec.sign > 0 else "PAST_REF", None)
    if spec.mod == "UNIT" or unit in {"day", "night", "fortnight"} or unit in TIME_UNITS:
        resolution = _shift(base, unit, spec.sign * spec.n)
    elif unit == "week":
        resolution = _day(base + timedelta(days=7 * spec.sign * spec.n), "absolute")
    else:
        resolution = _shift(base, unit, spec.sign * spec.n)
    if resolution is not None and spec.part and resolution.edtf and len(resolution.value) == 10:
        resolution = Resolution("DATE", f"{resolution.value}T{spec.part}", resolution.edtf)
    if resolution is None or resolution.edtf is None:
        return resolution
    # "two days later" is later than the reference, not than publication: whether the day is past or
    # future for the reader depends on where it falls against the publication date.
    found = bounds(resolution.edtf)
    if found is None:  # a quarter or decade: fall back on the sign
        return _with_direction(resolution, "past" if spec.sign < 0 else "future" if spec.sign > 0 else "present")
    return _with_direction(resolution, _direction_of(found[0], found[1], published))


# Half of each unit, in the next smaller ones: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
_HALF_UNIT: dict[str, tuple[str, str, int]] = {
    # unit -> (ISO letter of the unit, the half as a duration tail, how many of the unit a whole one is)
    "year": ("Y", "6M", 1), "month": ("M", "15D", 1), "day": ("D", "T12H", 1), "night": ("D", "T12H", 1),
    "hour": ("H", "30M", 1), "minute": ("M", "30S", 1), "decade": ("Y", "", 10), "century": ("Y", "", 100),
}  # fmt: skip


def half_duration_value(n: int, unit: str) -> str | None:
    """n and a half units as an ISO 8601 duration; None for a unit whose half is not a whole smaller unit."""
    if unit == "week":  # three and a half weeks: 24 days and a half
        return f"P{7 * n + 3}DT12H"
    if unit not in _HALF_UNIT:
        return None
    letter, tail, size = _HALF_UNIT[unit]
    if size > 1:  # a decade and a half is fifteen years
        return f"P{n * size + size // 2}Y"
    prefix = "PT" if unit in TIME_UNITS else "P"
    return f"{prefix}{n}{letter}{tail}"


def _resolve_duration(spec: TimeSpec, published: date, direction: str | None, signal: str | None) -> Resolution:
    unit = spec.unit or "day"
    value = duration_value(spec.n, unit)
    iso = duration_value(spec.n, unit, timeml=False)
    if spec.half and spec.n is not None:
        value = iso = half_duration_value(spec.n, unit) or value
    if spec.rel == -1 and spec.n == 1 and unit == "year" and not spec.half:
        return _the_past_year(published)
    if spec.rel == 1 and spec.n is not None and unit in {"day", "week", "month"}:
        # "in the coming ten days", "within the next two weeks": the stretch from publication on is when
        # the thing is expected; TimeML keeps the duration as its value, the event gets the interval.
        end = _shift(published, unit, spec.n)
        last = bounds(end.edtf) if end is not None and end.edtf else None
        if last is not None:
            edtf = f"{published.isoformat()}/{last[1].isoformat()}"
            return Resolution("DURATION", value, edtf, duration=iso, direction="future")
    if signal == "in" and direction == "future" and spec.n is not None and spec.rel is None and not spec.age:
        # "in two weeks" in a future clause is a date two weeks on.
        shifted = _shift(published, unit, spec.n)
        if shifted is not None:
            return _with_direction(shifted, "future") or shifted
    return Resolution("DURATION", value, None, duration=iso)


def _resolve_quarter(
    spec: TimeSpec, published: date, direction: str | None = None, half: bool = False
) -> Resolution | None:
    if spec.ordinal is None:
        return None
    current = (published.month - 1) // (6 if half else 3) + 1
    if spec.year is not None:
        year = spec.year
    elif spec.rel is not None:
        year = published.year + spec.rel
    elif direction == "past" and spec.ordinal > current:
        # "the fourth quarter" in a past clause in February is last year's.
        year = published.year - 1
    elif direction == "future" and spec.ordinal < current - (0 if half else 1):
        # "will launch in the first quarter" in October is next year's; but the quarter just ended is still
        # this year's ("third-quarter results will be weaker" in October): its results come after it.
        year = published.year + 1
    else:
        year = published.year
    if half:
        if spec.ordinal not in {1, 2}:
            return None
        first = 1 if spec.ordinal == 1 else 7
        return Resolution("DATE", f"{year:04d}-H{spec.ordinal}", f"{year:04d}-{first:02d}/{year:04d}-{first + 5:02d}")
    return Resolution("DATE", f"{year:04d}-Q{spec.ordinal}", f"{year:04d}-{32 + spec.ordinal}")


def _easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return date(year, month, day)


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas_eve": (12, 24), "boxing_day": (12, 26), "new_year": (1, 1),
    "new_year_eve": (12, 31), "halloween": (10, 31), "valentine": (2, 14),
}  # fmt: skip
_EASTER_OFFSETS = {"easter": 0, "easter_monday": 1, "good_friday": -2}


def holiday_date(name: str, year: int) -> date | None:
    """The day a holiday falls on in ``year``; None for a name we do not know."""
    if name in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[name])
    if name in _EASTER_OFFSETS:
        return _easter(year) + timedelta(days=_EASTER_OFFSETS[name])
    if name == "thanksgiving":  # the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


def _resolve_holiday(spec: TimeSpec, published: date, direction: str | None) -> Resolution | None:
    """A holiday's day in the year the text names, else in the one the tense (or "last"/"next") points to, as a
    month and day would be."""
    if spec.year is not None:
        named = holiday_date(spec.part or "", spec.year)
        return _day(named, _direction_of(named, named, published)) if named is not None else None
    days = [
        d for y in (published.year - 1, published.year, published.year + 1) if (d := holiday_date(spec.part or "", y))
    ]
    if not days:
        return None
    if spec.rel == -1:
        chosen = max((d for d in days if d < published), default=None)
    elif spec.rel == 1:
        chosen = min((d for d in days if d > published), default=None)
    elif direction == "past":
        chosen = max((d for d in days if d <= published), default=None)
    elif direction == "future":
        chosen = min((d for d in days if d >= published), default=None)
    else:
        chosen = min(days, key=lambda d: (abs((d - published).days), d > published))
    if chosen is None:
        return None
    return _day(chosen, _direction_of(chosen, chosen, published))


def _resolve_range(
    spec: TimeSpec, published: date, direction: str | None, reference: date | None, signal: str | None
) -> Resolution | None:
    if spec.start is None or spec.end is None:
        return None
    first = resolve_spec(spec.start, published, direction, reference, None)
    if first is None or first.edtf is None:
        return None
    start_year = first.edtf[:4]
    end_spec = spec.end
    if end_spec.kind == "date" and end_spec.year is None and end_spec.month is not None:
        end_spec = TimeSpec("date", year=int(start_year), month=end_spec.month, day=end_spec.day)
    second = resolve_spec(end_spec, published, direction, reference, None)
    if second is None or second.edtf is None:
        return None
    lower_text, upper_text = first.edtf.split("/")[0], second.edtf.split("/")[-1]
    if upper_text < lower_text:
        if end_spec.kind == "date" and end_spec.month is not None and end_spec.day is not None:
            end_spec = TimeSpec("date", year=int(start_year) + 1, month=end_spec.month, day=end_spec.day)
            second = resolve_spec(end_spec, published, direction, reference, None)
        elif end_spec.kind == "weekday" and len(upper_text) == 10:
            upper_text = (date.fromisoformat(upper_text) + timedelta(days=7)).isoformat()
        if second is None or second.edtf is None:
            return None
        upper_text = max(upper_text, second.edtf.split("/")[-1])
    length = None
    if len(lower_text) == 10 and len(upper_text) == 10:
        days = (date.fromisoformat(upper_text) - date.fromisoformat(lower_text)).days + 1
        length = f"P{days}D"
    return Resolution("DATE", first.value, f"{lower_text}/{upper_text}", duration=length, direction=first.direction)


def _year_beside(base: date, month: int, sign: int) -> int:
    """The year of the first ``month`` after ``base`` (``sign`` 1), or of the last one before it (-1)."""
    if sign > 0:
        return base.year if month > base.month else base.year + 1
    return base.year if month < base.month else base.year - 1


def resolve_spec(
    spec: TimeSpec,
    published: date,
    direction: str | None,
    reference: date | None = None,
    signal: str | None = None,
) -> Resolution | None:
    """Place ``spec`` on the calendar. None when the expression cannot be resolved to anything useful."""
    kind = spec.kind
    if kind == "date" and spec.sign and spec.year is None and spec.month is not None and spec.day is None:
        # "the following January": the first January after the reference time (before it, "the previous").
        year = _year_beside(reference or published, spec.month, spec.sign)
        placed = TimeSpec("date", year=year, month=spec.month, mod=spec.mod)
        return _resolve_date(placed, published, "past" if date(year, spec.month, 1) <= published else "future", signal)
    if kind == "date":
        return _resolve_date(spec, published, direction, signal)
    if kind == "weekday":
        assert spec.weekday is not None
        if spec.unit == "week" and spec.n is not None:
            day = published + timedelta(days=7 * spec.n + spec.weekday - published.weekday())
            return _day(day, _direction_of(day, day, published), spec.part)
        if spec.sign:
            # "the previous Friday": counted from the narrative reference time; past or future for the reader
            # as the day falls against publication.
            day = weekday_date(spec.weekday, reference or published, None, spec.sign)
            return _day(day, _direction_of(day, day, published), spec.part)
        day = weekday_date(spec.weekday, published, direction, spec.rel)
        applied = {-1: "past", 1: "future"}.get(spec.rel or 2, direction or "present")
        return _day(day, applied, spec.part)
    if kind == "deictic":
        offset = spec.n or 0
        applied = "past" if offset < 0 else "future" if offset > 0 else "present"
        return _day(published + timedelta(days=offset), applied, spec.part)
    if kind == "relative":
        return _resolve_relative(spec, published, direction, signal)
    if kind == "anchored":
        return _resolve_anchored(spec, published, reference)
    if kind == "ago":
        if spec.n is None:
            return Resolution("DATE", "PAST_REF", None, direction="past")
        if spec.unit == "week":
            # "a week ago" names a day, not a calendar week.
            return _day(published - timedelta(days=7 * spec.n), "past")
        if spec.unit in {"decade", "century"}:
            # "a decade ago" is about a year, ten years back, not the whole decade before this one.
            years = spec.n * (10 if spec.unit == "decade" else 100)
            return _with_direction(_shift(published, "year", -years), "past")
        return _with_direction(_shift(published, spec.unit or "day", -spec.n), "past")
    if kind == "season" and spec.sign and spec.year is None:
        # "the following spring": the first such season that begins after the reference time ("the previous
        # winter": the last one that began before it).
        first = _SEASON_MONTHS[SEASONS[spec.season or "summer"][0]][0]
        year = _year_beside(reference or published, first, spec.sign)
        placed = TimeSpec("season", season=spec.season, year=year, mod=spec.mod)
        return _resolve_season(placed, published, direction)
    if kind == "season":
        return _resolve_season(spec, published, direction)
    if kind == "holiday":
        return _resolve_holiday(spec, published, direction)
    if kind == "quarter":
        return _resolve_quarter(spec, published, direction)
    if kind == "half":
        return _resolve_quarter(spec, published, direction, half=True)
    if kind == "century":
        assert spec.year is not None
        return Resolution("DATE", f"{spec.year // 100:02d}", f"{spec.year // 100:02d}XX")
    if kind == "decade":
        assert spec.year is not None
        return Resolution("DATE", f"{spec.year // 10:03d}", f"{spec.year // 10:03d}X")
    if kind == "duration":
        return _resolve_duration(spec, published, direction, signal)
    if kind == "ref" and spec.ref == "FUTURE_REF" and spec.unit in {"day", "week"}:
        # "in the coming days" ("weeks"): a vague reference all the same (TimeML FUTURE_REF), but one an act can
        # be placed by: the days of the week (the weeks of the month) ahead, from the day of telling.
        ahead = published + timedelta(days=COMING_DAYS if spec.unit == "day" else COMING_WEEKS_DAYS)
        return Resolution("DATE", "FUTURE_REF", f"{published.isoformat()}/{ahead.isoformat()}", direction="future")
    if kind == "ref":
        applied = {"PAST_REF": "past", "FUTURE_REF": "future"}.get(spec.ref or "", "present")
        return Resolution("DATE", spec.ref or "PRESENT_REF", None, direction=applied)
    if kind == "set" and spec.weekday is not None:
        part = f"T{spec.part}" if spec.part else ""
        return Resolution("SET", f"XXXX-WXX-{spec.weekday + 1}{part}", None)
    if kind == "set" and spec.month is not None:
        return Resolution("SET", f"XXXX-{spec.month:02d}", None)
    if kind == "set" and spec.season is not None:
        return Resolution("SET", f"XXXX-{SEASONS[spec.season][0]}", None)
    if kind == "set":
        return Resolution("SET", duration_value(spec.n, spec.unit or "year"), None)
    if kind == "time":
        base = published
        applied = "present"
        if spec.start is not None:
            day_resolution = resolve_spec(spec.start, published, direction, reference)
            if day_resolution is not None and day_resolution.edtf is not None:
                base = date.fromisoformat(day_resolution.edtf)
                applied = day_resolution.direction
        elif reference is not None:
            base = reference
        value = f"{base.isoformat()}T{spec.hour or 0:02d}:{spec.minute or 0:02d}{spec.part or ''}"
        day = base
        if spec.hour == 24 and direction == "future":
            # A midnight ahead ends its day (TimeML's hour 24) and opens the next: "will take effect at midnight
            # Friday" starts on Saturday. One told in the past ("had entered shortly after midnight") is the
            # midnight that opened the day.
            day = base + timedelta(days=1)
        return Resolution("TIME", value, day.isoformat(), direction=applied)
    if kind == "range":
        return _resolve_range(spec, published, direction, reference, signal)
    return None


__all__ = ["Resolution", "add_months", "resolve_spec", "week_bounds", "weekday_date", "year_for"]
