"""Time expressions: every date, time, duration and set a news text states.

``extract_times(text, anchor)`` returns one ``TimeRef`` per expression, in
order of position.  ``anchor`` is the publication date: relative expressions
("on Sunday", "last week", "two years ago") resolve against it, following the
tense of their sentence; with no anchor their value is ``None`` and the text
is kept.  Nothing ever resolves against today's date.

Spans follow TIMEX3: no leading preposition ("Monday", not "on Monday"), but
modifiers that belong to the expression are kept ("last week", "the past three
months", "early Tuesday", "nearly forty years", "four-day-old").

Values are TimeML TIMEX3 values, because that is what the gold data uses:

=========  ==========================================  ==================================
grain      value                                        examples
=========  ==========================================  ==================================
day        ``2022-03-01``                               March 1, 2022; Tuesday; yesterday
week       ``2022-W09``, weekends ``2022-W08-WE``      this week; last week; the weekend
month      ``2022-03``                                  in March; last month
quarter    ``2022-Q1``                                  the third quarter; Q3 2022
half       ``2022-H1``                                  the first half of 2022
season     ``2022-SU`` (SP, SU, FA, WI)                 this summer; last fall
year       ``2022``                                     in 2014; last year; fiscal 1989
decade     ``199`` (the 1990s)                          the late 1970s; the past decade
century    ``19`` (the 20th century)                    the 11th century
time       ``2022-02-26TNI``, ``1998-01-08T15:00``      last night; 10 p.m. Wednesday
duration   ``P4D``, ``PT2H``, ``PXM``                   four-day-old; for three weeks
set        ``P1Y``, ``XXXX-WXX-1``, ``XXXX-SU``         each year; every Monday; daily
ref        ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` now; recently; in the future
=========  ==========================================  ==================================

Resolution rules, in short:

- Weekdays: past tense takes the most recent such day (the publication day
  itself when it matches: "on Sunday" in a Sunday article), future tense the
  next one (the same day counts), present tense the nearest one.  The tense is
  read from the nearest tense cue in the sentence (``tense_of``).
- A month and day without a year ("March 1") takes the year that puts it
  nearest the anchor consistent with tense; a month alone likewise.
- "last/this/next week|month|quarter|year" are calendar units around the
  anchor; "the past three months" is a duration; "two weeks ago" a date.
- Discourse references ("the following year", "the same day", "a year
  earlier" after a quarter) resolve against the last such value in the text.
- Bare four-digit numbers are years only in a year context (in, since, by,
  until, of, from, a determiner before a noun, after a month ...).
- Holidays (Christmas, Easter via ``dateutil.easter``, Thanksgiving, Boxing
  Day ...) take the occurrence nearest the anchor by tense, like dates.
- Sentences end at . ! ? before a capital, at blank lines, and at line breaks
  that do not cut a sentence (hard-wrapped wire copy).
- An anchor outside the years 2-9997 resolves nothing (values stay None).

Use ``find_dateline`` to find the publication date stated by the article
itself (front matter, "Published ...", a wire dateline with a year).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
import types
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

import regex
from dateutil.easter import easter

from ..models import TimeRef
from .numbers import ORDINALS, SCALES, TENS, UNITS, parse_number
from .patterns import RE_WORD_CHAR, line_matches
from .patterns import trie as _trie

#: Every value ``TimeRef.grain`` can take (see the table above).
GRAINS = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century", "time", "duration", "set", "ref")

# --------------------------------------------------------------------------
# Lexicons (data, not code)
# --------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
#: Abbreviations that are only a month with a day or year after them.
MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
#: Month names that are also common words or names: need a date context.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
#: Words after a weekday that make it a name: "Sunday Times", "Monday Night Football".
WEEKDAY_NAME_FOLLOWERS = frozenset({
    "times", "telegraph", "express", "mirror", "mail", "herald", "post", "independent", "tribune",
    "observer", "star", "people", "sport", "business", "review", "magazine", "edition", "night football",
    "world", "politics", "tonight", "club", "league", "school", "service", "session",
})
#: Words before a weekday that make it a named day: "Black Monday", "Good Friday".
NAMED_DAY_PREFIXES = frozenset({
    "black", "good", "super", "ash", "palm", "easter", "bloody", "cyber", "holy", "maundy", "shrove",
    "fat", "boxing", "blue", "whit", "low", "red",
})

#: Holidays -> how to find their date in a year: ("fixed", month, day), ("easter", days
#: after Easter Sunday), ("nth", month, weekday, n; -1 = the last), ("thanksgiving",
#: days after US Thanksgiving), or None when it differs by country or calendar.
HOLIDAYS: dict[str, tuple[str, int, int, int] | None] = {
    "christmas": ("fixed", 12, 25, 0), "christmas day": ("fixed", 12, 25, 0), "christmas eve": ("fixed", 12, 24, 0),
    "boxing day": ("fixed", 12, 26, 0), "new year": ("fixed", 1, 1, 0), "new year's day": ("fixed", 1, 1, 0),
    "new year's eve": ("fixed", 12, 31, 0), "hogmanay": ("fixed", 12, 31, 0), "valentine's day": ("fixed", 2, 14, 0),
    "halloween": ("fixed", 10, 31, 0), "independence day": ("fixed", 7, 4, 0), "bastille day": ("fixed", 7, 14, 0),
    "st patrick's day": ("fixed", 3, 17, 0), "st. patrick's day": ("fixed", 3, 17, 0), "may day": ("fixed", 5, 1, 0),
    "remembrance day": ("fixed", 11, 11, 0), "armistice day": ("fixed", 11, 11, 0), "veterans day": ("fixed", 11, 11, 0),
    "veterans' day": ("fixed", 11, 11, 0), "anzac day": ("fixed", 4, 25, 0), "australia day": ("fixed", 1, 26, 0),
    "canada day": ("fixed", 7, 1, 0),
    "easter": ("easter", 0, 0, 0), "easter sunday": ("easter", 0, 0, 0), "easter monday": ("easter", 1, 0, 0),
    "good friday": ("easter", -2, 0, 0), "maundy thursday": ("easter", -3, 0, 0), "palm sunday": ("easter", -7, 0, 0),
    "ash wednesday": ("easter", -46, 0, 0), "pentecost": ("easter", 49, 0, 0), "whitsun": ("easter", 49, 0, 0),
    "thanksgiving": ("thanksgiving", 0, 0, 0), "thanksgiving day": ("thanksgiving", 0, 0, 0),
    "black friday": ("thanksgiving", 1, 0, 0), "cyber monday": ("thanksgiving", 4, 0, 0),
    "memorial day": ("nth", 5, 0, -1), "labor day": ("nth", 9, 0, 1), "martin luther king day": ("nth", 1, 0, 3),
    "presidents' day": ("nth", 2, 0, 3), "columbus day": ("nth", 10, 0, 2), "mother's day": None, "father's day": None,
    "labour day": None, "election day": None, "polling day": None, "inauguration day": None, "victory day": None,
    "republic day": None, "chinese new year": None, "lunar new year": None, "black monday": None,
    "super tuesday": None, "bloody sunday": None,
}
#: Nouns after "Christmas"/"Easter" that make it no time at all: "Christmas tree".
HOLIDAY_NOT_TIME = frozenset({
    "tree", "trees", "card", "cards", "carol", "carols", "present", "presents", "pudding", "cracker", "crackers",
    "decorations", "lights", "song", "songs", "single", "number", "album", "jumper", "island", "egg", "eggs",
    "bunny", "rising", "uprising", "message", "special", "film", "movie",
})
#: Calendar units: word -> (TIMEX3 duration letter, canonical unit).
UNIT_WORDS: dict[str, str] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "night": "night", "nights": "night",
    "week": "week", "weeks": "week", "weekend": "weekend", "weekends": "weekend",
    "fortnight": "fortnight", "fortnights": "fortnight", "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium",
    "morning": "morning", "mornings": "morning", "afternoon": "afternoon", "afternoons": "afternoon",
    "evening": "evening", "evenings": "evening", "time": "time", "term": "term", "half": "half",
}
#: canonical unit -> (multiplier, TIMEX3 duration unit letter, needs the "T" time designator)
DURATION_UNITS: dict[str, tuple[int, str, bool]] = {
    "second": (1, "S", True), "minute": (1, "M", True), "hour": (1, "H", True),
    "day": (1, "D", False), "night": (1, "D", False), "week": (1, "W", False), "weekend": (1, "WE", False),
    "fortnight": (2, "W", False), "month": (1, "M", False), "quarter": (1, "Q", False),
    "year": (1, "Y", False), "decade": (10, "Y", False), "century": (100, "Y", False),
    "millennium": (1000, "Y", False),
    "morning": (1, "MO", True), "afternoon": (1, "AF", True), "evening": (1, "EV", True),
}
#: Vague plural duration letters, TIMEX3 style (PXY "years", PXDE "decades").
VAGUE_UNITS: dict[str, str] = {
    "second": "TXS", "minute": "TXM", "hour": "TXH", "day": "XD", "night": "XD", "week": "XW",
    "weekend": "XWE", "fortnight": "XW", "month": "XM", "quarter": "XQ", "year": "XY",
    "decade": "XDE", "century": "XCE", "millennium": "XML",
}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
#: Season -> (first month, last month); winter runs December to February.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
#: Words before a season (or "the" + season) that make it a time: "in summer", "by the spring".
SEASON_PREPOSITIONS = frozenset({
    "in", "during", "by", "until", "till", "since", "through", "throughout", "over", "before", "after", "for", "from",
    "into",
})
#: Nouns that make a season word part of a name or compound: "summer camp", "Winter Olympics".
SEASON_COMPOUNDS = frozenset({
    "olympics", "games", "storm", "storms", "camp", "camps", "school", "session", "break", "holiday",
    "holidays", "solstice", "equinox", "palace", "wheat", "crop", "crops", "sale", "sales", "collection",
    "collections", "fashion", "transfer", "window", "tour", "term", "semester", "league", "season", "time",
    "weather", "festival", "programme", "program", "range", "clothes", "wear", "fuel", "tyres", "tires",
    "months", "recess", "offensive", "campaign",
})
#: Nouns after "N-year-old" that make it an age, not a duration ("a 10-year-old boy").
AGE_NOUNS = frozenset({
    "boy", "boys", "girl", "girls", "man", "men", "woman", "women", "child", "children", "son", "sons",
    "daughter", "daughters", "baby", "babies", "infant", "infants", "student", "students", "victim",
    "victims", "driver", "drivers", "mother", "father", "brother", "sister", "player", "players", "teenager",
    "teenagers", "youth", "suspect", "suspects", "patient", "patients", "pupil", "pupils", "resident",
    "grandmother", "grandfather", "son's", "girl's", "boy's", "toddler", "twins", "widow", "veteran",
    "soldier", "soldiers", "dog", "horse", "cat",
})
#: Nouns after "the 2000 ..." that make the number a count, not a year.
COUNT_NOUNS = frozenset({
    "people", "men", "women", "children", "persons", "staff", "police", "personnel", "troops", "soldiers",
    "percent", "per", "points", "miles", "metres", "meters", "kilometres", "kilometers", "km", "kg",
    "tonnes", "tons", "feet", "pounds", "dollars", "euros", "yen", "barrels", "shares", "units", "votes",
    "jobs", "cars", "homes", "houses", "acres", "hectares", "cases", "deaths", "dead", "members", "pupils",
    "students", "workers", "employees", "residents", "refugees", "prisoners", "more", "of", "or", "to",
    "and", "out", "in",
})
#: Words before a bare four-digit number that make it a year at once.
YEAR_PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "till", "through", "throughout", "of", "from", "before", "after",
    "during", "between", "circa", "c.", "for", "early", "late", "mid", "fiscal", "year", "fy",
    "around", "summer", "spring", "autumn", "fall", "winter", "pre", "post", "season", "election",
    "budget", "vintage", "class", "as", "against", "due", "maturing", "matures",
})
#: Plural nouns that a year can modify: "the 2004 elections" (but "the 2000 troops" is a count).
YEAR_PLURAL_NOUNS = frozenset({
    "elections", "olympics", "games", "talks", "accounts", "results", "figures", "sales", "earnings", "negotiations",
    "riots", "protests", "floods", "attacks", "championships", "finals", "awards", "accords", "agreements", "levels",
    "budgets", "forecasts", "targets", "estimates", "profits", "losses", "bombings", "killings", "polls",
})
YEAR_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "whose"})
#: Words before a bare month name that make it a month ("in March", "by May").
MONTH_CONTEXT = frozenset({
    "in", "since", "by", "until", "till", "through", "throughout", "during", "before", "after", "from",
    "of", "early", "late", "mid", "last", "next", "this", "that", "each", "every", "between", "the",
    "a", "an", "for", "as", "around", "about", "end", "beginning", "start", "middle", "on", "into",
    "over", "past", "coming", "mid-", "late-", "early-", "to", "and", "or",
})
#: Words no modal verb follows: after them "May" is the month ("in May was", "a May tender").
MONTH_ONLY_BEFORE = frozenset({
    "in", "since", "during", "until", "till", "through", "throughout", "of", "from", "a", "an", "the", "last", "next",
    "this", "each", "every", "early", "late", "mid", "mid-", "end", "into",
})
#: Prepositions that license a bare plural unit as a duration: "for years", "within weeks".
BARE_PLURAL_PREPOSITIONS = frozenset({
    "for", "in", "within", "over", "after", "during", "than", "take", "takes", "took", "taken", "taking",
    "spent", "spend", "spending", "lasted", "last", "lasting", "wait", "waited", "waiting",
})
#: A few -ed words that are not past-tense verbs (adjectives, nouns).
NOT_PAST_ED_WORDS = frozenset((
    "need|feed|seed|weed|speed|indeed|breed|creed|greed|heed|steed|deed|bleed|exceed|proceed|succeed|"
    "hundred|kindred|sacred|naked|wicked|rugged|shed|sled|bred|shred|embed|based|related|armed|alleged|"
    "called|detailed|limited|advanced|developed|united|concerned|interested|experienced|qualified|"
    "unprecedented|unexpected|unidentified|unnamed|unspecified|skilled|scheduled|expected|planned|"
    "slated|intended|proposed|embattled|beloved|learned|aged|red|bed|wed|led|fed|ahmed|mohammed|muhammed|"
    "mohamed|mahmoud|ed|ted|fred|reed|deed|creed"
).split("|"))
IRREGULAR_PAST = (
    "went|came|began|took|gave|made|met|left|saw|fell|rose|won|lost|held|told|got|brought|bought|"
    "thought|fought|caught|taught|sought|sold|struck|spoke|wrote|broke|chose|drove|flew|grew|knew|"
    "threw|shook|stood|understood|sent|spent|built|found|kept|paid|laid|ran|sat|sang|swore|tore|"
    "wore|woke|became|hid|fled|shot|felt|dealt|meant|heard|ate|drew|withdrew|arose|rode|rang|sank|"
    "stole|swam|swung|overtook|undertook|forgot|forgave|slept|swept|lent|bent|led|fed|did|had|was|were"
)
#: Tense cues: word -> "fut", "pres", "past", or the rule ``_tense_cues`` applies to
#: the words after it ("to": plans *to*; "be": is due to / is scheduled; "modal";
#: "perfect": has + participle; "due": due to meet, not due to the rain).
TENSE_WORDS: dict[str, str] = {
    **dict.fromkeys(("will", "shall", "won't", "won’t", "gonna", "scheduled", "slated", "upcoming", "forthcoming",
                     "coming", "next", "would", "tomorrow", "planning"), "fut"),
    **dict.fromkeys(("plan", "plans", "planned", "expect", "expects", "expected", "intend", "intends", "intended",
                     "aim", "aims", "aimed", "hope", "hopes", "hoped", "set", "going", "supposed"), "to"),
    **dict.fromkeys(("is", "are", "am", "was", "were"), "be"),
    **dict.fromkeys(("can", "could", "may", "might", "must", "should"), "modal"),
    **dict.fromkeys(("has", "have", "had"), "perfect"),
    "due": "due",
    **dict.fromkeys(("it's", "it’s", "that's", "that’s", "there's", "there’s", "here's", "here’s", "what's", "what’s",
                     "remain", "remains", "stands", "says"), "pres"),
    **dict.fromkeys(("said", "told", "ago", "last", "earlier", "yesterday", "previously"), "past"),
    **dict.fromkeys(IRREGULAR_PAST.split("|"), "past"),
}
IRREGULAR_PAST_WORDS = frozenset(IRREGULAR_PAST.split("|")) - {"was", "were", "had", "did"}
#: Reporting verbs: a weak tense cue unless right next to the expression.
REPORTING = frozenset({"said", "says", "told", "added", "stated", "wrote", "announced", "reported", "noted"})

TIMEZONES = (
    "GMT UTC BST CET CEST EET EEST MSK IST JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT "
    "EST EDT CST CDT MST MDT PST PDT AKST HST ET CT MT PT Z"
).split()

# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------




_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_NAMES = _trie(MONTHS)
_WEEKDAY_NAMES = _trie(WEEKDAYS)
_UNIT_NAMES = _trie(UNIT_WORDS)
_ORDINAL_WORDS = _trie(ORDINALS)
_R_ORDINAL_WORDS = _trie(ORDINALS, reverse=True)
_TENS_NAMES = _trie(TENS)
_TEEN_NAMES = _trie([w for w, v in UNITS.items() if v >= 10])
_DIGIT_NAMES = _trie([w for w, v in UNITS.items() if 1 <= v <= 9])
_NUMBER_WORD = _trie([*UNITS, *TENS, *SCALES])
_R_NUMBER_WORD = _trie([*UNITS, *TENS, *SCALES], reverse=True)
# A number written in words: "twenty-four", "two hundred and fifty", "a hundred".
_R_NUMBER_WORDS = rf"{_R_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_R_NUMBER_WORD})*"
# A year in words: "nineteen ninety-six", "nineteen oh five", "two thousand and eight".
_YEAR_WORDS = (
    rf"(?:(?:nineteen|eighteen)[\s-]+(?:(?:{_TENS_NAMES})(?:[\s-]+(?:{_DIGIT_NAMES}))?|{_TEEN_NAMES}|o(?:h)?[\s-]+(?:{_DIGIT_NAMES}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEEN_NAMES}|{_DIGIT_NAMES}|(?:{_TENS_NAMES})(?:[\s-]+(?:{_DIGIT_NAMES}))?))?)"
)

# Head words: every expression contains one.  They are found in a lower-cased
# copy of the text with one pattern (a prefix trie); case is then checked on
# the original words ("May" and "March" must be capitalised to be months,
# "This Week" mid-sentence is a show).  A single lower-case pattern is several
# times faster than one that spells out the case variants.
#
# Speed: the patterns below define what is read; where a pattern is run often,
# a faster equivalent runs instead and the pattern itself only where the two
# could differ.  Scans over many characters use the standard ``re`` engine
# (often over an ASCII sketch of the text, with ASCII word boundaries), and
# fall back to the ``regex`` pattern next to a non-ASCII letter; a context
# pattern is skipped when a plain string test shows it cannot match; groups are
# read by number (``_Groups``).  Tense cues are read outward from the
# expression, only as far as the nearest cue can be (``_SentenceCues``).
# tests/test_times.py checks each fast path against its pattern.
_HEAD_WORDS = sorted(
    set(MONTHS) | set(WEEKDAYS) | {w + "s" for w in WEEKDAYS} | set(WEEKDAY_ABBREVIATIONS) | set(UNIT_WORDS)
    | set(SEASONS) | {w + "s" for w in SEASONS} | set(DECADE_WORDS)
    | {"today", "tonight", "tomorrow", "yesterday", "now", "nowadays", "currently", "current", "recently", "future",
       "past", "daily", "weekly", "monthly", "annual", "annually", "yearly", "hourly", "noon", "midnight", "midday",
       "nineteen", "eighteen", "while", "q1", "q2", "q3", "q4"}
    | {h for h in HOLIDAYS if " " not in h}
)
#: Every head word, in the lower-cased text.
RE_HEAD = regex.compile(rf"\b{_trie(_HEAD_WORDS)}\b")
#: The same for a fast first pass (see ``_spans``) over the text's ASCII sketch
#: (see ``_heads``), where every character but a-z, 0-9 and _ is a space: a head
#: word is a space and the word, so the standard engine jumps from one space
#: to the next instead of trying every position.
_FAST_HEAD = re.compile(rb" (" + _trie(_HEAD_WORDS).encode() + rb")(?![a-z0-9_])")
_WORD_SKETCH = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789_" else 32 for c in range(256))
#: Digit runs that can start a date, a year, a clock time or a decade.
RE_HEAD_DIGITS = regex.compile(
    r"""(?<![\w$£€,/:]|[\d.]\.)(?:
      \d{4}(?![\d%]|[,.]\d)                                            # a year, an ISO date, 0800 GMT, 1990s
     |\d{1,2}(?=(?:st|nd|rd|th|s|am|pm)\b|:\d\d|\.\d\d[ \t\u00a0]*[ap]\.?m\b|[./-]\d{1,2}[./-]\d{4}(?!\d)
               |[ \t\u00a0]*[ap]\.?m\b|[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?:[JFMASOND][a-z]{2}|[JFMASOND][A-Z]{2})))  # 1st, 70s, 7:15, 01.03.2022, 9 a.m., 1 March
    """,
    regex.X,
)

# ---- left contexts: reverse patterns ending exactly at the head () -------

# What can stand before a calendar unit, read right to left from the unit:
# adjectives ("trading days"), a count or ordinal ("three", "a couple of",
# "2 1/2", "20th"), a modifier ("past", "next"), a year ("the 1988 second
# quarter"), a determiner, a qualifier ("nearly", "more than") and an edge
# ("the end of", "later").
RE_UNIT_LEFT = regex.compile(
    rf"""(?r)(?i:
    (?:\b(?P<edge>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of(?:\s+the)?|later|earlier|early|late|mid)[\s-]+)?
    (?:\b(?P<qual>nearly|almost|about|around|roughly|approximately|over|under|more\s+than|less\s+than|fewer\s+than
        |up\s+to|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|just|only|barely
        |well\s+over|some|another|a\s+further|an\s+additional|the\s+better\s+part\s+of)\s+)?
    (?:\b(?P<det>the|this|that|these|those|each|every|its|their|his|her|our|all\s+the|each\s+of\s+the|per)\s+)?
    (?:\b(?P<yr>1[89]\d\d|20\d\d)\s+)?
    (?:\b(?P<mod>past|last|next|coming|following|previous|prior|preceding|first|final|latest|recent|current|same
        |upcoming|ensuing|subsequent|initial|remaining|whole|entire|early|late|fiscal|financial|calendar|year-ago
        |year-earlier|this|that)\s+)?
    (?:\b(?P<count>a\s+(?:hundred|thousand|dozen|couple\s+of|few|handful\s+of|number\s+of|single)|half\s+an?|single|\d+(?:[.,]\d+)?(?:\s+\d/\d|\s*[½¼¾])?
        |{_R_NUMBER_WORDS}|several|few|some|many|countless|numerous|an?)
       (?:\s+(?P<more>more|additional|further|extra))?[\s-]+
     |\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_R_ORDINAL_WORDS})[\s-]+)?
    (?:\b(?P<adj>trading|working|business|calendar|school|full|straight|consecutive|successive|long|whole|more
        |additional|extra|further|fiscal|financial)\s+)?
    )""",
    regex.X,
)
# "two to six days": the first number of a range, left of the count.
_EMPTY_LEFT = [""] * 8
RE_RANGE_LEFT = regex.compile(rf"(?r)(?i:\b(?P<first>\d+(?:\.\d+)?|{_R_NUMBER_WORDS})\s*(?:to|and|or|-|–)\s*)")
_RANGE_LINKS = ("to", "and", "or", "-", "–")  # what RE_RANGE_LEFT reads right before the count (and blanks)
#: The first characters of the words RE_UNIT_RIGHT reads after blanks (and, or, ago ... of, being, 1999, nineteen ...).
_UNIT_RIGHT_FIRST = frozenset("aoelhfpribnt12")
# The word right before a position, and its start: "in", "the", "Theresa".
RE_PREV_WORD = regex.compile(r"(?r)(?P<w>[\p{L}\d][\p{L}\d'’.]*-?)[ \t\u00a0]*")
# Modifiers before a weekday: "last Monday", "this coming Sunday", "Earlier Sunday".
RE_WEEKDAY_LEFT = regex.compile(
    r"(?r)(?i:\b(?P<mod>last|next|this(?:\s+(?:coming|past))?|coming|each|every|early|earlier|late|later|until)\s+)?"
)
# Modifiers before a month: "early March", "mid-March", "the end of November", "last May".
RE_MONTH_LEFT = regex.compile(
    r"""(?r)(?i:
    \b(?P<edge>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close)\s+of|early|late|mid|the\s+first\s+half\s+of)[\s-]+
    |\b(?P<mod>last|next|this|this\s+past|this\s+coming|each|every)\s+
    )?""",
    regex.X,
)
# Modifiers before a season: "early spring", "this summer", "the winter".
RE_SEASON_LEFT = regex.compile(
    r"""(?r)(?i:
    (?:\b(?P<edge>early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of(?:\s+the)?)[\s-]+)?
    (?:\b(?P<mod>this\s+past|this\s+coming|this|last|next|each|every|coming|past|the|that)\s+)?
    )""",
    regex.X,
)
# Before a deictic: "earlier today", "late yesterday", "the day before yesterday".
RE_DEICTIC_LEFT = regex.compile(
    r"(?r)(?i:\b(?P<mod>earlier|later|early|late|the\s+day\s+before|the\s+day\s+after|more|most|until|only|as)\s+)?"
)
RE_FUTURE_LEFT = regex.compile(
    r"(?r)(?i:\b(?P<det>the|in)\s+(?:(?:near|distant|foreseeable|immediate|not\s+too\s+distant|very\s+near)\s+)?)"
)
RE_PAST_LEFT = regex.compile(r"(?r)(?i:\b(?P<det>the)\s+(?:(?:recent|distant|not\s+too\s+distant|very\s+recent)\s+)?)")
# "for a while", "in a little while", "after a long while" (the conjunction "while" has no article).
RE_A_WHILE = regex.compile(r"(?r)(?i:\b(?:for|in|after|quite|once|take|takes|took|wait|waited)\s+(?P<a>an?\s+(?:(?:little|long|short)\s+)?))")
# After a holiday word: "Day", "Eve", "Sunday"/"Monday" (Easter), a year.
RE_HOLIDAY_RIGHT = regex.compile(
    r"(?:[ \t\u00a0]+(?P<part>Day|Eve|Sunday|Monday))?(?:,?[ \t\u00a0]+(?P<year>(?:1[0-9]|20)\d\d)(?![\d%]|[.,]\d))?"
)
# Before a holiday: "last Christmas", "this Easter".
RE_HOLIDAY_LEFT = regex.compile(r"(?r)(?i:\b(?P<mod>last|next|this|this\s+past|this\s+coming)\s+)")
# Words before "Day" that name a holiday: "Boxing Day", "New Year's Day", "St Patrick's Day".
_HOLIDAY_DAY_NAMES = sorted(
    {variant for h in HOLIDAYS if h.endswith(" day")
     for variant in (h[:-4], " ".join(w[:1].upper() + w[1:] for w in h[:-4].split()))}
)
RE_HOLIDAY_DAY = regex.compile(rf"(?r)\b(?P<name>{_trie(_HOLIDAY_DAY_NAMES, reverse=True)})[ \t\u00a0]+")
RE_NEW_YEAR = regex.compile(r"(?r)\b(?P<kind>(?:Chinese|Lunar)[ \t\u00a0]+)?New[ \t\u00a0]+")
RE_NEW_YEAR_RIGHT = regex.compile(r"['’]s(?:[ \t\u00a0]+(?P<part>Day|Eve))?")
RE_TERM_LEFT = regex.compile(r"(?r)(?i:\bthe\s+(?:near|long|short|medium)[\s-]+)")
RE_DECADE_LEFT = regex.compile(r"(?r)(?i:\b(?P<the>the\s+)?(?:\b(?P<edge>early|late|mid|low|high|upper|lower)[\s-]+)?)")
RE_CLOCK_LEFT = regex.compile(
    r"(?r)(?i:\b(?:at|by|until|till|from|to|before|after|around|about|approximately|since|between|and|shortly|just|"
    r"some\s+time|sometime|circa|c\.)\s+)"
)
RE_YEAR_APOSTROPHE = regex.compile(r"(?r)['’‘]")

# ---- right contexts: forward patterns anchored at the end of the head ------

RE_UNIT_RIGHT = regex.compile(
    rf"""(?:-(?P<hyph>old|long|end|earlier|ago|on-year))?
    (?:\s+and\s+a\s+(?P<half>half))?
    (?:\s+or\s+(?P<or_unit>{_UNIT_NAMES})\b)?
    (?:\s+or\s+so\b)?
    (?:\s+(?P<dir>ago|earlier|later|hence|from\s+now|previous|prior|running|in\s+a\s+row|ahead|old\b))?
    (?:\s+(?P<being>being)\b)?
    (?:\s+of\s+(?P<ofyear>(?:1[89]|20)\d\d(?!\d)|(?:last|this|next)\s+year\b|{_YEAR_WORDS}))?
    (?:\s+(?P<yearval>(?:1[89]|20)\d\d(?![\d,.]\d)|{_YEAR_WORDS}))?
    """,
    regex.X,
)
RE_PART_DAY_RIGHT = regex.compile(rf"[ \t\u00a0]+(?:(?P<deictic>today|yesterday|tomorrow)|(?P<wd>{_WEEKDAY_NAMES}))\b", regex.I)
RE_OF_MONTH = regex.compile(
    rf"[ \t\u00a0]+of[ \t\u00a0]+(?P<mon>{_MONTH_NAMES})\b\.?(?:,?[ \t\u00a0]+(?P<year>(?:1[0-9]|20)\d\d)(?!\d))?", regex.I
)
RE_AFTER_OLD = regex.compile(r"\s+(?P<w>[a-z][\w'’]*)")
RE_QUARTER_OF = regex.compile(r"\s+of\b(?!\s+(?:(?:1[89]|20)\d\d|last|this|next|the\s+(?:year|fiscal)))")
# After a month name: a day ("March 1, 2022", "Dec. 15", "March eighth"), a year
# ("January 1997", "October of 2010"), "June last year".
RE_MONTH_RIGHT = regex.compile(
    rf"""(?P<dot>\.)?
    (?:
      [ \t\u00a0]+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%]|[.,]\d|\s*(?:-|–|to)\s*\d)
        (?:,?[ \t\u00a0]+(?P<year>(?:1[0-9]|20)\d\d)(?![\d%]|[.,]\d))?
     |[ \t\u00a0]+(?:the\s+)?(?P<dayw>(?:(?:twenty|thirty)[\s-])?(?:{_ORDINAL_WORDS}))\b
        (?:,?[ \t\u00a0]+(?P<year2>(?:1[0-9]|20)\d\d)(?![\d%]|[.,]\d))?
     |,?[ \t\u00a0]+(?:of\s+)?(?P<yonly>(?:1[0-9]|20)\d\d)(?![\d%]|[.,]\d)
     |[ \t\u00a0]+(?P<yrel>last|next|this)[ \t\u00a0]+year\b
     |[ \t\u00a0]+(?P<ywords>{_YEAR_WORDS})\b
    )?""",
    regex.X,
)
_EMPTY_RIGHT = [""] * 6
RE_OF_REL_YEAR = regex.compile(r"\s+of\s+(?P<rel>last|next|this)\s+year\b")
# After a weekday: ", March 1, 2022" / " 1 March 2022" / " morning".
RE_WEEKDAY_RIGHT = regex.compile(
    rf"""(?:,?[ \t\u00a0]+(?:(?P<mon>{_MONTH_NAMES})\.?[ \t\u00a0]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)
            |(?P<mon_w>{_MONTH_NAMES})\.?[ \t\u00a0]+(?:the\s+)?(?P<dayw>(?:(?:twenty|thirty)[\s-])?(?:{_ORDINAL_WORDS}))\b
            |(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?P<mon2>{_MONTH_NAMES})\b\.?)
        (?:,?[ \t\u00a0]+(?P<year>(?:1[0-9]|20)\d\d)(?!\d))?)?
    (?:[ \t\u00a0]+(?P<part>morning|afternoon|evening|night)\b)?""",
    regex.X | regex.I,
)
RE_DEICTIC_RIGHT = regex.compile(r"[ \t\u00a0]+(?P<part>morning|afternoon|evening|night)\b")
RE_SEASON_RIGHT = regex.compile(
    rf"(?:[ \t\u00a0]+of[ \t\u00a0]+(?P<year>(?:1[0-9]|20)\d\d|{_YEAR_WORDS})(?!\d)|,?[ \t\u00a0]+(?P<year2>(?:1[0-9]|20)\d\d)(?![\d%]|[.,]\d))?"
)
RE_NEXT_WORD = regex.compile(r"[ \t\u00a0]+(?P<w>[\p{L}][\p{L}'’-]*)")
#: The same for an ASCII word ended by an ASCII character that cannot continue it (the common case).
_FAST_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z]+)(?![A-Za-z'\-]|[^\x00-\x7f])")
_BLANKS = frozenset(" \t\u00a0")  # what [ \t\u00a0] matches
#: The first letters (any case) of what RE_WEEKDAY_RIGHT reads after the blanks: months, day numbers, parts of the day.
_DATE_OR_PART_FIRST = frozenset("jfmasonde0123456789") | _BLANKS
#: The last word of each modifier RE_WEEKDAY_LEFT reads.
_WEEKDAY_MOD_ENDS = ("last", "next", "this", "coming", "past", "each", "every", "early", "earlier", "late", "later", "until")
# Digits followed by a calendar unit are a count: the unit's handler reads them.
RE_DIGITS_BEFORE_UNIT = regex.compile(
    rf"""(?:[.,]\d+)?(?:\s+\d/\d|\s*[½¼¾])?(?:\s*(?:to|and|or|-|–)\s*\d+(?:[.,]\d+)?)?(?:st|nd|rd|th)?
    (?:\s+(?:more|additional|further|extra))?[\s-]+
    (?:(?:trading|working|business|calendar|school|full|straight|consecutive|successive|long)\s+)?
    (?i:{_UNIT_NAMES})\b""",
    regex.X,
)
# Numeric dates: 2022-03-01, 01.03.2022, 1/3/2022, 2022/03/01.
RE_ISO_DATE = regex.compile(
    r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<h>\d\d):(?P<min>\d\d)(?::\d\d(?:\.\d+)?)?(?P<z>Z|[+-]\d\d:?\d\d)?)?(?![\d-])"
)
RE_NUMERIC_DATE = regex.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d])(?!\.\d)")
RE_YMD_SLASH = regex.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])")
# Clock times: "7:15 p.m.", "9am", "9.30pm", "16:08 UTC", "0800 GMT".
RE_CLOCK = regex.compile(
    rf"""(?P<h>\d{{1,2}})
    (?:(?::(?P<m>[0-5]\d)(?::[0-5]\d)?)(?!\d)(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?
      |(?:\.(?P<m2>[0-5]\d))?\s*(?P<ampm2>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b))
    (?:\s*(?P<tz>{_trie(TIMEZONES)}\b|local\s+time\b|\(\d{{4}}\s*(?:GMT|UTC)\)))?""",
    regex.X,
)
RE_MILITARY = regex.compile(rf"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<tz>(?:{_trie(TIMEZONES)}|hrs|hours|h)\b)")
# What can follow a clock time and belong to it: "10 p.m. Wednesday", "12:00 UTC Monday", "5 p.m. EST Nov. 9".
RE_CLOCK_DAY = regex.compile(
    rf"""[ \t\u00a0]+(?:(?P<wd>{_WEEKDAY_NAMES})\b|(?P<deictic>today|yesterday|tomorrow)\b
      |(?P<mon>{_MONTH_NAMES})\.?[ \t\u00a0]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?[ \t\u00a0]+(?P<year>(?:1[0-9]|20)\d\d)(?!\d))?)""",
    regex.X | regex.I,
)
# "1 March 2022", "1st of March", "25 Dec."
RE_DAY_MONTH = regex.compile(
    rf"""(?P<day>[0-3]?\d)(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?P<mon>{_trie([m[:1].upper() + m[1:] for m in MONTHS] + [m.upper() for m in _MONTH_FULL])})\b(?P<dot>\.)?
    (?:,?[ \t\u00a0]+(?P<year>(?:1[0-9]|20)\d\d)(?![\d%]|[.,]\d))?""",
    regex.X,
)
RE_DECADE = regex.compile(r"(?P<y>(?:1[0-9]|20)\d0|\d0)['’]?s\b")
# Quarter abbreviation after/before a year: "Q3 2022", "2022 Q3".
RE_Q_YEAR = regex.compile(r"[ \t\u00a0]+(?P<y>(?:1[89]|20)\d\d)(?!\d)")
RE_YEAR_Q = regex.compile(r"(?r)\b(?P<y>(?:1[89]|20)\d\d)[ \t\u00a0]+")
RE_TIME_BEING = regex.compile(r"(?r)(?i:\bthe\s+)")
# A weekday right before a date: "Tuesday, March 1", "Tue 1 Mar".
RE_WEEKDAY_BEFORE_DATE = regex.compile(
    rf"(?r)(?i:\b(?P<wd>{_trie([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], reverse=True)})\.?,?[ \t\u00a0]+)"
)
RE_AT_THE = regex.compile(r"(?r)(?i:\bat\s+(?P<det>the|that)\s+)")
RE_FOR_SOME = regex.compile(r"(?r)(?i:\bfor\s+(?P<count>some|a\s+long|a\s+short|quite\s+some)\s+)")
RE_DECIMAL_COMMA = regex.compile(r"\d+,\d{1,2}")
RE_ORDINAL_DIGITS = regex.compile(r"(\d+)(?:st|nd|rd|th)")
RE_WORD_SPLIT = regex.compile(r"[\s-]+")
# Before "a year" in a rate: "15 a year", "$1.76 a year", "twice a week", "CDs a year".
RE_RATE_BEFORE = regex.compile(r"(?:\d[\d,.]*\s*(?:%|[\p{L}$£€]+)?|\b(?:once|twice|times|per\s+cent|percent)|\b[a-z]+s)\s*$")
RE_SPACE_DIGIT = regex.compile(r"[ \t]+\d")
RE_YEAR_RANGE_TAIL = regex.compile(r"-(?:\d\d|\d{4})\b")
RE_SENTENCE_START = regex.compile(r"(?r)(?:^|[.!?:;\"“”‘(\[—–-]|\n)[ \t\u00a0\"“‘'(]*")
RE_YEAR_WORD_HEAD = regex.compile(rf"(?i:{_YEAR_WORDS})\b")

# ---- sentences and tense --------------------------------------------------

# A sentence ends after . ! ? (and closing quotes/brackets) before a capital,
# or at a line break.  Abbreviations and initials do not end a sentence.
# A blank line always ends one; a single line break only when the line does
# not stop mid-sentence (hard-wrapped wire copy breaks lines anywhere).
_SENTENCE_END = r"""(?:[.!?](?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Sen|Rep|Gov|Pres|Prof|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug
        |Sept|Sep|Oct|Nov|Dec|No|Co|Corp|Inc|Ltd|Jr|Sr|vs|Mt|Ft|Rev|U\.S|U\.N|U\.K|E\.U|a\.m|p\.m|\p{Lu})\.)
        [.!?]*[\"'”’)\]]*[ \t\u00a0]+(?=[\"“‘'(\[]?[\p{Lu}\d])
    |(?<![\p{Ll},;\-–—])\n|\n(?=[ \t\u00a0]*\n))"""
RE_SENTENCE_END = regex.compile(_SENTENCE_END, regex.X)
#: Verbs (and the particles of phrasal ones) that put an event off to a later date: "delayed to June 22".
DEFERRAL_WORDS = frozenset("""
    delayed delay delays postponed postpone postpones deferred defer defers extended extend extends adjourned adjourn
    adjourns rescheduled reschedule reschedules off
""".split())
#: What joins two dates that share a year: "February and October of 1986", "May 1 to June 30, 2021".
RE_DATE_COORD = re.compile(r"\s+(?:and|or|to|through|until|till)\s+|\s*[-–]\s*")
RE_DATE_COORD_AND = re.compile(r"\s+(?:and|or)\s+")
#: A year the expression states itself: "1986", "next year".
RE_YEAR_STATED = re.compile(r"\b\d{4}\b|\b(?:next|last|this|the\s+same)\s+year\b", re.IGNORECASE)
#: The same, searched right to left: the nearest sentence end before a position.
RE_SENTENCE_END_BACK = regex.compile(_SENTENCE_END, regex.X | regex.REVERSE)
_SENTENCE_REACH = 400  # no sentence boundary within this many characters: cut there
_STOPS_TRIED = 8  # after this many stops that end no sentence, the backward search runs on its own
# Tense cues in a sentence: one word from the cue lexicon (TENSE_WORDS), or an
# -ed verb form, or "'ll".  Multiword cues ("is due to meet", "has been
# killed", "can be exercised") are read from the words after the first.
RE_TENSE = regex.compile(rf"\b{_trie(TENSE_WORDS)}\b|['’]ll\b")  # in the lower-cased text
_FAST_TENSE = re.compile(rf"(?<![A-Za-z0-9_]){_trie(TENSE_WORDS)}(?![A-Za-z0-9_])|['’]ll(?![A-Za-z0-9_])")
# RE_TENSE and RE_ED in one pass, with ASCII word boundaries (see ``_cues``): a cue
# word, or (group 1) a word of two or more letters and "ed", or 'll.
_FAST_CUE = re.compile(
    rf"(?<![A-Za-z0-9_])(?:{_trie(TENSE_WORDS)}(?![A-Za-z0-9_])|([a-z]{{4,}}+(?<=ed))(?![A-Za-z0-9_]))"
    r"|['’]ll(?![A-Za-z0-9_])"
)
# An -ed verb form: found from its ending, which the engine finds with a fast string search.
RE_ED = regex.compile(r"(?<=\b[a-z]{2,})ed\b")
RE_WORD_BEFORE = regex.compile(r"(?r)[a-z]+")
RE_PASSIVE_AUX = regex.compile(r"(?r)\b(?:be|been|being|is|are|am|was|were|get|got|gets)\s+(?:not\s+|also\s+|now\s+|still\s+|just\s+)?")
#: The words RE_PASSIVE_AUX can end with (before the blanks).
_AUXILIARY_WORDS = frozenset("be been being is are am was were get got gets not also now still just".split())
# After is/are/was/were: "... to meet", "... due to begin", "... scheduled to take place".
RE_BE_TO = regex.compile(
    r"\s+(?:(?:due|set|scheduled|expected|slated|supposed|going|about|planned|planning)\s+)?to\s+"
    r"(?:be|begin|start|meet|take|hold|resume|visit|open|close|vote|travel|sign|announce|launch|leave|arrive|"
    r"return|appear|speak|hear|decide|face|go|make|end|continue|expire|run|hold|give|receive|release|report)\b"
)
# After can/could/may/might/must/should: "could have reached" is past.
RE_MODAL_PERFECT = regex.compile(r"\s+(?:not\s+)?have\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t)\b")
# After is/are/am: a present passive "is located".
RE_BE_PARTICIPLE = regex.compile(r"\s+(?:not\s+|now\s+|also\s+|still\s+)?[a-z]+ed\b")
# After has/have/had: a participle makes it a (present) perfect, read as past.
RE_PERFECT = regex.compile(
    rf"\s+(?:not\s+|also\s+|already\s+|now\s+|just\s+|since\s+|recently\s+|long\s+)?(?:been|[a-z]+ed|[a-z]+en|{IRREGULAR_PAST}|set|put|hit|come|become|begun|run|shut|cut|spent)\b"
)
# After plan/expect/intend/aim/hope/set/going/supposed: "to".
RE_TO = regex.compile(r"\s+to\b")
# "due to the rain" is a cause; "due to meet" and "due Monday" are future.
RE_DUE_CAUSE = regex.compile(r"\s+to\s+(?!be\b|begin\b|start\b|meet\b|take\b|hold\b|resume\b|open\b|close\b|vote\b|expire\b|end\b|return\b|arrive\b|leave\b|go\b|report\b|visit\b)")

# ---- find_dateline ---------------------------------------------------------

# "Published: 2022-03-01", "Date: 1 March 2022", "Updated: Tue 1 Mar 2022 10:14 GMT".
RE_META_DATE = regex.compile(
    r"^[ \t]*(?P<key>published(?:\s+on)?|publication\s+date|date(?:line)?|posted(?:\s+on)?|first\s+published(?:\s+on)?|updated(?:\s+on)?|last\s+updated)"
    r"(?:[ \t]*[:|\-–—][ \t]*|[ \t]+)(?P<value>[^\n]{4,80})$",
    regex.I | regex.M,
)
# "KYIV, March 1 (Reuters) -", "WASHINGTON, March 1, 2022 (AP) —"
RE_WIRE_DATELINE = regex.compile(
    rf"""^[ \t]*[\p{{Lu}}][\p{{Lu}}\p{{M}} .'’\-]{{1,40}}(?:,[ \t]*[\p{{L}} .]{{1,30}})?,[ \t]*
    (?:(?:{_WEEKDAY_NAMES})[ \t,]+)?(?P<date>(?:{_MONTH_NAMES})\.?[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?|\d{{1,2}}[ \t]+(?:{_MONTH_NAMES})\.?(?:[ \t]+\d{{4}})?)
    [ \t]*(?:\([^()\n]{{1,40}}\)|/[\p{{L}}\s]{{1,20}}/)?[ \t]*[-—–]""",
    regex.I | regex.M | regex.X,
)
#: A line of at most 100 characters between its blanks.
RE_DATE_ONLY_LINE = regex.compile(r"^[ \t]*(?P<value>[^\n]{6,100}?)[ \t]*$", regex.M)
RE_BYLINE = regex.compile(r"(?i:by)\s+\p{Lu}")


class _Groups:
    """The group numbers of a pattern, by group name: ``m.group(G_MONTH_RIGHT.day)``.

    The ``regex`` module reads a group several times faster by number than by
    name, and the extractor reads a few hundred thousand groups per megabyte.
    """

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.__dict__.update(pattern.groupindex)

    def __getattr__(self, name: str) -> int:  # only for names the pattern does not have
        raise AttributeError(name)


G_AFTER_OLD = _Groups(RE_AFTER_OLD)
G_AT_THE = _Groups(RE_AT_THE)
G_A_WHILE = _Groups(RE_A_WHILE)
G_CLOCK = _Groups(RE_CLOCK)
G_CLOCK_DAY = _Groups(RE_CLOCK_DAY)
G_DAY_MONTH = _Groups(RE_DAY_MONTH)
G_DECADE = _Groups(RE_DECADE)
G_DECADE_LEFT = _Groups(RE_DECADE_LEFT)
G_DEICTIC_LEFT = _Groups(RE_DEICTIC_LEFT)
G_DEICTIC_RIGHT = _Groups(RE_DEICTIC_RIGHT)
G_FOR_SOME = _Groups(RE_FOR_SOME)
G_FUTURE_LEFT = _Groups(RE_FUTURE_LEFT)
G_HOLIDAY_DAY = _Groups(RE_HOLIDAY_DAY)
G_HOLIDAY_LEFT = _Groups(RE_HOLIDAY_LEFT)
G_HOLIDAY_RIGHT = _Groups(RE_HOLIDAY_RIGHT)
G_ISO_DATE = _Groups(RE_ISO_DATE)
G_MONTH_LEFT = _Groups(RE_MONTH_LEFT)
G_MONTH_RIGHT = _Groups(RE_MONTH_RIGHT)
G_NEW_YEAR = _Groups(RE_NEW_YEAR)
G_NEW_YEAR_RIGHT = _Groups(RE_NEW_YEAR_RIGHT)
G_NUMERIC_DATE = _Groups(RE_NUMERIC_DATE)
G_OF_MONTH = _Groups(RE_OF_MONTH)
G_OF_REL_YEAR = _Groups(RE_OF_REL_YEAR)
G_PART_DAY_RIGHT = _Groups(RE_PART_DAY_RIGHT)
G_PREV_WORD = _Groups(RE_PREV_WORD)
G_RANGE_LEFT = _Groups(RE_RANGE_LEFT)
G_SEASON_LEFT = _Groups(RE_SEASON_LEFT)
G_SEASON_RIGHT = _Groups(RE_SEASON_RIGHT)
G_UNIT_LEFT = _Groups(RE_UNIT_LEFT)
G_UNIT_RIGHT = _Groups(RE_UNIT_RIGHT)
G_WEEKDAY_BEFORE_DATE = _Groups(RE_WEEKDAY_BEFORE_DATE)
G_WEEKDAY_LEFT = _Groups(RE_WEEKDAY_LEFT)
G_WEEKDAY_RIGHT = _Groups(RE_WEEKDAY_RIGHT)
G_YMD_SLASH = _Groups(RE_YMD_SLASH)
_UNIT_LEFT_FIELDS = tuple(RE_UNIT_LEFT.groupindex[n] for n in ("edge", "qual", "det", "mod", "count", "ord", "adj", "yr"))
_UNIT_LEFT_WORDS = tuple(RE_UNIT_LEFT.groupindex[n] for n in ("det", "yr", "mod", "count", "ord", "adj"))
_UNIT_RIGHT_FIELDS = tuple(RE_UNIT_RIGHT.groupindex[n] for n in ("hyph", "dir", "ofyear", "yearval", "half", "or_unit"))


# --------------------------------------------------------------------------
# Value helpers
# --------------------------------------------------------------------------


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month_value(index: int) -> str:
    """Month index (year * 12 + month - 1) -> "YYYY-MM"."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


@functools.lru_cache(maxsize=4096, typed=True)  # a pure function of a few hundred inputs
def _number(words: str) -> float | int | None:
    """A count as written: "three", "2 1/2", "a couple of", "twenty four"."""
    if words.isdigit():
        return int(words)
    low = " ".join(words.lower().replace("-", " ").split())
    if low in ("a", "an", "one", "a single", "single"):
        return 1
    if low in ("a couple of", "couple of"):
        return 2
    if low.startswith("half"):
        return 0.5
    if low in ("a dozen", "dozen"):
        return 12
    if low.startswith("a "):
        low = "one " + low[2:]
    for frac, val in (("½", 0.5), ("¼", 0.25), ("¾", 0.75), (" 1/2", 0.5), (" 1/4", 0.25), (" 3/4", 0.75)):
        if low.endswith(frac):
            base = _number(low[: -len(frac)])
            return base + val if isinstance(base, (int, float)) else None
    value = parse_number(low.replace(",", "") if RE_DECIMAL_COMMA.fullmatch(low) is None else low.replace(",", "."))
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


@functools.lru_cache(maxsize=4096, typed=True)  # a pure function of a few hundred inputs
def _ordinal(word: str) -> int | None:
    """ "third" -> 3, "20th" -> 20, "twenty-first" -> 21."""
    low = word.lower().replace(" ", "-")
    match = RE_ORDINAL_DIGITS.fullmatch(low)
    if match:
        return int(match.group(1))
    if low in ORDINALS:
        return ORDINALS[low]
    if "-" in low:
        tens, _, unit = low.partition("-")
        if tens in TENS and unit in ORDINALS:
            return TENS[tens] + ORDINALS[unit]
    return None


def _year_words(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and eight" -> 2008."""
    tokens = [t for t in RE_WORD_SPLIT.split(words.lower()) if t and t != "and"]
    if len(tokens) >= 2 and tokens[0] == "two" and tokens[1] == "thousand":
        rest = tokens[2:]
        extra = sum(UNITS.get(t, TENS.get(t, 0)) for t in rest)
        return 2000 + extra
    if len(tokens) < 2 or tokens[0] not in ("nineteen", "eighteen"):
        return None
    century = UNITS[tokens[0]] * 100
    rest = tokens[1:]
    if rest[0] in ("oh", "o"):
        rest = rest[1:]
    total = 0
    for token in rest:
        if token in TENS:
            total += TENS[token]
        elif token in UNITS:
            total += UNITS[token]
        else:
            return None
    return century + total if total < 100 else None


@functools.lru_cache(maxsize=4096, typed=True)  # a pure function of a few hundred inputs
def _duration(count: float | int | str, unit: str) -> str | None:
    """TIMEX3 duration: (3, "week") -> "P3W", (2, "hour") -> "PT2H", ("X", "year") -> "PXY"."""
    if unit not in DURATION_UNITS:
        return None
    if count == "X":
        return "P" + VAGUE_UNITS.get(unit, "XX")
    mult, letter, is_time = DURATION_UNITS[unit]
    if not isinstance(count, (int, float)):
        return None
    value = count * mult
    if letter in ("MO", "AF", "EV", "WE"):
        return None
    if isinstance(value, float):
        if value.is_integer():
            value = int(value)
        else:
            value = round(value, 2)
    return f"P{'T' if is_time else ''}{value}{letter}"


def _season_value(code: str, year: int) -> str:
    return f"{year:04d}-{code}"


def _nearest_date(options: list[dt.date], anchor: dt.date, tense: str | None) -> dt.date | None:
    """The option nearest ``anchor`` that agrees with ``tense``: one against it counts three times its distance."""
    if not options:
        return None

    def cost(d: dt.date) -> tuple[int, bool]:
        days = (d - anchor).days
        # a date against the tense is possible ("extended to Nov. 20") but costs three times the distance
        against = (tense == "past" and days > 1) or (tense == "future" and days < 0)
        return (abs(days) * (TENSE_PENALTY_DAYS if against else 1), days > 0)

    return min(options, key=cost)


def _holiday_date(rule: tuple[str, int, int, int], year: int) -> dt.date | None:
    """The date of a holiday (a ``HOLIDAYS`` rule) in ``year``."""
    kind, a, b, c = rule
    if not 1 <= year <= 9998:
        return None
    if kind == "fixed":
        return _date(year, a, b)
    if kind == "easter":
        return easter(year) + dt.timedelta(days=a)
    if kind == "thanksgiving":  # the fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21 + a)
    # ("nth", month, weekday, n): the n-th (or, n = -1, the last) weekday of the month
    if c > 0:
        first = dt.date(year, a, 1)
        return first + dt.timedelta(days=(b - first.weekday()) % 7 + 7 * (c - 1))
    last = dt.date(year + (a == 12), a % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - b) % 7)


# --------------------------------------------------------------------------
# Tense
# --------------------------------------------------------------------------


def tense_of(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> str | None:
    """Tense of the clause around ``text[start:end]``: "past", "future", "present" or None.

    The nearest tense cue in the sentence wins: a future marker (will, 'll,
    shall, going to, scheduled, plans to, expected to, due to, next, upcoming,
    forthcoming ...), a present form (is, are, remains, a modal + verb) or a
    past form (-ed verbs, said, was/were/had, irregular past forms, has +
    participle, ago).  A participle after be/been ("will be held") takes the
    tense of its auxiliary.  Cues after the expression count half as much, less
    across a comma or "that", and a reporting verb after it ("..., he said")
    hardly at all.  The sentence is found with a simple boundary scan unless
    ``sentence`` gives its bounds.
    """
    lo, hi = sentence if sentence else _sentence_around(text, start, end)
    return _nearest_tense(list(_tense_cues(_lower(text), lo, hi, text)), start, end, text)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Simple boundary scan: the sentence holding ``[start, end)``.

    The sentence starts at the end of the last boundary (``RE_SENTENCE_END``)
    in ``text[start - 400:start]`` and ends at the start of the first one in
    ``text[end:end + 400]``.
    """
    lo = max(0, start - _SENTENCE_REACH)
    hi = min(len(text), end + _SENTENCE_REACH)
    return _sentence_start(text, lo, start), _sentence_end(text, end, hi)


def _sentence_end(text: str, end: int, hi: int) -> int:
    """The start of the first sentence boundary in ``text[end:hi]``, or ``hi``.

    A boundary starts at . ! ? or a line break: the boundary pattern is tried
    at those characters, left to right.
    """
    pos = end
    for _ in range(_STOPS_TRIED):
        stop = text.find(".", pos, hi)
        if stop < 0:
            stop = hi
        for char in "\n!?":
            other = text.find(char, pos, stop)
            if other >= 0:
                stop = other
        if stop >= hi:
            return hi
        if RE_SENTENCE_END.match(text, stop, hi):
            return stop
        pos = stop + 1
    after = RE_SENTENCE_END.search(text, pos, hi)
    return after.start() if after else hi


def _sentence_start(text: str, lo: int, start: int) -> int:
    """The end of the last sentence boundary in ``text[lo:start]``, or ``lo``.

    Every boundary starts at . ! ? or a line break, and one that starts later
    ends later, so the boundary pattern is tried at those characters from the
    right (``str.rfind`` finds them much faster than a backward regex search).
    """
    pos = start
    for _ in range(_STOPS_TRIED):
        stop = text.rfind(".", lo, pos)
        for char in "\n!?":
            other = text.rfind(char, max(lo, stop + 1), pos)
            if other >= 0:
                stop = other
        if stop < 0:
            return lo
        pos = stop
        m = RE_SENTENCE_END.match(text, pos, start)
        if m:
            return m.end()
    back = RE_SENTENCE_END_BACK.search(text, lo, start)
    return back.end() if back else lo


#: A tense cue: (start, end, "fut" | "pres" | "past", is a reporting verb).
_Cue = tuple[int, int, str, bool]


def _tense_cues(text: str, lo: int, hi: int, original: str) -> Iterator[_Cue]:
    """(start, end, "fut" | "pres" | "past", is a reporting verb) for each tense cue in text[lo:hi].

    ``text`` is the lower-cased ``original``.  The -ed forms come first, then
    the cue words, each in order.
    """
    ed, words = _cues(text, lo, hi, original, lo, hi)
    yield from ed
    yield from words


def _cues(text: str, lo: int, hi: int, original: str, a: int, b: int) -> tuple[list[_Cue], list[_Cue]]:
    """The tense cues of the sentence ``text[lo:hi]`` that lie in ``text[a:b]``: -ed forms, cue words.

    ``text[a:b]`` starts at or after a space (or at ``lo``) and ends at one
    (or at ``hi``): no cue crosses a space, so these are exactly the
    sentence's cues in that stretch.  One pass of ``_FAST_CUE`` finds both
    kinds; where its ASCII word boundaries may not be ``\\b``'s (a non-ASCII
    letter next to a match, or a stretch that starts inside a word),
    ``_ed_cues`` and ``_word_cues`` read the stretch instead.
    """
    ed: list[_Cue] = []
    words: list[_Cue] = []
    if a == 0 or text[a - 1] == " " or text[a:a + 1] == " " or not RE_WORD_CHAR.match(text, a - 1):
        for m in _FAST_CUE.finditer(text, a, b):
            start, end = m.span()
            if (start and text[start - 1] >= "\x80" and RE_WORD_CHAR.match(text, start - 1)) or (
                    end < b and text[end] >= "\x80" and RE_WORD_CHAR.match(text, end)):
                break
            if m.lastindex:  # an -ed form: its word as RE_WORD_BEFORE reads it (at most 30 letters)
                cue = _ed_cue(text, lo, max(start, end - 32), end)
                if cue is not None:
                    ed.append(cue)
            else:
                cue = _word_cue(text, lo, hi, original, start, end)
                if cue is not None:
                    words.append(cue)
        else:
            return ed, words
    return list(_ed_cues(text, lo, hi, a, b)), list(_word_cues(text, lo, hi, original, a, b))


def _ed_cues(text: str, lo: int, hi: int, a: int, b: int) -> Iterator[_Cue]:
    """The -ed verb forms among the tense cues of the sentence ``text[lo:hi]``, in ``text[a:b]`` (see ``_cues``)."""
    for m in RE_ED.finditer(text, a, b):
        word = RE_WORD_BEFORE.match(text, max(lo, m.start() - 30), m.start())
        if word is not None:
            cue = _ed_cue(text, lo, word.start(), m.end())
            if cue is not None:
                yield cue


def _ed_cue(text: str, lo: int, start: int, end: int) -> _Cue | None:
    """The -ed form ``text[start:end]`` as a tense cue, or None when it is none."""
    word = text[start:end]
    if word in NOT_PAST_ED_WORDS or word in TENSE_WORDS:
        return None
    if _after_auxiliary(text, lo, start):
        return None  # "will be named", "was killed": the auxiliary carries the tense
    return start, end, "past", word in REPORTING


def _after_auxiliary(text: str, lo: int, start: int) -> bool:
    """Whether ``RE_PASSIVE_AUX`` ends at ``start``: "was killed", "is not expected"."""
    if text[start - 1:start] == " ":  # the common case, a plain word and a space, is read with str methods
        space = text.rfind(" ", max(lo, start - 21), start - 1)
        word = text[space + 1:start - 1]
        if space >= 0 and word.isalpha() and word.isascii() and word not in _AUXILIARY_WORDS:
            return False
    return RE_PASSIVE_AUX.match(text, max(lo, start - 20), start) is not None


def _word_cues(text: str, lo: int, hi: int, original: str, a: int, b: int) -> Iterator[_Cue]:
    """The cue words (``TENSE_WORDS``, 'll) among the tense cues of ``text[lo:hi]``, in ``text[a:b]``."""
    for start, end in _spans(_FAST_TENSE, RE_TENSE, text, a, b):
        cue = _word_cue(text, lo, hi, original, start, end)
        if cue is not None:
            yield cue


def _word_cue(text: str, lo: int, hi: int, original: str, start: int, end: int) -> _Cue | None:
    """The cue word ``text[start:end]`` read in its sentence ``text[lo:hi]``, or None when it is no cue here."""
    low = text[start:end]
    if low in ("'ll", "’ll"):
        return start, end, "fut", False
    rule = TENSE_WORDS[low]
    if low in ("may", "will") and original[start].isupper() and start > lo:
        return None  # "in May", "Will Smith": a month or a name mid-sentence
    if rule == "past" and low in IRREGULAR_PAST_WORDS and _after_auxiliary(text, lo, start):
        return None  # "will be held": the auxiliary carries the tense
    if rule in ("fut", "pres", "past"):
        kind = rule
    elif rule == "to":
        if not RE_TO.match(text, end, hi):
            if low not in ("planned", "expected", "hoped", "aimed", "intended"):
                return None
            kind = "past"
        else:
            kind = "fut"
    elif rule == "be":
        if RE_BE_TO.match(text, end, hi):
            kind = "fut"
        elif low in ("was", "were"):
            kind = "past"
        else:
            follow = RE_BE_PARTICIPLE.match(text, end, hi)
            if follow and follow.group().split()[-1] in ("scheduled", "expected", "slated", "planned", "set"):
                kind = "fut"
            else:
                kind = "pres"
    elif rule == "modal":
        # "could reach", "can be exercised": present or future, read as present;
        # "could have reached": past
        kind = "past" if RE_MODAL_PERFECT.match(text, end, hi) else "pres"
    elif rule == "perfect":
        if low != "had" and not RE_PERFECT.match(text, end, hi):
            return None
        kind = "past"
    else:  # due
        if RE_DUE_CAUSE.match(text, end, hi):
            return None
        kind = "fut"
    return start, end, kind, low in REPORTING


def _nearest_tense(cues: list[tuple[int, int, str, bool]], start: int, end: int, text: str = "") -> str | None:
    best = _nearest_cue(cues, start, end, text)
    return None if best is None else _TENSE_NAMES[best[1]]


_TENSE_NAMES = {"fut": "future", "pres": "present", "past": "past"}


def _nearest_cue(cues: list[tuple[int, int, str, bool]], start: int, end: int, text: str) -> tuple[float, str] | None:
    """(distance, kind) of the cue nearest ``text[start:end]`` (the first of equals), or None."""
    best: tuple[float, str] | None = None
    for cs, ce, kind, reporting in cues:
        if cs < end and ce > start:
            continue  # the expression's own words ("last", "next", "ago")
        if ce <= start:
            dist = float(start - ce)
        else:
            dist = float(cs - end) * 2 + 10
            if best is not None and dist >= best[0]:
                continue  # what is added below only lengthens it
            between = text[end:cs]
            if "," in between or " that " in between:
                dist += 40  # "... by May, invited Sinn Fein", "on Wednesday that the town will": another clause
            if reporting:
                dist = dist * 3 + 40  # "the talks will resume on Monday, he said"
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best


# --------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------

_LEFT = 90  # how far left of a head the left-context patterns look
#: How far right of a head the "of ..." patterns may read.  Their ``match``
#: needs an end: without one the regex module scans the rest of the text for
#: the literal they require ("of") at every head, and a long run of dates
#: becomes quadratic (benchmarks/bench_adversarial.py).
_RIGHT = 200
_NEAR_LEFT = 48  # how far left of an expression ``tense`` first looks for a cue
_NEAR_RIGHT = 24  # and how far right
_FAR = float(1 << 30)


class _SentenceCues:
    """The tense cues of one sentence ``text[lo:hi]``, read outward from the expressions asked about.

    ``nearest`` gives what ``_nearest_cue`` gives over all the sentence's cues
    (-ed forms first, then cue words), but reads only the stretch
    ``text[a:b]`` that can hold the answer: a cue outside it ends before the
    space at ``a - 1`` or starts after the one at ``b``, which bounds its
    distance from below.  Each part of the sentence is read once.
    """

    __slots__ = ("lowered", "text", "lo", "hi", "a", "b", "ed", "words")

    def __init__(self, lowered: str, text: str, lo: int, hi: int) -> None:
        self.lowered, self.text, self.lo, self.hi = lowered, text, lo, hi
        self.a = self.b = -1  # nothing read yet
        self.ed: list[_Cue] = []
        self.words: list[_Cue] = []

    def nearest(self, start: int, end: int) -> tuple[float, str] | None:
        """(distance, kind) of the cue nearest ``[start, end)``, as ``_nearest_cue`` over the whole sentence."""
        self._cover(start - _NEAR_LEFT, end + _NEAR_RIGHT)
        while True:
            best = _nearest_cue(self.ed + self.words, start, end, self.text)
            left_out = start - self.a + 1 if self.a > self.lo else _FAR
            right_out = 2 * (self.b + 1 - end) + 10 if self.b < self.hi else _FAR
            if best is None:
                if left_out == _FAR and right_out == _FAR:
                    return None
                self._cover(start - 2 * (start - self.a) - 32, end + 2 * (self.b - end) + 32)
            elif best[0] < left_out and best[0] < right_out:
                return best
            else:  # read as far as a cue at that distance can be
                self._cover(start - math.ceil(best[0]), end + math.ceil((best[0] - 10) / 2))

    def _cover(self, want_a: int, want_b: int) -> None:
        """Read the cues of ``text[want_a:want_b]`` too, widened to spaces and kept inside the sentence."""
        lo, hi, lowered = self.lo, self.hi, self.lowered
        a = min(max(want_a, lo), hi)
        if a > lo:
            a = lowered.rfind(" ", lo, a) + 1 or lo  # right after the last space before want_a
        b = max(min(want_b, hi), a)
        if b < hi:
            b = lowered.find(" ", b, hi)
            if b < 0:
                b = hi
        if self.a < 0:
            self.ed, self.words = _cues(lowered, lo, hi, self.text, a, b)
            self.a, self.b = a, b
            return
        if a < self.a:
            ed, words = _cues(lowered, lo, hi, self.text, a, self.a)
            self.ed[:0] = ed
            self.words[:0] = words
            self.a = a
        if b > self.b:
            ed, words = _cues(lowered, lo, hi, self.text, self.b, b)
            self.ed += ed
            self.words += words
            self.b = b


#: A year-less date against the tense of its sentence ("set Nov. 10 as the
#: deadline", past tense, future date) is taken only when it is this many
#: times nearer the anchor than the date that agrees with the tense.
TENSE_PENALTY_DAYS = 3
TENSE_PENALTY_MONTHS = 5
MAX_SHIFT_YEARS = 5000  # "5,000 years ago" is the furthest a count shifts the anchor


class _Found:
    """One expression found: span, value, grain; ``day`` is its date when it has one."""

    __slots__ = ("start", "end", "value", "grain", "day", "pending_clock", "remember")

    def __init__(self, start: int, end: int, value: str | None, grain: str, day: dt.date | None = None) -> None:
        self.start, self.end, self.value, self.grain, self.day = start, end, value, grain, day
        self.pending_clock: str | None = None
        self.remember = True  # False for values that must not become a discourse reference


#: Head word as written -> its handler ("" for none): ``_head_kind`` of a few hundred words.
_HEAD_KIND_CACHE: dict[str, str] = {}
_NOT_REMEMBERED = frozenset({"duration", "set", "ref"})  # grains that never become a discourse reference
#: The letters that only a case-insensitive pattern reads as ASCII letters (İ as i, ſ as s, the Kelvin sign as k).
_CASE_FOLD_ONLY = ("\u0130", "\u017f", "\u212a")


class _Extractor:
    """State for one text: the anchor, sentence bounds, and discourse references."""

    def __init__(self, text: str, anchor: dt.date | None) -> None:
        self.text = text
        self.lowered = _lower(text)
        # relative expressions reach about a year around the anchor: at the ends of the calendar nothing resolves
        self.anchor = anchor if anchor is not None and 2 <= anchor.year <= 9997 else None
        self.found: list[_Found] = []
        self.last_day: dt.date | None = None
        self.last_year_value = ""  # the last value naming a year (its first four digits), for "that year"
        self.last_quarter: tuple[int, int] | None = None
        self._context_start = 0
        self._sentence = (0, -1)  # the last sentence looked at: heads come in order, so it is often reused
        self._cues: dict[int, _SentenceCues] = {}
        self.heads: list[tuple[int, int]] = []  # the head words and digit runs (``_heads``) ...
        self.head_index = 0  # ... and the one being read
        self._plain: bool | None = None
        self.handlers: dict[str, Callable[[int, int, str], list[_Found] | None]] = {
            "month": self._month, "weekday": self._weekday, "weekday_abbr": self._weekday_abbr,
            "unit": self._unit, "season": self._season, "deictic": self._deictic, "digits": self._digits,
            "quarter_abbr": self._quarter_abbr, "year_words": self._year_words, "decade_word": self._decade_word,
            "holiday": self._holiday,
        }

    # ---- scanning -----------------------------------------------------------

    def run(self) -> list[_Found]:
        text = self.text
        found = self.found
        handlers = self.handlers
        end = 0
        heads = self.heads = _heads(text, self.lowered)
        for i, (hs, he) in enumerate(heads):
            if hs < end:
                continue
            word = text[hs:he]
            kind = _HEAD_KIND_CACHE.get(word)
            if kind is None:
                kind = _head_kind(word) or ""
                if len(_HEAD_KIND_CACHE) < 10_000 and kind != "digits":
                    _HEAD_KIND_CACHE[word] = kind
            if not kind:
                continue
            self.head_index = i
            got = handlers[kind](hs, he, word)
            if not got:
                continue
            for item in got:
                if item.start < end:
                    item.start = end
                    while item.start < item.end and text[item.start].isspace():
                        item.start += 1
                if item.start >= item.end:
                    continue
                found.append(item)
                if item.value and item.remember and item.grain not in _NOT_REMEMBERED:
                    self._remember(item)
                if item.end > end:
                    end = item.end
        self._attach_clock_days()
        self._share_years()
        return found

    def _share_years(self) -> None:
        """The first of two coordinated dates takes the year the second states:
        "between February and October of 1986", "from May 1 to June 30, 2021",
        "March and April next year"."""
        found = self.found
        text = self.text
        for a, b in pairwise(found):
            if (a.grain not in ("month", "day") or not a.value or not b.value or len(b.value) < 7
                    or not b.value[:4].isdigit() or not a.value[:4].isdigit()
                    or RE_YEAR_STATED.search(text, a.start, a.end)
                    or not RE_DATE_COORD.fullmatch(text, a.end, b.start)):
                continue
            # a span that crosses the new year starts the year before it ends:
            # "from November 28 to January 6, 1987"
            wraps = a.value[5:7] > b.value[5:7] or (a.value[5:7] == b.value[5:7] and a.value[5:] > b.value[5:])
            if RE_YEAR_STATED.search(text, b.start, b.end):
                if int(a.value[:4]) != int(b.value[:4]) - wraps:
                    _set_year(a, int(b.value[:4]) - wraps)
            elif (a.grain == b.grain and b.value < a.value
                  and (not RE_DATE_COORD_AND.fullmatch(text, a.end, b.start)
                       or self.prev_word(a.start)[0].lower() == "between")):
                # "for April to June shipment", "between March and May": a span ends
                # after it starts, in the past or ahead as the tense says
                if self.tense(a.start, b.end) == "past":
                    _set_year(a, int(b.value[:4]) - wraps)
                else:
                    _set_year(b, int(a.value[:4]) + wraps)

    def _remember(self, item: _Found) -> None:
        value = item.value
        if not value or not item.remember or item.grain in _NOT_REMEMBERED:
            return
        if item.day is not None and item.grain in ("day", "time"):
            self.last_day = item.day
        if value[:4].isdigit() and len(value) >= 4 and item.grain not in ("decade", "century"):
            self.last_year_value = value
        if item.grain == "quarter" and len(value) == 7:
            self.last_quarter = (int(value[:4]), int(value[6]))

    def _attach_clock_days(self) -> None:
        """A clock time with no day of its own takes the day right after it, or the anchor."""
        for i, item in enumerate(self.found):
            if item.pending_clock is None:
                continue
            day = None
            nxt = self.found[i + 1] if i + 1 < len(self.found) else None
            if nxt is not None and nxt.day is not None and nxt.start - item.end <= 8:
                day = nxt.day
            if day is None:
                for prev in reversed(self.found[:i]):
                    if item.start - prev.end > 60:
                        break
                    if prev.day is not None:
                        day = prev.day
                        break
            if day is None:
                day = self.anchor
            item.value = f"{day.isoformat()}{item.pending_clock}" if day else None

    # ---- context helpers ----------------------------------------------------

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the sentence around ``text[start:end]`` (see ``tense_of``).

        A sentence is known by its start; the first look at it fixes its end.
        A date something was put off to lies ahead whatever the verb's tense:
        "the vote was postponed until June 22".
        """
        word, at = self.prev_word(start)
        if word.lower() in ("to", "until", "till") and self.prev_word(at)[0].lower() in DEFERRAL_WORDS:
            return "future"
        best = self._cues[self.sentence(start, end)[0]].nearest(start, end)
        return None if best is None else _TENSE_NAMES[best[1]]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``text[start:end]``, as ``tense`` sees it (the last one looked at, if it holds it)."""
        lo, hi = self._sentence
        if not (lo <= start and end <= hi):
            lo, hi = self._sentence = _sentence_around(self.text, start, end)
        if lo not in self._cues:
            self._cues[lo] = _SentenceCues(self.lowered, self.text, lo, hi)
        return lo, hi

    def prev_word(self, pos: int) -> tuple[str, int]:
        """The word before ``pos`` (``RE_PREV_WORD``) and its start."""
        text = self.text
        if text[pos - 1:pos] == " ":  # the common case, a plain word and a space: found with str methods
            space = text.rfind(" ", max(0, pos - 41), pos - 1)
            if space >= 0:
                word = text[space + 1:pos - 1]
                if word.isalpha() and word.isascii():
                    return word, space + 1
        m = RE_PREV_WORD.match(text, max(0, pos - 40), pos)
        return (m.group(G_PREV_WORD.w), m.start()) if m else ("", pos)

    def next_word(self, pos: int) -> str:
        if self.text[pos:pos + 1] not in _BLANKS:
            return ""
        m = _FAST_NEXT_WORD.match(self.text, pos) or RE_NEXT_WORD.match(self.text, pos)
        return m.group(1) if m else ""

    def _date_or_part_next(self, pos: int) -> bool:
        """False when ``RE_WEEKDAY_RIGHT`` reads nothing at ``pos``: all it reads starts with a
        comma or blank and then a month, a day number, or a part of the day."""
        text = self.text
        if text[pos:pos + 1] == ",":
            pos += 1
        if text[pos:pos + 1] not in _BLANKS:
            return False
        first = text[pos + 1:pos + 2]
        return not (first.isascii() and first.lower() not in _DATE_OR_PART_FIRST)

    def _unit_next(self) -> bool:
        """False when no calendar unit can follow the current head before another head word.

        The unit ``RE_DIGITS_BEFORE_UNIT`` looks for is a whole word, so it is
        a head itself, and nothing that pattern reads between the digits and
        the unit is one; only a case-insensitive pattern also reads "ſ" or the
        Kelvin sign as letters of a unit, so in such text this is always True.
        """
        if self._plain is None:
            self._plain = not any(c in self.text for c in _CASE_FOLD_ONLY)
        if not self._plain:
            return True
        lowered, heads, i = self.lowered, self.heads, self.head_index
        for hs, he in heads[i + 1:i + 9]:
            if not lowered[hs].isdigit():
                return lowered[hs:he] in UNIT_WORDS
        return i + 9 < len(heads)  # after eight digit runs in a row, let the pattern decide

    def at_sentence_start(self, pos: int) -> bool:
        return pos == 0 or RE_SENTENCE_START.match(self.text, max(0, pos - 6), pos) is not None

    def left(self, pattern: regex.Pattern[str], pos: int) -> regex.Match[str] | None:
        m = pattern.match(self.text, max(0, pos - _LEFT), pos)
        return m if m and m.end() == pos and m.start() < pos else None

    # ---- resolution -----------------------------------------------------------

    def resolve_weekday(self, weekday: int, tense: str | None, mod: str = "") -> dt.date | None:
        anchor = self.anchor
        if anchor is None:
            return None
        back = (anchor.weekday() - weekday) % 7
        ahead = (weekday - anchor.weekday()) % 7
        if mod == "last":
            return anchor - dt.timedelta(days=back or 7)
        if mod in ("next", "this coming", "coming"):
            return anchor + dt.timedelta(days=ahead or 7)
        if mod == "this past":
            return anchor - dt.timedelta(days=back or 7)
        if tense == "future":
            return anchor + dt.timedelta(days=ahead)
        if tense in ("present", None) and ahead < back:
            return anchor + dt.timedelta(days=ahead)  # no cue at all: news verbs in the past are marked
        return anchor - dt.timedelta(days=back)

    def resolve_month_day(self, month: int, day: int, tense: str | None) -> dt.date | None:
        anchor = self.anchor
        if anchor is None:
            return None
        return _nearest_date(self._month_day_options(month, day), anchor, tense)

    def _month_day_options(self, month: int, day: int) -> list[dt.date]:
        """The month and day in the anchor's year and the years either side (the anchor is set)."""
        assert self.anchor is not None
        year = self.anchor.year
        return [d for y in (year - 1, year, year + 1) if (d := _date(y, month, day))]

    def month_day_in_tense(self, month: int, day: int, start: int, end: int) -> dt.date | None:
        """``resolve_month_day`` in the tense of ``text[start:end]``, which is read only when it can change the answer."""
        anchor = self.anchor
        if anchor is None:
            return None
        options = self._month_day_options(month, day)
        if not options:
            self.sentence(start, end)
            return None
        picks = {_nearest_date(options, anchor, tense) for tense in (None, "past", "future")}
        if len(picks) == 1:
            self.sentence(start, end)  # as a look at the tense would
            return picks.pop()
        return _nearest_date(options, anchor, self.tense(start, end))

    def month_in_tense(self, month: int, start: int, end: int) -> str | None:
        """``resolve_month`` in the tense of ``text[start:end]``, which is read only when it can change the answer."""
        picks = {self.resolve_month(month, tense) for tense in (None, "past", "future")}
        if len(picks) == 1:
            self.sentence(start, end)  # as a look at the tense would
            return picks.pop()
        return self.resolve_month(month, self.tense(start, end))

    def resolve_month(self, month: int, tense: str | None, mod: str = "") -> str | None:
        anchor = self.anchor
        if anchor is None:
            return None
        now = anchor.year * 12 + anchor.month - 1
        options = [(y * 12 + month - 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if mod in ("this",):
            return _month_value(anchor.year * 12 + month - 1)
        if mod in ("last", "this past"):
            return _month_value(max(o for o in options if o < now))
        if mod in ("next", "this coming"):
            return _month_value(min(o for o in options if o > now))

        def cost(o: int) -> tuple[int, bool]:
            against = (tense == "past" and o > now) or (tense == "future" and o < now)
            return (abs(o - now) * (TENSE_PENALTY_MONTHS if against else 1), o > now)

        return _month_value(min(options, key=cost))

    def resolve_quarter(self, quarter: int, tense: str | None) -> str | None:
        anchor = self.anchor
        if anchor is None:
            return None
        year = anchor.year
        if quarter > _quarter_of(anchor) and tense == "past":
            year -= 1
        return f"{year:04d}-Q{quarter}"

    def resolve_season(self, code: str, tense: str | None, mod: str) -> str | None:
        anchor = self.anchor
        if anchor is None:
            return None
        first, last = SEASON_MONTHS[code]
        year, month = anchor.year, anchor.month
        if code == "WI" and month <= 2:
            year -= 1  # January and February belong to the winter that began in December
            month += 12
        end_month = last + 12 if code == "WI" else last
        started = month >= first
        ended = month > end_month
        if mod in ("this past",):
            return _season_value(code, year if ended else year - 1)
        if mod == "last":
            return _season_value(code, year if ended else year - 1)
        if mod in ("next", "this coming", "coming"):
            return _season_value(code, year if not started else year + 1)
        if tense == "past" and not started:
            return _season_value(code, year - 1)
        if tense == "future" and ended:
            return _season_value(code, year + 1)
        return _season_value(code, year)

    # ---- handlers: months -----------------------------------------------------

    def _month(self, hs: int, he: int, word: str) -> list[_Found] | None:
        text = self.text
        low = word.lower()
        month = MONTHS[low]
        if text[he:he + 4] == " Day":
            return None  # "May Day": a holiday, read from "Day"
        right = RE_MONTH_RIGHT.match(text, he)
        day = year = None
        end = he
        yrel = ""
        if right and right.end() > he:
            if right.group(G_MONTH_RIGHT.day):
                day = int(right.group(G_MONTH_RIGHT.day))
                if not 1 <= day <= 31:
                    day = None
                elif right.group(G_MONTH_RIGHT.year):
                    year = int(right.group(G_MONTH_RIGHT.year))
            elif right.group(G_MONTH_RIGHT.dayw):
                day = _ordinal(right.group(G_MONTH_RIGHT.dayw).replace(" ", "-"))
                if day is not None and not 1 <= day <= 31:
                    day = None
                if day is not None and right.group(G_MONTH_RIGHT.year2):
                    year = int(right.group(G_MONTH_RIGHT.year2))
            elif right.group(G_MONTH_RIGHT.yonly):
                year = int(right.group(G_MONTH_RIGHT.yonly))
            elif right.group(G_MONTH_RIGHT.yrel):
                yrel = right.group(G_MONTH_RIGHT.yrel).lower()
            elif right.group(G_MONTH_RIGHT.ywords):
                year = _year_words(right.group(G_MONTH_RIGHT.ywords))
            if day is not None or year is not None or yrel:
                end = right.end()
            elif right.group(G_MONTH_RIGHT.dot) and low in MONTH_ABBREVIATIONS:
                end = he + 1
        if day is None and year is None and not yrel:
            if not self._bare_month_ok(hs, he, low, word):
                return None
            if right and right.group(G_MONTH_RIGHT.dot) and low in MONTH_ABBREVIATIONS:
                end = he + 1
        elif low in MONTH_ABBREVIATIONS and not (right and right.group(G_MONTH_RIGHT.dot)) and low in ("mar", "jan", "jun") and day is None:
            return None
        if word.isupper() and len(word) > 3 and day is None and year is None:
            return None
        # modifiers on the left
        start = hs
        mod = ""
        left = self.left(RE_MONTH_LEFT, hs)
        if left:
            start = left.start()
            mod = " ".join((left.group(G_MONTH_LEFT.mod) or "").lower().split())
        if yrel:
            if self.anchor is None:
                return [_Found(start, end, None, "month")]
            base = self.anchor.year + {"last": -1, "next": 1, "this": 0}[yrel]
            year = base
        else:
            rel = RE_OF_REL_YEAR.match(text, end, end + _RIGHT)
            if rel and day is None and year is None and self.anchor is not None:
                year = self.anchor.year + {"last": -1, "next": 1, "this": 0}[rel.group(G_OF_REL_YEAR.rel).lower()]
        if day is not None:
            if year is not None:
                d = _date(year, month, day)
                if d is None:
                    return None
                return [self._weekday_prefix(_Found(start, end, d.isoformat(), "day", d))]
            d = self.month_day_in_tense(month, day, start, end)
            if self.anchor is not None and d is None:
                return None
            return [self._weekday_prefix(_Found(start, end, d.isoformat() if d else None, "day", d))]
        if year is not None:
            return [_Found(start, end, f"{year:04d}-{month:02d}", "month")]
        if mod == "each" or mod == "every":
            return [_Found(start, end, f"XXXX-{month:02d}", "set")]
        value = None
        if self.anchor is not None:
            value = self.resolve_month(month, None, mod) if mod else self.month_in_tense(month, start, end)
        return [_Found(start, end, value, "month")]

    def _weekday_prefix(self, item: _Found) -> _Found:
        """ "Tuesday, March 1" is one expression: the weekday joins the date after it."""
        m = RE_WEEKDAY_BEFORE_DATE.match(self.text, max(0, item.start - 14), item.start)
        if m and m.end() == item.start and m.group(G_WEEKDAY_BEFORE_DATE.wd)[:1].isupper():
            item.start = m.start()
        return item

    def _bare_month_ok(self, hs: int, he: int, low: str, word: str) -> bool:
        """A month name with no day or year is a month only in a date context."""
        if low in MONTH_ABBREVIATIONS:
            return self.text[he:he + 1] == "." and self.prev_word(hs)[0].lower() in MONTH_CONTEXT
        prev, prev_start = self.prev_word(hs)
        prev_low = prev.lower()
        nxt = self.text[he:he + 2]
        possessive = nxt in ("'s", "’s")
        if low == "may" and possessive:
            return False  # "May's government"
        if prev_low in ("to", "and", "or", "through", "until"):
            # "from April to May", "between April and June": only after another month
            earlier = self.found[-1] if self.found else None
            if earlier is None or hs - earlier.end > 12 or earlier.grain not in ("month", "day", "season"):
                return prev_low in ("until", "through") and low != "may"
            return True
        if prev_low in MONTH_CONTEXT or prev_low.endswith("-"):
            following = self.next_word(he)
            if following[:1].isupper() and following.lower() not in MONTHS and not following.isupper():
                # "in June Smith ...": a name follows; trust only the strongest prepositions
                return prev_low in ("in", "since", "until", "during", "by") and low not in ("may", "june", "april")
            if (low == "may" and prev_low not in MONTH_ONLY_BEFORE and following[:1].islower()
                    and following.lower() not in ("and", "or", "to", "of", "when", "after", "before", "as", "at", "in",
                                                  "last", "next", "this")):
                return False  # "that May be ...": the modal, capitalised in a title (not "in May was", "a May tender")
            return True
        if possessive:
            return low not in AMBIGUOUS_MONTHS or low == "march"
        return False

    # ---- handlers: weekdays ---------------------------------------------------

    def _weekday(self, hs: int, he: int, word: str) -> list[_Found] | None:
        text = self.text
        low = word.lower()
        plural = low.endswith("s") and low not in WEEKDAYS
        weekday = WEEKDAYS[low[:-1] if plural else low]
        after = text[he + 1:he + 2]
        if not ("a" <= after <= "z" and after != "n"):  # a lower-case word after it is no name, nor "night"
            following = self.next_word(he)
            if following and following.lower() in WEEKDAY_NAME_FOLLOWERS and following[:1].isupper():
                return None
            if following.lower() == "night" and self.next_word(he + 1 + len(following)).lower() == "football":
                return None
        prev, prev_start = self.prev_word(hs)
        if prev.lower() in NAMED_DAY_PREFIXES and prev[:1].isupper():
            return [self._holiday_found(prev_start, he, f"{prev.lower()} {low}", None)]
        start, end = hs, he
        left = None
        # a modifier ("last", "this coming") ends right before the blanks before the weekday
        if not (prev and prev.isascii() and text[hs - 1:hs] in _BLANKS and not prev.lower().endswith(_WEEKDAY_MOD_ENDS)):
            left = self.left(RE_WEEKDAY_LEFT, hs)
        mod = ""
        if left:
            mod = " ".join((left.group(G_WEEKDAY_LEFT.mod) or "").lower().split())
            if mod != "until":
                start = left.start()
        if plural or mod in ("each", "every"):
            return [_Found(start, he, f"XXXX-WXX-{weekday + 1}", "set")]
        right = RE_WEEKDAY_RIGHT.match(text, he) if self._date_or_part_next(he) else None
        part = ""
        if right and right.end() > he:
            mon = right.group(G_WEEKDAY_RIGHT.mon) or right.group(G_WEEKDAY_RIGHT.mon2) or right.group(G_WEEKDAY_RIGHT.mon_w)
            day_s = right.group(G_WEEKDAY_RIGHT.day) or right.group(G_WEEKDAY_RIGHT.day2)
            day = int(day_s) if day_s else (_ordinal(right.group(G_WEEKDAY_RIGHT.dayw).replace(" ", "-")) if right.group(G_WEEKDAY_RIGHT.dayw) else None)
            if mon and day and mon[:1].isupper():
                month = MONTHS[mon.lower()]
                right_end = right.end()
                if text[right_end - 1:right_end] == "." and mon.lower() not in MONTH_ABBREVIATIONS and not right.group(G_WEEKDAY_RIGHT.part):
                    right_end -= 1  # "on Friday, 4 March." ends the sentence
                year = int(right.group(G_WEEKDAY_RIGHT.year)) if right.group(G_WEEKDAY_RIGHT.year) else None
                if year is not None:
                    d = _date(year, month, day)
                else:
                    d = self._month_day_matching(month, day, weekday, start, right_end)
                if d is not None or self.anchor is None:
                    item = _Found(start, right_end, d.isoformat() if d else None, "day", d)
                    if right.group(G_WEEKDAY_RIGHT.part):
                        item.grain = "time"
                        item.value = f"{d.isoformat()}T{PARTS_OF_DAY[right.group(G_WEEKDAY_RIGHT.part).lower()]}" if d else None
                    return [item]
            if right.group(G_WEEKDAY_RIGHT.part) and right.start(G_WEEKDAY_RIGHT.part) == right.start() + 1 + (right.group().find(right.group(G_WEEKDAY_RIGHT.part)) - 1):
                part = PARTS_OF_DAY[right.group(G_WEEKDAY_RIGHT.part).lower()]
                end = right.end()
        tense = None
        if self.anchor is not None and mod not in ("last", "next", "this coming", "this past", "coming"):
            if mod == "until":
                tense = "future"
            elif weekday == self.anchor.weekday():
                self.sentence(start, end)  # the anchor's own weekday is the anchor in any tense
            else:
                tense = self.tense(start, end)
        d = self.resolve_weekday(weekday, tense, mod)
        if part:
            return [_Found(start, end, f"{d.isoformat()}T{part}" if d else None, "time", d)]
        return [_Found(start, end, d.isoformat() if d else None, "day", d)]

    def _month_day_matching(self, month: int, day: int, weekday: int, start: int, end: int) -> dt.date | None:
        """ "Saturday, April 25": the year near the anchor where the weekday fits, else the nearest."""
        if self.anchor is None:
            return None
        for year in (self.anchor.year, self.anchor.year + 1, self.anchor.year - 1):
            d = _date(year, month, day)
            if d is not None and d.weekday() == weekday:
                return d
        return self.resolve_month_day(month, day, self.tense(start, end))

    def _weekday_abbr(self, hs: int, he: int, word: str) -> list[_Found] | None:
        """ "Tue 1 Mar 2022", "Sun, March 6": abbreviations count only before a date."""
        text = self.text
        right = RE_WEEKDAY_RIGHT.match(text, he + (1 if text[he:he + 1] == "." else 0))
        if not right or not (right.group(G_WEEKDAY_RIGHT.mon) or right.group(G_WEEKDAY_RIGHT.mon2)):
            return None
        mon = right.group(G_WEEKDAY_RIGHT.mon) or right.group(G_WEEKDAY_RIGHT.mon2)
        day = int(right.group(G_WEEKDAY_RIGHT.day) or right.group(G_WEEKDAY_RIGHT.day2))
        month = MONTHS[mon.lower()]
        weekday = WEEKDAY_ABBREVIATIONS[word.lower()]
        if right.group(G_WEEKDAY_RIGHT.year):
            d = _date(int(right.group(G_WEEKDAY_RIGHT.year)), month, day)
        else:
            d = self._month_day_matching(month, day, weekday, hs, right.end())
        if d is None and (right.group(G_WEEKDAY_RIGHT.year) or self.anchor is not None):
            return None
        end = right.end() - (len(right.group(G_WEEKDAY_RIGHT.part)) + 1 if right.group(G_WEEKDAY_RIGHT.part) else 0)
        return [_Found(hs, end, d.isoformat() if d else None, "day", d)]

    # ---- handlers: calendar units -----------------------------------------------

    def _unit(self, hs: int, he: int, word: str) -> list[_Found] | None:
        text = self.text
        low = word.lower()
        unit = UNIT_WORDS[low]
        plural = low.endswith("s") or low in ("centuries", "millennia")
        if text[he:he + 1] == "-" and text[he + 1:he + 3] not in ("ol", "lo", "en", "ea", "ag", "on"):
            return None  # "day-to-day", "year-round", "week-long"? (long is allowed)
        if word == "Day":
            holiday = self._holiday_day(hs, he)
            if holiday is not None:
                return holiday
        if word == "Year":
            holiday = self._new_year(hs, he)
            if holiday is not None:
                return holiday
        if unit == "time":
            return self._time_word(hs, he)
        if unit == "term":
            left = self.left(RE_TERM_LEFT, hs)
            return [_Found(left.start(), he, "FUTURE_REF", "ref")] if left else None
        left = self.left(RE_UNIT_LEFT, hs)
        after = text[he:he + 2]
        # everything RE_UNIT_RIGHT reads is a hyphen, or blanks and a lower-case word or a year it knows
        if after[:1] == " " and after[1:] not in _UNIT_RIGHT_FIRST and not after[1:].isspace():
            right = None
        elif after[:1].isascii() and after[:1] != "-" and not after[:1].isspace():
            right = None
        else:
            right = RE_UNIT_RIGHT.match(text, he)
        edge, qual, det, mod, count_s, ord_s, adj, yr = (
            [x or "" for x in left.group(*_UNIT_LEFT_FIELDS)] if left else _EMPTY_LEFT)
        edge, qual, mod, adj = edge.lower(), qual.lower(), mod.lower(), adj.lower()
        det = " ".join(det.lower().split())
        if mod in ("that", "this") and not det:
            det, mod = mod, ""
        start = left.start() if left else hs
        if count_s and det in ("that", "this") and left is not None:
            start, det = left.start(G_UNIT_LEFT.count), ""  # "... partners that four days seemed punitive"
        self._context_start = left.start() if left else hs  # where the words before the expression begin
        if left is not None and qual and (not count_s or det or mod):
            # "over the weekend", "in just minutes", "over the past three years": a qualifier only
            # belongs right before a count ("over a week", "nearly forty years")
            start = min((left.start(group) for group in _UNIT_LEFT_WORDS if left.start(group) >= 0), default=hs)
            qual = ""
        if left is not None and count_s and text[hs - 1:hs] == "-":
            start = left.start(G_UNIT_LEFT.count)  # "the four-day-old battle": the article belongs to the noun
        if word[:1].isupper() and not word.isupper() and (start < hs or not self.at_sentence_start(hs)):
            return None  # "This Week" (a show), "Player of the Year", "Years" mid-sentence
        if word.isupper() and len(word) > 2 and not text[max(0, hs - 30):hs].isupper():
            return None
        hyph, direction, ofyear, yearval, half, or_unit = (
            [x or "" for x in right.group(*_UNIT_RIGHT_FIELDS)] if right else _EMPTY_RIGHT)
        direction = " ".join(direction.lower().split())
        end = he
        anchor = self.anchor

        # parts of the day: "this morning", "last night", "the prior night", "mid-afternoon"
        if unit in PARTS_OF_DAY or unit == "night":
            return self._part_of_day(unit, plural, start, he, det, mod, edge, count_s)
        # "year-ago quarter", "year-earlier profit": the adjective belongs to what follows
        if hyph in ("ago", "earlier") and self.next_word(he + 1 + len(hyph)).lower() in ("quarter", "period", "quarters"):
            return None

        # the age of a person is not a time expression: "52 years old", "a 10-year-old boy"
        if hyph == "old" or direction == "old":
            after = RE_AFTER_OLD.match(text, right.end()) if right else None
            if direction == "old" or after is None or after.group(G_AFTER_OLD.w).lower() in AGE_NOUNS:
                return None
        if unit == "quarter" and not adj and (count_s or not (ord_s or mod or det or yr or edge)) and RE_QUARTER_OF.match(text, he, he + _RIGHT):
            return None  # "a quarter of the population", "three quarters of voters"
        if unit == "second" and not plural and not (hyph and count_s):
            return None  # "the second round"
        if unit == "half" and (plural or (ord_s or mod).lower() not in ("first", "second")):
            return None  # "half an hour", "a half", "half of voters": only "the first/second half" is a period
        if unit == "century" and ord_s:
            n = _ordinal(ord_s)
            if n is None or not 1 <= n <= 30:
                return None
            return [_Found(start, he, f"{n - 1:02d}", "century")]

        if right:
            if hyph in ("old", "long"):
                end = he + 1 + len(hyph)
            if half:
                end = right.end(G_UNIT_RIGHT.half)
            if or_unit:
                end = right.end(G_UNIT_RIGHT.or_unit)
            if direction and direction != "old" and not (direction == "ahead" and count_s):
                end = right.end(G_UNIT_RIGHT.dir)  # but "two weeks ahead of schedule" keeps only "two weeks"
        count: float | int | str | None = None
        if count_s:
            low_count = " ".join(count_s.lower().split())
            if low_count in ("several", "few", "a few", "some", "many", "countless", "numerous", "a handful of", "a number of"):
                count = "X"
            else:
                count = _number(count_s)
                if count is None:
                    return None
                if half and isinstance(count, (int, float)):
                    count = count + 0.5
        # a leading determiner that is really a count: "the four days"
        results: list[_Found] = []
        if count is not None and left is not None and isinstance(count, (int, float)):
            count_start = left.start(G_UNIT_LEFT.count)
            before = text[max(0, count_start - 12):count_start].rstrip().lower()
            first = self.left(RE_RANGE_LEFT, count_start) if not before or before.endswith(_RANGE_LINKS) else None
            if first is not None:
                first_value = _number(first.group(G_RANGE_LEFT.first))
                if first_value is not None and (not self.found or self.found[-1].end <= first.start()):
                    results.append(_Found(first.start(), first.start() + len(first.group(G_RANGE_LEFT.first)),
                                          _duration(first_value, unit), "duration"))
        ref = self._unit_value(unit, plural, count, count_s, ord_s, det, mod, edge, qual, adj, yr, hyph,
                               direction, ofyear, yearval, start, end, hs, he)
        if ref is None:
            return results or None
        value, grain, day, new_end = ref
        if new_end is not None:
            end = new_end
        if ofyear and right is not None and grain in ("quarter", "half", "year", "season", "month", "week"):
            end = max(end, right.end(G_UNIT_RIGHT.ofyear))
        if unit in ("month", "year") and det == "the" and not mod and not count_s and RE_OF_MONTH.match(text, he, he + _RIGHT):
            return None  # "the month of January": the month name is the expression
        if unit == "week" and not plural and (mod in ("first", "last", "final", "second", "third", "fourth") or ord_s) and det == "the":
            week = self._week_of_month(he, mod or ord_s)
            if week is not None:
                value, grain, end = week
        if yearval and right is not None and unit == "year":
            end = max(end, right.end(G_UNIT_RIGHT.yearval))
        if anchor is None and grain not in ("duration", "set", "ref", "century", "decade") and not (ofyear or yearval or yr):
            value = None
        item = _Found(start, end, value, grain, day)
        item.remember = not (
            (direction in ("ago", "earlier") and unit == "year" and count == 1)
            or mod in ("year-ago", "year-earlier") or hyph in ("ago", "earlier"))
        results.append(item)
        return results

    def _week_of_month(self, he: int, which: str) -> tuple[str | None, str, int] | None:
        """ "the last week of March" -> the ISO week holding the 25th; "the first week of March" the 4th."""
        m = RE_OF_MONTH.match(self.text, he, he + _RIGHT)
        if not m or not m.group(G_OF_MONTH.mon)[:1].isupper():
            return None
        month = MONTHS[m.group(G_OF_MONTH.mon).lower()]
        end = m.end()
        if self.text[end - 1:end] == "." and m.group(G_OF_MONTH.mon).lower() not in MONTH_ABBREVIATIONS:
            end -= 1  # "the last week of March." ends a sentence
        resolved = self.resolve_month(month, self.tense(he, m.end())) if self.anchor is not None else None
        if m.group(G_OF_MONTH.year):
            year = int(m.group(G_OF_MONTH.year))
        elif resolved is not None:
            year = int(resolved[:4])
        else:
            return (None, "week", end)
        n = _ordinal(which) or 1
        day = 25 if which.lower() in ("last", "final") else min(4 + 7 * (n - 1), 28)
        d = _date(year, month, day)
        return (_iso_week(d) if d else None, "week", end)

    def _unit_value(self, unit: str, plural: bool, count: float | int | str | None, count_s: str, ord_s: str,
                    det: str, mod: str, edge: str, qual: str, adj: str, yr: str, hyph: str, direction: str,
                    ofyear: str, yearval: str, start: int, end: int, hs: int, he: int
                    ) -> tuple[str | None, str, dt.date | None, int | None] | None:
        """(value, grain, day, end override) for a unit expression, or None when it is not one."""
        anchor = self.anchor
        if mod in ("year-ago", "year-earlier") and unit == "quarter":
            return self._year_ago() + (None, None)
        if hyph in ("earlier", "ago") and unit == "year":
            return self._year_ago() + (None, he + 1 + len(hyph))
        if unit == "year" and count == 1 and direction in ("ago", "earlier") and not mod:
            return self._year_ago() + (None, None)
        if hyph == "end" and unit == "year":
            return (f"{anchor.year:04d}" if anchor else None, "year", None, he + 4)
        if hyph == "on-year":
            return None

        # an explicit year after "of" or a year value: "the first quarter of 2009", "the year 2000"
        explicit_year: int | None = None
        if ofyear:
            low_of = ofyear.lower()
            if low_of[:1].isdigit():
                explicit_year = int(low_of)
            elif low_of.endswith("year") and anchor is not None:
                explicit_year = anchor.year + {"last": -1, "this": 0, "next": 1}[low_of.split()[0]]
            else:
                explicit_year = _year_words(low_of)
        if yr:
            explicit_year = int(yr)

        if unit == "year" and yearval:
            y = int(yearval) if yearval[:1].isdigit() else _year_words(yearval)
            if y is not None:
                return (f"{y:04d}", "year", None, None)

        if unit == "quarter":
            return self._quarter(count, count_s, ord_s, det, mod, explicit_year, start, end)
        if unit == "half":
            return self._half(ord_s or mod, explicit_year)

        # counted units: "three weeks", "the past three months", "two years ago"
        if count is not None:
            if direction == "ago":
                return self._ago(unit, count)
            if (not det and not mod and not qual and anchor is not None and isinstance(count, (int, float))
                    and unit in ("day", "week", "month", "year") and self.prev_word(start)[0].lower() == "in"
                    and self.tense(start, end) == "future"):
                return self._shift(unit, count, +1)  # "will be redeemed in five years"
            if direction in ("hence", "from now"):
                if count == "X" or anchor is None:
                    return ("FUTURE_REF", "ref", None, None)
                return self._shift(unit, count, +1)
            if mod in ("past", "last", "previous", "prior", "recent") and count == "X":
                return ("PAST_REF", "ref", None, None)
            if mod in ("coming",) and count == "X":
                return ("FUTURE_REF", "ref", None, None)
            if det in ("each", "every", "per") or (det == "" and count_s.lower() in ("a", "an") and not plural and self._after_quantity(start)):
                value = _duration(count, unit)
                return (value, "set", None, None) if value else None
            if unit == "day" and count_s.lower() == "one" and not det and not mod and self.tense(start, end) == "future":
                return ("FUTURE_REF", "ref", None, None)
            if unit == "night":
                return None
            value = _duration(count, unit)
            return (value, "duration", None, None) if value else None

        if ord_s:
            n = _ordinal(ord_s)
            if plural and unit in ("second", "minute", "hour", "day", "week", "month", "year") and det == "the":
                return (_duration("X", unit), "duration", None, None)  # "the first hours of the war"
            if unit == "day" and not plural and n:
                prev = self.prev_word(start)[0].lower()
                present = self.tense(start, end) == "present" or prev in ("for", "is", "was") or prev.endswith(("'s", "’s"))
                day = anchor if present else None
                return (day.isoformat() if day else None, "day", day, None)
            return None

        # no count: modifiers decide
        past_mods = ("past", "last", "previous", "prior", "preceding")
        if direction in ("hence", "from now", "ahead") and plural:
            return ("FUTURE_REF", "ref", None, None)  # "years hence", "the weeks ahead"
        if direction == "ago" and plural and not det:
            return ("PAST_REF", "ref", None, None)  # "years ago"
        if direction in ("later", "earlier") and plural and not det and not mod:
            return (_duration("X", unit), "duration", None, None)  # "hours later"
        if direction in ("previous", "prior", "earlier") and det == "the" and not mod and not plural:
            return self._discourse(unit, -1)  # "the year previous"
        if direction in ("previous", "prior", "earlier"):
            return None
        if unit in ("second", "minute", "hour") and not plural:
            return None  # "at the last minute", "the eleventh hour"
        if unit == "weekend":
            return self._weekend(det, mod, start, end)
        if mod in past_mods:
            if plural:
                return ("PAST_REF", "ref", None, None) if det == "the" or mod == "past" else None
            if det == "the" and unit in ("week", "day", "fortnight") and mod in ("past", "last"):
                return (_duration(1, unit), "duration", None, None)
            if det == "the" and mod in ("previous", "prior", "preceding"):
                return self._discourse(unit, -1)
            return self._calendar(unit, -1)
        if mod in ("this", "current") or det == "this" or edge in ("later", "earlier") and mod in ("this",):
            if plural:
                return ("PRESENT_REF", "ref", None, None) if det == "these" or unit == "day" else None
            return self._calendar(unit, 0)
        if det in ("these",) and unit == "day" and plural:
            return ("PRESENT_REF", "ref", None, None)
        if det in ("those",) and unit == "day" and plural:
            return ("PAST_REF", "ref", None, None)
        if mod in ("next", "coming", "upcoming"):
            if plural:
                return ("FUTURE_REF", "ref", None, None)
            if det == "the" and mod == "next" and unit in ("day", "year"):
                return self._discourse(unit, +1)
            return self._calendar(unit, +1)
        if mod in ("following", "ensuing", "subsequent"):
            if plural:
                return None
            return self._discourse(unit, +1) if det == "the" else None
        if mod == "same" or det == "that":
            if plural:
                return None
            return self._discourse(unit, 0)
        if mod == "recent":
            value = _duration("X", unit)
            return (value, "duration", None, None) if plural and value else None
        if mod in ("fiscal", "financial", "calendar") or adj in ("fiscal", "financial"):
            if unit == "year":
                if explicit_year:
                    return (f"{explicit_year:04d}", "year", None, None)
                return (f"{anchor.year:04d}" if anchor else None, "year", None, None)
            return None
        if det in ("each", "every", "per") and not plural:
            value = _duration(1, unit)
            return (value, "set", None, None) if value else None
        if det == "the" and not plural and not mod:
            if unit == "day":
                day = self.last_day or anchor
                return (day.isoformat() if day else None, "day", day, None)
            if unit == "week":
                if edge:
                    return self._calendar(unit, 0)
                return ("P1W", "duration", None, None)
            if unit in ("month", "year"):
                if unit == "year" and explicit_year:
                    return (f"{explicit_year:04d}", "year", None, None)
                return self._calendar(unit, 0)
            return None
        if plural and not det and not mod and not adj:
            if unit in ("decade", "century", "millennium"):
                return (_duration("X", unit), "duration", None, None)
            prev = self.prev_word(self._context_start)[0].lower()
            if prev in BARE_PLURAL_PREPOSITIONS or (direction == "" and self.text[end:end + 3] == " or"):
                value = _duration("X", unit)
                return (value, "duration", None, None) if value else None
            return None
        if plural and det == "the" and not mod and self.prev_word(start)[0].lower() == "over" and unit == "year":
            return ("PXY", "duration", None, None)
        return None

    def _after_quantity(self, start: int) -> bool:
        """ "15 a year", "$40 a barrel a day", "twice a week": a rate, not a duration."""
        before = self.text[max(0, start - 30):start]
        return RE_RATE_BEFORE.search(before) is not None

    def _ago(self, unit: str, count: float | int | str) -> tuple[str | None, str, dt.date | None, int | None]:
        if count == "X":
            return ("PAST_REF", "ref", None, None)
        if self.anchor is None:
            return (None, "day", None, None)
        return self._shift(unit, count, -1)

    def _shift(self, unit: str, count: float | int | str, sign: int) -> tuple[str | None, str, dt.date | None, int | None]:
        anchor = self.anchor
        assert anchor is not None
        if not isinstance(count, (int, float)) or not 0 <= count <= MAX_SHIFT_YEARS:
            return (None, "day", None, None)
        n = count
        years = {"day": n / 365, "night": n / 365, "week": n / 52, "fortnight": n / 26, "month": n / 12,
                 "year": n, "decade": n * 10, "century": n * 100}.get(unit, 0)
        if not 1 <= anchor.year + sign * years <= 9998:
            return (None, "day", None, None)
        if unit in ("day", "night"):
            d = anchor + dt.timedelta(days=sign * round(n))
            return (d.isoformat(), "day", d, None)
        if unit in ("week", "fortnight"):
            d = anchor + dt.timedelta(days=sign * round(n * (14 if unit == "fortnight" else 7)))
            return (d.isoformat(), "day", d, None)
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + sign * round(n)
            return (_month_value(index), "month", None, None)
        if unit == "year":
            return (f"{anchor.year + sign * round(n):04d}", "year", None, None)
        if unit == "decade":
            return (f"{(anchor.year + sign * round(n * 10)) // 10:03d}", "decade", None, None)
        if unit == "century":
            return (f"{(anchor.year + sign * round(n * 100)) // 100:02d}", "century", None, None)
        return (None, "time", None, None)

    def _calendar(self, unit: str, offset: int) -> tuple[str | None, str, dt.date | None, int | None] | None:
        """last/this/next week|month|quarter|year|decade|century around the anchor."""
        anchor = self.anchor
        grain = {"fortnight": "week"}.get(unit, unit)
        if grain not in ("day", "week", "month", "quarter", "year", "decade", "century"):
            return None
        if anchor is None:
            return (None, grain, None, None)
        if unit == "day":
            d = anchor + dt.timedelta(days=offset)
            return (d.isoformat(), "day", d, None)
        if grain == "week":
            return (_iso_week(anchor + dt.timedelta(days=7 * offset)), "week", None, None)
        if unit == "month":
            return (_month_value(anchor.year * 12 + anchor.month - 1 + offset), "month", None, None)
        if unit == "quarter":
            index = anchor.year * 4 + _quarter_of(anchor) - 1 + offset
            return (f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", None, None)
        if unit == "year":
            return (f"{anchor.year + offset:04d}", "year", None, None)
        if unit == "decade":
            return (f"{anchor.year // 10 + offset:03d}", "decade", None, None)
        return (f"{anchor.year // 100 + offset:02d}", "century", None, None)

    def _discourse(self, unit: str, offset: int) -> tuple[str | None, str, dt.date | None, int | None] | None:
        """ "the following year", "the same day", "that year": relative to the last one mentioned."""
        if unit == "day":
            base = self.last_day or self.anchor
            if base is None:
                return (None, "day", None, None)
            d = base + dt.timedelta(days=offset)
            return (d.isoformat(), "day", d, None)
        if unit == "year":
            year = int(self.last_year_value[:4]) if self.last_year_value else (self.anchor.year if self.anchor else None)
            return (f"{year + offset:04d}" if year is not None else None, "year", None, None)
        if unit in ("week", "month"):
            return (None, unit, None, None)
        return None

    def _year_ago(self) -> tuple[str | None, str]:
        """ "a year earlier", "year-ago": the same quarter last year after a quarter, else last year."""
        if self.last_quarter is not None:
            year, quarter = self.last_quarter
            return (f"{year - 1:04d}-Q{quarter}", "quarter")
        if self.anchor is None:
            return (None, "year")
        return (f"{self.anchor.year - 1:04d}", "year")

    def _quarter(self, count: float | int | str | None, count_s: str, ord_s: str, det: str, mod: str,
                 explicit_year: int | None, start: int, end: int
                 ) -> tuple[str | None, str, dt.date | None, int | None] | None:
        anchor = self.anchor
        n = _ordinal(ord_s) if ord_s else None
        if n is None and mod in ("first", "final"):
            n = 1 if mod == "first" else 4
        if n is not None:
            if not 1 <= n <= 4:
                return None
            if explicit_year is not None:
                return (f"{explicit_year:04d}-Q{n}", "quarter", None, None)
            tense = self.tense(start, end) if anchor is not None else None
            return (self.resolve_quarter(n, tense), "quarter", None, None)
        if count is not None:
            value = _duration(count, "quarter")
            return (value, "duration", None, None) if value else None
        if mod in ("last", "past", "previous", "prior", "latest", "preceding"):
            if explicit_year is not None:
                return (f"{explicit_year:04d}-Q4", "quarter", None, None)
            return self._calendar("quarter", -1)
        if mod in ("this", "current") or det == "this":
            return self._calendar("quarter", 0)
        if mod in ("next", "coming"):
            return self._calendar("quarter", +1)
        if mod in ("year-ago", "year-earlier"):
            return self._year_ago() + (None, None)
        if det == "the" or mod == "same" or det == "that":
            if self.last_quarter is not None:
                year, q = self.last_quarter
                return (f"{year:04d}-Q{q}", "quarter", None, None)
            return self._calendar("quarter", -1)
        return None

    @staticmethod
    def _half(which: str, explicit_year: int | None) -> tuple[str | None, str, dt.date | None, int | None] | None:
        """ "the first half of 2022" -> 2022-H1, "the second half of next year".
        Without its year a half is as often a match's ("scored in the second
        half") as a year's, so it is left alone."""
        n = {"first": 1, "second": 2}.get(which.lower())
        if n is None or explicit_year is None:
            return None
        return (f"{explicit_year:04d}-H{n}", "half", None, None)

    def _weekend(self, det: str, mod: str, start: int, end: int) -> tuple[str | None, str, dt.date | None, int | None] | None:
        anchor = self.anchor
        if not (det or mod):
            return None
        if anchor is None:
            return (None, "week", None, None)
        weekday = anchor.weekday()
        if mod in ("last", "past", "previous"):
            base = anchor - dt.timedelta(days=weekday + 1) if weekday < 5 else anchor - dt.timedelta(days=7)
        elif mod in ("next", "coming"):
            base = anchor + dt.timedelta(days=7 - weekday + 5) if weekday < 5 else anchor + dt.timedelta(days=7)
        elif mod == "this" or det == "this":
            base = anchor + dt.timedelta(days=5 - weekday) if weekday < 5 else anchor
        else:
            tense = self.tense(start, end)
            if tense == "future":
                base = anchor + dt.timedelta(days=5 - weekday) if weekday < 5 else anchor
            else:
                base = anchor - dt.timedelta(days=weekday + 1) if weekday < 5 else anchor
        return (_iso_week(base) + "-WE", "week", None, None)

    def _part_of_day(self, unit: str, plural: bool, start: int, end: int, det: str, mod: str, edge: str,
                     count_s: str) -> list[_Found] | None:
        anchor = self.anchor
        code = PARTS_OF_DAY[unit]
        if plural or count_s:
            return None
        day: dt.date | None = None
        if mod in ("this", "current") or det == "this" or (edge in ("later", "earlier", "mid") and (mod == "this" or det == "this")):
            day = anchor
        elif edge in ("mid", "late", "early") and not det and not mod:
            day = self.last_day or anchor
        elif mod in ("last",) and not det:
            day = anchor - dt.timedelta(days=1) if anchor else None
        elif det == "the" and mod in ("prior", "past", "previous", "preceding") and unit in ("night", "evening"):
            day = anchor - dt.timedelta(days=1) if anchor else None
        elif det == "the" and not mod and self.prev_word(start)[0].lower() in ("in", "during", "on", "by", "until", "overnight"):
            day = self.last_day or anchor
        elif det == "that" or mod == "same":
            day = self.last_day or anchor  # "that night": the day last mentioned
        else:
            return None
        right = RE_PART_DAY_RIGHT.match(self.text, end)
        if right and (right.group(G_PART_DAY_RIGHT.deictic) or right.group(G_PART_DAY_RIGHT.wd)[:1].isupper()):
            end = right.end()  # "mid-afternoon yesterday", "late morning Tuesday"
            if right.group(G_PART_DAY_RIGHT.deictic):
                offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[right.group(G_PART_DAY_RIGHT.deictic).lower()]
                day = anchor + dt.timedelta(days=offset) if anchor else None
            else:
                day = self.resolve_weekday(WEEKDAYS[right.group(G_PART_DAY_RIGHT.wd).lower()], self.tense(start, end))
        value = f"{day.isoformat()}T{code}" if day else None
        return [_Found(start, end, value, "time", day)]

    def _time_word(self, hs: int, he: int) -> list[_Found] | None:
        """ "the time being", "at the time", "for some time"."""
        text = self.text
        if text[he:he + 6] == " being":
            left = self.left(RE_TIME_BEING, hs)
            if left:
                return [_Found(left.start(), he + 6, "PRESENT_REF", "ref")]
            return None
        at = self.left(RE_AT_THE, hs)
        if at is not None and RE_NEXT_WORD.match(text, he) is None or (at is not None and self.next_word(he).lower() in ("he", "she", "they", "it", "when", "the", "a", "an", "we", "i", "but", "and")):
            return [_Found(at.start(G_AT_THE.det), he, "PAST_REF", "ref")]
        some = self.left(RE_FOR_SOME, hs)
        if some is not None:
            return [_Found(some.start(G_FOR_SOME.count), he, "PXX", "duration")]
        return None

    # ---- handlers: holidays -----------------------------------------------------

    def _holiday(self, hs: int, he: int, word: str) -> list[_Found] | None:
        """ "Christmas", "Christmas Eve", "Easter Monday", "Thanksgiving 2004"."""
        text = self.text
        name = word.lower()
        end = he
        right = RE_HOLIDAY_RIGHT.match(text, he)
        if right and right.group(G_HOLIDAY_RIGHT.part) and f"{name} {right.group(G_HOLIDAY_RIGHT.part).lower()}" in HOLIDAYS:
            name = f"{name} {right.group(G_HOLIDAY_RIGHT.part).lower()}"
            end = right.end(G_HOLIDAY_RIGHT.part)
        if self.next_word(end).lower() in HOLIDAY_NOT_TIME:
            return None  # "Christmas tree", "Easter Rising"
        year = int(right.group(G_HOLIDAY_RIGHT.year)) if right and right.group(G_HOLIDAY_RIGHT.year) and right.start(G_HOLIDAY_RIGHT.year) >= end else None
        if year is not None and right is not None:
            end = right.end(G_HOLIDAY_RIGHT.year)
        return [self._holiday_found(hs, end, name, year)]

    def _holiday_found(self, start: int, end: int, name: str, year: int | None) -> _Found:
        """The holiday ``name`` in its year: the one given, else the one nearest the anchor by tense."""
        rule = HOLIDAYS.get(name)
        left = self.left(RE_HOLIDAY_LEFT, start)
        mod = " ".join(left.group(G_HOLIDAY_LEFT.mod).lower().split()) if left else ""
        if left:
            start = left.start()
        if rule is None:
            return _Found(start, end, None, "day")
        if year is not None:
            d = _holiday_date(rule, year)
            return _Found(start, end, d.isoformat() if d else None, "day", d)
        anchor = self.anchor
        if anchor is None:
            return _Found(start, end, None, "day")
        options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _holiday_date(rule, y))]
        if mod in ("last", "this past"):
            d = max(o for o in options if o < anchor)
        elif mod in ("next", "this coming"):
            d = min(o for o in options if o > anchor)
        elif mod == "this":
            d = _holiday_date(rule, anchor.year) or options[0]
        else:
            tense = self.tense(start, end)

            def cost(o: dt.date) -> tuple[int, bool]:
                days = (o - anchor).days
                against = (tense == "past" and days > 1) or (tense == "future" and days < 0)
                return (abs(days) * (TENSE_PENALTY_DAYS if against else 1), days > 0)

            d = min(options, key=cost)
        return _Found(start, end, d.isoformat(), "day", d)

    def _holiday_day(self, hs: int, he: int) -> list[_Found] | None:
        """ "Boxing Day", "St Patrick's Day", "Independence Day" (the word "Day" is the head)."""
        m = self.left(RE_HOLIDAY_DAY, hs)
        if m is None or not m.group(G_HOLIDAY_DAY.name)[:1].isupper():
            return None
        name = f"{m.group(G_HOLIDAY_DAY.name).lower()} day"
        if name not in HOLIDAYS:
            return None
        right = RE_HOLIDAY_RIGHT.match(self.text, he)
        year = int(right.group(G_HOLIDAY_RIGHT.year)) if right and right.group(G_HOLIDAY_RIGHT.year) and not right.group(G_HOLIDAY_RIGHT.part) else None
        end = right.end(G_HOLIDAY_RIGHT.year) if year is not None and right is not None else he
        return [self._holiday_found(m.start(), end, name, year)]

    def _new_year(self, hs: int, he: int) -> list[_Found] | None:
        """ "New Year", "New Year's Day", "New Year's Eve" (the word "Year" is the head)."""
        m = self.left(RE_NEW_YEAR, hs)
        if m is None:
            return None
        right = RE_NEW_YEAR_RIGHT.match(self.text, he)
        end = he
        name = "new year"
        if m.group(G_NEW_YEAR.kind):
            name = "chinese new year"
        elif right and right.group(G_NEW_YEAR_RIGHT.part):
            name = f"new year's {right.group(G_NEW_YEAR_RIGHT.part).lower()}"
            end = right.end()
        return [self._holiday_found(m.start(), end, name, None)]

    # ---- handlers: seasons ------------------------------------------------------

    def _season(self, hs: int, he: int, word: str) -> list[_Found] | None:
        text = self.text
        low = word.lower()
        plural = low.endswith("s")
        code = SEASONS[low[:-1] if plural else low]
        if plural:
            return None
        if word[:1].isupper() and not self.at_sentence_start(hs) and not word.isupper():
            return None  # "Arab Spring", "Summer Olympics"
        following = self.next_word(he).lower()
        if following in SEASON_COMPOUNDS:
            return None
        left = self.left(RE_SEASON_LEFT, hs)
        mod = " ".join((left.group(G_SEASON_LEFT.mod) or "").lower().split()) if left else ""
        edge = (left.group(G_SEASON_LEFT.edge) or "") if left else ""
        right = RE_SEASON_RIGHT.match(text, he)
        year_s = (right.group(G_SEASON_RIGHT.year) or right.group(G_SEASON_RIGHT.year2)) if right else None
        prev = self.prev_word(left.start() if left else hs)[0].lower()
        if not (mod or edge or year_s):
            if low in ("fall", "spring") or prev not in SEASON_PREPOSITIONS:
                return None  # "summer" alone needs "in", "during" ...; "fall" and "spring" more than that
        elif mod in ("the", "that") and not (edge or year_s) and low in ("fall", "spring"):
            # "the fall was due to lower prices", "the fall of Rome": only "in the fall", "by the spring" ...
            if following == "of" or prev not in SEASON_PREPOSITIONS:
                return None
        start = left.start() if left else hs
        end = right.end() if right and year_s else he
        if year_s:
            year = int(year_s) if year_s[:1].isdigit() else _year_words(year_s)
            if year is None:
                return None
            return [_Found(start, end, _season_value(code, year), "season")]
        if mod in ("each", "every"):
            return [_Found(start, end, f"XXXX-{code}", "set")]
        value = None
        if self.anchor is not None:
            tense = self.tense(start, end) if mod in ("", "the", "that") else None
            value = self.resolve_season(code, tense, mod)
        return [_Found(start, end, value, "season")]

    # ---- handlers: deictic words -------------------------------------------------

    def _deictic(self, hs: int, he: int, word: str) -> list[_Found] | None:
        text = self.text
        low = word.lower()
        anchor = self.anchor
        capital_mid = word[:1].isupper() and not word.isupper() and not self.at_sentence_start(hs)
        if low in ("today", "yesterday", "tomorrow", "tonight"):
            prev = self.prev_word(hs)[0]
            if capital_mid and (prev.lower() in ("the", "usa", "bbc", "nbc", "itv", "abc")
                                or prev.endswith(("'s", "’s"))
                                or self.next_word(he).lower() in ("programme", "program", "show", "newspaper", "presenter")):
                return None  # "USA Today", "Radio 4's Today programme"
            if text[he:he + 1] == "-":
                return None
            left = self.left(RE_DEICTIC_LEFT, hs)
            start = hs
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[low]
            if left:
                mod = " ".join(left.group(G_DEICTIC_LEFT.mod).lower().split())
                if mod in ("earlier", "later", "early", "late"):
                    start = left.start()
                elif mod == "the day before" and low == "yesterday":
                    start, offset = left.start(), -2
                elif mod == "the day after" and low == "tomorrow":
                    start, offset = left.start(), 2
            d = anchor + dt.timedelta(days=offset) if anchor else None
            right = RE_DEICTIC_RIGHT.match(text, he)
            if low == "tonight":
                return [_Found(start, he, f"{d.isoformat()}TNI" if d else None, "time", d)]
            if right and low != "tonight":
                code = PARTS_OF_DAY[right.group(G_DEICTIC_RIGHT.part).lower()]
                return [_Found(start, right.end(), f"{d.isoformat()}T{code}" if d else None, "time", d)]
            return [_Found(start, he, d.isoformat() if d else None, "day", d)]
        if low == "now":
            if text[he:he + 1] in ("-", "’", "'") and text[he:he + 2] not in ("'s", "’s"):
                return None
            prev = self.prev_word(hs)[0].lower()
            if prev == "from":
                return None
            return [_Found(hs, he, "PRESENT_REF", "ref")]
        if low in ("nowadays", "currently"):
            return [_Found(hs, he, "PRESENT_REF", "ref")]
        if low == "current":
            return None  # an adjective ("their current providers"); "the current year" is read from "year"
        if low == "recently":
            left = self.left(RE_DEICTIC_LEFT, hs)
            start = left.start() if left and left.group(G_DEICTIC_LEFT.mod).lower() in ("more", "most", "until", "only") else hs
            return [_Found(start, he, "PAST_REF", "ref")]
        if low == "future":
            left = self.left(RE_FUTURE_LEFT, hs)
            if not left or capital_mid:
                return None
            following = self.next_word(he).lower()
            if following and following not in ("is", "was", "will", "would", "and", "or", "for", "in", "as", "that",
                                                "looks", "remains", "lies", "holds", "but", "with", "to", "at", "on", "rather",
                                                "may", "might", "could", "depends", "hangs", "seems", "looked", "remained"):
                if text[he:he + 1] == " ":
                    return None
            start = left.start(G_FUTURE_LEFT.det) if left.group(G_FUTURE_LEFT.det).lower() == "the" else hs
            if left.group(G_FUTURE_LEFT.det).lower() == "in" and left.end() - left.start() > 3:
                start = left.start() + 3
            return [_Found(start, he, "FUTURE_REF", "ref")]
        if low == "past":
            left = self.left(RE_PAST_LEFT, hs)
            if not left or capital_mid:
                return None
            following = self.next_word(he).lower()
            if following and (following in UNIT_WORDS or following in ("few", "several", "couple", "many", "two", "three",
                                                                             "weekend", "night", "president", "chairman",
                                                                             "decade", "century", "quarter")
                              or parse_number(following) is not None) or RE_SPACE_DIGIT.match(text, he, he + 3) is not None:
                return None
            if following and text[he:he + 1] == " " and following not in (
                    "of", "is", "was", "has", "and", "or", "but", "as", "when", "that", "to", "in", "we", "they", "he",
                    "she", "it", "there", "with", "for", "on", "at", "by", "the", "will", "would", "decades", "years"):
                return None
            return [_Found(left.start(), he, "PAST_REF", "ref")]
        if low in ("daily", "weekly", "monthly", "annual", "annually", "yearly", "hourly"):
            if capital_mid or word.isupper():
                return None
            value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annual": "P1Y", "annually": "P1Y",
                     "yearly": "P1Y", "hourly": "PT1H"}[low]
            return [_Found(hs, he, value, "set")]
        if low in ("noon", "midnight", "midday"):
            if capital_mid:
                return None  # "Jamie Noon"
            clock = "T12:00" if low != "midnight" else "T24:00"
            return [self._clock_with_day(hs, he, clock)]
        if low in ("nineteen", "eighteen"):
            return self._year_words(hs, he, word)
        if low == "while":
            left = self.left(RE_A_WHILE, hs)
            return [_Found(left.start(G_A_WHILE.a), he, "PXX", "duration")] if left else None
        return None

    def _decade_word(self, hs: int, he: int, word: str) -> list[_Found] | None:
        """ "the nineties", "the late sixties": decades in words need "the"."""
        left = self.left(RE_DECADE_LEFT, hs)
        if not left or not left.group(G_DECADE_LEFT.the) or (word[:1].isupper() and not self.at_sentence_start(left.start())):
            return None
        return [_Found(left.start(), he, f"19{DECADE_WORDS[word.lower()]}", "decade")]

    def _year_words(self, hs: int, he: int, word: str) -> list[_Found] | None:
        m = RE_YEAR_WORD_HEAD.match(self.text, hs)
        if not m:
            return None
        year = _year_words(m.group())
        if year is None:
            return None
        following = self.next_word(m.end()).lower()
        if following in COUNT_NOUNS - {"of", "in", "and", "or", "to", "out", "more"}:
            return None
        return [_Found(hs, m.end(), f"{year:04d}", "year")]

    # ---- handlers: digits ------------------------------------------------------------

    def _digits(self, hs: int, he: int, word: str) -> list[_Found] | None:
        text = self.text
        digits = word
        n = len(digits)
        before = text[hs - 1:hs] if hs else ""
        if before in ("$", "£", "€", "#", "+", "/", ":") or (before in (".", ",") and text[hs - 2:hs - 1].isdigit()):
            return None
        if before == "-" and text[hs - 2:hs - 1].isalpha() and text[hs - 4:hs - 1].lower() != "mid":
            return None  # "COVID-19", "F-16"
        nxt = text[he:he + 1]
        # counts of units belong to the unit: "three weeks" is read from "weeks"
        if (nxt in (" ", "-", "\u00a0", ",", ".", "s", "t", "n", "r", "½", "¼", "¾", "–") and self._unit_next()
                and RE_DIGITS_BEFORE_UNIT.match(text, he)):
            return None
        if n == 4 and nxt == "-":
            m = RE_ISO_DATE.match(text, hs)
            if m:
                return self._iso(m)
        if n <= 2 and nxt in (".", "/", "-"):
            m = RE_NUMERIC_DATE.match(text, hs)
            if m:
                return self._numeric(m)
        if n == 4 and nxt == "/":
            m = RE_YMD_SLASH.match(text, hs)
            if m:
                d = _date(int(m.group(G_YMD_SLASH.y)), int(m.group(G_YMD_SLASH.m)), int(m.group(G_YMD_SLASH.d)))
                return [_Found(hs, m.end(), d.isoformat(), "day", d)] if d else None
        if n <= 2:
            m = RE_CLOCK.match(text, hs)
            if m and (m.group(G_CLOCK.ampm) or m.group(G_CLOCK.ampm2) or m.group(G_CLOCK.tz) or (m.group(G_CLOCK.m) and self._clock_context(hs))):
                return [self._clock(m)]
            m = RE_DAY_MONTH.match(text, hs)
            if m:
                return self._day_month(m)
            if nxt in ("s", "'", "’"):
                m = RE_DECADE.match(text, hs)
                if m:
                    return self._decade(m)
            return None
        if n == 4:
            m = RE_MILITARY.match(text, hs)
            if m:
                return [self._clock(m)]
            if nxt in ("s", "'", "’"):
                m = RE_DECADE.match(text, hs)
                if m:
                    return self._decade(m)
            return self._year(hs, he, int(digits))
        return None

    def _iso(self, m: regex.Match[str]) -> list[_Found] | None:
        d = _date(int(m.group(G_ISO_DATE.y)), int(m.group(G_ISO_DATE.m)), int(m.group(G_ISO_DATE.d)))
        if d is None:
            return None
        if m.group(G_ISO_DATE.h):
            z = "Z" if m.group(G_ISO_DATE.z) == "Z" else ""
            return [_Found(m.start(), m.end(), f"{d.isoformat()}T{m.group(G_ISO_DATE.h)}:{m.group(G_ISO_DATE.min)}{z}", "time", d)]
        return [_Found(m.start(), m.end(), d.isoformat(), "day", d)]

    def _numeric(self, m: regex.Match[str]) -> list[_Found] | None:
        """01.03.2022 and 01/03/2022 are day.month.year; 03/31/2022 (month first) when the day is over 12."""
        a, b, y = int(m.group(G_NUMERIC_DATE.a)), int(m.group(G_NUMERIC_DATE.b)), int(m.group(G_NUMERIC_DATE.y))
        day, month = (a, b)
        if b > 12 and a <= 12:
            day, month = b, a
        if not 1000 <= y <= 2199:
            return None
        d = _date(y, month, day)
        return [_Found(m.start(), m.end(), d.isoformat(), "day", d)] if d else None

    def _clock_context(self, hs: int) -> bool:
        return self.left(RE_CLOCK_LEFT, hs) is not None

    def _clock(self, m: regex.Match[str]) -> _Found:
        hour = int(m.group("h"))
        minute = int(m.group("m") or (m.groupdict().get("m2") or 0) or 0)
        ampm = (m.groupdict().get("ampm") or m.groupdict().get("ampm2") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        tz = m.group("tz") or ""
        zone = "Z" if tz.upper() in ("GMT", "UTC", "Z") else ""
        if hour > 24 or minute > 59:
            return _Found(m.start(), m.end(), None, "time")
        return self._clock_with_day(m.start(), m.end(), f"T{hour:02d}:{minute:02d}{zone}")

    def _clock_with_day(self, start: int, end: int, clock: str) -> _Found:
        """A clock time, joined with a day right after it: "10 p.m. Wednesday", "noon Thursday"."""
        text = self.text
        right = RE_CLOCK_DAY.match(text, end)
        day: dt.date | None = None
        if right:
            if right.group(G_CLOCK_DAY.wd) and right.group(G_CLOCK_DAY.wd)[:1].isupper():
                day = self.resolve_weekday(WEEKDAYS[right.group(G_CLOCK_DAY.wd).lower()], self.tense(start, right.end()))
                end = right.end()
            elif right.group(G_CLOCK_DAY.deictic):
                offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[right.group(G_CLOCK_DAY.deictic).lower()]
                day = self.anchor + dt.timedelta(days=offset) if self.anchor else None
                end = right.end()
            elif right.group(G_CLOCK_DAY.mon) and right.group(G_CLOCK_DAY.mon)[:1].isupper():
                month, dnum = MONTHS[right.group(G_CLOCK_DAY.mon).lower()], int(right.group(G_CLOCK_DAY.day))
                if right.group(G_CLOCK_DAY.year):
                    day = _date(int(right.group(G_CLOCK_DAY.year)), month, dnum)
                else:
                    day = self.resolve_month_day(month, dnum, self.tense(start, right.end()))
                end = right.end()
            if end == right.end():
                item = _Found(start, end, f"{day.isoformat()}{clock}" if day else None, "time", day)
                return item
        item = _Found(start, end, None, "time")
        item.pending_clock = clock
        return item

    def _day_month(self, m: regex.Match[str]) -> list[_Found] | None:
        """ "1 March 2022", "1st of March", "25 Dec." (British order)."""
        day = int(m.group(G_DAY_MONTH.day))
        mon = m.group(G_DAY_MONTH.mon).lower()
        month = MONTHS[mon]
        if not 1 <= day <= 31:
            return None
        end = m.end()
        if not m.group(G_DAY_MONTH.year):
            if mon in MONTH_ABBREVIATIONS and not m.group(G_DAY_MONTH.dot) and mon in ("mar", "jan", "jun"):
                return None
            if mon == "may" or mon == "march":
                prev = self.prev_word(m.start())[0].lower()
                if prev not in ("on", "from", "until", "till", "by", "since", "before", "after", "of", "to", "between",
                                "and", "the", "until", "dated", "until", "(", "—", "-") and not self.at_sentence_start(m.start()):
                    return None
            if m.group(G_DAY_MONTH.dot) and mon not in MONTH_ABBREVIATIONS:
                end -= 1
        elif m.group(G_DAY_MONTH.dot) and mon not in MONTH_ABBREVIATIONS:
            return None
        start = m.start()
        the = RE_TIME_BEING.match(self.text, max(0, start - 5), start)
        if the and the.end() == start and "of" in m.group():
            start = the.start()
        if m.group(G_DAY_MONTH.year):
            d = _date(int(m.group(G_DAY_MONTH.year)), month, day)
            if d is None:
                return None
            return [self._weekday_prefix(_Found(start, end, d.isoformat(), "day", d))]
        d = self.month_day_in_tense(month, day, start, end)
        if self.anchor is not None and d is None:
            return None
        return [self._weekday_prefix(_Found(start, end, d.isoformat() if d else None, "day", d))]

    def _decade(self, m: regex.Match[str]) -> list[_Found] | None:
        digits = m.group(G_DECADE.y)
        left = self.left(RE_DECADE_LEFT, m.start())
        apostrophe = self.left(RE_YEAR_APOSTROPHE, m.start()) is not None
        start = m.start() - (1 if apostrophe else 0)
        has_the = bool(left and left.group(G_DECADE_LEFT.the))
        if apostrophe:
            left = self.left(RE_DECADE_LEFT, start)
            has_the = bool(left and left.group(G_DECADE_LEFT.the))
        if left is not None and (left.group(G_DECADE_LEFT.edge) or "").lower() in ("low", "high", "upper", "lower"):
            return None  # "in the low 50s": a level, not a decade
        if len(digits) == 2:
            if not (has_the or apostrophe):
                earlier = self.found[-1] if self.found else None
                prev = self.prev_word(start)[0].lower()
                if not (earlier and earlier.grain == "decade" and prev in ("and", "or", "to") and start - earlier.end < 10):
                    return None
            century = "20" if digits in ("00", "10") else "19"
            value = century + digits[0]
        else:
            value = digits[:3]
        if left and left.start() < start:
            start = left.start()
        return [_Found(start, m.end(), value, "decade")]

    def _year(self, hs: int, he: int, year: int) -> list[_Found] | None:
        """A bare four-digit number is a year only in a year context."""
        text = self.text
        if not 1000 <= year <= 2199:
            return None
        nxt = text[he:he + 2]
        if nxt[:1] in ("%",) or (nxt[:1] in (",", ".") and nxt[1:2].isdigit()) or nxt[:1].isalpha():
            return None
        if text[he:he + 1] == "-" and not RE_YEAR_RANGE_TAIL.match(text, he):
            if not text[he + 1:he + 2].isalpha():
                return None
        start = hs
        prev, prev_start = self.prev_word(hs)
        prev_low = prev.lower().rstrip(".") if prev not in ("c.",) else prev
        if prev.endswith("-"):
            prev_low = prev_low.rstrip("-")
            if prev_low not in ("mid", "early", "late", "pre", "post"):
                return None
        following = self.next_word(he)
        ok = False
        if prev_low in ("mid", "early", "late", "fiscal", "fy"):
            start = prev_start
            ok = 1900 <= year <= 2199 or prev_low != "fy"
        elif prev_low in YEAR_PREPOSITIONS:
            ok = year >= 1800 or not following[:1].islower()
            if prev_low in ("for", "around", "as", "against", "class", "of", "from"):
                ok = 1900 <= year <= 2100 and (following.lower() not in COUNT_NOUNS or following.lower() in ("and", "to", "or"))
            if prev_low in ("after", "before", "by", "in", "of", "from") and text[he:he + 1] == " " and following.lower() in (
                    "people", "troops", "soldiers", "percent", "points", "cases", "votes", "members", "units", "shares"):
                ok = False
        elif prev_low in ("to", "and", "or", "through", "till", "–", "-") or text[hs - 1:hs] in ("-", "–"):
            earlier = self.found[-1] if self.found else None
            ok = earlier is not None and earlier.grain in ("year", "month", "day", "season") and hs - earlier.end <= 14
        elif prev_low in YEAR_DETERMINERS or prev_low.endswith(("'s", "’s")):
            ok = self._year_modifies_noun(year, he, following)
        elif prev.isalpha() and prev.islower():
            # "his unsuccessful 1996 campaign": a determiner, an adjective, the year, a noun
            prev2 = self.prev_word(prev_start)[0].lower()
            ok = (prev2 in YEAR_DETERMINERS or prev2.endswith(("'s", "’s"))) and self._year_modifies_noun(year, he, following)
        if not ok and nxt in ("'s", "’s") and 1900 <= year <= 2100:
            ok = True
        if not ok and text[hs - 1:hs] == "(" and text[he:he + 1] == ")" and 1900 <= year <= 2100:
            ok = True
        if not ok:
            return None
        return [_Found(start, he, f"{year:04d}", "year")]

    def _year_modifies_noun(self, year: int, he: int, following: str) -> bool:
        """ "the 1996 campaign", "the 2000 Olympics" -- but not "the 2000 troops", "the 1500 people"."""
        low = following.lower()
        if not (1900 <= year <= 2100 and following and self.text[he:he + 1] == " ") or low in COUNT_NOUNS:
            return False
        plural_count = following[:1].islower() and low.endswith("s") and not low.endswith(("ss", "us", "is"))
        return not plural_count or low in YEAR_PLURAL_NOUNS

    def _quarter_abbr(self, hs: int, he: int, word: str) -> list[_Found] | None:
        quarter = int(word[1])
        right = RE_Q_YEAR.match(self.text, he)
        if right:
            return [_Found(hs, right.end(), f"{right.group('y')}-Q{quarter}", "quarter")]
        left = self.left(RE_YEAR_Q, hs)
        if left:
            return [_Found(left.start(), he, f"{left.group('y')}-Q{quarter}", "quarter")]
        if self.anchor is None:
            return [_Found(hs, he, None, "quarter")]
        return [_Found(hs, he, self.resolve_quarter(quarter, self.tense(hs, he)), "quarter")]


def _lower(text: str) -> str:
    """``text`` lower-cased with every offset kept, as far as the patterns that read it can tell.

    Those patterns spell out only ASCII letters, so only ASCII letters (and
    the Kelvin sign, which lower-cases to "k") need lower-casing: any other
    letter stays a letter either way.  ``str.lower`` is slow on non-ASCII text,
    so such text is lower-cased as UTF-8 bytes.  (Where ``str.lower`` would
    lengthen the text, "İ", the Kelvin sign is left as it is.)
    """
    if text.isascii():
        return text.lower()
    lowered = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    if "\u212a" in lowered and "\u0130" not in text:
        lowered = lowered.replace("\u212a", "k")
    return lowered


def _spans(fast: re.Pattern[Any], exact: regex.Pattern[str], text: str, lo: int, hi: int,
           group: int = 0, sketch: bytes | None = None, shift: int = 0) -> list[tuple[int, int]]:
    """The spans of ``exact.finditer(text, lo, hi)``, found with ``fast``.

    ``fast`` is ``exact`` with each ``\\b`` written as an ASCII look-around
    (``(?<![A-Za-z0-9_])`` before a word, ``(?![A-Za-z0-9_])`` after one), so
    the two agree unless a character next to a match is a non-ASCII word
    character ("é", a combining mark).  From such a match on, ``exact`` decides.
    A match of ``exact`` is ``group`` of the match of ``fast``.  ``fast`` may
    read a ``sketch`` of ``text`` instead, with an offset ``shift`` into the text.
    """
    spans = []
    for m in fast.finditer(text, lo, hi) if sketch is None else fast.finditer(sketch):
        s, e = m.span(group)
        s += shift
        e += shift
        if (s and text[s - 1] >= "\x80" and RE_WORD_CHAR.match(text, s - 1)) or (
                e < hi and text[e] >= "\x80" and RE_WORD_CHAR.match(text, e)):
            spans += [x.span() for x in exact.finditer(text, s, hi)]
            break
        spans.append((s, e))
    return spans


def _heads(text: str, lowered: str) -> list[tuple[int, int]]:
    """The span of every head word (``RE_HEAD``) and digit run (``RE_HEAD_DIGITS``) in ``text``, in order.

    Head words are found with ``_FAST_HEAD`` in an ASCII sketch of the
    lower-cased text, one byte per character, where every character but a-z,
    0-9 and _ is a space: there a head word is a space and the word, which the
    standard engine finds fastest.
    """
    sketch = b" " + lowered.encode("ascii", "replace").translate(_WORD_SKETCH)
    heads = _spans(_FAST_HEAD, RE_HEAD, lowered, 0, len(lowered), 1, sketch, -1)
    digits = [m.span() for m in RE_HEAD_DIGITS.finditer(text)]
    if digits:
        heads += digits
        heads.sort()
    return heads


def _head_kind(word: str) -> str | None:
    """Which handler reads a head word; None when its case rules it out."""
    if word[:1].isdigit():
        return "digits"
    kind, case = _HEAD_KINDS.get(word.lower(), _DEICTIC)
    if word.islower():
        return kind if case == _ANY_CASE else None
    title = word[:1].isupper() and (word[1:].islower() or len(word) == 1)
    if title:
        return None if case == _UPPER else kind
    if not word.isupper():
        return None  # "tOday", "MArch"
    return None if case == _TITLE or (case == _TITLE_OR_FULL_UPPER and word.lower() in MONTH_ABBREVIATIONS) else kind


# How a head word may be written: in any case, capitalised or in capitals, only
# capitalised, only in capitals, or (months) capitalised or in capitals unless abbreviated.
_ANY_CASE, _TITLE_OR_UPPER, _TITLE, _UPPER, _TITLE_OR_FULL_UPPER = range(5)
_DEICTIC = ("deictic", _ANY_CASE)


def _head_kinds() -> dict[str, tuple[str, int]]:
    """Head word -> (handler, case rule); the first of these lists that holds the word decides."""
    kinds: dict[str, tuple[str, int]] = {}
    for words, kind, case in (
        (MONTHS, "month", _TITLE_OR_FULL_UPPER),
        ([*WEEKDAYS, *(w + "s" for w in WEEKDAYS)], "weekday", _TITLE_OR_UPPER),
        (WEEKDAY_ABBREVIATIONS, "weekday_abbr", _TITLE),
        (UNIT_WORDS, "unit", _ANY_CASE),
        ([*SEASONS, *(w + "s" for w in SEASONS)], "season", _ANY_CASE),
        (DECADE_WORDS, "decade_word", _ANY_CASE),
        (HOLIDAYS, "holiday", _TITLE_OR_UPPER),
        (("q1", "q2", "q3", "q4"), "quarter_abbr", _UPPER),
    ):
        for word in words:
            kinds.setdefault(word, (kind, case))
    return kinds


_HEAD_KINDS = _head_kinds()


def _set_year(item: _Found, year: int) -> None:
    """Give a month or a day found another year (a 29 February that year lacks stays as it was)."""
    if item.day is not None:
        try:
            item.day = item.day.replace(year=year)
        except ValueError:
            return
    item.value = f"{year:04d}" + item.value[4:] if item.value else item.value


def extract_times(text: str, anchor: dt.date | None) -> list[TimeRef]:
    """Every time expression in `text`, in order.

    Spans are [start, end) code-point offsets into text; text[s:e] == ref.text.
    Relative expressions resolve against `anchor` (the publication date); with
    anchor None their value is None (text kept) -- never resolve against today.
    """
    found = _Extractor(text, anchor).run()
    return [_time_ref(text[f.start:f.end], (f.start, f.end), f.value, f.grain) for f in found]


def _time_ref_maker() -> Callable[[str, tuple[int, int], str | None, str], TimeRef]:
    """``TimeRef``, or an equal record built a few times faster.

    ``TimeRef`` is a frozen dataclass with slots: its ``__init__`` sets each
    field through ``object.__setattr__``.  While it is just that record (these
    four fields, no ``__post_init__``), the slots are filled directly instead.
    """
    names = ("text", "span", "value", "grain")
    slots = [TimeRef.__dict__.get(name) for name in names]
    if (tuple(f.name for f in dataclasses.fields(TimeRef)) != names or hasattr(TimeRef, "__post_init__")
            or not all(isinstance(slot, types.MemberDescriptorType) for slot in slots)):
        return TimeRef
    new = object.__new__
    set_text, set_span, set_value, set_grain = (slot.__set__ for slot in slots if slot is not None)

    def make(text: str, span: tuple[int, int], value: str | None, grain: str) -> TimeRef:
        ref = new(TimeRef)
        set_text(ref, text)
        set_span(ref, span)
        set_value(ref, value)
        set_grain(ref, grain)
        return ref

    return make


_time_ref = _time_ref_maker()


def find_dateline(text: str) -> dt.date | None:
    """The publication date stated in the article itself, if any.

    Looks near the top for a front-matter or byline field ("Published:
    2026-03-10", "Date: 1 March 2022", "Published 1 March 2022", "Updated: Tue
    1 Mar 2022 10:14 GMT"), then a wire dateline with a year ("KYIV, March 1,
    2022 (Reuters) -"), then a line that is only a date.  A dateline without a
    year gives None: the year cannot be known from the text.
    """
    head = text[:3000]
    updated: dt.date | None = None
    for m in line_matches(RE_META_DATE, head):
        day = _first_full_date(m.group("value"))
        if day is None:
            continue
        if m.group("key").lower().startswith(("updated", "last")):
            updated = updated or day
            continue
        return day
    m = next(line_matches(RE_WIRE_DATELINE, head), None)
    if m:
        day = _first_full_date(m.group("date"))
        if day is not None:
            return day
    if updated is not None:
        return updated
    for n, m in enumerate(line_matches(RE_DATE_ONLY_LINE, text[:800], longest=100)):
        if n >= 8:
            break
        value = m.group("value")
        refs = [r for r in extract_times(value, None) if r.value and r.grain in ("day", "time")]
        if not refs:
            continue
        # a line that is only a date ("March 01, 2008"), or a byline with one ("By Jane Doe | 5 June 2021")
        if len(refs[0].text) >= len(value) - 12 or RE_BYLINE.match(value):
            day = _first_full_date(value)
            if day is not None:
                return day
    return None


def _first_full_date(value: str) -> dt.date | None:
    """The first fully specified calendar date in a short string."""
    for ref in extract_times(value, None):
        if ref.value and ref.grain in ("day", "time") and len(ref.value) >= 10:
            return _date(int(ref.value[:4]), int(ref.value[5:7]), int(ref.value[8:10]))
    return None
