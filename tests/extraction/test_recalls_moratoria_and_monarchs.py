"""A recall told in the passive, acts a stop is put on, a monarch's name and number, spellings of nationality,
and a dateline that does not place acts of years before. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.extraction.person_names import family_name
from events.extraction.pipeline import extract

A_MONDAY = date(2013, 11, 18)


def test_an_envoy_recalled_in_the_passive_is_recalled_by_the_state_that_sent_him() -> None:
    events = extract("Brazil's ambassador to Canada was recalled to Brasilia on Monday.", A_MONDAY).events
    assert [(e.title, [(a.name, str(a.role)) for a in e.actors]) for e in events] == [
        ("Brazil recalls ambassador from Canada", [("Brazil", "initiator"), ("Canada", "target")])
    ]


def test_an_act_a_moratorium_is_put_on_does_not_happen() -> None:
    text = "The general vowed to keep his moratorium on testing cruise missiles beyond March 1."
    assert not [e for e in extract(text, A_MONDAY).events if e.type == "weapons_test"]


def test_a_monarch_is_called_by_name_and_number() -> None:
    assert [family_name(n) for n in ("Harald V", "Margrethe II", "Ana Ruiz", "Luis Ruiz Jr.")] == [
        "Harald V",
        "Margrethe II",
        "Ruiz",
        "Ruiz",
    ]


def test_nationalities_in_their_current_spelling_name_their_states() -> None:
    from events.extraction.demonyms import country_of_demonym

    words = ("Kyrgyz", "Tajik", "Uzbek", "Argentine", "Ecuadorian", "Nepali")
    assert [country_of_demonym(w) for w in words] == [
        "Kyrgyzstan",
        "Tajikistan",
        "Uzbekistan",
        "Argentina",
        "Ecuador",
        "Nepal",
    ]


def test_a_dateline_does_not_place_an_act_told_of_years_before() -> None:
    text = (
        "SEOUL -- The North Korean leader admitted on Sunday that agents had seized 13 South Korean fishermen "
        "in the 1980s."
    )
    seizures = [e for e in extract(text, A_MONDAY).events if e.date.startswith("198")]
    assert seizures and all(e.location is None for e in seizures)


def test_what_an_assembly_declares_it_declares_by_resolution() -> None:
    text = "On Monday the UN General Assembly declared as void Zembla's recent vote to annex the islands."
    assert [e.type for e in extract(text, A_MONDAY).events] == ["resolution"]


def test_a_place_that_makes_a_hyphened_word_is_no_setting() -> None:
    text = "Chad and Sudan agreed to a Paris-brokered truce on Monday."
    assert [e.location for e in extract(text, A_MONDAY).events] == [None]


def test_a_state_summoning_its_own_envoy_calls_him_home() -> None:
    text = "Peru summoned its ambassador in Chile for consultations, the ministry said on Monday."
    assert [(e.type, e.title) for e in extract(text, A_MONDAY).events] == [
        ("protest", "Peru recalls ambassador in Chile")
    ]
