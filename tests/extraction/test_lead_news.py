"""An act in the present perfect in a story's lead, with no time of its own, is the news of the publication
day; a dated telling of the same act below stands for it (issue 13, kind 6). Every sentence here was
written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import DateBasis, EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def of_kind(text: str, kind: EventType) -> list[ExtractedEvent]:
    return [e for e in extract(text, PUBLISHED, CONFIG).events if e.type is kind]


def test_it_dates_a_present_perfect_act_of_the_lead_by_the_publication_day() -> None:
    found = of_kind("Kenya says it has expelled two Ugandan diplomats.", EventType.EXPULSION)
    assert [(e.date, e.date_basis) for e in found] == [("2024-06-12", DateBasis.INFERRED)]


def test_it_leaves_an_undated_present_perfect_below_the_lead_undated() -> None:
    text = (
        "The two neighbours have quarrelled for years. Trade between them fell last year. "
        "Border talks stalled in May. Kenya says it has expelled two Ugandan diplomats."
    )
    assert of_kind(text, EventType.EXPULSION) == []


def test_a_dated_telling_of_the_same_act_stands_for_the_lead() -> None:
    text = (
        "Kenya has expelled two Ugandan diplomats, the ministry says. "
        "Foreign Minister Ruth Achieng expelled the two diplomats on Wednesday."
    )
    found = of_kind(text, EventType.EXPULSION)
    assert [(e.date, e.citation.time_text) for e in found] == [("2024-06-12", "Wednesday")]


def test_the_lead_yields_to_a_telling_dated_days_before() -> None:
    text = (
        "Kenya says Ugandan jets have entered its airspace. "
        "The ministry said two Ugandan jets entered Kenyan airspace on Monday."
    )
    assert [e.date for e in of_kind(text, EventType.INCIDENT)] == ["2024-06-10"]
