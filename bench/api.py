"""Benchmark of the researchers' API on PostgreSQL (issue 6).

Runs the API under gunicorn (one sync worker, DEBUG off) on a database filled by
``bench/generate_events.py`` and prints one table:

- median time of the first events page, a filtered page, and a page 1,000 pages deep (page size 100,
  so a keyset cursor 100,000 rows in; also 9,000 pages deep), with the deep/first ratio;
- the bulk NDJSON export of ~100,000 and of all events: events per second and the peak resident memory
  of the gunicorn worker that streamed it (a fresh worker for each), and the CSV export of the
  ~100,000 (lines counted without the header);
- with ``--compare-records``, the export of all events once more through the records' path (what
  SQLite runs, and PostgreSQL ran before the database wrote the lines), and the bare
  ``COPY (SELECT row_to_json(e) FROM events_event e) TO STDOUT`` read by this process: the ceiling of
  a database-written export on this machine, measured in the same run (``--compare-bare``: the bare
  COPY alone, without the records' export);
- with ``--compare-built``, the exports of ~100,000 and of all events once more with every line built
  per request (the stored lines of ``api.export_lines`` unused), each right after the export it is
  compared with. ``--anonymous`` exports as the public (the stored lines serve the public only; by
  default an editor's token is sent, whose lines are always built).

    createdb -h 127.0.0.1 -U postgres bench_api
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api
    DEBUG=true .venv/bin/python manage.py migrate
    DEBUG=true .venv/bin/python bench/generate_events.py --events 1000000
    .venv/bin/python bench/api.py --repeat 15
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
os.environ.setdefault("DEBUG", "true")  # for this process only (ORM set-up); the server runs with DEBUG off

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from knox.models import AuthToken  # noqa: E402

from api.pagination import _encode  # noqa: E402
from events.models import Event  # noqa: E402
from events.selectors import events_published  # noqa: E402

PAGE = 100


# A gunicorn configuration whose worker renders the export from records, as SQLite does (the "before").
RECORDS_PATH_CONFIG = """
def post_worker_init(worker):
    from events.presentation import record_sql
    record_sql.supported = lambda: False
"""


# A gunicorn configuration whose worker builds every line per request, the stored export lines unused
# (api.export_lines; what a requester other than the public always gets).
BUILT_PATH_CONFIG = """
def post_worker_init(worker):
    import api.views.events
    api.views.events.export_lines_stored = lambda *args, **kwargs: None
"""


class Server:
    """gunicorn with one sync worker; ``worker_pid`` is the process whose memory is measured."""

    def __init__(self, port: int, *, config: str = "/dev/null") -> None:
        if not port:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "API_THROTTLE_PER_IP": "10000000/minute",
            "API_THROTTLE_PER_TOKEN": "10000000/minute",
            "LOG_LEVEL": "WARNING",
        }
        command = [
            str(ROOT / ".venv/bin/gunicorn"),
            "timeline.wsgi:application",
            "--config",
            config,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--worker-class",
            "sync",
            "--timeout",
            "3600",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 180
        children: list[str] = []
        while time.monotonic() < deadline and self.process.poll() is None:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
            try:
                if children and requests.get(f"{self.url}/api/v1/sources/?page_size=1", timeout=60).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.3)
        else:
            self.stop()
            raise SystemExit("gunicorn did not start")
        self.worker_pid = int(children[0])

    def memory_kib(self, key: str) -> int:
        for line in Path(f"/proc/{self.worker_pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


def median_ms(session: requests.Session, url: str, repeat: int) -> tuple[float, int]:
    session.get(url, timeout=120).raise_for_status()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = session.get(url, timeout=120)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return statistics.median(times), len(response.json()["results"])


def cursor_at(position: int) -> str:
    """The keyset cursor a client would hold after reading ``position`` events in date order."""
    row = events_published().order_by("date_lower", "id").values_list("date_lower", "id")[position - 1]
    return _encode({"o": "date", "d": False, "v": [row[0].isoformat(), row[1]]})


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def export(server: Server, query: str, headers: dict[str, str]) -> dict[str, Any]:
    """One export: events/s, the worker's peak memory, and the CPU time of the worker and of the
    database backends that served it (CPU time does not depend on what else the machine runs)."""
    peak_seen = 0
    backends: dict[int, float] = {}  # PostgreSQL backend pid -> its CPU time when last seen
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_seen
        own = connection.connection.info.backend_pid if connection.connection else 0
        with _stats_connection() as stats:
            watcher = stats.info.backend_pid
            tick = 0
            while not done.is_set():
                peak_seen = max(peak_seen, server.memory_kib("VmRSS"))
                if tick % 5 == 0:
                    for (pid,) in stats.execute(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                        "AND backend_type = 'client backend' AND pid <> ALL(%s)",
                        [[own, watcher]],
                    ):
                        backends.setdefault(pid, 0.0)
                for pid in backends:
                    backends[pid] = max(backends[pid], cpu_seconds(pid))
                tick += 1
                time.sleep(0.1)

    before = server.memory_kib("VmRSS")
    worker_cpu = cpu_seconds(server.worker_pid)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    lines = 0
    with requests.get(f"{server.url}/api/v1/events/export/?{query}", headers=headers, stream=True, timeout=3600) as r:
        r.raise_for_status()
        for chunk in r.iter_content(chunk_size=1 << 20):
            lines += chunk.count(b"\n")
    if "format=csv" in query:
        lines -= 1  # the header (the bench data has no line breaks inside fields)
    seconds = time.perf_counter() - started
    worker_cpu = cpu_seconds(server.worker_pid) - worker_cpu
    done.set()
    sampler.join()
    database_cpu = sum(backends.values())
    return {
        "events": lines,
        "seconds": seconds,
        "rate": lines / seconds,
        "rss_before_mib": before / 1024,
        "peak_mib": max(peak_seen, server.memory_kib("VmHWM")) / 1024,
        "worker_cpu": worker_cpu,
        "database_cpu": database_cpu,
        "rate_per_database_cpu": lines / database_cpu if database_cpu else 0.0,
    }


def _stats_connection() -> psycopg.Connection[Any]:
    """A connection of its own for the sampler thread (the database the bench runs on)."""
    settings = connection.settings_dict
    return psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or None,
        autocommit=True,
    )


def bare_copy() -> dict[str, Any]:
    """The bare ``COPY (SELECT row_to_json(e) FROM events_event e) TO STDOUT``, read here: rows/s, and
    rows per second of its backend's CPU time."""
    connection.ensure_connection()
    backend = connection.connection.info.backend_pid
    database_cpu = cpu_seconds(backend)
    started = time.perf_counter()
    rows = 0
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy("COPY (SELECT row_to_json(e) FROM events_event e) TO STDOUT") as copy,
    ):
        for _ in copy:
            rows += 1
    seconds = time.perf_counter() - started
    database_cpu = cpu_seconds(backend) - database_cpu
    return {
        "events": rows,
        "seconds": seconds,
        "rate": rows / seconds,
        "database_cpu": database_cpu,
        "rate_per_database_cpu": rows / database_cpu if database_cpu else 0.0,
    }


def pages(args: argparse.Namespace) -> list[tuple[str, str]]:
    """Median times of the first, a filtered and two deep pages, on one server."""
    published = events_published().count()
    deep = cursor_at(min(1000 * PAGE, published // 2))
    deeper = cursor_at(min(9000 * PAGE, published - PAGE))
    rows: list[tuple[str, str]] = []
    server = Server(args.port)
    try:
        session = requests.Session()
        base = f"{server.url}/api/v1/events/?page_size={PAGE}"
        first, n = median_ms(session, base, args.repeat)
        rows.append((f"first page ({n} events, citations embedded)", f"{first:.1f} ms"))
        filtered, n = median_ms(session, f"{base}&type=visit&type=meeting&country=CN&date_from=2010-01-01", args.repeat)
        rows.append((f"filtered page (type, country, date window; {n} events)", f"{filtered:.1f} ms"))
        deep_ms, n = median_ms(session, f"{base}&cursor={deep}", args.repeat)
        rows.append(("page 1,000 deep (keyset cursor at row 100,000)", f"{deep_ms:.1f} ms"))
        deeper_ms, n = median_ms(session, f"{base}&cursor={deeper}", args.repeat)
        rows.append(("page 9,000 deep (cursor at row 900,000)", f"{deeper_ms:.1f} ms"))
        rows.append(("deep / first ratio (1,000 pages)", f"{deep_ms / first:.2f}"))
        rows.append(("deep / first ratio (9,000 pages)", f"{deeper_ms / first:.2f}"))
        print("\n".join(f"{label}: {value}" for label, value in rows), flush=True)
    finally:
        server.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--small-export", type=int, default=100_000)
    parser.add_argument("--large-export", type=int, default=0, help="default: every event")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument(
        "--compare-records", action="store_true", help="also export all events through the records' path"
    )
    parser.add_argument(
        "--compare-bare",
        action="store_true",
        help="also read the bare COPY right after the larger export (implied by --compare-records)",
    )
    parser.add_argument(
        "--compare-built", action="store_true", help="also export with every line built (stored lines unused)"
    )
    parser.add_argument("--anonymous", action="store_true", help="export as the public, without a token")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench/api.py needs PostgreSQL (set DATABASE_URL)")

    total = Event.objects.count()
    published = events_published().count()
    editor, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    _, token = AuthToken.objects.create(editor)
    headers = {} if args.anonymous else {"Authorization": f"Token {token}"}
    rows: list[tuple[str, str]] = [("events in the database", f"{total:,} ({published:,} published)")]
    if not args.skip_pages:
        rows += pages(args)

    if not args.skip_export:
        # The ~100,000-event subset: events dated up to the day the 100,000th event (in date order) falls on.
        cut = Event.objects.filter(merged_into__isnull=True).exclude(review_state="rejected")
        day = cut.order_by("date_lower", "id").values_list("date_lower", flat=True)[args.small_export - 1]
        results = {}
        large_query = ""
        if args.large_export:
            large_day = cut.order_by("date_lower", "id").values_list("date_lower", flat=True)[args.large_export - 1]
            large_query = f"date_to={large_day.isoformat()}"
        large_label = f"~{args.large_export:,}" if args.large_export else "all"
        small_query = f"date_to={day.isoformat()}"
        runs = [(f"~{args.small_export:,}", small_query)]
        if args.compare_built:
            runs.append((f"~{args.small_export:,} BUILT", small_query))
        runs.append((large_label, large_query))
        if args.compare_built:
            runs.append((f"{large_label} BUILT", large_query))
        runs.append((f"~{args.small_export:,} CSV", f"{small_query}&format=csv"))
        with (
            tempfile.NamedTemporaryFile("w", suffix=".py") as records_config,
            tempfile.NamedTemporaryFile("w", suffix=".py") as built_config,
        ):
            records_config.write(RECORDS_PATH_CONFIG)
            records_config.flush()
            built_config.write(BUILT_PATH_CONFIG)
            built_config.flush()
            if args.compare_records:
                runs.append((f"{large_label} RECORDS", large_query))
            for label, query in runs:
                config = (
                    records_config.name
                    if label.endswith("RECORDS")
                    else built_config.name
                    if label.endswith("BUILT")
                    else "/dev/null"
                )
                server = Server(args.port, config=config)
                try:
                    results[label] = export(server, query, headers)
                finally:
                    server.stop()
                print(label, results[label], flush=True)
                if label == large_label and (args.compare_records or args.compare_bare):
                    # Right after the export it is compared with, so both meet the machine's load alike.
                    results["bare COPY"] = bare_copy()
                    print("bare COPY", results["bare COPY"], flush=True)
        for label, result in results.items():
            if label == "bare COPY":
                continue
            kind = (
                "CSV"
                if label.endswith("CSV")
                else "NDJSON from records"
                if label.endswith("RECORDS")
                else "NDJSON built per request"
                if label.endswith("BUILT")
                else "NDJSON"
            )
            size = label.removesuffix(" CSV").removesuffix(" RECORDS").removesuffix(" BUILT")
            rows.append(
                (
                    f"{kind} export, {size} events ({result['events']:,})",
                    f"{result['rate']:,.0f} events/s, {result['seconds']:.0f} s, "
                    f"worker peak RSS {result['peak_mib']:.0f} MiB (idle {result['rss_before_mib']:.0f} MiB); "
                    f"CPU: database {result['database_cpu']:.1f} s "
                    f"({result['rate_per_database_cpu']:,.0f} events per CPU-s), worker {result['worker_cpu']:.1f} s",
                )
            )
        small, large = results[f"~{args.small_export:,}"], results[large_label]
        rows.append(("peak RSS ratio (larger / smaller export)", f"{large['peak_mib'] / small['peak_mib']:.2f}"))
        if args.compare_records:
            before = results[f"{large_label} RECORDS"]
            rows.append(("NDJSON export speed-up (database / records)", f"{large['rate'] / before['rate']:.1f}x"))
        if "bare COPY" in results:
            bare = results["bare COPY"]
            rows.append(
                (
                    f"bare COPY row_to_json(events_event) ({bare['events']:,} rows)",
                    f"{bare['rate']:,.0f} rows/s, {bare['seconds']:.0f} s; database CPU {bare['database_cpu']:.1f} s "
                    f"({bare['rate_per_database_cpu']:,.0f} rows per CPU-s)",
                )
            )
            rows.append(("NDJSON export / bare COPY (wall)", f"{large['rate'] / bare['rate']:.2f}"))
            rows.append(
                (
                    "NDJSON export / bare COPY (per database CPU-s)",
                    f"{large['rate_per_database_cpu'] / bare['rate_per_database_cpu']:.2f}",
                )
            )
            if args.compare_built:
                built = results[f"{large_label} BUILT"]
                rows.append(("NDJSON built per request / bare COPY (wall)", f"{built['rate'] / bare['rate']:.2f}"))
                rows.append(
                    (
                        "NDJSON built per request / bare COPY (per database CPU-s)",
                        f"{built['rate_per_database_cpu'] / bare['rate_per_database_cpu']:.2f}",
                    )
                )

    AuthToken.objects.filter(user=editor).delete()
    width = max(len(label) for label, _ in rows)
    print(f"\n{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 40}")
    for label, value in rows:
        print(f"{label.ljust(width)} | {value}")


if __name__ == "__main__":
    main()
