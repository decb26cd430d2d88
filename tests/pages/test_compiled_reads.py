"""A timeline keeps the SQL of its reads for the next page with the same events, filters, day and
window (PostgreSQL: elsewhere the reads take querysets); never what that SQL finds."""

from __future__ import annotations

from datetime import date, datetime
from unittest import mock

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client

from events.filters import EventFilterSet
from events.models import Actor
from events.selectors import events_public_for_topic
from tests.pages.conftest import World, published
from timeline.views import timelines

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh() -> None:
    timelines._COMPILED.clear()


def _postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the reads take compiled SQL on PostgreSQL only (DATABASE_URL)")


def _filtered_querysets_built(client: Client, *urls: str) -> tuple[int, list[str]]:
    """(how many times a filtered queryset was built, the pages)."""
    original = EventFilterSet.filter_queryset
    calls = []

    def counted(self: EventFilterSet, queryset: object) -> object:
        calls.append(1)
        return original(self, queryset)  # type: ignore[arg-type]

    with mock.patch.object(EventFilterSet, "filter_queryset", counted):
        pages = [client.get(url).content.decode() for url in urls]
    return len(calls), pages


def test_a_page_asked_again_builds_and_compiles_no_filtered_queryset(client: Client, world: World) -> None:
    _postgresql()
    url = f"/topics/{world.topic.slug}/?type=talks&year=all"
    built, (first, again) = _filtered_querysets_built(client, url, url)
    assert built == 1
    assert first == again
    assert "Talks in May" in again and "Foreign minister visits Vienna" not in again


def test_the_kept_sql_reads_the_data_as_it_is_now(client: Client, world: World) -> None:
    _postgresql()
    url = f"/topics/{world.topic.slug}/?type=talks&year=all"
    assert "Talks in Zembla" not in client.get(url).content.decode()
    published(world.topic, title="Talks in Zembla", event_type="talks", date_edtf="2022-04")
    assert "Talks in Zembla" in client.get(url).content.decode()


def test_each_set_of_filter_values_has_its_own_sql(client: Client, world: World) -> None:
    base = f"/topics/{world.topic.slug}/?year=all&type="
    urls = (base + "talks", base + "visit", base + "talks")
    built, (talks, visit, talks_again) = _filtered_querysets_built(client, *urls)
    assert "Talks in May" in talks and "Foreign minister visits Vienna" not in talks
    assert "Foreign minister visits Vienna" in visit and "Talks in May" not in visit
    assert talks_again == talks
    if connection.vendor == "postgresql":
        assert built == 2


def test_a_filter_checked_against_the_database_is_filtered_anew_each_time(client: Client, world: World) -> None:
    minister = Actor.objects.get(name="Wang Yi")
    url = f"/topics/{world.topic.slug}/?year=all&actor={minister.pk}"
    built, pages = _filtered_querysets_built(client, url, url)
    assert built == 2
    assert all("Foreign minister visits Vienna" in page and "Talks in May" not in page for page in pages)


def _key(query: str, world: World) -> object:
    events = events_public_for_topic(topic=world.topic)
    return timelines.filters_key(EventFilterSet(QueryDict(query), queryset=events))


def test_the_filters_key_follows_the_cleaned_values(world: World) -> None:
    assert _key("type=talks&status=occurred", world) == _key("status=occurred&type=talks", world)
    assert _key("type=talks", world) != _key("type=visit", world)
    assert _key("date_from=2020-01-01", world) != _key("updated_since=2020-01-01T00:00:00Z", world)
    key = _key("date_from=2020-01-01&updated_since=2020-01-01T00:00:00Z", world)
    assert key is not None
    values = dict((name, value) for name, _, value in key)  # type: ignore[attr-defined]
    assert type(values["date_from"]) is date and type(values["updated_since"]) is datetime


def test_a_value_checked_against_the_database_gives_no_key(world: World) -> None:
    minister = Actor.objects.get(name="Wang Yi")
    assert _key(f"actor={minister.pk}", world) is None
    assert _key(f"topic={world.topic.slug}", world) is None
