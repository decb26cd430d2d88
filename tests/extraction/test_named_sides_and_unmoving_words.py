"""Who a side is when the tagger or the parser misreads a name, and words that look like acts but are none
(time that arrives, staff moved out, a participle in a headline). Every sentence here was written for this
test."""

from __future__ import annotations

from datetime import date

from events.extraction.pipeline import extract

A_FRIDAY = date(2016, 3, 11)


def _actors(text: str) -> list[list[str]]:
    return [[a.name for a in e.actors] for e in extract(text, A_FRIDAY).events]


def test_a_title_case_headline_s_verb_ends_the_name_run_into_it() -> None:
    text = (
        "Ecuador's Correa Breaks Off Ties With Peru\n\n"
        "Officials said on Thursday that President Correa had withdrawn his envoy from Lima."
    )
    recalls = [e for e in extract(text, A_FRIDAY).events if e.type == "protest"]
    assert [[a.name for a in e.actors] for e in recalls] == [["Correa"]]


def test_a_mission_s_diplomatic_staff_withdrawn_is_a_recall() -> None:
    events = extract(
        "Norway has withdrawn all diplomatic staff from Libya, officials said on Thursday.", A_FRIDAY
    ).events
    assert [(e.type, e.date) for e in events] == [("protest", "2016-03-10")]


def test_a_word_for_a_group_is_the_group_its_name_in_front_names() -> None:
    actors = _actors("Colombia and the leftist FARC movement agreed to a ceasefire on Thursday.")
    assert actors == [["Colombia", "FARC"]]


def test_a_country_after_of_is_the_state_whatever_the_tagger_took_it_for() -> None:
    actors = _actors("Coast guard personnel of Maldives detained nine fishermen on Thursday.")
    assert actors == [["Maldives"]]


def test_a_country_tagged_a_region_acts_as_the_state() -> None:
    events = extract("South Sudan was admitted to the African Union on Thursday.", A_FRIDAY).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [("accession", ["South Sudan", "African Union"])]


def test_becoming_a_member_named_before_the_noun_is_an_accession() -> None:
    events = extract("Montenegro becomes NATO member\n\nThe ceremony was brief.", A_FRIDAY).events
    assert [(e.type, e.title, [a.name for a in e.actors]) for e in events] == [
        ("accession", "Montenegro joins NATO", ["Montenegro", "NATO"])
    ]


def test_a_text_signed_is_no_side_and_names_the_title() -> None:
    events = extract("Chile and Peru on Thursday signed the Lima Protocol on Fisheries.", A_FRIDAY).events
    assert [([a.name for a in e.actors], e.title) for e in events] == [
        (["Chile", "Peru"], "Chile and Peru sign Lima Protocol")
    ]


def test_a_name_cut_after_a_title_of_address_loses_the_title() -> None:
    import spacy
    from spacy.tokens import Doc

    from events.extraction.actors import _clean_name

    words = ["Premier", "Tuala", "Dr.", "Semisi", "Faleolo", "met", "Xi", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    assert [_clean_name(ent) for ent in doc.ents] == ["Tuala", "Semisi Faleolo", "Xi"]


def test_a_deadline_that_arrives_is_no_visit() -> None:
    text = "Tension grew on Thursday as the deadline to expel two Japanese envoys arrived."
    assert not [e for e in extract(text, A_FRIDAY).events if e.type == "visit"]


def test_staff_moved_out_arriving_abroad_is_no_visit() -> None:
    text = "The embassy was evacuated, with its personnel arriving in Tunisia on Thursday."
    assert not [e for e in extract(text, A_FRIDAY).events if e.type == "visit"]


def test_someone_flown_home_is_no_visit_of_his_own() -> None:
    text = "Myanmar has freed the American teacher Mark Fowler, and she was flown home to her parents in Texas."
    assert [e.type for e in extract(text, A_FRIDAY).events] == ["release"]


def test_a_participle_a_headline_s_misread_verb_leaves_behind_is_no_act() -> None:
    text = "Iran frees detained British sailor\n\nHis family welcomed the news."
    assert not [e for e in extract(text, A_FRIDAY).events if e.type == "detention"]


def test_captives_parsed_as_a_participle_clause_are_still_released() -> None:
    events = extract("Two Danes held hostage in Mali have been released in Bamako.", A_FRIDAY).events
    assert [(e.type, e.title) for e in events] == [("release", "Two Danes are released in Bamako")]


def test_a_passive_gerund_frees_its_clause_s_subject() -> None:
    text = "The captives were driven to the embassy soon after being freed late on Thursday."
    assert [(e.type, e.title) for e in extract(text, A_FRIDAY).events] == [("release", "Captives are freed")]


def test_to_apprehend_is_to_detain() -> None:
    events = extract("The Indian navy apprehended 14 Sri Lankan fishermen on Thursday.", A_FRIDAY).events
    assert [e.type for e in events] == ["detention"]


def test_members_voting_on_the_day_a_body_adopts_a_resolution_are_its_vote() -> None:
    text = (
        "On Thursday the UN General Assembly adopted a resolution on the blockade. "
        "A total of 150 members voted in favour of it and 8 against."
    )
    assert [e.type for e in extract(text, A_FRIDAY).events] == ["resolution"]


def test_two_verbs_of_one_release_told_of_one_day_are_one_release() -> None:
    text = (
        "Two Danes held hostage in Mali have been released in Bamako. The captives were driven to the embassy "
        "soon after being freed on Friday."
    )
    assert [e.type for e in extract(text, A_FRIDAY).events] == ["release"]


def test_someone_leaving_a_city_is_a_visit_s_departure() -> None:
    events = extract("The Indian prime minister left Kathmandu on Thursday after a round of talks.", A_FRIDAY).events
    visits = [e for e in events if e.type == "visit"]
    assert [(e.title, e.date, e.location.name if e.location else None) for e in visits] == [
        ("India leaves Kathmandu", "2016-03-10", "Kathmandu")
    ]


def test_troops_or_a_state_leaving_a_place_are_no_visit() -> None:
    text = "American troops left Kandahar on Thursday. Britain left the customs union on Thursday."
    assert not [e for e in extract(text, A_FRIDAY).events if e.type == "visit"]
