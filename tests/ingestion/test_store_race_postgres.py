"""Concurrent worker processes on PostgreSQL: one URL given at once gives one Article and no error;
reports of one event stored at once give one Event.

The processes are real (``python -c``), each with its own connection to a database created for the
test, and they start together on a shared wall-clock moment. Skipped without PostgreSQL on
127.0.0.1:5432 (``TEST_POSTGRES_URL`` points elsewhere), unless CI=true.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import IN_CI, ROOT
from tests.ingestion.conftest import LoopbackServer, Reply
from tests.ingestion.test_store_shootdown import SHOOTDOWN_REPORTS

SERVER_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")

WORKER = """
import django, json, sys, time
django.setup()
from events.services import article_ingest_url
from events.services.articles_process import article_process
url, start = sys.argv[1], float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
article, created = article_ingest_url(url=url)
print(json.dumps({"article": article.pk, "created": created, "outcome": article_process(article_id=article.pk)}))
"""


def _postgres_up() -> bool:
    parts = urlsplit(SERVER_URL)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5432), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not (IN_CI or _postgres_up()), reason="needs PostgreSQL (required when CI=true)"),
]


@pytest.fixture
def database_url() -> Iterator[str]:
    import psycopg

    name = f"ingest_race_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(SERVER_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(SERVER_URL)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    try:
        yield url
    finally:
        with psycopg.connect(SERVER_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _environment(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        PYTHONPATH=str(ROOT),
        DATABASE_URL=database_url,
        TEST_FETCH_LOOPBACK="true",
        # Enqueued work goes nowhere: these processes are the workers.
        CELERY_BROKER_URL="memory://",
        CELERY_RESULT_BACKEND="cache+memory://",
    )
    return env


def _race(database_url: str, urls: list[str]) -> list[dict[str, object]]:
    env = _environment(database_url)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--skip-checks", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    # Far enough ahead for every process to have imported Django and spaCy's caller.
    start = time.time() + 8
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(start)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for url in urls
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err.decode()[-3000:]
        results.append(json.loads(out.decode().strip().splitlines()[-1]))
    return results


def _count(database_url: str, sql: str) -> int:
    import psycopg

    with psycopg.connect(database_url) as db:
        row = db.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def test_three_workers_given_one_url_at_once_leave_one_article(database_url: str, http_server: LoopbackServer) -> None:
    text = SHOOTDOWN_REPORTS[0][2]
    http_server.routes["/balloon"] = Reply(body=f"<html><body><article><p>{text}</p></article></body></html>".encode())

    results = _race(database_url, [http_server.url("/balloon")] * 3)

    assert _count(database_url, "SELECT count(*) FROM events_article") == 1
    assert len({r["article"] for r in results}) == 1
    assert sorted(bool(r["created"]) for r in results) == [False, False, True]
    assert [r["outcome"] for r in results].count("not claimed") >= 1
    assert sum(str(r["outcome"]).startswith("done") for r in results) == 1
    assert _count(database_url, "SELECT count(*) FROM events_citation") == 1


def test_four_reports_of_one_event_stored_at_once_give_one_event(
    database_url: str, http_server: LoopbackServer
) -> None:
    urls = []
    for index, (_, _, text) in enumerate(SHOOTDOWN_REPORTS[:4]):
        page = f"""<html><head><meta property="article:published_time" content="2023-02-05">
        </head><body><article><p>{text}</p></article></body></html>"""
        http_server.routes[f"/report/{index}"] = Reply(body=page.encode())
        urls.append(http_server.url(f"/report/{index}"))

    results = _race(database_url, urls)

    assert all(str(r["outcome"]).startswith("done") for r in results), results
    assert _count(database_url, "SELECT count(*) FROM events_event WHERE event_type = 'military_action'") == 1
    assert _count(database_url, "SELECT count(*) FROM events_citation") == 4
