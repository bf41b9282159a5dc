"""claimcli: who claimed what, when, with which numbers — from plain news text.

Using it as a library::

    from claimcli import analyse, to_dict
    doc = analyse(text, source="story.txt", published="2022-02-27")
    for claim in doc.claims:
        print(claim.kind, claim.speaker and claim.speaker.name, claim.content.text)

    from claimcli import Store
    store = Store.open("~/news-store", create=True)
    for info in store.articles(since="2026-03-10"):
        print(info.doc, info.title)

Names are imported on first use (PEP 562), so commands that never extract
(``store list``) do not pay for compiling the extractors' patterns.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "extract_document": ".api", "extract_sources": ".api", "read_source": ".api",
    "ClaimcliError": ".errors", "ExitCode": ".errors",
    "EXTRACTOR_VERSION": ".extract", "analyse": ".extract",
    "Article": ".models", "ArticleInfo": ".models", "Claim": ".models", "Content": ".models", "Cue": ".models",
    "Document": ".models", "Figure": ".models", "IngestResult": ".models", "Speaker": ".models",
    "TimeRef": ".models", "to_dict": ".models",
    "Store": ".store",
}

__all__ = [
    "EXTRACTOR_VERSION", "Article", "ArticleInfo", "Claim", "ClaimcliError", "Content", "Cue", "Document",
    "ExitCode", "Figure", "IngestResult", "Speaker", "Store", "TimeRef", "__version__", "analyse",
    "extract_document", "extract_sources", "read_source", "to_dict",
]

if TYPE_CHECKING:
    from .api import extract_document, extract_sources, read_source
    from .errors import ClaimcliError, ExitCode
    from .extract import EXTRACTOR_VERSION, analyse
    from .models import (
        Article,
        ArticleInfo,
        Claim,
        Content,
        Cue,
        Document,
        Figure,
        IngestResult,
        Speaker,
        TimeRef,
        to_dict,
    )
    from .store import Store


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcli' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
