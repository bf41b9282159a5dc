"""--output cannot be turned against its reader: atomic, never through a
symbolic link, never a folder, never into the store; one line and exit 73
for each refusal, and the earlier file is left as it was."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli import output as output_module
from claimcli.cli import app
from claimcli.errors import ClaimcliError, ExitCode, OutputError, StoreCorruptError
from claimcli.output import write_output

STORY = "“We are doing everything we can,” Governor Petra Halvorsen said on Monday.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def store(tmp_path: Path, runner: CliRunner) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(STORY, encoding="utf-8")
    root = tmp_path / "store"
    assert runner.invoke(app, ["ingest", str(article), "--store", str(root)]).exit_code == 0
    return root


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_writes_the_chunks_and_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    write_output(target, iter(["a\n", "b\n"]))
    assert target.read_text(encoding="utf-8") == "a\nb\n"
    target.chmod(0o600)
    write_output(target, ["c\n"])
    assert target.read_text(encoding="utf-8") == "c\n"
    assert target.stat().st_mode & 0o777 == 0o600
    assert _leftovers(tmp_path) == []


def test_a_symbolic_link_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(precious)
    with pytest.raises(OutputError, match="symbolic link") as caught:
        write_output(link, ["<p>x</p>\n"])
    assert caught.value.exit_code == ExitCode.CANT_CREATE
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert link.is_symlink()
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "nowhere" / "x.html")
    with pytest.raises(OutputError, match="symbolic link"):
        write_output(dangling, ["x"])
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_output(tmp_path, ["x"])


@pytest.mark.parametrize("where", ["root", "index", "new file", "article", "dot-dot", "linked folder"])
def test_nothing_inside_the_store(store: Path, tmp_path: Path, where: str) -> None:
    article = next((store / "articles").rglob("*.json"))
    (tmp_path / "alias").symlink_to(store)
    target = {
        "root": store, "index": store / "index.jsonl", "new file": store / "report.html", "article": article,
        "dot-dot": tmp_path / "elsewhere" / ".." / "store" / "store.json",
        "linked folder": tmp_path / "alias" / "report.html",
    }[where]
    (tmp_path / "elsewhere").mkdir()
    before = _snapshot(store)
    with pytest.raises(OutputError) as caught:
        write_output(target, ["x"], store_root=store)
    assert "store" in caught.value.message or "folder" in caught.value.message
    assert _snapshot(store) == before


def test_a_failure_while_writing_leaves_the_earlier_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("earlier\n", encoding="utf-8")

    def broken() -> Iterator[str]:
        yield "half a line"
        raise StoreCorruptError("articles/ab/abc.json is not valid JSON")

    with pytest.raises(ClaimcliError, match="not valid JSON"):
        write_output(target, broken())
    assert target.read_text(encoding="utf-8") == "earlier\n" and _leftovers(tmp_path) == []

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output_module.os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device; pass another --output") as caught:
        write_output(target, ["new\n"])
    assert caught.value.exit_code == 73
    assert target.read_text(encoding="utf-8") == "earlier\n" and _leftovers(tmp_path) == []


def test_export_output_refusals_are_one_line_and_73(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    before = _snapshot(store)
    index = store / "index.jsonl"
    for target in (index, tmp_path, tmp_path / "missing" / "x.jsonl"):
        result = runner.invoke(app, ["store", "export", "--store", str(store), "-o", str(target)])
        assert result.exit_code == ExitCode.CANT_CREATE == 73
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in result.stderr
        assert result.stdout == ""
    assert _snapshot(store) == before
    good = tmp_path / "export.jsonl"
    assert runner.invoke(app, ["store", "export", "--store", str(store), "-o", str(good)]).exit_code == 0
    assert [json.loads(x)["text"] for x in good.read_text(encoding="utf-8").splitlines()] == [STORY]


@pytest.mark.parametrize("mark", ["=", "+", "-", "@"])
def test_csv_cells_that_could_be_formulas_are_neutralised(runner: CliRunner, tmp_path: Path, mark: str) -> None:
    article = tmp_path / "f.txt"
    article.write_text(f"Title: {mark}HYPERLINK(\"http://x\")\n\n“{mark}SUM(A1:A9) is what they typed,” "
                       "the official said.\n", encoding="utf-8")
    extracted = runner.invoke(app, ["extract", str(article), "--format", "csv"])
    assert extracted.exit_code == 0, extracted.stderr
    (row,) = csv.DictReader(io.StringIO(extracted.stdout))
    assert row["content"] == f"'{mark}SUM(A1:A9) is what they typed,"
    root = str(tmp_path / "store")
    assert runner.invoke(app, ["ingest", str(article), "--store", root]).exit_code == 0
    listed = runner.invoke(app, ["store", "list", "--store", root, "--format", "csv"])
    (info,) = csv.DictReader(io.StringIO(listed.stdout))
    assert info["title"] == f"'{mark}HYPERLINK(\"http://x\")"
