"""Throughput of the ingestion pipeline through a real Celery worker on the embedded broker.

    .venv/bin/python bench/ingestion.py [--articles 100] [--concurrency 2]

Everything runs in a fresh temporary directory: a SQLite database, the embedded broker (kombu's
SQLAlchemy transport on a SQLite file) and ``celery -A timeline worker``. Two figures are printed:

1. the ten shootdown reports of ``tests/ingestion/test_store_shootdown.py``: events vs citations;
2. articles per minute for N sample texts (the dev gold set, the shootdown reports and the two meetings,
   cycled; each copy carries one extra closing sentence so its hash, and so the article, is new), timed
   from the commit that queues them to the last one done, spaCy already loaded in the worker.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUBMIT = """
import django, json, sys, time
django.setup()
from datetime import date
from django.db import transaction
from events.services import article_enqueue, article_submit_text
items = json.load(open(sys.argv[1]))
with transaction.atomic():
    for text, published, url in items:
        day = date.fromisoformat(published) if published else None
        article = article_submit_text(text=text, url=url, published=day)
        article_enqueue(article_id=article.pk)
print(time.time())
"""


def samples() -> list[tuple[str, str | None, str | None]]:
    """(text, published ISO date, url) for every sample text we have."""
    from tests.ingestion.test_store_shootdown import SHOOTDOWN_REPORTS, TWO_MEETINGS

    gold_dir = ROOT / "tests" / "extraction" / "devgold"
    gold = json.loads((gold_dir / "gold.json").read_text())
    items: list[tuple[str, str | None, str | None]] = [
        ((gold_dir / "articles" / name).read_text(), entry.get("published"), None) for name, entry in gold.items()
    ]
    for outlet, published, text in SHOOTDOWN_REPORTS + TWO_MEETINGS:
        items.append((text, published.isoformat(), f"https://{outlet}/story"))
    return items


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        PYTHONPATH=str(ROOT),
        VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'timeline.sqlite3'}",
        CELERY_BROKER_URL=f"sqla+sqlite:///{tmp / 'broker.sqlite3'}",
        CELERY_RESULT_BACKEND=f"db+sqlite:///{tmp / 'results.sqlite3'}",
        CELERY_SKIP_CHECKS="true",
    )
    return env


def submit(env: dict[str, str], tmp: Path, items: Sequence[tuple[str, str | None, str | None]]) -> float:
    path = tmp / "items.json"
    path.write_text(json.dumps(items))
    out = subprocess.run(
        [sys.executable, "-c", SUBMIT, str(path)], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def wait_done(database: Path, total: int, timeout: float = 3600) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(database, timeout=30) as db:
            finished = db.execute("SELECT count(*) FROM events_article WHERE state IN ('done', 'failed')").fetchone()[0]
        if finished >= total:
            return time.time()
        time.sleep(0.2)
    raise SystemExit(f"timed out with {finished}/{total} articles finished")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()
    # The sample texts live in a test module that imports models; this process only reads them.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()

    with tempfile.TemporaryDirectory(prefix="bench-ingestion-") as name:
        tmp = Path(name)
        env = environment(tmp)
        database = tmp / "timeline.sqlite3"
        subprocess.run([sys.executable, "manage.py", "migrate", "--skip-checks", "-v0"], cwd=ROOT, env=env, check=True)
        log = (tmp / "worker.log").open("wb")
        worker = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "timeline", "worker", f"--concurrency={args.concurrency}"),
                *("--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            from tests.ingestion.test_store_shootdown import SHOOTDOWN_REPORTS

            # 1. The ten shootdown reports (this also warms spaCy up in every worker process).
            shootdown = [(text, day.isoformat(), f"https://{o}/story") for o, day, text in SHOOTDOWN_REPORTS]
            submit(env, tmp, shootdown)
            wait_done(database, len(shootdown))
            with sqlite3.connect(database) as db:
                sql = "SELECT count(*) FROM events_event WHERE event_type = 'military_action'"
                events = db.execute(sql).fetchone()[0]
                citations = db.execute(
                    "SELECT count(*) FROM events_citation c JOIN events_event e ON e.id = c.event_id "
                    "WHERE e.event_type = 'military_action'"
                ).fetchone()[0]
            print(f"shootdown: {len(shootdown)} articles -> {events} event(s), {citations} citation(s)")

            # 2. Throughput.
            base = samples()
            items = []
            for index in range(args.articles):
                text, published, url = base[index % len(base)]
                marker = f"\n\nThis copy of the report was filed as bulletin number {index} for the benchmark run."
                items.append((text + marker, published, f"{url}?copy={index}" if url else None))
            started = submit(env, tmp, items)
            finished = wait_done(database, len(shootdown) + len(items))
            seconds = finished - started
            with sqlite3.connect(database) as db:
                states = dict(db.execute("SELECT state, count(*) FROM events_article GROUP BY state").fetchall())
                n_events = db.execute("SELECT count(*) FROM events_event").fetchone()[0]
                n_citations = db.execute("SELECT count(*) FROM events_citation").fetchone()[0]
            print(
                f"throughput: {len(items)} articles in {seconds:.1f} s = {len(items) / seconds * 60:.1f} articles/min "
                f"(worker concurrency {args.concurrency}, embedded SQLite broker, {os.cpu_count()} CPUs)"
            )
            print(f"states: {states}; events {n_events}, citations {n_citations}")
        finally:
            worker.terminate()
            worker.wait(timeout=30)


if __name__ == "__main__":
    main()
