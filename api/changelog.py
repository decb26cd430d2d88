"""Recording :class:`api.models.EventChange` rows whenever what the API shows for an event changes.

Why signal receivers: the log must see every write path — services, the admin, Celery tasks written by
other people — and the events app must not know that a researchers' API exists. The receivers are
connected in one place, :meth:`api.apps.ApiConfig.ready`, and each only appends an id to the log.

Known blind spot: ``QuerySet.update()`` and ``bulk_create()`` send no signals. Code that changes
events that way must call :func:`event_changes_record` itself (``topic_apply_rule`` adds rule
memberships with ``bulk_create``; its events are logged when they are next saved).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from api.models import EventChange
from events.models import Actor, Article, Citation, Event, EventActor, Place, Source, Topic, TopicMembership

_BATCH = 1000


def event_changes_record(event_ids: Iterable[int | None]) -> None:
    """Append one change row per distinct event id (in batches, so a topic rename stays cheap)."""
    batch: list[EventChange] = []
    seen: set[int] = set()
    for event_id in event_ids:
        if event_id is None or event_id in seen:
            continue
        seen.add(event_id)
        batch.append(EventChange(event_id=event_id))
        if len(batch) >= _BATCH:
            EventChange.objects.bulk_create(batch)
            batch = []
    if batch:
        EventChange.objects.bulk_create(batch)


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


def connect_change_log() -> None:
    """Connect the receivers (called once from ``ApiConfig.ready``)."""
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
