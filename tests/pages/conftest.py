"""Fixtures for the public pages: a published topic with events of every kind, and things the public
must never see (a proposed and a rejected event, an unpublished topic, an article only they cite)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import count

import pytest
from django.utils import timezone

from events.models import Article, Event, EventActor, Topic, TopicMembership
from events.models.events import EventRelation
from tests.factories import ActorFactory, ArticleFactory, EventFactory, PlaceFactory, SourceFactory, TopicFactory

SECRET = "Zanzibarian"  # a word that only unpublished material contains
_hashes = count()


def make_article(text: str, **kwargs: object) -> Article:
    return ArticleFactory(
        clean_text=text,
        original=text,
        content_hash=hashlib.sha256(f"pages-{next(_hashes)}-{text}".encode()).hexdigest(),
        **kwargs,
    )


def cite(event: Event, article: Article, sentence: str, review_state: str = "accepted"):  # type: ignore[no-untyped-def]
    from events.models import Citation

    start = article.clean_text.index(sentence)
    return Citation.objects.create(
        event=event,
        article=article,
        quote=sentence,
        start=start,
        end=start + len(sentence),
        time_text="in May",
        review_state=review_state,
    )


def published(topic: Topic | None = None, **kwargs: object) -> Event:
    kwargs.setdefault("review_state", "published")
    kwargs.setdefault("reviewed_at", timezone.now())
    event = EventFactory(**kwargs)
    if topic is not None:
        TopicMembership.objects.create(topic=topic, event=event)
    return event


@dataclass
class World:
    topic: Topic
    hidden_topic: Topic
    visit: Event
    talks: Event
    summit: Event
    postponed: Event
    successor: Event
    old: Event
    week: Event
    proposed: Event
    rejected: Event
    article: Article
    secret_article: Article


@pytest.fixture
def world(db: None) -> World:
    today = timezone.localdate()
    source = SourceFactory(name="Pacific Wire", domain="pacificwire.example")
    topic = TopicFactory(slug="us-china", name="U.S.–China relations", description="Diplomacy between two powers.")
    hidden_topic = TopicFactory(slug="secret-topic", name=f"{SECRET} topic", is_published=False)
    vienna = PlaceFactory(name="Vienna")
    minister = ActorFactory(name="Wang Yi")
    text = (
        "BEIJING (Pacific Wire) — The foreign minister visited Vienna on June 18, 2023. "
        "The two sides held talks in May 2023. "
        "A summit is scheduled for next year. "
        "Trade talks were postponed until later. "
        "The rescheduled trade talks took place on March 18 and 19. "
        "Relations have been tense since about 2012. "
        "Officials met in the week of Feb. 17."
    )
    article = make_article(text, source=source, title="Minister in Vienna", url="https://pacificwire.example/a1")
    secret_article = make_article(
        f"The {SECRET} delegation met in secret. Nobody confirmed it.",
        source=source,
        title=f"{SECRET} report",
        url="https://pacificwire.example/secret",
    )
    sentences = [s.strip() for s in text.split(". ")]
    visit = published(
        topic, title="Foreign minister visits Vienna", event_type="visit", date_edtf="2023-06-18", place=vienna
    )
    EventActor.objects.create(event=visit, actor=minister, role="initiator")
    talks = published(topic, title="Talks in May", event_type="talks", date_edtf="2023-05")
    ahead_year = today.year + 1
    summit = published(
        topic, title="Leaders' summit", event_type="summit", status="scheduled", date_edtf=f"{ahead_year}-11"
    )
    postponed = published(
        topic, title="Trade talks (first date)", event_type="talks", status="postponed", date_edtf="2021-02"
    )
    successor = published(
        topic, title="Trade talks (rescheduled)", event_type="talks", date_edtf="2021-03-18/2021-03-19"
    )
    EventRelation.objects.create(from_event=postponed, to_event=successor, kind="postponed_as")
    old = published(topic, title="Tensions begin", event_type="statement", status="ongoing", date_edtf="2012~")
    week = published(
        topic, title="Officials meet", event_type="meeting", date_edtf="2025-02-17/2025-02-23", date_is_week=True
    )
    for event, sentence in [
        (visit, sentences[0]),
        (talks, sentences[1]),
        (summit, sentences[2]),
        (postponed, sentences[3]),
        (successor, sentences[4]),
        (old, sentences[5]),
        (week, sentences[6]),
    ]:
        cite(event, article, sentence if sentence.endswith(".") else sentence + ".")
    proposed = EventFactory(title=f"{SECRET} meeting (proposed)", review_state="proposed", date_edtf="2023-06")
    rejected = EventFactory(title=f"{SECRET} summit (rejected)", review_state="rejected", date_edtf="2023-07")
    for event in (proposed, rejected):
        TopicMembership.objects.create(topic=topic, event=event)
        TopicMembership.objects.create(topic=hidden_topic, event=event)
        cite(event, secret_article, f"The {SECRET} delegation met in secret.")
    # A published event that also sits in the unpublished topic: the topic must still not show.
    TopicMembership.objects.create(topic=hidden_topic, event=visit)
    return World(
        topic,
        hidden_topic,
        visit,
        talks,
        summit,
        postponed,
        successor,
        old,
        week,
        proposed,
        rejected,
        article,
        secret_article,
    )
