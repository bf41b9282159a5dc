"""Library operations behind the commands: read inputs, extract, filter.

Functions here return models or iterators and never print or exit; the CLI
renders what they return.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import BadInputError, ClaimcliError, InputMissingError
from .models import Claim, Document, to_dict
from .text import decode

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


def extract_sources(
    sources: Iterable[str],
    *,
    published: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | Failure]:
    """Extract every source in order; a failing input yields a Failure and the
    rest go on."""
    from .extract import analyse  # imported on use: compiling the extractors is slow

    for source in sources:
        try:
            text = read_source(source, encoding=encoding, max_bytes=max_bytes, stdin=stdin)
        except ClaimcliError as err:
            yield Failure(source, err)
            continue
        yield analyse(text, source=source, published=published)


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


def extract_document(record: Mapping[str, Any]) -> dict[str, Any]:
    """Pure, picklable: one article record in, the DESIGN.md document record out.

    ``record`` holds ``text`` and optionally ``title``, ``publisher``,
    ``published`` and ``url`` (or ``source``).  This is the function every
    engine (a process pool, Dask, Spark) maps over articles.
    """
    from .extract import EXTRACTOR_VERSION, analyse

    text = record.get("text")
    if not isinstance(text, str):
        raise BadInputError("record has no 'text' string")
    document = analyse(
        text,
        source=str(record.get("url") or record.get("source") or "-"),
        title=record.get("title"),
        publisher=record.get("publisher"),
        published=record.get("published") or record.get("date"),
    )
    out: dict[str, Any] = to_dict(document)
    out["extractor"] = EXTRACTOR_VERSION
    return out


def default_store() -> Path:
    """``$CLAIMCLI_STORE``, else ``$XDG_DATA_HOME/claimcli``, else
    ``~/.local/share/claimcli``."""
    if os.environ.get("CLAIMCLI_STORE"):
        return Path(os.environ["CLAIMCLI_STORE"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "claimcli"
