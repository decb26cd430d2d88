"""Factories for the events app (factory_boy): each test builds just the rows it needs."""

from __future__ import annotations

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.models import Actor, Article, Citation, Event, Place, Source, Topic

ARTICLE_TEXT = (
    "BEIJING (Wire) — The foreign minister arrived in Beijing early Sunday for two days of talks. "
    "He met his counterpart in Vienna in May. "
    "A summit is expected in November in San Francisco."
)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["domain"]

    name = factory.Sequence(lambda n: f"Outlet {n}")
    domain = factory.Sequence(lambda n: f"outlet{n}.example")
    kind = "wire"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    source = factory.SubFactory(SourceFactory)
    url = factory.Sequence(lambda n: f"https://news.example/{n}")
    title = factory.Sequence(lambda n: f"Article {n}")
    published = factory.Faker("date_between", start_date="-3y", end_date="today")
    clean_text = ARTICLE_TEXT
    original = factory.LazyAttribute(lambda o: o.clean_text)
    content_hash = factory.Sequence(lambda n: hashlib.sha256(f"article-{n}".encode()).hexdigest())
    state = "done"


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"City {n}")
    kind = "city"
    country_code = "AT"
    latitude = 48.2
    longitude = 16.37


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Minister {n}")
    kind = "person"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    event_type = "meeting"
    status = "occurred"
    date_edtf = "2024-05"
    review_state = "proposed"


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    event = factory.SubFactory(EventFactory)
    article = factory.SubFactory(ArticleFactory)
    start = 0
    end = factory.LazyAttribute(lambda o: o.article.clean_text.index(".") + 1)
    quote = factory.LazyAttribute(lambda o: o.article.clean_text[o.start : o.end])
    # As an editor's own citation is: a test of the review boundary asks for "proposed" explicitly.
    review_state = "accepted"


def make_user(username: str, *, group: str | None = None, superuser: bool = False):  # type: ignore[no-untyped-def]
    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(username=username, password="pw-Test-12345")
    user = user_model.objects.create_user(username=username, password="pw-Test-12345", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
