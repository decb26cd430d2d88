"""``manage.py export_lines_rebuild [--check]``: build every public event's stored export line again.

The bulk export reads stored lines (:mod:`api.export_lines`) only while they were built by the code
that runs and every event of the set has one; otherwise it builds each line per request (the same
bytes, about a third of the speed) and logs why. Run this after a release that changes what a line
holds (the fingerprint differs) or after writes that bypassed the change log (raw SQL, bulk COPY).
``--check`` changes nothing: it compares the stored lines with freshly built ones and exits with 1
when any is missing, extra or different, or when other code built them. ``--if-stale`` (what the
deployment runs after ``migrate``) rebuilds only when other code built the lines or their number is not
the public events' (two counts), so a release that changes nothing of a line costs nothing.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from api.export_lines import export_lines_current, export_lines_differences, export_lines_rebuild


class Command(BaseCommand):
    help = "Build the bulk export's stored lines again (PostgreSQL), or --check them against the builder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="compare only; exit 1 on any difference")
        parser.add_argument(
            "--if-stale", action="store_true", help="rebuild only if other code built them or their count differs"
        )

    def handle(self, *args: Any, check: bool = False, if_stale: bool = False, **options: Any) -> None:
        if connection.vendor != "postgresql":
            self.stdout.write("Nothing to do: the export builds its lines per request on this database.")
            return
        if check:
            differences = export_lines_differences()
            summary = ", ".join(f"{name} {count}" for name, count in differences.items())
            if any(differences.values()):
                raise CommandError(f"export lines differ from the builder's: {summary}")
            self.stdout.write(f"Export lines equal the builder's ({summary}).")
            return
        if if_stale and export_lines_current():
            self.stdout.write("Export lines are current: nothing to rebuild.")
            return
        started = time.monotonic()
        count = export_lines_rebuild()
        self.stdout.write(f"Built {count:,} export lines in {time.monotonic() - started:.1f} s.")
