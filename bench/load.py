"""Load figures: locust (headless) against gunicorn on loopback, production settings, PostgreSQL.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--keep-db]

What it does, all on 127.0.0.1: creates a fresh PostgreSQL database, migrates it and loads the demo data
(``manage.py demo``), collects static files, starts gunicorn with ``deploy/gunicorn.conf.py`` and
``DJANGO_ENV=production``, runs locust with N users for the given time over four requests (a topic page,
an event page, the API's event list and a filtered list) and prints requests/s, p50/p95/p99 and
failures per request and in total. Requests carry ``X-Forwarded-Proto: https`` as the TLS proxy in
front of gunicorn would. The API throttles are raised for the run: 50 users on one address would
otherwise measure the throttle, not the server.

The same file is the locustfile (locust imports it; only then are the user classes defined).
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PG = "postgres://postgres@127.0.0.1:5432"
STATIC_ROOT = ROOT / "var" / "bench-static"


def production_env(database: str, port: int, static_root: Path, **extra: str) -> dict[str, str]:
    """The environment of a production process on loopback (shared with bench/faults.py)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.setdefault("PROMETHEUS_MULTIPROC_DIR", str(Path(tempfile.gettempdir()) / f"timeline-bench-metrics-{port}"))
    env.update(
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"{PG}/{database}",
        DB_CONN_MAX_AGE="60",
        CELERY_BROKER_URL=os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/9"),
        CELERY_RESULT_BACKEND=os.environ.get("BENCH_RESULT_BACKEND", "redis://127.0.0.1:6379/10"),
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto=https",
        STATIC_ROOT=str(static_root),
        API_THROTTLE_PER_IP="10000000/minute",
        API_THROTTLE_PER_TOKEN="10000000/minute",  # noqa: S106 - a rate, not a password
        GUNICORN_BIND=f"127.0.0.1:{port}",
        ACCESS_LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def psql(sql: str, database: str = "postgres") -> str:
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qtAc", sql, database],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def prepare_database(database: str, env: dict[str, str]) -> None:
    psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{database}"')
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    collect_static(env)


def collect_static(env: dict[str, str]) -> None:
    """Hashed static files for the production storage (without them every page is a 500)."""
    # Hashing and compressing every static file takes minutes on a small machine: done once, then reused.
    if not (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
        command = [PY, "manage.py", "collectstatic", "--noinput", "-v", "0"]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)


def port_is_free(bind: str) -> bool:
    host, _, port = bind.rpartition(":")
    with socket.socket() as probe:
        return probe.connect_ex((host, int(port))) != 0


def start_gunicorn(env: dict[str, str], log: Path, config: str = "deploy/gunicorn.conf.py") -> subprocess.Popen[bytes]:
    # Another server already on the port would answer the health check and be measured instead.
    if not port_is_free(env["GUNICORN_BIND"]):
        raise SystemExit(f"{env['GUNICORN_BIND']} is taken; choose another --port")
    Path(env["PROMETHEUS_MULTIPROC_DIR"]).mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", config, "timeline.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://{env['GUNICORN_BIND']}/healthz"
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited; see {log}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"gunicorn did not start; see {log}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def run_locust(host: str, users: int, seconds: int, csv_prefix: Path, targets: dict[str, str]) -> None:
    env = {**os.environ, **{f"BENCH_{k.upper()}": v for k, v in targets.items()}}
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "locust"),
            "-f",
            __file__,
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(csv_prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        check=False,
    )


def report(csv_prefix: Path, users: int, seconds: int) -> dict[str, float]:
    with Path(f"{csv_prefix}_stats.csv").open() as stats:
        rows = list(csv.DictReader(stats))
    print(f"\n{users} users, {seconds} s, gunicorn on loopback, DJANGO_ENV=production, PostgreSQL, demo data")
    print(f"{'request':<28}{'count':>8}{'fail':>6}{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    total: dict[str, float] = {}
    for row in rows:
        name = row["Name"]
        print(
            f"{name:<28}{row['Request Count']:>8}{row['Failure Count']:>6}{float(row['Requests/s']):>9.1f}"
            f"{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}"
        )
        if name == "Aggregated":
            total = {
                "requests": float(row["Request Count"]),
                "failures": float(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"]),
                "p95": float(row["95%"]),
                "p99": float(row["99%"]),
            }
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=18431)
    parser.add_argument("--database", default="bench_timeline_load")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="timeline-load-"))
    env = production_env(args.database, args.port, STATIC_ROOT, PROMETHEUS_MULTIPROC_DIR=str(work / "metrics"))
    prepare_database(args.database, env)
    topic = psql("SELECT slug FROM events_topic WHERE is_published ORDER BY id LIMIT 1", args.database)
    event = psql("SELECT id FROM events_event WHERE review_state = 'published' ORDER BY id LIMIT 1", args.database)
    server = start_gunicorn(env, work / "gunicorn.log")
    try:
        run_locust(
            f"http://127.0.0.1:{args.port}", args.users, args.seconds, work / "locust", {"topic": topic, "event": event}
        )
    finally:
        stop(server)
        if not args.keep_db:
            psql(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    total = report(work / "locust", args.users, args.seconds)
    print(f"\nfiles: {work}")
    sys.exit(0 if total and total["failures"] == 0 else 1)


if __name__ == "__main__":
    main()
else:
    from locust import HttpUser, constant, task

    _HEADERS = {"X-Forwarded-Proto": "https"}

    class Reader(HttpUser):
        """A reader or a researcher's script: no think time, so the figures show what the server can do."""

        wait_time = constant(0)

        def on_start(self) -> None:
            self.topic = os.environ["BENCH_TOPIC"]
            self.event = os.environ["BENCH_EVENT"]

        @task(3)
        def topic_page(self) -> None:
            self.client.get(f"/topics/{self.topic}/", headers=_HEADERS, name="topic page")

        @task(3)
        def event_page(self) -> None:
            self.client.get(f"/events/{self.event}/", headers=_HEADERS, name="event page")

        @task(2)
        def api_list(self) -> None:
            self.client.get("/api/v1/events/", headers=_HEADERS, name="API list")

        @task(2)
        def api_filtered(self) -> None:
            self.client.get(
                "/api/v1/events/?status=occurred&date_from=2020-01-01&ordering=-date",
                headers=_HEADERS,
                name="API filtered list",
            )
