"""A past progressive reported by a past verb of saying, and harm done by nature rather than by anyone's force.
Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import told

# A Tuesday in December: "January 1" is three weeks ahead, the last one eleven months back.
A_DECEMBER_TUESDAY = date(2024, 12, 10)


def test_a_reported_past_progressive_tells_a_plan_whose_day_is_the_nearest() -> None:
    # "we are stopping ... from January 1", reported: the ban starts in three weeks, not eleven months ago.
    text = "The trade ministry of Zembla said on Monday that it was stopping fish imports from Ostland from January 1."
    assert told(text, A_DECEMBER_TUESDAY) == [(EventType.SANCTION, EventStatus.SCHEDULED, "2025-01-01")]


def test_a_reported_past_progressive_that_frames_another_past_act_stays_past() -> None:
    # Friday the 6th is four days back, Friday the 13th two days ahead: the frame of a past act is the past one.
    text = "Ruiz said he was meeting the Zembla envoy on Friday when the news broke."
    assert told(text, date(2024, 12, 11)) == [(EventType.MEETING, EventStatus.OCCURRED, "2024-12-06")]


def test_an_earthquake_or_a_storm_that_strikes_or_kills_is_no_use_of_force() -> None:
    assert told("A strong earthquake struck the Zembla capital on Monday, killing 12 people.", A_DECEMBER_TUESDAY) == []
    assert told("A typhoon struck the northern coast of Ostland on Monday.", A_DECEMBER_TUESDAY) == []
    # Force used by someone is still told.
    assert told("Ostland warplanes struck rebel positions on Monday, killing 12 fighters.", A_DECEMBER_TUESDAY) == [
        (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2024-12-09")
    ]


def test_missions_that_close_or_reopen_themselves_are_ties_cut_or_restored() -> None:
    # A mission called diplomatic is a state's presence abroad, as an embassy is.
    assert told("Zembla reopened two diplomatic missions in Ostland on Monday.", A_DECEMBER_TUESDAY) == [
        (EventType.TIES_RESTORED, EventStatus.OCCURRED, "2024-12-09")
    ]
    # The mission as the subject of its own closing or reopening.
    assert told("The Zembla consulate in Lima resumed its work on Monday.", A_DECEMBER_TUESDAY) == [
        (EventType.TIES_RESTORED, EventStatus.OCCURRED, "2024-12-09")
    ]
    assert told("The Ostland embassy in Zembla suspended operations on Monday.", A_DECEMBER_TUESDAY) == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-12-09")
    ]
    # A mission of soldiers or of the UN is no diplomatic presence.
    assert told("The UN mission in Ostland closed on Monday.", A_DECEMBER_TUESDAY) == []


def test_persona_non_grata_is_read_as_one_word_and_its_declaring_is_an_expulsion() -> None:
    # Cut into words, "persona" was tagged a verb: the declaring lost its object and its time.
    text = "Ostland declared three Zembla diplomats persona non grata on Monday."
    assert told(text, A_DECEMBER_TUESDAY) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2024-12-09")]
    plural = "Ostland declared the two attaches personae non gratae late on Monday."
    assert told(plural, A_DECEMBER_TUESDAY) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2024-12-09")]


def test_a_headline_verb_tagged_as_a_plural_noun_is_still_the_days_news() -> None:
    # The tagger reads "summons" as a plural noun; the parser still gives it an object, which no noun has.
    text = (
        "Chile summons Dutch ambassador over fishing boat dispute\n\n"
        "Officials in Santiago told the envoy they were angry."
    )
    events = extract(text, A_DECEMBER_TUESDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.SUMMONS, EventStatus.OCCURRED, "2024-12-10")]
    assert [a.name for a in events[0].actors][:1] == ["Chile"]


def test_an_expulsion_announced_in_the_lead_is_the_news_of_the_day() -> None:
    text = "(Agency) — Ostland announced the expulsion of Zembla's ambassador and said it would review all ties."
    events = extract(text, A_DECEMBER_TUESDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.EXPULSION, EventStatus.OCCURRED, "2024-12-10")]
    # The agency's name in brackets is a credit, not who expelled: the parser no longer cuts after "(".
    assert "Agency" not in {a.name for a in events[0].actors}


def test_ties_lowered_or_raised_are_ties_cut_or_restored() -> None:
    assert told("Zembla downgraded its diplomatic relations with Ostland on Monday.", A_DECEMBER_TUESDAY) == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-12-09")
    ]
    assert told("Zembla upgraded its relations with Ostland to embassy level on Monday.", A_DECEMBER_TUESDAY) == [
        (EventType.TIES_RESTORED, EventStatus.OCCURRED, "2024-12-09")
    ]


def test_a_month_name_that_is_the_family_name_of_someone_named_is_the_person() -> None:
    text = (
        "Prime Minister Rosa May said the state visit, first agreed during May's trip to Lima in January, "
        "would now take place in the autumn."
    )
    dates = [e.date for e in extract(text, date(2017, 6, 12)).events]
    assert "2017-05" not in dates
    # The month is still a month where no one bears its name.
    assert [e.date for e in extract("The envoy visited Lima in May.", date(2017, 6, 12)).events] == ["2017-05"]


def test_an_act_told_in_the_simple_past_with_initially_is_done_not_a_first_plan() -> None:
    # Saturday the 20th is four days back, the 27th three ahead: "initially reached" is done, so the 20th.
    text = "Zembla and the rebels initially agreed a framework accord in Lima on Saturday."
    assert told(text, date(2010, 2, 24)) == [(EventType.AGREEMENT, EventStatus.OCCURRED, "2010-02-20")]
    plan = "The vote, initially scheduled for Saturday, was moved to March."
    assert (EventType.ELECTION, EventStatus.POSTPONED, "2010-02-27") in told(plan, date(2010, 2, 24))


def test_member_states_voting_against_a_text_cast_no_ballot() -> None:
    text = "The resolution passed easily on Wednesday. Five states voted against the text."
    assert [e[0] for e in told(text, date(2022, 10, 13))] == [EventType.RESOLUTION]


def test_an_act_set_between_a_subject_and_its_verb_inside_a_dated_sitting_takes_its_date() -> None:
    # The parser hangs "at its meeting on Tuesday" on the subject, not on "adopted".
    text = "The UN Security Council at its meeting on Tuesday adopted a resolution on the ceasefire."
    assert (EventType.RESOLUTION, EventStatus.OCCURRED, "2022-10-11") in told(text, date(2022, 10, 13))


def test_forces_flown_or_shipped_somewhere_are_deployed_not_on_a_visit() -> None:
    text = "Zembla flew troops into Ostland at the weekend."
    assert [e[0] for e in told(text, date(2008, 3, 3))] == [EventType.DEPLOYMENT]
    assert [e[0] for e in told("The Zembla president flew to Lima at the weekend.", date(2008, 3, 3))] == [
        EventType.VISIT
    ]


def test_officials_who_discuss_or_talk_with_an_office_holder_hold_talks() -> None:
    text = "The Zembla prime minister discussed trade on Friday with the Ostland president in Lima."
    assert told(text, date(2024, 9, 6)) == [(EventType.TALKS, EventStatus.OCCURRED, "2024-09-06")]
    named = "Zembla's foreign minister talked with President Ruiz in Lima on Friday."
    assert told(named, date(2024, 9, 6)) == [(EventType.TALKS, EventStatus.OCCURRED, "2024-09-06")]
    # Speaking with reporters, or with someone named by no office, is no act between states.
    assert told("The minister spoke with reporters in Lima on Friday.", date(2024, 9, 6)) == []
    assert told("The minister talked with his neighbour on Friday.", date(2024, 9, 6)) == []


def test_assuming_or_entering_office_is_an_inauguration() -> None:
    assert told("Ruiz will assume office on 10 May 2027.", date(2019, 11, 29)) == [
        (EventType.INAUGURATION, EventStatus.SCHEDULED, "2027-05-10")
    ]
    title = extract("Ruiz will assume office on 10 May 2027.", date(2019, 11, 29)).events[0].title
    assert title.endswith("assume office")


def test_a_time_the_event_noun_owns_dates_it_over_one_the_parser_hung_on_its_clause() -> None:
    # "on Thursday night" is when the win became official (the parser hangs it there); the vote was on Sunday.
    text = (
        "The president sent his congratulations to Zembla's next leader, Rosa Ruiz, on Thursday night after "
        "the Green Party's win in last Sunday's election became official."
    )
    assert told(text, date(2019, 11, 29)) == [(EventType.ELECTION, EventStatus.OCCURRED, "2019-11-24")]


def test_a_decree_signed_is_the_measure_it_enacts_and_no_agreement() -> None:
    text = "The Zembla president signed a decree on Friday imposing fresh sanctions on Ostland."
    assert [e[0] for e in told(text, date(2015, 11, 29))] == [EventType.SANCTION]
    assert [e[0] for e in told("The Zembla president signed a sanctions decree on Friday.", date(2015, 11, 29))] == [
        EventType.SANCTION
    ]
    # A text that enacts nothing between states is no event; an agreement signed is still one.
    assert told("The president signed a law on Friday raising the pension age.", date(2015, 11, 29)) == []
    assert [e[0] for e in told("The two presidents signed a trade agreement on Friday.", date(2015, 11, 29))] == [
        EventType.AGREEMENT
    ]


def test_the_downing_of_an_aircraft_is_a_use_of_force_with_its_own_time() -> None:
    text = (
        "Zembla has signed a decree imposing fresh sanctions on Ostland following the downing of a jet "
        "earlier this week."
    )
    assert told(text, date(2015, 11, 29)) == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2015-11-29"),
        (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2015-11-23/2015-11-29"),
    ]
    assert told("Workers marked the downing of tools on Friday.", date(2015, 11, 29)) == []


def test_a_headline_verb_read_as_a_noun_with_its_object_hung_as_an_apposition() -> None:
    text = "Turkey summons Dutch ambassador\n\nOfficials in Ankara told the envoy they were angry."
    events = extract(text, A_DECEMBER_TUESDAY).events
    assert [(e.type, e.date) for e in events] == [(EventType.SUMMONS, "2024-12-10")]
    assert [a.name for a in events[0].actors][:1] == ["Turkey"]


def test_the_visit_of_a_named_person_is_that_persons_visit() -> None:
    text = "Crowds lined the streets of Lima for the visit of President Rosa Ruiz last week."
    (visit,) = extract(text, date(2017, 5, 22)).events
    assert visit.type is EventType.VISIT
    assert [a.name for a in visit.actors] == ["Rosa Ruiz"]


def test_a_quoted_telling_that_names_no_one_takes_the_side_its_lead_names() -> None:
    text = (
        "Chile has cut all its ties with Peru, accusing its neighbour of hostile acts.\n\n"
        '"As of today we are breaking off all diplomatic relations with Peru," the Chilean foreign minister said.'
    )
    (cut,) = extract(text, date(2021, 8, 25)).events
    assert (cut.type, cut.date) == (EventType.WITHDRAWAL, "2021-08-25")
    assert {a.name for a in cut.actors} >= {"Chile", "Peru"}
    assert cut.title.startswith("Chile")


def test_a_telling_by_the_first_day_of_a_run_of_days_is_that_run() -> None:
    text = (
        "Chile's foreign minister lands in Lima on Tuesday, starting a state visit.\n\n"
        "His official visit to Peru is set for 12 to 13 January 2021."
    )
    events = extract(text, date(2021, 1, 11)).events
    assert [(e.type, e.date) for e in events] == [(EventType.VISIT, "2021-01-12/2021-01-13")]
    # Another day inside the run is another act of the visit's kind only if it is another visit; a day that
    # does not open the run is left alone.
    apart = (
        "Chile's foreign minister is to pay Peru an official visit from 12 to 15 January 2021.\n\n"
        "Bolivia's president will visit Lima on 13 January 2021."
    )
    assert len(extract(apart, date(2021, 1, 11)).events) == 2


def test_a_place_in_a_list_item_the_parser_read_as_an_apposition_is_not_the_events() -> None:
    text = (
        "The two envoys also went over the outcome of last year's ASEAN summit, likely ways out of the war in "
        "eastern Congo and trade with Chile."
    )
    (summit,) = extract(text, date(2017, 3, 9)).events
    assert summit.type is EventType.SUMMIT and summit.location is None


def test_a_headline_act_of_a_kind_its_lead_dates_is_the_leads_act() -> None:
    text = (
        "Chile, rebels agree ceasefire\n\n"
        "LIMA - The Chilean government signed a truce with the rebel movement on Tuesday night, a first step "
        "toward ending years of war."
    )
    assert told(text, date(2010, 2, 24)) == [(EventType.AGREEMENT, EventStatus.OCCURRED, "2010-02-23")]


def test_a_headline_gathering_with_a_bare_participle_of_calling_off_is_called_off_that_day() -> None:
    text = (
        "Delegates flown out of Quito as Andean summit called off\n\n"
        "Protesters forced their way into the conference hotel, and the army took the delegates to the airport."
    )
    assert told(text, date(2009, 4, 11)) == [(EventType.SUMMIT, EventStatus.CANCELLED, "2009-04-11")]


def test_a_dateline_with_its_filing_date_after_the_agency_names_no_actor() -> None:
    text = (
        "Manila (Wire) March 4, 2015 - Japan sent two patrol jets to shadow a foreign bomber near its coast, "
        "officials said Wednesday."
    )
    events = extract(text, date(2015, 3, 4)).events
    assert [a.name for e in events for a in e.actors] == ["Japan"]


def test_a_future_time_in_a_clause_an_act_told_as_done_holds_does_not_date_that_act() -> None:
    # Published on a Wednesday: Thursday is when she is asked over, not when he phoned.
    text = (
        "Ruiz phones Quispe after her win\n\n"
        "President Ruiz has phoned Rosa Quispe to congratulate her and to ask her to the palace on Thursday, "
        "his office said."
    )
    assert told(text, date(2016, 11, 9)) == [(EventType.PHONE_CALL, EventStatus.OCCURRED, "2016-11-09")]
