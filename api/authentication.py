"""How the API knows who is asking: tokens, and browser sessions that passed two-factor sign-in.

A session opened with the password alone (before the user enrolled a TOTP device, or by a form that
did not ask for the code) must not reach the API for a user who has a device: the admin already
refuses such a session (timeline.admin_site), and the API now does too.
"""

from __future__ import annotations

from typing import Any

from django_otp import user_has_device
from drf_spectacular.authentication import SessionScheme
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request


class VerifiedSessionAuthentication(SessionAuthentication):
    """DRF's session authentication, refusing an unverified session of a user with a TOTP device."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        user = result[0]
        # ``is_verified`` is set by django-otp's middleware: this session gave a code from a device.
        verified = getattr(request._request.user, "is_verified", lambda: False)()
        if not verified and user_has_device(user, confirmed=True):
            raise AuthenticationFailed(
                "This session did not give a two-factor code. Sign in again (with the code) or use an API token.",
                code="otp_required",
            )
        return result


class VerifiedSessionScheme(SessionScheme):
    """The OpenAPI description of :class:`VerifiedSessionAuthentication`: a session cookie, as DRF's."""

    target_class = "api.authentication.VerifiedSessionAuthentication"
