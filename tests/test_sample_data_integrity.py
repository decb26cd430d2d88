"""The demo sample data is consistent: verbatim quotes, valid EDTF dates, known vocabularies, sound links."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from events.domain.edtf_dates import parse_edtf
from events.domain.vocabulary import ActorKind, ActorRole, EventStatus, EventType, PlaceKind

SAMPLE = Path(__file__).resolve().parent.parent / "events" / "sample_data"
DEMO = json.loads((SAMPLE / "demo.json").read_text(encoding="utf-8"))
ARTICLES = {article["file"]: article for article in DEMO["articles"]}
TOPICS = {topic["slug"] for topic in DEMO["topics"]}
SOURCE_KINDS = {"wire", "newspaper", "government", "think_tank"}
RELATION_KINDS = {"rescheduled_to", "postponed_as", "part_of", "follows"}


def _text(name: str) -> str:
    return (SAMPLE / "articles" / name).read_text(encoding="utf-8")


def test_sources_topics_and_articles():
    domains = {source["domain"] for source in DEMO["sources"]}
    assert len(domains) == len(DEMO["sources"])
    assert all(source["kind"] in SOURCE_KINDS for source in DEMO["sources"])
    assert len(TOPICS) >= 2
    assert all(topic["name"] and topic["description"] and topic["keywords"] for topic in DEMO["topics"])
    urls = [article["url"] for article in DEMO["articles"]]
    assert len(set(urls)) == len(urls)
    for article in DEMO["articles"]:
        assert article["url"].startswith("https://example.org/")
        assert article["source"] in domains
        date.fromisoformat(article["published"])
        assert 200 <= len(_text(article["file"]).split()) <= 400
        assert article["title"] and article["byline"]


def test_event_counts_and_coverage():
    events = DEMO["events"]
    assert len(events) >= 18
    assert {topic for event in events for topic in event["topics"]} == TOPICS
    scheduled = [e for e in events if e["status"] == EventStatus.SCHEDULED]
    assert len(scheduled) >= 3
    assert any(parse_edtf(e["date"]).lower > date(2026, 11, 28) for e in scheduled)
    assert any(len({c["article"] for c in e["citations"]}) >= 2 for e in events)
    precisions = {parse_edtf(e["date"]).precision for e in events}
    assert {"day", "month", "year"} <= {str(p) for p in precisions}
    assert any(parse_edtf(e["date"]).is_interval for e in events)
    assert any(parse_edtf(e["date"]).approximate for e in events)


@pytest.mark.parametrize("index", range(len(DEMO["events"])))
def test_event(index):
    event = DEMO["events"][index]
    assert event["title"] and event["summary"]
    assert event["type"] in set(EventType)
    assert event["status"] in set(EventStatus)
    parse_edtf(event["date"])
    if event["place"] is not None:
        place = event["place"]
        assert place["kind"] in set(PlaceKind)
        assert len(place["country_code"]) == 2 and place["country_code"].isupper()
        assert -90 <= place["latitude"] <= 90 and -180 <= place["longitude"] <= 180
    assert event["actors"]
    for actor in event["actors"]:
        assert actor["kind"] in set(ActorKind) and actor["role"] in set(ActorRole)
    assert event["topics"] and set(event["topics"]) <= TOPICS
    assert event["citations"]
    for citation in event["citations"]:
        assert citation["article"] in ARTICLES
        text = _text(citation["article"])
        assert citation["quote"] in text
        assert citation["time_text"] in citation["quote"]


def test_relations():
    count = len(DEMO["events"])
    for relation in DEMO["relations"]:
        assert relation["kind"] in RELATION_KINDS
        assert 0 <= relation["from"] < count and 0 <= relation["to"] < count
        assert relation["from"] != relation["to"]
    rescheduled = [r for r in DEMO["relations"] if r["kind"] == "rescheduled_to"]
    assert rescheduled
    assert all(DEMO["events"][r["from"]]["status"] == EventStatus.POSTPONED for r in rescheduled)
