"""Fixtures for the API tests: clients for the three kinds of requester and published events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from knox.models import AuthToken
from rest_framework.test import APIClient

from events.models import Event
from tests.factories import ActorFactory, CitationFactory, EventFactory, PlaceFactory, TopicFactory


@pytest.fixture(autouse=True)
def _fresh_throttle_counts() -> Iterator[None]:
    # Throttle counters live in the cache, which outlives a test; each test starts at zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client_anon() -> APIClient:
    return APIClient()


def _token_client(user: Any) -> APIClient:
    _, token = AuthToken.objects.create(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    client.user = user  # type: ignore[attr-defined]
    client.token = token  # type: ignore[attr-defined]
    return client


@pytest.fixture
def researcher(db: None) -> Any:
    return get_user_model().objects.create_user(username="researcher", password="pw-Test-12345")


@pytest.fixture
def client_researcher(researcher: Any) -> APIClient:
    return _token_client(researcher)


@pytest.fixture
def client_editor(db: None) -> APIClient:
    editor = get_user_model().objects.create_user(username="editor", password="pw-Test-12345", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_event", content_type__app_label="events"))
    return _token_client(get_user_model().objects.get(pk=editor.pk))


@pytest.fixture
def make_event(db: None) -> Callable[..., Event]:
    """An event with a place, two actors, a topic and one citation; published unless told otherwise."""

    def make(*, review_state: str = "published", **fields: Any) -> Event:
        fields.setdefault("place", PlaceFactory())
        event = EventFactory(review_state=review_state, **fields)
        event.actor_links.create(actor=ActorFactory(), role="initiator")
        event.actor_links.create(actor=ActorFactory(), role="target")
        event.topic_memberships.create(topic=TopicFactory())
        CitationFactory(event=event)
        return event

    return make
