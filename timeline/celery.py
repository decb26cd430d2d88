"""The Celery application. Broker and result store come from the settings (environment)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

app = Celery("timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
