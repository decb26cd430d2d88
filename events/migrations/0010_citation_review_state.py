"""Citations get a review state: a citation is public only once an editor stands behind it.

Existing citations are accepted when an editor already stood behind them: the article came from a
trusted hand (no submitter: a feed, a management command; or a submitter who may publish
events), or an editor published the event after the citation existed (the review queue showed it).
The rest (a researcher's or contributor's article matched onto an event published before) stay
proposed and wait in the admin's "new sources for published events".
"""

from django.db import migrations, models
from django.db.models import F, Q

REVIEW_CHOICES = [("proposed", "Proposed"), ("accepted", "Accepted"), ("rejected", "Rejected")]


def accept_reviewed_citations(apps, schema_editor):
    Citation = apps.get_model("events", "Citation")
    User = apps.get_model("auth", "User")
    publishers = User.objects.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename="publish_event", groups__permissions__content_type__app_label="events")
        | Q(user_permissions__codename="publish_event", user_permissions__content_type__app_label="events"),
        is_active=True,
    ).values("pk")
    trusted = (
        Q(article__submitted_by__isnull=True)
        | Q(article__submitted_by__in=publishers)
        | Q(event__review_state="published", event__reviewed_at__gte=F("created_at"))
    )
    Citation.objects.filter(trusted).update(review_state="accepted")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("events", "0009_citation_date_basis"),
    ]

    operations = [
        migrations.AddField(
            model_name="citation",
            name="review_state",
            field=models.CharField(choices=REVIEW_CHOICES, db_index=True, default="proposed", max_length=10),
        ),
        migrations.AddField(
            model_name="historicalcitation",
            name="review_state",
            field=models.CharField(choices=REVIEW_CHOICES, db_index=True, default="proposed", max_length=10),
        ),
        migrations.AddConstraint(
            model_name="citation",
            constraint=models.CheckConstraint(
                condition=models.Q(("review_state__in", ["proposed", "accepted", "rejected"])),
                name="citation_review_state_valid",
            ),
        ),
        migrations.RunPython(accept_reviewed_citations, migrations.RunPython.noop),
    ]
