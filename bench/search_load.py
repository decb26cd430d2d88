"""Four clients hammer /search/ with 10-word queries on a real gunicorn while /healthz is polled.

The probe of issue 18 left a production gunicorn unable to answer ``/healthz`` for minutes with four
such clients. This script builds a scratch database (the demo data plus ``--events`` generated
published events), starts gunicorn with deploy/gunicorn.conf.py in production settings, runs
``--clients`` threads that each send ``/search/?q=a+e+i+...`` (``--words`` single letters, the worst
case) back to back for ``--seconds``, and polls ``/healthz`` every 0.25 s meanwhile. It prints what
the searchers got (status counts, latency percentiles) and whether ``/healthz`` answered throughout
(the longest time without an answer).

    .venv/bin/python bench/search_load.py                  # SQLite
    .venv/bin/python bench/search_load.py --postgres       # a scratch PostgreSQL DB, dropped after
    .venv/bin/python bench/search_load.py --events 0       # the demo data only
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
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTERS = "aeinorstlcdmuhpgbfwy"


def _prepare(url: str, var_dir: str, events: int) -> None:
    """Migrate, load the demo data and ``events`` generated events, collect static files (a child process)."""
    code = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.db import connection\n"
        "from bench.pages import build\n"
        "from events.services.demo import demo_load\n"
        "call_command('migrate', verbosity=0); call_command('collectstatic', '--noinput', verbosity=0)\n"
        "demo_load()\n"
        f"build({events}) if {events} else None\n"
        "connection.vendor == 'postgresql' and connection.cursor().execute('ANALYZE')\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(url, var_dir), check=True)


def _env(url: str, var_dir: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "DJANGO_", "GUNICORN_", "DATABASE_"))}
    env.update(
        DATABASE_URL=url,
        VAR_DIR=var_dir,
        DJANGO_ENV="production",
        DJANGO_SETTINGS_MODULE="timeline.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def _get(url: str, timeout: float) -> int:
    """GET ``url`` (our own local server, http only), read the body; the status code."""
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310  a URL this script built
        response.read()
        status: int = response.status
        return status


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--words", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: the config's, 2 x CPUs + 1)")
    args = parser.parse_args()

    from bench.pages import _configure, _drop

    url, pg_name = _configure(not args.postgres)
    var_dir = tempfile.mkdtemp(prefix="bench-search-load-")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    log_path = Path(var_dir) / "gunicorn.log"
    server = None
    try:
        _prepare(url, var_dir, args.events)
        env = _env(url, var_dir, GUNICORN_BIND=f"127.0.0.1:{port}")
        if args.workers:
            env["GUNICORN_WORKERS"] = str(args.workers)
        workers = args.workers or (os.cpu_count() or 1) * 2 + 1  # as deploy/gunicorn.conf.py
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [gunicorn, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "timeline.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        for _ in range(150):
            try:
                _get(base + "/healthz", 2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start:\n" + log_path.read_text()[-3000:])

        query = "+".join(LETTERS[: args.words])
        search_url = f"{base}/search/?q={query}"
        stop = time.monotonic() + args.seconds
        statuses: Counter[str] = Counter()
        latencies: list[float] = []
        lock = threading.Lock()

        def hammer() -> None:
            while time.monotonic() < stop:
                started = time.monotonic()
                try:
                    status = str(_get(search_url, 60))
                except urllib.error.HTTPError as error:
                    status = str(error.code)
                except OSError as error:
                    status = type(error).__name__
                with lock:
                    statuses[status] += 1
                    latencies.append(time.monotonic() - started)

        polls: list[tuple[float, float | None]] = []  # (when, seconds to answer or None)

        def poll() -> None:
            while time.monotonic() < stop:
                started = time.monotonic()
                try:
                    _get(base + "/healthz", 2)
                    polls.append((started, time.monotonic() - started))
                except OSError:
                    polls.append((started, None))
                time.sleep(max(0.0, 0.25 - (time.monotonic() - started)))

        threads = [threading.Thread(target=hammer) for _ in range(args.clients)] + [threading.Thread(target=poll)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began

        answered = [(when, took) for when, took in polls if took is not None]
        times = [when for when, _ in answered]
        gaps = [b - a for a, b in zip([began, *times], [*times, stop], strict=True)]
        vendor = "PostgreSQL" if args.postgres else "SQLite"
        print(
            f"{vendor}, demo data + {args.events:,} events; gunicorn {workers} workers (gthread, 2 threads); "
            f"{args.clients} clients x /search/?q={query} ({args.words} words) for {elapsed:.0f} s"
        )
        ordered = sorted(latencies)
        print(
            f"  search requests: {len(latencies)} ({len(latencies) / elapsed:.1f}/s); statuses "
            f"{dict(statuses)}; latency p50 {statistics.median(ordered) * 1000:.0f} ms, "
            f"p95 {ordered[int(len(ordered) * 0.95) - 1] * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
        )
        took = sorted(t for _, t in answered)
        print(
            f"  /healthz: {len(answered)} of {len(polls)} polls answered within 2 s; "
            f"max {took[-1] * 1000 if took else float('nan'):.0f} ms; longest time without an answer "
            f"{max(gaps):.2f} s"
        )
        errors = [line for line in log_path.read_text().splitlines() if "ERROR" in line or "CRITICAL" in line]
        print(f"  gunicorn log: {len(errors)} error lines" + (f", first: {errors[0]}" if errors else ""))
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        if pg_name:
            _drop(pg_name)


if __name__ == "__main__":
    main()
