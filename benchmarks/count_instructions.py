"""Instructions the extractor executes on generated articles, counted by
valgrind's callgrind: unlike seconds, the count is the same from run to run
and whatever else the machine is doing, so two versions compare exactly.

    python benchmarks/count_instructions.py --articles 60
    python benchmarks/count_instructions.py --articles 60 --bbc 100

runs `analyse` over the articles under callgrind, then the same program
without the calls to `analyse`, and prints the difference (the interpreter's
start-up, the imports and making or reading the articles cancel out).  Each run takes about half a minute.  ``--bbc N`` counts
the first N articles of ../shared/corpus/bbc.tar.xz the same way (real copy,
with fewer claims per kilobyte than the generated articles).  The hash seed
is fixed, so set and dict order is the same from run to run.

``--parts`` also splits the count by where it runs (callgrind_annotate): the
two regular-expression engines (``re``'s sre and the ``regex`` module) and
everything else, which is the interpreter running the extractor's Python.  It
prints the speed the extractor would have if only the engines' work were
left, at the measured speed given with ``--mbs``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RE_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
#: A line of ``callgrind_annotate --inclusive=no``: count, then file:function [object].
RE_ANNOTATED = re.compile(r"^\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)$")
#: Code of the two regular-expression engines: sre's sources inside libpython, and the regex module.
RE_ENGINE = re.compile(r"/_sre/|_regex\.cpython[^/\]]*\.so\]")


def inner(n: int, corpus: str, extract: bool) -> None:
    from claimcli import analyse

    if corpus == "bbc":
        from bench_extract import SHARED, bbc_texts

        texts = bbc_texts(n) if n and SHARED.exists() else []
    else:
        from corpus import articles

        texts = [text for _, text in articles(n)]
    if extract:
        for text in texts:
            analyse(text)


def count(n: int, corpus: str = "generated", extract: bool = True, parts: bool = False) -> tuple[int, int]:
    """(all instructions, those in the regular-expression engines); the
    second is 0 unless ``parts``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out" if parts else Path(os.devnull)
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
               sys.executable, __file__, "--inner", str(n), "--corpus", corpus] + ([] if extract else ["--read-only"])
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        found = RE_COLLECTED.search(done.stderr)
        if done.returncode != 0 or found is None:
            sys.exit(f"count_instructions: valgrind failed: {done.stderr.strip().splitlines()[-1:]}")
        return int(found.group(1)), engines(out) if parts else 0


def engines(out: Path) -> int:
    """Instructions counted in the regular-expression engines' own code."""
    done = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", str(out)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"count_instructions: callgrind_annotate failed: {done.stderr.strip().splitlines()[-1:]}")
    return engine_instructions(done.stdout)


def engine_instructions(annotated: str) -> int:
    """The sum of the lines of ``callgrind_annotate --inclusive=no`` output
    that count code of sre or of the regex module."""
    total = 0
    for line in annotated.splitlines():
        m = RE_ANNOTATED.match(line)
        if m and RE_ENGINE.search(m.group(2)):
            total += int(m.group(1).replace(",", ""))
    return total


def report(label: str, n: int, corpus: str, parts: bool, mbs: float | None) -> None:
    # The run without extracting goes first: it imports the same modules, so a
    # source file changed since its last import is compiled there, not counted as work.
    base, base_engines = count(n, corpus, extract=False, parts=parts)
    full, full_engines = count(n, corpus, parts=parts)
    work = full - base
    print(f"{label}: {n} articles: {work / 1e9:.3f} billion instructions in analyse")
    if parts:
        in_engines = full_engines - base_engines
        line = (f"  in the regular-expression engines: {in_engines / 1e9:.3f} billion ({in_engines / work:.0%}); "
                f"the rest, the interpreter running the extractor's Python: {(work - in_engines) / 1e9:.3f} billion")
        if mbs:
            line += f"\n  with the engines' work alone, {mbs:.2f} MB/s would become {mbs * work / in_engines:.2f} MB/s"
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=60, help="generated articles to extract")
    ap.add_argument("--bbc", type=int, default=0, metavar="N",
                    help="also count the first N articles of ../shared/corpus/bbc.tar.xz")
    ap.add_argument("--parts", action="store_true",
                    help="split the count: regular-expression engines, and the rest")
    ap.add_argument("--mbs", type=float, metavar="MB/S",
                    help="with --parts: a measured speed, to scale to the engines' work alone")
    ap.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", default="generated", help=argparse.SUPPRESS)
    ap.add_argument("--read-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner is not None:
        inner(args.inner, args.corpus, not args.read_only)
        return
    if shutil.which("valgrind") is None or (args.parts and shutil.which("callgrind_annotate") is None):
        sys.exit("count_instructions: valgrind (with callgrind_annotate for --parts) is not installed")
    report("generated", args.articles, "generated", args.parts, args.mbs)
    if args.bbc:
        from bench_extract import SHARED

        if not SHARED.exists():
            print("bbc: ../shared/corpus/bbc.tar.xz not found; skipped")
            return
        report("bbc", args.bbc, "bbc", args.parts, None)


if __name__ == "__main__":
    main()
