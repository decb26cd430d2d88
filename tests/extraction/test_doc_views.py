"""The per-Doc views give what spaCy gives: the Doc's text, its sentences, each token's sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from events.extraction.analysis import parse_texts, pipeline_for
from events.extraction.config import ExtractionConfig
from events.extraction.doc_views import doc_text, sentence_of, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

CONFIG = ExtractionConfig()
TEXT = (
    "LISBON (Wire) -- The two delegations met on Tuesday.  They agreed to meet again in March.\n\n"
    "A second round is planned. Officials did not say where it would take place.\n"
)


def _doc() -> Doc:
    [doc] = parse_texts(pipeline_for(CONFIG.spacy_model), [TEXT], max_chars=CONFIG.chunk_chars, batch_size=4)
    return doc


def test_it_gives_spacys_text_and_sentences() -> None:
    doc = _doc()
    assert doc_text(doc) == doc.text == TEXT
    spans = sentences(doc)
    assert len(spans) >= 4
    assert [(s.start, s.end) for s in spans] == [(s.start, s.end) for s in doc.sents]


def test_it_gives_every_token_the_sentence_spacy_gives() -> None:
    doc = _doc()
    for token in doc:
        found, expected = sentence_of(token), token.sent
        assert (found.start, found.end) == (expected.start, expected.end)
        assert found.text == expected.text


def test_it_builds_each_view_once_per_doc() -> None:
    doc = _doc()
    first = doc[0]
    assert sentences(doc) is sentences(doc)
    assert sentence_of(first) is sentence_of(first)
    assert doc_text(doc) is doc_text(doc)
