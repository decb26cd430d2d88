"""The admin site with optional two-factor sign-in (TOTP, django-otp).

An editor who has registered an authenticator app (a confirmed TOTP device) must give its six-digit code
at login, and a session that was not verified with it has no access to the admin, even if it was opened
by password before the device was added. An editor without a device signs in with the password alone;
the device is optional, not required, so nobody is locked out by turning the feature on.

Editors enrol themselves at ``/admin/two-factor/`` (:mod:`timeline.two_factor_views`, linked from the
admin's user links): scan a QR code, confirm with a current code, and the code is required from the
next sign-in on; they turn it off there too, again with a current code.

Installed as the default admin site (``timeline.admin_apps.TimelineAdminConfig`` in INSTALLED_APPS), so every
``@admin.register`` in the project registers here.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin.sites import AdminSite
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path
from django_otp import devices_for_user, user_has_device
from django_otp.admin import OTPAdminAuthenticationForm


class OptionalOTPAuthenticationForm(OTPAdminAuthenticationForm):
    """The admin login form; the OTP code is asked for only from users who have a confirmed device."""

    def clean(self) -> dict[str, Any]:
        # AdminAuthenticationForm.clean: password (through axes and the backends) and is_staff.
        self.cleaned_data = super(OTPAdminAuthenticationForm, self).clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            self.clean_otp(user)
        return self.cleaned_data

    def _chosen_device(self, user: Any) -> Any:
        # One authenticator app is the usual case: use it without making the editor pick it from a list.
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            if len(devices) == 1:
                device = devices[0]
        return device


class TimelineAdminSite(AdminSite):
    """The default admin site, with the editors' optional second factor."""

    login_form = OptionalOTPAuthenticationForm
    login_template = "admin/login.html"  # ours: the code is marked optional (timeline/templates/admin)

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        if not super().has_permission(request):
            return False
        # ``is_verified`` comes from django-otp's middleware; a user with a device must have used it.
        verified = getattr(user, "is_verified", lambda: False)()
        return bool(verified or not user_has_device(user, confirmed=True))

    def get_urls(self) -> list[URLResolver | URLPattern]:
        # Before the defaults: their catch-all app_label pattern would otherwise take "two-factor/".
        return [path("two-factor/", self.admin_view(self.two_factor), name="two_factor"), *super().get_urls()]

    def two_factor(self, request: HttpRequest) -> HttpResponse:
        """The signed-in user's own two-factor page (enrol with a QR code, or turn it off)."""
        from timeline.two_factor_views import two_factor_page

        return two_factor_page(request, admin_context=self.each_context(request))
