"""The one "human date": an EDTF value as a reader writes it ("18 Jun 2023", "May 2024", "c. 2012")."""

from __future__ import annotations

from functools import lru_cache

from events.domain.edtf_dates import format_edtf


@lru_cache(maxsize=16384)
def human_date(edtf: str, week: bool = False) -> str:
    """The date as a reader writes it; the stored value itself when it cannot be read.

    Memoised: a million events share a few thousand distinct dates, and pages, the API and every
    download ask for the same ones.
    """
    try:
        return format_edtf(edtf, week=week)
    except (ValueError, IndexError):
        return edtf
