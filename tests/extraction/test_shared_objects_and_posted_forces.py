"""An object two joined verbs share, forces a participle only places, a measure that takes effect titled by
itself, a gathering pushed back to a day, and talks said to last some days. Every sentence here was written
for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, told


def test_a_verb_shares_the_object_of_the_verb_joined_after_it() -> None:
    text = "A Peruvian patrol boat rammed and boarded a Chilean fishing trawler near the sea border on Monday."
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-10")]
    assert events[0].title.endswith("Chilean fishing trawler")
    # A verb complete with its own phrase shares nothing: "pulled out of the pact" took no "sanctions".
    events = extract("Chile pulled out of the pact in 2019 and reimposed sanctions on Peru.", A_FRIDAY).events
    assert "pulls sanctions" not in " ".join(e.title for e in events)


def test_forces_a_participle_only_places_are_no_deployment_and_leave_the_time_to_the_act() -> None:
    text = (
        "A Peruvian patrol boat rammed and boarded a Chilean boat carrying food to troops stationed on a disputed "
        "islet on Monday, officials said."
    )
    assert [e.type for e in extract(text, A_FRIDAY).events] == [EventType.INCIDENT]


def test_a_measure_that_takes_effect_is_titled_by_the_measure() -> None:
    events = extract("Peru's new visa rules took effect on Monday.", A_FRIDAY).events
    assert [e.title for e in events] == ["Peru's visa rules take effect"]


def test_a_gathering_pushed_back_to_a_day_lies_ahead_on_that_day() -> None:
    assert told("The border summit has been pushed back to June 20.", date(2025, 6, 4)) == [
        (EventType.SUMMIT, EventStatus.SCHEDULED, "2025-06-20")
    ]


def test_talks_begun_on_a_day_and_expected_to_last_days_run_those_days() -> None:
    text = (
        "Talks between the energy ministers of Chile and Argentina, which began on Monday in Buenos Aires, are "
        "expected to last three days."
    )
    assert told(text, date(2025, 6, 3)) == [(EventType.TALKS, EventStatus.ONGOING, "2025-06-02/2025-06-04")]
