"""The editors' admin: data entry and review of what the machine proposes."""

from events.admin import articles, catalog, events, facts  # noqa: F401  (registers the ModelAdmins)
