"""Unknown query parameters on list endpoints are a 400 that names them, not silently ignored.

A researcher who writes ``?review_state=proposed`` or ``?actor_name=China`` and gets every event back
believes the filter worked. Every list endpoint accepts its FilterSet's fields, the pagination
parameters, ``format`` and whatever the view lists in ``extra_query_params``; anything else is refused.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from api.pagination import KeysetCursorPagination

# Accepted by every endpoint: pagination (api.pagination) and the format override (URL_FORMAT_OVERRIDE).
COMMON_QUERY_PARAMS = frozenset(
    {
        KeysetCursorPagination.cursor_query_param,
        KeysetCursorPagination.page_size_query_param,
        KeysetCursorPagination.ordering_query_param,
        "format",
    }
)


def query_params_known(*, view: Any, filterset_class: Any = None) -> frozenset[str]:
    """The query parameters ``view`` understands."""
    known = set(COMMON_QUERY_PARAMS) | set(getattr(view, "extra_query_params", ()))
    if filterset_class is not None:
        known |= set(filterset_class.base_filters)
    return frozenset(known)


def query_params_check(*, request: Request, known: frozenset[str]) -> None:
    """Raise a 400 naming every parameter of ``request`` outside ``known``."""
    unknown = sorted(name for name in request.query_params if name not in known)
    if unknown:
        accepted = ", ".join(sorted(known))
        raise ValidationError(
            {name: [f"unknown query parameter '{name}'; this endpoint accepts: {accepted}"] for name in unknown},
            code="unknown_parameter",
        )


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend, refusing query parameters that neither it nor the view knows on lists."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> QuerySet[Any]:
        # A detail view filters its queryset too (get_object); only lists refuse what they do not know.
        if getattr(view, "action", "list") != "retrieve":
            filterset_class = self.get_filterset_class(view, queryset)
            query_params_check(request=request, known=query_params_known(view=view, filterset_class=filterset_class))
        return super().filter_queryset(request, queryset, view)
