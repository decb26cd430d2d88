"""Country codes are stored upper-case, so the API's exact-match country filters find every row."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from events.models import Actor, Event, Place
from tests.factories import ActorFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def test_saving_normalises_the_code() -> None:
    place = PlaceFactory(country_code=" at ")
    actor = ActorFactory(country_code="cn")
    place.refresh_from_db()
    actor.refresh_from_db()
    assert (place.country_code, actor.country_code) == ("AT", "CN")


def test_model_validation_normalises_what_an_editor_typed() -> None:
    place = Place(name="Vienna", kind="city", country_code="at")
    place.full_clean()
    assert place.country_code == "AT"


@pytest.mark.parametrize("model", [Place, Actor])
def test_database_refuses_a_lower_case_code_written_around_the_model(model: type[Place] | type[Actor]) -> None:
    row = PlaceFactory() if model is Place else ActorFactory(country_code="US")
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(country_code="us")


@pytest.mark.django_db(transaction=True)
def test_migration_upper_cases_codes_and_folds_a_place_into_its_twin() -> None:
    """Rows an older version could have written (lower case, junk) are mended by migration 0005."""
    executor = MigrationExecutor(connection)
    before, after = [("events", "0004_ingestion_matching")], [("events", "0005_country_codes_and_date_indexes")]
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        OldPlace, OldActor, OldEvent = (old.get_model("events", n) for n in ("Place", "Actor", "Event"))
        vienna = OldPlace.objects.create(name="Vienna", kind="city", country_code="AT")
        lower_vienna = OldPlace.objects.create(name="Vienna", kind="city", country_code="at")
        graz = OldPlace.objects.create(name="Graz", kind="city", country_code="at")
        junk = OldPlace.objects.create(name="Nowhere", kind="city", country_code="1x")
        actor = OldActor.objects.create(name="Someone", kind="person", country_code="cn")
        event = OldEvent.objects.create(
            title="Talks",
            event_type="meeting",
            status="occurred",
            date_edtf="2023-05",
            date_lower="2023-05-01",
            date_upper="2023-05-31",
            precision="month",
            place_id=lower_vienna.pk,
        )
    finally:
        # Forward to the latest migration, not just 0005: the assertions read through today's models,
        # whose later columns a database left at 0005 lacks.
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert Place.objects.get(pk=graz.pk).country_code == "AT"
    assert Place.objects.get(pk=junk.pk).country_code == ""
    assert Actor.objects.get(pk=actor.pk).country_code == "CN"
    assert not Place.objects.filter(pk=lower_vienna.pk).exists()
    assert Event.objects.get(pk=event.pk).place_id == vienna.pk
