"""The export built in SQL (PostgreSQL) is exactly the export built in Python, event by event."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.utils import timezone

from events.models import Topic
from tests.factories import ArticleFactory, CitationFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the SQL export is PostgreSQL's (run with DATABASE_URL=postgres://...)",
    ),
]


def _lines(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    return [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]


def _both(client, url: str, monkeypatch) -> tuple[list[dict], list[dict]]:
    in_sql = _lines(client, url)
    monkeypatch.setattr("api.views.events.EXPORT_IN_SQL", False)
    in_python = _lines(client, url)
    monkeypatch.setattr("api.views.events.EXPORT_IN_SQL", True)
    return in_sql, in_python


@pytest.mark.parametrize("citations", ["embed", "link"])
def test_it_builds_the_same_events_as_python(client_anon, make_event, monkeypatch, citations):
    events = [
        make_event(),
        make_event(place=None, date_edtf="2012~", summary='Quotes "inside", a back\\slash and a\nline break'),
        make_event(date_edtf="2024-21", event_type="other", confidence=0.1 + 0.2),
        make_event(date_edtf="2024-05-20/2024-05-26", date_is_week=True),
    ]
    events[0].relations_out.create(to_event=events[1], kind="follows")
    events[0].relations_out.create(to_event=events[2], kind="postponed_as")
    hidden = Topic.objects.create(slug="hidden", name="Hidden", is_published=False)
    events[1].topic_memberships.create(topic=hidden)
    CitationFactory(event=events[0], article=ArticleFactory(source=None, published=None, url=None))
    CitationFactory(event=events[0], start=3, end=9)
    events[2].__class__.objects.filter(pk=events[2].pk).update(updated_at=timezone.now().replace(microsecond=0))

    in_sql, in_python = _both(client_anon, f"/api/v1/events/export/?citations={citations}", monkeypatch)

    assert len(in_sql) == 4
    assert in_sql == in_python


def test_it_applies_the_filters_and_the_requesters_visibility(client_editor, make_event, monkeypatch):
    make_event(event_type="visit")
    make_event(event_type="visit", review_state="proposed")
    make_event(event_type="summit")

    in_sql, in_python = _both(client_editor, "/api/v1/events/export/?type=visit", monkeypatch)

    assert [e["type"] for e in in_sql] == ["visit", "visit"]
    assert in_sql == in_python


def test_it_streams_an_empty_set(client_anon, monkeypatch):
    in_sql, in_python = _both(client_anon, "/api/v1/events/export/", monkeypatch)

    assert in_sql == in_python == []
