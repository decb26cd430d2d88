"""Where the time-expression value errors on TBAQ (or MEANTIME) come from: a breakdown by kind.

Each gold/predicted pair the TempEval-3 scorer aligns (``events.evaluation.scoring.meantime.align``) falls
in one of four groups: right (found, value equal), wrong value, missed (gold only), spurious (ours only).
The script groups them by the expression's shape (lower-cased, digits as ``#``, month and weekday names as
``MONTH``/``WEEKDAY``) and by TIMEX3 type, and for each shape prints the counts and what removing every
prediction of that shape would do to F1 (a shape right less often than F1/2 of the time costs more than it
brings). ``--list KIND`` prints the matches of one group (right, wrong, missed, spurious) with their
sentence, for reading.

    .venv/bin/python bench/timex_errors.py [--set tbaq|meantime] [--list spurious] [--shape now] [--top 40]

Reads the evaluation's parse cache (``var/evaluate-parses``): run ``manage.py evaluate`` once first.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.evaluation.parse_cache import ParseCache  # noqa: E402
from events.evaluation.scoring.meantime import (  # noqa: E402
    GoldTimex,
    Match,
    PredictedTimex,
    align,
    predict,
    read_corpus,
)
from events.evaluation.timeml import read_timeml  # noqa: E402
from events.extraction.config import ExtractionConfig  # noqa: E402
from events.extraction.timex import find_time_expressions, resolve_time_expression  # noqa: E402
from events.extraction.timex.lexicon import MONTH, WEEKDAY  # noqa: E402

SHARED = ROOT.parent / "shared"
_MONTH = re.compile(rf"\b(?:{MONTH})\b", re.IGNORECASE)
_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY})\b", re.IGNORECASE)


def shape(text: str) -> str:
    """The expression with its particulars taken out: "Oct. 23, 1989" -> "MONTH #, #"."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    text = _WEEKDAY.sub("WEEKDAY", text)
    text = _MONTH.sub("MONTH", text)
    return re.sub(r"\d+", "#", text)


def kind_of(match: Match) -> str:
    g, p = match.gold, match.predicted
    if g is None:
        return "spurious"
    if p is None:
        return "missed"
    return "right" if g.value == p.value else "wrong"


Context = dict[str, str]  # document name -> text


def tbaq(cache: ParseCache) -> tuple[list[tuple[str, Match]], Context]:
    matches: list[tuple[str, Match]] = []
    texts: Context = {}
    documents = [d for p in sorted((SHARED / "data" / "tempeval3-tbaq").rglob("*.tml")) if (d := read_timeml(p))]
    documents = [d for d in documents if d.published is not None]
    for document, doc in zip(documents, cache.docs([d.text for d in documents]), strict=True):
        assert document.published is not None
        found = find_time_expressions(doc, document.published)
        gold = [GoldTimex(tuple(range(t.start, t.end)), t.kind, t.value, t.text) for t in document.timexes]
        predicted = [
            PredictedTimex(tuple(range(s, e)), kind, value, document.text[s:e])
            for t in found
            for s, e, kind, value in t.timeml()
        ]
        texts[document.name] = document.text
        matches += [(document.name, m) for m in align(gold, predicted)]
    return matches, texts


def meantime(cache: ParseCache) -> tuple[list[tuple[str, Match]], Context]:
    def date_line(text: str) -> date | None:
        found = resolve_time_expression(text, date.today())
        return found.lower if found is not None and found.precision == "day" else None

    documents = read_corpus(SHARED / "data" / "meantime-en" / "intra-doc_annotation", date_line_parser=date_line)
    dated = [d for d in documents if d.published is not None]
    parsed = dict(zip((d.text for d in dated), cache.docs([d.text for d in dated]), strict=True))

    def annotate(text: str, published: date) -> list[tuple[int, int, str, str]]:
        return [a for t in find_time_expressions(parsed[text], published) for a in t.timeml()]

    matches: list[tuple[str, Match]] = []
    texts: Context = {}
    for document in documents:
        texts[document.name] = document.text
        predicted = predict(document, annotate)
        matches += [(document.name, m) for m in align(document.gold, predicted)]
    return matches, texts


def _sentence(text: str, offsets: tuple[int, ...]) -> str:
    """The sentence-ish stretch of ``text`` around character offsets (TBAQ ids are character offsets)."""
    if not offsets:
        return ""
    start = text.rfind("\n", 0, offsets[0])
    stop = text.find("\n", offsets[-1])
    for mark in (". ", "\n"):
        found = text.rfind(mark, max(start, offsets[0] - 200), offsets[0])
        start = max(start, found)
    stop = stop if stop != -1 else len(text)
    dot = text.find(". ", offsets[-1])
    if dot != -1:
        stop = min(stop, dot + 1)
    return re.sub(r"\s+", " ", text[start + 1 : stop]).strip()[:240]


def report(matches: list[tuple[str, Match]], top: int) -> None:
    counts = Counter(kind_of(m) for _, m in matches)
    gold = counts["right"] + counts["wrong"] + counts["missed"]
    predicted = counts["right"] + counts["wrong"] + counts["spurious"]
    f1 = 2 * counts["right"] / (gold + predicted) if gold + predicted else 0.0
    print(f"gold {gold}  predicted {predicted}  right {counts['right']}  wrong {counts['wrong']}  "
          f"missed {counts['missed']}  spurious {counts['spurious']}  value F1 {f1:.3f}")  # fmt: skip
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for _, m in matches:
        timex_type = (m.gold or m.predicted).timex_type  # type: ignore[union-attr]
        by_type[timex_type][kind_of(m)] += 1
    print("\nby TIMEX3 type (gold's, else ours): right wrong missed spurious")
    for timex_type, c in sorted(by_type.items()):
        print(f"  {timex_type:9} {c['right']:5} {c['wrong']:5} {c['missed']:6} {c['spurious']:8}")
    by_shape: dict[str, Counter[str]] = defaultdict(Counter)
    for _, m in matches:
        text = m.predicted.text if m.predicted is not None else m.gold.text  # type: ignore[union-attr]
        by_shape[shape(text)][kind_of(m)] += 1
    print(f"\nshapes by errors (top {top}): right wrong missed spurious | F1 without our predictions of the shape")
    ranked = sorted(by_shape.items(), key=lambda item: -(item[1]["wrong"] + item[1]["missed"] + item[1]["spurious"]))
    for text, c in ranked[:top]:
        ours = c["right"] + c["wrong"] + c["spurious"]
        without = 2 * (counts["right"] - c["right"]) / (gold + predicted - ours) if ours else f1
        print(f"  {text[:34]:34} {c['right']:5} {c['wrong']:5} {c['missed']:6} {c['spurious']:8} | {without:.3f}")


def listing(matches: list[tuple[str, Match]], texts: Context, kind: str, wanted: str | None) -> None:
    for name, m in matches:
        if kind_of(m) != kind:
            continue
        text = m.predicted.text if m.predicted is not None else m.gold.text  # type: ignore[union-attr]
        if wanted is not None and shape(text) != wanted:
            continue
        g = f"{m.gold.text!r} {m.gold.timex_type} {m.gold.value}" if m.gold else "-"
        p = f"{m.predicted.text!r} {m.predicted.timex_type} {m.predicted.value}" if m.predicted else "-"
        ids = (m.gold or m.predicted).token_ids  # type: ignore[union-attr]
        context = _sentence(texts[name], ids) if ":" not in name and ids and max(ids) < len(texts[name]) else ""
        print(f"{name[:28]:28} gold {g:40} ours {p:40} | {context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("tbaq", "meantime"), default="tbaq")
    parser.add_argument("--list", choices=("right", "wrong", "missed", "spurious"))
    parser.add_argument("--shape", help="only this shape (as the breakdown prints it)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "evaluate-parses")
    args = parser.parse_args()
    cache = ParseCache(ExtractionConfig(), args.cache)
    matches, texts = tbaq(cache) if args.set == "tbaq" else meantime(cache)
    if args.list:
        listing(matches, texts, args.list, args.shape)
    else:
        report(matches, args.top)


if __name__ == "__main__":
    main()
