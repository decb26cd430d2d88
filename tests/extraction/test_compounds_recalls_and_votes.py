"""A compound read as subject and verb, an envoy's recall announced, a body due to vote and what it votes
on, and weapons sold to a side. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_a_plural_event_noun_read_as_a_verb_after_a_bare_noun_is_the_event() -> None:
    # The parser reads "military drills" as subject and verb; the drills are the event.
    events = extract("The deal is the first since Chilean military drills near the border in January.", A_FRIDAY).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in events] == [
        (EventType.MILITARY_EXERCISE, "2025-01", ["Chile"])
    ]
    # With a determiner the noun is a subject and the verb a verb.
    assert found("The army drills its recruits on Mondays.") == []


def test_an_announced_recall_of_an_envoy_is_the_recall() -> None:
    events = extract("Chile announced the recall of its ambassador to Peru on Monday.", A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.PROTEST, EventStatus.OCCURRED, "2025-03-10")]
    assert [a.name for a in events[0].actors][:1] == ["Chile"]
    # A recall of goods is no envoy's.
    assert found("The firm announced the recall of 4,000 cars on Monday.") == [
        (EventType.STATEMENT, EventStatus.OCCURRED, "2025-03-10")
    ]


def test_a_body_due_to_vote_decides_by_resolution_and_the_title_says_on_what() -> None:
    events = extract("Peru's parliament is due to vote on Bolivia's membership on March 20.", A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.RESOLUTION, EventStatus.SCHEDULED, "2025-03-20")]
    assert events[0].title == "Peru to vote on Bolivia's membership"


def test_weapons_sold_to_a_side_are_military_aid() -> None:
    assert found("The State Department on Monday approved a $500 million arms sale to Chile.") == [
        (EventType.AID, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("The State Department on Monday approved the sale of a federal building.") == []
