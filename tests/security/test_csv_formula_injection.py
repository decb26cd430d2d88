"""Finding 5 (issue 18): a CSV cell a spreadsheet would run as a formula is neutralised (OWASP: a leading
``'``), in every CSV the site writes: the event list, the export, the citations and a topic's download."""

from __future__ import annotations

import csv
import io

import pytest

from events.models import Citation, Event, TopicMembership
from tests.factories import ArticleFactory, CitationFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("https://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\tx", "\rx"]


@pytest.fixture
def dangerous() -> Event:
    event = EventFactory(title=FORMULAS[0], summary=FORMULAS[1], review_state="published")
    TopicMembership.objects.create(topic=TopicFactory(slug="t", is_published=True), event=event)
    text = f"{FORMULAS[3]} was said."
    CitationFactory(event=event, article=ArticleFactory(clean_text=text, title=FORMULAS[2]))
    return event


def _rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode(), newline="")))


@pytest.mark.parametrize(
    "url", ["/api/v1/events/?format=csv", "/api/v1/events/export/?format=csv", "/topics/t/events.csv"]
)
def test_event_csv_cells_that_start_like_a_formula_start_with_a_quote(client, dangerous, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content

    (row,) = _rows(body)
    assert row["title"] == "'" + FORMULAS[0]
    assert row["summary"] == "'" + FORMULAS[1]


def test_citation_csv_cells_are_neutralised_too(client, dangerous):
    citation = Citation.objects.get()

    (row,) = _rows(client.get(f"/api/v1/citations/?event={dangerous.pk}&format=csv").content)

    assert row["quote"] == "'" + citation.quote
    assert row["article_title"] == "'" + FORMULAS[2]


@pytest.mark.parametrize("value", FORMULAS[3:])
def test_every_formula_start_is_covered(value):
    from events.presentation.formats.csv import cell

    assert cell(value) == "'" + value
    assert cell(-73.9) == -73.9  # a number is a number, not text that starts with "-"
