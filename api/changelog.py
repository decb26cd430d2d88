"""Recording :class:`api.models.EventChange` rows whenever what the API shows for an event changes.

Why signal receivers: the log must see every write path — services, the admin, Celery tasks written by
other people — and the events app must not know that a researchers' API exists. The receivers are
connected in one place, :meth:`api.apps.ApiConfig.ready`, and each only appends an id to the log.

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

from collections.abc import Iterable
from typing import Any

from django.db import OperationalError, connection, models, transaction
from django.db.models.signals import post_delete, post_save, pre_save

from api.models import EventChange
from events.models import Actor, Article, Citation, Event, EventActor, Place, Source, Topic, TopicMembership
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


def event_changes_record(event_ids: Iterable[int | None]) -> None:
    """Append one change row per distinct event id (in batches, so a topic rename stays cheap).

    On PostgreSQL the rows are inserted under the shared change-feed lock, in one transaction with it
    (the caller's, or one of their own in autocommit mode); no lock is taken when there is nothing to log.
    """
    batches: list[list[EventChange]] = []
    batch: list[EventChange] = []
    seen: set[int] = set()
    for event_id in event_ids:
        if event_id is None or event_id in seen:
            continue
        seen.add(event_id)
        batch.append(EventChange(event_id=event_id))
        if len(batch) >= _BATCH:
            batches.append(batch)
            batch = []
    if batch:
        batches.append(batch)
    if not batches:
        return
    # No savepoint: a failed insert fails the caller's transaction anyway, and one costs two queries.
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [CHANGE_FEED_LOCK_KEY])
        for rows in batches:
            EventChange.objects.bulk_create(rows)


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


def _on_event(sender: type[models.Model], instance: Event, **kwargs: Any) -> None:
    event_changes_record([instance.pk])


def _on_event_child(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    # A citation that moved (merge, unmerge) changed both the event it left and the one it joined.
    event_changes_record([instance.event_id, getattr(instance, "_api_previous_event_id", None)])


def _remember_previous_event(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    if instance.pk is not None:
        instance._api_previous_event_id = (
            sender._default_manager.filter(pk=instance.pk).values_list("event_id", flat=True).first()
        )


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
    post_save.connect(_on_article, sender=Article, dispatch_uid="api_changes_article_save")
    post_save.connect(_on_place, sender=Place, dispatch_uid="api_changes_place_save")
    post_save.connect(_on_actor, sender=Actor, dispatch_uid="api_changes_actor_save")
    post_save.connect(_on_topic, sender=Topic, dispatch_uid="api_changes_topic_save")
    post_save.connect(_on_source, sender=Source, dispatch_uid="api_changes_source_save")
