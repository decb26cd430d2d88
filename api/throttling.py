"""Throttles: one per client IP on every request, one per API token, one on article submissions, one
on failed token exchanges.

DRF checks throttles after authentication, so a request whose credentials fail never reached them:
700 wrong passwords in a row all answered 401, each after a password hash. Now a failed
authentication counts against the client IP too (:func:`count_failed_authentication`, from the
exception handler), and the token exchange keeps its own count of failures, checked *before* the
password is (:class:`TokenExchangeFailureThrottle`).

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


def count_failed_authentication(request: Request, view: Any) -> None:
    """Count a request refused for its credentials against its client IP (throttles never saw it)."""
    ClientIpThrottle().allow_request(request, view)


class TokenExchangeFailureThrottle(_RateFromSettings):
    """Failed token exchanges per client IP; once over the rate, the exchange is refused unchecked.

    Unlike the other throttles it does not count every request: :meth:`allow_request` only looks, and
    :meth:`record_failure` counts a failure. A correct password while throttled is refused as well,
    so guessing cannot go on at the throttled pace's expense of password hashes.
    """

    scope = "token_failures"
    duration: int  # set from the rate by SimpleRateThrottle
    num_requests: int

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        return len(self.history) < self.num_requests

    def record_failure(self, request: Request, view: Any) -> None:
        """Count one failed exchange from this client IP."""
        if self.rate is None:
            return
        self.allow_request(request, view)
        self.throttle_success()  # stores the history with this failure in it
