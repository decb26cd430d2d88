"""``manage.py evaluate-timex``: score the time-expression resolver on MEANTIME beside published figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from events.evaluation.scoring.meantime import REFERENCE_VALUE_F1, evaluate, read_corpus
from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions, resolve_time_expression
from events.management.engine import EngineCommand


class Command(EngineCommand):
    help = "Evaluate the time-expression resolver on MEANTIME (span and value F1)."

    def add_arguments(self, parser: CommandParser) -> None:
        default = Path(settings.BASE_DIR).parent / "shared" / "data" / "meantime-en"
        parser.add_argument("--data", type=Path, default=default, help=f"MEANTIME directory (default {default})")
        parser.add_argument("--errors", action="store_true", help="list every miss and wrong value")

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["data"]
        source = directory / "intra-doc_annotation" if (directory / "intra-doc_annotation").is_dir() else directory
        if not source.is_dir():
            raise CommandError(f"{source} is not a directory")

        def date_line(text: str) -> date | None:
            found = resolve_time_expression(text, date.today())
            return found.lower if found is not None and found.precision == "day" else None

        documents = read_corpus(source, date_line_parser=date_line)
        if not documents:
            raise CommandError(f"no MEANTIME XML under {source}")
        nlp = load_pipeline(settings.SPACY_MODEL)

        def annotate(text: str, published: date) -> list[tuple[int, int, str, str]]:
            return [(e.start, e.end, e.timex_type, e.value) for e in find_time_expressions(nlp(text), published)]

        result = evaluate(documents, annotate)
        total = result.total
        if options["errors"]:
            for name, match in result.matches:
                g, p = match.gold, match.predicted
                if g is not None and p is not None and g.value == p.value and set(g.token_ids) == set(p.token_ids):
                    continue
                gold_text = f"{g.text!r} {g.timex_type} {g.value}" if g else "-"
                pred_text = f"{p.text!r} {p.timex_type} {p.value}" if p else "-"
                self.stdout.write(f"{name[:40]:40}  gold: {gold_text:50}  ours: {pred_text}")
        self.stdout.write(f"MEANTIME: {result.documents} documents, {total.gold} gold TIMEX3, {total.predicted} ours")
        if result.undated:
            self.stdout.write(f"undated (gold counted as missed): {', '.join(result.undated)}")
        for label, (precision, recall, f1) in (
            ("relaxed span", total.relaxed_prf()),
            ("strict span", total.strict_prf()),
            ("type", total.type_prf()),
            ("value", total.value_prf()),
        ):
            self.stdout.write(f"{label:13} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
        self.stdout.write("published value F1 on the same documents:")
        self.stdout.write(f"  {'this resolver':28} {total.value_prf()[2]:.2f}")
        for system, f1 in REFERENCE_VALUE_F1.items():
            self.stdout.write(f"  {system:28} {f1:.2f}")
