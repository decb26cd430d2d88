"""The confidence of an event follows the evidence behind it (``events.extraction.confidence``).
Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from events.domain.vocabulary import DateBasis
from events.extraction.confidence import FEATURE_NAMES, WEIGHTS, ConfidenceEvidence, confidence_of
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 10, 17)  # a Thursday

STRONG = ConfidenceEvidence(
    date_basis=DateBasis.EXPLICIT,
    precision="day",
    distance=1,
    borrowed_date=False,
    nominal=False,
    reporting=False,
    hedged=False,
    actors=2,
    has_place=True,
    sentence_rank=0,
)


@pytest.mark.parametrize(
    "weaker",
    [
        pytest.param({"distance": 6}, id="time-far-from-trigger"),
        pytest.param({"date_basis": DateBasis.INFERRED, "borrowed_date": True}, id="date-borrowed"),
        pytest.param({"date_basis": DateBasis.NARRATIVE}, id="date-from-narrative"),
        pytest.param({"reporting": True}, id="reporting-verb"),
        pytest.param({"hedged": True}, id="hedged"),
        pytest.param({"precision": "year"}, id="coarse-date"),
        pytest.param({"has_place": False}, id="no-place"),
        pytest.param({"sentence_rank": 12}, id="background-sentence"),
    ],
)
def test_it_lowers_confidence_for_each_weaker_piece_of_evidence(weaker: dict[str, object]) -> None:
    assert confidence_of(replace(STRONG, **weaker)) < confidence_of(STRONG)  # type: ignore[arg-type]


def test_every_weight_belongs_to_a_named_feature() -> None:
    assert len(WEIGHTS) == len(FEATURE_NAMES)


def test_it_stays_a_probability_short_of_certainty() -> None:
    weakest = replace(
        STRONG,
        date_basis=DateBasis.INFERRED,
        borrowed_date=True,
        distance=12,
        reporting=True,
        hedged=True,
        precision="year",
        has_place=False,
        sentence_rank=40,
    )
    assert 0.05 <= confidence_of(weakest) < 0.2
    assert 0.9 < confidence_of(STRONG) <= 0.99


def test_events_of_one_article_get_confidences_that_differ_with_their_evidence() -> None:
    text = (
        "The two foreign ministers met in Geneva on Tuesday to discuss the grain corridor. "
        "Officials from both delegations described the mood as cordial. "
        "Trade between the two countries has grown for a decade. "
        "Their aides could meet again next month."
    )
    lead, hedged = extract(text, PUBLISHED).events
    assert lead.evidence is not None and hedged.evidence is not None
    assert (lead.evidence.sentence_rank, hedged.evidence.sentence_rank) == (0, 3)
    assert hedged.evidence.hedged and not lead.evidence.hedged
    assert hedged.confidence < lead.confidence


def test_a_time_beyond_the_binding_reach_proposes_no_event() -> None:
    text = "The two foreign ministers met in Geneva on Tuesday."
    assert extract(text, PUBLISHED).events
    assert extract(text, PUBLISHED, ExtractionConfig(max_binding_distance=-1)).events == []
