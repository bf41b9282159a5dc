"""Ingest: find the inputs, read them into articles, extract, store.

``discover`` turns the PATH arguments (files, folders, globs, ``-``) into a
list of inputs; ``read_input`` turns one input into article records (a
``.txt``/``.md``/``.html`` file is one article, a ``.json``/``.jsonl`` export
many); ``ingest`` extracts each new article and adds it to the store in small
batches, yielding one ``IngestResult`` per article once it is durable.

Nothing here prints; the CLI renders what ``ingest`` yields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import functools
import glob
import io
import json
import os
import select
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, BinaryIO, Literal

import regex

from .api import DEFAULT_MAX_BYTES, Engine, Failure, read_source, run_engine
from .budget import DEFAULT_ARTICLE_TIMEOUT, budgeted
from .errors import BadInputError, ClaimcliError, InputMissingError, UsageError
from .models import Article, IngestResult
from .store import Store, utc_now
from .text import decode, doc_id, front_matter, scan_lines, title_of

InputKind = Literal["txt", "md", "html", "json", "jsonl", "auto"]

#: File name extensions ingest reads, and how.
EXTENSIONS: dict[str, InputKind] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
#: Articles extracted before they are written to the store together.
DEFAULT_BATCH = 32
#: ... or after this many seconds, whichever comes first.
DEFAULT_MAX_DELAY = 1.0

RE_GLOB = regex.compile(r"[*?\[]")
RE_HTML = regex.compile(r"<(?:p|br|div|html|body|article|h[1-6])\b[^>]*>", regex.IGNORECASE)
RE_SPACE = regex.compile(r"[ \t\r\f\v\u00a0]+")
RE_MD_HEADING = regex.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a file, or ``-`` for stdin.  ``missing`` holds
    the reason when a PATH argument named nothing that exists."""

    source: str
    kind: InputKind
    missing: str | None = None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from its input, before extraction.

    ``label`` names it in results (``export.jsonl#3`` for the third record);
    ``source`` is what the store keeps (path, URL or ``-``)."""

    label: str
    source: str
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


# --------------------------------------------------------------------------
# Discovery


def _kind_of(path: str, default: InputKind = "txt") -> InputKind:
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), default)


def _walk(folder: str) -> Iterator[str]:
    """Readable article files under ``folder``, recursively, in a stable
    order; hidden files and folders are skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in EXTENSIONS:
                yield os.path.join(root, name)


def discover(paths: Iterable[str], *, input_format: InputKind = "auto") -> list[Input]:
    """Expand PATH arguments into inputs, in order, each file once.

    A folder means every article file below it; a pattern (``*.txt``,
    ``news/**/*.html``) is expanded when the shell did not; ``-`` is stdin.
    """
    out: list[Input] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(Input(path, input_format if input_format != "auto" else _kind_of(path)))

    for path in paths:
        if path == "-":
            out.append(Input("-", input_format))
        elif os.path.isdir(path):
            for file in _walk(path):
                add(file)
        elif os.path.exists(path):
            add(path)
        elif RE_GLOB.search(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                out.append(Input(path, "auto", f"no file matches {path}; check the pattern"))
            for match in matches:
                if os.path.isdir(match):
                    for file in _walk(match):
                        add(file)
                else:
                    add(match)
        else:
            out.append(Input(path, "auto", f"no such file or folder: {path}; check the path"))
    return out


# --------------------------------------------------------------------------
# Dates


def normalise_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from ISO dates and datetimes or RFC 2822
    dates ("Mon, 09 Mar 2026 10:00:00 GMT"); None when it is not a date."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def check_date(value: str | None, option: str = "--date") -> str | None:
    """Validate a user-given YYYY-MM-DD date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None


# --------------------------------------------------------------------------
# HTML


class _HTMLArticle(HTMLParser):
    """Body text and metadata of a news page, with the standard library
    parser: scripts, styles, navigation, headers, footers, asides and forms
    are skipped; when the page has an <article> (or <main>) only its text is
    kept.  Block elements become paragraphs separated by a blank line."""

    SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form",
                      "button", "iframe", "select", "textarea", "figure", "menu", "dialog", "object", "head"})
    BLOCK = frozenset({"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                       "li", "ul", "ol", "blockquote", "pre", "br", "tr", "table", "dd", "dt", "dl", "hr",
                       "address", "figcaption", "td", "th", "body"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                      "source", "track", "wbr"})
    SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"})
    RE_SKIP_CLASS = regex.compile(
        r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|breadcrumbs?|share|sharing|social|related|newsletter|"
        r"subscribe|cookies?|advert|ads?|promo|comments?|sidebar|byline-share)(?:$|[\s_-])",
        regex.IGNORECASE,
    )
    TITLE_KEYS = ("og:title", "twitter:title", "headline", "dc.title")
    PUBLISHER_KEYS = ("og:site_name", "publisher", "application-name", "dc.publisher")
    DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                 "publishdate", "publish-date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skip_at: int | None = None  # stack depth where skipped content began
        self.scope: list[tuple[int, str]] = []  # (depth, "article" | "main")
        self.blocks: list[tuple[str, str]] = []  # (scope, text)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_tag: list[str] | None = None
        self.title_text = ""
        self.h1: str | None = None
        self.h1_parts: list[str] | None = None
        self.time_datetime: str | None = None
        self.canonical: str | None = None
        self.ld_json: list[str] | None = None
        self.ld: list[Any] = []

    # -- structure ---------------------------------------------------------

    def _flush(self) -> None:
        text = RE_SPACE.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        if text:
            where = self.scope[-1][1] if self.scope else "body"
            self.blocks.append((where, text))

    def _skippable(self, tag: str, attrs: dict[str, str]) -> bool:
        if tag in self.SKIP:
            return True
        if tag == "header" and not self.scope:
            return True  # the site's header, not the article's
        if attrs.get("role", "").lower() in self.SKIP_ROLES:
            return True
        if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
            return True
        marks = f"{attrs.get('class', '')} {attrs.get('id', '')}"
        return bool(marks.strip() and self.RE_SKIP_CLASS.search(marks))

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if tag == "body":  # whatever was left open in <head> ends here
            self.stack = [t for t in self.stack if t == "html"]
            self.skip_at = None
            self.parts = []
        if tag == "meta":
            self._meta(attrs)
            return
        if tag == "link" and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            self.canonical = self.canonical or attrs["href"]
            return
        if tag == "script" and attrs.get("type", "").lower() == "application/ld+json":
            self.ld_json = []
        if tag == "title" and self.title_tag is None and not self.title_text:
            self.title_tag = []
        if tag == "time" and attrs.get("datetime") and self.time_datetime is None and self.skip_at is None:
            self.time_datetime = attrs["datetime"]
        if tag in self.VOID:
            if tag in ("br", "hr") and self.skip_at is None:
                self._flush()
            return
        if tag in self.BLOCK and self.skip_at is None:
            self._flush()
        self.stack.append(tag)
        if self.skip_at is None and self._skippable(tag, attrs):
            self.skip_at = len(self.stack)
        if tag in ("article", "main") and self.skip_at is None:
            self.scope.append((len(self.stack), tag))
        if tag == "h1" and self.h1 is None and self.skip_at is None:
            self.h1_parts = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.ld_json is not None:
            self.ld.append("".join(self.ld_json))
            self.ld_json = None
        if tag == "title" and self.title_tag is not None:
            self.title_text = RE_SPACE.sub(" ", "".join(self.title_tag)).strip()
            self.title_tag = None
        if tag not in self.stack:
            return  # a stray end tag
        if tag in self.BLOCK and self.skip_at is None:
            self._flush()
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = RE_SPACE.sub(" ", "".join(self.h1_parts)).strip() or None
            self.h1_parts = None
        depth = len(self.stack) - self.stack[::-1].index(tag)  # 1-based depth of the innermost open `tag`
        del self.stack[depth - 1:]
        if self.skip_at is not None and len(self.stack) < self.skip_at:
            self.skip_at = None
            self.parts = []
        while self.scope and self.scope[-1][0] > len(self.stack):
            self.scope.pop()

    def handle_data(self, data: str) -> None:
        if self.ld_json is not None:
            self.ld_json.append(data)
            return
        if self.title_tag is not None:
            self.title_tag.append(data)
            return
        if self.skip_at is not None:
            return
        self.parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)

    def _meta(self, attrs: dict[str, str]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content", "").strip()
        if key and content:
            self.meta.setdefault(key, content)
        if key == "og:url" and content:
            self.meta.setdefault("url", content)

    # -- results -----------------------------------------------------------

    def text(self) -> str:
        self._flush()
        for wanted in ("article", "main"):
            chosen = [text for scope, text in self.blocks if scope == wanted]
            if chosen:
                return "\n\n".join(chosen) + "\n"
        return "\n\n".join(text for _scope, text in self.blocks) + ("\n" if self.blocks else "")

    def _linked_data(self) -> dict[str, Any]:
        """The first NewsArticle-like object of the page's JSON-LD."""
        def walk(node: Any) -> Iterator[dict[str, Any]]:
            if isinstance(node, list):
                for item in node:
                    yield from walk(item)
            elif isinstance(node, dict):
                kinds = node.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                    yield node
                yield from walk(node.get("@graph"))

        for raw in self.ld:
            try:
                data = json.loads(raw)
            except ValueError:
                continue
            for node in walk(data):
                return node
        return {}

    def metadata(self) -> dict[str, str | None]:
        ld = self._linked_data()
        ld_publisher = ld.get("publisher")
        if isinstance(ld_publisher, dict):
            ld_publisher = ld_publisher.get("name")
        publisher = next((self.meta[k] for k in self.PUBLISHER_KEYS if self.meta.get(k)), None)
        publisher = publisher or (ld_publisher if isinstance(ld_publisher, str) else None)
        title = next((self.meta[k] for k in self.TITLE_KEYS if self.meta.get(k)), None)
        title = title or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
        if not title and self.title_text:
            title = self.title_text
            for sep in (" | ", " - ", " — ", " – ", " :: "):
                head, _, tail = title.rpartition(sep)
                if head and (tail.strip() == publisher or len(tail.split()) <= 4):
                    title = head.strip()
                    break
        title = title or self.h1
        published = next((d for d in (normalise_date(self.meta.get(k)) for k in self.DATE_KEYS) if d), None)
        published = published or normalise_date(ld.get("datePublished")) or normalise_date(self.time_datetime)
        url = self.canonical or self.meta.get("url") or (ld.get("url") if isinstance(ld.get("url"), str) else None)
        return {"title": title, "publisher": publisher, "published": published, "url": url}


def html_article(html: str) -> tuple[str, dict[str, str | None]]:
    """(body text, {title, publisher, published, url}) of an HTML page."""
    parser = _HTMLArticle()
    parser.feed(html)
    parser.close()
    return parser.text(), parser.metadata()


# --------------------------------------------------------------------------
# Reading inputs


#: Front matter and the title sit in the first lines; only those are scanned
#: here (``analyse`` scans the whole text anyway).
HEAD_CHARS = 2048


def _text_article(label: str, source: str, text: str, kind: InputKind) -> RawArticle:
    head = text if len(text) <= HEAD_CHARS else text[: text.rfind("\n", 0, HEAD_CHARS) + 1]
    lines = scan_lines(head)
    meta = front_matter(head, lines)
    title = meta.get("title")
    if title is None and kind == "md":
        for line in lines:
            if line.kind in ("blank", "meta"):
                continue
            match = RE_MD_HEADING.match(head[line.span[0]:line.span[1]].strip())
            title = match.group(1) if match else None
            break
    if title is None:
        title = title_of(head, lines)
    url = meta.get("url") or (meta.get("source") if meta.get("source", "").startswith(("http://", "https://")) else None)
    return RawArticle(label, source, text, title, meta.get("publisher"),
                      normalise_date(meta.get("published") or meta.get("date")), url)


def _html_article(label: str, source: str, html: str) -> RawArticle:
    text, meta = html_article(html)
    if not text.strip():
        raise BadInputError(f"{label} has no article text (only navigation, scripts or markup); "
                            "check that it is a news page")
    return RawArticle(label, source, text, meta["title"], meta["publisher"], meta["published"], meta["url"])


def _field(record: dict[str, Any], *names: str) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _record_article(record: Any, label: str) -> RawArticle:
    """One record of a JSON/JSONL export: text|body|content, title, url,
    published|date, publisher|source."""
    if not isinstance(record, dict):
        raise BadInputError(f"{label} is not a JSON object; each record needs a 'text' (or 'body', 'content')")
    text = _field(record, "text", "body", "content", "article", "fulltext")
    if not isinstance(text, str) or not text.strip():
        raise BadInputError(f"{label} has no 'text', 'body' or 'content' string; add the article text")
    publisher = _field(record, "publisher", "source", "site", "site_name", "outlet")
    if isinstance(publisher, dict):
        publisher = publisher.get("name") or publisher.get("title")
    url = _field(record, "url", "link", "canonical_url", "uri")
    url = url if isinstance(url, str) else None
    title = _field(record, "title", "headline")
    published = normalise_date(_field(record, "published", "date", "published_at", "publishedAt",
                                      "pubDate", "datePublished", "time"))
    meta_html: dict[str, str | None] = {}
    if RE_HTML.search(text[:4000]):
        text, meta_html = html_article(text)
    return RawArticle(
        label, url or label, text,
        title if isinstance(title, str) else meta_html.get("title"),
        publisher if isinstance(publisher, str) else meta_html.get("publisher"),
        published or meta_html.get("published"), url or meta_html.get("url"),
    )


def _json_records(label: str, text: str) -> Iterator[RawArticle | Failure]:
    try:
        data = json.loads(text)
    except ValueError as err:
        yield Failure(label, BadInputError(f"{label} is not valid JSON ({err}); fix the file or use .jsonl "
                                           "for one record per line"))
        return
    if isinstance(data, dict) and _field(data, "text", "body", "content") is None:
        inner = next((data[k] for k in ("articles", "items", "data", "records", "results", "documents", "docs")
                      if isinstance(data.get(k), list)), None)
        if inner is None:
            yield Failure(label, BadInputError(f"{label} holds no articles (no 'text' field and no list of "
                                               "'articles' or 'items'); check the export"))
            return
        data = inner
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, 1):
        name = f"{label}#{n}" if isinstance(data, list) else label
        try:
            yield _record_article(record, name)
        except ClaimcliError as err:
            yield Failure(name, err)


def _jsonl_records(label: str, lines: Iterable[bytes], encoding: str | None,
                   max_bytes: int) -> Iterator[RawArticle | Failure]:
    """Records of a JSON Lines stream, read line by line (memory stays flat)."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        name = f"{label}#{n}"
        try:
            if len(raw) > max_bytes:
                raise BadInputError(f"{name} is larger than --max-bytes ({max_bytes} bytes); raise --max-bytes")
            try:
                record = json.loads(decode(raw, encoding, name=name))
            except ValueError as err:
                raise BadInputError(f"{name} is not valid JSON ({err}); fix that line") from None
            yield _record_article(record, name)
        except ClaimcliError as err:
            yield Failure(name, err)


def _sniff(head: bytes) -> InputKind:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        return "html"
    if stripped.startswith(b"{") and stripped.rstrip().endswith(b"}"):
        try:
            json.loads(stripped)
            return "jsonl"
        except ValueError:
            return "json"
    if stripped.startswith((b"[", b"{")):
        return "json"
    return "txt"


def read_input(item: Input, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: BinaryIO | None = None) -> Iterator[RawArticle | Failure]:
    """The articles of one input; what cannot be read is a Failure."""
    if item.missing:
        yield Failure(item.source, InputMissingError(item.missing))
        return
    kind = item.kind
    if item.source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        first = stream.readline(max_bytes + 1)
        if kind == "auto":
            kind = _sniff(first)
        if kind == "jsonl":
            yield from _jsonl_records("-", _chain_lines(first, stream), encoding, max_bytes)
            return
        data = first + stream.read(max_bytes + 1 - len(first))
        if len(data) > max_bytes:
            yield Failure("-", BadInputError(f"stdin is larger than --max-bytes ({max_bytes} bytes); "
                                             "raise --max-bytes"))
            return
        try:
            text = decode(data, encoding, name="stdin")
        except ClaimcliError as err:
            yield Failure("-", err)
            return
    elif kind == "jsonl":
        try:
            fh = open(item.source, "rb")  # noqa: SIM115 - closed below, streamed line by line
        except OSError as err:
            yield Failure(item.source, InputMissingError(f"cannot read {item.source}: {err.strerror or err}"))
            return
        with fh:
            yield from _jsonl_records(item.source, fh, encoding, max_bytes)
        return
    else:
        try:
            text = read_source(item.source, encoding=encoding, max_bytes=max_bytes)
        except ClaimcliError as err:
            yield Failure(item.source, err)
            return
        if kind == "auto":
            kind = _sniff(text[:4096].encode("utf-8", "replace"))
    try:
        if kind == "html":
            yield _html_article(item.source, item.source, text)
        elif kind == "json":
            yield from _json_records(item.source, text)
        elif kind == "jsonl":
            yield from _jsonl_records(item.source, (line.encode("utf-8") for line in text.split("\n")),
                                      None, max_bytes)
        else:
            yield _text_article(item.source, item.source, text, kind)
    except ClaimcliError as err:
        yield Failure(item.source, err)


def _more_waiting(stream: BinaryIO) -> bool:
    """Can ``stream`` be read without blocking (more input, or its end)?
    Unknown (no file descriptor) counts as no."""
    try:
        ready, _, _ = select.select([stream.fileno()], [], [], 0)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return bool(ready)


def _chain_lines(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield first
    yield from stream


# --------------------------------------------------------------------------
# Ingest


def _failed(failure: Failure) -> IngestResult:
    return IngestResult(failure.source, None, "failed", failure.error.message, code=int(failure.error.exit_code))


@dataclass(frozen=True, slots=True)
class _InputDone:
    """Marks the end of one input's articles as they come back in order."""

    item: Input


def ingest(
    store: Store,
    inputs: Iterable[Input],
    *,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    on_input: Callable[[Input], None] | None = None,
    batch_size: int = DEFAULT_BATCH,
    max_delay: float = DEFAULT_MAX_DELAY,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> Iterator[IngestResult]:
    """Read, extract and store every input; one result per article, in input
    order, each yielded only once the article is durable in the store.

    ``publisher``, ``published`` and ``url`` override what the inputs say.
    Text already stored is a "duplicate" (and is not extracted again); a URL
    already stored with other text becomes a new version ("updated").  An
    input that cannot be read, or an article the extractor fails on or that
    takes more than ``timeout`` seconds of CPU time, is "failed" and the
    rest go on.

    With ``jobs`` > 1 the articles are extracted by that many worker
    processes (a bounded window of them in flight); with ``engine="dask"``
    by a Dask cluster (see ``api.run_engine``).  Reading the inputs and
    every write to the store stay in this process, in input order: workers
    get an article's text and return its claims.
    """
    from .extract import analyse  # noqa: F401 - compiled once here, before workers fork
    from .parallel import input_waiting

    published = check_date(published)
    stream = stdin if stdin is not None else sys.stdin.buffer
    queue: list[IngestResult | tuple[str, Article]] = []
    articles = 0
    started = 0.0
    reading: list[Input] = []

    def flush() -> Iterator[IngestResult]:
        nonlocal articles
        pending = [item for item in queue if isinstance(item, tuple)]
        outcomes = iter(store.add([article for _label, article in pending]) if pending else ())
        ready = list(queue)
        queue.clear()
        articles = 0
        for item in ready:
            if isinstance(item, IngestResult):
                yield item
                continue
            label, _ = item
            status, article = next(outcomes)
            yield IngestResult(label, article.doc, status,  # type: ignore[arg-type]
                               previous=article.previous, title=article.title)

    def raws() -> Iterator[RawArticle | IngestResult | _InputDone]:
        for item in inputs:
            reading[:] = [item]
            for raw in read_input(item, encoding=encoding, max_bytes=max_bytes, stdin=stdin):
                if isinstance(raw, Failure):
                    yield _failed(raw)
                    continue
                ident = doc_id(raw.text)
                if store.contains(ident):
                    yield IngestResult(raw.label, ident, "duplicate", title=raw.title)
                else:
                    yield raw
            yield _InputDone(item)

    def stdin_would_block() -> bool:
        return bool(reading) and reading[0].source == "-" and not input_waiting(stream)

    work = functools.partial(_extract_article, publisher=publisher, published=published, url=url, timeout=timeout)
    for entry in run_engine(work, raws(), jobs=jobs, engine=engine, scheduler=scheduler,
                            would_block=stdin_would_block):
        if isinstance(entry, _InputDone):
            if on_input is not None:
                on_input(entry.item)
            continue
        queue.append(entry)
        if isinstance(entry, tuple):
            if not articles:
                started = time.monotonic()
            articles += 1
        # stdin may be a slow stream: store what came before waiting for more.
        if articles >= batch_size or len(queue) >= 4 * batch_size or (
            articles and time.monotonic() - started >= max_delay
        ) or (reading and reading[0].source == "-" and not _more_waiting(stream)):
            yield from flush()
    yield from flush()


def _extract_article(
    raw: RawArticle | IngestResult | _InputDone, *, publisher: str | None, published: str | None, url: str | None,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> IngestResult | tuple[str, Article] | _InputDone:
    """Extract one new article (what ``ingest`` runs in its workers; results
    and markers pass through).  Never touches the store."""
    from .extract import EXTRACTOR_VERSION, analyse  # imported on use: `store list` never extracts

    if not isinstance(raw, RawArticle):
        return raw
    try:
        document = budgeted(timeout, raw.label, analyse, raw.text, source=raw.source, title=raw.title,
                            publisher=publisher or raw.publisher, published=published or raw.published)
    except ClaimcliError as err:
        return IngestResult(raw.label, doc_id(raw.text), "failed", err.message, code=int(err.exit_code))
    except Exception as err:  # noqa: BLE001 - an extractor bug fails one article, not the nightly run
        return IngestResult(raw.label, doc_id(raw.text), "failed",
                            f"the extractor failed on {raw.label} ({type(err).__name__}: {err}); "
                            "please report it with this article", code=1)
    article = Article(
        doc=document.doc, source=document.source, url=url or raw.url, title=document.title,
        publisher=document.publisher, published=document.published, previous=None, ingested_at=utc_now(),
        extractor=document.extractor or EXTRACTOR_VERSION, claims=document.claims, times=document.times,
        figures=document.figures, text=raw.text,
    )
    return raw.label, article


def reextract(store: Store, *, version: str | None = None, batch_size: int = DEFAULT_BATCH,
              on_article: Callable[[str], None] | None = None,
              timeout: float | None = DEFAULT_ARTICLE_TIMEOUT) -> Iterator[IngestResult]:
    """Extract again every stored article whose claims came from another
    extractor version (default: the current EXTRACTOR_VERSION), and store the
    new claims in place ("reextracted").  An article over ``timeout`` seconds
    of CPU time is "failed" and keeps its old claims."""
    from .extract import EXTRACTOR_VERSION, analyse

    version = version or EXTRACTOR_VERSION
    stale = store.stale(version)
    for start in range(0, len(stale), batch_size):
        fresh: list[Article] = []
        failed: list[IngestResult] = []
        for doc in stale[start:start + batch_size]:
            try:
                old = store.get(doc)
            except ClaimcliError as err:
                failed.append(IngestResult(doc, doc, "failed", err.message, code=int(err.exit_code)))
                continue
            try:
                document = budgeted(timeout, doc, analyse, old.text, source=old.source, title=old.title,
                                    publisher=old.publisher, published=old.published)
            except ClaimcliError as err:
                failed.append(IngestResult(old.source, doc, "failed", err.message, code=int(err.exit_code)))
                continue
            except Exception as err:  # noqa: BLE001 - an extractor bug fails one article, not the run
                failed.append(IngestResult(old.source, doc, "failed",
                                           f"the extractor failed on {doc} ({type(err).__name__}: {err})", code=1))
                continue
            fresh.append(dataclasses.replace(old, claims=document.claims, times=document.times,
                                             figures=document.figures, extractor=document.extractor or version))
        yield from failed
        for article, done in zip(fresh, store.refresh(fresh), strict=True):
            if on_article is not None:
                on_article(article.doc)
            if done:
                yield IngestResult(article.source, article.doc, "reextracted", title=article.title)

