"""Trigger lexicon and dependency patterns added for recall, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def events_of(text: str, published: date = PUBLISHED) -> list[ExtractedEvent]:
    return extract(text, published, CONFIG).events


@pytest.mark.parametrize(
    ("text", "event_type", "day"),
    [
        ("A court in Minsk convicted the blogger of treason on Monday.", EventType.DETENTION, "2024-06-10"),
        ("The accord was initialed by negotiators of both sides on Tuesday.", EventType.AGREEMENT, "2024-06-11"),
        ("Hungarian troops were deployed to the border on Monday.", EventType.DEPLOYMENT, "2024-06-10"),
        ("A Canadian frigate sailed through the Taiwan Strait on Tuesday.", EventType.MILITARY_ACTION, "2024-06-11"),
        ("Poland's deputy foreign minister called in the Belarusian ambassador on Monday.", EventType.SUMMONS,
         "2024-06-10"),
        ("Norway expressed regret on Tuesday over the decision.", EventType.STATEMENT, "2024-06-11"),
        ("Sweden conveyed its concerns to the Iranian Embassy in Stockholm on Monday.", EventType.PROTEST,
         "2024-06-10"),
        ("The prime minister spoke with his Estonian counterpart by video on Monday.", EventType.PHONE_CALL,
         "2024-06-10"),
        ("The government unveiled a plan on Tuesday to rebuild the port.", EventType.STATEMENT, "2024-06-11"),
        ("A Russian jet entered Finnish airspace on Monday.", EventType.INCIDENT, "2024-06-10"),
        ("Chile's navy surrounded the island with patrol boats on Monday.", EventType.MILITARY_EXERCISE,
         "2024-06-10"),
        ("Nauru switched diplomatic recognition from Taipei to Beijing in January.", EventType.OTHER, "2024-01"),
        ("The freed aid worker landed at Ramstein Air Base late Tuesday.", EventType.RELEASE, "2024-06-11"),
        ("The incident on Monday near the reef damaged a supply boat.", EventType.INCIDENT, "2024-06-10"),
        ("A previous truce in March lasted four days.", EventType.AGREEMENT, "2024-03"),
        ("Brazil opened an anti-dumping investigation into steel imports in May.", EventType.INVESTIGATION, "2024-05"),
        ("The engineer had been held in Iran since 2019.", EventType.DETENTION, "2019"),
    ],
)  # fmt: skip
def test_a_new_trigger_is_found_and_dated(text: str, event_type: EventType, day: str) -> None:
    found = {(e.type, e.date) for e in events_of(text)}
    assert (event_type, day) in found


def test_a_weapon_inside_the_object_phrase_makes_a_missile_test() -> None:
    events = events_of("The North tested components of a new intercontinental ballistic missile in late May.")
    assert [(e.type, e.date) for e in events] == [(EventType.WEAPONS_TEST, "2024-05")]


def test_a_free_relative_object_still_names_the_weapon() -> None:
    events = events_of("North Korea fired what appeared to be a short-range ballistic missile early Tuesday.")
    assert (EventType.WEAPONS_TEST, "2024-06-11") in {(e.type, e.date) for e in events}


def test_a_measure_that_takes_effect_is_an_event() -> None:
    events = events_of("The new tariffs will take effect on July 1, officials said.")
    assert [(e.type, e.date) for e in events] == [(EventType.SANCTION, "2024-07-01")]


def test_held_talks_are_not_a_detention() -> None:
    events = events_of("Talks were held in Oslo on Monday.")
    assert all(e.type is not EventType.DETENTION for e in events)


def test_an_attack_on_a_named_place_is_an_event() -> None:
    events = events_of("The war began with a rebel-led attack on northern Mali on March 3.")
    assert (EventType.MILITARY_ACTION, "2024-03-03") in {(e.type, e.date) for e in events}


def test_a_trigger_noun_used_as_a_modifier_is_no_event() -> None:
    assert events_of("Its summit diplomacy with the North collapsed in 2019.") == []


def test_the_legislature_congress_is_no_gathering() -> None:
    events = events_of("Congress passed the budget on Monday.")
    assert all(e.type is not EventType.SUMMIT for e in events)


@pytest.mark.parametrize(
    ("text", "event_type", "day", "status"),
    [
        # A relative clause: the subject "that" stands for the provision.
        ("The rules bar exports of advanced chips to China, a provision that takes effect on Friday.",
         EventType.EXPORT_CONTROL, "2024-06-14", "scheduled"),
        ("The treaty entered into force on Jan. 22, 2021.", EventType.AGREEMENT, "2021-01-22", "occurred"),
        ("The sanctions will come into force on Monday.", EventType.SANCTION, "2024-06-17", "scheduled"),
        ("The new tariffs went into effect on Friday.", EventType.SANCTION, "2024-06-07", "occurred"),
        ("The law comes into effect on July 1.", EventType.OTHER, "2024-07-01", "scheduled"),
        ("The ceasefire, which took effect on Sunday, has largely held.", EventType.AGREEMENT, "2024-06-09",
         "occurred"),
    ],
)  # fmt: skip
def test_a_measure_that_starts_to_bind_is_an_event(text: str, event_type: EventType, day: str, status: str) -> None:
    found = {(e.type, e.date, e.status.value) for e in events_of(text)}
    assert (event_type, day, status) in found


@pytest.mark.parametrize(
    "text",
    [
        "The team went into the building on Monday.",
        "Police entered into the compound on Monday.",
        "The proposal came into view on Monday.",
        "Her words took effect on the crowd on Monday.",
    ],
)
def test_into_and_effect_without_a_measure_are_no_event(text: str) -> None:
    assert not [
        e for e in events_of(text) if e.rule.startswith(("verb:take-", "verb:go-", "verb:come-", "verb:enter-"))
    ]


def test_send_with_a_participle_after_it_dispatches_no_one() -> None:
    # "sent the soldiers reeling": something happened to them; "sent soldiers to the pass": a deployment.
    resultative = events_of("The avalanche sent the soldiers reeling down the slope on Monday.")
    dispatch = events_of("The army sent soldiers to the mountain pass on Monday.")
    assert [e.type for e in resultative if e.type is EventType.DEPLOYMENT] == []
    assert [(e.type, e.date) for e in dispatch] == [(EventType.DEPLOYMENT, "2024-06-10")]
