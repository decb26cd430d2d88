"""A plan told in the pluperfect no longer holds; a punctual act in the news present is done, a lasting one is
under way. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import A_FRIDAY, found

PUBLISHED = A_FRIDAY


def test_a_pluperfect_plan_for_a_day_still_ahead_no_longer_holds() -> None:
    text = "The president had planned to meet the king in private on Monday, a day before the summit."
    assert (EventType.MEETING, EventStatus.CANCELLED, "2025-03-17") in found(text)
    text = "The minister had planned to visit Quito next month before the trip was put off."
    assert found(text) == [(EventType.VISIT, EventStatus.POSTPONED, "2025-04")]


def test_a_plan_told_as_it_stands_is_scheduled() -> None:
    assert found("The minister plans to visit Quito next month.") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-04")
    ]


def test_a_punctual_act_in_the_news_present_is_done_and_a_lasting_one_under_way() -> None:
    assert found("Chile is imposing export curbs on Peruvian copper, a notice said on Friday.") == [
        (EventType.EXPORT_CONTROL, EventStatus.OCCURRED, "2025-03-14")
    ]
    assert found("The two delegations are meeting in Quito today.") == [
        (EventType.MEETING, EventStatus.ONGOING, "2025-03-14")
    ]


def test_a_headline_to_infinitive_looks_ahead() -> None:
    # Published on a Friday: "from Sunday" in a headline's "to" future is the coming Sunday, not the last one.
    assert found("Chile's president to pay three-day visit to Lima from Sunday") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-16/2025-03-18")
    ]


def test_a_headlines_short_name_and_the_bodys_full_name_tell_one_visit() -> None:
    from events.extraction.pipeline import extract

    text = (
        "President Ruiz to pay three-day visit to Lima from Sunday\n\n"
        "Chilean President Ana Ruiz will pay a three-day visit to Lima from Sunday, her office said."
    )
    visits = [e for e in extract(text, PUBLISHED).events if e.type is EventType.VISIT]
    assert [(e.date, [a.name for a in e.actors]) for e in visits] == [("2025-03-16/2025-03-18", ["Ana Ruiz"])]
    assert visits[0].citation.quote.startswith("Chilean President")
