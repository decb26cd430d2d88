"""A headline's verb of change the tagger read as a noun, what an act answers, a day a count starts from, and
talks told again as "the meeting". Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, placed, told

A_THURSDAY = date(2018, 5, 24)


def test_a_headline_s_change_read_as_a_noun_still_changes_the_event() -> None:
    # The tagger reads "Brown" as an adjective and "cancels" as a plural noun modifying "summit".
    events = extract("Brown cancels June 12 Peru summit in Lima", A_THURSDAY).events
    assert [(e.type, e.status, e.date, e.title) for e in events] == [
        (EventType.SUMMIT, EventStatus.CANCELLED, "2018-06-12", "Peru summit in Lima cancelled")
    ]


def test_a_place_in_what_an_act_answers_is_not_the_act_s_place() -> None:
    text = "Chile is expelling 12 Peruvian envoys in swift response to the poisoning of a defector in Arica."
    assert placed(text) == [(EventType.EXPULSION, "Chile")]


def test_a_day_a_count_starts_from_does_not_move_the_story_and_the_meeting_is_the_talks() -> None:
    text = (
        "Military talks between Chile and Peru broke down on Wednesday as Peru's team stormed out, the ministry "
        "said. Those were the first such sessions since Peru's shelling of a Chilean islet on November 23. An aide "
        "said the Peruvian team left the meeting at the border hamlet of Tarvo and went back across the line 15 "
        "minutes later."
    )
    events = extract(text, date(2011, 2, 9)).events
    assert [(e.type, e.date) for e in events] == [
        (EventType.TALKS, "2011-02-09"),
        (EventType.MILITARY_ACTION, "2010-11-23"),
    ]
    assert told(text, date(2011, 2, 9))[0][1] is EventStatus.OCCURRED
    assert told("Chile and Peru held talks on Friday in Lima.", A_FRIDAY) == [
        (EventType.TALKS, EventStatus.OCCURRED, "2025-03-14")
    ]
