"""An article's text with the sentences published events cite highlighted and linked."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.pages.conftest import World, cite

pytestmark = pytest.mark.django_db


def test_it_highlights_each_cited_sentence_and_links_it_to_its_event(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:article", args=[world.article.pk])).content.decode()
    citation = world.visit.citations.get()
    assert f'<a class="cited" id="c{citation.pk}" href="{reverse("timeline:event", args=[world.visit.pk])}"' in html
    assert "<mark>BEIJING (Pacific Wire) — The foreign minister visited Vienna on June 18, 2023.</mark>" in html
    assert 'href="https://pacificwire.example/a1"' in html
    assert "Pacific Wire" in html


def test_it_does_not_highlight_sentences_only_unpublished_events_cite(client: Client, world: World) -> None:
    cite(world.proposed, world.article, "The two sides held talks in May 2023.")
    world.talks.citations.all().delete()
    html = client.get(reverse("timeline:article", args=[world.article.pk])).content.decode()
    assert "<mark>The two sides held talks in May 2023.</mark>" not in html
    assert "The two sides held talks in May 2023." in html  # the text itself is still there


def test_it_never_links_an_original_that_is_not_http(client: Client, world: World) -> None:
    world.article.url = "javascript:alert(1)"
    world.article.save(update_fields=["url"])
    html = client.get(reverse("timeline:article", args=[world.article.pk])).content.decode()
    assert "javascript:" not in html
