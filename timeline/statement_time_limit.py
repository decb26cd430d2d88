"""A time limit on each SQL statement of a web request, on SQLite as on PostgreSQL.

PostgreSQL enforces ``DB_STATEMENT_TIMEOUT_MS`` itself (``statement_timeout``, set on the connection
by :func:`timeline.settings._postgresql_time_limits`). SQLite has no such setting, so a statement that
runs away (the probe of issue 18 found a search that read for minutes) held a web worker until it
finished. Here SQLite gets the same limit through its progress handler: every few thousand virtual
machine steps it asks whether the statement has run past its deadline and, if so, SQLite interrupts
it (``OperationalError: interrupted``). Either way the request ends as a 503 (timeline.health's
handler500) and the worker lives to serve the next request.

Only processes that set ``DB_STATEMENT_TIMEOUT_MS`` get a limit: deploy/gunicorn.conf.py sets it for
the web workers; Celery workers and ``manage.py`` (migrations, backups) keep none.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

# The handler runs every this many SQLite virtual-machine instructions: often enough to stop within
# milliseconds of the deadline, rarely enough to cost nothing measurable.
PROGRESS_STEPS = 10_000


class _StatementDeadline:
    """The deadline of the statement running on one SQLite connection (0: none is running)."""

    def __init__(self, limit_seconds: float) -> None:
        self.limit = limit_seconds
        self.deadline = 0.0

    def past(self) -> int:
        """SQLite's progress handler: non-zero interrupts the statement."""
        return int(self.deadline != 0.0 and time.monotonic() > self.deadline)

    def wrap(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        # Rows a SELECT yields are stepped while they are fetched, after execute returns; the deadline
        # stays set until the next statement starts, so the fetch counts towards its statement.
        self.deadline = time.monotonic() + self.limit
        return execute(sql, params, many, context)


def _install(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    from django.conf import settings

    limit_ms = getattr(settings, "DB_STATEMENT_TIMEOUT_MS", 0)
    if connection.vendor != "sqlite" or not limit_ms:
        return
    # One deadline per connection wrapper: Django opens a new SQLite connection on the same wrapper for
    # each request (CONN_MAX_AGE 0), and the wrapper's list of execute wrappers must not grow each time.
    deadline = getattr(connection, "statement_deadline", None)
    if deadline is None:
        deadline = _StatementDeadline(limit_ms / 1000)
        connection.statement_deadline = deadline  # type: ignore[attr-defined]
        connection.execute_wrappers.append(deadline.wrap)
    connection.connection.set_progress_handler(deadline.past, PROGRESS_STEPS)


def connect() -> None:
    """Give each new SQLite connection the statement time limit (called once, from the app config)."""
    connection_created.connect(_install, dispatch_uid="timeline-statement-time-limit")
