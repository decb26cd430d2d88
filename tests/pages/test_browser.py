"""Real-browser tests: Debian's Chromium through Playwright walks the public pages like a reader, checks
them with axe-core (bundled by the axe-playwright-python package, never fetched at run time) and saves
a screenshot of each page type at desktop and phone widths.

Without /usr/bin/chromium these skip with a reason; with CI=true they must run, so they fail instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import ROOT
from tests.pages.conftest import World

# Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are still plain
# synchronous code, so Django's async-safety guard is lifted for this module only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "var" / "test-artifacts")) / "pages"
WIDTHS = {"desktop": 1280, "phone": 360}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def page_urls(world: World) -> dict[str, str]:
    actor = world.visit.actor_links.first().actor_id  # type: ignore[union-attr]
    return {
        "home": reverse("timeline:home"),
        "topic": reverse("timeline:topic", args=[world.topic.slug]),
        "topic-filtered": reverse("timeline:topic", args=[world.topic.slug]) + "?status=occurred&type=visit",
        # A year window: the year list and the older/newer links.
        "topic-year": reverse("timeline:topic", args=[world.topic.slug]) + "?year=2021",
        "event": reverse("timeline:event", args=[world.postponed.pk]),
        "article": reverse("timeline:article", args=[world.article.pk]),
        "actor": reverse("timeline:actor", args=[actor]),
        "place": reverse("timeline:place", args=[world.visit.place_id]),
        "search": reverse("timeline:search") + "?q=Vienna",
        "embed": reverse("timeline:topic-embed", args=[world.topic.slug]),
    }


def test_a_reader_walks_home_topic_filter_event_article_and_back_without_javascript(
    chromium: Any, live_server: Any, world: World
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + reverse("timeline:home"))
    assert page.get_by_role("heading", level=1).inner_text() == "Diplomatic timelines"
    page.get_by_role("link", name="U.S.–China relations").click()
    assert page.get_by_role("heading", level=1).inner_text() == "U.S.–China relations"
    assert page.locator("#ahead").is_visible()
    assert page.get_by_text("week of 17 Feb 2025").is_visible()

    page.locator("details.filters summary").click()
    page.locator("#id_type").select_option(["visit"])
    page.get_by_role("button", name="Apply filters").click()
    assert "type=visit" in page.url
    past = page.locator("section.past")
    assert past.get_by_role("link", name="Foreign minister visits Vienna").is_visible()
    assert past.get_by_text("Talks in May").count() == 0

    past.get_by_role("link", name="Foreign minister visits Vienna").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Foreign minister visits Vienna"
    assert page.get_by_role("heading", name="Corrections history").is_visible()

    page.get_by_role("link", name="Our copy, with the sentence highlighted").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Minister in Vienna"
    assert page.locator("a.cited mark").first.is_visible()

    page.go_back()
    assert page.get_by_role("heading", level=1).inner_text() == "Foreign minister visits Vienna"
    page.go_back()
    assert "type=visit" in page.url
    context.close()


def test_every_page_type_has_no_serious_or_critical_axe_violations(
    chromium: Any, live_server: Any, world: World
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    failures: dict[str, list[str]] = {}
    for width_name, width in WIDTHS.items():
        context = chromium.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, url in page_urls(world).items():
            response = page.goto(live_server.url + url)
            assert response is not None and response.status == 200, url
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width_name}.png"), full_page=True)
            # Nothing may overflow sideways at 360 px except the strip's own scroller.
            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not overflow, f"{name} scrolls sideways at {width}px"
            if width_name == "desktop":
                results = axe.run(page)
                bad = [
                    f"{v['id']} ({v['impact']}): {len(v['nodes'])} node(s)"
                    for v in results.response["violations"]
                    if v["impact"] in {"serious", "critical"}
                ]
                if bad:
                    failures[name] = bad
        context.close()
    assert failures == {}


def test_the_strip_links_each_month_to_its_section(chromium: Any, live_server: Any, world: World) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + reverse("timeline:topic", args=[world.topic.slug]))
    page.locator(".strip-svg a[href='#m2023-06']").click()
    assert page.url.endswith("#m2023-06")
    assert page.locator("#m2023-06").is_visible()
    context.close()
