"""Stored places: every spelling the gazetteer knows as one place is one row, with its coordinates."""

from __future__ import annotations

import pytest

from events.extraction.gazetteer import resolve_place
from events.models import Place
from events.services.resolve import place_resolve
from tests.factories import EventFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def test_every_spelling_of_a_country_is_one_stored_place() -> None:
    rows = {place_resolve(resolve_place(name)).pk for name in ("U.S.", "the United States", "US")}
    assert len(rows) == 1
    place = Place.objects.get(pk=rows.pop())
    assert (place.name, place.country_code, place.geonames_id) == ("United States", "US", 6252001)
    assert place.latitude is not None and place.longitude is not None


def test_a_row_made_before_the_gazetteer_id_gets_it_and_is_found_by_it() -> None:
    old = PlaceFactory(name="Vienna", kind="city", country_code="AT", geonames_id=None)
    vienna = resolve_place("Vienna")
    assert place_resolve(vienna).pk == old.pk
    assert Place.objects.get(pk=old.pk).geonames_id == vienna.geonames_id


def test_a_place_the_gazetteer_does_not_know_is_kept_by_its_name() -> None:
    unknown = resolve_place("Zzyzx Ridge", "LOC")
    assert unknown.geonames_id is None
    assert place_resolve(unknown).pk == place_resolve(unknown).pk
    assert Place.objects.filter(name="Zzyzx Ridge").count() == 1


def test_rows_made_before_the_gazetteer_id_are_folded_into_one_place() -> None:
    from django.core.management import call_command

    from events.models import Topic

    written = PlaceFactory(name="U.S.", kind="country", country_code="US", latitude=None, longitude=None)
    spelled = PlaceFactory(name="United States", kind="country", country_code="US", latitude=None, longitude=None)
    unknown = PlaceFactory(name="Zzyzx Ridge", kind="region", country_code="", latitude=None, longitude=None)
    first, second = EventFactory(place=written), EventFactory(place=spelled)
    topic = Topic.objects.create(slug="us", name="US")
    topic.rule_places.add(written)

    call_command("places_unify")

    [kept] = Place.objects.filter(country_code="US", kind="country")
    assert (kept.name, kept.geonames_id, kept.latitude is not None) == ("United States", 6252001, True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.place_id == second.place_id == kept.pk
    assert list(topic.rule_places.all()) == [kept]
    assert Place.objects.filter(pk=unknown.pk, geonames_id__isnull=True).exists()
