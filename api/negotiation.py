"""Content negotiation that answers an unsupported ``?format=`` with 406 and the formats it supports.

DRF answers an unknown ``format`` with 404, as if the resource did not exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer


class FormatListingNegotiation(DefaultContentNegotiation):
    def filter_renderers(self, renderers: Iterable[BaseRenderer], format: str) -> list[Any]:
        renderers = list(renderers)
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            supported = ", ".join(renderer.format for renderer in renderers)
            raise NotAcceptable(f"format {format[:40]!r} is not supported here; use one of: {supported}")
        return chosen
