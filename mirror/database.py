"""Opening a mirror database and bringing its schema to this client's Alembic head before any write.

The database may be new (the schema is created), older (upgraded in place), newer than this client
(refused: a newer ``timeline-mirror`` wrote it) or not a mirror at all (refused: tables but no Alembic
version). SQLite gets foreign keys switched on for every connection, as it does not by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from mirror.errors import MirrorError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the mirror, optionally bound to an open connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the package ships its revisions
    return head


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets a researcher read the file (DB Browser, pandas) while a sync writes to it.
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses no committed
    # transaction (only an operating-system crash or power cut may take back the last few, and the file
    # stays consistent), so a sync still resumes from the last batch it committed.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def engine_for(url: str) -> Engine:
    """An engine for ``url`` (``sqlite:///mirror.db``, ``postgresql+psycopg://...``, or a bare file path)."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith(("postgres://", "postgresql://")):
        # psycopg 3 is what this project installs; SQLAlchemy's default PostgreSQL driver is psycopg2.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise MirrorError(f"cannot use the database URL {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def schema_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def schema_upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the database to this client's head revision. Returns (revision before, revision after).

    Raises :class:`MirrorError` for a database this client must not write to.
    """
    head = head_revision()
    try:
        with engine.begin() as connection:
            current = schema_revision(connection)
            if current is None:
                tables = set(inspect(connection).get_table_names())
                if tables:
                    raise MirrorError(
                        f"the database at {engine.url.render_as_string(hide_password=True)} already holds tables "
                        f"({', '.join(sorted(tables)[:5])}...) but is not a timeline mirror; give an empty database"
                    )
            elif current != head:
                known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
                if current not in known:
                    raise MirrorError(
                        f"the mirror database is at schema revision {current!r}, which this timeline-mirror "
                        f"(schema {head!r}) does not know: a newer timeline-mirror wrote it; upgrade this one"
                    )
            if current != head:
                command.upgrade(alembic_config(connection), "head")
    except OperationalError as exc:
        raise MirrorError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: {exc.orig}"
        ) from None
    return current, head
