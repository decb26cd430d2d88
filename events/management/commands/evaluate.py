"""``manage.py evaluate``: score the engine on every evaluation set at once, as one table.

With no arguments it runs every set under ``--shared`` (seed, real-dev, MEANTIME, TBAQ, TimeBank binding,
SemEval timelines) and the development set (see ``events.evaluation.suite``); parses are cached on disk.
``manage.py evaluate GOLD.json CORPUS_DIR [--baseline]`` is the older single-set mode, per file.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from events.management.engine import EngineCommand


class Command(EngineCommand):
    # The engine needs no database or app checks; running them would tie this tool to the whole site.
    requires_system_checks: list[str] = []
    help = (
        "Score the engine on every evaluation set as one table; or, given GOLD.json and CORPUS_DIR, score "
        "one set of hand-checked events per file (see shared/gold/README.md); --baseline compares."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        base = Path(settings.BASE_DIR)
        parser.add_argument("gold", nargs="?", help="gold JSON: {file: {published, events: [...]}}")
        parser.add_argument("corpus", nargs="?", help="folder holding the article files named in the gold file")
        parser.add_argument("--baseline", action="store_true", help="also score the naive DATE-entity baseline")
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="list missed and false events, wrong dates, statuses and places (and time errors)",
        )
        parser.add_argument(
            "--shared", type=Path, default=base.parent / "shared", help="folder with gold/, corpus/ and data/"
        )
        parser.add_argument(
            "--cache", type=Path, default=base / "var" / "evaluate-parses", help="where parses are kept"
        )
        parser.add_argument("--no-cache", action="store_true", help="parse every text again, keep nothing")
        parser.add_argument("--processes", type=int, default=1, help="processes that parse uncached texts")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["gold"] is None and options["corpus"] is None:
            self._all_sets(options)
            return
        if options["gold"] is None or options["corpus"] is None:
            raise CommandError("give both GOLD.json and CORPUS_DIR, or neither for every set")
        self._one_set(options)

    def _all_sets(self, options: dict[str, Any]) -> None:
        from events.evaluation.parse_cache import ParseCache
        from events.evaluation.suite import Paths, format_table, run_all
        from events.services.pipeline_config import extraction_config

        shared: Path = options["shared"]
        if not shared.is_dir():
            raise CommandError(f"no such folder: {shared}")
        if options["processes"] < 1:
            raise CommandError("--processes must be at least 1")
        cache = ParseCache(
            extraction_config(),
            None if options["no_cache"] else options["cache"],
            processes=options["processes"],
        )
        paths = Paths(shared=shared, devgold=Path(settings.BASE_DIR) / "tests" / "extraction" / "devgold")
        started = time.perf_counter()
        rows = run_all(paths, cache, verbose=options["verbose"], log=self.stdout.write)
        for row in rows:
            for line in row.details:
                self.stdout.write(line)
        self.stdout.write("")
        for line in format_table(rows):
            self.stdout.write(line)
        self.stdout.write(
            f"total {time.perf_counter() - started:.1f} s; texts parsed {cache.parsed}, read from cache {cache.read}"
        )

    def _one_set(self, options: dict[str, Any]) -> None:
        from events.evaluation.scoring.events import FileScore, load_gold, overall
        from events.services.pipeline_config import extraction_config

        gold_path, corpus = Path(options["gold"]), Path(options["corpus"])
        if not gold_path.is_file():
            raise CommandError(f"no such gold file: {gold_path}")
        if not corpus.is_dir():
            raise CommandError(f"no such corpus folder: {corpus}")
        try:
            gold = load_gold(json.loads(gold_path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"{gold_path} is not a gold file: {exc}") from None
        missing = [name for name in gold if not (corpus / name).is_file()]
        if missing:
            raise CommandError(f"articles missing from {corpus}: {', '.join(missing)}")
        from events.evaluation.corpus import evaluate_corpus

        engine, baseline = evaluate_corpus(gold, corpus, extraction_config(), with_baseline=options["baseline"])
        self._table(engine, baseline)
        if options["verbose"]:
            from events.evaluation.suite import score_details

            for score in engine:
                for line in score_details(" ", score):
                    self.stdout.write(line)
        total: FileScore = overall(engine)
        self.stdout.write(
            f"\noverall: precision {total.precision:.3f}  recall {total.recall:.3f}  "
            f"status {total.status_accuracy:.3f}  date {total.date_accuracy:.3f}  "
            f"location {total.location_accuracy:.3f}"
        )

    def _table(self, engine: list[Any], baseline: list[Any] | None) -> None:
        from events.evaluation.scoring.events import overall

        header = f"{'file':<44} {'pred':>5} {'gold':>5} {'P':>6} {'R':>6} {'status':>7} {'date':>6} {'place':>6}"
        if baseline is not None:
            header += f" | {'base P':>7} {'base R':>7} {'b.stat':>7}"
        self.stdout.write(header)
        rows = [*engine, overall(engine)]
        base_rows = [*baseline, overall(baseline)] if baseline is not None else None
        for index, score in enumerate(rows):
            line = (
                f"{score.name[:44]:<44} {score.predicted:>5} {score.required:>5} {score.precision:>6.3f} "
                f"{score.recall:>6.3f} {score.status_accuracy:>7.3f} {score.date_accuracy:>6.3f} "
                f"{score.location_accuracy:>6.3f}"
            )
            if base_rows is not None:
                base = base_rows[index]
                line += f" | {base.precision:>7.3f} {base.recall:>7.3f} {base.status_accuracy:>7.3f}"
            self.stdout.write(line)
