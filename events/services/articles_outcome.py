"""What became of an article: events found, none found and why, or failed and why.

Called by :mod:`events.services.articles_process` when processing ends. An article that yields no
events gets a reason an editor (and the API) can read: its language is not supported yet, it has no
dated statement, no diplomatic event is mentioned, or dates and event words are there but only as
background. The diagnosis reads the text with the engine's own lexicons (time-expression patterns,
trigger words) without parsing it again.
"""

from __future__ import annotations

import re
from functools import cache

from django.db.models import Exists, OuterRef

from events.models import Article, Citation, OutcomeReason

_DIAGNOSIS_CHARS = 200_000  # enough to tell; a time expression or an event word shows up early


@cache
def _event_words() -> re.Pattern[str]:
    from events.extraction.triggers import NOUNS, VERBS

    stems = sorted({word for word in (*VERBS, *NOUNS) if word.isalpha()}, key=len, reverse=True)
    # A word of the trigger lexicon with a plain ending ("visit", "visited", "talks", "meeting").
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")(?:s|es|d|ed|ing|ings)?\b", re.IGNORECASE)


def no_events_reason(text: str) -> tuple[str, str]:
    """(OutcomeReason, detail) for a text in which the engine found no event."""
    from events.extraction.timex.finder import find_candidates

    sample = text[:_DIAGNOSIS_CHARS]
    if not sample.strip():
        return OutcomeReason.NO_TEXT, "no article text found"
    has_dates = bool(find_candidates(sample))
    has_event_words = bool(_event_words().search(sample))
    if not has_dates:
        return OutcomeReason.NO_DATES, "no dated statements: the text gives no date or time the engine recognises"
    if not has_event_words:
        return OutcomeReason.NO_EVENTS, "no diplomatic events found: dates, but no visit, talks, sanction or the like"
    return (
        OutcomeReason.BACKGROUND,
        "only background: dates and event words occur, but no statement dates a new event",
    )


def language_detail(code: str) -> str:
    import pycountry

    language = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    name = language.name if language is not None else code
    return f"language {name} ({code}) is not supported yet; only English articles are read"


def article_outcome_record(
    *, article_id: int, language: str = "", reason: str | None = None, detail: str = "", text: str | None = None
) -> str:
    """Record what became of a processed article; returns the reason ("" when events were found).

    With ``reason`` given (a failure, or a language refused before extraction) it is stored as is;
    otherwise a done article with no citation gets its reason from :func:`no_events_reason`.
    """
    row = (
        Article.objects.filter(pk=article_id)
        .annotate(cited=Exists(Citation.objects.filter(article=OuterRef("pk"))))
        .values("cited", "duplicate_of_id", "clean_text")
        .first()
    )
    if row is None:
        return ""
    if reason is None:
        if row["cited"]:
            reason, detail = "", ""
        elif row["duplicate_of_id"] is not None:
            reason, detail = OutcomeReason.DUPLICATE, f"same text as article {row['duplicate_of_id']}"
        else:
            reason, detail = no_events_reason(text if text is not None else row["clean_text"])
    fields: dict[str, object] = {"outcome_reason": str(reason), "outcome_detail": detail[:300]}
    if language:
        fields["language"] = language[:12]
    Article.objects.filter(pk=article_id).update(**fields)
    return str(reason)


def failure_reason(error: str) -> str:
    """The OutcomeReason of a failure, from its message (the pipeline writes these prefixes)."""
    lowered = error.lower()
    if lowered.startswith("fetch:"):
        return OutcomeReason.FETCH
    if "time limit" in lowered:
        return OutcomeReason.TIME_LIMIT
    if "size limit" in lowered or "too long" in lowered:
        return OutcomeReason.TOO_LONG
    if "no article text" in lowered:
        return OutcomeReason.NO_TEXT
    return OutcomeReason.ERROR
