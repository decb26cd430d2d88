"""Whether a citation is public: who is trusted, and an editor's accept or reject of a proposed citation.

The machine and outsiders propose; only an editor publishes. A citation reaches readers only when it is
accepted and its event is published (``events.selectors.citations_public``). The rule for a new citation:

- **Trusted, accepted as it is made**: an article nobody submitted (an item of a feed an editor
  configured, a management command an operator ran; the admin's forms and bulk add record their user)
  or one submitted by a user who may publish events (``events.publish_event``: the Editors group, a
  superuser); a citation an editor who may publish makes by hand.
- **Proposed, waiting for an editor**: an article submitted by anyone else — a researcher's API token,
  a contributor in the admin. Matched onto a published event, its citation is listed in the admin as a
  "new source for a published event" and shown to nobody else but its submitter until an editor accepts
  it (one click) or rejects it. On a proposed event it is accepted with the event, when an editor
  publishes that event (the review queue shows every citation of the event being published).

Accepting and rejecting are recorded in the citation's history, with who did it; a rejection is
undone by accepting (nothing is deleted).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction

from events.exceptions import ReviewError
from events.models import Article, Citation, CitationReview
from events.services.history import attribute

User = AbstractBaseUser | AnonymousUser | None

PUBLISH_PERMISSION = "events.publish_event"


def user_may_publish(user: User) -> bool:
    """True for an active user who may publish events (an editor or a superuser)."""
    if user is None or not user.is_authenticated or not getattr(user, "is_active", False):
        return False
    has_perm = getattr(user, "has_perm", None)  # AbstractBaseUser alone has no permissions
    return bool(has_perm is not None and has_perm(PUBLISH_PERMISSION))


def article_is_trusted(article: Article) -> bool:
    """True when an editor stands behind where ``article`` came from (see the module docstring).

    Nobody submitted it (a feed or a command: set up by editors or operators), or its
    submitter may publish events. One or two queries.
    """
    if article.submitted_by_id is None:
        # Deleting an account empties submitted_by (SET_NULL, an UPDATE that writes no history row);
        # the history still names who submitted it, so a deleted researcher's article stays untrusted.
        return not article.history.filter(submitted_by__isnull=False).exists()
    return user_may_publish(article.submitted_by)


def citation_initial_review(*, article: Article, user: User = None) -> str:
    """The review state of a new citation of ``article`` made by ``user`` (None: by the pipeline)."""
    if user_may_publish(user) or article_is_trusted(article):
        return CitationReview.ACCEPTED
    return CitationReview.PROPOSED


def _review(citations: Iterable[Citation], state: CitationReview, user: User, reason: str) -> int:
    if not user_may_publish(user):
        raise ReviewError("only an editor who may publish events accepts or rejects a citation")
    changed = 0
    for citation in Citation.objects.select_for_update().filter(pk__in=[c.pk for c in citations]).order_by("pk"):
        if citation.review_state == state:
            continue
        citation.review_state = state
        attribute(citation, user, reason)
        citation.save(update_fields=["review_state"])
        changed += 1
    return changed


@transaction.atomic
def citation_accept(*, citations: Iterable[Citation], user: User) -> int:
    """Accept citations (a new source for a published event goes public). Returns how many changed."""
    return _review(citations, CitationReview.ACCEPTED, user, "citation accepted")


@transaction.atomic
def citation_reject(*, citations: Iterable[Citation], user: User) -> int:
    """Reject citations: they stay stored (and reversible) but never reach a reader."""
    return _review(citations, CitationReview.REJECTED, user, "citation rejected")


def citations_accept_with_event(*, event_id: int, user: User) -> int:
    """Accept the proposed citations of an event an editor is publishing (called inside that transaction).

    The editor published the event as the review queue showed it, with every citation it had.
    """
    changed = 0
    for citation in Citation.objects.filter(event_id=event_id, review_state=CitationReview.PROPOSED).order_by("pk"):
        citation.review_state = CitationReview.ACCEPTED
        attribute(citation, user, f"accepted with event {event_id}")
        citation.save(update_fields=["review_state"])
        changed += 1
    return changed
