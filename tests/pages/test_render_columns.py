"""Entries written a column at a time say what writing them one by one says."""

from __future__ import annotations

from datetime import date
from html import escape as html_escape

from events.presentation.record import ArticleRef, CitationRef
from timeline.render import EntryWriter, escaped_all, http_url


def test_it_escapes_each_text_as_alone() -> None:
    texts = ["Talks & trade", "", "<b>", 'He said "no"', "é — ·", "a\x00b", "the envoy's visit"]
    assert escaped_all(texts) == [html_escape(text).encode() for text in texts]
    assert escaped_all([]) == []


def test_it_links_the_original_only_for_an_http_url() -> None:
    urls = [
        "https://a.example/1",
        "http://a.example/2?x=1&y=2",
        "HTTPS://a.example/3",
        "javascript:alert(1)",
        "",
        None,
        " https://a.example/4",
    ]
    articles = [
        ArticleRef(pk, url, "T", date(2020, 1, pk) if pk % 2 else None, "Daily & Co" if pk % 3 else None, None)
        for pk, url in enumerate(urls, start=1)
    ]
    cited = [tuple(CitationRef(10 + a.id, f"Quote <{a.id}>", 0, 1, "", "", a) for a in articles), None]
    notes = EntryWriter(date(2024, 1, 1)).notes(cited)
    assert notes[1] == b""
    for article in articles:
        linked = f'href="{html_escape(article.url or "")}" rel="noopener' in notes[0].decode()
        assert linked == bool(http_url(article.url))
        assert f"<q>Quote &lt;{article.id}&gt;</q>".encode() in notes[0]
    assert notes[0].count(b"Unknown outlet") == 2 and notes[0].count(b"Daily &amp; Co") == 5
