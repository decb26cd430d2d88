from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Public timeline"

    def ready(self) -> None:
        # SQLite has no statement_timeout: each new connection gets one (timeline.statement_time_limit).
        from timeline import statement_time_limit

        statement_time_limit.connect()
