"""Acts asked about in a "whether" clause, sitting down together, a session of a body, envoys exchanged, and talks
measured in hours. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_an_act_in_a_whether_clause_is_asked_about_not_told() -> None:
    assert found("Aides could not say whether the two presidents will meet in Quito on Monday.") == []
    assert found("All eyes are on whether Peru's premier joins the talks on Monday.") == []
    # Told outright, it is an event.
    assert found("Peru's premier will join the talks on Monday.") == [
        (EventType.TALKS, EventStatus.SCHEDULED, "2025-03-17")
    ]


def test_sitting_down_with_someone_or_together_is_a_meeting() -> None:
    assert found("The foreign minister will sit down with his Bolivian counterpart on Monday.") == [
        (EventType.MEETING, EventStatus.SCHEDULED, "2025-03-17")
    ]
    assert found("The two presidents sat down in Quito on Tuesday.") == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-11")
    ]
    # Alone, or for talks the sentence names, it adds no meeting.
    assert found("The premier sat down on Tuesday.") == []
    assert found("The two presidents sat down for talks in Quito on Tuesday.") == [
        (EventType.TALKS, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_envoys_exchanged_restore_ties() -> None:
    assert found("Bolivia and Peru exchanged ambassadors in 2019.") == [
        (EventType.TIES_RESTORED, EventStatus.OCCURRED, "2019")
    ]


def test_talks_measured_in_hours_a_day_before_a_dated_act_lie_on_that_day() -> None:
    text = "The premiers clashed in public on Thursday, a day after their envoys held three hours of talks."
    assert (EventType.TALKS, EventStatus.OCCURRED, "2025-03-12") in found(text)


def test_calling_someone_named_is_a_phone_call_however_the_name_was_tagged() -> None:
    # "Quispe" and "Ruiz" may be read as bodies, or as a second object ("called [someone] Ruiz").
    events = extract("The Chilean president also called Quispe on Thursday morning.", A_FRIDAY).events
    assert [(e.type, e.date) for e in events] == [(EventType.PHONE_CALL, "2025-03-13")]
    assert "Quispe" in [a.name for a in events[0].actors]
    # Calling something a name, or calling a body, is no call.
    assert found("The minister called the plan a provocation on Monday.") == []
    assert found("Bolivia called the ZAC on Monday.") == []


def test_a_capital_that_acts_is_its_state() -> None:
    events = extract("Lima imposed sanctions on Quito in 2019.", A_FRIDAY).events
    assert [[a.name for a in e.actors] for e in events] == [["Peru", "Ecuador"]]
    # Tagged a person or a body, a capital still stands for its state.
    events = extract("Quito imposed sanctions on Santiago in 2019.", A_FRIDAY).events
    assert [[a.name for a in e.actors] for e in events] == [["Ecuador", "Chile"]]


def test_a_session_of_a_body_of_states_or_a_chamber_is_a_meeting_and_other_sessions_are_none() -> None:
    assert found(
        "The Third Extraordinary Session of the Andean Council of Ministers, held by Peru on Thursday, saw a "
        "heated debate on fishing rights."
    ) == [(EventType.MEETING, EventStatus.OCCURRED, "2025-03-13")]
    assert found("Stocks fell in Thursday's trading session.") == []
    assert found("The ministers held a question-and-answer session with students on Thursday.") == []
