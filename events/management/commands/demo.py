"""``python manage.py demo``: load the sample articles and published events. Idempotent."""

from typing import Any

from django.core.management.base import BaseCommand

from events.services.demo import demo_load


class Command(BaseCommand):
    help = "Load the project's own sample articles, topics and published events (running it twice changes nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        summary = demo_load()
        self.stdout.write(
            f"Sample data: {summary.articles} articles, {summary.events} events, {summary.citations} citations, "
            f"{summary.topics} topics ({summary.created} rows created by this run)."
        )
