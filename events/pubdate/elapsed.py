"""Clues from time counted since an event the tracker knows: "the third anniversary of the invasion",
"four years into the war", "the war, now in its second year", "the uprising, which began on 9 May".

A known event (a reference event of the facts, or one the tracker published) whose title names it with a
noun of its own kind ("war", "invasion", "uprising", "coup", ...) is found in a sentence that uses that noun
and names one of its parties (a state, or a word made from its name: "Ruritanian"); the sentence, or else
the article, must point to exactly one such event. Then:

* "the Nth anniversary of the <noun>": the article is from about N years after its start (a season
  either side);
* "N years/months/days into the <noun>", "N years since/after the <noun> began", "the N-year-old <noun>",
  "(more than) N months of <noun>": about that long after its start (past the count and short of the next
  for "more than"; short of it for "nearly");
* "the <noun>, now in its Nth year/month/day": within that year (month, day) of it;
* "the <noun> began/broke out/erupted (on) <day> <Month>", "since <Month>", "invaded ... on <Month> <day>"
  (an invasion) with no year: within the
  year after its start (the press leaves the year out only then), and only when the day or month is the
  event's own.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from events.pubdate.clue import MONTHS, Clue, add_months, add_years, sentence_at
from events.pubdate.facts import Facts, KnownEvent, name_key
from events.pubdate.text_clues import NUMBER_WORDS, ORDINAL_WORDS

# Nouns that name an event by its kind and that time can be counted from.
KIND_NOUNS = (
    "war",
    "invasion",
    "conflict",
    "uprising",
    "revolution",
    "coup",
    "occupation",
    "intervention",
    "offensive",
    "blockade",
    "siege",
    "insurgency",
    "pandemic",
    "outbreak",
    "crisis",
)
_KIND = r"(?P<noun>(?i:" + "|".join(KIND_NOUNS) + r"))"
_NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_ORD = r"(?P<o>\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>years?|months?|weeks?|days?)"
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_BEFORE_NOUN = r"(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}?"
_ANNIVERSARY = re.compile(rf"\b{_ORD}[\s-]+anniversary\s+of\s+{_BEFORE_NOUN}{_KIND}\b", re.I)
_INTO = re.compile(
    rf"\b{_NUM}[\s-]+{_UNIT}\s+(?:into\s+{_BEFORE_NOUN}{_KIND}\b|"
    rf"since\s+the\s+(?:start|outbreak|beginning)\s+of\s+{_BEFORE_NOUN}{_KIND.replace('noun>', 'noun2>')}\b|"
    rf"since\s+{_BEFORE_NOUN}{_KIND.replace('noun>', 'noun3>')}\s+(?:began|started|broke\s+out|erupted))",
    re.I,
)
# "almost 20 months of war", "two years of conflict": the span from the event's start to the writing.
_OF = re.compile(
    rf"\b(?:(?P<q>more\s+than|over|nearly|almost|close\s+to)\s+)?{_NUM}[\s-]+{_UNIT}\s+of\s+"
    rf"(?:the\s+|its\s+)?(?:[a-z]+\s+)?{_KIND}\b",
    re.I,
)
_OLD = re.compile(rf"\b{_NUM}-{_UNIT.replace('s?', '')}-old\s+(?:\w+\s+){{0,2}}?{_KIND}\b", re.I)
_IN_ITS = re.compile(rf"\b{_KIND}\b[^.;]{{0,40}}?\bin\s+its\s+{_ORD}\s+{_UNIT}\b", re.I)
_BEGAN = re.compile(
    rf"\b{_KIND}\b[^.;]{{0,60}}?\b(?:began|started|broke\s+out|erupted|was\s+launched|launched|"
    rf"has\s+raged|has\s+lasted)\s+(?:on\s+|in\s+|since\s+)?"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTH_NAMES})\b|(?P<month2>{_MONTH_NAMES})\.?"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?\b)",
)
# "Begun on 9 May, the civil war ..." / "Since March, the conflict has ...": the date first.
_BEGAN_FIRST = re.compile(
    rf"\b(?:[Bb]egun|[Ss]tarted|[Ll]aunched|[Ss]ince)\s+(?:on\s+|in\s+)?"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTH_NAMES})\b|(?P<month2>{_MONTH_NAMES})\.?"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?\b)\s*,\s+(?:the|this|a)\s+(?:\w+\s+){{0,2}}?{_KIND}\b",
)
# "since Ostland invaded Zembla on May 3": the verb of an invasion, with its day and no year.
_INVADED = re.compile(
    rf"\b(?P<noun>invaded)\b[^.;]{{0,40}}?\b(?:on|in)\s+"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTH_NAMES})\b|(?P<month2>{_MONTH_NAMES})\.?"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?\b)"
)
_NOUN_OF_VERB = {"invaded": "invasion"}
# A story's own later time, not the writer's: "three years into the war, he was wounded".
_NARRATIVE_PAST = re.compile(
    r"\b(?:was|were|had|did|took|began|came|went|made|said|saw|won|lost|fell|rose|met|held|left|led|became|"
    r"fought|sent|told|brought|built|struck|shot|found|gave|got|grew|kept|knew|ran|wrote|broke|drove|flew|"
    r"stood|spoke|threw)\b|(?<!has )(?<!have )(?<!been )(?<!be )(?<!is )(?<!are )\b\w{3,}ed\b"
)
_YEAR_AFTER = re.compile(r",?\s*(?:of\s+)?(?:19|20)\d\d\b")
_UNIT_DAYS = {"year": 365, "month": 30, "week": 7, "day": 1}


@dataclass(frozen=True)
class _Counted:
    event: KnownEvent
    nouns: frozenset[str]
    parties: re.Pattern[str]


def _party_pattern(actors: Sequence[str], facts: Facts) -> re.Pattern[str] | None:
    """A party's names: its holder's names when the facts know the state, else its name and the words made
    from it ("Ruritania" -> "Ruritanian"; "Zembla" -> "Zemblan"; "Ostland" -> "Ostlandese", "Ostlandi")."""
    forms: set[str] = set()
    holders = {name_key(n): h for h in facts.holders for n in (h.name, *h.names)}
    for actor in actors:
        holder = holders.get(name_key(actor))
        if holder is not None:
            forms.update(n for n in holder.names if len(n) > 3 and not n.isupper())
            continue
        forms.add(actor)
        stem = actor[:-1] if actor[-1:] in "aey" else actor
        forms.update({actor + "n", actor + "an", actor + "ese", actor + "i", stem + "ian", stem + "an"})
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")s?\b")


def _counted_events(events: Sequence[KnownEvent], facts: Facts) -> list[_Counted]:
    cache = facts._index.setdefault("elapsed", {})
    assert isinstance(cache, dict)
    found = []
    for event in events:
        if event not in cache:
            nouns = frozenset(w for w in re.findall(r"[a-z]+", event.title.lower()) if w in KIND_NOUNS)
            pattern = _party_pattern(event.actors, facts) if nouns else None
            cache[event] = _Counted(event, nouns, pattern) if pattern is not None else None
        if cache[event] is not None:
            found.append(cache[event])
    return found


def _count(match: re.Match[str]) -> int | None:
    word = (match.groupdict().get("n") or match.groupdict().get("o") or "").lower()
    if word[:1].isdigit():
        return int(re.sub(r"\D", "", word))
    return NUMBER_WORDS.get(word, ORDINAL_WORDS.get(word))


def _unit(match: re.Match[str]) -> str:
    return match["unit"].lower().rstrip("s")


def _after(start: date, amount: int, unit: str) -> date:
    if unit == "year":
        return add_years(start, amount)
    if unit == "month":
        return add_months(start, amount)
    return start + timedelta(days=amount * _UNIT_DAYS[unit])


def _which(
    counted: Sequence[_Counted], match: re.Match[str], sentence: str, text: str, month: int = 0, day: int = 0
) -> _Counted | None:
    """The one known event of the noun ``match`` names (begun in ``month``, near ``day``, when given) whose
    party the sentence names (else the article names). A word before the noun that some of their titles
    share ("civil war") keeps those."""
    group = next(g for g in ("noun", "noun2", "noun3") if match.groupdict().get(g))
    noun = _NOUN_OF_VERB.get(match[group].lower(), match[group].lower())
    of_noun = [
        c
        for c in counted
        if noun in c.nouns
        and (not month or c.event.start.month == month)
        and (not day or abs(c.event.start.day - day) <= 1)
    ]
    before = re.findall(r"[a-z]+", match.string[max(0, match.start(group) - 30) : match.start(group)].lower())
    if before and before[-1] not in ("the", "its", "their", "this", "a"):
        modified = [c for c in of_noun if re.search(rf"\b{re.escape(before[-1])}\s+{noun}\b", c.event.title.lower())]
        of_noun = modified or of_noun
    for where in (sentence, text):
        named = [c for c in of_noun if c.parties.search(where)]
        if len(named) == 1:
            return named[0]
        if named:
            return None
    return None


_PATTERN_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _ANNIVERSARY: ("anniversary",),
    _INTO: (" into ", "since"),
    _OLD: ("-old",),
    _OF: (" of ",),
    _IN_ITS: ("in its",),
    _BEGAN: ("began", "started", "broke", "erupted", "launched", "raged", "lasted"),
    _BEGAN_FIRST: ("begun", "started", "launched", "since"),
    _INVADED: ("invaded",),
}


def _noun_positions(lowered: str) -> list[int]:
    """Where a noun of a kind (or "invaded") stands as a word (str.find: a regex of them costs ten times more)."""
    found = []
    for noun in (*KIND_NOUNS, *_NOUN_OF_VERB):
        at = lowered.find(noun)
        while at >= 0:
            end = at + len(noun)
            if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                found.append(at)
            at = lowered.find(noun, end)
    return sorted(found)


def _around_nouns(pattern: re.Pattern[str], text: str, lowered: str, nouns: list[int]) -> list[re.Match[str]]:
    """The matches of ``pattern`` that hold a noun of a kind (at ``nouns``): tried in a window around each
    noun that has the pattern's own word, as searching the whole text from every position costs more than
    the rest of the check."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    words = _PATTERN_WORDS[pattern]
    for at in nouns:
        lower, upper = max(0, at - 100), min(len(text), at + 130)
        window = lowered[lower:upper]
        if not any(word in window for word in words):
            continue
        for match in pattern.finditer(text, lower, upper):
            if match.start() <= at < match.end():
                found.setdefault(match.span(), match)
    return [found[span] for span in sorted(found)]


def elapsed_clues(text: str, bounds: list[int], known: Sequence[KnownEvent], facts: Facts) -> list[Clue]:
    """Clues from time counted since a known event's start (see the module's docstring)."""
    lowered = text.lower()
    nouns = _noun_positions(lowered)
    if not nouns:
        return []
    counted = _counted_events(known, facts)
    if not counted:
        return []
    clues: dict[tuple[object, ...], Clue] = {}

    def add(match: re.Match[str], lower: date, upper: date, point: date, what: str, event: KnownEvent) -> None:
        start, end = sentence_at(text, bounds, match.start())
        key = ("elapsed", event.title, match.group(0).lower())
        clues.setdefault(
            key,
            Clue(
                "elapsed",
                key,
                text[start:end].strip(),
                f"{event.title}: {event.start.isoformat()}; “{match.group(0).strip()}” is {what}",
                [(lower, upper)],
                point=point,
                fineness=5,
            ),
        )

    for pattern in (_ANNIVERSARY, _INTO, _OF, _OLD, _IN_ITS):
        for match in _around_nouns(pattern, text, lowered, nouns):
            start, end = sentence_at(text, bounds, match.start())
            sentence = text[start:end]
            amount = _count(match)
            if pattern is not _ANNIVERSARY and _NARRATIVE_PAST.search(text[match.end() : end]):
                continue
            chosen = _which(counted, match, sentence, text)
            if chosen is None or not amount:
                continue
            begun = chosen.event.start
            if pattern is _ANNIVERSARY:
                day = add_years(begun, amount)
                season = timedelta(days=120)
                add(match, day - season, day + season, day, day.isoformat(), chosen.event)
                continue
            unit = _unit(match)
            # The press rounds a count ("the five-year-old war" a few weeks before its fifth year):
            # three quarters of a unit either side of the count's day.
            slack = {"year": 270, "month": 22, "week": 5, "day": 1}[unit]
            day = _after(begun, amount - 1 if pattern is _IN_ITS else amount, unit)
            if pattern is _IN_ITS:  # in that year (month, day) of it; its count may start from another day
                lower, upper = (
                    day - timedelta(days=slack * 2 // 3),
                    _after(begun, amount, unit) + timedelta(days=slack * 2 // 3),
                )
            elif pattern is _OF and match["q"]:
                # "More than 15 months": past the count, short of the next; "nearly 15": short of it.
                over = match["q"].lower() in ("more than", "over")
                lower = day - timedelta(days=slack // 3) if over else _after(begun, amount - 1, unit)
                upper = _after(begun, amount + 1, unit) if over else day + timedelta(days=slack // 3)
            else:
                lower, upper = day - timedelta(days=slack), day + timedelta(days=slack)
            point = lower + (upper - lower) // 2
            add(match, lower, upper, point, f"from {lower.isoformat()} to {upper.isoformat()}", chosen.event)
    for pattern in (_BEGAN, _BEGAN_FIRST, _INVADED):
        for match in _around_nouns(pattern, text, lowered, nouns):
            if _YEAR_AFTER.match(text, match.end()):
                continue  # a full date: absolute, it says nothing of the article's year
            start, end = sentence_at(text, bounds, match.start())
            month = MONTHS[(match["month1"] or match["month2"]).lower()]
            day_text = match["day1"] or match["day2"]
            # Only an event begun on that day (that month) is the one the sentence dates.
            chosen = _which(counted, match, text[start:end], text, month, int(day_text or 0))
            if chosen is None:
                continue
            begun = chosen.event.start
            last = add_years(begun, 1) - timedelta(days=1)
            written = f"{calendar.month_name[month]}{' ' + day_text if day_text else ''}"
            what = f"{written} without a year: within the year after it"
            add(match, begun, last, begun + timedelta(days=182), what, chosen.event)
    return list(clues.values())
