from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Diplomatic events"

    def ready(self) -> None:
        from events import tasks  # noqa: F401  registers the tasks services send by name (services/queue.py)
        from events.db_rules import install_rules_after_migrate

        # SQLite drops a table's triggers when a migration rebuilds it; put the rule back every time.
        post_migrate.connect(install_rules_after_migrate, sender=self, dispatch_uid="events-db-rules")
