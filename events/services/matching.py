"""Matching a proposed event to an event already stored, so ten reports of one happening make one event.

An article's proposal is compared with the stored events that could be the same happening: not merged
away, of a compatible type, with date bounds that overlap. Each candidate gets a score in 0..1:

=========  ======  ==============================================================================
part       weight  value
=========  ======  ==============================================================================
type       0.30    1.0 same type; 0.5 compatible (visit/meeting/talks, military action/incident, ...)
date       0.20    days the two intervals share / days of the narrower one (1.0: one lies inside the
                   other, as "February 2023" holds "4 February 2023")
place      0.20    1.0 same place; 0.75 one is the country the other lies in; 0.5 unknown on either
                   side; 0.0 two different places in one country. Different countries: no match.
actors     0.20    shared actors / actors of the side with fewer; 0.5 when either side names none.
                   Both name people, and not one in common: no match. Both name two or more
                   people and each names one the other does not (other counterparts): no match.
title      0.10    similarity of the two titles (difflib ratio over sorted lower-case words)
=========  ======  ==============================================================================

A candidate matches when its score reaches :data:`MATCH_THRESHOLD` (0.70); the best one wins (ties go
to the older event). The threshold is set so that a proposal that agrees on type and day but says
nothing of place or actors (many wire leads: "a U.S. jet shot down the balloon on Saturday") still
matches (0.30 + 0.20 + 0.10 + 0.10 = 0.70), while two meetings in the same week between different
people do not: people are specific, so two events whose people are all different are never matched
(states are not: the press says "Beijing" for China). Without people, disjoint actors drop the actor
part to 0, leaving at most 0.60 plus the title part when the place is unknown. The reason string that comes with
a match is stored on the citation, so an editor sees why and can split the citation off.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from events.domain.vocabulary import ActorKind, EventType, PlaceKind
from events.models import Event, EventActor, Place

MATCH_THRESHOLD = 0.70
# Candidates read per proposal: the date overlap makes the real number small; this bounds a pathological
# case (a year-long proposal against a busy year) to one cheap query.
MAX_CANDIDATES = 200

WEIGHTS = {"type": 0.30, "date": 0.20, "place": 0.20, "actors": 0.20, "title": 0.10}

_COMPATIBLE_PAIRS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in [
        (EventType.VISIT, EventType.MEETING),
        (EventType.VISIT, EventType.TALKS),
        (EventType.MEETING, EventType.TALKS),
        (EventType.MEETING, EventType.SUMMIT),
        (EventType.TALKS, EventType.SUMMIT),
        (EventType.MILITARY_ACTION, EventType.INCIDENT),
        (EventType.PROTEST, EventType.SUMMONS),
        (EventType.SANCTION, EventType.EXPORT_CONTROL),
    ]
)
_WORD = re.compile(r"\w+")


def compatible_types(event_type: str) -> set[str]:
    """The event types a proposal of ``event_type`` may be matched with (itself included)."""
    types = {event_type}
    for pair in _COMPATIBLE_PAIRS:
        if event_type in pair:
            types |= set(pair)
    return types


@dataclass(frozen=True)
class Proposal:
    """What matching needs to know of an extracted event, with its place and actors already resolved."""

    event_type: str
    lower: date
    upper: date
    title: str
    place: Place | None
    actor_ids: frozenset[int]
    person_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Match:
    event: Event
    score: float
    reason: str


def event_find_match(*, proposal: Proposal, exclude_ids: Iterable[int] = ()) -> Match | None:
    """The stored event ``proposal`` reports, or None when it is a new one. Two queries."""
    candidates = (
        Event.objects.filter(
            merged_into__isnull=True,
            event_type__in=compatible_types(proposal.event_type),
            date_lower__lte=proposal.upper,
            date_upper__gte=proposal.lower,
        )
        .exclude(pk__in=list(exclude_ids))
        .select_related("place")
        .prefetch_related(Prefetch("actor_links", queryset=EventActor.objects.select_related("actor")))
        .order_by("pk")[:MAX_CANDIDATES]
    )
    best: Match | None = None
    for event in candidates:
        links = event.actor_links.all()
        actor_ids = frozenset(link.actor_id for link in links)
        person_ids = frozenset(link.actor_id for link in links if link.actor.kind == ActorKind.PERSON)
        match = match_score(proposal, event, actor_ids, person_ids)
        if match is not None and match.score >= MATCH_THRESHOLD and (best is None or match.score > best.score):
            best = match
    return best


def match_score(
    proposal: Proposal, event: Event, event_actor_ids: frozenset[int], event_person_ids: frozenset[int] = frozenset()
) -> Match | None:
    """Score ``event`` as the happening ``proposal`` reports; None when they cannot be the same."""
    if event.event_type == proposal.event_type:
        type_score, type_note = 1.0, f"same type ({event.event_type})"
    elif event.event_type in compatible_types(proposal.event_type):
        type_score, type_note = 0.5, f"compatible types ({proposal.event_type}/{event.event_type})"
    else:
        return None

    shared_days = (min(proposal.upper, event.date_upper) - max(proposal.lower, event.date_lower)).days + 1
    if shared_days <= 0:
        return None
    narrower = min((proposal.upper - proposal.lower).days, (event.date_upper - event.date_lower).days) + 1
    date_score = min(1.0, shared_days / narrower)

    place_score, place_note = _place_score(proposal.place, event.place)
    if place_score is None:
        return None
    if proposal.person_ids and event_person_ids and not proposal.person_ids & event_person_ids:
        return None  # people are specific (unlike "Beijing" for China): different people, different events
    if _different_counterparts(proposal.person_ids, event_person_ids):
        return None

    if proposal.actor_ids and event_actor_ids:
        shared = len(proposal.actor_ids & event_actor_ids)
        actor_score = shared / min(len(proposal.actor_ids), len(event_actor_ids))
        actor_note = f"{shared} shared actor{'s' if shared != 1 else ''}"
    else:
        actor_score, actor_note = 0.5, "actors unknown"

    title_score = _title_similarity(proposal.title, event.title)
    score = (
        WEIGHTS["type"] * type_score
        + WEIGHTS["date"] * date_score
        + WEIGHTS["place"] * place_score
        + WEIGHTS["actors"] * actor_score
        + WEIGHTS["title"] * title_score
    )
    # Rounded so that a sum of exact parts (0.70) is not lost to float error just under the threshold.
    score = round(score, 4)
    reason = (
        f"score {score:.2f}: {type_note}; dates overlap {date_score:.0%}; {place_note}; {actor_note}; "
        f"titles {title_score:.0%} alike"
    )
    return Match(event=event, score=score, reason=reason[:300])


def _different_counterparts(mine: frozenset[int], theirs: frozenset[int]) -> bool:
    """Both sides name two or more people and each names someone the other does not.

    "Blinken met Wang" and "Blinken met Hayashi" share Blinken, yet they are two meetings: the one person
    in common is the traveller, the counterparts differ. A report naming a subset of the other's people
    ("Blinken met Wang" against "Blinken met Wang and Qin") is still the same happening.
    """
    return len(mine) >= 2 and len(theirs) >= 2 and bool(mine - theirs) and bool(theirs - mine)


def _place_score(mine: Place | None, theirs: Place | None) -> tuple[float | None, str]:
    if mine is None or theirs is None:
        return 0.5, "place unknown"
    if mine.pk == theirs.pk:
        return 1.0, f"same place ({theirs.name})"
    if mine.country_code and theirs.country_code and mine.country_code != theirs.country_code:
        return None, "different countries"
    if PlaceKind.COUNTRY in (mine.kind, theirs.kind) and mine.country_code == theirs.country_code:
        return 0.75, f"{mine.name} lies in {theirs.name}" if theirs.kind == PlaceKind.COUNTRY else "same country"
    if not (mine.country_code and theirs.country_code):
        return 0.5, "places not comparable"
    return 0.0, f"different places ({mine.name}, {theirs.name})"


def _title_similarity(a: str, b: str) -> float:
    words_a = " ".join(sorted(_WORD.findall(a.lower())))
    words_b = " ".join(sorted(_WORD.findall(b.lower())))
    if not words_a or not words_b:
        return 0.0
    return difflib.SequenceMatcher(None, words_a, words_b).ratio()
