"""Replaying the public change feed from any point of a varied history ends equal to the export.

Each step below is one or more committed writes (the test runs with real transactions). After every
step the test keeps the full export and its ``X-Changes-Seq`` head. Then a copy started from each of
those exports, replaying the feed a page of one, two or three entries at a time, must end equal to the
final export; every entry the feed gives must be what the API showed when it was written; the public
never hears of an event it never saw; and no entry repeats the one before it for the same event.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from events.models import Event, EventRelation, RelationKind, Topic
from events.services import event_merge, event_publish, event_reject, event_unmerge, event_update, topic_apply_rule
from events.services.events import event_relate

pytestmark = pytest.mark.django_db(transaction=True)


def _export(client: APIClient) -> tuple[int, dict[int, dict[str, Any]]]:
    response = client.get("/api/v1/events/export/")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    events = [json.loads(line) for line in body.decode().splitlines() if line]
    return int(response["X-Changes-Seq"]), {event["id"]: event for event in events}


def _feed(client: APIClient, after: int, page_size: int) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    url: str | None = f"/api/v1/changes/?after={after}&page_size={page_size}"
    while url:
        body = client.get(url).json()
        entries += body["results"]
        url = body["next"]
    return entries


def _replay(copy: dict[int, dict[str, Any]], entries: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    copy = dict(copy)
    for entry in entries:
        if entry["action"] == "upsert":
            copy[entry["event_id"]] = entry["event"]
        else:
            copy.pop(entry["event_id"], None)
    return copy


def _history(make_event: Callable[..., Event]) -> list[Callable[[], object]]:
    """The steps of an editing session, each a callable run after the one before."""
    made: dict[str, Event] = {}

    def fresh(name: str) -> Event:
        made[name].refresh_from_db()
        return made[name]

    def start() -> None:
        made["a"], made["b"], made["c"] = make_event(), make_event(review_state="proposed"), make_event()
        made["draft"] = make_event(review_state="proposed")

    def relate() -> None:
        event_relate(from_event=fresh("a"), to_event=fresh("c"), kind=RelationKind.FOLLOWS)

    def place_moves() -> None:
        place = fresh("a").place
        place.latitude, place.longitude = 12.5, 41.9
        place.save()

    def topic_rule() -> None:
        topic = Topic.objects.create(slug="watch", name="Watch", rule_keywords="renamed", is_published=True)
        topic_apply_rule(topic=topic)

    def topic_hidden() -> None:
        topic = Topic.objects.get(slug="watch")
        topic.is_published = False
        topic.save()

    return [
        start,
        lambda: event_update(event=fresh("a"), title="The talks, renamed"),
        lambda: event_update(event=fresh("draft"), title="A draft no one sees"),
        lambda: event_publish(events=[fresh("b")]),
        relate,
        lambda: event_reject(events=[fresh("c")]),  # a's relation to c leaves the public view
        lambda: event_publish(events=[fresh("c")]),
        lambda: event_merge(target=fresh("a"), others=[fresh("c")]),
        place_moves,
        lambda: event_unmerge(event=fresh("c")),
        topic_rule,
        topic_hidden,
        lambda: event_update(event=fresh("b"), summary="Rewritten"),
        lambda: event_reject(events=[fresh("b")]),
        lambda: fresh("draft").delete(),
        lambda: EventRelation.objects.filter(from_event=fresh("a")).delete(),
        lambda: fresh("b").delete(),
    ]


def test_it_replays_from_every_point_to_the_final_export(make_event):
    client = APIClient()
    points = [_export(client)]
    for step in _history(make_event):
        step()
        points.append(_export(client))
    _, final = points[-1]

    for head, copy in points:
        for page_size in (1, 2, 3):
            replayed = _replay(copy, _feed(client, head, page_size))
            assert replayed == final, f"replay from seq {head}, {page_size} per page"

    entries = _feed(client, 0, 1000)
    # Each entry is what the API showed then: an event's last entry of a step is its state after it.
    for (before, _), (head, shown) in itertools.pairwise(points):
        last = {e["event_id"]: e for e in entries if before < e["seq"] <= head}
        for event_id, entry in last.items():
            assert (entry["event"] if entry["action"] == "upsert" else None) == shown.get(event_id)
    ever_public = {event_id for _, shown in points for event_id in shown}
    assert {e["event_id"] for e in entries if e["action"] == "remove"} <= ever_public
    previous: dict[int, dict[str, Any]] = {}
    for entry in entries:
        said = {key: entry[key] for key in ("action", "reason", "merged_into", "event")}
        assert previous.get(entry["event_id"]) != said, f"entry {entry['seq']} repeats the one before"
        previous[entry["event_id"]] = said
