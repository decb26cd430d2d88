"""Cleaning of scraped plain-text pages and of HTML."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.cleaning import clean_document, clean_html, clean_text
from tests.conftest import SHARED

SCRAPED = SHARED / "corpus" / "blinken-beijing-scraped.txt"

PAGE = """Current:Home > WorldJane Roe|Envoy lands in Paris for talks on the crisis -Example Wire
Jane Roe|Envoy lands in Paris for talks on the crisis
Sam Writer View
Date:2024-03-05 10:00:00
The envoy arrived in Paris on Monday on Jane Roea two-day mission to meet French officials.
She will meet the president on Tuesday, officials said in a statement to reporters.
- In:
- Paris
Related
- Minister resigns after summit in Berlin on Friday, officials said today.
Ranking
- Storm hits coast on Sunday as thousands flee their homes in the region.
"""

HTML = """<html><head><title>Envoy visits Paris - Daily Wire</title>
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-03-05">
<meta property="og:site_name" content="Daily Wire"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Envoy visits Paris</h1>
<p>The envoy arrived in Paris on Monday for talks with French officials about the crisis in the region.</p>
<p>She will meet the president on Tuesday, officials said in a statement to reporters.</p></article>
</body></html>"""


def test_it_reads_title_byline_outlet_and_stated_date_of_a_plain_page() -> None:
    page = clean_text(PAGE)
    assert page.title == "Envoy lands in Paris for talks on the crisis"
    # The page pastes a label into its title and story: "Sam Writer View" is the copying site's persona,
    # not the story's author, and is not taken as its byline.
    assert page.byline == ""
    assert page.outlet == "Example Wire"
    assert page.published == date(2024, 3, 5)
    assert page.published_source == "text"


def test_it_reads_the_byline_of_a_scraped_page_that_pastes_no_labels() -> None:
    page = clean_text(
        "World | Politics | Business\nEnvoy lands in Paris for talks on the crisis\nBy Sam Writer\n"
        "Date:2024-03-05 10:00:00\nThe envoy arrived in Paris on Monday on a two-day mission to meet officials.\n"
    )
    assert page.byline == "Sam Writer"


def test_it_drops_tag_and_link_lists_and_pasted_labels() -> None:
    page = clean_text(PAGE)
    assert page.text.startswith("The envoy arrived in Paris on Monday on a two-day mission")
    assert "Berlin" not in page.text and "Storm" not in page.text and "Jane Roe" not in page.text
    assert page.text.endswith("statement to reporters.")


@pytest.mark.skipif(not SCRAPED.exists(), reason="shared corpus not present")
def test_it_cleans_the_scraped_seed_page() -> None:
    page = clean_text(SCRAPED.read_text(encoding="utf-8"))
    assert page.published == date(2025, 4, 6)
    assert page.byline == ""  # "Oliver James Montgomery View": the spam site's persona, not AP's reporter
    assert page.title.startswith("Blinken arrives in Beijing")
    assert "Benjamin Ashford" not in page.text
    assert "Related" not in page.text.split("\n") and "Nevada attorney general" not in page.text
    assert page.text.rstrip().endswith("imprisoned since 2016.")


def test_it_extracts_main_text_and_metadata_from_html() -> None:
    page = clean_html(HTML)
    assert page.title == "Envoy visits Paris"
    assert page.published == date(2024, 3, 5)
    assert page.published_source == "metadata"
    assert page.byline == "Jane Doe"
    assert page.text.startswith("The envoy arrived in Paris on Monday")
    assert "Home" not in page.text


def test_it_sniffs_html_when_the_kind_is_unknown() -> None:
    assert clean_document(HTML).title == "Envoy visits Paris"
    assert clean_document("Just a line of text that is long enough to count as prose here.").title == ""
