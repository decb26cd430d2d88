"""Tokens (hashed, expiring) and throttles per token and per client IP that a forged header can't dodge."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _rates(**rates: str) -> dict:
    from django.conf import settings

    merged = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **rates}
    return {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": merged}


def test_it_trades_basic_credentials_for_a_token_stored_only_as_a_hash(researcher):
    client = APIClient()
    basic = base64.b64encode(b"researcher:pw-Test-12345").decode()

    response = client.post("/api/v1/auth/token/", HTTP_AUTHORIZATION=f"Basic {basic}")

    token = response.json()["token"]
    assert response.status_code == 200 and response.json()["expiry"]
    stored = AuthToken.objects.get(user=researcher)
    assert token not in (stored.digest, stored.token_key) and len(stored.digest) == 128


def test_it_refuses_an_expired_token(client_researcher):
    AuthToken.objects.update(expiry=timezone.now() - timedelta(seconds=1))

    response = client_researcher.post("/api/v1/articles/", {"url": "https://news.example/x"})

    assert response.status_code == 401
    assert response.json()["error"]["status"] == 401


def test_it_deletes_the_token_on_logout(client_researcher):
    assert client_researcher.post("/api/v1/auth/logout/").status_code == 204

    assert AuthToken.objects.count() == 0


def test_it_throttles_per_client_ip_whatever_x_forwarded_for_says(client_anon):
    with override_settings(REST_FRAMEWORK=_rates(client_ip="3/minute")):
        codes = [client_anon.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(4)]

    assert codes == [200, 200, 200, 429]


def test_it_takes_the_client_ip_from_the_trusted_proxy_hop(client_anon):
    # Behind one proxy, the last X-Forwarded-For entry is what the proxy saw; a forged prefix is ignored.
    settings = {**_rates(client_ip="2/minute"), "NUM_PROXIES": 1}
    with override_settings(REST_FRAMEWORK=settings):
        forged = [
            client_anon.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.7").status_code
            for n in range(3)
        ]
        other_client = client_anon.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR="203.0.113.8").status_code

    assert forged == [200, 200, 429]
    assert other_client == 200


def test_it_throttles_per_token(client_researcher):
    with override_settings(REST_FRAMEWORK=_rates(token="2/minute")):
        codes = [client_researcher.get("/api/v1/sources/", REMOTE_ADDR=f"10.1.0.{n}").status_code for n in range(3)]

    assert codes == [200, 200, 429]


def test_it_answers_throttled_requests_with_the_error_shape_and_retry_after(client_anon):
    with override_settings(REST_FRAMEWORK=_rates(client_ip="1/minute")):
        client_anon.get("/api/v1/sources/")
        response = client_anon.get("/api/v1/sources/")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
