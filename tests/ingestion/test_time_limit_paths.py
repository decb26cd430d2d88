"""A timed-out extraction fails with its reason on every path that runs extraction, not only in a Celery
worker (issue 17): ``manage.py ingest --sync``, an eager process task and an eager reprocess task. The
same limit (CELERY_TASK_SOFT_TIME_LIMIT, made tiny here) interrupts the work and the article fails at
once, to be retried by an editor; a slow engine stands in for a huge paste."""

from __future__ import annotations

import signal
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.management import CommandError, call_command

from events import tasks
from events.extraction.types import ArticleExtraction
from events.models import Article, ArticleState, OutcomeReason
from events.services import article_submit_text, articles_process
from events.services.time_limit import time_limit

pytestmark = pytest.mark.django_db

TEXT = (
    "GENEVA (Wire) — The foreign ministers of two neighbouring states met in Geneva on Tuesday to settle "
    "a dispute over river water, their offices said."
)
LIMIT_S = 0.3


class SlowEngine:
    """An extraction that takes well past the limit unless something interrupts it."""

    def __init__(self) -> None:
        self.finished = False

    def __call__(self, article: Article, original: str, is_html: bool | None) -> ArticleExtraction:
        for _ in range(30):
            time.sleep(0.05)
        self.finished = True
        return ArticleExtraction("", "", None, "unknown", "", original, [], "test")


@pytest.fixture
def slow_engine(monkeypatch: pytest.MonkeyPatch, settings: Any) -> SlowEngine:
    settings.CELERY_TASK_SOFT_TIME_LIMIT = LIMIT_S
    settings.INGEST_MAX_ATTEMPTS = 3
    engine = SlowEngine()
    monkeypatch.setattr(articles_process, "_extract", engine)
    return engine


def assert_timed_out(article: Article, engine: SlowEngine, *, attempts: int = 1) -> None:
    article.refresh_from_db()
    assert not engine.finished  # interrupted, not merely judged late once it had run to the end
    assert article.state == ArticleState.FAILED
    assert article.outcome_reason == OutcomeReason.TIME_LIMIT
    assert "time limit" in article.error and "Retry processing" in article.error
    assert article.attempts == attempts  # failed at once: nothing retries it here but an editor


def test_ingest_sync_fails_a_timed_out_article_with_the_reason(slow_engine: SlowEngine, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")

    with pytest.raises(CommandError, match="1 of 1 source"):
        call_command("ingest", str(tmp_path / "article.txt"), "--sync", "--published", "2024-05-07")

    assert_timed_out(Article.objects.get(), slow_engine)


def test_an_eager_process_task_fails_a_timed_out_article_with_the_reason(slow_engine: SlowEngine) -> None:
    article = article_submit_text(text=TEXT, published=date(2024, 5, 7))

    assert tasks.process_article.apply(args=[article.pk]).get() == "failed"

    assert_timed_out(article, slow_engine)


def test_an_eager_reprocess_task_fails_a_timed_out_article_with_the_reason(
    slow_engine: SlowEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = article_submit_text(text=TEXT, published=date(2024, 5, 7))
    fast = ArticleExtraction("", "", date(2024, 5, 7), "caller", "", TEXT, [], "test")
    with monkeypatch.context() as patched:
        patched.setattr(articles_process, "_extract", lambda *args: fast)
        articles_process.article_process(article_id=article.pk, time_limit_s=120)
    article.refresh_from_db()
    assert article.state == ArticleState.DONE

    assert tasks.reprocess_article.apply(args=[article.pk]).get() == "failed"

    assert_timed_out(article, slow_engine, attempts=2)  # the first processing, then this one


def test_the_limit_puts_back_an_outer_alarm_and_its_handler() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_limit(5):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < remaining <= 30
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        time.sleep(0.1)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_limit_interrupts_the_main_thread_only() -> None:
    with pytest.raises(SoftTimeLimitExceeded), time_limit(0.05):
        time.sleep(1)
    finished: list[bool] = []

    def elsewhere() -> None:
        with time_limit(0.05):  # no alarm off the main thread: the clock check after extraction applies
            time.sleep(0.1)
        finished.append(True)

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    assert finished == [True]
