"""Who "the government" is in what an official tells, and a mission named in a passive title. Every sentence
here was written for this test."""

from __future__ import annotations

from datetime import date

from events.extraction.pipeline import extract

A_FRIDAY = date(2011, 9, 2)


def test_the_government_in_what_an_official_tells_is_the_official_s_state() -> None:
    text = "Chile's foreign minister told the press on Friday the government was cutting ties with Bolivia."
    events = extract(text, A_FRIDAY).events
    assert [[a.name for a in e.actors] for e in events] == [["Chile", "Bolivia"]]


def test_a_mission_taken_out_in_the_passive_is_named_as_the_text_names_it() -> None:
    events = extract("The Canadian embassy in Syria has been evacuated.", A_FRIDAY).events
    assert [e.title for e in events] == ["Canadian embassy is evacuated in Syria"]


def test_a_collision_s_other_side_follows_with() -> None:
    events = extract(
        "A Japanese patrol boat collided with a Chinese trawler on Friday near the islands.", A_FRIDAY
    ).events
    assert [e.title for e in events] == ["Japan collides with China"]


def test_a_country_after_a_person_s_name_says_whose_office_not_where_he_went() -> None:
    events = extract("President Ana Ruiz of Peru arrived on Friday for the talks.", A_FRIDAY).events
    visits = [e for e in events if e.type == "visit"]
    assert [e.location for e in visits] == [None]


def test_what_someone_is_briefed_on_is_no_setting_of_the_briefing() -> None:
    text = "President Ana Ruiz briefed President Luis Quispe on the situation in Sudan on Friday."
    assert [e.location for e in extract(text, A_FRIDAY).events] == [None]


def test_sending_another_state_s_envoy_home_is_an_expulsion() -> None:
    text = "Chile sent the Bolivian ambassador back home on Friday after the row."
    assert [e.type for e in extract(text, A_FRIDAY).events] == ["expulsion"]


def test_a_person_extradited_is_named_before_where_he_is_sent() -> None:
    events = extract("Thailand on Friday extradited Ivan Petrov to the United States.", A_FRIDAY).events
    assert [e.title for e in events] == ["Thailand extradites Ivan Petrov to the United States"]
