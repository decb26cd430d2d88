"""Admin sign-in: lockout after repeated failures, every attempt logged, optional TOTP, session expiry."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "pw-Editor-12345"


@pytest.fixture
def editor(db: None):  # type: ignore[no-untyped-def]
    return get_user_model().objects.create_user("edith", "edith@example.org", PASSWORD, is_staff=True)


def login(client: Client, password: str, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": "edith", "password": password, "next": "/admin/", **extra})


def test_it_locks_the_account_from_that_address_after_repeated_failures(editor) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "wrong").status_code == 200  # the form again, with its error
    assert login(client, "wrong").status_code == 429
    # Locked: even the right password is refused now.
    assert login(client, PASSWORD).status_code == 429


def test_the_lockout_is_per_address(editor) -> None:  # type: ignore[no-untyped-def]
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(attacker, "wrong")
    assert login(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD).status_code == 302


def test_a_success_resets_the_count(editor) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    assert login(client, "wrong").status_code == 200


def test_force_login_is_not_counted(editor) -> None:  # type: ignore[no-untyped-def]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(Client(), "wrong")
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_every_attempt_is_logged(editor, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    from axes.models import AccessFailureLog, AccessLog

    client = Client()
    with caplog.at_level("INFO", logger="timeline.auth"):
        login(client, "wrong")
        login(client, PASSWORD)
    records = [r for r in caplog.records if r.name == "timeline.auth"]
    assert [(r.event, r.username, r.client_ip) for r in records] == [  # type: ignore[attr-defined]
        ("login_failed", "edith", "127.0.0.1"),
        ("login", "edith", "127.0.0.1"),
    ]
    assert AccessFailureLog.objects.filter(username="edith").count() == 1
    assert AccessLog.objects.filter(username="edith").count() == 1


@pytest.fixture
def device(editor) -> TOTPDevice:  # type: ignore[no-untyped-def]
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=0):06d}"


def test_without_a_device_the_password_is_enough(editor) -> None:  # type: ignore[no-untyped-def]
    assert login(Client(), PASSWORD)["Location"] == "/admin/"


def test_with_a_device_the_password_alone_is_refused(device: TOTPDevice) -> None:
    client = Client()
    response = login(client, PASSWORD)
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302  # still not in


def test_with_a_device_a_wrong_code_is_refused(device: TOTPDevice) -> None:
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    assert login(Client(), PASSWORD, otp_token=wrong).status_code == 200


def test_with_a_device_the_right_code_lets_the_editor_in(device: TOTPDevice) -> None:
    client = Client()
    response = login(client, PASSWORD, otp_token=code(device))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/admin/").status_code == 200


def test_a_session_opened_without_the_code_loses_the_admin_once_a_device_exists(editor) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    assert client.get("/admin/").status_code == 302


def test_a_locked_out_attempt_is_logged_as_such(editor, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "wrong")
    caplog.clear()
    with caplog.at_level("INFO", logger="timeline.auth"):
        login(client, PASSWORD)
    assert [r.locked_out for r in caplog.records if r.name == "timeline.auth"] == [True]  # type: ignore[attr-defined]


def test_an_editors_session_expires_within_a_working_day_and_with_the_browser(editor) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    login(client, PASSWORD)
    session = client.session
    assert session.get_expire_at_browser_close() is True
    assert 0 < session.get_expiry_age() <= 8 * 3600
    assert client.cookies[settings.SESSION_COOKIE_NAME]["httponly"]
