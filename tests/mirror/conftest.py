"""Fixtures for the mirror tests: a live API, a target database (SQLite file or PostgreSQL), helpers.

The PostgreSQL target is a fresh database on the server named by ``MIRROR_TEST_POSTGRES_URL`` or, when
it is PostgreSQL, ``DATABASE_URL``; without either it is skipped on a laptop, and in CI it is the server
CI starts on 127.0.0.1:5432.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from mirror.database import engine_for
from mirror.read import mirror_events
from tests.api.conftest import make_event  # noqa: F401  (the same published events as the API tests)
from tests.conftest import IN_CI

# CI starts PostgreSQL on this address for both of its runs; the SQLite run mirrors into it too.
CI_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _postgres_server_url() -> str | None:
    url = os.environ.get("MIRROR_TEST_POSTGRES_URL") or os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    return CI_POSTGRES_URL if IN_CI else None


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def target_db(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A URL of an empty database for the mirror to write to."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'mirror.db'}"
        return
    server = _postgres_server_url()
    if server is None:
        if IN_CI:
            pytest.fail("CI=true but no PostgreSQL for the mirror target (DATABASE_URL or MIRROR_TEST_POSTGRES_URL)")
        pytest.skip("no PostgreSQL for the mirror target (set MIRROR_TEST_POSTGRES_URL or DATABASE_URL)")
    name = f"mirror_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(str(engine_for(server).url.set(database="postgres")), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield engine_for(server).url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(autouse=True)
def _unthrottled(settings: Any) -> None:
    """A sync makes many requests in a few seconds from one address; the API's per-IP rate would answer
    429 partway through a property test (the counts live in the process's cache across tests)."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"client_ip": None, "token": None, "submit": None, "token_failures": None},
    }


@pytest.fixture
def api_url(live_server: Any) -> str:
    return f"{live_server.url}/api/v1/"


def api_export(api_url: str, **params: str) -> list[dict[str, Any]]:
    """The API's full bulk export, as the source of truth the mirror must equal."""
    response = httpx.get(f"{api_url}events/export/", params=params, timeout=60)
    response.raise_for_status()
    return [json.loads(line) for line in response.text.splitlines() if line]


def mirrored(db_url: str) -> list[dict[str, Any]]:
    engine = engine_for(db_url)
    try:
        with engine.connect() as connection:
            return list(mirror_events(connection))
    finally:
        engine.dispose()


@pytest.fixture
def assert_mirror_equal(api_url: str) -> Callable[..., None]:
    def check(db_url: str, **params: str) -> None:
        source, copy = api_export(api_url, **params), mirrored(db_url)
        assert [e["id"] for e in copy] == [e["id"] for e in source]
        for expected, actual in zip(source, copy, strict=True):
            assert actual == expected

    return check
