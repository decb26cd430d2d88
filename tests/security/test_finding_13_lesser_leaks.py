"""Issue 18, finding 13: lesser leaks.

- ``related`` in a public event names only events the reader may see;
- a published event merged into a proposed one does not answer 301 to it (page or API);
- a failed fetch tells a submitter the same thing whether the name points inside our network, does
  not resolve, or does not answer; the detail stays for editors and the log.
"""

from __future__ import annotations

import contextlib
import ipaddress
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from events.ingestion.fetch import BlockedAddress, FetchError, ResolutionError
from events.models import Article, EventRelation
from events.services import articles_process
from tests.factories import ArticleFactory, CitationFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db


def test_related_in_a_public_event_names_only_published_events() -> None:
    shown = EventFactory(review_state="published")
    CitationFactory(event=shown)
    later = EventFactory(review_state="published")
    draft = EventFactory(review_state="proposed", title="Unannounced follow-up")
    EventRelation.objects.create(from_event=shown, to_event=later, kind="follows")
    EventRelation.objects.create(from_event=shown, to_event=draft, kind="follows")

    for path in (f"/api/v1/events/{shown.pk}/", "/api/v1/events/", "/api/v1/events/export/?format=ndjson"):
        response = APIClient().get(path)
        body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        compact = body.replace(" ", "")
        assert f'"event":{later.pk}}}' in compact, path
        assert f'"event":{draft.pk}}}' not in compact and "Unannounced" not in body, path


def test_a_published_event_merged_into_a_proposed_one_does_not_redirect_to_it() -> None:
    draft = EventFactory(review_state="proposed")
    merged = EventFactory(review_state="published", merged_into=draft)

    page = Client().get(reverse("timeline:event", args=[merged.pk]))
    api = APIClient().get(f"/api/v1/events/{merged.pk}/")

    assert page.status_code == 404 and api.status_code == 404
    assert str(draft.pk) not in api.get("Location", "")


def test_a_merge_into_a_published_event_still_redirects() -> None:
    survivor = EventFactory(review_state="published")
    merged = EventFactory(review_state="published", merged_into=survivor)

    api = APIClient().get(f"/api/v1/events/{merged.pk}/")

    assert api.status_code == 301 and api["Location"].endswith(f"/api/v1/events/{survivor.pk}/")


def _fail_fetch(monkeypatch: pytest.MonkeyPatch, error: FetchError) -> Article:
    submitter = get_user_model().objects.create_user(username=f"r{id(error)}", password="pw-Test-12345")
    article = ArticleFactory(
        url=f"https://{id(error)}.example/",
        original="",
        clean_text="",
        content_hash=None,
        state="queued",
        submitted_by=submitter,
    )

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(articles_process, "fetch_url", refuse)
    monkeypatch.setattr(articles_process.settings, "INGEST_MAX_ATTEMPTS", 0, raising=False)
    # A retryable error is raised for Celery's retry; the article records it first.
    with contextlib.suppress(Exception):
        articles_process.article_process(article_id=article.pk)
    article.refresh_from_db()
    return article


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(
            BlockedAddress("intranet-db", ipaddress.ip_address("10.1.2.3"), "private address"), id="resolves-inside"
        ),
        pytest.param(ResolutionError("could not resolve 'nonexistent-host': no such name"), id="does-not-resolve"),
    ],
)
def test_a_submitter_cannot_tell_which_internal_names_resolve(monkeypatch: pytest.MonkeyPatch, error: Any) -> None:
    article = _fail_fetch(monkeypatch, error)
    researcher = APIClient()
    researcher.force_authenticate(article.submitted_by)
    editor = APIClient()
    editor.force_login(make_user("edith", group="Editors"))

    told = researcher.get(f"/api/v1/articles/{article.pk}/").json()["error"]
    detail = editor.get(f"/api/v1/articles/{article.pk}/").json()["error"]

    assert told == "fetch: the address could not be reached from here"
    assert str(error) in detail  # the editor (and the log) keep what happened
