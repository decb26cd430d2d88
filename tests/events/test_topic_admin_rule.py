"""Saving a topic's rule in the admin pulls the events it matches in (the rule was applied nowhere)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Topic
from tests.factories import EventFactory, make_user

pytestmark = pytest.mark.django_db


def test_it_applies_a_topic_rule_when_an_editor_saves_it() -> None:
    client = Client()
    client.force_login(make_user("tilda", group="Editors"))
    topic = Topic.objects.create(slug="straits", name="Straits")
    matching = EventFactory(title="Drills near the strait")
    other = EventFactory(title="Trade talks in Geneva")

    response = client.post(
        reverse("admin:events_topic_change", args=[topic.pk]),
        {"name": "Straits", "slug": "straits", "description": "", "rule_keywords": "strait", "is_published": "on"},
    )

    assert response.status_code == 302, response.content[:2000]
    members = set(topic.memberships.values_list("event_id", flat=True))
    assert matching.pk in members and other.pk not in members
