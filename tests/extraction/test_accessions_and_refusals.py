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
        "President Ruiz then sent U.S. jets and soldiers to Bolivia on Monday. "
        "Ruiz sent Chilean troops and planes to Bolivia on Tuesday.",
        A_FRIDAY,
    ).events
    assert [e.title for e in events] == ["Ruiz sends U.S. jets to Bolivia", "Ruiz sends Chilean troops to Bolivia"]


def test_a_participle_of_setting_names_with_for_where_the_planned_event_is_held() -> None:
    assert placed("Leaders will attend a regional summit set for Lima in April.") == [(EventType.SUMMIT, "Lima")]


def test_an_event_word_read_as_a_gerund_before_the_people_it_marked_tells_no_act() -> None:
    events = extract(
        "Foreign Minister Ana Quispe paid tribute on Tuesday to bombing victims on a short visit to Kenya.", A_FRIDAY
    ).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in events] == [
        (EventType.VISIT, "2025-03-11", ["Ana Quispe"])
    ]


def test_a_refusal_is_titled_with_the_act_refused_and_dated_by_a_day_gone_by_hung_on_that_act() -> None:
    events = extract(
        "Peru refused to sign the accord with Chile on Wednesday. Bolivia refused to provide troops to the mission.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.date, e.title) for e in events][:1] == [
        (EventType.REJECTION, "2025-03-12", "Peru refuses to sign accord")
    ]
    assert [e.title for e in events][1:] == ["Bolivia refuses to provide troops"]
    assert found("The spokesmen refused to provide details on Tuesday.") == []


def test_what_kills_by_mishap_and_a_battle_in_court_are_no_use_of_force() -> None:
    assert found("A boat wreck killed ten people off the coast on Tuesday.") == []
    assert found("The custody battle dragged on in court on Tuesday.") == []
    assert found("The rebels killed ten soldiers on Tuesday.") == [
        (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_an_event_a_suspect_is_named_after_is_no_act_of_the_sentence() -> None:
    assert found("On Tuesday police questioned a suspect in the car bombings.") == []


def test_an_attack_is_placed_in_the_state_whose_facility_its_participle_names_as_target() -> None:
    assert placed("In 2019 a drone attack was launched on three Saudi pumping stations.") == [
        (EventType.MILITARY_ACTION, "Saudi Arabia")
    ]
    # The tagger reads "Kuwaiti" as a place name here: the nationality still names the state.
    assert placed("A missile strike carried out on a Kuwaiti refinery on Monday killed two.") == [
        (EventType.MILITARY_ACTION, "Kuwait")
    ]


def test_a_country_named_by_the_last_words_of_a_country_the_story_names_is_that_country() -> None:
    assert placed("South Korea and Japan held talks on Monday. Ruiz arrived in Korea on Tuesday.")[1] == (
        EventType.VISIT,
        "South Korea",
    )


def test_a_past_participle_before_its_noun_tells_a_state_not_an_act_of_the_clause() -> None:
    assert found("The expelled diplomats left Lima on Monday.") == []
    assert found("Peru granted consular access to the detained Chilean journalist on Tuesday.") == []


def test_an_envoy_presenting_credentials_is_received_and_a_port_call_is_a_visit() -> None:
    events = extract(
        "The new Chilean ambassador presented her credentials to President Ruiz on Monday. "
        "A Chilean navy frigate made a port call in Callao on Tuesday.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.date, e.title) for e in events] == [
        (EventType.MEETING, "2025-03-10", "Chilean ambassador presents credentials to Ruiz"),
        (EventType.VISIT, "2025-03-11", "Port call by Chile in Callao"),
    ]


def test_a_council_vote_told_as_a_noun_is_its_decision_and_what_it_votes_on_is_not_done() -> None:
    assert found("The Security Council vote on the truce was held on Monday.") == [
        (EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("Shareholders rejected the Vantor Corp. board vote on Monday.") == []
    # A vote named as what another act came after is the decision told before, not a second one.
    assert found("Chile protested on Tuesday, a day after the Security Council vote.") == [
        (EventType.PROTEST, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_an_official_met_named_by_nationality_takes_part_for_the_state_and_keeps_the_title() -> None:
    events = extract("Chile's foreign minister met his Peruvian counterpart in Lima on Monday.", A_FRIDAY).events
    assert [(e.title, [a.name for a in e.actors]) for e in events] == [
        ("Chile meets Peruvian counterpart in Lima", ["Chile", "Peru"])
    ]


def test_a_plan_agreed_in_a_conjoined_clause_is_titled_by_the_subject_the_clauses_share() -> None:
    events = extract("The two presidents spoke by phone on Sunday and agreed to meet next month.", A_FRIDAY).events
    assert [(e.type, e.status, e.title) for e in events] == [
        (EventType.PHONE_CALL, EventStatus.OCCURRED, "Two presidents speak"),
        (EventType.MEETING, EventStatus.SCHEDULED, "Two presidents to meet"),
    ]


def test_a_withdrawal_from_an_agreement_is_titled_with_what_is_left() -> None:
    events = extract(
        "Ruiz pulled Chile out of the fishing accord in May 2018. Peru withdrew from the fishing accord in June 2018.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.title) for e in events] == [
        (EventType.WITHDRAWAL, "Ruiz pulls Chile out of fishing accord"),
        (EventType.WITHDRAWAL, "Peru withdraws from fishing accord"),
    ]


def test_the_other_side_of_a_tie_cut_or_restored_is_a_side_and_in_the_title() -> None:
    events = extract(
        "Peru cut diplomatic ties with Chile on Monday. Bolivia restored relations with Chile on Tuesday.", A_FRIDAY
    ).events
    assert [(e.type, e.title, [a.name for a in e.actors]) for e in events] == [
        (EventType.WITHDRAWAL, "Peru cuts diplomatic ties with Chile", ["Peru", "Chile"]),
        (EventType.TIES_RESTORED, "Bolivia restores relations with Chile", ["Bolivia", "Chile"]),
    ]


def test_a_note_of_protest_sent_or_delivered_is_a_protest_by_its_sender() -> None:
    events = extract(
        "Peru sent a protest note to Chile on Monday. Bolivia delivered a note of protest to Chile on Tuesday.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.date, [a.name for a in e.actors][:1]) for e in events] == [
        (EventType.PROTEST, "2025-03-10", ["Peru"]),
        (EventType.PROTEST, "2025-03-11", ["Bolivia"]),
    ]
    assert found("Ruiz took note of the proposal on Monday.") == []


def test_a_threat_told_with_its_time_before_the_infinitive_is_still_only_a_threat() -> None:
    assert found("Peru threatened on Monday to impose tariffs on Chilean copper.") == []
    assert found("Peru plans next year to hold talks with Chile.") == [(EventType.TALKS, EventStatus.SCHEDULED, "2026")]


def test_an_agreement_or_measure_kept_broken_or_evaded_is_not_made_again() -> None:
    assert EventType.AGREEMENT not in [
        kind for kind, _, _ in found("Both sides accused each other of violating the ceasefire on Sunday.")
    ]
    assert EventType.SANCTION not in [
        kind for kind, _, _ in found("Chile accused Peru on Monday of evading the sanctions.")
    ]
    assert found("Chile and Peru signed a ceasefire on Sunday.") == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-09")
    ]


def test_the_party_an_agreement_is_with_and_the_side_a_border_is_shared_with_are_named() -> None:
    events = extract(
        "Chile's parliament ratified the trade pact with Peru on Wednesday. "
        "Peru closed its border with Bolivia on Thursday, citing security concerns.",
        A_FRIDAY,
    ).events
    assert [(e.title, [a.name for a in e.actors]) for e in events] == [
        ("Chile ratifies trade pact with Peru", ["Chile", "Peru"]),
        ("Peru closes border with Bolivia", ["Peru", "Bolivia"]),
    ]


def test_an_act_at_home_named_with_its_state_happens_there_and_who_attends_it_takes_part() -> None:
    events = extract(
        "The Chilean president will attend the inauguration of Peru's new president on July 28.", A_FRIDAY
    ).events
    assert [(e.type, e.title, e.location.name if e.location else None, [a.name for a in e.actors]) for e in events] == [
        (EventType.INAUGURATION, "Inauguration in Peru", "Peru", ["Peru", "Chile"])
    ]


def test_the_country_takes_up_the_country_named_before_it() -> None:
    events = extract(
        "Finland's president spoke on Monday. Crowds gathered in the capital to hail the country's admission to "
        "NATO on Tuesday.",
        A_FRIDAY,
    ).events
    assert [(e.title, e.date, [a.name for a in e.actors]) for e in events] == [
        ("Finland joins NATO", "2025-03-11", ["Finland", "NATO"])
    ]


def test_a_war_named_as_when_people_were_taken_is_no_act_of_the_sentence() -> None:
    assert found("Lima promised on Monday to free soldiers captured during the border war.") == []


def test_a_clash_at_a_body_of_states_or_a_meeting_is_one_of_words() -> None:
    assert [kind for kind, _, _ in found("Chile and Peru clashed at the United Nations on Tuesday.")] == [
        EventType.STATEMENT
    ]
    assert [kind for kind, _, _ in found("Chilean and Peruvian troops clashed near the border on Tuesday.")] == [
        EventType.INCIDENT
    ]


def test_an_embassy_stands_in_its_host_state_and_attacking_it_is_force() -> None:
    assert placed("Protesters attacked the Chilean embassy in Lima on Tuesday.") == [
        (EventType.MILITARY_ACTION, "Lima")
    ]
    assert placed("Police clashed with protesters at the Chilean embassy on Tuesday.") == [(EventType.INCIDENT, None)]


def test_whom_stands_for_the_person_named_before_it() -> None:
    events = extract(
        "The king carried a message from President Ana Quispe, with whom he met on Monday.", A_FRIDAY
    ).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in events] == [
        (EventType.MEETING, "2025-03-10", ["Ana Quispe"])
    ]
    events = extract("Ruiz thanked the Peruvian minister, with whom he met on Monday.", A_FRIDAY).events
    assert [[a.name for a in e.actors] for e in events] == [["Peru"]]
