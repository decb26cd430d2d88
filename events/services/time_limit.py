"""The processing time limit for the paths that run outside a Celery worker.

In a worker, Celery's soft time limit (``CELERY_TASK_SOFT_TIME_LIMIT``) interrupts a task by raising
``SoftTimeLimitExceeded`` inside it. ``manage.py ingest --sync``, eager tasks (``CELERY_TASK_ALWAYS_EAGER``)
and any other caller of ``article_process`` run in a process Celery does not watch, so the same limit is
armed here, with a real-time alarm that raises the same exception in the same way: one limit, one
exception, one handler for every path.

A signal can only be handled by the main thread. Elsewhere (a web server's worker thread in eager mode)
no alarm is armed, and ``article_process`` still checks the clock once extraction returns, so an
extraction that outlived the limit is failed as timed out, only later.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from celery.exceptions import SoftTimeLimitExceeded


def can_interrupt() -> bool:
    """Whether an alarm can interrupt work in this thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``SoftTimeLimitExceeded`` inside the block once it has run ``seconds`` (None or 0: no limit).

    An alarm armed by an outer caller (a test's own deadline) is put back afterwards, less the time spent.
    """
    if not seconds or seconds <= 0 or not can_interrupt():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise SoftTimeLimitExceeded(f"time limit of {seconds:g} s reached")

    started = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay > 0:
            remaining = max(previous_delay - (time.monotonic() - started), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, remaining, previous_interval)
