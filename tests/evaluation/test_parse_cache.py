"""Parses kept between evaluation runs give the engine exactly what a fresh parse gives it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from events.evaluation.parse_cache import ParseCache
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract, extract_parsed

TEXTS = [
    "The foreign ministers met in Oslo on Tuesday and agreed to resume talks next month.\n\nThey spoke again.",
    "A planned visit to the capital in May was called off on Friday, officials said.",
]


def test_a_cached_parse_yields_the_same_events_as_a_fresh_one(tmp_path: Path) -> None:
    config = ExtractionConfig()
    first = ParseCache(config, tmp_path)
    first.docs(TEXTS)
    again = ParseCache(config, tmp_path)
    docs = again.docs(TEXTS)
    assert (first.parsed, again.parsed, again.read) == (2, 0, 2)
    published = date(2024, 3, 15)
    for text, doc in zip(TEXTS, docs, strict=True):
        assert doc.text == text
        assert extract_parsed(doc, published, config).to_dict() == extract(text, published, config).to_dict()


def test_a_torn_cache_file_is_parsed_again(tmp_path: Path) -> None:
    config = ExtractionConfig()
    ParseCache(config, tmp_path).docs(TEXTS[:1])
    for path in tmp_path.rglob("*.spacy"):
        path.write_bytes(b"not a docbin")
    cache = ParseCache(config, tmp_path)
    (doc,) = cache.docs(TEXTS[:1])
    assert cache.parsed == 1 and doc.text == TEXTS[0]
