"""The cleaned article: the text every later offset refers to, plus what the page says about itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal


@dataclass(frozen=True)
class CleanedArticle:
    text: str
    title: str = ""
    byline: str = ""
    outlet: str = ""
    published: date | None = None
    # Where ``published`` came from: the page's metadata, a date line in the text, or nowhere.
    published_source: Literal["metadata", "text", "unknown"] = "unknown"
    # Every date the page states, with where it says it: ("metadata", d) from the page's markup,
    # ("text", d) from a date line in its text. ``published`` is one of them; the date check compares them.
    dates: tuple[tuple[str, date], ...] = ()
