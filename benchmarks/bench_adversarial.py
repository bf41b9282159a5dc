"""CPU time per MB of `extract` on hostile text, from 10 KB to 10 MB.

    python benchmarks/bench_adversarial.py                     # 10 KB, 100 KB, 1 MB, 10 MB
    python benchmarks/bench_adversarial.py --sizes 10000 1000000 --only dates commas

Each input of tests/hostile.py (long runs of digits, commas, quote marks,
capitalised words, "said said said", dates, ...) is made at each size and
extracted once (``claimcli.analyse``, the whole of `extract` after decoding).
Linear code costs the same per MB at every size; the last column is the
largest size's cost over the smallest's, and ``growth`` above 3 is flagged
as not flat (a pattern that backtracks, or a loop that rescans the text).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile import HOSTILE  # noqa: E402

from claimcli import analyse  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
#: Growth of the cost per MB from the smallest size to the largest above which
#: an input is not flat.  Small inputs are dominated by fixed costs, so some
#: slack is needed; a quadratic step grows 1000x over three decades.
NOT_FLAT = 3.0


def seconds_per_mb(text: str) -> float:
    size = len(text.encode("utf-8"))
    start = time.process_time()
    analyse(text)
    return (time.process_time() - start) / (size / 1e6)


def label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="sizes in characters")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="only these inputs (names in tests/hostile.py)")
    args = ap.parse_args()
    names = args.only or list(HOSTILE)
    unknown = [n for n in names if n not in HOSTILE]
    if unknown:
        ap.error(f"unknown input {unknown[0]!r}; choose from {', '.join(HOSTILE)}")
    analyse("Warm up: “patterns compile once,” he said on Monday.")
    print("CPU seconds per MB of text (`extract` after decoding)\n")
    print("| input | " + " | ".join(label(s) for s in args.sizes) + " | growth |")
    print("|---|" + "---:|" * (len(args.sizes) + 1))
    slow = []
    for name in names:
        costs = [seconds_per_mb(HOSTILE[name](size)) for size in args.sizes]
        growth = costs[-1] / max(costs[0], 1e-3)
        flag = " (not flat)" if growth > NOT_FLAT else ""
        if flag:
            slow.append(name)
        print(f"| {name} | " + " | ".join(f"{c:.2f}" for c in costs) + f" | {growth:.1f}x{flag} |", flush=True)
    if slow:
        print(f"\nnot flat: {', '.join(slow)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
