"""The API's JSON parser: DRF's, with a bound on how deeply a body may nest.

Python's JSON decoder recurses once per level, so 5,000 nested brackets raised a RecursionError that
DRF's parser does not catch (a 500), and a few hundred levels passed on to code that recurses again
(validation, logging). No request body of this API nests deeper than a handful of levels; anything
past ``MAX_DEPTH`` is a 400 with a message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32


def json_depth(value: Any) -> int:
    """How many arrays/objects of ``value`` (decoded JSON) sit inside one another, without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


class BoundedJSONParser(JSONParser):
    """JSON bodies nested at most :data:`MAX_DEPTH` deep; deeper ones are a 400 with that message."""

    def parse(
        self, stream: IO[Any], media_type: str | None = None, parser_context: Mapping[str, Any] | None = None
    ) -> Any:
        too_deep = ParseError(f"JSON parse error - the body nests deeper than {MAX_DEPTH} levels.")
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep from None
        if json_depth(data) > MAX_DEPTH:
            raise too_deep
        return data
