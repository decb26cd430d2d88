"""``manage.py ingest SOURCE... [--published YYYY-MM-DD] [--sync]``: add articles from files, folders, URLs.

Thin: :mod:`events.services.bulk` turns the sources into articles. Without ``--sync`` each article is
stored queued and its task sent to the broker (a worker processes it); with ``--sync`` this process
runs the task's service itself, with no broker. A source that cannot be used gets one error line and
the others go on; the exit status is 1 if any failed.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from events.management.dates import published_option
from events.services.bulk import Outcome, ingest_source, ingest_sources_from_paths


class Command(BaseCommand):
    help = (
        "Add articles from .txt/.html files, directories (searched recursively) and http(s) URLs. "
        "Queued for the worker, or processed here with --sync."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, a directory or a URL")
        parser.add_argument("--published", help="publication date YYYY-MM-DD of every article given")
        parser.add_argument(
            "--sync", action="store_true", help="process the articles in this process, without a broker"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        published = published_option(options["published"], returncode=2)
        sync: bool = options["sync"]
        verbosity: int = options["verbosity"]
        sources = list(ingest_sources_from_paths(options["sources"]))
        counts: Counter[Outcome] = Counter()
        started = time.monotonic()
        # tqdm draws on a terminal only (disable=None), so piped output and tests get the lines alone.
        with tqdm(total=len(sources), unit="article", file=self.stderr._out, disable=None) as bar:
            for source in sources:
                outcome = ingest_source(source=source, published=published, sync=sync)
                counts[outcome.outcome] += 1
                if outcome.outcome == Outcome.FAILED:
                    bar.write(self.style.ERROR(f"{outcome.source}: {outcome.message}"), file=self.stderr._out)
                elif verbosity >= 2:
                    bar.write(f"{outcome.source}: {outcome.outcome} (article {outcome.article_id})")
                bar.update()
        seconds = time.monotonic() - started
        done = "processed here" if sync else "queued for the worker"
        rate = f", {len(sources) / seconds:.2f} sources/s" if sync and seconds > 0 else ""
        self.stdout.write(
            f"new {counts[Outcome.NEW]}, duplicate {counts[Outcome.DUPLICATE]}, failed {counts[Outcome.FAILED]}"
            f" ({done}; {seconds:.1f} s{rate})"
        )
        if counts[Outcome.FAILED]:
            raise CommandError(f"{counts[Outcome.FAILED]} of {len(sources)} source(s) failed", returncode=1)
