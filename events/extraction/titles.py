"""Short event titles in headline style: "Blinken arrives in Beijing", "Summit in San Francisco"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from events.extraction.actors import short_name
from events.extraction.triggers import Trigger
from events.extraction.types import Actor, Location
from events.extraction.vocabulary import EVENT_TYPES, ActorRole, EventType

if TYPE_CHECKING:
    from spacy.tokens import Doc

MOTION = frozenset({EventType.VISIT})
IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def third_person(lemma: str) -> str:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _names(actors: tuple[Actor, ...], role: ActorRole | None) -> str:
    chosen = [
        short_name(a) if role is ActorRole.INITIATOR else a.name for a in actors if role is None or a.role == role
    ]
    if not chosen:
        return ""
    return chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + " and " + chosen[-1]


def make_title(doc: Doc, trigger: Trigger, actors: tuple[Actor, ...], location: Location | None) -> str:
    token = doc[trigger.i]
    initiators = _names(actors, ActorRole.INITIATOR)
    others = _names(tuple(a for a in actors if a.role is not ActorRole.INITIATOR), None)
    where = ""
    if location is not None:
        where = f" {'to' if trigger.lemma in {'travel', 'fly', 'head', 'trip', 'visit'} else 'in'} {location.name}"
        if trigger.lemma in {"visit", "tour"} and not trigger.nominal:
            where = f" {location.name}"
    if not trigger.nominal and initiators:
        particle = " ".join(c.lower_ for c in token.children if c.dep_ == "prt")
        verb = third_person(trigger.lemma) + (f" {particle}" if particle else "")
        if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
            verb = f"is {token.lower_}"
        partner = f" with {others}" if others and trigger.type in {EventType.MEETING, EventType.TALKS} else ""
        if others and not partner and trigger.type not in MOTION:
            partner = f" {others}"
        return f"{initiators} {verb}{partner}{where}".strip()
    label = EVENT_TYPES[trigger.type].label
    noun = token.text.lower() if trigger.nominal else label.lower()
    modifiers = " ".join(c.text for c in token.children if c.dep_ in {"compound", "amod"} and c.i < token.i)
    head = f"{modifiers} {noun}".strip() if modifiers else noun
    by = f" by {initiators}" if initiators and trigger.type not in {EventType.MEETING, EventType.TALKS} else ""
    if initiators and not by:
        by = f" of {initiators}" + (f" and {others}" if others else "")
    elif others:
        by += f" with {others}"
    title = f"{head}{by}{where}".strip()
    return title[:1].upper() + title[1:]
