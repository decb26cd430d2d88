"""The state a nationality word stands for: "Chinese officials" are China's, "U.S. and Russian envoys"
are two states'.

spaCy tags such words NORP, a label it shares with religious and political groups ("Republicans",
"Muslims"), which are no state. The words and their countries come from countryinfo's demonyms; where
one word names several (China, Hong Kong and Macau are all "Chinese"), the most populous country is
meant, as a news reader takes it.
"""

from __future__ import annotations

from functools import lru_cache

# Forms news copy uses that the data spells otherwise: "Saudi" for "Saudi Arabian", the adjective
# "Philippine" beside the demonym "Filipino", and the spellings current since the data's older ones ("Kyrgyz"
# for "Kirghiz", "Uzbek" for "Uzbekistani", "Argentine" for "Argentinean").
SHORT_FORMS = {
    "saudi": "saudi arabian",
    "philippine": "filipino",
    "kyrgyz": "kirghiz",
    "tajik": "tadzhik",
    "uzbek": "uzbekistani",
    "kazakh": "kazakhstani",
    "nepali": "nepalese",
    "maldivian": "maldivan",
    "ecuadorian": "ecuadorean",
    "argentine": "argentinean",
    "argentinian": "argentinean",
    "icelandic": "icelander",
    "slovenian": "slovene",
    "bosnian": "bosnian,herzegovinian",
    "djiboutian": "djibouti",
    "lao": "laotian",
    "timorese": "east timorese",
}


@lru_cache(maxsize=1)
def _countries_by_demonym() -> dict[str, str]:
    from countryinfo import CountryInfo

    best: dict[str, tuple[int, str]] = {}
    for info in CountryInfo.all().values():
        demonym = str(info.get("demonym") or "").strip().lower()
        name = str(info.get("name") or "").strip()
        if not demonym or not name:
            continue
        population = int(info.get("population") or 0)
        if demonym not in best or population > best[demonym][0]:
            best[demonym] = (population, name)
    return {demonym: name for demonym, (_, name) in best.items()}


@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> str | None:
    """The country a nationality word or its plural names ("Chinese", "Filipinos"), or None."""
    key = " ".join(word.split()).lower()
    key = SHORT_FORMS.get(key, key)
    table = _countries_by_demonym()
    if key in table:
        return table[key]
    if key.endswith("s"):
        return table.get(SHORT_FORMS.get(key[:-1], key[:-1]))
    return None


__all__ = ["country_of_demonym"]
