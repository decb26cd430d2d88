"""Finding 10 (issue 18): Atom's ``<summary type="html">`` carried unescaped text; ``.ics`` let a lone CR
through. A summary is now HTML whose every value is escaped, and the calendar is written by the
icalendar library from text whose line breaks are normalised."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import icalendar
import pytest

from events.models import TopicMembership
from tests.factories import CitationFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _published(**fields):  # type: ignore[no-untyped-def]
    event = EventFactory(review_state="published", **fields)
    TopicMembership.objects.create(topic=TopicFactory(slug="t", is_published=True), event=event)
    CitationFactory(event=event)
    return event


def test_the_atom_summary_is_escaped_html(client):
    _published(summary='<a href="javascript:alert(1)">click</a>')

    feed = ElementTree.fromstring(client.get("/topics/t/feed.atom").content)  # noqa: S314  our own feed

    summary = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "<a " not in summary.text
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;" in summary.text


def test_a_lone_carriage_return_cannot_start_a_calendar_line(client):
    _published(title="Talks\rBEGIN:VEVENT", summary="a\rb", status="scheduled", date_edtf="2031-11")

    body = client.get("/topics/t/scheduled.ics").content

    assert re.search(rb"\r(?!\n)", body) is None
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Talks\nBEGIN:VEVENT"
    assert body.split(b"\r\n").count(b"BEGIN:VEVENT") == 1  # the title stayed inside its SUMMARY line
