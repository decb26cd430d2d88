"""Finding 11 (issue 18), the rendering cases: a published scheduled event with an open end
(``2027-03/..``) or dated ``9999-12-31`` broke the topic's ``scheduled.ics`` for everyone (the day
after the end overflowed), and a control character in a title broke ``feed.atom`` (XML 1.0 cannot hold
it). Both now render; the character is dropped."""

from __future__ import annotations

import feedparser
import icalendar
import pytest

from events.models import TopicMembership
from tests.factories import EventFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _published(**fields):  # type: ignore[no-untyped-def]
    event = EventFactory(review_state="published", **fields)
    TopicMembership.objects.create(topic=TopicFactory(slug="t", is_published=True), event=event)
    return event


@pytest.mark.parametrize("edtf", ["2027-03/..", "9999-12-31", "2027-03/9999-12-31"])
def test_the_calendar_renders_an_event_open_at_the_end(client, edtf):
    _published(title="Open-ended talks", status="scheduled", date_edtf=edtf)

    response = client.get("/topics/t/scheduled.ics")

    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Open-ended talks"
    assert "DTEND" not in event  # no end to give: one day, its start


@pytest.mark.parametrize(
    "url", ["/topics/t/feed.atom", "/topics/t/events.atom", "/topics/t/events.ics", "/topics/t/scheduled.ics"]
)
def test_a_control_character_in_a_title_does_not_break_the_feeds(client, url):
    # Not NUL: forms refuse it and PostgreSQL cannot store it, so no title holds one.
    _published(title="Talks\x01 with\x1b a bell\x07", status="scheduled", date_edtf="2031-05")

    response = client.get(url)

    assert response.status_code == 200
    if url.endswith("atom"):
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        assert feed.entries[0].title.endswith("Talks with a bell")
    else:
        (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        assert str(event["SUMMARY"]) == "Talks with a bell"


def test_every_format_renders_an_event_open_at_the_end(client):
    from events.presentation.formats.registry import BY_EXTENSION

    _published(status="scheduled", date_edtf="2027-03/..")

    for extension in BY_EXTENSION:
        response = client.get(f"/topics/t/events.{extension}")
        assert response.status_code == 200, extension
