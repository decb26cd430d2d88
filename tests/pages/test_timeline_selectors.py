"""The reads behind a timeline page (events.selectors, and the records of events.presentation.record):
only what the public may see."""

from __future__ import annotations

import pytest

from events.models import Actor
from events.presentation.record import event_records
from events.selectors import actors_in, events_public_for_topic, places_in, timeline_choice_labels
from tests.factories import ActorFactory, PlaceFactory
from tests.pages.conftest import SECRET, World, cite, published

pytestmark = pytest.mark.django_db


def test_filter_choices_are_the_actors_and_places_of_the_timeline_labelled_as_their_str(world: World) -> None:
    ActorFactory(name="Nobody in this topic")
    PlaceFactory(name="Nowhere in this topic")
    geneva = PlaceFactory(name="Geneva", country_code="")
    published(world.topic, title="Talks in Geneva", event_type="talks", date_edtf="2024-01", place=geneva)
    events = events_public_for_topic(topic=world.topic)
    actor_labels, place_labels = timeline_choice_labels(events=events)
    assert actor_labels == [(a.pk, str(a)) for a in actors_in(events=events).order_by("name")]
    assert place_labels == [(p.pk, str(p)) for p in places_in(events=events).order_by("name")]
    assert [pk for pk, _ in actor_labels] == list(Actor.objects.filter(name="Wang Yi").values_list("pk", flat=True))
    assert {pk for pk, _ in place_labels} == {geneva.pk, world.visit.place_id}
    assert {label for _, label in place_labels} == {"Geneva", str(world.visit.place)}


def test_a_timelines_records_carry_published_successors_with_their_title_and_date_and_public_notes(
    world: World,
) -> None:
    cite(world.visit, world.secret_article, f"The {SECRET} delegation met in secret.", review_state="proposed")
    records = {r.id: r for r in event_records(events_public_for_topic(topic=world.topic))}
    assert not any(SECRET in r.title for r in records.values())
    assert [(r.kind, r.event, r.title, r.date_edtf, r.date_display) for r in records[world.postponed.pk].related] == [
        ("postponed_as", world.successor.pk, "Trade talks (rescheduled)", "2021-03-18/2021-03-19", "18–19 Mar 2021")
    ]
    # One note each, the accepted sentence of the world's article; the proposed citation is nobody's to read.
    assert all(len(r.citations or ()) == 1 for r in records.values())
    assert not any(SECRET in c.quote for r in records.values() for c in r.citations or ())
    world.successor.review_state = "proposed"
    world.successor.save()
    again = event_records(events_public_for_topic(topic=world.topic), with_citations=False)
    assert [r.related for r in again if r.id == world.postponed.pk] == [()]
    assert all(r.citations is None for r in again)


def test_the_prepared_public_reads_give_the_records_of_the_orm_reads(world: World) -> None:
    """On PostgreSQL the public embed reads run from SQL compiled once; they must give what the ORM gives."""
    from django.db import connection

    from events.presentation.record import Readable, _prepared_public_reads, readable_public

    if connection.vendor != "postgresql":
        pytest.skip("the prepared reads are used on PostgreSQL only (DATABASE_URL)")
    assert _prepared_public_reads() is not None
    public = readable_public()
    same_rules = Readable(citations=public.citations.all(), relations=public.relations.all())  # not prepared
    events = events_public_for_topic(topic=world.topic)
    for with_citations in (True, False):
        prepared = event_records(events, with_citations=with_citations)
        assert prepared == event_records(events, with_citations=with_citations, readable=same_rules)
        assert any(r.related for r in prepared) and any(r.actors for r in prepared)


def test_the_filter_labels_are_read_from_prepared_sql_with_the_events_spliced_in(
    world: World,
    django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    """The label reads are compiled once; each page splices in its own events (here an actor's)."""
    from events.selectors import _spliced_label_reads, events_public_for_actor

    assert None not in _spliced_label_reads()
    minister = Actor.objects.get(name="Wang Yi")
    events = events_public_for_actor(actor_id=minister.pk)
    with django_assert_num_queries(2):
        actor_labels, place_labels = timeline_choice_labels(events=events)
    assert actor_labels == [(minister.pk, "Wang Yi")]
    assert place_labels == [(world.visit.place_id, str(world.visit.place))]


@pytest.mark.parametrize("query", ["", "type=talks&type=visit", "status=scheduled", "q=talks", "actor=ACTOR"])
def test_month_counts_from_the_spliced_read_are_those_of_the_orm(world: World, query: str) -> None:
    from django.http import QueryDict
    from django.utils import timezone

    from events.filters import EventFilterSet
    from events.selectors import _month_counts_orm, _month_counts_spliced, event_public_month_counts

    today = timezone.localdate()
    assert _month_counts_spliced(today) is not None
    minister = Actor.objects.get(name="Wang Yi")
    filtered = EventFilterSet(
        QueryDict(query.replace("ACTOR", str(minister.pk))), queryset=events_public_for_topic(topic=world.topic)
    ).qs
    counts = event_public_month_counts(filtered, today=today)
    assert counts == _month_counts_orm(filtered, today=today)
    assert sum(row.total for row in counts) == filtered.count()
    assert all(type(value) is int for row in counts for value in (row.year, row.month, row.total, row.ahead))


def test_a_topic_by_slug_is_the_instance_the_orm_reads_and_only_when_published(world: World) -> None:
    from django.forms.models import model_to_dict

    from events.models import Topic
    from events.selectors import topic_public_get

    found = topic_public_get(slug=world.topic.slug)
    assert found is not None and not found._state.adding
    expected = Topic.objects.get(pk=world.topic.pk)
    fields = [f.attname for f in Topic._meta.concrete_fields]
    assert [getattr(found, name) for name in fields] == [getattr(expected, name) for name in fields]
    assert model_to_dict(found) == model_to_dict(expected)
    assert topic_public_get(slug=world.hidden_topic.slug) is None
    assert topic_public_get(slug="no-such-topic") is None


def test_each_caller_gets_its_own_queryset_of_a_topics_events(world: World) -> None:
    first = events_public_for_topic(topic=world.topic)
    ids = set(first.values_list("pk", flat=True))
    list(first)  # evaluated: its rows are cached on this queryset only
    added = published(world.topic, title="Added later", date_edtf="2024-02")
    again = events_public_for_topic(topic=world.topic)
    assert again is not first and again._result_cache is None
    assert set(again.values_list("pk", flat=True)) == ids | {added.pk}


def test_records_read_without_topics_say_so_and_are_otherwise_the_same(world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    events = events_public_for_topic(topic=world.topic).order_by("pk")
    with CaptureQueriesContext(connection) as full:
        records = event_records(events)
    with CaptureQueriesContext(connection) as lean:
        without = event_records(events, with_topics=False)
    assert len(lean.captured_queries) == len(full.captured_queries) - 1
    assert all(record.topics is None for record in without)
    assert any(record.topics for record in records)
    assert [r._replace(topics=None) for r in records] == without
