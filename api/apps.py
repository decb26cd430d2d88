"""The researchers' REST API (Django REST Framework)."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Researchers' API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from api.changelog import connect_change_log

        connect_change_log()
