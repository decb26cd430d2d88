"""Sending the signal "process article N" to the workers, once the current transaction commits.

Tasks (``events/tasks.py``) call services; services must not import tasks, or the two form an import
circle. So the signal is sent by task name, through the Celery app's registry: ``events/apps.py``
imports the tasks module when Django starts, which registers them in every process that sends.
"""

from __future__ import annotations

import logging

from celery import current_app
from django.db import transaction

log = logging.getLogger(__name__)

PROCESS_ARTICLE = "events.tasks.process_article"
REPROCESS_ARTICLE = "events.tasks.reprocess_article"


def article_enqueue(*, article_id: int, reprocess: bool = False) -> None:
    """Send the signal to process (or reprocess) an article once the current transaction commits.

    ``robust``: a broker that is down at that moment must not turn a stored submission into an error;
    the article stays queued and the sweeper sends the signal again later.
    """
    name = REPROCESS_ARTICLE if reprocess else PROCESS_ARTICLE
    transaction.on_commit(lambda: _send(name, article_id), robust=True)


def _send(name: str, article_id: int) -> None:
    task = current_app.tasks.get(name)
    if task is not None:
        task.delay(article_id)
    else:  # a process that never loaded the tasks module: the worker knows the task by its name
        current_app.send_task(name, args=[article_id])
