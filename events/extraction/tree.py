"""Small helpers over a spaCy dependency tree: paths, distances and clause-bounded climbing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from events.extraction.doc_views import headline_chars

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def path_to_root(token: Token) -> list[int]:
    """Token indices from ``token`` up to its sentence root, inclusive."""
    path = [token.i]
    current = token
    # A malformed tree could loop; a sentence is never deeper than its length.
    for _ in range(len(token.doc)):
        if current.head.i == current.i:
            break
        current = current.head
        path.append(current.i)
    return path


def tree_distance(doc: Doc, a: int, b: int) -> int:
    """Edges between two tokens of one sentence; a large number when they share no root."""
    if a == b:
        return 0
    path_a = path_to_root(doc[a])
    path_b = path_to_root(doc[b])
    position_b = {index: depth for depth, index in enumerate(path_b)}
    for depth_a, index in enumerate(path_a):
        if index in position_b:
            return depth_a + position_b[index]
    return 1000


# Words that put an act after another, whose object came first: "met after the vote", "agreed following talks".
LATER_PREPS = frozenset({"after", "following"})
# Prepositions of time, place and company, which no name ends with.
NOT_NAME_ENDINGS = frozenset({"on", "in", "at", "to", "from", "with", "by", "after", "before", "during", "since"})


def entity_span(doc: Doc, token: Token) -> Span | None:
    """The named entity a token belongs to, found from its IOB tags (no scan of ``doc.ents``)."""
    if not token.ent_type_:
        return None
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if doc[end - 1].lower_ == "of" and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ != "I":
        # "the Bay of | Bengal", "the Gulf of | Aden": the model may cut a name at its "of"; the name goes on.
        end += 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    # "called Milei on Monday": the model may run a name into the preposition after it. A name does not end
    # with such a word; one that ends with "of" or "for" is a body's name cut short ("Group of").
    while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].lower_ in NOT_NAME_ENDINGS:
        end -= 1
    if token.i >= end:
        return None
    return doc[start:end]


CLAUSE_EDGES = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj"})


def content_clause(token: Token) -> bool:
    """ "a statement that the drills would begin next week", "the news that talks had failed": a clause with its
    own subject and conjunction that tells what a noun says. The parser hangs it on the noun as ``acl``, but it
    is a reported clause with a time frame of its own, as a verb's ``ccomp`` is."""
    return (
        token.dep_ == "acl"
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        and any(c.dep_ == "mark" and c.i < token.i for c in token.children)
    )


# Reporting verbs: "X have signed a pact, the ministry said Tuesday" dates the signing by the report.
REPORTING_VERBS = frozenset({"say", "announce", "tell", "confirm", "report", "state"})
# Verbs of saying that tell, set off after a clause, where its news comes from: "..., the ministry said".
SAYING_AFTER = REPORTING_VERBS | {"add"}


def report_read_as_conjunct(token: Token) -> bool:
    """ "Some 30 presidents are due at the summit, the ministry said on Thursday": the parser sometimes joins
    the report set off after the clause to it as a conjunct. A verb of saying with a subject of its own after a
    comma, with no "and" or "but" before it, reports the clause: its time is the saying's, as a ``parataxis``
    one is."""
    head = token.head
    if token.dep_ != "conj" or token.lemma_.lower() not in SAYING_AFTER:
        return False
    if any(c.dep_ in {"cc", "preconj"} and head.i < c.i < token.i for c in head.children):
        return False
    return _subject_after_comma(token)


# Words a subject's noun phrase is made of ("the Zemblan Ministry of External Relations").
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "CCONJ"})
_SUBJECT_WORDS = 10


def _subject_after_comma(verb: Token) -> bool:
    """Whether a noun phrase right after a comma is the verb's subject: its own ``nsubj``, or the words before
    it that the parser hung elsewhere ("..., the Zemblan ministry of trade said")."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    start = subject.left_edge.i if subject is not None else verb.i
    if subject is None:
        if verb.i == 0 or doc[verb.i - 1].pos_ not in {"NOUN", "PROPN"}:
            return False
        while start > 0 and verb.i - start <= _SUBJECT_WORDS and doc[start - 1].pos_ in _NOUN_PHRASE_POS:
            start -= 1
    return start > 0 and doc[start - 1].text == ","


def free_relative(token: Token) -> bool:
    """ "fired what appeared to be a missile": the clause is the verb's object, not a new clause."""
    return token.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.lower_ == "what" for c in token.children)


def misread_coordination(token: Token) -> bool:
    """ "During May the firm cut prices, added staff and opened a plant": the parser sometimes makes the first
    verb of such a series a complement ("ccomp") of a later one. A real complement clause follows its verb, or,
    put before it, belongs to a verb of saying with its own subject ("Prices rose, he said"); a clause before
    a verb of the same form that has no subject and no auxiliary of its own is the first member of a
    coordination, and shares its time."""
    head = token.head
    return (
        token.dep_ == "ccomp"
        and token.i < head.i
        and head.tag_ == token.tag_
        and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass"} for c in head.children)
    )


def participle_adjunct(token: Token, *, as_event: bool = False) -> bool:
    """ "arrived on Monday, seeking a truce", "left early, saying that ...", "unveiled a plan to cut traffic on
    Friday": a participle or purpose infinitive with no subject and no conjunction of its own adds to its main
    clause and shares its time; it opens no new tense frame. A purpose infinitive only lends a time the parser
    hung on it to its main clause: as the event (``as_event``), it lies after that time and keeps its border."""
    if token.dep_ != "advcl":
        return False
    before = [c for c in token.children if c.i < token.i]
    if any(c.dep_ in {"nsubj", "nsubjpass", "mark", "advmod"} for c in before):
        return False
    auxes = [c.lower_ for c in before if c.dep_ in {"aux", "auxpass"}]
    if token.tag_ in {"VBG", "VBN"}:
        return not auxes
    return token.tag_ == "VB" and auxes == ["to"] and not as_event


def path_between(doc: Doc, a: int, b: int) -> Iterator[int]:
    """The tokens on the tree path between ``a`` and ``b`` below their lowest common head: each side from
    itself up, the common part left out."""
    path_a = path_to_root(doc[a])
    path_b = path_to_root(doc[b])
    common = set(path_a) & set(path_b)
    for path in (path_a, path_b):
        for index in path:
            if index in common:
                break
            yield index


def crosses_clause(doc: Doc, a: int, b: int) -> bool:
    """Whether the tree path between two tokens (``a`` an event, ``b`` where a time hangs) enters or leaves a
    subordinate or reported clause."""
    return any(
        (doc[index].dep_ in CLAUSE_EDGES or content_clause(doc[index]) or report_read_as_conjunct(doc[index]))
        and not free_relative(doc[index])
        and not misread_coordination(doc[index])
        # Only the participle itself shares the main clause's time, not every word of its clause.
        and not (index in {a, b} and participle_adjunct(doc[index], as_event=index == a))
        for index in path_between(doc, a, b)
    )


def noun_phrase_heads(noun: Token) -> set[int]:
    """The words a participle set off after a noun's phrase may hang on and still tell of the noun: the noun,
    the objects of its prepositions ("a summit with Zembla, last held in 2021": the parser hangs "held" on
    Zembla), and the phrase the noun completes ("the next round of talks, first proposed in May")."""
    heads = {noun.i}
    heads |= {g.i for p in noun.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"}
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
        heads.add(noun.head.head.i)
    return heads


def marked_clause(token: Token, words: frozenset[str]) -> Token | None:
    """The adverbial or relative clause that ``token`` lies in (climbing at most four edges) when one of
    ``words`` opens it ("when", "as"), else None."""
    clause = token
    for _ in range(4):
        if clause.dep_ in {"advcl", "relcl"}:
            break
        if clause.head.i == clause.i:
            return None
        clause = clause.head
    else:
        return None
    if not any(c.lower_ in words and c.dep_ in {"advmod", "mark"} for c in clause.children):
        return None
    return clause


# Two-word prepositions that put one event before or after another, as (preposition, word it hangs on):
# "ahead of the summit", "prior to the vote".
SEQUENCE_PHRASES = frozenset({("of", "ahead"), ("to", "prior")})
# Nouns of a phrase that names what an act answers: "in response to the attack", "in retaliation for the raid",
# "as punishment for the coup".
ANSWER_NOUNS = frozenset(
    {"retaliation", "response", "reprisal", "revenge", "reaction", "answer", "riposte", "punishment"}
)


def in_sequence_phrase(prep: Token) -> bool:
    """Whether a preposition is the second word of "ahead of" or "prior to"."""
    return (prep.lower_, prep.head.lower_) in SEQUENCE_PHRASES


# Verbs that only tell that a thing takes place: "took place", "was held", "opens", "occurred".
TAKING_PLACE_VERBS = frozenset({"occur", "happen", "open", "begin", "start", "convene", "end", "conclude", "close"})


def tells_taking_place(verb: Token) -> bool:
    """Whether the verb only tells that its subject takes place: "took place", "was held", "occurred", "opens"."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        # The English idiom "take place" (a light verb and its fixed object), in any tense or article.
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if lemma == "hold":
        return any(c.dep_ == "auxpass" for c in verb.children)
    return lemma in TAKING_PLACE_VERBS


# Words that take a part of what their "of" phrase names: "two of its crossings", "some of the envoys".
PARTITIVE_WORDS = frozenset({"some", "many", "most", "all", "several", "both", "each", "none", "few", "half", "one"})


def through_partitive(noun: Token) -> Token:
    """The noun a partitive names a part of ("closed two of its border crossings": the crossings), else
    ``noun``."""
    if not (noun.pos_ == "NUM" or noun.lower_ in PARTITIVE_WORDS):
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None and whole.pos_ in {"NOUN", "PROPN"} else noun


# Nouns that measure out an event named after "of": "three days of talks", "a fresh round of talks".
MEASURE_NOUNS = frozenset({"hour", "day", "round", "week", "month"})


def measured_phrase(noun: Token) -> Token:
    """The measure noun an event noun is counted in ("a new round of talks": the round), else ``noun``: the
    word that stands in the clause for the event."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in MEASURE_NOUNS:
        return noun.head.head
    return noun


# Determiners by which a noun points back at a thing named before or known: "after the incident", "this clash".
POINTING_DETS = frozenset({"the", "this", "that"})
# Nouns of a phase of an act: "at the start of a visit", "on the last leg of a tour".
PHASE_NOUNS = frozenset({"beginning", "start", "middle", "end", "leg", "stage", "day"})


def placing_preposition(noun: Token) -> Token:
    """The preposition an event noun hangs on, through a noun of a phase of it ("at the start of a tour":
    "at"); the noun's own head otherwise."""
    prep = noun.head
    phase = prep.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and phase.lemma_.lower() in PHASE_NOUNS and phase.dep_ == "pobj":
        return phase.head
    return prep


# What a verb's own phrase may hold that makes it complete without an object: "walked out of the talks and
# imposed duties" shares nothing.
_COMPLETING_DEPS = frozenset({"dobj", "prt", "prep", "ccomp", "xcomp", "dative", "attr", "oprd", "acomp"})


def shared_object(verb: Token) -> list[Token]:
    """ "rammed and boarded a navy boat": the object a bare transitive verb shares with the verb joined right
    after it by "and", which has no subject of its own."""
    if verb.pos_ != "VERB" or any(c.dep_ in _COMPLETING_DEPS for c in verb.children):
        return []
    joined = [
        c
        for c in verb.children
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
    ]
    return [o for c in joined[:1] for o in c.children if o.dep_ == "dobj"]


def listed_in_headline_subject(word: Token, verb: Token) -> bool:
    """ "Colombia, Venezuela restore ties": a state's name the parser hung on the headline's verb as an adverb,
    followed by a comma and the verb's subject."""
    if word.dep_ != "npadvmod" or word.ent_type_ != "GPE" or word.i > verb.i or word.idx >= headline_chars(word.doc):
        return False
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return after is not None and after.text == "," and any(c.dep_ == "nsubj" and c.i > word.i for c in verb.children)
