"""A sync killed mid-page (SIGKILL, in a subprocess) resumes to the same result, in both phases.

The subprocess is the real command with one hook: on the Nth batch (export) or page (feed) it kills
itself with SIGKILL after the batch's rows are written and before its transaction commits, the worst
moment. The next, ordinary run must end equal to the API's export.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import select

from events.services import event_merge, event_reject
from mirror.database import engine_for
from mirror.schema import sync_state
from mirror.sync import mirror_sync
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True)

KILLING_SYNC = """
import os, signal, sys
import mirror.sync as sync
from mirror.cli import main

phase, kill_at = os.environ["KILL_PHASE"], int(os.environ["KILL_AT"])
seen = 0
original = sync._save_state

def save_state(connection, **values):
    global seen
    original(connection, **values)
    if (phase == "export" and values.get("export_last_id")) or (phase == "feed" and "last_seq" in values):
        seen += 1
        if seen == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # inside the batch's open transaction

sync._save_state = save_state
sys.exit(main(sys.argv[1:]))
"""


def _killed_sync(api_url: str, db: str, phase: str, kill_at: int) -> subprocess.CompletedProcess[str]:
    argv = ["sync", "--no-progress", "--api", api_url, "--db", db, "--export-batch", "4", "--page-size", "3"]
    env = {**os.environ, "KILL_PHASE": phase, "KILL_AT": str(kill_at)}
    return subprocess.run(
        [sys.executable, "-c", KILLING_SYNC, *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _state(db: str) -> dict:
    engine = engine_for(db)
    with engine.connect() as connection:
        row = dict(connection.execute(select(sync_state)).mappings().one())
    engine.dispose()
    return row


def test_it_resumes_a_first_sync_killed_mid_batch(api_url, target_db, make_event, assert_mirror_equal):
    made = [make_event() for _ in range(14)]

    result = _killed_sync(api_url, target_db, "export", kill_at=3)

    assert result.returncode == -signal.SIGKILL, result.stderr
    state = _state(target_db)
    assert (state["export_done"], state["export_last_id"]) == (False, made[7].pk)  # two batches of four
    # Changes while the mirror lay half-loaded, to rows it holds and rows it has yet to fetch.
    made[0].title = "Edited after the kill"
    made[0].save()
    event_reject(events=[made[1]])
    event_merge(target=made[10], others=[made[2]])

    summary = mirror_sync(api=api_url, db=target_db, export_batch=4)

    assert summary.first and summary.exported == len(made) - 8  # the rest; the removed two were stored
    assert_mirror_equal(target_db)


def test_it_resumes_a_feed_killed_mid_page(api_url, target_db, make_event, assert_mirror_equal):
    made = [make_event() for _ in range(10)]
    mirror_sync(api=api_url, db=target_db)
    before = _state(target_db)["last_seq"]
    for event in made[:8]:
        event.title = f"{event.title}, revised"
        event.save()
    event_merge(target=made[8], others=[made[9]])

    result = _killed_sync(api_url, target_db, "feed", kill_at=3)

    assert result.returncode == -signal.SIGKILL, result.stderr
    reached = _state(target_db)["last_seq"]
    assert before < reached  # two pages committed, the third lost with the kill
    summary = mirror_sync(api=api_url, db=target_db, feed_page=3)
    assert not summary.first and summary.upserts >= 1
    assert_mirror_equal(target_db)
