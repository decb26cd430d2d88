"""Country codes as stored: ISO 3166-1 alpha-2, upper case, or empty when unknown."""

from __future__ import annotations


def normalise_country_code(value: str | None) -> str:
    """``" cn "`` -> ``"CN"``; the API's country filters match stored codes exactly, so case matters."""
    return (value or "").strip().upper()
