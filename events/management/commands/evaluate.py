"""``manage.py evaluate GOLD.json CORPUS_DIR [--baseline]``: score the engine against hand-checked events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from events.management.engine import EngineCommand


class Command(EngineCommand):
    # The engine needs no database or app checks; running them would tie this tool to the whole site.
    requires_system_checks: list[str] = []
    help = "Score extracted events against a gold file (see shared/gold/README.md); --baseline compares."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", help="gold JSON: {file: {published, events: [...]}}")
        parser.add_argument("corpus", help="folder holding the article files named in the gold file")
        parser.add_argument("--baseline", action="store_true", help="also score the naive DATE-entity baseline")
        parser.add_argument("--verbose", action="store_true", help="list missed and false events")

    def handle(self, *args: Any, **options: Any) -> None:
        from events.extraction.scoring.events import FileScore, load_gold, overall
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
        from events.extraction.evaluation import evaluate_corpus

        engine, baseline = evaluate_corpus(gold, corpus, extraction_config(), with_baseline=options["baseline"])
        self._table("engine", engine, baseline)
        if options["verbose"]:
            for score in engine:
                for g in score.missed:
                    self.stdout.write(f"  MISSED {score.name}: {g.quote!r} {g.date}")
                for p in score.false:
                    self.stdout.write(f"  FALSE  {score.name}: {p.date} {p.status} {p.type} | {p.sentence[:90]!r}")
        total: FileScore = overall(engine)
        self.stdout.write(
            f"\noverall: precision {total.precision:.3f}  recall {total.recall:.3f}  "
            f"status {total.status_accuracy:.3f}  date {total.date_accuracy:.3f}  "
            f"location {total.location_accuracy:.3f}"
        )

    def _table(self, label: str, engine: list[Any], baseline: list[Any] | None) -> None:
        from events.extraction.scoring.events import overall

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
