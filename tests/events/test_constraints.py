"""Each named database rule refuses a violating row, whatever path the write takes."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from events.models import Article, Citation, Event
from tests.factories import ArticleFactory, CitationFactory, EventFactory

pytestmark = pytest.mark.django_db


def assert_refused(constraint: str, write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError) as info, transaction.atomic():
        write()
    assert constraint in str(info.value)


def test_it_refuses_a_second_article_with_the_same_canonical_url() -> None:
    ArticleFactory(url="https://news.example/a")
    assert_refused("url", lambda: ArticleFactory(url="https://news.example/a"))


def test_it_allows_many_articles_without_a_url() -> None:
    ArticleFactory(url=None)
    ArticleFactory(url=None)
    assert Article.objects.filter(url__isnull=True).count() == 2


def test_it_refuses_a_second_article_with_the_same_content_hash() -> None:
    first = ArticleFactory()
    assert_refused("content_hash", lambda: ArticleFactory(content_hash=first.content_hash))


def test_it_refuses_a_content_hash_that_is_not_sha256() -> None:
    assert_refused("article_content_hash_is_sha256", lambda: ArticleFactory(content_hash="not-a-hash"))


def test_it_refuses_a_second_citation_of_the_same_span_for_the_same_event() -> None:
    citation = CitationFactory()
    assert_refused(
        "citation",
        lambda: Citation.objects.create(
            event=citation.event, article=citation.article, start=citation.start, end=citation.end, quote=citation.quote
        ),
    )


def test_it_refuses_a_citation_whose_span_runs_past_the_text() -> None:
    article = ArticleFactory(clean_text="Short text.")
    event = EventFactory()
    assert_refused(
        "citation_offsets_inside_text",
        lambda: Citation.objects.create(event=event, article=article, start=6, end=40, quote="x" * 34),
    )


def test_it_refuses_a_citation_whose_quote_does_not_fit_its_span() -> None:
    citation_article = ArticleFactory()
    event = EventFactory()
    assert_refused(
        "citation_span_matches_quote",
        lambda: Citation.objects.create(event=event, article=citation_article, start=0, end=10, quote="too short"),
    )


def test_it_refuses_an_empty_citation_span() -> None:
    article = ArticleFactory()
    event = EventFactory()
    assert_refused(
        "citation_span_not_empty",
        lambda: Citation.objects.create(event=event, article=article, start=5, end=5, quote=""),
    )


def test_it_refuses_an_event_that_ends_before_it_starts() -> None:
    event = EventFactory(date_edtf="2024-05")
    # save() derives the bounds, so only a raw update can try to break the rule.
    assert_refused(
        "event_end_not_before_start",
        lambda: Event.objects.filter(pk=event.pk).update(date_lower="2024-06-01", date_upper="2024-05-01"),
    )


def test_it_refuses_an_event_merged_into_itself() -> None:
    event = EventFactory()
    assert_refused("event_not_merged_into_itself", lambda: Event.objects.filter(pk=event.pk).update(merged_into=event))


def test_it_refuses_a_type_outside_the_vocabulary() -> None:
    event = EventFactory()
    assert_refused("event_type_valid", lambda: Event.objects.filter(pk=event.pk).update(event_type="picnic"))


def test_it_refuses_a_confidence_above_one() -> None:
    assert_refused("event_confidence_range", lambda: EventFactory(confidence=1.5))
