"""The entries' escaping gives what html.escape gives, for text with and without markup characters."""

from __future__ import annotations

from html import escape as html_escape

import pytest

from timeline.render import escape


@pytest.mark.parametrize(
    "text",
    ["Envoys meet in Geneva", "Talks & trade", "<script>x</script>", 'He said "no"', "the envoy's visit", "", "é — ·"],
)
def test_it_escapes_as_html_escape_does(text: str) -> None:
    assert escape(text) == html_escape(text)
