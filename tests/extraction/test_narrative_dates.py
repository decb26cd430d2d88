"""Dates from outside the sentence (``events.extraction.narrative``): the narrative's time carried to an act
that has none, and another event's date lent to an act inside it or measured from it. Every such date says
how it was reached. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import DateBasis, EventType
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 10, 17)  # a Thursday


def events_of(text: str) -> list[ExtractedEvent]:
    return extract(text, PUBLISHED).events


def of_type(text: str, kind: EventType) -> list[tuple[str, DateBasis]]:
    return [(e.date, e.date_basis) for e in events_of(text) if e.type is kind]


def test_then_carries_the_time_the_text_last_narrated() -> None:
    text = "Rebel fighters seized the river port on March 3, 2019. The army then shelled their positions."
    assert of_type(text, EventType.MILITARY_ACTION) == [("2019-03-03", DateBasis.NARRATIVE)]


def test_at_that_time_carries_the_narrated_day() -> None:
    text = (
        "The coast guard intercepted two fishing boats on June 2, 2022. Nobody was hurt. "
        "At about that time, a patrol plane entered the neighbouring airspace, officials said."
    )
    assert of_type(text, EventType.INCIDENT)[-1] == ("2022-06-02", DateBasis.NARRATIVE)


def test_a_paragraph_in_the_simple_past_goes_on_in_the_year_it_named() -> None:
    text = "In 2011 the two envoys met in a lakeside town. They signed a fisheries truce."
    assert of_type(text, EventType.AGREEMENT) == [("2011", DateBasis.NARRATIVE)]


def test_a_new_paragraph_or_a_reported_clause_takes_no_carried_time() -> None:
    apart = "In 2011 the two envoys met in a lakeside town.\n\nThey signed a fisheries truce."
    reported = "In 2011 the two envoys met in a lakeside town. The paper claimed that they signed a fisheries truce."
    assert of_type(apart, EventType.AGREEMENT) == []
    assert of_type(reported, EventType.AGREEMENT) == []


def test_an_act_during_a_visit_dated_in_the_sentence_before_takes_its_dates() -> None:
    text = (
        "The trade minister is to tour the islands from November 4 to 6, her office said. "
        "She will meet the governor during her visit."
    )
    assert of_type(text, EventType.MEETING) == [("2024-11-04/2024-11-06", DateBasis.INFERRED)]


def test_two_days_after_a_dated_summit_is_two_days_on() -> None:
    text = "The regional summit opens in the capital on Tuesday. Two days after the summit, the premiers will meet."
    assert of_type(text, EventType.MEETING) == [("2024-10-24", DateBasis.INFERRED)]  # the summit: next Tuesday


def test_talks_held_during_a_visit_dated_before_take_its_dates() -> None:
    text = (
        "The prime minister will visit the northern provinces from November 4 to 6, his office said. "
        "He will hold security talks with the regional governors during his visit."
    )
    assert of_type(text, EventType.TALKS) == [("2024-11-04/2024-11-06", DateBasis.INFERRED)]


def test_within_a_story_year_an_act_after_another_keeps_the_year() -> None:
    text = "In 2016 rebels shot down a cargo plane over the hills. After that downing the army began a raid."
    assert ("2016", DateBasis.NARRATIVE) in of_type(text, EventType.MILITARY_ACTION)


def test_a_cancelled_act_is_not_the_same_act_as_one_that_happened() -> None:
    text = (
        "In 2016 rebels shot down a cargo plane over the hills. "
        "President Tamsin Vale cancelled a planned missile strike on the rebel camp."
    )
    kinds = {(e.date, e.status.value) for e in events_of(text) if e.type is EventType.MILITARY_ACTION}
    assert kinds == {("2016", "occurred"), ("2016", "cancelled")}


def test_the_same_act_by_two_sides_that_share_none_is_two_acts() -> None:
    text = (
        "Chilean warships entered the disputed waters on Monday, the navy said. "
        "At that time, two Peruvian frigates entered the disputed waters."
    )
    assert len([e for e in events_of(text) if e.type is EventType.INCIDENT]) == 2


def test_the_story_goes_on_from_the_main_act_not_from_its_background() -> None:
    # The war of 2021 is told only to place the meeting; the next sentences go on from the meeting's day.
    text = (
        "Ostland's envoy met her Zembla counterpart on Wednesday, for the first time since the two states "
        "fought a border war in 2021. Both sides agreed to reopen a border crossing."
    )
    assert of_type(text, EventType.AGREEMENT) == [("2024-10-16", DateBasis.NARRATIVE)]
    # With no act on the main line, the background's time is all the sentence narrates.
    text = "In 2021, after the two states fought a border war, trade stopped. Both sides agreed to reopen ports."
    assert of_type(text, EventType.AGREEMENT) == [("2021", DateBasis.NARRATIVE)]


def test_talks_held_on_the_sidelines_of_a_dated_summit_take_its_date() -> None:
    # The parser hangs the margin on the noun "talks", not on its light verb "held".
    text = "The two premiers held talks on the sidelines of the Norden summit in Port Ostra last March."
    assert of_type(text, EventType.TALKS) == [("2024-03", DateBasis.PUBLICATION)]  # "last March": from publication


def test_an_act_measured_from_the_act_told_just_before_lies_that_far_from_its_day() -> None:
    # PUBLISHED is Thursday 17 October 2024; Monday is the 14th.
    told = "Zembla expelled two Ostland diplomats on Monday. "
    for text, day in [
        (told + "The expulsions came a day after Ostland arrested a Zembla trader.", "2024-10-13"),
        (told + "It came two days after Ostland arrested a Zembla trader.", "2024-10-12"),
    ]:
        assert of_type(text, EventType.DETENTION) == [(day, DateBasis.NARRATIVE)]
    # A subject that names no act told before ("Ostland's envoy") measures from nothing said.
    text = told + "Ostland's envoy flew home a day after Zembla arrested a trader."
    assert of_type(text, EventType.DETENTION) == []
    # Nor from an act told to the month only.
    text = "Zembla expelled two Ostland diplomats last month. The move came a day after Ostland arrested a trader."
    assert of_type(text, EventType.DETENTION) == []


def test_acts_told_as_the_means_of_a_past_verb_go_on_in_the_story_time() -> None:
    text = (
        "In March 2019 a border skirmish left four soldiers dead. Zembla responded by expelling Ostland's "
        "envoy and freezing a fisheries accord."
    )
    assert of_type(text, EventType.EXPULSION) == [("2019-03", DateBasis.NARRATIVE)]
    assert of_type(text, EventType.WITHDRAWAL) == [("2019-03", DateBasis.NARRATIVE)]
    # A gerund that only describes what something shows is no act of the story.
    text = "In March 2019 a border skirmish left four soldiers dead. Footage showed troops expelling villagers."
    assert of_type(text, EventType.EXPULSION) == []


def test_the_date_that_labels_a_line_dates_its_acts() -> None:
    # The lines of a timeline box: a date, a colon, a headline in the present.
    text = (
        "March 2021: A border skirmish kills four soldiers.\n\n"
        "Sept. 30, 2024: Envoys meet in Port Ostra, agree to resume talks."
    )
    dated = {(e.type, e.date, e.status.value) for e in events_of(text)}
    assert dated == {
        (EventType.MILITARY_ACTION, "2021-03", "occurred"),
        (EventType.MEETING, "2024-09-30", "occurred"),
        (EventType.AGREEMENT, "2024-09-30", "occurred"),
    }


def test_a_time_that_opens_the_clause_dates_both_steps_of_one_subject() -> None:
    text = "On Friday the envoys met in Port Ostra and agreed to reopen the border."
    assert of_type(text, EventType.AGREEMENT) == [("2024-10-11", DateBasis.PUBLICATION)]
    # After the verb, the time is the first step's only: the agreement may have come later.
    text = "The envoys met in Port Ostra on Friday and agreed to reopen the border."
    assert of_type(text, EventType.AGREEMENT) == []
