"""Binding each trigger to its own time expression through the dependency tree.

Each time expression goes to the trigger nearest to it in the tree (ties: nearest in the text), so one
sentence can carry several events, each with its date ("a gathering in September in New Delhi and a summit
in November in San Francisco"). A trigger that receives two different dates is two events ("meet X on
Sunday ... and Y on Monday"). An event named in passing inside a temporal phrase ("after the shootdown of
a balloon") has no date of its own and takes the date of the event it is attached to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from events.extraction.tree import crosses_clause, path_to_root, tree_distance
from events.extraction.triggers import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from events.extraction.timex import TimeExpression

# Prepositions that place a background event in time relative to the event they attach to.
TEMPORAL_RELATION_PREPS = frozenset({"after", "before", "following", "amid", "since", "during", "ahead", "prior"})


@dataclass(frozen=True)
class Binding:
    trigger: Trigger
    time: TimeExpression
    distance: int
    inherited: bool = False


def usable(time: TimeExpression) -> bool:
    """A time expression that can date an event: it resolves to a calendar value with bounds."""
    return bool(time.edtf) and time.lower is not None and time.timex_type in {"DATE", "TIME", "DURATION"}


def anchor_of(doc: Doc, time: TimeExpression) -> int:
    """The token the time expression hangs on: the resolver's governor, else the head of its phrase."""
    if time.governor_i is not None and 0 <= time.governor_i < len(doc):
        return time.governor_i
    span = doc[time.token_start : time.token_end]
    root = span.root
    head = root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return head.i


def _contains(outer: TimeExpression, inner: TimeExpression) -> bool:
    if outer.lower is None or outer.upper is None or inner.lower is None or inner.upper is None:
        return False
    return outer.lower <= inner.lower and inner.upper <= outer.upper


def _width(time: TimeExpression) -> int:
    if time.lower is None or time.upper is None:
        return 1 << 30
    return (time.upper - time.lower).days


def bind(doc: Doc, triggers: Sequence[Trigger], times: Sequence[TimeExpression]) -> list[Binding]:
    """Bindings for one sentence's triggers and time expressions."""
    candidates = [t for t in times if usable(t)]
    if not triggers:
        return []
    assigned: dict[int, list[tuple[TimeExpression, int]]] = {}
    for time in candidates:
        anchor = anchor_of(doc, time)
        best: tuple[int, int, int] | None = None
        for index, trigger in enumerate(triggers):
            if time.token_start <= trigger.i < time.token_end:
                continue  # "the week of talks" is not dated by itself
            if crosses_clause(doc, trigger.head_i, anchor) and crosses_clause(doc, trigger.i, anchor):
                # "said Friday that he would meet": the date belongs to the saying, not the meeting.
                continue
            distance = min(tree_distance(doc, trigger.head_i, anchor), tree_distance(doc, trigger.i, anchor))
            linear = min(abs(trigger.i - time.token_start), abs(trigger.i - (time.token_end - 1)))
            key = (distance, linear, index)
            if best is None or key < best:
                best = key
        if best is not None:
            assigned.setdefault(best[2], []).append((time, best[0]))
    bindings: list[Binding] = []
    for index, trigger in enumerate(triggers):
        own = assigned.get(index, [])
        # Of two expressions where one contains the other ("this week ... on Tuesday"), keep the precise one.
        kept = [
            (time, distance)
            for time, distance in own
            if not any(
                other is not time and _contains(time, other) and _width(other) < _width(time) for other, _ in own
            )
        ]
        bindings.extend(Binding(trigger, time, distance) for time, distance in kept)
    dated = {b.trigger.i: b for b in bindings}
    for trigger in triggers:
        if trigger.i in dated or not trigger.nominal:
            continue
        host = _temporal_host(doc, trigger, dated)
        if host is not None:
            bindings.append(Binding(trigger, host.time, host.distance + 1, inherited=True))
    bindings.sort(key=lambda b: (b.trigger.i, b.time.start))
    return bindings


def _temporal_host(doc: Doc, trigger: Trigger, dated: dict[int, Binding]) -> Binding | None:
    """The dated event that a background event ("after the shootdown of ...") is attached to."""
    token = doc[trigger.i]
    if token.dep_ != "pobj" or token.head.lower_ not in TEMPORAL_RELATION_PREPS:
        return None
    for index in path_to_root(token.head)[1:]:
        if index in dated:
            return dated[index]
        for binding in dated.values():
            if binding.trigger.head_i == index:
                return binding
    return None
