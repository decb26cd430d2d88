"""canonical_url: one form per article, tracking stripped, non-http refused with a reason."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.ingestion.urls import canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            "https://News.Example.COM/world/talks?utm_source=rss&utm_medium=feed&fbclid=abc&gclid=x",
            "https://news.example.com/world/talks",
            id="trackers-and-host-case",
        ),
        pytest.param("https://news.example.com/a#comments", "https://news.example.com/a", id="fragment"),
        pytest.param("HTTP://news.example.com:80/a", "http://news.example.com/a", id="default-port"),
        pytest.param("https://news.example.com:8443/a", "https://news.example.com:8443/a", id="other-port-kept"),
        pytest.param("https://news.example.com./a", "https://news.example.com/a", id="trailing-dot"),
        pytest.param("https://news.example.com", "https://news.example.com/", id="empty-path"),
        pytest.param("https://news.example.com/a/./b/../c", "https://news.example.com/a/c", id="dot-segments"),
        pytest.param(
            "https://news.example.com/%7euser/caf%c3%a9", "https://news.example.com/~user/caf%C3%A9", id="escapes"
        ),
        pytest.param("https://news.example.com/a?b=2&a=1", "https://news.example.com/a?a=1&b=2", id="sorted-query"),
        pytest.param(
            "https://news.example.com/story?id=7&mc_cid=1&_ga=2&ocid=msn&ns_source=bbc",
            "https://news.example.com/story?id=7",
            id="more-trackers",
        ),
        pytest.param("  https://news.example.com/a  ", "https://news.example.com/a", id="whitespace"),
    ],
)
def test_urls_are_normalised(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.com/article.php?sid=5",
        "https://news.example.com/article.php?story_id=5",
        "https://news.example.com/index.php?12345",
        "https://news.example.com/search?q=treaty",
    ],
)
def test_article_identifying_parameters_are_kept(url: str) -> None:
    # courlan's strict mode would drop these, merging different articles into one URL.
    assert canonical_url(url) == url


def test_different_articles_keep_different_canonical_urls() -> None:
    assert canonical_url("https://n.example/a.php?sid=5") != canonical_url("https://n.example/a.php?sid=6")


def test_query_is_not_html_unescaped() -> None:
    assert canonical_url("https://n.example/a?x=1&copy=2") == "https://n.example/a?copy=2&x=1"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://files.example/a", "scheme 'ftp'"),
        ("file:///etc/passwd", "scheme 'file'"),
        ("javascript:alert(1)", "scheme 'javascript'"),
        ("mailto:press@example.org", "scheme 'mailto'"),
        ("/world/talks", "no scheme"),
        ("https:///nohost", "no host"),
        ("https://user:pw@news.example/", "credentials"),
        ("https://news.example:99999/", "not a valid URL"),
    ],
)
def test_non_http_urls_are_refused_with_a_reason(url: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        canonical_url(url)


_segment = st.text(alphabet="abcXYZ019-._~%é/ ", max_size=8)
_param = st.sampled_from(["id", "utm_source", "page", "fbclid", "sid", "q", "ref", "a"])


@given(
    host=st.sampled_from(["news.example", "NEWS.Example.", "xn--mnchen-3ya.de", "[2001:DB8::1]"]),
    path=st.lists(_segment, max_size=4).map("/".join),
    query=st.lists(st.tuples(_param, st.text(alphabet="ab1 &=", max_size=4)), max_size=4),
    fragment=st.text(alphabet="abc", max_size=3),
)
def test_canonical_url_is_idempotent(host: str, path: str, query: list[tuple[str, str]], fragment: str) -> None:
    query_text = "&".join(f"{key}={quote(value, safe='')}" for key, value in query)
    url = f"https://{host}/{quote(path, safe='/%')}?{query_text}#{fragment}"

    once = canonical_url(url)

    assert canonical_url(once) == once
    assert "#" not in once
    assert "utm_source" not in once and "fbclid" not in once
