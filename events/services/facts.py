"""Writes of the facts the tracker knows: load the fact files of ``events/facts/`` into the database.

Idempotent: rows are matched by their natural keys (an office's key, a term's office, person and start,
a summit's series and start, a reference event's title) and updated; nothing an editor added is deleted.
Actors for the states, organisations and people of the files get their ISO code and Wikidata ID.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from events.domain.vocabulary import ActorKind
from events.models import Actor, ActorAlias, Gathering, GatheringSeries, Office, OfficeTerm, ReferenceEvent
from events.pubdate.facts import FACTS_DIR, load_facts

SOURCE = "Wikidata (P39 position held; summit items), events/facts/"


@dataclass(frozen=True)
class FactsLoaded:
    actors: int
    offices: int
    terms: int
    gatherings: int
    reference_events: int


def _actor(*, name: str, kind: str, country_code: str, wikidata_id: str) -> Actor:
    """The actor of this name and kind, given the code and ID the facts know (never blanking known ones)."""
    actor = Actor.objects.filter(wikidata_id=wikidata_id).first() if wikidata_id else None
    if actor is None:
        actor, _ = Actor.objects.get_or_create(name=name, kind=kind)
    changed = []
    if country_code and actor.country_code != country_code:
        actor.country_code = country_code
        changed.append("country_code")
    if wikidata_id and actor.wikidata_id != wikidata_id:
        actor.wikidata_id = wikidata_id
        changed.append("wikidata_id")
    if changed:
        actor.save(update_fields=changed)
    return actor


@transaction.atomic
def facts_load(*, directory: Path = FACTS_DIR) -> FactsLoaded:
    """Store the fact files of ``directory``; return how many rows of each kind they hold."""
    facts = load_facts(directory)
    holders: dict[str, Actor] = {}
    for fact in facts.holders:
        kind = ActorKind.STATE if fact.kind == "state" else ActorKind.ORGANIZATION
        actor = _actor(name=fact.name, kind=kind, country_code=fact.country_code, wikidata_id=fact.wikidata_id)
        holders[fact.key] = actor
        for alias in fact.names:
            if alias != actor.name:
                ActorAlias.objects.get_or_create(actor=actor, name=alias)
    offices: dict[str, Office] = {}
    for office in facts.offices:
        offices[office.key], _ = Office.objects.update_or_create(
            key=office.key,
            defaults={
                "name": office.name,
                "holder": holders[office.holder],
                "kind": office.kind,
                "titles": "|".join(office.titles),
                "source": SOURCE,
            },
        )
    people: set[int] = set()
    for term in facts.terms:
        holder_actor = holders[next(o.holder for o in facts.offices if o.key == term.office)]
        person = _actor(
            name=term.person,
            kind=ActorKind.PERSON,
            country_code=holder_actor.country_code if holder_actor.kind == ActorKind.STATE else "",
            wikidata_id=term.person_wikidata_id,
        )
        people.add(person.pk)
        OfficeTerm.objects.update_or_create(
            office=offices[term.office],
            person=person,
            start=term.start,
            defaults={"end": term.end, "source": SOURCE},
        )
    for series in facts.series:
        GatheringSeries.objects.update_or_create(
            key=series.key, defaults={"name": series.name, "names": "|".join(series.names)}
        )
    for gathering in facts.gatherings:
        Gathering.objects.update_or_create(
            series=gathering.series,
            start=gathering.start,
            defaults={
                "end": gathering.end,
                "city": gathering.city,
                "country_code": gathering.country_code,
                "number": gathering.number,
                "source": SOURCE,
            },
        )
    for event in facts.known_events:
        ReferenceEvent.objects.update_or_create(
            title=event.title,
            defaults={
                "start": event.start,
                "end": event.end,
                "event_type": event.event_type,
                "actors": "|".join(event.actors),
                "place": event.place,
                "source": "events/facts/known_events.csv",
            },
        )
    return FactsLoaded(
        actors=len(holders) + len(people),
        offices=len(facts.offices),
        terms=len(facts.terms),
        gatherings=len(facts.gatherings),
        reference_events=len(facts.known_events),
    )
