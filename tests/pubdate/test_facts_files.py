"""The fact files in events/facts/ agree with themselves: terms of one office never overlap, dates run
forwards, every reference names a row that exists, Wikidata IDs are well formed and not shared."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import date, timedelta

import pytest

from events.pubdate.facts import Facts, load_facts

TODAY = date(2026, 12, 4)


@pytest.fixture(scope="module")
def facts() -> Facts:
    return load_facts()


def test_it_has_the_offices_the_issue_names(facts: Facts) -> None:
    g20 = {
        "US",
        "CN",
        "RU",
        "GB",
        "FR",
        "DE",
        "JP",
        "IN",
        "BR",
        "CA",
        "AU",
        "IT",
        "KR",
        "MX",
        "ID",
        "SA",
        "TR",
        "AR",
        "ZA",
    }
    holders_with_heads = {
        o.holder for o in facts.offices if o.kind.startswith("head_of") or o.kind == "head_of_state_and_government"
    }
    assert g20 <= holders_with_heads
    assert {"un-secretary-general", "nato-secretary-general", "eu-commission-president"} <= {
        o.key for o in facts.offices
    }


def test_it_never_has_two_holders_of_one_office_at_once(facts: Facts) -> None:
    by_office = defaultdict(list)
    for term in facts.terms:
        by_office[term.office].append(term)
    for office, terms in by_office.items():
        terms.sort(key=lambda t: t.start)
        for earlier, later in itertools.pairwise(terms):
            assert earlier.end is not None, f"{office}: {earlier.person} has no end but {later.person} follows"
            # The handover day may be both the last of one and the first of the next.
            assert earlier.end <= later.start, f"{office}: {earlier.person} and {later.person} overlap"


def test_its_dates_run_forwards_and_not_past_today(facts: Facts) -> None:
    for term in facts.terms:
        assert term.end is None or term.start < term.end, term
        assert term.start <= TODAY, term
    for gathering in facts.gatherings:
        assert gathering.start <= gathering.end, gathering
        whole_month = gathering.start.day == 1 and (gathering.end + timedelta(days=1)).day == 1
        # A summit lasts days; one only announced for a month spans that month.
        assert (gathering.end - gathering.start).days <= 14 or whole_month, gathering
    for event in facts.known_events:
        assert event.start <= event.end <= TODAY, event


def test_each_series_meets_once_a_season_at_most(facts: Facts) -> None:
    by_series = defaultdict(list)
    for gathering in facts.gatherings:
        by_series[gathering.series].append(gathering)
    for series, gatherings in by_series.items():
        gatherings.sort(key=lambda g: g.start)
        for earlier, later in itertools.pairwise(gatherings):
            assert (later.start - earlier.end).days > 90, f"{series}: {earlier} and {later}"
    assert set(by_series) == {s.key for s in facts.series}


def test_every_reference_names_an_existing_row(facts: Facts) -> None:
    offices = {o.key for o in facts.offices}
    holders = {h.key for h in facts.holders}
    assert all(term.office in offices for term in facts.terms)
    assert all(office.holder in holders for office in facts.offices)
    assert all(o.titles for o in facts.offices)


def test_its_wikidata_ids_are_well_formed_and_each_names_one_thing(facts: Facts) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for holder in facts.holders:
        assert re.fullmatch(r"Q[1-9]\d*", holder.wikidata_id), holder
        owners[holder.wikidata_id].add(holder.name)
    for term in facts.terms:
        if term.person_wikidata_id:
            assert re.fullmatch(r"Q[1-9]\d*", term.person_wikidata_id), term
            owners[term.person_wikidata_id].add(term.person)
    shared = {qid: names for qid, names in owners.items() if len(names) > 1}
    assert not shared


def test_each_person_has_one_spelling_across_offices(facts: Facts) -> None:
    from events.pubdate.facts import name_key

    spellings = defaultdict(set)
    for term in facts.terms:
        spellings[name_key(term.person)].add(term.person)
    assert all(len(names) == 1 for names in spellings.values())


def test_its_states_carry_iso_codes(facts: Facts) -> None:
    import pycountry

    for holder in facts.holders:
        if holder.kind == "state":
            assert pycountry.countries.get(alpha_2=holder.country_code) is not None, holder


def test_the_numbers_of_a_series_count_up_with_its_dates(facts: Facts) -> None:
    by_series: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for gathering in facts.gatherings:
        if gathering.number is not None:
            by_series[gathering.series].append((gathering.start, gathering.number))
    assert {"G20", "G7", "BRICS", "COP"} <= set(by_series)
    for series, numbered in by_series.items():
        numbers = [number for _, number in sorted(numbered)]
        assert numbers == sorted(set(numbers)), series  # rising, never repeated (a skipped year may skip one)


def test_a_pope_named_with_the_title_dates_the_article(facts: Facts) -> None:
    from events.pubdate import check_publication_date

    text = "Pope Francis blessed the new bridge at Port Ostra before a small crowd."
    early = check_publication_date(text=text, stated=date(2010, 5, 2), mentions=(), facts=facts, today=TODAY)
    assert early.verdict == "doubtful" and early.suggested is not None and early.suggested.year >= 2013
    inside = check_publication_date(text=text, stated=date(2016, 5, 2), mentions=(), facts=facts, today=TODAY)
    assert inside.verdict == "ok"


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        pytest.param(
            "Defense Secretary Lloyd Austin toured the shipyard at Port Ostra.", date(2022, 5, 2), date(2018, 5, 2)
        ),
        pytest.param(
            "Russian Defence Minister Sergei Shoigu inspected a depot near Zembla.", date(2016, 5, 2), date(2010, 5, 2)
        ),
        pytest.param(
            "Chinese Defense Minister Wei Fenghe received the Ostlandic delegation.", date(2020, 5, 2), date(2015, 5, 2)
        ),
    ],
)
def test_a_defence_minister_named_with_the_title_dates_the_article(
    text: str, inside: date, outside: date, facts: Facts
) -> None:
    from events.pubdate import check_publication_date

    assert check_publication_date(text=text, stated=inside, mentions=(), facts=facts, today=TODAY).verdict == "ok"
    result = check_publication_date(text=text, stated=outside, mentions=(), facts=facts, today=TODAY)
    assert result.verdict == "doubtful"


def test_every_office_kind_in_the_file_is_one_the_model_and_admin_accept(facts: Facts) -> None:
    # An office of a kind the model does not list could not be saved again from the admin.
    from events.models import OfficeKind

    kinds = {office.kind for office in facts.offices}
    assert kinds <= set(OfficeKind.values), kinds - set(OfficeKind.values)
