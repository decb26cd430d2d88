"""The admin login and `make run` say when the one-time code is needed and how to set it up (issue 17)."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_marks_the_one_time_code_optional_until_two_factor_is_set_up(client: Client) -> None:
    html = client.get("/admin/login/").content.decode()
    label = re.search(r'<label for="id_otp_token"([^>]*)>(.*?)</label>', html, re.S)
    assert label is not None
    assert "required" not in label.group(1)
    assert "only if you have set up two-factor" in label.group(2)
    assert "/admin/two-factor/" in html


def test_ensure_admin_prints_how_to_set_up_two_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_PASSWORD", "pw-Long-enough-1234")
    for _ in range(2):  # the first run creates the account, the second finds it: both say how
        out = StringIO()
        call_command("ensure_admin", stdout=out)
        assert "/admin/two-factor/" in out.getvalue()


def test_bin_run_runs_ensure_admin_whose_output_is_not_hidden() -> None:
    from pathlib import Path

    script = (Path(__file__).resolve().parents[2] / "bin" / "run").read_text()
    line = next(line for line in script.splitlines() if "ensure_admin" in line)
    assert ">" not in line and "-v 0" not in line
