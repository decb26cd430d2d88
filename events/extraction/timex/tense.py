"""Tense and modality of the clause that governs a time expression.

We climb the dependency tree from the expression to the word it attaches to (its *governor*: a verb or an
event noun such as "visit" or "departure"), then to the clause's verb, and read the verb group:
"will"/"'ll"/"shall", a modal ("could", "might"), a plan or schedule ("is scheduled to", "plans to",
"was to", "is expected to"), "possibly", or a planning adjective on the event noun ("upcoming", "planned")
give a future reading; a past-tense or perfect verb group a past one.

The present tense (TimeML/HeidelTime call it PRESENTFUTURE and read it forward): an eventive verb in the
simple present with a date is the *futurate* of timetables ("the rule takes effect on Wednesday", "the
congress opens on Oct. 16"), so it reads as future, the publication day or month included; outside the verbs
of timetabled events a month or season is given no direction (``loose_futurate``). A stative
present ("Talks are in May", "GM has until the end of May", "exports are up in May") reports what holds
now and gives no direction: the resolver then takes the nearest candidate, so "Talks are in May" in a June
paper is the May just past, not next year's. HeidelTime would say next year's (it reads every VBP/VBZ as
PRESENTFUTURE). On MEANTIME's 120 documents, reading every present forward gave value F1 0.824 against 0.827
for nearest before this split; with the futurate split, nearest and forward tie for the statives (0.827) and
reading them as past drops to 0.821. Nearest is kept because a stative present with a month already gone is
mostly a report of current figures ("exports are up in May"). A present perfect ("has been trying since
December") is past.

Subordinate clauses are read against the clause they hang in (see :func:`clause_direction`): a plan
participle under a past main clause ("the meeting planned for June was delayed") is a future *in the
past*, and a present relative clause that only places the event of a past main verb's subject or object
("attended the summit, which takes place in Bali") describes something the main clause already places in the
past.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Span, Token

from events.extraction.tree import REPORTING_VERBS

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
MODAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "must", "ca"})
# Heads of an xcomp chain that turn the verb below into a plan: "is scheduled to visit", "plans to go".
PLAN_HEADS = frozenset(
    {
        "schedule", "expect", "set", "due", "plan", "intend", "aim", "hope", "prepare", "slate", "poise",
        "propose", "want", "seek", "likely", "be", "go", "agree", "promise", "vow", "pledge", "threaten",
        "decide", "offer", "invite", "tip", "slated", "scheduled", "expected", "poised", "suppose", "supposed",
    }
)  # fmt: skip
# "the first / only / last leader to visit": a ranking before a to-infinitive looks back, not ahead.
RANKING_WORDS = frozenset({"first", "last", "only", "second", "third", "latest", "next"})
SCHEDULING_VERBS = frozenset({"schedule", "slate", "plan", "set"})
PLANNING_VERBS = frozenset({"plan", "schedule", "slate", "intend"})
EXPECTING_VERBS = frozenset({"expect", "anticipate", "predict", "forecast"})
FUTURE_ADVERBS = frozenset({"possibly", "potentially", "likely", "soon"})
FUTURE_ADJECTIVES = frozenset(
    {"upcoming", "planned", "proposed", "scheduled", "expected", "forthcoming", "future", "possible", "next", "coming"}
)
# Of those, the ones that tell a plan, not a time seen from now ("upcoming", "next"): a plan told under a past
# clause may have fallen either side of the telling ("a planned visit in March was scrapped").
PLAN_ADJECTIVES = frozenset({"planned", "proposed", "scheduled", "expected", "possible"})
PAST_ADJECTIVES = frozenset(
    {"previous", "last", "former", "past", "earlier", "recent", "failed", "aborted", "ill-fated", "botched"}
)

# English verbs whose past is written as their plain form (a closed class of irregular verbs).
SAME_PAST_VERBS = frozenset(
    {"set", "put", "cut", "hit", "shut", "quit", "let", "cast", "spread", "burst", "hurt", "cost", "bid", "split",
     "shed", "thrust", "broadcast", "forecast", "upset", "bet", "rid", "slit"}
)  # fmt: skip
# Verbs whose simple present reports a state, not a timetabled event: no futurate reading.
STATIVE_VERBS = frozenset(
    {
        "be", "have", "remain", "stay", "seem", "appear", "look", "sound", "stand", "lie", "sit", "own",
        "belong", "contain", "include", "consist", "mean", "cost", "total", "equal", "know", "believe",
        "think", "need", "want", "like", "hope", "say", "tell", "claim", "report", "note", "show", "indicate",
        "suggest", "estimate", "account", "represent", "exceed", "trail", "lead", "hold", "keep", "face",
        "expect", "fear", "see", "feel", "understand", "depend", "rank", "compare", "reflect", "signal",
    }
)  # fmt: skip
# Events a state or body holds: "holds a presidential vote on Sunday" is a timetable, "holds a stake" a state.
HELD_EVENT_NOUNS = frozenset(
    {"vote", "election", "referendum", "runoff", "talk", "summit", "meeting", "conference", "hearing", "session",
     "ceremony", "rally", "exercise", "drill", "parade", "celebration", "consultation", "dialogue", "negotiation"}
)  # fmt: skip


def _holds_an_event(verb: Token) -> bool:
    """ "holds a vote", "has talks", "hosts a summit": a light verb whose object is an event is eventive."""
    return verb.lemma_.lower() in {"hold", "have", "host"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in HELD_EVENT_NOUNS for c in verb.children
    )


# Verbs of timetabled events, whose simple present can state a future fixed by a schedule (the futurate).
TIMETABLE_VERBS = frozenset(
    {
        "begin", "start", "open", "close", "end", "finish", "conclude", "resume", "take", "expire", "launch",
        "arrive", "leave", "depart", "return", "fly", "travel", "head", "go", "come", "visit", "tour", "land",
        "meet", "hold", "host", "convene", "gather", "attend", "vote", "sign", "play", "kick", "run", "last",
        "continue", "debut", "premiere", "air", "hear", "rule", "decide", "announce", "release", "publish",
        "celebrate", "mark", "commemorate", "inaugurate", "swear", "graduate", "retire", "step", "move",
    }
)  # fmt: skip
# Main verbs that say nothing about whether their object has already happened: "announced the summit,
# which takes place in May" leaves the relative clause's own tense in charge.
PROSPECTIVE_VERBS = frozenset(
    {
        "announce", "plan", "schedule", "set", "slate", "postpone", "delay", "defer", "cancel", "call", "scrap",
        "suspend", "reschedule", "propose", "approve", "confirm", "discuss", "prepare", "expect", "await",
        "agree", "unveil", "say", "tell", "report", "preview", "organize", "organise", "arrange", "book",
        "move", "push", "put", "threaten", "vow", "promise", "seek", "want", "hope", "urge", "back", "support",
        "welcome", "endorse", "invite", "boycott", "skip", "demand", "request", "consider", "mention", "ask",
        "warn", "reject", "accept", "head", "lead", "ready", "eye", "target", "block", "veto",
    }
)  # fmt: skip
# Relative clauses that only place their noun's own event in time: "which takes place in Bali", "which is
# being held on Friday". Others tell of a further event ("the rules, which take effect on Wednesday").
LOCATING_VERBS = frozenset({"hold", "happen", "occur", "run", "last", "unfold", "convene"})
# Prepositions that date the act of a scheduling verb rather than the thing scheduled ("was set on October 18").
_ACT_PREPOSITIONS = frozenset({"on", "at", "in", "during"})
# Nouns of a limit in time ("the Jan. 14 deadline"), whose date the tense of the clause does not place.
LIMIT_NOUNS = frozenset({"deadline", "cutoff", "ultimatum", "expiry", "expiration"})
# Planning adjectives that head the expression: "are not due until October", "slated for June".
FUTURE_HEADS = frozenset({"due", "slated", "scheduled", "poised", "bound"})

# Adjectives of validity: "payable Dec. 7", "effective Jan. 1" give the day a term starts or ends, which
# the clause's tense does not place ("declared a dividend payable Dec. 7" is paid after the declaring).
TERM_ADJECTIVES = frozenset({"payable", "effective", "valid", "redeemable", "exercisable", "convertible", "eligible"})
# Participles that give the day a measure starts ("imposed curbs starting August 1"): as the adjectives above.
TERM_PARTICIPLES = frozenset({"starting", "beginning", "commencing"})
# Verbs that move a time: what follows "to"/"until" is the new time, which the act's own tense does not
# place ("the offer was extended to Nov. 20" in a November paper is this November 20).
MOVING_VERBS = frozenset(
    {"extend", "postpone", "delay", "defer", "push", "move", "put", "reschedule", "adjourn", "bring", "advance"}
)
_TARGET_PREPOSITIONS = frozenset({"to", "until", "till"})
MOVING_PARTICLES = frozenset({"back", "forward", "off"})
# Verbs of coming or going somewhere, whose "for" names what one comes for: "arrived for talks on Thursday".
ARRIVING_VERBS = frozenset({"arrive", "travel", "fly", "come", "head", "go", "leave", "depart", "land"})
# Of those, the verbs that can only move a time later: what follows "until" lies after the act, and the act is
# news, so a weekday so named is the coming one ("postponed the vote until Tuesday").
DELAYING_VERBS = frozenset({"extend", "postpone", "delay", "defer", "adjourn"})
# Verbs of sequence: in "the strike follows Tuesday's vote" what is followed comes before the follower, which
# the news present places now; so the object's day is gone, whatever the futurate would say.
FOLLOWING_VERBS = frozenset({"follow"})

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
            return _matrix_verb(span, token) or token
        if token.pos_ in {"NOUN", "ADJ"}:
            return token
    return token if token.pos_ in {"VERB", "AUX", "NOUN"} and not (span.start <= token.i < span.end) else None


def _matrix_verb(span: Span, verb: Token) -> Token | None:
    """The verb whose complement clause ``verb`` heads, when the parser hung ``span`` on the complement
    although it stands before that clause's subject with no "that" between: in "said on Monday it would
    hold a vote" the Monday is the saying's (the clause begins at "it"); in "said that on Monday it would"
    it is the clause's own."""
    matrix = verb.head
    if verb.dep_ != "ccomp" or matrix.i == verb.i or matrix.pos_ not in {"VERB", "AUX"} or not matrix.i < span.start:
        return None
    subjects = [child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects or subjects[0].i < span.end:
        return None
    between = verb.doc[matrix.i + 1 : span.start]
    if any(token.dep_ == "mark" or token.lower_ == "that" or token.is_punct for token in between):
        return None
    return matrix


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


def verb_group_direction(verb: Token, preposition: str | None = None) -> str | None:
    """past / future / present from a verb, its auxiliaries and the xcomp chain above it; None if unknown.

    ``preposition`` is the word that hangs the expression on ``verb`` ("for" in "set for June"), when it
    hangs on it directly: a scheduling verb dates what is scheduled with "for" but the act itself with "on".
    """
    chain = [verb]
    current = verb
    while current.dep_ in {"xcomp", "conj", "acomp"} and current.head is not current and len(chain) < 5:
        if current.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in current.children):
            break  # "the trip will be long, and it marks ...": a conjunct with its own subject has its own tense
        if current.dep_ == "conj" and current.tag_ in _FINITE_TAGS:
            # "ruled that the ship must be returned to its owner, and chose Wednesday as the deadline": a verb
            # in a finite form ("chose", "signed", "meets") is outside the auxiliaries of the verb it is joined
            # to, which would govern only a bare form ("must be returned and sent home").
            break
        current = current.head
        chain.append(current)
    auxes = [aux for link in chain for aux in _auxiliaries(link)]
    aux_words = {aux.lower_ for aux in auxes}
    if aux_words & MODAL_AUX and not aux_words & FUTURE_AUX and aux_words & {"have", "'ve"} and verb.tag_ == "VBN":
        # "may have been responsible", "could have fallen on Friday": a modal perfect judges what is past.
        return "past"
    if (
        aux_words & MODAL_AUX == {"could"}
        and not aux_words & FUTURE_AUX
        and _negated(verb)
        and verb.dep_ != "ccomp"
        and preposition not in _LIMIT_PREPOSITIONS
    ):
        # "could not be reached Monday", "neither side could say on Friday": the negated "could" of a clause the
        # text tells itself is the past of "can" (an ability that failed), not a possibility ahead. Reported
        # ("said the envoys could not travel on Friday": a backshifted "cannot") or bounded ("could not meet
        # before Friday") it may look ahead, and keeps the modal's reading.
        return "past"
    if aux_words & FUTURE_AUX or aux_words & MODAL_AUX or any(_yet_to(link) for link in chain):
        return "future"
    for link in chain:
        if any(child.lower_ in FUTURE_ADVERBS and child.dep_ == "advmod" for child in link.children):
            return "future"
    # "is scheduled to visit", "plans to go", "was to meet": a plan, not yet carried out.
    for below, above in itertools.pairwise(chain):
        if below.dep_ == "xcomp" and (above.lemma_.lower() in PLAN_HEADS or above.lower_ in PLAN_HEADS):
            if _perfect_infinitive(below):
                # "was to have visited in March": a plan the text looks back on, its time already past.
                return "past"
            if _pluperfect(above) or _past_copula(above):
                # "had intended to travel in May", "were due to take place in November": a plan made
                # before, whose time may lie either side of publication; the nearest reading ("May" in a
                # June paper is this May) is taken.
                return None
            return "future"
    if verb.lower_ in {"going"} and any(child.dep_ == "xcomp" for child in verb.children):
        return "future"
    tags = [verb.tag_] + [aux.tag_ for aux in auxes]
    if verb.tag_ == "VBP" and not auxes and _singular_subject(verb):
        # "Weakness hurt the index": a plain form after a singular subject can only be the past of a verb whose
        # past looks the same (hurt, cut, put, set); the tagger read it as a present.
        tags[0] = "VBD"
    elif verb.tag_ == "VBP" and not auxes and verb.lower_ in SAME_PAST_VERBS:
        # "Rioters set fires near the gate on Friday": after a plural subject the plain form of such a verb
        # is as often its past; neither reading is told, so the nearest day is meant.
        return None
    lemmas = {aux.lemma_.lower() for aux in auxes}
    # "A June 3 hearing has been scheduled": what is scheduled lies ahead; but "the record was set on
    # October 18" dates the setting itself.
    act_dated = preposition in _ACT_PREPOSITIONS and ("VBD" in tags or "have" in lemmas)
    if verb.lemma_.lower() in SCHEDULING_VERBS and verb.tag_ == "VBN" and not act_dated:
        return "future"
    if verb.lemma_.lower() in EXPECTING_VERBS and verb.tag_ == "VBN" and "VBD" not in tags and "have" not in lemmas:
        # "A vote is expected on Monday", "the ruling, expected Friday": what is expected lies ahead; the
        # expecting itself is not dated ("was expected on Monday" keeps the past).
        return "future"
    if _backshifted_progressive(verb, auxes):
        return None
    if "VBD" in tags or ("have" in lemmas and "VBN" in tags):
        # Past, or any perfect: "has met", "has been trying since December".
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in {"acl", "amod", "advcl"}:
        # "the talks held in May", "Opened on 2 May, the inquiry ...": a bare past participle is done.
        return "past"
    if verb.tag_ == "VBG" and any(aux.lemma_ == "be" and aux.tag_ in {"VBZ", "VBP"} for aux in auxes):
        # "is visiting China on Friday": the present progressive of a plan.
        return "future"
    if (
        verb.tag_ in {"VBZ", "VBP"}
        and not auxes
        and (verb.lemma_.lower() not in STATIVE_VERBS or _holds_an_event(verb))
    ):
        # The futurate: "the rule takes effect on Wednesday", "the congress opens on Oct. 16" (but see
        # ``loose_futurate``).
        return "future"
    if verb.tag_ in {"VBZ", "VBP"} or any(aux.tag_ in {"VBZ", "VBP"} for aux in auxes):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT":
        return "past"
    return None


def _yet_to(verb: Token) -> bool:
    """ "have yet to arrive", "is yet to be signed": an infinitive after "yet" tells what has not happened so far."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ != "xcomp":
        return False
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.head.children)


def _backshifted_progressive(verb: Token, auxes: list[Token]) -> bool:
    """ "Officials said they were shutting the crossing from Monday": a past progressive reported by a past verb of
    saying is the speaker's present progressive ("we are closing ..."), which tells a plan as readily as what
    was under way; its time may fall either side of the report, so the nearest such day is meant."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "ccomp"
        and any(aux.lemma_ == "be" and aux.tag_ == "VBD" for aux in auxes)
        and verb.head.lemma_.lower() in REPORTING_VERBS
        and verb.head.tag_ == "VBD"
        # "said he was meeting her on Friday when the news broke": a frame for another past act is past.
        and not any(
            child.dep_ == "advcl"
            and any(m.dep_ in {"mark", "advmod"} and m.lower_ in _FRAMED_MARKS for m in child.children)
            for child in verb.children
        )
    )


_FRAMED_MARKS = frozenset({"when", "as", "while"})


def _singular_subject(verb: Token) -> bool:
    """Whether the verb's own subject is a singular noun or "he", "she", "it" (third person singular)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return False  # "He and his aide meet Monday": two subjects are plural
    return subject.tag_ in {"NN", "NNP"} or (subject.tag_ == "PRP" and subject.lower_ in {"he", "she", "it"})


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_LIMIT_PREPOSITIONS = frozenset({"before", "until", "till"})
# Words that deny the subject of a clause: "neither he nor his aides could be found".
_NEGATING_DETERMINERS = frozenset({"neither", "nor", "no", "none", "nobody", "nothing", "never"})


def _negated(verb: Token) -> bool:
    """Whether the clause of ``verb`` is denied: "not", "n't", "never", or a subject with "neither", "no"."""
    if any(child.dep_ == "neg" or child.lower_ == "never" for child in verb.children):
        return True
    subjects = [child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        word.lower_ in _NEGATING_DETERMINERS for subject in subjects for word in subject.subtree if word.i <= subject.i
    ) or any(subject.lower_ in _NEGATING_DETERMINERS for subject in subjects)


def _perfect_infinitive(verb: Token) -> bool:
    """ "to have visited": a past participle with "to" and "have" before it."""
    auxes = {aux.lower_ for aux in _auxiliaries(verb)}
    return verb.tag_ == "VBN" and "to" in auxes and "have" in auxes


def _past_copula(word: Token) -> bool:
    """ "were due to", "was set to", "had been due to", "was to": a planning adjective or participle after a
    past or pluperfect "be", or a past "be" itself."""
    if word.dep_ == "acomp":
        # "were due to", and the pluperfect "had been due to"
        return word.head.lemma_ == "be" and (word.head.tag_ == "VBD" or _pluperfect(word.head))
    if word.lemma_ == "be" and word.tag_ == "VBD":
        return True  # "were to meet on Monday": the plan of "be to", told in the past
    return word.tag_ == "VBN" and any(aux.lemma_ == "be" and aux.tag_ == "VBD" for aux in _auxiliaries(word))


def _pluperfect(verb: Token) -> bool:
    """ "had intended", "had been scheduled": the plan's verb in the past perfect."""
    return any(aux.lower_ in {"had", "'d"} and aux.tag_ == "VBD" for aux in _auxiliaries(verb))


def _preposition(span: Span, head: Token) -> str | None:
    """The preposition that hangs ``span`` on ``head`` ("for" in "set for next month"), if any."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return None
    above = root.head.head
    if above.dep_ in {"advmod", "prt"} and above.lower_ in MOVING_PARTICLES:
        above = above.head  # "pushed back to June 20": the parser hangs the new time on the particle
    return root.head.lower_ if above.i == head.i else None


def _main_clause(verb: Token) -> tuple[Token, Token] | None:
    """For a relative or participial clause on a noun, the noun and the verb of the clause it sits in."""
    if verb.dep_ not in {"relcl", "acl"} or verb.head.i == verb.i:
        return None
    noun = verb.head
    if noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    main = clause_verb(noun.head) if noun.head.i != noun.i else None
    if main is None or main.i == verb.i:
        return None
    return noun, main


def _infinitival_relative(verb: Token) -> bool:
    """ "a report to be released Friday": a to-infinitive on a noun tells what is yet to happen to it; but not
    after a superlative or ordinal ("the first leader to visit the island in 1990") nor a perfect infinitive."""
    if verb.dep_ not in {"relcl", "acl"} or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    auxes = {aux.lower_ for aux in _auxiliaries(verb)}
    if "to" not in auxes or "have" in auxes:
        return False
    return not any(
        c.tag_ in {"JJS", "RBS"} or c.lower_ in RANKING_WORDS or c.ent_type_ == "ORDINAL" for c in verb.head.children
    )


def _scheduled_participle(verb: Token) -> bool:
    """ "planned for June", "that had been scheduled for March 14": a plan, with no will/modal of its own."""
    auxes = {aux.lower_ for aux in _auxiliaries(verb)}
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in SCHEDULING_VERBS | {"expect", "due"}
        and not (auxes & (FUTURE_AUX | MODAL_AUX))
    )


def _locates(verb: Token) -> bool:
    """ "takes place", "is held", "happens": the clause only says when and where its noun's event is."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(child.dep_ == "dobj" and child.lower_ == "place" for child in verb.children)
    return lemma in LOCATING_VERBS


def _in_main_clause(verb: Token, own: str | None) -> str | None:
    """``own`` (the direction of a relative or participial clause) as the clause it hangs in reads it.

    - A plan participle under a past main clause ("the meeting planned for June was delayed") is a future
      in the past: the plan was made before publication and its date may fall either side of it, so no
      direction is given and the resolver takes the nearest candidate (June in an April paper is this June,
      in a September paper the June just past).
    - A present relative clause that only places its noun's event ("takes place", "is held", "happens") on
      the subject or object of a past main verb ("attended the summit, which takes place in Bali"; "the
      summit, which is taking place in Bali, ended Friday") describes an event the main clause already
      places in the past, and the main clause's past governs. A prospective main verb ("announced",
      "postponed"), a noun reached through a preposition ("arrived for the summit, which opens Friday") or
      a clause that tells of a further event ("the rules, which take effect on Wednesday, were published")
      leaves the relative clause's own futurate reading alone.
    """
    found = _main_clause(verb)
    if found is None:
        return own
    noun, main = found
    main_direction = verb_group_direction(main)
    if main_direction != "past":
        return own
    if own == "future" and (_scheduled_participle(verb) or _infinitival_relative(verb)):
        return None
    present = verb.tag_ in {"VBZ", "VBP"} or any(aux.tag_ in {"VBZ", "VBP"} for aux in _auxiliaries(verb))
    if (
        own in {"present", "future"}
        and present
        and verb.dep_ == "relcl"
        and not {aux.lower_ for aux in _auxiliaries(verb)} & (FUTURE_AUX | MODAL_AUX)
        and noun.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and main.lemma_.lower() not in PROSPECTIVE_VERBS
        and main.lemma_.lower() not in PLAN_HEADS
        and _locates(verb)
    ):
        return "past"
    return own


# "as planned", "as scheduled", "as expected": a manner clause of the verb, with no time of its own.
AS_PLANNED_WORDS = frozenset({"plan", "schedule", "expect", "agree", "announce", "intend", "foresee"})


def as_planned(token: Token) -> bool:
    """Whether ``token`` heads "as planned" (no subject of its own): a time the parser hangs on it ("went
    ahead as planned on Monday") is the verb's."""
    return (
        token.dep_ == "advcl"
        and token.lemma_.lower() in AS_PLANNED_WORDS
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    )


def clause_direction(doc: Doc, token_start: int, token_end: int) -> tuple[str | None, int | None]:
    """The direction (past / future / present / None) the governing clause gives, and the governor index."""
    span = doc[token_start:token_end]
    head = governor(span)
    if head is None:
        return None, None
    if marked_as_past(doc, token_start):
        return "past", head.i
    if _set_off_after_subject(doc, token_start, token_end):
        return None, head.i
    if as_planned(head):
        head = head.head
    if head.pos_ in {"NOUN", "ADJ"}:
        for child in head.children:
            if child.lower_ in FUTURE_ADJECTIVES and child.dep_ in {"amod", "compound", "advmod"}:
                if child.lower_ in PLAN_ADJECTIVES and _told_in_the_past(head):
                    # A future in the past, as for a plan participle (see _in_main_clause): the nearest.
                    return None, head.i
                return "future", head.i
            if child.lower_ in PAST_ADJECTIVES and child.dep_ in {"amod", "advmod"}:
                return "past", head.i
        if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "since":
            return "past", head.i  # "the first talks since the summit in Hanoi in February"
        if (
            head.pos_ == "NOUN"
            and head.dep_ == "pobj"
            and head.head.lower_ == "for"
            and head.head.head.lemma_.lower() in ARRIVING_VERBS
        ):
            # "arrived on Wednesday for a meeting with Ruiz on Thursday": what one comes for lies at or after
            # the coming, whatever its tense; the nearest such day is meant; after a coming still awaited
            # ("have yet to arrive for the talks on Tuesday"), ahead.
            return ("future" if _yet_to(head.head.head) else None), head.i
        if head.pos_ == "ADJ" and head.lower_ in FUTURE_HEADS:
            return "future", head.i  # "slated for June", "not due until October": still ahead
        if head.pos_ == "NOUN" and head.lemma_.lower() in LIMIT_NOUNS:
            # "gave no reason for the Jan. 14 deadline": a limit is set ahead of the act that sets or reports
            # it, so the clause's tense does not place it; the nearest such day is meant.
            return None, head.i
    verb = clause_verb(head)
    if verb is None:
        verb = _participle_of_root(head)
    if verb is None:
        return None, head.i
    if _under_term_adjective(head, verb):
        return None, head.i
    preposition = _preposition(span, head) if head.i == verb.i else None
    if preposition == "by" and _demanded(verb):
        # "ordered the closure of the consulate by Friday", "told them to leave by Sept. 1": a deadline is set
        # ahead of the order that sets it, so the order's tense does not place it; the nearest such day.
        return None, head.i
    if preposition in _TARGET_PREPOSITIONS and verb.lemma_.lower() in MOVING_VERBS:
        return None, head.i
    if _object_of_following(head, verb) or _after_followed_object(head, verb, token_start):
        return "past", head.i
    if _event_told_as_past(verb, token_start):
        return "past", head.i
    own = verb_group_direction(verb, preposition)
    if own is None and _headline_future(verb):
        own = "future"  # "Premier to pay three-day visit to Lima from Sunday"
    if own == "past" and _past_plan_of_an_event(verb):
        # "planned a march on Saturday", "scheduled talks for May": the date is the plan's content, a future seen
        # from the telling; the plan may since have come about or not, so the nearest such day is meant.
        return None, head.i
    if own is None and head.i == verb.i and _infinitival_relative(verb):
        own = "future"  # "a report to be released on Friday", "envoys to attend next week": still ahead
    if own is None and _bare_participle_clause(verb):
        # "the shares have swung widely, rising to $42 in June from $29 in March": a participle clause with no
        # subject or auxiliary of its own tells more of its main clause's event, in its tense.
        own = verb_group_direction(verb.head)
    elif own is None and _sequenced_participle(verb):
        own = verb_group_direction(verb.head.head)  # "will fly to Lima before heading to Quito on Wednesday"
    if own == "past" and (_planned_event_called_off(verb) or _own_time_of_what_is_called_off(head, verb)):
        return None, head.i
    direction = _in_main_clause(verb, own)
    side = _side_of_sequence(head) if head.pos_ == "NOUN" else "any"
    if direction is not None and side != "any" and direction != side:
        return None, head.i
    return direction, head.i


# Prepositions that set an event noun on one side of the clause's act: "a month after its Oct. 9 test", "drafted
# the text before the summit on Tuesday", "ahead of Sunday's vote".
SEQUENCE_SIDES = {"after": "past", "following": "past", "before": "future", "ahead": "future", "prior": "future"}
# Nouns of getting ready, whose "for" names an event still to come when they were made: "preparations for
# the June summit".
PREPARATION_NOUNS = frozenset({"preparation", "plan", "arrangement", "agenda", "invitation", "bid", "build-up"})


# Verbs that set someone a task, with "by" for its deadline: "ordered them to leave by Friday".
DEMANDING_VERBS = frozenset({"order", "tell", "ask", "demand", "instruct", "require", "urge", "direct", "give"})


def _demanded(verb: Token) -> bool:
    """Whether the verb sets a task or is the task set ("ordered ... by Friday", "told them to leave by Friday")."""
    if verb.lemma_.lower() in DEMANDING_VERBS:
        return True
    return verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in DEMANDING_VERBS


def _side_of_sequence(noun: Token) -> str | None:
    """The one direction a clause's tense may give an event noun's own time ("past" or "future"), None when it
    may give none (the nearest such time is meant), or "any" for a noun in no phrase of sequence or purpose.

    A noun set after an act ("drafted the text before the summit on Tuesday") follows it, and a noun set
    before one ("agreed to rejoin talks a month after its Oct. 9 test") precedes it; the clause's tense tells
    the noun's side of the telling only when the act lies between the noun and the telling. What preparations
    are made for lies after them, on either side of the telling."""
    if noun.dep_ != "pobj":
        return "any"
    preposition = noun.head
    word = preposition.lower_
    if word in {"of", "to"} and preposition.head.lower_ in {"ahead", "prior"}:
        word = preposition.head.lower_
    if word == "for":
        owner = preposition.head
        # The parser hangs "for" on the noun or, after "its", on the verb whose object the noun is.
        owners = [owner, *(c for c in owner.children if c.dep_ == "dobj")] if owner.pos_ == "VERB" else [owner]
        if any(o.lemma_.lower() in PREPARATION_NOUNS for o in owners):
            return None
    return SEQUENCE_SIDES.get(word, "any")


# Adverbs that place the time right after them before the telling: "renewed twice, most recently in May".
PAST_MARKERS = frozenset({"recently", "previously", "formerly"})


def _set_off_after_subject(doc: Doc, token_start: int, token_end: int) -> bool:
    """ "Ruiz's visit, from May 2 to May 4, is expected to ease tension": a time set off by commas right after
    the subject is the subject's own, whatever the predicate's tense or modality says of what follows; the
    nearest such day is meant."""
    start = token_start - 1 if token_start > 0 and doc[token_start - 1].pos_ == "ADP" else token_start
    if start < 2 or token_end >= len(doc) or doc[start - 1].text != "," or doc[token_end].text != ",":
        return False
    before = doc[start - 2]
    subject = next((t for t in before.ancestors if t.dep_ in {"nsubj", "nsubjpass"}), before)
    if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.right_edge.i != before.i or subject.pos_ != "NOUN":
        return False
    # Only a predicate of what the event is hoped to bring ("is expected to ease", "is likely to focus"): in
    # "the summit, on March 20, will decide" the future is the summit's own.
    verb = subject.head
    return verb.lemma_.lower() in HOPING_VERBS or any(
        c.dep_ == "acomp" and c.lower_ in HOPING_VERBS for c in verb.children
    )


# Verbs and adjectives that tell what an event is hoped or expected to bring about.
HOPING_VERBS = frozenset({"expect", "hope", "aim", "seek", "intend", "likely", "set", "poised"})


def marked_as_past(doc: Doc, token_start: int) -> bool:
    """Whether an adverb of the past stands right before the time (its preposition skipped): "agreed to extend
    the deal several times, most recently in May" is last May, whatever the infinitive would make of it."""
    before = token_start - 1
    if before >= 0 and doc[before].pos_ == "ADP":
        before -= 1
    return before >= 0 and doc[before].lower_ in PAST_MARKERS


def _headline_future(verb: Token) -> bool:
    """Headline English puts the future as a bare "to" infinitive after the subject: "Zembla's president to
    visit Ostland on Sunday" is a main clause with no finite verb, the visit ahead."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _told_in_the_past(noun: Token) -> bool:
    """Whether the clause that ``noun`` is the subject or object of is in the past ("a planned visit ... was
    scrapped", "called off the proposed talks")."""
    verb = noun.head
    return (
        noun.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and verb.pos_ in {"VERB", "AUX"}
        and verb_group_direction(verb) == "past"
    )


def _bare_participle_clause(verb: Token) -> bool:
    """An adverbial "-ing" clause with no subject or auxiliary of its own ("..., rising to $42 in June"), on a
    verb that tells of an event; not on one that only announces or plans ("has announced cuts, resulting in
    closures during the fourth quarter": what the announcement leads to is still ahead)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.i != verb.i
        and verb.head.pos_ in {"VERB", "AUX"}
        and verb.head.lemma_.lower() not in PROSPECTIVE_VERBS
        and not _auxiliaries(verb)
        and not any(child.dep_ in {"nsubj", "nsubjpass", "mark"} for child in verb.children)
    )


# Prepositions that put an "-ing" clause before, after or beside the act of the clause they hang on.
SEQUENCING_PREPOSITIONS = frozenset({"before", "after", "while", "upon", "on"})


def _sequenced_participle(verb: Token) -> bool:
    """An "-ing" clause with no subject or auxiliary of its own after a preposition of sequence, on a verb
    ("will fly to Lima on Monday before heading to Quito on Wednesday", "met Ruiz after landing on
    Thursday"): the next or earlier step of the same telling, in its tense."""
    preposition = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and preposition.lower_ in SEQUENCING_PREPOSITIONS
        and preposition.dep_ == "prep"
        and preposition.head.pos_ in {"VERB", "AUX"}
        and not _auxiliaries(verb)
        and not any(child.dep_ in {"nsubj", "nsubjpass"} for child in verb.children)
    )


def _object_of_following(head: Token, verb: Token) -> bool:
    """Whether ``head`` is the object of a simple-present "follows" ("the strike follows Tuesday's vote")."""
    return _object_of_following_verb(verb) and head.dep_ == "dobj" and head.head.i == verb.i


def _after_followed_object(head: Token, verb: Token, token_start: int) -> bool:
    """ "the summit follows a meeting in London at the weekend": a time after the object of a simple-present
    "follows", hung on the verb, dates what is followed, which came before."""
    if head.i != verb.i or not _object_of_following_verb(verb):
        return False
    return any(c.dep_ == "dobj" and c.i < token_start for c in verb.children)


def _event_told_as_past(verb: Token, token_start: int) -> bool:
    """ "The accord rests on earlier talks in Lima on January 27": a time hung on a simple present after a noun
    the verb governs that an adjective marks as past (its object, or its preposition's) dates that noun, gone
    by; the present tells of now, not of a timetable."""
    if verb.tag_ not in {"VBZ", "VBP"} or _auxiliaries(verb):
        return False
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(
        noun.i < token_start
        and noun.pos_ == "NOUN"
        and any(c.lower_ in PAST_ADJECTIVES and c.dep_ == "amod" for c in noun.children)
        for noun in nouns
    )


def _object_of_following_verb(verb: Token) -> bool:
    return verb.lemma_.lower() in FOLLOWING_VERBS and verb.tag_ in {"VBZ", "VBP"} and not _auxiliaries(verb)


def _past_plan_of_an_event(verb: Token) -> bool:
    """A plan verb in the simple past with a planned event for its object ("planned a march")."""
    return (
        verb.lemma_.lower() in PLANNING_VERBS
        and verb.tag_ == "VBD"
        and not _auxiliaries(verb)
        and any(child.dep_ == "dobj" and child.pos_ == "NOUN" for child in verb.children)
    )


# Verbs that call off or put off what was planned ("call" only with its particle "off": the phrasal verb, not a
# telephone call). Binding dates the decision by their time; the event keeps the date it was planned for.
CHANGE_VERBS = frozenset({"postpone", "delay", "defer", "cancel", "scrap", "axe", "call", "suspend", "reschedule"})


def _changes_a_plan(verb: Token) -> bool:
    """A verb of :data:`CHANGE_VERBS`, or "put off", "push back": the phrasal verbs of postponing."""
    lemma = verb.lemma_.lower()
    return lemma in CHANGE_VERBS or (
        lemma in {"put", "push"} and any(c.dep_ == "prt" and c.lower_ in {"off", "back"} for c in verb.children)
    )


def _planned_event_called_off(verb: Token) -> bool:
    """ "cancelling a planned stop in Kinshasa on Saturday": a time on a verb that calls off an event named as
    planned may be the plan's day, ahead of the telling; the nearest such day is meant."""
    return _changes_a_plan(verb) and any(
        child.dep_ == "dobj" and any(a.dep_ == "amod" and a.lower_ in PLAN_ADJECTIVES for a in child.children)
        for child in verb.children
    )


def _own_time_of_what_is_called_off(head: Token, verb: Token) -> bool:
    """ "has postponed her March 18-20 visit": a time inside the noun phrase of what a verb puts off or calls
    off is that event's own, planned, most often ahead of the telling; the nearest such day is meant. (A time
    on the verb, "cancelled the talks on Monday", is the day of the change.)"""
    return head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.i == verb.i and _changes_a_plan(verb)


def loose_futurate(doc: Doc, governor_i: int | None) -> bool:
    """Whether the clause's future reading is only an eventive simple present outside the timetable verbs.

    English uses the futurate for what a timetable fixes (comings and goings, openings and closings,
    meetings, votes: ``TIMETABLE_VERBS``). Another eventive present still reads forward for a day ("Friday's
    vote follows a week of strikes" is the coming Friday), but gives a month or a season no direction: "it
    repays the king's visit at the end of October" in a December paper is the October just past.
    """
    if governor_i is None:
        return False
    verb = clause_verb(doc[governor_i])
    return (
        verb is not None
        and verb.tag_ in {"VBZ", "VBP"}
        and not _auxiliaries(verb)
        and verb.lemma_.lower() not in TIMETABLE_VERBS | STATIVE_VERBS
    )


def _participle_of_root(token: Token) -> Token | None:
    """The verb of a sentence the parser rooted in a noun ("In May, the two armies faced off ...": "armies"
    as root, "faced" as a participle on it): the verb still carries the sentence's tense."""
    root = token
    while root.head.i != root.i:
        root = root.head
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    return next((c for c in root.children if c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"}), None)


def _under_term_adjective(head: Token, verb: Token) -> bool:
    """Whether a validity adjective lies between the governor and its clause's verb ("payable Dec. 1"), or
    the governor is a participle of starting ("starting August 1")."""
    token = head
    for _ in range(6):
        if token.pos_ == "ADJ" and token.lower_ in TERM_ADJECTIVES:
            return True
        if token.tag_ == "VBG" and token.lower_ in TERM_PARTICIPLES and token.dep_ in {"advcl", "acl", "prep", "xcomp"}:
            return True
        if token.i == verb.i or token.head.i == token.i:
            return False
        token = token.head
    return False


__all__ = ["DELAYING_VERBS", "clause_direction", "clause_verb", "governor", "loose_futurate", "verb_group_direction"]
