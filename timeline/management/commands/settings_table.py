"""Print the README's configuration table from timeline/settings.py, or write it into README.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.settings_table import UndocumentedVariable, readme_with_table, render, variables


class Command(BaseCommand):
    help = "Print the environment-variable table generated from timeline/settings.py (--write: into README.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--write", action="store_true", help="replace the table in README.md")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            table = render(variables())
        except UndocumentedVariable as exc:
            raise CommandError(f"undocumented environment variable: {exc}") from None
        if not options["write"]:
            self.stdout.write(table)
            return
        readme = Path(settings.BASE_DIR) / "README.md"
        readme.write_text(readme_with_table(readme.read_text(), table))
        self.stdout.write(f"wrote {len(table.splitlines()) - 2} rows into {readme}")
