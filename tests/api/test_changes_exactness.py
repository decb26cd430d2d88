"""The feed records every write the API shows, once, and says nothing about events never public."""

from __future__ import annotations

import pytest

from api.models import EventChange
from events.extraction.types import Location
from events.models import Place, Topic
from events.services import event_publish, event_reject, event_update, topic_apply_rule
from events.services.resolve import place_resolve
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _head(client) -> int:
    return int(client.get("/api/v1/events/export/")["X-Changes-Seq"])


def _feed(client, after: int) -> list[dict]:
    entries: list[dict] = []
    url = f"/api/v1/changes/?after={after}&page_size=2"
    while url:
        body = client.get(url).json()
        entries += body["results"]
        url = body["next"]
    return entries


def test_it_records_coordinates_a_later_article_gives_a_known_place(client_anon, make_event):
    place = PlaceFactory(name="Lisbon", kind="city", country_code="PT", latitude=None, longitude=None)
    event = make_event(place=place)
    head = _head(client_anon)

    place_resolve(Location(name="Lisbon", kind="city", country="PT", lat=38.72, lon=-9.14))

    entries = _feed(client_anon, head)
    assert [e["event_id"] for e in entries] == [event.pk]
    assert entries[0]["event"]["place"]["latitude"] == 38.72
    assert Place.objects.get(pk=place.pk).latitude == 38.72


def test_it_records_the_events_a_topic_rule_pulls_in(client_anon, make_event):
    caught, missed = make_event(title="Talks on trade"), make_event(title="A state visit")
    topic = Topic.objects.create(slug="trade", name="Trade", rule_keywords="trade")
    head = _head(client_anon)

    added = topic_apply_rule(topic=topic)

    entries = _feed(client_anon, head)
    assert added == 1
    assert [e["event_id"] for e in entries] == [caught.pk]
    assert "trade" in [t["slug"] for t in entries[0]["event"]["topics"]]
    assert missed.pk not in [e["event_id"] for e in entries]


def test_it_serves_each_edit_with_the_state_it_showed_then(client_anon, make_event):
    event = make_event()
    head = _head(client_anon)

    for title in ("First", "Second", "Third"):
        event_update(event=event, title=title)

    entries = _feed(client_anon, head)
    assert [(e["event_id"], e["event"]["title"]) for e in entries] == [
        (event.pk, "First"),
        (event.pk, "Second"),
        (event.pk, "Third"),
    ]


def test_it_keeps_an_entry_as_it_was_when_the_event_changes_later(client_anon, make_event):
    event = make_event()
    head = _head(client_anon)
    event_update(event=event, title="Before the merge")
    first = _feed(client_anon, head)

    event_reject(events=[event])

    again = _feed(client_anon, head)
    assert again[0] == first[0]
    assert again[0]["event"]["title"] == "Before the merge"
    assert [(e["action"], e["reason"]) for e in again[1:]] == [("remove", "not_published")]


def test_it_says_nothing_to_the_public_about_an_edit_of_a_draft(client_anon, make_event):
    draft = make_event(review_state="proposed")
    head = _head(client_anon)

    event_update(event=draft, title="Still a draft")

    assert _feed(client_anon, head) == []


def test_it_says_nothing_to_the_public_about_events_never_published(client_anon, make_event):
    head = _head(client_anon)
    rejected = make_event(review_state="proposed")
    deleted = make_event(review_state="proposed")
    withdrawn = make_event(review_state="proposed")
    event_publish(events=[withdrawn])

    event_reject(events=[rejected, withdrawn])
    deleted.delete()

    entries = _feed(client_anon, head)
    assert [(e["event_id"], e["action"]) for e in entries] == [(withdrawn.pk, "upsert"), (withdrawn.pk, "remove")]


def test_it_still_tells_an_editor_about_proposed_events_withdrawn(client_editor, make_event):
    head = _head(client_editor)
    rejected = make_event(review_state="proposed")

    event_reject(events=[rejected])

    entries = _feed(client_editor, head)
    assert [(e["event_id"], e["action"], e["reason"]) for e in entries] == [(rejected.pk, "remove", "not_published")]


def test_it_tells_the_public_about_an_event_whose_history_is_not_whole(client_anon, make_event):
    event = make_event()  # published without the service, as a bulk load would
    event.history.all().delete()  # no creation record: nobody can prove it was never public
    EventChange.objects.filter(event_id=event.pk).delete()  # nor a change that showed it
    head = _head(client_anon)

    event_reject(events=[event])

    entries = _feed(client_anon, head)
    assert [(e["event_id"], e["action"]) for e in entries] == [(event.pk, "remove")]
