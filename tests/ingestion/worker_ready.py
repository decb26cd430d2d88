"""Waiting for a Celery worker started by a test to be ready before anything is published to its broker.

A client that publishes while a worker on a fresh embedded broker is still declaring its queues races it to
create the same queue row (kombu's SQLAlchemy transport creates it with a select, then an insert), and the
loser dies of the unique key. A worker is started before anyone submits, as the tracker runs it.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

# What a Celery worker logs once it has declared its queues and consumes: "celery@host ready."
READY_LINE = re.compile(r"celery@\S+ ready\.")


def wait_until_ready(log: Path, worker: subprocess.Popen[bytes], timeout: float = 90) -> None:
    """Return once ``worker`` has logged that it is ready; fail with its log if it dies or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if READY_LINE.search(log.read_text(errors="replace")):
            return
        assert worker.poll() is None, log.read_text(errors="replace")[-3000:]
        time.sleep(0.1)
    raise AssertionError(f"the worker was not ready in {timeout} s\n{log.read_text(errors='replace')[-3000:]}")
