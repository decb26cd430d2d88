"""Submitting articles: 202 with a status URL; a researcher's drafts are visible to that researcher only."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from events.models import Article
from tests.api.conftest import _token_client
from tests.factories import ArticleFactory, CitationFactory, EventFactory

pytestmark = pytest.mark.django_db

TEXT = "BEIJING (Wire) — The foreign minister arrived in Beijing early Sunday for two days of talks."


@pytest.fixture(autouse=True)
def _no_worker(monkeypatch):
    queued: list[int] = []
    monkeypatch.setattr("events.tasks.process_article.delay", queued.append)
    return queued


def test_it_accepts_text_with_202_and_a_status_url(client_researcher, _no_worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_researcher.post("/api/v1/articles/", {"text": TEXT, "title": "Talks"}, format="json")

    assert response.status_code == 202
    body = response.json()
    assert body["state"] == "queued" and response["Location"] == body["status_url"]
    assert _no_worker == [body["id"]]
    assert client_researcher.get(body["status_url"]).json()["state"] == "queued"


def test_it_accepts_a_url(client_researcher):
    response = client_researcher.post("/api/v1/articles/", {"url": "https://news.example/a?utm_source=x"})

    assert response.status_code == 202
    assert response.json()["url"] == "https://news.example/a"


def test_it_requires_a_token_to_submit(client_anon):
    response = client_anon.post("/api/v1/articles/", {"text": TEXT})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_it_refuses_an_empty_submission_with_the_error_shape(client_researcher):
    response = client_researcher.post("/api/v1/articles/", {"title": "nothing"})

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["non_field_errors"] == ["give a url, or the article's text"]


def test_it_maps_a_domain_refusal_to_400(client_researcher):
    response = client_researcher.post("/api/v1/articles/", {"text": "   \n  "}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_it_answers_a_duplicate_with_409_and_the_stored_article(client_researcher):
    first = client_researcher.post("/api/v1/articles/", {"text": TEXT}).json()

    response = client_researcher.post("/api/v1/articles/", {"text": TEXT})

    assert response.status_code == 409
    error = response.json()["error"]
    assert (error["code"], error["existing_article"]) == ("duplicate_article", first["id"])


def test_it_shows_a_researcher_only_its_own_drafts(client_researcher, client_anon):
    article_id = client_researcher.post("/api/v1/articles/", {"text": TEXT}).json()["id"]
    draft = EventFactory(review_state="proposed")
    CitationFactory(
        event=draft, article_id=article_id, start=0, end=TEXT.index(".") + 1, quote=TEXT[: TEXT.index(".") + 1]
    )
    someone_else = _token_client(get_user_model().objects.create_user(username="other", password="pw-Test-12345"))

    status = client_researcher.get(f"/api/v1/articles/{article_id}/").json()

    assert [e["id"] for e in status["events"]] == [draft.pk]
    assert [e["id"] for e in client_researcher.get("/api/v1/events/").json()["results"]] == [draft.pk]
    assert someone_else.get("/api/v1/events/").json()["results"] == []
    assert someone_else.get(f"/api/v1/articles/{article_id}/").status_code == 404
    assert client_anon.get(f"/api/v1/events/{draft.pk}/").status_code == 404


def test_it_lists_only_cited_articles_to_anonymous_readers(client_anon, make_event):
    event = make_event()
    ArticleFactory()  # cited by nothing

    ids = [a["id"] for a in client_anon.get("/api/v1/articles/").json()["results"]]

    assert ids == [event.citations.get().article_id]


@pytest.mark.django_db(transaction=True)
def test_it_enqueues_processing_once_the_submission_commits(client_researcher, monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr("events.tasks.process_article.delay", sent.append)

    response = client_researcher.post("/api/v1/articles/", {"text": TEXT}, format="json")

    assert response.status_code == 202
    assert sent == [response.json()["id"]]


@pytest.mark.django_db(transaction=True)
def test_it_keeps_a_submission_queued_when_the_broker_is_down(client_researcher, monkeypatch):
    """The API used its own enqueue, which raised after the article was committed; the service's is robust."""

    def broker_down(article_id: int) -> None:
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr("events.tasks.process_article.delay", broker_down)

    response = client_researcher.post("/api/v1/articles/", {"text": TEXT}, format="json")

    assert response.status_code == 202
    article = Article.objects.get(pk=response.json()["id"])
    assert article.state == "queued"
