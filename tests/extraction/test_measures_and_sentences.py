"""Trade measures with their start dates, sentences passed by courts, and the state a court or authority
acts for (sentences of our own)."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)


def only_event(text: str) -> ExtractedEvent:
    [event] = extract(text, PUBLISHED, ExtractionConfig()).events
    return event


def test_curbs_and_restrictions_on_exports_are_export_controls() -> None:
    assert only_event("Ostland imposed export curbs on rare earths on Monday.").type is EventType.EXPORT_CONTROL
    assert only_event("Ostland lifted export restrictions on chips on Monday.").type is EventType.EXPORT_CONTROL
    assert only_event("Ostland imposed new tariffs on Zemblan steel on Monday.").type is EventType.SANCTION


def test_a_measure_starting_on_a_day_takes_the_nearest_such_day() -> None:
    # Announced in the past, starting ahead: the coming August 1, not last year's.
    event = only_event("Ostland imposed export controls on rare earths starting August 1.")
    assert (event.date, event.status) == ("2024-08-01", EventStatus.SCHEDULED)
    assert only_event("Ostland imposed export controls on rare earths starting May 1.").date == "2024-05-01"


def test_a_court_sentencing_someone_is_a_detention_in_the_court_s_state() -> None:
    event = only_event("A Polish court sentenced the smuggler to six years in prison on Monday.")
    assert (event.type, event.date) == (EventType.DETENTION, "2024-06-10")
    assert event.location is not None and event.location.name == "Poland"


def test_a_measure_s_target_is_an_actor_and_its_reason_places_nothing() -> None:
    event = only_event(
        "The European Union imposed new sanctions on Iran on Monday over its drone deliveries to Russia."
    )
    # "The" opening the sentence is no part of the name; Iran is the target; Russia is what it is about.
    assert [a.name for a in event.actors] == ["European Union", "Iran"]
    assert event.title == "European Union imposes sanctions on Iran"
    assert event.location is None
    # A place that is itself the object of "over" still places the act.
    event = only_event("A Zemblan jet was shot down over the Baltic Sea on Monday.")
    assert event.location is not None and event.location.name == "Baltic Sea"


def test_trade_measures_eased_or_on_imports_are_measures_too() -> None:
    def typed(text: str) -> set[tuple[EventType, str]]:
        return {(e.type, e.date) for e in extract(text, date(2024, 6, 12)).events}

    assert typed("Ostland suspended imports of Zemblan beef on Thursday.") == {(EventType.SANCTION, "2024-06-06")}
    # The goods after the measure make it an export control: "restrictions on chip exports".
    assert typed("Ostland eased restrictions on chip exports to Zembla on Monday.") == {
        (EventType.EXPORT_CONTROL, "2024-06-10")
    }
    # Import words elsewhere are no measure: "imports rose".
    assert typed("Ostland's imports of beef rose on Monday.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ostland suspended visa-free travel for Zemblan citizens on Monday.",
        "Ostland halted flights to Zembla on Monday.",
        "Ostland froze the assets of two Zemblan banks on Monday.",
        "Ostland closed its airspace to Zemblan airlines on Monday.",
    ],
)
def test_stopping_what_flows_freezing_assets_and_closing_passages_are_measures(text: str) -> None:
    assert {(e.type, e.date) for e in extract(text, date(2024, 6, 12)).events} == {(EventType.SANCTION, "2024-06-10")}


def test_closing_to_no_one_or_for_the_night_is_no_measure() -> None:
    assert extract("The museum closed its doors to visitors on Monday.", date(2024, 6, 12)).events == []
    assert extract("Zembla froze hiring at its ministries on Monday.", date(2024, 6, 12)).events == []


def test_an_envoy_told_to_leave_or_declared_unwelcome_is_expelled() -> None:
    def typed(text: str) -> set[tuple[EventType, str]]:
        return {(e.type, e.date) for e in extract(text, date(2024, 6, 12)).events}

    assert typed("Ostland ordered Zembla's ambassador to leave the country on Monday.") == {
        (EventType.EXPULSION, "2024-06-10")
    }
    assert typed("On Monday, Austria declared a Chilean diplomat persona non grata.") == {
        (EventType.EXPULSION, "2024-06-10")
    }
    assert typed("Ostland asked the ambassador to attend the ceremony on Monday.") == set()


def test_a_gathering_ruled_out_is_refused_not_held() -> None:
    [event] = extract("Ostland ruled out talks with Zembla on Tuesday.", date(2024, 6, 12)).events
    assert (event.type, event.date, event.title) == (EventType.REJECTION, "2024-06-11", "Ostland rules out talks")
    assert extract("Investigators ruled out foul play on Tuesday.", date(2024, 6, 12)).events == []
