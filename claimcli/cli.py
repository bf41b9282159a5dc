"""The Typer app: the only module that imports typer.

Each command parses options, calls one library function, renders, and sets
the exit code.  Errors from the library are ClaimcliError; they are turned
into one line on stderr here, once.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from . import __version__
from .api import DEFAULT_MAX_BYTES, Failure, default_store, extract_sources, filter_claims
from .budget import DEFAULT_ARTICLE_TIMEOUT
from .errors import ClaimcliError, ExitCode, UsageError
from .ingest import check_date, discover
from .ingest import ingest as run_ingest
from .ingest import reextract as run_reextract
from .models import Document, IngestResult
from .output import check_output_path, write_output
from .render import (
    INGEST_KEYS,
    INGEST_TABLE,
    LIST_KEYS,
    LIST_TABLE,
    REMOVE_KEYS,
    Format,
    article_json,
    article_table,
    claims_table,
    csv_claims,
    dumps,
    ingest_row,
    ingest_table_row,
    json_array,
    jsonl_claims,
    list_row,
    make_console,
    progress_bar,
    remove_row,
    verify_dict,
    verify_summary,
    write_rows,
)
from .store import DEFAULT_LOCK_TIMEOUT, Store
from .text import printable


class InputFormat(StrEnum):
    auto = "auto"
    txt = "txt"
    md = "md"
    html = "html"
    json = "json"
    jsonl = "jsonl"

EXIT_CODES_HELP = "Exit codes: " + ", ".join(f"{int(c)} {c.name.lower()}" for c in ExitCode) + "."

app = typer.Typer(
    name="claimcli",
    help="Who claimed what, when, with which numbers: structured claims from news text.\n\n" + EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
    add_completion=False,
    no_args_is_help=True,
)

T = TypeVar("T")
_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcli {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """Who claimed what, when, with which numbers: structured claims from news text."""
    _state["debug"] = debug


def error(message: str) -> None:
    """One line on stderr, control characters removed."""
    sys.stderr.write(f"Error: {printable(message)}\n")
    sys.stderr.flush()


def _resolve_format(fmt: Format | None) -> Format:
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.jsonl


def _write(chunks: Iterator[str]) -> None:
    out = sys.stdout
    for chunk in chunks:
        out.write(chunk)
    out.flush()


def run_guarded(body: Callable[[], int]) -> None:
    """Run a command body: ClaimcliError -> one line + its exit code; a closed
    pipe is not an error; Ctrl-C -> 130."""
    try:
        code = body()
    except ClaimcliError as err:
        error(err.message)
        raise typer.Exit(int(err.exit_code)) from None
    except BrokenPipeError:
        # `claimcli extract … | head`: the reader left; say nothing.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        error("interrupted")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except Exception as err:  # noqa: BLE001 - the one place unexpected errors are reported
        if _state["debug"]:
            raise
        error(f"unexpected {type(err).__name__}: {err}; rerun with --debug for the traceback")
        raise typer.Exit(int(ExitCode.FAILED)) from None
    raise typer.Exit(code)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=0, show_default=False,
    help="Extract on this many worker processes (0: every core; default 1). The output is the same as with 1.")]
EngineOption = Annotated[Engine, typer.Option(
    "--engine", case_sensitive=False,
    help="Where to extract: local processes (--jobs), or dask (needs the dask extra of claimcli; "
         "a local cluster of --jobs workers, default every core, unless --scheduler). Exit 2 without Dask.")]
ArticleTimeoutOption = Annotated[float, typer.Option(
    "--article-timeout", min=0, metavar="SECONDS",
    help="Skip an article whose extraction takes more than this many seconds of CPU time: one line on stderr "
         "names it, the rest go on, exit 1 at the end (0: no limit; not enforced on --engine dask).")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="With --engine dask: a running `dask scheduler` (tcp://host:8786) whose workers have claimcli installed.")]


def _check_engine(engine: Engine, scheduler: str | None) -> None:
    if scheduler and engine is not Engine.dask:
        raise UsageError(f"--scheduler {scheduler} needs --engine dask; add it, or leave --scheduler out")


def _utf8_streams() -> None:
    """Data is UTF-8 whatever the locale says (cron, `env -i`, Spark's
    RDD.pipe start us with a C locale): re-encode piped stdout and stderr."""
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or (stream.encoding or "").lower().replace("-", "") == "utf8":
            continue
        with contextlib.suppress(OSError, ValueError):
            if not stream.isatty():
                reconfigure(encoding="utf-8", errors=errors)


def _extract_lines(paths: list[str], options: dict[str, object]) -> int:
    """`extract --jsonl`: one output line per input line, flushed at once;
    a failed line is an error record plus one line on stderr; exit 1 at the
    end when any line failed."""
    from .api import extract_lines

    failed = 0
    missing: list[Failure] = []
    out = sys.stdout
    for result in extract_lines(paths, **options):  # type: ignore[arg-type]
        if isinstance(result, Failure):
            missing.append(result)
            error(result.error.message)
            continue
        out.write(result.output + "\n")
        out.flush()
        if result.error is not None:
            failed += 1
            error(result.error)
    if missing and len(missing) == len(paths) and not failed:
        return int(missing[0].error.exit_code) if len(paths) == 1 else int(ExitCode.FAILED)
    return int(ExitCode.FAILED) if failed or missing else int(ExitCode.OK)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, or - for stdin.", metavar="PATH...")],
    fmt: Annotated[Format | None, typer.Option("--format", "-f",
                                               help="Output format (default: table on a terminal, jsonl when piped).",
                                               case_sensitive=False)] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD that relative dates resolve against.")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help="Only claims of this kind (quote, statement, figure); repeatable.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Only claims whose speaker name contains this text.")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Decode inputs with this codec instead of guessing.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse inputs (with --jsonl: lines) larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Streaming filter: read one JSON article per line ({\"text\", \"title\", \"publisher\", "
                        "\"published\", \"url\"}; - for stdin) and write one document record per line, in order; "
                        "a bad line gives {\"line\": n, \"error\": ...} and exit 1 at the end.")] = False,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    article_timeout: ArticleTimeoutOption = DEFAULT_ARTICLE_TIMEOUT,
) -> None:
    """Extract quotes, statements, figures and times from articles; no store needed.

    Example: claimcli extract samples/dam-1-northern-wire.txt --format json
    """
    def body() -> int:
        from .errors import UsageError

        if date is not None:
            import datetime as dt

            try:
                dt.date.fromisoformat(date)
            except ValueError:
                raise UsageError(f"--date {date!r} is not a date; use YYYY-MM-DD") from None
        kinds = [k.lower() for k in kind or []]
        bad = [k for k in kinds if k not in ("quote", "statement", "figure")]
        if bad:
            raise UsageError(f"--kind {bad[0]!r} is not a claim kind; use quote, statement or figure")
        _check_engine(engine, scheduler)
        run_on = {"jobs": jobs, "engine": engine.value, "scheduler": scheduler, "timeout": article_timeout}
        _utf8_streams()
        if jsonl:
            if fmt not in (None, Format.jsonl):
                raise UsageError(f"--jsonl writes one document record per line; leave out --format {fmt.value}")
            return _extract_lines(paths, {"published": date, "encoding": encoding, "max_bytes": max_bytes,
                                          "kinds": kinds, "speaker": speaker, **run_on})
        failures: list[Failure] = []

        def documents() -> Iterator[Document]:
            for item in extract_sources(paths, published=date, encoding=encoding, max_bytes=max_bytes, **run_on):  # type: ignore[arg-type]
                if isinstance(item, Failure):
                    failures.append(item)
                    error(item.error.message)
                    continue
                yield filter_claims(item, kinds=kinds, speaker=speaker)

        chosen = _resolve_format(fmt)
        if chosen is Format.json:
            _write(json_array(documents()))
        elif chosen is Format.jsonl:
            _write(jsonl_claims(documents()))
        elif chosen is Format.csv:
            _write(csv_claims(documents()))
        else:
            claims_table(documents(), make_console(sys.stdout))
        if failures:
            if len(failures) == len(paths):
                return int(failures[0].error.exit_code) if len(paths) == 1 else int(ExitCode.FAILED)
            return int(ExitCode.FAILED)
        return int(ExitCode.OK)

    run_guarded(body)


# --------------------------------------------------------------------------
# The store: ingest and `claimcli store ...`

#: Show a progress bar (on a terminal) from this many inputs on.
PROGRESS_MIN_INPUTS = 10

StoreOption = Annotated[Path | None, typer.Option(
    "--store", help="Store folder (default: $CLAIMCLI_STORE, else $XDG_DATA_HOME/claimcli, "
                    "else ~/.local/share/claimcli).", show_default=False)]
LockTimeoutOption = Annotated[float, typer.Option(
    "--lock-timeout", min=0, help="Seconds to wait while another run writes to the store; then exit 75.")]
FormatOption = Annotated[Format | None, typer.Option(
    "--format", "-f", case_sensitive=False, help="Output format (default: table on a terminal, jsonl when piped).")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only articles published on or after YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only articles published on or before YYYY-MM-DD.")]
PublisherFilter = Annotated[str | None, typer.Option(
    "--publisher", help="Only articles whose publisher contains this text (any case).")]


def notice(message: str) -> None:
    """A message for people (not an error) on stderr."""
    sys.stderr.write(f"claimcli: {printable(message)}\n")
    sys.stderr.flush()


def _open_store(path: Path | None, *, create: bool = False, strict: bool = True,
                lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Store:
    store = Store.open(path or default_store(), create=create, strict=strict, lock_timeout=lock_timeout,
                       on_wait=notice)
    if store.migration is not None:
        m = store.migration
        notice(f"migrated the store at {m.store} from schema {m.from_schema} to {m.to_schema} ({m.articles} articles)")
        for moved in m.quarantined:
            error(f"could not migrate {moved}; the file was kept in quarantine")
    return store


def _after(store: Store) -> None:
    if store.recovered:
        notice(f"finished a write an interrupted run had left in {store.root}: {store.recovered} index entries")


def _failure_code(failures: list[IngestResult], total: int) -> int:
    """0; else the failures' own code when every input failed the same way
    (a single missing file: 66); else 1."""
    if not failures:
        return int(ExitCode.OK)
    codes = {f.code or int(ExitCode.FAILED) for f in failures}
    if len(failures) == total and len(codes) == 1:
        return codes.pop()
    return int(ExitCode.FAILED)


def _render_results(results: Iterator[IngestResult], fmt: Format) -> list[IngestResult]:
    """Render ingest results (jsonl: each line as soon as it is stored);
    name each failure on stderr; return the failures."""
    failures: list[IngestResult] = []

    def tracked() -> Iterator[IngestResult]:
        for result in results:
            if result.status == "failed":
                failures.append(result)
                message = result.error or "failed"
                error(message if result.source in message else f"{result.source}: {message}")
            yield result

    if fmt is Format.table:
        write_rows((ingest_table_row(r) for r in tracked()), fmt, INGEST_TABLE, sys.stdout)
    else:
        write_rows((ingest_row(r) for r in tracked()), fmt, INGEST_KEYS, sys.stdout, flush_each=True)
    return failures


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files (.txt .md .html .json .jsonl), folders (recursive), glob patterns, or - for stdin.",
        metavar="PATH...", show_default=False)] = None,
    fmt: FormatOption = None,
    store: StoreOption = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="Publisher of every input (overrides what they say).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD of every input (overrides what they say).")] = None,
    url: Annotated[str | None, typer.Option("--url", help="URL of the input (overrides what it says); the same URL with new text is stored as a new version.")] = None,
    input_format: Annotated[InputFormat, typer.Option("--input-format", case_sensitive=False, help="How to read the inputs (default: by extension; stdin is sniffed).")] = InputFormat.auto,
    reextract_stale: Annotated[bool, typer.Option("--reextract", help="Also refresh stored claims made by another extractor version (PATH optional).")] = False,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Decode inputs with this codec instead of guessing.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse inputs (or export records) larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary on stderr.")] = False,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    article_timeout: ArticleTimeoutOption = DEFAULT_ARTICLE_TIMEOUT,
) -> None:
    """Add articles to the store: extract their claims once, skip text already stored, keep new versions of a URL.

    Prints one line per article (--format jsonl) as soon as it is stored: {"source", "doc", "status", "error"}
    with status new, duplicate, updated or failed.  Exit 1 when some inputs failed (the rest are stored).

    Example: claimcli ingest samples/ --format jsonl
    """
    def body() -> int:
        if not paths and not reextract_stale:
            raise UsageError("give at least one PATH (a file, folder, pattern or -), or pass --reextract")
        published = check_date(date)
        _check_engine(engine, scheduler)
        _utf8_streams()
        inputs = discover(paths or [], input_format=input_format.value)  # type: ignore[arg-type]
        opened = _open_store(store, create=True, lock_timeout=lock_timeout)
        chosen = _resolve_format(fmt)
        show = not quiet and sys.stderr.isatty()
        counts: dict[str, int] = {}
        with progress_bar(len(inputs), "ingest", enabled=show and len(inputs) >= PROGRESS_MIN_INPUTS) as advance:
            results: Iterator[IngestResult] = run_ingest(
                opened, inputs, publisher=publisher, published=published, url=url, encoding=encoding,
                max_bytes=max_bytes, on_input=lambda _item: advance(), jobs=jobs,
                engine=engine.value, scheduler=scheduler, timeout=article_timeout)  # type: ignore[arg-type]
            if reextract_stale:
                results = itertools.chain(results, run_reextract(opened, timeout=article_timeout))

            def counted() -> Iterator[IngestResult]:
                for result in results:
                    counts[result.status] = counts.get(result.status, 0) + 1
                    yield result

            failures = _render_results(counted(), chosen)
        _after(opened)
        if show:
            summary = ", ".join(f"{n} {status}" for status, n in counts.items()) or "no article files found"
            notice(f"{summary} (store: {opened.root})")
        return _failure_code(failures, sum(counts.values()))

    run_guarded(body)


store_app = typer.Typer(
    name="store",
    help="Look after the store: list, show, remove, verify, export, reextract.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)
app.add_typer(store_app, name="store")


@store_app.command("list")
def store_list(
    fmt: FormatOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    publisher: PublisherFilter = None,
    store: StoreOption = None,
) -> None:
    """One record per stored article (doc, title, publisher, published, source, ...), oldest first; reads only the index.

    Example: claimcli store list --since 2026-03-10 --publisher "northern wire" --format csv
    """
    def body() -> int:
        first, last = check_date(since, "--since"), check_date(until, "--until")
        infos = _open_store(store).articles(since=first, until=last, publisher=publisher)
        write_rows((list_row(i) for i in infos), _resolve_format(fmt), LIST_KEYS, sys.stdout, LIST_TABLE)
        return int(ExitCode.OK)

    run_guarded(body)


@store_app.command("show")
def store_show(
    doc: Annotated[str, typer.Argument(help="Doc id (or a unique prefix of one).")],
    fmt: Annotated[Format | None, typer.Option("--format", "-f", case_sensitive=False,
                                               help="table (default on a terminal), json (default when piped), jsonl, or csv (claims).")] = None,
    store: StoreOption = None,
) -> None:
    """One stored article with its claims.

    Example: claimcli store show 3f2a9c0d --format json | jq '.claims[].content.text'
    """
    def body() -> int:
        article = _open_store(store).get(doc)
        chosen = fmt if fmt is not None else (Format.table if sys.stdout.isatty() else Format.json)
        if chosen is Format.table:
            article_table(article, make_console(sys.stdout))
        elif chosen is Format.csv:
            _write(csv_claims([article.document]))
        else:
            _write(iter([article_json(article) + "\n"]))
        return int(ExitCode.OK)

    run_guarded(body)


@store_app.command("remove")
def store_remove(
    docs: Annotated[list[str], typer.Argument(help="Doc ids (or unique prefixes).", metavar="DOC...")],
    fmt: FormatOption = None,
    store: StoreOption = None,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Remove articles from the store (exit 66 when none of them is stored).

    Example: claimcli store remove 3f2a9c0d1e7b4a55
    """
    def body() -> int:
        opened = _open_store(store, lock_timeout=lock_timeout)
        results = opened.remove(docs)
        write_rows((remove_row(r) for r in results), _resolve_format(fmt), REMOVE_KEYS, sys.stdout)
        _after(opened)
        missing = [r for r in results if not r.removed]
        for result in missing:
            error(f"no stored article {result.doc}; list them with `claimcli store list`")
        if not missing:
            return int(ExitCode.OK)
        return int(ExitCode.NO_INPUT) if len(missing) == len(results) else int(ExitCode.FAILED)

    run_guarded(body)


@store_app.command("verify")
def store_verify(
    repair: Annotated[bool, typer.Option("--repair", help="Move broken files to quarantine/ and rebuild the index from the article files.")] = False,
    fmt: Annotated[Format | None, typer.Option("--format", "-f", case_sensitive=False, help="table (a summary line) or json.")] = None,
    store: StoreOption = None,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Check that every article file is readable and matches the index: exit 0 when sound, 65 with each problem named.

    Example: claimcli store verify || claimcli store verify --repair
    """
    def body() -> int:
        opened = _open_store(store, strict=False, lock_timeout=lock_timeout)
        report = opened.verify(repair=repair)
        for problem in report.problems:
            (notice if repair else error)(f"{problem.message}")
        for action in report.repairs:
            notice(action)
        if fmt in (Format.json, Format.jsonl):
            _write(iter([dumps(verify_dict(report)) + "\n"]))
        else:
            _write(iter([verify_summary(report)]))
        _after(opened)
        return int(ExitCode.OK) if report.ok else int(ExitCode.DATA)

    run_guarded(body)


@store_app.command("export")
def store_export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    publisher: PublisherFilter = None,
    store: StoreOption = None,
) -> None:
    """Every stored article as JSON Lines (one full article record per line, streamed).

    Example: claimcli store export --since 2026-03-01 | gzip > articles.jsonl.gz
    """
    def body() -> int:
        first, last = check_date(since, "--since"), check_date(until, "--until")
        opened = _open_store(store)
        if output is not None:
            check_output_path(output, store_root=opened.root)
        lines = opened.export(since=first, until=last, publisher=publisher)
        if output is None:
            _write(lines)
        else:
            write_output(output, lines, store_root=opened.root)
        return int(ExitCode.OK)

    run_guarded(body)


@store_app.command("reextract")
def store_reextract(
    fmt: FormatOption = None,
    store: StoreOption = None,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
    article_timeout: ArticleTimeoutOption = DEFAULT_ARTICLE_TIMEOUT,
) -> None:
    """Extract again the articles whose claims were made by another extractor version.

    Example: claimcli store reextract --format jsonl
    """
    def body() -> int:
        opened = _open_store(store, lock_timeout=lock_timeout)
        failures = _render_results(run_reextract(opened, timeout=article_timeout), _resolve_format(fmt))
        _after(opened)
        return int(ExitCode.FAILED) if failures else int(ExitCode.OK)

    run_guarded(body)


# --------------------------------------------------------------------------
# compare: claims lined up across stored articles

from .render import CompareFormat  # noqa: E402 - kept beside the command it serves


def _choices(values: list[str] | None, allowed: tuple[str, ...], option: str) -> list[str]:
    """Repeatable and comma-separated option values, checked."""
    out = [v.strip().lower() for value in values or [] for v in value.split(",") if v.strip()]
    bad = [v for v in out if v not in allowed]
    if bad:
        raise UsageError(f"{option} {bad[0]!r} is not one of {', '.join(allowed)}")
    return out


@app.command()
def compare(
    docs: Annotated[list[str] | None, typer.Argument(
        help="Doc ids (or unique prefixes) to compare (default: every stored article).", metavar="DOC",
        show_default=False)] = None,
    fmt: Annotated[CompareFormat | None, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="table (default on a terminal), json (one array of groups), jsonl (default when piped) or md.")] = None,
    store: StoreOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", "-k", help="Only groups of this kind: figure, quote, statement (repeatable or comma-separated).")] = None,
    min_similarity: Annotated[float, typer.Option(
        "--min-similarity", min=0.01, max=1.0,
        help="How alike two quotes (Jaccard of their content words) or two statements (share of the shorter one's content words) must be.")] = 0.6,
    fail_on: Annotated[list[str] | None, typer.Option(
        "--fail-on", help="Exit 3 when groups with these verdicts exist, e.g. differ,misattributed.")] = None,
    verdict: Annotated[list[str] | None, typer.Option(
        "--verdict", help="Only show groups with these verdicts (comma-separated).")] = None,
) -> None:
    """Line up claims across stored articles: figures that agree, differ or were updated, quotes corroborated,
    reworded, misattributed or repeated, statements several outlets report.

    Verdicts: misattributed, differ, reworded, updated, repeated, corroborated, agree, single.
    Exit 3 when --fail-on names a verdict that was found (findings never change the exit code otherwise).

    Example: claimcli compare --since 2026-03-09 --fail-on differ,misattributed --format md > report.md
    """
    def body() -> int:
        import dataclasses
        import gc

        from .compare import KINDS, VERDICTS
        from .compare import compare as run_compare
        from .render import compare_counts, write_comparison

        kinds = _choices(kind, KINDS, "--kind") or list(KINDS)
        failing = set(_choices(fail_on, VERDICTS, "--fail-on"))
        shown = set(_choices(verdict, VERDICTS, "--verdict"))
        first, last = check_date(since, "--since"), check_date(until, "--until")
        opened = _open_store(store)
        collecting = gc.isenabled()
        gc.disable()  # millions of small acyclic records, until they are printed
        try:
            result = run_compare(opened, docs or None, since=first, until=last, kinds=kinds,
                                 min_similarity=min_similarity)
            found = any(g.verdict in failing for g in result.groups)
            if shown:
                result = dataclasses.replace(result, groups=tuple(g for g in result.groups if g.verdict in shown))
            chosen = fmt if fmt is not None else (CompareFormat.table if sys.stdout.isatty() else CompareFormat.jsonl)
            write_comparison(result, chosen, sys.stdout)
            if sys.stderr.isatty() and chosen is not CompareFormat.table:
                notice(compare_counts(result))
            return int(ExitCode.FINDINGS) if found else int(ExitCode.OK)
        finally:
            if collecting:
                gc.enable()

    run_guarded(body)


# --------------------------------------------------------------------------
# report: the morning briefing

from .render_report import SUFFIX_FORMATS, ReportFormat  # noqa: E402 - kept beside the command it serves


@app.command()
def report(
    since: Annotated[str, typer.Option(
        "--since", help="Start of the window: a duration back from now (24h, 7d, 2w) or a date (YYYY-MM-DD), "
                        "by publication date; or last: articles stored since the last `report --since last`.")] = "24h",
    until: Annotated[str | None, typer.Option(
        "--until", help="End of the window (inclusive): a duration back from now or a date (default: now).",
        show_default=False)] = None,
    fmt: Annotated[ReportFormat | None, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="text, md, html (one self-contained file) or json (default: from the --output suffix, else text).",
        show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.", show_default=False)] = None,
    store: StoreOption = None,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
    fail_on: Annotated[list[str] | None, typer.Option(
        "--fail-on", help="Exit 3 when groups with these verdicts concern the window, e.g. differ,misattributed.")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Report as if it were this time (ISO, e.g. 2026-03-12T06:00Z; default: the clock).",
        show_default=False)] = None,
) -> None:
    """The briefing an editor reads in the morning: headline numbers, what changed (figures updated, conflicts,
    reworded and misattributed quotes), key figures with their history, claims by speaker with their stance,
    and the window's articles; every item points back to its article and offsets.

    Waits while another run writes to the store (exit 75 after --lock-timeout).  Findings never change the
    exit code unless --fail-on names them (exit 3).

    Example: claimcli report --since last --format html --output briefing.html
    """
    def body() -> int:
        import datetime as dt

        from .compare import VERDICTS
        from .render_report import render_report
        from .report import build_report, parse_time, record_run

        failing = set(_choices(fail_on, VERDICTS, "--fail-on"))
        clock = dt.datetime.now(dt.UTC)
        now = parse_time(as_of, clock, "--as-of")[0] if as_of is not None else clock
        chosen = fmt or (SUFFIX_FORMATS.get(output.suffix.lower()) if output else None) or ReportFormat.text
        _utf8_streams()
        opened = _open_store(store, lock_timeout=lock_timeout)
        if output is not None:
            check_output_path(output, store_root=opened.root)  # before the work, not after
        with opened.locked():  # wait for an ingest to finish; the state is written under the same lock
            result = build_report(opened, since=since, until=until, now=now)
            chunks = render_report(result, chosen)
            if output is None:
                _write(chunks)
            else:
                write_output(output, chunks, store_root=opened.root)
            record_run(opened, result)
        _after(opened)
        if output is not None and sys.stderr.isatty():
            notice(f"wrote the {chosen.value} report to {output} ({result.headline.articles} articles, "
                   f"{len(result.changes)} changes)")
        return int(ExitCode.FINDINGS) if any(result.verdicts.get(v) for v in failing) else int(ExitCode.OK)

    run_guarded(body)


def run() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        # Default SIGPIPE handling would kill us silently mid-write; we handle
        # BrokenPipeError ourselves instead.
        pass
    app()
