"""Place rules on parses the model sometimes gives, built by hand so each test holds whatever the model
version: sentences written for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from events.domain.vocabulary import EventType, PlaceKind
from events.extraction.places import _governed_place, _in_another_clause, _place_within, _target_place
from events.extraction.triggers import Trigger

VOCAB = spacy.blank("en").vocab  # with the English lexical attributes ("lower_")


def parsed(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """A Doc from (word, lemma, pos, dep, head, entity IOB) rows."""
    words, lemmas, pos, deps, heads, ents = (list(column) for column in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads, ents=ents)


def test_a_town_after_of_is_the_place_fought_over_even_tagged_a_body() -> None:
    doc = parsed(
        [
            ("They", "they", "PRON", "nsubj", 1, "O"),
            ("recalled", "recall", "VERB", "ROOT", 1, "O"),
            ("the", "the", "DET", "det", 3, "O"),
            ("battle", "battle", "NOUN", "dobj", 1, "O"),
            ("of", "of", "ADP", "prep", 3, "O"),
            ("Tobruk", "Tobruk", "PROPN", "pobj", 4, "B-ORG"),
            (".", ".", "PUNCT", "punct", 1, "O"),
        ]
    )
    place = _target_place(doc, doc[3], frozenset())
    assert place is not None and (place.name, place.kind, place.country) == ("Tobruk", PlaceKind.CITY, "LY")
    # A body's name that is no town the gazetteer knows stays no place.
    doc = parsed(
        [
            ("They", "they", "PRON", "nsubj", 1, "O"),
            ("recalled", "recall", "VERB", "ROOT", 1, "O"),
            ("the", "the", "DET", "det", 3, "O"),
            ("battle", "battle", "NOUN", "dobj", 1, "O"),
            ("of", "of", "ADP", "prep", 3, "O"),
            ("Qwertzland", "Qwertzland", "PROPN", "pobj", 4, "B-ORG"),
        ]
    )
    assert _target_place(doc, doc[3], frozenset()) is None


def test_a_day_after_on_is_no_narrower_place() -> None:
    doc = parsed(
        [
            ("a", "a", "DET", "det", 2, "O"),
            ("Peruvian", "peruvian", "PROPN", "compound", 2, "B-GPE"),
            ("notice", "notice", "NOUN", "ROOT", 2, "O"),
            ("on", "on", "ADP", "prep", 2, "O"),
            ("Monday", "Monday", "PROPN", "pobj", 3, "B-DATE"),
        ]
    )
    assert _place_within(doc, doc[2], frozenset()) is None


def test_the_words_after_according_to_name_a_source_not_a_place() -> None:
    doc = parsed(
        [
            ("Peru", "Peru", "PROPN", "nsubj", 1, "B-GPE"),
            ("imposed", "impose", "VERB", "ROOT", 1, "O"),
            ("tariffs", "tariff", "NOUN", "dobj", 1, "O"),
            (",", ",", "PUNCT", "punct", 1, "O"),
            ("according", "accord", "VERB", "prep", 1, "O"),
            ("to", "to", "ADP", "prep", 4, "O"),
            ("Chile", "Chile", "PROPN", "pobj", 5, "B-GPE"),
            (".", ".", "PUNCT", "punct", 1, "O"),
        ]
    )
    trigger = Trigger(2, 1, EventType.SANCTION, "tariff", True, "test")
    assert _governed_place(doc, trigger, frozenset()) is None


def test_who_hung_on_a_town_still_leaves_the_town_the_persons_setting() -> None:
    # "the manager in Lima, who was abducted": the parser hangs the clause on the town.
    doc = parsed(
        [
            ("the", "the", "DET", "det", 1, "O"),
            ("manager", "manager", "NOUN", "ROOT", 1, "O"),
            ("in", "in", "ADP", "prep", 1, "O"),
            ("Lima", "Lima", "PROPN", "pobj", 2, "B-GPE"),
            (",", ",", "PUNCT", "punct", 3, "O"),
            ("who", "who", "PRON", "nsubjpass", 7, "O"),
            ("was", "be", "AUX", "auxpass", 7, "O"),
            ("abducted", "abduct", "VERB", "relcl", 3, "O"),
        ]
    )
    assert not _in_another_clause(doc[3], doc[7])


def test_the_clause_of_a_subject_that_names_the_act_is_the_acts_own() -> None:
    # "The raid launched from a gunship above Kabul killed two commanders": the raid is the killing.
    doc = parsed(
        [
            ("The", "the", "DET", "det", 1, "O"),
            ("raid", "raid", "NOUN", "nsubj", 7, "O"),
            ("launched", "launch", "VERB", "acl", 1, "O"),
            ("from", "from", "ADP", "prep", 2, "O"),
            ("a", "a", "DET", "det", 5, "O"),
            ("gunship", "gunship", "NOUN", "pobj", 3, "O"),
            ("above", "above", "ADP", "prep", 5, "O"),
            ("killed", "kill", "VERB", "ROOT", 7, "O"),
            ("Kabul", "Kabul", "PROPN", "pobj", 6, "B-GPE"),
        ]
    )
    assert not _in_another_clause(doc[8], doc[7])
    # A subject that names people, not the act, keeps its clause apart.
    doc = parsed(
        [
            ("The", "the", "DET", "det", 1, "O"),
            ("pilots", "pilot", "NOUN", "nsubj", 7, "O"),
            ("trained", "train", "VERB", "acl", 1, "O"),
            ("in", "in", "ADP", "prep", 2, "O"),
            ("a", "a", "DET", "det", 5, "O"),
            ("camp", "camp", "NOUN", "pobj", 3, "O"),
            ("near", "near", "ADP", "prep", 5, "O"),
            ("killed", "kill", "VERB", "ROOT", 7, "O"),
            ("Kabul", "Kabul", "PROPN", "pobj", 6, "B-GPE"),
        ]
    )
    assert _in_another_clause(doc[8], doc[7])
