"""Quotation spans: which stretches of a paragraph sit inside quote marks.

Handles straight and curly double quotes, «guillemets», „German“ quotes,
single-quoted quotes when no double quote is open, quotes re-opened at each
paragraph of a multi-paragraph quote, and unbalanced marks (an unclosed quote
ends at its paragraph; an orphan closing mark closes a quote that starts at
its sentence).  It never fails: broken marks degrade one quote, not the
document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import regex

Span = tuple[int, int]

# Quote marks that can open or close a quotation (apostrophe-like ’ handled
# separately because it mostly is an apostrophe).
RE_MARK = regex.compile(r"''|``|[\"“”„«»‘’‚]")
OPENERS = {"“": "”", "„": "“", "«": "»", "‘": "’", "‚": "‘"}
CLOSERS = {"”", "»", "’"}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``outer`` includes the marks, ``inner`` is the content."""

    outer: Span
    inner: Span
    closed: bool  # False when the closing mark was missing
    opened: bool  # False when the opening mark was missing (orphan close)


def _straight_opens(text: str, pos: int, start: int) -> bool:
    """A straight quote opens when it follows a space or an opening bracket."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:":
        return not after.isspace()
    return False


def find_quotes(text: str, paragraphs: Sequence[Span], sentence_starts: Sequence[int] = ()) -> list[Quote]:
    """All quotations in the given paragraphs, in order.

    ``sentence_starts`` (sorted) lets an orphan closing mark start its quote
    at the beginning of its sentence rather than its paragraph.
    """
    quotes: list[Quote] = []
    open_at: int | None = None  # position of the opening mark of the current quote
    open_mark = ""
    open_width = 1
    skip_pos = -1  # a re-opening mark that continues the current quote
    starts = sorted(sentence_starts)

    def orphan(pos: int, floor: int) -> None:
        i = bisect_right(starts, pos) - 1
        start = max(floor, starts[i]) if i >= 0 else floor
        if pos > start:
            quotes.append(Quote((start, pos + 1), (start, pos), True, False))

    def close(pos: int, width: int = 1) -> None:
        assert open_at is not None
        quotes.append(Quote((open_at, pos + width), (open_at + open_width, pos), True, True))

    for index, (p_start, p_end) in enumerate(paragraphs):
        last_end = p_start  # an orphan quote may not reach before this point
        for match in RE_MARK.finditer(text, p_start, p_end):
            pos = match.start()
            if pos == skip_pos:
                continue
            mark = match.group()
            width = len(mark)
            if mark in ("''", "``"):
                mark = '"'  # typewriter-style doubled marks stand for a double quote
            prev = text[pos - 1] if pos > p_start else " "
            nxt = text[pos + width] if pos + width < p_end else " "
            if mark in "’‘‚":
                # Single quotes count only at top level, never as apostrophes.
                if open_at is None and mark in "‘‚" and not prev.isalnum() and nxt.isalnum():
                    open_at, open_mark, open_width = pos, mark, 1
                elif open_at is not None and open_mark in "‘‚" and mark == "’" and not nxt.isalnum():
                    close(pos)
                    open_at, last_end = None, pos + 1
                continue
            if open_at is not None and open_mark in "‘‚":
                open_at = None  # the single mark was an apostrophe after all
            if open_at is None:
                if mark in OPENERS or (mark == '"' and (_straight_opens(text, pos, p_start) or pos == p_start)):
                    open_at, open_mark, open_width = pos, mark, width
                else:
                    orphan(pos, last_end)
                    last_end = pos + width
                continue
            # A quote is open.
            if mark == '"' and open_mark == '"':
                if prev.isspace() and not nxt.isspace() and text[max(p_start, pos - 2)] not in ",.!?":
                    quotes.append(_unclosed(text, open_at, pos))  # a new opener
                    open_at, open_width = pos, width
                else:
                    close(pos, width)
                    open_at, last_end = None, pos + width
            elif mark == OPENERS.get(open_mark) or mark in CLOSERS or mark == '"':
                close(pos, width)
                open_at, last_end = None, pos + width
            else:
                quotes.append(_unclosed(text, open_at, pos))  # an opener inside an open quote
                open_at, open_mark, open_width = pos, mark, width
        if open_at is not None:
            # Open at the end of the paragraph: a multi-paragraph quote goes on
            # when the next paragraph re-opens with a quote mark.
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following and open_mark not in "‘‚" and (text[following[0]] in '"“„«' or text.startswith("''", following[0])):
                skip_pos = following[0]
            else:
                quotes.append(_unclosed(text, open_at, p_end))
                open_at = None
    return quotes


def _unclosed(text: str, open_at: int, end: int) -> Quote:
    width = 2 if text.startswith(("''", "``"), open_at) else 1
    while end > open_at + width and text[end - 1].isspace():
        end -= 1
    return Quote((open_at, end), (open_at + width, end), False, True)


def inside_any(quotes: Sequence[Quote], pos: int) -> Quote | None:
    """The quote whose marks enclose ``pos``, if any."""
    for quote in quotes:
        if quote.outer[0] <= pos < quote.outer[1]:
            return quote
    return None
