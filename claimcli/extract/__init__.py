"""The extraction pipeline: text -> Document with claims, figures and times.

Data flows one way: text with offsets -> lines and sentences -> quotes and
mentions -> claims.  ``analyse`` is the single entry point; everything here is
pure (no I/O, no printing) and safe to run in worker processes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TypeVar

import regex

from ..models import Claim, Content, Document, Figure, TimeRef
from ..text import Line, doc_id, front_matter, paragraphs, scan_lines, sentences, title_of, unwrap
from .attributions import Attributor, Found, find_channel, find_hedges
from .figures import extract_figures
from .quotes import find_quotes
from .speakers import NameBook
from .times import extract_times, find_dateline

#: Bumped whenever extraction output changes, so stored claims can be refreshed.
EXTRACTOR_VERSION = "0.4.8"

Span = tuple[int, int]
_Spanned = TypeVar("_Spanned", Figure, TimeRef)

RE_WIRE_DATELINE = regex.compile(r"^[\p{Lu}][\p{Lu}\p{M} .'’\-]{1,40},[^()\n]{0,40}\((\p{Lu}[\p{L} .&'’\-]{1,40})\)\s*[-—–]")
RE_VERIFY_HEDGE = regex.compile(r"\b(?:verif|confirm)", regex.IGNORECASE)


def _overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


class _SpanIndex:
    """Items with spans, sorted by start: which lie inside a span, in log time."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = spans
        self.starts = [sp[0] for sp in spans]

    def within(self, outer: Span) -> list[int]:
        out = []
        for i in range(bisect_left(self.starts, outer[0]), bisect_left(self.starts, outer[1])):
            if self.spans[i][1] <= outer[1]:
                out.append(i)
        return out


def _reindex(figures: Sequence[Figure], keep: list[int]) -> tuple[Figure, ...]:
    """The figures at ``keep`` with part_of pointing into the new list."""
    position = {old: new for new, old in enumerate(keep)}
    out = []
    for old in keep:
        fig = figures[old]
        part = position.get(fig.part_of) if fig.part_of is not None else None
        out.append(Figure(fig.text, fig.span, fig.value, fig.low, fig.high, fig.qualifier, fig.object,
                          fig.event, part))
    return tuple(out)


def _published(text: str, meta: dict[str, str], published: str | None) -> str | None:
    for candidate in (published, meta.get("published"), meta.get("date")):
        if candidate:
            try:
                return dt.date.fromisoformat(candidate.strip()[:10]).isoformat()
            except ValueError:
                continue
    found = find_dateline(text)
    return found.isoformat() if found else None


def _publisher(text: str, meta: dict[str, str], lines: list[Line]) -> str | None:
    if meta.get("publisher"):
        return meta["publisher"]
    for line in lines[:40]:
        if line.kind == "text":
            match = RE_WIRE_DATELINE.match(text, line.span[0], line.span[1])
            if match:
                return match.group(1).strip()
            break
    return None


def analyse(
    text: str,
    *,
    source: str = "-",
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
) -> Document:
    """Extract claims, figures and times from one article's text."""
    lines = scan_lines(text)
    meta = front_matter(text, lines)
    published = _published(text, meta, published)
    anchor = dt.date.fromisoformat(published) if published else None
    paras = paragraphs(text, lines)
    sents = sentences(text, paras)
    meta_spans = [line.span for line in lines if line.kind == "meta"]

    quotes = find_quotes(text, paras, [s.span[0] for s in sents])
    book = NameBook(text, paras)
    found = Attributor(text, sents, quotes, book).run()

    # Figures and times read hard-wrapped lines as one line ("in\n1987"); their
    # records keep the text as written.
    flat = unwrap(text, paras)
    found_figures = [_as_written(text, flat, f) for f in extract_figures(flat)]
    # part_of points into the list as found: renumber it for the figures kept
    kept = [i for i, f in enumerate(found_figures) if not any(_overlaps(f.span, m) for m in meta_spans)]
    figures = _reindex(found_figures, kept) if kept else ()
    times = tuple(_as_written(text, flat, t) for t in extract_times(flat, anchor)
                  if not any(_overlaps(t.span, m) for m in meta_spans))

    fig_index = _SpanIndex([f.span for f in figures])
    time_index = _SpanIndex([t.span for t in times])
    ident = doc_id(text)
    claims: list[Claim] = []
    sentence_spans = [s.span for s in sents]
    starts = [s[0] for s in sentence_spans]
    attributed: list[Span] = []
    for item in found:
        claim_span = _claim_span(sentence_spans, starts, item)
        attributed.append(claim_span)
        claims.append(_claim(text, ident, item, claim_span, figures, times, fig_index, time_index, sentence_spans))
    attributed.sort()
    # reach[i]: the furthest end among the first i + 1 attributed spans, so a
    # sentence is covered when a span starting before its end reaches past its start.
    reach = list(accumulate((a[1] for a in attributed), max))
    for span in sentence_spans:
        i = bisect_left(attributed, (span[1], span[1])) - 1
        if i >= 0 and reach[i] > span[0]:
            continue
        in_span = fig_index.within(span)
        if not any(figures[i].event or figures[i].object for i in in_span):
            continue
        claims.append(Claim(
            id="", kind="figure", span=span, speaker=None, cue=None,
            content=Content(text[span[0]:span[1]], span, False),
            figures=_reindex(figures, in_span),
            times=tuple(times[i] for i in time_index.within(span)),
            hedges=find_hedges(text, span[0], span[1]),
            confidence=0.6,
        ))
    claims.sort(key=lambda c: (c.span[0], c.content.span[0]))
    claims = [_with_id(c, f"{ident}:{n}") for n, c in enumerate(claims)]
    return Document(
        doc=ident,
        source=source,
        title=title or title_of(text, lines),
        publisher=publisher or _publisher(text, meta, lines),
        published=published,
        claims=tuple(claims),
        times=times,
        figures=figures,
        extractor=EXTRACTOR_VERSION,
    )


def _as_written(text: str, flat: str, record: _Spanned) -> _Spanned:
    """A figure or time found in ``flat`` (``unwrap``'s) with its text as
    ``text`` writes it, line breaks and all."""
    if flat is text:
        return record
    written = text[record.span[0]:record.span[1]]
    return record if written == record.text else dataclasses.replace(record, text=written)


def _with_id(claim: Claim, ident: str) -> Claim:
    return Claim(ident, claim.kind, claim.span, claim.speaker, claim.cue, claim.content, claim.channel,
                 claim.figures, claim.times, claim.hedges, claim.confidence)


def _claim_span(sentence_spans: list[Span], starts: list[int], item: Found) -> Span:
    """The sentence(s) holding an attribution: from the sentence of its first
    part to the sentence of its last."""
    lo = min(item.content[0], item.anchor[0])
    hi = max(item.content[1], item.anchor[1])
    start, end = lo, hi
    i = bisect_right(starts, lo) - 1
    if i >= 0 and sentence_spans[i][0] <= lo < sentence_spans[i][1]:
        start = sentence_spans[i][0]
    j = bisect_right(starts, hi - 1) - 1
    if j >= 0 and sentence_spans[j][0] <= hi - 1 < sentence_spans[j][1]:
        end = max(end, sentence_spans[j][1])
    return (start, end)


def _claim(text: str, ident: str, item: Found, span: Span, figures: Sequence[Figure],
           times: Sequence[TimeRef], fig_index: _SpanIndex, time_index: _SpanIndex,
           sentence_spans: list[Span]) -> Claim:
    content = Content(text[item.content[0]:item.content[1]], item.content, item.direct)
    keep = fig_index.within(item.content)
    hedge_end = span[1]
    k = bisect_left(sentence_spans, (span[1], span[1]))
    following = sentence_spans[k] if k < len(sentence_spans) else None
    if following and RE_VERIFY_HEDGE.search(text, following[0], following[1]):
        hedge_end = following[1]
    hedges = find_hedges(text, span[0], hedge_end)
    if item.cue and item.cue.stance == "allege" and item.cue.text.lower() not in hedges:
        hedges = (*hedges, item.cue.text.lower()) if item.cue.text.lower() in ("claims", "claimed", "alleged", "alleges") else hedges
    confidence = item.confidence
    if item.speaker is None:
        confidence = min(confidence, 0.5)
    elif item.speaker.mention.lower() in ("he", "she", "they", "it", "his", "her"):
        confidence -= 0.05
    return Claim(
        id=ident,
        kind="quote" if item.direct else "statement",
        span=span,
        speaker=item.speaker,
        cue=item.cue,
        content=content,
        channel=find_channel(text, span[0], span[1], item.content),
        figures=_reindex(figures, keep),
        times=tuple(times[i] for i in time_index.within(item.content)),
        hedges=hedges,
        confidence=round(max(0.05, min(confidence, 0.99)), 2),
    )
