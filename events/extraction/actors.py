"""Actors of an event: who acted, with whom, on whom.

Actors come from spaCy's entities in the trigger's own clause: its subject (initiator), the objects of
"with"/"between" (participants) or its direct object (target). A per-article alias table maps a short
mention to the full name the article used before it ("Blinken" -> "Antony Blinken"; "met with Yi" ->
"Wang Yi"), and "he"/"she" go to the person most recently named as a subject.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from events.domain.vocabulary import ActorKind, ActorRole, EventType
from events.extraction.demonyms import country_of_demonym
from events.extraction.doc_views import headline_chars, sentence_of
from events.extraction.gazetteer import capitals, country_code, fold, state_of_capital
from events.extraction.nlp import UNWELCOME_STATUS
from events.extraction.person_names import family_name, part_of_name
from events.extraction.places import OF_WHOSE_TYPES, names_a_country
from events.extraction.tree import entity_span, listed_in_headline_subject, placing_preposition, through_partitive
from events.extraction.triggers import (
    CONVENING_VERBS,
    CROWD_NOUNS,
    ENCOUNTER_CRAFT,
    ENVOY_NOUNS,
    GUEST_NOUNS,
    IMPOSE_VERBS,
    LEAVE_VERBS,
    MISSION_NOUNS,
    PERSON_NOUNS,
    RESTORE_VERBS,
    SENT_PEOPLE,
    SIDE_LABELS,
    STATE_BODY_INSTITUTIONS,
    STATE_SERVICES,
    TIES_VERBS,
    TRADE_STOPPING_VERBS,
    VERBS,
    Trigger,
    compound_read_as_subject,
    country_tagged_a_region,
    joined_body_of,
    prep_objects,
    verb_read_as_plural_noun,
)
from events.extraction.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KINDS = {"PERSON": ActorKind.PERSON, "GPE": ActorKind.STATE, "NORP": ActorKind.STATE, "ORG": ActorKind.ORGANIZATION}
TARGETED = frozenset(
    {EventType.SANCTION, EventType.SUMMONS, EventType.DETENTION, EventType.RELEASE, EventType.EXPULSION,
     EventType.REJECTION, EventType.MILITARY_ACTION, EventType.EXPORT_CONTROL, EventType.PROTEST,
     EventType.ABDUCTION, EventType.SEIZURE}
)  # fmt: skip
# Acts aimed at a target, which "at" names: "fired warning shots at a fishing vessel".
AIMED = frozenset({EventType.INCIDENT, EventType.MILITARY_ACTION})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRIVATE_PEOPLE = frozenset(
    {"businessman", "businesswoman", "journalist", "reporter", "pastor", "tourist", "student", "citizen",
     "national", "man", "woman", "resident", "worker", "executive", "activist", "teacher", "engineer"}
) | CROWD_NOUNS  # fmt: skip
# Acts a host state does to an envoy posted to it.
HOSTS_ACT_TYPES = frozenset({EventType.SUMMONS, EventType.EXPULSION})
# Prepositions of the setting a speaker is in: "said in a meeting with", "told them during talks with".
SETTING_PREPS = frozenset({"in", "during", "at"})
# Words of a person's title between an employer and the name: "Vantor Corp. chief executive Ellen Quist".
TITLE_WORDS_MAX = 4
DATELINE_DASHES = frozenset({"—", "–", "--"})
DATELINE_TOKENS = 10
_TITLE_WORDS = re.compile(
    r"^(?:(?:President|Prime Minister|PM|P\.M\.|Secretary|Minister|Premier|Chancellor|Gen\.|Adm\.)\s+)+"
)


def _headline_verb(token: Token) -> bool:
    """ "Visits" in "Chilean President Boric Visits Peru": a capitalised verb of the engine's vocabulary
    in the third person, in the text's first line (a headline in title case), which the model ran into the
    name before it."""
    word = token.lower_
    if not token.text[:1].isupper() or not word.endswith("s"):
        return False
    if token.idx >= headline_chars(token.doc):
        return False
    stems = {word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else ""}
    return bool(stems & HEADLINE_VERB_LEMMAS)


def _clean_name(span: Span) -> str:
    if len(span) > 1 and span.label_ == "PERSON":
        # The model may run a title-case headline's name on through its verb and the verb's object
        # ("Chavez Cuts All Ties"): the name ends before the verb.
        cut = next((t.i for t in span[1:] if _headline_verb(t)), None)
        if cut is not None:
            span = span.doc[span.start : cut]
    text = span.text.strip()
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"^[Tt]he\s+", "", text)  # "The European Union" opening a sentence is the European Union
    # A name never ends in a title of address: "Tuilaepa Dr. Sa'ilele ...", the model's span cut after "Dr.".
    text = re.sub(r"\s+(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sir)\.?$", "", text)
    return _TITLE_WORDS.sub("", text).strip()


# Words for people quoted as sources of the news, not its actors: "ministry spokesman Ana Ruiz told reporters".
SOURCE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "analyst", "expert", "researcher", "professor", "economist",
     "correspondent", "commentator"}
)  # fmt: skip


def _a_source(name: Token) -> bool:
    """Whether the person is named by a word for a source ("spokesman Ana Ruiz", "analyst Luis Quispe"): a
    "he" in the next sentence means the story's actor, not its source."""
    return any(c.dep_ in {"compound", "appos", "amod"} and c.lemma_.lower() in SOURCE_NOUNS for c in name.children)


def _main_line(verb: Token) -> bool:
    """A main clause's verb, or that of what a main clause reports ("Ruiz will fly to Quito, a spokesman said")."""
    if verb.dep_ == "ROOT":
        return True
    said = verb.head
    saying = said.lemma_.lower() in SAYING_LEMMAS | {"tell"}
    return verb.dep_ in {"ccomp", "parataxis"} and said.dep_ == "ROOT" and saying


@dataclass
class AliasTable:
    """Short forms of the people an article names, resolved to the fullest earlier form.

    Indexed by first and last word so a long article costs linear time, not quadratic.
    """

    _by_word: dict[str, dict[str, int]] = field(default_factory=dict)
    _subject_positions: list[int] = field(default_factory=list)
    _subject_names: list[str] = field(default_factory=list)
    _mention_positions: list[int] = field(default_factory=list)
    _mention_names: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc) -> AliasTable:
        table = cls()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _clean_name(ent)
            words = name.split()
            if not words or fold(name) in capitals():
                continue  # "Buenos Aires recalled its envoy": a capital the model took for a person
            for word in {words[0], words[-1]}:
                table._by_word.setdefault(word, {}).setdefault(name, ent.start)
            resolved = table.resolve(name, ent.start)
            table._mention_positions.append(ent.start)
            table._mention_names.append(resolved)
            if ent.root.dep_ in {"nsubj", "nsubjpass"} and _main_line(ent.root.head) and not _a_source(ent.root):
                table._subject_positions.append(ent.start)
                table._subject_names.append(resolved)
        # "Halvorsen took office ... She met Ruiz": a short form the tagger left untagged, of a person named in
        # full before, is a main clause's subject too (what "she" in the next sentence most likely means).
        untagged = [
            t
            for t in doc
            if (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()))
            and not t.ent_type_
            and t.dep_ in {"nsubj", "nsubjpass"}
            and _main_line(t.head)
            and table.is_person(t.text)
        ]
        if untagged:
            subjects = sorted(
                [
                    *zip(table._subject_positions, table._subject_names, strict=True),
                    *((t.i, table.resolve(t.text, t.i)) for t in untagged),
                ]
            )
            table._subject_positions = [position for position, _ in subjects]
            table._subject_names = [name for _, name in subjects]
        return table

    def resolve(self, name: str, position: int) -> str:
        """The fullest name mentioned before ``position`` that this name is a part of."""
        parts = name.split()
        if not parts:
            return name
        best = name
        for word in {parts[0], parts[-1]}:
            for full, first_seen in self._by_word.get(word, {}).items():
                words = full.split()
                if first_seen <= position and len(words) > len(best.split()) and part_of_name(parts, words):
                    best = full
        return best

    def is_person(self, name: str) -> bool:
        """Whether the article names a person by this word ("Blinken" tagged as a place in one sentence)."""
        parts = name.split()
        return bool(parts) and any(
            part_of_name(parts, full.split())
            for full in self._by_word.get(parts[-1], {}) | self._by_word.get(parts[0], {})
        )

    def last_person_before(self, position: int) -> str | None:
        upto = bisect.bisect_left(self._subject_positions, position)
        if upto:
            return self._subject_names[upto - 1]
        upto = bisect.bisect_left(self._mention_positions, position)
        return self._mention_names[upto - 1] if upto else None


def unnamed_antecedent(pronoun: Token) -> Token | None:
    """The common noun by which its own sentence names the person "he" or "she" takes up ("a former Iranian
    official ...; he was freed"), with no named person between them; else None."""
    if pronoun.lower_ not in {"he", "she"}:
        return None
    for word in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if word.ent_type_ == "PERSON":
            return None
        if word.tag_ == "NN" and word.lemma_.lower() in PERSON_NOUNS and word.dep_ in ARGUMENT_DEPS:
            return word
    return None


# Where a noun stands as an argument of its clause.
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})


def _entity_of(doc: Doc, token: Token) -> Span | None:
    if token.ent_type_ not in KINDS:
        return None
    entity = entity_span(doc, token)
    if entity is not None and in_dateline(doc, entity[0]):
        # "TOKYO Japan summoned ...", "Brussels - European Union leaders": the model ran the dateline's city
        # into the name.
        rest = [t for t in entity if not in_dateline(doc, t) and not t.is_punct]
        if not rest or (len(rest) == 1 and _common_people_word(rest[0])):
            return None  # "VIENNA - Negotiators": the sentence's first word, capitalised, is no name
        return doc[rest[0].i : entity.end]
    return entity


def _glued_to_dateline_date(doc: Doc, token: Token) -> bool:
    """ "KYIV, Jan 8 - Russia and Ukraine ...": a word after the dateline the model ran into its date."""
    if token.ent_type_ != "DATE" or in_dateline(doc, token):
        return False
    entity = entity_span(doc, token)
    return entity is not None and in_dateline(doc, entity[0])


def _common_people_word(token: Token) -> bool:
    """A word for people by what they do ("Negotiators", "Envoys", "Delegates"), capitalised only because it
    opens the sentence."""
    word = token.lower_
    return bool({word, word.removesuffix("s")} & (GUEST_NOUNS | PERSON_NOUNS | SENT_PEOPLE))


def in_dateline(doc: Doc, token: Token) -> bool:
    """Whether ``token`` is in a wire dateline ("SAN DIEGO (AP) —", "HONIARA, Solomon Islands (AP) —"):
    a sentence opening with a word in capitals and a dash within its first words. A dateline names where
    the story was filed, not who acted."""
    from events.extraction.dateline import in_dateline as inside

    if inside(doc, token):
        return True
    start = sentence_of(token).start
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) > 2) or token.i - start > DATELINE_TOKENS:
        return False
    return any(t.text in DATELINE_DASHES for t in doc[token.i + 1 : start + DATELINE_TOKENS + 1])


# Verbs of saying whose subject a pronoun in what was said stands for: "Canada said it would impose tariffs".
SAYING_LEMMAS = frozenset({"say", "announce", "warn", "vow", "pledge", "threaten", "insist", "confirm", "state"})

# The verbs a headline may run into a name: the engine's event verbs, and the verbs of ties, measures and
# leaving that its phrase rules read ("Chavez Cuts All Ties", "Zembla Lifts Curbs").
HEADLINE_VERB_LEMMAS = (
    VERBS.keys() | SAYING_LEMMAS | TIES_VERBS | IMPOSE_VERBS | TRADE_STOPPING_VERBS | LEAVE_VERBS | RESTORE_VERBS
)


# A state's bodies and missions, which a pronoun "it" in what they say stands for.
SAYING_BODIES = STATE_BODY_INSTITUTIONS | MISSION_NOUNS


def _sayer_of(pronoun: Token) -> Token | None:
    """The named state, body or group that said what the pronoun's clause tells ("Canada said it would impose
    tariffs", "Mexico said it would announce its own measures"): the subject of the saying verb above."""
    subject = _speaker_of(pronoun, SAYING_LEMMAS)
    if subject is None:
        return None
    # "Peru's ministry says it has ...", "the Chilean embassy says it is to ...": a state's body or mission,
    # which stands for the state that owns it.
    body = subject.lemma_.lower() in SAYING_BODIES
    return subject if subject.ent_type_ in {"GPE", "ORG", "NORP"} or body else None


def _speaker_of(word: Token, verbs: frozenset[str]) -> Token | None:
    """The subject of the verb of ``verbs`` whose reported clause the word stands in (through "to" clauses and
    clauses joined by "and")."""
    clause = word.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in verbs:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


# Nouns of a state that its name completes with "of": "the island state of Nauru", "the kingdom of Tonga".
STATE_WORDS = frozenset({"nation", "country", "state", "kingdom", "republic", "emirate", "principality"})


def _actors_for(doc: Doc, token: Token, role: ActorRole, aliases: AliasTable) -> list[Actor]:
    if in_dateline(doc, token) or UNWELCOME_STATUS.fullmatch(token.text):
        return []
    if token.lower_ in PERSON_PRONOUNS:
        if unnamed_antecedent(token) is not None:
            return []  # "convicted a former official in 2022; he was freed in 2024": the official, whom no name tells
        name = aliases.last_person_before(token.i)
        return [Actor(name, ActorKind.PERSON, role)] if name else []
    if token.lower_ == "whom":
        person = _person_before(doc, token)
        return _actors_for(doc, person, role, aliases) if person is not None else []
    if token.lower_ in {"it", "they"} and token.dep_ in {"nsubj", "nsubjpass"}:
        sayer = _sayer_of(token)
        if sayer is None:
            return []
        # "Peru and Bolivia said they have agreed": "they" stands for every sayer joined by "and".
        sayers = [sayer, *sayer.conjuncts] if token.lower_ == "they" else [sayer]
        return [actor for one in sayers for actor in _actors_for(doc, one, role, aliases)]
    if token.lemma_.lower() == "government" and all(c.dep_ == "det" for c in token.children):
        # "Turkey's foreign minister told reporters that the government was cutting ties": the government is the
        # state of the official who tells of it.
        speaker = _speaker_of(token, SAYING_LEMMAS | {"tell"})
        if speaker is not None:
            return [Actor(name, ActorKind.STATE, role) for name in _states_behind(doc, speaker, nationalities=True)]
    ent = _entity_of(doc, token)
    if ent is not None and ent.text.islower():
        ent = None  # "Iran's navy", "the coast guard" tagged as a body: a common noun names no one; its owner may
    if ent is None and (located := country_tagged_a_region(token)) is not None:
        return [Actor(located[1], ActorKind.STATE, role)]  # "South Sudan" tagged a region: the state
    misread = not token.ent_type_ or _glued_to_dateline_date(doc, token)
    if ent is None and token.pos_ == "PROPN" and misread and (untagged := country_code(token.text)):
        # "QUITO (Reuters) - Peru on Monday lodged ...": a country's name the model left untagged is the state.
        return [Actor(untagged[1], ActorKind.STATE, role)]
    if ent is None and token.pos_ == "PROPN" and aliases.is_person(token.text):
        # "Prime Minister Narendra Modi ... Modi arrives": a short form the tagger left untagged, of a person
        # the article named in full before.
        return [Actor(aliases.resolve(token.text, token.i), ActorKind.PERSON, role)]
    if ent is None:
        named = [c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if named:  # "the journalist, Nathan Marsh,": the person the noun is put beside
            return _actors_for(doc, named[0], role, aliases)
        # "China's defense minister", "U.S. and Chinese officials": the states behind unnamed officials;
        # "a Texas businessman" is a private person from a place, not the state of Texas acting. A
        # nationality names the state only for who acts: "summoned the Chinese ambassador" keeps its
        # object whole (the title reads "Tokyo summons Chinese ambassador", not "Tokyo summons China").
        if token.lemma_.lower() in PRIVATE_PEOPLE:
            return []
        if token.lemma_.lower() in GROUP_NOUNS and (bodies := _bodies_behind(doc, token)):
            # "Israel and the Hamas movement agreed": a word for a group is the group its name in front names.
            return [Actor(name, ActorKind.ORGANIZATION, role) for name in bodies]
        pair = _the_two_countries_told(doc, token)
        if pair:
            return [Actor(name, ActorKind.STATE, role) for name in pair]
        told = _the_country_told(doc, token)
        if told is not None:
            return [Actor(told, ActorKind.STATE, role)]
        # A craft is its state's whichever side it is on: on the receiving end, "a Zemblan trawler" is Zembla.
        craft = token.lemma_.lower() in ENCOUNTER_CRAFT
        # "met his Peruvian counterpart": an official met, called or received takes part for the state.
        met = role is ActorRole.PARTICIPANT and token.lemma_.lower() in GUEST_NOUNS
        names = _states_behind(doc, token, nationalities=role is ActorRole.INITIATOR or craft or met)
        # "navy personnel of the Maldives": people of a state's service are the service's (a "navy jet" is a craft).
        of_a_service = token.lemma_.lower() in SERVICE_PEOPLE and any(
            c.dep_ == "compound" and c.lemma_.lower() in STATE_SERVICES for c in token.children
        )
        if not names and (token.lemma_.lower() in GUEST_NOUNS | STATE_SERVICES | STATE_WORDS or of_a_service):
            # "the foreign ministers of Japan, China and South Korea", "the navies of Ostland and Zembla", "the
            # Andean nation of Bolivia"
            # A country after "of" is the state whatever the tagger took it for ("of Maldives" read as a body).
            names = _states_of(doc, token) or _countries_named_of(doc, token)
            if not names and token.lemma_.lower() not in STATE_WORDS:
                # "NATO leaders", "EU foreign ministers": officials of a body act for it.
                return [Actor(name, ActorKind.ORGANIZATION, role) for name in _bodies_behind(doc, token)]
        return [Actor(name, ActorKind.STATE, role) for name in names]
    name = _clean_name(ent)
    if not name:
        return []
    if token.ent_type_ == "NORP":  # "the Chinese protested": a state only if the word is a nationality
        country = country_of_demonym(name)
        if country is None and aliases.is_person(name):
            # "Prime Minister Mark Carney ... Carney met": a person's short form the model took for a nationality
            return [Actor(aliases.resolve(name, ent.start), ActorKind.PERSON, role)]
        return [Actor(country, ActorKind.STATE, role)] if country else []
    kind = KINDS[token.ent_type_]
    words = name.split()
    if kind is ActorKind.ORGANIZATION and len(words) > 1 and words[-1].lower() in MISSION_NOUNS:
        # "the Peruvian Embassy shut its doors": a mission acts for the state that sends it.
        sender = country_code(" ".join(words[:-1])) or _demonym_code(" ".join(words[:-1]))
        if sender is not None:
            return [Actor(sender[1], ActorKind.STATE, role)]
    if kind is not ActorKind.PERSON and aliases.is_person(name):
        kind = ActorKind.PERSON
    elif kind is not ActorKind.STATE and not aliases.is_person(name) and fold(name) in capitals():
        kind = ActorKind.STATE  # a capital the model took for a person or a body (see AliasTable.build)
    elif kind is ActorKind.ORGANIZATION and country_code(name) is not None:
        kind = ActorKind.STATE  # "Moldova announced a ban": a country's name the model took for a body
    if kind is ActorKind.STATE and country_code(name) is None and (state := state_of_capital(name)):
        name = state  # "Washington imposed sanctions on Damascus": the capitals stand for their governments
    if kind is ActorKind.PERSON:
        name = aliases.resolve(name, ent.start)
    return [Actor(name, kind, role)]


def _demonym_code(words: str) -> tuple[str, str] | None:
    """The country a nationality names, with its code ("Chinese" -> CN, China)."""
    country = country_of_demonym(words)
    return country_code(country) if country is not None else None


def _person_before(doc: Doc, pronoun: Token) -> Token | None:
    """ "a message from President Quispe, with whom he met": "whom" stands for a person, the one named
    last before it in its sentence (the parser may hang the clause on another noun)."""
    for previous in reversed(doc[pronoun.sent.start : pronoun.i]):
        if previous.ent_type_ == "PERSON":
            return previous
    clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    if clause is not None and clause.head.lemma_.lower() in GUEST_NOUNS:
        return clause.head  # "thanked the Peruvian minister, with whom he met": an official named by office
    return None


# Common nouns that take up a state named before, as English refers back to a state: "the country's admission".
STATE_ANAPHORS = frozenset({"country", "nation"})


def _the_country_told(doc: Doc, token: Token) -> str | None:
    """ "Finland ... the country's admission to the alliance": "the country" takes up the last country named before it
    in its sentence or the one before."""
    if token.lemma_.lower() not in STATE_ANAPHORS or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return None
    if any(c.dep_ in {"amod", "compound", "prep"} for c in token.children):
        return None  # "the host country", "the country of origin": another one
    start = token.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for previous in reversed(doc[start : token.i]):
        if previous.ent_type_ == "GPE" and previous.ent_iob_ == "B":
            ent = _entity_of(doc, previous)
            if ent is not None and (named := country_code(_clean_name(ent))) is not None:
                return named[1]
    return None


def _the_two_countries_told(doc: Doc, token: Token) -> list[str]:
    """ "Peru has restored relations with Bolivia, which had broken with Chile. Both countries then signed ...":
    "the two countries" or "both countries" take up the first two countries the sentence before names (a story
    names its pair first); none when it names fewer."""
    if token.lemma_.lower() not in STATE_ANAPHORS or token.tag_ != "NNS":
        return []
    # A noun of a state with a quantifier of two ("two", "both") refers back to a pair, as English pronouns of
    # a pair do; the words are the quantifier's, not any article's.
    if not any(c.lower_ in {"two", "both"} and c.dep_ in {"nummod", "det", "predet"} for c in token.children):
        return []
    start = token.sent.start
    if start == 0:
        return []
    named: list[str] = []
    for previous in doc[doc[start - 1].sent.start : start]:
        if previous.ent_type_ == "GPE" and previous.ent_iob_ == "B":
            ent = _entity_of(doc, previous)
            found = country_code(_clean_name(ent)) if ent is not None else None
            if found is not None and found[1] not in named:
                named.append(found[1])
    return named[:2] if len(named) >= 2 else []


def _states_behind(doc: Doc, token: Token, *, nationalities: bool) -> list[str]:
    """The states a noun's modifiers name, conjoined ones included: "U.S. and Chinese officials"."""
    labels = {"GPE", "NORP"} if nationalities else {"GPE"}
    names: list[str] = []
    # "a Russian fighter jet": the parser may hang the nationality on the compound before the noun.
    compounds = [c for c in token.children if c.dep_ == "compound" and c.i < token.i and not c.ent_type_]
    for child in [*token.children, *(g for c in compounds for g in c.children if g.dep_ == "amod")]:
        if child.dep_ not in {"poss", "compound", "amod", "nmod"} or child.ent_type_ not in labels:
            continue
        for modifier in [child, *child.conjuncts]:
            ent = _entity_of(doc, modifier)
            if ent is None:
                continue
            if modifier.ent_type_ == "GPE":
                name: str | None = _clean_name(ent)
                if name and country_code(name) is None and (state := state_of_capital(name)):
                    name = state  # "Moscow's envoy" is Russia's
                elif name and country_code(name) is None and (country := country_of_demonym(name)):
                    name = country  # "Ukrainian and Russian delegations", the first tagged a place
            elif modifier.ent_type_ == "NORP" and nationalities:
                name = country_of_demonym(_clean_name(ent))
            else:
                name = None
            if name and name not in names:
                names.append(name)
    return names


def _entity_names(doc: Doc, tokens: list[Token], label: str) -> list[str]:
    """The names of the ``label`` entities the tokens stand in, each once, in order."""
    names: list[str] = []
    for token in tokens:
        ent = _entity_of(doc, token) if token.ent_type_ == label else None
        name = _clean_name(ent) if ent is not None else ""
        if name and name not in names:
            names.append(name)
    return names


# Words for the people of a service: "navy personnel", "coast guard officers".
SERVICE_PEOPLE = frozenset({"personnel", "staff", "officer", "crew", "member"})
# Words for an organised group, which a name in front of them names: "the Hamas movement", "the Wafd party".
GROUP_NOUNS = frozenset({"movement", "group", "party", "militia", "faction", "organisation", "organization"})


def _bodies_behind(doc: Doc, token: Token) -> list[str]:
    """The bodies an office noun's modifiers name: "NATO leaders", "EU foreign ministers"."""
    modifiers = [c for c in token.children if c.dep_ in {"compound", "nmod"} and c.i < token.i]
    return _entity_names(doc, modifiers, "ORG")


def _states_of(doc: Doc, token: Token) -> list[str]:
    """The states an office is "of" or comes "from": "the foreign ministers of Japan, China and South Korea",
    "delegations from Peru and Ecuador"."""
    return _entity_names(doc, _objects_of(token, {"of", "from"}), "GPE")


def _objects_of(token: Token, prepositions: set[str]) -> list[Token]:
    """The objects of the token's prepositions, with their conjuncts: Japan, China and South Korea in "of Japan,
    China and South Korea"."""
    return [
        g
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in prepositions
        for c in prep.children
        if c.dep_ == "pobj"
        for g in [c, *c.conjuncts]
    ]


def _countries_named_of(doc: Doc, token: Token) -> list[str]:
    """Countries named after "of" whatever the tagger took them for: "the nation of Paraguay" (tagged a body)."""
    names: list[str] = []
    for place in _objects_of(token, {"of"}):
        ent = _entity_of(doc, place)
        code = country_code(_clean_name(ent)) if ent is not None else None
        if code is not None and code[1] not in names:
            names.append(code[1])
    return names


def _with_conjuncts(token: Token) -> list[Token]:
    found = [token]
    for conj in token.conjuncts:
        if conj.i > token.i:
            found.append(conj)
    # "Ostland, the Varel Republic, Zembla and Osten cut ties": the parser may read the second state
    # of a list as an apposition to the first; one state is never another's apposition.
    for listed in (c for c in token.children if c.dep_ == "appos" and names_a_country(c) and names_a_country(token)):
        found += [listed, *(c for c in listed.conjuncts if c.i > listed.i)]
    return found


def _subject_of(token: Token, *, acted_on_when_passive: bool) -> tuple[list[Token], list[Token]]:
    """Who acted and who was acted on, from the subject of a trigger verb, looking through "plans to
    meet", "postponed plans to visit". With ``acted_on_when_passive`` (arrests, expulsions: acts done
    to someone), the trigger's own passive subject was acted on ("Marsh was arrested") and its agent
    acted ("... by the police"); a subject raised from a verb above ("Whitfield is scheduled to visit")
    and the subject of "was sworn in" still act."""
    current = token
    raised = False
    for _ in range(4):
        # "VIENNA (AP) — U.S. and Chinese officials held talks": the parser may take the dateline for a
        # second subject; it names where the story was filed.
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"} and not in_dateline(current.doc, c)]
        if not subjects:
            # "KYIV, Ukraine (AP) — Ukraine and Poland signed ...": the parser makes the dateline the subject and
            # hangs the true one on it, after the dash.
            # Or, with no agency, joins the true one to it: "Lima, Peru — Chile and Peru signed ...".
            subjects = [
                a
                for c in current.children
                if c.dep_ in {"nsubj", "nsubjpass"}
                for a in c.subtree
                if a.dep_ in {"appos", "conj"} and in_dateline(current.doc, a.head) and not in_dateline(current.doc, a)
            ][:1]
        if not subjects and verb_read_as_plural_noun(current):
            # "Zembla expels Ostland envoy": the tagger's plural noun hangs its subject on itself as a compound.
            subjects = [c for c in current.children if c.dep_ == "compound" and c.i < current.i][:1]
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if subjects or agents:
            acted: list[Token] = agents[:1]
            acted_on: list[Token] = []
            if subjects:
                subject = subjects[0]
                passive = subject.dep_ == "nsubjpass" and not raised and acted_on_when_passive
                if subject.lower_ in {"who", "that", "which"} and current.dep_ == "relcl":
                    subject = current.head  # "Mark Swidan, who has been imprisoned": the antecedent
                if passive:
                    acted_on = [subject]
                elif not (subject.dep_ == "nsubjpass" and agents and not raised):
                    acted = [subject]  # "the pact was signed by Ruiz and Quispe": the agents sign, not the pact
            # "Colombia, Venezuela restore ties": a headline's list of subjects, the first read as an adverb.
            listed = [c for c in current.children if listed_in_headline_subject(c, current)]
            return (
                [*listed, *(t for a in acted for t in _with_conjuncts(a))],
                [t for a in acted_on for t in _with_conjuncts(a)],
            )
        controller = (
            next((c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i), None)
            if current.dep_ == "xcomp"
            else None
        )
        if controller is None:
            controller = _blamed_for(current)
        if controller is not None:
            return _with_conjuncts(controller), []  # "prompting Lima to summon the envoy": Lima summons
        # "retaliated by shooting down two jets": a gerund under a preposition shares its verb's subject, as
        # does a participle clause with none of its own ("Li offered a hint, saying ...").
        participle = current.dep_ == "advcl" and current.tag_ in {"VBG", "VBN"}
        climbs = current.dep_ in {"xcomp", "acomp", "acl", "dobj", "conj", "pobj", "prep", "pcomp"} or participle
        if climbs and current.head.i != current.i:
            raised = raised or current.dep_ != "conj"  # "arrested and convicted" share one subject
            current = current.head
        else:
            break
    return [], []


def _owned_act(noun: Token) -> bool:
    """ "will attend the inauguration of Peru's president": an act named with whose it is; who attends it
    takes part in it."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)


def _setting_of_the_act(trigger: Trigger, prep: Token) -> bool:
    return prep.lower_ in SETTING_PREPS or (prep.lower_ == "on" and trigger.type is EventType.VISIT)


def _owned_by_subject(noun: Token) -> bool:
    """ "Chile celebrated its entry", "Peru marked its accession": "its" on an event noun the verb takes as
    object stands for the verb's subject."""
    return noun.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children)


# Verbs that blame, thank or punish someone for what they did: "criticised Ostland for holding drills",
# "accused Lima of expelling the envoy", "sanctioned the firm for supplying drones".
JUDGING_VERBS = frozenset(
    {"criticise", "criticize", "accuse", "blame", "condemn", "denounce", "fault", "rebuke", "chastise", "assail",
     "slam", "attack", "thank", "praise", "commend", "congratulate", "punish", "sanction", "fine", "penalize",
     "penalise", "reward", "censure", "reprimand", "scold", "berate", "castigate", "lambaste", "chide"}
)  # fmt: skip
JUDGED_FOR_PREPS = frozenset({"for", "of", "over", "on"})


def _blamed_for(token: Token) -> Token | None:
    """The doer of a gerund told as what someone is blamed, thanked or punished for: the one judged, the
    judging verb's object ("Zembla criticised Ostland for holding drills": Ostland holds them)."""
    if token.tag_ != "VBG" or token.dep_ not in {"pcomp", "pobj"} or token.head.lower_ not in JUDGED_FOR_PREPS:
        return None
    verb = token.head.head
    if verb.lemma_.lower() not in JUDGING_VERBS or token.head.dep_ != "prep":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < token.i), None)


def _antecedent_of_whose(token: Token) -> Token:
    """ "Maduro, whose third inauguration took place in January": "whose" stands for the noun its relative
    clause describes."""
    if token.lower_ != "whose":
        return token
    clause = token.head
    for _ in range(4):
        if clause.dep_ == "relcl":
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return token


def _employer_of_named_person(doc: Doc, token: Token) -> bool:
    """ "a meeting with Vantor Corp. co-founder Ellen Quist": a body named before a person's title is where
    the person works, not a side of the event."""
    if token.ent_type_ != "ORG":
        return False
    ent = entity_span(doc, token)
    if ent is None:
        return False
    after = ent.end
    while after < len(doc) and after - ent.end < TITLE_WORDS_MAX and doc[after].pos_ in {"NOUN", "PUNCT", "ADJ"}:
        if doc[after].text in {",", ";", "(", ")"}:
            return False
        after += 1
    return after > ent.end and after < len(doc) and doc[after].ent_type_ == "PERSON"


# Verbs whose subject carries out the act their object names: "completed the withdrawal", "began the pullout".
CARRYING_OUT = frozenset({"complete", "finish", "begin", "start", "launch", "resume"})
# Verbs of taking part in a gathering someone else holds: "attend a summit", "join the talks", "skip the forum".
TAKING_PART_VERBS = frozenset({"attend", "join", "skip", "boycott", "miss"})
GATHERING_TYPES = frozenset({EventType.SUMMIT})
# Prepositions that place an act rather than name a side: "met in Almaty in May and in Rome in July".
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across"})


def _named_as_setting(token: Token) -> bool:
    """ "met in Almaty in May 2024 and again in Washington in July": a place after "in" is where, not with whom."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "in Lugano in 2022 and London last year": London is where, as Lugano is
    if token.ent_type_ not in {"GPE", "LOC", "FAC"}:
        return False
    if first.pos_ in {"VERB", "AUX", "NOUN"} and first.i != token.i:
        # "follows gatherings in Lugano in 2022 and London last year", the place read as a conjunct of the
        # verb or of the event noun: a gapped clause repeats the place of the first half.
        return any(
            t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.ent_type_ in {"GPE", "LOC", "FAC"}
            for t in first.subtree
            if t.i < token.i
        )
    return first.dep_ == "pobj" and first.head.lower_ in PLACE_PREPS


# Measures a side imposes on another: the target hangs on the measure ("sanctions on Zembla").
MEASURE_TYPES = frozenset({EventType.SANCTION, EventType.EXPORT_CONTROL})


BETWEEN = frozenset({"between"})


def find_actors(
    doc: Doc, trigger: Trigger, aliases: AliasTable, *, window: tuple[int, int] | None = None
) -> tuple[Actor, ...]:
    """Who acted (initiators) and with or on whom. With ``window`` (token positions) the partners are the
    people and bodies named there: "meet A on Sunday, B and C on Monday" meets B and C on Monday."""
    token = doc[trigger.i]
    head = doc[trigger.head_i]
    initiators: list[Token] = []
    others: list[Token] = []
    done_to = trigger.type in TARGETED
    if trigger.nominal:
        initiators = [c for c in token.children if c.dep_ == "poss"]
        # "a planned visit to Moscow by Slovakia's foreign minister": "by" names who makes it.
        initiators += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
        if trigger.type in OF_WHOSE_TYPES:
            # "the inauguration of Peru's new president": whose inauguration it is
            initiators += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        elif trigger.type is EventType.VISIT:
            # "crowds lined the streets for the visit of President Ruiz": who visits (not "a visit of two days")
            initiators += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"}
            ]
        initiators = [t for c in initiators if c.dep_ in {"poss", "pobj"} for t in _with_conjuncts(c)]
        initiators = [_antecedent_of_whose(t) for t in initiators]
        # "China and Japan will hold their first summit": a possessive pronoun points at the holders, who
        # are the light verb's subject.
        initiators = [t for t in initiators if t.pos_ != "PRON"]
        if initiators and head.i != token.i and head.lemma_.lower() in TAKING_PART_VERBS:
            # "Chile's president will attend the inauguration of Peru's president": who attends takes part
            others.extend(_subject_of(head, acted_on_when_passive=False)[0])
        if not initiators and head.i == token.i and _owned_by_subject(token):
            # "Hungary celebrated its entry into NATO": "its" on the verb's object is the verb's subject.
            initiators, _ = _subject_of(token.head, acted_on_when_passive=False)
        if compound_read_as_subject(token):
            # "Chinese military drills": the compound's first noun, read as a subject, keeps the nationality.
            first = doc[token.i - 1]
            named = [c for c in (*first.children, *token.children) if c.dep_ in {"amod", "compound"} and c.i < token.i]
            initiators += [c for c in named if c.ent_type_ in {"NORP", "GPE"}]
        if not initiators and trigger.rule == "noun:welcome" and token.dep_ == "dobj":
            # "Boric was accorded a state welcome by Quispe": the guest, welcomed by the host.
            initiators = [c for c in token.head.children if c.dep_ == "nsubjpass"]
            others.extend(g for c in token.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
        if not initiators and head.i == token.i and token.dep_ == "dobj" and token.head.lemma_.lower() == "announce":
            # "Chile announced the recall of its ambassador": who announces an act of its own performs it.
            initiators, _ = _subject_of(token.head, acted_on_when_passive=False)
        if not initiators and head.i == token.i and token.dep_ == "dobj" and token.head.lemma_.lower() in CARRYING_OUT:
            head = token.head  # "troops have completed disengagement": who completes it carries it out
        if not initiators and head.i != token.i:
            initiators, acted_on = _subject_of(head, acted_on_when_passive=done_to)
            others.extend(t for t in acted_on if t.i != token.i)
            taking_part = TAKING_PART_VERBS | (CONVENING_VERBS if trigger.type in GATHERING_TYPES else frozenset())
            if (trigger.type in GATHERING_TYPES or _owned_act(token)) and head.lemma_.lower() in taking_part:
                # "Iran's president will attend a summit in Riyadh", "leaders will meet in Lima for a summit": one
                # who attends takes part; the host is whoever holds it.
                others.extend(initiators)
                initiators = []
        elif not initiators and token.dep_ == "pobj" and _setting_of_the_act(trigger, placing_preposition(token)):
            # "speaking at a meeting with X": who speaks at the meeting takes part in it; "paid tribute on a
            # visit to Kenya" (or "is at the start of a visit to Kenya"): who pays it makes the visit.
            prep = placing_preposition(token)
            verb = prep.head
            if verb.pos_ in {"VERB", "AUX"} and verb.i != prep.i:
                initiators, _ = _subject_of(verb, acted_on_when_passive=False)
    else:
        initiators, acted_on = _subject_of(token, acted_on_when_passive=done_to)
        others.extend(acted_on)
    sources = {token, head}
    if not trigger.nominal and trigger.type in MEASURE_TYPES | AIMED | TIE_TYPES:
        # "imposed new sanctions on Zembla": the measure's target hangs on the measure noun, the verb's object
        # (as does a volley's: "launched a wave of drones at Ostland").
        sources |= {through_partitive(c) for c in token.children if c.dep_ == "dobj"}  # "two of its crossings"
    if not trigger.nominal:
        # "the crossing between Ostland and Zembla reopened", "closed the border between the two": "between"
        # names the two sides wherever it hangs on the act's subject or object.
        others.extend(
            g
            for c in token.children
            if c.dep_ in {"nsubj", "nsubjpass", "dobj"}
            for o in prep_objects(c, BETWEEN)
            for g in _with_conjuncts(o)
        )
    if trigger.type is EventType.AGREEMENT and not trigger.nominal:
        # "ratified the trade pact with Peru": the other party hangs on what was signed or ratified
        others.extend(
            g
            for c in token.children
            if c.dep_ == "dobj"
            for o in prep_objects(c, frozenset({"with"}))
            for g in _with_conjuncts(o)
        )
    if trigger.type is EventType.ACCESSION:
        body = joined_body_of(head if trigger.rule == "verb:become-member" else token)
        others.extend([body] if body is not None else [])  # what is joined is a side ("joins NATO")
    for source in sources:
        for child in source.children:
            partner_preps = (
                {"with", "between", "by", "against", "on"}
                | (set() if trigger.type is EventType.VISIT else {"to"})  # a visit's "to" names the destination
                | ({"at"} if trigger.type in AIMED else set())  # "fired water cannon at a supply boat"
            )
            if child.dep_ == "prep" and child.lower_ in partner_preps:
                if trigger.nominal and child.lower_ == "by" and source.i == token.i:
                    continue  # an initiator, above
                others.extend(g for c in child.children if c.dep_ == "pobj" for g in _with_conjuncts(c))
            elif child.dep_ in {"dobj", "dative"} and not trigger.nominal and trigger.type not in OBJECT_NO_SIDE_TYPES:
                others.extend(_with_conjuncts(child))
            elif child.dep_ == "oprd" and trigger.rule == "verb:call-person":
                others.append(child)  # "called Ruiz on Thursday", the name read as a second object
    if window is not None:
        # The entities that start in the window, found from its own tokens (``doc.ents`` builds every entity
        # of the document, once per event: quadratic on a long text).
        named = [
            ent.root
            for start in doc[window[0] : window[1]]
            if start.ent_iob_ == "B" and start.ent_type_ in {"PERSON", "GPE", "ORG"}
            for ent in [entity_span(doc, start)]
            if ent is not None and ent.end <= window[1] and not _named_as_setting(ent.root)
            if not (trigger.type in OBJECT_NO_SIDE_TYPES and ent.root.dep_ == "dobj" and ent.root.head.i == token.i)
        ]
        if named:
            own = {t.i for t in initiators}
            others = [
                t
                for t in named
                if t.i not in own and not any(t.i in range(i.left_edge.i, i.right_edge.i + 1) for i in initiators)
            ]
    if trigger.rule in RECALL_RULES and not initiators:
        # "Brazil's envoy in Ottawa has been recalled": an envoy is recalled by the state that sent him;
        # where he was posted is the other side.
        envoys = [c for c in token.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in ENVOY_NOUNS]
        senders = [c for e in envoys for c in e.children if c.dep_ in {"poss", "amod", "compound"} and c.ent_type_]
        if senders:
            initiators = senders
            others = [
                g for e in envoys for c in e.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
            ]
    if trigger.type in HOSTS_ACT_TYPES:
        # "called in the Peruvian envoy to Chile": where the envoy serves is the host, who summons or expels,
        # not the side acted on.
        posts = [t for t in others if _envoy_s_post(t)]
        others = [t for t in others if not _envoy_s_post(t)]
        if not any(t.ent_type_ in SIDE_LABELS for t in initiators):
            initiators = [*initiators, *posts]  # "the ministry called in ...": the host's own ministry
    other_role = ActorRole.TARGET if trigger.type in TARGETED else ActorRole.PARTICIPANT
    actors: list[Actor] = []
    seen: set[str] = set()
    for role, tokens in ((ActorRole.INITIATOR, initiators), (other_role, others)):
        for candidate in tokens:
            if _employer_of_named_person(doc, candidate) or _names_the_event(doc, candidate, token):
                continue
            for actor in _actors_for(doc, candidate, role, aliases):
                if actor.name not in seen:
                    seen.add(actor.name)
                    actors.append(actor)
    return tuple(actors)


# Rules of a recall, whose envoy's own state recalls him.
RECALL_RULES = frozenset({"verb:recall-envoy", "verb:withdraw-envoy", "verb:pull-envoy"})
# Acts whose object is never a side: a visit's is the place visited, an accord's the text signed ("signed an
# Arrangement on Returns", the title tagged a body).
OBJECT_NO_SIDE_TYPES = frozenset({EventType.VISIT, EventType.AGREEMENT})


def _envoy_s_post(token: Token) -> bool:
    """Whether the word is the state an envoy is posted to ("the Peruvian envoy to Chile"): the "to" hung on
    the envoy or, right after it, on the verb that takes the envoy for object."""
    if token.dep_ != "pobj" or token.head.lower_ != "to":
        return False
    holder = token.head.head
    if holder.lemma_.lower() in ENVOY_NOUNS:
        return True
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in ENVOY_NOUNS and c.right_edge.i == token.head.i - 1
        for c in holder.children
    )


def _names_the_event(doc: Doc, candidate: Token, trigger: Token) -> bool:
    """ "convene for the Conference on Trade and Security": a word of the name the event word heads is no
    side of it."""
    entity = entity_span(doc, candidate)
    return entity is not None and entity.start <= trigger.i < entity.end and candidate.i != trigger.i


# Acts on a tie between states: "cut diplomatic ties with Chile" names the other side on the tie's noun.
TIE_TYPES = frozenset({EventType.WITHDRAWAL, EventType.TIES_RESTORED})


def short_name(actor: Actor) -> str:
    """How a headline names the actor: a person by family name ("Blinken", "Xi"), anyone else in full."""
    if actor.kind is ActorKind.PERSON:
        return family_name(actor.name)
    return actor.name
