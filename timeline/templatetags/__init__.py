"""Template filters for the public pages."""
