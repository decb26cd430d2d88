"""RSS/Atom feeds polled on a schedule, and the items already seen in them."""

from __future__ import annotations

from django.db import models


class Feed(models.Model):
    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    source = models.ForeignKey("events.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds")
    is_active = models.BooleanField(default=True)
    poll_minutes = models.PositiveIntegerField(default=30)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    etag = models.CharField(max_length=300, blank=True)
    modified = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "url"]
        constraints = [
            models.CheckConstraint(condition=models.Q(poll_minutes__gte=1), name="feed_poll_minutes_positive")
        ]

    def __str__(self) -> str:
        return self.title or self.url


class FeedEntry(models.Model):
    """A feed item seen once; seen again, it is not ingested again."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=2000)
    link = models.URLField(max_length=2000, blank=True)
    article = models.ForeignKey("events.Article", null=True, blank=True, on_delete=models.SET_NULL)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "feed entries"
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="feed_entry_unique_guid")]

    def __str__(self) -> str:
        return self.guid
