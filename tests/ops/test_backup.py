"""backup then restore into a fresh database: the same tables, row counts and content hashes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from events.management.commands.backup import backup_write, table_fingerprints
from events.management.commands.restore import restore_archive
from tests.conftest import IN_CI
from tests.factories import ArticleFactory, CitationFactory

ORIGINAL = "<html><body><p>An editor's upload, byte for byte: é — ü \u2028</p></body></html>"


def some_rows() -> None:
    article = ArticleFactory(
        original=ORIGINAL,
        original_kind="html",
        clean_text="An editor's upload.",
        content_hash=hashlib.sha256(b"backup-test").hexdigest(),
    )
    CitationFactory.create_batch(3)
    assert article.pk


def manifest_of(archive: Path) -> dict:  # type: ignore[type-arg]
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile("manifest.json")
        assert member is not None
        return json.loads(member.read())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite path; PostgreSQL below")
@pytest.mark.django_db(transaction=True)
def test_it_restores_sqlite_into_a_fresh_database(tmp_path: Path) -> None:
    some_rows()
    media = tmp_path / "media"
    (media / "uploads").mkdir(parents=True)
    (media / "uploads" / "a.html").write_bytes(b"<p>file beside the database</p>")
    archive = backup_write(output_dir=tmp_path / "out", media_root=media)
    assert archive.stat().st_mode & 0o077 == 0

    fresh = tmp_path / "fresh.sqlite3"
    restored_media = tmp_path / "restored-media"
    manifest = restore_archive(archive=archive, sqlite_target=fresh, media_root=restored_media)

    connection.ensure_connection()
    live = table_fingerprints(connection.connection, "sqlite")
    check = sqlite3.connect(fresh)
    try:
        restored = table_fingerprints(check, "sqlite")
        (original,) = check.execute("SELECT original FROM events_article WHERE original_kind = 'html'").fetchone()
    finally:
        check.close()
    diff = {n: (restored[n].rows, live[n].rows) for n in set(restored) | set(live) if restored.get(n) != live.get(n)}
    assert not diff, diff
    assert {name: t.rows for name, t in restored.items()} == {n: t["rows"] for n, t in manifest["tables"].items()}
    assert restored["events_article"].rows >= 4 and restored["events_citation"].rows == 3
    assert original == ORIGINAL
    assert (restored_media / "uploads" / "a.html").read_bytes() == b"<p>file beside the database</p>"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite file tampering")
@pytest.mark.django_db(transaction=True)
def test_a_tampered_archive_fails_the_restore(tmp_path: Path) -> None:
    some_rows()
    archive = backup_write(output_dir=tmp_path, media_root=tmp_path / "none")
    manifest = manifest_of(archive)
    manifest["tables"]["events_article"]["rows"] += 1
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive, "r:gz") as src, tarfile.open(tampered, "w:gz") as dst:
        for member in src.getmembers():
            if member.name == "manifest.json":
                data = json.dumps(manifest).encode()
                member.size = len(data)
                import io

                dst.addfile(member, io.BytesIO(data))
            else:
                dst.addfile(member, src.extractfile(member))
    with pytest.raises(CommandError, match="events_article"):
        restore_archive(archive=tampered, sqlite_target=tmp_path / "t.sqlite3", media_root=tmp_path / "m")


@pytest.mark.django_db(transaction=True)
def test_the_command_prints_the_archive_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if connection.vendor == "postgresql" and not _have_pg_tools():
        pytest.skip("pg_dump not installed")
    call_command("backup", "--output", str(tmp_path))
    path = Path(capsys.readouterr().out.strip())
    assert (
        path.parent == tmp_path and path.name.startswith("timeline-backup-") and path.suffixes[-2:] == [".tar", ".gz"]
    )


def _have_pg_tools() -> bool:
    try:
        subprocess.run(["pg_dump", "--version"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_restores_postgresql_into_a_fresh_database(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        if IN_CI:
            pytest.skip("this run is on SQLite; CI's PostgreSQL run covers it")
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL")
    some_rows()
    archive = backup_write(output_dir=tmp_path, media_root=tmp_path / "none")

    import psycopg

    from events.management.commands.backup import pg_environment

    config = connection.settings_dict
    fresh_name = f"{config['NAME']}_restore"
    params = connection.get_connection_params()
    admin = psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True)
    try:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh_name}"')
        admin.execute(f'CREATE DATABASE "{fresh_name}"')
        try:
            from events.management.commands.restore import restore_postgresql

            with tarfile.open(archive, "r:gz") as tar:
                tar.extract("database.pgdump", tmp_path, filter="data")
            restore_postgresql(tmp_path / "database.pgdump", {**config, "NAME": fresh_name})
            assert pg_environment(config)[0] is not None
            with psycopg.connect(**{**params, "dbname": fresh_name}) as fresh:
                restored = table_fingerprints(fresh, "postgresql")
            connection.ensure_connection()
            live = table_fingerprints(connection.connection, "postgresql")
            assert restored == live
            assert {n: t.rows for n, t in restored.items()} == {
                n: t["rows"] for n, t in manifest_of(archive)["tables"].items()
            }
            assert restored["events_citation"].rows == 3
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh_name}" WITH (FORCE)')
    finally:
        admin.close()
