"""``manage.py extract FILE [--published YYYY-MM-DD] [--json]``: run the extraction engine on one page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from events.management.dates import published_option
from events.management.engine import EngineCommand


class Command(EngineCommand):
    # The engine needs no database or app checks; running them would tie this tool to the whole site.
    requires_system_checks: list[str] = []
    help = "Extract dated events from an article file (HTML or plain text) and print them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="an HTML or plain-text article")
        parser.add_argument("--published", help="publication date YYYY-MM-DD; overrides the page's own")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args: Any, **options: Any) -> None:
        from events.extraction.pipeline import extract_document
        from events.services.pipeline_config import extraction_config

        published = published_option(options["published"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            raw = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc}") from None
        is_html = True if path.suffix.lower() in {".html", ".htm"} else None
        result = extract_document(
            raw, is_html=is_html, published=published, config=extraction_config(), reference=timezone.localdate()
        )
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"{result.title or '(no title)'}")
        self.stdout.write(
            f"published {result.published or 'unknown'} ({result.published_source}); {len(result.events)} events\n"
        )
        self.stdout.write(f"{'date':<24} {'status':<10} {'type':<17} {'place':<16} title")
        for event in result.events:
            place = event.location.name if event.location else "-"
            self.stdout.write(
                f"{event.date:<24} {event.status.value:<10} {event.type.value:<17} {place[:16]:<16} {event.title}"
            )
