"""compare: line up claims across stored articles.

``compare(store, ...)`` reads the stored articles once, streamed, keeps the
small fields of the claims it can compare, and returns a ``Comparison``:
typed ``Group`` records (models.py), never printed here.

* **Stories.**  Articles are first clustered into stories (events): an
  article's profile is the proper names it uses most (capitalised words,
  weighted by how rare they are in the store); articles join the story
  whose profile is closest (cosine) among the stories active in the last
  ``STORY_WINDOW_DAYS``, in date order, as in topic detection and tracking.
  Candidate stories come from an inverted index of names, never from all
  pairs.  Figure and statement groups never span two stories, so a dam
  collapse's toll is never compared with a blast's.
* **Figure groups**: the figures of claims that count the same thing: same
  story, same event after normalisation (killed = died = dead, wounded =
  injured), same object (troops = soldiers = servicemen, singular = plural,
  nationality kept: "Russian troops" = "Russian soldiers"; "children" kept
  apart from the civilians they are part of), and the same place when the
  sentence names one ("died in Ukraine").  Each report is dated: by a day
  the sentence attaches to the figure ("up from nine on Monday"), else by
  the day of the statement ("said on Sunday"), else by the article's date.
  Each article's highest count of a day is what it reports that day.
  Verdict: ``differ`` when two articles' reports of the same day cannot
  both hold, else ``updated`` when a later day's count is above (or below)
  an earlier day's, else ``agree``; ``single`` when one article reports it.
  Counts are compared as intervals: "at least 14" is read as the count
  confirmed so far (14), round numbers carry the precision of their last
  non-zero digit ("more than 1,100" is 1,100-1,200), "about" is +-10 %
  (at least half that step: "about 40" is 35-45).
* **Quote groups**: quotes are normalised (case, straight/curly quotes,
  punctuation) to word sequences.  The same words in several articles are
  ``corroborated``; similar wording (the Jaccard similarity of their content
  words, stopwords left out and words stemmed, >= ``min_similarity``) is
  ``reworded`` (with a word diff); the same (or reworded) words given to
  speakers who are not the same person or body are ``misattributed``; the
  same words twice in one article are ``repeated``.  Identical wordings
  meet in a hash table; near duplicates are found with prefix filtering
  over an inverted index of each quote's rarest content words (a
  set-similarity join: two quotes that alike must share two of them),
  never by comparing all pairs.  Words used by a large share of all quotes
  do not count, and clusters of rewordings cannot drift (a chain A ~ B ~ C
  joins only while its ends stay alike).
* **Statement groups**: statements (and quotes) of the same speaker in
  several articles of a story on the same matter: content words (stemmed,
  synonyms folded) overlap by ``min_similarity`` of the shorter, with at
  least two words in common.  Speakers are normalised: persons by a folded
  surname (Konashenkov ~ Konashenkova, Zelensky ~ Zelenskyy) with
  compatible first names, organisations by their last two words, and a
  government body by its country ("Russia's Defense Ministry", "the
  Kremlin" and a spokesman for Russia's military ministry all speak for
  Russia's government).  Denials are never grouped with admissions.

Cost: one pass over the store (each article file parsed once, its text
dropped as soon as its claims are read), one small record per comparable
claim, and indexes whose work grows with the number of claims, not with
the number of pairs (see benchmarks/bench_compare.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import functools
import gc
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from .errors import StoreCorruptError, UsageError
from .models import Comparison, Group, GroupMember, Story, TimelinePoint
from .store import Store
from .text import number_text

KINDS = ("figure", "quote", "statement")
VERDICTS = ("misattributed", "differ", "reworded", "updated", "repeated", "corroborated", "agree", "single")
#: Findings first: the order groups are returned in.
SEVERITY = {verdict: rank for rank, verdict in enumerate(VERDICTS)}
DEFAULT_MIN_SIMILARITY = 0.6

#: A story stays open this many days after its latest article.
STORY_WINDOW_DAYS = 7
#: Cosine similarity an article needs with a story's profile to join it.
STORY_THRESHOLD = 0.2
#: An article's profile is read from its first characters (headline, lead).
STORY_CHARS = 2500
#: Names kept per article profile, and per story profile.
ARTICLE_TERMS = 12
STORY_TERMS = 40
#: Stories looked up per name (the most recent ones).
RECENT_STORIES = 10
#: An article looks for its story through its rarest names only (that
#: another article has too).
LOOKUP_TERMS = 6

#: Quotes shorter than this (in words) are too common to line up.
MIN_QUOTE_WORDS = 5
MIN_REPEAT_WORDS = 4
#: ... and need this many content words to be compared with other wordings,
#: not counting words used by more than COMMON_SHARE of all quotes (and
#: more than COMMON_MIN quotes).
MIN_QUOTE_TERMS = 3
COMMON_SHARE = 0.002
COMMON_MIN = 50
#: Words whose postings grow beyond this are too common to find candidates.
POSTING_CAP = 1000
#: Statements need this many content words, and this many in common.  (A
#: statement with a figure is left to the figure groups.)
MIN_STATEMENT_TERMS = 2
MIN_SHARED_TERMS = 2


# --------------------------------------------------------------------------
# Normalisation tables

#: Event -> the series it belongs to (a toll of the dead is one series).
EVENT_SYNONYMS = {
    "killed": "killed", "died": "killed", "dead": "killed", "death": "killed", "deaths": "killed",
    "dies": "killed", "die": "killed", "fatalities": "killed", "perished": "killed", "lost": "killed",
    "kill": "killed", "slain": "killed",
    "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "injuries": "wounded", "injury": "wounded",
    "wounds": "wounded", "wound": "wounded", "injure": "wounded",
    "missing": "missing", "unaccounted": "missing", "disappeared": "missing",
    "captured": "captured", "taken prisoner": "captured", "detained": "detained", "arrested": "arrested",
    "evacuated": "evacuated", "displaced": "displaced", "rescued": "rescued",
}
#: Events whose count is of people when the object is not named ("Two died").
PERSON_EVENTS = frozenset({"killed", "wounded", "missing", "captured", "detained", "arrested", "evacuated",
                           "displaced", "rescued"})
#: Head noun (singular) -> canonical object (plural, as shown).
OBJECT_SYNONYMS = {
    "troop": "soldiers", "troops": "soldiers", "soldier": "soldiers", "serviceman": "soldiers",
    "servicemen": "soldiers", "servicewoman": "soldiers", "servicemember": "soldiers", "service member": "soldiers",
    "military personnel": "soldiers", "personnel": "soldiers", "fighter": "fighters",
    "person": "people", "people": "people", "persons": "people", "individual": "people", "victim": "people",
    "civilian": "civilians", "child": "children", "children": "children", "kid": "children",
    "minor": "children", "resident": "residents", "inhabitant": "residents", "worker": "workers",
    "employee": "workers", "man": "men", "men": "men", "woman": "women", "women": "women",
}
#: Words that end an object phrase's head ("natives of the Chechen republic").
RE_OBJECT_CUT = regex.compile(r"\s+(?:of|from|in|at|on|with|among|who|that|which)\s.*$", regex.S)
RE_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
#: Figure -> the day the sentence attaches to it: only a short, clause-free gap.
RE_CLAUSE_BREAK = regex.compile(r"\b(?:after|before|when|since|because|until|while|as|which|who|that|but)\b|[;:—–()]",
                                regex.I)
RE_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")
#: "... had died in Ukraine": the place right after the event verb.
RE_PLACE = regex.compile(
    r"(?:[\s,]+[\p{Ll}’'-]+){0,6}?[\s,]+(?:killed|died|dead|wounded|injured|hurt|missing|captured|detained|arrested|"
    r"evacuated|displaced|rescued)\s+(?:in|at|near)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})")
RE_CAPITALISED = regex.compile(r"\b\p{Lu}\p{L}+")
#: Capitalised words that are not names of anything in particular.
NAME_STOPWORDS = frozenset("""
a about after again against all also although among an and another any are as at be because been before being
but by can could did do does during each even every for from had has have he her here him his how however i if in
into is it its just last later like many may meanwhile more most mr mrs ms dr much must my new no nor not now of
on once one only or other our out over own per perhaps prof same several she should since so some still such than
that the their them then there these they this those though through to too two under until up us very was we were
what when where whether which while who whom whose why will with within without would yet you your
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tomorrow
home world europe news share related read more advertisement photograph photo video sign published title url
updated reporting editing writing additional by minute minutes copyright rights reserved all
president minister prime governor mayor chief general secretary spokesman spokeswoman spokesperson officials
official police government ministry army state regional national city town village council agency authority
according asked told said says added speaking unfortunately despite instead although yes
""".split())
#: Words that carry no matter in a statement.
STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any anyone anything
are around as at away back be became because been before being below between both but by can cannot could did
do does doing done down during each either else enough even ever every few for from further get gets got had has
have having he her here hers herself him himself his how however i if in into is it its itself just least less
let like made make many may me might more most much must my myself never no nor not now of off often on once one
only or other others our ours ourselves out over own per perhaps quite rather really same say said says saying
see seen shall she should since so some something still such than that the their theirs them themselves then
there these they this those though through thus to too toward towards under until up upon us very was way we
well were what whatever when where whether which while who whom whose why will with within without would yet you
your yours told tell telling added add adding according stated state stating noted note claimed claim claims
announced announce confirmed confirm acknowledged acknowledge admitted admit insisted insist stressed stress
warned warn denied deny believes believe believed already first last unfortunately also however again there
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december today tonight yesterday tomorrow morning afternoon evening night day days
week weeks month months year years hour hours time times
""".split())
#: Content-word synonyms folded before comparing statements.
TERM_SYNONYMS = {
    "troop": "soldier", "troops": "soldier", "soldiers": "soldier", "servicemen": "soldier", "serviceman": "soldier",
    "killed": "kill", "kill": "kill", "kills": "kill", "died": "kill", "die": "kill", "dead": "kill", "death": "kill",
    "deaths": "kill", "fatalities": "kill", "losses": "loss", "injured": "wound", "injuries": "wound",
    "injury": "wound", "wounded": "wound", "wounds": "wound", "hurt": "wound", "casualties": "casualty",
    "warned": "warn", "warning": "warn", "alerted": "warn", "alert": "warn", "alarm": "warn",
    "defence": "defense",
}
#: Countries, and the adjectives that name them.
DEMONYMS = {
    "russian": "russia", "russia": "russia", "ukrainian": "ukraine", "ukraine": "ukraine", "american": "united states",
    "u.s.": "united states", "us": "united states", "united states": "united states", "british": "united kingdom",
    "uk": "united kingdom", "britain": "united kingdom", "chinese": "china", "china": "china", "french": "france",
    "france": "france", "german": "germany", "germany": "germany", "israeli": "israel", "israel": "israel",
    "belarusian": "belarus", "belarus": "belarus", "polish": "poland", "poland": "poland", "turkish": "turkey",
    "turkey": "turkey", "iranian": "iran", "iran": "iran", "indian": "india", "india": "india",
}
#: Seats of government named for the government.
SEATS = {"kremlin": "russia", "white house": "united states", "pentagon": "united states",
         "downing street": "united kingdom", "élysée": "france", "elysee": "france", "zhongnanhai": "china"}
GOVERNMENT_WORDS = frozenset({"ministry", "government", "military", "army", "defense", "defence", "kremlin",
                              "presidency", "president", "cabinet", "forces", "office", "embassy", "navy",
                              "administration", "foreign", "interior"})
RE_SPOKESPERSON = regex.compile(r"\b(?:spokes(?:man|woman|person)|press secretary|representative)\s+(?:for|of)\s+(.+)$",
                                regex.I)
TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "president", "minister",
                    "governor", "mayor", "general", "colonel", "chief", "officer", "sen", "senator", "rep"})
ORG_STOPWORDS = frozenset({"the", "of", "a", "an", "and", "for", "s", "its", "regional", "local", "national",
                           "town", "city", "state", "latest"})
QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                             "`": "'", "´": "'"})


# --------------------------------------------------------------------------
# What is kept of each article and claim while the store is read


@dataclass(slots=True)
class _Article:
    n: int
    doc: str
    source: str
    publisher: str | None
    published: str | None
    terms: dict[str, int]
    title_terms: frozenset[str]
    story: int = -1


@dataclass(slots=True)
class _Report:
    """One comparable claim (or one figure of a claim)."""

    art: int
    claim: int | str  # n of the claim id "<doc>:n", or the id itself when it has another form
    kind: str
    speaker: str | None
    stype: str | None
    stance: str | None
    text: str
    span: tuple[int, int]
    date: str | None
    context: str | None = None
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    qualifier: str | None = None
    interval: tuple[float, float] = (0.0, 0.0)
    role: str | None = None
    norm: str = ""
    terms: tuple[str, ...] = ()


@dataclass(slots=True)
class _Collected:
    articles: list[_Article] = field(default_factory=list)
    figures: dict[tuple[str, str, str | None], list[_Report]] = field(default_factory=lambda: defaultdict(list))
    quotes: list[_Report] = field(default_factory=list)
    statements: list[_Report] = field(default_factory=list)
    display: dict[str, str] = field(default_factory=dict)
    #: One copy of each repeated string (names, types, dates): memory.
    strings: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------
# Public entry point


def compare(store: Store, docs: Sequence[str] | None = None, *, since: str | None = None,
            until: str | None = None, kinds: Collection[str] = KINDS,
            min_similarity: float = DEFAULT_MIN_SIMILARITY,
            on_article: Callable[[], None] | None = None) -> Comparison:
    """Line up the claims of the stored articles (all of them, those
    published in ``since``..``until``, or the ``docs`` given, ids or unique
    prefixes) and return the groups found, findings first.  ``kinds``
    limits the groups to figure, quote and/or statement groups."""
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise UsageError(f"--kind {bad[0]!r} is not a group kind; use figure, quote or statement")
    if not 0.0 < min_similarity <= 1.0:
        raise UsageError(f"--min-similarity {min_similarity:g} is out of range; use a number in (0, 1]")
    infos = store.articles(since=since, until=until)
    if docs:
        wanted = {store.resolve(doc) for doc in docs}
        infos = [info for info in infos if info.doc in wanted]
    superseded = {info.previous for info in infos if info.previous}
    if docs is None:
        infos = [info for info in infos if info.doc not in superseded]
    with _no_cyclic_gc():
        collected = _collect(store, (info.doc for info in infos), set(kinds), on_article)
        stories = _cluster_stories(collected)
        groups: list[Group] = []
        # Each kind's reports are dropped once its groups are built (memory).
        if "figure" in kinds:
            groups.extend(_figure_groups(collected, stories))
            collected.figures.clear()
        if "quote" in kinds:
            groups.extend(_quote_groups(collected, min_similarity))
            collected.quotes.clear()
        if "statement" in kinds:
            groups.extend(_statement_groups(collected, stories, min_similarity))
            collected.statements.clear()
        groups.sort(key=lambda g: (SEVERITY[g.verdict], KINDS.index(g.kind), g.id))
        return Comparison(len(collected.articles), tuple(stories), tuple(groups))


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: compare builds millions of small
    acyclic records, and each full collection would walk all of them again
    (reference counting still frees everything as usual).  A caller that
    is about to exit (the CLI) may keep it paused for the rendering too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                # Hand the new records to the oldest generation without a
                # scan (freeze, then unfreeze: two list splices); otherwise
                # the next allocation would collect all of them at once.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


# --------------------------------------------------------------------------
# Reading the store


def _collect(store: Store, docs: Iterable[str], kinds: set[str],
             on_article: Callable[[], None] | None) -> _Collected:
    out = _Collected()
    for doc in docs:
        try:
            data = store.get_record(doc)
        except StoreCorruptError:
            if not store.contains(doc):
                continue  # removed while we were reading
            raise
        _read_article(out, data, kinds)
        if on_article is not None:
            on_article()
    return out


def _read_article(out: _Collected, data: dict[str, Any], kinds: set[str]) -> None:
    try:
        _read_claims(out, data, kinds)
    except (KeyError, TypeError, IndexError, AttributeError) as err:
        raise StoreCorruptError(f"article {data.get('doc')} has a malformed claim ({type(err).__name__}: {err}); "
                                "run `claimcli store verify --repair`") from None


def _read_claims(out: _Collected, data: dict[str, Any], kinds: set[str]) -> None:
    text: str = data["text"]
    published = data.get("published")
    day = published[:10] if isinstance(published, str) and RE_DAY.match(published) else None
    if day is not None:
        day = out.strings.setdefault(day, day)
    art = _Article(len(out.articles), data["doc"], data.get("source") or "-", data.get("publisher"), day,
                   *_story_terms(text, data.get("title"), data.get("publisher"), out.display, out.strings))
    out.articles.append(art)
    days = [(t["span"][0], t["span"][1], out.strings.setdefault(t["value"][:10], t["value"][:10])) for t in data["times"]
            if isinstance(t["value"], str) and RE_DAY.match(t["value"]) and (day is None or t["value"][:10] <= day)]
    want_figures, want_quotes, want_statements = "figure" in kinds, "quote" in kinds, "statement" in kinds
    seen_figures: set[tuple[int, int]] = set()
    strings = out.strings
    prefix = art.doc + ":"
    for claim in data["claims"]:
        kind = claim["kind"]
        figures = claim["figures"]
        speaker = claim["speaker"]
        stype = speaker["type"] if speaker is not None else None
        quote = kind == "quote" and want_quotes
        statement = (want_statements and (stype == "person" or stype == "organization")
                     and (kind == "quote" or (kind == "statement" and not figures)))
        if not (quote or statement or (figures and want_figures)):
            continue
        if speaker is not None:
            sname, role = speaker["name"], speaker["role"]
            sname = strings.setdefault(sname, sname)
            stype = strings.setdefault(stype, stype)
            if role is not None:
                role = strings.setdefault(role, role)
        else:
            sname = role = None
        content = claim["content"]
        ctext, cspan = content["text"], content["span"]
        cue = claim["cue"]
        stance = strings.setdefault(cue["stance"], cue["stance"]) if cue is not None else None
        span = claim["span"]
        statement_day = (_statement_day(days, span, cspan) if days else None) or day
        cid: int | str = claim["id"]
        if cid.startswith(prefix) and cid[len(prefix):].isdigit():  # type: ignore[union-attr]
            cid = int(cid[len(prefix):])  # type: ignore[index]
        kind = strings.setdefault(kind, kind)
        if want_figures:
            for figure in figures:
                event = _event(figure["event"])
                if event is None:
                    continue
                fspan = (figure["span"][0], figure["span"][1])
                if fspan in seen_figures:
                    continue
                seen_figures.add(fspan)
                obj = _object(figure["object"], event)
                if obj is None:
                    continue
                value, low, high = figure["value"], figure["low"], figure["high"]
                qualifier = figure["qualifier"] or "exact"
                out.figures[(event, obj, _place(text, fspan[1], span[1]))].append(_Report(
                    art.n, cid, kind, sname, stype, stance, figure["text"], fspan,
                    (_figure_day(text, days, fspan, cspan, figures) if days else None) or statement_day,
                    context=ctext, value=value, low=low, high=high, qualifier=qualifier,
                    interval=_interval(value, low, high, qualifier)))
        if quote:
            words = _words(ctext)
            if len(words) >= MIN_REPEAT_WORDS:
                norm = " ".join(words)
                out.quotes.append(_Report(art.n, cid, kind, sname, stype, stance, ctext,
                                          (cspan[0], cspan[1]), statement_day, role=role,
                                          norm=strings.setdefault(norm, norm)))
        if statement:
            out.statements.append(_Report(art.n, cid, kind, sname, stype, stance, ctext,
                                          (cspan[0], cspan[1]), statement_day, role=role))


def _statement_day(days: list[tuple[int, int, str]], span: Sequence[int], cspan: Sequence[int]) -> str | None:
    """The day of the statement: a day in the claim's sentence outside its
    content ("said on Sunday")."""
    for start, _end, value in days:
        if span[0] <= start < span[1] and not cspan[0] <= start < cspan[1]:
            return value
    return None


def _figure_day(text: str, days: list[tuple[int, int, str]], fspan: tuple[int, int], cspan: Sequence[int],
                figures: Sequence[dict[str, Any]]) -> str | None:
    """The day the sentence attaches to this figure: the first day after it
    in the content, a few words on, with no clause break and no other
    figure in between ("up from nine on Monday")."""
    for start, _end, value in days:
        if start < fspan[1] or start >= cspan[1]:
            continue
        gap = text[fspan[1]:start]
        if len(gap.split()) > 6 or RE_CLAUSE_BREAK.search(gap):
            return None
        if any(fspan[1] <= f["span"][0] < start for f in figures):
            return None
        return value
    return None


def _place(text: str, end: int, limit: int) -> str | None:
    match = RE_PLACE.match(text, end, min(limit, end + 120))
    return match.group(1) if match else None


def _event(event: str | None) -> str | None:
    if not event:
        return None
    low = event.lower().strip()
    return EVENT_SYNONYMS.get(low, low)


def _singular(word: str) -> str:
    if word in OBJECT_SYNONYMS:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


@functools.lru_cache(maxsize=65536)
def _object(obj: str | None, event: str) -> str | None:
    """The counted object, normalised: "Russian troops" -> "russian soldiers",
    "close colleagues" -> "colleagues"; people when the event counts people
    and the object is not named."""
    if not obj:
        return "people" if event in PERSON_EVENTS else None
    phrase = RE_OBJECT_CUT.sub("", obj.strip())
    words = RE_WORD.findall(phrase)
    if not words:
        return "people" if event in PERSON_EVENTS else None
    lowered = " ".join(w.lower() for w in words)
    if lowered in OBJECT_SYNONYMS:
        return OBJECT_SYNONYMS[lowered]
    head = _singular(words[-1].lower())
    # Keep the nationality ("Russian troops"), drop other modifiers of people.
    modifiers = [w.lower() for w in words[:-1] if w[:1].isupper()]
    canonical = OBJECT_SYNONYMS.get(head)
    if canonical is not None:
        return " ".join([*modifiers, canonical])
    rest = [w.lower() for w in words[:-1] if not w[:1].isupper()]
    return " ".join([*modifiers, *rest, _plural(head)])


def _precision(value: float) -> float:
    """The step a round number is given to: 1,100 -> 100, 40 -> 10, 14 -> 1."""
    if value != int(value) or value < 10:
        return 1.0
    number, step = int(value), 1
    while number % 10 == 0 and number >= 10:
        number //= 10
        step *= 10
    return float(step)


def _interval(value: float | int | None, low: float | int | None, high: float | int | None,
              qualifier: str) -> tuple[float, float]:
    """The counts a report allows, for comparing reports (see the module
    docstring): "at least 14" is the count confirmed so far."""
    inf = math.inf
    if value is None or qualifier == "range":
        lo = float(low) if low is not None else -inf
        hi = float(high) if high is not None else inf
        return (lo, hi)
    v = float(value)
    step = _precision(v)
    if qualifier == "about":
        return (min(v * 0.9, v - step / 2), max(v * 1.1, v + step / 2))
    if qualifier == "at_least":
        return (v, v + step - 1 if step > 1 else v)
    if qualifier == "more_than":
        return (v + 1 if step == 1 else v, v + step)
    if qualifier == "at_most":
        return (-inf, v)
    if qualifier == "less_than":
        return (-inf, v - 1 if step == 1 else v)
    return (v - step / 2, v + step / 2) if step > 1 else (v, v)


#: Punctuation and quote marks become spaces; curly apostrophes straight ones.
_SEPARATORS = str.maketrans({**dict.fromkeys('.,;:!?"()[]{}“”„«»—–…/\\*_|<>+=&', " "),
                             "‘": "'", "’": "'", "‚": "'", "`": "'", "´": "'"})


def _words(text: str) -> list[str]:
    """Lower-cased words: case, punctuation and quote marks (straight or
    curly) do not matter."""
    return [w for w in (x.strip("'-") for x in text.translate(_SEPARATORS).lower().split()) if w]


def _stem(word: str) -> str:
    folded = TERM_SYNONYMS.get(word)
    if folded is not None:
        return folded
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2] if not word.endswith("ied") else word[:-3] + "y"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


#: word -> its content term (stemmed, synonyms folded, interned), or "" for
#: a stopword; a cache of at most TERM_CACHE words.
TERM_CACHE = 1_000_000
_TERMS: dict[str, str] = {}


def _term(word: str) -> str:
    """The content term of a raw lower-cased token (punctuation stripped)."""
    term = _TERMS.get(word)
    if term is None:
        if len(_TERMS) > TERM_CACHE:
            _TERMS.clear()
        base = word.strip("'-")
        if base.endswith("'s"):
            base = base[:-2]
        if len(base) < 3 or base in STOPWORDS or base.isdigit():
            term = ""
        else:
            stem = _stem(base)
            term = _TERMS.get(stem) or stem
        _TERMS[word] = term
    return term


def _statement_terms(text: str) -> tuple[str, ...]:
    """The content words of a claim: no stopwords, stemmed, synonyms folded."""
    get = _TERMS.get
    terms = set()
    for word in text.translate(_SEPARATORS).lower().split():
        term = get(word)
        if term is None:
            term = _term(word)
        if term:
            terms.add(term)
    return tuple(terms)


def _story_terms(text: str, title: str | None, publisher: str | None, display: dict[str, str],
                 strings: dict[str, str]) -> tuple[dict[str, int], frozenset[str]]:
    """An article's profile: the capitalised words its first STORY_CHARS
    use most, and those of its title."""
    counts = Counter(RE_CAPITALISED.findall(text, 0, STORY_CHARS))
    own = _publisher_words(publisher) if publisher else frozenset()
    merged: dict[str, int] = {}
    forms: dict[str, str] = {}
    for word, count in counts.items():
        low = word.lower()
        if len(low) < 3 or low in NAME_STOPWORDS or low in own:
            continue
        if low in merged:
            merged[low] += count
            if forms[low].isupper():
                forms[low] = word
        else:
            merged[low] = count
            forms[low] = word
    top: dict[str, int] = {}
    for low, count in sorted(merged.items(), key=lambda kv: -kv[1])[:ARTICLE_TERMS]:
        shown, word = display.get(low), forms[low]
        if shown is None or (shown.isupper() and not word.isupper()):
            display[low] = word
        top[strings.setdefault(low, low)] = count
    titled = frozenset(w.lower() for w in RE_CAPITALISED.findall(title or "")) & top.keys()
    return top, frozenset(strings[w] for w in titled)


@functools.lru_cache(maxsize=4096)
def _publisher_words(publisher: str) -> frozenset[str]:
    return frozenset(w.lower() for w in RE_WORD.findall(publisher))


# --------------------------------------------------------------------------
# Stories


@dataclass(slots=True)
class _Story:
    n: int
    centroid: dict[str, float]
    norm: float
    last: int | None
    members: list[int]
    titles: Counter[str]


def _ordinal(day: str | None, cache: dict[str, int]) -> int | None:
    if day is None:
        return None
    value = cache.get(day)
    if value is None:
        try:
            value = dt.date.fromisoformat(day).toordinal()
        except ValueError:
            return None
        cache[day] = value
    return value


def _cluster_stories(collected: _Collected) -> list[Story]:
    """Single-pass clustering of articles into stories, in date order (see
    the module docstring).  Sets ``article.story``; returns the stories."""
    articles = collected.articles
    total = len(articles)
    df: Counter[str] = Counter()
    for art in articles:
        df.update(art.terms.keys())
    idf = {term: math.log(1.0 + total / count) for term, count in df.items()}
    order = sorted(range(total), key=lambda i: (articles[i].published is None, articles[i].published or "", i))
    stories: list[_Story] = []
    index: dict[str, list[int]] = defaultdict(list)
    days: dict[str, int] = {}
    for i in order:
        art = articles[i]
        vec = {t: (1.0 + math.log(c)) * idf[t] for t, c in art.terms.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        day = _ordinal(art.published, days)
        best, best_sim = None, STORY_THRESHOLD
        seen: set[int] = set()
        for term in sorted((t for t in vec if df[t] > 1), key=lambda t: df[t])[:LOOKUP_TERMS]:
            for sid in index.get(term, ())[-RECENT_STORIES:]:
                if sid in seen:
                    continue
                seen.add(sid)
                story = stories[sid]
                if day is not None and story.last is not None and day - story.last > STORY_WINDOW_DAYS:
                    continue
                centroid = story.centroid
                dot = sum(w * centroid.get(t, 0.0) for t, w in vec.items())
                sim = dot / (norm * story.norm)
                if sim > best_sim or (sim == best_sim and best is not None and sid < best.n):
                    best, best_sim = story, sim
        if best is None:
            best = _Story(len(stories), {}, 1.0, day, [], Counter())
            stories.append(best)
        best.members.append(i)
        best.titles.update(art.title_terms)
        if day is not None and (best.last is None or day > best.last):
            best.last = day
        centroid = best.centroid
        squares = best.norm * best.norm if centroid else 0.0
        for term, weight in vec.items():
            before = centroid.get(term, 0.0)
            after = before + weight / norm
            centroid[term] = after
            squares += after * after - before * before
        if len(centroid) > 2 * STORY_TERMS:
            kept = sorted(centroid.items(), key=lambda kv: -kv[1])[:STORY_TERMS]
            centroid.clear()
            centroid.update(kept)
            squares = sum(w * w for w in centroid.values())
        best.norm = math.sqrt(squares) if squares > 0 else 1.0
        art.story = best.n
        for term in vec:
            postings = index[term]
            if not postings or postings[-1] != best.n:
                postings.append(best.n)
    # Number stories by their first article, label them by their names.
    stories.sort(key=lambda s: min(s.members))
    out: list[Story] = []
    labels: Counter[str] = Counter()
    renumber: dict[int, int] = {}
    for n, story in enumerate(stories):
        renumber[story.n] = n
        label = _story_label(story, collected.display)
        labels[label] += 1
        if labels[label] > 1:
            label = f"{label} ({labels[label]})"
        dates = sorted(d for d in (articles[i].published for i in story.members) if d)
        out.append(Story(f"s{n + 1}", label, len(story.members), dates[0] if dates else None,
                         dates[-1] if dates else None))
    for art in articles:
        art.story = renumber[art.story]
    return out


def _story_label(story: _Story, display: dict[str, str]) -> str:
    top = sorted(story.centroid.items(), key=lambda kv: -kv[1])[:10]
    if not top:
        return "untitled"
    term = max(top, key=lambda kv: (story.titles.get(kv[0], 0), kv[1]))[0]
    return display.get(term, term)


# --------------------------------------------------------------------------
# Members


def _claim_id(collected: _Collected, report: _Report) -> str:
    claim = report.claim
    return f"{collected.articles[report.art].doc}:{claim}" if isinstance(claim, int) else claim


def _member(collected: _Collected, report: _Report, *, figure: bool = False) -> GroupMember:
    art = collected.articles[report.art]
    claim = f"{art.doc}:{report.claim}" if isinstance(report.claim, int) else report.claim
    if figure:
        return GroupMember(art.doc, claim, art.source, art.publisher, art.published, report.speaker,
                           report.text, report.span, report.value, report.low, report.high,
                           report.qualifier, report.kind, report.date,  # type: ignore[arg-type]
                           report.speaker or art.publisher, report.stance, report.context)  # type: ignore[arg-type]
    return GroupMember(art.doc, claim, art.source, art.publisher, art.published, report.speaker,
                       report.text, report.span, None, None, None, None, report.kind, report.date,  # type: ignore[arg-type]
                       report.speaker or art.publisher, report.stance, None)  # type: ignore[arg-type]


def _order(collected: _Collected, reports: Iterable[_Report]) -> list[_Report]:
    arts = collected.articles
    return sorted(reports, key=lambda r: (r.date or "\uffff", arts[r.art].publisher or "\uffff", arts[r.art].doc,
                                          r.span[0]))


def _slug(text: str) -> str:
    return "-".join(RE_WORD.findall(text.lower())) or "x"


def _short_hash(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=5).hexdigest()


# --------------------------------------------------------------------------
# Figure groups


def _figure_groups(collected: _Collected, stories: list[Story]) -> Iterator[Group]:
    by_key: dict[tuple[int, str, str, str | None], list[_Report]] = defaultdict(list)
    for (event, obj, place), reports in collected.figures.items():
        for report in reports:
            by_key[(collected.articles[report.art].story, event, obj, place)].append(report)
    used: Counter[str] = Counter()
    for (story, event, obj, place), reports in sorted(by_key.items(), key=lambda kv: (kv[0][0], kv[0][1:3],
                                                                                       kv[0][3] or "")):
        label = stories[story].label
        key: dict[str, Any] = {"story": label, "event": event, "object": obj}
        if place:
            key["place"] = place
        gid = ":".join(["fig", _slug(label), event.replace(" ", "-"), _slug(obj)] + ([_slug(place)] if place else []))
        used[gid] += 1
        if used[gid] > 1:
            gid += f"~{used[gid]}"
        yield _figure_group(collected, gid, key, _order(collected, reports))


def _figure_group(collected: _Collected, gid: str, key: dict[str, Any], reports: list[_Report]) -> Group:
    members = tuple(_member(collected, r, figure=True) for r in reports)
    # Each article's report of a day: its highest count that day.
    days: dict[str | None, dict[int, int]] = {}
    for n, report in enumerate(reports):
        per_article = days.setdefault(report.date, {})
        best = per_article.get(report.art)
        if best is None or report.interval[0] > reports[best].interval[0]:
            per_article[report.art] = n
    timeline: list[TimelinePoint] = []
    heads: list[str] = []
    differ_days: list[str | None] = []
    updates = 0
    previous: tuple[float, float] | None = None
    for day in sorted(days, key=lambda d: d or "\uffff"):
        chosen = sorted(days[day].values(), key=lambda n: reports[n].interval)
        lows = [reports[n].interval[0] for n in chosen]
        highs = [reports[n].interval[1] for n in chosen]
        agree = max(lows) <= min(highs)
        if not agree:
            differ_days.append(day)
        span = (min(lows), max(highs))
        if previous is None:
            change = "first"
        elif span[0] > previous[1]:
            change = "up"
        elif span[1] < previous[0]:
            change = "down"
        else:
            change = "same"
        if change in ("up", "down") and day is not None:
            updates += 1
        previous = span
        if day is not None:
            heads.append(f"{_qualified(reports[chosen[-1]])} ({day})")
        values = tuple(reports[n].value if reports[n].value is not None else reports[n].low for n in chosen)
        on_day = tuple(n for n, r in enumerate(reports) if r.date == day)
        timeline.append(TimelinePoint(day, values, on_day, change, agree))  # type: ignore[arg-type]
    articles = {r.art for r in reports}
    top = max(reports, key=lambda r: (r.date or "", r.interval[0]))
    what = f"{key['event']} {key['object']}" + (f" in {key['place']}" if "place" in key else "")
    if len(articles) == 1:
        verdict = "single"
        summary = f"{what}: {_qualified(top)}, reported by one article"
    elif differ_days:
        verdict = "differ"
        day = differ_days[0]
        parts = [f"{_qualified(reports[n])} ({_outlet(collected, reports[n])})"
                 for n in sorted(days[day].values(), key=lambda n: reports[n].interval)]
        summary = f"{what} on {day or 'an unknown date'}: " + " vs ".join(parts)
    elif updates:
        verdict = "updated"
        summary = f"{what}: " + " → ".join(heads)
    else:
        verdict = "agree"
        summary = f"{what}: {len(articles)} articles agree on {_qualified(top)}"
    return Group(gid, "figure", verdict, key, members, None, tuple(timeline), summary)  # type: ignore[arg-type]


QUALIFIER_WORDS = {"at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
                   "less_than": "less than ", "about": "about ", "exact": "", "range": ""}


def _qualified(report: _Report) -> str:
    if report.qualifier == "range" or report.value is None:
        return report.text
    return QUALIFIER_WORDS.get(report.qualifier or "exact", "") + number_text(report.value)


def _outlet(collected: _Collected, report: _Report) -> str:
    art = collected.articles[report.art]
    return art.publisher or art.source


# --------------------------------------------------------------------------
# Speakers


@functools.lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    """A surname folded for fuzzy matching: Konashenkova -> konashenkov,
    Zelenskyy -> zelenski."""
    word = name.lower().replace("y", "i")
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    folded = "".join(out)
    if len(folded) > 4 and folded[-1] in "ae":
        folded = folded[:-1]
    return folded


@functools.lru_cache(maxsize=65536)
def _person_words(name: str) -> tuple[str, ...]:
    words = [w for w in RE_WORD.findall(name) if w.lower().rstrip(".") not in TITLES]
    return tuple(words or RE_WORD.findall(name))


def _same_person(a: str, b: str) -> bool:
    wa, wb = _person_words(a), _person_words(b)
    if not wa or not wb:
        return False
    sa, sb = wa[-1].lower(), wb[-1].lower()
    if _fold(sa) != _fold(sb) and difflib.SequenceMatcher(None, sa, sb).ratio() < 0.85:
        return False
    fa, fb = wa[:-1], wb[:-1]
    if not fa or not fb:
        return True
    x, y = fa[0].lower(), fb[0].lower()
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y or difflib.SequenceMatcher(None, x, y).ratio() >= 0.8


@functools.lru_cache(maxsize=65536)
def _org_words(name: str) -> tuple[str, ...]:
    words = [w.lower() for w in RE_WORD.findall(name.replace("’", "'"))]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return tuple(w for w in words if w not in ORG_STOPWORDS)


@functools.lru_cache(maxsize=65536)
def _government(name: str) -> str | None:
    """The country whose government ``name`` is, if it is one: "Russia's
    Defense Ministry", "the Kremlin", "Ukraine's Ministry of Internal
    Affairs" -> russia, russia, ukraine."""
    low = name.lower().replace("’", "'")
    for seat, country in SEATS.items():
        if seat in low:
            return country
    words = RE_WORD.findall(low)
    if not any(w in GOVERNMENT_WORDS for w in words):
        return None
    for word in words:
        base = word[:-2] if word.endswith("'s") else word
        if base in DEMONYMS:
            return DEMONYMS[base]
    return None


def _same_org(a: str, b: str) -> bool:
    ga, gb = _government(a), _government(b)
    if ga or gb:
        return ga == gb
    wa, wb = set(_org_words(a)), set(_org_words(b))
    if not wa or not wb:
        return False
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return small <= large


def _same_speaker(a: _Report, b: _Report) -> bool:
    if a.speaker is None or b.speaker is None:
        return True
    return _same_name(a.speaker, a.stype, b.speaker, b.stype)


@functools.lru_cache(maxsize=65536)
def _same_name(a: str, atype: str | None, b: str, btype: str | None) -> bool:
    if a == b and atype == btype:
        return True
    if atype == "person" and btype == "person":
        return _same_person(a, b)
    if atype == "organization" and btype == "organization":
        return _same_org(a, b)
    return False


def _known(report: _Report) -> bool:
    return report.speaker is not None and report.stype in ("person", "organization")


def _party(report: _Report) -> str:
    """Who speaks, as a bucket key: a government, an organisation (its last
    two words), or a person (folded surname)."""
    return _party_of(report.speaker or "", report.stype, report.role)


@functools.lru_cache(maxsize=65536)
def _party_of(name: str, stype: str | None, role: str | None) -> str:
    if stype == "person" and role:
        match = RE_SPOKESPERSON.search(role)
        if match:
            country = _government(match.group(1))
            if country:
                return "gov:" + country
            words = _org_words(match.group(1))
            if words:
                return "org:" + " ".join(words[-2:])
    if stype == "organization":
        country = _government(name)
        if country:
            return "gov:" + country
        words = _org_words(name)
        return "org:" + " ".join(words[-2:]) if words else "org:" + name.lower()
    words = _person_words(name)
    return "person:" + _fold(words[-1]) if words else "person:" + name.lower()


# --------------------------------------------------------------------------
# Quote groups


class _UnionFind:
    __slots__ = ("parent",)

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def _similar_pairs(sets: Sequence[frozenset[str]], threshold: float,
                   eligible: Sequence[bool]) -> Iterator[tuple[int, int]]:
    """Every two eligible sets whose Jaccard similarity is at least
    ``threshold``, by prefix filtering: words are ordered rarest first, and
    two sets that alike share at least two of their first
    ``size - ceil(threshold * size) + 2`` words, so each set is indexed under
    those only.  Candidates are counted at C speed and only those sharing
    two indexed words are compared.  A word whose postings reach
    POSTING_CAP stops being indexed (a set of common words only is then
    matched by its exact wording alone)."""
    df: Counter[str] = Counter()
    for words, ok in zip(sets, eligible, strict=True):
        if ok:
            df.update(words)
    index: dict[str, list[int]] = {}
    order = sorted((i for i in range(len(sets)) if eligible[i]), key=lambda i: len(sets[i]))
    for x in order:
        words = sets[x]
        size = len(words)
        prefix = sorted(words, key=lambda w: (df[w], w))[:size - math.ceil(threshold * size - 1e-9) + 2]
        candidates: list[int] = []
        for word in prefix:
            postings = index.get(word)
            if postings is None:
                index[word] = [x]
            elif len(postings) < POSTING_CAP:
                candidates += postings
                postings.append(x)
        if len(candidates) < 2:
            continue
        for y, count in Counter(candidates).items():
            if count < 2:
                continue
            other = sets[y]
            if len(other) < threshold * size:  # sizes ascend: only y can be too small
                continue
            shared = len(words & other)
            if shared >= threshold * (size + len(other) - shared) - 1e-9:
                yield x, y


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if a or b else 1.0


def _cluster_pairs(sets: Sequence[frozenset[str]], pairs: Iterable[tuple[int, int]], threshold: float,
                   union: _UnionFind) -> None:
    """Union similar sets into clusters, without chains: two clusters merge
    only when their first members (leaders) are at least half as alike as
    ``threshold`` asks of a pair, so A ~ B ~ C ~ ... cannot drift from A."""
    leaders: dict[int, int] = {}
    for x, y in pairs:
        rx, ry = union.find(x), union.find(y)
        if rx == ry:
            continue
        lx, ly = leaders.get(rx, rx), leaders.get(ry, ry)
        if _jaccard(sets[lx], sets[ly]) < threshold / 2:
            continue
        union.union(rx, ry)
        leaders[union.find(rx)] = min(lx, ly)


def _quote_groups(collected: _Collected, min_similarity: float) -> Iterator[Group]:
    quotes = collected.quotes
    variants: dict[str, int] = {}
    members: list[list[int]] = []
    for n, quote in enumerate(quotes):
        v = variants.setdefault(quote.norm, len(variants))
        if v == len(members):
            members.append([])
        members[v].append(n)
    norms = list(variants)
    words = [frozenset(_statement_terms(quotes[members[v][0]].text)) if norm.count(" ") >= MIN_QUOTE_WORDS - 1
             else frozenset() for v, norm in enumerate(norms)]
    # Words in more than COMMON_SHARE of the quotes say nothing about which
    # quote it is ("people", "country"): left out, as stopwords are.
    df = Counter(word for terms in words for word in terms)
    common = {word for word, count in df.items() if count > max(COMMON_MIN, COMMON_SHARE * len(words))}
    if common:
        words = [terms - common if terms & common else terms for terms in words]
    eligible = [len(terms) >= MIN_QUOTE_TERMS for terms in words]
    union = _UnionFind(len(norms))
    _cluster_pairs(words, _similar_pairs(words, min_similarity, eligible), min_similarity, union)
    # A sentence quoted whole in one article and inside a longer quote in another.
    sentences: dict[str, int] = {}
    for v in range(len(norms)):
        if not eligible[v]:
            continue
        parts = RE_SENTENCE_END.split(quotes[members[v][0]].text)
        if len(parts) < 2:
            continue  # a one-sentence quote is matched whole, by its words
        for sentence in _sentences(parts):
            if len(sentence.split()) >= MIN_QUOTE_WORDS + 1:
                first = sentences.setdefault(sentence, v)
                if first != v:
                    union.union(first, v)
    clusters: dict[int, list[int]] = defaultdict(list)
    for v in range(len(norms)):
        if eligible[v]:
            clusters[union.find(v)].append(v)
    for vs in clusters.values():
        reports = [quotes[n] for v in vs for n in members[v]]
        if len({r.art for r in reports}) < 2:
            continue
        yield _quote_group(collected, vs, norms, reports)
    # Repeated within one article.
    for v, ns in enumerate(members):
        by_article: dict[int, list[int]] = defaultdict(list)
        for n in ns:
            by_article[quotes[n].art].append(n)
        for art, repeats in by_article.items():
            if len(repeats) < 2:
                continue
            reports = _order(collected, (quotes[n] for n in repeats))
            doc = collected.articles[art].doc
            speakers = sorted({r.speaker for r in reports if r.speaker})
            text = _display_quote(reports[0].text)
            yield Group(f"repeat:{doc[:8]}:{_short_hash(norms[v])}", "quote", "repeated",
                        {"text": text, "speakers": speakers},
                        tuple(_member(collected, r) for r in sorted(reports, key=lambda r: r.span)), None, (),
                        f"quoted {len(reports)} times in {_outlet(collected, reports[0])} ({doc})")


RE_SENTENCE_END = regex.compile(r"(?<=[.!?])\s+")


def _sentences(parts: Iterable[str]) -> Iterator[str]:
    for part in parts:
        words = _words(part)
        if words:
            yield " ".join(words)


def _display_quote(text: str) -> str:
    return text.strip().rstrip(",").strip()


def _quote_group(collected: _Collected, vs: list[int], norms: list[str], reports: list[_Report]) -> Group:
    reports = _order(collected, reports)
    canonical = max((norms[v] for v in vs), key=lambda n: (len(n.split()), n))
    padded = f" {canonical} "
    verbatim = all(f" {norms[v]} " in padded for v in vs)
    # Speakers: the known ones, merged when they are the same person or body.
    identities: list[_Report] = []
    for report in reports:
        if _known(report) and not any(_same_speaker(report, other) for other in identities):
            identities.append(report)
    misattributed = len(identities) >= 2 and len({r.art for r in reports if _known(r)}) >= 2
    diff = None
    if not verbatim:
        first = reports[0]
        other = next((r for r in reports if r.norm != first.norm and f" {r.norm} " not in f" {first.norm} "),
                     None)
        if other is not None:
            diff = _word_diff(first.text, other.text)
    if misattributed:
        verdict = "misattributed"
        parts = []
        for ident in identities:
            outlets = sorted({_outlet(collected, r) for r in reports if r.speaker and _same_speaker(r, ident)
                              and _known(r)})
            parts.append(f"{ident.speaker} ({', '.join(outlets)})")
        summary = "the same words attributed to " + " and ".join(parts)
    elif not verbatim:
        verdict = "reworded"
        who = identities[0].speaker if identities else "an unnamed speaker"
        summary = f"{who} quoted in {len({r.art for r in reports})} articles with different wording"
    else:
        verdict = "corroborated"
        who = identities[0].speaker if identities else "an unnamed speaker"
        outlets = sorted({_outlet(collected, r) for r in reports})
        summary = f"{who}, the same words in {len({r.art for r in reports})} articles ({', '.join(outlets)})"
    longest = next(r for r in reports if r.norm == canonical)
    text = _display_quote(longest.text)
    speakers = [r.speaker for r in identities if r.speaker]
    gid = f"quote:{_short_hash(canonical)}"
    members = tuple(_member(collected, r) for r in reports)
    return Group(gid, "quote", verdict, {"text": text, "speakers": speakers}, members,  # type: ignore[arg-type]
                 diff, (), summary)


def _word_diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff of two quotes, compared case- and punctuation-blind,
    shown with the words as written."""
    wa, wb = a.translate(QUOTE_CHARS).split(), b.translate(QUOTE_CHARS).split()
    key = [w.translate(_SEPARATORS).lower().strip("' -") for w in wa]
    other = [w.translate(_SEPARATORS).lower().strip("' -") for w in wb]
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wa[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(wa[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(wb[j1:j2])))
    return tuple(out)


# --------------------------------------------------------------------------
# Statement groups


def _statement_groups(collected: _Collected, stories: list[Story], min_similarity: float) -> Iterator[Group]:
    statements = collected.statements
    buckets: dict[tuple[int, str, bool], list[int]] = defaultdict(list)
    for n, report in enumerate(statements):
        story = collected.articles[report.art].story
        buckets[(story, _party(report), report.stance == "deny")].append(n)
    union = _UnionFind(len(statements))
    linked: set[int] = set()
    for (_story, party, _deny), ns in buckets.items():
        if len({statements[n].art for n in ns}) < 2 or all(statements[n].kind == "quote" for n in ns):
            continue  # one article; or quotes only, which quote groups cover
        government = party.startswith("gov:")
        index: dict[str, list[int]] = defaultdict(list)
        for x in ns:
            sx = statements[x]
            sx.terms = terms = _statement_terms(sx.text)  # only now: most buckets hold one article
            if len(terms) < MIN_STATEMENT_TERMS:
                continue
            candidates: list[int] = []
            for term in terms:
                postings = index[term]
                if len(postings) < POSTING_CAP:
                    candidates += postings
                    postings.append(x)
            if not candidates:
                continue
            for y, count in Counter(candidates).items():
                if count < MIN_SHARED_TERMS:
                    continue
                sy = statements[y]
                if sy.art == sx.art or (sx.kind == "quote" and sy.kind == "quote"):
                    continue  # one article; or two quotes, which quote groups cover
                if count < min_similarity * min(len(terms), len(sy.terms)):
                    continue
                if not government and not _same_speaker(sx, sy):
                    continue
                union.union(x, y)
                linked.update((x, y))
    components: dict[int, list[int]] = defaultdict(list)
    for n in sorted(linked):
        components[union.find(n)].append(n)
    for ns in components.values():
        reports = _order(collected, (statements[n] for n in ns))
        if len({r.art for r in reports}) < 2:
            continue
        yield _statement_group(collected, stories, reports)


def _statement_group(collected: _Collected, stories: list[Story], reports: list[_Report]) -> Group:
    party = _party(reports[0])
    if party.startswith("gov:"):
        speaker = party[4:].title() + " (government)"
    else:
        speaker = Counter(r.speaker for r in reports if r.speaker).most_common(1)[0][0]
    story = stories[collected.articles[reports[0].art].story].label
    outlets = sorted({_outlet(collected, r) for r in reports})
    names = sorted({r.speaker for r in reports if r.speaker})
    gid = f"stmt:{_slug(story)}:{_slug(party.split(':', 1)[1])}:{_short_hash(_claim_id(collected, reports[0]))}"
    summary = f"{speaker} on the same matter in {len({r.art for r in reports})} articles ({', '.join(outlets)})"
    if names != [speaker]:
        summary += f", as {' / '.join(names)}"
    return Group(gid, "statement", "corroborated", {"speaker": speaker, "story": story},
                 tuple(_member(collected, r) for r in reports), None, (), summary)
