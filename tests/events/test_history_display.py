"""The admin's history says "—" for nothing and names locked fields (issue 17, item 3)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Event
from events.services import event_publish, event_update
from tests.factories import CitationFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_user():  # type: ignore[no-untyped-def]
    return make_user("root", superuser=True)


def test_a_first_publish_shows_a_dash_not_a_deleted_user(editor_user) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(title="Talks in Oslo")
    CitationFactory(event=event)
    event_publish(events=[event], user=editor_user)
    client = Client()
    client.force_login(editor_user)

    html = client.get(reverse("admin:events_event_history", args=[event.pk])).content.decode()

    assert "pk=None" not in html and "Deleted user" not in html
    assert "—" in html


def test_locked_fields_are_shown_as_names(editor_user) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(title="Talks in Oslo")
    event_update(event=event, user=editor_user, status="postponed", date_edtf="2024-05")
    client = Client()
    client.force_login(editor_user)

    change = client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    history = client.get(reverse("admin:events_event_history", args=[event.pk])).content.decode()

    assert "date (EDTF), status" in change
    assert "[&#x27;" not in change and '["' not in change.split("locked", 1)[1][:400]
    assert "date (EDTF), status" in history
    assert Event.objects.get(pk=event.pk).locked_fields == ["date_edtf", "status"]
