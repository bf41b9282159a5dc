"""Renderers of a report (models.Report): plain text, Markdown, HTML, JSON.

Each is a generator of strings.  None of them uses rich: the text format is
plain text (no colour, no control codes), readable in a terminal, a log or
cron mail.  Article text is made inert everywhere: control characters are
dropped, Markdown is escaped, and every piece of text in the HTML goes
through ``html.escape``.  The HTML is one self-contained file: inline CSS,
an inline SVG line chart per key figure (one line per outlet), no script,
nothing fetched.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from collections.abc import Iterator, Sequence
from enum import StrEnum

from .models import ALARMS, FigureHistory, GroupMember, Report, ReportChange, SpeakerClaims, SpokenClaim, to_dict
from .render import diff_text, group_what, md_escape, timeline_text
from .text import number_text, printable


class ReportFormat(StrEnum):
    text = "text"
    md = "md"
    html = "html"
    json = "json"


#: Output file suffix -> the format it implies when --format is not given.
SUFFIX_FORMATS = {".txt": ReportFormat.text, ".md": ReportFormat.md, ".markdown": ReportFormat.md,
                  ".html": ReportFormat.html, ".htm": ReportFormat.html, ".json": ReportFormat.json}

#: What every format says of an empty window and of a window with no change.
NO_ARTICLES = "No articles in this window."
NOTHING_CHANGED = "Nothing: no figure changed or conflicts, no quote was reworded or misattributed."

#: A stance as the verb a briefing uses for it.
STANCE_VERBS = {"deny": "denied", "concede": "admitted", "allege": "claimed", "assert": "asserted",
                "neutral": "said"}
CHANGE_HEADINGS = {"misattributed": "Misattributed quote", "differ": "Figures in conflict",
                   "reworded": "Quote reworded", "updated": "Figure updated"}
#: Claims listed per speaker (the JSON has them all).
CLAIMS_SHOWN = 6
#: Characters of a quote or statement shown.
TEXT_CHARS = 220


def render_report(report: Report, fmt: ReportFormat) -> Iterator[str]:
    if fmt is ReportFormat.json:
        return report_json(report)
    if fmt is ReportFormat.md:
        return report_markdown(report)
    if fmt is ReportFormat.html:
        return report_html(report)
    return report_text(report)


# --------------------------------------------------------------------------
# What every format says the same way


def window_text(report: Report) -> str:
    w = report.window
    if w.by == "ingested":
        start = _instant(w.since) if w.since else "the first article"
        first = "" if w.previous else " (first run: the last 24 hours)"
        return f"Articles stored since the last report, {start}{first}, to {_instant(w.until)}"
    if w.since is None:
        return f"Articles published up to {w.until}"
    if w.since == w.until:
        return f"Articles published on {w.since}"
    return f"Articles published {w.since} to {w.until}"


def _instant(stamp: str) -> str:
    """2026-03-12T06:00:00.000000Z -> 2026-03-12 06:00 UTC."""
    return stamp[:10] + " " + stamp[11:16] + " UTC" if len(stamp) >= 16 else stamp


def headline_items(report: Report) -> list[tuple[int, str]]:
    h = report.headline
    return [(h.articles, "article" if h.articles == 1 else "articles"),
            (h.outlets, "outlet" if h.outlets == 1 else "outlets"),
            (h.claims, "claim" if h.claims == 1 else "claims"),
            (h.speakers, "speaker" if h.speakers == 1 else "speakers"),
            (h.new_speakers, "new speaker" if h.new_speakers == 1 else "new speakers")]


def stance_counts(speaker: SpeakerClaims) -> str:
    """denied 1, admitted 2, said 4"""
    return ", ".join(f"{STANCE_VERBS[s]} {n}" for s, n in speaker.stances.items())


def clip(text: str, limit: int = TEXT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def figure_rows(figure: FigureHistory) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """A key figure as a table: the outlets, and one row per day with each
    outlet's count that day (empty when it gave none)."""
    outlets = [s.outlet for s in figure.series]
    days = sorted({p.date for s in figure.series for p in s.points})
    cells = {(s.outlet, p.date): number_text(p.value) for s in figure.series for p in s.points}
    return outlets, [(day, [cells.get((o, day), "") for o in outlets]) for day in days]


def _who(member: GroupMember) -> str:
    """The outlet, and who it says said it: The Harbour Ledger, according to the police."""
    outlet = member.publisher or member.source
    return f"{outlet}, according to {member.speaker}" if member.speaker else outlet


def change_members(report: Report, change: ReportChange) -> tuple[GroupMember, ...]:
    """What to list under a change: a figure's reports in the window (its
    history is under key figures); every report of a quote."""
    if change.group.kind != "figure":
        return change.group.members
    docs = {info.doc for info in report.articles}
    return tuple(m for m in change.group.members if m.doc in docs)


def _said(claim: SpokenClaim) -> str:
    verb = STANCE_VERBS[claim.stance]
    return f"{verb} ({claim.cue})" if claim.cue and claim.cue.lower() != verb else verb


# --------------------------------------------------------------------------
# Plain text


def _ref(doc: str, span: Sequence[int]) -> str:
    return f"[{doc} {span[0]}-{span[1]}]"


def report_text(report: Report) -> Iterator[str]:
    line = printable
    yield f"BRIEFING: {line(window_text(report))}\n"
    yield f"Generated {_instant(report.generated_at)} by claimcli\n\n"
    yield "HEADLINE NUMBERS\n  " + " · ".join(f"{n} {label}" for n, label in headline_items(report)) + "\n"
    if not report.articles:
        yield f"\n{NO_ARTICLES}\n"
        return
    yield f"\nWHAT CHANGED ({len(report.changes)})\n"
    if not report.changes:
        yield f"  {NOTHING_CHANGED}\n"
    for change in report.changes:
        group = change.group
        flag = "!" if change.verdict in ALARMS else "*"
        yield f"  {flag} {CHANGE_HEADINGS[change.verdict]}: {line(group_what(group))}\n"
        yield f"    {line(group.summary)}\n"
        if group.diff:
            yield f"    {diff_text(group.diff)}\n"
        if group.kind == "figure":
            yield f"    timeline: {line(timeline_text(group))}\n"
        for m in change_members(report, change):
            yield (f"    - {m.date or '?'} {line(_who(m))}: "
                   f"“{line(clip(m.text, 120))}” {_ref(m.doc, m.span)}\n")
    yield f"\nKEY FIGURES ({len(report.figures)})\n"
    for figure in report.figures:
        group = figure.group
        yield f"  {line(group_what(group))} [{group.verdict}]\n    {line(group.summary)}\n"
        outlets, rows = figure_rows(figure)
        widths = [max(len(o), 5) for o in outlets]
        yield "    " + "date       " + "  ".join(line(o).ljust(w) for o, w in zip(outlets, widths, strict=True)) + "\n"
        for day, cells in rows:
            yield "    " + day.ljust(11) + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"
        for series in figure.series:
            refs = " ".join(_ref(p.doc, p.span) for p in series.points)
            yield f"    {line(series.outlet)}: {refs}\n"
    yield f"\nCLAIMS BY SPEAKER ({len(report.speakers)})\n"
    for speaker in report.speakers:
        role = f", {line(speaker.role)}" if speaker.role else ""
        new = " (new)" if speaker.new else ""
        yield f"  {line(speaker.name)}{role}{new}: {stance_counts(speaker)}\n"
        for claim in speaker.claims[:CLAIMS_SHOWN]:
            yield (f"    - {_said(claim)}: “{line(clip(claim.text))}” {line(claim.publisher or '')} "
                   f"{claim.published or ''} {_ref(claim.doc, claim.span)}\n")
        if len(speaker.claims) > CLAIMS_SHOWN:
            yield f"    … and {len(speaker.claims) - CLAIMS_SHOWN} more\n"
    yield f"\nARTICLES ({len(report.articles)})\n"
    for info in report.articles:
        yield (f"  {info.published or '?'}  {line(info.publisher or '')}: {line(info.title or info.source)}\n"
               f"    {info.doc}  {line(info.url or info.source)}  ({info.claims} claims)\n")


# --------------------------------------------------------------------------
# Markdown (email, GitHub)


def _md_ref(doc: str, span: Sequence[int]) -> str:
    return f"`{doc}` [{span[0]}, {span[1]})"


def _md_link(text: str, url: str | None) -> str:
    if url and _safe_url(url):
        return f"[{md_escape(text)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"
    return md_escape(text)


def report_markdown(report: Report) -> Iterator[str]:
    yield f"# Briefing: {md_escape(window_text(report))}\n\n"
    yield f"*Generated {_instant(report.generated_at)} by claimcli.*\n\n"
    yield " · ".join(f"**{n}** {label}" for n, label in headline_items(report)) + "\n"
    if not report.articles:
        yield f"\n{NO_ARTICLES}\n"
        return
    yield f"\n## What changed ({len(report.changes)})\n\n"
    if not report.changes:
        yield f"{NOTHING_CHANGED}\n"
    for change in report.changes:
        group = change.group
        flag = "⚠ " if change.verdict in ALARMS else ""
        yield f"### {flag}{CHANGE_HEADINGS[change.verdict]}: {md_escape(group_what(group))}\n\n"
        yield f"{md_escape(group.summary)}.\n\n"
        if group.diff:
            yield f"> {diff_text(group.diff, markdown=True)}\n\n"
        if group.kind == "figure":
            yield f"Timeline: {md_escape(timeline_text(group))}\n\n"
        for m in change_members(report, change):
            yield (f"- {m.date or '?'} · {md_escape(_who(m))}: "
                   f"“{md_escape(clip(m.text, 160))}” {_md_ref(m.doc, m.span)}\n")
        yield "\n"
    yield f"## Key figures ({len(report.figures)})\n"
    for figure in report.figures:
        group = figure.group
        yield f"\n### {md_escape(group_what(group))} ({group.verdict})\n\n{md_escape(group.summary)}.\n\n"
        outlets, rows = figure_rows(figure)
        yield "| date | " + " | ".join(md_escape(o) for o in outlets) + " |\n"
        yield "|---|" + "---:|" * len(outlets) + "\n"
        for day, cells in rows:
            yield f"| {day} | " + " | ".join(cells) + " |\n"
        yield "\n" + "; ".join(f"{md_escape(s.outlet)}: " + ", ".join(_md_ref(p.doc, p.span) for p in s.points)
                               for s in figure.series) + "\n"
    yield f"\n## Claims by speaker ({len(report.speakers)})\n"
    for speaker in report.speakers:
        role = f", {md_escape(speaker.role)}" if speaker.role else ""
        new = " — *new*" if speaker.new else ""
        yield f"\n**{md_escape(speaker.name)}**{role}{new}: {stance_counts(speaker)}\n\n"
        for claim in speaker.claims[:CLAIMS_SHOWN]:
            yield (f"- *{_said(claim)}*: “{md_escape(clip(claim.text))}” — {md_escape(claim.publisher or '')}, "
                   f"{claim.published or '?'}, {_md_ref(claim.doc, claim.span)}\n")
        if len(speaker.claims) > CLAIMS_SHOWN:
            yield f"- … and {len(speaker.claims) - CLAIMS_SHOWN} more\n"
    yield f"\n## Articles ({len(report.articles)})\n\n| date | outlet | title | doc | claims |\n|---|---|---|---|---:|\n"
    for info in report.articles:
        yield (f"| {info.published or '?'} | {md_escape(info.publisher)} | "
               f"{_md_link(info.title or info.source, info.url)} | `{info.doc}` | {info.claims} |\n")


# --------------------------------------------------------------------------
# JSON


def report_json(report: Report) -> Iterator[str]:
    """One JSON object: ``to_dict(report)`` (its shape is pinned by tests)."""
    yield json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------
# HTML


def esc(text: object) -> str:
    """Any text made inert in HTML (element content and quoted attributes)."""
    return html.escape(printable(str(text)), quote=True)


def _safe_url(url: str) -> bool:
    return url.lower().startswith(("https://", "http://"))


#: The plot area's fill and the series colours: a test finds the chart in a
#: screenshot by CHART_BG and its lines by these colours.
CHART_BG = "#eef3f8"
SERIES_COLOURS = ("#d7263d", "#1b998b", "#f49d37", "#3f88c5", "#7a306c", "#140f2d", "#8fa900", "#ab6c00")

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 0 14px 40px; font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans",
       "DejaVu Sans", sans-serif; color: #1d232b; background: #ffffff; }
main { max-width: 760px; margin: 0 auto; }
h1 { font-size: 1.45rem; line-height: 1.25; margin: 18px 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #dde3ea; }
h3 { font-size: 1.02rem; margin: 18px 0 4px; }
p, li { overflow-wrap: anywhere; }
.meta { color: #5b6673; font-size: .9rem; margin: 0; }
.numbers { display: flex; flex-wrap: wrap; gap: 8px; padding: 0; list-style: none; margin: 14px 0 0; }
.numbers li { flex: 1 1 110px; background: #f5f7fa; border-radius: 8px; padding: 8px 10px; }
.numbers b { display: block; font-size: 1.5rem; line-height: 1.1; }
.change { border-left: 4px solid #3f88c5; padding: 2px 0 2px 10px; margin: 14px 0; }
.change.alert { border-color: #c0392b; }
.tag { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
       padding: 1px 6px; border-radius: 4px; background: #e3ebf3; color: #23415e; }
.alert .tag { background: #fbe3e0; color: #8e1b10; }
ul.members, ul.claims { padding-left: 18px; margin: 6px 0; font-size: .93rem; }
del { color: #8e1b10; } ins { color: #17643b; text-decoration: none; font-weight: 600; }
.ref { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8rem; color: #3f5f80; white-space: nowrap; }
figure { margin: 10px 0 4px; }
svg.chart { width: 100%; max-width: 620px; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: 8px 0; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #e4e8ee; vertical-align: top; }
td.n { text-align: right; }
td.d { white-space: nowrap; }
.scroll { overflow-x: auto; }
.new { font-size: .75rem; font-weight: 700; color: #17643b; }
footer { margin-top: 30px; color: #5b6673; font-size: .85rem; }
"""


def _html_ref(doc: str, span: Sequence[int], claim: str | None = None) -> str:
    title = f"claim {claim}, " if claim else ""
    return (f'<a class="ref" href="#a-{esc(doc)}" title="{esc(title)}article {esc(doc)}, characters '
            f'{span[0]} to {span[1]}">{esc(doc[:8])}:{span[0]}–{span[1]}</a>')


def _html_diff(diff: Sequence[Sequence[str]]) -> str:
    parts = []
    for op, words in diff:
        parts.append(esc(words) if op == "=" else f"<del>{esc(words)}</del>" if op == "-" else f"<ins>{esc(words)}</ins>")
    return " ".join(parts)


def report_html(report: Report) -> Iterator[str]:
    title = f"Briefing: {window_text(report)}"
    yield ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
           f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n")
    yield f"<h1>{esc(title)}</h1>\n<p class=\"meta\">Generated {esc(_instant(report.generated_at))} by claimcli</p>\n"
    yield '<ul class="numbers">' + "".join(f"<li><b>{n}</b>{esc(label)}</li>" for n, label in headline_items(report))
    yield "</ul>\n"
    if not report.articles:
        yield f"<p>{NO_ARTICLES}</p>\n</main>\n</body>\n</html>\n"
        return
    yield f'<section id="changes">\n<h2>What changed ({len(report.changes)})</h2>\n'
    if not report.changes:
        yield f"<p>{NOTHING_CHANGED}</p>\n"
    for change in report.changes:
        yield from _html_change(change, change_members(report, change))
    yield f'</section>\n<section id="figures">\n<h2>Key figures ({len(report.figures)})</h2>\n'
    for n, figure in enumerate(report.figures):
        yield from _html_figure(figure, n)
    yield f'</section>\n<section id="speakers">\n<h2>Claims by speaker ({len(report.speakers)})</h2>\n'
    for speaker in report.speakers:
        role = f", {esc(speaker.role)}" if speaker.role else ""
        new = ' <span class="new">NEW</span>' if speaker.new else ""
        yield f"<h3>{esc(speaker.name)}{role}{new}</h3>\n<p class=\"meta\">{esc(stance_counts(speaker))}</p>\n"
        yield '<ul class="claims">\n'
        for claim in speaker.claims[:CLAIMS_SHOWN]:
            yield (f"<li><b>{esc(_said(claim))}</b>: “{esc(clip(claim.text))}” — {esc(claim.publisher or '')}, "
                   f"{esc(claim.published or '?')} {_html_ref(claim.doc, claim.span, claim.claim)}</li>\n")
        if len(speaker.claims) > CLAIMS_SHOWN:
            yield f"<li>… and {len(speaker.claims) - CLAIMS_SHOWN} more</li>\n"
        yield "</ul>\n"
    yield (f'</section>\n<section id="articles">\n<h2>Articles ({len(report.articles)})</h2>\n<div class="scroll">'
           "<table>\n<tr><th>date</th><th>outlet</th><th>title</th><th>claims</th></tr>\n")
    for info in report.articles:
        name = esc(info.title or info.source)
        link = f'<a href="{esc(info.url)}" rel="noreferrer">{name}</a>' if info.url and _safe_url(info.url) else name
        yield (f'<tr id="a-{esc(info.doc)}"><td class="d">{esc(info.published or "?")}</td><td>{esc(info.publisher or "")}</td>'
               f'<td>{link}<br><span class="ref">{esc(info.doc)}</span></td><td class="n">{info.claims}</td></tr>\n')
    yield "</table></div>\n</section>\n<footer>claimcli report</footer>\n</main>\n</body>\n</html>\n"


def _html_change(change: ReportChange, members: Sequence[GroupMember]) -> Iterator[str]:
    group = change.group
    alert = " alert" if change.verdict in ALARMS else ""
    yield (f'<div class="change{alert}"><span class="tag">{esc(change.verdict)}</span> '
           f"<b>{esc(CHANGE_HEADINGS[change.verdict])}: {esc(group_what(group))}</b>\n"
           f"<p>{esc(group.summary)}</p>\n")
    if group.diff:
        yield f"<p>{_html_diff(group.diff)}</p>\n"
    if group.kind == "figure":
        yield f"<p>Timeline: {esc(timeline_text(group))}</p>\n"
    yield '<ul class="members">\n'
    for m in members:
        yield (f"<li>{esc(m.date or '?')} · {esc(_who(m))}: "
               f"“{esc(clip(m.text, 160))}” {_html_ref(m.doc, m.span, m.claim)}</li>\n")
    yield "</ul></div>\n"


def _html_figure(figure: FigureHistory, n: int) -> Iterator[str]:
    group = figure.group
    yield f"<h3>{esc(group_what(group))} <span class=\"tag\">{esc(group.verdict)}</span></h3>\n"
    yield f"<p class=\"meta\">{esc(group.summary)}</p>\n<figure>{chart_svg(figure, n)}</figure>\n"
    outlets, rows = figure_rows(figure)
    refs = {(s.outlet, p.date): _html_ref(p.doc, p.span, p.claim) for s in figure.series for p in s.points}
    yield '<div class="scroll"><table>\n<tr><th>date</th>' + "".join(f"<th>{esc(o)}</th>" for o in outlets) + "</tr>\n"
    for day, cells in rows:
        tds = "".join(f'<td class="n">{esc(c)}<br>{refs[(o, day)]}</td>' if c else "<td></td>"
                      for o, c in zip(outlets, cells, strict=True))
        yield f'<tr><td class="d">{esc(day)}</td>{tds}</tr>\n'
    yield "</table></div>\n"


# -- the chart ---------------------------------------------------------------

CHART_W, PLOT_H = 420, 170
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 10, 28
LEGEND_ROW = 20
#: Room inside the plot at both ends of the time axis, for the markers.
PAD = 14


def _ticks(top: float) -> list[float]:
    """Round steps (1, 2, 5 x 10^k, 2.5 x 10^k from 25 on; at least 1) from 0 to at least ``top``."""
    raw = max(top, 1.0) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    factors = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)
    step = max(next(m * magnitude for m in factors if m * magnitude >= raw), 1.0)
    return [k * step for k in range(math.ceil(max(top, 1.0) / step - 1e-9) + 1)]


def _day(date: str) -> dt.date:
    return dt.date.fromisoformat(date[:10])


def chart_svg(figure: FigureHistory, n: int = 0) -> str:
    """One line per outlet over the days: an inline SVG, no script."""
    series = [s for s in figure.series if s.points]
    days = sorted({p.date for s in series for p in s.points})
    values = [float(p.value) for s in series for p in s.points if p.value is not None]
    ticks = _ticks(max(values) if values else 1.0)
    first, last = (_day(days[0]), _day(days[-1])) if days else (dt.date(2000, 1, 1),) * 2
    span_days = max((last - first).days, 1)
    width = CHART_W - LEFT - RIGHT

    def x(date: str) -> float:
        if first == last:
            return LEFT + width / 2
        return LEFT + PAD + (width - 2 * PAD) * (_day(date) - first).days / span_days

    def y(value: float) -> float:
        return TOP + PLOT_H - PLOT_H * value / ticks[-1]

    legend_rows = (len(series) + 1) // 2
    height = TOP + PLOT_H + BOTTOM + legend_rows * LEGEND_ROW + 6
    label = f"{group_what(figure.group)}: " + "; ".join(
        f"{s.outlet} " + ", ".join(f"{p.date} {number_text(p.value)}" for p in s.points) for s in series)
    out = [f'<svg class="chart" id="chart-{n}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_W} {height}" '
           f'role="img" aria-label="{esc(label)}" font-family="sans-serif" font-size="13">',
           f'<rect x="{LEFT}" y="{TOP}" width="{width}" height="{PLOT_H}" fill="{CHART_BG}"/>']
    for tick in ticks:
        ty = y(tick)
        out.append(f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{LEFT + width}" y2="{ty:.1f}" stroke="#ffffff" '
                   'stroke-width="1.5"/>')
        out.append(f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" fill="#4a5561">{esc(number_text(tick))}</text>')
    shown = days if len(days) <= 7 else [days[0], days[len(days) // 2], days[-1]]
    for date in shown:
        out.append(f'<text x="{x(date):.1f}" y="{TOP + PLOT_H + 18}" text-anchor="middle" fill="#4a5561">'
                   f"{esc(_day(date).strftime('%b %d').replace(' 0', ' '))}</text>")
    for i, s in enumerate(series):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        points = [(x(p.date), y(float(p.value))) for p in s.points if p.value is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3" '
                       'stroke-linejoin="round" stroke-linecap="round"/>')
        for p, (px, py) in zip((p for p in s.points if p.value is not None), points, strict=True):
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{colour}">'
                       f"<title>{esc(s.outlet)}, {esc(p.date)}: {esc(p.text)}</title></circle>")
        lx = LEFT + (i % 2) * (width / 2)
        ly = TOP + PLOT_H + BOTTOM + (i // 2) * LEGEND_ROW + 10
        out.append(f'<line x1="{lx:.1f}" y1="{ly:.1f}" x2="{lx + 22:.1f}" y2="{ly:.1f}" stroke="{colour}" '
                   'stroke-width="3"/>')
        out.append(f'<text x="{lx + 28:.1f}" y="{ly + 4:.1f}" fill="#1d232b">{esc(clip(s.outlet, 24))}</text>')
    out.append("</svg>")
    return "\n".join(out)
