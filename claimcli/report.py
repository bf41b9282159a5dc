"""report: the briefing an editor reads in the morning, built from the store.

``build_report(store, since=..., until=..., now=...)`` returns a typed
``Report`` (models.py) and never prints; render_report.py turns it into
text, Markdown, HTML or JSON.

* **The window.**  ``since``/``until`` take a duration back from ``now``
  (``24h``, ``7d``, ``2w``), an ISO date (``2026-03-11``) or an ISO instant;
  ``since`` also takes ``last``.  Durations and dates select articles by
  publication date, by day (a publication date has no time), inclusive:
  ``--since 24h`` at 06:00 covers yesterday and today.  ``last`` selects by
  when articles were stored: those ingested after the end of the previous
  successful ``--since last`` run (the first time, the last 24 hours), so
  consecutive cron runs neither miss nor repeat an article.  ``now`` is a
  parameter, never read from a clock here.
* **What changed** and **key figures** come from ``compare.compare`` run
  over the window's articles and the ``HISTORY_DAYS`` before it (so a toll
  reported today is compared with yesterday's): its finding groups
  (misattributed, differ, reworded, updated) as they stand in the window
  (a figure conflicts, or its count moves, on a day the window reports), and its figure groups of two or more articles that the window
  reports, each with one series per outlet.
* **Speakers**: every quote and statement with a named speaker in the
  window, with their stance; a speaker is new when no article of the
  history before the window names them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from .compare import compare
from .errors import UsageError
from .models import (
    Article,
    ArticleInfo,
    FigureHistory,
    Group,
    Headline,
    Report,
    ReportChange,
    Series,
    SeriesPoint,
    SpeakerClaims,
    SpokenClaim,
    Window,
)
from .store import Store

#: The shape of the JSON report; raised when keys change meaning or go away.
REPORT_SCHEMA = 1
#: Days before the window that compare and "new speaker" look back over.
HISTORY_DAYS = 30
#: ``--since last`` the first time: the last day.
FIRST_LAST_WINDOW = dt.timedelta(hours=24)
#: compare's verdicts that are news: what changed.
CHANGE_VERDICTS = ("misattributed", "differ", "reworded", "updated")
#: Stances from the strongest news (a denial) to plain saying.
STANCES = ("deny", "concede", "allege", "assert", "neutral")

RE_DURATION = re.compile(r"(\d{1,5})\s*([hdw])\Z", re.I)
UNITS = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1), "w": dt.timedelta(weeks=1)}


def utc_instant(moment: dt.datetime) -> str:
    """An aware datetime as ``ingested_at`` is written (UTC, microseconds)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(value: str, now: dt.datetime, option: str) -> tuple[dt.datetime, bool]:
    """``24h``/``7d``/``2w`` back from ``now``, an ISO date or an ISO instant
    (UTC unless it names a zone); returns the instant and whether only a
    day was given."""
    text = value.strip()
    match = RE_DURATION.match(text)
    if match:
        return now - int(match.group(1)) * UNITS[match.group(2).lower()], False
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), dt.UTC), True
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a time; use a duration (24h, 7d, 2w), a date (2026-03-11)"
                         + (" or last" if option == "--since" else "")) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)), False


def resolve_window(store: Store, since: str | None, until: str | None, now: dt.datetime) -> Window:
    """The report's window for ``--since``/``--until`` at ``now`` (aware)."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if until is not None and until.strip().lower() == "last":
        raise UsageError("--until takes a duration, a date or a time, not last; leave it out to report up to now")
    end = parse_time(until, now, "--until")[0] if until is not None else now
    if since is not None and since.strip().lower() == "last":
        previous = store.last_report()
        start = previous if previous is not None else utc_instant(end - FIRST_LAST_WINDOW)
        return Window("ingested", start, utc_instant(end), previous)
    first = parse_time(since, now, "--since")[0].astimezone(dt.UTC).date().isoformat() if since else None
    last = end.astimezone(dt.UTC).date().isoformat()
    if first is not None and first > last:
        raise UsageError(f"--since {since} is after --until {until or 'now'}; swap them")
    return Window("published", first, last)


def _in_window(info: ArticleInfo, window: Window) -> bool:
    if window.by == "ingested":
        stamp = info.ingested_at or ""
        return (window.since is None or stamp > window.since) and stamp <= window.until
    day = (info.published or "")[:10]
    return bool(day) and (window.since is None or day >= window.since) and day <= window.until


def build_report(store: Store, *, since: str | None, until: str | None = None, now: dt.datetime) -> Report:
    """The report over the articles of the window ``since``..``until`` (see
    the module docstring), as of ``now`` (an aware datetime)."""
    window = resolve_window(store, since, until, now)
    infos = store.articles()
    superseded = {info.previous for info in infos if info.previous}
    live = [info for info in infos if info.doc not in superseded]
    chosen = [info for info in live if _in_window(info, window)]
    in_window = {info.doc for info in chosen}
    articles = [store.get(info.doc) for info in chosen]
    history = _history(live, chosen, window)
    groups: tuple[Group, ...] = ()
    if chosen:
        groups = compare(store, [info.doc for info in history]).groups
    earlier = _speaker_keys(store, (info.doc for info in history if info.doc not in in_window))
    speakers = _speakers(articles, earlier)
    touching = [(g, _verdict_in(g, in_window)) for g in groups if any(m.doc in in_window for m in g.members)]
    changes = tuple(ReportChange(verdict, g) for g, verdict in touching if verdict in CHANGE_VERDICTS)
    verdicts: dict[str, int] = {}
    for _group, verdict in touching:
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    figures = tuple(FigureHistory(g, _series(g)) for g, _verdict in touching
                    if g.kind == "figure" and g.verdict != "single")
    headline = Headline(
        articles=len(articles),
        outlets=len({a.publisher or a.source for a in articles}),
        claims=sum(len(a.claims) for a in articles),
        speakers=len(speakers),
        new_speakers=sum(1 for s in speakers if s.new),
    )
    return Report(REPORT_SCHEMA, utc_instant(now), window, headline, changes, figures, speakers,
                  tuple(chosen), verdicts)


def record_run(store: Store, report: Report) -> bool:
    """After a report was delivered: a ``--since last`` run remembers where
    its window ended, so the next one starts there.  Other runs leave the
    state alone (a manual ``--since 7d`` must not make the next cron run
    skip articles).  Returns whether the state moved."""
    if report.window.by != "ingested":
        return False
    store.record_report(report.window.until)
    return True


def _history(live: list[ArticleInfo], chosen: list[ArticleInfo], window: Window) -> list[ArticleInfo]:
    """The window's articles and the dated ones of the HISTORY_DAYS before
    it (up to the window's last day): what compare lines them up with."""
    days = [info.published[:10] for info in chosen if info.published]
    if not days:
        return chosen
    first = (dt.date.fromisoformat(min(days)) - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    last = max([*days, window.until[:10]])
    wanted = {info.doc for info in chosen}
    return [info for info in live if info.doc in wanted
            or (info.published is not None and first <= info.published[:10] <= last)]


def _verdict_in(group: Group, docs: set[str]) -> str:
    """A group's verdict in the window (the articles ``docs``): a quote's
    own; a figure's ``differ`` when reports of a day that one of the
    window's articles reports conflict, else ``updated`` when the count
    moved on such a day, else ``agree`` (``single`` stays)."""
    if group.kind != "figure" or group.verdict == "single":
        return group.verdict
    days = [p for p in group.timeline if any(group.members[n].doc in docs for n in p.members)]
    if any(not p.agree for p in days):
        return "differ"
    if any(p.change in ("up", "down") for p in days):
        return "updated"
    return "agree"


def _series(group: Group) -> tuple[Series, ...]:
    """One series per outlet: on each day, the highest count it reported."""
    best: dict[str, dict[str, SeriesPoint]] = {}
    for m in group.members:
        value = m.value if m.value is not None else m.low
        if m.date is None or value is None:
            continue
        days = best.setdefault(m.publisher or m.source, {})
        seen = days.get(m.date)
        if seen is None or (seen.value is not None and value > seen.value):
            days[m.date] = SeriesPoint(m.date, value, m.text, m.doc, m.claim, m.span)
    return tuple(Series(outlet, tuple(days[d] for d in sorted(days))) for outlet, days in best.items())


def _speaker_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _speaker_keys(store: Store, docs: Iterable[str]) -> set[str]:
    """Every speaker named in these articles (read as raw records: cheap)."""
    keys: set[str] = set()
    for doc in docs:
        record: dict[str, Any] = store.get_record(doc)
        for claim in record.get("claims") or ():
            speaker = claim.get("speaker")
            if speaker and speaker.get("name"):
                keys.add(_speaker_key(speaker["name"]))
    return keys


def _speakers(articles: list[Article], earlier: set[str]) -> tuple[SpeakerClaims, ...]:
    """Quotes and statements of the window by speaker: most claims first;
    each speaker's claims strongest stance first, then by date."""
    found: dict[str, list[tuple[Article, Any]]] = {}
    for article in articles:
        for claim in article.claims:
            if claim.kind != "figure" and claim.speaker is not None:
                found.setdefault(_speaker_key(claim.speaker.name), []).append((article, claim))
    out = []
    for key, said in found.items():
        speaker = said[0][1].speaker
        role = next((c.speaker.role for _a, c in said if c.speaker.role), None)
        claims = sorted(
            (SpokenClaim(a.doc, c.id, c.content.span, c.kind, c.cue.stance if c.cue else "neutral",
                         c.cue.text if c.cue else None, c.content.text, a.publisher, a.published, c.channel)
             for a, c in said),
            key=lambda s: (STANCES.index(s.stance), s.published or "\uffff", s.publisher or "", s.doc, s.span))
        stances = {stance: n for stance in STANCES if (n := sum(1 for c in claims if c.stance == stance))}
        out.append(SpeakerClaims(speaker.name, speaker.type, role, key not in earlier, stances, tuple(claims)))
    out.sort(key=lambda s: (-len(s.claims), s.name.casefold()))
    return tuple(out)
