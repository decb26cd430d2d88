"""One timeline entry as HTML, written in Python because it is the hot loop of every timeline page.

A topic page can list hundreds of events with three sources each; rendering that through nested
template includes cost several times the database time (bench/pages.py). This module writes the same
markup directly: every value from the database goes through ``escape``, outbound links through
``http_url``, and the URL patterns are reversed once per process, not once per link.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from html import escape  # the stdlib's: Django's lazy-aware wrapper costs more than the escaping here
from typing import Any

from django.forms import BoundField, Field, ModelChoiceField, SelectMultiple
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from events.extraction.edtf_dates import MONTHS
from events.extraction.vocabulary import EVENT_TYPES
from events.models import Citation, Event
from events.selectors import ActorMention, SourceNote
from timeline.timeline_groups import html_datetime

_MARKER = 987654321987
_TYPE_LABELS = {t.value: info.label for t, info in EVENT_TYPES.items()}
_STATUS_LABELS = {"scheduled": "Scheduled", "postponed": "Postponed", "cancelled": "Cancelled", "ongoing": "Ongoing"}
_SUCCESSOR_SHOWN = frozenset({"postponed", "cancelled"})


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


def public_list(event: Event, relation: str) -> list[Any]:
    """A prefetched relation as a list, without building a QuerySet per event (``.all()`` clones one)."""
    cache = getattr(event, "_prefetched_objects_cache", {})
    if relation in cache:
        return list(cache[relation])
    return list(getattr(event, relation).all())


def _note_of(citation: Citation) -> SourceNote:
    article = citation.article
    source = article.source.name if article.source is not None else None
    return SourceNote(citation.pk, article.pk, citation.quote, source, article.published, article.url)


def path_for(name: str, pk: int) -> str:
    return _pattern(name).format(pk)


def _day(value: object) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"  # type: ignore[attr-defined]


def date_html(event: Event) -> str:
    """``<time>`` with the HTML datetime at the event's precision, the EDTF value and both bounds."""
    return (
        f'<time datetime="{html_datetime(event)}" data-edtf="{escape(event.date_edtf)}" '
        f'data-lower="{event.date_lower.isoformat()}" data-upper="{event.date_upper.isoformat()}">'
        f"{escape(event.human_date)}</time>"
    )


def badge_html(event: Event) -> str:
    label = _STATUS_LABELS.get(event.status)
    return f' <span class="badge badge-{event.status}">{label}</span>' if label else ""


def event_item_html(event: Event, *, level: int = 4, compact: bool = False) -> SafeString:
    """The ``<li>`` of one event: date, badge, title, type, place, actors, successor, numbered sources."""
    parts = [
        f'<li class="event status-{escape(event.status)}" id="e{event.pk}">',
        f'<p class="event-date">{date_html(event)}{badge_html(event)}</p>',
        f'<h{level} class="event-title"><a href="{path_for("timeline:event", event.pk)}">{escape(event.title)}</a>'
        f"</h{level}>",
        f'<p class="event-meta"><span class="event-type">{escape(_TYPE_LABELS.get(event.event_type, event.event_type))}'
        "</span>",
    ]
    if event.place is not None:
        parts.append(f' · <a href="{path_for("timeline:place", event.place_id)}">{escape(event.place.name)}</a>')  # type: ignore[arg-type]
    mentions = getattr(event, "actor_mentions", None)
    if mentions is None:
        links = public_list(event, "actor_links")
        mentions = [ActorMention(link.actor_id, link.actor.name, link.role) for link in links]
    if mentions:
        actors = ", ".join(f'<a href="{path_for("timeline:actor", m.actor_id)}">{escape(m.name)}</a>' for m in mentions)
        parts.append(f' · <span class="visually-hidden">Actors: </span>{actors}')
    parts.append("</p>")
    if event.status in _SUCCESSOR_SHOWN:
        for relation in getattr(event, "public_successors", ()):
            successor = relation.to_event
            parts.append(
                f'<p class="successor">{escape(relation.get_kind_display().capitalize())} '
                f'<a href="{path_for("timeline:event", successor.pk)}">{escape(successor.title)}</a>, '
                f"{escape(successor.human_date)}</p>"
            )
    if not compact:
        notes = getattr(event, "source_notes", None)
        if notes is None:
            notes = [_note_of(c) for c in public_list(event, "citations")]
        if notes:
            parts.append('<ol class="sources" aria-label="Sources">')
            for note in notes:
                outlet = escape(note.outlet) if note.outlet else "Unknown outlet"
                published = (
                    f', <time datetime="{note.published.isoformat()}">{_day(note.published)}</time>'
                    if note.published
                    else ""
                )
                original = http_url(note.url)
                original_link = (
                    f'<a href="{escape(original)}" rel="noopener nofollow external">Original</a> · ' if original else ""
                )
                ours = f"{path_for('timeline:article', note.article_id)}#c{note.citation_id}"
                parts.append(
                    f'<li><q>{escape(note.quote)}</q> <span class="src">— {outlet}{published}. '
                    f'{original_link}<a href="{ours}">Our copy</a></span></li>'
                )
            parts.append("</ol>")
    parts.append("</li>")
    return mark_safe("".join(parts))  # noqa: S308  every database value above is escaped


def _choices(field: Field) -> Iterable[tuple[object, object]]:
    """A field's (value, label) pairs; a model choice field's read with one plain SELECT.

    ModelChoiceIterator walks its queryset with ``.iterator()``, which on PostgreSQL outside a
    transaction is a server-side cursor declared WITH HOLD (DECLARE, FETCH, CLOSE: extra round trips
    and a materialised copy) for a list of a few hundred names.
    """
    if isinstance(field, ModelChoiceField) and field.queryset is not None:
        return [(field.prepare_value(obj), field.label_from_instance(obj)) for obj in field.queryset]
    return field.choices  # type: ignore[attr-defined]


def filter_field_html(field: BoundField) -> SafeString:
    """A filter control with its label, written directly (Django's widget templates render each
    <option> through the template engine, which dominated the page time with a few hundred actors)."""
    widget = field.field.widget
    name = field.html_name
    control_id = f"id_{name}"
    label = f'<label for="{control_id}">{escape(str(field.label))}</label>'
    if isinstance(widget, SelectMultiple):
        selected = {str(v) for v in (field.value() or [])}
        options = "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) in selected else ""}>'
            f"{escape(str(text))}</option>"
            for value, text in _choices(field.field)
        )
        control = f'<select name="{name}" id="{control_id}" multiple>{options}</select>'
    else:
        value = field.value()
        input_type = getattr(widget, "input_type", "text")
        shown = f' value="{escape(str(value))}"' if value not in (None, "") else ""
        control = f'<input type="{input_type}" name="{name}" id="{control_id}"{shown}>'
    errors = f'<p class="error">{escape(" ".join(str(e) for e in field.errors))}</p>' if field.errors else ""
    return mark_safe(f"{label}{control}{errors}")  # noqa: S308  every value above is escaped
