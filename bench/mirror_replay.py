"""The mirror client alone: a first sync whose export is read from an NDJSON file instead of the API.

``bench/mirror.py`` runs it as a subprocess (with the client checkout it measures first on the path) to
tell the client's own speed from the server's: the end-to-end first sync can go no faster than the
export streams. Prints one line: ``CLIENT_ALONE events=<n> seconds=<s>``.

    .venv/bin/python -m bench.mirror_replay --export events.ndjson --db sqlite:///copy.db
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mirror.client import ChangePage, ExportStart
from mirror.sync import mirror_sync


class FileClient:
    """What ``mirror_sync`` asks of an API client, answered from a saved export and an empty feed."""

    root = "http://bench.invalid/api/v1/"
    requests = 0

    def __init__(self, path: str) -> None:
        self.path = path

    @contextmanager
    def export(self, *, topic: str | None) -> Iterator[tuple[ExportStart, Iterator[dict[str, Any]]]]:
        def items() -> Iterator[dict[str, Any]]:
            with open(self.path, "rb") as lines:
                for line in lines:
                    if line.strip():
                        yield json.loads(line)

        yield ExportStart(head=0, total=None), items()

    def changes(self, *, after: int, page_size: int, url: str | None = None) -> ChangePage:
        return ChangePage(entries=[], head=after, next_url=None)

    def close(self) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export", required=True, help="an NDJSON export (citations embedded)")
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    summary = mirror_sync(api=FileClient.root, db=args.db, client=FileClient(args.export))  # type: ignore[arg-type]
    print(f"CLIENT_ALONE events={summary.exported} seconds={time.perf_counter() - started:.3f}", flush=True)


if __name__ == "__main__":
    main()
