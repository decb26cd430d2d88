"""Events are built from plain rows by plain functions; the JSON must stay what the declared
serializer fields (the OpenAPI schema's source) describe, in every path: list, detail, export."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.db.models import Prefetch
from django.test import RequestFactory
from rest_framework import serializers
from rest_framework.request import Request

from api.serializers import EventSerializer
from events.models import Event, EventActor, Topic
from tests.factories import ActorFactory, ArticleFactory, CitationFactory, PlaceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _rich_event(make_event) -> Event:
    """An event with everything that varies: ties, a null place field, an outlet-less article, drafts."""
    other = make_event()
    event = make_event(
        title="Wang Yi meets Blinken — «talks» in Zürich",
        place=PlaceFactory(latitude=None, longitude=None, geonames_id=7_287_650, country_code="CH"),
        date_edtf="2024-05-13/2024-05-19",
        date_is_week=True,
    )
    event.actor_links.create(actor=ActorFactory(name="Aaron", wikidata_id="Q42"), role="initiator")
    event.actor_links.create(actor=ActorFactory(name="Zed"), role="participant")
    event.topic_memberships.create(topic=TopicFactory(slug="a-first", is_published=True))
    event.topic_memberships.create(topic=TopicFactory(slug="b-draft", is_published=False))
    event.relations_out.create(to_event=other, kind="follows")
    event.relations_out.create(to_event=other, kind="part_of")
    CitationFactory(event=event, article=ArticleFactory(source=None, published=date(2020, 1, 1)))
    CitationFactory(event=event, article=ArticleFactory(published=None))
    return event


def _declared_fields(event_pk: int, *, citations: str) -> dict:
    """What DRF's walk over EventSerializer's declared fields gives, with the API's orderings."""
    event = Event.objects.select_related("place").prefetch_related(
        Prefetch("actor_links", queryset=EventActor.objects.select_related("actor").order_by("role", "actor__name")),
        Prefetch("topics", queryset=Topic.objects.filter(is_published=True).order_by("slug")),
    )
    request = Request(RequestFactory().get("/api/v1/events/"))
    serializer = EventSerializer(context={"request": request, "citations": citations})
    walked = serializers.ModelSerializer.to_representation(serializer, event.get(pk=event_pk))
    return json.loads(json.dumps(walked))  # OrderedDicts and ReturnLists to plain JSON values


@pytest.mark.parametrize("citations", ["embed", "link"])
def test_it_gives_what_the_declared_fields_give_in_list_detail_and_export(client_anon, make_event, citations):
    event = _rich_event(make_event)
    expected = _declared_fields(event.pk, citations=citations)

    listed = client_anon.get(f"/api/v1/events/?ordering=id&citations={citations}").json()["results"]
    detail = client_anon.get(f"/api/v1/events/{event.pk}/?citations={citations}").json()
    exported = client_anon.get(f"/api/v1/events/export/?citations={citations}")
    lines = [json.loads(line) for line in b"".join(exported.streaming_content).splitlines()]

    assert [e for e in listed if e["id"] == event.pk] == [expected]
    assert detail == expected
    assert [e for e in lines if e["id"] == event.pk] == [expected]
    assert list(expected) == list(EventSerializer().fields)  # same keys, same order


def test_the_declared_citations_field_reads_only_what_the_requester_may_read(client_anon, make_event):
    """The schema's own walk (EventCitationsField) applies the same rule as the JSON sent: a proposed
    citation is shown to nobody but an editor."""
    event = _rich_event(make_event)
    hidden = CitationFactory(event=event, article=ArticleFactory(published=date(2020, 1, 1)), review_state="proposed")

    walked = _declared_fields(event.pk, citations="embed")

    assert hidden.pk not in [c["id"] for c in walked["citations"]]
    assert walked["citations"] == client_anon.get(f"/api/v1/events/{event.pk}/").json()["citations"]


def test_it_orders_actors_by_role_then_name_and_hides_unpublished_topics(client_anon, make_event):
    event = _rich_event(make_event)

    body = client_anon.get(f"/api/v1/events/{event.pk}/").json()

    pairs = [(a["role"], a["name"]) for a in body["actors"]]
    assert pairs == sorted(pairs) and pairs[0] == ("initiator", "Aaron")
    slugs = [t["slug"] for t in body["topics"]]
    assert "b-draft" not in slugs and slugs[0] == "a-first" and slugs == sorted(slugs)
    outletless = [c for c in body["citations"] if c["article"]["published"] == "2020-01-01"]
    assert [c["article"]["outlet"] for c in outletless] == [None]
    assert body["date_display"] == Event.objects.get(pk=event.pk).human_date
    assert body["place"]["latitude"] is None and body["place"]["geonames_id"] == 7_287_650


def test_it_exports_the_unicode_as_written(client_anon, make_event):
    event = _rich_event(make_event)

    exported = client_anon.get(f"/api/v1/events/export/?q={event.title.split()[0]}")

    assert "Zürich".encode() in b"".join(exported.streaming_content)
