"""Editors add articles in the admin by pasting text, uploading HTML or giving a URL."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from events.models import Article
from tests.factories import CitationFactory, make_user

pytestmark = pytest.mark.django_db
ADD = reverse("admin:events_article_add")
TEXT = "WASHINGTON (Wire) — The envoy will travel to Seoul next week, officials said Monday."


@pytest.fixture
def contributor() -> Client:
    client = Client()
    client.force_login(make_user("conrad", group="Contributors"))
    return client


def test_it_stores_pasted_text_as_a_queued_article(contributor: Client) -> None:
    response = contributor.post(ADD, {"text": TEXT, "title": "Envoy to travel"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.state, article.original_kind, article.clean_text, article.title) == (
        "queued",
        "text",
        TEXT,
        "Envoy to travel",
    )
    assert len(article.content_hash or "") == 64


def test_it_keeps_an_uploaded_html_file_as_received(contributor: Client) -> None:
    html = b"<html><head><title>T</title></head><body><p>Ministers met in Vienna on Friday.</p></body></html>"
    response = contributor.post(ADD, {"html_file": SimpleUploadedFile("story.html", html, "text/html")})
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.original, article.original_kind, article.original_filename, article.state) == (
        html.decode(),
        "html",
        "story.html",
        "queued",
    )


def test_it_queues_a_url_in_canonical_form(contributor: Client) -> None:
    response = contributor.post(ADD, {"submit_url": "https://News.Example.org/story?id=7&utm_source=x#top"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.state == "queued"
    assert "utm_source" not in (article.url or "")
    assert article.submitted_url.endswith("#top")


def test_it_refuses_two_inputs_at_once_and_stores_nothing(contributor: Client) -> None:
    response = contributor.post(ADD, {"text": TEXT, "submit_url": "https://news.example.org/a"})
    assert response.status_code == 200
    assert "exactly one of" in response.content.decode()
    assert Article.objects.count() == 0


def test_it_refuses_a_duplicate_text_and_names_the_stored_article(contributor: Client) -> None:
    contributor.post(ADD, {"text": TEXT})
    response = contributor.post(ADD, {"text": "  " + TEXT.replace(" ", "  ") + "\n"})
    assert response.status_code == 200
    assert "already stored as article" in response.content.decode()
    assert Article.objects.count() == 1


def test_it_refuses_a_url_that_is_not_http(contributor: Client) -> None:
    response = contributor.post(ADD, {"submit_url": "file:///etc/passwd"})
    assert response.status_code == 200
    assert "Not a usable article URL" in response.content.decode()
    assert Article.objects.count() == 0


def test_the_change_page_highlights_cited_sentences_with_links_to_their_events() -> None:
    citation = CitationFactory()
    client = Client()
    client.force_login(make_user("edith", group="Editors"))
    page = client.get(reverse("admin:events_article_change", args=[citation.article.pk])).content.decode()
    event_url = reverse("admin:events_event_change", args=[citation.event.pk])
    assert f'<a href="{event_url}">{citation.quote}</a>' in page
    assert "<mark" in page
