"""The event scorer on tiny hand-made gold."""

from __future__ import annotations

from events.evaluation.scoring.events import GoldEvent, PredictedEvent, score_file

GOLD = [
    GoldEvent(quote="arrived in Oslo on Monday", date="2024-06-10", status="occurred", locations=("Oslo",)),
    GoldEvent(quote="talks earlier in the week", date="2024-06-10/2024-06-16", status="occurred", week=True),
    GoldEvent(quote="may sign a deal", date="2024-07", status="scheduled", optional=True),
]


def predicted(sentence: str, day: str, status: str = "occurred", place: str | None = None) -> PredictedEvent:
    return PredictedEvent(sentence=sentence, date=day, status=status, location=place)


def test_it_matches_on_quote_and_date_and_counts_one_to_one() -> None:
    sentence = "The envoy arrived in Oslo on Monday."
    score = score_file("a", GOLD, [predicted(sentence, "2024-06-10", place="Oslo"), predicted(sentence, "2024-06-10")])
    assert score.matched_required == 1
    assert score.precision == 0.5  # the second extraction of the same event is a false one
    assert score.recall == 0.5
    assert score.location_accuracy == 1.0


def test_it_rejects_a_wrong_date_and_accepts_any_day_of_a_week() -> None:
    score = score_file(
        "a",
        GOLD,
        [
            predicted("The envoy arrived in Oslo on Monday.", "2024-06-11"),
            predicted("They held talks earlier in the week.", "2024-06-13"),
        ],
    )
    assert score.matched_required == 1 and score.missed[0].quote == "arrived in Oslo on Monday"
    assert score.quote_found == 2 and score.date_accuracy == 0.5


def test_it_neither_requires_nor_penalises_optional_events() -> None:
    score = score_file("a", GOLD, [predicted("They may sign a deal in July.", "2024-07", status="scheduled")])
    assert score.matched_optional == 1
    assert score.required == 2 and score.recall == 0.0
    assert score.false == []
    assert score.precision == 1.0  # no counted extraction is false


def test_it_names_the_extractions_that_found_optional_events() -> None:
    found = predicted("They may sign a deal in July.", "2024-07", status="scheduled")
    other = predicted("The envoy arrived in Oslo on Monday.", "2024-06-10")
    score = score_file("a", GOLD, [found, other])
    assert score.optional == [found]


def test_it_scores_interval_starts_and_status() -> None:
    gold = [GoldEvent(quote="two days of talks", date="2024-06-10/2024-06-11", status="scheduled")]
    score = score_file("a", gold, [predicted("Two days of talks begin today.", "2024-06-10", status="occurred")])
    assert score.matched_required == 1 and score.status_accuracy == 0.0


def test_a_place_given_where_the_text_states_none_counts_as_wrong() -> None:
    gold = [
        GoldEvent(quote="spoke by phone on Monday", date="2024-06-10", status="occurred"),
        GoldEvent(quote="met in Lima on Tuesday", date="2024-06-11", status="occurred", locations=("Lima",)),
    ]
    guessed = [
        predicted("The two ministers spoke by phone on Monday.", "2024-06-10", place="Lima"),
        predicted("They met in Lima on Tuesday.", "2024-06-11", place="Lima"),
    ]
    score = score_file("a", gold, guessed)
    assert score.location_accuracy == 0.5
    assert score.location_stated_accuracy == 1.0  # the narrower figure only sees the stated place
    assert [g.quote for g, _ in score.wrong_place] == ["spoke by phone on Monday"]
    guessed[0] = predicted("The two ministers spoke by phone on Monday.", "2024-06-10")
    assert score_file("a", gold, guessed).location_accuracy == 1.0  # no place where none is stated is right


def test_it_lists_the_wrong_status_and_the_dates_given_for_a_misdated_event() -> None:
    gold = [
        GoldEvent(quote="talks opened in Ostra", date="2024-06-10", status="occurred"),
        GoldEvent(quote="the envoy will visit Varel", date="2024-07", status="scheduled"),
    ]
    found = [
        predicted("The talks opened in Ostra on Monday.", "2024-06-10", status="ongoing"),
        predicted("In July the envoy will visit Varel.", "2025-07", status="scheduled"),
    ]
    score = score_file("a", gold, found)
    assert [(g.quote, p.status) for g, p in score.wrong_status] == [("talks opened in Ostra", "ongoing")]
    assert [(g.quote, [p.date for p in ps]) for g, ps in score.wrong_date] == [
        ("the envoy will visit Varel", ["2025-07"])
    ]
    assert [g.quote for g in score.missed] == ["the envoy will visit Varel"]
