"""Writes that keep statuses from going stale (see :mod:`events.outcomes` for what readers are shown).

- :func:`events_flag_outcome_due`, run daily by beat (``events.tasks.flag_outcomes_due``), marks every
  event whose date has passed while it is still scheduled (or ongoing, for a dated span) with the day
  it was found, which puts it in the editors' review queue.
- :func:`event_outcome_reported` applies an article's report that such an event happened (or was
  called off): the status moves forward, the mark is cleared. An editor's locked status is never
  overwritten, and a status never moves back (a late "will meet" does not undo "met").
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from events.domain.vocabulary import EventStatus, Precision, ReviewState
from events.models import Article, Event
from events.services.history import attribute

# The same rule as events.outcomes.outcome_pending, as a query.
_ONGOING_DATED = [Precision.DAY.value, Precision.WEEK.value, Precision.MONTH.value]
OUTCOME_STATUSES = frozenset({EventStatus.OCCURRED, EventStatus.CANCELLED, EventStatus.POSTPONED})
_FORWARD: dict[str, set[str]] = {
    EventStatus.SCHEDULED: {EventStatus.OCCURRED, EventStatus.CANCELLED, EventStatus.POSTPONED},
    EventStatus.ONGOING: {EventStatus.OCCURRED},
}


def _overdue(today: date) -> Q:
    return Q(date_upper__lt=today) & (
        Q(status=EventStatus.SCHEDULED) | Q(status=EventStatus.ONGOING, precision__in=_ONGOING_DATED)
    )


@transaction.atomic
def events_flag_outcome_due(*, today: date) -> int:
    """Mark events whose date passed with no outcome reported; return how many were newly marked.

    Idempotent: an event already marked keeps the day it was first found; one whose status has since
    moved on (an editor set it, an article reported it) is unmarked.
    """
    live = Event.objects.filter(merged_into__isnull=True).exclude(review_state=ReviewState.REJECTED)
    flagged = live.filter(_overdue(today), outcome_due_since__isnull=True).update(outcome_due_since=today)
    Event.objects.filter(outcome_due_since__isnull=False).exclude(_overdue(today)).update(outcome_due_since=None)
    return flagged


def outcome_would_change(*, event: Event, status: str) -> bool:
    """Whether a report that ``event`` has ``status`` would move it on (see :func:`event_outcome_reported`)."""
    if status not in _FORWARD.get(event.status, set()) or "status" in (event.locked_fields or []):
        return False
    if event.merged_into_id is not None or event.review_state == ReviewState.REJECTED:
        return False
    # "has happened" about a date still ahead is a misreading, not an outcome.
    return not (status == EventStatus.OCCURRED and event.date_lower > timezone.localdate())


def event_outcome_reported(*, event: Event, status: str, article: Article | None = None) -> bool:
    """An article says how a planned (or ongoing) event went: move its status on; True if it changed.

    Unlike other machine refinements this applies to published events too: the editor published the
    plan, and the outcome is news about it, not a second opinion on their decision. A status the
    editor set by hand (locked) stays.
    """
    if not outcome_would_change(event=event, status=status):
        return False
    previous = event.status
    event.status = status
    event.outcome_due_since = None
    source = f" (article {article.pk})" if article is not None else ""
    attribute(event, None, f"outcome reported: {previous} -> {status}{source}"[:100])
    event.save(update_fields=["status", "outcome_due_since", "updated_at"])
    return True
