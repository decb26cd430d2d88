"""The site: settings, root URLs, the Celery app and the public timeline pages."""

from timeline.celery import app as celery_app

__all__ = ["celery_app"]
