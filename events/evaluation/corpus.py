"""Running the engine (and the baseline) over a gold corpus: the part of ``evaluate`` that is not Django."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from events.evaluation.scoring.events import FileScore, GoldEvent, PredictedEvent, score_file
from events.extraction.config import ExtractionConfig
from events.extraction.types import ArticleExtraction


def predictions_of(result: ArticleExtraction) -> list[PredictedEvent]:
    text = result.text
    predicted = []
    for event in result.events:
        # The scorer matches on the whole sentence; the citation is that sentence.
        sentence = text[event.citation.start : event.citation.end]
        predicted.append(
            PredictedEvent(
                sentence=sentence,
                date=event.date,
                status=str(event.status),
                location=event.location.name if event.location else None,
                type=str(event.type),
            )
        )
    return predicted


def evaluate_corpus(
    gold: dict[str, tuple[date | None, list[GoldEvent]]],
    corpus: Path,
    config: ExtractionConfig,
    *,
    with_baseline: bool = False,
) -> tuple[list[FileScore], list[FileScore] | None]:
    """Scores per file for the engine, and for the baseline on the same clean texts when asked."""
    from events.evaluation.baseline import baseline_events
    from events.extraction.analysis import parse_texts, pipeline_for
    from events.extraction.pipeline import extract_document

    engine: list[FileScore] = []
    cleaned: list[tuple[str, str, date]] = []
    for name, (published, events) in sorted(gold.items()):
        raw = (corpus / name).read_text(encoding="utf-8", errors="replace")
        is_html = name.lower().endswith((".html", ".htm"))
        result = extract_document(raw, is_html=is_html, published=published, config=config)
        engine.append(score_file(name, events, predictions_of(result)))
        cleaned.append((name, result.text, result.published or date.today()))
    if not with_baseline:
        return engine, None
    nlp = pipeline_for(config.spacy_model)
    docs = parse_texts(nlp, (text for _, text, _ in cleaned), max_chars=config.chunk_chars, batch_size=8)
    baseline = [
        score_file(name, gold[name][1], baseline_events(doc, published))
        for (name, _, published), doc in zip(cleaned, docs, strict=True)
    ]
    return engine, baseline
