"""Words that look like time expressions but name no time.

- A time word inside a name or title: a programme called "This Week", a film "Noon Train", a bulletin
  "Zembla Today". English writes ordinary time words in lower case; one capitalised in running text, away
  from the start of its sentence, is part of a name when it stands in a run of capitalised words or alone
  between quotation marks. Month and weekday names are capitalised by spelling and prove nothing; a
  headline written in title case capitalises every word and is left alone.
- A month name heading a name: "the annual May for Peace", "a March against Hunger" name a rally or a
  campaign. A month alone after an article, followed by a preposition and a capitalised word, is the head of
  such a name ("in March for Ostland" has no article and stays a month).
- An age given as a decade after a possessive: "a man in his 40s" is forty-something years old, not the
  1940s.
- A time adverb inside a hyphenated modifier: "the now-defunct council", "the soon-to-open embassy" say
  what the noun is, not when anything happens.
- A fraction: "a quarter of the market", "about a quarter, of the members" is a share, not three months
  (a quarter of a time unit, "a quarter of an hour", is still a stretch of time).
- "soon" in a past narrative: "the protest soon spread to the capital" means shortly after the events told,
  not a time ahead of the publication (TimeML's FUTURE_REF).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from events.extraction.timex.lexicon import MONTH, WEEKDAY
from events.extraction.timex.patterns import HOLIDAYS
from events.extraction.timex.tense import EXPECTING_VERBS, PLAN_HEADS

# Words that are capitalised wherever they stand: month, weekday and holiday names ("Christmas Day").
_NAMED_WORD = re.compile(rf"(?:{MONTH}|{WEEKDAY})\.?$")
_HOLIDAY_WORDS = frozenset(word for name in HOLIDAYS for word in name.split())
# Words title case leaves in lower case: articles, short prepositions and conjunctions.
_TITLE_LOWER = frozenset(
    {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on",
     "per", "to", "up", "via", "with", "from", "into", "over"}
)  # fmt: skip
_POSSESSIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:his|her|their|its|my|your|our|one's|one’s)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE
)
# An article and at most one lower-case word ("the annual") right before the month; a preposition and a
# capitalised word other than a month or weekday name right after it.
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?i:the|a|an)\s+(?:[a-z]+\s+)?$")
_NAME_AFTER = re.compile(rf"\s+(?:for|of|against|on|to)\s+(?!{MONTH}|{WEEKDAY})[A-Z][a-z]")
_HYPHENATED_AFTER = re.compile(r"-[A-Za-z]")
# "of" and a determined whole: an article, a possessive, a demonstrative, "all", a number or a name ("a quarter
# of the market", "of the members", "of Ostland's exports"); "a quarter of slow growth" is three months of it.
_SHARE_OF = re.compile(
    r",?\s+of\s+(?!(?:an?\s+|the\s+)?(?:second|minute|hour|day|night|week|month|year|decade|century)s?\b)"
    r"(?:(?i:the|its|his|her|their|our|your|my|all|this|that|these|those|an?)\b|[A-Z0-9$€£])"
)


def _title_cased(token: Token) -> bool:
    text = token.text
    return len(text) > 1 and text[0].isupper() and text[1:].islower()


def _named(token: Token) -> bool:
    return bool(_NAMED_WORD.match(token.text)) or token.text in _HOLIDAY_WORDS


def _opens_sentence(token: Token) -> bool:
    """Whether only punctuation (quotation marks, a dash) stands before ``token`` in its sentence."""
    sentence = token.sent
    return all(doc_token.is_punct for doc_token in token.doc[sentence.start : token.i])


def _running_text(sentence: Span) -> bool:
    """Whether the sentence is written in sentence case: some word title case would capitalise is lower case."""
    return any(token.is_alpha and token.text.islower() and token.lower_ not in _TITLE_LOWER for token in sentence)


def _capitalised_neighbour(doc: Doc, index: int, step: int) -> bool:
    """Whether the word next to ``index`` (going ``step``), or the one after a title-case function word, is a
    capitalised word other than a month or weekday name."""
    for _ in range(2):
        index += step
        if not 0 <= index < len(doc):
            return False
        token = doc[index]
        if token.is_sent_start and step > 0:
            return False
        if token.lower_ in _TITLE_LOWER and token.text.islower():
            continue
        capitalised = _title_cased(token) or (token.is_alpha and token.text.isupper() and len(token.text) > 1)
        return capitalised and not _named(token)
    return False


def _quoted(doc: Doc, span: Span) -> bool:
    """Whether a quotation mark stands right before the span and right after it (past a comma or full stop)."""
    if span.start == 0 or not doc[span.start - 1].is_quote:
        return False
    index = span.end
    while index < len(doc) and doc[index].text in {",", "."}:
        index += 1
    return index < len(doc) and doc[index].is_quote


def in_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression at characters [start, end) is part of a name or title (see the module)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    odd = [token for token in span if _title_cased(token) and not _named(token) and not _opens_sentence(token)]
    if not odd or not _running_text(span[0].sent):
        return False
    return (
        _capitalised_neighbour(doc, span.start, -1)
        or _capitalised_neighbour(doc, span.end - 1, 1)
        or _quoted(doc, span)
    )


def month_heads_name(text: str, start: int, end: int) -> bool:
    """Whether the month name at [start, end) heads a name: an article before it, a preposition and a
    capitalised word after it ("the March for Unity")."""
    return bool(_ARTICLE_BEFORE.search(text, max(0, start - 24), start)) and bool(_NAME_AFTER.match(text, end))


def age_decade(text: str, start: int) -> bool:
    """Whether a two-digit decade starting at ``start`` follows a possessive: "in her early 30s"."""
    return _POSSESSIVE_BEFORE.search(text, max(0, start - 24), start) is not None


def in_compound_modifier(text: str, end: int) -> bool:
    """Whether a hyphen joins the word ending at ``end`` to the next: "now-defunct", "soon-to-open"."""
    return _HYPHENATED_AFTER.match(text, end) is not None


def share_of(text: str, end: int) -> bool:
    """Whether "of" and a determined whole other than a time unit follow a quarter ending at ``end``: a
    fraction."""
    return _SHARE_OF.match(text, end) is not None


def narrated_soon(token: Token) -> bool:
    """Whether "soon" modifies a verb in the simple past (or a past passive) with no modal, plan or
    expectation about it: "soon spread", "were soon freed"."""
    verb = token.head
    if token.dep_ != "advmod" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_.lower() in EXPECTING_VERBS | PLAN_HEADS:
        return False  # "the vote was expected soon": a time ahead of the expecting
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    if any(aux.tag_ == "MD" or aux.lower_ == "to" for aux in auxiliaries) or verb.dep_ == "xcomp":
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(aux.tag_ == "VBD" for aux in auxiliaries)


# Verbs of staying put: "stayed overnight in Port Ostra" is how long, not when.
_STAYING_VERBS = frozenset({"stay", "remain", "spend", "camp", "wait", "stop", "rest", "sleep", "keep", "park", "last"})


def narrated_overnight(token: Token) -> bool:
    """Whether "overnight" tells when a reported act happened: an adverb of a verb in the past or present
    perfect ("struck overnight", "have shelled the city overnight"), not an adjective ("overnight talks"),
    not with a verb of staying ("stayed overnight"), not ahead ("will stay overnight")."""
    verb = token.head
    if token.dep_ not in {"advmod", "npadvmod"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_.lower() in _STAYING_VERBS:
        return False
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    if any(aux.tag_ == "MD" or aux.lower_ == "to" for aux in auxiliaries) or verb.dep_ == "xcomp":
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(aux.lemma_.lower() in {"have", "be"} for aux in auxiliaries)


__all__ = [
    "age_decade",
    "in_compound_modifier",
    "in_name",
    "month_heads_name",
    "narrated_overnight",
    "narrated_soon",
    "share_of",
]
