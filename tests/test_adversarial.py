"""Hostile text must neither crash extract nor make it hang.

Each input is a pattern repeated until it is about 100 KB: long runs of
digits, commas, quote marks, capitalised words, cue words.  The bound is
generous (a hang guard, not a speed test: speed lives in benchmarks/); before
the linear rewrite several of these took minutes.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SIZE = 100_000

INPUTS = {
    "digits": "1" * SIZE,
    "commas": "1," * (SIZE // 2),
    "straight quotes": '"' * SIZE,
    "curly quotes": "“”" * (SIZE // 2),
    "nested quotes": "“" * (SIZE // 2) + "x" + "”" * (SIZE // 2),
    "capitalised words": "Word " * (SIZE // 5),
    "said said said": "said " * (SIZE // 5),
    "split quotes": "“a,” he said. " * (SIZE // 14),
    "according to": "according to " * (SIZE // 13),
    "abbreviations": "U.S. Mr. Gen. " * (SIZE // 14),
    "dates": "March 1, 2022 " * (SIZE // 14),
    "one long word": "a" * SIZE,
    "spaces": " " * SIZE + "x",
    "rtl and zero-width": "\u202e\u200b“قال” \u200d" * (SIZE // 10),
    "emoji and cyrillic": "😀 «Київ заявив», — сказав він. " * (SIZE // 30),
    "mixed newlines": "“One,” she said.\r\n“Two,” he said.\r“Three.”\u2028" * (SIZE // 45),
}


@pytest.mark.parametrize("name", list(INPUTS))
def test_hostile_text_finishes_and_reports_valid_spans(name: str) -> None:
    text = INPUTS[name]
    proc = subprocess.run(
        [sys.executable, "-m", "claimcli", "extract", "-", "--format", "json"],
        input=text.encode("utf-8"), capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-500:]
    assert b"Traceback" not in proc.stderr
    (doc,) = json.loads(proc.stdout)
    decoded = text
    for claim in doc["claims"]:
        s, e = claim["content"]["span"]
        assert decoded[s:e] == claim["content"]["text"]
    for item in doc["figures"] + doc["times"]:
        s, e = item["span"]
        assert decoded[s:e] == item["text"]


@pytest.mark.parametrize("text", [
    "5 people miſsing", "at least 5 arreſted", "5 caſualtieſ", "5 diſplaced after the flood",
    "the fİfth head of a region", "\u212a 5 people killed", "ſ" * 200,
])
def test_letters_whose_case_folding_differs_do_not_crash(text: str) -> None:
    from claimcli import analyse

    doc = analyse(text, published="2022-02-27")
    for fig in doc.figures:
        assert text[fig.span[0]:fig.span[1]] == fig.text
