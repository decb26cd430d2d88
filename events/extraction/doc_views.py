"""Views of a parsed Doc that spaCy recomputes on every call, computed once per Doc (kept in ``user_data``).

``Doc.text`` joins every token's text on each call, and ``Token.sent`` slices the Doc twice and walks the
sentence's tokens both ways on each call; the engine asks for both thousands of times an article. The
values are the ones spaCy gives: the same text, and the sentence spans ``Doc.sents`` yields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text: str | None = doc.user_data.get("doc_text")
    if text is None:
        text = doc.text
        doc.user_data["doc_text"] = text
    return text


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once (spaCy's error E030 if the Doc has no sentence boundaries)."""
    found: list[Span] | None = doc.user_data.get("sentences")
    if found is None:
        found = list(doc.sents)
        doc.user_data["sentences"] = found
    return found


def sentence_of(token: Token) -> Span:
    """``token.sent``: the sentence span holding the token, looked up in a table built once per Doc."""
    doc = token.doc
    by_token: list[Span] | None = doc.user_data.get("sentence_of")
    if by_token is None:
        by_token = []
        for sentence in sentences(doc):
            by_token.extend([sentence] * len(sentence))
        doc.user_data["sentence_of"] = by_token
    return by_token[token.i]


# What ends a sentence: a first line that ends with one is a paragraph, not a headline.
SENTENCE_STOPS = (".", "!", "?", '"', "'", "”", "’", ":")


def headline_chars(doc: Doc) -> int:
    """The length in characters of the text's headline: its first line, when a line break follows it and it
    has no closing stop ("Ostland expels two Zembla diplomats"); 0 when the text has none."""
    length: int | None = doc.user_data.get("headline_chars")
    if length is None:
        text = doc_text(doc)
        end = text.find("\n")
        line = text[:end].rstrip() if end >= 0 else ""
        length = len(line) if line and not line.endswith(SENTENCE_STOPS) else 0
        doc.user_data["headline_chars"] = length
    return length


__all__ = ["doc_text", "headline_chars", "sentence_of", "sentences"]
