"""Event triggers: the word in a sentence that says something happened (a verb or an event noun).

A trigger is found from its lemma and part of speech, plus a light check of its dependents where the word
alone is ambiguous ("shot down" is a shoot-down, "shot" is not; "met the deadline" is no meeting; "exercise"
is a drill only with a military modifier or a verb such as "hold"). Light verbs ("held talks", "made the
trip", "paid a visit") leave the event to their noun. Postponement and cancellation words are not events of
their own: they change the status of the event they govern (see :mod:`events.extraction.status`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from events.extraction.vocabulary import EventType

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

T = EventType

VERBS: dict[str, EventType] = {
    "arrive": T.VISIT, "travel": T.VISIT, "visit": T.VISIT, "depart": T.VISIT, "tour": T.VISIT,
    "fly": T.VISIT, "head": T.VISIT, "land": T.VISIT,
    "meet": T.MEETING, "negotiate": T.TALKS,
    "phone": T.PHONE_CALL, "telephone": T.PHONE_CALL,
    "sign": T.AGREEMENT, "ink": T.AGREEMENT, "agree": T.AGREEMENT, "ratify": T.AGREEMENT,
    "sanction": T.SANCTION, "blacklist": T.SANCTION,
    "bomb": T.MILITARY_ACTION, "shell": T.MILITARY_ACTION, "invade": T.MILITARY_ACTION, "attack": T.MILITARY_ACTION,
    "collide": T.INCIDENT, "intercept": T.INCIDENT,
    "summon": T.SUMMONS, "protest": T.PROTEST,
    "rebuff": T.REJECTION, "snub": T.REJECTION,
    "detain": T.DETENTION, "arrest": T.DETENTION, "imprison": T.DETENTION, "jail": T.DETENTION,
    "release": T.RELEASE, "free": T.RELEASE,
    "elect": T.ELECTION, "inaugurate": T.INAUGURATION, "expel": T.EXPULSION,
    "announce": T.STATEMENT, "declare": T.STATEMENT, "warn": T.STATEMENT, "condemn": T.STATEMENT,
    "denounce": T.STATEMENT, "accuse": T.STATEMENT, "vow": T.STATEMENT, "pledge": T.STATEMENT,
}  # fmt: skip

NOUNS: dict[str, EventType] = {
    "visit": T.VISIT, "trip": T.VISIT, "tour": T.VISIT, "journey": T.VISIT, "departure": T.VISIT,
    "arrival": T.VISIT, "stopover": T.VISIT, "voyage": T.VISIT,
    "meeting": T.MEETING, "sit-down": T.MEETING,
    "talk": T.TALKS, "negotiation": T.TALKS, "dialogue": T.TALKS, "consultation": T.TALKS,
    "summit": T.SUMMIT, "gathering": T.SUMMIT, "conference": T.SUMMIT, "forum": T.SUMMIT, "ministerial": T.SUMMIT,
    "call": T.PHONE_CALL, "videoconference": T.PHONE_CALL, "teleconference": T.PHONE_CALL,
    "shootdown": T.MILITARY_ACTION, "shoot-down": T.MILITARY_ACTION, "strike": T.MILITARY_ACTION,
    "airstrike": T.MILITARY_ACTION, "bombing": T.MILITARY_ACTION, "invasion": T.MILITARY_ACTION,
    "raid": T.MILITARY_ACTION, "attack": T.MILITARY_ACTION,
    "drill": T.MILITARY_EXERCISE, "exercise": T.MILITARY_EXERCISE, "wargame": T.MILITARY_EXERCISE,
    "test": T.WEAPONS_TEST, "launch": T.WEAPONS_TEST,
    "collision": T.INCIDENT, "interception": T.INCIDENT, "near-miss": T.INCIDENT, "clash": T.INCIDENT,
    "protest": T.PROTEST, "complaint": T.PROTEST, "demarche": T.PROTEST,
    "summons": T.SUMMONS,
    "arrest": T.DETENTION, "detention": T.DETENTION, "imprisonment": T.DETENTION,
    "release": T.RELEASE, "swap": T.RELEASE,
    "election": T.ELECTION, "referendum": T.ELECTION, "runoff": T.ELECTION,
    "inauguration": T.INAUGURATION, "swearing-in": T.INAUGURATION,
    "expulsion": T.EXPULSION,
    "sanction": T.SANCTION, "tariff": T.SANCTION,
}  # fmt: skip

# Verbs that carry no event of their own when their object is an event noun.
LIGHT_VERBS = frozenset(
    {"hold", "have", "conduct", "stage", "make", "take", "pay", "begin", "start", "open", "launch", "resume",
     "attend", "host", "join", "convene", "wrap", "end", "conclude", "kick", "carry", "undertake", "lodge",
     "file", "issue", "lead", "chair", "co-host", "plan", "announce", "impose", "slap", "levy", "expand",
     "tighten", "unveil", "order", "approve", "call", "agree", "set", "schedule", "postpone", "delay",
     "cancel", "scrap", "suspend", "reschedule"}
)  # fmt: skip

AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "treaty", "pact", "truce", "ceasefire", "memorandum"})
REQUEST_NOUNS = frozenset(
    {"request", "proposal", "offer", "invitation", "bid", "call", "plan", "demand", "application", "meeting",
     "overture", "appeal", "entreaty"}
)  # fmt: skip
SANCTION_NOUNS = frozenset({"sanction", "tariff", "duty", "embargo", "penalty", "levy"})
EXPORT_WORDS = frozenset({"export", "exports", "chip", "chips", "technology", "semiconductor"})
WEAPON_WORDS = frozenset(
    {"missile", "missiles", "rocket", "rockets", "icbm", "icbms", "warhead", "nuclear", "ballistic", "weapon",
     "weapons", "hypersonic", "satellite", "torpedo"}
)  # fmt: skip
MILITARY_WORDS = frozenset(
    {"military", "naval", "joint", "live-fire", "war", "air", "army", "navy", "amphibious", "combat", "drill",
     "exercise", "missile", "army's", "blockade", "encirclement"}
)  # fmt: skip
NOT_MEETING_OBJECTS = frozenset(
    {"demand", "target", "goal", "requirement", "need", "deadline", "standard", "expectation", "criterion",
     "obligation", "threshold", "end", "challenge"}
)  # fmt: skip
NOT_RELEASE_OBJECTS = frozenset(
    {"statement", "report", "data", "video", "footage", "figure", "document", "image", "photo", "album",
     "film", "guideline", "plan", "details", "result", "fund", "funds", "detail", "transcript", "readout"}
)  # fmt: skip
STRIKE_MODIFIERS = frozenset({"air", "missile", "drone", "military", "aerial", "retaliatory", "precision"})


@dataclass(frozen=True)
class Trigger:
    """The word that names an event, and the token the event attaches to in the tree.

    ``head_i`` is the trigger itself, or the light verb whose object it is ("held talks Friday": the date
    hangs on "held"), so binding measures distances from where the event really sits in the sentence.
    """

    i: int
    head_i: int
    type: EventType
    lemma: str
    nominal: bool
    rule: str


def _children_lemmas(token: Token, deps: frozenset[str] | None = None) -> set[str]:
    return {c.lemma_.lower() for c in token.children if deps is None or c.dep_ in deps}


def _objects(token: Token) -> list[Token]:
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}]
    # Passive: "the sanctions were imposed" has the noun as subject.
    return objects


def _has_particle(token: Token, particle: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def _verb_trigger(token: Token) -> tuple[EventType, str] | None:
    lemma = token.lemma_.lower()
    objects = _objects(token)
    object_lemmas = {o.lemma_.lower() for o in objects}
    object_words = object_lemmas | {c.lower_ for o in objects for c in o.children if c.dep_ in {"compound", "amod"}}
    if lemma == "shoot" and _has_particle(token, "down"):
        return T.MILITARY_ACTION, "verb:shoot-down"
    if lemma == "turn" and _has_particle(token, "down") and object_lemmas & REQUEST_NOUNS:
        return T.REJECTION, "verb:turn-down"
    if lemma == "swear" and _has_particle(token, "in"):
        return T.INAUGURATION, "verb:sworn-in"
    if lemma == "take" and "office" in object_lemmas:
        return T.INAUGURATION, "verb:take-office"
    if lemma in {"reject", "refuse", "decline", "deny", "spurn"}:
        if object_lemmas & REQUEST_NOUNS or any(c.dep_ == "xcomp" for c in token.children):
            return T.REJECTION, f"verb:{lemma}-request"
        return None
    if lemma in {"strike", "seal", "reach", "conclude", "finalize", "clinch", "broker"} and (
        object_lemmas & AGREEMENT_NOUNS
    ):
        return T.AGREEMENT, f"verb:{lemma}-deal"
    if lemma in {"impose", "slap", "levy", "announce", "expand", "tighten", "unveil", "lift", "extend"}:
        if object_lemmas & SANCTION_NOUNS:
            return T.SANCTION, f"verb:{lemma}-sanctions"
        if "control" in object_lemmas and object_words & EXPORT_WORDS:
            return T.EXPORT_CONTROL, f"verb:{lemma}-export-controls"
    if lemma in {"restrict", "ban", "curb", "block", "limit", "halt"} and object_words & EXPORT_WORDS:
        return T.EXPORT_CONTROL, f"verb:{lemma}-exports"
    if lemma in {"launch", "fire", "test", "test-fire"} and object_words & WEAPON_WORDS:
        return T.WEAPONS_TEST, f"verb:{lemma}-weapon"
    if lemma == "strike" and not object_lemmas & AGREEMENT_NOUNS:
        return T.MILITARY_ACTION, "verb:strike"
    if lemma == "speak" and any(
        c.dep_ == "prep"
        and c.lower_ in {"by", "over", "on"}
        and {g.lower_ for g in c.children} & {"phone", "telephone"}
        for c in token.children
    ):
        return T.PHONE_CALL, "verb:speak-by-phone"
    if lemma not in VERBS:
        return None
    event_type = VERBS[lemma]
    if lemma == "meet" and object_lemmas & NOT_MEETING_OBJECTS:
        return None
    if lemma in {"release", "free"} and object_lemmas & NOT_RELEASE_OBJECTS:
        return None
    if lemma in {"fly", "head", "land"} and not any(
        c.dep_ == "prep" and c.lower_ in {"to", "into", "in"} for c in token.children
    ):
        return None
    if lemma == "agree" and not any(c.dep_ in {"xcomp", "prep", "dobj", "ccomp"} for c in token.children):
        return None
    if lemma == "announce" and not objects:
        return None
    if lemma == "attack" and not objects:
        return None
    return event_type, f"verb:{lemma}"


def _noun_trigger(token: Token) -> tuple[EventType, str] | None:
    lemma = token.lemma_.lower()
    if lemma not in NOUNS:
        return None
    event_type = NOUNS[lemma]
    modifiers = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    head = token.head
    head_lemma = head.lemma_.lower()
    if lemma == "call":
        if not (modifiers & {"phone", "telephone", "video", "conference"} or _children_lemmas(token) & {"with"}):
            return None
    elif lemma == "strike":
        if not (modifiers & STRIKE_MODIFIERS or token.tag_ == "NNS"):
            return None
    elif lemma in {"drill", "exercise"}:
        if not (modifiers & MILITARY_WORDS or head_lemma in LIGHT_VERBS):
            return None
    elif lemma == "test":
        if not modifiers & WEAPON_WORDS:
            return None
    elif lemma == "launch":
        if not (
            modifiers & WEAPON_WORDS
            or any(c.dep_ == "prep" and {g.lower_ for g in c.children} & WEAPON_WORDS for c in token.children)
        ):
            return None
    elif lemma in {"protest", "complaint"}:
        if not (head_lemma in {"lodge", "file", "issue", "register", "make"} or modifiers & {"formal", "diplomatic"}):
            return None
    elif lemma == "release":
        if not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return None
    elif lemma == "attack":
        if not modifiers & (STRIKE_MODIFIERS | {"missile", "terrorist", "cyber", "rocket"}):
            return None
    elif lemma == "talk" and token.tag_ != "NNS":
        return None  # "a talk" is a lecture; "talks" are negotiations
    return event_type, f"noun:{lemma}"


def _event_head(token: Token) -> int:
    """Where the event sits in the tree: a noun's light verb ("held talks"), else the word itself."""
    current = token
    # "two days of talks": climb the measure phrase first.
    if current.dep_ == "pobj" and current.head.lower_ == "of" and current.head.head.lemma_ in {"day", "round", "week"}:
        current = current.head.head
    if current.dep_ in {"dobj", "nsubjpass", "attr"} and current.head.lemma_.lower() in LIGHT_VERBS:
        return current.head.i
    return token.i


def find_triggers(sentence: Span) -> list[Trigger]:
    """Every trigger in one sentence, in text order."""
    found: list[Trigger] = []
    for token in sentence:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.lemma_ != "be"):
            verb = _verb_trigger(token)
            if verb:
                found.append(Trigger(token.i, token.i, verb[0], token.lemma_.lower(), False, verb[1]))
        elif token.pos_ in {"NOUN", "PROPN"} and token.tag_ in {"NN", "NNS"}:
            noun = _noun_trigger(token)
            if noun:
                found.append(Trigger(token.i, _event_head(token), noun[0], token.lemma_.lower(), True, noun[1]))
    # A noun that is the object of a verb trigger is that verb's event ("signed an agreement").
    verb_positions = {t.i for t in found if not t.nominal}
    return [t for t in found if not (t.nominal and t.i != t.head_i and t.head_i in verb_positions)]
