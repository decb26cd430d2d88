"""The domain: models, admin, services (writes), selectors (reads), tasks and the extraction engine."""
