"""Statuses that do not go stale (issue 17, item 2): a planned event whose date passed is shown as
"date passed, outcome not yet reported", leaves "Ahead", waits in the editors' queue, and moves to
occurred when an article reports that it happened."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.domain.vocabulary import ActorKind, ActorRole, EventStatus, EventType, PlaceKind
from events.extraction.types import Actor as XActor
from events.extraction.types import Location
from events.models import Event
from events.outcomes import OUTCOME_PENDING, status_shown
from events.services import event_publish, event_update
from events.services.outcomes import events_flag_outcome_due
from tests.factories import TopicFactory
from tests.ingestion.test_store_extraction import proposal, store
from tests.pages.conftest import cite, make_article, published

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("status", "upper", "precision", "shown"),
    [
        pytest.param("scheduled", date(2026, 11, 28), "day", OUTCOME_PENDING, id="election-passed"),
        pytest.param("scheduled", date(2026, 12, 4), "day", "scheduled", id="today-still-scheduled"),
        pytest.param("ongoing", date(2026, 11, 3), "day", OUTCOME_PENDING, id="drills-over"),
        pytest.param("ongoing", date(2012, 12, 31), "year", "ongoing", id="since-2012-goes-on"),
        pytest.param("occurred", date(2026, 11, 28), "day", "occurred", id="occurred-stays"),
    ],
)
def test_it_shows_a_passed_date_without_an_outcome_as_pending(status, upper, precision, shown) -> None:
    assert status_shown(status=status, date_upper=upper, precision=precision, today=DAY) == shown


def _passed_election() -> Event:
    topic = TopicFactory(slug="t", name="Topic")
    passed = (timezone.localdate() - timedelta(days=6)).isoformat()
    event = published(topic, title="Presidential election", event_type="election", status="scheduled", date_edtf=passed)
    article = make_article("The presidential election will be held on the date set.", url="https://n.example/e")
    cite(event, article, "The presidential election will be held on the date set.")
    return event


def test_the_topic_and_home_pages_do_not_show_a_passed_plan_as_scheduled(client: Client) -> None:
    event = _passed_election()
    topic_html = client.get(reverse("timeline:topic", args=["t"])).content.decode()
    assert 'id="ahead"' not in topic_html
    item = topic_html.split(f'id="e{event.pk}"', 1)[1].split("</li>", 1)[0]
    assert "Date passed, outcome not yet reported" in item and ">Scheduled<" not in item
    event_html = client.get(reverse("timeline:event", args=[event.pk])).content.decode()
    assert "Date passed, outcome not yet reported" in event_html
    home = client.get(reverse("timeline:home")).content.decode()
    assert "Presidential election" not in home.split('id="upcoming-h"', 1)[1].split("</section>", 1)[0]


def test_the_daily_check_puts_it_in_the_editors_queue_once() -> None:
    event = _passed_election()
    today = timezone.localdate()

    assert events_flag_outcome_due(today=today) == 1
    assert events_flag_outcome_due(today=today) == 0  # idempotent
    event.refresh_from_db()
    assert event.outcome_due_since == today
    from events.selectors import events_review_queue

    assert event in list(events_review_queue())


def test_an_editor_setting_the_status_takes_it_out_of_the_queue() -> None:
    event = _passed_election()
    events_flag_outcome_due(today=timezone.localdate())
    event_update(event=Event.objects.get(pk=event.pk), status="occurred")

    from events.selectors import events_review_queue

    assert event.pk not in [e.pk for e in events_review_queue()]


def test_the_beat_schedule_runs_the_check_daily() -> None:
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="events.tasks.flag_outcomes_due")
    assert (task.interval.every, task.interval.period) == (1, "days")


def test_an_article_reporting_it_happened_moves_a_published_plan_to_occurred() -> None:
    blinken = (XActor("Antony Blinken", ActorKind.PERSON, ActorRole.INITIATOR),)
    beijing = Location("Beijing", PlaceKind.CITY, "CN", 39.9, 116.4)
    plan_text = "The envoy will visit the capital next week."
    store(
        plan_text,
        proposal(
            plan_text,
            type=EventType.VISIT,
            status=EventStatus.SCHEDULED,
            edtf="2023-06-12/2023-06-18",
            week=True,
            title="Blinken visits Beijing",
            place=beijing,
            actors=blinken,
        ),
    )
    event_publish(events=[Event.objects.get()])
    events_flag_outcome_due(today=timezone.localdate())
    held = "The envoy arrived in the capital on Sunday."
    store(held, proposal(held, type=EventType.VISIT, edtf="2023-06-18", place=beijing, actors=blinken))

    event = Event.objects.get()
    assert (event.status, event.review_state, event.outcome_due_since) == ("occurred", "published", None)
    assert event.history.first().history_change_reason.startswith("outcome reported: scheduled -> occurred")


def test_an_editors_locked_status_is_not_moved_by_an_article() -> None:
    beijing = Location("Beijing", PlaceKind.CITY, "CN", 39.9, 116.4)
    plan_text = "The envoy will visit the capital next week."
    store(
        plan_text,
        proposal(plan_text, type=EventType.VISIT, status=EventStatus.SCHEDULED, edtf="2023-06-18", place=beijing),
    )
    event = Event.objects.get()
    event_update(event=event, status="postponed")
    held = "The envoy arrived in the capital on Sunday."
    store(held, proposal(held, type=EventType.VISIT, edtf="2023-06-18", place=beijing))

    assert Event.objects.get().status == "postponed"


def test_only_the_statuses_pages_ask_about_may_be_shown_as_pending() -> None:
    """Pages call status_shown only for MAY_BECOME_PENDING and show every other status as stored."""
    from events.domain.vocabulary import Precision
    from events.outcomes import MAY_BECOME_PENDING

    long_ago = date(1990, 1, 1)
    for status in EventStatus:
        shown = {
            status_shown(status=status.value, date_upper=long_ago, precision=precision.value, today=DAY)
            for precision in Precision
        }
        assert (OUTCOME_PENDING in shown) == (status.value in MAY_BECOME_PENDING), status
