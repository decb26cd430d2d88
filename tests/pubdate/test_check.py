"""The pure date check (events.pubdate.check) on sentences written for these tests, with facts given as
data and the extractor's readings given by hand: no spaCy, no Django."""

from __future__ import annotations

from datetime import date

import pytest

from events.pubdate import DatedMention, Facts, check_publication_date
from events.pubdate.facts import Gathering, Holder, KnownEvent, Office, Series, Term

TODAY = date(2026, 12, 4)


@pytest.fixture
def facts() -> Facts:
    return Facts(
        holders=(
            Holder("FR", "France", "state", "FR", "Q142", ("France", "French", "Paris")),
            Holder("PT", "Portugal", "state", "PT", "Q45", ("Portugal", "Portuguese", "Lisbon")),
        ),
        offices=(
            Office("fr-fm", "Minister of Foreign Affairs of France", "FR", "foreign_minister", ("Foreign Minister",)),
            Office("pt-pm", "Prime Minister of Portugal", "PT", "head_of_government", ("Prime Minister",)),
        ),
        terms=(
            Term("fr-fm", "Odile Marchetti", date(2010, 3, 1), date(2012, 6, 1), "", "Marchetti"),
            Term("fr-fm", "Paul Verdier", date(2012, 6, 1), date(2019, 1, 10), "", "Verdier"),
            Term("pt-pm", "Rui Almada", date(2011, 1, 1), None, "", "Almada"),
        ),
        series=(Series("EXS", "Example Summit", ("Example Summit", "EXS")),),
        gatherings=(
            Gathering("EXS", date(2014, 6, 12), date(2014, 6, 13), "Lisbon", "PT"),
            Gathering("EXS", date(2018, 6, 20), date(2018, 6, 21), "Porto", "PT"),
        ),
        known_events=(
            KnownEvent(
                date(2014, 3, 7), date(2014, 3, 7), "meeting", "Verdier meets Almada", ("Paul Verdier", "Rui Almada")
            ),
        ),
    )


def check(text: str, stated: date | None, facts: Facts, *mentions: DatedMention):
    return check_publication_date(text=text, stated=stated, mentions=mentions, facts=facts, today=TODAY)


def test_it_doubts_a_date_outside_the_term_of_a_named_minister(facts: Facts) -> None:
    text = "French Foreign Minister Odile Marchetti flew to Oslo for talks with her counterpart."
    result = check(text, date(2016, 5, 2), facts)
    assert result.verdict == "doubtful"
    assert result.suggested_from is not None and result.suggested_to is not None
    # The term, with the few days' grace a title keeps around a handover.
    assert date(2010, 2, 19) <= result.suggested_from <= result.suggested_to <= date(2012, 6, 11)
    (reason,) = result.reasons
    assert reason.quote == "Foreign Minister Odile Marchetti"
    assert "2010-03-01 to 2012-06-01" in reason.sentence and "2016-05-02" in reason.sentence


def test_it_accepts_a_date_inside_the_term(facts: Facts) -> None:
    text = "French Foreign Minister Odile Marchetti flew to Oslo for talks with her counterpart."
    assert check(text, date(2011, 5, 2), facts).verdict == "ok"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The talks began when Foreign Minister Odile Marchetti was in office.", id="when"),
        pytest.param(
            "The feud dates from the administrations of Ostland's J. P. Morrow and Foreign Minister Odile Marchetti.",
            id="since-past-initials",
        ),
        pytest.param(
            "Trade has doubled since the first joint trade commission chaired by Ostland's Deputy Premier Teodor Vask"
            " and Foreign Minister Odile Marchetti.",
            id="since-far-before-the-title",
        ),
        pytest.param("Foreign Minister Odile Marchetti pledged a treaty by 2030.", id="dated-sentence"),
        pytest.param("Foreign Minister Odile Marchetti, who died last week, was mourned in Paris.", id="death"),
    ],
)
def test_it_takes_no_clue_from_a_holder_in_another_time(text: str, facts: Facts) -> None:
    result = check(text, date(2016, 5, 2), facts)
    assert result.verdict == "ok" and result.clues == 0


def test_a_surname_alone_counts_only_when_the_text_names_the_country(facts: Facts) -> None:
    assert check("Prime Minister Almada said the vote would wait.", date(2009, 5, 2), facts).clues == 0
    result = check("Portugal's Prime Minister Almada said the vote would wait.", date(2009, 5, 2), facts)
    assert result.verdict == "doubtful"


def test_a_title_of_another_office_says_nothing(facts: Facts) -> None:
    # Marchetti held the foreign ministry, never the premiership.
    assert check("Prime Minister Odile Marchetti opened the session.", date(2016, 5, 2), facts).clues == 0


def test_a_summit_named_with_host_and_month_moves_the_year(facts: Facts) -> None:
    quote = "Leaders will meet again at the Example Summit in Lisbon in June, officials said."
    # Read from a stated 2016-04-02, the extractor put "in June" (future) in June 2016.
    mention = DatedMention(quote, "in June", date(2016, 6, 1), date(2016, 6, 30), "month", "summit", (), "Lisbon")
    result = check(quote, date(2016, 4, 2), facts, mention)
    assert result.verdict == "doubtful"
    assert result.suggested == date(2014, 4, 2)  # the stated day, two years back
    assert result.reasons[0].kind == "gathering"


def test_a_summit_without_its_host_near_says_nothing(facts: Facts) -> None:
    quote = "Leaders will meet again at the Example Summit in June, officials said."
    mention = DatedMention(quote, "in June", date(2016, 6, 1), date(2016, 6, 30), "month", "summit")
    assert check(quote, date(2016, 4, 2), facts, mention).clues == 0


def test_a_known_event_on_a_weekday_gives_the_day(facts: Facts) -> None:
    quote = "Verdier met Almada on Friday in Lisbon to prepare the accord."
    # Read from Sunday 2016-05-01, "on Friday" was 2016-04-29; the meeting was Friday 2014-03-07.
    mention = DatedMention(
        quote, "on Friday", date(2016, 4, 29), date(2016, 4, 29), "day", "meeting", ("Verdier", "Almada")
    )
    result = check(quote, date(2016, 5, 1), facts, mention)
    assert result.verdict == "doubtful"
    assert result.suggested == date(2014, 3, 9)  # the Sunday two days after that Friday


def test_an_absolute_date_never_moves(facts: Facts) -> None:
    quote = "Verdier met Almada on March 7, 2014 in Lisbon."
    mention = DatedMention(
        quote, "March 7, 2014", date(2014, 3, 7), date(2014, 3, 7), "day", "meeting", ("Verdier", "Almada")
    )
    assert check(quote, date(2016, 5, 1), facts, mention).verdict == "ok"


def test_a_past_year_is_a_floor_but_a_planned_one_is_not(facts: Facts) -> None:
    assert check("In 2019 the two ports signed a pact.", date(2017, 3, 3), facts).verdict == "doubtful"
    assert check("The two ports will sign a pact in 2019.", date(2017, 3, 3), facts).verdict == "ok"
    assert check("In 2015 the two ports signed a pact.", date(2017, 3, 3), facts).verdict == "ok"


def test_a_weekday_with_a_date_picks_the_years(facts: Facts) -> None:
    text = "The envoys will gather on Thursday, March 5, in Geneva."
    # 5 March 2020 was a Thursday; in 2019 it was a Tuesday.
    assert check(text, date(2020, 2, 20), facts).verdict == "ok"
    assert check(text, date(2019, 2, 20), facts).verdict == "doubtful"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The envoys will gather on Thursday, March 5th, in Geneva.", id="ordinal"),
        pytest.param("The envoys will gather on Thursday 5th March in Geneva.", id="ordinal-day-first"),
        pytest.param("The envoys will gather on Thursday the 5th of March in Geneva.", id="the-5th-of"),
        pytest.param("The envoys will gather on March 5 (Thursday) in Geneva.", id="weekday-after"),
        pytest.param("The envoys will gather on 5 March, a Thursday, in Geneva.", id="a-weekday-after"),
    ],
)
def test_a_weekday_with_a_date_in_other_orders_picks_the_years(text: str, facts: Facts) -> None:
    assert check(text, date(2020, 2, 20), facts).verdict == "ok"
    assert check(text, date(2019, 2, 20), facts).verdict == "doubtful"


def test_a_date_with_its_year_and_a_weekday_says_nothing(facts: Facts) -> None:
    # 5 March 2019 was a Tuesday; the date is absolute, so a stated 2021 (when it was a Friday) is fine.
    assert check("The envoys met on March 5, 2019 (Tuesday) in Geneva.", date(2021, 6, 1), facts).verdict == "ok"
    assert check("The envoys met on Tuesday, March 5, 2019 in Geneva.", date(2021, 6, 1), facts).verdict == "ok"


def test_yesterday_named_makes_the_article_the_next_day(facts: Facts) -> None:
    text = "The ministry said a drone crossed the border yesterday (Friday)."
    assert check(text, date(2016, 1, 30), facts).verdict == "ok"  # a Saturday
    assert check(text, date(2017, 1, 30), facts).verdict == "doubtful"  # a Monday


def test_a_stated_date_after_today_is_doubtful(facts: Facts) -> None:
    result = check("Nothing dated here.", date(2027, 1, 5), facts)
    assert result.verdict == "doubtful" and result.reasons[0].kind == "future"


def test_one_contradiction_outvoted_by_agreeing_clues_is_not_an_alarm(facts: Facts) -> None:
    # Marchetti's title is stale by 2013, but Verdier's and Almada's terms and the past year agree.
    text = (
        "Foreign Minister Odile Marchetti sent a note. French Foreign Minister Paul Verdier answered it. "
        "Portugal's Prime Minister Rui Almada welcomed it. In 2013 the ports reopened."
    )
    result = check(text, date(2013, 9, 1), facts)
    assert result.clues == 4 and result.stated_fits == 3
    assert result.verdict == "ok"


def test_no_clue_no_doubt(facts: Facts) -> None:
    result = check("Officials met on Tuesday to discuss fishing quotas.", date(2016, 5, 2), facts)
    assert result.verdict == "ok" and result.clues == 0


def test_a_future_stated_date_still_gets_the_date_the_clues_give(facts: Facts) -> None:
    text = "French Foreign Minister Odile Marchetti flew to Oslo for talks with her counterpart."
    result = check(text, date(2027, 5, 2), facts)
    assert result.verdict == "doubtful" and result.reasons[0].kind == "future"
    assert result.suggested == date(2012, 5, 2)  # the stated day, moved the fewest years into her term


def test_former_puts_the_article_after_the_term(facts: Facts) -> None:
    text = "Former Foreign Minister Odile Marchetti wrote a memoir about the talks."
    assert check(text, date(2016, 5, 2), facts).verdict == "ok"
    result = check(text, date(2011, 5, 2), facts)  # she was still in office
    assert result.verdict == "doubtful" and result.reasons[0].kind == "former"
    assert result.suggested_from is not None and result.suggested_from >= date(2012, 5, 20)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Odile Marchetti, France's foreign minister, flew to Oslo on Monday.", id="name-first"),
        pytest.param("On Monday the foreign minister, Odile Marchetti, flew to Oslo.", id="title-first"),
    ],
)
def test_an_officeholder_in_apposition_is_a_clue(text: str, facts: Facts) -> None:
    assert check(text, date(2011, 5, 2), facts).verdict == "ok"
    result = check(text, date(2016, 5, 2), facts)
    assert result.verdict == "doubtful" and result.reasons[0].kind == "office"


def test_took_office_in_a_month_is_the_year_after_the_term_began(facts: Facts) -> None:
    text = "Foreign Minister Paul Verdier, who took office in June, flew to Oslo."
    assert check(text, date(2013, 2, 1), facts).verdict == "ok"
    result = check(text, date(2015, 2, 1), facts)  # still in office, but June is long past
    assert result.verdict == "doubtful" and result.suggested is not None
    assert date(2012, 6, 1) <= result.suggested <= date(2013, 6, 1)


def test_a_full_date_told_in_the_past_is_a_floor_to_the_day(facts: Facts) -> None:
    text = "The two ports signed their pact on March 3, 2019, after a decade of haggling."
    assert check(text, date(2019, 3, 5), facts).verdict == "ok"
    result = check(text, date(2019, 2, 20), facts)
    assert result.verdict == "doubtful" and result.suggested_from == date(2019, 3, 3)


@pytest.mark.parametrize(
    ("text", "floor"),
    [
        pytest.param("The port of Almada lost most of its ferry trade in late 2018.", date(2018, 9, 1), id="late"),
        pytest.param(
            "The cooperative said its fourth quarter of 2018 closed with a loss.", date(2018, 10, 1), id="quarter"
        ),
        pytest.param("The ferry line carried large debts at the end of 2018.", date(2018, 11, 1), id="end"),
        pytest.param("Ticket sales fell over the second half of 2018, the operator said.", date(2018, 7, 1), id="half"),
    ],
)
def test_a_part_of_a_year_told_in_the_past_moves_the_floor_to_its_first_month(
    text: str, floor: date, facts: Facts
) -> None:
    assert check(text, floor, facts).verdict == "ok"
    result = check(text, date(2018, 2, 1), facts)  # in 2018, but before that part of it
    assert result.verdict == "doubtful" and result.suggested_from == floor


def test_a_leap_day_without_its_year_dates_the_article_after_a_leap_year(facts: Facts) -> None:
    text = "The harbour board picked the Porto bid on February 29, and the losing bidder appealed."
    assert check(text, date(2016, 7, 1), facts).verdict == "ok"
    for stated in (date(2015, 7, 1), date(2018, 7, 1)):  # no 29 February in the year or so before
        result = check(text, stated, facts)
        assert result.verdict == "doubtful" and result.reasons[0].kind == "leap_day"
    assert check("The board will choose a bid on Feb. 29.", date(2019, 11, 2), facts).verdict == "ok"
    assert check("The board will choose a bid on Feb. 29.", date(2020, 3, 2), facts).verdict == "doubtful"


def test_a_year_told_in_the_plain_future_is_a_ceiling(facts: Facts) -> None:
    text = "The ministry says the new bridge will open in 2017."
    assert check(text, date(2016, 4, 1), facts).verdict == "ok"
    result = check(text, date(2019, 4, 1), facts)
    assert result.verdict == "doubtful" and result.reasons[0].kind == "future_year"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("He said in 2010 that the bridge would open in 2012.", id="future-in-the-past"),
        pytest.param("Portugal, which joined the bloc in 2004, will host the talks.", id="relative-clause"),
    ],
)
def test_a_year_not_governed_by_a_future_is_no_ceiling(text: str, facts: Facts) -> None:
    assert check(text, date(2015, 4, 1), facts).verdict == "ok"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("In 2012, seven years ago, the two ports signed a pact.", 2019, id="ago"),
        pytest.param("The pact, signed in 2009, marks its tenth anniversary this week.", 2019, id="anniversary"),
        pytest.param("It is 15 years since the ports first traded, in 2001.", 2016, id="since"),
    ],
)
def test_a_span_counted_from_a_year_dates_the_article(text: str, year: int, facts: Facts) -> None:
    assert check(text, date(year, 5, 2), facts).verdict == "ok"
    result = check(text, date(year + 2, 5, 2), facts)
    assert result.verdict == "doubtful" and result.suggested is not None and result.suggested.year == year


def test_the_suggestion_prefers_the_stated_day_moved_by_whole_years(facts: Facts) -> None:
    # Two terms: the first ended two months before the stated day, the second began seven months after.
    twice = Facts(
        holders=facts.holders,
        offices=facts.offices,
        terms=(
            Term("fr-fm", "Odile Marchetti", date(2010, 8, 1), date(2011, 3, 1), "", "Marchetti"),
            Term("fr-fm", "Paul Verdier", date(2011, 3, 1), date(2011, 12, 1), "", "Verdier"),
            Term("fr-fm", "Odile Marchetti", date(2011, 12, 1), None, "", "Marchetti"),
        ),
    )
    text = "French Foreign Minister Odile Marchetti flew to Oslo for talks with her counterpart."
    result = check(text, date(2011, 5, 1), twice)
    assert result.verdict == "doubtful"
    # The nearer term cannot hold 1 May in any year; the later one holds 1 May 2012, one year on.
    assert result.suggested == date(2012, 5, 1)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("Last year's 2014 summit in Lisbon ended without a deal.", 2015, id="last-years"),
        pytest.param("The ports signed a pact in 2014, last year, after long talks.", 2015, id="apposed"),
        pytest.param("The ports will sign a pact next year (2017), the ministry says.", 2016, id="next-bracketed"),
    ],
)
def test_last_or_next_year_joined_to_a_year_gives_the_article_year(text: str, year: int, facts: Facts) -> None:
    assert check(text, date(year, 5, 2), facts).verdict == "ok"
    for shifted in (year - 1, year + 1):
        result = check(text, date(shifted, 5, 2), facts)
        assert result.verdict == "doubtful" and result.suggested == date(year, 5, 2)


def test_last_year_beside_another_year_says_nothing(facts: Facts) -> None:
    text = "Last year's talks built on the 2009 pact between the two ports."
    assert check(text, date(2016, 5, 2), facts).verdict == "ok"


def _numbered(facts: Facts) -> Facts:
    return Facts(
        holders=facts.holders,
        offices=facts.offices,
        terms=facts.terms,
        series=facts.series,
        gatherings=(
            Gathering("EXS", date(2014, 6, 12), date(2014, 6, 13), "Lisbon", "PT", 3),
            Gathering("EXS", date(2018, 6, 20), date(2018, 6, 21), "Porto", "PT", 4),
        ),
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Delegates gathered in a seaside town for the third Example Summit.", id="ordinal-word"),
        pytest.param("Delegates gathered in a seaside town for the 3rd annual Example Summit.", id="ordinal-digits"),
        pytest.param("Delegates gathered in a seaside town for EXS3, the third of its kind.", id="glued"),
    ],
)
def test_a_gathering_named_by_its_number_dates_the_article(text: str, facts: Facts) -> None:
    numbered = _numbered(facts)
    assert check(text, date(2014, 6, 13), numbered).verdict == "ok"
    result = check(text, date(2017, 6, 13), numbered)
    assert result.verdict == "doubtful" and result.suggested is not None
    assert date(2013, 6, 12) <= result.suggested <= date(2015, 6, 13)


def test_a_number_after_a_space_is_a_count_not_the_gathering(facts: Facts) -> None:
    text = "The EXS 3 ministers met in a seaside town to prepare the agenda."
    assert check(text, date(2017, 6, 13), _numbered(facts)).verdict == "ok"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The shipyard's contract to build the ferries expires in 2019.", id="present"),
        pytest.param("The rival yard is preparing to launch a similar ferry in 2019.", id="progressive"),
        pytest.param("Officials said it is hoped the first ferry can be tested in 2019.", id="modal"),
    ],
)
def test_a_year_in_a_clause_not_told_in_the_past_is_no_floor(text: str, facts: Facts) -> None:
    assert check(text, date(2017, 3, 3), facts).verdict == "ok"


def test_the_office_s_own_name_before_a_name_is_a_title(facts: Facts) -> None:
    text = "Minister of Foreign Affairs of France Odile Marchetti flew to Oslo for talks."
    assert check(text, date(2011, 5, 2), facts).verdict == "ok"
    result = check(text, date(2016, 5, 2), facts)
    assert result.verdict == "doubtful" and result.reasons[0].kind == "office"


def _with_known_meeting(facts: Facts, place: str) -> Facts:
    """The facts with one known event: Verdier and Almada met on 7 March 2014 in ``place``."""
    from dataclasses import replace

    meeting = KnownEvent(
        date(2014, 3, 7), date(2014, 3, 7), "meeting", "Verdier meets Almada", ("Paul Verdier", "Rui Almada"), place
    )
    return replace(facts, known_events=(meeting,))


def test_only_a_place_the_sentence_names_rules_a_known_event_out(facts: Facts) -> None:
    placed = _with_known_meeting(facts, "Lisbon")

    def mention(quote: str) -> DatedMention:
        # Read from Sunday 2016-05-01; the extractor placed the meeting in Porto either way.
        return DatedMention(
            quote, "on Friday", date(2016, 4, 29), date(2016, 4, 29), "day", "meeting", ("Verdier", "Almada"), "Porto"
        )

    carried = "Verdier met Almada on Friday to prepare the accord."  # Porto came from another paragraph
    assert check(carried, date(2016, 5, 1), placed, mention(carried)).suggested == date(2014, 3, 9)
    stated = "Verdier met Almada on Friday in Porto to prepare the accord."  # another meeting, elsewhere
    assert check(stated, date(2016, 5, 1), placed, mention(stated)).clues == 0


def test_a_place_inside_the_known_events_state_does_not_rule_it_out(facts: Facts) -> None:
    from dataclasses import replace

    in_portugal = _with_known_meeting(facts, "Portugal")
    quote = "Verdier met Almada on Friday in Porto to prepare the accord."
    # Read from Sunday 2016-05-01, the extractor placed the meeting in Porto, a city the facts do not place.
    met = DatedMention(
        quote, "on Friday", date(2016, 4, 29), date(2016, 4, 29), "day", "meeting", ("Verdier", "Almada"), "Porto"
    )
    assert check(quote, date(2016, 5, 1), in_portugal, met).suggested == date(2014, 3, 9)
    # Two states that differ still rule it out.
    in_france = replace(met, place="France", quote=quote.replace("Porto", "France"))
    assert check(in_france.quote, date(2016, 5, 1), in_portugal, in_france).clues == 0


def _tracker_event(day: date, place: str) -> KnownEvent:
    return KnownEvent(
        day, day, "meeting", "Verdier meets Almada", ("Paul Verdier", "Rui Almada"), place, published=True
    )


def _met_on_friday(quote: str) -> DatedMention:
    # Read from Sunday 2016-05-01: "on Friday" is 2016-04-29.
    return DatedMention(
        quote, "on Friday", date(2016, 4, 29), date(2016, 4, 29), "day", "meeting", ("Verdier", "Almada")
    )


def test_a_published_event_dates_a_mention_only_where_the_sentence_names_its_place(facts: Facts) -> None:
    from dataclasses import replace

    tracker = replace(facts, known_events=(_tracker_event(date(2014, 3, 7), "Porto"),))
    unplaced = "Verdier met Almada on Friday to prepare the accord."
    # The same two met again and again: without the place, the tracker's meeting need not be this one.
    assert check(unplaced, date(2016, 5, 1), tracker, _met_on_friday(unplaced)).clues == 0
    # A reference event of the files is matched without it.
    reference = replace(facts, known_events=(replace(_tracker_event(date(2014, 3, 7), "Porto"), published=False),))
    assert check(unplaced, date(2016, 5, 1), reference, _met_on_friday(unplaced)).suggested == date(2014, 3, 9)
    placed = "Verdier met Almada on Friday in Porto to prepare the accord."
    result = check(placed, date(2016, 5, 1), tracker, _met_on_friday(placed))
    assert result.verdict == "doubtful" and result.suggested == date(2014, 3, 9)


def test_a_mention_fitting_two_published_events_says_nothing(facts: Facts) -> None:
    from dataclasses import replace

    placed = "Verdier met Almada on Friday in Porto to prepare the accord."
    tracker = replace(
        facts,
        known_events=(_tracker_event(date(2014, 3, 7), "Porto"), _tracker_event(date(2015, 6, 5), "Porto")),
    )
    assert check(placed, date(2016, 5, 1), tracker, _met_on_friday(placed)).clues == 0


def test_a_state_or_its_seat_is_no_place_for_a_published_event(facts: Facts) -> None:
    from dataclasses import replace

    placed = "Verdier met Almada on Friday in Lisbon to prepare the accord."
    tracker = replace(facts, known_events=(_tracker_event(date(2014, 3, 7), "Lisbon"),))
    assert check(placed, date(2016, 5, 1), tracker, _met_on_friday(placed)).clues == 0


def test_clues_that_each_allow_years_are_intersected(facts: Facts) -> None:
    # Marchetti's term (2010-03 to 2012-06) and Almada's (2011 on) overlap in 2011-2012; 14 May is a
    # Monday in 2007, 2012 and 2018. Only the spring of 2012 fits all three.
    text = "French Foreign Minister Odile Marchetti will meet Prime Minister Rui Almada on Monday, May 14."
    result = check(text, date(2010, 6, 1), facts)
    assert result.verdict == "doubtful" and result.suggested_fits == 3
    assert result.suggested_from is not None and result.suggested_to is not None
    assert date(2011, 11, 1) <= result.suggested_from <= result.suggested_to <= date(2012, 6, 11)
    assert result.suggested == date(2012, 6, 1)
    assert check(text, date(2012, 5, 10), facts).verdict == "ok"


def test_under_a_rule_is_no_past_holder_but_under_a_person_is(facts: Facts) -> None:
    # "Under" with a thing as its object ("under the harbour statute,") says nothing about the holder's time.
    ruled = "Tolls stay legal under the harbour statute, and Foreign Minister Odile Marchetti told the assembly so."
    result = check(ruled, date(2016, 5, 2), facts)
    assert result.verdict == "doubtful" and result.clues == 1
    for past in (
        "Under Prime Minister Rui Almada, Foreign Minister Odile Marchetti made the point in Oslo.",
        "The levy grew under the Almada government, and Foreign Minister Odile Marchetti made the point.",
        "The levy grew under the old regime, and Foreign Minister Odile Marchetti made the point.",
    ):
        assert check(past, date(2016, 5, 2), facts).clues == 0


def test_the_suggestion_avoids_the_edge_of_the_run_when_a_year_more_lands_well_inside(facts: Facts) -> None:
    # Marchetti held office from 2010-03-01 to 2012-06-01. Stated 25 May 2009: one year on (2010-05-25) is
    # well inside the term; stated 20 February 2009: one year on is ten days before it began (inside only
    # by the grace a title keeps), two years on is well inside.
    text = "French Foreign Minister Odile Marchetti flew to Oslo for talks with her counterpart."
    assert check(text, date(2009, 5, 25), facts).suggested == date(2010, 5, 25)
    assert check(text, date(2009, 2, 20), facts).suggested == date(2011, 2, 20)
    # At the edge only when no whole-year move lands well inside.
    short = Facts(
        holders=facts.holders,
        offices=facts.offices,
        terms=(Term("fr-fm", "Odile Marchetti", date(2010, 3, 1), date(2010, 3, 20), "", "Marchetti"),),
    )
    assert check(text, date(2009, 3, 5), short).suggested == date(2010, 3, 5)
