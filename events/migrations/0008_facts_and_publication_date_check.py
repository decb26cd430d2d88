"""Facts the publication-date check uses (offices and terms, summits, reference events), the check's
result on Article, and the date a re-resolution proposes for a reviewed Event.

On SQLite, adding these columns rebuilds the article and event tables, which the citation-offset
triggers (events/db_rules.py) name: they are removed first and installed again at the end.
"""

import django.db.models.deletion
from django.db import migrations, models

from events.db_rules import install_rules, remove_rules


def _remove_rules(apps, schema_editor):
    remove_rules(schema_editor.connection)


def _install_rules(apps, schema_editor):
    install_rules(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_event_types_beyond_meetings"),
    ]

    operations = [
        migrations.RunPython(_remove_rules, _install_rules),
        migrations.CreateModel(
            name="GatheringSeries",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=20, unique=True)),
                ("name", models.CharField(max_length=200)),
                ("names", models.CharField(help_text="Names the press uses, separated by |", max_length=300)),
            ],
            options={
                "verbose_name_plural": "gathering series",
                "ordering": ["key"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="date_check",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Not checked"),
                    ("ok", "Fits the text"),
                    ("doubtful", "Doubtful"),
                    ("corrected", "Corrected"),
                ],
                default="",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="date_check_reasons",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="article",
            name="date_stated",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="date_suggested",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="date_suggested_from",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="date_suggested_to",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="event",
            name="proposed_date_edtf",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name="event",
            name="proposed_date_reason",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="date_check",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Not checked"),
                    ("ok", "Fits the text"),
                    ("doubtful", "Doubtful"),
                    ("corrected", "Corrected"),
                ],
                default="",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="date_check_reasons",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="date_stated",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="date_suggested",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="date_suggested_from",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="date_suggested_to",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="proposed_date_edtf",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="proposed_date_reason",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.CreateModel(
            name="Gathering",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("series", models.CharField(db_index=True, max_length=20)),
                ("start", models.DateField()),
                ("end", models.DateField()),
                ("city", models.CharField(max_length=100)),
                ("country_code", models.CharField(blank=True, max_length=2)),
                ("source", models.CharField(blank=True, max_length=200)),
            ],
            options={
                "ordering": ["series", "start"],
                "constraints": [
                    models.UniqueConstraint(fields=("series", "start"), name="gathering_unique_series_start"),
                    models.CheckConstraint(
                        condition=models.Q(("end__gte", models.F("start"))), name="gathering_ends_after_start"
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Office",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.SlugField(max_length=60, unique=True)),
                ("name", models.CharField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("head_of_state", "Head of state"),
                            ("head_of_government", "Head of government"),
                            ("head_of_state_and_government", "Head of state and government"),
                            ("foreign_minister", "Foreign minister"),
                            ("organization_leader", "Leader of an organisation"),
                        ],
                        max_length=40,
                    ),
                ),
                (
                    "titles",
                    models.CharField(
                        help_text="How the press writes it before a name, separated by |: Secretary of State",
                        max_length=300,
                    ),
                ),
                ("source", models.CharField(blank=True, max_length=200)),
                (
                    "holder",
                    models.ForeignKey(
                        help_text="The state or organisation.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="offices",
                        to="events.actor",
                    ),
                ),
            ],
            options={
                "ordering": ["key"],
            },
        ),
        migrations.CreateModel(
            name="ReferenceEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("start", models.DateField()),
                ("end", models.DateField()),
                ("event_type", models.CharField(max_length=30)),
                ("title", models.CharField(max_length=300, unique=True)),
                ("actors", models.CharField(help_text="Names separated by |", max_length=300)),
                ("place", models.CharField(blank=True, max_length=200)),
                ("source", models.CharField(blank=True, max_length=200)),
            ],
            options={
                "ordering": ["start"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("end__gte", models.F("start"))), name="reference_event_ends_after_start"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="OfficeTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("start", models.DateField()),
                ("end", models.DateField(blank=True, null=True)),
                ("source", models.CharField(blank=True, max_length=200)),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="terms", to="events.office"
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="terms", to="events.actor"
                    ),
                ),
            ],
            options={
                "ordering": ["office", "start"],
                "constraints": [
                    models.UniqueConstraint(fields=("office", "person", "start"), name="office_term_unique"),
                    models.CheckConstraint(
                        condition=models.Q(("end__isnull", True), ("end__gte", models.F("start")), _connector="OR"),
                        name="office_term_ends_after_start",
                    ),
                ],
            },
        ),
        migrations.RunPython(_install_rules, _remove_rules),
    ]
