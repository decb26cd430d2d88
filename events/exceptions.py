"""The errors services raise. Each carries a message fit to show an editor or an API client."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from events.models import Article


class DomainError(Exception):
    """A request the domain refuses; the message says why."""

    code = "invalid"


class DuplicateArticle(DomainError):
    code = "duplicate_article"

    def __init__(self, message: str, existing: Article) -> None:
        super().__init__(message)
        self.existing = existing


class InvalidCitation(DomainError):
    code = "invalid_citation"


class MergeError(DomainError):
    code = "merge_refused"


class ReviewError(DomainError):
    code = "review_refused"
