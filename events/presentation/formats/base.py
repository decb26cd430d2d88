"""What a format is (:class:`Format`) and what it is told about the request (:class:`RenderContext`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Protocol

from django.urls import reverse

from events.presentation.record import EventRecord, Readable

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from events.models import Event

_MARKER = 987654321987


@cache
def _path_pattern(name: str) -> str:
    """The path of a one-id URL with ``{}`` where the id goes (URL patterns do not change at run time)."""
    return reverse(name, args=[_MARKER]).replace(str(_MARKER), "{}")


@dataclass(frozen=True)
class RenderContext:
    """What a rendering needs beyond the records.

    ``site`` is the absolute root of the site (``https://host``, no trailing slash); every self-link
    is built from it and the URL patterns, never from the request's own URL, so an event's link is the
    same in every format (no ``?format=`` on it).
    """

    site: str
    title: str = ""  # the document's title: a topic's name, "" for an API page
    description: str = ""
    self_url: str = ""  # the document's own URL (Atom's rel="self")
    alternate_url: str = ""  # the page the document is about (Atom's rel="alternate")
    next_url: str | None = None  # the next page of an API list
    count: int | None = None  # how many match the list's filters (None: not counted, e.g. an export)
    count_is_estimate: bool = False  # ``count`` is the database's estimate above api.pagination's limit
    single: bool = False  # one event (an API detail), not a list
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def host(self) -> str:
        return self.site.split("://", 1)[-1]

    def api_event_url(self, pk: int) -> str:
        """The canonical API URL of an event (its ``@id`` in JSON-LD, its ``url`` everywhere)."""
        return self.site + _path_pattern("api:event-detail").format(pk)

    def api_citations_url(self, pk: int) -> str:
        return f"{self.site}{reverse('api:citation-list')}?event={pk}"

    def page_url(self, pk: int) -> str:
        """The public page of an event."""
        return self.site + _path_pattern("timeline:event").format(pk)


Render = Callable[[Iterable[EventRecord], RenderContext], Iterator[str]]


class RenderInDatabase(Protocol):
    """Writes the document of a whole filtered set in the database, as the bytes ``render`` would give.

    ``filtered`` is False when the set is every event the requester may read (a hint for speed).
    """

    def __call__(
        self,
        queryset: QuerySet[Event],
        context: RenderContext,
        *,
        with_citations: bool,
        readable: Readable,
        filtered: bool,
    ) -> Iterator[bytes]: ...


@dataclass(frozen=True)
class Format:
    """One output format: a module in this package defines one and the registry lists it.

    ``name`` is the API's ``?format=`` value, ``extension`` the file suffix of a topic's
    ``events.<extension>``; ``streams`` says the rendering writes as it reads, so a set of any size can
    be exported; ``render`` yields the document as text.
    """

    name: str
    media_type: str
    extension: str
    streams: bool
    render: Render
    description: str
    render_error: Callable[[int, str, str], str] | None = None  # (status, code, message) -> body
    # The bulk export's rendering on PostgreSQL (see events.presentation.record_sql); None: ``render``.
    render_in_database: RenderInDatabase | None = None


# XML 1.0 and iCalendar allow no C0 control character but tab, line feed and carriage return, nor the
# non-characters below; a title carrying one must still render (the character is dropped).
_FORBIDDEN_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def printable(text: str | None) -> str:
    """``text`` without the control characters no XML or iCalendar document may hold."""
    return _FORBIDDEN_IN_TEXT.sub("", text or "")


def in_chunks(texts: Iterable[str], size: int = 256 * 1024) -> Iterator[bytes]:
    """A rendering's texts joined into UTF-8 chunks of about ``size`` characters, for a streaming
    response: one write per chunk, not one per line."""
    parts: list[str] = []
    length = 0
    for text in texts:
        parts.append(text)
        length += len(text)
        if length >= size:
            yield "".join(parts).encode()
            parts, length = [], 0
    if parts:
        yield "".join(parts).encode()
