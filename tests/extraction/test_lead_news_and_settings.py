"""The news a story's lead tells with no time of its own, a byline that stands as a sentence of its own,
and an event noun that is the setting of a reported act. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_a_lead_in_the_simple_past_with_no_time_tells_the_news_of_the_publication_day() -> None:
    assert found("Ostland expelled two Zembla diplomats, the foreign ministry said.") == [
        (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-14")
    ]
    # Below the lead an undated act is background: nothing dates it.
    assert (
        found(
            "Zembla and Ostland are old rivals. Their trade has grown for a decade. "
            "Ostland expelled two Zembla diplomats, the foreign ministry said."
        )
        == []
    )


def test_a_lead_that_calls_off_an_act_in_the_simple_past_is_the_news_of_the_day() -> None:
    events = extract("Chile's trade minister scrapped a trip to Peru.", A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.VISIT, EventStatus.CANCELLED, "2025-03-14")]
    assert events[0].location is not None and events[0].location.name == "Peru"


def test_an_undated_act_beside_a_dated_one_is_not_dated_by_the_publication_day() -> None:
    # The firing is a step of what the sentence dates elsewhere, not news of the publication day.
    events = extract(
        "A fighter jet fired a missile at the drone, and coast guard crews started collecting the wreckage "
        "on Thursday.",
        A_FRIDAY,
    ).events
    assert all(e.date != "2025-03-14" for e in events)
    assert all(e.citation.time_text for e in events)


def test_a_byline_standing_as_sentences_of_its_own_does_not_push_the_news_out_of_the_lead() -> None:
    text = "By Ana Quispe. Andean Wire staff. Peru's trade minister scrapped a trip to Chile."
    assert found(text) == [(EventType.VISIT, EventStatus.CANCELLED, "2025-03-14")]


def test_an_event_noun_a_reported_act_is_told_inside_takes_the_day_of_the_report() -> None:
    events = extract(
        "During a telephone conversation with the Chilean president, Ruiz proposed new talks, the ministry said "
        "on Tuesday.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.PHONE_CALL, EventStatus.OCCURRED, "2025-03-11")]
    assert "Ruiz" in [a.name for a in events[0].actors]


def test_a_time_on_a_present_verb_after_a_noun_marked_as_past_dates_that_noun_gone_by() -> None:
    # Read on a Friday in mid-March, January 27 ten months ahead would be the futurate's reading.
    assert found("The accord rests on earlier talks between the two ministers in Lima on January 27.") == [
        (EventType.TALKS, EventStatus.OCCURRED, "2025-01-27")
    ]


def test_a_plan_told_in_the_simple_past_for_days_already_begun_did_not_come_about() -> None:
    assert found("The minister was scheduled to visit Chile from March 13-16 for talks with his counterpart.") == [
        (EventType.VISIT, EventStatus.CANCELLED, "2025-03-13/2025-03-16")
    ]
    # Said to be put off in its own sentence, it was postponed.
    assert found("The two leaders were set to meet on Tuesday, but the talks were put off.") == [
        (EventType.MEETING, EventStatus.POSTPONED, "2025-03-11")
    ]
    # A plan for days still ahead stays a plan.
    assert found("The minister was scheduled to visit Chile next Monday.") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-17")
    ]


def test_a_headline_in_the_simple_present_tells_the_news_of_the_publication_day() -> None:
    assert found(
        "Ostland expels two Zembla diplomats\n\nThe foreign ministry gave the envoys three days to leave."
    ) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-14")]
    # A first line closed by a stop is a sentence of the story, whose simple present is no headline's.
    assert found("Ostland expels foreign diplomats when it is angry.\n\nThe ministry keeps a list.") == []
