"""Reads for the researchers' API, built on :mod:`events.selectors` (the same reads the pages use).

Visibility has three tiers here:
- anyone: published events (not merged), published topics, and the articles those events cite;
- editors (``events.view_event``): also proposed events, as on the admin side;
- any other authenticated client (a researcher's token): also the proposed events drawn from articles
  *it* submitted, and those articles — never another client's drafts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from api.models import EventChange
from events.domain.vocabulary import ReviewState
from events.models import (
    Actor,
    Article,
    Citation,
    Event,
    Place,
    Source,
    Topic,
)
from events.presentation.record import record_rows
from events.selectors import events_published, events_visible_to, topics_published_with_counts

User = AbstractBaseUser | AnonymousUser | None

# A citation shows its article's URL, title, date and outlet; the article's text and the original as
# received (HTML, often hundreds of kB) stay in the database, or a page of citations would carry them.
ARTICLE_HEAVY_FIELDS = ("article__clean_text", "article__original")


def _is_editor(user: User) -> bool:
    has_perm = getattr(user, "has_perm", None)
    return bool(user is not None and user.is_authenticated and has_perm is not None and has_perm("events.view_event"))


def _is_client(user: User) -> bool:
    return bool(user is not None and user.is_authenticated)


def api_events_visible(*, user: User) -> QuerySet[Event]:
    """Events the requester may read (see the module docstring for the tiers)."""
    if _is_editor(user):
        return events_visible_to(user=user)
    if _is_client(user):
        own_drafts = Citation.objects.filter(
            event=OuterRef("pk"),
            article__submitted_by=getattr(user, "pk", None),
            event__review_state=ReviewState.PROPOSED,
        )
        # An EXISTS keeps one row per event, so keyset pagination needs no DISTINCT.
        return Event.objects.filter(merged_into__isnull=True).filter(
            Q(review_state=ReviewState.PUBLISHED) | Exists(own_drafts)
        )
    return events_published()


def api_citations_visible(*, user: User) -> QuerySet[Citation]:
    """Citations of the events the requester may read, with their article and outlet."""
    return (
        Citation.objects.filter(event__in=api_events_visible(user=user).values("pk"))
        .select_related("article", "article__source")
        .defer(*ARTICLE_HEAVY_FIELDS)
    )


def api_articles_visible(*, user: User) -> QuerySet[Article]:
    """Articles cited by a published event; a client also sees its own submissions, an editor all."""
    articles = Article.objects.select_related("source")
    if _is_editor(user):
        return articles
    cited = Exists(
        Citation.objects.filter(
            article=OuterRef("pk"), event__review_state=ReviewState.PUBLISHED, event__merged_into__isnull=True
        )
    )
    if _is_client(user):
        return articles.filter(cited | Q(submitted_by=getattr(user, "pk", None)))
    return articles.filter(cited)


def api_article_events(*, article: Article, user: User) -> QuerySet[Event]:
    """The events drawn from one article that the requester may read (a submitter sees its drafts)."""
    return api_events_visible(user=user).filter(citations__article=article).distinct().order_by("date_lower", "pk")


def api_topics() -> QuerySet[Topic]:
    return topics_published_with_counts()


def api_actors() -> QuerySet[Actor]:
    return Actor.objects.prefetch_related("aliases")


def api_places() -> QuerySet[Place]:
    return Place.objects.all()


def api_sources() -> QuerySet[Source]:
    return Source.objects.all()


@dataclass(frozen=True)
class ChangeEntry:
    """One change-feed entry, interpreted for one requester against the event's current state."""

    seq: int
    event_id: int
    changed_at: datetime
    action: str  # "upsert" | "remove"
    reason: str  # "visible" | "merged" | "not_published" | "deleted"
    merged_into: int | None
    event: dict[str, Any] | None  # a row of events.presentation.record.RECORD_FIELDS


def _never_seen(*, event_ids: set[int], user: User) -> set[int]:
    """Of these events (now invisible to the requester), those it can never have seen.

    Editors may have seen any proposed event, so for them none. Anyone else saw published events (the
    history of every save says whether an event ever was one), and a client also its own drafts: a draft
    that still exists and cites an article it submitted is one it saw.
    """
    if not event_ids or _is_editor(user):
        return set()
    history = Event.history.model
    # Only an event whose history is whole (it has its creation record) can prove it was never
    # published; one written in bulk or before the history existed may have been, so it is told.
    rows = history.objects.filter(id__in=event_ids).filter(Q(history_type="+") | Q(review_state=ReviewState.PUBLISHED))
    created: set[int] = set()
    published: set[int] = set()
    for event_id, kind, state in rows.values_list("id", "history_type", "review_state"):
        (created if kind == "+" else published).add(event_id)
        if state == ReviewState.PUBLISHED:
            published.add(event_id)
    unseen = created - published
    if unseen and _is_client(user):
        own = Citation.objects.filter(event_id__in=unseen, article__submitted_by=getattr(user, "pk", None))
        unseen -= set(own.values_list("event_id", flat=True))
        # A deleted draft leaves no citation to tell whose it was: tell the client, to be safe.
        unseen &= set(Event.objects.filter(pk__in=unseen).values_list("pk", flat=True))
    return unseen


def api_changes_describe(*, changes: Sequence[EventChange], user: User) -> list[ChangeEntry]:
    """What each change means to this requester now (three or four queries; embeds are read apart).

    A removal of an event the requester can never have seen is left out: its mirror never held it.
    """
    ids = {change.event_id for change in changes}
    visible = {row["id"]: row for row in record_rows(api_events_visible(user=user).filter(pk__in=ids))}
    states = dict(Event.objects.filter(pk__in=ids).values_list("pk", "merged_into_id"))
    never_seen = _never_seen(event_ids=ids - visible.keys(), user=user)
    entries = []
    for change in changes:
        if change.event_id in never_seen:
            continue
        event = visible.get(change.event_id)
        if event is not None:
            action, reason, merged_into = "upsert", "visible", None
        elif change.event_id not in states:
            action, reason, merged_into = "remove", "deleted", None
        elif states[change.event_id] is not None:
            action, reason, merged_into = "remove", "merged", states[change.event_id]
        else:
            action, reason, merged_into = "remove", "not_published", None
        entries.append(ChangeEntry(change.id, change.event_id, change.changed_at, action, reason, merged_into, event))
    return entries
