"""Words of time in English news: months, weekdays, numbers, units, seasons and the regex fragments built
from them.

Month and weekday names are matched case-sensitively (``(?-i:...)``) because the modal verb "may", the verb
"march" and the noun "sun" would otherwise be read as dates; news copy always capitalises real names.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100, "a couple of": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12, "half a": 0, "a half": 0,
}  # fmt: skip

# Quantities that TimeML writes with an X: "several days" is PXD.
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "many", "some", "a number of", "numerous"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
}  # fmt: skip

# A day of the month spoken as an ordinal word: "March eighth", "June twenty-first".
_DAY_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
]  # fmt: skip
SPOKEN_DAYS: dict[str, int] = {word: day for day, word in enumerate(_DAY_ORDINALS, start=1)}
SPOKEN_DAYS |= {f"twenty-{word}": 20 + day for day, word in enumerate(_DAY_ORDINALS[:9], start=1)}
SPOKEN_DAYS |= {"thirtieth": 30, "thirty-first": 31}

# Unit -> (ISO 8601 duration letter, multiplier). Decades and centuries are years in ISO 8601 but TimeML
# writes P1DE / P1CE; we follow TimeML for ``value`` and ISO for ``duration`` via the multiplier.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1), "night": ("D", 1),
    "week": ("W", 1), "fortnight": ("D", 14), "month": ("M", 1), "quarter": ("M", 3), "year": ("Y", 1),
    "decade": ("DE", 1), "century": ("CE", 1), "weekend": ("WE", 1),
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})

SEASONS: dict[str, tuple[str, int]] = {
    # name -> (TimeML code, EDTF season code)
    "spring": ("SP", 21), "summer": ("SU", 22), "autumn": ("FA", 23), "fall": ("FA", 23), "winter": ("WI", 24),
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "midday": "MI",
    "noon": "MI",
}  # fmt: skip


def _alternation(words: list[str]) -> str:
    # Longest first so "September" wins over "Sep".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _capitalised(word: str) -> str:
    return word[0].upper() + word[1:]


_MONTH_WORDS = [_capitalised(m) + ("." if len(m) <= 4 and m not in {"may", "june", "july"} else "") for m in MONTHS]
_MONTH_WORDS += [_capitalised(m) for m in MONTHS if len(m) > 3 or m == "may"]
_MONTH_WORDS += [m.upper() for m in MONTHS if len(m) > 3 or m == "may"]
MONTH = rf"(?-i:{_alternation(sorted(set(_MONTH_WORDS)))})(?![A-Za-z])"

_WEEKDAY_WORDS = [_capitalised(w) for w in WEEKDAYS if len(w) > 4]
_WEEKDAY_WORDS += [_capitalised(w) + "." for w in WEEKDAYS if len(w) <= 5 and not w.endswith("day")]
WEEKDAY = rf"(?-i:{_alternation(sorted(set(_WEEKDAY_WORDS)))})(?![A-Za-z])"

_NUMBER_WORDS = [w for w in NUMBERS if w not in {"half a", "a half"}] + sorted(VAGUE_NUMBERS)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = rf"(?:\d+(?:\.\d+)?|(?:{_TENS})[- ](?:{_UNITS_WORDS})|(?:{_alternation(_NUMBER_WORDS)}))"
UNIT = rf"(?:{_alternation(list(UNITS))})"
UNIT_PLURAL = rf"(?:{_alternation(list(UNITS))}|centuries)s?"
SEASON = rf"(?:{_alternation(list(SEASONS))})"
PART_OF_DAY = rf"(?:{_alternation(list(PARTS_OF_DAY))})"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
SPOKEN_DAY = "(?:" + "|".join(sorted((w.replace("-", "[- ]") for w in SPOKEN_DAYS), key=len, reverse=True)) + ")"


def month_number(word: str) -> int:
    """The month a name stands for: "Aug." -> 8."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """Monday = 0, as :meth:`datetime.date.weekday` counts."""
    return WEEKDAYS[word.lower().rstrip(".")]


def number_value(word: str) -> int | None:
    """The integer a number word or numeral stands for; None for vague quantities ("several")."""
    text = re.sub(r"\s+", " ", word.lower().strip())
    if text in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return None
    if text in NUMBERS:
        return NUMBERS[text]
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def unit_name(word: str) -> str:
    """Singular unit name: "centuries" -> "century", "days" -> "day"."""
    text = word.lower()
    if text == "centuries":
        return "century"
    return text[:-1] if text.endswith("s") and text[:-1] in UNITS else text
