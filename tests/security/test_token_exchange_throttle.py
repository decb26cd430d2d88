"""Finding 12 of issue 18: failed token exchanges are throttled, and cheaply.

DRF checks throttles after authentication, so every wrong password answered 401 and none was ever
counted (700 in 143 s), each after a password hash, while the client-IP throttle said every request
counts. Now failures are counted per client IP; past the rate the exchange answers 429 before any
password is checked; and a request refused for its credentials counts against the client IP.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.test import override_settings
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token/"
PASSWORD = "pw-Researcher-12345"


def _rates(**rates: str) -> dict[str, Any]:
    merged = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **rates}
    return {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": merged}


@pytest.fixture(autouse=True)
def _fresh_throttle_counts() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password_checks() -> Iterator[list[str]]:
    """Usernames whose password Django checked and refused (``user_login_failed``)."""
    seen: list[str] = []

    def record(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
        seen.append(str(credentials.get("username")))

    user_login_failed.connect(record, dispatch_uid="test-password-checks")
    yield seen
    user_login_failed.disconnect(dispatch_uid="test-password-checks")


def _exchange(username: str, password: str) -> Any:
    basic = base64.b64encode(f"{username}:{password}".encode()).decode()
    return APIClient().post(TOKEN_URL, HTTP_AUTHORIZATION=f"Basic {basic}")


def test_failed_exchanges_are_throttled_per_client_ip(password_checks: list[str]) -> None:
    get_user_model().objects.create_user("rita", password=PASSWORD)
    with override_settings(REST_FRAMEWORK=_rates(token_failures="3/minute")):
        # A different user name each time: django-axes locks one name, not a spray over many.
        statuses = [_exchange(f"guess{n}", "wrong").status_code for n in range(3)]
        assert statuses == [401, 401, 401]
        refused = _exchange("guess-next", "wrong")
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "throttled"
        assert int(refused["Retry-After"]) > 0
        # Refused before the password was looked at: no check for the fourth name, nor for a right one.
        assert _exchange("rita", PASSWORD).status_code == 429
    assert password_checks == ["guess0", "guess1", "guess2"]


def test_successful_exchanges_do_not_count_as_failures() -> None:
    get_user_model().objects.create_user("rita", password=PASSWORD)
    with override_settings(REST_FRAMEWORK=_rates(token_failures="2/minute")):
        assert [_exchange("rita", PASSWORD).status_code for _ in range(4)] == [200] * 4


def test_an_exchange_without_credentials_counts_as_a_failure() -> None:
    with override_settings(REST_FRAMEWORK=_rates(token_failures="2/minute")):
        assert [APIClient().post(TOKEN_URL).status_code for _ in range(3)] == [401, 401, 429]


def test_a_request_refused_for_its_credentials_counts_against_the_client_ip() -> None:
    with override_settings(REST_FRAMEWORK=_rates(client_ip="3/minute")):
        bad_token = APIClient()
        bad_token.credentials(HTTP_AUTHORIZATION="Token " + "0" * 64)
        assert [bad_token.get("/api/v1/events/").status_code for _ in range(3)] == [401, 401, 401]
        # The three refusals counted: the next request from this address is over the rate.
        assert APIClient().get("/api/v1/events/").status_code == 429
