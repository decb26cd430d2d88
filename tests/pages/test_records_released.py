"""A timeline page lets go of its records once it is written: none is left for the cyclic garbage
collector to find (a rendered template's context stays in a reference cycle until it runs), nor kept
by any cache of entries for a later request to walk."""

from __future__ import annotations

import gc

import pytest

from events.presentation.record import EventRecord, collector_paused
from tests.pages.conftest import World

pytestmark = pytest.mark.django_db


def _records_alive() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is EventRecord)


@pytest.mark.parametrize("path", ["/topics/us-china/", "/topics/us-china/?year=all", "/topics/us-china/embed/"])
def test_a_timeline_page_leaves_no_record_for_the_collector(client, world: World, path: str) -> None:  # type: ignore[no-untyped-def]
    gc.collect()
    assert _records_alive() == 0
    gc.disable()  # as a busy server between two collections: only reference counting frees anything
    try:
        response = client.get(path)
        assert response.status_code == 200
        assert "Foreign minister visits Vienna" in response.content.decode()
        left = _records_alive()
    finally:
        gc.enable()
    assert left == 0


def test_the_collector_pause_ends_with_the_view_even_when_it_fails() -> None:
    @collector_paused()
    def failing_view() -> None:
        assert not gc.isenabled()
        raise RuntimeError("boom")

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        failing_view()
    assert gc.isenabled()
