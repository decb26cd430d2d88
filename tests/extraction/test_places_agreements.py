"""An agreement reached without a place of its own, on sentences written for these tests: it came out of the
talks the story told just before, unless its own sentence tells the meeting it was reached at."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)
CONFIG = ExtractionConfig()
TALKS = "Envoys of the two factions opened talks in Geneva on Monday.\nThe talks stalled on Wednesday over prisoners.\n"


def agreement_places(text: str) -> list[str | None]:
    events = [e for e in extract(text, PUBLISHED, CONFIG).events if e.type is EventType.AGREEMENT]
    return [e.location.name if e.location else None for e in events]


def test_an_agreement_reached_after_talks_is_placed_where_the_talks_were() -> None:
    text = (
        TALKS
        + "By Friday the two factions had struck a deal on aid convoys. "
        + "The envoys agreed on Saturday to free all prisoners."
    )
    assert agreement_places(text) == ["Geneva", "Geneva"]


def test_talks_more_than_two_paragraphs_back_place_nothing() -> None:
    text = (
        "Envoys of the two factions opened talks in Geneva on Monday.\nAid agencies warned of hunger.\n"
        "The rains failed this spring.\nFood prices doubled.\nBy Friday the two factions had struck a deal on aid."
    )
    assert agreement_places(text) == [None]


def test_an_agreement_reached_at_a_meeting_its_sentence_tells_is_not_the_talks() -> None:
    text = TALKS + (
        "The two ministers met on the sidelines of a forum and agreed on a plan for aid convoys, according to a "
        "statement issued on Friday."
    )
    assert agreement_places(text) == [None]
