"""A real browser reports no Content-Security-Policy violation on the admin, the pages and the API docs.

The CSP is strict (scripts and style sheets only from our origin or with the response's nonce); this is
the proof that nothing we serve needed more, including the third-party Swagger UI and Redoc bundles.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import CitationFactory, EventFactory, TopicFactory

# Playwright's sync API keeps an event loop in this thread; the ORM calls here are plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(chromium: Any, url: str, wait_for: str, cookies: list[dict[str, Any]] | None = None) -> list[str]:
    """The CSP violations the browser reported while loading ``url`` and rendering ``wait_for``."""
    context = chromium.new_context()
    if cookies:
        context.add_cookies(cookies)
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    page.wait_for_selector(wait_for, timeout=20_000)
    page.wait_for_timeout(300)
    context.close()
    return violations


def test_public_pages(chromium: Any, live_server: Any) -> None:
    topic = TopicFactory(slug="csp-topic", is_published=True)
    event = EventFactory(review_state="published", date_edtf="2024-05")
    CitationFactory(event=event)
    event.topic_memberships.create(topic=topic)
    for path in ["/", "/topics/csp-topic/", f"/events/{event.pk}/", "/topics/csp-topic/embed/"]:
        assert visit(chromium, live_server.url + path, "main") == [], path


def test_admin(chromium: Any, live_server: Any) -> None:
    assert visit(chromium, live_server.url + "/admin/login/", "#login-form") == []
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-Root-12345"))
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }
    admin_pages = ["/admin/", "/admin/events/event/", "/admin/events/event/add/", "/admin/events/article/add/"]
    for path in [*admin_pages, "/admin/two-factor/"]:
        assert visit(chromium, live_server.url + path, "#content", [cookie]) == [], path


@pytest.mark.parametrize(("path", "rendered"), [("/api/v1/docs/", ".swagger-ui .info"), ("/api/v1/redoc/", "h1")])
def test_api_docs(chromium: Any, live_server: Any, path: str, rendered: str) -> None:
    violations = visit(chromium, live_server.url + path, rendered)
    # Redoc's bundle fetches its vendor's logo from its CDN; blocking that third-party call is the point.
    assert [v for v in violations if "https://cdn.redoc.ly/" not in v] == []
