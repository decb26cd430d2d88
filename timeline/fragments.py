"""Large pieces of a page's HTML that the template places by a marker and the response splices in.

A timeline's entries are a megabyte or more of HTML. Handed to the template as a SafeString, that text
is copied at every level of template nesting (each block, include and ``if`` joins its pieces into a
new string and marks it safe again, another copy) and then encoded as a whole (bench/pages.py: several
milliseconds a page). A fragment instead reaches the template as a short marker; the response body is
the rendered template cut at its markers, each fragment's text encoded once in between.

A marker is an HTML comment with a random token per page. It cannot come from data: every database
value on a page is escaped, so no ``<`` of a value survives into the HTML.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


class Fragments:
    """The fragments of one page, each placed by :meth:`place` and spliced in by :meth:`chunks`."""

    def __init__(self) -> None:
        self._token = secrets.token_hex(8)
        self._texts: list[str | bytes] = []

    def place(self, html: str | bytes) -> SafeString:
        """The marker the template writes where ``html`` (already escaped by its writer; bytes are
        UTF-8, as the response is) goes."""
        self._texts.append(html)
        return SafeString(f"<!--fragment-{self._token}-{len(self._texts) - 1}-->")

    def chunks(self, rendered: str) -> Iterator[str | bytes]:
        """``rendered`` with each marker replaced by its fragment, as consecutive pieces."""
        position = 0
        for match in _MARKER.finditer(rendered):  # one pattern for every page: the token is checked here
            if match.group(1) != self._token:
                continue
            yield rendered[position : match.start()]
            yield self._texts[int(match.group(2))]
            position = match.end()
        yield rendered[position:]


_MARKER = re.compile("<!--fragment-([0-9a-f]+)-([0-9]+)-->")


def render_with_fragments(
    request: HttpRequest, template_name: str, context: Mapping[str, Any], fragments: Fragments
) -> HttpResponse:
    """What ``django.shortcuts.render`` answers, with the fragments placed in ``context`` spliced in."""
    return HttpResponse(fragments.chunks(render_to_string(template_name, context, request)))
