"""The README's mirror section runs: the sync command, then the pandas, SQL and DuckDB analyses on its file."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from events.models import Event
from tests.conftest import ROOT
from tests.factories import ActorFactory

START, END = "<!-- mirror-examples:start -->", "<!-- mirror-examples:end -->"
BLOCK = re.compile(r"^```(sh|python|sql)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(START) : readme.index(END)]
    return [(match.group(1), match.group(2)) for match in BLOCK.finditer(section)]


def test_it_has_the_command_and_three_analyses():
    assert [language for language, _ in _blocks()] == ["sh", "python", "sql", "python"]
    assert "timeline-mirror sync" in _blocks()[0][1]
    assert "pandas" in _blocks()[1][1] and "duckdb" in _blocks()[3][1]


def _world(make_event) -> Counter[str]:
    """Consultations of the United States with two partners (one more often), a sanction, a year-only event."""
    us = ActorFactory(name="United States", kind="state", country_code="US")
    partners = [ActorFactory(name="Freedonia", kind="state", country_code="FD"), ActorFactory(name="Envoy Lee")]
    met: Counter[str] = Counter()
    for partner, event_type, edtf in [
        (partners[0], "visit", "2024-05-17"),
        (partners[0], "talks", "2024-06"),
        (partners[0], "phone_call", "2024-08-03"),
        (partners[1], "meeting", "2024-06-02"),
        (partners[0], "sanction", "2024-07-01"),
        (partners[1], "visit", "2023"),
    ]:
        event = make_event(event_type=event_type, date_edtf=edtf)
        event.actor_links.all().delete()
        event.actor_links.create(actor=us, role="initiator")
        event.actor_links.create(actor=partner, role="target")
        if event_type != "sanction":
            met[partner.name] += 1
    return met


@pytest.mark.django_db(transaction=True)
def test_it_runs_the_readme_examples_in_order(live_server, make_event, tmp_path: Path):
    met = _world(make_event)
    env = {
        **os.environ,
        "API": f"{live_server.url}/api/v1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    outputs = []
    for language, code in _blocks():
        if language == "sql":
            with sqlite3.connect(tmp_path / "timeline-mirror.db") as connection:
                outputs.append(connection.execute(code).fetchall())
            continue
        command = ["bash", "-euo", "pipefail", "-c", code] if language == "sh" else [sys.executable, "-c", code]
        result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{language} example failed:\n{code}\n{result.stdout}\n{result.stderr}"
        outputs.append(result.stdout)

    synced, per_month, actors, duck = outputs
    assert "first sync: 6 events exported" in synced
    # Month rows of the pandas table: the year-only event is left out, the sanction is its own column.
    assert "2024-05" in per_month and "2024-07" in per_month and "2023" not in per_month
    assert "CONSULT" in per_month and "SANCTION" in per_month
    assert [(name, count) for name, _, count in actors] == met.most_common()
    assert Event.objects.filter(place__isnull=False).count() == 6
    assert "AT" in duck and "CONSULT" in duck
