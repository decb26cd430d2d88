"""The overview strip at the top of a timeline: events per month as a server-rendered SVG.

One bar per month over the whole span, the part still ahead of today stacked on top in another colour
and hatched (so it reads without colour too), a line at today, and each bar a link to its month. The
SVG is decoration for pointer users: it is ``aria-hidden`` and its links leave the tab order; the same
counts and links come as a list (:attr:`Strip.rows`) that the template renders as the text alternative.
On a phone the strip keeps a minimum width per month and scrolls sideways instead of shrinking to hairs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from html import escape  # the stdlib's: Django's lazy-aware wrapper costs more, and every value here is a str

from django.utils.safestring import SafeString, mark_safe

from events.selectors import MonthCount as MonthCountRow
from timeline.timeline_groups import FULL_MONTHS, MONTH_PRECISIONS

MAX_MONTHS = 1200  # a century; older months are left out of the strip (they stay in the timeline)
BAR_AREA = 64
LABEL_AREA = 16
TOP_PAD = 14  # room for the "today" label above the bars
MIN_COLUMN_PX = 8


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    past: int
    ahead: int
    href: str
    ahead_href: str

    @property
    def total(self) -> int:
        return self.past + self.ahead

    @property
    def label(self) -> str:
        return f"{FULL_MONTHS[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class Strip:
    svg: SafeString
    rows: list[MonthCount]  # months with at least one event, for the text alternative
    total: int
    ahead: int
    coarse: int  # events dated only to a year or coarser: in the timeline, not in the strip
    first: str
    last: str

    @cached_property  # a cached strip is shown again and again
    def text_html(self) -> SafeString:
        """The counts as a list of links, one per month with events (the strip's text alternative)."""
        items: list[str] = []
        for row in self.rows:
            parts = []
            if row.past:
                plural = "s" if row.past != 1 else ""
                parts.append(f'<a href="{escape(row.href)}">{row.label}: {row.past} event{plural}</a>')
            if row.ahead:
                prefix = "" if row.past else f"{row.label}: "
                parts.append(f'<a href="{escape(row.ahead_href)}">{prefix}{row.ahead} scheduled</a>')
            items.append(f"<li>{'; '.join(parts)}</li>")
        return mark_safe(f"<ul>{''.join(items)}</ul>")  # noqa: S308  labels are ours, hrefs escaped


LinkFor = Callable[[int, int, bool], str]


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def build_strip(rows: Iterable[MonthCountRow], *, today: date, link_for: LinkFor) -> Strip | None:
    """The strip for month-count rows from ``selectors.event_public_month_counts``; None when empty.

    ``link_for(year, month, ahead)`` returns the href of a month's anchor (in this page or another
    window of it).
    """
    past: dict[int, int] = {}
    ahead: dict[int, int] = {}
    coarse = 0
    for year, month, precision, total, in_future in rows:
        if precision not in MONTH_PRECISIONS or year <= 1:
            coarse += total
            continue
        index = _month_index(year, month)
        past[index] = past.get(index, 0) + total - in_future
        ahead[index] = ahead.get(index, 0) + in_future
    indexes = sorted(set(past) | set(ahead))
    if not indexes:
        return None
    start, end = indexes[0], indexes[-1]
    start = max(start, end - MAX_MONTHS + 1)
    months = end - start + 1
    height = TOP_PAD + BAR_AREA + LABEL_AREA
    peak = max(past.get(i, 0) + ahead.get(i, 0) for i in range(start, end + 1)) or 1
    column = 100.0 / months  # percent of the strip's width: bars follow the screen, text keeps its size
    bar_w = column * 0.82
    # Below MIN_COLUMN_PX a month the strip stops shrinking and scrolls sideways instead.
    min_width = months * MIN_COLUMN_PX
    label_every = max(1, math.ceil(36 / (12 * MIN_COLUMN_PX * 1.5)))  # year labels stay apart
    base_y = TOP_PAD + BAR_AREA

    parts: list[str] = [
        f'<svg class="strip-svg" xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" '
        f'style="min-width:{min_width}px" aria-hidden="true" focusable="false">',
        '<defs><pattern id="strip-hatch" width="4" height="4" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="4" height="4" class="strip-ahead"/>'
        '<line x1="0" y1="0" x2="0" y2="4" class="strip-hatch-line"/></pattern></defs>',
        f'<line x1="0" y1="{base_y}" x2="100%" y2="{base_y}" class="strip-axis"/>',
    ]
    counts: list[MonthCount] = []
    for index in range(start, end + 1):
        year, month = divmod(index, 12)
        month += 1
        x = (index - start) * column
        n_past, n_ahead = past.get(index, 0), ahead.get(index, 0)
        if n_past or n_ahead:
            count = MonthCount(year, month, n_past, n_ahead, link_for(year, month, False), link_for(year, month, True))
            counts.append(count)
            top = float(base_y)
            for number, href, what, css in (
                (n_past, count.href, "event" if n_past == 1 else "events", 'class="strip-past"'),
                (n_ahead, count.ahead_href, "scheduled", 'fill="url(#strip-hatch)" class="strip-ahead-bar"'),
            ):
                if not number:
                    continue
                h = max(2.0, BAR_AREA * number / peak)
                top -= h
                parts.append(
                    f'<a href="{escape(href)}" tabindex="-1"><title>{escape(count.label)}: {number} {what}</title>'
                    f'<rect x="{x:.3f}%" y="{top:.1f}" width="{bar_w:.3f}%" height="{h:.1f}" {css}/></a>'
                )
        if (month == 1 and year % label_every == 0) or index == start:
            parts.append(f'<text x="{x:.3f}%" y="{height - 3}" class="strip-label">{year}</text>')
    today_index = _month_index(today.year, today.month)
    if start <= today_index <= end:
        x = (today_index - start + (today.day - 1) / 31) * column
        anchor = "end" if x > 90 else "start"
        parts.append(
            f'<line x1="{x:.3f}%" y1="2" x2="{x:.3f}%" y2="{base_y}" class="strip-today"/>'
            f'<text x="{x:.3f}%" dx="{-3 if anchor == "end" else 3}" y="10" text-anchor="{anchor}" '
            'class="strip-label">today</text>'
        )
    parts.append("</svg>")
    first_year, first_month = divmod(start, 12)
    last_year, last_month = divmod(end, 12)
    return Strip(
        svg=mark_safe("".join(parts)),  # noqa: S308  every interpolated value above is a number or escaped
        rows=counts,
        total=sum(c.total for c in counts),
        ahead=sum(c.ahead for c in counts),
        coarse=coarse,
        first=f"{FULL_MONTHS[first_month]} {first_year}",
        last=f"{FULL_MONTHS[last_month]} {last_year}",
    )
