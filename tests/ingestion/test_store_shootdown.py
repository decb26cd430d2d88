"""Ten reports of one shootdown, worded differently by ten outlets, make one event with ten citations.

The texts are ours (written for this test); the whole pipeline runs on them: cleaning, the real
extraction engine, matching and storing. ``bench/ingestion.py`` reuses them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from events.models import Article, ArticleState, Event
from events.services import article_enqueue, article_submit_text
from timeline.celery import app

pytestmark = pytest.mark.django_db

# (outlet domain, publication date, text)
SHOOTDOWN_REPORTS: list[tuple[str, date, str]] = [
    (
        "apnews.example",
        date(2023, 2, 5),
        "WASHINGTON (AP) — A U.S. fighter jet shot down a Chinese surveillance balloon off the coast of South "
        "Carolina on Saturday, the Pentagon said.\n\nThe balloon had drifted across the country for days before "
        "it was downed over the Atlantic Ocean.",
    ),
    (
        "reuters.example",
        date(2023, 2, 5),
        "WASHINGTON (Reuters) — The United States military shot down the suspected Chinese spy balloon on "
        "Saturday after it crossed the continental United States, officials said.\n\nChina said the balloon was "
        "a civilian airship that had blown off course.",
    ),
    (
        "bbc.example",
        date(2023, 2, 5),
        "The US has shot down a suspected Chinese spy balloon over the Atlantic Ocean on Saturday, defence "
        "officials said.\n\nPresident Joe Biden had ordered the military to act as soon as it was safe to do so.",
    ),
    (
        "nytimes.example",
        date(2023, 2, 4),
        "An American F-22 fighter jet shot down a Chinese surveillance balloon on Saturday afternoon off the "
        "Carolina coast, ending a week-long drama.\n\nDefense officials said the debris fell into shallow water.",
    ),
    (
        "wsj.example",
        date(2023, 2, 6),
        "U.S. forces shot down a Chinese high-altitude balloon on Feb. 4 off the coast of South Carolina, the "
        "Defense Department said.\n\nNavy divers were recovering debris from the ocean floor on Monday.",
    ),
    (
        "guardian.example",
        date(2023, 2, 5),
        "A US fighter jet shot down the Chinese balloon on Saturday as it drifted over the Atlantic, the "
        "Pentagon confirmed.\n\nBeijing protested, calling the move an overreaction.",
    ),
    (
        "cnn.example",
        date(2023, 2, 5),
        "The US military shot down the Chinese spy balloon off the coast of South Carolina on Saturday, a "
        "senior defense official told reporters.\n\nThe operation took place over US territorial waters.",
    ),
    (
        "aljazeera.example",
        date(2023, 2, 5),
        "The United States shot down a Chinese balloon on Saturday that Washington said was used for "
        "surveillance.\n\nChina's foreign ministry expressed strong discontent over the use of force.",
    ),
    (
        "scmp.example",
        date(2023, 2, 5),
        "A US fighter jet shot down the Chinese airship on Saturday off the east coast of the United States, "
        "US officials said.\n\nBeijing said it reserved the right to respond.",
    ),
    (
        "politico.example",
        date(2023, 2, 6),
        "A U.S. Air Force jet shot down the Chinese surveillance balloon on Saturday, Feb. 4, over the "
        "Atlantic Ocean, the Pentagon said.\n\nLawmakers demanded a briefing on Monday.",
    ),
]

# Two different meetings in one week, in two cities, between different people.
TWO_MEETINGS: list[tuple[str, date, str]] = [
    (
        "wire-a.example",
        date(2023, 6, 16),
        "VIENNA (Wire) — Chinese Foreign Minister Wang Yi met Austrian Chancellor Karl Nehammer in Vienna on "
        "Monday to discuss trade, officials said.",
    ),
    (
        "wire-b.example",
        date(2023, 6, 16),
        "GENEVA (Wire) — Russian Foreign Minister Sergei Lavrov met Swiss President Alain Berset in Geneva on "
        "Thursday, the Swiss government said.",
    ),
]


@pytest.fixture
def ingest(django_capture_on_commit_callbacks: Any) -> Any:
    def run(reports: list[tuple[str, date, str]]) -> list[Article]:
        app.conf.task_always_eager = True
        try:
            with django_capture_on_commit_callbacks(execute=True):
                articles = []
                for outlet, published, text in reports:
                    article = article_submit_text(text=text, url=f"https://{outlet}/story", published=published)
                    article_enqueue(article_id=article.pk)
                    articles.append(article)
        finally:
            app.conf.task_always_eager = False
        return articles

    return run


@pytest.mark.parametrize("order", [pytest.param(1, id="as-published"), pytest.param(-1, id="reversed")])
def test_ten_reports_of_one_shootdown_give_one_event_with_ten_citations(ingest: Any, order: int) -> None:
    articles = ingest(SHOOTDOWN_REPORTS[::order])

    assert {a.state for a in Article.objects.all()} == {ArticleState.DONE}
    shootdowns = Event.objects.filter(event_type="military_action")
    assert shootdowns.count() == 1
    event = shootdowns.get()
    assert event.date_edtf == "2023-02-04"
    assert event.citations.count() == 10
    assert set(event.citations.values_list("article_id", flat=True)) == {a.pk for a in articles}
    assert event.citations.exclude(match_reason="").count() == 9


def test_two_different_meetings_in_one_week_stay_two_events(ingest: Any) -> None:
    ingest(TWO_MEETINGS)

    meetings = Event.objects.filter(event_type="meeting")
    assert meetings.count() == 2
    assert [e.citations.count() for e in meetings] == [1, 1]
