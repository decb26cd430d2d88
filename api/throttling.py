"""Throttles: one per client IP on every request, one per API token, one on article submissions.

The client IP comes from DRF's ``get_ident``, which honours the ``NUM_PROXIES`` setting: with 0 it
ignores ``X-Forwarded-For`` entirely, with N it takes the N-th address from the right — the one the
outermost trusted proxy appended — so a forged header prefix changes nothing.
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class _RateFromSettings(SimpleRateThrottle):
    def get_rate(self) -> str | None:
        # DRF copies the rates into a class attribute at import time; read them per request so that
        # a settings override (tests, a reload) takes effect.
        rates: dict[str, Any] = api_settings.DEFAULT_THROTTLE_RATES
        return rates.get(self.scope or "")


class ClientIpThrottle(_RateFromSettings):
    """Every request, authenticated or not, counts against its client IP."""

    scope = "client_ip"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(_RateFromSettings):
    """Authenticated requests count against their token (a user's session counts as one token)."""

    scope = "token"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        token_key = getattr(request.auth, "token_key", None)
        if token_key:
            ident = f"token:{token_key}"
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}


class SubmitThrottle(_RateFromSettings):
    """Article submissions start extraction work, so they have their own, lower, rate."""

    scope = "submit"

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.method != "POST":
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        ident = f"user:{request.user.pk}" if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
