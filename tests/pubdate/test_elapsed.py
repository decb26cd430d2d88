"""Time counted from a known event ("the fifth anniversary of the war", "three years into the war", "the
war began on 9 May"), spans counted from a year the text names ("Two years on, ..."), and numbered Security
Council resolutions: sentences written for these tests, facts given as data (no spaCy, no Django)."""

from __future__ import annotations

from datetime import date

import pytest

from events.pubdate import Facts, check_publication_date
from events.pubdate.clue import sentence_bounds
from events.pubdate.elapsed import elapsed_clues
from events.pubdate.facts import Holder, KnownEvent
from events.pubdate.resolutions import first_numbers, resolution_clues, year_of
from events.pubdate.text_clues import perfect_span_clues, years_on_clues

TODAY = date(2026, 12, 4)


@pytest.fixture
def facts() -> Facts:
    return Facts(
        holders=(Holder("OS", "Ostland", "state", "", "", ("Ostland", "Ostlander", "Grauburg")),),
        known_events=(
            KnownEvent(date(2012, 5, 9), date(2012, 5, 9), "war", "The Ruritanian civil war begins", ("Ruritania",)),
            KnownEvent(date(2004, 2, 2), date(2004, 2, 2), "war", "The border war of Ruritania begins", ("Ruritania",)),
            KnownEvent(
                date(2019, 10, 1), date(2019, 10, 1), "war", "Ostland's invasion of Zembla", ("Ostland", "Zembla")
            ),
        ),
    )


def _clues(text: str, facts: Facts) -> list[tuple[date, date]]:
    return [
        interval
        for clue in elapsed_clues(text, sentence_bounds(text), facts.known_events, facts)
        for interval in clue.intervals
    ]


def _check(text: str, stated: date, facts: Facts) -> tuple[str, date | None]:
    result = check_publication_date(text=text, stated=stated, mentions=[], facts=facts, today=TODAY)
    return result.verdict, result.suggested


def test_an_anniversary_of_a_known_invasion_dates_the_article_to_its_year(facts: Facts) -> None:
    text = "Crowds in Zemblan towns marked the fifth anniversary of the invasion with silence on Sunday."
    assert _check(text, date(2024, 10, 6), facts) == ("ok", None)
    verdict, suggested = _check(text, date(2022, 10, 6), facts)
    assert verdict == "doubtful"
    assert suggested is not None and suggested.year == 2024


def test_years_into_a_war_counts_from_its_start_and_a_word_before_the_noun_chooses_the_war(facts: Facts) -> None:
    # Two wars of Ruritania: "civil war" is the one whose title says so.
    (interval,) = _clues("Now three years into the civil war, Ruritanian families still flee.", facts)
    assert interval[0] <= date(2015, 5, 9) <= interval[1]
    assert not interval[0] <= date(2017, 5, 9) <= interval[1]
    # "the war" of Ruritania is either: no clue rather than a guess.
    assert _clues("Now three years into the war, Ruritanian families still flee.", facts) == []


def test_a_story_told_in_the_past_keeps_its_own_time(facts: Facts) -> None:
    assert _clues("Three years into the civil war, Ruritanian rebels took the port.", facts) == []
    assert _clues("Three years into the civil war, Ruritanian rebels were losing ground.", facts) == []


def test_months_of_a_war_count_from_its_start(facts: Facts) -> None:
    # The Ruritanian civil war began on 9 May 2012: "more than 15 months" is August to early September 2013.
    text = "Ruritanian factions agreed a truce, hoping to close over 15 months of civil war."
    (interval,) = _clues(text, facts)
    assert interval[0] <= date(2013, 8, 9) and date(2013, 9, 1) <= interval[1] <= date(2013, 9, 30)
    assert _check(text, date(2013, 8, 20), facts) == ("ok", None)
    verdict, suggested = _check(text, date(2014, 8, 20), facts)
    assert verdict == "doubtful" and suggested is not None and suggested.year == 2013
    # The invasion of Zembla began on 1 October 2019: "nearly two years" is its second year.
    (nearly,) = _clues("Zemblan towns have endured nearly two years of invasion.", facts)
    assert nearly[0] == date(2020, 10, 1) and nearly[1] < date(2022, 1, 1)


def test_an_old_war_and_a_war_in_its_nth_year(facts: Facts) -> None:
    (old,) = _clues("Grauburg is tired of the seven-year-old invasion of its neighbour Zembla.", facts)
    assert old[0] <= date(2026, 10, 1) <= old[1]
    (year,) = _clues("The Ruritanian civil war, now in its second year, has emptied the north.", facts)
    assert year[0] <= date(2013, 11, 1) <= year[1]
    assert not year[0] <= date(2015, 5, 9) <= year[1]


def test_a_start_day_without_a_year_puts_the_article_in_the_year_after_it(facts: Facts) -> None:
    text = "Begun on 9 May, the civil war has driven a million Ruritanians from their homes."
    (interval,) = _clues(text, facts)
    assert interval == (date(2012, 5, 9), date(2013, 5, 8))
    assert _check(text, date(2012, 11, 20), facts) == ("ok", None)
    assert _check(text, date(2014, 11, 20), facts)[0] == "doubtful"
    # Another day is not this war's start; a full date is absolute and says nothing of the article's year.
    assert _clues("Begun on 20 June, the civil war has driven Ruritanians from their homes.", facts) == []
    assert _clues("The civil war in Ruritania began on 9 May 2012 and goes on.", facts) == []
    # "began in February": the border war (February 2004), not the civil war (May 2012).
    (border,) = _clues("The war in Ruritania began in February and goes on.", facts)
    assert border[0] == date(2004, 2, 2)


def test_years_on_counts_from_the_one_year_the_paragraph_before_names() -> None:
    text = (
        "The two capitals signed a water treaty in 2017 after long talks.\n\n"
        "Three years on, farmers on both banks say the river is still short."
    )
    (clue,) = years_on_clues(text, TODAY, date(2020, 8, 1))
    assert clue.intervals == [(date(2019, 7, 1), date(2021, 6, 30))]
    told = text.replace("say the river is", "said the river was")
    assert years_on_clues(told, TODAY, date(2020, 8, 1)) == []
    two_years = text.replace("after long talks", "after talks begun in 2011")
    assert years_on_clues(two_years, TODAY, date(2020, 8, 1)) == []


def test_a_numbered_security_council_resolution_is_a_floor() -> None:
    numbers = [first for first, _ in first_numbers()]
    years = [year for _, year in first_numbers()]
    assert numbers == sorted(numbers) and years == sorted(years) and len(set(years)) == len(years)
    assert year_of(numbers[3]) == years[3] and year_of(numbers[3] - 1) == years[2]
    text = "The envoy urged both sides to honour Security Council Resolution 2450 and to return to talks."
    (clue,) = resolution_clues(text, sentence_bounds(text), TODAY)
    floor = clue.intervals[0][0]
    assert date(year_of(2450) or 0, 1, 1) - floor < date(2000, 6, 1) - date(2000, 1, 1)
    stated = date(floor.year - 2, 6, 1)
    result = check_publication_date(text=text, stated=stated, mentions=[], facts=Facts(), today=TODAY)
    assert result.verdict == "doubtful"
    # "resolution 2450" without the Council named may be another body's.
    assert resolution_clues("The assembly passed resolution 2450.", [0], TODAY) == []


def test_a_numbered_resolution_called_by_its_month_dates_the_article_to_the_year_after() -> None:
    year = year_of(2350)
    assert year is not None
    text = (
        "Ostland asked the envoys to respect Security Council Resolution 2350. "
        "The July resolution told both sides to pull back their guns."
    )
    _floor, by_month = resolution_clues(text, sentence_bounds(text), TODAY)
    assert by_month.intervals[0][0] == date(year, 7, 1)
    stated_ok = date(year + 1, 5, 1)
    verdict = check_publication_date(text=text, stated=stated_ok, mentions=[], facts=Facts(), today=TODAY).verdict
    assert verdict == "ok"
    late = date(year + 2, 5, 1)
    assert check_publication_date(text=text, stated=late, mentions=[], facts=Facts(), today=TODAY).verdict == "doubtful"
    # Two numbered resolutions: which one the month names is not clear.
    two = text + " Resolution 2351 followed."
    assert len(resolution_clues(two, sentence_bounds(two), TODAY)) == 1


def test_the_day_an_invasion_began_told_with_its_verb(facts: Facts) -> None:
    (interval,) = _clues("Ports have been idle since Ostlander troops invaded Zembla on Oct. 1.", facts)
    assert interval == (date(2019, 10, 1), date(2020, 9, 30))
    assert _clues("Ports have been idle since Ostlander troops invaded Zembla on Oct. 1, 2019.", facts) == []
    assert _clues("Ports have been idle since Ostlander troops invaded Zembla on March 3.", facts) == []


def test_a_span_in_the_perfect_counted_from_its_since_year() -> None:
    def spans(text: str) -> list[list[tuple[date, date]]]:
        return [clue.intervals for clue in perfect_span_clues(text, sentence_bounds(text), TODAY, date(2020, 1, 1))]

    assert spans("The two ports have traded for twelve years, since 2009, without a dispute.") == [
        [(date(2020, 7, 1), date(2022, 6, 30))]
    ]
    assert spans("Since 2009, the two ports have traded for twelve years.") == [[(date(2020, 7, 1), date(2022, 6, 30))]]
    # Told in the past, the span ended long ago; a "since" elsewhere in the clause is another count.
    assert spans("The two ports traded for twelve years, since 1990.") == []
    assert spans("They have met twice since 2009 and for six years in all.") == []
