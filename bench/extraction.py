"""Throughput of the extraction engine against spaCy alone.

Builds >= 500 articles by shuffling sentences of the dev-set articles (tests/extraction/devgold/articles,
read at run time) and prints articles/s, the ratio of the engine's total time to spaCy's own ``nlp.pipe``
time on the same texts (target <= 1.5), and the time for one 1 MB article (target < 30 s).

    .venv/bin/python bench/extraction.py [--articles 500] [--skip-megabyte]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.extraction.cleaning import clean_text  # noqa: E402
from events.extraction.config import ExtractionConfig  # noqa: E402
from events.extraction.nlp import load_pipeline  # noqa: E402
from events.extraction.pipeline import extract, extract_many  # noqa: E402


def sentences() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "extraction" / "devgold" / "articles").glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        found.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6)
    return found or ["The minister arrived in Paris on Monday and met officials in Lyon on Tuesday."]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--skip-megabyte", action="store_true")
    args = parser.parse_args()
    pool = sentences()
    rng = random.Random(0)
    texts = ["\n\n".join(rng.choice(pool) for _ in range(rng.randint(8, 20))) for _ in range(args.articles)]
    config = ExtractionConfig()
    nlp = load_pipeline(config.spacy_model)
    list(nlp.pipe(texts[:5]))
    started = time.perf_counter()
    list(nlp.pipe(texts, batch_size=config.batch_size))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    events = sum(len(r.events) for r in extract_many(((t, date(2024, 6, 12)) for t in texts), config))
    engine_seconds = time.perf_counter() - started
    rows = [
        ("articles", f"{len(texts)}"),
        ("events", f"{events}"),
        ("spaCy nlp.pipe (s)", f"{spacy_seconds:.2f}"),
        ("engine total (s)", f"{engine_seconds:.2f}"),
        ("articles/s", f"{len(texts) / engine_seconds:.1f}"),
        ("engine / spaCy (target <= 1.5)", f"{engine_seconds / spacy_seconds:.2f}"),
    ]
    if not args.skip_megabyte:
        big = ""
        while len(big) < 1_000_000:
            big += rng.choice(pool) + (" " if rng.random() < 0.8 else "\n\n")
        started = time.perf_counter()
        extract(big, date(2024, 6, 12), config)
        rows.append(("1 MB article (s, target < 30)", f"{time.perf_counter() - started:.1f}"))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>10}")


if __name__ == "__main__":
    main()
