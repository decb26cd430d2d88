"""Event nouns set before or after a clause's act, acts that are only the topic of a talk, and other kinds
read on news pages the engine had not seen. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import placed, told

# A Monday in March: Thursday is three days ahead, the last one four days back.
A_MARCH_MONDAY = date(2024, 3, 4)


def test_a_noun_set_before_a_past_act_takes_no_direction_from_its_tense() -> None:
    # The drafting is past; the summit comes after it, on either side of the telling: the nearest Thursday.
    text = "Negotiators drafted the communique before the regional summit in Zembla on Thursday."
    assert told(text, A_MARCH_MONDAY) == [(EventType.SUMMIT, EventStatus.SCHEDULED, "2024-03-07")]
    # A noun the past act reaches without a sequence word keeps the past.
    assert told("Ruiz attended the summit on Thursday.", A_MARCH_MONDAY) == [
        (EventType.SUMMIT, EventStatus.OCCURRED, "2024-02-29")
    ]


def test_a_noun_set_after_an_act_ahead_of_it_takes_no_direction_from_that_act() -> None:
    # "to rejoin" lies ahead of the agreeing; the test before it may be past: October 12 is the nearest one.
    text = "Zembla agreed to rejoin the negotiations only weeks after its Oct. 12 rocket test."
    assert told(text, A_MARCH_MONDAY) == [(EventType.WEAPONS_TEST, EventStatus.OCCURRED, "2023-10-12")]


def test_what_preparations_are_made_for_lies_at_the_nearest_such_month() -> None:
    # The halting is past; the summit it was to prepare lies ahead of the preparing: this June.
    text = "Zembla had already frozen its arrangements for the bloc's June summit."
    assert [(kind, day) for kind, _, day in told(text, A_MARCH_MONDAY)] == [(EventType.SUMMIT, "2024-06")]


def test_an_event_that_is_only_what_a_talk_is_about_takes_no_time_from_the_talk() -> None:
    # Yesterday is the conversation's; the visit is the one told above, not another one a day earlier.
    text = (
        "The foreign minister of Zembla arrived in Ostland on Thursday. "
        '"I had a long conversation with the president about this visit yesterday," he said.'
    )
    assert told(text, date(2024, 3, 7)) == [(EventType.VISIT, EventStatus.OCCURRED, "2024-03-07")]


def test_a_done_act_that_only_says_who_the_subject_is_takes_no_time_from_the_main_verb() -> None:
    # The expelling lay before the leaving; Wednesday is the leaving's, so there is one expulsion, on Monday.
    text = (
        "Ostland expelled four Zembla diplomats on Monday. "
        "Diplomats expelled by Ostland were leaving the country on Wednesday."
    )
    assert told(text, date(2024, 3, 7)) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2024-03-04")]
    # A "who" clause in the simple past passive names the person as one in the active does.
    named = "Ruiz, who was convicted of fraud in Ostland, had been living in the Zembla embassy since March."
    assert told(named, date(2024, 5, 7)) == []
    # A verb that only says when the measure runs still dates it.
    assert told("Sanctions imposed by Ostland took effect on Friday.", date(2024, 3, 7)) == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2024-03-01")
    ]


def test_a_span_that_lasts_through_a_day_ends_on_that_day() -> None:
    # A three-day visit through Saturday, told on Thursday: Thursday to Saturday, under way.
    text = "Ruiz's three-day visit to Ostland through Saturday is his first trip abroad."
    assert told(text, date(2024, 3, 7)) == [(EventType.VISIT, EventStatus.ONGOING, "2024-03-07/2024-03-09")]


def test_a_plan_told_above_a_noun_that_only_completes_another_noun_is_not_that_events_plan() -> None:
    # What was planned is the keeping of an agenda; the meeting whose agenda it is took place on Tuesday.
    text = (
        "Quispe said the second session was due to convene in Vilnius and was supposed to keep the agenda of "
        "Tuesday's meeting, which Ruiz chaired."
    )
    assert told(text, date(2024, 3, 7)) == [(EventType.MEETING, EventStatus.OCCURRED, "2024-03-05")]
    # A part of the event is still the event: a plan to attend its opening is a plan for it.
    text = "Ruiz was to attend the opening of the summit on Monday, but he fell ill."
    assert told(text, date(2024, 3, 7)) == [(EventType.SUMMIT, EventStatus.CANCELLED, "2024-03-04")]


def test_supplies_and_deliveries_cut_by_a_state_are_a_measure_and_by_a_storm_are_not() -> None:
    assert told("Zembla cut gas supplies to Ostland on Wednesday.", date(2024, 3, 7)) == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2024-03-06")
    ]
    assert told("Zembla halted oil deliveries to Ostland on Wednesday.", date(2024, 3, 7)) == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2024-03-06")
    ]
    assert told("A storm cut power supplies to the island on Wednesday.", date(2024, 3, 7)) == []


def test_a_measure_ordered_in_the_present_perfect_in_a_lead_is_the_days_news() -> None:
    text = "Ostland has ordered the swift recall of its envoy to Zembla."
    assert told(text, date(2024, 3, 7)) == [(EventType.PROTEST, EventStatus.OCCURRED, "2024-03-07")]
    # What an announcement sets for later has no day yet.
    assert EventType.TALKS not in [
        kind for kind, _, _ in told("Ostland has announced talks with Zembla.", date(2024, 3, 7))
    ]


def test_a_deadline_set_by_an_order_lies_at_the_nearest_such_day() -> None:
    # Told on Thursday: "by Friday" is tomorrow, not the Friday before the order.
    text = "Zembla ordered the closure of the Ostland consulate by Friday."
    assert told(text, date(2024, 3, 7)) == [(EventType.WITHDRAWAL, EventStatus.SCHEDULED, "2024-03-08")]
    # A "by" that ends what was done, with no order, stays in the past.
    assert told("Ostland had withdrawn its troops by Friday.", date(2024, 3, 7)) == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-03-01")
    ]


def test_a_decision_announced_is_the_decided_act_told_once() -> None:
    text = "Zembla announced on Monday its decision to cut diplomatic ties with Ostland."
    assert told(text, date(2024, 3, 7)) == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-03-04")]
    lead = "Zembla has now announced the decision to sever relations with Ostland."
    assert told(lead, date(2024, 3, 7)) == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-03-07")]


def test_a_comma_typed_with_no_space_between_a_month_and_its_day_still_gives_the_day() -> None:
    text = "At the summit on March,14, 2023, the two leaders signed a pact."
    assert told(text, date(2025, 3, 7)) == [
        (EventType.SUMMIT, EventStatus.OCCURRED, "2023-03-14"),
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2023-03-14"),
    ]
    # A comma followed by a space after a month ends the phrase: fourteen people, not a day.
    assert told("In March, 14 people died in clashes on the border.", date(2025, 3, 7))[0][2] == "2025-03"


def test_a_bare_participle_of_charging_names_the_charge_and_accuses_no_one() -> None:
    # Zembla is who stands accused; the act Ruiz did on Monday beside the asking is the trade suspended.
    text = (
        "Ruiz on Monday asked Zembla for an apology, accused of sinking an Ostland boat, and suspended trade with it."
    )
    assert told(text, date(2024, 3, 8)) == [(EventType.SANCTION, EventStatus.OCCURRED, "2024-03-04")]
    # Accusing someone of it is still told.
    assert told("Ostland on Monday accused Zembla of sinking a ship.", date(2024, 3, 8)) == [
        (EventType.STATEMENT, EventStatus.OCCURRED, "2024-03-04")
    ]


def test_talks_told_again_by_a_synonym_naming_no_side_are_the_same_talks() -> None:
    text = "Peace talks will restart next week. Negotiations should restart at some point next week, an aide said."
    assert told(text, date(2024, 3, 8)) == [(EventType.TALKS, EventStatus.SCHEDULED, "2024-03-11/2024-03-17")]


def test_a_capitalised_common_noun_after_at_names_no_venue() -> None:
    assert placed("Ruiz will meet the foreign minister of Ostland at the Ministry on Monday.") == [
        (EventType.MEETING, None)
    ]
    # A name of its own still does.
    assert placed("Ruiz will meet the foreign minister of Ostland at the Vostok Palace on Monday.") == [
        (EventType.MEETING, "Vostok Palace")
    ]


def test_what_one_has_yet_to_arrive_for_lies_ahead() -> None:
    # Tuesday the 5th is three days back, the 12th four ahead: the coming is still awaited, so is the talks' day.
    text = "The Ostland delegates have yet to arrive in Zembla for the talks on Tuesday."
    assert told(text, date(2024, 3, 8)) == [(EventType.TALKS, EventStatus.SCHEDULED, "2024-03-12")]


def test_a_resumption_of_talks_refers_back_to_talks_already_named() -> None:
    # Wednesday tells the coming week's talks more exactly: one event, on Wednesday.
    text = (
        "Peace talks between Zembla and Ostland will restart next week, officials said. "
        "A resumption of the negotiations is planned for Wednesday, an aide said."
    )
    assert told(text, date(2024, 3, 8)) == [(EventType.TALKS, EventStatus.SCHEDULED, "2024-03-13")]


def test_leave_to_pass_or_land_refused_is_a_rejection() -> None:
    text = "Zembla and Ostland refused on Tuesday to let the president's plane cross their airspace."
    assert told(text, date(2024, 3, 8)) == [(EventType.REJECTION, EventStatus.OCCURRED, "2024-03-05")]
    denied = "Zembla denied the president's plane permission to fly over its territory on Tuesday."
    assert told(denied, date(2024, 3, 8)) == [(EventType.REJECTION, EventStatus.OCCURRED, "2024-03-05")]
    # Refusing to speak is no refusal of leave.
    assert told("The minister refused to comment on Tuesday.", date(2024, 3, 8)) == []


def test_a_first_date_told_on_the_copula_of_a_plan_word_is_put_off() -> None:
    # "initially" sits on "were", the plan word is "due", the time on "open": this week's date was moved.
    text = "The talks were initially due to open this week."
    assert told(text, date(2024, 3, 8)) == [(EventType.TALKS, EventStatus.POSTPONED, "2024-03-04/2024-03-10")]
