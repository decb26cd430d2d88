"""MEANTIME (NewsReader, English) as a benchmark for the time-expression resolver.

MEANTIME is CAT XML: ``<token t_id sentence>`` elements, then ``<Markables>`` whose ``TIMEX3`` elements
point at tokens through ``token_anchor``. We rebuild running text from the tokens (keeping a token ->
character map) so an annotator that works on text can be scored, and score with the TempEval-3 measures:

- strict span: the predicted tokens are exactly the gold tokens;
- relaxed span: they overlap (one-to-one, in text order);
- value: a relaxed match whose TIMEX3 ``value`` equals the gold value. Value F1 counts found *and*
  correctly normalised expressions against all gold and all predicted ones, as the published figures do.

Traps the reader handles (see ../shared/data/README.md): only about the first six sentences of each
document are annotated, so predictions past the last annotated sentence are not scored; the date line
under the title is itself a TIMEX3 (the creation time) and is excluded on both sides; one creation time
is written ``03-02-2009`` (day-month-year); two documents have none, and there the date line is parsed.
Pure Python: the annotator is passed in, so this module needs neither spaCy nor Django.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Tokens written against the previous token ("Boeing ," -> "Boeing,") and after which none is wanted.
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})

# The published reference figures on the same documents (value F1, date line excluded).
REFERENCE_VALUE_F1: dict[str, float] = {
    "HeidelTime": 0.73,
    "Microsoft Recognizers-Text": 0.56,
    "dateparser": 0.47,
    "duckling": 0.34,
}


@dataclass(frozen=True)
class GoldTimex:
    token_ids: tuple[int, ...]
    timex_type: str
    value: str
    text: str


@dataclass(frozen=True)
class PredictedTimex:
    token_ids: tuple[int, ...]
    timex_type: str
    value: str
    text: str


@dataclass
class MeantimeDocument:
    """One document: rebuilt text, token offsets, the scored region and its gold TIMEX3s."""

    name: str
    text: str
    token_spans: dict[int, tuple[int, int]]  # t_id -> (start, end) in text
    token_sentence: dict[int, int]
    published: date | None
    date_line_sentence: int | None
    last_annotated_sentence: int
    gold: list[GoldTimex] = field(default_factory=list)

    def scored(self, token_ids: Iterable[int]) -> bool:
        """Whether an expression on these tokens lies in the annotated part (and is not the date line)."""
        sentences = {self.token_sentence[t] for t in token_ids if t in self.token_sentence}
        if not sentences:
            return False
        return max(sentences) <= self.last_annotated_sentence and self.date_line_sentence not in sentences

    def tokens_for(self, start: int, end: int) -> tuple[int, ...]:
        """The tokens a character span touches."""
        return tuple(t for t, (s, e) in self.token_spans.items() if s < end and e > start)


def parse_creation_time(value: str) -> date | None:
    """The creation time as a date; ``03-02-2009`` is day-month-year (2009-02-03)."""
    value = value.strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = re.match(r"^(\d{2})-(\d{2})-(\d{4})$", value)
    if match:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def rebuild_text(tokens: list[tuple[int, int, str]]) -> tuple[str, dict[int, tuple[int, int]]]:
    """Running text from (t_id, sentence, word) tokens: sentences on their own lines, English spacing."""
    pieces: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    length = 0
    previous_sentence: int | None = None
    previous_word = ""
    for t_id, sentence, word in tokens:
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = "\n"
        elif word in _NO_SPACE_BEFORE or previous_word in _NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        pieces.append(gap)
        length += len(gap)
        spans[t_id] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        previous_sentence, previous_word = sentence, word
    return "".join(pieces), spans


def read_document(path: Path, *, date_line_parser: Callable[[str], date | None] | None = None) -> MeantimeDocument:
    """Read one CAT XML file. ``date_line_parser`` dates a document that has no creation time."""
    root = ET.parse(path).getroot()  # noqa: S314 - a local, trusted gold-data file
    tokens = [(int(t.get("t_id", "0")), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    text, spans = rebuild_text(tokens)
    sentence_of = {t_id: sentence for t_id, sentence, _ in tokens}
    word_of = {t_id: word for t_id, _, word in tokens}
    markables = root.find("Markables")
    annotated: set[int] = set()
    published: date | None = None
    date_line: int | None = None
    gold: list[GoldTimex] = []
    for markable in list(markables) if markables is not None else []:
        ids = tuple(int(a.get("t_id", "0")) for a in markable.iter("token_anchor"))
        annotated.update(sentence_of[t] for t in ids if t in sentence_of)
        if markable.tag != "TIMEX3" or not ids:
            continue
        if markable.get("functionInDocument") == "CREATION_TIME":
            published = parse_creation_time(markable.get("value", ""))
            date_line = sentence_of.get(ids[0])
            continue
        text_of = " ".join(word_of.get(t, "") for t in ids)
        gold.append(GoldTimex(ids, markable.get("type", ""), markable.get("value", ""), text_of))
    if date_line is None:
        # Wikinews puts the date line right under the title; without a creation time, it is sentence 1.
        date_line = 1
    if published is None and date_line_parser is not None:
        line_spans = [spans[t_id] for t_id, sentence, _ in tokens if sentence == date_line]
        line = text[line_spans[0][0] : line_spans[-1][1]] if line_spans else ""
        published = date_line_parser(line)
    document = MeantimeDocument(
        name=path.stem,
        text=text,
        token_spans=spans,
        token_sentence=sentence_of,
        published=published,
        date_line_sentence=date_line,
        last_annotated_sentence=max(annotated) if annotated else -1,
    )
    document.gold = [g for g in gold if document.scored(g.token_ids)]
    return document


def read_corpus(
    directory: Path, *, date_line_parser: Callable[[str], date | None] | None = None
) -> list[MeantimeDocument]:
    """Every ``*.xml`` under ``directory`` (recursively), in a stable order."""
    return [read_document(p, date_line_parser=date_line_parser) for p in sorted(directory.rglob("*.xml"))]


@dataclass
class Score:
    """Counts and the F1s derived from them."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    @staticmethod
    def _f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        precision = hits / predicted if predicted else 0.0
        recall = hits / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def strict_prf(self) -> tuple[float, float, float]:
        return self._f1(self.strict, self.predicted, self.gold)

    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._f1(self.relaxed, self.predicted, self.gold)

    def value_prf(self) -> tuple[float, float, float]:
        return self._f1(self.value, self.predicted, self.gold)

    def type_prf(self) -> tuple[float, float, float]:
        return self._f1(self.type, self.predicted, self.gold)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
        self.type += other.type


@dataclass(frozen=True)
class Match:
    gold: GoldTimex | None
    predicted: PredictedTimex | None


def align(gold: list[GoldTimex], predicted: list[PredictedTimex]) -> list[Match]:
    """Pair gold and predicted expressions one to one: exact spans first, then any overlap, in text order."""
    pairs: list[Match] = []
    free_gold = list(gold)
    free_pred = list(predicted)
    for wanted_exact in (True, False):
        for g in list(free_gold):
            for p in free_pred:
                exact = set(g.token_ids) == set(p.token_ids)
                overlap = bool(set(g.token_ids) & set(p.token_ids))
                if (wanted_exact and exact) or (not wanted_exact and overlap):
                    pairs.append(Match(g, p))
                    free_gold.remove(g)
                    free_pred.remove(p)
                    break
    pairs += [Match(g, None) for g in free_gold] + [Match(None, p) for p in free_pred]
    return pairs


def score_document(gold: list[GoldTimex], predicted: list[PredictedTimex]) -> tuple[Score, list[Match]]:
    score = Score(gold=len(gold), predicted=len(predicted))
    matches = align(gold, predicted)
    for match in matches:
        if match.gold is None or match.predicted is None:
            continue
        score.relaxed += 1
        score.strict += set(match.gold.token_ids) == set(match.predicted.token_ids)
        score.value += match.gold.value == match.predicted.value
        score.type += match.gold.timex_type == match.predicted.timex_type
    return score, matches


# text, publication date -> (start, end, TIMEX3 type, TIMEX3 value) per expression found
Annotator = Callable[[str, date], list[tuple[int, int, str, str]]]


def predict(document: MeantimeDocument, annotator: Annotator) -> list[PredictedTimex]:
    """Run ``annotator`` on the rebuilt text and keep what falls in the scored region."""
    if document.published is None:
        return []
    predicted = []
    for start, end, timex_type, value in annotator(document.text, document.published):
        tokens = document.tokens_for(start, end)
        if tokens and document.scored(tokens):
            predicted.append(PredictedTimex(tokens, timex_type, value, document.text[start:end]))
    return predicted


@dataclass
class Evaluation:
    total: Score
    documents: int
    undated: list[str]
    matches: list[tuple[str, Match]]


def evaluate(documents: list[MeantimeDocument], annotator: Annotator) -> Evaluation:
    """Score ``annotator`` on ``documents``; an undated document still counts its gold as missed."""
    total = Score()
    undated: list[str] = []
    matches: list[tuple[str, Match]] = []
    for document in documents:
        if document.published is None:
            undated.append(document.name)
        score, pairs = score_document(document.gold, predict(document, annotator))
        total.add(score)
        matches += [(document.name, pair) for pair in pairs]
    return Evaluation(total=total, documents=len(documents), undated=undated, matches=matches)


__all__ = [
    "REFERENCE_VALUE_F1",
    "Evaluation",
    "GoldTimex",
    "MeantimeDocument",
    "PredictedTimex",
    "Score",
    "align",
    "evaluate",
    "parse_creation_time",
    "read_corpus",
    "read_document",
    "score_document",
]
