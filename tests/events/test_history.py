"""Change history records who changed what, on every write path: admin, services, bulk actions."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events import services
from tests.events.test_admin_permissions import change_form
from tests.factories import CitationFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db


def test_it_records_an_edit_made_through_the_admin_with_its_author() -> None:
    editor = make_user("edith", group="Editors")
    client = Client()
    client.force_login(editor)
    event = EventFactory(title="Before")
    client.post(reverse("admin:events_event_change", args=[event.pk]), change_form(event, title="After"))
    latest = event.history.latest()
    assert latest.title == "After"
    assert latest.history_user == editor
    assert latest.prev_record is not None and latest.prev_record.title == "Before"


def test_it_records_an_edit_made_through_a_service_with_its_author() -> None:
    editor = make_user("edith", group="Editors")
    event = EventFactory(date_edtf="2024-05")
    services.event_update(event=event, user=editor, date_edtf="2024-05-17")
    latest = event.history.latest()
    assert (latest.date_edtf, latest.history_user) == ("2024-05-17", editor)
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "date_edtf"] == [
        ("date_edtf", "2024-05", "2024-05-17")
    ]


def test_it_records_each_event_of_a_bulk_publish() -> None:
    editor = make_user("edith", group="Editors")
    events = [CitationFactory().event for _ in range(3)]
    client = Client()
    client.force_login(editor)
    client.post(
        reverse("admin:events_event_changelist"), {"action": "publish", "_selected_action": [e.pk for e in events]}
    )
    for event in events:
        latest = event.history.latest()
        assert (latest.review_state, latest.history_user) == ("published", editor)


def test_it_records_citations_moved_by_a_merge() -> None:
    a, b = CitationFactory().event, CitationFactory().event
    services.event_merge(target=a, others=[b])
    citation = a.citations.exclude(pk__in=a.citations.order_by("pk")[:1]).get()
    reasons = list(citation.history.values_list("history_change_reason", flat=True))
    assert any("moved by merge" in (r or "") for r in reasons)


def test_an_editor_edit_locks_the_field_against_re_extraction() -> None:
    event = EventFactory(date_edtf="2024-05")
    services.event_update(event=event, date_edtf="2024-05-17")
    services.event_update(event=event, by_editor=False, date_edtf="2024-06", title="Machine title")
    event.refresh_from_db()
    assert event.date_edtf == "2024-05-17"
    assert event.title == "Machine title"
