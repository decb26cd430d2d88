"""Where an act happened when the sentence names places of other things, whose time a saying's day is, and
words that point back at an act told before. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.extraction.pipeline import extract

A_TUESDAY = date(2019, 10, 29)


def _places(text: str) -> list[str | None]:
    return [e.location.name if e.location else None for e in extract(text, A_TUESDAY).events]


def test_a_dateline_whose_filing_date_the_page_dropped_still_places_the_story() -> None:
    text = "LIMA/QUITO,  (Reuters) - Peru and Ecuador signed a border accord on Tuesday after months of talks."
    assert set(_places(text)) == {"Lima"}


def test_water_in_the_singular_is_a_substance_not_a_state_s_waters() -> None:
    assert _places("Turkey on Monday banned Iran's mineral water.") == ["Turkey"]


def test_what_the_antecedent_is_said_to_be_places_nothing_of_its_relative_clause() -> None:
    text = "Ruiz, who took office in May 2018 as Peru's president, is a sharp critic of Washington."
    assert _places(text) == [None]


def test_a_nationality_tagged_a_place_is_the_state_it_names() -> None:
    text = "Four trawlers were seized by the coast guard on Monday for fishing in Sri Lankan waters."
    assert _places(text) == ["Sri Lanka"]


def test_a_name_no_gazetteer_knows_is_no_setting() -> None:
    text = "India and Nepal signed a pact on Monday, raising hopes for a return of Rohingyas by spring."
    assert _places(text) == [None]


def test_a_saying_joined_without_and_dates_only_what_it_says() -> None:
    text = (
        "Monitors from the bloc will not observe the Haitian presidential election, due to delays and curbs "
        "the bloc's observer mission said on Monday."
    )
    assert [e.date for e in extract(text, A_TUESDAY).events if e.type == "election"] == []


def test_a_bare_definite_event_noun_after_after_points_back_and_is_no_new_event() -> None:
    text = "Chile expelled two Bolivian diplomats after the incident, the foreign ministry said on Monday."
    assert [e.type for e in extract(text, A_TUESDAY).events] == ["expulsion"]


def test_a_summit_called_off_is_the_meeting_it_was_to_be_on_its_days() -> None:
    text = (
        "Peru has cancelled the Andean summit next month in Cusco after weeks of unrest.\n\n"
        "The leaders had been expected to sign a trade pact at the Nov. 14-15 meeting."
    )
    summits = [e for e in extract(text, A_TUESDAY).events if e.type in {"summit", "meeting"}]
    assert [(e.type, e.status, e.date) for e in summits] == [("summit", "cancelled", "2019-11-14/2019-11-15")]


def test_travelling_on_with_nowhere_named_is_no_visit() -> None:
    text = "The delegation travelled on Monday, the ministry said."
    assert not [e for e in extract(text, A_TUESDAY).events if e.type == "visit"]


def test_a_saying_the_parser_joined_as_a_conjunct_dates_only_what_it_says() -> None:
    text = (
        "Observers from the bloc will be unable to watch the Haitian presidential election, due to delays and "
        "restrictions the bloc's monitoring office said on Monday."
    )
    assert [e.date for e in extract(text, A_TUESDAY).events if e.type == "election"] == []


def test_a_change_of_the_meeting_later_in_the_sentence_changes_the_gathering_it_named() -> None:
    text = (
        "Hundreds of farmers forced their way into a regional summit in Cusco on Monday, forcing the hosts to "
        "put off the whole meeting."
    )
    summits = [e for e in extract(text, A_TUESDAY).events if e.type == "summit"]
    assert [e.status for e in summits] == ["postponed"]


def test_a_change_of_a_meeting_with_sides_of_its_own_leaves_the_gathering_alone() -> None:
    text = "Leaders gathered for a regional summit in Cusco on Monday, and Peru put off the meeting with Chile."
    summits = [e for e in extract(text, A_TUESDAY).events if e.type == "summit"]
    assert [e.status for e in summits] == ["occurred"]
