"""Every public page costs the same number of queries whatever the number of events it shows."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import EventActor, EventRelation, Topic
from tests.factories import ActorFactory, PlaceFactory, SourceFactory, TopicFactory
from tests.pages.conftest import cite, make_article, published

pytestmark = pytest.mark.django_db

SENTENCE = "The envoys met again in Geneva."


def build(n: int) -> dict[str, object]:
    """A topic with ``n`` published events, each with a place, two actors and two citations."""
    topic = TopicFactory(slug=f"t{n}")
    place = PlaceFactory(name=f"Geneva {n}")
    actors = [ActorFactory(name=f"Envoy {n}-{i}") for i in range(2)]
    source = SourceFactory()
    shared = make_article(" ".join([SENTENCE] * n), source=source, url=f"https://x.example/shared-{n}")
    events = []
    for i in range(n):
        status = "scheduled" if i % 5 == 0 else ("postponed" if i % 7 == 0 else "occurred")
        year = 2020 + i % 4 if status != "scheduled" else 2100
        event = published(
            topic, title=f"Envoys meet {i}", date_edtf=f"{year}-{i % 12 + 1:02d}", status=status, place=place
        )
        for actor in actors:
            EventActor.objects.create(event=event, actor=actor)
        own = make_article(SENTENCE, source=source, url=f"https://x.example/{n}-{i}")
        cite(event, own, SENTENCE)
        start = i * (len(SENTENCE) + 1)
        from events.models import Citation

        Citation.objects.create(event=event, article=shared, quote=SENTENCE, start=start, end=start + len(SENTENCE))
        events.append(event)
    for a, b in itertools.pairwise(events):
        EventRelation.objects.create(from_event=a, to_event=b, kind="postponed_as")
    # One event carrying n citations for the event page.
    hub = events[1]
    for i in range(n):
        cite(hub, make_article(SENTENCE, source=source, url=f"https://x.example/hub-{n}-{i}"), SENTENCE)
    return {"topic": topic, "place": place, "actor": actors[0], "hub": hub, "article": shared}


PAGES: dict[str, Callable[[dict[str, object]], str]] = {
    "home": lambda w: reverse("timeline:home"),
    "topic": lambda w: reverse("timeline:topic", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "topic-filtered": lambda w: (
        reverse("timeline:topic", args=[w["topic"].slug])  # type: ignore[attr-defined]
        + f"?status=occurred&status=postponed&actor={w['actor'].pk}&place={w['place'].pk}&type=meeting"
    ),  # type: ignore[attr-defined]
    "embed": lambda w: reverse("timeline:topic-embed", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "atom": lambda w: reverse("timeline:topic-atom", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "ical": lambda w: reverse("timeline:topic-ical", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "timelinejs": lambda w: reverse("timeline:topic-timelinejs", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "event": lambda w: reverse("timeline:event", args=[w["hub"].pk]),  # type: ignore[attr-defined]
    "article": lambda w: reverse("timeline:article", args=[w["article"].pk]),  # type: ignore[attr-defined]
    "actor": lambda w: reverse("timeline:actor", args=[w["actor"].pk]),  # type: ignore[attr-defined]
    "place": lambda w: reverse("timeline:place", args=[w["place"].pk]),  # type: ignore[attr-defined]
    "search": lambda w: reverse("timeline:search") + "?q=envoys",
}


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("name", list(PAGES))
def test_the_query_count_does_not_grow_with_the_number_of_events(
    client: Client, name: str, django_assert_max_num_queries: Callable[..., object]
) -> None:
    small, large = build(5), build(50)
    few = queries_for(client, PAGES[name](small))
    Topic.objects.filter(pk=small["topic"].pk).delete()  # type: ignore[attr-defined]
    many = queries_for(client, PAGES[name](large))
    assert many == few, f"{name}: {few} queries for 5 events, {many} for 50"
    with django_assert_max_num_queries(few):  # type: ignore[operator]
        client.get(PAGES[name](large))
