"""Typed records: the one shape every part of claimcli passes around.

All records are frozen, slotted dataclasses.  Spans are ``(start, end)`` tuples
of code-point offsets into the input text exactly as decoded.  ``to_dict`` is
the single place that turns a record into JSON-ready data, with a stable key
order that follows the field order below (which follows ../DESIGN.md).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]

ClaimKind = Literal["quote", "statement", "figure"]
SpeakerType = Literal["person", "organization", "anonymous", "document"]
Stance = Literal["neutral", "assert", "concede", "deny", "allege"]
Qualifier = Literal["exact", "at_least", "more_than", "at_most", "less_than", "about", "range"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity in the text: "over 3,500 Russian troops"."""

    text: str
    span: Span
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: Qualifier
    object: str | None = None
    event: str | None = None
    part_of: int | None = None  # index into the same list of figures


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression: "on Tuesday" -> 2022-03-01 (grain "day")."""

    text: str
    span: Span
    value: str | None
    grain: str


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    mention: str
    span: Span
    role: str | None
    type: SpeakerType


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    lemma: str
    span: Span
    stance: Stance


@dataclass(frozen=True, slots=True)
class Content:
    text: str
    span: Span
    direct: bool


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    kind: ClaimKind
    span: Span
    speaker: Speaker | None
    cue: Cue | None
    content: Content
    channel: str | None = None
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeRef, ...] = ()
    hedges: tuple[str, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Document:
    doc: str
    source: str
    title: str | None
    publisher: str | None
    published: str | None
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeRef, ...] = ()
    figures: tuple[Figure, ...] = ()
    extractor: str = field(default="")


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple/list of records) into JSON-ready data.

    Tuples become lists, nested records become dicts, key order follows the
    dataclass fields.  This is the only serialiser in the project.
    """
    if isinstance(record, _SCALARS):
        return record
    names = _FIELD_NAMES.get(type(record))
    if names is None and dataclasses.is_dataclass(record) and not isinstance(record, type):
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def record_fields(record: Any) -> dict[str, Any]:
    """One record's fields, one level deep: the ``default`` hook that lets
    ``json.JSONEncoder`` write ``to_dict(record)`` in one pass (the C encoder
    walks the tuples itself; tests pin that the bytes are identical)."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            raise TypeError(f"{type(record).__name__} is not JSON serialisable")
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    return {name: getattr(record, name) for name in names}


#: Leaves returned as they are (checked first: most values are leaves).
_SCALARS = (str, int, float, type(None))
#: Field names per dataclass, looked up once (ingest serialises every claim).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


# --------------------------------------------------------------------------
# The store and ingest (see claimcli/store.py, claimcli/ingest.py)

IngestStatus = Literal["new", "duplicate", "updated", "failed", "reextracted"]


@dataclass(frozen=True, slots=True)
class Article:
    """One stored article: the document record plus its text and provenance.

    This is the JSON of one article file (``articles/ab/<doc>.json``) and of
    one ``store export`` line.  ``previous`` is the doc id of the earlier
    version of the same URL; ``extractor`` the EXTRACTOR_VERSION that made
    the claims.  Offsets in the claims point into ``text``.
    """

    doc: str
    source: str
    url: str | None
    title: str | None
    publisher: str | None
    published: str | None
    previous: str | None
    ingested_at: str
    extractor: str
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeRef, ...] = ()
    figures: tuple[Figure, ...] = ()
    text: str = ""

    @property
    def document(self) -> Document:
        """The DESIGN.md document record of this article."""
        return Document(self.doc, self.source, self.title, self.publisher, self.published,
                        self.claims, self.times, self.figures, self.extractor)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """One ``store list`` record: an index entry, no text and no claims."""

    doc: str
    title: str | None
    publisher: str | None
    published: str | None
    source: str
    url: str | None = None
    previous: str | None = None
    ingested_at: str | None = None
    extractor: str | None = None
    claims: int = 0


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one input (one article) during ``ingest``.

    ``source`` names the input as the user gave it (``export.jsonl#3`` for
    the third record of an export); ``code`` is the exit code a failure maps
    to (0 otherwise).
    """

    source: str
    doc: str | None
    status: IngestStatus
    error: str | None = None
    previous: str | None = None
    title: str | None = None
    code: int = 0


@dataclass(frozen=True, slots=True)
class RemoveResult:
    doc: str
    removed: bool
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing ``store verify`` found wrong, naming the file."""

    kind: Literal["store", "index", "unreadable", "corrupt", "mismatch", "missing", "unindexed", "stray"]
    path: str
    doc: str | None
    message: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of ``store verify``: sound when ``problems`` is empty
    (after a repair, ``problems`` lists what was found and ``repairs`` what
    was done about it)."""

    store: str
    articles: int
    problems: tuple[Problem, ...] = ()
    repairs: tuple[str, ...] = ()
    repaired: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems or self.repaired


@dataclass(frozen=True, slots=True)
class MigrationResult:
    """A store upgraded from an older layout."""

    store: str
    from_schema: int
    to_schema: int
    articles: int
    quarantined: tuple[str, ...] = ()


# --------------------------------------------------------------------------
# compare (see claimcli/compare.py): groups of claims across articles

GroupKind = Literal["figure", "quote", "statement"]
Verdict = Literal["agree", "differ", "updated", "single", "corroborated", "reworded", "misattributed", "repeated"]
#: The verdicts every renderer flags as alarms: a conflict or a quote pinned on someone else.
ALARMS: tuple[Verdict, ...] = ("misattributed", "differ")
Change = Literal["first", "same", "up", "down"]


@dataclass(frozen=True, slots=True)
class GroupMember:
    """One report in a group, pointing back to its article and claim.

    ``text``/``span`` are the figure (figure groups) or the claim's content
    (quotes, statements), offsets into the article's text.  ``date`` is when
    the report was made: a day the claim gives for it, else the article's
    ``published`` date.  ``according_to`` is the claim's speaker, else the
    outlet.  ``value``/``low``/``high``/``qualifier`` are set for figures,
    ``context`` is then the claim's content.
    """

    doc: str
    claim: str
    source: str
    publisher: str | None
    published: str | None
    speaker: str | None
    text: str
    span: Span
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    qualifier: Qualifier | None = None
    kind: ClaimKind = "quote"
    date: str | None = None
    according_to: str | None = None
    stance: Stance | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One day of a figure group: what the articles reported that day.

    ``values`` are the counts the articles gave that day (each article's
    highest, in ascending order); ``members`` index into the group's
    members; ``change`` compares the day with the one before; ``agree`` is
    False when reports of that day cannot all hold."""

    date: str | None
    values: tuple[float | int | None, ...]
    members: tuple[int, ...]
    change: Change
    agree: bool = True


@dataclass(frozen=True, slots=True)
class Group:
    """Claims from several articles (or repeated in one) that line up.

    ``key`` says what lines them up: ``{"story", "event", "object"}`` (and
    ``"place"`` when the text names one) for figures, ``{"text"}`` for
    quotes, ``{"speaker", "story"}`` for statements.  ``diff`` is a word
    diff of a reworded quote: ``[["=", words], ["-", words], ["+", words]]``.
    ``timeline`` is the day-by-day series of a figure group; ``summary`` one
    readable line."""

    id: str
    kind: GroupKind
    verdict: Verdict
    key: dict[str, Any]
    members: tuple[GroupMember, ...]
    diff: tuple[tuple[str, str], ...] | None = None
    timeline: tuple[TimelinePoint, ...] = ()
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same event, as compare clustered them (figure and
    statement groups never span two stories)."""

    id: str
    label: str
    articles: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """What ``compare`` found: the groups, and what it looked at."""

    articles: int
    stories: tuple[Story, ...]
    groups: tuple[Group, ...]


# --------------------------------------------------------------------------
# report (see claimcli/report.py): the briefing over a window of the store

WindowBy = Literal["published", "ingested"]


@dataclass(frozen=True, slots=True)
class Window:
    """Which articles a report covers.  ``by="published"``: publication
    dates ``since``..``until`` (inclusive ISO days; ``since`` None: from the
    first).  ``by="ingested"`` (``--since last``): articles stored after the
    instant ``since`` and up to ``until`` (UTC, as ``ingested_at``);
    ``previous`` is the end of the previous successful ``--since last`` run,
    None on the first one."""

    by: WindowBy
    since: str | None
    until: str
    previous: str | None = None


@dataclass(frozen=True, slots=True)
class Headline:
    """The numbers at the top of a report, all over the window's articles."""

    articles: int
    outlets: int
    claims: int
    speakers: int
    new_speakers: int


@dataclass(frozen=True, slots=True)
class ReportChange:
    """Something that changed in the window: compare's ``group`` and what
    it shows there.  ``verdict`` is the group's own for quotes; for a
    figure it is ``differ`` when reports of one of the window's days
    conflict, else ``updated`` when the count moved on one of them (a group
    that compare calls ``differ`` for an earlier day is ``updated`` in a
    window where its toll only rose)."""

    verdict: Verdict
    group: Group


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One outlet's report of a figure on one day (its highest that day),
    pointing back to the article, claim and figure offsets."""

    date: str
    value: float | int | None
    text: str
    doc: str
    claim: str
    span: Span


@dataclass(frozen=True, slots=True)
class Series:
    """A figure as one outlet reported it, day by day."""

    outlet: str
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True, slots=True)
class FigureHistory:
    """A key figure: compare's figure group and its series, one per outlet."""

    group: Group
    series: tuple[Series, ...]


@dataclass(frozen=True, slots=True)
class SpokenClaim:
    """A quote or statement of a speaker in the window: ``span`` is the
    content's offsets in article ``doc``."""

    doc: str
    claim: str
    span: Span
    kind: ClaimKind
    stance: Stance
    cue: str | None
    text: str
    publisher: str | None
    published: str | None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerClaims:
    """What one speaker said in the window, with stance counts; ``new``
    when no earlier article of the report's history names them."""

    name: str
    type: SpeakerType
    role: str | None
    new: bool
    stances: dict[str, int]
    claims: tuple[SpokenClaim, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """The briefing: headline numbers, what changed (compare's finding
    groups that change in the window), key figures with their history,
    claims by speaker, and the window's articles.  ``verdicts`` counts the
    groups that concern the window, by their verdict in the window (see
    ``ReportChange``; ``--fail-on`` reads it)."""

    schema: int
    generated_at: str
    window: Window
    headline: Headline
    changes: tuple[ReportChange, ...]
    figures: tuple[FigureHistory, ...]
    speakers: tuple[SpeakerClaims, ...]
    articles: tuple[ArticleInfo, ...]
    verdicts: dict[str, int]
