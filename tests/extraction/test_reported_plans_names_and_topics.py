"""Acts told in the pluperfect by a dated report, the bodies a pronoun stands for, titles joined by a hyphen,
plans put off to a later day, events held in a lead's present perfect, undoing and reaching words, talking
to counterparts, drills told twice, times of other acts (a participle on another verb's object, a source, an
old coup beside a plan), words of a name, and what is only discussed. Every sentence here was written for
this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import ActorRole, EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import told

A_MARCH_FRIDAY = date(2024, 3, 8)


def test_an_act_a_dated_report_tells_in_the_pluperfect_is_dated_by_the_report() -> None:
    (event,) = extract("Peru said on Tuesday that it had recalled its ambassador to Mexico.", A_MARCH_FRIDAY).events
    assert (event.type, event.status, event.date) == (EventType.PROTEST, EventStatus.OCCURRED, "2024-03-05")
    # A verb that only shares another verb's "had" is not read so: the saying stays the news.
    text = "Peru's foreign ministry said on Tuesday that the two envoys had argued and accused each other of lying."
    assert [e.type for e in extract(text, A_MARCH_FRIDAY).events] == [EventType.STATEMENT]


def test_it_after_a_state_s_ministry_that_says_is_that_state() -> None:
    text = "Peru's foreign ministry said on Tuesday that it recalled its ambassador to Mexico."
    (event,) = extract(text, A_MARCH_FRIDAY).events
    assert event.type is EventType.PROTEST
    assert [a.name for a in event.actors if a.role is ActorRole.INITIATOR] == ["Peru"]


def test_a_title_with_a_prefix_joined_by_a_hyphen_is_one_word() -> None:
    (event,) = extract("Bolivia detained a former vice-president on Thursday.", A_MARCH_FRIDAY).events
    assert event.type is EventType.DETENTION
    assert "vice-president" in event.title


def test_police_who_raid_an_embassy_use_force() -> None:
    assert told("Bolivian police raided the Peruvian embassy on Thursday.", A_MARCH_FRIDAY) == [
        (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2024-03-07")
    ]


def test_a_visit_put_off_on_one_day_is_dated_by_the_later_day_it_was_planned_for() -> None:
    assert told("Ruiz on Tuesday postponed her visit to Chile next month.", A_MARCH_FRIDAY) == [
        (EventType.VISIT, EventStatus.POSTPONED, "2024-04")
    ]


def test_an_event_a_lead_says_was_taken_up_again_is_the_news_of_the_day() -> None:
    assert told("Sudan and Chad have resumed talks in Jeddah.", A_MARCH_FRIDAY) == [
        (EventType.TALKS, EventStatus.OCCURRED, "2024-03-08")
    ]
    # A count of rounds sums up what went before; a proposal holds nothing yet.
    assert told("Sudan and Chad have held three rounds of talks in Jeddah.", A_MARCH_FRIDAY) == []
    assert told("Sudan and Chad have proposed talks in Jeddah.", A_MARCH_FRIDAY) == []


def test_a_withdrawal_revoked_or_reversed_is_called_off_and_talks_interrupted_are_put_off() -> None:
    assert told("Chile's withdrawal from the court was revoked in February.", A_MARCH_FRIDAY) == [
        (EventType.WITHDRAWAL, EventStatus.CANCELLED, "2024-02")
    ]
    assert told("Peru reversed its withdrawal from the treaty in February.", A_MARCH_FRIDAY) == [
        (EventType.WITHDRAWAL, EventStatus.CANCELLED, "2024-02")
    ]
    assert told("Talks between the government and the rebels were interrupted in 2018.", A_MARCH_FRIDAY) == [
        (EventType.TALKS, EventStatus.POSTPONED, "2018")
    ]


def test_a_consensus_reached_is_an_agreement_and_what_it_is_on_is_not_its_place() -> None:
    (event,) = extract(
        "Leaders of the bloc reached a consensus on Thursday on the crisis in Myanmar.", A_MARCH_FRIDAY
    ).events
    assert (event.type, event.date, event.location) == (EventType.AGREEMENT, "2024-03-07", None)


def test_a_minister_who_spoke_to_counterparts_held_talks() -> None:
    (event,) = extract(
        "Foreign Minister Ruiz on Thursday spoke to his Brazilian and Chilean counterparts.", A_MARCH_FRIDAY
    ).events
    assert (event.type, event.date) == (EventType.TALKS, "2024-03-07")
    assert {a.name for a in event.actors} >= {"Brazil", "Chile"}
    assert told("Foreign Minister Ruiz on Thursday spoke to reporters in Lima.", A_MARCH_FRIDAY) == []


def test_a_drill_and_an_exercise_of_one_month_are_one_act_with_the_place_either_gives() -> None:
    text = (
        "Peru will stage joint naval drills with Chile in September. "
        "The two fleets will conduct the exercise in the Pacific Ocean in September."
    )
    (event,) = extract(text, A_MARCH_FRIDAY).events
    assert (event.type, event.date) == (EventType.MILITARY_EXERCISE, "2024-09")
    assert event.location is not None and event.location.name == "Pacific Ocean"


def test_a_day_on_a_participle_describing_another_verb_s_object_is_that_participle_s() -> None:
    text = "The council voiced concern and reviewed the Ostland measures unveiled on February 23."
    assert all(e.date != "2024-02-23" for e in extract(text, A_MARCH_FRIDAY).events)
    # The verb's own object keeps a day the parser hung on its participle.
    assert told("Ruiz met the delegation led by the foreign minister on Thursday.", A_MARCH_FRIDAY) == [
        (EventType.MEETING, EventStatus.OCCURRED, "2024-03-07")
    ]


def test_the_day_of_a_source_is_not_a_second_day_of_the_act() -> None:
    text = "A jet intercepted a patrol plane on March 4, according to a ministry statement on Wednesday."
    assert [e.date for e in extract(text, A_MARCH_FRIDAY).events] == ["2024-03-04"]


def test_a_summit_scheduled_now_takes_no_date_years_gone_by() -> None:
    text = "The extra summit is planned to coincide with the parade for the revolution of March 3, 1975."
    assert told(text, A_MARCH_FRIDAY) == []
    assert told("The summit is scheduled for May 3.", A_MARCH_FRIDAY) == [
        (EventType.SUMMIT, EventStatus.SCHEDULED, "2024-05-03")
    ]


def test_a_capitalised_verb_inside_a_name_is_no_act() -> None:
    text = "The bomb went off in Northern Illegally Occupied Ostland and Westmark on March 5."
    assert told(text, A_MARCH_FRIDAY) == [(EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2024-03-05")]


def test_what_is_discussed_takes_no_time_from_the_discussion() -> None:
    text = "The two governments are due to debate the resolution at their cabinet meetings next week."
    assert told(text, A_MARCH_FRIDAY) == [(EventType.MEETING, EventStatus.SCHEDULED, "2024-03-11/2024-03-17")]


def test_a_change_joined_to_a_verb_changes_its_subject_not_a_phrase_inside_its_object() -> None:
    text = (
        "The accord was tied to the largest transfer of civilians in Zembla's civil war, and was postponed for "
        "several days due to a blast one week ago."
    )
    assert [e.status for e in extract(text, A_MARCH_FRIDAY).events] == [EventStatus.OCCURRED]
    assert told("The visits were planned for May but were cancelled.", A_MARCH_FRIDAY) == [
        (EventType.VISIT, EventStatus.CANCELLED, "2024-05")
    ]


def test_visa_work_a_mission_says_it_will_stop_is_a_measure_of_its_state() -> None:
    text = "The Chilean embassy in Peru said on Monday it would suspend all visa operations from Wednesday."
    measures = [e for e in extract(text, A_MARCH_FRIDAY).events if e.type is EventType.SANCTION]
    assert [(m.status, m.date) for m in measures] == [(EventStatus.SCHEDULED, "2024-03-13")]
    assert [a.name for a in measures[0].actors if a.role is ActorRole.INITIATOR] == ["Chile"]


def test_people_in_the_street_who_protest_make_no_state_s_protest() -> None:
    assert told("Hundreds of students protested outside the Zembla embassy on Monday.", A_MARCH_FRIDAY) == []
    for text in (
        "Demonstrators gathered outside the embassy on Monday to protest the new tariffs.",
        "The activists who were holding a rally outside the embassy on Monday to protest the tariffs were fined.",
    ):
        assert all(e.type is not EventType.PROTEST for e in extract(text, A_MARCH_FRIDAY).events)
    assert told("Ostland protested the incident on Monday.", A_MARCH_FRIDAY) == [
        (EventType.PROTEST, EventStatus.OCCURRED, "2024-03-04")
    ]


def test_the_two_countries_are_the_pair_the_sentence_before_names_first() -> None:
    text = (
        "Peru has restored diplomatic relations with Bolivia after the latter broke with Chile, officials said. "
        "Both countries signed a communique in Lima on Thursday."
    )
    signed = [e for e in extract(text, A_MARCH_FRIDAY).events if e.type is EventType.AGREEMENT]
    assert [sorted(a.name for a in e.actors) for e in signed] == [["Bolivia", "Peru"]]


def test_a_body_s_vote_and_the_resolution_it_adopts_that_day_are_one_event() -> None:
    text = (
        "The assembly has voted to admit Zembla as an observer. The resolution was approved on Thursday by 120 "
        "votes to 9. Ruiz addressed the delegates before Thursday's vote."
    )
    events = extract(text, A_MARCH_FRIDAY).events
    assert [(e.type, e.date) for e in events if e.date == "2024-03-07"] == [(EventType.RESOLUTION, "2024-03-07")]
    assert all(e.type is not EventType.ELECTION for e in events)


def test_a_change_only_asked_about_changes_nothing() -> None:
    text = "Reporters asked whether Zembla would cancel the 2018 decision to expel the envoy."
    assert told(text, A_MARCH_FRIDAY) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2018")]
