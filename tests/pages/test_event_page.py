"""An event's permalink: citations, related events, corrections history, merges redirect."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events import services
from tests.pages.conftest import World, published

pytestmark = pytest.mark.django_db


def html_of(client: Client, pk: int) -> str:
    response = client.get(reverse("timeline:event", args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_every_citation_with_its_quote_and_links(client: Client, world: World) -> None:
    html = html_of(client, world.visit.pk)
    assert "<blockquote><p>BEIJING (Pacific Wire) — The foreign minister visited Vienna on June 18, 2023.</p>" in html
    assert 'href="https://pacificwire.example/a1"' in html
    citation = world.visit.citations.get()
    assert f"{reverse('timeline:article', args=[world.article.pk])}#c{citation.pk}" in html


def test_it_links_related_events_both_ways(client: Client, world: World) -> None:
    assert reverse("timeline:event", args=[world.successor.pk]) in html_of(client, world.postponed.pk)
    assert reverse("timeline:event", args=[world.postponed.pk]) in html_of(client, world.successor.pk)


def test_it_shows_the_corrections_history(client: Client, world: World) -> None:
    services.event_update(event=world.talks, date_edtf="2023-04", title="Talks in April")
    html = html_of(client, world.talks.pk)
    assert "Corrections history" in html
    assert "<del>2023-05</del> → <ins>2023-04</ins>" in html
    assert "<del>Talks in May</del> → <ins>Talks in April</ins>" in html


def test_a_merged_id_redirects_permanently_to_the_surviving_event(client: Client, world: World) -> None:
    duplicate = published(world.topic, title="Duplicate visit", date_edtf="2023-06-18")
    services.event_merge(target=world.visit, others=[duplicate])
    response = client.get(reverse("timeline:event", args=[duplicate.pk]))
    assert response.status_code == 301
    assert response["Location"] == reverse("timeline:event", args=[world.visit.pk])


def test_it_has_a_canonical_permalink_and_open_graph_tags(client: Client, world: World) -> None:
    html = html_of(client, world.visit.pk)
    assert '<link rel="canonical" href="http://testserver/events/' in html
    assert '<meta property="og:title" content="Foreign minister visits Vienna (18 Jun 2023)">' in html
