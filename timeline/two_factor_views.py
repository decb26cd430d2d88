"""The admin page where a signed-in staff user turns two-factor sign-in on or off for themselves.

Mounted by :class:`timeline.admin_site.TimelineAdminSite` at ``/admin/two-factor/`` behind
``admin_view`` (signed in, staff, verified if a device exists; CSRF; never cached). The writes are in
:mod:`timeline.two_factor`; this view only shows the state and turns form posts into those calls.
"""

from __future__ import annotations

import base64
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django_otp import login as otp_login

from timeline import two_factor
from timeline.two_factor import TwoFactorError


class CodeForm(forms.Form):
    """One six-digit code from the authenticator app."""

    otp_token = forms.CharField(
        label="Code from the app",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )


_ACTIONS = {"enable", "disable", "new_key"}


def two_factor_page(request: HttpRequest, *, admin_context: dict[str, Any]) -> HttpResponse:
    """GET: the state (and the QR code while enrolling); POST ``action``: enable, disable or new_key."""
    user = request.user
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in _ACTIONS:
            form.add_error(None, "Unknown action; use the buttons on this page.")
        elif action == "new_key":
            two_factor.totp_enrolment_device(user=user, new_key=True)
            messages.info(request, "A new key was made; the one shown before no longer works. Scan this one.")
            return HttpResponseRedirect(request.path)
        elif form.is_valid():
            code = form.cleaned_data["otp_token"]
            try:
                if action == "enable":
                    device = two_factor.totp_enrolment_confirm(user=user, code=code)
                    # This session has just proved possession of the device: it stays signed in.
                    otp_login(request, device)
                    messages.success(
                        request, "Two-factor sign-in is on. From your next sign-in on, the app's code is required."
                    )
                else:
                    two_factor.totp_disable(user=user, code=code)
                    messages.success(request, "Two-factor sign-in is off. Your password alone now signs you in.")
                return HttpResponseRedirect(request.path)
            except TwoFactorError as error:
                form.add_error("otp_token", str(error))

    confirmed = two_factor.totp_confirmed_device(user=user)
    context: dict[str, Any] = {
        **admin_context,
        "title": "Two-factor sign-in",
        "form": form,
        "enabled": confirmed is not None,
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    if confirmed is None:
        pending = two_factor.totp_enrolment_device(user=user)
        uri = pending.config_url
        secret = base64.b32encode(pending.bin_key).decode()
        context.update(
            otpauth_uri=uri,
            # In groups of four, as authenticator apps show it when it is typed in by hand.
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            qr_svg=mark_safe(two_factor.totp_qr_svg(uri)),  # noqa: S308 - drawn by qrcode from our own URI
        )
    return TemplateResponse(request, "admin/two_factor.html", context)
