"""CSV, JSON-LD (schema.org Event) and TimelineJS carry the same facts as the JSON."""

from __future__ import annotations

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_it_flattens_events_to_csv(client_anon, make_event):
    event = make_event(date_edtf="2021-03-18/2021-03-19")

    response = client_anon.get("/api/v1/events/?format=csv")

    assert response["Content-Type"].startswith("text/csv")
    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert (row["id"], row["date_lower"], row["date_upper"]) == (str(event.pk), "2021-03-18", "2021-03-19")
    assert "(initiator)" in row["actors"] and row["place_country_code"] == "AT"


def test_it_lists_citations_as_their_own_csv(client_anon, make_event):
    event = make_event()

    response = client_anon.get(f"/api/v1/citations/?event={event.pk}&format=csv")

    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["event_id"] == str(event.pk) and row["article_url"].startswith("https://") and row["outlet"]


def test_it_describes_events_as_schema_org_events_keeping_edtf(client_anon, make_event):
    event = make_event(date_edtf="2024-05")

    response = client_anon.get("/api/v1/events/?format=jsonld")

    assert response["Content-Type"] == "application/ld+json"
    document = response.json()
    node = document["@graph"][0]
    assert document["@context"]["@vocab"] == "https://schema.org/"
    assert node["@type"] == "Event" and node["name"] == event.title
    assert (node["startDate"], node["endDate"], node["edtf"]) == ("2024-05-01", "2024-05-31", "2024-05")
    assert node["location"]["geo"]["latitude"] == 48.2
    assert node["citation"][0]["@type"] == "NewsArticle"


def test_it_answers_accept_headers_too(client_anon, make_event):
    make_event()

    response = client_anon.get("/api/v1/events/", HTTP_ACCEPT="application/ld+json")

    assert response["Content-Type"] == "application/ld+json"


def test_it_gives_timelinejs_no_more_date_parts_than_the_precision(client_anon, make_event):
    make_event(date_edtf="2024-05")
    make_event(date_edtf="2024-06-18")

    slides = client_anon.get("/api/v1/events/?format=timeline").json()["events"]

    assert slides[0]["start_date"] == {"year": 2024, "month": 5}
    assert slides[0]["display_date"] == "May 2024"
    assert slides[1]["start_date"]["day"] == 18
    assert slides[0]["text"]["headline"]


@pytest.mark.parametrize("value", ["1.5", "-3.9e109", str(2**70)])
def test_it_refuses_a_citation_filter_id_that_is_not_a_64_bit_whole_number(client_anon, value):
    response = client_anon.get(f"/api/v1/citations/?article={value}")

    assert response.status_code == 400


def test_an_unsupported_format_is_a_406_naming_the_supported_ones(client_anon, make_event):
    make_event()

    response = client_anon.get("/api/v1/events/?format=xlsx")

    assert response.status_code == 406
    message = response.json()["error"]["message"]
    assert "xlsx" in message and all(name in message for name in ("json", "csv", "jsonld", "timeline", "atom"))


def test_the_topic_download_refuses_an_unknown_extension_with_the_list(client, make_event):
    response = client.get("/topics/anything/events.xlsx")

    assert response.status_code == 406
    assert b"events.csv" in response.content and b"events.ics" in response.content


def test_read_only_api_responses_may_be_read_from_any_origin(client_anon, make_event):
    make_event()

    read = client_anon.get("/api/v1/events/", HTTP_ORIGIN="https://notebook.example")
    preflight = client_anon.options(
        "/api/v1/events/",
        HTTP_ORIGIN="https://notebook.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    write = client_anon.post("/api/v1/articles/", {"text": "x"}, HTTP_ORIGIN="https://notebook.example")

    assert read["Access-Control-Allow-Origin"] == "*" and "Link" in read["Access-Control-Expose-Headers"]
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in write


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_exported_rows_link_to_the_canonical_event_url(client_anon, make_event, fmt):
    event = make_event()

    body = b"".join(client_anon.get(f"/api/v1/events/export/?format={fmt}").streaming_content).decode()

    assert f"http://testserver/api/v1/events/{event.pk}/" in body
    assert "?format=" not in body


def test_the_json_ld_id_is_the_same_whatever_the_format_asked(client_anon, make_event):
    event = make_event()

    by_query = client_anon.get(f"/api/v1/events/{event.pk}/?format=jsonld").json()
    by_accept = client_anon.get(f"/api/v1/events/{event.pk}/", HTTP_ACCEPT="application/ld+json").json()
    as_json = client_anon.get(f"/api/v1/events/{event.pk}/?format=json").json()

    assert by_query["@id"] == by_accept["@id"] == as_json["url"] == f"http://testserver/api/v1/events/{event.pk}/"


def test_timelinejs_files_an_event_open_at_the_start_under_its_end(client_anon, make_event):
    make_event(date_edtf="../2012")

    (slide,) = client_anon.get("/api/v1/events/?format=timeline").json()["events"]

    assert slide["start_date"] == {"year": 2012} and "end_date" not in slide
