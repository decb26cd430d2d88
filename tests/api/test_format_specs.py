"""Each format is valid by its own specification, read by a parser made for it (feedparser and the XML
of RFC 4287 for Atom, the icalendar library for RFC 5545, schema.org's Event for JSON-LD)."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import feedparser
import icalendar
import pytest

from events.presentation.formats.jsonld import CONTEXT
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 4151: tag:<DNS name or e-mail>,<YYYY[-MM[-DD]]>:<specific>
TAG_URI = re.compile(r"^tag:[A-Za-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:\S+$")


def test_the_atom_feed_has_an_author_iri_ids_and_escaped_summaries(client_anon, make_event):
    make_event(title="A <b>bold</b> title", summary="One line.\nAnother <script>x</script> line.")

    body = client_anon.get("/api/v1/events/?format=atom").content

    assert not feedparser.parse(body).bozo
    feed = ElementTree.fromstring(body)  # noqa: S314  our own output
    assert feed.find(f"{ATOM}author/{ATOM}name").text  # RFC 4287 4.1.1: a feed without entry authors has one
    assert feed.find(f"{ATOM}id").text.startswith("http")
    (entry,) = feed.iter(f"{ATOM}entry")
    assert TAG_URI.match(entry.findtext(f"{ATOM}id"))
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # The element's text is HTML: the markup a title carried arrives as text, the line breaks as <br>.
    assert "One line.<br>\nAnother &lt;script&gt;x&lt;/script&gt; line." in summary.text
    assert entry.findtext(f"{ATOM}title").endswith("A <b>bold</b> title")  # a text construct: shown as typed


def test_the_atom_entry_id_does_not_change_when_the_event_does(client_anon, make_event):
    event = make_event()
    first = feedparser.parse(client_anon.get("/api/v1/events/?format=atom").content).entries[0].id

    event.title = "Renamed"
    event.save()

    assert feedparser.parse(client_anon.get("/api/v1/events/?format=atom").content).entries[0].id == first


def test_the_calendar_is_rfc_5545_with_the_quote_in_the_description(client_anon, make_event):
    event = make_event(title="Summit; talks, more", status="scheduled", date_edtf="2031-11")

    body = client_anon.get("/api/v1/events/?format=ical").content

    calendar = icalendar.Calendar.from_ical(body)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Summit; talks, more"
    assert vevent.decoded("DTSTART").isoformat() == "2031-11-01"
    assert vevent.decoded("DTEND").isoformat() == "2031-12-01"
    assert event.citations.get().quote in str(vevent["DESCRIPTION"])
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert re.search(rb"\r(?!\n)", body) is None and re.search(rb"(?<!\r)\n", body) is None


# schema.org properties of Event (and of Thing, which it extends), and of the nodes an event embeds.
SCHEMA_ORG_PROPERTIES = {
    "Event": {
        "about",
        "actor",
        "attendee",
        "audience",
        "contributor",
        "description",
        "doorTime",
        "duration",
        "endDate",
        "eventStatus",
        "identifier",
        "image",
        "inLanguage",
        "keywords",
        "location",
        "name",
        "organizer",
        "performer",
        "sameAs",
        "startDate",
        "subEvent",
        "subjectOf",
        "superEvent",
        "url",
    },
    "Place": {"name", "identifier", "address", "geo", "sameAs", "url"},
    "PostalAddress": {"addressCountry", "addressLocality", "name"},
    "GeoCoordinates": {"latitude", "longitude"},
    "Person": {"name", "identifier", "sameAs", "url"},
    "Country": {"name", "identifier", "sameAs", "url"},
    "Organization": {"name", "identifier", "sameAs", "url"},
    "Thing": {"name", "identifier", "sameAs", "url"},
    "NewsArticle": {"url", "headline", "datePublished", "publisher", "name"},
}
EVENT_STATUSES = {f"https://schema.org/Event{s}" for s in ("Scheduled", "Postponed", "Cancelled", "Rescheduled")}


def _check_node(node: dict, own_terms: set[str]) -> None:
    allowed = SCHEMA_ORG_PROPERTIES[node["@type"]]
    for key, value in node.items():
        if key.startswith("@") or key in own_terms:
            continue
        assert key in allowed, f"{key} is not a schema.org property of {node['@type']}"
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict) and "@type" in child:
                _check_node(child, own_terms)


def test_json_ld_uses_only_what_schema_org_gives_an_event(client_anon, make_event):
    event = make_event(status="postponed")
    event.actor_links.create(actor=ActorFactory(kind="state", wikidata_id="Q148"), role="target")

    document = client_anon.get("/api/v1/events/?format=jsonld").json()

    own_terms = {term for term, value in CONTEXT.items() if term != "@vocab" and "tl:" in str(value)}
    (node,) = document["@graph"]
    assert node["@type"] == "Event"
    assert node["eventStatus"] in EVENT_STATUSES
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", node["startDate"])
    _check_node(node, own_terms)


def test_json_ld_leaves_out_an_open_bound_rather_than_inventing_a_day(client_anon, make_event):
    make_event(date_edtf="../2012")

    (node,) = client_anon.get("/api/v1/events/?format=jsonld").json()["@graph"]

    assert "startDate" not in node and node["endDate"] == "2012-12-31" and node["edtf"] == "../2012"
