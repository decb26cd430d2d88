"""Dates the facts make finer: "a meeting last year in Bali" is November 2022 when the G20 met in Bali then.

An event the extractor dated to a year only, held at the host city of a known summit or known event of
that year (and of a meeting kind), takes that month. Only when exactly one fact fits: two summits in one
city in one year leave the year as it was.
"""

from __future__ import annotations

from dataclasses import replace

from events.extraction.types import ArticleExtraction, ExtractedEvent
from events.pubdate.facts import Facts, name_key

_MEETING_KINDS = {"meeting", "talks", "summit", "visit"}


def _month_of(event: ExtractedEvent, facts: Facts) -> tuple[str, str] | None:
    if (
        event.precision != "year"
        or event.location is None
        or event.lower is None
        or str(event.type) not in _MEETING_KINDS
    ):
        return None
    year, place = event.lower.year, name_key(event.location.name)
    months = {
        (g.start.strftime("%Y-%m"), f"the {g.series} summit in {g.city}")
        for g in facts.gatherings
        if g.start.year == year and name_key(g.city) == place and g.start.month == g.end.month
    }
    months |= {
        (k.start.strftime("%Y-%m"), k.title)
        for k in facts.known_events
        if k.start.year == year
        and name_key(k.place) == place
        and k.start.month == k.end.month
        and k.event_type in _MEETING_KINDS
    }
    distinct = {month for month, _ in months}
    if len(distinct) != 1:
        return None
    month = distinct.pop()
    return month, sorted(why for m, why in months if m == month)[0]


def refine_with_facts(extraction: ArticleExtraction, facts: Facts) -> ArticleExtraction:
    """``extraction`` with each year-only meeting at a known summit's host narrowed to that summit's month."""
    import calendar
    from datetime import date

    events = []
    changed = False
    for event in extraction.events:
        found = _month_of(event, facts)
        if found is None:
            events.append(event)
            continue
        month, _why = found
        year, number = int(month[:4]), int(month[5:])
        events.append(
            replace(
                event,
                date=month,
                lower=date(year, number, 1),
                upper=date(year, number, calendar.monthrange(year, number)[1]),
                precision="month",
            )
        )
        changed = True
    return replace(extraction, events=events) if changed else extraction
