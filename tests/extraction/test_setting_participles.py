"""A participle of holding or chairing set off by a comma after an event noun says where that event sits, wherever
the parser hung it. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventType
from tests.extraction.told import placed


def test_a_chairing_participle_after_the_event_noun_places_the_event() -> None:
    text = "The plan was approved at a meeting of its council, chaired by the premier on Thursday in Lima."
    assert placed(text) == [(EventType.MEETING, "Lima")]
    # A place that only a later clause of the sentence names is not the meeting's.
    assert placed("The plan was approved at a meeting on Thursday, and the premier then flew to Lima.") == [
        (EventType.MEETING, None)
    ]
