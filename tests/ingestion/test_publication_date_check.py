"""The publication-date check in the pipeline, on the scraped sample page (../shared/corpus), end to end:
ingested with no date it is doubtful with a June 2023 suggestion; the editor's one action re-dates it and
its events move to the dates the story meant."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from events.models import Article, Citation
from events.models.articles import DateCheckVerdict
from events.selectors_facts import facts_clear_cache
from events.services import article_submit, article_use_suggested_date
from events.services.facts import facts_load
from tests.conftest import SHARED
from timeline.celery import app

pytestmark = pytest.mark.django_db
SAMPLE = SHARED / "corpus" / "blinken-beijing-scraped.txt"


@pytest.fixture
def run(django_capture_on_commit_callbacks: Any) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    app.conf.task_always_eager = True

    def runner(action: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    yield runner
    app.conf.task_always_eager = False


@pytest.fixture
def facts() -> Iterator[None]:
    facts_load()
    facts_clear_cache()
    yield
    facts_clear_cache()


def _date_of(article: Article, time_text: str, contains: str, event_type: str | None = None) -> str:
    citations = Citation.objects.select_related("event").filter(
        article=article, time_text=time_text, quote__contains=contains
    )
    if event_type:
        citations = citations.filter(event__event_type=event_type)
    citation = citations.get()
    return citation.event.date_edtf


@pytest.mark.skipif(not SAMPLE.exists(), reason="../shared/corpus is not beside the worktree")
def test_it_doubts_the_scraped_date_and_the_action_moves_every_event(run: Any, facts: None) -> None:
    article = run(lambda: article_submit(text=SAMPLE.read_text(encoding="utf-8")))
    article.refresh_from_db()
    assert article.published == date(2025, 4, 6)  # the page's own date line
    assert article.date_check == DateCheckVerdict.DOUBTFUL
    assert article.date_suggested_from is not None and article.date_suggested_to is not None
    assert article.date_suggested_from <= date(2023, 6, 18) <= article.date_suggested_to
    assert (article.date_suggested_from.year, article.date_suggested_from.month) == (2023, 6)
    assert (article.date_suggested_to.year, article.date_suggested_to.month) == (2023, 6)
    assert {reason["kind"] for reason in article.date_check_reasons} >= {"office", "gathering"}
    assert _date_of(article, "September", "Group of 20").startswith("2025-09")

    run(lambda: article_use_suggested_date(article=article, user=None))
    article.refresh_from_db()
    assert article.published == article.date_suggested
    assert article.date_stated == date(2025, 4, 6)
    assert article.date_check == DateCheckVerdict.CORRECTED
    reasons = list(article.history.values_list("history_change_reason", flat=True))
    assert any((r or "").startswith("publication date corrected to the suggested") for r in reasons)
    assert _date_of(article, "February", "balloon", "military_action").startswith("2023-02")
    assert _date_of(article, "September", "Group of 20").startswith("2023-09")
    assert _date_of(article, "November", "Group of 20").startswith("2023-11")
    assert _date_of(article, "last year", "Bali") == "2022-11"
    assert _date_of(article, "2006", "since 2006") == "2006"


def test_the_numbers_of_gatherings_reach_the_check_from_the_database(facts: None) -> None:
    from events.pubdate import load_facts
    from events.selectors_facts import facts_for_date_check

    from_files = {(g.series, g.start): g.number for g in load_facts().gatherings}
    from_database = {(g.series, g.start): g.number for g in facts_for_date_check().gatherings}
    assert from_database == from_files
    assert from_database[("COP", date(2023, 11, 30))] == 28


def test_a_page_whose_metadata_and_date_line_disagree_tells_the_editor(run: Any, facts: None) -> None:
    # A page written for this test: its markup says 2025-04-06, its own date line 18 June 2023.
    page = (
        '<html><head><title>Envoys meet</title><meta property="article:published_time" content="2025-04-06">'
        "</head><body><article><h1>Envoys meet</h1><p>Published: June 18, 2023</p>"
        "<p>The envoys of the two ports met on Sunday to settle a quarrel over fishing quotas, officials said.</p>"
        "<p>They agreed to meet again in the autumn, a statement issued by both delegations said.</p>"
        "</article></body></html>"
    )
    article = run(lambda: article_submit(html=page))
    article.refresh_from_db()
    kinds = [reason["kind"] for reason in article.date_check_reasons]
    assert "sources" in kinds
    sources = next(r for r in article.date_check_reasons if r["kind"] == "sources")
    assert "2025-04-06" in sources["sentence"] and "2023-06-18" in sources["sentence"]
