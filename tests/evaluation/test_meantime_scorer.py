"""The MEANTIME reader and scorer on a tiny hand-made CAT XML document."""

from __future__ import annotations

from datetime import date

import pytest

from events.evaluation.scoring.meantime import (
    Score,
    evaluate,
    parse_creation_time,
    read_document,
)

SAMPLE = """<?xml version="1.0" ?>
<Document doc_id="1" doc_name="sample" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">end</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">5</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">Envoys</token>
<token number="7" sentence="2" t_id="8">met</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Monday</token>
<token number="10" sentence="2" t_id="11">for</token>
<token number="11" sentence="2" t_id="12">two</token>
<token number="12" sentence="2" t_id="13">days</token>
<token number="13" sentence="2" t_id="14">last</token>
<token number="14" sentence="2" t_id="15">week</token>
<token number="15" sentence="2" t_id="16">.</token>
<token number="16" sentence="3" t_id="17">They</token>
<token number="17" sentence="3" t_id="18">return</token>
<token number="18" sentence="3" t_id="19">Friday</token>
<token number="19" sentence="3" t_id="20">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="05-05-2009">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2009-05-04"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DURATION" value="P2D">
<token_anchor t_id="12"/><token_anchor t_id="13"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="2009-W18">
<token_anchor t_id="14"/><token_anchor t_id="15"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="5" type="DATE" value="2058"/>
<EVENT_MENTION m_id="6"><token_anchor t_id="8"/></EVENT_MENTION>
</Markables>
</Document>
"""


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "sample.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    return read_document(path)


def test_it_rebuilds_text_with_a_token_map(document):
    assert document.text.splitlines()[1] == "May 5, 2009"
    start, end = document.token_spans[10]
    assert document.text[start:end] == "Monday"


def test_it_reads_a_day_month_year_creation_time():
    assert parse_creation_time("03-02-2009") == date(2009, 2, 3)
    assert parse_creation_time("2008-03-01") == date(2008, 3, 1)
    assert parse_creation_time("") is None


def test_it_excludes_the_date_line_and_tokenless_timexes(document):
    assert document.published == date(2009, 5, 5)
    assert [g.value for g in document.gold] == ["2009-05-04", "P2D", "2009-W18"]


def test_it_scores_only_the_annotated_sentences(document):
    # Sentence 3 has no markable at all: it lies past the annotated part.
    assert document.last_annotated_sentence == 2
    start, end = document.token_spans[19]
    assert not document.scored(document.tokens_for(start, end))


def _span(document, first: int, last: int) -> tuple[int, int]:
    return document.token_spans[first][0], document.token_spans[last][1]


def test_it_counts_strict_relaxed_and_value_matches(document):
    def annotator(text, published):
        assert published == date(2009, 5, 5)
        monday = _span(document, 9, 10)  # "on Monday": overlaps, not exact
        two_days = _span(document, 12, 13)  # exact, right value
        last_week = _span(document, 14, 15)  # exact, wrong value
        date_line = _span(document, 3, 6)  # the date line: not scored
        friday = _span(document, 19, 19)  # past the annotated part: not scored
        return [
            (*monday, "DATE", "2009-05-04"),
            (*two_days, "DURATION", "P2D"),
            (*last_week, "DATE", "2009-W17"),
            (*date_line, "DATE", "2009-05-05"),
            (*friday, "DATE", "2009-05-08"),
        ]

    total = evaluate([document], annotator).total
    assert (total.gold, total.predicted) == (3, 3)
    assert (total.relaxed, total.strict, total.value) == (3, 2, 2)
    assert total.value_prf() == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_it_pairs_one_to_one(document):
    def annotator(text, published):
        # Two predictions over the same gold: only one can match.
        return [(*_span(document, 12, 12), "DURATION", "P2D"), (*_span(document, 13, 13), "DURATION", "P2D")]

    total = evaluate([document], annotator).total
    assert (total.predicted, total.relaxed, total.strict) == (2, 1, 0)


def test_an_empty_score_has_zero_f1():
    assert Score().value_prf() == (0.0, 0.0, 0.0)
