"""Every entry is written from the data as it is when the page is asked for: no cache of entries outlives a change."""

from __future__ import annotations

import pytest

from events.models import Actor
from tests.pages.conftest import World

pytestmark = pytest.mark.django_db


def test_a_change_to_anything_an_entry_shows_reaches_the_next_request(client, world: World) -> None:  # type: ignore[no-untyped-def]
    url = f"/topics/{world.topic.slug}/"
    first = client.get(url).content.decode()
    assert "Foreign minister visits Vienna" in first and "Wang Yi" in first and "Trade talks (rescheduled)" in first

    world.visit.title = "Foreign minister visits Vienna again"
    world.visit.save()
    Actor.objects.filter(name="Wang Yi").update(name="The minister")
    world.successor.title = "Trade talks, at last"
    world.successor.save()
    world.article.source.name = "Another Wire"
    world.article.source.save()

    again = client.get(url).content.decode()
    assert "Foreign minister visits Vienna again" in again
    assert "The minister" in again and "Wang Yi" not in again
    assert "Trade talks, at last" in again and "Trade talks (rescheduled)" not in again
    assert "— Another Wire," in again and "— Pacific Wire," not in again
