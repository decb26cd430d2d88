"""``manage.py restore FILE``: bring a ``manage.py backup`` archive back, and prove it.

The whole archive is verified before the live data is touched: every media file against its hash,
and every table's row count and content hash against the manifest, read from the saved SQLite file
itself or from a new PostgreSQL database the dump is restored into first. Only then is the database
replaced (SQLite: the online backup API copies the saved file over the live one in one transaction;
PostgreSQL: the checked new database takes the live one's name) and the media written back. The data
it replaces is kept (a copy of the SQLite file beside it; the renamed PostgreSQL database) and named
in the output. Stop the web and worker processes first: a restore under traffic would mix old and new
rows (on PostgreSQL the rename refuses while sessions are connected).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
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


def _pg_admin(config: dict[str, Any]) -> Any:
    """An autocommit connection to the server's maintenance database (to create, rename, drop)."""
    import psycopg

    return psycopg.connect(**_pg_params(config), dbname="postgres", autocommit=True)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _differences(expected: dict[str, Any], restored: dict[str, Any]) -> list[str]:
    return [
        name
        for name in sorted(set(expected) | set(restored))
        if name not in restored
        or name not in expected
        or (restored[name].rows, restored[name].sha256) != (expected[name]["rows"], expected[name]["sha256"])
    ]


def _check_tables(manifest: dict[str, Any], restored: dict[str, Any], what: str) -> None:
    differences = _differences(manifest["tables"], restored)
    if differences:
        raise CommandError(f"{what} differ from the backup's manifest: {', '.join(differences)}")


def _check_media(work: Path, manifest: dict[str, Any]) -> dict[str, bytes]:
    """Every media file of the manifest, read and checked against its hash; nothing is written yet."""
    files: dict[str, bytes] = {}
    for relative, digest in manifest["media"].items():
        path = PurePosixPath(relative)
        if path.is_absolute() or ".." in path.parts:
            raise CommandError(f"refusing media path {relative!r} in the manifest")
        source = work / MEDIA_MEMBER / relative
        if not source.is_file():
            raise CommandError(f"media file {relative} of the manifest is missing from the archive")
        data = source.read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            raise CommandError(f"media file {relative} in the archive does not match its manifest hash")
        files[relative] = data
    return files


def _sqlite_fingerprints(path: Path) -> dict[str, Any]:
    check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return table_fingerprints(check, "sqlite")
    finally:
        check.close()


def _restore_sqlite_checked(saved: Path, target: Path, manifest: dict[str, Any], stamp: str) -> Path | None:
    """The saved file over ``target``, keeping a copy of the previous data; returns that copy's path.

    The saved file was checked against the manifest before this is called. The copy is one transaction
    on ``target`` (SQLite's backup API). If the result still differs from the manifest, the previous
    data is copied back and the restore fails.
    """
    previous: Path | None = None
    if target.exists():
        previous = target.with_name(f"{target.name}.before-restore-{stamp}")
        restore_sqlite(target, previous)
    restore_sqlite(saved, target)
    try:
        _check_tables(manifest, _sqlite_fingerprints(target), "the restored tables")
    except CommandError:
        if previous is not None:
            restore_sqlite(previous, target)
        raise
    return previous


def _restore_postgresql_checked(dump: Path, config: dict[str, Any], manifest: dict[str, Any], stamp: str) -> str:
    """The dump into a new database, checked there, then put in the live one's place.

    The live database is renamed, not dropped: it stays on the server as the returned name until an
    operator drops it. A dump that does not match the manifest never replaces anything.
    """
    import psycopg

    live = config["NAME"]
    scratch, previous = f"{live}_restore_{stamp}"[:63], f"{live}_before_restore_{stamp}"[:63]
    with _pg_admin(config) as admin:
        admin.execute(f"CREATE DATABASE {_quoted(scratch)}")
    try:
        restore_postgresql(dump, {**config, "NAME": scratch})
        with psycopg.connect(**_pg_params(config), dbname=scratch) as check:
            _check_tables(manifest, table_fingerprints(check, "postgresql"), "the archive's tables (in a new database)")
        with _pg_admin(config) as admin:
            try:
                admin.execute(f"ALTER DATABASE {_quoted(live)} RENAME TO {_quoted(previous)}")
            except psycopg.Error as exc:
                raise CommandError(
                    f"could not set database {live!r} aside ({exc}); stop the web and worker processes and retry"
                ) from None
            admin.execute(f"ALTER DATABASE {_quoted(scratch)} RENAME TO {_quoted(live)}")
    except BaseException:
        with _pg_admin(config) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_quoted(scratch)} WITH (FORCE)")
        raise
    return previous


def _pg_params(config: dict[str, Any]) -> dict[str, Any]:
    params = {"host": config.get("HOST"), "port": config.get("PORT"), "user": config.get("USER")}
    params["password"] = config.get("PASSWORD")
    return {k: v for k, v in params.items() if v}


def restore_archive(
    *, archive: Path, alias: str = "default", media_root: Path | None = None, sqlite_target: Path | None = None
) -> dict[str, Any]:
    """Restores ``archive`` into database ``alias`` (or the SQLite file ``sqlite_target``) and MEDIA_ROOT.

    Everything in the archive is checked before anything is replaced: the manifest, every media file's
    hash, and the saved database's tables against the manifest (a SQLite file is read where it lies; a
    PostgreSQL dump is restored into a new database first). Only then is the live database replaced,
    and its previous data kept: a copy beside a SQLite file, the renamed database on PostgreSQL. The
    manifest is returned with ``previous`` (where the previous data is, or None when there was none).
    A tampered archive raises CommandError and leaves the live data and the media untouched.
    """
    media_root = Path(settings.MEDIA_ROOT) if media_root is None else media_root
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    with tempfile.TemporaryDirectory(prefix="timeline-restore-") as tmp, tarfile.open(archive, "r:gz") as tar:
        work = Path(tmp)
        tar.extractall(work, members=_safe_members(tar), filter="data")
        try:
            manifest: dict[str, Any] = json.loads((work / MANIFEST).read_text())
        except (OSError, ValueError):
            raise CommandError("the archive has no readable manifest") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
            found = manifest.get("format") if isinstance(manifest, dict) else None
            raise CommandError(f"unknown backup format {found!r}")
        if not isinstance(manifest.get("tables"), dict) or not isinstance(manifest.get("media"), dict):
            raise CommandError("the archive's manifest lists no tables or media")
        connection = connections[alias]
        vendor = manifest.get("vendor")
        if sqlite_target is None and vendor != connection.vendor:
            raise CommandError(f"the backup is of {vendor}; database {alias!r} is {connection.vendor}")
        media = _check_media(work, manifest)
        previous: str | None
        if vendor == "sqlite":
            saved = work / SQLITE_MEMBER
            if not saved.is_file():
                raise CommandError("the archive holds no SQLite database")
            try:
                _check_tables(manifest, _sqlite_fingerprints(saved), "the archive's tables")
            except sqlite3.DatabaseError as exc:
                raise CommandError(f"the archive's database cannot be read: {exc}") from None
            target = sqlite_target or Path(connection.settings_dict["NAME"])
            connection.close()
            kept = _restore_sqlite_checked(saved, target, manifest, stamp)
            previous = str(kept) if kept else None
        else:
            dump = work / PG_MEMBER
            if not dump.is_file():
                raise CommandError("the archive holds no PostgreSQL dump")
            connection.close()
            previous = _restore_postgresql_checked(dump, connection.settings_dict, manifest, stamp)
        # The database checked out: now the media files (checked above) are written back.
        for relative, data in media.items():
            destination = media_root / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
    return {**manifest, "previous": previous}


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
        if manifest["previous"]:
            where = "database" if manifest["vendor"] == "postgresql" else "file"
            self.stdout.write(
                f"the data it replaced is kept as {where} {manifest['previous']}; remove it once you are satisfied"
            )
