"""Datelines: where (and when) a wire story was filed, at the head of its first paragraph.

"VIENNA (AP) — ...", "OSLO, Norway, March 3 (Wire) -- ...", "Kyiv, Ukraine (CNN) — ...", "Jan. 9 (Wire) --
...", "(Wire) — ...", and, in copies
that lost the dash, a city in capitals glued to the first sentence ("ROME Iranian President ..."). A dateline
names the bureau and the filing date: neither is an actor of the sentence's events, and its date dates none of
them. Its city is where the story's events happened only when nothing nearer says so (see
:mod:`events.extraction.places`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from events.extraction.doc_views import doc_text, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A city in capitals, then optional ", Region" / ", March 3" parts, an optional "(Agency)", and a dash; after
# the agency a spaced hyphen is one too ("BRUSSELS, May 13 (Reuters) - ..."), which alone could be a name's.
# A comma may stand alone before the agency, where a page dropped the filing date ("CAIRO,  (Reuters) - ").
_DASHED = re.compile(
    r"^\s*([A-Z][A-Z.'\-/ ]+?)(?:,\s*[A-Z][\w.' ]{1,30}?)*\s*(?:,\s*)?"
    r"(?:\([^)]{1,40}\)\s*(?:--|[—–]|-(?=\s))|(?:--|[—–]))"
)
# A city in capitals with a filing date and a spaced hyphen, no agency: "BRUSSELS, 15 March - ...", "OSLO,
# Norway, March 3 - ...", "LIMA, 7th May - ...". The date part is what tells it from a run of capitals before a hyphen.
_DATED = re.compile(
    r"^\s*([A-Z][A-Z.'\-/ ]+?)(?:,\s*[A-Z][\w.' ]{1,30}?)*,\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?\s+-(?=\s)"
)
# A city, a filing date and its agency in brackets need no dash: "Lima, Mar 14 (AWN) Defence Minister ...". The
# date and the agency together are what tell it from a list of names.
# A city in any case, then optional ", Region" parts, then its filing date (what this and the colon form share).
_CITY_THEN_DATE = (
    r"^\s*([A-Z][A-Za-z.'\-]+(?:[ \-][A-Z][A-Za-z.'\-]+){0,2})(?:,\s*[A-Z][\w.' ]{1,30}?)*,\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?"
)
_DATED_AGENCY = re.compile(_CITY_THEN_DATE + r"\s*\([A-Z][^)]{1,39}\)\s*(?:--|[—–:]|-(?=\s))?\s*(?=[A-Z])")
# No city at all, only the filing date and the agency with a dash: "Jan. 9 (Agency) -- ...", "9 January (Wire) — ...".
_DATE_AGENCY = re.compile(
    r"^\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?\s*\([A-Z][^)]{1,39}\)\s*(?:--|[—–]|-(?=\s))"
)
# No city and no date, only the agency in brackets and a dash: "(Agency) — ...".
_AGENCY_ONLY = re.compile(r"^\s*\([A-Z][A-Za-z.&' ]{1,24}\)\s*(?:--|[—–]|-(?=\s))")
# A city in title case is a dateline only with its agency and a dash: "Kyiv, Ukraine (CNN) — ...".
# (or with the filing date after the agency: "Kyiv (Wire) Sept 15, 2015 - ...").
_TITLED = re.compile(
    r"^\s*([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})(?:,\s*[A-Z][\w.' ]{1,30}?)*"
    r"\s*\([A-Z][^)]{1,39}\)\s*"
    r"(?P<filed>(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*)?"
    r"(?:--|[—–]|-(?=\s))"
)
# Or with the agency and the filing date and no dash at all: "Kyiv (Wire) Sept 15, 2015 Ukraine said ...".
_TITLED_FILED = re.compile(
    r"^\s*([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})(?:,\s*[A-Z][\w.' ]{1,30}?)*\s*\([A-Z][^)]{1,39}\)\s*"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s+(?=[A-Z])"
)
# A city and its filing date closed by a colon: "Quito, March 4: Chile said ...", "LIMA, 7 May: ...". The
# date and the colon together are what tell it from a sentence that opens with a place.
_DATED_COLON = re.compile(_CITY_THEN_DATE + r"\s*:\s+(?=[A-Z])")
# Or with a spaced dash straight after it and its country: "Lima - ...", "Lima, Peru — ..." (again only a
# well-known city: a paragraph may open with a name and a dash of its own).
_TITLED_DASHED = re.compile(r"^\s*([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})(?:,\s*[A-Z][\w.' ]{1,30}?)?\s+(?:--|[—–]|-)\s")
# A city in capitals and a spaced hyphen, no agency or date: "VIENNA - Negotiators ...", "HANOI, Vietnam - ...";
# only for a well-known city (a run of capitals and a hyphen may open a paragraph of another kind).
_CAPS_HYPHEN = re.compile(r"^\s*([A-Z][A-Z.'\-/ ]+?)(?:,\s*[A-Z][\w.' ]{1,30}?)?\s+-\s")
# Without a dash: words in capitals (each of three letters or more) before the first mixed-case word.
_BARE = re.compile(r"^\s*([A-Z][A-Z'\-]{2,}(?:[ /][A-Z][A-Z'\-]{2,})*)\s+(?=[A-Z](?:[a-z]|\.[A-Z]))")


@dataclass(frozen=True)
class Dateline:
    city: str | None  # title-cased, as a gazetteer knows it ("Tel Aviv"); None for a date and an agency alone
    end: int  # characters from the sentence's start to the end of the dateline
    dashed: bool


def _opens_paragraph(sentence: Span) -> bool:
    # The character before the sentence ends the previous token's text_with_ws; reading it there costs
    # O(1), where sentence.doc.text rebuilds the whole article.
    return sentence.start == 0 or sentence.doc[sentence.start - 1].text_with_ws.endswith("\n")


def _bare_city(run: str) -> tuple[str, int] | None:
    """The longest opening words of a run of capitals that name a well-known city ("SANTO DOMINGO U.S.")."""
    from events.extraction.gazetteer import is_well_known_city

    first = re.split(r"/", run)[0]
    words = first.split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size]).title()
        if is_well_known_city(name):
            return name, len(" ".join(words[:size]))
    return None


def _titled(text: str) -> re.Match[str] | None:
    """A title-case dateline, when its first words name a well-known city ("Senator Smith (R) — ..." and
    "Rosa Ruiz - the envoy ..." are none) or an agency and a filing date follow them."""
    from events.extraction.gazetteer import is_well_known_city

    found = _TITLED.match(text) or _TITLED_DASHED.match(text)
    if found is not None and found.groupdict().get("filed"):
        return found  # a name, an agency and a filing date together are a dateline, whatever the place
    return found if found is not None and is_well_known_city(found.group(1)) else None


def _capitals_hyphen(text: str) -> re.Match[str] | None:
    """A city in capitals before a spaced hyphen, when it names a well-known city ("VIENNA - ...")."""
    found = _CAPS_HYPHEN.match(text)
    return found if found is not None and _bare_city(found.group(1)) is not None else None


def find_dateline(sentence: Span) -> Dateline | None:
    """The dateline opening this sentence, if it opens a paragraph with one (cached on the Doc)."""
    cache: dict[int, Dateline | None] = sentence.doc.user_data.setdefault("datelines", {})
    if sentence.start in cache:
        return cache[sentence.start]
    found: Dateline | None = None
    if _opens_paragraph(sentence):
        text = doc_text(sentence.doc)[sentence.start_char : sentence.end_char]  # == sentence.text, not rebuilt
        dashed = (
            _DASHED.match(text)
            or _DATED.match(text)
            or _DATED_AGENCY.match(text)
            or _titled(text)
            or _TITLED_FILED.match(text)
            or _DATED_COLON.match(text)
            or _capitals_hyphen(text)
        )
        if dashed is not None:
            city = dashed.group(1).split("/")[0].strip()
            if len(city) >= 3 and any(ch.isalpha() for ch in city):
                found = Dateline(city.title(), dashed.end(), True)
        elif (dated_only := _DATE_AGENCY.match(text) or _AGENCY_ONLY.match(text)) is not None:
            found = Dateline(None, dated_only.end(), True)
        else:
            bare = _BARE.match(text)
            city_found = _bare_city(bare.group(1)) if bare is not None else None
            if bare is not None and city_found is not None:
                # The whole run of capitals is the dateline ("MOSCOW/KIEV"), whichever city it names first.
                found = Dateline(city_found[0], bare.end(1), False)
    cache[sentence.start] = found
    return found


def in_dateline(doc: Doc, token: Token) -> bool:
    """Whether ``token`` is part of the dateline of its sentence."""
    sentence = sentence_of(token)
    found = find_dateline(sentence)
    return found is not None and token.idx - sentence.start_char < found.end


def inside_dateline(sentence: Span, char: int) -> bool:
    """Whether the character offset ``char`` (into the document) lies inside the sentence's dateline."""
    found = find_dateline(sentence)
    return found is not None and char - sentence.start_char < found.end
