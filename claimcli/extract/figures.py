"""Figures: every quantity a news text states, with its bounds, object and event.

``extract_figures(text)`` returns one ``Figure`` per quantity, in order of
position: counts ("352 civilians", "Two died"), money ("US$40 billion"),
percentages ("45%", "ten percent"), measures ("30 kilometres", "500km"),
fractions and shares ("two-thirds" -> 0.6667, "one in five adults" -> 0.2),
ranges ("between 200 and 300"), vague counts ("hundreds", "tens of
thousands") and ordinals used as counts ("at least the fifth head of a region
to admit ...").

How it works: two scans, merged by position, find where a number starts:
``RE_DIGITS`` over the text and ``RE_WORD_SCAN`` (number words factored as a
trie) over a lower-case copy of it.  Everything else is decided by short
*anchored* matches around that spot, each bounded to ``_WINDOW`` characters:
``RE_LEFT`` (a right-to-left match) reads the qualifier, determiner and
currency before the number; ``RE_GLUE``, ``RE_DIGIT_TAIL`` and ``RE_WORD_TAIL``
read what follows it (a time, a date, a scale, a currency word, a percent sign,
a unit); the noun phrase after that is what is counted.  Once every figure is
known, ``_relate`` links parts to wholes, reads events from each clause and
lets elliptical counts inherit their object.  Only the scans run over the whole
text, and no pattern can backtrack over long runs of digits, commas or words.

Speed (the extractor runs on every article): most numbers need few of these
patterns, so each is tried only where a cheap test says it can match -- the
next or previous word (read once per position and cached), a character, or a
*hint*: a superset pattern in the standard ``re`` engine (faster per call than
``regex``), searched in the lower-case copy, that finds every place the exact
pattern could match (``RE_EVENT_HINT``, ``RE_CLAUSE_MARK``, ``RE_WORD_MORE``).
The exact ``regex`` pattern then decides, so results do not depend on the tests;
where ``regex`` and ``re`` read a character differently (non-ASCII word
characters, case folding of "ſ", "İ" and "K"), the tests hand over to ``regex``.

Not figures: years, dates, times of day, numbers inside names and titles
("Boeing 747", "Section 230", "COVID-19", "the Big Three"; a number used as a
name once in an article is a name throughout it), reference numbers and ranks
("No. 1", "page 5", "the top 10"), list numbering, phone numbers, versions,
sports scores, durations ("four-day-old", "two years": time expressions) and
the idioms "one of the", "no one", "the first time".  A bare "one" before a
noun ("one analyst said") is kept only when an event backs it up ("one man
died"); "at least one soldier" always counts.

Conventions (the contract is ../DESIGN.md, FIGURE record):

* ``exact``: low = high = value.  ``at_least``/``more_than``: low = value,
  high null.  ``at_most``/``less_than``: high = value, low null.  ``about``:
  value kept, bounds null.
* ``range``: value is **null** (the text states no single number, and the gold
  data does the same), low and high are the two ends ("between 12 and 20
  million": both ends scaled).
* Vague counts ("hundreds", "dozens of", "tens of thousands", "several
  hundred"): value null, qualifier ``at_least`` with the smallest number the
  words can mean (hundreds -> 200), high null.
* Fractions and shares are rounded to 4 places (two-thirds -> 0.6667).
* ``object`` is the counted noun phrase as written ("Russian troops"); the
  canonical unit for measures ("km", "tonnes", "%"; see ``MEASURE_UNITS``);
  the currency symbol for money ("$", "£", "€"; "US$"/"USD"/"dollars" -> "$");
  "age" for ages ("aged 55", "Hamm, 32,").  Elliptical counts inherit it:
  "4,300 jobs in France, 3,700 in Germany", "killed 102 and 21 people",
  "losses among the natives of X. Two died, six more ...".
* ``event`` is one canonical name from ``EVENTS`` (injured/hurt -> "wounded"),
  read from a verb right before the figure ("killed 102"), a toll ("the death
  toll has risen to 21") or the figure's own clause ("352 civilians, including
  14 children, had been killed"); null when none or when negated.
* ``part_of`` points a part at its whole: "including", "among them", "of
  whom", or a count in brackets right after a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from ..models import Figure, Qualifier
from .numbers import ORDINALS, SCALES, TENS, UNITS, words_to_number
from .patterns import BLANK, RE_WORD_CHAR
from .patterns import trie as _trie

# ==========================================================================
# Lexicons (data only)

#: Words before a number that turn it into a bound.  Longest forms first is
#: not needed here: the pattern built from these keys sorts them by length.
QUALIFIERS: dict[str, Qualifier] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
    "at a minimum": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "in excess of": "more_than", "above": "more_than", "greater than": "more_than", "exceeding": "more_than",
    "just over": "more_than", "well over": "more_than", "well above": "more_than", "just above": "more_than",
    "well in excess of": "more_than", "better than": "more_than", "north of": "more_than",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most", "as many as": "at_most", "as much as": "at_most", "as high as": "at_most",
    "fewer than": "less_than", "under": "less_than", "less than": "less_than", "below": "less_than",
    "just under": "less_than", "just below": "less_than", "well under": "less_than", "well below": "less_than",
    "about": "about", "around": "about", "some": "about", "roughly": "about", "nearly": "about",
    "almost": "about", "approximately": "about", "an estimated": "about", "estimated": "about",
    "close to": "about", "approx.": "about", "circa": "about", "just about": "about", "more or less": "about",
    "an approximate": "about", "somewhere around": "about", "around about": "about", "some estimated": "about",
}

#: Words right after a number that turn it into a bound: "300 or more", "300-odd".
RIGHT_QUALIFIERS: dict[str, Qualifier] = {
    "or more": "at_least", "or over": "at_least", "plus": "at_least", "+": "at_least",
    "or so": "about", "odd": "about", "or fewer": "at_most", "or less": "at_most",
}

#: Currency marks before a number -> the symbol used as the figure's object.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "$", "US$": "$", "USD$": "$", "USD": "$", "US $": "$", "£": "£", "GB£": "£", "GB £": "£",
    "GBP": "£", "€": "€", "EUR": "€", "¥": "¥", "JPY": "¥", "₹": "₹", "INR": "₹", "Rs": "₹",
    "Rs.": "₹", "₽": "₽", "RUB": "₽", "₴": "₴", "UAH": "₴", "AU$": "AU$", "A$": "AU$", "AUD": "AU$",
    "C$": "C$", "CA$": "C$", "CAD": "C$", "NZ$": "NZ$", "HK$": "HK$", "S$": "S$", "CHF": "CHF",
    "RMB": "¥", "CNY": "¥", "R$": "R$",
    # HTML entities left in scraped text
    "&#163;": "£", "&pound;": "£", "&#8364;": "€", "&euro;": "€", "&#36;": "$",
}

#: Currency words after a number -> symbol.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "$", "dollars": "$", "us dollars": "$", "australian dollars": "AU$", "canadian dollars": "C$",
    "hong kong dollars": "HK$", "new zealand dollars": "NZ$", "singapore dollars": "S$", "indian rupees": "₹", "euro": "€", "euros": "€", "pounds sterling": "£",
    "sterling": "£", "yen": "¥", "yuan": "¥", "renminbi": "¥", "rupee": "₹", "rupees": "₹",
    "rouble": "₽", "roubles": "₽", "ruble": "₽", "rubles": "₽", "hryvnia": "₴", "hryvnias": "₴",
    "francs": "CHF", "swiss francs": "CHF", "kronor": "SEK", "krona": "SEK", "kroner": "DKK",
    "pesos": "pesos", "rand": "ZAR", "shekels": "ILS", "baht": "THB", "ringgit": "MYR", "lira": "TRY",
    "naira": "NGN", "dirhams": "AED", "riyals": "SAR", "dinars": "dinars", "zloty": "PLN",
    "rupiah": "IDR", "reais": "R$", "pence": "p", "cents": "¢",
    "franc": "CHF", "swiss franc": "CHF",  # "a 600 mln franc bond": the word before a noun is singular
    # newswire abbreviations
    "dlrs": "$", "dlr": "$", "cts": "¢", "stg": "£",
    "australian dlrs": "AU$", "australian dlr": "AU$", "canadian dlrs": "C$", "canadian dlr": "C$",
    "hong kong dlrs": "HK$", "hong kong dlr": "HK$", "singapore dlrs": "S$", "singapore dlr": "S$",
    "new zealand dlrs": "NZ$", "new zealand dlr": "NZ$", "n.z. dlrs": "NZ$", "n.z. dlr": "NZ$",
    "australian dollar": "AU$", "canadian dollar": "C$", "hong kong dollar": "HK$", "new zealand dollar": "NZ$",
}

#: Units of measure (as written, lower case) -> canonical unit used as object.
MEASURE_UNITS: dict[str, str] = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m", "cm": "cm", "centimetres": "cm",
    "centimeters": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
    "mile": "miles", "miles": "miles", "nautical mile": "nautical miles", "nautical miles": "nautical miles",
    "foot": "feet", "feet": "feet", "ft": "feet", "inch": "inches", "inches": "inches", "yards": "yards",
    "km/h": "km/h", "kph": "km/h", "mph": "mph", "knots": "knots",
    "sq km": "km2", "square kilometres": "km2", "square kilometers": "km2", "km2": "km2",
    "square miles": "sq miles", "square metres": "m2", "square meters": "m2", "square feet": "sq ft",
    "hectare": "hectares", "hectares": "hectares", "acre": "acres", "acres": "acres",
    "tonne": "tonnes", "tonnes": "tonnes", "ton": "tonnes", "tons": "tonnes", "metric tons": "tonnes",
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg",
    "kilos": "kg", "grams": "g", "gram": "g", "lb": "lb", "lbs": "lb", "pounds": "pounds", "ounces": "oz",
    "litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres", "gallons": "gallons",
    "barrels": "barrels", "bpd": "barrels a day", "cubic metres": "m3", "cubic meters": "m3",
    "degrees": "degrees", "°c": "°C", "°f": "°F", "degrees celsius": "°C", "degrees fahrenheit": "°F",
    "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "megawatts": "MW", "gigawatts": "GW", "kilowatts": "kW", "volts": "V", "watts": "W",
    "gb": "GB", "mb": "MB", "tb": "TB", "kb": "KB", "mbps": "Mbps", "gbps": "Gbps", "ghz": "GHz",
    "mhz": "MHz", "megapixel": "megapixels", "megapixels": "megapixels",
    "points": "points", "point": "points", "percentage points": "percentage points",
    "percentage point": "percentage points", "basis points": "basis points", "magnitude": "magnitude",
    "calories": "calories",
}

#: Race distances in metres: "400m runners" is not 400 million runners.
RACE_DISTANCES = frozenset({60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000})

#: Units that are not read after a hyphen: "a 10-point plan" is a modifier.
NO_HYPHEN_UNITS = frozenset({"points", "percentage points", "basis points", "magnitude", "calories"})

#: Units that are only units when glued to the number ("500km", "30GB"): as
#: separate words they are too ambiguous ("5 m", "in").
GLUED_ONLY_UNITS = frozenset({"m", "g", "t"})

#: Time units: a number counting them is a duration (a TIME, not a FIGURE).
TIME_UNITS = frozenset({
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "night", "nights", "week", "weeks", "weekend", "weekends", "fortnight", "fortnights",
    "month", "months", "year", "years", "yr", "yrs", "decade", "decades", "century", "centuries",
    "millennium", "millennia", "quarter", "quarters", "season", "seasons", "semester", "semesters",
})

#: Adjectives allowed between a number and its time unit ("five trading days").
DURATION_MODIFIERS = frozenset({
    "consecutive", "straight", "successive", "trading", "working", "business", "calendar", "full",
    "whole", "long", "more", "further", "additional", "extra",
    "short", "few", "light", "school", "financial", "fiscal", "academic", "running",
})

#: Vague counts -> the smallest number they can mean (value stays null).
VAGUE_LOW: dict[str, int] = {
    "tens": 20, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
    "millions": 2_000_000, "billions": 2_000_000_000, "trillions": 2_000_000_000_000,
}
#: "several hundred", "a few thousand": the multiplier's smallest value.
VAGUE_MULTIPLIERS: dict[str, int] = {
    "several": 3, "a few": 2, "few": 2, "a couple of": 2, "a couple": 2, "many": 2,
}

#: Words before "half" that make it a period or a place: "the second half of 2004".
HALF_OF_TIME = frozenset({"first", "second", "latter", "former", "other", "back", "front", "top", "bottom",
                          "this", "that", "next", "last", "final", "opening", "northern", "southern", "eastern",
                          "western"})

#: Denominators of fractions written as words.
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

#: Video formats written like pence: "720p", "1080p".
VIDEO_LINES = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})
#: Numbers that an "a" counts: "a dozen", "a hundred", "a third".
A_NUMBER_WORDS = frozenset({"dozen", "score", "couple", *SCALES, *FRACTION_WORDS})

#: Event words near a figure -> one canonical event name.  The canonical names:
#: killed (someone killed them), died (deaths without a stated agent), wounded
#: (injured, hurt, injuries), casualties (killed or wounded, unsplit), captured,
#: missing, arrested (detained), displaced (fled, refugees), evacuated, rescued,
#: fired (missiles, shells), blocked (shut/closed down), destroyed (shot down),
#: cut (jobs), deployed, infected.
EVENTS: dict[str, str] = {
    "killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed", "slain": "killed",
    "murdered": "killed", "massacred": "killed", "executed": "killed", "shot dead": "killed",
    "died": "died", "die": "died", "dies": "died", "dead": "died", "deaths": "died", "death toll": "died", "toll": "died",
    "fatalities": "died", "perished": "died", "lost their lives": "died", "drowned": "died",
    "wounded": "wounded", "wounding": "wounded", "injured": "wounded", "injuring": "wounded",
    "injuries": "wounded", "hurt": "wounded", "wounds": "wounded", "hospitalised": "wounded",
    "hospitalized": "wounded",
    "casualties": "casualties",
    "captured": "captured", "capturing": "captured", "taken prisoner": "captured",
    "prisoners of war": "captured", "taken captive": "captured", "abducted": "captured",
    "kidnapped": "captured", "taken hostage": "captured",
    "missing": "missing", "unaccounted for": "missing",
    "arrested": "arrested", "arresting": "arrested", "arrests": "arrested", "detained": "arrested",
    "detaining": "arrested", "taken into custody": "arrested",
    "displaced": "displaced", "fled": "displaced", "refugees": "displaced", "forced to flee": "displaced",
    "homeless": "displaced",
    "evacuated": "evacuated", "evacuating": "evacuated",
    "rescued": "rescued", "rescuing": "rescued", "pulled alive": "rescued",
    "fired": "fired", "firing": "fired",
    "blocked": "blocked", "shut down": "blocked",
    "destroyed": "destroyed", "shot down": "destroyed", "downed": "destroyed",
    "cut": "cut", "cuts": "cut", "cutting": "cut", "axe": "cut", "axed": "cut", "shed": "cut",
    "slashed": "cut", "laid off": "cut", "lay off": "cut", "job losses": "cut",
    "deployed": "deployed", "infected": "infected",
}

#: Event words that are nouns or adjectives: they never govern a number the way
#: a verb does ("killed 102"), so they are not read right before a figure.
NOUN_EVENTS = frozenset({
    "missing", "dead", "deaths", "death toll", "toll", "fatalities", "casualties", "injuries", "wounds", "refugees",
    "homeless", "prisoners of war", "job losses", "unaccounted for",
})

#: Words that end a counted noun phrase (function words, auxiliaries, common
#: verbs and adverbs).  Everything else after a number is taken as the phrase.
NP_STOP = frozenset("""
a an the this that these those its their his her our my your some any each every all both many much few
several various others such no not nor more most less least own same
of in on at to from by for with without into onto over under near across after before during since until
till between among against about around per via through than as like including despite within outside
inside behind beyond toward towards upon off up down out amid along
and or but so yet while whereas if because although though when where which who whom whose what how why
whether then there here ago later earlier also still just only already now too very even ever never
again back away together respectively apiece alone
is are was were be been being am have has had having do does did will would shall should can could may
might must said says say told tell according got get gets make made makes take took taken remain
remained remains came come comes went go goes face faces fell rose fall rise rises falls rising falling
it they them he she we you i us him me one ones
""".split()) | frozenset(UNITS) | frozenset(TENS) | {"hundred", "thousand", "million", "billion", "dozen", "half"}

#: Nouns whose plural does not end in -s, so a count can end its phrase there.
IRREGULAR_PLURALS = frozenset("""
people children men women police personnel staff aircraft cattle sheep fish livestock militia
clergy offspring youth infantry crew teeth geese mice
""".split())

#: Capitalised words that can stand right before a number without making it
#: part of a name ("In 2014", "About 300", "The 352 ...").
FUNCTION_WORDS = frozenset("""
the a an about some over around nearly almost only just more than least at in of and but or all another
those these its their his her our with for by to from between under up approximately roughly estimated
since until after before on each every both fewer less exactly total even still like while as if when
where then so that this also not no yes whereas although though because during within across among
some another perhaps maybe now today yesterday this last next including against per via into onto
however meanwhile overall altogether officially reportedly
""".split())

#: Lower-case words that make the number after them a label, not a quantity.
REFERENCE_WORDS = frozenset("""
no no. number nos nos. section sections article articles chapter chapters clause paragraph para page pages
room route highway flight platform gate terminal channel category grade phase stage level round
game match version v vol volume issue item exhibit figure fig table resolution amendment bill act rule
line lane ward district zone step part book episode series season tier term code pin box unit floor
block apartment flat building row seat verse psalm track no.s
""".split())

#: Words before a 4-digit number that make it a year even before a plural noun
#: ("in 2014 elections").
YEAR_PREPOSITIONS = frozenset("""
in since by until till from of during before after through early late mid year fiscal
their its his her our
""".split())

#: Words before a bare number that make it a rank ("the top 10").
RANK_WORDS = frozenset({"top", "number", "no", "no.", "seeded", "ranked", "place", "position"})

MONTHS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Ordinals that can state a count ("the fifth head ... to admit"); "first" never
#: does (it ranks or is an idiom: "for the first time").
COUNT_ORDINALS: dict[str, int] = {k: v for k, v in ORDINALS.items() if v >= 2}

#: Nouns after "one" that make it an idiom or a time, not a count.
ONE_IDIOM_NOUNS = frozenset("""
thing things way time times day point side hand reason another other such more less kind sort
""".split())

# ==========================================================================
# Patterns


# A run of blanks inside a phrase ("at  least", "per\u00a0cent").
_BLANK = BLANK




# The number words the scans look for (lower case; RE_CAPITAL_SCAN has them capitalised).
_SCAN_WORDS = sorted({
    *UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen",
    *VAGUE_LOW, "half", "third", "thirds", "quarter", "quarters", "fifths", "tenths",
    *COUNT_ORDINALS,
})

# Where a number starts: a digit number with its separators and decimals, or a
# number word.  Digit groups are possessive/atomic, so "1,2345" or a run of a
# million digits cannot make the scan backtrack.
# Two scans, merged by position: each is a simple pattern the engine runs fast.
RE_DIGITS = regex.compile(
    r"(?>\d{1,3}(?:,\d{3})++(?!\d)|\d{1,3}(?:[\u00a0\u202f ]\d{3})++(?![\d,\w]|\.\d)|\d++)(?:\.\d++)?"
)
# Number words, found in a lower-case copy of the text by one scan with the
# standard ``re`` engine, which runs this much faster than ``regex`` runs
# ``\b(?:trie)\b``: the scan only tries the trie after a character that cannot
# be inside an ASCII word.  ``_word_starts`` then keeps the hits written in
# lower case or capitalised ("one", "One"; not "ONE") and applies the ``regex``
# meaning of \w to any non-ASCII neighbour ("éone" is no number).
RE_WORD_SCAN = re.compile(r"[^a-z0-9_](" + _trie(_SCAN_WORDS) + r")(?![a-z0-9_])")
# The same at the very start of the text.
RE_WORD_AT_START = re.compile(r"(" + _trie(_SCAN_WORDS) + r")(?![a-z0-9_])")

# 1-99 in words ("twenty-one"), and a chunk up to 999 ("two hundred and fifty").
_CORE99 = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(k for k, v in UNITS.items() if 1 <= v <= 9) + r"))?"
    r"|" + "|".join(sorted((k for k in UNITS), key=len, reverse=True)) + r")"
)
_CHUNK = _CORE99 + r"(?:[\s-]+hundred(?:\s+(?:and\s+)?" + _CORE99 + r")?)?"
# A number written in words, anchored where the scan found its first word:
# "twenty-one", "two hundred and fifty", "five million".  "and" is only read
# after "hundred"/a scale word, so "one and two" stays two numbers.
RE_WORD_NUMBER = regex.compile(
    r"(?i:" + _CHUNK + r"(?:\s+(?:thousand|million|billion|trillion|mln|bln)\b(?:\s+(?:and\s+)?" + _CHUNK
    + r"\b(?!\s+(?:thousand|million|billion)))?)*)\b"
)
# "two-thirds", "three quarters", "one fifth": a fraction after a number word.
RE_FRACTION_AFTER = regex.compile(r"(?i:[-\s](?P<den>" + _trie(FRACTION_WORDS) + r"))\b")
# "and a half": two and a half million.
RE_AND_A_HALF = regex.compile(r"(?i:\s+and\s+a\s+half)\b")

# Qualifiers as a right-to-left trie, and currency marks before a number ("US$", "GB £", "EUR ").
_QUAL = _trie(QUALIFIERS, reverse=True)
_CURRENCY = (
    r"(?:(?:\b(?:USD|US|AU|A|CA|C|NZ|HK|S|GB|R)\s?)?(?:[$£€¥₹₽₴]|&#163;|&pound;|&#8364;|&euro;|&#36;)"
    r"|\b(?:USD|EUR|GBP|JPY|INR|RUB|UAH|AUD|CAD|CHF|RMB|CNY|Rs\.?)(?=[\s\d]))"
)
# A currency mark where a second number starts ("$12 million and $20 million").
RE_CURRENCY_AT = regex.compile(_CURRENCY + r"[ \u00a0]?")
# Read backwards from the number: qualifier, determiner, currency.
RE_LEFT = regex.compile(
    r"(?r)(?:\b(?P<qual>(?i:" + _QUAL + r"))[ \t\u00a0]+)?"
    r"(?:\b(?P<det>(?i:the|all|a|an|another|only|just|exactly))[ \t\u00a0]+)?"
    r"(?P<cur>" + _CURRENCY + r"[ \t\u00a0]?)?"
)
# The word before (for names, labels, dates, ranges): read backwards.
RE_PREV_WORD = regex.compile(r"(?r)(?P<w>[^\W\d_][\w'’&.\-]*)[ \t\u00a0]+")
# Sentence start just before a position (for capitalised number words).
RE_SENTENCE_START = regex.compile(r"(?r)(?:\A|[.!?:;\n\"“”‘(\[•*–—|]|\s-)[ \t\u00a0'’‘\"“”]*")

# Units, currency words and percent, as used by the tails below.
_UNITS_RE = _trie(k for k in MEASURE_UNITS if k not in GLUED_ONLY_UNITS)
_CURWORDS_RE = _trie(CURRENCY_WORDS)
_PCT = r"(?:%|per[ \u00a0]?cent\b|percent\b|pct\b|pc\b)"
# After a digit number: scale, currency word, percent, unit.
RE_DIGIT_TAIL = regex.compile(
    r"(?P<scale>\s?(?i:million|billion|trillion|thousand|mln|bln|mn|bn)\b|(?:tn|trn|m|b|k|K|M|B|Bn|BN)\b)?"
    r"(?P<curw>\s?(?i:" + _CURWORDS_RE + r")\b|p\b)?"  # "345p": pence, glued and in lower case only
    r"(?P<pct>\s?" + _PCT + r")?"
    r"(?P<unit>(?:[ \u00a0]|-)?(?i:" + _UNITS_RE + r"|°[CF])(?![\w])|(?i:m|g|t)\b|C\b)?"
)
# After a number written in words: currency word, percent, unit.
RE_WORD_TAIL = regex.compile(
    r"(?P<curw>\s(?i:" + _CURWORDS_RE + r")\b)?"
    r"(?P<pct>\s" + _PCT + r")?"
    r"(?P<unit>[ \u00a0-](?i:" + _UNITS_RE + r")(?![\w]))?"
)
# What glues to the end of a digit number and makes it something else.
RE_GLUE = regex.compile(
    r"(?P<time>:\d\d|[ \u00a0]?(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|BST\b|EST\b|EDT\b|CET\b|CEST\b|PST\b|"
    r"ET\b|hrs\b|h\b|o['’]clock|local\s+time\b))"
    r"|(?P<date>[./-]\d{1,2}[./-]\d{2,4}(?!\d)|/\d+)"
    r"|(?P<version>(?:\.\d+)+)"
    r"|(?P<ord>(?:st|nd|rd|th)\b)"
    r"|(?P<plural>['’]?s\b)"
    r"|(?P<letters>[^\W\d_]+\d*)"
)
# A month right after a day number: "1 March", "1st of March 2022".
RE_MONTH_AFTER = regex.compile(
    r"(?:st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?(?i:" + _trie(MONTHS) + r")\b\.?(?:,?[ \u00a0]+\d{4}\b)?"
)
# A time unit right after a number (optionally after one modifier): a duration.
RE_DURATION = regex.compile(
    r"(?:-|[ \u00a0]+)(?:(?i:" + _trie(DURATION_MODIFIERS) + r")[ \u00a0]+)?"
    r"(?i:" + _trie(TIME_UNITS) + r")\b"
)
# A hyphenated compound modifier: "four-day-old", "27-year", "10-point plan".
RE_COMPOUND = regex.compile(r"-(?P<w>[^\W\d_][\w]*)")
# Range connectors after a first number: "200-300", "200 to 300", "between 200 and 300".
RE_RANGE_JOIN = regex.compile(r"(?:[ \u00a0]*(?P<dash>[-–—])[ \u00a0]*|[ \u00a0]+(?P<w>to|and|or)[ \u00a0]+)")
# Qualifiers after a number: "300 or more", "300-odd", "300-plus", "300+".
RE_RIGHT_QUAL = regex.compile(r"(?:[ \u00a0]+or[ \u00a0]+(?:more|over|so|fewer|less)\b|[- \u00a0]?(?:odd|plus)\b|\+)")
# "six more", "18 more 777s": an elliptical count.
RE_MORE = regex.compile(r"[ \u00a0]+more\b(?!\s+than\b)")
# The word right after a number and its blanks.
RE_NEXT_WORD = regex.compile(r"[ \u00a0]+([^\W\d_]+)")
# Words after a number (the counted noun phrase is read from these).
RE_WORDS_AFTER = regex.compile(r"(?:[ \u00a0]+[^\W\d_][\w'’\-]*){1,5}")
# RE_NEXT_WORD and RE_WORDS_AFTER over ASCII, in the faster ``re`` (see _next_word, _words_after).
RE_NEXT_ASCII = re.compile(r"[ \u00a0]+([A-Za-z]+)")
RE_ASCII_WORD = re.compile(r"[A-Za-z]+")
RE_BY_BEFORE = re.compile(r"(?i)\bby[ \t\u00a0]*$")
RE_ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)\b")
#: A number that names a threshold: "the 5000 mark", "the $47 a barrel mark", "the $1.3006 record level".
_THRESHOLDS = r"mark|level|barrier|threshold|milestone|ceiling|limit|target|cap|floor"
_NUMBER_THEN = r"(?:[^\s,;:]|,(?=\d))+(?:[ \u00a0]+[^\s,;:]+){0,3}?[ \u00a0]+"
RE_THRESHOLD_AFTER = re.compile(_NUMBER_THEN + rf"(?:{_THRESHOLDS})\b")
#: ... or a holding or a change: "more than a 90% share", "over a 50 pct stake", "nearly a 15 pct gain".
RE_STAKE_AFTER = re.compile(_NUMBER_THEN + rf"(?:share|stake|majority|rise|gain|increase|jump|growth|drop|fall|"
                            rf"decline|decrease|cut|{_THRESHOLDS})\b")
RE_WORDS_ASCII = re.compile(r"(?:[ \u00a0]+[A-Za-z][A-Za-z0-9_'’\-]*){1,5}")
# "of (the|its|...)" before a noun phrase: "two of the engines", "thousands of pages".
RE_OF = regex.compile(
    r"[ \u00a0]+of(?:[ \u00a0]+(?:the|its|their|his|her|our|my|your|these|those|them|all))?(?=[ \u00a0])"
)
# "one in five": a share.
RE_IN_EVERY = regex.compile(r"[ \u00a0]+in[ \u00a0]+(?:every[ \u00a0]+)?")
# Phone numbers and other digit strings that are identifiers.
RE_PHONE_REST = regex.compile(r"(?:[ \u00a0.\-]?\(?\d{2,}\)?)*")
# "555-123-4567" after its first group.
RE_US_PHONE = regex.compile(r"[-.]\d{3,4}[-.]\d{3,4}\b")
# "1." / "2)" at the start of a line: list numbering.
RE_LIST_MARK = regex.compile(r"[.)][ \t]")
# A model suffix after a number: "777-200LR", "747-8i".
RE_IDENT_TAIL = regex.compile(r"-(?:\d+[^\W\d_]|[^\W\d_]+\d)")
# A 2-4 digit tail after a year: "2014-15", "2009/10".
RE_YEAR_TAIL = regex.compile(r"[-–/]\d{2,4}\b")
# Part-of cues before a figure: "including 14 children", "of whom 14".
RE_PART_CUE = regex.compile(
    r"(?r)(?i:\b(?:including|included|incl\.|among[ \t]+(?:them|whom|those|which|these|the[ \t]+dead)|"
    r"of[ \t]+(?:whom|which|them|those|these)|mostly|mainly|chiefly|among[ \t]+them[ \t]+were))"
    r"[ \t\u00a0]*(?::[ \t]*)?"
)
# A count in brackets right after a count: "30 aircraft (24 A320s and 6 A321s)".
RE_OPEN_PAREN = regex.compile(r"(?r)[,]?[ \t]*\([ \t]*")
# Event words.  Compiled case-insensitively; only short windows are searched.
RE_EVENT = regex.compile(r"(?i)\b(?:" + _trie(EVENTS) + r")\b(?!-)(?![ \t]+up\b(?![ \t]+to\b))")  # not "fired up"
# Where RE_EVENT could match, searched in the folded copy of the text (see
# ``_fold``) from one character before the number's end: a character that is no
# letter, then an event word.  RE_EVENT starts at a word boundary, so it matches
# only where this does, one character on: a window this finds nothing in holds
# no event, and RE_EVENT can start its search after the first hit.
RE_EVENT_HINT = re.compile(r"[^a-z](?:" + _trie(EVENTS) + r")")
# An event verb right before a figure: "killed 102", "killing all 228" (read backwards).
RE_EVENT_BEFORE = regex.compile(
    r"(?r)(?i)\b(?P<ev>" + _trie(EVENTS, reverse=True) + r")[ \t\u00a0]+(?:(?:a[ \t]+total[ \t]+of|the|all|another|some)[ \t\u00a0]+)?"
)
# Where a clause ends, searching forward from a figure (for its event).
CLAUSE_BREAK_WORDS = ("but", "while", "whereas", "although", "though", "after", "before", "when", "because",
                      "as well as", "who said", "according to")
# The end of a figure's clause when searching forward for its event.
RE_CLAUSE_END = regex.compile(
    r"[.!?;](?=[\s\"”’)]|\Z)|,(?!\d)|\n|\b(?:" + _trie(CLAUSE_BREAK_WORDS) + r")\b|,[ \t]*which\b|[ \t][-–—][ \t]|—"
)
# Where RE_CLAUSE_END can match (a superset, in ``re``): its marks and a dash
# after a blank, and its words (not inside an ASCII word).
RE_CLAUSE_MARK = re.compile(r"[.!?;\n,—]|[ \t][-–—]")
RE_CLAUSE_WORD = re.compile(r"(?<![A-Za-z0-9_])" + _trie(CLAUSE_BREAK_WORDS))
# A group named with "among": "losses among the natives of the Chechen republic".
RE_AMONG = regex.compile(
    r"(?r)\bamong[ \t]+(?:the[ \t]+|its[ \t]+|our[ \t]+|their[ \t]+|his[ \t]+|her[ \t]+)?"
    r"(?P<np>[^\W\d_][\w'’\-]*(?:[ \t]+[\w'’\-]+){0,5}?)(?=[ \t]*[.,;:!?\"”])"
)
# Gap texts between two figures.
RE_COORD_GAP = regex.compile(r"[ \t\u00a0]*(?:,[ \t\u00a0]*)?(?:and|or|to|&)?[ \t\u00a0]*")
# "24 A320s and 6 A321s": the gap between two parts of one whole.
RE_SIBLING_GAP = regex.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:and|or|&)[ \t\u00a0]+")
# "4,300 jobs in France, 3,700 in Germany": a short gap inside one sentence.
RE_LIST_GAP = regex.compile(r"[^.!?;\n]{0,40}")
# "12 of their 14 games": a count, then the count it is a share of.
RE_SHARE_GAP = regex.compile(r"[ \t\n]+of[ \t\n]+(?:the|their|its|his|her|our|these|those)[ \t\n]+")
# What compares two amounts: "against", "up from", "compared with", "vs".
RE_COMPARE_GAP = regex.compile(
    r"[ \t\n,]*(?:(?:up|down|rising|falling)[ \t\n]+)?(?:against|versus|vs\.?|from|compared[ \t\n]+(?:with|to)|"
    r"to|and|or|than)[ \t\n]+(?:(?:a|an|the|about|some|nearly|around)[ \t\n]+)?")
# A number with a scale: "160.33 billion", "4.9bn", "20 mln".
RE_SCALED = regex.compile(r"\d(?:[ \u00a0]?(?i:million|billion|trillion|mln|bln|mn|bn)\b|(?:m|bn|k)\b)")
# "rose to nine on Wednesday, up from six": an earlier value of the same count.
RE_FROM_GAP = regex.compile(r"[^.!?;\n]{0,30}\b(?:up|down|rising|falling|rose|fell|increased|decreased)[ \t]+from[ \t]+")
# "the death toll in X has risen to 21": a toll noun, then a linking verb.
RE_TOLL_LINK = regex.compile(
    r"[^,;:()\"“”.!?\n]{0,80}?\b(?:risen|rose|rises|rising|climbed|climbs|reached|reaches|jumped|stands|stood|"
    r"increased|grown|grew|hit|hits|is|was|were|are|now|at|of|to|totalled|totaled|numbered)(?:[ \t]+(?:to|at))?[ \t\u00a0]+(?:(?:at[ \t]+least|nearly|"
    r"more[ \t]+than|over|about|around)[ \t]+)?"
)
# The toll noun itself, read backwards: "death toll", "the number of people killed".
RE_TOLL_BACK = regex.compile(
    r"(?r)(?i)\b(?:death[ \t]+toll|toll|(?:number[ \t]+of[ \t]+(?:[a-z]+[ \t]+)?)?(?P<ev>dead|deaths|killed|casualties|"
    r"fatalities|injured|wounded|missing|arrested|displaced|evacuated|rescued))\b"
)
# The text after the last mark RE_TOLL_LINK cannot read (read backwards).
RE_TOLL_RUN = regex.compile(r"(?r)[^,;:()\"“”.!?\n]*")
#: The words RE_TOLL_LINK can end with (before its closing blanks), as written.
_LINK_ENDS = ("risen", "rose", "rises", "rising", "climbed", "climbs", "reached", "reaches", "jumped", "stands",
              "stood", "increased", "grown", "grew", "hit", "hits", "is", "was", "were", "are", "now", "at", "of",
              "to", "totalled", "totaled", "numbered", "least", "nearly", "than", "over", "about", "around")
#: Verbs of change: after one, "X to Y" is a change and the level it reached
#: ("fell 219 mln to 19.31 billion", "rose by 80,629 to 462,802"), not a range.
CHANGE_WORDS = frozenset("""
    rose risen rise rises rising fell fallen fall falls falling increased increase increases decreased decrease
    decreases climbed climb climbs dropped drop drops declined decline declines gained gain gains jumped jump jumps
    slipped slip slips slid slide slides slumped slump slumps grew grow grows grown dipped dip dips eased ease eases
    soared soar soars surged surge surges plunged plunge plunges tumbled tumble tumbles cut cuts raised raises lowered
    lowers reduced reduces boosted boosts lifted lifts trimmed trims shed sheds lost loses added adds up down
""".split())
#: Cheap substring test before RE_TOLL_BACK runs.
_TOLL_STEMS = ("toll", "dead", "death", "kill", "casualt", "fatalit", "injur", "wound", "missing", "arrest",
               "displac", "evacu", "rescu")
# A negation before an event word: "did not die", "were never found".
RE_NEGATION_BEFORE = regex.compile(r"(?r)\b(?i:not|n[’']t|never|no[ \t]+longer)[ \t]+(?:[a-z]+[ \t]+)?")

# An ordinal that counts: "the fifth head of a Russian region to admit ...".
RE_ORDINAL_COUNT = regex.compile(
    r"[ \u00a0]+(?P<head>[^\W\d_][\w\-]*)(?:[ \u00a0]+[^\W\d_][\w'’\-]*){0,5}?[ \u00a0]+to[ \u00a0]+[a-z]{2,}"
)
# Vague counts: "hundreds", "tens of thousands", "dozens of".
RE_VAGUE = regex.compile(
    r"(?i:(?P<a>tens|hundreds|thousands|millions|billions|trillions|dozens|scores)"
    r"(?:[ \u00a0]+of[ \u00a0]+(?P<b>thousands|millions|billions))?)\b(?P<of>[ \u00a0]+of(?=[ \u00a0]))?"
)
# Before a bare scale word: "several hundred", "a few thousand" (read backwards).
RE_VAGUE_MULT = regex.compile(r"(?r)\b(?P<m>(?i:several|a[ \t]+few|few|a[ \t]+couple(?:[ \t]+of)?))[ \t\u00a0]+")
# "a hundred", "a dozen": the article, read backwards.
RE_ARTICLE_BEFORE = regex.compile(r"(?r)\b(?i:an?)[ \t\u00a0]+")
# After a number word: "two dozen", "two and a half million", "half a million", "half a percent".
RE_DOZEN_AFTER = regex.compile(r"[ \u00a0]+dozen\b")
RE_SCALE_AFTER = regex.compile(r"[ \u00a0]+(?P<w>(?i:million|billion|thousand|trillion))\b")
RE_A_AFTER = regex.compile(r"[ \u00a0]+an?[ \u00a0]+")
RE_SCALE_WORD = regex.compile(r"(?i:million|billion|thousand|dozen|hundred|trillion)\b")
RE_PCT_WORD = regex.compile(r"(?i:" + _PCT + r"|percentage point)")
# What makes "one" an idiom: "one another", "one or two", "one by one", "one day".
RE_ONE_IDIOM_AFTER = regex.compile(r"[ \u00a0]+(?:another|or|and|by|in|to|on|day|time|way)\b")
# A word read backwards (the name before "Hamm, 32,").
RE_WORD_BEFORE = regex.compile(r"(?r)[^\W\d_][\w'’.\-]*")
# "aged 55", "at the age of 84" (read backwards).
RE_AGE_BEFORE = regex.compile(r"(?r)\b(?i:aged|age[ \t]+of|ages[ \t]+of|ages|age)[ \t\u00a0]+")
# The comma or bracket that closes an aside of parts: "352 civilians, including 14 children, had ...".
RE_ASIDE_CLOSE = regex.compile(r"[ \t\u00a0]*[,)]?")
# Between a verb and the next figure, only qualifier words: "killed at least 25" (the 25 were killed).
RE_VERB_OBJECT_GAP = regex.compile(
    r"[ \t\u00a0]+(?:(?:at|least|more|than|all|a|an|total|of|some|about|around|nearly|almost|over|up|to|"
    r"another|estimated|the|as|many|roughly|approximately)[ \t\u00a0]+){0,3}"
)
# A time of day right after a number and a blank: "3 p.m.", "16 GMT".
RE_CLOCK_AFTER = regex.compile(
    r"[ \u00a0](?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|BST\b|EST\b|EDT\b|CET\b|CEST\b|PST\b|ET\b|hrs\b|h\b|"
    r"o['’]clock|local\s+time\b)"
)
# The rest of an identifier: "A330-200", "COVID-19".
RE_IDENT_REST = regex.compile(r"[\w\-]*")
# The year after "March 1": ", 2008".
RE_YEAR_AFTER_DAY = regex.compile(r",?[ \u00a0]+\d{4}\b")
# A sentence break inside a gap between two figures.
RE_SENTENCE_BREAK = regex.compile(r"[.!?;](?:\s|$)|\n")

#: How far an anchored match may look ahead.  Every forward match gets this
#: end bound: the regex module may otherwise hunt for a required literal
#: ("dozen") through the rest of a long text on every call.
_WINDOW = 96
#: Last words of what RE_LEFT can read ("at least", "the", "USD"): the reverse
#: match only runs when the word before a number is one of these.
_LEFT_LAST_WORDS = frozenset(
    {k.split()[-1] for k in QUALIFIERS} | {"the", "all", "a", "an", "another", "only", "just", "exactly"}
    | {k.lower() for k in CURRENCY_PREFIXES if k.isalpha()} | {"usd", "eur", "gbp", "rs", "rs."}
)
#: First letters of what RE_CLOCK_AFTER reads (a cheap test before it runs).
_TIME_INITIALS = frozenset("apAPGUBECEhlo")
#: The word (RE_NEXT_WORD's) that RE_CLOCK_AFTER starts with: "a.m.", "pm", "GMT", "o'clock", "local time".
_CLOCK_WORDS = frozenset({"a", "p", "am", "pm", "GMT", "UTC", "BST", "EST", "EDT", "CET", "CEST", "PST", "ET", "hrs",
                          "h", "o", "local"})
#: What RE_SENTENCE_START allows between the mark and the sentence, the marks (and a
#: dash, which needs a blank before it) and the characters that are both.
_SENTENCE_LEAD = frozenset(" \t\u00a0'’‘\"“”")
_SENTENCE_MARKS = frozenset(".!?:;\n\"“”‘([•*–—|-")
_QUOTES = frozenset("\"“”‘")
#: ASCII letters, and the ASCII characters (and "’") RE_PREV_WORD reads inside a word.
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WORD_CHARS = _LETTERS | frozenset("0123456789_'’&.-")
_BLANKS = frozenset(" \t\u00a0")
#: Every character RE_COORD_GAP can match.
_COORD_CHARS = " \t\u00a0,andort&"
_CURRENCY_MARKS = frozenset("$£€¥₹₽₴")
#: Characters after a number that can lead on to a unit, range, noun phrase or duration.
_JOINERS = frozenset(" \u00a0-–—+")
#: Last words of what RE_PART_CUE and RE_EVENT_BEFORE read: they only run after one of these.
_PART_CUE_LAST_WORDS = frozenset({"including", "included", "incl.", "them", "whom", "those", "which", "these",
                                  "dead", "mostly", "mainly", "chiefly", "were"})
_EVENT_BEFORE_LAST_WORDS = frozenset({k.split()[-1] for k in EVENTS} | {"of", "the", "all", "another", "some"})
#: RE_LEFT for each last word of a qualifier that is no determiner or currency code
#: ("least", "than", "of", "about" ...): only the qualifiers ending with that word.
#: When it is the word before a number, RE_LEFT can read nothing else (no
#: determiner or currency ends with it), and this small pattern reads the same.
_QUAL_BY_LAST: dict[str, regex.Pattern[str]] = {
    last: regex.compile(r"(?r)\b(?P<qual>(?i:" + _trie(quals, reverse=True) + r"))[ \t\u00a0]+")
    for last, quals in (
        (last, [k for k in QUALIFIERS if k.split()[-1] == last]) for last in {k.split()[-1] for k in QUALIFIERS}
    )
    if last not in {"the", "all", "a", "an", "another", "only", "just", "exactly"}
    and last not in {k.lower() for k in CURRENCY_PREFIXES if k.isalpha()} | {"usd", "eur", "gbp", "rs", "rs."}
}
#: Scale words by value.
_BASES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
                          "trillion": 10**12, "dozen": 12}
#: The first letters-only word of anything RE_DIGIT_TAIL or RE_WORD_TAIL reads after a blank
#: (a scale, a currency word, a percent word, a unit): when the word after a
#: number is none of these (in ASCII), no tail can follow it.
_TAIL_WORDS = frozenset(
    regex.match(r"[a-z]*", key.lower()).group()
    for key in ["million", "billion", "trillion", "thousand", "mln", "bln", "mn", "bn", *CURRENCY_WORDS,
                *MEASURE_UNITS, "per", "percent", "pct", "pc"]
) - {""}
# What can follow a number word and change how it is read: more number words
# ("twenty-one", "two hundred", "five million"), a fraction ("two-thirds"),
# "and a half", "dozen" or "in" (a share).  Case-insensitive in ``re``, whose
# case folding and \s cover those of ``regex``: when this does not match, none
# of RE_WORD_NUMBER's later words, RE_FRACTION_AFTER, RE_AND_A_HALF,
# RE_DOZEN_AFTER or the share can.
RE_WORD_MORE = re.compile(
    r"[-\s]+(?i:" + _trie([*(k for k, v in UNITS.items() if 1 <= v <= 9), "hundred", "thousand", "million", "billion",
                          "trillion", "mln", "bln", *FRACTION_WORDS, "and", "dozen", "in"]) + r")"
)
#: Words that end a counted noun phrase before it starts.
_NP_BREAK = NP_STOP | MONTHS | WEEKDAYS | TIME_UNITS
#: Words before a capitalised word that do not make the number after it a name.
_FUNC_OR_DATE = FUNCTION_WORDS | MONTHS | WEEKDAYS


# ==========================================================================
# Extraction


@dataclass(slots=True)
class _Fig:
    """A figure while it is being built (mutable; frozen into ``Figure`` at the end)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: Qualifier
    kind: str  # count | money | percent | measure | vague | fraction | ordinal
    object: str | None = None
    event: str | None = None
    part_of: int | None = None
    more: bool = False
    weak: bool = False  # a bare "one": kept only when an event word backs it up


@dataclass(slots=True)
class _Num:
    """A number just read: its value, where it ends, and what follows it."""

    value: Decimal
    end: int
    kind: str
    unit: str | None = None
    scale: int = 1


def _lower(text: str) -> str:
    """`text` in lower case with every offset kept ("İ" lowers to two characters, so it stays)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join([c if len(c.lower()) != 1 else c.lower() for c in text])
    return low


def _skip_blanks(text: str, pos: int, stop: int) -> int:
    """Past the spaces and no-break spaces at `pos` (up to `stop`)."""
    while pos < stop and text[pos] in " \u00a0":
        pos += 1
    return pos


def _has_stem(window: str) -> bool:
    """Whether one of _TOLL_STEMS is in this (lower-case) window."""
    return any(stem in window for stem in _TOLL_STEMS)


def _has_negation(folded: str) -> bool:
    """Whether RE_NEGATION_BEFORE can match in this (folded) window: one of its words is in it."""
    return "not" in folded or "n't" in folded or "n’t" in folded or "never" in folded or "longer" in folded


def _may_be_month(word: str) -> bool:
    """Whether RE_MONTH_AFTER can match where `word` (RE_NEXT_WORD's) follows: a month or "of"."""
    return not word.isascii() or word == "of" or word.lower() in MONTHS


def _fold(low: str) -> str:
    """A lower-case copy with "ſ" and "İ" (kept by ``_lower``) made "s" and "i", as (?i) in ``regex`` reads them."""
    if "ſ" in low or "İ" in low:
        return low.replace("ſ", "s").replace("İ", "i")
    return low


def _is_word_char(char: str) -> bool:
    """`char` is a word character as ``regex`` reads \\w (for \\b)."""
    if char.isascii():
        return char.isalnum() or char == "_"
    return RE_WORD_CHAR.match(char) is not None


def _end(pattern: regex.Pattern[str], text: str, pos: int, endpos: int | None = None) -> int:
    """Where an anchored match of `pattern` at `pos` ends (`pos` when it does not match)."""
    match = pattern.match(text, pos, pos + _WINDOW if endpos is None else endpos)
    return match.end() if match is not None else pos


def _to_value(number: Decimal | float | int) -> float | int:
    """Plain int when integral, else a float (fractions rounded to 4 places)."""
    if isinstance(number, Decimal):
        whole = int(number)
        if whole == number:
            return whole
        return float(round(number, 4)) if abs(number) < 1 else float(number)
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def _digits_value(raw: str) -> Decimal | None:
    cleaned = raw.replace(",", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


#: Scale words and suffixes after a digit number: "1.5 million", "2.3bn", "$40m".
_SCALE_VALUE: dict[str, int] = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000,
    "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}


class _Extractor:
    """One pass over one text.  Holds the text and the figures found so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.figs: list[_Fig] = []
        #: the text in lower case, one character for one, so offsets are shared
        self.low = _lower(text)
        #: the same, with the letters that ``regex`` matches to an ASCII letter
        #: case-insensitively ("ſ", "İ") made that letter: cheap case-sensitive
        #: ``re`` searches of this copy find whatever a (?i) ``regex`` pattern of
        #: ASCII words can match (and maybe more)
        self.fold = _fold(self.low)
        #: "ſ" or "İ" in the text: (?i) patterns can match words .lower() does not show
        self.exotic = self.fold is not self.low
        # digit strings used as identifiers somewhere in this text ("Boeing 737",
        # "777s", "777-200LR"): a name keeps its sense through one article
        self.idents: set[str] = set()
        self._left_cache: dict[int, tuple[int, Qualifier | None, str | None, str | None]] = {}
        self._prev_cache: dict[int, str] = {}
        self._next_cache: dict[int, str] = {}
        self._np_cache: dict[tuple[int, bool, bool], tuple[str | None, int]] = {}

    # ----------------------------------------------------------------- scan
    def run(self) -> list[_Fig]:
        pos = 0
        found = [(*match.span(), True) for match in RE_DIGITS.finditer(self.text)]
        found += self._word_starts()
        found.sort()
        for start, end, digits in found:
            if start < pos:
                continue  # inside something already read (a figure, a date, a name)
            pos = self._digits(start, end) if digits else self._word(start, end)
            if pos < end:
                pos = end
        if self.idents:
            self.figs = [f for f in self.figs if not self._is_ident(f)]
        self._relate()
        return self.figs

    def _word_starts(self) -> list[tuple[int, int, bool]]:
        """Number words: whole words, in lower case or capitalised ("one", "One")."""
        text = self.text
        n = self.n
        found = []
        first = RE_WORD_AT_START.match(self.low)
        for match in [first, *RE_WORD_SCAN.finditer(self.low)] if first else RE_WORD_SCAN.finditer(self.low):
            start, end = match.span(1)
            word = text[start:end]
            low = match.group(1)
            if word != low and word != low.capitalize():
                continue  # "ONE", "oNe"
            if start and not text[start - 1].isascii() and _is_word_char(text[start - 1]):
                continue  # "éone"
            if end < n and not text[end].isascii() and _is_word_char(text[end]):
                continue
            found.append((start, end, False))
        return found

    # ------------------------------------------------------------- helpers
    def _is_ident(self, fig: _Fig) -> bool:
        """A bare number that the same text also uses as a name ("737" after "Boeing 737").

        Only numbers of three digits or more carry over (model numbers); "Article 5"
        says nothing about "5 people" elsewhere in the article.
        """
        if fig.kind != "count" or fig.qualifier not in ("exact", "range") or fig.num_end - fig.num_start < 3:
            return False
        return self.text[fig.num_start : fig.num_end] in self.idents

    def _prev_word(self, pos: int) -> str:
        """The word just before `pos` (across blanks), or "": what RE_PREV_WORD reads.

        Read here in Python while the characters are ASCII; RE_PREV_WORD decides
        when a character it meets is not.
        """
        word = self._prev_cache.get(pos)
        if word is None:
            text = self.text
            lo = pos - 40 if pos > 40 else 0
            end = pos
            while end > lo and text[end - 1] in _BLANKS:
                end -= 1
            word = ""
            if end < pos:
                start = end
                while start > lo and text[start - 1] in _WORD_CHARS:
                    start -= 1
                if start > lo and not text[start - 1].isascii():
                    match = RE_PREV_WORD.match(text, lo, pos)
                    word = match.group(1) if match else ""
                else:
                    for at in range(start, end):  # the word starts with its first letter
                        if text[at] in _LETTERS:
                            word = text[at:end]
                            break
            self._prev_cache[pos] = word
        return word

    def _after_change(self, pos: int) -> bool:
        """Does a verb of change stand before `pos`, maybe with "by": "rose (by)"?"""
        word = self._prev_word(pos).lower()
        if word == "by":
            by = RE_BY_BEFORE.search(self.text, max(0, pos - 12), pos)
            word = self._prev_word(by.start()).lower() if by else ""
        return word in CHANGE_WORDS

    def _next_word(self, pos: int) -> str:
        """The word just after `pos` (across blanks, letters only, as written), or "": RE_NEXT_WORD's.

        RE_NEXT_ASCII reads it; RE_NEXT_WORD decides when a non-ASCII character
        follows what that read (it may be a letter).
        """
        word = self._next_cache.get(pos)
        if word is None:
            text = self.text
            stop = min(pos + _WINDOW, self.n)
            match = RE_NEXT_ASCII.match(text, pos, stop)
            end = match.end() if match is not None else _skip_blanks(text, pos, stop)
            if end < stop and not text[end].isascii():
                match = RE_NEXT_WORD.match(text, pos, pos + _WINDOW)
            word = self._next_cache[pos] = match.group(1) if match else ""
        return word

    def _words_after(self, pos: int) -> regex.Match[str] | re.Match[str] | None:
        """RE_WORDS_AFTER at `pos`: RE_WORDS_ASCII, or RE_WORDS_AFTER itself when a
        non-ASCII character could carry a word on or start one."""
        text = self.text
        stop = min(pos + _WINDOW, self.n)
        match = RE_WORDS_ASCII.match(text, pos, stop)
        end = match.end() if match is not None else pos
        if end < stop and not text[end].isascii():
            return RE_WORDS_AFTER.match(text, pos, pos + _WINDOW)
        after = _skip_blanks(text, end, stop)
        if after < stop and not text[after].isascii():
            return RE_WORDS_AFTER.match(text, pos, pos + _WINDOW)
        return match

    def _of(self, pos: int) -> regex.Match[str] | None:
        """RE_OF at `pos` ("of", "of the" ...), tried only when the next word is "of"."""
        if self._next_word(pos) != "of":
            return None
        return RE_OF.match(self.text, pos, pos + _WINDOW)

    def _sentence_initial(self, pos: int) -> bool:
        """Whether a sentence (or heading, list item, quote) starts at `pos`: RE_SENTENCE_START."""
        text = self.text
        lo = pos - 8 if pos > 8 else 0
        j = pos
        while j > lo and text[j - 1] in _SENTENCE_LEAD:
            j -= 1
        # RE_SENTENCE_START needs the text start, a mark before those blanks and
        # quotes, a dash, or one of the quotes (which can be the mark themselves)
        if j and not (j > lo and text[j - 1] in _SENTENCE_MARKS) and not any(c in _QUOTES for c in text[j:pos]):
            return False
        return RE_SENTENCE_START.match(text, lo, pos) is not None

    def _left(self, start: int) -> tuple[int, Qualifier | None, str | None, str | None]:
        """Qualifier, determiner and currency just before `start`.

        Returns (where the figure's span begins, qualifier, determiner, currency
        symbol).  The span takes in a qualifier ("at least"), a currency mark
        and "all"/"another", never a bare article.
        """
        found = self._left_cache.get(start)
        if found is None:
            prev = self.text[start - 1] if start else ""
            word = self._prev_word(start).lower() if prev in " \u00a0" else ""
            if prev in _CURRENCY_MARKS:
                found = self._read_left(start)
            elif word in _QUAL_BY_LAST:
                found = self._read_qual(start, _QUAL_BY_LAST[word])
            elif word in _LEFT_LAST_WORDS:
                found = self._read_left(start)
            else:
                found = (start, None, None, None)  # nothing a qualifier, article or currency could end with
            self._left_cache[start] = found
        return found

    def _read_qual(self, start: int, pattern: regex.Pattern[str]) -> tuple[int, Qualifier | None, None, None]:
        """``_read_left`` when the word before `start` can only end a qualifier: `pattern` (from
        _QUAL_BY_LAST) reads the qualifiers ending with that word, as RE_LEFT would."""
        match = pattern.match(self.text, max(0, start - 40), start)
        if match is None:
            return start, None, None, None
        qual = QUALIFIERS.get(" ".join(match.group("qual").lower().split()))
        return (match.start("qual") if qual else start), qual, None, None

    def _read_left(self, start: int) -> tuple[int, Qualifier | None, str | None, str | None]:
        match = RE_LEFT.match(self.text, max(0, start - 40), start)
        if match is None or match.start() == start:
            return start, None, None, None
        qual = QUALIFIERS.get(" ".join(match.group("qual").lower().split())) if match.group("qual") else None
        det = match.group("det").lower() if match.group("det") else None
        if qual and det in ("the", "a", "an") and not self._takes_article(start, det):
            # "more than the 862 mln spent in 1986", "talked about the 300 people",
            # "a crisis over a five billion shortfall": a comparison or a
            # preposition before a noun phrase, not a bound (but "more than a
            # dozen", "at least the fifth head of a region").
            qual = None
        cur = match.group("cur")
        symbol = CURRENCY_PREFIXES.get(" ".join(cur.split()).replace(" ", "")) if cur else None
        if cur and symbol is None:
            symbol = CURRENCY_PREFIXES.get(cur.strip()[-1], cur.strip())
        if qual:
            begin = match.start("qual")
        elif det in ("all", "another"):
            begin = match.start("det")
        elif cur:
            begin = match.start("cur")
        else:
            begin = start
        return begin, qual, det, symbol

    def _takes_article(self, pos: int, article: str) -> bool:
        """Does the number at `pos` take the article before it as part of itself:
        "a dozen", "a hundred", "a third"; "the fifth", "the 5th"; or name a
        threshold or a holding that a qualifier bounds: "above the $50 mark",
        "more than a 90% share"?"""
        match = RE_ASCII_WORD.match(self.text, pos, pos + _WINDOW)
        if article == "the":
            return match is not None and match.group().lower() in ORDINALS or bool(
                RE_ORDINAL_DIGITS.match(self.text, pos, pos + _WINDOW)
                or RE_THRESHOLD_AFTER.match(self.text, pos, pos + _WINDOW))
        return match is not None and match.group().lower() in A_NUMBER_WORDS or bool(
            RE_STAKE_AFTER.match(self.text, pos, pos + _WINDOW))

    def _label_noun(self, pos: int) -> bool:
        """A singular noun right after a 3-digit number: "737 airliner", "500 index" (a model or index name)."""
        match = RE_WORDS_AFTER.match(self.text, pos, pos + _WINDOW)
        if match is None or self._noun_phrase(pos, 2)[0] is not None:
            return False
        token = match.group().split()[0]
        low = token.lower()
        return not (low in NP_STOP or low in EVENTS or low in MONTHS or low in WEEKDAYS or low in TIME_UNITS
                    or low in ("last", "next")  # "was 766 last week"
                    or low.endswith(("ed", "ly", "ing")) or _is_plural(token))

    def _noun_phrase(self, pos: int, value: float | int | None, *, first: bool = False) -> tuple[str | None, int]:
        """The counted noun phrase starting at `pos` (after the number) and its end.

        The phrase ends at its last plural noun ("10,500 firearms offences"), or at
        the first with ``first`` (a share: "one in five adults smokes").
        """
        key = (pos, value == 1, first)
        if key not in self._np_cache:
            self._np_cache[key] = self._read_noun_phrase(pos, value, first)
        return self._np_cache[key]

    def _read_noun_phrase(self, pos: int, value: float | int | None, first: bool) -> tuple[str | None, int]:
        text = self.text
        if pos >= self.n or text[pos] not in " \u00a0":
            return None, pos  # RE_WORDS_AFTER starts with a blank
        # the common "13 were", "57 and 85": when the first word (RE_NEXT_WORD's) is
        # the whole first token and ends the phrase, there is no phrase
        word = self._next_word(pos)
        if word:
            after = _skip_blanks(text, pos, self.n) + len(word)
            char = text[after] if after < self.n and after < pos + _WINDOW else " "
            if char.isascii() and not (char.isalnum() or char in "_'-"):
                low = word.lower()
                if low in _NP_BREAK or (low.endswith("ly") and len(low) > 4 and low not in ("family", "ally", "assembly")):
                    return None, pos
        match = self._words_after(pos)
        if match is None:
            return None, pos
        tokens = match.group().split()
        kept = 0  # the phrase is always the first `kept` tokens
        plural_seen = False
        for i, token in enumerate(tokens):
            low = token.lower().strip("'’-")
            if low in _NP_BREAK:
                break
            if low.endswith("ly") and len(low) > 4 and low not in ("family", "ally", "assembly"):
                break
            if low in NOUN_EVENTS and _is_plural(token):
                kept = i + 1  # "70 gun crime deaths": an event noun ends the phrase
                break
            if low in EVENTS and not low.endswith(("ed", "ing")):
                break
            if low.endswith(("ed", "ing")) and low not in IRREGULAR_PLURALS:
                if plural_seen and "-" not in low:
                    break  # "five banks reported losses": past the head noun, a verb (not "Los Angeles-based")
                nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
                if not nxt or nxt in NP_STOP or nxt.endswith(("ed", "ly")) or nxt in EVENTS:
                    break
            plural_seen = plural_seen or _is_plural(token)
            kept = i + 1
            if token.endswith(("'s", "’s")):
                break
        if not kept:
            return None, pos
        head = -1
        for i in range(kept):
            if _is_plural(tokens[i]):
                head = i  # the last plural: "10,500 firearms offences", "20 police officers"
                if first:
                    break
        if head < 0:
            if value != 1 and not (kept == 1 and tokens[0].lower() in IRREGULAR_PLURALS):
                return None, pos
            head = min(kept, 3) - 1
            if value == 1 and tokens[0].lower() in ONE_IDIOM_NOUNS:
                return None, pos
        chosen = tokens[: head + 1]
        end = pos
        for token in chosen:  # only blanks lie between the tokens
            end = text.index(token, end) + len(token)
        return " ".join(chosen), end

    # --------------------------------------------------------------- digits
    def _digits(self, s: int, e: int) -> int:
        """A digit number at [s, e): decide what it is, record it if it is a figure, return where to go on."""
        text = self.text
        prev = text[s - 1] if s else " "
        # Glued on the left: A380, G7, COVID-19, 737-800, '90s, 24/7, +44 ...
        if prev.isalpha() or prev == "_":
            return self._skip_glued(e)
        if prev in "-–":
            if s >= 2 and text[s - 2].isalnum():
                return self._skip_glued(e)
        elif prev in "/:#'’.\\":
            return self._skip_glued(e)
        elif prev == "+" and not text.startswith(("%", "."), e) and "." not in text[s:e]:
            return _end(RE_PHONE_REST, text, e)  # +44 20 ...
        elif prev == "(" and e - s >= 3 and text.startswith(")", e):
            return _end(RE_PHONE_REST, text, e)  # (555) 123
        raw = text[s:e]
        if e - s > 24:
            return e  # a run of digits this long is an identifier or noise, not a quantity
        # A leading zero: phone numbers, times ("0800"), codes.
        if len(raw) >= 2 and raw[0] == "0" and raw[1].isdigit():
            return _end(RE_PHONE_REST, text, e)
        nxt = text[e] if e < self.n else " "
        if nxt.isalpha() or nxt in ":/.-'’":
            # after punctuation RE_GLUE and RE_US_PHONE need a digit next ("16:08", "1.2.3",
            # "555-1234"), or an "s" after an apostrophe ("1990's")
            after = text[e + 1 : e + 2]
            glued = nxt.isalpha() or (after == "s" if nxt in "'’" else after.isdigit())
            glue = RE_GLUE.match(text, e, e + _WINDOW) if glued else None
            if glue is not None:
                kind = glue.lastgroup
                if kind in ("time", "date", "version"):
                    return glue.end()
                if kind == "plural":
                    if len(raw) != 4:
                        self.idents.add(raw)  # "777s"
                    return glue.end()
                if kind == "ord":
                    return self._ordinal_digits(s, glue.end(), raw)
                if kind == "letters" and (not _unit_or_scale(glue.group())
                                          or glue.group() == "p" and raw in VIDEO_LINES):
                    return glue.end()  # "Boeing 737s", "1080p" (a video format, not pence)
            if nxt in "-." and glued:
                phone = RE_US_PHONE.match(text, e, e + _WINDOW)
                if phone is not None:
                    return phone.end()
        elif nxt in " \u00a0" and e + 1 < self.n and text[e + 1] in _TIME_INITIALS \
                and self._next_word(e) in _CLOCK_WORDS:
            clock = RE_CLOCK_AFTER.match(text, e, e + _WINDOW)
            if clock is not None:
                return clock.end()  # "3 p.m.", "16:08 UTC"
        plain = raw.isdigit()
        prev_word = self._prev_word(s)
        if plain:
            if len(raw) <= 2:
                # Dates with a month name on either side; list numbering.
                if prev_word.lower().rstrip(".") in MONTHS:
                    return self._skip_year_after(e)
                if nxt in "snrt" or (nxt in " \u00a0" and _may_be_month(self._next_word(e))):
                    month = RE_MONTH_AFTER.match(text, e, e + _WINDOW)
                    if month is not None:
                        return month.end()
                if (s == 0 or prev == "\n") and RE_LIST_MARK.match(text, e, e + _WINDOW):
                    return e + 1
            elif len(raw) == 4 and "1000" <= raw <= "2100" and prev not in _CURRENCY_MARKS and nxt != "%":
                # A year, unless a plural noun follows ("1684 people"): decided in _quantity
                if nxt not in " \u00a0" or prev_word.lower() in YEAR_PREPOSITIONS:
                    return self._skip_year(e)
        value = _digits_value(raw)
        if value is None:
            return e
        sign = prev if prev in "-−+" and (s < 2 or not text[s - 2].isalnum()) else ""
        return self._quantity(s, e, value, digits=True, sign=sign, prev_word=prev_word)

    def _skip_year(self, e: int) -> int:
        """Past the 2-4 digit tail of a year ending at `e` ("2014-15", "2009/10"), if any."""
        text = self.text
        if text[e : e + 1] in ("-", "–", "/") and text[e + 1 : e + 2].isdigit():
            tail = RE_YEAR_TAIL.match(text, e, e + _WINDOW)
            if tail is not None:
                return tail.end()
        return e

    def _skip_compound(self, e: int) -> int:
        comp = RE_COMPOUND.match(self.text, e, e + _WINDOW)
        return comp.end() if comp is not None else e

    def _skip_glued(self, e: int) -> int:
        """Skip the rest of an identifier such as A330-200 or COVID-19."""
        return _end(RE_IDENT_REST, self.text, e)

    def _skip_year_after(self, e: int) -> int:
        match = RE_YEAR_AFTER_DAY.match(self.text, e, e + _WINDOW)
        return match.end() if match else e

    # ------------------------------------------------------------ quantity
    def _quantity(self, s: int, e: int, value: Decimal, *, digits: bool, sign: str = "",
                  prev_word: str = "", lead: int | None = None) -> int:
        """Read what surrounds the number at [s, e) and record a figure."""
        text = self.text
        if sign:
            value = -value if sign in "-−" else value
            s -= 1
        begin, qual, det, currency = self._left(s)
        nxt = text[e] if e < self.n else ""
        tail = None
        if nxt in " \u00a0" and nxt:
            # a tail after a blank starts with one of _TAIL_WORDS, "%" or "°"
            word = self._next_word(e)
            if not word or not word.isascii() or word.lower() in _TAIL_WORDS:
                tail = (RE_DIGIT_TAIL if digits else RE_WORD_TAIL).match(text, e, e + _WINDOW)
        elif nxt and (nxt in "\n-%°" or nxt.isalpha()):
            tail = (RE_DIGIT_TAIL if digits else RE_WORD_TAIL).match(text, e, e + _WINDOW)
        end = e
        scale_word = None
        unit = None
        kind = "count"
        pct = False
        if tail is not None and tail.end() > e:
            if tail.group("scale") if digits else None:
                scale_word = tail.group("scale").strip().lower()
            if tail.group("curw"):
                currency = currency or _currency_word(tail.group("curw"))
            if tail.group("pct"):
                pct = True
            if tail.group("unit"):
                written = tail.group("unit")
                unit = MEASURE_UNITS.get(" ".join(written.strip(" -\u00a0").lower().split()))
                if written == "C":
                    unit = "°C"  # "40C"
                if written.startswith("-") and unit in NO_HYPHEN_UNITS:
                    return self._skip_compound(end)  # "a 10-point plan": a modifier, not a measure
            end = tail.end()
        # "m" glued to a number: million for money or before a plural count, else metres.
        if scale_word == "m" and currency is None and unit is None and not pct:
            phrase, _ = self._noun_phrase(end, 2)
            if phrase is None or value in RACE_DISTANCES:
                scale_word, unit = None, "m"
        if scale_word:
            value = value * _SCALE_VALUE[scale_word]
        if pct:
            kind, unit = "percent", "%"
        elif currency:
            kind = "money"
        elif unit:
            kind = "measure"
        # Years: a bare 4-digit integer that counts nothing.
        raw = text[s + 1 : e] if sign else text[s:e]
        plain_int = digits and raw.isdigit()
        if plain_int and len(raw) == 4 and 1000 <= int(raw) <= 2100 and kind == "count" and not scale_word:
            if qual is None or det == "the":
                phrase, _ = self._noun_phrase(end, 2)
                low_prev = prev_word.lower().rstrip(".")
                if phrase is None or low_prev in YEAR_PREPOSITIONS or low_prev == "the" or low_prev in MONTHS \
                        or phrase[0].isupper():
                    return self._skip_year(e)
        after = text[end] if end < self.n else ""
        if after not in _JOINERS:
            # nothing but punctuation follows: no unit, range, noun phrase or duration to read
            if kind == "count" and not scale_word and qual is None and currency is None and begin == s \
                    and digits and self._is_label(raw, prev_word, s, end):
                return end
            bare_obj = currency if kind == "money" else unit
            if kind == "count" and self._is_age(s, begin, end, value):
                bare_obj = "age"
            self._add(lead if lead is not None else begin, end, s, e, value, None, qual, kind, bare_obj)
            return end
        # The next word decides which of the readings below can apply at all.
        nw = self._next_word(end).lower()
        dash = after in "-–—"
        # Labels: "Section 230", "Boeing 747", "No. 1", "page 5".
        if kind == "count" and not scale_word and qual is None and currency is None and begin == s:
            if digits and self._is_label(raw, prev_word, s, end):
                return self._skip_glued(end)
        # Durations are time expressions, not figures.
        if kind == "count" and not scale_word and (dash or nw in TIME_UNITS or nw in DURATION_MODIFIERS):
            duration = RE_DURATION.match(text, end, end + _WINDOW)
            if duration is not None:
                return duration.end()
        # Hyphenated compound modifiers: "27-year contract", "three-bedroom house";
        # "-strong" still counts ("a 5,000-strong force").
        if text.startswith("-", end) and kind in ("count",):
            comp = RE_COMPOUND.match(text, end, end + _WINDOW)
            if comp is not None and comp.group("w").lower() == "strong":
                force = self._noun_phrase(comp.end(), 1)[0]
                self._add(begin, comp.end(), s, e, value, None, qual, kind, force)
                return comp.end()
            if comp is not None and comp.group("w").lower() not in ("plus", "odd"):
                return comp.end()
        # Ranges: "200-300", "200 to 300", "between 200 and 300".
        high: Decimal | None = None
        join = RE_RANGE_JOIN.match(text, end, end + _WINDOW) if dash or nw in ("to", "and", "or") else None
        if join is not None:
            second = self._number_at(join.end())
            if second is not None:
                word = join.group("w")
                prev_is_between = self._prev_word(begin).lower() == "between"
                prev_is_from = self._prev_word(begin).lower() == "from"
                ok = False
                if join.group("dash"):
                    ok = True
                elif word == "and":
                    ok = prev_is_between
                elif word == "to":
                    # "200 to 300"; not "from 55 to 110", not "fell 20 to 500" or "rose by 20
                    # to 150" (a change and a level), not "219 mln to 19.31 billion"; but
                    # "rise 12 to 18 pct" is a range of change: the unit is written once
                    # with ends near each other (not "fell 15 to 140p")
                    limit = 10 * value * (1 if scale_word else second.scale)
                    if self._after_change(begin):
                        # "cut 200 to 300 jobs", "increase 12 to 18 pct": the first end bare
                        shared = not (scale_word or pct or currency or unit)
                        # the first end shares the second's scale only when it is smaller than it
                        scaled = value * second.scale if not scale_word and value * second.scale <= second.value else value
                        limit = 4 * scaled if shared else 0
                    ok = not prev_is_from and 0 < value and second.value <= limit
                elif word == "or":
                    ok = not pct and currency is None and unit is None and second.kind == "count" \
                        and second.value <= 100
                if ok:
                    low_v = value
                    if second.kind == kind or kind == "count":
                        if kind == "count" and second.kind != "count":
                            kind = second.kind
                            unit = second.unit if second.kind != "money" else unit
                            if second.kind == "money" and currency is None:
                                currency = second.unit
                            if second.kind == "percent":
                                unit = "%"
                        scaled_second = second.value
                        # "between 12 and 20 million": the first end shares the scale
                        if not scale_word and second.scale > 1 and low_v * second.scale <= scaled_second:
                            low_v = low_v * second.scale
                        if low_v < scaled_second:
                            month = RE_MONTH_AFTER.match(text, second.end, second.end + _WINDOW)
                            if month is not None and kind == "count":
                                return month.end()  # "19-20 March": dates
                            if join.group("dash") and kind == "count" and scaled_second < 100 \
                                    and not prev_is_between and qual is None \
                                    and self._noun_phrase(second.end, 2)[0] is None:
                                return second.end  # "6-3 3-6", "(8-10)": scores
                            value = low_v
                            high = scaled_second
                            end = second.end
                        elif join.group("dash") and kind == "count":
                            # "52-35", "3-1": a score or tally
                            return second.end
        # Durations after a range: "between 60 and 90 days".
        if high is not None and kind == "count":
            duration = RE_DURATION.match(text, end, end + _WINDOW)
            if duration is not None:
                return duration.end()
        # Qualifiers after the number: "300 or more", "300-odd".
        rq = None
        if high is None and (after in "-+" or nw in ("or", "odd", "plus")):
            rq = RE_RIGHT_QUAL.match(text, end, end + _WINDOW)
        if rq is not None:
            key = " ".join(rq.group().strip(" -\u00a0").split())
            right = RIGHT_QUALIFIERS.get(key)
            if key == "plus" and kind != "count" and not rq.group().startswith("-"):
                right = None  # "6.50 dlrs plus accrued interest": an addition, not a bound ("a $1m-plus deal" is one)
            if right is not None and (qual is None):
                qual = right
                end = rq.end()
        # The counted noun phrase.
        obj: str | None = None
        more = False
        if kind == "count" and high is None and value <= 100 and nw == "in":
            share = self._share(s, end, value)
            if share is not None:
                return share
        if kind == "count":
            if digits and raw.isdigit() and (len(raw) == 3 or (len(raw) == 4 and int(raw) % 100)) \
                    and qual is None and high is None and begin == s and not scale_word and self._label_noun(end):
                self.idents.add(raw)  # "their 737 narrowbody airliner"
                return end
            if self._is_age(s, begin, end, value):
                self._add(begin, end, s, e, value, high, qual, kind, "age")
                return end
            mo = RE_MORE.match(text, end, end + _WINDOW) if nw == "more" else None
            if mo is not None:
                more = True
                end = mo.end()
            fv = _to_value(value)
            phrase, np_end = self._noun_phrase(end, fv if high is None else 2)
            if phrase is not None:
                obj, end = phrase, np_end
            else:
                of = self._of(end)
                if of is not None:
                    obj, _ = self._noun_phrase(of.end(), 2)
                elif prev_word.lower() in RANK_WORDS and qual is None:
                    return end  # "the top 10", "number 13": a rank
        elif kind == "money":
            obj = currency
        else:
            obj = unit
        start = lead if lead is not None else begin
        self._add(start, end, s, e, value, high, qual, kind, obj, more)
        return end

    def _is_age(self, s: int, begin: int, end: int, value: Decimal) -> bool:
        """"aged 55", "at the age of 84", "Hamm, 32, who ...": an age, not a count of anything."""
        text = self.text
        # the cheap tests first: RE_AGE_BEFORE ends with one of these words (checked
        # as written when not ASCII); "Name, 32," needs its commas
        aged = False
        if begin and text[begin - 1] in " \t\u00a0":
            word = self._prev_word(begin)
            aged = not word.isascii() or word.lower().endswith(("age", "aged", "ages", "of"))
        commas = text[s - 2 : s] == ", " and text.startswith(",", end)
        if not (aged or commas) or value >= 125 or value != value.to_integral_value():
            return False
        if aged and RE_AGE_BEFORE.match(text, max(0, begin - 12), begin):
            return True
        if not commas:
            return False
        name = RE_WORD_BEFORE.match(text, max(0, s - 30), s - 2)
        return name is not None and name.group()[:1].isupper()

    def _is_label(self, raw: str, prev_word: str, s: int, end: int) -> bool:
        """A number that names rather than counts: "Section 230", "Boeing 747", "No. 1", "777-200LR"."""
        if "," in raw:
            return False
        low_prev = prev_word.lower()
        if low_prev in REFERENCE_WORDS or low_prev.rstrip(".") in REFERENCE_WORDS:
            return True
        text = self.text
        if prev_word and not prev_word.islower() and any(c.isupper() for c in prev_word) and low_prev not in _FUNC_OR_DATE \
                and text[s - 1] in " \u00a0":
            possessive = prev_word.endswith(("'s", "’s", "s'"))
            if not possessive or self._noun_phrase(end, 2)[0] is None:
                self.idents.add(raw)
                return True
        if text.startswith("-", end) and RE_IDENT_TAIL.match(text, end, end + _WINDOW):
            self.idents.add(raw)
            return True
        return False

    def _number_at(self, pos: int) -> _Num | None:
        """A second number (of a range) starting at `pos`, with its tail."""
        text = self.text
        cur = RE_CURRENCY_AT.match(text, pos, pos + _WINDOW)
        currency = None
        if cur is not None:
            key = " ".join(cur.group().split()).replace(" ", "")
            currency = CURRENCY_PREFIXES.get(key, CURRENCY_PREFIXES.get(key[-1:], key))
            pos = cur.end()
        match = RE_DIGITS.match(text, pos, pos + _WINDOW)
        if match is not None:
            value = _digits_value(match.group())
            if value is None:
                return None
            end = match.end()
            glue = RE_GLUE.match(text, end, end + _WINDOW)
            if glue is not None and (glue.lastgroup != "letters" or not _unit_or_scale(glue.group())):
                return None
            tail = RE_DIGIT_TAIL.match(text, end, end + _WINDOW)
        else:
            words = RE_WORD_NUMBER.match(text, pos, pos + _WINDOW)
            if words is None or words.end() == pos:
                return None
            number = _words_value(words.group())
            if number is None:
                return None
            value = Decimal(number)
            end = words.end()
            tail = RE_WORD_TAIL.match(text, end, end + _WINDOW)
        kind = "money" if currency else "count"
        unit = currency
        scale = 1
        if tail is not None and tail.end() > end:
            if tail.groupdict().get("scale"):
                scale = _SCALE_VALUE.get(tail.group("scale").strip().lower(), 1)
                value *= scale
            if tail.group("curw"):
                kind, unit = "money", _currency_word(tail.group("curw"))
            if tail.group("pct"):
                kind, unit = "percent", "%"
            elif tail.group("unit"):
                kind = "measure"
                unit = MEASURE_UNITS.get(" ".join(tail.group("unit").strip(" -\u00a0").lower().split()))
            end = tail.end()
        return _Num(value, end, kind, unit, scale)

    def _add(self, start: int, end: int, s: int, e: int, value: Decimal | None, high: Decimal | None,
             qual: Qualifier | None, kind: str, obj: str | None, more: bool = False,
             low_vague: int | None = None) -> None:
        if high is not None and value is not None:
            fig = _Fig(start, end, s, e, None, _to_value(value), _to_value(high), "range", kind, obj, None, None, more)
        elif value is None:
            fig = _Fig(start, end, s, e, None, low_vague, None, "at_least", "vague", obj, None, None, more)
        else:
            v = _to_value(value)
            q: Qualifier = qual or "exact"
            if q == "exact":
                low, hi = v, v
            elif q in ("at_least", "more_than"):
                low, hi = v, None
            elif q in ("at_most", "less_than"):
                low, hi = None, v
            else:
                low, hi = None, None
            fig = _Fig(start, end, s, e, v, low, hi, q, kind, obj, None, None, more)
        # never overlap the previous figure
        if self.figs and fig.start < self.figs[-1].end:
            fig.start = max(fig.start, self.figs[-1].end)
            if fig.start >= fig.end:
                return
        self.figs.append(fig)

    # ------------------------------------------------------------ ordinals
    def _ordinal_digits(self, s: int, e: int, raw: str) -> int:
        """'5th': a date ("5th of March"), a rank, or a count ("the 5th country to ...")."""
        if RE_MONTH_AFTER.match(self.text, s + len(raw), s + len(raw) + _WINDOW) or self._prev_word(s).lower().rstrip(".") in MONTHS:
            return e
        if not raw.isdigit() or int(raw) < 2:
            return e
        return self._ordinal_count(s, e, int(raw))

    def _ordinal_count(self, s: int, e: int, value: int) -> int:
        """An ordinal is a count only as "(at least) the Nth NOUN ... to VERB"."""
        begin, qual, det, _cur = self._left(s)
        if det != "the":
            return e
        match = RE_ORDINAL_COUNT.match(self.text, e, e + _WINDOW)
        if match is None:
            return e
        head = match.group("head")
        if head.lower() in TIME_UNITS or head.lower() in ONE_IDIOM_NOUNS or head.lower().endswith("est"):
            return e
        self._add(begin if qual else s, match.end("head"), s, e, Decimal(value), None, qual, "ordinal", head)
        return match.end("head")

    # ---------------------------------------------------------------- words
    def _word(self, s: int, e: int) -> int:
        text = self.text
        word = text[s:e]
        low = word.lower()
        capital = word[0].isupper()
        if capital and not self._sentence_initial(s):
            # "the Big Three", "Ford Five Hundred", "Formula One": a name
            return e
        if low in VAGUE_LOW:
            return self._vague(s, e, low)
        if low in COUNT_ORDINALS and low not in ("half",):
            if low in ("third", "quarter"):
                frac = self._fraction_word(s, e, low)
                if frac is not None:
                    return frac
            return self._ordinal_count(s, e, COUNT_ORDINALS[low])
        if low in ("half", "third", "quarter", "thirds", "quarters", "fifths", "tenths"):
            frac = self._fraction_word(s, e, low)
            return frac if frac is not None else e
        if low in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            return self._bare_scale(s, e, low)
        # a cardinal in words
        if RE_WORD_MORE.match(text, e, e + _WINDOW) is None:
            # the common case, "two people": one word and nothing below can follow it
            number = _SINGLE_WORDS[low]
            return self._cardinal(s, e, e, number, Decimal(number))
        match = RE_WORD_NUMBER.match(text, s, s + _WINDOW)
        if match is None or match.end() <= s:
            return e
        w_end = match.end()
        number = _words_value(match.group())
        if number is None:
            return e
        value = Decimal(number)
        # "two-thirds", "three quarters"
        fraction = RE_FRACTION_AFTER.match(text, w_end, w_end + _WINDOW)
        if fraction is not None:
            den = FRACTION_WORDS[fraction.group("den").lower()]
            singular = not fraction.group("den").lower().endswith("s")
            if (singular and number == 1) or (not singular and number > 1) or text[w_end] == "-":
                return self._fraction(s, fraction.end(), Decimal(number) / den, s)
        # "two and a half million"
        half = RE_AND_A_HALF.match(text, w_end, w_end + _WINDOW)
        if half is not None:
            value += Decimal("0.5")
            w_end = half.end()
            scale = RE_SCALE_AFTER.match(text, w_end, w_end + _WINDOW)
            if scale is not None:
                value *= _BASES[scale.group("w").lower()]
                w_end = scale.end()
        # "two dozen"
        dozen = RE_DOZEN_AFTER.match(text, w_end, w_end + _WINDOW)
        if dozen is not None:
            value *= 12
            w_end = dozen.end()
        # "two hundred" is read by RE_WORD_NUMBER; "five million" too.
        share = self._share(s, w_end, value)
        if share is not None:
            return share
        return self._cardinal(s, e, w_end, number, value)

    def _cardinal(self, s: int, e: int, w_end: int, number: int, value: Decimal) -> int:
        """A cardinal in words at [s, w_end) (its first word ends at e): a count unless an idiom or a label."""
        text = self.text
        prev_word = self._prev_word(s)
        if number == 1 and w_end == e and not self._one_is_count(s, e, prev_word):
            return e
        if w_end < self.n and text[w_end] == "-":
            comp = RE_COMPOUND.match(text, w_end, w_end + _WINDOW)
            if comp is not None and comp.group("w").lower() not in MEASURE_UNITS and comp.group("w").lower() not in ("plus", "odd"):
                return comp.end()
        if prev_word.lower().rstrip(".") in REFERENCE_WORDS:
            return w_end
        count = len(self.figs)
        end = self._quantity(s, w_end, value, digits=False, prev_word=prev_word)
        if number == 1 and len(self.figs) > count:
            fig = self.figs[-1]
            fig.weak = fig.qualifier == "exact" and fig.start == s
        return end

    def _share(self, s: int, end: int, value: Decimal) -> int | None:
        """"one in five adults", "1 in 4": a share, value = the ratio."""
        text = self.text
        if not text.startswith(" in ", end) and not text.startswith("\u00a0in", end):
            return None
        share = RE_IN_EVERY.match(text, end, end + _WINDOW)
        if share is None:
            return None
        other = self._number_at(share.end())
        if other is None or other.kind != "count" or not value < other.value <= 1000 or other.scale != 1:
            return None
        if RE_DURATION.match(text, other.end, other.end + _WINDOW):
            return None  # "5 in 10 days"
        begin, qual, _det, _cur = self._left(s)
        obj, np_end = self._noun_phrase(other.end, 2, first=True)
        stop = np_end if obj else other.end
        self._add(begin, stop, s, other.end, Decimal(str(round(value / other.value, 4))), None, qual, "fraction", obj)
        return stop

    def _one_is_count(self, s: int, e: int, prev_word: str) -> bool:
        """"one" counts after a qualifier or before a concrete noun; not "one of the", "no one"."""
        low_prev = prev_word.lower()
        qual = self._left(s)[1]
        if low_prev in ("no", "the", "this", "that", "any", "each", "every", "which", "another", "only",
                        "number", "no.", "someone", "anyone", "last", "very", "single", "other", "just"):
            return qual is not None
        if qual is not None:
            return True
        if self._of(e) or RE_ONE_IDIOM_AFTER.match(self.text, e, e + _WINDOW):
            return False
        phrase, _ = self._noun_phrase(e, 1)
        return phrase is not None

    def _fraction_word(self, s: int, e: int, low: str) -> int | None:
        """"half", "a third", "a quarter" as shares: "half of", "a third of", "half a percent"."""
        text = self.text
        begin, qual, det, _cur = self._left(s)
        den = FRACTION_WORDS[low]
        if low in ("thirds", "quarters", "fifths", "tenths"):
            return None  # only after a number word, read there
        if text.startswith("-", e):
            return None  # half-time, half-brother
        if low != "half" and det not in ("a", "one"):
            return None
        if self._prev_word(s).lower() in HALF_OF_TIME:
            return None  # "the second half of 2004": a period, not a share
        of = self._of(e)
        after_a = RE_A_AFTER.match(text, e, e + _WINDOW)
        start = begin
        if after_a is not None:
            # "half a percent", "half a million", "half a dozen"
            rest = after_a.end()
            tail = RE_SCALE_WORD.match(text, rest, rest + _WINDOW)
            if tail is not None:
                value = Decimal(_BASES[tail.group().lower()]) / den
                self._add(start, tail.end(), s, tail.end(), value, None, qual, "count", None)
                return tail.end()
            pct = RE_PCT_WORD.match(text, rest, rest + _WINDOW)
            if pct is not None:
                self._add(start, pct.end(), s, e, Decimal(1) / den, None, qual, "percent", "%")
                return pct.end()
            return None
        if of is None and qual is None:
            return None
        if low != "half" and of is None:
            return None
        obj = self._noun_phrase(of.end(), 2, first=True)[0] if of is not None else None
        return self._fraction(start, e, Decimal(1) / den, s, qual=qual, obj=obj)

    def _fraction(self, start: int, e: int, value: Decimal, s: int, qual: Qualifier | None = None,
                  obj: str | None = None) -> int:
        begin, lq, _det, _cur = self._left(start)
        qual = qual or lq
        if lq:
            start = begin
        if obj is None:
            of = self._of(e)
            if of is not None:
                obj = self._noun_phrase(of.end(), 2, first=True)[0]
        value = Decimal(str(round(float(value), 4)))
        self._add(start, e, s, e, value, None, qual, "fraction", obj)
        return e

    def _bare_scale(self, s: int, e: int, low: str) -> int:
        """"a hundred", "a dozen", "several hundred", "a few thousand"."""
        text = self.text
        left = RE_VAGUE_MULT.match(text, max(0, s - 20), s)
        if left is not None:
            mult = VAGUE_MULTIPLIERS[" ".join(left.group("m").lower().split())]
            base = _BASES[low]
            obj, end = self._noun_phrase(e, 2)
            if obj is None:
                of = self._of(e)
                if of is not None:
                    obj, np_end = self._noun_phrase(of.end(), 2)
                    end = np_end if obj else e
                else:
                    end = e
            self._add(left.start(), max(end, e), s, e, None, None, None, "vague", obj, low_vague=mult * base)
            return max(end, e)
        begin, qual, det, cur = self._left(s)
        if det not in ("a", "an"):
            return e
        value = Decimal(_BASES[low])
        article = RE_ARTICLE_BEFORE.match(text, max(0, s - 4), s)
        return self._quantity(s, e, value, digits=False, prev_word="a", lead=article.start() if article else s)

    def _vague(self, s: int, e: int, low: str) -> int:
        """"hundreds", "thousands of", "tens of thousands", "dozens"."""
        text = self.text
        match = RE_VAGUE.match(text, s, s + _WINDOW)
        if match is None:
            return e
        first = match.group("a").lower()
        second = (match.group("b") or "").lower()
        if first in ("tens", "scores") and not match.group("of") and not second:
            return e
        if self._prev_word(s).lower() in ("the", "in", "into"):  # "in the hundreds", "the thousands who"
            if not match.group("of"):
                return e
        # "tens of thousands": at least 20 x 1,000
        low_value = VAGUE_LOW[first] * ({"thousands": 1000, "millions": 10**6, "billions": 10**9}[second] if second else 1)
        end = match.end()
        obj = None
        if match.group("of"):
            obj, np_end = self._noun_phrase(match.end("of"), 2)
            end = np_end if obj else match.end("of")
        elif more := RE_MORE.match(text, end, end + _WINDOW):
            end = more.end()
        start, _qual, _det, _cur = self._left(s)
        if obj is not None and obj.lower() in CURRENCY_WORDS:
            obj = CURRENCY_WORDS[obj.lower()]
        self._add(start, end, s, match.end("a") if not second else match.end("b"), None, None, None, "vague", obj,
                  low_vague=low_value)
        return end

    # ------------------------------------------------------------ relations
    def _relate(self) -> None:
        """part_of, events and inherited objects, once every figure is known."""
        if any(fig.weak for fig in self.figs):
            # "One effect of ...", "one Bombay trader said": a determiner, unless an event backs it
            self.figs = [f for i, f in enumerate(self.figs) if not f.weak or self._event(i) is not None]
        figs = self.figs
        text = self.text
        for i, fig in enumerate(figs):
            fig.part_of = self._parent(i)
        # an event reads no object but "age", and a figure inherits an object only
        # from its neighbours: one pass does both in the same order as two
        for i, fig in enumerate(figs):
            fig.event = self._event(i)
            if fig.object is None and (fig.kind == "count" or fig.kind == "vague"):
                fig.object = self._inherit_object(i)
        # "Two of the 20 passengers died": the share is what the verb tells of
        for i in range(len(figs) - 1):
            if figs[i].part_of == i + 1 and figs[i].event is None and figs[i + 1].event:  # only a share points ahead
                figs[i].event, figs[i + 1].event = figs[i + 1].event, None
        # coordinated figures share an event: "killed 102 and 21 people"
        for i in range(1, len(figs)):
            fig = figs[i]
            if fig.event is None:
                if fig.part_of is not None and figs[fig.part_of].event:
                    fig.event = figs[fig.part_of].event
                    continue
                prev = figs[i - 1]
                if prev.event and prev.kind == fig.kind and (
                        self._coordinated(prev.end, fig.start)
                        or (text.rfind("from", prev.end, fig.start) >= 0
                            and RE_FROM_GAP.fullmatch(text, prev.end, fig.start))):
                    fig.event = prev.event

    def _coordinated(self, end: int, start: int) -> bool:
        """Only a comma, "and", "or", "to" or "&" between two figures (RE_COORD_GAP)."""
        if self.text[end:start].strip(_COORD_CHARS):
            return False  # something RE_COORD_GAP cannot read
        return RE_COORD_GAP.fullmatch(self.text, end, start) is not None

    def _parent(self, i: int) -> int | None:
        fig = self.figs[i]
        kind = fig.kind
        if self._share_of_next(i):
            return i + 1  # "12 of their 14 games"
        if (kind != "count" and kind != "vague" and kind != "money") or i == 0:
            return None
        text = self.text
        start = fig.start
        cue = None
        word = self._prev_cache.get(start)
        if word is None:
            word = self._prev_word(start)
        if word.lower() in _PART_CUE_LAST_WORDS:
            cue = RE_PART_CUE.match(text, max(0, start - 40), start)
        paren = None
        if cue is None and kind != "money" and text.find("(", max(0, start - 4), start) >= 0:
            paren = RE_OPEN_PAREN.match(text, max(0, start - 4), start)
        if cue is None and paren is None:
            # "(24 A320s and 6 A321s)": a sibling of a part shares its parent
            prev = self.figs[i - 1]
            if prev.part_of is not None and RE_SIBLING_GAP.fullmatch(text, prev.end, start):
                return prev.part_of
            return None
        limit = cue.start() if cue is not None else paren.start() if paren is not None else fig.start
        for j in range(i - 1, max(-1, i - 9), -1):
            cand = self.figs[j]
            if cand.part_of is not None:
                continue
            if cand.end > limit + 2:
                continue
            gap_text = text[cand.end : limit]
            if RE_SENTENCE_BREAK.search(gap_text):
                return None
            if paren is not None and limit - cand.end > 2:
                return None
            if cand.kind in ("count", "vague") and fig.kind in ("count", "vague"):
                return j
            if cand.kind == fig.kind == "money":
                return j
            return None
        return None

    def _event(self, i: int) -> str | None:
        """The event a count belongs to, from its clause (see EVENTS)."""
        text = self.text
        figs = self.figs
        fig = figs[i]
        kind = fig.kind
        if (kind != "count" and kind != "vague" and kind != "fraction") or fig.object == "age":
            return None  # money, percentages, measures, ages and ranks ("the fifth head") carry no event
        start = fig.start
        # 1. a verb right before: "killed 102", "killing all 228", "fired upwards of 320"
        word = self._prev_cache.get(start)
        if word is None:
            word = self._prev_word(start)
        if word.lower() in _EVENT_BEFORE_LAST_WORDS:
            before = RE_EVENT_BEFORE.match(text, max(0, start - 40), start)
            if before is not None:
                verb = " ".join(before.group("ev").lower().split())
                if verb not in NOUN_EVENTS:
                    return EVENTS[verb]
        # 1b. a toll named before: "the death toll in the valley has risen to 21", "toll climbs to 17";
        #     RE_TOLL_LINK ends with one of _LINK_ENDS and blanks (the word is "" only
        #     when the blanks run past RE_PREV_WORD's window)
        lo = start - 100 if start > 100 else 0
        window = self.low[lo:start] if word.endswith(_LINK_ENDS) or (not word and start and text[start - 1] in _BLANKS) \
            else ""
        for stem in _TOLL_STEMS:
            if stem in window:
                # RE_TOLL_LINK reads no punctuation, so a toll counts only after the
                # last mark: test the stems there again (unless "ſ" or "İ" could make
                # RE_TOLL_BACK match where the lower-case text shows no stem)
                after = RE_TOLL_RUN.match(text, lo, start).start()
                if self.exotic or after == lo or _has_stem(self.low[after:start]):
                    toll = RE_TOLL_BACK.search(text, lo, start)
                    if toll is not None and RE_TOLL_LINK.fullmatch(text, toll.end(), start):
                        return EVENTS[toll.group("ev").lower()] if toll.group("ev") else "died"
                break
        # 2. forward in the clause: "352 civilians, including 14 children, had been killed";
        #    a comma ends the clause unless it closes an aside holding this figure's parts
        num_end = fig.num_end
        resume = num_end
        limit = num_end + 80
        if limit > self.n:
            limit = self.n
        next_start = -1
        for j in range(i + 1, len(figs)):
            other = figs[j]
            if other.part_of == i:
                if other.end > resume:
                    resume = other.end
                continue
            if other.start < limit:
                limit = other.start
            next_start = other.start
            break
        hint = RE_EVENT_HINT.search(self.fold, num_end - 1 if num_end else 0, limit)
        if hint is None:
            return None  # no event word before the next figure (the clause can only end sooner)
        if resume > num_end:
            resume = _end(RE_ASIDE_CLOSE, text, resume, limit)
        limit = self._clause_end(resume, limit)
        found = self._event_word(max(num_end, hint.start() + 1), limit)
        if found is None:
            return None
        at = found.start()
        if _has_negation(self.fold[max(0, at - 16) : at]) and RE_NEGATION_BEFORE.match(text, max(0, at - 16), at):
            return None  # "the other five did not die"
        if next_start >= 0 and RE_VERB_OBJECT_GAP.fullmatch(text, found.end(), next_start):
            return None  # "a cafe that killed 25 people": the next figure is the one killed
        return EVENTS[" ".join(found.group().lower().split())]

    def _clause_end(self, pos: int, limit: int) -> int:
        """Where RE_CLAUSE_END first matches in [pos, limit), or `limit`.

        The ``regex`` search is slow over a clause; RE_CLAUSE_MARK and
        RE_CLAUSE_WORD find the places it can match (a superset; a word cannot
        hold a mark, so words are looked for before the first mark) and
        RE_CLAUSE_END is only tried there.
        """
        text = self.text
        while True:
            mark = RE_CLAUSE_MARK.search(text, pos, limit)
            stop = mark.start() if mark is not None else limit
            word = RE_CLAUSE_WORD.search(text, pos, stop)
            if word is not None:
                pos = word.start()
            elif mark is not None:
                pos = stop
            else:
                return limit
            if RE_CLAUSE_END.match(text, pos, limit) is not None:
                return pos
            pos += 1

    def _event_word(self, pos: int, limit: int) -> regex.Match[str] | None:
        """RE_EVENT's first match in [pos, limit), tried where RE_EVENT_HINT allows
        (`pos` is the first such place): the same as ``RE_EVENT.search``, faster."""
        text = self.text
        while pos < limit:
            found = RE_EVENT.match(text, pos, limit)
            if found is not None:
                return found
            hint = RE_EVENT_HINT.search(self.fold, pos, limit)
            if hint is None:
                return None
            pos = hint.start() + 1
        return None

    def _share_of_next(self, i: int) -> bool:
        """Is figure ``i`` a share of the count right after it: "12 of their 14
        games", "three of the five suspects"?"""
        figs = self.figs
        if i + 1 >= len(figs) or figs[i].object is not None:
            return False
        fig, nxt = figs[i], figs[i + 1]
        return (fig.kind == "count" and nxt.kind == "count" and fig.value is not None and nxt.value is not None
                and fig.value < nxt.value and bool(RE_SHARE_GAP.fullmatch(self.text, fig.end, nxt.start)))

    def _inherit_object(self, i: int) -> str | None:
        text = self.text
        figs = self.figs
        fig = figs[i]
        if fig.part_of == i + 1 and figs[i + 1].object:  # only a share points ahead (_parent)
            return figs[i + 1].object
        # "102 and 21 people": the object is written once, after the last number
        if i + 1 < len(figs):
            nxt = figs[i + 1]
            if nxt.kind == fig.kind and nxt.object and self._coordinated(fig.end, nxt.start):
                return nxt.object
        # "4,300 jobs in France, 3,700 in Germany"; "Two died, six more ..."
        if i > 0:
            prev = figs[i - 1]
            if prev.kind == fig.kind and prev.object and fig.start - prev.end <= 40 \
                    and RE_LIST_GAP.fullmatch(text, prev.end, fig.start) \
                    and (fig.more or "," in text[prev.end : fig.start] or " and " in text[prev.end : fig.start]):
                return prev.object
        # "175.92 billion dlrs against 160.33 billion", "£1.2bn, up from 1.1bn": a scaled
        # amount compared with one just before it counts the same thing
        if i > 0:
            prev = figs[i - 1]
            if prev.object and fig.start - prev.end <= 40 and RE_COMPARE_GAP.fullmatch(text, prev.end, fig.start) \
                    and RE_SCALED.search(text, fig.start, fig.end) and RE_SCALED.search(text, prev.start, prev.end):
                fig.kind = prev.kind  # money stays money: no count after it inherits "$"
                return prev.object
        # "losses among the natives of X. Two died": the group named with "among"
        if fig.kind == "count" and (fig.more or self._sentence_initial(fig.start)) \
                and text.find("among", max(0, fig.start - 250), fig.start) >= 0:
            among = RE_AMONG.search(text, max(0, fig.start - 250), fig.start)
            if among is not None:
                return " ".join(among.group("np").split())
        return None


#: One-word numbers, looked up without parsing.
_SINGLE_WORDS: dict[str, int] = {**UNITS, **TENS}
# Newswire scale abbreviations inside number words: "one mln".
_SCALE_NAMES = {"mln": "million", "bln": "billion"}
RE_SCALE_ABBREVIATION = regex.compile(r"\b(?:mln|bln)\b")


def _words_value(words: str) -> int | None:
    """Value of number words; one word is a dict lookup, longer runs go to numbers.words_to_number."""
    low = words.lower()
    single = _SINGLE_WORDS.get(low)
    if single is not None:
        return single
    return words_to_number(RE_SCALE_ABBREVIATION.sub(lambda m: _SCALE_NAMES[m.group().lower()], low))


def _unit_or_scale(letters: str) -> bool:
    """Letters glued to a number that keep it a quantity: "2.3bn", "500km", "30GB", "5pc", "345p"."""
    low = letters.lower()
    return low in _SCALE_VALUE or low in MEASURE_UNITS or low in ("pc", "pct") or letters in ("C", "p")


def _currency_word(written: str) -> str:
    """The symbol for a currency word after a number ("dollars", "euros"), or
    "p" for pence glued to it ("345p")."""
    return "p" if written == "p" else CURRENCY_WORDS.get(" ".join(written.lower().split()), "$")


def _is_plural(token: str) -> bool:
    low = token.lower()
    if low in IRREGULAR_PLURALS or low.endswith(("men", "people", "children")):
        return True
    if len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")):
        return True
    return False


#: Characters whose case folding differs from their lower case, mapped to the
#: letter they fold to (same length).
_FOLD_SAME_LENGTH = str.maketrans({"ſ": "s", "\u212a": "K", "\u212b": "\u00c5", "\u0130": "I", "\u0131": "i",
                                   "\ufb05": "t", "\u1e9e": "S"})

RE_FOLDS = re.compile("[" + "".join(chr(c) for c in _FOLD_SAME_LENGTH) + "]")


def extract_figures(text: str) -> list[Figure]:
    """Every quantity in `text`, in order of position.

    Spans are [start, end) code-point offsets into `text`; text[s:e] == figure.text.
    part_of is an index into the returned list.
    """
    # Letters that a case-insensitive pattern matches but .lower() does not
    # map to the lexicon's spelling ("miſsing" matches "missing") are folded
    # first, one character for one, so every offset stays valid.
    folded = text if text.isascii() or not RE_FOLDS.search(text) else text.translate(_FOLD_SAME_LENGTH)
    figs = _Extractor(folded).run()
    return [
        Figure(
            text=text[f.start : f.end],
            span=(f.start, f.end),
            value=f.value,
            low=f.low,
            high=f.high,
            qualifier=f.qualifier,
            object=f.object,
            event=f.event,
            part_of=f.part_of,
        )
        for f in figs
    ]
