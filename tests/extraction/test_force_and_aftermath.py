"""Uses of force told with a verb and its complement, incidents at sea, and operations after an incident
(PLOVER ASSAULT, incidents, and issue 13's "operations after an incident"); sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)


def kinds(text: str) -> set[tuple[EventType, str]]:
    return {(e.type, e.date) for e in extract(text, PUBLISHED, ExtractionConfig()).events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zemblan troops shot dead two Ostlandic soldiers near the border on Sunday.", EventType.MILITARY_ACTION),
        ("Gunmen gunned down a Zemblan diplomat in Port Ostra on Friday.", EventType.MILITARY_ACTION),
        ("A Zemblan navy vessel rammed an Ostlandic coast guard ship late on Saturday.", EventType.INCIDENT),
        ("Investigators recovered the wreckage of the downed jet on Tuesday.", EventType.RESPONSE_OPERATION),
    ],
)
def test_the_act_is_an_event_of_its_kind(text: str, expected: EventType) -> None:
    assert {kind for kind, _ in kinds(text)} == {expected}


def test_the_same_verbs_in_other_senses_are_no_events() -> None:
    assert kinds("The crew shot a film in Port Ostra on Monday.") == set()
    assert kinds("The economy recovered in May.") == set()
    assert kinds("The ram was sold at the fair on Monday.") == set()


def test_what_is_recovered_from_a_sea_is_recovered_there() -> None:
    [event] = extract("Navy divers began recovering debris from the Baltic Sea on Sunday.", PUBLISHED).events
    assert event.location is not None and event.location.name == "Baltic Sea"


def test_an_exchange_of_prisoners_is_a_release() -> None:
    assert kinds("Ostland and Zembla exchanged 90 prisoners each on Tuesday.") == {(EventType.RELEASE, "2024-06-11")}
    assert kinds("The two firms exchanged views on Monday.") == set()


def test_people_named_by_an_event_do_not_make_it_happen_again() -> None:
    # "prisoners of war" are people; the war is not an event of Friday.
    assert kinds("Prisoners of war were handed back on Friday.") == set()
    assert EventType.MILITARY_ACTION not in {
        k for k, _ in kinds("Veterans of the war marched in Port Ostra on Sunday.")
    }


def test_an_embassy_closed_or_reopened_is_a_channel_cut_or_restored() -> None:
    assert kinds("Zembla closed its consulate in Port Ostra on Friday.") == {(EventType.WITHDRAWAL, "2024-06-07")}
    assert kinds("Ostland will reopen its embassy in Zembla next month.") == {(EventType.TIES_RESTORED, "2024-07")}
    assert kinds("The shop closed its doors on Monday.") == set()


def test_a_kind_of_act_counted_or_denied_is_no_new_act() -> None:
    # "the third such incursion this year" counts the kind of the act just told; it is not an act of the year.
    assert kinds("A Zembla patrol boat entered Ostland's waters on Tuesday, the third such incursion this year.") == {
        (EventType.INCIDENT, "2024-06-11")
    }
    assert kinds("Ostland said no such meeting had taken place.") == set()
    # "such" alone points back to an act and still tells when it happens.
    assert kinds("Such talks will take place in Port Ostra in July.") == {(EventType.TALKS, "2024-07")}


def test_a_participle_joined_to_a_passive_shares_its_subject() -> None:
    # PUBLISHED is 12 June 2024. "reopened" has no subject or object of its own: the embassy is reopened.
    assert kinds("Zembla's consulate in Port Ostra was closed on Sunday and reopened on Monday.") == {
        (EventType.WITHDRAWAL, "2024-06-09"),
        (EventType.TIES_RESTORED, "2024-06-10"),
    }
    titles = [e.title for e in extract("Sanctions were imposed in 2019 and lifted in 2022.", PUBLISHED).events]
    assert titles == ["Sanctions are imposed", "Sanctions are lifted"]


def test_a_seized_craft_released_is_a_release() -> None:
    assert kinds("The seized Ostland tanker was released on Monday.") == {(EventType.RELEASE, "2024-06-10")}
    assert kinds("Zembla freed the fishing boat on Monday.") == {(EventType.RELEASE, "2024-06-10")}
    # What is published is not released from custody.
    assert kinds("The ministry released a report on Monday.") == set()


def test_a_bare_round_is_a_round_of_the_gathering_named_before() -> None:
    text = (
        "Ostland and Zembla agreed on Monday to resume border talks. The first round will be held in Port "
        "Ostra on July 2. A second round is planned for September."
    )
    rounds = [e for e in extract(text, PUBLISHED).events if e.rule.startswith("noun:round")]
    assert [(e.type, e.date) for e in rounds] == [(EventType.TALKS, "2024-07-02"), (EventType.TALKS, "2024-09")]
    assert rounds[0].title == "Round of talks in Port Ostra"
    # A round of something named, or a round with nothing held before it, is no gathering.
    assert kinds("The crowd gave the envoy a round of applause on Monday.") == set()
    assert kinds("The first round will be held on July 2.") == set()


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("A Zemblan coast guard cutter fired water cannon at an Ostlandic fishing boat on Sunday.", "2024-06-09"),
        ("Two Zemblan frigates shadowed an Ostlandic survey ship for six hours on Monday.", "2024-06-10"),
        ("A Zemblan fighter jet flew within 30 metres of an Ostlandic patrol plane on Tuesday.", "2024-06-11"),
        ("Zemblan navy boats blocked an Ostlandic resupply mission near the reef on Friday.", "2024-06-07"),
        ("A Zemblan destroyer aimed a laser at an Ostlandic helicopter last week.", "2024-06-03/2024-06-09"),
        ("Norway scrambled fighter jets on Saturday as two bombers neared its coast.", "2024-06-08"),
    ],
)
def test_one_craft_acting_on_another_is_an_incident(text: str, when: str) -> None:
    # PLOVER COERCE short of an attack: a craft on one side, a craft (or what craft carry out) on the other.
    assert kinds(text) == {(EventType.INCIDENT, when)}


def test_the_same_verbs_without_craft_on_both_sides_are_no_incident() -> None:
    assert kinds("The minister fired her spokesman on Monday.") == set()
    assert kinds("Protesters blocked the road to the port on Monday.") == set()
    assert kinds("The ferry sailed to Port Ostra on Monday.") == set()
    assert kinds("The carrier passed close to the island on Monday.") == set()


def test_an_incident_names_both_states_and_what_was_aimed_at() -> None:
    [event] = extract(
        "A South Korean patrol boat fired warning shots at a North Korean fishing vessel on Sunday.", PUBLISHED
    ).events
    assert [a.name for a in event.actors] == ["South Korea", "North Korea"]
    assert event.title == "South Korea fires warning shots at North Korean fishing vessel"
    # A person's nationality still names no state on the receiving side.
    [summons] = extract("Norway summoned the Russian envoy on Monday.", PUBLISHED).events
    assert [a.name for a in summons.actors] == ["Norway"]


def test_a_volley_aimed_at_a_state_is_an_attack_on_it_however_the_parser_hangs_the_target() -> None:
    # "at Ukraine" hangs on "wave", the verb's object, not on the verb.
    [event] = extract("Russia launched a wave of drones at Ukraine on Sunday night, officials said.", PUBLISHED).events
    assert (event.type, event.date) == (EventType.MILITARY_ACTION, "2024-06-09")
    assert [a.name for a in event.actors] == ["Russia", "Ukraine"]
    assert event.title == "Russia launches wave of drones at Ukraine"
    # A date after "on" is when, never what was aimed at.
    [strikes] = extract("Israel launched strikes on Gaza on Monday.", PUBLISHED).events
    assert strikes.title == "Israel launches strikes on Gaza"


def test_an_exchange_of_fire_is_a_fight_and_a_war_of_words_is_not() -> None:
    assert kinds("Zemblan and Ostlandic troops exchanged fire across the border late on Saturday.") == {
        (EventType.MILITARY_ACTION, "2024-06-08")
    }
    assert kinds("The two leaders traded blows over the budget on Monday.") == set()


def test_a_raid_by_forces_on_a_building_is_a_use_of_force_and_a_crowds_is_not() -> None:
    assert kinds("Zemblan police stormed the Ostlandic embassy in Port Ostra on Friday.") == {
        (EventType.MILITARY_ACTION, "2024-06-07")
    }
    # A crowd's is no use of force by a state, but an attack on a state's mission: an incident.
    assert kinds("Protesters stormed the Ostlandic embassy in Port Ostra on Friday.") == {
        (EventType.INCIDENT, "2024-06-07")
    }


def test_a_release_is_of_people_or_craft_a_state_held() -> None:
    assert kinds("The release of the two fishermen came on Monday.") == {(EventType.RELEASE, "2024-06-10")}
    assert kinds("The release of treated water began on Monday.") == set()


def test_someone_of_a_nation_released_is_a_person_released() -> None:
    assert kinds("The release of a Russian smuggler came on Monday.") == {(EventType.RELEASE, "2024-06-10")}


def test_a_heading_is_no_passage() -> None:
    assert kinds("At dusk the Zemblan corvette turned away, sailing to the south.") == set()
    [event] = extract("A Zemblan frigate sailed through the Varel Strait on Monday.", PUBLISHED).events
    assert event.type is EventType.MILITARY_ACTION and "sails through" in event.title
