"""The public pages: thin views over events.selectors, one module per kind of page."""
