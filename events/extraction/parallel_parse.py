"""Parsing one long text (or one large batch) on more than one core.

spaCy is about nine tenths of the engine's time and parses some 30 KB of news a second on one core, so a
1 MB article spends over half a minute in ``nlp.pipe``. Its pieces are independent (see ``analysis``),
so they are cut into ``processes`` contiguous shards of about equal size: this process parses the first,
and a forked helper parses each of the others and writes its Docs back down a pipe as one ``DocBin``. A
fork shares the loaded pipeline copy-on-write, so no helper loads the model again, and the Docs are the
same as one process would make (a test compares every token attribute and every event).

Why a plain ``os.fork``: the engine runs in Celery's pool children, which are daemonic, and
``multiprocessing`` (so also ``nlp.pipe(n_process=...)``) refuses to start children from a daemonic
process. That rule keeps orphans from outliving a parent that is terminated; here the kernel ends a
helper with its parent instead. ``nlp.pipe(n_process=...)`` would also leave this process idle while it
waits, and ship each Doc back with its tensor, which the engine never reads (77 MB for 1 MB of text).

Failures cost time, never output: a helper that dies, is killed, cannot be started or sends nothing in
time (:data:`HELPER_GRACE_SECONDS`; a lock held by another thread at the fork could leave it stuck) has
its shard parsed here. An exception here (Celery's soft time limit) kills the helpers in a ``finally``; if this
process is killed outright (Celery's hard limit), the kernel kills them too (``PR_SET_PDEATHSIG``). Only
Linux has that signal, so only Linux forks helpers; elsewhere everything is parsed in this process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
# How long a helper may take before its shard is parsed here instead: a fixed grace plus its characters
# at 2 KB a second, fifteen times slower than a loaded core parses.
HELPER_GRACE_SECONDS = 30.0
HELPER_SLOWEST_CHARS_PER_SECOND = 2_000


def can_fork() -> bool:
    """Whether this process can start helpers that die with it: fork and PR_SET_PDEATHSIG (Linux)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def shard_bounds(sizes: list[int], shards: int) -> list[tuple[int, int]]:
    """Cut ``len(sizes)`` consecutive items into at most ``shards`` runs of about equal total size.

    Returns ``(start, end)`` index pairs that cover every item in order, none empty.
    """
    total = sum(sizes)
    bounds: list[tuple[int, int]] = []
    start = 0
    done = 0
    for shard in range(1, shards):
        goal = total * shard / shards
        end = start
        while end < len(sizes) and done + sizes[end] / 2 < goal:
            done += sizes[end]
            end += 1
        if end > start:
            bounds.append((start, end))
            start = end
    if start < len(sizes):
        bounds.append((start, len(sizes)))
    return bounds


def _die_with_parent(parent: int) -> None:
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # a libc without prctl: the ppid check remains
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _send_shard(nlp: Language, pieces: list[str], batch_size: int, out: int) -> None:
    """Parse ``pieces`` and write them to the file descriptor ``out`` as one DocBin."""
    from spacy.tokens import DocBin

    docs = DocBin(store_user_data=False)
    for doc in nlp.pipe(pieces, batch_size=batch_size):
        docs.add(doc)
    with os.fdopen(out, "wb", closefd=False) as stream:
        stream.write(docs.to_bytes())


@dataclass
class _Helper:
    pid: int
    reader: int  # this process's end of the helper's pipe
    start: int
    end: int


def _start(nlp: Language, pieces: list[str], start: int, end: int, batch_size: int) -> _Helper | None:
    parent = os.getpid()
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError as error:  # out of processes or memory: this process parses the shard
        log.warning("could not start a parse helper (%s); parsing its shard here", error)
        os.close(reader)
        os.close(writer)
        return None
    if pid == 0:  # the helper: never return into the caller's frames, whatever happens
        code = 1
        try:
            os.close(reader)
            _die_with_parent(parent)
            _send_shard(nlp, pieces[start:end], batch_size, writer)
            code = 0
        except BaseException:
            with contextlib.suppress(BaseException):
                log.exception("parse helper %d failed", os.getpid())
        finally:
            os._exit(code)
    os.close(writer)  # the helper's exit must end our read with EOF
    return _Helper(pid, reader, start, end)


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Everything written to ``fd`` until its writer closes it, or None when ``deadline`` passes first."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _received(nlp: Language, helper: _Helper, chars: int) -> list[Doc] | None:
    from spacy.tokens import DocBin

    # A helper parses ~30 KB a second; one that is far slower is stuck (a lock held at the fork, say).
    data = _read_all(helper.reader, time.monotonic() + HELPER_GRACE_SECONDS + chars / HELPER_SLOWEST_CHARS_PER_SECOND)
    if data is None:
        log.warning("a parse helper sent nothing in time; parsing its shard here")
        with contextlib.suppress(ProcessLookupError):
            os.kill(helper.pid, signal.SIGKILL)
    _, status = os.waitpid(helper.pid, 0)
    helper.pid = 0
    expected = helper.end - helper.start
    if data is None:
        return None
    if os.waitstatus_to_exitcode(status) != 0:
        log.warning("a parse helper ended with status %d; parsing its shard here", os.waitstatus_to_exitcode(status))
        return None
    try:
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    except (ValueError, KeyError, TypeError) as error:
        log.warning("a parse helper sent nothing usable (%s); parsing its shard here", error)
        return None
    if len(docs) != expected:
        log.warning("a parse helper sent %d of %d docs; parsing its shard here", len(docs), expected)
        return None
    return docs


def parse_in_processes(nlp: Language, pieces: list[str], *, processes: int, batch_size: int) -> list[Doc]:
    """The Docs of ``pieces``, in order, parsed by this process and ``processes - 1`` forked helpers."""
    bounds = shard_bounds([len(piece) for piece in pieces], processes)
    if len(bounds) < 2:
        return list(nlp.pipe(pieces, batch_size=batch_size))
    helpers: dict[tuple[int, int], _Helper] = {}
    try:
        for start, end in bounds[1:]:
            helper = _start(nlp, pieces, start, end, batch_size)
            if helper is not None:
                helpers[start, end] = helper
        first_start, first_end = bounds[0]
        docs = list(nlp.pipe(pieces[first_start:first_end], batch_size=batch_size))
        received = 0
        for start, end in bounds[1:]:
            chars = sum(map(len, pieces[start:end]))
            shard = _received(nlp, helpers[start, end], chars) if (start, end) in helpers else None
            received += shard is not None
            docs.extend(shard if shard is not None else nlp.pipe(pieces[start:end], batch_size=batch_size))
        log.info(
            "parsed %d characters in %d shards: %d by forked helpers, the rest in pid %d",
            sum(map(len, pieces)),
            len(bounds),
            received,
            os.getpid(),
        )
        return docs
    finally:
        for helper in helpers.values():
            os.close(helper.reader)
            if helper.pid:  # not reaped: this process is leaving early (an exception, a time limit)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(helper.pid, signal.SIGKILL)
                os.waitpid(helper.pid, 0)


__all__ = ["can_fork", "parse_in_processes", "shard_bounds"]
