"""Throughput of ingestion on PostgreSQL + Redis with 2 worker processes, against ``ingest --sync``.

    .venv/bin/python bench/ingest.py [--count 1000] [--concurrency 2] [--redis-db 14]
        [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--redis redis://127.0.0.1:6379]

1. Generates COUNT unique articles from our own sample texts (the dev gold set in
   tests/extraction/devgold/articles and events/sample_data/articles): copy n of a text keeps its lead
   paragraph and varies the others (rotated, and one left out from the second round on), so every copy
   is a different text with the same story; a copy whose cleaned text repeats an earlier one is skipped.
2. Creates two scratch databases on the PostgreSQL server and migrates them.
3. In-process: ``call_command("ingest", ..., sync=True)`` on the first database, in one process whose
   spaCy model is already loaded, timed around the command. This is the reference.
4. Real pipeline: ``celery -A timeline worker --concurrency=N`` on Redis (its own db number, flushed
   before and after; results in the same db), whose main process warms the pipeline up before it forks
   (``worker_warm_up``, as the in-process run does before its clock starts); ``manage.py ingest`` submits
   the same articles, timed from the first submission to the last article done or failed.
5. Prints a table: articles/s of each run, their ratio, and what was lost (articles not done) or
   duplicated (a sentence cited twice, an article stored twice, events and citations beyond the
   in-process reference). The scratch databases are dropped and the Redis db flushed at the end.

The machine may be shared, so the table also gives what explains the ratio without wall-clock luck:
the CPU seconds per article of each run (the in-process command; the worker's pool processes, its
main process and the submitting command), the cores each run kept busy (CPU seconds / wall seconds),
and how often a worker's database session was waiting for a lock (pg_stat_activity, sampled every
0.2 s). Equal CPU per article means the workers do no extra work per task (spaCy loaded once, before
the fork); ratio ~= (cores busy, workers / in-process) x (CPU per article, in-process / workers), and a
lock wait share near 0 means the workers do not serialise each other. The pool processes' state is
sampled too (R: on a CPU or waiting for one): ready to run nearly all the time while keeping fewer cores
busy than they number means the machine's other load, not the pipeline, holds them back. The database
server's own CPU is in neither figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Run in the in-process reference before the timed part: what the worker does before it forks its pool.
WARM_UP = """
from events.services.articles_process import worker_warm_up
worker_warm_up()
"""

SYNC_RUN = f"""
import django, json, sys, time
django.setup()
{WARM_UP}
from django.core.management import call_command
groups = json.loads(sys.argv[1])
started, cpu = time.monotonic(), time.process_time()
for folder, published in groups:
    options = {{"published": published}} if published else {{}}
    try:
        call_command("ingest", folder, sync=True, verbosity=0, **options)
    except Exception as exc:  # a failed article ends the command with an error: counted from the rows
        print("ingest:", exc, file=sys.stderr)
print(json.dumps({{"seconds": time.monotonic() - started, "cpu": time.process_time() - cpu}}))
"""

SUBMIT_RUN = """
import django, json, sys, time
django.setup()
from django.core.management import call_command
groups = json.loads(sys.argv[1])
print(json.dumps({"started": time.time()}), flush=True)
for folder, published in groups:
    options = {"published": published} if published else {}
    call_command("ingest", folder, verbosity=0, **options)
"""


def base_texts() -> list[tuple[str, str, str | None]]:
    """(name, text, published) of every sample article we wrote or annotated."""
    gold_dir = ROOT / "tests" / "extraction" / "devgold"
    gold = json.loads((gold_dir / "gold.json").read_text())
    texts = [(name, (gold_dir / "articles" / name).read_text(), entry.get("published")) for name, entry in gold.items()]
    demo = json.loads((ROOT / "events" / "sample_data" / "demo.json").read_text())
    for entry in demo["articles"]:
        path = ROOT / "events" / "sample_data" / "articles" / entry["file"]
        texts.append((entry["file"], path.read_text(), entry.get("published")))
    return texts


def variants(text: str) -> list[str]:
    """Versions of one text: the lead paragraph first, the others rotated, later one of them left out."""
    paragraphs = [p.strip() for p in text.strip().split("\n") if p.strip()]
    lead, rest = paragraphs[0], paragraphs[1:]
    out = ["\n\n".join(paragraphs)]
    k = len(rest)
    for shift in range(1, k):
        out.append("\n\n".join([lead, *rest[shift:], *rest[:shift]]))
    for dropped in range(k):
        kept = rest[:dropped] + rest[dropped + 1 :]
        for shift in range(max(1, len(kept))):
            out.append("\n\n".join([lead, *kept[shift:], *kept[:shift]]))
    return out


def generate(count: int, folder: Path) -> list[tuple[str, str | None]]:
    """Write ``count`` unique articles under ``folder``, one subfolder per publication date."""
    from events.extraction.cleaning import clean_document  # the engine's cleaner; it needs no Django

    bases = [(name, variants(text), published) for name, text, published in base_texts()]
    seen: set[str] = set()
    written = 0
    round_ = 0
    while written < count:
        progressed = False
        for name, versions, published in bases:
            if written >= count:
                break
            if round_ >= len(versions):
                continue
            text = versions[round_]
            # Unique as the pipeline sees it: scraped pages lose their menus to the cleaner, so two copies
            # that differ only in the order of menu lines would be one text (and one a duplicate).
            cleaned = clean_document(text, is_html=None).text
            if cleaned in seen:
                continue
            seen.add(cleaned)
            progressed = True
            subfolder = folder / (published or "undated")
            subfolder.mkdir(parents=True, exist_ok=True)
            (subfolder / f"{written:05d}-{Path(name).stem}.txt").write_text(text + "\n", encoding="utf-8")
            written += 1
        round_ += 1
        if not progressed and round_ > max(len(v) for _, v, _ in bases):
            raise SystemExit(f"only {written} unique variants of the sample texts; ask for fewer with --count")
    return [(str(sub), None if sub.name == "undated" else sub.name) for sub in sorted(folder.iterdir())]


def environment(database_url: str, broker: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_", "INGEST_"))}
    env.update(
        # The site's settings with DEBUG off: with DEBUG on, Django keeps every query of a long run in
        # memory, and Celery warns about exactly that.
        DJANGO_SETTINGS_MODULE="timeline.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(32),
        PYTHONPATH=f"{tmp}{os.pathsep}{ROOT}",
        VAR_DIR=str(tmp),
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker,
        CELERY_RESULT_BACKEND=broker,
        CELERY_SKIP_CHECKS="true",
        LOG_LEVEL="WARNING",
    )
    return env


def python(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, text=True, capture_output=True)


def query(database_url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(database_url) as db:
        return db.execute(sql).fetchall()


def counts(database_url: str) -> dict[str, Any]:
    states = dict(query(database_url, "SELECT state, count(*) FROM events_article GROUP BY state"))
    # Citations per clean text: two copies whose pages clean to the same text are one entry (which of
    # the two is stored as the duplicate depends on which was processed first, not on correctness).
    per_article = dict(
        query(
            database_url,
            "SELECT left(min(a.clean_text), 60) || ' [' || md5(a.clean_text) || ']', count(c.id) "
            "FROM events_article a LEFT JOIN events_citation c ON c.article_id = a.id GROUP BY md5(a.clean_text)",
        )
    )
    return {
        "articles": sum(states.values()),
        "done": states.get("done", 0),
        "failed": states.get("failed", 0),
        "unfinished": sum(n for s, n in states.items() if s not in ("done", "failed")),
        "events": query(database_url, "SELECT count(*) FROM events_event")[0][0],
        "citations": query(database_url, "SELECT count(*) FROM events_citation")[0][0],
        "duplicates_of_text": query(
            database_url, "SELECT count(*) FROM events_article WHERE duplicate_of_id IS NOT NULL"
        )[0][0],
        # One proposal (a sentence read by one rule as one type of event on one date) gives one citation;
        # two mean it was stored twice. (One sentence and rule may rightly give several proposals: "talks
        # on Oct. 4 and 5" are two days, and "met and signed" reports two events.)
        "sentences_twice": query(
            database_url,
            "SELECT count(*) FROM (SELECT 1 FROM events_citation c JOIN events_event e ON e.id = c.event_id "
            'GROUP BY c.article_id, c.start, c."end", c.rule, e.event_type, e.date_edtf HAVING count(*) > 1) AS twice',
        )[0][0],
        "stored_twice": query(
            database_url,
            "SELECT count(*) FROM (SELECT id FROM events_historicalarticle "
            "WHERE history_change_reason = 'processed' GROUP BY id HAVING count(*) > 1) AS twice",
        )[0][0],
        "per_article": per_article,
    }


FINISHED = "SELECT count(*) FROM events_article WHERE state IN ('done', 'failed')"
# Sessions of the worker's database, other than the one asking, by what they are doing.
ACTIVITY = """
SELECT count(*) FILTER (WHERE state = 'active'),
       count(*) FILTER (WHERE wait_event_type = 'Lock'),
       count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory')
FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
"""


def wait_finished(
    database_url: str, total: int, worker: subprocess.Popen[bytes], timeout: float
) -> tuple[float, dict[str, float]]:
    """Until every article is done or failed; with the sessions' lock waits sampled on the way, and how
    many pool processes were running or ready to run (state R: on a CPU, or waiting for one)."""
    import psutil
    import psycopg

    deadline = time.monotonic() + timeout
    finished = 0
    samples = active = waiting = advisory = runnable = 0
    pool = psutil.Process(worker.pid).children()
    with psycopg.connect(database_url, autocommit=True) as db:
        while time.monotonic() < deadline:
            finished = db.execute(FINISHED).fetchall()[0][0]
            if finished >= total:
                break
            if worker.poll() is not None:
                raise SystemExit("the worker exited")
            row = db.execute(ACTIVITY).fetchall()[0]
            samples, active, waiting, advisory = samples + 1, active + row[0], waiting + row[1], advisory + row[2]
            runnable += sum(1 for p in pool if _running(p))
            time.sleep(0.2)
        else:
            print(f"timed out with {finished}/{total} articles finished", file=sys.stderr)
    n = max(samples, 1)
    return time.time(), {"active": active / n, "lock": waiting / n, "advisory": advisory / n, "runnable": runnable / n}


def _running(process: Any) -> bool:
    import psutil

    try:
        return bool(process.status() == psutil.STATUS_RUNNING)
    except psutil.NoSuchProcess:
        return False


def cpu_seconds(pid: int) -> dict[int, float]:
    """User + system CPU seconds of a process and of each of its descendants, by pid."""
    import psutil

    parent = psutil.Process(pid)
    seconds = {}
    for process in [parent, *parent.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        seconds[process.pid] = times.user + times.system
    return seconds


def wait_ready(env: dict[str, str], worker: subprocess.Popen[bytes], timeout: float = 600) -> None:
    """Until the worker answers a ping: submitting earlier would time its start-up (spaCy) as well."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ping = subprocess.run(
            [sys.executable, "-m", "celery", "-A", "timeline", "inspect", "ping", "--timeout=5"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if ping.returncode == 0 and "pong" in ping.stdout:
            return
        if worker.poll() is not None:
            raise SystemExit("the worker exited before it was ready")
    raise SystemExit("the worker did not answer a ping")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379")
    parser.add_argument("--redis-db", type=int, default=14, help="flushed before and after: use a spare one")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds to wait for the worker run")
    args = parser.parse_args()

    import psycopg
    import redis

    broker = f"{args.redis.rstrip('/')}/{args.redis_db}"
    flush = redis.Redis.from_url(broker).flushdb
    name = f"bench_ingest_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(args.postgres)
    urls = {
        run: urlunsplit((parts.scheme, parts.netloc, f"/{name}_{run}", parts.query, "")) for run in ("sync", "worker")
    }
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp_name:
        tmp = Path(tmp_name)
        groups = generate(args.count, tmp / "articles")
        flush()
        with psycopg.connect(args.postgres, autocommit=True) as server:
            for url in urls.values():
                server.execute(f'CREATE DATABASE "{urlsplit(url).path[1:]}"')
        worker = None
        try:
            for url in urls.values():
                python(environment(url, broker, tmp), "manage.py", "migrate", "--skip-checks", "-v0")
            print(f"{args.count} articles in {len(groups)} date groups; {os.cpu_count()} CPUs", flush=True)

            # In-process reference.
            out = python(environment(urls["sync"], broker, tmp), "-c", SYNC_RUN, json.dumps(groups))
            sync_run = json.loads(out.stdout.strip().splitlines()[-1])
            sync_seconds = sync_run["seconds"]
            print(f"in-process: {sync_seconds:.1f} s", flush=True)

            # Real pipeline.
            env = environment(urls["worker"], broker, tmp)
            log = (tmp / "worker.log").open("wb")
            worker = subprocess.Popen(
                [
                    *(sys.executable, "-m", "celery", "-A", "timeline", "worker"),
                    *(f"--concurrency={args.concurrency}", "--loglevel=WARNING", "--without-gossip"),
                    *("--without-mingle", "--without-heartbeat"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            wait_ready(env, worker)
            cpu_before = cpu_seconds(worker.pid)
            submitter = subprocess.Popen(
                [sys.executable, "-c", SUBMIT_RUN, json.dumps(groups)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert submitter.stdout is not None
            started = json.loads(submitter.stdout.readline())["started"]
            finished, activity = wait_finished(urls["worker"], args.count, worker, args.timeout)
            cpu_after = cpu_seconds(worker.pid)
            children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            submitter.wait(timeout=600)
            children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            worker_seconds = finished - started
            submit_cpu = (children_after.ru_utime + children_after.ru_stime) - (
                children_before.ru_utime + children_before.ru_stime
            )
            # Pool processes forked after the first reading start from zero.
            worker_cpu = sum(s - cpu_before.get(pid, 0.0) for pid, s in cpu_after.items())
            main_cpu = cpu_after.get(worker.pid, 0.0) - cpu_before.get(worker.pid, 0.0)
            cpu = {"sync": sync_run["cpu"], "worker": worker_cpu + submit_cpu, "submit": submit_cpu, "main": main_cpu}

            report(args, counts(urls["sync"]), counts(urls["worker"]), sync_seconds, worker_seconds, cpu, activity)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=60)
            flush()
            with psycopg.connect(args.postgres, autocommit=True) as server:
                for url in urls.values():
                    server.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path[1:]}" WITH (FORCE)')


def report(
    args: argparse.Namespace,
    sync: dict[str, Any],
    real: dict[str, Any],
    sync_s: float,
    real_s: float,
    cpu: dict[str, float],
    activity: dict[str, float],
) -> None:
    sync_rate = sync["articles"] / sync_s
    real_rate = real["articles"] / real_s
    sync_cpu = cpu["sync"] / max(sync["articles"], 1)
    real_cpu = cpu["worker"] / max(real["articles"], 1)
    # Expected per text: what the in-process run cited from the same text.
    expected: dict[str, int] = defaultdict(int, sync["per_article"])
    got: dict[str, int] = real["per_article"]
    extra = sum(max(0, n - expected[key]) for key, n in got.items())
    missing = sum(max(0, expected[key] - got.get(key, 0)) for key in expected)
    rows = [
        ("", "in-process --sync", f"{args.concurrency} workers, Redis"),
        ("articles", sync["articles"], real["articles"]),
        ("done", sync["done"], real["done"]),
        ("failed", sync["failed"], real["failed"]),
        ("lost (not done or failed)", sync["unfinished"], real["unfinished"]),
        ("same text as another (kept, cites nothing)", sync["duplicates_of_text"], real["duplicates_of_text"]),
        ("events", sync["events"], real["events"]),
        ("citations", sync["citations"], real["citations"]),
        ("a sentence cited twice by one rule, type, date", sync["sentences_twice"], real["sentences_twice"]),
        ("an article stored twice", sync["stored_twice"], real["stored_twice"]),
        ("seconds", f"{sync_s:.1f}", f"{real_s:.1f}"),
        ("articles/s", f"{sync_rate:.2f}", f"{real_rate:.2f}"),
        ("CPU ms per article (workers: pool+main+submit)", f"{sync_cpu * 1000:.0f}", f"{real_cpu * 1000:.0f}"),
        ("  of which the worker's main process", "", f"{cpu['main'] / max(real['articles'], 1) * 1000:.0f}"),
        ("  of which the submitting command", "", f"{cpu['submit'] / max(real['articles'], 1) * 1000:.0f}"),
        ("cores kept busy (CPU s / wall s)", f"{cpu['sync'] / sync_s:.2f}", f"{cpu['worker'] / real_s:.2f}"),
        ("pool processes running or ready (mean)", "", f"{activity['runnable']:.2f}"),
        ("database sessions active (mean)", "", f"{activity['active']:.2f}"),
        ("  waiting for a lock", "", f"{activity['lock']:.2f}"),
        ("  of which the store's advisory lock", "", f"{activity['advisory']:.2f}"),
    ]
    print()
    for label, a, b in rows:
        print(f"{label:<44} {a!s:>20} {b!s:>22}")
    print()
    print(f"ratio (workers / in-process): {real_rate / sync_rate:.2f}  (target >= 1.6 with 2 workers on 2 cores)")
    busy = (cpu["worker"] / real_s) / max(cpu["sync"] / sync_s, 1e-9)
    print(
        f"  = cores busy {busy:.2f}x the in-process run's, at {sync_cpu / max(real_cpu, 1e-9):.2f}x its CPU per "
        f"article; lock waits took {activity['lock'] / args.concurrency:.0%} of the {args.concurrency} workers' "
        "sessions"
    )
    try:
        load = os.getloadavg()
        print(f"  load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")
    except OSError:
        pass
    differing = sorted((key, expected[key], n) for key, n in got.items() if n != expected[key])
    for key, want, n in differing[:8]:
        print(f"  citations {want} in-process, {n} through the workers: {key}")
    print(
        f"events beyond the in-process run: {max(0, real['events'] - sync['events'])}; "
        f"citations beyond it, per text: {extra}; citations missing, per text: {missing}"
    )


if __name__ == "__main__":
    main()
