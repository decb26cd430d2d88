"""Bulk export: the whole filtered set, streamed as NDJSON or CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_it_streams_every_matching_event_as_ndjson(client_anon, make_event):
    wanted = [make_event(event_type="visit") for _ in range(3)]
    make_event(event_type="summit")
    make_event(review_state="proposed", event_type="visit")

    response = client_anon.get("/api/v1/events/export/?type=visit")

    assert response.streaming
    assert response["Content-Type"] == "application/x-ndjson"
    rows = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    assert [r["id"] for r in rows] == [e.pk for e in wanted]
    assert rows[0]["citations"][0]["article"]["url"]


def test_it_streams_flat_csv(client_anon, make_event):
    event = make_event()

    response = client_anon.get("/api/v1/events/export/?format=csv")

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Type"] == "text/csv"
    assert rows[0]["id"] == str(event.pk)
    assert rows[0]["date_edtf"] == event.date_edtf and rows[0]["citation_count"] == "1"


def test_it_reads_the_set_in_chunks(client_anon, make_event, monkeypatch):
    # The records' path (PostgreSQL writes NDJSON in one COPY: tests/api/test_export_sql.py).
    monkeypatch.setattr("events.presentation.record_sql.supported", lambda: False)
    monkeypatch.setattr("api.views.events.EXPORT_CHUNK_SIZE", 2)
    for _ in range(5):
        make_event()

    response = client_anon.get("/api/v1/events/export/")
    with CaptureQueriesContext(connection) as queries:
        body = b"".join(response.streaming_content)

    event_reads = [q for q in queries.captured_queries if 'FROM "events_event"' in q["sql"].split(" WHERE ")[0]]
    assert len(event_reads) == 3  # 2 + 2 + 1 rows, each chunk read after the last id sent
    assert body.count(b"\n") == 5


def test_it_sends_a_large_set_in_few_writes(client_anon, make_event, monkeypatch):
    monkeypatch.setattr("api.views.events.EXPORT_CHUNK_SIZE", 2)
    for _ in range(5):
        make_event()

    chunks = list(client_anon.get("/api/v1/events/export/").streaming_content)

    assert len(chunks) == 1  # five small lines are joined into one write, not sent one by one


@pytest.mark.parametrize("citations", ["embed", "link"])
def test_it_exports_exactly_what_the_list_serves(client_anon, make_event, citations):
    events = [make_event(), make_event(place=None, date_edtf="2012~")]
    events[0].relations_out.create(to_event=events[1], kind="follows")

    listed = client_anon.get(f"/api/v1/events/?ordering=id&citations={citations}").json()["results"]
    exported = client_anon.get(f"/api/v1/events/export/?citations={citations}")
    lines = [json.loads(line) for line in b"".join(exported.streaming_content).splitlines()]

    assert lines == listed


def test_it_walks_a_filtered_set_by_id_across_chunks(client_anon, make_event, monkeypatch):
    monkeypatch.setattr("api.views.events.EXPORT_CHUNK_SIZE", 2)
    events = [make_event(event_type="visit" if i % 3 else "summit") for i in range(8)]
    wanted = [e.pk for e in events if e.event_type == "visit"]

    response = client_anon.get("/api/v1/events/export/?type=visit&format=csv")

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [int(r["id"]) for r in rows] == wanted  # each once, in id order, none filtered-out


def test_it_exports_csv_rows_as_the_list_flattens_them(client_anon, make_event):
    make_event(title='A "quoted", multi-line\ntitle')
    make_event(place=None)

    listed = client_anon.get("/api/v1/events/?ordering=id&format=csv").content
    exported = b"".join(client_anon.get("/api/v1/events/export/?format=csv").streaming_content)

    assert exported == listed
