"""Keyset pagination: every event exactly once, stable while rows are inserted, page sizes 1..1000."""

from __future__ import annotations

import pytest
from django.db import connection

from api.views.events import EventViewSet
from events.models import Event
from tests.factories import CitationFactory, EventFactory

pytestmark = pytest.mark.django_db


def _published(n: int, date_edtf: str = "2024-05-01") -> list[int]:
    events = [EventFactory(review_state="published", date_edtf=date_edtf) for _ in range(n)]
    for event in events:
        CitationFactory(event=event)
    return [e.pk for e in events]


def _walk(client, url: str) -> list[int]:
    seen: list[int] = []
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["results"]]
        url = body["next"]
    return seen


def test_it_visits_every_event_once_across_pages_of_equal_dates(client_anon):
    ids = _published(7)  # all on one day: the cursor must carry the id as tie-breaker

    assert _walk(client_anon, "/api/v1/events/?page_size=2&citations=link") == ids


def test_it_stays_stable_when_rows_are_inserted_before_the_cursor(client_anon):
    ids = _published(4, "2024-05-10")
    first = client_anon.get("/api/v1/events/?page_size=2").json()
    _published(3, "2024-01-01")  # sorts before everything already seen

    second = client_anon.get(first["next"]).json()

    assert [e["id"] for e in first["results"] + second["results"]] == ids


def test_it_sends_the_next_page_as_a_link_header(client_anon):
    _published(3)

    response = client_anon.get("/api/v1/events/?page_size=2")

    assert response["Link"] == f'<{response.json()["next"]}>; rel="next"'


def test_it_pages_descending(client_anon):
    ids = _published(5)

    assert _walk(client_anon, "/api/v1/events/?page_size=2&ordering=-id") == ids[::-1]
    assert _walk(client_anon, "/api/v1/events/?page_size=2&ordering=-date") == ids[::-1]


@pytest.mark.parametrize("size", ["0", "1001", "x"])
def test_it_refuses_a_page_size_outside_1_to_1000(client_anon, size):
    response = client_anon.get(f"/api/v1/events/?page_size={size}")

    assert response.status_code == 400
    assert "page_size" in response.json()["error"]["fields"]


def test_it_accepts_a_page_size_of_1000(client_anon):
    assert client_anon.get("/api/v1/events/?page_size=1000").status_code == 200


@pytest.mark.parametrize("cursor", ["garbage", "eyJ2IjogMX0", "eyJvIjoiZGF0ZSIsImQiOmZhbHNlLCJ2IjpbIngiLDFdfQ"])
def test_it_refuses_a_forged_cursor(client_anon, cursor):
    response = client_anon.get(f"/api/v1/events/?cursor={cursor}")

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["cursor"]


def test_it_refuses_a_cursor_from_another_ordering(client_anon):
    _published(3)
    next_url = client_anon.get("/api/v1/events/?page_size=1").json()["next"]

    response = client_anon.get(next_url.replace("?", "?ordering=-updated&", 1))

    assert response.status_code == 400


@pytest.mark.parametrize("ordering", ["date", "-date", "updated", "-id"])
def test_a_narrow_filter_pages_through_its_matches_in_order(client_anon, ordering, monkeypatch):
    # On PostgreSQL a filter expected to match few events reads the page's keys first (api.views.events);
    # the pages must be the same as those of a walk along the whole ordered list.
    for index in range(9):
        EventFactory(
            review_state="published",
            event_type="visit" if index % 3 else "summit",
            date_edtf=f"202{index % 4}-0{1 + index % 5}",
        )
    expected = [
        e["id"] for e in client_anon.get(f"/api/v1/events/?page_size=100&ordering={ordering}").json()["results"]
    ]
    visits = set(Event.objects.filter(event_type="visit").values_list("pk", flat=True))

    keys_first: list[bool] = []
    matches_few = EventViewSet._matches_few
    monkeypatch.setattr(
        EventViewSet, "_matches_few", lambda self, qs: keys_first.append(matches_few(self, qs)) or keys_first[-1]
    )

    walked = _walk(client_anon, f"/api/v1/events/?page_size=2&type=visit&type=meeting&ordering={ordering}")

    assert walked == [pk for pk in expected if pk in visits]
    assert len(walked) == 6
    assert all(keys_first) == (connection.vendor == "postgresql") and len(keys_first) == 3
