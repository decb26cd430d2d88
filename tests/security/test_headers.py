"""Every HTML response carries a CSP with a nonce where a page needs one, and a Permissions-Policy."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


@pytest.fixture
def admin_client_(db: None) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-Root-12345"))
    return client


@pytest.mark.parametrize("path", ["/", "/search/?q=talks", "/admin/login/", "/api/v1/docs/", "/api/v1/redoc/"])
def test_it_sends_csp_and_permissions_policy_on_html_pages(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_admin_pages_get_the_policy_too(admin_client_: Client) -> None:
    response = admin_client_.get("/admin/events/event/")
    assert response.status_code == 200
    assert directives(response)["script-src"][0] == "'self'"
    assert "Permissions-Policy" in response


@pytest.mark.parametrize(("path", "has_inline"), [("/api/v1/docs/", True), ("/api/v1/redoc/", False)])
def test_every_inline_script_of_the_api_docs_carries_the_responses_nonce(
    client: Client, path: str, has_inline: bool
) -> None:
    response = client.get(path)
    html = response.content.decode()
    nonces = [n for n in directives(response)["script-src"] if n.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0][len("'nonce-") : -1]
    inline = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag]
    assert bool(inline) is has_inline
    assert all(f'nonce="{nonce}"' in tag for tag in inline)


def test_public_pages_have_no_inline_script_without_a_nonce(client: Client) -> None:
    html = client.get("/").content.decode()
    assert all("src=" in tag or "nonce=" in tag for tag in re.findall(r"<script\b[^>]*>", html))


def test_pages_may_not_be_framed_but_the_embed_may(client: Client) -> None:
    from tests.factories import TopicFactory

    TopicFactory(slug="embed-me", is_published=True)
    assert directives(client.get("/"))["frame-ancestors"] == ["'none'"]
    embed = client.get("/topics/embed-me/embed/")
    assert embed.status_code == 200
    assert directives(embed)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in embed


def test_json_responses_also_get_the_headers(client: Client) -> None:
    response = client.get("/api/v1/events/")
    assert response.status_code == 200
    assert "Permissions-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"
