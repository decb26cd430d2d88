"""Migration 0010 gives every existing citation a review state: accepted where an editor already stood
behind it, proposed where a researcher's article was matched onto an event published before it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from events.models import Citation

BEFORE = [("events", "0009_citation_date_basis")]
AFTER = [("events", "0010_citation_review_state")]
TEXT = "The ministers met in Vienna on Sunday."


@pytest.mark.django_db(transaction=True)
def test_it_accepts_what_an_editor_stood_behind_and_leaves_the_rest_proposed() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        User, Article, Event, OldCitation = (
            old.get_model(*name)
            for name in [("auth", "User"), ("events", "Article"), ("events", "Event"), ("events", "Citation")]
        )
        researcher = User.objects.create(username="researcher")
        admin = User.objects.create(username="root", is_superuser=True, is_staff=True)

        def event(reviewed: datetime | None) -> object:
            return Event.objects.create(
                title="Talks",
                event_type="meeting",
                status="occurred",
                date_edtf="2023-05",
                date_lower="2023-05-01",
                date_upper="2023-05-31",
                precision="month",
                review_state="published",
                reviewed_at=reviewed,
            )

        def cite(on: object, by: object, n: int) -> int:
            article = Article.objects.create(
                url=f"https://x.example/{n}", clean_text=TEXT, original=TEXT, submitted_by=by, state="done"
            )
            return OldCitation.objects.create(event=on, article=article, quote=TEXT, start=0, end=len(TEXT)).pk

        long_ago = datetime(2020, 1, 1, tzinfo=UTC)
        published_before = event(long_ago)  # published before any citation below existed
        published_later = event(datetime(2999, 1, 1, tzinfo=UTC))  # published after them: the queue showed them
        no_submitter = cite(published_before, None, 1)
        by_admin = cite(published_before, admin, 2)
        matched_after = cite(published_before, researcher, 3)
        reviewed_with_event = cite(published_later, researcher, 4)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)

    states = dict(Citation.objects.values_list("pk", "review_state"))
    assert states[no_submitter] == "accepted"
    assert states[by_admin] == "accepted"
    assert states[matched_after] == "proposed"
    assert states[reviewed_with_event] == "accepted"
