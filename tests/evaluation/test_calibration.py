"""Figures of a probability against outcomes (``events.evaluation.calibration``)."""

from __future__ import annotations

import math

import pytest

from events.evaluation.calibration import (
    auc,
    brier,
    expected_calibration_error,
    fit_intercept,
    fit_logistic,
    reliability,
)


def test_reliability_bins_count_and_share_right() -> None:
    pairs = [(0.95, True), (0.92, True), (0.91, False), (0.55, False), (1.0, True)]
    rows = {(r.low, r.high): r for r in reliability(pairs)}
    assert rows[(0.9, 0.95)].count == 2 and rows[(0.9, 0.95)].observed == pytest.approx(0.5)
    assert rows[(0.95, 1.0)].count == 2  # 1.0 falls in the last bin
    assert rows[(0.5, 0.6)].observed == 0.0


def test_auc_ranks_right_above_wrong_and_counts_ties_half() -> None:
    assert auc([(0.9, True), (0.2, False)]) == 1.0
    assert auc([(0.2, True), (0.9, False)]) == 0.0
    assert auc([(0.5, True), (0.5, False)]) == 0.5
    assert auc([(0.5, True)]) is None


def test_brier_and_calibration_error_are_zero_only_when_sure_and_right() -> None:
    assert brier([(1.0, True), (0.0, False)]) == 0.0
    assert brier([(0.5, True)]) == 0.25
    assert expected_calibration_error([(0.75, True), (0.75, True), (0.75, True), (0.75, False)]) == 0.0


def test_the_fit_gives_a_feature_that_marks_wrong_items_a_negative_weight() -> None:
    rows = [((0.0,), True)] * 18 + [((0.0,), False)] * 2 + [((1.0,), True)] * 5 + [((1.0,), False)] * 5
    intercept, (weight,) = fit_logistic(rows, prior_variance=100.0)
    assert weight < -1.5
    assert 1 / (1 + math.exp(-intercept)) == pytest.approx(0.9, abs=0.02)


def test_the_prior_shrinks_a_weight_seen_on_few_items() -> None:
    rows = [((0.0,), True)] * 20 + [((1.0,), False)] * 2
    _, (loose,) = fit_logistic(rows, prior_variance=100.0)
    _, (tight,) = fit_logistic(rows, prior_variance=0.1)
    assert loose < tight < 0


def test_the_refitted_intercept_matches_the_share_right() -> None:
    offsets = [0.0, -1.0, 0.5, 0.0, -0.5]
    outcomes = [True, False, True, True, True]
    intercept = fit_intercept(offsets, outcomes)
    mean = sum(1 / (1 + math.exp(-(intercept + s))) for s in offsets) / len(offsets)
    assert mean == pytest.approx(0.8)
