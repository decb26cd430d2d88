"""Binding each trigger to its own time expression through the dependency tree.

Each time expression goes to the trigger nearest to it in the tree (ties: nearest in the text), so one
sentence can carry several events, each with its date ("a gathering in September in New Delhi and a summit
in November in San Francisco"). A trigger that receives two different dates is two events ("meet X on
Sunday ... and Y on Monday"). An event named in passing inside a temporal phrase ("after the shootdown of
a balloon") has no date of its own and takes the date of the event it is attached to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from events.domain.vocabulary import DateBasis, EventType
from events.extraction.timex.tense import (
    CHANGE_VERBS,
    SEQUENCING_PREPOSITIONS,
    as_planned,
    clause_verb,
    marked_as_past,
    verb_group_direction,
)
from events.extraction.tree import (
    ANSWER_NOUNS,
    POINTING_DETS,
    REPORTING_VERBS,
    crosses_clause,
    free_relative,
    in_sequence_phrase,
    marked_clause,
    misread_coordination,
    noun_phrase_heads,
    path_between,
    path_to_root,
    tells_taking_place,
    tree_distance,
)
from events.extraction.triggers import AID_NOUNS, DISCUSSING_VERBS, Trigger, counted_kind, decision_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from events.extraction.timex import TimeExpression

# Words that make a noun a record, measured "since" a past time: "the first visit since 2019", "a record high".
RECORD_WORDS = frozenset({"first", "record", "best", "worst", "highest", "lowest", "biggest", "largest", "longest"})
# Words that open a clause happening at the time of the clause it hangs on: "when", "(just) as" ("while" often
# contrasts: "X went to A, while Y went to B").
SIMULTANEITY_WORDS = frozenset({"when", "as"})
# Prepositions that place a background event in time relative to the event they attach to.
# ("amid a confrontation" names the circumstances, a state that began before, not an event at that date.)
TEMPORAL_RELATION_PREPS = frozenset({"after", "before", "following", "since", "during", "ahead", "prior"})
# A clause on an event noun that only says when it happens: "a summit that had been scheduled for March 14",
# "negotiations that resumed earlier this month", "the congress, which opens on Oct. 16".
ASPECT_VERBS = frozenset(
    {"begin", "start", "open", "resume", "end", "conclude", "close", "wrap", "schedule", "plan", "set", "slate",
     "hold", "take", "convene", "launch", "occur", "happen", "last", "continue", "due", "expect", "reschedule",
     "postpone", "delay", "cancel", "call", "finish", "run", "fight", "wage"}
)  # fmt: skip
# Phrasal verbs that are no aspect of their noun: "tariffs which set off a strike last winter" tells
# of another event, the unrest.
OTHER_SENSE_PHRASALS = frozenset({("set", "off"), ("take", "over"), ("run", "out"), ("hold", "back")})
SCHEDULE_WORDS = frozenset({"schedule", "set", "plan", "slate", "due", "expect"})
# Who speaks for a state: "China's Foreign Ministry said Tuesday that ..." is a reaction that is news.
OFFICIAL_SPEAKERS = frozenset(
    {"ministry", "spokesman", "spokeswoman", "spokesperson", "government", "embassy", "office", "department",
     "kremlin", "cabinet", "presidency", "foreign", "ministries", "mission"}
)  # fmt: skip
# Quantities reported per period: a period on them dates their change ("third-quarter profit rose").
MEASURE_NOUNS = frozenset(
    {"profit", "income", "earnings", "sales", "revenue", "revenues", "result", "loss", "output", "growth",
     "export", "import", "production", "net", "deficit", "surplus", "inflation", "unemployment", "turnover"}
)  # fmt: skip
# Nouns that are themselves a stretch of time: a year on them ("the 1988 period", "the 2019 season") is that
# stretch, which dates what happens in it, not a thing the year describes.
TIME_NOUNS = frozenset(
    {"period", "quarter", "year", "month", "week", "day", "season", "session", "half", "term", "decade", "era"}
)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class Binding:
    trigger: Trigger
    time: TimeExpression
    distance: int
    inherited: bool = False
    # Where a date from outside the sentence came from: "narrative" (the story's time) or "inferred" (another
    # event's date); None for a time of the sentence's own.
    basis: str | None = None
    # No path in the tree tied the time to the trigger: it is the nearest time of the sentence (see
    # ``_nearest_time``), a weaker reading than a tree path.
    nearest: bool = False
    # A present perfect or a pluperfect in a reported clause dated by the report ("have signed a memorandum, state
    # media reported on Sunday"): the report's day bounds the act; it need not be the act's day.
    reported: bool = False


def in_order(bindings: list[Binding]) -> list[Binding]:
    """Bindings in the order their sentence tells them: by trigger, then by time."""
    return sorted(bindings, key=lambda b: (b.trigger.i, b.time.start))


def usable(time: TimeExpression) -> bool:
    """A time expression that can date an event: it resolves to a calendar value with bounds."""
    return bool(time.edtf) and time.lower is not None and time.timex_type in {"DATE", "TIME", "DURATION"}


# What a saying is made in: "condemned the strike in a statement issued on Friday".
SAYING_MEDIA = frozenset(
    {"statement", "interview", "speech", "address", "letter", "communique", "communiqué", "post", "message",
     "broadcast", "briefing", "remark", "comment", "editorial", "commentary", "tweet", "video", "declaration"}
)  # fmt: skip
MEDIUM_PREPS = frozenset({"in", "via", "through"})


def said_through(token: Token) -> Token | None:
    """The verb whose saying a medium's time dates: in "condemned the strike in a statement issued on Friday"
    Friday hangs on "issued", under "statement", which the parser may hang on "strike"; the statement is the
    condemning, so Friday is the condemning's date, never the strike's."""
    medium = token.head if token.dep_ == "acl" and token.tag_ == "VBN" else token
    if medium.lemma_.lower() not in SAYING_MEDIA or medium.dep_ != "pobj" or medium.head.lower_ not in MEDIUM_PREPS:
        return None
    above = medium.head.head
    for _ in range(3):
        if above.pos_ in {"VERB", "AUX"}:
            return above
        if above.head.i == above.i or above.dep_ not in {"dobj", "pobj", "prep", "nsubj", "attr"}:
            return None
        above = above.head
    return None


def anchor_of(doc: Doc, time: TimeExpression) -> int:
    """The token the time expression hangs on: the resolver's governor, else the head of its phrase; through
    "as planned" ("went ahead as planned on Monday": the parser hangs Monday on "planned"), the verb; through a
    medium of saying ("in a statement issued on Friday"), the verb of saying."""
    if time.governor_i is not None and 0 <= time.governor_i < len(doc):
        governor = doc[time.governor_i]
        if as_planned(governor):
            return governor.head.i
        said = said_through(governor)
        if said is not None:
            return said.i
        return _past_relative_clause(doc, time, _latest_repeat(doc, time, time.governor_i))
    span = doc[time.token_start : time.token_end]
    root = span.root
    head = root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return _past_relative_clause(doc, time, _latest_repeat(doc, time, head.i))


def _latest_repeat(doc: Doc, time: TimeExpression, anchor: int) -> int:
    """ "have spoken three times since Ruiz took office, most recently on Sunday": a time marked as the latest
    of repeated acts that the parser hung on a "since" clause (whose act starts the count) dates the repeated
    act, the verb the clause hangs on."""
    verb = doc[anchor]
    since = any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)
    if verb.dep_ == "advcl" and since and marked_as_past(doc, time.token_start):
        return verb.head.i
    return anchor


def _past_relative_clause(doc: Doc, time: TimeExpression, anchor: int) -> int:
    """ "pulled Ostland out of the pact, an agreement which limited its arms, in May 2018, ...": a time set off
    by a comma after a relative clause has ended (its verb's own words came before the comma) belongs to the
    verb the clause's noun hangs on, though the parser hung it on the clause."""
    verb = doc[anchor]
    if verb.dep_ != "relcl" or verb.pos_ not in {"VERB", "AUX"}:
        return anchor
    opener = (
        time.token_start - 1 if time.token_start > 0 and doc[time.token_start - 1].dep_ == "prep" else time.token_start
    )
    comma = opener - 1
    if comma <= verb.i or doc[comma].text != "," or doc[comma].head.i != verb.i:
        return anchor
    if not any(c.dep_ in {"dobj", "attr", "acomp", "ccomp", "xcomp"} and c.i < comma for c in verb.children):
        return anchor
    above = verb.head
    for _ in range(3):
        if above.pos_ in {"VERB", "AUX"}:
            return above.i
        if above.head.i == above.i:
            break
        above = above.head
    return anchor


def _contains(outer: TimeExpression, inner: TimeExpression) -> bool:
    if outer.lower is None or outer.upper is None or inner.lower is None or inner.upper is None:
        return False
    return outer.lower <= inner.lower and inner.upper <= outer.upper


def _width(time: TimeExpression) -> int:
    if time.lower is None or time.upper is None:
        return 1 << 30
    return (time.upper - time.lower).days


def _modifies_other_noun(doc: Doc, time: TimeExpression, trigger_positions: set[int]) -> bool:
    """ "the 2009 border accord": a date inside another noun phrase dates that thing, not a nearby event.

    A measure counted over the period is the exception: in "third-quarter profit rose" or "March exports
    fell" the change of the measure is what the period dates, so the date reaches the measure's verb.
    """
    root = doc[time.token_start : time.token_end].root
    head = root.head
    opener = doc[time.token_start - 1] if time.token_start > 0 else None
    if opener is not None and opener.dep_ == "prep" and opener.lower_ in {"on", "in"} and head.i > opener.i:
        # "On May 2 rockets hit ...": a date that opens with its preposition is adverbial, though the parser
        # hung it on the noun after it.
        return False
    if _bare_after_clause_word(doc, time, head):
        # "took effect May 4 pending a vote": a date that premodifies a noun stands inside a determined phrase
        # ("the May 4 vote", "Ostland's May 4 vote"); right after the clause's own words and before a bare
        # noun, it is adverbial, though the parser hung it on the noun after it.
        return False
    # "the May 3 trade ministers' conference": the noun the date hangs on may itself only modify the event.
    phrase_head = head
    for _ in range(3):
        if phrase_head.i in trigger_positions:
            return False
        if phrase_head.dep_ not in {"compound", "poss", "nmod", "amod"} or phrase_head.head.i == phrase_head.i:
            break
        phrase_head = phrase_head.head
    return (
        root.dep_ in {"compound", "nummod", "amod", "nmod"}
        and head.i != root.i
        and head.pos_ in {"NOUN", "PROPN"}
        and phrase_head.i not in trigger_positions
        and not (time.token_start <= head.i < time.token_end)
        # (The tagger lemmatises "sales" and "earnings" to "sale" and "earning": the word itself is the measure.)
        and not ({head.lemma_.lower(), head.lower_} & MEASURE_NOUNS and head.dep_ in {"nsubj", "nsubjpass", "dobj"})
        and head.lemma_.lower() not in TIME_NOUNS
        and not _decided_act(head, trigger_positions)
        and not _made_by_participle(head, trigger_positions)
        # After its own preposition ("In 1991 the court ...") the expression is the object of that preposition,
        # whatever noun the parser hung it on.
        and time.signal is None
    )


def _bare_after_clause_word(doc: Doc, time: TimeExpression, head: Token) -> bool:
    """Whether the time opens a noun phrase with no determiner, right after a verb or its object."""
    if time.token_start == 0 or head.i < time.token_end:
        return False
    before = doc[time.token_start - 1]
    if before.dep_ not in {"dobj", "ROOT", "conj"} and before.pos_ not in {"VERB", "AUX"}:
        return False
    if before.head.i == head.i or any(c.dep_ in {"det", "poss"} for c in head.children):
        return False
    return all(doc[i].tag_ != "DT" for i in range(time.token_end, head.i))


def _decided_act(noun: Token, trigger_positions: set[int]) -> bool:
    """ "the 2017 decision to send troops": a date on a decision dates the act it decided."""
    return any(c.i in trigger_positions and (d := decision_of(c)) is not None and d.i == noun.i for c in noun.children)


def _made_by_participle(noun: Token, trigger_positions: set[int]) -> bool:
    """ "the May 3 accord signed by both sides", "the 2019 law passed by parliament": a date on a noun also
    dates the bare past participle on it that tells how the thing came to be."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i in trigger_positions for c in noun.children)


def _counts_a_kind(doc: Doc, time: TimeExpression) -> bool:
    """ "the third such confrontation at the shoal this month": a time on a counted kind says over what span the
    acts are counted, not when any one of them happened."""
    head = doc[time.token_start : time.token_end].root.head
    return head.pos_ == "NOUN" and counted_kind(head)


def _dates_participle_on_other_noun(doc: Doc, time: TimeExpression, trigger_positions: set[int]) -> bool:
    """ "will debate the veto under rules adopted in 2022", "the envoy, appointed in March, ...": a time on a past
    participle that describes a noun with no act of its own dates how that thing came to be, not the clause's
    acts (a participle or noun that is itself an act keeps the time: "the accord signed in 2015")."""
    # "soldiers held since April": a "since" time on the participle starts the state it tells, of whatever
    # precision; no act of the clause outside the participle happened over that span.
    since = time.signal == "since"
    if not since and (time.precision not in {"year", "month"} or time.direction == "future"):
        return False  # a day is as often an adverbial the parser hung on the participle ("made ... on Friday")
    verb = doc[anchor_of(doc, time)]
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if verb.i in trigger_positions or verb.head.i in trigger_positions:
        return False
    if verb.lemma_.lower() in ASPECT_VERBS and not since:
        return False  # "a deal begun last year": a participle that only says when its noun ran makes it an act
    return not any(verb.left_edge.i <= i <= verb.right_edge.i for i in trigger_positions)


def _participle_on_another_verb_s_object(doc: Doc, trigger: Trigger, anchor: int) -> bool:
    """Whether the time hangs on a past participle that describes the object of a verb other than the trigger's
    ("reviewed the steps unveiled on May 2"): it dates that participle, and the trigger only through
    another verb. The trigger's own object keeps it ("met the delegation led by Ruiz on Friday": the parser may
    hang the meeting's day on the participle), as does the noun it describes or an act inside it."""
    participle = doc[anchor]
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return False
    noun = participle.head
    verb = noun.head
    if noun.dep_ not in {"dobj", "pobj"} or trigger.i in {noun.i, verb.i, trigger.head_i if trigger.nominal else -1}:
        return False
    if participle.left_edge.i <= trigger.i <= participle.right_edge.i or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return not (verb.left_edge.i <= trigger.i <= verb.right_edge.i)


# Acts that put an event forward without holding it: "talks first proposed in March", "a visit announced on Monday".
PUTTING_FORWARD_VERBS = frozenset(
    {"propose", "suggest", "float", "moot", "offer", "request", "seek", "demand", "urge", "announce", "confirm",
     "discuss", "agree", "promise", "pledge", "invite", "raise"}
)  # fmt: skip


def _gapped_conjunct(doc: Doc, time: TimeExpression) -> Token | None:
    """The noun a time hangs on when the parser made it a conjunct of a verb: a gapped clause that repeats the
    verb ("will attend a forum in Arequipa from May 5, and in Chile a summit at Arica on May 8")."""
    head = doc[time.token_start : time.token_end].root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "conj" and head.pos_ in {"NOUN", "PROPN"} and head.head.pos_ in {"VERB", "AUX"}:
        return head
    return None


def _in_the_source(noun: Token, verb: Token) -> bool:
    """Whether an event noun only describes who speaks: "two officials familiar with the talks said on Sunday",
    "diplomats briefed on the meeting told reporters on Friday"."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.left_edge.i <= noun.i <= s.right_edge.i and s.i != noun.i for s in subjects)


# Prepositions that name what a talk, a text or a feeling is about.
TOPIC_PREPOSITIONS = frozenset({"about", "regarding", "concerning"})


def _topic_of_talk(doc: Doc, trigger: Trigger, anchor: int) -> bool:
    """Whether an event noun is only what something is about and the time lies outside that phrase: in "had a
    long conversation with her about this visit yesterday" yesterday is the conversation's; in "will debate
    the accord at cabinet sessions next week" the week is the debating's."""
    token = doc[trigger.i]
    if not trigger.nominal or token.dep_ not in {"pobj", "dobj"}:
        return False
    if token.dep_ == "dobj" and token.head.lemma_.lower() in DISCUSSING_VERBS:
        phrase = token
    elif token.head.lower_ in TOPIC_PREPOSITIONS:
        phrase = token.head
    else:
        return False
    return not phrase.left_edge.i <= anchor <= phrase.right_edge.i


def _saying_apart(verb: Token, trigger: Token) -> bool:
    """Whether the time's verb is a saying the parser joined to the clause it reports without any "and" ("will
    not watch the vote, due to curbs, the monitors said on Friday": "said" read as a conjunct of "be") and
    the act lies outside it: the saying's time is the report's, which the reported clause's own tense places."""
    if verb.dep_ not in {"conj", "relcl"} or verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    # Or read as a relative clause on a noun before it ("... the election, ... the mission said on Monday").
    joined = verb.dep_ == "conj" and any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
    return not joined and not verb.left_edge.i <= trigger.i <= verb.right_edge.i


def _in_describing_clause(trigger: Token, time: TimeExpression) -> bool:
    """Whether the act is told as done (simple past, active or passive, or present perfect) in a "who" clause,
    which then says who someone is, and the time lies outside it: "the envoy who negotiated the accord died on
    Wednesday", "Ruiz, who was convicted of fraud, had lived there since March" (the clause names the person;
    the time is the main clause's). A progressive one runs beside the main act ("a clerk who was locking up
    was robbed on Sunday")."""
    for node in [trigger, *trigger.ancestors]:
        if node.dep_ == "relcl":
            outside = not node.left_edge.i <= time.token_start <= node.right_edge.i
            of_someone = any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "who" for c in node.children)
            return outside and of_someone and _told_as_done(node)
    return False


# Verbs of a measure's term: "the curbs imposed in May came into force on Friday", "expired on Sunday".
TAKING_EFFECT_VERBS = frozenset({"come", "enter", "expire", "lapse", "kick", "apply"})


def _told_as_done(verb: Token) -> bool:
    """A simple past, active ("negotiated") or passive ("was convicted"), or a present perfect."""
    passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in {"was", "were"} for c in verb.children)
    return verb.tag_ == "VBD" or passive or _perfect(verb)


def _describes_the_subject(doc: Doc, trigger: Trigger, anchor: int) -> bool:
    """Whether the act is a past participle that says how the subject of another verb came to be, and the time
    is that verb's: in "diplomats expelled by Ostland were leaving on Wednesday" Wednesday is the leaving's,
    the expelling lay before it. A verb that only says when the participle's act runs or takes effect
    ("sanctions imposed in May took effect on Friday") leaves it alone."""
    token = doc[trigger.i]
    if trigger.nominal or token.dep_ != "acl" or token.tag_ != "VBN":
        return False
    noun, verb = token.head, doc[anchor]
    if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.i != verb.i or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return verb.lemma_.lower() not in ASPECT_VERBS and verb.lemma_.lower() not in TAKING_EFFECT_VERBS


# Measures that put an event a day or more after the time it is told from ("days before a visit").
AHEAD_MEASURES = frozenset({"day", "week", "month", "year"})


# Things committed for a period ahead: "a pledge of aid for the following year", "a budget for 2026". (A
# measure's period dates its change instead: "earnings for the quarter rose".)
COMMITTED_THINGS = AID_NOUNS | frozenset(
    {"pledge", "commitment", "budget", "funding", "quota", "allocation", "package", "contribution", "mandate"}
)


def _committed_for(doc: Doc, time: TimeExpression, anchor: int) -> int | None:
    """The thing committed whose period the time is, "for" which it is meant ("agreed a pledge of aid for the
    following year", the period hung on the pledge or on its verb), not when the committing happened."""
    if time.token_start == 0:
        return None
    prep = doc[time.token_start - 1]
    if prep.lower_ != "for" or prep.dep_ != "prep" or prep.head.i != anchor or time.timex_type != "DATE":
        return None
    thing = doc[anchor]
    if thing.pos_ in {"VERB", "AUX"}:
        thing = next((c for c in thing.children if c.dep_ == "dobj"), thing)
    return thing.i if thing.pos_ == "NOUN" and thing.lemma_.lower() in COMMITTED_THINGS else None


def _sequenced_from(noun: Token, anchor: int, time: TimeExpression) -> bool:
    """Whether the event noun is what the time's own act is told after, before or since ("applied in May 2022
    after the invasion", "the pass reopens next week, the first time since the clashes"): the act the time hangs
    on, above the phrase and outside it, is not the noun's."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"after", "before", "following", "since"} or prep.dep_ != "prep":
        return False
    if prep.lower_ != "since" and time.precision != "day":
        return False  # "suspended in August after a visit": within a month or a year, the act before still falls in it
    if prep.left_edge.i <= time.token_start <= prep.right_edge.i:
        return False  # "since the clashes in 2022": the phrase's own time
    verb = doc_verb_above(prep)
    if verb is None:
        return False
    # "After the summit the presidents are due to convene in Quito on 15 June": the time hangs on the verb
    # the phrase is told with, or on a verb its infinitive complement holds.
    clause = noun.doc[anchor]
    while clause.dep_ == "xcomp" and clause.i != verb.i:
        clause = clause.head
    return clause.i == verb.i


def _trails_sequence_phrase(
    doc: Doc, time: TimeExpression, times: Sequence[TimeExpression], trigger_positions: set[int]
) -> int | None:
    """The event noun a bare time right after a phrase of sequence dates ("the bombing comes ahead of peace talks
    this week", "a dinner tomorrow evening, before official talks Friday"), though the parser hangs the time on the
    verb: a phrase of what comes later ("before", "ahead of", "prior to") always; one of what came before
    ("after", "following") only when its verb has another time of its own, which is then the verb's."""
    if time.signal is not None or time.token_start == 0:
        return None
    for position in sorted(trigger_positions):
        noun = doc[position]
        if noun.dep_ != "pobj" or noun.pos_ != "NOUN":
            continue
        prep = noun.head
        later = prep.lower_ == "before" or in_sequence_phrase(prep)
        if not later and prep.lower_ not in {"after", "following"}:
            continue
        phrase = prep.head if in_sequence_phrase(prep) else prep
        if phrase.right_edge.i != time.token_start - 1:
            continue
        verb = doc_verb_above(phrase)
        if later or (
            verb is not None
            and any(
                other is not time
                and anchor_of(doc, other) == verb.i
                and not phrase.left_edge.i <= other.token_start <= phrase.right_edge.i
                for other in times
            )
        ):
            return noun.i
    return None


def _inside_since_phrase(doc: Doc, time: TimeExpression, trigger: Trigger) -> bool:
    """Whether the time lies inside a "since" phrase whose object is a noun ("since a heated exchange on Feb. 28")
    that the trigger is outside of: the time dates that noun, the start of a count, not the trigger."""
    for ancestor in doc[time.token_start : time.token_end].root.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ == "since":
            # Its object: a noun, or an "-ing" clause ("since becoming president in 2019": the becoming's year).
            noun = next((c for c in ancestor.children if c.dep_ == "pobj" or _gerund(c)), None)
            if noun is None or noun.pos_ not in {"NOUN", "PROPN", "VERB"} or noun.i >= time.token_start:
                return False  # "since Feb. 28" itself is the act's span, read elsewhere
            return not ancestor.left_edge.i <= trigger.i <= ancestor.right_edge.i
    return False


def _gerund(token: Token) -> bool:
    """An "-ing" clause a preposition takes for object ("since becoming president", "after landing")."""
    return token.dep_ == "pcomp" and token.tag_ == "VBG"


def doc_verb_above(token: Token) -> Token | None:
    """The nearest verb above a word ("reopens" above "since" in "reopens next week, the first time since")."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None


def _measured_ahead(noun: Token) -> Token | None:
    """The "days before" phrase an event noun is the object of ("said on Sunday, days before a visit"), if any."""
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    before = prep.lower_ == "before" or in_sequence_phrase(prep)
    if not before:
        return None
    phrase = prep if prep.lower_ == "before" else prep.head
    measured = any(
        c.dep_ in {"npadvmod", "advmod"} and c.lemma_.lower() in AHEAD_MEASURES
        for c in [*phrase.children, *prep.children]
    )
    return phrase if measured else None


def _put_forward_on(doc: Doc, trigger: Trigger, anchor: int) -> bool:
    """ "The next round of talks, first proposed in March, may take place in Geneva": a time on a participle of
    putting forward, on the event noun, dates the proposing; the talks are not held then."""
    word = doc[anchor]
    return (
        trigger.nominal
        and word.dep_ == "acl"
        and word.tag_ == "VBN"
        and word.head.i in noun_phrase_heads(doc[trigger.i])
        and word.lemma_.lower() in PUTTING_FORWARD_VERBS
    )


# What only puts an event forward: "suggested a meeting", "proposed holding talks", "a possible summit".
PROPOSING_VERBS = frozenset({"propose", "suggest", "float", "moot"})
MAYBE_WORDS = frozenset({"possible", "potential", "proposed", "prospective", "hypothetical"})


def _only_put_forward(noun: Token, time: TimeExpression) -> bool:
    """ "Ruiz suggested considering a possible meeting, the press service reported Tuesday": an event noun that
    is only proposed, or called possible, is not dated by a time outside its own phrase (the proposing's, or
    the report's); a time of its own ("a possible meeting next month") is the time put forward."""
    if noun.left_edge.i <= time.token_start <= noun.right_edge.i:
        return False
    if any(c.dep_ == "amod" and c.lower_ in MAYBE_WORDS for c in noun.children):
        return True
    if noun.dep_ != "dobj":
        return False
    verb = noun.head
    while verb.dep_ == "xcomp" and verb.lemma_.lower() not in PROPOSING_VERBS:
        verb = verb.head
    return verb.lemma_.lower() in PROPOSING_VERBS


def _comparison_base(doc: Doc, time: TimeExpression) -> bool:
    """ "its lowest level since 2003", "the first visit since 2019", "the best week since November": "since"
    on a noun or an adjective measures a record against a past time; it is not when anything happens (on a
    verb, "has been held since 2019", it dates the start of a state)."""
    if time.signal != "since":
        return False
    anchor = doc[anchor_of(doc, time)]
    if anchor.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return anchor.is_alpha  # a dash or an underscore the tagger called a noun is no record
    # Hung on the verb ("reached its lowest level since 2003"): a record named by its object or subject.
    arguments = [c for c in anchor.children if c.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"}]
    return any(
        m.tag_ == "JJS" or m.lower_ in RECORD_WORDS for a in arguments for m in [a, *a.children] if m.dep_ != "det"
    )


# Words that open the base a change or a figure is measured against: "cheaper than two years earlier",
# "compared with a deficit two years before", "from 70 tonnes a year earlier".
COMPARISON_WORDS = frozenset({"than", "versus", "vs", "vs."})
COMPARING_VERBS = frozenset({"compare", "compared", "comparing"})
AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def _amount(token: Token) -> bool:
    return token.like_num or token.ent_type_ in AMOUNT_ENTITIES or token.text in {"%", "$"}


# Nouns that name an act as the answer to an earlier one: "in retaliation for Ottawa's levies announced last
# year", "in response to the strike on Monday". A time inside such a phrase dates the earlier act.


def _answered_phrase(doc: Doc, time: TimeExpression) -> Token | None:
    """The "in retaliation for ..." / "in response to ..." phrase the expression lies in, if any."""
    return _answered_phrase_above(doc[time.token_start : time.token_end].root)


def _answered_phrase_above(token: Token) -> Token | None:
    """The "in retaliation for ..." phrase (its answer noun) a token lies in, if any."""
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            return None
        if (
            head.lemma_.lower() in ANSWER_NOUNS
            and head.dep_ == "pobj"
            and head.head.lower_ in {"in", "as"}  # "in retaliation for", "as punishment for"
            and any(c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in head.children)
        ):
            return head
        token = head
    return None


def _comparison_phrase(doc: Doc, time: TimeExpression) -> Token | None:
    """The phrase that makes the expression the base of a comparison, if any: "rose 5% from two years ago",
    "fell to 40 tonnes from 55 tonnes a year earlier", "cheaper than two years earlier", "compared with a deficit
    two years before". The time dates only what is named inside that phrase (the earlier deficit), not the change
    it is compared with. "From" counts only where amounts change ("moved the talks from May to June" is not
    a comparison)."""
    token = doc[time.token_start : time.token_end].root
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return None
        word = head.lower_
        if word in COMPARISON_WORDS:
            return head
        if word in {"with", "to"} and head.head.lower_ in COMPARING_VERBS:
            return head.head
        if word == "from":
            changed = head.head
            objects = [
                c for c in head.children if c.dep_ in {"pobj", "pcomp"} and not time.token_start <= c.i < time.token_end
            ]
            amounts = [
                c
                for c in changed.children
                if (c.dep_ in {"npadvmod", "dobj", "nummod", "compound", "advmod"} and _amount(c))
                or (c.dep_ == "prep" and c.lower_ in {"to", "by"} and any(_amount(g) for g in c.children))
            ]
            return head if any(_amount(o) for o in objects) or amounts else None
        if head.pos_ in {"VERB", "AUX"}:
            return None
        token = head
    return None


def _when_clause(doc: Doc, trigger: Trigger, anchor: int, time: TimeExpression) -> bool:
    """ "was killed Thursday when robbers fired", "since August, when shares traded at $10": a clause
    opened by "when" happens at the time of what it hangs on, so that time dates it across the clause."""
    clause = _enclosing_when_clause(doc[trigger.head_i])
    if clause is not None:
        host = clause.head
        if host.i == anchor or time.token_start <= host.i < time.token_end:
            return True
    # The other way round: "were hurt when two boats collided last March" dates the hurting too.
    clause = _enclosing_when_clause(doc[anchor])
    return clause is not None and clause.head.i in {trigger.i, trigger.head_i}


def _subject_tells_the_act(verb: Token, trigger_positions: set[int]) -> bool:
    """ "five days of fighting killed 43 people": the verb's subject is itself an event word, which tells the act;
    the verb tells what it did."""
    return verb.pos_ == "VERB" and any(
        t.i in trigger_positions for c in verb.children if c.dep_ == "nsubj" for t in c.subtree if t.i != verb.i
    )


def _when_clause_on_a_time(doc: Doc, trigger: Trigger, times: Sequence[TimeExpression]) -> TimeExpression | None:
    """ "a truce reached in July, when five days of fighting killed 43 people": a "when" clause hung on a time
    expression tells what happened at that time."""
    clause = _enclosing_when_clause(doc[trigger.head_i])
    if clause is None or clause.dep_ != "relcl":
        return None
    return next((t for t in times if t.token_start <= clause.head.i < t.token_end), None)


def _enclosing_when_clause(token: Token) -> Token | None:
    """The clause opened by "when" or "as" that ``token`` lies in (climbing at most four edges), if any."""
    return marked_clause(token, SIMULTANEITY_WORDS)


def _report_set_off(clause: Token) -> bool:
    """A clause after a comma with no relative word of its own, whose verb is one of saying."""
    start = clause.left_edge.i
    return (
        clause.lemma_.lower() in REPORTING_VERBS
        and start > 0
        and clause.doc[start - 1].text == ","
        and not any(t.tag_ in {"WDT", "WP", "WP$", "WRB"} for t in clause.doc[start : clause.i])
    )


def _describes_trigger(doc: Doc, trigger: Trigger, anchor: int) -> bool:
    """Whether the anchor is a relative clause on the trigger noun that only says when it happens."""
    token = doc[anchor]
    for _ in range(3):
        if token.dep_ in {"relcl", "acl"} and token.head.i == trigger.i:
            # "the summit, which opens Monday"; or a clause whose object is the event noun itself, "the border
            # war the two kingdoms waged in 1911", "the speech she gave on Monday": it tells when that happened.
            particles = {(token.lemma_.lower(), c.lower_) for c in token.children if c.dep_ == "prt"}
            # A relative pronoun as the object ("the summit that Ostland is hosting this month") is the gap.
            object_gap = token.dep_ == "relcl" and not any(
                c.dep_ in {"dobj", "attr", "ccomp", "xcomp", "nsubjpass"} and c.tag_ not in {"WDT", "WP"}
                for c in token.children
            )
            # Set off by a comma with no relative pronoun, it is no relative clause but a report the parser hung
            # on the noun ("... the upcoming summit, the foreign ministry said on Thursday").
            object_gap = object_gap and not _report_set_off(token)
            return (token.lemma_.lower() in ASPECT_VERBS and not particles & OTHER_SENSE_PHRASALS) or object_gap
        if token.dep_ == "relcl" and token.head.i in noun_phrase_heads(doc[trigger.i]) and _tells_taking_place(token):
            return True  # "a summit between the two leaders, which could take place in August": hung on "leaders"
        said = token.head
        if (
            token.dep_ == "ccomp"
            and said.dep_ == "relcl"
            and said.lemma_.lower() in REPORTING_VERBS
            and said.head.i in noun_phrase_heads(doc[trigger.i])
            and _tells_taking_place(token, said)
        ):
            return True  # "a summit, which officials say could take place in August"
        if token.dep_ == "advcl" and _plan_aside(token, trigger):
            return True
        if token.dep_ in {"xcomp", "acomp", "prep", "pobj", "auxpass"} and token.head.i != token.i:
            token = token.head
            continue
        break
    return False


def _tells_taking_place(clause: Token, relative: Token | None = None) -> bool:
    """ "which could take place in August", "that will be held in Lima", "which opens on Monday": a relative
    clause (opened by "which" or "that", never "who"; on ``relative``, a verb of saying above the clause, when
    there is one) that says only when or where something happens, which it can say of an event, not of people."""
    opener = relative if relative is not None else clause
    if not any(c.lower_ in {"which", "that"} and c.tag_ == "WDT" for c in [*opener.children, *clause.children]):
        return False
    return tells_taking_place(clause)


# Words of a plan set off after an event noun: "the vote, originally due in May, ...", "the summit, set for June".
PLAN_ASIDE_WORDS = frozenset({"due", "set", "schedule", "plan", "slate", "expect", "timetable", "pencil"})


def _plan_aside(clause: Token, trigger: Trigger) -> bool:
    """ "A vote on the charter, originally due in May, has been pushed back": a plan word with no subject of
    its own, between the event noun (its verb's subject) and that verb, which the parser hung on the verb. It
    says when the noun's event was planned."""
    if clause.lemma_.lower() not in PLAN_ASIDE_WORDS and clause.lower_ not in PLAN_ASIDE_WORDS:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
        return False
    verb = clause.head
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return trigger.i in subjects and trigger.i < clause.i < verb.i


# Verbs whose date is an event's last day or first: "the two-day summit ended on Friday", "a three-day visit
# begins on Monday"; arriving for an event ("arrived on Monday for a three-day visit") is its first day too.
END_VERBS = frozenset({"end", "conclude", "wrap", "finish", "close", "complete"})
START_VERBS = frozenset({"begin", "start", "open", "launch", "kick", "arrive", "land", "embark", "commence"})


def _days_between(time: TimeExpression, start: date, end: date) -> TimeExpression:
    """``time`` widened (or moved) to the days from ``start`` to ``end``."""
    return replace(time, edtf=f"{start.isoformat()}/{end.isoformat()}", lower=start, upper=end)


def _count_of(measure: Token) -> int:
    """The number on a measure word ("three" in "three-day"), 0 when there is none."""
    count_word = next((c.lower_ for c in measure.children if c.dep_ == "nummod"), "")
    return NUMBER_WORDS.get(count_word) or (int(count_word) if count_word.isdigit() else 0)


def _days_it_lasts(noun: Token) -> int:
    """ "talks, which began on Monday, are expected to last three days": the days the event noun's own verb
    (through "expected to", "due to") says it lasts; 0 when none does."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return 0
    verbs = [noun.head]
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ in {"xcomp", "acomp"}]
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "xcomp"]
    for verb in verbs:
        if verb.lemma_.lower() != "last":
            continue
        for measure in verb.children:
            if measure.dep_ in {"dobj", "npadvmod"} and measure.lemma_.lower() == "day":
                return _count_of(measure)
    return 0


def _lasting(doc: Doc, trigger: Trigger, time: TimeExpression) -> TimeExpression:
    """ "a three-day visit" begun, arrived for or ended on one day: the days it lasts, from or to that day.

    Only where the day hangs on the event noun itself or on the verb that begins or ends it; in "talks
    ended on Friday after a five-day ceasefire" Friday is not the ceasefire's.
    """
    token = doc[trigger.i]
    if not (trigger.nominal and time.precision == "day" and time.lower and time.lower == time.upper):
        return time
    measure = next((c for c in token.children if c.dep_ in {"compound", "amod"} and c.lemma_.lower() == "day"), None)
    count = _count_of(measure) if measure is not None else _days_it_lasts(token)
    if not 1 < count <= 31:
        return time
    anchor = anchor_of(doc, time)
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "for" and verb.head.i != verb.i:
        verb = verb.head  # "arrived on Monday for a three-day visit"
    closing = verb.head if token.dep_ == "pobj" and verb.lower_ == "of" else None
    if closing is not None and closing.lemma_.lower() in CLOSING_NOUNS and anchor in {a.i for a in closing.ancestors}:
        # "flew home on Sunday at the close of a four-day tour": the tour ran up to Sunday.
        start = time.lower - timedelta(days=count - 1)
        return _days_between(time, start, time.lower)
    clause = doc[anchor]
    # "talks between the ministers, which began on Monday": "which" speaks of the event even where the parser
    # hung the clause on a noun inside its phrase.
    on_event = clause.head.i == token.i or (
        token.left_edge.i <= clause.head.i <= token.right_edge.i
        and any(c.lower_ == "which" and c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    )
    if clause.dep_ in {"relcl", "acl"} and on_event and clause.lemma_.lower() in END_VERBS | START_VERBS:
        # "the three-day summit, which ends on Thursday", "a three-day visit starting on Tuesday": a clause or
        # participle on the noun that says when it ends or begins.
        ends = clause.lemma_.lower() in END_VERBS
        start = time.lower - timedelta(days=count - 1) if ends else time.lower
        return _days_between(time, start, start + timedelta(days=count - 1))
    lemma = verb.lemma_.lower()
    held = anchor == trigger.head_i != trigger.i and lemma not in END_VERBS | CHANGE_VERBS  # "will hold a ... summit"
    if anchor == token.i and time.signal in THROUGH_SIGNALS:
        # "his four-day visit through Friday": the day it lasts until is its last.
        start, end = time.lower - timedelta(days=count - 1), time.lower
    elif anchor in {verb.i, token.i} and lemma in END_VERBS and verb.i == trigger.head_i:
        # "ended a three-day visit on Friday", the day hung on the visit or on the verb: it ran up to Friday.
        start, end = time.lower - timedelta(days=count - 1), time.lower
    elif anchor == token.i or held or (anchor == verb.i and lemma in START_VERBS):
        start, end = time.lower, time.lower + timedelta(days=count - 1)
    elif anchor == verb.i and lemma in END_VERBS:
        start, end = time.lower - timedelta(days=count - 1), time.lower
    else:
        return time
    return _days_between(time, start, end)


# Words that give the last day of an event noun's span: "a four-day visit through Friday".
THROUGH_SIGNALS = frozenset({"through", "thru", "until", "till"})
# The last part of an event, named by a noun: "at the close of a two-day summit", "the end of the talks".
CLOSING_NOUNS = frozenset({"end", "close", "conclusion", "wrap", "finale"})
# Verbs that open a gathering, as opposed to arriving for it: "the summit opened on Tuesday".
OPENING_VERBS = frozenset({"begin", "start", "open", "kick", "commence", "convene"})


# Verbs that say how long something goes on, with the time it goes on until: "runs until Sunday".
LASTING_VERBS = frozenset({"run", "last", "continue", "go"})
UNTIL_SIGNALS = frozenset({"until", "till", "through", "to"})


def _opened_and_closed(
    doc: Doc, trigger: Trigger, kept: list[tuple[TimeExpression, int]]
) -> list[tuple[TimeExpression, int]]:
    """ "The summit opened on Tuesday and ends on Wednesday": two coordinated verbs that open and close one
    event noun give it one span, from the first day to the last, not two events."""
    if not trigger.nominal or len(kept) != 2:
        return kept
    (first, distance), (second, _) = sorted(kept, key=lambda pair: pair[0].lower or date.min)
    opener, closer = doc[anchor_of(doc, first)], doc[anchor_of(doc, second)]
    coordinated = closer.i in {c.i for c in opener.conjuncts}
    # "The drills, which run until Sunday, began on Friday": a clause on the noun that says how long it lasts.
    lasting = (
        closer.dep_ == "relcl"
        and closer.head.i == trigger.i
        and closer.lemma_.lower() in LASTING_VERBS
        and second.signal in UNTIL_SIGNALS
    )
    if not (
        (coordinated or lasting)
        and opener.lemma_.lower() in OPENING_VERBS
        and (closer.lemma_.lower() in END_VERBS or lasting)
        and first.lower is not None
        and second.upper is not None
        and first.lower < second.upper
        and first.precision == second.precision
    ):
        return kept
    span = f"{first.edtf}/{second.edtf}"
    return [(replace(first, edtf=span, value=span, lower=first.lower, upper=second.upper), distance)]


def _measured(doc: Doc, trigger: Trigger, time: TimeExpression) -> TimeExpression:
    """ "ended four days of talks ... earlier Friday": the talks run from Tuesday to that Friday."""
    token = doc[trigger.i]
    if not (token.dep_ == "pobj" and token.head.lower_ == "of" and time.precision == "day" and time.lower):
        return _lasting(doc, trigger, time)
    measure = token.head.head
    if measure.lemma_.lower() not in {"day", "week"}:
        return _lasting(doc, trigger, time)  # "at the close of a two-day summit"
    count = _count_of(measure)
    if not 1 < count <= 31:
        return time
    days = count * (7 if measure.lemma_.lower() == "week" else 1)
    end_verb = measure.head.lemma_.lower() in END_VERBS
    if not end_verb:
        return time
    start = time.lower - timedelta(days=days - 1)
    return _days_between(time, start, time.lower)


# Verbs that, with an event noun as object, say the event was held or changed when the verb happened ("have
# suspended talks", "has held consultations"), unlike verbs of planning ("has proposed talks").
REALIZING_VERBS = CHANGE_VERBS | frozenset(
    {"hold", "conduct", "stage", "attend", "host", "convene", "wrap", "end", "conclude", "begin", "start", "open",
     "launch", "resume", "halt", "freeze", "break", "impose", "sign", "complete"}
)  # fmt: skip


def _owned_by_another(doc: Doc, time: TimeExpression, trigger: Trigger) -> bool:
    """ "recover from last year's floods at a conference": a time in the possessive dates the noun it is the
    owner of (and its conjuncts: "Friday's offerings and pricings"), not another event noun near it; a verb
    may still be told of it ("rose from last year's level")."""
    owner = doc[time.token_start : time.token_end].root
    if not trigger.nominal or owner.dep_ != "poss" or owner.head.i == owner.i:
        return False
    return trigger.i not in {owner.head.i, *(c.i for c in owner.head.conjuncts)}


def _outside_complement(verb: Token, own: list[tuple[TimeExpression, int]]) -> list[tuple[TimeExpression, int]]:
    """The times of ``own`` outside the verb's infinitive complement ("voted to wind down ... by 2026")."""
    complements = [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    return [
        (time, distance)
        for time, distance in own
        if not any(c.left_edge.i <= time.token_start <= c.right_edge.i for c in complements)
    ]


# Of those, the ones that put an "-ing" clause before or after the act it hangs on, not beside it: "met Ruiz
# after landing on Sunday".
STEP_PREPOSITIONS = SEQUENCING_PREPOSITIONS - {"while", "on"}


def _outside_other_steps(verb: Token, own: list[tuple[TimeExpression, int]]) -> list[tuple[TimeExpression, int]]:
    """The times of ``own`` outside an "-ing" clause of another step on the verb ("met Ruiz on Thursday after
    landing on Sunday": Sunday is the landing's)."""
    steps = [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in STEP_PREPOSITIONS for g in c.children if _gerund(g)
    ]
    return [
        (time, distance)
        for time, distance in own
        if not any(g.left_edge.i <= time.token_start <= g.right_edge.i for g in steps)
    ]


def _listed_apart(doc: Doc, a: TimeExpression, b: TimeExpression) -> bool:
    """ "with Australia in 2023 and with the United States in March 2023": two times in two coordinated phrases
    ("and" then a preposition between them) date two acts, though one contains the other."""
    first, second = sorted((a, b), key=lambda t: t.token_start)
    between = doc[first.token_end : second.token_start]
    return any(
        t.lower_ in {"and", "or"} and t.i + 1 < second.token_start and doc[t.i + 1].pos_ == "ADP" for t in between
    )


def _own_over_conjunct(
    doc: Doc, trigger: Trigger, own: list[tuple[TimeExpression, int]]
) -> list[tuple[TimeExpression, int]]:
    """ "joined the ministry in 1986 and negotiated a swap deal in 2017": a verb with a time of its own is not
    dated by the time of the verb it is coordinated with; that time is the other verb's."""
    verb = doc[trigger.i]
    conjuncts = {c.i for c in verb.conjuncts}
    if not any(anchor_of(doc, t) == verb.i for t, _ in own):
        return own
    return [(t, d) for t, d in own if anchor_of(doc, t) not in conjuncts]


def _owned_by_the_noun(noun: Token, own: list[tuple[TimeExpression, int]]) -> list[tuple[TimeExpression, int]]:
    """ "after his victory in last Sunday's election was confirmed on Thursday": a time the event noun owns (a
    possessive or compound on it: "last Sunday's election", "the May 3 vote") is its date; a time outside its
    phrase dates another act of the clause. Empty when the noun owns none."""
    owned = [
        (time, distance)
        for time, distance in own
        if (root := noun.doc[time.token_start : time.token_end].root).head.i == noun.i
        and root.dep_ in {"poss", "compound", "nmod"}
    ]
    if not owned:
        return []
    left, right = noun.left_edge.i, noun.right_edge.i
    outside = [(t, d) for t, d in own if t.token_end - 1 < left or t.token_start > right]
    return owned if len(owned) + len(outside) == len(own) else []


def _planned_time_of_changed_plan(
    doc: Doc, trigger: Trigger, own: list[tuple[TimeExpression, int]]
) -> list[tuple[TimeExpression, int]]:
    """ "postponed on Tuesday her visit to Chile next month": of two times on the verb that puts off or calls
    off an event, the one wholly after the other is the event's planned day; the earlier dates the decision.
    Empty unless the noun is that verb's object and every time hangs on the verb or inside the noun's phrase."""
    noun = doc[trigger.i]
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in CHANGE_VERBS:
        return []
    left, right = noun.left_edge.i, noun.right_edge.i
    if not all(anchor_of(doc, t) == verb.i or left <= t.token_start <= right for t, _ in own):
        return []
    return [(t, d) for t, d in own if all(other is t or _wholly_before(other, t) for other, _ in own)]


def _in_attribution(doc: Doc, time: TimeExpression) -> bool:
    """Whether the time lies in an "according to" phrase: "intercepted a helicopter on May 4, according to a
    statement on Monday" (the day of the source, not a second day of the act)."""
    for token in doc[time.token_start].ancestors:
        if token.lower_ == "according" and token.dep_ == "prep":
            return True
        if token.dep_ in {"ROOT", "ccomp", "advcl", "relcl"}:
            return False
    return False


def _wholly_before(first: TimeExpression, second: TimeExpression) -> bool:
    return first.upper is not None and second.lower is not None and first.upper < second.lower


def _inside_modifier(token: Token, own: list[tuple[TimeExpression, int]]) -> list[tuple[TimeExpression, int]]:
    """The times of ``own`` inside the modifying clause ``token`` heads."""
    left, right = token.left_edge.i, token.right_edge.i
    return [(time, distance) for time, distance in own if left <= time.token_start and time.token_end - 1 <= right]


def _perfect_misattached(doc: Doc, time: TimeExpression, anchor: int, triggers: Sequence[Trigger]) -> Trigger | None:
    """ "Sanctions have piled up since the invasion of Zembla in February 2022": English puts no past date on
    a present perfect ("*have piled up in February 2022"), so a past date the parser hung on one belongs to
    the event noun just before it, which it follows."""
    verb = doc[anchor]
    if not (verb.tag_ == "VBN" and {c.lower_ for c in verb.children if c.dep_ == "aux"} & {"have", "has", "'ve"}):
        return None
    if time.signal not in {"in", "on"} or time.direction == "future" or time.token_start < 2:
        return None
    before = doc[time.token_start - 2]  # the word before "in"/"on"
    for trigger in triggers:
        token = doc[trigger.i]
        if trigger.nominal and token.i < time.token_start and token.right_edge.i == before.i and token.i != anchor:
            return trigger
    return None


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a reporting verb reports: its ccomp, or the clause it hangs on ("..., the ministry said")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in {"parataxis", "ccomp"} and verb.head.i != verb.i:
        clauses.append(verb.head)
    return clauses


def _reported_clause_triggers(doc: Doc, reporting: int, triggers: Sequence[Trigger]) -> list[Trigger]:
    """Undated triggers of the clause a reporting verb reports (its ccomp, or the clause it hangs on): its
    verb, or an event noun that verb holds or changes ("have suspended talks, the ministry said")."""
    clauses = _reported_clauses(doc[reporting])
    heads = {c.i for c in clauses}
    heads |= {conj.i for c in clauses for conj in c.conjuncts}
    return [
        t
        for t in triggers
        if _reported_verb(doc, t).i in heads and (not t.nominal or _realized_by(doc, t) or _setting_of(doc, t))
    ]


def _reported_verb(doc: Doc, trigger: Trigger) -> Token:
    """The verb that tells a trigger in a clause: its own, the light verb of its noun, the verb whose object
    the noun is ("have completed disengagement"), or the act the noun is the setting of ("during a
    telephone conversation with Ruiz, Varel proposed talks")."""
    noun = doc[trigger.i]
    if trigger.nominal and trigger.head_i == trigger.i:
        if noun.dep_ == "dobj":
            return noun.head
        if _setting_of(doc, trigger):
            held = noun.head.head
            return held.head if held.dep_ == "nsubj" else held
    return doc[trigger.head_i]


def _setting_of(doc: Doc, trigger: Trigger) -> bool:
    """ "During a telephone conversation with Ruiz, Varel proposed talks" (or "Varel, during ..., proposed"): an
    event noun the act of its clause is told inside."""
    noun = doc[trigger.i]
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "during"}:
        return False
    held = noun.head.head
    return held.pos_ in {"VERB", "AUX"} or (held.dep_ == "nsubj" and held.head.pos_ in {"VERB", "AUX"})


def _realized_by(doc: Doc, trigger: Trigger) -> bool:
    verb = _reported_verb(doc, trigger)
    return verb.i != trigger.i and verb.lemma_.lower() in REALIZING_VERBS


def _perfect(token: Token) -> bool:
    """A present perfect: "have signed", "has been signed"."""
    carriers = [token, token.head] if token.dep_ == "conj" else [token]
    return token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in {"have", "has", "'ve"} for t in carriers for c in t.children
    )


def _own_pluperfect(token: Token) -> bool:
    """ "had recalled", "had been expelled": a participle with a "had" of its own."""
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def _past_not_anterior(token: Token) -> bool:
    """Simple past, present perfect or a pluperfect of its own, no modal: the reported event happened by the
    report ("have signed", "had tested"); the report's day bounds it."""
    carriers = [token, token.head] if token.dep_ == "conj" else [token]
    aux = {c.lower_ for t in carriers for c in t.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"will", "would", "could", "may", "might", "shall", "should", "can", "'d", "to"}:
        return False
    # "said on Tuesday it had recalled its envoy": a pluperfect of its own, told by a dated report, is bounded by
    # that report like a present perfect; a verb that only shares a "had" with the verb before it is not read so.
    if "had" in aux and not _own_pluperfect(token):
        return False
    perfect = bool(aux & {"have", "has", "'ve"}) or _own_pluperfect(token)
    # "has been pressing": the perfect progressive has gone on up to the report; "is levying new duties, a
    # notice said on Friday": the present progressive goes on at the report, and so does the past one a
    # past report shifts it into ("said on Friday it was levying new duties").
    progressive = token.tag_ == "VBG" and (
        (perfect and "been" in aux) or bool(aux & {"is", "are", "'s", "'re", "was", "were"})
    )
    return token.tag_ == "VBD" or (token.tag_ == "VBN" and perfect) or progressive


def _reports_a_dated_act(doc: Doc, verb: Token, dated: Sequence[Trigger]) -> bool:
    """Whether the clause a reporting verb reports tells an act dated by a time of its own ("the ministers
    will meet on Sunday for talks, the ministry said on Wednesday": the saying is how the news is known, not
    the news)."""
    # A plan changed ("said on Monday it had scrapped its envoy's May trip") is decided in the telling.
    return any(
        c.left_edge.i <= t.i <= c.right_edge.i and _reported_verb(doc, t).lemma_.lower() not in CHANGE_VERBS
        for c in _reported_clauses(verb)
        for t in dated
    )


def _official_speaker(verb: Token) -> bool:
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = {subject.lemma_.lower()} | {c.lower_ for c in subject.children if c.dep_ in {"compound", "amod"}}
        if words & OFFICIAL_SPEAKERS or (subject.ent_type_ in {"ORG", "GPE", "NORP"} and subject.pos_ == "PROPN"):
            return subject.ent_type_ != "PERSON"
    return False


def dating_candidates(doc: Doc, triggers: Sequence[Trigger], times: Sequence[TimeExpression]) -> list[TimeExpression]:
    """The times of a sentence that can date one of its acts (not "the 2009 accord", not "since 2003" on a
    record), in text order."""
    positions = {t.i for t in triggers}
    return [
        t
        for t in times
        if usable(t)
        and not _modifies_other_noun(doc, t, positions)
        and not _dates_participle_on_other_noun(doc, t, positions)
        and not _counts_a_kind(doc, t)
        and not _comparison_base(doc, t)
    ]


def bind(doc: Doc, triggers: Sequence[Trigger], times: Sequence[TimeExpression]) -> list[Binding]:
    """Bindings for one sentence's triggers and time expressions."""
    candidates = dating_candidates(doc, triggers, times)
    if not triggers and not candidates:
        return []
    triggers = list(triggers)
    assigned: dict[int, list[tuple[TimeExpression, int]]] = {}
    unassigned: list[TimeExpression] = []
    answered = {trigger.i: _answered_phrase_above(doc[trigger.i]) for trigger in triggers}
    positions = {t.i for t in triggers}
    for time in candidates:
        anchor = anchor_of(doc, time)
        trailed = _trails_sequence_phrase(doc, time, candidates, positions)
        noun = _perfect_misattached(doc, time, anchor, triggers)
        if noun is not None:
            assigned.setdefault(triggers.index(noun), []).append((time, 1))
            continue
        compared = _comparison_phrase(doc, time) or _answered_phrase(doc, time)
        gapped = _gapped_conjunct(doc, time)
        own_gap = gapped is not None and any(gapped.left_edge.i <= t.i <= gapped.right_edge.i for t in triggers)
        best: tuple[int, int, int] | None = None
        for index, trigger in enumerate(triggers):
            if time.token_start <= trigger.i < time.token_end:
                continue  # "the week of talks" is not dated by itself
            if trailed is not None and trigger.i != trailed:
                continue  # "comes ahead of talks this week": the talks' week
            if own_gap and gapped is not None and not gapped.left_edge.i <= trigger.i <= gapped.right_edge.i:
                continue  # "attend a forum on May 5, and in Chile a summit on May 8": the summit's date
            if _owned_by_another(doc, time, trigger):
                continue
            if _put_forward_on(doc, trigger, anchor) or (trigger.nominal and _only_put_forward(doc[trigger.i], time)):
                continue
            if _in_the_source(doc[trigger.i], doc[anchor]) or _topic_of_talk(doc, trigger, anchor):
                continue  # "officials familiar with the talks said on Sunday": Sunday is the saying's
            if _saying_apart(doc[anchor], doc[trigger.i]):
                continue  # "will not watch the vote, due to curbs, the monitors said on Friday": the saying's day
            if _describes_the_subject(doc, trigger, anchor) or _in_describing_clause(doc[trigger.i], time):
                continue  # "diplomats expelled by Ostland were leaving on Wednesday": the leaving's day
            thing = _committed_for(doc, time, anchor)
            if thing is not None and thing != trigger.i:
                continue  # "agreed a pledge of aid for the following year": the pledge's period, not the agreeing
            if trailed != trigger.i and _sequenced_from(doc[trigger.i], anchor, time):
                continue  # "applied in May after the invasion": May is when they applied, the invasion was before
            if _inside_since_phrase(doc, time, trigger):
                continue  # "the first talks since a row on Feb. 28": the row's day, where the count starts
            ahead = _measured_ahead(doc[trigger.i])
            if ahead is not None and not ahead.left_edge.i <= time.token_start <= ahead.right_edge.i:
                continue  # "said on Sunday, days before a visit to Belgrade": the visit lies days after Sunday
            if (
                compared is not None
                and not compared.left_edge.i <= trigger.i <= compared.right_edge.i
                and not _when_clause(doc, trigger, anchor, time)
            ):
                continue  # "tolls rose 5% from two years ago": the base of the comparison, not the rise's date
            if _participle_on_another_verb_s_object(doc, trigger, anchor):
                continue  # "voiced concern and reviewed the steps unveiled on May 2": the unveiling's day
            phrase = answered[trigger.i]
            if phrase is not None and not phrase.left_edge.i <= time.token_start <= phrase.right_edge.i:
                continue  # "raised duties in May, in retaliation for Zembla's levies": May is not the levies' date
            if (
                crosses_clause(doc, trigger.head_i, anchor)
                and crosses_clause(doc, trigger.i, anchor)
                and not _describes_trigger(doc, trigger, anchor)
                and not _when_clause(doc, trigger, anchor, time)
            ):
                # "said Friday that he would meet": the date belongs to the saying, not the meeting.
                continue
            distance = min(tree_distance(doc, trigger.head_i, anchor), tree_distance(doc, trigger.i, anchor))
            linear = min(abs(trigger.i - time.token_start), abs(trigger.i - (time.token_end - 1)))
            key = (distance, linear, index)
            if best is None or key < best:
                best = key
        if best is not None:
            assigned.setdefault(best[2], []).append((time, best[0]))
        else:
            unassigned.append(time)
    perfect_reports: set[tuple[int, int]] = set()
    for time in unassigned:
        anchor = anchor_of(doc, time)
        verb = doc[anchor]
        if verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        reported = [
            t
            for t in _reported_clause_triggers(doc, anchor, triggers)
            if not any(i == triggers.index(t) for i in assigned) and _past_not_anterior(_reported_verb(doc, t))
        ]
        for trigger in reported:
            assigned.setdefault(triggers.index(trigger), []).append((time, 2))
            told = _reported_verb(doc, trigger)
            if _perfect(told) or _own_pluperfect(told):
                perfect_reports.add((trigger.i, time.start))
        if (
            not reported
            and verb.dep_ == "ROOT"
            and verb.lemma_.lower() in {"say", "tell"}
            and _official_speaker(verb)
            and not _reports_a_dated_act(doc, verb, [t for i, t in enumerate(triggers) if i in assigned])
        ):
            triggers.append(
                Trigger(verb.i, verb.i, EventType.STATEMENT, verb.lemma_.lower(), False, "verb:official-said")
            )
            assigned.setdefault(len(triggers) - 1, []).append((time, 1))
    bindings: list[Binding] = []
    for index, trigger in enumerate(triggers):
        own = assigned.get(index, [])
        if len(own) > 1 and doc[trigger.i].dep_ in {"acl", "relcl"}:
            # "The deal signed in 2015 expired in May": a participle or relative clause on a noun that has a
            # time of its own is dated by it; a time outside it is its main clause's.
            own = _inside_modifier(doc[trigger.i], own) or own
        if len(own) > 1 and trigger.nominal:
            own = _owned_by_the_noun(doc[trigger.i], own) or own
        if len(own) > 1 and not trigger.nominal:
            own = _own_over_conjunct(doc, trigger, own)
        if len(own) > 1 and not trigger.nominal:
            # "voted on Friday to wind down the mission by the end of 2026": a time inside the verb's complement
            # dates what was voted for, not the vote, when the verb has a time of its own outside it.
            outside = _outside_complement(doc[trigger.i], own)
            own = outside or own
        if len(own) > 1 and not trigger.nominal:
            own = _outside_other_steps(doc[trigger.i], own) or own
        if len(own) > 1:
            # "a visit set for next week was cancelled on Monday": Monday dates the decision, not the visit.
            planned = any(doc[anchor_of(doc, t)].lemma_.lower() in SCHEDULE_WORDS for t, _ in own)
            if planned:
                own = [(t, d) for t, d in own if doc[anchor_of(doc, t)].lemma_.lower() not in CHANGE_VERBS]
        if len(own) > 1 and trigger.nominal:
            own = _planned_time_of_changed_plan(doc, trigger, own) or own
        if len(own) > 1:
            own = [(t, d) for t, d in own if not _in_attribution(doc, t)] or own
        # Of two expressions where one contains the other ("this week ... on Tuesday"), keep the precise one,
        # unless it hangs farther away: in "fares rose in the half ended June 30" the day only ends the
        # half, and in "visits fell through the 1990s but doubled this year" the year is another clause's.
        kept = [
            (time, distance)
            for time, distance in own
            if not any(
                other is not time
                and _contains(time, other)
                and _width(other) < _width(time)
                and near <= distance
                and not _listed_apart(doc, time, other)
                for other, near in own
            )
        ]
        # Two expressions of one day ("on Friday, May 6, at noon") date one event, not two.
        days: dict[str | None, tuple[TimeExpression, int]] = {}
        for pair in kept:
            if pair[0].edtf not in days or pair[1] < days[pair[0].edtf][1]:
                days[pair[0].edtf] = pair
        kept = [pair for pair in kept if days[pair[0].edtf] is pair]
        kept = _opened_and_closed(doc, trigger, kept)
        bindings.extend(Binding(trigger, _measured(doc, trigger, time), distance) for time, distance in kept)
    dated = {b.trigger.i: b for b in bindings}
    # "12 days after the bombing": dated from the act the phrase hangs on (_sequence_dated), not with it.
    measured = {t.i for t in triggers if t.nominal and t.i not in dated and _measured_phrase(doc[t.i]) is not None}
    for trigger in triggers:
        if trigger.i in dated or not trigger.nominal or trigger.i in measured:
            continue
        host = _temporal_host(doc, trigger, dated)
        if host is not None:
            bindings.append(Binding(trigger, _days_up_to(doc, trigger, host.time), host.distance + 1, inherited=True))
    dated = {b.trigger.i: b for b in bindings}
    positions = {t.i for t in triggers}
    dating = [t for t in times if usable(t)]
    for trigger in triggers:
        if trigger.i not in dated and not _subject_tells_the_act(doc[trigger.i], positions):
            at = _when_clause_on_a_time(doc, trigger, dating)
            if at is not None:
                bindings.append(Binding(trigger, at, 2, inherited=True))
    settled = {b.trigger.i for b in bindings} | {b.trigger.head_i for b in bindings}
    taken = {b.time.start for b in bindings}
    for trigger in triggers:
        if trigger.i in settled or doc[trigger.i].head.i in settled or trigger.i in measured:
            continue  # dated, or an argument of a dated act ("the ban takes effect on Monday")
        free = [
            t
            for t in candidates
            if t.start not in taken
            and not _owned_by_another(doc, t, trigger)
            and not _put_forward_on(doc, trigger, anchor_of(doc, t))
            and not _topic_of_talk(doc, trigger, anchor_of(doc, t))
            and not _participle_on_another_verb_s_object(doc, trigger, anchor_of(doc, t))
            and _committed_for(doc, t, anchor_of(doc, t)) in {None, trigger.i}
        ]
        found = _nearest_time(doc, trigger, free)
        if found is not None:
            bindings.append(Binding(trigger, found[0], found[1], nearest=True))
    bindings.extend(_sequence_dated(doc, triggers, bindings))
    bindings = [replace(b, reported=True) if (b.trigger.i, b.time.start) in perfect_reports else b for b in bindings]
    return in_order(bindings)


# "Two days after the talks ended on Friday", "hours before the summit opened on May 4": how far the act lies
# from the day of the clause it is measured from. Hours, minutes and "shortly" keep that day.
SEQUENCE_MARKS = {"after": 1, "before": -1}
SAME_DAY_MEASURES = frozenset({"hour", "minute", "moment", "shortly", "soon", "just", "immediately", "moments"})
DAY_MEASURES = {"day": 1, "week": 7}


def _offset_days(measures: list[Token]) -> int | None:
    """Days measured by the words before "after"/"before" ("two days", "a week", "hours"); None for none."""
    for word in measures:
        lemma = word.lemma_.lower()
        if lemma in SAME_DAY_MEASURES:
            return 0
        if lemma in DAY_MEASURES:
            count = _count_of(word) or (1 if any(c.lower_ in {"a", "one"} for c in word.children) else 0)
            return count * DAY_MEASURES[lemma] if count else None
    return None


def _sequence_dated(doc: Doc, triggers: Sequence[Trigger], bindings: list[Binding]) -> list[Binding]:
    """ "Two days after the talks ended on Friday, Zembla test-fired a missile": an undated act measured from a
    clause dated to a day lies that far from the day (hours or "shortly" after: the same day). Without a
    measure ("after the talks ended on Friday") it is only later, and stays undated."""
    dated = {b.trigger.i for b in bindings}
    added: list[Binding] = []
    for trigger in triggers:
        if trigger.i in dated:
            continue
        verb = doc[trigger.head_i]
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS), None)
            own = [
                b.time
                for b in bindings
                if b.time.precision == "day"
                and b.time.lower is not None
                and clause.left_edge.i <= b.time.token_start <= clause.right_edge.i
            ]
            if mark is None or not own:
                continue
            measures = [c for c in [*clause.children, *verb.children] if c.dep_ in {"npadvmod", "advmod"}]
            days = _offset_days([m for m in measures if m.i < mark.i])
            if days is None:
                continue
            added.append(moved_by(trigger, own[0], SEQUENCE_MARKS[mark.lower_] * days))
            break
        else:
            found = _measured_from_main(doc, trigger, bindings)
            if found is not None:
                added.append(found)
    return added


def measured_clause(doc: Doc, trigger: Trigger) -> tuple[Token, int] | None:
    """The measured "after"/"before" clause the trigger's act is told in ("..., a day after Ostland arrested
    a citizen"), with the days from its main clause's day to the act (-1 here); None for none."""
    phrase = _measured_phrase(doc[trigger.i]) if trigger.nominal else None
    if phrase is not None:
        return phrase
    clause = doc[trigger.head_i]
    if clause.dep_ in {"xcomp", "acomp", "nsubj", "nsubjpass"} and clause.head.dep_ == "advcl":
        clause = clause.head  # "two days before the talks were due to open": the talks head the clause
    if clause.dep_ != "advcl" or clause.head.i == clause.i:
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS), None)
    if mark is None:
        return None
    # The measure hangs on the clause or on its main verb ("came a day after ...").
    measures = [*clause.children, *clause.head.children]
    days = _offset_days([c for c in measures if c.dep_ in {"npadvmod", "advmod"} and c.i < mark.i])
    if days is None:
        return None
    return clause, -SEQUENCE_MARKS[mark.lower_] * days


def _measured_phrase(noun: Token) -> tuple[Token, int] | None:
    """ "Striking 12 days after the bombing, jets hit ...": an event noun after a measured "after"/"before"
    lies that far from the act the phrase hangs on; the phrase stands where a clause would."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in SEQUENCE_MARKS or prep.head.i == prep.i:
        return None
    days = _offset_days([c for c in prep.children if c.dep_ in {"npadvmod", "advmod"} and c.i < prep.i])
    if days is None:
        return None
    return prep, -SEQUENCE_MARKS[prep.lower_] * days


def _measured_from_main(doc: Doc, trigger: Trigger, bindings: list[Binding]) -> Binding | None:
    """ "expelled two diplomats on Monday, a day after Ostland arrested a citizen": the act of a measured
    "after"/"before" clause lies that far from the day of the main clause's dated act (Sunday)."""
    found = measured_clause(doc, trigger)
    if found is None:
        return None
    clause, days = found
    main = clause.head
    # "ordered the envoy to leave, a week after ...": the parser may hang the clause on the infinitive the
    # main act governs; it measures from that act all the same.
    mains = {main.i}
    while main.dep_ == "xcomp" and main.head.i != main.i:
        main = main.head
        mains.add(main.i)
    if main.dep_ == "advcl" and main.tag_ in {"VBG", "VBN"} and main.head.i != main.i:
        mains.add(main.head.i)  # "Striking 12 days after the bombing, jets hit ...": the participle's clause
    for binding in bindings:
        time = binding.time
        own_clause = clause.left_edge.i <= time.token_start <= clause.right_edge.i
        # "The swap came two days after ...": the main clause's act may be its subject, an event noun.
        told = doc[binding.trigger.i]
        subject = told.dep_ in {"nsubj", "nsubjpass"} and told.head.i in mains
        if (
            (mains & {binding.trigger.i, binding.trigger.head_i} or subject)
            and time.precision == "day"
            and not own_clause
        ):
            return moved_by(trigger, time, days)
    return None


def measured_from_lent(doc: Doc, triggers: Sequence[Trigger], lent: list[Binding], dated: set[int]) -> list[Binding]:
    """Acts of a measured clause ("The swap came two days after drones struck ...") whose main clause is dated
    only by an event noun that names an event dated elsewhere ("the swap", told on Thursday)."""
    found = [_measured_from_main(doc, t, lent) for t in triggers if t.i not in dated]
    return [replace(b, basis=DateBasis.INFERRED.value) for b in found if b is not None]


def moved_by(trigger: Trigger, base: TimeExpression, days: int) -> Binding:
    """``trigger`` dated ``days`` from the day of ``base``, as carried from the narrative."""
    assert base.lower is not None  # a day
    day: date = base.lower + timedelta(days=days)
    iso = day.isoformat()
    moved = replace(base, edtf=iso, value=iso, lower=day, upper=day, precision="day", basis="narrative")
    return Binding(trigger, moved, 2, inherited=True, basis="narrative")


# Clauses a time may not be carried into or out of by nearness: what is said, thought or expected happens at
# its own time, not at the time of the saying ("said on Tuesday that she would resign").
COMPLEMENT_EDGES = frozenset({"ccomp", "parataxis"})
# Words that open a clause placed before or after the time of its main clause ("marched on Monday after a
# student was hurt"): that clause's act is not at the main clause's time.
SEQUENCE_MARKERS = TEMPORAL_RELATION_PREPS | {"until", "till", "once"}
# Beyond this many edges in the tree, nearness in the text says little about which act a time dates.
NEAREST_REACH = 5


def _nearest_time(doc: Doc, trigger: Trigger, times: Sequence[TimeExpression]) -> tuple[TimeExpression, int] | None:
    """The time nearest in the text to a trigger that no tree path dated, with its tree distance.

    The parser often hangs a time on the wrong word (in "the charter, which sets up a council, signed on
    Friday", Friday on the subject), or the event sits in a relative or adverbial clause of the clause the time
    belongs to ("a clerk who was locking up was robbed on Sunday"). The nearest time of the sentence then
    dates it, unless: another event of the sentence already has that time or the trigger is an argument of a
    dated act; the path enters or leaves a reported or complement clause; the time plainly dates another act
    (``_dates_other_act``); the time only bases a comparison; the trigger is a background event named in a
    temporal phrase ("after the collapse of ..."); the tense of the trigger's clause points the other way
    from the time (a past act and a time ahead, a future act and a time gone by); or the two lie more than
    ``NEAREST_REACH`` edges apart in the tree.
    """
    token = doc[trigger.i]
    if token.dep_ == "pobj" and token.head.lower_ in TEMPORAL_RELATION_PREPS:
        return None
    verb = clause_verb(token)
    tense = verb_group_direction(verb) if verb is not None else None
    if tense == "future" and verb is not None and any(c.lower_ in {"have", "'ve"} for c in verb.children):
        tense = None  # "must have left": a guess about the past, not an act ahead
    best: tuple[int, int, int, TimeExpression] | None = None
    for time in times:
        if time.token_start <= trigger.i < time.token_end:
            continue
        anchor = anchor_of(doc, time)
        root = doc[time.token_start : time.token_end].root.i
        compared = _comparison_phrase(doc, time) or _answered_phrase(doc, time)
        if compared is not None and not compared.left_edge.i <= trigger.i <= compared.right_edge.i:
            continue
        if _crosses_complement(doc, trigger.i, anchor) or _crosses_complement(doc, trigger.head_i, anchor):
            continue
        if _in_describing_clause(token, time) or _describes_the_subject(doc, trigger, anchor):
            continue
        if _inside_since_phrase(doc, time, trigger):
            continue
        if {tense, time.direction} == {"past", "future"}:
            continue
        if not _misattached(doc, time, anchor) and _dates_other_act(doc, trigger, root, anchor):
            continue
        distance = min(tree_distance(doc, trigger.head_i, anchor), tree_distance(doc, trigger.i, anchor))
        if distance > NEAREST_REACH:
            continue
        gap = time.token_start - trigger.i if time.token_start > trigger.i else trigger.i - (time.token_end - 1)
        key = (gap, distance, time.start, time)
        if best is None or key[:3] < best[:3]:
            best = key
    return (best[3], best[1]) if best is not None else None


def _misattached(doc: Doc, time: TimeExpression, anchor: int) -> bool:
    """Whether the time cannot date the verb the parser hung it on: a time ahead on a past verb, or a time gone
    by on a future one ("promised a referendum next year after delegates voted": "next year" on "voted").
    Where it hangs then says nothing about which act it dates."""
    verb = clause_verb(doc[anchor])
    if verb is None:
        return False
    return {verb_group_direction(verb), time.direction} == {"past", "future"}


def _dates_other_act(doc: Doc, trigger: Trigger, time_root: int, anchor: int) -> bool:
    """Whether the time where it hangs (``anchor``) plainly dates an act other than the trigger's: a report
    ("according to a bulletin on Wednesday", "an aide said on Wednesday"); a relative clause that tells of
    another act ("tariffs which set off a strike last winter"); a time that is an argument, not a circumstance
    ("2011 was a lean year"); the other conjunct of a coordination whose clauses have their own subjects ("the
    sides reply by Friday, and the ceasefire starts later"); or a main clause the trigger's clause is placed
    before or after ("marched on Monday after a student was hurt")."""
    path_time = path_to_root(doc[anchor])
    path_trigger = path_to_root(doc[trigger.head_i])
    common = set(path_time) & set(path_trigger)
    for index in path_time[:3]:
        word = doc[index]
        if word.lemma_.lower() in REPORTING_VERBS or word.lower_ == "according":
            return True
        if index in common or word.dep_ not in {"prep", "pobj", "npadvmod", "advmod", "compound", "nmod"}:
            break
    if doc[time_root].dep_ in {"nsubj", "nsubjpass", "attr", "dobj"}:
        return True  # "2011 was a lean year": the time is what the clause is about, not when it happens
    for index in path_time:
        if index in common:
            break
        if doc[index].dep_ == "relcl":
            return True  # a relative clause's time dates that clause ("the jet they plan to fly in May")
    for path in (path_trigger, path_time):
        for index in path:
            if index in common:
                break
            clause = doc[index]
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKERS for c in clause.children
            ):
                return True
    for index in path_trigger:
        if index in common:
            break
        clause = doc[index]
        if (
            clause.dep_ == "conj"
            and clause.head.i == anchor
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        ):
            return True
    return False


def _crosses_complement(doc: Doc, a: int, b: int) -> bool:
    """Whether the tree path between two tokens enters or leaves a reported or complement clause."""
    return any(
        doc[index].dep_ in COMPLEMENT_EDGES and not free_relative(doc[index]) and not misread_coordination(doc[index])
        for index in path_between(doc, a, b)
    )


# Units of a stretch an event noun is measured in: "three days of consultations", "months of haggling".
STRETCH_UNITS = frozenset({"hour", "day", "night", "week", "month", "year"})


# Verbs by which one event brings about another: "the talks produced a prisoner exchange".
OUTCOME_VERBS = frozenset({"produce", "yield", "deliver", "secure", "bring", "result", "lead", "clinch"})
OUTCOME_PREPS = frozenset({"in", "to", "about"})


def _outcome_host(doc: Doc, trigger: Trigger, dated: dict[int, Binding]) -> Binding | None:
    """ "Talks in Geneva in May produced a prisoner exchange", "the summit resulted in a truce": what an event
    brings about is told as happening with it, so it takes that event's date."""
    token = doc[trigger.i]
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ in OUTCOME_PREPS:
        verb = verb.head  # "resulted in a truce", "led to an exchange"
    elif token.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in OUTCOME_VERBS or verb.pos_ != "VERB":
        return None
    subjects = [c.i for c in verb.children if c.dep_ == "nsubj"]
    return next((dated[i] for i in subjects if i in dated), None)


def _days_up_to(doc: Doc, trigger: Trigger, time: TimeExpression) -> TimeExpression:
    """ "agreed to a ceasefire on Saturday after four days of strikes": the days the act ran, up to the host's day."""
    token = doc[trigger.i]
    if time.precision != "day" or time.lower is None:
        return time
    stretch = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if stretch is not None and stretch.lemma_.lower() != "day":
        stretch = None  # "after a night of talks": no count of days
    if stretch is None and token.head.lower_ in RUN_UP_PREPS:
        # "after a two-month standoff": the stretch the noun's own measure gives ends on the host's day ("during a
        # four-day tour" holds the host's day somewhere inside it).
        stretch = next(
            (c for c in token.children if c.dep_ in {"compound", "amod"} and c.lemma_.lower() in UNIT_DAYS), None
        )
    if stretch is None:
        return time
    count, unit = _count_of(stretch), UNIT_DAYS[stretch.lemma_.lower()]
    if not 1 < count * unit <= LONGEST_RUN_UP_DAYS:
        return time
    start = time.lower - timedelta(days=count * unit - 1)
    return _days_between(time, start, time.lower)


# Days in a unit of a stretch's measure, and the longest stretch read back from a host's day.
UNIT_DAYS = DAY_MEASURES | {"month": 30, "year": 365}
RUN_UP_PREPS = frozenset({"after", "following"})
LONGEST_RUN_UP_DAYS = 366


def _bare_back_reference(noun: Token) -> bool:
    """ "after the incident", "following this clash": an event noun with nothing but "the", "this" or "that"
    points back at an act the text has told (or takes as known); it says nothing of its own to date."""
    children = list(noun.children)
    return bool(children) and all(c.dep_ == "det" and c.lower_ in POINTING_DETS for c in children)


def _temporal_host(doc: Doc, trigger: Trigger, dated: dict[int, Binding]) -> Binding | None:
    """The dated event that a background event ("after the shootdown of ...") is attached to, or that brings it
    about (:func:`_outcome_host`). Not one that a "since" names: it lies before the host, by any time ("the
    first call since the war")."""
    outcome = _outcome_host(doc, trigger, dated)
    if outcome is not None:
        return outcome
    token = doc[trigger.i]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in STRETCH_UNITS:
        token = token.head.head  # "after three days of consultations", "after months of haggling"
    if token.dep_ != "pobj" or token.head.lower_ not in TEMPORAL_RELATION_PREPS or token.head.lower_ == "since":
        return None
    if _bare_back_reference(token):
        return None  # "expelled two envoys after the incident": an act told before, not one dated here
    for index in path_to_root(token.head)[1:]:
        if index in dated:
            return dated[index]
        for binding in dated.values():
            if binding.trigger.head_i == index:
                return binding
    return None
