"""The API filters events with the same EventFilterSet as the public pages."""

from __future__ import annotations

import pytest

from tests.factories import EventFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def _ids(client, query: str) -> list[int]:
    response = client.get(f"/api/v1/events/?{query}")
    assert response.status_code == 200, response.content
    return [e["id"] for e in response.json()["results"]]


def test_it_keeps_events_whose_bounds_overlap_the_window(client_anon, make_event):
    may = make_event(date_edtf="2024-05")  # 2024-05-01..2024-05-31
    june_day = make_event(date_edtf="2024-06-20")
    make_event(date_edtf="2024-04-30")

    assert _ids(client_anon, "date_from=2024-05-15&date_to=2024-06-30") == [may.pk, june_day.pk]
    assert _ids(client_anon, "date_from=2024-05-15&date_to=2024-06-30&precision=day") == [june_day.pk]


def test_it_filters_by_type_plover_status_and_country(client_anon, make_event):
    visit = make_event(event_type="visit", place=PlaceFactory(country_code="CN"))
    sanction = make_event(event_type="sanction", status="scheduled")

    assert _ids(client_anon, "type=visit") == [visit.pk]
    assert _ids(client_anon, "plover_category=SANCTION") == [sanction.pk]
    assert _ids(client_anon, "status=scheduled") == [sanction.pk]
    assert _ids(client_anon, "country=cn") == [visit.pk]


def test_it_filters_by_topic_actor_and_place(client_anon, make_event):
    first, second = make_event(), make_event()
    topic = first.topics.get()
    actor = second.actor_links.first().actor

    assert _ids(client_anon, f"topic={topic.slug}") == [first.pk]
    assert _ids(client_anon, f"actor={actor.pk}") == [second.pk]
    assert _ids(client_anon, f"place={first.place_id}") == [first.pk]


def test_it_searches_text_and_filters_by_update_time(client_anon, make_event):
    make_event(title="Talks in Vienna")
    balloon = make_event(title="Balloon shot down")

    assert _ids(client_anon, "q=balloon") == [balloon.pk]
    assert _ids(client_anon, "updated_since=2999-01-01T00:00:00Z") == []


def test_it_orders_by_update_time_descending(client_anon, make_event):
    first, second = make_event(), make_event()
    first.title = "touched"
    first.save()

    assert _ids(client_anon, "ordering=-updated") == [first.pk, second.pk]


def test_it_answers_an_invalid_filter_with_the_error_shape(client_anon):
    response = client_anon.get("/api/v1/events/?type=coup")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid_choice" and "type" in error["fields"]


def test_it_refuses_an_id_beyond_64_bits_instead_of_failing(client_anon):
    # Found by schemathesis: SQLite raised OverflowError (a 500) on such an id inside IN (...).
    response = client_anon.get(f"/api/v1/events/?place={2**70}&actor=-{2**70}")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_choice"


def test_it_matches_a_country_code_in_any_case_exactly(client_anon, make_event):
    china = make_event(place=PlaceFactory(country_code="CN"))
    make_event(place=PlaceFactory(country_code="TW"))

    assert _ids(client_anon, "country=%20cn%20") == [china.pk]
    assert _ids(client_anon, "country=CN") == [china.pk]
    assert _ids(client_anon, "country=c") == []


def test_it_filters_country_with_a_plain_equality_an_index_can_serve():
    from events.filters import EventFilterSet
    from events.models import Event

    sql = str(EventFilterSet({"country": "cn"}, queryset=Event.objects.all()).qs.query)

    assert '"country_code" = CN' in sql
    assert "UPPER(" not in sql and " LIKE " not in sql  # how iexact compiles on PostgreSQL and SQLite


def test_it_matches_place_and_actor_country_codes_in_any_case(client_anon):
    from tests.factories import ActorFactory

    place = PlaceFactory(country_code="JP")
    PlaceFactory(country_code="KR")
    actor = ActorFactory(country_code="JP")
    # Reference lists show the public what a published event uses (issue 18, finding 8).
    EventFactory(review_state="published", place=place).actor_links.create(actor=actor)

    places = client_anon.get("/api/v1/places/?country_code=jp").json()["results"]
    actors = client_anon.get("/api/v1/actors/?country_code=%20jp").json()["results"]

    assert [p["id"] for p in places] == [place.pk]
    assert [a["id"] for a in actors] == [actor.pk]
