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
- every event of the set has its line (for the whole set: as many lines as it has events, a count).

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
import inspect
import logging
from collections.abc import Collection, Iterator
from functools import cache
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

# The Python (not SQL) that makes part of a line: the date fields and display, and the text encoding.
_PYTHON_SOURCES = (record_sql._date_json, record_sql._date_key, dates, edtf_dates, json_format)


def _table() -> str:
    return str(connection.ops.quote_name(EventExportLine._meta.db_table))


@cache
def export_lines_fingerprint() -> str:
    """A digest of what makes a line: the builder's SQL (its columns, joins, the readers' rules and the
    PLOVER mapping among its parameters) and the source of the Python that writes dates and text.
    Lines stored under another digest were built by other code and are not served: a release that
    changes any of it needs ``manage.py export_lines_rebuild`` (until then exports are built per request)."""
    sql, params = _built_sql(events_published().filter(pk=0), filtered=True)
    digest = hashlib.sha256(sql.encode())
    for param in params:
        digest.update(b"\0" + str(param).encode())
    for source in _PYTHON_SOURCES:
        digest.update(inspect.getsource(source).encode())
    return digest.hexdigest()


def _built_sql(queryset: QuerySet[Event], *, filtered: bool) -> tuple[str, list[Any]]:
    """``(id, tail)`` of each event of the set as the builder makes it, finished as the client gets it
    (U+2028 and U+2029 escaped in the database, once, rather than searched for in every export)."""
    sql, params = record_sql.event_lines_sql(
        queryset, _NO_SITE, readable=readable_public(), filtered=filtered, tails=True
    )
    return f"SELECT b.id, {record_sql.finished_text('b.tail')} FROM ({sql}) AS b(id, tail)", params  # noqa: S608


def _finish_dates(cursor: Any, ids: list[int] | None) -> None:
    """The date fields a line could not look up when it was built (an event whose date changed between
    the builder's two reads, see ``record_sql.DATE_MISSING_SQL``), written now: rare, and found by index
    only among ``ids`` (all lines when None)."""
    table = _table()
    among = "" if ids is None else "event_id = ANY(%s::bigint[]) AND "
    cursor.execute(
        f"SELECT event_id, tail FROM {table} WHERE {among}strpos(tail, E'\\x03') > 0",  # noqa: S608
        [] if ids is None else [ids],
    )
    for event_id, tail in cursor.fetchall():
        cursor.execute(
            f"UPDATE {table} SET tail = %s WHERE event_id = %s",  # noqa: S608
            [record_sql.finished_line(tail), event_id],
        )


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
        cursor.execute(f"INSERT INTO {table} (event_id, tail) {sql}", params)
        _finish_dates(cursor, ids)


@transaction.atomic
def export_lines_rebuild() -> int:
    """Build every public event's line again and mark the rows as this code's; returns their number.

    The table is emptied by TRUNCATE (a DELETE would leave its old rows' space for VACUUM, doubling the
    table a COPY reads): writers that would refresh a line, and exports of the public, wait until it
    commits (about 90 s for a million events)."""
    if not record_sql.supported():
        return 0
    table = _table()
    sql, params = _built_sql(events_published(), filtered=False)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        cursor.execute(f"INSERT INTO {table} (event_id, tail) {sql}", params)
        count = cursor.rowcount
        _finish_dates(cursor, None)
    EventExportLinesState.objects.update_or_create(
        id=1, defaults={"fingerprint": export_lines_fingerprint(), "rebuilt_at": timezone.now()}
    )
    return count


def export_lines_current() -> bool:
    """Whether this code built the stored lines and there are as many as public events (cheap: the
    fingerprint and two counts, no line compared; see :func:`export_lines_differences` for that)."""
    fingerprint = EventExportLinesState.objects.filter(id=1).values_list("fingerprint", flat=True).first()
    return fingerprint == export_lines_fingerprint() and _complete(
        events_published(), filtered=False, count=events_published().count()
    )


def export_lines_differences() -> dict[str, int]:
    """How the stored lines differ from freshly built ones: rows ``missing`` (a public event without
    one), ``extra`` (no public event), ``stale`` (another line), and whether the code that built them
    is another (``other_code``, 0 or 1)."""
    table = _table()
    built, params = _built_sql(events_published(), filtered=False)
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


# A filtered set's ids, read once into one array: its lines are then found by the primary key's index
# in id order (as "IN (set)" PostgreSQL read the whole table and sorted what it kept: 2.4x the time
# for a tenth of a million events).
_SET = "export_line_set"


def _set_sql(queryset: QuerySet[Event]) -> tuple[str, list[Any]]:
    ids_sql, ids_params = queryset.order_by().values("id").query.sql_with_params()
    return f"WITH {_SET} AS MATERIALIZED (SELECT ARRAY({ids_sql}) AS ids) ", list(ids_params)


def _complete(queryset: QuerySet[Event], *, filtered: bool, count: int) -> bool:
    """Whether every event of the set (``count`` of them) has its line: for a filtered set, as many lines
    as events found by its ids; for the whole set, as many lines stored as it has events (the lines are
    written and removed with the events' changes, so a difference is a write that bypassed the log)."""
    table = _table()
    with connection.cursor() as cursor:
        if filtered:
            with_set, params = _set_sql(queryset)
            cursor.execute(
                f"{with_set}SELECT (SELECT count(*) FROM {table} l WHERE l.event_id = ANY(s.ids)) "  # noqa: S608
                f"FROM {_SET} s",
                params,
            )
        else:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        return bool(cursor.fetchone()[0] == count)


def export_lines_stored(
    queryset: QuerySet[Event],
    context: RenderContext,
    *,
    with_citations: bool,
    readable: Readable,
    filtered: bool,
    count: int,
) -> Iterator[bytes] | None:
    """The NDJSON lines of ``queryset`` (``count`` events) read from the stored rows, the bytes the
    builder would write; None when the rows cannot stand for it (see the module), the reason logged."""
    if not with_citations or readable is not readable_public() or not record_sql.supported():
        return None
    fingerprint = EventExportLinesState.objects.filter(id=1).values_list("fingerprint", flat=True).first()
    if fingerprint != export_lines_fingerprint():
        logger.warning("export lines built by other code (or never): built per request; run export_lines_rebuild")
        return None
    if not _complete(queryset, filtered=filtered, count=count):
        logger.warning("export lines missing for the set: built per request; run export_lines_rebuild")
        return None
    prefix, suffix = record_sql.url_parts(context)
    line = record_sql.line_from_tail_sql("l.event_id", "l.tail")
    table = _table()
    if filtered:
        with_set, set_params = _set_sql(queryset)
        sql = (
            f"{with_set}SELECT {line} FROM {table} l "  # noqa: S608
            f"WHERE l.event_id = ANY((SELECT s.ids FROM {_SET} s)::bigint[]) ORDER BY l.event_id"
        )
        return record_sql.copy_lines(sql, [*set_params, prefix, suffix], finished=True)
    # The whole set: the rows are exactly its events (checked above), read in the primary key's order.
    sql = f"SELECT {line} FROM {table} l ORDER BY l.event_id"  # noqa: S608
    return record_sql.copy_lines(sql, [prefix, suffix], finished=True)
