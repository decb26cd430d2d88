"""One act reported twice in one article, once loosely and once precisely, is one event (issue 13, kind
6). Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def dates_of(text: str, kind: EventType) -> list[str]:
    return [e.date for e in extract(text, PUBLISHED, CONFIG).events if e.type is kind]


def test_it_keeps_the_precise_mention_of_a_visit_reported_twice() -> None:
    text = (
        "Prime Minister Anna Berg will visit Spain next year, her office said on Tuesday. "
        "Berg will visit Spain from Jan. 4 to 6."
    )
    assert dates_of(text, EventType.VISIT) == ["2025-01-04/2025-01-06"]


def test_it_keeps_the_precise_mention_of_a_meeting_reported_twice() -> None:
    text = "The foreign minister met his Danish counterpart in March. The two ministers met on March 3 in Oslo."
    assert dates_of(text, EventType.MEETING) == ["2024-03-03"]


def test_it_keeps_two_visits_of_different_people_in_one_month() -> None:
    text = "Anna Berg visited Spain in March. Carl Lind visited Madrid on March 3."
    assert sorted(dates_of(text, EventType.VISIT)) == ["2024-03", "2024-03-03"]


def test_it_keeps_a_past_and_a_planned_visit_apart() -> None:
    text = "Anna Berg visited Spain in May. She will visit Madrid again on June 20."
    assert sorted(dates_of(text, EventType.VISIT)) == ["2024-05", "2024-06-20"]


def test_it_reads_one_event_from_two_times_of_one_trigger_that_fall_on_one_day() -> None:
    from events.domain.vocabulary import EventStatus
    from events.extraction.pipeline import _merge_duplicates
    from events.extraction.types import Citation, ExtractedEvent

    text = "The truce would take effect by noon on Friday and hold from midnight."

    def dated_by(time_text: str) -> ExtractedEvent:
        start = text.index(time_text)
        return ExtractedEvent(
            title="Truce takes effect",
            type=EventType.AGREEMENT,
            status=EventStatus.SCHEDULED,
            date="2024-06-14",
            lower=date(2024, 6, 14),
            upper=date(2024, 6, 14),
            precision="day",
            week=False,
            location=None,
            actors=(),
            citation=Citation(text, 0, len(text), time_text, start, start + len(time_text)),
            confidence=0.8,
            rule="verb:take-effect+own-date",
            trigger_index=3,
        )

    assert len(_merge_duplicates([dated_by("noon on Friday"), dated_by("midnight")])) == 1


def test_a_gathering_dated_by_its_week_then_by_its_day_is_one_event_at_the_day() -> None:
    # Published Wednesday 12 June 2024: "next week" is 17-23 June.
    text = (
        "Austrian and Swiss mediators will host a new round of talks in Geneva next week, officials said. "
        "The talks, set to open on June 18, will bring the two delegations together again."
    )
    [event] = extract(text, date(2024, 6, 12)).events
    assert (event.type, event.date, event.status) == (EventType.TALKS, "2024-06-18", EventStatus.SCHEDULED)
    assert event.title == "Talks hosted by Austria and Switzerland in Geneva"
    assert [a.name for a in event.actors] == ["Austria", "Switzerland"]


def test_a_run_of_days_and_the_day_it_began_stay_as_told() -> None:
    # A run of days is the act's own stretch; a later clause that names the day it opened dates only that day.
    text = (
        "From Monday to Thursday the envoys held talks in Geneva. "
        "The talks, opened by the Swiss foreign minister on Monday, produced no deal."
    )
    dates = {e.date for e in extract(text, date(2024, 6, 14)).events if e.type is EventType.TALKS}
    assert "2024-06-10/2024-06-13" in dates


def test_of_two_tellings_the_one_naming_more_is_kept() -> None:
    # A headline names the host's country and the guest; the sentence below names both sides and the town.
    text = (
        "Chile to host Austria's president next month\n\n"
        "Chile will host Austria's president in Santiago next month, the foreign ministry said on Thursday."
    )
    [event] = [e for e in extract(text, date(2024, 6, 14)).events if e.type is EventType.MEETING]
    assert event.location is not None and event.location.name == "Santiago"
    assert [a.name for a in event.actors] == ["Chile", "Austria"]


def test_a_back_reference_naming_no_side_dates_the_act_named_before_in_other_words() -> None:
    text = (
        "Ostlandic and Zemblan soldiers clashed on their border last week, the army said. "
        "Two soldiers were hurt in the scuffle, which took place on Friday, it said."
    )
    assert dates_of(text, EventType.INCIDENT) == ["2024-06-07"]
