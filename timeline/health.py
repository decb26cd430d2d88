"""Probes, metrics and the error pages that never show a stack trace.

- ``/healthz``: the process answers. No database, no broker: a load balancer must not take every web
  process out because PostgreSQL restarted (that is what ``/readyz`` is for).
- ``/readyz``: the database and the broker answer within ``READY_TIMEOUT_SECONDS``; 503 otherwise.
- ``/metrics``: Prometheus text format (see :mod:`events.metrics`). Open to whoever reaches it; put
  it behind the proxy's allow-list or set ``METRICS_TOKEN`` so scrapers must send it as a bearer token.
- ``server_error``: the 500 handler. A lost database connection becomes 503 with Retry-After, so
  clients and proxies retry instead of reporting a bug; nothing of the exception reaches the client.
"""

from __future__ import annotations

import hmac
import logging
import sys
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

from events.metrics import metrics_exposition

logger = logging.getLogger(__name__)

# Errors that mean "the database is unreachable right now", not "our code is wrong".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


# The database alias /readyz checks (a test points it at a broken one).
DATABASE_ALIAS = "default"


def _timed(name: str, check: Callable[[], None]) -> tuple[bool, float, str]:
    started = time.perf_counter()
    try:
        check()
    except Exception as exc:  # any failure means "not ready"; the reason goes to the log, not the client
        logger.warning("readiness check %s failed: %s: %s", name, type(exc).__name__, exc)
        return False, time.perf_counter() - started, type(exc).__name__
    return True, time.perf_counter() - started, ""


def check_database(alias: str = "default") -> None:
    """Raises unless ``SELECT 1`` runs on the database (connect timeout: DB_CONNECT_TIMEOUT for PostgreSQL)."""
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # A broken persistent connection must not stay around for the next request.
        connection.close()
        raise


def check_broker(url: str | None = None, timeout: float | None = None) -> None:
    """Raises unless a connection to the Celery broker can be made within ``timeout`` seconds."""
    timeout = settings.READY_TIMEOUT_SECONDS if timeout is None else timeout
    options = {"socket_timeout": timeout, "socket_connect_timeout": timeout, "max_retries": 0}
    with Connection(url or settings.CELERY_BROKER_URL, connect_timeout=timeout, transport_options=options) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=timeout)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Alive: the process can answer a request. Touches nothing else."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready: database and broker reachable. 503 (with which one failed) otherwise."""
    checks: dict[str, Callable[[], None]] = {
        "database": lambda: check_database(DATABASE_ALIAS),
        "broker": check_broker,
    }
    results = {name: _timed(name, check) for name, check in checks.items()}
    ok = all(passed for passed, _, _ in results.values())
    body = {
        "status": "ok" if ok else "unavailable",
        "checks": {
            name: {"ok": passed, "seconds": round(seconds, 3), **({"error": error} if error else {})}
            for name, (passed, seconds, error) in results.items()
        },
    }
    response = JsonResponse(body, status=200 if ok else 503)
    if not ok:
        response["Retry-After"] = "5"
    return response


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus exposition; with METRICS_TOKEN set, only for ``Authorization: Bearer <token>``."""
    token = settings.METRICS_TOKEN
    if token:
        offered = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(offered.encode(), token.encode()):
            return HttpResponse("unauthorized\n", status=401, content_type="text/plain")
    try:
        body = metrics_exposition()
    except DATABASE_UNAVAILABLE:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse(body, content_type="text/plain; version=0.0.4; charset=utf-8")


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", "")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a short page (or the API's error shape) and never a trace; 503 if the database is down.

    Django calls this from inside its ``except`` block, so ``sys.exc_info()`` is the exception; Django
    has already logged it with the traceback (to our logs, not to the client).
    """
    exc = sys.exc_info()[1]
    unavailable = isinstance(exc, DATABASE_UNAVAILABLE)
    status = 503 if unavailable else 500
    message = "The service is briefly unavailable; try again in a few seconds." if unavailable else "Server error."
    request_id = getattr(request, "request_id", "")
    if _wants_json(request):
        code = "unavailable" if unavailable else "server_error"
        response: HttpResponse = JsonResponse(
            {"error": {"status": status, "code": code, "message": message, "request_id": request_id}}, status=status
        )
    else:
        response = HttpResponse(
            "<!doctype html><html lang=en><meta charset=utf-8><title>"
            f"{status}</title><h1>{'Unavailable' if unavailable else 'Server error'}</h1><p>{message}</p>"
            f"<p>Reference: <code>{request_id}</code></p></html>",
            status=status,
            content_type="text/html; charset=utf-8",
        )
    if unavailable:
        response["Retry-After"] = "5"
    return response
