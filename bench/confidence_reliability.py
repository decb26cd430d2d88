"""Reliability of the engine's confidence against the development gold (issue 17, item 3).

Runs the engine over tests/extraction/devgold (19 articles, no Django), matches each proposed event
to the gold with the project's scorer (a proposal is right when its sentence holds a gold quote and its
date is right), and prints a reliability table: for each confidence bin, how many proposals and what
share of them were right. A calibrated confidence would have "share right" close to the bin's mean.

    .venv/bin/python bench/confidence_reliability.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEVGOLD = ROOT / "tests" / "extraction" / "devgold"
BINS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.85), (0.85, 0.9), (0.9, 1.01)]


def main() -> None:
    from events.evaluation.corpus import predictions_of
    from events.evaluation.scoring.events import load_gold, score_file
    from events.extraction.config import ExtractionConfig
    from events.extraction.pipeline import extract_document

    gold = load_gold(json.loads((DEVGOLD / "gold.json").read_text()))
    rows: list[tuple[float, bool, str]] = []
    for name, (published, events) in sorted(gold.items()):
        raw = (DEVGOLD / "articles" / name).read_text(encoding="utf-8")
        result = extract_document(raw, published=published, config=ExtractionConfig())
        predicted = predictions_of(result)
        score = score_file(name, events, predicted)
        false = {id(p) for p in score.false}
        for event, prediction in zip(result.events, predicted, strict=True):
            rows.append((event.confidence, id(prediction) not in false, event.rule.split("+")[0]))
    print(f"{len(rows)} proposals on {len(gold)} dev-gold articles; right = matches a gold event (quote + date)\n")
    print(f"{'confidence':<12} {'proposals':>9} {'mean conf':>10} {'share right':>12}")
    for low, high in BINS:
        inside = [(c, ok) for c, ok, _ in rows if low <= c < high]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(ok for _, ok in inside) / len(inside)
            print(f"{low:.2f}-{min(high, 1.0):.2f}   {len(inside):>9} {mean:>10.2f} {right:>12.2f}")
    distinct = len({round(c, 2) for c, _, _ in rows})
    print(f"\ndistinct confidence values: {distinct}")
    by_rule: dict[str, list[bool]] = defaultdict(list)
    for _, ok, rule in rows:
        by_rule[rule].append(ok)
    print(f"\n{'rule (first part)':<32} {'proposals':>9} {'share right':>12}")
    for rule, oks in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        print(f"{rule:<32} {len(oks):>9} {sum(oks) / len(oks):>12.2f}")


if __name__ == "__main__":
    main()
