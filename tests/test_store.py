"""The store: atomic, locked, versioned, never losing what it reported stored.

Library tests go through ``Store``; command tests through CliRunner (stdout,
stderr and exit code checked separately); concurrency and crash tests run
real ``python -m claimcli`` processes (two at once; SIGKILL at random
points) over articles generated from samples/.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli import store as store_module
from claimcli.cli import app
from claimcli.errors import (
    ArticleNotFoundError,
    ExitCode,
    StoreLockedError,
    StoreMissingError,
    StoreVersionError,
)
from claimcli.extract import EXTRACTOR_VERSION, analyse
from claimcli.models import Article, to_dict
from claimcli.store import RE_PUT_HEAD, SCHEMA, Store, article_from_dict, compact_json, record_json
from claimcli.text import doc_id

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RE_NUMBER = re.compile(r"\b\d+\b")
#: Surnames in samples/ and the names generated articles use instead.
NAME_SWAPS = {"Kovac": ("Novak", "Marek", "Dvorak"), "Halvorsen": ("Lindqvist", "Berger", "Solberg")}


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles made from samples/ by varying names,
    numbers, dates and URLs."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        head, _, body = texts[i % len(texts)].partition("\n\n")
        head = re.sub(r"(?m)^URL: (.*)$", lambda m, i=i: f"URL: {m.group(1)}-{i}", head)
        head = re.sub(r"(?m)^Published: .*$", f"Published: 2026-03-{1 + i % 28:02d}", head)
        round_ = i // len(texts)
        body = RE_NUMBER.sub(lambda m, r=round_: str(int(m.group()) + r), body)
        for name, others in NAME_SWAPS.items():
            body = body.replace(name, others[round_ % len(others)])
        path = folder / f"article-{i:04d}.txt"
        path.write_text(f"{head}\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def make_article(text: str, *, source: str = "story.txt", url: str | None = None,
                 published: str | None = "2026-03-09", publisher: str | None = "Northern Wire Service",
                 extractor: str | None = None, ingested_at: str = "2026-03-09T10:00:00.000000Z") -> Article:
    document = analyse(text, source=source, published=published, publisher=publisher)
    return Article(document.doc, source, url, document.title, document.publisher, document.published, None,
                   ingested_at, extractor or document.extractor, document.claims, document.times,
                   document.figures, text)


STORY = ("Flood toll rises\n\nRegional Governor Petra Halvorsen said on Monday that 14 people had died.\n\n"
         "“We are doing everything we can,” Halvorsen told reporters.\n")


def story(n: int) -> str:
    return STORY.replace("14 people", f"{n} people")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "store", create=True)


def index_lines(root: Path) -> list[dict]:
    path = root / "index.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def claimcli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcli", *args], capture_output=True, text=True,
                          timeout=600, check=False, **kwargs)


# --------------------------------------------------------------------------
# Library: layout, add, get, list, remove, export


def test_new_store_layout(store: Store) -> None:
    meta = json.loads((store.root / "store.json").read_text())
    assert meta["schema"] == SCHEMA == 2 and meta["format"] == "claimcli-store"
    [(status, article)] = store.add([make_article(story(14))])
    assert status == "new"
    path = store.root / "articles" / article.doc[:2] / f"{article.doc}.json"
    assert path == store.path(article.doc) and path.is_file()
    assert path.read_text(encoding="utf-8").count("\n") == 1, "one article, one line of JSON"
    [line] = (store.root / "index.jsonl").read_text(encoding="utf-8").splitlines()
    assert RE_PUT_HEAD.match(line), "index lines keep the fixed head listing relies on"
    assert not (store.root / "journal.jsonl").exists()


def test_article_round_trips_through_its_file(store: Store) -> None:
    article = make_article((SAMPLES / "dam-1-northern-wire.txt").read_text(encoding="utf-8"),
                           url="https://example.test/dam")
    store.add([article])
    back = store.get(article.doc)
    assert back == article
    assert back.document.claims == article.claims
    assert article_from_dict(json.loads(json.dumps(to_dict(article)))) == article
    assert record_json(article) == compact_json(to_dict(article)), "the fast writer is to_dict, byte for byte"
    assert store.path(article.doc).read_text(encoding="utf-8") == compact_json(to_dict(article)) + "\n"


def test_duplicate_and_updated(store: Store) -> None:
    first = make_article(story(14), url="https://example.test/flood")
    [(status, _)] = store.add([first])
    assert status == "new"
    [(status, again)] = store.add([make_article(story(14), url="https://example.test/flood",
                                               ingested_at="2026-03-10T00:00:00.000000Z")])
    assert (status, again.doc) == ("duplicate", first.doc)
    [(status, second)] = store.add([make_article(story(17), url="https://example.test/flood",
                                                ingested_at="2026-03-10T00:00:00.000000Z")])
    assert status == "updated" and second.previous == first.doc
    [(status, third)] = store.add([make_article(story(21), url="https://example.test/flood",
                                               ingested_at="2026-03-11T00:00:00.000000Z")])
    assert status == "updated" and third.previous == second.doc, "versions chain to the newest one"
    assert store.get(third.doc).previous == second.doc
    assert len(store.articles()) == 3


def test_duplicates_within_one_batch_are_stored_once(store: Store) -> None:
    outcomes = store.add([make_article(story(1)), make_article(story(1)), make_article(story(2))])
    assert [status for status, _ in outcomes] == ["new", "duplicate", "new"]
    assert Counter(e["doc"] for e in index_lines(store.root)) == {outcomes[0][1].doc: 1, outcomes[2][1].doc: 1}


@pytest.mark.parametrize(
    ("since", "until", "publisher", "expected", "why"),
    [
        (None, None, None, ["a", "b", "c", "undated"], "all, oldest first, undated last"),
        ("2026-03-10", None, None, ["b", "c"], "since is inclusive; undated left out"),
        (None, "2026-03-10", None, ["a", "b"], "until is inclusive"),
        ("2026-03-10", "2026-03-10", None, ["b"], "a single day"),
        (None, None, "northern", ["a", "c"], "publisher: any case, anywhere in the name"),
        ("2026-03-10", None, "LEDGER", ["b"], "both filters"),
        ("2026-03-11", None, "ledger", [], "nothing matches both"),
    ],
)
def test_list_filters(store: Store, since, until, publisher, expected, why) -> None:
    made = {
        "a": make_article(story(1), published="2026-03-09", publisher="Northern Wire Service"),
        "b": make_article(story(2), published="2026-03-10", publisher="The Harbour Ledger"),
        "c": make_article(story(3), published="2026-03-11", publisher="Northern Wire Service"),
        "undated": make_article(story(4), published=None, publisher="The Harbour Ledger"),
    }
    store.add(list(made.values()))
    names = {article.doc: name for name, article in made.items()}
    got = [names[info.doc] for info in store.articles(since=since, until=until, publisher=publisher)]
    assert got == expected, why


def test_remove_hides_and_deletes(store: Store) -> None:
    a, b = make_article(story(1)), make_article(story(2))
    store.add([a, b])
    results = store.remove([a.doc[:6], "ffffffffffffffff"])
    assert [(r.doc, r.removed) for r in results] == [(a.doc, True), ("ffffffffffffffff", False)]
    assert [i.doc for i in store.articles()] == [b.doc]
    assert not store.path(a.doc).exists()
    assert store.verify().ok
    with pytest.raises(ArticleNotFoundError):
        store.get(a.doc)
    [(status, _)] = store.add([make_article(story(1))])
    assert status == "new", "removed text can be ingested again"


def test_get_by_unique_prefix(store: Store) -> None:
    article = make_article(story(5))
    store.add([article])
    assert store.get(article.doc[:5]).doc == article.doc
    with pytest.raises(ArticleNotFoundError):
        store.get("not-a-doc")


def test_export_streams_every_article(store: Store) -> None:
    made = [make_article(story(n), published=f"2026-03-{n:02d}") for n in range(1, 6)]
    store.add(made)
    store.remove([made[0].doc])
    lines = list(store.export())
    records = [json.loads(line) for line in lines]
    assert sorted(r["doc"] for r in records) == sorted(a.doc for a in made[1:])
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert list(records[0])[:6] == ["doc", "source", "url", "title", "publisher", "published"]
    assert {"text", "claims", "extractor", "ingested_at"} <= set(records[0])
    assert [json.loads(x)["doc"] for x in store.export(since="2026-03-04")] == [made[3].doc, made[4].doc]


def test_index_is_compacted(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "COMPACT_MIN_LINES", 10)
    made = [make_article(story(n)) for n in range(12)]
    store.add(made)
    store.remove([a.doc for a in made[:8]])
    lines = index_lines(store.root)
    assert [e["doc"] for e in lines] == [a.doc for a in made[8:]], "one line per live article"
    assert store.verify().ok


def test_reextract_refreshes_stale_claims(store: Store, runner: CliRunner) -> None:
    from claimcli.ingest import reextract

    old = make_article((SAMPLES / "dam-1-northern-wire.txt").read_text(encoding="utf-8"), extractor="0.0.0")
    old = Article(old.doc, old.source, old.url, old.title, old.publisher, old.published, None, old.ingested_at,
                  "0.0.0", (), (), (), old.text)
    current = make_article(story(3))
    store.add([old, current])
    assert store.stale(EXTRACTOR_VERSION) == [old.doc]
    results = list(reextract(store))
    assert [(r.doc, r.status) for r in results] == [(old.doc, "reextracted")]
    fresh = store.get(old.doc)
    assert fresh.extractor == EXTRACTOR_VERSION and fresh.claims and fresh.ingested_at == old.ingested_at
    assert store.stale(EXTRACTOR_VERSION) == []
    assert store.verify().ok
    again = runner.invoke(app, ["store", "reextract", "--store", str(store.root), "--format", "jsonl"])
    assert again.exit_code == 0, again.stderr
    assert again.stdout == "", "nothing stale is left"


# --------------------------------------------------------------------------
# Damage: verify names it, --repair recovers the rest


def _three(store: Store) -> list[Article]:
    made = [make_article(story(n), published=f"2026-03-{n:02d}") for n in (1, 2, 3)]
    store.add(made)
    return made


def test_truncated_article_is_named_and_repaired(store: Store, runner: CliRunner) -> None:
    a, b, c = _three(store)
    path = store.path(b.doc)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    rel = f"articles/{b.doc[:2]}/{b.doc}.json"

    result = runner.invoke(app, ["store", "verify", "--store", str(store.root)])
    assert result.exit_code == ExitCode.DATA == 65
    assert rel in result.stderr and "not valid JSON" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, "one line per problem"
    assert "verify --repair" in result.stdout

    shown = runner.invoke(app, ["store", "show", b.doc, "--store", str(store.root)])
    assert shown.exit_code == 65 and rel in shown.stderr and "Traceback" not in shown.stderr

    repaired = runner.invoke(app, ["store", "verify", "--repair", "--store", str(store.root)])
    assert repaired.exit_code == 0, repaired.stderr
    assert f"moved {rel} to quarantine/" in repaired.stderr
    [quarantined] = (store.root / "quarantine").iterdir()
    assert quarantined.read_bytes() == data[: len(data) // 2], "broken files are kept, never deleted"

    again = runner.invoke(app, ["store", "verify", "--store", str(store.root)])
    assert again.exit_code == 0 and again.stderr == ""
    assert [i.doc for i in Store.open(store.root).articles()] == [a.doc, c.doc]


@pytest.mark.parametrize(
    ("damage", "kind"),
    [
        ("garbage", "corrupt"),
        ("wrong_doc", "corrupt"),
        ("edited_text", "corrupt"),
        ("deleted", "missing"),
        ("unindexed", "unindexed"),
        ("mismatch", "mismatch"),
        ("index_garbage", "index"),
        ("stray", "stray"),
        ("no_meta", "store"),
    ],
)
def test_verify_names_each_kind_of_damage_and_repair_fixes_it(store: Store, damage: str, kind: str) -> None:
    a, b, c = _three(store)
    path = store.path(b.doc)
    record = json.loads(path.read_text(encoding="utf-8"))
    if damage == "garbage":
        path.write_bytes(b"\x00\xff not json")
    elif damage == "wrong_doc":
        path.write_text(json.dumps({**record, "doc": a.doc}), encoding="utf-8")
    elif damage == "edited_text":
        path.write_text(json.dumps({**record, "text": record["text"] + " Invented."}), encoding="utf-8")
    elif damage == "deleted":
        path.unlink()
    elif damage == "unindexed":
        lines = (store.root / "index.jsonl").read_text(encoding="utf-8").splitlines()
        (store.root / "index.jsonl").write_text("".join(x + "\n" for x in lines if b.doc not in x), encoding="utf-8")
    elif damage == "mismatch":
        path.write_text(json.dumps({**record, "title": "Another title"}), encoding="utf-8")
    elif damage == "index_garbage":
        with (store.root / "index.jsonl").open("a", encoding="utf-8") as fh:
            fh.write("{not json\n")
    elif damage == "stray":
        (path.parent / "notes.txt").write_text("hello", encoding="utf-8")
    elif damage == "no_meta":
        (store.root / "store.json").unlink()

    report = Store.open(store.root, strict=False).verify()
    assert not report.ok
    assert [p.kind for p in report.problems] == [kind]
    assert report.problems[0].path in report.problems[0].message or kind in ("index", "store")

    fixed = Store.open(store.root, strict=False).verify(repair=True)
    assert fixed.ok and fixed.repairs
    final = Store.open(store.root).verify()
    assert final.ok and final.problems == ()
    listed = {i.doc for i in Store.open(store.root).articles()}
    expected = {a.doc, c.doc} if kind in ("corrupt", "missing") else {a.doc, b.doc, c.doc}
    assert listed == expected
    if kind == "mismatch":
        assert Store.open(store.root).get(b.doc).title == "Another title", "the article file is the truth"


def test_missing_store_json_is_a_clear_error(store: Store, runner: CliRunner) -> None:
    _three(store)
    (store.root / "store.json").write_text("{broken", encoding="utf-8")
    result = runner.invoke(app, ["store", "list", "--store", str(store.root)])
    assert result.exit_code == 65
    assert "store.json" in result.stderr and "verify --repair" in result.stderr
    assert runner.invoke(app, ["store", "verify", "--repair", "--store", str(store.root)]).exit_code == 0
    assert runner.invoke(app, ["store", "list", "--store", str(store.root)]).exit_code == 0


# --------------------------------------------------------------------------
# Interrupted writes: the journal is finished by whoever comes next


def test_write_killed_before_the_index_is_finished_next_time(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_article(story(1))
    store.add([a])
    b = make_article(story(2))

    def killed(self: Store, lines: bytes) -> None:
        raise KeyboardInterrupt  # the process dies after the article file, before the index

    monkeypatch.setattr(Store, "_append_index", killed)
    with pytest.raises(KeyboardInterrupt):
        store.add([b])
    monkeypatch.undo()
    assert store.path(b.doc).exists() and (store.root / "journal.jsonl").exists()
    assert [i.doc for i in Store.open(store.root).articles()] == [a.doc], "readers see only indexed articles"

    later = Store.open(store.root)
    report = later.verify()
    assert report.ok, report.problems
    assert later.recovered == 1
    assert not (store.root / "journal.jsonl").exists()
    assert {i.doc for i in later.articles()} == {a.doc, b.doc}
    [(status, _)] = later.add([make_article(story(2))])
    assert status == "duplicate"


def test_write_killed_before_any_article_is_dropped(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_article(story(1))
    store.add([a])

    def killed(items: list[tuple[Path, bytes]]) -> None:
        raise KeyboardInterrupt  # the journal is written, no article file is

    monkeypatch.setattr(store_module, "write_atomic_many", killed)
    with pytest.raises(KeyboardInterrupt):
        store.add([make_article(story(2))])
    monkeypatch.undo()
    later = Store.open(store.root)
    assert later.verify().ok
    assert later.recovered == 0
    assert [i.doc for i in later.articles()] == [a.doc]


def test_torn_index_line_is_cut(store: Store) -> None:
    a = make_article(story(1))
    store.add([a])
    with (store.root / "index.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"doc":"0123456789abcdef","op":"pu')
    assert [i.doc for i in Store.open(store.root).articles()] == [a.doc], "readers skip the torn line"
    assert Store.open(store.root).verify().ok
    assert (store.root / "index.jsonl").read_text(encoding="utf-8").endswith("}\n")


def test_leftover_temporary_files_are_harmless(store: Store) -> None:
    a = make_article(story(1))
    store.add([a])
    tmp = store.path(a.doc).with_name(f".{a.doc}.json.999.0.tmp")
    tmp.write_text('{"half": ', encoding="utf-8")
    assert Store.open(store.root).verify().ok
    report = Store.open(store.root).verify(repair=True)
    assert report.ok and not tmp.exists() and any("temporary" in r for r in report.repairs)


# --------------------------------------------------------------------------
# Versions and migration


def _v1_store(root: Path, texts: list[str]) -> list[str]:
    """A schema-1 store: VERSION, flat articles/<doc>.json, no index."""
    (root / "articles").mkdir(parents=True)
    (root / "VERSION").write_text("1\n", encoding="utf-8")
    docs = []
    for n, text in enumerate(texts):
        document = analyse(text, source=f"old-{n}.txt", published=f"2026-03-0{n + 1}")
        record = {
            "id": document.doc, "source": document.source, "url": None, "title": document.title,
            "publisher": "Northern Wire Service", "date": document.published,
            "added": f"2026-03-0{n + 1}T08:00:00Z", "extractor_version": "0.0.9",
            "text": text, "claims": to_dict(document.claims), "times": [], "figures": [],
        }
        (root / "articles" / f"{document.doc}.json").write_text(json.dumps(record), encoding="utf-8")
        docs.append(document.doc)
    return docs


def test_version_1_store_is_migrated(tmp_path: Path, runner: CliRunner) -> None:
    root = tmp_path / "old"
    docs = _v1_store(root, [story(1), story(2), story(3)])
    (root / "articles" / "0123456789abcdef.json").write_text('{"id": "0123456789abcdef", "te', encoding="utf-8")

    result = runner.invoke(app, ["store", "list", "--store", str(root), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert "migrated the store" in result.stderr and "schema 1 to 2 (3 articles)" in result.stderr
    assert "articles/0123456789abcdef.json" in result.stderr, "what could not be migrated is named"
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == docs
    assert json.loads((root / "store.json").read_text())["schema"] == 2
    assert not (root / "VERSION").exists()
    assert not list((root / "articles").glob("*.json")), "flat files moved into shards"
    assert len(list((root / "quarantine").iterdir())) == 1
    store = Store.open(root)
    assert store.verify().ok
    article = store.get(docs[0])
    assert (article.published, article.ingested_at, article.extractor) == ("2026-03-01", "2026-03-01T08:00:00Z",
                                                                           "0.0.9")
    assert store.stale(EXTRACTOR_VERSION) == docs, "migrated claims are refreshed by reextract"


def test_interrupted_migration_finishes(tmp_path: Path) -> None:
    root = tmp_path / "old"
    docs = _v1_store(root, [story(1), story(2)])
    # A migration killed after moving the first file: one flat, one sharded.
    flat = root / "articles" / f"{docs[0]}.json"
    shard = root / "articles" / docs[0][:2]
    shard.mkdir()
    data = json.loads(flat.read_text())
    (shard / flat.name).write_text(json.dumps({
        "doc": data["id"], "source": data["source"], "url": None, "title": data["title"],
        "publisher": data["publisher"], "published": data["date"], "previous": None, "ingested_at": data["added"],
        "extractor": data["extractor_version"], "claims": data["claims"], "times": [], "figures": [],
        "text": data["text"]}), encoding="utf-8")
    flat.unlink()
    store = Store.open(root)
    assert store.migration is not None and store.migration.articles == 2
    assert [i.doc for i in store.articles()] == docs
    assert store.verify().ok


def test_newer_store_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    root = tmp_path / "future"
    root.mkdir()
    (root / "store.json").write_text(json.dumps({"format": "claimcli-store", "schema": 99}), encoding="utf-8")
    with pytest.raises(StoreVersionError, match="upgrade claimcli"):
        Store.open(root)
    result = runner.invoke(app, ["store", "list", "--store", str(root)])
    assert result.exit_code == 65 and "schema 99" in result.stderr


def test_a_folder_that_is_not_a_store_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreVersionError, match="not a claimcli store"):
        Store.open(tmp_path / "photos", create=True)
    assert sorted(p.name for p in (tmp_path / "photos").iterdir()) == ["cat.jpg"]


def test_missing_store(tmp_path: Path, runner: CliRunner) -> None:
    with pytest.raises(StoreMissingError):
        Store.open(tmp_path / "none")
    result = runner.invoke(app, ["store", "list", "--store", str(tmp_path / "none")])
    assert result.exit_code == 66 and "claimcli ingest" in result.stderr
    assert not (tmp_path / "none").exists(), "reading never creates a store"


# --------------------------------------------------------------------------
# Locking


def test_second_writer_times_out_with_75(store: Store, runner: CliRunner, tmp_path: Path) -> None:
    other = Store.open(store.root, lock_timeout=0.2)
    waits: list[str] = []
    other.on_wait = waits.append
    with store.locked():
        with pytest.raises(StoreLockedError, match="--lock-timeout"):
            other.add([make_article(story(1))])
        article = tmp_path / "a.txt"
        article.write_text(story(1), encoding="utf-8")
        result = runner.invoke(app, ["ingest", str(article), "--store", str(store.root), "--lock-timeout", "0"])
        assert result.exit_code == ExitCode.LOCKED == 75
        assert "locked by another claimcli run" in result.stderr and f"pid {os.getpid()}" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert waits and "waiting for the store" in waits[0]
    assert other.add([make_article(story(1))])[0][0] == "new", "the lock is free again"


def test_second_writer_waits_with_a_message(store: Store, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(story(1), encoding="utf-8")
    with store.locked():
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimcli", "ingest", str(article), "--store", str(store.root),
             "--format", "jsonl", "--lock-timeout", "120"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        first = proc.stderr.readline()  # blocks until the waiting message
        assert "waiting for the store" in first and "--lock-timeout" in first
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert json.loads(out)["status"] == "new"


# --------------------------------------------------------------------------
# Real processes: two at once, and SIGKILL at random points


def _statuses(stdout: str) -> list[dict]:
    """The complete JSON lines a run printed (a killed run may leave half a line)."""
    rows = []
    for line in stdout.split("\n"):
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    return rows


def test_two_ingests_at_once_store_each_article_once(tmp_path: Path) -> None:
    paths = [str(p) for p in generate(tmp_path / "corpus", 60)]
    root = tmp_path / "store"
    first, second = paths[:40], list(reversed(paths[20:]))  # overlapping, met in opposite orders
    procs = [subprocess.Popen([sys.executable, "-m", "claimcli", "ingest", *chunk, "--store", str(root),
                               "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for chunk in (first, second)]
    outputs = [proc.communicate(timeout=600) for proc in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    rows = _statuses(outputs[0][0]) + _statuses(outputs[1][0])
    assert len(rows) == 80
    new = Counter(r["doc"] for r in rows if r["status"] == "new")
    assert len(new) == 60 and set(new.values()) == {1}, "every article is new exactly once"
    assert {r["status"] for r in rows} == {"new", "duplicate"}
    puts = Counter(e["doc"] for e in index_lines(root) if e["op"] == "put")
    assert len(puts) == 60 and set(puts.values()) == {1}, "one index line per article"
    assert sum(1 for _ in (root / "articles").rglob("*.json")) == 60
    assert claimcli("store", "verify", "--store", str(root)).returncode == 0


def test_sigkill_at_random_points_loses_nothing_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    # Enough articles that the first run cannot finish before the latest kill
    # (about 1.5 s; extracting 600 articles takes longer on any machine we know).
    paths = generate(corpus, 600)
    root = tmp_path / "store"
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    reported: set[str] = set()
    kills = 0
    for _round in range(8):
        proc = subprocess.Popen([sys.executable, "-m", "claimcli", "ingest", str(corpus), "--store", str(root),
                                 "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        timer = threading.Timer(rng.uniform(0.2, 1.5), proc.send_signal, (signal.SIGKILL,))
        timer.start()
        out, err = proc.communicate(timeout=600)
        timer.cancel()
        kills += proc.returncode == -signal.SIGKILL
        rows = _statuses(out.decode("utf-8", "replace"))
        reported |= {r["doc"] for r in rows if r["status"] in ("new", "updated", "duplicate")}
        assert not any(r["status"] == "failed" for r in rows), (seed, rows)

        if not (root / "store.json").exists():  # killed before it made the store
            assert not reported, seed
            continue
        verify = claimcli("store", "verify", "--store", str(root))
        assert verify.returncode == 0, (seed, verify.stderr)
        stored = {info.doc for info in Store.open(root).articles()}
        assert reported <= stored, (seed, "reported as stored but missing", reported - stored)
        if proc.returncode == 0:
            break
    assert kills, f"no run was killed (seed {seed}); the corpus ingests too fast for this test"

    final = claimcli("ingest", str(corpus), "--store", str(root), "--format", "jsonl")
    assert final.returncode == 0, final.stderr
    expected = {doc_id(p.read_text(encoding="utf-8")) for p in paths}
    puts = Counter(e["doc"] for e in index_lines(root) if e["op"] == "put")
    assert set(puts) == expected and set(puts.values()) == {1}, f"each article stored once (seed {seed})"
    assert claimcli("store", "verify", "--store", str(root)).returncode == 0


# --------------------------------------------------------------------------
# Commands: list, show, remove, export, verify


def test_store_commands(store: Store, runner: CliRunner, tmp_path: Path) -> None:
    a, b, c = _three(store)
    args = ["--store", str(store.root)]

    listed = runner.invoke(app, ["store", "list", *args, "--format", "json"])
    assert listed.exit_code == 0 and listed.stderr == ""
    rows = json.loads(listed.stdout)
    assert [r["doc"] for r in rows] == [a.doc, b.doc, c.doc]
    assert list(rows[0])[:5] == ["doc", "title", "publisher", "published", "source"]

    since = runner.invoke(app, ["store", "list", *args, "--since", "2026-03-02", "--format", "jsonl"])
    assert [json.loads(x)["doc"] for x in since.stdout.splitlines()] == [b.doc, c.doc]
    empty = runner.invoke(app, ["store", "list", *args, "--since", "2030-01-01", "--format", "json"])
    assert empty.exit_code == 0 and empty.stdout == "[]\n"
    bad = runner.invoke(app, ["store", "list", *args, "--since", "yesterday"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr

    csv_out = runner.invoke(app, ["store", "list", *args, "--format", "csv"]).stdout.splitlines()
    assert csv_out[0].startswith("doc,title,publisher,published,source") and len(csv_out) == 4
    table = runner.invoke(app, ["store", "list", *args, "--format", "table"])
    assert table.exit_code == 0 and a.doc in table.stdout and "Flood" in table.stdout

    shown = runner.invoke(app, ["store", "show", b.doc[:8], *args, "--format", "json"])
    assert shown.exit_code == 0
    record = json.loads(shown.stdout)
    assert record["doc"] == b.doc and record["text"] == b.text and record["claims"]
    shown_table = runner.invoke(app, ["store", "show", b.doc, *args, "--format", "table"])
    assert "Halvorsen" in shown_table.stdout and "ingested_at" in shown_table.stdout
    unknown = runner.invoke(app, ["store", "show", "abcdefabcdefabcd", *args])
    assert unknown.exit_code == 66 and "store list" in unknown.stderr

    export = runner.invoke(app, ["store", "export", *args])
    assert sorted(json.loads(x)["doc"] for x in export.stdout.splitlines()) == sorted([a.doc, b.doc, c.doc])
    out_file = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["store", "export", *args, "-o", str(out_file)]).exit_code == 0
    assert out_file.read_text(encoding="utf-8") == export.stdout
    cannot = runner.invoke(app, ["store", "export", *args, "-o", str(tmp_path / "no" / "such" / "x.jsonl")])
    assert cannot.exit_code == 73 and "--output" in cannot.stderr

    removed = runner.invoke(app, ["store", "remove", a.doc, "0000000000000000", *args, "--format", "jsonl"])
    assert removed.exit_code == 1
    assert [json.loads(x)["removed"] for x in removed.stdout.splitlines()] == [True, False]
    assert "0000000000000000" in removed.stderr
    none = runner.invoke(app, ["store", "remove", "0000000000000000", *args])
    assert none.exit_code == 66

    verify = runner.invoke(app, ["store", "verify", *args, "--format", "json"])
    assert verify.exit_code == 0 and verify.stderr == ""
    assert json.loads(verify.stdout) == {"store": str(store.root), "ok": True, "articles": 2, "problems": [],
                                         "repairs": []}


def test_store_location(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(story(1), encoding="utf-8")
    monkeypatch.delenv("CLAIMCLI_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert runner.invoke(app, ["ingest", str(article)]).exit_code == 0
    assert (tmp_path / "xdg" / "claimcli" / "store.json").exists()
    monkeypatch.setenv("CLAIMCLI_STORE", str(tmp_path / "env"))
    assert runner.invoke(app, ["ingest", str(article)]).exit_code == 0
    assert (tmp_path / "env" / "store.json").exists()
    assert runner.invoke(app, ["ingest", str(article), "--store", str(tmp_path / "opt")]).exit_code == 0
    assert (tmp_path / "opt" / "store.json").exists()
