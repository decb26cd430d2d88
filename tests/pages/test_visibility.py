"""Only published events reach the public: nothing proposed, rejected, in an unpublished topic only, or
from an article only they cite appears in any page, feed, embed or search result."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.pages.conftest import SECRET, World

pytestmark = pytest.mark.django_db


def public_urls(world: World) -> list[str]:
    slug = world.topic.slug
    actor = world.visit.actor_links.first().actor_id  # type: ignore[union-attr]
    return [
        reverse("timeline:home"),
        reverse("timeline:topic", args=[slug]),
        reverse("timeline:topic", args=[slug]) + "?year=all",
        reverse("timeline:topic-embed", args=[slug]),
        reverse("timeline:topic-atom", args=[slug]),
        reverse("timeline:topic-ical", args=[slug]),
        reverse("timeline:topic-timelinejs", args=[slug]),
        reverse("timeline:event", args=[world.visit.pk]),
        reverse("timeline:article", args=[world.article.pk]),
        reverse("timeline:actor", args=[actor]),
        reverse("timeline:place", args=[world.visit.place_id]),
        reverse("timeline:search") + f"?q={SECRET}",
        reverse("timeline:search") + "?q=delegation",
        reverse("timeline:search") + "?q=secret",
    ]


def test_no_page_feed_embed_or_search_shows_unpublished_material(client: Client, world: World) -> None:
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        if "/search/" in url:
            body = body.split('id="ev-h"', 1)[1]  # the page repeats the query itself; judge the results
        assert SECRET not in body, url


def test_proposed_and_rejected_events_have_no_page(client: Client, world: World) -> None:
    for event in (world.proposed, world.rejected):
        assert client.get(reverse("timeline:event", args=[event.pk])).status_code == 404


def test_an_article_cited_only_by_unpublished_events_has_no_page(client: Client, world: World) -> None:
    assert client.get(reverse("timeline:article", args=[world.secret_article.pk])).status_code == 404


def test_an_unpublished_topic_has_no_page_feed_or_embed(client: Client, world: World) -> None:
    slug = world.hidden_topic.slug
    for name in ("topic", "topic-embed", "topic-atom", "topic-ical", "topic-timelinejs"):
        assert client.get(reverse(f"timeline:{name}", args=[slug])).status_code == 404, name


def test_an_unpublished_topic_is_not_listed_on_an_event_it_contains(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:event", args=[world.visit.pk])).content.decode()
    assert world.topic.name in html
    assert world.hidden_topic.slug not in html


def test_an_actor_with_only_unpublished_events_has_no_page(client: Client, world: World) -> None:
    from events.models import EventActor
    from tests.factories import ActorFactory

    hidden = ActorFactory(name="Hidden envoy")
    EventActor.objects.create(event=world.proposed, actor=hidden)
    assert client.get(reverse("timeline:actor", args=[hidden.pk])).status_code == 404
