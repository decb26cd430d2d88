"""Headlines call a person by family name, which Chinese and Korean names put first."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.person_names import family_name
from events.extraction.pipeline import extract


@pytest.mark.parametrize(
    ("name", "called"),
    [
        ("Antony Blinken", "Blinken"),
        ("Xi Jinping", "Xi"),  # a pinyin given name of two syllables
        ("Wang Yi", "Wang"),  # of one
        ("Liu He", "Liu"),
        ("Tsai Ing-wen", "Tsai"),  # a hyphenated given name (Wade-Giles)
        ("Moon Jae-in", "Moon"),
        ("Kim Jong Un", "Kim"),  # two short given words
        ("Lee Hsien Loong", "Lee"),
        # Western names sharing a first word fail the given-name shape.
        ("Kim Darroch", "Darroch"),
        ("Lee Anderson", "Anderson"),
        ("Lee Harvey Oswald", "Oswald"),
        ("Lin Wood", "Wood"),
        # Written given name first in English copy.
        ("Fumio Kishida", "Kishida"),
        ("Nguyen Xuan Phuc", "Phuc"),
        ("Blinken", "Blinken"),
    ],
)
def test_it_finds_the_family_name(name: str, called: str) -> None:
    assert family_name(name) == called


def test_a_chinese_leader_is_xi_in_the_title() -> None:
    [event] = extract("Chinese President Xi Jinping met U.S. President Joe Biden in Woodside on Wednesday.",
                      date(2024, 6, 12)).events  # fmt: skip
    assert event.title == "Xi meets with Joe Biden in Woodside"
    [visit] = extract("Kim Jong Un visited Russia on Tuesday.", date(2024, 6, 12)).events
    assert visit.title == "Kim visits Russia"
