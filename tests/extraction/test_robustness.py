"""The engine never raises, whatever text it is given."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.extraction.config import ExtractionConfig
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
    extract_document("".join(parts), is_html=None, published=None, reference=PUBLISHED)


def test_it_survives_empty_text() -> None:
    assert extract("", PUBLISHED).events == []
    assert extract_document("", published=None, reference=PUBLISHED).events == []


# The engine is linear (tests/extraction/test_scaling.py); spaCy takes about 30 s of CPU for 1 MB here,
# which this process and a forked helper share (events/extraction/parallel_parse.py), as a worker does.
def test_it_handles_a_megabyte_article() -> None:
    sentence = "The minister arrived in Paris on Monday and met officials in Lyon on Tuesday.\n"
    last = "Separately, the two governments signed a trade agreement in Hanoi on Friday.\n"
    text = sentence * (1_000_000 // len(sentence) + 1) + last
    result = extract(text, PUBLISHED, ExtractionConfig(processes=2))
    assert len(result.text) >= 1_000_000
    assert {e.location.name for e in result.events if e.location} >= {"Paris", "Lyon", "Hanoi"}
    # The repeats merge into the first report; the last paragraph, 1 MB in, still gives its own event.
    [signed] = [e for e in result.events if e.location and e.location.name == "Hanoi"]
    assert text[signed.citation.start : signed.citation.end] == last.strip()


# A megabyte made of drawn pieces: news sentences with dates, arbitrary unicode and paragraph breaks in
# drawn proportions, repeated to 1 MB. Two examples, each about 20 s on two cores.
NEWS = [
    "The minister arrived in Paris on Monday and met officials in Lyon on Tuesday. ",
    "Talks in Vienna were postponed until next month, diplomats said. ",
    "China staged drills near Taiwan early Sunday. ",
]


@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(
        st.one_of(st.sampled_from(NEWS), st.text(max_size=60), st.sampled_from(["\n", "\n\n", " "])),
        min_size=1,
        max_size=30,
    )
)
def test_it_survives_a_megabyte_of_drawn_text(parts: list[str]) -> None:
    unit = "".join(parts) + NEWS[0]  # every unit holds one dated sentence, so there is work to the end
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    result = extract(text, PUBLISHED, ExtractionConfig(processes=2))
    assert result.events
    for event in result.events:
        assert 0 <= event.citation.start <= event.citation.end <= len(result.text)
        assert result.text[event.citation.start : event.citation.end] == event.citation.quote
