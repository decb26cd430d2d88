"""The match score between a proposal and a stored event (see events.services.matching)."""

from __future__ import annotations

from datetime import date

import pytest

from events.services.matching import MATCH_THRESHOLD, Proposal, event_find_match, match_score
from tests.factories import ActorFactory, EventFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def proposal(**fields: object) -> Proposal:
    values: dict[str, object] = {
        "event_type": "military_action",
        "lower": date(2023, 2, 4),
        "upper": date(2023, 2, 4),
        "title": "US shoots down balloon",
        "place": None,
        "actor_ids": frozenset(),
    }
    values.update(fields)
    return Proposal(**values)  # type: ignore[arg-type]


def test_same_type_and_day_without_place_or_actors_is_just_enough() -> None:
    event = EventFactory(event_type="military_action", date_edtf="2023-02-04", title="Military action")

    match = match_score(proposal(title="Military action"), event, frozenset())

    assert match is not None and match.score == 0.8 and match.score >= MATCH_THRESHOLD


def test_a_day_inside_a_month_overlaps_fully() -> None:
    event = EventFactory(event_type="military_action", date_edtf="2023-02")

    match = match_score(proposal(), event, frozenset())

    assert match is not None and "dates overlap 100%" in match.reason


@pytest.mark.parametrize(
    ("event_type", "date_edtf"),
    [
        pytest.param("agreement", "2023-02-04", id="incompatible-type"),
        pytest.param("military_action", "2023-02-05", id="another-day"),
    ],
)
def test_it_never_matches_another_type_or_day(event_type: str, date_edtf: str) -> None:
    event = EventFactory(event_type=event_type, date_edtf=date_edtf)

    assert match_score(proposal(), event, frozenset()) is None


def test_a_compatible_type_scores_less() -> None:
    event = EventFactory(event_type="incident", date_edtf="2023-02-04")

    match = match_score(proposal(), event, frozenset())

    assert match is not None and "compatible types" in match.reason


def test_places_in_different_countries_never_match() -> None:
    vienna = PlaceFactory(name="Vienna", country_code="AT")
    geneva = PlaceFactory(name="Geneva", country_code="CH")
    event = EventFactory(event_type="meeting", date_edtf="2023-02-04", place=vienna)

    assert match_score(proposal(event_type="meeting", place=geneva), event, frozenset()) is None


def test_different_people_never_match_but_shared_people_do() -> None:
    blinken, wang, lavrov = ActorFactory(), ActorFactory(), ActorFactory()
    event = EventFactory(event_type="meeting", date_edtf="2023-02-04")
    event.actor_links.create(actor=blinken)
    event.actor_links.create(actor=wang)

    others = proposal(event_type="meeting", actor_ids=frozenset({lavrov.pk}), person_ids=frozenset({lavrov.pk}))
    same = proposal(event_type="meeting", actor_ids=frozenset({wang.pk}), person_ids=frozenset({wang.pk}))

    assert event_find_match(proposal=others) is None
    found = event_find_match(proposal=same)
    assert found is not None and found.event == event and "1 shared actor" in found.reason


def test_merged_events_are_not_candidates() -> None:
    target = EventFactory(event_type="military_action", date_edtf="2023-02-04")
    EventFactory(event_type="military_action", date_edtf="2023-02-04", merged_into=target)

    found = event_find_match(proposal=proposal())

    assert found is not None and found.event == target
