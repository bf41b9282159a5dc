"""Library operations behind the commands: read inputs, extract, filter.

Functions here return models or iterators and never print or exit; the CLI
renders what they return.
"""

from __future__ import annotations

import functools
import json
import os
import select
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from .budget import DEFAULT_ARTICLE_TIMEOUT, budgeted
from .errors import BadInputError, ClaimcliError, InputMissingError
from .models import Claim, Document, to_dict
from .text import decode

#: Where per-article extraction runs: this machine's cores, or a Dask cluster.
Engine = Literal["local", "dask"]

#: Inputs larger than this are refused unless --max-bytes raises it.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, and why."""

    source: str
    error: ClaimcliError


def read_source(
    source: str,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> str:
    """The decoded text of a path, or of stdin for ``-``."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputMissingError(f"no such file: {source}; check the path")
        if path.is_dir():
            raise BadInputError(f"{source} is a directory; pass the files inside it (e.g. {source}/*.txt)")
        try:
            if path.stat().st_size > max_bytes:
                raise BadInputError(
                    f"{source} is larger than --max-bytes ({max_bytes} bytes); raise --max-bytes to read it"
                )
            with path.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except PermissionError:
            raise InputMissingError(f"cannot read {source}: permission denied") from None
        except IsADirectoryError:
            raise BadInputError(f"{source} is a directory; pass the files inside it") from None
        except OSError as err:
            raise InputMissingError(f"cannot read {source}: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise BadInputError(f"{source} is larger than --max-bytes ({max_bytes} bytes); raise --max-bytes to read it")
    return decode(data, encoding, name=source)


@dataclass(frozen=True, slots=True)
class SourceText:
    """One input to extract: a path read where it is extracted (``text`` is
    None), or text already read (stdin, or anything sent to another machine)."""

    source: str
    text: str | None = None


def extract_source(
    item: SourceText | Failure,
    *,
    published: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> Document | Failure:
    """Read (when needed) and extract one input; an input that cannot be
    read, or whose extraction takes more than ``timeout`` seconds of CPU
    time (see ``claimcli.budget``), is a Failure (a Failure passes through).
    Pure apart from reading the path, and picklable: what the workers of
    ``extract_sources`` run."""
    from .extract import analyse

    if isinstance(item, Failure):
        return item
    try:
        text = item.text
        if text is None:
            text = read_source(item.source, encoding=encoding, max_bytes=max_bytes)
        return budgeted(timeout, item.source, analyse, text, source=item.source, published=published)
    except ClaimcliError as err:
        return Failure(item.source, err)


def extract_sources(
    sources: Iterable[str],
    *,
    published: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> Iterator[Document | Failure]:
    """Extract every source in order; a failing input (unreadable, or over
    ``timeout`` seconds of CPU time) yields a Failure and the rest go on.

    ``jobs`` worker processes (0: every core; default 1, in this process)
    read and extract files in parallel; stdin is read here.  With
    ``engine="dask"`` every input is read here and its text sent to the Dask
    cluster at ``scheduler`` (default: a local cluster of ``jobs`` workers).
    The output is the same, in the same order, whatever the engine.
    """
    from .extract import analyse  # noqa: F401 - compiled once here, before workers fork

    remote = engine == "dask"

    def items() -> Iterator[SourceText | Failure]:
        for source in sources:
            if source != "-" and not remote:
                yield SourceText(source)
                continue
            try:
                yield SourceText(source, read_source(source, encoding=encoding, max_bytes=max_bytes, stdin=stdin))
            except ClaimcliError as err:
                yield Failure(source, err)

    work = functools.partial(extract_source, published=published, encoding=encoding, max_bytes=max_bytes,
                             timeout=timeout)
    yield from run_engine(work, items(), jobs=jobs, engine=engine, scheduler=scheduler)


def run_engine(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    would_block: Callable[[], bool] | None = None,
) -> Iterator[Any]:
    """``fn`` over ``items`` in order on the chosen engine (see
    ``claimcli.parallel``): ``local`` with ``jobs`` processes (default 1: in
    this process), or ``dask`` with ``jobs`` local workers (default: every
    core) or the cluster of ``scheduler``."""
    from .parallel import cpu_count, dask_map, map_ordered, resolve_jobs

    if engine == "dask":
        workers = cpu_count() if jobs is None else resolve_jobs(jobs)
        return dask_map(fn, items, scheduler=scheduler, workers=workers)
    return map_ordered(fn, items, jobs=resolve_jobs(jobs), would_block=would_block)


# --------------------------------------------------------------------------
# JSON Lines in, one document record per line out (`extract --jsonl`)


@dataclass(frozen=True, slots=True)
class LineResult:
    """The output line for one input line: a document record, or the error
    record ``{"line": n, "error": ...}`` (then ``error`` holds the message)."""

    line: int
    output: str
    error: str | None = None


#: Non-ASCII kept as it is (as render.dumps does): the same bytes whatever the engine.
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ASCII_ENCODER = json.JSONEncoder(ensure_ascii=True)


def _json_line(data: Any) -> str:
    line = _ENCODER.encode(data)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate ("\ud800" in the input) stays escaped
        line = _ASCII_ENCODER.encode(data)
    return line


def extract_line(
    item: tuple[int, str, bytes | None],
    *,
    published: str | None = None,
    encoding: str | None = None,
    kinds: tuple[str, ...] = (),
    speaker: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> LineResult:
    """One JSON Lines article -> its output line.  ``item`` is (output line
    number, a label such as "line 3", the raw line or None when it was longer
    than ``max_bytes``).  Never raises: what goes wrong is the error record."""
    n, label, raw = item
    try:
        if raw is None:
            raise BadInputError(f"{label} is larger than --max-bytes ({max_bytes} bytes); raise --max-bytes")
        if not raw.strip():
            raise BadInputError(f"{label} is empty; each line needs a JSON object with a 'text' string")
        try:
            record = json.loads(decode(raw, encoding, name=label))
        except ValueError as err:
            raise BadInputError(f"{label} is not valid JSON ({err}); fix that line") from None
        document = extract_record(record, published=published, label=label, timeout=timeout)
        if kinds or speaker:
            document = filter_claims(document, kinds=kinds, speaker=speaker)
        return LineResult(n, _json_line(to_dict(document)))
    except ClaimcliError as err:
        message = err.message
    except RecursionError:
        message = f"{label} is nested too deeply to be an article record; fix that line"
    except Exception as err:  # noqa: BLE001 - an extractor bug fails one line, not the stream
        message = (f"the extractor failed on {label} ({type(err).__name__}: {err}); "
                   "please report it with this article")
    return LineResult(n, _json_line({"line": n, "error": message}), message)


class LineReader:
    """Lines of a binary stream, each at most ``max_bytes`` (a longer one is
    skipped and given as None), read in blocks so memory stays flat.

    ``would_block()`` says whether the next line has to wait for the writer
    (a slow pipe): the caller then flushes what it has first.
    """

    BLOCK = 1 << 16

    def __init__(self, stream: BinaryIO, max_bytes: int) -> None:
        self.stream = stream
        self.max_bytes = max_bytes
        self.buffer = bytearray()
        self.eof = False
        try:
            self.fd: int | None = stream.fileno()
        except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError
            self.fd = None

    def _fill(self) -> None:
        if self.fd is not None:
            data = os.read(self.fd, self.BLOCK)
        else:
            read1 = getattr(self.stream, "read1", None)
            data = read1(self.BLOCK) if read1 is not None else self.stream.read(self.BLOCK)
        if data:
            self.buffer += data
        else:
            self.eof = True

    def would_block(self) -> bool:
        if self.eof or self.fd is None or b"\n" in self.buffer:
            return False
        try:
            ready, _, _ = select.select([self.fd], [], [], 0)
        except (OSError, ValueError):
            return False
        return not ready

    def __iter__(self) -> Iterator[bytes | None]:
        too_long = False
        searched = 0
        while True:
            at = self.buffer.find(b"\n", searched)
            if at < 0:
                if self.eof:
                    if self.buffer or too_long:
                        last = None if too_long or len(self.buffer) > self.max_bytes else bytes(self.buffer)
                        self.buffer.clear()
                        yield last
                    return
                if len(self.buffer) > self.max_bytes:
                    too_long = True
                    self.buffer.clear()
                searched = len(self.buffer)
                self._fill()
                continue
            line = bytes(self.buffer[:at])
            del self.buffer[:at + 1]
            searched = 0
            if too_long or len(line) > self.max_bytes:
                too_long = False
                yield None
            else:
                yield line


def extract_lines(
    sources: Iterable[str],
    *,
    published: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    kinds: Iterable[str] = (),
    speaker: str | None = None,
    stdin: BinaryIO | None = None,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> Iterator[LineResult | Failure]:
    """A streaming filter: every line of the JSON Lines inputs (``-`` is
    stdin) is one article record (see ``extract_record``); yields one
    ``LineResult`` per line, in order, numbered from 1 across the inputs, as
    soon as it is ready.  A line that fails is an error record and the rest
    go on; an input that cannot be opened is a Failure.  Reads one line at a
    time (plus a bounded window of lines in flight), so memory stays flat.
    """
    from .extract import analyse  # noqa: F401 - compiled once here, before workers fork

    current: list[LineReader] = []

    def items() -> Iterator[tuple[int, str, bytes | None] | Failure]:
        n = 0
        for source in sources:
            if source == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                reader = LineReader(stream, max_bytes)
                current[:] = [reader]
                for raw in reader:
                    n += 1
                    yield n, f"line {n}", raw
                continue
            try:
                fh = open(source, "rb")  # noqa: SIM115 - closed below, streamed block by block
            except FileNotFoundError:
                yield Failure(source, InputMissingError(f"no such file: {source}; check the path"))
                continue
            except IsADirectoryError:
                yield Failure(source, BadInputError(f"{source} is a directory; pass the .jsonl files inside it"))
                continue
            except OSError as err:
                yield Failure(source, InputMissingError(f"cannot read {source}: {err.strerror or err}"))
                continue
            with fh:
                reader = LineReader(fh, max_bytes)
                current[:] = [reader]
                for k, raw in enumerate(reader, 1):
                    n += 1
                    yield n, f"{source} line {k}", raw

    work = functools.partial(_extract_item, published=published, encoding=encoding, kinds=tuple(kinds),
                             speaker=speaker, max_bytes=max_bytes, timeout=timeout)
    yield from run_engine(work, items(), jobs=jobs, engine=engine, scheduler=scheduler,
                          would_block=lambda: bool(current) and current[0].would_block())


def _extract_item(item: tuple[int, str, bytes | None] | Failure, **options: Any) -> LineResult | Failure:
    if isinstance(item, Failure):
        return item
    return extract_line(item, **options)


def filter_claims(
    document: Document, *, kinds: Iterable[str] = (), speaker: str | None = None
) -> Document:
    """The document with only the claims of the given kinds / speaker
    (case-insensitive substring of the resolved name or the mention)."""
    wanted = {k.lower() for k in kinds}
    needle = speaker.lower() if speaker else None

    def keep(claim: Claim) -> bool:
        if wanted and claim.kind not in wanted:
            return False
        if needle is not None:
            if claim.speaker is None:
                return False
            return needle in claim.speaker.name.lower() or needle in claim.speaker.mention.lower()
        return True

    claims = tuple(c for c in document.claims if keep(c))
    if len(claims) == len(document.claims):
        return document
    return Document(document.doc, document.source, document.title, document.publisher,
                    document.published, claims, document.times, document.figures, document.extractor)


def extract_record(record: Mapping[str, Any], *, published: str | None = None, label: str = "the record",
                   timeout: float | None = None) -> Document:
    """One article record -> its Document (see ``extract_document``).
    ``published`` (``--date``) overrides the record's own date; ``timeout``
    seconds of CPU time at most (``claimcli.budget``; None: no limit)."""
    from .extract import analyse

    if not isinstance(record, Mapping):
        raise BadInputError(f"{label} is not a JSON object; give {{\"text\": ...}} per article")
    text = record.get("text")
    if not isinstance(text, str):
        raise BadInputError(f"{label} has no 'text' string; give {{\"text\": ...}} per article")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:  # JSON allows "\ud800"; text cannot hold it
        raise BadInputError(f"{label} has a lone surrogate in its 'text' (code point {err.start}); "
                            "fix the record's encoding") from None
    fields: dict[str, str | None] = {}
    for key in ("title", "publisher", "published", "date", "url", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadInputError(f"{label} has a {key!r} that is not a string; give a string or null")
        fields[key] = value or None
    return budgeted(
        timeout, label, analyse, text,
        source=fields["url"] or fields["source"] or "-",
        title=fields["title"],
        publisher=fields["publisher"],
        published=published or fields["published"] or fields["date"],
    )


def extract_document(record: Mapping[str, Any]) -> dict[str, Any]:
    """Pure, picklable: one article record in, the DESIGN.md document record out.

    ``record`` holds ``text`` and optionally ``title``, ``publisher``,
    ``published`` (YYYY-MM-DD; relative dates resolve against it) and
    ``url`` (or ``source``).  The result is the record ``extract --format
    json`` prints for that article -- ``doc``, ``source``, ``title``,
    ``publisher``, ``published``, ``claims``, ``times``, ``figures`` -- plus
    ``extractor``, the EXTRACTOR_VERSION that made it.  Raises
    ``BadInputError`` for a record without a ``text`` string.

    This is the function every engine maps over articles: the process pool
    of ``--jobs``, a Dask bag (``--engine dask``), Spark's ``rdd.map``.
    It reads no files, no environment and no clock.
    """
    return to_dict(extract_record(record))  # type: ignore[no-any-return]


def default_store() -> Path:
    """``$CLAIMCLI_STORE``, else ``$XDG_DATA_HOME/claimcli``, else
    ``~/.local/share/claimcli``."""
    if os.environ.get("CLAIMCLI_STORE"):
        return Path(os.environ["CLAIMCLI_STORE"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "claimcli"
