"""Alembic's entry point for the mirror: runs revisions on a connection it is handed, or on ``-x db=URL``.

:func:`mirror.database.schema_upgrade` hands over its open connection (``config.attributes``), so a
researcher's database is upgraded by the same connection the sync then writes with.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from mirror.schema import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("db") or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -c mirror/alembic.ini -x db=sqlite:///mirror.db ...")
    engine = create_engine(url)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("the mirror's migrations run online only")
run_migrations_online()
