"""The reads behind a timeline page (events.selectors): plain rows, only what the public may see."""

from __future__ import annotations

import pytest

from events.models import Actor
from events.selectors import (
    actors_in,
    event_public_timeline_rows,
    events_public_for_topic,
    places_in,
    timeline_choice_labels,
)
from tests.factories import ActorFactory, PlaceFactory
from tests.pages.conftest import World, published

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


@pytest.mark.parametrize("inline", [500, 0], ids=["ids-as-a-list", "ids-as-a-subquery"])
def test_timeline_rows_show_published_successors_and_notes_in_date_order(
    world: World, monkeypatch: pytest.MonkeyPatch, inline: int
) -> None:
    monkeypatch.setattr("events.selectors.TIMELINE_INLINE_IDS", inline)
    rows = event_public_timeline_rows(events_public_for_topic(topic=world.topic))
    titles = [row[1] for row in rows.events]
    assert titles[0] == "Tensions begin" and "Leaders' summit" in titles
    assert not any("Zanzibarian" in title for title in titles)
    assert [(s[0], s[2]) for s in rows.successors] == [(world.postponed.pk, world.successor.pk)]
    assert {n[0] for n in rows.notes} == {row[0] for row in rows.events}
    assert [a[2] for a in rows.actors] == ["Wang Yi"]
    world.successor.review_state = "proposed"
    world.successor.save()
    again = event_public_timeline_rows(events_public_for_topic(topic=world.topic), with_notes=False)
    assert again.successors == [] and again.notes == []


def test_the_prepared_reads_give_the_rows_of_the_orm_reads(world: World) -> None:
    """On PostgreSQL the related reads run from SQL compiled once; they must give what the ORM gives."""
    from django.db import connection

    from events.selectors import _prepared_timeline_reads, _timeline_related_rows

    if connection.vendor != "postgresql":
        pytest.skip("the prepared reads are used on PostgreSQL only (DATABASE_URL)")
    assert None not in _prepared_timeline_reads()
    events = events_public_for_topic(topic=world.topic)
    for with_notes in (True, False):
        rows = event_public_timeline_rows(events, with_notes=with_notes)
        ids = [row[0] for row in rows.events]
        assert rows == _timeline_related_rows(events, rows.events, ids, with_notes=with_notes)
        assert rows.successors and bool(rows.notes) is with_notes


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
