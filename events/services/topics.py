"""Writes on topics: applying a topic's rule to pull events in."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from events.models import Event, Topic, TopicMembership
from events.services.changes import events_changed_announce


@transaction.atomic
def topic_apply_rule(*, topic: Topic, events: list[Event] | None = None) -> int:
    """Add every matching event to ``topic`` (as a rule membership). Returns how many were added.

    Rule memberships are only ever added here; an editor's manual membership is never touched.
    """
    condition = Q()
    actor_ids = list(topic.rule_actors.values_list("pk", flat=True))
    place_ids = list(topic.rule_places.values_list("pk", flat=True))
    if actor_ids:
        condition |= Q(actor_links__actor_id__in=actor_ids)
    if place_ids:
        condition |= Q(place_id__in=place_ids)
    for keyword in topic.keywords:
        condition |= Q(title__icontains=keyword) | Q(summary__icontains=keyword)
    if not condition:
        return 0
    candidates = Event.objects.filter(condition, merged_into__isnull=True)
    if events is not None:
        candidates = candidates.filter(pk__in=[e.pk for e in events])
    have = set(topic.memberships.values_list("event_id", flat=True))
    new = [
        TopicMembership(topic=topic, event_id=pk, origin=TopicMembership.Origin.RULE)
        for pk in candidates.values_list("pk", flat=True).distinct()
        if pk not in have
    ]
    TopicMembership.objects.bulk_create(new, ignore_conflicts=True)
    if topic.is_published:  # an unpublished topic shows nowhere, so its memberships change nothing shown
        events_changed_announce(event_ids=[membership.event_id for membership in new])
    return len(new)
