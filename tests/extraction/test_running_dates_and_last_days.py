"""Dates that go on from a full date told before, stretches that end on a host's day or on a last day told
later, and a trip told as under way. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.extraction.pipeline import extract

A_WEDNESDAY = date(2019, 10, 9)


def test_a_day_without_a_year_goes_on_from_the_full_date_just_told() -> None:
    text = (
        "On November 27, 2017, lawmakers in Lima voted to cut ties with Bolivia. "
        "Peru recalled its envoy from La Paz on November 30."
    )
    recalls = [e for e in extract(text, A_WEDNESDAY).events if e.title.startswith("Peru recalls")]
    assert [e.date for e in recalls] == ["2017-11-30"]


def test_a_day_without_a_year_far_from_any_full_date_keeps_the_news_reading() -> None:
    text = (
        "In a vote on November 27, 2017, lawmakers in Lima backed the plan. Talks went on for years. "
        "Officials met often. Nothing changed. Peru recalled its ambassador from Bolivia on November 30."
    )
    recalls = [e for e in extract(text, A_WEDNESDAY).events if e.title.startswith("Peru recalls")]
    assert [e.date for e in recalls] == ["2018-11-30"]


def test_a_stretch_measured_on_its_noun_ends_on_the_day_it_came_before() -> None:
    text = "Fighting broke out on the border on Tuesday, after a three-week standoff between Chad and Sudan."
    standoffs = [e for e in extract(text, A_WEDNESDAY).events if e.type == "incident"]
    assert [(e.date, e.upper) for e in standoffs] == [("2019-09-18/2019-10-08", date(2019, 10, 8))]


def test_a_stretch_during_which_the_host_falls_is_not_read_back_from_it() -> None:
    text = "Modi arrived in Dhaka on Tuesday during a four-day trip to Bangladesh."
    visits = [e for e in extract(text, A_WEDNESDAY).events if e.type == "visit"]
    assert all(e.lower == date(2019, 10, 8) for e in visits)


def test_a_last_day_told_of_the_act_begun_before_ends_its_run() -> None:
    text = (
        "Chile and Peru began joint naval exercises off Arica on Monday.\n\n"
        "The joint drills will go on through Thursday."
    )
    drills = extract(text, A_WEDNESDAY).events
    assert [(e.type, e.date, e.status) for e in drills] == [("military_exercise", "2019-10-07/2019-10-10", "occurred")]


def test_a_visit_which_ends_on_a_later_day_is_the_visit_begun_before() -> None:
    text = (
        "Kenya's president arrived in Kampala on Monday for a state visit to Uganda.\n\n"
        "The visit, which ends on Friday, is his first since 2015."
    )
    visits = [e for e in extract(text, A_WEDNESDAY).events if e.type == "visit"]
    assert [e.date for e in visits] == ["2019-10-07/2019-10-11"]


def test_a_lead_that_puts_someone_on_a_trip_is_the_day_s_news() -> None:
    text = "Norwegian Prime Minister Erna Solberg is on a three-day visit to Chile, her first to South America."
    visits = extract(text, A_WEDNESDAY).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in visits] == [("visit", "2019-10-09", ["Erna Solberg"])]


def test_being_at_the_start_of_a_trip_puts_its_traveller_on_it() -> None:
    text = "Canadian Prime Minister Justin Trudeau is at the start of a trip to Japan."
    visits = extract(text, A_WEDNESDAY).events
    assert [[a.name for a in e.actors] for e in visits] == [["Justin Trudeau"]]


def test_a_standfirst_of_participles_does_not_use_up_the_lead() -> None:
    text = (
        "Paris welcomes home French researcher\n\n"
        "Anne Leroy, held in Evin prison since May, flown home to Paris after a court ruling.\n\n"
        "Iran has released Anne Leroy, a French researcher jailed on spying charges, officials said."
    )
    releases = [e for e in extract(text, A_WEDNESDAY).events if e.type == "release"]
    assert [e.date for e in releases] == ["2019-10-09"]


def test_a_stretch_that_is_no_count_of_days_leaves_the_host_s_day_alone() -> None:
    text = "Chad and Sudan agreed to a truce on Tuesday following a whole night of talks."
    events = extract(text, A_WEDNESDAY).events
    assert ("agreement", "2019-10-08") in [(e.type, e.date) for e in events]
