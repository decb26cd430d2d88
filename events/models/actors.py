"""People, states and organisations that act in events, with the names the press calls them by."""

from __future__ import annotations

from typing import Any

from django.db import models

from events.domain.vocabulary import ActorKind
from events.models.codes import normalise_country_code


class Actor(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=[(k.value, k.value.title()) for k in ActorKind])
    wikidata_id = models.CharField(max_length=20, null=True, blank=True, unique=True, help_text="e.g. Q312927")
    country_code = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2")
    description = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country_code__regex=r"^([A-Z]{2})?$"), name="actor_country_code_format"
            ),
            models.UniqueConstraint(fields=["name", "kind"], name="actor_unique_name_kind"),
            models.CheckConstraint(
                condition=models.Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"), name="actor_wikidata_id_format"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.country_code = normalise_country_code(self.country_code)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.country_code = normalise_country_code(self.country_code)


class ActorAlias(models.Model):
    """Another name for an actor ("Blinken" for "Antony Blinken", "PRC" for "China")."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "actor aliases"
        constraints = [models.UniqueConstraint(fields=["actor", "name"], name="actor_alias_unique_per_actor")]

    def __str__(self) -> str:
        return self.name
