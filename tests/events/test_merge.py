"""Merging keeps every citation, never deletes, and can be undone exactly."""

from __future__ import annotations

import pytest

from events import services
from events.exceptions import MergeError
from events.models import Citation, Event, EventMerge, TopicMembership
from tests.factories import ArticleFactory, CitationFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db


def cite(event: Event, sentence_index: int = 0) -> Citation:
    article = ArticleFactory()
    sentences = article.clean_text.split(". ")
    start = article.clean_text.index(sentences[sentence_index])
    end = start + len(sentences[sentence_index])
    return services.citation_create(event=event, article=article, start=start, end=end)


def test_it_moves_all_citations_to_the_target_and_keeps_the_merged_event() -> None:
    target, other = EventFactory(), EventFactory()
    kept = [cite(target), cite(other), cite(other, 1)]
    services.event_merge(target=target, others=[other])
    other.refresh_from_db()
    assert other.merged_into_id == target.pk
    assert Event.objects.filter(pk=other.pk).exists()
    assert set(target.citations.values_list("pk", flat=True)) == {c.pk for c in kept}


def test_undo_returns_every_citation_to_where_it_was() -> None:
    target, other = EventFactory(), EventFactory()
    own = cite(target)
    moved = [cite(other), cite(other, 1)]
    services.event_merge(target=target, others=[other])
    services.event_unmerge(event=other)
    other.refresh_from_db()
    assert other.merged_into_id is None
    assert set(other.citations.values_list("pk", flat=True)) == {c.pk for c in moved}
    assert list(target.citations.values_list("pk", flat=True)) == [own.pk]
    assert EventMerge.objects.get(merged=other).undone_at is not None


def test_undo_removes_only_the_topics_the_merge_added() -> None:
    shared, extra = TopicFactory(), TopicFactory()
    target, other = EventFactory(), EventFactory()
    TopicMembership.objects.create(topic=shared, event=target)
    TopicMembership.objects.create(topic=shared, event=other)
    TopicMembership.objects.create(topic=extra, event=other)
    services.event_merge(target=target, others=[other])
    assert set(target.topics.all()) == {shared, extra}
    services.event_unmerge(event=other)
    assert set(target.topics.all()) == {shared}
    assert set(other.topics.all()) == {shared, extra}


def test_a_citation_of_the_same_span_stays_on_the_merged_event_and_is_not_lost() -> None:
    target = EventFactory()
    citation = CitationFactory(event=target)
    other = EventFactory()
    twin = Citation.objects.create(
        event=other, article=citation.article, start=citation.start, end=citation.end, quote=citation.quote
    )
    services.event_merge(target=target, others=[other])
    assert Citation.objects.filter(pk=twin.pk, event=other).exists()
    assert Citation.objects.count() == 2


def test_it_refuses_to_merge_into_an_event_that_is_itself_merged() -> None:
    a, b, c = EventFactory(), EventFactory(), EventFactory()
    services.event_merge(target=a, others=[b])
    with pytest.raises(MergeError, match="itself merged"):
        services.event_merge(target=b, others=[c])


def test_it_refuses_to_undo_a_merge_that_is_not_there() -> None:
    with pytest.raises(MergeError, match="not merged"):
        services.event_unmerge(event=EventFactory())


def test_a_merged_event_can_be_merged_again_after_undo() -> None:
    a, b = EventFactory(), EventFactory()
    services.event_merge(target=a, others=[b])
    services.event_unmerge(event=b)
    services.event_merge(target=a, others=[b])
    assert EventMerge.objects.filter(merged=b).count() == 2
