"""Issue 18, finding 8: names from unpublished work leak through the reference lists.

``/api/v1/actors/``, ``/places/`` and ``/sources/`` show anonymous users only what a published event
uses (its outlets through accepted citations); an editor sees everything.
"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    CitationFactory,
    EventFactory,
    PlaceFactory,
    SourceFactory,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    public_actor, draft_actor = ActorFactory(name="Public Minister"), ActorFactory(name="Draft-only Minister")
    public_place, rejected_place = PlaceFactory(name="Public City"), PlaceFactory(name="Rejected-only City")
    public_source = SourceFactory(name="Public Outlet", domain="public-outlet.example")
    hidden_source = SourceFactory(name="Unreviewed Outlet", domain="unreviewed-submission.example")

    shown = EventFactory(review_state="published", place=public_place)
    shown.actor_links.create(actor=public_actor)
    CitationFactory(event=shown, article=ArticleFactory(source=public_source), review_state="accepted")
    # A researcher's submission matched onto the published event, not accepted yet.
    CitationFactory(event=shown, article=ArticleFactory(source=hidden_source), review_state="proposed")
    EventFactory(review_state="proposed").actor_links.create(actor=draft_actor)
    EventFactory(review_state="rejected", place=rejected_place)
    return {"shown": {"Public Minister", "Public City", "Public Outlet"}}


def _names(client: APIClient, path: str) -> set[str]:
    return {item["name"] for item in client.get(path).json()["results"]}


def test_anonymous_users_see_only_what_published_events_use(world: dict[str, Any]) -> None:
    client = APIClient()

    assert _names(client, "/api/v1/actors/") == {"Public Minister"}
    assert _names(client, "/api/v1/places/") == {"Public City"}
    assert _names(client, "/api/v1/sources/") == {"Public Outlet"}


def test_an_editor_sees_every_name(world: dict[str, Any]) -> None:
    client = APIClient()
    client.force_login(make_user("edith", group="Editors"))

    assert {"Public Minister", "Draft-only Minister"} <= _names(client, "/api/v1/actors/")
    assert {"Public City", "Rejected-only City"} <= _names(client, "/api/v1/places/")
    assert {"Public Outlet", "Unreviewed Outlet"} <= _names(client, "/api/v1/sources/")
