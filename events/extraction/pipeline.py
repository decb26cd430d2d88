"""The extraction pipeline: clean text in, dated and cited events out.

``extract`` reads already-clean text; ``extract_document`` cleans an HTML or plain-text page first;
``extract_many`` streams many articles through one ``nlp.pipe``. spaCy runs once per article; every later
step reads the same Doc.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from events.domain.vocabulary import ActorKind, DateBasis, EventStatus, EventType
from events.extraction.actors import AliasTable, find_actors
from events.extraction.analysis import parse_texts, pipeline_for
from events.extraction.binding import LEAD_SENTENCES, Binding, bind, lead_bindings
from events.extraction.cleaning import clean_document
from events.extraction.confidence import ConfidenceEvidence, confidence_of
from events.extraction.config import ExtractionConfig
from events.extraction.dateline import inside_dateline
from events.extraction.places import find_place
from events.extraction.status import decide_status, governing_chain, has_schedule_modality, is_hedged
from events.extraction.titles import make_title
from events.extraction.triggers import Trigger, find_triggers
from events.extraction.types import ArticleExtraction, Citation, ExtractedEvent, PublishedSource

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from events.extraction.timex import TimeExpression

log = logging.getLogger(__name__)

_BARE_SPAN = re.compile(
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)",
    re.IGNORECASE,
)

# Acts counted over a period: "have died since April", "arrests since 2019".
TALLY_LEMMAS = frozenset({"kill", "killing", "arrest", "detain", "abduct", "kidnap", "shelling"})
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
    time_index = 0
    lead: list[tuple[Trigger, Span, int]] = []  # undated verb triggers of the lead (binding.lead_bindings)
    for rank, sentence in enumerate(doc.sents):
        sentence_times: list[TimeExpression] = []
        while time_index < len(times) and times[time_index].start < sentence.end_char:
            if times[time_index].start >= sentence.start_char:
                sentence_times.append(times[time_index])
            time_index += 1
        # "TEL AVIV, June 19 (UPI) --": the filing date dates none of the sentence's events.
        sentence_times = [t for t in sentence_times if not inside_dateline(sentence, t.start)]
        triggers = find_triggers(sentence)
        if not triggers and not sentence_times:
            continue  # a dated sentence can still report an official reaction ("the ministry said Tuesday")
        bindings, shared = _share_coordinated_dates(doc, triggers, bind(doc, triggers, sentence_times))
        for binding in bindings:
            event = _event_from(
                doc, binding, sentence, published, aliases, config, shared=binding.trigger.i in shared, rank=rank
            )
            if event is not None:
                events.append(event)
        if rank < LEAD_SENTENCES:
            bound = {b.trigger.i for b in bindings}
            lead += [(t, sentence, rank) for t in triggers if not t.nominal and t.i not in bound]
    place_of = {trigger.i: (sentence, rank) for trigger, sentence, rank in lead}
    for binding in lead_bindings(doc, [t for t, _, _ in lead], {e.type for e in events}, published):
        sentence, rank = place_of[binding.trigger.i]
        event = _event_from(doc, binding, sentence, published, aliases, config, rank=rank)
        if event is not None:
            events.append(event)
    return _merge_duplicates(_carry_scene(events, config))


def _fronted(doc: Doc, binding: Binding) -> bool:
    """Whether the time opens its clause, before the subject ("In 2019 mines hit ..."), and so scopes over
    the clauses joined to it; a time after the verb ("called on June 22 and both sides agreed") does not."""
    verb = doc[binding.trigger.head_i]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and binding.time.token_end <= min(s.left_edge.i for s in subjects)


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
        if own.pos_ in {"VERB", "AUX"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in own.children):
            continue  # "held talks Friday and agreed to ...": one subject's next step has a time of its own
        conjuncts = sorted(own.conjuncts, key=lambda c: (abs(c.i - own.i), c.i))
        host = next((dated[c.i] for c in conjuncts if c.i in dated), None)
        if host is not None and _fronted(doc, host):
            shared.append(Binding(trigger, host.time, host.distance + 1, inherited=True))
    if not shared:
        return bindings, set()
    return sorted([*bindings, *shared], key=lambda b: (b.trigger.i, b.time.start)), {b.trigger.i for b in shared}


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
    actors = find_actors(doc, trigger, aliases)
    location = find_place(doc, trigger)
    # A date shared by coordinated verbs is the host's own time; one taken from a host event is a guess.
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
        has_place=location is not None,
        sentence_rank=rank,
    )
    quote_start, quote_end = sentence.start_char, sentence.end_char
    text = sentence.text  # == doc.text[start_char:end_char]; doc.text rebuilds the whole article per call
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
    return ExtractedEvent(
        title=make_title(doc, trigger, actors, location, status),
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
        rule=trigger.rule + ("+shared-date" if shared else "+inherited-date" if binding.inherited else "+own-date"),
        trigger_index=trigger.i,
        date_basis=date_basis,
        evidence=evidence,
    )


def _people(event: ExtractedEvent) -> set[str]:
    return {a.name for a in event.actors if a.kind is ActorKind.PERSON}


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


def _same_act_words(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """With no person to tie them, two mentions are one act only when the same word names them or they
    share a side ("China's drills" twice)."""
    stem_a, stem_b = a.rule.split("+", 1)[0], b.rule.split("+", 1)[0]
    return stem_a == stem_b or bool({x.name for x in a.actors} & {x.name for x in b.actors})


def _shared(*events: ExtractedEvent) -> bool:
    return any(e.rule.endswith("+shared-date") for e in events)


def _merge_duplicates(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One event per happening: an article often mentions the same trip twice ("his departure Friday")."""
    kept: list[ExtractedEvent] = []
    # Only events of one type and date can be duplicates: grouping them keeps a long article linear.
    kept_by_key: dict[tuple[EventType, str], list[ExtractedEvent]] = {}
    for event in events:
        same_key = kept_by_key.setdefault((event.type, event.date), [])
        people_a = _people(event)
        duplicate = False
        for other in same_key:
            people_b = _people(other)
            same_people = bool(people_a & people_b) or not (people_a and people_b)
            if not people_a and not people_b and not _same_act_words(event, other):
                same_people = False  # "a stand-off in May" and "brawls erupted in May": two acts
            # Two dates for one trigger in one sentence ("on Sunday ... on Monday") are two events.
            same_mention = event.citation.start != other.citation.start or (
                event.citation.time_start == other.citation.time_start
                and not (_shared(event, other) and event.trigger_index != other.trigger_index)
            )
            if same_people and same_mention:
                duplicate = True
                break
        if not duplicate:
            kept.append(event)
            same_key.append(event)
    return kept


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
        log.exception("event extraction failed on a %d-character text", len(doc.text))
        events = []
    return ArticleExtraction(
        title="",
        byline="",
        published=published,
        published_source="caller" if published else "unknown",
        outlet="",
        text=doc.text,
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
    )
