"""One stored place per gazetteer place: rows made before places carried their GeoNames id ("U.S." beside
"United States") are given the id, the gazetteer's name and its coordinates, and rows that are one place
are folded into one (events and topic rules move to the kept row; the change feed is told)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from events.domain.vocabulary import PlaceKind
from events.models import Event, Place
from events.services.changes import events_changed_announce

# The entity label the gazetteer reads a stored kind as.
_LABELS = {PlaceKind.COUNTRY.value: "GPE", PlaceKind.CITY.value: "GPE", PlaceKind.REGION.value: "LOC"}


@dataclass(frozen=True)
class UnifyResult:
    identified: int  # rows given their gazetteer id
    folded: int  # rows folded into another (and deleted)
    events_moved: int


def places_unify() -> UnifyResult:
    """Identify every stored place the gazetteer knows (same kind and country) and fold duplicates."""
    from events.extraction.gazetteer import resolve_place

    kept: dict[int, Place] = {}
    for place in Place.objects.filter(geonames_id__isnull=False).order_by("pk"):
        kept.setdefault(int(place.geonames_id or 0), place)
    identified = folded = moved = 0
    for place in Place.objects.filter(geonames_id__isnull=True, kind__in=list(_LABELS)).order_by("pk"):
        prefer = frozenset({place.country_code}) if place.country_code else frozenset()
        found = resolve_place(place.name, _LABELS[place.kind], prefer)
        if found.geonames_id is None or str(found.kind) != place.kind:
            continue
        if place.country_code and found.country != place.country_code:
            continue
        keeper = kept.get(found.geonames_id)
        if keeper is not None and keeper.pk == place.pk:
            continue  # identified above, as the row another spelling was folded into
        if keeper is None:
            same_name = (
                Place.objects.filter(name=found.name[:200], kind=place.kind, country_code=found.country or "")
                .exclude(pk=place.pk)
                .first()
            )
            if same_name is None:
                _identify(place, found.geonames_id, found.name, found.lat, found.lon)
                kept[found.geonames_id] = place
                identified += 1
                continue
            _identify(same_name, found.geonames_id, found.name, found.lat, found.lon)
            kept[found.geonames_id] = keeper = same_name
            identified += 1
        moved += _fold(place, keeper)
        folded += 1
    return UnifyResult(identified, folded, moved)


def _identify(place: Place, geonames_id: int, name: str, lat: float | None, lon: float | None) -> None:
    place.geonames_id = geonames_id
    place.name = name[:200]
    fields = ["geonames_id", "name"]
    if place.latitude is None and lat is not None and lon is not None:
        place.latitude, place.longitude = lat, lon
        fields += ["latitude", "longitude"]
        events_changed_announce(event_ids=list(Event.objects.filter(place=place).values_list("pk", flat=True)))
    place.save(update_fields=fields)


def _fold(duplicate: Place, keeper: Place) -> int:
    with transaction.atomic():
        event_ids = list(Event.objects.filter(place=duplicate).values_list("pk", flat=True))
        Event.objects.filter(pk__in=event_ids).update(place=keeper)
        for topic in duplicate.rule_topics.all():
            topic.rule_places.add(keeper)
        duplicate.delete()
        events_changed_announce(event_ids=event_ids)
    return len(event_ids)
