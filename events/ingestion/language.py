"""Which language an article is written in, with py3langid (langid.py's model, offline, pinned).

The extraction engine reads English only (its spaCy model, triggers and time expressions are
English). An article in another language is recognised as such and recorded, instead of failing with
"no article text found" or ending "done, 0 events" (the cleaner and the engine find nothing they know).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SUPPORTED_LANGUAGES = frozenset({"en"})
# Enough text to tell a language with confidence; classifying a 3 MB paste whole costs seconds.
_SAMPLE_CHARS = 20_000
_TAG = re.compile(r"<[^>]+>")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Normalised probabilities (0..1) instead of the default log scores, so a caller can judge them.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def text_language(text: str, *, is_html: bool = False) -> tuple[str, float]:
    """(ISO 639-1 code, probability 0..1) of ``text``'s language; ("", 0.0) when there is no text."""
    sample = text[:_SAMPLE_CHARS]
    if is_html:
        sample = _TAG.sub(" ", sample)
    if not sample.strip():
        return "", 0.0
    code, probability = _identifier().classify(sample)
    return str(code), float(probability)


# Below this probability a "not English" verdict is not trusted: on one short English sentence the
# model guesses wildly ("The ministers met in Vienna on Monday." -> Dutch, 0.16), while a real French
# or Chinese text scores above 0.8 (0.99+ for a paragraph).
REFUSE_ABOVE = 0.8


def language_supported(code: str, probability: float = 1.0) -> bool:
    """Whether the engine should read a text detected as ``code`` with ``probability``.

    Unknown ("") and uncertain verdicts count as supported: the engine is tried rather than the article
    refused on weak evidence.
    """
    return code == "" or code in SUPPORTED_LANGUAGES or probability < REFUSE_ABOVE
