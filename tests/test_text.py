"""Decoding, boilerplate, paragraphs and sentences: offsets into the input."""

from __future__ import annotations

import pytest

from claimcli.errors import BadInputError
from claimcli.extract import analyse
from claimcli.text import (
    decode,
    doc_id,
    front_matter,
    paragraphs,
    scan_lines,
    sentences,
    split_sentences,
    title_of,
    unwrap,
)


@pytest.mark.parametrize(
    ("data", "expected", "why"),
    [
        ("Kyiv said “no”.".encode(), "Kyiv said “no”.", "plain UTF-8"),
        (b"\xef\xbb\xbfHello", "Hello", "a UTF-8 BOM is dropped"),
        ("Caf\u00e9 \u201cquote\u201d".encode("cp1252"), "Caf\u00e9 \u201cquote\u201d", "cp1252 fallback keeps curly quotes"),
        (b"Stra\xdfe \xa0", "Stra\u00dfe \u00a0", "latin-1 style bytes decode through cp1252"),
        ("Hi".encode("utf-16"), "Hi", "UTF-16 with BOM"),
    ],
)
def test_decode(data: bytes, expected: str, why: str) -> None:
    assert decode(data) == expected, why


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00", bytes(range(0, 32)) * 10])
def test_decode_rejects_binary(data: bytes) -> None:
    with pytest.raises(BadInputError, match="binary"):
        decode(data, name="blob.bin")


def test_a_stray_nul_byte_is_still_text() -> None:
    data = "“Two died,” he said.\r\nShe said:\r“More will die.”\u2028Done.".encode() + b"\x00\x00 end."
    assert decode(data).endswith("\x00\x00 end.")


def test_decode_forced_encoding_error_names_the_fix() -> None:
    with pytest.raises(BadInputError, match="--encoding"):
        decode(b"\xff\xfe\xfa", "ascii", name="x.txt")


def test_doc_id_ignores_whitespace_differences() -> None:
    assert doc_id("A  story\n\nabout x. ") == doc_id("A story about x.")
    assert doc_id("A story") != doc_id("A stories")
    assert len(doc_id("x")) == 16


ARTICLE = """Title: Dam toll rises
Publisher: Northern Wire Service
Published: 2026-03-10
URL: https://northernwire.example/dam

Home » World » Europe

Dam toll rises to 14

ORLITZ, March 10 (Northern Wire Service) - At least 14 people died, officials said.

Sign up for our newsletter to get the morning briefing

Read more

"We are doing everything," Halvorsen said. "Everything."
© 2026 Northern Wire Service. All rights reserved.
"""


def test_lines_are_classified_and_offsets_point_into_the_input() -> None:
    lines = scan_lines(ARTICLE)
    kinds = {ARTICLE[line.span[0] : line.span[1]]: line.kind for line in lines if line.kind != "blank"}
    assert kinds["Title: Dam toll rises"] == "meta"
    assert kinds["Home » World » Europe"] == "boilerplate"
    assert kinds["Sign up for our newsletter to get the morning briefing"] == "boilerplate"
    assert kinds["Read more"] == "boilerplate"
    assert kinds["© 2026 Northern Wire Service. All rights reserved."] == "boilerplate"
    assert kinds["Dam toll rises to 14"] == "headline"
    assert front_matter(ARTICLE, lines)["publisher"] == "Northern Wire Service"
    assert title_of(ARTICLE, lines) == "Dam toll rises"
    paras = paragraphs(ARTICLE, lines)
    texts = [ARTICLE[s:e] for s, e in paras]
    assert texts == [
        "At least 14 people died, officials said.",  # the dateline is not part of the story
        '"We are doing everything," Halvorsen said. "Everything."',
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Get our free daily newsletter", "boilerplate"),
        ("The Morning Briefing newsletter", "boilerplate"),
        ("Harbour news in your inbox: subscribe to the newsletter", "boilerplate"),
        ("The shipping newsletter said ferry bookings fell 12 pct in May.", "text"),
        ("Bookings fell, the free-market newsletter Harbour Watch said.", "text"),
        ("Lind, co-editor of Quay Notes, a newsletter on harbour politics, said the ferry was sold.", "text"),
    ],
)
def test_newsletter_pleas_are_boilerplate_but_a_newsletter_that_reports_is_not(line: str, kind: str) -> None:
    assert [ln.kind for ln in scan_lines(line)] == [kind]


def test_a_line_closed_by_typewriter_quotes_is_prose_not_a_headline() -> None:
    text = "As for the ferry, he said, ''What operator is not cutting costs?''\n"
    assert [ln.kind for ln in scan_lines(text) if ln.kind != "blank"] == ["text"]
    quotes = [q for q in analyse(text).claims if q.kind == "quote"]
    assert [q.content.text for q in quotes] == ["What operator is not cutting costs?"]


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = "The minister said the talks\nwould resume next week in Geneva.\nA second paragraph starts here.\n"
    paras = paragraphs(text)
    assert [text[s:e] for s, e in paras] == [
        "The minister said the talks\nwould resume next week in Geneva.",
        "A second paragraph starts here.",
    ]


# Wire copy hard-wrapped at about 64 characters, paragraphs indented by four
# spaces, the way agency feeds deliver it: no line of it is a headline.
WRAPPED = (
    "ORLITZ FERRY OPERATOR SEES RECORD SUMMER\n"
    "\n"
    "Orlitz's rise as a ferry hub on the northern coast for\n"
    "U.S. and Nordic freight has been spurred by the new quay,\n"
    "port officials and analysts said.\n"
    '    "The harbour is now freight-driven," said Ivo\n'
    "Renard, director of the Orlitz Port Authority.\n"
    '    "We handle ships of 100,000 tonnes or more in\n'
    '10 hours, all related to the new quay," Renard said.\n'
    '    "The quay is ready for the winter storms,"\n'
    "Ola Berg of the Orlitz Port Authority's freight\n"
    "division told reporters.\n"
)


def test_hard_wrapped_wire_copy_has_one_headline_and_whole_paragraphs() -> None:
    lines = scan_lines(WRAPPED)
    kinds = [(line.kind, WRAPPED[line.span[0]:line.span[1]].strip()[:20]) for line in lines if line.kind != "blank"]
    assert [k for k, _ in kinds] == ["headline"] + ["text"] * 10, kinds
    paras = [WRAPPED[s:e] for s, e in paragraphs(WRAPPED, lines)]
    assert len(paras) == 4
    assert paras[3].endswith("freight\ndivision told reporters.")  # a quote closed after a comma runs on
    assert paras[1].strip().startswith('"The harbour is now freight-driven," said Ivo\nRenard')


def test_hard_wrapped_wire_copy_keeps_its_claims() -> None:
    claims = [c for c in analyse(WRAPPED).claims if c.kind != "figure"]
    assert [(c.speaker.name if c.speaker else None, c.content.text.replace("\n", " ")) for c in claims] == [
        ("port officials and analysts", "Orlitz's rise as a ferry hub on the northern coast for U.S. and Nordic "
                                        "freight has been spurred by the new quay"),
        ("Ivo Renard", "The harbour is now freight-driven,"),
        ("Ivo Renard", "We handle ships of 100,000 tonnes or more in 10 hours, all related to the new quay,"),
        ("Ola Berg", "The quay is ready for the winter storms,"),
    ]


def test_unwrap_turns_breaks_inside_paragraphs_into_spaces_and_keeps_every_offset() -> None:
    text = ("FERRY FARES RISE\n\nThe Orlitz ferry operator raised its fares by 12 pct in\r\n"
            "1987 and will raise them again on July\n8, its chief executive said on Monday.\n"
            "    Net 2,935,000 vs 2,758,000\n    Revs 41.2 mln vs 39.0 mln\n")
    flat = unwrap(text, paragraphs(text))
    assert len(flat) == len(text)
    assert flat == text.replace("in\r\n1987", "in  1987").replace("July\n8", "July 8")  # and nothing else
    assert unwrap(WRAPPED, paragraphs(WRAPPED)).count("\n") == WRAPPED.count("\n") - 6  # indented lines stay apart


def test_figures_and_times_read_hard_wrapped_phrases_and_keep_the_text_as_written() -> None:
    doc = analyse(WRAPPED_FIGURES, published="1987-03-02")
    assert [(t.text, t.value) for t in doc.times] == [("December\n1, 1986", "1986-12-01"), ("March\n1986", "1986-03")]
    assert [(f.text, f.qualifier, f.object) for f in doc.figures] == [
        ("more\nthan 250 fitness centers", "more_than", "fitness centers"),
        ("about\n8.8 mln dlrs", "about", "$"),
        ("two former athletes", "exact", "former athletes"),
    ]
    for record in (*doc.times, *doc.figures):
        assert WRAPPED_FIGURES[record.span[0]:record.span[1]] == record.text


WRAPPED_FIGURES = (
    "HEALTH CLUB CHAIN BUYS RIVAL\n"
    "\n"
    "Orlitz Fitness Inc said it agreed on December\n"
    "1, 1986, to buy the Nordvik chain, which runs more\n"
    "than 250 fitness centers, for about\n"
    "8.8 mln dlrs in cash. The chain was founded in March\n"
    "1986 by two former athletes, the company said.\n"
)


def test_a_short_first_line_in_sentence_case_over_wrapped_prose_is_prose() -> None:
    text = ("FERRY FARES TO RISE\n\nFares on the Orlitz\n"
            "crossing will rise by a tenth in April, the operator said on Monday.\n")
    assert [line.kind for line in scan_lines(text)] == ["headline", "blank", "text", "text"]
    (para,) = paragraphs(text)
    assert text[para[0]:para[1]].startswith("Fares on the Orlitz\ncrossing")


def test_a_dateline_under_a_title_stays_apart_from_the_story() -> None:
    text = "Ferry strike ends\nMarch 01, 2026\nThe union said the strike was over and crews would return on Monday.\n"
    kinds = [line.kind for line in scan_lines(text)]
    assert kinds == ["headline", "headline", "text"]


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."], "U.S. inside a sentence"),
        ("Officials in the U.S. The rest stayed.", ["Officials in the U.S.", "The rest stayed."], "U.S. before an opener"),
        ("Mr. Smith and Gen. Jones met Sen. Lee. They spoke.", ["Mr. Smith and Gen. Jones met Sen. Lee.", "They spoke."], "titles"),
        ("It rose 3.5 percent. Prices fell.", ["It rose 3.5 percent.", "Prices fell."], "decimals"),
        ("John F. Kennedy spoke. It rained.", ["John F. Kennedy spoke.", "It rained."], "initials"),
        ("The talks began on Feb. 24 in Minsk. Both sides came.", ["The talks began on Feb. 24 in Minsk.", "Both sides came."], "month abbreviation"),
        ("“It is over,” she said. “We go home.”", ["“It is over,” she said.", "“We go home.”"], "split quote"),
        ("He said “Go.” Then he left.", ["He said “Go.”", "Then he left."], "period inside the quote"),
        ("According to the A.P., Putin spoke. Later he left.", ["According to the A.P., Putin spoke.", "Later he left."], "A.P. with comma"),
        ("The U.N. said 12 died. 3 were hurt.", ["The U.N. said 12 died.", "3 were hurt."], "digit opens a sentence"),
        ("It signed with Orlitz Ferries Inc. Terms were not disclosed.",
         ["It signed with Orlitz Ferries Inc.", "Terms were not disclosed."], "a company suffix before a new clause"),
        ("It signed with Orlitz Ferries Inc. Chairman Ivo Lind was pleased.",
         ["It signed with Orlitz Ferries Inc. Chairman Ivo Lind was pleased."], "a company suffix before a title and name"),
    ],
)
def test_split_sentences(text: str, expected: list[str], why: str) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected, why


def test_sentences_carry_their_paragraph() -> None:
    text = "One. Two.\n\nThree."
    sents = sentences(text, paragraphs(text))
    assert [(text[s.span[0] : s.span[1]], s.paragraph) for s in sents] == [("One.", 0), ("Two.", 0), ("Three.", 1)]
