"""Benchmark of timeline-mirror (issue 15): first sync into SQLite and PostgreSQL, then an incremental sync.

Runs the API under gunicorn (as ``bench/api.py``) on a database filled by ``bench/generate_events.py``
and runs this checkout's ``timeline-mirror sync`` (``python -m mirror`` with this tree first on the path,
not the copy the venv has installed) as a subprocess under ``/usr/bin/time`` (its peak RSS is the
client's):

- first sync of one topic (the smaller set) and of every event, per target: events, seconds, events/s,
  client peak RSS, and the RSS ratio (every event / one topic);
- the client alone, per target: the same first sync of every event from the export saved to a file
  (``bench/mirror_replay.py``), so the client's speed is not capped by how fast the server streams;
- an incremental sync after N edits (each an ``event_update``, one change each), per target: seconds
  and requests. Before the edits each target is synced once more with nothing to do, and its schema
  revision and ``sync_state`` are checked: the figure is the feed alone, never an export reloaded by a
  schema upgrade or a resumed first sync (the bench stops if the incremental run says it did either).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_mirror .venv/bin/python bench/mirror.py \\
        --target-postgres postgres://postgres@127.0.0.1:5432/bench_mirror_target

``--client PATH`` runs the ``mirror`` package of another checkout (e.g. an older commit, extracted with
``git archive``) against the same server: before and after in one table each.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from django.db.models import Count
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import ROOT, Server
from events.models import Event, Topic
from events.selectors import events_published
from events.services import event_update
from mirror.database import engine_for, head_revision, schema_revision
from mirror.schema import sync_state

SUMMARY = re.compile(r"(\d[\d,]*) events exported.*?at seq (\d+); (\d+) requests?; ([\d.]+) s")
INCREMENTAL = re.compile(r"(\d[\d,]*) upserted, (\d[\d,]*) removed, (\d[\d,]*) merged.*?(\d+) requests?; ([\d.]+) s")


# The checkout whose ``mirror`` package runs (--client): this one unless told otherwise. The venv's
# timeline-mirror script would import the copy installed in the venv, so the client runs as
# ``python -m mirror`` with the checkout first on the path.
CLIENT = ROOT


def _client_run(arguments: list[str]) -> tuple[str, float, float]:
    """Run the client under /usr/bin/time; returns its last line, wall seconds and peak RSS (MiB)."""
    # The client's checkout first (its ``mirror``), then this one (``bench``, for bench.mirror_replay).
    env = {**os.environ, "PYTHONPATH": f"{CLIENT}{os.pathsep}{ROOT}"}
    started = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "RSS_KIB=%M", str(ROOT / ".venv/bin/python"), *arguments],
        cwd=CLIENT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"client failed:\n{result.stdout}\n{result.stderr}")
    rss = int(re.search(r"RSS_KIB=(\d+)", result.stderr).group(1)) / 1024  # type: ignore[union-attr]
    return result.stdout.strip().splitlines()[-1], seconds, rss


def _sync(api: str, db: str, *extra: str) -> tuple[str, float, float]:
    """Run one sync; returns its summary line, wall seconds and peak RSS (MiB)."""
    return _client_run(["-m", "mirror", "sync", "--no-progress", "--api", api, "--db", db, *extra])


def _client_alone(export: Path, db: str) -> tuple[int, float, float]:
    """A first sync from a saved export (no server): events, seconds, peak RSS (MiB)."""
    line, _, rss = _client_run(["-m", "bench.mirror_replay", "--export", str(export), "--db", db])
    match = re.search(r"events=(\d+) seconds=([\d.]+)", line)
    if match is None:
        raise SystemExit(f"unexpected output: {line}")
    return int(match.group(1)), float(match.group(2)), rss


def _check_feed_only(line: str, db: str) -> None:
    """Stop unless this sync only followed the feed on a copy at this client's schema, export done."""
    if "first sync" in line or "schema " in line:
        raise SystemExit(f"not an incremental sync (an export or a schema upgrade ran): {line}")
    engine = engine_for(db)
    try:
        with engine.connect() as connection:
            revision = schema_revision(connection)
            done: bool = connection.execute(select(sync_state.c.export_done)).scalar_one()
    finally:
        engine.dispose()
    if revision != head_revision() or not done:
        raise SystemExit(f"{db}: schema {revision} (client {head_revision()}), export done {done}")


def _drop_create(url: str) -> None:
    base, name = url.rsplit("/", 1)
    for statement in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", f"{base}/postgres", "-qc", statement], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target-postgres", help="a PostgreSQL URL to (re)create for the PostgreSQL target")
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--skip-full", action="store_true", help="only the one-topic first sync")
    parser.add_argument("--client", type=Path, default=ROOT, help="the checkout whose mirror package runs")
    args = parser.parse_args()
    global CLIENT
    CLIENT = args.client.resolve()

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
    export = scratch / "export.ndjson"
    try:
        incremental: list[tuple[str, str, list[str]]] = []  # (target, database, sync arguments)
        for label, pattern in targets:
            runs = [("one topic", "topic", ["--topic", topic[0]])]
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
                        f"{exported:,} events in {seconds:.1f} s = {exported / seconds:,.0f} events/s, "
                        f"client peak RSS {peak:.0f} MiB",
                    )
                )
                print(line, flush=True)
            if "all" in rss and "topic" in rss:
                rows.append(
                    (f"client peak RSS ratio, {label} (every event / one topic)", f"{rss['all'] / rss['topic']:.2f}")
                )
            if not args.skip_full:
                if not export.exists():
                    with httpx.stream("GET", f"{api}events/export/", params={"citations": "embed"}, timeout=3600) as r:
                        r.raise_for_status()
                        with export.open("wb") as out:
                            for chunk in r.iter_bytes():
                                out.write(chunk)
                db = pattern.format(name="alone")
                if label == "PostgreSQL":
                    _drop_create(db)
                count, seconds, peak = _client_alone(export, db)
                rows.append(
                    (
                        f"client alone into {label} (export from a file)",
                        f"{count:,} events in {seconds:.1f} s = {count / seconds:,.0f} events/s, "
                        f"client peak RSS {peak:.0f} MiB",
                    )
                )
            # The largest copy of this target takes the incremental step.
            last = runs[-1]
            incremental.append((label, pattern.format(name=last[1]), last[2]))
        for _, db, extra in incremental:
            line, _, _ = _sync(api, db, *extra)  # nothing to do: the copy is level with the source
            _check_feed_only(line, db)
        edited = list(events_published().order_by("?").values_list("pk", flat=True)[: args.changes])
        for event in Event.objects.filter(pk__in=edited):
            event_update(event=event, summary=f"{event.summary} (revised)")
        for label, db, extra in incremental:
            line, seconds, _ = _sync(api, db, *extra)
            print(line, flush=True)
            _check_feed_only(line, db)
            match = INCREMENTAL.search(line)
            if match is None:
                raise SystemExit(f"unexpected summary: {line}")
            rows.append(
                (
                    f"incremental sync after {len(edited):,} edits ({label})",
                    f"{seconds:.1f} s wall ({match.group(5)} s by the client's own clock, without "
                    f"interpreter start-up), {match.group(4)} requests, {match.group(1)} upserted",
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
