"""EDTF (Extended Date/Time Format, ISO 8601-2) values: validation, bounds, precision and display.

We store what the text supports and no more: ``2024-05`` is a month, not the first of May. The ``edtf``
package validates and computes the strict bounds; precision and the human form ("May 2024", "c. 2012",
"18–19 Mar 2021") are derived here from the shape of the value.
"""

from __future__ import annotations

import functools
import math
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from events.domain.edtf_bounds import bounds as plain_bounds
from events.domain.vocabulary import Precision

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
OPEN_END = date.max
OPEN_START = date.min

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_SEASON = re.compile(r"^\d{4}-(2[1-9]|3\d|4[01])$")
_YEAR = re.compile(r"^\d{4}$")
_DECADE = re.compile(r"^\d{3}X$")
_CENTURY = re.compile(r"^\d{2}XX$")
_QUALIFIERS = "?~%"


class InvalidEdtf(ValueError):
    """An EDTF value that cannot be stored; the message says what is wrong."""


@dataclass(frozen=True)
class EdtfDate:
    """A validated EDTF value with the bounds used for sorting and filtering."""

    value: str
    lower: date
    upper: date
    precision: Precision
    approximate: bool
    uncertain: bool

    @property
    def is_interval(self) -> bool:
        return "/" in self.value

    def human(self, *, week: bool = False) -> str:
        return format_edtf(self.value, week=week)


def _to_date(struct: time.struct_time | float, value: str) -> date:
    if isinstance(struct, float):
        if math.isinf(struct):
            return OPEN_END if struct > 0 else OPEN_START
        raise InvalidEdtf(f"{value!r}: cannot compute a bound")
    if struct.tm_year < 1:
        raise InvalidEdtf(f"{value!r}: years before 1 CE are not supported")
    return date(struct.tm_year, struct.tm_mon, struct.tm_mday)


def _bare(part: str) -> str:
    return part.strip().rstrip(_QUALIFIERS).lstrip(_QUALIFIERS)


def _precision_of_part(part: str) -> Precision:
    bare = _bare(part)
    if bare in {"", ".."}:
        return Precision.YEAR
    if "T" in bare or _DAY.match(bare):
        return Precision.DAY
    if _SEASON.match(bare):
        return Precision.SEASON
    if _MONTH.match(bare) or re.match(r"^\d{4}-\d{2}-XX$", bare):
        return Precision.MONTH
    if _DECADE.match(bare):
        return Precision.DECADE
    if _CENTURY.match(bare):
        return Precision.CENTURY
    return Precision.YEAR


def parse_edtf(value: str) -> EdtfDate:
    """Validate an EDTF string and return it with its bounds and precision.

    Raises :class:`InvalidEdtf` with a message that names the problem.
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidEdtf("an EDTF date is required, e.g. 2024-05-18, 2024-05, 2012~ or 2025-04-06/2025-04-07")
    return _parse(value.strip())


@functools.lru_cache(maxsize=4096)
def _parse(value: str) -> EdtfDate:
    """Parse a stripped value; cached, since the same few thousand dates are saved again and again.

    The plain values the extraction engine writes (a year, month or day, or an interval of them) take
    the engine's own bounds (``events.domain.edtf_bounds``, a regex and ``datetime.date``); every
    other form, and any plain value those bounds refuse, goes through the ``edtf`` library, whose
    grammar costs milliseconds a call.
    """
    fast = _plain_bounds(value)
    if fast is not None:
        lower, upper = fast
    else:
        lower, upper = _library_bounds(value)
    if upper < lower:
        raise InvalidEdtf(f"{value!r}: the end comes before the start")
    parts = value.split("/")
    precisions = [_precision_of_part(p) for p in parts if _bare(p) not in {"", ".."}]
    order = list(Precision)
    precision = max(precisions, key=order.index) if precisions else Precision.YEAR
    return EdtfDate(
        value=value,
        lower=lower,
        upper=upper,
        precision=precision,
        approximate="~" in value or "%" in value,
        uncertain="?" in value or "%" in value,
    )


_PLAIN = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?(/\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?)?", re.ASCII)


def _plain_bounds(value: str) -> tuple[date, date] | None:
    """Bounds of a year, month or day (or an interval of them) without qualifiers or seasons."""
    if not _PLAIN.fullmatch(value):
        return None
    found = plain_bounds(value)
    return None if found is None else (found[0], found[1])


@functools.cache
def _library() -> tuple[Callable[[str], Any], type[Exception]]:
    """The ``edtf`` library's parser and its parse error, imported on first need.

    Its settings module probes Django (``from django.conf import settings``) whenever Django is
    installed. The extraction engine must not load Django, so where Django is not loaded yet (a worker's
    engine, a notebook) the probe is made to fail as it would without Django, and the library keeps its
    own defaults, which are the ones we use; a process that already runs Django imports it plainly.
    """
    hide = "django" not in sys.modules
    if hide:
        sys.modules["django"] = None  # type: ignore[assignment]  # "import django..." raises ImportError
    try:
        from edtf import parse_edtf as library_parse
        from edtf.parser.edtf_exceptions import EDTFParseException
    finally:
        if hide:
            del sys.modules["django"]
    return library_parse, EDTFParseException


def _library_bounds(value: str) -> tuple[date, date]:
    library_parse, parse_error = _library()
    try:
        parsed = library_parse(value)
    except parse_error:
        raise InvalidEdtf(
            f"{value!r} is not a valid EDTF date: use YYYY, YYYY-MM, YYYY-MM-DD, a season YYYY-21..24, "
            "an interval START/END, and ~ or ? for approximate or uncertain values"
        ) from None
    except (ValueError, TypeError) as exc:
        raise InvalidEdtf(f"{value!r} is not a valid EDTF date: {exc}") from None
    try:
        lower = _to_date(parsed.lower_strict(), value)
        upper = _to_date(parsed.upper_strict(), value)
    except (ValueError, OverflowError) as exc:
        raise InvalidEdtf(f"{value!r} names a day that does not exist: {exc}") from None
    except (TypeError, AttributeError):
        # Open-ended intervals make the library return floats where it expects tuples.
        lower, upper = _interval_bounds(value)
    return lower, upper


def _interval_bounds(value: str) -> tuple[date, date]:
    start, _, end = value.partition("/")
    lower = OPEN_START if _bare(start) in {"", ".."} else parse_edtf(start).lower
    upper = OPEN_END if _bare(end) in {"", ".."} else parse_edtf(end).upper
    return lower, upper


def _format_part(part: str) -> str:
    bare = _bare(part)
    if bare in {"", ".."}:
        return ""
    prefix = "c. " if ("~" in part or "%" in part) else ""
    suffix = "?" if ("?" in part or "%" in part) else ""
    if "T" in bare:
        bare = bare.split("T", 1)[0]
    if _DAY.match(bare):
        y, m, d = (int(x) for x in bare.split("-"))
        text = f"{d} {MONTHS[m - 1]} {y}"
    elif _SEASON.match(bare):
        y, s = (int(x) for x in bare.split("-"))
        text = f"{SEASONS.get(s, 'Season ' + str(s))} {y}"
    elif _MONTH.match(bare):
        y, m = (int(x) for x in bare.split("-"))
        text = f"{MONTHS[m - 1]} {y}"
    elif _DECADE.match(bare):
        text = f"{bare[:3]}0s"
    elif _CENTURY.match(bare):
        text = f"{bare[:2]}00s"
    else:
        text = bare
    return f"{prefix}{text}{suffix}"


def format_edtf(value: str, *, week: bool = False) -> str:
    """The date as a reader writes it: "18 Jun 2023", "May 2024", "c. 2012", "18–19 Mar 2021"."""
    if "/" not in value:
        return _format_part(value)
    start, end = value.split("/", 1)
    if _bare(start) in {"", ".."}:
        return f"until {_format_part(end)}"
    if _bare(end) in {"", ".."}:
        return f"since {_format_part(start)}"
    if week:
        return f"week of {_format_part(start)}"
    s, e = _bare(start), _bare(end)
    qualified = any(q in value for q in _QUALIFIERS)
    if not qualified and _DAY.match(s) and _DAY.match(e):
        sy, sm, sd = (int(x) for x in s.split("-"))
        ey, em, ed = (int(x) for x in e.split("-"))
        if (sy, sm) == (ey, em):
            return f"{sd}–{ed} {MONTHS[sm - 1]} {sy}"
        if sy == ey:
            return f"{sd} {MONTHS[sm - 1]} – {ed} {MONTHS[em - 1]} {sy}"
    if not qualified and _MONTH.match(s) and _MONTH.match(e) and s[:4] == e[:4]:
        return f"{MONTHS[int(s[5:]) - 1]} – {MONTHS[int(e[5:]) - 1]} {s[:4]}"
    return f"{_format_part(start)} – {_format_part(end)}"
