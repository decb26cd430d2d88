"""The readers and scorers behind ``manage.py evaluate``'s time rows: TimeML, TLINK binding, timelines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from events.evaluation.time_binding import nearest_in_sentence, score_document
from events.evaluation.timelines import (
    TimelineEntry,
    read_cat_document,
    read_gold_timelines,
    score,
    written_as_gold,
)
from events.evaluation.timeml import TimeLink, read_timeml
from events.extraction.config import ExtractionConfig
from events.extraction.nlp import load_pipeline
from events.extraction.timex import TimeExpression, find_time_expressions

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-10" functionInDocument="CREATION_TIME">20210310</TIMEX3></DCT>
<TEXT>
The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on
<TIMEX3 tid="t1" type="DATE" value="2021-03-08">Monday</TIMEX3>
in a quiet hotel.
They <EVENT eid="e2" class="REPORTING">said</EVENT> they would
<EVENT eid="e3" class="OCCURRENCE">return</EVENT> <TIMEX3 tid="t2" type="DATE" value="2021-04">next month</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="NONE" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei3"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t0"/>
</TimeML>
"""


@pytest.fixture
def timeml(tmp_path: Path) -> Path:
    path = tmp_path / "sample.tml"
    path.write_text(TIMEML, encoding="utf-8")
    return path


def test_it_reads_inline_timeml_with_offsets_into_the_stripped_text(timeml: Path) -> None:
    document = read_timeml(timeml)
    assert document.published == date(2021, 3, 10)
    assert "<" not in document.text
    assert [(t.text, t.value) for t in document.timexes] == [("Monday", "2021-03-08"), ("next month", "2021-04")]
    assert all(document.text[s.start : s.end] == s.text for s in document.timexes + document.events)
    assert [e.text for e in document.events] == ["met", "said", "return"]
    # The time-side INCLUDES is read from the event's side; BEFORE the creation time dates nothing.
    assert document.time_links == [TimeLink("e1", "t1", "IS_INCLUDED"), TimeLink("e3", "t2", "IS_INCLUDED")]


def test_it_scores_the_engine_binding_against_the_links(timeml: Path) -> None:
    document = read_timeml(timeml)
    assert document.published is not None
    doc = load_pipeline(ExtractionConfig().spacy_model)(document.text)
    result = score_document(document, doc, find_time_expressions(doc, document.published))
    assert result.events == 2
    assert result.engine_right == 2 and result.baseline_right == 2
    assert result.wrong == []


def _time(token_start: int, token_end: int) -> TimeExpression:
    return TimeExpression(
        text="x", start=token_start * 5, end=token_end * 5, token_start=token_start, token_end=token_end,
        timex_type="DATE", value="2020", edtf="2020", lower=date(2020, 1, 1), upper=date(2020, 12, 31),
        precision="year",
    )  # fmt: skip


def test_the_baseline_takes_the_expression_with_fewest_tokens_between() -> None:
    before, after = _time(0, 2), _time(8, 10)
    assert nearest_in_sentence(5, [before, after]) is after  # 3 tokens after against 4 before
    assert nearest_in_sentence(2, [before, after]) is before
    assert nearest_in_sentence(3, []) is None


def test_gold_timeline_dates_are_written_at_the_expression_precision() -> None:
    published = date(2008, 3, 1)
    day = _time(0, 1)
    assert written_as_gold(None, published) == "2008-03-01"
    assert written_as_gold(day, published) == "2020-XX-XX"
    month = TimeExpression(
        "May", 0, 3, 0, 1, "DATE", "2007-05", "2007-05", date(2007, 5, 1), date(2007, 5, 31), "month"
    )
    assert written_as_gold(month, published) == "2007-05-XX"


CAT = """<?xml version="1.0" ?><Document doc_id="100" doc_name="100_sample.txt">
<token number="0" sentence="0" t_id="1">Plane</token>
<token number="1" sentence="0" t_id="2">sales</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">1</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">The</token>
<token number="7" sentence="2" t_id="8">company</token>
<token number="8" sentence="2" t_id="9">sold</token>
<token number="9" sentence="2" t_id="10">thirty</token>
<token number="10" sentence="2" t_id="11">planes</token>
<token number="11" sentence="2" t_id="12">in</token>
<token number="12" sentence="2" t_id="13">2004</token>
<token number="13" sentence="2" t_id="14">.</token>
<token number="14" sentence="3" t_id="15">It</token>
<token number="15" sentence="3" t_id="16">announced</token>
<token number="16" sentence="3" t_id="17">new</token>
<token number="17" sentence="3" t_id="18">orders</token>
<token number="18" sentence="3" t_id="19">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2008-03-01">
  <token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
</Markables>
</Document>
"""


def test_timeline_mentions_are_dated_by_their_sentence_or_the_publication_date(tmp_path: Path) -> None:
    (tmp_path / "doc.xml").write_text(CAT, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "company.txt").write_text("1\t2004-XX-XX\t100-2-sold\n2\t2008-03-01\t100-3-announced\n", encoding="utf-8")
    document = read_cat_document(tmp_path / "doc.xml")
    entries = read_gold_timelines(gold)
    assert entries[0] == TimelineEntry("company.txt", 1, "2004-XX-XX", "100", 2, "sold")
    assert document.published is not None
    doc = load_pipeline(ExtractionConfig().spacy_model)(document.text)
    result = score([document], [doc], [find_time_expressions(doc, document.published)], entries)
    assert result.mentions == 2
    assert result.dated_right == 2  # "in 2004" dates the sale; the undated announcement is the report's day
    assert result.baseline_right == 1
    assert result.pairs == 1 and result.ordering == 1.0 and result.baseline_ordering == 0.5
