"""The fixed vocabularies shared by the extraction engine, the database and the API.

Event types are a closed list for diplomacy. Each maps to a PLOVER category and mode (the Political
Language Ontology for Verifiable Event Records of the Open Event Data Alliance), so researchers can join
our data with PLOVER-coded datasets. The mapping is ours and documented in ``docs/event-types.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EventType(StrEnum):
    VISIT = "visit"
    MEETING = "meeting"
    TALKS = "talks"
    SUMMIT = "summit"
    PHONE_CALL = "phone_call"
    STATEMENT = "statement"
    AGREEMENT = "agreement"
    SANCTION = "sanction"
    EXPORT_CONTROL = "export_control"
    MILITARY_ACTION = "military_action"
    MILITARY_EXERCISE = "military_exercise"
    WEAPONS_TEST = "weapons_test"
    INCIDENT = "incident"
    PROTEST = "protest"
    SUMMONS = "summons"
    REJECTION = "rejection"
    DETENTION = "detention"
    RELEASE = "release"
    ELECTION = "election"
    INAUGURATION = "inauguration"
    EXPULSION = "expulsion"
    AID = "aid"
    WITHDRAWAL = "withdrawal"
    TIES_RESTORED = "ties_restored"
    SEIZURE = "seizure"
    ABDUCTION = "abduction"
    DEPLOYMENT = "deployment"
    RESOLUTION = "resolution"
    INVESTIGATION = "investigation"
    RESPONSE_OPERATION = "response_operation"
    HANDOVER = "handover"
    EXTRADITION = "extradition"
    ACCESSION = "accession"
    OTHER = "other"


@dataclass(frozen=True)
class EventTypeInfo:
    label: str
    plover_category: str
    plover_mode: str
    description: str


EVENT_TYPES: dict[EventType, EventTypeInfo] = {
    EventType.VISIT: EventTypeInfo("Visit", "CONSULT", "visit", "An official travels to another country or body."),
    EventType.MEETING: EventTypeInfo("Meeting", "CONSULT", "meet", "Officials of two or more sides meet in person."),
    EventType.TALKS: EventTypeInfo("Talks", "CONSULT", "negotiate", "Rounds of talks or negotiations."),
    EventType.SUMMIT: EventTypeInfo("Summit", "CONSULT", "multilateral", "A gathering of leaders (G20, APEC, ...)."),
    EventType.PHONE_CALL: EventTypeInfo("Phone or video call", "CONSULT", "phone", "A call between officials."),
    EventType.STATEMENT: EventTypeInfo("Statement", "ACCUSE", "statement", "A statement that is itself the news."),
    EventType.AGREEMENT: EventTypeInfo("Agreement", "AGREE", "sign", "An agreement or deal is signed or reached."),
    EventType.SANCTION: EventTypeInfo("Sanction", "SANCTION", "economic", "Sanctions, tariffs or blacklisting."),
    EventType.EXPORT_CONTROL: EventTypeInfo(
        "Export restriction", "SANCTION", "export-control", "Export controls or trade restrictions."
    ),
    EventType.MILITARY_ACTION: EventTypeInfo(
        "Military action", "ASSAULT", "military", "A shoot-down, strike or other use of force."
    ),
    EventType.MILITARY_EXERCISE: EventTypeInfo(
        "Military exercise", "MOBILIZE", "military", "Drills, exercises and shows of force."
    ),
    EventType.WEAPONS_TEST: EventTypeInfo("Weapons test", "THREATEN", "military", "A missile or weapons test."),
    EventType.INCIDENT: EventTypeInfo("Incident", "COERCE", "incident", "An encounter at sea or in the air."),
    EventType.PROTEST: EventTypeInfo("Diplomatic protest", "PROTEST", "diplomatic", "A formal protest or complaint."),
    EventType.SUMMONS: EventTypeInfo("Summons", "PROTEST", "summon", "An ambassador or envoy is summoned."),
    EventType.REJECTION: EventTypeInfo("Rejection", "REJECT", "refuse", "A request, proposal or meeting is refused."),
    EventType.DETENTION: EventTypeInfo("Detention", "COERCE", "arrest", "A person is detained or imprisoned."),
    EventType.RELEASE: EventTypeInfo("Release", "CONCEDE", "release", "A detained person is released or exchanged."),
    EventType.ELECTION: EventTypeInfo("Election", "COOPERATE", "election", "An election is held."),
    EventType.INAUGURATION: EventTypeInfo("Inauguration", "COOPERATE", "inauguration", "A leader takes office."),
    EventType.EXPULSION: EventTypeInfo("Expulsion", "SANCTION", "diplomatic", "Diplomats are expelled."),
    EventType.AID: EventTypeInfo("Aid", "AID", "economic", "Economic, humanitarian or military aid."),
    EventType.WITHDRAWAL: EventTypeInfo(
        "Withdrawal or suspension",
        "SANCTION",
        "withdraw",
        "A side leaves or suspends an agreement, talks, ties or a channel of communication.",
    ),
    EventType.TIES_RESTORED: EventTypeInfo(
        "Ties restored",
        "SUPPORT",
        "diplomatic",
        "Diplomatic ties or a channel of communication are set up or restored.",
    ),
    EventType.SEIZURE: EventTypeInfo(
        "Seizure", "COERCE", "confiscate", "Territory is annexed or occupied; ships or property are seized."
    ),
    EventType.ABDUCTION: EventTypeInfo(
        "Abduction", "ASSAULT", "abduct", "A person is abducted, kidnapped or hijacked."
    ),
    EventType.DEPLOYMENT: EventTypeInfo(
        "Deployment", "MOBILIZE", "troops", "Forces, ships or weapons are sent to or stationed in a place."
    ),
    EventType.RESOLUTION: EventTypeInfo(
        "Resolution", "REQUEST", "resolution", "A council, assembly or parliament adopts a resolution."
    ),
    EventType.INVESTIGATION: EventTypeInfo(
        "Investigation", "ACCUSE", "investigate", "An investigation, inquiry or probe is opened or carried out."
    ),
    EventType.RESPONSE_OPERATION: EventTypeInfo(
        "Response operation", "MOBILIZE", "operation", "Search, rescue, salvage or recovery after an incident."
    ),
    EventType.HANDOVER: EventTypeInfo(
        "Handover", "COOPERATE", "chair", "A rotating presidency or chair passes from one side to another."
    ),
    EventType.EXTRADITION: EventTypeInfo(
        "Extradition", "COOPERATE", "judicial", "A state hands people it holds over to another state's justice."
    ),
    EventType.ACCESSION: EventTypeInfo(
        "Accession", "COOPERATE", "join", "A state joins an alliance, bloc or organisation, or accedes to a treaty."
    ),
    EventType.OTHER: EventTypeInfo("Other", "", "", "Anything outside the vocabulary; an editor should refine it."),
}


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    ONGOING = "ongoing"
    SCHEDULED = "scheduled"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class ReviewState(StrEnum):
    PROPOSED = "proposed"
    PUBLISHED = "published"
    REJECTED = "rejected"


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class ActorKind(StrEnum):
    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"


class ActorRole(StrEnum):
    INITIATOR = "initiator"
    TARGET = "target"
    PARTICIPANT = "participant"
    MENTIONED = "mentioned"


class PlaceKind(StrEnum):
    CITY = "city"
    COUNTRY = "country"
    REGION = "region"
    VENUE = "venue"
    SEA = "sea"
    OTHER = "other"


class DateBasis(StrEnum):
    """How sure an event's date is: how the engine reached it from the text."""

    EXPLICIT = "explicit"  # the text gives the date with its year ("on June 3, 2019")
    PUBLICATION = "publication"  # counted from the publication date ("on Monday", "last month")
    NARRATIVE = "narrative"  # carried from the time the text narrates ("two days later", a story's year)
    INFERRED = "inferred"  # no time of its own: taken from the event it is attached to (a guess)


DATE_BASIS_LABELS: dict[DateBasis, str] = {
    DateBasis.EXPLICIT: "explicit in the text",
    DateBasis.PUBLICATION: "relative to the publication date",
    DateBasis.NARRATIVE: "carried from the narrative's reference time",
    DateBasis.INFERRED: "guessed from a related event",
}


def plover_for(event_type: str) -> tuple[str, str]:
    """PLOVER (category, mode) for one of our event types; empty strings for ``other``."""
    info = EVENT_TYPES[EventType(event_type)]
    return info.plover_category, info.plover_mode
