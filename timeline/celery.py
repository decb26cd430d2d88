"""The Celery application. Broker and result store come from the settings (environment)."""

import os
from typing import Any

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

app = Celery("timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def load_language_model(**kwargs: Any) -> None:
    """Warm the ingestion pipeline up once in the worker's main process, before it forks its pool.

    Loading spaCy (and the extraction engine's tables) inside the first task would count against that
    task's time limit (seconds on a busy machine) and every pool process would load its own copy;
    forked children share this one, and a child that replaces a lost one starts warm too.
    """
    import django

    django.setup()
    from events.services.articles_process import worker_warm_up

    worker_warm_up()
