"""A declaration adopted by the sides of a gathering, forces' disengagement reported as done, and a clause
joined by "and" to one that tells a day. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_a_declaration_adopted_or_a_joint_communique_issued_is_an_agreement() -> None:
    assert found("Andean leaders adopted a declaration on Thursday, the summit's first day.") == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-13")
    ]
    assert found("The foreign ministers issued a joint communique on Thursday.") == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-13")
    ]
    # A statement issued is a saying, not an agreement.
    assert EventType.AGREEMENT not in [t for t, _, _ in found("The ministry issued a statement on Thursday.")]


def test_forces_reported_to_have_completed_disengagement_withdrew_by_the_report() -> None:
    text = (
        "Chilean and Bolivian troops have completed disengagement at two points along their border, army "
        "sources said on Thursday."
    )
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-13")]
    assert sorted(a.name for a in events[0].actors) == ["Bolivia", "Chile"]


def test_a_clause_joined_by_and_to_one_that_tells_a_day_goes_on_in_that_day() -> None:
    text = (
        "Peru's foreign minister Ana Ruiz arrived in Quito on Thursday, and she and her Ecuadorian counterpart "
        "signed a fisheries accord."
    )
    assert found(text) == [
        (EventType.VISIT, EventStatus.OCCURRED, "2025-03-13"),
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-13"),
    ]
    # Agreeing to act later is no act of that day.
    text = "Ruiz spoke with her Ecuadorian counterpart by phone on Thursday, and they agreed to stay in touch."
    assert [t for t, _, _ in found(text)] == [EventType.PHONE_CALL]
