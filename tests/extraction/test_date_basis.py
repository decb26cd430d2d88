"""Each extracted event says how sure its date is (``date_basis``). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import DateBasis
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 10, 17)  # a Thursday


def bases(text: str) -> list[tuple[str, str]]:
    return [(e.date, str(e.date_basis)) for e in extract(text, PUBLISHED).events]


def test_a_date_with_its_year_is_explicit() -> None:
    assert bases("The two foreign ministers met in Geneva on March 4, 2024.") == [("2024-03-04", "explicit")]


def test_a_weekday_is_relative_to_publication() -> None:
    assert bases("The two foreign ministers met in Geneva on Tuesday.") == [("2024-10-15", "publication")]


def test_a_day_counted_from_the_narrated_day_is_narrative() -> None:
    text = "The two foreign ministers met in Geneva on March 4, 2024. Two days later, they signed a trade pact."
    assert bases(text) == [("2024-03-04", "explicit"), ("2024-03-06", "narrative")]


def test_the_basis_is_in_the_serialised_event() -> None:
    (event,) = extract("The two foreign ministers met in Geneva on Tuesday.", PUBLISHED).events
    assert event.to_dict()["date_basis"] == DateBasis.PUBLICATION.value
