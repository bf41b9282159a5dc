"""`claimcli report`: the briefing over the samples in every format, checked
against what the store holds; the planted findings in "what changed"; the
window (durations against a pinned now, dates, `--since last` and its state);
HTML escaping of hostile text; the JSON shape; `--fail-on`, the store lock,
`--output`; the HTML in a real headless browser (charts drawn); and a run the
way cron starts it (no TTY, `env -i`)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import time
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli.cli import app
from claimcli.errors import UsageError
from claimcli.ingest import discover, ingest
from claimcli.models import Article, Claim, Content, Cue, Report, Speaker, to_dict
from claimcli.render import LIST_KEYS
from claimcli.render_report import (
    CHART_BG,
    SERIES_COLOURS,
    ReportFormat,
    render_report,
    report_html,
    report_markdown,
    report_text,
)
from claimcli.report import build_report, parse_time, record_run
from claimcli.store import Store
from claimcli.text import doc_id

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
#: The morning after the last sample (dam-7 is dated 2026-03-13).
NOW = dt.datetime(2026, 3, 13, 6, 0, tzinfo=dt.UTC)
AS_OF = "2026-03-13T06:00Z"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report") / "store"
    store = Store.open(root, create=True)
    assert [r.status for r in ingest(store, discover([str(SAMPLES)]))] == ["new"] * 12
    return root


@pytest.fixture(scope="module")
def full(sample_store: Path) -> Report:
    """Every sample: published 2026-03-01 .. now."""
    return build_report(Store.open(sample_store), since="2026-03-01", now=NOW)


def _copy(store: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store (for tests that write state)."""
    target = tmp_path / "store"
    shutil.copytree(store, target)
    return target


def _speaker_names(article: Article) -> set[str]:
    return {" ".join(c.speaker.name.casefold().split()) for c in article.claims
            if c.kind != "figure" and c.speaker is not None}


# --------------------------------------------------------------------------
# Contents, checked against the store


def test_headline_numbers_are_what_the_store_holds(sample_store: Path, full: Report) -> None:
    store = Store.open(sample_store)
    articles = [store.get(i.doc) for i in store.articles(since="2026-03-01", until="2026-03-13")]
    assert len(articles) == 12
    speakers = set().union(*(_speaker_names(a) for a in articles))
    h = full.headline
    assert h.articles == 12 == len(full.articles)
    assert h.outlets == len({a.publisher for a in articles}) == 4
    assert h.claims == sum(len(a.claims) for a in articles)
    assert h.speakers == len(speakers) == len(full.speakers)
    assert h.new_speakers == h.speakers, "nothing earlier in the store: every speaker is new"
    assert full.window.by == "published" and (full.window.since, full.window.until) == ("2026-03-01", "2026-03-13")


def test_what_changed_holds_the_planted_findings(full: Report) -> None:
    verdicts = [c.verdict for c in full.changes]
    assert verdicts[0] == "misattributed", "findings first"
    misattributed = next(c.group for c in full.changes if c.verdict == "misattributed")
    assert misattributed.key["speakers"] == ["Marta Quist", "Bram Ostrander"]
    differ = [c.group for c in full.changes if c.verdict == "differ"]
    assert [g.key for g in differ] == [{"story": "Kelsby", "event": "killed", "object": "people"}]
    day = next(p for p in differ[0].timeline if p.date == "2026-03-10")
    assert day.values == (14, 17) and not day.agree
    reworded = next(c.group for c in full.changes if c.verdict == "reworded")
    assert {m.speaker for m in reworded.members} == {"Petra Halvorsen"}
    assert any(c.verdict == "updated" and c.group.key["story"] == "Saltmere" for c in full.changes)
    assert set(verdicts) <= {"misattributed", "differ", "reworded", "updated"}
    assert full.verdicts["misattributed"] == 1 and full.verdicts["differ"] == 1


def test_key_figures_have_one_series_per_outlet(full: Report) -> None:
    toll = next(f for f in full.figures if f.group.key == {"story": "Kelsby", "event": "killed", "object": "people"})
    series = {s.outlet: [(p.date, p.value) for p in s.points] for s in toll.series}
    assert series["Northern Wire Service"] == [("2026-03-09", 9), ("2026-03-10", 14), ("2026-03-11", 21)]
    assert series["The Harbour Ledger"] == [("2026-03-09", 9), ("2026-03-10", 17)]
    assert series["The Meridian Post"] == [("2026-03-13", 23)]
    assert all(f.group.verdict != "single" for f in full.figures)


def test_speakers_with_their_stance(sample_store: Path, full: Report) -> None:
    denials = [(s.name, c) for s in full.speakers for c in s.claims if c.stance == "deny"]
    assert denials, "the samples hold denials (dam-1, blast-3)"
    admissions = [(s.name, c) for s in full.speakers for c in s.claims if c.stance == "concede"]
    assert admissions
    for speaker in full.speakers:
        assert sum(speaker.stances.values()) == len(speaker.claims)
        assert list(speaker.stances) == [s for s in ("deny", "concede", "allege", "assert", "neutral")
                                         if s in speaker.stances]
    by_name = {s.name: s for s in full.speakers}
    assert by_name["Marta Quist"].claims and by_name["Petra Halvorsen"].role


def test_every_item_points_back_to_its_text(sample_store: Path, full: Report) -> None:
    store = Store.open(sample_store)
    texts = {i.doc: store.get(i.doc).text for i in store.articles()}
    checked = 0
    for change in full.changes:
        for m in change.group.members:
            assert texts[m.doc][m.span[0]:m.span[1]] == m.text and m.claim.startswith(m.doc + ":")
            checked += 1
    for figure in full.figures:
        for series in figure.series:
            for p in series.points:
                assert texts[p.doc][p.span[0]:p.span[1]] == p.text
                checked += 1
    for speaker in full.speakers:
        for c in speaker.claims:
            assert texts[c.doc][c.span[0]:c.span[1]] == c.text and c.claim.startswith(c.doc + ":")
            checked += 1
    assert checked > 100


def test_a_narrow_window_against_a_pinned_now(sample_store: Path) -> None:
    store = Store.open(sample_store)
    now = dt.datetime(2026, 3, 12, 6, 0, tzinfo=dt.UTC)
    report = build_report(store, since="24h", now=now)
    assert (report.window.since, report.window.until) == ("2026-03-11", "2026-03-12")
    window = store.articles(since="2026-03-11", until="2026-03-12")
    assert [a.doc for a in report.articles] == [i.doc for i in window]
    assert report.headline.articles == 5
    # The 14-vs-17 conflict was on 2026-03-10: not news in this window; the misattribution (03-11) is.
    assert "differ" not in {c.verdict for c in report.changes}
    assert "misattributed" in {c.verdict for c in report.changes}
    # New speakers: named in the window, in no earlier article.
    earlier = set().union(*(_speaker_names(store.get(i.doc)) for i in store.articles(until="2026-03-10")))
    named = set().union(*(_speaker_names(store.get(i.doc)) for i in window))
    new = {" ".join(s.name.casefold().split()) for s in report.speakers if s.new}
    assert new == named - earlier and report.headline.new_speakers == len(new)
    assert "marta quist" in new and "emil kovac" not in new


def test_an_empty_window(sample_store: Path) -> None:
    report = build_report(Store.open(sample_store), since="2026-04-01", until="2026-04-30", now=NOW)
    assert report.headline.articles == 0 and not report.changes and not report.figures and not report.speakers
    for fmt in ReportFormat:
        assert "".join(render_report(report, fmt))


@pytest.mark.parametrize(("value", "expected", "day_only"), [
    ("24h", dt.datetime(2026, 3, 12, 6, 0, tzinfo=dt.UTC), False),
    ("7d", dt.datetime(2026, 3, 6, 6, 0, tzinfo=dt.UTC), False),
    ("2w", dt.datetime(2026, 2, 27, 6, 0, tzinfo=dt.UTC), False),
    ("2026-03-11", dt.datetime(2026, 3, 11, tzinfo=dt.UTC), True),
    ("2026-03-11T05:30", dt.datetime(2026, 3, 11, 5, 30, tzinfo=dt.UTC), False),
    ("2026-03-11T07:30+02:00", dt.datetime(2026, 3, 11, 5, 30, tzinfo=dt.UTC), False),
])
def test_times_resolve_against_the_given_now(value: str, expected: dt.datetime, day_only: bool) -> None:
    assert parse_time(value, NOW, "--since") == (expected, day_only)


@pytest.mark.parametrize(("since", "until", "message"), [
    ("yesterday", None, "--since 'yesterday' is not a time"),
    ("24x", None, "--since '24x' is not a time"),
    ("2026-03-12", "2026-03-10", "is after --until"),
    ("24h", "last", "--until takes"),
])
def test_bad_windows_are_usage_errors(sample_store: Path, since: str, until: str | None, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        build_report(Store.open(sample_store), since=since, until=until, now=NOW)


def test_now_must_be_aware(sample_store: Path) -> None:
    with pytest.raises(ValueError, match="aware"):
        build_report(Store.open(sample_store), since="24h", now=dt.datetime(2026, 3, 13))


def test_since_last_starts_where_the_previous_run_ended(sample_store: Path, tmp_path: Path) -> None:
    store = Store.open(_copy(sample_store, tmp_path))
    ingested = max(i.ingested_at or "" for i in store.articles())
    now = dt.datetime.fromisoformat(ingested.replace("Z", "+00:00")) + dt.timedelta(minutes=5)
    first = build_report(store, since="last", now=now)
    assert first.window.by == "ingested" and first.window.previous is None
    assert first.headline.articles == 12, "the first run covers the last 24 hours"
    assert store.last_report() is None, "building a report does not move the state"
    assert record_run(store, first) and store.last_report() == first.window.until
    second = build_report(store, since="last", now=now + dt.timedelta(hours=1))
    assert second.window.since == first.window.until and second.headline.articles == 0
    dated = build_report(store, since="7d", now=now)
    assert not record_run(store, dated) and store.last_report() == first.window.until


# --------------------------------------------------------------------------
# Renderers


def test_text_has_every_section_in_order(full: Report) -> None:
    out = "".join(report_text(full))
    order = ["BRIEFING:", "HEADLINE NUMBERS", "WHAT CHANGED", "KEY FIGURES", "CLAIMS BY SPEAKER", "ARTICLES"]
    positions = [out.index(heading) for heading in order]
    assert positions == sorted(positions)
    h = full.headline
    assert f"{h.articles} articles · {h.outlets} outlets · {h.claims} claims" in out
    assert "Misattributed quote" in out and "Marta Quist" in out and "Bram Ostrander" in out
    assert "at least 14 (Northern Wire Service) vs at least 17 (The Harbour Ledger)" in out
    assert "denied" in out and "admitted" in out
    quist = next(m for c in full.changes if c.verdict == "misattributed" for m in c.group.members)
    assert f"[{quist.doc} {quist.span[0]}-{quist.span[1]}]" in out
    for info in full.articles:
        assert info.doc in out
    assert "\x1b" not in out


def test_markdown_reads_in_email_and_renders_on_github(full: Report) -> None:
    out = "".join(report_markdown(full))
    assert out.startswith("# Briefing: Articles published 2026-03-01 to 2026-03-13\n")
    positions = [out.index(h) for h in ("## What changed", "## Key figures", "## Claims by speaker", "## Articles")]
    assert positions == sorted(positions)
    assert "~~humanly~~" in out, "the reworded quote's word diff"
    assert "| date | Northern Wire Service | The Harbour Ledger |" in out
    assert "| 2026-03-10 | 14 | 17 |" in out
    assert "*denied*" in out
    for info in full.articles:
        assert f"| `{info.doc}` |" in out
    member = full.changes[0].group.members[0]
    assert f"`{member.doc}` [{member.span[0]}, {member.span[1]})" in out


class _Page(HTMLParser):
    """Tags, attributes and text of an HTML page, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_one_self_contained_phone_readable_file(full: Report) -> None:
    page = "".join(report_html(full))
    parsed = _parse(page)
    tags = [t for t, _ in parsed.tags]
    assert page.startswith("<!DOCTYPE html>")
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in parsed.tags
    assert "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags
    assert not any("src" in attrs for _, attrs in parsed.tags), "nothing is fetched"
    assert "url(" not in page and "@import" not in page
    # One chart per key figure, one line (or lone point) per outlet, in the series colours.
    charts = page.count('<svg class="chart"')
    assert charts == len(full.figures) >= 3
    toll = next(n for n, f in enumerate(full.figures) if f.group.key["object"] == "people"
                and f.group.key["event"] == "killed" and f.group.key["story"] == "Kelsby")
    svg = page.split('<svg class="chart"')[toll + 1].split("</svg>")[0]
    assert svg.count("<polyline") == 2, "Northern Wire and the Harbour Ledger have several days"
    assert svg.count("<circle") == sum(len(s.points) for s in full.figures[toll].series)
    assert f'fill="{CHART_BG}"' in svg and all(c in svg for c in SERIES_COLOURS[:4])
    # Links: every reference to an article points at its row, which carries the doc id.
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    refs = [attrs["href"] for t, attrs in parsed.tags if t == "a" and "ref" in (attrs.get("class") or "")]
    assert refs and all(href[1:] in ids for href in refs)
    assert {f"a-{i.doc}" for i in full.articles} <= ids
    member = full.changes[0].group.members[0]
    assert f'href="#a-{member.doc}"' in page and f"{member.span[0]}–{member.span[1]}</a>" in page


HOSTILE_TITLE = '<script>alert("title & co")</script> Toll "rises"'
HOSTILE_SPEAKER = 'Jo <script>alert(1)</script> "The Fixer" & Sons'
HOSTILE_QUOTE = 'We will <script>document.write("x")</script> & "more" <img src=x onerror=alert(2)>'


@pytest.fixture()
def hostile_store(tmp_path: Path) -> Path:
    """An article whose title, publisher, URL, speaker and quote carry markup."""
    text = f"{HOSTILE_TITLE}\n\n“{HOSTILE_QUOTE},” {HOSTILE_SPEAKER} said.\n"
    start = text.index(HOSTILE_QUOTE)
    speaker_at = text.index(HOSTILE_SPEAKER)
    claim = Claim(f"{doc_id(text)}:0", "quote", (start - 1, len(text) - 1),
                  Speaker(HOSTILE_SPEAKER, HOSTILE_SPEAKER, (speaker_at, speaker_at + len(HOSTILE_SPEAKER)),
                          '<b>"role"</b> & more', "person"),
                  Cue("said", "say", (len(text) - 6, len(text) - 2), "deny"),
                  Content(HOSTILE_QUOTE, (start, start + len(HOSTILE_QUOTE)), True))
    article = Article(doc_id(text), "<evil>.txt", 'javascript:alert("url")', HOSTILE_TITLE,
                      'Evil & "Co" <b>News</b>', "2026-03-10", None, "2026-03-10T08:00:00.000000Z", "test",
                      (claim,), (), (), text)
    store = Store.open(tmp_path / "store", create=True)
    store.add([article])
    return tmp_path / "store"


def test_html_escapes_hostile_titles_speakers_and_quotes(hostile_store: Path) -> None:
    report = build_report(Store.open(hostile_store), since="2026-03-01", now=NOW)
    assert [s.name for s in report.speakers] == [HOSTILE_SPEAKER]
    page = "".join(report_html(report))
    parsed = _parse(page)
    tags = [t for t, _ in parsed.tags]
    assert "script" not in tags and "img" not in tags
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(&quot;title &amp; co&quot;)&lt;/script&gt;" in page
    assert "Jo &lt;script&gt;alert(1)&lt;/script&gt; &quot;The Fixer&quot; &amp; Sons" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "javascript:" not in " ".join(str(a.get("href")) for _, a in parsed.tags), "no link to a script URL"
    # A browser shows the text exactly as it was written.
    shown = "".join(parsed.text)
    for hostile in (HOSTILE_TITLE, HOSTILE_SPEAKER, HOSTILE_QUOTE, 'Evil & "Co" <b>News</b>'):
        assert hostile in shown
    markdown = "".join(report_markdown(report))
    assert "\\<script\\>" in markdown and not re.search(r"(?<!\\)[<>]", markdown), "every < and > escaped"


# --------------------------------------------------------------------------
# The JSON shape (pinned)

WINDOW_KEYS = {"by": str, "since": (str, type(None)), "until": str, "previous": (str, type(None))}
HEADLINE_KEYS = {"articles": int, "outlets": int, "claims": int, "speakers": int, "new_speakers": int}
GROUP_KEYS = ["id", "kind", "verdict", "key", "members", "diff", "timeline", "summary"]
POINT_KEYS = {"date": str, "value": (int, float), "text": str, "doc": str, "claim": str, "span": list}
SPEAKER_KEYS = {"name": str, "type": str, "role": (str, type(None)), "new": bool, "stances": dict, "claims": list}
CLAIM_KEYS = {"doc": str, "claim": str, "span": list, "kind": str, "stance": str, "cue": (str, type(None)),
              "text": str, "publisher": (str, type(None)), "published": (str, type(None)),
              "channel": (str, type(None))}


def _shape(record: dict, keys: dict) -> None:
    assert list(record) == list(keys)
    for key, kind in keys.items():
        assert isinstance(record[key], kind), (key, record[key])


def test_json_shape_is_pinned(runner: CliRunner, sample_store: Path, full: Report) -> None:
    result = runner.invoke(app, ["report", "--store", str(sample_store), "--since", "2026-03-01",
                                 "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == to_dict(full)
    _shape(data, {"schema": int, "generated_at": str, "window": dict, "headline": dict, "changes": list,
                  "figures": list, "speakers": list, "articles": list, "verdicts": dict})
    assert data["schema"] == 1 and data["generated_at"] == "2026-03-13T06:00:00.000000Z"
    _shape(data["window"], WINDOW_KEYS)
    _shape(data["headline"], HEADLINE_KEYS)
    for change in data["changes"]:
        assert list(change) == ["verdict", "group"] and list(change["group"]) == GROUP_KEYS
    for figure in data["figures"]:
        assert list(figure) == ["group", "series"] and list(figure["group"]) == GROUP_KEYS
        for series in figure["series"]:
            assert list(series) == ["outlet", "points"]
            for point in series["points"]:
                _shape(point, POINT_KEYS)
    for speaker in data["speakers"]:
        _shape(speaker, SPEAKER_KEYS)
        for claim in speaker["claims"]:
            _shape(claim, CLAIM_KEYS)
    for article in data["articles"]:
        assert list(article) == [*LIST_KEYS, "extractor", "claims"]
    assert all(isinstance(v, int) for v in data["verdicts"].values())


# --------------------------------------------------------------------------
# The command


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _report(runner: CliRunner, store: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["report", "--store", str(store), *args])


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_cli_prints_each_format_as_the_library_renders_it(runner: CliRunner, sample_store: Path, full: Report,
                                                          fmt: ReportFormat) -> None:
    result = _report(runner, sample_store, "--since", "2026-03-01", "--as-of", AS_OF, "--format", fmt.value)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == "".join(render_report(full, fmt))


def test_cli_output_file_is_written_whole_and_its_suffix_sets_the_format(runner: CliRunner, sample_store: Path,
                                                                         full: Report, tmp_path: Path) -> None:
    target = tmp_path / "briefing.html"
    result = _report(runner, sample_store, "--since", "2026-03-01", "--as-of", AS_OF, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert target.read_text(encoding="utf-8") == "".join(report_html(full))
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.html"], "no temporary file left behind"


def test_cli_unwritable_output_is_73_and_does_not_move_since_last(runner: CliRunner, sample_store: Path,
                                                                  tmp_path: Path) -> None:
    store = _copy(sample_store, tmp_path)
    first = _report(runner, store, "--since", "last", "--format", "json")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["headline"]["articles"] == 12
    state = (store / "report.json").read_bytes()
    failed = _report(runner, store, "--since", "last", "--output", str(tmp_path / "no" / "such" / "dir.html"))
    assert failed.exit_code == 73
    assert failed.stderr.startswith("Error: cannot write ") and failed.stderr.count("\n") == 1
    assert (store / "report.json").read_bytes() == state, "a failed run must not advance --since last"
    other = _report(runner, store, "--since", "7d", "--format", "json")
    assert other.exit_code == 0 and (store / "report.json").read_bytes() == state


def test_cli_output_into_the_store_is_refused_before_any_work(runner: CliRunner, sample_store: Path,
                                                              tmp_path: Path) -> None:
    store = _copy(sample_store, tmp_path)
    files = {p: p.read_bytes() for p in store.rglob("*") if p.is_file()}
    for target in (store / "report.html", store, store / "index.jsonl"):
        result = _report(runner, store, "--since", "last", "--output", str(target))
        assert result.exit_code == 73, (target, result.stderr)
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        assert result.stdout == ""
    assert {p: p.read_bytes() for p in store.rglob("*") if p.is_file()} == files, "the store is as it was"


def test_cli_since_last_covers_only_what_was_stored_since(runner: CliRunner, sample_store: Path,
                                                          tmp_path: Path) -> None:
    store = _copy(sample_store, tmp_path)
    runs = []
    for _ in range(2):
        result = _report(runner, store, "--since", "last", "--format", "json")
        assert result.exit_code == 0, result.stderr
        runs.append(json.loads(result.stdout))
    assert runs[0]["headline"]["articles"] == 12 and runs[0]["window"]["previous"] is None
    assert runs[1]["headline"]["articles"] == 0 and runs[1]["window"]["since"] == runs[0]["window"]["until"]
    late = tmp_path / "late.txt"
    late.write_text("Title: Kelsby toll reaches 25\nPublisher: The Meridian Post\nPublished: 2026-03-14\n\n"
                    "At least 25 people have been killed in the Kelsby Dam collapse, the agency said on Saturday.\n",
                    encoding="utf-8")
    assert runner.invoke(app, ["ingest", "--store", str(store), str(late), "--format", "jsonl"]).exit_code == 0
    third = json.loads(_report(runner, store, "--since", "last", "--format", "json").stdout)
    assert [a["title"] for a in third["articles"]] == ["Kelsby toll reaches 25"]
    assert third["window"]["previous"] == runs[1]["window"]["until"]


@pytest.mark.parametrize(("args", "code"), [
    (["--since", "2026-03-01", "--fail-on", "differ,misattributed"], 3),
    (["--since", "2026-03-01", "--fail-on", "misattributed"], 3),
    (["--since", "2026-03-12", "--fail-on", "differ,misattributed,reworded"], 0),
    (["--since", "2026-03-01"], 0),
])
def test_cli_fail_on(runner: CliRunner, sample_store: Path, args: list[str], code: int) -> None:
    result = _report(runner, sample_store, "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code == code, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout)["headline"]["articles"] > 0, "the report is printed whatever the exit code"


@pytest.mark.parametrize(("args", "message"), [
    (["--fail-on", "bogus"], "--fail-on 'bogus' is not one of"),
    (["--since", "yesterday"], "--since 'yesterday' is not a time"),
    (["--until", "last"], "--until takes"),
    (["--as-of", "noon"], "--as-of 'noon' is not a time"),
])
def test_cli_usage_errors(runner: CliRunner, sample_store: Path, args: list[str], message: str) -> None:
    result = _report(runner, sample_store, *args)
    assert result.exit_code == 2
    assert result.stdout == "" and message in result.stderr and result.stderr.count("\n") == 1


def test_cli_missing_store_is_66(runner: CliRunner, tmp_path: Path) -> None:
    result = _report(runner, tmp_path / "nowhere")
    assert result.exit_code == 66 and result.stdout == ""
    assert not (tmp_path / "nowhere").exists()


@pytest.fixture()
def held_lock(sample_store: Path):  # type: ignore[no-untyped-def]
    """The store's writer lock held by another run (as an ingest holds it);
    released when ``release`` is set."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with Store.open(sample_store).locked():
            held.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    yield release
    release.set()
    thread.join()


def test_cli_locked_store_waits_then_exits_75(runner: CliRunner, sample_store: Path, held_lock) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    result = _report(runner, sample_store, "--since", "2026-03-01", "--lock-timeout", "1")
    assert time.monotonic() - started >= 1.0, "it waited for the lock"
    assert result.exit_code == 75
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("claimcli: waiting for the store at ")
    assert len(lines) == 2 and lines[1].startswith("Error: the store at ")
    assert "is locked by another claimcli run" in lines[1] and "--lock-timeout" in lines[1]


def test_cli_locked_store_waits_for_the_ingest_to_finish(runner: CliRunner, sample_store: Path,
                                                         held_lock) -> None:  # type: ignore[no-untyped-def]
    threading.Timer(0.8, held_lock.set).start()
    result = _report(runner, sample_store, "--since", "2026-03-01", "--as-of", AS_OF, "--lock-timeout", "20")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("BRIEFING: ")
    assert result.stderr.startswith("claimcli: waiting for the store at ")


# --------------------------------------------------------------------------
# As cron runs it: no TTY, an empty environment


def _claimcli() -> list[str]:
    script = Path(sys.executable).with_name("claimcli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimcli"]


def _cron(args: list[str], home: Path) -> subprocess.CompletedProcess[bytes]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    return subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *_claimcli(), *args],
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=120, check=False)


def test_cron_run_prints_the_report_and_nothing_else(sample_store: Path, full: Report, tmp_path: Path) -> None:
    result = _cron(["report", "--store", str(sample_store), "--since", "2026-03-01", "--as-of", AS_OF], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout.decode("utf-8") == "".join(report_text(full)), "stdout is exactly the report"
    assert b"\x1b" not in result.stdout
    assert not (tmp_path / ".local").exists(), "nothing written under HOME"


def test_cron_run_since_last_with_bad_news_exits_0(sample_store: Path, tmp_path: Path) -> None:
    store = _copy(sample_store, tmp_path)
    result = _cron(["report", "--store", str(store), "--since", "last", "--format", "md"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    out = result.stdout.decode("utf-8")
    assert out.startswith("# Briefing: Articles stored since the last report")
    assert "Misattributed quote" in out, "bad news, and still exit 0"
    assert b"\x1b" not in result.stdout
    alert = _cron(["report", "--store", str(store), "--since", "2026-03-01", "--fail-on", "misattributed",
                   "--format", "json"], tmp_path)
    assert alert.returncode == 3 and alert.stderr == b""
    assert json.loads(alert.stdout)["verdicts"]["misattributed"] == 1


# --------------------------------------------------------------------------
# The HTML in a real browser

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
SCREEN = (420, 1500)


def read_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, rows and bytes per pixel of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, bytearray()
    width = height = channels = 0
    while pos < len(data):
        (size,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "an 8-bit RGB(A) PNG"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw, stride = zlib.decompress(bytes(idat)), width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows, channels


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _screenshot(page: Path, png: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}",
               f"--window-size={SCREEN[0]},{SCREEN[1]}", f"--screenshot={png}", page.as_uri()]
    result = subprocess.run(command, capture_output=True, timeout=120, check=False, cwd=tmp_path)
    assert png.exists(), result.stderr.decode(errors="replace")[-2000:]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it with apt-get when it can)")
def test_html_charts_render_in_a_headless_browser(sample_store: Path, tmp_path: Path) -> None:
    report = build_report(Store.open(sample_store), since="2026-03-13", now=NOW)
    assert report.figures and report.changes
    page = tmp_path / "briefing.html"
    page.write_text("".join(report_html(report)), encoding="utf-8")
    png = tmp_path / "briefing.png"
    _screenshot(page, png, tmp_path)
    width, height, rows, channels = read_png(png.read_bytes())
    assert (width, height) == SCREEN
    background = _rgb(CHART_BG)

    def pixel(y: int, x: int) -> tuple[int, int, int]:
        return tuple(rows[y][x * channels:x * channels + 3])  # type: ignore[return-value]

    # The first chart: the first band of rows holding its plot background
    # (white grid lines cross it: a gap of a few rows does not end it).
    def plot_row(y: int) -> bool:
        return any(pixel(y, x) == background for x in range(0, width, 3))

    top = next((y for y in range(height) if plot_row(y)), None)
    assert top is not None, "no chart plot area on the screen"
    bottom, gap = top, 0
    for y in range(top + 1, height):
        if plot_row(y):
            bottom, gap = y, 0
        elif (gap := gap + 1) > 6:
            break
    xs = [x for y in range(top, bottom + 1, 4) for x in range(width) if pixel(y, x) == background]
    left, right = min(xs), max(xs)
    assert right - left > width * 0.6 and bottom - top > 100, "the chart is as wide as a phone screen"
    counts = dict.fromkeys(SERIES_COLOURS, 0)
    for y in range(top, bottom + 1):
        for x in range(left, right + 1):
            rgb = pixel(y, x)
            for colour in counts:
                if max(abs(p - q) for p, q in zip(rgb, _rgb(colour), strict=True)) <= 12:
                    counts[colour] += 1
    lines = len(report.figures[0].series)
    for colour in SERIES_COLOURS[:lines]:
        assert counts[colour] >= 20, (colour, counts)
    if os.environ.get("CLAIMCLI_UPDATE_SCREENSHOT"):
        shutil.copyfile(png, ROOT / "docs" / "report.png")
