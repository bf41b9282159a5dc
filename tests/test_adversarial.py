"""Hostile text must neither crash extract nor make it hang.

Each input of tests/hostile.py is made at 100 KB: long runs of digits,
commas, quote marks, capitalised words, cue words.  The bound is
generous (a hang guard, not a speed test: speed lives in benchmarks/); before
the linear rewrite several of these took minutes.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hostile import HOSTILE, check_spans

SIZE = 100_000


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_finishes_and_reports_valid_spans(name: str) -> None:
    text = HOSTILE[name](SIZE)
    proc = subprocess.run(
        [sys.executable, "-m", "claimcli", "extract", "-", "--format", "json"],
        input=text.encode("utf-8"), capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-500:]
    assert b"Traceback" not in proc.stderr
    (doc,) = json.loads(proc.stdout)
    check_spans(text, doc)


@pytest.mark.parametrize("text", [
    "5 people miſsing", "at least 5 arreſted", "5 caſualtieſ", "5 diſplaced after the flood",
    "the fİfth head of a region", "\u212a 5 people killed", "ſ" * 200,
])
def test_letters_whose_case_folding_differs_do_not_crash(text: str) -> None:
    from claimcli import analyse

    doc = analyse(text, published="2022-02-27")
    for fig in doc.figures:
        assert text[fig.span[0]:fig.span[1]] == fig.text
