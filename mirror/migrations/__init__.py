"""Alembic revisions of the mirror's schema (:mod:`mirror.schema`)."""
