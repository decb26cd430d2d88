"""The facts a publication date is checked against, as plain data, and the reader of their CSV files.

The files live in ``events/facts/`` (their README names the source). ``manage.py facts_load`` stores
them in the database, where editors can correct them in the admin; the date check reads them back from
there (``events.selectors.facts_for_date_check``) as these dataclasses.
"""

from __future__ import annotations

import calendar
import csv
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FACTS_DIR = Path(__file__).resolve().parent.parent / "facts"


@dataclass(frozen=True)
class Holder:
    """A state or an organisation that has offices: its key (ISO code, or EU/UN/NATO) and its names."""

    key: str
    name: str
    kind: str  # "state" or "organization"
    country_code: str
    wikidata_id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Office:
    key: str
    name: str
    holder: str  # Holder.key
    kind: str
    titles: tuple[str, ...]  # how the press writes it before a name: "Secretary of State", "Foreign Minister"


@dataclass(frozen=True)
class Term:
    """``person`` held ``office`` from ``start`` up to ``end`` (the day the successor took over; None: still)."""

    office: str  # Office.key
    person: str
    start: date
    end: date | None
    person_wikidata_id: str = ""
    surname: str = ""


@dataclass(frozen=True)
class Gathering:
    """One meeting of a recurring summit series: G20 2023 in New Delhi, 9-10 September."""

    series: str
    start: date
    end: date
    city: str
    country_code: str
    # Its number in the series, when the series counts them ("COP28", "the 15th BRICS summit").
    number: int | None = None


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class KnownEvent:
    """An event whose date the tracker knows (a published event, or a reference event from the files)."""

    start: date
    end: date
    event_type: str
    title: str
    actors: tuple[str, ...]
    place: str = ""
    # The tracker's own published event (not a reference event of the files). Such events recur between
    # the same parties, so one dates a mention only where the mention also names its place (finer than a
    # state) and fits no other published event at another date.
    published: bool = False


@dataclass(frozen=True)
class Facts:
    holders: tuple[Holder, ...] = ()
    offices: tuple[Office, ...] = ()
    terms: tuple[Term, ...] = ()
    series: tuple[Series, ...] = ()
    gatherings: tuple[Gathering, ...] = ()
    known_events: tuple[KnownEvent, ...] = ()
    source: str = ""
    # Lookup tables built once per Facts (see ``index``); not part of the value.
    _index: dict[str, object] = field(default_factory=dict, compare=False, repr=False)


def name_key(name: str) -> str:
    """ "Lee Jae-myung", "Lee Jae Myung" and "lee jaemyung" -> one key: no accents, case, spaces or marks."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", letters.lower())


def parse_day_or_month(value: str, *, end: bool = False) -> date:
    """ "2023-09-09" -> that day; "2026-12" -> its first day (or its last with ``end``)."""
    parts = [int(p) for p in value.strip().split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        year, month = parts
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    raise ValueError(f"not a day or a month: {value!r}")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def load_facts(directory: Path = FACTS_DIR) -> Facts:
    """Read the fact files of ``directory``. Raises ValueError naming the file and row of a bad value."""
    holders = tuple(
        Holder(r["key"], r["name"], r["kind"], r["code"], r["qid"], _split(r["names"]))
        for r in _rows(directory / "states.csv")
    )
    offices = tuple(
        Office(r["id"], r["name"], r["holder"], r["kind"], _split(r["titles"]))
        for r in _rows(directory / "offices.csv")
    )
    terms = []
    for number, r in enumerate(_rows(directory / "terms.csv"), start=2):
        try:
            terms.append(
                Term(
                    office=r["office"],
                    person=r["person"],
                    start=date.fromisoformat(r["start"]),
                    end=date.fromisoformat(r["end"]) if r["end"] else None,
                    person_wikidata_id=r["person_qid"],
                    surname=r["surname"] or r["person"].split()[-1],
                )
            )
        except ValueError as exc:
            raise ValueError(f"terms.csv line {number}: {exc}") from None
    series = tuple(Series(r["key"], r["name"], _split(r["names"])) for r in _rows(directory / "series.csv"))
    gatherings = []
    for number_of_line, r in enumerate(_rows(directory / "gatherings.csv"), start=2):
        try:
            start, end = parse_day_or_month(r["start"]), parse_day_or_month(r["end"] or r["start"], end=True)
            ordinal = int(r["number"]) if r.get("number") else None
        except ValueError as exc:
            raise ValueError(f"gatherings.csv line {number_of_line}: {exc}") from None
        gatherings.append(Gathering(r["series"], start, end, r["city"], r["country"], ordinal))
    known = []
    for number, r in enumerate(_rows(directory / "known_events.csv"), start=2):
        try:
            start, end = parse_day_or_month(r["start"]), parse_day_or_month(r["end"] or r["start"], end=True)
        except ValueError as exc:
            raise ValueError(f"known_events.csv line {number}: {exc}") from None
        known.append(KnownEvent(start, end, r["type"], r["title"], _split(r["actors"]), r["place"]))
    source = (
        (directory / "README.md").read_text(encoding="utf-8").splitlines()[0]
        if (directory / "README.md").exists()
        else ""
    )
    return Facts(holders, offices, tuple(terms), series, tuple(gatherings), tuple(known), source)
