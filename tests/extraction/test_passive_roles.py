"""A passive subject was acted on, its agent acted: roles and titles of "X was arrested (by Y)"."""

from __future__ import annotations

from datetime import date

from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)


def _events(text: str) -> list[ExtractedEvent]:
    return extract(text, PUBLISHED).events


def _roles(event: ExtractedEvent) -> list[tuple[str, str]]:
    return [(a.name, a.role.value) for a in event.actors]


def test_the_person_arrested_is_the_target_not_the_initiator() -> None:
    [event] = _events("Nathan Marsh was arrested in Yekaterinburg in March 2023.")
    assert _roles(event) == [("Nathan Marsh", "target")]
    assert event.title == "Nathan Marsh is arrested in Yekaterinburg"


def test_a_named_agent_acts_and_the_title_turns_active() -> None:
    [event] = _events("Nathan Marsh was arrested by Russian police in Yekaterinburg in March 2023.")
    assert _roles(event) == [("Russia", "initiator"), ("Nathan Marsh", "target")]
    assert event.title == "Russia arrests Nathan Marsh in Yekaterinburg"
    [expelled] = _events("Two Estonian diplomats were expelled by Russia on Monday.")
    assert expelled.title == "Russia expels two Estonian diplomats"


def test_a_person_put_beside_a_noun_is_that_person_and_a_joined_passive_keeps_them() -> None:
    arrested, convicted = _events(
        "The journalist, Nathan Marsh, was arrested in Yekaterinburg in March 2023 and convicted of espionage in July."
    )
    assert _roles(arrested) == _roles(convicted) == [("Nathan Marsh", "target")]
    assert (arrested.title, convicted.title) == (
        "Nathan Marsh is arrested in Yekaterinburg",
        "Nathan Marsh is convicted",
    )


def test_an_active_subject_still_acts() -> None:
    [event] = _events("Russian police arrested Nathan Marsh in Yekaterinburg on Monday.")
    assert _roles(event) == [("Russia", "initiator"), ("Nathan Marsh", "target")]
