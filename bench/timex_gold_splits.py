"""How consistently the TBAQ and MEANTIME gold write one kind of expression: a ceiling for value F1.

For each kind of expression that the value errors keep coming back to ("last week", "Friday night", "over
the weekend", "recent years", "a year ago" in a results story, decades, bare years, clock times, ...), the
gold TIMEX3s of that kind are counted by the *shape* of their value (an ISO week, WXX, P1W, a month, a day
with or without a part of day, ...). Where one kind in the same use gets several incompatible shapes, no
consistent rule can score more than the largest share: the rest is the ceiling's loss, printed per kind.
Reads the gold only (no parsing), so it runs in a second:

    .venv/bin/python bench/timex_gold_splits.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.evaluation.scoring.meantime import read_corpus  # noqa: E402
from events.evaluation.timeml import read_timeml  # noqa: E402
from events.extraction.timex.lexicon import WEEKDAY  # noqa: E402

SHARED = ROOT.parent / "shared"

# (gold text, gold value, whether the document reports a quarter's results)
Gold = tuple[str, str, bool]


def _gold() -> Iterable[Gold]:
    for path in sorted((SHARED / "data" / "tempeval3-tbaq").rglob("*.tml")):
        document = read_timeml(path)
        if document is None:
            continue
        quarterly = "quarter" in document.text.lower()
        for timex in document.timexes:
            yield timex.text, timex.value, quarterly
    for meantime in read_corpus(SHARED / "data" / "meantime-en" / "intra-doc_annotation"):
        quarterly = "quarter" in meantime.text.lower()
        for gold in meantime.gold:
            yield gold.text, gold.value, quarterly


def _first_shape(value: str, shapes: tuple[tuple[str, str], ...]) -> str:
    """The name of the first (name, pattern) whose pattern the whole value matches, else "other"."""
    return next((shape for shape, pattern in shapes if re.fullmatch(pattern, value)), "other")


_WEEK_SHAPES = (
    ("ISO week W05", r"\d{4}-W\d\d"),
    ("unpadded week W5", r"\d{4}-W\d"),
    ("week unknown WXX", r"\d{4}-WXX"),
    ("duration P1W", r"P1W"),
    ("month", r"\d{4}-\d\d"),
    ("day unknown YYYY-MM-XX", r"\d{4}-\d\d-XX"),
    ("a day", r"\d{4}-\d\d-\d\d"),
)


def _week_shape(value: str) -> str:
    return _first_shape(value, _WEEK_SHAPES)


def _part_shape(value: str) -> str:
    found = re.fullmatch(r"\d{4}-\d\d-\d\d(T(?:NI|MO|EV|AF))?", value)
    if found is None:
        return "other"
    return f"day with {found[1][1:]}" if found[1] else "plain day"


def _weekend_shape(value: str) -> str:
    if re.fullmatch(r"\d{4}-W\d\d-WE", value):
        return "W##-WE"
    if value == "P2D" or value.startswith("P"):
        return "duration"
    return "a day" if re.fullmatch(r"\d{4}-\d\d-\d\d", value) else "other"


def _vague_shape(value: str) -> str:
    if value.endswith("_REF"):
        return "PAST_REF/FUTURE_REF"
    return "duration PX?" if re.fullmatch(r"PX[YMWDQ]", value) else "other"


_COMPARISON_SHAPES = (
    ("a quarter", r"\d{4}-Q\d"),
    ("quarter unknown QX", r"\d{4}-QX"),
    ("a year", r"\d{4}"),
    ("a month", r"\d{4}-\d\d"),
    ("a day", r"\d{4}-\d\d-\d\d"),
)


def _comparison_shape(value: str) -> str:
    return _first_shape(value, _COMPARISON_SHAPES)


def _decade_shape(value: str) -> str:
    if re.fullmatch(r"\d\d\d", value):
        return "199 (TIMEX3 decade)"
    return "199X" if re.fullmatch(r"\d\d\dX", value) else "other"


def _year_shape(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "YYYY"
    return "YYYY-XX(-XX)" if re.fullmatch(r"\d{4}-XX(?:-XX)?", value) else "other"


def _clock_shape(value: str) -> str:
    if re.search(r"T\d\d:\d\d$", value):
        return "THH:MM"
    return "THH" if re.search(r"T\d\d$", value) else "other"


def _past_year_shape(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "the calendar year before"
    return "duration P1Y" if value == "P1Y" else "other"


def _ago_shape(value: str) -> str:
    if value.startswith("P"):
        return "duration"
    if re.fullmatch(r"\d{4}-W\d\d", value):
        return "a week"
    return "a day" if re.fullmatch(r"\d{4}-\d\d-\d\d", value) else "a date of another precision"


_FAMILIES: list[tuple[str, re.Pattern[str], Callable[[str], str], bool]] = [
    # name, text pattern (whole gold text), value shape, only in quarterly results stories
    ("last/this/next week", re.compile(r"(?:(?:early|late|earlier|later)\s+)?(?:last|this|next)\s+week", re.I),
     _week_shape, False),
    ("<weekday> night", re.compile(rf"(?:{WEEKDAY})\s+night", re.I), _part_shape, False),
    ("<weekday> morning", re.compile(rf"(?:{WEEKDAY})\s+morning", re.I), _part_shape, False),
    ("<weekday> evening/afternoon", re.compile(rf"(?:{WEEKDAY})\s+(?:evening|afternoon)", re.I), _part_shape, False),
    ("(over) the weekend", re.compile(r"(?:over\s+)?the\s+weekend", re.I), _weekend_shape, False),
    ("recent/coming <units>", re.compile(r"(?:the\s+)?(?:recent|coming)\s+(?:years|months|weeks|days|quarters)", re.I),
     _vague_shape, False),
    ("a year ago/earlier, year-earlier (results)",
     re.compile(r"(?:a\s+year\s+(?:ago|earlier)|year-(?:earlier|ago))", re.I), _comparison_shape, True),
    ("decades (the 1990s)", re.compile(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:1[89]|20)\d0'?s", re.I),
     _decade_shape, False),
    ("a bare year (1994)", re.compile(r"(?:1[89]|20)\d\d"), _year_shape, False),
    ("a clock time (5 p.m., midnight)", re.compile(r".*\b(?:\d\s*[ap]\.?m\.?|noon|midnight)\b.*", re.I),
     _clock_shape, False),
    ("the past/last year", re.compile(r"(?:the\s+)(?:past|last)\s+year", re.I), _past_year_shape, False),
    ("<n> weeks ago", re.compile(r"(?:\w+\s+)?(?:a|one|two|three|four|five|six|\d+)\s+weeks?\s+ago", re.I),
     _ago_shape, False),
]  # fmt: skip


def main() -> None:
    gold = list(_gold())
    total_loss = 0
    print("kind                                        n  shapes of the gold value             ceiling loss")
    for name, pattern, shape_of, quarterly_only in _FAMILIES:
        shapes = Counter(
            shape_of(value)
            for text, value, quarterly in gold
            if pattern.fullmatch(text.strip(" .,")) and (quarterly or not quarterly_only)
        )
        n = sum(shapes.values())
        if not n:
            continue
        reachable = max(shapes.values())
        if shape_of is _comparison_shape:
            reachable += shapes["a year"]  # the nine months' comparison, a use of its own
        loss = n - reachable
        total_loss += loss
        listed = ", ".join(f"{shape} {count}" for shape, count in shapes.most_common())
        print(f"{name:42} {n:3}  {listed}")
        print(f"{'':47}{'':36} {loss:3}")
    print(f"\nvalues no consistent rule per kind can get right: {total_loss} (TBAQ and MEANTIME together), the")
    print("largest shape of each kind counted as reachable. For the results comparisons the year shape is left")
    print('out of the loss: it is mostly another use ("up from $X a year earlier" after nine months\' results).')


if __name__ == "__main__":
    main()
