"""Parsing one long text (or one large batch) on more than one core.

spaCy is about nine tenths of the engine's time and parses some 30 KB of news a second on one core, so a
1 MB article spends over half a minute in ``nlp.pipe``. Its pieces are independent (see ``analysis``),
so they are cut into ``processes`` contiguous shards of about equal size: this process parses the first,
and a forked helper parses each of the others and sends its Docs back as one ``DocBin``. A fork shares
the loaded pipeline copy-on-write, so no helper loads the model again, and the Docs are the same as one
process would make (a test compares every token attribute and every event).

Why not ``nlp.pipe(n_process=...)``: it leaves this process idle while it waits, and ships each Doc back
with its tensor, which the engine never reads (96 floats a token, 77 MB for 1 MB of text).

Failures cost time, never output: a helper that dies, is killed or cannot be started has its shard
parsed here. An exception here (Celery's soft time limit) kills the helpers in a ``finally``; if this
process is killed outright (Celery's hard limit), the kernel kills them too (``PR_SET_PDEATHSIG``, on
Linux; elsewhere a helper ends when it finds its pipe closed).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    """Whether this process may start helpers: fork exists here and this is not a daemonic child."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return not multiprocessing.current_process().daemon


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
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # a libc without prctl: the pipe check remains
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _helper(nlp: Language, pieces: list[str], batch_size: int, sender: Connection, parent: int) -> None:
    """A forked helper's life: bound to its parent's, then one shard parsed and sent."""
    _die_with_parent(parent)
    _send_shard(nlp, pieces, batch_size, sender)


def _send_shard(nlp: Language, pieces: list[str], batch_size: int, sender: Connection) -> None:
    """Parse ``pieces`` and send them back as one DocBin."""
    from spacy.tokens import DocBin

    docs = DocBin(store_user_data=False)
    for doc in nlp.pipe(pieces, batch_size=batch_size):
        docs.add(doc)
    sender.send_bytes(docs.to_bytes())
    sender.close()


def _received(nlp: Language, receiver: Connection, expected: int) -> list[Doc] | None:
    from spacy.tokens import DocBin

    try:
        data = receiver.recv_bytes()
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    except (EOFError, OSError, ValueError) as error:
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
    context = multiprocessing.get_context("fork")
    helpers: dict[tuple[int, int], tuple[BaseProcess, Connection]] = {}
    finished = False
    try:
        for start, end in bounds[1:]:
            receiver, sender = context.Pipe(duplex=False)
            helper = context.Process(
                target=_helper,
                args=(nlp, pieces[start:end], batch_size, sender, os.getpid()),
                name="parse-helper",
            )
            try:
                helper.start()
            except OSError as error:  # out of processes or memory: this process parses the shard
                log.warning("could not start a parse helper (%s); parsing its shard here", error)
                receiver.close()
            else:
                helpers[start, end] = (helper, receiver)
            finally:
                sender.close()  # this process's copy: a helper's death must end our recv with EOF
        first_start, first_end = bounds[0]
        docs = list(nlp.pipe(pieces[first_start:first_end], batch_size=batch_size))
        for start, end in bounds[1:]:
            shard = _received(nlp, helpers[start, end][1], end - start) if (start, end) in helpers else None
            docs.extend(shard if shard is not None else nlp.pipe(pieces[start:end], batch_size=batch_size))
        finished = True
        return docs
    finally:
        for process, receiver in helpers.values():
            receiver.close()
            if finished:
                process.join(timeout=5)  # it has sent its shard and is exiting
            if process.is_alive():
                process.kill()
            process.join()


__all__ = ["can_fork", "parse_in_processes", "shard_bounds"]
