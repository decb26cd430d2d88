"""Self-service TOTP two-factor sign-in for staff: enrol an authenticator app, and turn it off again.

The flow (the page is :mod:`timeline.two_factor_views`, in the admin at ``/admin/two-factor/``):

1. :func:`totp_enrolment_device` gives the user's *pending* device: an unconfirmed ``TOTPDevice`` with
   a fresh secret, shown as a QR code (:func:`totp_qr_svg`) and as an ``otpauth://`` URI. An
   unconfirmed device does not count anywhere: sign-in still asks for the password alone.
2. :func:`totp_enrolment_confirm` checks a code from the app against that secret; only then is the
   device confirmed, and from the next sign-in on the code is required (``timeline.admin_site``).
3. :func:`totp_disable` removes the user's devices, again only against a current code, so a stolen
   session cookie alone cannot turn the second factor off.

Wrong codes count towards django-otp's per-device throttle (an exponential delay after each failure),
so the six digits cannot be guessed by trying them all.
"""

from __future__ import annotations

import re
from typing import Any

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

# The name the pending and confirmed devices get; the admin's device list shows it.
DEVICE_NAME = "Authenticator app"

_CODE = re.compile(r"^\d{6}$")


class TwoFactorError(Exception):
    """A refused enrolment step; ``str(error)`` is a message for the user."""


def normalise_code(raw: str) -> str:
    """The six digits of a code as typed ("123 456", " 123456 "); raises TwoFactorError otherwise."""
    code = re.sub(r"[\s-]", "", raw or "")
    if not _CODE.match(code):
        raise TwoFactorError("Enter the six-digit code that your authenticator app shows now (digits only).")
    return code


def totp_confirmed_device(*, user: Any) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if two-factor sign-in is on for them."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def totp_enrolment_device(*, user: Any, new_key: bool = False) -> TOTPDevice:
    """The user's pending (unconfirmed) device, created on first use; ``new_key`` replaces its secret."""
    with transaction.atomic():
        pending = list(TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk"))
        if pending and not new_key:
            return pending[0]
        TOTPDevice.objects.filter(pk__in=[device.pk for device in pending]).delete()
        return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def _verify(device: TOTPDevice, code: str) -> None:
    allowed, details = device.verify_is_allowed()
    if not allowed:
        raise TwoFactorError(_throttled_message(details))
    if not device.verify_token(code):
        raise TwoFactorError(
            "That code does not match. Check that you entered the code of the entry you just added "
            "(codes change every 30 seconds) and that your phone's clock is set automatically, then try again."
        )


def _throttled_message(details: dict[str, Any] | None) -> str:
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return "Too many wrong codes. Wait a little and try again."
    seconds = max(1, int((locked_until - timezone.now()).total_seconds()) + 1)
    return f"Too many wrong codes. Wait {seconds} seconds and try again."


def totp_enrolment_confirm(*, user: Any, code: str) -> TOTPDevice:
    """Confirms the pending device with a current code from the app; two-factor is on from then on."""
    code = normalise_code(code)
    with transaction.atomic():
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise TwoFactorError("Two-factor sign-in is already on for your account.")
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            raise TwoFactorError("There is no key waiting for confirmation; reload the page to get one.")
    # Outside the transaction: a wrong code must stay counted by the throttle, not be rolled back.
    _verify(device, code)
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return device


def totp_disable(*, user: Any, code: str) -> None:
    """Turns two-factor sign-in off for the user, against a current code from their app."""
    code = normalise_code(code)
    device = totp_confirmed_device(user=user)
    if device is None:
        raise TwoFactorError("Two-factor sign-in is not on for your account.")
    _verify(device, code)
    TOTPDevice.objects.filter(user=user).delete()


def totp_verify_code(*, user: Any, code: str) -> TOTPDevice:
    """Checks a current code of the user's confirmed device (the API's token exchange asks for it).

    Raises TwoFactorError for a malformed or wrong code, or while django-otp's throttle holds the
    device after wrong codes; a wrong code is counted by that throttle.
    """
    code = normalise_code(code)
    device = totp_confirmed_device(user=user)
    if device is None:
        raise TwoFactorError("Two-factor sign-in is not on for this account.")
    allowed, details = device.verify_is_allowed()
    if not allowed:
        raise TwoFactorError(_throttled_message(details))
    if not device.verify_token(code):
        raise TwoFactorError("That code does not match (codes change every 30 seconds; check the clock).")
    return device


def totp_qr_svg(uri: str) -> str:
    """The ``otpauth://`` URI as an inline SVG QR code (drawn on the server: no script, no image request)."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    svg: str = image.to_string(encoding="unicode")
    # A size in pixels instead of qrcode's millimetres; the viewBox scales the drawing to it.
    opening = '<svg width="220" height="220" role="img" aria-label="QR code of your two-factor key"'
    return re.sub(r'^<svg width="[^"]*" height="[^"]*"', opening, svg, count=1)
