"""``manage.py places_unify``: one stored place per gazetteer place (see ``events.services.places_unify``)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Give stored places the gazetteer knows their GeoNames id, name and coordinates, and fold rows that "
        'are one place ("U.S." and "United States") into one; their events and topic rules move.'
    )

    def handle(self, *args: Any, **options: Any) -> None:
        from events.services.places_unify import places_unify

        result = places_unify()
        self.stdout.write(
            f"{result.identified} places identified, {result.folded} folded into another, "
            f"{result.events_moved} events moved"
        )
