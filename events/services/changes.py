"""Announcing writes that change what events show but send no model signal.

``QuerySet.update()`` and ``bulk_create()`` skip ``post_save``, so the researchers' change feed
(:mod:`api.changelog`) cannot see them on its own. A service that writes that way calls
:func:`events_changed_announce` with the events whose representation it changed, in the same
transaction as the write; the API app listens to :data:`events_changed` and logs one change per event.
The events app thus says *what* changed without knowing that a feed exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

# Sent with ``event_ids`` (an iterable of ints). Receivers must not assume a list: it may be a lazy query.
events_changed = Signal()


def events_changed_announce(*, event_ids: Iterable[int]) -> None:
    """Tell whoever keeps a record of changes that these events now show something else."""
    events_changed.send(sender=None, event_ids=event_ids)
