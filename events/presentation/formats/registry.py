"""Every output format, by name. Adding a format is a module in this package and one line here
(see docs/adding-a-format.md); the API's renderers, its OpenAPI ``format`` enum and the topic pages'
``events.<extension>`` downloads are all built from this dict."""

from __future__ import annotations

from events.presentation.formats import atom, csv, ical, json, jsonld, ndjson, timelinejs
from events.presentation.formats.base import Format

FORMATS: dict[str, Format] = {
    json.FORMAT.name: json.FORMAT,
    csv.FORMAT.name: csv.FORMAT,
    jsonld.FORMAT.name: jsonld.FORMAT,
    timelinejs.FORMAT.name: timelinejs.FORMAT,
    ndjson.FORMAT.name: ndjson.FORMAT,
    atom.FORMAT.name: atom.FORMAT,
    ical.FORMAT.name: ical.FORMAT,
}

BY_EXTENSION: dict[str, Format] = {fmt.extension: fmt for fmt in FORMATS.values()}


def streaming_formats() -> list[Format]:
    """The formats a set of any size can be exported in (they write as they read)."""
    return [fmt for fmt in FORMATS.values() if fmt.streams]
