"""Tense-aware time expressions: find them in a parsed article and normalise them against its
publication date, to TimeML TIMEX3 values and to the EDTF we store.

Modules: ``lexicon`` (words), ``patterns`` (surface grammar), ``spec`` (parsed form), ``tense`` (the
governing clause's tense and modality), ``resolver`` (calendar arithmetic), ``finder`` (the pass over a
document). Pure Python and spaCy; no Django.
"""

from __future__ import annotations

from events.extraction.timex.expression import TimeExpression
from events.extraction.timex.finder import find_time_expressions, resolve_time_expression

__all__ = ["TimeExpression", "find_time_expressions", "resolve_time_expression"]
