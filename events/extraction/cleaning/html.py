"""HTML pages: trafilatura finds the main text and metadata, htmldate the publication date."""

from __future__ import annotations

import re
from datetime import date

from events.extraction.cleaning.article import CleanedArticle
from events.extraction.cleaning.text import clean_text

_MARKUP = re.compile(r"<\s*(html|body|p|div|article|head|!doctype)\b", re.IGNORECASE)


def looks_like_html(raw: str) -> bool:
    return bool(_MARKUP.search(raw[:5000]))


def _as_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _find_date(html: str) -> date | None:
    import htmldate

    try:
        found = htmldate.find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises assorted errors on broken markup; no date is the honest answer
        return None
    return _as_date(found)


def clean_html(html: str) -> CleanedArticle:
    """Main text, title, byline, outlet and publication date of an HTML page. Never raises."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # trafilatura fails on some garbage input; fall back to stripping tags
        document = None
    if document is None:
        stripped = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", "\n", html or "", flags=re.S)
        fallback = clean_text(stripped)
        found = _find_date(html or "")
        return CleanedArticle(
            text=fallback.text,
            title=fallback.title,
            published=found,
            dates=((("metadata", found),) if found else ()) + fallback.dates,
        )
    title = (getattr(document, "title", None) or "").strip()
    raw_text = getattr(document, "text", None) or ""
    paragraphs = [line.strip() for line in raw_text.split("\n") if line.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the <h1> repeats the title
    published = _as_date(getattr(document, "date", None)) or _find_date(html)
    # The text may carry its own date line; it is kept for the date check to compare with the metadata.
    from events.extraction.cleaning.text import date_line_in

    in_text = date_line_in(paragraphs)
    dates = tuple((source, day) for source, day in (("metadata", published), ("text", in_text)) if day is not None)
    return CleanedArticle(
        text="\n\n".join(paragraphs),
        title=title,
        byline=(getattr(document, "author", None) or "").strip(),
        outlet=(getattr(document, "sitename", None) or "").strip(),
        published=published,
        published_source="metadata" if published else "unknown",
        dates=dates,
    )
