"""The store under faults: a full disk or a read-only folder during ingest
leaves the store as it was with one line and exit 73; a writer killed while
it holds the lock does not block the next run; concurrent writers and
readers end with every article once.

(SIGKILL at random points during ingest is in tests/test_store.py.)  The
faults are made by failing the writes in the process, which works for root
too (CI runs as root, and chmod does not stop root); where a private mount
namespace is allowed, a real 2 MB tmpfs is filled up and remounted read-only
as well.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli import store as store_module
from claimcli.cli import app
from claimcli.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def store(tmp_path: Path, runner: CliRunner) -> Path:
    """A store holding the first two samples."""
    root = tmp_path / "store"
    result = runner.invoke(app, ["ingest", *map(str, SAMPLES[:2]), "--store", str(root)])
    assert result.exit_code == 0, result.stderr
    return root


def _files(root: Path) -> dict[str, bytes]:
    """Every file of the store but the lock (whose content is the last writer's pid)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "lock"}


def _listed(runner: CliRunner, root: Path) -> list[str]:
    result = runner.invoke(app, ["store", "list", "--store", str(root), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return [row["doc"] for row in json.loads(result.stdout)]


def _one_error(stderr: str, *words: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: ") and "Traceback" not in stderr
    for word in words:
        assert word in lines[0], lines[0]


# --------------------------------------------------------------------------
# A full disk, a read-only folder


#: Which write fails, counted in calls of the store's one low-level writer
#: (one for the journal, one per article file, one for the index lines) when
#: three new articles are ingested.
STAGES = {"journal": 1, "article files": 2, "index": 5}


@pytest.mark.parametrize("stage", list(STAGES))
def test_disk_full_during_ingest(runner: CliRunner, store: Path, monkeypatch: pytest.MonkeyPatch,
                                 stage: str) -> None:
    before_files, before_docs = _files(store), _listed(runner, store)
    real_write_all = store_module._write_all
    calls = {"n": 0}

    def full_disk(fd: int, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] >= STAGES[stage]:  # the disk stays full from here on
            real_write_all(fd, data[:len(data) // 2])  # as much as fitted
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write_all(fd, data)

    monkeypatch.setattr(store_module, "_write_all", full_disk)
    result = runner.invoke(app, ["ingest", *map(str, SAMPLES[2:5]), "--store", str(store), "--format", "jsonl"])
    assert result.exit_code == ExitCode.CANT_CREATE == 73
    _one_error(result.stderr, "No space left on device", "free space")
    assert result.stdout == "", "nothing was reported stored"
    assert calls["n"] >= STAGES[stage]
    monkeypatch.undo()

    if stage != "index":
        # Nothing of the write reached the disk: the store is byte for byte as it was.
        assert _files(store) == before_files
    verify = runner.invoke(app, ["store", "verify", "--store", str(store)])
    assert verify.exit_code == 0, verify.stderr
    after = _listed(runner, store)
    # At the index the article files were already durable: the next writer
    # (verify here) indexes them, so nothing is half there.
    assert after == before_docs if stage != "index" else set(after) >= set(before_docs) and len(after) == 5
    again = runner.invoke(app, ["ingest", *map(str, SAMPLES[2:5]), "--store", str(store), "--format", "jsonl"])
    assert again.exit_code == 0, again.stderr
    assert len(_listed(runner, store)) == 5


def test_read_only_store_folder(runner: CliRunner, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before_files, before_docs = _files(store), _listed(runner, store)
    real_open = os.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def read_only(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: object) -> int:
        if flags & writing and Path(os.fspath(path)).resolve().is_relative_to(store.resolve()):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    result = runner.invoke(app, ["ingest", *map(str, SAMPLES[2:4]), "--store", str(store), "--format", "jsonl"])
    assert result.exit_code == ExitCode.CANT_CREATE
    _one_error(result.stderr, "Permission denied", "permissions of the store folder")
    assert result.stdout == ""
    assert _listed(runner, store) == before_docs, "readers need no write access"
    monkeypatch.undo()
    assert _files(store) == before_files
    assert runner.invoke(app, ["store", "verify", "--store", str(store)]).exit_code == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a chmod 555 folder; the patched test above covers it")
def test_read_only_store_folder_by_chmod(runner: CliRunner, store: Path) -> None:
    before = _files(store)
    for folder in [store, *[p for p in store.rglob("*") if p.is_dir()]]:
        folder.chmod(0o555)
    try:
        result = runner.invoke(app, ["ingest", *map(str, SAMPLES[2:4]), "--store", str(store)])
        assert result.exit_code == ExitCode.CANT_CREATE
        _one_error(result.stderr)
    finally:
        for folder in [store, *[p for p in store.rglob("*") if p.is_dir()]]:
            folder.chmod(0o755)
    assert _files(store) == before


def _private_mounts() -> str | None:
    """Why a tmpfs cannot be mounted in a private namespace here, or None."""
    if shutil.which("unshare") is None:
        return "no unshare(1) on this machine"
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /tmp"],
                           capture_output=True, text=True, timeout=60, check=False)
    if probe.returncode != 0:
        return f"cannot mount a tmpfs in a private namespace ({probe.stderr.strip()[:120]})"
    return None


TMPFS_SCRIPT = """
set -u
mount -t tmpfs -o size=2m tmpfs "$DISK"
$CLAIMCLI ingest $FIRST --store "$DISK/store" --format jsonl > "$OUT/first.jsonl" || exit 10
dd if=/dev/zero of="$DISK/filler" bs=4096 2>/dev/null  # fill the disk up
$CLAIMCLI ingest $SECOND --store "$DISK/store" --format jsonl > "$OUT/full.jsonl" 2> "$OUT/full.err"
echo $? > "$OUT/full.rc"
$CLAIMCLI store list --store "$DISK/store" --format jsonl > "$OUT/full-list.jsonl"
rm "$DISK/filler"
$CLAIMCLI store verify --store "$DISK/store" > /dev/null 2> "$OUT/verify.err"
echo $? > "$OUT/verify.rc"
mount -o remount,ro "$DISK"
$CLAIMCLI ingest $SECOND --store "$DISK/store" --format jsonl > "$OUT/ro.jsonl" 2> "$OUT/ro.err"
echo $? > "$OUT/ro.rc"
$CLAIMCLI store list --store "$DISK/store" --format jsonl > "$OUT/ro-list.jsonl"
ls -a "$DISK/store" > "$OUT/names"
"""


def test_a_real_full_disk_and_read_only_mount(tmp_path: Path) -> None:
    reason = _private_mounts()
    if reason:
        pytest.skip(reason)
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    env = {**os.environ, "DISK": str(disk), "OUT": str(out), "CLAIMCLI": f"{sys.executable} -m claimcli",
           "FIRST": " ".join(map(str, SAMPLES[:2])), "SECOND": " ".join(map(str, SAMPLES[2:5]))}
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", textwrap.dedent(TMPFS_SCRIPT)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr

    def read(name: str) -> str:
        return (out / name).read_text(encoding="utf-8")

    first = [json.loads(line)["doc"] for line in read("first.jsonl").splitlines()]
    assert len(first) == 2
    assert int(read("full.rc")) == ExitCode.CANT_CREATE, read("full.err")
    _one_error(read("full.err"), "No space left on device")
    assert read("full.jsonl") == ""
    assert [json.loads(line)["doc"] for line in read("full-list.jsonl").splitlines()] == first
    assert int(read("verify.rc")) == 0, read("verify.err")
    assert int(read("ro.rc")) == ExitCode.CANT_CREATE
    _one_error(read("ro.err"), "Read-only file system")
    assert [json.loads(line)["doc"] for line in read("ro-list.jsonl").splitlines()] == first
    assert "journal.jsonl" not in read("names").split()


# --------------------------------------------------------------------------
# A writer killed while it holds the lock


HOLDER = """
import sys, time
from claimcli.store import Store
store = Store.open(sys.argv[1])
with store.locked():
    print("locked", flush=True)
    time.sleep(600)
"""


def test_a_killed_lock_holder_does_not_block_the_next_run(runner: CliRunner, store: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        blocked = runner.invoke(app, ["ingest", str(SAMPLES[2]), "--store", str(store), "--lock-timeout", "0"])
        assert blocked.exit_code == ExitCode.LOCKED
        _one_error(blocked.stderr, f"pid {holder.pid}", "--lock-timeout")
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=60)
    # The kernel dropped the dead process's flock; its pid is still written in the lock file.
    assert (store / "lock").read_text(encoding="ascii").strip() == str(holder.pid)
    result = runner.invoke(app, ["ingest", str(SAMPLES[2]), "--store", str(store), "--lock-timeout", "0",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "", "no waiting, no warning"
    assert json.loads(result.stdout)["status"] == "new"
    assert (store / "lock").read_text(encoding="ascii").strip() != str(holder.pid)


# --------------------------------------------------------------------------
# Load: the benchmark's run, for a few seconds


def test_concurrent_writers_and_readers_store_every_article_once(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from load_store import run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    summary = run(tmp_path, seconds=3, writers=8, readers=1, own=4, shared=12, batch=6)
    assert summary.ok, summary.errors
    assert summary.ingest_runs >= 8 and summary.reader_runs >= 1
    assert summary.stored == len(summary.reported) > 12
