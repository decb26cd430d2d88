"""``manage.py evaluate``: one table over every set, and the older single-set mode."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.evaluation.suite import Row, format_table

ARTICLE = "OSLO (AP) — The foreign ministers of two neighbouring states met in Oslo on Tuesday.\n"


def _shared(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    (shared / "gold").mkdir(parents=True)
    (shared / "corpus").mkdir()
    (shared / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    event = {"quote": "met in Oslo on Tuesday", "date": "2024-03-12", "status": "occurred", "location": ["Oslo"]}
    gold = {"a.txt": {"published": "2024-03-14", "events": [event]}}
    (shared / "gold" / "seed.json").write_text(json.dumps(gold), encoding="utf-8")
    return shared


def test_it_prints_one_table_over_the_sets_it_finds(tmp_path: Path) -> None:
    shared = _shared(tmp_path)
    out = StringIO()
    call_command("evaluate", shared=shared, cache=tmp_path / "cache", stdout=out)
    lines = out.getvalue().splitlines()
    seed = next(line for line in lines if line.startswith("seed "))
    assert seed.split()[1:6] == ["1", "1", "1.000", "1.000", "1.000"]
    assert any(line.startswith("dev ") and "missing" not in line for line in lines)
    for name in ("real-dev", "MEANTIME value", "TBAQ value", "SemEval timelines"):
        assert any(line.startswith(name) and "missing" in line for line in lines)
    assert "read from cache 0" in lines[-1]
    again = StringIO()
    call_command("evaluate", shared=shared, cache=tmp_path / "cache", stdout=again)
    assert "texts parsed 0" in again.getvalue().splitlines()[-1]


def test_it_keeps_the_single_set_mode(tmp_path: Path) -> None:
    shared = _shared(tmp_path)
    out = StringIO()
    call_command("evaluate", str(shared / "gold" / "seed.json"), str(shared / "corpus"), stdout=out)
    assert "overall: precision 1.000  recall 1.000" in out.getvalue()


def test_it_refuses_half_a_single_set_and_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="both"):
        call_command("evaluate", str(tmp_path / "gold.json"))
    with pytest.raises(CommandError, match="no such folder"):
        call_command("evaluate", shared=tmp_path / "absent")


def test_a_figure_that_does_not_apply_is_a_dash() -> None:
    lines = format_table([Row("binding", 3, 10, date=0.5, baseline=0.25, note="n")])
    assert lines[1].split()[:5] == ["binding", "3", "10", "-", "-"]
    assert "0.500" in lines[1] and "0.250" in lines[1] and lines[1].endswith("(n)")


def test_verbose_names_each_wrong_status_date_and_place_beside_gold(tmp_path: Path) -> None:
    shared = _shared(tmp_path)
    gold = json.loads((shared / "gold" / "seed.json").read_text(encoding="utf-8"))
    event = gold["a.txt"]["events"][0]
    wrong = [
        {**event, "status": "scheduled", "location": ["Bergen"]},
        {**event, "quote": "The foreign ministers", "date": "2024-02-01", "location": []},
    ]
    gold["a.txt"]["events"] = wrong
    (shared / "gold" / "seed.json").write_text(json.dumps(gold), encoding="utf-8")
    out = StringIO()
    call_command("evaluate", shared=shared, cache=tmp_path / "cache", verbose=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert "seed STATUS a.txt: gold scheduled ours occurred | 'met in Oslo on Tuesday'" in lines
    assert "seed PLACE  a.txt: gold Bergen ours Oslo | 'met in Oslo on Tuesday'" in lines
    assert "seed DATE   a.txt: gold 2024-02-01 ours 2024-03-12 | 'The foreign ministers'" in lines
