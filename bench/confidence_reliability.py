"""Reliability and discrimination of the engine's confidence on the hand-checked event sets (issue 17).

Runs the engine over seed, dev (tests/extraction/devgold) and real-dev (shared/corpus/real-dev) through the
evaluation's parse cache, labels each proposal right (matches a required gold event: quote and date) or
wrong, and prints, for the previous engine's confidence ("before") and the calibrated one ("after"):

1. per set, a reliability table (confidence bin x proposals, mean confidence, share right) and the figures
   AUC (chance that a right proposal scores above a wrong one), Brier score beside the Brier score of one
   constant (the set's own share right, a bar the constant could only reach by knowing it), and ECE;
2. a split: the model fitted (``events.evaluation.confidence_fit.fit``) with half the real-dev articles and
   measured on the other half, both ways round, the held-out halves pooled;
3. leave-one-article-out on real-dev for three ways of fitting (real-dev only; all sets; weights on all
   sets and the intercept on real-dev, the shipped choice) against a constant fitted the same way.

    .venv/bin/python bench/confidence_reliability.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.evaluation.calibration import (  # noqa: E402
    auc,
    brier,
    expected_calibration_error,
    log_loss,
    reliability,
)
from events.evaluation.confidence_fit import (  # noqa: E402
    EVENT_SETS,
    Proposal,
    default_cache,
    default_paths,
    fit,
    proposals,
)
from events.extraction.confidence import ConfidenceEvidence, features, logistic  # noqa: E402

Pairs = list[tuple[float, bool]]


def before(evidence: ConfidenceEvidence) -> float:
    """The engine's confidence before calibration: 0.85 less 0.05 per tree step beyond two, 0.6 for a
    borrowed date, four fifths of that for a reporting verb."""
    score = 0.85 - 0.05 * max(0, evidence.distance - 2)
    if evidence.borrowed_date:
        score = 0.6
    if evidence.reporting:
        score *= 0.8
    return max(0.05, min(1.0, score))


def figures(pairs: Pairs, constant: float | None = None) -> str:
    share = sum(ok for _, ok in pairs) / len(pairs)
    rate = share if constant is None else constant
    found = auc(pairs)
    return (
        f"n={len(pairs)} wrong={sum(not ok for _, ok in pairs)} share right={share:.3f} "
        f"mean conf={sum(p for p, _ in pairs) / len(pairs):.3f} distinct={len({round(p, 3) for p, _ in pairs})} | "
        f"AUC={'-' if found is None else f'{found:.3f}'} Brier={brier(pairs):.4f} "
        f"(constant {rate:.3f}: {brier([(rate, ok) for _, ok in pairs]):.4f}) "
        f"log loss={log_loss(pairs):.3f} (constant {log_loss([(rate, ok) for _, ok in pairs]):.3f}) "
        f"ECE={expected_calibration_error(pairs):.3f}"
    )


def table(pairs: Pairs) -> list[str]:
    lines = [f"    {'confidence':<11} {'proposals':>9} {'mean conf':>10} {'share right':>12}"]
    for row in reliability(pairs):
        lines.append(
            f"    {row.low:.2f}-{row.high:.2f}   {row.count:>9} {row.mean_probability:>10.3f} {row.observed:>12.3f}"
        )
    return lines


def report(title: str, pairs: Pairs, constant: float | None = None) -> None:
    print(f"  {title}: {figures(pairs, constant)}")
    print("\n".join(table(pairs)))


def model(rows: Sequence[Proposal], **options: object) -> Callable[[ConfidenceEvidence], float]:
    intercept, weights = fit(rows, **options)  # type: ignore[arg-type]
    return lambda evidence: logistic(intercept, weights, features(evidence))


def main() -> None:
    rows = proposals(default_paths(), default_cache())
    real = [p for p in rows if p.set_name == "real-dev"]
    others = [p for p in rows if p.set_name != "real-dev"]

    print("1. Shipped constants, per set (in-sample: these sets fitted them)\n")
    for set_name in EVENT_SETS:
        inside = [p for p in rows if p.set_name == set_name]
        if not inside:
            continue
        print(f"{set_name}")
        report("before", [(before(p.evidence), p.right) for p in inside])
        report("after ", [(p.confidence, p.right) for p in inside])
        print()

    articles = sorted({p.article for p in real}, key=lambda name: int("".join(c for c in name if c.isdigit()) or 0))
    halves = (set(articles[0::2]), set(articles[1::2]))
    print("2. Split: fitted with seed, dev and one half of the real-dev articles, measured on the other half\n")
    held_out: Pairs = []
    held_out_before: Pairs = []
    held_out_constant: Pairs = []
    for fit_half, test_half in (halves, halves[::-1]):
        train = others + [p for p in real if p.article in fit_half]
        test = [p for p in real if p.article in test_half]
        score = model(train)
        share = sum(p.right for p in train if p.set_name == "real-dev") / sum(
            1 for p in train if p.set_name == "real-dev"
        )
        pairs = [(score(p.evidence), p.right) for p in test]
        print(f"fit on {sorted(fit_half)}\nmeasured on {sorted(test_half)}")
        report("before", [(before(p.evidence), p.right) for p in test], share)
        report("after ", pairs, share)
        print()
        held_out += pairs
        held_out_before += [(before(p.evidence), p.right) for p in test]
        held_out_constant += [(share, p.right) for p in test]
    print("both held-out halves pooled (constant = the fitting half's share right)")
    print(f"  constant: Brier={brier(held_out_constant):.4f} log loss={log_loss(held_out_constant):.3f}")
    report("before", held_out_before)
    report("after ", held_out)

    print("\n3. Leave one real-dev article out: fitted without it, measured on it, pooled\n")
    choices: dict[str, Callable[[list[Proposal]], Callable[[ConfidenceEvidence], float]]] = {
        "real-dev only": lambda train: model(train, calibration_set=None),
        "all sets": lambda train: model(train + others, calibration_set=None),
        "all sets, intercept on real-dev (shipped)": lambda train: model(train + others),
    }
    constant: Pairs = []
    for article in articles:
        train = [p for p in real if p.article != article]
        share = sum(p.right for p in train) / len(train)
        constant += [(share, p.right) for p in real if p.article == article]
    name = "constant (share right without the article)"
    print(f"  {name:<44} Brier={brier(constant):.4f} log loss={log_loss(constant):.3f}")
    for label, make in choices.items():
        left_out: Pairs = []
        for article in articles:
            score = make([p for p in real if p.article != article])
            left_out += [(score(p.evidence), p.right) for p in real if p.article == article]
        found = auc(left_out)
        print(
            f"  {label:<44} Brier={brier(left_out):.4f} log loss={log_loss(left_out):.3f} "
            f"AUC={'-' if found is None else f'{found:.3f}'}"
        )


if __name__ == "__main__":
    main()
