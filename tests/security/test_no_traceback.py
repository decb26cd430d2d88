"""No stack trace reaches a client: a view that raises gets a bare 500 (or 503 for a lost database)."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

SECRET_DETAIL = "secret-detail-7f3a"


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(f"kaboom {SECRET_DETAIL} /etc/passwd")


def db_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError(f"could not connect to server {SECRET_DETAIL}")


urlpatterns = [
    path("boom/", boom),
    path("db-gone/", db_gone),
    path("api/v1/boom/", boom),
    path("", include("timeline.urls")),
]
handler500 = "timeline.health.server_error"

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


@override_settings(DEBUG=False)
def test_a_crashing_page_shows_no_trace(client: Client) -> None:
    response = client.get("/boom/", HTTP_X_REQUEST_ID="req-12345678")
    assert response.status_code == 500
    body = response.content.decode()
    for leak in (SECRET_DETAIL, "Traceback", "RuntimeError", "kaboom", 'File "', "settings"):
        assert leak not in body
    assert "req-12345678" in body  # the reference an editor can quote to whoever reads the logs


@override_settings(DEBUG=False)
def test_a_crashing_api_call_answers_in_the_apis_error_shape(client: Client) -> None:
    response = client.get("/api/v1/boom/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert SECRET_DETAIL not in response.content.decode()


@override_settings(DEBUG=False)
def test_a_lost_database_answers_503_with_retry_after(client: Client) -> None:
    response = client.get("/db-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert SECRET_DETAIL not in response.content.decode()


@override_settings(DEBUG=False)
def test_the_error_is_logged_with_its_trace(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    client.get("/boom/")
    assert any(r.exc_info and SECRET_DETAIL in str(r.exc_info[1]) for r in caplog.records)
