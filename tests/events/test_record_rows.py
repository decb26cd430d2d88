"""Records are made from rows of a fixed set of columns: a row of any other length is an error, never a
record with its fields shifted."""

from __future__ import annotations

import pytest

from events.presentation.record import RECORD_FIELDS, ActorRef, RecordEmbeds, _grouped, records_from_tuples


def test_a_record_row_of_the_wrong_length_is_refused() -> None:
    embeds = RecordEmbeds({}, {}, {}, {})
    with pytest.raises(ValueError, match="columns"):
        records_from_tuples([tuple(range(len(RECORD_FIELDS) - 1))], embeds)


def test_an_embedded_row_of_the_wrong_length_is_refused() -> None:
    row = (7, 1, "Name", "person", "", None, "initiator")
    assert _grouped([row], ActorRef)[7][0] == ActorRef(1, "Name", "person", "", None, "initiator")
    with pytest.raises(ValueError, match="ActorRef"):
        _grouped([row[:-1]], ActorRef)
