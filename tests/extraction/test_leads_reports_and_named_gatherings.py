"""A wire lead under its headline, a report the parser joined to what it reports, a time that belongs to another
act than the one nearest it, and gatherings known by a proper name. Every sentence here was written for this
test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import ActorKind, EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import found


def test_a_leads_round_of_talks_is_the_news_of_the_day_beside_an_earlier_round_dated_by_its_week() -> None:
    text = (
        "The UN envoy for Zembla began a fresh round of indirect talks between the government and rebel leaders.\n\n"
        "An earlier round of the talks ended last week in Lima."
    )
    assert found(text) == [
        (EventType.TALKS, EventStatus.OCCURRED, "2025-03-14"),
        (EventType.TALKS, EventStatus.OCCURRED, "2025-03-03/2025-03-09"),
    ]
    # A telling dated by a day may be the lead's own act: the lead's guess yields to it.
    dated = "The UN envoy for Zembla began a fresh round of talks with rebel leaders.\n\nThe talks opened on Thursday."
    assert found(dated) == [(EventType.TALKS, EventStatus.OCCURRED, "2025-03-13")]


def test_a_headline_with_no_stop_does_not_run_into_the_lead_below_it() -> None:
    text = (
        "Lima Hosts New Round of Andean Talks\n\n"
        "LIMA (Agency) – The envoy for the region began a fresh round of talks between the two governments."
    )
    assert found(text) == [(EventType.TALKS, EventStatus.OCCURRED, "2025-03-14")]


def test_a_report_set_off_after_a_plan_dates_the_saying_not_the_plan() -> None:
    # The parser joins "the ministry said" to the clause as a conjunct; Thursday is when it was said.
    said = (
        "About 30 presidents and heads of regional bodies are expected to attend an upcoming Andean Union (AU) "
        "Summit, the Peruvian Foreign Ministry said on Thursday."
    )
    assert [e for e in found(said) if e[0] is EventType.SUMMIT] == []
    # Joined by "and", a verb of saying is an act of the same subject, told with the same time.
    assert (EventType.MEETING, EventStatus.OCCURRED, "2025-03-13") in found(
        "The two ministers met in Lima on Thursday and said they would meet again."
    )


def test_an_event_named_as_what_the_act_follows_is_not_dated_by_the_acts_time() -> None:
    text = (
        "After the Lima summit, the presidents of Chile and Peru are due to convene on 15 June "
        "in Quito for the Conference on Trade and Security."
    )
    events = extract(text, date(2025, 6, 13)).events
    assert [(e.type, e.date) for e in events] == [(EventType.SUMMIT, "2025-06-15")]
    (conference,) = events
    # The gathering's proper name is its title, and none of its words is a side of it.
    assert conference.title.startswith("Conference on Trade and Security")
    assert conference.location is not None and conference.location.name == "Quito"
    assert all("Conference" not in actor.name for actor in conference.actors)


def test_people_who_convene_meet() -> None:
    assert found("Foreign ministers from the bloc convened in Quito on Monday.") == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-10")
    ]


def test_a_past_time_does_not_date_an_act_told_in_the_plain_future() -> None:
    text = (
        "During his visit, the Chilean president will also lay flowers at the memorial, to pay tribute to the "
        "soldiers who died during a peacekeeping mission in Peru, in the early nineties."
    )
    assert [e for e in found(text) if e[0] is EventType.VISIT] == []
    # A conjunct with a tense of its own is not in the future: "returns" is told now, of a visit in October.
    assert (EventType.VISIT, EventStatus.OCCURRED, "2024-10") in found(
        "The trip will be his first to Chile, and it returns Boric's state visit to Peru in October 2024."
    )
    # A time inside the event noun's own phrase is its own, whatever the verb's tense.
    assert (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "1990-08") in found(
        "The embargo, the longest since Iraq's invasion of Kuwait in August 1990, will take effect on April 1."
    )


def test_a_meeting_only_suggested_leaves_the_reports_day_to_the_call_it_was_suggested_in() -> None:
    text = (
        "Chilean President Gabriel Boric in a phone conversation with his Peruvian counterpart suggested considering "
        "a possible meeting in the near future, the presidential press service reported Tuesday."
    )
    assert found(text) == [(EventType.PHONE_CALL, EventStatus.OCCURRED, "2025-03-11")]


def test_a_ceremony_is_the_event_its_modifier_names() -> None:
    assert found("Chile's president will attend a swearing-in ceremony for Peru's new government on Sunday.") == [
        (EventType.INAUGURATION, EventStatus.SCHEDULED, "2025-03-16")
    ]
    # A ceremony named after nothing that is an event is none.
    assert found("Chile's president will attend a ceremony at the cathedral on Sunday.") == []


def test_a_change_told_with_its_planned_days_and_with_the_day_it_was_reported_is_one_change() -> None:
    text = (
        "Peru's foreign minister has put off her March 27-30 visit to Chile.\n\n"
        'A spokesman said on Friday: "The minister has postponed the visit to Chile."'
    )
    assert found(text) == [(EventType.VISIT, EventStatus.POSTPONED, "2025-03-27/2025-03-30")]
    # Changed in different ways, they are two acts.
    assert (
        len(
            found("Quispe has postponed his March 27-30 visit to Chile. On Thursday Ruiz cancelled his visit to Chile.")
        )
        == 2
    )


def test_the_past_of_be_to_is_a_plan_that_takes_the_change_told_before_it() -> None:
    assert found("Quispe has postponed his visit to Chile. He was to visit Santiago next week.") == [
        (EventType.VISIT, EventStatus.POSTPONED, "2025-03-17/2025-03-23")
    ]


def test_a_title_case_headlines_verb_does_not_belong_to_the_name_before_it() -> None:
    text = (
        "Chilean President Boric Visits Peru, Signs Trade Pact\n\n"
        "President Boric arrived in Peru on Thursday to begin a state visit."
    )
    events = extract(text, date(2025, 3, 14)).events
    assert [(e.type, e.date) for e in events] == [(EventType.VISIT, "2025-03-13")]
    assert [a.name for a in events[0].actors] == ["Boric"]


def test_a_vote_to_do_something_is_a_decision_not_a_ballot() -> None:
    assert found("EU foreign ministers voted on Monday to lift sanctions on Zembla's president.") == [
        (EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-10")
    ]
    # A vote to choose someone is still a ballot.
    assert found("Chileans voted on Sunday to elect a new president.") == [
        (EventType.ELECTION, EventStatus.OCCURRED, "2025-03-09")
    ]


def test_ousting_envoys_is_expelling_them() -> None:
    assert found("Chile said on Monday it was ousting 12 Peruvian diplomats.") == [
        (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-10")
    ]
    # Ousting a leader is no expulsion.
    assert found("The army ousted the president on Monday.") == []


def test_a_state_welcome_given_to_a_guest_is_a_visit() -> None:
    text = "LIMA, March 13 — Chile's President Gabriel Boric was accorded a state welcome at the palace here today."
    events = extract(text, date(2025, 3, 13)).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.VISIT, EventStatus.OCCURRED, "2025-03-13")]
    assert [a.name for a in events[0].actors] == ["Gabriel Boric"]
    # A welcome that is only a word of approval is none.
    assert found("Chile called the decision a welcome step on Monday.") == []


def test_a_countrys_name_the_model_took_for_a_body_is_the_state() -> None:
    text = (
        "Moldova to ban fruit imports from the West in January\n\n"
        "Moldova announced on Tuesday it would impose a ban on fruit imports from several Western states "
        "from January 1."
    )
    events = extract(text, date(2025, 12, 10)).events
    # One ban: the headline's month holds the lead's day, by the same state.
    assert [(e.type, e.date) for e in events] == [(EventType.SANCTION, "2026-01-01")]
    assert [(a.name, a.kind) for a in events[0].actors] == [("Moldova", ActorKind.STATE)]


def test_a_dateline_of_a_filing_date_and_an_agency_with_no_city_dates_nothing() -> None:
    text = (
        "Mar. 11 (Wire) -- Japan's chief trade envoy will fly to Ottawa, Ontario, next week and put his name "
        "to a fresh deal with Canada, Tokyo's trade ministry said Tuesday."
    )
    events = extract(text, date(2025, 3, 11)).events
    assert [(e.type, e.status, e.date) for e in events] == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-17/2025-03-23")
    ]
    assert events[0].title.startswith("Japan")


def test_a_first_line_that_ends_as_a_sentence_is_no_headline() -> None:
    # The lead's own first line: "States" is no verb of a headline.
    lead = (
        "The United States military intercepted a Zemblan drone on Thursday after it crossed into its airspace, "
        "officials said.\n\nIt fell into the sea."
    )
    (intercept,) = extract(lead, date(2025, 3, 14)).events
    assert [a.name for a in intercept.actors][:1] == ["United States"]
