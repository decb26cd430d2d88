"""Clues from the text's own time words, no facts needed: explicit years and dates told in the past or
the future, and spans of years counted from an explicit year.

* a year or a date told in the past ("in 2019 the talks failed", "on May 3, 2015"): the article is not
  older than it; a part of a year told with it ("late 2019", "the fourth quarter of 2019", "the end of
  2019") moves that floor to the part's first month;
* a year told in the future ("the plant will open in 2027"): the article is not younger than that year;
* a span counted from a year ("in 2016, seven years ago", "the 75th anniversary of the pact signed in
  1949", "ten years since 2014"): the article is from about that year plus the span;
* 29 February named without its year ("on February 29"): the article is from the year or so after a leap
  day (before one, in the future);
* "last year", "this year" or "next year" joined to a year ("last year's 2014 summit", "in 2014, last
  year,", "next year (2017)"): the article is from the year after, that year, or the year before.

Only the latest past bound and the earliest future bound say anything the others do not.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta

from events.pubdate.clue import FAR, FIRST_DAY, MONTHS, YEAR, Clue, add_years, sentence_at

# Words that put a year mention in the future or make it a limit rather than a past fact.
FUTURE_CUES = re.compile(
    r"\b(will|would|shall|can|should|must|expected|expects|due|plans?|planned|scheduled|aims?|target|targets|"
    r"could|may|might|next|until|till|by|before|forecast|projected|deadline|set to|intends?|hopes?|hoped|"
    r"hoping|prepar(?:e|es|ing)|expires?|upcoming|coming)\b",
    re.IGNORECASE,
)
# A clause told in the past: a past form ("signed", "was", "took") or a perfect ("has grown"). A year in
# a clause in the present ("the contract expires in 2008") is no floor.
PAST_CUES = re.compile(
    r"\b(was|were|had|has|have|did|\w{2,}ed|took|began|came|went|made|said|saw|won|lost|fell|rose|met|held|"
    r"left|led|became|fought|sent|spent|told|brought|built|bought|sold|struck|shot|paid|found|gave|got|grew|"
    r"kept|knew|ran|wrote|broke|chose|drew|drove|flew|hit|stood|spoke|threw|ago)\b",
    re.IGNORECASE,
)
# A plain future: "will", "shall", "is due to", "is scheduled", "plans to". Not "would" or "could": they
# also tell a past plan ("he said the vote would be held in 2012") or a guess.
PLAIN_FUTURE = re.compile(
    r"\b(will|shall|won['’]t)\b|['’]ll\b|\b(is|are)\s+(due|scheduled|slated|set|expected|planned)\s+(to|for)\b|"
    r"\b(plans?|intends?)\s+to\b",
    re.IGNORECASE,
)
# Before a year told in the past or planned for it.
_YEAR_AFTER = re.compile(r"\b(in|since|during|early|late|mid|of|throughout)\s+$", re.IGNORECASE)
_FUTURE_YEAR_AFTER = re.compile(r"\b(in|by|during|until|before)\s+(early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
# A part of a year before it, and the first month the part can mean: "in late 2006" (September on),
# "the 4th quarter of 2005" (October on), "by the end of 2009" (November on), "the second half of 2010". Seasons
# are left out: a southern summer straddles two years.
_PART_OF_YEAR = re.compile(
    r"\b(?:(?P<late>late)\s+|(?:the\s+)?(?P<part>end|close|middle|second\s+half|"
    r"(?P<quarter>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\s+of\s+(?:the\s+year\s+)?)$",
    re.IGNORECASE,
)
_QUARTER_MONTH = {"first": 1, "1st": 1, "second": 4, "2nd": 4, "third": 7, "3rd": 7, "fourth": 10, "4th": 10}


def _part_of_year_month(before: str) -> tuple[int, str]:
    """The first month the part of a year written just before a year can mean (1 when none), and the part."""
    match = _PART_OF_YEAR.search(before)
    if match is None:
        return 1, ""
    if match["late"]:
        return 9, match.group(0).strip()
    part = re.sub(r"\s+", " ", match["part"].lower())
    if match["quarter"]:
        return _QUARTER_MONTH[match["quarter"].lower()], match.group(0).strip()
    return {"end": 11, "close": 11, "middle": 5, "second half": 7}[part], match.group(0).strip()


# What comes before the year of a date: "May 3, 2015", "3 May 2015", "May 2015".
_DATE_BEFORE_YEAR = re.compile(
    rf"\b(?:(?P<month1>{_MONTH_NAMES})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+|"
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_NAMES})\.?,?\s+|"
    rf"(?P<month3>{_MONTH_NAMES})\.?\s+(?:of\s+)?)$"
)
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_NUMBER_WORDS.update({"hundred": 100, "a hundred": 100, "a century": 100, "half a century": 50, "a decade": 10})
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
_ORDINAL_WORDS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70})
_ORDINAL_WORDS.update({"eightieth": 80, "ninetieth": 90, "hundredth": 100, "centenary": 100, "centennial": 100})
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_ORDINAL = r"(?P<o>\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")"
# A span of years that ends at the time of writing: "seven years ago", "ten years since", "the 75th
# anniversary". "N years later" or "N years after" end at another event, not at the article.
_SPAN = re.compile(
    rf"\b(?:{_NUMBER}(?:[\s-]+|\s+and\s+a\s+half\s+)years?\s+(?P<rel>ago|since|on)\b|"
    rf"{_ORDINAL}(?:[\s-]+)(?P<ann>anniversary|birthday)\b|(?P<cent>centenary|centennial)\b)",
    re.IGNORECASE,
)

_SPAN_ANCHOR = re.compile(r"\byears?\s+(?:ago|since|on)\b|\b(?:anniversary|birthday|centenary|centennial)\b", re.I)


def _clause(sentence: str, offset: int) -> str:
    """The clause of ``offset`` in ``sentence``: sentences joined by semicolons speak of different times."""
    start = sentence.rfind(";", 0, offset) + 1
    end = sentence.find(";", offset)
    return sentence[start : end if end >= 0 else len(sentence)]


def _range_or_season(text: str, end: int) -> bool:
    after = text[end : end + 4]
    return after[:1] in "-–/" or bool(re.match(r"\s*[-–]\s*\d", after))


def _years_led_by(
    text: str, bounds: list[int], lead: re.Pattern[str], width: int, first: int, last: int
) -> Iterator[tuple[re.Match[str], int, int, str, str]]:
    """Each year from `first` to `last` that `lead` introduces within `width` characters before it, and that
    is no part of a range or a season: its match, the year, where its sentence starts, the sentence and the
    year's clause."""
    for match in YEAR.finditer(text):
        year = int(match.group(1))
        if not first <= year <= last:
            continue
        if not lead.search(text[max(0, match.start() - width) : match.start()]):
            continue
        if _range_or_season(text, match.end()):
            continue
        start, end = sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        yield match, year, start, sentence, _clause(sentence, match.start() - start)


def past_year_clues(text: str, bounds: list[int], today: date) -> list[Clue]:
    """The latest year or date the text tells in the past: the article is not older than it."""
    floors: list[tuple[date, Clue]] = []

    def add(floor: date, sentence: str, what: str) -> None:
        floors.append(
            (
                floor,
                Clue(
                    "year",
                    ("year", floor),
                    sentence.strip(),
                    f"the text speaks of {what} in the past, so it was written on or after {floor.isoformat()}",
                    [(floor, FAR)],
                ),
            )
        )

    dated_years: set[int] = set()
    for year_match in YEAR.finditer(text):
        year = int(year_match.group(1))
        match = _DATE_BEFORE_YEAR.search(text, max(0, year_match.start() - 24), year_match.start())
        if match is None or not FIRST_DAY.year <= year <= today.year or _range_or_season(text, year_match.end()):
            continue
        start, end = sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        clause = _clause(sentence, match.start() - start)
        if FUTURE_CUES.search(clause) or not PAST_CUES.search(clause):
            continue
        month = MONTHS[(match["month1"] or match["month2"] or match["month3"]).lower()]
        day = match["day1"] or match["day2"]
        last = calendar.monthrange(year, month)[1]
        if day is not None and not 1 <= int(day) <= last:
            continue
        floor = date(year, month, int(day) if day else 1)
        if floor > today:
            continue
        dated_years.add(year)
        add(floor, sentence, text[match.start() : year_match.end()].strip())
    for match, year, _start, sentence, clause in _years_led_by(
        text, bounds, _YEAR_AFTER, 12, FIRST_DAY.year, today.year
    ):
        if year in dated_years:
            continue
        if FUTURE_CUES.search(clause) or not PAST_CUES.search(clause):
            continue
        month, part = _part_of_year_month(text[max(0, match.start() - 40) : match.start()])
        floor = date(year, month, 1)
        if floor <= today:
            add(floor, sentence, f"{part} {year}" if part else str(year))
    # Only the latest floor says anything the earlier ones do not.
    return [max(floors, key=lambda pair: pair[0])[1]] if floors else []


def future_year_clues(text: str, bounds: list[int], today: date) -> list[Clue]:
    """The earliest year the text plans for in a plain future ("will open in 2027"): not written after it."""
    ceilings: list[tuple[int, Clue]] = []
    for match, year, start, sentence, clause in _years_led_by(
        text, bounds, _FUTURE_YEAR_AFTER, 16, FIRST_DAY.year, today.year + 50
    ):
        at = match.start() - start - (sentence.rfind(";", 0, match.start() - start) + 1)
        # The future word governs the year: it comes before it in the clause, with no comma between
        # (a comma may open a relative clause of another time: "Turkey, which joined in 1952, will ...").
        lead = clause[:at]
        cues = list(PLAIN_FUTURE.finditer(lead))
        cue = cues[-1] if cues else None
        if cue is None or "," in lead[cue.end() :] or re.search(r"\b(had|was|were|did)\b", lead):
            continue
        ceilings.append(
            (
                year,
                Clue(
                    "future_year",
                    ("future_year", year),
                    sentence.strip(),
                    f"the text plans for {year} in the future tense, so it was written in {year} or before",
                    [(FIRST_DAY, date(year, 12, 31))],
                ),
            )
        )
    return [min(ceilings, key=lambda pair: pair[0])[1]] if ceilings else []


ORDINAL = _ORDINAL
NUMBER_WORDS = _NUMBER_WORDS
ORDINAL_WORDS = _ORDINAL_WORDS


def ordinal_value(word: str) -> int | None:
    """ "15th" -> 15, "seventh" -> 7."""
    word = word.lower()
    return int(word[:-2]) if word[:1].isdigit() else _ORDINAL_WORDS.get(word)


def _span_years(match: re.Match[str]) -> int | None:
    if match["cent"]:
        return 100
    if match["o"]:
        word = match["o"].lower()
        return int(word[:-2]) if word[:1].isdigit() else _ORDINAL_WORDS.get(word)
    word = re.sub(r"\s+", " ", match["n"].lower())
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def span_clues(text: str, bounds: list[int], today: date, reference: date) -> list[Clue]:
    """A span of years counted from the one year its sentence names: "in 2016, seven years ago".

    Its estimate is ``reference`` (the stated day) moved into the year the span ends in."""
    clues: list[Clue] = []
    for anchor in _SPAN_ANCHOR.finditer(text):
        match = _SPAN.search(text, max(0, anchor.start() - 40), anchor.end())
        if match is None:
            continue
        years = _span_years(match)
        if not years:
            continue
        start, end = sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        named = {int(y) for y in YEAR.findall(sentence)}
        if len(named) != 1 or FUTURE_CUES.search(_clause(sentence, match.start() - start)):
            continue
        (origin,) = named
        written = origin + years
        if not FIRST_DAY.year <= written <= today.year + 1:
            continue
        if match["rel"]:
            # A count of whole years from a day of ``origin``: up to half a year either way.
            lower, upper = date(written - 1, 7, 1), date(written + 1, 6, 30)
            what = f"“{match.group(0)}” counted from {origin}"
        else:
            # An anniversary falls in its year; the press writes of it a little before and after.
            lower, upper = date(written, 1, 1) - timedelta(days=90), date(written, 12, 31) + timedelta(days=90)
            what = f"the {match.group(0)} of {origin}"
        clues.append(
            Clue(
                "span",
                ("span", origin, years),
                sentence.strip(),
                f"{what} falls in {written}",
                [(lower, upper)],
                point=add_years(reference, written - reference.year),
                fineness=6,
            )
        )
    return clues


_RELATIVE_YEAR = {"last": 1, "this": 0, "next": -1}
_YEAR_TEXT = r"(?P<year>(?:19[5-9]\d|20\d\d))"
# "last year's 2014 summit" | "in 2014, last year," / "2014 — last year —" | "last year (2014)".
_JOINED_YEARS = re.compile(
    rf"\b(?P<rel1>[Ll]ast|[Tt]his|[Nn]ext) year['’]s\s+{_YEAR_TEXT}\b(?![-–/]\d)"
    rf"|\b{_YEAR_TEXT.replace('year>', 'year2>')}\s*(?:,|\(|—|–|--)\s*(?P<rel2>[Ll]ast|[Tt]his|[Nn]ext) year\b(?!['’]s)"
    rf"|\b(?P<rel3>[Ll]ast|[Tt]his|[Nn]ext) year\s*\(\s*(?:in\s+)?{_YEAR_TEXT.replace('year>', 'year3>')}\s*\)"
)


def joined_year_clues(text: str, bounds: list[int], today: date, reference: date) -> list[Clue]:
    """ "Last year's 2014 summit": the article is from 2015; "next year (2017)": from 2016."""
    clues: list[Clue] = []
    for match in _JOINED_YEARS.finditer(text):
        number = next(n for n in ("1", "2", "3") if match["rel" + n])
        relation = match["rel" + number].lower()
        year = int(match["year" if number == "1" else "year" + number]) + _RELATIVE_YEAR[relation]
        if not FIRST_DAY.year <= year <= today.year:
            continue
        start, end = sentence_at(text, bounds, match.start())
        clues.append(
            Clue(
                "joined_year",
                ("joined_year", year),
                text[start:end].strip(),
                f"“{match.group(0).strip()}” makes the article's own year {year}",
                [(date(year, 1, 1), date(year, 12, 31))],
                point=add_years(reference, year - reference.year),
                fineness=3,
            )
        )
    return clues


_YEARS_ON = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]\s))(?:{_NUMBER}|(?P<a>an?))[\s-]+(?P<unit>years?|decades?)\s+on\s*,\s*(?P<rest>[^.!?\n]*)",
    re.IGNORECASE,
)
_SIMPLE_PAST = re.compile(r"\b(was|were|did|had)\b")


def years_on_clues(text: str, today: date, reference: date) -> list[Clue]:
    """ "Two years on, the two sides still disagree", after a paragraph that names one year (2018): the
    article is from about 2020. Only a sentence that opens with the span and speaks in the present (no
    "was", "were", "did", "had": "Two years on, he was ..." is a story's own later time) counts."""
    clues: list[Clue] = []
    if " on," not in text and " on ," not in text:
        return clues
    for match in _YEARS_ON.finditer(text):
        if _SIMPLE_PAST.search(match["rest"]) or FUTURE_CUES.search(match["rest"]):
            continue
        unit = 10 if match["unit"].lower().startswith("decade") else 1
        count = 1 if match["a"] else _NUMBER_WORDS.get(match["n"].lower())
        if match["n"] and match["n"].isdigit():
            count = int(match["n"])
        if not count:
            continue
        # The text it counts from: the paragraph before and this one up to the span.
        paragraph_start = text.rfind("\n\n", 0, match.start())
        previous = text.rfind("\n\n", 0, max(0, paragraph_start)) if paragraph_start > 0 else -1
        named = {int(y) for y in YEAR.findall(text[previous + 1 if previous >= 0 else 0 : match.start()])}
        if len(named) != 1:
            continue
        (origin,) = named
        written = origin + count * unit
        if not FIRST_DAY.year <= written <= today.year + 1:
            continue
        clues.append(
            Clue(
                "span",
                ("years_on", origin, written),
                text[match.start() : match.end()].strip(),
                f"“{match.group(0).split(',')[0].strip()} on” counted from {origin} (the one year the text "
                f"before it names) falls in {written}",
                [(date(written - 1, 7, 1), date(written + 1, 6, 30))],
                point=add_years(reference, written - reference.year),
                fineness=6,
            )
        )
    return clues


_FOR_YEARS = re.compile(
    rf"\b(?:has|have)\b[^.;]{{0,60}}?\bfor\s+(?:the\s+(?:past|last)\s+)?(?:{_NUMBER}|(?P<a>a))\s+"
    rf"(?P<unit>years|decades?)\b",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(r"\b[Ss]ince\s+(?:early\s+|late\s+|mid-?)?(?P<year>19[5-9]\d|20\d\d)\b(?![-–/]\d)")


def perfect_span_clues(text: str, bounds: list[int], today: date, reference: date) -> list[Clue]:
    """ "The two ports have traded for twelve years, since 2009": a span in the perfect that runs up to
    the time of writing, counted from the year after "since" in its clause: the article is from about 2021."""
    clues: list[Clue] = []
    if "ince " not in text or "for " not in text:
        return clues
    for match in _FOR_YEARS.finditer(text):
        start, end = sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        clause = _clause(sentence, match.start() - start)
        # "for twelve years, since 2009" / "Since 2009, they have ... for twelve years": the year is the
        # span's own start, right after it or opening the clause.
        since = [
            s
            for s in _SINCE_YEAR.finditer(text, match.end(), min(end, match.end() + 20))
            if not text[match.end() : s.start()].strip(" ,(—–")
        ] or [s for s in _SINCE_YEAR.finditer(clause) if not clause[: s.start()].strip()]
        if len(since) != 1 or FUTURE_CUES.search(clause):
            continue
        if match["a"]:
            count = 10 if match["unit"].lower().startswith("decade") else 0
        else:
            word = match["n"].lower()
            count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
            count *= 10 if match["unit"].lower().startswith("decade") else 1
        origin = int(since[0]["year"])
        written = origin + count
        if not count or not FIRST_DAY.year <= written <= today.year + 1:
            continue
        clues.append(
            Clue(
                "span",
                ("perfect_span", origin, count),
                sentence.strip(),
                f"“{match.group(0).strip()}” counted from “{since[0].group(0)}” reaches {written}",
                [(date(written - 1, 7, 1), date(written + 1, 6, 30))],
                point=add_years(reference, written - reference.year),
                fineness=6,
            )
        )
    return clues


# 29 February without its year: "on February 29", "Feb. 29", "29 February", "the 29th of February".
_LEAP_DAY = re.compile(
    r"\b(?:Feb(?:ruary|\.)?\s+29(?:th)?|(?:the\s+)?29(?:th)?\s+(?:of\s+)?Feb(?:ruary|\.)?)\b(?!,?\s*(?:19|20)\d\d)"
)
# How far from a day the press still names it without its year.
_YEARLESS_REACH = timedelta(days=400)


def leap_day_clues(text: str, bounds: list[int], today: date) -> list[Clue]:
    """ "The board met on February 29": a day that only leap years have, named without its year, so the
    article is from the year or so after a leap day (before one, told in the future; either side when the
    clause has no tense)."""
    if "29" not in text:
        return []
    for match in _LEAP_DAY.finditer(text):
        start, end = sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        clause = _clause(sentence, match.start() - start)
        future = bool(PLAIN_FUTURE.search(clause))
        past = bool(PAST_CUES.search(clause)) and not future
        intervals = []
        for year in range(FIRST_DAY.year, today.year + 2):
            if not calendar.isleap(year):
                continue
            day = date(year, 2, 29)
            intervals.append((day if past else day - _YEARLESS_REACH, day if future else day + _YEARLESS_REACH))
        told = "in the past" if past else "in the future" if future else "without a tense"
        return [
            Clue(
                "leap_day",
                ("leap_day", match.group(0).lower()),
                sentence.strip(),
                f"“{match.group(0).strip()}”, named {told} without its year, is a day only leap years have, so "
                f"the text is from the year {'after' if past else 'before' if future else 'around'} one",
                intervals,
                fineness=7,
            )
        ]
    return []
