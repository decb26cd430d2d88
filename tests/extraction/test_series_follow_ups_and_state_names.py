"""A series an act is counted in, the acts wire copy tells in the paragraph after its lead, one state
written two ways in the headline and the lead, and a capital in a gapped telling.
Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found

LAUNCH = (EventType.WEAPONS_TEST, EventStatus.OCCURRED, "2025-03-13")


def test_the_series_an_act_is_counted_in_is_no_act_of_its_own() -> None:
    assert found(
        "Bolivia's navy fired a rocket into the lake on Thursday, the ministry said, the latest in a string of "
        "weapons tests this year."
    ) == [LAUNCH]
    # A series that is itself what was done stays an event.
    assert found("Envoys from Peru and Chile held a string of meetings in Quito this week.") == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-10/2025-03-16")
    ]


def test_the_paragraph_after_the_lead_goes_on_with_its_day_past_a_sentence_without_an_act() -> None:
    lead = "Peruvian sailors fired warning shots at a Bolivian boat on Thursday, the navy said.\n\n"
    follow_up = "The boat turned back toward its port, officials said. Bolivia lodged a protest with Peru's ambassador."
    assert found(lead + follow_up) == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-13"),
        (EventType.PROTEST, EventStatus.OCCURRED, "2025-03-13"),
    ]
    # A sentence between them that tells a time of its own sets the story elsewhere.
    elsewhere = "The boat turned back, officials said. The two navies signed a fisheries pact in 2019.\n\n"
    assert found(lead + elsewhere + "Bolivia lodged a protest with Peru's ambassador.") == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-13"),
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2019"),
    ]


def test_a_state_named_two_ways_in_headline_and_lead_is_one_side_of_one_act() -> None:
    text = (
        "U.S. to lift duties on Peruvian copper from April 1\n\n"
        "The United States will lift its duties on copper imported from Peru starting April 1, trade officials "
        "said on Friday."
    )
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.SANCTION, EventStatus.SCHEDULED, "2025-04-01")]
    # The title names the state once, not again as the place ("... in United States").
    assert "United States" not in events[0].title


def test_a_capital_in_a_gapped_telling_of_an_event_noun_is_its_place_not_a_side() -> None:
    text = "The donors' conference follows similar meetings in Lugano in 2022 and London last year."
    events = extract(text, A_FRIDAY).events
    assert [(e.date, e.location.name if e.location else None, [a.name for a in e.actors]) for e in events] == [
        ("2022", "Lugano", []),
        ("2024", "London", []),
    ]


def test_a_body_acting_at_its_seat_is_not_placed_again_in_the_title() -> None:
    events = extract("The U.N. Security Council authorised the police mission in October.", A_FRIDAY).events
    assert [(e.title, e.location.name if e.location else None) for e in events] == [
        ("U.N. Security Council authorises police mission", "United Nations")
    ]
