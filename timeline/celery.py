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
    """Load the spaCy pipeline once in the worker's main process, before it forks its pool.

    Loading it inside the first task would count against that task's time limit (seconds on a busy
    machine) and every pool process would load its own copy; forked children share this one.
    """
    import django

    django.setup()
    from django.conf import settings

    from events.extraction.nlp import load_pipeline

    load_pipeline(settings.SPACY_MODEL)
