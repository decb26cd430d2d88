"""The ingestion pipeline's configuration, built from the settings (the engine and fetcher read none).

The extraction engine and the fetcher take frozen dataclasses; this module is the one place that turns
Django settings into them, for the worker, the feed poller and the management commands alike.
"""

from __future__ import annotations

from django.conf import settings

from events.extraction.config import ExtractionConfig
from events.ingestion.fetch import FetchPolicy


def fetch_policy() -> FetchPolicy:
    """The fetcher's policy from the settings: public hosts on ports 80 and 443 only."""
    return FetchPolicy(deadline_seconds=float(settings.INGEST_FETCH_DEADLINE_SECONDS))


def extraction_config() -> ExtractionConfig:
    """The extraction engine's configuration from the settings (the engine itself reads none)."""
    return ExtractionConfig(
        spacy_model=settings.SPACY_MODEL,
        processes=settings.EXTRACTION_PROCESSES,
        parallel_min_chars=settings.EXTRACTION_PARALLEL_MIN_CHARS,
    )
