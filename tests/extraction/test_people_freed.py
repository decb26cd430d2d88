"""People named by what they do, freed. Every sentence here was written for this test."""

from __future__ import annotations

import pytest

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import found


@pytest.mark.parametrize("people", ["three police officers", "two border guards", "four farmers", "a trader"])
def test_people_named_by_their_work_who_are_freed_are_released(people: str) -> None:
    assert found(f"Peruvian troops freed {people} held near the border on Thursday.") == [
        (EventType.RELEASE, EventStatus.OCCURRED, "2025-03-13")
    ]
