"""Finding 6 (issue 18): the API's TimelineJS carried raw HTML in headline, text, caption and credit.
There is one TimelineJS writer now, for the API and the topic download, and it escapes every value."""

from __future__ import annotations

import json

import pytest

from events.models import TopicMembership
from tests.factories import ArticleFactory, CitationFactory, EventFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db
PAYLOAD = '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize(
    "url", ["/api/v1/events/?format=timeline", "/topics/t/timelinejs.json", "/topics/t/events.timelinejs.json"]
)
def test_no_value_reaches_timelinejs_as_markup(client, url):
    event = EventFactory(title=f"Title {PAYLOAD}", summary=f"Summary {PAYLOAD}", review_state="published")
    TopicMembership.objects.create(topic=TopicFactory(slug="t", is_published=True), event=event)
    article = ArticleFactory(clean_text=f"Quote {PAYLOAD} here.", source=SourceFactory(name=f"Outlet {PAYLOAD}"))
    CitationFactory(event=event, article=article)

    document = json.loads(client.get(url).content)

    assert "<img" not in json.dumps(document)
    (slide,) = document["events"]
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in slide["text"]["headline"]
    assert slide["text"]["text"].count("&lt;img") == 3  # summary, quote, outlet
