"""The change feed: a mirror that replays it stays exactly equal to what the API serves."""

from __future__ import annotations

import json

import pytest

from events.services import event_merge, event_reject, event_unmerge

pytestmark = pytest.mark.django_db


def _feed(client, after: int = 0) -> list[dict]:
    entries: list[dict] = []
    url = f"/api/v1/changes/?after={after}&page_size=3"
    while url:
        body = client.get(url).json()
        entries += body["results"]
        url = body["next"]
    return entries


def _export(client) -> tuple[dict[int, dict], int]:
    response = client.get("/api/v1/events/export/")
    events = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    return {e["id"]: e for e in events}, int(response["X-Changes-Seq"])


def _replay(mirror: dict[int, dict], entries: list[dict]) -> int:
    last = 0
    for entry in entries:
        if entry["action"] == "upsert":
            mirror[entry["event_id"]] = entry["event"]
        else:
            mirror.pop(entry["event_id"], None)
        last = entry["seq"]
    return last


def test_it_reports_a_merge_with_the_surviving_id(client_anon, make_event):
    target, other = make_event(), make_event()
    _, head = _export(client_anon)

    event_merge(target=target, others=[other])

    entries = {e["event_id"]: e for e in _feed(client_anon, head)}
    assert entries[other.pk]["action"] == "remove"
    assert (entries[other.pk]["reason"], entries[other.pk]["merged_into"]) == ("merged", target.pk)
    assert entries[target.pk]["action"] == "upsert"


def test_it_reports_unpublished_and_deleted_events(client_anon, make_event):
    rejected, deleted = make_event(), make_event()
    _, head = _export(client_anon)
    deleted_id = deleted.pk

    event_reject(events=[rejected])
    deleted.delete()

    reasons = {e["event_id"]: e["reason"] for e in _feed(client_anon, head)}
    assert reasons == {rejected.pk: "not_published", deleted_id: "deleted"}


def test_it_keeps_a_mirror_exactly_equal_through_edits_merges_unmerges_and_deletions(client_anon, make_event):
    events = [make_event() for _ in range(6)]
    mirror, head = _export(client_anon)

    events[0].title = "Renamed"
    events[0].save()
    event_merge(target=events[1], others=[events[2]])
    event_reject(events=[events[3]])
    events[4].delete()
    added = make_event()
    event_merge(target=added, others=[events[5]])
    event_unmerge(event=events[5])
    place = events[1].place
    place.name = "Renamed city"
    place.save()

    _replay(mirror, _feed(client_anon, head))

    source, _ = _export(client_anon)
    assert mirror == source


def test_it_refuses_a_negative_or_non_numeric_after(client_anon):
    assert client_anon.get("/api/v1/changes/?after=-1").status_code == 400
    assert client_anon.get("/api/v1/changes/?after=x").json()["error"]["fields"]["after"]
