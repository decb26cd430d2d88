"""Atom, iCalendar, TimelineJS and the embeddable timeline of a topic."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from events import services
from tests.pages.conftest import World

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_atom_feed_lists_published_events_and_marks_corrections(client: Client, world: World) -> None:
    world.talks.reviewed_at = world.talks.reviewed_at.replace(year=2020)  # type: ignore[union-attr]
    world.talks.save()
    response = client.get(reverse("timeline:topic-atom", args=[world.topic.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314  our own feed
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert len(titles) == 7
    assert "Corrected: May 2023 — Talks in May" in titles
    assert "18 Jun 2023 — Foreign minister visits Vienna" in titles


def test_the_calendar_holds_only_scheduled_events_as_all_day_spans(client: Client, world: World) -> None:
    response = client.get(reverse("timeline:topic-ical", args=[world.topic.slug]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.count("BEGIN:VEVENT") == 1
    year = world.summit.date_lower.year
    assert f"DTSTART;VALUE=DATE:{year}1101\r\n" in body
    assert f"DTEND;VALUE=DATE:{year}1201\r\n" in body
    assert "SUMMARY:Leaders' summit" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_the_calendar_parses_and_its_description_quotes_the_source(client: Client, world: World) -> None:
    body = client.get(reverse("timeline:topic-ical", args=[world.topic.slug])).content
    calendar = icalendar.Calendar.from_ical(body)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Leaders' summit"
    assert "A summit is scheduled for next year." in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(reverse("timeline:event", args=[world.summit.pk]))


def test_timelinejs_json_follows_the_knight_lab_format(client: Client, world: World) -> None:
    response = client.get(reverse("timeline:topic-timelinejs", args=[world.topic.slug]))
    document = json.loads(response.content)
    assert document["title"]["text"]["headline"] == "U.S.–China relations"
    slides = {s["text"]["headline"]: s for s in document["events"]}
    assert slides["Talks in May"]["start_date"] == {"year": 2023, "month": 5}
    assert slides["Foreign minister visits Vienna"]["start_date"] == {"year": 2023, "month": 6, "day": 18}
    rescheduled = slides["Trade talks (rescheduled)"]
    assert rescheduled["end_date"] == {"year": 2021, "month": 3, "day": 19}
    assert rescheduled["display_date"] == "18–19 Mar 2021"


def test_the_embed_can_be_framed_and_opens_links_in_the_parent(client: Client, world: World) -> None:
    response = client.get(reverse("timeline:topic-embed", args=[world.topic.slug]))
    assert "X-Frame-Options" not in response
    assert '<base target="_parent">' in response.content.decode()
    assert "Foreign minister visits Vienna" in response.content.decode()


def test_other_pages_still_refuse_framing(client: Client, world: World) -> None:
    assert client.get(reverse("timeline:topic", args=[world.topic.slug]))["X-Frame-Options"] == "DENY"


def test_a_correction_moves_an_event_to_the_top_of_the_feed(client: Client, world: World) -> None:
    services.event_update(event=world.old, summary="Corrected summary.")
    feed = ElementTree.fromstring(client.get(reverse("timeline:topic-atom", args=[world.topic.slug])).content)  # noqa: S314  our own feed
    first = next(feed.iter(f"{ATOM}entry"))
    assert first.findtext(f"{ATOM}title", "").endswith("Tensions begin")
