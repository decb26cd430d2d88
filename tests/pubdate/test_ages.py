"""A stated age against a birth date (events.pubdate.ages), on sentences written for these tests."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from events.pubdate.ages import age_clues, births
from events.pubdate.clue import sentence_bounds
from events.pubdate.facts import FACTS_DIR

BORN = {"anaruiz": ("Ana Ruiz", date(1960, 3, 10))}


def clues(text: str):
    return age_clues(text, sentence_bounds(text), BORN)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Zemblan Prime Minister Ana Ruiz, 64, flew to Port Ostra on Monday.", id="comma"),
        pytest.param("The talks were led by Ana Ruiz (64) and an aide.", id="brackets"),
        pytest.param("Ana Ruiz, aged 64, opened the session.", id="aged"),
    ],
)
def test_a_stated_age_allows_the_year_after_that_birthday(text: str) -> None:
    (clue,) = clues(text)
    ((lower, upper),) = clue.intervals
    # 64 from 10 March 2024 to 9 March 2025, with a fortnight either side.
    assert lower == date(2024, 2, 25) and upper == date(2025, 3, 23)
    assert "1960-03-10" in clue.fact


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ruiz, 64, flew to Port Ostra on Monday.", id="surname-alone"),
        pytest.param("When Ana Ruiz, 40, first took office, she was a novice.", id="another-time"),
        pytest.param("In 2001 Ana Ruiz, 41, ran for the assembly.", id="dated-sentence"),
        pytest.param("Minister Vesna Kolar, 52, flew to Port Ostra.", id="unknown-person"),
        pytest.param("Ana Ruiz, 4, 7 and 9 were the rooms.", id="not-an-age"),
    ],
)
def test_no_age_clue_without_a_full_name_of_the_file_in_a_sentence_of_the_present(text: str) -> None:
    assert clues(text) == []


def test_the_birth_file_names_only_officeholders_of_the_facts() -> None:
    with (FACTS_DIR / "terms.csv").open(encoding="utf-8", newline="") as handle:
        people = {row["person"] for row in csv.DictReader(handle)}
    table = births()
    assert table and {person for person, _ in table.values()} <= people
    assert all(date(1900, 1, 1) < born < date(2000, 1, 1) for _, born in table.values())


def test_the_check_doubts_a_date_the_age_rules_out(monkeypatch: pytest.MonkeyPatch) -> None:
    from events import pubdate
    from events.pubdate import ages

    monkeypatch.setattr(ages, "births", lambda: BORN)
    text = "Zemblan Prime Minister Ana Ruiz, 64, flew to Port Ostra on Monday."
    facts = pubdate.Facts()
    late = pubdate.check_publication_date(
        text=text, stated=date(2027, 6, 1), mentions=(), facts=facts, today=date(2030, 1, 1)
    )
    assert late.verdict == "doubtful" and late.suggested == date(2024, 6, 1)
    inside = pubdate.check_publication_date(
        text=text, stated=date(2024, 6, 1), mentions=(), facts=facts, today=date(2030, 1, 1)
    )
    assert inside.verdict == "ok"
