"""``manage.py restore FILE``: bring a ``manage.py backup`` archive back, and prove it.

The database is replaced as a whole (SQLite: the online backup API copies the saved file over the live
one; PostgreSQL: ``pg_restore --clean``), media files are written back under MEDIA_ROOT, and then every
table's row count and content hash is compared with the archive's manifest; any difference fails the
command. Stop the web and worker processes first: a restore under traffic would mix old and new rows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from events.management.commands.backup import (
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_MEMBER,
    PG_MEMBER,
    SQLITE_MEMBER,
    pg_environment,
    table_fingerprints,
)


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    # An archive is data from disk, maybe from elsewhere: refuse links and paths that climb out.
    members = []
    for member in tar.getmembers():
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise CommandError(f"refusing archive member {member.name!r}")
        members.append(member)
    return members


def restore_sqlite(source: Path, target: Path) -> None:
    """Copies the saved database over ``target`` page by page (creating it if missing)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    saved = sqlite3.connect(source)
    live = sqlite3.connect(target)
    try:
        saved.backup(live)
    finally:
        live.close()
        saved.close()


def restore_postgresql(source: Path, config: dict[str, Any]) -> None:
    """``pg_restore --clean --if-exists`` into the configured database (which must exist)."""
    args, env = pg_environment(config)
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", *args]
    command += ["--dbname", config["NAME"], str(source)]
    completed = subprocess.run(command, env=env, capture_output=True)  # noqa: S603 - no shell; args from settings
    if completed.returncode != 0:
        raise CommandError(f"pg_restore failed: {completed.stderr.decode(errors='replace').strip()}")


def restore_archive(
    *, archive: Path, alias: str = "default", media_root: Path | None = None, sqlite_target: Path | None = None
) -> dict[str, Any]:
    """Restores ``archive`` into database ``alias`` (or the SQLite file ``sqlite_target``) and MEDIA_ROOT.

    Returns the manifest. Raises CommandError if the restored tables differ from the manifest.
    """
    media_root = Path(settings.MEDIA_ROOT) if media_root is None else media_root
    with tempfile.TemporaryDirectory(prefix="timeline-restore-") as tmp, tarfile.open(archive, "r:gz") as tar:
        work = Path(tmp)
        tar.extractall(work, members=_safe_members(tar), filter="data")
        manifest: dict[str, Any] = json.loads((work / MANIFEST).read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise CommandError(f"unknown backup format {manifest.get('format')!r}")
        connection = connections[alias]
        vendor = manifest["vendor"]
        if sqlite_target is None and vendor != connection.vendor:
            raise CommandError(f"the backup is of {vendor}; database {alias!r} is {connection.vendor}")
        if vendor == "sqlite":
            target = sqlite_target or Path(connection.settings_dict["NAME"])
            connection.close()
            restore_sqlite(work / SQLITE_MEMBER, target)
            check = sqlite3.connect(target)
            try:
                restored = table_fingerprints(check, "sqlite")
            finally:
                check.close()
        else:
            connection.close()
            restore_postgresql(work / PG_MEMBER, connection.settings_dict)
            connection.ensure_connection()
            restored = table_fingerprints(connection.connection, "postgresql")
            connection.close()
        for relative, digest in manifest["media"].items():
            data = (work / MEDIA_MEMBER / relative).read_bytes()
            if hashlib.sha256(data).hexdigest() != digest:
                raise CommandError(f"media file {relative} in the archive does not match its manifest hash")
            destination = media_root / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
    expected = manifest["tables"]
    differences = [
        name
        for name in sorted(set(expected) | set(restored))
        if name not in restored
        or name not in expected
        or (restored[name].rows, restored[name].sha256) != (expected[name]["rows"], expected[name]["sha256"])
    ]
    if differences:
        raise CommandError(f"restored tables differ from the backup: {', '.join(differences)}")
    return manifest


class Command(BaseCommand):
    help = "Restore a backup archive made by `manage.py backup`, replacing the database, and verify it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The .tar.gz archive.")
        parser.add_argument("--database", default="default", help="Database alias (default: default).")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["file"])
        if not archive.is_file():
            raise CommandError(f"no such file: {archive}")
        if options["interactive"]:
            answer = input(f"This replaces everything in database {options['database']!r}. Type 'yes' to go on: ")
            if answer.strip() != "yes":
                raise CommandError("restore cancelled")
        manifest = restore_archive(archive=archive, alias=options["database"])
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"restored {len(manifest['tables'])} tables, {rows} rows, {len(manifest['media'])} media files "
            f"from a backup of {manifest['created']}; every table matches its manifest hash"
        )
