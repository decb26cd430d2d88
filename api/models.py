"""The change log that lets a researcher's mirror stay exactly equal to the source.

One row per change that alters what the API shows for an event: the event's own fields, its review
state, a merge or an undone merge, a deletion, and changes to what an event embeds (citations, actor
links, topic memberships, the cited article, place, actor, topic or outlet). A row only names the event
and a monotonically increasing sequence number; what the change *means* for a given client (update,
removal because it was merged, unpublished or deleted) is read from the event's current state when the
feed is served, so replaying the feed in order always converges on the current state.

The rows hold a plain integer, not a foreign key: the log must outlive a deleted event.
"""

from __future__ import annotations

from django.db import models


class EventChange(models.Model):
    id = models.BigAutoField(primary_key=True)
    event_id = models.BigIntegerField(db_index=True)
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["event_id", "id"], name="api_event_change_event_seq")]

    def __str__(self) -> str:
        return f"#{self.id}: event {self.event_id}"
