"""Topics group events into public timelines ("U.S.–China relations", "Taiwan Strait")."""

from __future__ import annotations

from django.db import models


class Topic(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    is_published = models.BooleanField(default=True, help_text="Unpublished topics never reach public pages.")
    # The rule that pulls events in: any event with one of these actors or places, or whose title or
    # summary contains one of the keywords, joins the topic (services.topic_apply_rule).
    rule_actors = models.ManyToManyField("events.Actor", blank=True, related_name="rule_topics")
    rule_places = models.ManyToManyField("events.Place", blank=True, related_name="rule_topics")
    rule_keywords = models.TextField(blank=True, help_text="One keyword or phrase per line.")
    events = models.ManyToManyField("events.Event", through="events.TopicMembership", related_name="topics", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def keywords(self) -> list[str]:
        return [line.strip() for line in self.rule_keywords.splitlines() if line.strip()]


class TopicMembership(models.Model):
    class Origin(models.TextChoices):
        MANUAL = "manual", "Added by an editor"
        RULE = "rule", "Matched the topic's rule"

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="memberships")
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="topic_memberships")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "event"], name="topic_membership_unique")]

    def __str__(self) -> str:
        return f"{self.topic} ∋ {self.event_id}"
