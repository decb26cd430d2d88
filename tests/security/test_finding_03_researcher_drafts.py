"""Issue 18, finding 3: one researcher reads another's drafts.

Researcher A's article matched onto researcher B's proposed event: A may follow that event (its own
submission reports it), but sees only its own citation of it and the public ones, never B's quote, URL
or title.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tests.factories import ArticleFactory, CitationFactory, EventFactory

pytestmark = pytest.mark.django_db

B_SECRET = "Brinebury envoys drafted the communique overnight."


def _researcher(name: str) -> Any:
    return get_user_model().objects.create_user(username=name, password="pw-Test-12345")


def _article(user: Any, text: str, url: str) -> Any:
    return ArticleFactory(
        submitted_by=user,
        clean_text=text,
        original=text,
        url=url,
        title=f"{user.username}'s title",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


@pytest.fixture
def drafts() -> dict[str, Any]:
    a, b = _researcher("alice"), _researcher("bob")
    event = EventFactory(review_state="proposed")
    bobs = _article(b, B_SECRET, "https://bob-private.example/draft")
    alices = _article(a, "Alice's report of the same meeting.", "https://alice.example/report")
    CitationFactory(event=event, article=bobs, end=len(B_SECRET), review_state="proposed")
    CitationFactory(event=event, article=alices, end=len(alices.clean_text), review_state="proposed")
    client = APIClient()
    client.force_authenticate(a)
    return {"client": client, "event": event}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/events/{event}/",
        "/api/v1/events/",
        "/api/v1/events/?format=csv",
        "/api/v1/events/export/?format=ndjson",
        "/api/v1/citations/",
        "/api/v1/citations/?event={event}",
        "/api/v1/changes/",
    ],
)
def test_a_researcher_sees_its_own_citation_of_a_shared_draft_and_not_the_others(
    drafts: dict[str, Any], path: str
) -> None:
    response = drafts["client"].get(path.format(event=drafts["event"].pk))
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()

    assert response.status_code == 200
    assert "Brinebury" not in body and "bob-private.example" not in body and "bob's title" not in body
    if "csv" not in path:
        assert "Alice's report" in body  # its own submission it may follow
