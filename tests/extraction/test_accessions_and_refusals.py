"""States joining a body of states, refusals that turn nothing down, objects denied with "no", who does
what a verb of blame names, and for whom "on behalf of" speaks. Every sentence here was written for this
test."""

from __future__ import annotations

from events.domain.vocabulary import EVENT_TYPES, EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found, placed


def test_a_state_joining_a_body_of_states_is_an_accession_with_the_body_as_a_side() -> None:
    events = extract("Finland formally joined NATO on Tuesday, becoming the alliance's 31st member.", A_FRIDAY).events
    assert [(e.type, e.status, e.date, e.title) for e in events] == [
        (EventType.ACCESSION, EventStatus.OCCURRED, "2025-03-11", "Finland joins NATO")
    ]
    assert [a.name for a in events[0].actors] == ["Finland", "NATO"]
    assert EVENT_TYPES[EventType.ACCESSION].plover_category == "COOPERATE"


def test_an_accession_told_by_a_noun_or_by_becoming_a_member_is_titled_with_who_joins_what() -> None:
    events = extract(
        "Chile's accession to the Pacific trade pact took effect on Monday. "
        "Peru will become a member of the European Union in January. "
        "Hungary celebrated its entry into NATO on Wednesday.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.status, e.date, e.title) for e in events] == [
        (EventType.ACCESSION, EventStatus.OCCURRED, "2025-03-10", "Chile joins Pacific trade pact"),
        (EventType.ACCESSION, EventStatus.SCHEDULED, "2026-01", "Peru to join European Union"),
        (EventType.ACCESSION, EventStatus.OCCURRED, "2025-03-12", "Hungary joins NATO"),
    ]
    # What is joined is no place: "to the Pacific trade pact" names the treaty.
    assert events[0].location is None
    assert [a.name for a in events[2].actors] == ["Hungary", "NATO"]


def test_joining_talks_or_another_state_is_no_accession_nor_is_applying_to_join() -> None:
    kinds = [kind for kind, _, _ in found("Peru joined the talks with Chile on Monday.")]
    assert EventType.ACCESSION not in kinds
    assert found("Chile joined Peru on Monday in condemning the attack.") == []
    assert found("Peru applied to join the European Union on Monday.") == []


def test_declining_to_comment_or_discuss_turns_nothing_down_but_declining_a_request_does() -> None:
    assert found("Peru declined to comment on Wednesday.") == []
    assert found("The Peruvian spokesman declined to discuss details of the talks with Chile on Wednesday.") == []
    assert found("Peru on Wednesday rejected the proposal.") == [
        (EventType.REJECTION, EventStatus.OCCURRED, "2025-03-12")
    ]


def test_an_act_named_by_an_object_with_no_did_not_take_place() -> None:
    assert found("Chile and Peru reached no agreement on fishing rights on Tuesday.") == []
    assert found("Chile and Peru held no talks on Tuesday.") == []
    assert found("Chile and Peru signed no fewer than three agreements on Tuesday.") == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_the_one_a_verb_of_blame_or_thanks_names_does_what_it_is_blamed_or_thanked_for() -> None:
    events = extract(
        "Chile criticised Peru on Monday for holding naval drills with Bolivia. "
        "Chile on Monday thanked Peru for hosting the talks.",
        A_FRIDAY,
    ).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        (EventType.MILITARY_EXERCISE, ["Peru", "Bolivia"]),
        (EventType.TALKS, ["Peru"]),
    ]


def test_a_state_named_after_on_behalf_of_is_no_place() -> None:
    assert placed("On May 4, 2011, on behalf of Chile, the foreign minister signed the treaty.") == [
        (EventType.AGREEMENT, None)
    ]


def test_an_event_noun_after_a_measured_after_lies_that_far_before_the_act_it_hangs_on() -> None:
    events = extract(
        "Striking 12 days after the embassy bombing, Chilean jets on Thursday hit rebel camps in Peru.", A_FRIDAY
    ).events
    assert sorted((e.type, e.date) for e in events) == [
        (EventType.MILITARY_ACTION, "2025-03-01"),
        (EventType.MILITARY_ACTION, "2025-03-13"),
    ]
    assert found("Chile expelled two diplomats on Monday, two days after the arrest of a citizen in Lima.") == [
        (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-10"),
        (EventType.DETENTION, EventStatus.OCCURRED, "2025-03-08"),
    ]


def test_a_bomb_that_went_off_is_an_attack_placed_where_it_went_off() -> None:
    assert placed("A car bomb went off near the Chilean consulate in Lima on Friday.") == [
        (EventType.MILITARY_ACTION, "Lima")
    ]
    assert placed("A bomb exploded outside the embassy in Nairobi on Friday, killing dozens.") == [
        (EventType.MILITARY_ACTION, "Nairobi")
    ]


def test_where_forces_are_sent_is_titled_once_when_the_parser_reads_to_as_a_dative() -> None:
    events = extract(
        "President Ruiz then sent U.S. troops and planes to Bolivia on Monday. "
        "Ruiz sent Chilean troops and planes to Bolivia on Tuesday.",
        A_FRIDAY,
    ).events
    assert [e.title for e in events] == ["Ruiz sends U.S. troops to Bolivia", "Ruiz sends Chilean troops to Bolivia"]


def test_a_participle_of_setting_names_with_for_where_the_planned_event_is_held() -> None:
    assert placed("Leaders will attend a regional summit set for Lima in April.") == [(EventType.SUMMIT, "Lima")]


def test_an_event_word_read_as_a_gerund_before_the_people_it_marked_tells_no_act() -> None:
    events = extract(
        "Foreign Minister Ana Quispe paid tribute on Tuesday to bombing victims on a short visit to Kenya.", A_FRIDAY
    ).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in events] == [
        (EventType.VISIT, "2025-03-11", ["Ana Quispe"])
    ]
