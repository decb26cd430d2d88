"""More of PLOVER's ontology (issue 13, kind 3): consultations (huddle, confer, host, receive, mediate),
departures and stays abroad, attacks by weapons and fire at a target, troop withdrawals, aid, accepting a
truce, deportations and envoys recalled. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def kinds(text: str) -> set[tuple[EventType, str]]:
    return {(e.type, e.date) for e in extract(text, PUBLISHED, CONFIG).events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The two envoys huddled with their Kenyan counterpart on Monday.",
            (EventType.MEETING, "2024-06-10"),
            id="huddle-with",
        ),
        pytest.param(
            "The chancellor conferred with the Polish president in Warsaw on Tuesday.",
            (EventType.MEETING, "2024-06-11"),
            id="confer-with",
        ),
        pytest.param(
            "The king hosted the Japanese prime minister at the palace on May 4.",
            (EventType.MEETING, "2024-05-04"),
            id="host-a-leader",
        ),
        pytest.param(
            "The premier received the visiting Turkish foreign minister on Sunday.",
            (EventType.MEETING, "2024-06-09"),
            id="receive-a-leader",
        ),
        pytest.param(
            "Qatar mediated between the two factions in April.",
            (EventType.TALKS, "2024-04"),
            id="mediate",
        ),
        pytest.param(
            "The prime minister will leave for Tokyo on June 20.",
            (EventType.VISIT, "2024-06-20"),
            id="leave-for-a-city",
        ),
        pytest.param(
            "The Chilean president will be in Madrid on June 18.",
            (EventType.VISIT, "2024-06-18"),
            id="be-in-a-city",
        ),
        pytest.param(
            "On May 2 rockets slammed into two army posts near the border.",
            (EventType.MILITARY_ACTION, "2024-05-02"),
            id="weapons-hit-a-target",
        ),
        pytest.param(
            "Militants fired mortars at the airport on Sunday.",
            (EventType.MILITARY_ACTION, "2024-06-09"),
            id="fire-at-a-target",
        ),
        pytest.param(
            "The army withdrew its troops from the buffer zone in March.",
            (EventType.WITHDRAWAL, "2024-03"),
            id="withdraw-troops",
        ),
        pytest.param(
            "Japan pledged $2 billion in aid to the island nations on Monday.",
            (EventType.AID, "2024-06-10"),
            id="pledge-aid",
        ),
        pytest.param(
            "The fund approved a $500 million loan to the country in May.",
            (EventType.AID, "2024-05"),
            id="approve-a-loan",
        ),
        pytest.param(
            "The rebels accepted the ceasefire on Friday.",
            (EventType.AGREEMENT, "2024-06-07"),
            id="accept-a-ceasefire",
        ),
        pytest.param(
            "The government deported three foreign reporters on Tuesday.",
            (EventType.EXPULSION, "2024-06-11"),
            id="deport",
        ),
        pytest.param(
            "Lithuania recalled its ambassador from Beijing in August 2021.",
            (EventType.PROTEST, "2021-08"),
            id="recall-an-envoy",
        ),
        pytest.param(
            "Zemblan and Ostlandic border guards clashed near the pass on Sunday.",
            (EventType.INCIDENT, "2024-06-09"),
            id="clash-as-a-verb",
        ),
        pytest.param(
            "A scuffle between the two patrols broke out on Sunday.",
            (EventType.INCIDENT, "2024-06-09"),
            id="scuffle",
        ),
        pytest.param(
            "Zembla launched a winter offensive against the rebel-held north in January.",
            (EventType.MILITARY_ACTION, "2024-01"),
            id="offensive",
        ),
        pytest.param(
            "Ostland cut aid to Zembla in April after the coup.",
            (EventType.SANCTION, "2024-04"),
            id="cut-aid",
        ),
        pytest.param(
            "The donors suspended military assistance to the junta on Monday.",
            (EventType.SANCTION, "2024-06-10"),
            id="suspend-military-assistance",
        ),
        pytest.param(
            "Foreign Minister Ada Lindqvist is expected in Nairobi on Friday.",
            (EventType.VISIT, "2024-06-14"),
            id="expected-in-a-place",
        ),
        pytest.param(
            "Zembla and Ostland traded accusations on Monday over troop movements along the border.",
            (EventType.STATEMENT, "2024-06-10"),
            id="traded-accusations",
        ),
        pytest.param(
            "A Zemblan fighter jet released flares near an Ostland patrol plane on Sunday.",
            (EventType.INCIDENT, "2024-06-09"),
            id="flares-released-near-a-plane",
        ),
    ],
)
def test_it_reads_the_kind(text: str, expected: tuple[EventType, str]) -> None:
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ministry received a letter from the embassy on Monday.", id="receive-a-letter"),
        pytest.param("The city will host the games in 2028.", id="host-without-a-guest"),
        pytest.param("The president was in good spirits on Monday.", id="be-in-a-mood"),
        pytest.param("The navy fired two missiles into the sea on Monday.", id="test-fire-is-no-attack"),
        pytest.param("The bank approved the merger in May.", id="approve-without-aid"),
        pytest.param("The senator went on the offensive in Tuesday's hearing.", id="on-the-offensive-is-a-stance"),
        pytest.param("The council cut funding for libraries on Monday.", id="a-budget-cut-is-no-measure"),
        pytest.param("Heavy rain is expected in the capital on Friday.", id="weather-expected-is-no-visit"),
        pytest.param("The plane dropped aid near the border on Monday.", id="aid-dropped-near-no-craft"),
    ],
)
def test_it_reads_no_such_event(text: str) -> None:
    found = {kind for kind, _ in kinds(text)}
    assert not found & {
        EventType.MEETING,
        EventType.VISIT,
        EventType.MILITARY_ACTION,
        EventType.AID,
        EventType.SANCTION,
        EventType.INCIDENT,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "In March limpet mines were attached to two tankers off the coast.",
            (EventType.MILITARY_ACTION, "2024-03"),
            id="mines-attached",
        ),
        pytest.param(
            "Insurgents detonated a car bomb outside the ministry on Friday.",
            (EventType.MILITARY_ACTION, "2024-06-07"),
            id="bomb-detonated",
        ),
        pytest.param(
            "The navy answered by shooting down two jets on Monday and capturing the pilots.",
            (EventType.DETENTION, "2024-06-10"),
            id="gerunds-share-a-time",
        ),
    ],
)
def test_it_reads_attacks_and_their_steps(text: str, expected: tuple[EventType, str]) -> None:
    assert expected in kinds(text)


def test_it_reads_a_killing_in_the_passive_when_the_parser_loses_its_subject() -> None:
    from events.extraction.analysis import pipeline_for
    from events.extraction.triggers import find_triggers

    nlp = pipeline_for(CONFIG.spacy_model)
    text = (
        "General Brandt, who co-ordinated the activity of allied militias from Kenya to Chad, was killed shortly "
        "after getting off a plane at the airport."
    )
    sentence = next(iter(nlp(text).sents))
    assert "verb:kill" in {t.rule for t in find_triggers(sentence)}


def test_a_fronted_year_the_parser_hangs_on_the_subject_still_opens_the_clause() -> None:
    """ "In 2021 mines were laid ...": with the year parsed as a modifier of "mines", the time still comes
    before the subject's own words, so the clauses joined to it share it."""
    import spacy
    from spacy.tokens import Doc

    from events.extraction.binding import Binding
    from events.extraction.pipeline import _fronted
    from events.extraction.timex import TimeExpression
    from events.extraction.triggers import Trigger

    words = ["In", "2021", "mines", "were", "laid"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[4, 2, 4, 4, 4],
        deps=["prep", "nummod", "nsubjpass", "auxpass", "ROOT"],
    )
    year = TimeExpression(
        text="2021", start=3, end=7, token_start=1, token_end=2, timex_type="DATE", value="2021", edtf="2021",
        lower=date(2021, 1, 1), upper=date(2021, 12, 31), precision="year",
    )  # fmt: skip
    trigger = Trigger(4, 4, EventType.MILITARY_ACTION, "lay", False, "verb:lay-explosive")
    assert _fronted(doc, Binding(trigger, year, 1))
