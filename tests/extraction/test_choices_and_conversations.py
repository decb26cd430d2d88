"""Acts offered as a choice, and leaders who converse by phone. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.extraction.pipeline import extract

A_MONDAY = date(2003, 2, 3)


def test_acts_offered_as_a_choice_are_none_of_them_done() -> None:
    text = "On Tuesday the ministers are expected to either endorse or reject the plan drafted on Sunday."
    assert [e.type for e in extract(text, A_MONDAY).events if e.type in {"agreement", "rejection"}] == []


def test_leaders_who_converse_by_phone_hold_a_call() -> None:
    text = "President Ana Ruiz and Prime Minister Luis Quispe conversed by telephone on Sunday about trade."
    assert [(e.type, e.date) for e in extract(text, A_MONDAY).events] == [("phone_call", "2003-02-02")]


def test_a_state_s_embassy_acts_for_the_state() -> None:
    text = "On Sunday the Peruvian Embassy suspended all of its operations in Chad."
    assert [[a.name for a in e.actors] for e in extract(text, A_MONDAY).events] == [["Peru"]]
