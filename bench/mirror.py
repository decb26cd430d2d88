"""Benchmark of timeline-mirror (issue 15): first sync into SQLite and PostgreSQL, then an incremental sync.

Runs the API under gunicorn (as ``bench/api.py``) on a database filled by ``bench/generate_events.py``
and runs ``timeline-mirror sync`` as a subprocess under ``/usr/bin/time`` (its peak RSS is the client's):

- first sync of one topic (the smaller set) and of every event, per target: events, seconds, events/s,
  client peak RSS, and the RSS ratio (every event / one topic);
- an incremental sync after N edits (each a model save, so each logs a change): seconds and requests.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_mirror .venv/bin/python bench/mirror.py \\
        --target-postgres postgres://postgres@127.0.0.1:5432/bench_mirror_target
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db.models import Count

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import ROOT, Server
from events.models import Event, Topic
from events.selectors import events_published

SUMMARY = re.compile(r"(\d[\d,]*) events exported.*?at seq (\d+); (\d+) requests?; ([\d.]+) s")
INCREMENTAL = re.compile(r"(\d[\d,]*) upserted, (\d[\d,]*) removed, (\d[\d,]*) merged.*?(\d+) requests?; ([\d.]+) s")


def _sync(api: str, db: str, *extra: str) -> tuple[str, float, float]:
    """Run one sync; returns its summary line, wall seconds and peak RSS (MiB)."""
    command = ["/usr/bin/time", "-f", "RSS_KIB=%M", str(ROOT / ".venv/bin/timeline-mirror"), "sync", "--no-progress"]
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "--api", api, "--db", db, *extra], cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"sync failed:\n{result.stdout}\n{result.stderr}")
    rss = int(re.search(r"RSS_KIB=(\d+)", result.stderr).group(1)) / 1024  # type: ignore[union-attr]
    return result.stdout.strip().splitlines()[-1], seconds, rss


def _drop_create(url: str) -> None:
    base, name = url.rsplit("/", 1)
    for statement in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", f"{base}/postgres", "-qc", statement], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target-postgres", help="a PostgreSQL URL to (re)create for the PostgreSQL target")
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--skip-full", action="store_true", help="only the one-topic first sync")
    args = parser.parse_args()

    published = events_published().count()
    topic = (
        Topic.objects.filter(is_published=True)
        .annotate(n=Count("memberships"))
        .order_by("n")
        .values_list("slug", "n")
        .first()
    )
    if topic is None:
        raise SystemExit("no published topic: generate events first (bench/generate_events.py)")
    rows: list[tuple[str, str]] = [("published events", f"{published:,}")]
    server = Server(0)
    api = f"{server.url}/api/v1/"
    scratch = Path(tempfile.mkdtemp(prefix="bench-mirror-"))
    targets = [("SQLite", f"sqlite:///{scratch}/{{name}}.db")]
    if args.target_postgres:
        targets.append(("PostgreSQL", args.target_postgres + "_{name}"))
    try:
        full_sqlite = None
        for label, pattern in targets:
            runs = [("one topic", "topic", ["--topic", topic[0]])] if topic else []
            if not args.skip_full:
                runs.append(("every event", "all", []))
            rss = {}
            for what, name, extra in runs:
                db = pattern.format(name=name)
                if label == "PostgreSQL":
                    _drop_create(db)
                line, seconds, peak = _sync(api, db, *extra)
                exported = int(SUMMARY.search(line).group(1).replace(",", ""))  # type: ignore[union-attr]
                rss[name] = peak
                rows.append(
                    (
                        f"first sync into {label}, {what}",
                        f"{exported:,} events in {seconds:.0f} s = {exported / seconds:,.0f} events/s, "
                        f"client peak RSS {peak:.0f} MiB",
                    )
                )
                print(line, flush=True)
                if label == "SQLite" and name == "all":
                    full_sqlite = db
            if "all" in rss and "topic" in rss:
                rows.append(
                    (f"client peak RSS ratio, {label} (every event / one topic)", f"{rss['all'] / rss['topic']:.2f}")
                )
        db = full_sqlite or pattern.format(name="topic")
        edited = list(events_published().order_by("?").values_list("pk", flat=True)[: args.changes])
        for event in Event.objects.filter(pk__in=edited):
            event.summary = f"{event.summary} (revised)"
            event.save()
        line, seconds, _ = _sync(api, db, *([] if full_sqlite else ["--topic", topic[0]]))
        match = INCREMENTAL.search(line)
        print(line, flush=True)
        rows.append(
            (
                f"incremental sync after {len(edited):,} edits (SQLite)",
                f"{seconds:.1f} s, {match.group(4) if match else '?'} requests, "
                f"{match.group(1) if match else '?'} upserted",
            )
        )
    finally:
        server.stop()
    width = max(len(label) for label, _ in rows)
    print(f"\n{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 50}")
    for label, value in rows:
        print(f"{label.ljust(width)} | {value}")


if __name__ == "__main__":
    main()
