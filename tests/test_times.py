"""Time expressions: spans, TIMEX3 values, tense resolution, datelines."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcli.extract import times
from claimcli.extract.times import GRAINS, extract_times, find_dateline, tense_of
from claimcli.models import TimeRef

SUN = dt.date(2022, 2, 27)  # seed-004 was published on a Sunday
TUE = dt.date(2022, 3, 1)  # seed-000 on a Tuesday
NO_TIME = "(not a time)"  # expected_value for text that must not be read as a time

CASES = [
    # --- absolute dates in the usual news forms
    ("The deal was signed on March 1, 2022.", TUE, "March 1, 2022", "2022-03-01", "month day, year"),
    ("It was signed on 1 March 2022.", TUE, "1 March 2022", "2022-03-01", "day month year"),
    ("The decree is dated 01.03.2022 in Kyiv.", TUE, "01.03.2022", "2022-03-01", "day.month.year"),
    ("Filed 2022-03-01 with the court.", None, "2022-03-01", "2022-03-01", "ISO date needs no anchor"),
    ("The New York Times said on Saturday, April 25: the court erred.", dt.date(1998, 4, 24), "Saturday, April 25",
     "1998-04-25", "weekday joined to the date it names"),
    ("Thursday, March 12, 2026", None, "Thursday, March 12, 2026", "2026-03-12", "a full dateline needs no anchor"),
    ("The rights expire Nov. 21, the company said.", dt.date(1989, 11, 2), "Nov. 21", "1989-11-21",
     "abbreviated month, the nearest Nov. 21"),
    ("Talks began on March 1.", dt.date(2022, 3, 3), "March 1", "2022-03-01", "month day, past, this year"),
    ("He arrived on Dec. 30.", dt.date(2022, 1, 3), "Dec. 30", "2021-12-30", "the year that puts it nearest the anchor"),
    ("The new law takes effect Jan. 2.", dt.date(2021, 12, 20), "Jan. 2", "2022-01-02", "a date early next year"),
    ("The deadline was extended to Nov. 20.", dt.date(1989, 11, 2), "Nov. 20", "1989-11-20",
     "past verb, but a near future date beats one eleven months back"),
    ("The Dow closed within 70 points of its record high set on Aug. 6.", dt.date(1998, 2, 6), "Aug. 6", "1997-08-06",
     "past tense settles a date half a year either way"),
    ("Prices rose in March, the agency said.", dt.date(2022, 4, 10), "March", "2022-03", "bare month, past"),
    ("The summit will be held in June.", dt.date(2022, 4, 10), "June", "2022-06", "bare month, future"),
    ("Orders fell in December.", dt.date(2022, 1, 10), "December", "2021-12", "bare month, last year"),
    ("Net inflow in May was 317 mln stg.", dt.date(1987, 6, 10), "May", "1987-05",
     "no modal follows 'in': May is the month even before a verb"),
    ("The bank will hold a May tender.", dt.date(1987, 3, 2), "May", "1987-05", "... nor 'a'"),
    ("The vote was postponed until June 22.", dt.date(1987, 3, 2), "June 22", "1987-06-22",
     "a date something is put off to lies ahead, whatever the verb's tense"),
    ("The deadline was extended to Nov. 20.", dt.date(1987, 3, 2), "Nov. 20", "1987-11-20",
     "... even eight months ahead"),
    ("Profit rose in the first half of 2022.", None, "the first half of 2022", "2022-H1", "a half year"),
    ("Sales will grow in the second half of next year.", dt.date(1987, 3, 2), "the second half of next year",
     "1988-H2", "a half of a year named around the anchor"),
    ("He scored in the second half.", dt.date(1987, 3, 2), "the second half", NO_TIME,
     "a half with no year is as often a match's"),
    ("Sales rose between February and October of 1986.", dt.date(1987, 3, 2), "February", "1986-02",
     "a month coordinated with a later one takes the year that one states"),
    ("Prices will rise in March and April next year.", dt.date(1987, 3, 2), "March", "1988-03",
     "... or the year it names"),
    ("The offer ran from May 1 to June 30, 1985.", dt.date(1987, 3, 2), "May 1", "1985-05-01",
     "a day coordinated with a later dated one"),
    ("Exporters are due to ship the beans for April to June delivery.", dt.date(1987, 3, 25), "June", "1987-06",
     "a span ends after it starts: ahead"),
    ("Prices rose between March and May.", dt.date(1987, 3, 2), "March", "1986-03", "... or back, in the past"),
    ("The strike lasted from November 28 to January 6, 1987.", dt.date(1987, 3, 2), "November 28", "1986-11-28",
     "a span across the new year starts the year before it ends"),
    ("It runs from October 1 to September 30, 1987.", dt.date(1987, 3, 2), "October 1", "1986-10-01",
     "... a fiscal year too"),
    ("It rose in February and fell in October 1986.", dt.date(1987, 3, 2), "February", "1987-02",
     "two clauses: each date keeps its own year"),
    ("Colonel Collins will be named commander for a mission in December.", dt.date(1998, 3, 4), "December", "1998-12",
     "a passive after 'will be' is future"),
    ("The index closed at its highest level since January 1997.", TUE, "January 1997", "1997-01", "month year"),
    ("Russia seized the Crimea peninsula in 2014.", TUE, "2014", "2014", "in + year"),
    ("It is the first time since 2014 that Moscow has done so.", TUE, "2014", "2014", "since + year"),
    ("Kenteris won gold at the 2000 Olympics.", TUE, "2000", "2000", "a year modifying a noun"),
    ("his unsuccessful 1996 campaign for re-election", TUE, "1996", "1996", "determiner, adjective, year, noun"),
    ("It will take delivery between 2014 and 2016.", None, "2016", "2016", "the second year of a range"),
    ("The group began to fall apart in mid-1996.", TUE, "mid-1996", "1996", "mid-year"),
    ("In fiscal 1989, Elco earned $7.8 million.", TUE, "fiscal 1989", "1989", "fiscal year"),
    ("Atlanta, nineteen ninety-six. A bomb blast shocks the Games.", TUE, "nineteen ninety-six", "1996", "year in words"),
    ("to half unemployment by the year two thousand", TUE, "the year two thousand", "2000", "the year in words"),
    ("International Women's Day is this coming Sunday, March eighth.", dt.date(1998, 3, 5),
     "this coming Sunday, March eighth", "1998-03-08", "ordinal day in words"),
    ("Earnings for Q3 2022 beat forecasts.", None, "Q3 2022", "2022-Q3", "quarter abbreviation with a year"),
    # --- weekdays and tense (DESIGN.md: Sunday article 2022-02-27)
    ("Ukraine's Ministry of Internal Affairs said on Sunday that 352 civilians had been killed.", SUN, "Sunday",
     "2022-02-27", "past 'on Sunday' in a Sunday article is the day itself"),
    ("The meeting, which is scheduled to take place on Monday, comes after Zelensky said he would talk.", SUN,
     "Monday", "2022-02-28", "'scheduled to take place' looks ahead"),
    ("Putin ordered an invasion of the neighbouring country on Wednesday.", SUN, "Wednesday", "2022-02-23",
     "past tense takes the previous Wednesday"),
    ("While emphasis has shifted to forthcoming peace negotiations between Ukraine and Russia on Monday, "
     "this is the first time.", SUN, "Monday", "2022-02-28", "'forthcoming ... on Monday'"),
    ("The two leaders will meet on Monday.", SUN, "Monday", "2022-02-28", "'will' looks ahead"),
    ("Kadyrov wrote on Telegram on Tuesday.", TUE, "Tuesday", "2022-03-01", "past, same weekday: the day itself"),
    ("On Monday, the governors were the first regional leaders to admit casualties.", TUE, "Monday", "2022-02-28",
     "the verb after the expression sets the tense"),
    ("The agency said it will hold a hearing on Friday.", TUE, "Friday", "2022-03-04", "reported future"),
    ("The talks will resume on Monday, he said.", TUE, "Monday", "2022-03-07",
     "a sentence-final 'he said' does not make the talks past"),
    ("A band of rain could reach the valley on Thursday.", TUE, "Thursday", "2022-03-03", "a modal: the nearest one"),
    ("The king met Bush last Monday.", TUE, "last Monday", "2022-02-28", "'last Monday'"),
    ("Nhek Bunchhay said Thursday he has sent a team.", dt.date(1998, 2, 19), "Thursday", "1998-02-19",
     "bare weekday after 'said'"),
    ("Ritter arrived Thursday with some 50 inspectors.", dt.date(1998, 3, 6), "Thursday", "1998-03-05",
     "an -ed verb is past"),
    ("The body was found late Wednesday.", TUE, "late Wednesday", "2022-02-23", "'late' belongs to the day"),
    ("Tuesday morning the governor flew over the valley.", TUE, "Tuesday morning", "2022-03-01T" + "MO",
     "part of a day"),
    # --- deictic words and calendar units around the anchor
    ("Prices fell yesterday.", TUE, "yesterday", "2022-02-28", "yesterday"),
    ("Stocks rose today.", TUE, "today", "2022-03-01", "today"),
    ("The market opens tomorrow.", TUE, "tomorrow", "2022-03-02", "tomorrow"),
    ("The talks collapsed last week.", TUE, "last week", "2022-W08", "ISO week before the anchor's"),
    ("Trading was thin this week.", TUE, "this week", "2022-W09", "the anchor's ISO week"),
    ("The council will vote next week.", TUE, "next week", "2022-W10", "the ISO week after"),
    ("Sales rose last month.", TUE, "last month", "2022-02", "last month"),
    ("The plant closes next month.", TUE, "next month", "2022-04", "next month"),
    ("Profit doubled last year.", TUE, "last year", "2021", "last year"),
    ("Growth will slow this year.", TUE, "this year", "2022", "this year"),
    ("Elections are due next year.", TUE, "next year", "2023", "next year"),
    ("Officials confirmed over the weekend that ships were stopped.", dt.date(1990, 8, 13), "the weekend",
     "1990-W32-WE", "the weekend before a Monday article"),
    ("He was made a general on May 22, 1995, and the following year he was appointed.", TUE, "the following year",
     "1996", "relative to the last year mentioned"),
    ("Net rose in the third quarter, from $5 million a year earlier.", dt.date(1989, 11, 2), "a year earlier",
     "1988-Q3", "after a quarter, 'a year earlier' is that quarter last year"),
    ("Net income in the third quarter rose 5%.", dt.date(1989, 11, 2), "the third quarter", "1989-Q3", "this year's Q3"),
    ("AT&T announced a drop in profits for the fourth quarter.", dt.date(1998, 1, 26), "the fourth quarter", "1997-Q4",
     "a past fourth quarter in January is last year's"),
    ("Car sales rebounded in the last week of March.", dt.date(2009, 4, 1), "the last week of March", "2009-W13",
     "a week of a month"),
    ("Blair met him 10 days ago.", dt.date(1998, 3, 22), "10 days ago", "1998-03-12", "days ago: a date"),
    ("Boeing began the work two years ago.", TUE, "two years ago", "2020", "years ago: a year"),
    ("Hate groups grew through the 1990s.", None, "the 1990s", "199", "decade"),
    ("Pol Pot held power in the late 1970s.", None, "the late 1970s", "197", "decade with a modifier"),
    ("He is a 20th century democrat.", None, "20th century", "19", "century"),
    ("Protests are planned this summer.", dt.date(1998, 3, 22), "this summer", "1998-SU", "season"),
    ("A surge in hiring began last fall.", dt.date(1998, 2, 6), "last fall", "1997-FA", "last autumn"),
    ("Sales over Christmas were weak.", dt.date(2005, 1, 10), "Christmas", "2004-12-25", "a holiday"),
    ("The shop opens again on Easter Monday.", dt.date(2005, 3, 1), "Easter Monday", "2005-03-28",
     "a movable feast (dateutil.easter)"),
    # --- times of day
    ("She was abducted at 10 p.m. Wednesday, police said.", dt.date(1998, 2, 12), "10 p.m. Wednesday",
     "1998-02-11T22:00", "clock time joined to its day"),
    ("The Dow was down 2.62% at 16:08 UTC.", dt.date(2008, 9, 17), "16:08 UTC", "2008-09-17T16:08Z", "UTC time"),
    ("“The prior night was difficult,” Zelensky said on social media on Sunday.", SUN, "The prior night",
     "2022-02-26TNI", "the night before the anchor"),
    ("CBS News first reported last night that the tomb was open.", dt.date(1998, 1, 20), "last night",
     "1998-01-19TNI", "last night"),
    # --- durations, vague references, sets
    ("The soldiers were killed in the four-day-old battle.", SUN, "four-day-old", "P4D", "'N-day-old' is a duration"),
    ("The strike lasted for three weeks.", TUE, "three weeks", "P3W", "for + duration"),
    ("Stocks have plunged in the past three months.", TUE, "the past three months", "P3M", "the past N months"),
    ("It has been at war for nearly forty years.", TUE, "nearly forty years", "P40Y", "qualified duration"),
    ("Russia has been exploiting the border in recent months.", SUN, "recent months", "PXM",
     "SEEDS-NOTES: HeidelTime style"),
    ("Now is the time to support independent reporting.", TUE, "Now", "PRESENT_REF", "now"),
    ("The party recently took 13 percent of the vote.", TUE, "recently", "PAST_REF", "recently"),
    ("Russia has often claimed that in the past.", TUE, "the past", "PAST_REF", "the past"),
    ("Strikes may continue well into the future.", TUE, "the future", "FUTURE_REF", "the future"),
    ("So that, years hence, no Ukrainian will be killed.", SUN, "years hence", "FUTURE_REF", "years hence"),
    ("It will take a while.", TUE, "a while", "PXX", "a while"),
    ("There are 10,000 patients waiting each year.", TUE, "each year", "P1Y", "a set"),
    ("The third flight departs every Monday.", TUE, "every Monday", "XXXX-WXX-1", "weekly set"),
    ("The agency gives a daily tally.", TUE, "daily", "P1D", "daily"),
    # --- no anchor: relative expressions keep their text, value None
    ("Talks resume on Monday.", None, "Monday", None, "a weekday needs the anchor"),
    ("The talks collapsed last week.", None, "last week", None, "last week needs the anchor"),
    ("Prices fell yesterday.", None, "yesterday", None, "yesterday needs the anchor"),
    ("Talks began on March 1.", None, "March 1", None, "a year-less date needs the anchor"),
    ("Prices rose in March.", None, "March", None, "a bare month needs the anchor"),
    # --- not times
    ("May I ask a question about the budget?", TUE, "May", NO_TIME, "May the modal verb"),
    ("Theresa May said on Tuesday that she would stay.", TUE, "May", NO_TIME, "May the name"),
    ("Thousands joined a protest march through the city.", TUE, "march", NO_TIME, "march the noun"),
    ("Police said 2,014 people were arrested.", TUE, "2,014", NO_TIME, "a count with a thousands separator"),
    ("The rule falls under Section 2014 of the code.", TUE, "2014", NO_TIME, "a section number"),
    ("The 2000 troops arrived by ship.", TUE, "2000", NO_TIME, "a count before a plural noun"),
    ("He writes a column for the Sunday Times.", TUE, "Sunday", NO_TIME, "a newspaper"),
    ("Baker, speaking on ABC News' \"This Week,\" said the request was legal.", TUE, "This Week", NO_TIME,
     "a TV show, detected by its capitals mid-sentence"),
    ("A 10-year-old boy was among the dead.", TUE, "10-year-old", NO_TIME, "an age"),
    ("It is the first time Moscow has admitted losses.", TUE, "time", NO_TIME, "'for the first time'"),
    ("A quarter of the population voted.", TUE, "quarter", NO_TIME, "a fraction"),
    ("Wasps picked Jamie Noon at centre.", TUE, "Noon", NO_TIME, "a surname"),
    ("Mark Oaten told BBC Radio 4's Today programme the plan was flawed.", TUE, "Today", NO_TIME, "a programme"),
    ("The office said the fall was largely due to lower prices.", TUE, "fall", NO_TIME, "a fall in prices"),
    ("They put up a Christmas tree in the square.", TUE, "Christmas", NO_TIME, "a Christmas tree"),
    ("COVID-19 cases rose sharply.", TUE, "19", NO_TIME, "part of a name"),
    ("The stock has traded in the low 50s.", TUE, "50s", NO_TIME, "a price level"),
    ("The future of the plant is uncertain.", TUE, "future", NO_TIME, "'the future of' a thing is its fate"),
]


def _ref_for(text: str, anchor: dt.date | None, expected_text: str) -> tuple[list[TimeRef], TimeRef | None]:
    refs = extract_times(text, anchor)
    for ref in refs:
        assert text[ref.span[0]:ref.span[1]] == ref.text
    return refs, next((r for r in refs if r.text == expected_text), None)


@pytest.mark.parametrize(("text", "anchor", "expected_text", "expected_value", "why"), CASES)
def test_extract_times(text: str, anchor: dt.date | None, expected_text: str, expected_value: str | None,
                       why: str) -> None:
    refs, ref = _ref_for(text, anchor, expected_text)
    if expected_value == NO_TIME:
        at = text.index(expected_text)
        hit = [r for r in refs if r.span[0] < at + len(expected_text) and r.span[1] > at]
        assert not hit, f"{why}: {hit}"
        return
    assert ref is not None, f"{why}: {expected_text!r} not in {[r.text for r in refs]}"
    assert ref.value == expected_value, why


@pytest.mark.parametrize(
    ("text", "anchor", "expected_text", "expected_value", "why"),
    [
        pytest.param("He would not travel at this crucial moment.", TUE, "this crucial moment", "PRESENT_REF",
                     "TimeBank marks it; no rule covers 'moment'", marks=pytest.mark.xfail(strict=True)),
        pytest.param("Helicopters crashed last February.", dt.date(1998, 3, 1), "last February", "1997-02",
                     "the gold knows the crash was in 1997; the text does not say", marks=pytest.mark.xfail(strict=True)),
    ],
)
def test_known_misses(text: str, anchor: dt.date | None, expected_text: str, expected_value: str, why: str) -> None:
    _, ref = _ref_for(text, anchor, expected_text)
    assert ref is not None and ref.value == expected_value, why


def test_spans_follow_timex3_without_prepositions() -> None:
    text = "Talks were held on Monday and in March, since 2014, for three weeks."
    assert [r.text for r in extract_times(text, TUE)] == ["Monday", "March", "2014", "three weeks"]


def test_refs_are_in_order_and_do_not_overlap() -> None:
    text = ("On Sunday, March 6, the ministry said 352 civilians had died since Thursday. Last week talks failed; "
            "they resume at 10 a.m. on Monday, two days after the four-day-old ceasefire ended in 2022.")
    refs = extract_times(text, SUN)
    assert len(refs) >= 7
    assert all(a.span[1] <= b.span[0] for a, b in zip(refs, refs[1:], strict=False))


def test_grains_are_from_the_vocabulary() -> None:
    text = ("Monday, last week, in March, the third quarter, the first half of 2021, this summer, in 2014, the 1990s, "
            "the 20th century, 10 p.m. Tuesday, three days, every year, now.")
    grains = [r.grain for r in extract_times(text, TUE)]
    assert set(grains) == set(GRAINS)


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("KYIV, March 1 (Reuters) - Russian forces advanced.", None, "a wire dateline without a year gives no year"),
        ("KYIV, March 1, 2022 (Reuters) - Russian forces advanced.", dt.date(2022, 3, 1), "wire dateline with a year"),
        ("Headline\n\nPublished 1 March 2022\n\nBody text.", dt.date(2022, 3, 1), "Published without a colon"),
        ("Published: 2022-03-01\n\nBody text.", dt.date(2022, 3, 1), "ISO front matter"),
        ("Title\nUpdated: Tue 1 Mar 2022 10:14 GMT\nBody", dt.date(2022, 3, 1), "Updated with weekday and time"),
        ("Title: Dam toll rises\nPublisher: Northern Wire\nPublished: 2026-03-10\nURL: x\n\nORLITZ, March 10 "
         "(Northern Wire Service) - At least 14 died.", dt.date(2026, 3, 10), "front matter wins over the dateline"),
        ("Date: 1 March 2022\nBody", dt.date(2022, 3, 1), "Date field"),
        ("Apple unveils new Intel-based Mac\nJanuary 11, 2006\nApple Computer announced on Tuesday the first Macs.",
         dt.date(2006, 1, 11), "a line that is only a date (Wikinews)"),
        ("By Jane Doe | 5 June 2021\nThe text.", dt.date(2021, 6, 5), "a byline with a date"),
        ("No date is stated. Prices rose 2014 points on Monday.", None, "nothing to find"),
        ("Published: 31/02/2022\nBody", None, "an impossible date"),
    ],
)
def test_find_dateline(text: str, expected: dt.date | None, why: str) -> None:
    assert find_dateline(text) == expected, why


def test_tense_of_reads_the_clause() -> None:
    text = "The agency said on Friday that the talks will resume on Monday."
    assert tense_of(text, text.index("Friday"), text.index("Friday") + 6) == "past"
    assert tense_of(text, text.index("Monday"), text.index("Monday") + 6) == "future"


def test_never_resolves_against_today() -> None:
    refs = extract_times("It happened yesterday, last week and on Monday, two years ago.", None)
    assert refs and all(r.value is None for r in refs)


def test_pathological_input_is_fast() -> None:
    blobs = ["1" * 50_000, " " * 50_000, "Monday " * 8_000, "A B C D E F G " * 4_000, "the past " * 6_000,
             "- - 12 - " * 6_000, "May March June " * 4_000]
    start = time.process_time()
    for blob in blobs:
        extract_times(blob, TUE)
    assert time.process_time() - start < 10


# --- properties ---------------------------------------------------------------

_VOCAB = ["Monday", "on", "last", "week", "March", "1", "2022", ",", "the", "past", "three", "months", "ago",
          "a", "year", "earlier", "10", "p.m.", "May", "will", "said", "-", "day", "old", "today", "now", ".",
          "quarter", "third", "1990s", "'s", "fiscal", "of", "Christmas", "Day", "New", "Year", "\n", "summer"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(st.text(max_size=300), st.lists(st.sampled_from(_VOCAB), max_size=40).map(" ".join)),
    anchor=st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_extract_times_never_raises_and_spans_are_valid(text: str, anchor: dt.date | None) -> None:
    refs = extract_times(text, anchor)
    last_end = 0
    for ref in refs:
        start, end = ref.span
        assert last_end <= start < end <= len(text)
        assert text[start:end] == ref.text
        assert ref.grain in GRAINS
        last_end = end
    find_dateline(text)


_MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _styles(day: dt.date) -> list[str]:
    """One date written the ways news copy writes it."""
    month = _MONTHS[day.month - 1]
    return [
        f"{month} {day.day}, {day.year}",                       # March 1, 2022
        f"{day.day} {month} {day.year}",                        # 1 March 2022
        f"{_MONTHS_AP[day.month - 1]} {day.day}, {day.year}",    # Sept. 1, 2022 (AP)
        f"{day.day:02d}.{day.month:02d}.{day.year}",            # 01.03.2022
        day.isoformat(),                                        # 2022-03-01
        f"{_WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}",
        f"{_WEEKDAYS[day.weekday()][:3]} {day.day} {month[:3]} {day.year}",
    ]


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_news_date_styles_round_trip(day: dt.date) -> None:
    for written in _styles(day):
        text = f"The agreement was signed on {written} in Geneva."
        refs = extract_times(text, None)
        assert [r.value for r in refs] == [day.isoformat()], written
        assert refs[0].text == written


# --- fast paths read exactly what the patterns read ------------------------------------------------------
# extract_times finds heads, sentence bounds, neighbouring words and tense cues with the standard engine, str
# methods and an ASCII sketch of the text; each must give what the regex module's pattern gives, also next to
# non-ASCII letters, marks, "½", curly quotes and the letters that case folding maps to ASCII (İ ſ K).

_PIECES = ["Monday", "mondays", "may", "March", "now", "know", "day", "years", "ago", "said", "was", "killed", "bed",
           "planned", "won't", "we'll", "it’ll", "is", "to", "meet", "1998", "12", "123", "3.5", "$5", "£5", "9am",
           "5:30", "1st", "70s", "01.03.2022", "٣٤", "é", "\u0301", "½", "’", "“", "-", "_", "İ", "ſ", "\u212a",
           "Mr.", ".", "!", "?", ",", "\n", "\n\n", " ", " ", "  ", "\u00a0", "\t", "A", "the", "x" * 45]
_SOUP = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_SOUP)
def test_fast_head_scan_matches_the_patterns(text: str) -> None:
    lowered = times._lower(text)
    expected = sorted([m.span() for m in times.RE_HEAD.finditer(lowered)]
                      + [m.span() for m in times.RE_HEAD_DIGITS.finditer(text)])
    assert times._heads(text, lowered) == expected
    assert lowered.encode("ascii", "replace") == text.lower().encode("ascii", "replace") or "\u0130" in text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_SOUP, data=st.data())
def test_fast_sentence_bounds_match_the_patterns(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo, hi = max(0, start - times._SENTENCE_REACH), min(len(text), end + times._SENTENCE_REACH)
    before = times.RE_SENTENCE_END_BACK.search(text, lo, start)
    after = times.RE_SENTENCE_END.search(text, end, hi)
    assert times._sentence_around(text, start, end) == (before.end() if before else lo, after.start() if after else hi)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_SOUP, data=st.data())
def test_fast_tense_cues_match_the_patterns(text: str, data: st.DataObject) -> None:
    lowered = times._lower(text)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    cuts = [lo] + [k for k in range(lo, hi) if lowered[k] == " "] + [k + 1 for k in range(lo, hi) if lowered[k] == " "]
    a = data.draw(st.sampled_from(cuts))
    b = data.draw(st.sampled_from([hi] + [k for k in range(a, hi) if lowered[k] == " "]))
    exact = (list(times._ed_cues(lowered, lo, hi, a, b)), list(times._word_cues(lowered, lo, hi, text, a, b)))
    assert times._cues(lowered, lo, hi, text, a, b) == exact


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_SOUP, data=st.data())
def test_fast_word_lookups_match_the_patterns(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    extractor = times._Extractor(text, None)
    m = times.RE_PREV_WORD.match(text, max(0, pos - 40), pos)
    assert extractor.prev_word(pos) == ((m.group("w"), m.start()) if m else ("", pos))
    m = times.RE_NEXT_WORD.match(text, pos)
    assert extractor.next_word(pos) == (m.group("w") if m else "")
