"""One run of ``timeline-mirror sync``: bulk export on the first run, then the change feed.

Kill-safety: every batch of the export and every page of the feed is written in one transaction
together with the position it reaches (``sync_state``), so a run killed at any point leaves the
database at the end of the last committed batch and the next run continues from there:

- feed: from ``last_seq``, the last change applied; entries carry the event's whole state, so
  applying one twice is harmless and skipping none is guaranteed by the server's commit order.
- export: a killed first sync streams the export again and skips the ids it already stored
  (the export is ordered by id). The feed then starts from the *first* attempt's head, so whatever
  changed among the events stored by the first attempt is replayed over them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from queue import Full, Queue
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, RowMapping, select

from mirror.client import ApiClient
from mirror.database import engine_for, schema_upgrade
from mirror.errors import MirrorError
from mirror.schema import sync_state
from mirror.store import EventRows, SharedRows, event_rows, events_delete, events_mark_merged, events_store

EXPORT_BATCH = 1000
FEED_PAGE = 1000


@dataclass
class SyncSummary:
    """What one run did, for the one-line summary."""

    api: str
    database: str
    first: bool = False
    exported: int = 0
    upserts: int = 0
    removals: int = 0
    merges: int = 0
    seq: int = 0
    requests: int = 0
    seconds: float = 0.0
    schema_from: str | None = None
    schema_to: str = ""
    extra: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = []
        if self.schema_from != self.schema_to:
            parts.append(f"schema {self.schema_from or 'new'} -> {self.schema_to}")
        if self.first:
            rate = self.exported / self.seconds if self.seconds else 0.0
            parts.append(f"first sync: {self.exported:,} events exported ({rate:,.0f}/s)")
        parts.append(
            f"{self.upserts:,} upserted, {self.removals:,} removed, {self.merges:,} merged from the change feed"
        )
        parts.append(f"at seq {self.seq}")
        parts.append(f"{self.requests} request{'s' if self.requests != 1 else ''}")
        parts.append(f"{self.seconds:.1f} s")
        return f"timeline-mirror: {self.api} -> {self.database}: " + "; ".join(parts)


ProgressFactory = Callable[[int | None], Any]  # total -> an object with update(n) and close()


def _no_progress(total: int | None) -> Any:
    class _Silent:
        def update(self, n: int) -> None:
            pass

        def close(self) -> None:
            pass

    return _Silent()


def _state(connection: Connection) -> RowMapping | None:
    return connection.execute(select(sync_state).where(sync_state.c.id == 1)).mappings().first()


def _save_state(connection: Connection, **values: Any) -> None:
    values["synced_at"] = datetime.now(UTC)
    if _state(connection) is None:
        connection.execute(sync_state.insert().values(id=1, **values))
    else:
        connection.execute(sync_state.update().where(sync_state.c.id == 1).values(**values))


def _batches(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(items, size)):
        yield batch


_T = TypeVar("_T")
_END = object()


def _ahead(produce: Iterator[_T], depth: int = 2) -> Iterator[_T]:
    """``produce``'s items, made in a thread of their own at most ``depth`` ahead of the consumer.

    On a first sync the export is read and parsed (the network, JSON, rows) while the database writes
    the batch before: the driver lets other threads run while it waits on SQLite or PostgreSQL. Order
    and transactions are the consumer's, as before, so a killed sync resumes as it did; memory holds
    ``depth`` batches more. An error in the thread is raised to the consumer.
    """
    queue: Queue[Any] = Queue(maxsize=depth)
    stop = threading.Event()

    def run() -> None:
        try:
            for item in produce:
                while not stop.is_set():
                    try:
                        queue.put(item, timeout=0.2)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            queue.put(_END)
        except BaseException as exc:  # handed to the consumer, which raises it
            queue.put(exc)

    thread = threading.Thread(target=run, name="timeline-mirror-export", daemon=True)
    thread.start()
    try:
        while True:
            item = queue.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


def mirror_sync(
    *,
    api: str,
    db: str,
    token: str | None = None,
    topic: str | None = None,
    progress: ProgressFactory = _no_progress,
    export_batch: int = EXPORT_BATCH,
    feed_page: int = FEED_PAGE,
    engine: Engine | None = None,
    client: ApiClient | None = None,
) -> SyncSummary:
    """Bring the database at ``db`` level with the API at ``api`` (see the module docstring)."""
    started = time.monotonic()
    own_client = client is None
    client = client or ApiClient(api, token=token)
    own_engine = engine is None
    engine = engine or engine_for(db)
    summary = SyncSummary(api=client.root, database=engine.url.render_as_string(hide_password=True))
    try:
        summary.schema_from, summary.schema_to = schema_upgrade(engine)
        with engine.connect() as connection:
            state = _state(connection)
        if state is not None:
            if state["api_url"] != client.root:
                raise MirrorError(f"this database mirrors {state['api_url']}, not {client.root}: use another database")
            if (state["topic"] or None) != (topic or None):
                followed = f"topic {state['topic']!r}" if state["topic"] else "every topic"
                raise MirrorError(f"this database follows {followed}; give the same --topic or another database")
        shared = SharedRows()
        if state is None or not state["export_done"]:
            summary.first = True
            _export_load(engine, client, topic, state, summary, progress, export_batch, shared)
        _feed_follow(engine, client, topic, summary, feed_page, shared)
    finally:
        summary.requests = client.requests
        summary.seconds = time.monotonic() - started
        if own_client:
            client.close()
        if own_engine:
            engine.dispose()
    return summary


def _export_load(
    engine: Engine,
    client: ApiClient,
    topic: str | None,
    state: RowMapping | None,
    summary: SyncSummary,
    progress: ProgressFactory,
    batch_size: int,
    shared: SharedRows,
) -> None:
    skip_through = -1 if state is None or state["export_last_id"] is None else int(state["export_last_id"])
    with client.export(topic=topic) as (start, items):
        # A resumed first sync keeps the first attempt's head: the feed replays everything after it.
        seq = start.head if state is None else min(int(state["last_seq"]), start.head)
        with engine.begin() as connection:
            _save_state(
                connection,
                api_url=client.root,
                topic=topic,
                last_seq=seq,
                export_last_id=None if skip_through < 0 else skip_through,
                export_done=False,
            )
        bar = progress(start.total)

        def prepared() -> Iterator[tuple[int, int, EventRows | None]]:
            # (events read, last id, rows to store): read and split in a thread of their own.
            for batch in _batches(items, batch_size):
                fresh = [item for item in batch if item["id"] > skip_through]
                yield len(batch), (fresh[-1]["id"] if fresh else -1), (event_rows(fresh) if fresh else None)

        try:
            for read, last_id, rows in _ahead(prepared()):
                if rows is not None:
                    with engine.begin() as connection:
                        # Into a database that may hold these events already (a reload an upgrade asked
                        # for), what they embed is replaced; into a new one there is nothing to replace.
                        events_store(connection, rows, replace_children=state is not None, shared=shared)
                        _save_state(connection, export_last_id=last_id)
                    summary.exported += len(rows.events)
                bar.update(read)
        finally:
            bar.close()
    with engine.begin() as connection:
        _save_state(connection, export_last_id=None, export_done=True)
    summary.seq = seq


def _feed_follow(
    engine: Engine, client: ApiClient, topic: str | None, summary: SyncSummary, page_size: int, shared: SharedRows
) -> None:
    with engine.connect() as connection:
        state = _state(connection)
    assert state is not None
    after = int(state["last_seq"])
    url: str | None = None
    while True:
        page = client.changes(after=after, page_size=page_size, url=url)
        reached = max([after, *(int(entry["seq"]) for entry in page.entries)])
        if page.next_url is None:
            # Every entry up to the head was on the pages read: the next run may start from it.
            reached = max(reached, page.head)
        with engine.begin() as connection:
            _apply_entries(connection, page.entries, topic, summary, shared)
            _save_state(connection, last_seq=reached)
        after, url = reached, page.next_url
        if url is None:
            break
    summary.seq = after


def _apply_entries(
    connection: Connection,
    entries: Iterable[Mapping[str, Any]],
    topic: str | None,
    summary: SyncSummary,
    shared: SharedRows | None = None,
) -> None:
    latest: dict[int, Mapping[str, Any]] = {}
    for entry in entries:  # in seq order: the last entry of an event is its state
        latest.pop(entry["event_id"], None)
        latest[entry["event_id"]] = entry
    upserts: list[Mapping[str, Any]] = []
    removals: list[int] = []
    merges: dict[int, int] = {}
    for event_id, entry in latest.items():
        event = entry.get("event")
        if entry["action"] == "upsert" and event is not None:
            if topic is None or any(t["slug"] == topic for t in event["topics"]):
                upserts.append(event)
            else:
                removals.append(event_id)  # it left the followed topic
        elif entry.get("reason") == "merged" and entry.get("merged_into") is not None:
            merges[event_id] = int(entry["merged_into"])
        else:
            removals.append(event_id)
    events_delete(connection, removals)
    events_mark_merged(connection, merges)
    events_store(connection, event_rows(upserts), shared=shared)
    summary.upserts += len(upserts)
    summary.removals += len(removals)
    summary.merges += len(merges)
