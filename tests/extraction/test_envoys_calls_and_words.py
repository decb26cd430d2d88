"""Envoys sent back or called home, calls told as conversations, attacks made in words, press conferences,
hyphened words in titles, capitals the model takes for people, and background clauses under a dateline.
Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found

PUBLISHED = A_FRIDAY


def test_an_envoy_sent_back_to_post_restores_ties_and_one_called_home_is_a_recall() -> None:
    text = "Chile will return its ambassador to Peru by the end of the month."
    assert found(text) == [(EventType.TIES_RESTORED, EventStatus.SCHEDULED, "2025-03")]
    text = "Both governments sent their ambassadors back to their posts on Monday."
    assert found(text) == [(EventType.TIES_RESTORED, EventStatus.OCCURRED, "2025-03-10")]
    text = "Peru called home its envoy on Tuesday."
    assert found(text) == [(EventType.PROTEST, EventStatus.OCCURRED, "2025-03-11")]
    text = "Peru returned its ambassador home on Tuesday."
    assert found(text) == [(EventType.PROTEST, EventStatus.OCCURRED, "2025-03-11")]
    # An envoy who goes somewhere is no act on relations, nor is one sent to a meeting.
    assert found("The ambassador returned to the capital on Tuesday.") == []
    kinds = [kind for kind, _, _ in found("Peru sent its envoy to Geneva on Tuesday for the talks.")]
    assert EventType.TIES_RESTORED not in kinds


def test_titles_say_where_the_envoy_goes_or_comes_from() -> None:
    titles = [e.title for e in extract("Chile will return its ambassador to Peru next week.", PUBLISHED).events]
    assert titles == ["Chile to return ambassador to Peru"]
    titles = [e.title for e in extract("Peru responded on Tuesday by calling home its own envoy.", PUBLISHED).events]
    assert titles == ["Peru recalls envoy"]  # a recall, whichever verb calls the envoy home


def test_a_telephone_conversation_is_a_call_and_a_bare_conversation_is_no_act() -> None:
    text = "The decision followed a telephone conversation on Wednesday between the two presidents."
    assert found(text) == [(EventType.PHONE_CALL, EventStatus.OCCURRED, "2025-03-12")]
    assert found("The conversation on Wednesday turned to fishing quotas.") == []


def test_a_news_conference_is_where_something_is_said_not_a_gathering() -> None:
    said = found("The spokeswoman told a news conference on Monday that nobody was hurt.")
    assert EventType.SUMMIT not in [kind for kind, _, _ in said]
    assert found("He said at a press conference in Quito on Monday that the vote was fair.") == []
    # A conference of states is still one.
    assert found("A regional conference on fisheries opens in Quito on Monday.") == [
        (EventType.SUMMIT, EventStatus.SCHEDULED, "2025-03-17")
    ]


def test_an_attack_on_a_plan_a_text_or_a_gathering_is_made_in_words() -> None:
    text = "The opposition attacked the fishing agreement on Tuesday as a betrayal."
    assert found(text) == [(EventType.STATEMENT, EventStatus.OCCURRED, "2025-03-11")]
    text = "Two ministers published an open letter in February attacking the plan."
    assert found(text) == [(EventType.STATEMENT, EventStatus.OCCURRED, "2025-02")]
    # Force against a place or people is still an attack.
    text = "Gunmen attacked a police station near the border on Tuesday."
    assert found(text) == [(EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2025-03-11")]


def test_a_hyphened_word_stays_whole_in_a_title() -> None:
    titles = [e.title for e in extract("A follow-up meeting will be held in Lima next month.", PUBLISHED).events]
    assert titles[0].startswith("Follow-up meeting")
    titles = [e.title for e in extract("A second, in-person summit will be held next year.", PUBLISHED).events]
    assert titles[0].startswith("In-person summit")


def test_a_capital_the_model_may_take_for_a_person_acts_as_the_state() -> None:
    events = extract("Buenos Aires recalled its envoy on Tuesday.", PUBLISHED).events
    assert [e.title for e in events] == ["Argentina recalls envoy"]
    assert [(a.name, a.kind.value) for a in events[0].actors] == [("Argentina", "state")]


def test_a_dateline_does_not_place_an_earlier_act_told_as_background() -> None:
    text = (
        "QUITO (Reuters) - Ecuador and Peru will restore full ties next month, ending a freeze that began when "
        "Lima recalled its envoy in 2023, Ecuador's foreign ministry said on Friday."
    )
    events = extract(text, PUBLISHED).events
    recall = [e for e in events if e.type is EventType.PROTEST]
    assert [(e.date, e.location) for e in recall] == [("2023", None)]
    restored = [e for e in events if e.type is EventType.TIES_RESTORED]
    assert [e.location.name if e.location else None for e in restored] == ["Quito"]


def test_envoys_coming_back_restore_ties_and_one_home_for_consultations_is_recalled() -> None:
    assert found("Ambassadors returned in June 2023.") == [(EventType.TIES_RESTORED, EventStatus.OCCURRED, "2023-06")]
    assert found("The ambassador returned to Quito on Monday for consultations.") == [
        (EventType.PROTEST, EventStatus.OCCURRED, "2025-03-10")
    ]
    titles = [
        e.title for e in extract("The ambassador returned to Quito on Monday for consultations.", PUBLISHED).events
    ]
    assert titles == ["Ambassador returns to Quito"]
    # Consultations an envoy is recalled for are the recall's purpose, not talks.
    assert found("Peru recalled its ambassador for consultations on Monday.") == [
        (EventType.PROTEST, EventStatus.OCCURRED, "2025-03-10")
    ]


def test_two_leaders_shaking_hands_meet() -> None:
    text = "In November 2023, the two presidents shook hands at the margins of a football final."
    assert found(text) == [(EventType.MEETING, EventStatus.OCCURRED, "2023-11")]


def test_one_side_agreeing_with_two_partners_at_two_times_makes_two_accords() -> None:
    text = "Chile agreed similar arrangements with Peru in 2023 and with Ecuador in March 2024."
    events = extract(text, PUBLISHED).events
    assert [(e.date, e.title) for e in events] == [
        ("2023", "Chile agrees arrangements with Peru"),
        ("2024-03", "Chile agrees arrangements with Ecuador"),
    ]


def test_a_plural_event_noun_read_as_a_verb_is_still_the_event() -> None:
    text = "Officials are due to hold a briefing Monday and then talks on Tuesday in Lima."
    assert (EventType.TALKS, EventStatus.SCHEDULED, "2025-03-18") in found(text)
    # A verb in its own right stays one: she talks, she is no gathering.
    kinds = [kind for kind, _, _ in found("She meets the press and talks about trade on Saturday.")]
    assert EventType.TALKS not in kinds


def test_summoning_ones_own_envoy_home_is_a_recall_and_summoning_anothers_a_summons() -> None:
    events = extract("Chile summoned its envoy in Lima home to discuss the remarks.", PUBLISHED).events
    assert [(e.type, e.title) for e in events] == [(EventType.PROTEST, "Chile recalls envoy in Lima")]
    assert [e.type for e in extract("Chile summoned the Peruvian ambassador on Tuesday.", PUBLISHED).events] == [
        EventType.SUMMONS
    ]
