"""The base of the commands that run the extraction engine (extract, evaluate, timex, evaluate-timex)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from events.extraction.nlp import PipelineNotInstalled


class EngineCommand(BaseCommand):
    """A command that loads the spaCy pipeline: a missing one stops it with a sentence, not a traceback."""

    def execute(self, *args: Any, **options: Any) -> str | None:
        try:
            return super().execute(*args, **options)
        except PipelineNotInstalled as error:
            raise CommandError(str(error)) from None
