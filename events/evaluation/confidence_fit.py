"""Fitting the engine's confidence (``events.extraction.confidence``) on the hand-checked event sets.

Every proposal of the engine on ``seed``, ``dev`` and ``real-dev`` is labelled right (it matches a required
gold event: the sentence holds the gold quote and the date is right) or wrong (it matches none); one that
finds an optional gold event is left out, as precision leaves it out.

Two steps. The weights are a logistic fit of right/wrong on the evidence's features over all three sets,
each weight under a Gaussian prior (``PRIOR_VARIANCE``): the sets hold few wrong proposals, and the prior
keeps a feature seen on a handful of them from a large weight. Then, with the weights fixed, the intercept
is fitted again on real-dev alone (``CALIBRATION_SET``): the dev set is fiction written alongside the
engine, which gets nearly all of it right, and a probability calibrated on it would promise unseen
journalism more than the engine delivers. Leave-one-article-out on real-dev chose this over fitting on
real-dev alone and over fitting on everything (``bench/confidence_reliability.py`` prints the comparison).

    DEBUG=true .venv/bin/python -m events.evaluation.confidence_fit

prints the constants to paste into ``events/extraction/confidence.py``. The fit uses all three sets: the
dev set (fiction written for the project) says what the engine gets right, real-dev (journalism) most of
what it gets wrong. ``bench/confidence_reliability.py`` reports the result, also fitted on half the
real-dev articles and measured on the other half.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from events.evaluation.calibration import fit_intercept, fit_logistic
from events.evaluation.parse_cache import ParseCache
from events.evaluation.scoring.events import GoldEvent, load_gold, score_file
from events.evaluation.suite import Paths
from events.extraction.confidence import FEATURE_NAMES, ConfidenceEvidence, features

PRIOR_VARIANCE = 0.5
EVENT_SETS = ("seed", "dev", "real-dev")
CALIBRATION_SET = "real-dev"


@dataclass(frozen=True)
class Proposal:
    """One event the engine proposed, with its evidence and whether the gold agrees."""

    set_name: str
    article: str
    evidence: ConfidenceEvidence
    confidence: float
    right: bool


def _set_files(paths: Paths, name: str) -> tuple[Path, Path]:
    return {"seed": paths.seed, "dev": paths.dev, "real-dev": paths.real_dev}[name]


def proposals(paths: Paths, cache: ParseCache, sets: Iterable[str] = EVENT_SETS) -> list[Proposal]:
    """The labelled proposals of the engine on the named sets (a set whose gold is absent is skipped)."""
    from events.evaluation.corpus import predictions_of
    from events.extraction.cleaning import clean_document
    from events.extraction.pipeline import extract_parsed

    found: list[Proposal] = []
    for set_name in sets:
        gold_path, corpus = _set_files(paths, set_name)
        if not gold_path.is_file():
            continue
        gold: dict[str, tuple[date | None, list[GoldEvent]]] = load_gold(json.loads(gold_path.read_text("utf-8")))
        names = sorted(gold)
        pages = [
            clean_document(
                (corpus / n).read_text(encoding="utf-8", errors="replace"),
                is_html=n.lower().endswith((".html", ".htm")),
            )
            for n in names
        ]
        docs = cache.docs([page.text[: cache.config.max_chars] for page in pages])
        for name, page, doc in zip(names, pages, docs, strict=True):
            result = extract_parsed(doc, gold[name][0] or page.published, cache.config)
            predicted = predictions_of(result)
            score = score_file(name, gold[name][1], predicted)
            wrong = {id(p) for p in score.false}
            optional = {id(p) for p in score.optional}
            for event, prediction in zip(result.events, predicted, strict=True):
                if id(prediction) in optional or event.evidence is None:
                    continue
                found.append(Proposal(set_name, name, event.evidence, event.confidence, id(prediction) not in wrong))
    return found


def fit(
    rows: Sequence[Proposal], prior_variance: float = PRIOR_VARIANCE, calibration_set: str | None = CALIBRATION_SET
) -> tuple[float, tuple[float, ...]]:
    """Intercept and weights (``FEATURE_NAMES`` order) fitted on ``rows``; the intercept on the rows of
    ``calibration_set`` alone when it names a set present in ``rows``."""
    intercept, weights = fit_logistic([(features(p.evidence), p.right) for p in rows], prior_variance=prior_variance)
    calibration = [p for p in rows if p.set_name == calibration_set]
    if calibration:
        offsets = [sum(w * x for w, x in zip(weights, features(p.evidence), strict=True)) for p in calibration]
        intercept = fit_intercept(offsets, [p.right for p in calibration])
    return intercept, weights


def default_paths() -> Paths:
    root = Path(__file__).resolve().parents[2]
    return Paths(shared=root.parent / "shared", devgold=root / "tests" / "extraction" / "devgold")


def default_cache() -> ParseCache:
    from events.extraction.config import ExtractionConfig

    root = Path(__file__).resolve().parents[2]
    return ParseCache(ExtractionConfig(), root / "var" / "evaluate-parses")


def main() -> None:
    rows = proposals(default_paths(), default_cache())
    intercept, weights = fit(rows)
    wrong = sum(not p.right for p in rows)
    print(
        f"# weights fitted on {len(rows)} proposals ({wrong} wrong) of {', '.join(EVENT_SETS)}; "
        f"intercept on {CALIBRATION_SET}; prior variance {PRIOR_VARIANCE}",
        file=sys.stderr,
    )
    print(f"INTERCEPT = {intercept:.3f}")
    print("WEIGHTS: tuple[float, ...] = (")
    for name, weight in zip(FEATURE_NAMES, weights, strict=True):
        print(f"    {weight:.3f},  # {name}")
    print(")")


if __name__ == "__main__":
    main()
