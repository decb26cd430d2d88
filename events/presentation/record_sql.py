"""The API's JSON of events built by PostgreSQL, for the bulk export: each line made in SQL, sent as bytes.

The export over :class:`~events.presentation.record.EventRecord` builds a record and a dict per event
and encodes it in Python; at a million events that, not the database, is the cost. Here one
``COPY (SELECT ...) TO STDOUT`` makes every line in the database and the rows arrive as the bytes the
client receives: nothing is decoded or encoded in Python, and the server holds one COPY buffer whatever
the size of the set.

It writes exactly what :func:`events.presentation.formats.json.event_json` and ``encode`` write, byte
for byte (``tests/api/test_export_sql.py`` compares the two on varied data), because it reads the same
rows: the events of :func:`~events.presentation.record.record_rows`, and the embeds of
:func:`~events.presentation.record.embed_reads` (actors, topics, relations, citations)
(the reader's :class:`~events.presentation.record.Readable` rules included), each compiled by Django and
read here as a subquery. Only the text is made in SQL:

- strings through ``to_json`` (PostgreSQL escapes exactly the characters Python's encoder escapes; the
  U+2028 and U+2029 that ``encode`` escapes for JavaScript are replaced on the whole line);
- a float as Python's ``repr`` writes it (both write the shortest text that reads back; Python adds
  ``.0`` to a whole number: the columns are bounded, so no exponent form arises);
- datetimes in UTC with ``Z``, microseconds only when there are some (``iso``);
- what Python computes, the PLOVER mapping and ``date_display``, comes from Python: the JSON of each
  event type's fields, and of each distinct (EDTF, week) of the set, joined as ``VALUES``.

Each embed is aggregated once for the whole set from a subquery sorted by event id and then by the
embed's own order, and merge-joined to the events by id: the aggregate reads its rows in that order, so
the arrays keep the order the Python path gives (PostgreSQL 15 would sort every group apart for an
``ORDER BY`` inside the aggregate, a third of the cost). A filtered set reads its own events' embeds
only: a small set (by the planner's estimate) through one array of its ids, found by index; a larger
one through a semi-join per embed.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

import psycopg
from django.db import connection
from django.db.models import BooleanField, Expression, F, QuerySet

from events.domain.vocabulary import EventStatus, EventType, ReviewState, plover_for
from events.models import Actor, Event, Place
from events.presentation.dates import human_date
from events.presentation.formats.base import RenderContext
from events.presentation.formats.json import encode
from events.presentation.record import (
    EMBED_EVENT_COLUMNS,
    RECORD_FIELDS,
    ActorRef,
    Readable,
    RelationRef,
    TopicRef,
    embed_reads,
    readable_public,
    record_rows,
)

# The columns of each read of embed_reads, as the subqueries below name them.
ACTOR_COLUMNS = ("event_id", *ActorRef._fields)
TOPIC_COLUMNS = ("event_id", *TopicRef._fields)
RELATION_COLUMNS = ("event_id", *RelationRef._fields)
CITATION_COLUMNS = (
    "event_id",
    "id",
    "quote",
    "start",
    "end",
    "time_text",
    "date_basis",
    "article_id",
    "url",
    "title",
    "published",
    "outlet",
    "outlet_domain",
)

_MARKER = 987654321987
CHUNK_BYTES = 256 * 1024

# COPY's binary format: each row is the line's bytes behind a head of six (a field count and the
# length), with nothing escaped or scanned on the way (the CSV format below, which looks at every byte
# of every line, cost 8% more of the database's CPU). Binary text is in the server's encoding, so a
# database not in UTF-8 gets CSV, converted to the client's UTF-8 as it goes out.
_COPY_BINARY = "(FORMAT binary)"
_BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # the signature, no flags, no header extension
_BINARY_ROW_HEAD = 6
# COPY's CSV format with a delimiter and a quote character that JSON text never holds raw (it escapes
# every control character), and no line ever holds a line break: each line is the JSON as SQL made it.
_COPY_CSV = "(FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')"


def supported() -> bool:
    """Whether the database can build the lines (PostgreSQL); elsewhere the records are rendered in Python."""
    return connection.vendor == "postgresql"


def _string(column: str) -> str:
    """A text column as a JSON string (``null`` when NULL)."""
    return f"COALESCE(to_json({column})::text, 'null')"


def _float(column: str) -> str:
    """A float column as Python's ``repr`` writes it: ``1.0``, not PostgreSQL's ``1``."""
    return (
        f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} = trunc({column}) "
        f"THEN {column}::text || '.0' ELSE {column}::text END"
    )


def _integer(column: str) -> str:
    return f"COALESCE({column}::text, 'null')"


def _moment(column: str) -> str:
    """A timestamptz as ``iso`` writes it: UTC, ``Z``, and ``.ffffff`` only when not zero."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    # In to_char's pattern \" is a double quote and "T" the letter T.
    day_time = '\\"YYYY-MM-DD"T"HH24:MI:SS'
    return (
        f"CASE WHEN {column} IS NULL THEN 'null' "
        f"WHEN date_trunc('second', {column}) = {column} THEN to_char({utc}, '{day_time}Z\\\"') "
        f"ELSE to_char({utc}, '{day_time}.USZ\\\"') END"
    )


def _object(fields: Sequence[tuple[str, str]], *, opened: bool = False) -> str:
    """SQL text concatenation making a JSON object of (key, SQL JSON text) pairs, in that order;
    ``opened``: the rest of an object whose first members come before (starting with a comma)."""
    parts = []
    for index, (key, value) in enumerate(fields):
        parts.append("'" + ("{" if index == 0 and not opened else ",") + encode(key) + ":'")
        parts.append(f"({value})")
    parts.append("'}'")
    return " || ".join(parts)


# Keeps a LATERAL subquery apart (not merged into the query around it), so that the JSON it makes is
# what PostgreSQL's Memoize caches, not just the row it is made from.
_KEEP = "OFFSET 0"


def _table(model: type[Any]) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _subquery(queryset: QuerySet[Any], columns: Sequence[str], alias: str) -> tuple[str, list[Any]]:
    """Django's compiled query as a subquery named ``alias`` with ``columns`` for its columns."""
    sql, params = queryset.query.sql_with_params()
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    return f"({sql}) AS {alias}({names})", list(params)


def _grouped(
    queryset: QuerySet[Any], columns: Sequence[str], alias: str, element: str, lateral: str = ""
) -> tuple[str, list[Any]]:
    """``(event_id, j)``: each event's elements as one JSON array, in the queryset's order.

    The queryset is ordered by event id first, then by the order of the elements. A subquery with an
    ORDER BY is not merged into the query around it, and grouping its rows as they come (a nested loop
    for ``lateral`` keeps the outer order) keeps that order within each array.
    """
    subquery, params = _subquery(queryset, columns, "x")
    sql = (
        f"(SELECT x.event_id, '[' || string_agg({element}, ',') || ']' AS j FROM {subquery} {lateral} "  # noqa: S608
        f"GROUP BY x.event_id) AS {alias}"
    )
    return sql, params


# The ids of a small filtered set, read once into one array by a CTE of the export's query (see _InSet).
_SET = "export_set"
# A filtered set is "small" below this share of all events (by the planner's estimates). Measured on
# 1,000,000 events: a tenth of them read through the array cost a fifth less database CPU than through
# a semi-join per embed; all of them, a third more (an index search per id and embed).
SMALL_SET_SHARE = 0.2


class _InSet(Expression):
    """``column = ANY(<the set's ids>)``: an embed's rows for a filtered set's events only.

    As ``column IN (subquery)`` PostgreSQL reads the whole embed table, hashes the set once per embed
    (four times in all) and sorts every matching row in full; against one array made once it finds the
    rows by index, which costs less while the set is small (see ``SMALL_SET_SHARE``).
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column: Any = F(column)

    def resolve_expression(self, *args: Any, **kwargs: Any) -> _InSet:
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(*args, **kwargs)
        return resolved

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, tuple[Any, ...]]:
        column, column_params = compiler.compile(self.column)
        # The column comes from the compiler, the CTE's name is this module's.
        return f"{column} = ANY((SELECT {_SET}.ids FROM {_SET})::bigint[])", tuple(column_params)  # noqa: S608


def _small_set(queryset: QuerySet[Event]) -> bool:
    """Whether PostgreSQL expects ``queryset`` to hold under ``SMALL_SET_SHARE`` of all events (no
    when the table has no statistics yet): planning only, the set is not read."""
    plan = json.loads(queryset.order_by().values("id").explain(format="json"))
    expected = plan[0]["Plan"]["Plan Rows"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Event._meta.db_table])
        row = cursor.fetchone()
    return bool(row) and expected < SMALL_SET_SHARE * row[0]


def _split(url_json: str) -> tuple[str, str]:
    prefix, suffix = url_json.split(str(_MARKER))
    return prefix, suffix


# An event's date fields ("date_edtf" to "date_display") are one piece of JSON per distinct
# (EDTF, week, bounds, precision), made in Python and looked up by this key: the bounds as days since
# 0001-01-01, then the precision, the week flag and the EDTF, apart by a character none of them holds.
DATE_KEY_SQL = (
    "((e.date_lower - DATE '0001-01-01') || E'\\x1f' || (e.date_upper - DATE '0001-01-01') || E'\\x1f' "
    "|| e.precision || E'\\x1f' || CASE WHEN e.date_is_week THEN 'w' ELSE 'd' END || e.date_edtf)"
)
# A date the set did not hold when the pieces were made (an event saved since): marked with characters
# JSON never holds raw, and made by :func:`_finished` as the line passes.
DATE_MISSING_SQL = f"E'\\x03' || {DATE_KEY_SQL} || E'\\x03'"
_DATE_MISSING = re.compile(rb"\x03([^\x03]*)\x03")


def _date_key(edtf: str, week: bool, lower: date, upper: date, precision: str) -> str:
    days = (lower - date.min).days, (upper - date.min).days
    return f"{days[0]}\x1f{days[1]}\x1f{precision}\x1f{'w' if week else 'd'}{edtf}"


def _date_json(edtf: str, week: bool, lower: date, upper: date, precision: str) -> str:
    """The date fields of :func:`events.presentation.formats.json.event_json`, from ``"date_edtf":``'s value on."""
    return (
        f'{encode(edtf)},"date_lower":{encode(lower.isoformat())},"date_upper":{encode(upper.isoformat())},'
        f'"precision":{encode(precision)},"date_is_week":{encode(week)},"date_display":{encode(human_date(edtf, week))}'
    )


def _date_missing_json(match: re.Match[bytes]) -> bytes:
    lower, upper, precision, rest = match[1].decode().split("\x1f", 3)
    return _date_json(
        rest[1:],
        rest[0] == "w",
        date.min + timedelta(days=int(lower)),
        date.min + timedelta(days=int(upper)),
        precision,
    ).encode()


def finished_text(tail_column: str) -> str:
    """SQL of a line's text (``tail_column``) with U+2028 and U+2029 escaped as ``encode`` escapes them
    (what :func:`_finished` does as the lines pass, done once in the database for stored lines)."""
    return f"replace(replace({tail_column}, U&'\\2028', '\\u2028'), U&'\\2029', '\\u2029')"


def finished_line(line: str) -> str:
    """One line as the client gets it (:func:`_finished` on its text)."""
    return _finished(line.encode()).decode()


def _finished(lines: bytes) -> bytes:
    """Whole lines as the client gets them: U+2028 and U+2029 escaped as ``encode`` does (their UTF-8
    bytes mean nothing else), and any date the query could not look up (see ``DATE_MISSING_SQL``)."""
    # A one-byte search is a memchr, several times faster than a search for three bytes: text without
    # the lead byte \xe2 (most text, and all ASCII text) is not searched again.
    if b"\xe2" in lines:
        if b"\xe2\x80\xa8" in lines:
            lines = lines.replace(b"\xe2\x80\xa8", b"\\u2028")
        if b"\xe2\x80\xa9" in lines:
            lines = lines.replace(b"\xe2\x80\xa9", b"\\u2029")
    if b"\x03" in lines:
        lines = _DATE_MISSING.sub(_date_missing_json, lines)
    return lines


@cache
def _kinds_json() -> str:
    """The JSON from ``"type"``'s value to ``"review_state"``'s of each (type, status, review state),
    by ``type,status,state`` (check constraints hold each column to its vocabulary). Made once per
    process: the stored lines refresh a few events per write, and this costs more than their query."""
    kinds = {
        f"{kind.value},{status.value},{state.value}": encode(kind.value)
        + ',"plover_category":{},"plover_mode":{}'.format(*map(encode, plover_for(kind.value)))
        + f',"status":{encode(status.value)},"review_state":{encode(state.value)}'
        for kind, status, state in itertools.product(EventType, EventStatus, ReviewState)
    }
    return json.dumps(kinds)


def event_lines_sql(
    queryset: QuerySet[Event],
    context: RenderContext,
    *,
    with_citations: bool = True,
    readable: Readable | None = None,
    filtered: bool = True,
    tails: bool = False,
) -> tuple[str, list[Any]]:
    """The query of the NDJSON lines of ``queryset`` (already filtered for the requester), by id.

    ``filtered=False`` says the set is all (or nearly all) the events the requester may read: a hint
    for speed only, the lines are the same either way.

    ``tails=True``: rows of ``(id, tail)`` instead, the tail being the line from ``,"title":`` to its
    closing brace without the line break, what :func:`line_from_tail_sql` completes; the only part of a
    line that depends on the request, the ``url``, is left out (what the stored lines of
    :mod:`api.export_lines` keep). A filtered set is then taken as small (no plan is asked for).
    """
    readable = readable or readable_public()
    events_sql, events_params = _subquery(
        record_rows(queryset.order_by("id")), [name.replace("__", "_") for name in RECORD_FIELDS], "e"
    )
    url_prefix, url_suffix = _split(encode(context.api_event_url(_MARKER)))

    # "type" with PLOVER's category and mode, status and review state (see _kinds_json), and the display
    # of each distinct (EDTF, week) of the set, made in Python and looked up by the query (a join would
    # undo the order by id of the merge joins).
    distinct_dates = (
        queryset.order_by().values_list("date_edtf", "date_is_week", "date_lower", "date_upper", "precision").distinct()
    )
    dates = {_date_key(*fields): _date_json(*fields) for fields in distinct_dates}
    lookups_params = [_kinds_json(), json.dumps(dates)]

    # A filtered set reads the embeds of its own events only (a semi-join on its ids, or for a small
    # set the array of its ids, see _InSet); the whole set reads every event's once, which costs less
    # than picking them out (an event not in the set gets no line: the joins below start from the set).
    reads = embed_reads(readable)
    small = filtered and (tails or _small_set(queryset))

    def of_set(index: int) -> QuerySet[Any]:
        rows, column = reads[index], EMBED_EVENT_COLUMNS[index]
        if small:
            return rows.filter(_InSet(column))
        return rows.filter(**{f"{column}__in": queryset.order_by().values("id")}) if filtered else rows

    # An actor's (with its role), a place's and an article's JSON is made once each and reused
    # (PostgreSQL memoises a nested loop's inner side by its key): a million events name a few
    # thousand of them.
    actor = _object(
        [
            ("id", "a.id::text"),
            ("name", _string("a.name")),
            ("kind", _string("a.kind")),
            ("country_code", _string("a.country_code")),
            ("wikidata_id", _string("a.wikidata_id")),
            ("role", _string("x.role")),
        ]
    )
    actors, actors_params = _grouped(
        of_set(0),
        ACTOR_COLUMNS,
        "actors",
        "actor.j",
        lateral=f"JOIN LATERAL (SELECT {actor} AS j FROM {_table(Actor)} a WHERE a.id = x.id {_KEEP}) actor ON true",  # noqa: S608
    )
    topics, topics_params = _grouped(
        of_set(1),
        TOPIC_COLUMNS,
        "topics",
        _object([("slug", _string("x.slug")), ("name", _string("x.name"))]),
    )
    related, related_params = _grouped(
        of_set(2),
        RELATION_COLUMNS,
        "related",
        _object([("kind", _string("x.kind")), ("event", "x.event::text")]),
    )
    joins = [
        f"LEFT JOIN {actors} ON actors.event_id = e.id",
        f"LEFT JOIN {topics} ON topics.event_id = e.id",
        f"LEFT JOIN {related} ON related.event_id = e.id",
    ]
    joins_params = [*actors_params, *topics_params, *related_params]
    if with_citations:
        article = _object(
            [
                ("id", "x.article_id::text"),
                ("url", _string("x.url")),
                ("title", _string("x.title")),
                ("published", _string("x.published")),
                ("outlet", _string("x.outlet")),
                ("outlet_domain", _string("x.outlet_domain")),
            ]
        )
        # Keyed by every column it reads, so PostgreSQL memoises it without reading the article again.
        article_lateral = f"JOIN LATERAL (SELECT {article} AS j {_KEEP}) article ON true"
        citation = _object(
            [
                ("id", "x.id::text"),
                ("event", "x.event_id::text"),
                ("quote", _string("x.quote")),
                ("start", "x.start::text"),
                ("end", 'x."end"::text'),
                ("time_text", _string("x.time_text")),
                ("date_basis", _string("x.date_basis")),
                ("article", "article.j"),
            ]
        )
        citations, citations_params = _grouped(
            of_set(3),
            CITATION_COLUMNS,
            "citations",
            citation,
            lateral=article_lateral,
        )
        joins.append(f"LEFT JOIN {citations} ON citations.event_id = e.id")
        joins_params += citations_params
        citations_value = "COALESCE(citations.j, '[]')"
        citations_value_params: list[Any] = []
    else:
        link_prefix, link_suffix = _split(encode(context.api_citations_url(_MARKER)))
        citations_value = "%s || e.id || %s"
        citations_value_params = [link_prefix, link_suffix]

    place = _object(
        [
            ("id", "p.id::text"),
            ("name", _string("p.name")),
            ("kind", _string("p.kind")),
            ("country_code", _string("p.country_code")),
            ("latitude", _float("p.latitude")),
            ("longitude", _float("p.longitude")),
            ("geonames_id", _integer("p.geonames_id")),
        ]
    )
    joins.insert(
        0,
        f"LEFT JOIN LATERAL (SELECT {place} AS j FROM {_table(Place)} p WHERE p.id = e.place_id {_KEEP}) place ON true",  # noqa: S608
    )
    head = [("id", "e.id::text"), ("url", "%s || e.id || %s")]
    fields = [
        ("title", _string("e.title")),
        ("summary", _string("e.summary")),
        # with "plover_category", "plover_mode", "status" and "review_state" after it (see ``kinds``)
        ("type", "%s::jsonb ->> (e.event_type || ',' || e.status || ',' || e.review_state)"),
        # through "date_display" (see DATE_KEY_SQL)
        ("date_edtf", f"COALESCE(%s::jsonb ->> {DATE_KEY_SQL}, {DATE_MISSING_SQL})"),
        ("confidence", _float("e.confidence")),
        ("place", "COALESCE(place.j, 'null')"),
        ("actors", "COALESCE(actors.j, '[]')"),
        ("topics", "COALESCE(topics.j, '[]')"),
        ("related", "COALESCE(related.j, '[]')"),
        ("citations", citations_value),
        ("created_at", _moment("e.created_at")),
        ("updated_at", _moment("e.updated_at")),
    ]
    selected = f"e.id, {_object(fields, opened=True)}" if tails else _object([*head, *fields])
    url_params = [] if tails else [url_prefix, url_suffix]
    # Every value is a parameter; the tables and columns come from the models and Django's compiled queries.
    sql = f"SELECT {selected} FROM {events_sql} " + " ".join(joins) + " ORDER BY e.id"  # noqa: S608
    set_params: list[Any] = []
    if small:
        set_sql, set_params = _subquery(queryset.order_by().values("id"), ["id"], "s")
        sql = f"WITH {_SET} AS MATERIALIZED (SELECT ARRAY(SELECT s.id FROM {set_sql}) AS ids) {sql}"  # noqa: S608
    # Parameters in the order their placeholders appear: the set's ids, the line, then the FROM list.
    params = [
        *set_params,
        *url_params,
        *lookups_params,
        *citations_value_params,
        *events_params,
        *joins_params,
    ]
    return sql, params


def _binary(raw: Any) -> bool:
    """Whether the COPY can be binary: the server's text is UTF-8, what the client receives."""
    return bool(raw.info.parameter_status("server_encoding") == "UTF8")


def _copy_statement(raw: Any, sql: str, params: list[Any]) -> bytes:
    """The COPY of ``sql`` as bytes. COPY takes no bind parameters, so psycopg quotes them into the
    statement on the client side; the parameters and the text are let go once it is made."""
    text = psycopg.ClientCursor(raw).mogrify(sql, params)
    del sql, params[:]
    return f"COPY ({text}) TO STDOUT {_COPY_BINARY if _binary(raw) else _COPY_CSV}".encode()


Buffer = bytes | bytearray | memoryview


def _binary_lines(rows: Iterator[Buffer]) -> Iterator[Buffer]:
    """The line of each row of a binary COPY of one text column: the file's header (sent with the first
    row) and each row's head go; the trailer (two bytes, shorter than any row) is left out."""
    first = next(rows, None)
    if first is None:
        return
    if bytes(first[: len(_BINARY_HEADER)]) != _BINARY_HEADER:
        raise psycopg.DataError("the export's COPY did not start with PostgreSQL's binary header")
    for row in itertools.chain((first[len(_BINARY_HEADER) :],), rows):
        if len(row) >= _BINARY_ROW_HEAD:
            yield row[_BINARY_ROW_HEAD:]


def url_parts(context: RenderContext) -> tuple[str, str]:
    """The JSON text of an event's ``url`` before and after its id (the two parameters of
    :func:`line_from_tail_sql`)."""
    return _split(encode(context.api_event_url(_MARKER)))


def line_from_tail_sql(id_column: str, tail_column: str) -> str:
    """SQL making a whole line from a tail (see ``event_lines_sql``'s ``tails``): the ``id`` and the
    ``url`` (two parameters, :func:`url_parts`) put in front of it."""
    return f"""'{{"id":' || {id_column} || ',"url":' || %s || {id_column} || %s || {tail_column}"""


def event_lines(
    queryset: QuerySet[Event],
    context: RenderContext,
    *,
    with_citations: bool = True,
    readable: Readable | None = None,
    filtered: bool = True,
) -> Iterator[bytes]:
    """NDJSON lines of ``queryset`` as PostgreSQL writes them, in chunks of bytes (see the module)."""
    yield from copy_lines(
        *event_lines_sql(queryset, context, with_citations=with_citations, readable=readable, filtered=filtered)
    )


def copy_lines(sql: str, params: list[Any], *, finished: bool = False) -> Iterator[bytes]:
    """The rows of ``sql`` (one text column, each a line without its line break) streamed by one COPY,
    as whole lines in chunks of bytes; ``params`` is emptied once the statement is made. ``finished``:
    the rows are already as the client gets them (see :func:`finished_text`), not searched again."""
    finish = (lambda lines: lines) if finished else _finished
    connection.ensure_connection()
    raw = connection.connection
    statement = _copy_statement(raw, sql, params)
    del sql
    binary = _binary(raw)
    with raw.cursor() as cursor:
        # JIT-compiling this many expressions costs more than it saves (half of a 57,000-event export),
        # and parallel workers cost more CPU in all than they save (each citation row, article and all,
        # crosses a queue): the export runs on one core. And the one statement lasts as long as the
        # client takes to read the set (the COPY waits for it), so the web processes' statement timeout
        # (DB_STATEMENT_TIMEOUT_MS, meant for a stuck query) would cut every large export short.
        cursor.execute("SET jit = off")
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        cursor.execute("SET statement_timeout = 0")
        try:
            with cursor.copy(statement) as copy:
                del statement  # the date lookups make it a few MB: not held while the lines stream
                # psycopg hands over one row at a time: joined into writes of about CHUNK_BYTES. A
                # binary row is the line alone; a CSV row ends with its line break.
                lines, end = (_binary_lines(iter(copy)), b"\n") if binary else (iter(copy), b"")
                parts: list[Buffer] = []
                size = 0
                for line in lines:
                    parts.append(line)
                    size += len(line)
                    if size >= CHUNK_BYTES:
                        parts.append(b"")  # so that the join ends with a line break too
                        yield finish(end.join(parts))
                        parts, size = [], 0
                if parts:
                    parts.append(b"")
                    yield finish(end.join(parts))
        finally:
            cursor.execute("RESET jit")
            cursor.execute("RESET max_parallel_workers_per_gather")
            cursor.execute("RESET statement_timeout")
