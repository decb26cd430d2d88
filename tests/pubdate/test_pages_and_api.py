"""What readers and researchers see of the date check and the facts: a corrected date on the public
article page, the check in the API's article representation, offices held on an actor's page."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from events.models import EventActor, Office, OfficeTerm
from tests.factories import ActorFactory, ArticleFactory, CitationFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db

REASON = {
    "kind": "office",
    "quote": "Foreign Minister Odile Marchetti",
    "fact": "Odile Marchetti was Foreign Minister from 2010-03-01 to 2012-06-01",
    "sentence": "“Foreign Minister Odile Marchetti”: she held the office from 2010-03-01 to 2012-06-01.",
    "fits_from": "2010-02-19",
    "fits_to": "2012-06-11",
}


def _corrected_article():  # type: ignore[no-untyped-def]
    article = ArticleFactory(
        clean_text="Foreign Minister Odile Marchetti flew to Oslo. She met her counterpart.",
        published=date(2011, 5, 2),
        published_source="editor",
        date_check="corrected",
        date_stated=date(2016, 5, 2),
        date_suggested=date(2011, 5, 2),
        date_check_reasons=[REASON],
    )
    CitationFactory(article=article, event=EventFactory(review_state="published", date_edtf="2011-05-01"))
    return article


def test_the_public_page_shows_a_corrected_date_as_corrected(client: Client) -> None:
    article = _corrected_article()
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert "Stated 2016-05-02; the text fits 2011-05-02." in page
    assert "she held the office from 2010-03-01 to 2012-06-01" in page


def test_the_public_page_says_nothing_of_an_unchecked_date(client: Client) -> None:
    article = ArticleFactory(clean_text="Talks went on. Nothing more.", published=date(2011, 5, 2))
    CitationFactory(article=article, event=EventFactory(review_state="published"))
    assert "corrected" not in client.get(f"/articles/{article.pk}/").content.decode()


def test_the_api_gives_the_check_with_its_reasons() -> None:
    article = _corrected_article()
    client = Client()
    client.force_login(make_user("researcher", superuser=True))
    body = client.get(f"/api/v1/articles/{article.pk}/", HTTP_ACCEPT="application/json").json()
    assert body["date_check"]["verdict"] == "corrected"
    assert body["date_check"]["stated"] == "2016-05-02"
    assert body["date_check"]["reasons"][0]["quote"] == "Foreign Minister Odile Marchetti"


def test_an_actors_page_lists_the_offices_held(client: Client) -> None:
    state = ActorFactory(name="Examplestan", kind="state", country_code="XE")
    person = ActorFactory(name="Odile Marchetti", country_code="XE")
    office = Office.objects.create(
        key="xe-fm",
        name="Foreign Minister of Examplestan",
        holder=state,
        kind="foreign_minister",
        titles="Foreign Minister",
    )
    OfficeTerm.objects.create(office=office, person=person, start=date(2010, 3, 1), end=date(2012, 6, 1))
    event = EventFactory(review_state="published")
    CitationFactory(event=event)
    EventActor.objects.create(event=event, actor=person, role="participant")
    page = client.get(f"/actors/{person.pk}/").content.decode()
    assert "Offices held" in page
    assert "Foreign Minister of Examplestan, 1 Mar 2010 – 1 Jun 2012" in page


def test_an_events_page_shows_each_person_with_the_office_held_that_day(client: Client) -> None:
    state = ActorFactory(name="Examplestan", kind="state", country_code="XE")
    person = ActorFactory(name="Odile Marchetti", country_code="XE")
    office = Office.objects.create(
        key="xe-fm",
        name="Foreign Minister of Examplestan",
        holder=state,
        kind="foreign_minister",
        titles="Foreign Minister",
    )
    OfficeTerm.objects.create(office=office, person=person, start=date(2010, 3, 1), end=date(2012, 6, 1))
    inside = EventFactory(review_state="published", date_edtf="2011-05")
    after = EventFactory(review_state="published", date_edtf="2013-05")
    for event in (inside, after):
        CitationFactory(event=event)
        EventActor.objects.create(event=event, actor=person, role="participant")
    assert "Foreign Minister of Examplestan" in client.get(f"/events/{inside.pk}/").content.decode()
    assert "Foreign Minister of Examplestan" not in client.get(f"/events/{after.pk}/").content.decode()


def test_the_trackers_published_events_reach_the_check_marked_as_its_own() -> None:
    from events.pubdate.facts import Facts
    from events.selectors_facts import facts_with_published_events

    person = ActorFactory(name="Paul Verdier")
    published = EventFactory(review_state="published", date_edtf="2014-03-07")
    proposed = EventFactory(review_state="proposed", date_edtf="2015-03-07")
    for event in (published, proposed):
        EventActor.objects.create(event=event, actor=person, role="participant")
    (known,) = facts_with_published_events(Facts(), actor_names=["Paul Verdier"]).known_events
    # Marked, so the check asks it for its place and for no rival at another date.
    assert known.published and known.start == date(2014, 3, 7)
    assert facts_with_published_events(Facts(), actor_names=["Rui Almada"]).known_events == ()
