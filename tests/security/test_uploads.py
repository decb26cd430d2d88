"""Uploads: a count limit, and an uploaded original is never served from our origin as HTML."""

from __future__ import annotations

import hashlib

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
MARKER = "<script>window.pwned=1</script>"


@pytest.fixture
def admin_client_(db: None) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-Root-12345"))
    return client


def test_a_request_with_too_many_files_is_refused(admin_client_: Client) -> None:
    files = {
        f"html_file_{i}": SimpleUploadedFile(f"a{i}.html", b"<p>x</p>", content_type="text/html")
        for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    }
    response = admin_client_.post("/admin/events/article/add/", files)
    assert response.status_code == 400


def test_an_html_original_never_comes_back_as_html(admin_client_: Client, client: Client) -> None:
    original = f"<html><body><h1>Talks</h1>{MARKER}<p>The ministers met on Monday.</p></body></html>"
    article = ArticleFactory(
        original=original,
        original_kind="html",
        original_filename="evil.html",
        clean_text="Talks. The ministers met on Monday.",
        content_hash=hashlib.sha256(b"uploads-test").hexdigest(),
    )
    responses = [
        client.get(f"/articles/{article.pk}/"),
        client.get(f"/api/v1/articles/{article.pk}/"),
        client.get("/api/v1/articles/"),
        admin_client_.get(f"/admin/events/article/{article.pk}/change/"),
        admin_client_.get(f"/admin/events/article/{article.pk}/history/"),
        client.get("/media/evil.html"),
    ]
    for response in responses:
        body = response.content.decode(errors="replace")
        assert MARKER not in body, response.wsgi_request.path
        if response["Content-Type"].startswith("text/html"):
            assert "window.pwned" not in body


def test_nothing_is_routed_under_media() -> None:
    # Originals live in the database; no URL pattern serves MEDIA_ROOT from our origin.
    patterns = [str(p.pattern) for p in get_resolver().url_patterns]
    assert not any(settings.MEDIA_URL.strip("/") in p for p in patterns)
