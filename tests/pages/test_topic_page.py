"""The topic timeline: dates at their precision, badges, sources, the Ahead section, filters, windows."""

from __future__ import annotations

import itertools
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.pages.conftest import World, published

pytestmark = pytest.mark.django_db


def page(client: Client, world: World, query: str = "") -> str:
    response = client.get(reverse("timeline:topic", args=[world.topic.slug]) + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(">18 Jun 2023</time>", id="day"),
        pytest.param(">May 2023</time>", id="month"),
        pytest.param(">c. 2012</time>", id="approximate-year"),
        pytest.param(">18–19 Mar 2021</time>", id="day-range"),
        pytest.param(">week of 17 Feb 2025</time>", id="week"),
    ],
)
def test_it_writes_each_date_at_its_precision(client: Client, world: World, text: str) -> None:
    assert text in page(client, world)


def test_it_gives_time_elements_the_edtf_value_and_bounds(client: Client, world: World) -> None:
    html = page(client, world)
    assert '<time datetime="2023-05" data-edtf="2023-05" data-lower="2023-05-01" data-upper="2023-05-31">' in html
    assert '<time datetime="2023-06-18" data-edtf="2023-06-18"' in html


def test_it_shows_status_badges(client: Client, world: World) -> None:
    html = page(client, world)
    for status in ("Scheduled", "Postponed", "Ongoing"):
        assert f">{status}</span>" in html


def test_scheduled_events_sit_in_the_ahead_section(client: Client, world: World) -> None:
    html = page(client, world)
    ahead = html.split('id="ahead"', 1)[1].split('id="past"', 1)[0]
    assert "Leaders&#x27; summit" in ahead
    assert "Foreign minister visits Vienna" not in ahead


def test_a_postponed_event_links_to_its_successor(client: Client, world: World) -> None:
    html = page(client, world)
    item = html.split(f'id="e{world.postponed.pk}"', 1)[1].split("</li>", 1)[0]
    assert reverse("timeline:event", args=[world.successor.pk]) in item


def test_each_event_has_numbered_source_notes_with_quote_outlet_date_and_links(client: Client, world: World) -> None:
    html = page(client, world)
    item = html.split(f'id="e{world.visit.pk}"', 1)[1].split("</ol>", 1)[0]
    assert '<ol class="sources"' in item
    assert "The foreign minister visited Vienna on June 18, 2023." in item
    assert "Pacific Wire" in item
    assert 'href="https://pacificwire.example/a1"' in item
    assert reverse("timeline:article", args=[world.article.pk]) in item


def test_the_timeline_is_an_ordered_list_grouped_by_year_and_month(client: Client, world: World) -> None:
    html = page(client, world)
    assert '<ol class="timeline">' in html
    assert 'id="my2023"' in html and 'id="m2023-05"' in html and 'id="m2023-06"' in html
    assert html.index('id="m2023-05"') < html.index('id="m2023-06"')


def test_headings_do_not_skip_levels(client: Client, world: World) -> None:
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", page(client, world))]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        pytest.param("?type=visit", "Foreign minister visits Vienna", "Talks in May", id="type"),
        pytest.param("?status=postponed", "Trade talks (first date)", "Talks in May", id="status"),
        pytest.param("?date_from=2023-05-15&date_to=2023-05-20", "Talks in May", "Foreign minister", id="dates"),
    ],
)
def test_filters_narrow_the_timeline(client: Client, world: World, query: str, shown: str, hidden: str) -> None:
    html = page(client, world, query).split('id="past"', 1)[1]
    assert shown in html
    assert hidden not in html


def test_actor_and_place_filters_take_several_values(client: Client, world: World) -> None:
    actor = world.visit.actor_links.first().actor  # type: ignore[union-attr]
    html = page(client, world, f"?actor={actor.pk}&place={world.visit.place_id}").split('id="past"', 1)[1]
    assert "Foreign minister visits Vienna" in html
    assert "Talks in May" not in html


def test_an_actor_or_place_outside_the_timeline_is_neither_offered_nor_accepted(client: Client, world: World) -> None:
    from tests.factories import ActorFactory, PlaceFactory

    stranger, elsewhere = ActorFactory(name="Stranger envoy"), PlaceFactory(name="Elsewhere")
    assert "Stranger envoy" not in page(client, world) and ">Elsewhere<" not in page(client, world)
    for query in (f"?actor={stranger.pk}", f"?place={elsewhere.pk}"):
        html = page(client, world, query)
        assert '<p class="error">' in html and "is not one of the available choices" in html


def test_a_large_timeline_is_windowed_by_year_with_the_year_in_the_url(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("timeline.views.windows.WINDOW_EVENTS", 3)
    html = page(client, world, "?year=2021")
    past = html.split('id="past"', 1)[1]
    assert "Trade talks (rescheduled)" in past
    assert "Foreign minister visits Vienna" not in past
    assert "Leaders&#x27; summit" in html  # the Ahead section ignores the window
    assert "?year=2023" in html
    assert "Foreign minister visits Vienna" in page(client, world, "?year=all")


def test_an_unpublished_topic_is_not_found(client: Client, world: World) -> None:
    assert client.get(reverse("timeline:topic", args=[world.hidden_topic.slug])).status_code == 404


def test_it_escapes_titles_from_articles(client: Client, world: World) -> None:
    published(world.topic, title="<script>alert(1)</script>", date_edtf="2023-06-20")
    html = page(client, world)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
