"""The API can be found from its root and says what is wrong with a request (issue 17, item 5)."""

from __future__ import annotations

import pytest

from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_the_root_links_to_every_resource_the_schema_and_the_docs(client_anon):
    response = client_anon.get("/api/v1/")

    assert response.status_code == 200
    links = response.json()
    for name in ("events", "topics", "actors", "places", "articles", "citations", "sources", "changes", "coverage"):
        assert links[name].endswith(f"/api/v1/{name}/"), name
    assert links["schema"].endswith("/api/v1/schema/") and links["docs"].endswith("/api/v1/docs/")
    assert links["export"].endswith("/api/v1/events/export/")


@pytest.mark.parametrize(
    "url",
    ["/api/v1/events/", "/api/v1/actors/", "/api/v1/articles/", "/api/v1/citations/", "/api/v1/topics/"],
)
def test_it_answers_unknown_query_parameters_with_400_naming_them(client_anon, url):
    response = client_anon.get(url + "?review_state=proposed&foo=bar&page_size=5")

    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error["fields"]) == {"review_state", "foo"}
    assert "review_state" in error["message"] and "foo" in error["message"]


def test_known_parameters_are_still_accepted(client_anon, make_event):
    actor_id = make_event().actor_links.first().actor_id  # an id that exists, whatever the sequences say
    query = f"?type=visit&citations=link&format=json&ordering=-date&page_size=5&actor={actor_id}&country=CN&q=x"
    assert client_anon.get("/api/v1/events/" + query).status_code == 200


def test_it_refuses_date_from_after_date_to(client_anon):
    response = client_anon.get("/api/v1/events/?date_from=2024-06-01&date_to=2024-05-01")

    assert response.status_code == 400
    assert "date_to" in response.json()["error"]["fields"]


def test_it_refuses_a_post_with_both_text_and_url(client_researcher):
    response = client_researcher.post(
        "/api/v1/articles/", {"text": "Envoys met on Monday.", "url": "https://n.example/a"}, format="json"
    )

    assert response.status_code == 400
    assert "exactly one" in str(response.json()["error"]["fields"])


def test_a_list_gives_its_total_count_and_says_whether_it_is_exact(client_anon, make_event):
    for _ in range(3):
        make_event()

    body = client_anon.get("/api/v1/events/?page_size=2").json()

    assert body["count"] == 3 and body["count_is_estimate"] is False
    assert len(body["results"]) == 2


def test_a_count_above_the_threshold_is_labelled_an_estimate(client_anon, make_event, monkeypatch):
    monkeypatch.setattr("api.pagination.EXACT_COUNT_LIMIT", 2)
    for _ in range(3):
        make_event()

    body = client_anon.get("/api/v1/events/?page_size=2").json()

    assert body["count_is_estimate"] is True
    assert body["count"] >= 3  # at least what was counted before giving up; never fewer than seen


def test_the_actor_filter_takes_a_name_an_alias_or_a_country_code(client_anon, make_event):
    china = ActorFactory(name="China", kind="state", country_code="CN")
    china.aliases.create(name="PRC")
    with_china, other = make_event(), make_event()
    with_china.actor_links.create(actor=china, role="initiator")

    for value in ("China", "china", "PRC", "CN", str(china.pk)):
        ids = [e["id"] for e in client_anon.get(f"/api/v1/events/?actor={value}").json()["results"]]
        assert ids == [with_china.pk], value
    assert other.pk not in [e["id"] for e in client_anon.get("/api/v1/events/?actor=China").json()["results"]]


def test_an_unknown_actor_name_is_a_400_naming_it(client_anon, make_event):
    response = client_anon.get("/api/v1/events/?actor=Atlantis")

    assert response.status_code == 400
    assert "Atlantis" in str(response.json()["error"]["fields"]["actor"])


def test_the_country_filter_also_matches_the_actors_country(client_anon, make_event):
    china = ActorFactory(name="China", kind="state", country_code="CN")
    event = make_event()
    event.actor_links.create(actor=china, role="target")

    ids = [e["id"] for e in client_anon.get("/api/v1/events/?country=CN").json()["results"]]
    assert ids == [event.pk]


def test_the_csv_has_acled_style_actor1_actor2_and_country_codes(client_anon, make_event):
    import csv
    import io

    event = make_event()
    event.actor_links.all().delete()
    event.actor_links.create(actor=ActorFactory(name="Japan", kind="state", country_code="JP"), role="target")
    event.actor_links.create(actor=ActorFactory(name="China", kind="state", country_code="CN"), role="initiator")

    text = client_anon.get("/api/v1/events/?format=csv").content.decode()
    row = next(csv.DictReader(io.StringIO(text)))

    assert (row["actor1"], row["actor1_country_code"]) == ("China", "CN")
    assert (row["actor2"], row["actor2_country_code"]) == ("Japan", "JP")
