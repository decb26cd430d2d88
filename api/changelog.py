"""Recording :class:`api.models.EventChange` rows whenever what the API shows for an event changes.

Why signal receivers: the log must see every write path — services, the admin, Celery tasks written by
other people — and the events app must not know that a researchers' API exists. The receivers are
connected in one place, :meth:`api.apps.ApiConfig.ready`, and each logs the events it touched, in the
writing transaction, with what the public API shows of them after the write (see
:func:`event_changes_record`): the public feed serves those stored entries, so each one says what the
API showed when it was committed, whenever it is read.

``QuerySet.update()`` and ``bulk_create()`` send no model signals: the services that write that way
(a place's coordinates filled in, rule memberships of a topic, actor links added in bulk) announce the
events they changed through :data:`events.services.changes.events_changed`, received here too.

Commit order on PostgreSQL: a mirror resumes from the last ``seq`` (``EventChange.id``) it applied, so
the feed must never serve an id while a smaller one can still appear. PostgreSQL assigns the id at
insert, not at commit: writer A inserts 10 and stays open, writer B inserts 11 and commits; a reader
that served 11 would make the mirror skip 10 for ever when A commits. Two advisory locks on
:data:`CHANGE_FEED_LOCK_KEY` prevent it:

- every writer takes the *shared* lock (``pg_advisory_xact_lock_shared``) in the transaction that
  inserts its rows, before the insert. Shared locks do not conflict, so writers neither queue nor
  deadlock on each other; the lock is held until the writer commits or rolls back.
- the reader (:func:`change_feed_committed_head`) takes the *exclusive* lock in a short transaction of
  its own, which waits until every transaction holding the shared lock has ended, reads ``max(id)``
  while holding it, and commits. Every row at or below that head is then committed (or gone), and any
  later writer takes the shared lock after the reader released it, so its rows get larger ids. The feed
  serves rows up to the head only. The wait is bounded by ``lock_timeout``
  (:data:`READER_LOCK_TIMEOUT_MS`); past it :class:`ChangeFeedBusy` is raised (the API answers 503 with
  ``Retry-After``). A long write transaction that logged a change early therefore holds the feed up
  until it ends.

SQLite runs one writer at a time (and a reader sees only committed rows), so ids there are already in
commit order and neither lock is taken.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import OperationalError, connection, models, transaction
from django.db.models import Max, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from api.export_lines import export_lines_refresh
from api.models import EventChange
from api.public_entries import UPSERT, PublicEntry, public_entries
from events.domain.vocabulary import ReviewState
from events.models import (
    Actor,
    Article,
    Citation,
    Event,
    EventActor,
    EventRelation,
    Place,
    Source,
    Topic,
    TopicMembership,
)
from events.services.changes import events_changed

_BATCH = 1000

# The key of the PostgreSQL advisory lock that puts the change feed's ids in commit order (see the
# module docstring): any fixed bigint, here "CHANGES!" in ASCII. It must differ from the ingestion store
# lock, events.services.articles_store.STORE_LOCK_KEY = 0x54494D454C494E45 ("TIMELINE").
CHANGE_FEED_LOCK_KEY = 0x4348414E47455321

# How long the feed's reader waits for open write transactions before it gives up (503).
READER_LOCK_TIMEOUT_MS = 3000
# What the API tells a client to wait before retrying after that, in seconds.
READER_RETRY_AFTER_S = 2

_LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for lock_timeout


class ChangeFeedBusy(Exception):
    """Write transactions that logged changes stayed open longer than the reader's lock timeout."""


# What the public saw of an event before the current transaction, when it is known: never public
# (_NEVER), or the last entry the public feed served for it. None when unknown (a row written before
# snapshots were kept, or an event written in bulk with no row and no creation in its history).
_NEVER = ("", None)
_Shown = tuple[str, dict[str, Any] | None] | None


@dataclass
class _Written:
    """A change row this transaction wrote for one event, and what the public saw before it began."""

    row_id: int
    before: _Shown
    merged_into_id: int | None


@dataclass
class _Pending:
    """The rows the open transaction of one connection wrote, by event id (see _pending_rows)."""

    rows: dict[int, _Written] = field(default_factory=dict)
    callback: Any = None


def _pending_rows() -> dict[int, _Written]:
    """The rows this transaction already wrote, to be rewritten rather than repeated.

    A transaction that saves an event, then its citations, then its actor links logs the event three
    times; the public must see one entry with the state at commit, not three of states no one could
    read. So the first row of an event in a transaction is kept and rewritten by the later ones.
    The map is forgotten at commit (an ``on_commit`` callback); a rolled-back transaction drops that
    callback, and a missing callback tells the next writer the map is stale. Rows a rolled-back
    savepoint took away are caught by checking that the rows still exist before rewriting them.
    """
    pending: _Pending | None = getattr(connection, "_event_change_pending", None)
    if pending is None:
        pending = _Pending()
        connection._event_change_pending = pending  # type: ignore[attr-defined]
    token = _test_transaction()
    if token is not None:
        if pending.callback != token:
            pending.rows.clear()
            pending.callback = token
        return pending.rows
    registered = pending.callback is not None and any(
        entry[1] is pending.callback for entry in connection.run_on_commit
    )
    if not registered:
        pending.rows.clear()

        def forget() -> None:
            pending.rows.clear()
            pending.callback = None

        pending.callback = forget
        transaction.on_commit(forget)
    return pending.rows


def _test_transaction() -> tuple[int, str | None, int] | None:
    """Under a test's transaction (Django's ``TestCase``, pytest-django's ``django_db``), the block that
    stands for the transaction the code under test would commit: the first one the test did not open,
    a savepoint whose commit never comes. None outside tests."""
    blocks = connection.atomic_blocks
    if not blocks or not getattr(blocks[0], "_from_testcase", False):
        return None
    for index, block in enumerate(blocks):
        if not getattr(block, "_from_testcase", False):
            sid = connection.savepoint_ids[index - 1]
            # Without a savepoint (a bare save in a test), each call is a transaction of its own.
            return (id(blocks[0]), sid, 0 if sid is not None else next(_bare_writes))
    return (id(blocks[0]), None, next(_bare_writes))


_bare_writes = itertools.count(1)


def _shown_before(event_ids: list[int], created: set[int]) -> dict[int, _Shown]:
    """What the public saw of each event before this transaction (see :data:`_NEVER`): two queries,
    three when some event has no row and was not created now."""
    before: dict[int, _Shown] = {pk: _NEVER for pk in event_ids if pk in created}
    asked = [pk for pk in event_ids if pk not in created]
    if not asked:
        return before
    shown = ~Q(public_action="")  # NULL (written before snapshots) counts: it may have been shown
    last = dict(
        EventChange.objects.filter(event_id__in=asked)
        .values("event_id")
        .annotate(shown=Max("id", filter=shown))
        .values_list("event_id", "shown")
    )
    rows = EventChange.objects.filter(id__in=[row_id for row_id in last.values() if row_id is not None])
    for event_id, action, entry in rows.values_list("event_id", "public_action", "public_entry"):
        before[event_id] = None if action is None else (action, entry)
    for event_id, row_id in last.items():
        if row_id is None:  # only rows the public was not shown: it never saw the event
            before[event_id] = _NEVER
    unlogged = [pk for pk in asked if pk not in last]
    if unlogged:
        # No row yet: an event whose history is whole (it has its creation record) and never published
        # was never public; one written in bulk or before the history existed may have been.
        history = Event.history.model.objects.filter(id__in=unlogged)
        created_then = set(history.filter(history_type="+").values_list("id", flat=True))
        published = set(history.filter(review_state=ReviewState.PUBLISHED).values_list("id", flat=True))
        for pk in unlogged:
            before[pk] = _NEVER if pk in created_then and pk not in published else None
    return before


def _to_show(now: PublicEntry, before: _Shown) -> tuple[str, dict[str, Any] | None]:
    """What the public feed serves for a change from ``before`` to ``now``: ("", None) for nothing."""
    if before is None:
        return now.action, now.body
    was_public = before[0] == UPSERT
    if not was_public and not now.public:
        return "", None  # not public before, not public now: nothing to remove
    if was_public and now.public and before[1] == now.body:
        return "", None  # saved again as it was
    return now.action, now.body


def event_changes_record(event_ids: Iterable[int | None], *, created: Iterable[int] = ()) -> None:
    """Log a change of each event, with what the public API shows of it now (in batches).

    Called in the writing transaction after the write, so the entry is the state it commits. An event
    logged earlier in the same transaction has its row rewritten (see :func:`_pending_rows`); events
    merged into one of these in this transaction are refreshed with it (whether their survivor is
    public may just have changed); and events that relate to one whose public visibility changed are
    logged too (their ``related`` lists name published events only). ``created``: events this write
    created, which no one can have seen before.

    On PostgreSQL the rows are inserted under the shared change-feed lock, in one transaction with it
    (the caller's, or one of their own in autocommit mode); no lock is taken when there is nothing to log.
    """
    ids = list(dict.fromkeys(pk for pk in event_ids if pk is not None))
    if not ids:
        return
    new = set(created)
    # No savepoint: a failed insert fails the caller's transaction anyway, and one costs two queries.
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [CHANGE_FEED_LOCK_KEY])
        pending = _pending_rows()
        asked = set(ids)
        ids += [pk for pk, row in pending.items() if row.merged_into_id in asked and pk not in asked]
        done: set[int] = set()
        while ids:
            flipped: list[int] = []
            for start in range(0, len(ids), _BATCH):
                flipped += _record_batch(ids[start : start + _BATCH], new, pending)
            done.update(ids)
            if not flipped:
                break
            relating = EventRelation.objects.filter(to_event_id__in=flipped).values_list("from_event_id", flat=True)
            ids = sorted(set(relating) - done)


def _record_batch(ids: list[int], created: set[int], pending: dict[int, _Written]) -> list[int]:
    """Log one batch, and build its events' export lines again; returns the events whose public
    visibility changed."""
    export_lines_refresh(ids)
    entries = public_entries(ids)
    written = {pk: pending[pk] for pk in ids if pk in pending}
    if written:
        alive = set(
            EventChange.objects.filter(id__in=[row.row_id for row in written.values()]).values_list("id", "event_id")
        )
        written = {pk: row for pk, row in written.items() if (row.row_id, pk) in alive}
    before = _shown_before([pk for pk in ids if pk not in written], created)
    now = timezone.now()
    fresh: list[EventChange] = []
    fresh_before: list[_Shown] = []
    rewritten: list[EventChange] = []
    flipped: list[int] = []
    for pk in ids:
        entry = entries[pk]
        was = written[pk].before if pk in written else before[pk]
        action, body = _to_show(entry, was)
        if was is None or (was[0] == UPSERT) != entry.public:
            flipped.append(pk)
        if pk in written:
            row = written[pk]
            row.merged_into_id = entry.merged_into_id
            rewritten.append(
                EventChange(id=row.row_id, event_id=pk, changed_at=now, public_action=action, public_entry=body)
            )
        else:
            fresh.append(EventChange(event_id=pk, public_action=action, public_entry=body))
            fresh_before.append(was)
    if rewritten:
        EventChange.objects.bulk_update(rewritten, ["changed_at", "public_action", "public_entry"])
    if fresh:
        for change, was in zip(EventChange.objects.bulk_create(fresh), fresh_before, strict=True):
            pending[change.event_id] = _Written(change.id, was, entries[change.event_id].merged_into_id)
    return flipped


def change_feed_committed_head() -> int:
    """The feed's head: the largest change id at or below which every change row is committed.

    On PostgreSQL it is read under the exclusive change-feed lock (see the module docstring) and raises
    :class:`ChangeFeedBusy` when that lock is not granted within :data:`READER_LOCK_TIMEOUT_MS`.
    """
    if connection.vendor != "postgresql":
        return EventChange.objects.order_by("-id").values_list("id", flat=True).first() or 0
    # One round trip, four statements. The max is a statement of its own, so its snapshot is taken
    # after the lock was granted; the setting is put back at once because, inside a caller's transaction,
    # this block is no transaction of its own and SET LOCAL would last until the caller commits (the
    # lock itself then does). No savepoint: a lock timeout inside a caller's transaction aborts it, as
    # any PostgreSQL error does, and the caller rolls it back.
    sql = (
        f"SELECT set_config('lock_timeout', '{int(READER_LOCK_TIMEOUT_MS)}ms', true); "  # noqa: S608 (ints, a table name)
        f"SELECT pg_advisory_xact_lock({int(CHANGE_FEED_LOCK_KEY)}); "
        "SET LOCAL lock_timeout TO DEFAULT; "
        f"SELECT max(id) FROM {connection.ops.quote_name(EventChange._meta.db_table)}"
    )
    try:
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(sql)
            while cursor.nextset():  # psycopg 3 stands on the first statement's result
                pass
            row = cursor.fetchone()
    except OperationalError as exc:
        if getattr(exc.__cause__, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
            raise ChangeFeedBusy(f"write transactions held the change feed over {READER_LOCK_TIMEOUT_MS} ms") from exc
        raise
    return int(row[0]) if row is not None and row[0] is not None else 0


def _on_event(sender: type[models.Model], instance: Event, created: bool = False, **kwargs: Any) -> None:
    event_changes_record([instance.pk], created=[instance.pk] if created else ())


def _on_event_child(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    # A citation that moved (merge, unmerge) changed both the event it left and the one it joined.
    event_changes_record([instance.event_id, getattr(instance, "_api_previous_event_id", None)])


def _remember_previous_event(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    if instance.pk is not None:
        instance._api_previous_event_id = (
            sender._default_manager.filter(pk=instance.pk).values_list("event_id", flat=True).first()
        )


def _on_relation(sender: type[models.Model], instance: EventRelation, **kwargs: Any) -> None:
    event_changes_record([instance.from_event_id])


def _on_article(sender: type[models.Model], instance: Article, **kwargs: Any) -> None:
    event_changes_record(Citation.objects.filter(article=instance).values_list("event_id", flat=True).iterator())


def _on_place(sender: type[models.Model], instance: Place, **kwargs: Any) -> None:
    event_changes_record(Event.objects.filter(place=instance).values_list("pk", flat=True).iterator())


def _on_actor(sender: type[models.Model], instance: Actor, **kwargs: Any) -> None:
    event_changes_record(EventActor.objects.filter(actor=instance).values_list("event_id", flat=True).iterator())


def _on_topic(sender: type[models.Model], instance: Topic, **kwargs: Any) -> None:
    event_changes_record(TopicMembership.objects.filter(topic=instance).values_list("event_id", flat=True).iterator())


def _on_source(sender: type[models.Model], instance: Source, **kwargs: Any) -> None:
    event_changes_record(
        Citation.objects.filter(article__source=instance).values_list("event_id", flat=True).iterator()
    )


def _on_events_changed(sender: Any, event_ids: Iterable[int], **kwargs: Any) -> None:
    event_changes_record(event_ids)


def connect_change_log() -> None:
    """Connect the receivers (called once from ``ApiConfig.ready``)."""
    events_changed.connect(_on_events_changed, dispatch_uid="api_changes_events_changed")
    post_save.connect(_on_event, sender=Event, dispatch_uid="api_changes_event_save")
    post_delete.connect(_on_event, sender=Event, dispatch_uid="api_changes_event_delete")
    for model in (Citation, EventActor, TopicMembership):
        name = model.__name__.lower()
        pre_save.connect(_remember_previous_event, sender=model, dispatch_uid=f"api_changes_{name}_pre")
        post_save.connect(_on_event_child, sender=model, dispatch_uid=f"api_changes_{name}_save")
        post_delete.connect(_on_event_child, sender=model, dispatch_uid=f"api_changes_{name}_delete")
    post_save.connect(_on_relation, sender=EventRelation, dispatch_uid="api_changes_relation_save")
    post_delete.connect(_on_relation, sender=EventRelation, dispatch_uid="api_changes_relation_delete")
    post_save.connect(_on_article, sender=Article, dispatch_uid="api_changes_article_save")
    post_save.connect(_on_place, sender=Place, dispatch_uid="api_changes_place_save")
    post_save.connect(_on_actor, sender=Actor, dispatch_uid="api_changes_actor_save")
    post_save.connect(_on_topic, sender=Topic, dispatch_uid="api_changes_topic_save")
    post_save.connect(_on_source, sender=Source, dispatch_uid="api_changes_source_save")
