"""Short event titles in headline style: "Blinken arrives in Beijing", "G20 summit in New Delhi".

A verb event reads subject, verb, partner or object, place: "Tokyo summons Chinese ambassador". A noun
event reads like it: the noun with the words that name it ("Asia-Pacific Economic Cooperation summit",
"Russia's full-scale invasion"), the two sides of a meeting ("U.S.–China talks") or its partners, and the
place with the preposition the sentence used ("invasion of Ukraine", "trip to Moscow", "summit in Hanoi").
Words that only say when or whether ("planned", "previous", "Sunday's") are left to the date and status.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from events.domain.vocabulary import EVENT_TYPES, ActorKind, ActorRole, EventStatus, EventType, PlaceKind
from events.extraction.actors import AIMED, RECALL_RULES, in_dateline, short_name, unnamed_antecedent
from events.extraction.gazetteer import body_seat, country_code
from events.extraction.nlp import UNWELCOME_STATUS
from events.extraction.places import OF_WHOSE_TYPES, STRETCH_NOUNS, binding_starts
from events.extraction.status import change_read_as_noun
from events.extraction.tree import entity_span, free_relative, shared_object, through_partitive
from events.extraction.triggers import (
    GUEST_NOUNS,
    MEASURE_SUBJECTS,
    MISSION_NOUNS,
    NOUNS,
    ROUND_OF,
    Trigger,
    compound_read_as_subject,
    joined_body_of,
    left_from,
    prep_objects,
    set_on_fire,
    starts_to_bind,
)
from events.extraction.types import Actor, Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MOTION = frozenset({EventType.VISIT})
IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}
# Events between sides: their partners read "between A and B" or, for two states, "A–B talks".
BETWEEN = frozenset({EventType.MEETING, EventType.TALKS, EventType.SUMMIT, EventType.PHONE_CALL})
# Modifiers of an event noun that name it ("G20 summit", "joint naval drills", "China's party congress").
NAMING_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod"})
# Adjectives that say when, whether or how sure, which the date and status already carry.
NOT_NAMING = frozenset(
    {"planned", "proposed", "scheduled", "expected", "postponed", "delayed", "cancelled", "canceled", "possible",
     "potential", "previous", "prior", "earlier", "later", "next", "last", "latest", "recent", "upcoming",
     "similar", "such", "own", "other", "same", "further", "new", "first", "second", "third", "rare", "brief",
     "likely", "future", "ongoing", "current", "former", "this", "that", "its", "their", "his", "major",
     "her", "our", "whose", "day", "week", "month", "year", "today", "tomorrow", "yesterday"}
)  # fmt: skip
LOCATION_PREPS = frozenset(
    {"in", "to", "at", "of", "on", "near", "off", "from", "into", "over", "for", "across", "along", "through", "past"}
)
TO_PLACE = frozenset({"travel", "fly", "head", "trip", "visit", "journey", "voyage"})
MAX_NAME_WORDS = 7


def third_person(lemma: str) -> str:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _join(names: list[str]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _names(actors: tuple[Actor, ...], role: ActorRole | None) -> str:
    return _join(
        [short_name(a) if role is ActorRole.INITIATOR else a.name for a in actors if role is None or a.role == role]
    )


def _spell(tokens: list[Token]) -> str:
    """Tokens in text order with the text's own spacing ("Asia-Pacific", "leaders' gathering")."""
    tokens = sorted(tokens, key=lambda t: t.i)
    parts = []
    for index, token in enumerate(tokens):
        joined_to_next = index + 1 < len(tokens) and tokens[index + 1].i == token.i + 1
        parts.append(token.text_with_ws if joined_to_next else token.text + " ")
    return "".join(parts).strip()


def _naming_tokens(doc: Doc, modifier: Token) -> list[Token]:
    """A modifier with its own modifiers, or the whole entity it is part of ("Association of Southeast
    Asian Nations"), less determiners and the words in :data:`NOT_NAMING`."""
    if modifier.lower_ in NOT_NAMING:
        return []
    if modifier.ent_type_ in {"DATE", "TIME", "ORDINAL"}:
        return [modifier] if modifier.pos_ == "ADJ" else []  # "annual meeting", not "Sunday's meeting"
    entity = entity_span(doc, modifier)
    if entity is not None and entity.label_ not in {"CARDINAL", "ORDINAL"}:
        found = [t for t in entity if t.dep_ not in {"det", "predet"}]
        found += [c for c in modifier.children if c.dep_ == "case"]  # "China's"
        return found
    found = [modifier, *_hyphened_word(doc, modifier)]
    for child in modifier.children:
        if child.dep_ == "case" or (child.dep_ == "punct" and child.text in {"-", "–"}):
            found.append(child)  # "China's", "full-scale"
        elif child.dep_ in NAMING_DEPS:
            found.extend(_naming_tokens(doc, child))
    return found


def _hyphened_word(doc: Doc, token: Token) -> list[Token]:
    """The other pieces of one hyphened word the token is part of ("follow-up", "in-person", "long-awaited"),
    whatever the parser made of them: a title keeps the word whole."""
    start = end = token.i
    while (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
    ):
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_:
        end += 2
    return [t for t in doc[start : end + 1] if t.i != token.i]


def _misparsed_owner(doc: Doc, token: Token) -> list[Token]:
    """ "a Group of 20 leaders' gathering": the parser hangs the event noun under "of" of the name; the
    name and what comes between are the noun's own modifiers."""
    prep = token.head
    if not (token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i == prep.i - 1 and prep.head.ent_type_):
        return []
    if token.i - prep.i > 4 or prep.head.ent_type_ not in {"ORG", "NORP", "GPE", "EVENT", "FAC"}:
        return []
    entity = entity_span(doc, prep.head)
    start = entity.start if entity is not None else prep.head.i
    return [t for t in doc[start : token.i] if t.dep_ not in {"det", "predet"}]


def _noun_phrase(doc: Doc, token: Token, *, lower_head: bool = True) -> str:
    """The event noun with the words that name it, capped at :data:`MAX_NAME_WORDS` words."""
    tokens: list[Token] = _misparsed_owner(doc, token)
    if not tokens and compound_read_as_subject(token):
        tokens = [t for t in doc[token.i - 1].subtree if t.dep_ not in {"det", "predet"}]  # "military drills"
    if not tokens:
        for child in token.children:
            # Not a headline's verb of change read as a modifier ("[Zembla cancels] Lima summit").
            if child.i < token.i and child.dep_ in NAMING_DEPS and change_read_as_noun(child) is None:
                tokens.extend(_naming_tokens(doc, child))
    # Never a word of the dateline the parser hung on the phrase ("BRUSSELS (Reuters) - EU ministers").
    words = sorted({t.i: t for t in tokens if t.i < token.i and not in_dateline(doc, t)}.values(), key=lambda t: t.i)
    while words and (words[0].is_punct or words[0].dep_ == "case"):
        words = words[1:]
    if len(words) >= MAX_NAME_WORDS:
        words = words[-(MAX_NAME_WORDS - 1) :]
        while words and (words[0].is_punct or words[0].dep_ == "case"):
            words = words[1:]
    head = token.text.lower() if lower_head and not _proper(token) else token.text
    head += _name_after(doc, token) or _of_whom(doc, token)
    if not words:
        return head
    spelled = _spell(words)
    glue = "" if not words[-1].whitespace_ and words[-1].i == token.i - 1 else " "
    return f"{spelled}{glue}{head}"


# Words that carry a gathering's proper name on after its head word: "the Conference on Disarmament".
NAME_LINKS = frozenset({"on", "of", "for"})


def _name_after(doc: Doc, token: Token) -> str:
    """ " on Trade and Security": the rest of a proper name its head word opens ("the Conference on Trade and
    Security", "the Summit of the Americas"), as the model tagged it."""
    if not _proper(token) or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in NAME_LINKS:
        return ""
    entity = entity_span(doc, token)
    if entity is None or entity.end <= token.i + 2:
        return ""
    return " " + doc[token.i + 1 : entity.end].text


# Offices named by what they head: "the head of the U.N. nuclear watchdog", "the chief of the army".
HEADING_NOUNS = frozenset({"head", "chief", "director", "leader", "commander"})


def _of_whom(doc: Doc, token: Token) -> str:
    """ " of U.N. nuclear watchdog" after a noun that names an office by what it heads, else ""."""
    if token.lemma_.lower() not in HEADING_NOUNS or token.pos_ != "NOUN":
        return ""
    headed = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
    if headed is None or headed.dep_ != "pobj":
        return ""
    both = "both " if any(c.dep_ in {"det", "predet"} and c.lower_ == "both" for c in headed.children) else ""
    return f" of {both}{_noun_phrase(doc, headed, lower_head=False)}"


def _proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_sent_start


def _place_preposition(doc: Doc, trigger: Trigger, location: Location) -> str:
    """The preposition that ties the place to the event in the sentence, else "to" for travel, "in"."""
    for source in {doc[trigger.i], doc[trigger.head_i]}:
        for child in source.children:
            if child.dep_ != "prep" or child.lower_ not in LOCATION_PREPS:
                continue
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                # "off the coast of South Carolina" reads "off South Carolina" in a headline.
                stretch = [g for p in obj.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
                for named in [obj, *stretch] if obj.lemma_.lower() in STRETCH_NOUNS else [obj]:
                    entity = entity_span(doc, named)
                    text = entity.text if entity is not None else named.text
                    if location.name in text or text in location.name:
                        return child.lower_
    return "to" if trigger.lemma in TO_PLACE else "in"


def _where(doc: Doc, trigger: Trigger, location: Location | None, said: str, *, worded: bool = True) -> str:
    """The place, after what the title says (``worded``: in the trigger's own words, so the sentence's
    preposition fits; else a type label, which takes "to" for travel and "in" otherwise)."""
    if location is None or location.name.lower() in said.lower() or _names_place(said, location):
        return ""  # "Tokyo summons the ambassador", not "... in Tokyo"; "U.S. to act", not "... in United States"
    if not worded:
        return f" {'to' if trigger.type is EventType.VISIT else 'in'} {location.name}"
    if (trigger.lemma in {"visit", "tour"} and not trigger.nominal) or trigger.rule == "verb:leave-city":
        return f" {location.name}"  # "visits Lima", "leaves Lima": the place is the verb's object
    return f" {_place_preposition(doc, trigger, location)} {location.name}"


def _names_place(said: str, location: Location) -> bool:
    """Whether the words already name the place by another of its names: the country ("U.S." for the United
    States), or the body whose seat it is ("U.N. Security Council authorises ...", not "... in United Nations")."""
    if location.kind not in {PlaceKind.COUNTRY, PlaceKind.VENUE}:
        return False
    for name in re.findall(r"[A-Z][\w.]*(?: [A-Z][\w.]*)*", said):
        if location.kind is PlaceKind.VENUE:
            if body_seat(name) == location:
                return True
            continue
        code = country_code(name)
        if code is not None and code[0] == location.country:
            return True
    return False


def _object_phrase(doc: Doc, token: Token, *, events_too: bool = False) -> str:
    """What a verb acted on when no named actor says it: "expels two diplomats", "opens an investigation"
    (not an event noun: "met for a summit" is no summit met)."""
    # "shot down a balloon" is at times parsed with the balloon under the particle "down"; "fired what
    # appeared to be a missile" names the thing inside a free relative, which goes first.
    under_particle = [g for c in token.children if c.dep_ == "prt" for g in c.children if g.dep_ == "pobj"]
    if token.lemma_.lower() == "call":  # "called in the ambassador", the "in" read as a preposition
        under_particle += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
    appeared = [
        a
        for c in token.children
        if c.dep_ == "ccomp" and free_relative(c)
        for x in c.subtree
        if x.dep_ == "xcomp" and x.lemma_ == "be"
        for a in x.children
        if a.dep_ == "attr"
    ]
    # "met quietly in Vienna, their first encounter in years": a noun after a comma sums the act up, parsed
    # as an object or not.
    objects = (
        [
            through_partitive(c)  # "closed two of its crossings": the crossings
            for c in token.children
            if c.dep_ == "dobj" and not any(t.text == "," and t.head.i == token.i for t in doc[token.i + 1 : c.i])
        ]
        or [c for c in token.children if c.dep_ == "oprd"]
        or shared_object(token)  # "rammed and boarded a navy boat"
    )  # "calling home its envoy": the object read as oprd
    for child in [*appeared, *objects, *under_particle]:
        if child.pos_ in {"NOUN", "PROPN"} and not child.ent_type_:
            light = NOUNS.get(child.lemma_.lower()) in BETWEEN | MOTION and not events_too
            if light or child.lemma_.lower() in {"effect", "office"}:
                return ""  # "met for a summit", "made the trip": no thing acted on (what was announced is)
            return _noun_phrase(doc, child)
    return ""


def _moved_phrase(doc: Doc, token: Token, trigger: Trigger) -> str:
    """Who or what is sent: the object's phrase, or, for an extradition, the person named ("Ivo Quispe")."""
    phrase = _object_phrase(doc, token)
    if phrase or trigger.type is not EventType.EXTRADITION:
        return phrase
    person = next((c for c in token.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"), None)
    return _named(doc, person) if person is not None else ""


def _taken_phrase(doc: Doc, token: Token) -> str:
    """The object a summons or a seizure acts on: a common noun's phrase, or a named place with its owner."""
    phrase = _object_phrase(doc, token)
    if phrase:
        return phrase
    named = next((c for c in token.children if c.dep_ == "dobj" and c.ent_type_ in {"FAC", "LOC"}), None)
    return _noun_phrase(doc, named, lower_head=False) if named is not None else ""


def _owned_object(doc: Doc, token: Token, actors: tuple[Actor, ...]) -> str:
    """The verb's object when the partners are only its owners: "ratifies Sweden's accession protocol", not
    "ratifies Sweden" (a thing, not a person or an office, whose phrase names every partner)."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects or objects[0].pos_ != "NOUN" or objects[0].ent_type_ or objects[0].lemma_.lower() in GUEST_NOUNS:
        return ""
    phrase = _noun_phrase(doc, objects[0])
    partners = [a for a in actors if a.role is not ActorRole.INITIATOR]
    return phrase if partners and all(short_name(a) in phrase for a in partners) else ""


def _of_a_body(subject: Token) -> bool:
    """An office of a body: "NATO leaders", "EU foreign ministers"."""
    return subject.lemma_.lower() in GUEST_NOUNS and any(
        c.dep_ in {"compound", "nmod"} and c.ent_type_ == "ORG" for c in subject.children
    )


def _agreed_to(doc: Doc, token: Token) -> str:
    """What "agreed to" do, with its object: "to resume talks", "to fast-track Ukraine's membership"."""
    for clause in (c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        said = f"to {clause.lower_}"
        if objects:
            obj = objects[0]
            said += f" {_named(doc, obj) if obj.ent_type_ else _noun_phrase(doc, obj)}"
        return said
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"to", "on"}):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            return f"{prep.lower_} {_noun_phrase(doc, obj)}"  # "agree on ceasefire", "agree to ... membership"
    return ""


# triggers.TARGET_PREPS, in the order a title prefers when an act names more than one target.
AIM_PREPS = ("at", "toward", "towards", "against", "on")


def _aimed_title(doc: Doc, token: Token) -> str:
    """What was aimed and at what: "water cannon at Philippine supply boat", "wave of drones at Ukraine" (a
    volley's head noun keeps what it is of), "strikes on Gaza"."""
    said = _object_phrase(doc, token)
    objects = [c for c in token.children if c.dep_ == "dobj"]
    volley = _prep_objects_of(objects, "of")
    if volley:
        said += f" of {_noun_phrase(doc, volley[0])}"
    for preposition in AIM_PREPS:
        aimed_at = [t for t in _prep_objects_of([token, *objects], preposition) if t.ent_type_ not in {"DATE", "TIME"}]
        if aimed_at:
            return f"{said} {preposition} {_named(doc, aimed_at[0])}"
    return said


def _with_holders(token: Token) -> list[Token]:
    """The verb, its objects and its coordinated prepositions: "with Peru in 2023 and with Ecuador in 2024"."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    objects = [c for c in token.children if c.dep_ == "dobj"]  # "agreed arrangements with Peru"
    return [token, *objects, *(c for p in preps for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP")]


def _prep_objects_of(tokens: list[Token], preposition: str) -> list[Token]:
    # "sent jets and troops to Peru": the parser may read a "to" after an object as a dative.
    return [
        g
        for t in tokens
        for c in t.children
        if c.dep_ in {"prep", "dative"} and c.lower_ == preposition
        for g in c.children
    ]


def _named_text(doc: Doc, token: Token) -> str:
    """The named text an accord's verb takes for object ("signed the Treaty of Rarotonga", the name tagged a
    body or a law), without the quotation marks around it; "" when its object names no text."""
    named = next((c for c in token.children if c.dep_ == "dobj" and c.ent_type_ in TEXT_LABELS), None)
    if named is None:
        return ""
    text = _named(doc, named)
    for article in ("an ", "a ", "the "):
        text = text.removeprefix(article)
    return text.strip("'\"‘’“” ")


# Entity labels a text's name may carry.
TEXT_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART", "EVENT"})


def _named(doc: Doc, token: Token) -> str:
    """The entity a token is part of, else the token with the words that name it."""
    entity = entity_span(doc, token)
    return entity.text if entity is not None else _noun_phrase(doc, token)


def _subject(token: Token) -> Token | None:
    """A subject that is no named actor: "the truce" in "the truce takes effect", the noun a participle
    or relative clause hangs on ("the deal signed in 2015", "a provision that takes effect")."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subject = subjects[0] if subjects else None
    if subject is not None and subject.lower_ in {"that", "which", "who"} and token.dep_ == "relcl":
        subject = token.head
    if subject is not None and (named_by_noun := unnamed_antecedent(subject)) is not None:
        subject = named_by_noun  # "convicted a former official; he was freed": "Former official is freed"
    if subject is None and token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        # "the 2019 decision to send troops": the decision sends no one; whose decision it is, if the text says.
        subject = next((c for c in token.head.children if c.dep_ == "poss"), None)
    elif subject is None and token.dep_ in {"relcl", "acl"}:
        subject = token.head
    elif subject is None and _passive(token) and token.dep_ == "conj":
        # "sanctions were imposed in 2019 and lifted in 2022": the passive conjunct shares its head's subject.
        subject = next((c for c in token.head.children if c.dep_ == "nsubjpass"), None)
    elif subject is None and token.dep_ == "xcomp":
        # "the ministers are due to meet", "the envoys plan to meet": the subject of the verb above.
        above = token.head
        while above.dep_ in {"xcomp", "acomp"} and above.head.i != above.i:
            above = above.head
        subject = next((c for c in above.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None and above.dep_ == "conj" and above.head.pos_ in {"VERB", "AUX"}:
            # "the two presidents spoke on Sunday and agreed to meet": the conjoined verb shares the subject
            subject = next((c for c in above.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    elif subject is None and token.dep_ == "pcomp" and _passive(token):
        # "were taken to the embassy after being freed": the passive gerund's subject is its clause's.
        subject = next((c for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.pos_ == "VERB":
        # "Three Japanese held hostage ... have been released", the participle parsed as the subject.
        subject = next((c for c in subject.children if c.dep_ == "nsubj"), subject)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or in_dateline(subject.doc, subject):
        return None
    return subject


def _plural(token: Token | None) -> bool:
    return token is not None and (token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children))


def _passive(token: Token) -> bool:
    """ "was initialed", a participle after its noun ("the deal signed in 2015") and one joined to a
    passive ("was arrested in March and convicted in July")."""
    return token.tag_ == "VBN" and (
        any(c.dep_ == "auxpass" for c in token.children)
        or (token.dep_ == "acl" and not _has_subject(token))
        or (token.dep_ == "conj" and not _has_subject(token) and token.head.i != token.i and _passive(token.head))
    )


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _verb(
    doc: Doc, token: Token, trigger: Trigger, *, plural: bool, agent_named: bool = False, future: bool = False
) -> str:
    """The verb in headline present; a passive stays passive unless its agent is named ("Russia arrests").
    A planned event reads as headlines put the future: "Blinken to visit", "Envoy to be expelled"."""
    if trigger.rule == "verb:expected-in":
        return "to arrive" if future else "arrives"  # "Ruiz is expected in Quito on Sunday": "Ruiz to arrive in Quito"
    particle = " ".join(c.lower_ for c in token.children if c.dep_ == "prt")
    if not particle and trigger.rule == "verb:call-in-envoy":
        particle = "in"  # the parser may read the "in" of "called in the envoy" as a preposition
    elif not particle and trigger.rule.endswith("-out"):
        particle = "out"  # so may it the "out" of "ordered two officials out"
    lemma = trigger.lemma
    if trigger.rule.endswith(("-home-envoy", "recall-envoy")) and lemma in {"call", "bring", "summon", "order"}:
        lemma, particle = "recall", ""  # "called its envoy home", "summoned its envoy": "recalls envoy"
    base = {"be": "are"}.get(lemma, lemma) if plural else third_person(lemma)
    if future:
        base = f"to {lemma}"
    verb = base + (f" {particle}" if particle else "")
    if _passive(token) and not agent_named:
        auxiliary = "to be" if future else "are" if plural else "is"
        verb = f"{auxiliary} {token.lower_}" + (f" {particle}" if particle else "")
    if trigger.rule.endswith("-effect") and not trigger.rule.endswith("into-effect"):
        verb += " effect"
    elif trigger.rule.endswith("-office") and trigger.rule.startswith("verb:"):
        verb += " office"  # "Berg takes office", not "Berg takes"
    elif "-into-" in trigger.rule:
        verb += " into " + trigger.rule.rsplit("-", 1)[1]
    return verb


# Acts titled by the thing taken or called in, with its owner: "seizes British tanker", "summons Russia's envoy".
TAKEN_TITLE_TYPES = frozenset({EventType.SUMMONS, EventType.SEIZURE})
MEASURE_TITLE_TYPES = frozenset({EventType.SANCTION, EventType.EXPORT_CONTROL, EventType.REJECTION})
# "Peru cuts diplomatic ties with Chile": the tie, then the other side.
TIE_TITLE_TYPES = frozenset({EventType.WITHDRAWAL, EventType.TIES_RESTORED})


# Verbs whose other side follows "with": "collided with a Chinese jet", "clashed with Zemblan troops".
WITH_VERBS = frozenset({"collide", "clash", "skirmish"})


def _verb_title(
    doc: Doc, trigger: Trigger, actors: tuple[Actor, ...], location: Location | None, *, future: bool = False
) -> str:
    token = doc[trigger.i]
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "NOUN" and token.lower_.endswith("ed"):
        # "under a deal signed on Friday": the thing the participle describes, in headline passive.
        said = f"{_noun_phrase(doc, token.head, lower_head=False)} {token.lower_}"
        return said + _where(doc, trigger, location, said)
    named = [a for a in actors if a.role is ActorRole.INITIATOR]
    initiators = _names(actors, ActorRole.INITIATOR)
    plural = len(named) > 1
    # "... by Russia": a named agent turns the passive active ("Russia expels two diplomats").
    agent_named = bool(named) and any(c.dep_ == "agent" for c in token.children)
    targets = tuple(a for a in actors if a.role is ActorRole.TARGET)
    envoy = _subject(token)
    if trigger.rule in RECALL_RULES and named and _passive(token) and envoy is not None:
        # "Brazil's envoy in Ottawa has been recalled": "Brazil recalls envoy from Canada".
        said = f"{initiators} {'recall' if plural else 'recalls'} {envoy.text.lower()}"
        return said + (f" from {_names(targets, None)}" if targets else "")
    if not named and targets and _passive(token):
        # "The journalist, Nathan Marsh, was arrested": the one acted on is the passive subject; people named
        # by what they are ("two Kenyan diplomats were abducted") stay those people, not their state.
        subject = _subject(token)
        if (
            subject is not None
            and subject.pos_ == "NOUN"
            and not subject.ent_type_
            and all(a.kind is ActorKind.STATE for a in targets)
        ):
            phrase = _noun_phrase(doc, subject, lower_head=False)
            said = f"{phrase} {_verb(doc, token, trigger, plural=_plural(subject), future=future)}"
        else:
            said = f"{_names(targets, None)} {_verb(doc, token, trigger, plural=len(targets) > 1, future=future)}"
        return said + _where(doc, trigger, location, said)
    subject = _subject(token)
    # "Austria's new chancellor was sworn in": an office takes office, not the state named beside it; "EU foreign
    # ministers meet", not "EU meets": a body's officials are named as such. With no actor, the subject says who.
    # "New Chinese rules take effect": what takes effect is the measure, not the state named on it.
    # "Chile's consulate in Arica reopened": a mission that shuts or reopens itself is named as the text names it.
    named_by_office = subject is not None and (
        trigger.type is EventType.INAUGURATION
        or _of_a_body(subject)
        or binding_starts(trigger)
        or trigger.rule.startswith("verb:mission-")
        or (subject.lemma_.lower() in MISSION_NOUNS and _passive(token))  # "Peru's embassy in Chad is evacuated"
    )
    if subject is not None and (
        (named_by_office and subject.pos_ == "NOUN" and not subject.ent_type_) or not initiators
    ):
        initiators, plural = _noun_phrase(doc, subject, lower_head=False), _plural(subject)
        sides = _prep_objects_of([subject], "between")
        if sides and not named:
            # "The crossing between Ostland and Zembla reopens": the sides stay where the text puts them.
            initiators += f" between {_join([_named(doc, t) for s in sides for t in [s, *s.conjuncts]])}"
            actors = tuple(a for a in actors if a.role is ActorRole.INITIATOR)
    if subject is not None and trigger.rule.endswith("-freed"):
        # "Three Chileans arrive in Santiago": freed captives are named as the text names them, not as their state.
        initiators, plural = _noun_phrase(doc, subject, lower_head=False), _plural(subject)
    if not initiators:
        return ""
    # A passive subject is acted on and named already: "Nathan Marsh is arrested", not "... arrested Nathan Marsh".
    others = _names(
        tuple(a for a in actors if a.role is not ActorRole.INITIATOR and short_name(a) not in initiators), None
    )
    with_partner = {EventType.MEETING, EventType.TALKS, EventType.PHONE_CALL}
    # "calls Ruiz", not "calls with Ruiz": the verb takes its partner as its object.
    # "collides with", "clashes with": verbs of meeting in force take their other side with "with" too.
    with_verb = trigger.lemma in WITH_VERBS and not trigger.nominal
    partner = (
        f" with {others}"
        if others and (trigger.type in with_partner or with_verb) and trigger.rule != "verb:call-person"
        else ""
    )
    met_official = [
        c
        for c in token.children
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in GUEST_NOUNS and not c.ent_type_
    ]
    if met_official and trigger.type in with_partner and others:
        # "meets Peruvian counterpart": an official met is named as the text names them, not by their state
        partner = f" {_noun_phrase(doc, met_official[0])}"
    guest = _object_phrase(doc, token, events_too=True) or others if trigger.rule.endswith("-guest") else ""
    if guest:
        partner = f" {guest}"  # "hosts Canada's prime minister", "hosts Lula": a guest is received, not met with
    if others and not partner and trigger.type not in MOTION:
        partner = f" {_owned_object(doc, token, actors) or others}"
    voted_on = _prep_objects_of([token], "on") if trigger.type is EventType.RESOLUTION else []
    if trigger.type is EventType.RESOLUTION and _object_phrase(doc, token, events_too=True):
        partner = f" {_object_phrase(doc, token, events_too=True)}"  # "approves Zembla's accession", not "Zembla"
    elif voted_on and voted_on[0].pos_ == "NOUN":
        partner = f" on {_noun_phrase(doc, voted_on[0])}"  # "votes on Finland's membership", not "votes Finland"
    elif trigger.type in TAKEN_TITLE_TYPES and _taken_phrase(doc, token):
        # "summons Russia's ambassador", "seizes British tanker", "occupies Ostland's Varel Peninsula": the thing
        # acted on, with its owner, not the owner's name alone.
        partner = f" {_taken_phrase(doc, token)}"
    elif trigger.rule == "verb:set-fire-mission" and (burned := set_on_fire(token)):
        # "set fire to Danish consulate": the idiom whole, then what burned, not the fire as the thing acted on.
        partner = f" fire to {_noun_phrase(doc, burned[0])}"
    elif trigger.type is EventType.EXPULSION and _object_phrase(doc, token):
        # "expels U.S. ambassador", not "expels U.S.": who is sent out, as the text names them; "declares
        # Peruvian envoy persona non grata" with the status the verb gives.
        status = next((t.text for t in token.subtree if UNWELCOME_STATUS.fullmatch(t.text)), "")
        partner = f" {_object_phrase(doc, token)}" + (f" {status.lower()}" if status else "")
    elif trigger.rule.endswith("-delegation") and _object_phrase(doc, token, events_too=True):
        # "Chile sends foreign minister to Lima": who was sent, and where to.
        whither = f" to {location.name}" if location is not None else ""
        partner = f" {_object_phrase(doc, token, events_too=True)}{whither}"
    elif trigger.rule == "verb:return-home-envoy":
        # "Ambassador returns to Lima", the envoy the subject: the capital as the text names it.
        named_to = [_named(doc, t) for t in _prep_objects_of([token], "to")]
        whither = named_to[0] if named_to else others
        partner = f" to {whither}" if whither else ""
    elif trigger.rule.endswith("-envoy") and _object_phrase(doc, token):
        # "withdrew its ambassador to Ecuador": the envoy, from where ("withdraws ambassador from Ecuador").
        partner = f" {_object_phrase(doc, token)}" + (f" from {others}" if others else "")
    elif trigger.type is EventType.AGREEMENT and others and _prep_objects_of(_with_holders(token), "with"):
        # "agreed arrangements with Australia": what was agreed, then with whom, not "agrees Australia".
        obj = _object_phrase(doc, token)
        partner = f" {obj} with {others}" if obj and others not in obj else f" with {others}"
    elif trigger.rule.endswith("-envoy-to-post") and _object_phrase(doc, token):
        # "returns envoy to Ostland": where the envoy goes, a side or the place found for the act.
        whither = others or (location.name if location is not None else "")
        partner = f" {_object_phrase(doc, token)}" + (f" to {whither}" if whither else "")
    elif trigger.type in {EventType.DEPLOYMENT, EventType.EXTRADITION} and _moved_phrase(doc, token, trigger):
        # "sends troops to Poland", "extradites 29 suspects to Peru", "extradites Ivo Quispe to Chile": the forces
        # or people, then where they go.
        moved = [token, *(c for c in token.children if c.dep_ == "dobj")]  # "handed over three suspects to Peru"
        whither = _join([_named(doc, t) for t in _prep_objects_of(moved, "to")])
        partner = f" {_moved_phrase(doc, token, trigger)}" + (f" to {whither}" if whither else "")
    elif others and trigger.type in AIMED and _object_phrase(doc, token):
        # "fires water cannon at Philippine supply boat", "shadows British destroyer": what was aimed at,
        # not the state it belongs to.
        partner = f" {_aimed_title(doc, token)}"
    elif others and trigger.type in MEASURE_TITLE_TYPES | TIE_TITLE_TYPES and _object_phrase(doc, token):
        # "imposes sanctions on Zembla", "blocks a joint statement on Ostland": the measure, then whom it is on;
        # aid cut is cut to whom it went ("cuts aid to Zembla").
        whom = (
            "to" if trigger.rule.endswith(("-aid", "-flows", "-exports")) and _prep_objects_of([token], "to") else "on"
        )
        if _prep_objects_of([token, *(c for c in token.children if c.dep_ == "dobj")], "with"):
            whom = "with"  # "closed a border crossing with Chile": the side it is shared with, not a measure on it
        measure = _object_phrase(doc, token)
        partner = f" {measure}" if others in measure else f" {measure} {whom} {others}"
    if trigger.type is EventType.AID:
        # "approved a loan to Egypt": what was given, then to whom.
        obj = _object_phrase(doc, token) or "aid"
        given = [o for o in token.children if o.dep_ == "dobj"]
        recipients = others or _join([_named(doc, g) for g in _prep_objects_of([token, *given], "to")])
        partner = f" {obj} to {recipients}" if recipients else f" {obj}"
    if (
        not others
        and not voted_on
        and trigger.type not in MOTION | {EventType.AID}
        and not (trigger.type in {EventType.DEPLOYMENT, EventType.EXTRADITION} and _moved_phrase(doc, token, trigger))
        and not (trigger.type is EventType.EXPULSION and _object_phrase(doc, token))
        and trigger.rule != "verb:set-fire-mission"
        and "-effect" not in trigger.rule
        and "-into-" not in trigger.rule
        and not trigger.rule.endswith("-envoy-to-post")
        and not (trigger.type in TAKEN_TITLE_TYPES and _taken_phrase(doc, token))
    ):
        obj = _object_phrase(
            doc,
            token,
            events_too=trigger.type in {EventType.STATEMENT, EventType.REJECTION}
            or trigger.rule.endswith("-agreement"),
        )
        if not obj and trigger.type is EventType.AGREEMENT:
            obj = _named_text(doc, token)  # "sign Treaty of Amity and Trade"
        subject = _subject(token) if not obj and agent_named and _passive(token) else None
        if subject is not None:  # "diplomats were expelled by Russia": Russia expels the diplomats
            obj = _noun_phrase(doc, subject)
            opening = subject.sent[0]
            if opening.pos_ != "PROPN" and obj.split()[0] == opening.text:  # "Two diplomats were ..."
                obj = obj[:1].lower() + obj[1:]
        partner = f" {obj}" if obj else ""
    if trigger.rule.endswith("-permission") and not partner:
        partner = " permission"  # "refused to let the plane cross its airspace": Zembla refuses permission
    if trigger.rule == "verb:present-credentials":
        # "New Chilean ambassador presents credentials to Ruiz": the envoy, then the head of state received by
        subject = _subject(token)
        if subject is not None and subject.pos_ == "NOUN":
            initiators, plural = _noun_phrase(doc, subject, lower_head=False), False
        whom = _join([_named(doc, t) for t in _prep_objects_of([token], "to")]) or others
        partner = " credentials" + (f" to {whom}" if whom else "")
    if trigger.rule.endswith("-from-agreement"):
        # "Chile withdraws from fishing accord", "Ruiz pulls Chile out of accord": what is left, with who leaves
        left = [t for t in left_from(token) if t.pos_ in {"NOUN", "PROPN"}]
        if left:
            moved = [c for c in token.children if c.dep_ == "dobj" and c.i < left[0].i]
            taken = f" {_named(doc, moved[0])} out of" if moved else " from"
            partner = f"{taken} {_named(doc, left[0])}"
    refused = trigger.rule.endswith("-request") and not partner.strip()
    agreed = _agreed_to(doc, token) if trigger.rule == "verb:agree" or refused else ""
    if agreed:
        # "agree to fast-track Ukraine's membership", not "agree Ukraine"; "refuses to sign accord"
        partner = f" {agreed}"
    said = f"{initiators} {_verb(doc, token, trigger, plural=plural, agent_named=agent_named, future=future)}{partner}"
    return said + _where(doc, trigger, location, said)


def _object_title(doc: Doc, trigger: Trigger, location: Location | None) -> str:
    """No subject to name but a thing acted on, in headline passive: "Provisional tariffs imposed"."""
    token = doc[trigger.i]
    if not (token.tag_ in {"VBD", "VBN"} and token.lower_.endswith("ed")) or "-effect" in trigger.rule:
        return ""  # regular participles only ("imposed", not "took")
    obj = _object_phrase(doc, token)
    if not obj:
        return ""
    said = f"{obj} {token.lower_}"
    return said + _where(doc, trigger, location, said)


# Verbs of an accord ceasing to bind at its term.
ENDING_VERBS = frozenset({"expire", "lapse"})


def _binding_verb(token: Token) -> str:
    """ "takes effect" / "comes into force" when the event noun is the subject of such a verb, looking
    through "is due to", "is expected to"."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.lemma_.lower() not in MEASURE_SUBJECTS:
        return ""
    candidates = [token.head]
    index = 0
    while index < len(candidates) and index < 4:  # "is due to take effect": is -> due -> take
        candidates.extend(c for c in candidates[index].children if c.dep_ in {"xcomp", "acomp"})
        index += 1
    for candidate in candidates:
        lemma = candidate.lemma_.lower()
        objects = {c.lemma_.lower() for c in candidate.children if c.dep_ == "dobj"}
        if lemma in ENDING_VERBS or (lemma == "run" and any(c.lower_ == "out" for c in candidate.children)):
            # "the truce runs out on Sept. 12", "the ceasefire expires next week": the accord's end, not a new one.
            return "expire" if token.tag_ == "NNS" else "expires"
        if starts_to_bind(candidate, lemma, objects):
            into = [c for c in candidate.children if c.dep_ == "prep" and c.lower_ == "into"]
            nouns = [g.lower_ for c in into for g in c.children if g.dep_ == "pobj"]
            verb_form = third_person(lemma) if token.tag_ != "NNS" else lemma
            return f"{verb_form} into {nouns[0]}" if nouns else f"{verb_form} effect"
    return ""


def _bare(name: str) -> str:
    """ "United States" for "The United States" inside a compound title ("United States–China talks")."""
    return name[4:] if name[:4].lower() == "the " else name


def _sides(actors: tuple[Actor, ...]) -> list[str]:
    return [a.name for a in actors]


def _noun_title(doc: Doc, trigger: Trigger, actors: tuple[Actor, ...], location: Location | None) -> str:
    token = doc[trigger.i]
    head = _noun_phrase(doc, token)
    if trigger.rule == "noun:round":
        # A bare round is one of the gathering the text named before: "Round of talks in Geneva".
        head = f"{head} of {ROUND_OF[trigger.type]}"
    if trigger.rule == "noun:resolution-failed":
        verb = token.head
        return f"{head} {'fails' if verb.lemma_.lower() == 'fail' else 'rejected'}"  # "Draft resolution rejected"
    binding = _binding_verb(token)
    if binding:
        return f"{head} {binding}"  # "Truce takes effect": the sentence's news is that it starts to bind
    head += _done_to(doc, token)
    named = head.lower()
    sides = [a for a in actors if a.name.lower() not in named and short_name(a).lower() not in named]
    if location is not None:
        sides = [a for a in sides if a.name != location.name]
    hosts = doc[trigger.head_i].lemma_.lower() in {"host", "co-host"} and trigger.head_i != trigger.i
    # "pledged aid at a conference in Paris": one side acting at a gathering neither hosts it nor is its side.
    setting = token.dep_ == "pobj" and token.head.lower_ in {"at", "during"} and len(sides) == 1
    if setting:
        title = head
    elif trigger.type in BETWEEN and hosts and sides and all(a.role is ActorRole.INITIATOR for a in sides):
        title = f"{head} hosted by {_join(_sides(tuple(sides)))}"  # who hosts talks is not a side of them
    elif trigger.type in BETWEEN:
        states = [a.name for a in sides if a.kind is ActorKind.STATE]
        if len(states) == 2 and len(sides) == 2 and head == token.text.lower():
            title = f"{_bare(states[0])}–{_bare(states[1])} {head}"
        elif len(sides) >= 2:
            title = f"{head} between {_join(_sides(tuple(sides)))}"
        elif sides:
            hosted = sides[0].role is ActorRole.INITIATOR and trigger.type in {EventType.SUMMIT, EventType.PHONE_CALL}
            preposition = "with" if sides[0].role is not ActorRole.INITIATOR else "by" if hosted else "of"
            title = f"{head} {preposition} {sides[0].name}"
        else:
            title = head
    else:
        initiators = [a for a in sides if a.role is ActorRole.INITIATOR]
        others = [a for a in sides if a.role is not ActorRole.INITIATOR]
        title = head
        if initiators:
            title += f" by {_join([short_name(a) for a in initiators])}"
        # Who attends an inauguration or an election does not hold it with its state.
        if others and trigger.type not in OF_WHOSE_TYPES:
            title += f" {'against' if trigger.type is EventType.MILITARY_ACTION else 'with'} "
            title += _join([a.name for a in others])
    return title + _phase(token) + _where(doc, trigger, location, title)


# Nouns of an act done to what their "of" names: "the closure of the consulate", "the recall of its envoy".
PATIENT_OF_NOUNS = frozenset(
    {"closure", "suspension", "withdrawal", "recall", "expulsion", "release", "detention", "arrest", "seizure",
     "lifting", "easing", "imposition"}
)  # fmt: skip


def _done_to(doc: Doc, noun: Token) -> str:
    """ " of Russia's consulate": what a noun of an act done to something names as its object, in a title."""
    if noun.lemma_.lower() not in PATIENT_OF_NOUNS:
        return ""
    done_to = prep_objects(noun, frozenset({"of"}))
    if len(done_to) != 1 or done_to[0].pos_ not in {"NOUN", "PROPN"}:
        return ""
    return f" of {_noun_phrase(doc, done_to[0], lower_head=done_to[0].pos_ != 'PROPN')}"


# Verbs that tell a turn in a process named as their subject, news beyond its taking place: "Talks resume",
# "Negotiations stall", "War breaks out". (A gathering's opening or end is its own day, which the date tells.)
PHASE_VERBS = frozenset({"resume", "reopen", "restart", "stall", "collapse", "erupt", "break"})


def _phase(noun: Token) -> str:
    """ " resume" of "Talks to mend ties resumed in January": the phase the sentence tells of the event its
    subject names, in a headline's present; nothing under a modal or future word, where the status speaks."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in PHASE_VERBS:
        return ""
    # A participle with a subject and no auxiliary is a past the tagger misread ("The summit opened in Lima").
    if verb.tag_ not in {"VBD", "VBZ", "VBP", "VBN"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return ""
    lemma = verb.lemma_.lower()
    particle = ""
    if lemma == "break":  # "the war broke out in April": only "break out" tells a start
        if not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            return ""
        particle = " out"
    return f" {lemma if noun.tag_ in {'NNS', 'NNPS'} else third_person(lemma)}{particle}"


def _held_by(doc: Doc, trigger: Trigger, title: str, *, future: bool = False) -> str:
    """ "Two sides hold joint talks", "Zembla and Ostland to hold summit": a bare event noun with the sides
    that hold it, every one of them."""
    head = doc[trigger.head_i]
    if head.i == trigger.i or head.lemma_.lower() not in {"hold", "conduct", "stage", "begin", "open", "start"}:
        return title
    if any(c.dep_ == "auxpass" for c in head.children):
        return title  # "the first round of the dialogue will be held in Seoul": the subject is the event, no side
    subject = _subject(head)
    if subject is None or subject.i == trigger.i:
        return title
    lemma = head.lemma_.lower()
    sides = [subject, *(c for c in subject.conjuncts if c.i > subject.i)]
    who = _join([_noun_phrase(doc, side, lower_head=False) for side in sides])
    verb = f"to {lemma}" if future else lemma if len(sides) > 1 or _plural(subject) else third_person(lemma)
    return f"{who} {verb} {title}"


def make_title(
    doc: Doc,
    trigger: Trigger,
    actors: tuple[Actor, ...],
    location: Location | None,
    status: EventStatus | None = None,
    *,
    taking_part_off: bool = False,
) -> str:
    """A headline for the event; a planned one reads "X to visit Y", a put-off one says so; one whose taking
    part is off says who stays away ("Olsen not attending Ostland summit"), not that the summit is off."""
    if taking_part_off and trigger.nominal:
        who = _names(actors, ActorRole.INITIATOR) or _names(actors, None) or _subject_of_verb_above(doc[trigger.i])
        title = f"{who} not attending {_noun_phrase(doc, doc[trigger.i])}"
        return title[:1].upper() + title[1:]
    future = status in {EventStatus.SCHEDULED, EventStatus.POSTPONED, EventStatus.CANCELLED}
    joined = _accession_title(doc, trigger, actors, future=future)
    if joined:
        title = joined
    elif trigger.nominal:
        title = _noun_title(doc, trigger, actors, location)
        if not actors and title.lower().startswith(_noun_phrase(doc, doc[trigger.i]).lower()):
            title = _held_by(doc, trigger, title, future=status is EventStatus.SCHEDULED)
    else:
        title = _verb_title(doc, trigger, actors, location, future=future) or _object_title(doc, trigger, location)
        if not title:
            label = EVENT_TYPES[trigger.type].label
            title = label + _where(doc, trigger, location, label, worded=False)
    title = title.strip()
    if status in CHANGED:
        title += f" ({CHANGED[status]})" if not trigger.nominal else f" {CHANGED[status]}"
    return title[:1].upper() + title[1:]


# Verb tellings of an accession whose title is built as a noun's is: "became a member", "was admitted to".
TITLED_ACCESSION_RULES = frozenset({"verb:become-member", "verb:admit-to-body"})


def _accession_title(doc: Doc, trigger: Trigger, actors: tuple[Actor, ...], *, future: bool) -> str:
    """ "Chile joins Pacific trade pact" for "Chile's accession to the Pacific trade pact" or "Chile became a
    member of the pact": who joins, and what."""
    if trigger.type is not EventType.ACCESSION or not (trigger.nominal or trigger.rule in TITLED_ACCESSION_RULES):
        return ""
    token = doc[trigger.i]
    body = joined_body_of(token)
    if body is None:
        return ""
    body_words = _noun_phrase(doc, body, lower_head=False)
    joiners = [a for a in actors if a.role is ActorRole.INITIATOR and a.name.lower() not in body_words.lower()]
    if not joiners and not trigger.nominal:
        # "the bloc admitted Bolivia to the Andean Community": the state let in, whatever its role.
        joiners = [a for a in actors if a.kind is ActorKind.STATE and a.name.lower() not in body_words.lower()]
    who = _join([short_name(a) for a in joiners]) if joiners else ""
    if not who:
        # "Chile's accession", "the accession of two states": who joins owns the noun
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"] + [
            g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        who = _noun_phrase(doc, owners[0], lower_head=False) if owners else _subject_of_verb_above(token)
    # "was readmitted to", "was reinstated to": a state let back in rejoins.
    again = trigger.lemma.startswith("re")
    verb = ("to rejoin" if future else "rejoins") if again else ("to join" if future else "joins")
    return f"{who} {verb} {body_words}"


def _subject_of_verb_above(token: Token) -> str:
    """The subject of the nearest verb above ``token`` with the words that name it ("Zembla" of "Zembla
    boycotted the talks", "Ostland government"), else "a party" (a pronoun names no one)."""
    for ancestor in list(token.ancestors)[:3]:
        subject = next((c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            if subject.pos_ == "PRON":
                break
            return _spell([subject, *(c for c in subject.children if c.dep_ in {"compound", "amod"})])
    return "a party"


CHANGED = {EventStatus.POSTPONED: "postponed", EventStatus.CANCELLED: "cancelled"}
