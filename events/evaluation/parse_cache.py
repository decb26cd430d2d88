"""Parses kept on disk between evaluation runs.

Parsing is most of the cost of an evaluation (about 2,000 articles' worth of text over all the sets) and
an engine change does not change a parse: each text's joined Doc (as ``parse_texts`` builds it) is stored
as a ``DocBin`` under a key made of the text, the model's name and version, spaCy's version, the pipeline's
components with the engine's lemma fixes (``events.extraction.nlp``) and the piece size, so a new model, a new
spaCy or a changed fix parses again instead of reading a stale parse.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from events.extraction.analysis import parse_texts, pipeline_for
from events.extraction.config import ExtractionConfig

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _key(nlp: Language, config: ExtractionConfig, text: str) -> str:
    import spacy

    from events.extraction.nlp import FOREIGN_PHRASES, GLUED_COMMA, VERB_LEMMA_FIXES

    # The components, the engine's lemma fixes, merged phrases and split commas too: a parse made before a change to
    # any of them is another parse.
    pipeline = "|".join(nlp.pipe_names) + repr(sorted(VERB_LEMMA_FIXES.items())) + FOREIGN_PHRASES.pattern + GLUED_COMMA
    digest = hashlib.sha256()
    parts = (
        config.spacy_model,
        nlp.meta.get("version", ""),
        spacy.__version__,
        pipeline,
        str(config.chunk_chars),
        text,
    )
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class ParseCache:
    """Parse texts, reading and writing ``directory`` (None: no cache, parse every time)."""

    def __init__(self, config: ExtractionConfig, directory: Path | None, *, processes: int = 1) -> None:
        self.config = config
        self.directory = directory
        self.processes = processes
        self.parsed = 0  # texts parsed in this run (the rest came from the cache)
        self.read = 0

    def docs(self, texts: Sequence[str]) -> list[Doc]:
        """One Doc per text, in order: cached ones read back, the others parsed in one stream and stored."""
        from spacy.tokens import DocBin

        nlp = pipeline_for(self.config.spacy_model)
        keys = [_key(nlp, self.config, text) for text in texts]
        found: dict[int, Doc] = {}
        if self.directory is not None:
            for index, key in enumerate(keys):
                path = self.directory / key[:2] / f"{key}.spacy"
                if path.is_file():
                    try:
                        doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
                    except (ValueError, StopIteration, OSError):  # a torn or foreign file: parse again
                        continue
                    if doc.text == texts[index]:
                        found[index] = doc
        self.read += len(found)
        missing = [index for index in range(len(texts)) if index not in found]
        parsed = parse_texts(
            nlp,
            (texts[index] for index in missing),
            max_chars=self.config.chunk_chars,
            batch_size=self.config.batch_size,
            processes=self.processes,
            parallel_min_chars=0 if self.processes > 1 else self.config.parallel_min_chars,
        )
        for index, doc in zip(missing, parsed, strict=True):
            found[index] = doc
            self.parsed += 1
            if self.directory is not None:
                self._store(keys[index], doc)
        return [found[index] for index in range(len(texts))]

    def _store(self, key: str, doc: Doc) -> None:
        from spacy.tokens import DocBin

        assert self.directory is not None
        folder = self.directory / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        data = DocBin(docs=[doc], store_user_data=False).to_bytes()
        # Written under a temporary name and renamed, so a run killed midway leaves no torn file behind.
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / f"{key}.spacy")
