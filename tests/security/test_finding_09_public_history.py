"""Issue 18, finding 9: the public "Corrections history" showed edits made before publication.

What a contributor or the machine changed while the event was a proposal, and the notes that came with
it, are internal to the review: the public history starts at publication.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Event
from events.services import event_publish, event_update
from events.services.history import attribute
from tests.factories import CitationFactory, EventFactory, make_user

pytestmark = pytest.mark.django_db


def _with_note(event: Event, note: str, **fields: object) -> None:
    """An edit saved with a change reason, as a contributor's note would be."""
    for name, value in fields.items():
        setattr(event, name, value)
    attribute(event, None, note)
    event.save()


def test_the_public_history_starts_at_publication() -> None:
    event = EventFactory(title="Working title Glimmerhold", review_state="proposed")
    CitationFactory(event=event)
    _with_note(event, "internal: source unreliable, check Glimmerhold with the desk", title="Ministers meet")
    editor = make_user("edith", group="Editors")
    event_publish(events=[Event.objects.get(pk=event.pk)], user=editor)
    event_update(event=Event.objects.get(pk=event.pk), user=editor, title="Foreign ministers meet")

    body = Client().get(reverse("timeline:event", args=[event.pk])).content.decode()
    history = body.split('id="history-h"', 1)[1]

    assert "Glimmerhold" not in body  # neither the pre-publication title nor the internal note
    assert "internal:" not in history
    assert "published." in history
    # The correction made after publication is there, from the published title to the new one.
    assert "<del>Ministers meet</del>" in history and "<ins>Foreign ministers meet</ins>" in history
