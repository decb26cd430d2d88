"""Grouping events by year and month at their precision: model instances and a page's records alike."""

from __future__ import annotations

from datetime import date
from typing import Any

from events.models import Event
from events.presentation.record import EventRecord, RecordEmbeds, record_row_from_instance, records_from_rows
from timeline.render import time_html
from timeline.timeline_groups import YearGroup, group_by_year_month, html_datetime, split_ahead


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


def record(edtf: str, status: str = "occurred") -> EventRecord:
    """The record a timeline page reads, with the same bounds as the model's (nothing embedded)."""
    row = record_row_from_instance(event(edtf, status))
    return records_from_rows([row], RecordEmbeds({}, {}, {}, None))[0]


def test_records_are_grouped_and_split_by_the_same_rules_as_events() -> None:
    edtfs = ["2012~", "2012-03-04", "2012-03", "2013-01-05/2013-01-07", "2030-01"]
    statuses = ["occurred", "occurred", "occurred", "ongoing", "scheduled"]
    events = [event(e, s) for e, s in zip(edtfs, statuses, strict=True)]
    rows = [record(e, s) for e, s in zip(edtfs, statuses, strict=True)]

    def shape(groups: list[YearGroup[Any]]) -> list[tuple[int, str, list[str]]]:
        return [(y.year, m.key, [e.date_edtf for e in m.events]) for y in groups for m in y.months]

    today = date(2024, 1, 1)
    past_events, ahead_events = split_ahead(events, today)
    past_rows, ahead_rows = split_ahead(rows, today)
    assert shape(group_by_year_month(past_rows)) == shape(group_by_year_month(past_events))
    assert shape(group_by_year_month(past_rows)) == [
        (2012, "2012", ["2012~"]),
        (2012, "2012-03", ["2012-03-04", "2012-03"]),
        (2013, "2013-01", ["2013-01-05/2013-01-07"]),
    ]
    assert [r.date_edtf for r in ahead_rows] == [e.date_edtf for e in ahead_events] == ["2030-01"]


def test_a_rows_time_element_carries_the_same_datetime_as_the_events() -> None:
    for edtf in ("2023-06-18", "2023-05", "2012", "2021-03-18/2021-03-19"):
        item = event(edtf)
        html = time_html(item.date_edtf, False, item.date_lower, item.date_upper, item.precision)
        assert f'<time datetime="{html_datetime(item)}"' in html
