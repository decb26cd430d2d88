"""The publication-date check on the dev sets: false alarms on correctly dated articles, and detection of
the same articles re-dated by -3..+3 years (copies made here, in memory).

Reads tests/extraction/devgold, ../shared/corpus/real-dev (when present), events/sample_data and, unless
--no-wikinews, the Wikinews articles of ../shared/data/semeval2015-timeline (real news with their
publication dates, unseen while the check was written; their date line is left out); runs the extraction
engine against each stated date, then the check. Prints one row per article, the totals per set and per
shift, and the check's time against the engine's.

With --tracker-events, every check is also run a second time against a simulated tracker: its published
events are the other dev and real-dev articles' events (leave-one-out: never the checked article's own),
as the extractor read them at the article's true date and as an editor would have published them, that
is only those a gold event confirms (a gold quote within the event's citation, the same day or month).
Like the live check (``events.selectors_facts.facts_with_published_events``), only the published events
of day or month precision that name one of the checked article's actors are added. Both tables are
printed: facts only, and facts plus the tracker's events.

    .venv/bin/python bench/pubdate.py [--shifts 1,2,3] [--no-known-events] [--no-wikinews] [--tracker-events]
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
from events.extraction.types import ArticleExtraction  # noqa: E402
from events.pubdate import DateCheck, DatedMention, Facts, KnownEvent, check_publication_date, load_facts  # noqa: E402
from events.pubdate.check import _add_years  # noqa: E402
from events.pubdate.facts import parse_day_or_month  # noqa: E402
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


def _gold_interval(value: str) -> tuple[date, date] | None:
    """A gold date of day or month precision ("2020-06-15", "2020-06") as its first and last day."""
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value) or not 1 <= int(value[5:7]) <= 12:
        return None
    return parse_day_or_month(value), parse_day_or_month(value, end=True)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def published_events(kind: str, name: str, extraction: ArticleExtraction) -> list[KnownEvent]:
    """The events of one article an editor would have published: those a gold event confirms."""
    folder = path_of(kind, name).parent
    gold_path = folder / "gold.json" if (folder / "gold.json").exists() else folder.parent / "gold.json"
    gold = json.loads(gold_path.read_text())[name]["events"]
    confirmed = []
    for event in extraction.events:
        if event.lower is None or event.upper is None or event.precision not in ("day", "month"):
            continue
        quote = _squeeze(event.citation.quote)
        for entry in gold:
            span = _gold_interval(str(entry.get("date", "")))
            if span == (event.lower, event.upper) and _squeeze(entry["quote"]) in quote:
                confirmed.append(
                    KnownEvent(
                        event.lower,
                        event.upper,
                        str(event.type),
                        event.title,
                        tuple(actor.name for actor in event.actors),
                        event.location.name if event.location else "",
                        published=True,
                    )
                )
                break
    return confirmed


def with_tracker_events(facts: Facts, events: list[KnownEvent], mentions: list[DatedMention]) -> Facts:
    """``facts`` plus the published events naming an actor of ``mentions`` (as the live selector adds them)."""
    names = {name for mention in mentions for name in mention.actors}
    chosen = tuple(event for event in events if names & set(event.actors))
    return replace(facts, known_events=facts.known_events + chosen) if chosen else facts


class Tally:
    """False alarms, caught copies and true years suggested, per set and per shift."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.false_alarms: list[str] = []
        self.by_set: dict[str, list[int]] = {}
        self.by_shift: dict[tuple[str, int], list[int]] = {}
        self.seconds = 0.0
        self.row: list[str] = []

    def add(self, kind: str, name: str, offset: int, published: date, result: DateCheck) -> None:
        if offset == 0:
            if result.verdict != "ok":
                self.false_alarms.append(f"{kind}/{name}")
            self.row.append("ok" if result.verdict == "ok" else "FALSE")
            return
        caught = result.verdict == "doubtful"
        hit = caught and result.suggested is not None and result.suggested.year == published.year
        for counts in (self.by_set.setdefault(kind, [0, 0, 0]), self.by_shift.setdefault((kind, offset), [0, 0, 0])):
            counts[0] += 1
            counts[1] += caught
            counts[2] += hit
        self.row.append("Y" if hit else "c" if caught else "-")

    def report(self, moved: list[int]) -> None:
        shifted = sum(c[0] for c in self.by_set.values())
        caught = sum(c[1] for c in self.by_set.values())
        right = sum(c[2] for c in self.by_set.values())
        print(f"== {self.label}")
        print(f"false alarms on correctly dated articles: {len(self.false_alarms)} {self.false_alarms}")
        print(f"re-dated copies caught: {caught}/{shifted}; true year suggested: {right}/{shifted}")
        for kind, (total, found, hits) in self.by_set.items():
            print(f"  {kind:9} caught {found}/{total}, true year suggested {hits}/{total}")
        print("caught / true year suggested / copies, per shift in years")
        print(f"  {'set':9} " + " ".join(f"{o:>+9d}" for o in moved))
        for kind in self.by_set:
            cells = [self.by_shift.get((kind, o), [0, 0, 0]) for o in moved]
            print(f"  {kind:9} " + " ".join(f"{c[1]:>3}/{c[2]:>2}/{c[0]:>2}" for c in cells))
        print()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shifts", default="1,2,3")
    parser.add_argument("--no-known-events", action="store_true")
    parser.add_argument("--no-wikinews", action="store_true")
    parser.add_argument("--tracker-events", action="store_true")
    args = parser.parse_args()
    facts = load_facts()
    if args.no_known_events:
        facts = replace(facts, known_events=(), _index={})
    shifts = [int(s) for s in args.shifts.split(",") if s]
    offsets = sorted({0, *shifts, *(-s for s in shifts)})
    engine_seconds = 0.0
    items = []
    for kind, name, published, scraped in articles():
        raw = path_of(kind, name).read_text(encoding="utf-8")
        items.append((kind, name, published, extract_document(raw, published=published).text if scraped else raw))
    if not args.no_wikinews and WIKINEWS.exists():
        items += [("wikinews", name, published, text) for name, text, published in wikinews()]
    tracker: dict[str, list[KnownEvent]] = {}
    if args.tracker_events:
        for kind, name, published, text in items:
            if kind in ("devgold", "real-dev"):
                tracker[f"{kind}/{name}"] = published_events(kind, name, extract(text, published))
        print(f"tracker: {sum(map(len, tracker.values()))} published events from {len(tracker)} articles\n")
    tallies = [Tally("facts only")] + (
        [Tally("facts + the tracker's published events (leave-one-out)")] if tracker else []
    )
    for kind, name, published, text in items:
        others = [e for key, events in tracker.items() if key != f"{kind}/{name}" for e in events]
        for tally in tallies:
            tally.row = []
        for offset in offsets:
            stated = _add_years(published, offset)
            started = time.perf_counter()
            extraction = extract(text, stated)
            engine_seconds += time.perf_counter() - started
            mentions = mentions_of(extraction)
            for number, tally in enumerate(tallies):
                used = with_tracker_events(facts, others, mentions) if number else facts
                started = time.perf_counter()
                result = check_publication_date(text=text, stated=stated, mentions=mentions, facts=used, today=TODAY)
                tally.seconds += time.perf_counter() - started
                tally.add(kind, name, offset, published, result)
        rows = " | ".join(" ".join(f"{o:+d}:{r}" for o, r in zip(offsets, t.row, strict=True)) for t in tallies)
        print(f"{kind:9} {name:45} {published}  {rows}")
    print()
    moved = [o for o in offsets if o]
    for tally in tallies:
        tally.report(moved)
    checks = len(items) * len(offsets)
    for tally in tallies:
        print(
            f"check time ({tally.label}): {tally.seconds * 1000:.1f} ms over {checks} checks; engine (extract) "
            f"time {engine_seconds * 1000:.1f} ms on the same texts; "
            f"check/engine = {tally.seconds / engine_seconds:.1%}"
        )


if __name__ == "__main__":
    main()
