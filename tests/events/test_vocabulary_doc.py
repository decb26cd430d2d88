"""The documented event-type table is the vocabulary in the code, row for row."""

import re

from events.domain.vocabulary import EVENT_TYPES, EventType, plover_for
from tests.conftest import ROOT


def documented_rows() -> dict[str, tuple[str, str]]:
    text = (ROOT / "docs" / "data-model.md").read_text()
    block = text.split("<!-- event-types:start -->")[1].split("<!-- event-types:end -->")[0]
    rows = {}
    for match in re.finditer(r"^\| `([a-z_]+)` \| [^|]+ \| ([^|]+) \| ([^|]+) \|", block, re.M):
        rows[match.group(1)] = (match.group(2).strip().replace("—", ""), match.group(3).strip().replace("—", ""))
    return rows


def test_it_documents_every_event_type_with_its_plover_mapping() -> None:
    assert documented_rows() == {t.value: plover_for(t.value) for t in EventType}


def test_every_type_but_other_has_a_plover_category() -> None:
    missing = [t for t, info in EVENT_TYPES.items() if not info.plover_category and t != EventType.OTHER]
    assert missing == []
