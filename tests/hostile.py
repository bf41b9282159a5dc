"""Hostile article texts, each a function of its size in characters.

Shared by ``tests/test_adversarial.py`` (each at 100 KB: it must finish and
report valid spans) and ``benchmarks/bench_adversarial.py`` (each from 10 KB
to 10 MB: CPU time per MB must stay flat).  Long runs of what the extractors
look for -- digits, commas, quote marks, capitalised words, cue words, dates --
and of what they skip, in scripts and line breaks that are not ASCII.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def repeat(piece: str) -> Callable[[int], str]:
    """``piece`` repeated, cut at ``size`` characters."""
    return lambda size: (piece * (size // len(piece) + 1))[:size]


def _nested(size: int) -> str:
    half = size // 2
    return "“" * half + "x" + "”" * half


def _wire_copy(size: int) -> str:
    """Real prose: the sample articles one after another, as one long article."""
    prose = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    return repeat(prose + "\n\n")(size)


HOSTILE: dict[str, Callable[[int], str]] = {
    "digits": repeat("1"),
    "commas": repeat("1,"),
    "straight quotes": repeat('"'),
    "curly quotes": repeat("“”"),
    "nested quotes": _nested,
    "capitalised words": repeat("Word "),
    "said said said": repeat("said "),
    "split quotes": repeat("“a,” he said. "),
    "according to": repeat("according to "),
    "abbreviations": repeat("U.S. Mr. Gen. "),
    "dates": repeat("March 1, 2022 "),
    "one long word": repeat("a"),
    "one line without spaces": repeat("U.S.-14,000-said:“x”"),
    "spaces": lambda size: " " * size + "x",
    "rtl and zero-width": repeat("\u202e\u200b“قال” \u200d"),
    "emoji and cyrillic": repeat("😀 «Київ заявив», — сказав він. "),
    "mixed newlines": repeat("“One,” she said.\r\n“Two,” he said.\r“Three.”\u2028"),
    "wire copy": _wire_copy,
    "block quotes": repeat("Lind added:\n\nThe ferry is late again\n\n"),
    "object cues": repeat("The union urged the crew to stay, and criticized the operator for delays, which "
                          "was late, in a statement on Monday after it sank, "),
    "newsletter lines": repeat("Get our free newsletter newsletter our \n"),
    "published statements": repeat("issued a statement posted tweets saying that says said "),
    "quoted as saying": repeat("he was quoted by the Orlitz Herald as saying quoted him as saying by "),
    "wrapped figures": repeat("Output will rise 12 to 18 pct in\n1987, more than the 862 mln spent, as 3 of\n"
                              "the 5 ferries sailed above the $50 mark between March and\n"),
}


def check_spans(text: str, doc: dict[str, object]) -> None:
    """Every claim, figure and time of a document record (JSON output) points
    at the text it reports, in ``text`` as decoded."""
    for claim in doc["claims"]:  # type: ignore[attr-defined]
        s, e = claim["content"]["span"]
        assert text[s:e] == claim["content"]["text"]
    for item in doc["figures"] + doc["times"]:  # type: ignore[operator]
        s, e = item["span"]
        assert text[s:e] == item["text"]
