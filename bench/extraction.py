"""Throughput of the extraction engine against spaCy alone.

Builds >= 500 articles by shuffling sentences of the dev-set articles (tests/extraction/devgold/articles,
read at run time) and prints one table: articles, characters, spaCy's own ``nlp.pipe`` time on the same
texts, the engine's total time (its spaCy pass included), their ratio (target <= 1.3, issue 13), articles/s, and a
row for one 1 MB article (target < 30 s) parsed in one process and one parsed by ``--processes`` (this
one and forked helpers, ``events/extraction/parallel_parse.py``; their CPU time is counted in), then the
share of spaCy's time that the time-expression finder (``find_candidates``, already inside the engine's
time) takes on the same texts, and the share of the engine's time that the publication-date check
(``events/pubdate``, run on the engine's results, target <= 5%) adds. With ``--scaling``, rows for the
first 50, 100, 200 and 400 KB of that article too: a flat engine/spaCy ratio and a flat CPU time per
100 KB mean the engine is linear.

The machine is shared, so both sides are timed in the same run, interleaved in rounds (spaCy alone, then
the engine, on the same texts) so that a change in load hits both; the ratio is given for CPU time
(steady under load; helpers' included) and for wall time. The article rows run in one process, as spaCy
alone does.

    .venv/bin/python bench/extraction.py [--articles 500] [--rounds 5] [--skip-megabyte] [--scaling]
        [--processes 2]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.extraction.analysis import split_pieces  # noqa: E402
from events.extraction.cleaning import clean_text  # noqa: E402
from events.extraction.config import ExtractionConfig  # noqa: E402
from events.extraction.nlp import load_pipeline  # noqa: E402
from events.extraction.pipeline import extract, extract_many  # noqa: E402
from events.extraction.timex.finder import find_candidates  # noqa: E402
from events.pubdate import check_publication_date, load_facts  # noqa: E402
from events.pubdate.from_extraction import mentions_of  # noqa: E402

PUBLISHED = date(2024, 6, 12)
TODAY = date(2026, 12, 4)


def sentences() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "extraction" / "devgold" / "articles").glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        found.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6)
    return found or ["The minister arrived in Paris on Monday and met officials in Lyon on Tuesday."]


@dataclass
class Timing:
    wall: float = 0.0
    cpu: float = 0.0

    def add(self, wall: float, cpu: float) -> None:
        self.wall += wall
        self.cpu += cpu


def cpu_time() -> float:
    """CPU seconds of this process and of its children that have ended (the parse helpers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Clock:
    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), cpu_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu_time() - self.cpu


def megabyte_text(pool: list[str], rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < 1_000_000:
        part = rng.choice(pool) + (" " if rng.random() < 0.8 else "\n\n")
        parts.append(part)
        size += len(part)
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved spaCy/engine rounds")
    parser.add_argument("--skip-megabyte", action="store_true")
    parser.add_argument("--scaling", action="store_true", help="also 50-400 KB prefixes of the 1 MB article")
    parser.add_argument("--processes", type=int, default=2, help="processes for the second 1 MB row")
    args = parser.parse_args()
    pool = sentences()
    rng = random.Random(0)
    texts = ["\n\n".join(rng.choice(pool) for _ in range(rng.randint(8, 20))) for _ in range(args.articles)]
    config = ExtractionConfig(processes=1)
    nlp = load_pipeline(config.spacy_model)
    list(extract_many(((t, PUBLISHED) for t in texts[:5]), config))  # load the model and lazy tables
    spacy_time, engine_time, finder_time, check_time = Timing(), Timing(), Timing(), Timing()
    facts = load_facts()
    events = 0
    rounds = max(1, min(args.rounds, len(texts)))
    for index in range(rounds):
        batch = texts[index::rounds]
        with Clock() as clock:
            list(nlp.pipe(batch, batch_size=config.batch_size))
        spacy_time.add(clock.wall, clock.cpu)
        with Clock() as clock:
            results = list(extract_many(((t, PUBLISHED) for t in batch), config))
            events += sum(len(r.events) for r in results)
        engine_time.add(clock.wall, clock.cpu)
        with Clock() as clock:
            for result in results:
                check_publication_date(
                    text=result.text, stated=PUBLISHED, mentions=mentions_of(result), facts=facts, today=TODAY
                )
        check_time.add(clock.wall, clock.cpu)
        with Clock() as clock:
            for text in batch:
                find_candidates(text)
        finder_time.add(clock.wall, clock.cpu)
    header = ("", "articles", "chars", "spaCy s", "engine s", "ratio", "ratio wall", "articles/s")
    rows = [
        (
            "articles",
            f"{len(texts)}",
            f"{sum(map(len, texts))}",
            f"{spacy_time.cpu:.2f}",
            f"{engine_time.cpu:.2f}",
            f"{engine_time.cpu / spacy_time.cpu:.2f}",
            f"{engine_time.wall / spacy_time.wall:.2f}",
            f"{len(texts) / engine_time.wall:.1f}",
        )
    ]
    megabyte: dict[int, Clock] = {}
    if not args.skip_megabyte:
        big = megabyte_text(pool, rng)
        sizes = [50_000, 100_000, 200_000, 400_000] if args.scaling else []
        runs = [(size, 1) for size in sizes] + [(len(big), 1), (len(big), args.processes)]
        for size, processes in runs:
            text = big[:size]
            # spaCy alone cannot take 1 MB in one Doc (max_length): it parses the pieces the engine parses.
            with Clock() as spacy_clock:
                list(nlp.pipe(split_pieces(text, config.chunk_chars), batch_size=config.batch_size))
            with Clock() as engine_clock:
                events += len(extract(text, PUBLISHED, replace(config, processes=processes)).events)
            label = f"first {size // 1000} KB" if size < len(big) else "1 MB article"
            if size == len(big):
                megabyte[processes] = engine_clock
                label += f", {processes} process" + ("es" if processes > 1 else "")
            rows.append(
                (
                    label,
                    "1",
                    f"{len(text)}",
                    f"{spacy_clock.cpu:.2f}",
                    f"{engine_clock.cpu:.2f}",
                    f"{engine_clock.cpu / spacy_clock.cpu:.2f}",
                    f"{engine_clock.wall / spacy_clock.wall:.2f}",
                    f"{1 / engine_clock.wall:.3f}",
                )
            )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
    print(
        f"time-expression finder alone (find_candidates, part of the engine's time): {finder_time.cpu:.2f} s CPU"
        f" = {finder_time.cpu / spacy_time.cpu:.3f} of spaCy's"
    )
    print(
        f"publication-date check (events/pubdate, after the engine, on its results): {check_time.cpu:.2f} s CPU"
        f" = {check_time.cpu / engine_time.cpu:.3f} of the engine's (target <= 0.05)"
    )
    print("targets: ratio <= 1.3 (CPU time, engine incl. its spaCy pass / spaCy alone); 1 MB article < 30 s")
    for processes, clock in megabyte.items():
        print(f"1 MB article, {processes} process(es): {clock.wall:.1f} s wall, {clock.cpu:.1f} s CPU")
    print(f"{events} events in all")


if __name__ == "__main__":
    main()
