"""Every format of the registry carries the same facts as the JSON, read back by a parser made for it.

A format added to the registry without a reader here fails the first test: each format must say which
of the JSON's fields it carries and prove it carries them faithfully.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date
from html import unescape
from typing import Any

import feedparser
import icalendar
import pytest

from events.models import Event
from events.presentation.formats.registry import FORMATS
from tests.factories import ActorFactory, ArticleFactory, CitationFactory, PlaceFactory, TopicFactory

pytestmark = pytest.mark.django_db

TITLE = 'Talks on <b>"tariffs"</b> & chips'


def _rich_event(make_event: Callable[..., Event]) -> Event:
    event = make_event(
        title=TITLE,
        summary="First line of the summary.\nSecond line, with <i>markup</i>.",
        date_edtf="2024-05-13/2024-05-19",
        status="scheduled",
        place=PlaceFactory(name="Zürich", country_code="CH", latitude=47.37, longitude=8.54),
    )
    event.actor_links.create(actor=ActorFactory(name="Aaron", wikidata_id="Q42"), role="participant")
    event.topic_memberships.create(topic=TopicFactory(slug="trade", name="Trade", is_published=True))
    CitationFactory(event=event, article=ArticleFactory(published=date(2024, 5, 2)))
    return event


def _csv(body: bytes, item: dict[str, Any]) -> None:
    (row,) = list(csv.DictReader(io.StringIO(body.decode())))
    for field in ("id", "title", "type", "status", "date_edtf", "date_lower", "date_upper", "precision"):
        assert row[field] == str(item[field])
    assert row["date_display"] == item["date_display"]
    assert row["url"] == item["url"]
    assert row["summary"] == item["summary"]
    assert row["place_name"] == item["place"]["name"]
    assert row["place_latitude"] == str(item["place"]["latitude"])
    assert row["actors"].split("; ") == [f"{a['name']} ({a['role']})" for a in item["actors"]]
    assert row["topics"].split("; ") == [t["slug"] for t in item["topics"]]
    assert row["citation_count"] == str(len(item["citations"]))
    assert row["first_source_url"] == item["citations"][0]["article"]["url"]
    assert row["updated_at"] == item["updated_at"]


def _ndjson(body: bytes, item: dict[str, Any]) -> None:
    (line,) = body.decode().splitlines()
    assert json.loads(line) == item


def _json(body: bytes, item: dict[str, Any]) -> None:
    assert json.loads(body)["results"] == [item]


def _jsonld(body: bytes, item: dict[str, Any]) -> None:
    (node,) = json.loads(body)["@graph"]
    assert (node["@id"], node["identifier"], node["name"]) == (item["url"], item["id"], item["title"])
    assert (node["startDate"], node["endDate"], node["edtf"]) == (
        item["date_lower"],
        item["date_upper"],
        item["date_edtf"],
    )
    assert node["description"] == item["summary"]
    assert node["precision"] == item["precision"] and node["eventType"] == item["type"]
    assert node["location"]["name"] == item["place"]["name"]
    assert node["location"]["geo"]["latitude"] == item["place"]["latitude"]
    assert [(a["name"], a["role"]) for a in node["actor"]] == [(a["name"], a["role"]) for a in item["actors"]]
    assert [t["identifier"] for t in node["about"]] == [t["slug"] for t in item["topics"]]
    assert [c["quote"] for c in node["citation"]] == [c["quote"] for c in item["citations"]]
    assert [c["url"] for c in node["citation"]] == [c["article"]["url"] for c in item["citations"]]
    assert node["dateModified"] == item["updated_at"]


def _timeline(body: bytes, item: dict[str, Any]) -> None:
    (slide,) = json.loads(body)["events"]
    assert unescape(slide["text"]["headline"]) == item["title"]
    assert slide["display_date"] == item["date_display"]
    lower, upper = date.fromisoformat(item["date_lower"]), date.fromisoformat(item["date_upper"])
    assert slide["start_date"] == {"year": lower.year, "month": lower.month, "day": lower.day}
    assert slide["end_date"] == {"year": upper.year, "month": upper.month, "day": upper.day}
    text = unescape(slide["text"]["text"])
    assert item["summary"] in text
    assert all(c["quote"] in text for c in item["citations"])


def _atom(body: bytes, item: dict[str, Any]) -> None:
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    assert entry.title == f"{item['date_display']} — {item['title']}"
    assert entry.link.endswith(f"/events/{item['id']}/")
    summary = unescape(re.sub(r"<br\s*/?>\n?", "\n", entry.summary))
    assert item["summary"] in summary and item["place"]["name"] in summary
    assert all(c["quote"] in summary for c in item["citations"])


def _ical(body: bytes, item: dict[str, Any]) -> None:
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(event["SUMMARY"]) == item["title"]
    assert event.decoded("DTSTART") == date.fromisoformat(item["date_lower"])
    assert (event.decoded("DTEND") - event.decoded("DTSTART")).days == 7  # 13..19 May, DTEND exclusive
    description = str(event["DESCRIPTION"])
    assert item["date_display"] in description and item["summary"] in description
    assert all(c["quote"] in description for c in item["citations"])
    assert str(event["LOCATION"]) == item["place"]["name"]


READERS: dict[str, Callable[[bytes, dict[str, Any]], None]] = {
    "json": _json,
    "csv": _csv,
    "ndjson": _ndjson,
    "jsonld": _jsonld,
    "timeline": _timeline,
    "atom": _atom,
    "ical": _ical,
}


def test_every_registered_format_has_a_reader_here() -> None:
    assert set(READERS) == set(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_api_format_agrees_with_the_json(client_anon, make_event, name: str) -> None:
    event = _rich_event(make_event)
    (item,) = client_anon.get("/api/v1/events/").json()["results"]

    response = client_anon.get(f"/api/v1/events/?format={name}")

    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == FORMATS[name].media_type
    assert item["id"] == event.pk
    READERS[name](response.content, item)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_topic_download_agrees_with_the_json(client, client_anon, make_event, name: str) -> None:
    _rich_event(make_event)
    (item,) = client_anon.get("/api/v1/events/?topic=trade").json()["results"]

    response = client.get(f"/topics/trade/events.{FORMATS[name].extension}")

    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    READERS[name](body, item)


@pytest.mark.parametrize("name", sorted(name for name, fmt in FORMATS.items() if fmt.streams))
def test_the_export_streams_every_streaming_format_as_the_list_does(client_anon, make_event, name: str) -> None:
    _rich_event(make_event)
    (item,) = client_anon.get("/api/v1/events/").json()["results"]

    response = client_anon.get(f"/api/v1/events/export/?format={name}")

    assert response.streaming
    READERS[name](b"".join(response.streaming_content), item)
