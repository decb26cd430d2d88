"""Steps of one telling ("fly to Lima before heading to Quito"), a gathering's span from a clause on it, a
part of what was acted on ("two of its crossings"), and a measured clause hung on an infinitive. Every
sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_a_participle_after_before_takes_the_tense_of_its_main_clause() -> None:
    # Read on a Friday, a bare "on Wednesday" is nearest two days back; the trip is still ahead.
    assert found("The foreign minister will fly to Lima on Monday before heading to Quito on Wednesday.") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-17"),
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-19"),
    ]
    # Told in the past, the step lies back: the Sunday before, not the coming one.
    assert found("The minister flew to Lima on Wednesday after touring Quito on Sunday.") == [
        (EventType.VISIT, EventStatus.OCCURRED, "2025-03-12"),
        (EventType.VISIT, EventStatus.OCCURRED, "2025-03-09"),
    ]


def test_a_step_told_in_a_participle_does_not_date_the_main_act_twice() -> None:
    assert found("The minister met Ruiz in Lima on Thursday after landing there on Sunday.") == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-13")
    ]


def test_a_city_the_tagger_reads_as_a_body_still_places_a_gapped_visit() -> None:
    events = extract(
        "Turkey's foreign minister will visit Riyadh on Monday and Abu Dhabi on Wednesday.", A_FRIDAY
    ).events
    assert [(e.date, e.location.name if e.location else None) for e in events] == [
        ("2025-03-17", "Riyadh"),
        ("2025-03-19", "Abu Dhabi"),
    ]


def test_a_clause_saying_when_a_measured_gathering_ends_or_opens_gives_its_days() -> None:
    # Ends on Saturday, three days long, read on Friday: under way.
    assert found("The three-day summit, which ends on Saturday, is expected to adopt a declaration.") == [
        (EventType.SUMMIT, EventStatus.ONGOING, "2025-03-13/2025-03-15")
    ]
    assert found("The two-day forum, which opens on Monday, will discuss trade.") == [
        (EventType.SUMMIT, EventStatus.SCHEDULED, "2025-03-17/2025-03-18")
    ]


def test_a_part_of_what_was_acted_on_is_still_what_the_act_is_about() -> None:
    events = extract("Ostland closed two of its border crossings with Zembla on Tuesday.", A_FRIDAY).events
    assert [(e.type, e.date, e.title) for e in events] == [
        (EventType.SANCTION, "2025-03-11", "Ostland closes border crossings on Zembla")
    ]
    assert [a.name for a in events[0].actors] == ["Ostland", "Zembla"]


def test_a_measured_clause_hung_on_an_infinitive_counts_from_the_main_act() -> None:
    assert found(
        "Peru on Thursday ordered a Bolivian diplomat to leave the country within 48 hours, two days after "
        "Bolivia expelled a Peruvian consul."
    ) == [
        (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-13"),
        (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-11"),
    ]
