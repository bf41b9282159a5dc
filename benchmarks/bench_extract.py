"""Extraction throughput on one core: MB/s and articles/s.

    python benchmarks/bench_extract.py                 # 2,000 generated articles
    python benchmarks/bench_extract.py --articles 20000
    python benchmarks/bench_extract.py --bbc           # also the BBC corpus in ../shared, if present
    python benchmarks/bench_extract.py --repeat 3      # the best of three passes over each corpus

Runs the whole of `extract` (decode excluded: texts are already in memory),
i.e. lines, sentences, quotes, attributions, figures and times.  On a shared
virtual machine one pass can run a fifth slower than the next for reasons
outside the program; the best of several passes is the steadiest figure
(the slowest is printed too, so the spread shows).
"""

from __future__ import annotations

import argparse
import io
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402

from claimcli import analyse  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc.tar.xz"


def measure(texts: list[str], repeat: int = 1) -> tuple[float, float, float, int, float]:
    """(MB/s, articles/s, seconds, claims) of the fastest of ``repeat``
    passes, and the MB/s of the slowest."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    times = []
    for _ in range(repeat):
        claims = 0
        start = time.perf_counter()
        for text in texts:
            claims += len(analyse(text).claims)
        times.append(time.perf_counter() - start)
    best = min(times)
    return size / best / 1e6, len(texts) / best, best, claims, size / max(times) / 1e6


def spread(repeat: int, slowest: float) -> str:
    return f" (best of {repeat}; slowest pass {slowest:.2f} MB/s)" if repeat > 1 else ""


def bbc_texts(limit: int) -> list[str]:
    out: list[str] = []
    with tarfile.open(SHARED, "r:xz") as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".txt"):
                fh = tar.extractfile(member)
                if fh is not None:
                    out.append(io.TextIOWrapper(fh, encoding="utf-8", errors="replace").read())
            if len(out) >= limit:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="generated articles to extract")
    ap.add_argument("--bbc", action="store_true", help="also run on ../shared/corpus/bbc.tar.xz when present")
    ap.add_argument("--repeat", type=int, default=1, help="passes over each corpus; the fastest is reported")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    texts = [text for _, text in articles(args.articles)]
    analyse(texts[0])  # warm up: compile patterns once
    mbs, aps, secs, claims, slowest = measure(texts, args.repeat)
    print(f"generated: {len(texts)} articles, {sum(map(len, texts)) / 1e6:.1f} MB of text, {claims} claims "
          f"in {secs:.1f} s: {mbs:.2f} MB/s, {aps:.0f} articles/s (one core){spread(args.repeat, slowest)}")
    if args.bbc:
        if not SHARED.exists():
            print("bbc: ../shared/corpus/bbc.tar.xz not found; skipped")
            return
        texts = bbc_texts(3000)
        mbs, aps, secs, claims, slowest = measure(texts, args.repeat)
        print(f"bbc: {len(texts)} articles, {claims} claims in {secs:.1f} s: {mbs:.2f} MB/s, {aps:.0f} articles/s"
              f"{spread(args.repeat, slowest)}")


if __name__ == "__main__":
    main()
