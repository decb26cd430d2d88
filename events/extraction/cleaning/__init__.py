"""Cleaning: raw pages (HTML or scraped plain text) to the main text, title, byline, outlet and date."""

from __future__ import annotations

from events.extraction.cleaning.article import CleanedArticle
from events.extraction.cleaning.html import clean_html, looks_like_html
from events.extraction.cleaning.text import clean_text

__all__ = ["CleanedArticle", "clean_document", "clean_html", "clean_text", "looks_like_html"]


def clean_document(raw: str, *, is_html: bool | None = None) -> CleanedArticle:
    """Clean a page whose kind may be unknown: ``is_html=None`` sniffs for markup."""
    if is_html is None:
        is_html = looks_like_html(raw)
    return clean_html(raw) if is_html else clean_text(raw)
