"""Statuses that do not go stale: a planned or ongoing event whose date has passed with no report of
how it went is shown as "date passed, outcome not yet reported", not as still scheduled.

The status stored is what the sources said; what a reader is shown also depends on the day. This is
worked out at display time from the stored status, the date's upper bound and the day, so a page is
never staler than the clock. The editors' side (the daily flag that puts such events in the review
queue, and an article that reports the outcome) is :mod:`events.services.outcomes`.
"""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, Precision

OUTCOME_PENDING = "outcome-pending"
OUTCOME_PENDING_LABEL = "Date passed, outcome not yet reported"

# An ongoing event dated to a day, a week or a month ("drills on 2-3 Nov") is over when that span is;
# one dated only to a year or coarser ("tensions since 2012") is a state of affairs that goes on.
_ONGOING_ENDS_WITH_ITS_DATE = frozenset({Precision.DAY.value, Precision.WEEK.value, Precision.MONTH.value})


# The only statuses :func:`status_shown` may turn into OUTCOME_PENDING: a page shows any other as stored
# without asking (it writes a thousand entries).
MAY_BECOME_PENDING = frozenset({EventStatus.SCHEDULED.value, EventStatus.ONGOING.value})


def outcome_pending(*, status: str, date_upper: date, precision: str, today: date) -> bool:
    """Whether the event's date has passed while its status still says it is planned or going on."""
    if date_upper >= today:
        return False
    if status == EventStatus.SCHEDULED:
        return True
    return status == EventStatus.ONGOING and precision in _ONGOING_ENDS_WITH_ITS_DATE


def status_shown(*, status: str, date_upper: date, precision: str, today: date) -> str:
    """The status a reader is shown: the stored one, or :data:`OUTCOME_PENDING`."""
    pending = outcome_pending(status=status, date_upper=date_upper, precision=precision, today=today)
    return OUTCOME_PENDING if pending else status
