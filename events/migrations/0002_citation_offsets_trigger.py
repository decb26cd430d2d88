"""The named rule that a citation's span lies inside its article's text (see events/db_rules.py)."""

from django.db import migrations

from events.db_rules import install_rules, remove_rules


def forwards(apps, schema_editor):
    install_rules(schema_editor.connection)


def backwards(apps, schema_editor):
    remove_rules(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
