"""Store benchmarks: ingest throughput against bare extraction, memory, and
`store list --since` over a large store.

    python benchmarks/bench_store.py                       # modest sizes (CI-like time)
    python benchmarks/bench_store.py --sizes 1000,10000 --list-size 100000

What it measures, each in a fresh child process (so peak RSS belongs to
that one run, from resource.getrusage):

* extract  - read + ``analyse`` every article, as ``claimcli extract`` does;
* ingest   - ``claimcli.ingest.ingest`` into a new store: read, dedup,
             extract, write (fsync, journal, index) - the full durable path;
* list     - ``store list --since`` over a store of --list-size articles,
             built directly (index + article files, no extraction); timed
             in-process and as the real command (process start included).

The corpus is generated from samples/ by varying names, numbers, dates and
URLs, so the benchmark runs from a clone without ../shared.  Targets: ingest
>= 70% of extract throughput; `store list --since` < 1 s at 100,000
articles; peak RSS flat in the number of articles.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RE_NUMBER = re.compile(r"\b\d+\b")
NAME_SWAPS = {
    "Kovac": ("Novak", "Marek", "Dvorak", "Horvat", "Kral"),
    "Halvorsen": ("Lindqvist", "Berger", "Solberg", "Nyberg", "Aalto"),
    "Orlitz": ("Brenna", "Valmo", "Tessin", "Kordel", "Ostrava"),
    "Saltmere": ("Greyholm", "Bredport", "Marlow", "Ashdown", "Fenwick"),
}


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles from samples/: names, numbers, dates and
    URLs vary with the index."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        head, _, body = texts[i % len(texts)].partition("\n\n")
        head = re.sub(r"(?m)^URL: (.*)$", lambda m, i=i: f"URL: {m.group(1)}-{i}", head)
        head = re.sub(r"(?m)^Published: .*$", f"Published: 2026-{1 + i % 12:02d}-{1 + i % 28:02d}", head)
        round_ = i // len(texts)
        body = RE_NUMBER.sub(lambda m, r=round_: str(int(m.group()) + r % 50), body)
        for name, others in NAME_SWAPS.items():
            body = body.replace(name, others[round_ % len(others)])
        body += f"\n\nThis report, number {i}, was filed from desk {round_ % 17}.\n"
        path = folder / f"a{i // 1000:03d}" / f"article-{i:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"{head}\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def peak_rss_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kib / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --------------------------------------------------------------------------
# Children: one measurement each, JSON on stdout


def child_extract(files: list[str]) -> dict[str, float]:
    from claimcli.api import read_source
    from claimcli.extract import analyse

    start, cpu = time.perf_counter(), cpu_seconds()
    claims = 0
    for path in files:
        claims += len(analyse(read_source(path), source=path).claims)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu_seconds": cpu_seconds() - cpu, "articles": len(files), "claims": claims,
            "peak_rss_mib": peak_rss_mib()}


def child_ingest(files: list[str], store_dir: str) -> dict[str, float]:
    import claimcli.extract  # noqa: F401 - imported before the clock starts, as in child_extract
    from claimcli.ingest import discover, ingest
    from claimcli.store import Store

    start, cpu = time.perf_counter(), cpu_seconds()
    store = Store.open(store_dir, create=True)
    statuses: dict[str, int] = {}
    for result in ingest(store, discover(files)):
        statuses[result.status] = statuses.get(result.status, 0) + 1
    seconds = time.perf_counter() - start
    if statuses != {"new": len(files)}:
        raise SystemExit(f"unexpected statuses {statuses}")
    return {"seconds": seconds, "cpu_seconds": cpu_seconds() - cpu, "articles": len(files),
            "peak_rss_mib": peak_rss_mib()}


def child_build(store_dir: str, count: int) -> dict[str, float]:
    """A store of ``count`` articles written directly: one real article
    (claims from samples/) re-labelled, files sharded, index in the real
    format.  Not durable (no fsync): this only sets the stage for `list`."""
    from claimcli.extract import analyse
    from claimcli.models import Article, to_dict
    from claimcli.store import Store, compact_json, index_entry

    store = Store.open(store_dir, create=True)
    text = (SAMPLES / "dam-1-northern-wire.txt").read_text(encoding="utf-8")
    template = to_dict(analyse(text))
    publishers = ("Northern Wire Service", "The Harbour Ledger", "Valley Broadcast News", "The Meridian Post")
    start = time.perf_counter()
    with (store.root / "index.jsonl").open("w", encoding="utf-8") as index:
        for i in range(count):
            doc = f"{i:016x}"[::-1]  # spreads over the 256 shard folders
            day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
            record = to_dict(Article(doc, f"generated/{i}.txt", f"https://example.test/{i}",
                                     f"Generated article {i}", publishers[i % 4], day, None,
                                     f"2026-03-01T00:00:{i % 60:02d}.{i:06d}Z", "0.1.0"))
            record.update(claims=template["claims"][:4], text=f"{i}")  # list never reads these files
            path = store.path(doc)
            path.parent.mkdir(exist_ok=True)
            path.write_text(compact_json(record) + "\n", encoding="utf-8")
            index.write(compact_json(index_entry(record)) + "\n")
    return {"seconds": time.perf_counter() - start, "articles": count}


def child_list(store_dir: str, since: str) -> dict[str, float]:
    from claimcli.store import Store

    start = time.perf_counter()
    found = Store.open(store_dir).articles(since=since)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "matches": len(found), "peak_rss_mib": peak_rss_mib()}


def run_child(*args: str) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def time_command(args: list[str], runs: int = 3) -> tuple[float, int]:
    """Best wall time of the real command (process start included), and the
    number of output lines."""
    best, lines = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
        lines = proc.stdout.count(b"\n")
    return best, lines


# --------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200", help="comma-separated ingest sizes (default 200)")
    parser.add_argument("--list-size", type=int, default=10000, help="store size for `store list` (default 10000)")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each measurement, alternating extract and ingest; the best counts (default 2)")
    parser.add_argument("--workdir", help="where to put corpora and stores (default: a temporary folder)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        task, *rest = args.child
        if task == "extract":
            out = child_extract(Path(rest[0]).read_text().split("\n"))
        elif task == "ingest":
            out = child_ingest(Path(rest[0]).read_text().split("\n"), rest[1])
        elif task == "build":
            out = child_build(rest[0], int(rest[1]))
        else:
            out = child_list(rest[0], rest[1])
        print(json.dumps(out))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="claimcli-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, object] = {"cpu_count": os.cpu_count(), "sizes": sizes, "list_size": args.list_size}
    try:
        corpus = generate(work / "corpus", max(sizes)) if sizes else []
        print(f"{'articles':>9} {'extract/s':>10} {'ingest/s':>10} {'ratio':>6} {'CPU ratio':>10} "
              f"{'extract RSS':>12} {'ingest RSS':>11}")
        for size in sizes:
            listing = work / f"files-{size}.txt"
            listing.write_text("\n".join(str(p) for p in corpus[:size]))
            store_dir = work / f"store-{size}"
            bares, fulls = [], []
            for _ in range(max(1, args.repeat)):  # alternate, so both see the same machine load
                shutil.rmtree(store_dir, ignore_errors=True)
                bares.append(run_child("extract", str(listing)))
                fulls.append(run_child("ingest", str(listing), str(store_dir)))
            bare = min(bares, key=lambda r: r["seconds"])
            full = min(fulls, key=lambda r: r["seconds"])
            rate_bare, rate_full = size / bare["seconds"], size / full["seconds"]
            cpu_ratio = min(r["cpu_seconds"] for r in bares) / min(r["cpu_seconds"] for r in fulls)
            figures[f"ingest_{size}"] = {"extract": bare, "ingest": full, "ratio": rate_full / rate_bare,
                                         "cpu_ratio": cpu_ratio, "runs": {"extract": bares, "ingest": fulls}}
            print(f"{size:>9} {rate_bare:>10.1f} {rate_full:>10.1f} {rate_full / rate_bare:>6.0%} "
                  f"{cpu_ratio:>10.0%} {bare['peak_rss_mib']:>9.0f} MiB {full['peak_rss_mib']:>8.0f} MiB",
                  flush=True)
            shutil.rmtree(store_dir, ignore_errors=True)

        if args.list_size:
            big = work / f"store-list-{args.list_size}"
            if not (big / "index.jsonl").exists():
                shutil.rmtree(big, ignore_errors=True)
                built = run_child("build", str(big), str(args.list_size))
                print(f"built a {args.list_size}-article store in {built['seconds']:.1f} s")
            claimcli = [sys.executable, "-m", "claimcli", "store", "list", "--store", str(big), "--format", "jsonl"]
            for label, since in (("recent (Dec)", "2026-12-01"), ("all", "2026-01-01")):
                inproc = run_child("list", str(big), since)
                wall, lines = time_command([*claimcli, "--since", since])
                figures[f"list_{label}"] = {"in_process": inproc, "command_seconds": wall, "lines": lines}
                print(f"store list --since {since} over {args.list_size} articles ({label}, {lines} rows): "
                      f"{inproc['seconds']:.3f} s in-process, {wall:.3f} s as a command, "
                      f"peak RSS {inproc['peak_rss_mib']:.0f} MiB")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
