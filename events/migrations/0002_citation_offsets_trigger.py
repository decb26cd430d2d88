"""A named database rule that a citation's span lies inside its article's clean text.

A check constraint cannot read another table, so this is a trigger on both supported engines. It raises
an integrity error whose message names the rule, like the named check constraints do.
"""

from django.db import migrations

SQLITE = [
    """
    CREATE TRIGGER citation_offsets_inside_text_insert BEFORE INSERT ON events_citation
    WHEN NEW."end" > (SELECT length(clean_text) FROM events_article WHERE id = NEW.article_id)
    BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: citation_offsets_inside_text'); END;
    """,
    """
    CREATE TRIGGER citation_offsets_inside_text_update BEFORE UPDATE ON events_citation
    WHEN NEW."end" > (SELECT length(clean_text) FROM events_article WHERE id = NEW.article_id)
    BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: citation_offsets_inside_text'); END;
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS citation_offsets_inside_text_insert;",
    "DROP TRIGGER IF EXISTS citation_offsets_inside_text_update;",
]
POSTGRES = [
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
    """
    CREATE TRIGGER citation_offsets_inside_text BEFORE INSERT OR UPDATE ON events_citation
    FOR EACH ROW EXECUTE FUNCTION citation_offsets_inside_text();
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS citation_offsets_inside_text ON events_citation;",
    "DROP FUNCTION IF EXISTS citation_offsets_inside_text();",
]


def forwards(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = POSTGRES_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
