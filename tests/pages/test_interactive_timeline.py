"""The interactive timeline on topic, actor and place pages (issue 17, item 4), in Chromium: it draws
the events, zooms by button and keyboard, opens an event from its link, and without JavaScript the
server-rendered list stays the page."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.pages.conftest import World

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _span_days(page: Any) -> float:
    return float(
        page.evaluate(
            "() => { const w = document.querySelector('section.interactive').visTimeline.getWindow();"
            " return (w.end - w.start) / 86400000; }"
        )
    )


def _open(chromium: Any, live_server: Any, path: str) -> tuple[Any, list[str]]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(live_server.url + path)
    page.wait_for_selector("section.interactive[data-ready]", timeout=15000)
    return page, problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_draws_zooms_and_moves_by_buttons_and_keys_without_csp_errors(
    chromium: Any, live_server: Any, world: World
) -> None:
    page, problems = _open(chromium, live_server, reverse("timeline:topic", args=[world.topic.slug]))
    assert page.locator("section.interactive").is_visible()
    assert page.locator(".itl-canvas .vis-item").count() >= 1

    before = _span_days(page)
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_timeout(700)  # the zoom animates
    assert _span_days(page) < before * 0.8
    assert page.locator(".itl-status").inner_text().startswith("Showing ")

    page.locator(".itl-canvas").focus()
    zoomed = _span_days(page)
    page.keyboard.press("-")
    page.wait_for_timeout(700)
    assert _span_days(page) > zoomed * 1.2
    start = page.evaluate("() => document.querySelector('section.interactive').visTimeline.getWindow().start.valueOf()")
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(700)
    moved = page.evaluate("() => document.querySelector('section.interactive').visTimeline.getWindow().start.valueOf()")
    assert moved < start
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_event_opens_from_its_link_by_keyboard(chromium: Any, live_server: Any, world: World) -> None:
    page, _ = _open(chromium, live_server, reverse("timeline:place", args=[world.visit.place_id]))
    link = page.locator(".itl-canvas a.itl-link", has_text="Foreign minister visits Vienna")
    link.wait_for(state="visible")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf".*/events/{world.visit.pk}/$"))
    assert "The foreign minister visited Vienna" in page.content()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_is_on_the_actor_page_too(chromium: Any, live_server: Any, world: World) -> None:
    actor = world.visit.actor_links.first().actor_id  # type: ignore[union-attr]
    page, _ = _open(chromium, live_server, reverse("timeline:actor", args=[actor]))
    assert page.locator(".itl-canvas a.itl-link", has_text="Foreign minister visits Vienna").count() == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_list_is_the_timeline(chromium: Any, live_server: Any, world: World) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("timeline:topic", args=[world.topic.slug]))
    assert not page.locator("section.interactive").is_visible()
    assert page.locator("section.past li.event").count() >= 5


@pytest.mark.django_db
def test_the_items_follow_the_page_filters_and_hide_unpublished_events(client: Client, world: World) -> None:
    url = reverse("timeline:topic-items", args=[world.topic.slug])
    everything = client.get(url).json()["items"]
    titles = {row[1] for row in everything}
    assert "Foreign minister visits Vienna" in titles
    assert not any("Zanzibarian" in t for t in titles)
    visits = client.get(url + "?type=visit").json()["items"]
    assert [row[1] for row in visits] == ["Foreign minister visits Vienna"]
    assert client.get(url + "?date_from=nope").status_code == 400
    page = client.get(reverse("timeline:topic", args=[world.topic.slug]) + "?type=visit").content.decode()
    assert f'data-items="{url}?type=visit"' in page


@pytest.mark.django_db
def test_a_range_open_at_one_end_is_a_point_on_its_known_day(client: Client, world: World) -> None:
    from tests.pages.conftest import published

    published(world.topic, title="Embargo in force", event_type="sanction", status="ongoing", date_edtf="2019-05-02/..")
    published(world.topic, title="Old treaty in force", event_type="agreement", date_edtf="../2012-03-04")
    response = client.get(reverse("timeline:topic-items", args=[world.topic.slug]))
    assert response.status_code == 200
    rows = {row[1]: row for row in response.json()["items"]}
    assert rows["Embargo in force"][2:4] == ["2019-05-02", "2019-05-03"]
    assert rows["Old treaty in force"][2:4] == ["2012-03-04", "2012-03-05"]
