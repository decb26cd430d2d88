"""The publication-date check in the pipeline, and the editor's action on its suggestion.

After extraction, ``date_check_run`` compares the date the article states (page metadata, its own date
line, the submitter's) with what the text implies (``events.pubdate``), against the facts in the
database and today's date. The store writes the result on the article (``date_check_apply``): a
doubtful article's events stay proposed, and it refines no existing event's date. The admin's one
action, ``article_use_suggested_date``, corrects the date through ``article_set_published``, which
re-resolves every date of the article.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from events.exceptions import DomainError
from events.extraction.types import ArticleExtraction
from events.models import Article
from events.models.articles import DateCheckVerdict, PublishedSource
from events.pubdate import DateCheck, check_publication_date
from events.pubdate.from_extraction import mentions_of
from events.selectors_facts import facts_for_date_check, facts_with_published_events
from events.services.history import UserLike


def date_check_run(*, extraction: ArticleExtraction) -> DateCheck:
    """Check the date ``extraction`` was resolved against (no date: today) against its text and the facts."""
    mentions = mentions_of(extraction)
    facts = facts_with_published_events(
        facts_for_date_check(), actor_names=(name for mention in mentions for name in mention.actors)
    )
    return check_publication_date(
        text=extraction.text,
        stated=extraction.published,
        mentions=mentions,
        facts=facts,
        today=timezone.localdate(),
        sources=extraction.stated_dates,
    )


def date_check_apply(article: Article, check: DateCheck) -> None:
    """Write ``check`` on ``article`` (not saved). A date an editor corrected from a suggestion stays corrected."""
    if article.date_check == DateCheckVerdict.CORRECTED and article.published_source == PublishedSource.EDITOR:
        return
    article.date_check = check.verdict
    article.date_check_reasons = [reason.to_dict() for reason in check.reasons]
    article.date_suggested = check.suggested
    article.date_suggested_from = check.suggested_from
    article.date_suggested_to = check.suggested_to


@transaction.atomic
def article_use_suggested_date(*, article: Article, user: UserLike = None) -> Article:
    """Use the date the check suggests: correct the publication date and re-extract (recorded in history)."""
    from events.services.articles import article_set_published

    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.date_check != DateCheckVerdict.DOUBTFUL or article.date_suggested is None:
        raise DomainError(
            f"article {article.pk} has no suggested date to use (its date check: {article.date_check or 'none'})"
        )
    if article.date_stated is None:
        article.date_stated = article.published
    article.date_check = DateCheckVerdict.CORRECTED
    return article_set_published(
        article=article,
        published=article.date_suggested,
        user=user,
        reason=f"publication date corrected to the suggested {article.date_suggested} (date check)",
        extra_fields=["date_stated", "date_check"],
    )
