"""Storing what extraction found: the article's fields, then each proposed event matched or created.

Places, actors and the outlet are resolved first, each in its own short transaction; then one
transaction stores the article and its events, all or nothing, so a worker killed in it leaves the
article to be processed again whole. Editors win: the machine changes only proposed events, never a
locked field.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from events.domain.edtf_dates import InvalidEdtf, parse_edtf
from events.domain.vocabulary import ActorKind, ActorRole, EventStatus, ReviewState
from events.extraction.types import ArticleExtraction, ExtractedEvent
from events.models import (
    Actor,
    Article,
    ArticleState,
    Citation,
    Event,
    EventActor,
    EventRelation,
    PublishedSource,
    RelationKind,
    Source,
)
from events.models.articles import DateCheckVerdict
from events.pubdate import DateCheck
from events.pubdate.offices import office_holders_in
from events.selectors_facts import facts_for_date_check
from events.services.articles import content_hash_for
from events.services.articles_claim import Claim
from events.services.articles_datecheck import date_check_apply
from events.services.changes import events_changed_announce
from events.services.citations import citation_create
from events.services.event_dates import event_propose_date
from events.services.events import event_create
from events.services.history import attribute
from events.services.matching import Match, Proposal, event_find_match
from events.services.resolve import actor_resolve, place_resolve

log = logging.getLogger(__name__)

# Any fixed number: the key of the PostgreSQL advisory lock that serialises the store step (see
# _store_lock). Spelled from "TIMELINE" so it does not collide with another application's by chance.
STORE_LOCK_KEY = 0x54494D454C494E45
# A status moves on only forward: a late "will visit" report never turns a held visit back into a plan.
_STATUS_FORWARD: dict[str, set[str]] = {
    EventStatus.SCHEDULED: {EventStatus.OCCURRED, EventStatus.ONGOING, EventStatus.POSTPONED, EventStatus.CANCELLED},
    EventStatus.POSTPONED: {EventStatus.OCCURRED, EventStatus.ONGOING, EventStatus.CANCELLED},
    EventStatus.ONGOING: {EventStatus.OCCURRED},
}
_PUBLISHED_SOURCE = {"metadata": PublishedSource.METADATA, "text": PublishedSource.TEXT}


def _store_lock() -> None:
    """Serialise the creation and the change of events across workers, for the rest of the transaction.

    Matching reads the events, then creates one when none matches: two workers storing two reports of
    the same happening at once would each see no match and create two events. On PostgreSQL a
    transaction-scoped advisory lock makes the read-then-create atomic; SQLite already runs one writer
    at a time (the settings open transactions IMMEDIATE). Only what creates or changes an event takes it
    (see ``_proposals_store_new``); citing an event that is already there does not.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK_KEY])


@dataclass
class _StoreCounts:
    created: int = 0
    matched: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    # (citation id, score, reason) of each match, written in one UPDATE at the end of the store.
    scores: list[tuple[int, float, str]] = field(default_factory=list)
    # (event id, actor id, role) to add to matched events, written in one INSERT at the end of the store.
    actor_links: set[tuple[int, int, str]] = field(default_factory=set)


@dataclass(frozen=True)
class _Prepared:
    """A proposed event with its date parsed and its place and actors stored, ready to be matched."""

    proposed: ExtractedEvent
    proposal: Proposal
    actors: list[tuple[Actor, str]]


# EDTF parsing goes through a grammar (pyparsing) and costs milliseconds; reports of one story repeat the
# same few dates, and the result is an immutable value, so it is parsed once per process.
_parse_edtf_cached = functools.lru_cache(maxsize=4096)(parse_edtf)


def _proposals_prepare(extraction: ArticleExtraction) -> tuple[list[_Prepared], int]:
    """Parse each proposal's date and resolve its place and actors; return them and how many were invalid.

    Run before the store transaction, each lookup in its own short transaction: places, actors and their
    aliases are shared reference rows, unique in the database and made with get_or_create, so a worker
    that dies after this leaves nothing that a retry would duplicate. Inside the store transaction they
    would lengthen the serialised part, and an uncommitted new actor would make a second worker that
    needs the same one wait for the first's whole store.
    """
    prepared, invalid = [], 0
    for proposed in extraction.events:
        try:
            parsed = _parse_edtf_cached(proposed.date)
        except InvalidEdtf:
            invalid += 1
            continue
        place = place_resolve(proposed.location) if proposed.location else None
        actors = [(actor_resolve(name=a.name, kind=a.kind), str(a.role)) for a in proposed.actors]
        actors += _office_holders(proposed, parsed.lower, parsed.upper, {actor.pk for actor, _ in actors})
        proposal = Proposal(
            event_type=str(proposed.type),
            lower=parsed.lower,
            upper=parsed.upper,
            title=proposed.title,
            place=place,
            actor_ids=frozenset(actor.pk for actor, _ in actors),
            person_ids=frozenset(actor.pk for actor, _ in actors if actor.kind == ActorKind.PERSON),
        )
        prepared.append(_Prepared(proposed, proposal, actors))
    return prepared, invalid


def _office_holders(proposed: ExtractedEvent, lower: date, upper: date, known: set[int]) -> list[tuple[Actor, str]]:
    """The people the cited sentence names by office alone ("China's foreign minister"), as held on the
    event's date (``events.pubdate.offices``), as participants the event does not have yet."""
    found = []
    for holder in office_holders_in(proposed.citation.quote, lower, upper, facts_for_date_check()):
        actor = actor_resolve(name=holder.person, kind=ActorKind.PERSON)
        if actor.pk not in known:
            known.add(actor.pk)
            found.append((actor, str(ActorRole.PARTICIPANT)))
    return found


def article_store_extraction(
    *, claim: Claim, extraction: ArticleExtraction, date_check: DateCheck | None = None
) -> str:
    """Store what extraction found: article fields, then each proposed event matched or created.

    Places, actors and the outlet are resolved first; then one transaction stores the article and its
    events, all or nothing, so a worker killed in it leaves the article to be processed again whole.
    """
    row = Article.objects.filter(pk=claim.article_id).values_list("url", "source_id").first()
    if row is None:
        return "lost claim"
    url, source_id = row
    source = _source_for(url, extraction.outlet) if source_id is None and url else None
    prepared, invalid = _proposals_prepare(extraction)
    return _store(claim, extraction, prepared, source, _StoreCounts(skipped=invalid), date_check)


@transaction.atomic
def _store(
    claim: Claim,
    extraction: ArticleExtraction,
    prepared: list[_Prepared],
    source: Source | None,
    counts: _StoreCounts,
    date_check: DateCheck | None = None,
) -> str:
    article = Article.objects.select_for_update().get(pk=claim.article_id)
    if article.state != claim.state or article.state_changed_at != claim.token:
        return "lost claim"
    first_time = not article.citations.exists()
    if first_time:
        content_hash = content_hash_for(extraction.text)
        twin = Article.objects.filter(content_hash=content_hash).exclude(pk=article.pk).first()
        if twin is not None:
            return _mark_duplicate(article, twin, extraction.text)
        article.clean_text = extraction.text
        article.content_hash = content_hash
        if not article.title and extraction.title:
            article.title = extraction.title[:500]
        if not article.byline and extraction.byline:
            article.byline = extraction.byline[:300]
    if (
        article.published_source not in (PublishedSource.EDITOR, PublishedSource.FEED)
        and extraction.published is not None
        and extraction.published_source in _PUBLISHED_SOURCE
    ):
        article.published = extraction.published
        article.published_source = _PUBLISHED_SOURCE[extraction.published_source]
    if article.source_id is None and source is not None:
        article.source = source
    if date_check is not None:
        date_check_apply(article, date_check)
    now = timezone.now()
    article.state, article.state_changed_at, article.error = ArticleState.DONE, now, ""
    article.extractor_version = extraction.extractor_version[:40]
    attribute(article, None, "processed" if first_time else "reprocessed")
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another article took this text's hash between our check and our save (the twin committed
        # first; our save waited for it).
        twin = Article.objects.filter(content_hash=article.content_hash).exclude(pk=article.pk).first()
        if twin is None:
            raise
        article.refresh_from_db()
        return _mark_duplicate(article, twin, extraction.text)

    if first_time:
        _proposals_store_new(article, prepared, counts)
    else:
        # Reprocessing may re-date the events this article alone reports: all of it under the lock.
        _store_lock()
        cited_events = set(article.citations.values_list("event_id", flat=True))
        for item in prepared:
            _proposal_store(article, item, cited_events, counts, reprocessing=True)
    if counts.actor_links:
        # In one order for every worker: two that add links to the same events wait for each other in
        # turn, never each for the other (a deadlock the lock-free citations would otherwise allow).
        links = [EventActor(event_id=e, actor_id=a, role=r) for e, a, r in sorted(counts.actor_links)]
        EventActor.objects.bulk_create(links, ignore_conflicts=True)
        events_changed_announce(event_ids=sorted({link.event_id for link in links}))
    if counts.scores:
        citations = [Citation(pk=pk, match_score=score, match_reason=reason) for pk, score, reason in counts.scores]
        Citation.objects.bulk_update(citations, ["match_score", "match_reason"])
    return f"done: {counts.created} new, {counts.matched} matched, {counts.skipped} skipped"


_ABSOLUTE_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def _is_absolute(time_text: str) -> bool:
    """An expression that names its year does not move when the publication date does."""
    return bool(_ABSOLUTE_YEAR.search(time_text))


def _mark_duplicate(article: Article, twin: Article, text: str) -> str:
    article.duplicate_of = twin
    article.clean_text = text
    article.content_hash = None  # the hash is the twin's; unique, so this row keeps none
    article.state, article.state_changed_at = ArticleState.DONE, timezone.now()
    article.error = f"same text as article {twin.pk}; its events are cited from there"
    attribute(article, None, f"duplicate of article {twin.pk}")
    article.save()
    return f"duplicate of {twin.pk}"


def _source_for(url: str, outlet: str) -> Source | None:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    domain = host.removeprefix("www.")
    if not domain:
        return None
    source, _ = Source.objects.get_or_create(domain=domain, defaults={"name": (outlet or domain)[:200]})
    return source


def _proposals_store_new(article: Article, prepared: list[_Prepared], counts: _StoreCounts) -> None:
    """Store the proposals of an article processed for the first time, taking the lock only if needed.

    Most reports of a story are cited by events an earlier report created. Such a proposal changes no
    event: it adds a citation (and the actors the event lacks), rows of its own that another worker's
    matching cannot be misled by. So each proposal is first matched against the committed events
    without the lock; only the proposals that would create an event, or change one (a finer date, a
    status moved on), take the lock and are matched again under it, seeing every event committed
    before. Two workers storing reports of one story then wait for each other only while the story's
    events are being created or refined, not for every report.

    The lock-free citations are written after the locked part: a worker waiting for the lock holds no
    row that the holder might need, so the two cannot deadlock (the actor links both may add to one
    event are written last of all, in a fixed order).
    """
    cited_events: set[int] = set()
    lock_free: list[tuple[_Prepared, Match]] = []
    needs_lock: list[_Prepared] = []
    for item in prepared:
        match = event_find_match(proposal=item.proposal)
        if match is None or _machine_changes(match.event, _refinement(match.event, item.proposed, item.proposal)[0]):
            needs_lock.append(item)
        elif match.event.pk in cited_events:
            counts.skipped += 1  # one citation per article per event: the article said it twice
        else:
            cited_events.add(match.event.pk)
            lock_free.append((item, match))
    if needs_lock:
        _store_lock()
        for item in needs_lock:
            _proposal_store(article, item, cited_events, counts, reprocessing=False)
    for item, match in lock_free:
        _cite_match(article, item, match, counts)


def _cite_match(article: Article, item: _Prepared, match: Match, counts: _StoreCounts) -> None:
    """Cite ``article`` for the event ``item`` matched, adding the actors the event lacks."""
    event = match.event
    if event.review_state == ReviewState.PROPOSED:
        # The event gathers the actors its reports name, so the next report has more to match on.
        # Its links were read with the candidates; the missing ones are written at the end of the store.
        linked = {(link.actor_id, link.role) for link in event.actor_links.all()}
        counts.actor_links |= {(event.pk, actor.pk, role) for actor, role in item.actors} - {
            (event.pk, pk, role) for pk, role in linked
        }
    citation = _citation_create_for(event, article, item.proposed)
    counts.scores.append((citation.pk, match.score, match.reason))
    counts.matched += 1


def _citation_create_for(event: Event, article: Article, proposed: ExtractedEvent) -> Citation:
    """The citation of ``article`` that reports ``event``, from the sentence the engine cited."""
    cite = proposed.citation
    return citation_create(
        event=event,
        article=article,
        start=cite.start,
        end=cite.end,
        quote=cite.quote,
        time_text=cite.time_text,
        rule=proposed.rule,
        date_basis=str(proposed.date_basis),
    )


def _proposal_store(
    article: Article, item: _Prepared, cited_events: set[int], counts: _StoreCounts, *, reprocessing: bool
) -> None:
    proposed, proposal, actors = item.proposed, item.proposal, item.actors
    place = proposal.place
    cite = proposed.citation

    # Reprocessing: this sentence was stored before. Its event is re-dated if the article is its only
    # source (the date was resolved from this article alone), else only refined like any match.
    own = (
        Citation.objects.filter(
            # The time expression too: one sentence can date two events ("since 2006 ... since 2016").
            article=article,
            start=cite.start,
            end=cite.end,
            rule=proposed.rule[:80],
            time_text=cite.time_text[:200],
        )
        .select_related("event")
        .first()
        if reprocessing
        else None
    )
    if own is not None:
        event = own.event
        if own.date_basis != str(proposed.date_basis):
            # The engine may now reach the date another way (a story's year instead of publication).
            own.date_basis = str(proposed.date_basis)
            own.save(update_fields=["date_basis"])
        if _is_absolute(cite.time_text):
            pass  # "since 2006" says 2006 whatever the publication date: nothing to re-resolve
        elif event.review_state == ReviewState.PROPOSED and not event.citations.exclude(article=article).exists():
            _event_machine_update(
                event,
                f"re-extracted from article {article.pk}",
                date_edtf=proposed.date,
                date_is_week=proposed.week,
                status=str(proposed.status),
            )
        elif proposed.date != event.date_edtf:
            event_propose_date(
                event=event,
                date_edtf=proposed.date,
                reason=f"article {article.pk} re-read with publication date {article.published}: "
                f"“{cite.time_text}” is {proposed.date}",
            )
        counts.skipped += 1
        return

    match = event_find_match(proposal=proposal)
    if match is not None:
        if match.event.pk in cited_events:
            counts.skipped += 1  # one citation per article per event: the article said it twice
            return
        _event_refine(match.event, proposed, proposal, article)
        _cite_match(article, item, match, counts)
        cited_events.add(match.event.pk)
        return

    event = event_create(
        title=(proposed.title or str(proposed.type).replace("_", " ").capitalize())[:300],
        event_type=str(proposed.type),
        date_edtf=proposed.date,
        date_is_week=proposed.week,
        status=str(proposed.status),
        place=place,
        actors=actors,
        review_state=ReviewState.PROPOSED,
        confidence=max(0.0, min(1.0, proposed.confidence)),
    )
    _citation_create_for(event, article, proposed)
    cited_events.add(event.pk)
    _link_postponed(event, proposal)
    counts.created += 1


def _refinement(event: Event, proposed: ExtractedEvent, proposal: Proposal) -> tuple[dict[str, object], list[str]]:
    """What a matched report would change in its event (a finer date, a status moved on), and why."""
    changes: dict[str, object] = {}
    reasons = []
    narrower = (proposal.upper - proposal.lower) < (event.date_upper - event.date_lower)
    inside = event.date_lower <= proposal.lower and proposal.upper <= event.date_upper
    if narrower and inside:
        changes.update(date_edtf=proposed.date, date_is_week=proposed.week)
        reasons.append(f"date refined {event.date_edtf} -> {proposed.date}")
    status = str(proposed.status)
    if status in _STATUS_FORWARD.get(event.status, set()):
        changes["status"] = status
        reasons.append(f"status {event.status} -> {status}")
    return changes, reasons


def _event_refine(event: Event, proposed: ExtractedEvent, proposal: Proposal, article: Article) -> None:
    """A matched report may date the event more precisely, or say that a planned event took place.

    Not a report whose publication date is in doubt: its dates may be shifted as a whole.
    """
    if article.date_check == DateCheckVerdict.DOUBTFUL:
        return
    changes, reasons = _refinement(event, proposed, proposal)
    if changes:
        _event_machine_update(event, f"{'; '.join(reasons)} (article {article.pk})", **changes)


def _machine_changes(event: Event, fields: dict[str, object]) -> dict[str, object]:
    """The fields the machine may change in ``event``: none unless it is proposed; never a locked one.

    Editors win: a published or rejected event keeps its fields whatever a later article says (its new
    citation still shows the editor what was reported).
    """
    if event.review_state != ReviewState.PROPOSED or event.merged_into_id is not None:
        return {}
    locked = set(event.locked_fields or [])
    return {name: value for name, value in fields.items() if name not in locked and getattr(event, name) != value}


def _event_machine_update(event: Event, reason: str, **fields: object) -> bool:
    """Change an event as the machine, within what :func:`_machine_changes` allows."""
    changes = _machine_changes(event, fields)
    if not changes:
        return False
    for name, value in changes.items():
        setattr(event, name, value)
    attribute(event, None, reason[:100])
    try:
        event.save()  # derives the date bounds first, and raises InvalidEdtf before writing anything
    except InvalidEdtf:
        event.refresh_from_db()
        return False
    return True


def _link_postponed(event: Event, proposal: Proposal) -> None:
    """Link a newly reported event to the earlier postponed one it makes up for (same type, same people)."""
    if event.status == EventStatus.POSTPONED or not proposal.actor_ids:
        return
    earlier = (
        Event.objects.filter(
            merged_into__isnull=True,
            event_type=event.event_type,
            status=EventStatus.POSTPONED,
            date_upper__lt=event.date_lower,
            date_lower__gte=event.date_lower - timedelta(days=366),
            actor_links__actor_id__in=proposal.actor_ids,
        )
        .exclude(pk=event.pk)
        .order_by("-date_lower")
        .first()
    )
    if earlier is not None:
        EventRelation.objects.get_or_create(from_event=earlier, to_event=event, kind=RelationKind.POSTPONED_AS)
