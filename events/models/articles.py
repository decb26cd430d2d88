"""Articles: what an editor or a feed submitted, as received, and its clean text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ArticleState(models.TextChoices):
    QUEUED = "queued", "Queued"
    FETCHING = "fetching", "Fetching"
    EXTRACTING = "extracting", "Extracting"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class PublishedSource(models.TextChoices):
    METADATA = "metadata", "Page metadata"
    TEXT = "text", "Stated in the text"
    EDITOR = "editor", "Set by an editor"
    FEED = "feed", "Feed item"
    UNKNOWN = "unknown", "Unknown"


class DateCheckVerdict(models.TextChoices):
    UNCHECKED = "", "Not checked"
    OK = "ok", "Fits the text"
    DOUBTFUL = "doubtful", "Doubtful"
    CORRECTED = "corrected", "Corrected"


class OriginalKind(models.TextChoices):
    TEXT = "text", "Pasted text"
    HTML = "html", "HTML file"
    URL = "url", "URL"
    FEED = "feed", "Feed item"


class Article(models.Model):
    source = models.ForeignKey(
        "events.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    # Canonical form (tracking parameters stripped); NULL when the article came without one.
    url = models.URLField(max_length=2000, null=True, blank=True)  # noqa: DJ001  (unique when present)
    submitted_url = models.URLField(max_length=2000, blank=True, help_text="The URL exactly as given.")
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True)
    published_source = models.CharField(max_length=10, choices=PublishedSource.choices, default=PublishedSource.UNKNOWN)
    # The publication-date check (events.pubdate): is the stated date consistent with the text?
    date_check = models.CharField(max_length=10, choices=DateCheckVerdict.choices, default="", blank=True)
    date_check_reasons = models.JSONField(default=list, blank=True)
    date_suggested = models.DateField(null=True, blank=True)
    date_suggested_from = models.DateField(null=True, blank=True)
    date_suggested_to = models.DateField(null=True, blank=True)
    # The date the article stated before a correction (kept to show "stated X; the text fits Y").
    date_stated = models.DateField(null=True, blank=True)
    clean_text = models.TextField(blank=True)
    # The original as received is never thrown away: a failed or re-run extraction starts from it.
    original = models.TextField(blank=True)
    original_kind = models.CharField(max_length=10, choices=OriginalKind.choices, default=OriginalKind.TEXT)
    original_filename = models.CharField(max_length=255, blank=True)
    # SHA-256 of the normalised clean text; NULL until there is text (a queued URL).
    content_hash = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001
    state = models.CharField(max_length=12, choices=ArticleState.choices, default=ArticleState.QUEUED, db_index=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    extractor_version = models.CharField(max_length=40, blank=True)
    # Set when the cleaned text turned out to be the same as another article's (its hash is taken):
    # this one is kept, with its original, instead of failing, and cites nothing.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    feed = models.ForeignKey("events.Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["original", "clean_text"])

    class Meta:
        ordering = ["-published", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=models.Q(url__isnull=False), name="article_unique_url"),
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=models.Q(content_hash__isnull=False),
                name="article_unique_content_hash",
            ),
            models.CheckConstraint(
                condition=models.Q(content_hash__isnull=True) | models.Q(content_hash__regex=r"^[0-9a-f]{64}$"),
                name="article_content_hash_is_sha256",
            ),
            models.CheckConstraint(condition=~models.Q(url=""), name="article_url_null_not_empty"),
            models.CheckConstraint(
                condition=~models.Q(original="", url__isnull=True),
                name="article_has_original_or_url",
            ),
        ]
        indexes = [models.Index(fields=["state", "state_changed_at"], name="article_state_age")]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"
