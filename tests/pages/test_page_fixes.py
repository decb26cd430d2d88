"""Small page defects found by trying the site as a new reader (issue 17, item 6)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from events.selectors import SEARCH_MARK_START, SEARCH_MARK_STOP, search_snippet
from tests.pages.conftest import World, make_article

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_it_does_not_say_events_match_when_the_filters_have_errors(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:topic", args=[world.topic.slug]) + "?date_from=not-a-date").content.decode()
    assert '<p class="error">' in html
    assert "match these filters" not in html
    assert "filters above have errors" in html


def test_the_home_title_names_the_site_once(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:home")).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None
    assert title.group(1).count("Diplomatic timelines") == 1


def test_a_result_without_an_outlet_does_not_start_with_a_comma(client: Client, world: World) -> None:
    from django.utils import timezone

    from tests.pages.conftest import cite

    article = make_article(
        "Envoys met in Lisbon for quiet talks.", source=None, published=timezone.now(), url="https://n.example/x"
    )
    cite(world.visit, article, "Envoys met in Lisbon for quiet talks.")
    html = client.get(reverse("timeline:search") + "?q=Lisbon").content.decode()
    source_lines = re.findall(r'<p class="src">(.*?)</p>', html, re.S)
    assert source_lines, html
    assert all(not _text(line).strip().startswith(",") for line in source_lines)


def test_the_snippet_is_cut_at_word_boundaries() -> None:
    text = " ".join(f"word{i:03d}" for i in range(200)) + " Vienna " + " ".join(f"tail{i:03d}" for i in range(200))
    snippet = search_snippet(text, ["Vienna"], width=100)
    plain = snippet.replace(SEARCH_MARK_START, "").replace(SEARCH_MARK_STOP, "").strip("…")
    words = plain.split()
    assert re.fullmatch(r"word\d{3}", words[0]), words[0]
    assert re.fullmatch(r"tail\d{3}", words[-1]), words[-1]


def test_an_event_without_a_summary_does_not_repeat_its_title_as_the_snippet(client: Client, world: World) -> None:
    world.visit.summary = ""
    world.visit.save()
    html = client.get(reverse("timeline:search") + "?q=Vienna").content.decode()
    events = html.split('id="ev-h"', 1)[1].split('id="ar-h"', 1)[0]
    assert "Foreign minister visits Vienna" in events
    assert '<p class="snippet">' not in events.split("Foreign minister visits Vienna", 1)[1].split("</li>", 1)[0]


def test_the_footer_links_to_the_api_its_docs_and_the_export(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:home")).content.decode()
    footer = html.split('<footer class="site">', 1)[1]
    for url in (reverse("api:root"), reverse("api:docs"), reverse("api:event-export")):
        assert f'href="{url}' in footer, url


def test_the_topic_page_links_to_its_export_and_the_api(client: Client, world: World) -> None:
    html = client.get(reverse("timeline:topic", args=[world.topic.slug])).content.decode()
    main = html.split('<main id="content">', 1)[1].split("<footer", 1)[0]
    assert f'href="{reverse("api:event-export")}?topic={world.topic.slug}&amp;format=csv"' in main
    assert f'href="{reverse("api:event-list")}?topic={world.topic.slug}"' in main
    response = client.get(f"{reverse('api:event-export')}?topic={world.topic.slug}&format=csv")
    assert response.status_code == 200
    assert "Foreign minister visits Vienna" in b"".join(response.streaming_content).decode()
