"""Keyset ("cursor") pagination: stable while rows are inserted, equally fast on page 1 and page 10,000.

DRF's CursorPagination keys on one field and falls back to an offset among equal values; events share
dates by the hundred, so here the cursor carries the full sort key (e.g. ``date_lower`` then ``id``) and
the next page is ``WHERE (date_lower, id) > (cursor)``, written as an OR of comparisons plus a redundant
``date_lower >= value`` so the database can start its index scan at the cursor instead of filtering its
way there. No page count, no offset, no cap on how far a client can page.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db.models import IntegerField, Model, Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import replace_query_param

from events.db_bounds import fits_bigint, utc_datetime

MAX_PAGE_SIZE = 1000
# The longest value a cursor may carry (a slug, an ISO date-time); a longer one was not written by us.
CURSOR_MAX_CHARS = 200


def _encode(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(token: str) -> dict[str, Any]:
    try:
        padded = token + "=" * (-len(token) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise ValidationError({"cursor": ["invalid cursor"]}) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("v"), list):
        raise ValidationError({"cursor": ["invalid cursor"]})
    return payload


def keyset_after(
    queryset: QuerySet[Any], fields: Sequence[str], values: Sequence[Any], *, descending: bool
) -> QuerySet:
    """Rows strictly after ``values`` in the order ``fields`` (all ascending or all descending)."""
    strict, loose = ("lt", "lte") if descending else ("gt", "gte")
    condition = Q()
    for position, name in enumerate(fields):
        equal = {fields[i]: values[i] for i in range(position)}
        condition |= Q(**equal, **{f"{name}__{strict}": values[position]})
    # Redundant with the OR above, but it gives the planner an index range to start from.
    return queryset.filter(condition, **{f"{fields[0]}__{loose}": values[0]})


class KeysetCursorPagination(BasePagination):
    """Forward-only keyset pagination with ``cursor`` and ``page_size`` (1..1000) query parameters.

    A view chooses its sort keys with ``keyset_orderings`` (name -> fields, the last one unique) and
    ``keyset_default``; the client picks one with ``ordering=name`` or ``ordering=-name``.
    """

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering_query_param = "ordering"
    max_page_size = MAX_PAGE_SIZE

    def __init__(self) -> None:
        self.next_url: str | None = None
        self.request: Request | None = None

    # --- parameters -------------------------------------------------------------------------------
    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return int(api_settings.PAGE_SIZE or 100)
        try:
            size = int(raw)
        except ValueError:
            raise ValidationError({"page_size": [f"must be an integer from 1 to {self.max_page_size}"]}) from None
        if not 1 <= size <= self.max_page_size:
            raise ValidationError({"page_size": [f"must be an integer from 1 to {self.max_page_size}"]})
        return size

    @staticmethod
    def orderings_for(view: Any) -> tuple[dict[str, tuple[str, ...]], str]:
        orderings: dict[str, tuple[str, ...]] = getattr(view, "keyset_orderings", None) or {"id": ("pk",)}
        return orderings, getattr(view, "keyset_default", None) or next(iter(orderings))

    def get_ordering(self, request: Request, view: Any) -> tuple[str, bool, tuple[str, ...]]:
        orderings, default = self.orderings_for(view)
        raw = (request.query_params.get(self.ordering_query_param) or "").split(",")[0].strip()
        descending = raw.startswith("-")
        name = raw.lstrip("-")
        if name not in orderings:
            name, descending = default.lstrip("-"), default.startswith("-")
        return name, descending, orderings[name]

    # --- paging -----------------------------------------------------------------------------------
    def paginate_queryset(self, queryset: QuerySet[Any], request: Request, view: Any = None) -> list[Any]:
        self.request = request
        page_size = self.get_page_size(request)
        name, descending, fields = self.get_ordering(request, view)
        token = request.query_params.get(self.cursor_query_param)
        if token:
            payload = _decode(token)
            if payload.get("o") != name or bool(payload.get("d")) != descending or len(payload["v"]) != len(fields):
                raise ValidationError({"cursor": ["the cursor belongs to another ordering"]})
            values = [
                self._to_python(queryset.model, field, value) for field, value in zip(fields, payload["v"], strict=True)
            ]
            queryset = keyset_after(queryset, fields, values, descending=descending)
        prefix = "-" if descending else ""
        ordered = queryset.order_by(*(prefix + field for field in fields))
        # A view may read the page its own way (api.views.events reads a narrow filter's keys first).
        fetch = getattr(view, "keyset_fetch", None)
        rows = fetch(ordered, page_size + 1) if fetch is not None else list(ordered[: page_size + 1])
        self.next_url = None
        if len(rows) > page_size:
            rows = rows[:page_size]
            last = rows[-1]
            # A page holds model instances, or plain rows when a view reads ``.values()``.
            values = [
                self._to_json(last[field] if isinstance(last, dict) else getattr(last, field)) for field in fields
            ]
            cursor = _encode({"o": name, "d": descending, "v": values})
            self.next_url = replace_query_param(request.build_absolute_uri(), self.cursor_query_param, cursor)
        return rows

    @staticmethod
    def _to_python(model: type[Model], field: str, value: Any) -> Any:
        """A cursor value as the field's Python value, or a 400 for anything no page of ours wrote.

        A cursor is client input: a null, a list, a number past 64 bits, a NUL character or a
        date-time outside the years 1..9999 in UTC would otherwise reach the query and fail there.
        """
        model_field = model._meta.pk if field == "pk" else model._meta.get_field(field)
        invalid = ValidationError({"cursor": ["invalid cursor"]})
        # Pages write integers for integer keys (ids) and strings for the rest (dates, times, slugs).
        expected = int if isinstance(model_field, IntegerField) else str
        if isinstance(value, bool) or not isinstance(value, expected):
            raise invalid
        if isinstance(value, str) and (len(value) > CURSOR_MAX_CHARS or "\x00" in value):
            raise invalid
        try:
            python = model_field.to_python(value)  # type: ignore[union-attr]
        except Exception:
            raise invalid from None
        if python is None:
            raise invalid
        if isinstance(python, int) and not fits_bigint(python):
            raise invalid
        if isinstance(python, datetime):
            try:
                python = utc_datetime(python)
            except ValueError:
                raise invalid from None
        return python

    @staticmethod
    def _to_json(value: Any) -> Any:
        return value.isoformat() if hasattr(value, "isoformat") else value

    def get_paginated_response(self, data: Any) -> Response:
        headers = {"Link": f'<{self.next_url}>; rel="next"'} if self.next_url else None
        return Response({"next": self.next_url, "results": data}, headers=headers)

    # --- schema -----------------------------------------------------------------------------------
    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page, or null on the last one (also sent as a Link header).",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a previous page's `next` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page, 1 to {self.max_page_size} (default {api_settings.PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
        orderings, default = self.orderings_for(view)
        if len(orderings) > 1 and not getattr(view, "filterset_class", None):
            choices = [*orderings, *(f"-{name}" for name in orderings)]
            parameters.append(
                {
                    "name": self.ordering_query_param,
                    "required": False,
                    "in": "query",
                    "description": f"Sort key (default `{default}`); a leading `-` sorts descending.",
                    "schema": {"type": "string", "enum": choices},
                }
            )
        return parameters
