"""Finding 1 of issue 18: search cost grows linearly with the words, and a search has a size limit.

One ``.filter()`` per word across the actor and citation joins multiplied the rows (actors x
citations per event, once per word) before ``DISTINCT``: nine anonymous words took minutes. The
tests look at the shape of the SQL and at what the database has to read, never at wall time.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from events import selectors
from events.models import Event, EventActor
from events.selectors import events_published, events_search
from tests.factories import ActorFactory, ArticleFactory, CitationFactory, EventFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def _sql(query: str) -> str:
    return str(events_search(events_published(), query).query)


def _published_event_with(actors: int, citations: int, **fields: object) -> Event:
    event = EventFactory(review_state="published", **fields)
    for _ in range(actors):
        EventActor.objects.create(event=event, actor=ActorFactory(), role="participant")
    for _ in range(citations):
        CitationFactory(event=event, article=ArticleFactory())
    return event


def _outer_from(sql: str) -> str:
    """The FROM clause of the outer query: what each result row is joined to."""
    return sql.split(" WHERE ", 1)[0]


def test_it_joins_nothing_more_for_more_words() -> None:
    one, ten = _sql("minister"), _sql(" ".join(["minister"] * 10))
    assert _outer_from(ten).count(" JOIN ") <= _outer_from(one).count(" JOIN ") <= 1  # the place at most


def test_it_never_joins_actors_or_citations_into_the_outer_rows() -> None:
    sql = _sql("talks in vienna on sunday")
    outer = _outer_from(sql)
    assert "events_eventactor" not in outer and "events_citation" not in outer
    assert "DISTINCT" not in sql


def test_it_reads_one_row_per_event_whatever_the_words() -> None:
    # Before the fix the rows before DISTINCT were (actors x citations) ** words: here 6 ** 4.
    _published_event_with(actors=2, citations=3, title="Talks held in Vienna")
    words = " ".join(["a"] * 4)  # every actor name and quote holds an "a"
    query = events_search(events_published(), words).values("pk").query.clone()
    query.distinct = False
    with connection.cursor() as cursor:
        sql, params = query.sql_with_params()
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS rows_read", params)
        (rows,) = cursor.fetchone()
    assert rows == 1


def test_it_finds_by_each_field_as_before() -> None:
    vienna = PlaceFactory(name="Vienna")
    by_place = _published_event_with(actors=0, citations=0, title="Talks", place=vienna)
    by_actor = _published_event_with(actors=0, citations=0, title="Visit")
    EventActor.objects.create(event=by_actor, actor=ActorFactory(name="Wang Yi"), role="participant")
    by_quote = _published_event_with(actors=0, citations=1, title="Call")  # the quote names Beijing
    by_title = _published_event_with(actors=0, citations=0, title="Summit in Lima")
    hidden = EventFactory(review_state="proposed", title="Summit in Lima")

    def found(query: str) -> set[int]:
        return set(events_search(events_published(), query).values_list("pk", flat=True))

    assert found("vienna") == {by_place.pk}
    assert found("WANG yi") == {by_actor.pk}
    assert found("beijing") == {by_quote.pk}
    assert found("summit lima") == {by_title.pk}
    assert hidden.pk not in found("lima")
    assert found("vienna lima") == set()


def test_it_refuses_more_words_than_the_limit_with_a_message() -> None:
    limit = selectors.SEARCH_MAX_WORDS
    with pytest.raises(selectors.SearchQueryError, match=f"at most {limit} words"):
        events_search(events_published(), " ".join(["w"] * (limit + 1)))


def test_the_api_answers_400_with_the_limit_for_too_many_words() -> None:
    SEARCH_MAX_WORDS = selectors.SEARCH_MAX_WORDS
    q = " ".join(["w"] * (SEARCH_MAX_WORDS + 1))
    response = APIClient().get("/api/v1/events/", {"q": q})
    assert response.status_code == 400
    assert f"at most {SEARCH_MAX_WORDS} words" in response.content.decode()


def test_the_api_answers_400_for_a_query_too_long() -> None:
    response = APIClient().get("/api/v1/events/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "characters" in response.content.decode()


def test_the_search_page_says_the_query_is_too_long(client: Client) -> None:
    SEARCH_MAX_WORDS = selectors.SEARCH_MAX_WORDS
    q = " ".join(["w"] * (SEARCH_MAX_WORDS + 3))
    response = client.get(reverse("timeline:search"), {"q": q})
    assert response.status_code == 400
    assert f"at most {SEARCH_MAX_WORDS} words; this one has {SEARCH_MAX_WORDS + 3}" in response.content.decode()


def test_the_search_page_still_searches_up_to_the_limit(client: Client) -> None:
    _published_event_with(actors=0, citations=0, title="Summit in Lima")
    q = " ".join(["lima"] * selectors.SEARCH_MAX_WORDS)
    response = client.get(reverse("timeline:search"), {"q": q})
    assert response.status_code == 200
    assert "Summit in Lima" in response.content.decode()


@pytest.mark.postgres
def test_postgresql_finds_the_same_events_with_one_text_per_event(monkeypatch: pytest.MonkeyPatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL")
    vienna = PlaceFactory(name="Vienna")
    talks = _published_event_with(actors=2, citations=2, title="Talks on trade", place=vienna, summary="Tariffs 50%")
    EventActor.objects.create(event=talks, actor=ActorFactory(name="Wang Yi"), role="participant")
    _published_event_with(actors=1, citations=3, title="Summit in Lima", summary="Leaders_met")
    queries = [
        "talks trade vienna wang yi minister beijing foreign",  # every field, mixed case below
        "TALKS Trade VIENNA wang YI Minister beijing FOREIGN",
        "a e i o u t n s",
        "50% leaders_met lima summit in a e i",  # LIKE's wildcards are plain characters
        "talks lima vienna trade a e i o",  # no event has all
        "vienna\ntrade a e i o u t",
    ]

    def ids(words: list[str]) -> list[int]:
        return sorted(selectors.events_matching_words(events_published(), words).values_list("pk", flat=True))

    one_text = {q: ids(q.split()) for q in queries}
    assert "strpos" in str(selectors.events_matching_words(events_published(), queries[0].split()).query)
    monkeypatch.setattr(selectors, "POSTGRESQL_ONE_TEXT_FROM_WORDS", 10**6)
    assert "strpos" not in str(selectors.events_matching_words(events_published(), queries[0].split()).query)
    assert {q: ids(q.split()) for q in queries} == one_text
    assert one_text[queries[0]] == [talks.pk] and one_text[queries[4]] == []
