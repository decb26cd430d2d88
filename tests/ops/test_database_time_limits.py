"""How long a web request may wait on PostgreSQL: the libpq options the settings build from the environment.

Each case imports the settings in a fresh interpreter with its own environment (settings are read once
per process), as a deployment would start them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_OPTIONS = (
    "import json; from timeline import settings; print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
)


def run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "DJANGO_", "GUNICORN_"))}
    base.update(
        DATABASE_URL="postgres://timeline@db.example.internal:5432/timeline",
        SECRET_KEY="test-key-" + "x" * 50,
        ALLOWED_HOSTS="timeline.example.org",
        DEBUG="false",
    )
    base.update(env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True, timeout=60)


def options(**env: str) -> dict[str, object]:
    result = run(PRINT_OPTIONS, **env)
    assert result.returncode == 0, result.stderr[-2000:]
    parsed: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


def test_it_gives_up_connecting_after_two_seconds_in_production() -> None:
    assert options(DJANGO_ENV="production")["connect_timeout"] == 2


def test_a_laptop_waits_longer_for_its_database() -> None:
    assert options(DJANGO_ENV="development")["connect_timeout"] == 5


def test_the_connect_timeout_can_be_set() -> None:
    assert options(DJANGO_ENV="production", DB_CONNECT_TIMEOUT="4")["connect_timeout"] == 4


def test_a_vanished_server_is_noticed_by_keepalives_and_the_tcp_user_timeout() -> None:
    found = options(DJANGO_ENV="production")
    assert found["keepalives"] == 1
    idle, interval, count = (int(str(found[k])) for k in ("keepalives_idle", "keepalives_interval", "keepalives_count"))
    assert idle + interval * count <= 30
    assert 0 < int(str(found["tcp_user_timeout"])) <= 10_000


def test_no_statement_timeout_unless_asked_for() -> None:
    # Celery workers and manage.py (migrations, backups) must not have their statements cancelled.
    assert "options" not in options(DJANGO_ENV="production")


def test_a_statement_timeout_reaches_the_server_as_a_session_setting() -> None:
    assert options(DB_STATEMENT_TIMEOUT_MS="1500")["options"] == "-c statement_timeout=1500"


@pytest.mark.parametrize("value", ["-1", "soon"])
def test_a_bad_statement_timeout_is_refused_with_a_clear_message(value: str) -> None:
    result = run(PRINT_OPTIONS, DB_STATEMENT_TIMEOUT_MS=value)
    assert result.returncode != 0
    assert "DB_STATEMENT_TIMEOUT_MS" in result.stderr


GUNICORN_ENV = (
    "import os, runpy; runpy.run_path('deploy/gunicorn.conf.py'); print(os.environ['DB_STATEMENT_TIMEOUT_MS'])"
)


def test_web_processes_get_a_statement_timeout_below_gunicorns_worker_timeout() -> None:
    result = run(GUNICORN_ENV, GUNICORN_TIMEOUT="30")
    assert result.returncode == 0, result.stderr[-2000:]
    assert 0 < int(result.stdout.strip()) < 30_000


def test_an_explicit_statement_timeout_wins_over_gunicorns_default() -> None:
    result = run(GUNICORN_ENV, DB_STATEMENT_TIMEOUT_MS="7000")
    assert result.stdout.strip() == "7000"


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="needs PostgreSQL (CI=true)")
def test_postgresql_cancels_a_statement_over_the_limit() -> None:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'timeline.settings'; django.setup()\n"
        "from django.db import OperationalError, connection\n"
        "try:\n"
        "    connection.cursor().execute('SELECT pg_sleep(5)')\n"
        "except OperationalError as error:\n"
        "    print('cancelled:', error)\n"
    )
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    result = run(code, DATABASE_URL=url, DB_STATEMENT_TIMEOUT_MS="300")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "cancelled: canceling statement due to statement timeout" in result.stdout


PRINT_CACHE = "import json; from timeline import settings; print(json.dumps(settings.CACHES['default']))"


def test_each_process_keeps_its_own_cache_unless_one_is_named() -> None:
    result = run(PRINT_CACHE, DJANGO_ENV="production")
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1])["BACKEND"].endswith("LocMemCache")


def test_a_redis_cache_url_shares_the_throttle_counts_between_processes() -> None:
    result = run(PRINT_CACHE, DJANGO_ENV="production", CACHE_URL="redis://cache.example.internal:6379/2")
    assert result.returncode == 0, result.stderr[-2000:]
    cache = json.loads(result.stdout.strip().splitlines()[-1])
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.example.internal:6379/2"


def test_a_cache_url_that_is_not_redis_is_refused_with_a_message() -> None:
    result = run(PRINT_CACHE, DJANGO_ENV="production", CACHE_URL="memcached://cache:11211")
    assert result.returncode != 0
    assert "CACHE_URL must be a redis://" in result.stderr


@pytest.mark.skipif(
    not os.environ.get("CI"), reason="needs Redis on 127.0.0.1:6379 (CI starts it; set CI=true to run here)"
)
def test_two_processes_count_one_client_together_through_redis() -> None:
    """A count kept in the cache (as the API's throttles keep theirs) sees both processes' increments."""
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'timeline.settings'); django.setup()\n"
        "from django.core.cache import cache\n"
        "cache.add('shared-count', 0); print(cache.incr('shared-count'))"
    )
    url = "redis://127.0.0.1:6379/13"
    env = {"CACHE_URL": url, "DJANGO_ENV": "development", "DEBUG": "true"}
    clear = run(
        "import redis; redis.Redis.from_url('" + url + "').flushdb()",
        **env,
    )
    assert clear.returncode == 0, clear.stderr[-2000:]
    counts = []
    for _ in range(2):
        result = run(code, **env)
        assert result.returncode == 0, result.stderr[-2000:]
        counts.append(int(result.stdout.strip().splitlines()[-1]))
    assert counts == [1, 2]
