"""A person's stated age dates the article: "Minister Ana Ruiz, 64, said ..." was written in the year after
her 64th birthday.

The birth dates are those of the officeholders of the facts, in ``events/facts/births.csv`` (source:
Wikidata, date of birth P569; written by hand, only the dates the author was sure of). The press writes
an age in apposition right after the name ("Ana Ruiz, 64,", "Ana Ruiz (64)", "Ana Ruiz, aged 64,"). Only
a name written in full counts: a surname alone may be a relative's ("Ruiz, 91," of her father). A
sentence with a year in it, or one that tells of another time ("when", "then", "at the time",
"former"), may give the age of then, so it says nothing.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Mapping
from datetime import date, timedelta

from events.pubdate.clue import YEAR, Clue, add_years, sentence_at
from events.pubdate.facts import FACTS_DIR, name_key

# Press ages lag a birthday by a few days (a profile written the week before), and lead one the same.
AGE_GRACE = timedelta(days=14)
_NAME = r"(?P<name>(?:[A-Z][\w'’.-]*[ \t]+|(?:de|da|dos|von|der|van|le|bin)[ \t]+){0,4}[A-Z][\w'’-]*)"
_AGE = re.compile(
    rf"{_NAME}(?:,[ \t]+(?:aged[ \t]+)?(?P<age>\d{{2,3}})(?=,)|[ \t]+\((?:aged[ \t]+)?(?P<age2>\d{{2,3}})\))"
)
_OTHER_TIME = re.compile(r"\b(when|then|at the time|former|ex-|late|as a|until|born)\b", re.IGNORECASE)


@functools.cache
def births() -> Mapping[str, tuple[str, date]]:
    """name key of each person of ``births.csv`` -> (the name as written there, the birth date)."""
    with (FACTS_DIR / "births.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {name_key(row["person"]): (row["person"], date.fromisoformat(row["born"])) for row in rows}


def _person(name: str, born: Mapping[str, tuple[str, date]]) -> tuple[str, date] | None:
    """The person of the file the words before the age end with, named in full ("Minister Ana Ruiz")."""
    words = name.split()
    for size in range(min(len(words), 5), 1, -1):
        found = born.get(name_key(" ".join(words[-size:])))
        if found is not None:
            return found
    return None


def age_clues(text: str, bounds: list[int], born: Mapping[str, tuple[str, date]] | None = None) -> list[Clue]:
    """One clue per person and age the text states: the year after that birthday (a fortnight either side)."""
    if not re.search(r",[ \t]+(?:aged[ \t]+)?\d{2,3},|\(\s*(?:aged[ \t]+)?\d{2,3}\)", text):
        return []
    born = births() if born is None else born
    clues: dict[tuple[object, ...], Clue] = {}
    for match in _AGE.finditer(text):
        age = int(match["age"] or match["age2"])
        if not 18 <= age <= 110:
            continue
        found = _person(match["name"], born)
        if found is None:
            continue
        start, end = sentence_at(text, bounds, match.start())
        if YEAR.search(text[start:end]) or _OTHER_TIME.search(text[start : match.end()]):
            continue
        person, day = found
        lower, upper = add_years(day, age), add_years(day, age + 1) - timedelta(days=1)
        key = ("age", person, age)
        clues.setdefault(
            key,
            Clue(
                "age",
                key,
                match.group(0).strip(),
                f"{person} was born on {day.isoformat()}, so was {age} from {lower.isoformat()} to {upper.isoformat()}",
                [(lower - AGE_GRACE, upper + AGE_GRACE)],
            ),
        )
    return list(clues.values())
