"""The change feed serves ids in commit order on PostgreSQL (see :mod:`api.changelog`).

PostgreSQL assigns a change's id when it is inserted, not when its transaction commits: writer A
inserts a change and stays open, writer B inserts a larger id and commits. A mirror that were served
B's change would store its seq and never see A's. Each test runs writers on connections of their own
(one thread each; Django gives every thread its own connection) and checks that the feed waits for A,
or answers 503 when told to wait less, and that writers never wait for each other.

SQLite runs one writer at a time, so the case cannot arise there and these tests are skipped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection, connections, transaction
from rest_framework.test import APIClient

from api import changelog
from api.changelog import CHANGE_FEED_LOCK_KEY, event_changes_record
from api.models import EventChange

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL only: SQLite serialises writers, so change ids are already in commit order "
        "(run with DATABASE_URL=postgres://... CI=true)",
    ),
    pytest.mark.django_db(transaction=True),
]

EVENT_A, EVENT_B = 910001, 910002
WAIT_S = 60  # generous bounds on waits that should end at once; a test only fails on one if it hangs


class Worker(threading.Thread):
    """Runs ``target`` on a connection of its own, keeps its result or exception, closes the connection."""

    def __init__(self, target: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self._target_fn = target
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._target_fn()
        except BaseException as exc:  # handed to the test, which re-raises it
            self.error = exc
        finally:
            connections.close_all()

    def outcome(self) -> Any:
        self.join(WAIT_S)
        assert not self.is_alive(), "the worker is still blocked"
        if self.error is not None:
            raise self.error
        return self.result


class OpenWriter:
    """A writer that records a change for ``event_id`` and keeps its transaction open until released."""

    def __init__(self, event_id: int) -> None:
        self.recorded = threading.Event()
        self.release = threading.Event()
        self.worker = Worker(self._write)
        self.event_id = event_id

    def _write(self) -> int:
        with transaction.atomic(), connection.cursor() as cursor:
            # A writer that had to wait for another would fail here instead of hanging the test.
            cursor.execute("SET LOCAL lock_timeout = '20s'")
            event_changes_record([self.event_id])
            self.recorded.set()
            assert self.release.wait(WAIT_S), "the test never released the writer"
            return EventChange.objects.get(event_id=self.event_id).id

    def start(self) -> OpenWriter:
        self.worker.start()
        if not self.recorded.wait(WAIT_S):
            self.worker.outcome()  # re-raises what stopped it
        return self

    def commit(self) -> int:
        self.release.set()
        seq: int = self.worker.outcome()
        return seq


@pytest.fixture
def open_writers() -> Iterator[list[OpenWriter]]:
    """Writers started by a test, released at its end even when it fails (so no thread is left behind)."""
    writers: list[OpenWriter] = []
    yield writers
    for writer in writers:
        writer.release.set()
        writer.worker.join(WAIT_S)


def _advisory_locks(mode: str, *, granted: bool) -> int:
    """How many ``mode`` locks on the change-feed key are held (or awaited) in this database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = %s AND objid = %s "
            "AND objsubid = 1 AND mode = %s AND granted = %s "
            # pg_locks lists the whole server's locks: other databases' writers take the same key.
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            [CHANGE_FEED_LOCK_KEY >> 32, CHANGE_FEED_LOCK_KEY & 0xFFFFFFFF, mode, granted],
        )
        row = cursor.fetchone()
    assert row is not None
    return int(row[0])


def _until(condition: Callable[[], bool]) -> None:
    done = threading.Event()
    for _ in range(WAIT_S * 20):
        if condition():
            return
        done.wait(0.05)
    raise AssertionError("the condition never held")


def _feed(after: int = 0) -> list[tuple[int, int]]:
    response = APIClient().get(f"/api/v1/changes/?after={after}&page_size=100")
    assert response.status_code == 200, response.content
    return [(entry["seq"], entry["event_id"]) for entry in response.json()["results"]]


def test_the_feed_waits_for_an_open_writer_and_then_serves_both_changes_in_order(
    open_writers: list[OpenWriter], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changelog, "READER_LOCK_TIMEOUT_MS", WAIT_S * 1000)
    writer_a = OpenWriter(EVENT_A)
    open_writers.append(writer_a)
    writer_a.start()
    event_changes_record([EVENT_B])  # writer B, in autocommit: committed on return
    seq_b = EventChange.objects.get(event_id=EVENT_B).id

    reader = Worker(lambda: _feed())
    reader.start()
    # The reader asks for the exclusive lock and is not granted it while A is open.
    _until(lambda: _advisory_locks("ExclusiveLock", granted=False) == 1)
    assert reader.is_alive()
    assert _advisory_locks("ShareLock", granted=True) == 1  # A's

    seq_a = writer_a.commit()
    served = reader.outcome()

    assert seq_a < seq_b  # A's id was the smaller one although B committed first
    assert served == [(seq_a, EVENT_A), (seq_b, EVENT_B)]


def test_with_a_short_lock_timeout_the_feed_answers_503_and_never_skips_the_open_writer(
    open_writers: list[OpenWriter], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changelog, "READER_LOCK_TIMEOUT_MS", 100)
    writer_a = OpenWriter(EVENT_A)
    open_writers.append(writer_a)
    writer_a.start()
    event_changes_record([EVENT_B])

    busy = APIClient().get("/api/v1/changes/?after=0")
    export = APIClient().get("/api/v1/events/export/")

    assert busy.status_code == 503
    assert busy.json() == {
        "error": {"status": 503, "code": "change_feed_busy", "message": busy.json()["error"]["message"]}
    }
    assert busy.json()["error"]["message"]
    assert int(busy["Retry-After"]) == changelog.READER_RETRY_AFTER_S
    assert export.status_code == 503  # its X-Changes-Seq header is the same head
    assert int(export["Retry-After"]) == changelog.READER_RETRY_AFTER_S

    seq_a = writer_a.commit()
    seq_b = EventChange.objects.get(event_id=EVENT_B).id
    assert _feed() == [(seq_a, EVENT_A), (seq_b, EVENT_B)]
    assert _feed(after=seq_a) == [(seq_b, EVENT_B)]


def test_the_head_covers_only_committed_changes_and_a_rolled_back_one_leaves_no_gap_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(changelog, "READER_LOCK_TIMEOUT_MS", WAIT_S * 1000)
    recorded, release = threading.Event(), threading.Event()

    def rolled_back() -> None:
        with transaction.atomic():
            event_changes_record([EVENT_A])
            recorded.set()
            release.wait(WAIT_S)
            transaction.set_rollback(True)

    writer_a = Worker(rolled_back)
    writer_a.start()
    assert recorded.wait(WAIT_S)
    event_changes_record([EVENT_B])
    seq_b = EventChange.objects.get(event_id=EVENT_B).id
    reader = Worker(changelog.change_feed_committed_head)
    reader.start()
    _until(lambda: _advisory_locks("ExclusiveLock", granted=False) == 1)
    release.set()
    writer_a.outcome()

    assert reader.outcome() == seq_b
    assert _feed() == [(seq_b, EVENT_B)]


def test_two_writers_recording_at_once_both_proceed(open_writers: list[OpenWriter]) -> None:
    writer_a, writer_b = OpenWriter(EVENT_A), OpenWriter(EVENT_B)
    open_writers += [writer_a, writer_b]

    writer_a.start()
    writer_b.start()  # would fail on its 20 s lock_timeout if it queued behind A

    # Both hold the shared lock at once, both transactions still open.
    assert _advisory_locks("ShareLock", granted=True) == 2
    assert EventChange.objects.count() == 0  # neither has committed
    seq_b = writer_b.commit()
    seq_a = writer_a.commit()
    assert seq_a < seq_b
    assert _feed() == [(seq_a, EVENT_A), (seq_b, EVENT_B)]
