"""The ``extract`` management command: JSON shape and clean errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

TEXT = "Foreign Minister Penny Wong traveled to Tokyo on Monday for talks with her counterpart.\n"


def test_it_prints_the_article_and_its_events_as_json(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = StringIO()
    call_command("extract", str(article), "--published", "2024-06-12", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["article"]["published"] == "2024-06-12"
    [event] = data["events"]
    assert {"title", "type", "status", "date", "start", "end", "precision", "location", "actors", "citation"} <= set(
        event
    )
    assert (event["date"], event["start"], event["end"], event["precision"]) == ("2024-06-10",) * 3 + ("day",)
    assert event["location"]["name"] == "Tokyo" and event["location"]["country"] == "JP"
    assert event["citation"]["time_text"] == "Monday"
    assert TEXT[event["citation"]["start"] : event["citation"]["end"]] == event["citation"]["quote"]


def test_it_refuses_a_missing_file_and_a_bad_date(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("extract", str(tmp_path / "missing.txt"))
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("extract", str(article), "--published", "12/06/2024")


@pytest.mark.parametrize(("processes", "helpers"), [(1, 0), (2, 1), (3, 2)])
def test_it_parses_with_as_many_processes_as_the_settings_say(
    processes: int, helpers: int, tmp_path: Path, settings: Any, helper_pids: Callable[[], list[int]]
) -> None:
    from events.extraction import parallel_parse

    if not parallel_parse.can_fork():
        pytest.skip("this platform cannot fork helpers")
    settings.EXTRACTION_PROCESSES = processes
    settings.EXTRACTION_PARALLEL_MIN_CHARS = 0
    article = tmp_path / "a.txt"
    article.write_text((TEXT + "\n") * 6, encoding="utf-8")
    out = StringIO()
    call_command("extract", str(article), "--published", "2024-06-12", "--json", stdout=out)
    assert len(helper_pids()) == helpers
    [event] = json.loads(out.getvalue())["events"]  # six reports of one trip, merged as with one process
    assert event["location"]["name"] == "Tokyo"


@pytest.mark.parametrize("command", ["extract", "timex"])
def test_a_missing_spacy_pipeline_is_a_sentence_not_a_traceback(command: str, tmp_path: Path, settings: Any) -> None:
    settings.SPACY_MODEL = "no_such_pipeline"
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    with pytest.raises(CommandError, match=r"'no_such_pipeline' is not installed: install requirements-model\.txt"):
        call_command(command, str(article), "--published", "2024-06-12")
