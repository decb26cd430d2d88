"""Nationality words name states: "Chinese officials" act for China; "Republicans" are no state."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.demonyms import country_of_demonym
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Chinese", "China"),  # not Hong Kong or Macau, which share the word: the most populous country
        ("American", "United States"),  # not the Northern Mariana Islands
        ("French", "France"),
        ("Filipinos", "Philippines"),  # a plural
        ("Philippine", "Philippines"),  # the adjective beside the demonym
        ("South  Korean", "South Korea"),  # two words, odd spacing
        ("saudi", "Saudi Arabia"),
        ("Republican", None),
        ("Muslims", None),
        ("Korean", None),  # two states: none is guessed
        ("", None),
    ],
)
def test_it_maps_nationality_words_to_countries(word: str, country: str | None) -> None:
    assert country_of_demonym(word) == country


def _actors(text: str) -> list[list[tuple[str, str, str]]]:
    return [[(a.name, a.kind.value, a.role.value) for a in e.actors] for e in extract(text, PUBLISHED).events]


def test_officials_of_two_nationalities_make_two_state_actors() -> None:
    [event] = extract("U.S. and Chinese officials held talks in Vienna on Monday.", PUBLISHED).events
    assert [(a.name, a.kind.value, a.role.value) for a in event.actors] == [
        ("U.S.", "state", "initiator"),
        ("China", "state", "initiator"),
    ]
    assert event.title == "U.S.–China talks in Vienna"
    # The parser takes the dateline for a subject too; the officials still act.
    [filed] = extract("VIENNA (AP) — U.S. and Chinese officials held talks in Vienna on Monday.", PUBLISHED).events
    assert filed.title == "U.S.–China talks in Vienna"


def test_a_nationality_acting_alone_is_its_state() -> None:
    assert _actors("The Chinese protested the arms sale on Friday.") == [[("China", "state", "initiator")]]
    assert _actors("Russian and Ukrainian negotiators met in Istanbul on Wednesday.") == [
        [("Russia", "state", "initiator"), ("Ukraine", "state", "initiator")]
    ]


def test_a_group_that_is_no_nation_is_no_state() -> None:
    [event] = extract("Republicans protested the deal on Friday.", PUBLISHED).events
    assert event.actors == ()


def test_the_object_of_a_summons_keeps_its_official() -> None:
    [event] = extract("The Filipinos summoned the Chinese ambassador on Monday.", PUBLISHED).events
    assert [(a.name, a.role.value) for a in event.actors] == [("Philippines", "initiator")]
    assert event.title == "Philippines summons Chinese ambassador"


def test_a_states_service_named_by_a_common_noun_acts_for_the_state() -> None:
    # The parser may tag "navy" or "coast guard" as a body: a common noun names no actor, its owner does.
    (event,) = extract("Iran's navy seized a tanker on Monday.", PUBLISHED).events
    assert [a.name for a in event.actors] == ["Iran"]
    assert event.title.startswith("Iran ")
    (event,) = extract("The navy seized a tanker on Monday.", PUBLISHED).events
    assert event.actors == ()


def test_officials_of_named_states_act_for_those_states() -> None:
    assert _actors("The defence ministers of Norway, Finland and Sweden met in Oslo on Monday.") == [
        [("Norway", "state", "initiator"), ("Finland", "state", "initiator"), ("Sweden", "state", "initiator")]
    ]
    # Of a party or a firm, an office names no state.
    assert _actors("The leader of the ruling party met voters in Oslo on Monday.") == [[]]


def test_a_craft_is_its_states_on_the_receiving_side_too() -> None:
    [event] = extract("A Turkish frigate shadowed a Greek survey vessel on Monday.", PUBLISHED).events
    assert [(a.name, a.role.value) for a in event.actors] == [("Turkey", "initiator"), ("Greece", "participant")]


def test_the_subject_the_parser_hangs_on_a_dateline_still_acts() -> None:
    # In capitals or in title case with its agency and a dash, a dateline names where the story was filed.
    for text in (
        "OSLO, Norway (Wire) — Austria and Chile signed a trade pact on Monday.",
        "Oslo, Norway (Wire) — Austria and Chile signed a trade pact on Monday.",
    ):
        [event] = extract(text, PUBLISHED).events
        assert [a.name for a in event.actors] == ["Austria", "Chile"]
        assert event.location is not None and event.location.name == "Oslo"


def test_officials_of_a_body_act_for_it_and_are_named_as_such() -> None:
    [event] = extract("EU foreign ministers met in Brussels on Monday.", PUBLISHED).events
    assert [(a.name, a.kind.value) for a in event.actors] == [("EU", "organization")]
    assert event.title == "EU foreign ministers meet in Brussels"


def test_what_a_gathering_agreed_is_its_own_event_titled_with_what_was_agreed() -> None:
    text = "NATO leaders agreed at their summit in Vilnius on Monday to fast-track Sweden's membership."
    by_type = {e.type.value: e for e in extract(text, PUBLISHED).events}
    assert by_type["agreement"].date == by_type["summit"].date == "2024-06-10"
    assert by_type["agreement"].title == "NATO leaders agree to fast-track Sweden's membership in Vilnius"


def test_a_short_form_the_tagger_leaves_untagged_is_the_person_named_before() -> None:
    # The small model often tags a lone surname as nothing; the article named the person in full before.
    text = "Prime Minister Narendra Modi will go to Canada next week. Modi arrives in Ottawa on Monday."
    arrival = next(e for e in extract(text, PUBLISHED).events if e.location and e.location.name == "Ottawa")
    assert [(a.name, a.kind.value) for a in arrival.actors] == [("Narendra Modi", "person")]
