"""The per-article budget (--article-timeout): a pathological article is
named in one line and skipped, the others still come out, exit 1.

The hostile article is 200,000 times "said" (about 30 s of CPU time to
extract); the budget is forced down to half a second, which a real article
(milliseconds) never reaches.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli import analyse
from claimcli.budget import budgeted
from claimcli.cli import app
from claimcli.errors import ArticleTimeoutError, ExitCode

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOOD = (SAMPLES / "dam-1-northern-wire.txt").read_text(encoding="utf-8")
OTHER = (SAMPLES / "blast-1-northern-wire.txt").read_text(encoding="utf-8")
SLOW = "said " * 200_000
BUDGET = "0.5"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in (("first.txt", GOOD), ("slow.txt", SLOW), ("last.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def _skipped_line(stderr: str, name: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert name in lines[0] and "--article-timeout" in lines[0] and "Traceback" not in stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_skips_the_slow_article(runner: CliRunner, inputs: list[str], jobs: str) -> None:
    result = runner.invoke(app, ["extract", *inputs, "--article-timeout", BUDGET, "--jobs", jobs, "--format", "json"])
    assert result.exit_code == ExitCode.FAILED
    _skipped_line(result.stderr, "slow.txt")
    docs = json.loads(result.stdout)
    assert [Path(d["source"]).name for d in docs] == ["first.txt", "last.txt"]
    assert all(d["claims"] for d in docs)


def test_jsonl_filter_gives_an_error_record_and_goes_on(runner: CliRunner) -> None:
    lines = "".join(json.dumps({"text": t}) + "\n" for t in (GOOD, SLOW, OTHER))
    result = runner.invoke(app, ["extract", "--jsonl", "-", "--article-timeout", BUDGET], input=lines)
    assert result.exit_code == ExitCode.FAILED
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 3 and out[0]["claims"] and out[2]["claims"]
    assert out[1]["line"] == 2 and "--article-timeout" in out[1]["error"]
    _skipped_line(result.stderr, "line 2")


def test_ingest_stores_the_others(runner: CliRunner, inputs: list[str], tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", *inputs, "--store", store, "--article-timeout", BUDGET,
                                 "--format", "jsonl"])
    assert result.exit_code == ExitCode.FAILED
    _skipped_line(result.stderr, "slow.txt")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["new", "failed", "new"]
    assert "--article-timeout" in rows[1]["error"]
    listed = runner.invoke(app, ["store", "list", "--store", store, "--format", "json"])
    assert sorted(r["doc"] for r in json.loads(listed.stdout)) == sorted([rows[0]["doc"], rows[2]["doc"]])


def test_without_a_budget_the_article_is_extracted(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "slowish.txt"
    path.write_text("said " * 2_000, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--article-timeout", "0", "--format", "json"])
    assert result.exit_code == 0 and result.stderr == ""


def test_budget_stops_code_that_catches_every_exception() -> None:
    def stubborn() -> str:
        while True:
            try:
                analyse(SLOW)
            except Exception:  # noqa: BLE001 - what an extractor bug might do
                continue

    with pytest.raises(ArticleTimeoutError, match="stubborn.txt took more than 0.2 s"):
        budgeted(0.2, "stubborn.txt", stubborn)
    # The timer is off again and nothing is left armed.
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert budgeted(0.2, "quick", analyse, GOOD).claims
