"""CORS for reading the API: a notebook or page on any origin may read what anyone may read.

Only safe methods (GET, HEAD, OPTIONS) under ``/api/`` get the headers, with ``*`` as the origin:
a browser then sends no cookie, so a session is never used across origins; a token goes in the
``Authorization`` header, which the preflight allows. Writes get no CORS headers at all.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
API_PREFIX = "/api/"


class ReadOnlyCorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method in SAFE_METHODS and request.path.startswith(API_PREFIX):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = (
                "Link, X-Changes-Seq, X-Feed-Format, X-Total-Count, Retry-After, Content-Disposition"
            )
            if request.method == "OPTIONS":
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = "Authorization, Accept"
                response["Access-Control-Max-Age"] = "86400"
        return response
