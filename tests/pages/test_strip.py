"""The overview strip: a bar per month, scheduled months hatched, links to anchors, a text alternative."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from events.selectors import MonthCount
from tests.pages.conftest import World, published
from timeline.svg import build_strip


def row(year: int, month: int, total: int, ahead: int = 0, precision: str = "day") -> MonthCount:
    return MonthCount(year, month, precision, total, ahead)


def link(year: int, month: int, ahead: bool) -> str:
    return f"#{'a' if ahead else 'm'}{year}-{month:02d}"


def test_it_spans_every_month_between_the_first_and_the_last() -> None:
    strip = build_strip([row(2023, 11, 2), row(2024, 2, 1)], today=date(2024, 6, 1), link_for=link)
    assert strip is not None
    assert (strip.first, strip.last) == ("November 2023", "February 2024")
    assert [r.label for r in strip.rows] == ["November 2023", "February 2024"]
    assert strip.svg.count("<rect x=") == 2


def test_scheduled_months_are_hatched_and_link_to_the_ahead_section() -> None:
    strip = build_strip([row(2030, 5, 3, ahead=3)], today=date(2024, 6, 1), link_for=link)
    assert strip is not None
    assert 'href="#a2030-05"' in strip.svg and 'fill="url(#strip-hatch)"' in strip.svg
    assert strip.ahead == 3


def test_the_svg_is_hidden_from_assistive_technology_and_the_text_alternative_carries_the_counts() -> None:
    strip = build_strip([row(2023, 5, 4), row(2023, 6, 1)], today=date(2024, 6, 1), link_for=link)
    assert strip is not None
    assert 'aria-hidden="true"' in strip.svg and 'tabindex="-1"' in strip.svg
    assert '<a href="#m2023-05">May 2023: 4 events</a>' in strip.text_html
    assert '<a href="#m2023-06">June 2023: 1 event</a>' in strip.text_html


def test_events_dated_only_to_a_year_are_counted_apart() -> None:
    strip = build_strip([row(2012, 1, 2, precision="year"), row(2013, 3, 1)], today=date(2024, 6, 1), link_for=link)
    assert strip is not None
    assert strip.coarse == 2
    assert strip.total == 1


def test_a_long_span_keeps_a_minimum_width_per_month_so_a_phone_scrolls_instead_of_squashing() -> None:
    strip = build_strip([row(2000, 1, 1), row(2024, 12, 1)], today=date(2024, 6, 1), link_for=link)
    assert strip is not None
    assert 'style="min-width:2400px"' in strip.svg


def test_nothing_to_draw_gives_no_strip() -> None:
    assert build_strip([], today=date(2024, 6, 1), link_for=link) is None


def test_links_are_escaped() -> None:
    strip = build_strip([row(2023, 5, 1)], today=date(2024, 6, 1), link_for=lambda y, m, a: "?a=1&b=<2>#m")
    assert strip is not None
    assert 'href="?a=1&amp;b=&lt;2&gt;#m"' in strip.svg


def test_the_strip_of_a_page_asked_again_shows_an_event_published_in_between(client: Client, world: World) -> None:
    """The strip is reused while its inputs are the same; a new event changes them."""
    url = reverse("timeline:topic", args=[world.topic.slug])
    assert 'href="#m2019-04"' not in client.get(url).content.decode()
    published(world.topic, title="Envoys meet in April", event_type="meeting", date_edtf="2019-04-02")
    html = client.get(url).content.decode()
    assert 'href="#m2019-04"' in html.split("</svg>", 1)[0]
