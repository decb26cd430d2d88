"""Finding 1 of issue 18, the second half: a stuck request ends, on SQLite as on PostgreSQL.

Four slow searches kept a production gunicorn from answering for minutes: SQLite has no statement
timeout, and gunicorn's worker timeout never fires for a gthread worker (its main loop keeps beating
while a request thread is stuck). Now every web statement has a time limit on both databases
(timeline.statement_time_limit) and a watchdog in deploy/gunicorn.conf.py ends a worker whose request
outlives the worker timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# About 10^8 steps of SQLite's virtual machine: tens of seconds without a limit.
SLOW_SQL = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000000) SELECT count(*) FROM n"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "DJANGO_", "GUNICORN_", "DATABASE_"))}
    env.update(SECRET_KEY="test-key-" + "x" * 50, DEBUG="true", LOG_LEVEL="ERROR")
    env.update(extra)
    return env


def test_sqlite_interrupts_a_web_statement_over_the_limit(tmp_path: Path) -> None:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'timeline.settings'; django.setup()\n"
        "from django.db import OperationalError, connection\n"
        "try:\n"
        f"    connection.cursor().execute({SLOW_SQL!r})\n"
        "    print('finished')\n"
        "except OperationalError as error:\n"
        "    print('interrupted:', error)\n"
    )
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = _env(DATABASE_URL=database, VAR_DIR=str(tmp_path), DB_STATEMENT_TIMEOUT_MS="200")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "interrupted: interrupted"


def test_sqlite_adds_the_limit_once_however_often_it_reconnects(tmp_path: Path) -> None:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'timeline.settings'; django.setup()\n"
        "from django.db import connection\n"
        "for _ in range(3):\n"
        "    connection.cursor().execute('SELECT 1'); connection.close()\n"
        "connection.cursor().execute('SELECT 1'); print(len(connection.execute_wrappers))\n"
    )
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = _env(DATABASE_URL=database, VAR_DIR=str(tmp_path), DB_STATEMENT_TIMEOUT_MS="200")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "1"


def test_sqlite_keeps_no_limit_unless_asked_for(tmp_path: Path) -> None:
    # Celery workers and manage.py (migrations, backups) must not have their statements cut short.
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'timeline.settings'; django.setup()\n"
        "from django.db import connection\n"
        "cursor = connection.cursor(); cursor.execute('SELECT 1'); print(len(connection.execute_wrappers))\n"
    )
    env = _env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", VAR_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "0"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def gunicorn_gthread(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real gunicorn with the project's config: one gthread worker, a 3 s timeout, the slow app."""
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    if gunicorn is None:
        pytest.skip("gunicorn is not installed")
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = _env(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="3",
        DJANGO_SETTINGS_MODULE="tests.settings",
        VAR_DIR=str(tmp_path),
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "metrics"),
        PYTHONPATH=str(ROOT),
    )
    with log.open("w") as out:
        process = subprocess.Popen(
            [gunicorn, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "tests.security.slow_wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/ok", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start: " + log.read_text()[-2000:])
        yield base, log
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_a_gthread_request_over_the_worker_timeout_ends(gunicorn_gthread: tuple[str, Path]) -> None:
    base, log = gunicorn_gthread
    first_worker = urllib.request.urlopen(base + "/ok", timeout=5).read().decode()
    with pytest.raises((urllib.error.URLError, ConnectionError, OSError)) as ended:
        # Without the watchdog this waits the full 120 s sleep; the client gives up at 30 s.
        urllib.request.urlopen(base + "/slow", timeout=30).read()
    assert "timed out" not in str(ended.value)
    assert "over the 3 s timeout" in log.read_text()
    # A fresh worker serves the next request.
    for _ in range(50):
        try:
            answer = urllib.request.urlopen(base + "/ok", timeout=5).read().decode()
            break
        except OSError:
            time.sleep(0.2)
    assert answer.startswith("ok from ") and answer != first_worker
