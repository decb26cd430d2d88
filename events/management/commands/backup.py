"""``manage.py backup [--output DIR]``: one archive with the database, MEDIA_ROOT and a manifest.

The articles' originals are rows in the database (``Article.original``), so the database dump holds
every editor's upload; MEDIA_ROOT is added too when it has files, so nothing stored beside the
database is forgotten if a later feature puts files there.

- SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot page by
  page while the site keeps serving and the worker keeps writing; copying the file could catch a
  half-written transaction or miss the WAL.
- PostgreSQL: ``pg_dump --format=custom`` (consistent by its own snapshot), restored by ``pg_restore``.

The manifest records, per table, the row count and a SHA-256 over the rows in key order, so a restore
can prove it brought back exactly what was saved (``manage.py restore`` checks it).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"
MEDIA_MEMBER = "media"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class TableFingerprint:
    rows: int
    sha256: str


def _tables(cursor: Any, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    else:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
    return [row[0] for row in cursor.fetchall()]


def table_fingerprints(dbapi_connection: Any, vendor: str) -> dict[str, TableFingerprint]:
    """Row count and content hash of every table, over a plain DB-API connection (sqlite3 or psycopg).

    Each row is read as the database's own text form (SQLite's ``quote()``, PostgreSQL's ``row::text``),
    so the hash does not depend on the driver's type conversions (Django's connection turns timestamps
    into datetimes, a plain one does not); rows are hashed in the order of that text, so physical order
    does not matter either. Compare SQLite with SQLite and PostgreSQL with PostgreSQL.
    """
    result: dict[str, TableFingerprint] = {}
    cursor = dbapi_connection.cursor()
    try:
        for table in _tables(cursor, vendor):
            quoted = '"' + table.replace('"', '""') + '"'
            if vendor == "sqlite":
                cursor.execute(f"PRAGMA table_info({quoted})")
                names = [row[1] for row in cursor.fetchall()]
                columns = ", ".join('quote("' + name.replace('"', '""') + '")' for name in names)
                order = ", ".join(str(i) for i in range(1, len(names) + 1))
                query = f"SELECT {columns} FROM {quoted} ORDER BY {order}"  # noqa: S608 - names from the catalogue
            else:
                query = f"SELECT t::text FROM {quoted} AS t ORDER BY 1"  # noqa: S608 - names from the catalogue
            # Ordered by the database and streamed: a large table is never held in memory at once.
            cursor.execute(query)
            digest = hashlib.sha256()
            rows = 0
            for row in cursor:
                digest.update(repr(tuple(row)).encode())
                digest.update(b"\n")
                rows += 1
            result[table] = TableFingerprint(rows, digest.hexdigest())
    finally:
        cursor.close()
    return result


def pg_environment(config: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump/pg_restore/psql from a DATABASES entry."""
    args = []
    if config.get("HOST"):
        args += ["--host", str(config["HOST"])]
    if config.get("PORT"):
        args += ["--port", str(config["PORT"])]
    if config.get("USER"):
        args += ["--username", str(config["USER"])]
    env = dict(os.environ)
    if config.get("PASSWORD"):
        # In the environment, never on the command line (where every user of the machine can read it).
        env["PGPASSWORD"] = str(config["PASSWORD"])
    return args, env


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file())


def backup_write(*, alias: str = "default", output_dir: Path, media_root: Path | None = None) -> Path:
    """Writes ``timeline-backup-<UTC time>.tar.gz`` into ``output_dir`` and returns its path."""
    connection = connections[alias]
    vendor = connection.vendor
    media_root = Path(settings.MEDIA_ROOT) if media_root is None else media_root
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(tz=UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archive_path = output_dir / f"timeline-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="timeline-backup-") as tmp:
        work = Path(tmp)
        if vendor == "sqlite":
            member = SQLITE_MEMBER
            connection.ensure_connection()
            target = sqlite3.connect(work / member)
            try:
                # pages=0: one step, one consistent snapshot; writers wait on the busy timeout meanwhile.
                connection.connection.backup(target)
                fingerprints = table_fingerprints(target, "sqlite")
            finally:
                target.close()
        elif vendor == "postgresql":
            member = PG_MEMBER
            # The manifest must describe exactly what pg_dump saved, even while the site keeps writing:
            # hold one repeatable-read snapshot, hand it to pg_dump, and fingerprint from the same one.
            raw = connection.get_new_connection(connection.get_connection_params())
            try:
                raw.autocommit = False
                with raw.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = cursor.fetchone()[0]
                args, env = pg_environment(connection.settings_dict)
                command = ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}", *args]
                command += ["--file", str(work / member), connection.settings_dict["NAME"]]
                completed = subprocess.run(command, env=env, capture_output=True)  # noqa: S603 - no shell; args from settings
                if completed.returncode != 0:
                    raise CommandError(f"pg_dump failed: {completed.stderr.decode(errors='replace').strip()}")
                fingerprints = table_fingerprints(raw, "postgresql")
            finally:
                raw.rollback()
                raw.close()
        else:
            raise CommandError(f"backup supports SQLite and PostgreSQL, not {vendor}")
        media = _media_files(media_root)
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(tz=UTC).isoformat(),
            "vendor": vendor,
            "database": member,
            "tables": {name: {"rows": f.rows, "sha256": f.sha256} for name, f in fingerprints.items()},
            "media": {str(p.relative_to(media_root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in media},
        }
        partial = archive_path.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(work / member, arcname=member)
            for path in media:
                tar.add(path, arcname=f"{MEDIA_MEMBER}/{path.relative_to(media_root)}")
        # Renamed only when complete: a crash never leaves something that looks like a good backup.
        shutil.move(partial, archive_path)
    archive_path.chmod(0o600)  # it holds every account's password hash
    return archive_path


class Command(BaseCommand):
    help = "Back up the database (and MEDIA_ROOT if it has files) into one .tar.gz archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "backups"), help="Directory to write to.")
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, *args: Any, **options: Any) -> None:
        path = backup_write(alias=options["database"], output_dir=Path(options["output"]))
        self.stdout.write(str(path))
