"""Citations gain ``date_basis`` (how the engine reached the date), which the API started to show.

Rows already in the database cannot know their value, so the revision asks for the export to be loaded
again (``export_done`` false): the next sync streams it over the stored events, replacing what they
embed, then continues the feed from where it was.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("citations") as batch:
        batch.add_column(sa.Column("date_basis", sa.String(12), nullable=False, server_default=""))
    op.execute("UPDATE sync_state SET export_done = false, export_last_id = NULL")


def downgrade() -> None:
    with op.batch_alter_table("citations") as batch:
        batch.drop_column("date_basis")
