"""The review queue (proposed events, most important first) and splitting a wrongly matched citation."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Citation, Event
from tests.factories import ArticleFactory, CitationFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db


def matched_pair() -> tuple[Event, Citation]:
    """An event with its own citation and one the pipeline matched to it."""
    event = EventFactory(title="Talks in Vienna", confidence=0.6)
    CitationFactory(event=event)
    matched = CitationFactory(event=event, article=ArticleFactory())
    Citation.objects.filter(pk=matched.pk).update(match_score=0.74, match_reason="score 0.74: same type (meeting)")
    return event, matched


def test_it_lists_proposed_events_most_reported_first_with_quotes_and_match_reasons(editor: Client) -> None:
    matched_pair()
    CitationFactory(event=EventFactory(title="Summit in Lima", confidence=0.9))
    CitationFactory(event=EventFactory(title="Published visit", confidence=0.99, review_state="published"))

    page = editor.get(reverse("admin:events_event_review_queue")).content.decode()

    assert page.index("Talks in Vienna") < page.index("Summit in Lima")  # two articles before one
    assert "Published visit" not in page
    assert "matched: score 0.74: same type (meeting)" in page
    assert "split off" in page


def test_the_event_list_links_to_the_review_queue(editor: Client) -> None:
    page = editor.get(reverse("admin:events_event_changelist")).content.decode()

    assert reverse("admin:events_event_review_queue") in page


def test_the_citation_inline_shows_the_match_and_a_split_link(editor: Client) -> None:
    event, matched = matched_pair()

    page = editor.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()

    assert "score 0.74: same type (meeting)" in page
    assert reverse("admin:events_event_citation_split", args=[matched.pk]) in page


def test_splitting_moves_the_citation_to_a_new_proposed_event(editor: Client) -> None:
    event, matched = matched_pair()
    url = reverse("admin:events_event_citation_split", args=[matched.pk])
    assert "Split into its own event" in editor.get(url).content.decode()

    response = editor.post(url)

    matched.refresh_from_db()
    assert matched.event_id != event.pk
    assert response["Location"] == reverse("admin:events_event_change", args=[matched.event_id])
    assert event.citations.count() == 1
    assert matched.match_reason == ""


def test_the_only_citation_of_an_event_is_not_split(editor: Client) -> None:
    citation = CitationFactory()

    editor.post(reverse("admin:events_event_citation_split", args=[citation.pk]))

    assert Event.objects.count() == 1


def test_a_user_who_cannot_change_events_cannot_split() -> None:
    _, matched = matched_pair()
    client = Client()
    client.force_login(make_user("viewer"))

    assert client.post(reverse("admin:events_event_citation_split", args=[matched.pk])).status_code == 403
