"""The time-expression finder does work linear in the article's length, and its shortcuts change nothing."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from events.extraction.timex import finder
from events.extraction.timex.finder import GATES, find_candidates
from events.extraction.timex.patterns import PATTERNS

ARTICLES = Path(__file__).parent / "devgold" / "articles"
PHRASES = [
    "on 2025-04-06", "from Aug. 27 to 29", "from 27 to 29 August", "on 5 May 2023", "in October of next year",
    "in 2007-2010", "in the 1990s", "the '80s", "since '82", "on 4/6/2025", "late yesterday", "this morning",
    "earlier in the week", "at the end of the year", "late in the day", "over the weekend", "that same day",
    "in the third quarter of 2024", "in Q3 2024", "the first half of next year", "two years ago",
    "two days earlier", "the next day", "the day before", "a four-day visit", "a year-long", "in recent years",
    "every two weeks", "at 10:30 GMT Monday", "at 9 a.m. Tuesday", "in the coming months", "for five years",
]  # fmt: skip


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))] + PHRASES


@pytest.mark.parametrize("name", sorted(GATES))
def test_every_match_of_a_gated_pattern_contains_its_gate(name: str) -> None:
    pattern = next(p for p in PATTERNS if p.name == name)
    for text in _texts():
        for match in pattern.regex.finditer(text):
            assert GATES[name].search(match.group(0)), (name, match.group(0))


def test_the_phrases_exercise_most_gates() -> None:
    hit = {p.name for p in PATTERNS if p.name in GATES for t in PHRASES if p.regex.search(t)}
    assert len(hit) >= len(GATES) - 3, sorted(set(GATES) - hit)


def test_context_checks_look_back_a_bounded_distance(monkeypatch: pytest.MonkeyPatch) -> None:
    """Context before a match is read back to the previous word, not from the start of the article."""
    examined = 0
    original = finder._run_start

    def counting(text: str, end: int, in_run: object) -> int:
        nonlocal examined
        start = original(text, end, in_run)  # type: ignore[arg-type]
        examined += end - start + 1
        return start

    monkeypatch.setattr(finder, "_run_start", counting)
    sentence = "Sales rose 5 percent a year, Black Monday aside, in 2019 and $2020 on Friday. "
    for copies in (10, 100):
        examined = 0
        found = find_candidates(sentence * copies)
        assert found
        assert examined <= 20 * copies  # a few characters per match, whatever the length


def test_overlap_settling_is_the_greedy_longest_first_choice() -> None:
    text = " ".join(PHRASES) * 3
    found = find_candidates(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
