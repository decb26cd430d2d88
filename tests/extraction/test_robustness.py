"""The engine never raises, whatever text it is given."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.extraction.pipeline import extract, extract_document

PUBLISHED = date(2024, 6, 12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_it_survives_arbitrary_unicode(text: str) -> None:
    result = extract(text, PUBLISHED)
    for event in result.events:
        assert 0 <= event.citation.start <= event.citation.end <= len(result.text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["<p>", "</div>", "<script>", "&amp;", "<", ">", "Minister met Xi on Monday.", "\x00", "<!--"]),
        max_size=40,
    )
)
def test_it_survives_html_garbage(parts: list[str]) -> None:
    extract_document("".join(parts), is_html=True, published=PUBLISHED)
    extract_document("".join(parts), is_html=None, published=None)


def test_it_survives_empty_text() -> None:
    assert extract("", PUBLISHED).events == []
    assert extract_document("", published=None).events == []


# The engine is linear (tests/extraction/test_scaling.py; the old 504 s came from a per-event rebuild of
# doc.text), but spaCy alone still needs about 40 s of CPU for 1 MB on the shared 2-core machine (the whole
# test: 54 s CPU, 78 s wall at load ~4), too long for every run: RUN_SLOW=1.
@pytest.mark.skipif(not os.environ.get("RUN_SLOW"), reason="spaCy alone needs ~40 s CPU on 1 MB here; RUN_SLOW=1")
def test_it_handles_a_megabyte_article() -> None:
    sentence = "The minister arrived in Paris on Monday and met officials in Lyon on Tuesday.\n"
    text = sentence * (1_000_000 // len(sentence) + 1)
    result = extract(text, PUBLISHED)
    assert len(result.text) >= 1_000_000
    assert result.events  # duplicates merge, but the article is read to its end
