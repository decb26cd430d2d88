"""Place rules: the dateline, the acting state, the state acted on, and which of several same-named places
is meant; on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import PlaceKind
from events.extraction.config import ExtractionConfig
from events.extraction.gazetteer import resolve_place
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def events_of(text: str) -> list[ExtractedEvent]:
    return extract(text, PUBLISHED, CONFIG).events


def place_of(text: str) -> str | None:
    [event] = events_of(text)
    return event.location.name if event.location else None


def test_a_small_town_does_not_beat_a_well_known_island_of_that_name() -> None:
    bali = resolve_place("Bali")
    assert (bali.kind, bali.country) == (PlaceKind.REGION, "ID")


def test_a_big_city_keeps_its_name() -> None:
    assert resolve_place("Vienna").country == "AT"


def test_a_mentioned_country_decides_between_same_named_cities() -> None:
    assert resolve_place("Valencia").country == "VE"  # the most populous Valencia
    assert resolve_place("Valencia", prefer=frozenset({"ES"})).country == "ES"


def test_the_dateline_is_the_place_of_its_own_sentence() -> None:
    assert place_of("OSLO (AP) — Norway signed the accord on Tuesday.") == "Oslo"


def test_a_dateline_does_not_place_later_sentences() -> None:
    events = events_of("OSLO (AP) — Officials spoke on Tuesday.\nNorway signed the accord on Monday.")
    assert all(e.location is None or e.location.name != "Oslo" for e in events)


def test_a_summons_happens_in_the_acting_state() -> None:
    assert place_of("Estonia summoned the Russian ambassador on Monday.") == "Estonia"


def test_an_invasion_happens_in_the_invaded_state() -> None:
    assert place_of("Analysts recalled the invasion of Kuwait in August 1990.") == "Kuwait"


def test_a_place_inside_a_named_facility_phrase() -> None:
    assert place_of("Inspectors arrived at the Bushehr plant on Monday.") == "Bushehr"


def test_a_place_after_a_conjoined_partner() -> None:
    assert place_of("Kenya signed accords with Ethiopia and the United Nations in Nairobi on Monday.") == "Nairobi"


def test_a_stretch_of_a_place_is_that_place_and_reads_off_it() -> None:
    text = (
        "LIMA (AP) — A U.S. fighter jet shot down a surveillance balloon off the coast of South Carolina on Saturday."
    )
    assert place_of(text) == "South Carolina"  # not the dateline's Lima
    [event] = events_of("A navy jet shot down a surveillance balloon off the coast of South Carolina on Saturday.")
    assert event.title == "Navy jet shoots down surveillance balloon off South Carolina"


def test_a_capital_the_model_takes_for_a_person_is_still_the_place() -> None:
    assert place_of("A trade delegation will arrive in Honiara later this week.") == "Honiara"
    # A name that is no well-known place stays unplaced rather than becoming one.
    assert place_of("The minister traveled to Smith on Monday.") is None


def test_a_name_cut_short_at_its_preposition_is_no_venue() -> None:
    text = "The two leaders could meet at the Group of 20 summit in Bali in November."
    assert place_of(text) == "Bali"  # spaCy tags "Group of" alone


def test_a_place_word_inside_an_organisations_name_is_no_place() -> None:
    assert place_of("Xi and Biden met at the Asia-Pacific Economic Cooperation forum on Wednesday.") is None


def test_a_proper_noun_before_a_feature_noun_names_a_place() -> None:
    assert place_of("The coast guard will hold a live-fire exercise off the Kinmen islands next week.") == (
        "Kinmen islands"
    )
    assert place_of("Inspectors visited its Fordo facility on Monday.") == "Fordo"


def test_a_dateline_does_not_place_a_use_of_force() -> None:
    """The bureau a story is filed from is not where a balloon was shot down or a missile fired: unknown
    is honest, and it lets the report match the other reports of the same shoot-down."""
    assert place_of("WASHINGTON (Reuters) — The military shot down a surveillance balloon on Saturday.") is None
    # Nor is the bureau's city where another state fired from.
    assert place_of("SEOUL (AP) — North Korea fired two ballistic missiles on Monday.") != "Seoul"
    assert place_of("OSLO (AP) — Norway signed the accord on Tuesday.") == "Oslo"  # a signing is where it is filed


def test_a_world_capital_beats_a_small_same_named_town_in_a_mentioned_country() -> None:
    # An article that mentions the United States and says "talks in Vienna" means Austria's capital.
    assert resolve_place("Vienna", prefer=frozenset({"US"})).country == "AT"


def test_a_well_known_city_in_a_mentioned_country_still_wins() -> None:
    assert resolve_place("Birmingham", prefer=frozenset({"US"})).country == "US"
    assert resolve_place("Birmingham").country == "GB"


def test_every_spelling_of_a_country_is_one_gazetteer_place() -> None:
    spellings = [resolve_place(name) for name in ("U.S.", "US", "the United States", "United States")]
    assert {(p.name, p.geonames_id) for p in spellings} == {("United States", 6252001)}


def test_a_press_name_of_a_country_is_that_country() -> None:
    assert resolve_place("Britain").country == "GB"
    assert (resolve_place("Holland").kind, resolve_place("Holland").name) == (PlaceKind.COUNTRY, "Netherlands")


def test_countries_and_cities_carry_coordinates() -> None:
    for name in ("Singapore", "Vienna", "Britain"):
        place = resolve_place(name)
        assert place.lat is not None and place.lon is not None, name


def test_an_apostrophe_or_an_older_spelling_finds_the_city() -> None:
    curly = resolve_place("Xi'an")
    assert (curly.kind, curly.country, curly.lat is not None) == (PlaceKind.CITY, "CN", True)
    older = resolve_place("Kiev")
    assert (older.kind, older.country, older.name) == (PlaceKind.CITY, "UA", "Kyiv")


def test_a_us_state_beats_a_small_foreign_town_of_its_name() -> None:
    assert (resolve_place("Montana").kind, resolve_place("Montana").country) == (PlaceKind.REGION, "US")


def test_a_us_state_has_a_point_where_its_people_live() -> None:
    # The population-weighted centre of its towns: inside the state's bounds, not unplaced.
    state = resolve_place("Colorado")
    assert state.lat is not None and state.lon is not None
    assert 37 <= state.lat <= 41 and -109 <= state.lon <= -102


def test_a_continent_is_no_town() -> None:
    asia = resolve_place("Asia")
    assert (asia.kind, asia.country) == (PlaceKind.REGION, None)


def test_a_city_keeps_the_texts_spelling_of_its_own_name_and_the_gazetteers_id() -> None:
    plain, marked = resolve_place("Kandahar"), resolve_place("Kandahār")
    assert (plain.name, marked.name) == ("Kandahar", "Kandahār")
    assert plain.geonames_id == marked.geonames_id is not None


def test_a_name_written_without_its_diacritics_is_still_the_bigger_city() -> None:
    # A small town spelled without the accent does not take the name from the city spelled with it.
    plain, accented = resolve_place("Valparaiso"), resolve_place("Valparaíso")
    assert (plain.country, plain.geonames_id) == (accented.country, accented.geonames_id) == ("CL", 3868626)
    assert plain.name == "Valparaiso"  # the text's spelling is kept


def test_a_possessive_ending_the_model_took_into_a_name_is_not_part_of_the_place() -> None:
    [event] = events_of("North Korea's top diplomat summoned the Peruvian envoy on Monday.")
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("North Korea", "KP")


def test_a_dateline_s_capitals_are_the_place_under_its_written_name() -> None:
    assert resolve_place("NEW DELHI", "GPE").name == "New Delhi"
    assert resolve_place("NEW DELHI", "GPE").geonames_id == resolve_place("New Delhi", "GPE").geonames_id
    assert resolve_place("PORT OSTRA", "GPE").name == "Port Ostra"  # unknown to the gazetteer, still not shouted
    assert resolve_place("UAE", "GPE").name == "United Arab Emirates"  # an acronym is no shouting
    assert resolve_place("U.S.A.F.", "GPE").name == "U.S.A.F."  # capitals however written: no loop
