"""Every evaluation set at once, as rows of one table.

Sets (each is skipped with a note when its files are absent):

- event sets, scored by ``scoring.events`` (recall, precision, status, date, place): ``seed`` (the scraped
  page in ``shared/corpus`` with ``shared/gold/seed.json``), ``dev`` (``tests/extraction/devgold``),
  ``real-dev`` (``shared/corpus/real-dev``, real journalism);
- time-expression sets, TempEval-3 value recall / precision / F1: ``MEANTIME`` and ``TBAQ``;
- ``binding``: TimeBank's event-time TLINKs (``time_binding``), the engine beside the nearest-expression
  baseline;
- ``timelines``: SemEval-2015 gold timelines (``timelines``), dating and ordering, beside dating everything
  by its publication date.

All texts are parsed through one ``ParseCache`` so a second run reads its parses from disk.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from events.evaluation.parse_cache import ParseCache
from events.evaluation.scoring.events import FileScore, GoldEvent, load_gold, overall, score_file

if TYPE_CHECKING:
    from events.evaluation.scoring.meantime import Match
    from events.extraction.timex import TimeExpression


@dataclass
class Row:
    """One line of the table; a figure left None does not apply to the set."""

    name: str
    documents: int = 0
    items: int = 0  # gold events, gold TIMEX3s, gold-linked events or dated mentions
    recall: float | None = None
    precision: float | None = None
    f1: float | None = None
    status: float | None = None
    date: float | None = None
    place: float | None = None
    order: float | None = None
    baseline: float | None = None
    seconds: float = 0.0
    note: str = ""
    details: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Paths:
    shared: Path
    devgold: Path

    @property
    def seed(self) -> tuple[Path, Path]:
        return self.shared / "gold" / "seed.json", self.shared / "corpus"

    @property
    def real_dev(self) -> tuple[Path, Path]:
        folder = self.shared / "corpus" / "real-dev"
        return folder / "gold.json", folder

    @property
    def dev(self) -> tuple[Path, Path]:
        return self.devgold / "gold.json", self.devgold / "articles"

    @property
    def meantime(self) -> Path:
        return self.shared / "data" / "meantime-en" / "intra-doc_annotation"

    @property
    def tbaq(self) -> Path:
        return self.shared / "data" / "tempeval3-tbaq"

    @property
    def timebank(self) -> Path:
        return self.tbaq / "TimeBank"

    @property
    def semeval(self) -> Path:
        return self.shared / "data" / "semeval2015-timeline"


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def event_set(name: str, gold_path: Path, corpus: Path, cache: ParseCache, *, verbose: bool = False) -> Row:
    """Score the engine on a hand-checked event set (cleaning as ``extract_document`` does)."""
    from events.evaluation.corpus import predictions_of
    from events.extraction.cleaning import clean_document
    from events.extraction.pipeline import extract_parsed

    gold: dict[str, tuple[date | None, list[GoldEvent]]] = load_gold(json.loads(gold_path.read_text("utf-8")))
    names = sorted(gold)
    cleaned = []
    for file_name in names:
        raw = (corpus / file_name).read_text(encoding="utf-8", errors="replace")
        cleaned.append(clean_document(raw, is_html=file_name.lower().endswith((".html", ".htm"))))
    docs = cache.docs([c.text[: cache.config.max_chars] for c in cleaned])
    scores: list[FileScore] = []
    for file_name, page, doc in zip(names, cleaned, docs, strict=True):
        published = gold[file_name][0] or page.published
        result = extract_parsed(doc, published, cache.config)
        scores.append(score_file(file_name, gold[file_name][1], predictions_of(result)))
    total = overall(scores)
    row = Row(
        name,
        documents=len(names),
        items=total.required,
        recall=total.recall,
        precision=total.precision,
        f1=_f1(total.precision, total.recall),
        status=total.status_accuracy,
        date=total.date_accuracy,
        place=total.location_accuracy,
        note=f"place where gold names one {total.location_stated_accuracy:.3f}",
    )
    if verbose:
        for score in scores:
            row.details += score_details(name, score)
    return row


def score_details(name: str, score: FileScore) -> list[str]:
    """One line per error of one article: gold events missed, false extractions, and, for the gold events
    whose quote was extracted, each wrong date, status or place (gold beside ours)."""
    lines = [f"{name} MISSED {score.name}: {g.quote!r} {g.date}" for g in score.missed]
    lines += [f"{name} FALSE  {score.name}: {p.date} {p.status} {p.type} | {p.sentence[:90]!r}" for p in score.false]
    for g, found in score.wrong_date:
        ours = ", ".join(p.date for p in found)
        lines.append(f"{name} DATE   {score.name}: gold {g.date} ours {ours} | {g.quote!r}")
    for g, p in score.wrong_status:
        lines.append(f"{name} STATUS {score.name}: gold {g.status} ours {p.status} | {g.quote!r}")
    for g, p in score.wrong_place:
        wanted = "/".join(g.locations) or "-"
        lines.append(f"{name} PLACE  {score.name}: gold {wanted} ours {p.location or '-'} | {g.quote!r}")
    return lines


def _annotations(times: list[TimeExpression]) -> list[tuple[int, int, str, str]]:
    return [annotation for t in times for annotation in t.timeml()]


def meantime_set(directory: Path, cache: ParseCache, *, verbose: bool = False) -> Row:
    """TempEval-3 value figures on MEANTIME's annotated sentences (date line excluded)."""
    from events.evaluation.scoring.meantime import evaluate, read_corpus
    from events.extraction.timex import find_time_expressions, resolve_time_expression

    def date_line(text: str) -> date | None:
        found = resolve_time_expression(text, date.today())
        return found.lower if found is not None and found.precision == "day" else None

    documents = read_corpus(directory, date_line_parser=date_line)
    dated = [d for d in documents if d.published is not None]
    parsed = dict(zip((d.text for d in dated), cache.docs([d.text for d in dated]), strict=True))

    def annotate(text: str, published: date) -> list[tuple[int, int, str, str]]:
        return _annotations(find_time_expressions(parsed[text], published))

    result = evaluate(documents, annotate)
    precision, recall, f1 = result.total.value_prf()
    row = Row("MEANTIME value", len(documents), result.total.gold, recall, precision, f1)
    if verbose:
        row.details = _value_errors("MEANTIME", result.matches)
    return row


def _value_errors(label: str, matches: list[tuple[str, Match]]) -> list[str]:
    lines = []
    for name, match in matches:
        g, p = match.gold, match.predicted
        if g is not None and p is not None and g.value == p.value:
            continue
        gold_text = f"{g.text!r} {g.timex_type} {g.value}" if g else "-"
        pred_text = f"{p.text!r} {p.timex_type} {p.value}" if p else "-"
        lines.append(f"{label} {name[:36]:36} gold: {gold_text:48} ours: {pred_text}")
    return lines


def tbaq_sets(paths: Paths, cache: ParseCache, *, verbose: bool = False) -> tuple[Row, Row | None]:
    """TBAQ value figures, and binding on TimeBank's event-time TLINKs (one parse serves both)."""
    from events.evaluation.scoring.meantime import GoldTimex, PredictedTimex, Score, score_document
    from events.evaluation.time_binding import BindingScore
    from events.evaluation.time_binding import score_document as score_binding
    from events.evaluation.timeml import read_timeml
    from events.extraction.timex import find_time_expressions

    started = time.perf_counter()
    documents = []
    in_timebank: set[str] = set()
    for path in sorted(paths.tbaq.rglob("*.tml")):
        document = read_timeml(path)
        if document.published is not None:
            documents.append(document)
            if paths.timebank in path.parents:
                in_timebank.add(document.name)
    docs = cache.docs([d.text for d in documents])
    values = Score()
    matches: list[tuple[str, Match]] = []
    binding = BindingScore()
    timebank = 0
    binding_seconds = 0.0
    for document, doc in zip(documents, docs, strict=True):
        assert document.published is not None
        found = find_time_expressions(doc, document.published)
        gold = [GoldTimex(tuple(range(t.start, t.end)), t.kind, t.value, t.text) for t in document.timexes]
        predicted = [
            PredictedTimex(tuple(range(start, end)), kind, value, document.text[start:end])
            for start, end, kind, value in _annotations(found)
        ]
        score, pairs = score_document(gold, predicted)
        values.add(score)
        matches += [(document.name, pair) for pair in pairs]
        if document.name in in_timebank:
            bind_started = time.perf_counter()
            timebank += 1
            binding.add(score_binding(document, doc, found))
            binding_seconds += time.perf_counter() - bind_started
    precision, recall, f1 = values.value_prf()
    value_row = Row("TBAQ value", len(documents), values.gold, recall, precision, f1)
    value_row.seconds = time.perf_counter() - started - binding_seconds
    if verbose:
        value_row.details = _value_errors("TBAQ", matches)
    if not timebank:
        return value_row, None
    binding_row = Row(
        "TimeBank binding",
        timebank,
        binding.events,
        date=binding.engine_accuracy,
        baseline=binding.baseline_accuracy,
        seconds=binding_seconds,
        note=(
            f"{binding.out_of_scope} linked times not found; {binding.engine_unbound} events left unbound; "
            f"{binding.by_nearness} bound by nearness"
        ),
    )
    if verbose:
        binding_row.details = [f"binding {d} {e!r}: gold {g!r} ours {o!r}" for d, e, g, o in binding.wrong]
    return value_row, binding_row


def timeline_set(directory: Path, cache: ParseCache) -> Row:
    """Dating and ordering of SemEval-2015 gold timeline mentions."""
    from events.evaluation.timelines import read_corpus, score
    from events.extraction.timex import find_time_expressions

    documents, entries = read_corpus(directory)
    docs = cache.docs([d.text for d in documents])
    times = [
        find_time_expressions(doc, d.published) if d.published else [] for d, doc in zip(documents, docs, strict=True)
    ]
    result = score(documents, docs, times, entries)
    return Row(
        "SemEval timelines",
        len(documents),
        result.mentions,
        date=result.dating,
        order=result.ordering,
        baseline=result.baseline_dating,
        note=f"publication-date baseline orders {result.baseline_ordering:.3f}; {result.missing} mentions not found",
    )


def run_all(paths: Paths, cache: ParseCache, *, verbose: bool = False, log: Callable[[str], None] = print) -> list[Row]:
    """Every set whose files exist, in the table's order; each row carries its wall time."""
    rows: list[Row] = []

    def timed(make: Callable[[], Row]) -> Row:
        started = time.perf_counter()
        row = make()
        row.seconds = time.perf_counter() - started
        log(f"  {row.name}: {row.seconds:.1f} s")
        return row

    for name, (gold, corpus) in (("seed", paths.seed), ("dev", paths.dev), ("real-dev", paths.real_dev)):
        if gold.is_file() and corpus.is_dir():
            rows.append(timed(partial(event_set, name, gold, corpus, cache, verbose=verbose)))
        else:
            rows.append(Row(name, note=f"missing: {gold}"))
    if paths.meantime.is_dir():
        rows.append(timed(lambda: meantime_set(paths.meantime, cache, verbose=verbose)))
    else:
        rows.append(Row("MEANTIME value", note=f"missing: {paths.meantime}"))
    if paths.tbaq.is_dir():
        value_row, binding_row = tbaq_sets(paths, cache, verbose=verbose)
        log(f"  TBAQ value + TimeBank binding: {value_row.seconds + (binding_row.seconds if binding_row else 0):.1f} s")
        rows.append(value_row)
        if binding_row is not None:
            rows.append(binding_row)
    else:
        rows.append(Row("TBAQ value", note=f"missing: {paths.tbaq}"))
    if paths.semeval.is_dir():
        rows.append(timed(lambda: timeline_set(paths.semeval, cache)))
    else:
        rows.append(Row("SemEval timelines", note=f"missing: {paths.semeval}"))
    return rows


COLUMNS = ("docs", "n", "recall", "prec", "F1", "status", "date", "place", "order", "base", "secs")


def format_table(rows: list[Row]) -> list[str]:
    """The rows as fixed-width lines, with a legend saying what each figure means per kind of set."""

    def cell(value: float | None) -> str:
        return f"{value:6.3f}" if value is not None else f"{'-':>6}"

    lines = [f"{'set':<18} {'docs':>5} {'n':>5} " + " ".join(f"{c:>6}" for c in COLUMNS[2:])]
    for row in rows:
        figures = (row.recall, row.precision, row.f1, row.status, row.date, row.place, row.order, row.baseline)
        line = f"{row.name:<18} {row.documents:>5} {row.items:>5} " + " ".join(cell(f) for f in figures)
        line += f" {row.seconds:6.1f}"
        lines.append(line + (f"  ({row.note})" if row.note else ""))
    lines += [
        "seed/dev/real-dev: n gold events; recall, precision, F1 of events; status, date, place accuracy",
        "  (place over every matched event: a place where gold states none is wrong).",
        "MEANTIME/TBAQ: n gold TIMEX3; value recall, precision, F1 (TempEval-3).",
        "TimeBank binding: n events with a same-sentence dating TLINK; date = engine binding accuracy,",
        "  base = nearest time expression in the sentence.",
        "SemEval timelines: n dated gold mentions; date = dating accuracy, order = pairwise order accuracy,",
        "  base = dating by the publication date.",
    ]
    return lines
