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
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RE_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


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


def count(n: int, corpus: str = "generated", extract: bool = True) -> int:
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, __file__, "--inner", str(n), "--corpus", corpus] + ([] if extract else ["--read-only"])
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    found = RE_COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"count_instructions: valgrind failed: {done.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=60, help="generated articles to extract")
    ap.add_argument("--bbc", type=int, default=0, metavar="N",
                    help="also count the first N articles of ../shared/corpus/bbc.tar.xz")
    ap.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", default="generated", help=argparse.SUPPRESS)
    ap.add_argument("--read-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner is not None:
        inner(args.inner, args.corpus, not args.read_only)
        return
    if shutil.which("valgrind") is None:
        sys.exit("count_instructions: valgrind is not installed")
    work = count(args.articles) - count(args.articles, extract=False)
    print(f"generated: {args.articles} articles: {work / 1e9:.3f} billion instructions in analyse")
    if args.bbc:
        from bench_extract import SHARED

        if not SHARED.exists():
            print("bbc: ../shared/corpus/bbc.tar.xz not found; skipped")
            return
        work = count(args.bbc, "bbc") - count(args.bbc, "bbc", extract=False)
        print(f"bbc: {args.bbc} articles: {work / 1e9:.3f} billion instructions in analyse")


if __name__ == "__main__":
    main()
