"""Calling someone is a call; a freed captive's arrival is a release's homecoming; kin meeting is private;
a relative clause hung on the wrong noun still dates its event; a dateline with a filing date and a plain
hyphen is a dateline. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found

PUBLISHED = A_FRIDAY


def test_calling_a_person_is_a_telephone_call() -> None:
    text = "The Chilean president called his Peruvian counterpart on Wednesday."
    assert found(text) == [(EventType.PHONE_CALL, EventStatus.OCCURRED, "2025-03-12")]
    assert found("The premier called him on Wednesday to offer help.") == [
        (EventType.PHONE_CALL, EventStatus.OCCURRED, "2025-03-12")
    ]


def test_calling_something_a_name_or_calling_for_something_is_no_call() -> None:
    assert found("Chile called the move a provocation on Wednesday.") == []
    assert found("The minister called for calm on Wednesday.") == []
    assert found("Peru called the vote on Wednesday.") == []


def test_a_freed_captive_coming_home_is_a_release_not_a_visit() -> None:
    events = extract(
        "Three Chileans held in Peru arrived in Santiago on Wednesday after being freed.", PUBLISHED
    ).events
    assert [(e.type, e.date, e.location.name if e.location else None) for e in events] == [
        (EventType.RELEASE, "2025-03-12", "Santiago")
    ]
    assert [e.title for e in events] == ["Three Chileans arrive in Santiago"]
    assert found("The freed hostages landed in Lima on Wednesday.") == [
        (EventType.RELEASE, EventStatus.OCCURRED, "2025-03-12")
    ]
    # An official arriving after talks is still a visit.
    assert (EventType.VISIT, EventStatus.OCCURRED, "2025-03-12") in found(
        "The minister arrived in Lima on Wednesday after talks in Quito."
    )


def test_kin_meeting_or_visiting_is_private() -> None:
    assert found("Relatives of the two men will meet them at an air base on Tuesday.") == []
    assert found("Relatives of the two men said they would meet them at an air base on Tuesday.") == []
    assert found("The two ministers said they would meet in Lima on Tuesday.") == [
        (EventType.MEETING, EventStatus.SCHEDULED, "2025-03-18")
    ]


def test_a_relative_clause_of_taking_place_hung_on_the_wrong_noun_still_dates_the_event() -> None:
    text = "The move comes ahead of a summit between the two presidents, which could take place in Lima in June."
    assert found(text) == [(EventType.SUMMIT, EventStatus.SCHEDULED, "2025-06")]
    text = "The move comes ahead of a summit between the two presidents, which aides say could take place in June."
    assert found(text) == [(EventType.SUMMIT, EventStatus.SCHEDULED, "2025-06")]
    # "who" speaks of the people, not the event.
    text = "Talks with the rebels, who met the envoy in January, will resume."
    assert (EventType.TALKS, EventStatus.SCHEDULED, "2025-01") not in found(text)


def test_a_dateline_with_a_filing_date_and_a_plain_hyphen_names_no_actor() -> None:
    events = extract("LIMA, 13 March - Peru and Chile agreed on Thursday to resume talks.", PUBLISHED).events
    assert [a.name for e in events for a in e.actors if a.name.isupper()] == []
    assert [e.date for e in events] == ["2025-03-13"]


def test_a_title_case_dateline_with_a_filing_date_and_an_agency_needs_no_dash() -> None:
    text = "Lima, Mar 13 (AWN) Defence Minister Ana Ruiz on Thursday met Jorge Varel in La Paz."
    events = extract(text, PUBLISHED).events
    # The bureau's city is no side of the meeting.
    assert [sorted(a.name for a in e.actors) for e in events] == [["Ana Ruiz", "Jorge Varel"]]
    # A list of names with a party in brackets and no filing date is no dateline.
    listed = extract("Smith, Jones (R) and Ruiz met in Lima on Thursday.", PUBLISHED).events
    assert [e.location.name if e.location else None for e in listed] == ["Lima"]


def test_a_second_veto_clause_names_only_its_own_sides() -> None:
    text = "Chile and Peru vetoed a text on Tuesday, and Ecuador vetoed two texts in October and in January."
    events = extract(text, PUBLISHED).events
    assert [(e.date, sorted(a.name for a in e.actors)) for e in events] == [
        ("2025-03-11", ["Chile", "Peru"]),
        ("2024-10", ["Ecuador"]),
        ("2025-01", ["Ecuador"]),
    ]


def test_it_in_what_a_state_said_is_that_state() -> None:
    events = extract("Chile said on Thursday it would impose tariffs on Peruvian goods from Monday.", PUBLISHED).events
    sanctions = [e for e in events if e.type is EventType.SANCTION]
    assert [(e.date, [a.name for a in e.actors if a.role.value == "initiator"]) for e in sanctions] == [
        ("2025-03-17", ["Chile"])
    ]


def test_a_council_demanding_or_condemning_decides_by_resolution() -> None:
    text = "The Security Council on Tuesday demanded an immediate ceasefire along the border."
    assert found(text) == [(EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-11")]
    # A union or a government condemning is a statement.
    assert found("The European Union condemned the annexation on Tuesday.") == [
        (EventType.STATEMENT, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_land_taken_is_where_the_taking_happened_and_the_title_names_it_with_its_owner() -> None:
    events = extract("Zembla annexed Ostland's Varel Peninsula in 2019.", PUBLISHED).events
    assert [(e.type, e.location.name if e.location else None) for e in events] == [
        (EventType.SEIZURE, "Varel Peninsula")
    ]
    assert [e.title for e in events] == ["Zembla annexes Ostland's Varel Peninsula"]
    # A seized ship is no place; the title names the ship, not its flag state.
    events = extract("Iran seized a British tanker in July.", PUBLISHED).events
    assert [(e.location, e.title) for e in events] == [(None, "Iran seizes British tanker")]


def test_easing_measures_is_a_sanction_eased() -> None:
    assert found("Chile eased some measures on Peruvian fruit in February.") == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2025-02")
    ]


def test_officials_sent_to_a_place_go_on_a_visit() -> None:
    events = extract("Peru sent a delegation of senior diplomats to Quito on Monday.", PUBLISHED).events
    assert [(e.type, e.date, e.title) for e in events] == [
        (EventType.VISIT, "2025-03-10", "Peru sends delegation to Quito")
    ]
    # Troops sent are a deployment, not a visit.
    assert EventType.VISIT not in [kind for kind, _, _ in found("Peru sent troops to the border on Monday.")]


def test_a_dateline_does_not_place_what_another_state_does_from_home() -> None:
    text = "QUITO (Reuters) - Colombia lodged a diplomatic protest with Chile on Monday over the arrests."
    events = extract(text, PUBLISHED).events
    assert [(e.type, e.location) for e in events] == [(EventType.PROTEST, None)]
    # Sides that met where the story was filed met there.
    text = "QUITO (Reuters) - Peru and Chile agreed on Monday to reopen their border, after talks."
    events = extract(text, PUBLISHED).events
    assert [e.location.name if e.location else None for e in events if e.type is EventType.AGREEMENT] == ["Quito"]


def test_a_country_after_a_dateline_the_model_left_untagged_is_the_state() -> None:
    text = "QUITO (Reuters) - Peru on Monday lodged a diplomatic protest with Chile over the arrests."
    events = extract(text, PUBLISHED).events
    assert [([a.name for a in e.actors], e.location) for e in events] == [(["Peru", "Chile"], None)]


def test_a_dateline_with_an_ordinal_filing_day_is_a_dateline() -> None:
    events = extract("LIMA, 13th March - Peru and Chile agreed on Thursday to resume talks.", PUBLISHED).events
    assert [a.name for e in events for a in e.actors if a.name.isupper()] == []
    assert [e.date for e in events] == ["2025-03-13"]


def test_a_resolution_that_fails_or_is_rejected_is_a_rejection() -> None:
    events = extract("The draft resolution was rejected by the assembly on Tuesday.", PUBLISHED).events
    assert [(e.type, e.date, e.title) for e in events] == [
        (EventType.REJECTION, "2025-03-11", "Draft resolution rejected")
    ]
    assert found("The resolution failed on Tuesday.") == [(EventType.REJECTION, EventStatus.OCCURRED, "2025-03-11")]
    # One adopted stays a resolution.
    assert found("The resolution was adopted on Tuesday.") == [
        (EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_a_city_in_capitals_and_a_plain_hyphen_is_a_dateline() -> None:
    (event,) = extract("LIMA - Negotiators agreed on Sunday to extend the talks by two days.", A_FRIDAY).events
    assert event.location is not None and event.location.name == "Lima"
    assert [a.name for a in event.actors] == []  # "Negotiators" opens the sentence; it is no name
    # A run of capitals that names no city is no dateline: the body stays the actor.
    (event,) = extract("NATO - The alliance's envoys met on Sunday.", A_FRIDAY).events
    assert event.location is None


def test_a_dateline_city_run_into_a_body_s_name_is_cut_from_it() -> None:
    (event,) = extract("Lima - Andean Community leaders agreed on Thursday to open talks with Chile.", A_FRIDAY).events
    assert event.location is not None and event.location.name == "Lima"
    assert not [a.name for a in event.actors if "Lima" in a.name]


def test_a_country_the_model_ran_into_the_dateline_s_date_is_still_a_side() -> None:
    text = "KYIV, Jan 8 - Russia and Ukraine exchanged nearly 200 prisoners of war on Monday."
    (event,) = extract(text, A_FRIDAY).events
    assert [a.name for a in event.actors] == ["Russia", "Ukraine"]


def test_what_talks_are_about_is_not_told_as_done() -> None:
    # The swap talked about is no swap, and takes no date from the sentence before.
    text = "The previous exchange took place on March 3. Talks on a further swap are continuing, officials said."
    assert found(text) == []
    assert found("Negotiations over a ceasefire resumed in Lima on Thursday.") == [
        (EventType.TALKS, EventStatus.OCCURRED, "2025-03-13")
    ]
