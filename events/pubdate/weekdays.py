"""Clues from weekdays: a weekday given with a date, and the weekday the article was written on.

* "Thursday, March 5" (or "March 5 (Thursday)", "5 March, a Thursday"): the years in which March 5 is a
  Thursday, each with half a year either side;
* "yesterday (Friday)", "today (Friday)": the article's own day is a Saturday, a Friday;
* "earlier on Monday", "late Friday", "early on Thursday" in a clause told in the past ("the ministry
  summoned the envoy early on Thursday"): news writing marks the part of a day only for the day it is
  written on, so the article is from that weekday, or the day before or after it (a story written late in
  one time zone is stamped the next day in another; one written early in the morning the day before);
  "earlier on Monday" looks back from the hour of writing, so that Monday or the Tuesday; "late Monday" is
  over before a story is stamped Monday anywhere, so not the Sunday;
* the weekday of the reporting verb of the lead, the first sentence of the story ("..., an aide told
  reporters on Monday.", "the ministry announced Thursday"): a lead reports what was said on the day
  it is filed, so the article is from that weekday or one of the two after (filed late in one time zone
  and stamped the next day in another; a slower site's story a day later; under a wire dateline, which is
  the filing day, that weekday or the next). Only the lead: later sentences report what was said days
  before.

A weekday clue is periodic: it allows one day (or three) in every week, so it alone cannot say which
year; moving the stated day by whole years onto an allowed weekday usually can (see the checker's
suggestion). A date whose year is written ("Tuesday, March 5, 2019") is absolute and says nothing.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from events.pubdate.clue import FIRST_DAY, MONTHS, WEEKDAYS, Clue
from events.pubdate.sources import wire_dateline
from events.pubdate.text_clues import FUTURE_CUES, PAST_CUES

# News writing capitalises weekdays and months, so these are case-sensitive (and fast).
_WEEKDAY_NAMES = "|".join(d.capitalize() for d in WEEKDAYS)
# "Thursday, March 5", "Thursday 5 March", "Thursday, March 5th", "Thursday 5th March", "Thursday the 5th of March".
_WEEKDAY_DATE = re.compile(
    r"\b(?P<weekday>" + _WEEKDAY_NAMES + r"),?\s*\(?\s*"
    r"(?:(?P<month1>[A-Z][a-z]{2,8})\.?\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?\b|"
    r"(?:the\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>[A-Z][a-z]{2,8})\b)"
    r"(?!,?\s*(?:19|20)\d\d)"
)
# The weekday after the date: "March 5 (Thursday)", "5 March, a Thursday,", "March 5th, a Thursday".
_DATE_WEEKDAY = re.compile(
    r"(?:\b(?P<month1>[A-Z][a-z]{2,8})\.?\s+(?P<day1>\d{1,2})|\b(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8}))"
    r"(?:st|nd|rd|th)?\b(?:\s*\(\s*|,\s+a\s+)(?P<weekday>" + _WEEKDAY_NAMES + r")\b"
)
_DAY_NAMED = re.compile(r"\b(?P<rel>[Yy]esterday|[Tt]oday)\s*\(\s*(?P<weekday>" + _WEEKDAY_NAMES + r")\s*\)")
# A part of a named day: "earlier on Monday", "late Friday", "early on Thursday", "later on Sunday"; not
# "Monday's", and not a weekday that a date follows ("late on Friday, March 1": the date says which day).
_PART_OF_DAY = re.compile(
    r"\b(?:[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly)\s+(?:on\s+)?(?P<weekday>" + _WEEKDAY_NAMES + r")\b"
    r"(?!['’]s)(?!,?\s*(?:the\s+)?\d)(?!,?\s*[A-Z][a-z]{2,8}\.?\s+\d)"
)
# A reporting verb told in the past and its weekday, with at most a few words between (its object, "on"):
# "said on Monday", "announced Thursday", "told reporters on Friday", "according to a notice on Monday".
_REPORTED_ON = re.compile(
    r"\b(?:said|announced|reported|confirmed|stated|declared|disclosed|revealed|showed|told(?:\s+[a-z]+){1,2}|"
    r"according\s+to(?:\s+[\w.'’-]+){1,6}?)\s+(?:on\s+|late\s+|early\s+)?(?P<weekday>" + _WEEKDAY_NAMES + r")\b"
    r"(?!['’]s)(?!,?\s*(?:the\s+)?\d)(?!,?\s*[A-Z][a-z]{2,8}\.?\s+\d)"
)
# A sentence's end inside the lead's line (a point after one capital letter is an initial: "U.S.").
_LEAD_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)[\"”’)]?\s+(?=[A-Z\"“‘(])")
# What bounds a clause inside a sentence for this purpose.
_CLAUSE_MARK = re.compile(r"[,;:()—–]|\s-\s|\.\s|\n")


def weekday_clues(text: str, today: date) -> list[Clue]:
    """Every weekday clue of ``text`` (see the module's docstring)."""
    return [
        *_dated_weekday_clues(text, today),
        *_named_day_clues(text),
        *_day_of_writing_clues(text),
        *_lead_report_clues(text),
    ]


def _dated_weekday_clues(text: str, today: date) -> list[Clue]:
    clues = []
    for match in (*_WEEKDAY_DATE.finditer(text), *_DATE_WEEKDAY.finditer(text)):
        month_name = (match["month1"] or match["month2"] or "").lower().rstrip(".")
        month = MONTHS.get(month_name)
        day = int(match["day1"] or match["day2"])
        if month is None or not 1 <= day <= 31:
            continue
        weekday = WEEKDAYS.index(match["weekday"].lower())
        intervals = []
        years = []
        for year in range(FIRST_DAY.year, today.year + 2):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate.weekday() == weekday:
                years.append(year)
                intervals.append((candidate - timedelta(days=183), candidate + timedelta(days=183)))
        if not intervals:
            continue
        clues.append(
            Clue(
                "weekday",
                ("weekday", match.group(0).lower()),
                match.group(0),
                f"{calendar.month_name[month]} {day} is a {match['weekday'].capitalize()} in "
                + ", ".join(str(y) for y in years),
                intervals,
                fineness=4,
            )
        )
    return clues


def _named_day_clues(text: str) -> list[Clue]:
    clues = []
    for match in _DAY_NAMED.finditer(text):
        weekday = WEEKDAYS.index(match["weekday"].lower())
        publication_weekday = (weekday + (1 if match["rel"].lower() == "yesterday" else 0)) % 7
        clues.append(
            Clue(
                "weekday",
                ("named-day", match.group(0).lower()),
                match.group(0),
                f"“{match.group(0)}” makes the article's own day a {WEEKDAYS[publication_weekday].capitalize()}",
                weekdays=frozenset({publication_weekday}),
                fineness=5,
            )
        )
    return clues


def _day_of_writing_clues(text: str) -> list[Clue]:
    """One clue from every part of a named day told in the past: the article is from one of those days,
    or a day beside one. Parts of different days ("early on Monday ... late on Wednesday", a story told over
    several days) allow every one of them: only a day none of them is near is in doubt."""
    found: dict[int, str] = {}
    allowed_days: set[int] = set()
    for match in _PART_OF_DAY.finditer(text):
        clause = _clause(text, match.start(), match.end())
        if FUTURE_CUES.search(clause) or not PAST_CUES.search(clause):
            continue
        weekday = WEEKDAYS.index(match["weekday"].lower())
        found.setdefault(weekday, match.group(0))
        # "Earlier on Monday" looks back from the hour of writing on that same day: the day itself, or the
        # next one where the story is stamped a time zone ahead. "Late Monday" is over before a Monday's
        # story is stamped anywhere, so not the day before; the others reach a day further either way.
        part = match.group(0).split()[0].lower()
        shifts = {"earlier": (0, 1), "late": (0, 1, 2)}.get(part, (-1, 0, 1, 2))
        allowed_days.update((weekday + shift) % 7 for shift in shifts)
    if not found:
        return []
    allowed = frozenset(allowed_days)
    quotes = list(found.values())
    names = " or ".join(WEEKDAYS[weekday].capitalize() for weekday in sorted(found))
    return [
        Clue(
            "weekday",
            ("day-of-writing", *sorted(found)),
            quotes[0],
            f"news writing names the part of a day for the day it is written on: the article is from a {names}"
            " or a day beside it",
            weekdays=allowed,
            fineness=6,
        )
    ]


def lead(text: str) -> str:
    """The first sentence of the story: of the first line that closes as a sentence does (past a headline
    and a subheading, which have no closing stop), up to its first sentence end."""
    for line in text.split("\n", 12)[:12]:
        if line.rstrip().endswith((".", "!", "?", '"', "”", "’", ")")):
            end = _LEAD_END.search(line)
            return line[: end.start()] if end else line
    return ""


def _lead_report_clues(text: str) -> list[Clue]:
    """The weekday of the lead's reporting verb: the article is from that day or one of the two after."""
    first = lead(text)
    found = _REPORTED_ON.search(first)
    if found is None:
        return []
    weekday = WEEKDAYS.index(found["weekday"].lower())
    # A wire dateline ("BEIJING, March 14 (Xinhua) --") is the filing day itself: that weekday or, across a
    # time zone, the next.
    allowed = frozenset((weekday + shift) % 7 for shift in range(2 if wire_dateline(text) else 3))
    names = " or ".join(f"a {WEEKDAYS[day].capitalize()}" for day in sorted(allowed, key=lambda d: (d - weekday) % 7))
    return [
        Clue(
            "weekday",
            ("lead-report", weekday),
            found.group(0),
            f"a story's lead reports what was said on the day it is filed: the article is from {names}",
            weekdays=allowed,
            fineness=5,
        )
    ]


def _clause(text: str, start: int, end: int) -> str:
    """The stretch of ``text`` around ``start:end`` up to the nearest clause marks on either side."""
    before = [m.end() for m in _CLAUSE_MARK.finditer(text, max(0, start - 300), start)]
    after = _CLAUSE_MARK.search(text, end, end + 300)
    return text[before[-1] if before else max(0, start - 300) : after.start() if after else end + 300]
