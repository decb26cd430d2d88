"""Words that look like time expressions but name no time (events/extraction/timex/lookalikes.py), on
sentences written for these tests: a time word in a name or title, an age given as a decade, a time adverb
inside a hyphenated modifier, "soon" in a past narrative. Each rule is tested with the reading it must
keep beside the one it drops."""

from __future__ import annotations

import pytest

from tests.extraction.timex_sentences import found


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param(
            'Varga, speaking on the broadcaster\'s "This Week" show, said the talks would go on.',
            "This Week",
            id="programme-in-quotes",
        ),
        pytest.param("He told the ''Sixty Minutes'' programme that he would resign.", "Sixty Minutes", id="quoted"),
        pytest.param("The film poster showed a scene from Noon Train Westward.", "Noon", id="title-run"),
        pytest.param("You are listening to Ostland Today.", "Today", id="bulletin-name"),
        pytest.param("Crowds joined a march called Spring of Unity in Port Ostra.", "Spring", id="event-name"),
    ],
)
def test_a_capitalised_time_word_in_a_name_is_no_time(nlp, sentence, word):
    assert word not in found(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "word", "value"),
    [
        pytest.param("Today the envoys flew to Port Ostra.", "Today", "2025-04-08", id="sentence-start"),
        pytest.param('"Today we begin," Minister Varga said.', "Today", "2025-04-08", id="quoted-sentence-start"),
        pytest.param("Zembla And Ostland Sign Treaty Next Week", "Next Week", "2025-W16", id="title-case-headline"),
        pytest.param("The ministers met on Monday in Port Ostra.", "Monday", "2025-04-07", id="weekday-name"),
    ],
)
def test_a_time_word_capitalised_by_its_place_is_still_a_time(nlp, sentence, word, value):
    assert found(nlp, sentence)[word] == value


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The envoy, a man in his 40s, took up the post in Port Ostra.", id="his"),
        pytest.param("She was in her early 30s when she first led the Zembla delegation.", id="her-early"),
    ],
)
def test_a_decade_after_a_possessive_is_an_age(nlp, sentence):
    assert not [text for text in found(nlp, sentence) if "0s" in text]


def test_a_decade_without_a_possessive_is_still_a_decade(nlp):
    assert found(nlp, "Zembla and Ostland fought over the border in the 30s.")["the 30s"] == "193"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        pytest.param("The now-defunct border council met in Port Ostra.", "now", id="now-defunct"),
        pytest.param("Minister Varga toured the soon-to-open embassy.", "soon", id="soon-to-open"),
        pytest.param("Zembla's current-account gap widened sharply.", "current", id="current-account"),
    ],
)
def test_a_time_adverb_inside_a_hyphenated_modifier_is_no_time(nlp, sentence, word):
    assert word not in found(nlp, sentence)


def test_now_on_its_own_is_still_the_present(nlp):
    assert found(nlp, "The border council is now defunct.")["now"] == "PRESENT_REF"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The protest in Port Ostra soon spread to the capital.", id="simple-past"),
        pytest.param("The captured envoys were soon freed by the rebels.", id="past-passive"),
    ],
)
def test_soon_in_a_past_narrative_is_no_future_reference(nlp, sentence):
    assert "soon" not in found(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Zembla will soon open its border.", id="will"),
        pytest.param("The ministers would soon meet again, Varga said.", id="future-in-the-past"),
        pytest.param("Varga said the vote was expected soon.", id="expected"),
    ],
)
def test_soon_looking_ahead_is_still_a_future_reference(nlp, sentence):
    assert found(nlp, sentence)["soon"] == "FUTURE_REF"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Zembla holds over a quarter of the region's gas reserves.", id="of-the"),
        pytest.param("Zembla shut 12, nearly a quarter, of the border posts.", id="comma-of-its"),
        pytest.param("A quarter of Ostland's exports go to Zembla.", id="of-a-name"),
    ],
)
def test_a_quarter_of_a_whole_is_a_share(nlp, sentence):
    assert not [text for text in found(nlp, sentence) if "quarter" in text.lower()]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Zembla's exports rose in a quarter of slow growth.", id="of-bare-noun"),
        pytest.param("The border talks lasted a quarter of an hour.", id="of-a-time-unit"),
    ],
)
def test_a_quarter_of_time_is_still_a_stretch_of_time(nlp, sentence):
    assert "a quarter" in found(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Thousands joined the annual March for Unity in Port Ostra.", id="annual-march"),
        pytest.param("Ostland students organised a May against Silence at the university.", id="may-against"),
    ],
)
def test_a_month_heading_a_name_is_no_time(nlp, sentence):
    assert not any(value.startswith("2025-0") or value.startswith("2024-") for value in found(nlp, sentence).values())


def test_a_month_after_in_before_a_capitalised_word_is_still_a_month(nlp):
    assert found(nlp, "The treaty was signed in March for Ostland and Zembla.")["March"] == "2025-03"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Zemblan artillery shelled the border villages overnight.", id="simple-past"),
        pytest.param("Two fishermen were detained overnight, the coast guard said.", id="past-passive"),
        pytest.param("Drones have struck the port overnight.", id="present-perfect"),
    ],
)
def test_overnight_in_a_report_of_the_day_is_the_night_before(nlp, sentence):
    # Published on a Tuesday: the night from Monday into Tuesday, as "last night" (TimeML's TNI).
    assert found(nlp, sentence)["overnight"] == "2025-04-07TNI"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The delegation stayed overnight in Port Ostra.", id="staying-verb"),
        pytest.param("Overnight talks produced a draft.", id="adjective"),
        pytest.param("The negotiators will work overnight.", id="ahead"),
    ],
)
def test_overnight_as_how_long_or_what_kind_is_no_date(nlp, sentence):
    assert "overnight" not in {text.lower() for text in found(nlp, sentence)}
