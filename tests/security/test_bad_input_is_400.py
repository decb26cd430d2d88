"""Finding 11 of issue 18: input that used to answer 500 answers 400 with a message.

A cursor holding nulls or values of the wrong kind (on every cursor-paged endpoint, anonymous), a
date-time whose UTC value falls outside the years 1..9999, a sequence number past 64 bits and a deeply
nested JSON body each reached the database or the parser and raised.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import ActorFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db

# Every cursor-paged list and the orderings it offers (the first one is its default).
PAGED = {
    "/api/v1/events/": ["date", "updated", "id"],
    "/api/v1/citations/": ["id"],
    "/api/v1/articles/": ["id"],
    "/api/v1/topics/": ["slug"],
    "/api/v1/actors/": ["id"],
    "/api/v1/places/": ["id"],
    "/api/v1/sources/": ["id"],
    "/api/v1/changes/": ["seq"],
}
KEY_LENGTH = {"date": 2, "updated": 2, "id": 1, "slug": 1, "seq": 1}

# Values no cursor this API wrote can hold; each used to reach the query.
BAD_VALUES: list[Any] = [
    None,
    [1],
    {"a": 1},
    10**30,
    -(10**30),
    "x\x00y",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "not a value",
    1e308,
]


@pytest.fixture(autouse=True)
def _fresh_throttle_counts() -> None:
    cache.clear()


def _cursor(ordering: str, values: list[Any], descending: bool = False) -> str:
    raw = json.dumps({"o": ordering, "d": descending, "v": values}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _cases() -> list[Any]:
    cases = []
    for url, orderings in PAGED.items():
        for ordering in orderings:
            for bad in BAD_VALUES:
                if ordering == "slug" and isinstance(bad, str) and "\x00" not in bad:
                    continue  # any other string is a position among slugs
                for position in range(KEY_LENGTH[ordering]):
                    cases.append(
                        pytest.param(url, ordering, bad, position, id=f"{url}-{ordering}-{bad!r:.20}-{position}")
                    )
    return cases


@pytest.mark.parametrize(("url", "ordering", "bad", "position"), _cases())
def test_a_cursor_holding_what_no_page_wrote_is_a_400(url: str, ordering: str, bad: Any, position: int) -> None:
    EventFactory(review_state="published")  # something to page over
    values: list[Any] = ["2024-05-01", 1] if ordering == "date" else [1] * KEY_LENGTH[ordering]
    if ordering == "updated":
        values = ["2024-05-01T00:00:00+00:00", 1]
    if ordering == "slug":
        values = ["a-topic"]
    values[position] = bad
    params = {"cursor": _cursor(ordering, values)}
    if len(PAGED[url]) > 1:
        params["ordering"] = ordering
    response = APIClient().get(url, params)
    assert response.status_code == 400, response.content[:300]
    assert "cursor" in response.json()["error"]["fields"]


@pytest.mark.parametrize("url", list(PAGED))
def test_a_cursor_of_garbage_is_a_400(url: str) -> None:
    for token in ("!!!!", base64.urlsafe_b64encode(b"null").decode(), base64.urlsafe_b64encode(b'{"v":1}').decode()):
        response = APIClient().get(url, {"cursor": token})
        assert response.status_code == 400, (token, response.content[:300])


@pytest.mark.parametrize("url", list(PAGED))
def test_a_cursor_a_page_wrote_still_pages(url: str) -> None:
    for n in range(3):
        event = EventFactory(review_state="published", date_edtf=f"2024-0{n + 1}")
        ActorFactory()
        del event
    response = APIClient().get(url, {"page_size": 1})
    assert response.status_code == 200
    following = response.json()["next"]
    if following:  # lists with a single row have no next page
        assert APIClient().get(following).status_code == 200


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+23:59"]
)
def test_an_updated_since_outside_the_calendar_in_utc_is_a_400(value: str) -> None:
    response = APIClient().get("/api/v1/events/", {"updated_since": value})
    assert response.status_code == 400, response.content[:300]
    assert "updated_since" in response.json()["error"]["fields"]


def test_an_updated_since_at_the_edge_still_works() -> None:
    EventFactory(review_state="published")
    response = APIClient().get("/api/v1/events/", {"updated_since": "0001-01-01T00:00:00+00:00"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_a_change_feed_position_past_64_bits_is_a_400() -> None:
    response = APIClient().get("/api/v1/changes/", {"after": str(10**30)})
    assert response.status_code == 400
    assert "after" in response.json()["error"]["fields"]


def test_deeply_nested_json_in_a_post_is_a_400() -> None:
    client = APIClient()
    client.force_authenticate(make_user("editor-deep", superuser=True))
    body = "[" * 5000 + "]" * 5000
    response = client.post("/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert "JSON" in response.content.decode()
