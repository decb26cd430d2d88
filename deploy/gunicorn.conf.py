"""gunicorn configuration for the web process (``gunicorn -c deploy/gunicorn.conf.py timeline.wsgi``).

Every value can be overridden from the environment (``GUNICORN_*`` below, or gunicorn's own
``GUNICORN_CMD_ARGS``). Sync workers: each request is a short database read, so plain processes are
the simplest thing that is fast; threads add concurrency for requests that wait on the database
without the memory of another process.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread" if threads > 1 else "sync"
# A gthread worker accepts a connection while all its threads are busy and queues it behind them: a
# health check or a quick page waited behind slow requests although other workers were idle. Taking
# only as many connections as there are threads leaves the rest to a worker that can start at once
# (it also means no idle keep-alive connections are held; the proxy in front keeps those to clients).
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", str(threads)))
# A request that takes longer than this is a bug or an attack; the worker is killed and replaced. The
# arbiter's heartbeat check does that for sync workers only: a gthread worker's main loop keeps
# beating while a request thread is stuck, so the request watchdog below does it for them.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# The database cancels a web request's statement before the worker would be killed for it: the client
# gets a 503 and the worker lives. Set here, before the app (and its settings) is loaded; only the web
# processes get it (PostgreSQL's statement_timeout; on SQLite timeline.statement_time_limit).
os.environ.setdefault("DB_STATEMENT_TIMEOUT_MS", str(max(1, timeout - 5) * 1000))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak cannot grow without bound; jitter avoids all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
# Import the app once in the master: faster forks, and a broken configuration fails at start-up.
preload_app = True
# Requests are logged by the app (JSON, with the request id); gunicorn logs only its own events.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Limits on what a client may send before Django sees it.
limit_request_line = 8190
limit_request_fields = 100
# The proxy in front terminates TLS; only trust its forwarding headers when it is on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Worker heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 - gunicorn's documented advice

# Prometheus multiprocess mode: each worker writes its samples to files here and /metrics adds them up.
# It must be set before prometheus_client is imported, i.e. here, before the app is loaded.
_metrics_dir = os.environ.setdefault(
    "PROMETHEUS_MULTIPROC_DIR", str(Path(tempfile.gettempdir()) / f"timeline-metrics-{os.getpid()}")
)


def on_starting(server: Any) -> None:
    """Start with an empty metrics directory: files of a previous run would be added in."""
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    Path(_metrics_dir).mkdir(parents=True, exist_ok=True)


def child_exit(server: Any, worker: Any) -> None:
    """A dead worker's live gauges must not be reported any more."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def post_fork(server: Any, worker: Any) -> None:
    """Each worker opens its own database connections (none may be shared across a fork)."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()


# --- The request watchdog ---------------------------------------------------------------------------
# Each worker notes when each of its requests started (keyed by thread) and a watchdog thread checks
# every second. A request running longer than ``timeout`` means a thread no time limit could stop (the
# statement limit ends database work well before); Python cannot stop one thread, so the worker exits
# and the arbiter starts a fresh one, as it does for a sync worker that misses its heartbeat.
_running: dict[int, tuple[float, str]] = {}


def pre_request(worker: Any, req: Any) -> None:
    _running[threading.get_ident()] = (time.monotonic(), f"{req.method} {req.path}")


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    _running.pop(threading.get_ident(), None)


def _watch_requests(worker: Any) -> None:
    while True:
        time.sleep(1)
        now = time.monotonic()
        for started, what in list(_running.values()):
            if now - started > timeout:
                worker.log.error(
                    "Request %s has run %.0f s, over the %d s timeout: worker %s exits to end it",
                    what,
                    now - started,
                    timeout,
                    worker.pid,
                )
                # Skips interpreter clean-up on purpose: it would wait for the stuck thread.
                os._exit(1)


def post_worker_init(worker: Any) -> None:
    """Start the request watchdog in each worker (sync workers have the arbiter's check as well)."""
    threading.Thread(target=_watch_requests, args=(worker,), name="request-watchdog", daemon=True).start()
