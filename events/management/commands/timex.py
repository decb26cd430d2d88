"""``manage.py timex FILE --published YYYY-MM-DD [--json]``: every time expression in a text file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions
from events.management.dates import published_option
from events.management.engine import EngineCommand


class Command(EngineCommand):
    help = "List the time expressions in a text file, resolved against its publication date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="TimeML TIMEX3 type and value as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        published = published_option(options["published"])
        assert published is not None  # argparse requires --published
        doc = load_pipeline(settings.SPACY_MODEL)(path.read_text(encoding="utf-8"))
        expressions = find_time_expressions(doc, published)
        if options["json"]:
            rows = [
                {"start": e.start, "end": e.end, "text": e.text, "type": e.timex_type, "value": e.value}
                for e in expressions
            ]
            self.stdout.write(json.dumps({"timexes": rows}, ensure_ascii=False, indent=2))
            return
        header = f"{'start':>6} {'end':>6}  {'text':32} {'type':9} {'value':14} {'edtf':24} {'direction':9} signal"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for e in expressions:
            text = e.text.replace("\n", " ")
            self.stdout.write(
                f"{e.start:>6} {e.end:>6}  {text[:32]:32} {e.timex_type:9} {e.value:14} {e.edtf or '-':24} "
                f"{e.direction:9} {e.signal or ''}"
            )
