"""The extraction pipeline: clean text in, dated and cited events out.

``extract`` reads already-clean text; ``extract_document`` cleans an HTML or plain-text page first;
``extract_many`` streams many articles through one ``nlp.pipe``. spaCy runs once per article; every later
step reads the same Doc.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from events.domain.vocabulary import EVENT_TYPES, ActorKind, ActorRole, DateBasis, EventStatus, EventType, PlaceKind
from events.extraction.actors import AliasTable, find_actors
from events.extraction.analysis import parse_texts, pipeline_for
from events.extraction.binding import (
    REALIZING_VERBS,
    REPORTING_VERBS,
    SCHEDULE_WORDS,
    Binding,
    bind,
    in_order,
    measured_from_lent,
    usable,
)
from events.extraction.cleaning import clean_document
from events.extraction.confidence import ConfidenceEvidence, confidence_of
from events.extraction.config import ExtractionConfig
from events.extraction.dateline import inside_dateline
from events.extraction.doc_views import doc_text, headline_chars, sentences
from events.extraction.gazetteer import country_code
from events.extraction.narrative import Plan, coreferent_dates, narrative_dates, offset_dates
from events.extraction.person_names import part_of_name
from events.extraction.places import abroad_of_dateline, find_place, gapped_place, place_is_stated
from events.extraction.status import (
    PLAN_PARTICIPLES,
    decide_status,
    gathering_kind,
    governing_chain,
    has_schedule_modality,
    is_hedged,
    participation_called_off,
    participle_change,
)
from events.extraction.timex.tense import CHANGE_VERBS, FUTURE_AUX
from events.extraction.titles import make_title
from events.extraction.tree import measured_phrase, placing_preposition
from events.extraction.triggers import (
    DONE_BY_ANNOUNCING,
    GATHERING_TYPES,
    NOUNS,
    Trigger,
    deciding_noun,
    find_triggers,
    noun_lemma,
    verb_read_as_plural_noun,
)
from events.extraction.types import Actor, ArticleExtraction, Citation, ExtractedEvent, Location, PublishedSource

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from events.extraction.timex import TimeExpression

log = logging.getLogger(__name__)

_BARE_SPAN = re.compile(
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)",
    re.IGNORECASE,
)

# Acts counted over a period: "have died since April", "arrests since 2019".
TALLY_LEMMAS = frozenset({"kill", "killing", "arrest", "detain", "abduct", "kidnap", "shelling"})
# A period of at least this many days (a month, a season, a year) is a loose date for one act.
LOOSE_DAYS = 27
# Statuses of a plan that did not go ahead as planned.
CHANGED_STATUSES = frozenset({EventStatus.POSTPONED, EventStatus.CANCELLED})
# The lead: the sentences where a wire story gives its news.
LEAD_SENTENCES = 2
# Tags of a verb with a tense of its own (past, present, modal).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# How many days before the publication day a lead's act can be told with its own date.
LEAD_ECHO_DAYS = 7
# Auxiliaries that make a perfect no present perfect: "will have met", "would have gone", "had".
PRESENT_PERFECT_BLOCKERS = frozenset({"will", "would", "could", "should", "might", "may", "must", "had", "to"})
# Words that open a clause happening at the time of the clause it hangs on.
SIMULTANEOUS_MARKS = frozenset({"as", "when"})  # "while" often contrasts: "X went to A, while Y went to B"
# What an act can happen within: "during her visit", "on the sidelines of the meeting", "at the margins of".
WITHIN_PREPS = frozenset({"during", "at", "on"})
MARGIN_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins"})
# Arrivals and visits set the scene for what the visitor does over the next days.
SCENE_LEMMAS = frozenset({"arrive", "arrival", "visit", "land"})


def _since_start(time: TimeExpression) -> tuple[str, str | None]:
    """ "imprisoned since 2012" dates the start of the state: the event is the 2012 imprisonment."""
    edtf = time.edtf or ""
    if time.signal == "since" and "/" in edtf:
        start = edtf.split("/", 1)[0]
        if start not in {"", ".."}:
            return start, None
    return edtf, time.precision


def _bound_too_loosely(binding: Binding, config: ExtractionConfig) -> bool:
    """A time far from its trigger in the tree rarely dates it; a date taken from a host event has no
    distance of its own to judge."""
    if binding.inherited:
        return False
    reach = (
        config.max_reporting_binding_distance
        if binding.trigger.type is EventType.STATEMENT
        else config.max_binding_distance
    )
    return binding.distance > reach


def _bounds_of(edtf: str, time: TimeExpression) -> tuple[date | None, date | None, str | None]:
    from events.domain.edtf_bounds import bounds

    if edtf == time.edtf:
        return time.lower, time.upper, time.precision
    found = bounds(edtf)
    if found is None:
        return time.lower, time.upper, time.precision
    return found


def _events_in(doc: Doc, published: date, config: ExtractionConfig) -> list[ExtractedEvent]:
    from events.extraction.timex import find_time_expressions

    times = find_time_expressions(doc, published)
    aliases = AliasTable.build(doc)
    events: list[ExtractedEvent] = []
    plans: list[Plan] = []
    time_index = 0
    told = 0  # sentences with a verb so far: a dateline or a wire's credit set apart ("MOSCOW, May 2.") tells no news
    for rank, sentence in enumerate(sentences(doc)):
        sentence_times: list[TimeExpression] = []
        while time_index < len(times) and times[time_index].start < sentence.end_char:
            if times[time_index].start >= sentence.start_char:
                sentence_times.append(times[time_index])
            time_index += 1
        # "TEL AVIV, June 19 (UPI) --": the filing date dates none of the sentence's events.
        sentence_times = [t for t in sentence_times if not inside_dateline(sentence, t.start)]
        lead = told < LEAD_SENTENCES
        # A standfirst of participles ("Fowle, held since May, flown home after release") tells no news either.
        told += any(t.pos_ == "AUX" or (t.pos_ == "VERB" and t.tag_ in FINITE_TAGS) for t in sentence)
        triggers = find_triggers(sentence)
        if not triggers and not sentence_times:
            continue  # a dated sentence can still report an official reaction ("the ministry said Tuesday")
        bound = bind(doc, triggers, sentence_times)
        bound = _within_hosts(
            doc,
            triggers,
            _said_ahead(
                doc,
                triggers,
                _future_time_of_done_act(doc, _past_time_of_future_act(doc, bound, published), published),
                published,
            ),
        )
        bindings, shared = _share_coordinated_dates(doc, triggers, bound)
        if lead:
            bindings = _lead_news(doc, sentence, triggers, bindings, published)
        plans.append(Plan(rank, sentence, triggers, bindings, sentence_times, shared, lead=lead))
    _date_from_elsewhere(doc, plans, published)
    _lead_nouns_of_the_day(doc, plans, published)
    _lead_past_of_the_day(doc, plans, published)
    for plan in plans:
        windows = _partner_windows(plan.sentence, plan.bindings)
        for binding in plan.bindings:
            event = _event_from(
                doc,
                binding,
                plan.sentence,
                published,
                aliases,
                config,
                shared=binding.trigger.i in plan.shared,
                rank=plan.rank,
                window=windows.get(id(binding)),
            )
            if event is not None:
                events.append(event)
    return _drop_loose_mentions(
        _fold_last_days(doc, _fold_first_days(_fold_refinements(doc, _merge_duplicates(_carry_scene(events, config)))))
    )


def _date_from_elsewhere(doc: Doc, plans: list[Plan], published: date) -> None:
    """Acts with no time in their sentence, dated from the narrative or from an event dated nearby (see
    :mod:`events.extraction.narrative`). An event noun that only names an event told elsewhere is no new
    event: it lends that event's date to the acts inside it ("during her trip") or measured from it ("two
    days after the vote")."""
    referents = coreferent_dates(doc, plans)
    # What each sentence's event nouns borrow from events told elsewhere, by sentence rank.
    lent_by_rank = {plan.rank: [r for t in plan.triggers if (r := referents.get(t.i)) is not None] for plan in plans}
    for plan in plans:
        lent = lent_by_rank[plan.rank]
        if not lent:
            continue
        dated = plan.dated()
        hosted = _within_hosts(doc, plan.triggers, [*plan.bindings, *lent])
        added = [
            replace(b, basis=b.basis or DateBasis.INFERRED.value, inherited=True)
            for b in hosted
            if b.trigger.i not in dated and b.trigger.i not in referents
        ]
        # "will skip the Ostra summit ... the summit on Friday": the mention names the summit told nearby, but what
        # it says (taking part called off, the summit put off) is news of its own, on the summit's date.
        # In one sentence ("had intended to travel in May before the trip was put off") the change already
        # reaches the event it names.
        sentence = plan.sentence
        added += [
            r
            for r in lent
            if r.trigger.i not in dated
            and not sentence.start_char <= r.time.start < sentence.end_char
            and _changes_what_it_names(doc, r, published)
        ]
        plan.bindings = in_order([*plan.bindings, *added, *offset_dates(doc, plan, referents)])
    narrative_dates(doc, plans, published)
    # "The swap came two days after drones struck ...", the swap told paragraphs before (beyond the story's
    # reach): measured from the day of the event the noun names.
    for plan in plans:
        lent = lent_by_rank[plan.rank]
        if lent:
            measured = measured_from_lent(doc, plan.triggers, lent, plan.dated() | set(referents))
            plan.bindings = in_order([*plan.bindings, *measured])


def _changes_what_it_names(doc: Doc, referent: Binding, published: date) -> bool:
    status = decide_status(doc, referent.trigger, referent.time, published)
    return status in {EventStatus.CANCELLED, EventStatus.POSTPONED}


def _partner_windows(sentence: Span, bindings: list[Binding]) -> dict[int, tuple[int, int]]:
    """ "meet A on Sunday, B and C on Monday": one trigger dated twice is two events, and each meets the
    people named in its clause before its own time, after the time before it (token positions, end excluded)."""
    by_trigger: dict[int, list[Binding]] = {}
    for binding in bindings:
        by_trigger.setdefault(binding.trigger.i, []).append(binding)
    windows: dict[int, tuple[int, int]] = {}
    for group in by_trigger.values():
        if len({b.time.start for b in group}) < 2:
            continue
        # From the start of the act's own clause: "Russia vetoed a text on Friday, and the United States vetoed
        # two texts in October and February": October's veto is not Russia's.
        start = max(sentence.start, sentence.doc[group[0].trigger.head_i].left_edge.i)
        for binding in sorted(group, key=lambda b: b.time.start):
            windows[id(binding)] = (start, binding.time.token_start)
            start = binding.time.token_end
    return windows


def _news_of_the_day(sentence: Span, published: date) -> TimeExpression:
    from events.extraction.timex import TimeExpression

    day = published.isoformat()
    return TimeExpression(
        text="",
        start=sentence.start_char,
        end=sentence.start_char,
        token_start=sentence.start,
        token_end=sentence.start,
        timex_type="DATE",
        value=day,
        edtf=day,
        lower=published,
        upper=published,
        precision="day",
    )


# Verbs whose object is a measure that the ordering itself sets going: "has ordered the closure of the embassy".
ORDERING_VERBS = frozenset({"order", "decree", "announce"})
# What an announcement sets for later, not going at once: "has announced talks", "has announced a visit".
HELD_LATER_TYPES = frozenset(
    {EventType.VISIT, EventType.MEETING, EventType.TALKS, EventType.SUMMIT, EventType.PHONE_CALL, EventType.ELECTION,
     EventType.INAUGURATION, EventType.MILITARY_EXERCISE, EventType.WEAPONS_TEST}
)  # fmt: skip


def _lead_news(
    doc: Doc, sentence: Span, triggers: list[Trigger], bindings: list[Binding], published: date
) -> list[Binding]:
    """ "Turkey says it has summoned the Russian ambassador": an act in the present perfect in a story's lead,
    with no time of its own, is the news of the publication day; so is a measure a verb of ordering in the
    present perfect takes for its object or infinitive ("has ordered the recall of its ambassador", "has ordered
    police to expel him")."""
    dated = {b.trigger.i for b in bindings}
    added: list[Binding] = []
    for trigger in triggers:
        verb = doc[trigger.i]
        if trigger.i in dated:
            continue
        if trigger.nominal:
            verb = doc[trigger.head_i]
            ordered = doc[trigger.i].dep_ == "dobj" and verb.lemma_.lower() in ORDERING_VERBS
            if not ordered or trigger.type in HELD_LATER_TYPES:
                continue
        elif (decision := deciding_noun(verb, trigger)) is not None:
            verb = decision.head  # "has announced the decision to cut ties"
        elif (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ORDERING_VERBS and trigger.type not in HELD_LATER_TYPES
        ):
            verb = verb.head  # "has ordered the guards to deport her"
        elif verb.dep_ == "xcomp" and verb.head.lemma_.lower() in STARTING_VERBS:
            verb = verb.head  # "has started evacuating its embassy"
        # A verb joined to another shares its auxiliaries: "has revoked his immunity and ordered ...".
        # (the tagger may read the second participle as a simple past).
        joined = verb.dep_ == "conj" and verb.head.tag_ == "VBN" and verb.tag_ in {"VBN", "VBD"}
        carriers = [verb, verb.head] if joined else [verb]
        aux = {c.lower_ for carrier in carriers for c in carrier.children if c.dep_ in {"aux", "auxpass"}}
        participle = verb.tag_ == "VBN" or joined
        if participle and aux & {"has", "have", "'s", "'ve"} and not aux & PRESENT_PERFECT_BLOCKERS:
            added.append(Binding(trigger, _news_of_the_day(sentence, published), 1, inherited=True))
    if not added:
        return bindings
    return in_order([*bindings, *added])


# Verbs of starting an act, whose tense is the act's: "has started evacuating", "has begun withdrawing".
STARTING_VERBS = frozenset({"start", "begin"})


def _numbered(noun: Token) -> bool:
    """ "three rounds of talks", "two meetings": a number on the noun, or on the partitive it hangs from."""
    partitive = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    return any(
        c.dep_ == "nummod" or (c.dep_ == "amod" and c.like_num) for word in (noun, partitive) for c in word.children
    )


def _lead_past_of_the_day(doc: Doc, plans: list[Plan], published: date) -> None:
    """ "Zembla expelled two Ostland diplomats, the ministry said", "Zembla scrapped a trip to
    Ostland", a headline's "Zembla expels two diplomats": an act its sentence asserts in the simple past, or
    in a headline's simple present (or the event noun such a verb holds or calls off), in a lead that has told
    no time yet, dated by nothing else in the text, is the news of the publication
    day. A lead that has named a time ("In 2011 the envoys met ...") tells a story of then, and beside a dated
    act an undated one may be a step of it ("a jet fired a missile, and crews started collecting the wreckage
    on Sunday"); neither is today's news. Another mention of the kind dated by a day, or ahead, may be the same
    event told with its date; one dated only by a week, month or year gone by ("the last round was held last
    week") is an earlier one."""
    dated_kinds = {
        (b.trigger.type, b.trigger.lemma)
        for plan in plans
        for b in plan.bindings
        if _may_tell_the_news(b.time.precision, b.time.upper, published)
    }
    # A headline sums up its lead: an act of a kind the lead dates by a day is that act, whatever word it uses
    # ("Zembla, rebels agree truce" above "... late on Friday the two sides put their names to a truce").
    lead_dated = {b.trigger.type for plan in plans if plan.lead for b in plan.bindings if b.time.precision == "day"}
    for plan in plans:
        # A span that dates nothing ("the heaviest clashes in years") names no time of the story.
        if any(usable(t) for t in plan.times) or not plan.lead:
            break
        dated = plan.dated()
        added: list[Binding] = []
        for trigger in plan.triggers:
            if trigger.i in dated or (trigger.type, trigger.lemma) in dated_kinds:
                continue
            if trigger.type in lead_dated and _in_headline(doc[trigger.i]):
                continue
            if trigger.nominal and (_changed_in_headline(doc[trigger.i]) or _under_way(doc[trigger.i], trigger.type)):
                added.append(Binding(trigger, _news_of_the_day(plan.sentence, published), 1, inherited=True))
                continue
            # The noun that stands in the clause: "began a fresh round of talks" holds the round.
            token = measured_phrase(doc[trigger.i])
            verb = token.head if trigger.nominal else token
            if trigger.nominal and (token.dep_ != "dobj" or not _realized_by(verb, token)):
                continue
            # "Colombia, Venezuela restore ties": a headline's plain form with a subject is its present.
            base_present = verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children)
            present = verb.tag_ in {"VBZ", "VBP"} or base_present or verb_read_as_plural_noun(verb)
            told_then = verb.tag_ == "VBD" or (present and _in_headline(verb))
            auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
            if _news_present_progressive(verb, auxiliaries) and _asserted(verb):
                # "Zembla is recalling its ambassadors": the news present, done as the story is told.
                added.append(Binding(trigger, _news_of_the_day(plan.sentence, published), 1, inherited=True))
            elif told_then and not auxiliaries and _asserted(verb):
                added.append(Binding(trigger, _news_of_the_day(plan.sentence, published), 1, inherited=True))
        if added:
            plan.bindings = in_order([*plan.bindings, *added])


# Prepositions by which someone is in the course of a trip or gathering: "is on a visit to", "is in Rome for
# talks", "are at a summit"; and the nouns of a phase of one ("is at the start of a tour of Asia").
UNDER_WAY_PREPS = frozenset({"on", "for", "at"})
UNDER_WAY_TYPES = HELD_LATER_TYPES - {EventType.ELECTION, EventType.INAUGURATION, EventType.WEAPONS_TEST}


def _under_way(noun: Token, event_type: EventType) -> bool:
    """ "Merkel is on a trip to China", "the envoy is in Lima for talks", "is at the start of a visit": a trip or
    gathering that the lead's present "be" puts someone in is going on as the story is told."""
    if event_type not in UNDER_WAY_TYPES or noun.dep_ != "pobj":
        return False
    prep = placing_preposition(noun)  # "at the start of a tour": "at"
    copula = prep.head
    if prep.lower_ not in UNDER_WAY_PREPS or copula.lemma_ != "be" or copula.tag_ not in {"VBZ", "VBP"}:
        return False
    auxiliaries = [c for c in copula.children if c.dep_ in {"aux", "auxpass", "neg"}]
    return not auxiliaries and any(c.dep_ == "nsubj" for c in copula.children) and _asserted(copula)


def _news_present_progressive(verb: Token, auxiliaries: list[Token]) -> bool:
    """ "Zembla is recalling its envoy", "the two states are restoring ties": an "-ing" form with only "is",
    "are" or "'s"/"'re" for auxiliary, no modal, perfect or past."""
    return verb.tag_ == "VBG" and [a.lower_ for a in auxiliaries] in (["is"], ["are"], ["'s"], ["'re"])


def _realized_by(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` carries out the act its object ``noun`` names: "held talks", "imposed an embargo", and
    the acts done by announcing them ("announced the expulsion of the ambassador")."""
    lemma = verb.lemma_.lower()
    return lemma in REALIZING_VERBS or (lemma == "announce" and noun.lemma_.lower() in DONE_BY_ANNOUNCING)


def _changed_in_headline(noun: Token) -> bool:
    """ "... as regional summit called off", "Border talks postponed": a headline's event noun with a bare
    participle of calling off or putting off is news just done, as a headline's simple present is."""
    return _in_headline(noun) and participle_change(noun) is not None


def _may_tell_the_news(precision: str | None, upper: date | None, day: date) -> bool:
    """Whether a dated telling may be of the news of ``day``: one dated by a day, or reaching that day or later;
    not one dated only by a week, month or year gone by ("an earlier round ended last week", "last autumn")."""
    return precision == "day" or upper is None or upper >= day


def _in_headline(token: Token) -> bool:
    """Whether the token stands in a headline: the text's first line, with no closing stop ("Ostland expels two
    Zembla diplomats"), whose simple present tells news just done. (The parser often runs it into the lead.)"""
    return token.idx < headline_chars(token.doc)


def _asserted(verb: Token) -> bool:
    """A verb that tells what its sentence asserts: the root, a verb joined to it, or the clause a reporting
    root reports ("Chile recalled its envoy, the ministry said"); not a clause that only sets the scene
    ("after Peru closed the border", "the envoy, who arrived in May").

    A lead's simple past with no time of its own ("Zembla expelled two diplomats") is the day's news."""
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.lemma_.lower() in REPORTING_VERBS


# Verbs that hold, open or take up again the event noun they take for object: of :data:`REALIZING_VERBS`, not
# those that stop or put off ("have suspended talks" is news whose day the lead does not tell).
HOLDING_VERBS = REALIZING_VERBS - CHANGE_VERBS - frozenset({"halt", "freeze", "break"})


def _lead_nouns_of_the_day(doc: Doc, plans: list[Plan], published: date) -> None:
    """ "A planned meeting between the two delegations has been cancelled": an event noun that is the subject of
    a present perfect passive in a story's lead, dated by nothing in the text (the time it was planned for comes
    first, from wherever the text gives it), is the news of the publication day. Not a plan ("a summit has been
    planned"): what is only arranged has no day yet. So is one a verb of :data:`HOLDING_VERBS` takes for its
    object in the present perfect ("have resumed talks in Jeddah"); not one counted ("have held
    three rounds of talks"), which sums up."""
    # Kinds of event the text dates somewhere: a lead's undated mention of one may be the same gathering, told
    # with its date further down ("Talks ... have been postponed. The talks had been due to open next Tuesday").
    dated_kinds = {(b.trigger.type, b.trigger.lemma) for plan in plans for b in plan.bindings}
    for plan in plans:
        if not plan.lead:
            continue
        dated = plan.dated()
        added: list[Binding] = []
        for trigger in plan.triggers:
            noun, verb = doc[trigger.i], doc[trigger.i].head
            if not trigger.nominal or trigger.i in dated or (trigger.type, trigger.lemma) in dated_kinds:
                continue
            aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
            held = noun.dep_ == "dobj" and verb.lemma_.lower() in HOLDING_VERBS and not _numbered(noun)
            if not (noun.dep_ == "nsubjpass" or held) or verb.i != trigger.head_i:
                continue
            perfect = aux & {"has", "have", "'s", "'ve"} and not aux & PRESENT_PERFECT_BLOCKERS
            if verb.tag_ == "VBN" and perfect and verb.lemma_.lower() not in PLAN_PARTICIPLES:
                added.append(Binding(trigger, _news_of_the_day(plan.sentence, published), 1, inherited=True))
        if added:
            plan.bindings = in_order([*plan.bindings, *added])


def _future_clause(doc: Doc, trigger: Trigger) -> bool:
    """Whether the act is told in the plain future ("will address parliament", "during his visit, he will
    lay flowers"): its verb, the light verb of its noun, or the verb a noun sets, with "will" or "shall"
    (shared by verbs joined with "and")."""
    verb = doc[trigger.head_i]
    if trigger.nominal and trigger.head_i == trigger.i:
        noun = verb
        if noun.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    # A bare verb joined to another shares its auxiliary ("will address parliament and lay flowers"); a
    # conjunct with a tense of its own ("will be his first visit, and it returns ...") does not.
    carriers = [verb, verb.head] if verb.dep_ == "conj" and verb.tag_ == "VB" else [verb]
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for t in carriers for c in t.children)


def _past_time_of_future_act(doc: Doc, bindings: list[Binding], published: date) -> list[Binding]:
    """ "During his visit he will lay flowers to honour those who fell in the early nineties": a time wholly
    before the publication day cannot date an act told in the plain future; it dates something else the
    sentence tells. A time inside an event noun's own phrase is its own ("the embargo, the longest since Iraq's
    invasion of Kuwait in August 1990, will take effect")."""
    kept = []
    for b in bindings:
        noun = doc[b.trigger.i]
        own = b.trigger.nominal and noun.left_edge.i <= b.time.token_start <= noun.right_edge.i
        ahead = _future_clause(doc, b.trigger) or _scheduled_now(doc, b.trigger)
        if own or b.time.upper is None or b.time.upper >= published or not ahead:
            kept.append(b)
    return kept


# Present forms of "be" that make a schedule word tell a plan standing now: "is scheduled", "are due".
PRESENT_BE = frozenset({"is", "are", "'s", "'re", "am"})


def _scheduled_now(doc: Doc, trigger: Trigger) -> bool:
    """ "The extra summit is planned to coincide with the parade for the revolution of March 3, 1975": an
    event a schedule word in the present sets (its subject, or its infinitive) lies ahead, so a time wholly
    before publication is another act's."""
    noun_or_verb = doc[trigger.i]
    word = noun_or_verb.head
    if not (
        (trigger.nominal and noun_or_verb.dep_ == "nsubjpass") or (not trigger.nominal and noun_or_verb.dep_ == "xcomp")
    ):
        return False
    if word.lemma_.lower() not in SCHEDULE_WORDS:
        return False
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in PRESENT_BE for c in word.children)


def _act_clause_of(clause: Token, verb: Token) -> bool:
    """Whether ``clause`` is a clause ``verb`` holds that tells a further act of its own: an infinitive ("called
    her to invite her on Thursday") or a finite complement. A participle ("imposed curbs starting August 1")
    tells when the verb's own measure starts."""
    if clause.head.i != verb.i or clause.i == verb.i:
        return False
    return clause.dep_ == "ccomp" or (
        clause.dep_ in {"xcomp", "advcl"} and any(c.tag_ == "TO" and c.dep_ == "aux" for c in clause.children)
    )


def _future_time_of_done_act(doc: Doc, bindings: list[Binding], published: date) -> list[Binding]:
    """ "has called Quispe to invite her to the palace on Thursday": a time wholly after publication, inside a
    clause the verb holds, cannot date an act told as done (simple past or present perfect); it dates the act
    of that clause."""
    kept = []
    for b in bindings:
        verb = doc[b.trigger.head_i]
        governor = b.time.governor_i
        done = verb.tag_ == "VBD" or (
            verb.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'s", "'ve"} for c in verb.children)
        )
        inside = (
            governor is not None
            and governor != verb.i
            and any(_act_clause_of(t, verb) for t in (doc[governor], *doc[governor].ancestors))
        )
        # Nor by a time ahead that another noun owns ("has frozen its ties, down to staying away from next autumn's
        # fair": the fair's autumn); a measure's own start still dates it ("imposed curbs starting August 1").
        root = doc[b.time.token_start : b.time.token_end].root
        owned = root.dep_ in {"poss", "compound", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"}
        elsewhere = owned and not b.trigger.nominal and root.head.i != b.trigger.i
        if done and (inside or elsewhere) and b.time.lower is not None and b.time.lower > published:
            continue
        kept.append(b)
    return kept


def _said_ahead(doc: Doc, triggers: list[Trigger], bindings: list[Binding], published: date) -> list[Binding]:
    """ "announced on Monday the president's visit early next year": what was said in the past cannot happen
    after the publication date, so a later time dates the event it announces (its object), else nothing."""
    objects = {t.head_i: t for t in triggers if t.nominal}
    for t in triggers:
        if t.nominal and doc[t.i].dep_ == "dobj":
            objects.setdefault(doc[t.i].head.i, t)
    kept: list[Binding] = []
    for binding in bindings:
        trigger, time = binding.trigger, binding.time
        said = trigger.type is EventType.STATEMENT and not trigger.nominal and doc[trigger.i].tag_ == "VBD"
        if not (said and time.lower is not None and time.lower > published):
            kept.append(binding)
            continue
        said_object = objects.get(trigger.i)
        if (
            said_object is not None
            and said_object.i != trigger.i
            and not any(b.trigger.i == said_object.i for b in bindings)
        ):
            kept.append(Binding(said_object, time, binding.distance + 1))
    return in_order(kept)


def _host_events(doc: Doc, token: Token, *, at_too: bool = False) -> list[int]:
    """Event nouns an act happens within: "during her visit", "on the sidelines of the meeting"; with
    ``at_too``, "at the summit" too (an act other than a gathering: "signed a pact at the summit"; a
    meeting "at a summit" is most often the summit itself)."""
    found: list[int] = []
    # "The council at a session on Friday approved ...": the parser hangs a phrase set between the subject
    # and its verb on the subject; it tells where the verb's act happened.
    between = [
        c
        for s in token.children
        if s.dep_ == "nsubj" and token.pos_ == "VERB"
        for c in s.children
        if s.i < c.i < token.i and c.lower_ != "on"
    ]
    for child in [*token.children, *between]:
        if child.dep_ != "prep" or child.lower_ not in WITHIN_PREPS:
            continue
        for noun in (g for g in child.children if g.dep_ == "pobj"):
            if noun.tag_ == "WDT" and token.dep_ == "advcl" and child.lower_ == "during":
                # The parser hung "during which ..." on the verb: what that verb did to an event noun.
                found += [o.i for o in token.head.children if o.dep_ in {"dobj", "nsubj", "nsubjpass"}]
                continue
            if noun.tag_ == "WDT" and token.dep_ == "relcl":
                noun = token.head  # "a visit during which the two sides signed 14 agreements": the visit
            if noun.lemma_.lower() in MARGIN_NOUNS:
                found += [x.i for p in noun.children if p.lower_ == "of" for x in p.children]
            elif child.lower_ == "during" or (child.lower_ == "at" and at_too):
                found.append(noun.i)
    return found


def _within_hosts(doc: Doc, triggers: list[Trigger], bindings: list[Binding]) -> list[Binding]:
    """ "is expected to meet the president during her visit in June": an undated act inside a dated event
    takes its date (a meeting is no later than the visit it happens during)."""
    bindings = _host_over_borrowed(doc, bindings)
    dated = {b.trigger.i: b for b in bindings}
    added: list[Binding] = []
    for trigger in triggers:
        # A noun counts through its light verb: "will hold talks during her visit".
        if trigger.i in dated or (trigger.nominal and trigger.head_i == trigger.i):
            continue
        # The host may hang on the light verb or on the noun itself ("held talks on the sidelines of ...").
        at_too = trigger.type not in GATHERING_TYPES
        hosts = _host_events(doc, doc[trigger.head_i], at_too=at_too)
        if trigger.nominal and trigger.i != trigger.head_i:
            hosts += _host_events(doc, doc[trigger.i], at_too=at_too)
        host = next((dated[i] for i in hosts if i in dated), None)
        if host is not None:
            added.append(Binding(trigger, host.time, host.distance + 1, basis=host.basis))
    for trigger in triggers:
        act = _act_done_at(doc, trigger, dated) if trigger.i not in dated else None
        if act is not None:
            added.append(Binding(trigger, act.time, act.distance + 1, inherited=True, basis=act.basis))
    if not added:
        return bindings
    return in_order([*bindings, *added])


def _host_over_borrowed(doc: Doc, bindings: list[Binding]) -> list[Binding]:
    """ "said on Thursday, under an agreement signed during Xi's visit in May": an act dated only by a time
    outside its own phrase, inside an event it names with "during" that has a date of its own, is of that
    event's date."""
    dated = {b.trigger.i: b for b in bindings}
    kept: list[Binding] = []
    for binding in bindings:
        token = doc[binding.trigger.head_i]
        borrowed = not token.left_edge.i <= binding.time.token_start <= token.right_edge.i
        host = (
            next(
                (dated[i] for i in _host_events(doc, token) if i in dated and i != binding.trigger.i),
                None,
            )
            if borrowed
            else None
        )
        if host is None or host.time.start == binding.time.start:
            kept.append(binding)
        else:
            kept.append(Binding(binding.trigger, host.time, host.distance + 1, basis=host.basis))
    return kept


def _act_done_at(doc: Doc, trigger: Trigger, dated: dict[int, Binding]) -> Binding | None:
    """ "signed a pact at the summit in Oslo on Monday": the dated act (not itself a gathering) done at a gathering
    named with "at" or "during"; the gathering was going on that day."""
    noun = doc[trigger.i]
    if not trigger.nominal or trigger.type not in GATHERING_TYPES or noun.dep_ != "pobj":
        return None
    if noun.head.lower_ not in {"at", "during"}:
        return None
    act = dated.get(noun.head.head.i)
    # "met at the forum": a meeting at a gathering is told as that meeting; the gathering is its setting.
    return act if act is not None and act.trigger.type not in GATHERING_TYPES else None


def _fronted(doc: Doc, binding: Binding) -> bool:
    """Whether the time opens its clause, before the subject ("In 2019 mines hit ..."), and so scopes over
    the clauses joined to it; a time after the verb ("called on June 22 and both sides agreed") does not."""
    verb = doc[binding.trigger.head_i]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    time = binding.time
    # "In 2019 mines were ...": the parser may hang the year on the subject; its own words start after it.
    starts = [
        min((t.i for t in s.subtree if not time.token_start <= t.i < time.token_end), default=s.i) for s in subjects
    ]
    return bool(subjects) and time.token_end <= min(starts)


def _simultaneous_host(verb: Token, dated: dict[int, Binding]) -> Binding | None:
    """ "In March the navies faced off just as the president was visiting Manila": a clause opened by "as" or
    "when" happens at the time of the dated event it hangs on."""
    if verb.dep_ != "advcl" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}}
    # "expelled the envoy while freezing all trade": an "-ing" clause with no subject of its own is a second act
    # of the same doer at the same time; "while" with a subject ("while Peru stayed away") contrasts.
    shared = verb.tag_ == "VBG" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if not (marks & SIMULTANEOUS_MARKS or ("while" in marks and shared)):
        return None
    return dated.get(verb.head.i)


def _simultaneous_clause(verb: Token, dated: dict[int, Binding]) -> Binding | None:
    """ "signed the accord when they met in Oslo on Friday", "are due to sign it when they meet on Friday": an
    act with no time of its own happens at the time of the dated "when" or "as" clause it governs."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.i in dated and _simultaneous_host(clause, {verb.i: dated[clause.i]}):
            return dated[clause.i]
    return None


def _marked(clause: Token) -> bool:
    """Whether a clause is opened by a word that relates it in time or cause ("after meeting", "before
    leaving", "by agreeing")."""
    return any(c.dep_ in {"mark", "prep"} and c.i < clause.i for c in clause.children) or clause.head.pos_ == "ADP"


# Participles that tell an act the clause's act brought about: "violated the airspace on Friday, prompting Lima to
# summon the envoy", "forcing the airline to cancel flights".
CAUSING_VERBS = frozenset({"prompt", "force", "lead", "cause", "spur", "push", "compel", "drive"})


def _caused_by(verb: Token, dated: dict[int, Binding]) -> Binding | None:
    """The dated act that brought about the act a causing participle's complement tells ("..., prompting Tallinn
    to summon the envoy"): its own head's, or, where the parser hung the participle on a verb of saying, the
    dated act that verb reports."""
    cause = verb.head
    if verb.dep_ != "xcomp" or cause.tag_ != "VBG" or cause.dep_ != "advcl" or _marked(cause):
        return None
    if cause.lemma_.lower() not in CAUSING_VERBS:
        return None
    host = cause.head
    return dated.get(host.i) or next((dated[c.i] for c in host.children if c.dep_ == "ccomp" and c.i in dated), None)


def _subject_taken_up(verb: Token) -> bool:
    """Whether the verb's subject is, or is joined to, a personal pronoun ("he and Mitsotakis signed")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(w.lower_ in {"he", "she", "they"} for s in subjects for w in (s, *s.conjuncts))


def _refused_act_time(doc: Doc, trigger: Trigger, dated: dict[int, Binding]) -> Binding | None:
    """ "Peru refused to sign the accord on Wednesday": the parser hangs the day on the act refused, which
    does not take place; a day gone by dates the refusal (a day ahead would be the refused act's own)."""
    if trigger.type is not EventType.REJECTION or trigger.nominal:
        return None
    for clause in (c for c in doc[trigger.i].children if c.dep_ == "xcomp"):
        found = dated.get(clause.i)
        if found is not None and found.time.direction != "future" and found.time.precision == "day":
            return found
    return None


def _share_coordinated_dates(
    doc: Doc, triggers: list[Trigger], bindings: list[Binding]
) -> tuple[list[Binding], set[int]]:
    """An undated event joined by "and" to a dated one shares its date when the time opens the first
    clause: "in 2019 mines hit two tankers, a drone was shot down and an oil field was attacked" dates all
    three clauses (each with its own subject), by their nearest dated conjunct."""
    dated: dict[int, Binding] = {}
    for binding in bindings:
        for index in {binding.trigger.i, binding.trigger.head_i}:
            dated.setdefault(index, binding)
    shared: list[Binding] = []
    for trigger in triggers:
        if trigger.i in dated or any(b.trigger.i == trigger.i for b in bindings):
            continue
        own = doc[trigger.head_i]
        host = _simultaneous_host(own, dated) or _simultaneous_clause(own, dated)
        if host is not None:
            shared.append(Binding(trigger, host.time, host.distance + 1, inherited=True))
            continue
        caused = _caused_by(own, dated)
        if caused is not None:
            shared.append(Binding(trigger, caused.time, caused.distance + 1, inherited=True))
            continue
        refused = _refused_act_time(doc, trigger, dated)
        if refused is not None:
            shared.append(Binding(trigger, refused.time, refused.distance + 1, inherited=True))
            continue
        # "met on Wednesday, agreeing to set up a hotline": a participle clause tells what the act came to, at
        # its time. (Other participles tell how or with what result: "expelled a diplomat, accusing him of
        # spying", "attacked a base, killing two", which are no acts of their own.)
        if (
            trigger.type is EventType.AGREEMENT
            and own.tag_ == "VBG"
            and own.dep_ == "advcl"
            and own.head.i in dated
            and not _marked(own)
        ):
            shared.append(Binding(trigger, dated[own.head.i].time, dated[own.head.i].distance + 1, inherited=True))
            continue
        # "by shooting down two jets on Monday and capturing the pilot": gerunds joined under one
        # preposition are steps of one act, at its time.
        gerunds = own.tag_ == "VBG" and own.dep_ == "conj" and own.head.tag_ == "VBG"
        conjuncts = sorted(own.conjuncts, key=lambda c: (abs(c.i - own.i), c.i))
        host = next((dated[c.i] for c in conjuncts if c.i in dated), None)
        if (
            own.pos_ in {"VERB", "AUX"}
            and not gerunds
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in own.children)
            and not (host is not None and own.i > host.time.token_end and _fronted(doc, host))
        ):
            # "met on Monday and then signed a pact": one subject's next step has a time of its own; but a time
            # that opens the clause ("On Friday the envoys met and agreed to ...") scopes over both steps.
            continue
        # "Erdogan arrived in Athens on Thursday, and he and Mitsotakis signed a declaration": a clause of its own
        # joined by "and" to one that tells a day, whose subject takes the first one up again by a pronoun, goes
        # on in that day's scene ("Rebels shelled the airport on Monday and the army attacked a convoy" tells
        # two sides' acts, the second undated).
        scene = (
            host is not None
            and own.dep_ == "conj"
            and own.tag_ == "VBD"
            and host.time.precision == "day"
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in own.head.children)
            and _subject_taken_up(own)
            # an act done to something, not an agreeing to act later ("and they agreed to hold talks")
            and any(c.dep_ == "dobj" for c in own.children)
            and not any(c.dep_ == "xcomp" for c in own.children)
        )
        if host is not None and (gerunds or scene or _fronted(doc, host)):
            shared.append(Binding(trigger, host.time, host.distance + 1, inherited=True))
    if not shared:
        return bindings, set()
    return in_order([*bindings, *shared]), {b.trigger.i for b in shared}


def _event_from(
    doc: Doc,
    binding: Binding,
    sentence: object,
    published: date,
    aliases: AliasTable,
    config: ExtractionConfig,
    *,
    shared: bool = False,
    rank: int = 0,
    window: tuple[int, int] | None = None,
) -> ExtractedEvent | None:
    from spacy.tokens import Span

    assert isinstance(sentence, Span)
    trigger, time = binding.trigger, binding.time
    if trigger.type is EventType.STATEMENT and not config.emit_reporting_statements and binding.distance > 1:
        return None
    status = decide_status(doc, trigger, time, published)
    if status is None:
        return None
    if (
        time.signal == "in"
        and _BARE_SPAN.fullmatch(time.text)
        and not has_schedule_modality(governing_chain(doc, trigger))
    ):
        # "the first to make the trip in five years" is a span, not a date five years ahead: the future
        # reading of "in <n> <units>" needs a clause that is itself about the future.
        return None
    if time.signal == "since" and trigger.lemma in TALLY_LEMMAS:
        return None  # "300 people have died since April" is a tally, not one event
    edtf, _ = _since_start(time)
    if not edtf:
        return None
    lower, upper, precision = _bounds_of(edtf, time)
    if binding.inherited and status is EventStatus.SCHEDULED and lower is not None and lower <= published:
        status = EventStatus.OCCURRED  # a background event before a planned one already happened
    if _bound_too_loosely(binding, config):
        return None
    actors = find_actors(doc, trigger, aliases, window=window)
    location = gapped_place(doc, trigger, time, _said_place(doc, trigger, find_place(doc, trigger)))
    if abroad_of_dateline(doc, trigger, location, actors) or _long_before_the_dateline(doc, trigger, upper, published):
        location = None
    # A date shared by coordinated verbs is the host's own time; one taken from a host event is a guess.
    if binding.basis is not None:  # a date from outside the sentence: the story's time or another event's
        date_basis = DateBasis(binding.basis)
    else:
        date_basis = DateBasis.INFERRED if binding.inherited and not shared else DateBasis(time.basis)
    evidence = ConfidenceEvidence(
        date_basis=date_basis,
        precision=precision,
        distance=binding.distance,
        borrowed_date=binding.inherited,
        nominal=trigger.nominal,
        reporting=trigger.type is EventType.STATEMENT,
        hedged=is_hedged(governing_chain(doc, trigger)),
        actors=len(actors),
        has_place=location is not None and place_is_stated(doc, trigger.i),  # as fitted: a place the text states
        sentence_rank=rank,
    )
    quote_start, quote_end = sentence.start_char, sentence.end_char
    text = doc_text(doc)[quote_start:quote_end]  # == sentence.text, which joins its tokens on every call
    while quote_end > quote_start and text[quote_end - quote_start - 1].isspace():
        quote_end -= 1
    citation = Citation(
        quote=text[: quote_end - quote_start],
        start=quote_start,
        end=quote_end,
        time_text=time.text,
        time_start=time.start,
        time_end=time.end,
    )
    taking_part_off = status is EventStatus.CANCELLED and participation_called_off(
        governing_chain(doc, trigger), trigger
    )
    return ExtractedEvent(
        title=make_title(doc, trigger, actors, location, status, taking_part_off=taking_part_off),
        type=trigger.type,
        status=status,
        date=edtf,
        lower=lower,
        upper=upper,
        precision=precision,
        week=time.week,
        location=location,
        actors=actors,
        citation=citation,
        confidence=confidence_of(evidence),
        rule=trigger.rule + _date_rule(binding, shared=shared),
        trigger_index=trigger.i,
        date_basis=date_basis,
        evidence=evidence,
        taking_part_off=taking_part_off,
    )


def _date_rule(binding: Binding, *, shared: bool) -> str:
    if binding.basis == DateBasis.NARRATIVE.value:
        return "+narrative-date"
    if binding.basis == DateBasis.INFERRED.value and not binding.inherited:
        return "+host-date"
    if binding.basis == DateBasis.INFERRED.value:
        return "+related-date"
    if binding.reported and not shared:
        return "+report-date"
    return "+shared-date" if shared else "+inherited-date" if binding.inherited else "+own-date"


def _said_place(doc: Doc, trigger: Trigger, location: Location | None) -> Location | None:
    """ "announced the minister's visit to Spain": the place of what was announced is not where it was said."""
    if location is None or trigger.type is not EventType.STATEMENT or trigger.nominal:
        return location
    for child in doc[trigger.i].children:
        said_event = child.dep_ == "dobj" and noun_lemma(child) in NOUNS
        if said_event and location.name in doc[child.left_edge.i : child.right_edge.i + 1].text:
            return None
    return location


def _people(event: ExtractedEvent) -> set[str]:
    return {a.name for a in event.actors if a.kind is ActorKind.PERSON}


def _same_person_named(a: set[str], b: set[str]) -> bool:
    """Whether the two sets name one person, whole or by part of the name: a headline's "Doan" before the text's
    "Doan Minh Thu" (a short form the text names in full only later, which the alias table cannot resolve back)."""
    if a & b:
        return True
    for x in a:
        for y in b:
            short, full = sorted((x.split(), y.split()), key=len)
            if part_of_name(short, full):
                return True
    return False


def _carry_scene(events: list[ExtractedEvent], config: ExtractionConfig) -> list[ExtractedEvent]:
    """Give place-less events of a visitor the place of the visit, for the days the visit lasts."""
    scenes = [
        e
        for e in events
        if e.type is EventType.VISIT
        and e.location is not None
        and e.lower is not None
        and any(word in e.rule for word in SCENE_LEMMAS)
    ]
    if not scenes:
        return events
    # The first scene (in article order) that shares a person and began at most ``stay_days`` before the
    # event. Indexed by (person, start day) so a long article does not compare every event with every scene.
    first_scene: dict[tuple[str, date], int] = {}
    for index, scene in enumerate(scenes):
        assert scene.lower is not None
        for person in _people(scene):
            first_scene.setdefault((person, scene.lower), index)
    carried: list[ExtractedEvent] = []
    for event in events:
        if (
            event.location is None
            and event.lower is not None
            and event.upper is not None
            and (event.upper - event.lower).days <= config.stay_days
        ):
            found = [
                first_scene[key]
                for person in _people(event)
                for back in range(config.stay_days + 1)
                if (key := (person, event.lower - timedelta(days=back))) in first_scene
            ]
            if found:
                event = _replace(event, location=scenes[min(found)].location)
        carried.append(event)
    return carried


def _replace(event: ExtractedEvent, **changes: object) -> ExtractedEvent:
    from dataclasses import replace

    return replace(event, **changes)  # type: ignore[arg-type]


# Kinds whose nouns name one act whichever is used: "talks", "negotiations", "consultations"; "drills",
# "exercises", "manoeuvres".
SYNONYM_NOUN_KINDS = frozenset({EventType.TALKS, EventType.MILITARY_EXERCISE})


# Kinds whose verbs and nouns all name one act when told of one day with no side to tell two apart.
ONE_A_DAY_TYPES = frozenset({EventType.RESOLUTION, EventType.RELEASE})


def _same_act_words(a: ExtractedEvent, b: ExtractedEvent, *, same_day: bool = False) -> bool:
    """With no person to tie them, two mentions are one act only when the same word names them or they
    share a side ("China's drills" twice); the same word said of two sides that share none ("Ruritanian
    ships entered the strait ... Freedonian ships entered it too") names two acts."""
    stem_a, stem_b = a.rule.split("+", 1)[0], b.rule.split("+", 1)[0]
    nouns = stem_a.startswith("noun:") and stem_b.startswith("noun:")
    if same_day:
        # "Ruiz to visit Lima on Friday" and "flies in on Friday for a visit": on one day, the verb and the noun
        # of one word name one act (over a year, "an attack in 2019" and "attacked a base on Dec. 27" are two).
        stem_a, stem_b = (stem.replace("noun:", "verb:", 1) for stem in (stem_a, stem_b))
    sides_a, sides_b = _sides(a), _sides(b)
    if sides_a and sides_b and not sides_a & sides_b:
        return False
    # "agreed arrangements with Australia in 2023 and with the United States in March": one side, two partners.
    partners_a = {_side(x) for x in a.actors if x.role is not ActorRole.INITIATOR}
    partners_b = {_side(x) for x in b.actors if x.role is not ActorRole.INITIATOR}
    if partners_a and partners_b and not partners_a & partners_b and not (partners_a & sides_b or partners_b & sides_a):
        return False
    # "fired missiles on Thursday ... The missiles were launched from ...": two verbs of one kind of act (the
    # rule's last part, "weapon"), one telling naming no side, are one act.
    same_kind = stem_a.rsplit("-", 1)[-1] == stem_b.rsplit("-", 1)[-1] and "-" in stem_a and "-" in stem_b
    # "talks are to restart next week ... negotiations should restart then", "a joint drill in September ... the
    # exercise, in September": the nouns of talks, and of drills, are one another's synonyms, and one telling
    # naming no side is the other.
    both_nouns = stem_a.startswith("noun:") and stem_b.startswith("noun:")
    same_kind = same_kind or (a.type is b.type and a.type in SYNONYM_NOUN_KINDS and both_nouns)
    # "talks broke down on Friday ... the Peruvian team left the meeting early": on one day, talks and a meeting
    # one telling names no side of are one sitting.
    same_kind = same_kind or (same_day and nouns and {a.type, b.type} == {EventType.TALKS, EventType.MEETING})
    # "the assembly has voted to ..." and "the resolution passed on Thursday": on one day, one adoption; "two
    # captives have been let go" and "were handed over hours after their release": one release.
    same_kind = same_kind or (same_day and a.type is b.type and a.type in ONE_A_DAY_TYPES)
    return stem_a == stem_b or bool(sides_a & sides_b) or (same_kind and not (sides_a and sides_b))


def _same_sides(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """Whether two tellings name sides and one's sides are among the other's."""
    sides_a, sides_b = _sides(a), _sides(b)
    return bool(sides_a and sides_b) and (sides_a <= sides_b or sides_b <= sides_a)


def _sides(event: ExtractedEvent) -> set[str]:
    """Who the event's actors are, each state once whatever name the text gives it (see :func:`_side`)."""
    return {_side(actor) for actor in event.actors}


def _side(actor: Actor) -> str:
    """Who an actor is, whichever name the text gives a state: a headline's "U.S." is the lead's "United States"."""
    if actor.kind is ActorKind.STATE and (code := country_code(actor.name)) is not None:
        return code[0]
    if actor.kind is ActorKind.ORGANIZATION:
        # "EU" in a headline is the lead's "European Union": a body by the initials of its name.
        words = actor.name.replace(".", "").split()
        if len(words) == 1 and words[0].isupper():
            return words[0]
        return "".join(w[0] for w in words if w[:1].isupper())
    return actor.name


def _shared(*events: ExtractedEvent) -> bool:
    return any(e.rule.endswith("+shared-date") for e in events)


# A vote told by its noun or its verb ("the vote", "128 members voted in favour").
VOTE_RULES = ("noun:vote+", "verb:vote+")


# How long before publication an act may be and still have happened where the story was filed.
DATELINE_DAYS = 31


def _long_before_the_dateline(doc: Doc, trigger: Trigger, upper: date | None, published: date) -> bool:
    """ "TOKYO -- ... confessed yesterday that agents had kidnapped 11 citizens in the 1970s": the dateline is
    where the news was filed; an act told of years before it did not happen there for that reason."""
    if trigger.i not in doc.user_data.get("places_from_dateline", ()):
        return False
    return upper is not None and (published - upper).days > DATELINE_DAYS


def _merge_duplicates(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One event per happening: an article often mentions the same trip twice ("his departure Friday")."""
    kept: list[ExtractedEvent] = []
    # Only events of one type and date can be duplicates: grouping them keeps a long article linear.
    kept_by_key: dict[tuple[EventType, str], list[ExtractedEvent]] = {}
    # "the assembly approved the resolution on Thursday ... ahead of Thursday's vote": on a day a body adopts a
    # resolution, "the vote" is that adoption, not an election.
    resolution_days = {e.date for e in events if e.type is EventType.RESOLUTION}
    for event in events:
        # Talks held by two people on a day are their meeting that day ("Ruiz, Quispe hold talks" over "Ruiz
        # met Quispe on Thursday"): one key for both kinds.
        kind = gathering_kind(event.type)
        if event.type is EventType.ELECTION and event.rule.startswith(VOTE_RULES) and event.date in resolution_days:
            event = _replace(event, type=EventType.RESOLUTION)
            kind = EventType.RESOLUTION
        same_key = kept_by_key.setdefault((kind, event.date), [])
        people_a = _people(event)
        duplicate = False
        for other in same_key:
            people_b = _people(other)
            same_people = _same_person_named(people_a, people_b) or not (people_a and people_b)
            if event.type is not other.type:
                # Talks and a meeting: the same people; with no one named, the same sides ("armies meet" in a
                # headline over "commanders held talks on Thursday").
                # A telling that names no side at all ("left the meeting early") is told of the other's sides.
                sideless = not _sides(event) or not _sides(other)
                same_people = _same_person_named(people_a, people_b) or (
                    not people_a and not people_b and (_same_sides(event, other) or sideless)
                )
            one_day = event.precision == "day" and event.lower == event.upper
            if not people_a and not people_b and not _same_act_words(event, other, same_day=one_day):
                same_people = False  # "a stand-off in May" and "brawls erupted in May": two acts
            if {event.status, other.status} == {EventStatus.OCCURRED, EventStatus.CANCELLED}:
                same_people = False  # "a raid in 2019" and "a strike cancelled in 2019": one did not happen
            if event.taking_part_off != other.taking_part_off:
                same_people = False  # "will not attend the summit" and "the summit on Friday": the summit goes on
            # Two dates for one trigger in one sentence ("on Sunday ... on Monday") are two events.
            # Two times of one trigger that fall on one date ("by noon on Friday ... at midnight") are one.
            same_mention = (
                event.citation.start != other.citation.start
                or event.trigger_index == other.trigger_index
                or (
                    event.citation.time_start == other.citation.time_start
                    and not (_shared(event, other) and event.trigger_index != other.trigger_index)
                )
            )
            if same_people and same_mention:
                duplicate = True
                better = _better_telling(other, event)
                if better is not other:
                    kept[kept.index(other)] = better
                    same_key[same_key.index(other)] = better
                break
        if not duplicate:
            kept.append(event)
            same_key.append(event)
    return _without_lead_echoes(kept)


DEFINITE_DETS = frozenset({"the", "this", "these", "those"})
# Precisions of a vaguer telling that a later one may refine (a calendar week is ``week`` on the event).
VAGUE_PRECISIONS = frozenset({"month", "season", "quarter", "year"})


def _back_reference(doc: Doc, event: ExtractedEvent) -> bool:
    """Whether the event is named by a definite noun ("The talks, set to open on Oct. 21, ..."): the text
    refers back to a gathering it has named."""
    if not 0 <= event.trigger_index < len(doc):
        return False
    noun = doc[event.trigger_index]
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in RESUMING_NOUNS:
        return True  # "a resumption of the talks is planned for Friday": what resumes was named before
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in noun.children)


# Nouns of taking up again what had stopped: what they take up is a thing the text has named.
RESUMING_NOUNS = frozenset({"resumption", "restart", "continuation", "renewal", "revival"})


def _refines(coarse: ExtractedEvent, precise: ExtractedEvent) -> bool:
    """Whether ``precise`` tells the same act as ``coarse`` more exactly: same kind and status, no other place,
    and a date inside the other's calendar week, month or year, and narrower ("next week", then "on Oct. 21")."""
    c_lower, c_upper, p_lower, p_upper = coarse.lower, coarse.upper, precise.lower, precise.upper
    if c_lower is None or c_upper is None or p_lower is None or p_upper is None:
        return False
    # Only a calendar week, month or year is a vaguer telling; a run of days ("five days of consultations") is the
    # act's own stretch, which a later "the consultations, opened on Monday," dates only at its start.
    vague = coarse.week or coarse.precision in VAGUE_PRECISIONS
    nested = vague and c_lower <= p_lower and p_upper <= c_upper
    places = {e.location.name for e in (coarse, precise) if e.location is not None}
    return (
        _same_gathering(coarse, precise)
        and (coarse.status is precise.status or _plan_as_it_stood(coarse, precise))
        and nested
        and (p_upper - p_lower) < (c_upper - c_lower)
        and len(places) <= 1
        # "Troops clashed last week ... the scuffle, which took place on Friday": a back-reference that names
        # no side of its own points at the act named before, whatever word it uses.
        and (_one_act(coarse, precise) or not precise.actors)
    )


def _same_gathering(coarse: ExtractedEvent, precise: ExtractedEvent) -> bool:
    """One kind of act; or a summit told again as "the meeting", a word for any gathering, naming no side of
    its own ("called off next month's summit ... the leaders were to meet at the Oct. 3-4 meeting")."""
    if coarse.type is precise.type:
        return True
    return coarse.type is EventType.SUMMIT and precise.type is EventType.MEETING and not precise.actors


def _plan_as_it_stood(coarse: ExtractedEvent, precise: ExtractedEvent) -> bool:
    """A plan called off or put off, then told again as it stood ("were expected to sign it at the meeting")."""
    return coarse.status in CHANGED_STATUSES and precise.status is EventStatus.SCHEDULED


def _fold_refinements(doc: Doc, events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """ "will host a round of talks in Cairo next week ... The talks, set to open on Oct. 21, ...": a definite
    back-reference that dates a gathering named before more exactly is that gathering; one event is kept, at
    the exact date, with the sides and the place either telling names. Linear in the events but for the
    vague tellings of one kind and status that a back-reference is compared with."""
    kept: list[ExtractedEvent | None] = list(events)
    vague: dict[EventType, list[int]] = {}  # earlier tellings by week, month or year
    for index, precise in enumerate(events):
        key = _refined_kind(precise.type)
        if _back_reference(doc, precise):
            for earlier in vague.get(key, []):
                coarse = kept[earlier]
                if coarse is not None and coarse.citation.start < precise.citation.start and _refines(coarse, precise):
                    kept[earlier], kept[index] = _folded(coarse, precise), None
                    break
        if kept[index] is not None and (precise.week or precise.precision in VAGUE_PRECISIONS):
            vague.setdefault(key, []).append(index)
    return [event for event in kept if event is not None]


def _refined_kind(kind: EventType) -> EventType:
    """The kinds a back-reference may refine together: every gathering is one (see :func:`_same_gathering`)."""
    return EventType.MEETING if kind is EventType.SUMMIT else gathering_kind(kind)


def _joined_actors(first: ExtractedEvent, second: ExtractedEvent) -> tuple[Actor, ...]:
    """The first telling's sides, then those only the second names."""
    names = {a.name for a in first.actors}
    return first.actors + tuple(a for a in second.actors if a.name not in names)


def _folded(coarse: ExtractedEvent, precise: ExtractedEvent) -> ExtractedEvent:
    """One event of two tellings: the exact date, the sides and place either names, the fuller title; the
    first telling's kind and status (a summit called off stays a summit called off)."""
    title = coarse.title if len(coarse.title) > len(precise.title) else precise.title
    return _replace(
        precise,
        type=coarse.type,
        status=coarse.status,
        actors=_joined_actors(coarse, precise),
        title=title,
        location=precise.location or coarse.location,
    )


def _better_telling(first: ExtractedEvent, second: ExtractedEvent) -> ExtractedEvent:
    """Of two tellings of one act, the one to keep, with who acted from the other when it names no one ("We have
    cut our ties as of today", quoted, after the lead's "Zembla has broken off relations"), and where, when
    only the other says."""
    kept = _better_of(first, second)
    other = second if kept is first else first
    if kept.location is None and other.location is not None:
        kept = _replace(kept, location=other.location)  # "joint naval drills ... the exercise in the Pacific"
    if len(kept.title.split()) == 1 < len(other.title.split()):
        # "Friday's vote was 9 to 2" after "the council has approved an exclusion zone": the bare noun says less.
        kept = _replace(kept, title=other.title)
    if any(a.role is ActorRole.INITIATOR for a in kept.actors):
        return kept
    acting = tuple(a for a in other.actors if a.role is ActorRole.INITIATOR)
    if not acting:
        return kept
    named = {a.name for a in acting}
    actors = (*acting, *(a for a in kept.actors if a.name not in named))
    title = other.title if kept.title == EVENT_TYPES[kept.type].label else kept.title
    return _replace(kept, actors=actors, title=title)


def _better_of(first: ExtractedEvent, second: ExtractedEvent) -> ExtractedEvent:
    """Of two tellings of one act, the one to keep.

    The lead's undated summary gives way to the body's dated telling. A mention dated only from the event
    it names ("the talks have been put off", dated by "the talks, set for Friday in Port Ostra")
    gives way to the telling that states the date and the place (told as a plan, or as the change itself:
    "the talks had been set to open on Thursday" after "have been put off"), which takes the news of the change.
    """
    if _lead_guess(first) and not _lead_guess(second):
        return second
    if _told_fuller(second, first):
        return second  # a headline's "Chile to host Austria's president", then the sentence that names Santiago
    for changed, stated in ((first, second), (second, first)):
        if (
            changed.status in CHANGED_STATUSES
            and changed.date_basis is DateBasis.INFERRED
            and stated.status in {EventStatus.SCHEDULED, changed.status}
            and stated.date_basis is not DateBasis.INFERRED
        ):
            return _replace(stated, status=changed.status, title=changed.title)
    return first


def _told_fuller(second: ExtractedEvent, first: ExtractedEvent) -> bool:
    """Whether the later telling names every side the first does and more, or the same sides and a town or
    venue inside the first's country, with the same status."""
    if second.status is not first.status:
        return False
    sides_first, sides_second = _sides(first), _sides(second)
    # A short form the first telling gives ("Doan", a headline's) is the full name the second gives.
    sides_first = {next((full for full in sides_second if _same_person_named({s}, {full})), s) for s in sides_first}
    if not sides_first <= sides_second:
        return False
    if sides_second > sides_first or any(
        len(a.split()) < len(b.split()) for a in _people(first) for b in _people(second)
    ):
        return True
    place, wider = second.location, first.location
    if place is None or place.kind not in {PlaceKind.CITY, PlaceKind.VENUE}:
        return False
    return wider is None or (wider.kind is PlaceKind.COUNTRY and wider.country == place.country)


def _lead_guess(event: ExtractedEvent) -> bool:
    """An event of the lead dated by the publication day for want of a time of its own, or by the day it was
    reported when it is told in the present perfect ("have signed a memorandum, state media reported on
    Sunday"): either day only bounds the act."""
    return (event.rule.endswith("+inherited-date") and not event.citation.time_text) or event.rule.endswith(
        "+report-date"
    )


def _without_lead_echoes(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """ "Ruritania says a drone has entered its airspace" in the lead, "the drone entered on Tuesday" below:
    the lead's guess of the publication day yields to a dated telling of the same act in the days before.
    A plan put off or called off, told once with its own planned days ("put off his March 27-30 visit to
    Chile") and once with the day it was reported ("he put off his visit to Chile, a spokesman said on
    Friday"), is one change: the planned days stand for it."""
    dated = [e for e in events if not _lead_guess(e) and e.lower is not None]
    kept = []
    for event in events:
        echoed = _lead_guess(event) and any(
            other.type is event.type
            and other.lower is not None
            and event.lower is not None
            and (
                (
                    0 <= (event.lower - other.lower).days <= LEAD_ECHO_DAYS
                    and _may_tell_the_news(other.precision, other.upper, event.lower)
                )
                or _same_change(event, other)
            )
            and _one_act(event, other)
            for other in dated
        )
        if not echoed:
            kept.append(event)
    return kept


def _same_change(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """Two tellings of a plan changed the same way, at one place (or with no place told for one of them)."""
    places = {e.location.name for e in (a, b) if e.location is not None}
    return a.status in CHANGED_STATUSES and a.status == b.status and len(places) <= 1


def _one_act(a: ExtractedEvent, b: ExtractedEvent, *, same_day: bool = False) -> bool:
    people_a, people_b = _people(a), _people(b)
    if people_a and people_b:
        return bool(people_a & people_b)
    return _same_act_words(a, b, same_day=same_day)


# The longest run of days whose first day a telling by that day alone may stand for (a visit, a summit, talks).
RUN_DAYS = 14


def _fold_first_days(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """ "lands on Friday for a state visit ... the visit, from 3 to 5 June,": a telling dated by
    the first day of a run of days another telling gives the same act, of the same kind and status, with no
    other place or side, is that act; the run is kept, with the sides and place either names."""
    runs = [
        e
        for e in events
        if e.precision == "day"
        and e.lower is not None
        and e.upper is not None
        and 0 < (e.upper - e.lower).days <= RUN_DAYS
    ]
    if not runs:
        return events
    merged: dict[int, ExtractedEvent] = {}
    dropped: set[int] = set()
    for day in events:
        if day.precision != "day" or day.lower is None or day.lower != day.upper:
            continue
        for run in runs:
            if (
                run.type is day.type
                and run.status is day.status
                and run.lower == day.lower
                and _one_setting(run.location, day.location)
                # A run that names no side of its own points at the act begun that day, whatever word it uses.
                and (_one_act(run, day, same_day=True) or not run.actors)
            ):
                merged[id(run)] = _folded(day, merged.get(id(run), run))
                dropped.add(id(day))
                break
    return [merged.get(id(e), e) for e in events if id(e) not in dropped]


# Words that tell a time as the last day of an act: "will go on through Sunday", "a visit which ends Friday".
LAST_DAY_PREPS = frozenset({"through", "until", "till"})
ENDING_VERBS = frozenset({"end", "conclude", "finish", "close", "wrap"})


def _ends_on(doc: Doc, event: ExtractedEvent) -> bool:
    """Whether the event's time is told as its last day: after "through", "until" or "till", or on a verb of
    ending ("the drills, which end on Sunday")."""
    span = doc.char_span(event.citation.time_start, event.citation.time_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ in LAST_DAY_PREPS:
        return True
    verb = before.head if before.pos_ == "ADP" else span.root.head
    return verb.lemma_.lower() in ENDING_VERBS


def _fold_last_days(doc: Doc, events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """ "Ostland and Zembla began joint drills on Thursday ... The drills go on through Sunday": a
    back-reference dated by the last day of the act told begun on an earlier day is that act, which runs from
    the first day to the last; one event is kept, with the first telling's status and the sides either names."""
    kept: list[ExtractedEvent | None] = list(events)
    for index, last in enumerate(events):
        if last.precision != "day" or last.lower is None or not _back_reference(doc, last) or not _ends_on(doc, last):
            continue
        for earlier, first in enumerate(events[:index]):
            if (
                kept[earlier] is first
                and first.type is last.type
                and first.precision == "day"
                and first.lower is not None
                and first.lower == first.upper
                and 0 < (last.lower - first.lower).days <= RUN_DAYS
                and first.citation.start < last.citation.start
                and _one_setting(first.location, last.location)
                and (_one_act(first, last) or not last.actors)
            ):
                run = f"{first.lower.isoformat()}/{last.lower.isoformat()}"
                kept[earlier] = _replace(first, date=run, upper=last.lower, actors=_joined_actors(first, last))
                kept[index] = None
                break
    return [event for event in kept if event is not None]


def _one_setting(a: Location | None, b: Location | None) -> bool:
    """Whether two places may be one setting: either unknown, the same, or a town and the country it is in."""
    if a is None or b is None or a.name == b.name:
        return True
    country, town = (a, b) if a.kind is PlaceKind.COUNTRY else (b, a)
    return country.kind is PlaceKind.COUNTRY and town.kind is not PlaceKind.COUNTRY and town.country == country.country


def _drop_loose_mentions(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """An article often names an act loosely before it dates it ("will visit Spain next year" in the lead,
    "from 9 to 11 March" below): a mention whose period holds a precise mention of the same act, by the same
    people and with the same status, is that act, and the precise mention stands for it."""
    by_kind: dict[tuple[EventType, EventStatus], list[ExtractedEvent]] = {}
    for event in events:
        by_kind.setdefault((event.type, event.status), []).append(event)
    loose: set[int] = set()
    for group in by_kind.values():
        if len(group) < 2:
            continue
        for a in group:
            if a.lower is None or a.upper is None or (a.upper - a.lower).days < LOOSE_DAYS:
                continue
            for b in group:
                if (
                    b is not a
                    and b.lower is not None
                    and b.upper is not None
                    and a.lower <= b.lower
                    and b.upper <= a.upper
                    and (b.upper - b.lower) < (a.upper - a.lower)
                    and _one_act(a, b)
                ):
                    loose.add(id(a))
                    break
    return [e for e in events if id(e) not in loose]


def extract_many(
    articles: Iterable[tuple[str, date | None]],
    config: ExtractionConfig | None = None,
    *,
    reference: date | None = None,
) -> Iterator[ArticleExtraction]:
    """Extract from many clean texts with one ``nlp.pipe`` stream. Never raises on bad text.

    Each text's dates resolve against its publication date, or ``reference`` where that is unknown
    (the caller's "today"): the engine never reads the clock, so the same input gives the same output.
    """
    config = config or ExtractionConfig()
    items = [((text or "")[: config.max_chars], published) for text, published in articles]
    if reference is None and any(published is None for _, published in items):
        raise ValueError("a text has no publication date and no reference date was passed (the engine reads no clock)")
    nlp = pipeline_for(config.spacy_model)
    docs = parse_texts(
        nlp,
        (text for text, _ in items),
        max_chars=config.chunk_chars,
        batch_size=config.batch_size,
        processes=config.processes,
        parallel_min_chars=config.parallel_min_chars,
    )
    for (_, published), doc in zip(items, docs, strict=True):
        yield extract_parsed(doc, published, config, reference=reference)


def extract_parsed(
    doc: Doc, published: date | None, config: ExtractionConfig | None = None, *, reference: date | None = None
) -> ArticleExtraction:
    """Events of a text already parsed with ``parse_texts`` (as ``extract_many`` parses it), for callers
    that keep parses, such as the evaluation's cache. Never raises on bad text; a text without a
    publication date needs ``reference`` (the engine reads no clock)."""
    config = config or ExtractionConfig()
    anchor = published or reference
    if anchor is None:
        raise ValueError("the text has no publication date and no reference date was passed")
    try:
        events = _events_in(doc, anchor, config)
    except Exception:  # one odd article must not stop a batch; the error is logged with its trace
        log.exception("event extraction failed on a %d-character text", len(doc_text(doc)))
        events = []
    return ArticleExtraction(
        title="",
        byline="",
        published=published,
        published_source="caller" if published else "unknown",
        outlet="",
        text=doc_text(doc),
        events=events,
        extractor_version=config.extractor_version,
    )


def extract(
    text: str, published: date | None, config: ExtractionConfig | None = None, *, reference: date | None = None
) -> ArticleExtraction:
    """Events of one already-clean text, dated against ``published`` (``reference`` when unknown)."""
    return next(extract_many([(text, published)], config, reference=reference))


def extract_document(
    raw: str,
    *,
    is_html: bool | None = None,
    published: date | None = None,
    config: ExtractionConfig | None = None,
    reference: date | None = None,
) -> ArticleExtraction:
    """Clean a page (HTML or scraped text), then extract. A caller's ``published`` overrides the page's;
    ``reference`` dates a page that states no publication date."""
    from dataclasses import replace

    config = config or ExtractionConfig()
    try:
        cleaned = clean_document(raw or "", is_html=is_html)
    except Exception:  # cleaning libraries fail on garbage; treat the page as empty rather than crash
        log.exception("cleaning failed")
        from events.extraction.cleaning import CleanedArticle

        cleaned = CleanedArticle(text="")
    effective = published or cleaned.published
    source: PublishedSource = "caller" if published else cleaned.published_source
    result = extract(cleaned.text, effective, config, reference=reference)
    return replace(
        result,
        title=cleaned.title,
        byline=cleaned.byline,
        outlet=cleaned.outlet,
        published=effective,
        published_source=source if effective else "unknown",
        stated_dates=((("submitter", published),) if published else ()) + cleaned.dates,
    )
