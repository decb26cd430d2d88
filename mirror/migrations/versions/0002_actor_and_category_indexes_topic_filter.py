"""Indexes for the questions researchers ask most (events by actor, by PLOVER category) and the
topic a mirror follows (``--topic``), recorded so a database never mixes two scopes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_event_actors_actor_event", "event_actors", ["actor_id", "event_id"])
    op.create_index("ix_events_plover_category", "events", ["plover_category"])
    # A database made before this revision followed the whole API: null says so.
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("topic", sa.String(80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("topic")
    op.drop_index("ix_events_plover_category", table_name="events")
    op.drop_index("ix_event_actors_actor_event", table_name="event_actors")
