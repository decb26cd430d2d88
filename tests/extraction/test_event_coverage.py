"""Event kinds beyond meetings (PLOVER's wider ontology), status words and datelines, each on a sentence
written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def events_of(text: str, published: date = PUBLISHED) -> list[ExtractedEvent]:
    return extract(text, published, CONFIG).events


def kinds(text: str) -> set[tuple[EventType, str]]:
    return {(e.type, e.date) for e in events_of(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "In March 2023 the government pulled the country out of the fisheries treaty.",
            (EventType.WITHDRAWAL, "2023-03"),
            id="pulled-out-of-a-treaty",
        ),
        pytest.param(
            "Lithuania withdrew from the regional trade pact on Monday.",
            (EventType.WITHDRAWAL, "2024-06-10"),
            id="withdrew-from-a-pact",
        ),
        pytest.param(
            "Seoul suspended the military hotline with Pyongyang on Tuesday.",
            (EventType.WITHDRAWAL, "2024-06-11"),
            id="channel-suspended",
        ),
        pytest.param(
            "The two navies restored their communication channel in May.",
            (EventType.TIES_RESTORED, "2024-05"),
            id="channel-restored",
        ),
        pytest.param(
            "Armenia annexed the disputed valley in 1994.",
            (EventType.SEIZURE, "1994"),
            id="annexation-verb",
        ),
        pytest.param(
            "Gunmen abducted two aid workers near the border on Sunday.",
            (EventType.ABDUCTION, "2024-06-09"),
            id="abduction",
        ),
        pytest.param(
            "The parliament passed a resolution on the crisis on Tuesday.",
            (EventType.RESOLUTION, "2024-06-11"),
            id="resolution-passed",
        ),
        pytest.param(
            "Belgium will hand over the rotating presidency to Hungary on July 1.",
            (EventType.HANDOVER, "2024-07-01"),
            id="rotating-presidency",
        ),
        pytest.param(
            "Navy divers began a salvage operation off the coast on Monday.",
            (EventType.RESPONSE_OPERATION, "2024-06-10"),
            id="salvage-operation",
        ),
        pytest.param(
            "The two countries fought a short border war in 1971.",
            (EventType.MILITARY_ACTION, "1971"),
            id="war",
        ),
        pytest.param(
            "The rival patrols were locked in a stand-off at the pass in April.",
            (EventType.INCIDENT, "2024-04"),
            id="hyphened-stand-off",
        ),
        pytest.param(
            "The rebels captured the pilot on Friday.",
            (EventType.DETENTION, "2024-06-07"),
            id="capture-person",
        ),
        pytest.param(
            "Guards handed the two fishermen over to consular officials on Thursday.",
            (EventType.RELEASE, "2024-06-06"),
            id="hand-over-people",
        ),
        pytest.param(
            "The air force dispatched six bombers to the island base on Monday.",
            (EventType.DEPLOYMENT, "2024-06-10"),
            id="forces-dispatched",
        ),
        pytest.param(
            "The foreign minister briefed NATO allies on Monday about the ceasefire plan.",
            (EventType.MEETING, "2024-06-10"),
            id="briefing-allies",
        ),
        pytest.param(
            "Chile and Peru will hold the fourth Andean Strategic Dialogue on June 20.",
            (EventType.TALKS, "2024-06-20"),
            id="named-dialogue-held",
        ),
    ],
)
def test_it_finds_event_kinds_beyond_meetings(text: str, expected: tuple[EventType, str]) -> None:
    assert expected in kinds(text)


def test_a_trade_war_or_a_legal_battle_is_no_fighting() -> None:
    found = kinds("The trade war deepened in May, and a legal battle began in April.")
    assert not {t for t, _ in found} & {EventType.MILITARY_ACTION}


def test_only_people_are_released() -> None:
    assert kinds("The band released a new album on Friday.") == set()
    assert (EventType.RELEASE, "2024-06-07") in kinds("The junta released two journalists on Friday.")


def test_a_ship_arriving_is_a_delivery_not_a_visit() -> None:
    assert kinds("A tanker carrying fuel arrived in the port on Friday.") == set()


def test_a_casualty_tally_since_a_date_is_no_event() -> None:
    assert kinds("More than 300 people have been killed since January.") == set()


def test_a_habit_in_the_simple_present_is_no_event() -> None:
    assert kinds("Since the 1990s the navy occasionally sends destroyers through the strait.") == set()


def test_suspended_talks_are_postponed() -> None:
    [event] = events_of("The mediators indefinitely suspended the talks in Doha on Monday.")
    assert (event.type, event.status) == (EventType.TALKS, EventStatus.POSTPONED)


def test_a_suspended_accord_is_a_withdrawal_that_happened() -> None:
    [event] = events_of("Ankara suspended the migration accord on Monday.")
    assert (event.type, event.status) == (EventType.WITHDRAWAL, EventStatus.OCCURRED)


def test_a_cancellation_joined_to_the_plan_cancels_the_event() -> None:
    [event] = events_of("The talks were originally due to take place in July but were cancelled after the floods.")
    assert event.status is EventStatus.CANCELLED


def test_a_fronted_date_dates_every_joined_clause() -> None:
    found = events_of("In 2021 the rebels shelled the airport and a convoy was attacked near the border.")
    assert [e.date for e in found] == ["2021", "2021"]


def test_a_date_after_the_first_verb_does_not_date_the_next_clause() -> None:
    found = kinds("Rebels shelled the airport on Monday and the army attacked a convoy.")
    assert found == {(EventType.MILITARY_ACTION, "2024-06-10")}
    assert len(events_of("Rebels shelled the airport on Monday and the army attacked a convoy.")) == 1


def test_a_dateline_date_dates_no_event() -> None:
    found = kinds("OSLO, Norway, June 12 (Reuters) -- Norway's foreign minister will visit Chile next week.")
    assert ("2024-06-12" not in {d for _, d in found}) and (EventType.VISIT, "2024-06-17/2024-06-23") in found


def test_a_dateline_without_its_dash_is_no_actor_and_places_the_event() -> None:
    [event] = events_of("Intro.\n\nMADRID Spain summoned the Moroccan ambassador on Tuesday.")
    assert [a.name for a in event.actors][:1] == ["Spain"]
    assert event.location is not None and event.location.name == "Madrid"


def test_two_acts_of_one_type_and_month_without_people_stay_two() -> None:
    found = events_of(
        "The patrols were locked in a stand-off at the pass in April.\n\nLater, scuffles broke out and "
        "brawls erupted twice in April."
    )
    assert [e.type for e in found].count(EventType.INCIDENT) == 2


def test_the_same_act_twice_is_one_event() -> None:
    found = events_of("Fiji and Tonga signed a fisheries pact on Monday.\n\nThe two states signed the pact on Monday.")
    assert [e.type for e in found] == [EventType.AGREEMENT]


def test_a_rapprochement_is_ties_restored() -> None:
    assert (EventType.TIES_RESTORED, "2015") in kinds("Following the 2015 rapprochement with Havana, trade grew.")


def test_leaving_a_treaty_named_by_an_acronym_is_a_withdrawal() -> None:
    assert (EventType.WITHDRAWAL, "2019-08") in kinds("In August 2019 Washington pulled out of the INF treaty.")
    assert (EventType.WITHDRAWAL, "2019-08") in kinds("In August 2019 Washington withdrew from the CTBTO.")


def test_a_recurring_passive_in_the_present_is_no_event() -> None:
    assert kinds("Elections are held every five years in the kingdom; the last was in 2021.") == set()


def test_a_dateline_city_run_into_the_subject_is_cut_from_the_actor() -> None:
    [event] = events_of("Intro.\n\nWARSAW Poland summoned the Chilean ambassador on Tuesday.")
    assert [a.name for a in event.actors][:1] == ["Poland"] and "WARSAW" not in event.title
