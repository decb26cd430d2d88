"""A real prefork worker parses a long article with a forked helper and stores what one process finds.

Celery's pool children are daemonic billiard processes; the engine's helpers are forked from them
(``events/extraction/parallel_parse.py``). This runs ``celery -A timeline worker --pool=prefork
--concurrency=2`` as production does, on the embedded broker (Redis in CI), with a low
EXTRACTION_PARALLEL_MIN_CHARS so an article made of the dev set's own texts takes the parallel path.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from events.extraction.cleaning import clean_text
from events.extraction.parallel_parse import can_fork
from events.models import Citation, Event
from events.services import article_submit_text
from events.services.articles_process import article_process
from tests.conftest import IN_CI, ROOT
from tests.ingestion.test_worker_real import _environment, _redis_up
from tests.ingestion.worker_ready import wait_until_ready

ARTICLES = ROOT / "tests" / "extraction" / "devgold" / "articles"
PUBLISHED = date(2024, 6, 12)
REDIS_DB = 11
PARSED = re.compile(r"parsed (\d+) characters in (\d+) shards: (\d+) by forked helpers, the rest in pid (\d+)")

SUBMIT = """
import django, sys
django.setup()
from datetime import date
from django.db import transaction
from events.services import article_enqueue, article_submit_text
with transaction.atomic():
    article = article_submit_text(text=open(sys.argv[1], encoding="utf-8").read(), published=date(2024, 6, 12))
    article_enqueue(article_id=article.pk)
"""


def _long_text() -> str:
    articles = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(ARTICLES.glob("*.txt"))]
    return "\n\n".join(articles)


def _broker(tmp_path: Path) -> str:
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if broker.startswith("redis"):
        return f"redis://127.0.0.1:6379/{REDIS_DB}"
    return f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not can_fork(), reason="this platform cannot fork parse helpers")
def test_a_prefork_worker_parses_a_long_article_with_a_helper(tmp_path: Path, settings: Any) -> None:
    if os.environ.get("CELERY_BROKER_URL", "").startswith("redis") and not (IN_CI or _redis_up()):
        pytest.skip("needs Redis on 127.0.0.1:6379 (required when CI=true)")
    env = _environment(tmp_path, _broker(tmp_path))
    env.update(EXTRACTION_PROCESSES="2", EXTRACTION_PARALLEL_MIN_CHARS="20000", LOG_LEVEL="INFO")
    text = _long_text()
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--skip-checks", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    if env["CELERY_BROKER_URL"].startswith("redis"):
        subprocess.run(["redis-cli", "-n", str(REDIS_DB), "flushdb"], check=False, capture_output=True, timeout=10)
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [
            *(python, "-m", "celery", "-A", "timeline", "worker", "--pool=prefork", "--concurrency=2"),
            *("--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    database = tmp_path / "timeline.sqlite3"
    try:
        wait_until_ready(log, worker)
        subprocess.run([python, "-c", SUBMIT, str(source)], cwd=ROOT, env=env, check=True, timeout=120)
        state = ""
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and state not in {"done", "failed"} and worker.poll() is None:
            time.sleep(0.5)
            with sqlite3.connect(database, timeout=20) as db:
                state = db.execute("SELECT state FROM events_article").fetchone()[0]
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
    output = log.read_text(errors="replace")
    assert state == "done", output[-4000:]
    [(characters, shards, helped, pid)] = [tuple(map(int, m.groups())) for m in PARSED.finditer(output)]
    assert (characters, shards, helped) == (len(text), 2, 1)
    assert pid != worker.pid  # a pool child parsed here and forked the helper, not the worker's parent
    with sqlite3.connect(database) as db:
        stored = set(db.execute("SELECT title, date_edtf FROM events_event").fetchall())
        citations = db.execute("SELECT count(*) FROM events_citation").fetchone()[0]
    # The same article stored in this process, parsed by this process alone, stores the same events.
    settings.EXTRACTION_PROCESSES = 1
    article = article_submit_text(text=text, published=PUBLISHED)
    assert article_process(article_id=article.pk).startswith("done")
    assert set(Event.objects.values_list("title", "date_edtf")) == stored
    assert Citation.objects.count() == citations
    assert len(stored) > 50
