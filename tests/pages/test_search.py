"""Search over published events and article text: a portable fallback, full-text search on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from events.selectors import SEARCH_MARK_START, SEARCH_MARK_STOP, search_snippet
from tests.pages.conftest import World

pytestmark = pytest.mark.django_db


def test_it_finds_events_and_articles_and_highlights_the_match(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:search") + "?q=Vienna").content.decode()
    assert "Foreign minister visits Vienna" in html
    assert "Minister in Vienna" in html
    assert "<mark>Vienna</mark>" in html


def test_it_escapes_article_text_in_snippets(client: Client, world: World) -> None:
    from tests.pages.conftest import cite, make_article

    article = make_article("Officials said <b>Vienna</b> & more.", url="https://x.example/b")
    cite(world.visit, article, "Officials said <b>Vienna</b> & more.")
    html = client.get(reverse("timeline:search") + "?q=Vienna").content.decode()
    assert "<b>" not in html.split("Articles", 1)[1]


def test_an_empty_query_shows_only_the_form(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:search")).content.decode()
    assert 'name="q"' in html
    assert "No events match" not in html


def test_the_snippet_marks_every_word_case_insensitively() -> None:
    snippet = search_snippet("Talks in Vienna; vienna again.", ["vienna"])
    assert snippet.count(SEARCH_MARK_START) == 2 and snippet.count(SEARCH_MARK_STOP) == 2


@pytest.mark.postgres
def test_postgresql_ranks_with_full_text_search_and_stems_words(client: Client, world: World) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL")
    html = client.get(reverse("timeline:search") + "?q=visiting").content.decode()  # stems to "visit"
    assert "Foreign minister visits Vienna" in html
    assert "<mark>" in html
