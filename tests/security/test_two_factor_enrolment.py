"""Self-service two-factor: a staff user enrols an authenticator app, then needs its code; and turns it off."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PAGE = "/admin/two-factor/"
LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "pw-Editor-12345"


@pytest.fixture
def editor(db: None):  # type: ignore[no-untyped-def]
    return get_user_model().objects.create_user("edith", "edith@example.org", PASSWORD, is_staff=True)


@pytest.fixture
def client(editor) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.post(LOGIN, {"username": "edith", "password": PASSWORD}).status_code == 302
    return client


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The app's code now, or ``steps_ahead`` time steps (of 30 s) from now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead):06d}"


def shown_secret(client: Client) -> str:
    """The secret as the page gives it to the authenticator app: from the otpauth URI in the page."""
    html = client.get(PAGE).content.decode()
    uri = re.search(r'href="(otpauth://totp/[^"]+)"', html)
    assert uri is not None
    return parse_qs(urlsplit(uri.group(1).replace("&amp;", "&")).query)["secret"][0]


def pending(editor) -> TOTPDevice:  # type: ignore[no-untyped-def]
    return TOTPDevice.objects.get(user=editor, confirmed=False)


def test_the_page_shows_a_qr_code_and_the_uri_of_a_pending_key(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<path" in html
    assert "otpauth://totp/" in html
    device = pending(editor)
    assert shown_secret(client) == base64.b32encode(device.bin_key).decode()
    # Unconfirmed: signing in still takes the password alone.
    assert Client().post(LOGIN, {"username": "edith", "password": PASSWORD}).status_code == 302


def test_the_page_has_no_inline_script_without_the_nonce(client: Client) -> None:
    response = client.get(PAGE)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
    assert all("src=" in tag or (nonce and f'nonce="{nonce.group(1)}"' in tag) for tag in scripts)


def test_the_admin_links_to_the_page(client: Client) -> None:
    assert f'href="{PAGE}"' in client.get("/admin/").content.decode()


def test_it_enrols_with_a_current_code(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    client.get(PAGE)
    response = client.post(PAGE, {"action": "enable", "otp_token": code_for(pending(editor))}, follow=True)
    assert "Two-factor sign-in is on" in response.content.decode()
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()
    # The session that proved the code keeps the admin.
    assert client.get("/admin/").status_code == 200


def test_a_code_with_a_space_as_apps_show_it_is_accepted(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    client.get(PAGE)
    code = code_for(pending(editor))
    client.post(PAGE, {"action": "enable", "otp_token": f"{code[:3]} {code[3:]}"})
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_a_wrong_code_is_refused_with_a_clear_message(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    client.get(PAGE)
    wrong = code_for(pending(editor), steps_ahead=10)  # a real code, but of five minutes from now
    response = client.post(PAGE, {"action": "enable", "otp_token": wrong})
    assert response.status_code == 200
    assert "That code does not match" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


@pytest.mark.parametrize("typed", ["", "12345", "abcdef", "1234567"])
def test_a_code_that_is_not_six_digits_is_refused_with_a_clear_message(
    client: Client,
    editor,  # type: ignore[no-untyped-def]
    typed: str,
) -> None:
    client.get(PAGE)
    response = client.post(PAGE, {"action": "enable", "otp_token": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "six-digit code" in html or "This field is required" in html
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_repeated_wrong_codes_are_throttled(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    client.get(PAGE)
    device = pending(editor)
    wrong = code_for(device, steps_ahead=10)
    client.post(PAGE, {"action": "enable", "otp_token": wrong})
    # Right after a failure even the right code must wait: guessing all million codes is not possible.
    response = client.post(PAGE, {"action": "enable", "otp_token": code_for(device)})
    assert "Too many wrong codes" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_after_enrolment_the_next_login_requires_the_code(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    client.get(PAGE)
    device = pending(editor)
    client.post(PAGE, {"action": "enable", "otp_token": code_for(device)})
    device.refresh_from_db()
    assert device.confirmed

    browser = Client()
    without_code = browser.post(LOGIN, {"username": "edith", "password": PASSWORD})
    assert without_code.status_code == 200
    assert browser.get("/admin/").status_code == 302
    # The next time step's code (the one just used cannot be replayed).
    with_code = browser.post(
        LOGIN, {"username": "edith", "password": PASSWORD, "otp_token": code_for(device, steps_ahead=1)}
    )
    assert with_code.status_code == 302, with_code.content.decode()[:1000]
    assert browser.get("/admin/").status_code == 200


def test_a_new_key_replaces_the_shown_one(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    first = shown_secret(client)
    client.post(PAGE, {"action": "new_key"})
    assert shown_secret(client) != first
    assert TOTPDevice.objects.filter(user=editor, confirmed=False).count() == 1


def enrolled(client: Client, editor) -> TOTPDevice:  # type: ignore[no-untyped-def]
    client.get(PAGE)
    device = pending(editor)
    client.post(PAGE, {"action": "enable", "otp_token": code_for(device)})
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_it_disables_with_a_current_code(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    device = enrolled(client, editor)
    response = client.post(PAGE, {"action": "disable", "otp_token": code_for(device, steps_ahead=1)}, follow=True)
    assert "Two-factor sign-in is off" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exclude(confirmed=False).exists()
    # The password alone signs in again.
    assert Client().post(LOGIN, {"username": "edith", "password": PASSWORD}).status_code == 302


def test_disabling_needs_the_right_code(client: Client, editor) -> None:  # type: ignore[no-untyped-def]
    device = enrolled(client, editor)
    response = client.post(PAGE, {"action": "disable", "otp_token": code_for(device, steps_ahead=10)})
    assert "That code does not match" in response.content.decode()
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_an_unknown_action_is_refused_with_a_message(client: Client) -> None:
    response = client.post(PAGE, {"action": "drop_tables", "otp_token": "123456"})
    assert response.status_code == 200
    assert "Unknown action" in response.content.decode()


def test_the_page_is_for_signed_in_staff_only(editor) -> None:  # type: ignore[no-untyped-def]
    assert Client().get(PAGE).status_code == 302
    reader = get_user_model().objects.create_user("reader", "r@example.org", PASSWORD)
    outsider = Client()
    outsider.force_login(reader)
    assert outsider.get(PAGE).status_code == 302
    assert not TOTPDevice.objects.exists()


def test_a_session_that_skipped_the_code_cannot_reach_the_page_to_disable_it(editor) -> None:  # type: ignore[no-untyped-def]
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    hijacked = Client()
    hijacked.force_login(editor)  # a password-only session, e.g. opened before the device was added
    assert hijacked.get(PAGE).status_code == 302
    assert hijacked.post(PAGE, {"action": "disable", "otp_token": "000000"}).status_code == 302
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
