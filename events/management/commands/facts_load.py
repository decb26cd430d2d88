"""``manage.py facts_load [DIR]``: store the fact files (offices and terms, summits, reference events)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.pubdate.facts import FACTS_DIR


class Command(BaseCommand):
    help = "Load the facts the publication-date check uses from events/facts/ (or DIR) into the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", nargs="?", default=str(FACTS_DIR))

    def handle(self, *args: Any, **options: Any) -> None:
        from events.services.facts import facts_load

        directory = Path(options["directory"])
        if not (directory / "terms.csv").exists():
            raise CommandError(f"{directory} holds no terms.csv: not a facts directory")
        try:
            loaded = facts_load(directory=directory)
        except (ValueError, KeyError) as exc:
            raise CommandError(f"bad fact file: {exc}") from None
        self.stdout.write(
            f"{loaded.offices} offices, {loaded.terms} terms, {loaded.gatherings} gatherings, "
            f"{loaded.reference_events} reference events, {loaded.actors} actors"
        )
