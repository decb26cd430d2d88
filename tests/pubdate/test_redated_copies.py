"""The date check on real articles (../shared/corpus/real-dev), the dev set and the sample data, with the
real extraction engine: no false alarm on any correctly dated article, and copies re-dated by -3..+3
years (made here, in memory) caught. The figures are printed by bench/pubdate.py; the floors below are
what it measured (2026-12-04, with time counted from known events), so a change that loses detection
fails here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from events.extraction.pipeline import extract, extract_document
from events.pubdate import check_publication_date, load_facts
from events.pubdate.check import _add_years
from events.pubdate.from_extraction import mentions_of
from tests.conftest import ROOT, SHARED

TODAY = date(2026, 12, 4)
REAL_DEV = SHARED / "corpus" / "real-dev"
DEVGOLD = ROOT / "tests" / "extraction" / "devgold"
SAMPLE = ROOT / "events" / "sample_data"
# Measured by bench/pubdate.py on the 120 re-dated real-dev copies. It was 76 while two copies were caught by
# a wrong clue: a past president's title read as current because its "since" stood more than 60 characters
# before it; with the 100-character reach that clue is gone, and so are those two catches (true year unchanged).
# 76 and 65 since (2026-12-05, pubdate4): "under the constitution, ..." no longer hides the minister named after
# it (two copies of one article caught), and a whole-year move landing a month inside the allowed dates is
# suggested before one at their edge (four copies get their true year).
# 95 and 73 since (2026-12-06, pubdate14): the lead's reporting verb and its weekday, "earlier"/"late" on a
# day narrowed to the days they can be written on, and a wire dateline's weekday. 96 and 76 since: a
# numbered resolution called by its month ("the April resolution").
CAUGHT_AT_LEAST = 96
TRUE_YEAR_AT_LEAST = 76


def _verdict(text: str, stated: date) -> tuple[str, date | None]:
    extraction = extract(text, stated)
    result = check_publication_date(
        text=text, stated=stated, mentions=mentions_of(extraction), facts=load_facts(), today=TODAY
    )
    return result.verdict, result.suggested


def _articles() -> list[tuple[str, str, date]]:
    found = []
    for name, entry in json.loads((DEVGOLD / "gold.json").read_text()).items():
        raw = (DEVGOLD / "articles" / name).read_text(encoding="utf-8")
        text = extract_document(raw).text if "scraped" in name else raw
        found.append((f"devgold/{name}", text, date.fromisoformat(entry["published"])))
    for entry in json.loads((SAMPLE / "demo.json").read_text())["articles"]:
        text = (SAMPLE / "articles" / entry["file"]).read_text(encoding="utf-8")
        found.append((f"sample/{entry['file']}", text, date.fromisoformat(entry["published"])))
    if REAL_DEV.exists():
        for name, entry in json.loads((REAL_DEV / "gold.json").read_text()).items():
            text = Path(REAL_DEV / name).read_text(encoding="utf-8")
            found.append((f"real-dev/{name}", text, date.fromisoformat(entry["published"])))
    return found


def test_no_correctly_dated_article_is_doubted() -> None:
    alarms = [name for name, text, published in _articles() if _verdict(text, published)[0] != "ok"]
    assert alarms == []


@pytest.mark.skipif(not REAL_DEV.exists(), reason="../shared/corpus/real-dev is not beside the worktree")
def test_real_articles_re_dated_by_one_to_three_years_are_caught() -> None:
    caught = true_year = 0
    for name, text, published in _articles():
        if not name.startswith("real-dev/"):
            continue
        for years in (-3, -2, -1, 1, 2, 3):
            verdict, suggested = _verdict(text, _add_years(published, years))
            caught += verdict == "doubtful"
            true_year += suggested is not None and suggested.year == published.year
    assert caught >= CAUGHT_AT_LEAST
    assert true_year >= TRUE_YEAR_AT_LEAST


@pytest.mark.skipif(
    not (SHARED / "data" / "semeval2015-timeline").exists(), reason="../shared/data is not beside the worktree"
)
def test_no_correctly_dated_wikinews_article_is_doubted() -> None:
    # Real news the check was not written on (SemEval-2015 TimeLine, Wikinews), read by bench/pubdate.py.
    from bench.pubdate import wikinews

    found = wikinews()
    assert len(found) >= 80
    alarms = [name for name, text, published in found if _verdict(text, published)[0] != "ok"]
    assert alarms == []
