"""The ``timeline-mirror`` command: ``sync`` (once, or every N seconds with ``--watch``) and ``verify``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from mirror import __version__
from mirror.client import ApiClient
from mirror.database import engine_for, schema_upgrade
from mirror.errors import MirrorError
from mirror.read import mirror_events
from mirror.sync import EXPORT_BATCH, FEED_PAGE, mirror_sync

DEFAULT_DB = "sqlite:///timeline-mirror.db"


def _progress(enabled: bool) -> Any:
    def make(total: int | None) -> Any:
        from tqdm import tqdm

        return tqdm(total=total, unit=" events", unit_scale=True, disable=not enabled, file=sys.stderr, leave=False)

    return make


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-mirror", description="Keep a local SQL database equal to a diplomatic-timeline API."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    sync = commands.add_parser("sync", help="bring the database level with the API (the first run loads everything)")
    verify = commands.add_parser("verify", help="compare the database with the API's export, event by event")
    for sub in (sync, verify):
        sub.add_argument("--api", required=True, help="the API root, e.g. https://timeline.example.org/api/v1/")
        sub.add_argument("--db", default=DEFAULT_DB, help=f"database URL or SQLite file (default {DEFAULT_DB})")
        sub.add_argument("--token", default=os.environ.get("TIMELINE_TOKEN"), help="API token (or TIMELINE_TOKEN)")
        sub.add_argument("--topic", help="follow one topic (its slug) instead of every event")
    sync.add_argument("--watch", type=float, metavar="SECONDS", help="keep following the feed, every SECONDS")
    sync.add_argument("--no-progress", action="store_true", help="no progress bar on the first sync")
    sync.add_argument("--export-batch", type=int, default=EXPORT_BATCH, help="events per transaction on the first sync")
    sync.add_argument("--page-size", type=int, default=FEED_PAGE, help="change-feed entries per request (1..1000)")
    return parser


def _verify(args: argparse.Namespace) -> int:
    client = ApiClient(args.api, token=args.token)
    engine = engine_for(args.db)
    try:
        schema_upgrade(engine)
        with client.export(topic=args.topic) as (_, items):
            source = {item["id"]: item for item in items}
        with engine.connect() as connection:
            mirrored = {item["id"]: item for item in mirror_events(connection)}
    finally:
        client.close()
        engine.dispose()
    missing = sorted(source.keys() - mirrored.keys())
    extra = sorted(mirrored.keys() - source.keys())
    differ = sorted(pk for pk in source.keys() & mirrored.keys() if source[pk] != mirrored[pk])
    print(json.dumps({"events": len(source), "missing": missing[:20], "extra": extra[:20], "different": differ[:20]}))
    return 0 if not (missing or extra or differ) else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "verify":
            return _verify(args)
        while True:
            summary = mirror_sync(
                api=args.api,
                db=args.db,
                token=args.token,
                topic=args.topic,
                progress=_progress(not args.no_progress and sys.stderr.isatty()),
                export_batch=args.export_batch,
                feed_page=args.page_size,
            )
            print(summary.line(), flush=True)
            if not args.watch:
                return 0
            time.sleep(args.watch)
    except MirrorError as exc:
        print(f"timeline-mirror: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
