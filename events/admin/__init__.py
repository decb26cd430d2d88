"""The editors' admin: data entry and review of what the machine proposes."""

from events.admin import articles, catalog, events  # noqa: F401  (registers the ModelAdmins)
