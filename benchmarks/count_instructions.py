"""Instructions the extractor executes on generated articles, counted by
valgrind's callgrind: unlike seconds, the count is the same from run to run
and whatever else the machine is doing, so two versions compare exactly.

    python benchmarks/count_instructions.py --articles 60

runs `analyse` over the articles under callgrind, then the same program over
no articles, and prints the difference (the interpreter's start-up and the
imports cancel out).  Each run takes about half a minute.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RE_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def inner(n: int) -> None:
    from corpus import articles

    from claimcli import analyse

    for _, text in articles(n):
        analyse(text)


def count(n: int) -> int:
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, __file__, "--inner", str(n)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    found = RE_COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"count_instructions: valgrind failed: {done.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=60, help="generated articles to extract")
    ap.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner is not None:
        inner(args.inner)
        return
    if shutil.which("valgrind") is None:
        sys.exit("count_instructions: valgrind is not installed")
    work = count(args.articles) - count(0)
    print(f"generated: {args.articles} articles: {work / 1e9:.3f} billion instructions in analyse")


if __name__ == "__main__":
    main()
