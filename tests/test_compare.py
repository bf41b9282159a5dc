"""`claimcli compare`: the planted cases of docs/samples.md are found, and
nothing false is raised on the rest of the samples; the seed articles (when
../shared is there); speaker, object and interval normalisation as tables;
the similarity join against brute force; the command's formats and exit
codes (stdout, stderr and exit code checked separately)."""

from __future__ import annotations

import gc
import itertools
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcli.cli import app
from claimcli.compare import (
    VERDICTS,
    _interval,
    _object,
    _Report,
    _same_speaker,
    _similar_pairs,
    compare,
)
from claimcli.ingest import discover, ingest
from claimcli.models import Comparison, Group, to_dict
from claimcli.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


def _sources(group: Group) -> set[str]:
    return {Path(m.source).name.split("-")[0] + "-" + Path(m.source).name.split("-")[1] for m in group.members}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("compare") / "store"
    store = Store.open(root, create=True)
    statuses = [r.status for r in ingest(store, discover([str(SAMPLES)]))]
    assert statuses == ["new"] * 12
    return root


@pytest.fixture(scope="module")
def result(sample_store: Path) -> Comparison:
    return compare(Store.open(sample_store))


def _groups(result: Comparison, verdict: str, kind: str | None = None) -> list[Group]:
    return [g for g in result.groups if g.verdict == verdict and (kind is None or g.kind == kind)]


# --------------------------------------------------------------------------
# The planted cases (docs/samples.md)


def test_stories_split_the_dam_from_the_blast(result: Comparison) -> None:
    assert result.articles == 12
    assert sorted(s.articles for s in result.stories) == [5, 7]
    labels = {s.label for s in result.stories}
    assert labels == {"Kelsby", "Saltmere"}


def test_differing_toll_on_the_same_day_between_two_outlets(result: Comparison) -> None:
    differ = _groups(result, "differ")
    assert len(differ) == 1, [g.id for g in differ]
    group = differ[0]
    assert group.kind == "figure"
    assert group.key == {"story": "Kelsby", "event": "killed", "object": "people"}
    day = next(p for p in group.timeline if p.date == "2026-03-10")
    assert not day.agree and day.values == (14, 17)
    reports = {(group.members[n].publisher, group.members[n].value) for n in day.members}
    assert ("Northern Wire Service", 14) in reports and ("The Harbour Ledger", 17) in reports
    assert "14" in group.summary and "17" in group.summary
    assert all(p.agree for p in group.timeline if p.date != "2026-03-10")


def test_toll_updated_over_days(result: Comparison) -> None:
    blast = next(g for g in result.groups if g.key == {"story": "Saltmere", "event": "killed", "object": "people"})
    assert blast.verdict == "updated"
    assert [(p.date, p.values[-1], p.change) for p in blast.timeline] == [
        ("2026-03-10", 6, "first"), ("2026-03-11", 9, "up"), ("2026-03-12", 12, "up")]
    # The company's earlier "Two died" is in blast-1's series, not a conflict with the other outlets.
    assert any(m.value == 2 and m.speaker == "Corvane Agrochemicals" for m in blast.members)
    dam = next(g for g in result.groups if g.key == {"story": "Kelsby", "event": "killed", "object": "people"})
    assert [p.date for p in dam.timeline] == ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-13"]
    assert [p.change for p in dam.timeline] == ["first", "up", "up", "up"]
    assert _sources(dam) == {f"dam-{n}" for n in range(1, 8)}


def test_reworded_halvorsen_quote_with_a_word_diff(result: Comparison) -> None:
    reworded = _groups(result, "reworded")
    assert len(reworded) == 1
    group = reworded[0]
    assert _sources(group) == {"dam-3", "dam-4"}
    assert {m.speaker for m in group.members} == {"Petra Halvorsen"}
    assert group.diff is not None
    assert ("-", "humanly") in group.diff
    assert any(op == "+" and "floodwater" in words for op, words in group.diff)
    assert group.diff[0] == ("=", "We are doing everything")
    # Applying the diff gives back both wordings.
    old = " ".join(w for op, w in group.diff if op != "+")
    new = " ".join(w for op, w in group.diff if op != "-")
    assert {old.rstrip(","), new.rstrip(",")} == {m.text.rstrip(",") for m in group.members}


def test_misattributed_quist_ostrander_quote(result: Comparison) -> None:
    misattributed = _groups(result, "misattributed")
    assert len(misattributed) == 1
    group = misattributed[0]
    assert group.key["speakers"] == ["Marta Quist", "Bram Ostrander"]
    assert group.key["text"].startswith("We warned management about that warehouse")
    assert {(Path(m.source).name, m.speaker) for m in group.members} == {
        ("blast-3-northern-wire.txt", "Marta Quist"), ("blast-4-harbour-ledger.txt", "Bram Ostrander")}
    assert result.groups[0] is group, "findings come first, misattribution before all"


def test_quote_repeated_within_dam7(result: Comparison) -> None:
    repeated = _groups(result, "repeated")
    assert len(repeated) == 1
    group = repeated[0]
    assert _sources(group) == {"dam-7"}
    assert len(group.members) == 2
    assert group.key["text"].startswith("The dam was inspected in September")
    assert group.key["speakers"] == ["Lukas Brandner"]


def test_corroborated_kovac_quote(result: Comparison) -> None:
    quotes = _groups(result, "corroborated", "quote")
    assert len(quotes) == 1
    group = quotes[0]
    assert _sources(group) == {"dam-1", "dam-2"}
    assert {m.speaker for m in group.members} == {"Emil Kovac"}
    assert group.key["text"].startswith("The water rose faster than any of our models predicted")


def test_nothing_false_on_the_rest_of_the_samples(result: Comparison) -> None:
    findings = [g for g in result.groups if g.verdict in ("misattributed", "differ", "reworded", "repeated")]
    assert len(findings) == 4
    # No quote other than the planted ones appears in more than one article.
    cross = [g for g in result.groups if g.kind == "quote" and g.verdict != "repeated"]
    assert sorted(g.verdict for g in cross) == ["corroborated", "misattributed", "reworded"]
    # Figure and statement groups never mix the two stories.
    for group in result.groups:
        if group.kind != "quote":
            assert len({s.split("-")[0] for s in _sources(group)}) == 1, group.id
    # Children are not compared with the people they are part of.
    children = [g for g in result.groups if g.kind == "figure" and g.key["object"] == "children"]
    assert all(g.verdict == "single" for g in children)
    # Statement groups: one speaker, several articles.
    for group in _groups(result, "corroborated", "statement"):
        assert len({m.doc for m in group.members}) >= 2
        assert len({m.speaker for m in group.members}) == 1, group.summary


def test_statements_keep_the_speaker_who_made_them(sample_store: Path, result: Comparison) -> None:
    # dam-2: "A spokesman, Lukas Brandner, said the company had raised the
    # alarm … two hours before the collapse"; dam-4: the Authority "has said it
    # warned local authorities more than two hours before the collapse".  The
    # spokesman's words are his, not the Authority's, so no speaker group joins them.
    store = Store.open(sample_store)
    said: dict[str, set[str]] = {}
    for info in store.articles():
        for claim in store.get(info.doc).claims:
            if claim.speaker and "two hours before the collapse" in claim.content.text:
                said.setdefault(claim.speaker.name, set()).add(Path(info.source).name.split("-harbour")[0])
    assert said == {"Lukas Brandner": {"dam-2"}, "Varna Hydro Authority": {"dam-4"}}
    for group in result.groups:
        if group.kind == "statement":
            assert not any("two hours before the collapse" in m.text for m in group.members), group.summary


def test_every_member_points_back_to_its_text(sample_store: Path, result: Comparison) -> None:
    store = Store.open(sample_store)
    texts = {info.doc: store.get(info.doc) for info in store.articles()}
    for group in result.groups:
        for member in group.members:
            article = texts[member.doc]
            assert article.text[member.span[0]:member.span[1]] == member.text
            assert member.claim.startswith(member.doc + ":")
            assert any(c.id == member.claim for c in article.claims)
            assert member.publisher == article.publisher and member.published == article.published


def test_group_records_follow_the_design(result: Comparison) -> None:
    for group in result.groups:
        record = to_dict(group)
        assert list(record)[:6] == ["id", "kind", "verdict", "key", "members", "diff"]
        assert record["verdict"] in VERDICTS
        for member in record["members"]:
            assert list(member)[:11] == ["doc", "claim", "source", "publisher", "published", "speaker", "text",
                                         "span", "value", "low", "high"]
        if group.kind == "figure":
            assert set(record["key"]) >= {"event", "object", "story"}
            assert all(m["value"] is not None or m["low"] is not None for m in record["members"])
        else:
            assert record["diff"] is None or group.verdict in ("reworded", "misattributed")
    assert len({g.id for g in result.groups}) == len(result.groups)


def test_kind_and_similarity_options(sample_store: Path) -> None:
    store = Store.open(sample_store)
    quotes = compare(store, kinds=["quote"])
    assert {g.kind for g in quotes.groups} == {"quote"}
    strict = compare(store, kinds=["quote"], min_similarity=0.9)
    assert not [g for g in strict.groups if g.verdict == "reworded"], "Halvorsen's rewording is ~0.76 alike"
    window = compare(store, since="2026-03-11")
    assert window.articles == 6
    assert not [g for g in window.groups if g.verdict in ("reworded", "differ")]


def test_docs_select_articles(sample_store: Path) -> None:
    store = Store.open(sample_store)
    docs = {Path(i.source).name: i.doc for i in store.articles()}
    two = compare(store, [docs["dam-3-northern-wire.txt"][:8], docs["dam-4-harbour-ledger.txt"]])
    assert two.articles == 2
    assert sorted(g.verdict for g in two.groups if g.verdict != "single") == ["differ", "reworded"]


def test_superseded_versions_are_left_out(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store", create=True)
    story = ("Published: 2026-03-10\nURL: https://example.test/toll\n\n"
             "At least {n} people were killed in the Kelsby Dam collapse, the Varna agency said.\n")
    for n in (9, 14):
        folder = tmp_path / f"v{n}"
        folder.mkdir()
        (folder / "toll.txt").write_text(story.format(n=n), encoding="utf-8")
        list(ingest(store, discover([str(folder / "toll.txt")])))
    result = compare(store)
    assert result.articles == 1
    assert [g.members[0].value for g in result.groups if g.kind == "figure"] == [14]


def test_empty_store(tmp_path: Path) -> None:
    result = compare(Store.open(tmp_path / "empty", create=True))
    assert result == Comparison(0, (), ())


# --------------------------------------------------------------------------
# Normalisation tables


def _speaker(name: str, kind: str = "person") -> _Report:
    return _Report(0, "x:0", "quote", name, kind, None, "", (0, 0), None)


@pytest.mark.parametrize(("a", "b", "same", "why"), [
    ("Igor Konashenkov", "Igor Konashenkova", True, "misspelt surname"),
    ("Zelensky", "Zelenskyy", True, "transliteration"),
    ("Volodymyr Zelensky", "Zelenskyy", True, "surname only"),
    ("Volodymyr Zelensky", "Vladimir Putin", False, "different people"),
    ("Marta Quist", "Bram Ostrander", False, "different people"),
    ("Petra Halvorsen", "P. Halvorsen", True, "initial"),
    ("Jana Novak", "Petr Novak", False, "same surname, other first name"),
])
def test_person_names(a: str, b: str, same: bool, why: str) -> None:
    assert _same_speaker(_speaker(a), _speaker(b)) is same, why


@pytest.mark.parametrize(("a", "kind_a", "b", "kind_b", "same", "why"), [
    ("Kremlin", "organization", "Vladimir Putin", "person", False, "a body is not a person"),
    ("Russia’s Defense Ministry", "organization", "the Kremlin", "organization", True, "one government"),
    ("Varna Valley Civil Protection Agency", "organization", "civil protection agency", "organization", True,
     "short form"),
    ("Varna Hydro Authority", "organization", "Varna Valley Civil Protection Agency", "organization", False,
     "two bodies"),
    ("Ukraine’s Ministry of Internal Affairs", "organization", "Russia’s Defense Ministry", "organization", False,
     "two governments"),
])
def test_organisation_names(a: str, kind_a: str, b: str, kind_b: str, same: bool, why: str) -> None:
    assert _same_speaker(_speaker(a, kind_a), _speaker(b, kind_b)) is same, why


@pytest.mark.parametrize(("a", "b", "same"), [
    (("Russian troops", "killed"), ("Russian soldiers", "killed"), True),
    (("servicemen", "killed"), ("soldier", "killed"), True),
    ((None, "killed"), ("people", "killed"), True),
    (("person", "wounded"), ("people", "wounded"), True),
    (("children", "killed"), ("civilians", "killed"), False),
    (("Russian troops", "killed"), ("Ukrainian troops", "killed"), False),
    (("homes", "destroyed"), ("home", "destroyed"), True),
    (("natives of the Chechen republic", "killed"), ("natives", "killed"), True),
])
def test_counted_objects(a: tuple[str | None, str], b: tuple[str | None, str], same: bool) -> None:
    assert (_object(*a) == _object(*b)) is same


@pytest.mark.parametrize(("figure", "interval", "why"), [
    ((14, 14, None, "at_least"), (14, 14), "a toll 'at least 14' is the count confirmed so far"),
    ((1100, 1100, None, "more_than"), (1100, 1200), "round numbers carry their precision"),
    ((9, 9, 9, "exact"), (9, 9), "exact"),
    ((40, None, None, "about"), (35, 45), "about: +-10 % or half the step of a round number"),
    ((14, None, None, "about"), (12.6, 15.4), "about: +-10 %"),
    ((None, 24, None, "at_least"), (24, float("inf")), "dozens"),
    ((None, 60, 80, "range"), (60, 80), "between 60 and 80"),
    ((3000, None, 3000, "at_most"), (float("-inf"), 3000), "up to"),
])
def test_report_intervals(figure: tuple, interval: tuple[float, float], why: str) -> None:
    assert _interval(*figure) == pytest.approx(interval), why


def test_similarity_join_matches_brute_force() -> None:
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(40)]
    sets = [frozenset(rng.sample(vocabulary, rng.randint(5, 12))) for _ in range(300)]
    sets += [frozenset(list(s)[:-1] + ["extra"]) for s in sets[:50]]  # near duplicates
    for threshold in (0.5, 0.6, 0.8):
        found = {frozenset(pair) for pair in _similar_pairs(sets, threshold, [True] * len(sets))}
        expected = {frozenset((i, j)) for i, j in itertools.combinations(range(len(sets)), 2)
                    if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold}
        assert found == expected, threshold
        assert expected, "the test has pairs to find"


# --------------------------------------------------------------------------
# The seed articles (real news), only beside ../shared


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo (clone-only checkout)")
def test_seed_articles(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store", create=True)
    list(ingest(store, discover([str(SEEDS / "seed-000.txt")]), publisher="The Moscow Times",
                published="2022-03-01"))
    list(ingest(store, discover([str(SEEDS / "seed-004.txt")]), published="2022-02-27"))
    result = compare(store)
    assert len(result.stories) == 1
    # The Defense Ministry's admission of killed and injured soldiers, reported by both.
    admissions = [g for g in result.groups if g.kind == "statement"
                  and any("Defense Ministry" in (m.speaker or "") for m in g.members)]
    assert len(admissions) == 1
    group = admissions[0]
    assert len({m.doc for m in group.members}) == 2
    speakers = {m.speaker for m in group.members}
    assert "Russia’s Defense Ministry" in speakers and any("Kremlin" in (s or "") for s in speakers)
    assert any("killed and injured" in m.text for m in group.members)
    assert any("killed in action" in m.text for m in group.members)
    # Zelensky's quote repeated inside seed-004.
    repeated = [g for g in result.groups if g.verdict == "repeated"]
    assert len(repeated) == 1
    assert repeated[0].key["text"].startswith("We agreed that the Ukrainian delegation would meet")
    assert {m.speaker for m in repeated[0].members} <= {"Volodymyr Zelensky", None}
    assert not [g for g in result.groups if g.verdict in ("differ", "misattributed")]


# --------------------------------------------------------------------------
# The command


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, store: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["compare", "--store", str(store), *args])


def test_cli_json_is_one_array_of_groups(runner: CliRunner, sample_store: Path) -> None:
    result = _run(runner, sample_store, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    groups = json.loads(result.stdout)
    assert isinstance(groups, list) and groups
    assert gc.isenabled(), "the command pauses the garbage collector only while it runs"
    assert groups[0]["verdict"] == "misattributed"
    assert {"id", "kind", "verdict", "key", "members", "diff"} <= set(groups[0])


def test_cli_jsonl_is_one_group_per_line(runner: CliRunner, sample_store: Path) -> None:
    result = _run(runner, sample_store, "--format", "jsonl", "--kind", "quote")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    groups = [json.loads(line) for line in lines]
    assert {g["kind"] for g in groups} == {"quote"}
    assert sorted(g["verdict"] for g in groups) == ["corroborated", "misattributed", "repeated", "reworded"]


def test_cli_default_format_when_piped_is_jsonl(runner: CliRunner, sample_store: Path) -> None:
    result = _run(runner, sample_store, "--verdict", "differ")
    assert result.exit_code == 0
    assert [json.loads(line)["verdict"] for line in result.stdout.splitlines()] == ["differ"]


def test_cli_markdown_report(runner: CliRunner, sample_store: Path) -> None:
    result = _run(runner, sample_store, "--format", "md")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Claim comparison\n")
    assert out.index("## Misattributed quotes") < out.index("## Figures that differ") < out.index("## Reworded")
    assert "~~humanly~~" in out
    assert "Marta Quist" in out and "Bram Ostrander" in out


def test_cli_table(runner: CliRunner, sample_store: Path) -> None:
    result = _run(runner, sample_store, "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "MISATTRIBUTED" in result.stdout and "DIFFER" in result.stdout
    assert "\x1b[" not in result.stdout, "no colour when stdout is not a terminal"


@pytest.mark.parametrize(("args", "code"), [
    (["--fail-on", "differ,misattributed"], 3),
    (["--fail-on", "misattributed"], 3),
    (["--fail-on", "differ", "--kind", "quote"], 0),
    (["--fail-on", "repeated", "--since", "2026-03-10", "--until", "2026-03-11"], 0),
    ([], 0),
])
def test_cli_fail_on(runner: CliRunner, sample_store: Path, args: list[str], code: int) -> None:
    result = _run(runner, sample_store, "--format", "json", *args)
    assert result.exit_code == code, result.stderr
    assert json.loads(result.stdout), "findings are printed whatever the exit code"


@pytest.mark.parametrize("args", [["--fail-on", "bogus"], ["--kind", "figures"], ["--since", "yesterday"],
                                  ["--min-similarity", "1.5"]])
def test_cli_usage_errors(runner: CliRunner, sample_store: Path, args: list[str]) -> None:
    result = _run(runner, sample_store, *args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_cli_missing_store_is_66(runner: CliRunner, tmp_path: Path) -> None:
    result = _run(runner, tmp_path / "nowhere", "--format", "json")
    assert result.exit_code == 66
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no store at ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "nowhere").exists(), "compare never creates a store"


def test_cli_unknown_doc_is_66(runner: CliRunner, sample_store: Path) -> None:
    result = _run(runner, sample_store, "ffffffffffffffff", "--format", "json")
    assert result.exit_code == 66
    assert "no stored article ffffffffffffffff" in result.stderr


def test_cli_empty_store_prints_an_empty_array(runner: CliRunner, tmp_path: Path) -> None:
    Store.open(tmp_path / "store", create=True)
    result = _run(runner, tmp_path / "store", "--format", "json", "--fail-on", "differ")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_fast_group_encoding_matches_to_dict(result: Comparison) -> None:
    from claimcli.render import dumps, group_json

    for group in result.groups:
        assert group_json(group) == dumps(to_dict(group))
