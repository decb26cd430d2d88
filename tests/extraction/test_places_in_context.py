"""Where an event happened when the trigger governs no place name, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)
CONFIG = ExtractionConfig()


def place_of(text: str, event_type: EventType) -> str | None:
    [event] = [e for e in extract(text, PUBLISHED, CONFIG).events if e.type is event_type]
    return event.location.name if event.location else None


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        pytest.param("The premier arrived in the city of Chengdu on Monday.", EventType.VISIT, "Chengdu", id="city-of"),
        pytest.param(
            "A Russian bomber violated Norwegian airspace on Friday.", EventType.INCIDENT, "Norway", id="airspace"
        ),
        pytest.param(
            "The ministers met on Monday at the Asian Development Bank in Manila.",
            EventType.MEETING,
            "Manila",
            id="venue-in-a-city",
        ),
        pytest.param(
            "A missile fired from a drone high above Kabul on Tuesday killed two commanders.",
            EventType.MILITARY_ACTION,
            "Kabul",
            id="the-one-place-of-the-clause",
        ),
        pytest.param(
            "Japanese officials expressed anger on Monday over the export decision.",
            EventType.PROTEST,
            "Tokyo",
            id="a-government-speaks-from-its-capital",
        ),
    ],
)
def test_it_places_the_event(text: str, event_type: EventType, place: str) -> None:
    assert place_of(text, event_type) == place


def test_a_state_speaking_as_a_whole_is_not_placed_in_its_capital() -> None:
    # Its officials speak from the capital (above); the state itself acts through notes and envoys anywhere.
    assert place_of("Portugal protested to Spain on Monday over the fishing ban.", EventType.PROTEST) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param("On Monday the fund pledged $2bn in aid to Chile.", None, id="granted-to-a-recipient"),
        pytest.param("The navy sent food aid to Lebanon on Monday.", "Lebanon", id="goods-moved-to-a-place"),
    ],
)
def test_money_granted_to_a_state_is_not_placed_there(text: str, place: str | None) -> None:
    assert place_of(text, EventType.AID) == place


def test_a_place_in_the_next_clause_is_another_events() -> None:
    text = "Latvia expelled a Belarusian diplomat on Friday, and Belarus summoned the Latvian envoy in Minsk."
    assert place_of(text, EventType.EXPULSION) == "Latvia"


def test_two_places_in_the_clause_say_nothing() -> None:
    # Neither town is the strike's.
    text = "A drone flying between Kabul and Kandahar on Tuesday killed two commanders."
    assert place_of(text, EventType.MILITARY_ACTION) not in {"Kabul", "Kandahar"}


def test_a_state_modifying_the_subject_of_a_dispute_is_no_place() -> None:
    assert place_of("Officials expressed anger on Monday over the Canadian decision.", EventType.PROTEST) != "Canada"


def test_a_states_capital_named_by_its_nationality_is_that_city() -> None:
    place = extract("The envoys met in the Austrian capital on Monday.", PUBLISHED, CONFIG).events[0].location
    assert place is not None and (place.name, place.country, place.lat is not None) == ("Vienna", "AT", True)


def places_of(text: str, event_type: EventType) -> list[str | None]:
    return [
        e.location.name if e.location else None for e in extract(text, PUBLISHED, CONFIG).events if e.type is event_type
    ]


def test_a_party_named_after_against_or_with_is_no_setting() -> None:
    text = "The assembly adopted a resolution against Chile on Monday."
    assert place_of(text, EventType.RESOLUTION) != "Chile"


def test_a_place_under_the_object_of_with_belongs_to_that_object() -> None:
    text = "Officials said Friday's summit coincides with a truce in the war in Sudan."
    assert places_of(text, EventType.SUMMIT) == [None]


def test_a_setting_clause_on_the_noun_after_of_places_the_trigger() -> None:
    text = "Officials said on Sunday they would postpone a summit of regional leaders planned for May in Nairobi."
    assert places_of(text, EventType.SUMMIT)[0] == "Nairobi"


def test_a_later_mention_of_the_same_event_takes_the_earlier_ones_place() -> None:
    text = (
        "Leaders of twenty states will gather at a Buenos Aires summit later this year. "
        "Officials said on Tuesday that the summit would open on June 28."
    )
    assert places_of(text, EventType.SUMMIT)[-1] == "Buenos Aires"


def test_an_event_without_a_place_takes_the_place_of_the_last_event_of_its_kind() -> None:
    text = "Rebels attacked an army post in Aleppo on Monday. Two more soldiers were killed on Tuesday."
    assert places_of(text, EventType.MILITARY_ACTION) == ["Aleppo", "Aleppo"]


def test_an_untagged_two_word_city_after_in_is_read_whole() -> None:
    # The parse as the model sometimes gives it: "Da Nang" untagged, "Da" a compound of "Nang".
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from events.extraction.places import _named_place

    words = ["They", "met", "in", "Da", "Nang", "."]
    doc = Doc(
        Vocab(),
        words=words,
        pos=["PRON", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
        heads=[1, 1, 1, 4, 2, 1],
    )
    place = _named_place(doc, doc[4], frozenset(), "in")
    assert place is not None and (place.name, place.country) == ("Da Nang", "VN")


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        pytest.param(
            "Clashes broke out in the Jaffna district on Monday.", EventType.INCIDENT, "Jaffna", id="area-noun"
        ),
        pytest.param(
            "Two destroyers were deployed to the navy's Pacific Ocean base on Wake Island on Monday.",
            EventType.DEPLOYMENT,
            "Wake Island",
            id="a-narrower-place-inside-a-named-one",
        ),
        pytest.param(
            "The two leaders met on Tuesday at the Tsiolkovsky Launch Complex in the Far East.",
            EventType.MEETING,
            "Tsiolkovsky Launch Complex",
            id="a-venue-beats-the-region-around-it",
        ),
        pytest.param(
            "The Chilean pilot arrived home on Friday after his release.", EventType.RELEASE, "Chile", id="home"
        ),
    ],
)
def test_it_reads_the_place_phrase(text: str, event_type: EventType, place: str) -> None:
    assert places_of(text, event_type)[0] == place


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        pytest.param(
            "The two navies were locked in a standoff along their sea boundary, known as the Blue Line, on Monday.",
            EventType.INCIDENT,
            "Blue Line",
            id="a-place-noun-known-as-a-name-under-the-verb-of-in",
        ),
        pytest.param(
            "Protesters gathered in Lahore on Monday. Soldiers detained twelve people in the city on Tuesday.",
            EventType.DETENTION,
            "Lahore",
            id="the-city-is-the-last-city-named",
        ),
        pytest.param(
            "The reporter was detained on Monday while fighting alongside rebels against the army in Kharkiv.",
            EventType.DETENTION,
            "Kharkiv",
            id="a-clause-of-the-same-scene",
        ),
    ],
)
def test_it_places_from_the_article(text: str, event_type: EventType, place: str) -> None:
    assert places_of(text, event_type)[-1] == place


def test_the_articles_main_country_places_no_event() -> None:
    # The country an article names most is no guess for an event whose story names no place.
    text = "Rebels in Colombia have fought the army for decades. A truce was signed on Monday."
    assert places_of(text, EventType.AGREEMENT) == [None]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "The two foreign ministers met in Lisbon on Monday to discuss fishing quotas.\n\n"
            "The minister also met a group of bankers on Friday.",
            None,
            id="another-paragraph-another-meeting",
        ),
        pytest.param(
            "The two foreign ministers met in Lisbon on Monday to discuss fishing quotas.\n\n"
            "A new meeting was set for Friday.",
            None,
            id="an-indefinite-noun-is-another-meeting",
        ),
        pytest.param(
            "The two foreign ministers held a meeting in Lisbon on Monday.\n\n"
            "The meeting ended on Tuesday without a deal, officials said.",
            "Lisbon",
            id="a-definite-noun-points-back",
        ),
        pytest.param(
            "The two foreign ministers met in Lisbon on Monday. They met again on Tuesday to sign the accord.",
            "Lisbon",
            id="the-same-paragraph-is-the-same-story",
        ),
    ],
)
def test_a_place_carries_only_within_its_story(text: str, place: str | None) -> None:
    assert places_of(text, EventType.MEETING)[-1] == place


@pytest.mark.parametrize(
    ("second", "place"),
    [
        pytest.param("The rebels shelled two villages on Wednesday.", "Aleppo", id="past-tense-fighting-goes-on"),
        pytest.param("The rebels will shell two villages on Wednesday.", None, id="a-plan-is-not-the-narrative"),
    ],
)
def test_fighting_told_in_the_past_carries_the_theatre_to_the_next_paragraph(second: str, place: str | None) -> None:
    text = f"Rebels attacked an army post in Aleppo on Monday.\n\nThe government blamed the rebels.\n\n{second}"
    assert places_of(text, EventType.MILITARY_ACTION)[-1] == place


def test_a_meeting_is_not_placed_in_the_articles_main_country() -> None:
    # Gatherings are where the people gather; a visit's scene places them later, not the article's country.
    text = "Peru's economy grew last year, Peru's government said. The two envoys met on Monday."
    assert places_of(text, EventType.MEETING) == [None]


def test_a_sentence_whose_place_phrase_is_another_events_gets_no_guess() -> None:
    text = "The reporter was arrested in Tabriz in March and convicted of spying in July."
    assert places_of(text, EventType.DETENTION) == ["Tabriz", None]


def test_the_islands_point_back_to_the_islands_named_before() -> None:
    text = (
        "A collision occurred near the Paracel islands on Monday. "
        "Chinese ships held drills near the disputed islands on Friday."
    )
    assert places_of(text, EventType.MILITARY_EXERCISE) == ["Paracel islands"]


def test_a_place_from_the_rest_of_the_article_is_not_counted_as_stated() -> None:
    # The confidence model was fitted on places the sentence states; a carried place is weaker evidence.
    from events.extraction.analysis import parse_texts, pipeline_for
    from events.extraction.pipeline import extract_parsed
    from events.extraction.places import place_is_stated

    text = "Rebels attacked an army post in Aleppo on Monday. Two more soldiers were killed on Tuesday."
    [doc] = parse_texts(pipeline_for(CONFIG.spacy_model), [text], max_chars=CONFIG.chunk_chars, batch_size=1)
    stated, carried = extract_parsed(doc, PUBLISHED, CONFIG).events
    assert stated.location == carried.location
    assert (place_is_stated(doc, stated.trigger_index), place_is_stated(doc, carried.trigger_index)) == (True, False)


def test_a_place_naming_a_common_noun_after_at_places_the_event() -> None:
    text = "The commander was killed on Friday shortly after stepping off a plane at Kandahar airport."
    assert places_of(text, EventType.MILITARY_ACTION) == ["Kandahar"]


def test_a_place_naming_the_object_of_a_dispute_is_no_setting() -> None:
    text = "Brazilian officials on Monday expressed anger over the Mexican embargo on Tuesday, and over the U.S. move."
    assert places_of(text, EventType.PROTEST) != ["United States"]


def test_a_place_after_a_preposition_of_sequence_is_the_other_events() -> None:
    # "after riots in Quito": the riots' place, not the visit's.
    assert places_of("The envoy cancelled a visit on Monday after riots in Quito.", EventType.VISIT) == [None]


def test_a_place_after_a_preposition_that_is_not_of_place_is_no_setting() -> None:
    # "aid for Chile": whom the aid is for, not where the ministers meet.
    assert places_of("Ministers will discuss aid for Chile at a meeting on Friday.", EventType.MEETING) == [None]


def test_the_noun_a_relative_clause_describes_is_no_place_of_its_event() -> None:
    text = "The dispute drew in Ecuador, with which Colombia reached a truce in March."
    assert places_of(text, EventType.AGREEMENT) == [None]
    # The noun's own place phrase still places the clause's event.
    text = "A priest serving in Lima, who was abducted by gunmen in 1990, was later found alive."
    assert places_of(text, EventType.ABDUCTION) == ["Lima"]


def test_a_state_after_of_in_the_subject_says_whose_people_act() -> None:
    assert places_of("The envoys of Chile and Peru held talks on Friday.", EventType.TALKS) == [None]


def test_to_after_words_names_whom_they_are_addressed_to() -> None:
    assert places_of("Peru protested to Chile on Monday.", EventType.PROTEST) != ["Chile"]


def test_a_call_is_not_placed_by_the_dateline() -> None:
    # A call joins two places; the bureau's city is neither's word for where it happened.
    text = "QUITO, Ecuador (AP) — The president spoke by phone with his Peruvian counterpart on Monday."
    assert places_of(text, EventType.PHONE_CALL) == [None]


def test_a_summit_named_by_a_body_with_of_points_back_to_the_summit_told_before() -> None:
    # The parser hangs "summit" under the "of" of the body's name; "The" still makes it the one told before.
    text = (
        "Peru said on Sunday that it would postpone a summit of regional leaders scheduled for April in Lima.\n"
        "The Union of Southern Nations summit will instead be held in late June, the ministry said."
    )
    places = [e.location.name if e.location else None for e in extract(text, PUBLISHED, CONFIG).events]
    assert places.count("Lima") == 2


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Drones struck two Saudi oil plants on Saturday.", "Saudi Arabia"),
        ("A drone attack was launched against two Kuwaiti oil installations in September.", "Kuwait"),
    ],
)
def test_a_struck_facility_s_nationality_places_the_strike(text: str, place: str) -> None:
    assert place_of(text, EventType.MILITARY_ACTION) == place


def test_a_nationality_on_people_or_on_a_backer_places_nothing() -> None:
    # Soldiers move; "Iranian-backed" names a backer, not where the positions are.
    assert (
        place_of("Ostland jets struck Iranian-backed militia positions on Monday.", EventType.MILITARY_ACTION) is None
    )
    assert place_of("Ostland jets struck Iranian soldiers on Monday.", EventType.MILITARY_ACTION) is None


def test_an_act_told_as_the_time_of_another_takes_none_of_its_places() -> None:
    # The trip is to Port Ostra; the taking of office, told only to time the trip, did not happen there.
    text = "On June 3 Zembla's premier flew to Port Ostra, her first trip abroad since taking office in January."
    assert place_of(text, EventType.VISIT) == "Port Ostra"
    # Told only to count trips from, the taking of office is no event of the article (status.anchors_a_time),
    # so it has no place either.
    assert [e for e in extract(text, PUBLISHED, CONFIG).events if e.type is EventType.INAUGURATION] == []
    # Inside the phrase, its own place still counts.
    text = "Zembla's premier flew home on June 3, a day after taking office in Port Ostra."
    assert place_of(text, EventType.INAUGURATION) == "Port Ostra"


def test_there_points_back_to_the_place_told_before() -> None:
    text = "On June 3 Zembla's premier flew to Port Ostra. There she signed a fisheries accord."
    assert place_of(text, EventType.AGREEMENT) == "Port Ostra"
    # The "there" of "there were" is no place.
    text = "On June 3 Zembla's premier flew to Port Ostra. There were talks on fisheries on June 4."
    assert place_of(text, EventType.TALKS) is None


def test_a_gathering_takes_place_where_its_host_is() -> None:
    assert place_of("Japan will host the regional summit from Nov. 3 to 5.", EventType.SUMMIT) == "Japan"
    assert place_of("Geneva hosted the talks on Monday.", EventType.TALKS) == "Geneva"
    # Hosting a guest is a meeting at the host's place only when the text says where.
    assert place_of("The Ostland premier attended the summit on Monday.", EventType.SUMMIT) is None


def test_a_gapped_clause_goes_to_the_place_named_before_its_time() -> None:
    events = extract("The envoy will visit Tokyo on Monday and Seoul on Tuesday.", PUBLISHED, CONFIG).events
    assert [(e.date, e.location.name if e.location else None) for e in events] == [
        ("2024-06-17", "Tokyo"),
        ("2024-06-18", "Seoul"),
    ]
    # A second act with no place before its time keeps its own reading.
    events = extract("The envoy will visit Tokyo on Monday and hold talks on Wednesday.", PUBLISHED, CONFIG).events
    assert [e.location.name if e.location else None for e in events] == ["Tokyo", None]


def test_an_agreement_told_in_the_pluperfect_did_not_come_out_of_the_talks_told_before() -> None:
    text = "Talks in Geneva broke down on Monday. The two sides had agreed in January to a truce on new tariffs."
    assert place_of(text, EventType.AGREEMENT) is None
    text = "Talks in Geneva resumed on Monday. On Tuesday the two sides agreed to a truce on new tariffs."
    assert place_of(text, EventType.AGREEMENT) == "Geneva"


def test_a_capital_with_an_owner_is_never_another_states() -> None:
    # Zembla is no state the gazetteer knows; Geneva, named before, makes Switzerland the article's country.
    text = "Talks in Geneva ended on Friday. Ostland fired missiles at Zembla's capital on Saturday."
    assert place_of(text, EventType.MILITARY_ACTION) is None
    # An owner the gazetteer knows names its capital.
    text = "Talks in Geneva ended on Friday. Ostland fired missiles at Ukraine's capital on Saturday."
    assert place_of(text, EventType.MILITARY_ACTION) == "Kyiv"


def test_a_place_named_for_an_event_ahead_or_before_is_not_the_acts() -> None:
    # PUBLISHED is Wednesday 12 June 2024.
    text = "The envoys met on Monday ahead of a summit in Vilnius next month."
    assert place_of(text, EventType.MEETING) is None
    text = "The envoys agreed on Monday to add air defences, ahead of a summit in Vilnius next month."
    assert place_of(text, EventType.AGREEMENT) is None


def test_who_asked_for_a_gathering_is_not_where_it_is() -> None:
    assert place_of("The council will meet on Thursday at the request of Norway.", EventType.MEETING) is None
    assert place_of("The talks opened on Monday at the invitation of Austria.", EventType.TALKS) is None
    # "of" still names a place after a settlement noun.
    assert place_of("The talks opened in the town of Graz on Monday.", EventType.TALKS) == "Graz"


def test_what_was_talked_about_is_not_where() -> None:
    # The parser hangs "in Sudan" on the verb; it says which crisis.
    assert (
        place_of("In a phone call on Monday, the two premiers discussed the crisis in Sudan.", EventType.PHONE_CALL)
        is None
    )
    assert place_of("The envoys met in Oslo on Monday and discussed the war in Sudan.", EventType.MEETING) == "Oslo"


def test_two_places_of_one_trip_with_one_time_are_no_gapped_clause() -> None:
    # "Tokyo on Monday and Seoul on Wednesday" is two visits; "Norway and Chile next week" one trip, to the first.
    [trip] = extract("Varga will visit Norway and Chile next week.", PUBLISHED, CONFIG).events
    assert trip.location is not None and trip.location.name == "Norway"


def test_a_gapped_clause_with_again_and_its_preposition_goes_to_its_own_place() -> None:
    text = "The envoys met in Lisbon in February and again in Madrid in April."
    events = extract(text, PUBLISHED, CONFIG).events
    assert [(e.date, e.location.name if e.location else None) for e in events] == [
        ("2024-02", "Lisbon"),
        ("2024-04", "Madrid"),
    ]
    # A place after "in" is where the envoys met, not whom they met.
    assert all(not e.actors for e in events)


def test_an_event_named_ahead_of_the_act_does_not_take_the_acts_place() -> None:
    # PUBLISHED is Wednesday 12 June 2024: the trip is to Oslo; the summit's place is not told.
    text = "The foreign minister will fly to Oslo next week for talks ahead of a regional summit on July 3-4."
    assert place_of(text, EventType.SUMMIT) is None
    text = "The envoys met in Rome on Monday prior to a summit on Friday."
    assert place_of(text, EventType.SUMMIT) is None


def test_a_noun_named_by_its_own_date_does_not_take_the_last_place_of_its_kind() -> None:
    text = (
        "Ostland and Zembla signed a peace accord in Geneva on Monday.\n\n"
        "It replaces a truce reached in February.\n\n"
        "Mediators who brokered the February truce were thanked."
    )
    events = extract(text, PUBLISHED, CONFIG).events
    assert [(e.date, e.location.name if e.location else None) for e in events if e.date == "2024-02"] == [
        ("2024-02", None)
    ]


def test_a_capital_the_tagger_takes_for_a_person_is_the_place_a_visit_goes_to() -> None:
    # The small model tags this capital as a person when it is the object of "visited".
    assert place_of("The minister visited Kyiv in May.", EventType.VISIT) == "Kyiv"


def test_an_act_in_a_when_clause_of_a_visit_happened_where_the_visit_was() -> None:
    text = "The chancellor visited Beijing in April, when the two governments signed a trade accord."
    assert place_of(text, EventType.AGREEMENT) == "Beijing"
    # Another kind of host names no place for the act.
    text = "Tariffs were raised in April, when the two governments signed a trade accord."
    assert place_of(text, EventType.AGREEMENT) is None


def test_what_a_relative_clause_says_was_discussed_is_not_where() -> None:
    text = (
        "Indian Foreign Minister S. Jaishankar also held separate talks with his Nepali counterpart, Arzu Deuba, "
        "on Friday, during which they discussed the detention of a Nepali national in India."
    )
    assert place_of(text, EventType.TALKS) is None


def test_an_act_told_after_another_does_not_take_the_others_place() -> None:
    text = (
        "Zembla launched two cruise missiles toward the open sea off its west coast on Thursday, hours after "
        "Ostland and Norway wrapped up a joint naval exercise."
    )
    assert place_of(text, EventType.MILITARY_EXERCISE) is None
