"""Titles and actors that say what happened (issue 13, kind 8): who acted through "by shooting down ...",
what a ministry announced, aid and to whom, people acted on named as the people they are, "leave for" a
place, and a meeting dated by the visit it happens during. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def titles(text: str) -> list[str]:
    return [e.title for e in extract(text, PUBLISHED, CONFIG).events]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "Pakistan retaliated by shooting down two jets on Monday and capturing the pilot.",
            "Pakistan shoots down two jets",
            id="subject-through-by-gerund",
        ),
        pytest.param(
            "Pakistan retaliated by shooting down two jets on Monday and capturing the pilot.",
            "Pakistan captures pilot",
            id="subject-of-a-joined-gerund",
        ),
        pytest.param(
            "The ministry announced on Monday the prime minister's official visit to Spain late next month.",
            "Ministry announces prime minister's official visit",
            id="what-was-announced",
        ),
        pytest.param(
            "The fund approved a large loan to Egypt in May.",
            "Fund approves large loan to Egypt",
            id="aid-and-to-whom",
        ),
        pytest.param(
            "Two Kenyan diplomats in Sudan were abducted on Monday.",
            "Two Kenyan diplomats are abducted in Sudan",
            id="people-acted-on",
        ),
        pytest.param(
            "The source said Hassan Amiri would leave for Paris on Jan. 27.",
            "Amiri to leave for Paris",
            id="leave-for",
        ),
        pytest.param("Olsen took office in Zembla in 2023.", "Olsen takes office in Zembla", id="take-office"),
        pytest.param(
            "On June 3, Japan called in China's charge d'affaires.",
            "Japan calls in China's charge d'affaires",
            id="called-in-a-compound-envoy",
        ),
        pytest.param(
            "Austria's parliament ratified Norway's fisheries treaty on Tuesday.",
            "Austria ratifies Norway's fisheries treaty",
            id="a-thing-whose-owner-is-the-partner",
        ),
        pytest.param(
            "On Monday the two envoys met quietly in Oslo, their first encounter in a decade.",
            "Two envoys meet in Oslo",
            id="a-summing-up-noun-after-a-comma-is-no-object",
        ),
        pytest.param(
            "Austria will host Chile's foreign minister on Friday.",
            "Austria to host Chile's foreign minister",
            id="a-guest-is-hosted-not-met-with",
        ),
        pytest.param(
            "Austria's new chancellor was sworn in on Monday.",
            "Austria's chancellor is sworn in",
            id="an-office-takes-office-not-its-state",
        ),
    ],
)
def test_it_titles_the_event(text: str, title: str) -> None:
    assert title in titles(text)


def test_it_dates_a_meeting_by_the_visit_it_happens_during() -> None:
    text = "Lena Dahl is expected to meet President Wu Tao and Foreign Minister Han Li during her visit in June."
    events = extract(text, PUBLISHED, CONFIG).events
    meetings = [e for e in events if e.type is EventType.MEETING]
    assert [(e.date, {a.name for a in e.actors}) for e in meetings] == [("2024-06", {"Lena Dahl", "Wu Tao", "Han Li"})]


def test_it_takes_a_company_before_a_title_for_no_actor_and_the_speaker_for_one() -> None:
    text = (
        "Li Qiang offered a hint, saying in a meeting with Vantor Corp. co-founder Ellen Quist on Friday that he "
        "welcomed foreign firms."
    )
    events = extract(text, PUBLISHED, CONFIG).events
    assert [{a.name for a in e.actors} for e in events if e.type is EventType.MEETING] == [{"Li Qiang", "Ellen Quist"}]


def test_it_gives_each_date_of_one_meeting_verb_the_people_named_before_it() -> None:
    text = (
        "Lena Dahl plans to meet with Foreign Minister Han Li on Sunday, senior diplomat Wu Tao, and possibly "
        "President Bo Fan on Monday."
    )
    events = sorted(extract(text, PUBLISHED, CONFIG).events, key=lambda e: e.date)
    partners = [(e.date, {a.name for a in e.actors} - {"Lena Dahl"}) for e in events if e.type is EventType.MEETING]
    assert partners == [("2024-06-16", {"Han Li"}), ("2024-06-17", {"Wu Tao", "Bo Fan"})]


def test_an_envoy_withdrawn_is_a_recall_titled_with_the_envoy() -> None:
    [event] = extract("Mexico withdrew its ambassador to Ecuador on Saturday.", date(2024, 6, 12)).events
    assert (event.type, event.title) == (EventType.PROTEST, "Mexico withdraws ambassador from Ecuador")


def test_whose_stands_for_the_person_its_clause_describes() -> None:
    text = "President Ilse Marren, whose second inauguration took place on May 2, called for calm."
    [event] = extract(text, PUBLISHED, CONFIG).events
    assert [a.name for a in event.actors] == ["Ilse Marren"]
    assert "whose" not in event.title.lower()


def test_a_pronoun_subject_is_the_last_main_subject_even_when_the_tagger_left_it_untagged() -> None:
    text = (
        "Prime Minister Amara Okonjo held talks with President Karl Vesper in Oslo on Monday. "
        "President Karl Vesper is expected to visit Bergen next year. "
        "Okonjo took office on March 2. She met the Danish premier in Aarhus on Tuesday."
    )
    events = extract(text, PUBLISHED, CONFIG).events
    [meeting] = [e for e in events if e.type is EventType.MEETING and e.date == "2024-06-11"]
    assert meeting.actors[0].name == "Amara Okonjo"
