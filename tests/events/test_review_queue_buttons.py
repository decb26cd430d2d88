"""The review queue an editor can work through (issue 17, item 3): publish / reject / merge on the queue
itself, in the order that matters."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Event, TopicMembership
from tests.factories import ArticleFactory, CitationFactory, EventFactory, TopicFactory, make_user

pytestmark = pytest.mark.django_db
QUEUE = "admin:events_event_review_queue"


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(make_user("root", superuser=True))
    return client


def _proposed(title: str, *, articles: int = 1, topic=None, age_days: int = 0) -> Event:  # type: ignore[no-untyped-def]
    event = EventFactory(title=title, confidence=0.85)
    for _ in range(articles):
        CitationFactory(event=event, article=ArticleFactory())
    if topic is not None:
        TopicMembership.objects.create(topic=topic, event=event)
    Event.objects.filter(pk=event.pk).update(created_at=timezone.now() - timedelta(days=age_days))
    return event


def _order(client: Client, *titles: str) -> list[str]:
    page = client.get(reverse(QUEUE)).content.decode()
    return sorted(titles, key=page.index)


def test_it_puts_published_topics_then_most_sources_then_oldest_first(editor: Client) -> None:
    public, hidden = TopicFactory(is_published=True), TopicFactory(is_published=False)
    _proposed("Alpha unpublished-topic five sources", articles=5, topic=hidden)
    _proposed("Bravo public one source new", topic=public)
    _proposed("Charlie public one source old", topic=public, age_days=9)
    _proposed("Delta public three sources", articles=3, topic=public)

    assert _order(
        editor,
        "Alpha unpublished-topic five sources",
        "Bravo public one source new",
        "Charlie public one source old",
        "Delta public three sources",
    ) == [
        "Delta public three sources",
        "Charlie public one source old",
        "Bravo public one source new",
        "Alpha unpublished-topic five sources",
    ]


def test_a_row_button_publishes_its_event_and_returns_to_the_queue(editor: Client) -> None:
    event = _proposed("Talks in Oslo")

    response = editor.post(reverse(QUEUE), {"publish": str(event.pk)})

    assert response.status_code == 302 and response["Location"] == reverse(QUEUE)
    event.refresh_from_db()
    assert event.review_state == "published" and event.reviewed_by is not None
    assert "Talks in Oslo" not in editor.get(reverse(QUEUE)).content.decode()


def test_a_row_button_rejects_its_event(editor: Client) -> None:
    event = _proposed("Talks in Bern")

    editor.post(reverse(QUEUE), {"reject": str(event.pk)})

    event.refresh_from_db()
    assert event.review_state == "rejected"


def test_ticked_rows_can_be_merged_from_the_queue(editor: Client) -> None:
    first, second = _proposed("Summit day one"), _proposed("Summit day two")

    confirm = editor.post(reverse(QUEUE), {"action": "merge_selected", "_selected_action": [first.pk, second.pk]})
    assert confirm.status_code == 200 and 'name="target"' in confirm.content.decode()
    editor.post(
        reverse(QUEUE),
        {"action": "merge_selected", "_selected_action": [first.pk, second.pk], "target": str(first.pk)},
    )

    second.refresh_from_db()
    assert second.merged_into_id == first.pk


def test_a_contributor_without_publish_rights_cannot_publish_from_the_queue() -> None:
    from django.contrib.auth.models import Permission

    user = make_user("contrib")
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_event", "change_event"]))
    client = Client()
    client.force_login(user)
    event = _proposed("Talks in Rome")

    assert client.post(reverse(QUEUE), {"publish": str(event.pk)}).status_code == 403
    event.refresh_from_db()
    assert event.review_state == "proposed"


def test_an_outcome_button_settles_a_passed_event(editor: Client) -> None:
    from events.services.outcomes import events_flag_outcome_due

    passed = (timezone.localdate() - timedelta(days=3)).isoformat()
    event = EventFactory(title="Election", status="scheduled", date_edtf=passed, review_state="published")
    CitationFactory(event=event)
    events_flag_outcome_due(today=timezone.localdate())
    assert "Date passed, outcome not yet reported" in editor.get(reverse(QUEUE)).content.decode()

    editor.post(reverse(QUEUE), {"outcome": f"{event.pk}:occurred"})

    event.refresh_from_db()
    assert (event.status, event.outcome_due_since) == ("occurred", None)
    assert "status" in event.locked_fields
