"""Load: concurrent ingest processes and readers on one store.

    python benchmarks/load_store.py                       # 8 writers, 2 readers, 60 s
    python benchmarks/load_store.py --seconds 10 --writers 4
    make load

Each writer is a loop of `claimcli ingest` processes until the time is up,
each run a random batch of the writer's own articles and of a shared set
that every writer ingests too (so runs race to store the same text).  The
readers loop over `claimcli store list` and `claimcli compare` meanwhile.
Then the store must hold every article exactly once:

* every process exited 0 and printed no error (no lock timeout, no failed
  input, no traceback), and every reader's output parsed;
* each article was reported "new" by exactly one run, and nothing else
  than "new" or "duplicate" was reported;
* the index has one put line per article and lists exactly the articles
  reported stored; `claimcli store verify` passes.

The articles are generated from samples/ (benchmarks/corpus.py).
tests/test_store_faults.py runs a few seconds of the same load.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402

COMMAND = [sys.executable, "-m", "claimcli"]


@dataclass
class Summary:
    seconds: float = 0.0
    ingest_runs: int = 0
    reader_runs: int = 0
    reported_new: Counter[str] = field(default_factory=Counter)
    reported: set[str] = field(default_factory=set)
    stored: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        return (f"{self.seconds:.0f} s: {self.ingest_runs} ingest runs, {self.reader_runs} reader runs, "
                f"{self.stored} articles stored, {len(self.errors)} errors")


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=600, check=False)


def _problem(proc: subprocess.CompletedProcess[str]) -> str | None:
    noisy = [line for line in proc.stderr.splitlines() if not line.startswith("claimcli: waiting for the store")]
    if proc.returncode != 0 or noisy:
        return f"{' '.join(proc.args[3:5])} exited {proc.returncode}: {' | '.join(noisy)[-400:]}"
    return None


def _writer(store: Path, pool: list[str], batch: int, deadline: float, rng: random.Random, out: Summary) -> None:
    while True:
        chosen = rng.sample(pool, min(batch, len(pool)))
        proc = _run(["ingest", *chosen, "--store", str(store), "--format", "jsonl"])
        rows = []
        for line in proc.stdout.splitlines():
            try:
                rows.append(json.loads(line))
            except ValueError:
                rows.append({"status": f"unparsable line {line[:80]!r}"})
        with out.lock:
            out.ingest_runs += 1
            problem = _problem(proc)
            if problem:
                out.errors.append(problem)
            if len(rows) != len(chosen):
                out.errors.append(f"ingest of {len(chosen)} articles printed {len(rows)} statuses")
            for row in rows:
                if row["status"] not in ("new", "duplicate"):
                    out.errors.append(f"ingest reported {row['status']} for {row.get('source')}: {row.get('error')}")
                    continue
                out.reported.add(row["doc"])
                if row["status"] == "new":
                    out.reported_new[row["doc"]] += 1
        if time.monotonic() >= deadline:
            return


def _reader(store: Path, deadline: float, out: Summary) -> None:
    commands = (["store", "list", "--format", "jsonl"], ["compare", "--format", "jsonl"])
    n = 0
    while time.monotonic() < deadline:
        command = commands[n % 2]
        n += 1
        proc = _run([*command, "--store", str(store)])
        problem = _problem(proc)
        try:
            for line in proc.stdout.splitlines():
                json.loads(line)
        except ValueError:
            problem = problem or f"{command[0]} printed a line that is not JSON"
        with out.lock:
            out.reader_runs += 1
            if problem:
                out.errors.append(problem)


def run(folder: Path, *, seconds: float, writers: int = 8, readers: int = 2, own: int = 40, shared: int = 40,
        batch: int = 12, seed: int = 1) -> Summary:
    """Run the load in ``folder`` (a corpus and a store are made there) and check the store after it."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles(writers * own + shared, seed=seed):
        path = corpus / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    common = paths[writers * own:]
    store = folder / "store"
    out = Summary()
    first = _run(["ingest", common[0], "--store", str(store), "--format", "jsonl"])  # readers need a store
    if _problem(first):
        out.errors.append(_problem(first) or "")
        return out
    out.reported_new[json.loads(first.stdout)["doc"]] += 1
    out.reported.add(json.loads(first.stdout)["doc"])
    start = time.monotonic()
    deadline = start + seconds
    threads = [threading.Thread(target=_writer, args=(store, paths[w * own:(w + 1) * own] + common, batch, deadline,
                                                      random.Random(seed * 1000 + w), out))
               for w in range(writers)]
    threads += [threading.Thread(target=_reader, args=(store, deadline, out)) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.seconds = time.monotonic() - start
    _check_store(store, out)
    return out


def _check_store(store: Path, out: Summary) -> None:
    twice = sorted(doc for doc, n in out.reported_new.items() if n > 1)
    if twice:
        out.errors.append(f"{len(twice)} articles were reported new more than once, e.g. {twice[0]}")
    puts: Counter[str] = Counter()
    live: set[str] = set()
    for line in (store / "index.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["op"] == "put":
            puts[entry["doc"]] += 1
            live.add(entry["doc"])
        else:
            live.discard(entry["doc"])
    repeated = sorted(doc for doc, n in puts.items() if n > 1)
    if repeated:
        out.errors.append(f"{len(repeated)} articles have more than one index line, e.g. {repeated[0]}")
    if live != out.reported:
        out.errors.append(f"the store holds {len(live)} articles but {len(out.reported)} were reported stored "
                          f"({len(out.reported - live)} missing, {len(live - out.reported)} never reported)")
    files = sum(1 for _ in (store / "articles").rglob("*.json"))
    if files != len(live):
        out.errors.append(f"{files} article files for {len(live)} indexed articles")
    verify = _run(["store", "verify", "--store", str(store)])
    if verify.returncode != 0:
        out.errors.append(f"store verify exited {verify.returncode}: {verify.stderr[-400:]}")
    out.stored = len(live)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="how long writers keep starting runs")
    ap.add_argument("--writers", type=int, default=8, help="concurrent ingest loops")
    ap.add_argument("--readers", type=int, default=2, help="concurrent store list / compare loops")
    ap.add_argument("--own", type=int, default=40, help="articles only one writer ingests")
    ap.add_argument("--shared", type=int, default=40, help="articles every writer ingests")
    ap.add_argument("--batch", type=int, default=12, help="articles per ingest run")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimcli-load-") as folder:
        summary = run(Path(folder), seconds=args.seconds, writers=args.writers, readers=args.readers, own=args.own,
                      shared=args.shared, batch=args.batch, seed=args.seed)
    print(f"{args.writers} writers, {args.readers} readers, {args.writers * args.own + args.shared} articles: "
          + summary.line())
    for error in summary.errors[:20]:
        print(f"  error: {error}")
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
