"""An event record's timestamps are the model's, to the microsecond and in the same time zone, however
the read loads them (on PostgreSQL in UTC psycopg's own loader, elsewhere Django's)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection

from events.models import Event
from events.presentation.record import event_records, event_records_chunked
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

MOMENTS = [
    datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(1999, 12, 31, 0, 0, 0, tzinfo=UTC),
    datetime(2021, 6, 1, 12, 30, 0, 500000, tzinfo=UTC),
]


def _events() -> list[Event]:
    events = []
    for index, moment in enumerate(MOMENTS):
        event = EventFactory(title=f"Event {index}", review_state="published", date_edtf="2023-05")
        Event.objects.filter(pk=event.pk).update(created_at=moment, updated_at=moment, reviewed_at=moment)
        events.append(event)
    events.append(EventFactory(title="Never reviewed", reviewed_at=None))
    return events


def _timestamps(record_or_event: object) -> tuple[object, ...]:
    return tuple(getattr(record_or_event, name) for name in ("created_at", "updated_at", "reviewed_at"))


def _same(a: datetime | None, b: datetime | None) -> bool:
    # Equal instants are not enough: the same time zone object, so every rendering writes the same text.
    return a == b and (a is None or (a.tzinfo is b.tzinfo and a.isoformat() == b.isoformat()))  # type: ignore[union-attr]


def test_record_timestamps_are_the_models() -> None:
    _events()
    queryset = Event.objects.order_by("pk")
    expected = {event.pk: _timestamps(event) for event in queryset}
    for records in (event_records(queryset), list(event_records_chunked(queryset, chunk_size=2))):
        assert [record.id for record in records] == list(expected)
        for record in records:
            assert all(_same(a, b) for a, b in zip(_timestamps(record), expected[record.id], strict=True)), record.id
    assert expected[queryset[0].pk][0] == MOMENTS[0]


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a session time zone is PostgreSQL's")
def test_in_another_session_time_zone_records_load_timestamps_as_django_does() -> None:
    _events()
    queryset = Event.objects.order_by("pk")
    with connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'Asia/Tokyo'")
    try:
        expected = {event.pk: _timestamps(event) for event in queryset}
        records = event_records(queryset)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
    for record in records:
        assert all(_same(a, b) for a, b in zip(_timestamps(record), expected[record.id], strict=True)), record.id
