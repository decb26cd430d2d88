"""The thin management commands: ``timex`` and ``evaluate-timex``."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.evaluation.test_meantime_scorer import SAMPLE


def test_it_prints_timeml_json(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("The envoy arrived early Sunday and will leave on Monday.", encoding="utf-8")
    out = StringIO()
    call_command("timex", str(path), published="2025-04-06", json=True, stdout=out)
    rows = json.loads(out.getvalue())["timexes"]
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [
        ("early Sunday", "DATE", "2025-04-06"),
        ("Monday", "DATE", "2025-04-07"),
    ]
    text = path.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_it_refuses_a_bad_publication_date(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Nothing.", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("timex", str(path), published="April 6")


def test_evaluate_timex_scores_a_directory(tmp_path):
    (tmp_path / "sample.xml").write_text(SAMPLE, encoding="utf-8")
    out = StringIO()
    call_command("evaluate-timex", data=tmp_path, stdout=out)
    output = out.getvalue()
    assert "1 documents, 3 gold TIMEX3" in output
    assert "value" in output and "HeidelTime" in output
