"""Events: what happened (or is to happen) between states, dated in EDTF at its true precision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from events.domain.edtf_dates import parse_edtf
from events.domain.vocabulary import (
    EVENT_TYPES,
    ActorRole,
    EventStatus,
    EventType,
    Precision,
    ReviewState,
    plover_for,
)
from events.presentation.dates import human_date

EVENT_TYPE_CHOICES = [(t.value, EVENT_TYPES[t].label) for t in EventType]
STATUS_CHOICES = [(s.value, s.value.title()) for s in EventStatus]
REVIEW_CHOICES = [(s.value, s.value.title()) for s in ReviewState]
PRECISION_CHOICES = [(p.value, p.value.title()) for p in Precision]


class Event(models.Model):
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    event_type = models.CharField("type", max_length=30, choices=EVENT_TYPE_CHOICES, db_index=True)
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=EventStatus.OCCURRED, db_index=True)
    # The date as EDTF (ISO 8601-2): "2024-05" is a month, not the first of May. The bounds and the
    # precision are derived from it on every save, so sorting and filtering never parse strings.
    date_edtf = models.CharField(
        "date (EDTF)",
        max_length=100,
        help_text="e.g. 2023-06-18, 2024-05, 2012~, 2024-21 (spring), 2021-03-18/2021-03-19",
    )
    date_lower = models.DateField(db_index=True, editable=False)
    date_upper = models.DateField(db_index=True, editable=False)
    precision = models.CharField(max_length=10, choices=PRECISION_CHOICES, editable=False, db_index=True)
    date_is_week = models.BooleanField(
        "week", default=False, help_text="The date is a week-long interval and any day inside it is meant."
    )
    place = models.ForeignKey("events.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    actors = models.ManyToManyField("events.Actor", through="events.EventActor", related_name="events", blank=True)
    related = models.ManyToManyField(
        "self", through="events.EventRelation", symmetrical=False, related_name="related_from", blank=True
    )
    review_state = models.CharField(max_length=10, choices=REVIEW_CHOICES, default=ReviewState.PROPOSED, db_index=True)
    confidence = models.FloatField(default=1.0)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_events"
    )
    # Fields an editor has set by hand; a later re-extraction never overwrites them.
    locked_fields = models.JSONField(default=list, blank=True)
    # A date the machine proposes for an event an editor has published (a corrected publication date
    # re-resolved the expression that dated it); the editor accepts it in one step or leaves it.
    proposed_date_edtf = models.CharField(max_length=100, blank=True)
    proposed_date_reason = models.CharField(max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        ordering = ["date_lower", "date_upper", "pk"]
        permissions = [
            ("publish_event", "Can publish and reject events"),
            ("merge_event", "Can merge events and undo merges"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_upper__gte=models.F("date_lower")), name="event_end_not_before_start"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0, confidence__lte=1), name="event_confidence_range"
            ),
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("pk")), name="event_not_merged_into_itself"
            ),
            models.CheckConstraint(
                condition=models.Q(event_type__in=[t.value for t in EventType]), name="event_type_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in EventStatus]), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(review_state__in=[s.value for s in ReviewState]), name="event_review_state_valid"
            ),
            models.CheckConstraint(condition=~models.Q(title=""), name="event_title_not_empty"),
        ]
        indexes = [
            # The id ends the key so a page ordered by date needs no sort of the many events sharing a
            # start day (every year-precision event of a year starts on 1 January).
            models.Index(fields=["review_state", "date_lower", "id"], name="event_review_date_id"),
            # A filtered page of the public list reads its keys (type, bounds, place, id) from this index
            # alone, then fetches the 100 rows it shows (api.views.events): PostgreSQL can then answer
            # "visits and meetings in China since 2010" without visiting the table for every match.
            models.Index(
                fields=["event_type", "date_lower", "id"],
                include=["date_upper", "place_id"],
                name="event_public_type_date_keys",
                condition=models.Q(review_state="published", merged_into__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.human_date} — {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.derive_date_fields()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def derive_date_fields(self) -> None:
        """Set bounds and precision from the EDTF value (raises InvalidEdtf with a message)."""
        parsed = parse_edtf(self.date_edtf)
        self.date_edtf = parsed.value
        self.date_lower, self.date_upper = parsed.lower, parsed.upper
        self.precision = Precision.WEEK.value if self.date_is_week else parsed.precision.value

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from events.domain.edtf_dates import InvalidEdtf

        try:
            self.derive_date_fields()
        except InvalidEdtf as exc:
            raise ValidationError({"date_edtf": str(exc)}) from None

    @property
    def human_date(self) -> str:
        return human_date(self.date_edtf, self.date_is_week)

    @property
    def plover_category(self) -> str:
        return plover_for(self.event_type)[0]

    @property
    def plover_mode(self) -> str:
        return plover_for(self.event_type)[1]

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None


class EventActor(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="actor_links")
    actor = models.ForeignKey("events.Actor", on_delete=models.PROTECT, related_name="event_links")
    role = models.CharField(
        max_length=12, choices=[(r.value, r.value.title()) for r in ActorRole], default=ActorRole.PARTICIPANT
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "actor", "role"], name="event_actor_unique_role")]

    def __str__(self) -> str:
        return f"{self.actor} ({self.role})"


class RelationKind(models.TextChoices):
    POSTPONED_AS = "postponed_as", "was postponed as"
    RESCHEDULED_TO = "rescheduled_to", "was rescheduled to"
    PART_OF = "part_of", "is part of"
    FOLLOWS = "follows", "follows"


class EventRelation(models.Model):
    from_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="relations_out")
    to_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=20, choices=RelationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["from_event", "to_event", "kind"], name="event_relation_unique"),
            models.CheckConstraint(
                condition=~models.Q(from_event=models.F("to_event")), name="event_relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_event_id} {self.get_kind_display()} {self.to_event_id}"


class EventMerge(models.Model):
    """The record of one merge, enough to undo it exactly: which citations and links moved."""

    target = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="merges_in")
    merged = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="merges_out")
    moved_citation_ids = models.JSONField(default=list)
    added_topic_ids = models.JSONField(default=list)
    added_actor_link_ids = models.JSONField(default=list)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=300, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(target=models.F("merged")), name="event_merge_not_self"),
            models.UniqueConstraint(
                fields=["merged"], condition=models.Q(undone_at__isnull=True), name="event_merge_one_active_per_event"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.target_id}"
