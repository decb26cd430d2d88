"""One spaCy pass per article, in paragraph-aligned pieces joined back into a single Doc.

spaCy refuses texts above ``nlp.max_length`` and parses one huge Doc slowly, and the small English model
does not treat a paragraph break as a sentence boundary. Parsing paragraph-aligned pieces with
``nlp.pipe`` and joining them with ``Doc.from_docs`` fixes all three while keeping every character offset
of the clean text: the joined Doc's text is the clean text, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_PARAGRAPH_END = re.compile(r"\n+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# ``nlp.pipe``'s batch size counts Docs, and the engine parses an article as paragraph pieces (about fifteen in
# a news story): a batch of ``batch_size`` pieces holds a fraction of the text that spaCy batches when it is fed
# whole articles, and spaCy's cost per batch (each component's model call) weighs more (a tenth of its parse).
# So one batch holds the pieces of about ``batch_size`` articles, but no more than this many pieces (a bound on
# the memory of a batch when one long text has hundreds of pieces). The Docs are the same either way.
MAX_PIECE_BATCH = 256


@lru_cache(maxsize=4)
def _fallback_pipeline(model_name: str) -> Language:
    import spacy

    return spacy.load(model_name)


def pipeline_for(model_name: str) -> Language:
    """The shared cached pipeline (``events.extraction.nlp``), or a local cached load if it is missing."""
    try:
        from events.extraction.nlp import load_pipeline
    except ImportError:
        return _fallback_pipeline(model_name)
    return load_pipeline(model_name)


def split_pieces(text: str, max_chars: int) -> list[str]:
    """Consecutive pieces that concatenate back to ``text``; each ends at a paragraph break where possible."""
    pieces: list[str] = []
    start = 0
    for match in _PARAGRAPH_END.finditer(text):
        end = match.end()
        pieces.append(text[start:end])
        start = end
    if start < len(text):
        pieces.append(text[start:])
    bounded: list[str] = []
    for piece in pieces:
        while len(piece) > max_chars:
            cut = max_chars
            # Prefer the last sentence end inside the window, then the last space, then a hard cut.
            window = piece[:max_chars]
            ends = [m.end() for m in _SENTENCE_END.finditer(window)]
            if ends and ends[-1] > max_chars // 4:
                cut = ends[-1]
            elif " " in window[max_chars // 4 :]:
                cut = window.rindex(" ") + 1
            bounded.append(piece[:cut])
            piece = piece[cut:]
        if piece:
            bounded.append(piece)
    return bounded


def piece_batch_size(batch_size: int, pieces: int, texts: int) -> int:
    """How many pieces ``nlp.pipe`` parses at once: those of about ``batch_size`` texts, within the bound."""
    per_text = max(1, round(pieces / texts)) if texts else 1
    return max(batch_size, min(batch_size * per_text, MAX_PIECE_BATCH))


def _join(nlp: Language, texts: list[str], docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    from events.extraction.doc_views import doc_text

    if not docs:
        return nlp.make_doc("")
    # The engine never reads the tensor (tok2vec's output, 96 floats a token): leaving it out saves a copy.
    # (spaCy's stub file lacks the keyword its Cython code has had since 3.0.)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    # The text is kept on the Doc (``doc_views``): the engine reads it again and ``Doc.text`` rebuilds it per call.
    if doc_text(joined) != "".join(texts):  # pragma: no cover - a spaCy change; fail loudly rather than shift offsets
        raise RuntimeError("joined Doc does not reproduce the clean text")
    # Each piece's first token stays a sentence start in the joined Doc: paragraph breaks end sentences.
    return joined


def parse_texts(
    nlp: Language,
    texts: Iterable[str],
    *,
    max_chars: int,
    batch_size: int,
    processes: int = 1,
    parallel_min_chars: int = 0,
) -> Iterator[Doc]:
    """Parse many articles in one ``nlp.pipe`` stream; yields one joined Doc per article, in order.

    With ``processes`` > 1 and at least ``parallel_min_chars`` characters in all, the pieces are parsed by
    this process and forked helpers (``parallel_parse``); the Docs are the same either way.
    """
    from events.extraction.parallel_parse import can_fork, parse_in_processes

    queue: list[list[str]] = []
    flat: list[str] = []
    for text in texts:
        pieces = split_pieces(text, max_chars)
        queue.append(pieces)
        flat.extend(pieces)
    parsed: Iterator[Doc]
    batch_size = piece_batch_size(batch_size, len(flat), len(queue))
    if processes > 1 and sum(map(len, flat)) >= parallel_min_chars and can_fork():
        parsed = iter(parse_in_processes(nlp, flat, processes=processes, batch_size=batch_size))
    else:
        parsed = iter(nlp.pipe(flat, batch_size=batch_size))
    for pieces in queue:
        docs = [next(parsed) for _ in pieces]
        yield _join(nlp, pieces, docs)
