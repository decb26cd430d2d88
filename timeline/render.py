"""Timeline entries as HTML, written in Python because they are the hot loop of every timeline page.

A topic page can list thousands of events with three sources each. Model instances, nested template
includes and per-event filter chains cost several times the database time (bench/pages.py), so a
timeline reads its rows as plain values (``events.selectors.event_public_timeline_rows``) into
:class:`Entry` objects, groups them by ``timeline.timeline_groups`` (the same rules as every other
list of events), and this module writes the markup in one pass: every value from the database goes
through ``escape``, outbound links through ``http_url``, the URL patterns are reversed once per process,
and the pieces shared by many entries (a place's link, an actor's link, an article's source line) are
written once per page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from html import escape  # the stdlib's: Django's lazy-aware wrapper costs more than the escaping here
from typing import Any

from django.forms import BoundField, DateField, Field, ModelChoiceField, SelectMultiple
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from events.domain.edtf_dates import MONTHS
from events.domain.vocabulary import EVENT_TYPES
from events.models import Event, RelationKind
from events.presentation.dates import human_date
from events.selectors import SUCCESSOR_SHOWN, TimelineRows
from timeline.timeline_groups import YearGroup, datetime_value

_MARKER = 987654321987
_TYPE_LABELS = {t.value: escape(info.label) for t, info in EVENT_TYPES.items()}  # written as HTML
_STATUS_LABELS = {"scheduled": "Scheduled", "postponed": "Postponed", "cancelled": "Cancelled", "ongoing": "Ongoing"}
_KIND_LABELS = {kind.value: str(kind.label).capitalize() for kind in RelationKind}


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


def public_list(event: Event, relation: str) -> list[Any]:
    """A prefetched relation as a list, without building a QuerySet per event (``.all()`` clones one)."""
    cache = getattr(event, "_prefetched_objects_cache", {})
    if relation in cache:
        return list(cache[relation])
    return list(getattr(event, relation).all())


def _day(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@dataclass(slots=True)
class Entry:
    """One event as a timeline shows it: plain values, its date written once, its pieces as HTML."""

    pk: int
    title: str
    event_type: str
    status: str
    date_edtf: str
    date_is_week: bool
    date_lower: date
    date_upper: date
    precision: str
    place_html: str = ""  # " · <a ...>place</a>" or ""
    actors_html: list[str] = field(default_factory=list)  # one link per actor, in reading order
    successors_html: list[str] = field(default_factory=list)  # one <p class="successor"> each
    notes_html: list[str] = field(default_factory=list)  # one <li> per source note


class PageLinks:
    """The links an entry shows, each written once per page however many entries repeat it."""

    def __init__(self) -> None:
        self._places: dict[int, str] = {}
        self._actors: dict[int, str] = {}
        self._sources: dict[int, str] = {}

    def place(self, place_id: int | None, name: str | None) -> str:
        if place_id is None:
            return ""
        html = self._places.get(place_id)
        if html is None:
            html = self._places[place_id] = (
                f' · <a href="{path_for("timeline:place", place_id)}">{escape(name or "")}</a>'
            )
        return html

    def actor(self, actor_id: int, name: str) -> str:
        html = self._actors.get(actor_id)
        if html is None:
            html = self._actors[actor_id] = f'<a href="{path_for("timeline:actor", actor_id)}">{escape(name)}</a>'
        return html

    def source_note(
        self, citation_id: int, article_id: int, quote: str, outlet: str | None, published: date | None, url: str | None
    ) -> str:
        """A source note's ``<li>``: the quote, the outlet, the article's date, the original and our copy."""
        source = self._sources.get(article_id)
        if source is None:
            when = f', <time datetime="{published.isoformat()}">{_day(published)}</time>' if published else ""
            original = http_url(url)
            original_link = (
                f'<a href="{escape(original)}" rel="noopener nofollow external">Original</a> · ' if original else ""
            )
            source = self._sources[article_id] = (
                f' <span class="src">— {escape(outlet) if outlet else "Unknown outlet"}{when}. {original_link}'
                f'<a href="{path_for("timeline:article", article_id)}#c'
            )
        return f'<li><q>{escape(quote)}</q>{source}{citation_id}">Our copy</a></span></li>'

    @staticmethod
    def successor(kind: str, pk: int, title: str, date_edtf: str, week: bool) -> str:
        return (
            f'<p class="successor">{escape(_KIND_LABELS.get(kind, kind))} '
            f'<a href="{path_for("timeline:event", pk)}">{escape(title)}</a>, {escape(human_date(date_edtf, week))}</p>'
        )


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


def entry_html(entry: Entry, *, level: int = 4, compact: bool = False) -> str:
    """The ``<li>`` of one entry: date, badge, title, type, place, actors, successor, numbered sources."""
    opening, badge = _status_html(entry.status)
    event_type = _TYPE_LABELS.get(entry.event_type) or escape(entry.event_type)
    actors = (
        f' · <span class="visually-hidden">Actors: </span>{", ".join(entry.actors_html)}' if entry.actors_html else ""
    )
    when = time_html(entry.date_edtf, entry.date_is_week, entry.date_lower, entry.date_upper, entry.precision)
    html = (
        f'{opening}{entry.pk}"><p class="event-date">{when}{badge}</p>'
        f'<h{level} class="event-title"><a href="{path_for("timeline:event", entry.pk)}">{escape(entry.title)}</a>'
        f'</h{level}><p class="event-meta"><span class="event-type">{event_type}</span>'
        f"{entry.place_html}{actors}</p>"
    )
    if entry.successors_html and entry.status in SUCCESSOR_SHOWN:
        html += "".join(entry.successors_html)
    if entry.notes_html and not compact:
        html += f'<ol class="sources" aria-label="Sources">{"".join(entry.notes_html)}</ol>'
    return html + "</li>"


def entry_from_event(event: Event, links: PageLinks | None = None) -> Entry:
    """An :class:`Entry` for a model instance (short lists such as the home page's; timelines read rows)."""
    links = links or PageLinks()
    entry = Entry(
        event.pk,
        event.title,
        event.event_type,
        event.status,
        event.date_edtf,
        event.date_is_week,
        event.date_lower,
        event.date_upper,
        event.precision,
    )
    if event.place_id is not None:
        entry.place_html = links.place(event.place_id, event.place.name)  # type: ignore[union-attr]
    entry.actors_html = [links.actor(link.actor_id, link.actor.name) for link in public_list(event, "actor_links")]
    for relation in getattr(event, "public_successors", ()):
        successor = relation.to_event
        entry.successors_html.append(
            links.successor(relation.kind, successor.pk, successor.title, successor.date_edtf, successor.date_is_week)
        )
    if "citations" in getattr(event, "_prefetched_objects_cache", {}):
        for citation in public_list(event, "citations"):
            article = citation.article
            outlet = article.source.name if article.source is not None else None
            entry.notes_html.append(
                links.source_note(citation.pk, article.pk, citation.quote, outlet, article.published, article.url)
            )
    return entry


def event_item_html(event: Event, *, level: int = 4, compact: bool = False) -> SafeString:
    """The ``<li>`` of one event model instance (see :func:`entry_html`)."""
    return mark_safe(entry_html(entry_from_event(event), level=level, compact=compact))  # noqa: S308  escaped


def entries_from_rows(rows: TimelineRows) -> list[Entry]:
    """The entries of a timeline's rows, in the rows' (date) order, each shared link written once."""
    links = PageLinks()
    entries: dict[int, Entry] = {}
    for pk, title, event_type, status, edtf, week, lower, upper, precision, place_id, place_name in rows.events:
        entry = entries[pk] = Entry(pk, title, event_type, status, edtf, week, lower, upper, precision)
        if place_id is not None:
            entry.place_html = links.place(place_id, place_name)
    for event_id, actor_id, name in rows.actors:
        entries[event_id].actors_html.append(links.actor(actor_id, name))
    for event_id, kind, to_id, to_title, to_edtf, to_week in rows.successors:
        entries[event_id].successors_html.append(links.successor(kind, to_id, to_title, to_edtf, to_week))
    for event_id, citation_id, article_id, quote, outlet, published, url in rows.notes:
        entries[event_id].notes_html.append(links.source_note(citation_id, article_id, quote, outlet, published, url))
    return list(entries.values())


def groups_html(groups: list[YearGroup[Entry]], *, level: int, prefix: str) -> SafeString:
    """Year sections with their count, a heading per month and an ordered list of its entries."""
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
            parts.extend(entry_html(entry, level=level + 2) for entry in month.events)
            parts.append("</ol>\n")
        parts.append("</section>\n")
    return mark_safe("".join(parts))  # noqa: S308  every database value is escaped in entry_html


def compact_html(groups: list[YearGroup[Entry]], *, level: int, newest_first: bool = False) -> SafeString:
    """Every entry of ``groups`` without its source notes, in date order or newest first (the embed)."""
    entries = [entry for year in groups for month in year.months for entry in month.events]
    if newest_first:
        entries.reverse()
    return mark_safe("".join(entry_html(e, level=level, compact=True) for e in entries))  # noqa: S308  escaped


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
