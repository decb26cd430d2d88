"""End to end on the hand-checked seed article: the figures the engine must reach."""

from __future__ import annotations

import json
from datetime import date

import pytest

from events.evaluation.corpus import evaluate_corpus, predictions_of
from events.evaluation.scoring.events import load_gold, overall
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract_document
from tests.conftest import SHARED

GOLD = SHARED / "gold" / "seed.json"
CORPUS = SHARED / "corpus"
ARTICLE = CORPUS / "blinken-beijing-scraped.txt"
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared gold not present")


def test_it_reaches_the_seed_figures() -> None:
    gold = load_gold(json.loads(GOLD.read_text(encoding="utf-8")))
    engine, baseline = evaluate_corpus(gold, CORPUS, ExtractionConfig(), with_baseline=True)
    total = overall(engine)
    assert total.recall >= 0.90
    assert total.precision >= 0.85
    assert total.status_accuracy >= 0.95
    assert baseline is not None and overall(baseline).precision < total.precision


def test_it_takes_nothing_from_link_lists_and_no_spam_actor() -> None:
    result = extract_document(ARTICLE.read_text(encoding="utf-8"), published=date(2025, 4, 6))
    assert result.events
    for event in result.events:
        assert "Benjamin Ashford" not in {a.name for a in event.actors}
        assert result.text[event.citation.start : event.citation.end] == event.citation.quote
    for link in ("Nevada attorney general", "Olympic", "Louvre"):
        assert not any(link in p.sentence for p in predictions_of(result))


def test_it_moves_relative_dates_when_the_publication_date_changes() -> None:
    result = extract_document(ARTICLE.read_text(encoding="utf-8"), published=date(2023, 6, 18))
    dates = {e.citation.time_text: e.date for e in result.events}
    assert dates["May"] == "2023-05"
    assert dates["last year"] == "2022"
    assert result.published_source == "caller"
