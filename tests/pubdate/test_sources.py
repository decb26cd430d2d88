"""The sources of a publication date (submitter, page metadata, the text's date line, a wire dateline)
are compared: a disagreement is a reason an editor can check, and the date most of them agree on (and
the text fits) is the one suggested. Sentences and pages written for these tests."""

from __future__ import annotations

from datetime import date

from events.extraction.cleaning.html import clean_html
from events.extraction.cleaning.text import clean_text
from events.pubdate import Facts, check_publication_date
from events.pubdate.facts import Holder, Office, Term

TODAY = date(2026, 12, 4)
FACTS = Facts(
    holders=(Holder("FR", "France", "state", "FR", "Q142", ("France", "French", "Paris")),),
    offices=(
        Office("fr-fm", "Minister of Foreign Affairs of France", "FR", "foreign_minister", ("Foreign Minister",)),
    ),
    terms=(Term("fr-fm", "Odile Marchetti", date(2022, 3, 1), date(2024, 6, 1), "", "Marchetti"),),
)
MINISTER = "French Foreign Minister Odile Marchetti flew to Oslo for talks with her counterpart."
PLAIN = "The envoys of the two ports met on Sunday to settle a quarrel over fishing quotas."


def check(text: str, stated: date, sources: list[tuple[str, date]]):
    return check_publication_date(text=text, stated=stated, mentions=(), facts=FACTS, today=TODAY, sources=sources)


def test_metadata_and_date_line_disagree_and_the_text_picks_the_date_line() -> None:
    result = check(MINISTER, date(2025, 4, 6), [("metadata", date(2025, 4, 6)), ("text", date(2023, 6, 18))])
    assert result.verdict == "doubtful"
    assert result.suggested == date(2023, 6, 18)
    assert result.reasons[0].kind == "sources"
    assert "the page's metadata says 2025-04-06" in result.reasons[0].sentence
    assert "the text's date line says 2023-06-18" in result.reasons[0].sentence


def test_two_sources_agreeing_outvote_the_one_the_dates_were_read_against() -> None:
    sources = [("submitter", date(2021, 5, 9)), ("metadata", date(2019, 5, 9)), ("text", date(2019, 5, 9))]
    result = check(PLAIN, date(2021, 5, 9), sources)
    assert result.verdict == "doubtful" and result.suggested == date(2019, 5, 9)
    assert [r.kind for r in result.reasons] == ["sources"]


def test_a_disagreement_the_text_cannot_settle_is_reported_but_not_doubted() -> None:
    result = check(PLAIN, date(2021, 5, 9), [("submitter", date(2021, 5, 9)), ("metadata", date(2019, 5, 9))])
    assert result.verdict == "ok"
    assert [r.kind for r in result.reasons] == ["sources"]


def test_sources_a_day_apart_agree() -> None:
    result = check(PLAIN, date(2021, 5, 9), [("submitter", date(2021, 5, 9)), ("metadata", date(2021, 5, 8))])
    assert result.verdict == "ok" and result.reasons == ()


def test_a_wire_dateline_on_another_day_is_a_disagreement() -> None:
    text = "LISBON, June 18 (Wire) -- " + PLAIN
    assert check(text, date(2023, 6, 18), []).reasons == ()
    result = check(text, date(2025, 4, 6), [])
    assert [r.kind for r in result.reasons] == ["sources"]
    assert "June 18" in result.reasons[0].sentence


def test_a_page_states_its_metadata_date_and_its_date_line_both() -> None:
    html = (
        '<html><head><title>Envoys meet</title><meta property="article:published_time" content="2025-04-06">'
        "</head><body><article><h1>Envoys meet</h1><p>Published: June 18, 2023</p><p>"
        + PLAIN
        + " They agreed to meet again in the autumn, a statement issued by both delegations said.</p>"
        "</article></body></html>"
    )
    assert clean_html(html).dates == (("metadata", date(2025, 4, 6)), ("text", date(2023, 6, 18)))
    assert clean_text("Envoys meet\n\nPublished: June 18, 2023\n\n" + PLAIN).dates == (("text", date(2023, 6, 18)),)


def test_the_extraction_carries_every_stated_date_to_the_check() -> None:
    from events.extraction.pipeline import extract_document

    page = "Envoys meet\n\nPublished: June 18, 2023\n\n" + PLAIN
    extraction = extract_document(page, is_html=False, published=date(2025, 4, 6))
    assert extraction.published == date(2025, 4, 6)
    assert extraction.stated_dates == (("submitter", date(2025, 4, 6)), ("text", date(2023, 6, 18)))
