"""Fault injection on loopback: PostgreSQL restarted under load, Redis stopped during submissions.

    .venv/bin/python bench/faults.py postgres [--cluster faults --port 5439 --seconds 40]
    .venv/bin/python bench/faults.py redis [--articles 100]

``postgres``: gunicorn (production settings) serves a topic page and the API list to 8 client threads;
after a few seconds the PostgreSQL cluster is restarted with
``pg_ctlcluster --skip-systemctl-redirect 15 <cluster> restart``. Printed: answers by status; for
each status the client-side and the server-side time (median, p95, max), the time spent outside
Django (client minus server: waiting in gunicorn for a free thread, and the socket) and the time spent
in the database (connects, health-check pings and queries, traced in the workers by a gunicorn
configuration that wraps ``deploy/gunicorn.conf.py``); the slowest failed answers with that breakdown
and their error; the time from PostgreSQL accepting connections again to the first good answer (must
be under 10 s), and whether any gunicorn worker was replaced (no process may need a restart). Each
request carries its own ``X-Request-ID``, so a client's answer is joined with the server's access-log
line and its database trace. Failed answers must all be 503 and each must come back within
``--fail-fast`` seconds on the client's clock. By default the cluster is a dedicated one on port 5439, created on first
use, so other people's databases on the machine are not disturbed; ``--cluster main --port 5432``
restarts the machine's own.

``redis``: a private redis-server (port 6390) is the broker of a Celery worker with an embedded beat
(the sweeper every minute); Redis is stopped, N articles are submitted (stored queued; the enqueue is
robust and does not fail), Redis is started again, and the script waits until every article is done.
Printed: how many were processed, and whether any was processed twice (``attempts`` > 1).

Only 127.0.0.1 is ever contacted. Every loop is bounded in time and the script stops by itself.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import PY, ROOT, STATIC_ROOT, collect_static, prepare_database, production_env, start_gunicorn, stop

PG_VERSION = "15"


@dataclass
class Answer:
    request_id: str
    started: float
    seconds: float
    status: int


# deploy/gunicorn.conf.py plus hooks in each worker that print one line per database connect, health
# check ping and query, with the request's id and its duration; the bench joins them to the answers.
TRACE_CONFIG = """
import os
import time as _time

exec(compile(open({config!r}).read(), {config!r}, "exec"))
_deploy_post_fork = post_fork


def post_fork(server, worker):
    _deploy_post_fork(server, worker)
    from django.db import connections
    from django.db.backends.utils import CursorWrapper
    from timeline.logging import request_id_var

    def traced(cls, name, kind):
        original = getattr(cls, name)

        def wrapper(self, *args, **kwargs):
            started = _time.perf_counter()
            error = "-"
            try:
                return original(self, *args, **kwargs)
            except Exception as exc:
                error = type(exc).__name__
                raise
            finally:
                ms = (_time.perf_counter() - started) * 1000
                # A file of its own, one write() per line (appending, shared by the workers): in the
                # log, a long traceback written in several pieces could swallow a trace line.
                os.write(trace, f"DBTRACE {{request_id_var.get()}} {{kind}} {{ms:.1f}} {{error}}\\n".encode())

        setattr(cls, name, wrapper)

    trace = os.open({trace!r}, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    wrapper_class = type(connections["default"])
    traced(wrapper_class, "connect", "connect")
    traced(wrapper_class, "is_usable", "ping")
    traced(CursorWrapper, "execute", "query")
"""


def pg(port: int, sql: str, database: str = "postgres") -> str:
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-qtAc", sql, database],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def pg_ready(port: int) -> bool:
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", str(port), "-q"], check=False).returncode == 0


def ensure_cluster(cluster: str, port: int) -> None:
    """A dedicated cluster that trusts loopback connections (created once; only for this benchmark)."""
    if cluster == "main":
        return
    if not Path(f"/etc/postgresql/{PG_VERSION}/{cluster}").exists():
        subprocess.run(
            [
                "pg_createcluster",
                PG_VERSION,
                cluster,
                "--port",
                str(port),
                "--",
                "--auth-host=trust",
                "--auth-local=trust",
            ],
            check=True,
            capture_output=True,
        )
    if not pg_ready(port):
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, cluster, "start"], check=True)
    for _ in range(50):
        if pg_ready(port):
            return
        time.sleep(0.2)
    raise SystemExit(f"cluster {cluster} on port {port} did not start")


def client_loop(name: str, url: str, until: float, answers: list[Answer], lock: threading.Lock) -> None:
    sent = 0
    while time.monotonic() < until:
        sent += 1
        request_id = f"faults-{name}-{sent:07d}"
        headers = {"X-Forwarded-Proto": "https", "X-Request-ID": request_id}
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 - loopback only
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0  # connection refused or timed out: the worst kind of failure here
        with lock:
            answers.append(Answer(request_id, started, time.monotonic() - started, status))
        if status != 200:
            time.sleep(0.05)


@dataclass
class ServerSide:
    """What the server says about one request: its access-log time, database time and error."""

    ms: float
    connect_ms: float = 0.0
    ping_ms: float = 0.0
    query_ms: float = 0.0
    error: str = ""


def server_side(log: Path, trace: Path) -> dict[str, ServerSide]:
    """Access-log lines, the database trace and the logged exceptions, by request id."""
    found: dict[str, ServerSide] = {}
    traces: list[tuple[str, str, float]] = []
    errors: dict[str, str] = {}
    lines = log.read_text(errors="replace").splitlines()
    if trace.exists():
        lines += trace.read_text(errors="replace").splitlines()
    for line in lines:
        if line.startswith("DBTRACE "):
            parts = line.split()
            if len(parts) == 5 and re.fullmatch(r"[0-9.]+", parts[3]):
                traces.append((parts[1], parts[2], float(parts[3])))
        elif line.startswith("{"):
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("logger") == "timeline.request":
                found[entry["request_id"]] = ServerSide(ms=entry["duration_ms"])
            elif entry.get("logger") == "django.request" and entry.get("exc_info"):
                errors[entry.get("request_id", "")] = entry["exc_info"].strip().splitlines()[-1]
    for request_id, kind, ms in traces:
        if request_id in found:
            side = found[request_id]
            setattr(side, f"{kind}_ms", getattr(side, f"{kind}_ms") + ms)
    for request_id, error in errors.items():
        if request_id in found:
            found[request_id].error = error
    return found


def percentiles(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return f"{pick(0.5):7.0f} {pick(0.95):7.0f} {ordered[-1]:7.0f}"


def worker_pids(log: Path) -> list[str]:
    return re.findall(r"Booting worker with pid: (\d+)", log.read_text(errors="replace"))


def run_postgres(args: argparse.Namespace) -> int:
    ensure_cluster(args.cluster, args.port)
    work = Path(tempfile.mkdtemp(prefix="timeline-faults-"))
    database = "bench_timeline_faults"
    env = production_env(database, args.http_port, STATIC_ROOT, PROMETHEUS_MULTIPROC_DIR=str(work / "metrics"))
    env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{args.port}/{database}"
    env["ACCESS_LOG_LEVEL"] = "INFO"  # the server's own time for each answer, from the access log
    pg(args.port, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    pg(args.port, f'CREATE DATABASE "{database}"')
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    collect_static(env)
    topic = pg(args.port, "SELECT slug FROM events_topic WHERE is_published ORDER BY id LIMIT 1", database)
    log = work / "gunicorn.log"
    config = work / "gunicorn-traced.conf.py"
    trace = work / "db-trace.log"
    config.write_text(TRACE_CONFIG.format(config=str(ROOT / "deploy" / "gunicorn.conf.py"), trace=str(trace)))
    server = start_gunicorn(env, log, config=str(config))
    pids_before = worker_pids(log)
    answers: list[Answer] = []
    lock = threading.Lock()
    t0 = time.monotonic()
    until = t0 + args.seconds
    base = f"http://127.0.0.1:{args.http_port}"
    threads = [
        threading.Thread(target=client_loop, args=(str(i), f"{base}{path}", until, answers, lock), daemon=True)
        for i, path in enumerate([f"/topics/{topic}/", "/api/v1/events/"] * 4)
    ]
    try:
        for thread in threads:
            thread.start()
        time.sleep(args.restart_after)
        restart_at = time.monotonic()
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, args.cluster, "restart", "-m", "fast"],
            check=True,
        )
        while not pg_ready(args.port) and time.monotonic() < until:
            time.sleep(0.05)
        back_at = time.monotonic()
        for thread in threads:
            thread.join(timeout=args.seconds + 30)
        server_alive = server.poll() is None
    finally:
        stop(server)
        pg(args.port, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    pids_after = worker_pids(log)
    sides = server_side(log, trace)

    before = [a for a in answers if a.started < restart_at]
    during = [a for a in answers if restart_at <= a.started < back_at]
    after = [a for a in answers if a.started >= back_at]
    first_ok_after = min((a.started + a.seconds for a in after if a.status == 200), default=None)
    failed = [a for a in answers if a.status != 200]
    print(f"\nPostgreSQL restart under load ({len(threads)} client threads, {args.seconds} s, cluster {args.cluster})")
    print(f"answers: {len(answers)}; by status: {dict(collections.Counter(a.status for a in answers))}")
    print(f"before the restart: {dict(collections.Counter(a.status for a in before))}")
    print(f"restart took {back_at - restart_at:.2f} s (pg_ctlcluster until pg_isready)")
    print(f"during the outage: {dict(collections.Counter(a.status for a in during))}")
    print(f"after it: {dict(collections.Counter(a.status for a in after))}")
    print("\nms per answer (median / p95 / max); outside = client - server (queued in gunicorn, socket);")
    print("db = connects + health-check pings + queries, traced in the workers")
    print(f"{'status':>6} {'n':>5} {'client':>23} {'server':>23} {'outside':>23} {'db':>23}")
    for status in sorted({a.status for a in answers}):
        group = [a for a in answers if a.status == status]
        joined = [(a, sides[a.request_id]) for a in group if a.request_id in sides]
        client = [a.seconds * 1000 for a in group]
        server = [side.ms for _, side in joined]
        outside = [a.seconds * 1000 - side.ms for a, side in joined]
        db_ms = [side.connect_ms + side.ping_ms + side.query_ms for _, side in joined]
        print(
            f"{status:>6} {len(group):>5} {percentiles(client)} {percentiles(server)} "
            f"{percentiles(outside)} {percentiles(db_ms)}"
        )
    if failed:
        print(f"max time of a failed answer: client {max(a.seconds for a in failed) * 1000:.0f} ms, ", end="")
        failed_server = [sides[a.request_id].ms for a in failed if a.request_id in sides]
        print(f"server {max(failed_server, default=float('nan')):.0f} ms")
        print("slowest failed answers: client / server / connect / ping / query ms, error")
        for a in sorted(failed, key=lambda a: -a.seconds)[:5]:
            side = sides.get(a.request_id, ServerSide(ms=float("nan"), error="(no access-log line)"))
            print(
                f"  {a.status} {a.seconds * 1000:6.0f} {side.ms:6.0f} {side.connect_ms:6.0f} {side.ping_ms:6.0f} "
                f"{side.query_ms:6.0f}  {side.error[:110]}"
            )
    recovery = None if first_ok_after is None else first_ok_after - back_at
    print(f"first 200 after PostgreSQL was back: {'never' if recovery is None else f'{recovery:.2f} s'}")
    late_failures = [a for a in after if a.status != 200 and a.started - back_at > 10]
    print(f"failures later than 10 s after it was back: {len(late_failures)}")
    print(f"gunicorn master alive: {server_alive}; workers booted before/after: {len(pids_before)}/{len(pids_after)}")
    slow_failures = [a for a in failed if a.seconds > args.fail_fast]
    print(f"failed answers slower than {args.fail_fast:g} s: {len(slow_failures)}")
    ok = (
        recovery is not None
        and recovery < 10
        and not late_failures
        and not slow_failures
        and all(a.status == 503 for a in failed)
        and server_alive
        and pids_before == pids_after
    )
    print("RESULT:", "pass" if ok else "FAIL", f"(files: {work})")
    return 0 if ok else 1


def manage_shell(env: dict[str, str], code: str, timeout: float = 600) -> str:
    result = subprocess.run(
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return result.stdout


def start_redis(port: int, workdir: Path) -> subprocess.Popen[bytes]:
    redis = shutil.which("redis-server") or "redis-server"
    process = subprocess.Popen(
        [redis, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(workdir)],
        stdout=(workdir / "redis.log").open("ab"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(50):
        if subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, check=False).returncode == 0:
            return process
        time.sleep(0.1)
    raise SystemExit("redis did not start")


SUBMIT = """
import time
from events import services
from events.services.queue import article_enqueue
started = time.monotonic()
for i in range({n}):
    article = services.article_submit_text(
        text=f"Fault test {{i}}: the foreign minister of Ruritania visited Vienna on March {{i % 28 + 1}}, 2024. "
        f"Talks on trade {{i}} were held there.",
        title=f"Fault test {{i}}", published=None, source=None, user=None,
    )
    article_enqueue(article_id=article.pk)
print(f"submitted {n} in {{time.monotonic() - started:.1f}} s")
"""

STATES = """
from collections import Counter
from events.models import Article
rows = list(Article.objects.filter(title__startswith="Fault test").values_list("state", "attempts"))
print(dict(Counter(s for s, _ in rows)), dict(Counter(a for _, a in rows)))
"""


def run_redis(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="timeline-faults-redis-"))
    database = "bench_timeline_faults_redis"
    broker = f"redis://127.0.0.1:{args.redis_port}/0"
    env = production_env(
        database,
        0,
        STATIC_ROOT,
        CELERY_BROKER_URL=broker,
        CELERY_RESULT_BACKEND=f"redis://127.0.0.1:{args.redis_port}/1",
        CELERY_TASK_SOFT_TIME_LIMIT="20",
        CELERY_TASK_TIME_LIMIT="30",
        INGEST_STUCK_AFTER_SECONDS=str(args.stuck_after),
        LOG_LEVEL="WARNING",
    )
    prepare_database(database, env)
    redis = start_redis(args.redis_port, work)
    worker = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "timeline",
            "worker",
            "-B",
            "--concurrency=2",
            "--loglevel=INFO",
            f"--schedule={work / 'beat-schedule'}",
        ],
        cwd=ROOT,
        env=env,
        stdout=(work / "worker.log").open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        time.sleep(8)  # the worker connects and loads its code
        redis.terminate()
        redis.wait(timeout=10)
        print("redis stopped; submitting", args.articles, "articles")
        print(manage_shell(env, SUBMIT.format(n=args.articles)).strip())
        print("while redis is down:", manage_shell(env, STATES).strip())
        down_for = 5
        time.sleep(down_for)
        redis = start_redis(args.redis_port, work)
        back = time.monotonic()
        print("redis started again")
        deadline = back + args.wait
        line = ""
        while time.monotonic() < deadline:
            line = manage_shell(env, STATES).strip()
            if f"'done': {args.articles}" in line or ("'queued'" not in line and "ing'" not in line):
                break
            time.sleep(10)
        elapsed = time.monotonic() - back
        print(f"after {elapsed:.0f} s: states {line}")
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
        redis.terminate()
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-qc",
                f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)',
                "postgres",
            ],
            check=False,
        )
    log = (work / "worker.log").read_text(errors="replace")
    runs = len(re.findall(r"Task events\.tasks\.process_article\[[^\]]+\] succeeded", log))
    print(f"process_article tasks that ran: {runs}; worker log {work / 'worker.log'}")
    ok = f"'done': {args.articles}" in line and re.search(r"\{1: " + str(args.articles) + r"\}", line) is not None
    print("RESULT:", "pass" if ok else "FAIL", "(all done, each with exactly one processing attempt)" if ok else "")
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="fault", required=True)
    p = sub.add_parser("postgres")
    p.add_argument("--cluster", default="faults")
    p.add_argument("--port", type=int, default=5439)
    p.add_argument("--http-port", type=int, default=18432)
    p.add_argument("--seconds", type=int, default=40)
    p.add_argument("--restart-after", type=float, default=8)
    p.add_argument("--fail-fast", type=float, default=3.0, help="the most seconds a failed answer may take")
    r = sub.add_parser("redis")
    r.add_argument("--articles", type=int, default=100)
    r.add_argument("--redis-port", type=int, default=6390)
    r.add_argument("--stuck-after", type=int, default=40, help="INGEST_STUCK_AFTER_SECONDS for the run")
    r.add_argument("--wait", type=int, default=420, help="seconds to wait for every article to be done")
    args = parser.parse_args()
    sys.exit(run_postgres(args) if args.fault == "postgres" else run_redis(args))


if __name__ == "__main__":
    main()
