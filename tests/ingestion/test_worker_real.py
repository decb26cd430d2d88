"""A real Celery worker process takes articles from queued to done.

Everything runs in its own temporary directory: a SQLite database migrated for the test, the embedded
broker (kombu's SQLAlchemy transport on a SQLite file) or Redis, and ``celery -A timeline worker
--pool=solo``. The test process only serves a page on loopback and reads the Article rows.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT
from tests.ingestion.conftest import LoopbackServer, Reply
from tests.ingestion.test_tasks_process import PAGE, SHOOTDOWN
from tests.ingestion.worker_ready import wait_until_ready

SUBMIT = """
import django, sys
django.setup()
from datetime import date
from events.services import article_enqueue, article_ingest_url, article_submit_text
from django.db import transaction
with transaction.atomic():
    text = article_submit_text(text=sys.argv[1], published=date(2023, 2, 5))
    article_enqueue(article_id=text.pk)
    article_ingest_url(url=sys.argv[2])
"""


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def _environment(tmp: Path, broker: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        PYTHONPATH=str(ROOT),
        VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'timeline.sqlite3'}",
        CELERY_BROKER_URL=broker,
        CELERY_RESULT_BACKEND=f"db+sqlite:///{tmp / 'results.sqlite3'}",
        TEST_FETCH_LOOPBACK="true",
        # Other apps' system checks are not this test's business; the worker runs them unless told.
        CELERY_SKIP_CHECKS="true",
    )
    return env


def _states(database: Path) -> list[str]:
    with sqlite3.connect(database, timeout=20) as db:
        return [row[0] for row in db.execute("SELECT state FROM events_article ORDER BY id")]


@pytest.fixture
def worker_run(tmp_path: Path, http_server: LoopbackServer) -> Iterator[object]:
    processes: list[subprocess.Popen[bytes]] = []

    def run(broker: str) -> tuple[list[str], list[str], Path]:
        env = _environment(tmp_path, broker)
        python = sys.executable
        subprocess.run(
            [python, "manage.py", "migrate", "--skip-checks", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
        )
        log = tmp_path / "worker.log"
        worker = subprocess.Popen(
            [
                python,
                "-m",
                "celery",
                "-A",
                "timeline",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        processes.append(worker)
        wait_until_ready(log, worker)
        http_server.routes["/balloon"] = Reply(body=PAGE)
        subprocess.run(
            [python, "-c", SUBMIT, SHOOTDOWN, http_server.url("/balloon")], cwd=ROOT, env=env, check=True, timeout=120
        )
        database = tmp_path / "timeline.sqlite3"
        seen = [_states(database)]
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and seen[-1] != ["done", "done"]:
            time.sleep(0.5)
            seen.append(_states(database))
            if worker.poll() is not None:
                break
        return seen[0], seen[-1], log

    yield run
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_a_real_worker_on_the_embedded_broker_takes_articles_to_done(worker_run: object, tmp_path: Path) -> None:
    _, last, log = worker_run(f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}")  # type: ignore[operator]

    assert last == ["done", "done"], log.read_text()[-4000:]
    with sqlite3.connect(tmp_path / "timeline.sqlite3") as db:
        # The history has the row as submitted (queued) and as stored (done); the worker may be quicker
        # than our first look at the table.
        history = db.execute("SELECT id, state FROM events_historicalarticle ORDER BY history_id").fetchall()
        assert [state for _, state in history if _ == 1] == ["queued", "done"]
        events = db.execute("SELECT count(*) FROM events_event WHERE event_type = 'military_action'").fetchone()[0]
        twins = db.execute("SELECT id, duplicate_of_id FROM events_article ORDER BY id").fetchall()
    assert events == 1
    assert twins == [(1, None), (2, 1)]  # the page's clean text is the pasted text: a duplicate, not an error


@pytest.mark.broker
@pytest.mark.skipif(not (IN_CI or _redis_up()), reason="needs Redis on 127.0.0.1:6379 (required when CI=true)")
def test_a_real_worker_on_redis_takes_articles_to_done(worker_run: object) -> None:
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis"):
        broker = "redis://127.0.0.1:6379/13"

    _, last, log = worker_run(broker)  # type: ignore[operator]

    assert last == ["done", "done"], log.read_text()[-4000:]
