"""The change log that lets a researcher's mirror stay exactly equal to the source.

One row per change that alters what the API shows for an event: the event's own fields, its review
state, a merge or an undone merge, a deletion, and changes to what an event embeds (citations, actor
links, topic memberships, the cited article, place, actor, topic or outlet). A row names the event and
a monotonically increasing sequence number, and holds what the *public* API showed of the event when
the change was committed (written in the writing transaction, see :mod:`api.changelog`):

- ``public_action`` ``upsert`` with ``public_entry["event"]``, the event's JSON as the API showed it;
- ``public_action`` ``remove`` with ``public_entry["reason"]`` (and ``merged_into`` for a merge);
- ``public_action`` ``""``: nothing the public saw changed (a draft edited, an event never public, an
  identical state saved again); the public feed leaves such rows out;
- ``public_action`` NULL: a row written before snapshots were kept; read against the current state.

Editors and clients see drafts the public does not, each client its own: their feed still reads the
event's current state and serves each event's latest change only.

The rows hold a plain integer, not a foreign key: the log must outlive a deleted event.
"""

from __future__ import annotations

from django.db import models


class EventChange(models.Model):
    id = models.BigAutoField(primary_key=True)
    event_id = models.BigIntegerField(db_index=True)
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # NULL, not "": "" is a row that showed the public nothing, NULL one written before snapshots.
    public_action = models.CharField(max_length=6, null=True, blank=True)  # noqa: DJ001
    public_entry = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["event_id", "id"], name="api_event_change_event_seq")]

    def __str__(self) -> str:
        return f"#{self.id}: event {self.event_id}"


class EventExportLine(models.Model):
    """The bulk export's line of one public event, kept by the same writes that log its changes (see
    :mod:`api.export_lines`): the line from ``,"title":`` on, without its ``id`` and ``url`` (the url
    names the requester's site). A plain integer, like :class:`EventChange`: the row goes with the
    event's logged deletion, not by a cascade."""

    event_id = models.BigIntegerField(primary_key=True)
    tail = models.TextField()

    def __str__(self) -> str:
        return f"export line of event {self.event_id}"


class EventExportLinesState(models.Model):
    """One row: the fingerprint of the code that built the stored lines (see
    :func:`api.export_lines.export_lines_fingerprint`); lines built by other code are not served."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    fingerprint = models.CharField(max_length=64)
    rebuilt_at = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="api_export_lines_state_single_row")]

    def __str__(self) -> str:
        return f"export lines of {self.fingerprint[:12]}"
