"""Who may do what: every admin action and every API route, for every kind of requester.

Requesters: anonymous; a contributor and an editor (staff, in the two editorial groups, signed in to
the admin — their session also reaches the API); an admin (superuser); a researcher with an API token
who submitted an article (the token owner); another researcher with a token of their own.

One table per surface. A change to who may do what shows up as a change to this table.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from knox.models import AuthToken
from rest_framework.test import APIClient

from events.models import Article, Citation, Event
from tests.factories import ArticleFactory, CitationFactory, EventFactory, TopicFactory, make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "editor", "admin", "token_owner", "other_token"]
STAFF = {"contributor", "editor", "admin"}
PASSWORD = "pw-Test-12345"


@dataclass
class World:
    clients: dict[str, APIClient]
    published: Event
    proposed_public: Event
    owners_draft: Event
    owners_article: Article
    citation: Citation
    topic_slug: str


@pytest.fixture(autouse=True)
def _fresh_throttles() -> Any:
    cache.clear()
    yield
    cache.clear()


def _token_client(username: str) -> APIClient:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    _, token = AuthToken.objects.create(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    client.user = user  # type: ignore[attr-defined]
    return client


def _session_client(user: Any) -> APIClient:
    client = APIClient()
    client.force_login(user)
    client.user = user  # type: ignore[attr-defined]
    return client


@pytest.fixture
def world(db: None) -> World:
    clients = {
        "anonymous": APIClient(),
        "contributor": _session_client(make_user("conrad", group="Contributors")),
        "editor": _session_client(make_user("edith", group="Editors")),
        "admin": _session_client(make_user("root", superuser=True)),
        "token_owner": _token_client("owner"),
        "other_token": _token_client("other"),
    }
    published = EventFactory(review_state="published")
    CitationFactory(event=published)
    topic = TopicFactory(slug="matrix", is_published=True)
    published.topic_memberships.create(topic=topic)
    proposed_public = EventFactory(review_state="proposed")
    CitationFactory(event=proposed_public)  # publishable: a public event needs a source
    owners_article = ArticleFactory(
        submitted_by=clients["token_owner"].user,  # type: ignore[attr-defined]
        clean_text="The owner's draft sentence.",
        content_hash=hashlib.sha256(b"matrix-owner").hexdigest(),
    )
    owners_draft = EventFactory(review_state="proposed")
    citation = CitationFactory(event=owners_draft, article=owners_article, quote="The owner's draft sentence.")
    return World(clients, published, proposed_public, owners_draft, owners_article, citation, topic.slug)


# --- API -------------------------------------------------------------------------------------------

# (route name, method, path template) -> expected status per role, in ROLES order.
OK = 200
A_ = {r: OK for r in ROLES}  # everyone


def _expect(**statuses: int) -> dict[str, int]:
    return {**A_, **statuses}


API_MATRIX: list[tuple[str, str, str, dict[str, int]]] = [
    ("events list", "get", "/api/v1/events/", A_),
    ("published event", "get", "/api/v1/events/{published}/", A_),
    # Editors (and contributors, who hold events.view_event) see proposals; researchers only their own.
    (
        "someone else's proposed event",
        "get",
        "/api/v1/events/{proposed_public}/",
        _expect(anonymous=404, token_owner=404, other_token=404),
    ),
    ("the owner's proposed event", "get", "/api/v1/events/{owners_draft}/", _expect(anonymous=404, other_token=404)),
    ("events export", "get", "/api/v1/events/export/?format=ndjson", A_),
    ("topics", "get", "/api/v1/topics/", A_),
    ("topic", "get", "/api/v1/topics/{topic_slug}/", A_),
    ("actors", "get", "/api/v1/actors/", A_),
    ("places", "get", "/api/v1/places/", A_),
    ("sources", "get", "/api/v1/sources/", A_),
    ("citations", "get", "/api/v1/citations/", A_),
    ("articles", "get", "/api/v1/articles/", A_),
    ("the owner's article", "get", "/api/v1/articles/{owners_article}/", _expect(anonymous=404, other_token=404)),
    ("changes", "get", "/api/v1/changes/", A_),
    ("schema", "get", "/api/v1/schema/", A_),
    ("docs", "get", "/api/v1/docs/", A_),
    ("redoc", "get", "/api/v1/redoc/", A_),
    (
        "submit an article",
        "post",
        "/api/v1/articles/",
        _expect(anonymous=401, **dict.fromkeys(["contributor", "editor", "admin", "token_owner", "other_token"], 202)),
    ),
    # Read-only resources refuse writes from everyone, admins included: editing happens in the admin.
    ("write an event", "post", "/api/v1/events/", {r: 405 for r in ROLES}),
    ("delete an event", "delete", "/api/v1/events/{published}/", {r: 405 for r in ROLES}),
    ("write a topic", "post", "/api/v1/topics/", {r: 405 for r in ROLES}),
    # A token is made from HTTP Basic credentials only: a session or another token cannot mint one.
    ("token without Basic credentials", "post", "/api/v1/auth/token/", {r: 401 for r in ROLES}),
    # Logging out deletes the token used for the request; only a token can do that.
    (
        "logout",
        "post",
        "/api/v1/auth/logout/",
        _expect(anonymous=401, contributor=401, editor=401, admin=401, token_owner=204, other_token=204),
    ),
    (
        "logout all",
        "post",
        "/api/v1/auth/logoutall/",
        _expect(anonymous=401, contributor=401, editor=401, admin=401, token_owner=204, other_token=204),
    ),
]


def _path(template: str, world: World) -> str:
    return template.format(
        published=world.published.pk,
        proposed_public=world.proposed_public.pk,
        owners_draft=world.owners_draft.pk,
        owners_article=world.owners_article.pk,
        topic_slug=world.topic_slug,
    )


@pytest.mark.parametrize(("name", "method", "template", "expected"), API_MATRIX, ids=[row[0] for row in API_MATRIX])
def test_api_route(world: World, name: str, method: str, template: str, expected: dict[str, int]) -> None:
    path = _path(template, world)
    got = {}
    for role in ROLES:
        client = world.clients[role]
        data = {"text": f"Submitted by {role}: the envoys met in Geneva on 3 May 2024.", "title": role}
        response = getattr(client, method)(path, data if method == "post" else None, format="json")
        got[role] = response.status_code
    assert got == expected


def test_a_token_is_made_from_the_right_basic_credentials_only(world: World) -> None:
    def basic(password: str) -> dict[str, str]:
        raw = base64.b64encode(f"owner:{password}".encode()).decode()
        return {"HTTP_AUTHORIZATION": f"Basic {raw}"}

    assert APIClient().post("/api/v1/auth/token/", **basic("wrong")).status_code == 401
    response = APIClient().post("/api/v1/auth/token/", **basic(PASSWORD))
    assert response.status_code == 200 and response.json()["token"]


def test_a_deleted_token_stops_working(world: World) -> None:
    client = world.clients["token_owner"]
    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert client.get(f"/api/v1/articles/{world.owners_article.pk}/").status_code in {401, 404}


# --- Admin -----------------------------------------------------------------------------------------

ADMIN_ACTIONS: dict[str, tuple[str, set[str]]] = {
    # action -> (changelist, roles that may use it)
    "publish": ("/admin/events/event/", {"editor", "admin"}),
    "reject": ("/admin/events/event/", {"editor", "admin"}),
    "merge_selected": ("/admin/events/event/", {"editor", "admin"}),
    "undo_merge": ("/admin/events/event/", {"editor", "admin"}),
    # Editors hold every permission on events (migration 0003), deletion included.
    "delete_selected": ("/admin/events/event/", {"editor", "admin"}),
    "retry_processing": ("/admin/events/article/", {"editor", "admin"}),
    "reprocess": ("/admin/events/article/", {"editor", "admin"}),
}


def _admin_client(world: World, role: str) -> Client:
    return world.clients[role]  # APIClient is a django.test.Client with the same session handling


@pytest.mark.parametrize("role", ROLES)
def test_admin_actions_offered(world: World, role: str) -> None:
    client = _admin_client(world, role)
    for action, (changelist, allowed) in ADMIN_ACTIONS.items():
        response = client.get(changelist)
        if role not in STAFF:
            # Not staff: the admin sends them to its login page, whatever they ask for.
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (role, action)
            continue
        assert response.status_code == 200, (role, action)
        form = response.context["action_form"]  # None when the user may use no action on this list
        offered = {name for name, _ in form.fields["action"].choices if name} if form is not None else set()
        assert (action in offered) == (role in allowed), (role, action, sorted(offered))


@pytest.mark.parametrize("role", ROLES)
def test_publish_takes_effect_only_for_those_allowed(world: World, role: str) -> None:
    client = _admin_client(world, role)
    event = world.proposed_public
    client.post("/admin/events/event/", {"action": "publish", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert (event.review_state == "published") == (role in ADMIN_ACTIONS["publish"][1])


@pytest.mark.parametrize("role", ROLES)
def test_retry_takes_effect_only_for_those_allowed(world: World, role: str) -> None:
    client = _admin_client(world, role)
    failed = ArticleFactory(
        state="failed", error="boom", content_hash=hashlib.sha256(f"matrix-failed-{role}".encode()).hexdigest()
    )
    client.post("/admin/events/article/", {"action": "retry_processing", "_selected_action": [failed.pk]})
    failed.refresh_from_db()
    assert (failed.state != "failed") == (role in ADMIN_ACTIONS["retry_processing"][1])


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/admin/", STAFF),
        ("/admin/events/event/add/", STAFF),
        ("/admin/events/article/add/", STAFF),
        # Contributors see the new sources waiting (as they see proposed events); only editors decide.
        ("/admin/events/event/new-sources/", STAFF),
        ("/admin/auth/user/", {"admin"}),
        ("/admin/otp_totp/totpdevice/", {"admin"}),
        ("/admin/axes/accessattempt/", {"admin"}),
    ],
)
def test_admin_pages(world: World, path: str, allowed: set[str]) -> None:
    for role in ROLES:
        status = _admin_client(world, role).get(path).status_code
        if role not in STAFF:
            assert status == 302, (path, role)
        else:
            assert (status == 200) == (role in allowed), (path, role, status)
