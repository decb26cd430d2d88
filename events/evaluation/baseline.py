"""A naive baseline for comparison: every spaCy DATE entity is an event, dated by dateparser.

No triggers, no tense, no binding: the sentence of each DATE entity is the citation, the date is what
dateparser makes of the entity relative to the publication date, and the status is "occurred" for dates up
to the publication date and "scheduled" after it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from events.evaluation.scoring.events import PredictedEvent

if TYPE_CHECKING:
    from spacy.tokens import Doc


def baseline_events(doc: Doc, published: date) -> list[PredictedEvent]:
    import dateparser  # type: ignore[import-untyped,unused-ignore]

    settings: dict[str, object] = {
        "RELATIVE_BASE": __import__("datetime").datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    events: list[PredictedEvent] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        try:
            parsed = dateparser.parse(ent.text, languages=["en"], settings=settings)
        except Exception:  # dateparser raises on odd input; the baseline just skips it
            parsed = None
        if parsed is None:
            continue
        day = parsed.date()
        events.append(
            PredictedEvent(
                sentence=ent.sent.text,
                date=day.isoformat(),
                status="occurred" if day <= published else "scheduled",
            )
        )
    return events
