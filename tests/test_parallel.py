"""Past one core and past one machine: --jobs, --engine dask, the --jsonl
streaming filter, and extract_document as the function every engine maps.

The contract: whatever the engine, the output is byte-identical to the
serial run, in input order, with per-input failures exactly as in serial
mode; only the main process writes the store.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimcli
from claimcli.api import LineReader, extract_document
from claimcli.cli import app
from claimcli.errors import EngineError
from claimcli.parallel import map_ordered, resolve_jobs

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(str(p) for p in (ROOT / "samples").glob("*.txt"))
CLAIMCLI = Path(sys.executable).parent / "claimcli"  # the venv's console script, by absolute path

try:
    import dask  # noqa: F401
    import distributed  # noqa: F401

    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False
needs_dask = pytest.mark.skipif(not HAVE_DASK, reason="dask is not installed: pip install -e '.[dev,dask]' (make test does)")

ARTICLES = [
    {"text": "Regional Governor Petra Halvorsen said on Monday that 14 people had died.\n",
     "title": "Flood toll", "publisher": "Northern Wire", "published": "2026-03-02",
     "url": "https://example.org/a"},
    {"text": "“Über 300 Häuser sind zerstört,” Halvorsen told reporters on Tuesday."},
    {"text": "Police said at least 3 people were hurt in the blast on Sunday.", "published": "2026-03-08"},
]


def _lines(records: list[object]) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode("utf-8")) + b"\n" for r in records)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


# --------------------------------------------------------------------------
# extract_document: the API every engine maps


def test_extract_document_is_exported_pure_and_picklable() -> None:
    assert "extract_document" in claimcli.__all__
    assert claimcli.extract_document is extract_document
    assert pickle.loads(pickle.dumps(extract_document)) is extract_document
    record = dict(ARTICLES[0])
    first = extract_document(record)
    assert record == ARTICLES[0]  # the input is not touched
    assert extract_document(record) == first  # same in, same out
    assert list(first)[:8] == ["doc", "source", "title", "publisher", "published", "claims", "times", "figures"]
    assert first["extractor"] == claimcli.EXTRACTOR_VERSION
    assert (first["source"], first["title"], first["publisher"], first["published"]) == (
        "https://example.org/a", "Flood toll", "Northern Wire", "2026-03-02")
    assert first["claims"][0]["speaker"]["name"] == "Petra Halvorsen"
    assert pickle.loads(pickle.dumps(first)) == first


def test_extract_document_equals_extract_json_of_the_same_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLES[2]["text"], encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "json", "--date", "2026-03-08"])
    assert result.exit_code == 0, result.stderr
    (printed,) = json.loads(result.stdout)
    assert extract_document({"text": ARTICLES[2]["text"], "source": str(path), "published": "2026-03-08"}) == printed


@pytest.mark.parametrize(("record", "why"), [
    ({"title": "no text"}, "'text' string"),
    ({"text": 3}, "'text' string"),
    ({"text": "x", "published": 20260302}, "'published' that is not a string"),
    (["text"], "not a JSON object"),
])
def test_extract_document_refuses_bad_records(record: object, why: str) -> None:
    with pytest.raises(claimcli.ClaimcliError, match=why):
        extract_document(record)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# --jobs: byte-identical to --jobs 1


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_jobs_2_is_byte_identical_to_serial(runner: CliRunner, fmt: str) -> None:
    serial = runner.invoke(app, ["extract", *SAMPLES, "--format", fmt])
    parallel = runner.invoke(app, ["extract", *SAMPLES, "--format", fmt, "--jobs", "2"])
    assert serial.exit_code == parallel.exit_code == 0, parallel.stderr
    assert serial.stdout_bytes and parallel.stdout_bytes == serial.stdout_bytes


def test_jobs_0_means_every_core(runner: CliRunner) -> None:
    assert resolve_jobs(0) >= 1 and resolve_jobs(None) == 1 and resolve_jobs(3) == 3
    serial = runner.invoke(app, ["extract", *SAMPLES[:3], "--format", "jsonl"])
    every = runner.invoke(app, ["extract", *SAMPLES[:3], "--format", "jsonl", "-j", "0"])
    assert every.exit_code == 0 and every.stdout_bytes == serial.stdout_bytes


def test_failures_inside_workers_are_per_input_as_in_serial_mode(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00\rIHDR" * 50)
    args = ["extract", SAMPLES[0], str(tmp_path / "missing.txt"), str(binary), SAMPLES[1], "--format", "jsonl"]
    serial = runner.invoke(app, args)
    parallel = runner.invoke(app, [*args, "--jobs", "2"])
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout_bytes == serial.stdout_bytes and serial.stdout_bytes
    assert parallel.stderr == serial.stderr
    assert "missing.txt" in serial.stderr and "binary" in serial.stderr


def _boom(n: int) -> int:
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def test_map_ordered_keeps_order_and_raises_at_the_failing_item() -> None:
    assert list(map_ordered(_boom, range(12), jobs=2, chunksize=3, window=2)) == [n * n for n in range(12)]
    got: list[int] = []
    with pytest.raises(ValueError, match="thirteen"):
        for value in map_ordered(_boom, range(40), jobs=2, chunksize=4, window=2):
            got.append(value)
    assert got == [n * n for n in range(13)]  # everything before the failing item, as map() would


def _ingested(runner: CliRunner, store: Path, *extra: str) -> tuple[str, list[dict[str, object]]]:
    """Ingest the samples and a missing file; (stdout, the stored articles
    without their ingestion time)."""
    result = runner.invoke(app, ["ingest", *SAMPLES, str(store.parent / "missing.txt"), "--store", str(store),
                                 "--format", "jsonl", *extra])
    assert result.exit_code == 1, result.stderr  # the missing input fails, the rest are stored
    exported = runner.invoke(app, ["store", "export", "--store", str(store)])
    assert exported.exit_code == 0, exported.stderr
    articles = [json.loads(line) for line in exported.stdout.splitlines()]
    for article in articles:
        article.pop("ingested_at")
    return result.stdout, articles


def test_ingest_jobs_2_stores_the_same_articles(runner: CliRunner, tmp_path: Path) -> None:
    def run(store: Path, *extra: str) -> tuple[str, list[dict[str, object]]]:
        return _ingested(runner, store, *extra)

    serial_out, serial_articles = run(tmp_path / "serial")
    parallel_out, parallel_articles = run(tmp_path / "parallel", "--jobs", "2")
    assert parallel_out == serial_out
    assert len(serial_articles) == len(SAMPLES)
    assert parallel_articles == serial_articles
    again = runner.invoke(app, ["ingest", *SAMPLES, "--store", str(tmp_path / "parallel"), "--format", "jsonl",
                                "--jobs", "2"])
    assert {json.loads(line)["status"] for line in again.stdout.splitlines()} == {"duplicate"}
    assert runner.invoke(app, ["store", "verify", "--store", str(tmp_path / "parallel")]).exit_code == 0


# --------------------------------------------------------------------------
# extract --jsonl: the streaming filter


def test_jsonl_filter_keeps_order_and_survives_a_bad_line(runner: CliRunner) -> None:
    data = _lines([ARTICLES[0], b"{not json", ARTICLES[1], {"title": "no text"}, ARTICLES[2]])
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input=data)
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5  # one output line per input line (Spark's RDD.pipe relies on it)
    assert out[0] == extract_document(ARTICLES[0])
    assert out[2] == extract_document(ARTICLES[1])
    assert out[4] == extract_document(ARTICLES[2])
    assert out[1] == {"line": 2, "error": out[1]["error"]} and "not valid JSON" in out[1]["error"]
    assert out[3]["line"] == 4 and "'text'" in out[3]["error"]
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and errors[0].startswith("Error: line 2 ") and errors[1].startswith("Error: line 4 ")


def test_jsonl_filter_is_the_same_on_every_engine(runner: CliRunner) -> None:
    data = _lines([*ARTICLES * 6, b"", b"[1, 2]"])
    serial = runner.invoke(app, ["extract", "--jsonl", "-"], input=data)
    parallel = runner.invoke(app, ["extract", "--jsonl", "-", "--jobs", "2"], input=data)
    assert serial.exit_code == parallel.exit_code == 1  # the empty line and the array
    assert parallel.stdout_bytes == serial.stdout_bytes
    assert parallel.stderr == serial.stderr
    assert len(serial.stdout.splitlines()) == 20


def test_jsonl_filter_options(runner: CliRunner, tmp_path: Path) -> None:
    data = _lines(ARTICLES)
    quotes = runner.invoke(app, ["extract", "--jsonl", "-", "--kind", "quote", "--date", "2026-03-01"], input=data)
    assert quotes.exit_code == 0, quotes.stderr
    docs = [json.loads(line) for line in quotes.stdout.splitlines()]
    assert [c["kind"] for d in docs for c in d["claims"]] == ["quote"]
    assert {d["published"] for d in docs} == {"2026-03-01"}
    path = tmp_path / "articles.jsonl"
    path.write_bytes(data)
    from_file = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert from_file.exit_code == 0 and from_file.stdout == runner.invoke(app, ["extract", "--jsonl", "-"],
                                                                            input=data).stdout
    missing = runner.invoke(app, ["extract", "--jsonl", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 66 and missing.stdout == ""
    assert runner.invoke(app, ["extract", "--jsonl", "-", "--format", "csv"], input=data).exit_code == 2
    limit = max(len(line) for line in data.splitlines()[1:])
    assert len(data.splitlines()[0]) > limit
    too_long = runner.invoke(app, ["extract", "--jsonl", "-", "--max-bytes", str(limit)], input=data)
    assert too_long.exit_code == 1
    assert [json.loads(line).get("error", "ok")[:6] for line in too_long.stdout.splitlines()] == [
        "line 1", "ok", "ok"]


def test_jsonl_output_is_valid_utf8_even_for_lone_surrogates(runner: CliRunner) -> None:
    data = b'{"text": "\\ud800 said the mayor."}\n{"text": "The mayor said 3 died.", "title": "\\udc00x"}\n'
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input=data)
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout_bytes.decode("utf-8").splitlines())
    assert first["line"] == 1 and "lone surrogate" in first["error"]
    assert second["title"] == "\udc00x"  # kept, escaped in the JSON


def test_line_reader_streams_in_blocks_and_skips_long_lines() -> None:
    data = b"a\n" + b"x" * 50 + b"\nbb\r\n\n" + b"y" * 9 + b"\nlast"
    reader = LineReader(io.BytesIO(data), max_bytes=10)
    reader.BLOCK = 4  # type: ignore[misc]
    assert list(reader) == [b"a", None, b"bb\r", b"", b"y" * 9, b"last"]
    reader = LineReader(io.BytesIO(b"z" * 30), max_bytes=10)
    reader.BLOCK = 4  # type: ignore[misc]
    assert list(reader) == [None]
    assert reader.buffer == bytearray()


def _run(args: list[str], data: bytes, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(CLAIMCLI), *args], input=data, capture_output=True, env=env, cwd="/",
                          timeout=120, check=False)


@pytest.mark.parametrize(("env", "why"), [
    ({}, "env -i: what Spark's RDD.pipe gives a command (no HOME, no PATH, C locale)"),
    ({"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}, "an ASCII locale Python does not fix itself"),
])
def test_jsonl_filter_runs_in_an_empty_environment(env: dict[str, str], why: str) -> None:
    data = _lines([*ARTICLES, b"oops"])
    result = _run(["extract", "--jsonl", "-"], data, env)
    assert result.returncode == 1, (why, result.stderr)
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert out[:3] == [extract_document(a) for a in ARTICLES], why
    assert out[3]["line"] == 4
    assert "Häuser" in result.stdout.decode("utf-8")  # UTF-8 on stdout whatever the locale
    assert result.stderr.decode("utf-8").startswith("Error: line 4 ") and result.stderr.count(b"\n") == 1
    parallel = _run(["extract", "--jsonl", "-", "--jobs", "2"], data, env)
    assert parallel.returncode == 1 and parallel.stdout == result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_filter_streams_one_line_at_a_time(jobs: str) -> None:
    """Each record comes out while the input is still open: nothing waits
    for the end of stdin, and every line is flushed."""
    proc = subprocess.Popen([str(CLAIMCLI), "extract", "--jsonl", "-", "--jobs", jobs], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={})
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for article in ARTICLES:
            proc.stdin.write(_lines([article]))
            proc.stdin.flush()
            deadline = time.monotonic() + 60
            while not select.select([proc.stdout], [], [], 0.2)[0]:
                assert proc.poll() is None and time.monotonic() < deadline, "no output while stdin is open"
            assert json.loads(proc.stdout.readline()) == extract_document(article)
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
        assert proc.stdout.read() == b""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --------------------------------------------------------------------------
# Dask


@needs_dask
def test_dask_engine_is_byte_identical_to_serial(runner: CliRunner) -> None:
    """A LocalCluster of two worker processes on 127.0.0.1 (what --engine
    dask starts without --scheduler), connect timeout lowered."""
    serial = runner.invoke(app, ["extract", *SAMPLES, "--format", "jsonl"])
    on_dask = runner.invoke(app, ["extract", *SAMPLES, "--format", "jsonl", "--engine", "dask", "--jobs", "2"])
    assert on_dask.exit_code == 0, on_dask.stderr
    assert on_dask.stdout_bytes == serial.stdout_bytes and serial.stdout_bytes
    assert on_dask.stderr == ""  # Dask's own logging stays quiet


@needs_dask
def test_ingest_on_dask_stores_the_same_articles(runner: CliRunner, tmp_path: Path) -> None:
    assert _ingested(runner, tmp_path / "dask", "--engine", "dask", "--jobs", "2") == _ingested(
        runner, tmp_path / "serial")


@needs_dask
def test_dask_map_on_a_threaded_local_cluster_keeps_order() -> None:
    from claimcli.parallel import dask_map

    records = [*ARTICLES * 5, {"no": "text"}]
    mapped = dask_map(extract_document, records[:-1], workers=2, processes=False, batch_size=4)
    assert list(mapped) == [extract_document(r) for r in records[:-1]]
    got = []
    with pytest.raises(claimcli.ClaimcliError, match="'text'"):
        for doc in dask_map(extract_document, records, workers=2, processes=False, batch_size=4):
            got.append(doc)
    assert len(got) == len(records) - 1


@needs_dask
def test_dask_jsonl_filter_matches_serial(runner: CliRunner) -> None:
    data = _lines([*ARTICLES, b"{", *ARTICLES])
    serial = runner.invoke(app, ["extract", "--jsonl", "-"], input=data)
    on_dask = runner.invoke(app, ["extract", "--jsonl", "-", "--engine", "dask", "--jobs", "2"], input=data)
    assert on_dask.exit_code == serial.exit_code == 1
    assert on_dask.stdout_bytes == serial.stdout_bytes and on_dask.stderr == serial.stderr


@needs_dask
def test_unreachable_scheduler_fails_in_seconds() -> None:
    from claimcli.parallel import dask_map

    start = time.monotonic()
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1") as info:
        list(dask_map(extract_document, ARTICLES, scheduler="tcp://127.0.0.1:1", connect_timeout="1s"))
    assert int(info.value.exit_code) == 1
    assert time.monotonic() - start < 30


def test_missing_dask_is_one_line_and_exit_2(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    result = runner.invoke(app, ["extract", SAMPLES[0], "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --engine dask needs Dask, which is not installed; run pip install 'claimcli[dask]'\n"


def test_scheduler_needs_the_dask_engine(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", SAMPLES[0], "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--engine dask" in result.stderr


def test_workers_never_need_home_or_the_store(tmp_path: Path) -> None:
    """extract never evaluates the store default (no HOME under env -i)."""
    env = {"PATH": os.defpath}
    result = _run(["extract", SAMPLES[0], "--format", "json", "--jobs", "2"], b"", env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["claims"]
