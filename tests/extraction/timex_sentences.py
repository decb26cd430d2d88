"""What the time-expression tests on sentences of our own share: one publication day and the values the
finder gives each expression of a sentence."""

from __future__ import annotations

from datetime import date
from typing import Any

from events.extraction.timex import find_time_expressions

TUESDAY = date(2025, 4, 8)


def found(nlp: Any, sentence: str, published: date = TUESDAY) -> dict[str, str]:
    """Each time expression's text in ``sentence`` -> its TimeML value, published on ``published``."""
    return {e.text: e.value for e in find_time_expressions(nlp(sentence), published)}
