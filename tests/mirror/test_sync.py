"""timeline-mirror sync against a live API: first sync, then the feed; the mirror equals the export."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from events.services import event_merge, event_reject, event_unmerge
from mirror.database import engine_for
from mirror.schema import events, sync_state
from mirror.sync import mirror_sync

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_copies_the_export_on_the_first_run(api_url, target_db, make_event, assert_mirror_equal):
    for _ in range(5):
        make_event()
    make_event(review_state="proposed")

    summary = mirror_sync(api=api_url, db=target_db, export_batch=2)

    assert summary.first and summary.exported == 5
    assert_mirror_equal(target_db)


def test_it_follows_the_feed_on_later_runs(api_url, target_db, make_event, assert_mirror_equal):
    kept, merged, rejected, deleted, renamed = (make_event() for _ in range(5))
    mirror_sync(api=api_url, db=target_db)

    event_merge(target=kept, others=[merged])
    event_reject(events=[rejected])
    deleted.delete()
    renamed.title = "Talks renamed"
    renamed.save()
    added = make_event()
    summary = mirror_sync(api=api_url, db=target_db)

    assert not summary.first and summary.exported == 0
    assert (summary.merges, summary.removals) == (1, 2)
    assert summary.upserts >= 3  # kept, renamed, added
    assert_mirror_equal(target_db)
    engine = engine_for(target_db)
    with engine.connect() as connection:
        assert connection.execute(select(events.c.merged_into).where(events.c.id == merged.pk)).scalar() == kept.pk
        assert connection.execute(select(sync_state.c.export_done)).scalar() is True
    engine.dispose()
    assert added.pk in {e["id"] for e in _visible(target_db)}


def test_it_brings_an_unmerged_event_back(api_url, target_db, make_event, assert_mirror_equal):
    kept, merged = make_event(), make_event()
    event_merge(target=kept, others=[merged])
    mirror_sync(api=api_url, db=target_db)

    event_unmerge(event=merged)
    mirror_sync(api=api_url, db=target_db)

    assert_mirror_equal(target_db)


def test_it_follows_one_topic(api_url, target_db, make_event, assert_mirror_equal):
    inside, outside = make_event(), make_event()
    slug = inside.topics.get().slug
    mirror_sync(api=api_url, db=target_db, topic=slug)
    assert [e["id"] for e in _visible(target_db)] == [inside.pk]

    outside.topic_memberships.create(topic=inside.topics.get())
    inside.topic_memberships.all().delete()
    mirror_sync(api=api_url, db=target_db, topic=slug)

    assert_mirror_equal(target_db, topic=slug)
    assert [e["id"] for e in _visible(target_db)] == [outside.pk]


def _visible(db_url):
    from tests.mirror.conftest import mirrored

    return mirrored(db_url)
