"""The surface grammar: regular expressions over the article text, each with a builder that turns a match
into a :class:`~events.extraction.timex.spec.TimeSpec`.

Every pattern may be preceded by a signal word ("since", "from", "on", "in", ...). The signal is kept apart
from the expression's extent, as TimeML does ("on Monday" is a TIMEX3 "Monday" with the signal "on").
Overlapping matches are settled by the finder: the longest wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from events.extraction.timex.lexicon import (
    DAY_NUMBER,
    MONTH,
    NUMBER,
    ORDINALS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SEASON,
    SPOKEN_DAY,
    SPOKEN_DAYS,
    UNIT,
    UNIT_PLURAL,
    WEEKDAY,
    YEAR,
    month_number,
    number_value,
    unit_name,
    weekday_number,
)
from events.extraction.timex.spec import TimeSpec

SIGNAL = (
    r"(?:(?P<signal>since|from|until|till|through|before|after|by|on|in|during|at|between|for|within|over"
    r"|throughout|as\s+of|starting|ending|until|of)\s+)?"
)
# Modifiers that narrow a month, year or week without changing its value ("late last month" is 2025-03).
MOD = (
    r"(?:early|earlier|late|later|mid|middle|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|the\s+close\s+of|the\s+rest\s+of|end|start|beginning)"
)
REL = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "same": 0, "next": 1, "coming": 1}

Builder = Callable[[dict[str, str | None]], TimeSpec | None]


@dataclass(frozen=True)
class Pattern:
    """One rule of the grammar. ``check`` names a test the finder runs against the spaCy tokens."""

    name: str
    regex: re.Pattern[str]
    build: Builder
    check: str | None = None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    digits = re.match(r"\d+", value)
    return int(digits.group()) if digits else None


def _mod(value: str | None) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", value.lower())
    if text in {"early", "earlier", "the beginning of", "the start of", "start", "beginning"}:
        return "START" if text not in {"earlier"} else "EARLIER"
    if text in {"late", "the end of", "the close of", "end"}:
        return "END"
    if text == "later":
        return "LATER"
    if text in {"mid", "middle", "the middle of"}:
        return "MID"
    if text == "the rest of":
        return "REST"
    return None


def _rel(value: str | None) -> int | None:
    return None if value is None else REL.get(value.lower())


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){SIGNAL}(?P<core>{body})(?![\w])", re.IGNORECASE)


def _iso(g: dict[str, str | None]) -> TimeSpec | None:
    return TimeSpec("date", year=_int(g["y"]), month=_int(g["m"]), day=_int(g["d"]))


def _month_day(g: dict[str, str | None]) -> TimeSpec | None:
    assert g["m"] is not None
    weekday = weekday_number(g["wd"] or "") if g.get("wd") else None
    return TimeSpec(
        "date",
        year=_int(g.get("y")),
        month=month_number(g["m"]),
        day=_int(g["d"]) if g.get("d") else SPOKEN_DAYS.get(re.sub(r"[- ]+", "-", (g.get("dw") or "").lower())),
        mod=_mod(g.get("mod")),
        weekday=weekday,
        rel=_rel(g.get("rel")),
    )


def _month_day_range(g: dict[str, str | None]) -> TimeSpec | None:
    assert g["m1"] is not None
    year = _int(g.get("y"))
    month1 = month_number(g["m1"])
    month2 = month_number(g.get("m2") or "") if g.get("m2") else month1
    start = TimeSpec("date", year=year, month=month1, day=_int(g["d1"]))
    end = TimeSpec("date", year=year, month=month2, day=_int(g["d2"]))
    return TimeSpec("range", start=start, end=end)


def _month(g: dict[str, str | None]) -> TimeSpec | None:
    assert g["m"] is not None
    anchor = (g.get("anchor") or "").lower()
    if anchor:
        # "the following January", "the previous May": the first such month after (before) the narrative's
        # reference time, not the publication date.
        return TimeSpec("date", month=month_number(g["m"]), sign=1 if anchor == "following" else -1)
    return TimeSpec(
        "date", year=_int(g.get("y")), month=month_number(g["m"]), mod=_mod(g.get("mod")), rel=_rel(g.get("rel"))
    )


def _month_of_relative_year(g: dict[str, str | None]) -> TimeSpec | None:
    # "October of next year": the year is counted from publication, kept in n with unit "year".
    return TimeSpec("date", month=month_number(g["m"] or ""), unit="year", n=REL[(g["yrel"] or "").lower()])


def _year(g: dict[str, str | None]) -> TimeSpec | None:
    year = _int(g["y"])
    if year is not None and year < 100:
        year += 2000 if year < 30 else 1900  # "'82"
    return TimeSpec("date", year=year, mod=_mod(g.get("mod")))


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_CENTURY_WORDS = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}
_TENS_RE = "|".join(_TENS)
_UNITS_RE = "|".join(_UNITS_WORDS)
_TEENS_RE = "|".join(_TEENS)


def _spoken_year(g: dict[str, str | None]) -> TimeSpec | None:
    """A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "the year two thousand"."""
    if g.get("thousand"):
        rest = (g.get("tu") or "").lower()
        return TimeSpec("date", year=2000 + (_UNITS_WORDS.get(rest) or _TEENS.get(rest) or 0))
    century = _CENTURY_WORDS[(g.get("c") or "").lower()]
    tens = _TENS.get((g.get("t") or "").lower(), 0) + _UNITS_WORDS.get((g.get("u") or "").lower(), 0)
    teen = _TEENS.get((g.get("teen") or "").lower(), 0)
    return TimeSpec("date", year=century + (tens or teen))


def _named_in_spoken_year(g: dict[str, str | None]) -> TimeSpec | None:
    """ "March nineteen seventy-two", "the winter of nineteen eighty-six": a month or season of a year
    said in words."""
    year = _spoken_year(g)
    if year is None:
        return None
    if g.get("m"):
        return TimeSpec("date", year=year.year, month=month_number(g["m"] or ""))
    return TimeSpec("season", season=(g.get("season") or "").lower(), year=year.year)


def _year_range(g: dict[str, str | None]) -> TimeSpec | None:
    first = _int(g["y"])
    second_text = g["y2"] or ""
    assert first is not None
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if second <= first:
        return None
    return TimeSpec("range", start=TimeSpec("date", year=first), end=TimeSpec("date", year=second))


def _decade(g: dict[str, str | None]) -> TimeSpec | None:
    year = _int(g["dec"])
    if year is not None and year < 100:
        year += 1900  # "the '80s", "70s"
    return TimeSpec("decade", year=year, mod=_mod(g.get("mod")))


_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
    "nineties": 90,
}  # fmt: skip


def _decade_word(g: dict[str, str | None]) -> TimeSpec | None:
    """ "the nineties", "the late eighties": a decade of the twentieth century, as "the '90s"."""
    return TimeSpec("decade", year=1900 + _DECADE_WORDS[(g["dw"] or "").lower()], mod=_mod(g.get("mod")))


def _century(g: dict[str, str | None]) -> TimeSpec | None:
    """ "the 20th century" is the hundred years 1900-1999 (TimeML value "19")."""
    return TimeSpec("century", year=(_int(g["c"]) or 1) * 100 - 100)


def _numeric_date(g: dict[str, str | None]) -> TimeSpec | None:
    # US order (month/day/year), as in the English-language wires we read.
    year = _int(g["y"])
    if year is not None and year < 100:
        year += 2000 if year < 50 else 1900
    return TimeSpec("date", year=year, month=_int(g["m"]), day=_int(g["d"]))


def _the_day(g: dict[str, str | None]) -> TimeSpec | None:
    # "the day", "late in the day": in news copy, the day being reported (not an anaphor like "that day").
    return TimeSpec("anchored", n=0, unit="day", sign=0, mod="NEWS")


def _weekday(g: dict[str, str | None]) -> TimeSpec | None:
    assert g["wd"] is not None
    part = PARTS_OF_DAY.get((g.get("part") or "").lower())
    word = (g.get("rel") or "").lower()
    if g.get("det") and word in _ANCHORING_WEEKDAY:
        # "the previous Friday", "the following Monday": the weekday before or after the narrative's reference
        # time, not the publication date.
        sign = _ANCHORING_WEEKDAY[word]
        return TimeSpec("weekday", weekday=weekday_number(g["wd"]), rel=sign, sign=sign, part=part)
    week = (g.get("week") or "").lower()
    if week and not word:
        # "Monday last week", "on Thursday of next week": that weekday of the calendar week before or after
        # publication's.
        return TimeSpec("weekday", weekday=weekday_number(g["wd"]), unit="week", n=_WEEK_OFFSETS[week], part=part)
    return TimeSpec(
        "weekday", weekday=weekday_number(g["wd"]), rel=_rel(g.get("rel")), mod=_mod(g.get("mod")), part=part
    )


_WEEK_OFFSETS = {"last": -1, "this": 0, "next": 1}


_ANCHORING_WEEKDAY = {"previous": -1, "preceding": -1, "following": 1}


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0, "this": 0, "last": -1}


def _deictic(g: dict[str, str | None]) -> TimeSpec | None:
    word = (g["word"] or "").lower()
    part = PARTS_OF_DAY.get((g.get("part") or "").lower())
    if word == "tonight":
        part = "NI"
    if word == "last" and part not in {"NI", "EV"}:
        return None
    offset = _DEICTIC[word] - (1 if g.get("before") else 0)
    return TimeSpec("deictic", n=offset, part=part, mod=_mod(g.get("mod")))


def _mid_part(g: dict[str, str | None]) -> TimeSpec | None:
    part = PARTS_OF_DAY[(g["part"] or "").lower()]
    if g.get("wd"):
        return TimeSpec("weekday", weekday=weekday_number(g["wd"] or ""), part=part, mod="MID")
    return TimeSpec("deictic", n=_DEICTIC[(g.get("word") or "today").lower()], part=part, mod="MID")


def _relative(g: dict[str, str | None]) -> TimeSpec | None:
    word = (g["rel"] or "").lower()
    unit = unit_name(g["unit"] or "")
    if word in {"following", "previous"} and g.get("det"):
        # "the following week", "the previous year": counted from the narrative reference time.
        return TimeSpec("anchored", n=1, unit=unit, sign=1 if word == "following" else -1, mod="UNIT")
    if word == "past" and g.get("det"):
        # "the past year" is a stretch of time ending now, not the calendar year before.
        return TimeSpec("duration", n=1, unit=unit, rel=-1)
    if word == "same":
        return TimeSpec("anchored", n=0, unit=unit, sign=0, mod="UNIT")
    return TimeSpec("relative", rel=REL.get(word), unit=unit, mod=_mod(g.get("mod")))


def _period_length(g: dict[str, str | None]) -> TimeSpec | None:
    return TimeSpec("duration", n=1, unit=unit_name(g["unit"] or ""))


def _reported_year(g: dict[str, str | None]) -> TimeSpec | None:
    return TimeSpec("relative", rel=0, unit="year", mod="REPORTED")


def _in_the(g: dict[str, str | None]) -> TimeSpec | None:
    return TimeSpec("relative", rel=0, unit=unit_name(g["unit"] or ""), mod=_mod(g.get("mod")))


def _week_of(g: dict[str, str | None]) -> TimeSpec | None:
    """ "the week of March 17": the week that holds that day (``unit`` week on a date spec)."""
    assert g["m"] is not None
    return TimeSpec("date", year=_int(g.get("y")), month=month_number(g["m"]), day=_int(g["d"]), unit="week")


_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


def _nth_day(g: dict[str, str | None]) -> TimeSpec | None:
    """ "his first day", "the second day": a day of the stretch the text last named (``n`` days after its first;
    None for its last day)."""
    return TimeSpec("anchored", n=_NTH.get((g.get("ord") or "").lower()), unit="day", sign=1, mod="NTH_DAY")


def _the_weekend(g: dict[str, str | None]) -> TimeSpec | None:
    # "over the weekend" names no week: the clause's tense picks the one just past or the one ahead.
    return TimeSpec("relative", rel=None, unit="weekend")


def _that(g: dict[str, str | None]) -> TimeSpec | None:
    unit = (g["unit"] or "").lower()
    part = PARTS_OF_DAY.get(unit)
    if g.get("back") and unit == "month":
        # "the same month a year ago": the month the text is about, twelve months back.
        return TimeSpec("anchored", n=12, unit="month", sign=-1, mod="UNIT")
    return TimeSpec("anchored", n=0, unit="day" if part else unit, sign=0, part=part, mod="UNIT")


def _that_time(g: dict[str, str | None]) -> TimeSpec | None:
    """ "by that time", "during that time": the time the text last named, whatever it was (a day, a stretch)."""
    return TimeSpec("anaphor")


def _season(g: dict[str, str | None]) -> TimeSpec | None:
    rel_word = (g.get("rel") or "").lower()
    season = (g["season"] or "").lower()
    if season == "fall" and not (rel_word or g.get("y")):
        return None
    anchor = (g.get("anchor") or "").lower()
    if anchor:
        # "the following spring", "the previous winter": after (before) the narrative's reference time.
        return TimeSpec("season", season=season, sign=1 if anchor == "following" else -1, mod=_mod(g.get("mod")))
    if re.fullmatch(r"this\s+past", rel_word):
        # "this past spring": the latest spring that has begun, this year's once it has come.
        return TimeSpec("season", season=season, year=_int(g.get("y")), mod="PAST")
    return TimeSpec("season", season=season, year=_int(g.get("y")), rel=REL.get(rel_word), mod=_mod(g.get("mod")))


def _quarter(g: dict[str, str | None]) -> TimeSpec | None:
    ordinal = ORDINALS.get((g.get("ord") or "").lower()) or _int(g.get("q"))
    if ordinal is None and (g.get("ord") or "").lower() == "last":
        ordinal = 4
    if ordinal is None and g.get("yrel"):
        # "last year's quarter": the reporting period's quarter in that year.
        return TimeSpec("period", unit="quarter", n=_rel(g.get("yrel")) or 0, mod="YEAR")
    year = _int(g.get("y")) or _int(g.get("y2"))
    rel = _rel(g.get("rel")) if g.get("rel") else _rel(g.get("yrel"))
    if g.get("back"):
        rel = -1  # "the year-ago third quarter": that quarter of the year before
    return TimeSpec("quarter", ordinal=ordinal, year=year, rel=rel)


# Words that shift a reporting period by a year: "the year-ago quarter", "year-earlier profit".
_YEAR_BACK = {"year-ago", "year-earlier", "year-before", "prior-year", "previous-year", "year-previous"}


def _period(g: dict[str, str | None]) -> TimeSpec | None:
    """ "the quarter", "the latest period", "the year-ago quarter", "year-earlier": the reporting period the
    text is about (the last quarter it named), or that period a year before. ``n`` is the shift in years;
    ``year`` the year written in "the 1988 quarter"."""
    which = re.sub(r"\s+", " ", (g.get("which") or "").lower())
    back = which in _YEAR_BACK or bool(g.get("last"))
    return TimeSpec("period", unit="quarter", n=-1 if back else 0, year=_int(g.get("y")))


def _half(g: dict[str, str | None]) -> TimeSpec | None:
    # "the first two quarters of 1990" is that year's first half.
    word = (g.get("ord") or g.get("qord") or "").lower()
    ordinal = 2 if word == "last" else ORDINALS.get(word)
    return TimeSpec("half", ordinal=ordinal, year=_int(g.get("y")), rel=_rel(g.get("rel")))


def _ago(g: dict[str, str | None]) -> TimeSpec | None:
    return TimeSpec("ago", n=number_value(g["n"] or ""), unit=unit_name(g["unit"] or ""))


_BACKWARD = {"earlier", "before", "prior", "previously", "beforehand", "preceding", "previous"}


def _anchored(g: dict[str, str | None]) -> TimeSpec | None:
    direction = (g.get("dir") or "").lower()
    n = number_value(g.get("n") or "") if g.get("n") else 1
    return TimeSpec("anchored", n=n, unit=unit_name(g["unit"] or ""), sign=-1 if direction in _BACKWARD else 1)


def _next_unit(g: dict[str, str | None]) -> TimeSpec | None:
    which = (g.get("which") or "").lower()
    unit = (g["unit"] or "").lower()
    part = PARTS_OF_DAY.get(unit)
    return TimeSpec(
        "anchored", n=1, unit="day" if part else unit, sign=-1 if which in _BACKWARD else 1, part=part, mod="UNIT"
    )


def _duration(g: dict[str, str | None]) -> TimeSpec | None:
    unit = unit_name(g["unit"] or "")
    raw_n = g.get("n")
    n = number_value(raw_n) if raw_n else None
    if raw_n and n == 0:
        return None
    point_five = re.fullmatch(r"(\d+)\.5", raw_n or "")
    if point_five:  # "1.5 years" is a year and a half
        n, g = int(point_five[1]), {**g, "half": "half"}
    rel = _rel(g.get("rel")) if g.get("rel") else None
    half = bool(g.get("half") or g.get("half2"))
    if half and n is None:
        return None
    return TimeSpec(
        "duration",
        n=n,
        unit=unit,
        age=bool(g.get("old")),
        rel=rel,
        mod="APPROX" if g.get("approx") else None,
        half=half,
    )


def _unit_long(g: dict[str, str | None]) -> TimeSpec | None:
    """ "a day-long strike" lasts one day (P1D); "a decades-long feud" some decades."""
    word = (g["unit"] or "").lower()
    unit = unit_name(word)
    return TimeSpec("duration", n=None if word != unit else 1, unit=unit)


def _vague_duration(g: dict[str, str | None]) -> TimeSpec | None:
    return TimeSpec("duration", n=None, unit=unit_name(g["unit"] or ""))


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "recent": "PAST_REF",
    "the time being": "PRESENT_REF", "current": "PRESENT_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the coming": "FUTURE_REF", "future": "FUTURE_REF",
    "coming": "FUTURE_REF", "past": "PAST_REF",
}  # fmt: skip


def _ref(g: dict[str, str | None]) -> TimeSpec | None:
    text = re.sub(r"\s+", " ", (g["ref"] or "").lower())
    if text.endswith(" future"):
        text = "the future"  # "the near future", "the foreseeable future"
    ref = _REFS[text]
    units = (g.get("units") or "").lower()
    if ref == "FUTURE_REF" and units in {"days", "weeks"}:
        # "in the coming days", "in the coming weeks": the week or the month ahead (see the resolver).
        return TimeSpec("ref", ref=ref, unit=units[:-1])
    return TimeSpec("ref", ref=ref)


def _set(g: dict[str, str | None]) -> TimeSpec | None:
    adverb = (g.get("adv") or "").lower()
    if adverb:
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "hourly": "hour"}.get(
            adverb, "year"
        )
        return TimeSpec("set", n=1, unit=unit)
    n = number_value(g.get("n") or "") if g.get("n") else 1
    return TimeSpec("set", n=n, unit=unit_name(g["unit"] or ""))


_PLURAL_PARTS = {"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"}


def _named_set(g: dict[str, str | None]) -> TimeSpec | None:
    """ "each Thursday", "every July", "each spring", "on Mondays", "Tuesday nights": a named day, month or
    season that recurs (TimeML SET ``XXXX-WXX-4``, ``XXXX-07``, ``XXXX-SP``)."""
    part = _PLURAL_PARTS.get((g.get("parts") or "").lower()) or PARTS_OF_DAY.get((g.get("part") or "").lower())
    day = g.get("wd") or g.get("wds") or g.get("wdn")
    if day:
        return TimeSpec("set", weekday=weekday_number(day), part=part)
    if g.get("m"):
        return TimeSpec("set", month=month_number(g["m"] or ""))
    return TimeSpec("set", season=(g.get("season") or "").lower())


# "last" after a modal, "to" or a negation is the verb: "the talks will last two days" is a stretch of two days,
# not the two days before now.
_NOT_VERB_LAST = "".join(
    rf"(?<!\b{word}\s)" for word in ("will", "would", "could", "might", "may", "can", "should", "must", "to", "not")
)

# Clock words: "noon", "midday", "midnight" (TimeML writes the midnight that ends a day as hour 24).
_CLOCK_WORDS = {"noon": 12, "midday": 12, "midnight": 24}


def _time(g: dict[str, str | None]) -> TimeSpec | None:
    clock = (g.get("clock") or "").lower()
    hour = _CLOCK_WORDS[clock] if clock else _int(g.get("h"))
    if hour is None or (hour > 23 and not clock) or (g.get("ampm") and hour > 12):
        return None
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour != 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    day: TimeSpec | None = None
    if g.get("wd"):
        day = TimeSpec("weekday", weekday=weekday_number(g["wd"] or ""))
    elif g.get("word"):
        day = TimeSpec("deictic", n=_DEICTIC[(g["word"] or "").lower()])
    elif g.get("m"):
        day = TimeSpec("date", month=month_number(g["m"] or ""), day=_int(g.get("d")))
    zone = "Z" if g.get("tz") else None
    return TimeSpec("time", hour=hour, minute=_int(g.get("min")) or 0, start=day, part=zone)


_DEICTIC_WORDS = r"today|yesterday|tomorrow"

# Holidays whose date every English-language reader knows: fixed days, and the movable feasts counted from
# Easter or from the weekdays of a month (see ``resolver.holiday_date``). Names are matched as written,
# capitalised, so "christmas" in a product name or a lower-case "easter" wind is not read as a day.
HOLIDAYS: dict[str, str] = {
    "Christmas Day": "christmas", "Christmas Eve": "christmas_eve", "Christmas": "christmas",
    "New Year's Day": "new_year", "New Year's Eve": "new_year_eve", "Boxing Day": "boxing_day",
    "Easter Sunday": "easter", "Easter Monday": "easter_monday", "Easter": "easter", "Good Friday": "good_friday",
    "Thanksgiving Day": "thanksgiving", "Thanksgiving": "thanksgiving", "Halloween": "halloween",
    "Valentine's Day": "valentine",
}  # fmt: skip
_HOLIDAY_NAMES = "|".join(re.escape(name).replace("'", "['’]") for name in sorted(HOLIDAYS, key=len, reverse=True))


def _holiday(g: dict[str, str | None]) -> TimeSpec | None:
    name = (g.get("name") or "").replace("’", "'")
    year = _int(g.get("y"))
    return TimeSpec("holiday", year=year, part=HOLIDAYS[name], rel=None if year else _rel(g.get("rel")))


PATTERNS: list[Pattern] = [
    Pattern("iso", _compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"), _iso),
    Pattern(
        "month_day_range",
        _compile(
            rf"(?:{WEEKDAY},?\s+)?(?P<m1>{MONTH})\s+(?P<d1>{DAY_NUMBER})\s*(?:-|–|to|through|until|and)\s*"
            rf"(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY_NUMBER})(?!\d|\s*(?:%|percent|people|years?|\$))(?:,?\s+(?P<y>{YEAR}))?"
        ),
        _month_day_range,
    ),
    Pattern(
        "day_month_range",
        _compile(
            rf"(?P<d1>{DAY_NUMBER})\s*(?:-|–|to|(?P<and>and))\s*(?P<d2>{DAY_NUMBER})\s+(?P<m1>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
        ),
        _month_day_range,
        check="range",
    ),
    Pattern(
        "month_day",
        _compile(
            rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<mod>{MOD})[\s-]+)?(?:(?P<rel>last|next)\s+)?(?P<m>{MONTH})(?:\s+|,(?=\d))"
            rf"(?:(?P<d>{DAY_NUMBER})(?!\d|:\d)|(?P<dw>{SPOKEN_DAY})(?![\w-]))"
            rf"(?:\s*,?\s+(?P<y>{YEAR})(?!\d))?"
        ),
        _month_day,
    ),
    Pattern(
        "day_month",
        _compile(
            rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY_NUMBER})(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR})(?!\d))?"
        ),
        _month_day,
    ),
    Pattern(
        "month_year", _compile(rf"(?:(?P<mod>{MOD})[\s-]+)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})(?!\d)"), _month
    ),
    Pattern(
        "month_of_relative_year",
        _compile(rf"(?:(?P<mod>{MOD})[\s-]+)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year"),
        _month_of_relative_year,
    ),
    Pattern(
        "month",
        _compile(
            rf"(?:(?P<mod>{MOD})[\s-]+)?(?:(?P<rel>this|last|next|past|coming)\s+"
            rf"|the\s+(?P<anchor>following|previous|preceding)\s+)?(?P<m>{MONTH})"
        ),
        _month,
        check="month",
    ),
    Pattern(
        "year",
        _compile(rf"(?:(?P<mod>{MOD})[\s-]+)?(?:(?:fiscal(?:\s+year)?|the\s+year|calendar)\s+)?(?P<y>{YEAR})(?![\d-])"),
        _year,
        check="year",
    ),
    Pattern(
        "year_range", _compile(rf"(?P<y>{YEAR})\s*(?:-|–|/)\s*(?P<y2>{YEAR}|\d\d)(?!\d)"), _year_range, check="year"
    ),
    Pattern(
        "spoken_year",
        _compile(
            rf"(?:(?P<yr>the\s+year)\s+)?(?:(?P<c>eighteen|nineteen|twenty)[\s-]+(?:(?P<t>{_TENS_RE})(?:[\s-](?P<u>{_UNITS_RE}))?"
            rf"|(?P<teen>{_TEENS_RE}))|(?P<thousand>two\s+thousand)(?:\s+and)?(?:[\s-]+(?P<tu>{_UNITS_RE}|{_TEENS_RE}))?)"
        ),
        _spoken_year,
        check="spoken_year",
    ),
    Pattern(
        "named_spoken_year",
        _compile(
            rf"(?:(?P<m>{MONTH}),?\s+(?:of\s+)?|(?:the\s+)?(?P<season>{SEASON})\s+of\s+)"
            rf"(?P<c>eighteen|nineteen|twenty)[\s-]+(?:(?P<t>{_TENS_RE})(?:[\s-](?P<u>{_UNITS_RE}))?|(?P<teen>{_TEENS_RE}))"
        ),
        _named_in_spoken_year,
    ),
    Pattern("decade", _compile(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)'?s"), _decade),
    Pattern("short_decade", _compile(r"(?:the\s+)?'?(?P<dec>[2-9]0)'?s"), _decade),
    Pattern(
        "decade_word",
        _compile(
            r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
        ),
        _decade_word,
    ),
    Pattern("century", _compile(r"(?:the\s+)?(?P<c>1\d|20|21|[1-9])(?:st|nd|rd|th)[\s-]+century"), _century),
    Pattern("short_year", _compile(r"'(?P<y>[0-9]\d)(?!\d)"), _year, check="short_year"),
    Pattern(
        "numeric_date", _compile(r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})"), _numeric_date
    ),
    Pattern(
        "weekday",
        _compile(
            rf"(?:(?P<mod>early|earlier|late|later)\s+(?:on\s+)?)?"
            r"(?:(?P<det>the)\s+(?=(?:previous|preceding|following)\s))?"
            r"(?:(?P<rel>this|last|next|past|coming|previous|preceding|following)\s+)?"
            rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART_OF_DAY}))?"
            r"(?:,?\s+(?:of\s+)?(?P<week>last|next|this)\s+week\b)?"
        ),
        _weekday,
    ),
    Pattern(
        "deictic",
        _compile(
            rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<before>the\s+day\s+before\s+)?"
            rf"(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{PART_OF_DAY}))?"
        ),
        _deictic,
    ),
    Pattern("part_of_day", _compile(r"(?P<word>this|last)\s+(?P<part>morning|afternoon|evening|night)"), _deictic),
    # "struck overnight" in a story of the day: the night before it, as "last night" (checked: a past act).
    Pattern("overnight", _compile(r"overnight"), lambda g: TimeSpec("deictic", n=-1, part="NI"), check="overnight"),
    Pattern(
        # "by mid-afternoon", "at midmorning yesterday", "mid-afternoon on Friday": that part of the day named,
        # or of the day being reported.
        "mid_part",
        _compile(
            r"mid[\s-]?(?P<part>morning|afternoon|evening)"
            rf"(?:\s+(?P<word>yesterday|today|tomorrow)|\s+(?:on\s+)?(?P<wd>{WEEKDAY}))?"
        ),
        _mid_part,
    ),
    Pattern(
        "relative",
        _compile(
            rf"(?:(?P<mod>{MOD})[\s-]+)?(?:(?P<det>the)\s+)?(?P<rel>last|this|next|past|coming|previous|current|following|same)"
            r"\s+(?P<unit>year|month|week|weekend|quarter|decade|century)"
        ),
        _relative,
    ),
    Pattern("in_the", _compile(r"(?P<mod>earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year)"), _in_the),
    Pattern(
        "the_unit",
        _compile(rf"(?:(?P<mod>{MOD}|the\s+very\s+beginning\s+of)\s+)(?P<det>the)\s+(?P<unit>year|month|week)"),
        _in_the,
    ),
    Pattern(
        # "the year ended Sept. 30", "the fiscal year ending in June": a twelve-month accounting period that is
        # not the calendar year, so a stretch of a year rather than a calendar value.
        "year_ended",
        _compile(r"the\s+(?:fiscal\s+)?(?P<unit>year)(?=\s+end(?:ed|ing)\b)"),
        _period_length,
    ),
    Pattern(
        # "sales for the full year", "earnings for the fiscal year": the year being reported, the current one.
        "reported_year",
        _compile(r"the\s+(?:full|fiscal|whole|entire)\s+(?P<unit>year)(?!\s+end(?:ed|ing)\b)(?![-\w])(?!'s)"),
        _reported_year,
    ),
    Pattern(
        # "For the year, volume was flat", "the first nine months of the year.": "the year" closing its phrase,
        # with nothing after it to say which, is the year being reported, as "the full year" is.
        "the_year",
        _compile(r"the\s+(?P<unit>year)(?=\s*[.,;:])"),
        _reported_year,
    ),
    Pattern(
        "the_day",
        _compile(r"(?:(?:late|early|later|earlier)\s+in\s+|the\s+(?:end|start|beginning)\s+of\s+)?the\s+day"),
        _the_day,
    ),
    Pattern("the_weekend", _compile(r"the\s+(?P<unit>weekend)"), _the_weekend),
    Pattern(
        "nth_day",
        _compile(r"(?:the|his|her|their|its)\s+(?P<ord>first|second|third|fourth|fifth|final|last)\s+day(?!s|-)"),
        _nth_day,
    ),
    Pattern(
        "week_of",
        _compile(rf"the\s+week\s+of\s+(?P<m>{MONTH})\s+(?P<d>{DAY_NUMBER})(?!\d)(?:,?\s+(?P<y>{YEAR})(?!\d))?"),
        _week_of,
    ),
    Pattern(
        "that",
        _compile(
            r"(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night)"
            r"(?:\s+(?P<back>a\s+year\s+(?:ago|earlier|before)|last\s+year))?"
        ),
        _that,
    ),
    Pattern("that_time", _compile(r"that\s+time(?!\s+of\b)"), _that_time),
    Pattern(
        "season",
        _compile(
            rf"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?"
            rf"(?:(?P<anchor>following|previous|preceding)\s+|(?P<rel>last|this\s+past|this|next|past|coming|the)\s+)?"
            rf"(?P<season>{SEASON})"
            rf"(?:\s+(?:of\s+)?(?P<y>{YEAR})(?!\d))?"
        ),
        _season,
        check="season",
    ),
    Pattern(
        "quarter",
        _compile(
            rf"(?:the\s+)?(?:(?P<yrel>last|this|next)\s+year's\s+|(?P<y2>{YEAR})\s+|(?P<back>year-ago|year-earlier)\s+)?"
            r"(?:fiscal[\s-]+)?"
            r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
            rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>last|this|next)\s+year))?"
        ),
        _quarter,
    ),
    Pattern("year_quarter", _compile(r"(?P<yrel>last|this|next)\s+year's\s+(?:quarter|period)"), _quarter),
    Pattern(
        "period",
        _compile(
            r"(?:the\s+)?(?P<which>latest|current|most\s+recent|same|corresponding|comparable|year-ago|year-earlier"
            r"|year-before|prior-year|previous-year)\s+(?:quarter|period)(?!-)"
            r"(?:\s+(?P<last>last\s+year|a\s+year\s+(?:earlier|ago|before)))?"
        ),
        _period,
    ),
    Pattern(
        "the_quarter",
        _compile(r"the\s+quarter(?![-\w])(?!\s+of\b)(?:\s+(?P<last>last\s+year|a\s+year\s+(?:earlier|ago|before)))?"),
        _period,
    ),
    # "the 1988 quarter", "the 1989 period": the reporting period in the year named.
    Pattern("year_period", _compile(rf"the\s+(?P<y>{YEAR})\s+(?:quarter|period)(?![-\w])"), _period),
    Pattern(
        "year_ago",
        _compile(r"(?P<which>year-ago|year-earlier|year-before|prior-year)(?!\s+(?:quarter|period))"),
        _period,
    ),
    Pattern("quarter_code", _compile(rf"Q(?P<q>[1-4])\s+(?P<y>{YEAR})"), _quarter),
    Pattern(
        "half",
        _compile(
            rf"(?:the\s+)?(?:(?P<ord>first|second|last)\s+half|(?P<qord>first|last)\s+two\s+quarters)\s+of\s+"
            rf"(?:(?P<y>{YEAR})|(?:the\s+)?(?P<rel>last|this|next)\s+year|the\s+year)"
        ),
        _half,
    ),
    Pattern(
        "ago",
        _compile(
            rf"(?:(?:about|nearly|almost|some|more\s+than)\s+)?(?P<n>{NUMBER})\s+(?P<unit>{UNIT_PLURAL})\s+(?:or\s+so\s+)?ago"
        ),
        _ago,
    ),
    Pattern(
        "anchored",
        _compile(
            rf"(?P<n>{NUMBER})\s+(?P<unit>{UNIT_PLURAL})\s+"
            # "two days after the summit" counts from the summit, not from the last date: only a bare
            # "a day after" (clause end) is anchored to the narrative reference time.
            r"(?P<dir>earlier|later|afterwards?|beforehand|previously|(?:after|before|prior)(?=\s*(?:[.,;:)]|$)))"
        ),
        _anchored,
    ),
    Pattern(
        "next_unit",
        _compile(
            r"(?:the\s+)?(?P<which>next|following|previous|preceding|prior)\s+"
            r"(?P<unit>day|morning|afternoon|evening|night)"
        ),
        _next_unit,
    ),
    Pattern("unit_before", _compile(r"the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after)"), _anchored),
    Pattern(
        "duration",
        _compile(
            rf"(?:the\s+)?(?:(?P<rel>past|{_NOT_VERB_LAST}last|next|first|coming|previous|final|following|latest|recent)\s+)?"
            r"(?:(?P<approx>about|around|nearly|almost|some|over|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?"
            rf"(?P<n>{NUMBER})(?P<half>\s+1/2|\s+and\s+a\s+half)?\s+"
            rf"(?:(?:more|full|straight|consecutive|long|trading|business|working|calendar)\s+)?(?P<unit>{UNIT_PLURAL})"
            r"(?:(?P<half2>\s+and\s+a\s+half)(?![\w-]))?"
        ),
        _duration,
        check="duration",
    ),
    Pattern("hyphen_duration", _compile(rf"(?P<n>{NUMBER})-(?P<unit>{UNIT})(?:-(?P<old>old)|-long)?"), _duration),
    Pattern("unit_long", _compile(rf"(?P<unit>{UNIT_PLURAL})-long"), _unit_long),
    Pattern(
        "vague_duration", _compile(r"(?P<unit>years|months|weeks|decades|centuries)"), _vague_duration, check="vague"
    ),
    Pattern(
        # "over the years", "in the weeks ahead": a stretch of some units, as "for years" is.
        "the_vague",
        _compile(r"the\s+(?P<unit>years|months|weeks|days|decades)(?P<ahead>\s+ahead|\s+to\s+come)?"),
        _vague_duration,
        check="the_vague",
    ),
    Pattern(
        "ref",
        _compile(
            r"(?P<ref>now|currently|nowadays|recently|lately|soon|at\s+present|the\s+present|these\s+days"
            r"|at\s+the\s+moment|the\s+past|the\s+(?:(?:near|distant|foreseeable|immediate)\s+)?future|future"
            r"|the\s+time\s+being|the\s+(?:near|short|long)\s+term"
            r"|recent|current)"
        ),
        _ref,
        check="ref",
    ),
    Pattern(
        "recent",
        _compile(r"(?P<ref>recent|(?:the\s+)?coming|past)\s+(?P<units>years|months|weeks|days|decades|quarters|times)"),
        _ref,
    ),
    Pattern("set", _compile(rf"(?:every|each|per)\s+(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT_PLURAL})"), _set),
    Pattern(
        "named_set",
        _compile(
            rf"(?:(?:every|each)\s+(?:(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART_OF_DAY}))?|(?P<m>{MONTH})|(?P<season>{SEASON}))"
            r"|(?-i:(?P<wds>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))s"
            r"|(?-i:(?P<wdn>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?P<parts>nights|mornings|evenings|afternoons))"
        ),
        _named_set,
    ),
    Pattern("set_a", _compile(rf"an?\s+(?P<unit>{UNIT})"), _set, check="set_a"),
    Pattern(
        "set_adverb",
        _compile(r"(?P<adv>daily|weekly|monthly|annually|yearly|annual|quarterly|hourly)"),
        _set,
        check="set_adverb",
    ),
    Pattern(
        "holiday",
        # With its year after it: "Christmas Day, 2015", "on Boxing Day in 2011", "Easter of 2012".
        _compile(
            rf"(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<name>(?-i:{_HOLIDAY_NAMES}))"
            r"(?:,?\s+(?:in\s+|of\s+)?(?P<y>(?:1[89]|20)\d\d)(?![\d-]))?"
        ),
        _holiday,
        check="holiday",
    ),
    Pattern(
        "clock",
        _compile(
            # "high noon" is an idiom for a decisive moment, not twelve o'clock.
            r"(?<!\bhigh\s)(?P<clock>noon|midday|midnight)"
            rf"(?:,?\s+(?:(?:on\s+)?(?P<wd>{WEEKDAY})|(?P<word>{_DEICTIC_WORDS})))?"
        ),
        _time,
    ),
    Pattern(
        "utc_time",
        _compile(
            r"(?P<h>[01]?\d|2[0-3]):?(?P<min>[0-5]\d)\s*(?P<tz>UTC|GMT|Z)"
            rf"(?:,?\s+(?:(?P<wd>{WEEKDAY})|(?P<word>{_DEICTIC_WORDS})|(?P<m>{MONTH})\s+(?P<d>{DAY_NUMBER})(?!\d)))?"
        ),
        _time,
    ),
    Pattern(
        "time",
        _compile(
            r"(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?:\s+(?:(?-i:[A-Z]{2,4})|local\s+time))?"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<word>{_DEICTIC_WORDS})|(?P<m>{MONTH})\s+(?P<d>{DAY_NUMBER})(?!\d)))?"
        ),
        _time,
    ),
]
