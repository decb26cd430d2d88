"""Plain-text pages: scraped copies with a header (breadcrumb, title, byline, a "Date:" line), the story,
then tag lists and "Related" / "Ranking" / "Recommendation" link lists that are not part of the story.

The rules are about the shape of such pages, not about one site: prose paragraphs are kept, the header is
read for title, byline and date, and everything from the first link-list heading on is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from events.extraction.cleaning.article import CleanedArticle

# Headings that open the page furniture after the story. Everything from the first of them is dropped.
_TRAILER_HEADINGS = re.compile(
    r"^\s*(related( (stories|articles|news|coverage|content|posts))?|ranking|recommendations?|recommended"
    r"( for you)?|read more|more (stories|from .*)|most (read|popular|viewed)|trending( now)?|tags?:?|"
    r"see also|you may also like|popular( now)?|latest news|editor'?s picks|share this( article)?|comments?)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_TAG_LIST_HEAD = re.compile(r"^\s*[-•*]\s*(in|tags|topics|filed under)\s*:\s*$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^\s*(?:date|published|posted|updated|first published)(?: on)?\s*:?\s*"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*(?:[Bb]y\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4})\s*$")
_BREADCRUMB = re.compile(r"(^|\s)(current\s*:|home\s*[>»/])", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$|[\"”]\s*$")


def _is_prose(line: str) -> bool:
    """A story paragraph: several words, and either long or closed like a sentence."""
    words = line.split()
    if len(words) < 6 or line.lstrip().startswith(("-", "•", "*", "|")):
        return False
    if _BREADCRUMB.search(line) or re.search(r"\w\|\w", line):
        return False  # a breadcrumb or a "Label|Title" header line
    return len(line) >= 120 or bool(_SENTENCE_END.search(line))


def date_line_in(lines: list[str], *, first: int = 6) -> date | None:
    """The date of a date line ("Published: June 18, 2023") among the first ``first`` lines, if any."""
    for line in lines[:first]:
        match = _DATE_LINE.match(line)
        if match:
            return _parse_stated_date(match["date"])
    return None


def _parse_stated_date(value: str) -> date | None:
    value = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    import dateparser  # type: ignore[import-untyped,unused-ignore]  # imported lazily: it is slow to import and only needed for spelled-out dates

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # Control characters other than newlines and tabs only confuse the tokenizer.
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def _title_and_labels(candidates: list[str]) -> tuple[str, str, list[str]]:
    """The story title, the outlet and the stray labels a spammy page glues to its title ("Name|Title")."""
    title, outlet = "", ""
    labels: list[str] = []
    for line in candidates:
        body = line
        if _BREADCRUMB.search(body):
            # "Current:Home > ScamsName|Title -Outlet": only the outlet is worth keeping.
            tail = re.split(r"\s[-–—|]\s?(?=[^-–—|]+$)", body)
            if len(tail) == 2 and len(tail[1].split()) <= 5:
                outlet = tail[1].strip()
            continue
        segments = [seg.strip() for seg in re.split(r"\s*\|\s*", body) if seg.strip()]
        if not segments:
            continue
        best = max(segments, key=lambda seg: len(seg.split()))
        if len(best.split()) >= 4 and not title:
            title = best
            labels.extend(seg for seg in segments if seg is not best and len(seg.split()) <= 4)
    return title, outlet, labels


def clean_text(raw: str) -> CleanedArticle:
    """Clean a scraped plain-text page; a text that is already clean comes back with its paragraphs."""
    text = _normalise(raw or "")
    lines = [line.strip() for line in text.split("\n")]
    published: date | None = None
    byline = ""
    header: list[str] = []
    body: list[str] = []
    body_started = False
    for line in lines:
        if not line:
            continue
        if body_started and (_TRAILER_HEADINGS.match(line) or _TAG_LIST_HEAD.match(line)):
            break
        date_match = _DATE_LINE.match(line)
        if date_match and not body_started and published is None:
            published = _parse_stated_date(date_match["date"])
            continue
        if _is_prose(line):
            body_started = True
            body.append(line)
        elif not body_started:
            header.append(line)
        elif body and len(line.split()) >= 3 and not line.startswith(("-", "•", "*")):
            # A short paragraph inside the story (a one-line quote, a subheading) stays.
            body.append(line)
    title, outlet, labels = _title_and_labels(header)
    # A page that pastes labels into its title and story is a keyword-stuffed copy: the name in its header
    # is the copying site's persona, not the author of the story it copied (a wire story's reporter).
    stuffed = bool(labels)
    for line in header if not stuffed else []:
        if line and title not in line and not _BREADCRUMB.search(line) and "|" not in line:
            match = _BYLINE.match(re.sub(r"\s+(view|follow|profile)\s*$", "", line, flags=re.IGNORECASE))
            if match and not byline:
                byline = match["name"]
    paragraphs = body
    for label in labels:
        # Keyword-stuffed pages paste the label into the story ("on Jane Doea high-stakes mission").
        paragraphs = [p.replace(label, "") for p in paragraphs]
    paragraphs = [re.sub(r"[ \t]{2,}", " ", p).strip() for p in paragraphs]
    return CleanedArticle(
        text="\n\n".join(p for p in paragraphs if p),
        title=title,
        byline=byline,
        outlet=outlet,
        published=published,
        published_source="text" if published else "unknown",
        dates=(("text", published),) if published else (),
    )
