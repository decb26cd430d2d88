"""spaCy parses the paragraph pieces of about ``batch_size`` articles in one batch, with the same Docs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from events.extraction.analysis import MAX_PIECE_BATCH, parse_texts, piece_batch_size, pipeline_for
from events.extraction.config import ExtractionConfig

CONFIG = ExtractionConfig()
PARAGRAPHS = [
    "The trade minister flew to the capital on Monday for two days of talks.",
    "Officials said the delegations would meet again next month.",
    "A spokesman declined to say whether a deal was close.",
    "The opposition called the visit a distraction from the budget dispute.",
]


def _articles(count: int) -> list[str]:
    return ["\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS) :] + PARAGRAPHS[: i % len(PARAGRAPHS)]) for i in range(count)]


@pytest.mark.parametrize(
    ("batch_size", "pieces", "texts", "expected"),
    [
        pytest.param(8, 45, 3, 120, id="the pieces of batch_size articles"),
        pytest.param(32, 30, 30, 32, id="one piece an article"),
        pytest.param(32, 450, 30, MAX_PIECE_BATCH, id="bounded"),
        pytest.param(300, 10, 10, 300, id="never below batch_size"),
        pytest.param(32, 0, 0, 32, id="nothing to parse"),
    ],
)
def test_a_batch_holds_the_pieces_of_about_batch_size_articles(
    batch_size: int, pieces: int, texts: int, expected: int
) -> None:
    assert piece_batch_size(batch_size, pieces, texts) == expected


def _rows(doc: Any) -> list[tuple[object, ...]]:
    return [(t.idx, t.tag_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_it_parses_pieces_in_larger_batches_with_the_same_docs() -> None:
    nlp = pipeline_for(CONFIG.spacy_model)
    texts = _articles(6)
    article_by_article = [_rows(doc) for doc in parse_texts(nlp, texts, max_chars=CONFIG.chunk_chars, batch_size=1)]
    asked: list[int] = []

    class Recording:
        """The pipeline, noting the batch size it is asked for."""

        def pipe(self, pieces: Iterable[str], *, batch_size: int) -> Iterator[Any]:
            asked.append(batch_size)
            return nlp.pipe(pieces, batch_size=batch_size)

        def make_doc(self, text: str) -> Any:
            return nlp.make_doc(text)

    batched = list(parse_texts(Recording(), texts, max_chars=CONFIG.chunk_chars, batch_size=2))  # type: ignore[arg-type]
    assert asked == [2 * len(PARAGRAPHS)]  # the pieces of two articles, not two pieces
    assert [_rows(doc) for doc in batched] == article_by_article
    assert [doc.text for doc in batched] == texts
