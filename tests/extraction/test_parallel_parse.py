"""A long text parsed by this process and forked helpers gives the Docs and events one process gives.

The helpers are real forked processes running the real pipeline; faults are made by replacing the
helper's body (a fork runs whatever ``parallel_parse._send_shard`` is at that moment) or by signals.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.extraction import parallel_parse
from events.extraction.analysis import parse_texts, pipeline_for, split_pieces
from events.extraction.cleaning import clean_text
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract, extract_many

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = Path(__file__).parent / "devgold" / "articles"
PUBLISHED = date(2024, 6, 12)
# Small pieces, so a short text still makes many pieces and every shard holds several.
SERIAL = ExtractionConfig(chunk_chars=1_200)
PARALLEL = replace(SERIAL, processes=2, parallel_min_chars=0)

pytestmark = pytest.mark.skipif(not parallel_parse.can_fork(), reason="this platform cannot fork helpers")


@pytest.fixture(scope="module")
def long_text() -> str:
    articles = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(ARTICLES.glob("*.txt"))]
    return "\n\n".join(articles)


def _token_rows(doc: Any) -> list[tuple[object, ...]]:
    return [
        (
            t.idx,
            t.text_with_ws,
            t.tag_,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.dep_,
            t.head.i,
            t.ent_iob_,
            t.ent_type_,
            t.is_sent_start,
        )
        for t in doc
    ]


def test_it_gives_every_token_what_one_process_gives(long_text: str, helper_pids: Callable[[], list[int]]) -> None:
    nlp = pipeline_for(SERIAL.spacy_model)
    (serial,) = parse_texts(nlp, [long_text], max_chars=1_200, batch_size=8)
    (parallel,) = parse_texts(nlp, [long_text], max_chars=1_200, batch_size=8, processes=3, parallel_min_chars=0)
    helpers = helper_pids()
    assert len(helpers) == 2 and os.getpid() not in helpers  # two forked helpers did parse shards
    assert parallel.text == long_text
    assert _token_rows(parallel) == _token_rows(serial)
    assert [(s.start, s.end) for s in parallel.sents] == [(s.start, s.end) for s in serial.sents]


def test_it_finds_the_same_events_with_helpers(long_text: str, helper_pids: Callable[[], list[int]]) -> None:
    serial = extract(long_text, PUBLISHED, SERIAL)
    parallel = extract(long_text, PUBLISHED, PARALLEL)
    assert helper_pids()
    assert len(serial.events) > 40
    assert parallel == serial


def test_it_keeps_a_batch_of_articles_in_order(long_text: str, helper_pids: Callable[[], list[int]]) -> None:
    articles = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(ARTICLES.glob("*.txt"))][:8]
    serial = list(extract_many(((a, PUBLISHED) for a in articles), SERIAL))
    parallel = list(extract_many(((a, PUBLISHED) for a in articles), PARALLEL))
    assert helper_pids()
    assert [r.text for r in parallel] == articles
    assert parallel == serial


def test_it_parses_a_short_text_here(long_text: str, helper_pids: Callable[[], list[int]]) -> None:
    config = replace(PARALLEL, parallel_min_chars=len(long_text) + 1)
    assert extract(long_text, PUBLISHED, config) == extract(long_text, PUBLISHED, SERIAL)
    assert helper_pids() == []


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param("os._exit(3)", id="helper-dies"),
        pytest.param("raise RuntimeError('boom')", id="helper-raises"),
        pytest.param("os.write(out, b'not a DocBin')", id="helper-sends-garbage"),
        pytest.param("os.write(out, b'')", id="helper-sends-nothing"),
        pytest.param("os.kill(os.getpid(), signal.SIGKILL)", id="helper-killed"),
    ],
)
def test_it_parses_a_failed_helpers_shard_itself(
    fault: str, long_text: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def failing(nlp: Any, pieces: list[str], batch_size: int, out: int) -> None:
        exec(fault, {"os": os, "signal": signal, "out": out})  # noqa: S102 - the fault's own text

    monkeypatch.setattr(parallel_parse, "_send_shard", failing)
    with caplog.at_level(logging.WARNING, logger="events.extraction.parallel_parse"):
        parallel = extract(long_text, PUBLISHED, PARALLEL)
    assert "parsing its shard here" in caplog.text
    assert parallel == extract(long_text, PUBLISHED, SERIAL)
    assert _children() == []


def test_it_kills_a_stuck_helper_and_parses_its_shard_here(
    long_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    started = tmp_path / "started"

    def stuck(*args: Any) -> None:
        started.write_text(str(os.getpid()))
        time.sleep(600)

    monkeypatch.setattr(parallel_parse, "_send_shard", stuck)
    monkeypatch.setattr(parallel_parse, "HELPER_GRACE_SECONDS", 1.0)
    monkeypatch.setattr(parallel_parse, "HELPER_SLOWEST_CHARS_PER_SECOND", 10**9)
    with caplog.at_level(logging.WARNING, logger="events.extraction.parallel_parse"):
        parallel = extract(long_text, PUBLISHED, PARALLEL)
    assert "sent nothing in time" in caplog.text
    assert parallel == extract(long_text, PUBLISHED, SERIAL)
    assert not _alive(int(started.read_text()))
    assert _children() == []


def test_it_parses_here_when_a_helper_cannot_start(long_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    assert extract(long_text, PUBLISHED, PARALLEL) == extract(long_text, PUBLISHED, SERIAL)


def _children() -> list[int]:
    """Pids of this process's children, zombies included (every helper must be reaped)."""
    me = os.getpid()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == me:
                found.append(int(entry.name))
    return found


class _Deadline(Exception):
    """Stands in for Celery's SoftTimeLimitExceeded, raised from a signal handler while this waits."""


def test_it_kills_its_helpers_when_the_caller_is_interrupted(
    long_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = tmp_path / "started"

    def stuck(*args: Any) -> None:
        started.write_text(str(os.getpid()))
        time.sleep(600)

    def deadline(signum: int, frame: object) -> None:
        raise _Deadline

    monkeypatch.setattr(parallel_parse, "_send_shard", stuck)
    previous = signal.signal(signal.SIGALRM, deadline)
    signal.alarm(3)
    try:
        with pytest.raises(_Deadline):
            extract(long_text, PUBLISHED, PARALLEL)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    pid = int(started.read_text())
    assert not _alive(pid)
    assert _children() == []


def _alive(pid: int) -> bool:
    """Running, or a zombie nobody has reaped yet (which counts as dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_its_helpers_die_with_a_killed_caller(tmp_path: Path) -> None:
    """Celery's hard time limit SIGKILLs the worker process: no helper may outlive it."""
    script = textwrap.dedent(
        f"""
        import datetime, os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from dataclasses import replace
        from events.extraction import parallel_parse
        from events.extraction.config import ExtractionConfig
        from events.extraction.pipeline import extract

        def stuck(*args):
            print(os.getpid(), flush=True)
            time.sleep(600)

        parallel_parse._send_shard = stuck
        config = ExtractionConfig(chunk_chars=1_200, processes=2, parallel_min_chars=0)
        text = ("The minister met officials in Hanoi on Monday. " * 40 + "\\n\\n") * 40
        extract(text, None, config, reference=datetime.date(2026, 1, 5))
        """
    )
    caller = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert caller.stdout is not None
        pid = int(caller.stdout.readline())
        assert _alive(pid)
    finally:
        caller.kill()
        caller.wait()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def _extract_in_daemon(text: str, queue: Any) -> None:
    queue.put(extract(text, PUBLISHED, PARALLEL))


def test_a_daemonic_pool_child_forks_helpers_too(long_text: str, helper_pids: Callable[[], list[int]]) -> None:
    """Celery's pool children are daemonic; multiprocessing would refuse them children, a fork does not."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_extract_in_daemon, args=(long_text, queue), daemon=True)
    child.start()
    parallel = queue.get(timeout=120)
    child.join()
    assert child.exitcode == 0
    helpers = helper_pids()
    assert len(helpers) == 1 and child.pid not in helpers
    assert parallel == extract(long_text, PUBLISHED, SERIAL)


@given(st.lists(st.integers(min_value=0, max_value=5_000), max_size=60), st.integers(min_value=1, max_value=6))
def test_shards_cover_every_piece_in_order_and_about_evenly(sizes: list[int], shards: int) -> None:
    bounds = parallel_parse.shard_bounds(sizes, shards)
    assert len(bounds) <= shards
    assert [i for start, end in bounds for i in range(start, end)] == list(range(len(sizes)))
    assert all(end > start for start, end in bounds)
    if sizes and len(bounds) == shards:
        goal = sum(sizes) / shards
        for start, end in bounds:
            assert abs(sum(sizes[start:end]) - goal) <= max(sizes) * 1.5 + 1


def test_split_pieces_of_the_test_text_make_several_shards(long_text: str) -> None:
    pieces = split_pieces(long_text, 1_200)
    bounds = parallel_parse.shard_bounds([len(p) for p in pieces], 2)
    assert len(bounds) == 2
    first, second = (sum(len(p) for p in pieces[s:e]) for s, e in bounds)
    assert abs(first - second) <= 1_200
