"""DJANGO_ENV=production: Django's deployment checks pass, and a misconfiguration refuses to start."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# Variables of the test process that a production process would not have (the browser tests set the
# async-unsafe switch for Playwright, and check --deploy rightly refuses it).
NOT_INHERITED = {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "timeline.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "timeline.example",
}


def test_it_passes_check_deploy_with_no_warning() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "message"),
    [
        pytest.param({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is required", id="no-allowed-hosts"),
        pytest.param({"SECRET_KEY": ""}, "SECRET_KEY is required", id="no-secret-key"),
        pytest.param({"DEBUG": "true"}, "DEBUG must be off", id="debug-on"),
        pytest.param({"DJANGO_ENV": "prod"}, "use development or production", id="unknown-env"),
    ],
)
def test_it_refuses_to_start_misconfigured(override: dict[str, str], message: str) -> None:
    result = manage("check", **{**PRODUCTION, **override})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_values() -> None:
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_PROXY_SSL_HEADER, s.STORAGES['staticfiles']['BACKEND'], s.LOG_FORMAT)"
    )
    base = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "timeline.settings",
            **PRODUCTION,
            "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto=https",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == (
        "True True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') "
        "whitenoise.storage.CompressedManifestStaticFilesStorage json"
    )
