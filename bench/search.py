"""Benchmark of the word search (issue 18, finding 1): time against the number of words.

For 1..20 words it times :func:`events.selectors.events_matching_words` (what ``events_search``, the
API's ``q`` filter and the timeline pages run; the 12-word limit of ``events_search`` is not applied
here so the cost past it is visible) over the published events, and beside it the search as it was
before the fix (one ``.filter()`` per word across the actor and citation joins, then ``DISTINCT``),
cut off at ``--old-limit`` seconds per query and not tried again for more words once cut off. Last,
the public ``/search/`` page for the same words (up to the 12-word limit; past it the page answers
400). Each figure is the median of ``--runs`` runs, in milliseconds.

The words are single letters ("a", "e", "i", ...): each matches nearly every title, name and quote,
the worst case for the old joins (the probe used ``a b c d e f g h i j``).

Two data sets per database: the project's demo data (``manage.py demo``), then the same plus 5,000
generated published events (2 actors, a place and 3 citations each, as in bench/pages.py).

    .venv/bin/python bench/search.py                # SQLite, then PostgreSQL (127.0.0.1)
    .venv/bin/python bench/search.py --sqlite       # SQLite only
    .venv/bin/python bench/search.py --postgres     # PostgreSQL only (a scratch DB, dropped after)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTERS = "aeinorstlcdmuhpgbfwy"  # 20 single-letter "words", most common first
MAX_WORDS = 20


def _old_events_search(queryset: Any, words: list[str]) -> Any:
    """The search before the fix, kept here only to show the difference."""
    from django.db.models import Q

    for word in words:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(place__name__icontains=word)
            | Q(actor_links__actor__name__icontains=word)
            | Q(citations__quote__icontains=word)
        )
    return queryset.distinct()


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Cancel a statement that runs longer than ``seconds`` (an OperationalError)."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        deadline = time.monotonic() + seconds
        raw = connection.connection
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")


def _ids(queryset: Any) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def _median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _table(label: str, runs: int, old_limit: float) -> None:
    from django.db import OperationalError, connection
    from django.test import Client

    from events.models import Citation
    from events.selectors import SEARCH_MAX_WORDS, events_matching_words, events_published

    published = events_published().count()
    print(
        f"\n{connection.vendor}, {label}: {published} published events, {Citation.objects.count()} citations; "
        f"median of {runs} runs, ms"
    )
    header = f"{'words':>5} {'matches':>8} {'search ms':>10} {'before fix ms':>14} {'/search/ page ms':>17}"
    print(header)
    print("-" * len(header))
    client = Client()
    old_gave_up = False
    for n in range(1, MAX_WORDS + 1):
        words = list(LETTERS[:n])
        queryset = events_matching_words(events_published(), words)
        matches = queryset.count()
        new_ms = _median_ms(partial(_ids, queryset), runs)
        old = "-"
        if not old_gave_up:
            try:
                with _time_limit(old_limit):
                    old_qs = _old_events_search(events_published(), words)
                    old_ms = _median_ms(partial(_ids, old_qs), 1)
                old = f"{old_ms:.1f}"
            except OperationalError:
                old, old_gave_up = f"> {old_limit * 1000:.0f}", True
                connection.close()  # PostgreSQL leaves the transaction state clean; start afresh anyway
        page = "400 (limit)"
        if n <= SEARCH_MAX_WORDS:
            url = "/search/?q=" + "+".join(words)
            status = client.get(url).status_code
            assert status == 200, (url, status)
            page = f"{_median_ms(partial(client.get, url), runs):.1f}"
        print(f"{n:>5} {matches:>8} {new_ms:>10.1f} {old:>14} {page:>17}", flush=True)


def _run_one(vendor: str, args: argparse.Namespace) -> None:
    from bench.pages import _configure, _drop

    url, pg_name = _configure(vendor == "sqlite")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="bench-var-"))
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.pages import build
    from events.services.demo import demo_load

    try:
        call_command("migrate", verbosity=0)
        demo_load()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        _table("demo data", args.runs, args.old_limit)
        build(args.events)
        _table(f"demo data + {args.events:,} generated events", args.runs, args.old_limit)
    finally:
        connection.close()
        if pg_name:
            _drop(pg_name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite", action="store_true", help="SQLite only")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL only")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--old-limit", type=float, default=2.0, help="seconds before the old search is cut off")
    args = parser.parse_args()
    if args.sqlite or args.postgres:
        _run_one("sqlite" if args.sqlite else "postgresql", args)
        return
    # Django is set up once per process: one child process per database.
    for flag in ("--sqlite", "--postgres"):
        extra = ["--events", str(args.events), "--runs", str(args.runs), "--old-limit", str(args.old_limit)]
        subprocess.run([sys.executable, __file__, flag, *extra], check=True)


if __name__ == "__main__":
    main()
