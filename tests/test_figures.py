"""Figures: table tests for every number form, the non-figures, and properties.

Each row is ``(text, expected, why)``: ``expected`` lists one dict per figure,
in order, holding only the fields the row is about.  A row with ``[]`` says the
text holds no figure at all.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcli.extract.figures import extract_figures
from claimcli.models import Figure

Row = tuple[str, list[dict[str, Any]], str]

FORMS: list[Row] = [
    # ---- digits, separators, decimals, scales
    ("Officials counted 3,500 troops.", [{"text": "3,500 troops", "value": 3500, "low": 3500, "high": 3500,
                                         "qualifier": "exact", "object": "troops"}], "comma thousands"),
    ("They counted 3 500 troops.", [{"value": 3500}], "space thousands (SI style)"),
    ("1684 people had been wounded.", [{"value": 1684, "object": "people", "event": "wounded"}],
     "a 4-digit count that looks like a year but counts people"),
    ("The index fell 2.36% to 4907.20.", [{"value": 2.36, "object": "%"}, {"value": 4907.2}], "decimals"),
    ("The fund holds 1.5 million shares.", [{"value": 1_500_000, "object": "shares"}], "scale word"),
    ("Exports reached 2.3bn last year.", [{"value": 2_300_000_000}], "glued scale suffix"),
    ("The club paid $40m for him.", [{"text": "$40m", "value": 40_000_000, "object": "$"}], "money with m"),
    ("The bill was €1.2 billion.", [{"text": "€1.2 billion", "value": 1_200_000_000, "object": "€"}], "euro"),
    ("a US$40 billion (GB £20.1 billion) contract", [{"text": "US$40 billion", "object": "$"},
                                                    {"text": "GB £20.1 billion", "object": "£", "part_of": None}],
     "currency prefixes; a conversion in brackets is not a part"),
    ("It was fined 50,000 euros.", [{"value": 50_000, "object": "€"}], "currency word after the number"),
    ("It sold a 600 mln franc bond and a 100 mln Australian dlr note.",
     [{"text": "600 mln franc", "object": "CHF"}, {"text": "100 mln Australian dlr", "object": "AU$"}],
     "a currency word before a noun is singular; newswire 'dlr' with its country"),
    ("The offer is 345p a share, up from 290p.", [{"text": "345p", "value": 345, "object": "p"},
                                                 {"text": "290p", "object": "p"}], "pence glued to the number"),
    ("They had 862 million left.", [{"text": "862 million", "value": 862_000_000}],
     "a scaled number before a verb is no model number"),
    ("The index closed down -36 points.", [{"value": -36, "object": "points"}], "negative number"),
    # ---- number words
    ("Two died, six more sustained various injuries.",
     [{"text": "Two", "value": 2, "event": "died"}, {"text": "six more", "value": 6, "event": "wounded"}],
     "elliptical counts and injuries -> wounded"),
    ("The band has twenty-one members.", [{"value": 21, "object": "members"}], "hyphenated tens"),
    ("They built two hundred and fifty homes.", [{"value": 250, "object": "homes"}], "hundred and"),
    ("The minister named a dozen officials.", [{"text": "a dozen officials", "value": 12}], "a dozen"),
    ("Police detained two dozen protesters.", [{"value": 24, "event": "arrested"}], "two dozen"),
    ("He owns a hundred horses.", [{"value": 100, "object": "horses"}], "a hundred"),
    ("They sold five million copies.", [{"value": 5_000_000, "object": "copies"}], "words with scale"),
    # ---- ordinals used as counts
    ("Kadyrov became at least the fifth head of a Russian region to admit casualties.",
     [{"text": "at least the fifth head", "value": 5, "low": 5, "high": None, "qualifier": "at_least",
       "event": None}], "ordinal as a count (rank of N)"),
    ("Spain became the 12th country to ratify the treaty.", [{"value": 12, "object": "country"}],
     "digit ordinal as a count"),
    ("The ministry admitted for the first time that soldiers had died.", [], "first time is an idiom"),
    ("Dagestan was the first regional leader to admit casualties.", [], "first never counts"),
    ("It was the third time this year that the dam leaked.", [], "third time is a rank"),
    # ---- fractions and shares
    ("Russia is using around two-thirds of their available forces.",
     [{"text": "around two-thirds", "value": 0.6667, "qualifier": "about", "low": None, "high": None,
       "object": "available forces"}], "two-thirds rounded to 4 places"),
    ("About half of those cuts will be made in France.", [{"value": 0.5, "qualifier": "about"}], "half of"),
    ("A third of the staff left.", [{"text": "third", "value": 0.3333, "object": "staff"}], "a third of"),
    ("Three quarters of voters agreed.", [{"value": 0.75, "object": "voters"}], "three quarters"),
    ("The Dow gained half a percent.", [{"value": 0.5, "object": "%"}], "half a percent"),
    ("One in five adults smokes.", [{"value": 0.2, "object": "adults"}], "one in five"),
    # ---- percentages
    ("Sales fell 45% in March.", [{"value": 45, "object": "%"}], "percent sign"),
    ("Fiat bought a twenty percent stake.", [{"value": 20, "object": "%"}], "percent in words"),
    ("Prices rose 3.5 per cent.", [{"value": 3.5, "object": "%"}], "per cent"),
    # ---- measures
    ("Russian soldiers are still around 30 kilometres from Kyiv.",
     [{"text": "around 30 kilometres", "value": 30, "qualifier": "about", "object": "km", "event": None}],
     "measure with about"),
    ("The wiring ran 500km through the plane.", [{"value": 500, "object": "km"}], "glued unit"),
    ("The road is 10 km long.", [{"value": 10, "object": "km"}], "spaced unit"),
    ("The ship carried 5 tonnes of grain.", [{"value": 5, "object": "tonnes"}], "tonnes"),
    ("It has a 3.5-inch screen.", [{"value": 3.5, "object": "inches"}], "hyphenated unit"),
    # ---- ranges
    ("Between 200 and 300 people were evacuated.",
     [{"value": None, "low": 200, "high": 300, "qualifier": "range", "object": "people",
       "event": "evacuated"}], "between .. and"),
    ("Airlines want gains of 15-20%.", [{"text": "15-20%", "value": None, "low": 15, "high": 20,
                                        "object": "%"}], "dash range shares the unit"),
    ("They expect 200 to 300 visitors.", [{"low": 200, "high": 300, "object": "visitors"}], "to range"),
    ("It will cost between $12 million and $20 million.", [{"low": 12_000_000, "high": 20_000_000,
                                                           "object": "$"}], "money range"),
    ("It will cost between 12 and 20 million dollars.", [{"low": 12_000_000, "high": 20_000_000}],
     "first end shares the scale of the second"),
    ("Two or three people were hurt.", [{"low": 2, "high": 3, "event": "wounded"}], "or range; hurt -> wounded"),
    ("Funding rose from US$55 billion to US$110 billion.", [{"value": 55_000_000_000},
                                                           {"value": 110_000_000_000}],
     "from .. to is a change, two figures"),
    ("Reserves fell 219 mln francs to 19.31 billion francs.",
     [{"text": "219 mln francs", "qualifier": "exact", "value": 219_000_000},
      {"text": "19.31 billion francs", "value": 19_310_000_000}], "a change and the level it reached"),
    ("Vacancies rose by 80,629 to 462,802 in March.", [{"value": 80_629, "qualifier": "exact"}, {"value": 462_802}],
     "rose by .. to .. is a change"),
    ("Earnings should increase 12 to 18 pct this year.", [{"low": 12, "high": 18, "qualifier": "range", "object": "%"}],
     "a range of change: the unit written once, the ends near each other"),
    ("Output will rise 500,000 to two mln barrels.", [{"low": 500_000, "high": 2_000_000, "object": "barrels"}],
     "... with a scale on the second end only"),
    ("The company said it would cut 200 to 300 jobs.", [{"low": 200, "high": 300, "object": "jobs"}],
     "a range of counts after a verb of change"),
    ("The number in work increased by 296,000 to 28.52 million.", [{"value": 296_000}, {"value": 28_520_000}],
     "a change and a level far apart"),
    ("Sales grew to 200 to 300 units.", [{"low": 200, "high": 300, "qualifier": "range"}],
     "a range after the level's own 'to'"),
    # ---- vague counts
    ("Hundreds of people gathered in the square.",
     [{"value": None, "low": 200, "high": None, "qualifier": "at_least", "object": "people"}], "hundreds"),
    ("Tens of thousands fled the city.", [{"value": None, "low": 20_000, "event": "displaced"}],
     "tens of thousands; fled -> displaced"),
    ("Dozens were missing.", [{"value": None, "low": 24, "event": "missing"}], "dozens"),
    ("Several hundred troops arrived.", [{"value": None, "low": 300, "object": "troops"}], "several hundred"),
    # ---- qualifiers
    ("At least 10 independent media outlets have been blocked.",
     [{"text": "At least 10 independent media outlets", "value": 10, "low": 10, "high": None,
       "qualifier": "at_least", "object": "independent media outlets", "event": "blocked"}], "at least"),
    ("No fewer than 40 people came.", [{"qualifier": "at_least", "low": 40}], "no fewer than"),
    ("They have fired upwards of 320 missiles.",
     [{"text": "upwards of 320 missiles", "qualifier": "more_than", "low": 320, "high": None,
       "event": "fired"}], "upwards of"),
    ("Over 3,500 Russian troops have been killed.",
     [{"text": "Over 3,500 Russian troops", "qualifier": "more_than", "object": "Russian troops",
       "event": "killed"}], "over"),
    ("In excess of 200 homes flooded.", [{"qualifier": "more_than", "low": 200}], "in excess of"),
    ("Up to 3,000 homes may have been flooded.", [{"qualifier": "at_most", "low": None, "high": 3000}], "up to"),
    ("No more than 12 people may gather.", [{"qualifier": "at_most", "high": 12}], "no more than"),
    ("Fewer than 50 people attended.", [{"qualifier": "less_than", "low": None, "high": 50}], "fewer than"),
    ("Children under 5 are exempt.", [{"qualifier": "less_than", "high": 5}], "under"),
    ("Some 300 people attended.", [{"qualifier": "about", "value": 300, "low": None, "high": None}], "some"),
    ("Nearly 40 people were injured.", [{"qualifier": "about", "value": 40, "event": "wounded"}], "nearly"),
    ("An estimated 2,000 people fled.", [{"text": "An estimated 2,000 people", "qualifier": "about"}],
     "an estimated"),
    ("300 or more people were evacuated.", [{"qualifier": "at_least", "low": 300}], "or more"),
    ("Output was more than the 862 mln spent in 1986.", [{"text": "862 mln", "qualifier": "exact"}],
     "more than the ..: a comparison with a known amount, no bound"),
    ("He talked about the 300 people who died.", [{"text": "300 people", "qualifier": "exact", "low": 300}],
     "about the ..: a preposition"),
    ("The row is over a five billion euro shortfall.", [{"qualifier": "exact", "value": 5_000_000_000}],
     "over a ..: a preposition before a noun phrase"),
    ("Crude rose above the $50 mark for the first time.", [{"text": "above the $50", "qualifier": "more_than",
                                                           "low": 50}], "above the .. mark: a threshold is bounded"),
    ("The index is below the 25,000 level.", [{"qualifier": "less_than", "high": 25_000}],
     "below the .. level"),
    ("Google has more than a 90% share of searches.", [{"qualifier": "more_than", "low": 90}],
     "more than a ..% share: a holding is bounded"),
    ("Analysts expect more than a 20 pct rise in profits.", [{"qualifier": "more_than", "low": 20}],
     "more than a ..% rise: a change is bounded"),
    ("Borrowing rose above the 15.8 mln ceiling.", [{"qualifier": "more_than", "low": 15_800_000}],
     "above the .. ceiling"),
    ("More than a dozen people came.", [{"text": "a dozen people", "qualifier": "more_than", "low": 12}],
     "more than a dozen: the 'a' belongs to the number"),
    # ---- span, object, event, part_of
    ("Exports were 175.92 billion dlrs against 160.33 billion in 1985.",
     [{"object": "$"}, {"text": "160.33 billion", "object": "$"}],
     "a scaled amount compared with one just before it counts the same thing"),
    ("Sales rose to 4.5 billion dlrs from 4.1 billion, while staff fell to 12,000 from 13,000.",
     [{"object": "$"}, {"object": "$"}, {"text": "12,000", "object": None}, {"object": None}],
     "an amount that inherits a currency is money: no count after it inherits it"),
    ("Industry sales fell to 1.25 million vehicles from 1.27 million a year earlier.",
     [{"object": "vehicles"}, {"text": "1.27 million", "object": "vehicles"}], "... 'from' compares too"),
    ("Inspectors said five banks reported losses.", [{"text": "five banks", "object": "banks"}],
     "past the head noun, an -ed word is the verb"),
    ("Police detained 20 wounded soldiers.", [{"object": "wounded soldiers"}], "... before it, an adjective"),
    ("He founded two Los Angeles-based companies.", [{"object": "Los Angeles-based companies"}],
     "... and a place-based compound, even after a name ending in s"),
    ("Police said three of the five suspects were arrested.",
     [{"text": "three", "object": "suspects", "event": "arrested", "part_of": 1},
      {"text": "five suspects", "event": None, "part_of": None}],
     "a share of a count: its object, part_of, and the event the verb tells of it"),
    ("They lost 12 of their 14 games.", [{"text": "12", "object": "games", "part_of": 1}, {"object": "games"}],
     "... with a possessive"),
    ("The fund holds 5 mln dlrs and 20 employees run it.", [{"object": "$"}, {"object": "employees"}],
     "an amount without a scale keeps its own noun"),
    ("Ukraine said 352 civilians, including 14 children, had been killed and 1684 people, including "
     "116 children, had been wounded.",
     [{"text": "352 civilians", "event": "killed", "part_of": None},
      {"text": "14 children", "event": "killed", "part_of": 0},
      {"text": "1684 people", "event": "wounded", "part_of": None},
      {"text": "116 children", "event": "wounded", "part_of": 2}], "including -> part_of; events per clause"),
    ("Twelve people died, among them three children.", [{"value": 12, "event": "died"},
                                                       {"value": 3, "part_of": 0, "event": "died"}],
     "among them"),
    ("Police arrested 40 protesters, of whom 12 were women.", [{"value": 40, "event": "arrested"},
                                                             {"value": 12, "part_of": 0}], "of whom"),
    ("The crash killed 102 and 21 people respectively.",
     [{"value": 102, "object": "people", "event": "killed"}, {"value": 21, "event": "killed"}],
     "coordinated counts share object and event"),
    ("The firm will cut 4,300 jobs in France, 3,700 in Germany and 400 in Spain.",
     [{"object": "jobs", "event": "cut"}, {"value": 3700, "object": "jobs"}, {"value": 400, "object": "jobs"}],
     "elliptical list inherits the object"),
    ("“There are already losses among the natives of the Chechen republic. Two died, six more sustained "
     "various injuries,” he wrote.",
     [{"value": 2, "object": "natives of the Chechen republic", "event": "died"},
      {"value": 6, "object": "natives of the Chechen republic", "event": "wounded"}],
     "the group named with 'among' is what the elliptical counts count"),
    ("The governors said at least one soldier from their regions had died.",
     [{"text": "at least one soldier", "value": 1, "qualifier": "at_least", "event": "died"}], "at least one"),
    ("Zelensky said the two sides will meet near the border.", [{"text": "two sides", "value": 2}],
     "the two sides counts"),
    ("Israel may host talks between the two countries.", [{"text": "two countries", "value": 2}],
     "the two countries counts"),
    ("The death toll has risen to 21.", [{"value": 21, "event": "died"}], "toll -> died"),
    ("Three people were taken to hospital after the fire, which killed 25.",
     [{"value": 3, "event": None}, {"value": 25, "event": "killed"}], "a relative clause's verb is not ours"),
    ("Jobs, aged 55, took leave.", [{"value": 55, "object": "age"}], "age"),
    ("Hamm, 32, who retired, scored 158 goals.", [{"value": 32, "object": "age"}, {"value": 158, "object": "goals"}],
     "an age in apposition"),
    ("A 5,000-strong force was deployed.", [{"value": 5000, "object": "force", "event": "deployed"}], "-strong"),
    ("They found that 1 in 4 adults smoke.", [{"text": "1 in 4 adults", "value": 0.25, "object": "adults"}],
     "a share in digits"),
    ("The company sold 30 mln dlrs of notes at 9.25 pct.", [{"value": 30_000_000, "object": "$"},
                                                          {"value": 9.25, "object": "%"}], "newswire abbreviations"),
    ("Temperatures hit 40C on Monday.", [{"value": 40, "object": "°C"}], "glued Celsius"),
    ("He coached 400m runners.", [{"value": 400, "object": "m"}], "a race distance is metres, not millions"),
    ("The country has 2m customers.", [{"value": 2_000_000, "object": "customers"}], "m before a plural is million"),
    ("The index recovered slightly to -36.", [{"text": "-36", "value": -36}], "the sign is in the span"),
    ("The toll of the floods rose to nine on Wednesday, up from six.",
     [{"value": 9, "event": "died"}, {"value": 6, "event": "died"}], "an earlier value shares the event"),
    ("The other five Iraqis did not die in custody.", [{"value": 5, "event": None}], "a negated event"),
]

NOT_FIGURES: list[Row] = [
    ("Russia seized Crimea in 2014.", [], "a year"),
    ("The talks began in 1998 and ended in 2001.", [], "years"),
    ("It happened on March 1, 2022.", [], "month day, year"),
    ("It happened on 1 March 2022.", [], "day month year"),
    ("It happened on 01.03.2022.", [], "dotted date"),
    ("The report is dated 2022-03-01.", [], "ISO date"),
    ("The meeting starts at 10:30.", [], "time of day"),
    ("The meeting starts at 3 p.m. sharp.", [], "time with p.m."),
    ("The plane landed at 0800 GMT.", [], "military time"),
    ("Apollo 11 landed on the Moon.", [], "number in a name"),
    ("The G7 leaders met.", [], "glued name"),
    ("COVID-19 spread quickly.", [], "hyphenated name"),
    ("A Boeing 747 landed.", [], "aircraft model"),
    ("Section 230 protects platforms.", [], "section number"),
    ("Article 5 was invoked by NATO.", [], "article number"),
    ("Call 020 7946 0958 for details.", [], "UK phone number"),
    ("Call 555-123-4567 for details.", [], "US phone number"),
    ("1. Open the box\n2. Take it out", [], "list numbering"),
    ("He updated to version 10.4 of the system.", [], "version"),
    ("One of the A380s flew to Chicago.", [], "one of the"),
    ("No one was hurt.", [], "no one"),
    ("Not a single vote was cast.", [], "not a single"),
    ("Soldiers have been killed in the four-day-old battle.", [], "a duration is a time expression"),
    ("The war has lasted two years.", [], "duration"),
    ("Chelsea won 3-1 on Saturday.", [], "score"),
    ("It was the 1990s.", [], "decade"),
    ("Ryanair ordered five Boeing 737s; the 737 is popular.", [{"value": 5}],
     "a model number keeps its sense through the article"),
    ("Sales rose in the second half of 2004.", [], "second half is a period"),
    ("The song reached the top 10 last week.", [], "a chart rank"),
    ("He was ranked No. 2 in the world.", [], "No. 2"),
    ("The study of the 1993 floods found damage.", [], "the + year"),
    ("Nokia's 7610 phone was hit by a virus.", [], "a model number before a singular noun"),
    ("The Big Three carmakers asked for help.", [], "a capitalised number word inside a name"),
    ("One effect of the ban was higher prices.", [], "'one' as a determiner"),
    ("The plan has a 10-point agenda.", [], "a compound modifier"),
    ("In 2005-06 revenue doubled.", [], "a season of years"),
    ("The Nikkei 225 index fell.", [], "an index name"),
    ("It will be released on 6 to 9 January.", [], "a range of days"),
    ("Federer won 6-3 3-6 6-3.", [], "tennis scores"),
    ("It streams video in 1080p and 720p.", [], "video formats are not pence"),
]

# Rows around the shortcuts the extractor takes before its patterns (see the module
# docstring): non-ASCII letters next to numbers and words, capitalisation,
# clause ends, tolls, negation.  Values as the patterns alone give them.
READING_EDGES: list[Row] = [
    ("Someone said often that ten people came.", [{"text": "ten people", "value": 10}],
     "number words inside words are not numbers"),
    ("ONE HUNDRED people came; One hundred people left.", [{"text": "One hundred people", "value": 100}],
     "number words count in lower case or capitalised, not in capitals"),
    ("The café had 5 cafés nearby and 12 élèves.",
     [{"text": "5 cafés", "object": "cafés"}, {"text": "12 élèves", "object": "élèves"}], "non-ASCII nouns"),
    ("Zürich 747 flights were cancelled.", [], "a model number after a non-ASCII name"),
    ("He said nine\u00a0people were hurt.", [{"text": "nine\u00a0people", "event": "wounded"}], "a no-break space"),
    ("The death toll, officials said, is 21.", [{"value": 21, "event": None}], "a toll in another clause"),
    ("Police arrested 12 people after the march but 3 were freed.",
     [{"value": 12, "event": "arrested"}, {"value": 3, "event": None}], "'but' ends the clause"),
    ("More than 40 people were injured when the bus crashed.",
     [{"text": "More than 40 people", "event": "wounded"}], "a qualifier ending in 'than'"),
    ("It cost 5 dollars, up from 3 dollars.", [{"object": "$"}, {"object": "$"}], "currency words"),
    ("Three people – two women and a man – died in the fire.",
     [{"value": 3, "event": None}, {"value": 2, "event": None}], "a dash ends the clause"),
    ("The blast killed 4 and injured 19 others, whereas 7 fled.",
     [{"event": "killed"}, {"event": "wounded"}, {"value": 7, "event": "displaced"}], "events after verbs"),
    ("twenty-one killed, twenty one injured", [{"value": 21, "event": "killed"}, {"value": 21, "event": "wounded"}],
     "tens and units with a hyphen or a space"),
]

KNOWN_MISSES = [
    pytest.param("The iPod stores 75 hours of video.", [{"value": 75, "object": "hours"}],
                 "hours of video measure storage, not a duration",
                 marks=pytest.mark.xfail(strict=True, reason="number + time unit is always read as a duration")),
    pytest.param("The vote count was 52-35.", [{"value": None}], "a tally",
                 marks=pytest.mark.xfail(strict=True, reason="X-Y with X > Y is read as a score and skipped")),
]


def _check(text: str, expected: list[dict[str, Any]]) -> None:
    figures = extract_figures(text)
    for fig in figures:
        assert text[fig.span[0] : fig.span[1]] == fig.text
    got = [{key: getattr(fig, key) for key in exp} for fig, exp in zip(figures, expected, strict=False)]
    assert len(figures) == len(expected), [f.text for f in figures]
    for g, exp in zip(got, expected, strict=True):
        for key, value in exp.items():
            if isinstance(value, float):
                assert g[key] == pytest.approx(value, rel=1e-4), (key, g)
            else:
                assert g[key] == value, (key, g)


@pytest.mark.parametrize(("text", "expected", "why"), FORMS + NOT_FIGURES + READING_EDGES + KNOWN_MISSES,
                         ids=[row[2] for row in FORMS + NOT_FIGURES + READING_EDGES] + ["hours of video", "tally"])
def test_figures(text: str, expected: list[dict[str, Any]], why: str) -> None:
    _check(text, expected)


def test_bounds_follow_the_qualifier() -> None:
    """exact: low = high = value; bounds open on the side the qualifier leaves open."""
    text = "at least 5 men, more than 6 men, up to 7 men, fewer than 8 men, about 9 men, 10 men"
    figs = extract_figures(text)
    assert [(f.qualifier, f.low, f.high) for f in figs] == [
        ("at_least", 5, None), ("more_than", 6, None), ("at_most", None, 7), ("less_than", None, 8),
        ("about", None, None), ("exact", 10, 10),
    ]


def test_figures_are_in_order_and_do_not_overlap() -> None:
    text = "Over 3,500 troops, 352 civilians, including 14 children, and $40m were lost in 2022."
    figs = extract_figures(text)
    assert [f.span for f in figs] == sorted(f.span for f in figs)
    assert all(a.span[1] <= b.span[0] for a, b in zip(figs, figs[1:], strict=False))


# --------------------------------------------------------------------------
# Properties

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 1 <= n < 1,000,000 (the small generator the round trip needs)."""
    if n >= 1000:
        head, rest = divmod(n, 1000)
        return f"{_words(head)} thousand" + (f" {_words(rest)}" if rest else "")
    if n >= 100:
        head, rest = divmod(n, 100)
        return f"{_UNITS[head]} hundred" + (f" and {_words(rest)}" if rest else "")
    if n >= 20:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    return _UNITS[n]


@given(st.integers(min_value=0, max_value=10**12))
def test_separated_integers_parse_back(n: int) -> None:
    text = f"Officials said {n:,} people were evacuated."
    figs = extract_figures(text)
    assert len(figs) == 1
    assert figs[0].value == n
    assert figs[0].event == "evacuated"


@given(st.integers(min_value=1, max_value=999_999))
def test_number_words_parse_back(n: int) -> None:
    text = f"Officials said {_words(n)} people were killed."
    figs = extract_figures(text)
    assert [f.value for f in figs] == [n]


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["$", "£", "€"]),
       st.sampled_from([("", 1), ("m", 10**6), ("bn", 10**9), (" million", 10**6), (" billion", 10**9)]))
def test_money_parses_back(n: int, mark: str, scale: tuple[str, int]) -> None:
    text = f"The deal is worth {mark}{n:,}{scale[0]}, the firm said."
    figs = extract_figures(text)
    assert len(figs) == 1
    assert figs[0].value == n * scale[1]
    assert figs[0].object == mark


def _valid(text: str, figs: list[Figure]) -> None:
    last_end = 0
    for i, fig in enumerate(figs):
        start, end = fig.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == fig.text
        assert start >= last_end
        last_end = end
        if fig.part_of is not None:
            assert 0 <= fig.part_of < i
        if fig.qualifier == "exact":
            assert fig.low == fig.high == fig.value
        if fig.qualifier == "range":
            assert fig.low is not None and fig.high is not None and fig.low < fig.high


@settings(max_examples=300)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    _valid(text, extract_figures(text))


_TOKENS = ["1", "23", "3,500", "2014", "0", "07", ".", ",", "-", " ", " ", "\n", "$", "£", "%", "km", "m", "bn",
           "one", "two", "hundred", "thousand", "half", "third", "fifth", "dozens", "of", "the", "at least",
           "more than", "between", "and", "to", "or", "including", "killed", "Boeing", "March", "people", "(", ")",
           "a", "s", "th", ":", "/", "'", "'s", "x", "per cent", "million", "tens", "among them", "Two", "died"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40))
def test_never_raises_on_number_heavy_text(tokens: list[str]) -> None:
    text = "".join(tokens)
    _valid(text, extract_figures(text))


def test_long_runs_stay_linear() -> None:
    """Runs of digits, commas, spaces and capitalised words must not make a pattern backtrack."""
    import time

    for unit in ("1", "1,", "1 ", "Big ", "1,000,", "one ", "- ", "at least ", "Boeing 7", "5 people, including 3, "):
        text = unit * (60_000 // len(unit))
        start = time.perf_counter()
        _valid(text, extract_figures(text))
        assert time.perf_counter() - start < 5, unit


# --------------------------------------------------------------------------
# The shortcuts read exactly what the patterns they stand in for read

_EDGE_TOKENS = ["one", "Two", "ONE", "killed", "died", "toll", "death", "not", "never", "but", "when", "as well as",
                "at least", "more than", "up to", "of", "the", "about", "some", "people", "café", "Zürich", "naïve",
                "’s", "'s", "-", "–", "—", " ", " ", "  ", "\u00a0", "\t", "\n", ",", ".", ";", "(", ")", "“", "”",
                "\"", "5", "12", "3,500", "é", "ſ", "İ", "\u212a", "\u0301", "x", "fired", "up", "Rs.", "USD"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_EDGE_TOKENS), min_size=1, max_size=25))
def test_shortcuts_read_as_their_patterns(tokens: list[str]) -> None:
    from claimcli.extract import figures as fig

    text = "".join(tokens)
    x = fig._Extractor(text)
    n = len(text)
    for pos in range(n + 1):
        match = fig.RE_PREV_WORD.match(text, max(0, pos - 40), pos)
        assert x._prev_word(pos) == (match.group(1) if match else ""), pos
        match = fig.RE_NEXT_WORD.match(text, pos, pos + fig._WINDOW)
        assert x._next_word(pos) == (match.group(1) if match else ""), pos
        if pos < n and text[pos] in " \u00a0":
            ours, theirs = x._words_after(pos), fig.RE_WORDS_AFTER.match(text, pos, pos + fig._WINDOW)
            assert (ours.group() if ours else None) == (theirs.group() if theirs else None), pos
        limit = min(n, pos + 80)
        stop = fig.RE_CLAUSE_END.search(text, pos, limit)
        assert x._clause_end(pos, limit) == (stop.start() if stop else limit), pos
        assert x._sentence_initial(pos) == (fig.RE_SENTENCE_START.match(text, max(0, pos - 8), pos) is not None)
        if pos:
            found = fig.RE_EVENT.search(text, pos, limit)
            hint = fig.RE_EVENT_HINT.search(x.fold, pos - 1, limit)
            if hint is None:
                assert found is None, pos
            else:
                ours = x._event_word(max(pos, hint.start() + 1), limit)
                assert (ours.span() if ours else None) == (found.span() if found else None), pos
        if pos and text[pos - 1] in " \u00a0" and x._prev_word(pos).lower() in fig._QUAL_BY_LAST:
            assert x._read_qual(pos, fig._QUAL_BY_LAST[x._prev_word(pos).lower()]) == x._read_left(pos), pos
        for end in range(pos, min(n, pos + 12) + 1):
            assert x._coordinated(pos, end) == (fig.RE_COORD_GAP.fullmatch(text, pos, end) is not None)


def test_part_of_points_at_the_kept_figures_when_a_front_matter_figure_is_dropped() -> None:
    from claimcli.extract import analyse

    doc = analyse("Title: 3 dead in blast\n\nThe blast killed 12 people, including 3 children, police said. "
                  "Three of the five suspects were arrested.")
    assert [(f.text, f.part_of) for f in doc.figures] == [
        ("12 people", None), ("3 children", 0), ("Three", 3), ("five suspects", None)]
