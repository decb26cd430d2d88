"""Dates from outside the sentence: the narrative's time, or another event's.

A sentence often gives no time of its own and still tells when its act happened:

- by an anaphor of time: "The army then shelled the port", "At that time, rebels crossed the river" (the
  time the text last narrated);
- by going on with a story in the simple past: "In 2011 the envoys met in Oslo. They signed a truce." (the
  time the paragraph named a sentence or two before);
- by naming an event the text dates elsewhere: "during her trip" (the trip dated in the sentence before),
  "two days after the vote" (the vote's day, two days on).

Every date found this way says so: a date carried from the narrative is ``narrative``, one taken from another
event ``inferred`` (see ``DateBasis``), so editors can see which dates the text did not state beside the act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from events.domain.vocabulary import DateBasis, EventType
from events.extraction.binding import Binding, dating_candidates, in_order, measured_clause, moved_by
from events.extraction.tree import LATER_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from events.extraction.timex import TimeExpression
    from events.extraction.triggers import Trigger

LINE_BREAKS = re.compile(r"\n+")
# How many sentences back an anaphor of time ("then", "at that time") may find the time it points to.
ANAPHOR_SENTENCES = 3
# How many sentences of one paragraph a story's time holds for a clause in the simple past with none of its own.
PARAGRAPH_SENTENCES = 2
# The lead's rank at most (a headline line may come first): the paragraph after it goes on with its day when
# that day is at most NEWS_DAYS before publication.
LEAD_RANK = 1
NEWS_DAYS = 7
# How far (in sentences) a definite event noun looks for the dated telling of the same event: back, ahead.
COREFERENCE_BACK = 2
COREFERENCE_AHEAD = 1
# Words that point back to a time named before: "at that time", "at the time", "at much the same time".
SAME_TIME_WORDS = frozenset({"same", "that", "the"})
# Finite forms of the past: "met", "was met" (the pluperfect "had talked" lies before the story's time).
PAST_AUX = frozenset({"was", "were"})
NOT_PAST_AUX = frozenset(
    {"had", "'d", "has", "have", "will", "would", "could", "should", "may", "might", "must", "can", "shall", "to"}
)
# Clauses off the main line of a story: relative, adverbial and subject clauses, and clauses reported by a
# verb before them ("said that they met"; "they met, the ministry said" is the story told).
SUBORDINATE = frozenset({"relcl", "advcl", "csubj", "acl"})
REPORTED = frozenset({"ccomp", "parataxis"})
# Prepositions that place an act from another event: "after the vote", "a week before the election".
RELATION_PREPS = frozenset({"after", "before", "since", "following", "until", "prior"})
COARSE = frozenset({"month", "season", "year", "decade", "century"})
# Determiners that make an event noun a mention of an event the reader already knows: "the visit", "his trip".
DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my"})
# "two days after the vote", "a week before the election": a count of days or weeks measured from an event.
_OFFSET = re.compile(r"P(\d+)([DW])")
OFFSET_PREPS = {"before": -1, "after": 1}


@dataclass
class Plan:
    """One sentence's triggers and the bindings found in it, before they become events."""

    rank: int
    sentence: Span
    triggers: list[Trigger]
    bindings: list[Binding]
    times: list[TimeExpression]
    shared: set[int] = field(default_factory=set)
    lead: bool = False  # one of the story's first sentences that tell something

    def dated(self) -> set[int]:
        return {b.trigger.i for b in self.bindings}


def _told_in_the_past(token: Token, *, coarse: bool = False) -> bool:
    """Whether ``token`` is an act told in the main line of a story: its clause's finite verb is a simple past
    ("met", "was met", "... and imposed") that is no relative, adverbial or reported clause ("after they
    met", "said that they met") and is not placed from another event ("a week before the election, ...")."""
    participle = token.pos_ in {"VERB", "AUX"} and (token.tag_ == "VBG" or (token.tag_ == "VBN" and not _aux(token)))
    means = _means_of(token)
    if means is not None:
        token = means  # "responded by expelling the envoy": the expelling is told as the responding is
    elif participle and not (token.dep_ == "conj" and token.head.tag_ == "VBD"):
        return False  # "footage of the envoy meeting rebels": no act of the story's own
    verb = token
    for _ in range(len(token.doc)):
        aux = _aux(verb)
        finite = verb.pos_ in {"VERB", "AUX"} and not (verb.tag_ == "VBG" or (verb.tag_ == "VBN" and not aux))
        if finite or (verb.dep_ == "conj" and verb.head.tag_ == "VBD"):
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    aux = _aux(verb)
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and (bool(aux & PAST_AUX) or verb.head.tag_ == "VBD"))
    if not past or aux & NOT_PAST_AUX:
        return False
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ in SUBORDINATE or (clause.dep_ in REPORTED and clause.head.i < clause.i):
        return False  # "after they met", "the talks that followed", "said that they met"
    # "After the vote they met": within a story's year or month the act still falls in it; a day it may leave.
    placed = RELATION_PREPS - LATER_PREPS if coarse else RELATION_PREPS
    return not any(
        c.dep_ == "prep" and c.lower_ in placed and not _right_after_own_act(c)
        for c in (verb, clause)
        for c in c.children
    )


# Words that put an act right after another, within the same hours.
RIGHT_AFTER = frozenset({"shortly", "soon", "just", "immediately", "right"})


def _right_after_own_act(preposition: Token) -> bool:
    """ "met the president shortly after landing": an act right after the doer's own act, told bare (a
    gerund with no subject or time of its own), falls on the day of the story it goes on."""
    if preposition.lower_ not in LATER_PREPS or not any(c.lower_ in RIGHT_AFTER for c in preposition.children):
        return False
    acts = [c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}]
    return (
        len(acts) == 1
        and acts[0].tag_ == "VBG"
        and not any(c.dep_ in {"nsubj", "npadvmod", "prep"} for c in acts[0].children)
    )


# Subjects that name the act just told: "It came a day after ...", "The move came hours after ...".
ANAPHORIC_SUBJECTS = frozenset({"it", "this", "that"})
DEFINITE_ARTICLES = DEFINITE_WORDS - {"his", "her", "its", "their", "our", "my"}  # "the move", "this decision"


def _measured_from_anaphor(doc: Doc, trigger: Trigger) -> int | None:
    """Days from the act the sentence before told to the trigger's act, when the trigger is told in a
    measured after/before clause of a verb whose subject names that act ("The expulsions came a day after
    Ostland arrested a citizen": -1); None otherwise."""
    found = measured_clause(doc, trigger)
    if found is None:
        return None
    clause, days = found
    subject = next((c for c in clause.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    anaphoric = subject.lower_ in ANAPHORIC_SUBJECTS or any(
        c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in subject.children
    )
    return days if anaphoric else None


def _means_of(token: Token) -> Token | None:
    """The verb a gerund after "by" tells the means of ("responded by expelling ... and freezing ..."), the
    gerund's conjuncts included; None for any other word."""
    gerund = token
    if gerund.dep_ == "conj" and gerund.head.tag_ == "VBG":
        gerund = gerund.head
    prep = gerund.head
    if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp" or prep.lower_ != "by" or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    return prep.head


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}


def _clause_verb(doc: Doc, trigger: Trigger) -> Token:
    token = doc[trigger.head_i]
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or token.head.i == token.i:
            return token
        token = token.head
    return token


def _points_back(doc: Doc, trigger: Trigger) -> bool:
    """ "then", "at that time", "at the time" on the clause of the trigger."""
    verb = _clause_verb(doc, trigger)
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ == "then" and not any(c.lower_ == "if" for c in verb.subtree):
            return True
        if child.dep_ == "prep" and child.lower_ in {"at", "around", "about"}:
            for noun in child.subtree:
                if noun.lower_ != "time" or any(c.dep_ == "prep" for c in noun.children):
                    continue  # "at the time of the vote" measures from an event, not from the story's time
                words = {c.lower_ for c in noun.children if c.dep_ in {"det", "amod"}}
                if words and words <= SAME_TIME_WORDS:
                    return True
    return False


def _goes_on(doc: Doc, trigger: Trigger, time: TimeExpression) -> bool:
    """A new act told in the simple past ("they signed a truce", "at a meeting in Rome, he ..."): a verb, or
    an indefinite event noun (a definite one names an event told before, see ``coreferent_dates``)."""
    if trigger.type is EventType.STATEMENT:
        return False
    token = doc[trigger.i]
    if trigger.nominal and not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
        return False
    return _told_in_the_past(token, coarse=time.precision in COARSE)


def _on_main_line(doc: Doc, trigger: Trigger) -> bool:
    """A trigger that is its line's act: the main verb or one joined to it ("meet ..., agree to ..."), or a
    noun that is such a verb's subject or object; not what such a verb plans or wants ("to resume talks")."""
    token = doc[trigger.head_i]
    if token.pos_ not in {"VERB", "AUX"}:
        token = token.head if token.dep_ in {"nsubj", "nsubjpass", "dobj"} else token
    # Joined by "and", or by a comma alone ("Envoys meet in Lima, agree to ...": the parser may read a clause).
    while token.head.i != token.i and (token.dep_ == "conj" or _joined_by_comma(token)):
        token = token.head
    return token.dep_ == "ROOT"


def _joined_by_comma(verb: Token) -> bool:
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in {"VBP", "VBZ", "VBD"}
        and not any(c.dep_ in {"mark", "advmod", "nsubj"} for c in verb.children)
        and verb.doc[verb.i - 1].text == ","
    )


def _date_label(plan: Plan, own_times: list[TimeExpression]) -> TimeExpression | None:
    """The time a sentence is made of, when it is a label ending in a colon ("Sept. 30, 2026:", "March 2024:"),
    as in the lines of a timeline box; else None."""
    if len(own_times) != 1 or not plan.sentence.text.rstrip().endswith(":"):
        return None
    time = own_times[0]
    words = [t for t in plan.sentence if not t.is_punct]
    return time if all(time.token_start <= t.i < time.token_end for t in words) else None


def _story_time(doc: Doc, plan: Plan, own_times: list[TimeExpression]) -> TimeExpression | None:
    """The time a sentence narrates: that of its last dated act (not a saying) on the sentence's main line,
    else of its last dated act, else its last dating time. An act in the background ("met on Wednesday for
    the first time since they fought a war in 2021", "after talks that began in May") is not where the story
    stands."""
    acts = [b for b in plan.bindings if b.trigger.type is not EventType.STATEMENT]
    main = [b for b in acts if not _in_background(doc[b.trigger.i])]
    if main or acts:
        return max((b.time for b in main or acts), key=lambda t: t.start)
    return own_times[-1] if own_times else None


def _in_background(token: Token) -> bool:
    """Whether ``token`` lies in a clause or phrase that places another act: a relative, adverbial or
    participial clause, or the object of "since", "after", "before", ... ."""
    current = token
    for _ in range(len(token.doc)):
        if current.head.i == current.i:
            return False
        if current.dep_ in SUBORDINATE or (current.dep_ == "prep" and current.lower_ in RELATION_PREPS):
            return True
        if current.dep_ == "pcomp" and current.head.lower_ in RELATION_PREPS:
            return True
        current = current.head
    return False


def _carry(trigger: Trigger, time: TimeExpression) -> Binding:
    return Binding(trigger, replace(time, basis=DateBasis.NARRATIVE.value), 1, inherited=True, basis="narrative")


def narrative_dates(doc: Doc, plans: list[Plan], published: date) -> None:
    """Date, in place, the undated acts that the narrative's time dates (see the module's first two cases)."""
    text = doc.text
    story: tuple[TimeExpression, int, int] | None = None  # time, sentence rank, paragraph
    paragraph = 0
    previous_end = 0
    label: TimeExpression | None = None
    for plan in plans:
        # Every line break since the last plan starts a paragraph, one told by a sentence with no plan included.
        breaks = len(LINE_BREAKS.findall(text, previous_end, plan.sentence.start_char))
        same_line = not breaks
        paragraph += breaks
        previous_end = plan.sentence.start_char + len(plan.sentence.text.rstrip())  # a sentence keeps its "\n\n"
        dated = plan.dated()
        carried: list[Binding] = []
        own_times = dating_candidates(doc, plan.triggers, plan.times)
        if label is not None and same_line and not own_times:
            # "Sept. 30, 2026: Ministers meet in Geneva": the date that labels a line dates its acts.
            acts = [t for t in plan.triggers if t.i not in dated and _on_main_line(doc, t)]
            verbs = {t.i for t in acts if not t.nominal}
            # A noun that is the subject or object of a verb of the line is that act's argument ("Skirmish kills").
            acts = [t for t in acts if not (t.nominal and doc[t.i].head.i in verbs)]
            labelled = [Binding(t, label, 1) for t in acts]
            plan.bindings = in_order([*plan.bindings, *labelled])
            dated = plan.dated()
        label = _date_label(plan, own_times)
        # A sentence that names a time of its own sets the story's time; it takes none from before.
        if story is not None and not own_times and story[0].lower is not None and story[0].lower <= published:
            time, rank, where = story
            goes_on = where == paragraph and plan.rank - rank <= PARAGRAPH_SENTENCES
            # Wire copy sets each sentence apart: the paragraph right after a lead that tells the news of the
            # last days goes on with the lead's day, past a sentence in it that tells no act ("The missile flew
            # 600 km, the ministry said. Tokyo lodged a protest."); "In 2011 the envoys met ..." sets no such scene.
            news = time.precision == "day" and time.lower is not None and (published - time.lower).days <= NEWS_DAYS
            next_paragraph = paragraph - where == 1 and plan.rank - rank <= PARAGRAPH_SENTENCES
            goes_on = goes_on or (news and rank <= LEAD_RANK and next_paragraph)
            for trigger in plan.triggers:
                if trigger.i in dated:
                    continue
                measured = _measured_from_anaphor(doc, trigger)
                if measured is not None and where == paragraph and plan.rank - rank == 1:
                    if time.precision == "day":
                        carried.append(moved_by(trigger, time, measured))
                    continue
                if (_points_back(doc, trigger) and plan.rank - rank <= ANAPHOR_SENTENCES) or (
                    goes_on and _goes_on(doc, trigger, time)
                ):
                    carried.append(_carry(trigger, time))
        if carried:
            plan.bindings = in_order([*plan.bindings, *carried])
        own = _story_time(doc, plan, own_times)
        if own is not None and not any(b.basis == "narrative" and b.time is own for b in plan.bindings):
            story = (own, plan.rank, paragraph)
        elif carried:
            story = (carried[-1].time, plan.rank, paragraph)


def _definite(token: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE_WORDS for c in token.children)


def _indefinite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)


def _named(token: Token) -> bool:
    """ "a Zembla conference", "the Ostland summit": a place or a name before the noun names the event."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def coreferent_dates(doc: Doc, plans: list[Plan]) -> dict[int, Binding]:
    """Undated event nouns that name an event the text dates in a nearby sentence ("his visit" after "will
    visit Spain from May 3 to 5"), with that event's date; keyed by the noun's token. One dated event of that
    kind in reach, or none: two would make the reference ambiguous."""
    found: dict[int, Binding] = {}
    for index, plan in enumerate(plans):
        dated = plan.dated()
        for trigger in plan.triggers:
            if not trigger.nominal or trigger.i in dated:
                continue
            token = doc[trigger.i]
            if not (_definite(token) or _named(token) or (token.dep_ == "pobj" and not _indefinite(token))):
                continue  # "met during a session of the bloc": an indefinite noun brings in an event of its own
            candidates: dict[str | None, Binding] = {}
            places = _places_named(token)
            for other in plans[max(0, index - COREFERENCE_BACK - 1) : index + COREFERENCE_AHEAD + 1]:
                if not -COREFERENCE_BACK <= other.rank - plan.rank <= COREFERENCE_AHEAD:
                    continue
                for binding in other.bindings:
                    if binding.trigger.type is trigger.type and binding.basis is None and not binding.inherited:
                        elsewhere = _places_named(doc[binding.trigger.i])
                        if places and elsewhere and not places & elsewhere:
                            continue  # "his visit to Lima" is not the visit to Quito dated before it
                        candidates.setdefault(binding.time.edtf, binding)
            if len(candidates) == 1:
                (antecedent,) = candidates.values()
                found[trigger.i] = Binding(trigger, antecedent.time, 1, inherited=True, basis="inferred")
    return found


def _places_named(token: Token) -> set[str]:
    """The words of the places an event word names with its own object or preposition ("visit to Lima",
    "visited La Paz"), lower-cased: proper nouns that name no person, body or nationality (the model tags
    many a town as nothing at all)."""
    named = [
        word
        for child in token.children
        if child.dep_ in {"dobj", "prep"}
        for object_ in (child, *child.children)
        for word in (object_, *object_.conjuncts)  # "a visit to Chile and Peru"
        if word.pos_ == "PROPN" and word.ent_type_ not in {"PERSON", "ORG", "NORP"}
    ]
    return {part.lower_ for word in named for part in (word, *(c for c in word.children if c.dep_ == "compound"))}


def offset_dates(doc: Doc, plan: Plan, referents: dict[int, Binding]) -> list[Binding]:
    """ "met two days after the vote", "a week before the election": the act is dated from the event it is
    measured from, when the text dates that event."""
    added: list[Binding] = []
    dated = plan.dated()
    by_head = {t.head_i: t for t in plan.triggers if not t.nominal}
    for time in plan.times:
        offset = _OFFSET.fullmatch(time.value or "")
        if time.edtf is not None or offset is None or time.token_end >= len(doc):
            continue
        prep = doc[time.token_end]
        sign = OFFSET_PREPS.get(prep.lower_)
        if sign is None or prep.dep_ != "prep":
            continue
        event = next((c for c in prep.children if c.dep_ == "pobj"), None)
        referent = referents.get(event.i) if event is not None else None
        if referent is None or referent.time.lower is None or referent.time.precision != "day":
            continue
        measured = prep.head
        if time.token_start <= measured.i < time.token_end:
            measured = measured.head  # "two days after the vote" hung on "days": the act the span hangs on
        act = by_head.get(measured.i)
        if act is None or act.i in dated:
            continue
        days = int(offset[1]) * (7 if offset[2] == "W" else 1)
        added.append(_measured_from(act, referent.time, referent.time.lower + timedelta(days=sign * days)))
    return added + _on_the_eve(doc, plan, referents, dated | {b.trigger.i for b in added}, by_head)


def _on_the_eve(
    doc: Doc, plan: Plan, referents: dict[int, Binding], dated: set[int], by_head: dict[int, Trigger]
) -> list[Binding]:
    """ "On the eve of the summit, the ministers met": the day before the event named, when the text dates it."""
    added: list[Binding] = []
    for eve in plan.sentence:
        if eve.lower_ != "eve" or eve.dep_ != "pobj" or eve.head.lower_ not in {"on", "at"}:
            continue
        event = next((g for c in eve.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
        referent = referents.get(event.i) if event is not None else None
        if referent is None or referent.time.lower is None or referent.time.precision != "day":
            continue
        act = by_head.get(eve.head.head.i)
        if act is None or act.i in dated:
            continue
        added.append(_measured_from(act, referent.time, referent.time.lower - timedelta(days=1)))
    return added


def _measured_from(act: Trigger, base: TimeExpression, day: date) -> Binding:
    """``act`` dated ``day``, a day measured from the time of the event it is told against (``base``)."""
    iso = day.isoformat()
    moved = replace(base, edtf=iso, value=iso, lower=day, upper=day, precision="day", basis=DateBasis.INFERRED.value)
    return Binding(act, moved, 1, inherited=True, basis="inferred")
