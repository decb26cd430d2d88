"""How long a visit ran when the text says how it ended, what happened during it, the paragraph after a wire
lead, and the one instance of a kind that took place. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found

PUBLISHED = A_FRIDAY


def test_a_visit_ended_or_left_at_its_end_on_a_day_ran_up_to_that_day() -> None:
    assert found("The premier ended a three-day state visit to Peru on Friday.") == [
        (EventType.VISIT, EventStatus.OCCURRED, "2025-03-12/2025-03-14")
    ]
    assert found("The premier left Lima on Friday at the close of a three-day state visit.") == [
        (EventType.VISIT, EventStatus.OCCURRED, "2025-03-12/2025-03-14")
    ]


def test_what_was_done_during_a_visit_told_in_a_relative_clause_is_dated_by_the_visit() -> None:
    text = "The premier ended a three-day visit to Lima on Friday during which the two sides signed six accords."
    assert (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-12/2025-03-14") in found(text)


def test_the_paragraph_after_a_wire_lead_goes_on_with_the_leads_time() -> None:
    text = (
        "Talks collapse\n\nLIMA (Reuters) - Peru on Wednesday ordered two Chilean diplomats to leave within a week."
        "\n\nThe foreign ministry summoned Chile's ambassador to explain the decision, a spokesman said."
    )
    events = extract(text, PUBLISHED).events
    summons = [e for e in events if e.type is EventType.SUMMONS]
    assert [(e.date, e.title) for e in summons] == [("2025-03-12", "Foreign ministry summons Chile's ambassador")]


def test_a_paragraph_further_down_does_not_take_the_leads_time() -> None:
    text = (
        "Talks collapse\n\nLIMA (Reuters) - Peru on Wednesday ordered two Chilean diplomats to leave."
        "\n\nThe decision surprised analysts.\n\nThe foreign ministry summoned Chile's ambassador, a spokesman said."
    )
    assert EventType.SUMMONS not in [e.type for e in extract(text, PUBLISHED).events]


def test_the_one_instance_of_a_kind_that_took_place_is_an_act() -> None:
    text = "The last such summit took place in Quito in November 2019."
    assert found(text) == [(EventType.SUMMIT, EventStatus.OCCURRED, "2019-11")]
    assert found("It was the first such visit since 2011.") == []
    assert found("No such talks were held in 2019.") == []


def test_a_day_named_for_an_earlier_act_does_not_move_the_storys_day() -> None:
    text = (
        "Chile and Peru resumed talks in Quito on Wednesday, days after clashes over the weekend killed six "
        "people. The talks opened at 9 a.m. local time."
    )
    talks = [(kind, date) for kind, _, date in found(text) if kind is EventType.TALKS]
    assert ("2025-03-09" not in [date for _, date in talks]) and ("2025-03-12" in [date for _, date in talks])


def test_a_proper_name_after_a_town_noun_and_of_is_the_town() -> None:
    # The name is not one the gazetteer or the model knows as a place; "the village of" says it is one.
    events = extract("The two envoys met at the hill village of Ostrava Dolna on Tuesday.", PUBLISHED).events
    assert [e.location.name if e.location else None for e in events] == ["Ostrava Dolna"]


def test_the_period_a_pledge_is_for_does_not_date_the_pledging() -> None:
    text = "At the summit in Lima in January, donors agreed a pledge of aid for Chile for the following year."
    agreed = [date for kind, _, date in found(text) if kind is EventType.AGREEMENT]
    assert agreed == ["2025-01"]


def test_an_accord_running_out_is_titled_as_its_end() -> None:
    events = extract("The border truce runs out on March 20.", PUBLISHED).events
    assert [(e.title, e.date) for e in events] == [("Border truce expires", "2025-03-20")]
    events = extract("The sanctions on Peruvian banks expire next month.", PUBLISHED).events
    assert [e.title for e in events] == ["Sanctions expire"]
