"""The development gold set is well formed: quotes are verbatim, dates are EDTF, statuses are known."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from events.domain.edtf_dates import parse_edtf

DEVGOLD = Path(__file__).resolve().parent / "devgold"
STATUSES = {"occurred", "ongoing", "scheduled", "postponed", "cancelled"}
KEYS = {"quote", "date", "status", "location", "type", "optional", "week"}


def _gold() -> dict:
    return json.loads((DEVGOLD / "gold.json").read_text(encoding="utf-8"))


GOLD = _gold()
CASES = [(name, index, event) for name, entry in GOLD.items() for index, event in enumerate(entry["events"])]


def test_size():
    assert len(GOLD) >= 15
    assert len(CASES) >= 80


@pytest.mark.parametrize("name", sorted(GOLD))
def test_article_and_publication_date(name):
    entry = GOLD[name]
    text = (DEVGOLD / "articles" / name).read_text(encoding="utf-8")
    published = date.fromisoformat(entry["published"])
    assert 100 <= len(text.split()) <= 450
    if name.endswith("-scraped.txt"):
        assert f"Date:{published.isoformat()}" in text
    else:
        assert published.isoformat() not in text, "clean articles must not state their publication date"


@pytest.mark.parametrize(("name", "index", "event"), CASES, ids=[f"{n}#{i}" for n, i, _ in CASES])
def test_event(name, index, event):
    text = (DEVGOLD / "articles" / name).read_text(encoding="utf-8")
    assert set(event) <= KEYS
    assert text.count(event["quote"]) >= 1, f"quote not in {name}: {event['quote']!r}"
    line = next(line for line in text.splitlines() if event["quote"] in line)
    assert not re.match(r"^\s*-\s", line), "gold events never come from link lists"
    parsed = parse_edtf(event["date"])
    assert event["status"] in STATUSES
    published = date.fromisoformat(GOLD[name]["published"])
    if event["status"] == "occurred":
        assert parsed.lower <= published
    if event["status"] == "scheduled":
        assert parsed.upper >= published
    if event.get("week"):
        assert parsed.is_interval
    if "location" in event:
        assert event["location"] and all(isinstance(place, str) and place for place in event["location"])
    assert isinstance(event["type"], str) and event["type"]
