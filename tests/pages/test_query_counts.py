"""Every public page costs the same number of queries whatever the number of events it shows."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Article, Citation, Event, EventActor, EventRelation, Source, TopicMembership
from tests.factories import ActorFactory, PlaceFactory, SourceFactory, TopicFactory
from tests.pages.conftest import make_article

pytestmark = pytest.mark.django_db

SENTENCE = "The envoys met again in Geneva."


def _dated(edtf: str) -> dict[str, object]:
    """Bounds and precision of an EDTF value, parsed once per distinct value (bulk_create skips save)."""
    if edtf not in _DATES:
        probe = Event(date_edtf=edtf)
        probe.derive_date_fields()
        _DATES[edtf] = {
            "date_edtf": probe.date_edtf,
            "date_lower": probe.date_lower,
            "date_upper": probe.date_upper,
            "precision": probe.precision,
        }
    return _DATES[edtf]


_DATES: dict[str, dict[str, object]] = {}


def build(n: int) -> dict[str, object]:
    """A topic with ``n`` published events, each with a place, two actors and two citations.

    Rows are written with bulk_create (not factories) so that 1,000 events take well under a second.
    """
    now = timezone.now()
    topic = TopicFactory(slug=f"t{n}")
    place = PlaceFactory(name=f"Geneva {n}")
    actors = [ActorFactory(name=f"Envoy {n}-{i}") for i in range(2)]
    source = SourceFactory()
    shared = make_article(" ".join([SENTENCE] * n), source=source, url=f"https://x.example/shared-{n}")
    events = []
    for i in range(n):
        status = "scheduled" if i % 5 == 0 else ("postponed" if i % 7 == 0 else "occurred")
        year = 2020 + i % 4 if status != "scheduled" else 2100
        events.append(
            Event(
                title=f"Envoys meet {i}",
                event_type="meeting",
                status=status,
                place=place,
                review_state="published",
                reviewed_at=now,
                **_dated(f"{year}-{i % 12 + 1:02d}"),
            )
        )
    events = Event.objects.bulk_create(events)
    TopicMembership.objects.bulk_create([TopicMembership(topic=topic, event=e) for e in events])
    EventActor.objects.bulk_create([EventActor(event=e, actor=a) for e in events for a in actors])
    # One own article per event; the hub event also cites every other event's article (n + 1 sources).
    own = Article.objects.bulk_create(
        [_article(source, f"https://x.example/{n}-{i}", f"own-{n}-{i}") for i in range(n)]
    )
    hub = events[1]
    size = len(SENTENCE)
    citations = [
        Citation(event=e, article=a, quote=SENTENCE, start=0, end=size, review_state="accepted")
        for e, a in zip(events, own, strict=True)
    ]
    citations += [
        Citation(
            event=e,
            article=shared,
            quote=SENTENCE,
            start=i * (size + 1),
            end=i * (size + 1) + size,
            review_state="accepted",
        )
        for i, e in enumerate(events)
    ]
    citations += [
        Citation(event=hub, article=a, quote=SENTENCE, start=0, end=size, review_state="accepted")
        for i, a in enumerate(own)
        if i != 1
    ]
    Citation.objects.bulk_create(citations)
    EventRelation.objects.bulk_create(
        [EventRelation(from_event=a, to_event=b, kind="postponed_as") for a, b in itertools.pairwise(events)]
    )
    return {"topic": topic, "place": place, "actor": actors[0], "hub": hub, "article": shared}


def _article(source: Source, url: str, key: str) -> Article:
    return Article(
        source=source,
        url=url,
        title=f"Envoys {key}",
        published=date(2024, 1, 1),
        clean_text=SENTENCE,
        original=SENTENCE,
        content_hash=hashlib.sha256(f"counts-{key}".encode()).hexdigest(),
        state="done",
    )


PAGES: dict[str, Callable[[dict[str, object]], str]] = {
    "home": lambda w: reverse("timeline:home"),
    "topic": lambda w: reverse("timeline:topic", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "topic-filtered": lambda w: (
        reverse("timeline:topic", args=[w["topic"].slug])  # type: ignore[attr-defined]
        + f"?status=occurred&status=postponed&actor={w['actor'].pk}&place={w['place'].pk}&type=meeting"
    ),  # type: ignore[attr-defined]
    "topic-all-years": lambda w: reverse("timeline:topic", args=[w["topic"].slug]) + "?year=all",  # type: ignore[attr-defined]
    "embed": lambda w: reverse("timeline:topic-embed", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "atom": lambda w: reverse("timeline:topic-atom", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "ical": lambda w: reverse("timeline:topic-ical", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "timelinejs": lambda w: reverse("timeline:topic-timelinejs", args=[w["topic"].slug]),  # type: ignore[attr-defined]
    "event": lambda w: reverse("timeline:event", args=[w["hub"].pk]),  # type: ignore[attr-defined]
    "article": lambda w: reverse("timeline:article", args=[w["article"].pk]),  # type: ignore[attr-defined]
    "actor": lambda w: reverse("timeline:actor", args=[w["actor"].pk]),  # type: ignore[attr-defined]
    "place": lambda w: reverse("timeline:place", args=[w["place"].pk]),  # type: ignore[attr-defined]
    "search": lambda w: reverse("timeline:search") + "?q=envoys",
}


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture(scope="module")
def worlds(django_db_setup: None, django_db_blocker: Any) -> Iterator[tuple[dict[str, object], dict[str, object]]]:
    """A topic of 10 events and one of 1,000, built once for the module inside a transaction that is
    rolled back at its end (each test's own transaction nests in it as a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build(10), build(1000)
        transaction.set_rollback(True)


@pytest.mark.parametrize("name", list(PAGES))
def test_the_query_count_does_not_grow_with_the_number_of_events(
    client: Client, name: str, worlds: tuple[dict[str, object], dict[str, object]]
) -> None:
    small, large = worlds
    few = queries_for(client, PAGES[name](small))
    many = queries_for(client, PAGES[name](large))
    assert many == few, f"{name}: {few} queries for 10 events, {many} for 1,000"


def test_a_page_of_all_years_costs_the_same_queries_for_10_and_1000_events(
    client: Client, worlds: tuple[dict[str, object], dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The paged "all years" view (pages of 3 events here, so both topics have several pages)."""
    monkeypatch.setattr("timeline.views.windows.ALL_PAGE_EVENTS", 3)
    small, large = worlds
    urls = [reverse("timeline:topic", args=[w["topic"].slug]) + "?year=all&page=2" for w in (small, large)]  # type: ignore[attr-defined]
    few, many = (queries_for(client, url) for url in urls)
    assert "page 2 of" in client.get(urls[1]).content.decode()
    assert many == few, f"{few} queries for 10 events, {many} for 1,000"


@pytest.mark.parametrize("page", ["1", "2"])
def test_a_page_of_a_long_year_costs_the_same_queries_for_10_and_1000_events(
    client: Client, worlds: tuple[dict[str, object], dict[str, object]], monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    """A year paged by month (one month a page here: 2021 and 2023 have two past months among 10
    events, three among 1,000), as asked for and as the default window of a long timeline shows it."""
    monkeypatch.setattr("timeline.views.windows.ALL_PAGE_EVENTS", 1)
    small, large = worlds
    urls = [reverse("timeline:topic", args=[w["topic"].slug]) + f"?year=2021&page={page}" for w in (small, large)]  # type: ignore[attr-defined]
    few, many = (queries_for(client, url) for url in urls)
    assert f"2021, page {page} of" in client.get(urls[0]).content.decode()
    assert f"2021, page {page} of" in client.get(urls[1]).content.decode()
    assert many == few, f"{few} queries for 10 events, {many} for 1,000"
    monkeypatch.setattr("timeline.views.windows.WINDOW_EVENTS", 5)
    defaults = [reverse("timeline:topic", args=[w["topic"].slug]) for w in (small, large)]  # type: ignore[attr-defined]
    assert "2023, page 2 of 2," in client.get(defaults[0]).content.decode()
    assert "2023, page 3 of 3," in client.get(defaults[1]).content.decode()
    assert queries_for(client, defaults[0]) == queries_for(client, defaults[1]) == many


def test_the_large_world_really_is_large(worlds: tuple[dict[str, object], dict[str, object]]) -> None:
    """The sizes the issue names: 10 and 1,000 published events, the hub cited 1,001 times."""
    small, large = worlds
    assert Event.objects.filter(topics=small["topic"]).count() == 10
    assert Event.objects.filter(topics=large["topic"]).count() == 1000
    assert Citation.objects.filter(event=large["hub"]).count() == 1001


def test_the_embed_reads_no_filter_choices_it_does_not_show(
    client: Client, worlds: tuple[dict[str, object], dict[str, object]]
) -> None:
    small, _ = worlds
    with CaptureQueriesContext(connection) as embed:
        assert client.get(PAGES["embed"](small)).status_code == 200
    with CaptureQueriesContext(connection) as topic:
        assert client.get(PAGES["topic"](small)).status_code == 200

    def label_reads(captured: CaptureQueriesContext) -> int:
        return sum(q["sql"].startswith(('SELECT "events_actor"', 'SELECT "events_place"')) for q in captured)

    assert label_reads(topic) == 2
    assert label_reads(embed) == 0
