"""End to end on the development gold set (tests/extraction/devgold): the figures the engine reaches.

Thresholds are what the engine measured when they were set (recall 0.920, precision 0.969, place where gold
names one 0.779; place over every matched event, a place where the text states none counting wrong, 0.631),
rounded down to 0.05; they guard against regressions, not targets to tune to.
"""

from __future__ import annotations

import json
from pathlib import Path

from events.evaluation.corpus import evaluate_corpus
from events.evaluation.scoring.events import load_gold, overall
from events.extraction.config import ExtractionConfig

DEVGOLD = Path(__file__).parent / "devgold"


def test_it_reaches_the_development_set_figures() -> None:
    gold = load_gold(json.loads((DEVGOLD / "gold.json").read_text(encoding="utf-8")))
    engine, _ = evaluate_corpus(gold, DEVGOLD / "articles", ExtractionConfig())
    total = overall(engine)
    assert total.recall >= 0.90
    assert total.precision >= 0.90
    assert total.status_accuracy >= 0.95
    assert total.location_stated_accuracy >= 0.75
    assert total.location_accuracy >= 0.60
