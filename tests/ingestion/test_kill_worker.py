"""SIGKILL a worker mid-task — its pool child, or the whole worker — and every article is still processed
exactly once: all done, one store commit each, one event with one citation per report, nothing twice.

Each test runs in its own temporary directory: a migrated SQLite database, the embedded broker (kombu's
SQLAlchemy transport on a SQLite file) or Redis (a db number of its own, flushed), ``celery -A timeline
worker`` with a prefork pool of two, and a sweeper process that runs ``articles_sweep`` every second, as
beat would every minute. ``TEST_STORE_DELAY_SECONDS`` (tests/hooks) holds each store transaction open, its events
written and not committed; the worker logs the pid of the process in that window, and the test kills it
there: the worst moment, with everything written and nothing committed.

What brings a killed article back:

* the pool child: ``reject_on_worker_lost`` puts the message back at once; the redelivery finds the
  article claimed a moment ago and leaves it; the sweeper requeues it after INGEST_STUCK_AFTER_SECONDS;
* the whole worker: the embedded broker never redelivers (its messages left the table when they were
  reserved); Redis would after its visibility timeout. The sweeper requeues both the killed article and
  the ones the dead worker had reserved, and the restarted worker processes them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT
from tests.ingestion.test_store_shootdown import SHOOTDOWN_REPORTS
from tests.ingestion.test_worker_real import _redis_up
from tests.ingestion.worker_ready import wait_until_ready

REPORTS = SHOOTDOWN_REPORTS[:3]
REDIS_DB = 12  # this test's own Redis database: it is flushed before and after
# Long enough for a test process on a loaded machine to see the log line and kill inside the window.
DELAY_SECONDS = 5
# The hard time limit must stay under the stuck period (the settings refuse otherwise); both are short
# so that the sweeper recovers a killed article within the test's minute. The soft limit leaves a
# loaded machine time for a pool child's first task, which loads spaCy.
TIME_LIMITS = {"CELERY_TASK_SOFT_TIME_LIMIT": "14", "CELERY_TASK_TIME_LIMIT": "15", "INGEST_STUCK_AFTER_SECONDS": "16"}
DELAY_LINE = re.compile(r"article (\d+): test delay [\d.]+ s before commit in pid (\d+)")

SUBMIT = """
import django, json, sys
django.setup()
from datetime import date
from django.db import transaction
from events.services import article_enqueue, article_submit_text
with transaction.atomic():
    for outlet, published, text in json.loads(sys.argv[1]):
        article = article_submit_text(text=text, url=f"https://{outlet}/story", published=date.fromisoformat(published))
        article_enqueue(article_id=article.pk)
"""

# The project's Celery app, plus a warm-up in the worker's parent process before it forks its pool: a
# child's first task otherwise loads spaCy, which on a loaded machine outlasts the short time limits
# above (and is then failed by the soft limit, which is not what this test is about). Children forked
# from a warm parent, including the one that replaces a killed child, start with the model loaded.
WARM_APP = """
from celery.signals import worker_init

from timeline.celery import app


@worker_init.connect
def _warm_up(**_):
    import django

    django.setup()
    import datetime

    from events.extraction.pipeline import extract
    from events.services.pipeline_config import extraction_config

    extract("The ministers met in Vienna on Monday.", None, extraction_config(), reference=datetime.date(2026, 1, 5))
"""

# Beat's job, every second instead of every minute, until every article is done or failed.
SWEEPER = """
import django, time
django.setup()
from events.models import Article
from events.services.articles_sweep import articles_sweep
while Article.objects.exclude(state__in=["done", "failed"]).exists():
    articles_sweep()
    time.sleep(1)
"""


@dataclass
class Pipeline:
    """A worker and a sweeper over one temporary database and one broker."""

    tmp: Path
    broker: str
    env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    worker: subprocess.Popen[bytes] | None = None
    logs: list[Path] = field(default_factory=list)

    @property
    def database(self) -> Path:
        return self.tmp / "timeline.sqlite3"

    def prepare(self, migrated: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_", "INGEST_"))}
        self.env.update(
            DJANGO_SETTINGS_MODULE="tests.settings",
            PYTHONPATH=f"{self.tmp}{os.pathsep}{ROOT}",
            VAR_DIR=str(self.tmp),
            DATABASE_URL=f"sqlite:///{self.database}",
            CELERY_BROKER_URL=self.broker,
            CELERY_RESULT_BACKEND=f"db+sqlite:///{self.tmp / 'results.sqlite3'}",
            CELERY_SKIP_CHECKS="true",
            CELERY_VISIBILITY_TIMEOUT="20",
            TEST_STORE_DELAY_SECONDS=str(DELAY_SECONDS),
            **TIME_LIMITS,
        )
        (self.tmp / "warm_worker.py").write_text(WARM_APP)
        shutil.copyfile(migrated, self.database)

    def run(self, *args: str) -> None:
        subprocess.run([sys.executable, *args], cwd=ROOT, env=self.env, check=True, timeout=120)

    def start_worker(self) -> None:
        log = self.tmp / f"worker-{len(self.logs)}.log"
        self.logs.append(log)
        self.worker = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "warm_worker", "worker", "--pool=prefork", "--concurrency=2"),
                *("--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: "the whole worker" is that group
        )
        self.processes.append(self.worker)
        wait_until_ready(log, self.worker)

    def start_sweeper(self) -> None:
        self.processes.append(subprocess.Popen([sys.executable, "-c", SWEEPER], cwd=ROOT, env=self.env))

    def submit(self) -> None:
        import json

        reports = [(outlet, day.isoformat(), text) for outlet, day, text in REPORTS]
        self.run("-c", SUBMIT, json.dumps(reports))

    def wait_for_delay(self, timeout: float = 90) -> tuple[int, int]:
        """(article id, pid) of the first process that reaches the open store transaction."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = DELAY_LINE.search(self.logs[-1].read_text(errors="replace"))
            if found:
                return int(found.group(1)), int(found.group(2))
            assert self.worker is not None and self.worker.poll() is None, self.log_tail()
            time.sleep(0.1)
        raise AssertionError(f"no task reached the delay in {timeout} s\n{self.log_tail()}")

    def kill_worker(self) -> None:
        assert self.worker is not None
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait(timeout=10)

    def assert_killed_before_commit(self, article: int) -> None:
        """The kill landed inside the window: the article's store step did not commit."""
        (state,) = self.query(f"SELECT state FROM events_article WHERE id = {article}")[0]
        assert state != "done", "the kill came after the commit; the machine is too slow for DELAY_SECONDS"

    def wait_finished(self, timeout: float = 120) -> list[str]:
        deadline = time.monotonic() + timeout
        states = self.query("SELECT state FROM events_article ORDER BY id")
        while time.monotonic() < deadline and not all(s in ("done", "failed") for (s,) in states):
            time.sleep(0.5)
            states = self.query("SELECT state FROM events_article ORDER BY id")
        return [s for (s,) in states]

    def query(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.database, timeout=30) as db:
            return db.execute(sql).fetchall()

    def log_text(self) -> str:
        return "\n".join(log.read_text(errors="replace") for log in self.logs)

    def log_tail(self) -> str:
        return "\n".join(log.read_text(errors="replace")[-3000:] for log in self.logs)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
        if self.worker is not None:
            # The pool children outlive a parent that was killed; the group takes them all.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.worker.pid, signal.SIGKILL)


def _flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per module, copied for each test (migrating takes seconds)."""
    tmp = tmp_path_factory.mktemp("kill-migrated")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        PYTHONPATH=str(ROOT),
        VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'timeline.sqlite3'}",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--skip-checks", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    with sqlite3.connect(tmp / "timeline.sqlite3") as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, which is what is copied
    return tmp / "timeline.sqlite3"


@pytest.fixture(
    params=[
        pytest.param("embedded", id="embedded-broker"),
        pytest.param(
            "redis",
            id="redis",
            marks=[
                pytest.mark.broker,
                pytest.mark.skipif(not (IN_CI or _redis_up()), reason="needs Redis (required when CI=true)"),
            ],
        ),
    ]
)
def pipeline(request: pytest.FixtureRequest, tmp_path: Path, migrated: Path) -> Iterator[Pipeline]:
    if request.param == "redis":
        broker = f"redis://127.0.0.1:6379/{REDIS_DB}"
        _flush_redis(broker)
    else:
        broker = f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"
    pipeline = Pipeline(tmp_path, broker)
    pipeline.prepare(migrated)
    yield pipeline
    pipeline.stop()
    if request.param == "redis":
        _flush_redis(broker)


def _assert_processed_exactly_once(pipeline: Pipeline, killed_article: int) -> None:
    assert pipeline.wait_finished() == ["done"] * len(REPORTS), pipeline.log_tail()
    # One committed store step per article: the killed transaction left no trace, and no redelivery,
    # sweep or claim race ran the store step a second time.
    processed = pipeline.query(
        "SELECT id, count(*) FROM events_historicalarticle WHERE history_change_reason = 'processed' GROUP BY id"
    )
    assert sorted(processed) == [(pk, 1) for pk in range(1, len(REPORTS) + 1)]
    attempts = dict(pipeline.query("SELECT id, attempts FROM events_article"))
    assert attempts[killed_article] >= 2  # it really was killed mid-task, and taken up again
    shootdowns = pipeline.query("SELECT id FROM events_event WHERE event_type = 'military_action'")
    assert len(shootdowns) == 1
    citations = pipeline.query(
        f"SELECT article_id, count(*) FROM events_citation WHERE event_id = {shootdowns[0][0]} GROUP BY article_id"
    )
    assert sorted(citations) == [(pk, 1) for pk in range(1, len(REPORTS) + 1)]
    twice = pipeline.query(
        'SELECT article_id, start, count(*) FROM events_citation GROUP BY article_id, start, "end" HAVING count(*) > 1'
    )
    assert twice == []
    assert pipeline.query(
        "SELECT count(*) FROM events_event e WHERE NOT EXISTS (SELECT 1 FROM events_citation c WHERE c.event_id = e.id)"
    ) == [(0,)]


def test_killing_the_pool_child_mid_task_loses_nothing_and_repeats_nothing(pipeline: Pipeline) -> None:
    pipeline.start_worker()
    pipeline.submit()
    article, pid = pipeline.wait_for_delay()

    os.kill(pid, signal.SIGKILL)
    pipeline.assert_killed_before_commit(article)
    pipeline.start_sweeper()

    _assert_processed_exactly_once(pipeline, article)
    # The pool reported the child's death: the whole log, as the retried task's own lines may push the
    # report out of the tail. Which words it uses depends on which of billiard's handlers sees the lost job
    # first (the worker-lost one, or, on a loaded machine, the job's hard time limit after the child's exit).
    log = pipeline.log_text()
    reports = ("WorkerLostError", "exited prematurely", f"pid:{pid} exited with 'signal 9 (SIGKILL)'")
    assert any(report in log for report in reports), pipeline.log_tail()


def test_killing_the_whole_worker_mid_task_loses_nothing_and_repeats_nothing(pipeline: Pipeline) -> None:
    pipeline.start_worker()
    pipeline.submit()
    article, _ = pipeline.wait_for_delay()

    pipeline.kill_worker()
    pipeline.assert_killed_before_commit(article)
    pipeline.start_worker()
    pipeline.start_sweeper()

    _assert_processed_exactly_once(pipeline, article)
