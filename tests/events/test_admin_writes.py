"""The admin writes through the services: the change form cannot skip what the services enforce."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Event
from tests.events.test_admin_permissions import change_form
from tests.factories import EventFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(make_user("edna", group="Editors"))
    return client


def test_it_does_not_publish_an_uncited_event_through_the_change_form(editor: Client) -> None:
    event = EventFactory(review_state="proposed")
    assert not event.citations.exists()

    editor.post(reverse("admin:events_event_change", args=[event.pk]), change_form(event, review_state="published"))

    event.refresh_from_db()
    assert event.review_state == "proposed" and event.reviewed_by is None


def test_it_locks_the_fields_an_editor_changes_and_records_who(editor: Client) -> None:
    event = EventFactory(review_state="proposed", title="Talks")

    response = editor.post(
        reverse("admin:events_event_change", args=[event.pk]), change_form(event, title="Talks in Oslo")
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Talks in Oslo" and event.locked_fields == ["title"]
    assert event.history.latest().history_user.username == "edna"


def test_it_creates_a_new_event_as_a_proposal(editor: Client) -> None:
    data = change_form(EventFactory.build(title="Summit in Lima", review_state="published"))
    editor.post(reverse("admin:events_event_add"), data)

    created = Event.objects.get(title="Summit in Lima")
    assert created.review_state == "proposed"
