"""The bulk export PostgreSQL writes (events.presentation.record_sql) is byte for byte the export the
records give (EventRecord rendered by the NDJSON format), for every kind of requester and data."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from events.models import Event
from events.presentation import record_sql
from events.services.changes import events_changed_announce
from tests.factories import ActorFactory, ArticleFactory, CitationFactory, EventFactory, PlaceFactory, TopicFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the export built in SQL is PostgreSQL's; elsewhere the records are rendered in Python "
        "(run with DATABASE_URL=postgres://... to compare the two)",
    ),
    pytest.mark.django_db,
]

# Text a citation can quote, with what JSON must escape or may leave as it is: quotes, a backslash, a
# tab, a control character, the two separators JavaScript reads as line ends, accents and an emoji.
ODD = 'She said "yes" \\ then\tleft \x01 \u2028 and \u2029 — déjà vu 🙂.'
ARTICLE_TEXT = "Plain opening sentence here. " + ODD + " A closing sentence follows."


def _export(client: APIClient, query: str = "") -> bytes:
    response = client.get(f"/api/v1/events/export/?{query}")
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def _both(client: APIClient, monkeypatch: pytest.MonkeyPatch, query: str = "") -> tuple[bytes, bytes]:
    """(the export PostgreSQL writes, the export the records give) for one request."""
    in_sql = _export(client, query)
    with monkeypatch.context() as patch:
        patch.setattr(record_sql, "supported", lambda: False)
        in_python = _export(client, query)
    return in_sql, in_python


def _cite(event: Event, article: Any, text: str, **fields: Any) -> Any:
    start = article.clean_text.index(text)
    return CitationFactory(event=event, article=article, start=start, end=start + len(text), quote=text, **fields)


@pytest.fixture
def varied(researcher: Any) -> dict[str, Event]:
    """Events of every shape the export must write the same way in SQL and in Python."""
    places = [
        PlaceFactory(name='Quai "Neuf" \u2028', latitude=10.0, longitude=-0.0, geonames_id=2988507),
        PlaceFactory(name="Kraków", latitude=None, longitude=None, country_code="PL"),
        PlaceFactory(latitude=0.1 + 0.2, longitude=-179.99999999999997),
    ]
    events = {
        "plain": EventFactory(review_state="published", place=places[0], date_edtf="2024-05-20"),
        "odd": EventFactory(
            review_state="published",
            place=places[1],
            title="Line\u2028separator and \u2029 paragraph, tab\there",
            summary='A "summary" with a back\\slash,\na line break and \x07 a bell',
            date_edtf="2012~",
            confidence=0.1 + 0.2,
            event_type="other",
        ),
        "week": EventFactory(
            review_state="published", place=None, date_edtf="2024-05-20/2024-05-26", date_is_week=True
        ),
        "season": EventFactory(review_state="published", place=places[2], date_edtf="2024-21", confidence=0.0),
        "open": EventFactory(review_state="published", place=places[2], date_edtf="../2020-03", status="ongoing"),
        "proposed": EventFactory(review_state="proposed", place=places[0], date_edtf="2023"),
        "rejected": EventFactory(review_state="rejected", place=places[0]),
        "merged": EventFactory(review_state="published", place=places[0], date_edtf="2024-05-20"),
        "mine": EventFactory(review_state="proposed", place=None, date_edtf="2025-01-02", event_type="visit"),
    }
    Event.objects.filter(pk=events["merged"].pk).update(merged_into=events["plain"])
    # One event whose times have no microseconds (the export writes none then, as isoformat does).
    whole = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)
    Event.objects.filter(pk=events["season"].pk).update(created_at=whole, updated_at=whole)
    # Bounds written in bulk that the EDTF would not give: the export shows what is stored.
    Event.objects.filter(pk=events["odd"].pk).update(date_lower=date(2011, 1, 1), precision="decade")
    # Said as the services that write in bulk say it: the change log (and the stored export lines) see it.
    events_changed_announce(event_ids=[events[name].pk for name in ("merged", "season", "odd")])

    ministers = [
        ActorFactory(name="Zed Minister", wikidata_id="Q1"),
        ActorFactory(name="Ada Minister", kind="state", country_code="FR"),
        ActorFactory(name='Envoy "B" \u2029'),
    ]
    for name in ("plain", "odd", "proposed", "merged"):
        for actor, role in zip(ministers, ("target", "initiator", "initiator"), strict=True):
            events[name].actor_links.create(actor=actor, role=role)

    shown, hidden = TopicFactory(slug="b-shown", name="Shown \u2028"), TopicFactory(slug="hidden", is_published=False)
    first = TopicFactory(slug="a-first")
    for name in ("plain", "odd", "proposed"):
        for topic in (shown, hidden, first):
            events[name].topic_memberships.create(topic=topic)

    for target, kind in (("odd", "follows"), ("proposed", "postponed_as"), ("merged", "follows")):
        events["plain"].relations_out.create(to_event=events[target], kind=kind)
    events["open"].relations_out.create(to_event=events["plain"], kind="follows")

    older = ArticleFactory(clean_text=ARTICLE_TEXT, published=date(2020, 1, 2))
    undated = ArticleFactory(clean_text=ARTICLE_TEXT, published=None, url=None, source=None)
    newer = ArticleFactory(clean_text=ARTICLE_TEXT, published=date(2024, 5, 21), title='Title "with" \u2028')
    own = ArticleFactory(clean_text=ARTICLE_TEXT, submitted_by=researcher)
    _cite(events["plain"], newer, ODD, date_basis="explicit", time_text="on 20 May")
    _cite(events["plain"], older, "A closing sentence follows.", date_basis="publication")
    _cite(events["plain"], older, "Plain opening sentence here.")
    _cite(events["plain"], undated, "Plain opening sentence here.", review_state="proposed")
    _cite(events["plain"], own, ODD, review_state="proposed")  # the researcher's own, not accepted
    _cite(events["odd"], undated, ODD, review_state="rejected")
    _cite(events["odd"], newer, "Plain opening sentence here.")
    _cite(events["proposed"], older, ODD)
    _cite(events["merged"], older, ODD)
    _cite(events["mine"], own, ODD, review_state="proposed")
    return events


@pytest.mark.parametrize("citations", ["embed", "link"])
@pytest.mark.parametrize("requester", ["client_anon", "client_researcher", "client_editor"])
def test_it_writes_the_bytes_the_records_give(
    request: pytest.FixtureRequest,
    varied: dict[str, Event],
    monkeypatch: pytest.MonkeyPatch,
    requester: str,
    citations: str,
) -> None:
    client = request.getfixturevalue(requester)

    in_sql, in_python = _both(client, monkeypatch, f"citations={citations}")

    assert in_sql == in_python
    ids = [json.loads(line)["id"] for line in in_sql.splitlines()]
    expected = {
        "client_anon": ["plain", "odd", "week", "season", "open"],
        "client_researcher": ["plain", "odd", "week", "season", "open", "mine"],
        "client_editor": ["plain", "odd", "week", "season", "open", "proposed", "mine"],
    }[requester]
    assert ids == sorted(varied[name].pk for name in expected)


def test_it_shows_each_requester_only_the_citations_it_may_read(
    varied: dict[str, Event], client_anon: APIClient, client_editor: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the comparison above rests on: the rows differ by requester, and the SQL follows them.
    def quotes(client: APIClient) -> list[int]:
        lines = [json.loads(line) for line in _export(client).splitlines()]
        return [len(line["citations"]) for line in lines if line["id"] == varied["plain"].pk]

    assert quotes(client_anon) == [3]  # accepted ones only, oldest article first
    assert quotes(client_editor) == [5]


@pytest.mark.parametrize("small", [True, False], ids=["small set: its ids", "larger set: semi-joins"])
@pytest.mark.parametrize("query", ["type=visit", "date_to=2024-05-31", "date_from=2024-01-01&precision=day"])
def test_it_applies_the_filters_as_the_records_do(
    varied: dict[str, Event], client_editor: APIClient, monkeypatch: pytest.MonkeyPatch, query: str, small: bool
) -> None:
    monkeypatch.setattr(record_sql, "_small_set", lambda queryset: small)

    in_sql, in_python = _both(client_editor, monkeypatch, query)

    assert in_sql == in_python
    assert 0 < in_sql.count(b"\n") < len(varied) - 2


def test_a_filter_that_matches_nothing_streams_nothing(
    varied: dict[str, Event], client_editor: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_sql, "_small_set", lambda queryset: True)  # an empty array of ids

    in_sql, in_python = _both(client_editor, monkeypatch, "date_from=2090-01-01")

    assert in_sql == in_python == b""


def test_a_set_is_small_by_the_planners_estimate_of_its_share(make_event: Any) -> None:
    events = [make_event(event_type="visit" if index == 0 else "meeting") for index in range(30)]
    published = Event.objects.filter(pk__in=[event.pk for event in events])

    assert not record_sql._small_set(published.filter(event_type="visit"))  # no statistics yet: not assumed
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
    assert record_sql._small_set(Event.objects.filter(event_type="visit"))
    assert not record_sql._small_set(Event.objects.filter(event_type="meeting"))


def test_a_database_not_in_utf8_gets_the_same_bytes_over_a_csv_copy(
    varied: dict[str, Event], client_editor: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The binary COPY sends text in the server's encoding (the test database's is UTF-8); elsewhere the
    # CSV format converts it to the client's.
    statements: list[bytes] = []
    make_statement = record_sql._copy_statement

    def seen(raw: Any, sql: str, params: list[Any]) -> bytes:
        statements.append(make_statement(raw, sql, params))
        return statements[-1]

    monkeypatch.setattr(record_sql, "_copy_statement", seen)
    over_binary = _export(client_editor)
    monkeypatch.setattr(record_sql, "_binary", lambda raw: False)

    over_csv, in_python = _both(client_editor, monkeypatch)

    assert over_binary == over_csv == in_python and in_python.count(b"\n") == 7
    assert [b"FORMAT binary" in statement for statement in statements] == [True, False]


def test_it_escapes_what_the_json_encoder_escapes(varied: dict[str, Event], client_anon: APIClient) -> None:
    body = _export(client_anon)

    assert "\u2028".encode() not in body and b"\\u2028" in body
    line = next(json.loads(row) for row in body.splitlines() if json.loads(row)["id"] == varied["odd"].pk)
    assert line["title"] == "Line\u2028separator and \u2029 paragraph, tab\there"
    assert line["place"]["name"] == "Kraków" and line["place"]["latitude"] is None


def test_it_fills_in_a_date_saved_after_the_export_began(
    varied: dict[str, Event], client_anon: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The displays are computed for the dates the set held before the COPY began; an event saved in
    # between has a date not among them. Here none is found, so every line takes the late path.
    monkeypatch.setattr(record_sql, "_date_key", lambda *fields: "absent")

    in_sql, in_python = _both(client_anon, monkeypatch)

    assert in_sql == in_python
    assert b"\x03" not in in_sql


def test_it_streams_an_empty_set(client_anon: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    in_sql, in_python = _both(client_anon, monkeypatch)

    assert in_sql == in_python == b""


def test_it_streams_a_set_larger_than_one_write(
    client_anon: APIClient, monkeypatch: pytest.MonkeyPatch, make_event: Any
) -> None:
    monkeypatch.setattr(record_sql, "CHUNK_BYTES", 1000)
    for _ in range(6):
        make_event()

    response = client_anon.get("/api/v1/events/export/")
    chunks = list(response.streaming_content)

    assert len(chunks) > 2 and all(chunk.endswith(b"\n") for chunk in chunks)  # whole lines per write
    assert b"".join(chunks) == _both(client_anon, monkeypatch)[1]


def test_it_outlasts_the_web_processes_statement_timeout(
    client_anon: APIClient, monkeypatch: pytest.MonkeyPatch, make_event: Any
) -> None:
    # The COPY lasts as long as the client reads: a web process's statement timeout (here 1 ms, set on
    # the connection just before the COPY) must not cut it short.
    make_event()
    make_statement = record_sql._copy_statement

    def under_a_timeout(raw: Any, sql: str, params: list[Any]) -> bytes:
        with raw.cursor() as cursor:
            cursor.execute("SET statement_timeout = 1")
        return make_statement(raw, sql, params)

    monkeypatch.setattr(record_sql, "_copy_statement", under_a_timeout)

    in_sql, in_python = _both(client_anon, monkeypatch)

    assert in_sql == in_python and in_sql.count(b"\n") == 1
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] != "1ms"  # the export leaves the session's own limit behind it
