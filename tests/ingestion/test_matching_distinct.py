"""Genuinely different meetings in one week stay different events, through the whole pipeline.

``test_store_shootdown.py`` has the easy pair (different people in different cities) and ten reports of
one shootdown making one event. These are harder: the same minister in every meeting.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from events.models import Article, ArticleState, Event
from events.services import article_enqueue, article_submit_text
from timeline.celery import app

pytestmark = pytest.mark.django_db

FRIDAY = date(2023, 7, 14)
BLINKEN_WANG_THURSDAY = (
    "JAKARTA (Wire) — U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Jakarta on "
    "Thursday, on the sidelines of a regional meeting, officials said."
)
BLINKEN_HAYASHI_WEDNESDAY = (
    "JAKARTA (Wire) — U.S. Secretary of State Antony Blinken met Japanese Foreign Minister Yoshimasa Hayashi in "
    "Jakarta on Wednesday to discuss North Korea, officials said."
)
BLINKEN_HAYASHI_THIS_WEEK = (
    "JAKARTA (Wire) — U.S. Secretary of State Antony Blinken met Japanese Foreign Minister Yoshimasa Hayashi in "
    "Jakarta this week to discuss North Korea, officials said."
)
WANG_HAYASHI_TOKYO = (
    "TOKYO (Wire) — Chinese Foreign Minister Wang Yi met Japanese Foreign Minister Yoshimasa Hayashi in Tokyo on "
    "Thursday, the ministry said."
)
WANG_BLINKEN_AGAIN = (
    "JAKARTA (Post) — Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Jakarta on "
    "Thursday, their first talks since the balloon affair, Chinese state media said."
)


@pytest.fixture
def ingest(django_capture_on_commit_callbacks: Any) -> Any:
    def run(*texts: str) -> None:
        app.conf.task_always_eager = True
        try:
            with django_capture_on_commit_callbacks(execute=True):
                for index, text in enumerate(texts):
                    article = article_submit_text(
                        text=text, url=f"https://outlet{index}.example/story", published=FRIDAY
                    )
                    article_enqueue(article_id=article.pk)
        finally:
            app.conf.task_always_eager = False
        assert set(Article.objects.values_list("state", flat=True)) == {ArticleState.DONE}

    return run


def meetings() -> list[tuple[str, int]]:
    return [
        (e.date_edtf, e.citations.count()) for e in Event.objects.filter(event_type="meeting").order_by("date_edtf")
    ]


def test_one_minister_meeting_two_counterparts_on_two_days_of_one_week_gives_two_events(ingest: Any) -> None:
    ingest(BLINKEN_WANG_THURSDAY, BLINKEN_HAYASHI_WEDNESDAY)

    assert meetings() == [("2023-07-12", 1), ("2023-07-13", 1)]


def test_one_minister_in_meetings_in_two_countries_on_one_day_gives_two_events(ingest: Any) -> None:
    ingest(BLINKEN_WANG_THURSDAY, WANG_HAYASHI_TOKYO)

    assert Event.objects.filter(event_type="meeting").count() == 2


def test_a_second_report_of_one_of_the_meetings_is_cited_on_it(ingest: Any) -> None:
    ingest(BLINKEN_WANG_THURSDAY, BLINKEN_HAYASHI_WEDNESDAY, WANG_BLINKEN_AGAIN)

    assert meetings() == [("2023-07-12", 1), ("2023-07-13", 2)]


def test_a_vague_report_of_a_meeting_with_another_counterpart_stays_apart(ingest: Any) -> None:
    ingest(BLINKEN_WANG_THURSDAY, BLINKEN_HAYASHI_THIS_WEEK)

    assert Event.objects.filter(event_type="meeting").count() == 2
