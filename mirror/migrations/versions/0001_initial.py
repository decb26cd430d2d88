"""The first mirror schema: events with what they embed, the things they point at, and the sync state.

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "places",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geonames_id", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("wikidata_id", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )
    op.create_table(
        "topics",
        sa.Column("slug", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("slug", name="pk_topics"),
    )
    op.create_table(
        "sources",
        sa.Column("domain", sa.String(253), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("domain", name="pk_sources"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("url", sa.String(2000), nullable=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("source_domain", sa.String(253), nullable=True),
        sa.ForeignKeyConstraint(["source_domain"], ["sources.domain"], name="fk_articles_source_domain_sources"),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_source_domain", "articles", ["source_domain"])
    op.create_table(
        "events",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("type", sa.String(30), nullable=False),
        sa.Column("plover_category", sa.String(30), nullable=False),
        sa.Column("plover_mode", sa.String(60), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("review_state", sa.String(10), nullable=False),
        sa.Column("date_edtf", sa.String(100), nullable=False),
        sa.Column("date_lower", sa.Date(), nullable=False),
        sa.Column("date_upper", sa.Date(), nullable=False),
        sa.Column("precision", sa.String(10), nullable=False),
        sa.Column("date_is_week", sa.Boolean(), nullable=False),
        sa.Column("date_display", sa.String(100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("place_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("merged_into", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name="fk_events_place_id_places"),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_place_id", "events", ["place_id"])
    op.create_index("ix_events_merged_into", "events", ["merged_into"])
    op.create_index("ix_events_date_bounds", "events", ["date_lower", "date_upper"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_event_actors_actor_id_actors"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_actors_event_id_events", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "position", name="pk_event_actors"),
    )
    op.create_table(
        "event_topics",
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("topic_slug", sa.String(80), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_topics_event_id_events", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["topic_slug"], ["topics.slug"], name="fk_event_topics_topic_slug_topics"),
        sa.PrimaryKeyConstraint("event_id", "topic_slug", name="pk_event_topics"),
    )
    op.create_index("ix_event_topics_topic_event", "event_topics", ["topic_slug", "event_id"])
    op.create_table(
        "event_relations",
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("to_event_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_relations_event_id_events", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "position", name="pk_event_relations"),
    )
    op.create_index("ix_event_relations_to_event_id", "event_relations", ["to_event_id"])
    op.create_table(
        "citations",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("time_text", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_citations_article_id_articles"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_citations_event_id_events", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_citations"),
    )
    op.create_index("ix_citations_article_id", "citations", ["article_id"])
    op.create_index("ix_citations_event_position", "citations", ["event_id", "position"])
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("api_url", sa.String(2000), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("export_last_id", sa.BigInteger(), nullable=True),
        sa.Column("export_done", sa.Boolean(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_state"),
    )


def downgrade() -> None:
    for table in (
        "sync_state",
        "citations",
        "event_relations",
        "event_topics",
        "event_actors",
        "events",
        "articles",
        "sources",
        "topics",
        "actors",
        "places",
    ):
        op.drop_table(table)
