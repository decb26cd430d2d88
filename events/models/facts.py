"""Facts the tracker knows, with their source: offices and who held them when, recurring summits,
reference events. They check publication dates (``events.pubdate``) and are corrected in the admin.

Loaded from ``events/facts/*.csv`` by ``manage.py facts_load`` (idempotent: it updates rows by their
natural keys and never deletes one an editor added).
"""

from __future__ import annotations

from django.db import models


class OfficeKind(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", "Head of state"
    HEAD_OF_GOVERNMENT = "head_of_government", "Head of government"
    HEAD_OF_STATE_AND_GOVERNMENT = "head_of_state_and_government", "Head of state and government"
    FOREIGN_MINISTER = "foreign_minister", "Foreign minister"
    DEFENCE_MINISTER = "defence_minister", "Defence minister"
    ORGANIZATION_LEADER = "organization_leader", "Leader of an organisation"
    DEPUTY_HEAD_OF_GOVERNMENT = "deputy_head_of_government", "Deputy head of government"
    HEIR = "heir", "Heir to the throne"


class Office(models.Model):
    """A public office ("United States Secretary of State"), held by people in turn."""

    key = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    holder = models.ForeignKey(
        "events.Actor", on_delete=models.PROTECT, related_name="offices", help_text="The state or organisation."
    )
    kind = models.CharField(max_length=40, choices=OfficeKind.choices)
    titles = models.CharField(
        max_length=300, help_text="How the press writes it before a name, separated by |: Secretary of State"
    )
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name

    def title_list(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.titles.split("|") if t.strip())


class OfficeTerm(models.Model):
    """``person`` held ``office`` from ``start`` until ``end`` (the successor's first day; empty: still)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="terms")
    person = models.ForeignKey("events.Actor", on_delete=models.PROTECT, related_name="terms")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["office", "start"]
        constraints = [
            models.UniqueConstraint(fields=["office", "person", "start"], name="office_term_unique"),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="office_term_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        until = self.end.isoformat() if self.end else "now"
        return f"{self.person} — {self.office} ({self.start.isoformat()} to {until})"


class Gathering(models.Model):
    """One summit of a recurring series: G20 2023, New Delhi, 9-10 September."""

    series = models.CharField(max_length=20, db_index=True)
    start = models.DateField()
    end = models.DateField()
    city = models.CharField(max_length=100)
    country_code = models.CharField(max_length=2, blank=True)
    # Its number in the series when the series counts them ("COP28", "the 15th BRICS summit").
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["series", "start"]
        constraints = [
            models.UniqueConstraint(fields=["series", "start"], name="gathering_unique_series_start"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="gathering_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.start.year} ({self.city})"


class GatheringSeries(models.Model):
    key = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    names = models.CharField(max_length=300, help_text="Names the press uses, separated by |")

    class Meta:
        ordering = ["key"]
        verbose_name_plural = "gathering series"

    def __str__(self) -> str:
        return self.name


class ReferenceEvent(models.Model):
    """An event whose date is known from outside the tracker (with the tracker's published events, the
    date check matches what an article reports against these)."""

    start = models.DateField()
    end = models.DateField()
    event_type = models.CharField(max_length=30)
    title = models.CharField(max_length=300, unique=True)
    actors = models.CharField(max_length=300, help_text="Names separated by |")
    place = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="reference_event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title
