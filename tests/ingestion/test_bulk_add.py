"""The admin's bulk add: URLs and files in one form, then a status page that refreshes until all are done."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from events.models import Article, ArticleState
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_article_list_links_to_the_bulk_add(editor: Client) -> None:
    page = editor.get(reverse("admin:events_article_changelist")).content.decode()

    assert reverse("admin:events_article_bulk_add") in page


def test_urls_and_files_are_queued_and_followed_on_a_refreshing_status_page(
    editor: Client, sent: list[int], django_capture_on_commit_callbacks: Any
) -> None:
    files = [
        SimpleUploadedFile("one.txt", b"The ministers met in Vienna on Monday.", "text/plain"),
        SimpleUploadedFile("two.html", b"<html><body><p>The talks ended in Geneva.</p></body></html>", "text/html"),
    ]
    urls = "https://a.example/1\n\nhttps://b.example/2?utm_source=x\nhttps://a.example/1\nftp://c.example/3\n"

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("admin:events_article_bulk_add"), {"urls": urls, "uploads": files})

    assert response.status_code == 302
    assert Article.objects.count() == 4  # two URLs (one given twice), two files
    assert sorted(sent) == sorted(Article.objects.values_list("pk", flat=True))
    status = editor.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in status
    assert "Queued: 4" in status
    assert "ftp://c.example/3" in status and "Refused" in status


def test_the_status_page_stops_refreshing_when_every_article_is_done_or_failed(editor: Client, sent: list[int]) -> None:
    response = editor.post(
        reverse("admin:events_article_bulk_add"), {"urls": "https://a.example/1\nhttps://a.example/2"}
    )
    first, second = Article.objects.order_by("pk")
    Article.objects.filter(pk=first.pk).update(state=ArticleState.DONE)
    Article.objects.filter(pk=second.pk).update(state=ArticleState.FAILED, error="fetch: 404 Not Found")

    status = editor.get(response["Location"]).content.decode()

    assert 'http-equiv="refresh"' not in status
    assert "All processed" in status
    assert "fetch: 404 Not Found" in status


def test_an_article_already_stored_is_shown_as_a_duplicate_not_added_again(editor: Client, sent: list[int]) -> None:
    editor.post(reverse("admin:events_article_bulk_add"), {"urls": "https://a.example/1"})

    response = editor.post(reverse("admin:events_article_bulk_add"), {"urls": "https://a.example/1"})

    assert Article.objects.count() == 1
    assert "(already stored)" in editor.get(response["Location"]).content.decode()


def test_more_than_500_articles_are_refused_before_anything_is_stored(editor: Client, sent: list[int]) -> None:
    urls = "\n".join(f"https://a.example/{n}" for n in range(501))

    response = editor.post(reverse("admin:events_article_bulk_add"), {"urls": urls})

    assert response.status_code == 200
    assert "501 articles given; at most 500 at once" in response.content.decode()
    assert not Article.objects.exists()


def test_500_urls_are_accepted(editor: Client, sent: list[int]) -> None:
    urls = "\n".join(f"https://a.example/{n}" for n in range(500))

    response = editor.post(reverse("admin:events_article_bulk_add"), {"urls": urls})

    assert response.status_code == 302
    assert Article.objects.count() == 500


def test_a_status_page_from_another_session_is_not_found(editor: Client, sent: list[int]) -> None:
    response = editor.post(reverse("admin:events_article_bulk_add"), {"urls": "https://a.example/1"})
    other = Client()
    other.force_login(make_user("other", superuser=True))

    assert other.get(response["Location"]).status_code == 404


def test_a_user_who_cannot_add_articles_cannot_bulk_add() -> None:
    client = Client()
    client.force_login(make_user("viewer"))  # staff, no permissions

    assert client.get(reverse("admin:events_article_bulk_add")).status_code == 403
