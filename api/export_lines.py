"""The bulk export's lines kept ready, one row per public event, so that an export is a COPY of rows.

Building a line costs PostgreSQL about 15 µs per event (some fifty JSON calls and join lookups, see
:mod:`events.presentation.record_sql`); reading a stored one costs what the bare COPY of a table does.
The rows are kept by the one path every write that changes what the API shows already takes: the
change log (:func:`api.changelog.event_changes_record`) calls :func:`export_lines_refresh` for the
events it logs, in the writing transaction, so a line commits with the write that changed it (events
whose place, actors, topics, citations, articles or outlets changed included: the log reaches them).
A row holds the line from ``,"title":`` on (its ``tail``); the ``id`` and the ``url``, which names the
requester's site, are put in front as it is read (:func:`events.presentation.record_sql.line_from_tail_sql`).

The SQL builder stays the reference: the rows are its output, and they are served only when

- the requester reads what the public reads (the rows are the anonymous reader's lines, citations
  embedded);
- the code that built them is this code (:func:`export_lines_fingerprint`, checked against the state
  row that :func:`export_lines_rebuild` writes); and
- every event of the set has its row, and, for the whole set, no other row is there (two counts).

Otherwise the export is built as before, and the reason is logged. A write that bypasses the change
log (raw SQL, a replica-mode COPY such as ``bench/generate_events.py``) leaves rows stale exactly as it
leaves the feed stale; ``manage.py export_lines_rebuild`` builds them all again (``--check`` compares).

Concurrent writers: each transaction changes its data first and then locks its events' rows (an
``INSERT ... ON CONFLICT DO UPDATE`` of placeholders, in id order) before it builds their lines in a
statement of its own. Under READ COMMITTED that statement sees every transaction that held the lock
before it, so the last to build an event's line sees every write to it: no line is left with a state
one writer's snapshot missed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from api.models import EventExportLine, EventExportLinesState
from events.domain import edtf_dates
from events.models import Event
from events.presentation import dates, record_sql
from events.presentation.formats import json as json_format
from events.presentation.formats.base import RenderContext
from events.presentation.record import Readable, readable_public
from events.selectors import events_published

logger = logging.getLogger(__name__)

# The lines are stored without a site: the url is put in front as they are read.
_NO_SITE = RenderContext(site="")

# The modules whose Python (not SQL) makes part of a line: the date display and the text encoding.
_PYTHON_SOURCES = (record_sql, dates, edtf_dates, json_format)


def _table() -> str:
    return str(connection.ops.quote_name(EventExportLine._meta.db_table))


@cache
def export_lines_fingerprint() -> str:
    """A digest of what makes a line: the builder's SQL (its columns, joins, the readers' rules and the
    PLOVER mapping among its parameters) and the source of the Python that writes dates and text.
    Lines stored under another digest were built by other code and are not served."""
    sql, params = record_sql.event_lines_sql(
        events_published().filter(pk=0), _NO_SITE, readable=readable_public(), tails=True
    )
    digest = hashlib.sha256(sql.encode())
    for param in params:
        digest.update(b"\0" + str(param).encode())
    for module in _PYTHON_SOURCES:
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()


def _built_sql(queryset: QuerySet[Event], *, filtered: bool) -> tuple[str, list[Any]]:
    sql, params = record_sql.event_lines_sql(
        queryset, _NO_SITE, readable=readable_public(), filtered=filtered, tails=True
    )
    return f"INSERT INTO {_table()} (event_id, tail) {sql}", params


def export_lines_refresh(event_ids: Collection[int]) -> None:
    """Build again the lines of these events, in the caller's transaction (PostgreSQL only): a row for
    each that is public now, none for the others."""
    ids = sorted(set(event_ids))
    if not ids or not record_sql.supported():
        return
    table = _table()
    sql, params = _built_sql(events_published().filter(pk__in=ids), filtered=True)
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        # The lock (see the module): existing rows locked, missing ones held by a placeholder, in id order.
        cursor.execute(
            f"INSERT INTO {table} (event_id, tail) SELECT unnest(%s::bigint[]), '' "
            f"ON CONFLICT (event_id) DO UPDATE SET tail = ''",
            [ids],
        )
        cursor.execute(f"DELETE FROM {table} WHERE event_id = ANY(%s::bigint[])", [ids])  # noqa: S608
        cursor.execute(sql, params)


@transaction.atomic
def export_lines_rebuild() -> int:
    """Build every public event's line again and mark the rows as this code's; returns their number.

    Writers that would refresh a line wait until it commits (the table is locked against writes,
    exports read on)."""
    if not record_sql.supported():
        return 0
    table = _table()
    sql, params = _built_sql(events_published(), filtered=False)
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        cursor.execute(sql, params)
        count = cursor.rowcount
    EventExportLinesState.objects.update_or_create(
        id=1, defaults={"fingerprint": export_lines_fingerprint(), "rebuilt_at": timezone.now()}
    )
    return count


def export_lines_differences() -> dict[str, int]:
    """How the stored lines differ from freshly built ones: rows ``missing`` (a public event without
    one), ``extra`` (no public event), ``stale`` (another line), and whether the code that built them
    is another (``other_code``, 0 or 1)."""
    table = _table()
    built, params = record_sql.event_lines_sql(
        events_published(), _NO_SITE, readable=readable_public(), filtered=False, tails=True
    )
    fingerprint = EventExportLinesState.objects.filter(id=1).values_list("fingerprint", flat=True).first()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FILTER (WHERE s.event_id IS NULL), count(*) FILTER (WHERE b.id IS NULL), "  # noqa: S608
            f"count(*) FILTER (WHERE s.tail <> b.tail) "
            f"FROM ({built}) AS b(id, tail) FULL JOIN {table} s ON s.event_id = b.id",
            params,
        )
        missing, extra, stale = cursor.fetchone()
    return {
        "missing": missing,
        "extra": extra,
        "stale": stale,
        "other_code": int(fingerprint != export_lines_fingerprint()),
    }


def _complete(queryset: QuerySet[Event], *, filtered: bool) -> bool:
    """Whether every event of the set has its line and, for the whole set, no other line is stored."""
    table = _table()
    ids_sql, ids_params = queryset.order_by().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), count(l.event_id) FROM ({ids_sql}) AS s(id) "  # noqa: S608
            f"LEFT JOIN {table} l ON l.event_id = s.id",
            ids_params,
        )
        in_set, stored = cursor.fetchone()
        if in_set != stored:
            return False
        if filtered:
            return True
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        return bool(cursor.fetchone()[0] == in_set)


def export_lines_stored(
    queryset: QuerySet[Event], context: RenderContext, *, with_citations: bool, readable: Readable, filtered: bool
) -> Iterator[bytes] | None:
    """The NDJSON lines of ``queryset`` read from the stored rows, the bytes the builder would write;
    None when the rows cannot stand for it (see the module), the reason logged."""
    if not with_citations or readable is not readable_public() or not record_sql.supported():
        return None
    fingerprint = EventExportLinesState.objects.filter(id=1).values_list("fingerprint", flat=True).first()
    if fingerprint != export_lines_fingerprint():
        logger.warning("export lines built by other code (or never): built per request; run export_lines_rebuild")
        return None
    if not _complete(queryset, filtered=filtered):
        logger.warning("export lines missing for the set: built per request; run export_lines_rebuild")
        return None
    prefix, suffix = record_sql.url_parts(context)
    line = record_sql.line_from_tail_sql("l.event_id", "l.tail")
    table = _table()
    if filtered:
        ids_sql, ids_params = queryset.order_by().values("id").query.sql_with_params()
        sql = f"SELECT {line} FROM {table} l WHERE l.event_id IN ({ids_sql}) ORDER BY l.event_id"  # noqa: S608
        return record_sql.copy_lines(sql, [prefix, suffix, *ids_params])
    # The whole set: the rows are exactly its events (checked above), read in the primary key's order.
    sql = f"SELECT {line} FROM {table} l ORDER BY l.event_id"  # noqa: S608
    return record_sql.copy_lines(sql, [prefix, suffix])
