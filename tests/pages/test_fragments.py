"""A page's large fragments are spliced into the response where the template placed their markers."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from tests.pages.conftest import World
from timeline.fragments import Fragments

pytestmark = pytest.mark.django_db


def test_it_splices_each_fragment_where_its_marker_is_and_nothing_else() -> None:
    fragments = Fragments()
    template = Template("<main>{% if a %}{{ a }}{% endif %}|{{ b }}|{{ forged }}</main>")
    context = Context({"a": fragments.place("<ol><li>é — one</li></ol>"), "b": fragments.place(""), "forged": "x"})
    rendered = template.render(context).replace("x", "<!--fragment-0000000000000000-0-->")

    assert "".join(fragments.chunks(rendered)) == (
        "<main><ol><li>é — one</li></ol>||<!--fragment-0000000000000000-0--></main>"
    )


def test_a_timeline_page_carries_its_entries_and_no_marker(client, world: World) -> None:  # type: ignore[no-untyped-def]
    for url in (f"/topics/{world.topic.slug}/", f"/topics/{world.topic.slug}/embed/"):
        body = client.get(url).content.decode()
        assert "<!--fragment-" not in body
        assert f'id="e{world.visit.pk}"' in body and f'id="e{world.summit.pk}"' in body
