"""States named by a noun of state, a headline act told again in the lead, exports and entry stopped, plans
told in the pluperfect passive, orders in a lead and offices assumed. Every sentence here was written for
this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import told

# A Monday in August.
AN_AUGUST_MONDAY = date(2024, 8, 19)


def test_a_noun_of_state_completed_by_its_name_is_that_state() -> None:
    events = extract(
        "The South American nation of Paraguay has broken off relations with Taiwan.", AN_AUGUST_MONDAY
    ).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in events] == [
        (EventType.WITHDRAWAL, "2024-08-19", ["Paraguay", "Taiwan"])
    ]


def test_a_headline_meeting_and_the_leads_talks_of_the_same_sides_are_one_act() -> None:
    text = (
        "Peruvian, Chilean navies meet after sea standoff\n\n"
        "Peruvian and Chilean naval commanders held talks at sea on Monday after the standoff."
    )
    gatherings = {EventType.MEETING, EventType.TALKS}
    assert [(kind, day) for kind, _, day in told(text, AN_AUGUST_MONDAY) if kind in gatherings] == [
        (EventType.TALKS, "2024-08-19")
    ]


def test_exports_a_state_suspends_are_an_export_measure_and_a_firms_are_not() -> None:
    events = extract("Zembla suspended oil exports to Ostland in May.", AN_AUGUST_MONDAY).events
    assert [(e.type, e.date, e.title) for e in events] == [
        (EventType.EXPORT_CONTROL, "2024-05", "Zembla suspends oil exports to Ostland")
    ]
    assert told("The company suspended exports of its phones in May.", AN_AUGUST_MONDAY) == []


def test_entry_restricted_is_a_measure() -> None:
    text = "The Zembla government said on Friday it has now restricted entry by some Ostland citizens."
    assert told(text, AN_AUGUST_MONDAY) == [(EventType.SANCTION, EventStatus.OCCURRED, "2024-08-16")]


def test_an_event_a_plan_was_for_in_the_pluperfect_passive_is_a_past_plan() -> None:
    # Put off by the sentence before: one summit, postponed, at the days it was first set for.
    text = (
        "Ostland on Saturday sought to delay this month's summit with Zembla. "
        "The summit had been set for August 27-29 in the Zembla capital."
    )
    assert told(text, AN_AUGUST_MONDAY) == [(EventType.SUMMIT, EventStatus.POSTPONED, "2024-08-27/2024-08-29")]
    # Put off further up the story: the change told earlier of a summit is what became of it.
    far = (
        "Ostland on Saturday sought to delay this month's summit with Zembla because of floods. "
        "The floods killed 300 people. Aid agencies warned of hunger. "
        "The summit had been set for August 27-29 in the Zembla capital."
    )
    assert told(far, AN_AUGUST_MONDAY) == [(EventType.SUMMIT, EventStatus.POSTPONED, "2024-08-27/2024-08-29")]


def test_an_act_ordered_in_the_present_perfect_in_a_lead_is_the_days_news() -> None:
    text = "The Ostland junta has revoked the immunity of the Zembla ambassador and ordered the guards to expel her."
    assert told(text, AN_AUGUST_MONDAY) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2024-08-19")]
    # What an order sets for later is not done at once.
    assert told("Ostland has ordered its envoy to attend the summit.", AN_AUGUST_MONDAY) == []


def test_a_states_presidency_assumed_is_an_inauguration_and_a_bodys_a_handover() -> None:
    assert told("Ruiz assumed the Peruvian presidency in July 2021.", AN_AUGUST_MONDAY) == [
        (EventType.INAUGURATION, EventStatus.OCCURRED, "2021-07")
    ]
    assert told("Peru assumed the rotating presidency of the bloc in July.", AN_AUGUST_MONDAY) == [
        (EventType.HANDOVER, EventStatus.OCCURRED, "2024-07")
    ]
