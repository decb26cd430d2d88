"""Database rules that a check constraint cannot express, installed as triggers.

``citation_offsets_inside_text``: a citation's span lies inside its article's clean text. A check
constraint cannot read another table, so this is a trigger on both supported engines; it fails with an
integrity error that names the rule, like the named check constraints do.

SQLite rebuilds a table on many ALTERs and drops its triggers with it, so the rule is installed again
after every ``migrate`` (``post_migrate``), idempotently, as well as by its own migration.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

RULE = "citation_offsets_inside_text"

_SQLITE = [
    """
    CREATE TRIGGER IF NOT EXISTS citation_offsets_inside_text_insert BEFORE INSERT ON events_citation
    WHEN NEW."end" > (SELECT length(clean_text) FROM events_article WHERE id = NEW.article_id)
    BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: citation_offsets_inside_text'); END;
    """,
    """
    CREATE TRIGGER IF NOT EXISTS citation_offsets_inside_text_update BEFORE UPDATE ON events_citation
    WHEN NEW."end" > (SELECT length(clean_text) FROM events_article WHERE id = NEW.article_id)
    BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: citation_offsets_inside_text'); END;
    """,
]
_POSTGRES = [
    """
    CREATE OR REPLACE FUNCTION citation_offsets_inside_text() RETURNS trigger AS $$
    BEGIN
        IF NEW."end" > (SELECT length(clean_text) FROM events_article WHERE id = NEW.article_id) THEN
            RAISE EXCEPTION 'new row violates check constraint "citation_offsets_inside_text"'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    "DROP TRIGGER IF EXISTS citation_offsets_inside_text ON events_citation;",
    """
    CREATE TRIGGER citation_offsets_inside_text BEFORE INSERT OR UPDATE ON events_citation
    FOR EACH ROW EXECUTE FUNCTION citation_offsets_inside_text();
    """,
]


def install_rules(connection: BaseDatabaseWrapper) -> None:
    statements = _POSTGRES if connection.vendor == "postgresql" else _SQLITE
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def remove_rules(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "postgresql":
        statements = [f"DROP TRIGGER IF EXISTS {RULE} ON events_citation;", f"DROP FUNCTION IF EXISTS {RULE}();"]
    else:
        statements = [f"DROP TRIGGER IF EXISTS {RULE}_insert;", f"DROP TRIGGER IF EXISTS {RULE}_update;"]
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install_rules_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    connection = connections[using]
    if "events_citation" in connection.introspection.table_names():
        install_rules(connection)
