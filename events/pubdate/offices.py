"""Office-aware actors: "the U.S. secretary of state" or "China's foreign minister" named without a name
is the person who held that office on the event's date (from the facts' terms)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from events.pubdate.facts import Facts, Office, Term


@dataclass(frozen=True)
class OfficeHolder:
    person: str
    office: str  # the office's name: "United States Secretary of State"
    start: int  # offsets of the words that named the office, in the sentence
    end: int


@dataclass(frozen=True)
class _OfficeTables:
    pattern: re.Pattern[str]
    by_title: dict[str, list[Office]]
    holder_names: dict[str, tuple[str, ...]]
    terms: dict[str, list[Term]]


def _tables(facts: Facts) -> _OfficeTables:
    cached = facts._index.get("offices")
    if isinstance(cached, _OfficeTables):
        return cached
    by_title: dict[str, list[Office]] = {}
    for office in facts.offices:
        for title in office.titles:
            by_title.setdefault(title.lower(), []).append(office)
    names = sorted({n for h in facts.holders for n in h.names}, key=len, reverse=True)
    titles = sorted(by_title, key=len, reverse=True)
    # "[the] <state>['s] <title>" and "the <title>", not followed by a capitalised name (then the
    # extractor has the person already).
    pattern = re.compile(
        r"(?:\b(?P<state>" + "|".join(re.escape(n) for n in names) + r")(?:['’]s)?\s+|\bthe\s+)"
        r"(?P<title>(?i:" + "|".join(re.escape(t) for t in titles) + r"))\b(?!\s+[A-Z][a-z])"
    )
    terms: dict[str, list[Term]] = {}
    for term in facts.terms:
        terms.setdefault(term.office, []).append(term)
    tables = _OfficeTables(pattern, by_title, {h.key: h.names for h in facts.holders}, terms)
    facts._index["offices"] = tables
    return tables


def office_holders_in(sentence: str, lower: date, upper: date, facts: Facts) -> list[OfficeHolder]:
    """The people ``sentence`` names by office alone, as held on every day from ``lower`` to ``upper``.

    The state must be named ("China's foreign minister") unless only one office has the title ("the
    secretary of state"); an office that changed hands between ``lower`` and ``upper`` names no one.
    """
    tables = _tables(facts)
    found = []
    for match in tables.pattern.finditer(sentence):
        offices = tables.by_title.get(match["title"].lower(), [])
        state = match["state"]
        if state:
            offices = [o for o in offices if state in tables.holder_names.get(o.holder, ())]
        elif len(offices) != 1 or match["title"][:1].isupper():
            continue  # "the president": of which state? ("the President" starts a name, or a title of the text)
        if len(offices) != 1:
            continue
        office = offices[0]
        holders = [t for t in tables.terms.get(office.key, []) if t.start <= lower and (t.end is None or upper < t.end)]
        if len(holders) == 1:
            found.append(OfficeHolder(holders[0].person, office.name, match.start(), match.end()))
    return found
