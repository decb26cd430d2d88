"""``{% url_once %}`` writes what ``{% url %}`` writes, reversing each URL once per process."""

from __future__ import annotations

from unittest import mock

import pytest
from django.template import Context, Template
from django.urls import clear_script_prefix, set_script_prefix

from timeline.templatetags import timeline_tags

TAGS = "{% load timeline_tags %}"


def _render(source: str, **context: object) -> str:
    return Template(TAGS + source).render(Context(context))


@pytest.fixture(autouse=True)
def _fresh() -> None:
    timeline_tags._reversed.cache_clear()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("timeline:topic-atom", "slug"),
        ("timeline:event", "pk"),
        ("api:event-export", ""),
    ],
)
def test_it_writes_what_the_url_tag_writes(name: str, args: str) -> None:
    context = {"slug": "zembla-ostland", "pk": 42}
    argument = f" {args}" if args else ""
    assert _render(f"{{% url_once '{name}'{argument} %}}", **context) == _render(
        f"{{% url '{name}'{argument} %}}", **context
    )


def test_each_url_is_reversed_once() -> None:
    source = "{% url_once 'timeline:topic' slug %} {% url_once 'timeline:home' %}"
    with mock.patch.object(timeline_tags, "reverse", wraps=timeline_tags.reverse) as reverse:
        first = _render(source, slug="zembla")
        again = _render(source, slug="zembla")
        other = _render(source, slug="ostland")
    assert first == again == "/topics/zembla/ /"
    assert other == "/topics/ostland/ /"
    assert reverse.call_count == 3  # zembla's, the home page's, ostland's


def test_a_site_under_a_script_prefix_gets_its_prefixed_urls() -> None:
    source = "{% url_once 'timeline:topic' slug %}"
    assert _render(source, slug="zembla") == "/topics/zembla/"
    set_script_prefix("/timelines/")
    try:
        assert _render(source, slug="zembla") == "/timelines/topics/zembla/"
    finally:
        clear_script_prefix()
    assert _render(source, slug="zembla") == "/topics/zembla/"
