"""The publication-date check on the dev sets: false alarms on correctly dated articles, and detection of
the same articles re-dated by -3..+3 years (copies made here, in memory).

Reads tests/extraction/devgold, ../shared/corpus/real-dev (when present), events/sample_data and, unless
--no-wikinews, the Wikinews articles of ../shared/data/semeval2015-timeline (real news with their
publication dates, unseen while the check was written; their date line is left out); runs the extraction
engine against each stated date, then the check. Prints one row per article, the totals per set and per
shift, and the check's time against the engine's.

    .venv/bin/python bench/pubdate.py [--shifts 1,2,3] [--no-known-events] [--no-wikinews]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.extraction.pipeline import extract, extract_document  # noqa: E402
from events.pubdate import check_publication_date, load_facts  # noqa: E402
from events.pubdate.check import _add_years  # noqa: E402
from events.pubdate.from_extraction import mentions_of  # noqa: E402

TODAY = date(2026, 12, 4)


WIKINEWS = ROOT.parent / "shared" / "data" / "semeval2015-timeline"


def wikinews() -> list[tuple[str, str, date]]:
    """(name, text, publication date) of each Wikinews article (TimeML, tokens rejoined, date line left out)."""
    found, seen = [], set()
    for path in sorted(WIKINEWS.glob("corpus_*/corpus_trackA_TimeML/*.tml")):
        markup = path.read_text(encoding="utf-8")
        created = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})"', markup)
        if created is None or path.name in seen:
            continue
        seen.add(path.name)
        sentences = re.findall(r'<s id="(\d+)">(.*?)</s>', markup, re.S)
        text = "\n\n".join(_rejoin(sentence) for number, sentence in sentences if number != "1")
        found.append((path.name, text, date.fromisoformat(created.group(1))))
    return found


def _rejoin(tokens: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", tokens))
    text = re.sub(r" ([,.;:!?%)])", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    text = re.sub(r" (['’]s|n't)\b", r"\1", text)
    return text.replace("`` ", '"').replace(" ''", '"')


def articles() -> list[tuple[str, str, date, bool]]:
    """(set, name, true publication date, scraped page) for every article of the three sets."""
    found = []
    devgold = ROOT / "tests" / "extraction" / "devgold"
    for name, entry in json.loads((devgold / "gold.json").read_text()).items():
        found.append(("devgold", name, date.fromisoformat(entry["published"]), "scraped" in name))
    realdev = ROOT.parent / "shared" / "corpus" / "real-dev"
    if realdev.exists():
        for name, entry in json.loads((realdev / "gold.json").read_text()).items():
            found.append(("real-dev", name, date.fromisoformat(entry["published"]), False))
    demo = json.loads((ROOT / "events" / "sample_data" / "demo.json").read_text())
    for entry in demo["articles"]:
        found.append(("sample", entry["file"], date.fromisoformat(entry["published"]), False))
    return found


def path_of(kind: str, name: str) -> Path:
    return {
        "devgold": ROOT / "tests" / "extraction" / "devgold" / "articles",
        "real-dev": ROOT.parent / "shared" / "corpus" / "real-dev",
        "sample": ROOT / "events" / "sample_data" / "articles",
    }[kind] / name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shifts", default="1,2,3")
    parser.add_argument("--no-known-events", action="store_true")
    parser.add_argument("--no-wikinews", action="store_true")
    args = parser.parse_args()
    facts = load_facts()
    if args.no_known_events:
        facts = replace(facts, known_events=(), _index={})
    shifts = [int(s) for s in args.shifts.split(",") if s]
    offsets = sorted({0, *shifts, *(-s for s in shifts)})
    false_alarms, caught, missed, true_year, total_shifted, check_seconds = [], 0, [], 0, 0, 0.0
    engine_seconds = 0.0
    by_set: dict[str, list[int]] = {}
    by_shift: dict[tuple[str, int], list[int]] = {}
    items = []
    for kind, name, published, scraped in articles():
        raw = path_of(kind, name).read_text(encoding="utf-8")
        items.append((kind, name, published, extract_document(raw, published=published).text if scraped else raw))
    if not args.no_wikinews and WIKINEWS.exists():
        items += [("wikinews", name, published, text) for name, text, published in wikinews()]
    for kind, name, published, text in items:
        row = []
        for offset in offsets:
            stated = _add_years(published, offset)
            started = time.perf_counter()
            extraction = extract(text, stated)
            engine_seconds += time.perf_counter() - started
            started = time.perf_counter()
            result = check_publication_date(
                text=text, stated=stated, mentions=mentions_of(extraction), facts=facts, today=TODAY
            )
            check_seconds += time.perf_counter() - started
            if offset == 0:
                if result.verdict != "ok":
                    false_alarms.append(f"{kind}/{name}")
                row.append("ok" if result.verdict == "ok" else "FALSE")
                continue
            total_shifted += 1
            counts = by_set.setdefault(kind, [0, 0, 0])
            shift_counts = by_shift.setdefault((kind, offset), [0, 0, 0])
            counts[0] += 1
            shift_counts[0] += 1
            if result.verdict == "doubtful":
                caught += 1
                hit = result.suggested is not None and result.suggested.year == published.year
                true_year += hit
                counts[1] += 1
                counts[2] += hit
                shift_counts[1] += 1
                shift_counts[2] += hit
                row.append("Y" if hit else "c")
            else:
                missed.append(f"{kind}/{name}{offset:+d}")
                row.append("-")
        print(f"{kind:9} {name:45} {published}  " + " ".join(f"{o:+d}:{r}" for o, r in zip(offsets, row, strict=False)))
    print()
    print(f"false alarms on correctly dated articles: {len(false_alarms)} {false_alarms}")
    print(f"re-dated copies caught: {caught}/{total_shifted}; true year suggested: {true_year}/{total_shifted}")
    for kind, (shifted, found, right) in by_set.items():
        print(f"  {kind:9} caught {found}/{shifted}, true year suggested {right}/{shifted}")
    print()
    print("caught / true year suggested / copies, per shift in years")
    moved = [o for o in offsets if o]
    print(f"  {'set':9} " + " ".join(f"{o:>+9d}" for o in moved))
    for kind in by_set:
        cells = [by_shift.get((kind, o), [0, 0, 0]) for o in moved]
        print(f"  {kind:9} " + " ".join(f"{c[1]:>3}/{c[2]:>2}/{c[0]:>2}" for c in cells))
    checks = len(items) * len(offsets)
    print(
        f"check time: {check_seconds * 1000:.1f} ms over {checks} checks; engine (extract) time "
        f"{engine_seconds * 1000:.1f} ms on the same texts; check/engine = {check_seconds / engine_seconds:.1%}"
    )


if __name__ == "__main__":
    main()
