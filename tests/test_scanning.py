"""The fast scans that replace a plain regex scan find exactly what the plain
scan finds.  Each test states the plain pattern as the specification and
compares on generated text made of the pieces that matter to it."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcli.extract.patterns import line_matches
from claimcli.extract.speakers import _NAME_WORD, RE_NAME, org_intros
from claimcli.extract.times import RE_DATE_ONLY_LINE, RE_META_DATE, RE_WIRE_DATELINE
from claimcli.text import RE_BOUNDARY, RE_WORD_BEFORE


def texts(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=4)), max_size=40).map("".join)


LINES = texts("\n", "\n\n", " ", "\t", "Published: ", "published on ", "Updated: ", "Date: ", "2026-03-10",
              "1 March 2022", "Tue 1 Mar 2022 10:14 GMT", "KYIV, ", "March 1", ", 2022", " (Reuters) - ",
              "WASHINGTON", " — ", "By Jane Doe | ", "5 June 2021", "The ferry sank.", "x" * 95, "\r")


@settings(max_examples=300)
@given(LINES)
def test_line_matches_is_finditer_for_line_anchored_patterns(text: str) -> None:
    for pattern in (RE_META_DATE, RE_WIRE_DATELINE, RE_DATE_ONLY_LINE):
        assert [m.span() for m in line_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)]
    # A line that is only a date has at most 100 characters between its blanks.
    assert ([m.span() for m in line_matches(RE_DATE_ONLY_LINE, text, longest=100)]
            == [m.span() for m in RE_DATE_ONLY_LINE.finditer(text)])


def test_line_matches_measures_a_line_between_its_blanks() -> None:
    text = "Ferry sinks\n" + " " * 100 + "1 March 2022\t\t\n" + "x" * 101 + "\n" + "y" * 100
    found = [m.group("value") for m in line_matches(RE_DATE_ONLY_LINE, text, longest=100)]
    assert found == ["Ferry sinks", "1 March 2022", "y" * 100]


def test_line_matches_finds_a_dateline_below_the_headline() -> None:
    text = "Ferry sinks off Kalvik\n\nKALVIK, March 3, 2026 (Reuters) - The ferry sank."
    assert [m.group("date") for m in line_matches(RE_WIRE_DATELINE, text)] == ["March 3, 2026"]
    text = "Published: 2026-03-10\nUpdated: 2026-03-11\n\nThe ferry sank."
    assert [m.group("key") for m in line_matches(RE_META_DATE, text)] == ["Published", "Updated"]


#: The plain scan the organisation intros replaced.
ORG_INTRO = regex.compile(
    r"\b(?:firm|company|group|agency|organi[sz]ation|maker|giant|carrier|bank|retailer|broadcaster|"
    r"newspaper|network|charity|union|party|operator|insurer|airline|startup|website)[ \t]+"
    r"(\p{Lu}[\p{L}&'’\-]*(?:[ \t]+\p{Lu}[\p{L}&'’\-]*){0,3})"
)
ORGS = texts("firm", "company", "group", "subgroup", "bank", "party", "third-party", "network", "_bank",
             "organisation", "organization", " ", "  ", "\t", "\n", "Sophos", "Nordvik Ferries", "Ltd", "de",
             "the", "anti-virus ", "Group", "party Alpha", "2bank")


@settings(max_examples=300)
@given(ORGS)
def test_org_intros_is_the_plain_scan(text: str) -> None:
    assert [m.span(1) for m in org_intros(text, 0, len(text))] == [m.span(1) for m in ORG_INTRO.finditer(text)]


def test_org_intros_names_the_organisation() -> None:
    text = "The anti-virus firm Sophos said the ferry operator Nordvik Lines was not a subgroup Member."
    assert [m.group(1) for m in org_intros(text, 0, len(text))] == ["Sophos", "Nordvik Lines"]


#: The plain patterns the sentence boundary and the name scan replaced.
BOUNDARY = regex.compile(r"""(?<=[.!?…])["”’»)\]]*\s+(?=["“‘«(\[]?[\p{Lu}\p{N}])""")
NAME = regex.compile(RE_NAME.pattern.replace(r"(?=\p{Lu})", "", 1))
WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$")
PROSE = texts(".", "!", "?", "…", "”", "’", ")", "]", " ", "\n", "“", "(", "Kalvik", "said", "Mr. ", "Ivo ",
              "J. ", "de ", "Renard", "U.S.", "3", "the", "Ωμέγα", "Київ")


@settings(max_examples=300)
@given(PROSE)
def test_fast_patterns_match_the_plain_ones(text: str) -> None:
    assert [m.span(1) for m in RE_BOUNDARY.finditer(text)] == [m.span() for m in BOUNDARY.finditer(text)]
    assert [m.span() for m in RE_NAME.finditer(text)] == [m.span() for m in NAME.finditer(text)]
    assert _NAME_WORD in RE_NAME.pattern
    for dot in (i for i, c in enumerate(text) if c == "."):
        window = (max(0, dot - 20), dot + 1)
        fast, plain = RE_WORD_BEFORE.search(text, *window), WORD_BEFORE.search(text, *window)
        assert (fast and fast.span(1)) == (plain and plain.span(1))
