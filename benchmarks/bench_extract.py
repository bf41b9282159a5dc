"""Extraction throughput on one core: MB/s and articles/s.

    python benchmarks/bench_extract.py                 # 2,000 generated articles
    python benchmarks/bench_extract.py --articles 20000
    python benchmarks/bench_extract.py --bbc           # also the BBC corpus in ../shared, if present

Runs the whole of `extract` (decode excluded: texts are already in memory),
i.e. lines, sentences, quotes, attributions, figures and times.
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


def measure(texts: list[str]) -> tuple[float, float, float, int]:
    size = sum(len(t.encode("utf-8")) for t in texts)
    claims = 0
    start = time.perf_counter()
    for text in texts:
        claims += len(analyse(text).claims)
    elapsed = time.perf_counter() - start
    return size / elapsed / 1e6, len(texts) / elapsed, elapsed, claims


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
    args = ap.parse_args()
    texts = [text for _, text in articles(args.articles)]
    analyse(texts[0])  # warm up: compile patterns once
    mbs, aps, secs, claims = measure(texts)
    print(f"generated: {len(texts)} articles, {sum(map(len, texts)) / 1e6:.1f} MB of text, {claims} claims "
          f"in {secs:.1f} s: {mbs:.2f} MB/s, {aps:.0f} articles/s (one core)")
    if args.bbc:
        if not SHARED.exists():
            print("bbc: ../shared/corpus/bbc.tar.xz not found; skipped")
            return
        texts = bbc_texts(3000)
        mbs, aps, secs, claims = measure(texts)
        print(f"bbc: {len(texts)} articles, {claims} claims in {secs:.1f} s: {mbs:.2f} MB/s, {aps:.0f} articles/s")


if __name__ == "__main__":
    main()
