"""TempEval-3 TimeML documents (TimeBank, AQUAINT): their text, time expressions, events and TLINKs.

An inline TimeML file holds ``<DCT><TIMEX3 functionInDocument="CREATION_TIME" value=...>`` (the publication
date) and a ``<TEXT>`` whose running text carries ``TIMEX3`` and ``EVENT`` tags; ``MAKEINSTANCE`` ties an
event instance (``eiid``) to its event (``eid``) and ``TLINK`` relates instances and times. The reader
strips the tags and keeps each tagged span's character offsets in the stripped text, so an annotator that
reads plain text can be scored against the tags.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from events.evaluation.scoring.meantime import parse_creation_time


@dataclass(frozen=True)
class Span:
    """A tagged stretch of the text: ``start``/``end`` are offsets into the document's stripped text."""

    ident: str
    start: int
    end: int
    text: str
    kind: str  # TIMEX3 type (DATE, TIME, DURATION, SET) or EVENT class
    value: str = ""


@dataclass(frozen=True)
class TimeLink:
    """An event-time TLINK read from the event's side: ``event`` (eid) relates to ``time`` (tid)."""

    event: str
    time: str
    relation: str


@dataclass
class TimeMLDocument:
    name: str
    text: str
    published: date | None
    timexes: list[Span] = field(default_factory=list)
    events: list[Span] = field(default_factory=list)
    time_links: list[TimeLink] = field(default_factory=list)


# TLINK relations that say a time expression dates an event (read from the event's side), and their
# inverses as written from the time's side.
DATING_RELATIONS = frozenset({"IS_INCLUDED", "DURING", "BEGINS", "ENDS", "SIMULTANEOUS"})
_INVERSE = {"INCLUDES": "IS_INCLUDED", "DURING_INV": "DURING", "BEGUN_BY": "BEGINS", "ENDED_BY": "ENDS"}


def _walk(element: ET.Element, pieces: list[str], length: list[int], found: list[tuple[ET.Element, int, int]]) -> None:
    """Append the element's text to ``pieces``; record the offsets of every tagged child."""
    if element.text:
        pieces.append(element.text)
        length[0] += len(element.text)
    for child in element:
        start = length[0]
        _walk(child, pieces, length, found)
        found.append((child, start, length[0]))
        if child.tail:
            pieces.append(child.tail)
            length[0] += len(child.tail)


def read_timeml(path: Path) -> TimeMLDocument:
    """One TimeML file: the stripped ``TEXT``, its TIMEX3s and EVENTs, and its event-time TLINKs."""
    root = ET.parse(path).getroot()  # noqa: S314 - a local, trusted gold-data file
    published: date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = parse_creation_time(timex.get("value", ""))
            break
    body = root.find("TEXT")
    pieces: list[str] = []
    found: list[tuple[ET.Element, int, int]] = []
    if body is not None:
        _walk(body, pieces, [0], found)
    text = "".join(pieces)
    document = TimeMLDocument(name=path.stem, text=text, published=published)
    for element, start, end in sorted(found, key=lambda item: item[1]):
        if element.tag == "TIMEX3":
            kind, value = element.get("type", ""), element.get("value", "")
            document.timexes.append(Span(element.get("tid", ""), start, end, text[start:end], kind, value))
        elif element.tag == "EVENT":
            document.events.append(Span(element.get("eid", ""), start, end, text[start:end], element.get("class", "")))
    event_of = {m.get("eiid", ""): m.get("eventID", "") for m in root.iter("MAKEINSTANCE")}
    for link in root.iter("TLINK"):
        relation = link.get("relType", "")
        event = event_of.get(link.get("eventInstanceID", ""), "")
        time = link.get("relatedToTime", "")
        if not (event and time):
            # Written from the time's side: "t85 INCLUDES ei379" is "e IS_INCLUDED t85".
            event = event_of.get(link.get("relatedToEventInstance", ""), "")
            time = link.get("timeID", "")
            relation = _INVERSE.get(relation, "")
        if event and time and relation in DATING_RELATIONS:
            document.time_links.append(TimeLink(event, time, relation))
    return document


def read_timeml_corpus(directory: Path) -> list[TimeMLDocument]:
    """Every ``*.tml`` under ``directory`` (recursively), in a stable order."""
    return [read_timeml(path) for path in sorted(directory.rglob("*.tml"))]
