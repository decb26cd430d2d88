"""Windows of a long timeline: a year at a time, or "all years" in pages of whole months, with older
and newer links; the URL holds the window, and a malformed one is a clear 400."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.pages.conftest import World, published
from timeline.views.windows import month_pages

pytestmark = pytest.mark.django_db


def page(client: Client, world: World, query: str) -> str:
    response = client.get(reverse("timeline:topic", args=[world.topic.slug]) + query)
    assert response.status_code == 200, response.content
    return response.content.decode()


def past(html: str) -> str:
    return html.split('id="past"', 1)[1]


def steps(html: str) -> dict[str, tuple[str, str]]:
    """rel -> (href, label) of the older/newer links."""
    found = re.findall(r'<a href="([^"]*)" rel="(prev|next)">([^<]*)</a>', html)
    return {rel: (href.replace("&amp;", "&"), label) for href, rel, label in found}


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # The world's past events fall in six months, one each: 2012-01 (c. 2012), 2021-02, 2021-03,
    # 2023-05, 2023-06 and 2025-02. Two a page makes three pages.
    monkeypatch.setattr("timeline.views.windows.ALL_PAGE_EVENTS", 2)


@pytest.mark.usefixtures("small_pages")
def test_all_years_of_a_long_timeline_starts_with_its_oldest_page(client: Client, world: World) -> None:
    html = page(client, world, "?year=all")
    assert "Tensions begin" in past(html) and "Trade talks (first date)" in past(html)
    assert "Talks in May" not in past(html)
    assert "showing page 1 of 3, January 2012 to February 2021, and the events ahead" in html
    assert "Leaders&#x27; summit" in html.split('id="ahead"', 1)[1].split('id="past"', 1)[0]
    assert steps(html) == {"next": ("?year=all&page=2", "Newer: March 2021 to May 2023 →")}


@pytest.mark.usefixtures("small_pages")
def test_the_last_page_links_back_to_the_one_before(client: Client, world: World) -> None:
    html = page(client, world, "?year=all&page=3")
    assert "Foreign minister visits Vienna" in past(html) and "Officials meet" in past(html)
    assert "Tensions begin" not in past(html)
    assert steps(html) == {"prev": ("?year=all&page=2", "← Older: March 2021 to May 2023")}


@pytest.mark.usefixtures("small_pages")
def test_pages_keep_the_filters_in_their_links(client: Client, world: World) -> None:
    html = page(client, world, "?type=talks&type=statement&type=visit&year=all")
    # Five matching past events (c. 2012, Feb 2021, Mar 2021, May 2023, Jun 2023): three pages.
    assert steps(html)["next"][0] == "?type=talks&type=statement&type=visit&year=all&page=2"


@pytest.mark.usefixtures("small_pages")
def test_the_strip_links_a_month_on_another_page_to_that_page(client: Client, world: World) -> None:
    html = page(client, world, "?year=all")
    svg = html.split('<svg class="strip-svg"', 1)[1].split("</svg>", 1)[0]
    assert 'href="#m2021-02"' in svg  # on this page
    assert 'href="?year=all&amp;page=3#m2023-06"' in svg


def test_a_year_window_links_to_the_years_before_and_after_it(client: Client, world: World) -> None:
    html = page(client, world, "?year=2021")
    assert steps(html) == {"prev": ("?year=2012", "← Older: 2012"), "next": ("?year=2023", "Newer: 2023 →")}


def test_a_short_timeline_shows_everything_without_windows(client: Client, world: World) -> None:
    html = page(client, world, "?year=all")
    assert "Tensions begin" in past(html) and "Officials meet" in past(html)
    assert steps(html) == {}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param("?year=99999999999", "year must be a whole number from 1 to 9999", id="huge-year"),
        pytest.param("?year=0", "year must be", id="year-zero"),
        pytest.param("?year=%C2%B2", "year must be", id="superscript-digit"),
        pytest.param("?year=last", "year must be", id="word"),
        pytest.param("?year=all&page=0", "page must be a whole number from 1 to 3", id="page-zero"),
        pytest.param("?year=all&page=4", "page must be", id="page-past-the-end"),
        pytest.param("?year=all&page=-1", "page must be", id="negative-page"),
    ],
)
@pytest.mark.usefixtures("small_pages")
def test_a_window_that_does_not_exist_is_a_clear_400(client: Client, world: World, query: str, message: str) -> None:
    for name in ("timeline:topic", "timeline:topic-embed"):
        response = client.get(reverse(name, args=[world.topic.slug]) + query)
        assert response.status_code == 400
        assert message in response.content.decode()


@pytest.mark.parametrize("name", ["timeline:actor", "timeline:place"])
def test_actor_and_place_timelines_answer_a_malformed_year_with_a_400(client: Client, world: World, name: str) -> None:
    pk = world.visit.actor_links.first().actor_id if name == "timeline:actor" else world.visit.place_id  # type: ignore[union-attr]
    response = client.get(reverse(name, args=[pk]) + "?year=1e3")
    assert response.status_code == 400
    assert "year must be" in response.content.decode()


def test_month_pages_never_split_a_month_and_give_a_busy_month_its_own_page() -> None:
    counts = [(2020, 1, 3), (2020, 2, 9), (2020, 4, 1), (2021, 1, 2), (2021, 2, 2)]
    pages = month_pages(counts, 4)
    assert [(p.first, p.last, p.count) for p in pages] == [
        ((2020, 1), (2020, 1), 3),
        ((2020, 2), (2020, 2), 9),
        ((2020, 4), (2021, 1), 3),
        ((2021, 2), (2021, 2), 2),
    ]
    assert sum(p.count for p in pages) == sum(n for _, _, n in counts)
    assert pages[2].label == "April 2020 to January 2021"


def test_window_links_keep_every_other_parameter_in_its_place() -> None:
    from django.http import QueryDict

    from timeline.views.windows import query_with

    params = QueryDict("type=visit&year=2020&type=talks&q=a+b%26c&page=2")
    # Keys in the order they first appear, a key's values together (as QueryDict.urlencode writes them).
    assert query_with(params, year="all", page=None) == "?type=visit&type=talks&year=all&q=a+b%26c"
    assert query_with(params, page="3", date_from="2020-01-01") == (
        "?type=visit&type=talks&year=2020&q=a+b%26c&page=3&date_from=2020-01-01"
    )
    assert query_with(QueryDict(""), year=None) == "?"


@pytest.fixture
def one_month_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # One past month a page: 2021 (February, March) and 2023 (May, June) get two pages each.
    monkeypatch.setattr("timeline.views.windows.ALL_PAGE_EVENTS", 1)


def months_shown(html: str) -> list[str]:
    return re.findall(r'<h\d id="m(\d{4}-\d{2})" class="month">', past(html))


@pytest.mark.usefixtures("one_month_pages")
def test_a_long_year_starts_at_its_first_page_and_links_to_the_next(client: Client, world: World) -> None:
    html = page(client, world, "?year=2021")
    assert months_shown(html) == ["2021-02"]
    assert "showing 2021, page 1 of 2, February 2021, and the events ahead" in html
    assert "Leaders&#x27; summit" in html.split('id="ahead"', 1)[1].split('id="past"', 1)[0]
    assert steps(html) == {
        "prev": ("?year=2012", "← Older: 2012"),
        "next": ("?year=2021&page=2", "Newer: March 2021 →"),
    }


@pytest.mark.usefixtures("one_month_pages")
def test_the_last_page_of_a_year_steps_back_within_it_and_on_to_the_next_year(client: Client, world: World) -> None:
    html = page(client, world, "?year=2021&page=2")
    assert months_shown(html) == ["2021-03"]
    assert steps(html) == {
        "prev": ("?year=2021&page=1", "← Older: February 2021"),
        "next": ("?year=2023", "Newer: May 2023 →"),
    }


@pytest.mark.usefixtures("one_month_pages")
def test_older_from_a_year_goes_to_the_newest_page_of_the_year_before(client: Client, world: World) -> None:
    html = page(client, world, "?year=2023&type=talks&type=visit&type=statement&type=meeting")
    assert months_shown(html) == ["2023-05"]
    assert steps(html)["prev"] == (
        "?year=2021&type=talks&type=visit&type=statement&type=meeting&page=2",
        "← Older: March 2021",
    )


@pytest.mark.usefixtures("one_month_pages")
def test_the_strip_of_a_year_page_links_each_month_to_its_year_and_page(client: Client, world: World) -> None:
    html = page(client, world, "?year=2021")
    svg = html.split('<svg class="strip-svg"', 1)[1].split("</svg>", 1)[0]
    assert 'href="#m2021-02"' in svg
    assert 'href="?year=2021&amp;page=2#m2021-03"' in svg
    assert 'href="?year=2023&amp;page=2#m2023-06"' in svg
    assert 'href="?year=2025#m2025-02"' in svg


@pytest.mark.usefixtures("one_month_pages")
def test_a_page_past_the_end_of_a_year_is_a_clear_400(client: Client, world: World) -> None:
    response = client.get(reverse("timeline:topic", args=[world.topic.slug]) + "?year=2021&page=3")
    assert response.status_code == 400
    assert "page must be a whole number from 1 to 2" in response.content.decode()


@pytest.mark.usefixtures("one_month_pages")
def test_the_default_window_of_a_long_timeline_is_the_newest_page_of_its_latest_year(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("timeline.views.windows.WINDOW_EVENTS", 2)
    published(world.topic, title="Late talks", event_type="talks", date_edtf="2025-09")
    html = page(client, world, "")
    assert months_shown(html) == ["2025-09"]
    assert "showing 2025, page 2 of 2, September 2025, and the events ahead" in html
    assert steps(html)["prev"] == ("?year=2025&page=1", "← Older: February 2025")
    # The same window, asked for explicitly, is a URL of its own.
    assert months_shown(page(client, world, "?year=2025&page=2")) == ["2025-09"]


def test_the_years_list_marks_the_window_shown_and_keeps_the_filters(client: Client, world: World) -> None:
    def years(html: str) -> list[tuple[str, str, bool]]:
        nav = html.split('<nav class="years" aria-label="Years">', 1)[1].split("</nav>", 1)[0]
        found = re.findall(r'<a href="([^"]*)"( aria-current="page")?>([^<]*)', nav)
        return [(href.replace("&amp;", "&"), label.strip(), bool(current)) for href, current, label in found]

    assert years(page(client, world, "?year=2021&type=talks")) == [
        ("?year=2021&type=talks", "2021", True),
        ("?year=2023&type=talks", "2023", False),
        ("?year=all&type=talks", "All years", False),
    ]
    listed = years(page(client, world, "?year=all"))
    assert [label for _, label, _ in listed] == ["2012", "2021", "2023", "2025", "All years"]
    assert [label for _, label, current in listed if current] == ["All years"]


@pytest.mark.parametrize(
    "query",
    ["", "type=visit", "year=2020&type=visit&type=talks&page=3", "q=year%3D_&xyear=_&year=all", "page=2"],
)
def test_year_links_are_the_query_string_with_only_the_year_changed(query: str) -> None:
    from django.http import QueryDict

    from timeline.views.windows import query_with, year_query

    params = QueryDict(query)
    href = year_query(params)
    assert [href(y) for y in (1999, 2024)] == [query_with(params, year=str(y), page=None) for y in (1999, 2024)]


def test_each_month_is_found_on_the_page_that_holds_it() -> None:
    from timeline.views.windows import page_of

    counts = [(2020, 1, 3), (2020, 2, 9), (2020, 4, 1), (2021, 1, 2), (2021, 2, 2)]
    pages = month_pages(counts, 4)
    assert page_of([(y, m) for y, m, _ in counts], pages) == {
        (2020, 1): 1,
        (2020, 2): 2,
        (2020, 4): 3,
        (2021, 1): 3,
        (2021, 2): 4,
    }
