"""Fill a scratch PostgreSQL database with N synthetic events for the API benchmark, fast.

Usage (on a database you can throw away; it must be migrated first):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api DEBUG=true \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api DEBUG=true \\
        .venv/bin/python bench/generate_events.py --events 1000000

Every event gets a place, two actors with roles, a topic and one citation of a real span of its
article's text, like the data the API serves. Rows go in with COPY, with triggers and foreign-key checks
off for the session (``session_replication_role = replica``) — the generator builds consistent rows
itself — then the tables are ANALYZEd so the planner sees the real sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

from events.domain.vocabulary import EventType  # noqa: E402
from events.models import Actor, Article, Citation, Event, EventActor, Place, Source, Topic, TopicMembership  # noqa: E402

TEXT = (
    "GENEVA (Wire) — The two foreign ministers met in Geneva on Tuesday for talks on trade and security. "
    "They agreed to meet again in the spring."
)
QUOTE_END = TEXT.index(".") + 1
TYPES = [t.value for t in EventType]
PRECISIONS = ["day"] * 6 + ["month"] * 3 + ["year"]


def _copy(model: type[Any], columns: list[str], rows: Any) -> int:
    """COPY rows into the model's table; columns not given take the model field's default or NULL."""
    table = model._meta.db_table
    fields = {f.column: f for f in model._meta.concrete_fields if not f.primary_key}
    extra = {c: f for c, f in fields.items() if c not in columns}
    defaults = []
    for field in extra.values():
        value = field.get_default() if field.has_default() else None
        if isinstance(value, list | dict):
            value = json.dumps(value)
        if value is None and not field.null:
            value = "" if field.get_internal_type() in {"CharField", "TextField"} else None
        defaults.append(value)
    all_columns = columns + list(extra)
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor
        quoted = ", ".join(f'"{column}"' for column in all_columns)  # "end" is a reserved word
        with raw.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row((*row, *defaults))
                count += 1
    return count


def _max_id(model: type[Any]) -> int:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def generate(*, events: int, seed: int) -> None:
    rng = random.Random(seed)
    now = datetime.now(tz=UTC)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")

    started = time.perf_counter()
    n_sources, n_places, n_actors, n_topics = 50, 500, 2000, 20
    base_source = _max_id(Source)
    _copy(
        Source,
        ["name", "domain", "kind", "homepage", "created_at"],
        ((f"Outlet {i}", f"bench-outlet-{base_source + i}.example", "wire", "", now) for i in range(n_sources)),
    )
    base_place = _max_id(Place)
    countries = ["CN", "US", "TW", "JP", "KR", "RU", "UA", "DE", "FR", "GB", "IN", "AU", "PH", "VN", "ID"]
    _copy(
        Place,
        ["name", "kind", "country_code", "latitude", "longitude", "created_at"],
        (
            (
                f"Bench city {base_place + i}",
                "city",
                countries[i % len(countries)],
                rng.uniform(-60, 60),
                rng.uniform(-170, 170),
                now,
            )
            for i in range(n_places)
        ),
    )
    base_actor = _max_id(Actor)
    _copy(
        Actor,
        ["name", "kind", "country_code", "description", "created_at"],
        ((f"Bench actor {base_actor + i}", "person", countries[i % len(countries)], "", now) for i in range(n_actors)),
    )
    base_topic = _max_id(Topic)
    _copy(
        Topic,
        ["slug", "name", "description", "is_published", "rule_keywords", "created_at", "updated_at"],
        ((f"bench-topic-{base_topic + i}", f"Bench topic {i}", "", True, "", now, now) for i in range(n_topics)),
    )
    source_ids = list(Source.objects.order_by("-pk").values_list("pk", flat=True)[:n_sources])
    place_ids = list(Place.objects.order_by("-pk").values_list("pk", flat=True)[:n_places])
    actor_ids = list(Actor.objects.order_by("-pk").values_list("pk", flat=True)[:n_actors])
    topic_ids = list(Topic.objects.order_by("-pk").values_list("pk", flat=True)[:n_topics])

    # One article per five events, each cited by the events that point at it.
    n_articles = max(1, events // 5)
    base_article = _max_id(Article)
    day0 = date(2000, 1, 1)
    _copy(
        Article,
        [
            "source_id",
            "url",
            "title",
            "published",
            "clean_text",
            "original",
            "content_hash",
            "state",
            "created_at",
            "updated_at",
        ],
        (
            (
                rng.choice(source_ids),
                f"https://bench.example/{base_article + i}",
                f"Bench article {base_article + i}",
                day0 + timedelta(days=rng.randrange(9000)),
                TEXT,
                TEXT,
                hashlib.sha256(f"bench-{base_article + i}-{seed}".encode()).hexdigest(),
                "done",
                now,
                now,
            )
            for i in range(n_articles)
        ),
    )
    article_ids = list(Article.objects.order_by("-pk").values_list("pk", flat=True)[:n_articles])
    print(f"reference rows and {n_articles:,} articles in {time.perf_counter() - started:.1f}s", flush=True)

    def event_rows() -> Any:
        for i in range(events):
            lower = day0 + timedelta(days=rng.randrange(9000))
            precision = rng.choice(PRECISIONS)
            if precision == "day":
                edtf, upper = lower.isoformat(), lower
            elif precision == "month":
                lower = lower.replace(day=1)
                upper = (lower + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                edtf = lower.strftime("%Y-%m")
            else:
                lower, upper, edtf = lower.replace(month=1, day=1), lower.replace(month=12, day=31), str(lower.year)
            review = "published" if rng.random() < 0.95 else "proposed"
            yield (
                f"Bench event {i}: ministers meet",
                "Synthetic event for the API benchmark.",
                rng.choice(TYPES),
                "occurred",
                edtf,
                lower,
                upper,
                precision,
                False,
                rng.choice(place_ids),
                review,
                1.0,
                "[]",
                now,
                now - timedelta(seconds=events - i),
            )

    started = time.perf_counter()
    base_event = _max_id(Event)
    _copy(
        Event,
        [
            "title",
            "summary",
            "event_type",
            "status",
            "date_edtf",
            "date_lower",
            "date_upper",
            "precision",
            "date_is_week",
            "place_id",
            "review_state",
            "confidence",
            "locked_fields",
            "created_at",
            "updated_at",
        ],
        event_rows(),
    )
    first, last = base_event + 1, _max_id(Event)
    print(f"{last - first + 1:,} events in {time.perf_counter() - started:.1f}s", flush=True)

    started = time.perf_counter()
    quote = TEXT[:QUOTE_END]
    _copy(
        Citation,
        ["event_id", "article_id", "quote", "start", "end", "time_text", "rule", "created_at"],
        (
            (pk, article_ids[(pk - first) // 5 % len(article_ids)], quote, 0, QUOTE_END, "on Tuesday", "bench", now)
            for pk in range(first, last + 1)
        ),
    )
    _copy(
        EventActor,
        ["event_id", "actor_id", "role"],
        (
            row
            for pk in range(first, last + 1)
            for row in ((pk, actor_ids[pk % n_actors], "initiator"), (pk, actor_ids[(pk * 7 + 1) % n_actors], "target"))
        ),
    )
    _copy(
        TopicMembership,
        ["topic_id", "event_id", "origin", "created_at"],
        ((topic_ids[pk % n_topics], pk, "rule", now) for pk in range(first, last + 1)),
    )
    print(f"citations, actor links and topic memberships in {time.perf_counter() - started:.1f}s", flush=True)

    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = DEFAULT")
        # Every table filled here: without statistics the planner takes the 500 places for one row and
        # joins a country filter by nested loop.
        for model in (Source, Place, Actor, Topic, Article, Event, Citation, EventActor, TopicMembership):
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/generate_events.py needs PostgreSQL (set DATABASE_URL)")
    generate(events=args.events, seed=args.seed)


if __name__ == "__main__":
    main()
