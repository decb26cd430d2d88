"""timeline-mirror: keeps a researcher's own SQL database equal to a diplomatic-timeline API.

A client package with no Django in it: the schema is SQLAlchemy Core (:mod:`mirror.schema`), versioned
by Alembic (:mod:`mirror.migrations`); :mod:`mirror.sync` fills it from the API's bulk export and then
follows the change feed. ``timeline-mirror sync --api URL --db DATABASE_URL`` is the command
(:mod:`mirror.cli`).
"""

__version__ = "1.0.0"
