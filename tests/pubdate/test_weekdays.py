"""Weekday clues (events.pubdate.weekdays) on sentences written for these tests: the part of a named day
told in the past says which weekday the article was written on, give or take a day."""

from __future__ import annotations

from datetime import date

import pytest

from events.pubdate import Facts, check_publication_date
from events.pubdate.weekdays import weekday_clues

TODAY = date(2026, 12, 4)
NO_FACTS = Facts((), (), (), (), (), ())

SUMMONED = "The ministry summoned the Ostland ambassador early on Thursday to protest over the border post."


def verdict(text: str, stated: date) -> str:
    return check_publication_date(text=text, stated=stated, mentions=(), facts=NO_FACTS, today=TODAY).verdict


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        pytest.param(date(2016, 6, 8), "ok", id="the-day-before"),  # a Wednesday: a time zone behind
        pytest.param(date(2016, 6, 9), "ok", id="the-day"),  # a Thursday
        pytest.param(date(2016, 6, 10), "ok", id="the-next-day"),
        pytest.param(date(2016, 6, 11), "ok", id="two-days-after"),  # a follow-up written on Saturday
        pytest.param(date(2016, 6, 12), "doubtful", id="three-days-after"),
        pytest.param(date(2016, 6, 6), "doubtful", id="three-days-before"),
    ],
)
def test_a_part_of_a_named_day_in_the_past_is_the_day_of_writing(stated: date, expected: str) -> None:
    assert verdict(SUMMONED, stated) == expected


def test_the_reason_names_the_quote_and_the_weekdays_that_fit() -> None:
    result = check_publication_date(text=SUMMONED, stated=date(2016, 6, 13), mentions=(), facts=NO_FACTS, today=TODAY)
    reason = result.reasons[0]
    assert (reason.kind, reason.quote) == ("weekday", "early on Thursday")
    assert "a Wednesday or a Thursday or a Friday or a Saturday" in reason.sentence


def test_a_copy_moved_by_a_year_is_moved_back_onto_the_weekday() -> None:
    # 9 June 2016 was a Thursday; in 2017 9 June was a Friday, in 2015 a Tuesday.
    result = check_publication_date(text=SUMMONED, stated=date(2015, 6, 9), mentions=(), facts=NO_FACTS, today=TODAY)
    assert result.verdict == "doubtful"
    assert result.suggested == date(2016, 6, 9)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The envoys will meet again late on Friday in Quito.", id="future"),
        pytest.param("The envoys are expected to sign the accord early on Friday.", id="expected"),
        pytest.param("The envoys meet late on Friday in Quito.", id="no-past-verb"),
        pytest.param("Officials said late Friday's vote was postponed.", id="possessive"),
        pytest.param("The envoys signed the accord late on Friday, March 4, in Quito.", id="dated"),
    ],
)
def test_no_day_of_writing_without_a_part_of_a_day_told_in_the_past(text: str) -> None:
    assert [clue for clue in weekday_clues(text, TODAY) if clue.key[0] == "day-of-writing"] == []


def test_parts_of_several_days_allow_each_of_them() -> None:
    text = "Talks opened early on Monday in Lima. The two delegations signed the accord late on Wednesday."
    (clue,) = weekday_clues(text, TODAY)
    assert clue.weekdays == frozenset({6, 0, 1, 2, 3, 4})  # Sunday to Friday: only Saturday is too far
    assert verdict(text, date(2016, 6, 11)) == "doubtful"  # a Saturday
    assert verdict(text, date(2016, 6, 10)) == "ok"  # a Friday


def test_ap_style_without_on_counts() -> None:
    (clue,) = weekday_clues("Ruiz landed in Quito late Sunday after a day of delays.", TODAY)
    assert clue.weekdays == frozenset({6, 0, 1})  # not Saturday: late Sunday is over before a Sunday's story


# A lead written for these tests: the reporting verb's weekday is the day the story was filed.
LEAD = (
    "Ostland trade talks stall over grain quotas\n\n"
    "QUITO — Talks on grain quotas between Ostland and Zembla broke up without a date for the next round, "
    "a spokesman for the Ostland delegation said on Tuesday.\n\n"
    "The two sides met for three days. Their envoys had said on Friday that a deal was close."
)


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        pytest.param(date(2019, 3, 12), "ok", id="the-day"),  # a Tuesday
        pytest.param(date(2019, 3, 13), "ok", id="the-next-day"),
        pytest.param(date(2019, 3, 14), "ok", id="two-days-after"),
        pytest.param(date(2019, 3, 15), "doubtful", id="three-days-after"),
        pytest.param(date(2019, 3, 11), "doubtful", id="the-day-before"),
    ],
)
def test_the_weekday_of_the_leads_reporting_verb_is_the_day_of_filing(stated: date, expected: str) -> None:
    assert verdict(LEAD, stated) == expected


def test_a_copy_of_a_lead_moved_by_a_year_is_caught() -> None:
    # 12 March 2019 was a Tuesday; 12 March 2018 a Monday (the day before), 12 March 2017 a Sunday.
    for stated in (date(2018, 3, 12), date(2017, 3, 12)):
        result = check_publication_date(text=LEAD, stated=stated, mentions=(), facts=NO_FACTS, today=TODAY)
        assert result.verdict == "doubtful"
        assert result.reasons[0].quote == "said on Tuesday"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ostland and Zembla signed the accord on Tuesday in Quito, officials said.", id="no-verb-next"),
        pytest.param("Talks\n\nThe envoys met in Quito. Officials said on Tuesday that it went well.", id="second"),
        pytest.param("The envoy said Tuesday's vote was postponed.", id="possessive"),
        pytest.param("The ministry announced on Tuesday, March 12, that the post would close.", id="dated"),
    ],
)
def test_no_lead_clue_without_a_reporting_verb_and_its_weekday_in_the_first_sentence(text: str) -> None:
    assert [clue for clue in weekday_clues(text, TODAY) if clue.key[0] == "lead-report"] == []


def test_late_on_a_day_is_never_the_day_before() -> None:
    text = "The convoy crossed into Zembla late on Friday, the ministry said."
    assert verdict(text, date(2019, 3, 1)) == "ok"  # a Friday
    assert verdict(text, date(2019, 3, 3)) == "ok"  # the Sunday after
    assert verdict(text, date(2018, 3, 1)) == "doubtful"  # a Thursday


def test_earlier_on_a_day_is_that_day_or_the_next() -> None:
    text = "Zembla's cabinet had rejected the offer earlier on Monday, a spokeswoman said."
    (clue,) = weekday_clues(text, TODAY)
    assert clue.weekdays == frozenset({0, 1})  # Monday, or Tuesday a time zone ahead
    assert verdict(text, date(2016, 3, 8)) == "ok"  # a Tuesday
    assert verdict(text, date(2016, 3, 9)) == "doubtful"  # a Wednesday: "earlier" looks back within the day


def test_under_a_wire_dateline_the_leads_weekday_is_the_day_or_the_next() -> None:
    text = (
        "LIMA, March 14 (Andes Wire) -- Ostland's trade minister will visit Peru next week, "
        "his office announced Thursday."
    )
    (clue,) = [clue for clue in weekday_clues(text, TODAY) if clue.key[0] == "lead-report"]
    assert clue.weekdays == frozenset({3, 4})
    assert verdict(text, date(2024, 3, 14)) == "ok"  # a Thursday
    assert verdict(text, date(2026, 3, 14)) == "doubtful"  # a Saturday
