"""What someone "had to" do on days not yet gone by, and a mission broken into. Every sentence here was written
for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import told

A_JUNE_SATURDAY = date(2024, 6, 15)


def test_what_someone_had_to_do_on_days_still_ahead_is_the_plan_told_changed_before() -> None:
    text = (
        "A visit by Peru's foreign minister to Chile has been called off. "
        "Ruiz had to visit Chile from June 15 to 17 for talks with her counterpart."
    )
    assert [(kind, status) for kind, status, _ in told(text, A_JUNE_SATURDAY)] == [
        (EventType.VISIT, EventStatus.CANCELLED)
    ]


def test_people_who_break_into_a_mission_attack_it() -> None:
    assert told("Dozens of militiamen broke into the Peruvian embassy compound on Tuesday.", A_JUNE_SATURDAY) == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2024-06-11")
    ]
    assert told("Thieves broke into a shop on Tuesday.", A_JUNE_SATURDAY) == []
