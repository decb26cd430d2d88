"""Ingestion: fetching articles safely and cleaning them."""
