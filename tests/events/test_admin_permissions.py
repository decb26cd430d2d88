"""The permission matrix of the two editorial groups, proven through the admin itself."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Event
from tests.factories import CitationFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:events_event_changelist")


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(make_user("edith", group="Editors"))
    return client


@pytest.fixture
def contributor() -> Client:
    client = Client()
    client.force_login(make_user("conrad", group="Contributors"))
    return client


def run_action(client: Client, action: str, events: list[Event], **extra: str) -> None:
    client.post(CHANGELIST, {"action": action, "_selected_action": [e.pk for e in events], **extra})


def change_form(event: Event, **overrides: str) -> dict[str, str]:
    data = {
        "title": event.title,
        "summary": event.summary,
        "event_type": event.event_type,
        "status": event.status,
        "review_state": event.review_state,
        "confidence": str(event.confidence),
        "date_edtf": event.date_edtf,
        "place": "",
    }
    for prefix in ["citations", "actor_links", "topic_memberships", "relations_out"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["editor", "contributor"])
def test_both_groups_see_the_event_list_and_the_article_form(who: str, request: pytest.FixtureRequest) -> None:
    client: Client = request.getfixturevalue(who)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(reverse("admin:events_article_add")).status_code == 200


@pytest.mark.parametrize("who", ["editor", "contributor"])
def test_both_groups_may_edit_a_proposed_event(who: str, request: pytest.FixtureRequest) -> None:
    client: Client = request.getfixturevalue(who)
    event = EventFactory(review_state="proposed")
    response = client.post(reverse("admin:events_event_change", args=[event.pk]), change_form(event, title="Renamed"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Renamed"


def test_an_editor_may_edit_a_published_event(editor: Client) -> None:
    event = CitationFactory(event__review_state="published").event
    response = editor.post(reverse("admin:events_event_change", args=[event.pk]), change_form(event, title="Fixed"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Fixed"


def test_a_contributor_may_not_edit_a_published_event(contributor: Client) -> None:
    event = CitationFactory(event__review_state="published").event
    response = contributor.post(reverse("admin:events_event_change", args=[event.pk]), change_form(event, title="X"))
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title != "X"


def test_a_contributor_may_not_publish_through_the_change_form(contributor: Client) -> None:
    event = EventFactory(review_state="proposed")
    contributor.post(
        reverse("admin:events_event_change", args=[event.pk]), change_form(event, review_state="published")
    )
    event.refresh_from_db()
    assert event.review_state == "proposed"


@pytest.mark.parametrize(("action", "state"), [("publish", "published"), ("reject", "rejected")])
def test_an_editor_may_review(editor: Client, action: str, state: str) -> None:
    event = CitationFactory().event
    run_action(editor, action, [event])
    event.refresh_from_db()
    assert event.review_state == state


@pytest.mark.parametrize("action", ["publish", "reject"])
def test_a_contributor_may_not_review(contributor: Client, action: str) -> None:
    event = CitationFactory().event
    run_action(contributor, action, [event])
    event.refresh_from_db()
    assert event.review_state == "proposed"


def test_publishing_an_event_without_a_source_is_refused(editor: Client) -> None:
    event = EventFactory()
    run_action(editor, "publish", [event])
    event.refresh_from_db()
    assert event.review_state == "proposed"


def test_an_editor_may_merge_and_undo(editor: Client) -> None:
    a, b = CitationFactory().event, CitationFactory().event
    run_action(editor, "merge_selected", [a, b], target=str(a.pk))
    b.refresh_from_db()
    assert b.merged_into_id == a.pk
    run_action(editor, "undo_merge", [b])
    b.refresh_from_db()
    assert b.merged_into_id is None


def test_a_contributor_may_not_merge(contributor: Client) -> None:
    a, b = EventFactory(), EventFactory()
    run_action(contributor, "merge_selected", [a, b], target=str(a.pk))
    b.refresh_from_db()
    assert b.merged_into_id is None


def test_an_editor_may_delete_an_event(editor: Client) -> None:
    event = EventFactory()
    response = editor.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize("model", ["event", "article"])
def test_a_contributor_may_not_delete(contributor: Client, model: str) -> None:
    obj = EventFactory() if model == "event" else CitationFactory().article
    response = contributor.post(reverse(f"admin:events_{model}_delete", args=[obj.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()
