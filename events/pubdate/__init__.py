"""Is an article's stated publication date consistent with what its text says and what we know?

Pure Python (no Django): the facts (offices and their holders, recurring gatherings, known events) come
in as data, the reference date is passed in. ``events.services.articles_datecheck`` feeds it from the
database; ``tests/pubdate`` and ``bench/extraction.py`` call it directly.
"""

from events.pubdate.check import DateCheck, DatedMention, Reason, Verdict, check_publication_date
from events.pubdate.facts import Facts, Gathering, KnownEvent, Office, Term, load_facts

__all__ = [
    "DateCheck",
    "DatedMention",
    "Facts",
    "Gathering",
    "KnownEvent",
    "Office",
    "Reason",
    "Term",
    "Verdict",
    "check_publication_date",
    "load_facts",
]
