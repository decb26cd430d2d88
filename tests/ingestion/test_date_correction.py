"""A corrected publication date reaches every event the article dates (issue 14 item 4, issue 16's write
path): the service ``article_set_published`` re-resolves, whoever calls it (admin form, bulk add, the
date check's action); published events get the new date as a proposal an editor accepts in one step;
locked dates and absolute expressions never move."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.test import Client

from events.models import Article, ArticleState, Event
from events.services import article_enqueue, article_set_published, article_submit_text, event_publish, event_update
from events.services.bulk import bulk_add
from events.services.event_dates import events_accept_proposed_dates
from tests.ingestion.conftest import LoopbackServer, Reply
from timeline.celery import app

pytestmark = pytest.mark.django_db

SHOOTDOWN = (
    "WASHINGTON (Wire) — A U.S. fighter jet shot down a Chinese surveillance balloon off the coast of "
    "South Carolina on Saturday, the Pentagon said."
)
PRISONERS = (
    "BEIJING (Wire) — A pastor has been imprisoned in China since 2006, and a teacher has been imprisoned "
    "since 2016, the envoy said on Saturday."
)


@pytest.fixture
def run(django_capture_on_commit_callbacks: Any, loopback_fetch: None) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    app.conf.task_always_eager = True

    def runner(action: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    yield runner
    app.conf.task_always_eager = False


def _processed(run: Any, text: str, published: date) -> Article:
    def submit() -> Article:
        article = article_submit_text(text=text, published=published)
        article_enqueue(article_id=article.pk)
        return article

    article = run(submit)
    article.refresh_from_db()
    assert article.state == ArticleState.DONE
    return article


def test_the_service_alone_re_resolves_a_processed_article(run: Any) -> None:
    article = _processed(run, SHOOTDOWN, date(2023, 2, 5))
    balloon = Event.objects.get(event_type="military_action")
    assert balloon.date_edtf == "2023-02-04"

    run(lambda: article_set_published(article=article, published=date(2023, 2, 13)))

    balloon.refresh_from_db()
    assert balloon.date_edtf == "2023-02-11"  # the Saturday before Monday 13 February


def test_a_published_event_gets_the_new_date_as_a_proposal_accepted_in_one_step(run: Any) -> None:
    article = _processed(run, SHOOTDOWN, date(2023, 2, 5))
    balloon = Event.objects.get(event_type="military_action")
    event_publish(events=[balloon])

    run(lambda: article_set_published(article=article, published=date(2023, 2, 13)))

    balloon.refresh_from_db()
    assert (balloon.date_edtf, balloon.proposed_date_edtf) == ("2023-02-04", "2023-02-11")
    assert f"article {article.pk}" in balloon.proposed_date_reason
    assert events_accept_proposed_dates(events=[balloon]) == 1
    balloon.refresh_from_db()
    assert (balloon.date_edtf, balloon.proposed_date_edtf, balloon.review_state) == ("2023-02-11", "", "published")


def test_a_date_an_editor_locked_gets_no_proposal(run: Any) -> None:
    article = _processed(run, SHOOTDOWN, date(2023, 2, 5))
    balloon = Event.objects.get(event_type="military_action")
    event_update(event=balloon, date_edtf="2023-02-04")  # an editor confirms it: locked
    event_publish(events=[balloon])

    run(lambda: article_set_published(article=article, published=date(2023, 2, 13)))

    balloon.refresh_from_db()
    assert (balloon.date_edtf, balloon.proposed_date_edtf) == ("2023-02-04", "")


def test_an_absolute_year_never_moves(run: Any) -> None:
    article = _processed(run, PRISONERS, date(2023, 6, 18))
    before = sorted(Event.objects.filter(event_type="detention").values_list("date_edtf", flat=True))
    assert before == ["2006", "2016"]

    run(lambda: article_set_published(article=article, published=date(2024, 6, 18)))

    after = sorted(Event.objects.filter(event_type="detention").values_list("date_edtf", flat=True))
    assert after == ["2006", "2016"]


def test_the_admin_form_corrects_through_the_service(run: Any, editor: Client) -> None:
    article = _processed(run, SHOOTDOWN, date(2023, 2, 5))
    balloon = Event.objects.get(event_type="military_action")
    url = f"/admin/events/article/{article.pk}/change/"
    form = editor.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update({"published": "2023-02-13", "title": article.title or "Balloon", "_save": "Save"})

    response = run(lambda: editor.post(url, data))

    assert response.status_code == 302
    balloon.refresh_from_db()
    article.refresh_from_db()
    assert (article.published, article.published_source) == (date(2023, 2, 13), "editor")
    assert balloon.date_edtf == "2023-02-11"


def test_bulk_add_with_a_date_resolves_against_it(run: Any, http_server: LoopbackServer) -> None:
    page = (
        '<!doctype html><html><head><title>Balloon</title><meta property="article:published_time" '
        f'content="2023-02-05T10:00:00Z"></head><body><article><h1>Balloon</h1><p>{SHOOTDOWN}</p>'
        "</article></body></html>"
    ).encode()
    http_server.routes["/balloon"] = Reply(body=page)

    (outcome,) = run(lambda: bulk_add(urls=[http_server.url("/balloon")], uploads=[], published=date(2023, 2, 13)))

    article = Article.objects.get(pk=outcome.article_id)
    assert (article.published, article.published_source, article.state) == (date(2023, 2, 13), "editor", "done")
    assert Event.objects.get(event_type="military_action").date_edtf == "2023-02-11"


def test_an_office_named_alone_adds_its_holder_to_the_event(run: Any) -> None:
    from events.selectors_facts import facts_clear_cache
    from events.services.facts import facts_load

    facts_load()
    facts_clear_cache()
    text = "WASHINGTON (Wire) — The U.S. secretary of state met China's foreign minister in Jakarta on Tuesday."
    _processed(run, text, date(2023, 7, 14))
    facts_clear_cache()
    meeting = Event.objects.get(event_type="meeting")
    names = set(meeting.actor_links.values_list("actor__name", flat=True))
    assert {"Antony Blinken", "Qin Gang"} <= names
