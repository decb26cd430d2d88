"""The store step: an extraction (built by hand here, no spaCy) becomes events and citations."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from events.domain.vocabulary import ActorKind, ActorRole, EventStatus, EventType, PlaceKind
from events.extraction.types import Actor as XActor
from events.extraction.types import ArticleExtraction, Citation, ExtractedEvent, Location
from events.models import Article, ArticleState, Event, Place
from events.services import event_publish, event_split_citation, event_update
from events.services.articles_claim import Claim
from events.services.articles_store import article_store_extraction
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SHOOTDOWN = "A U.S. fighter jet shot down a Chinese balloon off South Carolina on Saturday, officials said."


def proposal(
    text: str,
    *,
    edtf: str = "2023-02-04",
    type: EventType = EventType.MILITARY_ACTION,
    status: EventStatus = EventStatus.OCCURRED,
    title: str = "United States shoots down balloon",
    place: Location | None = None,
    actors: tuple[XActor, ...] = (),
    week: bool = False,
) -> ExtractedEvent:
    return ExtractedEvent(
        title=title,
        type=type,
        status=status,
        date=edtf,
        lower=None,
        upper=None,
        precision=None,
        week=week,
        location=place,
        actors=actors,
        citation=Citation(quote=text, start=0, end=len(text), time_text="", time_start=0, time_end=0),
        confidence=0.85,
        rule="verb:test+own-date",
    )


def extraction(text: str, *events: ExtractedEvent) -> ArticleExtraction:
    return ArticleExtraction(
        title="",
        byline="",
        published=None,
        published_source="unknown",
        outlet="",
        text=text,
        events=list(events),
        extractor_version="test-1",
    )


def claimed(text: str, **fields: object) -> tuple[Article, Claim]:
    now = timezone.now()
    article = ArticleFactory(
        clean_text="", original=text, content_hash=None, state=ArticleState.EXTRACTING, state_changed_at=now, **fields
    )
    return article, Claim(article.pk, ArticleState.EXTRACTING, now)


def store(text: str, *events: ExtractedEvent, **fields: object) -> Article:
    article, claim = claimed(text, **fields)
    article_store_extraction(claim=claim, extraction=extraction(text, *events))
    article.refresh_from_db()
    return article


def test_it_creates_a_proposed_event_with_a_citation() -> None:
    article = store(SHOOTDOWN, proposal(SHOOTDOWN))

    event = Event.objects.get()
    assert (event.event_type, event.date_edtf, event.review_state) == ("military_action", "2023-02-04", "proposed")
    assert article.state == ArticleState.DONE
    assert article.extractor_version == "test-1"
    citation = event.citations.get()
    assert citation.article == article and citation.quote == SHOOTDOWN and citation.match_reason == ""


def test_it_matches_a_second_report_and_says_why() -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN))
    other = "The balloon was downed by a U.S. jet on Saturday."
    store(other, proposal(other, title="Military action"))

    event = Event.objects.get()
    assert event.citations.count() == 2
    matched = event.citations.exclude(match_reason="").get()
    assert matched.match_score is not None and matched.match_score >= 0.7
    assert "same type (military_action)" in matched.match_reason


def test_it_refines_a_month_to_a_day_in_the_history() -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN, edtf="2023-02"))
    store("Shot down on Feb. 4, 2023.", proposal("Shot down on Feb. 4, 2023."))

    event = Event.objects.get()
    assert (event.date_edtf, event.precision) == ("2023-02-04", "day")
    assert "date refined 2023-02 -> 2023-02-04" in event.history.first().history_change_reason


def test_it_never_refines_a_locked_date() -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN, edtf="2023-02"))
    event_update(event=Event.objects.get(), date_edtf="2023-02")  # an editor confirms the month
    store("Shot down on Feb. 4, 2023.", proposal("Shot down on Feb. 4, 2023."))

    event = Event.objects.get()
    assert event.date_edtf == "2023-02"
    assert event.citations.count() == 2


def test_it_moves_a_scheduled_event_on_when_it_happens() -> None:
    visit = "Blinken will visit Beijing next week."
    blinken = (XActor("Antony Blinken", ActorKind.PERSON, ActorRole.INITIATOR),)
    beijing = Location("Beijing", PlaceKind.CITY, "CN", 39.9, 116.4)
    plan = proposal(
        visit,
        type=EventType.VISIT,
        status=EventStatus.SCHEDULED,
        edtf="2023-06-12/2023-06-18",
        week=True,
        title="Blinken visits Beijing",
        place=beijing,
        actors=blinken,
    )
    store(visit, plan)
    held = "Blinken arrived in Beijing on Sunday."
    store(held, proposal(held, type=EventType.VISIT, edtf="2023-06-18", place=beijing, actors=blinken))

    event = Event.objects.get()
    assert (event.status, event.date_edtf) == ("occurred", "2023-06-18")
    assert event.citations.count() == 2


def test_it_leaves_a_published_event_as_the_editor_left_it() -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN, edtf="2023-02"))
    event_publish(events=[Event.objects.get()])
    store("Shot down on Feb. 4, 2023.", proposal("Shot down on Feb. 4, 2023."))

    event = Event.objects.get()
    assert (event.date_edtf, event.review_state) == ("2023-02", "published")
    assert event.citations.count() == 2


def test_it_keeps_two_meetings_of_different_people_apart() -> None:
    first = "Wang Yi met Antony Blinken in Vienna on Monday."
    second = "Sergey Lavrov met Penny Wong in Vienna on Thursday."
    vienna = Location("Vienna", PlaceKind.CITY, "AT", 48.2, 16.37)
    people = [
        (
            XActor("Wang Yi", ActorKind.PERSON, ActorRole.INITIATOR),
            XActor("Antony Blinken", ActorKind.PERSON, ActorRole.PARTICIPANT),
        ),
        (
            XActor("Sergey Lavrov", ActorKind.PERSON, ActorRole.INITIATOR),
            XActor("Penny Wong", ActorKind.PERSON, ActorRole.PARTICIPANT),
        ),
    ]
    week = "2023-06-12/2023-06-18"
    store(
        first,
        proposal(
            first,
            type=EventType.MEETING,
            edtf=week,
            week=True,
            title="Wang Yi meets Antony Blinken",
            place=vienna,
            actors=people[0],
        ),
    )
    store(
        second,
        proposal(
            second,
            type=EventType.MEETING,
            edtf=week,
            week=True,
            title="Sergey Lavrov meets Penny Wong",
            place=vienna,
            actors=people[1],
        ),
    )

    assert Event.objects.count() == 2


def test_it_marks_a_hash_twin_as_a_duplicate_instead_of_failing() -> None:
    first = store(SHOOTDOWN, proposal(SHOOTDOWN))
    second = store(SHOOTDOWN, proposal(SHOOTDOWN))

    assert second.state == ArticleState.DONE
    assert second.duplicate_of == first
    assert second.original == SHOOTDOWN  # the original is never thrown away
    assert Event.objects.get().citations.count() == 1


def test_it_stores_places_with_coordinates_and_states_by_one_name() -> None:
    text = "The U.S. shot down the balloon over the Atlantic Ocean on Saturday."
    atlantic = Location("Atlantic Ocean", PlaceKind.SEA, None, 31.0, -68.0)
    names = (XActor("U.S.", ActorKind.STATE, ActorRole.INITIATOR),)
    store(text, proposal(text, place=atlantic, actors=names))
    again = "The United States shot down the balloon on Saturday."
    store(again, proposal(again, actors=(XActor("the United States", ActorKind.STATE, ActorRole.INITIATOR),)))

    place = Place.objects.get()
    assert (place.name, place.latitude, place.longitude) == ("Atlantic Ocean", 31.0, -68.0)
    event = Event.objects.get()
    assert [link.actor.name for link in event.actor_links.all()] == ["United States"]
    assert sorted(event.actor_links.get().actor.aliases.values_list("name", flat=True)) == ["U.S.", "the United States"]


def test_it_does_nothing_when_its_claim_was_taken_over() -> None:
    article, claim = claimed(SHOOTDOWN)
    Article.objects.filter(pk=article.pk).update(state_changed_at=timezone.now())  # the sweeper took it

    assert article_store_extraction(claim=claim, extraction=extraction(SHOOTDOWN, proposal(SHOOTDOWN))) == "lost claim"
    assert not Event.objects.exists()


def test_an_editor_can_split_a_wrong_match_off() -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN))
    other = "The balloon was downed by a U.S. jet on Saturday."
    store(other, proposal(other))
    matched = Event.objects.get().citations.exclude(match_reason="").get()

    new = event_split_citation(citation=matched)

    matched.refresh_from_db()
    assert matched.event == new and matched.match_reason == ""
    assert Event.objects.count() == 2
    assert new.review_state == "proposed"


def test_it_keeps_an_editor_given_publication_date() -> None:
    text = "Shot down on Saturday."
    article, claim = claimed(text, published=date(2023, 2, 5), published_source="editor")
    found = ArticleExtraction("T", "", date(2023, 1, 1), "metadata", "", text, [], "test-1")
    article_store_extraction(claim=claim, extraction=found)

    article.refresh_from_db()
    assert article.published == date(2023, 2, 5)


def test_the_citation_keeps_how_sure_the_date_is_and_the_admin_shows_it() -> None:
    import html
    from dataclasses import replace

    from django.test import Client
    from django.urls import reverse

    from events.domain.vocabulary import DateBasis
    from tests.factories import make_user

    article = store(SHOOTDOWN, replace(proposal(SHOOTDOWN), date_basis=DateBasis.NARRATIVE))
    citation = article.citations.get()
    assert citation.date_basis == "narrative"
    client = Client()
    client.force_login(make_user("edith", group="Editors"))
    page = client.get(reverse("admin:events_event_change", args=[citation.event_id])).content.decode()
    assert "carried from the narrative's reference time" in html.unescape(page)
