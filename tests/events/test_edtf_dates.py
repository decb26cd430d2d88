"""EDTF parsing: bounds and precision for each shape, the human form, and clear refusals."""

from datetime import date

import pytest

from events.domain.edtf_dates import InvalidEdtf, format_edtf, parse_edtf


@pytest.mark.parametrize(
    ("value", "lower", "upper", "precision"),
    [
        pytest.param("2023-06-18", date(2023, 6, 18), date(2023, 6, 18), "day", id="day"),
        pytest.param("2024-05", date(2024, 5, 1), date(2024, 5, 31), "month", id="month"),
        pytest.param("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", id="leap-february"),
        pytest.param("2012", date(2012, 1, 1), date(2012, 12, 31), "year", id="year"),
        pytest.param("2024-21", date(2024, 3, 1), date(2024, 5, 31), "season", id="season-spring"),
        pytest.param("2021-03-18/2021-03-19", date(2021, 3, 18), date(2021, 3, 19), "day", id="interval-days"),
        pytest.param("2024-05/2024-07", date(2024, 5, 1), date(2024, 7, 31), "month", id="interval-months"),
        pytest.param("2012~", date(2012, 1, 1), date(2012, 12, 31), "year", id="approximate-year"),
        pytest.param("2012-05?", date(2012, 5, 1), date(2012, 5, 31), "month", id="uncertain-month"),
        pytest.param("201X", date(2010, 1, 1), date(2019, 12, 31), "decade", id="decade"),
    ],
)
def test_it_derives_bounds_and_precision(value: str, lower: date, upper: date, precision: str) -> None:
    parsed = parse_edtf(value)
    assert (parsed.lower, parsed.upper, parsed.precision.value) == (lower, upper, precision)


def test_it_flags_approximate_and_uncertain_values() -> None:
    assert parse_edtf("2012~").approximate and not parse_edtf("2012~").uncertain
    assert parse_edtf("2012?").uncertain and not parse_edtf("2012?").approximate
    assert not parse_edtf("2012").approximate


def test_it_keeps_an_open_ended_interval_open() -> None:
    parsed = parse_edtf("2012/..")
    assert parsed.lower == date(2012, 1, 1)
    assert parsed.upper == date.max


@pytest.mark.parametrize(
    ("value", "human"),
    [
        ("2023-06-18", "18 Jun 2023"),
        ("2024-05", "May 2024"),
        ("2012~", "c. 2012"),
        ("2021-03-18/2021-03-19", "18–19 Mar 2021"),
        ("2021-03-30/2021-04-02", "30 Mar – 2 Apr 2021"),
        ("2024-21", "Spring 2024"),
        ("2012/..", "since 2012"),
    ],
)
def test_it_writes_dates_as_readers_do(value: str, human: str) -> None:
    assert format_edtf(value) == human


def test_it_writes_a_week_as_week_of() -> None:
    assert format_edtf("2025-02-17/2025-02-23", week=True) == "week of 17 Feb 2025"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2024-13", "not a valid EDTF date"),
        ("2023-02-30", "not a valid EDTF date"),
        ("May 2024", "not a valid EDTF date"),
        ("", "required"),
        ("2024-05-10/2024-05-01", "end comes before the start"),
    ],
)
def test_it_refuses_invalid_values_with_a_message(value: str, fragment: str) -> None:
    with pytest.raises(InvalidEdtf, match=fragment):
        parse_edtf(value)
