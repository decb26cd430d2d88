"""Which time expression dates which event: the engine's binding step against TimeBank's event-time TLINKs.

For every gold EVENT that a dating TLINK (IS_INCLUDED, DURING, BEGINS, ENDS, SIMULTANEOUS or an inverse)
ties to a TIMEX3 of the same sentence, the event is handed to ``binding.bind`` as the sentence's trigger,
with the time expressions the engine found in that sentence. The binding is right when the expression it
picks overlaps a gold-linked TIMEX3. The baseline picks the nearest expression in the sentence (fewest
tokens between them). Both choose among the same expressions, so the score is the binding step's alone:
an event whose linked TIMEX3 the engine did not find (or cannot use as a date) is left out of the count.
An event the engine leaves unbound counts as wrong (the pipeline would drop it: no event without a date);
those dated by the nearest-time fallback rather than a tree path are counted apart (``by_nearness``). Only
events that TimeBank links to a time are scored, so binding an event that should stay undated costs nothing
here; the event sets (dev, real-dev) measure that side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from events.domain.vocabulary import EventType
from events.evaluation.timeml import TimeMLDocument
from events.extraction.binding import Binding, bind, usable
from events.extraction.triggers import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from events.extraction.timex import TimeExpression


@dataclass
class BindingScore:
    events: int = 0  # gold-linked events in scope
    engine_right: int = 0
    baseline_right: int = 0
    engine_unbound: int = 0  # in scope, but the engine gave the event no date
    by_nearness: int = 0  # in scope, dated by the nearest-time fallback rather than a tree path
    out_of_scope: int = 0  # linked TIMEX3 not found by the engine (or not usable as a date)
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, event, gold, ours

    @property
    def engine_accuracy(self) -> float:
        return self.engine_right / self.events if self.events else 0.0

    @property
    def baseline_accuracy(self) -> float:
        return self.baseline_right / self.events if self.events else 0.0

    def add(self, other: BindingScore) -> None:
        self.events += other.events
        self.engine_right += other.engine_right
        self.baseline_right += other.baseline_right
        self.engine_unbound += other.engine_unbound
        self.by_nearness += other.by_nearness
        self.out_of_scope += other.out_of_scope
        self.wrong.extend(other.wrong)


def _overlaps(time: TimeExpression, start: int, end: int) -> bool:
    return time.start < end and start < time.end


def nearest_in_sentence(event_i: int, times: list[TimeExpression]) -> TimeExpression | None:
    """The baseline: the expression with the fewest tokens between it and the event (ties: the earlier)."""

    def gap(time: TimeExpression) -> int:
        if time.token_start <= event_i < time.token_end:
            return 0
        return time.token_start - event_i if time.token_start > event_i else event_i - (time.token_end - 1)

    return min(times, key=lambda t: (gap(t), t.start), default=None)


def engine_binding(doc: Doc, event_i: int, times: list[TimeExpression]) -> Binding | None:
    """The binding ``bind`` gives the event when it is the sentence's only trigger: of several (the pipeline
    would make one event per date), the nearest in the tree, then in the text."""
    token = doc[event_i]
    trigger = Trigger(
        event_i, event_i, EventType.MEETING, token.lemma_.lower(), token.pos_ in {"NOUN", "PROPN"}, "gold"
    )
    own = [b for b in bind(doc, [trigger], times) if b.trigger.i == event_i]

    def gap(binding: Binding) -> int:
        # Ties in the tree go to the time nearer in the text, as ``bind`` settles them between triggers.
        time = binding.time
        return min(abs(event_i - time.token_start), abs(event_i - (time.token_end - 1)))

    return min(own, key=lambda b: (b.distance, gap(b), b.time.start)) if own else None


def engine_choice(doc: Doc, event_i: int, times: list[TimeExpression]) -> TimeExpression | None:
    """The expression ``bind`` gives the event when it is the sentence's only trigger (nearest in the tree)."""
    binding = engine_binding(doc, event_i, times)
    return binding.time if binding is not None else None


def _sentence_of(doc: Doc, char: int) -> Span | None:
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return token.sent if token is not None and len(token) else None


def score_document(document: TimeMLDocument, doc: Doc, times: list[TimeExpression]) -> BindingScore:
    """Binding accuracy of the engine and of the baseline on one document's event-time TLINKs."""
    score = BindingScore()
    events = {e.ident: e for e in document.events}
    timexes = {t.ident: t for t in document.timexes}
    linked: dict[str, list[str]] = {}
    for link in document.time_links:
        if link.event in events and link.time in timexes:  # links to the creation time (t0) are not bindings
            linked.setdefault(link.event, []).append(link.time)
    for eid, tids in linked.items():
        event = events[eid]
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        event_i = span.root.i
        sentence = span.root.sent
        gold = [
            timexes[t]
            for t in tids
            if (s := _sentence_of(doc, timexes[t].start)) is not None and s.start == sentence.start
        ]
        if not gold:
            continue  # a link across sentences: no sentence-level binding can make it
        candidates = [t for t in times if usable(t) and sentence.start_char <= t.start and t.end <= sentence.end_char]
        if not any(_overlaps(t, g.start, g.end) for t in candidates for g in gold):
            score.out_of_scope += 1
            continue
        score.events += 1
        binding = engine_binding(doc, event_i, candidates)
        chosen = binding.time if binding is not None else None
        baseline = nearest_in_sentence(event_i, candidates)
        if chosen is None:
            score.engine_unbound += 1
        elif binding is not None and binding.nearest:
            score.by_nearness += 1
        if chosen is not None and any(_overlaps(chosen, g.start, g.end) for g in gold):
            score.engine_right += 1
        else:
            ours = chosen.text if chosen is not None else "-"
            score.wrong.append((document.name, event.text, "|".join(g.text for g in gold), ours))
        if baseline is not None and any(_overlaps(baseline, g.start, g.end) for g in gold):
            score.baseline_right += 1
    return score
