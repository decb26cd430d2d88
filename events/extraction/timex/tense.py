"""Tense and modality of the clause that governs a time expression.

We climb the dependency tree from the expression to the word it attaches to (its *governor*: a verb or an
event noun such as "visit" or "departure"), then to the clause's verb, and read the verb group:
"will"/"'ll"/"shall", a modal ("could", "might"), a plan or schedule ("is scheduled to", "plans to",
"was to", "is expected to"), "possibly", or a planning adjective on the event noun ("upcoming", "planned")
give a future reading; a past-tense or perfect verb group a past one.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Span, Token

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
MODAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "must", "ca"})
# Heads of an xcomp chain that turn the verb below into a plan: "is scheduled to visit", "plans to go".
PLAN_HEADS = frozenset(
    {
        "schedule", "expect", "set", "due", "plan", "intend", "aim", "hope", "prepare", "slate", "poise",
        "propose", "want", "seek", "likely", "be", "go", "agree", "promise", "vow", "pledge", "threaten",
        "decide", "offer", "invite", "tip", "slated", "scheduled", "expected", "poised",
    }
)  # fmt: skip
SCHEDULING_VERBS = frozenset({"schedule", "slate", "plan", "set"})
FUTURE_ADVERBS = frozenset({"possibly", "potentially", "likely", "soon"})
FUTURE_ADJECTIVES = frozenset(
    {"upcoming", "planned", "proposed", "scheduled", "expected", "forthcoming", "future", "possible", "next", "coming"}
)
PAST_ADJECTIVES = frozenset({"previous", "last", "former", "past", "earlier", "recent"})

_CLAUSE_LINKS = frozenset({"prep", "pobj", "npadvmod", "tmod", "obl", "nmod", "compound", "appos", "pcomp", "dobj"})


def governor(span: Span) -> Token | None:
    """The verb or noun that the expression modifies: the first content word above the expression."""
    token = span.root
    seen = 0
    while token.head is not token and seen < 8:
        token = token.head
        seen += 1
        if span.start <= token.i < span.end:
            continue
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.pos_ in {"NOUN", "ADJ"}:
            return token
    return token if token.pos_ in {"VERB", "AUX", "NOUN"} and not (span.start <= token.i < span.end) else None


def clause_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token``."""
    seen = 0
    while seen < 10:
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head is token:
            return None
        token = token.head
        seen += 1
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in {"aux", "auxpass", "neg"}]


def verb_group_direction(verb: Token) -> str | None:
    """past / future / present from a verb, its auxiliaries and the xcomp chain above it; None if unknown."""
    chain = [verb]
    current = verb
    while current.dep_ in {"xcomp", "conj", "acomp"} and current.head is not current and len(chain) < 5:
        current = current.head
        chain.append(current)
    auxes = [aux for link in chain for aux in _auxiliaries(link)]
    aux_words = {aux.lower_ for aux in auxes}
    if aux_words & FUTURE_AUX or aux_words & MODAL_AUX:
        return "future"
    for link in chain:
        if any(child.lower_ in FUTURE_ADVERBS and child.dep_ == "advmod" for child in link.children):
            return "future"
    # "is scheduled to visit", "plans to go", "was to meet": a plan, not yet carried out.
    for below, above in itertools.pairwise(chain):
        if below.dep_ == "xcomp" and (above.lemma_.lower() in PLAN_HEADS or above.lower_ in PLAN_HEADS):
            return "future"
    if verb.lower_ in {"going"} and any(child.dep_ == "xcomp" for child in verb.children):
        return "future"
    if verb.lemma_.lower() in SCHEDULING_VERBS and verb.tag_ == "VBN":
        # "A June 3 hearing has been scheduled": what is scheduled lies ahead.
        return "future"
    tags = [verb.tag_] + [aux.tag_ for aux in auxes]
    lemmas = {aux.lemma_.lower() for aux in auxes}
    if "VBD" in tags or (verb.tag_ == "VBN" and "have" in lemmas):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in {"acl", "amod"}:
        return "past"
    if verb.tag_ == "VBG" and any(aux.lemma_ == "be" and aux.tag_ in {"VBZ", "VBP"} for aux in auxes):
        # "is visiting China on Friday": the present progressive of a plan.
        return "future"
    if verb.tag_ in {"VBZ", "VBP"} or any(aux.tag_ in {"VBZ", "VBP"} for aux in auxes):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT":
        return "past"
    return None


def clause_direction(doc: Doc, token_start: int, token_end: int) -> tuple[str | None, int | None]:
    """The direction (past / future / present / None) the governing clause gives, and the governor index."""
    span = doc[token_start:token_end]
    head = governor(span)
    if head is None:
        return None, None
    if head.pos_ in {"NOUN", "ADJ"}:
        for child in head.children:
            if child.lower_ in FUTURE_ADJECTIVES and child.dep_ in {"amod", "compound", "advmod"}:
                return "future", head.i
            if child.lower_ in PAST_ADJECTIVES and child.dep_ in {"amod", "advmod"}:
                return "past", head.i
    verb = clause_verb(head)
    if verb is None:
        return None, head.i
    return verb_group_direction(verb), head.i


__all__ = ["clause_direction", "clause_verb", "governor", "verb_group_direction"]
