"""One error shape for every 4xx the API returns.

``{"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"name": ["..."]}}}``

``fields`` is present for validation errors only. Domain refusals from the services
(:class:`events.exceptions.DomainError`) become 400s with the domain's code and message; a duplicate
article becomes 409 with the stored article's id, so a client can follow it instead of resubmitting.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from api.throttling import count_failed_authentication
from events.exceptions import DomainError, DuplicateArticle


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _flatten(detail: Any) -> Any:
    """DRF's ErrorDetail tree as plain strings, keeping the shape (dict of lists)."""
    if isinstance(detail, dict):
        return {str(key): _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(item) for item in detail]
    return str(detail)


def _first_code(codes: Any) -> str:
    if isinstance(codes, dict):
        return _first_code(next(iter(codes.values()), "invalid"))
    if isinstance(codes, list):
        return _first_code(codes[0]) if codes else "invalid"
    return str(codes)


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, then the body rewritten into the one error shape."""
    extra: dict[str, Any] = {}
    if isinstance(exc, DuplicateArticle):
        extra["existing_article"] = exc.existing.pk
        exc = Conflict(str(exc), code=exc.code)
    elif isinstance(exc, DomainError):
        exc = exceptions.ValidationError({"non_field_errors": [str(exc)]}, code=exc.code)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, exceptions.AuthenticationFailed | exceptions.NotAuthenticated) and context.get("request"):
        # Refused before DRF's throttles ran: still a request from this client IP (api.throttling).
        count_failed_authentication(context["request"], context.get("view"))
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response  # a 5xx: Django's handler logs it and answers

    body: dict[str, Any] = {"status": response.status_code, "code": _first_code(exc.get_codes())}
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail) if isinstance(exc.detail, dict) else {"non_field_errors": _flatten(exc.detail)}
        messages = [m for value in fields.values() for m in (value if isinstance(value, list) else [value])]
        body["message"] = "; ".join(str(m) for m in messages[:3]) or "the request is invalid"
        body["fields"] = fields
    else:
        body["message"] = str(exc.detail)
    body.update(extra)
    response.data = {"error": body}
    return response
