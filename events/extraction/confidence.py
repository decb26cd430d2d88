"""How likely a proposed event is to be right: a calibrated probability from the evidence behind it.

An event is right when an editor would keep it with its date: the sentence reports a real happening and
the date the engine gave it is the one the text supports. What predicts that is how the event was found,
not what it is about, so the evidence is all of that kind: how the date was reached (``DateBasis``),
how tightly the time hangs on the trigger in the tree, whether the trigger is a verb or a noun named in
passing, whether a weak modal ("could", "may") governs it, whether the sentence names who and where, and
whether the sentence is the story's lead or its background.

The score is a logistic model over those features. Its weights are constants fitted on the hand-checked
event sets by ``events.evaluation.confidence_fit`` (``python -m events.evaluation.confidence_fit`` prints
them); ``bench/confidence_reliability.py`` reports how well the result is calibrated. Change a feature
here and fit again: the weights below belong to exactly these features.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from events.domain.vocabulary import DateBasis


@dataclass(frozen=True)
class ConfidenceEvidence:
    """What the engine knew when it proposed the event (nothing about the event's subject)."""

    date_basis: DateBasis
    # "day", "month", "year", ... of the time expression that dated the event (None: not known).
    precision: str | None
    # Tree distance between the trigger (or its light verb) and the time expression.
    distance: int
    # The date is the host event's: taken from the event this one is attached to or coordinated with.
    borrowed_date: bool
    # The trigger is a noun ("the talks", "a blockade") rather than a verb of the clause.
    nominal: bool
    # A reporting act ("said", "announced") rather than the happening itself.
    reporting: bool
    # A weak modal or hedge governs the trigger ("could meet", "may visit", "possibly").
    hedged: bool
    actors: int
    has_place: bool
    # 0 for the article's first sentence (the lead), counting sentences of the clean text.
    sentence_rank: int


# Sentences before this rank are the story's lead, where the news is; later ones are often background.
LEAD_SENTENCES = 3

FEATURE_NAMES = (
    "far_binding",
    "date_not_own",
    "reporting",
    "hedged",
    "coarse_date",
    "no_place",
    "background",
)


def features(evidence: ConfidenceEvidence) -> tuple[float, ...]:
    """The model's inputs, in ``FEATURE_NAMES`` order; each is 0 for the strongest case: a day-precision
    date bound closely to its trigger in the lead, stated or counted from the publication date, with a
    place. Who acts is not among them: on the fitting sets it told right from wrong no better than chance."""
    return (
        float(max(0, evidence.distance - 2)),
        float(evidence.borrowed_date or evidence.date_basis in {DateBasis.NARRATIVE, DateBasis.INFERRED}),
        float(evidence.reporting),
        float(evidence.hedged),
        float(evidence.precision not in {"day", None}),
        float(not evidence.has_place),
        float(evidence.sentence_rank >= LEAD_SENTENCES),
    )


# Fitted by ``python -m events.evaluation.confidence_fit`` (see that module for the data and the prior).
# Weights from seed, dev and real-dev (223 proposals, 13 wrong), the intercept from real-dev alone.
INTERCEPT = 2.917
WEIGHTS: tuple[float, ...] = (
    -0.435,  # far_binding
    -0.647,  # date_not_own
    -0.608,  # reporting
    -0.154,  # hedged
    -0.527,  # coarse_date
    -0.946,  # no_place
    -0.450,  # background
)

# A probability is never certain either way: the fit saw a few hundred proposals.
FLOOR, CEILING = 0.05, 0.99


def logistic(intercept: float, weights: tuple[float, ...], inputs: tuple[float, ...]) -> float:
    score = intercept + sum(w * x for w, x in zip(weights, inputs, strict=True))
    return 1.0 / (1.0 + math.exp(-score))


def confidence_of(evidence: ConfidenceEvidence) -> float:
    """The estimated probability that an editor keeps the event with its date."""
    probability = logistic(INTERCEPT, WEIGHTS, features(evidence))
    return round(max(FLOOR, min(CEILING, probability)), 3)
