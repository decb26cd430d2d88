"""Reads of the facts the publication-date check uses, as the checker's plain dataclasses.

The fact tables are small (hundreds of rows) and change rarely (an editor's correction in the admin),
so one read serves many articles: it is kept for ``FACTS_TTL_SECONDS``. The tracker's own published
events are read per article, only those that share an actor with what the article reports.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from django.db.models import Q

from events.domain.vocabulary import ReviewState
from events.models import Actor, Event, Gathering, GatheringSeries, Office, OfficeTerm, ReferenceEvent
from events.pubdate.facts import Facts, Holder, KnownEvent, Series, Term
from events.pubdate.facts import Gathering as GatheringFact
from events.pubdate.facts import Office as OfficeFact

FACTS_TTL_SECONDS = 300.0
_cache: tuple[float, Facts] | None = None


def facts_clear_cache() -> None:
    global _cache
    _cache = None


def facts_for_date_check() -> Facts:
    """Offices, terms, summits and reference events from the database (cached for a few minutes)."""
    global _cache
    if _cache is not None and time.monotonic() - _cache[0] < FACTS_TTL_SECONDS:
        return _cache[1]
    offices = list(Office.objects.select_related("holder").prefetch_related("holder__aliases"))
    holders = {
        office.holder_id: Holder(
            key=str(office.holder_id),
            name=office.holder.name,
            kind=office.holder.kind,
            country_code=office.holder.country_code,
            wikidata_id=office.holder.wikidata_id or "",
            names=(office.holder.name, *(alias.name for alias in office.holder.aliases.all())),
        )
        for office in offices
    }
    facts = Facts(
        holders=tuple(holders.values()),
        offices=tuple(OfficeFact(o.key, o.name, str(o.holder_id), o.kind, o.title_list()) for o in offices),
        terms=tuple(
            Term(t.office.key, t.person.name, t.start, t.end, t.person.wikidata_id or "", _surname(t.person))
            for t in OfficeTerm.objects.select_related("office", "person")
        ),
        series=tuple(
            Series(s.key, s.name, tuple(n.strip() for n in s.names.split("|") if n.strip()))
            for s in GatheringSeries.objects.all()
        ),
        gatherings=tuple(
            GatheringFact(g.series, g.start, g.end, g.city, g.country_code, g.number) for g in Gathering.objects.all()
        ),
        known_events=tuple(
            KnownEvent(e.start, e.end, e.event_type, e.title, tuple(a for a in e.actors.split("|") if a), e.place)
            for e in ReferenceEvent.objects.all()
        ),
        source="database",
    )
    _cache = (time.monotonic(), facts)
    return facts


def _surname(person: Actor) -> str:
    # Family name first for Chinese and Korean names ("Qin Gang", "Lee Jae-myung"), last otherwise.
    parts = person.name.split()
    if person.country_code in ("CN", "KR") and len(parts) > 1:
        return parts[0]
    return parts[-1] if parts else person.name


def facts_with_published_events(facts: Facts, *, actor_names: Iterable[str]) -> Facts:
    """``facts`` plus the tracker's published events of day or month precision naming one of ``actor_names``."""
    names = sorted({n for n in actor_names if n})
    if not names:
        return facts
    events = (
        Event.objects.filter(
            review_state=ReviewState.PUBLISHED,
            merged_into__isnull=True,
            precision__in=["day", "month"],
            actor_links__actor__name__in=names,
        )
        .select_related("place")
        .prefetch_related("actor_links__actor")
        .distinct()
        .order_by("-date_lower")[:200]
    )
    known = tuple(
        KnownEvent(
            e.date_lower,
            e.date_upper,
            e.event_type,
            e.title,
            tuple(link.actor.name for link in e.actor_links.all()),
            e.place.name if e.place else "",
            published=True,
        )
        for e in events
    )
    if not known:
        return facts
    # The index built from the facts holds no known events, so the copy shares it.
    return replace(facts, known_events=facts.known_events + known)


def offices_held_at(*, actor_ids: Iterable[int], lower: date, upper: date) -> dict[int, str]:
    """actor id -> the office the actor held through [lower, upper] (one query; events list their actors so)."""
    ids = list(actor_ids)
    if not ids:
        return {}
    terms = (
        OfficeTerm.objects.filter(person_id__in=ids, start__lte=lower)
        .filter(Q(end__isnull=True) | Q(end__gt=upper))
        .select_related("office")
        .order_by("start")
    )
    return {term.person_id: term.office.name for term in terms}
