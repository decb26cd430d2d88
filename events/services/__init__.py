"""Writes. Views, admin actions, API views and tasks call these; none writes to the models directly.

Every function here is keyword-only, runs in a transaction, validates before it saves, and records the
acting user in the change history (django-simple-history reads ``_history_user``).
"""

from events.services.articles import (
    article_set_published,
    article_submit_html,
    article_submit_text,
    article_submit_url,
    content_hash_for,
)
from events.services.articles_datecheck import article_use_suggested_date
from events.services.articles_submit import (
    article_ingest_url,
    article_reprocess_request,
    article_retry,
    article_submit,
)
from events.services.citations import citation_create
from events.services.events import (
    event_create,
    event_merge,
    event_publish,
    event_reject,
    event_relate,
    event_split_citation,
    event_unmerge,
    event_update,
)
from events.services.queue import article_enqueue
from events.services.topics import topic_apply_rule

__all__ = [
    "article_enqueue",
    "article_ingest_url",
    "article_reprocess_request",
    "article_retry",
    "article_set_published",
    "article_submit",
    "article_submit_html",
    "article_submit_text",
    "article_submit_url",
    "article_use_suggested_date",
    "citation_create",
    "content_hash_for",
    "event_create",
    "event_merge",
    "event_publish",
    "event_reject",
    "event_relate",
    "event_split_citation",
    "event_unmerge",
    "event_update",
    "topic_apply_rule",
]
