"""Site-wide middleware of our own: request ids and access logs, metrics, and security headers.

Order in ``MIDDLEWARE`` (see settings): ``RequestIdMiddleware`` first, so every record logged while a
request is handled (by any middleware or view) carries its id; ``MetricsMiddleware`` next, so a
request's latency includes the whole stack; ``SecurityHeadersMiddleware`` inside django-csp's
middleware, so the per-page CSP adjustments it makes are seen when the header is built.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from events import metrics
from timeline.logging import request_id_var

access_log = logging.getLogger("timeline.request")

# A request id from a proxy or a client is kept only if it is short and plain: it ends up in log
# lines and a response header, so it must not carry anything that could forge either.
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")

Middleware = Callable[[HttpRequest], HttpResponseBase]


def client_ip(request: HttpRequest) -> str:
    """The client's address: ``NUM_PROXIES`` hops from the right of X-Forwarded-For, else the socket's.

    The rightmost entries were appended by our own proxies and can be trusted; anything to their
    left was sent by the client. With ``NUM_PROXIES=0`` the header is ignored altogether, so a client
    that talks to us directly cannot choose its own address (for the login lockout, for the logs).
    """
    proxies = getattr(settings, "NUM_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return str(request.META.get("REMOTE_ADDR", ""))


class RequestIdMiddleware:
    """Gives every request an id (the proxy's X-Request-ID when sane), logs one access line per request."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        offered = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = offered if _SANE_REQUEST_ID.match(offered) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            match = getattr(request, "resolver_match", None)
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "view": match.view_name if match else "",
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "client_ip": client_ip(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class MetricsMiddleware:
    """Counts requests and times them, labelled by view name (bounded), method and status."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        # The view's name, never the path: paths carry ids and would make one time series per event.
        view = (match.view_name or match._func_path) if match else "<unresolved>"
        elapsed = time.perf_counter() - started
        metrics.HTTP_REQUESTS.labels(method=request.method or "", view=view, status=str(response.status_code)).inc()
        metrics.HTTP_LATENCY.labels(view=view).observe(elapsed)
        return response


# Browser features no page of ours uses; denying them means injected content cannot ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
)

# The API documentation pages run third-party bundles: Redoc injects <style> elements it cannot
# nonce (styled-components) and starts its search worker from a blob: URL. Only these pages get that.
_DOCS_PATHS = ("/api/v1/docs/", "/api/v1/redoc/")


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response, and the few per-page changes to the CSP.

    - The embeddable timeline is exempt from X-Frame-Options (it exists to be framed), so its CSP
      ``frame-ancestors`` is opened as well; every other page may not be framed at all.
    - The API docs pages get the style and worker allowances their bundles need.
    """

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        replace: dict[str, list[str]] = dict(getattr(response, "_csp_replace", None) or {})
        if getattr(response, "xframe_options_exempt", False):
            replace["frame-ancestors"] = ["*"]
        if request.path.startswith(_DOCS_PATHS):
            replace["style-src"] = ["'self'", "'unsafe-inline'"]
            replace["worker-src"] = ["'self'", "blob:"]
        if replace:
            response._csp_replace = replace  # type: ignore[attr-defined]
        return response
