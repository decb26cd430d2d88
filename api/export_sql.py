"""The bulk export built by PostgreSQL: each event's JSON made in SQL, streamed with ``COPY``.

The Python path (:class:`api.event_representation.EventRepresentation` over keyset chunks) builds a
dict per event and encodes it; at a million events that, not the database, was the cost (7.4k
events/s). Here one ``COPY (SELECT json_build_object(...) ...) TO STDOUT`` makes every line in the
database, the embeds through ``LATERAL`` subqueries on their indexes, and the rows arrive as bytes that
go to the client as they are: the server holds one ``COPY`` buffer, whatever the size of the set.

It produces exactly what the Python path produces (a test compares the two, event by event, with
every embed kind and both citation modes). Two values are not SQL's to compute: the PLOVER mapping
(a Python table) and ``date_display`` (the EDTF formatter); both are computed in Python for the
distinct values the set holds and handed to the query as a ``VALUES`` list.

CSV exports and SQLite keep the Python path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
from django.db import connection
from django.db.models import QuerySet

from api.event_representation import _date_display
from events.extraction.vocabulary import EVENT_TYPES
from events.models import (
    Actor,
    Article,
    Citation,
    Event,
    EventActor,
    EventRelation,
    Place,
    Source,
    Topic,
    TopicMembership,
)

# COPY's CSV format with a delimiter and a quote character that JSON text never holds raw (JSON escapes
# every control character), so each line is the JSON exactly as PostgreSQL wrote it.
_COPY_OPTIONS = "(FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')"


def _iso_moment(column: str) -> str:
    # As Python's isoformat() of a UTC datetime, with DRF's Z: microseconds only when there are some.
    # (%% because the statement goes through psycopg's parameter formatting.)
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || "
        f"CASE WHEN extract(microseconds FROM {utc})::bigint %% 1000000 = 0 THEN '' "
        f"ELSE to_char({utc}, '.US') END || 'Z'"
    )


def _table(model: type[Any]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def export_supported(*, as_csv: bool) -> bool:
    return connection.vendor == "postgresql" and not as_csv


def export_ndjson_sql(queryset: QuerySet[Event], *, event_url: str, embed_citations: bool) -> Iterator[bytes]:
    """NDJSON lines of the events of ``queryset`` (already filtered for the requester), in id order.

    ``event_url`` is the absolute URL of event ``0``, as for :class:`EventRepresentation`.
    """
    prefix, suffix = event_url.rsplit("0", 1)
    citations_url = event_url.replace("/events/0/", "/citations/") + "?event="
    ids_sql, ids_params = queryset.order_by().values("id").query.sql_with_params()
    e = "e"
    displays = list(
        {(edtf, week) for edtf, week in queryset.order_by().values_list("date_edtf", "date_is_week").distinct()}
    )
    display_rows = [(edtf, week, _date_display(edtf, week)) for edtf, week in displays] or [("", False, "")]
    plover_rows = [(str(kind), info.plover_category, info.plover_mode) for kind, info in EVENT_TYPES.items()]
    values_display = ", ".join(["(%s, %s, %s)"] * len(display_rows))
    values_plover = ", ".join(["(%s, %s, %s)"] * len(plover_rows))
    if embed_citations:
        citations = f"""COALESCE((
            SELECT json_agg(json_build_object(
                'id', c.id, 'event', c.event_id, 'quote', c.quote, 'start', c.start, 'end', c."end",
                'time_text', c.time_text,
                'article', json_build_object(
                    'id', a.id, 'url', a.url, 'title', a.title, 'published', to_char(a.published, 'YYYY-MM-DD'),
                    'outlet', s.name, 'outlet_domain', s.domain)
            ) ORDER BY a.published, c.start, c.id)
            FROM {_table(Citation)} c
            JOIN {_table(Article)} a ON a.id = c.article_id
            LEFT JOIN {_table(Source)} s ON s.id = a.source_id
            WHERE c.event_id = {e}.id), '[]'::json)"""  # noqa: S608 (table names from the models)
        citations_params: list[Any] = []
    else:
        citations = "%s || " + f"{e}.id"
        citations_params = [citations_url]
    # Table names come from the models and every value is a bound parameter.
    sql = f"""
        WITH display(edtf, week, text) AS (VALUES {values_display}),
             plover(kind, category, mode) AS (VALUES {values_plover})
        SELECT json_build_object(
            'id', {e}.id,
            'url', %s || {e}.id || %s,
            'title', {e}.title,
            'summary', {e}.summary,
            'type', {e}.event_type,
            'plover_category', COALESCE(plover.category, ''),
            'plover_mode', COALESCE(plover.mode, ''),
            'status', {e}.status,
            'review_state', {e}.review_state,
            'date_edtf', {e}.date_edtf,
            'date_lower', to_char({e}.date_lower, 'YYYY-MM-DD'),
            'date_upper', to_char({e}.date_upper, 'YYYY-MM-DD'),
            'precision', {e}.precision,
            'date_is_week', {e}.date_is_week,
            'date_display', COALESCE(display.text, {e}.date_edtf),
            'confidence', {e}.confidence,
            'place', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
                'id', p.id, 'name', p.name, 'kind', p.kind, 'country_code', p.country_code,
                'latitude', p.latitude, 'longitude', p.longitude, 'geonames_id', p.geonames_id) END,
            'actors', COALESCE((
                SELECT json_agg(json_build_object(
                    'id', ac.id, 'name', ac.name, 'kind', ac.kind, 'country_code', ac.country_code,
                    'wikidata_id', ac.wikidata_id, 'role', ea.role
                ) ORDER BY ea.role, ac.name, ea.id)
                FROM {_table(EventActor)} ea JOIN {_table(Actor)} ac ON ac.id = ea.actor_id
                WHERE ea.event_id = {e}.id), '[]'::json),
            'topics', COALESCE((
                SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.slug)
                FROM {_table(TopicMembership)} tm JOIN {_table(Topic)} t ON t.id = tm.topic_id
                WHERE tm.event_id = {e}.id AND t.is_published), '[]'::json),
            'related', COALESCE((
                SELECT json_agg(json_build_object('kind', r.kind, 'event', r.to_event_id) ORDER BY r.id)
                FROM {_table(EventRelation)} r WHERE r.from_event_id = {e}.id), '[]'::json),
            'citations', {citations},
            'created_at', {_iso_moment(f"{e}.created_at")},
            'updated_at', {_iso_moment(f"{e}.updated_at")}
        )
        FROM {_table(Event)} {e}
        LEFT JOIN {_table(Place)} p ON p.id = {e}.place_id
        LEFT JOIN display ON display.edtf = {e}.date_edtf AND display.week = {e}.date_is_week
        LEFT JOIN plover ON plover.kind = {e}.event_type
        WHERE {e}.id IN ({ids_sql})
        ORDER BY {e}.id
    """  # noqa: S608
    params: list[Any] = [
        *(value for row in display_rows for value in row),
        *(value for row in plover_rows for value in row),
        prefix,
        suffix,
        *citations_params,
        *ids_params,
    ]
    connection.ensure_connection()
    raw = connection.connection
    # COPY takes no bind parameters: psycopg quotes them into the statement on the client side.
    statement = psycopg.ClientCursor(raw).mogrify(sql, params)
    with raw.cursor() as cursor:
        # JIT-compiling this many expressions took half the time of a 57,000-event export (5.6 of 11.7 s).
        cursor.execute("SET jit = off")
        try:
            with cursor.copy(f"COPY ({statement}) TO STDOUT {_COPY_OPTIONS}") as copy:
                for chunk in copy:
                    yield bytes(chunk)
        finally:
            cursor.execute("RESET jit")
