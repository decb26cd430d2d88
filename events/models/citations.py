"""Citations: the sentence in an article that reports an event."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Length
from simple_history.models import HistoricalRecords

from events.domain.vocabulary import DATE_BASIS_LABELS


class Citation(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="citations")
    article = models.ForeignKey("events.Article", on_delete=models.PROTECT, related_name="citations")
    # quote == article.clean_text[start:end]; the database checks the span's length matches the quote,
    # services.citation_create checks the text itself (a check constraint cannot read another table).
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    time_text = models.CharField(max_length=200, blank=True, help_text="The time expression that dated the event.")
    time_start = models.PositiveIntegerField(null=True, blank=True)
    time_end = models.PositiveIntegerField(null=True, blank=True)
    rule = models.CharField(max_length=80, blank=True, help_text="The extraction rule, empty when entered by hand.")
    # How sure the date this report gives is; empty when an editor cited by hand.
    date_basis = models.CharField(
        max_length=12,
        blank=True,
        choices=[(basis.value, label) for basis, label in DATE_BASIS_LABELS.items()],
        help_text="How the engine reached the date: explicit in the text, relative to the publication date, "
        "carried from the narrative's reference time, or guessed from a related event.",
    )
    # Why the ingestion pipeline attached this citation to an existing event (empty when it created the
    # event, or an editor cited by hand), so an editor can judge the match and split it off.
    match_score = models.FloatField(null=True, blank=True)
    match_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article__published", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "start", "end"], name="citation_unique_event_article_span"
            ),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="citation_span_not_empty"),
            models.CheckConstraint(
                condition=models.Q(end=models.F("start") + Length("quote")), name="citation_span_matches_quote"
            ),
            models.CheckConstraint(
                condition=models.Q(time_start__isnull=True, time_end__isnull=True)
                | models.Q(time_start__isnull=False, time_end__gte=models.F("time_start")),
                name="citation_time_span_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quote[:60]}…" if len(self.quote) > 60 else self.quote
