"""The store step takes the matching lock only to create or change an event, not to cite one.

Two workers storing reports of one story would otherwise wait for each other on every report; the lock
is what keeps them from creating the same event twice, so it must still be taken whenever an event is
created or refined. ``_store_lock`` is counted here; on SQLite it does nothing else.
"""

from __future__ import annotations

import pytest

from events.domain.vocabulary import ActorKind, ActorRole
from events.extraction.types import Actor as XActor
from events.models import Event
from events.services import articles_store, event_publish
from tests.ingestion.test_store_extraction import SHOOTDOWN, proposal, store

pytestmark = pytest.mark.django_db

OTHER = "The balloon was downed by a U.S. jet on Saturday."


@pytest.fixture
def locks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    taken: list[int] = []
    real = articles_store._store_lock

    def counted() -> None:
        taken.append(1)
        real()

    monkeypatch.setattr(articles_store, "_store_lock", counted)
    return taken


def test_it_takes_the_lock_to_create_an_event(locks: list[int]) -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN))

    assert Event.objects.count() == 1
    assert len(locks) == 1


def test_it_cites_an_event_already_there_without_the_lock(locks: list[int]) -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN))
    store(OTHER, proposal(OTHER, title="Military action"))

    event = Event.objects.get()
    assert len(locks) == 1  # the first report's
    matched = event.citations.exclude(match_reason="").get()
    assert matched.quote == OTHER and matched.match_score is not None and matched.match_score >= 0.7


def test_it_takes_the_lock_to_refine_an_event(locks: list[int]) -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN, edtf="2023-02"))
    store(OTHER, proposal(OTHER, title="Military action"))

    event = Event.objects.get()
    assert len(locks) == 2
    assert event.date_edtf == "2023-02-04" and event.citations.count() == 2


def test_it_cites_an_event_it_may_not_change_without_the_lock(locks: list[int]) -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN, edtf="2023-02"))
    event_publish(events=[Event.objects.get()])
    store(OTHER, proposal(OTHER, title="Military action"))

    event = Event.objects.get()
    assert len(locks) == 1
    assert event.date_edtf == "2023-02" and event.citations.count() == 2


def test_it_adds_the_actors_a_cited_event_lacks(locks: list[int]) -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN))
    us = (XActor("United States", ActorKind.STATE, ActorRole.INITIATOR),)
    store(OTHER, proposal(OTHER, title="Military action", actors=us))
    store("A U.S. jet downed it.", proposal("A U.S. jet downed it.", actors=us))

    event = Event.objects.get()
    assert len(locks) == 1
    assert [(link.actor.name, link.role) for link in event.actor_links.all()] == [("United States", "initiator")]
    assert event.citations.count() == 3


def test_it_cites_an_event_once_when_the_article_reports_it_twice(locks: list[int]) -> None:
    store(SHOOTDOWN, proposal(SHOOTDOWN))
    text = f"{OTHER} {OTHER}"
    twice = [proposal(text, title="Military action"), proposal(text, title="Military action")]
    article = store(text, *twice)

    assert article.citations.count() == 1
    assert Event.objects.get().citations.count() == 2
