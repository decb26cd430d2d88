"""Article submission services: duplicates refused with the stored article named, bad input explained."""

from __future__ import annotations

import pytest

from events import services
from events.exceptions import DomainError, DuplicateArticle
from events.models import Article

pytestmark = pytest.mark.django_db
TEXT = "SEOUL (Wire) — The two ministers met in Seoul on Tuesday and agreed to hold talks next month."


def test_it_refuses_the_same_text_twice_and_names_the_first() -> None:
    first = services.article_submit_text(text=TEXT)
    with pytest.raises(DuplicateArticle) as info:
        services.article_submit_text(text=TEXT.replace(" ", "  "))
    assert info.value.existing == first
    assert Article.objects.count() == 1


def test_it_refuses_the_same_canonical_url_twice() -> None:
    services.article_submit_url(url="https://news.example.org/story?utm_source=feed")
    with pytest.raises(DuplicateArticle):
        services.article_submit_url(url="https://NEWS.example.org/story#comments")
    assert Article.objects.count() == 1


def test_a_duplicate_that_slips_past_the_check_is_still_a_duplicate(monkeypatch: pytest.MonkeyPatch) -> None:
    first = services.article_submit_text(text=TEXT)
    calls = []

    def check_sees_nothing_the_first_time(**kwargs: object) -> None:
        # Simulates the race: the other submission commits between our check and our insert.
        calls.append(kwargs)
        if len(calls) > 1:
            raise DuplicateArticle("already stored", first)

    monkeypatch.setattr(services.articles, "_refuse_duplicate", check_sees_nothing_the_first_time)
    with pytest.raises(DuplicateArticle):
        services.article_submit_text(text=TEXT)
    assert Article.objects.count() == 1


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_it_refuses_empty_text(text: str) -> None:
    with pytest.raises(DomainError, match="empty"):
        services.article_submit_text(text=text)


def test_it_refuses_an_overlong_title_with_a_message_not_a_crash() -> None:
    article = services.article_submit_text(text=TEXT, title="T" * 900)
    assert len(article.title) == 500


def test_it_refuses_an_html_file_over_the_limit(settings: pytest.FixtureRequest) -> None:
    settings.ARTICLE_UPLOAD_MAX_BYTES = 100  # type: ignore[attr-defined]
    with pytest.raises(DomainError, match="limit"):
        services.article_submit_html(html=b"<p>" + b"x" * 200 + b"</p>")
    assert Article.objects.count() == 0
