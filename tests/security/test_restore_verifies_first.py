"""Finding 7 of issue 18: ``manage.py restore`` verifies the whole archive before touching live data.

It used to copy the saved database over the live one and only then compare it with the manifest, so a
tampered archive was found out after the live data was gone, with no copy kept.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from django.db import connection

from events.management.commands import restore as restore_module
from events.management.commands.backup import backup_write
from events.management.commands.restore import restore_archive
from tests.factories import CitationFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite files; the PostgreSQL path is checked by hand"),
    pytest.mark.django_db(transaction=True),
]


def _live_database(path: Path) -> bytes:
    """A small SQLite file standing for the live database; returns its bytes."""
    live = sqlite3.connect(path)
    live.execute("CREATE TABLE live_data (note TEXT)")
    live.execute("INSERT INTO live_data VALUES ('the data before the restore')")
    live.commit()
    live.close()
    return path.read_bytes()


def _archive_with_media(tmp_path: Path) -> Path:
    CitationFactory.create_batch(2)
    media = tmp_path / "media-src"
    (media / "uploads").mkdir(parents=True)
    (media / "uploads" / "a.html").write_bytes(b"<p>an upload</p>")
    return backup_write(output_dir=tmp_path / "out", media_root=media)


def _rewrite(archive: Path, out: Path, change: dict[str, bytes]) -> Path:
    """A copy of ``archive`` with the members named in ``change`` replaced (manifest untouched)."""
    import io

    with tarfile.open(archive, "r:gz") as src, tarfile.open(out, "w:gz") as dst:
        for member in src.getmembers():
            if member.name in change:
                data = change[member.name]
                member.size = len(data)
                dst.addfile(member, io.BytesIO(data))
            else:
                dst.addfile(member, src.extractfile(member) if member.isfile() else None)
    return out


def _tampered_database(archive: Path, tmp_path: Path) -> bytes:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile("database.sqlite3")
        assert member is not None
        saved = tmp_path / "saved.sqlite3"
        saved.write_bytes(member.read())
    db = sqlite3.connect(saved)
    # A source outlet renamed: a change no constraint catches, only the manifest's hash.
    db.execute("UPDATE events_source SET name = 'A renamed outlet' WHERE id = (SELECT min(id) FROM events_source)")
    db.commit()
    db.close()
    return saved.read_bytes()


def test_a_tampered_database_leaves_the_live_data_untouched(tmp_path: Path) -> None:
    archive = _archive_with_media(tmp_path)
    tampered = _rewrite(archive, tmp_path / "t.tar.gz", {"database.sqlite3": _tampered_database(archive, tmp_path)})
    live = tmp_path / "live.sqlite3"
    before = _live_database(live)
    media_root = tmp_path / "media"
    with pytest.raises(CommandError, match=r"archive's tables differ.*events_source"):
        restore_archive(archive=tampered, sqlite_target=live, media_root=media_root)
    assert live.read_bytes() == before
    assert not media_root.exists()
    assert not list(tmp_path.glob("live.sqlite3.before-restore-*"))


def test_a_tampered_media_file_leaves_the_live_data_untouched(tmp_path: Path) -> None:
    archive = _archive_with_media(tmp_path)
    tampered = _rewrite(archive, tmp_path / "t.tar.gz", {"media/uploads/a.html": b"<script>x</script>"})
    live = tmp_path / "live.sqlite3"
    before = _live_database(live)
    with pytest.raises(CommandError, match=r"uploads/a\.html"):
        restore_archive(archive=tampered, sqlite_target=live, media_root=tmp_path / "media")
    assert live.read_bytes() == before


def test_a_media_file_missing_from_the_archive_is_refused_first(tmp_path: Path) -> None:
    archive = _archive_with_media(tmp_path)
    with tarfile.open(archive, "r:gz") as tar:
        manifest_member = tar.extractfile("manifest.json")
        assert manifest_member is not None
        manifest = json.loads(manifest_member.read())
    manifest["media"]["uploads/gone.html"] = hashlib.sha256(b"x").hexdigest()
    tampered = _rewrite(archive, tmp_path / "t.tar.gz", {"manifest.json": json.dumps(manifest).encode()})
    live = tmp_path / "live.sqlite3"
    before = _live_database(live)
    with pytest.raises(CommandError, match=r"gone\.html"):
        restore_archive(archive=tampered, sqlite_target=live, media_root=tmp_path / "media")
    assert live.read_bytes() == before


def test_a_good_restore_keeps_the_previous_data_and_says_where(tmp_path: Path) -> None:
    archive = _archive_with_media(tmp_path)
    live = tmp_path / "live.sqlite3"
    before = _live_database(live)
    result = restore_archive(archive=archive, sqlite_target=live, media_root=tmp_path / "media")
    kept = Path(result["previous"])
    assert kept.parent == tmp_path and kept.name.startswith("live.sqlite3.before-restore-")
    check = sqlite3.connect(kept)
    assert check.execute("SELECT note FROM live_data").fetchall() == [("the data before the restore",)]
    check.close()
    assert live.read_bytes() != before
    assert (tmp_path / "media" / "uploads" / "a.html").read_bytes() == b"<p>an upload</p>"


def test_the_previous_data_comes_back_when_the_restored_copy_does_not_check_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _archive_with_media(tmp_path)
    live = tmp_path / "live.sqlite3"
    before = _live_database(live)
    reads = {"n": 0}
    real = restore_module._sqlite_fingerprints

    def second_read_differs(path: Path) -> dict[str, object]:
        # The archive checks out; the copy written over the live file does not (a disk fault, say).
        reads["n"] += 1
        found = real(path)
        return found if reads["n"] == 1 else {}

    monkeypatch.setattr(restore_module, "_sqlite_fingerprints", second_read_differs)
    with pytest.raises(CommandError, match="restored tables differ"):
        restore_archive(archive=archive, sqlite_target=live, media_root=tmp_path / "media")
    check = sqlite3.connect(live)
    assert check.execute("SELECT note FROM live_data").fetchall() == [("the data before the restore",)]
    check.close()
    assert not (tmp_path / "media").exists()
    del before
