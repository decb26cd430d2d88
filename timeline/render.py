"""Event records as the public pages' HTML, written in Python because it is the hot loop of every
timeline page.

A topic page can list a thousand events with three sources each. Nested template includes and
per-event filter chains cost several times the database time (bench/pages.py), so the pages read
:class:`~events.presentation.record.EventRecord` objects (the one read model, built by
``events.presentation.record.event_records`` in a constant number of queries), group them by
``timeline.timeline_groups`` (the same rules as every other list of events), and this module writes
the markup in one pass: every value from the database goes through ``escape``, outbound links through
``http_url``, the URL patterns are reversed once per process, and the pieces shared by many entries (a
place's link, an actor's link, an article's source line) are written once per page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache, lru_cache
from html import escape as _html_escape
from itertools import chain, repeat
from operator import itemgetter
from typing import NamedTuple

from django.forms import BoundField, DateField, Field, ModelChoiceField, SelectMultiple
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from events.domain.edtf_dates import MONTHS
from events.domain.vocabulary import EVENT_TYPES
from events.models import RelationKind
from events.outcomes import MAY_BECOME_PENDING, OUTCOME_PENDING, OUTCOME_PENDING_LABEL, status_shown
from events.presentation.dates import human_date
from events.presentation.record import ArticleRef, CitationRef, EventRecord, PlaceRef, RelationRef
from timeline.timeline_groups import YearGroup, datetime_value


def escape(value: str) -> str:
    """``html.escape`` (quotes too), skipping the five replacements for text that holds none of the five
    characters, as most titles and quoted sentences do (a page escapes thousands of them; Django's
    lazy-aware ``escape`` costs more still)."""
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return _html_escape(value)
    return value


def escaped_all(texts: list[str]) -> list[bytes]:
    """``escape(text).encode()`` of each of ``texts``, in one pass over them all.

    Escaping replaces character by character, so the escape of texts joined by a NUL is their escapes
    joined by it: one join, escape, encode and split for a page's thousands of titles or quotes
    instead of a call of each per text. A text holding a NUL itself (PostgreSQL text never does) would
    split apart: the count tells, and those texts are escaped one by one.
    """
    parts = escape("\x00".join(texts)).encode().split(b"\x00")
    if len(parts) != len(texts):
        return [escape(text).encode() for text in texts]
    return parts


_MARKER = 987654321987
# An entry is written as UTF-8 bytes (see EntryWriter): the pieces it reuses are kept encoded.
_TYPE_LABELS = {t.value: escape(info.label).encode() for t, info in EVENT_TYPES.items()}  # written as HTML
_STATUS_LABELS = {
    "scheduled": "Scheduled",
    "postponed": "Postponed",
    "cancelled": "Cancelled",
    "ongoing": "Ongoing",
    OUTCOME_PENDING: OUTCOME_PENDING_LABEL,
}
_KIND_LABELS = {kind.value: str(kind.label).capitalize() for kind in RelationKind}
# An entry names the event a postponed or cancelled one became ("Was postponed as ..."): these
# relations, of events with these statuses, only.
SUCCESSOR_KINDS = frozenset({"postponed_as", "rescheduled_to"})
SUCCESSOR_SHOWN = frozenset({"postponed", "cancelled"})


def http_url(value: str | None) -> str:
    """The URL when it is http(s), else "": a stored ``javascript:`` URL must never become a link."""
    # A prefix test, not urlsplit: stricter (no leading blanks or odd schemes) and cheap per citation.
    if value and value[:8].lower().startswith(("http://", "https://")):
        return value
    return ""


@cache
def _pattern(name: str) -> str:
    """The path of a one-id URL with ``{}`` where the id goes (URL patterns do not change at run time)."""
    return reverse(name, args=[_MARKER]).replace(str(_MARKER), "{}")


def path_for(name: str, pk: int) -> str:
    return _pattern(name).format(pk)


def _day(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


# Articles are dated by day: a few thousand days in all, each written once per process.
@lru_cache(maxsize=16384)
def _published_html(value: date | None) -> bytes:
    """An article date's ``, <time ...>...</time>`` in a source note (nothing for an undated article)."""
    if value is None:
        return b""
    return f', <time datetime="{value.isoformat()}">{_day(value)}</time>'.encode()


# Many events share a date ("May 2023", a summit's two days): each date's element is written once.
@lru_cache(maxsize=16384)
def time_html(edtf: str, week: bool, lower: date, upper: date, precision: str) -> str:
    """``<time>`` with the HTML datetime at the date's precision, the EDTF value and both bounds."""
    return (
        f'<time datetime="{datetime_value(edtf, lower, upper, precision)}" data-edtf="{escape(edtf)}" '
        f'data-lower="{lower.isoformat()}" data-upper="{upper.isoformat()}">{escape(human_date(edtf, week))}</time>'
    )


@lru_cache(maxsize=16384)
def _time_bytes(edtf: str, week: bool, lower: date, upper: date, precision: str) -> bytes:
    return time_html(edtf, week, lower, upper, precision).encode()


@lru_cache(maxsize=64)
def _status_html(status: str) -> tuple[bytes, bytes]:
    """(the ``<li>``'s opening up to its id, the badge) for a status; the vocabulary is small."""
    label = _STATUS_LABELS.get(status)
    badge = f' <span class="badge badge-{status}">{label}</span>' if label else ""
    return f'<li class="event status-{escape(status)}" id="e'.encode(), badge.encode()


# The fields an entry shows, taken from a record in one call (attribute by attribute cost more).
_ENTRY_FIELDS = itemgetter(
    *(
        EventRecord._fields.index(name)
        for name in (
            "id",
            "event_type",
            "status",
            "date_edtf",
            "date_lower",
            "date_upper",
            "precision",
            "date_is_week",
            "place",
            "actors",
            "related",
        )
    )
)
_TITLE = itemgetter(EventRecord._fields.index("title"))
_CITATIONS = itemgetter(EventRecord._fields.index("citations"))
# A citation's and an article's columns (their tuples' positions: see CitationRef and ArticleRef).
_ID = itemgetter(0)
_QUOTE = itemgetter(CitationRef._fields.index("quote"))
_ARTICLE = itemgetter(CitationRef._fields.index("article"))
_URL = itemgetter(ArticleRef._fields.index("url"))
_PUBLISHED = itemgetter(ArticleRef._fields.index("published"))
_OUTLET = itemgetter(ArticleRef._fields.index("outlet"))

# An entry's markup with a ``%`` slot for each value (bytes formatting: see EntryWriter); ``{event}``
# is where the event's link goes (see _link_formats).
_ENTRY = (
    '%s%d"><p class="event-date">%s%s</p>'
    '<h%d class="event-title"><a href="{event}">%s</a></h%d>'
    '<p class="event-meta"><span class="event-type">%s</span>%s%s</p>%s%s</li>'
)
_NOTE = b'<li><q>%s</q>%s%d">Our copy</a></span></li>'
_NOTES = b'<ol class="sources" aria-label="Sources">%s</ol>'
# A source note's article part, with and without the link to the original, up to the citation's id in
# our copy's link (``{article}``).
_SOURCE = ' <span class="src">— %s%s. <a href="{article}#c'
_SOURCE_ORIGINAL = (
    ' <span class="src">— %s%s. <a href="%s" rel="noopener nofollow external">Original</a> · <a href="{article}#c'
)
_ACTORS = ' · <span class="visually-hidden">Actors: </span>'.encode() + b"%s"
_HTTP = ("https://", "http://")


class _LinkFormats(NamedTuple):
    entry: bytes
    source: bytes
    source_original: bytes


@cache
def _link_formats() -> _LinkFormats:
    """The entry's and the source notes' formats with the event's and the article's path in place (a
    ``%d`` for the id): one format operation fewer per entry and per article, with fewer values each."""

    def with_id(name: str) -> str:
        return _pattern(name).replace("%", "%%").replace("{}", "%d")

    event, article = with_id("timeline:event"), with_id("timeline:article")
    return _LinkFormats(
        _ENTRY.format(event=event).encode(),
        _SOURCE.format(article=article).encode(),
        _SOURCE_ORIGINAL.format(article=article).encode(),
    )


class EntryWriter:
    """Writes the ``<li>`` of each record of one page, each shared link written once per page.

    ``today`` decides the status a reader is shown (:func:`events.outcomes.status_shown`).

    Entries are UTF-8 bytes, written with ``bytes %``, and a page's entries go into the response as
    they are. A page's text holds non-Latin-1 characters (the source notes' dash, most outlets' and
    quotes' own), so as ``str`` every piece written into it was widened to two bytes a character, and
    the whole was encoded again for the response (bench/pages.py: a third of the time of writing the
    entries of an all-years page). Each value is escaped and encoded once; the pieces shared by many
    entries (links, dates, an article's source line) once per page.
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self._places: dict[int, bytes] = {}
        self._actors: dict[int, bytes] = {}
        self._sources: dict[int, bytes] = {}
        self._outlets: dict[str | None, bytes] = {}  # an outlet's name as HTML
        self._event_link = _pattern("timeline:event")
        self._formats = _link_formats()

    def place(self, place: PlaceRef | None) -> bytes:
        """`` · <a ...>place</a>`` or b""."""
        if place is None:
            return b""
        html = self._places.get(place.id)
        if html is None:
            html = self._places[place.id] = (
                f' · <a href="{path_for("timeline:place", place.id)}">{escape(place.name)}</a>'.encode()
            )
        return html

    def actor(self, actor_id: int, name: str) -> bytes:
        html = self._actors.get(actor_id)
        if html is None:
            html = self._actors[actor_id] = (
                f'<a href="{path_for("timeline:actor", actor_id)}">{escape(name)}</a>'.encode()
            )
        return html

    def _write_sources(self, articles: list[ArticleRef]) -> None:
        """The source line of each of ``articles`` (not yet written on this page): the outlet, the
        article's date, the original and our copy, up to the citation's id in our copy's link.

        Written a column at a time (the map and zip loops run in C): an all-years page writes some
        2,000 of these, and a Python loop per article cost a third of the writing of its entries.
        """
        outlets = self._outlets
        for outlet in set(map(_OUTLET, articles)):
            if outlet not in outlets:  # a page's articles share a few outlets: each escaped once
                outlets[outlet] = escape(outlet).encode() if outlet else b"Unknown outlet"
        try:  # a URL is None or a str: map calls str.startswith on each, in C
            common = all(map(str.startswith, map(_URL, articles), repeat(_HTTP)))
        except TypeError:  # some URL is None
            common = False
        if not common:  # rare: http_url decides each
            linked = [article for article in articles if http_url(article[1])]
            unlinked = [article for article in articles if not http_url(article[1])]
        else:  # every URL with a lower-case http(s) scheme
            linked, unlinked = articles, []
        formats = self._formats
        for group, format_ in ((linked, formats.source_original), (unlinked, formats.source)):
            if not group:
                continue
            ids = list(map(_ID, group))
            columns = [
                map(outlets.__getitem__, map(_OUTLET, group)),
                map(_published_html, map(_PUBLISHED, group)),
                *([escaped_all(list(map(_URL, group)))] if group is linked else []),
                ids,
            ]
            self._sources.update(zip(ids, map(format_.__mod__, zip(*columns, strict=True)), strict=True))

    def notes(self, cited: Sequence[tuple[CitationRef, ...] | None]) -> list[bytes]:
        """The source notes (``<ol class="sources">``) of each of a list's records by their
        ``citations`` (b"" for none), written a column at a time for the whole list: the quotes escaped
        in one pass, each note formatted in C (a Python loop per citation was most of the writing)."""
        flat = list(chain.from_iterable(filter(None, cited)))
        if not flat:
            return [b""] * len(cited)
        articles = list(map(_ARTICLE, flat))
        article_ids = list(map(_ID, articles))
        sources = self._sources
        new = [article for pk, article in dict(zip(article_ids, articles, strict=True)).items() if pk not in sources]
        if new:
            self._write_sources(new)
        quotes = escaped_all(list(map(_QUOTE, flat)))
        notes = list(
            map(_NOTE.__mod__, zip(quotes, map(sources.__getitem__, article_ids), map(_ID, flat), strict=True))
        )
        written: list[bytes] = []
        at = 0
        for cites in cited:
            if cites:
                end = at + len(cites)
                written.append(_NOTES % b"".join(notes[at:end]))
                at = end
            else:
                written.append(b"")
        return written

    def successor(self, relation: RelationRef) -> bytes:
        return (
            f'<p class="successor">{escape(_KIND_LABELS.get(relation.kind, relation.kind))} '
            f'<a href="{self._event_link.format(relation.event)}">'
            f"{escape(relation.title)}</a>, {escape(relation.date_display)}</p>"
        ).encode()

    def entries(self, records: Iterable[EventRecord], *, level: int = 4, compact: bool = False) -> list[bytes]:
        """The ``<li>`` of each event, in order: date, badge, title, type, place, actors, successor,
        numbered sources.

        ``compact`` leaves out the source notes (so does a record read without its citations).

        One loop for a whole list (a page's section: see groups_html), what it reads of the writer and
        the module held in local names, rather than a method call per entry; the titles and the source
        notes written a column at a time beforehand (see :meth:`notes`). Written anew for every page. A memo of
        entries keyed by their whole records (tried: up to 4,096 of them) saved little on a page asked
        again, since hashing and comparing a record costs about what writing it does, and cost a first
        reader more: its records outlived the page, so the next collection had to walk them
        (bench/pages.py, cold against warm).
        """
        today = self.today
        places, known_actors = self._places, self._actors
        place_html, actor_html, successor_html = self.place, self.actor, self.successor
        fields, type_labels, status_html, time_bytes = _ENTRY_FIELDS, _TYPE_LABELS, _status_html, _time_bytes
        entry_format, actors_format = self._formats.entry, _ACTORS
        records = list(records)
        titles = escaped_all(list(map(_TITLE, records)))
        notes_of = [b""] * len(records) if compact else self.notes(list(map(_CITATIONS, records)))
        written: list[bytes] = []
        for record, title, notes in zip(records, titles, notes_of, strict=True):
            (pk, event_type, status, edtf, lower, upper, precision, week, place, actors, related) = fields(record)
            if status in MAY_BECOME_PENDING:  # any other status is shown as it is stored
                status = status_shown(status=status, date_upper=upper, precision=precision, today=today)
            opening, badge = status_html(status)
            # Embedded tuples are unpacked or indexed, not read by attribute (each named-tuple attribute
            # is a descriptor call, and an all-years page reads some 30,000 of them).
            # Plain loops, not comprehensions: each comprehension is a function made and called (Python
            # 3.11), which for the two or three items of an entry cost more than the loop.
            links = b""
            if actors:
                names = []
                for actor in actors:
                    names.append(known_actors.get(actor[0]) or actor_html(actor[0], actor[1]))
                links = actors_format % b", ".join(names)
            written.append(
                entry_format
                % (
                    opening,
                    pk,
                    time_bytes(edtf, week, lower, upper, precision),
                    badge,
                    level,
                    pk,
                    title,
                    level,
                    type_labels.get(event_type) or escape(event_type).encode(),
                    b"" if place is None else (places.get(place[0]) or place_html(place)),
                    links,
                    b"".join([successor_html(r) for r in related if r.kind in SUCCESSOR_KINDS])
                    if related and status in SUCCESSOR_SHOWN
                    else b"",
                    notes,
                )
            )
        return written


def entries_html(records: Sequence[EventRecord], *, today: date, level: int = 4, compact: bool = False) -> SafeString:
    """The ``<li>`` of each record, in order (a short list such as the home page's)."""
    html = b"".join(EntryWriter(today).entries(records, level=level, compact=compact)).decode()
    return mark_safe(html)  # noqa: S308  escaped


def groups_html(groups: list[YearGroup[EventRecord]], *, writer: EntryWriter, level: int, prefix: str) -> bytes:
    """Year sections with their count, a heading per month and an ordered list of its entries (UTF-8
    HTML, every database value escaped: a page places it as a fragment, see timeline.fragments).

    The entries of every month are written by one call (an all-years page has some 300 months, and
    setting up the entry loop for each cost a tenth of the writing), then placed month by month.
    """
    written = writer.entries(
        [record for year in groups for month in year.months for record in month.events], level=level + 2
    )
    heading = level + 1
    parts: list[bytes] = []
    at = 0
    for year in groups:
        count = year.count
        parts.append(
            (
                f'<section class="year" aria-labelledby="{prefix}y{year.year}">\n'
                f'<h{level} id="{prefix}y{year.year}">{year.year} <span class="count">({count} '
                f"event{'' if count == 1 else 's'})</span></h{level}>\n"
            ).encode()
        )
        for month in year.months:
            parts.append(
                (
                    f'<h{heading} id="{prefix}{month.key}" class="month">{month.label}</h{heading}>\n'
                    '<ol class="timeline">'
                ).encode()
            )
            end = at + len(month.events)
            parts += written[at:end]
            at = end
            parts.append(b"</ol>\n")
        parts.append(b"</section>\n")
    return b"".join(parts)


def compact_html(
    groups: list[YearGroup[EventRecord]], *, writer: EntryWriter, level: int, newest_first: bool = False
) -> bytes:
    """Every entry of ``groups`` without its source notes, in date order or newest first (the embed;
    UTF-8 HTML, every database value escaped)."""
    records = [record for year in groups for month in year.months for record in month.events]
    if newest_first:
        records.reverse()
    return b"".join(writer.entries(records, level=level, compact=True))


def _choices(field: Field) -> Iterable[tuple[object, object]]:
    """A field's (value, label) pairs; a model choice field's read with one plain SELECT.

    ModelChoiceIterator walks its queryset with ``.iterator()``, which on PostgreSQL outside a
    transaction is a server-side cursor declared WITH HOLD (DECLARE, FETCH, CLOSE: extra round trips
    and a materialised copy) for a list of a few hundred names.
    """
    if isinstance(field, ModelChoiceField) and field.queryset is not None:
        return [(field.prepare_value(obj), field.label_from_instance(obj)) for obj in field.queryset]
    return field.choices  # type: ignore[attr-defined]


@lru_cache(maxsize=256)
def _options_html(choices: tuple[tuple[object, object], ...], selected: frozenset[str]) -> str:
    """The ``<option>`` elements of a list field; the same list (a topic's actors, the event types) is
    written again for every page of that timeline, so it is kept."""
    return "".join(
        f'<option value="{escape(str(value))}"{" selected" if str(value) in selected else ""}>'
        f"{escape(str(text))}</option>"
        for value, text in choices
    )


def filter_field_html(field: BoundField, choices: Iterable[tuple[object, object]] | None = None) -> SafeString:
    """A filter control with its label, written directly (Django's widget templates render each
    <option> through the template engine, which dominated the page time with a few hundred actors).

    ``choices`` replaces a list field's own (value, label) pairs, e.g. with labels read as plain values.
    """
    widget = field.field.widget
    name = field.html_name
    control_id = f"id_{name}"
    label = f'<label for="{control_id}">{escape(str(field.label))}</label>'
    if isinstance(widget, SelectMultiple):
        selected = frozenset(str(v) for v in (field.value() or []))
        pairs = tuple(_choices(field.field) if choices is None else choices)
        control = f'<select name="{name}" id="{control_id}" multiple>{_options_html(pairs, selected)}</select>'
    else:
        value = field.value()
        # A date picker for date fields, whatever the widget says (no widget is changed per request).
        input_type = "date" if isinstance(field.field, DateField) else getattr(widget, "input_type", "text")
        shown = f' value="{escape(str(value))}"' if value not in (None, "") else ""
        control = f'<input type="{input_type}" name="{name}" id="{control_id}"{shown}>'
    errors = f'<p class="error">{escape(" ".join(str(e) for e in field.errors))}</p>' if field.errors else ""
    return mark_safe(f"{label}{control}{errors}")  # noqa: S308  every value above is escaped


def filters_html(
    fields: Iterable[BoundField], choices: Mapping[str, Iterable[tuple[object, object]]] | None = None
) -> SafeString:
    """The filter controls of a timeline, each in its ``<div class="filter filter-NAME">``."""
    choices = choices or {}
    return mark_safe(  # noqa: S308  filter_field_html escapes every value
        "".join(
            f'<div class="filter filter-{field.name}">{filter_field_html(field, choices.get(field.name))}</div>\n'
            for field in fields
        )
    )


def years_nav_html(years: Iterable[tuple[int, int, str, bool]], *, all_href: str, all_current: bool) -> SafeString:
    """The list of years, each (year, past events, href, current), and "All years" at the end."""
    current = ' aria-current="page"'
    items = [
        f'<li><a href="{escape(href)}"{current if is_current else ""}>{year} '
        f'<span class="count">({count})</span></a></li>'
        for year, count, href, is_current in years
    ]
    items.append(f'<li><a href="{escape(all_href)}"{current if all_current else ""}>All years</a></li>')
    return mark_safe(f'<nav class="years" aria-label="Years">\n<ul>{"".join(items)}</ul>\n</nav>')  # noqa: S308  escaped
