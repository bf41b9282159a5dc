"""From bytes to text with offsets: decoding, front matter, boilerplate,
paragraphs and sentences.

Every span produced here is a ``(start, end)`` pair of code-point offsets into
the text exactly as decoded, so later stages never have to map positions
back: cleaning means *skipping* lines, never rewriting the string.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .errors import BadInputError

Span = tuple[int, int]

# --------------------------------------------------------------------------
# Decoding

#: Share of C0 control characters (other than tab/newline/CR/FF) above which a
#: byte string is treated as binary rather than text.
_BINARY_CONTROL_SHARE = 0.05
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}


#: Share of NUL bytes above which data is binary: a stray NUL in a scraped
#: page is still text, an image or a zip file is not.
_BINARY_NUL_SHARE = 0.10


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: many NUL bytes or control bytes."""
    head = data[:8192]
    if not head or _looks_utf16(head):
        return False
    if head.count(0) / len(head) > _BINARY_NUL_SHARE:
        return True
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    return controls / len(head) > _BINARY_CONTROL_SHARE


def _looks_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode(data: bytes, encoding: str | None = None, *, name: str = "input") -> str:
    """Decode article bytes: a BOM wins, then UTF-8, then cp1252, then latin-1.

    ``encoding`` forces one codec.  Binary data raises ``BadInputError``.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise BadInputError(f"unknown encoding {encoding!r}; pass a Python codec name such as cp1252") from None
        except UnicodeDecodeError as err:
            raise BadInputError(
                f"cannot read {name} as {encoding} (byte {err.start}); try another --encoding"
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if _looks_utf16(data):
        return data.decode("utf-16")
    if looks_binary(data):
        raise BadInputError(f"{name} looks like a binary file, not text; pass a plain-text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def doc_id(text: str) -> str:
    """Stable document id: a hash of the text with case-preserving normalisation
    (NFC, whitespace runs folded, ends stripped)."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------
# Lines, front matter and boilerplate

RE_LINE = regex.compile(r"[^\n\r\u2028\u2029]*(?:\r\n|[\n\r\u2028\u2029]|$)")
#: "Title: ...", "Publisher: ...", "Published: 2022-03-01", "URL: ..." at the top.
RE_FRONT_MATTER = regex.compile(
    r"^(title|publisher|published|date|url|source|author|byline)\s*:\s*(\S.*?)\s*$", regex.IGNORECASE
)
#: Lines that belong to the page, not the story.
RE_BOILERPLATE = regex.compile(
    r"""^(?:
        home\s*[»>›/|]                                   # breadcrumbs: Home » World
      | (?:[\w&'’ ]{1,30}\s*[»›]\s*){1,}[\w&'’ ]{1,60}$    # World » Europe
      | read\ (?:more|next|also|the\ full)\b.{0,80}$
      | related(?:\ (?:articles?|stories|coverage|content|topics?))?\s*:.{0,200}$
      | (?:also\ )?see\ also\b.{0,120}$
      | advertisement$ | ad$ | sponsored(?:\ content)?$
      | share\ (?:this|on)\b.{0,60}$
      | (?:sign\ up|subscribe)\b.{0,160}$
      | (?:©|\(c\)|copyright\b).{0,160}$
      | .{0,120}all\ rights\ reserved\.?$
      | (?:support|contribute|donate)\b.{0,80}$
      | now\ is\ the\ time\ to\ support\b.{0,120}$
      | click\ here\b.{0,120}$
      | follow\ us\b.{0,120}$
      | (?:photo|image|video|file\ photo|caption)\s*:.{0,200}$
      | (?:www\.|https?://)?[\w-]+(?:\.[\w-]+)+/\S*$       # bare links: vk.com/ramzan
      | (?:reporting|editing|writing)\ by\b.{0,160}$
      | (?:back\ to\ top|skip\ to\ (?:main\ )?content|print|email|comments?\ \(\d+\))$
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
#: A newsletter plea (tried only on lines that name a newsletter): "Get our
#: free newsletter", but not "the Oil World newsletter said".
RE_NEWSLETTER_PLEA = regex.compile(
    r"""^(?:
        (?:get|receive|join|try|want)\b.{0,60}\bnewsletters?\b.{0,80}$
      | .{0,60}(?<![\w-])(?:our|free|your)(?![\w-]).{0,30}\bnewsletters?\b.{0,80}$   # not "the free-market newsletter"
      | .{0,80}\bnewsletters?\b.{0,40}\b(?:sign\ up|subscribe|inbox)\b.{0,80}$
      | (?:[\w’'-]+\ ){0,3}newsletters?:?$
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Line:
    span: Span  # without the line break
    kind: str  # "text" | "blank" | "boilerplate" | "meta" | "headline"


#: Words a wrapped line of prose may end with but a headline does not.
WRAP_ENDINGS = frozenset(
    """
    a an the of to in for on at by from with and or but as that which who is was are were has have had
    be been its his her their our will would said says told than into about over under after before
    """.split()
)


def _ends_sentence(line: str) -> bool:
    """Does a line end a sentence, past closing quotes and brackets?  A quote
    closed after a comma ("…issues,\"") goes on in the next line."""
    return line.rstrip().rstrip("\"”’»)]'")[-1:] in (".", "!", "?", ":", "…")


def _headline_like(line: str) -> bool:
    """A short line without closing punctuation: a headline or a section title."""
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?:;,\"”’»)":
        return False
    if stripped.endswith("''") or stripped.endswith("'") and stripped[-2:-1] in ".!?,":
        return False  # a quote closed with typewriter marks: “… in this market?''”
    words = stripped.split()
    return len(words) <= 20


def scan_lines(text: str) -> list[Line]:
    """Classify every line of ``text``; spans exclude the line break."""
    lines: list[Line] = []
    in_front = True
    for match in RE_LINE.finditer(text):
        raw = match.group()
        if not raw:
            break
        start = match.start()
        body = raw.rstrip("\r\n\u2028\u2029")
        span = (start, start + len(body))
        stripped = body.strip()
        if not stripped:
            lines.append(Line(span, "blank"))
            continue
        if in_front and RE_FRONT_MATTER.match(stripped):
            lines.append(Line(span, "meta"))
            continue
        in_front = False
        if len(stripped) <= 240 and (RE_BOILERPLATE.match(stripped) or "ewsletter" in stripped.lower()
                                     and RE_NEWSLETTER_PLEA.match(stripped)):
            lines.append(Line(span, "boilerplate"))
        elif _headline_like(stripped):
            lines.append(Line(span, "headline"))
        else:
            lines.append(Line(span, "text"))
    # Hard-wrapped prose is not a run of headlines: a short line is prose when
    # it runs on into a line that starts in lower case (or, when it is long,
    # with a digit), when it ends with a word no headline ends with ("a trading
    # centre for"), when it is long and sits between two lines of one paragraph,
    # or when it is indented.
    for i in range(len(lines) - 1):
        if lines[i].kind != "headline" or lines[i + 1].kind not in ("text", "headline"):
            continue
        body = text[lines[i].span[0] : lines[i].span[1]].strip()
        nxt = text[lines[i + 1].span[0] : lines[i + 1].span[1]].lstrip()
        prev = text[lines[i - 1].span[0] : lines[i - 1].span[1]].rstrip() if i else ""
        long = len(body) >= 40  # near a wrap width; a dateline or a title is shorter
        runs_on = nxt[:1].islower() or nxt[:1].isdigit() and long
        open_end = body.rsplit(None, 1)[-1].lower() in WRAP_ENDINGS
        inside = long and i > 0 and lines[i - 1].kind in ("text", "headline") and not _ends_sentence(prev)
        # An indented line that a line follows opens a paragraph of wrapped prose.
        indented = text.startswith(("  ", "\t"), lines[i].span[0])
        # So does a line in sentence case over a long wrapped line: "Soybeans produced
        # in the United\nStates face a competitive price problem because of the …".
        opens_prose = (len(nxt.rstrip()) >= 50 and (i == 0 or lines[i - 1].kind == "blank")
                       and not any(c.isdigit() for c in body)
                       and any(w[0].islower() and w not in WRAP_ENDINGS for w in body.split()[1:]))
        if runs_on or open_end or inside or indented or opens_prose:
            lines[i] = Line(lines[i].span, "text")
            if runs_on and lines[i + 1].kind == "headline":
                lines[i + 1] = Line(lines[i + 1].span, "text")
    return lines


def front_matter(text: str, lines: list[Line] | None = None) -> dict[str, str]:
    """The ``Key: value`` lines at the top of a file, keys lower-cased."""
    found: dict[str, str] = {}
    for line in lines if lines is not None else scan_lines(text):
        if line.kind == "blank":
            continue
        if line.kind != "meta":
            break
        match = RE_FRONT_MATTER.match(text[line.span[0] : line.span[1]].strip())
        if match:
            found.setdefault(match.group(1).lower(), match.group(2))
    return found


def title_of(text: str, lines: list[Line]) -> str | None:
    """Front-matter title, else the first headline-like line."""
    meta = front_matter(text, lines)
    if "title" in meta:
        return meta["title"]
    for line in lines:
        if line.kind == "headline":
            return text[line.span[0] : line.span[1]].strip()
        if line.kind == "text":
            return None
    return None


# --------------------------------------------------------------------------
# Paragraphs


#: A wire dateline opening a story: "ORLITZ, March 10 (Northern Wire Service) -",
#: "KYIV, March 1 (Reuters) -", "WASHINGTON (AP) —".
RE_DATELINE = regex.compile(
    r"[\p{Lu}][\p{Lu}\p{M} .'’\-]{1,40}(?:,\s*[\p{L}\p{N} .,]{1,40}?)?\s*(?:\([^()\n]{1,40}\))?\s*[-—–]+\s+"
)


def skip_dateline(text: str, start: int, end: int) -> int:
    """Where the story starts in a first paragraph that opens with a dateline."""
    match = RE_DATELINE.match(text, start, end)
    if match and (match.group().count("(") or "," in match.group()):
        return match.end()
    return start


def paragraphs(text: str, lines: list[Line] | None = None) -> list[Span]:
    """Spans of the article's prose paragraphs (boilerplate, meta and headline
    lines left out).  A single line break joins hard-wrapped lines unless the
    line before it ends a sentence."""
    out: list[Span] = []
    current: Span | None = None
    for line in lines if lines is not None else scan_lines(text):
        if line.kind != "text":
            if current:
                out.append(current)
            current = None
            continue
        if current is None:
            current = (skip_dateline(text, *line.span), line.span[1])
            continue
        if _ends_sentence(text[current[0] : current[1]]):
            out.append(current)
            current = line.span
        else:
            current = (current[0], line.span[1])
    if current:
        out.append(current)
    return out


def unwrap(text: str, paras: list[Span]) -> str:
    """``text`` with the line breaks inside its paragraphs (hard-wrapped prose,
    see ``paragraphs``) turned into spaces, but for those before an indented
    line (a table row, a new paragraph): the same length, so every offset
    still points at the same character.  Patterns that read a phrase across
    blanks ("in\\n1987", "July\\n8, 1986") then read it as written on one line."""
    pieces: list[str] = []
    done = 0
    for start, end in paras:
        at = text.find("\n", start, end)
        while at != -1:
            if text[at + 1:at + 2] not in (" ", "\t"):  # an indented line is a row or a paragraph of its own
                cut = at - 1 if at > start and text[at - 1] == "\r" else at
                pieces.append(text[done:cut])
                pieces.append(" " * (at + 1 - cut))
                done = at + 1
            at = text.find("\n", at + 1, end)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# --------------------------------------------------------------------------
# Sentences

#: Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr gen sen rep gov lt col sgt capt maj adm cmdr cdr st jr sr prof rev hon
    pres supt insp cpl pvt brig ft mt no nos vol pp ca approx dept univ assn bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd plc llc vs v est fig al op
    """.split()
)
#: Company suffixes: after them a capitalised word followed by a lower-case one opens a sentence.
COMPANY_ABBREVIATIONS = frozenset({"inc", "corp", "co", "ltd", "plc", "llc"})
RE_CLAUSE_AHEAD = regex.compile(r"[\"”’)]*\s+[\"“‘(]?\p{Lu}[\p{Ll}\-]*\s+\p{Ll}")
#: Words that typically open a sentence: after "U.S." they make the period final.
SENTENCE_OPENERS = frozenset(
    """
    the a an he she it they we i you this that these those there his her their its our but and
    however in on at for after before when while as if meanwhile yet so still also
    """.split()
)

# A candidate boundary: terminal punctuation, then (group 1) closing
# quotes/brackets and space, then something that can start a sentence.  The
# pattern starts with the punctuation, not a lookbehind, so the engine skips
# to the next candidate instead of trying every character.
RE_BOUNDARY = regex.compile(
    r"""[.!?…](["”’»)\]]*\s+)(?=["“‘«(\[]?[\p{Lu}\p{N}])"""
)
RE_NEXT_WORD = regex.compile(r"[\"“‘«(\[]?([\p{L}\p{N}]+)")
#: The word a period ends, read right to left from the period: a forward
#: search would try every start in the window before it.
RE_WORD_BEFORE = regex.compile(r"(?r)([\p{L}.]+)\.$")


def _is_abbreviation(text: str, dot: int, next_word: str) -> bool:
    """Does the period at ``text[dot]`` close an abbreviation, not a sentence?"""
    match = RE_WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if not match:
        return False
    word = match.group(1)
    bare = word.rstrip(".").lower()
    if "." in word.strip("."):  # U.S., U.N., a.m., D.C.
        return next_word.lower() not in SENTENCE_OPENERS
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    if bare in COMPANY_ABBREVIATIONS:
        # "Wang Laboratories Inc. Terms of the deal …" ends a sentence;
        # "Wang Laboratories Inc. Chairman An Wang said" does not.
        return next_word.lower() not in SENTENCE_OPENERS and not RE_CLAUSE_AHEAD.match(text, dot + 1)
    return bare in ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside ``text[start:end]`` (one paragraph, usually)."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in RE_BOUNDARY.finditer(text, start, end):
        term = match.start()  # the terminal punctuation character
        next_word_match = RE_NEXT_WORD.match(text, match.end(), min(end, match.end() + 40))
        next_word = next_word_match.group(1) if next_word_match else ""
        if text[term] == "." and _is_abbreviation(text, term, next_word):
            continue
        close = match.start(1)
        while close < match.end() and not text[close].isspace():
            close += 1
        if close > cursor:
            spans.append(_strip_span(text, cursor, close))
        cursor = match.end()
    if cursor < end:
        tail = _strip_span(text, cursor, end)
        if tail[1] > tail[0]:
            spans.append(tail)
    return [piece for s in spans if s[1] > s[0] for piece in _cap(text, s)]


#: No sentence of real prose is longer; a longer run (a table, a list with no
#: full stops, hostile input) is cut at spaces so per-sentence work stays bounded.
MAX_SENTENCE = 2000


def _cap(text: str, span: Span) -> list[Span]:
    start, end = span
    if end - start <= MAX_SENTENCE:
        return [span]
    pieces: list[Span] = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        piece = _strip_span(text, start, cut)
        if piece[1] > piece[0]:
            pieces.append(piece)
        start = cut
    piece = _strip_span(text, start, end)
    if piece[1] > piece[0]:
        pieces.append(piece)
    return pieces


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    paragraph: int  # index of the paragraph holding it


def sentences(text: str, paras: list[Span]) -> list[Sentence]:
    """Every sentence of the given paragraphs, in order."""
    return [
        Sentence(span, index)
        for index, (start, end) in enumerate(paras)
        for span in split_sentences(text, start, end)
    ]


def iter_control_free(text: str) -> Iterator[str]:
    """Yield ``text`` with C0/C1 control characters (except newline and tab)
    removed: what may reach a terminal."""
    for ch in text:
        if ch in "\n\t" or unicodedata.category(ch) != "Cc":
            yield ch


def number_text(value: float | int | None) -> str:
    """A count as people read it: 1,100; 2.5; ? when unknown."""
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def printable(text: str) -> str:
    """``text`` made safe for a terminal: no control characters."""
    return "".join(iter_control_free(text))
