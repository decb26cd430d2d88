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
from operator import itemgetter

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


_MARKER = 987654321987
_TYPE_LABELS = {t.value: escape(info.label) for t, info in EVENT_TYPES.items()}  # written as HTML
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


# Many events share a date ("May 2023", a summit's two days): each date's element is written once.
@lru_cache(maxsize=16384)
def time_html(edtf: str, week: bool, lower: date, upper: date, precision: str) -> str:
    """``<time>`` with the HTML datetime at the date's precision, the EDTF value and both bounds."""
    return (
        f'<time datetime="{datetime_value(edtf, lower, upper, precision)}" data-edtf="{escape(edtf)}" '
        f'data-lower="{lower.isoformat()}" data-upper="{upper.isoformat()}">{escape(human_date(edtf, week))}</time>'
    )


@lru_cache(maxsize=64)
def _status_html(status: str) -> tuple[str, str]:
    """(the ``<li>``'s opening up to its id, the badge) for a status; the vocabulary is small."""
    label = _STATUS_LABELS.get(status)
    badge = f' <span class="badge badge-{status}">{label}</span>' if label else ""
    return f'<li class="event status-{escape(status)}" id="e', badge


# The fields an entry shows, taken from a record in one call (attribute by attribute cost more).
_ENTRY_FIELDS = itemgetter(
    *(
        EventRecord._fields.index(name)
        for name in (
            "id",
            "title",
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
            "citations",
        )
    )
)


class EntryWriter:
    """Writes the ``<li>`` of each record of one page, each shared link written once per page.

    ``today`` decides the status a reader is shown (:func:`events.outcomes.status_shown`).
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self._places: dict[int, str] = {}
        self._actors: dict[int, str] = {}
        self._sources: dict[int, str] = {}
        self._days: dict[date, str] = {}  # an article date's ", <time ...>...</time>"
        self._outlets: dict[str | None, str] = {}  # an outlet's name as HTML
        self._event_prefix, self._event_suffix = _pattern("timeline:event").split("{}")
        self._article_prefix, self._article_suffix = _pattern("timeline:article").split("{}")

    def place(self, place: PlaceRef | None) -> str:
        """`` · <a ...>place</a>`` or ""."""
        if place is None:
            return ""
        html = self._places.get(place.id)
        if html is None:
            html = self._places[place.id] = (
                f' · <a href="{path_for("timeline:place", place.id)}">{escape(place.name)}</a>'
            )
        return html

    def actor(self, actor_id: int, name: str) -> str:
        html = self._actors.get(actor_id)
        if html is None:
            html = self._actors[actor_id] = f'<a href="{path_for("timeline:actor", actor_id)}">{escape(name)}</a>'
        return html

    def source(self, article: ArticleRef) -> str:
        """A source note's article part: the outlet, the article's date, the original and our copy (up
        to the citation's id in our copy's link), written once per article and page."""
        source = self._sources.get(article.id)
        if source is None:
            # Articles of one page share a few outlets and days: each written once.
            published, outlet = article.published, article.outlet
            when = ""
            if published is not None:
                when = self._days.get(published) or ""
                if not when:
                    when = self._days[published] = (
                        f', <time datetime="{published.isoformat()}">{_day(published)}</time>'
                    )
            by = self._outlets.get(outlet)
            if by is None:
                by = self._outlets[outlet] = escape(outlet) if outlet else "Unknown outlet"
            original = http_url(article.url)
            original_link = (
                f'<a href="{escape(original)}" rel="noopener nofollow external">Original</a> · ' if original else ""
            )
            source = self._sources[article.id] = (
                f' <span class="src">— {by}{when}. {original_link}'
                f'<a href="{self._article_prefix}{article.id}{self._article_suffix}#c'
            )
        return source

    def source_notes(self, citations: Iterable[CitationRef]) -> str:
        """The ``<li>`` of each citation: the quote, then its article's part (see :meth:`source`)."""
        sources, source = self._sources, self.source
        return "".join(
            [
                f'<li><q>{escape(c.quote)}</q>{sources.get(c.article.id) or source(c.article)}{c.id}">Our copy</a>'
                "</span></li>"
                for c in citations
            ]
        )

    def successor(self, relation: RelationRef) -> str:
        return (
            f'<p class="successor">{escape(_KIND_LABELS.get(relation.kind, relation.kind))} '
            f'<a href="{self._event_prefix}{relation.event}{self._event_suffix}">{escape(relation.title)}</a>, '
            f"{escape(relation.date_display)}</p>"
        )

    def entry(self, record: EventRecord, *, level: int = 4, compact: bool = False) -> str:
        """The ``<li>`` of one event: date, badge, title, type, place, actors, successor, numbered sources.

        ``compact`` leaves out the source notes (so does a record read without its citations).

        Written anew for every page. A memo of entries keyed by their whole records (tried: up to 4,096
        of them) saved little on a page asked again, since hashing and comparing a record costs about
        what writing it does, and cost a first reader more: its records outlived the page, so the next
        collection had to walk them (bench/pages.py, cold against warm).
        """
        (pk, title, event_type, status, edtf, lower, upper, precision, week, place, actors, related, citations) = (
            _ENTRY_FIELDS(record)
        )
        if status in MAY_BECOME_PENDING:  # any other status is shown as it is stored
            status = status_shown(status=status, date_upper=upper, precision=precision, today=self.today)
        opening, badge = _status_html(status)
        event_type = _TYPE_LABELS.get(event_type) or escape(event_type)
        if actors:
            known = self._actors  # the links written so far, looked up here: a call per actor cost more
            links = ", ".join([known.get(a.id) or self.actor(a.id, a.name) for a in actors])
            actors = f' · <span class="visually-hidden">Actors: </span>{links}'
        else:
            actors = ""
        where = "" if place is None else (self._places.get(place.id) or self.place(place))
        html = (
            f'{opening}{pk}"><p class="event-date">{time_html(edtf, week, lower, upper, precision)}{badge}</p>'
            f'<h{level} class="event-title"><a href="{self._event_prefix}{pk}{self._event_suffix}">'
            f"{escape(title)}</a></h{level}>"
            f'<p class="event-meta"><span class="event-type">{event_type}</span>{where}{actors}</p>'
        )
        if related and status in SUCCESSOR_SHOWN:
            html += "".join([self.successor(r) for r in related if r.kind in SUCCESSOR_KINDS])
        if citations and not compact:
            sources, source = self._sources, self.source
            notes = "".join(
                [
                    f'<li><q>{escape(c.quote)}</q>{sources.get(c.article.id) or source(c.article)}{c.id}">Our copy</a>'
                    "</span></li>"
                    for c in citations
                ]
            )
            html += f'<ol class="sources" aria-label="Sources">{notes}</ol>'
        return html + "</li>"


def entries_html(records: Sequence[EventRecord], *, today: date, level: int = 4, compact: bool = False) -> SafeString:
    """The ``<li>`` of each record, in order (a short list such as the home page's)."""
    writer = EntryWriter(today)
    return mark_safe("".join([writer.entry(r, level=level, compact=compact) for r in records]))  # noqa: S308  escaped


def groups_html(groups: list[YearGroup[EventRecord]], *, today: date, level: int, prefix: str) -> str:
    """Year sections with their count, a heading per month and an ordered list of its entries (HTML,
    every database value escaped: a page places it as a fragment, see timeline.fragments)."""
    writer = EntryWriter(today)
    entry = writer.entry
    parts: list[str] = []
    for year in groups:
        count = year.count
        parts.append(
            f'<section class="year" aria-labelledby="{prefix}y{year.year}">\n'
            f'<h{level} id="{prefix}y{year.year}">{year.year} <span class="count">({count} '
            f"event{'' if count == 1 else 's'})</span></h{level}>\n"
        )
        for month in year.months:
            heading = level + 1
            parts.append(
                f'<h{heading} id="{prefix}{month.key}" class="month">{month.label}</h{heading}>\n<ol class="timeline">'
            )
            parts.extend([entry(record, level=level + 2) for record in month.events])
            parts.append("</ol>\n")
        parts.append("</section>\n")
    return "".join(parts)


def compact_html(groups: list[YearGroup[EventRecord]], *, today: date, level: int, newest_first: bool = False) -> str:
    """Every entry of ``groups`` without its source notes, in date order or newest first (the embed; HTML,
    every database value escaped)."""
    records = [record for year in groups for month in year.months for record in month.events]
    if newest_first:
        records.reverse()
    writer = EntryWriter(today)
    return "".join([writer.entry(r, level=level, compact=True) for r in records])


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
