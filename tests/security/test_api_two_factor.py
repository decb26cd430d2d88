"""Finding 4 of issue 18: two-factor sign-in covers the API too.

A user with a confirmed TOTP device got a token with the password alone, and a session opened with
the password alone (before the device was enrolled) still worked on the API.
"""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
PASSWORD = "pw-Editor-12345"
TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts() -> None:
    cache.clear()


@pytest.fixture
def editor(db: None):  # type: ignore[no-untyped-def]
    return get_user_model().objects.create_user("edith", "edith@example.org", PASSWORD, is_staff=True)


def _device(user) -> TOTPDevice:  # type: ignore[no-untyped-def]
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _exchange(otp: str | None = None, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    basic = base64.b64encode(f"edith:{password}".encode()).decode()
    headers = {"HTTP_AUTHORIZATION": f"Basic {basic}"}
    if otp is not None:
        headers["HTTP_X_OTP_CODE"] = otp
    return APIClient().post(TOKEN_URL, **headers)


def test_a_user_with_a_device_gets_no_token_for_the_password_alone(editor) -> None:  # type: ignore[no-untyped-def]
    _device(editor)
    response = _exchange()
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "otp_required"
    assert "X-OTP-Code" in response.json()["error"]["message"]
    assert not AuthToken.objects.filter(user=editor).exists()


def test_a_wrong_code_gets_no_token(editor) -> None:  # type: ignore[no-untyped-def]
    device = _device(editor)
    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    response = _exchange(otp=wrong)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "otp_invalid"
    assert not AuthToken.objects.filter(user=editor).exists()


def test_the_password_and_the_current_code_get_a_token(editor) -> None:  # type: ignore[no-untyped-def]
    device = _device(editor)
    response = _exchange(otp=_code(device))
    assert response.status_code == 200, response.content
    assert AuthToken.objects.filter(user=editor).count() == 1


def test_a_user_without_a_device_still_needs_only_the_password(editor) -> None:  # type: ignore[no-untyped-def]
    TOTPDevice.objects.create(user=editor, name="pending", confirmed=False)  # not enrolled yet
    assert _exchange().status_code == 200


def _session_before_enrolment(editor) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.post("/admin/login/?next=/admin/", {"username": "edith", "password": PASSWORD}).status_code == 302
    return client


def test_a_session_opened_before_enrolment_no_longer_reaches_the_api(editor) -> None:  # type: ignore[no-untyped-def]
    client = _session_before_enrolment(editor)
    assert client.get("/api/v1/articles/").status_code == 200  # the session works before enrolment
    _device(editor)
    response = client.get("/api/v1/articles/")
    assert response.status_code in (401, 403)
    assert response.json()["error"]["code"] == "otp_required"


def test_a_session_that_gave_its_code_reaches_the_api(editor) -> None:  # type: ignore[no-untyped-def]
    device = _device(editor)
    client = Client()
    login = client.post(
        "/admin/login/?next=/admin/", {"username": "edith", "password": PASSWORD, "otp_token": _code(device)}
    )
    assert login.status_code == 302
    assert client.get("/api/v1/articles/").status_code == 200
