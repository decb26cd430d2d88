"""The date check: does the stated publication date fit what the text implies? If not, which date does?

Every clue the text gives is turned into the set of publication dates it allows ("Foreign Minister Qin
Gang" allows the days Qin Gang held that office; "the G20 in New Delhi in September", read as the
extractor read it, allows the year before that summit; "Bill Gates on Friday", matched with the known
meeting of 16 June 2023, allows the week around it). Each day from 2000 to the reference date scores
the clues it fits. The stated date is **doubtful** when some other day fits strictly more clues; the
days that fit the most (the run nearest the clues' own estimates) are the suggestion.

A clue comes from five kinds of evidence:

* an officeholder named with the office ("Secretary of State Antony Blinken", "President Biden");
* a recurring gathering named with its host or month, as the extractor dated it;
* an event the tracker knows, matched by type and actors, as the extractor dated it (one the tracker
  published itself also by the place the sentence names, and only when no other published event fits);
* an explicit past year ("in 2016": the article is not older than 2016; "in late 2016": not older than
  its September), or 29 February named without its year (the year or so after a leap day);
* a weekday given with a date ("Thursday, May 14"; "yesterday (Friday)"), the part of a named day
  told in the past ("summoned the envoy early on Thursday": the article is from about that Thursday), or
  the weekday of the lead's reporting verb ("..., the ministry said on Monday.": that Monday or just after).

Relative expressions keep their distance to the publication date when the date moves: "on Friday" read
from a Sunday is two days back, so a known Friday two days back says which Sunday the article is from,
and "in September" read one year too late says the article is one year too late. Absolute expressions
("since 2006", "Sept. 9, 2023") never move and say nothing about the publication date here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import numpy as np

from events.pubdate.ages import age_clues
from events.pubdate.clue import (
    FAR as _FAR,
)
from events.pubdate.clue import (
    FIRST_DAY,
)
from events.pubdate.clue import (
    MONTH_WORD as _MONTH_WORD,
)
from events.pubdate.clue import (
    MONTHS as _MONTHS,
)
from events.pubdate.clue import (
    SENTENCE_END as _SENTENCE_END,
)
from events.pubdate.clue import (
    WEEKDAYS as _WEEKDAYS,
)
from events.pubdate.clue import (
    YEAR as _YEAR,
)
from events.pubdate.clue import (
    Clue as _Clue,
)
from events.pubdate.clue import (
    add_months as _add_months,
)
from events.pubdate.clue import (
    add_years as _add_years,
)
from events.pubdate.clue import (
    ascii_fold as _ascii,
)
from events.pubdate.clue import (
    sentence_at as _sentence_at,
)
from events.pubdate.elapsed import elapsed_clues
from events.pubdate.facts import Facts, Gathering, KnownEvent, Office, Term, name_key
from events.pubdate.resolutions import resolution_clues
from events.pubdate.sources import StatedDate, agreeing, disagreement, fact_of, span_of, stated_dates
from events.pubdate.text_clues import (
    ORDINAL,
    future_year_clues,
    joined_year_clues,
    leap_day_clues,
    ordinal_value,
    past_year_clues,
    perfect_span_clues,
    span_clues,
    years_on_clues,
)
from events.pubdate.text_clues import (
    PLAIN_FUTURE as _PLAIN_FUTURE,
)
from events.pubdate.weekdays import weekday_clues

Verdict = Literal["ok", "doubtful", "corrected"]

# Officeholders keep their title for some days in the press around a handover ("outgoing", a wire
# story written the day before the swearing-in), so a term allows a little either side.
TERM_GRACE = timedelta(days=10)
# How close to the edge of the dates the clues allow a suggested day counts as at the edge.
EDGE_MARGIN = timedelta(days=31)
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)

# Words before a title that put its holder in the past or the future: "former", "the late", "then-". The
# word's reach ends at a sentence's or clause's end; the point of an initial or a dotted abbreviation
# ("J. P.", "U.S.": one capital letter before it) ends nothing.
_NOT_CURRENT = re.compile(
    r"\b(former|ex|then|late|onetime|one-time|previous|predecessor|future|incoming|would-be|under|since|"
    r"administrations?|era|when|whose|of then)\b(?:[^.;]|(?<=\b(?-i:[A-Z]))\.)*$",
    re.IGNORECASE,
)
# "Under" puts a holder in the past when its object is a person or a government ("under President Ruiz",
# "under the Varga administration", "under the old regime"); "under the treaty, ..." is a rule or a deal,
# and a comma closes it.
_UNDER_THING = re.compile(r"\bunder\s+(?:[a-z][\w'’-]*\s+){0,4}[a-z][\w'’-]*\s*,", re.IGNORECASE)


def _not_current(before: str) -> bool:
    """Whether a word before a title puts its holder in another time than the article's."""
    at = 0
    while (match := _NOT_CURRENT.search(before, at)) is not None:
        if match.group(1).lower() != "under" or not (
            _UNDER_THING.match(before, match.start()) and _lower_phrase(before, match.start())
        ):
            return True
        at = match.end(1)
    return False


_GOVERNMENT = re.compile(
    r"\b(government|administration|regime|rule|presidency|premiership|leadership|tenure|watch|junta|cabinet)s?\b",
    re.IGNORECASE,
)


def _lower_phrase(before: str, at: int) -> bool:
    """The words after "under" up to its comma are in lower case (no name, no title) and name no government."""
    phrase = before[at : before.find(",", at)]
    return not any(word[:1].isupper() for word in phrase.split()[1:]) and not _GOVERNMENT.search(phrase)


# A sentence that tells how someone left or came to office speaks of another time than the article's.
_HANDOVER = re.compile(
    r"\b(died|death|dead|funeral|succeeded|successor|predecessor|took power|ascension|assassinated|resigned|"
    r"ousted|toppled|impeached|stepped down|was elected|were elected)\b",
    re.IGNORECASE,
)
_ELECT = re.compile(r"^\s*-?\s*(elect|designate|nominee)\b", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*|de|da|dos|von|der|van|le|al-\w+|bin|el-\w+")
_PARTICLES = {"de", "da", "dos", "von", "der", "van", "le", "bin"}
_MEETING_TYPES = {"meeting", "talks", "summit"}
_STOP_WORDS = {"the", "and", "with", "from", "after", "over", "their", "first", "near", "meets", "holds", "hold"}


@dataclass(frozen=True)
class DatedMention:
    """One dated event as the extractor read it: its sentence, time expression and resolved bounds."""

    quote: str
    time_text: str
    lower: date
    upper: date
    precision: str | None
    event_type: str
    actors: tuple[str, ...] = ()
    place: str = ""


@dataclass(frozen=True)
class Reason:
    """Why the stated date is in doubt, as a sentence an editor can check against the text and the fact."""

    kind: str  # office, gathering, known_event, year, weekday
    quote: str
    fact: str
    sentence: str
    fits_from: date
    fits_to: date

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["fits_from"], data["fits_to"] = self.fits_from.isoformat(), self.fits_to.isoformat()
        return data


@dataclass(frozen=True)
class DateCheck:
    verdict: Verdict
    stated: date | None
    suggested: date | None = None
    suggested_from: date | None = None
    suggested_to: date | None = None
    reasons: tuple[Reason, ...] = ()
    clues: int = 0
    # How many clues the stated date fits, and how many the suggestion fits.
    stated_fits: int = 0
    suggested_fits: int = 0

    def to_dict(self) -> dict[str, Any]:
        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "verdict": self.verdict,
            "stated": iso(self.stated),
            "suggested": iso(self.suggested),
            "suggested_from": iso(self.suggested_from),
            "suggested_to": iso(self.suggested_to),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "clues": self.clues,
            "stated_fits": self.stated_fits,
            "suggested_fits": self.suggested_fits,
        }


# --- indexes over the facts (built once per Facts object) -----------------------------------------


@dataclass
class _Index:
    offices: dict[str, Office]
    terms_by_name: dict[str, list[Term]]
    terms_by_surname: dict[str, list[Term]]
    title_pattern: re.Pattern[str] | None
    holder_names: dict[str, tuple[str, ...]]
    holder_name_pattern: dict[str, re.Pattern[str]]
    series_patterns: dict[str, re.Pattern[str]]
    gatherings_by_series: dict[str, list[Gathering]]
    city_patterns: dict[str, re.Pattern[str]]
    name_to_holder: dict[str, str]
    term_starts: tuple[KnownEvent, ...]
    prepared: dict[KnownEvent, _PreparedEvent] = field(default_factory=dict)
    # The keys of the states' own names ("United States"; not their seats or adjectives).
    state_names: frozenset[str] = frozenset()


def _word_pattern(names: Iterable[str], *, ignore_case: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![a-z])", re.IGNORECASE if ignore_case else 0)


def _city_pattern(city: str) -> re.Pattern[str]:
    forms = {_ascii(city)}
    if city.startswith("Saint "):
        forms.add("St. " + city.removeprefix("Saint "))
        forms.add("St " + city.removeprefix("Saint "))
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.IGNORECASE)


def _index(facts: Facts) -> _Index:
    cached = facts._index.get("index")
    if isinstance(cached, _Index):
        return cached
    by_name: dict[str, list[Term]] = {}
    by_surname: dict[str, list[Term]] = {}
    for term in facts.terms:
        by_name.setdefault(name_key(" ".join(_name_tokens(term.person))), []).append(term)
        by_surname.setdefault(name_key(term.surname), []).append(term)
    # The titles the press writes before a name, and the office's own name ("President of the United
    # States Barack Obama", "Prime Minister of India Narendra Modi").
    titles = {title for office in facts.offices for title in (*office.titles, office.name) if title[:1].isupper()}
    title_pattern = (
        re.compile(
            r"(?<![\w-])(?P<title>" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) + r")"
            r"\s+(?P<name>(?:(?:[A-Z][\w'’.-]*|de|da|dos|von|der|van|le|al-\w+|bin)[ \t]+){0,4}[A-Z][\w'’.-]*)"
        )
        if titles
        else None
    )
    holder_names = {h.key: h.names for h in facts.holders}
    series_patterns = {}
    for series in facts.series:
        upper = [n for n in series.names if n.isupper() or re.fullmatch(r"[A-Z0-9-]+", n)]
        other = [n for n in series.names if n not in upper]
        parts = []
        if upper:
            parts.append(_word_pattern(upper, ignore_case=False).pattern)
        if other:
            parts.append("(?i:" + _word_pattern(other, ignore_case=False).pattern + ")")
        series_patterns[series.key] = re.compile("|".join(parts))
    gatherings: dict[str, list[Gathering]] = {}
    for gathering in facts.gatherings:
        gatherings.setdefault(gathering.series, []).append(gathering)
    name_to_holder = {name_key(n): h.key for h in facts.holders for n in (*h.names, h.name)}
    offices = {o.key: o for o in facts.offices}
    index = _Index(
        offices=offices,
        terms_by_name=by_name,
        terms_by_surname=by_surname,
        title_pattern=title_pattern,
        holder_names=holder_names,
        holder_name_pattern={k: _word_pattern(v, ignore_case=False) for k, v in holder_names.items() if v},
        series_patterns=series_patterns,
        gatherings_by_series=gatherings,
        city_patterns={g.city: _city_pattern(g.city) for g in facts.gatherings},
        name_to_holder=name_to_holder,
        # Each term's first day is a known event: "Omar, who took power in January" dates the article.
        term_starts=tuple(
            KnownEvent(
                t.start, t.start, "inauguration", f"{t.person} took office as {offices[t.office].name}", (t.person,)
            )
            for t in facts.terms
            if t.start >= FIRST_DAY and t.office in offices
        ),
        state_names=frozenset(name_key(h.name) for h in facts.holders),
    )
    facts._index["index"] = index
    return index


# --- clues from officeholders ----------------------------------------------------------------------


def _name_tokens(raw: str) -> list[str]:
    """The words of a name as written after a title, without a possessive or an initial ("Rex W. Tillerson")."""
    tokens = []
    for token in raw.split():
        token = re.sub(r"(['’]s|['’])$", "", token).rstrip(",;:)")
        if re.fullmatch(r"[A-Z]\.?", token):
            continue
        token = token.rstrip(".")
        if not token:
            break
        tokens.append(token)
    return tokens


def _office_clues(text: str, bounds: list[int], index: _Index) -> list[_Clue]:
    if index.title_pattern is None:
        return []
    clues: dict[tuple[object, ...], _Clue] = {}
    for match in index.title_pattern.finditer(text):
        start, end = _sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        # "since", "former", "under" ... reach over a list of names before the title: up to 100 characters back
        # ("since the talks of Ostland's Deputy Premier Vask and Foreign Minister Marchetti").
        before = text[max(start, match.start() - 100) : match.start()]
        if _not_current(before) or _ELECT.match(text[match.end() : match.end() + 12]):
            continue
        if _YEAR.search(sentence) or _HANDOVER.search(sentence):
            continue  # a dated passage may speak of another time ("In 2003, President Bush ...")
        tokens = _name_tokens(match["name"])
        terms, surname_only = _terms_named(tokens, index)
        if not terms:
            continue
        title = match["title"].lower()
        holders_named = {key for key, pattern in index.holder_name_pattern.items() if pattern.search(before[-30:])}
        fitting = [
            t
            for t in terms
            if title in {x.lower() for x in (*index.offices[t.office].titles, index.offices[t.office].name)}
            and (not holders_named or index.offices[t.office].holder in holders_named)
        ]
        if surname_only:
            # "President Lee" alone could be another country's Lee: the text must name the country.
            fitting = [
                t
                for t in fitting
                if (p := index.holder_name_pattern.get(index.offices[t.office].holder)) and p.search(text)
            ]
        if not fitting:
            continue
        key = ("office", title, tuple(sorted({t.person for t in fitting})))
        if key in clues:
            continue
        intervals = [(t.start - TERM_GRACE, (t.end or _FAR) + TERM_GRACE) for t in fitting]
        people = sorted({t.person for t in fitting})
        fact = "; ".join(
            f"{t.person} was {index.offices[t.office].name} from {t.start.isoformat()} "
            + (f"to {t.end.isoformat()}" if t.end else "on")
            for t in sorted(fitting, key=lambda t: t.start)
        )
        clues[key] = _Clue("office", key, match.group(0).strip(), fact, intervals)
        del people
    return list(clues.values())


_NAME = r"(?:(?:[A-Z][\w'’.-]*|de|da|dos|von|der|van|le|al-\w+|bin)[ \t]+){0,4}[A-Z][\w'’-]*"
# How a sentence tells that someone came to office: "who took power in January", "was sworn in in May".
_TOOK_OFFICE = re.compile(
    r"\b(took (?:power|office|the throne)|sworn in|was inaugurated|came to power|assumed (?:office|power)|"
    r"ascended|was elected|became)\b",
    re.IGNORECASE,
)


_FORMER_WORD = re.compile(r"\b(?:[Ff]ormer|FORMER|[Ee]x-)")


@dataclass(frozen=True)
class _HolderPatterns:
    title_any_case: re.Pattern[str]
    name_before: re.Pattern[str]
    owner_before: re.Pattern[str]
    name_after: re.Pattern[str]
    former: re.Pattern[str]
    titles: dict[str, list[Office]]


def _holder_patterns(facts: Facts) -> _HolderPatterns:
    cached = facts._index.get("holder-patterns")
    if isinstance(cached, _HolderPatterns):
        return cached
    titles: dict[str, list[Office]] = {}
    for office in facts.offices:
        for title in office.titles:
            titles.setdefault(title.lower(), []).append(office)
    title_words = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    states = "|".join(re.escape(n) for n in sorted({n for h in facts.holders for n in h.names}, key=len, reverse=True))
    # "Mike Okafor, Nigeria's foreign minister" / "the foreign minister, Mike Okafor," / "his prime
    # minister, Mike Okafor": the title is in the apposition, in any case. Found from the title, then
    # the words either side (searching from every capital would cost more than the rest of the check).
    title_any_case = re.compile(rf"\b(?:{title_words})\b")
    name_before = re.compile(rf"(?P<name>{_NAME}),\s+(?:(?P<state>{states})['’]s|the)\s+$")
    owner_before = re.compile(rf"(?:\b(?P<state>{states})['’]s|\b(?i:the|his|her|its|their))\s+$")
    name_after = re.compile(rf",\s+(?P<name>{_NAME})")
    former = re.compile(
        rf"\b(?i:former|ex-)\s*(?P<mid>(?:[A-Z][\w.'’-]*\s+){{0,2}})(?P<title>(?i:{title_words}))\s+(?P<name>{_NAME})"
    )
    patterns = _HolderPatterns(title_any_case, name_before, owner_before, name_after, former, titles)
    facts._index["holder-patterns"] = patterns
    return patterns


def _fitting_terms(
    index: _Index, title: str, terms: list[Term], states_text: str, offices: dict[str, list[Office]]
) -> list[Term]:
    """The terms of offices called ``title``, of the state ``states_text`` names when it names one."""
    keys = {o.key for o in offices.get(title.lower(), [])}
    named = {key for key, pattern in index.holder_name_pattern.items() if pattern.search(states_text)}
    return [t for t in terms if t.office in keys and (not named or index.offices[t.office].holder in named)]


def _term_fact(terms: Sequence[Term], index: _Index) -> str:
    return "; ".join(
        f"{t.person} was {index.offices[t.office].name} from {t.start.isoformat()} "
        + (f"to {t.end.isoformat()}" if t.end else "on")
        for t in sorted(terms, key=lambda t: t.start)
    )


def _appositive_clues(text: str, bounds: list[int], index: _Index, facts: Facts) -> list[_Clue]:
    """Officeholders named in apposition: "Mike Okafor, Nigeria's foreign minister", "his premier, Ana Ruiz"."""
    patterns = _holder_patterns(facts)
    clues: dict[tuple[object, ...], _Clue] = {}
    lowered = text.lower()
    if len(lowered) != len(text):
        return []  # a letter whose lower case is longer: the offsets would not line up
    for match in patterns.title_any_case.finditer(lowered):
        window = max(0, match.start() - 80)
        before = patterns.name_before.search(text, window, match.start())
        after = None
        if before is not None:
            if re.match(r"[ \t]+[A-Z]", text[match.end() : match.end() + 2]):
                continue  # "..., the Prime Minister Ana Ruiz": a title before a name, read elsewhere
            name, state, quote_start, quote_end = before["name"], before["state"] or "", before.start(), match.end()
        else:
            owner = patterns.owner_before.search(text, window, match.start())
            after = patterns.name_after.match(text, match.end()) if owner is not None else None
            if owner is None or after is None:
                continue
            name, state, quote_start, quote_end = after["name"], owner["state"] or "", owner.start(), after.end()
        title = text[match.start() : match.end()]
        quote = text[quote_start:quote_end]
        start, end = _sentence_at(text, bounds, match.start())
        sentence = text[start:end]
        if _YEAR.search(sentence) or _HANDOVER.search(sentence) or _not_current(quote):
            continue
        if _not_current(text[max(start, quote_start - 40) : quote_start]):
            continue
        terms, surname_only = _terms_named(_name_tokens(name), index)
        if surname_only:
            continue  # a name written alone and in full is the rule in apposition
        fitting = _fitting_terms(index, title, terms, state or sentence, patterns.titles)
        if not fitting:
            continue
        key = ("office", title.lower(), tuple(sorted({t.person for t in fitting})))
        clues.setdefault(
            key,
            _Clue(
                "office",
                key,
                quote.strip(),
                _term_fact(fitting, index),
                [(t.start - TERM_GRACE, (t.end or _FAR) + TERM_GRACE) for t in fitting],
            ),
        )
    return list(clues.values())


def _former_clues(text: str, bounds: list[int], index: _Index, facts: Facts) -> list[_Clue]:
    """ "Former Prime Minister Ana Ruiz": the article is from after a term of hers, not during one."""
    patterns = _holder_patterns(facts)
    clues: dict[tuple[object, ...], _Clue] = {}
    if not _FORMER_WORD.search(text):
        return []
    for match in patterns.former.finditer(text):
        start, _end = _sentence_at(text, bounds, match.start())
        terms, surname_only = _terms_named(_name_tokens(match["name"]), index)
        if surname_only:
            continue
        states_text = text[max(start, match.start() - 30) : match.start()] + match["mid"]
        fitting = sorted(
            _fitting_terms(index, match["title"], terms, states_text, patterns.titles), key=lambda t: t.start
        )
        if not fitting or fitting[0].end is None:
            continue
        # After each term that ended, until the next began: never inside one.
        intervals = [
            (term.end - TERM_GRACE, (following.start if following else _FAR) + TERM_GRACE)
            for term, following in zip(fitting, [*fitting[1:], None], strict=True)
            if term.end is not None
        ]
        key = ("former", match["title"].lower(), tuple(sorted({t.person for t in fitting})))
        clues.setdefault(
            key,
            _Clue(
                "former",
                key,
                match.group(0).strip(),
                _term_fact(fitting, index) + ", so “former” is said after that",
                intervals,
            ),
        )
    return list(clues.values())


def _took_office_clues(text: str, bounds: list[int], index: _Index) -> list[_Clue]:
    """ "King Omar, who took power in January": the year after his term began in that month."""
    if index.title_pattern is None or not _TOOK_OFFICE.search(text):
        return []
    clues: dict[tuple[object, ...], _Clue] = {}
    for match in index.title_pattern.finditer(text):
        start, end = _sentence_at(text, bounds, match.start())
        rest = text[match.end() : end]
        took = _TOOK_OFFICE.search(rest)
        if took is None or _YEAR.search(text[start:end]):
            continue
        month_match = _MONTH_WORD.search(rest, took.end())
        if month_match is None or month_match.start() - took.end() > 20 or not month_match.group(0)[:1].isupper():
            continue
        month = _MONTHS[month_match.group(1).lower()]
        terms, surname_only = _terms_named(_name_tokens(match["name"]), index)
        title = match["title"].lower()
        fitting = [
            t
            for t in terms
            if title in {x.lower() for x in (*index.offices[t.office].titles, index.offices[t.office].name)}
            and t.start.month == month
            and t.start >= FIRST_DAY
        ]
        if surname_only:
            fitting = [
                t
                for t in fitting
                if (p := index.holder_name_pattern.get(index.offices[t.office].holder)) and p.search(text)
            ]
        if not fitting:
            continue
        key = ("took-office", title, tuple(sorted({t.person for t in fitting})), month)
        clues.setdefault(
            key,
            _Clue(
                "took_office",
                key,
                text[match.start() : month_match.end()].strip(),
                "; ".join(f"{t.person} became {index.offices[t.office].name} on {t.start.isoformat()}" for t in fitting)
                + f"; “{month_match.group(0).strip()}” without a year is within the year after",
                [(t.start, t.start + timedelta(days=365)) for t in fitting],
                point=fitting[0].start if len(fitting) == 1 else None,
            ),
        )
    return list(clues.values())


_ORDINAL_BEFORE = re.compile(rf"\b{ORDINAL}\s+(?:annual\s+)?$")
_NUMBER_AFTER = re.compile(r"-?(?P<number>\d{1,2})\b(?![.,]\d)")  # "COP28", "COP-28"; not "BRICS 10 members"


def _numbered_patterns(facts: Facts) -> tuple[re.Pattern[str], dict[str, str]] | None:
    cached = facts._index.get("numbered")
    if isinstance(cached, tuple):
        return cached
    numbered = {g.series for g in facts.gatherings if g.number is not None}
    names = {name.lower(): series.key for series in facts.series if series.key in numbered for name in series.names}
    if not names:
        facts._index["numbered"] = None
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    found = (re.compile(rf"\b(?i:{alternatives})(?![\w-]*[A-Za-z])"), names)
    facts._index["numbered"] = found
    return found


def _numbered_gathering_clues(text: str, bounds: list[int], facts: Facts) -> list[_Clue]:
    """ "The 15th BRICS summit", "COP28": the gathering of that number; the article is from about then
    (within a year either side; a plain future puts it before the gathering)."""
    found = _numbered_patterns(facts)
    if found is None:
        return []
    pattern, names = found
    by_number: dict[tuple[str, int], Gathering] = {
        (g.series, g.number): g for g in facts.gatherings if g.number is not None
    }
    clues: dict[tuple[object, ...], _Clue] = {}
    for name in pattern.finditer(text):
        # "the 15th BRICS summit", "the seventh G20 summit"; or "COP28" / "COP-28".
        series = names[name.group(0).lower()]
        before = _ORDINAL_BEFORE.search(text, max(0, name.start() - 24), name.start())
        after = _NUMBER_AFTER.match(text, name.end()) if name.group(0).isupper() else None
        if before is not None:
            number, quote_start, quote_end = ordinal_value(before["o"]), before.start(), name.end()
        elif after is not None:
            number, quote_start, quote_end = int(after["number"]), name.start(), after.end()
        else:
            continue
        gathering = by_number.get((series, number)) if number is not None else None
        if gathering is None:
            continue
        start, end = _sentence_at(text, bounds, name.start())
        sentence = text[start:end]
        quote = text[quote_start:quote_end].strip()
        year = timedelta(days=365)
        upper = gathering.end if _PLAIN_FUTURE.search(sentence) else gathering.end + year
        key = ("numbered", series, number)
        clues.setdefault(
            key,
            _Clue(
                "gathering",
                key,
                quote,
                f"the {quote} is the {series} summit in {gathering.city}, held "
                f"{_fact_dates(gathering.start, gathering.end)}",
                [(gathering.start - year, upper)],
            ),
        )
    return list(clues.values())


def _terms_named(tokens: list[str], index: _Index) -> tuple[list[Term], bool]:
    for size in range(len(tokens), 0, -1):
        found = index.terms_by_name.get(name_key(" ".join(tokens[:size])))
        if found:
            return found, False
    for size in range(min(3, len(tokens)), 0, -1):
        found = index.terms_by_surname.get(name_key(" ".join(tokens[:size])))
        if found:
            return found, True
    return [], False


# --- clues from what the extractor dated: gatherings and known events ------------------------------


def _annual(mention: DatedMention, k0: date, k1: date, stated: date) -> tuple[tuple[date, date], date] | None:
    """A month or a day named without a year: it keeps its month; the year moves with the article."""
    d0 = mention.lower
    if mention.precision == "month":
        months = {(k0.year, k0.month)}
        day = k0
        while (day.year, day.month) != (k1.year, k1.month):
            day = _add_months(day.replace(day=1), 1)
            months.add((day.year, day.month))
        if d0.month not in {m for _, m in months}:
            return None
        year = next(y for y, m in sorted(months) if m == d0.month)
    else:
        candidates = [k0 + timedelta(days=n) for n in range((k1 - k0).days + 1)]
        # The same day of the year, give or take one (the extractor's day and the fact's may differ by a
        # night); 2000 is a leap year, so 29 February has a place.
        same = [d for d in candidates if abs((d.replace(year=2000) - d0.replace(year=2000)).days) <= 1]
        if not same:
            return None
        year = same[0].year
    years = year - d0.year
    point = _add_years(stated, years)
    past = mention.upper <= stated
    interval = (k0, k0 + timedelta(days=365)) if past else (k1 - timedelta(days=365), k1)
    return interval, point


def _inverse(mention: DatedMention, k0: date, k1: date, stated: date) -> tuple[tuple[date, date], date, int] | None:
    """The publication dates under which ``mention`` would resolve to the known [k0, k1], an estimate, fineness."""
    text = mention.time_text.lower()
    if _YEAR.search(text):
        return None  # absolute: it does not move with the publication date
    d0, d1 = mention.lower, mention.upper
    has_month = bool(_MONTH_WORD.search(text))
    if mention.precision == "day" and _WEEKDAY_WORD.search(text) and not has_month:
        point = stated + (k0 - d0)
        return (point - timedelta(days=3), point + (k1 - k0) + timedelta(days=3)), point, 0
    if mention.precision == "day" and re.search(r"\b(yesterday|today|tonight|this morning)\b", text):
        point = stated + (k0 - d0)
        return (point - timedelta(days=1), point + (k1 - k0) + timedelta(days=1)), point, 0
    if mention.precision == "week" or (mention.precision == "day" and "week" in text):
        point = stated + (k0 - d0)
        return (point - timedelta(days=7), point + (k1 - k0) + timedelta(days=7)), point, 1
    if mention.precision in ("day", "month") and has_month:
        found = _annual(mention, k0, k1, stated)
        if found is None:
            return None
        return found[0], found[1], 2
    if mention.precision == "month" and "month" in text:
        months = (k0.year * 12 + k0.month) - (d0.year * 12 + d0.month)
        point = _add_months(stated, months)
        first = point.replace(day=1)
        last = point.replace(day=calendar.monthrange(point.year, point.month)[1])
        return (first, last + timedelta(days=10)), point, 1
    if mention.precision == "year" and "year" in text:
        years = k0.year - d0.year if not (k0.year <= d0.year <= k1.year or k0.year <= d1.year <= k1.year) else 0
        point = _add_years(stated, years)
        return (date(point.year, 1, 1), date(point.year, 12, 31)), point, 3
    return None


def _fact_dates(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"


_NEAR = 50  # characters between a series' name and its host or its time expression


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def _gathering_clues(mentions: Sequence[DatedMention], stated: date, index: _Index) -> list[_Clue]:
    clues: dict[tuple[object, ...], _Clue] = {}
    for mention in mentions:
        quote = _ascii(mention.quote)
        time_at = mention.quote.find(mention.time_text)
        for series, pattern in index.series_patterns.items():
            for alias in pattern.finditer(mention.quote):
                # The gathering is the one the time expression dates: named close to it, with its host.
                if time_at < 0 or _gap(alias.span(), (time_at, time_at + len(mention.time_text))) > _NEAR:
                    continue
                hosted = [
                    g
                    for g in index.gatherings_by_series.get(series, [])
                    if any(
                        _gap(alias.span(), city.span()) <= _NEAR and not _inside(city.span(), alias.span())
                        for city in index.city_patterns[g.city].finditer(quote)
                    )
                ]
                if hosted:
                    break
            else:
                continue
            intervals, points, described = [], [], []
            for gathering in hosted:
                found = _inverse(mention, gathering.start, gathering.end, stated)
                if found is None:
                    continue
                intervals.append(found[0])
                points.append(found[1])
                described.append(
                    f"the {series} summit in {gathering.city} was held {_fact_dates(gathering.start, gathering.end)}"
                )
            if not intervals:
                continue
            key = ("gathering", series, mention.time_text.lower(), tuple(sorted(described)))
            point = points[0] if len(points) == 1 else None
            clues.setdefault(
                key,
                _Clue(
                    "gathering",
                    key,
                    mention.quote,
                    "; ".join(described)
                    + f"; read from the stated date, “{mention.time_text}” is "
                    + _fact_dates(mention.lower, mention.upper),
                    intervals,
                    point=point,
                    fineness=2,
                ),
            )
    return list(clues.values())


def _same_place(a: str, b: str, index: _Index) -> bool:
    if not a or not b:
        return False
    ka, kb = name_key(a), name_key(b)
    return ka == kb or (ka in index.name_to_holder and index.name_to_holder.get(ka) == index.name_to_holder.get(kb))


def _other_place(a: str, b: str, index: _Index) -> bool:
    """Whether place ``a`` rules out place ``b``: two states, or two places finer than a state (a seat is a
    city here), that differ. A place finer than a state and a state ("South Carolina", "United States") may
    be one inside the other, and the facts do not say which state holds which place."""
    if _same_place(a, b, index):
        return False
    return (name_key(a) in index.state_names) == (name_key(b) in index.state_names)


@dataclass(frozen=True)
class _PreparedEvent:
    """A known event with its names turned into what a sentence is searched for, built once."""

    event: KnownEvent
    person_keys: tuple[str, ...]
    person_patterns: tuple[re.Pattern[str], ...]
    state_keys: tuple[str, ...]
    state_patterns: tuple[re.Pattern[str] | None, ...]


def _prepared(event: KnownEvent, index: _Index) -> _PreparedEvent:
    cached = index.prepared.get(event)
    if cached is not None:
        return cached
    person_keys, person_patterns, state_keys, state_patterns = [], [], [], []
    for actor in event.actors:
        key = name_key(actor)
        holder = index.name_to_holder.get(key)
        if holder is not None:
            state_keys.append(key)
            state_patterns.append(index.holder_name_pattern.get(holder))
            continue
        parts = actor.split()
        # Either end of the name: "Gates" of Bill Gates, "Xi" of Xi Jinping (family name first).
        ends = {parts[0], parts[-1]} if len(parts) > 1 else set(parts)
        person_keys.append(key)
        person_patterns.append(re.compile(r"\b(?:" + "|".join(re.escape(e) for e in sorted(ends)) + r")\b"))
    prepared = _PreparedEvent(
        event, tuple(person_keys), tuple(person_patterns), tuple(state_keys), tuple(state_patterns)
    )
    index.prepared[event] = prepared
    return prepared


def _actors_named(prepared: _PreparedEvent, mention: DatedMention, named: set[str]) -> tuple[bool, int, int]:
    """Whether every person of the known event is named in the mention, and how many people and states are."""
    people = sum(
        1
        for key, pattern in zip(prepared.person_keys, prepared.person_patterns, strict=True)
        if key in named or pattern.search(mention.quote)
    )
    states = sum(
        1
        for key, pattern in zip(prepared.state_keys, prepared.state_patterns, strict=True)
        if key in named or (pattern is not None and pattern.search(mention.quote))
    )
    return people == len(prepared.person_keys), people, states


def _distinctive_word(event: KnownEvent, quote: str) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z][a-z-]{4,}", event.title)} - _STOP_WORDS
    actor_words = {w.lower() for a in event.actors for w in a.split()}
    lowered = quote.lower()
    return any(re.search(rf"\b{re.escape(w)}", lowered) for w in words - actor_words)


def _known_event_clues(
    mentions: Sequence[DatedMention], known: Sequence[KnownEvent], stated: date, index: _Index
) -> list[_Clue]:
    clues: dict[tuple[object, ...], _Clue] = {}
    tracked: dict[int, set[tuple[date, date]]] = {}  # mention -> the dates of the tracker's events it fits
    by_type: dict[str, list[KnownEvent]] = {}
    for event in known:
        by_type.setdefault(event.event_type, []).append(event)
    for mention in mentions:
        types = _MEETING_TYPES if mention.event_type in _MEETING_TYPES else {mention.event_type}
        named = {name_key(a) for a in mention.actors}
        for event in (e for t in types for e in by_type.get(t, ())):
            everyone, people, states = _actors_named(_prepared(event, index), mention, named)
            # Only a place the sentence itself names contradicts the fact; one the extractor carried in from
            # the rest of the article is its guess, not the text's word.
            stated_place = bool(mention.place) and mention.place.lower() in mention.quote.lower()
            if stated_place and event.place and _other_place(mention.place, event.place, index):
                continue
            # Every person of the known event named (and one at least), or, for an event between
            # states, two of them, the place and a word of its own ("balloon").
            by_people = everyone and people >= 1
            by_states = people == 0 and states >= 2 and _distinctive_word(event, mention.quote)
            if not (by_people or by_states):
                continue
            if event.published and not _place_named(event.place, mention.quote, index):
                continue
            found = _inverse(mention, event.start, event.end, stated)
            if found is None:
                continue
            if event.published:
                tracked.setdefault(id(mention), set()).add((event.start, event.end))
            key = ("known", event.title, mention.time_text.lower(), id(mention) if event.published else 0)
            clues.setdefault(
                key,
                _Clue(
                    "known_event",
                    key,
                    mention.quote,
                    f"{event.title}: {_fact_dates(event.start, event.end)}; read from the stated date, "
                    f"“{mention.time_text}” is {_fact_dates(mention.lower, mention.upper)}",
                    [found[0]],
                    point=found[1],
                    fineness=found[2],
                ),
            )
    # The tracker's own events recur (a second launch, another round of talks between the same parties):
    # a mention that fits two of them at different dates says nothing about which one it reports.
    ambiguous = {at for at, spans in tracked.items() if len(spans) > 1}
    return [clue for clue in clues.values() if clue.key[3] not in ambiguous]


def _place_named(place: str, quote: str, index: _Index) -> bool:
    """Whether ``quote`` names ``place`` and the place is finer than a state (a state is a party, not a scene)."""
    if not place or name_key(place) in index.name_to_holder:
        return False
    return re.search(rf"(?<!\w){re.escape(_ascii(place))}(?!\w)", _ascii(quote), re.IGNORECASE) is not None


# --- scoring -------------------------------------------------------------------------------------


def _scores(clues: Sequence[_Clue], first: date, days: int) -> np.ndarray:
    scores = np.zeros(days, dtype=np.int32)
    for clue in clues:
        if clue.weekdays:
            for weekday in clue.weekdays:
                scores[(weekday - first.weekday()) % 7 :: 7] += 1
            continue
        mask = np.zeros(days, dtype=bool)
        for lower, upper in clue.intervals:
            lo = max(0, (lower - first).days)
            hi = min(days - 1, (upper - first).days)
            if lo <= hi:
                mask[lo : hi + 1] = True
        scores += mask
    return scores


def _fits(clue: _Clue, day: date) -> bool:
    if clue.weekdays:
        return day.weekday() in clue.weekdays
    return any(lower <= day <= upper for lower, upper in clue.intervals)


def _reason(clue: _Clue, stated: date) -> Reason:
    if clue.weekdays:
        fits_from, fits_to = FIRST_DAY, _FAR
        fits = "a " + " or a ".join(_WEEKDAYS[weekday].capitalize() for weekday in sorted(clue.weekdays))
    else:
        fits_from = min(lower for lower, _ in clue.intervals)
        fits_to = max(upper for _, upper in clue.intervals)
        spans = sorted(clue.intervals)
        fits = (
            "between " + " or ".join(f"{lo.isoformat()} and {hi.isoformat()}" for lo, hi in spans[:4])
            if fits_to < _FAR
            else f"on or after {fits_from.isoformat()}"
        )
    sentence = (
        f"“{clue.quote}”: {clue.fact}. The text fits a publication date {fits}; "
        f"the stated date {stated.isoformat()} does not."
    )
    return Reason(clue.kind, clue.quote, clue.fact, sentence, fits_from, fits_to)


def check_publication_date(
    *,
    text: str,
    stated: date | None,
    mentions: Sequence[DatedMention],
    facts: Facts,
    today: date,
    sources: Sequence[tuple[str, date]] = (),
) -> DateCheck:
    """Check ``stated`` (the date the mentions were resolved against) against the text and the facts.

    ``today`` is the reference date: no article is published after it. With no stated date, the
    mentions must have been resolved against ``today``, which is then what is checked. ``sources`` are
    the dates each source states (("submitter", d), ("metadata", d), ("text", d)); when they (or the
    text's wire dateline) disagree, that is a reason, and the date most of them agree on is preferred.
    """
    reference = stated or today
    future = reference > today
    index = _index(facts)
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    clues = [
        *_office_clues(text, bounds, index),
        *_appositive_clues(text, bounds, index, facts),
        *_former_clues(text, bounds, index, facts),
        *_took_office_clues(text, bounds, index),
        *_numbered_gathering_clues(text, bounds, facts),
        *_gathering_clues(mentions, reference, index),
        *_known_event_clues(mentions, (*facts.known_events, *index.term_starts), reference, index),
        *past_year_clues(text, bounds, today),
        *future_year_clues(text, bounds, today),
        *span_clues(text, bounds, today, reference),
        *years_on_clues(text, today, reference),
        *perfect_span_clues(text, bounds, today, reference),
        *elapsed_clues(text, bounds, facts.known_events, facts),
        *resolution_clues(text, bounds, today),
        *joined_year_clues(text, bounds, today, reference),
        *leap_day_clues(text, bounds, today),
        *weekday_clues(text, today),
        *age_clues(text, bounds),
    ]
    found = stated_dates(sources or ([("stated", stated)] if stated else []), text)
    sources_reason = _sources_reason(found) if disagreement(found) else None
    if not clues and not future and sources_reason is None:
        return DateCheck("ok", stated)
    last = max(today, reference)
    days = (last - FIRST_DAY).days + 1
    scores = _scores(clues, FIRST_DAY, days)

    def score(day: date) -> int:
        at = (day - FIRST_DAY).days
        return int(scores[at]) if 0 <= at < days else 0

    stated_score = score(reference)
    # The publication date is not after the reference date.
    best = int(scores[: (today - FIRST_DAY).days + 1].max())
    violated = [clue for clue in clues if not _fits(clue, reference)]
    # Among the dates the sources state, the one the clues like best, then the one most sources agree on.
    candidates = [s.day for s in found if s.day is not None and FIRST_DAY <= s.day <= today]
    preferred = (
        max(candidates, key=lambda day: (score(day), agreeing(found, day), day == reference))
        if sources_reason is not None and candidates
        else None
    )
    extra = (sources_reason,) if sources_reason is not None else ()
    if not future and (best <= stated_score or not violated):
        if (
            preferred is not None
            and abs((preferred - reference).days) > 1
            and score(preferred) >= stated_score
            and agreeing(found, preferred) > agreeing(found, reference)
        ):
            # The text does not mind, but more sources agree on another date: use theirs.
            return DateCheck(
                "doubtful",
                stated,
                suggested=preferred,
                suggested_from=preferred,
                suggested_to=preferred,
                reasons=extra,
                clues=len(clues),
                stated_fits=stated_score,
                suggested_fits=score(preferred),
            )
        return DateCheck(
            "ok", stated, reasons=extra, clues=len(clues), stated_fits=stated_score, suggested_fits=stated_score
        )
    reasons = [*extra, *(_reason(clue, reference) for clue in violated)]
    if future:
        # No article is published after today; the clues, if any, still say when it was.
        reasons.insert(0, _future_reason(reference, today))
        if not clues or best == 0:
            return DateCheck(
                "doubtful",
                stated,
                suggested=preferred,
                suggested_from=preferred,
                suggested_to=preferred,
                reasons=tuple(reasons),
                clues=len(clues),
            )
    lower, upper = _best_run(scores[: (today - FIRST_DAY).days + 1], best, clues, reference)
    suggested = _suggest(lower, upper, clues, reference, today)
    if preferred is not None and score(preferred) == best:
        # A source states a date that fits the text as well as any: that one.
        suggested = preferred
        if not lower <= preferred <= upper:
            lower = upper = preferred
    return DateCheck(
        "doubtful",
        stated,
        suggested=suggested,
        suggested_from=lower,
        suggested_to=upper,
        reasons=tuple(reasons),
        clues=len(clues),
        stated_fits=stated_score,
        suggested_fits=best,
    )


def _sources_reason(found: Sequence[StatedDate]) -> Reason:
    lower, upper = span_of(found)
    quote = next((s.quote for s in found if s.quote), "")
    fact = fact_of(found)
    return Reason(
        "sources",
        quote,
        fact,
        f"The sources of the publication date disagree: {fact}. Check which one is the article's own.",
        lower,
        upper,
    )


def _future_reason(reference: date, today: date) -> Reason:
    return Reason(
        "future",
        "",
        f"the article cannot have been published after today ({today.isoformat()})",
        f"The stated date {reference.isoformat()} is after today ({today.isoformat()}).",
        FIRST_DAY,
        today,
    )


def _best_run(scores: np.ndarray, best: int, clues: Sequence[_Clue], reference: date) -> tuple[date, date]:
    """The run of best-scoring days that holds the most clue estimates (else the one nearest the stated date)."""
    top = np.flatnonzero(scores == best)
    breaks = np.flatnonzero(np.diff(top) > 1)
    starts = np.concatenate(([top[0]], top[breaks + 1]))
    ends = np.concatenate((top[breaks], [top[-1]]))
    held = np.zeros(len(starts), dtype=np.int64)
    for clue in clues:
        if clue.point is not None:
            day = (clue.point - FIRST_DAY).days
            held += (starts <= day) & (day <= ends)
    at = (reference - FIRST_DAY).days
    distance = np.where((starts <= at) & (at <= ends), 0, np.minimum(np.abs(starts - at), np.abs(ends - at)))
    # A re-dated copy most often moves the year alone: how many whole years the stated day moves to
    # land in each run (a run it never lands in comes last).
    moved = np.full(len(starts), 1000, dtype=np.int64)
    for years in sorted(range(-40, 41), key=abs):
        day = (_add_years(reference, years) - FIRST_DAY).days
        inside = (starts <= day) & (day <= ends) & (moved == 1000)
        moved[inside] = abs(years)
    # Most estimates first, then the fewest years moved, then nearest the stated date (lexsort sorts by
    # its last key first).
    chosen = int(np.lexsort((distance, moved, -held))[0])
    return FIRST_DAY + timedelta(days=int(starts[chosen])), FIRST_DAY + timedelta(days=int(ends[chosen]))


def _suggest(lower: date, upper: date, clues: Sequence[_Clue], reference: date, today: date) -> date:
    """One date in the run: the finest clue estimate inside it; else the stated day moved by the fewest
    whole years into it, at least a month from its edges if a move lands there (a re-dated copy most often
    moves the year alone); else the nearest estimate."""
    inside = sorted((clue.fineness, clue.point) for clue in clues if clue.point and lower <= clue.point <= upper)
    if inside:
        return inside[0][1]
    years = sorted(range(lower.year, upper.year + 1), key=lambda year: (abs(year - reference.year), year))
    moves = [_add_years(reference, year - reference.year) for year in years]
    # A run's edges are where the clues are least sure (a title kept a few days after the handover, a year's
    # events told a week into it): a day well inside the run comes before one at its edge.
    # Today is no such edge: it is certain, and a copy dated ahead of it is most often from just before.
    for margin in (EDGE_MARGIN, timedelta(0)):
        for moved in moves:
            if lower + margin <= moved <= (upper if upper >= today else upper - margin):
                return moved
    estimates = sorted((clue.fineness, clue.point) for clue in clues if clue.point)
    if estimates:
        return min(max(estimates[0][1], lower), upper)
    return lower + (upper - lower) // 2
