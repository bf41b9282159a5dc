"""`claimcli extract` through typer's CliRunner and one real subprocess:
exit codes, stdout and stderr checked separately."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli import __version__
from claimcli.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DAM1 = SAMPLES / "dam-1-northern-wire.txt"

STORY = (
    "Regional Governor Petra Halvorsen said on Monday that 14 people had died.\n\n"
    "“We are doing everything we can,” Halvorsen told reporters.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimcli {__version__}"


def test_help_lists_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["-h"])
    assert result.exit_code == 0
    assert "extract" in result.stdout
    assert "65 data" in result.stdout and "66 no_input" in result.stdout


def test_json_is_one_array_of_documents(runner: CliRunner, story: Path) -> None:
    result = runner.invoke(app, ["extract", str(story), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == 1
    doc = docs[0]
    assert list(doc)[:8] == ["doc", "source", "title", "publisher", "published", "claims", "times", "figures"]
    assert doc["source"] == str(story)
    kinds = [c["kind"] for c in doc["claims"]]
    assert "statement" in kinds and "quote" in kinds
    quote = next(c for c in doc["claims"] if c["kind"] == "quote")
    assert quote["speaker"]["name"] == "Petra Halvorsen"
    assert quote["speaker"]["mention"] == "Halvorsen"
    s, e = quote["content"]["span"]
    assert STORY[s:e] == quote["content"]["text"] == "We are doing everything we can,"
    assert quote["id"] == f"{doc['doc']}:{doc['claims'].index(quote)}"


def test_jsonl_is_one_claim_per_line_with_doc_and_source(runner: CliRunner, story: Path) -> None:
    result = runner.invoke(app, ["extract", str(story), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(row["source"] == str(story) and len(row["doc"]) == 16 for row in rows)
    assert {row["kind"] for row in rows} >= {"quote", "statement"}


def test_csv_has_header_and_neutralises_formulas(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("“=HYPERLINK(1) is what they typed,” the official said.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["content"].startswith("'=HYPERLINK")


def test_kind_and_speaker_filters(runner: CliRunner, story: Path) -> None:
    result = runner.invoke(app, ["extract", str(story), "-f", "jsonl", "--kind", "quote"])
    assert {json.loads(line)["kind"] for line in result.stdout.splitlines()} == {"quote"}
    result = runner.invoke(app, ["extract", str(story), "-f", "jsonl", "--speaker", "nobody-here"])
    assert result.exit_code == 0 and result.stdout == ""
    result = runner.invoke(app, ["extract", str(story), "--kind", "opinion"])
    assert result.exit_code == 2
    assert "--kind 'opinion'" in result.stderr


def test_empty_json_is_a_valid_array(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(empty), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["claims"] == []


@pytest.mark.parametrize(
    ("setup", "code", "message"),
    [
        (lambda p: p / "missing.txt", 66, "no such file"),
        (lambda p: p, 65, "is a directory"),
        (lambda p: (p / "blob.bin").write_bytes(b"\x00\x01\x02binary\x00" * 50) and p / "blob.bin", 65, "binary"),
    ],
    ids=["missing", "directory", "binary"],
)
def test_bad_input_is_one_line_and_an_exit_code(runner: CliRunner, tmp_path: Path, setup, code: int, message: str) -> None:
    target = setup(tmp_path)
    result = runner.invoke(app, ["extract", str(target), "--format", "json"])
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout) == []


def test_one_bad_input_among_good_ones_exits_1_and_keeps_the_rest(runner: CliRunner, story: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(story), str(tmp_path / "nope.txt"), "--format", "json"])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1
    assert "nope.txt" in result.stderr


def test_bad_date_is_a_usage_error(runner: CliRunner, story: Path) -> None:
    result = runner.invoke(app, ["extract", str(story), "--date", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_cp1252_input_is_read(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("“Caf\u00e9 owners will reopen on Friday,” the mayor said.".encode("cp1252"))
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "Caf\u00e9 owners" in json.loads(result.stdout.splitlines()[0])["content"]["text"]


def test_table_output_does_not_interpret_markup(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text("“[bold red]Nothing[/] is \x1b[31mhidden\x1b[0m here,” the spokesman said.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "table"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert "[bold red]Nothing[/]" in result.stdout
    assert "\x1b[31m" not in result.stdout


def test_samples_all_extract(runner: CliRunner) -> None:
    paths = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    assert len(paths) >= 8
    result = runner.invoke(app, ["extract", *paths, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert len({d["publisher"] for d in docs}) >= 3
    assert all(d["published"] for d in docs)
    assert sum(len(d["claims"]) for d in docs) > 100


def _run(args: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run([sys.executable, "-m", "claimcli", *args], input=stdin, capture_output=True, env=env,
                          timeout=120, check=False)


def test_subprocess_stdin_piped_defaults_to_jsonl() -> None:
    proc = _run(["extract", "-"], STORY.encode())
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert lines and all(json.loads(line)["source"] == "-" for line in lines)
    assert proc.stderr == b""


def test_subprocess_closed_pipe_is_not_an_error() -> None:
    text = DAM1.read_bytes() * 40
    proc = subprocess.run(
        f"{sys.executable} -m claimcli extract - --format jsonl | head -n 1",
        shell=True, input=text, capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.decode().splitlines()) == 1
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr
