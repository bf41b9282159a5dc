"""The local JSON store: one folder, atomic, locked, versioned.

Layout (schema 2)::

    STORE/store.json              {"format": "claimcli-store", "schema": 2}
    STORE/articles/ab/<doc>.json  one article (models.Article) as one line of JSON
    STORE/index.jsonl             one line per change, the last line for a doc wins:
                                  {"doc", "op": "put", "published", "publisher", "title",
                                   "source", "url", "previous", "extractor", "ingested_at", "claims"}
                                  or {"doc", "op": "remove", "url", "removed_at"}
    STORE/journal.jsonl           the index lines of a write in progress (only during a
                                  write, or after a writer was killed)
    STORE/lock                    writers hold an exclusive flock on it
    STORE/report.json             {"last_run": ...}: where the last ``report --since last`` ended
    STORE/quarantine/             files ``verify --repair`` moved out of the way

Guarantees:

* every file is written to a temporary name in the same folder, flushed,
  fsynced, renamed over the target, and the folder fsynced: a reader sees the
  old file or the new one, never half of one;
* a write (``add``, ``remove``, ``refresh``) runs under the lock and goes
  journal -> article files (fsynced) -> index lines (fsynced) -> journal
  removed.  ``add`` returns only when the index is durable, so whatever a
  caller reports as stored survives a SIGKILL or a power cut;
* whoever takes the lock next finishes an interrupted write from the journal
  (like SQLite's hot journal), so a killed run leaves a store that verifies;
* readers (``list``, ``get``, ``export``) take no lock: they read complete
  index lines only and article files that are always whole;
* listing and filtering read the index only, never the article files;
* a store written in an older layout is migrated when it is opened.

This module never prints; it returns models and raises ClaimcliError
subclasses.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import fcntl
import itertools
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import (
    ArticleNotFoundError,
    StoreCorruptError,
    StoreLockedError,
    StoreMissingError,
    StoreVersionError,
    StoreWriteError,
    UsageError,
)
from .models import (
    Article,
    ArticleInfo,
    Claim,
    Content,
    Cue,
    Figure,
    MigrationResult,
    Problem,
    RemoveResult,
    Speaker,
    TimeRef,
    VerifyReport,
    record_fields,
)
from .text import doc_id

#: The layout this code reads and writes; older layouts are migrated on open.
SCHEMA = 2
STORE_FORMAT = "claimcli-store"

META_FILE = "store.json"
V1_VERSION_FILE = "VERSION"
INDEX_FILE = "index.jsonl"
JOURNAL_FILE = "journal.jsonl"
LOCK_FILE = "lock"
REPORT_STATE_FILE = "report.json"
ARTICLES_DIR = "articles"
QUARANTINE_DIR = "quarantine"
#: Names that may sit in a store folder; anything else means "not a store".
STORE_NAMES = frozenset({META_FILE, V1_VERSION_FILE, INDEX_FILE, JOURNAL_FILE, LOCK_FILE, ARTICLES_DIR,
                         QUARANTINE_DIR, REPORT_STATE_FILE})

#: Seconds a writer waits for another writer before giving up (exit 75).
DEFAULT_LOCK_TIMEOUT = 60.0
#: A waiting writer says so on stderr after this many seconds.
WAIT_NOTICE_AFTER = 0.5
#: Rewrite the index once it has this many lines and more than half are
#: superseded (updates, removals, re-extractions).
COMPACT_MIN_LINES = 1000

RE_DOC = re.compile(r"[0-9a-f]{16}\Z")
RE_ARTICLE_NAME = re.compile(r"([0-9a-f]{16})\.json\Z")
RE_SHARD = re.compile(r"[0-9a-f]{2}\Z")
RE_TMP = re.compile(r"\..+\.\d+\.\d+\.tmp\Z")
# Index lines are written with a fixed head so that listing can filter by
# date without parsing the line: {"doc":"<16 hex>","op":"put","published":"2026-03-09",...
RE_PUT_HEAD = re.compile(r'\{"doc":"([0-9a-f]{16})","op":"put","published":(?:"([^"\\]*)"|null)[,}]')
RE_REMOVE_HEAD = re.compile(r'\{"doc":"([0-9a-f]{16})","op":"remove"[,}]')

#: Keys an article file must have, with their JSON types.
ARTICLE_KEYS: dict[str, type | tuple[type, ...]] = {
    "doc": str, "source": str, "ingested_at": str, "extractor": str, "text": str,
    "claims": list, "times": list, "figures": list,
}


# --------------------------------------------------------------------------
# Files


def compact_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


#: ``compact_json(to_dict(record))`` in one pass: the C encoder walks tuples
#: itself and asks for a record's fields only (ingest writes every claim of
#: every article; tests pin that the bytes are identical).
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=record_fields)


def record_json(record: Any) -> str:
    """The compact JSON of a record: the same text as
    ``compact_json(to_dict(record))``, produced faster."""
    return _RECORD_ENCODER.encode(record)


def utc_now() -> str:
    """UTC time with microseconds: orders versions ingested within a second."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_tmp_counter = itertools.count()


def temp_path(path: Path) -> Path:
    """A temporary name next to ``path`` (same folder, so the rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{next(_tmp_counter)}.tmp")


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2), or None where the C library lacks it."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.syncfs  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


_SYNCFS: list[Callable[[int], int] | None] = []


def fsync_dirs(paths: Iterable[Path]) -> None:
    """Make renames in many folders durable.  One syncfs(2) of the file
    system replaces a fsync per folder where Linux offers it (a batch of
    articles lands in up to 256 shard folders); elsewhere each folder is
    fsynced."""
    folders = list(dict.fromkeys(paths))
    if len(folders) > 1:
        if not _SYNCFS:
            _SYNCFS.append(_syncfs())
        syncfs = _SYNCFS[0]
        if syncfs is not None:
            fd = os.open(folders[0], os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                if syncfs(fd) == 0:
                    return
            finally:
                os.close(fd)
    for folder in folders:
        fsync_dir(folder)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomic(path: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new
    one: temporary file in the same folder, fsync, rename, fsync the folder
    (``sync_dir=False`` leaves that to a caller writing many files)."""
    tmp = temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if sync_dir:
        fsync_dir(path.parent)


def write_atomic_many(items: Sequence[tuple[Path, bytes]]) -> None:
    """``write_atomic`` for many files at once: write every temporary file,
    then fsync each, then rename each.  Every file is still durable before
    its rename, but the file system commits its journal once for the batch
    instead of once per file.  Folders are left for the caller to fsync."""
    pending: list[tuple[Path, Path, int]] = []
    try:
        for path, data in items:
            tmp = temp_path(path)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            pending.append((tmp, path, fd))
            _write_all(fd, data)
        for _tmp, _path, fd in pending:
            os.fsync(fd)
        while pending:
            tmp, path, fd = pending[0]
            os.close(fd)
            os.replace(tmp, path)
            pending.pop(0)
    except BaseException:
        for tmp, _path, fd in pending:
            with contextlib.suppress(OSError):
                os.close(fd)
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise


# --------------------------------------------------------------------------
# Records


def _span(value: Any) -> tuple[int, int]:
    return (int(value[0]), int(value[1]))


def figure_from_dict(data: dict[str, Any]) -> Figure:
    return Figure(data["text"], _span(data["span"]), data.get("value"), data.get("low"), data.get("high"),
                  data.get("qualifier", "exact"), data.get("object"), data.get("event"), data.get("part_of"))


def time_from_dict(data: dict[str, Any]) -> TimeRef:
    return TimeRef(data["text"], _span(data["span"]), data.get("value"), data.get("grain", ""))


def claim_from_dict(data: dict[str, Any]) -> Claim:
    sp, cue, content = data.get("speaker"), data.get("cue"), data["content"]
    return Claim(
        id=data["id"],
        kind=data["kind"],
        span=_span(data["span"]),
        speaker=Speaker(sp["name"], sp["mention"], _span(sp["span"]), sp.get("role"), sp["type"]) if sp else None,
        cue=Cue(cue["text"], cue["lemma"], _span(cue["span"]), cue["stance"]) if cue else None,
        content=Content(content["text"], _span(content["span"]), bool(content["direct"])),
        channel=data.get("channel"),
        figures=tuple(figure_from_dict(f) for f in data.get("figures", ())),
        times=tuple(time_from_dict(t) for t in data.get("times", ())),
        hedges=tuple(data.get("hedges", ())),
        confidence=data.get("confidence", 0.5),
    )


def article_from_dict(data: dict[str, Any]) -> Article:
    """The inverse of ``to_dict(article)``: one article file back to a model."""
    return Article(
        doc=data["doc"], source=data["source"], url=data.get("url"), title=data.get("title"),
        publisher=data.get("publisher"), published=data.get("published"), previous=data.get("previous"),
        ingested_at=data["ingested_at"], extractor=data["extractor"],
        claims=tuple(claim_from_dict(c) for c in data["claims"]),
        times=tuple(time_from_dict(t) for t in data["times"]),
        figures=tuple(figure_from_dict(f) for f in data["figures"]),
        text=data["text"],
    )


def index_entry(article: Article | dict[str, Any]) -> dict[str, Any]:
    """The index line of an article (from the model or from its file)."""
    # Key order is part of the format: the head is matched by RE_PUT_HEAD.
    if isinstance(article, Article):
        return {
            "doc": article.doc, "op": "put", "published": article.published, "publisher": article.publisher,
            "title": article.title, "source": article.source, "url": article.url, "previous": article.previous,
            "extractor": article.extractor, "ingested_at": article.ingested_at, "claims": len(article.claims),
        }
    data = article
    return {
        "doc": data["doc"], "op": "put", "published": data.get("published"), "publisher": data.get("publisher"),
        "title": data.get("title"), "source": data["source"], "url": data.get("url"),
        "previous": data.get("previous"), "extractor": data["extractor"], "ingested_at": data["ingested_at"],
        "claims": len(data.get("claims") or ()),
    }


def _info(entry: dict[str, Any]) -> ArticleInfo:
    get = entry.get  # positional and bound: `store list` builds 100,000 of these
    return ArticleInfo(entry["doc"], get("title"), get("publisher"), get("published"), get("source") or "",
                       get("url"), get("previous"), get("ingested_at"), get("extractor"), get("claims") or 0)


#: Decodes one index line (a single JSON object) without json.loads' extra pass.
_decode_line = json.JSONDecoder().raw_decode


def _head(line: str) -> tuple[str, str] | None:
    """(doc, op) of an index line, parsing JSON only when the fast head fails."""
    match = RE_PUT_HEAD.match(line)
    if match:
        return match.group(1), "put"
    match = RE_REMOVE_HEAD.match(line)
    if match:
        return match.group(1), "remove"
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str) or entry.get("op") not in ("put", "remove"):
        return None
    return entry["doc"], entry["op"]


def check_article_data(data: Any, doc: str, *, check_text: bool = True) -> str | None:
    """Why ``data`` (a parsed article file named ``doc``) is not a sound
    article, or None when it is."""
    if not isinstance(data, dict):
        return "not a JSON object"
    for key, kind in ARTICLE_KEYS.items():
        if not isinstance(data.get(key), kind):
            return f"'{key}' is missing or has the wrong type"
    if data["doc"] != doc:
        return f"holds doc {data['doc']!r}, not {doc!r}"
    if check_text and doc_id(data["text"]) != doc:
        return "its text does not hash to its doc id (the text was changed or damaged)"
    return None


def _read_article(path: Path, doc: str, *, check_text: bool = True) -> tuple[dict[str, Any] | None, str, str]:
    """(data, "", "") for a sound article file, else (None, problem kind, reason)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, "missing", "the file is missing"
    except OSError as err:
        return None, "unreadable", f"cannot be read ({err.strerror or err})"
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        return None, "corrupt", "is not UTF-8 (damaged)"
    except ValueError as err:
        where = f" at byte {err.pos}" if isinstance(err, json.JSONDecodeError) else ""
        return None, "corrupt", f"is not valid JSON{where} (truncated or damaged)"
    reason = check_article_data(data, doc, check_text=check_text)
    if reason:
        return None, "corrupt", reason
    return data, "", ""


# --------------------------------------------------------------------------
# What a writer remembers of the index between writes


class _IndexView:
    """Live docs and the newest doc per URL, read incrementally: a writer
    re-reads only the lines appended since it last looked (or everything
    after a compaction replaced the file)."""

    __slots__ = ("ino", "offset", "live", "urls", "lines")

    def __init__(self) -> None:
        self.ino = -1
        self.offset = 0
        self.live: set[str] = set()
        self.urls: dict[str, str] = {}
        self.lines = 0

    def reset(self, ino: int = -1) -> None:
        self.__init__()  # type: ignore[misc]
        self.ino = ino

    def refresh(self, path: Path) -> None:
        try:
            fh = path.open("rb")
        except FileNotFoundError:
            self.reset()
            return
        with fh:
            st = os.fstat(fh.fileno())
            if st.st_ino != self.ino or st.st_size < self.offset:
                self.reset(st.st_ino)
            if st.st_size == self.offset:
                return
            fh.seek(self.offset)
            data = fh.read()
        end = data.rfind(b"\n") + 1  # complete lines only: a writer may be mid-append
        for raw in data[:end].split(b"\n")[:-1]:
            self.lines += 1
            self._apply(raw)
        self.offset += end

    def _apply(self, raw: bytes) -> None:
        try:
            entry = json.loads(raw)
            doc, op, url = entry["doc"], entry["op"], entry.get("url")
        except (ValueError, TypeError, KeyError):
            return  # verify names bad lines
        if op == "put":
            # A re-put of a live doc (re-extraction) does not make it the
            # newest version of its URL.
            if url and doc not in self.live:
                self.urls[url] = doc
            self.live.add(doc)
        elif op == "remove":
            self.live.discard(doc)
            if url and self.urls.get(url) == doc:
                del self.urls[url]


# --------------------------------------------------------------------------
# The store


class Store:
    """A claimcli store folder.  Use ``Store.open``; readers need no lock,
    writers take it themselves (``lock_timeout`` seconds at most; ``on_wait``
    is called once with a message when they have to wait)."""

    def __init__(self, root: Path | str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.root = Path(root)
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self.migration: MigrationResult | None = None
        #: Writes an earlier, interrupted run had left in the journal and this
        #: store finished (articles added to or removed from the index).
        self.recovered = 0
        self._lock_fd: int | None = None
        self._lock_depth = 0
        self._view = _IndexView()
        self._meta_problem: str | None = None

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, root: Path | str, *, create: bool = False, strict: bool = True,
             lock_timeout: float = DEFAULT_LOCK_TIMEOUT, on_wait: Callable[[str], None] | None = None) -> Store:
        """Open the store at ``root``; ``create`` makes a new one when there is
        none; an older layout is migrated (under the lock).  ``strict=False``
        opens a store whose ``store.json`` is damaged, for ``verify``."""
        store = cls(root, lock_timeout=lock_timeout, on_wait=on_wait)
        schema = store._detect(strict=strict)
        if schema is None:
            if not create:
                raise StoreMissingError(
                    f"no store at {store.root}; add articles with `claimcli ingest PATH` or pass --store DIR"
                )
            store._create()
        elif schema < SCHEMA:
            store._migrate()
        elif schema > SCHEMA:
            raise StoreVersionError(
                f"the store at {store.root} has schema {schema}, newer than this claimcli reads ({SCHEMA}); "
                "upgrade claimcli"
            )
        return store

    def _detect(self, *, strict: bool) -> int | None:
        """The schema on disk, or None when there is no store yet."""
        meta = self.root / META_FILE
        if meta.exists():
            try:
                data = json.loads(meta.read_bytes())
                if data.get("format") != STORE_FORMAT:
                    raise ValueError("not a claimcli store file")
                return int(data["schema"])
            except (OSError, ValueError, TypeError, KeyError, AttributeError) as err:
                self._meta_problem = f"{META_FILE} is damaged ({err})"
                if strict:
                    raise StoreCorruptError(
                        f"{meta} cannot be read ({err}); run `claimcli store verify --repair --store {self.root}`"
                    ) from None
                return SCHEMA
        version = self.root / V1_VERSION_FILE
        if version.exists():
            try:
                return int(version.read_text(encoding="utf-8").strip())
            except (OSError, ValueError):
                raise StoreCorruptError(f"{version} does not hold a schema number; restore it or remove it") from None
        if not self.root.exists():
            return None
        if not self.root.is_dir():
            raise StoreVersionError(f"{self.root} is a file, not a store folder; pass a folder to --store")
        names = {n for n in os.listdir(self.root) if not RE_TMP.match(n)}
        if names - STORE_NAMES:
            raise StoreVersionError(
                f"{self.root} is not a claimcli store (it has no {META_FILE} and holds other files); "
                "pass an empty or new folder to --store"
            )
        articles = self.root / ARTICLES_DIR
        if articles.is_dir():
            with os.scandir(articles) as it:
                entries = list(it)
            if any(RE_ARTICLE_NAME.match(e.name) and e.is_file() for e in entries):
                return 1  # v1 kept articles/<doc>.json, with no index
            if entries or (self.root / INDEX_FILE).exists():
                self._meta_problem = f"{META_FILE} is missing"
                if strict:
                    raise StoreCorruptError(
                        f"{self.root} has articles but no {META_FILE}; "
                        f"run `claimcli store verify --repair --store {self.root}`"
                    )
                return SCHEMA
        return None

    def _create(self) -> None:
        try:
            new_root = not self.root.exists()
            self.root.mkdir(parents=True, exist_ok=True)
            if new_root:
                fsync_dir(self.root.parent)
        except OSError as err:
            raise StoreWriteError(f"cannot create the store at {self.root}: {err.strerror or err}; "
                                  "pass a writable folder to --store") from None
        with self.locked():
            if not (self.root / META_FILE).exists():
                with self._writing(self.root):
                    (self.root / ARTICLES_DIR).mkdir(exist_ok=True)
                    self._write_meta()

    def _write_meta(self) -> None:
        meta = {"format": STORE_FORMAT, "schema": SCHEMA, "shards": "articles/<doc[:2]>/<doc>.json"}
        write_atomic(self.root / META_FILE, (json.dumps(meta, indent=2) + "\n").encode())
        self._meta_problem = None

    # -- locking -----------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's exclusive writer lock (re-entrant).  Waits up to
        ``lock_timeout`` seconds, then raises StoreLockedError (exit 75).
        Taking the lock finishes any write a killed writer left behind."""
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        path = self.root / LOCK_FILE
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreWriteError(f"cannot open {path}: {err.strerror or err}; "
                                  "check the permissions of the store folder") from None
        try:
            self._acquire(fd, path)
        except BaseException:
            os.close(fd)
            raise
        self._lock_fd, self._lock_depth = fd, 1
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            if (self.root / META_FILE).exists() or (self.root / INDEX_FILE).exists():
                self._recover()
            yield
        finally:
            self._lock_fd, self._lock_depth = None, 0
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _acquire(self, fd: int, path: Path) -> None:
        start = time.monotonic()
        deadline = start + max(0.0, self.lock_timeout)
        told = False
        delay = 0.01
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except OSError as err:
                if err.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise StoreWriteError(f"cannot lock {path}: {err.strerror or err}") from None
            now = time.monotonic()
            holder = self._holder(path)
            if now >= deadline:
                raise StoreLockedError(
                    f"the store at {self.root} is locked by another claimcli run{holder} for more than "
                    f"{self.lock_timeout:g} s; retry later or raise --lock-timeout"
                )
            if not told and self.on_wait and now - start >= min(WAIT_NOTICE_AFTER, self.lock_timeout / 2):
                told = True
                self.on_wait(f"waiting for the store at {self.root}: another claimcli run{holder} is writing "
                             f"(giving up after {self.lock_timeout:g} s; see --lock-timeout)")
            time.sleep(min(delay, max(0.0, deadline - now)))
            delay = min(delay * 2, 0.2)

    @staticmethod
    def _holder(path: Path) -> str:
        with contextlib.suppress(OSError, ValueError):
            pid = int(path.read_text(encoding="ascii").strip())
            return f" (pid {pid})"
        return ""

    @contextlib.contextmanager
    def _writing(self, what: Path) -> Iterator[None]:
        """OSError while writing -> StoreWriteError naming the file (exit 73)."""
        try:
            yield
        except OSError as err:
            name = err.filename or what
            raise StoreWriteError(f"cannot write {name}: {err.strerror or err}; "
                                  f"check the permissions and free space of {self.root}") from None

    # -- paths and index ---------------------------------------------------

    def path(self, doc: str) -> Path:
        """Where the article ``doc`` lives: articles/<first two hex>/<doc>.json."""
        return self.root / ARTICLES_DIR / doc[:2] / f"{doc}.json"

    def _rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def _open_index(self) -> TextIO | None:
        try:
            return (self.root / INDEX_FILE).open("r", encoding="utf-8", errors="replace", newline="\n")
        except FileNotFoundError:
            return None

    @staticmethod
    def _complete_lines(fh: TextIO) -> Iterator[str]:
        # A line still being appended by a writer has no newline yet: left out.
        for line in fh:
            if line.endswith("\n"):
                yield line[:-1]

    def _index_lines(self) -> Iterator[str]:
        """Every complete line of the index."""
        fh = self._open_index()
        if fh is None:
            return
        with fh:
            yield from self._complete_lines(fh)

    def _live_lines(self) -> Iterator[str]:
        """The current put line of every live doc, in index order, streamed:
        a first pass finds the last line of each doc, a second yields them.
        Both passes read the same open file, so a compaction (which renames
        a new index into place) cannot mix two files."""
        fh = self._open_index()
        if fh is None:
            return
        with fh:
            last: dict[str, int] = {}
            for n, line in enumerate(self._complete_lines(fh)):
                head = _head(line)
                if head:
                    last[head[0]] = n
            fh.seek(0)
            for n, line in enumerate(self._complete_lines(fh)):
                head = _head(line)
                if head and head[1] == "put" and last.get(head[0]) == n:
                    yield line

    def _entries_for(self, docs: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The current index entry (put or remove) of each of ``docs``."""
        wanted = set(docs)
        found: dict[str, dict[str, Any]] = {}
        for line in self._index_lines():
            head = _head(line)
            if head and head[0] in wanted:
                with contextlib.suppress(ValueError):
                    found[head[0]] = json.loads(line)
        return found

    def contains(self, doc: str) -> bool:
        """Is ``doc`` stored?  (Reads only what was appended to the index
        since the last call.)"""
        self._view.refresh(self.root / INDEX_FILE)
        return doc in self._view.live

    # -- reading -----------------------------------------------------------

    def articles(self, *, since: str | None = None, until: str | None = None,
             publisher: str | None = None) -> list[ArticleInfo]:
        """Stored articles, oldest publication date first (undated last),
        from the index alone.  ``since``/``until`` are inclusive ISO dates
        (articles without a date are left out when either is given);
        ``publisher`` matches case-insensitively anywhere in the name."""
        needle = publisher.casefold() if publisher else None
        found: dict[str, ArticleInfo] = {}
        dated = since is not None or until is not None
        for line in self._index_lines():
            match = RE_PUT_HEAD.match(line)
            if match:
                doc, published = match.group(1), match.group(2)
                if dated and not _in_window(published, since, until):
                    found.pop(doc, None)
                    continue
                try:
                    entry = _decode_line(line)[0]
                except ValueError:
                    continue
            else:
                head = _head(line)
                if head is None:
                    continue
                doc = head[0]
                if head[1] == "remove":
                    found.pop(doc, None)
                    continue
                entry = json.loads(line)
                if dated and not _in_window(entry.get("published"), since, until):
                    found.pop(doc, None)
                    continue
            if needle is not None and needle not in (entry.get("publisher") or "").casefold():
                found.pop(doc, None)
                continue
            found[doc] = _info(entry)
        infos = list(found.values())
        # The index is in ingestion order and the sort is stable: by date,
        # then by ingestion; undated last.
        infos.sort(key=_published_key)
        return infos

    def stale(self, version: str) -> list[str]:
        """Docs whose claims were made by another extractor version."""
        out = []
        for line in self._live_lines():
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if entry.get("extractor") != version:
                    out.append(entry["doc"])
        return out

    def resolve(self, doc: str) -> str:
        """The full doc id for ``doc`` or a unique prefix of one."""
        doc = doc.strip().lower()
        if RE_DOC.match(doc) and self.path(doc).exists():
            return doc
        if not doc or not re.fullmatch(r"[0-9a-f]{1,16}", doc):
            raise ArticleNotFoundError(f"{doc!r} is not a doc id; list them with `claimcli store list`")
        matches = sorted({line[8:24] for line in self._live_lines()
                          if line.startswith('{"doc":"' + doc)} if len(doc) < 16 else set())
        if not matches and RE_DOC.match(doc) and self.contains(doc):
            return doc  # indexed but its file is missing: get() says so
        if not matches:
            raise ArticleNotFoundError(f"no stored article {doc}; list them with `claimcli store list`")
        if len(matches) > 1:
            raise UsageError(f"doc prefix {doc} matches {len(matches)} articles ({', '.join(matches[:3])}, ...); "
                             "give more characters")
        return matches[0]

    def get(self, doc: str) -> Article:
        """One stored article, claims included."""
        doc = self.resolve(doc)
        data = self.get_record(doc)
        try:
            return article_from_dict(data)
        except (KeyError, TypeError, ValueError, IndexError) as err:
            raise StoreCorruptError(f"{self.path(doc)} has a malformed claim ({type(err).__name__}: {err}); "
                                    f"run `claimcli store verify --repair --store {self.root}`") from None

    def get_record(self, doc: str) -> dict[str, Any]:
        """One stored article as the parsed JSON of its file: the data
        ``get`` turns into a models.Article (see ``article_from_dict``).
        For readers that stream the whole store and look at a few fields of
        each claim (``compare``): building the records is most of what
        ``get`` costs.  ``doc`` is a full doc id from ``articles()``."""
        path = self.path(doc)
        data, kind, reason = _read_article(path, doc, check_text=False)
        if data is None:
            if kind == "missing":
                raise StoreCorruptError(f"the index lists {doc} but {self._rel(path)} is missing; "
                                        f"run `claimcli store verify --repair --store {self.root}`")
            raise StoreCorruptError(f"{path} {reason}; run `claimcli store verify --repair --store {self.root}`")
        return data

    def export(self, *, since: str | None = None, until: str | None = None,
               publisher: str | None = None) -> Iterator[str]:
        """One JSON line per stored article (the article file), in index
        order, streamed: memory does not grow with the store."""
        needle = publisher.casefold() if publisher else None
        for line in self._live_lines():
            if since is not None or until is not None or needle is not None:
                entry = json.loads(line)
                if (since is not None or until is not None) and not _in_window(entry.get("published"), since, until):
                    continue
                if needle is not None and needle not in (entry.get("publisher") or "").casefold():
                    continue
            doc = line[8:24] if line.startswith('{"doc":"') else json.loads(line)["doc"]
            path = self.path(doc)
            data, kind, reason = _read_article(path, doc, check_text=False)
            if data is None:
                if kind == "missing" and not self.contains(doc):
                    continue  # removed while we were exporting
                raise StoreCorruptError(f"{path} {reason}; run `claimcli store verify --repair --store {self.root}`")
            yield compact_json(data) + "\n"

    # -- report state ------------------------------------------------------

    def last_report(self) -> str | None:
        """Where the previous successful ``report --since last`` ended (a UTC
        instant as ``ingested_at`` writes it), or None before the first."""
        path = self.root / REPORT_STATE_FILE
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as err:
            raise StoreCorruptError(f"{path} cannot be read ({err}); remove it to start `--since last` afresh") from None
        last = data.get("last_run") if isinstance(data, dict) else None
        if not isinstance(last, str):
            raise StoreCorruptError(f"{path} has no last_run; remove it to start `--since last` afresh")
        return last

    def record_report(self, until: str) -> None:
        """Remember that a ``report --since last`` covered everything up to
        ``until``: written atomically under the lock."""
        path = self.root / REPORT_STATE_FILE
        with self.locked(), self._writing(path):
            write_atomic(path, (json.dumps({"last_run": until}) + "\n").encode())

    # -- writing -----------------------------------------------------------

    def add(self, articles: Sequence[Article]) -> list[tuple[str, Article]]:
        """Store new articles; returns ``(status, article)`` per input with
        status "new", "updated" (``article.previous`` is set to the earlier
        version of the same URL) or "duplicate" (that doc is stored already).
        Returns only once everything is durable."""
        out: list[tuple[str, Article]] = []
        with self.locked():
            view = self._view
            view.refresh(self.root / INDEX_FILE)
            batch: list[Article] = []
            docs: set[str] = set()
            urls: dict[str, str] = {}
            for article in articles:
                if article.doc in view.live or article.doc in docs:
                    out.append(("duplicate", article))
                    continue
                previous = urls.get(article.url) or view.urls.get(article.url) if article.url else None
                if previous and previous != article.doc:
                    article = dataclasses.replace(article, previous=previous)
                    status = "updated"
                else:
                    status = "new"
                if article.url:
                    urls[article.url] = article.doc
                docs.add(article.doc)
                batch.append(article)
                out.append((status, article))
            if batch:
                self._commit(batch, [])
                view.refresh(self.root / INDEX_FILE)
                self._maybe_compact()
        return out

    def refresh(self, articles: Sequence[Article]) -> list[bool]:
        """Rewrite stored articles in place (same doc, new claims), e.g. after
        re-extraction.  An article that was removed or re-ingested meanwhile
        is left alone (False)."""
        done: list[bool] = []
        with self.locked():
            current = self._entries_for(a.doc for a in articles)
            batch = []
            for article in articles:
                entry = current.get(article.doc)
                ok = entry is not None and entry.get("op") == "put" and entry.get("ingested_at") == article.ingested_at
                done.append(ok)
                if ok:
                    batch.append(article)
            if batch:
                self._commit(batch, [])
                self._maybe_compact()
        return done

    def remove(self, docs: Sequence[str]) -> list[RemoveResult]:
        """Remove articles (doc ids or unique prefixes)."""
        results: list[RemoveResult] = []
        with self.locked():
            resolved: list[str | None] = []
            for doc in docs:
                try:
                    resolved.append(self.resolve(doc))
                except ArticleNotFoundError:
                    resolved.append(None)
            current = self._entries_for(d for d in resolved if d)
            removals: list[dict[str, Any]] = []
            seen: set[str] = set()
            for asked, doc in zip(docs, resolved, strict=True):
                entry = current.get(doc) if doc else None
                if doc is None or entry is None or entry.get("op") != "put" or doc in seen:
                    results.append(RemoveResult(doc or asked, False))
                    continue
                seen.add(doc)
                removals.append({"doc": doc, "op": "remove", "url": entry.get("url"), "removed_at": utc_now()})
                results.append(RemoveResult(doc, True, entry.get("title")))
            if removals:
                self._commit([], removals)
                self._maybe_compact()
        return results

    def _commit(self, puts: Sequence[Article], removals: Sequence[dict[str, Any]]) -> None:
        """journal -> article files -> index -> no journal.  The caller holds
        the lock (and so has recovered any earlier interrupted write).

        When a step cannot be written (disk full, a read-only folder) the
        journal is settled at once, still under the lock: what had not
        reached the disk is dropped, and the store is as it was before the
        write (what had -- only possible once the index was being appended --
        is indexed).  If even that fails, the next writer settles it."""
        try:
            self._commit_steps(puts, removals)
        except StoreWriteError:
            with contextlib.suppress(StoreWriteError, OSError):
                self._recover()
            raise

    def _commit_steps(self, puts: Sequence[Article], removals: Sequence[dict[str, Any]]) -> None:
        entries = [index_entry(a) for a in puts] + list(removals)
        lines = "".join(compact_json(e) + "\n" for e in entries).encode("utf-8")
        journal = self.root / JOURNAL_FILE
        with self._writing(journal):
            write_atomic(journal, lines)
        articles_dir = self.root / ARTICLES_DIR
        shards: set[Path] = set()
        files: list[tuple[Path, bytes]] = []
        new_shard = False
        with self._writing(articles_dir):
            for article in puts:
                path = self.path(article.doc)
                if path.parent not in shards and not path.parent.is_dir():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    new_shard = True
                shards.add(path.parent)
                files.append((path, (record_json(article) + "\n").encode("utf-8")))
            write_atomic_many(files)
            # The renames (and any new shard folder) are durable before the
            # index names the articles.
            fsync_dirs([*shards, articles_dir] if new_shard else shards)
        self._append_index(lines)
        gone: set[Path] = set()
        for removal in removals:
            path = self.path(removal["doc"])
            with self._writing(path), contextlib.suppress(FileNotFoundError):
                path.unlink()
                gone.add(path.parent)
        with self._writing(articles_dir):
            fsync_dirs(gone)
            journal.unlink()

    def _append_index(self, lines: bytes) -> None:
        index = self.root / INDEX_FILE
        with self._writing(index):
            created = not index.exists()
            fd = os.open(index, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                _write_all(fd, lines)
                os.fsync(fd)
            finally:
                os.close(fd)
            if created:
                fsync_dir(self.root)

    def _recover(self) -> None:
        """Finish what a killed writer left: cut a torn last index line, then
        apply the journal (articles that reached the disk are indexed,
        removals completed) and drop it.  Runs under the lock."""
        index = self.root / INDEX_FILE
        journal = self.root / JOURNAL_FILE
        with self._writing(index):
            self._cut_torn_tail(index)
            if not journal.exists():
                return
            try:
                planned = [json.loads(raw) for raw in journal.read_bytes().split(b"\n") if raw.strip()]
            except ValueError:
                planned = []  # the journal is written atomically; a bad one was never acted on
            current = self._entries_for(e.get("doc") for e in planned if isinstance(e, dict))
            todo: list[dict[str, Any]] = []
            for entry in planned:
                if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
                    continue
                doc, now = entry["doc"], current.get(entry["doc"])
                if entry.get("op") == "put":
                    data, _kind, _reason = _read_article(self.path(doc), doc)
                    if data is None or index_entry(data) != entry:
                        continue  # the write stopped before this article reached the disk
                    if now is not None and now == entry:
                        continue  # indexed already
                    todo.append(entry)
                    current[doc] = entry
                elif entry.get("op") == "remove":
                    if now is not None and now.get("op") == "put":
                        todo.append(entry)
                        current[doc] = entry
                    with contextlib.suppress(FileNotFoundError):
                        self.path(doc).unlink()
            if todo:
                self._append_index("".join(compact_json(e) + "\n" for e in todo).encode("utf-8"))
            self.recovered += len(todo)
            journal.unlink()
            fsync_dir(self.root)

    @staticmethod
    def _cut_torn_tail(index: Path) -> None:
        try:
            fd = os.open(index, os.O_RDWR)
        except FileNotFoundError:
            return
        try:
            size = os.fstat(fd).st_size
            if not size or os.pread(fd, 1, size - 1) == b"\n":
                return
            # Find the last newline, reading backwards in blocks.
            pos, keep = size, 0
            while pos > 0:
                start = max(0, pos - 65536)
                block = os.pread(fd, pos - start, start)
                at = block.rfind(b"\n")
                if at >= 0:
                    keep = start + at + 1
                    break
                pos = start
            os.ftruncate(fd, keep)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _maybe_compact(self) -> None:
        view = self._view
        view.refresh(self.root / INDEX_FILE)
        if view.lines >= COMPACT_MIN_LINES and view.lines > 2 * len(view.live):
            self.compact()

    def compact(self) -> None:
        """Rewrite the index with one line per live article (atomically)."""
        with self.locked():
            index = self.root / INDEX_FILE
            lines = [line for line in self._index_lines() if _head(line) is None]  # keep what verify must name
            with self._writing(index):
                tmp = temp_path(index)
                try:
                    with tmp.open("w", encoding="utf-8", newline="\n") as out:
                        for line in lines:
                            out.write(line + "\n")
                        for line in self._live_lines():
                            out.write(line + "\n")
                        out.flush()
                        os.fsync(out.fileno())
                    os.replace(tmp, index)
                except BaseException:
                    with contextlib.suppress(OSError):
                        tmp.unlink()
                    raise
                fsync_dir(self.root)
            self._view = _IndexView()
            self._view.refresh(index)

    # -- migration ---------------------------------------------------------

    def _migrate(self) -> None:
        """Bring an older layout up to SCHEMA, one step at a time, under the
        lock.  Every step can be re-run after a crash."""
        with self.locked():
            schema = self._detect(strict=True)
            if schema is None or schema >= SCHEMA:
                return  # another process migrated it meanwhile
            start, quarantined, count = schema, [], 0
            while schema < SCHEMA:
                count = MIGRATIONS[schema](self, quarantined)
                schema += 1
            self.migration = MigrationResult(str(self.root), start, SCHEMA, count, tuple(quarantined))

    def _migrate_v1(self, quarantined: list[str]) -> int:
        """Schema 1 -> 2.  Schema 1 kept ``VERSION`` ("1") and flat
        ``articles/<doc>.json`` files with the keys id, source, url, title,
        publisher, date, added, extractor_version, text, claims, times,
        figures, and no index.  Schema 2 shards the files, renames the keys
        to the Article record and adds the index."""
        articles = self.root / ARTICLES_DIR
        shards: set[Path] = set()
        with self._writing(articles):
            for path in sorted(articles.glob("*.json")):
                try:
                    old = json.loads(path.read_bytes())
                    data = {
                        "doc": old.get("id") or path.stem, "source": old.get("source") or "-",
                        "url": old.get("url"), "title": old.get("title"), "publisher": old.get("publisher"),
                        "published": old.get("date"), "previous": None,
                        "ingested_at": old.get("added") or utc_now(), "extractor": old.get("extractor_version") or "",
                        "claims": old.get("claims", []), "times": old.get("times", []),
                        "figures": old.get("figures", []), "text": old["text"],
                    }
                    reason = check_article_data(data, path.stem)
                except (ValueError, KeyError, TypeError, AttributeError) as err:
                    reason = f"not a version-1 article ({type(err).__name__})"
                if reason:
                    quarantined.append(f"{self._rel(path)} -> {self._quarantine(path)} ({reason})")
                    continue
                dest = self.path(data["doc"])
                dest.parent.mkdir(exist_ok=True)
                write_atomic(dest, (compact_json(data) + "\n").encode("utf-8"), sync_dir=False)
                shards.add(dest.parent)
                path.unlink()
            fsync_dirs([*shards, articles])
            count = self._rebuild_index(self._sound_articles())
            self._write_meta()
            with contextlib.suppress(FileNotFoundError):
                (self.root / V1_VERSION_FILE).unlink()
            fsync_dir(self.root)
        return count

    def _sound_articles(self) -> Iterator[dict[str, Any]]:
        for path, kind in self._walk():
            if kind == "article":
                data, _kind, _reason = _read_article(path, path.name[:16])
                if data is not None:
                    yield index_entry(data)

    def _rebuild_index(self, entries: Iterable[dict[str, Any]]) -> int:
        """Write a new index from article entries, oldest ingestion first (so
        the newest version of a URL is the last), atomically."""
        rows = sorted(entries, key=lambda e: (e["ingested_at"], e["doc"]))
        index = self.root / INDEX_FILE
        write_atomic(index, "".join(compact_json(e) + "\n" for e in rows).encode("utf-8"))
        self._view = _IndexView()
        return len(rows)

    def _quarantine(self, path: Path) -> str:
        """Move a broken file into quarantine/ (never deleted); returns its new
        name relative to the store."""
        folder = self.root / QUARANTINE_DIR
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        flat = self._rel(path).replace(os.sep, "_")
        dest = folder / f"{stamp}-{flat}"
        n = 1
        while dest.exists():
            n += 1
            dest = folder / f"{stamp}-{n}-{flat}"
        os.replace(path, dest)
        fsync_dir(folder)
        fsync_dir(path.parent)
        return self._rel(dest)

    # -- verification ------------------------------------------------------

    def _walk(self) -> Iterator[tuple[Path, str]]:
        """Every file under articles/ with its kind: article, tmp or stray."""
        articles = self.root / ARTICLES_DIR
        if not articles.is_dir():
            return
        with os.scandir(articles) as it:
            top = sorted(it, key=lambda e: e.name)
        for entry in top:
            path = Path(entry.path)
            if not entry.is_dir():
                yield path, ("tmp" if RE_TMP.match(entry.name) else "stray")
                continue
            if not RE_SHARD.match(entry.name):
                yield path, "stray"
                continue
            with os.scandir(path) as inner:
                names = sorted(e.name for e in inner)
            for name in names:
                file = path / name
                match = RE_ARTICLE_NAME.match(name)
                if match and match.group(1)[:2] == entry.name:
                    yield file, "article"
                elif RE_TMP.match(name):
                    yield file, "tmp"
                else:
                    yield file, "stray"

    def verify(self, *, repair: bool = False) -> VerifyReport:
        """Check every article file against the index; with ``repair``,
        quarantine broken files and rebuild the index from the sound ones.
        Holds the lock (writers wait) so the picture is consistent."""
        with self.locked():
            problems: list[Problem] = []
            repairs: list[str] = []
            if self._meta_problem or not (self.root / META_FILE).exists():
                reason = self._meta_problem or f"{META_FILE} is missing"
                problems.append(Problem("store", META_FILE, None, f"{reason}; run `claimcli store verify --repair`"))
            indexed: dict[str, str] = {}
            for n, line in enumerate(self._index_lines(), 1):
                head = _head(line)
                if head is None or not RE_DOC.match(head[0]):
                    problems.append(Problem("index", INDEX_FILE, None,
                                            f"{INDEX_FILE} line {n} is not an index entry; "
                                            "run `claimcli store verify --repair`"))
                elif head[1] == "put":
                    indexed[head[0]] = line
                else:
                    indexed.pop(head[0], None)
            seen: set[str] = set()
            named: set[str] = set()
            rebuilt: list[dict[str, Any]] = []
            for path, kind in self._walk():
                rel = self._rel(path)
                if kind == "tmp":
                    if repair:
                        with self._writing(path):
                            path.unlink()
                        repairs.append(f"removed the leftover temporary file {rel}")
                    continue
                if kind == "stray":
                    problems.append(Problem("stray", rel, None, f"{rel} is not an article file"))
                    if repair:
                        with self._writing(path):
                            repairs.append(f"moved {rel} to {self._quarantine(path)}")
                    continue
                doc = path.name[:16]
                data, bad, reason = _read_article(path, doc)
                if data is None:
                    problems.append(Problem(bad, rel, doc, f"{rel} {reason}"))  # type: ignore[arg-type]
                    named.add(doc)
                    if repair:
                        with self._writing(path):
                            repairs.append(f"moved {rel} to {self._quarantine(path)} ({reason})")
                    continue
                seen.add(doc)
                entry = index_entry(data)
                line = indexed.get(doc)
                if line is None:
                    problems.append(Problem("unindexed", rel, doc, f"{rel} is not in the index"))
                else:
                    try:
                        listed = json.loads(line)
                    except ValueError:
                        listed = {}
                    if listed != entry:
                        fields = sorted(k for k in set(listed) | set(entry) if listed.get(k) != entry.get(k))
                        problems.append(Problem("mismatch", rel, doc,
                                                f"{rel} does not match its index entry ({', '.join(fields)})"))
                if repair:
                    rebuilt.append(entry)
            for doc in sorted(set(indexed) - seen):
                rel = self._rel(self.path(doc))
                if doc in named:
                    continue  # its file was named above
                try:
                    source = json.loads(indexed[doc]).get("source")
                except ValueError:
                    source = None
                hint = f" (source: {source})" if source else ""
                problems.append(Problem("missing", rel, doc, f"the index lists {doc}{hint} but {rel} is missing"))
                if repair:
                    repairs.append(f"dropped the index entry of {doc}{hint}: its file is gone; ingest it again")
            if repair and problems:
                with self._writing(self.root):
                    if any(p.kind == "store" for p in problems):
                        self._write_meta()
                        repairs.append(f"rewrote {META_FILE}")
                    count = self._rebuild_index(rebuilt)
                    repairs.append(f"rebuilt {INDEX_FILE} from {count} article files")
            articles = len(rebuilt) if repair else len(seen)
            return VerifyReport(str(self.root), articles, tuple(problems), tuple(repairs), repaired=repair)


def _published_key(info: ArticleInfo) -> str:
    return info.published or "\uffff"


def _in_window(published: str | None, since: str | None, until: str | None) -> bool:
    if published is None:
        return False
    day = published[:10]
    return (since is None or day >= since) and (until is None or day <= until)


#: schema N -> the function that upgrades a store from N to N + 1.
MIGRATIONS: dict[int, Callable[[Store, list[str]], int]] = {1: Store._migrate_v1}
