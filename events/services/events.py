"""Writes on events: creation, edits, review (publish/reject), merges and their undoing, relations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from events.domain.vocabulary import ActorRole, ReviewState
from events.exceptions import DomainError, MergeError, ReviewError
from events.models import Actor, Citation, Event, EventActor, EventMerge, EventRelation, Place, Topic, TopicMembership
from events.models.events import RelationKind
from events.services.history import acting_user, attribute

User = AbstractBaseUser | AnonymousUser | None

EDITABLE_FIELDS = {"title", "summary", "event_type", "status", "date_edtf", "date_is_week", "place", "confidence"}


def _validated_save(event: Event, user: User, reason: str) -> Event:
    attribute(event, user, reason)
    try:
        event.full_clean(exclude=["merged_into", "reviewed_by"])
    except ValidationError as exc:
        raise DomainError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from None
    event.save()
    return event


@transaction.atomic
def event_create(
    *,
    title: str,
    event_type: str,
    date_edtf: str,
    status: str = "occurred",
    summary: str = "",
    date_is_week: bool = False,
    place: Place | None = None,
    actors: Sequence[tuple[Actor, str]] = (),
    topics: Iterable[Topic] = (),
    review_state: str = ReviewState.PROPOSED,
    confidence: float = 1.0,
    user: User = None,
) -> Event:
    """Create an event; ``actors`` are (actor, role) pairs."""
    event = Event(
        title=title,
        summary=summary,
        event_type=event_type,
        status=status,
        date_edtf=date_edtf,
        date_is_week=date_is_week,
        place=place,
        review_state=review_state,
        confidence=confidence,
    )
    _validated_save(event, user, "created")
    for actor, role in actors:
        EventActor.objects.get_or_create(event=event, actor=actor, role=ActorRole(role).value)
    for topic in topics:
        TopicMembership.objects.get_or_create(topic=topic, event=event)
    return event


@transaction.atomic
def event_update(*, event: Event, user: User = None, by_editor: bool = True, **fields: Any) -> Event:
    """Change an event's fields. Fields an editor sets are locked against later re-extraction."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise DomainError(f"these fields cannot be edited here: {', '.join(sorted(unknown))}")
    locked = set(event.locked_fields or [])
    for name, value in fields.items():
        if not by_editor and name in locked:
            continue  # an editor's decision is never overwritten by a machine
        setattr(event, name, value)
        if by_editor:
            locked.add(name)
    event.locked_fields = sorted(locked)
    return _validated_save(event, user, "edited" if by_editor else "re-extracted")


def _review(events: Iterable[Event], state: ReviewState, user: User) -> int:
    count = 0
    now = timezone.now()
    for event in events:
        if event.merged_into_id is not None:
            raise ReviewError(f"event {event.pk} is merged into event {event.merged_into_id}; review that one")
        if state == ReviewState.PUBLISHED and not event.citations.exists():
            raise ReviewError(f"event {event.pk} has no citation; every public event shows at least one source")
        if event.review_state == state:
            continue
        event.review_state = state
        event.reviewed_at = now
        event.reviewed_by = acting_user(user)
        attribute(event, user, state.value)
        event.save()
        count += 1
    return count


@transaction.atomic
def event_publish(*, events: Iterable[Event], user: User = None) -> int:
    """Publish events (each must cite a source). Returns how many changed."""
    return _review(events, ReviewState.PUBLISHED, user)


@transaction.atomic
def event_reject(*, events: Iterable[Event], user: User = None) -> int:
    return _review(events, ReviewState.REJECTED, user)


@transaction.atomic
def event_merge(*, target: Event, others: Iterable[Event], user: User = None, reason: str = "") -> list[EventMerge]:
    """Merge ``others`` into ``target``: their citations, topics and actors move; nothing is deleted.

    Each merge is recorded with exactly what moved, so :func:`event_unmerge` can undo it.
    """
    target = Event.objects.select_for_update().get(pk=target.pk)
    if target.merged_into_id is not None:
        raise MergeError(f"event {target.pk} is itself merged into event {target.merged_into_id}")
    records = []
    for other in Event.objects.select_for_update().filter(pk__in=[o.pk for o in others]).exclude(pk=target.pk):
        if other.merged_into_id is not None:
            raise MergeError(f"event {other.pk} is already merged into event {other.merged_into_id}")
        taken = set(target.citations.values_list("article_id", "start", "end"))
        moved = [c.pk for c in other.citations.all() if (c.article_id, c.start, c.end) not in taken]
        for citation in Citation.objects.filter(pk__in=moved):
            citation.event = target
            attribute(citation, user, f"moved by merge of event {other.pk}")
            citation.save()
        have_topics = set(target.topic_memberships.values_list("topic_id", flat=True))
        added_topics = []
        for membership in other.topic_memberships.all():
            if membership.topic_id not in have_topics:
                TopicMembership.objects.create(topic_id=membership.topic_id, event=target, origin=membership.origin)
                added_topics.append(membership.topic_id)
                have_topics.add(membership.topic_id)
        have_actors = set(target.actor_links.values_list("actor_id", "role"))
        added_links = []
        for link in other.actor_links.all():
            if (link.actor_id, link.role) not in have_actors:
                added_links.append(EventActor.objects.create(event=target, actor_id=link.actor_id, role=link.role).pk)
                have_actors.add((link.actor_id, link.role))
        other.merged_into = target
        attribute(other, user, f"merged into event {target.pk}")
        other.save()
        records.append(
            EventMerge.objects.create(
                target=target,
                merged=other,
                moved_citation_ids=moved,
                added_topic_ids=added_topics,
                added_actor_link_ids=added_links,
                merged_by=acting_user(user),
                reason=reason[:300],
            )
        )
    if not records:
        raise MergeError("choose at least one other event to merge into the target")
    return records


@transaction.atomic
def event_unmerge(*, event: Event, user: User = None) -> EventMerge:
    """Undo the active merge of ``event``: its citations, topics and actor links go back."""
    record = EventMerge.objects.select_for_update().filter(merged=event, undone_at__isnull=True).first()
    if record is None:
        raise MergeError(f"event {event.pk} is not merged")
    for citation in Citation.objects.filter(pk__in=record.moved_citation_ids):
        citation.event = record.merged
        attribute(citation, user, f"returned by undoing merge into event {record.target_id}")
        citation.save()
    TopicMembership.objects.filter(event=record.target, topic_id__in=record.added_topic_ids).delete()
    EventActor.objects.filter(pk__in=record.added_actor_link_ids).delete()
    merged = Event.objects.get(pk=record.merged_id)
    merged.merged_into = None
    attribute(merged, user, f"merge into event {record.target_id} undone")
    merged.save()
    record.undone_at = timezone.now()
    record.undone_by = acting_user(user)
    record.save(update_fields=["undone_at", "undone_by"])
    return record


@transaction.atomic
def event_relate(*, from_event: Event, to_event: Event, kind: str) -> EventRelation:
    if from_event.pk == to_event.pk:
        raise DomainError("an event cannot be related to itself")
    relation, _ = EventRelation.objects.get_or_create(
        from_event=from_event, to_event=to_event, kind=RelationKind(kind).value
    )
    return relation


@transaction.atomic
def event_split_citation(*, citation: Citation, user: User = None) -> Event:
    """Undo a wrong match: move ``citation`` off its event to a new proposed event of its own.

    The new event starts as a copy of the old one's type, status, date, place and actors, for the editor
    to correct; both changes are in the history, and the citation's match reason is cleared.
    """
    citation = Citation.objects.select_for_update().select_related("event").get(pk=citation.pk)
    old = citation.event
    if not old.citations.exclude(pk=citation.pk).exists():
        raise DomainError("this is the event's only citation; there is nothing to split it from")
    event = event_create(
        title=old.title,
        event_type=old.event_type,
        date_edtf=old.date_edtf,
        date_is_week=old.date_is_week,
        status=old.status,
        place=old.place,
        actors=[(link.actor, link.role) for link in old.actor_links.select_related("actor")],
        review_state=ReviewState.PROPOSED,
        confidence=old.confidence,
        user=user,
    )
    citation.event = event
    citation.match_score = None
    citation.match_reason = ""
    attribute(citation, user, f"split off event {old.pk} into event {event.pk}")
    citation.save()
    return event
