"""/healthz answers without the database; /readyz answers 503 when the database or the broker is down."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from django.test import Client, override_settings

from timeline import health

pytestmark = pytest.mark.django_db


def test_healthz_touches_nothing(client: Client, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ok_with_database_and_broker(client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["database"]["ok"] is True
    assert response.json()["checks"]["broker"]["ok"] is True


@pytest.fixture
def broken_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database alias that cannot be opened, checked by /readyz instead of the real one."""
    alias = "broken"
    config = dict(connections["default"].settings_dict)
    if config["ENGINE"].endswith("sqlite3"):
        config.update(NAME=str(tmp_path / "no-such-dir" / "db.sqlite3"), OPTIONS={"timeout": 1})
    else:
        config.update(PORT="1", OPTIONS={"connect_timeout": 1})  # nothing listens on port 1
    connections.settings[alias] = config
    monkeypatch.setattr(health, "DATABASE_ALIAS", alias)
    yield alias
    connections[alias].close()
    del connections.settings[alias]
    delattr(connections._connections, alias)


def test_readyz_is_503_when_the_database_is_unreachable(client: Client, broken_database: str) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["broker"]["ok"] is True
    assert response["Retry-After"] == "5"


@override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0", READY_TIMEOUT_SECONDS=1.0)
def test_readyz_is_503_fast_when_the_broker_is_unreachable(client: Client) -> None:
    started = time.monotonic()
    response = client.get("/readyz")
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == {
        "ok": False,
        "seconds": response.json()["checks"]["broker"]["seconds"],
        "error": "OperationalError",
    }
    assert response.json()["checks"]["database"]["ok"] is True


def test_healthz_stays_ok_when_the_database_is_down(client: Client, broken_database: str) -> None:
    assert client.get("/healthz").status_code == 200


def test_readyz_says_which_check_failed_but_not_why(client: Client, broken_database: str) -> None:
    body = client.get("/readyz").content.decode()
    assert "no-such-dir" not in body and "port" not in body.lower()
