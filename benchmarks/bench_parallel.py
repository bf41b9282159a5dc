"""Extraction throughput past one core: --jobs 1, --jobs 2, and Dask on 2 workers.

    python benchmarks/bench_parallel.py                   # 2,000 generated articles
    python benchmarks/bench_parallel.py --articles 10000  # the figures in the README
    python benchmarks/bench_parallel.py --cli             # also the command: claimcli extract --jsonl - --jobs N

Every engine maps ``claimcli.extract_document`` over article records that
carry their text (``{"text": ...}``), as a cluster would: the text goes to
the worker, the document record comes back, in input order.  Timings include
starting the pool or the cluster.  The records of every run are hashed and
must be identical to the serial run's.

The machine may be shared: the load average before and after each run, and
the serial run's CPU time against its wall time, are printed with the
figures so a loaded run can be told apart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402

from claimcli import extract_document  # noqa: E402
from claimcli.parallel import cpu_count, dask_map, map_ordered  # noqa: E402

ENCODER = json.JSONEncoder(ensure_ascii=False)
CLAIMCLI = Path(sys.executable).parent / "claimcli"


def records(texts: list[str]) -> Iterator[dict[str, Any]]:
    for text in texts:
        yield {"text": text}


def cpu_seconds() -> float:
    """CPU time of this process and of every child it has waited for
    (pool workers and Dask workers are joined when their run ends)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def report(label: str, elapsed: float, cpu: float, n: int, size: int, load: float) -> None:
    print(f"{label:<32} {elapsed:7.1f} s {n / elapsed:7.1f} articles/s {size / elapsed / 1e6:5.2f} MB/s   "
          f"CPU {cpu / n * 1000:5.1f} ms/article, {cpu / elapsed:4.2f} cores busy   "
          f"load {load:.2f} -> {os.getloadavg()[0]:.2f}", flush=True)


def run(label: str, mapper: Callable[[Iterable[dict[str, Any]]], Iterable[dict[str, Any]]], texts: list[str],
        size: int) -> tuple[float, float, str]:
    load = os.getloadavg()[0]
    digest = hashlib.sha256()
    cpu = cpu_seconds()
    start = time.perf_counter()
    for record in mapper(records(texts)):
        digest.update(ENCODER.encode(record).encode("utf-8"))
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    report(label, elapsed, cpu, len(texts), size, load)
    return elapsed, cpu, digest.hexdigest()


def run_cli(jobs: int, data: bytes, n: int) -> tuple[float, float, str]:
    load = os.getloadavg()[0]
    cpu = cpu_seconds()
    start = time.perf_counter()
    result = subprocess.run([str(CLAIMCLI), "extract", "--jsonl", "-", "--jobs", str(jobs)], input=data,
                            capture_output=True, env={}, check=True)
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    report(f"claimcli extract --jsonl - -j {jobs}", elapsed, cpu, n, len(data), load)
    return elapsed, cpu, hashlib.sha256(result.stdout).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="generated articles (the README uses 10,000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for the parallel runs")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run every mode this many times, alternating, and keep each mode's best (a shared "
                         "machine's load comes and goes)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    ap.add_argument("--cli", action="store_true", help="also time the command (`extract --jsonl -`) end to end")
    args = ap.parse_args()
    texts = [text for _, text in articles(args.articles)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} generated articles, {size / 1e6:.1f} MB; {cpu_count()} cores here, "
          f"{args.workers} workers", flush=True)
    extract_document({"text": texts[0]})  # compile the patterns before forking
    w = args.workers
    modes: dict[str, Callable[[Iterable[dict[str, Any]]], Iterable[dict[str, Any]]]] = {
        "jobs 1 (in process)": lambda rs: map(extract_document, rs),
        f"jobs {w} (process pool)": lambda rs: map_ordered(extract_document, rs, jobs=w),
    }
    if not args.no_dask:
        modes[f"dask, {w} local workers"] = lambda rs: dask_map(extract_document, rs, workers=w)
    data = b"".join(ENCODER.encode({"text": t}).encode("utf-8") + b"\n" for t in texts) if args.cli else b""
    best: dict[str, tuple[float, float]] = {}
    reference = None
    for r in range(args.rounds):
        if args.rounds > 1:
            print(f"-- round {r + 1} of {args.rounds}", flush=True)
        for label, mapper in modes.items():
            try:
                elapsed, cpu, digest = run(label, mapper, texts, size)
            except Exception as err:  # noqa: BLE001 - a benchmark reports and goes on (Dask not installed)
                print(f"{label}: skipped ({err})")
                continue
            reference = reference or digest
            assert digest == reference, f"{label}: the records differ from the serial run's"
            if label not in best or elapsed < best[label][0]:
                best[label] = (elapsed, cpu)
        if args.cli:
            outputs = set()
            for jobs in (1, w):
                label = f"claimcli extract --jsonl - -j {jobs}"
                elapsed, cpu, digest = run_cli(jobs, data, len(texts))
                outputs.add(digest)
                if label not in best or elapsed < best[label][0]:
                    best[label] = (elapsed, cpu)
            assert len(outputs) == 1, "the command's output differs between --jobs 1 and --jobs N"
    print(f"-- best of {args.rounds}: articles/s, MB/s, speed-up over one core (wall clock; and from CPU time: "
          f"{w} x serial CPU / parallel CPU, what {w} idle cores would give)")
    for label, (elapsed, cpu) in best.items():
        serial_label = "claimcli extract --jsonl - -j 1" if label.startswith("claimcli") else "jobs 1 (in process)"
        serial, serial_cpu = best[serial_label]
        ratio = "" if label == serial_label else f"   {serial / elapsed:4.2f}x  (CPU: {w * serial_cpu / cpu:4.2f}x)"
        print(f"{label:<32} {len(texts) / elapsed:7.1f} articles/s {size / elapsed / 1e6:5.2f} MB/s{ratio}")


if __name__ == "__main__":
    main()
