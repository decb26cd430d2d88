"""Reads for the researchers' API, built on :mod:`events.selectors` (the same reads the pages use).

Visibility has three tiers here:
- anyone: published events (not merged), published topics, the public citations of those events
  (accepted by an editor: ``events.selectors.citations_public``) and the articles they quote, and the
  actors, places and outlets those published events use;
- editors (``events.view_event``): also proposed events and every citation, as on the admin side;
- any other authenticated client (a researcher's token): also the proposed events drawn from articles
  *it* submitted, its own citations and those articles — never another client's drafts, nor another
  client's proposed citation of a published event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from api.models import EventChange
from api.public_entries import REMOVE, UPSERT
from events.domain.vocabulary import ReviewState
from events.ingestion.fetch_messages import fetch_error_for_submitter
from events.models import (
    Actor,
    Article,
    Citation,
    Event,
    EventActor,
    EventRelation,
    Place,
    Source,
    Topic,
)
from events.presentation.record import Readable, readable_public, record_rows
from events.selectors import (
    PUBLIC_CITATION,
    citations_public,
    events_published,
    events_visible_to,
    topics_published_with_counts,
)

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


def _citations_readable(user: User) -> QuerySet[Citation]:
    """The citations ``user`` may read, before any join to what they embed.

    Anyone: the public ones. A client: also its own (from articles it submitted), on events it may
    read. An editor: all, on events it may read (proposed citations of published events included).
    """
    if _is_editor(user):
        return Citation.objects.filter(event__in=api_events_visible(user=user).values("pk"))
    if _is_client(user):
        own = Q(article__submitted_by=getattr(user, "pk", None), event__in=api_events_visible(user=user).values("pk"))
        return Citation.objects.filter(PUBLIC_CITATION | own)
    return citations_public()


def _relations_visible(user: User) -> QuerySet[EventRelation]:
    """Relations whose target ``user`` may read: a public event never names a proposed one."""
    if _is_editor(user) or _is_client(user):
        return EventRelation.objects.filter(to_event__in=api_events_visible(user=user).values("pk"))
    return EventRelation.objects.filter(
        to_event__review_state=ReviewState.PUBLISHED, to_event__merged_into__isnull=True
    )


def api_readable(*, user: User) -> Readable:
    """What ``user`` may see of what events embed (see :class:`events.presentation.record.Readable`)."""
    if not _is_client(user):
        return readable_public()
    return Readable(citations=_citations_readable(user), relations=_relations_visible(user))


def api_citations_visible(*, user: User) -> QuerySet[Citation]:
    """Citations the requester may read (see :func:`_citations_readable`), with their article and outlet."""
    return _citations_readable(user).select_related("article", "article__source").defer(*ARTICLE_HEAVY_FIELDS)


def api_articles_visible(*, user: User) -> QuerySet[Article]:
    """Articles a public citation quotes; a client also sees its own submissions, an editor all."""
    articles = Article.objects.select_related("source")
    if _is_editor(user):
        return articles
    cited = Exists(citations_public().filter(article=OuterRef("pk")))
    if _is_client(user):
        return articles.filter(cited | Q(submitted_by=getattr(user, "pk", None)))
    return articles.filter(cited)


def api_article_error(*, article: Article, user: User) -> str:
    """The article's error as the requester may read it: an editor the detail, anyone else without what
    an address error says about where a name points (see ``events.ingestion.fetch_messages``)."""
    return article.error if _is_editor(user) else fetch_error_for_submitter(article.error)


def api_article_events(*, article: Article, user: User) -> QuerySet[Event]:
    """The events drawn from one article that the requester may read, through citations it may read
    (a submitter sees its drafts; a reader not the events an unaccepted citation of the article reports)."""
    cited = _citations_readable(user).filter(article=article).values("event_id")
    return api_events_visible(user=user).filter(pk__in=cited).order_by("date_lower", "pk")


def api_topics() -> QuerySet[Topic]:
    return topics_published_with_counts()


def api_actors(*, user: User) -> QuerySet[Actor]:
    """Actors of the events the requester may read (an editor: all): a name that only a proposed or
    rejected event uses must not reach the public (issue 18, finding 8)."""
    actors = Actor.objects.prefetch_related("aliases")
    if _is_editor(user):
        return actors
    used = EventActor.objects.filter(event__in=api_events_visible(user=user).values("pk")).values("actor_id")
    return actors.filter(pk__in=used)


def api_places(*, user: User) -> QuerySet[Place]:
    """Places of the events the requester may read (an editor: all)."""
    if _is_editor(user):
        return Place.objects.all()
    return Place.objects.filter(pk__in=api_events_visible(user=user).values("place_id"))


def api_sources(*, user: User) -> QuerySet[Source]:
    """Outlets of the articles the requester may read (an editor: all): for the public, those a public
    citation quotes, so the domain of an unreviewed submission stays unknown."""
    if _is_editor(user):
        return Source.objects.all()
    return Source.objects.filter(pk__in=api_articles_visible(user=user).values("source_id"))


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
    # The event's JSON as the public API showed it at ``changed_at`` (its ``url`` a path), for an entry
    # served from the stored snapshot; then ``event`` is None.
    snapshot: dict[str, Any] | None = None


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
    """What each change means to this requester now (four or five queries; embeds are read apart).

    A removal of an event the requester can never have seen is left out: its mirror never held it.
    """
    ids = {change.event_id for change in changes}
    visible = {row["id"]: row for row in record_rows(api_events_visible(user=user).filter(pk__in=ids))}
    states = dict(Event.objects.filter(pk__in=ids).values_list("pk", "merged_into_id"))
    # A merge names its survivor only to whom may read it: a published event merged into a proposed one
    # is, to a reader, an event no longer published (issue 18, finding 13).
    targets = {target for target in states.values() if target is not None}
    readable_targets = set(
        api_events_visible(user=user).filter(pk__in=targets).values_list("pk", flat=True) if targets else ()
    )
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
        elif states[change.event_id] in readable_targets:
            action, reason, merged_into = "remove", "merged", states[change.event_id]
        else:
            action, reason, merged_into = "remove", "not_published", None
        entries.append(ChangeEntry(change.id, change.event_id, change.changed_at, action, reason, merged_into, event))
    return entries


def api_changes_read_as_public(*, user: User) -> bool:
    """Whether ``user`` reads the public feed of stored snapshots (anyone without a token)."""
    return not _is_client(user)


def api_changes_public(*, after: int, head: int) -> QuerySet[EventChange]:
    """The public feed's rows in ``(after, head]``: every change the public saw, as it saw it.

    Rows that showed the public nothing are left out. A row written before snapshots were kept is read
    against the event's current state, so it is served only when no later row of its event is.
    """
    superseded = EventChange.objects.filter(event_id=OuterRef("event_id"), id__gt=OuterRef("id"), id__lte=head)
    shown = Q(public_action__in=[UPSERT, REMOVE]) | (Q(public_action__isnull=True) & ~Exists(superseded))
    return EventChange.objects.filter(shown, id__gt=after, id__lte=head)


def api_changes_public_describe(*, changes: Sequence[EventChange]) -> list[ChangeEntry]:
    """The public entries of these rows: their stored snapshots (rows from before snapshots: read now)."""
    legacy = [change for change in changes if change.public_action is None]
    described = {entry.seq: entry for entry in api_changes_describe(changes=legacy, user=None)} if legacy else {}
    entries = []
    for change in changes:
        if change.public_action is None:
            if change.id in described:
                entries.append(described[change.id])
            continue
        body = change.public_entry or {}
        entries.append(
            ChangeEntry(
                change.id,
                change.event_id,
                change.changed_at,
                change.public_action,
                body["reason"],
                body["merged_into"],
                None,
                body["event"],
            )
        )
    return entries
