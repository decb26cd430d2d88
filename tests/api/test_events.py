"""Events: visibility by requester, the representation, and embedding citations or linking them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_shows_anonymous_readers_published_events_only(client_anon, make_event):
    published = make_event()
    make_event(review_state="proposed")
    make_event(review_state="rejected")

    response = client_anon.get("/api/v1/events/")

    assert response.status_code == 200
    assert [e["id"] for e in response.json()["results"]] == [published.pk]


def test_it_shows_editors_proposed_events_too(client_editor, make_event):
    make_event()
    make_event(review_state="proposed")
    make_event(review_state="rejected")

    response = client_editor.get("/api/v1/events/")

    assert sorted(e["review_state"] for e in response.json()["results"]) == ["proposed", "published"]


def test_it_hides_merged_events(client_anon, make_event):
    target, merged = make_event(), make_event()
    merged.merged_into = target
    merged.save()

    ids = [e["id"] for e in client_anon.get("/api/v1/events/").json()["results"]]

    assert ids == [target.pk]


def test_it_carries_dates_plover_place_actors_topics_and_citations(client_anon, make_event):
    event = make_event(date_edtf="2024-05", event_type="visit")

    body = client_anon.get(f"/api/v1/events/{event.pk}/").json()

    assert body["date_edtf"] == "2024-05"
    assert (body["date_lower"], body["date_upper"], body["precision"]) == ("2024-05-01", "2024-05-31", "month")
    assert (body["type"], body["plover_category"], body["plover_mode"]) == ("visit", "CONSULT", "visit")
    assert body["place"]["country_code"] == "AT" and body["place"]["latitude"] == 48.2
    assert sorted(a["role"] for a in body["actors"]) == ["initiator", "target"]
    assert len(body["topics"]) == 1
    citation = body["citations"][0]
    assert citation["quote"] and citation["end"] > citation["start"]
    assert citation["article"]["url"].startswith("https://news.example/")
    assert citation["article"]["outlet"] and citation["article"]["published"]


def test_it_links_citations_when_asked(client_anon, make_event):
    event = make_event()

    body = client_anon.get(f"/api/v1/events/{event.pk}/?citations=link").json()

    assert body["citations"].endswith(f"/api/v1/citations/?event={event.pk}")
    listed = client_anon.get(body["citations"]).json()["results"]
    assert [c["event"] for c in listed] == [event.pk]


def test_it_refuses_an_unknown_citations_mode(client_anon, make_event):
    response = client_anon.get("/api/v1/events/?citations=inline")

    assert response.status_code == 400
    assert "citations" in response.json()["error"]["fields"]


def test_it_redirects_a_merged_event_to_the_survivor(client_anon, make_event):
    target, merged = make_event(), make_event()
    merged.merged_into = target
    merged.save()

    response = client_anon.get(f"/api/v1/events/{merged.pk}/")

    assert response.status_code == 301
    assert response["Location"].endswith(f"/api/v1/events/{target.pk}/")


def test_it_hides_unpublished_topics_inside_events(client_anon, make_event):
    event = make_event()
    topic = event.topics.get()
    topic.is_published = False
    topic.save()

    assert client_anon.get(f"/api/v1/events/{event.pk}/").json()["topics"] == []


def test_each_citation_says_how_sure_its_date_is(client_anon, make_event):
    from tests.factories import CitationFactory

    event = make_event()
    CitationFactory(event=event, date_basis="narrative")

    embedded = client_anon.get(f"/api/v1/events/{event.pk}/").json()["citations"]
    listed = client_anon.get("/api/v1/citations/").json()["results"]

    # The event's first citation was made without the engine: its basis is empty, not invented.
    assert sorted(c["date_basis"] for c in embedded) == ["", "narrative"]
    assert sorted(c["date_basis"] for c in listed if c["event"] == event.pk) == ["", "narrative"]
