"""Events store EDTF and derive their bounds; an invalid EDTF is refused with a message."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from events.domain.edtf_dates import InvalidEdtf
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "lower", "upper", "precision", "human"),
    [
        ("2023-06-18", date(2023, 6, 18), date(2023, 6, 18), "day", "18 Jun 2023"),
        ("2024-05", date(2024, 5, 1), date(2024, 5, 31), "month", "May 2024"),
        ("2012~", date(2012, 1, 1), date(2012, 12, 31), "year", "c. 2012"),
        ("2024-23", date(2024, 9, 1), date(2024, 11, 30), "season", "Autumn 2024"),
        ("2021-03-18/2021-03-19", date(2021, 3, 18), date(2021, 3, 19), "day", "18–19 Mar 2021"),
    ],
)
def test_it_stores_bounds_and_precision_from_the_edtf(
    value: str, lower: date, upper: date, precision: str, human: str
) -> None:
    event = EventFactory(date_edtf=value)
    event.refresh_from_db()
    assert (event.date_lower, event.date_upper, event.precision, event.human_date) == (lower, upper, precision, human)


def test_it_refreshes_the_bounds_when_the_date_is_corrected() -> None:
    event = EventFactory(date_edtf="2024-05")
    event.date_edtf = "2023-05-17"
    event.save()
    event.refresh_from_db()
    assert (event.date_lower, event.date_upper, event.precision) == (date(2023, 5, 17), date(2023, 5, 17), "day")


def test_it_marks_a_week_interval_as_week_precision() -> None:
    event = EventFactory(date_edtf="2025-03-31/2025-04-06", date_is_week=True)
    assert event.precision == "week"
    assert event.human_date == "week of 31 Mar 2025"


def test_full_clean_reports_what_is_wrong_with_an_edtf() -> None:
    event = Event(title="A visit", event_type="visit", date_edtf="2024-13-40")
    with pytest.raises(ValidationError) as info:
        event.full_clean()
    assert "not a valid EDTF date" in " ".join(info.value.message_dict["date_edtf"])


def test_saving_an_invalid_edtf_stores_nothing() -> None:
    with pytest.raises(InvalidEdtf):
        EventFactory(date_edtf="sometime")
    assert Event.objects.count() == 0
