"""Finding time expressions in a parsed article and resolving each in context.

The pass is: match every pattern over the text (each tried only where its core can begin, see
:mod:`events.extraction.timex.prefilter`), keep the longest non-overlapping matches, join
"from X to Y" pairs into one interval, then resolve left to right so that anchored expressions
("two days earlier", "the next day") count from the last day the narrative mentioned.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache, partial

from spacy.tokens import Doc, Span, Token

from events.domain.edtf_dates import OPEN_END, OPEN_START, InvalidEdtf, parse_edtf
from events.domain.vocabulary import Precision
from events.extraction.doc_views import doc_text, sentence_of
from events.extraction.timex.expression import TimeExpression
from events.extraction.timex.lexicon import DAY_NUMBER, MONTH, UNIT, UNIT_PLURAL, YEAR
from events.extraction.timex.lookalikes import (
    age_decade,
    in_compound_modifier,
    in_name,
    month_heads_name,
    narrated_overnight,
    narrated_soon,
    share_of,
)
from events.extraction.timex.patterns import PATTERNS, Pattern
from events.extraction.timex.prefilter import PREFILTER, matches
from events.extraction.timex.resolver import Resolution, resolve_spec
from events.extraction.timex.spec import TimeSpec
from events.extraction.timex.tense import DELAYING_VERBS, clause_direction, loose_futurate

_YEAR_SIGNALS = frozenset({"in", "since", "by", "until", "till", "from", "during", "before", "after", "of", "through"})
_DURATION_SIGNALS = frozenset({"for", "over", "within", "in", "during", "after", "throughout"})
_TIME_NOUNS = frozenset({"season", "budget", "election", "elections", "census", "olympics", "games", "summit"})
_SET_CONTEXT = re.compile(
    r"(\d|billion|million|trillion|thousand|hundred|percent|%|times|once|twice|dollars|euros|pounds|units"
    r"|cars|vehicles|barrels|tons|tonnes|people|jobs|workers|aircraft|planes|passengers)\W*$",
    re.IGNORECASE,
)
_RANGE_GLUE = re.compile(r"^\s*(?:to|until|till|through|-|–)\s*$", re.IGNORECASE)
_BETWEEN_GLUE = re.compile(r"^\s*and\s*$", re.IGNORECASE)
# Day-level points are joined into one interval, and two bare years after "from", "between" or "in" ("fought a
# war from 1977 to 1978", "between 2007 and 2010"): one event's span, which TimeML (and MEANTIME) still mark as
# two dates (see ``points``). A month pair is rarely one event's span.
_RANGE_KINDS = frozenset({"weekday", "deictic"})
# Expressions whose year or week "since" places in the past: "since December", "since Monday".
_SINCE_PAST_KINDS = frozenset({"date", "weekday", "season", "quarter", "half"})
# Words after which "for" names the date something is set for, not a stretch of time: "set for next month".
_SCHEDULED_FOR = frozenset(
    {"set", "schedule", "slate", "plan", "due", "book", "pencil", "earmark", "reschedule", "fix", "target",
     "timetable", "expect", "scheduled", "slated", "planned", "penciled", "pencilled", "date", "call"}
)  # fmt: skip
# Verbs that report rather than narrate: "the ministry said Monday" dates the report, and "the next day" in a
# later sentence counts from the last narrated day, not from it.
_REPORTING = frozenset({"say", "tell", "report", "add", "state", "note", "write", "quote"})
_STRETCH_SIGNALS = frozenset({"for", "over", "within", "throughout"})
_SPANNING_SIGNALS = frozenset({"over", "through", "throughout"})
_LIMIT_SIGNALS = frozenset({"until", "till", "through"})
_TARGET_SIGNALS = frozenset({"to", "until", "till"})
_POSSESSIVE = re.compile(r"['’]s\b")
# The longest run of named days whose "first day" or "second day" a later sentence can mean (a visit, a summit).
_LONGEST_STRETCH_DAYS = 31
# ... named at most this many sentences before.
_STRETCH_SENTENCES = 3
_DETERMINED = re.compile(r"the\s", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(?:first|last|time|since|\w+est|ever)\b", re.IGNORECASE)
_EVENT_NAME_PREFIXES = re.compile(r"(?:Black|Cyber|Good|Easter|Super|Bloody|Ash|Palm|Holy)\s+$")
_COUNT_AFTER_YEAR = re.compile(r"\s*(?:%|percent|per\s+cent|points?|people|units|workers|jobs|cars|vehicles|times)\b")
_MONEY_BEFORE_YEAR = ("$", "€", "£", "#", "No.", "no.")
_RESTATEMENT_GAP = re.compile(r"\s*\(\s*")
_AGE_AFTER = re.compile(r"\s+old\b", re.IGNORECASE)
# "Zembla moved its books from a calendar year to a budget year": a year of one kind changed for another names
# the way a body counts its year (a unit of account), not a stretch of time. Either side may be the calendar year.
_YEAR_BASIS_BEFORE = re.compile(r"(?<![\w-])from\s+an?\s+(?:\w+\s+)?year\s+to\s+an?\s+calendar\s+year$", re.IGNORECASE)
_YEAR_BASIS_AFTER = re.compile(r"\s+to\s+an?\s+(?:\w+\s+)?year\b", re.IGNORECASE)
_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
_RELATION_AFTER = re.compile(r"\s+(?:as|after|before|afterwards?|thereafter)\b", re.IGNORECASE)
_CAPITAL = re.compile(r"[A-Z]")
# Words that name what follows a year ("fiscal 1989 sales", "the year 2000 problem"): English's own ways of
# calling a number a year (the accounting year, the calendar year, "the year N"), a word class, not a phrase
# of any article.
_YEAR_WORDS = ("fiscal", "calendar", "the year")
# Decades written with two digits or in words, which after a possessive give an age ("in her 30s").
_TWO_DIGIT_DECADES = frozenset({"short_decade", "decade_word"})
# Longest literal that the end-anchored context patterns above can match before their trailing run.
_LONGEST_CONTEXT_WORD = 16


def _is_space(char: str) -> bool:
    return char.isspace()


def _is_non_word(char: str) -> bool:
    return not (char.isalnum() or char == "_")


def _run_start(text: str, end: int, in_run: Callable[[str], bool]) -> int:
    """Start of the run of ``in_run`` characters that ends at ``end`` (``end`` itself when there is none)."""
    start = end
    while start > 0 and in_run(text[start - 1]):
        start -= 1
    return start


def _prefix_ends_with(pattern: re.Pattern[str], text: str, end: int, in_run: Callable[[str], bool]) -> bool:
    """``pattern.search(text[:end])`` for a pattern of the form ``(?:word|...)<run>*$``, in time that does not
    grow with ``end``: a match ends in the trailing run, so it starts at most one word before that run."""
    window_start = max(0, _run_start(text, end, in_run) - _LONGEST_CONTEXT_WORD)
    return pattern.search(text[window_start:end]) is not None


def _stripped_prefix_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip())`` without copying the prefix."""
    return _run_start(text, end, _is_space)


# Gates, used for a pattern the prefilter cannot place (it is then scanned whole; no current pattern is):
# for a pattern named here, a piece of text that every match of the pattern contains, matched with the
# same flags. A text with no gate match cannot hold a match of the pattern, so its full scan (a
# lookbehind, ~25 signal words and the core tried at every word start) is skipped: most articles have no
# "quarter", "ago" or "a.m.", and a gate is a plain search that stops at its first hit.
# tests/extraction/test_performance_timex.py checks each gate against every match of its pattern.
GATE_SOURCES: dict[str, str] = {
    "iso": r"\d{4}-\d{2}-\d{2}",
    "month_day_range": rf"{MONTH}\s+{DAY_NUMBER}",
    "day_month_range": rf"{DAY_NUMBER}\s+{MONTH}",
    "week_of": rf"week\s+of\s+{MONTH}",
    "day_month": rf"{DAY_NUMBER}(?:\s+of)?\s+{MONTH}",
    "month_of_relative_year": rf"{MONTH},?\s+(?:of\s+)?(?:last|this|next)\s+year",
    "year_range": rf"{YEAR}\s*(?:-|–|/)",
    "decade": r"(?:1[89]|20)\d0'?s",
    "short_decade": r"[2-9]0'?s",
    "short_year": r"'[0-9]\d",
    "numeric_date": r"/(?:[12]\d|3[01]|0?[1-9])/",
    "deictic": r"today|yesterday|tomorrow|tonight",
    "part_of_day": r"(?:this|last)\s+(?:morning|afternoon|evening|night)",
    "in_the": r"\s+in\s+the\s+(?:week|month|year)",
    "the_unit": r"the\s+(?:year|month|week)",
    "the_day": r"the\s+day",
    "the_weekend": r"the\s+weekend",
    "that": r"(?:that(?:\s+same)?|the\s+same)\s+(?:day|week|month|year|morning|afternoon|evening|night)",
    "quarter": r"quarter",
    "quarter_code": rf"Q[1-4]\s+{YEAR}",
    "half": r"half\s+of",
    "ago": rf"{UNIT_PLURAL}\s+ago",
    "anchored": rf"{UNIT_PLURAL}\s+(?:earlier|later|afterwards?|beforehand|previously|after|before|prior)",
    "next_unit": r"(?:next|following|previous|preceding|prior)\s+(?:day|morning|afternoon|evening|night)",
    "unit_before": r"the\s+(?:day|night|week|month|year)\s+(?:before|after)",
    "hyphen_duration": rf"-{UNIT}",
    "unit_long": rf"{UNIT_PLURAL}-long",
    "recent": r"(?:recent|the\s+coming)\s+(?:years|months|weeks|days|decades|times)",
    "set": r"(?:every|each|per)\s+",
    "utc_time": r"[0-5]\d\s*(?:UTC|GMT|Z)",
    "time": r"\d\s*(?:a\.m\.|p\.m\.|am|pm)",
}
GATES = {name: re.compile(source, re.IGNORECASE) for name, source in GATE_SOURCES.items()}


@dataclass(frozen=True)
class Candidate:
    """A match of one pattern, before overlaps are settled and before it is resolved."""

    start: int
    end: int
    spec: TimeSpec
    signal: str | None
    priority: int
    # For a stretch of days ("Aug. 26 to Oct. 20", "Monday and Tuesday"): where its first point ends and its
    # last begins, so that each point can be given as TimeML marks it, one TIMEX3 a point.
    gap: tuple[int, int] | None = None


def _range_gap(match: re.Match[str]) -> tuple[int, int] | None:
    """Where the first day of a range written as one pattern ends and the second begins."""
    groups = match.groupdict()
    if groups.get("d1") is None or groups.get("d2") is None:
        return None
    first_end = match.end("m1") if match.start("m1") > match.start("d1") else match.end("d1")
    if groups.get("m2") is not None:
        second_start = match.start("m2")
    elif match.start("m1") > match.start("d1"):  # "3 to 5 May": the second point is "5 May"
        second_start = match.start("d2")
        first_end = match.end("d1")
    else:
        second_start = match.start("d2")
    return first_end, second_start


def _token_at(doc: Doc | None, char: int) -> Token | None:
    if doc is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _year_basis(text: str, start: int, end: int) -> bool:
    """Whether "a calendar year" at [start, end) is one side of "from a ... year to a ... year"."""
    if not re.fullmatch(r"an?\s+calendar\s+year", text[start:end], re.IGNORECASE):
        return False
    if _YEAR_BASIS_BEFORE.search(text, max(0, start - 40), end):
        return True
    return text[max(0, start - 5) : start].lower().endswith("from ") and bool(_YEAR_BASIS_AFTER.match(text, end))


def _negated_verb(word: Token) -> bool:
    """Whether ``word``, or the verb of its clause ("are not due until", "will not be held until"), is negated."""
    for token in (word, word.head):
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in token.children):
            return True
        if token.pos_ in {"VERB", "AUX"}:
            break
    return False


def _accept(pattern: Pattern, match: re.Match[str], spec: TimeSpec, signal: str | None, doc: Doc | None) -> bool:
    """Filters that need context: "May" the modal, "2008" the count, "a year" the rate."""
    check = pattern.check
    core = match.group("core")
    text = match.string
    if doc is not None and _CAPITAL.search(core) and in_name(doc, match.start("core"), match.end("core")):
        return False  # "the \"This Week\" programme", "Zembla Today": a name or title
    if pattern.name in _TWO_DIGIT_DECADES and age_decade(text, match.start("core")):
        return False  # "a man in his 40s" is an age
    if check is None:
        # "Black Monday" is a named day, not this week's Monday.
        return not (
            pattern.name == "weekday" and _prefix_ends_with(_EVENT_NAME_PREFIXES, text, match.start("core"), _is_space)
        )
    if check == "short_year":
        return signal in _YEAR_SIGNALS
    if check == "spoken_year":
        # "two thousand" is a count unless it is "the year two thousand"; "nineteen ninety" before a plural
        # noun ("nineteen ninety-seat halls") is one too.
        if match.group("thousand") and not match.group("yr"):
            return False
        following = re.match(r"\s+(\w+)", text[match.end("core") :])
        token = _token_at(doc, match.end("core") + following.start(1)) if following else None
        return not (token is not None and getattr(token, "tag_", "") == "NNS")
    if check == "month":
        if not (match.group("mod") or match.group("rel")) and month_heads_name(text, match.start("m"), match.end("m")):
            return False  # "the annual March for Unity" is a rally
        token = _token_at(doc, match.start("m"))
        if token is not None:
            tag, ent = getattr(token, "tag_", ""), getattr(token, "ent_type_", "")
            if tag == "MD" or ent in {"PERSON", "ORG"}:
                return False
            bare = not (signal or match.group("mod") or match.group("rel"))
            owner = text.startswith(("'s", "’s"), match.end("m")) and not (match.group("mod") or match.group("rel"))
            if (bare or owner) and match.group("m").lower() in _family_names(doc):
                return False  # "during May's visit" where the text has named "Theresa May": the person
            if match.group("m").lower() in {"may", "march"} and bare:
                return tag in {"NNP"} and ent == "DATE"
        return True
    if check == "year":
        if signal in _YEAR_SIGNALS or match.groupdict().get("mod") or core.lower().startswith(_YEAR_WORDS):
            return True  # "in 2008 ...", "early 2008", "fiscal 1989 sales": a year, whatever follows
        before_end = _stripped_prefix_end(text, match.start("core"))
        if text[max(0, before_end - 3) : before_end].endswith(_MONEY_BEFORE_YEAR):
            return False
        if _COUNT_AFTER_YEAR.match(text, match.end("core")):
            return False
        token = _token_at(doc, match.start("y"))
        if token is None:
            return True
        ent = getattr(token, "ent_type_", "")
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in _TIME_NOUNS:
            return False  # "2000 objections" is a count
        if ent == "DATE":
            return True
        if ent in {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "FAC", "LAW", "WORK_OF_ART"}:
            return False
        return not (nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in _TIME_NOUNS)
    if check == "duration":
        if _AGE_AFTER.match(text, match.end("core")):
            return False  # "52 years old" is an age, as "a 52-year-old" is
        if _year_basis(text, match.start("core"), match.end("core")):
            return False  # one kind of year swapped for another: a way of counting years
        if spec.unit == "quarter" and spec.n == 1 and share_of(text, match.end("core")):
            return False  # "more than a quarter of the market" is a share
        # "wait a minute", "a second time": an article alone before a minute or second is rarely a stretch of
        # time; "a few minutes", "a couple of seconds" are.
        return not (spec.unit in {"second", "minute"} and (match.group("n") or "").lower() in {"a", "an"})
    if check == "vague":
        return signal in _DURATION_SIGNALS
    if check == "the_vague":
        # "the weeks before the vote" is dated by the vote; only a stretch looking ahead or spanned is read.
        return bool(match.group("ahead")) or signal in _SPANNING_SIGNALS
    if check == "ref":
        if in_compound_modifier(text, match.end("core")):
            return False  # "the now-defunct council", "the soon-to-open embassy", "a current-account gap"
        if core.lower() in {"recent", "current"}:
            # Adjectives: a reference only before a noun ("recent weeks" is caught elsewhere).
            token = _token_at(doc, match.start("core"))
            return token is not None and getattr(token, "pos_", "") == "ADJ"
        if core.lower() == "soon" and (
            _AS_BEFORE.search(text, max(0, match.start("core") - 4), match.start("core"))
            or _RELATION_AFTER.match(text, match.end("core"))
        ):
            return False  # "as soon as the ceasefire holds", "soon after the vote": a relation, not a time
        if core.lower() == "soon":
            token = _token_at(doc, match.start("core"))
            if token is not None and narrated_soon(token):
                return False  # "the protest soon spread": shortly after the events told
        return core.lower() != "future"
    if check == "overnight":
        token = _token_at(doc, match.start("core"))
        return token is not None and narrated_overnight(token)
    if check == "holiday":
        # "Christmas shopping", "the Easter and spring holiday trade": a holiday before a noun names the
        # season's trade or break, not its day.
        token = _token_at(doc, match.end("core") - 1)
        if token is None:
            return True
        return not (token.dep_ in {"compound", "nmod", "amod"} and token.head.i > token.i and token.head.pos_ == "NOUN")
    if check == "range":
        # "between 3 and 5 March" is a stretch; "on 3 and 5 March" two days.
        return not match.group("and") or signal == "between"
    if check == "set_a":
        return _prefix_ends_with(_SET_CONTEXT, text, match.start("core"), _is_non_word)
    if check == "set_adverb":
        return True
    if check == "season":
        return bool(
            signal
            or spec.rel is not None
            or spec.year is not None
            or spec.sign
            or match.group("rel")
            or core[:1].isupper()
        )
    return True


def _family_names(doc: Doc | None) -> frozenset[str]:
    """The last words, lower-cased, of the names of people the text names in full ("Theresa May"), once per Doc."""
    if doc is None:
        return frozenset()
    cached = doc.user_data.get("family_names")
    if cached is None:
        cached = frozenset(e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
        doc.user_data["family_names"] = cached
    return cached


def find_candidates(text: str, doc: Doc | None = None) -> list[Candidate]:
    """All accepted matches, longest first among overlaps, in text order."""
    found: list[Candidate] = []
    starts = PREFILTER.candidates(text)
    for priority, pattern in enumerate(PATTERNS):
        if priority in PREFILTER.whole:
            gate = GATES.get(pattern.name)
            if gate is not None and gate.search(text) is None:
                continue
            scan: Iterable[re.Match[str]] = pattern.regex.finditer(text)
        else:
            # Only where the pattern's core can begin: the same matches as finditer (timex/prefilter.py).
            scan = matches(pattern, text, starts.get(priority, []))
        for match in scan:
            groups = match.groupdict()
            spec = pattern.build(groups)
            signal = (groups.get("signal") or "").lower() or None
            if signal is not None:
                signal = re.sub(r"\s+", " ", signal)
            if spec is None or not _accept(pattern, match, spec, signal, doc):
                continue
            start, end = match.span("core")
            gap = _range_gap(match) if spec.kind == "range" else None
            found.append(Candidate(start, end, spec, signal, priority, gap))
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    # An age ("a 44-year-old teacher", "the 50-year-old alliance") says how old something is, not when
    # anything happens: TimeML leaves it unannotated (TBAQ marks 1 of 37 ages). It still wins its overlap,
    # so no shorter reading of its words ("44-year") is kept in its place.
    return _join_ranges(text, [c for c in _longest_without_overlap(found) if not c.spec.age])


def _longest_without_overlap(ordered: list[Candidate]) -> list[Candidate]:
    """Greedy choice, in ``ordered``'s order, of the candidates that overlap no earlier choice; in text order.

    The choices are disjoint, so kept sorted by start their ends rise too: the only choice that can overlap
    [start, end) is the last one starting before ``end``. A bisect per candidate instead of a scan of all
    choices keeps a long article linear. (Every pattern's core is non-empty, so no extent is empty.)
    """
    starts: list[int] = []
    chosen: list[Candidate] = []
    for candidate in ordered:
        at = bisect.bisect_left(starts, candidate.end)
        if at and chosen[at - 1].end > candidate.start:
            continue
        starts.insert(at, candidate.start)
        chosen.insert(at, candidate)
    return chosen


def _next_day(first: TimeSpec, second: TimeSpec) -> bool:
    """Whether ``second`` names the day after ``first`` ("Wednesday and Thursday", "today and tomorrow")."""
    if first.kind == second.kind == "weekday" and first.weekday is not None and second.weekday is not None:
        return first.rel == second.rel and (first.weekday + 1) % 7 == second.weekday
    if first.kind == second.kind == "deictic":
        return (second.n or 0) == (first.n or 0) + 1
    return False


SPAN_POINT_PRECISIONS = frozenset({Precision.DAY.value, Precision.YEAR.value})


def _bare_year(spec: TimeSpec) -> bool:
    """ "1977": a year and nothing finer."""
    return spec.kind == "date" and spec.year is not None and spec.month is None and spec.day is None


def _join_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "from Thursday to Sunday", "between 2007 and 2010": one interval instead of two points."""
    joined: list[Candidate] = []
    index = 0
    while index < len(candidates):
        current = candidates[index]
        years = index + 1 < len(candidates) and _bare_year(current.spec) and _bare_year(candidates[index + 1].spec)
        if index + 1 < len(candidates) and (
            current.signal in {"from", "between", "on", None} or (years and current.signal == "in")
        ):
            following = candidates[index + 1]
            glue = text[current.end : following.start]
            if current.signal in {"between", "on", None}:
                # "on Wednesday and Thursday", "Monday and Tuesday": the two days as one stretch.
                glue_ok = _BETWEEN_GLUE.match(glue)
            else:
                glue_ok = _RANGE_GLUE.match(glue)
            day_level = current.spec.kind in _RANGE_KINDS or (current.spec.kind == "date" and current.spec.day)
            if years and current.signal in {"from", "between", "in"}:
                day_level = True  # two bare years in a row after a word that opens a span (the glue is checked)
                glue_ok = _BETWEEN_GLUE.match(glue) if current.signal == "between" else _RANGE_GLUE.match(glue)
            elif years:
                glue_ok = None
            if current.signal in {"on", None} and not _next_day(current.spec, following.spec):
                # "met on Monday and Thursday" may be two meetings; only two days in a row are one stretch.
                glue_ok = None
            # "from Monday through Wednesday": the end's own signal is the glue.
            end_signal_ok = following.signal is None or (
                current.signal == "from" and following.signal in {"through", "until", "till"}
            )
            if glue_ok and end_signal_ok and day_level and following.spec.kind == current.spec.kind:
                spec = TimeSpec("range", start=current.spec, end=following.spec)
                gap = (current.end, following.start)
                joined.append(Candidate(current.start, following.end, spec, current.signal, current.priority, gap))
                index += 2
                continue
        joined.append(current)
        index += 1
    return joined


_PLAIN_PART = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_PRECISION_ORDER = {precision: index for index, precision in enumerate(Precision)}


def _plain_part(part: str) -> tuple[date, date, Precision] | None:
    """Bounds of a plain YYYY, YYYY-MM or YYYY-MM-DD; None for anything else (seasons, qualifiers, ...)."""
    match = _PLAIN_PART.fullmatch(part)
    if match is None:
        return None
    year = int(match[1])
    if year < 1:
        return None
    try:
        if match[3] is not None:
            day = date(year, int(match[2]), int(match[3]))
            return day, day, Precision.DAY
        if match[2] is not None:
            month = int(match[2])
            if not 1 <= month <= 12:
                return None
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), Precision.MONTH
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31), Precision.YEAR


def _plain_bounds(value: str) -> tuple[date, date, Precision] | None:
    """What ``parse_edtf`` gives for the plain values and intervals the resolver mostly emits (day, month,
    year, START/END, START/.., ../END), without its pyparsing grammar; None sends the value to the library.
    tests/extraction/test_timex_edtf_fast.py checks the two agree."""
    if "/" not in value:
        return _plain_part(value)
    first, _, second = value.partition("/")
    low = None if first == ".." else _plain_part(first)
    high = None if second == ".." else _plain_part(second)
    if (low is None and first != "..") or (high is None and second != "..") or (low is None and high is None):
        return None
    lower = low[0] if low is not None else OPEN_START
    upper = high[1] if high is not None else OPEN_END
    if upper < lower:
        return None
    precisions = [found[2] for found in (low, high) if found is not None]
    return lower, upper, max(precisions, key=_PRECISION_ORDER.__getitem__)


@lru_cache(maxsize=8192)
def edtf_bounds(value: str) -> tuple[date, date, Precision] | None:
    """lower, upper and precision of an EDTF value, None when it does not validate. ``parse_edtf`` runs a
    pyparsing grammar (tens of ms a value); plain values are computed directly and every value is cached."""
    plain = _plain_bounds(value)
    if plain is not None:
        return plain
    try:
        parsed = parse_edtf(value)
    except InvalidEdtf:
        return None
    return parsed.lower, parsed.upper, parsed.precision


def _bounds(resolution: Resolution) -> tuple[date | None, date | None, str | None, str | None]:
    """lower, upper, precision and the edtf (None when it does not validate)."""
    if resolution.edtf is None:
        return None, None, None, None
    parsed = edtf_bounds(resolution.edtf)
    if parsed is None:
        return None, None, None, None
    lower, upper, exact = parsed
    precision = Precision.WEEK.value if resolution.week else exact.value
    return lower, upper, precision, resolution.edtf


def build_expression(
    candidate: Candidate,
    text: str,
    published: date,
    direction: str | None,
    reference: date | None,
    *,
    token_start: int = 0,
    token_end: int = 0,
    governor_i: int | None = None,
) -> TimeExpression | None:
    """Resolve one candidate into the public :class:`TimeExpression`."""
    resolution = resolve_spec(candidate.spec, published, direction, reference, candidate.signal)
    if resolution is None:
        return None
    lower, upper, precision, edtf = _bounds(resolution)
    if candidate.spec.kind in {"date", "decade", "century", "quarter", "half"} and (
        candidate.spec.kind != "date" or candidate.spec.year is not None
    ):
        applied = "absolute"
    else:
        applied = resolution.direction
    if (candidate.spec.kind == "anchored" or candidate.spec.sign) and reference is not None:
        basis = "narrative"
    elif applied == "absolute" or candidate.spec.kind in {"decade", "century"}:
        basis = "explicit"
    else:
        basis = "publication"
    points: tuple[tuple[int, int, str], ...] = ()
    if candidate.gap is not None and edtf is not None and "/" in edtf and precision in SPAN_POINT_PRECISIONS:
        # A stretch of days or years: TimeML marks its first and last day (or year) as two expressions.
        first, _, last = edtf.partition("/")
        points = ((candidate.start, candidate.gap[0], first), (candidate.gap[1], candidate.end, last))
    return TimeExpression(
        points=points,
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        token_start=token_start,
        token_end=token_end,
        timex_type=resolution.timex_type,
        value=resolution.value,
        edtf=edtf,
        lower=lower,
        upper=upper,
        precision=precision,
        week=resolution.week,
        signal=candidate.signal,
        direction=applied,
        governor_i=governor_i,
        duration=resolution.duration,
        basis=basis,
    )


# A text narrates the past (an explainer, a timeline, a profile) rather than reports news when most of the
# years it names lie this far or further from its publication, and it names at least this many of them.
_STORY_YEARS_AWAY = 2
_STORY_MIN_YEARS = 4
_STORY_SHARE = 0.4
# What places something in time: dates, weekdays, "yesterday", "last month" (not durations, sets or "now").
_DATING_KINDS = frozenset(
    {"date", "weekday", "deictic", "relative", "ago", "anchored", "season", "quarter", "range", "holiday"}
)
# "that December", "that same May": a month named as the one of the time told before.
_THAT_BEFORE = re.compile(r"\bthat(?:\s+same)?\s+\Z", re.IGNORECASE)
# For a count in a unit coarser than a day ("later that year", "the following month", "two years later"), the
# precisions a mentioned time must have to be counted from: a month counts from a month or a day, a year from
# anything down to a day. A day unit keeps the narrative reference day (see ``find_time_expressions``).
_COUNTED_FROM: dict[str, frozenset[str]] = {
    "month": frozenset({"day", "week", "month"}),
    "quarter": frozenset({"day", "week", "month"}),
    "year": frozenset({"day", "week", "month", "season", "year"}),
    "decade": frozenset({"day", "week", "month", "season", "year", "decade"}),
}


_DAY_UNITS = frozenset({"day", "week"})
_UNIT_DAYS = {"day": 1, "week": 7}


def _coarse_mention(mentioned: dict[str, tuple[int, date]]) -> tuple[str, date] | None:
    """The last time the text named, when it is a month or a year (what a count of days can lean on)."""
    latest = max(mentioned.items(), key=lambda item: item[1], default=None)
    if latest is None or latest[0] not in {"month", "year"}:
        return None
    return latest[0], latest[1][1]


def _counted_month(mention: tuple[str, date], spec: TimeSpec) -> TimeSpec:
    """The month (or year) a count of days or weeks from ``mention`` lands in, counted from its first day."""
    precision, first = mention
    if precision == "year":
        return TimeSpec("date", year=first.year)
    days = (spec.n if spec.n is not None else 1) * _UNIT_DAYS.get(spec.unit or "day", 1) * (spec.sign or 1)
    landed = first + timedelta(days=days)
    return TimeSpec("date", year=landed.year, month=landed.month)


def narrates_the_past(candidates: list[Candidate], published: date) -> bool:
    """Whether the text tells a story through past years, so that a date without a year takes the year the
    text last named instead of the one before publication. News names mostly the current year (or none):
    it keeps the publication date as its reference."""
    # A month or day with no year says nothing either way: a story names them as often as news does.
    dated = [c for c in candidates if c.spec.kind in _DATING_KINDS and not _yearless(c.spec)]
    away = sum(
        1
        for c in dated
        if c.spec.kind == "date" and c.spec.year is not None and abs(published.year - c.spec.year) >= _STORY_YEARS_AWAY
    )
    return away >= _STORY_MIN_YEARS and away >= _STORY_SHARE * len(dated)


def _fronted(doc: Doc, span: Span) -> bool:
    """Whether the expression opens its sentence, alone or after its preposition ("In 2019 ...", "On June
    3, ...")."""
    before = list(doc[span.sent.start : span.start])
    return not before or (len(before) == 1 and before[0].pos_ == "ADP")


def _scene_continued(doc: Doc, span: Span, story_token: int, story_fronted: bool, direction: str | None) -> bool:
    """In news, one past year still sets the scene of the next sentence when both open their sentences and
    the second tells the past: "In 2019 the two sides tried again. On June 3, the delegations met" is June 3,
    2019. A year at the end of a clause ("first met in 2019. On June 3, ...") leaves news its own time."""
    return (
        story_fronted
        and direction == "past"
        and _fronted(doc, span)
        and _sentences_between(doc, story_token, span.start) == 1
    )


# How many sentences on a day or month without a year may go on from a full date, and how far after it.
_GOES_ON_SENTENCES = 3
_GOES_ON_DAYS = 62


def _going_on_from(
    candidate: Candidate, full_day: date, build: Callable[[Candidate], TimeExpression | None]
) -> TimeExpression | None:
    """The yearless month or day read in the year of the full date told before it, when it falls on or after
    that date by no more than :data:`_GOES_ON_DAYS` (the story goes on); else None."""
    expression = build(replace(candidate, spec=replace(candidate.spec, year=full_day.year)))
    if expression is None or expression.lower is None:
        return None
    if not 0 <= (expression.lower - full_day).days <= _GOES_ON_DAYS:
        return None
    return replace(expression, basis="narrative")


def _sentences_between(doc: Doc, first: int, last: int) -> int:
    """How many sentences begin after token ``first`` up to token ``last``."""
    return sum(1 for token in doc[first + 1 : last + 1] if token.is_sent_start)


# The first month of each season, for a season named with its year ("the autumn of 2020").
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _named_month(spec: TimeSpec) -> int | None:
    """The (first) month a date or season names with its year: "May 2024" is 5, "the autumn of 2020" 9."""
    if spec.kind == "date" and spec.rel is None and spec.n is None:
        return spec.month
    if spec.kind == "season" and spec.rel is None and spec.season is not None:
        return _SEASON_FIRST_MONTH.get(spec.season)
    return None


def _chronicled(
    doc: Doc,
    spec: TimeSpec,
    chronicle: tuple[int, int, int, int, int],
    governor_i: int,
    direction: str | None,
    published: date,
) -> bool:
    """Whether a month or day without a year goes on with a month named with its year just before, told of
    the same act or thing: "met in Almaty in May 2024 and again in Washington in July" (one verb) is July 2024,
    as is "a war in the autumn of 2020 that ended on November 10" (a clause on the noun the year dates). Another
    act's month ("was detained in May 2021 and tried in June") may lie in a later year: it keeps the reading
    from publication, as does a month that goes back, one after publication in that year, or a clause ahead."""
    anchor, year, month, start, end = chronicle
    if not (
        direction != "future"
        and _yearless(spec)
        and spec.month is not None
        and spec.month >= month
        and date(year, spec.month, 1) <= published
    ):
        return False
    if governor_i == anchor:
        return True
    # A clause on the noun the year dates, or on the time itself ("in the spring of 2021 that ended ...").
    clause = doc[governor_i]
    on_noun = doc[anchor].pos_ == "NOUN" and clause.head.i == anchor
    return clause.dep_ in {"relcl", "acl"} and (on_noun or start <= clause.head.i < end)


def _sets_scene(doc: Doc, governor_i: int) -> bool:
    """Whether a time hangs on a clause's own verb (it sets the scene: "In 2019 the sides tried again"), not on
    a noun ("the 1896 battle") or a clause that only describes one ("a pact that was signed in 1929")."""
    return doc[governor_i].pos_ in {"VERB", "AUX"} and doc[governor_i].dep_ not in {"acl", "relcl", "amod"}


_ENTRY_DASH = re.compile(r"[ \t]*(?:[-\u2013\u2014:]|--)[ \t]")


def _timeline_entry(candidate: Candidate, text: str) -> bool:
    """Whether the expression opens a line and a dash or colon follows it: an entry of a timeline ("Oct. 3 -
    ..."), whose present tense is the historical present."""
    line_start = text.rfind("\n", 0, candidate.start) + 1
    return not text[line_start : candidate.start].strip() and _ENTRY_DASH.match(text, candidate.end) is not None


_AHEAD_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "going", "to"})


def _marked_ahead(verb: Token) -> bool:
    """Whether a verb is marked as ahead by its own auxiliaries ("will meet", "is to meet", "is going to meet")."""
    return any(c.dep_ == "aux" and c.lower_ in _AHEAD_AUX for c in verb.children)


def _next_in_a_story(candidate: Candidate, text: str) -> bool:
    """ "the next year", "the next month" (with the article; "next year" alone counts from publication).

    The definite article is the whole pattern: in English it makes "next" anaphoric (the unit after the one
    the text is telling), as "the following" is; without it "next" is deictic (after now)."""
    spec = candidate.spec
    return (
        spec.kind == "relative"
        and spec.rel == 1
        and spec.mod is None
        and spec.unit in {"year", "month", "week"}
        and text[candidate.start : candidate.start + 4].lower() == "the "
    )


def _yearless(spec: TimeSpec) -> bool:
    """A plain month or month-day with no year of its own ("in May", "on June 3"; not "last May")."""
    return (
        spec.kind == "date"
        and spec.year is None
        and spec.month is not None
        and spec.rel is None
        and spec.n is None
        and not spec.sign
    )


def _unplaced(spec: TimeSpec) -> bool:
    """A month, day or weekday (or a clock time on one) that names no year or week of its own."""
    if spec.kind == "time" and spec.start is not None:
        spec = spec.start
    return _yearless(spec) or (spec.kind == "weekday" and spec.rel is None)


# An anchored expression that ends in its preposition ("the day before", "two weeks after"), whose object
# says what it counts from.
_PREPOSITIONAL_ANCHOR = re.compile(r"\b(?:before|after)$", re.IGNORECASE)
_APPOSITION_GAP = re.compile(r"\s*,\s*")
_ADJACENT_GAP = re.compile(r"\s*")


def _anchored_on_its_object(
    candidates: list[Candidate],
    index: int,
    expressions: list[TimeExpression],
    doc: Doc,
    text: str,
    published: date,
) -> TimeSpec | date | None:
    """For "the day before ..." and "two weeks after ...", what the preposition's object says to count from.

    - "the day before last Tuesday's hearing", "two days after Christmas": the day named next, instead of the
      narrative's reference day (returned as a date to count from);
    - "Oct. 3, the day before the vote": an apposition that renames the day just named by an event that
      followed it, so the day itself (returned as a spec);
    - None when neither holds: the narrative reference time is counted from, as for "the day before".
    """
    candidate = candidates[index]
    spec = candidate.spec
    if (
        spec.kind != "anchored"
        or not spec.sign
        or not _PREPOSITIONAL_ANCHOR.search(text, candidate.start, candidate.end)
    ):
        return None
    if _followed_by(candidates, index, text):
        return _day_named(candidates[index + 1], doc, text, published)
    renamed = expressions[-1] if expressions else None
    if (
        spec.unit in {"day", "night"}
        and renamed is not None
        and renamed.precision == Precision.DAY.value
        and renamed.lower is not None
        and renamed.lower == renamed.upper
        and _APPOSITION_GAP.fullmatch(text, renamed.end, candidate.start)
    ):
        day = renamed.lower
        return TimeSpec("date", year=day.year, month=day.month, day=day.day)
    return None


def _followed_by(candidates: list[Candidate], index: int, text: str) -> bool:
    """Whether the next candidate starts right after this one ("the day before | last Tuesday's hearing")."""
    return index + 1 < len(candidates) and bool(
        _ADJACENT_GAP.fullmatch(text, candidates[index].end, candidates[index + 1].start)
    )


def _day_named(candidate: Candidate, doc: Doc, text: str, published: date) -> date | None:
    """The single day ``candidate`` names, resolved in its own clause; None when it names no single day."""
    if candidate.spec.kind not in _DATING_KINDS or candidate.spec.kind == "anchored":
        return None
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    direction, _ = clause_direction(doc, span.start, span.end)
    expression = build_expression(candidate, text, published, direction, None)
    if expression is None or expression.precision != Precision.DAY.value or expression.lower != expression.upper:
        return None
    return expression.lower


def _unplaced_weekday(spec: TimeSpec) -> bool:
    """A bare weekday (or a clock time on one): "Tuesday", "Tuesday morning", "9 a.m. Tuesday"."""
    if spec.kind == "time" and spec.start is not None:
        spec = spec.start
    return spec.kind == "weekday" and spec.rel is None


_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")


def _in_reporting_period(
    candidate: Candidate, period: tuple[int, int] | None, text: str, *, cumulative: bool = False
) -> Candidate | None:
    """Expressions that point back at the reporting period the text last named, made explicit.

    Results are reported by quarter: after "third-quarter profit rose", "the quarter", "the latest period"
    are that quarter, and "the year-ago quarter", "year-earlier sales", "a year ago" and "a year earlier" are
    the same quarter a year before. Without a quarter named before them, the period words are dropped and "a
    year ago" keeps its plain reading.

    Results also run over the year to date ("for the nine months", "in the first six months"): once the text
    has moved on to such a ``cumulative`` period, "a year earlier", "year-earlier" and "the year-ago period"
    compare it with the same months of the year before, which no quarter names; the year is what is known.
    Words that say "quarter" ("the year-ago quarter") keep pointing at the quarter.
    """
    spec = candidate.spec
    if cumulative and period is not None and "quarter" not in text[candidate.start : candidate.end].lower():
        back = spec.kind == "ago" or (spec.kind == "anchored" and spec.sign < 0)
        if back and spec.unit == "year" and spec.n == 1:
            return replace(candidate, spec=TimeSpec("date", year=period[0] - 1))
        if spec.kind == "period" and spec.year is not None:
            return replace(candidate, spec=TimeSpec("date", year=spec.year))
        if spec.kind == "period" and spec.n == -1 and spec.mod != "YEAR":
            return replace(candidate, spec=TimeSpec("date", year=period[0] - 1))
    if spec.kind == "period" and spec.year is not None:
        # "the 1988 quarter": the reported quarter in that year; without one named, the year is what is known.
        if period is None:
            return replace(candidate, spec=TimeSpec("date", year=spec.year))
        return replace(candidate, spec=TimeSpec("quarter", ordinal=period[1], year=spec.year))
    if spec.kind == "period":
        if period is None:
            return None
        year, quarter = period
        if spec.mod == "YEAR":  # "last year's quarter": counted from the publication year, resolved below
            return replace(candidate, spec=TimeSpec("quarter", ordinal=quarter, rel=spec.n))
        return replace(candidate, spec=TimeSpec("quarter", ordinal=quarter, year=year + (spec.n or 0)))
    if spec.mod == "REPORTED" and period is not None:
        # "a loss in the third quarter of 2019 and for the whole year": the year of the quarter reported.
        return replace(candidate, spec=TimeSpec("date", year=period[0]))
    back = spec.kind == "ago" or (spec.kind == "anchored" and spec.sign < 0)
    year_back = back and spec.unit == "year" and spec.n == 1
    if period is not None and year_back:
        year, quarter = period
        return replace(candidate, spec=TimeSpec("quarter", ordinal=quarter, year=year - 1))
    return candidate


def _year_to_date(candidate: Candidate, text: str) -> bool:
    """ "the nine months", "the first six months": results over more than a quarter and less than a year, the
    months of the year to date (a multiple of a quarter, named with "the")."""
    spec = candidate.spec
    return (
        spec.kind == "duration"
        and spec.unit == "month"
        and spec.n in {6, 9}
        and _DETERMINED.match(text, candidate.start) is not None
    )


def _quarter_ended(quarter: tuple[int, int], published: date) -> bool:
    """Whether the quarter (year, ordinal) was over by the publication day."""
    year, ordinal = quarter
    return date(year, 3 * ordinal, 1) < published.replace(day=1)


def reporting_period(current: tuple[int, int] | None, named: tuple[int, int], published: date) -> tuple[int, int]:
    """The quarter a results story reports, after it names ``named``: the latest quarter named that had ended by
    publication. Results come after their quarter, so a quarter still running ("a fourth-quarter charge" in a
    November paper) or an older one named for contrast ("after a flat second quarter", "the 1988 second
    quarter") does not replace the one being reported; a running quarter serves only while none has ended."""
    if current is None:
        return named
    if not _quarter_ended(named, published):
        return current
    return named if not _quarter_ended(current, published) or named > current else current


# Verbs that move a time later than planned beside DELAYING_VERBS, with their particle: "pushed back",
# "put off", "moved to", "rescheduled for".
_MOVING_VERBS = frozenset({"push", "put", "move", "shift", "reschedule"})
# Adverbs that mark a plan's first date: "originally due in August", "initially set for May".
_FIRST_PLAN_ADVERBS = frozenset({"originally", "initially"})


def _delays(token: Token) -> bool:
    """Whether ``token`` is a verb that delays, or the particle of one ("back" in "pushed back to October")."""
    verb = token.head if token.dep_ in {"advmod", "prt"} and token.lower_ in {"back", "off"} else token
    lemma = verb.lemma_.lower()
    return lemma in DELAYING_VERBS or lemma in _MOVING_VERBS


def _from_before(to: Token) -> bool:
    """Whether "to" ends a "from ... to" pair ("moved from May to July"): the two dates place each other."""
    return to.head.lower_ == "from" or any(c.dep_ == "prep" and c.lower_ == "from" for c in to.head.children)


def _first_plan(token: Token) -> bool:
    """Whether the word a time hangs on is a plan's first date ("originally due", "initially scheduled"); an act
    told in the simple past is done, whatever came of it ("initially reached a deal on Saturday")."""
    return token.tag_ != "VBD" and any(c.dep_ == "advmod" and c.lower_ in _FIRST_PLAN_ADVERBS for c in token.children)


def _month_or_coarser(spec: TimeSpec) -> bool:
    """A month, season, quarter or half without a year of its own: what the tense has to place."""
    if spec.kind == "date":
        return spec.year is None and spec.day is None and spec.month is not None
    return spec.kind in {"season", "quarter", "half"} and spec.year is None


def _scheduled_for(span: Span) -> bool:
    """ "set for next month", "the talks, scheduled for next week": "for" after a scheduling word."""
    if span.start == 0:
        return False
    prep = span.doc[span.start - 1]
    if prep.lower_ != "for":
        return False
    head = prep.head
    return head.i != prep.i and (head.lemma_.lower() in _SCHEDULED_FOR or head.lower_ in _SCHEDULED_FOR)


def _someday(candidate: Candidate, text: str, doc: Doc, token_start: int) -> bool:
    """ "will one day join", "could one day become": "one day" between a modal and its verb is some day ahead,
    not a stretch of one day."""
    return (
        candidate.spec.kind == "duration"
        and text[candidate.start : candidate.end].lower() == "one day"
        and token_start > 0
        and doc[token_start - 1].tag_ == "MD"
    )


def _reported(doc: Doc, governor_i: int | None) -> bool:
    return governor_i is not None and doc[governor_i].lemma_.lower() in _REPORTING


# Prepositions that name an act another is measured from: "days after clashes over the weekend".
_SEQUENCE_PREPS = frozenset({"after", "before", "since", "following"})


def _placed_before_another(doc: Doc, governor_i: int | None) -> bool:
    """Whether the time's word sits in a phrase that names an earlier or later act the sentence's own act is
    measured from ("after clashes over the weekend", "since the vote on Monday")."""
    if governor_i is None:
        return False
    token = doc[governor_i]
    for _ in range(4):
        if token.dep_ in {"pobj", "pcomp"} and token.head.lower_ in _SEQUENCE_PREPS:
            return True
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_PREPS for c in token.children):
            return True  # "days after clashes over the weekend left dozens dead"
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def find_time_expressions(doc: Doc, published: date) -> list[TimeExpression]:
    """Every time expression in ``doc``, resolved against ``published`` and the tense of its clause.

    Anchored expressions ("two days earlier", "the next day") count from the narrative reference time: the
    last day-precise date the text narrated before them, in this sentence or an earlier one. A date that
    only dates a report ("the ministry said Monday") is used only when nothing was narrated before it.
    """
    text = doc_text(doc)
    expressions: list[TimeExpression] = []
    reference: date | None = None
    reference_sentence = -1  # the first token of the sentence that set the reference day
    reported: date | None = None
    period: tuple[int, int] | None = None  # the reporting quarter the text is about: (year, quarter)
    cumulative = False  # whether the text has since moved on to results for the year to date
    candidates = find_candidates(text, doc)
    narrative = narrates_the_past(candidates, published)
    story_year: int | None = None  # the year the text last named: what "on June 3" belongs to in a story
    story_token = 0
    story_fronted = False  # the story's year opened its sentence ("In 2019 the sides tried again.")
    mentioned: dict[str, tuple[int, date]] = {}  # precision -> (offset, first day) of the last time named at it
    stretch: tuple[date, date] | None = None  # the last run of days named ("Jan. 25-26", "from Monday to Friday")
    stretch_token = 0
    # The month last named with its year: (the word it hangs on, year, month, its first and last token + 1).
    chronicle: tuple[int, int, int, int, int] | None = None
    scene_moved = False  # a month named since the reference day, outside it, set the scene of its clause
    full_date: tuple[int, date] | None = None  # the last month or day named with its year: (token, first day)
    for index, found in enumerate(candidates):
        candidate = _in_reporting_period(found, period, text, cumulative=cumulative)
        if candidate is None:
            continue
        inferred = candidate is not found  # read against the reporting period the text named
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        direction, governor_i = clause_direction(doc, span.start, span.end)
        if (
            direction != "past"
            and _timeline_entry(candidate, text)
            and _unplaced(candidate.spec)
            and not (governor_i is not None and _marked_ahead(doc[governor_i]))
        ):
            # "Oct. 3 - The two leaders speak by phone": a timeline's entry tells the past in the present tense;
            # its date is the nearest such day, not the next one.
            direction = None
        if direction == "past" and _next_in_a_story(candidate, text):
            # "In 2023 the army moved in. Talks began the next year.": told in the past, "the next year" is the year
            # after the one the story told, as "the following year" is, not the year after publication.
            spec = candidate.spec
            candidate = replace(candidate, spec=TimeSpec("anchored", n=1, unit=spec.unit, sign=1, mod="UNIT"))
        if candidate.spec.kind == "anaphor":
            # "If no price is agreed by that time": the time named last, in this sentence or the one before.
            if expressions and _sentences_between(doc, expressions[-1].token_start, span.start) <= 1:
                antecedent = expressions[-1]
                expressions.append(
                    replace(
                        antecedent,
                        text=text[candidate.start : candidate.end],
                        start=candidate.start,
                        end=candidate.end,
                        token_start=span.start,
                        token_end=span.end,
                        signal=candidate.signal,
                        governor_i=governor_i,
                        basis="narrative",
                        points=(),
                    )
                )
            continue
        if (
            candidate.spec.kind == "duration"
            and candidate.signal == "in"
            and _SUPERLATIVE.search(text[max(sentence_of(span[0]).start_char, candidate.start - 80) : candidate.start])
        ):
            direction = None  # "the first visit in five years" is a stretch of time, not a date ahead
        if direction == "future" and _month_or_coarser(candidate.spec) and loose_futurate(doc, governor_i):
            direction = None  # "it repays the king's visit at the end of October": the nearest October
        if (
            candidate.spec.kind == "weekday"
            and candidate.spec.rel is None
            and _POSSESSIVE.match(text, candidate.end)
            and (direction != "future" or _issued_text_in_force(span))
        ):
            # "stands above Thursday's price": a possessive weekday names a day gone unless its clause reads ahead;
            # "Monday's decree bans the sale": a text issued that day tells in the present what it says.
            direction = "past"
        # "are not due until 2028", "won't resume until May": the act is held back to that time, not done by it.
        held_back = candidate.signal in {"until", "till"} and governor_i is not None and _negated_verb(doc[governor_i])
        if candidate.signal in _LIMIT_SIGNALS and _unplaced(candidate.spec) and not held_back and direction != "future":
            # "gave the firm until mid-November to reply", "has until 9 a.m. Tuesday to sign": a limit runs on
            # from the act, so the act's past tense does not place it; the nearest such month or day is meant.
            # An act told in the future ("will stay until Wednesday") ends after the telling, and so does its limit.
            direction = None
        # The signal words leave out "to" (it ends ranges: "from May to July"); the word before says it too.
        target = candidate.signal in _TARGET_SIGNALS or (
            span.start > 0 and doc[span.start - 1].lower_ == "to" and not _from_before(doc[span.start - 1])
        )
        if (
            target
            and (_unplaced_weekday(candidate.spec) or _month_or_coarser(candidate.spec))
            and governor_i is not None
            and _delays(doc[governor_i])
        ):
            # "postponed the hearing until Tuesday morning", "has been pushed back to October": a delay moves a
            # time past the act, and the act is news, so the coming such day or month is meant.
            direction = "future"
        elif _unplaced(candidate.spec) and governor_i is not None and _first_plan(doc[governor_i]):
            # "a vote originally due in August": the first date of a plan since moved is the nearest such
            # month, gone by or ahead, not the next one a plan would point to.
            direction = None
        if candidate.signal == "since" and candidate.spec.kind in _SINCE_PAST_KINDS:
            direction = "past"  # "since December": whatever the verb's tense, the start lies behind
        resolved = candidate
        if _someday(candidate, text, doc, span.start):
            resolved = replace(candidate, spec=TimeSpec("ref", ref="FUTURE_REF"))  # "Zembla will one day join"
        if (
            story_year is not None
            and _sentences_between(doc, story_token, span.start) > 1
            and not (narrative and "\n" not in text[doc[story_token].idx : candidate.start])
        ):
            # The story's year holds for its sentence and the next, then must be named again; in a text that
            # tells a story through the years, for the rest of its paragraph.
            story_year = None
        storied = (
            story_year is not None
            and direction != "future"
            and _yearless(candidate.spec)
            and (narrative or _scene_continued(doc, span, story_token, story_fronted, direction))
        )
        chronicled = (
            not storied
            and chronicle is not None
            and governor_i is not None
            and _chronicled(doc, candidate.spec, chronicle, governor_i, direction, published)
        )
        if storied:
            # A story told through the years: "In 2019 the talks resumed. On June 3, the delegations met"
            # is June 3, 2019, not the June 3 before publication.
            resolved = replace(candidate, spec=replace(candidate.spec, year=story_year))
        elif chronicled and chronicle is not None:
            # "met in Almaty in May 2024 and again in Washington in July": one sentence's chronicle goes on in
            # the year it named.
            resolved = replace(candidate, spec=replace(candidate.spec, year=chronicle[1]))
            storied = True
        if held_back:
            resolved = replace(resolved, signal=None)
        if candidate.signal == "for" and candidate.spec.kind == "relative" and _scheduled_for(span):
            resolved = replace(candidate, signal=None)  # "set for next month" is a month, not a stretch
        elif (
            candidate.signal in _STRETCH_SIGNALS
            and candidate.spec.kind == "relative"
            and not _DETERMINED.match(text, candidate.start)
        ):
            # Without "the", "next year" is the calendar year even after "for": "the estimate for next year"
            # (a stretch reads "for the next year").
            resolved = replace(candidate, signal=None)
        counted_from = reference if reference is not None else reported
        spec = candidate.spec
        anchored_on = _anchored_on_its_object(candidates, index, expressions, doc, text, published)
        if isinstance(anchored_on, TimeSpec):
            resolved = replace(resolved, spec=anchored_on)
        elif anchored_on is not None:
            counted_from = anchored_on
        elif (
            spec.kind == "date"
            and spec.month is not None
            and spec.year is None
            and _THAT_BEFORE.search(text, max(0, candidate.start - 12), candidate.start)
            and mentioned
        ):
            # "talks in Qatar in late 2023 led to a swap that December": the month in the year the text last named.
            year = max(mentioned.values())[1].year
            resolved = replace(resolved, spec=replace(spec, year=year))
            storied = True
        elif spec.kind in {"date", "season"} and spec.sign and spec.year is None:
            # "the following January", "the previous May", "the following spring": from the month or day the
            # text last named.
            named = [mentioned[p] for p in ("day", "month") if p in mentioned]
            if named:
                counted_from = max(named)[1]
        elif spec.kind == "anchored" and spec.unit in _COUNTED_FROM:
            # "The firm was founded in June 2019. Later that year ...": the year the text last named.
            named = [mentioned[p] for p in _COUNTED_FROM[spec.unit] if p in mentioned]
            if named:
                counted_from = max(named)[1]
            latest = max(mentioned.items(), key=lambda item: item[1], default=None)
            if latest is not None and latest[0] == "year" and (not named or latest[1] > max(named)):
                # "... a treaty signed in 1975. Two months later ...": counted from a year, the month is unknown;
                # the year is what the text supports.
                resolved = replace(resolved, spec=TimeSpec("date", year=latest[1][1].year))
        elif (
            spec.kind == "anchored"
            and spec.unit in _DAY_UNITS
            and spec.mod != "NTH_DAY"
            and (counted_from is None or (scene_moved and spec.n != 0))
            and (coarse := _coarse_mention(mentioned)) is not None
        ):
            # "Zembla recalled its envoy last month ... A week later, Ostland released the crew": no day has been
            # narrated to count from, only a month (or a year); the count lands in that month or a later one, as
            # near as the text allows, and never on a day counted from the publication date.
            resolved = replace(resolved, spec=_counted_month(coarse, spec))
        elif spec.kind == "anchored" and spec.mod == "NTH_DAY":
            # "on his first day in Rome", "on the second day": the days of the stretch the text last named.
            if stretch is None or _sentences_between(doc, stretch_token, span.start) > _STRETCH_SENTENCES:
                continue
            first_day, last_day = stretch
            nth = last_day if spec.n is None else first_day + timedelta(days=spec.n)
            if nth > last_day:
                continue
            resolved = replace(resolved, spec=TimeSpec("date", year=nth.year, month=nth.month, day=nth.day))
        elif spec.kind == "anchored" and spec.unit == "day" and spec.n == 0 and "day" in mentioned:
            # "that day", "the same day", "later in the day" point back at the day last named, even one that
            # dates a report ("the mayor said on May 9 ... That same day, the strikers went home"); "the next
            # day" keeps counting from the last narrated day.
            counted_from = mentioned["day"][1]

        build = partial(
            build_expression,
            text=text,
            published=published,
            direction=direction,
            reference=counted_from,
            token_start=span.start,
            token_end=span.end,
            governor_i=governor_i,
        )
        expression = build(resolved)
        if expression is None:
            continue
        if (
            not storied
            and full_date is not None
            and direction != "future"
            and _yearless(resolved.spec)
            and expression.lower is not None
            and expression.lower.year < published.year
            and _sentences_between(doc, full_date[0], span.start) <= _GOES_ON_SENTENCES
        ):
            # "On November 27, 2011, MPs voted ... Britain withdrew its staff on November 30": news names a
            # day of an earlier year with its year, so a day without one that only an earlier year fits goes on
            # from the full date just told, in its year, when it follows it closely.
            on = _going_on_from(resolved, full_date[1], build)
            if on is not None:
                expression, storied = on, True
        if resolved is not candidate:
            expression = replace(expression, signal=candidate.signal)
        if storied or inferred or (resolved.spec.kind == "date" and spec.kind == "anchored"):
            expression = replace(expression, basis="narrative")
        if expressions and _RESTATEMENT_GAP.fullmatch(text, expressions[-1].end, candidate.start):
            # "at 4 a.m. (9.30 p.m. GMT on Sunday)": the same moment in another zone, whose day is not the day of
            # the event; it dates nothing and does not move the narrative.
            expression = replace(expression, edtf=None, lower=None, upper=None, precision=None)
        if found.spec.kind == "date" and found.spec.year is not None:
            # Only a year that sets the scene of a clause ("In 2019 the sides tried again") starts a story
            # step; a year inside a noun phrase ("the 1896 battle", "a treaty of 1929"), or in a clause that only
            # describes a noun ("incidents dating to 1994", "a pact that was signed in 1929"), does not.
            # "By 2016 relations had thawed": a year opening its sentence after a preposition sets the scene,
            # even where the parser hung it on the noun after it ("2016 relations").
            opens = _fronted(doc, span) and span.start > span.sent.start
            sets_scene = (governor_i is not None and _sets_scene(doc, governor_i)) or opens
            story_year, story_token = (found.spec.year, span.start) if sets_scene else (None, 0)
            story_fronted = sets_scene and _fronted(doc, span)
        if found.spec.kind == "date" and found.spec.year is not None and found.spec.month and expression.lower:
            full_date = (span.start, expression.lower)
        first_month = _named_month(found.spec)
        if first_month is not None and found.spec.year is not None and governor_i is not None:
            chronicle = (governor_i, found.spec.year, first_month, span.start, span.end)
            if (
                reference is not None
                and found.spec.day is None
                and expression.lower is not None
                and expression.upper is not None
                and not expression.lower <= reference <= expression.upper
                and _sets_scene(doc, governor_i)
            ):
                # "In September 2023 the army moved in ... over the following week": a month the story moves to
                # leaves behind the day it told before; a count of days on from it now lands in that month
                # ("earlier in the day", "that day" still point back at the day).
                scene_moved = True
        expressions.append(expression)
        if candidate.spec.kind in _DATING_KINDS and expression.lower is not None and expression.precision:
            mentioned[expression.precision] = (candidate.start, expression.lower)
            if (
                candidate.spec.kind == "range"
                and expression.upper is not None
                and 0 < (expression.upper - expression.lower).days <= _LONGEST_STRETCH_DAYS
            ):
                stretch, stretch_token = (expression.lower, expression.upper), span.start
        quarter = _QUARTER_VALUE.fullmatch(expression.value)
        if quarter is not None and found.spec.kind == "quarter":  # a quarter the text names, not one inferred
            period = reporting_period(period, (int(quarter[1]), int(quarter[2])), published)
        if _year_to_date(found, text):
            cumulative = True
        elif found.spec.kind in {"quarter", "period"} and "quarter" in expression.text.lower():
            cumulative = False
        vague_days = candidate.spec.kind == "relative" and candidate.spec.unit == "week"  # "later this week"
        if expression.precision == Precision.DAY.value and expression.lower is not None and not vague_days:
            # The narrative reference time: what "the next day" and "two days earlier" count from.
            day = expression.lower if "/" not in (expression.edtf or "") else expression.upper
            sentence_start = sentence_of(span[0]).start
            if _reported(doc, governor_i):
                reported = day
            elif not (
                (reference_sentence == sentence_start and _placed_before_another(doc, governor_i))
                or _counted_from(span)
            ):
                # "resumed talks on Thursday, days after clashes over the weekend": the day the sentence's act
                # took place stays the reference; a day named for an earlier act it is measured from does not.
                reference, scene_moved = day, False
                reference_sentence = sentence_start
    return expressions


# Texts a state or a body issues, which, once issued, say in the present what they do: "the order lifts the curbs".
ISSUED_TEXTS = frozenset(
    {"resolution", "order", "decree", "statement", "ruling", "decision", "declaration", "communique", "communiqué",
     "directive", "proclamation", "letter", "report", "verdict", "judgment", "judgement"}
)  # fmt: skip


def _issued_text_in_force(span: Span) -> bool:
    """ "Monday's decree bans the sale", "Tuesday's ruling voids the contract": a weekday that
    owns an issued text which is the subject of a simple present with no modal; the text already exists."""
    owner = span.root.head
    if owner.lemma_.lower() not in ISSUED_TEXTS or owner.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = owner.head
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" for c in verb.children)


def _counted_from(span: Span) -> bool:
    """ "the first such session since the shelling of an islet on May 2": a day inside a "since"
    phrase is where a count starts, named in passing, not a day the story moves to."""
    return any(a.dep_ == "prep" and a.lower_ == "since" for a in span.root.ancestors)


def resolve_time_expression(text: str, published: date, *, tense: str | None = None) -> TimeExpression | None:
    """Resolve one expression in isolation (tense: 'past' | 'future' | None), for tests and tools.

    The longest match in ``text`` is resolved; token offsets are not meaningful here and are zero.
    """
    candidates = find_candidates(text)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.end - c.start)
    expression = build_expression(best, text, published, tense, None)
    if expression is None:
        return None
    return replace(expression, token_start=0, token_end=0)


__all__ = ["Candidate", "find_candidates", "find_time_expressions", "resolve_time_expression"]
