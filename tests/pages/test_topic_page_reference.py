"""Every entry of the topic pages, and every row of the topic's downloads, against a reference built
here straight from the models, on data with the awkward cases (several citations from several
articles, actors, places, ranges, open and approximate dates, a successor, HTML-special characters in
every text a reader sees, a link that must not become one).

The pages are read back with an HTML parser into what a reader sees of each entry; the reference is
what the models say that entry must show, with the date labels written out below. Any change to what
an entry shows (a text, a link, an order, a badge, an escaping) fails here, whichever read or writer
made the page.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import timezone

from events.domain.vocabulary import EVENT_TYPES, EventType
from events.models import Article, Citation, Event, EventActor, EventRelation, Topic, TopicMembership
from events.models.events import RelationKind
from tests.factories import ActorFactory, EventFactory, PlaceFactory, SourceFactory, TopicFactory
from tests.pages.conftest import make_article
from timeline.views import windows

pytestmark = pytest.mark.django_db

HOSTILE = "<b>&\"'"  # every character HTML escapes

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BADGES = {"scheduled": "Scheduled", "postponed": "Postponed", "cancelled": "Cancelled", "ongoing": "Ongoing"}

# What a reader sees of each date (label, the <time> element's datetime), written out by hand.
DATES = {
    "2012~": ("c. 2012", "2012"),
    "2019-04-01/..": ("since 1 Apr 2019", "2019-04-01"),
    "../2020-06": ("until Jun 2020", "2020-06-30"),
    "2021-02": ("Feb 2021", "2021-02"),
    "2021-03-18/2021-03-19": ("18–19 Mar 2021", "2021-03-18"),
    "2023-05": ("May 2023", "2023-05"),
    "2023-06-18": ("18 Jun 2023", "2023-06-18"),
    "2023-06-20": ("20 Jun 2023", "2023-06-20"),
    "2023-11": ("Nov 2023", "2023-11"),
    "2025-02-17/2025-02-23": ("week of 17 Feb 2025", "2025-02-17"),
}


def _day(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@dataclass
class Shown:
    """What a reader sees of one entry."""

    id: int
    classes: str = ""
    date: str = ""
    datetime: str = ""
    edtf: str = ""
    bounds: tuple[str, str] = ("", "")
    badge: str = ""
    title: str = ""
    href: str = ""
    heading: str = ""
    type: str = ""
    place: tuple[str, str] | None = None
    actors: list[tuple[str, str]] = field(default_factory=list)
    successor: tuple[str, str] | None = None  # (text, href)
    sources: list[tuple[str, str, str | None, str]] = field(default_factory=list)  # quote, line, original, copy


class _Entries(HTMLParser):
    """The entries (``<li class="event ...">``) of a page, each read as a :class:`Shown`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[Shown] = []
        self.zone = ""  # the part of the current entry being read
        self.entry: Shown | None = None
        self.link: str | None = None
        self.text: list[str] = []
        self.source: dict[str, object] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        cls = a.get("class", "")
        if tag == "li" and cls.startswith("event "):
            self.entry = Shown(id=int(a["id"][1:]), classes=cls)
            self.entries.append(self.entry)
            return
        entry = self.entry
        if entry is None:
            return
        if tag == "p" and cls in ("event-date", "event-meta", "successor"):
            self.zone, self.text = cls, []
        elif tag in ("h3", "h4", "h5", "h6") and cls == "event-title":
            self.zone, self.text, entry.heading = "title", [], tag
        elif tag == "time" and self.zone == "event-date":
            entry.datetime, entry.edtf = a["datetime"], a["data-edtf"]
            entry.bounds = (a["data-lower"], a["data-upper"])
            self.zone, self.text = "date", []
        elif tag == "span" and cls.startswith("badge "):
            self.zone, self.text = "badge", []
        elif tag == "span" and cls == "event-type":
            self.zone, self.text = "type", []
        elif tag == "ol" and cls == "sources":
            self.zone = "sources"
        elif tag == "li" and self.zone == "sources":
            self.source, self.text = {"original": None}, []
        elif tag == "q":
            self.zone, self.text = "quote", []
        elif tag == "span" and cls == "src":
            self.zone, self.text = "line", []
        elif tag == "a":
            self.link = a["href"]
            if self.zone == "line":
                key = "original" if a.get("rel") == "noopener nofollow external" else "copy"
                self.source[key] = a["href"]
            else:
                self.text = [] if self.zone in ("event-meta", "title") else self.text

    def handle_endtag(self, tag: str) -> None:
        entry = self.entry
        if entry is None:
            return
        text = "".join(self.text)
        if tag == "time" and self.zone == "date":
            entry.date, self.zone = text, "event-date"
        elif tag == "span" and self.zone == "badge":
            entry.badge, self.zone = text, "event-date"
        elif tag == "span" and self.zone == "type":
            entry.type, self.zone = text, "event-meta"
        elif tag == "a" and self.zone == "title":
            entry.title, entry.href = text, self.link or ""
        elif tag == "a" and self.zone == "event-meta" and self.link:
            if self.link.startswith("/places/"):
                entry.place = (text, self.link)
            else:
                entry.actors.append((text, self.link))
        elif tag == "p" and self.zone == "successor":
            entry.successor = (text, self.link or "")
        elif tag == "q":
            self.source["quote"], self.zone, self.text = text, "sources", []
        elif tag == "span" and self.zone == "line":
            self.source["line"], self.zone = text, "sources"
        elif tag == "li" and self.zone == "sources":
            s = self.source
            entry.sources.append((str(s["quote"]), str(s["line"]), s["original"], str(s["copy"])))  # type: ignore[arg-type]
        elif tag == "ol" and self.zone == "sources":
            self.zone = ""
        elif tag == "li" and self.zone == "":
            self.entry = None
        if tag in ("p", "h3", "h4", "h5", "h6") and self.zone in ("event-date", "event-meta", "title", "successor"):
            self.zone = ""

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def entries_of(html: str) -> list[Shown]:
    parser = _Entries()
    parser.feed(html)
    return parser.entries


def reference(event: Event, *, heading: str, compact: bool = False) -> Shown:
    """What the entry of ``event`` must show, read straight from the models."""
    label, datetime_value = DATES[event.date_edtf]
    place = event.place
    actors = EventActor.objects.filter(event=event).select_related("actor").order_by("role", "actor__name", "pk")
    shown = Shown(
        id=event.pk,
        classes=f"event status-{event.status}",
        date=label,
        datetime=datetime_value,
        edtf=event.date_edtf,
        bounds=(event.date_lower.isoformat(), event.date_upper.isoformat()),
        badge=BADGES.get(event.status, ""),
        title=event.title,
        href=f"/events/{event.pk}/",
        heading=heading,
        type=str(EVENT_TYPES[EventType(event.event_type)].label),
        place=None if place is None else (place.name, f"/places/{place.pk}/"),
        actors=[(link.actor.name, f"/actors/{link.actor_id}/") for link in actors],
    )
    if event.status in ("postponed", "cancelled"):
        for relation in EventRelation.objects.filter(from_event=event, to_event__review_state="published"):
            if relation.kind in ("postponed_as", "rescheduled_to"):
                to = relation.to_event
                kind = str(RelationKind(relation.kind).label).capitalize()
                shown.successor = (f"{kind} {to.title}, {DATES[to.date_edtf][0]}", f"/events/{to.pk}/")
    if compact:
        return shown
    citations = (
        Citation.objects.filter(event=event, review_state="accepted")
        .select_related("article__source")
        .order_by("article__published", "article_id", "start", "pk")
    )
    for citation in citations:
        article = citation.article
        outlet = article.source.name if article.source else "Unknown outlet"
        published = f", {_day(article.published)}" if article.published else ""
        original = article.url if article.url.startswith(("http://", "https://")) else None
        line = f"— {outlet}{published}. {'Original · ' if original else ''}Our copy"
        shown.sources.append((citation.quote, line, original, f"/articles/{article.pk}/#c{citation.pk}"))
    return shown


@dataclass
class Data:
    topic: Topic
    events: list[Event]  # the topic's published events
    hidden: Event  # in the topic, not published


@pytest.fixture
def data(db: None) -> Data:
    today = timezone.localdate()
    topic = TopicFactory(slug="reference", name=f"Reference {HOSTILE}", description=f"About {HOSTILE}")
    other_topic = TopicFactory(slug="other", name="Other topic")
    wire = SourceFactory(name=f"Wire {HOSTILE}", domain="wire.example")
    daily = SourceFactory(name="Ostland Daily", domain="daily.example")
    port = PlaceFactory(name=f"Port Ostra {HOSTILE}", country_code="ZZ")
    zembla = PlaceFactory(name="Zembla City", country_code="")
    varga = ActorFactory(name=f"Minister Varga {HOSTILE}")
    aster = ActorFactory(name="Aster Bloom")
    kell = ActorFactory(name="Kell")
    sentences = [
        f"Minister Varga met envoys in Port Ostra {HOSTILE}.",
        "The talks in Zembla ended without a statement.",
        "A summit of the two states is planned for next year.",
        "The trade round was put off until March.",
        "Envoys & aides < 10 met again on the 18th.",
        "Relations have been cool since about 2012.",
    ]
    text = " ".join(sentences)
    articles: list[Article] = [
        make_article(text, source=wire, url="https://wire.example/a?x=1&y=<2>", published=date(2023, 6, 19)),
        make_article(text, source=daily, url="javascript:alert(1)", published=date(2023, 6, 1)),
        make_article(text, source=daily, url="http://daily.example/b", published=None),
        make_article(text, source=None, url="https://anon.example/c", published=date(2021, 3, 20)),
    ]

    def event(edtf: str, title: str, **kwargs: object) -> Event:
        kwargs.setdefault("review_state", "published")
        kwargs.setdefault("reviewed_at", timezone.now())
        made = EventFactory(date_edtf=edtf, title=title, **kwargs)
        TopicMembership.objects.create(topic=topic, event=made)
        return made

    def cite(made: Event, article: Article, sentence: str, review_state: str = "accepted") -> None:
        start = article.clean_text.index(sentence)
        Citation.objects.create(
            event=made,
            article=article,
            quote=sentence,
            start=start,
            end=start + len(sentence),
            review_state=review_state,
        )

    ahead = today + timedelta(days=400)
    DATES[ahead.isoformat()] = (_day(ahead), ahead.isoformat())
    visit = event("2023-06-18", f"Varga visits Port Ostra {HOSTILE}", event_type="visit", place=port)
    talks = event("2023-05", "Talks in Zembla", event_type="talks", place=zembla)
    second = event("2023-06-20", "Envoys meet again", event_type="meeting", place=port)
    november = event("2023-11", "Talks resume", event_type="talks")
    summit = event(ahead.isoformat(), "Summit of the two states", event_type="summit", status="scheduled")
    postponed = event("2021-02", "Trade round (first date)", event_type="talks", status="postponed")
    successor = event("2021-03-18/2021-03-19", f"Trade round {HOSTILE}", event_type="talks", place=port)
    old = event("2012~", "Relations cool", event_type="statement", status="ongoing")
    since = event("2019-04-01/..", "Standing talks", event_type="talks", status="ongoing")
    until = event("../2020-06", "Embargo in force", event_type="sanction")
    week = event("2025-02-17/2025-02-23", "Officials meet", event_type="meeting", date_is_week=True)
    hidden = event("2023-06", "Unpublished meeting", review_state="proposed")
    TopicMembership.objects.create(topic=other_topic, event=visit)
    EventRelation.objects.create(from_event=postponed, to_event=successor, kind="postponed_as")
    EventActor.objects.create(event=visit, actor=varga, role="initiator")
    EventActor.objects.create(event=visit, actor=kell, role="participant")
    EventActor.objects.create(event=visit, actor=aster, role="participant")
    EventActor.objects.create(event=talks, actor=aster, role="participant")
    EventActor.objects.create(event=successor, actor=varga, role="participant")
    cite(visit, articles[0], sentences[0])
    cite(visit, articles[1], sentences[0])
    cite(visit, articles[0], sentences[4])
    cite(visit, articles[2], sentences[0])
    cite(visit, articles[3], sentences[1], review_state="proposed")  # shown to nobody
    cite(talks, articles[1], sentences[1])
    cite(second, articles[0], sentences[4])
    cite(summit, articles[0], sentences[2])
    cite(postponed, articles[3], sentences[3])
    cite(successor, articles[3], sentences[4])
    cite(successor, articles[2], sentences[4])
    cite(old, articles[1], sentences[5])
    cite(hidden, articles[0], sentences[1])
    events = [visit, talks, second, november, summit, postponed, successor, old, since, until, week]
    return Data(topic, [Event.objects.select_related("place").get(pk=e.pk) for e in events], hidden)


def get(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return b"".join(response).decode() if response.streaming else response.content.decode()


def anchor_date(event: Event) -> date:
    return event.date_upper if event.date_lower == date.min else event.date_lower


def ordered(events: list[Event]) -> list[Event]:
    """In timeline order: by the month an event is filed under (an open start's by its end; a date
    coarser than a month first in its year), then by its bounds."""

    def filed(e: Event) -> tuple[int, int]:
        anchor = anchor_date(e)
        return anchor.year, anchor.month if e.precision in ("day", "week", "month") else 0

    return sorted(events, key=lambda e: (filed(e), e.date_lower, e.date_upper, e.pk))


def is_ahead(event: Event) -> bool:
    return event.status == "scheduled" and event.date_upper >= timezone.localdate()


def test_every_entry_shows_what_the_models_say(client: Client, data: Data) -> None:
    """The whole (unwindowed) timeline: the Ahead section, then the past, each entry in full."""
    entries = entries_of(get(client, "/topics/reference/"))
    assert entries == [reference(e, heading="h5") for e in ordered(data.events) if is_ahead(e)] + [
        reference(e, heading="h5") for e in ordered(data.events) if not is_ahead(e)
    ]
    visit = next(entry for entry in entries if entry.id == data.events[0].pk)
    assert len(visit.sources) == 4 and [source[2] for source in visit.sources].count(None) == 1  # javascript: no link
    assert any(entry.successor for entry in entries)


def test_the_latest_year_and_all_years_pages_show_each_entry_in_full(
    client: Client, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(windows, "WINDOW_EVENTS", 3)  # windowed: the latest year by default
    monkeypatch.setattr(windows, "ALL_PAGE_EVENTS", 4)  # "all years" in pages of whole months
    expected = {e.pk: e for e in data.events}
    ahead = [e.pk for e in ordered(data.events) if is_ahead(e)]

    latest = entries_of(get(client, "/topics/reference/"))
    latest_year = max(
        anchor_date(e).year for e in data.events if not is_ahead(e) and anchor_date(e).year <= date.today().year
    )
    in_year = [e.pk for e in ordered(data.events) if not is_ahead(e) and anchor_date(e).year == latest_year]
    assert [entry.id for entry in latest] == ahead + in_year
    assert latest == [reference(expected[pk], heading="h5") for pk in ahead + in_year]

    seen: list[int] = []
    page = 1
    while True:
        html = get(client, f"/topics/reference/?year=all&page={page}")
        entries = entries_of(html)
        assert entries[: len(ahead)] == [reference(expected[pk], heading="h5") for pk in ahead]
        past = entries[len(ahead) :]
        assert past == [reference(expected[entry.id], heading="h5") for entry in past]
        seen += [entry.id for entry in past]
        if 'rel="next"' not in html or "year=all&amp;page=" not in html.split('rel="next"')[0][-200:]:
            break
        page += 1
    assert page > 1
    assert seen == [e.pk for e in ordered(data.events) if not is_ahead(e)]  # each past event once, in order


def test_filtered_pages_show_the_matching_entries_in_full(client: Client, data: Data) -> None:
    talks = [e for e in ordered(data.events) if e.event_type == "talks"]
    for query in ("?type=talks", "?type=talks&year=all"):
        entries = entries_of(get(client, f"/topics/reference/{query}"))
        assert entries == [reference(e, heading="h5") for e in talks if is_ahead(e)] + [
            reference(e, heading="h5") for e in talks if not is_ahead(e)
        ]
    place = data.events[0].place
    assert place is not None
    entries = entries_of(get(client, f"/topics/reference/?place={place.pk}"))
    assert entries == [reference(e, heading="h5") for e in ordered(data.events) if e.place_id == place.pk]


def test_the_embed_shows_compact_entries_newest_first(client: Client, data: Data) -> None:
    entries = entries_of(get(client, "/topics/reference/embed/"))
    past = [e for e in ordered(data.events) if not is_ahead(e)]
    assert entries == [reference(e, heading="h3", compact=True) for e in ordered(data.events) if is_ahead(e)] + [
        reference(e, heading="h3", compact=True) for e in reversed(past)
    ]


def test_the_downloads_carry_every_event_with_its_parts(client: Client, data: Data) -> None:
    by_id = {e.pk: e for e in data.events}
    rows = list(csv.DictReader(io.StringIO(get(client, "/topics/reference/events.csv"))))
    assert sorted(int(row["id"]) for row in rows) == sorted(by_id)
    for row in rows:
        event = by_id[int(row["id"])]
        assert row["title"] == event.title
        assert row["date_edtf"] == event.date_edtf
        assert row["place_name"] == (event.place.name if event.place else "")
        assert row["topics"] == "; ".join(
            t.slug for t in Topic.objects.filter(memberships__event=event, is_published=True).order_by("slug")
        )
        assert int(row["citation_count"]) == Citation.objects.filter(event=event, review_state="accepted").count()
    lines = [json.loads(line) for line in get(client, "/topics/reference/events.ndjson").splitlines() if line]
    assert sorted(item["id"] for item in lines) == sorted(by_id)
    for item in lines:
        event = by_id[item["id"]]
        shown = reference(event, heading="h5")
        assert item["title"] == event.title
        assert [t["slug"] for t in item["topics"]] == sorted(
            t.slug for t in Topic.objects.filter(memberships__event=event, is_published=True)
        )
        assert [(a["name"], f"/actors/{a['id']}/") for a in item["actors"]] == shown.actors
        assert [(c["quote"], f"/articles/{c['article']['id']}/#c{c['id']}") for c in item["citations"]] == [
            (quote, copy) for quote, _, _, copy in shown.sources
        ]
    assert data.hidden.pk not in {item["id"] for item in lines}
