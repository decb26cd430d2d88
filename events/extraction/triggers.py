"""Event triggers: the word in a sentence that says something happened (a verb or an event noun).

A trigger is found from its lemma and part of speech, plus a light check of its dependents where the word
alone is ambiguous ("shot down" is a shoot-down, "shot" is not; "met the deadline" is no meeting; "exercise"
is a drill only with a military modifier or a verb such as "hold"). Light verbs ("held talks", "made the
trip", "paid a visit") leave the event to their noun. Postponement and cancellation words are not events of
their own: they change the status of the event they govern (see :mod:`events.extraction.status`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from events.domain.vocabulary import EventType, PlaceKind
from events.extraction.doc_views import headline_chars
from events.extraction.tree import (
    entity_span,
    free_relative,
    measured_phrase,
    shared_object,
    tells_taking_place,
    through_partitive,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = EventType

VERBS: dict[str, EventType] = {
    "arrive": T.VISIT, "travel": T.VISIT, "visit": T.VISIT, "depart": T.VISIT, "tour": T.VISIT,
    "fly": T.VISIT, "head": T.VISIT, "land": T.VISIT,
    "meet": T.MEETING, "convene": T.MEETING, "negotiate": T.TALKS,
    "phone": T.PHONE_CALL, "telephone": T.PHONE_CALL,
    "sign": T.AGREEMENT, "ink": T.AGREEMENT, "agree": T.AGREEMENT, "ratify": T.AGREEMENT,
    "sanction": T.SANCTION, "blacklist": T.SANCTION,
    "bomb": T.MILITARY_ACTION, "shell": T.MILITARY_ACTION, "invade": T.MILITARY_ACTION, "attack": T.MILITARY_ACTION,
    "collide": T.INCIDENT, "intercept": T.INCIDENT, "clash": T.INCIDENT, "skirmish": T.INCIDENT,
    "summon": T.SUMMONS, "protest": T.PROTEST,
    "rebuff": T.REJECTION, "snub": T.REJECTION,
    "detain": T.DETENTION, "arrest": T.DETENTION, "imprison": T.DETENTION, "jail": T.DETENTION,
    "apprehend": T.DETENTION,
    "release": T.RELEASE, "free": T.RELEASE, "pardon": T.RELEASE,
    "elect": T.ELECTION, "inaugurate": T.INAUGURATION, "expel": T.EXPULSION,
    "initial": T.AGREEMENT, "convict": T.DETENTION, "sentence": T.DETENTION, "deploy": T.DEPLOYMENT,
    "extradite": T.EXTRADITION,
    "surround": T.MILITARY_EXERCISE, "encircle": T.MILITARY_EXERCISE, "blockade": T.MILITARY_ACTION,
    "announce": T.STATEMENT, "declare": T.STATEMENT, "warn": T.STATEMENT, "condemn": T.STATEMENT,
    "denounce": T.STATEMENT, "accuse": T.STATEMENT, "vow": T.STATEMENT, "pledge": T.STATEMENT,
    "abduct": T.ABDUCTION, "kidnap": T.ABDUCTION, "hijack": T.ABDUCTION,
    "annex": T.SEIZURE, "occupy": T.SEIZURE, "seize": T.SEIZURE,
    "consult": T.MEETING, "kill": T.MILITARY_ACTION, "assassinate": T.MILITARY_ACTION,
}  # fmt: skip

NOUNS: dict[str, EventType] = {
    "visit": T.VISIT, "trip": T.VISIT, "tour": T.VISIT, "journey": T.VISIT, "departure": T.VISIT,
    "arrival": T.VISIT, "stopover": T.VISIT, "voyage": T.VISIT, "stop": T.VISIT,
    "meeting": T.MEETING, "sit-down": T.MEETING,
    "talk": T.TALKS, "negotiation": T.TALKS, "dialogue": T.TALKS, "consultation": T.TALKS,
    "summit": T.SUMMIT, "gathering": T.SUMMIT, "conference": T.SUMMIT, "forum": T.SUMMIT, "ministerial": T.SUMMIT,
    "call": T.PHONE_CALL, "videoconference": T.PHONE_CALL, "teleconference": T.PHONE_CALL,
    "conversation": T.PHONE_CALL,
    "shootdown": T.MILITARY_ACTION, "shoot-down": T.MILITARY_ACTION, "strike": T.MILITARY_ACTION,
    "downing": T.MILITARY_ACTION,
    "airstrike": T.MILITARY_ACTION, "bombing": T.MILITARY_ACTION, "invasion": T.MILITARY_ACTION,
    "raid": T.MILITARY_ACTION, "attack": T.MILITARY_ACTION,
    "drill": T.MILITARY_EXERCISE, "exercise": T.MILITARY_EXERCISE, "wargame": T.MILITARY_EXERCISE,
    "patrol": T.MILITARY_EXERCISE, "extradition": T.EXTRADITION, "accession": T.ACCESSION,
    "test": T.WEAPONS_TEST, "launch": T.WEAPONS_TEST,
    "collision": T.INCIDENT, "interception": T.INCIDENT, "near-miss": T.INCIDENT, "clash": T.INCIDENT,
    "protest": T.PROTEST, "complaint": T.PROTEST, "demarche": T.PROTEST,
    "summons": T.SUMMONS,
    "arrest": T.DETENTION, "detention": T.DETENTION, "imprisonment": T.DETENTION,
    "release": T.RELEASE, "swap": T.RELEASE,
    "election": T.ELECTION, "referendum": T.ELECTION, "runoff": T.ELECTION,
    "inauguration": T.INAUGURATION, "swearing-in": T.INAUGURATION, "vote": T.ELECTION,
    "truce": T.AGREEMENT, "ceasefire": T.AGREEMENT, "armistice": T.AGREEMENT,
    "incident": T.INCIDENT, "confrontation": T.INCIDENT, "standoff": T.INCIDENT, "incursion": T.INCIDENT,
    "investigation": T.INVESTIGATION, "probe": T.INVESTIGATION, "inquiry": T.INVESTIGATION,
    "exchange": T.RELEASE, "congress": T.SUMMIT,
    "expulsion": T.EXPULSION,
    "sanction": T.SANCTION, "tariff": T.SANCTION, "levy": T.SANCTION, "embargo": T.SANCTION,
    # Armed conflict (PLOVER ASSAULT / MOBILIZE): wars, battles, sieges and the fights inside them.
    "war": T.MILITARY_ACTION, "battle": T.MILITARY_ACTION, "siege": T.MILITARY_ACTION,
    "skirmish": T.MILITARY_ACTION, "brawl": T.INCIDENT, "scuffle": T.INCIDENT, "altercation": T.INCIDENT,
    "firefight": T.MILITARY_ACTION, "melee": T.INCIDENT, "offensive": T.MILITARY_ACTION,
    "counteroffensive": T.MILITARY_ACTION, "counter-offensive": T.MILITARY_ACTION, "onslaught": T.MILITARY_ACTION,
    "shelling": T.MILITARY_ACTION, "fighting": T.MILITARY_ACTION,
    "shellfire": T.MILITARY_ACTION, "bombardment": T.MILITARY_ACTION, "reprisal": T.MILITARY_ACTION,
    "killing": T.MILITARY_ACTION, "assassination": T.MILITARY_ACTION, "stand-off": T.INCIDENT,
    "face-off": T.INCIDENT, "cessation": T.AGREEMENT,
    "deployment": T.DEPLOYMENT,
    # Taking territory, people or property (PLOVER COERCE / ASSAULT).
    "annexation": T.SEIZURE, "occupation": T.SEIZURE, "seizure": T.SEIZURE,
    "abduction": T.ABDUCTION, "kidnapping": T.ABDUCTION, "hijacking": T.ABDUCTION,
    # Leaving or suspending what binds two sides (PLOVER SANCTION / withdraw).
    "withdrawal": T.WITHDRAWAL, "pullout": T.WITHDRAWAL, "suspension": T.WITHDRAWAL, "closure": T.WITHDRAWAL,
    "disengagement": T.WITHDRAWAL,
    "recall": T.PROTEST,
    "resolution": T.RESOLUTION, "handover": T.HANDOVER, "rapprochement": T.TIES_RESTORED,
    "veto": T.REJECTION,
    "salvage": T.RESPONSE_OPERATION, "rescue": T.RESPONSE_OPERATION, "operation": T.RESPONSE_OPERATION,
}  # fmt: skip

# Verbs that carry no event of their own when their object is an event noun.
LIGHT_VERBS = frozenset(
    {"hold", "have", "conduct", "stage", "make", "take", "pay", "begin", "start", "open", "launch", "resume",
     "attend", "host", "join", "convene", "wrap", "end", "conclude", "kick", "carry", "undertake", "lodge",
     "file", "issue", "lead", "chair", "co-host", "plan", "announce", "impose", "slap", "levy", "expand",
     "tighten", "unveil", "order", "approve", "call", "agree", "set", "schedule", "postpone", "delay",
     "cancel", "scrap", "suspend", "reschedule", "pass", "adopt", "lay", "halt", "freeze", "break", "cast",
     "wield", "send", "deliver", "submit", "hand"}
)  # fmt: skip

# Nouns of deciding whose infinitive tells the act decided: "the 2017 decision to send troops", "the move to expel".
DECISION_NOUNS = frozenset({"decision", "move", "order"})
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "treaty", "pact", "truce", "ceasefire", "memorandum"})
# What sides reach when they agree, beside the agreement nouns: "reached a consensus", "reached an understanding".
REACHED_ACCORD_NOUNS = frozenset({"consensus", "understanding", "compromise"})
REQUEST_NOUNS = frozenset(
    {"request", "proposal", "claim", "offer", "invitation", "bid", "call", "plan", "demand", "application", "meeting",
     "overture", "appeal", "entreaty"}
)  # fmt: skip
SANCTION_NOUNS = frozenset(
    {"sanction", "tariff", "duty", "embargo", "penalty", "levy", "restriction", "ban", "curb", "quota"}
)
# Measures that, on exports, are export controls: "export curbs", "chip export restrictions", "licences".
EXPORT_MEASURES = frozenset({"control", "curb", "restriction", "ban", "limit", "licence", "license", "quota"})
# "imposed", "lifted" as a participle after the measure: "restrictions imposed in 2019".
IMPOSE_VERBS = frozenset(
    {"impose", "reimpose", "slap", "levy", "announce", "expand", "tighten", "unveil", "lift", "extend", "ease",
     "relax", "loosen", "waive", "renew", "raise", "hike", "double"}
)  # fmt: skip
# Easing what binds: "eased some measures", "relaxed the restrictions" (what is eased is a restriction).
EASING_VERBS = frozenset({"lift", "ease", "relax", "loosen", "waive"})
# Sending people to a place: "sent a delegation to Quito", "dispatched its envoy to Lima".
SENDING_VERBS = frozenset({"send", "dispatch"})
# Who is sent on a mission: officials, a delegation, a team of negotiators.
SENT_PEOPLE = frozenset({"delegation", "mission", "team", "negotiator", "negotiators", "delegate", "delegates"})
# Stopping or limiting what a state buys: "suspended imports of seafood", "banned beef imports", "froze trade".
TRADE_STOPPING_VERBS = frozenset(
    {"suspend", "ban", "halt", "block", "restrict", "curb", "stop", "bar", "embargo", "cut", "freeze"}
)
IMPORT_WORDS = frozenset({"import", "imports", "purchase", "purchases"})
# Stopping or limiting what a state sells: "restricted chip exports", "suspended oil exports" (the verbs of
# stopping trade but "bar" and "embargo", and "limit").
EXPORT_STOPPING_VERBS = (TRADE_STOPPING_VERBS - {"bar", "embargo"}) | {"limit"}
# What a state stops flowing in or out besides imports: visas, flights, travel, trade, shipments, supplies.
STOPPED_FLOWS = IMPORT_WORDS | frozenset(
    {"visa", "flight", "travel", "trade", "shipment", "transit", "remittance", "supply", "delivery", "entry"}
)
# Cutting the help a state gives another (PLOVER SANCTION, reduce aid): "cut aid to", "suspended assistance".
AID_STOPPING_VERBS = frozenset({"cut", "suspend", "halt", "freeze", "withhold", "slash", "stop", "pause"})
STOPPED_AID = frozenset({"aid", "assistance", "funding"})
# Property a state freezes or seizes as a measure: "froze the assets", "seized the reserves".
ASSET_WORDS = frozenset({"asset", "account", "fund", "reserve", "holding", "property"})
# Ways in a state closes to others: "closed its airspace to Zemblan airlines", "shut its ports to".
CLOSED_PASSAGES = frozenset({"airspace", "port", "border", "water", "crossing", "market"})
TO_WHOM = frozenset({"to"})
# What a government "unveils" or "announces" as news: "unveiled a plan on Monday".
ANNOUNCED_NOUNS = frozenset(
    {"plan", "proposal", "strategy", "initiative", "package", "framework", "roadmap", "policy", "measure",
     "rule", "program", "programme", "partnership", "pact", "deal", "agreement"}
)  # fmt: skip
# "expressed regret", "conveyed its concerns": a diplomatic reaction is a statement or a protest.
REACTION_NOUNS = frozenset(
    {"regret", "concern", "condolence", "sympathy", "support", "solidarity", "opposition", "displeasure",
     "dissatisfaction", "outrage", "anger", "alarm", "hope", "gratitude", "disappointment", "objection"}
)  # fmt: skip
PROTEST_REACTIONS = frozenset({"concern", "displeasure", "dissatisfaction", "outrage", "anger", "objection", "protest"})
# Entering another state's space: "entered American airspace", "crossed into Canada", "violated its waters".
SPACE_NOUNS = frozenset({"airspace", "water", "waters", "territory", "zone", "space"})
PASSAGE_PREPS = frozenset({"through", "into", "across", "near", "past", "to"})
# Ties between states: "switched diplomatic recognition", "severed ties", "restored relations".
TIES_NOUNS = frozenset({"recognition", "tie", "ties", "relation", "relations"})
TIES_VERBS = frozenset({"switch", "sever", "cut", "establish", "restore", "normalize", "normalise", "break",
                        "resume", "upgrade", "downgrade"})  # fmt: skip
# A measure that starts to bind: "the truce is due to take effect", "the rules would apply from Oct. 21".
MEASURE_SUBJECTS = frozenset(
    {"truce", "ceasefire", "deal", "agreement", "accord", "pact", "treaty", "sanction", "tariff", "duty", "ban",
     "rule", "requirement", "restriction", "control", "measure", "provision", "law", "regulation", "embargo",
     "package", "order", "curb", "levy"}
)  # fmt: skip
# "comes into force", "entered into force", "went into effect".
INTO_FORCE_VERBS = frozenset({"come", "enter", "go"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
# Measures that bind as sanctions when nothing says they are export rules or an agreement.
RESTRICTIVE_MEASURES = frozenset({"restriction", "control", "measure", "package", "curb", "levy", "embargo"})
# What a state requires of those crossing, lifted or eased with the flow it bears on ("visa requirements").
RULE_NOUNS = frozenset({"requirement", "regime", "rule"})
# Acts a government performs by announcing them: "announced the recall of its ambassador on Monday" is the recall.
DONE_BY_ANNOUNCING = frozenset({"recall", "expulsion"})
# Envoys a government "calls in" (a summons).
ENVOY_NOUNS = frozenset({"ambassador", "envoy", "diplomat", "charge", "chargé", "attaché", "consul", "emissary"})
# A body of people that a word of diplomacy makes a mission's: "its diplomatic staff", "embassy personnel".
STAFF_NOUNS = frozenset({"staff", "personnel", "corps"})
MISSION_MODIFIERS = frozenset({"diplomatic", "embassy", "consular", "consulate"})


def _mission_s_people(noun: Token) -> bool:
    """Whether the noun is a mission's people by its modifier: "recalled its diplomatic staff"."""
    return noun.lemma_.lower() in STAFF_NOUNS and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in MISSION_MODIFIERS for c in noun.children
    )


# People who can be "held" (detained), as opposed to talks that are "held".
PERSON_NOUNS = frozenset(
    {"journalist", "reporter", "citizen", "national", "man", "woman", "executive", "businessman", "worker",
     "activist", "pastor", "tourist", "student", "marine", "veteran", "soldier", "sailor", "crew", "hostage",
     "prisoner", "detainee", "employee", "scholar", "researcher", "academic", "diplomat", "official",
     "engineer", "teacher", "writer", "author", "blogger", "dissident", "lawyer", "doctor", "priest", "nurse",
     "suspect", "volunteer", "missionary", "officer", "policeman", "guard", "farmer", "trader"}
)  # fmt: skip
EXCHANGE_WORDS = frozenset({"prisoner", "prisoners", "spy", "spies", "detainee", "hostage", "hostages"})
INVESTIGATION_HEADS = frozenset({"open", "launch", "begin", "start", "announce", "initiate", "complete", "conclude"})
EXPORT_WORDS = frozenset({"export", "exports", "chip", "chips", "technology", "semiconductor"})
WEAPON_WORDS = frozenset(
    {"missile", "missiles", "rocket", "rockets", "icbm", "icbms", "warhead", "nuclear", "ballistic", "weapon",
     "weapons", "hypersonic", "satellite", "torpedo"}
)  # fmt: skip
MILITARY_WORDS = frozenset(
    {"military", "naval", "joint", "live-fire", "war", "air", "army", "navy", "amphibious", "combat", "drill",
     "exercise", "missile", "army's", "blockade", "encirclement"}
)  # fmt: skip
# Words that make an act one done together by the sides: "a joint patrol", "coordinated patrols".
JOINT_WORDS = frozenset({"joint", "coordinated", "combined", "bilateral", "trilateral"})
# Deciding on a set of measures: "approved a fresh round of sanctions", "adopted a 14th package of them".
MEASURE_ADOPTING_VERBS = frozenset({"agree", "approve", "adopt", "unveil", "endorse", "finalise", "finalize"})
# Texts the sides of a gathering agree together.
JOINT_TEXTS = frozenset({"declaration", "communique", "communiqué"})
MEASURE_SETS = frozenset({"package", "round", "set", "raft", "wave", "batch", "list"})
# Words that make plain words hostile: "exchanged sharp words", "traded angry words".
SHARP_WORDS = frozenset({"sharp", "harsh", "angry", "heated", "bitter", "tough", "strong", "barbed", "testy"})
# What one declines to do when one declines to speak ("declined to elaborate", "refused to discuss details"):
# no request or proposal is turned down (PLOVER REJECT needs one).
COMMENTING_VERBS = frozenset(
    {"comment", "discuss", "elaborate", "say", "speculate", "confirm", "specify", "disclose", "reveal", "identify",
     "name", "detail", "answer", "explain"}
)  # fmt: skip


# What one declines to give when one declines to speak: "refused to provide details".
DETAIL_NOUNS = frozenset({"detail", "information", "comment", "figure", "specific", "name", "explanation", "timeline"})


def _declines_to_speak(verb: Token) -> bool:
    """ "declined to elaborate", "refused to provide details": a refusal to say, which turns nothing down."""
    return verb.lemma_.lower() in COMMENTING_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in DETAIL_NOUNS for c in verb.children
    )


def _package_of_sanctions(objects: list[Token]) -> bool:
    return any(
        o.lemma_.lower() in MEASURE_SETS
        and any(g.lemma_.lower() in SANCTION_NOUNS for c in o.children if c.dep_ == "prep" for g in c.children)
        for o in objects
    )


def _sharp_words(objects: list[Token]) -> bool:
    return any(
        o.lemma_.lower() == "word" and any(c.dep_ == "amod" and c.lower_ in SHARP_WORDS for c in o.children)
        for o in objects
    )


# What befalls a text put to a vote that is not adopted: "the resolution failed", "was rejected", "was defeated".
FAILING_VERBS = frozenset({"fail", "reject", "defeat", "block", "veto", "sink"})
# Kin and friends, whose meetings and visits are private: "relatives of the freed men will meet them".
KIN_NOUNS = frozenset(
    {"relative", "relatives", "family", "families", "parent", "parents", "wife", "husband", "son", "daughter",
     "mother", "father", "child", "children", "sibling", "brother", "sister", "friend", "friends", "loved"}
)  # fmt: skip
NOT_MEETING_OBJECTS = frozenset(
    {"demand", "target", "goal", "requirement", "need", "deadline", "standard", "expectation", "criterion",
     "obligation", "threshold", "end", "challenge"}
)  # fmt: skip
STRIKE_MODIFIERS = frozenset({"air", "missile", "drone", "military", "aerial", "retaliatory", "precision"})
NAMING_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod"})
# "trade war", "legal battle", "war of words": a contest that is no fighting.
NOT_FIGHTING_MODIFIERS = frozenset(
    {"trade", "tariff", "price", "currency", "cold", "culture", "propaganda", "information", "legal", "political",
     "court", "diplomatic", "electoral", "election", "bidding", "turf", "uphill", "word", "words", "verbal",
     "custody", "courtroom", "budget", "takeover", "ratings", "public-relations", "media", "lobbying"}
)  # fmt: skip
# What kills without anyone's using force: "a train crash killed ten", "floods killed 40".
MISHAP_NOUNS = frozenset(
    {"wreck", "shipwreck", "crash", "accident", "collision", "storm", "flood", "floods", "earthquake", "quake",
     "fire", "blaze", "landslide", "avalanche", "disease", "illness", "virus", "epidemic", "outbreak", "heat",
     "heatwave", "cyclone", "hurricane", "typhoon", "tsunami", "drought", "collapse", "stampede"}
)  # fmt: skip
# "a search and rescue operation", "salvage operations": the operation after an incident.
RESPONSE_MODIFIERS = frozenset({"salvage", "rescue", "recovery", "search", "retrieval", "evacuation", "relief"})
# What binds two sides and can be left or suspended: agreements, ties, channels, memberships.
BINDING_NOUNS = AGREEMENT_NOUNS | frozenset(
    {"ties", "tie", "relation", "relations", "channel", "hotline", "communication", "communications", "contact",
     "contacts", "cooperation", "participation", "membership", "commitment", "obligation", "restriction",
     "limit", "arrangement", "initiative", "convention", "moratorium", "understanding", "framework", "program",
     "programme", "mechanism", "exchange", "exchanges", "embassy", "consulate"}
)  # fmt: skip
LEAVE_VERBS = frozenset({"withdraw", "pull", "exit", "quit", "leave", "abandon", "renounce", "ditch", "scrap",
                         "suspend", "freeze", "halt", "sever", "cut", "break", "terminate", "revoke",
                         "close", "shut"})  # fmt: skip
RESTORE_VERBS = frozenset({"restore", "resume", "reopen", "establish", "re-establish", "reestablish", "normalize",
                           "normalise", "reinstate", "revive", "switch", "upgrade"})  # fmt: skip
# The ways between two states that one can shut or open (PLOVER SANCTION/restrict movement, and its easing):
# "closed the border", "the crossing reopened", "flights resumed", "reopened its airspace".
CROSSING_NOUNS = (CLOSED_PASSAGES - {"market", "water"}) | frozenset(
    {"checkpoint", "frontier", "flight", "corridor", "route"}
)
SHUTTING_VERBS = frozenset({"close", "shut", "seal"})
WAY_OPENING_VERBS = frozenset({"reopen", "open", "resume", "restore"})
# Forces and weapons that are sent somewhere: "dispatched B-52 bombers", "stationed troops".
MILITARY_ASSETS = frozenset(
    {"troop", "troops", "force", "forces", "soldier", "soldiers", "marine", "marines", "warship", "warships",
     "ship", "ships", "vessel", "vessels", "destroyer", "frigate", "carrier", "submarine", "bomber", "bombers",
     "jet", "jets", "fighter", "fighters", "aircraft", "missile", "missiles", "battery", "batteries", "drone",
     "drones", "tank", "tanks", "unit", "units", "battalion", "brigade", "system", "thaad", "interceptor"}
)  # fmt: skip
# The services through which a state acts: "the navies of Ostland and Zembla began drills".
STATE_SERVICES = frozenset(
    {"navy", "army", "military", "government", "coastguard", "force", "forces", "troop", "troops", "guard",
     "parliament", "ministry", "authority", "authorities", "delegation", "delegations", "diplomat", "diplomats"}
)  # fmt: skip
# Who raids a building for a state: "police stormed the embassy" (protesters storming one is no raid).
# The police and security services of a state.
POLICE_WORDS = frozenset({"police", "policeman", "officer", "officers", "agent", "agents", "security"})
STORMING_FORCES = MILITARY_ASSETS | POLICE_WORDS | frozenset({"commando", "commandos"})
# Who arrests for a state: "police seized two suspects".
ARRESTING_FORCES = POLICE_WORDS | frozenset({"authority", "authorities"})
# A state's missions abroad.
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission"})
# Buildings a raid is made on: "stormed the embassy".
STORMED_PLACES = frozenset(
    {"embassy", "consulate", "compound", "building", "parliament", "mission", "residence", "office", "headquarters"}
)  # fmt: skip
# Who or what carries cargo: "a ship carrying diesel arrived" is a delivery, not a visit.
VEHICLE_WORDS = frozenset(
    {"ship", "vessel", "boat", "tanker", "freighter", "barge", "plane", "aircraft", "jet", "flight", "shipment",
     "cargo", "convoy", "consignment", "delivery", "truck", "lorry", "train", "aid", "supply", "supplies",
     "fuel", "container", "package"}
)  # fmt: skip
# People a state releases or hands over, beyond the nouns of :data:`PERSON_NOUNS`.
CAPTIVE_NOUNS = frozenset(
    {"pilot", "captive", "fisherman", "airman", "spy", "agent", "crewman", "crew", "sailor", "member", "politician",
     "leader", "nun", "missionary", "american", "britons", "nationals", "person", "people", "body", "remains"}
)  # fmt: skip
# People two sides exchange: "exchanged 90 prisoners each", "swapped prisoners of war".
EXCHANGED_PEOPLE = CAPTIVE_NOUNS | frozenset({"prisoner", "detainee", "hostage", "pow", "soldier", "civilian"})
# Offices that rotate: "handed over the rotating presidency", "took over the chairmanship".
CHAIR_NOUNS = frozenset({"presidency", "chairmanship", "chair", "chairship", "leadership", "helm"})
# A named gathering whose head word is part of its name: "will hold the Strategic Dialogue".
PROPER_EVENT_HEADS = frozenset({"summit", "conference", "dialogue", "forum", "talks", "meeting", "consultations"})
# Consulting with someone (PLOVER CONSULT): "huddled with", "conferred with".
CONSULT_WITH_VERBS = frozenset({"huddle", "confer", "consult", "parley"})
# Receiving a guest (PLOVER CONSULT/host): "hosted the prime minister", "received the envoy".
HOST_VERBS = frozenset({"host", "receive", "welcome"})
# Who is hosted or received as a guest of state.
GUEST_NOUNS = frozenset(
    {"minister", "president", "premier", "chancellor", "king", "queen", "prince", "emir", "sultan", "leader",
     "delegation", "counterpart", "envoy", "ambassador", "secretary", "official", "officials", "pope", "monarch",
     "dignitary", "head", "vice-president", "emissary", "mayor", "governor", "crown"}
)  # fmt: skip
# Leaving for somewhere: "left for Tokyo", "set off for Kyiv".
DEPART_VERBS = frozenset({"leave", "depart", "set"})
# Weapons that hit a target (PLOVER ASSAULT): "rockets slammed into", "shells rained down on".
# What is fired in a firing incident when no weapon or target is named: "guards fired warning shots", "fired rounds".
SHOT_NOUNS = frozenset({"shot", "round", "gunshot", "volley"})
MUNITION_WORDS = WEAPON_WORDS | frozenset(
    {"shell", "shells", "mortar", "mortars", "bomb", "bombs", "drone", "drones", "artillery", "grenade",
     "grenades", "munition", "munitions", "projectile", "projectiles", "airstrike", "airstrikes", "strike",
     "strikes", "fire", "shellfire", "gunfire", "salvo", "barrage"}
)  # fmt: skip
# What two sides trade in a firefight: "exchanged fire", "traded artillery shells".
FIRE_NOUNS = frozenset({"fire", "gunfire", "shot", "shell", "salvo", "artillery", "rocket", "missile"})
IMPACT_VERBS = frozenset({"hit", "rain", "slam", "pound", "strike", "land", "crash", "smash", "pummel", "batter"})
# Explosives set or set off (PLOVER ASSAULT): "mines were attached to tankers", "detonated a car bomb".
EXPLOSIVE_WORDS = frozenset({"mine", "mines", "bomb", "bombs", "explosive", "explosives", "ied", "ieds", "device"})
PLACING_VERBS = frozenset({"attach", "plant", "lay", "detonate", "drop", "hurl", "lob", "set"})
TARGET_PREPS = frozenset({"at", "on", "against", "toward", "towards"})
# Aid given (PLOVER AID): "pledged $2 billion in aid", "approved a loan".
AID_NOUNS = frozenset({"aid", "assistance", "loan", "grant", "credit", "bailout", "donation", "relief"})
# Money given outright (PLOVER AID, economic): "pledged $2 billion to help Pakistan", "promised 500 million euros
# to Ukraine". Verbs that give, not those that approve or announce a sum (a budget is no gift).
MONEY_GIVING_VERBS = frozenset({"pledge", "promise", "donate", "give", "grant", "provide", "disburse", "allocate"})
CURRENCY_WORDS = frozenset(
    {"dollar", "euro", "pound", "yen", "yuan", "renminbi", "rouble", "ruble", "franc", "rupee", "riyal", "dirham"}
)
# What a sum is given for, with the side it helps: "to help Pakistan recover", "to support Ukraine".
HELPING_VERBS = frozenset({"help", "support", "assist", "rebuild", "fund", "finance", "aid"})
AID_VERBS = frozenset(
    {"pledge", "provide", "send", "approve", "grant", "give", "deliver", "extend", "disburse", "announce",
     "donate", "airlift", "ship", "allocate"}
)  # fmt: skip
# Accepting what ends a fight or a dispute (PLOVER AGREE/accept).
ACCEPTED_NOUNS = AGREEMENT_NOUNS | frozenset({"proposal", "terms", "plan", "offer", "resolution", "mediation"})
GATHERING_VERBS = frozenset({"hold", "attend", "host", "convene", "co-host", "chair", "co-chair", "open", "skip"})


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
    if not objects and token.dep_ == "conj" and token.tag_ == "VBN" and _bare_conjunct(token):
        # "the embassy was closed on Sunday and reopened on Monday": a participle joined to a passive verb,
        # with no subject or object of its own, is passive on the same subject.
        objects = [c for c in token.head.children if c.dep_ == "nsubjpass"]
    if not objects:
        objects = shared_object(token)  # "rammed and boarded a navy boat"
    return [through_partitive(o) for o in objects]


def _posted_forces(verb: Token) -> bool:
    """ "supplies for troops stationed on the shoal", "forces deployed in the region": a participle on the forces
    tells where they are, not their sending, unless a time of its own says when ("troops deployed last week")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.lemma_.lower() not in MILITARY_ASSETS:
        return False
    return not any(c.dep_ == "npadvmod" and c.ent_type_ == "DATE" for c in verb.children)


def _bare_conjunct(token: Token) -> bool:
    return not any(c.dep_ in {"nsubj", "nsubjpass", "dobj", "aux", "auxpass"} for c in token.children)


def _has_particle(token: Token, particle: str) -> bool:
    """Whether the verb has the particle: as the parser marks one, or a particle it hung as a preposition with no
    object ("ordered two officials out on Tuesday")."""
    return any(
        c.lower_ == particle and (c.dep_ == "prt" or (c.tag_ == "RP" and not any(c.children))) for c in token.children
    )


def _object_subtree_words(objects: list[Token]) -> set[str]:
    """Words of the objects' phrases, a few levels deep ("components of a new ballistic missile",
    "what appeared to be a new missile")."""
    words: set[str] = set()
    stack = [(o, 0) for o in objects]
    while stack:
        node, depth = stack.pop()
        words.add(node.lower_)
        words.add(node.lemma_.lower())
        if depth < 4:
            stack.extend((c, depth + 1) for c in node.children if c.dep_ not in {"relcl", "advcl", "acl", "appos"})
    return words


def _is_person(token: Token) -> bool:
    if token.ent_type_ == "PERSON" or token.lower_ in {"who", "he", "she", "they", "him", "her"}:
        return True
    if token.lemma_.lower() in PERSON_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)


def starts_to_bind(token: Token, lemma: str, object_lemmas: set[str]) -> bool:
    """ "takes effect", "took effect"; "comes into force", "entered into force", "went into effect"."""
    if lemma == "take":
        return "effect" in object_lemmas
    if lemma in INTO_FORCE_VERBS:
        return any(
            c.dep_ == "prep" and c.lower_ == "into" and any(g.lemma_.lower() in {"force", "effect"} for g in c.children)
            for c in token.children
        )
    return False


def _binding_phrase(token: Token) -> str:
    """ "effect" for "takes effect", "into-force" / "into-effect" for the prepositional forms."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "into":
            for noun in child.children:
                if noun.lemma_.lower() in {"force", "effect"}:
                    return f"into-{noun.lemma_.lower()}"
    return "effect"


def _measures(token: Token) -> list[Token]:
    """What starts to bind: the subject, read through a relative pronoun ("a provision that takes effect")
    or a participle ("the rules taking effect Friday"), with the noun it stands in apposition to ("the
    rules ..., a provision that takes effect")."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.dep_ in {"relcl", "acl"} and (not subjects or all(s.lower_ in RELATIVE_PRONOUNS for s in subjects)):
        subjects = [token.head]
    found = list(subjects)
    found += [s.head for s in subjects if s.dep_ == "appos" and s.head.pos_ in {"NOUN", "PROPN"}]
    return found


def _measure_type(token: Token, measures: list[Token]) -> EventType:
    """An agreement that enters into force is an agreement; export rules are export controls; other
    binding measures (sanctions, tariffs, restrictions, a sanctions package) are sanctions. A law or a
    regulation with no sign of either has no closer type than ``other``."""
    lemmas = {m.lemma_.lower() for m in measures}
    if lemmas & AGREEMENT_NOUNS:
        return T.AGREEMENT
    if lemmas & SANCTION_NOUNS:
        return T.SANCTION
    words = {w.lower_ for m in measures for w in m.subtree} | {w.lower_ for w in token.sent}
    if words & EXPORT_WORDS:
        return T.EXPORT_CONTROL
    if lemmas & RESTRICTIVE_MEASURES:
        return T.SANCTION
    return T.OTHER


def _is_captive(token: Token) -> bool:
    """A person, or people a state holds ("the pilot", "two Americans", "the crew")."""
    return _is_person(token) or token.ent_type_ == "NORP" or token.lemma_.lower() in CAPTIVE_NOUNS


def _is_held(token: Token) -> bool:
    """What a state holds and can release: captives, and a seized ship, boat or aircraft."""
    return _is_captive(token) or token.lemma_.lower() in CRAFT_NOUNS | {"aircraft", "plane"}


def _raised_subjects(token: Token) -> list[Token]:
    """The passive subject of the verb a to-infinitive hangs on ("the crew is expected to be released"), or
    of the verb a second verb with no subject of its own is joined to ("was arrested ... and released")."""
    found: list[Token] = []
    current = token
    while current.dep_ == "xcomp" and current.head.i != current.i:
        current = current.head
        found += [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        found += [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.dep_ == "pcomp" and token.tag_ == "VBN" and token.head.dep_ == "prep":
        # "were taken to the embassy after being freed": a passive gerund's captives are its clause's subject.
        found += [c for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for clause in (c for c in token.children if c.dep_ in {"nsubjpass", "csubjpass"} and c.pos_ == "VERB"):
        # "Three Japanese held hostage ... have been released": the parser made the participle the subject.
        found += [c for c in clause.children if c.dep_ in {"nsubj", "dobj"}]
    return found


# Names of a side between states: a person, a state, a people, a body.
SIDE_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG"})


def _is_party(token: Token) -> bool:
    """A side that can be briefed or consulted: a named person, state or body, or allies, counterparts."""
    return token.ent_type_ in SIDE_LABELS or token.lemma_.lower() in {
        "ally", "counterpart", "partner", "lawmaker", "minister", "leader", "member", "envoy", "diplomat",
    }  # fmt: skip


# Words two sides hurl at each other: "traded accusations", "exchanged barbs", "levelled threats".
TRADING_VERBS = frozenset({"trade", "exchange", "hurl", "level"})
HOSTILE_WORDS = frozenset({"accusation", "barb", "insult", "threat", "recrimination", "allegation"})
# Nouns of a place one is expected in, besides named places: "in the region", "in the capital".
EXPECTED_IN_NOUNS = frozenset({"region", "capital", "city", "country", "area"})


def _expected_somewhere(token: Token) -> bool:
    """ "X is expected in Quito on Sunday": a person awaited at a place, with no verb of their own."""
    if token.tag_ != "VBN" or any(c.dep_ in {"xcomp", "ccomp"} for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not (subject.ent_type_ == "PERSON" or subject.lemma_.lower() in GUEST_NOUNS):
        return False
    places = prep_objects(token, SITE_PREPS)
    return any(p.ent_type_ in {"GPE", "LOC", "FAC"} or p.lemma_.lower() in EXPECTED_IN_NOUNS for p in places)


# Who is given something: "aid to Zembla", "$2 billion for Peru".
TO_WHOM_GIVEN = frozenset({"to", "for"})


def _recipients(token: Token, objects: list[Token]) -> list[Token]:
    """What "to"/"for" phrases on the verb or on its objects name: "sent aid to Zembla", "a loan for Peru"."""
    return prep_objects(token, TO_WHOM_GIVEN) + [g for o in objects for g in prep_objects(o, TO_WHOM_GIVEN)]


def _aid_to_a_party(token: Token, objects: list[Token]) -> bool:
    """Help given to a state, body or people ("aid to Zembla", "Ostland's military assistance"), or foreign or
    military aid: not a city's "funding for schools"."""
    recipients = _recipients(token, objects)
    owners = [c for o in objects for c in o.children if c.dep_ in {"poss", "amod", "compound"}]
    return any(_is_party(t) for t in recipients + owners) or any(
        c.lower_ in {"military", "foreign", "humanitarian", "economic", "security"} for c in owners
    )


def _sends_forces(token: Token, objects: list[Token]) -> bool:
    """ "dispatched bombers", "troops deployed to the border" (the participle after its noun)."""
    things = list(objects)
    if token.dep_ == "acl" and token.tag_ == "VBN":
        things.append(token.head)
    return bool(_object_subtree_words(things) & MILITARY_ASSETS) if things else False


def _sent_reeling(token: Token, objects: list[Token]) -> bool:
    """ "sent prices soaring", "were sent reeling": "send" with a present participle right after it or after
    its object makes something happen to the object (a resultative); nobody is dispatched."""
    if token.lemma_.lower() != "send":
        return False
    next_slots = {token.i + 1} | {o.right_edge.i + 1 for o in objects}
    doc = token.doc
    return any(i < len(doc) and doc[i].tag_ == "VBG" for i in next_slots)


def left_from(token: Token) -> list[Token]:
    """What a verb leaves: "withdrew from the pact", "pulled out of the treaty", "pulled America out of the
    deal" (the particle's own "of" phrase)."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "of", "out"}:
            found += [g for g in child.children if g.dep_ == "pobj"]
            found += [g2 for g in child.children if g.dep_ == "prep" for g2 in g.children if g2.dep_ == "pobj"]
        if child.dep_ == "prt" and child.lower_ == "out":
            found += [g2 for g in child.children if g.dep_ == "prep" for g2 in g.children if g2.dep_ == "pobj"]
    return found


def _binds(token: Token) -> bool:
    """Something that binds sides: an agreement or a tie (by its noun or its modifiers), or a named treaty
    or body ("the JCPOA", "the Paris accord")."""
    if token.lower_ == "it" and token.pos_ == "PRON":
        # "suspended the treaty in 2007 and withdrew from it in 2023": "it" is the nearest noun before it in
        # its sentence.
        before = [t for t in token.sent if t.i < token.i and t.pos_ in {"NOUN", "PROPN"}]
        return bool(before) and before[-1].lower_ != "it" and _binds(before[-1])
    words = {token.lemma_.lower()} | {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod"}}
    words |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    # A named treaty or body: an entity, or an acronym the model left untagged ("the JCPOA").
    named = token.ent_type_ in {"ORG", "LAW"} or (token.pos_ == "PROPN" and token.is_upper and len(token) > 2)
    return bool(words & BINDING_NOUNS) or named or _named_body(token)


# The last word of a body's name, capitalised: "the Pacific Islands Forum", "the Arab League", "the Nordic
# Council" (the tagger may read such a name as a place or leave it untagged).
BODY_NAME_HEADS = frozenset(
    {"forum", "council", "league", "union", "alliance", "community", "commonwealth", "organization", "organisation",
     "association", "court", "bank", "fund", "assembly", "group"}
)  # fmt: skip


def _named_body(token: Token) -> bool:
    """Whether the word ends the name of a body of states ("the Pacific Islands Forum") or stands before its
    initials ("the Forum (PIF)")."""
    if token.pos_ != "PROPN":
        return False
    initials = any(c.dep_ == "appos" and c.is_upper and len(c) > 1 and c.ent_type_ == "ORG" for c in token.children)
    return initials or (token.lemma_.lower() in BODY_NAME_HEADS and token.text[:1].isupper())


# What a mission does when it is shut or opened again: "the embassy suspended operations", "resumed work".
MISSION_WORK = frozenset({"operation", "work", "activity", "service", "function"})


def _diplomatic_mission(token: Token) -> bool:
    """An embassy or consulate, or a mission called diplomatic ("three diplomatic missions"; a mission alone may
    be a military or UN one)."""
    lemma = token.lemma_.lower()
    return lemma in MISSION_NOUNS - {"mission"} or (
        lemma == "mission" and any(c.lower_ == "diplomatic" and c.dep_ in {"amod", "compound"} for c in token.children)
    )


def _mission_acting_on_itself(token: Token, objects: list[Token]) -> list[Token]:
    """ "the embassy will close", "the missions have resumed operations": a mission that closes, suspends or
    resumes its own work is shut or reopened, as when a state closes or reopens it."""
    if objects and not all(o.lemma_.lower() in MISSION_WORK for o in objects):
        return []
    subjects = [s for c in token.children if c.dep_ == "nsubj" for s in (c, *c.conjuncts)]
    if not subjects and token.dep_ == "conj" and _bare_conjunct(token):
        subjects = [s for c in token.head.children if c.dep_ == "nsubj" for s in (c, *c.conjuncts)]
    return [s for s in subjects if _diplomatic_mission(s)]


# What a mission can do to itself: close, suspend, reopen, resume (not leave: "the embassy staff left").
MISSION_SHUTTING_VERBS = (LEAVE_VERBS | RESTORE_VERBS) - {"withdraw", "pull", "exit", "quit", "leave", "abandon"}


def _left_binding(token: Token, lemma: str, objects: list[Token]) -> tuple[EventType, str] | None:
    """Leaving or suspending an agreement, ties or a channel (PLOVER SANCTION/withdraw), and restoring
    ties or a channel. An event noun left ("suspended talks") stays that event, with a changed status."""
    if lemma in MISSION_SHUTTING_VERBS and _mission_acting_on_itself(token, objects):
        kind = T.WITHDRAWAL if lemma in LEAVE_VERBS else T.TIES_RESTORED
        return kind, f"verb:mission-{lemma}"
    if lemma in LEAVE_VERBS:
        if lemma in {"withdraw", "pull", "exit", "quit"} and any(_binds(t) for t in left_from(token)):
            return T.WITHDRAWAL, f"verb:{lemma}-from-agreement"
        if lemma != "pull" and any(_binds(o) and o.lemma_.lower() not in NOUNS for o in objects):
            return T.WITHDRAWAL, f"verb:{lemma}-agreement"
    if lemma in RESTORE_VERBS and any(
        (o.lemma_.lower() in BINDING_NOUNS - AGREEMENT_NOUNS and o.lemma_.lower() not in NOUNS)
        or _diplomatic_mission(o)
        for o in objects
    ):
        return T.TIES_RESTORED, f"verb:{lemma}-ties"
    return None


# An agreement kept in force for longer: "extended the truce", "the pact was renewed".
EXTENDING_VERBS = frozenset({"extend", "renew", "prolong"})


def _sits_down_together(token: Token) -> bool:
    """ "sat down with his counterpart", "the two leaders sit down in Lima": sitting down with someone, or several
    officials sitting down, is a meeting (sitting down "for talks" is told by the talks)."""
    preps = {c.lower_: c for c in token.children if c.dep_ == "prep"}
    if "for" in preps and any(g.lemma_.lower() in NOUNS for g in preps["for"].children):
        return False
    if "with" in preps:
        return any(_is_party(g) or _is_person(g) for g in preps["with"].children)
    if any(c.dep_ == "advmod" and c.lower_ == "together" for c in token.children):
        return True  # "the two sides sat down together"
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return any(
        (s.tag_ in {"NNS", "NNPS"} and s.lemma_.lower() in GUEST_NOUNS) or any(c.dep_ == "conj" for c in s.children)
        for s in subjects
    )


def _crossing_shut_or_opened(token: Token, lemma: str, objects: list[Token]) -> tuple[EventType, str] | None:
    """A way between states shut (a restriction) or opened again: "Ostland closed the border on Monday", "the
    crossing was reopened", and, with no object, "the crossing reopened to trucks", "direct flights resumed"."""
    if lemma not in SHUTTING_VERBS | WAY_OPENING_VERBS:
        return None
    if lemma in SHUTTING_VERBS and prep_objects(token, TO_WHOM):
        return None  # "closed its airspace to Zemblan airlines": shut to someone (see the PLOVER rules)
    ways = objects or [c for c in token.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "dobj" for c in token.children) and not objects:
        return None
    if not any(w.lemma_.lower() in CROSSING_NOUNS for w in ways):
        return None
    if lemma in SHUTTING_VERBS:
        return T.SANCTION, f"verb:{lemma}-border"
    return T.TIES_RESTORED, f"verb:{lemma}-border"


# What is recovered after a crash or a sinking (PLOVER AID/operations after an incident): "recovered the
# wreckage", "retrieved the flight recorders".
WRECK_NOUNS = frozenset(
    {"wreckage", "wreck", "debris", "remains", "body", "bodies", "recorder", "recorders", "box", "fuselage", "hull"}
)
# What is rammed in an incident at sea or in the air: vessels and craft.
CRAFT_NOUNS = frozenset(
    {"ship", "vessel", "boat", "trawler", "ferry", "tanker", "frigate", "destroyer", "cutter", "patrol", "craft"}
)


# Craft and the services that sail or fly them, on either side of an encounter at sea or in the air: "coast
# guard ships", "a fighter jet", "the navy".
ENCOUNTER_CRAFT = CRAFT_NOUNS | frozenset(
    {"warship", "submarine", "carrier", "corvette", "plane", "airplane", "aircraft", "jet", "fighter", "bomber",
     "drone", "helicopter", "warplane", "airliner", "navy", "coastguard", "flotilla"}
)  # fmt: skip
# What craft carry out, as a target: "blocked a resupply mission", "harassed a convoy".
CRAFT_ERRANDS = frozenset({"mission", "convoy", "flight"})
# Acts of one craft against another short of an attack (PLOVER COERCE / THREATEN): "shadowed a destroyer",
# "fired water cannon at a boat", "pointed a laser at a patrol plane", "blocked a resupply mission".
# Of those, coming close, which needs a path to the other craft: "flew within 20 feet of a patrol plane".
APPROACH_VERBS = frozenset({"fly", "sail", "come", "pass", "approach", "steam"})
# Letting something go near another craft: "released flares near a surveillance plane", "dropped chaff".
RELEASING_VERBS = frozenset({"release", "drop", "dump", "eject", "dispense"})
ENCOUNTER_VERBS = APPROACH_VERBS | RELEASING_VERBS | frozenset(
    {"shadow", "tail", "harass", "buzz", "block", "chase", "pursue", "confront", "obstruct", "blind", "swarm",
     "fire", "point", "aim", "direct", "spray", "blast"}
)  # fmt: skip
# Getting close, as a path to the other craft: "flew within 20 feet of", "steamed close to", "came near".
CLOSE_PREPS = frozenset({"within", "near", "close", "to", "alongside"})

# Moving an envoy: back to the post (relations restored: "will return its ambassador to Zembla", "sent their
# envoys back to their posts") or home (a recall: "called home its envoy", "brought back its ambassador",
# "is ordering its envoy home").
ENVOY_MOVING_VERBS = frozenset({"return", "send", "call", "bring", "summon", "order"})
# People wanted for trial or punishment, and verbs that pass them to another state (not prisoners or detainees,
# who may be captives of war handed back: a release).
WANTED_PEOPLE = frozenset({"suspect", "fugitive", "convict", "defendant"})
PASSING_VERBS = frozenset({"transfer", "send", "deliver", "surrender"})


def _handed_to_another_state(token: Token, lemma: str, object_lemmas: set[str]) -> bool:
    if not object_lemmas & WANTED_PEOPLE:
        return False
    if lemma in {"hand", "turn"}:
        return _has_particle(token, "over")
    to_state = any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.ent_type_ == "GPE" for g in c.children) for c in token.children
    )
    return lemma in PASSING_VERBS and to_state


# Verbs that, with "out" and people as object, send them out of a country: "ordered the attaché out".
SENDING_OUT_VERBS = frozenset({"order", "kick", "throw", "force"})
HOMEWARD_WORDS = frozenset({"home", "back"})


def _envoy_moved(token: Token, lemma: str, object_lemmas: set[str]) -> tuple[EventType, str] | None:
    if not object_lemmas & ENVOY_NOUNS:
        return None
    words = {c.lower_ for c in token.children if c.dep_ in {"advmod", "prt", "npadvmod"}}
    # "summoned its ambassador in Peru home": the parser may hang "home" on the envoy, or on the envoy's post.
    words |= {
        g.lower_
        for c in token.children
        if c.lemma_.lower() in ENVOY_NOUNS
        for g in c.subtree
        if g.lower_ in HOMEWARD_WORDS and g.dep_ in {"advmod", "appos", "npadvmod", "pobj"}
    }
    # "to" on the verb, on its "back", or on the envoy the parser hung it on ("its ambassador to Peru").
    holders = [token, *(c for c in token.children if c.lower_ == "back" or c.lemma_.lower() in ENVOY_NOUNS)]
    to_post = any(
        c.dep_ == "prep" and c.lower_ == "to" and not {g.lower_ for g in c.children} & {"home"}
        for t in holders
        for c in t.children
    )
    # Sending an envoy somewhere is a mission ("sent its envoy to Geneva for talks"); sending one back is not.
    if to_post and (lemma == "return" or (lemma == "send" and "back" in words)):
        return T.TIES_RESTORED, f"verb:{lemma}-envoy-to-post"
    if words & HOMEWARD_WORDS and (lemma in {"call", "bring"} or "home" in words):
        if lemma == "send" and any(_foreign_envoy(c) for c in token.children if c.dep_ == "dobj"):
            return T.EXPULSION, "verb:send-home-foreign-envoy"  # "send the Peruvian envoy home": out of the country
        return T.PROTEST, f"verb:{lemma}-home-envoy"  # a recall, as "recalled its envoy"
    return None


def _foreign_envoy(noun: Token) -> bool:
    """ "the Peruvian envoy", "Chile's ambassador": an envoy a nationality or a state's name marks, not the
    sender's own ("its envoy"); sent home, he is sent out of the host's country."""
    if noun.lemma_.lower() not in ENVOY_NOUNS:
        return False
    return any(
        (c.dep_ == "amod" and c.ent_type_ == "NORP") or (c.dep_ == "poss" and c.ent_type_ == "GPE")
        for c in noun.children
    )


PLOVER_VERB_LEMMAS = (
    CONSULT_WITH_VERBS
    | HOST_VERBS
    | DEPART_VERBS
    | PLACING_VERBS
    | IMPACT_VERBS
    | AID_VERBS
    | MONEY_GIVING_VERBS
    | frozenset({"mediate", "fire", "launch", "withdraw", "pull", "accept", "deport", "recall", "shoot", "gun", "open"})
    | frozenset({"ram", "recover", "retrieve", "scramble", "explode", "go"})
    | ENVOY_MOVING_VERBS
    | SENDING_VERBS
    | ENCOUNTER_VERBS
)


def _is_craft(token: Token, *, errands: bool = False) -> bool:
    """A craft or a service that sails or flies them ("Chinese coast guard ships", "the coast guard"); with
    ``errands``, what craft carry out too ("a resupply mission")."""
    lemma = token.lemma_.lower()
    if lemma == "guard":
        return any(c.lower_ in {"coast", "border"} for c in token.children if c.dep_ == "compound")
    return lemma in ENCOUNTER_CRAFT or (errands and lemma in CRAFT_ERRANDS)


def _close_to_craft(token: Token) -> bool:
    """A path from the verb that ends at a craft: "within 20 feet of a surveillance plane", "close to"."""
    for prep in token.children:
        if prep.dep_ not in {"prep", "advmod"} or prep.lower_ not in CLOSE_PREPS:
            continue
        stack = list(prep.children)
        while stack:
            node = stack.pop()
            if node.dep_ == "pobj" and _is_craft(node, errands=True):
                return True
            stack.extend(c for c in node.children if c.dep_ in {"prep", "pobj", "npadvmod"})
    return False


def _encounter(token: Token, lemma: str, objects: list[Token]) -> bool:
    """One craft acting on another (PLOVER COERCE): the subject is a craft and the object, a target after
    "at", or a close path ends at one. "fired water cannon at a supply boat", "shadowed a destroyer",
    "flew within 20 feet of a patrol plane"."""
    subjects = [s for c in token.children if c.dep_ == "nsubj" for s in [c, *c.conjuncts]]
    if not any(_is_craft(s) for s in subjects):
        return False
    if lemma in RELEASING_VERBS:  # "released flares near a patrol plane": the parser may hang "near" on the flares
        return _close_to_craft(token) or any(_close_to_craft(o) for o in objects)
    if lemma in APPROACH_VERBS:
        return _close_to_craft(token) or (lemma == "approach" and any(_is_craft(o, errands=True) for o in objects))
    return any(_is_craft(o, errands=True) for o in [*objects, *_aimed_at(token, objects)])


# Votes only a chamber holds: "a confidence vote", "a no-confidence vote", "the impeachment vote".
CHAMBER_VOTES = frozenset({"confidence", "no-confidence", "impeachment", "censure", "ratification"})
# Talking at a distance: "spoke by telephone", "talked over the phone", "conferred by video link".
TALKING_VERBS = frozenset({"speak", "talk", "chat", "confer", "converse"})
TALKED_TO = frozenset({"with", "to"})
CALL_MEANS = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "teleconference"})
# Speaking to reporters: "a news conference", "a press conference" is the setting of a saying, not a summit.
PRESS_WORDS = frozenset({"news", "press", "media"})
# Directions, which a ship sails in but not through: "steaming to the south", "headed east".
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west"}
)  # fmt: skip


def _passage(token: Token) -> bool:
    """A passage through or toward a place ("sailed through the strait", "sailed near the islands"), not a
    heading ("steaming to the south")."""
    places = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in PASSAGE_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(g.lower_ not in COMPASS_WORDS for g in places)


NAVAL_FORCES = MILITARY_ASSETS | frozenset({"navy", "fleet", "flotilla", "warship"})


def _sailed_by_forces(token: Token) -> bool:
    """A passage is a show of force when warships make it: "a frigate sailed through the strait", not "the
    ferry sailed to Port Ostra". With no subject of its own ("... and sailed through"), it is taken to be."""
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return True
    return bool(_subject_words(token) & NAVAL_FORCES)


GATHERING_TYPES = frozenset({T.VISIT, T.MEETING, T.TALKS, T.SUMMIT, T.PHONE_CALL})
# People whose coming and going is no visit between states: staff moved out, troops, evacuees, citizens.
NO_VISITOR_NOUNS = frozenset(
    {"personnel", "staff", "employee", "troop", "soldier", "evacuee", "refugee", "migrant", "citizen", "tourist"}
)
# Words for a point or stretch of time, which "arrive" and "come" without anyone travelling.
TIME_NOUNS = frozenset(
    {"deadline", "day", "time", "moment", "hour", "date", "week", "month", "year", "season", "weekend", "winter",
     "summer", "spring", "autumn", "anniversary", "era"}
)  # fmt: skip


def _consents_to_a_gathering(token: Token) -> bool:
    """ "agreed to the visit", "agreed to a summit": consent to a visit or a meeting, with nothing else agreed
    (no clause, no object); "agreed to a truce" or "agreed to open talks" still agree on something."""
    if any(c.dep_ in {"xcomp", "dobj", "ccomp"} for c in token.children):
        return False
    agreed = prep_objects(token, frozenset({"to"}))
    return bool(agreed) and all(NOUNS.get(noun_lemma(g)) in GATHERING_TYPES for g in agreed)


def _is_guest(token: Token) -> bool:
    """A person received as a guest of state: a named person, or an office ("the prime minister")."""
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in GUEST_NOUNS


# What can be shot down: "the downing of a jet".
DOWNED_CRAFT = frozenset(
    {"jet", "plane", "aircraft", "airliner", "drone", "helicopter", "balloon", "fighter", "bomber", "airship"}
)
# A state's own texts, which a leader signs or issues to enact a measure: "signed a decree", "issued an order".
ENACTED_TEXTS = frozenset({"decree", "order", "law", "bill", "ordinance", "edict", "legislation"})


# What a state's own text can enact against or toward another (PLOVER SANCTION and its easing).
ENACTED_KINDS = frozenset({T.SANCTION, T.EXPORT_CONTROL, T.WITHDRAWAL, T.EXPULSION, T.DEPLOYMENT, T.TIES_RESTORED})


def _enacted_measure(texts: list[Token]) -> EventType | None:
    """The kind of measure a signed text enacts, told inside its phrase ("a decree imposing sanctions", "a
    sanctions decree", "a law banning imports from Zembla"); None when it tells none."""
    for text in texts:
        for token in text.subtree:
            if token.i == text.i:
                continue
            if token.pos_ == "VERB":
                found = _verb_trigger(token)
                kind = found[0] if found is not None else None
            else:
                kind = NOUNS.get(token.lemma_.lower())
            if kind in ENACTED_KINDS:
                return kind
    return None


# Bodies that act for a state: "the government threatened ...", "the ministry warned ...". The institutions
# are what a pronoun "it" stands for ("the ministry said it had ..."); the rest are people.
STATE_BODY_INSTITUTIONS = frozenset(
    {"government", "ministry", "army", "military", "regime", "junta", "cabinet", "administration", "parliament"}
)
STATE_BODY_NOUNS = STATE_BODY_INSTITUTIONS | frozenset(
    {"president", "minister", "leader", "spokesman", "spokeswoman", "spokesperson", "official", "officials"}
)


# Entering a building by force: what a state's police or troops do to a mission ("stormed", "raided").
FORCED_ENTRY_VERBS = frozenset({"storm", "raid"})
# Forces or services that train together hold an exercise: "warships trained together", "the navies drilled".
TRAINING_VERBS = frozenset({"train", "drill", "exercise", "rehearse"})
ARMED_SERVICES = frozenset({"navy", "navies", "army", "armies", "military", "militaries", "coastguard"})


# Prepositions of what "set fire" burns: "set fire to the embassy", "set fires in the compound". ("set fire" is an
# idiom of English, a light verb and its fixed object, as "take place" is; no article's phrase.)
BURNED_PREPS = frozenset({"to", "in", "at"})


def set_on_fire(token: Token) -> list[Token]:
    """What "set fire" (the verb, or the fire it takes for object) names with :data:`BURNED_PREPS`; empty for any
    other verb."""
    fires = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire"]
    if token.lemma_.lower() != "set" or not fires:
        return []
    return [g for holder in (token, *fires) for g in prep_objects(holder, BURNED_PREPS)]


def _burned(token: Token, lemma: str, objects: list[Token]) -> set[str]:
    """The words of what is set on fire or torched ("torched the consulate"); empty for any other verb."""
    return _object_subtree_words(objects if lemma == "torch" else set_on_fire(token))


# Verbs of the English idiom "<verb> one's way into": entering by force ("forced their way into", "smashed its
# way into").
FORCED_WAY_VERBS = frozenset({"force", "smash", "fight", "push", "barge", "shove", "break", "muscle"})


def _forced_its_way_into(token: Token, lemma: str) -> set[str]:
    """The words of what a verb of :data:`FORCED_WAY_VERBS` with "way" for object enters ("forced their way into
    the embassy compound"): the "into" phrase, on the verb or on "way"; empty for any other verb."""
    if lemma not in FORCED_WAY_VERBS:
        return set()
    ways = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "way"]
    if not ways:
        return set()
    return _object_subtree_words([g for holder in (token, *ways) for g in prep_objects(holder, frozenset({"into"}))])


def _a_side(token: Token) -> bool:
    """Whether the word names a side that can act between states: a state, a people, a body or a person
    by name, or a body or an office of a state (who acts for it, where :func:`_is_party` is who is met)."""
    return token.ent_type_ in SIDE_LABELS or token.lemma_.lower() in STATE_BODY_NOUNS


def _a_state_s_presidency(noun: Token) -> bool:
    """ "the Peruvian presidency", "the presidency of Peru": a state's highest office, not a body's rotating chair
    ("the rotating presidency of the bloc", "the EU presidency")."""
    if noun.lemma_.lower() != "presidency" or any(c.lower_ == "rotating" for c in noun.children):
        return False
    owners = [c for c in noun.children if c.dep_ in {"amod", "compound", "poss"}]
    owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(o.ent_type_ in {"NORP", "GPE"} for o in owners)


def _no_other_doer(token: Token) -> bool:
    """Whether the verb's active subject, if it has one, is a side that can act between states ("the company
    suspended exports" is a firm's business)."""
    return all(_a_side(s) for s in token.children if s.dep_ == "nsubj" and s.lower_ not in {"it", "they", "we"})


def _office_holder(token: Token) -> bool:
    """Someone named by an office ("the Ostland president", "his counterpart") or with one before the name
    ("President Ruiz")."""
    if token.lemma_.lower() in GUEST_NOUNS:
        return True
    before = [t for t in token.subtree if t.i < token.i]
    named = token.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in before)
    return named and any(t.lemma_.lower() in GUEST_NOUNS and t.dep_ in {"compound", "amod"} for t in before)


# Prepositions that say where something is: "expected in Quito", "a stop at the border post".
SITE_PREPS = frozenset({"in", "at"})


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of the token's prepositions among ``preps`` ("talks with Peru": Peru for "with")."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _aimed_at(token: Token, objects: list[Token]) -> list[Token]:
    """What an act is aimed at: "fired rockets at Ostland", and with the target hung on the object, "launched
    a wave of drones at Ostland"."""
    return prep_objects(token, TARGET_PREPS) + [g for o in objects for g in prep_objects(o, TARGET_PREPS)]


def _subject_words(token: Token) -> set[str]:
    """Words of the subject; with none, of a phrase before the verb the parser took the subject into ("On
    May 2 rockets hit ..." read as "on rockets")."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        subjects = [g for c in token.children if c.dep_ == "prep" and c.i < token.i for g in c.children]
    return _object_subtree_words([s2 for s in subjects for s2 in [s, *s.conjuncts]])


# People in the street, not a state: who marches or protests without acting for anyone.
CROWD_NOUNS = frozenset(
    {"demonstrator", "demonstrators", "protester", "protesters", "protestor", "protestors", "activist", "activists",
     "student", "students", "crowd", "crowds", "resident", "residents", "hundreds", "thousands", "people",
     "supporter", "supporters", "villager", "villagers", "worker", "workers"}
)  # fmt: skip


def _protesters(token: Token) -> set[str]:
    """Words of who protests: the verb's subject, or that of the verb a purpose infinitive hangs on
    ("demonstrators gathered outside the embassy to protest the visit")."""
    words = _subject_words(token)
    if not words and token.dep_ in {"advcl", "xcomp"} and token.head.i != token.i:
        words = _subject_words(token.head)
    if not words and token.dep_ == "acl":
        # "Hundreds of students protested outside ...", parsed as a participle on the noun before it.
        words = {t.lower_ for t in token.head.subtree if t.i < token.i}
    clause = token if token.dep_ == "relcl" else token.head
    if words <= {"who", "that"} and clause.dep_ == "relcl":
        words = {clause.head.lower_}  # "the demonstrators who gathered ... to protest the visit"
    return words


def _agent_words(token: Token) -> set[str]:
    """Words of who or what does the act: the subject's, or, for a participle clause with none ("the storm hit
    the coast, killing two"), those of the clause it hangs on."""
    words = _subject_words(token)
    if not words and token.tag_ == "VBG" and token.dep_ in {"advcl", "conj", "xcomp"} and token.head.i != token.i:
        return _subject_words(token.head)
    return words


def _gives_aid(token: Token, objects: list[Token]) -> bool:
    """ "approved a loan", "pledged $2 billion in aid", "sent $5 million of assistance"."""
    words = {o.lemma_.lower() for o in objects}
    words |= {g.lemma_.lower() for g in prep_objects(token, frozenset({"in"}))}
    words |= {g.lemma_.lower() for o in objects for c in o.children if c.dep_ == "prep" for g in c.children}
    if words & AID_NOUNS:
        return True
    # "approved the sale to Taiwan of anti-ship missiles", "arms sales to Ukraine": weapons sold to a side are
    # military aid (PLOVER AID).
    sales = [o for o in objects if o.lemma_.lower() == "sale"]
    return any(
        _object_subtree_words([sale]) & (MUNITION_WORDS | {"arms", "arm", "jet", "jets", "tank", "tanks"})
        for sale in sales
    )


def _gives_money(token: Token, objects: list[Token]) -> bool:
    """A sum of money given to a side: to whom ("to Ukraine", "for Pakistan") or to help whom."""
    if not any(o.ent_type_ == "MONEY" or o.lemma_.lower() in CURRENCY_WORDS for o in objects):
        return False
    recipients = _recipients(token, objects)
    # "promised 300 million euros to Bolivia": the parser may read the "to" as a dative.
    recipients += [g for c in token.children if c.dep_ == "dative" and c.lower_ in TO_WHOM_GIVEN for g in c.children]
    if any(_is_party(g) for g in recipients):
        return True
    purposes = [c for c in token.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in HELPING_VERBS]
    return any(_is_party(t) for purpose in purposes for t in purpose.subtree if t.i != purpose.i)


def _person_leaves_a_city(token: Token, objects: list[Token]) -> bool:
    """ "Ruiz left Hanoi on Thursday", "the premier left Lima": a visitor leaving a city a visit took there
    (leaving a body or a treaty is a withdrawal; leaving a country may be troops pulling out)."""
    from events.extraction.gazetteer import resolve_place

    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    # A named person or a visiting office ("the premier", "the delegation"); not a state or a body (leaving a
    # place it is in is withdrawing), nor envoys, troops, ships or staff moved out.
    visitor = subject.ent_type_ == "PERSON" or subject.lemma_.lower() in GUEST_NOUNS - ENVOY_NOUNS - {
        "official",
        "officials",
    }
    if not visitor or subject.lemma_.lower() in MILITARY_ASSETS | VEHICLE_WORDS | NO_VISITOR_NOUNS:
        return False
    if any(NOUNS.get(t.lemma_.lower()) is T.VISIT for t in token.subtree if t.i != token.i):
        return False  # "left Lima as a three-day visit ended": the visit is told by its noun
    for place in (o for o in objects if o.ent_type_ == "GPE"):
        span = entity_span(token.doc, place)
        if span is not None and resolve_place(span.text).kind is PlaceKind.CITY:
            return True
    return False


def _plover_verb_trigger(token: Token, lemma: str, objects: list[Token]) -> tuple[EventType, str] | None:
    """Verbs of PLOVER kinds beyond meetings, read from their dependents: consulting and hosting, leaving for
    a place, weapons hitting a target, pulling troops back, giving aid, accepting a truce, deporting and
    recalling an envoy."""
    if lemma not in PLOVER_VERB_LEMMAS:
        return None  # most verbs: one set lookup, as this runs on every verb of every article
    object_lemmas = {o.lemma_.lower() for o in objects}
    if lemma in CONSULT_WITH_VERBS and any(
        _is_party(g) or _is_guest(g) for g in prep_objects(token, frozenset({"with"}))
    ):
        return T.MEETING, f"verb:{lemma}-with"
    if lemma in HOST_VERBS and any(_is_guest(o) for o in objects):
        return T.MEETING, f"verb:{lemma}-guest"
    if lemma == "mediate":
        return T.TALKS, "verb:mediate"
    departs = lemma in DEPART_VERBS and (lemma != "set" or _has_particle(token, "off"))
    if departs and any(g.ent_type_ in {"GPE", "LOC"} for g in prep_objects(token, frozenset({"for"}))):
        return T.VISIT, f"verb:{lemma}-for"
    if lemma in PLACING_VERBS and (_subject_words(token) | _object_subtree_words(objects)) & EXPLOSIVE_WORDS:
        return T.MILITARY_ACTION, f"verb:{lemma}-explosive"
    if lemma in IMPACT_VERBS and _subject_words(token) & MUNITION_WORDS:
        return T.MILITARY_ACTION, f"verb:{lemma}-weapon"
    blew = lemma == "explode" or (lemma == "go" and _has_particle(token, "off"))
    if blew and _subject_words(token) & (EXPLOSIVE_WORDS | MUNITION_WORDS):
        return T.MILITARY_ACTION, "verb:explosive-went-off"  # "a bomb exploded outside the embassy" (PLOVER ASSAULT)
    fires = lemma in {"fire", "launch"} and bool(_object_subtree_words(objects) & MUNITION_WORDS)
    if fires and any(g.ent_type_ not in {"DATE", "TIME"} for g in _aimed_at(token, objects)):
        return T.MILITARY_ACTION, f"verb:{lemma}-at-target"
    if lemma == "open" and "fire" in object_lemmas:
        # "opened fire on Armenian positions" (PLOVER FIGHT); with no target named, a firing (an incident).
        aimed = [g for g in _aimed_at(token, objects) if g.ent_type_ not in {"DATE", "TIME"}]
        return (T.MILITARY_ACTION, "verb:open-fire") if aimed else (T.INCIDENT, "verb:open-fire")
    if lemma == "fire" and object_lemmas & SHOT_NOUNS:
        return T.INCIDENT, "verb:fire-shots"  # "guards fired shots near the river": a firing, no target named
    pulls_back = lemma == "withdraw" or (
        lemma == "pull" and (_has_particle(token, "out") or _has_particle(token, "back"))
    )
    if pulls_back and _object_subtree_words(objects) & MILITARY_ASSETS and not object_lemmas & {"system", "unit"}:
        return T.WITHDRAWAL, f"verb:{lemma}-forces"
    if lemma in AID_VERBS and _gives_aid(token, objects):
        return T.AID, f"verb:{lemma}-aid"
    if lemma in MONEY_GIVING_VERBS and _gives_money(token, objects):
        return T.AID, f"verb:{lemma}-money"
    if lemma == "accept" and object_lemmas & ACCEPTED_NOUNS:
        return T.AGREEMENT, "verb:accept-terms"
    if lemma == "leave" and _person_leaves_a_city(token, objects):
        return T.VISIT, "verb:leave-city"  # "the president left Hanoi on Thursday": a visit's departure
    if lemma == "deport" and objects:
        return T.EXPULSION, "verb:deport"
    envoys = bool(object_lemmas & ENVOY_NOUNS) or any(_mission_s_people(o) for o in objects)
    if lemma == "recall" and envoys:
        return T.PROTEST, "verb:recall-envoy"
    if lemma == "summon" and any(_own_envoy(o) for o in objects):
        return T.PROTEST, "verb:recall-envoy"  # "summoned its envoy in Lima home for talks": called home
    if pulls_back and envoys:
        return T.PROTEST, f"verb:{lemma}-envoy"  # "withdrew its ambassador": a recall
    if lemma in ENVOY_MOVING_VERBS:
        moved = _envoy_moved(token, lemma, object_lemmas)
        if moved is not None:
            return moved
    shot_dead = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "dead"  # parsed on the object
    if lemma in {"shoot", "gun"} and objects and (shot_dead or (lemma == "gun" and _has_particle(token, "down"))):
        return T.MILITARY_ACTION, f"verb:{lemma}-dead"  # "shot dead two soldiers", "gunned down"
    if lemma == "ram" and _object_subtree_words(objects) & CRAFT_NOUNS:
        return T.INCIDENT, "verb:ram-craft"
    if lemma in ENCOUNTER_VERBS and _encounter(token, lemma, objects):
        return T.INCIDENT, f"verb:{lemma}-craft"
    if lemma == "scramble" and any(_is_craft(o) for o in objects):
        return T.INCIDENT, "verb:scramble-aircraft"  # "scrambled fighter jets": an interception
    if lemma in {"recover", "retrieve"} and object_lemmas & WRECK_NOUNS:
        return T.RESPONSE_OPERATION, f"verb:{lemma}-wreckage"
    return None


def _own_envoy(noun: Token) -> bool:
    """ "its ambassador", "their envoys": a state's own envoy, whom it can only call home, not summon as a host."""
    return noun.lemma_.lower() in ENVOY_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children
    )


def _for_consultations(token: Token) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() == "consultation" for g in c.children)
        for c in token.children
    )


def _envoy_home_for_consultations(token: Token) -> bool:
    """ "The ambassador returned to Lima for consultations": an envoy called home, told from the envoy's side."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lemma_.lower() in ENVOY_NOUNS and _for_consultations(token)


def _envoys_back(token: Token, objects: list[Token]) -> bool:
    """ "Ambassadors returned in July 2023", "the envoys returned to their posts": envoys coming back, with no
    other place to go to ("returned to Lima for consultations" is a recall, "returned home" too)."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if objects or not subjects or subjects[0].lemma_.lower() not in ENVOY_NOUNS:
        return False
    if any(c.dep_ in {"advmod", "npadvmod"} and c.lower_ == "home" for c in token.children):
        return False
    places = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"to", "for"} for g in c.children]
    return all(g.lemma_.lower() in {"post", "embassy", "mission"} for g in places)


# Personal pronouns a call is made to: "called him", "called them on Sunday".
CALLED_PRONOUNS = frozenset({"him", "her", "them"})


def _calls_someone(token: Token, objects: list[Token]) -> bool:
    """ "called him on Saturday", "called his Peruvian counterpart": "call" with a person as its only object and
    no particle is a telephone call. Not "called him a liar" (a second object names what he is called), "called
    in the envoy" (a summons), "called for talks", "called on Zembla to" or "called off the visit"."""
    direct = [o for o in objects if o.dep_ == "dobj"]
    # "called Ruiz on Thursday" is at times read as "called [someone] Ruiz": a name with no object before it
    # is the object ("called the move a provocation" has both).
    named = [c for c in token.children if c.dep_ == "oprd" and c.pos_ == "PROPN"] if not direct else []
    if any(c.dep_ in {"prt", "attr", "ccomp", "dative"} for c in token.children) or (
        any(c.dep_ == "oprd" for c in token.children) and not named
    ):
        return False
    if any(
        c.dep_ == "prep"
        and c.lower_ in {"for", "on", "in", "off", "up"}
        and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children)
        for c in token.children
    ):
        return False  # "called on Zembla to ...", not "called him on Saturday"
    if named:
        return len(named) == 1 and _named_like_a_person(named[0])
    return len(direct) == 1 and (
        direct[0].lower_ in CALLED_PRONOUNS
        or direct[0].ent_type_ == "PERSON"
        or direct[0].lemma_.lower() in GUEST_NOUNS
        or _named_like_a_person(direct[0])
    )


def _named_like_a_person(token: Token) -> bool:
    """A name the tagger may have taken for a body ("called Ruiz", Ruiz read as an organisation): a proper noun
    not of a place, a people or a date, and not an initialism ("the ZAC")."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ in {"PERSON", "ORG", ""}
        and not token.is_upper
        and not any(c.dep_ == "det" for c in token.children)
    )


# Captives, and the words that tell someone was held or let go: "the freed hostages", "two men held in Iran",
# "arrived after being released".
HELD_NOUNS = frozenset({"hostage", "prisoner", "detainee", "captive", "inmate"})
HOLDING_WORDS = frozenset({"free", "freed", "release", "hold", "detain", "jail", "imprison", "kidnap", "abduct"})


def _freed_coming(token: Token) -> bool:
    """Whether who comes is a captive set free ("the freed hostages landed in Lima", "Chileans held in Peru
    arrived", "arrived after being released"): the homecoming of a release, not a visit between states."""
    subjects = [s for c in token.children if c.dep_ == "nsubj" for s in [c, *c.conjuncts]]
    for subject in subjects:
        if subject.lemma_.lower() in HELD_NOUNS:
            return True
        if any(c.dep_ in {"amod", "acl"} and c.lemma_.lower() in HOLDING_WORDS for c in subject.children):
            return True
    return any(
        c.dep_ == "prep" and c.lower_ == "after" and any(g.lemma_.lower() in HOLDING_WORDS for g in c.children)
        for c in token.children
    )


def _delegation_sent(token: Token, objects: list[Token]) -> bool:
    """ "sent a delegation of senior diplomats to Quito", "dispatched its foreign minister to Lima": officials sent to a
    named place go there on a visit; troops or aid sent are another act."""
    sent = [o for o in objects if o.dep_ == "dobj" and o.lemma_.lower() in SENT_PEOPLE | GUEST_NOUNS]
    if not sent:
        return False
    # "a delegation of senior diplomats to Quito": the place may hang on the people the delegation is of.
    holders = [token, *sent, *(g for o in sent for c in o.children if c.dep_ == "prep" for g in c.children)]
    return any(
        g.ent_type_ in {"GPE", "LOC"}
        for t in holders
        for c in t.children
        if c.dep_ in {"prep", "dative"} and c.lower_ == "to"  # "sent ... to Quito", the "to" read as a dative
        for g in c.children
    )


def _kin_acting(token: Token) -> bool:
    """Whether kin do the act: "relatives will meet them", or "relatives said they would meet them" (a pronoun
    subject of what they said stands for the sayers)."""
    if _subject_words(token) & KIN_NOUNS:
        return True
    pronoun = any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.children)
    return pronoun and token.dep_ == "ccomp" and bool(_subject_words(token.head) & KIN_NOUNS)


STATE_WORDS = frozenset({"country", "nation", "state", "kingdom", "republic"})


def _joined_body(token: Token) -> bool:
    """Whether the word names a body of states or a treaty: "NATO", "the alliance", "the grouping", "the
    convention"."""
    return token.ent_type_ == "ORG" or token.lemma_.lower() in JOINED_WORDS


def _a_state(token: Token) -> bool:
    """A state's name, nationality or word ("the republic"); a country's name the tagger took for a region
    ("South Sudan" tagged a location) too."""
    if token.ent_type_ in {"GPE", "NORP"} or token.lemma_.lower() in STATE_WORDS:
        return True
    return country_tagged_a_region(token) is not None


def country_tagged_a_region(token: Token) -> tuple[str, str] | None:
    """The country (ISO code, name) whose name the tagger took for a region ("South Sudan" tagged a location),
    else None."""
    from events.extraction.gazetteer import country_code

    span = entity_span(token.doc, token) if token.ent_type_ == "LOC" else None
    return country_code(span.text) if span is not None else None


def joined_body_of(token: Token) -> Token | None:
    """The body or treaty an accession's word names: what is joined, acceded, admitted or entered "to" or
    "into", or what one becomes a member of ("the alliance's 33rd member", "a member of the grouping")."""
    held = [token]
    if token.lemma_.lower() == "become":
        held = [c for c in token.children if c.dep_ == "attr" and c.lemma_.lower() == "member"]
        # "the alliance's 33rd member", "becomes U.N. member": whose member, by possessive or by a name before it.
        owners = [c for m in held for c in m.children if c.dep_ == "poss" or (c.dep_ == "compound" and _joined_body(c))]
        if owners:
            return owners[0]
    # "the accession of two states into the alliance": the parser may hang "into" on the joiner
    held += [g for w in held for c in w.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for word in held:
        for child in word.children:
            if child.dep_ == "dobj" and _joined_body(child):
                return child
            if child.dep_ == "prep" and child.lower_ in {"to", "into", "of"}:
                found = next((g for g in child.children if g.dep_ == "pobj" and _joined_body(g)), None)
                if found is not None:
                    return found
    return None


# Letting a state in, or back in after a suspension.
ADMITTING_VERBS = frozenset({"admit", "readmit", "reinstate"})
# Taking a mission's people out of a country: "evacuated its embassy", "began evacuating diplomats".
EVACUATING_VERBS = frozenset({"evacuate"})
MISSION_STAFF = ENVOY_NOUNS | frozenset({"diplomats", "staff", "personnel", "employee", "employees"})


def _mission_staff_taken_out(token: Token, objects: list[Token]) -> bool:
    """Whether what is evacuated is a mission or its people: "its embassy", "diplomats from its embassy"."""
    if any(o.lemma_.lower() in MISSION_NOUNS for o in objects):
        return True
    staff = any(o.lemma_.lower() in MISSION_STAFF or o.lower_ in MISSION_STAFF for o in objects)
    return staff or any(g.lemma_.lower() in MISSION_NOUNS for g in prep_objects(token, frozenset({"from"})))


def _person_for_person(token: Token) -> bool:
    """ "exchanged the jailed pilot Ana Ruiz for the arms dealer Ivo Quispe": a named person given for another."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    # The parser may hang the "for" phrase on the object: "exchanged [Ana Ruiz for Ivo Quispe]".
    fors = [
        g for h in [token, *objects] for c in h.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
    ]
    return any(_named_person(o) for o in objects) and any(_named_person(g) for g in fors)


def _named_person(token: Token) -> bool:
    """A person's name, or a noun a name is put beside ("the jailed singer Marta Quispe"); the tagger may leave a
    name it does not know untagged."""
    names = [token, *(c for c in token.children if c.dep_ == "appos")]
    return any(n.pos_ == "PROPN" and n.ent_type_ in {"PERSON", ""} for n in names)


def _joined_as_member(token: Token, lemma: str, objects: list[Token]) -> str | None:
    """How a state becomes a member of a body of states or a party to a treaty (PLOVER COOPERATE): "Ostland
    joined NATO", "acceded to the convention", "became the alliance's 33rd member", "was admitted to the
    bloc". Joining talks, a protest or another state in saying something is no accession."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    by_a_state = any(_a_state(s) for s in subjects)
    if lemma == "join" and by_a_state and any(_joined_body(o) for o in objects):
        return "join-body"
    to_bodies = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"to", "into"} for g in c.children]
    if lemma == "accede" and by_a_state and any(_joined_body(g) for g in to_bodies):
        return "accede-to-body"
    admitted = by_a_state or any(_a_state(o) for o in objects)
    if lemma in ADMITTING_VERBS and admitted and any(_joined_body(g) for g in to_bodies):
        return "admit-to-body"  # "was admitted to the bloc", "was readmitted to", "reinstated to"
    if lemma == "become" and by_a_state:
        members = [c for c in token.children if c.dep_ == "attr" and c.lemma_.lower() == "member"]
        return "become-member" if members else None
    if lemma == "deposit" and any(_instrument_of_joining(o) for o in objects):
        return "deposit-instrument"  # "deposited its instrument of accession", "deposited ratification papers"
    return None


def _member_suspended(token: Token, objects: list[Token]) -> bool:
    """Whether a body of states suspends a state ("the bloc suspended Mali"), or a state is suspended from one."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]  # "has met ... and suspended Mali"
    # A body by its name, or by a name the tagger left untagged ("Ecowas"), which is no country's.
    bodies_acting = [s for s in subjects if _joined_body(s) or (s.pos_ == "PROPN" and not s.ent_type_)]
    if any(_a_named_state(o) for o in objects) and any(not _a_named_state(s) for s in bodies_acting):
        return True
    passive_subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    bodies = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children]
    return any(_a_named_state(s) for s in passive_subjects) and any(_joined_body(g) for g in bodies)


def _a_named_state(token: Token) -> bool:
    """A state, or the name of a country the tagger took for a person's ("suspended Mali")."""
    from events.extraction.gazetteer import country_code

    name = " ".join(t.text for t in token.subtree if t.i == token.i or (t.dep_ == "compound" and t.i < token.i))
    return _a_state(token) or (token.pos_ == "PROPN" and country_code(name) is not None)


# What a state's instrument of joining a treaty or a body is called: the law of treaties' own words.
JOINING_INSTRUMENTS = frozenset({"accession", "ratification", "adherence"})


def _instrument_of_joining(noun: Token) -> bool:
    """ "accession papers", "its instrument of ratification", "the documents of accession"."""
    words = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    words |= {g.lemma_.lower() for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    return bool(words & JOINING_INSTRUMENTS)


def _extra_verb_trigger(token: Token, lemma: str, objects: list[Token]) -> tuple[EventType, str] | None:
    """Verb patterns read from the verb's dependents (particles, objects, subjects)."""
    plover = _plover_verb_trigger(token, lemma, objects)
    if plover is not None:
        return plover
    object_lemmas = {o.lemma_.lower() for o in objects}
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if lemma in {"present", "submit", "hand", "deliver"} and object_lemmas & {"credential", "credentials"}:
        # "the new ambassador presented her credentials to the president": an envoy received by the head of
        # state (PLOVER CONSULT)
        return T.MEETING, "verb:present-credentials"
    if lemma == "clash" and _clash_at_a_forum(token):
        # "clashed at the Security Council over the border", "clashed at the meeting": words, not force (PLOVER
        # DISAPPROVE), as a hostile exchange is
        return T.STATEMENT, "verb:clash-in-words"
    joined = _joined_as_member(token, lemma, objects)
    if joined is not None:
        return T.ACCESSION, f"verb:{joined}"  # "Ostland joined NATO", "became the alliance's 33rd member"
    if lemma == "suspend" and _member_suspended(token, objects):
        # "the African Union suspended Mali", "Fiji was suspended from the bloc": a member shut out of a body of
        # states (PLOVER SANCTION/reduce relations), as readmitting it is an accession.
        return T.WITHDRAWAL, "verb:suspend-member"
    if _handed_to_another_state(token, lemma, object_lemmas):
        # "handed over 29 suspects to the United States", "transferred ten prisoners to Peru": people a state
        # holds, given to another's justice (PLOVER COOPERATE, judicial), as extraditing them is.
        return T.EXTRADITION, f"verb:{lemma}-held-people"
    if lemma == "oust" and object_lemmas & ENVOY_NOUNS:
        return T.EXPULSION, "verb:oust-envoy"  # "is ousting 12 diplomats": sent out of the country, not overthrown
    if lemma in SENDING_OUT_VERBS and _has_particle(token, "out") and object_lemmas & (ENVOY_NOUNS | PERSON_NOUNS):
        # "ordered two consular officials out", "kicked the ambassador out": sent out of the country (PLOVER
        # REDUCE RELATIONS, expel).
        return T.EXPULSION, f"verb:{lemma}-out"
    if lemma == "shake" and "hand" in object_lemmas and _subject_words(token) - {"they", "who"}:
        return T.MEETING, "verb:shake-hands"  # "the two presidents shook hands at the summit" (PLOVER CONSULT)
    if lemma == "return" and _envoy_home_for_consultations(token):
        return T.PROTEST, "verb:return-home-envoy"  # "the ambassador returned to Lima for consultations": a recall
    if lemma == "return" and _envoys_back(token, objects):
        return T.TIES_RESTORED, "verb:return-envoys"  # "ambassadors returned in July 2023"
    if lemma == "call" and _calls_someone(token, objects):
        return T.PHONE_CALL, "verb:call-person"  # "the president called him on Saturday", "called his counterpart"
    if lemma == "call" and (_has_particle(token, "in") or "in" in preps):
        # "called in the ambassador", "called in Ostland's chargé d'affaires" (the envoy word a compound).
        envoys = {
            t.lemma_.lower()
            for c in token.children
            if c.dep_ in {"prep", "prt", "dobj"}
            for g in [c, *c.children]
            for t in [g, *(x for x in g.children if x.dep_ == "compound")]
        }
        if envoys & ENVOY_NOUNS:
            return T.SUMMONS, "verb:call-in-envoy"
    if lemma in {"express", "convey", "voice", "register", "relay"} and object_lemmas & REACTION_NOUNS:
        if object_lemmas & PROTEST_REACTIONS:
            return T.PROTEST, f"verb:{lemma}-concern"
        return T.STATEMENT, f"verb:{lemma}-reaction"
    if lemma in {"unveil", "announce", "launch", "present"} and object_lemmas & ANNOUNCED_NOUNS:
        if _object_subtree_words(objects) & AID_NOUNS:
            return T.AID, f"verb:{lemma}-aid"  # "announced a $2 billion military aid package"
        return T.STATEMENT, f"verb:{lemma}-plan"
    if lemma in {"enter", "violate", "cross", "intrude", "breach"} and (
        object_lemmas & SPACE_NOUNS or (lemma in {"cross", "intrude"} and preps & {"into"})
    ):
        return T.INCIDENT, f"verb:{lemma}-space"
    if lemma in {"sail", "transit", "steam", "navigate"} and _passage(token) and _sailed_by_forces(token):
        return T.MILITARY_ACTION, f"verb:{lemma}-through"
    left = _left_binding(token, lemma, objects)
    if left is not None:
        return left
    crossing = _crossing_shut_or_opened(token, lemma, objects)
    if crossing is not None:
        return crossing
    if lemma in EXTENDING_VERBS and any(o.lemma_.lower() in AGREEMENT_NOUNS for o in objects):
        return T.AGREEMENT, f"verb:{lemma}-agreement"  # "the deal was extended for 120 days", "renewed the pact"
    if lemma == "exchange" and object_lemmas & ENVOY_NOUNS:
        return T.TIES_RESTORED, "verb:exchange-envoys"  # "the two states exchanged ambassadors in 2019"
    if lemma == "sit" and _has_particle(token, "down") and _sits_down_together(token):
        return T.MEETING, "verb:sit-down"  # "sat down with his counterpart", "when the leaders sit down in Lima"
    if lemma in TIES_VERBS and object_lemmas & TIES_NOUNS:
        # Ties lowered are ties cut in part (PLOVER SANCTION, withdraw); raised, ties set up further.
        kind = {"downgrade": T.WITHDRAWAL, "upgrade": T.TIES_RESTORED}.get(lemma, T.OTHER)
        return kind, f"verb:{lemma}-ties"
    if lemma == "seize" and any(_is_captive(o) for o in objects):
        # "gunmen seized two aid workers", "the nurses were seized from a clinic": people taken, not land or a
        # ship; by a state's police, an arrest.
        if _subject_words(token) & ARRESTING_FORCES:
            return T.DETENTION, "verb:seize-person"
        return T.ABDUCTION, "verb:seize-person"
    if lemma == "capture" and objects:
        if any(_is_captive(o) for o in objects):
            return T.DETENTION, "verb:capture-person"
        if any(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in objects):
            return T.SEIZURE, "verb:capture-place"
    if lemma == "hand" and _has_particle(token, "over"):
        if object_lemmas & CHAIR_NOUNS:
            return T.HANDOVER, "verb:hand-over-chair"
        if any(_is_captive(o) for o in objects):
            return T.RELEASE, "verb:hand-over-person"
    if (
        lemma in {"take", "assume"}
        and object_lemmas & CHAIR_NOUNS
        and (lemma == "assume" or _has_particle(token, "over"))
    ):
        if any(_a_state_s_presidency(o) for o in objects):
            return T.INAUGURATION, f"verb:{lemma}-presidency"  # "assumed the Peruvian presidency": took office
        return T.HANDOVER, f"verb:{lemma}-chair"
    if lemma == "face" and _has_particle(token, "off"):
        return T.INCIDENT, "verb:face-off"
    if lemma == "brief" and any(_is_party(o) for o in objects):
        return T.MEETING, "verb:brief"
    if (
        lemma in {"send", "dispatch", "deploy", "station", "move", "fly", "airlift", "ship"}
        and _sends_forces(token, objects)
        and not _sent_reeling(token, objects)
        and not _posted_forces(token)
    ):
        return T.DEPLOYMENT, f"verb:{lemma}-forces"
    if lemma in INVESTIGATION_HEADS and object_lemmas & {"investigation", "probe", "inquiry"}:
        return T.INVESTIGATION, f"verb:{lemma}-investigation"
    if starts_to_bind(token, lemma, object_lemmas):
        measures = _measures(token)
        if {m.lemma_.lower() for m in measures} & MEASURE_SUBJECTS:
            return _measure_type(token, measures), f"verb:{lemma}-{_binding_phrase(token)}"
    if lemma == "apply" and preps & {"from"}:
        measures = _measures(token)
        if {m.lemma_.lower() for m in measures} & MEASURE_SUBJECTS:
            return _measure_type(token, measures), "verb:apply-from"
    if lemma == "hold" and any(c.dep_ == "auxpass" for c in token.children) and any(_is_person(s) for s in subjects):
        return T.DETENTION, "verb:held-person"
    if lemma in {"ban", "blacklist"} and subjects and subjects[0].ent_type_ in {"GPE", "NORP", "ORG"} and objects:
        return T.SANCTION, f"verb:{lemma}"
    if lemma in {"spot", "sight", "detect"} and objects:
        return T.INCIDENT, f"verb:{lemma}"
    if lemma == "enrich" and object_lemmas & {"uranium", "plutonium"}:
        return T.OTHER, "verb:enrich-uranium"
    if lemma in IMPOSE_VERBS and token.dep_ == "acl" and token.head.lemma_.lower() in SANCTION_NOUNS:
        return T.SANCTION, f"verb:{lemma}-sanctions"
    return None


# Bodies that decide by vote: their vote is a decision of the body, not a ballot.
VOTING_BODIES = frozenset(
    {"parliament", "council", "assembly", "senate", "congress", "house", "chamber", "legislature", "lawmaker",
     "legislator", "deputy", "mp", "senator", "member", "committee", "cabinet", "duma", "diet", "bundestag"}
)  # fmt: skip


# What a body decides on, approves or blocks: bids, accords, statements, resolutions, measures, budgets.
DECIDED_NOUNS = AGREEMENT_NOUNS | frozenset(
    {"bid", "application", "accession", "membership", "statement", "resolution", "declaration", "package",
     "sanction", "budget", "bill", "law", "motion", "proposal", "plan", "mission", "extension", "enlargement",
     "strategy", "framework", "zone", "measure", "mandate"}
)  # fmt: skip
BODY_DECISION_VERBS = frozenset({"approve", "endorse", "adopt", "pass", "reject"})
# Words that name a union of states as a body: "the European Union", "the Atlantic alliance", "the bloc".
BLOC_WORDS = frozenset({"union", "alliance", "bloc", "commission", "organization", "organisation", "nations"})
# What a state joins or accedes to as a member: a union of states or a treaty (an organisation's name is
# read from the entity label).
JOINED_WORDS = (
    BLOC_WORDS
    | AGREEMENT_NOUNS
    | frozenset({"coalition", "group", "grouping", "club", "convention", "community", "partnership", "protocol"})
)


def _states_voting(verb: Token) -> bool:
    """Whether states vote for or against a text ("Peru and Chile voted against the resolution"): each state's
    vote inside a body's, no ballot of its own."""
    subjects = [w for c in verb.children if c.dep_ == "nsubj" for w in (c, *c.conjuncts)]
    sided = any(c.dep_ == "prep" and c.lower_ in {"against", "for"} for c in verb.children)
    return (
        sided and bool(subjects) and all(s.ent_type_ == "GPE" or s.lemma_.lower() in VOTING_MEMBERS for s in subjects)
    )


# Members of a body that vote inside it: "five states voted against", "most delegations voted for".
VOTING_MEMBERS = frozenset({"state", "country", "nation", "member", "delegation", "government"})


# What a ballot does: "voted to elect a new president" is still an election.
CHOOSING = frozenset({"elect", "choose", "pick", "select", "name", "re-elect", "reelect"})


def _decided_by_a_body(token: Token) -> bool:
    """Whether the verb's subject is a deciding body ("Ostland's parliament", "the Security Council", "the
    European Union"), not a firm's board or a minister: a body word in the subject's name."""
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    # "the council extended the mandate, voting to wind down ...": a participle shares its clause's subject.
    shared = token.dep_ == "xcomp" or (token.dep_ == "advcl" and token.tag_ == "VBG" and not own_subject)
    holder = token.head if shared else token
    subjects = [c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}]
    while not subjects and holder.dep_ in {"xcomp", "acomp"} and holder.head.i != holder.i:
        holder = holder.head  # "parliament is due to vote": through the adjective to its subject
        subjects = [c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # Every subject: the parser may take a dateline's city for a second one ("LIMA - Peru's congress approved").
    words = {s.lemma_.lower() for s in subjects}
    words |= {c.lemma_.lower() for s in subjects for c in s.children if c.dep_ == "compound"}
    return bool(words & (VOTING_BODIES | BLOC_WORDS))


# What a voting council or assembly does by resolution (PLOVER DEMAND / ENDORSE by a body): "demanded a
# ceasefire", "authorized a mission", "condemned the annexation".
# ("declared the referendum invalid": what a council or assembly declares, it declares by resolution.)
BODY_DEMANDING_VERBS = frozenset({"demand", "authorize", "authorise", "condemn", "mandate", "declare"})
# A council or assembly that decides by vote, named as such (not a union or a minister): "the Security Council".
COUNCIL_WORDS = frozenset({"council", "assembly", "parliament", "senate", "congress", "legislature", "duma"})


def _decided_by_a_council(token: Token) -> bool:
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    # "UNITED NATIONS (AP) — The Security Council ...": the parser may make the dateline the subject.
    named = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    words = {n.lemma_.lower() for n in named} | {
        c.lemma_.lower() for n in named for c in n.children if c.dep_ == "compound"
    }
    return bool(words & COUNCIL_WORDS)


def _addressed_body(token: Token) -> bool:
    """A body or gathering one speaks to: "the General Assembly", "parliament", "the summit", "lawmakers"."""
    words = {token.lemma_.lower()} | {c.lemma_.lower() for c in token.children if c.dep_ == "compound"}
    return bool(words & (VOTING_BODIES | BLOC_WORDS | {"summit", "conference", "forum", "nation", "rally"}))


# Refusing leave to pass, land or enter (PLOVER REJECT): "refused to let the plane cross", "denied it permission".
REFUSING_VERBS = frozenset({"refuse", "deny"})
LETTING_VERBS = frozenset({"let", "allow", "permit", "grant", "admit"})
PERMISSION_NOUNS = frozenset(
    {"permission", "access", "entry", "clearance", "authorization", "authorisation", "overflight", "passage", "landing"}
)


def _permission_refused(token: Token, object_lemmas: set[str]) -> bool:
    """ "refused to let the plane cross its airspace", "denied the jet permission to land": leave refused."""
    if object_lemmas & PERMISSION_NOUNS:
        return True
    # With a time between them the parser may read the infinitive as a clause of purpose (advcl).
    return any(c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in LETTING_VERBS for c in token.children)


# Verbs of charging someone with something, whose bare participle names what someone stands charged with.
CHARGING_VERBS = frozenset({"accuse", "suspect", "blame"})


def _bare_participle_of_charge(token: Token) -> bool:
    """ "Zembla, accused of sinking a ship, ...": a past participle with no auxiliary, subject, object or agent of
    its own describes whom it is said of; no one accuses anyone in that sentence."""
    if token.tag_ != "VBN" or token.dep_ not in {"advcl", "acl", "appos", "amod"}:
        return False
    own = {c.dep_ for c in token.children}
    return not own & {"aux", "auxpass", "nsubj", "nsubjpass", "dobj", "agent"}


def _verb_trigger(token: Token) -> tuple[EventType, str] | None:
    lemma = token.lemma_.lower()
    objects = _objects(token)
    object_lemmas = {o.lemma_.lower() for o in objects}
    object_words = object_lemmas | {c.lower_ for o in objects for c in o.children if c.dep_ in {"compound", "amod"}}
    extra = _extra_verb_trigger(token, lemma, objects)
    if extra is not None:
        return extra
    if lemma == "shoot" and _has_particle(token, "down"):
        return T.MILITARY_ACTION, "verb:shoot-down"
    if lemma in REFUSING_VERBS and _permission_refused(token, object_lemmas):
        return T.REJECTION, f"verb:{lemma}-permission"  # "refused to let the plane cross its airspace"
    if lemma in CHARGING_VERBS and _bare_participle_of_charge(token):
        return None  # "sought an apology from Zembla, accused of sinking a ship": who is accused, no accusing
    if lemma == "expect" and _expected_somewhere(token):
        # "the envoy is expected in the region later this week", "is expected in Beijing on Sunday": a visit.
        return T.VISIT, "verb:expected-in"
    if lemma in {"adopt", "issue", "endorse", "approve"} and object_lemmas & JOINT_TEXTS:
        # "leaders adopted a declaration", "the ministers issued a joint communique": a text agreed by the
        # sides that adopt it (PLOVER AGREE), as signing one is.
        return T.AGREEMENT, f"verb:{lemma}-declaration"
    if lemma in MEASURE_ADOPTING_VERBS and _package_of_sanctions(objects):
        return T.SANCTION, f"verb:{lemma}-sanctions-package"  # "approved a fresh round of sanctions"
    if lemma in TRADING_VERBS and (object_lemmas & HOSTILE_WORDS or _sharp_words(objects)):
        # "traded accusations over troop movements", "exchanged barbs": a hostile exchange of words (PLOVER
        # DISAPPROVE), said by both sides.
        return T.STATEMENT, f"verb:{lemma}-accusations"
    if lemma == "warn" and token.tag_ == "VBG" and "shot" in object_lemmas:
        # "vessels fire warning shots at a trawler": the parser may take "warning" for the verb; the shots
        # fired at a craft are an encounter (PLOVER COERCE), not a statement.
        return T.INCIDENT, "verb:warning-shots"
    if lemma == "turn" and _has_particle(token, "down") and object_lemmas & REQUEST_NOUNS:
        return T.REJECTION, "verb:turn-down"
    if lemma in {"sign", "issue"} and object_lemmas & ENACTED_TEXTS:
        # "signed a decree imposing sanctions on Ostland": a state's own text does what it says (PLOVER gives
        # the measure's kind); one that says nothing of the kind binds no other side and is no event here.
        measure = _enacted_measure(objects)
        return (measure, f"verb:{lemma}-decree") if measure is not None else None
    if lemma == "swear" and _has_particle(token, "in"):
        return T.INAUGURATION, "verb:sworn-in"
    if lemma in {"take", "assume", "enter"} and "office" in object_lemmas:
        return T.INAUGURATION, f"verb:{lemma}-office"  # "takes office", "will assume office in May"
    # The parser reads some decided nouns as clauses ("approved Zembla's membership bid": "bid" a verb).
    decided = object_lemmas | {c.lemma_.lower() for c in token.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"}
    # "declared as invalid X", "declares X invalid" with X read as a clause: what is declared, however parsed.
    declared_as = any(
        (c.dep_ == "prep" and c.lower_ == "as") or (c.dep_ == "ccomp" and c.pos_ == "NOUN") for c in token.children
    )
    if lemma in BODY_DEMANDING_VERBS and _decided_by_a_council(token) and (objects or declared_as):
        # "the Security Council on Monday demanded an immediate ceasefire": a council demands by resolution.
        return T.RESOLUTION, f"verb:council-{lemma}"
    if lemma in BODY_DECISION_VERBS and _decided_by_a_body(token) and (decided & (DECIDED_NOUNS | NOUNS.keys())):
        # "Ostland's parliament approved Zembla's membership bid", "the council adopted a resolution"
        return T.RESOLUTION, f"verb:body-{lemma}"
    if lemma == "address" and any(_addressed_body(o) for o in objects):
        return T.STATEMENT, "verb:address-body"  # "to address the UN General Assembly", "addressed parliament"
    if lemma in {"exchange", "swap", "trade"} and (object_lemmas & EXCHANGED_PEOPLE or _person_for_person(token)):
        # "exchanged 90 prisoners each", "swapped the jailed pilot Ana Ruiz for Ivo Quispe" (PLOVER RELEASE)
        return T.RELEASE, f"verb:{lemma}-prisoners"
    if lemma in EVACUATING_VERBS and _mission_staff_taken_out(token, objects):
        # "evacuated its consulate", "began evacuating staff from the embassy" (PLOVER REDUCE RELATIONS)
        return T.WITHDRAWAL, f"verb:{lemma}-mission"
    if lemma in {"exchange", "trade"} and object_lemmas & FIRE_NOUNS:
        return T.MILITARY_ACTION, f"verb:{lemma}-fire"  # "exchanged fire across the border" (PLOVER FIGHT)
    if lemma == "veto" or (lemma == "block" and object_lemmas & DECIDED_NOUNS):
        return T.REJECTION, f"verb:{lemma}"  # "Hungary blocked an EU statement", "vetoed the resolution"
    if lemma == "vote" and token.pos_ == "VERB":
        # "Parliament will vote on the accord", "the council voted to impose curbs": a body deciding (PLOVER
        # ... resolution); "Ostlanders vote on Sunday": a ballot.
        # "the cabinet was to vote": the subject sits on "was"
        if _states_voting(token):
            return None  # "the United States and Israel voted against it": members' votes in a body's vote
        if _decided_by_a_body(token):
            return T.RESOLUTION, "verb:body-vote"
        # "ministers voted to lift the sanctions": a vote to do something is a decision, not a ballot.
        if any(c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() not in CHOOSING for c in token.children):
            return T.RESOLUTION, "verb:vote-to"
        return T.ELECTION, "verb:vote"
    if (
        lemma == "rule"
        and _has_particle(token, "out")
        and (object_lemmas & REQUEST_NOUNS or any(NOUNS.get(o) in GATHERING_TYPES for o in object_lemmas))
    ):
        return T.REJECTION, "verb:rule-out"  # "ruled out talks with Zembla": a gathering refused
    if lemma in {"reject", "refuse", "decline", "deny", "spurn"}:
        if object_lemmas & REQUEST_NOUNS or any(
            c.dep_ == "xcomp" and not _declines_to_speak(c) for c in token.children
        ):
            return T.REJECTION, f"verb:{lemma}-request"
        return None
    if lemma in {"strike", "seal", "reach", "conclude", "finalize", "clinch", "broker"} and (
        object_lemmas & AGREEMENT_NOUNS or (lemma == "reach" and object_lemmas & REACHED_ACCORD_NOUNS)
    ):
        return T.AGREEMENT, f"verb:{lemma}-deal"
    if lemma == "accept":
        # PLOVER AGREE: "accepted the truce", "accepted what she called the bitter pill of a ceasefire".
        named = [c for c in token.children if c.dep_ == "ccomp" and any(w.lower_ == "what" for w in c.children)]
        if _object_subtree_words([*objects, *named]) & AGREEMENT_NOUNS:
            return T.AGREEMENT, "verb:accept-deal"
    if lemma in IMPOSE_VERBS:
        # "export bans", and with the goods after the measure, "restrictions on chip exports".
        if object_lemmas & EXPORT_MEASURES and (object_words | _object_subtree_words(objects)) & EXPORT_WORDS:
            return T.EXPORT_CONTROL, f"verb:{lemma}-export-controls"  # "export curbs", "chip export controls"
        if object_lemmas & SANCTION_NOUNS:
            return T.SANCTION, f"verb:{lemma}-sanctions"
        if lemma in EASING_VERBS and object_lemmas & RESTRICTIVE_MEASURES:
            return T.SANCTION, f"verb:{lemma}-measures"  # "Britain eased some measures in April"
        if lemma in EASING_VERBS and object_lemmas & RULE_NOUNS and _object_subtree_words(objects) & STOPPED_FLOWS:
            return T.SANCTION, f"verb:{lemma}-flows"  # "will lift visa requirements for Chinese citizens"
    if lemma in SENDING_VERBS and _delegation_sent(token, objects):
        return T.VISIT, f"verb:{lemma}-delegation"  # "sent a delegation to Quito on Monday" (PLOVER CONSULT)
    if lemma in EXPORT_STOPPING_VERBS and object_words & EXPORT_WORDS and _no_other_doer(token):
        return T.EXPORT_CONTROL, f"verb:{lemma}-exports"
    # "visa services", "visa operations": the work of issuing what flows is that flow.
    flows = object_lemmas | (object_words if object_lemmas & MISSION_WORK else set())
    if lemma in TRADE_STOPPING_VERBS and flows & STOPPED_FLOWS and not _agent_words(token) & MISHAP_NOUNS:
        # "suspended imports of seafood", "suspended visa-free travel", "halted flights" (PLOVER SANCTION)
        return T.SANCTION, f"verb:{lemma}-flows"
    if lemma in AID_STOPPING_VERBS and object_lemmas & STOPPED_AID and _aid_to_a_party(token, objects):
        return T.SANCTION, f"verb:{lemma}-aid"  # "cut aid to Zembla", "froze military assistance" (PLOVER reduce aid)
    if lemma == "declare" and any(t.lower_.endswith(("grata", "gratae")) for c in token.children for t in c.subtree):
        return T.EXPULSION, "verb:declare-persona-non-grata"  # "declared two diplomats persona non grata"
    if (
        lemma in {"order", "tell", "ask"}
        and object_lemmas & ENVOY_NOUNS
        and any(
            c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in {"leave", "depart", "quit"} for c in token.children
        )
    ):
        return T.EXPULSION, f"verb:{lemma}-envoy-out"  # "ordered the ambassador to leave the country"
    if lemma in {"freeze", "seize", "confiscate"} and object_lemmas & ASSET_WORDS:
        return T.SANCTION, f"verb:{lemma}-assets"  # "froze the assets of three banks"
    if lemma in {"close", "shut", "seal"} and object_lemmas & CLOSED_PASSAGES and prep_objects(token, TO_WHOM):
        return T.SANCTION, f"verb:{lemma}-to"  # "closed its airspace to Zemblan airlines"
    if lemma in TRAINING_VERBS and _subject_words(token) & (MILITARY_ASSETS | ARMED_SERVICES):
        return T.MILITARY_EXERCISE, f"verb:{lemma}-forces"  # "the two navies' warships trained together on Sunday"
    if _burned(token, lemma, objects) & MISSION_NOUNS:
        return T.INCIDENT, "verb:set-fire-mission"  # "protesters set fire to the embassy", "torched the consulate"
    entered = _forced_its_way_into(token, lemma)
    if entered & STORMED_PLACES and _subject_words(token) & STORMING_FORCES:
        return T.MILITARY_ACTION, "verb:forced-way-into-building"  # "troops forced their way into a mission"
    if entered & MISSION_NOUNS:
        return T.INCIDENT, "verb:forced-way-into-mission"  # "a mob smashed its way into the consulate"
    if lemma in FORCED_ENTRY_VERBS and object_lemmas & STORMED_PLACES and _subject_words(token) & STORMING_FORCES:
        # "police stormed the embassy", "troops raided the consulate" (PLOVER ASSAULT/raid)
        return T.MILITARY_ACTION, f"verb:{lemma}-building"
    if lemma == "storm" and object_lemmas & MISSION_NOUNS:
        return T.INCIDENT, "verb:storm-mission"  # "protesters stormed the embassy": an attack on a state's mission
    if lemma == "break" and _object_subtree_words(prep_objects(token, frozenset({"into"}))) & MISSION_NOUNS:
        return T.INCIDENT, "verb:break-into-mission"  # "militiamen broke into the embassy compound"
    # "fired what appeared to be a new missile ..., its most provocative test": the free relative is an
    # object too, beside whatever noun the parser also took for one.
    clauses = [c for c in token.children if c.dep_ == "ccomp" and (free_relative(c) or not objects)]
    if lemma in {"launch", "fire", "test", "test-fire"} and (
        object_words & WEAPON_WORDS or _object_subtree_words([*objects, *clauses]) & WEAPON_WORDS
    ):
        return T.WEAPONS_TEST, f"verb:{lemma}-weapon"
    # "the deal that Tehran struck with six powers": a relative clause's object is the noun it describes.
    described = {token.head.lemma_.lower()} if token.dep_ == "relcl" else set()
    if lemma == "strike" and not (object_lemmas | described) & AGREEMENT_NOUNS:
        if _agent_words(token) & MISHAP_NOUNS:
            return None  # "an earthquake struck the capital": no one used force
        return T.MILITARY_ACTION, "verb:strike"
    if lemma in TALKING_VERBS and any(
        # "by" may be read as a passive's agent ("conversed by telephone")
        c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "over", "on"} and {g.lower_ for g in c.children} & CALL_MEANS
        for c in token.children
    ):
        return T.PHONE_CALL, f"verb:{lemma}-by-phone"  # "spoke by telephone", "talked over the phone"
    if (lemma in TALKING_VERBS or lemma == "discuss") and any(
        _office_holder(g) for g in prep_objects(token, frozenset({"with"}) if lemma == "discuss" else TALKED_TO)
    ):
        # "discussed trade with the Ostland president", "talked with his counterpart", "spoke to her
        # counterparts": officials consulting (PLOVER CONSULT); "spoke with reporters" or with a friend is no act
        # between states.
        return T.TALKS, f"verb:{lemma}-with"
    if lemma not in VERBS:
        return None
    if lemma == "protest" and _protesters(token) & CROWD_NOUNS:
        return None  # "students protested outside the embassy": a street protest, no state's protest
    event_type = VERBS[lemma]
    if lemma in {"deploy", "surround", "encircle", "blockade"} and not (objects or token.tag_ == "VBN"):
        return None
    if lemma == "meet" and object_lemmas & NOT_MEETING_OBJECTS:
        return None
    if lemma in {"meet", "visit"} and _kin_acting(token):
        return None  # "relatives will meet them at the base": a family's reunion, no act between states
    if lemma in {"release", "free", "pardon"} and not any(_is_held(o) for o in [*objects, *_raised_subjects(token)]):
        # "released a statement", "released a song": only people and seized craft are released; a pardon of
        # captives frees them (PLOVER RELEASE), one of a fraudster at home is no act between states
        return None
    # "was killed": a victim, though unparsed; so is the noun a participle describes ("two workers abducted in May").
    passive = any(c.dep_ == "auxpass" for c in token.children) or (token.dep_ == "acl" and token.tag_ == "VBN")
    if lemma in {"kill", "assassinate", "abduct", "kidnap", "hijack", "annex", "occupy", "seize"} and not (
        objects or passive
    ):
        return None
    if lemma == "kill" and _agent_words(token) & MISHAP_NOUNS:
        return None  # "the wreck killed ten", "the storm killed two": a mishap, no use of force
    if event_type is T.VISIT and any(
        s.lemma_.lower() in VEHICLE_WORDS for c in token.children if c.dep_ == "nsubj" for s in [c, *c.conjuncts]
    ):
        return None  # "a ship carrying fuel arrived": a delivery, not a visit
    if event_type is T.VISIT and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in TIME_NOUNS | NO_VISITOR_NOUNS for c in token.children
    ):
        # "as the deadline arrived": time passing; "with embassy personnel arriving in Tunisia": people moved.
        return None
    if event_type is T.VISIT and _freed_coming(token):
        # "three Chileans held in Peru arrived home after being released": a release's homecoming, no visit.
        return T.RELEASE, f"verb:{lemma}-freed"
    if (
        lemma == "fly"
        and any(c.dep_ == "auxpass" for c in token.children)
        and any(c.lower_ == "home" for c in token.children)
    ):
        return None  # "she was flown home on an army jet": carried back, not travelling on a visit
    if lemma in {"fly", "head", "land", "travel"} and not any(
        c.dep_ == "prep" and c.lower_ in {"to", "into", "in", "at"} for c in token.children
    ):
        return None
    if lemma == "agree" and not any(c.dep_ in {"xcomp", "prep", "dobj", "ccomp"} for c in token.children):
        return None
    if lemma == "agree" and _consents_to_a_gathering(token):
        return None  # "agreed to the visit": the visit is the news, the consent no accord of its own
    if lemma == "announce" and not objects:
        return None
    if lemma == "attack" and not objects:
        return None
    if lemma == "attack" and _attacked_in_words(token, objects):
        return T.STATEMENT, "verb:attack-in-words"
    return event_type, f"verb:{lemma}"


# What is attacked in words, not by force: a plan, a policy, a text, a gathering or an accord ("attacked the
# deal as a surrender", "an article attacking the summit"). PLOVER DISAPPROVE, not ASSAULT.
WORDED_TARGETS = frozenset(
    {"plan", "policy", "decision", "proposal", "remark", "comment", "statement", "speech", "idea", "bill",
     "law", "move", "report", "stance", "position", "approach", "record", "handling", "response", "rhetoric",
     "initiative", "strategy", "budget", "ruling", "verdict", "decree", "announcement"}
)  # fmt: skip
# Texts that attack by what they say: "an editorial attacking the plan", "a letter that attacked the deal".
TEXT_NOUNS = frozenset(
    {"article", "letter", "editorial", "op-ed", "column", "commentary", "statement", "speech", "post", "tweet",
     "essay", "report", "communique", "communiqué", "broadcast"}
)  # fmt: skip


def _attacked_in_words(token: Token, objects: list[Token]) -> bool:
    """Whether "attack" is criticism: its object is a plan, text, gathering or accord, it is called something
    ("attacked the deal as a surrender"), or a text does the attacking ("an article attacking the summit")."""
    targets = {o.lemma_.lower() for o in objects}
    # An object that is itself an event ("attacked the summit"), by the noun rules: a police patrol is not one.
    # A mission is a building too: "attacked the embassy" is force, as storming it is.
    if targets & (WORDED_TARGETS | (BINDING_NOUNS - MISSION_NOUNS)) or any(_noun_trigger(o) for o in objects):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return True
    agent = token.head if token.dep_ in {"acl", "relcl"} else None
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "relcl" and subjects and subjects[0].tag_ in {"WDT", "WP"}:
        subjects = []
    doers = [*subjects, *([agent] if agent is not None and not subjects else [])]
    return any(d.lemma_.lower() in TEXT_NOUNS for d in doers)


def noun_lemma(token: Token) -> str:
    """The noun's lemma, with a hyphened first part the parser split off: "stand-off", "face-off"."""
    lemma = token.lemma_.lower()
    if token.i >= 2:
        hyphen, first = token.doc[token.i - 1], token.doc[token.i - 2]
        if hyphen.text == "-" and not hyphen.whitespace_ and not first.whitespace_ and first.head.i == token.i:
            joined = f"{first.lower_}-{lemma}"
            if joined in NOUNS:
                return joined
    return lemma


# People named by an event they lived through: "prisoners of war", "victims of the attack".
PEOPLE_OF_EVENTS = frozenset(
    {"prisoner", "veteran", "victim", "survivor", "widow", "orphan", "refugee", "casualty", "hero", "relative",
     "family", "suspect", "perpetrator", "culprit", "mastermind", "witness", "organizer", "organiser"}
)  # fmt: skip
# Spans of years an act is measured in: "after nine years of negotiations", "decades of conflict" tell how long
# a process ran before what the sentence dates, not an act of that date.
YEARS_SPANS = frozenset({"year", "decade", "century"})


# Words that count or deny a kind: "the third such incursion", "another such attack", "no such meeting".
KIND_COUNTERS = frozenset({"no", "any", "another", "every", "each", "other", "first", "latest", "last", "only"})


def _counted(words: list[Token]) -> bool:
    return any(c.lower_ in KIND_COUNTERS - {"no", "any"} or c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" for c in words)


def counted_kind(token: Token) -> bool:
    """Whether the event noun names a kind of act, counted or denied ("the third such incursion this year",
    "no such talks"), rather than an act ("such talks will open in June" still is one)."""
    if _member_of_counted_series(token):
        return True
    words = [c for c in token.children if c.dep_ in {"amod", "det", "predet", "nummod"}]
    if token.dep_ == "attr" and token.head.lemma_ == "be" and _counted(words):
        # "The talks will be the first meeting of the two sides since May": what the subject is counted as, not
        # a second act (nor dated by the "since" of the count).
        return True
    if not any(c.lower_ == "such" for c in words):
        return False
    if token.dep_ in {"nsubj", "nsubjpass"} and tells_taking_place(token.head):
        return False  # "the last such summit took place in Quito in 2019": that one instance, told as an act
    return any(c.lower_ in KIND_COUNTERS or c.ent_type_ == "ORDINAL" for c in words)


def _member_of_counted_series(token: Token) -> bool:
    """ "the latest in a string of weapons tests this year", "the third in a series of rallies": the plural
    noun names the kind of which the act told beside it is one; the series is no new act."""
    if token.tag_ not in {"NNS", "NNPS"} or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    series = token.head.head
    if series.pos_ != "NOUN" or series.dep_ != "pobj" or series.head.lower_ != "in":
        return False
    counted = series.head.head
    return counted.tag_ == "JJS" or counted.ent_type_ == "ORDINAL"


def _tells_a_counted_kind(verb: Token) -> bool:
    """ "the third such exchange mediated by Zembla since May": a participle on a counted kind tells of every
    act of that kind, not of a new one (the act the count is about is told beside it)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" and counted_kind(verb.head)


# Gatherings held in rounds, with what a round of each is called: a bare "round" ("the first round will be
# held in Geneva") is a round of talks, of voting, ...
ROUND_OF = {
    EventType.TALKS: "talks",
    EventType.ELECTION: "voting",
    EventType.SUMMIT: "summit",
    EventType.MEETING: "meetings",
}
ROUND_TYPES = frozenset(ROUND_OF)
ROUND_MODIFIERS = frozenset({"first", "second", "third", "fourth", "fifth", "next", "new", "final", "last", "latest"})
# How many tokens back a bare round looks for the gathering it is a round of.
ROUND_REACH = 400


def _a_lecture(noun: Token) -> bool:
    """ "a talk" is a lecture; "talks" are negotiations."""
    return noun.lemma_.lower() == "talk" and noun.tag_ != "NNS"


def _round_of(token: Token) -> tuple[EventType, str] | None:
    """A bare "round" ("the first round will be held on Nov. 12", "a second round is planned") is a round of the
    gathering the text last named (talks, a vote, a summit), when it is numbered or held like one. "a round
    of talks" is the talks' own trigger; "a round of applause" names no gathering before it."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    numbered = any(c.dep_ in {"amod", "nummod"} and c.lower_ in ROUND_MODIFIERS for c in token.children)
    held = token.dep_ in {"nsubjpass", "nsubj", "dobj"} and token.head.lemma_.lower() in LIGHT_VERBS
    if not (numbered or held):
        return None
    doc = token.doc
    for earlier in reversed(doc[max(0, token.i - ROUND_REACH) : token.i]):
        lemma = earlier.lemma_.lower()
        kind = NOUNS.get(noun_lemma(earlier)) if earlier.pos_ == "NOUN" else VERBS.get(lemma)
        if kind in ROUND_TYPES and not (earlier.pos_ == "NOUN" and _a_lecture(earlier)):
            return kind, "noun:round"
    return None


# How far back (in tokens) "the exchange" may point at the exchange of people the text told as a verb.
EXCHANGE_BACK_TOKENS = 300


def _exchange_told_before(noun: Token) -> bool:
    """ "Ostland and Zembla exchanged 40 prisoners on Friday. ... The exchange followed a week of ...": a definite
    noun that names an exchange of people told before as a verb is that exchange."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
        return False
    doc = noun.doc
    return any(
        earlier.pos_ == "VERB"
        and earlier.lemma_.lower() in {"exchange", "swap", "trade"}
        and {o.lemma_.lower() for o in _objects(earlier)} & EXCHANGED_PEOPLE
        for earlier in doc[max(0, noun.i - EXCHANGE_BACK_TOKENS) : noun.i]
    )


def _force_told_before(noun: Token) -> bool:
    """ "Drones struck a depot on Monday. ... That attack followed ...": a definite "attack" that names a use of
    force told before as a verb is that act (with no such act before, the word may be criticism of a plan)."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
        return False
    doc = noun.doc
    return any(
        earlier.pos_ == "VERB" and (told := _verb_trigger(earlier)) is not None and told[0] is T.MILITARY_ACTION
        for earlier in doc[max(0, noun.i - EXCHANGE_BACK_TOKENS) : noun.i]
    )


# What is talked or quarrelled about: "talks on tariffs", "a row over sanctions", "discussed sanctions".
DISCUSSING_VERBS = frozenset({"discuss", "debate", "negotiate", "consider", "weigh", "mull", "study", "review"})
QUARREL_NOUNS = frozenset({"dispute", "row", "spat", "quarrel", "disagreement", "feud", "fight", "wrangle", "standoff"})
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})


def _measure_as_topic(token: Token) -> bool:
    """A measure that is only what sides talk or quarrel about is no measure taken: "talks with Paraguay on
    the tariffs", "the dispute over sanctions", "the ministers discussed sanctions"."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in DISCUSSING_VERBS:
        return True
    if token.dep_ != "pobj" or token.head.lower_ not in TOPIC_PREPS:
        return False
    about = token.head.head
    word = noun_lemma(about) if about.pos_ == "NOUN" else about.lemma_.lower()
    return word in QUARREL_NOUNS or word in DISCUSSING_VERBS or NOUNS.get(word) in {T.TALKS, T.MEETING, T.SUMMIT}


# What talks are about (:data:`TOPIC_PREPS`): "talks on a further swap", "negotiations over a ceasefire".


def _topic_of_talks(token: Token) -> bool:
    """An event noun that is what talks are about: the talks are told, the act they are about is not."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in TOPIC_PREPS or prep.head.i == prep.i:
        return False
    talks = prep.head
    # "a vote on the truce": what is voted on is not done by voting
    return talks.pos_ == "NOUN" and (NOUNS.get(talks.lemma_.lower()) is T.TALKS or talks.lemma_.lower() == "vote")


# Verbs of keeping to or breaking what binds: "violated the truce", "honoured the accord", "evaded the
# sanctions" tell conduct under an agreement or a measure made before, not its making.
BOUND_BY_VERBS = frozenset(
    {"violate", "breach", "break", "flout", "honour", "honor", "respect", "observe", "uphold", "evade",
     "circumvent", "skirt", "bust", "enforce", "comply", "abide"}
)  # fmt: skip
# What binds and can be kept or broken: an agreement, a measure.
BINDING_TYPES = frozenset({T.AGREEMENT, T.SANCTION})


# Where sides meet to talk: a clash there is one of words.
FORUM_NOUNS = frozenset({"meeting", "talk", "summit", "session", "forum", "conference", "debate", "hearing"})


def _clash_at_a_forum(verb: Token) -> bool:
    """ "Chile and Peru clashed at the Security Council", "the ministers clashed at the meeting": where the clash
    happened is a body of states or a gathering of talks."""
    for place in prep_objects(verb, frozenset({"at", "during", "in"})):
        if place.lemma_.lower() in FORUM_NOUNS or (place.ent_type_ in {"ORG", "FAC"} and _names_a_body(place)):
            return True
    return False


def _names_a_body(token: Token) -> bool:
    """ "the Security Council", "the General Assembly", "the European Parliament": a body of states or a chamber."""
    words = {t.lemma_.lower() for t in token.subtree}
    return bool(words & (BLOC_WORDS | VOTING_BODIES))


def _frame_of_a_description(token: Token) -> bool:
    """ "soldiers captured during the war": an event noun after "during" in a participle that describes people
    or things is the frame of what befell them, told without a time of its own, no act of the sentence."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"during", "throughout"}:
        return False
    participle = prep.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or participle.head.lemma_.lower() in NOUNS:
        return False
    return not any(t.ent_type_ in {"DATE", "TIME"} for t in participle.subtree)


# Nouns of a body's meeting, which are one only "of" a body of states or a chamber ("a session of the council";
# a trading or a question session is none).
SITTING_NOUNS = frozenset({"session", "sitting"})
# Nouns of coming in, which "into" or "to" a body of states make an accession ("entry into force" is not).
ENTRY_NOUNS = frozenset({"entry", "admission"})


# What makes a welcome one a state gives a guest: "a state welcome", "was accorded a ceremonial welcome".
WELCOME_WORDS = frozenset({"state", "official", "ceremonial", "formal", "red-carpet", "military"})
WELCOME_GIVING = frozenset({"give", "accord", "extend", "receive", "get"})


def _welcome_of_a_guest(token: Token) -> bool:
    words = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
    return bool(words & WELCOME_WORDS) and (token.dep_ != "dobj" or token.head.lemma_.lower() in WELCOME_GIVING)


# Nouns of a rite whose kind its modifier names: "a swearing-in ceremony", "a handover ceremony".
CEREMONY_NOUNS = frozenset({"ceremony", "rite"})


def _ceremony_of(token: Token) -> str | None:
    """The event noun a ceremony is named after ("swearing-in" in "a swearing-in ceremony"), else None."""
    for child in token.children:
        if child.dep_ not in {"compound", "amod", "nmod"} or child.i > token.i:
            continue
        words = [child.lower_]
        # "swearing - in": the parser splits a hyphened word and hangs its second part on the first.
        words += [f"{child.lower_}-{c.lower_}" for c in child.children if c.dep_ in {"prt", "advmod", "prep"}]
        words.append(noun_lemma(child))
        found = next((w for w in words if w in NOUNS), None)
        if found is not None:
            return found
    return None


def _noun_trigger(token: Token) -> tuple[EventType, str] | None:
    lemma = noun_lemma(token)
    if lemma == "round" and token.pos_ == "NOUN":
        return _round_of(token)
    if lemma == "note" and (
        any(c.dep_ in {"compound", "amod"} and c.lower_ == "protest" for c in token.children)
        or any(g.lemma_.lower() == "protest" for c in token.children if c.lower_ == "of" for g in c.children)
    ):
        return T.PROTEST, "noun:protest-note"  # "sent a protest note", "a note of protest" (PLOVER PROTEST)
    if lemma == "call" and any(c.dep_ == "compound" and c.lower_ in {"port", "courtesy"} for c in token.children):
        return T.VISIT, "noun:port-call"  # "a frigate made a port call in Callao", "paid a courtesy call on"
    if lemma in ENTRY_NOUNS and any(
        _joined_body(g) for c in token.children if c.dep_ == "prep" and c.lower_ in {"to", "into"} for g in c.children
    ):
        return T.ACCESSION, f"noun:{lemma}-to-body"  # "Ostland's entry into NATO", "its admission to the grouping"
    if (
        lemma in SITTING_NOUNS
        and token.dep_ != "compound"
        and any(_names_a_body(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)
    ):
        return T.MEETING, "noun:sitting-of-body"  # "an extraordinary session of the Andean Council"
    if lemma == "welcome" and token.pos_ == "NOUN" and _welcome_of_a_guest(token):
        return T.VISIT, "noun:welcome"  # "was accorded a state welcome": a visit received (PLOVER CONSULT)
    if lemma in CEREMONY_NOUNS and (held := _ceremony_of(token)) is not None:
        return NOUNS[held], f"noun:{held}-ceremony"  # "a swearing-in ceremony for the cabinet"
    if lemma not in NOUNS:
        return None
    if token.dep_ == "compound":
        return None  # "summit diplomacy", "talks process": a modifier, not an event
    if token.dep_ in {"amod", "nmod"} and token.head.lemma_.lower() in CEREMONY_NOUNS:
        return None  # the ceremony is the event (above)
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in {"of", "in", "behind"}
        and token.head.head.lemma_.lower() in PEOPLE_OF_EVENTS
    ):
        # "prisoners of war", "veterans of the war", "a suspect in last week's raids": people the event marked, not
        # the event now
        return None
    if token.dep_ == "pobj" and token.head.lower_ == "without":
        return None  # "the talks ended without a truce": what did not come about
    if _frame_of_a_description(token):
        return None  # "to free soldiers captured during the border war": when those people were taken
    if token.dep_ == "dobj" and token.head.dep_ == "xcomp" and token.head.head.lemma_.lower() == "fail":
        return None  # "the talks failed to secure a truce": neither
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in YEARS_SPANS:
        return None  # "signed after nine years of negotiations": the long process behind the act, not an act
    if counted_kind(token):
        return None  # "the third such incursion this year", "no such talks": the kind of an act told, no new act
    kept_or_broken = token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in BOUND_BY_VERBS
    if kept_or_broken and NOUNS[lemma] in BINDING_TYPES:
        return None  # "accused each other of violating the ceasefire", "evading sanctions": conduct under it
    if _topic_of_talks(token):
        return None  # "talks on a further swap", "negotiations on a ceasefire": what is talked about, not done
    event_type = NOUNS[lemma]
    modifiers = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    of_objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    head = token.head
    head_lemma = head.lemma_.lower()
    if event_type in {T.SANCTION, T.EXPORT_CONTROL} and _measure_as_topic(token):
        return None
    if lemma in {"war", "battle", "siege", "skirmish"}:
        words = modifiers | {g.lower_ for g in of_objects}
        if words & NOT_FIGHTING_MODIFIERS:
            return None
    elif lemma == "operation":
        if modifiers & RESPONSE_MODIFIERS:
            return event_type, "noun:response-operation"
        if modifiers & (MILITARY_WORDS | STRIKE_MODIFIERS):
            return T.MILITARY_ACTION, "noun:military-operation"
        return None
    elif lemma in {"rescue", "salvage"}:
        if token.dep_ in {"amod", "nmod"}:
            return None
    elif lemma in {"offensive", "counteroffensive", "counter-offensive"}:
        if token.dep_ == "pobj" and token.head.lower_ in {"on", "onto"}:
            return None  # "went on the offensive in the debate": a stance, not a campaign
    elif lemma == "occupation":
        if not (of_objects and any(g.ent_type_ in {"GPE", "LOC", "FAC"} for g in of_objects)):
            return None
    elif lemma == "suspension":
        # "the suspension of talks" is the talks, postponed; "the suspension of the accord" is news itself.
        if not any(_binds(g) and g.lemma_.lower() not in NOUNS for g in of_objects):
            return None
    elif lemma == "stop":
        # "a planned stop in Kinshasa", "a stop at the border post": a stop somewhere on a trip; "a stop to the
        # fighting" or "a full stop" names none.
        places = prep_objects(token, SITE_PREPS)
        if not any(g.ent_type_ in {"GPE", "LOC", "FAC"} for g in places):
            return None
    elif lemma == "closure":
        # "ordered the closure of the consulate" leaves a tie as closing it does; "the closure of the border" shuts
        # a way between states; a closure of anything else ("of the factory") is no act between states.
        shut = {g.lemma_.lower() for g in of_objects}
        if shut & CROSSING_NOUNS:
            return T.SANCTION, "noun:closure-border"
        if not shut & BINDING_NOUNS:
            return None
    elif lemma == "recall":
        # "announced the recall of its ambassador": an envoy called home in protest, as the verb "recalled" is.
        if not {g.lemma_.lower() for g in of_objects} & ENVOY_NOUNS:
            return None
        return T.PROTEST, "noun:recall-envoy"
    elif lemma == "cessation":
        if not {g.lemma_.lower() for g in of_objects} & {"hostility", "hostilities", "fighting", "violence"}:
            return None
    elif lemma == "resolution":
        if modifiers & {"conflict", "dispute", "peaceful", "high", "new-year", "year"}:
            return None
        if token.dep_ in {"nsubj", "nsubjpass"} and head_lemma in FAILING_VERBS:
            # "the draft resolution was rejected by the council", "the resolution failed": not adopted.
            return T.REJECTION, "noun:resolution-failed"
    elif lemma == "vote" and any(c.ent_type_ == "ORG" for c in token.children if c.dep_ in NAMING_MODIFIER_DEPS):
        # "Monday's Security Council vote" is a decision of a body, not an election; a firm's is none
        by_a_body = any(_names_a_body(c) for c in token.children if c.dep_ in NAMING_MODIFIER_DEPS)
        # "after the U.N. vote": a vote named as what another act came after is the decision told elsewhere
        after_it = token.dep_ == "pobj" and token.head.lower_ in {"after", "since", "following", "before"}
        return (T.RESOLUTION, "noun:body-vote") if by_a_body and not after_it else None
    elif lemma == "vote" and {m.strip("-") for m in modifiers} & CHAMBER_VOTES:
        return T.RESOLUTION, "noun:chamber-vote"  # "lost a confidence vote": a parliament decides, no ballot
    if lemma == "call":
        # "a telephone call", "a call with", "a 90-minute call": a call for calm or to arms is none.
        lasted = {c.lemma_.lower() for c in token.subtree if c.i < token.i} & {"minute", "hour"}
        if not (
            modifiers & {"phone", "telephone", "video", "conference"} or _children_lemmas(token) & {"with"} or lasted
        ):
            return None
    elif lemma == "conference" and modifiers & {"video", "phone", "telephone", "tele"}:
        return T.PHONE_CALL, "noun:video-conference"  # "held a video conference": a call, not a summit
    elif lemma == "conference" and modifiers & PRESS_WORDS:
        return None  # "said at a news conference": where one speaks to reporters, no gathering of sides
    elif (
        lemma == "consultation"
        and token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and (token.head.head.lemma_.lower() in {"return", "recall", "call", "bring", "summon", "withdraw"})
    ):
        return None  # "recalled its ambassador for consultations": the recall's purpose, no talks
    elif lemma == "conversation":
        # "a telephone conversation", "a conversation by video link": a call; a talk face to face is told
        # by other words ("met", "held talks"), and "the conversation turned to trade" is no act.
        means = modifiers | {g.lower_ for c in token.children if c.dep_ == "prep" for g in c.children}
        if not means & CALL_MEANS:
            return None
    elif lemma == "downing":
        # "the downing of a fighter jet" (a shootdown); "the downing of tools" is a strike at work.
        if not {g.lemma_.lower() for c in token.children if c.lower_ == "of" for g in c.children} & DOWNED_CRAFT:
            return None
    elif lemma == "strike":
        if not (modifiers & STRIKE_MODIFIERS or token.tag_ == "NNS"):
            return None
    elif lemma in {"drill", "exercise"}:
        if not (modifiers & MILITARY_WORDS or head_lemma in LIGHT_VERBS):
            return None
    elif lemma == "patrol":
        # Forces of two sides patrolling together (PLOVER COOPERATE, military); one side's patrols are routine.
        if not modifiers & JOINT_WORDS:
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
        # "the release of the two fishermen", "of a convicted Russian agent" (someone of a nation); not "the
        # release of treated water" or "of the report".
        if not any(
            _is_held(g) or g.ent_type_ == "PERSON" or any(c.ent_type_ == "NORP" for c in g.children) for g in of_objects
        ):
            return None
    elif lemma == "attack":
        led = any(c.dep_ == "amod" and c.lower_ in {"led", "backed"} for c in token.children)
        on_place = any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.ent_type_ in {"GPE", "LOC", "FAC"} for g in c.subtree)
            for c in token.children
        )
        if not (
            modifiers & (STRIKE_MODIFIERS | {"missile", "terrorist", "cyber", "rocket"})
            or led
            or on_place
            or _force_told_before(token)
        ):
            return None
    elif lemma == "exchange":
        words = modifiers | {g.lower_ for c in token.children if c.dep_ == "prep" for g in c.children}
        entity_pair = any(
            c.dep_ == "compound" and (c.ent_type_ in {"GPE", "NORP"} or _names_two_states(c.text))
            for c in token.children
        )
        if not (words & EXCHANGE_WORDS or entity_pair or _exchange_told_before(token)):
            return None
    elif lemma in {"investigation", "probe", "inquiry"}:
        if token.dep_ == "pobj" and token.head.lower_ == "under":
            return None
    elif lemma == "congress":
        if token.text[:1].isupper():
            return None  # "Congress" is a legislature; "the party congress" is a gathering
    elif _a_lecture(token):
        return None
    return event_type, f"noun:{lemma}"


def _agreed_to(noun: Token, verbs: dict[int, Trigger], kind: EventType) -> Trigger | None:
    """ "agreed to an immediate ceasefire", "agreed on a truce": the verb of the same kind whose "to" or "on"
    names what it is, and so is one event with the noun."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"to", "on"}:
        return None
    verb = verbs.get(noun.head.head.i)
    return verb if verb is not None and verb.type is kind else None


def _event_head(token: Token) -> int:
    """Where the event sits in the tree: a noun's light verb ("held talks"), else the word itself."""
    current = measured_phrase(token)  # "three days of talks": climb the measure phrase first
    if current.dep_ in {"dobj", "nsubjpass", "attr"} and current.head.lemma_.lower() in LIGHT_VERBS:
        return current.head.i
    if current.dep_ == "nsubj" and _says_it_happened(current.head):
        return current.head.i  # "the exchange took place in Quito": the place hangs on "took"
    return token.i


def _says_it_happened(verb: Token) -> bool:
    """ "took place", "occurred", "happened": a verb that only says its subject, an event, happened."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if lemma == "break":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)  # "fighting broke out"
    return lemma in {"occur", "happen", "unfold", "erupt", "flare"}


def _names_two_states(text: str) -> bool:
    """ "U.S.-Russia", "Japan–China": one token naming two states (spaCy may tag it a person)."""
    from events.extraction.gazetteer import country_code

    parts = re.split(r"[-–]", text)
    return len(parts) == 2 and all(parts) and all(country_code(part) is not None for part in parts)


def _named_gathering(token: Token) -> bool:
    """The head word of a gathering's proper name that a verb holds or attends, or that people meet for: "will
    hold the Strategic Dialogue", "attended the Munich Security Conference"."""
    if token.lower_ not in PROPER_EVENT_HEADS or token.dep_ not in {"dobj", "pobj", "nsubjpass"}:
        return False
    head = token.head
    # "will convene in Quito for the Andean Conference": the gathering people meet for.
    convened_for = head.lower_ == "for" and head.head.lemma_.lower() in CONVENING_VERBS
    return head.lemma_.lower() in GATHERING_VERBS or head.lower_ == "at" or convened_for


def _stays_in_place(token: Token) -> bool:
    """ "The president will be in Madrid on June 18": a leader's stay in a foreign place is a visit."""
    if any(c.dep_ in {"attr", "acomp", "expl"} for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    # A name the model may take for a body when it stands alone ("Rouhani would be in ...") counts too.
    if not subjects or not all(
        _is_guest(s) or s.lower_ in {"he", "she"} or (s.pos_ == "PROPN" and s.ent_type_ in {"PERSON", "ORG", ""})
        for s in subjects
    ):
        return False
    return any(g.ent_type_ == "GPE" for g in prep_objects(token, frozenset({"in"})))


def compound_read_as_subject(token: Token) -> bool:
    """ "Chinese military drills around the island": a plural event noun taken for a verb after the words
    that name it, read as its subject ("military", a bare singular common noun right before it with no
    determiner or owner of its own) or as adjectives on it with no subject at all ("Chilean military drills
    near the border"). "The military drills its recruits" keeps its verb."""
    if token.tag_ != "VBZ" or token.i == 0 or any(c.dep_ == "dobj" for c in token.children):
        return False
    before = token.doc[token.i - 1]
    if before.head.i != token.i:
        return False
    if before.dep_ == "nsubj":
        return (
            before.tag_ == "NN" and not before.ent_type_ and not any(c.dep_ in {"det", "poss"} for c in before.children)
        )
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    return before.dep_ == "amod" and not subjects


def _plural_noun_read_as_verb(token: Token) -> bool:
    """ "the envoys will hold a dinner Monday and later talks in Oslo": a plural event noun the parser
    read as a verb in the third person singular, with no subject of its own, joined to a verb whose subject
    is plural or which is no such verb itself; "she meets and talks with leaders" keeps its verb."""
    if token.tag_ != "VBZ" or not token.lower_.endswith("s") or token.lower_[:-1] not in NOUNS:
        return False
    if compound_read_as_subject(token):
        return True
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children) or token.dep_ != "conj":
        return False
    head = token.head
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    plural = any(s.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in s.children) for s in subjects)
    return plural or head.tag_ != "VBZ"


def verb_read_as_plural_noun(token: Token) -> bool:
    """ "Zembla expels Ostland envoy": a headline's verb in the third person singular the tagger took for a plural
    noun, though the parser gave it an object, which no noun has; or, read as a noun with no object, one with a
    named side as a modifier before it and a noun hung after it ("Zembla summons Ostland ambassador")."""
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.lemma_.lower() not in VERBS:
        return False
    if any(c.dep_ == "dobj" for c in token.children):
        return True
    named_before = any(
        c.dep_ == "compound" and c.i < token.i and c.ent_type_ in {"GPE", "NORP", "PERSON", "ORG"}
        for c in token.children
    )
    return named_before and any(
        c.dep_ in {"npadvmod", "appos"} and c.i > token.i and c.pos_ == "NOUN" for c in token.children
    )


# Nouns of a standing stop put on acts of a kind: "a moratorium on missile tests", "a ban on testing" (a
# "freeze" or "halt" on drills is read as the drills put off, with their date).
HALT_NOUNS = frozenset({"moratorium", "ban"})


def _one_of_a_choice(verb: Token) -> bool:
    """ "will either endorse or veto the bill", "whether to sign or walk away": acts offered as a
    choice, of which the text asserts none."""
    first = verb.head if verb.dep_ == "conj" else verb
    offered = any(c.dep_ == "preconj" and c.lower_ in {"either", "whether"} for c in first.children)
    return offered and any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children)


def _held_off(token: Token) -> bool:
    """ "pledged to keep his moratorium on testing missiles", "a ban on nuclear tests": an act a stop is put
    on is what does not happen; the stop is the news, not the act. (The parser may hang the "on" on the verb
    whose object the stop is.)"""
    prep = token.head
    if token.dep_ not in {"pobj", "pcomp"} or prep.lower_ != "on":
        return False
    owner = prep.head
    if owner.lemma_.lower() in HALT_NOUNS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in HALT_NOUNS and c.i == prep.i - 1 for c in owner.children)


def _participle_as_adjective(token: Token) -> bool:
    """ "the expelled diplomats left on Monday", "access to the detained journalist": a past participle before
    its noun says what state the noun is in, after an act told elsewhere (or not at all), not an act of this
    clause at its time."""
    if token.tag_ == "VBN" and token.dep_ == "amod" and token.i < token.head.i:
        return True
    # "Zembla frees detained fisherman": in a headline the tagger may read the verb as a plural noun and make
    # the participle after it the verb of the line, with the noun for its subject.
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.tag_ in {"VBD", "VBN"}
        and before is not None
        and before.head.i == token.i
        and before.dep_ == "nsubj"
        and before.tag_ == "NNS"
        and before.lemma_.lower() in VERBS
        and token.idx < headline_chars(token.doc)
        and any(c.dep_ == "dobj" and c.i > token.i for c in token.children)
    )


def _gerund_naming_people(token: Token) -> bool:
    """ "paid tribute to bombing victims": the parser may read an event word before the people it marked as a
    gerund taking them as object; with no subject of its own it names them, it tells no act."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in {"pcomp", "amod", "compound"}
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        and any(
            c.dep_ == "dobj" and c.i == token.i + 1 and c.lemma_.lower() in PEOPLE_OF_EVENTS for c in token.children
        )
    )


def _word_of_a_name(token: Token, sentence: Span) -> bool:
    """ "a blast in the Illegally Occupied Northern Territories": a capitalised verb mid-sentence between two
    capitalised words is a word of a name, in a sentence not written in title case (a headline's "Ostland Expels
    Zembla Envoy" is): one with a word in lower case longer than a word of grammar."""
    if not sentence.start < token.i < sentence.end - 1 or not token.text[:1].isupper():
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    if not (before.is_alpha and before.text[:1].isupper() and after.is_alpha and after.text[:1].isupper()):
        return False
    # Title case leaves only short words of grammar in lower case ("Ostland Expels Envoy as Talks Fail").
    return any(t.is_alpha and t.text.islower() and len(t) > TITLE_CASE_LOWER_MAX for t in sentence)


TITLE_CASE_LOWER_MAX = 3


def find_triggers(sentence: Span) -> list[Trigger]:
    """Every trigger in one sentence, in text order."""
    found: list[Trigger] = []
    for token in sentence:
        pos = token.pos_
        if pos in {"VERB", "AUX"} and token.lemma_ == "be" and _stays_in_place(token):
            found.append(Trigger(token.i, token.i, T.VISIT, "be", False, "verb:be-in-place"))
        elif pos == "VERB" and _plural_noun_read_as_verb(token):
            kind = NOUNS[token.lower_[:-1]]
            found.append(Trigger(token.i, token.i, kind, token.lower_[:-1], True, f"noun:{token.lower_[:-1]}"))
        elif pos == "VERB" or (pos == "AUX" and token.lemma_ != "be") or verb_read_as_plural_noun(token):
            verb = (
                None
                if _tells_a_counted_kind(token)
                or _gerund_naming_people(token)
                or _participle_as_adjective(token)
                or _word_of_a_name(token, sentence)
                or _held_off(token)
                or _one_of_a_choice(token)
                else _verb_trigger(token)
            )
            if verb:
                found.append(Trigger(token.i, token.i, verb[0], token.lemma_.lower(), False, verb[1]))
        elif pos in {"NOUN", "PROPN"} and (
            token.tag_ in {"NN", "NNS"}
            or token.text.islower()
            or _named_gathering(token)
            or token.lower_ in SITTING_NOUNS
        ):
            noun = None if _held_off(token) else _noun_trigger(token)
            if noun:
                found.append(Trigger(token.i, _event_head(token), noun[0], noun_lemma(token), True, noun[1]))
    # A noun that is the object of a verb trigger is that verb's event ("signed an agreement"); the object
    # of a saying is an event of its own ("announced the king's visit in October"), dated apart from it.
    verbs = {t.i: t for t in found if not t.nominal}
    kept: list[Trigger] = []
    for trigger in found:
        owner = verbs.get(trigger.head_i) if trigger.nominal and trigger.i != trigger.head_i else None
        if owner is None and trigger.nominal:
            owner = _agreed_to(sentence.doc[trigger.i], verbs, trigger.type)
        if owner is None:
            kept.append(trigger)
        elif owner.type is T.STATEMENT:
            kept.append(replace(trigger, head_i=trigger.i))
    # "announced the recall of its ambassador": the announcing is the act, told once, as the act.
    performed = {sentence.doc[t.i].head.i for t in kept if t.nominal and t.lemma in DONE_BY_ANNOUNCING}
    # So is "announced its decision to cut ties": the decided act, told once, as the act.
    performed |= {decision.head.i for t in kept if (decision := deciding_noun(sentence.doc[t.i], t)) is not None}
    kept = [t for t in kept if not (t.i in performed and t.lemma == "announce")]
    return _met_for_a_gathering(sentence.doc, kept)


def decision_of(token: Token) -> Token | None:
    """The decision noun a verb is the infinitive of: "the decision to cut ties", "the 2017 decision to send
    troops"."""
    if token.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    return token.head if token.head.lemma_.lower() in DECISION_NOUNS else None


def deciding_noun(token: Token, trigger: Trigger) -> Token | None:
    """The decision noun an act is the infinitive of ("its decision to cut ties"), when that noun is what a verb
    takes for its object."""
    decision = None if trigger.nominal else decision_of(token)
    return decision if decision is not None and decision.dep_ == "dobj" else None


# Verbs of coming together for a gathering named after "for": "leaders will meet in Brussels for a summit".
CONVENING_VERBS = frozenset({"meet", "gather", "convene", "assemble"})
MET_FOR_TYPES = frozenset({T.SUMMIT, T.TALKS, T.MEETING})


def _met_for_a_gathering(doc: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """ "EU leaders will meet in Brussels next Thursday for an emergency summit": one event, the summit, sited
    and joined where the verb is (its place and its subject)."""
    verbs = {t.i: t for t in triggers if not t.nominal and t.lemma in CONVENING_VERBS}
    merged: set[int] = set()
    result: list[Trigger] = []
    for trigger in triggers:
        noun = doc[trigger.i]
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
        if trigger.nominal and trigger.type in MET_FOR_TYPES and verb is not None and verb.i in verbs:
            merged.add(verb.i)
            trigger = replace(trigger, head_i=verb.i)
        result.append(trigger)
    return [t for t in result if t.nominal or t.i not in merged]
