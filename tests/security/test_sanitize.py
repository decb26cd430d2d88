"""Article HTML shown anywhere goes through sanitize_html: no script, no handlers, no unsafe URLs."""

from __future__ import annotations

import pytest

from events.sanitize import sanitize_html, url_allowed


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<script>alert(1)</script>", id="script"),
        pytest.param("<img src=x onerror=alert(1)>", id="onerror"),
        pytest.param("<a href='javascript:alert(1)'>x</a>", id="javascript-href"),
        pytest.param("<a href='JaVaScRiPt:alert(1)'>x</a>", id="mixed-case-scheme"),
        pytest.param("<a href='java&#x09;script:alert(1)'>x</a>", id="tab-in-scheme"),
        pytest.param("<a href=' javascript:alert(1)'>x</a>", id="leading-space"),
        pytest.param("<a href='vbscript:msgbox(1)'>x</a>", id="vbscript"),
        pytest.param("<a href='data:text/html,<script>alert(1)</script>'>x</a>", id="data-href"),
        pytest.param("<img src='data:image/svg+xml,<svg onload=alert(1)>'>", id="data-src"),
        pytest.param("<blockquote cite='javascript:alert(1)'>q</blockquote>", id="javascript-cite"),
        pytest.param("<svg><script>alert(1)</script></svg>", id="svg-script"),
        pytest.param("<iframe src='https://evil.example'></iframe>", id="iframe"),
        pytest.param("<p style='background:url(javascript:alert(1))'>x</p>", id="style-attr"),
        pytest.param("<form action='https://evil.example'><input name=p></form>", id="form"),
        pytest.param("<math><mi xlink:href='javascript:alert(1)'>x</mi></math>", id="mathml"),
        pytest.param("<object data='https://evil.example/x.swf'></object>", id="object"),
        pytest.param("<base href='https://evil.example/'>", id="base"),
        pytest.param("<meta http-equiv='refresh' content='0;url=https://evil.example'>", id="meta-refresh"),
    ],
)
def test_it_removes_everything_that_can_run_or_navigate(html: str) -> None:
    cleaned = sanitize_html(html).lower()
    for needle in (
        "<script",
        "javascript",
        "vbscript",
        "onerror",
        "onload",
        "data:",
        "<iframe",
        "<form",
        "style=",
        "<object",
        "<base",
        "<meta",
        "evil.example",
    ):
        assert needle not in cleaned, (needle, cleaned)


def test_it_keeps_the_article_text_and_plain_markup() -> None:
    html = "<h2>Talks</h2><p>The ministers <em>met</em> in <b>Vienna</b>.</p><ul><li>one</li></ul>"
    assert sanitize_html(html) == html


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        pytest.param('<a href="https://news.example/a">a</a>', 'href="https://news.example/a"', id="https-href"),
        pytest.param('<a href="mailto:desk@news.example">m</a>', 'href="mailto:desk@news.example"', id="mailto"),
        pytest.param('<q cite="http://news.example/q">q</q>', 'cite="http://news.example/q"', id="http-cite"),
        pytest.param('<img src="https://news.example/p.jpg" alt="p">', 'src="https://news.example/p.jpg"', id="src"),
    ],
)
def test_it_keeps_absolute_web_urls(html: str, kept: str) -> None:
    assert kept in sanitize_html(html)


def test_links_are_marked_so_they_pass_no_referrer_or_ranking() -> None:
    assert 'rel="noopener noreferrer nofollow ugc"' in sanitize_html('<a href="https://news.example/">x</a>')


@pytest.mark.parametrize("value", ["/admin/", "../x", "//evil.example/x", "mailto:", "https:", "ftp://x.example/"])
def test_relative_and_odd_urls_are_dropped(value: str) -> None:
    assert not url_allowed("href", value)
    assert f'href="{value}"' not in sanitize_html(f'<a href="{value}">x</a>')


def test_src_may_not_be_mailto() -> None:
    assert not url_allowed("src", "mailto:a@b.example")
    assert url_allowed("href", "mailto:a@b.example")
