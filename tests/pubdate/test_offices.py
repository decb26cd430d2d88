"""Office-aware actors: an office named without a name is its holder on the event's date."""

from __future__ import annotations

from datetime import date

import pytest

from events.pubdate import Facts
from events.pubdate.facts import Holder, Office, Term
from events.pubdate.offices import office_holders_in


@pytest.fixture
def facts() -> Facts:
    return Facts(
        holders=(
            Holder("FR", "France", "state", "FR", "Q142", ("France", "French")),
            Holder("XA", "Arcadia", "state", "", "", ("Arcadia", "Arcadian")),
        ),
        offices=(
            Office("fr-fm", "Minister of Foreign Affairs of France", "FR", "foreign_minister", ("Foreign Minister",)),
            Office("xa-fm", "Foreign Minister of Arcadia", "XA", "foreign_minister", ("Foreign Minister",)),
            Office("xa-envoy", "Grand Envoy of Arcadia", "XA", "foreign_minister", ("Grand Envoy",)),
        ),
        terms=(
            Term("fr-fm", "Odile Marchetti", date(2010, 3, 1), date(2012, 6, 1)),
            Term("fr-fm", "Paul Verdier", date(2012, 6, 1), None),
            Term("xa-fm", "Ida Lorn", date(2005, 1, 1), None),
            Term("xa-envoy", "Tomas Vey", date(2011, 1, 1), None),
        ),
    )


def test_a_states_minister_is_the_holder_on_the_day(facts: Facts) -> None:
    sentence = "The envoy met France's foreign minister in Oslo."
    (early,) = office_holders_in(sentence, date(2011, 4, 1), date(2011, 4, 1), facts)
    (late,) = office_holders_in(sentence, date(2014, 4, 1), date(2014, 4, 1), facts)
    assert (early.person, late.person) == ("Odile Marchetti", "Paul Verdier")
    assert early.office == "Minister of Foreign Affairs of France"
    assert sentence[early.start : early.end] == "France's foreign minister"


def test_an_office_that_changed_hands_in_the_period_names_no_one(facts: Facts) -> None:
    assert office_holders_in("The French foreign minister said so.", date(2012, 5, 1), date(2012, 6, 30), facts) == []


def test_the_title_alone_names_someone_only_when_one_office_has_it(facts: Facts) -> None:
    assert office_holders_in("the foreign minister said so", date(2011, 4, 1), date(2011, 4, 1), facts) == []
    (envoy,) = office_holders_in("talks with the grand envoy ended", date(2011, 4, 1), date(2011, 4, 1), facts)
    assert envoy.person == "Tomas Vey"


def test_a_title_before_a_name_is_left_to_the_name(facts: Facts) -> None:
    assert (
        office_holders_in("French Foreign Minister Paul Verdier spoke.", date(2014, 4, 1), date(2014, 4, 1), facts)
        == []
    )
