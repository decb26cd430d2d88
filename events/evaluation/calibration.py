"""Figures of a probability against what happened: reliability bins, Brier score, AUC, and a small
logistic fit. Pure Python over (probability, outcome) pairs; nothing here knows about events."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

# Bin edges of the reliability table: narrow where the engine's confidences crowd.
BIN_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0)


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_probability: float
    observed: float  # share of outcomes that were right


def reliability(pairs: Sequence[tuple[float, bool]], edges: Sequence[float] = BIN_EDGES) -> list[ReliabilityBin]:
    """One row per non-empty bin [low, high) (the last bin includes 1.0)."""
    rows = []
    for position, (low, high) in enumerate(itertools.pairwise(edges)):
        last = position == len(edges) - 2
        inside = [(p, ok) for p, ok in pairs if low <= p < high or (last and p == high)]
        if inside:
            rows.append(
                ReliabilityBin(
                    low,
                    high,
                    len(inside),
                    sum(p for p, _ in inside) / len(inside),
                    sum(ok for _, ok in inside) / len(inside),
                )
            )
    return rows


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], edges: Sequence[float] = BIN_EDGES) -> float:
    """Mean gap between a bin's mean probability and its observed share, weighted by the bin's size."""
    if not pairs:
        return 0.0
    return sum(b.count * abs(b.mean_probability - b.observed) for b in reliability(pairs, edges)) / len(pairs)


def brier(pairs: Sequence[tuple[float, bool]]) -> float:
    """Mean squared gap between probability and outcome (0 is perfect)."""
    return sum((p - ok) ** 2 for p, ok in pairs) / len(pairs) if pairs else 0.0


def constant_brier(pairs: Sequence[tuple[float, bool]], rate: float) -> float:
    """The Brier score of saying ``rate`` for every item: the bar a discriminating score must clear."""
    return brier([(rate, ok) for _, ok in pairs])


def auc(pairs: Sequence[tuple[float, bool]]) -> float | None:
    """Probability that a right item scores above a wrong one (ties count half); None without both kinds."""
    right = [p for p, ok in pairs if ok]
    wrong = [p for p, ok in pairs if not ok]
    if not right or not wrong:
        return None
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def fit_logistic(
    rows: Sequence[tuple[Sequence[float], bool]], *, prior_variance: float = 1.0, iterations: int = 50
) -> tuple[float, tuple[float, ...]]:
    """Intercept and weights of a logistic model by Newton's method, each weight (not the intercept) under a
    Gaussian prior of mean 0 and ``prior_variance``: with a few dozen wrong items, an unpenalised fit would
    give a feature seen only on right items an infinite weight."""
    import numpy as np

    inputs = np.array([[1.0, *x] for x, _ in rows], dtype=float)
    outcomes = np.array([float(ok) for _, ok in rows])
    penalty = np.full(inputs.shape[1], 1.0 / prior_variance)
    penalty[0] = 0.0
    beta = np.zeros(inputs.shape[1])
    for _ in range(iterations):
        probabilities = 1.0 / (1.0 + np.exp(-(inputs @ beta)))
        gradient = inputs.T @ (outcomes - probabilities) - penalty * beta
        curvature = (inputs * (probabilities * (1 - probabilities))[:, None]).T @ inputs + np.diag(penalty)
        step = np.linalg.solve(curvature, gradient)
        beta = beta + step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    return float(beta[0]), tuple(float(b) for b in beta[1:])


def log_loss(pairs: Sequence[tuple[float, bool]]) -> float:
    eps = 1e-9
    return -sum(math.log(max(eps, p if ok else 1 - p)) for p, ok in pairs) / len(pairs) if pairs else 0.0


def fit_intercept(offsets: Sequence[float], outcomes: Sequence[bool], *, iterations: int = 100) -> float:
    """The intercept that makes a logistic model with fixed per-item ``offsets`` (weights times inputs)
    predict, on average, the observed share of right outcomes (the maximum-likelihood intercept)."""
    intercept = 0.0
    for _ in range(iterations):
        probabilities = [1.0 / (1.0 + math.exp(-(intercept + s))) for s in offsets]
        gradient = sum(ok - p for ok, p in zip(outcomes, probabilities, strict=True))
        curvature = sum(p * (1 - p) for p in probabilities)
        if curvature <= 0:
            break
        step = gradient / curvature
        intercept += step
        if abs(step) < 1e-12:
            break
    return intercept
