"""Plans that "would have been", sayers joined by "and", envoys ordered home, trade frozen in a "while" clause,
and a council's measures. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, told


def test_a_planned_meeting_that_would_have_been_held_did_not_come_about() -> None:
    text = "The planned meeting, due in Quito on June 25, would have marked the first such dialogue since 2019."
    assert told(text, A_FRIDAY) == [(EventType.MEETING, EventStatus.CANCELLED, "2025-06-25")]
    text = (
        "Chile on Monday put off its talks with Peru. "
        "The planned meeting, due in Quito on June 25, would have marked the first such dialogue since 2019."
    )
    assert [status for _, status, _ in told(text, A_FRIDAY)] == [EventStatus.POSTPONED, EventStatus.POSTPONED]


def test_they_stands_for_every_sayer_joined_by_and() -> None:
    events = extract(
        "Peru and Bolivia said late on Thursday they have now agreed a truce along the border.", A_FRIDAY
    ).events
    assert [[actor.name for actor in event.actors] for event in events] == [["Peru", "Bolivia"]]


def test_an_envoy_ordered_home_is_recalled() -> None:
    events = extract("Chile said on Tuesday it was ordering its ambassador home for consultations.", A_FRIDAY).events
    assert [(event.type, event.date, event.title) for event in events] == [
        (EventType.PROTEST, "2025-03-11", "Chile recalls ambassador")
    ]


def test_trade_frozen_in_a_subjectless_while_clause_is_a_second_act_of_the_day() -> None:
    text = "On Monday Chile expelled the Peruvian ambassador while also freezing trade with Lima."
    assert told(text, A_FRIDAY) == [
        (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-10"),
        (EventType.SANCTION, EventStatus.OCCURRED, "2025-03-10"),
    ]
    text = "On Monday Chile expelled the Peruvian ambassador, while Bolivia halted trade with Lima."
    assert told(text, A_FRIDAY) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-10")]


def test_a_council_approving_a_zone_decides_and_a_bare_vote_takes_its_title() -> None:
    text = "The UN Security Council has approved an exclusion zone around Chad's north. Friday's vote was 12 to none."
    events = extract(text, A_FRIDAY).events
    assert [(event.type, event.date, event.title) for event in events] == [
        (EventType.RESOLUTION, "2025-03-14", "UN Security Council approves exclusion zone")
    ]
