"""Grouping events by year and month at their precision."""

from __future__ import annotations

from datetime import date

from events.models import Event
from timeline.timeline_groups import group_by_year_month, html_datetime, split_ahead


def event(edtf: str, status: str = "occurred", week: bool = False) -> Event:
    item = Event(title=edtf, event_type="meeting", status=status, date_edtf=edtf, date_is_week=week)
    item.derive_date_fields()
    return item


def test_coarse_dates_go_under_their_year_before_its_months() -> None:
    years = group_by_year_month([event("2012~"), event("2012-03-04"), event("2012-03")])
    assert [(m.month, len(m.events)) for m in years[0].months] == [(None, 1), (3, 2)]
    assert years[0].months[0].label == "2012, date within the year"


def test_html_datetime_follows_the_precision() -> None:
    assert html_datetime(event("2023-06-18")) == "2023-06-18"
    assert html_datetime(event("2023-05")) == "2023-05"
    assert html_datetime(event("2012")) == "2012"
    assert html_datetime(event("2021-03-18/2021-03-19")) == "2021-03-18"


def test_only_scheduled_events_not_yet_over_are_ahead() -> None:
    past, ahead = split_ahead(
        [event("2030-01", "scheduled"), event("2020-01", "scheduled"), event("2030-02")], date(2024, 1, 1)
    )
    assert [e.date_edtf for e in ahead] == ["2030-01"]
    assert [e.date_edtf for e in past] == ["2020-01", "2030-02"]
