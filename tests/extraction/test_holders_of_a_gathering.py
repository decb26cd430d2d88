"""Who holds a gathering named by a noun, and how its title says so (sentences of our own)."""

from __future__ import annotations

from datetime import date

from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)


def only_event(text: str) -> ExtractedEvent:
    [event] = extract(text, PUBLISHED, ExtractionConfig()).events
    return event


def test_a_possessive_pronoun_leaves_the_holders_to_the_verb_s_subject() -> None:
    event = only_event("Chile and Peru will hold their first summit on July 3 in Lima.")
    assert {a.name for a in event.actors} == {"Chile", "Peru"}


def test_unnamed_holders_of_a_gathering_are_in_the_title_with_its_tense() -> None:
    assert only_event("The two sides will hold talks on Monday.").title == "Two sides to hold talks"
    assert only_event("The two sides held talks on Monday.").title == "Two sides hold talks"
