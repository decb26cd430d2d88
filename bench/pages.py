"""Benchmark of the public topic page at 5,000 events (issue 5).

Builds, in a scratch database, one published topic with 5,000 published events (2 actors, a place and
3 citations each: 15,000 citations from 2,500 articles), then times the topic page as a reader gets it
(the default window: the latest year), "all years" (``?year=all``: pages of whole months, at most
``ALL_PAGE_EVENTS`` events each; its first and last page) and filtered views, each as the median of
several requests through Django's test client, and the embed. Beside each it times the bare SQL
that page ran (the same statements, re-executed and fetched with a cursor) and prints the ratio. A
last row, for reference only, is the whole list as one page (paging switched off in-process): no URL
serves it any more.

The bare side is fair to the page: on PostgreSQL it loads ``timestamptz`` with psycopg's C loader, as
the pages' record reads do (``events.presentation.record``), not with Django's Python one.

``--memo cold`` empties the pages' entry memo (``timeline.render``, where a checkout has one) before
every timed request, as a reader who is the first to ask for those events finds it; ``warm`` leaves it,
as a page asked again finds it; ``both`` (the default) prints both tables. Neither empties what is
kept per process whatever the data (the SQL a timeline compiled for these filters, the URL patterns,
date labels): the untimed first request of each view fills those.

    .venv/bin/python bench/pages.py                 # PostgreSQL scratch DB on 127.0.0.1 (default)
    .venv/bin/python bench/pages.py --sqlite        # a temporary SQLite file instead
    .venv/bin/python bench/pages.py --events 1000 --runs 5 --memo cold
    .venv/bin/python bench/pages.py --keep-db bench_x   # build into (or reuse) bench_x, keep it

The scratch PostgreSQL database is created and dropped by the script (``--keep-db NAME`` builds it
once and reuses it on later runs, e.g. to compare two checkouts on the same data); nothing else is
touched.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _configure(use_sqlite: bool) -> tuple[str, str | None]:
    """Point Django at a scratch database; returns (url, name of the PostgreSQL DB to drop)."""
    url, name, _ = _scratch(use_sqlite)
    return url, name


def _scratch(use_sqlite: bool, keep: str | None = None) -> tuple[str, str | None, bool]:
    """(url, name of the PostgreSQL DB to drop, whether it is new and must be built) of a scratch
    database, or of ``keep``, made if it is missing and never dropped."""
    if use_sqlite:
        path = Path(tempfile.mkdtemp(prefix="bench-pages-")) / "bench.sqlite3"
        return f"sqlite:///{path}", None, True
    import psycopg

    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    name = keep or f"bench_pages_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + f"/{name}", None if keep else name, not exists


def _drop(name: str) -> None:
    import psycopg

    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


SENTENCES = [
    "The foreign minister arrived in {city} on {day} for two days of talks.",
    "Officials from both sides met in {city} to discuss trade and security.",
    "A summit is expected in {city} later in the year, diplomats said.",
    "The two governments signed an agreement on export controls in {city}.",
    "Navy ships held exercises near {city}, the defence ministry said.",
    "The ambassador was summoned in {city} over the incident.",
]


def build(n_events: int) -> str:
    """Create the data set in bulk; returns the topic's slug."""
    from django.db import connection
    from django.utils import timezone

    from events.models import Actor, Article, Citation, Event, EventActor, Place, Source, Topic, TopicMembership
    from events.services.articles import content_hash_for

    rng = random.Random(5)  # reproducible data
    now = timezone.now()
    topic = Topic.objects.create(slug="bench", name="Benchmark relations", description="5,000 events.")
    sources = Source.objects.bulk_create(
        [Source(name=f"Outlet {i}", domain=f"outlet{i}.example", kind="wire") for i in range(20)]
    )
    places = Place.objects.bulk_create(
        [Place(name=f"City {i}", kind="city", country_code="AT", latitude=48.0, longitude=16.0) for i in range(50)]
    )
    actors = Actor.objects.bulk_create([Actor(name=f"Actor {i}", kind="person") for i in range(100)])
    types = ["visit", "meeting", "talks", "summit", "phone_call", "statement", "agreement", "sanction"]
    today = date.today()
    events: list[Event] = []
    for i in range(n_events):
        day = date(2000, 1, 1) + timedelta(days=rng.randrange(0, (today - date(2000, 1, 1)).days))
        roll = rng.random()
        status = "occurred"
        # Bounds and precision are set here rather than by Event.derive_date_fields: the EDTF grammar
        # parser takes tens of milliseconds per value, which would make building 5,000 rows slow.
        if roll < 0.6:
            edtf, lower, upper, precision = day.isoformat(), day, day, "day"
        elif roll < 0.85:
            last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            edtf, lower, upper, precision = f"{day.year:04d}-{day.month:02d}", day.replace(day=1), last, "month"
        elif roll < 0.9:
            edtf, lower, upper, precision = f"{day.year:04d}~", date(day.year, 1, 1), date(day.year, 12, 31), "year"
        else:
            end = day + timedelta(days=2)
            edtf, lower, upper, precision = f"{day.isoformat()}/{end.isoformat()}", day, end, "day"
        if i % 50 == 0:  # a few scheduled events ahead
            ahead = today + timedelta(days=rng.randrange(10, 700))
            edtf, lower, upper, precision, status = ahead.isoformat(), ahead, ahead, "day", "scheduled"
        elif i % 40 == 0:
            status = rng.choice(["postponed", "cancelled", "ongoing"])
        event = Event(
            title=f"Event {i}: {rng.choice(types)} in City {i % 50}",
            summary="Officials met and discussed trade, technology and security.",
            event_type=rng.choice(types),
            status=status,
            date_edtf=edtf,
            place=places[i % 50],
            review_state="published",
            reviewed_at=now,
            date_lower=lower,
            date_upper=upper,
            precision=precision,
        )
        events.append(event)
    events = Event.objects.bulk_create(events, batch_size=1000)
    TopicMembership.objects.bulk_create([TopicMembership(topic=topic, event=e) for e in events], batch_size=2000)
    EventActor.objects.bulk_create(
        [EventActor(event=e, actor=actors[(k * 7 + j) % 100]) for k, e in enumerate(events) for j in range(2)],
        batch_size=2000,
    )
    n_articles = max(1, n_events // 2)
    articles: list[Article] = []
    for a in range(n_articles):
        city = f"City {a % 50}"
        text = " ".join(s.format(city=city, day="Sunday") for s in SENTENCES)
        articles.append(
            Article(
                source=sources[a % 20],
                url=f"https://outlet{a % 20}.example/{a}",
                title=f"Article {a} from {city}",
                published=date(2000, 1, 1) + timedelta(days=a % 9000),
                clean_text=text,
                original=text,
                content_hash=content_hash_for(text + str(a)),
                state="done",
            )
        )
    articles = Article.objects.bulk_create(articles, batch_size=1000)
    citations: list[Citation] = []
    for k, event in enumerate(events):
        for j in range(3):
            article = articles[(k * 3 + j) % n_articles]
            sentence = SENTENCES[(k + j) % len(SENTENCES)].format(city=f"City {article.pk % 50}", day="Sunday")
            text = article.clean_text
            start = text.find(sentence)
            if start < 0:
                sentence = text.split(". ")[0] + "."
                start = 0
            citations.append(
                Citation(
                    event=event,
                    article=article,
                    quote=sentence,
                    start=start,
                    end=start + len(sentence),
                    review_state="accepted",  # as an editor's source is: a proposed one is shown to nobody
                )
            )
    Citation.objects.bulk_create(citations, batch_size=2000, ignore_conflicts=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh bulk-loaded tables: give the planner real statistics
    return topic.slug


def _forget_entries() -> None:
    """Empty the pages' entry memo, where the checkout has one (a cold page)."""
    from timeline import render

    memo = getattr(render, "_ENTRY_MEMO", None)
    if memo is not None:
        memo.clear()


def _c_loader(cursor: object) -> None:
    """Load ``timestamptz`` on this cursor with psycopg's C loader, as the pages' record reads do."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    from psycopg.types.datetime import TimestamptzLoader

    raw = cursor.cursor  # type: ignore[attr-defined]  # Django's CursorWrapper around psycopg's cursor
    assert raw.connection.info.parameter_status("TimeZone") == "UTC"
    raw.adapters.register_loader("timestamptz", TimestamptzLoader)


def time_page(url: str, runs: int, *, cold: bool = True) -> tuple[float, float, int, int]:
    """(median page seconds, median bare-SQL seconds, queries, bytes) over ``runs`` requests.

    Each request is followed at once by one run of its bare SQL, so a load change on a shared machine
    hits both sides of the ratio alike. ``cold`` empties the entry memo before each request.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    _forget_entries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)  # also warms caches (templates, URL resolver, connection)
    assert response.status_code == 200, (url, response.status_code)
    # PostgreSQL runs ModelChoiceField's .iterator() through a server-side cursor; the bare measurement
    # fetches the same SELECT directly.
    captured_sql = [
        re.sub(r"^DECLARE .*? CURSOR .*?FOR ", "", q["sql"], flags=re.DOTALL) for q in captured.captured_queries
    ]
    page_times: list[float] = []
    bare_times: list[float] = []
    size = len(response.content)
    for _ in range(runs):
        if cold:
            _forget_entries()
        started = time.perf_counter()
        response = client.get(url)
        page_times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            _c_loader(cursor)
            for sql in captured_sql:
                cursor.execute(sql)
                if cursor.description is not None:
                    cursor.fetchall()
        bare_times.append(time.perf_counter() - started)
    return statistics.median(page_times), statistics.median(bare_times), len(captured_sql), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sqlite", action="store_true", help="use a temporary SQLite file instead of PostgreSQL")
    parser.add_argument("--memo", choices=("cold", "warm", "both"), default="both", help="entry memo (see above)")
    parser.add_argument("--keep-db", metavar="NAME", help="PostgreSQL: build into NAME once, reuse and keep it")
    parser.add_argument("--only", metavar="WORD", help="only the views whose label holds WORD")
    args = parser.parse_args()

    url, pg_name, new = _scratch(args.sqlite, args.keep_db)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="bench-var-"))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")  # no collected static files: not timed
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        started = time.perf_counter()
        if new:
            call_command("migrate", verbosity=0)
            slug = build(args.events)
        else:
            slug = "bench"
        built = time.perf_counter() - started
        from events.models import Citation, Event

        print(
            f"{connection.vendor}: {Event.objects.count()} events, {Citation.objects.count()} citations "
            f"(built in {built:.1f} s); median of {args.runs} requests; bare SQL with "
            f"{'psycopg C' if connection.vendor == 'postgresql' else 'the driver'}'s timestamp loader, as the pages\n"
        )
        from django.test import Client

        from timeline.views import windows

        first_page = Client().get(f"/topics/{slug}/?year=all").content.decode()
        found = re.search(r"showing page 1 of (\d+)", first_page)
        last = int(found.group(1)) if found else 1
        views = [
            ("topic page (default window: latest year)", f"/topics/{slug}/", None),
            ("all years, first page (?year=all)", f"/topics/{slug}/?year=all", None),
            (f"all years, last page (page={last})", f"/topics/{slug}/?year=all&page={last}", None),
            ("filtered: type=visit&status=occurred", f"/topics/{slug}/?type=visit&status=occurred", None),
            ("filtered, all years", f"/topics/{slug}/?type=visit&status=occurred&year=all", None),
            ("embed (latest year, no source notes)", f"/topics/{slug}/embed/", None),
            ("reference: all events on one page (unpaged)", f"/topics/{slug}/?year=all", 10**9),
        ]
        if args.only:
            views = [view for view in views if args.only in view[0]]
        paged = windows.ALL_PAGE_EVENTS
        for memo in ("cold", "warm") if args.memo == "both" else (args.memo,):
            header = f"{memo + ' memo':<44} {'page ms':>9} {'bare SQL ms':>12} {'ratio':>6} {'queries':>8} {'KiB':>7}"
            print(header)
            print("-" * len(header))
            for label, path, page_size in views:
                windows.ALL_PAGE_EVENTS = page_size or paged
                page, bare, queries, size = time_page(path, args.runs, cold=memo == "cold")
                print(
                    f"{label:<44} {page * 1000:>9.1f} {bare * 1000:>12.1f} {page / bare:>6.2f} {queries:>8} "
                    f"{size / 1024:>7.0f}",
                    flush=True,
                )
            windows.ALL_PAGE_EVENTS = paged
            print()
    finally:
        connection.close()
        if pg_name:
            _drop(pg_name)


if __name__ == "__main__":
    main()
