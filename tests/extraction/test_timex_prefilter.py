"""The prefilter tries each pattern only where its core can begin, and finds exactly what ``finditer`` finds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.extraction.timex.patterns import PATTERNS, Pattern, _compile
from events.extraction.timex.prefilter import (
    FOLDS,
    PREFILTER,
    Prefilter,
    _atom,
    core_body,
    lead_strings,
    matches,
    normal,
)

HERE = Path(__file__).parent
SEED = HERE.parent.parent.parent / "shared" / "corpus"
PHRASES = (
    "On 2025-04-06, from Aug. 27 to 29 and from 27 to 29 August; on 5 May 2023, in October of next year, in "
    "2007-2010, in the 1990s, the '80s, since '82, on 4/6/2025, late yesterday, this morning, earlier in the "
    "week, at the end of the year, late in the day, over the weekend, that same day, in the third quarter of "
    "2024, in Q3 2024, the first half of next year, two years ago, two days earlier, the next day, the day "
    "before, a four-day visit, a year-long, in recent years, every two weeks, at 10:30 GMT Monday, at 9 a.m. "
    "Tuesday, in the coming months, for five years, as of  Monday, As\tof\nJune 2, IN\n\nMAY 2020, ON TUESDAY. "
    "In the quarter, against last year's quarter and the year-ago period, year-earlier sales fell. In "
    "nineteen ninety-six and by the year two thousand. On Christmas Eve, at noon Saturday and until 5 p.m. EST "
    "Nov. 9, before New Year's Day, in the week of May 5, between 3 and 5 May. For the year ended May 1 and "
    "the full year, the 20th century and the nineties, on her first day. In the 2023 period and the fiscal-"
    "first quarter, against the quarter a year ago, for 2 1/2 years and a year and a half, in coming weeks. "
    "By mid-afternoon yesterday, in the near future, over the first two quarters of 2026, a week or so ago. "
    "Each Thursday, on Mondays and Tuesday nights, every July and each spring. In March nineteen seventy-two "
    "and the winter of nineteen eighty-six. Over the years and in the weeks ahead, by that time."
)
# Spelling the matcher must treat as IGNORECASE does: the Kelvin sign, long s, dotted and dotless i, other
# digits and spaces (Arabic-Indic, full-width, no-break and em spaces), whitespace runs across lines.
ODD = (
    "ſince Monday, \u212aelvin, \u0130n May, s\u0131nce 2019, in \u0663\u0660\u0662\u0663, on \uff11\uff12 "
    "May, in\u00a0June\u20032024, two\u2003days later, in\n\n\nMay, from\r\nMonday to Friday, 1,000 years, "
    "\u2014since 2012\u2014, (on Friday), -Tuesday, x-2019, 2019-20, 'tis, 9am, 10:30UTC."
)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((HERE / "devgold" / "articles").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))] if SEED.is_dir() else []
    return [*texts, PHRASES, ODD, PHRASES.upper(), PHRASES.lower(), ""]


def _found(matches_: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches_]  # type: ignore[attr-defined]


def _same_as_finditer(text: str) -> None:
    starts = PREFILTER.candidates(text)
    for index, pattern in enumerate(PATTERNS):
        expected = _found(pattern.regex.finditer(text))
        assert _found(matches(pattern, text, starts.get(index, []))) == expected, (pattern.name, text[:80])


@pytest.mark.parametrize("index", range(len(_texts())))
def test_every_pattern_finds_what_finditer_finds(index: int) -> None:
    _same_as_finditer(_texts()[index])


def test_the_texts_exercise_every_pattern() -> None:
    joined = "\n".join(_texts())
    assert all(p.regex.search(joined) for p in PATTERNS), [p.name for p in PATTERNS if not p.regex.search(joined)]


_PIECES = [
    "May", "may", "MAY", "Aug.", "Sept.", "June", "Monday", "Tues.", "Sunday", "today", "tonight", "the", "a",
    "an", "in", "on", "as", "of", "from", "to", "since", "for", "over", "early", "late", "earlier", "later",
    "last", "next", "this", "past", "same", "day", "days", "week", "weeks", "month", "year", "years", "ago",
    "after", "before", "quarter", "half", "first", "second", "spring", "fall", "winter", "morning", "night",
    "2019", "1990s", "'80s", "'82", "18", "27", "3", "10:30", "9", "a.m.", "pm", "GMT", "two", "several",
    "twenty-one", "a couple of", "every", "per", "daily", "now", "recently", "the past", "long", "old",
    "noon", "midnight", "Christmas", "Easter", "New Year's",
    "\u212a", "ſ", "\u0130", "\u0131", "\u0663", "\uff12", "-", "–", "/", ",", ".", "'", "(", ")", "%",
]  # fmt: skip
_GLUE = [" ", " ", " ", "", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "-", ", ", ". "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=14))
def test_random_time_phrases_match_as_finditer_does(parts: list[tuple[str, str]]) -> None:
    _same_as_finditer("".join(piece + glue for piece, glue in parts))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_matches_as_finditer_does(text: str) -> None:
    _same_as_finditer(text)


def _all_characters() -> str:
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


def test_folds_are_every_non_ascii_character_ignorecase_reads_as_an_ascii_letter() -> None:
    everything = _all_characters()
    folded = {c for letter in "abcdefghijklmnopqrstuvwxyz" for c in re.findall(f"(?i){letter}", everything)}
    assert {c for c in folded if not c.isascii()} == set(FOLDS)


def test_the_first_filter_accepts_every_character_the_walk_reads_alike() -> None:
    """``_atom(c)`` matches every character that :func:`normal` turns into ``c`` (so the regex filter in
    front of the trie walk never drops a start the walk would keep)."""
    alphabet: set[str] = set()
    stack = [PREFILTER.root]
    while stack:
        node = stack.pop()
        alphabet.update(node.children)
        stack.extend(node.children.values())
    for char in _all_characters():
        spelled = normal(char)
        if spelled in alphabet:
            assert re.fullmatch(_atom(spelled), char), (hex(ord(char)), spelled)


def test_leads_are_the_normalised_beginnings_of_a_core_up_to_seven_characters() -> None:
    # Lower case, digits as 0, whitespace runs as one space; "early " is 6 characters, so one more.
    assert lead_strings(r"(?:early\s+)?(?P<m>May|June)\s+\d+") == {
        "may 0", "may 00", "may 000", "june 0", "june 00", "early m", "early j"
    }  # fmt: skip
    assert lead_strings(r"[^x]day") is None  # a negated class can begin anywhere


def test_a_core_that_can_begin_anywhere_is_scanned_whole() -> None:
    anywhere = Pattern("anywhere", _compile(r".day"), lambda g: None)
    named = Pattern("named", _compile(r"(?P<wd>Monday)"), lambda g: None)
    assert lead_strings(core_body(anywhere) or "") is None
    prefilter = Prefilter.build([anywhere, named])
    assert prefilter.whole == frozenset({0})
    assert prefilter.candidates("on Monday, Tuesday")[1] == [0, 3]  # the signal "on" and the core "Monday"


def test_most_word_starts_are_never_tried() -> None:
    text = (HERE / "devgold" / "articles" / "taiwan-drills-scraped.txt").read_text(encoding="utf-8")
    words = len(re.findall(r"(?<![\w-])\S", text))
    tried = sum(len(positions) for positions in PREFILTER.candidates(text).values())
    assert tried < words * len(PATTERNS) / 10
