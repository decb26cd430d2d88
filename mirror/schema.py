"""The mirror's tables, in SQLAlchemy Core. Alembic (``mirror/migrations``) owns how a database gets here.

One row per thing the API shows, with real types and keys:

- ``events``: an event as the export lists it, its EDTF date kept as text beside the day bounds it
  stands for (``date_lower``/``date_upper`` are what to sort and filter by). ``merged_into`` survives a
  merge so an old id still resolves; it is no foreign key because the survivor may later be withdrawn.
  Visible events are the rows where ``merged_into`` is null.
- ``places``, ``actors``, ``topics``, ``sources``, ``articles``: what events point at, shared by many.
- ``event_actors``, ``event_topics``, ``event_relations``, ``citations``: what one event embeds, with
  its ``position`` in the API's list so the mirror can give the lists back in the API's order.
- ``sync_state``: which API (and topic) this database follows, and the last change applied.

Every change here needs an Alembic revision (``alembic revision --autogenerate`` from ``mirror/``);
a test runs ``alembic check`` so the two never drift apart.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Constraint names follow one convention, so Alembic can name (and later drop) them on every backend.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

places = Table(
    "places",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country_code", String(2), nullable=False),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("geonames_id", BigInteger, nullable=True),
)

actors = Table(
    "actors",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country_code", String(2), nullable=False),
    Column("wikidata_id", String(20), nullable=True),
)

topics = Table(
    "topics",
    metadata,
    Column("slug", String(80), primary_key=True),
    Column("name", String(200), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("domain", String(253), primary_key=True),
    Column("name", String(200), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("url", String(2000), nullable=True),
    Column("title", String(500), nullable=False),
    Column("published", Date, nullable=True),
    Column("source_domain", String(253), ForeignKey("sources.domain"), nullable=True, index=True),
)

events = Table(
    "events",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("url", String(2000), nullable=False),
    Column("title", String(300), nullable=False),
    Column("summary", Text, nullable=False),
    Column("type", String(30), nullable=False, index=True),
    Column("plover_category", String(30), nullable=False, index=True),
    Column("plover_mode", String(60), nullable=False),
    Column("status", String(12), nullable=False),
    Column("review_state", String(10), nullable=False),
    Column("date_edtf", String(100), nullable=False),
    Column("date_lower", Date, nullable=False),
    Column("date_upper", Date, nullable=False),
    Column("precision", String(10), nullable=False),
    Column("date_is_week", Boolean, nullable=False),
    Column("date_display", String(100), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("place_id", BigInteger, ForeignKey("places.id"), nullable=True, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("merged_into", BigInteger, nullable=True, index=True),
    Index("ix_events_date_bounds", "date_lower", "date_upper"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", BigInteger, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("actor_id", BigInteger, ForeignKey("actors.id"), nullable=False),
    Column("role", String(20), nullable=False),
    Index("ix_event_actors_actor_event", "actor_id", "event_id"),
)

event_topics = Table(
    "event_topics",
    metadata,
    Column("event_id", BigInteger, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_slug", String(80), ForeignKey("topics.slug"), primary_key=True),
    Index("ix_event_topics_topic_event", "topic_slug", "event_id"),
)

event_relations = Table(
    "event_relations",
    metadata,
    Column("event_id", BigInteger, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),
    # The related event may be one this mirror never sees (not public), so no foreign key.
    Column("to_event_id", BigInteger, nullable=False, index=True),
)

citations = Table(
    "citations",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("event_id", BigInteger, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("article_id", BigInteger, ForeignKey("articles.id"), nullable=False, index=True),
    Column("quote", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("time_text", String(200), nullable=False),
    Index("ix_citations_event_position", "event_id", "position"),
)

sync_state = Table(
    "sync_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1: one source per database
    Column("api_url", String(2000), nullable=False),
    Column("topic", String(80), nullable=True),
    # The feed position: every change up to it is applied. During the first sync, the export's head.
    Column("last_seq", BigInteger, nullable=False),
    # Set while the first sync is still loading the export: the last event id stored so far.
    Column("export_last_id", BigInteger, nullable=True),
    Column("export_done", Boolean, nullable=False),
    Column("synced_at", DateTime(timezone=True), nullable=False),
)

# What one event embeds, deleted and written again whenever the event changes (children first).
EVENT_CHILD_TABLES = (event_actors, event_topics, event_relations, citations)
