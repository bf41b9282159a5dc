"""Regex building blocks shared by the extractors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex

#: A run of blanks inside a phrase: spaces, tabs, no-break spaces.
BLANK = r"[ \t\u00a0]+"
#: One character that ``regex`` reads as a word character (``\w``, which is
#: what its ``\b`` looks at: marks count, "½" and "²" do not).  Fast scans
#: with ``re`` or ``str.find`` check their word boundaries with it.
RE_WORD_CHAR = regex.compile(r"\w")

_Tree = dict[str, "_Tree"]


def trie(words: Iterable[str], *, reverse: bool = False) -> str:
    """A regex alternation for literal ``words``, factored as a trie.

    A trie fails fast on the first letters, so a scan or an anchored match
    does not try every word at every position.  A space in a phrase matches
    any run of blanks.  With ``reverse`` the factoring runs on common endings,
    which is what a ``(?r)`` (right-to-left) pattern needs.
    """
    tree: _Tree = {}
    for word in set(words):
        tokens = [" " if part.startswith(" ") else part for part in regex.findall(r" +|[^ ]", word)]
        if reverse:
            tokens.reverse()
        node = tree
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}

    def piece(token: str) -> str:
        return BLANK if token == " " else regex.escape(token)

    def build(node: _Tree) -> str:
        if reverse:
            branches = [build(node[t]) + piece(t) for t in sorted(node) if t]
        else:
            branches = [piece(t) + build(node[t]) for t in sorted(node) if t]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return build(tree)


def line_matches(pattern: Any, text: str, longest: int | None = None) -> Iterator[Any]:
    """What ``pattern.finditer(text)`` yields for a pattern that starts with
    a multi-line ``^``, tried only where lines start.  An engine scanning the
    text would try every character and fail there; for a page of text this
    is several times faster.  ``longest``: lines longer than this once their
    blanks at both ends are stripped are not tried (for a pattern that
    cannot match them, such as a line that is only a date)."""
    pos, size = 0, len(text)
    while pos <= size:
        newline = text.find("\n", pos)
        match = None
        if longest is None or len(text[pos:newline if newline >= 0 else size].strip(" \t")) <= longest:
            match = pattern.match(text, pos)
        if match is not None:
            yield match
            newline = text.find("\n", match.end())
        if newline < 0:
            return
        pos = newline + 1
