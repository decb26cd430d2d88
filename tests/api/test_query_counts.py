"""Every list costs a constant number of queries, whatever its length."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/events/?page_size=100",
    "/api/v1/events/?page_size=100&citations=link",
    "/api/v1/events/?page_size=100&format=csv",
    "/api/v1/events/?page_size=100&format=jsonld",
    "/api/v1/events/?page_size=100&q=event",
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
    assert small <= 13  # auth (3) + the count + the page + one per prefetch (+ the feed head for changes)


def test_it_exports_in_a_constant_number_of_queries_per_chunk(client_anon, make_event, django_assert_max_num_queries):
    for _ in range(12):
        make_event()

    with django_assert_max_num_queries(8):
        response = client_anon.get("/api/v1/events/export/")
        lines = b"".join(response.streaming_content).splitlines()

    assert len(lines) == 12
