"""Renderers: table, json, jsonl, csv, markdown.  The only module that imports rich.

Renderers are generators of strings (json/jsonl/csv) or write a rich table;
they never touch the data's meaning.  Article text is never interpreted as
rich markup and control characters are stripped before a terminal sees it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from .models import (
    ALARMS,
    Article,
    ArticleInfo,
    Claim,
    Comparison,
    Document,
    Group,
    IngestResult,
    RemoveResult,
    VerifyReport,
    record_fields,
    to_dict,
)
from .text import number_text, printable


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


CSV_COLUMNS = (
    "doc", "source", "id", "kind", "speaker", "speaker_type", "role", "cue", "stance",
    "content", "start", "end", "direct", "channel", "figures", "times", "hedges", "confidence",
)


#: One encoder for every record (json.dumps with options builds a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def dumps(data: Any) -> str:
    return _ENCODER.encode(data)


def claim_row(document: Document, claim: Claim) -> dict[str, Any]:
    """A claim as one JSON Lines record: the claim plus its doc and source."""
    return {"doc": document.doc, "source": document.source, **to_dict(claim)}


def json_array(documents: Iterable[Document]) -> Iterator[str]:
    """A JSON array streamed one document at a time; ``[]`` when empty."""
    first = True
    for document in documents:
        yield ("[\n" if first else ",\n") + dumps(to_dict(document))
        first = False
    yield "[]\n" if first else "\n]\n"


def jsonl_claims(documents: Iterable[Document]) -> Iterator[str]:
    for document in documents:
        for claim in document.claims:
            yield dumps(claim_row(document, claim)) + "\n"


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell may not start with = + - @."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def csv_claims(documents: Iterable[Document], header: bool = True) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(CSV_COLUMNS)
    for document in documents:
        for claim in document.claims:
            sp, cue = claim.speaker, claim.cue
            row = [
                document.doc, document.source, claim.id, claim.kind,
                sp.name if sp else "", sp.type if sp else "", (sp.role or "") if sp else "",
                cue.text if cue else "", cue.stance if cue else "",
                claim.content.text, claim.content.span[0], claim.content.span[1],
                str(claim.content.direct).lower(), claim.channel or "",
                "; ".join(f.text for f in claim.figures), "; ".join(t.text for t in claim.times),
                "; ".join(claim.hedges), claim.confidence,
            ]
            writer.writerow([safe_cell(str(v)) if isinstance(v, str) else v for v in row])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


def make_console(file: TextIO, *, color: bool | None = None) -> Console:
    """A console for ``file``: colour only on a terminal, NO_COLOR respected
    by rich itself."""
    return Console(file=file, highlight=False, markup=False, emoji=False,
                   no_color=None if color is None else not color, soft_wrap=False)


def claims_table(documents: Iterable[Document], console: Console) -> int:
    """Print one table per document; returns the number of claims shown."""
    shown = 0
    for document in documents:
        title = printable(document.title or document.source)
        meta = " · ".join(printable(x) for x in (document.publisher, document.published) if x)
        table = Table(title=Text(title + (f"  ({meta})" if meta else "")), show_lines=False,
                      title_justify="left", expand=False)
        table.add_column("#", justify="right", style="dim")
        table.add_column("kind")
        table.add_column("speaker")
        table.add_column("cue")
        table.add_column("content", overflow="fold", ratio=3)
        table.add_column("figures / times", overflow="fold")
        for claim in document.claims:
            shown += 1
            speaker = ""
            if claim.speaker:
                speaker = claim.speaker.name
                if claim.speaker.role:
                    speaker += f" ({claim.speaker.role})"
            cue = f"{claim.cue.text} [{claim.cue.stance}]" if claim.cue else ""
            extra = [f.text for f in claim.figures] + [
                f"{t.text}={t.value}" if t.value else t.text for t in claim.times
            ]
            if claim.channel:
                extra.insert(0, f"via {claim.channel}")
            table.add_row(
                claim.id.rsplit(":", 1)[-1], claim.kind, Text(printable(speaker)), Text(printable(cue)),
                Text(printable(claim.content.text)), Text(printable("; ".join(extra))),
            )
        console.print(table)
    return shown


# --------------------------------------------------------------------------
# Rows: ingest results, store listings, removals (any flat record)

#: `ingest --format jsonl` prints exactly these keys (DESIGN.md).
INGEST_KEYS = ("source", "doc", "status", "error")
#: `store list` records: the five DESIGN.md keys, then provenance.
LIST_KEYS = ("doc", "title", "publisher", "published", "source", "url", "previous", "ingested_at")
REMOVE_KEYS = ("doc", "removed", "title")


def pick(record: Any, keys: Sequence[str]) -> dict[str, Any]:
    """The record as a dict with only ``keys``, in that order."""
    data = to_dict(record)
    return {key: data.get(key) for key in keys}


def ingest_row(result: IngestResult) -> dict[str, Any]:
    return pick(result, INGEST_KEYS)


def list_row(info: ArticleInfo) -> dict[str, Any]:
    # Direct, not through to_dict: `store list` renders 100,000 of these.
    return {"doc": info.doc, "title": info.title, "publisher": info.publisher, "published": info.published,
            "source": info.source, "url": info.url, "previous": info.previous, "ingested_at": info.ingested_at}


def remove_row(result: RemoveResult) -> dict[str, Any]:
    return pick(result, REMOVE_KEYS)


def json_rows(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON array streamed one row at a time; ``[]`` when empty."""
    first = True
    for row in rows:
        yield ("[\n" if first else ",\n") + dumps(row)
        first = False
    yield "[]\n" if first else "\n]\n"


def jsonl_rows(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield dumps(row) + "\n"


def csv_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else safe_cell(str(row[c])) for c in columns])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


#: Short columns a table never folds.
NO_WRAP = frozenset({"doc", "status", "published", "removed"})


def rows_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], console: Console,
               title: str | None = None) -> int:
    """A table of flat rows (text made terminal-safe); returns the row count."""
    table = Table(title=Text(printable(title)) if title else None, title_justify="left", expand=False)
    for column in columns:
        if column in NO_WRAP:
            table.add_column(column, no_wrap=True)
        else:
            table.add_column(column, overflow="fold")
    count = 0
    for row in rows:
        count += 1
        table.add_row(*(Text(printable("" if row.get(c) is None else str(row[c]))) for c in columns))
    console.print(table)
    return count


def write_rows(rows: Iterable[dict[str, Any]], fmt: Format, columns: Sequence[str], out: TextIO,
               table_columns: Sequence[str] | None = None, title: str | None = None, *,
               flush_each: bool = False) -> None:
    """Render rows in ``fmt``, streamed; with ``flush_each`` every json/jsonl/
    csv row is flushed as soon as it exists (ingest: a reader of the pipe
    sees each article as soon as it is stored)."""
    if fmt is Format.table:
        rows_table(rows, table_columns or columns, make_console(out), title)
        return
    chunks = (json_rows(rows) if fmt is Format.json else jsonl_rows(rows) if fmt is Format.jsonl
              else csv_rows(rows, columns))
    for chunk in chunks:
        out.write(chunk)
        if flush_each:
            out.flush()
    out.flush()


def ingest_table_row(result: IngestResult) -> dict[str, Any]:
    note = result.error or (f"new version of {result.previous}" if result.previous else "")
    return {"status": result.status, "doc": result.doc, "source": result.source,
            "title": result.title, "note": note}


INGEST_TABLE = ("status", "doc", "source", "title", "note")
LIST_TABLE = ("doc", "published", "publisher", "title", "source")


# --------------------------------------------------------------------------
# One article


def article_table(article: Article, console: Console) -> int:
    """An article's provenance, then its claims."""
    meta = Table(show_header=False, box=None, expand=False)
    meta.add_column("key", style="bold")
    meta.add_column("value", overflow="fold")
    for key in ("doc", "title", "publisher", "published", "source", "url", "previous", "ingested_at", "extractor"):
        value = getattr(article, key)
        if value is not None:
            meta.add_row(key, Text(printable(str(value))))
    meta.add_row("claims", str(len(article.claims)))
    console.print(meta)
    return claims_table([article.document], console)


def article_json(article: Article) -> str:
    return dumps(to_dict(article))


# --------------------------------------------------------------------------
# Verify


def verify_dict(report: VerifyReport) -> dict[str, Any]:
    return {"store": report.store, "ok": report.ok, "articles": report.articles,
            "problems": to_dict(report.problems), "repairs": list(report.repairs)}


def verify_summary(report: VerifyReport) -> str:
    if report.repaired and (report.problems or report.repairs):
        return (f"repaired the store at {report.store}: {len(report.problems)} problems found, "
                f"{len(report.repairs)} repairs; {report.articles} articles\n")
    if report.ok:
        return f"ok: the store at {report.store} holds {report.articles} sound articles\n"
    return (f"{len(report.problems)} problems in the store at {report.store}; "
            "run `claimcli store verify --repair` to fix them\n")


# --------------------------------------------------------------------------
# Progress (stderr, only on a terminal)


@contextlib.contextmanager
def progress_bar(total: int, label: str, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr; yields the function that advances it.
    Disabled (a no-op) under cron or when stderr is not a terminal."""
    if not enabled:
        yield lambda: None
        return
    import sys

    console = make_console(sys.stderr)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, redirect_stdout=False,
                  redirect_stderr=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


# --------------------------------------------------------------------------
# compare: groups of claims across articles


class CompareFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    md = "md"


#: Verdicts as headings of the Markdown report, findings first.
VERDICT_HEADINGS = {
    "misattributed": "Misattributed quotes: the same words, different speakers",
    "differ": "Figures that differ on the same day",
    "reworded": "Reworded quotes",
    "updated": "Figures updated over time",
    "repeated": "Quotes repeated within one article",
    "corroborated": "Corroborated: the same words or the same statement in several articles",
    "agree": "Figures that agree",
    "single": "Figures reported by one article",
}
VERDICT_STYLES = {"misattributed": "bold red", "differ": "bold red", "reworded": "yellow", "updated": "cyan",
                  "repeated": "magenta", "corroborated": "green", "agree": "green", "single": "dim"}


def group_rows(groups: Iterable[Group]) -> Iterator[dict[str, Any]]:
    """Groups as the DESIGN.md GROUP records."""
    for group in groups:
        yield to_dict(group)


#: ``dumps(to_dict(group))`` in one pass: the C encoder walks the tuples and
#: asks for a record's fields only (compare may print a million members).
_GROUP_ENCODER = json.JSONEncoder(ensure_ascii=False, default=record_fields)


def group_json(group: Group) -> str:
    """One GROUP record as JSON: the same text as ``dumps(to_dict(group))``."""
    return _GROUP_ENCODER.encode(group)


def groups_json(groups: Iterable[Group]) -> Iterator[str]:
    """One JSON array of groups, streamed; ``[]`` when empty."""
    first = True
    for group in groups:
        yield ("[\n" if first else ",\n") + group_json(group)
        first = False
    yield "[]\n" if first else "\n]\n"


def groups_jsonl(groups: Iterable[Group]) -> Iterator[str]:
    for group in groups:
        yield group_json(group) + "\n"


def group_what(group: Group) -> str:
    """What a group is about, in a few words."""
    key = group.key
    if group.kind == "figure":
        what = f"{key.get('story')}: {key.get('event')} {key.get('object')}"
        return what + (f" in {key['place']}" if key.get("place") else "")
    if group.kind == "statement":
        return f"{key.get('story')}: {key.get('speaker')}"
    text = str(key.get("text") or "")
    return f"“{text[:80]}{'…' if len(text) > 80 else ''}”"


def diff_text(diff: Sequence[Sequence[str]] | None, *, markdown: bool = False) -> str:
    """A word diff as one line: [-removed-] {+added+} (Markdown: ~~removed~~ **added**)."""
    if not diff:
        return ""
    parts = []
    for op, words in diff:
        shown = md_escape(words) if markdown else printable(words)
        if op == "=":
            parts.append(shown)
        elif op == "-":
            parts.append(f"~~{shown}~~" if markdown else f"[-{shown}-]")
        else:
            parts.append(f"**{shown}**" if markdown else f"{{+{shown}+}}")
    return " ".join(parts)


def compare_counts(comparison: Comparison) -> str:
    """One line: 14 articles in 3 stories; 20 groups: 1 misattributed, 1 differ, ..."""
    counts: dict[str, int] = {}
    for group in comparison.groups:
        counts[group.verdict] = counts.get(group.verdict, 0) + 1
    order = list(VERDICT_HEADINGS)
    found = ", ".join(f"{counts[v]} {v}" for v in order if counts.get(v))
    return (f"{comparison.articles} articles in {len(comparison.stories)} stories; "
            f"{len(comparison.groups)} groups" + (f": {found}" if found else ""))


def compare_table(comparison: Comparison, console: Console) -> int:
    """One row per group, findings first; returns the number of rows."""
    table = Table(title=Text(compare_counts(comparison)), title_justify="left", expand=False)
    table.add_column("verdict", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("about", overflow="fold", ratio=2)
    table.add_column("reports", justify="right", no_wrap=True)
    table.add_column("details", overflow="fold", ratio=3)
    for group in comparison.groups:
        details = group.summary
        if group.diff:
            details += "\n" + diff_text(group.diff)
        table.add_row(Text(group.verdict.upper() if group.verdict in ALARMS else group.verdict,
                           style=VERDICT_STYLES.get(group.verdict, "")),
                      group.kind, Text(printable(group_what(group))), str(len(group.members)),
                      Text(printable(details)))
    console.print(table)
    return len(comparison.groups)


def md_escape(text: str | None) -> str:
    """Article text made inert in Markdown (and in a terminal)."""
    if not text:
        return ""
    out = printable(" ".join(text.split()))
    for ch in "\\`*_[]<>|~#":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_members(group: Group) -> Iterator[str]:
    figure = group.kind == "figure"
    if figure:
        yield "| date | report | according to | outlet | article | claim |\n|---|---|---|---|---|---|\n"
    else:
        yield "| date | speaker | outlet | words | article | claim |\n|---|---|---|---|---|---|\n"
    for m in group.members:
        article = md_escape(m.source if m.source and m.source != "-" else m.doc)
        claim = f"`{m.claim.rsplit(':', 1)[-1]}` [{m.span[0]}, {m.span[1]})"
        if figure:
            yield (f"| {m.date or '?'} | {md_escape(m.text)} | {md_escape(m.according_to)} | "
                   f"{md_escape(m.publisher)} | {article} | {claim} |\n")
        else:
            words = m.text if len(m.text) <= 160 else m.text[:157] + "…"
            yield (f"| {m.date or '?'} | {md_escape(m.speaker) or '(unnamed)'} | {md_escape(m.publisher)} | "
                   f"{md_escape(words)} | {article} | {claim} |\n")


def compare_markdown(comparison: Comparison) -> Iterator[str]:
    """A readable report: findings first, each group with its reports; single
    reports as one table at the end."""
    yield "# Claim comparison\n\n"
    yield md_escape(compare_counts(comparison)) + ".\n"
    if comparison.stories:
        yield "\n| story | articles | from | to |\n|---|---|---|---|\n"
        for story in comparison.stories:
            yield f"| {md_escape(story.label)} | {story.articles} | {story.first or '?'} | {story.last or '?'} |\n"
    by_verdict: dict[str, list[Group]] = {}
    for group in comparison.groups:
        by_verdict.setdefault(group.verdict, []).append(group)
    for verdict, heading in VERDICT_HEADINGS.items():
        groups = by_verdict.get(verdict)
        if not groups:
            continue
        yield f"\n## {heading} ({len(groups)})\n"
        if verdict == "single":
            yield "\n| story | what | report | according to | outlet | date |\n|---|---|---|---|---|---|\n"
            for group in groups:
                for m in group.members:
                    yield (f"| {md_escape(group.key.get('story'))} | {md_escape(group_what(group).split(': ', 1)[-1])} | "
                           f"{md_escape(m.text)} | {md_escape(m.according_to)} | {md_escape(m.publisher)} | "
                           f"{m.date or '?'} |\n")
            continue
        for group in groups:
            flag = "⚠ " if verdict in ALARMS else ""
            yield f"\n### {flag}{md_escape(group_what(group))}\n\n"
            yield f"{md_escape(group.summary)}.\n\n"
            if group.diff:
                yield f"> {diff_text(group.diff, markdown=True)}\n\n"
            if group.timeline and verdict in ("differ", "updated"):
                yield f"Timeline: {md_escape(timeline_text(group))}\n\n"
            yield from _md_members(group)
            yield f"\n<sub>`{group.id}`</sub>\n"


def timeline_text(group: Group) -> str:
    """A figure group's days in one line: 2026-03-09: 9 → 2026-03-10: 14 / 17 (conflict)."""
    return " → ".join(
        f"{p.date or '?'}: {' / '.join(number_text(v) for v in p.values)}{'' if p.agree else ' (conflict)'}"
        for p in group.timeline)


def write_comparison(comparison: Comparison, fmt: CompareFormat, out: TextIO) -> None:
    """Render a comparison in ``fmt`` (json: one array of GROUP records,
    jsonl: one per line), streamed."""
    if fmt is CompareFormat.table:
        compare_table(comparison, make_console(out))
        return
    chunks = (compare_markdown(comparison) if fmt is CompareFormat.md
              else groups_json(comparison.groups) if fmt is CompareFormat.json
              else groups_jsonl(comparison.groups))
    for chunk in chunks:
        out.write(chunk)
    out.flush()
