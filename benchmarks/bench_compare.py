"""`compare` at scale: time and peak memory over generated stores.

    python benchmarks/bench_compare.py                          # 1,000 articles (a few seconds)
    python benchmarks/bench_compare.py --sizes 1000,10000,100000 --workdir /tmp/cmp-bench

Stores are written directly through the Store API (``Store.add`` of
``models.Article`` records with their claims), not by extracting 100,000
texts.  The generator makes news the way compare sees it: stories (an
event in an invented place, ~10 articles over a few days from ~30 outlets,
several stories running at once), each with its officials and bodies, a
toll that grows day by day (and sometimes differs between two outlets on a
day), quotes that outlets repeat word for word, reword, or pin on another
speaker, statements paraphrased by several outlets, and filler text with
the story's names.  Names, numbers and words vary (Zipf-distributed words
from a 30,000-word vocabulary), so groups form as they would in real news.

Each size is measured in a fresh child process: wall and CPU time of
``compare(store)`` (reading every article included) and peak RSS (from
resource.getrusage), then the real command ``claimcli compare --format
jsonl > /dev/null``.  Targets: near-linear time, 100,000 articles under 60 s
on one core, peak RSS under 2 GB.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcli.models import Article, Claim, Content, Cue, Figure, Speaker  # noqa: E402
from claimcli.text import doc_id  # noqa: E402

OUTLETS = [f"{a} {b}" for a in ("Northern", "Harbour", "Valley", "Meridian", "Coastal", "Capital")
           for b in ("Wire Service", "Ledger", "Broadcast News", "Post", "Times")]
COMMON = ("the of and to in a that is was for on it with as at by from we our they this have be not are but "
          "had has were will would there their been more all when who which out up about after over them into "
          "than its only other could some what can just also before very any these").split()
EVENTS = [("flood", "flood"), ("blast", "explosion"), ("fire", "fire"), ("quake", "earthquake"),
          ("collapse", "building collapse"), ("crash", "train crash"), ("storm", "storm")]
SYLLABLES = ("ka ri to mel var sen dor lin bra ost hal vik tar nor sal mer kel ber gan lus fen mor ric dal "
             "tem vos ar el an or is un ev ol ba de fi go hu ja ke lo mu ne pi ro su ti vu wa ze").split()
EPOCH = 739000  # an ordinal day in 2024


class Words:
    """Pseudo-words with a Zipf distribution, plus common English words."""

    def __init__(self, rng: random.Random, size: int = 30000) -> None:
        self.rng = rng
        seen: set[str] = set()
        self.vocab: list[str] = []
        while len(self.vocab) < size:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
            if word not in seen:
                seen.add(word)
                self.vocab.append(word)
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(size)))

    def sentence(self, n: int) -> str:
        rng = self.rng
        content = rng.choices(self.vocab, cum_weights=self.cumulative, k=n)
        words = [w if rng.random() < 0.6 else rng.choice(COMMON) for w in content]
        return " ".join(words).capitalize()


def _name(rng: random.Random, syllables: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


class StoryPlan:
    """One event: its place, people, bodies, toll series, quotes and statements."""

    def __init__(self, n: int, rng: random.Random, words: Words, start: int) -> None:
        self.n = n
        self.place = _name(rng, 3) + f"{n:x}".translate(str.maketrans("0123456789abcdef", "qwzxjvkyhgpbcdfm"))
        self.kind, self.event = rng.choice(EVENTS)
        self.start = start
        self.people = [(f"{_name(rng)} {_name(rng, 3)}", rng.choice(("mayor", "fire chief", "governor",
                                                                     "police spokesman", "minister")))
                       for _ in range(4)]
        self.bodies = [f"{self.place} {b}" for b in ("Fire Service", "Police", "Civil Protection Agency")]
        base = rng.randint(2, 40)
        self.toll = [base + day * rng.randint(0, 6) for day in range(6)]
        self.injured_per_death = rng.randint(2, 5)
        self.missing = [max(0, rng.randint(10, 40) - 6 * day) for day in range(6)]
        self.quotes = [(rng.randrange(len(self.people)), words.sentence(rng.randint(8, 20))) for _ in range(8)]
        self.statements = [(rng.randrange(len(self.bodies)), words.sentence(rng.randint(6, 14)).lower())
                           for _ in range(6)]


def _reword(rng: random.Random, words: Words, text: str) -> str:
    tokens = text.split()
    for _ in range(max(1, len(tokens) // 8)):
        i = rng.randrange(len(tokens))
        if rng.random() < 0.5 and len(tokens) > 6:
            del tokens[i]
        else:
            tokens[i] = rng.choice(words.vocab[:500])
    return " ".join(tokens)


class Writer:
    """Builds one article's text and claims, keeping every span exact."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.claims: list[dict[str, Any]] = []

    def add(self, text: str) -> int:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return start

    def text(self) -> str:
        return "".join(self.parts)


def article(i: int, story: StoryPlan, rng: random.Random, words: Words, plans: list[StoryPlan]) -> Article:
    day_index = rng.randrange(5)
    day = EPOCH + story.start + day_index
    published = _iso(day)
    outlet = rng.choice(OUTLETS)
    w = Writer()
    claims: list[Claim] = []
    figures: list[Figure] = []
    doc_placeholder = "0" * 16

    def claim(kind: str, start: int, end: int, content: tuple[int, int], speaker: Speaker | None,
              cue: Cue | None, figs: tuple[Figure, ...] = (), direct: bool = False) -> None:
        text = w.text()
        claims.append(Claim(f"{doc_placeholder}:{len(claims)}", kind, (start, end), speaker, cue,  # type: ignore[arg-type]
                            Content(text[content[0]:content[1]], content, direct), None, figs, (), (), 0.8))

    title = f"{story.event.title()} in {story.place}: toll rises"
    w.add(f"{title}\n\n")
    # The lead: the toll, attributed to a body (sometimes off by a few on a busy day).
    toll = story.toll[day_index] + (3 if rng.random() < 0.08 else 0)
    body = rng.choice(story.bodies)
    s = w.add("At least ")
    num = f"{toll} people"
    fs = w.add(num)
    w.add(f" were killed in the {story.event} in {story.place}, ")
    sp = w.add(f"the {body}")
    cue_at = w.add(" said")
    w.add(".\n\n")
    figure = Figure(f"At least {num}", (s, fs + len(num)), toll, toll, None, "at_least", "people", "killed")
    figures.append(figure)
    claim("statement", s, cue_at + 5, (s, fs + len(num) + len(f" were killed in the {story.event} in {story.place}")),
          Speaker(body, f"the {body}", (sp, sp + len(body) + 4), None, "organization"),
          Cue("said", "say", (cue_at + 1, cue_at + 5), "neutral"), (figure,))
    # Injured / missing.
    for event, obj in (("wounded", "people"), ("missing", "residents")):
        value = story.toll[day_index] * story.injured_per_death if event == "wounded" else story.missing[day_index]
        if rng.random() < 0.05:
            value += rng.randint(1, 9)  # now and then an outlet has another figure
        s = w.add(f"Officials said {value} {obj} were {'injured' if event == 'wounded' else 'missing'}.\n\n")
        fstart = s + len("Officials said ")
        text = f"{value} {obj}"
        fig = Figure(text, (fstart, fstart + len(text)), value, value, value, "exact", obj, event)
        figures.append(fig)
        claim("statement", s, w.size - 2, (fstart, w.size - 3),
              Speaker("Officials", "Officials", (s, s + 9), None, "anonymous"),
              Cue("said", "say", (s + 10, s + 14), "neutral"), (fig,))
    # Quotes: the story's own, sometimes reworded or given to someone else; now and then one repeated.
    for who, words_said in rng.sample(story.quotes, rng.randint(3, 6)):
        roll = rng.random()
        if roll < 0.15:
            words_said = _reword(rng, words, words_said)
        elif roll < 0.17:
            who = (who + 1) % len(story.people)
        name, role = story.people[who]
        _quote(w, claim, words_said, name, role)
        if rng.random() < 0.03:
            _quote(w, claim, words_said, name, role)
    # Statements: the story's, paraphrased.
    for which, content in rng.sample(story.statements, rng.randint(3, 6)):
        if rng.random() < 0.5:
            content = _reword(rng, words, content)
        body = story.bodies[which]
        s = w.add(f"The {body} said that ")
        cs = w.size
        w.add(content)
        ce = w.size
        w.add(".\n\n")
        claim("statement", s, ce + 1, (cs, ce),
              Speaker(body, f"The {body}", (s, s + 4 + len(body)), None, "organization"),
              Cue("said", "say", (s + 5 + len(body), s + 9 + len(body)), "neutral"))
    # Filler: the story's names, other stories' names now and then, plain words.
    other = rng.choice(plans)
    for _ in range(rng.randint(6, 10)):
        names = [story.place, story.people[rng.randrange(4)][0], rng.choice(story.bodies)]
        if rng.random() < 0.2:
            names.append(other.place)
        w.add(f"{words.sentence(rng.randint(10, 22))} in {rng.choice(names)}, {words.sentence(8).lower()}.\n\n")
    w.add(f"Report {i} from the {outlet} desk.\n")
    text = w.text()
    doc = doc_id(text)
    claims = [Claim(f"{doc}:{n}", c.kind, c.span, c.speaker, c.cue, c.content, c.channel, c.figures, c.times,
                    c.hedges, c.confidence) for n, c in enumerate(claims)]
    return Article(doc, f"generated/{i}.txt", None, title, outlet, published, None,
                   f"2026-01-01T00:00:00.{i:06d}Z", "bench", tuple(claims), (), tuple(figures), text)


def _quote(w: Writer, claim: Any, words_said: str, name: str, role: str) -> None:
    s = w.add("“")
    cs = w.size
    w.add(words_said)
    ce = w.size
    w.add(",” ")
    ns = w.add(name)
    w.add(f", the {role}, ")
    cue = w.add("said")
    w.add(".\n\n")
    claim("quote", s, cue + 5, (cs, ce), Speaker(name, name, (ns, ns + len(name)), role, "person"),
          Cue("said", "say", (cue, cue + 4), "neutral"), (), True)


def _iso(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


def build(store_dir: Path, count: int, seed: int = 11) -> dict[str, float]:
    """A store of ``count`` generated articles (about ten per story)."""
    from claimcli.store import Store

    rng = random.Random(seed)
    words = Words(rng)
    stories = max(1, count // 10)
    span_days = max(30, stories // 8)  # about eight new stories a day
    plans = [StoryPlan(n, rng, words, rng.randrange(span_days)) for n in range(stories)]
    store = Store.open(store_dir, create=True)
    start = time.perf_counter()
    batch: list[Article] = []
    for i in range(count):
        batch.append(article(i, plans[i % stories], rng, words, plans))
        if len(batch) == 2000:
            store.add(batch)
            batch = []
    if batch:
        store.add(batch)
    return {"seconds": time.perf_counter() - start, "articles": count, "stories": stories}


# --------------------------------------------------------------------------
# Children: one measurement each, JSON on stdout


def child_compare(store_dir: str) -> dict[str, Any]:
    from claimcli.compare import compare
    from claimcli.store import Store

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    result = compare(Store.open(store_dir))
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    verdicts: dict[str, int] = {}
    for group in result.groups:
        verdicts[group.verdict] = verdicts.get(group.verdict, 0) + 1
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime - cpu0, "articles": result.articles,
            "stories": len(result.stories), "groups": len(result.groups), "verdicts": verdicts,
            "peak_rss_mib": usage.ru_maxrss / 1024}


def run_child(*args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False,
                          cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def time_command(store_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimcli", "compare", "--store", str(store_dir), "--format", "jsonl"],
                   stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="comma-separated store sizes (default 1000)")
    parser.add_argument("--workdir", help="keep generated stores here and reuse them (default: a temporary folder)")
    parser.add_argument("--no-command", action="store_true", help="skip timing the real command")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        task, *rest = args.child
        out = build(Path(rest[0]), int(rest[1])) if task == "build" else child_compare(rest[0])
        print(json.dumps(out))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="claimcli-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {}
    try:
        print(f"{'articles':>9} {'stories':>8} {'groups':>8} {'seconds':>8} {'CPU s':>7} {'us/article':>10} "
              f"{'peak RSS':>9} {'command s':>10}  findings")
        for size in sizes:
            store_dir = work / f"store-{size}"
            if not (store_dir / "index.jsonl").exists():
                shutil.rmtree(store_dir, ignore_errors=True)
                built = run_child("build", str(store_dir), str(size))
                print(f"  (built {size} articles in {built['seconds']:.0f} s)", flush=True)
            out = run_child("compare", str(store_dir))
            command = None if args.no_command else time_command(store_dir)
            figures[str(size)] = {**out, "command_seconds": command}
            findings = ", ".join(f"{out['verdicts'].get(v, 0)} {v}" for v in ("misattributed", "differ", "reworded",
                                                                             "updated", "repeated"))
            print(f"{size:>9} {out['stories']:>8} {out['groups']:>8} {out['seconds']:>8.1f} {out['cpu_seconds']:>7.1f} "
                  f"{out['seconds'] / size * 1e6:>10.0f} {out['peak_rss_mib']:>5.0f} MiB "
                  f"{'-' if command is None else f'{command:.1f}':>10}  {findings}", flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
