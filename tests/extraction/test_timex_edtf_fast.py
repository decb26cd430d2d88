"""The resolver's direct bounds for plain EDTF values agree with the ``edtf`` library's parse."""

from __future__ import annotations

import random
from datetime import date

from events.domain.edtf_dates import InvalidEdtf, parse_edtf
from events.extraction.timex.finder import _plain_bounds, edtf_bounds


def _library(value: str) -> tuple[date, date, object] | None:
    try:
        parsed = parse_edtf(value)
    except InvalidEdtf:
        return None
    return parsed.lower, parsed.upper, parsed.precision


def _values() -> list[str]:
    rng = random.Random(7)
    parts: list[str] = []
    for _ in range(30):
        year = rng.randint(1, 2200)
        parts.append(f"{year:04d}")
        parts.append(f"{year:04d}-{rng.randint(0, 13):02d}")
        parts.append(f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(0, 32):02d}")
    fixed = [
        "2024-02-29", "2023-02-29", "2024-02-30", "1900-02-29", "2000-02-29", "2024-12-31", "2024-00", "2024-13",
        "0000", "0001", "0999-06", "9999-12-31", "2024-06-10/2024-06-16", "2024-06/2024-07-03",
        "2024-07-03/2024-06", "2012/..", "../2012", "2024-06-12/..", "../2024-05", "../..", "2024-06-16/2024-06-10",
        "2023/2025", "2024-21", "2024-24", "201X", "2024-06-12T09", "2024-06~", "2012/", "/2012",
    ]  # fmt: skip
    intervals = [f"{rng.choice(parts)}/{rng.choice(parts)}" for _ in range(20)]
    return fixed + parts[::3] + intervals


def test_plain_values_agree_with_the_library() -> None:
    for value in _values():
        fast = _plain_bounds(value)
        if fast is not None:
            assert fast == _library(value), value
        assert edtf_bounds(value) == _library(value), value


def test_the_fast_path_covers_what_the_resolver_emits() -> None:
    for value in ["2024-06-12", "2024-06", "2024", "2024-06-10/2024-06-16", "2012/..", "../2024-05"]:
        assert _plain_bounds(value) is not None, value
