"""An announcement of an event is the announced event, dated by its own time (issue 13, kind 5). Every
sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def test_it_reads_the_announced_visit_with_its_own_date() -> None:
    events = extract("The palace announced the king's state visit to Spain in October.", PUBLISHED, CONFIG).events
    # The year of "in October" after a past "announced" is the time resolver's to choose; the event is a
    # planned visit in October, and no statement dated then.
    assert [(e.type, e.date[4:], e.status) for e in events] == [(EventType.VISIT, "-10", EventStatus.SCHEDULED)]


def test_it_dates_the_announcement_and_the_visit_apart() -> None:
    text = "The ministry announced on Monday the prime minister's official visit late next month."
    found = {(e.type, e.date[:7]) for e in extract(text, PUBLISHED, CONFIG).events}
    assert found == {(EventType.STATEMENT, "2024-06"), (EventType.VISIT, "2024-07")}
