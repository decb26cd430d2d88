"""Filters the public templates use: event type labels, HTML datetimes, safe outbound links, snippets;
and ``{% url_once %}``, the URL tag of the public pages."""

from __future__ import annotations

from collections.abc import Hashable
from functools import lru_cache

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from events.domain.vocabulary import EVENT_TYPES
from events.models import Event
from events.selectors import SEARCH_MARK_START, SEARCH_MARK_STOP
from timeline import render
from timeline.timeline_groups import html_datetime as _html_datetime

register = template.Library()


@lru_cache(maxsize=1024)
def _reversed(urlconf: object, prefix: str, name: str, args: tuple[Hashable, ...]) -> str:
    # urlconf and prefix are what reverse() reads from the thread besides its arguments: keyed by them,
    # an entry is the URL reverse() gives whenever its key is the same.
    return reverse(name, args=args)


@register.simple_tag
def url_once(name: str, *args: Hashable) -> str:
    """``{% url name arg ... %}`` (escaped alike), reversed once per process for each name, arguments,
    URL conf and script prefix: the URL patterns do not change at run time, and a timeline page's
    dozen ``{% url %}`` tags cost more than its filter controls.

    For namespaces with one instance only (``timeline``, ``api``): it does not read the request's
    current app, as ``{% url %}`` does to choose between instances of one app.
    """
    return _reversed(get_urlconf(), get_script_prefix(), name, args)


_TYPE_LABELS = {t.value: info.label for t, info in EVENT_TYPES.items()}


@register.filter
def type_label(value: str) -> str:
    """The reader's label of an event type ("phone_call" -> "Phone or video call")."""
    return _TYPE_LABELS.get(value, value)


@register.filter
def html_datetime(event: Event) -> str:
    return _html_datetime(event)


@register.filter
def http_url(value: str | None) -> str:
    """The URL when it is http(s), else "": a stored ``javascript:`` URL must never become a link."""
    return render.http_url(value)


@register.filter
def marked(value: str) -> SafeString:
    """A search snippet as HTML: the text escaped, then the match markers turned into <mark>."""
    html = escape(value).replace(SEARCH_MARK_START, "<mark>").replace(SEARCH_MARK_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308  escaped above; only our own markers become tags
