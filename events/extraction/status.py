"""Status of an event as of the publication date: occurred, ongoing, scheduled, postponed, cancelled.

Words decide first, the calendar second. Postponement and cancellation words that govern the event
("postponed plans to visit", "the cancellation of the trip", "the summit was called off") set the status;
negation, counterfactuals ("would have been") and mere wishes ("hoping to meet", "a request for a
meeting") mean nothing happened and nothing is scheduled, so no event is proposed. Modality ("will", "is
scheduled/expected/set/due to", "plans to", "was to", "could") makes it scheduled; so does a date after the
publication date. A present progressive over a period that includes the publication date is ongoing.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.timex.tense import marked_as_past
from events.extraction.tree import POINTING_DETS, in_sequence_phrase, noun_phrase_heads
from events.extraction.triggers import DECISION_NOUNS, DONE_BY_ANNOUNCING, NOUNS, Trigger, noun_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from events.extraction.timex import TimeExpression

# Put off to a later or unknown time: "talks put on hold indefinitely", "the talks were halted".
POSTPONE = frozenset(
    {"postpone", "delay", "defer", "reschedule", "postponement", "deferral", "suspend", "halt", "pause", "freeze",
     "suspension", "interrupt"}
)  # fmt: skip
# Called off, or undone before it took effect: "a withdrawal revoked in March", "reversed its withdrawal".
CANCEL = frozenset(
    {"cancel", "scrap", "axe", "cancellation", "abandon", "scuttle", "shelve", "nix", "revoke", "rescind", "annul",
     "reverse", "revocation", "reversal"}
)  # fmt: skip
# "regularly sends bombers", "often holds drills": a habit in the simple present is no single event.
HABITUAL_ADVERBS = frozenset(
    {"occasionally", "often", "regularly", "routinely", "usually", "sometimes", "frequently", "periodically",
     "generally", "typically", "normally", "seldom", "rarely", "always"}
)  # fmt: skip
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
SCHEDULE = frozenset(
    {"plan", "schedule", "expect", "set", "due", "slate", "intend", "prepare", "poise", "aim", "arrange",
     "announce", "agree", "invite", "likely", "expected", "scheduled", "slated", "poised", "going", "suppose"}
)  # fmt: skip
IRREALIS = frozenset(
    {"hope", "want", "wish", "seek", "urge", "ask", "request", "propose", "suggest", "demand", "push", "press",
     "consider", "refuse", "decline", "reject", "rebuff", "deny", "offer", "invitation", "proposal", "bid",
     "call", "willingness", "readiness", "desire", "chance", "possibility", "idea", "threat", "threaten",
     "confident", "ready", "willing", "able", "eager", "fail", "avoid"}
)  # fmt: skip
# Aims, which make only what they aim at directly a wish: "in an effort to secure the release", "talks aimed at
# securing a truce". (A tried act is told as done: "tried to broker a truce", "an attempt to reopen the talks".)
AIM_WORDS = frozenset({"effort", "aim"})
AIM_REACH = 3
# "plans to meet", "is scheduled to attend the summit": the event is the complement of the planning word.
COMPLEMENT_DEPS = frozenset({"xcomp", "acl", "dobj", "nsubjpass", "attr", "ccomp", "oprd"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "could", "may", "might", "would", "can", "should"})
# Climbing from the trigger stops at these: a new clause or a temporal relation starts there.
CLAUSE_BOUNDARIES = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "csubj", "appos", "ROOT"})
TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "amid", "during", "until", "despite"})
PAST_TAGS = frozenset({"VBD", "VBN"})
# Clauses and phrases that measure another event's time from this one: "when she took office", "since his
# inauguration", "after taking office".
ANCHOR_WORDS = frozenset({"when", "since", "after", "before", "until", "once", "following"})


def governing_chain(doc: Doc, trigger: Trigger) -> list[Token]:
    """The trigger and the words above it up to the edge of its clause."""
    chain: list[Token] = [doc[trigger.i]]
    if trigger.head_i != trigger.i:
        chain.append(doc[trigger.head_i])
    current = chain[-1]
    for _ in range(8):
        if _complement_read_as_clause(current):
            current = current.head  # "threatened on Monday to impose tariffs": the threat's complement
            chain.append(current)
            continue
        if current.dep_ in CLAUSE_BOUNDARIES or current.head.i == current.i:
            break
        if current.i == trigger.i and current.dep_ == "acl" and current.tag_ == "VBN" and not trigger.nominal:
            break  # "under a deal signed on Friday": the participle tells its own act, not the main clause's
        if current.dep_ == "pobj" and current.head.lower_ in TEMPORAL_PREPS:
            break
        current = current.head
        chain.append(current)
    return chain


def _complement_read_as_clause(token: Token) -> bool:
    """ "Peru threatened on Monday to impose tariffs": with a time between them, the parser may read the
    infinitive a verb of wishing, planning or threatening takes as a clause of purpose; it is still what that
    verb wishes, plans or threatens."""
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in token.children)
        and token.head.lemma_.lower() in IRREALIS | SCHEDULE
    )


# Verbs of coming about: negated ("never took place", "did not go ahead"), the planned event was dropped.
HAPPEN_VERBS = frozenset({"happen", "occur", "materialise", "materialize"})


def _did_not_happen(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if not any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in token.children):
        return False
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children)
    if lemma == "go":
        return any(c.dep_ in {"prt", "advmod"} and c.lower_ == "ahead" for c in token.children)
    return lemma in HAPPEN_VERBS


def _change_of(token: Token) -> EventStatus | None:
    lemma = token.lemma_.lower()
    if _did_not_happen(token):
        return EventStatus.CANCELLED
    if lemma in POSTPONE or (lemma in {"put", "push"} and any(c.lower_ in {"off", "back"} for c in token.children)):
        return EventStatus.POSTPONED
    if lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children):
        return EventStatus.POSTPONED  # "talks broken off in 2019": suspended, as "suspend" is
    if lemma in CANCEL or (lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children)):
        return EventStatus.CANCELLED
    return None


def _joined_change(chain: list[Token]) -> EventStatus | None:
    """ "The visits were due to take place in May but were cancelled": a change word joined to a verb of
    the chain, sharing its subject (it has none of its own), changes the event too; so does one whose subject
    is the gathering the plan takes place at ("the cabinet was to vote on Thursday, but the meeting was
    delayed"). Not a verb the event is only a phrase of: in "the deal was linked to transfers in the war, and
    was delayed" the war is not what was delayed."""
    for below, token in itertools.pairwise(chain):
        if below.dep_ in {"prep", "agent"}:
            continue
        for conj in token.conjuncts:
            if conj.i < token.i:
                continue
            subjects = [
                c for c in conj.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lower_ != "place"
            ]  # not the "place" of "take place"
            if not subjects or all(s.lemma_.lower() in PLANNED_NOUNS for s in subjects):
                change = _change_of(conj)
                if change is not None:
                    return change
    return None


def participle_change(noun: Token) -> EventStatus | None:
    """ "as regional summit called off", "the talks postponed in May": a bare participle of a change on the
    event noun changes it."""
    for child in noun.children:
        if (
            child.dep_ == "acl"
            and child.tag_ in {"VBN", "VBD"}
            and not any(c.dep_ in {"aux", "auxpass"} for c in child.children)
        ):
            change = _change_of(child)
            if change is not None:
                return change
    return None


# Words for any gathering, by which a sentence refers back to the one it named: "the meeting", "the session".
GATHERING_WORDS = frozenset({"meeting", "gathering", "session", "event", "conference", "summit", "talks", "talk"})


def _changed_as_the_gathering(noun: Token) -> EventStatus | None:
    """ "Crowds burst into a summit on Monday, and the hosts had to put the whole meeting off": later in the
    sentence, a change of "the meeting" (a general word for a gathering, naming no side of its own) changes the
    gathering the sentence named."""
    for word in noun.sent:
        if word.i <= noun.i or word.lemma_.lower() not in GATHERING_WORDS or word.dep_ not in {"dobj", "nsubjpass"}:
            continue
        definite = any(c.dep_ == "det" and c.lower_ in POINTING_DETS for c in word.children)
        sides = any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in word.children)
        if definite and not sides:
            change = _change_of(word.head)
            if change is not None:
                return change
    return None


def _change_read_as_noun(noun: Token) -> EventStatus | None:
    """ "Zembla cancels June 12 summit in Lima": a headline's verb of change in the third person, which the tagger
    took for a plural noun, with the event noun hung on it, changes the event."""
    # The event noun hung on the verb after it ("cancels ... summit" read as a noun and its apposition), or the
    # verb hung on the noun before it ("[Brown cancels] Peru summit" read as a modifier).
    words = [noun.head] if noun.dep_ in {"appos", "dobj", "npadvmod", "compound"} and noun.head.i < noun.i else []
    words += [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i]
    for word in words:
        if (change := change_read_as_noun(word)) is not None:
            return change
    return None


def change_read_as_noun(word: Token) -> EventStatus | None:
    """The change a verb of the third person tells where the tagger read it as a plural noun ("cancels")."""
    return _change_of(word) if word.tag_ in {"NNS", "VBZ"} and word.lower_.endswith("s") else None


def _marked_change(chain: list[Token]) -> EventStatus | None:
    for token in chain:
        change = _change_of(token)
        if change is not None:
            # "asked whether Zembla would reverse the decision": a change only asked about is none.
            asked = any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in token.children)
            return None if _aux_lemmas(token) & MAYBE or asked else change
    if not chain:
        return None
    # "the summit ... was called off" with the trigger as subject
    head = chain[0].head if chain[0].dep_ in {"nsubjpass", "nsubj"} else None
    if head is not None:
        return _marked_change([head])
    return None


# The planned act itself, or the gathering it was to happen at: "the trip was called off", "the meeting was
# delayed" change what was planned.
PLANNED_NOUNS = frozenset(
    {"meeting", "session", "sitting", "summit", "talks", "talk", "conference", "vote", "trip", "visit", "tour",
     "journey", "plan", "event", "ceremony"}
)  # fmt: skip
# Gatherings and trips someone takes part in: taking part can be called off while the gathering goes on.
GATHERING_TYPES = frozenset({EventType.VISIT, EventType.MEETING, EventType.TALKS, EventType.SUMMIT})
# Staying away from a gathering: "will skip the summit", "boycotted the talks".
STAY_AWAY = frozenset({"skip", "boycott", "snub", "shun"})
# Leaving what one was to attend: "pulled out of the summit", "backed out of the talks", "withdrew from".
LEAVE_PARTICLES = frozenset({"pull", "back", "drop", "opt"})
# Taking part, which a negated future ("will not attend", "won't travel to") calls off.
TAKE_PART = frozenset({"attend", "join", "travel", "go", "come", "visit", "meet", "fly", "participate", "take"})


def _stays_away(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in STAY_AWAY:
        return True
    if lemma in LEAVE_PARTICLES:
        return any(c.dep_ in {"prt", "prep"} and c.lower_ == "out" for c in token.children)
    return lemma == "withdraw" and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)


def _will_not(token: Token) -> bool:
    """ "will not attend", "won't go", "is not going to travel": a negated plan of this verb."""
    aux = _aux_lemmas(token)
    negated = any(c.dep_ == "neg" for c in token.children)
    if negated and aux & {"will", "wo", "'ll", "shall", "would"}:
        return True
    head = token.head  # "is not going to attend": the negation is on "going"
    return (
        token.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.dep_ == "neg" for c in head.children)
        and bool(_aux_lemmas(head) & {"be", "is", "are", "was", "were", "'s", "'re", "am"})
    )


def participation_called_off(chain: list[Token], trigger: Trigger) -> bool:
    """Someone's taking part in a gathering or trip is called off ("will not attend the summit next week",
    "pulled out of the talks", "will skip the summit"): cancelled, as issue 13 asks of trips and meetings
    called off. The verb that does it holds the gathering (``chain[1:4]``: "pulled out of the summit"), or is
    the trip itself ("will not visit")."""
    if trigger.type not in GATHERING_TYPES:
        return False
    verbs = chain[:1] if not trigger.nominal else [t for t in chain[1:4] if t.pos_ in {"VERB", "AUX"}]
    for verb in verbs:
        if trigger.nominal and _stays_away(verb):
            return True
        if verb.lemma_.lower() in TAKE_PART and _will_not(verb):
            return True
    return False


def _aux_lemmas(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}


# Verbs whose negation, with the event noun as subject, says the event did not come about ("the talks did not
# start"); any other verb's negation denies only what it says of an event that took place ("the talks did
# not produce a deal").
COMING_ABOUT_VERBS = HAPPEN_VERBS | frozenset(
    {"take", "go", "start", "begin", "proceed", "open", "resume", "come", "be", "get", "continue", "last"}
)


def _predicate_denied(chain: list[Token]) -> bool:
    """ "The talks on Friday did not produce a ceasefire": the negation is the verb's, said of talks that
    were held."""
    return (
        len(chain) > 1
        and chain[0].dep_ == "nsubj"
        and chain[0].pos_ == "NOUN"
        and chain[0].head.i == chain[1].i
        and chain[1].pos_ == "VERB"
        and chain[1].lemma_.lower() not in COMING_ABOUT_VERBS
    )


def _object_denied(verb: Token) -> bool:
    """ "reached no agreement", "held no talks": a verb whose act is named by its object says, with "no" on
    that object, that the act did not take place."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in verb.children
    )


def is_negated(chain: list[Token]) -> bool:
    verbs = chain[:1] if _predicate_denied(chain) else chain[:2]
    return (
        any(c.dep_ == "neg" for token in verbs for c in token.children)
        or any(c.lower_ in {"never", "no"} and c.dep_ in {"neg", "advmod", "det"} for c in chain[0].children)
        or _object_denied(chain[0])
    )


# Conjunctions that make a clause a condition or an open question: "if no deal is reached by August", "unless
# the talks resume", "whether the summit goes ahead".
CONDITION_MARKS = frozenset({"if", "unless", "whether"})


def is_conditional(chain: list[Token]) -> bool:
    """An act told as a condition or an open question, not as news: "threaten sanctions if no deal is reached
    by the end of August"."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for token in chain for c in token.children)


DESCRIBING_MODALS = frozenset({"would", "could", "might", "may"})


def describes_another_act(chain: list[Token], trigger: Trigger) -> bool:
    """ "will meet Ruiz in the coming days, in what would be the first summit since 2021": an event noun that a
    modal "be" predicates of something else only says what another act would be."""
    noun = chain[0]
    if not trigger.nominal or noun.dep_ != "attr" or noun.head.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "aux" and c.lower_ in DESCRIBING_MODALS for c in noun.head.children)


def _presupposed(chain: list[Token]) -> bool:
    """ "asked whether Zembla would reverse the 2018 decision to expel ...": an act named by a definite noun (or
    told under one) inside a condition or a question is taken as given; the condition is about something else."""
    return any(
        token.pos_ == "NOUN"
        and any(
            (c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}) or c.dep_ == "poss"
            for c in token.children
        )
        for token in chain
    )


def is_in_question(chain: list[Token]) -> bool:
    """An act in a "whether" clause is asked about, not told: "nobody can say whether the leaders will meet",
    "all eyes are on whether the president joins the talks"."""
    verb = next((token for token in chain[:3] if token.pos_ in {"VERB", "AUX"}), None)
    # Only the act's own clause: "asked whether Zembla would reverse the 2018 decision to expel the envoy"
    # asks about the reversal; the expulsion is taken as given.
    return verb is not None and any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children)


def is_counterfactual(chain: list[Token]) -> bool:
    for token in chain[:3]:
        aux = _aux_lemmas(token)
        if {"would", "could", "should", "might"} & aux and "have" in aux:
            return True
        if _inverted_condition(token):
            return True
    return False


def _inverted_condition(verb: Token) -> bool:
    """ "Had the leaders met last week, they might have agreed": a clause whose "had" (or "were", "should")
    comes before its subject is a condition, here one that did not hold."""
    if verb.dep_ != "advcl":
        return False
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "were", "should"} and c.i < min(subjects)
        for c in verb.children
    )


def is_irrealis(chain: list[Token]) -> bool:
    """A wish, request, refusal or ability, not an event: "hoping to meet", "a request for a meeting". An
    event that is the subject of such a word did happen: "the talks sought a truce" wished for the truce."""
    return any(
        (
            token.lemma_.lower() in IRREALIS
            or _ruled_out(token)
            or (token.lemma_.lower() in AIM_WORDS and position < AIM_REACH)
        )
        and _wished_for(chain[position])
        and not _taken_up(token)
        and not _convened(token, chain[position])
        for position, token in enumerate(chain[1:])
    )


def _convened(verb: Token, below: Token) -> bool:
    """ "called an emergency meeting": "call" with a gathering for its direct object convenes it; "called for
    talks" asks for them. (An election "called" for a day is a date set, read with the time, not here.)"""
    gathering = NOUNS.get(noun_lemma(below)) in {EventType.MEETING, EventType.SUMMIT, EventType.TALKS}
    return verb.lemma_.lower() == "call" and below.dep_ == "dobj" and below.head.i == verb.i and gathering


# Taking up an offer makes what it offers a plan: "accepted an invitation to visit China later this year".
ACCEPTING_VERBS = frozenset({"accept", "welcome", "take"})
OFFERED_NOUNS = frozenset({"invitation", "offer", "proposal"})


def _taken_up(token: Token) -> bool:
    return (
        token.lemma_.lower() in OFFERED_NOUNS
        and token.dep_ == "dobj"
        and token.head.lemma_.lower() in ACCEPTING_VERBS
        and not any(c.dep_ == "neg" for c in token.head.children)
    )


# Prepositions that join what is wished for to the wish: "a request for talks", "an invitation to the summit".
WISHED_PREPS = frozenset({"for", "to", "of", "on", "about"})


def _wished_for(link: Token) -> bool:
    """Whether the word below a wish word is what is wished: not its subject ("the talks sought a truce") and
    not a setting phrase of the wishing ("in a 90-minute call, she urged ...": the call happened)."""
    if link.dep_ in {"nsubj", "nsubjpass"}:
        return False
    if link.dep_ == "prep" and link.lower_ == "at" and link.head.lemma_.lower() == "aim":
        return True  # "talks aimed at a truce"
    return not (link.dep_ == "prep" and link.lower_ not in WISHED_PREPS)


def _ruled_out(token: Token) -> bool:
    """ "ruled out talks": what is ruled out is refused, as what is rejected."""
    return token.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)


# Judged not to come about: "a summit is unlikely before the autumn", "talks look improbable".
DOUBT_WORDS = frozenset({"unlikely", "improbable", "doubtful", "impossible"})


def is_doubted(chain: list[Token]) -> bool:
    """Whether the event is judged unlikely by the clause it belongs to ("a summit ... is unlikely", "talks
    are unlikely to take place"): no event to report."""
    return any(
        token.lower_ in DOUBT_WORDS
        or any(c.dep_ in {"acomp", "advmod"} and c.lower_ in DOUBT_WORDS for c in token.children)
        for token in chain[:3]
    )


def _done_by_announcing(verb: Token, noun: Token) -> bool:
    return verb.lemma_.lower() == "announce" and verb.tag_ == "VBD" and noun.lemma_.lower() in DONE_BY_ANNOUNCING


def has_schedule_modality(chain: list[Token]) -> bool:
    for position, token in enumerate(chain):
        if _aux_lemmas(token) & FUTURE_AUX:
            return True
        below = chain[position - 1] if position else None
        if (
            below is not None
            and token.lemma_.lower() in SCHEDULE
            and below.dep_ in COMPLEMENT_DEPS
            and not _done_by_announcing(token, below)
        ):
            return True
        # "Blinken was to begin talks": be + to-infinitive
        if (
            token.dep_ == "xcomp"
            and token.head.lemma_ == "be"
            and any(c.lower_ == "to" for c in token.children)
            and not any(c.dep_ in {"attr", "acomp"} for c in token.head.children)
        ):
            return True
        if any(c.lower_ in {"possibly", "likely", "perhaps", "probably"} for c in token.children):
            return True
    return False


# Modals and adverbs that make a statement a possibility rather than a report or a firm plan.
HEDGES = frozenset({"could", "may", "might", "would", "should", "can", "possibly", "likely", "perhaps", "probably"})
# A change only weighed ("could be postponed", "may be cancelled") or urged ("should be postponed"): nothing
# is changed yet. The hedging modals, save "would", the future of a report ("said it would postpone the
# summit"), which is a decision.
MAYBE = (HEDGES & FUTURE_AUX) - {"would"}


def is_hedged(chain: list[Token]) -> bool:
    """ "could meet next week", "may visit", "would probably travel": the text allows the event, no more."""
    return any(
        c.lower_ in HEDGES and c.dep_ in {"aux", "auxpass", "advmod"} for token in chain[:3] for c in token.children
    )


def is_past_plan(chain: list[Token]) -> bool:
    """A plan the text looks back on: "had intended to travel", "had been scheduled to open" (a planning word
    in the pluperfect) or "was to have visited" (a perfect infinitive after "was to")."""
    for below, above in itertools.pairwise(chain):
        if below.dep_ == "nsubjpass" and above.lemma_.lower() in SCHEDULE and _pluperfect_passive(above):
            return True  # "the talks had been set for May 4": the event the plan was for
        if below.dep_ != "xcomp":
            continue
        below_aux = _aux_lemmas(below)
        if below.tag_ == "VBN" and {"to", "have"} <= below_aux and above.lemma_ == "be":
            return True
        # "had been due to visit": the pluperfect sits on the copula the planning adjective hangs on.
        carriers = [above, above.head] if above.dep_ == "acomp" and above.head.lemma_ == "be" else [above]
        if above.lemma_.lower() in SCHEDULE and any(
            c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "'d"} and c.tag_ == "VBD"
            for carrier in carriers
            for c in carrier.children
        ):
            return True
    return False


def _pluperfect_passive(verb: Token) -> bool:
    """The pluperfect passive, "had" and "been" on a past participle ("had been set", "had been planned")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBN" and {"had", "been"} <= aux


def is_plan_told_in_the_past(chain: list[Token]) -> bool:
    """ "was scheduled to visit", "were due to meet", "planned to travel", "was to visit": a planning word in the
    simple past, or the past of "be" with "to" (the arrangement told as it stood then), with the planned act
    for its infinitive."""
    for below, above in itertools.pairwise(chain):
        if below.dep_ != "xcomp" or below.tag_ != "VB":
            continue
        if above.lower_ in {"was", "were"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children):
            return not any(c.dep_ in {"aux", "auxpass", "neg"} for c in above.children)
        if above.lemma_.lower() not in PLAN_PARTICIPLES:
            continue
        carrier = above.head if above.dep_ == "acomp" and above.head.lemma_ == "be" else above
        past_aux = {c.lower_ for c in carrier.children if c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD"}
        others = {c.lower_ for c in carrier.children if c.dep_ in {"aux", "auxpass"}} - past_aux
        if (past_aux & {"was", "were"} or (carrier.tag_ == "VBD" and carrier.lemma_ != "be")) and not others:
            return True
    return False


def _obliged_in_the_past(chain: list[Token]) -> bool:
    """ "had to visit": "had" with an infinitive of the act (an obligation told in the past). "had to" is the
    past of the modal "have to", a closed pattern of English grammar, not a phrase of one article."""
    for below, above in itertools.pairwise(chain):
        if below.dep_ == "xcomp" and below.tag_ == "VB" and above.lower_ == "had" and above.tag_ == "VBD":
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
    return False


def _unrealised_plan(doc: Doc, chain: list[Token], trigger: Trigger) -> EventStatus:
    """A past plan whose time has gone by did not happen as planned: put off when its sentence says so
    ("... before the visit was put off"), else as the nearest sentence before it that tells a change says
    ("Ruiz postponed his trip to Lima. He was to have arrived on Monday"), else as a change told earlier of an
    event of its kind says ("asked to postpone the summit" in the lead), else dropped."""
    sentence = chain[0].sent
    for told in (sentence, *_sentences_before(doc, sentence, PLAN_CONTEXT_SENTENCES)):
        if any(_puts_off(t) for t in told):
            return EventStatus.POSTPONED
        if told is not sentence and any(t.lemma_.lower() in CANCEL for t in told):
            return EventStatus.CANCELLED
    return _change_told_before(doc, trigger) or EventStatus.CANCELLED


def _change_told_before(doc: Doc, trigger: Trigger) -> EventStatus | None:
    """The change the text tells, before the trigger's sentence, of an event noun of the trigger's kind that a
    verb puts off or calls off ("a proposed visit ... has been postponed", "scrapped the talks"), the nearest."""
    for token in reversed(doc[: doc[trigger.i].sent.start]):
        verb = token.head
        if (
            token.pos_ != "NOUN"
            or token.dep_ not in {"nsubjpass", "dobj"}
            or (kind := NOUNS.get(noun_lemma(token))) is None
            or gathering_kind(kind) is not gathering_kind(trigger.type)
        ):
            continue
        if _puts_off(verb):
            return EventStatus.POSTPONED
        if verb.lemma_.lower() in CANCEL or (
            verb.lemma_.lower() == "call" and any(c.lower_ == "off" for c in verb.children)
        ):
            return EventStatus.CANCELLED
    return None


def gathering_kind(kind: EventType) -> EventType:
    """Talks and a meeting are one kind of gathering: "called off its meeting with Peru ... the talks" (and two
    people holding talks on a day is their meeting that day)."""
    return EventType.MEETING if kind is EventType.TALKS else kind


def _subject_of_a_counterfactual(noun: Token) -> bool:
    """ "The mooted summit ... would have marked a first": an event noun whose clause says what it would have
    been, had it come about."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    aux = {c.lower_ for c in noun.head.children if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & {"would", "could", "might"}) and "have" in aux


# How many sentences before a past plan may tell what became of it.
PLAN_CONTEXT_SENTENCES = 2


def _puts_off(token: Token) -> bool:
    return token.lemma_.lower() in POSTPONE or (
        token.lemma_.lower() in {"put", "push"} and any(c.lower_ in {"off", "back"} for c in token.children)
    )


def _sentences_before(doc: Doc, sentence: Span, count: int) -> list[Span]:
    """Up to ``count`` sentences before ``sentence``, nearest first."""
    found: list[Span] = []
    start = sentence.start
    while start > 0 and len(found) < count:
        before = doc[start - 1].sent
        found.append(before)
        start = before.start
    return found


def is_progressive_present(chain: list[Token]) -> bool:
    token = chain[0]
    return token.tag_ == "VBG" and bool(_aux_lemmas(token) & {"is", "are", "am", "'s", "'re"})


def is_habitual(chain: list[Token]) -> bool:
    """ "It occasionally sends bombers", "summits are held every two years": the simple present with a
    word of frequency is a habit."""
    verb = next((t for t in chain if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    present = verb.tag_ in PRESENT_TAGS or bool(_aux_lemmas(verb) & {"is", "are", "am"})
    frequency = any(c.lower_ in HABITUAL_ADVERBS for c in verb.children if c.dep_ == "advmod") or any(
        c.dep_ == "npadvmod" and any(d.lower_ in {"every", "each"} for d in c.children) for c in verb.children
    )  # "are held every two years"
    return present and frequency


def describes_someone(chain: list[Token], trigger: Trigger) -> bool:
    """A saying in a relative clause tells who someone is ("the commander, who last year vowed to take the
    capital, ..."); the sentence reports something else."""
    return trigger.type is EventType.STATEMENT and chain[-1].dep_ == "relcl"


def anchors_a_time(chain: list[Token], trigger: Trigger) -> bool:
    """Taking office named only to measure from ("when she took office in 2021", "his first trip since his
    inauguration in March"): a milestone of a person's term, not news of the article."""
    if trigger.type is not EventType.INAUGURATION:
        return False
    top = chain[-1]
    if top.dep_ == "pobj" and top.head.lower_ in ANCHOR_WORDS:
        return True
    if any(t.dep_ == "pcomp" and t.head.lower_ == "since" for t in chain[:3]):
        # "his second trip since taking office in 2022" counts from it; "a day after taking office" dates it.
        return True
    return top.dep_ == "advcl" and any(
        c.lower_ in ANCHOR_WORDS and c.dep_ in {"mark", "advmod", "prep"} for c in top.children
    )


# "originally set for June 3", "first planned for May": the plan's date was changed since.
SUPERSEDED_ADVERBS = frozenset({"originally", "initially", "first", "previously", "earlier"})
PLAN_PARTICIPLES = frozenset({"set", "schedule", "plan", "slate", "due", "expect", "timetable", "pencil"})


def _superseded_date(doc: Doc, time: TimeExpression) -> bool:
    """Whether the time is the first date of a plan that was moved ("the summit, originally set for June 3,
    will now take place on July 8"): that date's event was put off."""
    if time.governor_i is None or not 0 <= time.governor_i < len(doc):
        return False
    word = doc[time.governor_i]
    if word.dep_ == "xcomp" and word.lemma_.lower() not in PLAN_PARTICIPLES:
        word = word.head  # "were initially due to open next month": the time hangs on what was planned
    if word.lemma_.lower() not in PLAN_PARTICIPLES and word.lower_ not in PLAN_PARTICIPLES:
        return False
    # The adverb sits on the plan word or, before an adjective ("were initially due"), on its copula.
    holders = [word, word.head] if word.dep_ == "acomp" else [word]
    return any(c.dep_ == "advmod" and c.lower_ in SUPERSEDED_ADVERBS for h in holders for c in h.children)


def _spans_publication_by_days(time: TimeExpression, published: date) -> bool:
    """A stretch of days (not a week, month or year named as such) that began on or before publication and ends
    after it: the act it dates has begun and not ended."""
    lower, upper = time.lower, time.upper
    return (
        lower is not None
        and upper is not None
        and time.precision == "day"
        and not time.week
        and lower <= published < upper
    )


def _held_back(doc: Doc, time: TimeExpression) -> bool:
    """ "did not resume until May": a negation with "until" holds the act back to that time; it did happen."""
    root = doc[time.token_start : time.token_end].root
    return root.dep_ == "pobj" and root.head.lower_ in {"until", "till"}


def _new_date(doc: Doc, time: TimeExpression) -> bool:
    """Whether the time is where a put-off event was moved to: "postponed to next week", "pushed back until
    May", "delayed to 12 June"."""
    root = doc[time.token_start : time.token_end].root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"to", "until", "till"} or prep.head.i == prep.i:
        return False
    verb = prep.head.head if prep.head.lower_ in {"back", "off"} else prep.head  # "pushed back to May"
    return _change_of(verb) is EventStatus.POSTPONED


def _decided_before(chain: list[Token], time: TimeExpression, published: date) -> bool:
    """ "the 2019 decision to expel two attaches": an act a past decision made is news of that decision, which
    took place; the infinitive does not make it a plan ahead."""
    return (
        time.upper is not None
        and time.upper < published
        and any(t.lemma_.lower() in DECISION_NOUNS and t.pos_ == "NOUN" for t in chain[1:3])
    )


def _told_by_own_participle(doc: Doc, trigger: Trigger, time: TimeExpression, published: date) -> bool:
    """ "A summit, last held in 2019, could follow": a past participle on the event noun with a past time of
    its own tells an earlier instance that took place; the main clause's "could" is about the next one. A
    plan's participle ("a visit planned for May") tells no taking place."""
    if not trigger.nominal or time.governor_i is None or not 0 <= time.governor_i < len(doc):
        return False
    word = doc[time.governor_i]
    return (
        word.dep_ == "acl"
        and word.tag_ == "VBN"
        and word.head.i in noun_phrase_heads(doc[trigger.i])
        and word.lemma_.lower() not in PLAN_PARTICIPLES
        and time.upper is not None
        and time.upper < published
    )


def _relative_clause_telling(doc: Doc, trigger: Trigger, time: TimeExpression) -> Token | None:
    """The verb of a relative clause on the event noun that the time is its own ("talks, which were suspended in
    2016, will resume in May"; "the summit that Zembla hosted in 2019"): the clause tells that instance of the
    event, so its verb, not the main clause's, says whether it happened; a plan's clause tells no fate."""
    if not trigger.nominal or time.governor_i is None or not 0 <= time.governor_i < len(doc):
        return None
    verb = doc[time.governor_i]
    if verb.dep_ != "relcl" or verb.pos_ not in {"VERB", "AUX"} or verb.head.i not in noun_phrase_heads(doc[trigger.i]):
        return None
    if verb.lemma_.lower() in PLAN_PARTICIPLES:
        return None  # "the talks that were set for May 4 were put off": the rest tells their fate
    return verb


# Kinds of event that last and can be under way on a day; the rest (a ban imposed, an envoy expelled, an accord
# signed) happen at a point, so "is levying" in the news tells them done.
DURATIVE_TYPES = frozenset(
    {EventType.VISIT, EventType.MEETING, EventType.TALKS, EventType.SUMMIT, EventType.MILITARY_EXERCISE,
     EventType.MILITARY_ACTION, EventType.DEPLOYMENT, EventType.INVESTIGATION, EventType.RESPONSE_OPERATION,
     EventType.INCIDENT, EventType.PHONE_CALL, EventType.OTHER}
)  # fmt: skip


def _of_another_noun(doc: Doc, trigger: Trigger) -> bool:
    """Whether an event noun only completes another noun ("the agenda of Friday's meeting", "the text of the
    accord"): a plan told above that noun plans something done with it, not the event."""
    token = doc[trigger.i]
    if not trigger.nominal or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    owner = token.head.head
    return owner.pos_ == "NOUN" and owner.lemma_.lower() not in PART_OF_EVENT_NOUNS


# Nouns of a part or a stage of an event: what is planned for "the opening of the summit" is planned for the
# summit.
PART_OF_EVENT_NOUNS = frozenset(
    {"opening", "start", "beginning", "end", "close", "conclusion", "eve", "sideline", "sidelines", "margin",
     "margins", "session", "round", "day", "part", "rest", "remainder"}
)  # fmt: skip


def _awaited(doc: Doc, trigger: Trigger) -> bool:
    """Whether an event noun is the object of a phrase of what comes later ("ahead of peace talks", "before
    the summit", "prior to the vote"): in days that span the telling, it is still to come."""
    token = doc[trigger.i]
    if not trigger.nominal or token.dep_ != "pobj":
        return False
    return token.head.lower_ == "before" or in_sequence_phrase(token.head)


def decide_status(doc: Doc, trigger: Trigger, time: TimeExpression, published: date) -> EventStatus | None:
    """The event's status, or ``None`` when the sentence says it did not and will not happen."""
    chain = governing_chain(doc, trigger)
    told = _relative_clause_telling(doc, trigger, time)
    if told is not None:
        chain = [doc[trigger.i], told]  # "talks, which were suspended in 2016, will resume": the clause's own act
    # A verb that is itself a suspension ("suspended the accord") is the event, not a change of it.
    change = _marked_change(chain[1:] if not trigger.nominal and _change_of(chain[0]) else chain)
    if change is None:
        change = _joined_change(chain) if trigger.nominal or chain[0].dep_ in {"xcomp", "acl"} else None
    if change is None and trigger.nominal:
        change = participle_change(doc[trigger.i]) or _change_read_as_noun(doc[trigger.i])
    if change is None and trigger.nominal and trigger.type in GATHERING_TYPES:
        change = _changed_as_the_gathering(doc[trigger.i])
    if change is EventStatus.POSTPONED and _new_date(doc, time):
        # "postponed to next week": the event now lies at that date (its first date is another event's).
        return EventStatus.SCHEDULED if time.upper is None or time.upper >= published else EventStatus.OCCURRED
    if change is not None:
        return change
    if trigger.nominal and _subject_of_a_counterfactual(doc[trigger.i]):
        # "Chile put off the talks. The mooted round, set for May 4, would have opened a new chapter":
        # the plan did not come about; it is the change told before it, or called off.
        return _change_told_before(doc, trigger) or EventStatus.CANCELLED
    if _superseded_date(doc, time):
        return EventStatus.POSTPONED
    if participation_called_off(chain, trigger):
        return EventStatus.CANCELLED
    if is_negated(chain) and not _held_back(doc, time):
        return None
    if is_counterfactual(chain) or is_irrealis(chain) or is_habitual(chain) or is_doubted(chain):
        return None
    if is_in_question(chain):
        return None
    if (is_conditional(chain) and not _presupposed(chain)) or describes_another_act(chain, trigger):
        return None
    if describes_someone(chain, trigger) or anchors_a_time(chain, trigger):
        return None
    if _told_by_own_participle(doc, trigger, time, published) or _decided_before(chain, time, published):
        return EventStatus.OCCURRED
    if time.upper is not None and time.upper < published and marked_as_past(doc, time.token_start):
        return EventStatus.OCCURRED  # "agreed to extend the deal several times, most recently in May"
    lower, upper = time.lower, time.upper
    if _of_another_noun(doc, trigger):
        chain = chain[:1]  # "was meant to keep the agenda of Friday's meeting": not what was planned
    if is_past_plan(chain):
        # "had planned to meet the king a day before the summit": a plan told in the pluperfect no longer
        # holds, whether its day has gone by or is still ahead.
        return _unrealised_plan(doc, chain, trigger)
    if lower is not None and lower < published and is_plan_told_in_the_past(chain):
        # "was scheduled to visit Chile from March 13": a plan told in the past for days begun before the
        # telling; had it come about, the story would tell the visit.
        return _unrealised_plan(doc, chain, trigger)
    if lower is not None and lower >= published and _obliged_in_the_past(chain):
        # "A minister's visit has been called off. She had to visit Chile from June 15": what someone "had to"
        # do on days not yet gone by was a plan, the one the text told changed before it.
        changed = _change_told_before(doc, trigger)
        if changed is not None:
            return changed
    if lower is not None and lower > published and is_plan_told_in_the_past(chain):
        # "A visit to Chile has been postponed. Ruiz was expected to travel there next week": a plan told in the
        # past for days still ahead is the act the text told changed before it.
        changed = _change_told_before(doc, trigger)
        if changed is not None:
            return changed
    if lower is not None and lower > published:
        return EventStatus.SCHEDULED
    if lower is not None and upper is not None and lower <= published <= upper and _awaited(doc, trigger):
        return EventStatus.SCHEDULED  # "the raid comes days ahead of fresh talks this week": those talks are to come
    # "took over the chair at the summit's opening": an act done at once in days that span the telling is done.
    done_at_once = trigger.type not in DURATIVE_TYPES and doc[trigger.head_i].tag_ == "VBD"
    if lower is not None and lower < published and _spans_publication_by_days(time, published):
        # "the three-day summit, which ends on Thursday, is expected to ...", read on Wednesday: its days
        # began before the telling, whatever is still ahead in the clause.
        return EventStatus.OCCURRED if done_at_once else EventStatus.ONGOING
    if has_schedule_modality(chain) or time.direction == "future":
        return EventStatus.SCHEDULED
    if lower is not None and upper is not None and lower <= published <= upper and is_progressive_present(chain):
        # "talks are continuing today": ongoing; "Zembla is levying new duties": a punctual act in
        # the news present is done that day.
        return EventStatus.ONGOING if trigger.type in DURATIVE_TYPES else EventStatus.OCCURRED
    if _spans_publication_by_days(time, published):
        # "began a three-day visit on Monday", read on Tuesday: still going on
        return EventStatus.OCCURRED if done_at_once else EventStatus.ONGOING
    return EventStatus.OCCURRED
