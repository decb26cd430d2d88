"""Scoring extracted events and time expressions against gold data."""
