"""Where events happen: cities, countries, regions, venues and seas."""

from __future__ import annotations

from typing import Any

from django.db import models

from events.domain.vocabulary import PlaceKind
from events.models.codes import normalise_country_code


class Place(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=[(k.value, k.value.title()) for k in PlaceKind])
    country_code = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geonames_id = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country_code__regex=r"^([A-Z]{2})?$"), name="place_country_code_format"
            ),
            models.UniqueConstraint(fields=["name", "kind", "country_code"], name="place_unique_name_kind_country"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="place_coordinates_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country_code})" if self.country_code else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.country_code = normalise_country_code(self.country_code)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.country_code = normalise_country_code(self.country_code)
