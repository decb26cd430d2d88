"""The ``--published YYYY-MM-DD`` option the engine and ingestion commands share."""

from __future__ import annotations

from datetime import date

from django.core.management.base import CommandError


def published_option(value: str | None, *, returncode: int = 1) -> date | None:
    """The date given with ``--published``, None when it was not given; a bad value stops the command."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}", returncode=returncode) from None
