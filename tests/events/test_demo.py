"""``manage.py demo`` loads the sample data once; a second run changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from events.models import Article, Citation, Event, EventRelation, Topic

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, object]:
    return {
        "articles": sorted(Article.objects.values_list("pk", "content_hash")),
        "events": sorted(Event.objects.values_list("pk", "date_edtf", "review_state", "updated_at")),
        "citations": sorted(Citation.objects.values_list("pk", "event_id", "start", "end")),
        "topics": sorted(Topic.objects.values_list("pk", "slug")),
        "relations": sorted(EventRelation.objects.values_list("pk", "kind")),
    }


def test_it_loads_published_cited_events_across_two_topics() -> None:
    call_command("demo", verbosity=0)
    events = Event.objects.all()
    assert events.count() >= 15
    assert all(e.review_state == "published" and e.citations.exists() for e in events)
    assert Topic.objects.filter(events__isnull=False).distinct().count() >= 2
    assert Article.objects.count() >= 3


def test_every_citation_points_at_its_quote_in_the_article() -> None:
    call_command("demo", verbosity=0)
    for citation in Citation.objects.select_related("article"):
        assert citation.article.clean_text[citation.start : citation.end] == citation.quote


def test_running_it_twice_changes_nothing() -> None:
    call_command("demo", verbosity=0)
    first = snapshot()
    call_command("demo", verbosity=0)
    assert snapshot() == first
