"""The bulk add takes up to a hundred files in one go; above any limit, a page that says so, never a bare error."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from events.admin.bulk import BULK_MAX_FILES
from events.models import Article
from tests.factories import make_user

pytestmark = pytest.mark.django_db

BULK_ADD = "admin:events_article_bulk_add"


def _files(count: int, size: int | None = None) -> list[SimpleUploadedFile]:
    # Each text differs, or the second would be a duplicate of the first.
    files = []
    for index in range(count):
        text = f"Report {index}: the ministers met in Vienna on Monday.".encode()
        if size is not None:
            text = text.ljust(size, b" ")
        files.append(SimpleUploadedFile(f"report-{index:03}.txt", text, "text/plain"))
    return files


def test_a_hundred_files_are_added_in_one_go(
    editor: Client, sent: list[int], settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = BULK_MAX_FILES

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse(BULK_ADD), {"uploads": _files(BULK_MAX_FILES)})

    assert BULK_MAX_FILES == 100
    assert response.status_code == 302
    assert Article.objects.count() == 100 and len(sent) == 100


def test_one_file_over_django_s_request_limit_is_refused_with_a_message_and_nothing_added(
    editor: Client, sent: list[int], settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = BULK_MAX_FILES

    response = editor.post(reverse(BULK_ADD), {"uploads": _files(BULK_MAX_FILES + 1)})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Too many files: at most 100 can be added at once. Nothing was added" in page
    assert '<form method="post"' in page  # the form again, to try a smaller batch
    assert not Article.objects.exists() and sent == []


def test_the_form_keeps_its_own_limit_when_django_s_is_higher(editor: Client, sent: list[int], settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 1000

    response = editor.post(reverse(BULK_ADD), {"uploads": _files(BULK_MAX_FILES + 1)})

    assert response.status_code == 200
    assert "101 files given; at most 100 in one go." in response.content.decode()
    assert not Article.objects.exists()


def test_the_limit_shown_is_django_s_when_that_is_lower(editor: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 5

    form_page = editor.get(reverse(BULK_ADD)).content.decode()
    refused = editor.post(reverse(BULK_ADD), {"uploads": _files(6)}).content.decode()

    assert "at most 5 files" in form_page
    assert "at most 5 can be added at once" in refused


def test_a_file_over_the_size_cap_is_named_and_nothing_is_added(editor: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = BULK_MAX_FILES
    settings.ARTICLE_UPLOAD_MAX_BYTES = 200
    files = [*_files(3, size=200), SimpleUploadedFile("huge.txt", b"x" * 201, "text/plain")]

    response = editor.post(reverse(BULK_ADD), {"uploads": files})

    assert response.status_code == 200
    assert "Larger than 200 bytes: huge.txt." in response.content.decode()
    assert not Article.objects.exists()


def test_a_malformed_upload_is_a_400_that_says_so(editor: Client) -> None:
    response = editor.generic(
        "POST", reverse(BULK_ADD), b"--x\r\nnot a part", content_type="multipart/form-data; boundary="
    )

    assert response.status_code == 400
    assert "The upload could not be read" in response.content.decode()


def test_the_csrf_check_still_guards_the_bulk_add(sent: list[int], settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = BULK_MAX_FILES
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("root", superuser=True))
    client.get(reverse(BULK_ADD))  # sets the CSRF cookie, as a browser showing the form would

    forged = client.post(reverse(BULK_ADD), {"urls": "https://a.example/1", "uploads": _files(2)})
    token = client.cookies["csrftoken"].value
    genuine = client.post(
        reverse(BULK_ADD), {"urls": "https://a.example/1", "uploads": _files(2), "csrfmiddlewaretoken": token}
    )

    assert forged.status_code == 403
    assert genuine.status_code == 302
    assert Article.objects.count() == 3


def test_only_editors_who_may_add_articles_reach_the_upload(settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = BULK_MAX_FILES
    client = Client()
    client.force_login(make_user("viewer"))

    response = client.post(reverse(BULK_ADD), {"uploads": _files(BULK_MAX_FILES + 1)})

    assert response.status_code == 403
    assert not Article.objects.exists()
