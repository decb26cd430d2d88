"""Outlets that publish the articles we read."""

from __future__ import annotations

from django.db import models


class SourceKind(models.TextChoices):
    WIRE = "wire", "Wire service"
    NEWSPAPER = "newspaper", "Newspaper"
    BROADCASTER = "broadcaster", "Broadcaster"
    GOVERNMENT = "government", "Government"
    THINK_TANK = "think_tank", "Think tank"
    OTHER = "other", "Other"


class Source(models.Model):
    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, unique=True, help_text="e.g. apnews.com, without www.")
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.NEWSPAPER)
    homepage = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(domain=""), name="source_domain_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name
