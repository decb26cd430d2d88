"""The researchers' REST API (Django REST Framework)."""
