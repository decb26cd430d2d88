"""Checks that client-given positions and times fit what the database can compare them with.

A date-time whose UTC value falls outside the years 1..9999 (``0001-01-01T00:00:00+14:00``) cannot be
converted for the query and raised an OverflowError (a 500); an integer past 64 bits overflowed
SQLite's integers. The API's filters, the change feed and the cursor pagination use these to answer
400 instead.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.utils import timezone

BIGINT_MIN = -(2**63)
BIGINT_MAX = 2**63 - 1


def utc_datetime(value: datetime) -> datetime:
    """``value`` in UTC (a naive one is taken in the current time zone); ValueError if out of range."""
    try:
        aware = value if timezone.is_aware(value) else timezone.make_aware(value)
        return aware.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("This date-time is outside the years 1 to 9999 in UTC.") from None


def fits_bigint(number: int) -> bool:
    """Whether ``number`` fits a 64-bit signed integer column."""
    return BIGINT_MIN <= number <= BIGINT_MAX
