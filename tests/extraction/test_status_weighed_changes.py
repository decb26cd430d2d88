"""A change of plan only weighed or urged is no change; one decided or reported is (sentences of our own)."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventStatus
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)


def status_of(text: str) -> EventStatus:
    [event] = extract(text, PUBLISHED, ExtractionConfig()).events
    return event.status


@pytest.mark.parametrize(
    "text",
    [
        "A state visit to Ostland by Zembla's president, planned for early July, could also be postponed.",
        "The summit in Port Ostra next week may be cancelled.",
        "The summit in Port Ostra next week might be called off.",
        "The summit in Port Ostra next week should be postponed, the opposition said.",
    ],
)
def test_a_change_only_weighed_or_urged_leaves_the_event_scheduled(text: str) -> None:
    assert status_of(text) is EventStatus.SCHEDULED


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The summit in Port Ostra next week will be cancelled.", EventStatus.CANCELLED),
        ("Zembla said on Sunday that it would postpone the summit in Port Ostra next week.", EventStatus.POSTPONED),
        ("The summit in Port Ostra next week was postponed.", EventStatus.POSTPONED),
    ],
)
def test_a_change_decided_or_reported_is_a_change(text: str, status: EventStatus) -> None:
    assert status_of(text) is status


def test_a_plan_whose_gathering_is_put_off_is_put_off() -> None:
    # The change's subject is the meeting the vote was to take place at.
    assert status_of("Zembla's cabinet was to vote on the accord on Thursday, but the meeting was delayed.") is (
        EventStatus.POSTPONED
    )
    # Someone else's misfortune changes nothing.
    assert status_of("Zembla's cabinet was to vote on the accord on Thursday, but the minister was arrested.") is (
        EventStatus.SCHEDULED
    )


def test_a_plan_whose_trip_is_called_off_is_cancelled() -> None:
    assert status_of("The minister was due to visit Zembla next month, but the trip was called off.") is (
        EventStatus.CANCELLED
    )


@pytest.mark.parametrize(
    "text",
    [
        "The envoys were to meet in Port Ostra on Monday, but the meeting never took place.",
        "The envoys were supposed to meet in Port Ostra on Monday, but the talks did not go ahead.",
        "The meeting in Port Ostra on Monday did not happen.",
    ],
)
def test_a_planned_gathering_that_never_came_about_is_cancelled(text: str) -> None:
    assert status_of(text) is EventStatus.CANCELLED


def test_a_plan_told_with_supposed_to_is_no_event_that_occurred() -> None:
    # Its day (Monday the 10th) has gone by, and the text says nothing of what became of it.
    assert status_of("The envoys were supposed to meet in Port Ostra on Monday.") is EventStatus.SCHEDULED
    assert status_of("The summit will take place in Port Ostra on Monday.") is EventStatus.SCHEDULED


def statuses(text: str) -> list[tuple[str, EventStatus]]:
    return [(e.date, e.status) for e in extract(text, PUBLISHED, ExtractionConfig()).events]


def test_a_moved_plan_is_put_off_at_its_first_date_and_scheduled_at_its_new_one() -> None:
    # PUBLISHED is Wednesday 12 June 2024.
    text = "The summit, originally set for June 28, will now take place on July 9 in Port Ostra."
    assert statuses(text) == [("2024-06-28", EventStatus.POSTPONED), ("2024-07-09", EventStatus.SCHEDULED)]
    text = "The talks, first planned for May, were held on Monday."
    assert statuses(text) == [("2024-05", EventStatus.POSTPONED), ("2024-06-10", EventStatus.OCCURRED)]
    # Put off to a date: the event now lies there.
    assert statuses("The vote has been postponed to next week.") == [("2024-06-17/2024-06-23", EventStatus.SCHEDULED)]
    assert statuses("The summit in Port Ostra was put off until August.") == [("2024-08", EventStatus.SCHEDULED)]
    # With no first date changed, a plan's date stays scheduled, and a put-off on a day is put off that day.
    assert statuses("The summit is set for June 28.") == [("2024-06-28", EventStatus.SCHEDULED)]
    assert statuses("The talks were postponed on Monday.") == [("2024-06-10", EventStatus.POSTPONED)]


def test_a_plan_moved_to_a_month_lies_at_the_coming_one_and_its_first_month_is_the_nearest() -> None:
    # PUBLISHED is in June 2024: May has gone by, and "pushed back to March" is the March ahead.
    text = "A vote on the charter, originally due in May, has been pushed back to March."
    assert statuses(text) == [("2024-05", EventStatus.POSTPONED), ("2025-03", EventStatus.SCHEDULED)]
    text = "The summit, initially planned for August, was put off until October."
    assert statuses(text) == [("2024-08", EventStatus.POSTPONED), ("2024-10", EventStatus.SCHEDULED)]
    # "from ... to" places its two months by the tense, as any range.
    assert "2024-04" in [d for d, _ in statuses("The talks were moved from May to April.")]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say a summit of the two premiers is unlikely before the autumn.",
        "A summit of the two premiers is unlikely to take place before October.",
        "Talks in Port Ostra in October now look doubtful.",
    ],
)
def test_an_event_judged_unlikely_is_no_event(text: str) -> None:
    assert extract(text, PUBLISHED, ExtractionConfig()).events == []


def test_an_event_judged_likely_stays_scheduled() -> None:
    assert status_of("The two premiers will likely meet in Port Ostra in October.") is EventStatus.SCHEDULED


def test_an_act_held_back_until_a_time_happens_at_that_time() -> None:
    # PUBLISHED is 12 June 2024. "not ... until" holds the act back to that time; it is no denial.
    assert statuses("The talks in Port Ostra did not resume until May.") == [("2024-05", EventStatus.OCCURRED)]
    assert statuses("The talks in Port Ostra will not resume until March.") == [("2025-03", EventStatus.SCHEDULED)]
    assert statuses("Elections in Zembla are not due until 2027.") == [("2027", EventStatus.SCHEDULED)]
    # Without "until", a negated act is none.
    assert statuses("The talks in Port Ostra did not resume in May.") == []


def test_a_stretch_of_days_that_spans_publication_is_ongoing() -> None:
    # PUBLISHED is Wednesday 12 June 2024: a three-day visit begun on Tuesday ends on Thursday.
    assert statuses("The Zembla premier began a three-day visit to Port Ostra on Tuesday.") == [
        ("2024-06-11/2024-06-13", EventStatus.ONGOING)
    ]
    # A week or a month named as such is no stretch of days begun: "met this week" occurred.
    assert statuses("The envoys met in Port Ostra this week.") == [("2024-06-10/2024-06-16", EventStatus.OCCURRED)]
