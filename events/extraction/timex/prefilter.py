"""Where a pattern can start: a cheap superset of match positions, so that a pattern is tried only there.

Every pattern is ``(?<![\\w-])(?:(?P<signal>SIGNAL)\\s+)?(?P<core>BODY)(?![\\w])``. Running its regex over the whole
text tries the signal words and the core at every word start, about 25 ms per pattern per 300 KB. Instead:

1. From the parsed regex of each core (``re._parser``), the *lead strings*: every normalised string of up to
   ``LEAD_CHARS`` characters that a core match can begin with. Normalised means lower case, every digit
   as "0", a run of whitespace as one space, and the few non-ASCII letters that Python's IGNORECASE folds
   onto ASCII ones (İ, ı, ſ, the Kelvin sign) as those letters. An element the walk cannot enumerate (a
   negated class, ``.``, a large class) ends the lead string there, which keeps it a prefix of the match.
2. One scan of the text for word starts, and a walk of a trie of all lead strings from each one, gives the
   positions where each core can start. A signal belongs to the word or two ("as of") right before a
   core, so those word starts are candidates too.
3. ``pattern.match(text, position)`` at the candidates in order, resuming after each match, is exactly
   what ``finditer`` does (it tries every position in order and resumes after a match; lookbehinds see
   the text before ``position``); positions that are not candidates cannot start a match.

A pattern whose core could begin with an unenumerable element (an empty lead) is scanned whole, as
before. tests/extraction/test_timex_prefilter.py compares the result with ``finditer`` on every pattern.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from events.extraction.timex.patterns import PATTERNS, SIGNAL, Pattern

# The regular-expression parser of the standard library (private modules, stable since 3.11; typeshed
# does not describe them, so they are loaded by name and typed Any).
sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

LEAD_CHARS = 7
# A class with more members than this stops a lead string (so "[A-Z]{2,4}" does not multiply it).
MAX_CLASS = 12
# Non-ASCII characters that IGNORECASE matches against ASCII letters (checked by a test over all of Unicode).
FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
PREFIX = r"(?<![\w-])" + SIGNAL + "(?P<core>"
SUFFIX = r")(?![\w])"
# How deep the first filter (a regex) reads the trie before the walk in Python.
STARTS_DEPTH = 4


def normal(char: str) -> str:
    """One character as the lead strings spell it."""
    if char.isspace():
        return " "
    if char.isdecimal():
        return "0"
    if char in FOLDS:
        return FOLDS[char]
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


# Lead strings in the making: those that can still grow, and those that are finished (full length, or
# stopped by an element the walk cannot enumerate).
_Leads = tuple[frozenset[str], frozenset[str]]


def _add(grow: frozenset[str], chars: set[str]) -> _Leads:
    grown: set[str] = set()
    done: set[str] = set()
    for text in grow:
        for char in chars:
            if char == " " and text.endswith(" "):
                grown.add(text)  # a whitespace run is one space
                continue
            longer = text + char
            (grown if len(longer) < LEAD_CHARS else done).add(longer)
    return frozenset(grown), frozenset(done)


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            chars.add(normal(chr(value)))
        elif op is sre.RANGE:
            low, high = value
            if high - low > MAX_CLASS:
                return None
            chars.update(normal(chr(code)) for code in range(low, high + 1))
        elif op is sre.CATEGORY and value in {sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT}:
            chars.add("0")
        elif op is sre.CATEGORY and value in {sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE}:
            chars.add(" ")
        else:
            return None  # NEGATE, \w, other categories
    return chars if len(chars) <= MAX_CLASS else None


_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def _walk(items: object, grow: frozenset[str]) -> _Leads:
    """Lead strings after matching the parsed sequence ``items`` from the growing strings ``grow``."""
    done: frozenset[str] = frozenset()
    for op, value in items:  # type: ignore[attr-defined]
        if not grow:
            break
        if op in {sre.AT, sre.ASSERT, sre.ASSERT_NOT}:
            continue  # zero width: ignoring a condition keeps a superset
        if op is sre.LITERAL:
            grow, finished = _add(grow, {normal(chr(value))})
        elif op is sre.IN:
            chars = _class_chars(value)
            grow, finished = (frozenset(), grow) if chars is None else _add(grow, chars)
        elif op is sre.BRANCH:
            results = [_walk(branch, grow) for branch in value[1]]
            grow = frozenset().union(*(r[0] for r in results))
            finished = frozenset().union(*(r[1] for r in results))
        elif op is sre.SUBPATTERN:
            grow, finished = _walk(value[-1], grow)
        elif op in _REPEATS:
            grow, finished = _repeat(value, grow)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            grow, finished = _walk(value, grow)
        else:
            grow, finished = frozenset(), grow  # ANY, NOT_LITERAL, group references, ...
        done |= finished
    return grow, done


def _repeat(value: tuple[int, int, object], grow: frozenset[str]) -> _Leads:
    """``item{low,high}``: the union over every count, stopping when another round changes nothing."""
    low, high, item = value
    result = grow if low == 0 else frozenset()
    done: frozenset[str] = frozenset()
    current = grow
    count = 0
    while count < high and current:
        following, finished = _walk(item, current)
        done |= finished
        count += 1
        if count >= low or following == current:
            result |= following  # at a fixed point, the rest of the minimum adds nothing
        if following == current:
            break
        current = following
    return result, done


def lead_strings(body: str) -> frozenset[str] | None:
    """The lead strings of a core regex compiled with IGNORECASE; None when a match can begin anywhere."""
    parsed = sre_parse.parse(body, re.IGNORECASE)
    grow, done = _walk(parsed, frozenset({""}))
    leads = grow | done
    if "" in leads or any(text.startswith(" ") for text in leads):
        return None
    return frozenset(leads)


def core_body(pattern: Pattern) -> str | None:
    source = pattern.regex.pattern
    if not (source.startswith(PREFIX) and source.endswith(SUFFIX)):
        return None
    return source[len(PREFIX) : -len(SUFFIX)]


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ends: list[int] = field(default_factory=list)


def _atom(char: str) -> str:
    """A regex for the text characters that :func:`normal` turns into ``char``."""
    if char == " ":
        return r"\s+"
    if char == "0":
        return r"\d"
    if char.isascii() and char.isalpha():
        folds = "".join(f for f, ascii_letter in FOLDS.items() if ascii_letter == char)
        return f"[{char}{char.upper()}{folds}]"
    if char.isascii():
        return re.escape(char)
    return "."  # a non-ASCII character: any (a superset is enough here)


def _trie_regex(node: _Node, depth: int) -> str:
    """Text where a lead string begins, read ``depth`` characters deep: a C-speed first filter before
    the trie walk. Accepts a superset of the positions the walk accepts."""
    branches = []
    for char, child in sorted(node.children.items()):
        if child.ends or depth == 1:
            branches.append(_atom(char))
        else:
            branches.append(_atom(char) + _trie_regex(child, depth - 1))
    return "(?:" + "|".join(branches) + ")"


@dataclass
class Prefilter:
    """The lead-string trie of a list of patterns; patterns without lead strings are scanned whole."""

    root: _Node
    whole: frozenset[int]
    signal: re.Pattern[str]
    starts: re.Pattern[str]

    @classmethod
    def build(cls, patterns: list[Pattern]) -> Prefilter:
        root = _Node()
        whole: set[int] = set()
        for index, pattern in enumerate(patterns):
            body = core_body(pattern)
            leads = lead_strings(body) if body is not None else None
            if leads is None:
                whole.add(index)
                continue
            for text in leads:
                node = root
                for char in text:
                    node = node.children.setdefault(char, _Node())
                node.ends.append(index)
        # The signal part of every pattern, alone: "(?P<signal>...)\s+" without the trailing "?".
        signal = re.compile(SIGNAL[len("(?:") : -len(")?")], re.IGNORECASE)
        starts = re.compile(r"(?<![\w-])(?=" + _trie_regex(root, STARTS_DEPTH) + ")")
        return cls(root, frozenset(whole), signal, starts)

    def _cores_at(self, text: str, start: int) -> Iterator[int]:
        node = self.root
        index, length = start, len(text)
        while index < length:
            char = text[index]
            if char.isspace():
                while index < length and text[index].isspace():
                    index += 1
                char = " "
            else:
                index += 1
                char = ("0" if char.isdigit() else char.lower()) if char.isascii() else normal(char)
            found = node.children.get(char)
            if found is None:
                return
            node = found
            yield from node.ends

    def _signal_starts(self, text: str, core_start: int) -> list[int]:
        """Starts of the one or two words before ``core_start`` that read as a signal ("on", "as of")."""
        starts: list[int] = []
        end = core_start
        for _ in range(2):
            gap = end
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            if gap == end:
                break
            word = gap
            while word > 0 and text[word - 1].isalpha():
                word -= 1
            if word == gap:
                break
            if self.signal.fullmatch(text, word, core_start):
                starts.append(word)
            end = word
        return starts

    def candidates(self, text: str) -> dict[int, list[int]]:
        """For each pattern index (except those scanned whole), the sorted positions where it may match."""
        found: dict[int, set[int]] = {}
        signal_cache: dict[int, list[int]] = {}
        for match in self.starts.finditer(text):
            start = match.start()
            indexes = set(self._cores_at(text, start))
            if not indexes:
                continue
            if start not in signal_cache:
                signal_cache[start] = self._signal_starts(text, start)
            positions = [start, *signal_cache[start]]
            for index in indexes:
                found.setdefault(index, set()).update(positions)
        return {index: sorted(positions) for index, positions in found.items()}


def matches(pattern: Pattern, text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.regex.finditer(text)`` yields, trying only ``positions`` (a superset of match starts)."""
    regex = pattern.regex
    resume = 0
    for position in positions:
        if position < resume:
            continue
        match = regex.match(text, position)
        if match is not None:
            yield match
            resume = match.end()


PREFILTER = Prefilter.build(PATTERNS)

__all__ = ["LEAD_CHARS", "PREFILTER", "Prefilter", "lead_strings", "matches", "normal"]
