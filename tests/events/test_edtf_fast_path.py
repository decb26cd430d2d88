"""The plain-value fast path of parse_edtf gives exactly what the edtf library gives."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.domain import edtf_dates
from events.domain.edtf_dates import InvalidEdtf, parse_edtf


def _by_library(value: str) -> edtf_dates.EdtfDate:
    """parse_edtf with the fast path switched off (and no cache)."""
    lower, upper = edtf_dates._library_bounds(value)
    fast = edtf_dates._parse.__wrapped__
    original = edtf_dates._plain_bounds
    edtf_dates._plain_bounds = lambda _value: None  # type: ignore[assignment]
    try:
        parsed = fast(value)
    finally:
        edtf_dates._plain_bounds = original
    assert (parsed.lower, parsed.upper) == (lower, upper)
    return parsed


days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
plain = st.one_of(
    days.map(lambda d: d.isoformat()),
    days.map(lambda d: d.isoformat()[:7]),
    days.map(lambda d: d.isoformat()[:4]),
)


@settings(max_examples=300, deadline=None)
@given(plain)
def test_a_plain_value_matches_the_library(value: str) -> None:
    assert parse_edtf(value) == _by_library(value)


@settings(max_examples=200, deadline=None)
@given(plain, plain)
def test_a_plain_interval_matches_the_library_or_is_refused_alike(start: str, end: str) -> None:
    value = f"{start}/{end}"
    try:
        expected = _by_library(value)
    except InvalidEdtf:
        with pytest.raises(InvalidEdtf):
            parse_edtf(value)
        return
    assert parse_edtf(value) == expected


@pytest.mark.parametrize("value", ["2023-02-29", "2024-13", "2024-00", "2024-04-31", "0000", "٢٠٢٤"])
def test_a_plain_looking_value_that_is_not_a_date_is_refused(value: str) -> None:
    with pytest.raises(InvalidEdtf):
        parse_edtf(value)


def test_the_fast_path_skips_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    edtf_dates._parse.cache_clear()
    calls: list[str] = []
    library, parse_error = edtf_dates._library()
    monkeypatch.setattr(edtf_dates, "_library", lambda: (lambda v: calls.append(v) or library(v), parse_error))
    parse_edtf("2023-06-18")
    parse_edtf("2023-05/2023-06")
    parse_edtf("2012~")
    assert calls == ["2012~"]
