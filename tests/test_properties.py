"""Properties over arbitrary text: extract never raises, every span is valid
and points at the text it reports, and the JSON output always parses."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from claimcli import analyse, to_dict
from claimcli.models import Document

SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "dam-3-northern-wire.txt").read_text(encoding="utf-8")

# Text made of the pieces news is made of, so the extractors' paths are hit.
PIECES = st.sampled_from([
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", ", ", ". ", "\n", "\n\n", " said ", " told reporters ",
    "according to ", "Kovac", "Petra Halvorsen", "the ministry", "he", "she", " that ", "14", "3,500",
    "at least ", "more than ", "on Monday", "March 9, 2026", "yesterday", "U.S.", "Mr.", ":", "—", "(", ")",
    "killed", "injured", "two-thirds", "percent", "$40m", " ", "\u200b", "\u202e", "Ωμέγα", "Київ", "😀",
    "\r\n", "\r", "\u2028", "\x00",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


def check_document(text: str, doc: Document) -> None:
    n = len(text)

    def span_ok(span: tuple[int, int], shown: str | None = None) -> None:
        s, e = span
        assert 0 <= s <= e <= n
        if shown is not None:
            assert text[s:e] == shown

    for claim in doc.claims:
        span_ok(claim.span)
        span_ok(claim.content.span, claim.content.text)
        assert claim.span[0] <= claim.content.span[0] and claim.content.span[1] <= claim.span[1]
        if claim.speaker:
            span_ok(claim.speaker.span, claim.speaker.mention)
        if claim.cue:
            span_ok(claim.cue.span, claim.cue.text)
        for fig in claim.figures:
            span_ok(fig.span, fig.text)
            assert fig.part_of is None or 0 <= fig.part_of < len(claim.figures)
        for t in claim.times:
            span_ok(t.span, t.text)
        assert 0.0 <= claim.confidence <= 1.0
    for fig in doc.figures:
        span_ok(fig.span, fig.text)
        assert fig.part_of is None or 0 <= fig.part_of < len(doc.figures)
    for t in doc.times:
        span_ok(t.span, t.text)
    json.loads(json.dumps(to_dict(doc), ensure_ascii=False))


@given(st.text())
def test_arbitrary_unicode_never_breaks_extract(text: str) -> None:
    check_document(text, analyse(text, published="2022-02-27"))


@given(NEWSY)
def test_newsy_fragments_never_break_extract(text: str) -> None:
    check_document(text, analyse(text))


@given(st.data())
def test_mutated_sample_article(data: st.DataObject) -> None:
    text = SAMPLE
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 40))
        insert = data.draw(st.one_of(PIECES, st.text(max_size=5)))
        text = text[:at] + insert + text[at + cut:]
    check_document(text, analyse(text, published="2026-03-10"))
