"""Patches applied when Django starts in a test's subprocess, chosen by environment variables.

- ``TEST_FETCH_LOOPBACK=true``: the fetcher may reach loopback HTTP servers on any port (the tests'
  pages are served on 127.0.0.1 at an ephemeral port; production allows public hosts on 80/443 only).
- ``TEST_STORE_DELAY_SECONDS=N``: the store transaction waits N seconds after writing everything and
  before committing, and logs a line naming the process, so a kill test can SIGKILL the worker at the
  worst moment instead of sleeping blindly.

In the test process itself neither is set; fixtures monkeypatch the same functions instead.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from django.apps import AppConfig

log = logging.getLogger(__name__)


def loopback_fetch_policy() -> Any:
    """The fetch policy of the tests: loopback and every port allowed."""
    from django.conf import settings

    from events.ingestion.fetch import FetchPolicy

    return FetchPolicy(
        allow_loopback=True,
        allowed_ports=frozenset(range(1, 65536)),
        deadline_seconds=float(settings.INGEST_FETCH_DEADLINE_SECONDS),
    )


def _delay_store(seconds: float) -> None:
    from django.db import transaction

    from events.services import articles_store

    inner = articles_store._store.__wrapped__  # the function under its @transaction.atomic

    @transaction.atomic
    def store_then_wait(claim: Any, *args: Any, **kwargs: Any) -> str:
        result = inner(claim, *args, **kwargs)
        log.warning("article %s: test delay %.1f s before commit in pid %d", claim.article_id, seconds, os.getpid())
        time.sleep(seconds)
        return str(result)

    articles_store._store = store_then_wait


class TestHooksConfig(AppConfig):
    name = "tests.hooks"
    label = "test_hooks"

    def ready(self) -> None:
        from events.services import pipeline_config

        if os.environ.get("TEST_FETCH_LOOPBACK") == "true":
            pipeline_config.fetch_policy = loopback_fetch_policy
        delay = float(os.environ.get("TEST_STORE_DELAY_SECONDS") or 0)
        if delay > 0:
            _delay_store(delay)
