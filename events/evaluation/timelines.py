"""SemEval-2015 Task 4 (TimeLine) gold as a dating and ordering test.

Each gold timeline lists, for one target entity, event mentions (``docid-sentence-word``) in order with a
date at the precision the annotators could give (``2008-03-XX``; ``XXXX-XX-XX`` when unknown). We date
each mention as the engine would: the gold mention is the sentence's trigger, ``binding.bind`` picks one of
the engine's time expressions in that sentence, and a mention left without one takes the publication date
(the news reading of an undated report). Two figures, over mentions with a known gold date:

- dating: the engine's date written at the gold's precision equals the gold date;
- ordering: of pairs of mentions that the gold puts at different positions of one timeline, the share the
  engine's dates order the same way (a tie counts half).

The baseline dates every mention by its publication date.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from events.evaluation.scoring.meantime import parse_creation_time, rebuild_text
from events.evaluation.time_binding import engine_choice

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from events.extraction.timex import TimeExpression


@dataclass
class TimelineDocument:
    doc_id: str
    text: str
    published: date | None
    # (sentence, word) -> character span of the first such token
    words: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class TimelineEntry:
    timeline: str
    order: int
    date: str  # YYYY-MM-DD with X for unknown parts
    doc_id: str
    sentence: int
    word: str


def read_cat_document(path: Path) -> TimelineDocument:
    root = ET.parse(path).getroot()  # noqa: S314 - a local, trusted gold-data file
    tokens = [(int(t.get("t_id", "0")), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    text, spans = rebuild_text(tokens)
    published = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = parse_creation_time(timex.get("value", ""))
    document = TimelineDocument(doc_id=root.get("doc_id", path.name.split("_", 1)[0]), text=text, published=published)
    for t_id, sentence, word in tokens:
        document.words.setdefault((sentence, word), spans[t_id])
        document.words.setdefault((sentence, word.casefold()), spans[t_id])
    return document


def read_gold_timelines(folder: Path) -> list[TimelineEntry]:
    """Every line of every gold timeline file; a line naming several mentions keeps the first."""
    entries: list[TimelineEntry] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.strip().split("\t")
            if len(parts) < 3 or not parts[0].isdigit():
                continue
            doc_id, sentence, word = parts[2].split("-", 2)
            entries.append(TimelineEntry(path.name, int(parts[0]), parts[1], doc_id, int(sentence), word))
    return entries


def read_corpus(directory: Path) -> tuple[list[TimelineDocument], list[TimelineEntry]]:
    """The documents (track A CAT) and the gold timelines of every ``corpus_N`` under ``directory``."""
    documents: list[TimelineDocument] = []
    entries: list[TimelineEntry] = []
    for corpus in sorted(p for p in directory.iterdir() if p.is_dir() and p.name.startswith("corpus_")):
        documents += [read_cat_document(p) for p in sorted((corpus / "corpus_trackA_CAT").glob("*.xml"))]
        gold = read_gold_timelines(corpus / "TimeLines_Gold_Standard")
        entries += [TimelineEntry(f"{corpus.name}/{e.timeline}", *_tail(e)) for e in gold]
    return documents, entries


def _tail(entry: TimelineEntry) -> tuple[int, str, str, int, str]:
    return entry.order, entry.date, entry.doc_id, entry.sentence, entry.word


def written_as_gold(time: TimeExpression | None, published: date) -> str:
    """A date in the gold's form: ``YYYY-MM-DD`` with ``XX`` where the expression is less precise."""
    if time is None or time.lower is None or time.upper is None:
        return published.isoformat()
    start = (time.edtf or "").split("/", 1)[0]
    if time.signal == "since" and "/" in (time.edtf or "") and len(start) in {4, 7, 10}:
        # As the pipeline stores it: "since December" dates the start of the state.
        return start + {4: "-XX-XX", 7: "-XX", 10: ""}[len(start)]
    low, high = time.lower, time.upper
    if low == high:
        return low.isoformat()
    if (low.year, low.month) == (high.year, high.month):
        return f"{low.year:04d}-{low.month:02d}-XX"
    if low.year == high.year:
        return f"{low.year:04d}-XX-XX"
    return "XXXX-XX-XX"


def _sortable(value: str) -> str:
    return value.replace("X", "0")


@dataclass
class TimelineScore:
    mentions: int = 0  # gold mentions with a known date that were found in the text
    dated_right: int = 0
    baseline_right: int = 0
    pairs: int = 0
    ordered: float = 0.0
    baseline_ordered: float = 0.0
    missing: int = 0  # gold mentions whose word is not in the named sentence

    @property
    def dating(self) -> float:
        return self.dated_right / self.mentions if self.mentions else 0.0

    @property
    def baseline_dating(self) -> float:
        return self.baseline_right / self.mentions if self.mentions else 0.0

    @property
    def ordering(self) -> float:
        return self.ordered / self.pairs if self.pairs else 0.0

    @property
    def baseline_ordering(self) -> float:
        return self.baseline_ordered / self.pairs if self.pairs else 0.0


def _concordance(a: str, b: str, gold_a: int, gold_b: int) -> float:
    if a == b:
        return 0.5
    return 1.0 if (_sortable(a) < _sortable(b)) == (gold_a < gold_b) else 0.0


def score(
    documents: list[TimelineDocument], docs: list[Doc], times: list[list[TimeExpression]], entries: list[TimelineEntry]
) -> TimelineScore:
    """Dating and ordering of the gold mentions by the engine and by the publication-date baseline."""
    from events.extraction.binding import usable

    by_id = {d.doc_id: (d, doc, found) for d, doc, found in zip(documents, docs, times, strict=True)}
    result = TimelineScore()
    dated: dict[str, list[tuple[int, str, str]]] = {}  # timeline -> (gold order, ours, baseline)
    for entry in entries:
        if entry.date.startswith("XXXX") or entry.doc_id not in by_id:
            continue
        document, doc, found = by_id[entry.doc_id]
        span = document.words.get((entry.sentence, entry.word)) or document.words.get(
            (entry.sentence, entry.word.casefold())
        )
        if span is None or document.published is None:
            result.missing += 1
            continue
        tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tokens is None or not len(tokens):
            result.missing += 1
            continue
        sentence = tokens.root.sent
        candidates = [t for t in found if usable(t) and sentence.start_char <= t.start and t.end <= sentence.end_char]
        ours = written_as_gold(engine_choice(doc, tokens.root.i, candidates), document.published)
        baseline = document.published.isoformat()
        result.mentions += 1
        result.dated_right += ours == entry.date
        result.baseline_right += baseline == entry.date
        dated.setdefault(entry.timeline, []).append((entry.order, ours, baseline))
    for rows in dated.values():
        for index, (order_a, ours_a, base_a) in enumerate(rows):
            for order_b, ours_b, base_b in rows[index + 1 :]:
                if order_a == order_b:
                    continue
                result.pairs += 1
                result.ordered += _concordance(ours_a, ours_b, order_a, order_b)
                result.baseline_ordered += _concordance(base_a, base_b, order_a, order_b)
    return result
