"""The stored export lines (api.export_lines) equal the lines the SQL builder makes, after every kind of
write, and the export serves them only while they can stand for the builder's."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone
from rest_framework.test import APIClient

from api import export_lines
from api.export_lines import export_lines_differences, export_lines_rebuild
from api.models import EventExportLine, EventExportLinesState
from events.domain.vocabulary import ActorRole, EventStatus, EventType, PlaceKind
from events.extraction.types import Actor as XActor
from events.extraction.types import ArticleExtraction, Citation, ExtractedEvent, Location
from events.models import Actor, ArticleState, Event, Place, Source, Topic
from events.presentation import record_sql
from events.services import event_merge, event_publish, event_reject, event_unmerge, event_update, topic_apply_rule
from events.services.articles_claim import Claim
from events.services.articles_store import article_store_extraction
from events.services.resolve import place_resolve
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the export lines are stored on PostgreSQL only (run with DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db,
]


@pytest.fixture(autouse=True)
def _lines_of_this_code() -> None:
    """The state row the migration writes; a test that ran with real transactions flushed it away."""
    export_lines_rebuild()


def _export(client: APIClient, query: str = "") -> bytes:
    response = client.get(f"/api/v1/events/export/?{query}")
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def _stored_and_built(client: APIClient, monkeypatch: pytest.MonkeyPatch, query: str = "") -> tuple[bytes, bytes]:
    """(the export read from the stored lines, the export built per request) for one request; asserts
    that the first did read the stored lines."""
    served: list[bool] = []
    stored = export_lines.export_lines_stored

    def spy(*args: Any, **kwargs: Any) -> Any:
        lines = stored(*args, **kwargs)
        served.append(lines is not None)
        return lines

    with monkeypatch.context() as patch:
        patch.setattr("api.views.events.export_lines_stored", spy)
        from_rows = _export(client, query)
    assert served == [True]
    with monkeypatch.context() as patch:
        patch.setattr("api.views.events.export_lines_stored", lambda *args, **kwargs: None)
        built = _export(client, query)
    return from_rows, built


def _assert_current(client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert export_lines_differences() == {"missing": 0, "extra": 0, "stale": 0, "other_code": 0}
    from_rows, built = _stored_and_built(client, monkeypatch)
    assert from_rows == built


def _ingest(name: str, text: str) -> Event:
    """An article's event stored as the pipeline stores it (a new place, an actor, a citation)."""
    now = timezone.now()
    proposed = ExtractedEvent(
        title=f"Talks in {name}",
        type=EventType.MEETING,
        status=EventStatus.OCCURRED,
        date="2024-05-20",
        lower=None,
        upper=None,
        precision=None,
        week=False,
        location=Location(name=name, kind=PlaceKind.CITY, country="NZ", lat=None, lon=None),
        actors=(XActor(name="Zembla", kind="state", role=ActorRole.PARTICIPANT),),
        citation=Citation(quote=text, start=0, end=len(text), time_text="", time_start=0, time_end=0),
        confidence=0.8,
        rule="verb:test",
    )
    article = ArticleFactory(
        clean_text="", original=text, content_hash=None, state=ArticleState.EXTRACTING, state_changed_at=now
    )
    extraction = ArticleExtraction(
        title="Report",
        byline="",
        published=None,
        published_source="unknown",
        outlet="",
        text=text,
        events=[proposed],
        extractor_version="test-1",
    )
    article_store_extraction(claim=Claim(article.pk, ArticleState.EXTRACTING, now), extraction=extraction)
    return Event.objects.filter(citations__article=article).get()


def test_it_keeps_every_line_equal_to_the_builders_through_an_editing_session(
    client_anon: APIClient, make_event: Callable[..., Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = make_event(), make_event(), make_event(review_state="proposed")
    _assert_current(client_anon, monkeypatch)

    ingested = _ingest("Port Ostra", "Delegations of Zembla met in Port Ostra, officials said.")
    event_publish(events=[ingested])
    _assert_current(client_anon, monkeypatch)

    event_update(event=first, title="Talks resume")
    event_publish(events=[third])
    _assert_current(client_anon, monkeypatch)

    event_reject(events=[second])
    _assert_current(client_anon, monkeypatch)

    event_merge(target=first, others=[third])
    _assert_current(client_anon, monkeypatch)
    event_unmerge(event=Event.objects.get(pk=third.pk))
    _assert_current(client_anon, monkeypatch)

    place_resolve(Location(name="Port Ostra", kind="city", country="NZ", lat=-36.8, lon=174.7))  # in bulk
    assert Place.objects.get(name="Port Ostra").latitude == -36.8
    place = first.place
    place.latitude = 12.5
    place.save()
    _assert_current(client_anon, monkeypatch)

    topic = Topic.objects.create(slug="watch", name="Watch list", rule_keywords="resume")
    topic_apply_rule(topic=topic)  # memberships in bulk
    topic.name = "Watch"
    topic.save()
    _assert_current(client_anon, monkeypatch)

    actor = Actor.objects.get(name="Zembla")
    actor.name = "Zembla Republic"
    actor.save()
    source = Source.objects.filter(articles__citations__event=first).first()
    if source is not None:
        source.name = "Ostland Wire"
        source.save()
    _assert_current(client_anon, monkeypatch)

    event_publish(events=[Event.objects.get(pk=second.pk)])
    assert EventExportLine.objects.filter(event_id=second.pk).exists()
    second.delete()  # as the admin does (a merge record protects the others)
    _assert_current(client_anon, monkeypatch)
    assert not EventExportLine.objects.filter(event_id=second.pk).exists()


def test_it_serves_a_filtered_set_from_the_stored_lines(
    client_anon: APIClient, make_event: Callable[..., Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    for edtf in ("2020-01-02", "2021-03", "2022"):
        make_event(date_edtf=edtf)

    from_rows, built = _stored_and_built(client_anon, monkeypatch, "date_from=2021-01-01")

    assert from_rows == built
    assert from_rows.count(b"\n") == 2


def test_it_builds_the_lines_when_other_code_stored_them(
    client_anon: APIClient,
    make_event: Callable[..., Event],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    event = make_event()
    EventExportLine.objects.filter(event_id=event.pk).update(tail=',"title":"stale"}')
    EventExportLinesState.objects.filter(id=1).update(fingerprint="0" * 64)

    with caplog.at_level(logging.WARNING, logger="api.export_lines"):
        body = _export(client_anon)

    assert b"stale" not in body
    assert b'"title":"stale"' not in body and event.title.encode() in body
    assert "other code" in caplog.text


def test_it_builds_the_lines_when_one_is_missing(
    client_anon: APIClient, make_event: Callable[..., Event], caplog: pytest.LogCaptureFixture
) -> None:
    kept, lost = make_event(), make_event()
    EventExportLine.objects.filter(event_id=lost.pk).delete()  # as a write that bypassed the change log

    with caplog.at_level(logging.WARNING, logger="api.export_lines"):
        body = _export(client_anon)

    assert body.count(b"\n") == 2 and str(kept.pk).encode() in body
    assert "missing" in caplog.text


def test_it_builds_the_lines_for_a_reader_who_is_not_the_public(
    client_editor: APIClient, make_event: Callable[..., Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_event(review_state="proposed")
    served: list[object] = []
    stored = export_lines.export_lines_stored
    monkeypatch.setattr(
        "api.views.events.export_lines_stored", lambda *a, **k: served.append(stored(*a, **k)) or served[-1]
    )

    body = _export(client_editor)

    assert served == [None]
    assert body.count(b"\n") == 1  # the proposed event an editor reads, built per request


def test_the_rebuild_command_makes_stale_lines_current_and_its_check_says_so(
    client_anon: APIClient, make_event: Callable[..., Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    event = make_event()
    Event.objects.filter(pk=event.pk).update(title="Changed behind the log")  # no change logged
    with pytest.raises(CommandError, match="stale 1"):
        call_command("export_lines_rebuild", "--check")

    call_command("export_lines_rebuild")

    call_command("export_lines_rebuild", "--check")
    assert EventExportLinesState.objects.get().fingerprint == export_lines.export_lines_fingerprint()
    _assert_current(client_anon, monkeypatch)
    assert export_lines_rebuild() == 1


def test_it_stores_a_date_the_builder_could_not_look_up_as_the_export_writes_it(
    client_anon: APIClient, make_event: Callable[..., Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        # As when an event's date changes between the builder's read of the dates and of the events.
        patch.setattr(record_sql, "_date_key", lambda *fields: "absent")
        event = make_event(date_edtf="2024-05-20")

    assert "\x03" not in EventExportLine.objects.get(event_id=event.pk).tail
    assert '"date_display":"20 May 2024"' in EventExportLine.objects.get(event_id=event.pk).tail
    _assert_current(client_anon, monkeypatch)


def test_it_stores_the_line_separators_escaped_as_the_export_writes_them(
    client_anon: APIClient, make_event: Callable[..., Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    event = make_event(title="One\u2028two\u2029three")

    assert "One\\u2028two\\u2029three" in EventExportLine.objects.get(event_id=event.pk).tail
    _assert_current(client_anon, monkeypatch)


def test_the_rebuild_if_stale_rebuilds_only_lines_other_code_built(
    make_event: Callable[..., Event], capsys: pytest.CaptureFixture[str]
) -> None:
    make_event()
    call_command("export_lines_rebuild", "--if-stale")
    assert "nothing to rebuild" in capsys.readouterr().out

    EventExportLinesState.objects.filter(id=1).update(fingerprint="0" * 64)
    call_command("export_lines_rebuild", "--if-stale")

    assert "Built 1 export lines" in capsys.readouterr().out
    assert EventExportLinesState.objects.get().fingerprint == export_lines.export_lines_fingerprint()


@pytest.mark.django_db(transaction=True)
def test_two_writers_of_one_event_leave_its_line_with_both_writes(make_event: Callable[..., Event]) -> None:
    event = make_event()
    renamed, release = threading.Event(), threading.Event()

    def rename() -> None:
        try:
            with transaction.atomic():
                event_update(event=Event.objects.get(pk=event.pk), title="Renamed")
                renamed.set()  # its line is built and locked; held until the other writer waits for it
                release.wait(30)
        finally:
            connection.close()

    def move() -> None:
        try:
            renamed.wait(30)
            place = Place.objects.get(pk=event.place_id)
            place.latitude = 42.5
            place.save()  # its line is built again once the rename has committed
        finally:
            connection.close()

    writers = [threading.Thread(target=rename), threading.Thread(target=move)]
    for writer in writers:
        writer.start()
    for _ in range(300):  # until the second writer waits for the first's lock (a PostgreSQL lock wait)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                break
        threading.Event().wait(0.1)
    release.set()
    for writer in writers:
        writer.join(30)

    assert export_lines_differences() == {"missing": 0, "extra": 0, "stale": 0, "other_code": 0}
    tail = EventExportLine.objects.get(event_id=event.pk).tail
    assert '"title":"Renamed"' in tail and '"latitude":42.5' in tail
