"""The README's API examples (curl and Python) run against a live server and succeed."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from events.models import Topic
from tests.conftest import ROOT

START, END = "<!-- api-examples:start -->", "<!-- api-examples:end -->"
BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(START) : readme.index(END)]
    return [(match.group(1), match.group(2)) for match in BLOCK.finditer(section)]


def test_it_finds_curl_and_python_examples():
    languages = [language for language, _ in _blocks()]

    assert languages.count("sh") >= 2 and languages.count("python") >= 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("index", range(len(_blocks())), ids=lambda i: f"{_blocks()[i][0]}-{i}")
def test_it_runs_the_readme_example(index, live_server, make_event, monkeypatch, tmp_path):
    monkeypatch.setattr("events.services.queue._send", lambda name, article_id: None)
    topic = Topic.objects.create(slug="us-china", name="U.S.–China relations")
    for date_edtf in ("2024-05", "2024-06-18", "2023"):
        make_event(date_edtf=date_edtf).topic_memberships.create(topic=topic)
    get_user_model().objects.create_user(username="reader", password="pw-Readme-12345")
    env = {**os.environ, "API": f"{live_server.url}/api/v1", "API_USER": "reader", "API_PASSWORD": "pw-Readme-12345"}
    language, code = _blocks()[index]
    command = ["bash", "-euo", "pipefail", "-c", code] if language == "sh" else [sys.executable, "-c", code]

    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)

    output = f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    assert result.returncode == 0, f"{language} example failed:\n{code}\n{output}"
