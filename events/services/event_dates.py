"""Dates the machine proposes for events an editor has reviewed, and the editor's one-step acceptance.

A corrected publication date re-resolves every relative expression of the article. An event still
proposed takes the new date directly (``articles_store``); one an editor published keeps its date and
carries the new one as a proposal, with the reason, until an editor accepts it here.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from events.exceptions import DomainError
from events.models import Event
from events.services.events import event_update
from events.services.history import UserLike, attribute


def event_propose_date(*, event: Event, date_edtf: str, reason: str) -> bool:
    """Record ``date_edtf`` as the machine's proposed date of ``event``; False when there is nothing to propose.

    A date an editor locked stays: nothing is proposed for it.
    """
    if "date_edtf" in (event.locked_fields or []) or event.merged_into_id is not None:
        return False
    if event.date_edtf == date_edtf or event.proposed_date_edtf == date_edtf:
        return False
    event.proposed_date_edtf = date_edtf[:100]
    event.proposed_date_reason = reason[:300]
    attribute(event, None, f"date {date_edtf} proposed"[:100])
    event.save(update_fields=["proposed_date_edtf", "proposed_date_reason", "updated_at"])
    return True


@transaction.atomic
def events_accept_proposed_dates(*, events: Iterable[Event], user: UserLike = None) -> int:
    """An editor accepts the proposed dates of ``events`` (those that have one). Returns how many moved."""
    moved = 0
    for event in events:
        if not event.proposed_date_edtf:
            continue
        if "date_edtf" in (event.locked_fields or []):
            raise DomainError(f"event {event.pk}: its date is locked by an editor; unlock it to accept a proposal")
        proposed = event.proposed_date_edtf
        event.proposed_date_edtf, event.proposed_date_reason = "", ""
        # Accepted by an editor, but not locked: a later correction of the article may move it again.
        event_update(event=event, user=user, by_editor=False, date_edtf=proposed)
        moved += 1
    return moved
