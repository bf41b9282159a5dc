"""Bad input gets one line on stderr and a documented exit code, never a
traceback; text that is odd but readable is extracted with valid spans.

The matrix runs through `extract`, `extract --jsonl` and `ingest`; the
large cases use a sparse file (200 MB on paper, nothing on disk) and a real
process for the 5 MB line.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import check_spans
from typer.testing import CliRunner

from claimcli.cli import app
from claimcli.errors import ExitCode

STORY = "“We are doing everything we can,” Governor Petra Halvorsen said on Monday.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading ``path`` fail with EACCES.  chmod 000 does not stop root
    (CI runs as root), so the open is refused in the process instead."""
    path.write_text(STORY, encoding="utf-8")
    real_open = pathlib.Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "open", refuse)


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)


# A setup makes the input in a folder and returns (PATH argument, extra options).
Setup = Callable[[Path, pytest.MonkeyPatch], tuple[str, list[str]]]


def _file(name: str, data: bytes, *options: str) -> Setup:
    def setup(folder: Path, _monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
        (folder / name).write_bytes(data)
        return str(folder / name), list(options)
    return setup


def _locked(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    _unreadable(folder / "locked.txt", monkeypatch)
    return str(folder / "locked.txt"), []


def _huge(folder: Path, _monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    _sparse(folder / "huge.txt", 200 * 1024 * 1024)
    return str(folder / "huge.txt"), []


# (id, setup, exit code, words the one line must hold)
BAD: list[tuple[str, Setup, int, str]] = [
    ("missing path", lambda folder, _m: (str(folder / "missing.txt"), []), ExitCode.NO_INPUT, "no such file"),
    ("directory", lambda folder, _m: (str(folder), []), ExitCode.DATA, "is a directory"),
    ("unreadable", _locked, ExitCode.NO_INPUT, "permission denied"),
    ("binary", _file("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 64), ExitCode.DATA, "binary"),
    ("mostly NUL bytes", _file("z.txt", b"said \x00\x00\x00" * 200), ExitCode.DATA, "binary"),
    ("200 MB file", _huge, ExitCode.DATA, "larger than --max-bytes (20971520 bytes); raise --max-bytes"),
    ("over --max-bytes", _file("s.txt", STORY.encode() * 10, "--max-bytes", "100"), ExitCode.DATA,
     "larger than --max-bytes (100"),
    ("invalid UTF-8 with --encoding", _file("w.txt", "“Café,” he said.".encode("cp1252"), "--encoding", "utf-8"),
     ExitCode.DATA, "as utf-8 (byte 0); try another --encoding"),
    ("unknown --encoding", _file("u.txt", STORY.encode(), "--encoding", "klingon"), ExitCode.DATA,
     "unknown encoding 'klingon'"),
]
BAD_IDS = [row[0] for row in BAD]


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(("setup", "code", "words"), [row[1:] for row in BAD], ids=BAD_IDS)
def test_extract_bad_input(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           setup: Setup, code: int, words: str) -> None:
    path, options = setup(tmp_path, monkeypatch)
    result = runner.invoke(app, ["extract", path, *options, "--format", "json"])
    assert result.exit_code == code
    line = _one_line(result.stderr)
    assert line.startswith("Error: ") and words in line
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize(("setup", "code", "words"), [row[1:] for row in BAD if row[0] != "directory"],
                         ids=[i for i in BAD_IDS if i != "directory"])
def test_ingest_bad_input(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          setup: Setup, code: int, words: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    path, options = setup(inputs, monkeypatch)
    store = tmp_path / "store"
    result = runner.invoke(app, ["ingest", path, *options, "--store", str(store), "--format", "jsonl"])
    assert result.exit_code == code
    assert words in _one_line(result.stderr)
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["status"] == "failed" and words in row["error"]
    listed = runner.invoke(app, ["store", "list", "--store", str(store), "--format", "json"])
    assert json.loads(listed.stdout) == []


def test_ingest_a_folder_skips_what_it_cannot_read(runner: CliRunner, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    _unreadable(folder / "locked.txt", monkeypatch)
    _sparse(folder / "huge.txt", 200 * 1024 * 1024)
    result = runner.invoke(app, ["ingest", str(folder), "--store", str(tmp_path / "store"), "--format", "jsonl"])
    assert result.exit_code == ExitCode.FAILED
    statuses = {Path(r["source"]).name: r["status"] for r in map(json.loads, result.stdout.splitlines())}
    assert statuses == {"good.txt": "new", "huge.txt": "failed", "locked.txt": "failed"}
    assert len(result.stderr.strip().splitlines()) == 2 and "Traceback" not in result.stderr


def test_stdin_over_max_bytes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--max-bytes", "50", "--format", "json"], input=STORY * 3)
    assert result.exit_code == ExitCode.DATA
    assert "larger than --max-bytes (50 bytes)" in _one_line(result.stderr)


def test_jsonl_filter_names_an_oversized_line_and_goes_on(runner: CliRunner) -> None:
    lines = [json.dumps({"text": STORY}), json.dumps({"text": STORY * 50}), json.dumps({"text": STORY})]
    result = runner.invoke(app, ["extract", "--jsonl", "-", "--max-bytes", "1000"], input="\n".join(lines) + "\n")
    assert result.exit_code == ExitCode.FAILED
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in r) for r in out] == [False, True, False]
    assert out[1]["line"] == 2 and "--max-bytes" in out[1]["error"]
    assert "line 2" in _one_line(result.stderr)


# Odd but readable: extracted, exit 0, spans point into the text as decoded.
READABLE: list[tuple[str, bytes, str]] = [
    ("empty", b"", ""),
    ("cp1252 fallback", "“Café owners will reopen,” the mayor said.".encode("cp1252"),
     "“Café owners will reopen,” the mayor said."),
    ("UTF-8 BOM", "\ufeff".encode() + STORY.encode(), STORY),
    ("UTF-16", STORY.encode("utf-16"), STORY),
    ("stray NUL", STORY.encode() + b"\x00" + STORY.encode(), STORY + "\x00" + STORY),
    ("mixed newlines", STORY.replace("\n", "\r\n").encode() + STORY.replace("\n", "\r").encode()
     + STORY.replace("\n", "\u2028").encode(), STORY.replace("\n", "\r\n") + STORY.replace("\n", "\r")
     + STORY.replace("\n", "\u2028")),
    ("right-to-left and zero-width", "\u202e“Two\u200b died,” \u200dthe مسؤول said.\n".encode(),
     "\u202e“Two\u200b died,” \u200dthe مسؤول said.\n"),
    ("emoji and Cyrillic", "😀 «Київ заявив про 14 загиблих», — сказав він. “Yes 😀,” Kovac said.\n".encode(),
     "😀 «Київ заявив про 14 загиблих», — сказав він. “Yes 😀,” Kovac said.\n"),
]


@pytest.mark.parametrize(("data", "text"), [row[1:] for row in READABLE], ids=[row[0] for row in READABLE])
def test_odd_but_readable_text(runner: CliRunner, tmp_path: Path, data: bytes, text: str) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(data)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    (doc,) = json.loads(result.stdout)
    assert text == "" or doc["claims"] or doc["figures"], "something is found"
    check_spans(text, doc)


@pytest.mark.parametrize("piece", ["a", "U.S.-14,000-said:“x”"], ids=["one letter", "marks and digits"])
def test_a_5_mb_line_without_spaces_finishes(tmp_path: Path, piece: str) -> None:
    text = (piece * (5_000_000 // len(piece) + 1))[:5_000_000]
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "claimcli", "extract", str(path), "--format", "json"],
                          capture_output=True, timeout=300, check=False, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stderr[-500:]
    (doc,) = json.loads(proc.stdout)
    check_spans(text, doc)
