"""`claimcli ingest`: inputs (.txt .md .html .json .jsonl, stdin, folders,
globs), statuses (new, duplicate, updated, failed), overrides and exit codes.
CLI tests check stdout, stderr and the exit code separately."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli.cli import app
from claimcli.ingest import Input, discover, html_article, normalise_date, read_input
from claimcli.render import INGEST_KEYS
from claimcli.store import Store
from claimcli.text import doc_id

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DAM1 = SAMPLES / "dam-1-northern-wire.txt"

STORY = ("Regional Governor Petra Halvorsen said on Monday that 14 people had died.\n\n"
         "“We are doing everything we can,” Halvorsen told reporters.\n")

PAGE = """<!doctype html>
<html><head>
<title>Kelsby Dam toll rises to 14 | Northern Wire Service</title>
<meta property="og:title" content="Kelsby Dam toll rises to 14">
<meta property="og:site_name" content="Northern Wire Service">
<meta property="article:published_time" content="2026-03-10T09:30:00Z">
<link rel="canonical" href="https://northernwire.example/kelsby-14">
<script>var tracking = "Governor said nothing";</script>
<style>p { color: red }</style>
</head>
<body>
<header><nav><a href="/">Home</a> » <a href="/world">World</a></nav></header>
<div class="share-bar">Share this on Facebook</div>
<article>
  <h1>Kelsby Dam toll rises to 14</h1>
  <p>Regional Governor Petra Halvorsen said on Tuesday that 14 people had died &amp; five were missing.</p>
  <p>“We are doing everything we can,” Halvorsen told reporters.<br>Rescue work went on overnight.</p>
  <aside>Related: Dam safety explained</aside>
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD headline"}</script>
</article>
<footer>© 2026 Northern Wire Service. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def ingest(runner: CliRunner, root: Path, *args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, ["ingest", *args, "--store", str(root), "--format", "jsonl"], input=stdin)


# --------------------------------------------------------------------------
# Readers


def test_text_file_with_front_matter(tmp_path: Path) -> None:
    [raw] = read_input(Input(str(DAM1), "txt"))
    assert raw.title == "At least nine dead as Kelsby Dam gives way in Varna Valley"
    assert (raw.publisher, raw.published) == ("Northern Wire Service", "2026-03-09")
    assert raw.url == "https://northernwire.example/world/europe/kelsby-dam-collapse"
    assert raw.text == DAM1.read_text(encoding="utf-8"), "the text is kept exactly as decoded"


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("a.txt", "Kelsby Dam gives way\n\n" + STORY, "Kelsby Dam gives way"),
        ("b.md", "# Kelsby Dam gives way\n\n" + STORY, "Kelsby Dam gives way"),
        ("c.md", "Title: From front matter\n\n# A heading\n\n" + STORY, "From front matter"),
        ("d.txt", STORY, None),
    ],
)
def test_text_and_markdown_titles(tmp_path: Path, name: str, content: str, title: str | None) -> None:
    path = write(tmp_path / name, content)
    [raw] = read_input(discover([str(path)])[0])
    assert raw.title == title


def test_html_body_text_and_metadata() -> None:
    text, meta = html_article(PAGE)
    assert meta == {"title": "Kelsby Dam toll rises to 14", "publisher": "Northern Wire Service",
                    "published": "2026-03-10", "url": "https://northernwire.example/kelsby-14"}
    assert "Halvorsen said on Tuesday that 14 people had died & five were missing." in text
    assert "\n\nRescue work went on overnight." in text, "<br> and <p> break paragraphs"
    for left_out in ("tracking", "color", "Home", "Share this", "Related", "All rights", "LD headline"):
        assert left_out not in text, left_out


@pytest.mark.parametrize(
    ("html", "expected", "why"),
    [
        ("<html><head><title>Dam breaks - Valley Broadcast News</title></head><body><p>Text.</p>"
         "<time datetime='2026-03-11'>Wednesday</time></body></html>",
         {"title": "Dam breaks", "publisher": None, "published": "2026-03-11", "url": None},
         "<title> without the site suffix; <time datetime>"),
        ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
         '"headline": "Blast kills six", "datePublished": "2026-03-10T08:00:00+01:00", '
         '"publisher": {"name": "The Harbour Ledger"}, "url": "https://ledger.example/blast"}]}</script>'
         "</head><body><main><p>Six died.</p></main></body></html>",
         {"title": "Blast kills six", "publisher": "The Harbour Ledger", "published": "2026-03-10",
          "url": "https://ledger.example/blast"}, "JSON-LD NewsArticle"),
        ("<p>No head at all.</p>", {"title": None, "publisher": None, "published": None, "url": None},
         "a fragment"),
    ],
)
def test_html_metadata_fallbacks(html: str, expected: dict, why: str) -> None:
    assert html_article(html)[1] == expected, why


def test_html_without_article_keeps_body_but_not_boilerplate() -> None:
    text, _ = html_article("<body><div id='main-nav'>Menu</div><div><p>One.</p><p>Two.</p></div>"
                           "<div role='contentinfo'>Footer</div></body>")
    assert text == "One.\n\nTwo.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-09", "2026-03-09"),
        ("2026-03-09T23:10:00Z", "2026-03-09"),
        ("Mon, 09 Mar 2026 10:00:00 GMT", "2026-03-09"),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20260309, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_json_and_jsonl_exports(tmp_path: Path) -> None:
    records = [
        {"title": "One", "text": STORY, "url": "https://x.example/1", "published": "2026-03-09",
         "publisher": "Northern Wire Service"},
        {"headline": "Two", "body": STORY.replace("14", "15"), "link": "https://x.example/2",
         "date": "Tue, 10 Mar 2026 08:00:00 GMT", "source": {"name": "The Harbour Ledger"}},
        {"content": "<p>" + STORY.replace("14", "16") + "</p>", "source": "Valley Broadcast News"},
        {"title": "no text"},
    ]
    array = write(tmp_path / "export.json", json.dumps(records))
    wrapped = write(tmp_path / "wrapped.json", json.dumps({"articles": records[:1]}))
    lines = write(tmp_path / "export.jsonl", "\n".join(json.dumps(r) for r in records) + "\n{broken\n")

    got = list(read_input(Input(str(array), "json")))
    assert [getattr(g, "title", None) for g in got[:3]] == ["One", "Two", None]
    assert (got[1].publisher, got[1].published, got[1].url) == ("The Harbour Ledger", "2026-03-10",
                                                                 "https://x.example/2")
    assert got[2].publisher == "Valley Broadcast News" and "<p>" not in got[2].text, "HTML content is cleaned"
    assert got[1].label == f"{array}#2" and got[1].source == "https://x.example/2"
    assert got[3].source == f"{array}#4" and "'text'" in got[3].error.message

    [one] = read_input(Input(str(wrapped), "json"))
    assert one.title == "One"

    streamed = list(read_input(Input(str(lines), "jsonl")))
    assert [type(x).__name__ for x in streamed] == ["RawArticle", "RawArticle", "RawArticle", "Failure", "Failure"]
    assert streamed[4].source == f"{lines}#5" and "not valid JSON" in streamed[4].error.message


# --------------------------------------------------------------------------
# Discovery


def test_folders_globs_and_missing(tmp_path: Path) -> None:
    news = tmp_path / "news"
    a = write(news / "a.txt", STORY)
    b = write(news / "deep" / "b.html", PAGE)
    c = write(news / "deep" / "c.jsonl", "")
    write(news / ".hidden" / "x.txt", STORY)
    write(news / ".y.txt", STORY)
    write(news / "photo.jpg", "not an article")
    found = discover([str(news)])
    assert [(i.source, i.kind) for i in found] == [(str(a), "txt"), (str(b), "html"), (str(c), "jsonl")]
    assert [i.source for i in discover([str(news / "**" / "*.html")])] == [str(b)]
    assert [i.source for i in discover([str(a), str(news)])] == [str(a), str(b), str(c)], "each file once"
    [missing] = discover([str(tmp_path / "nope.txt")])
    assert missing.missing and "nope.txt" in missing.missing
    [no_match] = discover([str(tmp_path / "*.xml")])
    assert no_match.missing and "no file matches" in no_match.missing
    assert [i.kind for i in discover([str(a), "-"], input_format="html")] == ["html", "html"]


# --------------------------------------------------------------------------
# The command


def test_ingest_statuses_and_jsonl_contract(runner: CliRunner, root: Path, tmp_path: Path) -> None:
    first = write(tmp_path / "v1.txt", "URL: https://x.example/flood\n\n" + STORY)
    result = ingest(runner, root, str(first), str(DAM1))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "", "silent without a terminal"
    out = rows(result.stdout)
    assert [tuple(r) for r in out] == [INGEST_KEYS] * 2 == [("source", "doc", "status", "error")] * 2
    assert [(r["source"], r["status"], r["error"]) for r in out] == [(str(first), "new", None), (str(DAM1), "new", None)]
    assert out[0]["doc"] == doc_id(first.read_text(encoding="utf-8"))

    again = ingest(runner, root, str(first))
    assert [(r["doc"], r["status"]) for r in rows(again.stdout)] == [(out[0]["doc"], "duplicate")]

    changed = write(tmp_path / "v2.txt", "URL: https://x.example/flood\n\n" + STORY.replace("14", "17"))
    updated = ingest(runner, root, str(changed))
    [row] = rows(updated.stdout)
    assert row["status"] == "updated" and row["doc"] != out[0]["doc"]
    shown = json.loads(runner.invoke(app, ["store", "show", row["doc"], "--store", str(root), "-f", "json"]).stdout)
    assert shown["previous"] == out[0]["doc"] and shown["url"] == "https://x.example/flood"
    assert len(Store.open(root).articles()) == 3


def test_ingest_every_input_kind(runner: CliRunner, root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", STORY)
    write(folder / "b.md", "# Markdown story\n\n" + STORY.replace("14", "15"))
    write(folder / "sub" / "c.html", PAGE)
    write(folder / "sub" / "d.json", json.dumps([{"text": STORY.replace("14", "16"), "title": "JSON"}]))
    write(folder / "sub" / "e.jsonl", json.dumps({"body": STORY.replace("14", "18"), "title": "JSONL"}) + "\n")
    result = ingest(runner, root, str(folder))
    assert result.exit_code == 0, result.stderr
    assert [r["status"] for r in rows(result.stdout)] == ["new"] * 5
    titles = {i.title for i in Store.open(root).articles()}
    assert titles == {None, "Markdown story", "Kelsby Dam toll rises to 14", "JSON", "JSONL"}
    html = next(i for i in Store.open(root).articles() if i.title == "Kelsby Dam toll rises to 14")
    assert (html.publisher, html.published, html.url) == ("Northern Wire Service", "2026-03-10",
                                                          "https://northernwire.example/kelsby-14")
    stored = Store.open(root).get(html.doc)
    assert "Halvorsen" in stored.text and "<p>" not in stored.text and stored.claims
    assert all(stored.text[c.span[0]:c.span[1]] for c in stored.claims), "offsets point into the stored text"


def test_ingest_glob_pattern(runner: CliRunner, root: Path, tmp_path: Path) -> None:
    write(tmp_path / "x" / "one.txt", STORY)
    write(tmp_path / "x" / "two.txt", STORY.replace("14", "15"))
    write(tmp_path / "x" / "three.md", STORY.replace("14", "16"))
    result = ingest(runner, root, str(tmp_path / "x" / "*.txt"))
    assert result.exit_code == 0
    assert sorted(Path(r["source"]).name for r in rows(result.stdout)) == ["one.txt", "two.txt"]


@pytest.mark.parametrize(
    ("stdin", "args", "title"),
    [
        ("Flood story\n\n" + STORY, [], "Flood story"),
        (PAGE, [], "Kelsby Dam toll rises to 14"),
        (json.dumps({"text": STORY, "title": "Piped record"}) + "\n"
         + json.dumps({"text": STORY.replace("14", "15"), "title": "Second"}) + "\n", [], "Piped record"),
        ("<p>kept as text</p>", ["--input-format", "txt"], "<p>kept as text</p>"),
    ],
)
def test_ingest_stdin(runner: CliRunner, root: Path, stdin: str, args: list[str], title: str | None) -> None:
    result = ingest(runner, root, "-", *args, stdin=stdin)
    assert result.exit_code == 0, result.stderr
    out = rows(result.stdout)
    assert out[0]["status"] == "new" and out[0]["source"] in ("-", "-#1")
    assert Store.open(root).get(out[0]["doc"]).title == title


def test_overrides(runner: CliRunner, root: Path) -> None:
    result = ingest(runner, root, str(DAM1), "--publisher", "Wire Copy", "--date", "2026-03-10",
                    "--url", "https://copy.example/dam")
    assert result.exit_code == 0, result.stderr
    [row] = rows(result.stdout)
    article = Store.open(root).get(row["doc"])
    assert (article.publisher, article.published, article.url) == ("Wire Copy", "2026-03-10",
                                                                   "https://copy.example/dam")
    assert article.title == "At least nine dead as Kelsby Dam gives way in Varna Valley", "not overridden"


def test_missing_path_exits_66_naming_it(runner: CliRunner, root: Path, tmp_path: Path) -> None:
    result = ingest(runner, root, str(tmp_path / "nope.txt"))
    assert result.exit_code == 66
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr and result.stderr.startswith("Error: ")
    [row] = rows(result.stdout)
    assert (row["status"], row["doc"]) == ("failed", None) and "nope.txt" in row["error"]


def test_partial_failure_exits_1_and_stores_the_rest(runner: CliRunner, root: Path, tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    export = write(tmp_path / "e.jsonl", json.dumps({"text": STORY}) + "\n{oops\n")
    result = ingest(runner, root, str(DAM1), str(tmp_path / "nope.txt"), str(binary), str(export))
    assert result.exit_code == 1
    statuses = [(Path(r["source"]).name, r["status"]) for r in rows(result.stdout)]
    assert statuses == [("dam-1-northern-wire.txt", "new"), ("nope.txt", "failed"), ("blob.txt", "failed"),
                        ("e.jsonl#1", "new"), ("e.jsonl#2", "failed")]
    errors = result.stderr.splitlines()
    assert len(errors) == 3 and all(e.startswith("Error: ") for e in errors)
    assert "nope.txt" in errors[0] and "blob.txt" in errors[1] and "e.jsonl#2" in errors[2]
    assert len(Store.open(root).articles()) == 2


def test_table_output(runner: CliRunner, root: Path) -> None:
    result = runner.invoke(app, ["ingest", str(DAM1), "--store", str(root), "--format", "table"])
    assert result.exit_code == 0
    assert "status" in result.stdout and "new" in result.stdout and "Kelsby" in result.stdout


def test_json_output_is_one_array(runner: CliRunner, root: Path) -> None:
    result = runner.invoke(app, ["ingest", str(DAM1), "--store", str(root), "--format", "json"])
    [row] = json.loads(result.stdout)
    assert tuple(row) == INGEST_KEYS and row["status"] == "new"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "PATH"),
        ([str(DAM1), "--date", "9 March"], "YYYY-MM-DD"),
    ],
)
def test_usage_errors(runner: CliRunner, root: Path, args: list[str], message: str) -> None:
    result = ingest(runner, root, *args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""
    assert not root.exists(), "nothing is created on a usage error"


def test_reextract_flag_without_paths(runner: CliRunner, root: Path) -> None:
    assert ingest(runner, root, str(DAM1)).exit_code == 0
    result = ingest(runner, root, "--reextract")
    assert result.exit_code == 0 and result.stdout == "", "nothing is stale"


def test_many_inputs_stay_silent_without_a_terminal(runner: CliRunner, root: Path) -> None:
    result = ingest(runner, root, str(SAMPLES))
    assert result.exit_code == 0
    assert result.stderr == "", "no progress bar and no summary under cron"
    assert len(rows(result.stdout)) == len(list(SAMPLES.glob("*.txt"))) + len(list(SAMPLES.glob("*.md")))


def test_store_commands_do_not_load_the_extractors() -> None:
    """`store list` must start fast: importing the CLI does not compile the
    extractors, and every public name still resolves."""
    import subprocess
    import sys

    code = ("import sys, claimcli, claimcli.cli; assert 'claimcli.extract' not in sys.modules; "
            "assert sorted(claimcli.__all__) == sorted(['__version__', *claimcli._EXPORTS]); "
            "[getattr(claimcli, n) for n in claimcli.__all__]")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
