"""Forces sent and where to, money given to a side, a possessive time, an act inside a dated visit, rules on
crossing eased, and "the coming days". Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def titles(text: str) -> list[str]:
    return [e.title for e in extract(text, A_FRIDAY).events]


def test_forces_sent_are_titled_with_the_forces_and_where_they_go() -> None:
    assert titles("Brazil will deploy 2,000 soldiers to Bolivia next week.") == [
        "Brazil to deploy 2,000 soldiers to Bolivia"
    ]
    assert titles("Chile sent 400 troops to Peru on Monday.") == ["Chile sends 400 troops to Peru"]


def test_money_given_to_a_side_is_aid() -> None:
    assert found("The European Union promised 300 million euros to Bolivia on Monday.") == [
        (EventType.AID, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("On Monday, donors pledged $900 million to help Peru rebuild.") == [
        (EventType.AID, EventStatus.OCCURRED, "2025-03-10")
    ]
    # A sum with no side to receive it is a budget, not a gift.
    assert found("The government promised $2 billion for border roads on Monday.") == []


def test_a_possessive_time_dates_its_own_noun_not_a_gathering_beside_it() -> None:
    # "last year's" owns the floods; the conference is not of last year.
    text = (
        "On Monday, donors pledged $900 million to help Peru rebuild after last year's floods at a conference in Lima."
    )
    assert found(text) == [(EventType.AID, EventStatus.OCCURRED, "2025-03-10")]
    # Of the noun it owns, it is the date: "last year's summit".
    assert found("Last year's summit in Lima was cancelled.") == [(EventType.SUMMIT, EventStatus.CANCELLED, "2024")]


def test_an_act_inside_a_dated_visit_takes_the_visit_date_over_a_borrowed_one() -> None:
    events = extract(
        "Bolivia will open its border to Chilean trucks from April 1, its ministry said on Thursday, under an "
        "accord signed during the Chilean president's visit in January.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.date) for e in events if e.type is EventType.AGREEMENT] == [(EventType.AGREEMENT, "2025-01")]


def test_rules_on_crossing_lifted_or_eased_are_a_measure() -> None:
    assert found("Ostland will lift visa requirements for Zemblan citizens from April 1.") == [
        (EventType.SANCTION, EventStatus.SCHEDULED, "2025-04-01")
    ]
    assert found("Ostland eased its visa regime for Zemblan tourists on Monday.") == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("The central bank eased capital requirements on Monday.") == []


def test_the_coming_days_are_the_week_ahead() -> None:
    assert found("Brazil will deploy 2,000 soldiers to Bolivia in the coming days.") == [
        (EventType.DEPLOYMENT, EventStatus.SCHEDULED, "2025-03-14/2025-03-21")
    ]
