"""Every list costs a constant number of queries, whatever its length."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/events/?page_size=100",
    "/api/v1/events/?page_size=100&citations=link",
    "/api/v1/events/?page_size=100&format=csv",
    "/api/v1/events/?page_size=100&format=jsonld",
    "/api/v1/events/?page_size=100&format=timeline",
    "/api/v1/events/?page_size=100&format=atom",
    "/api/v1/events/?page_size=100&format=ical",
    "/api/v1/events/?page_size=100&type=meeting&type=visit",
    "/api/v1/events/?page_size=100&q=event&topic_missing=1",
    "/api/v1/citations/?page_size=100",
    "/api/v1/articles/?page_size=100",
    "/api/v1/actors/?page_size=100",
    "/api/v1/places/?page_size=100",
    "/api/v1/topics/?page_size=100",
    "/api/v1/sources/?page_size=100",
    "/api/v1/changes/?page_size=100",
]


def _count_queries(client, url: str, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("url", LISTS)
def test_it_costs_the_same_queries_for_5_and_50_events(client_editor, make_event, url, django_assert_max_num_queries):
    for _ in range(5):
        make_event()
    small = _count_queries(client_editor, url, django_assert_max_num_queries)
    for _ in range(45):
        make_event()

    with django_assert_max_num_queries(small):
        response = client_editor.get(url)

    assert response.status_code == 200
    assert small <= 12  # auth (3) + the page + one per prefetch (+ the feed head for changes)


def test_it_exports_in_a_constant_number_of_queries_per_chunk(client_anon, make_event, django_assert_max_num_queries):
    for _ in range(12):
        make_event()

    with django_assert_max_num_queries(8):
        response = client_anon.get("/api/v1/events/export/")
        lines = b"".join(response.streaming_content).splitlines()

    assert len(lines) == 12


TOPIC_DOWNLOADS = [
    "/topics/t/feed.atom",
    "/topics/t/scheduled.ics",
    "/topics/t/timelinejs.json",
    "/topics/t/events.csv",
    "/topics/t/events.json",
    "/topics/t/events.ics",
    "/topics/t/events.jsonld?type=meeting",
]


@pytest.mark.parametrize("url", TOPIC_DOWNLOADS)
def test_a_topic_download_costs_the_same_queries_for_5_and_50_events(client, make_event, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events.models import TopicMembership
    from tests.factories import TopicFactory

    topic = TopicFactory(slug="t", is_published=True)

    def add(n: int) -> None:
        for _ in range(n):
            TopicMembership.objects.create(topic=topic, event=make_event(status="scheduled", date_edtf="2031-05"))

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200 and body
        return len(captured)

    add(5)
    small = count()
    add(45)

    assert count() == small
    assert small <= 7  # the topic, the events, then one query each for actors, topics, relations, citations
