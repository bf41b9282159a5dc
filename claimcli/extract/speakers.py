"""Speakers: what kind of source a noun phrase names, its role, and the
fullest name the article gives it ("he" -> Zelensky -> Volodymyr Zelensky).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from ..models import Speaker, SpeakerType
from ..text import ABBREVIATIONS
from .lexicon import (
    ANONYMOUS_HEADS,
    COMPANY_SUFFIXES,
    DOCUMENT_HEADS,
    FEMALE_FIRST_NAMES,
    FEMALE_MARKERS,
    IRREGULAR_PASTS,
    MALE_FIRST_NAMES,
    MALE_MARKERS,
    ORG_HEADS,
    PLACE_SUFFIXES,
    QUANTIFIERS,
    ROLE_HEADS,
    SUBJECT_PRONOUNS,
)
from .patterns import RE_WORD_CHAR

Span = tuple[int, int]

#: A word token: letters/digits joined by . ' ’ - &, with a final period kept
#: for abbreviations (U.S., Gen.).
#: (``[^\W_]`` is a letter or a digit; the standard ``re`` runs this faster than ``regex``.)
RE_TOKEN = re.compile(r"[^\W_]+(?:[.'’\-&][^\W_]+)*(?:\.(?=[\s,]|$))?|[^\s\w]|_")

#: Honorifics and capitalised titles that precede a personal name.
TITLES = frozenset(
    """
    mr mrs ms miss dr sir dame lord lady gen general sen senator rep representative gov governor
    president vice prime minister secretary ambassador mayor judge justice chief commander
    col colonel lt lieutenant capt captain sgt sergeant maj major adm admiral prof professor
    rev reverend father pope king queen prince princess sheikh emir chancellor premier
    spokesman spokeswoman spokesperson director chairman chairwoman deputy attorney officer
    inspector superintendent detective constable commissioner minister-president
    """.split()
)
DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your some many several each "
    "every another both all no any few".split()
)
#: Prepositions that open a post-modifier of a noun: "a spokesman for the
#: ministry", "observers around the country".
NP_PREPOSITIONS = frozenset({"of", "for", "at", "in", "on", "from", "around", "across", "near", "inside", "outside",
                             "throughout", "within"})
#: Conjunctions that open a sentence before a name: "While Lind said …".
SUBORDINATORS = frozenset({"while", "although", "though", "after", "before", "when", "since", "because", "if",
                           "as", "whereas", "once", "until", "unless"})
MONTHS_DAYS = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
#: Places that, alone as a subject, stand for a government ("Moscow said").
GOVERNMENT_PLACES = frozenset(
    """
    russia ukraine moscow kyiv kiev washington beijing china london britain france paris
    germany berlin israel iran tehran turkey ankara india japan tokyo brussels europe
    america syria damascus iraq baghdad egypt cairo poland warsaw belarus minsk nato
    pakistan afghanistan kabul korea pyongyang seoul taiwan taipei canada ottawa mexico brazil
    italy rome spain madrid greece athens sweden norway finland denmark hungary romania
    serbia georgia armenia azerbaijan kazakhstan saudi qatar lebanon jordan libya sudan
    nigeria kenya ethiopia venezuela cuba colombia argentina chile australia canberra
    """.split()
)


class Token(NamedTuple):
    """A word or punctuation mark with its offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``; a final period stays
    on a token only for abbreviations (U.S., Gen., J.)."""
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # what Token(...) calls, without its Python-level frame (this runs per token)
    for m in RE_TOKEN.finditer(text, start, end):
        word = m.group()
        a, b = m.span()
        if word[-1] == "." and len(word) > 2 and "." not in word[:-1] and word[:-1].lower() not in ABBREVIATIONS:
            append(new(Token, (word[:-1], a, b - 1)))
        else:
            append(new(Token, (word, a, b)))
    return out


RE_POSSESSIVE_END = regex.compile(r"['’]s$")
RE_BARE_END = regex.compile(r"(?:['’]s?|\.)$")


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """A word lower-cased without a final possessive or period."""
    return RE_BARE_END.sub("", word.lower())


def classify(words: list[Token]) -> tuple[SpeakerType, str, str | None, Span]:
    """Type, display name, role and name span of a speaker noun phrase.

    ``words`` is the phrase as tokens (determiners included).
    """
    if not words:
        raise ValueError("empty phrase")
    lowered = [_bare(t.text) for t in words]
    if len(words) == 1 and lowered[0] in SUBJECT_PRONOUNS:
        return "person", words[0].text, None, (words[0].start, words[0].end)
    # The head: the noun before the first post-modifier ("the governor of X").
    head_index = len(words) - 1
    for i, low in enumerate(lowered):
        post = low in NP_PREPOSITIONS or low in ("with", "by", "to", "who", "which", "familiar")
        # A participle starts a post-modifier only when a preposition or a
        # determiner follows: "a summary published on …", not "chief operating officer".
        following = lowered[i + 1] if i + 1 < len(lowered) else ""
        participle = (not words[i].is_capitalised and low.endswith(("ed", "ing")) and low not in ROLE_HEADS
                      and (following in ("by", "in", "on", "at", "with", "for", "to", "from", "last", "this")
                           or following in DETERMINERS or not following))
        if i and (post or participle):
            head_index = i - 1
            break
    head = lowered[head_index]
    if head_index + 1 < len(words) and lowered[head_index + 1] == "of" and (head in QUANTIFIERS or head.isdigit()):
        return "anonymous", _join(words, 0, len(words)), None, (words[0].start, words[-1].end)  # "eight of 10 voters"
    # The personal name: the capitalised run that ends at the head, after the
    # last title word inside it.
    run_start = head_index
    while run_start > 0 and words[run_start - 1].is_capitalised and words[run_start - 1].is_word:
        run_start -= 1
    name_start = run_start
    for i in range(run_start, head_index + 1):
        if lowered[i] in TITLES or lowered[i] in ROLE_HEADS or words[i].text.isupper() and "." in words[i].text:
            name_start = i + 1
    phrase = _join(words, 0, len(words))
    role_words = words[:name_start]
    while role_words and role_words[0].lower in DETERMINERS:
        role_words = role_words[1:]
    role = _join(role_words, 0, len(role_words)) or None
    name_words = words[name_start : head_index + 1]
    is_name = bool(name_words) and all(t.is_capitalised for t in name_words) and words[head_index].is_capitalised
    # A common noun that opens the sentence: "Passengers around the harbour", "Data from the port".
    common_plural = head_index == 0 and (head in ANONYMOUS_HEADS or head in DOCUMENT_HEADS
                                         or head.endswith(("ers", "ists", "ians", "ors")))
    if is_name and not common_plural and head not in ORG_HEADS and not (len(name_words) == 1 and head in GOVERNMENT_PLACES):
        if head in MONTHS_DAYS:
            return "organization", phrase, role, (words[0].start, words[-1].end)
        name = _join(name_words, 0, len(name_words))
        if len(name_words) == 1 and name_words[0].text.isupper() and len(name_words[0].text) > 1:
            return "organization", name, role, (name_words[0].start, name_words[-1].end)
        return "person", name, role, (name_words[0].start, name_words[-1].end)
    span = (words[0].start, words[-1].end)
    named_org = words[head_index].is_capitalised and any(low in ORG_HEADS for low in lowered[: head_index + 1])
    if head in ORG_HEADS or head in GOVERNMENT_PLACES or named_org:
        return "organization", _strip_det(words), None, span
    if head in DOCUMENT_HEADS:
        return "document", _strip_det(words), None, span
    if head in ANONYMOUS_HEADS:
        return "anonymous", phrase, None, span
    if head in ROLE_HEADS:
        return "person", _strip_det(words), None, span
    indefinite = lowered[0] in ("a", "an", "some", "several", "one", "two", "many") or (
        head.endswith("s") and not words[head_index].is_capitalised or head.endswith(("ers", "ists", "ians")))
    if indefinite or lowered[0] in ("those", "these"):
        return "anonymous", phrase, None, span
    return "organization", _strip_det(words), None, span


def _strip_det(words: list[Token]) -> str:
    rest = words[1:] if words and words[0].lower in DETERMINERS and len(words) > 1 else words
    return _join(rest, 0, len(rest))


def _join(words: list[Token], i: int, j: int) -> str:
    out = ""
    prev_end = None
    for t in words[i:j]:
        if prev_end is not None and t.start > prev_end:
            out += " "
        out += t.text
        prev_end = t.end
    return out


# --------------------------------------------------------------------------
# Names within one article

#: One word of a name: an initial ("F."), a title abbreviation ("Mr.",
#: "Gen."), or a capitalised word.  A period ends a name anywhere else, so a
#: name never runs on into the next sentence ("Jon Thoday. He").
_NAME_WORD = (r"(?:\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Prof|Rev|Jr|Sr)\."
              r"|\p{Lu}[\p{L}'’\-]*)")
#: Space between the words of a name, a hard line wrap included ("said Ivo\nRenard").
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
RE_NAME = regex.compile(
    rf"(?=\p{{Lu}})(?<![.\p{{L}}])\b{_NAME_WORD}(?:{_GAP}(?:(?:de|van|von|der|bin|al|da|dos|du|le|la){_GAP})?{_NAME_WORD}){{1,4}}"
)
#: An organisation introduced by what it is: "anti-virus firm Sophos".
ORG_NOUNS = tuple("""
    firm company group agency organisation organization maker giant carrier bank retailer broadcaster
    newspaper network charity union party operator insurer airline startup website
    """.split())
#: Verbs after "the company X" that make X the subject of a relative clause
#: ("the company Elon Musk founded"), not the company's name.
RELATIVE_VERBS = frozenset("""
    founded co-founded built runs ran owns owned leads led started created bought sold heads headed
    chairs chaired manages managed joined left quit sued set works worked advises advised
""".split())
RE_ORG_NAME = regex.compile(r"[ \t]+(\p{Lu}[\p{L}&'’\-]*(?:[ \t]+\p{Lu}[\p{L}&'’\-]*){0,3})")


def org_intros(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The names in ``text[start:end]`` that follow a noun saying what they
    are: "Sophos" in "anti-virus firm Sophos" (group 1), in order.  The nouns
    are found with ``str.find``, which is many times faster than a regex
    trying 21 words at every character."""
    at = []
    for noun in ORG_NOUNS:
        pos = text.find(noun, start, end)
        while pos >= 0:
            after = pos + len(noun)
            if ((pos == 0 or not RE_WORD_CHAR.match(text, pos - 1)) and text[after:after + 1] in (" ", "\t")
                    and not (noun == "maker" and text[pos - 1:pos] == "-")):  # a film-maker is a person
                at.append(after)
            pos = text.find(noun, after, end)
    at.sort()
    reached = start
    for pos in at:
        if pos < reached:
            continue
        name = RE_ORG_NAME.match(text, pos, end)
        if name is not None:
            yield name
            reached = name.end()


@dataclass(slots=True)
class Person:
    name: str
    start: int
    gender: str | None = None


RE_ARTICLE_BEFORE = regex.compile(r"\b(?:the|a|an)\s+$")
RE_CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}'’\-]+")
#: The lower-case word right after a capitalised run (on the same line or the next).
RE_WORD_AFTER = regex.compile(r"[ \t]*\n?[ \t]*(\p{Ll}[\p{Ll}\-]+)\b")
#: Lower-case words that may follow a person's name: verbs, function words.
_AFTER_NAME = frozenset(
    """
    and or but nor of in on at to for from with by as that who whom whose which said told says say was were is are
    has have had will would could should may might can did does do also then when while after before since until
    if than not never still just only even too later earlier again himself herself
    """.split()
)


def _attributive(word: str) -> bool:
    """Is ``word`` a common noun a name modifies ("Grand Slam match"), not a
    verb or function word that follows a person ("Ivo Lind said")?"""
    return word not in _AFTER_NAME and not word.endswith(("s", "ed", "ly", "ing")) and word not in NAME_VERBS


#: Past tenses a name may be the subject of: "Ivo Lind told", "Ola Berg beat".
NAME_VERBS = IRREGULAR_PASTS | frozenset(
    """
    told wrote said put set cut let read beat quit bet shut spread cost hurt burst cast bid swept wept slept dealt
    lent bent drew threw blew swore tore wore bore woke rode hid bit shot stole spun withdrew overtook undertook
    forgave forbade
    """.split()
)


class NameBook:
    """The people an article names, so surnames and pronouns resolve to the
    fullest form it gives."""

    def __init__(self, text: str, spans: list[Span]) -> None:
        self.text = text
        self.by_token: dict[str, str] = {}  # surname / first name -> full name
        self.mentions: list[tuple[int, str]] = []  # (position, full name), sorted
        self.gender: dict[str, str] = {}
        self.speakers: list[tuple[int, str]] = []  # (position, full name) of people quoted, sorted
        self.last_noted: tuple[int, str] | None = None  # what note_speaker recorded last
        self.orgs: dict[str, str] = {}  # first word -> full organisation name
        self.org_mentions: list[tuple[int, str, str]] = []  # (position, full name, head word)
        for start, end in spans:
            for match in RE_NAME.finditer(text, start, end):
                self._add(match)
            for match in org_intros(text, start, end):
                name = match.group(1)
                after = RE_WORD_AFTER.match(text, match.end(1))
                if after and after.group(1) in RELATIVE_VERBS:
                    continue  # "the company Elon Musk founded": the name is the clause's subject
                self.orgs.setdefault(_bare(name.split()[0]), name)
                if " " not in name:
                    self.org_mentions.append((match.start(1), name, _bare(name)))
        if self.by_token:
            # A surname on its own mentions the person again: "Garcia-Lopez was
            # delighted. “…,” he said." (for pronouns, the latest mention counts).
            for start, end in spans:
                for match in RE_CAPITALISED.finditer(text, start, end):
                    full = self.by_token.get(_bare(match.group()))
                    if full is not None:
                        self.mentions.append((match.start(), full))
        self.mentions.sort()
        self.org_mentions.sort()
        self._positions = [pos for pos, _ in self.mentions]

    def _add(self, match: regex.Match[str]) -> None:
        words = tokens(self.text, match.start(), match.end())
        lowered = [_bare(t.text) for t in words]
        first = 0
        gender = None
        for i, low in enumerate(lowered):
            if low in TITLES or low in ROLE_HEADS:
                first = i + 1
            if low in FEMALE_MARKERS:
                gender = "female"
            elif low in MALE_MARKERS:
                gender = "male"
        name_words = [t for t in words[first:] if t.text[0].isupper() and _bare(t.text) not in DETERMINERS]
        while name_words and name_words[0].lower in SUBORDINATORS:
            name_words = name_words[1:]  # "While Ivo Lind said …"
        if not name_words:
            return
        last = _bare(name_words[-1].text)
        if len(name_words) < 2 and last not in ORG_HEADS:
            return
        if last in PLACE_SUFFIXES:
            return
        if last in ORG_HEADS or last.endswith(COMPANY_SUFFIXES):
            full = " ".join(t.text for t in name_words)
            full = RE_POSSESSIVE_END.sub("", full)
            self.orgs.setdefault(_bare(name_words[0].text), full)
            self.org_mentions.append((name_words[0].start, full, last))
            return
        if lowered[0] in DETERMINERS or len(name_words) < 2:
            return
        if gender is None:
            gender = first_name_gender(" ".join(t.text for t in name_words))
        after = RE_WORD_AFTER.match(self.text, match.end())
        if after and _attributive(after.group(1)):
            return  # a name used as a modifier: "his third Grand Slam match", "a Gold Coast hotel"
        if lowered[0] not in TITLES and RE_ARTICLE_BEFORE.search(self.text, max(0, match.start() - 5), match.start()):
            return  # "the Farm Bill allowed": a person's name takes no article (but "the Rev. Ola Berg")
        if any(_bare(t.text) in ORG_HEADS or _bare(t.text) in MONTHS_DAYS for t in name_words):
            return
        if any(_bare(t.text) in GOVERNMENT_PLACES for t in name_words):
            return
        full = " ".join(t.text.rstrip(".") if not t.text.endswith(".") or len(t.text) > 2 else t.text for t in name_words)
        full = RE_POSSESSIVE_END.sub("", full)
        surname = _bare(name_words[-1].text)
        known = self.by_token.get(surname)
        if known is None or len(full) > len(known):
            self.by_token[surname] = full
        self.mentions.append((name_words[0].start, self.by_token[surname]))
        if gender:
            self.gender.setdefault(self.by_token[surname], gender)

    def organisation(self, head: str, position: int) -> str | None:
        """The organisation "the agency" / "the company" at ``position``
        refers to: the latest one named before it with that head."""
        best = None
        for pos, full, last in self.org_mentions:
            if pos >= position:
                break
            if last == head or (head in ("company", "firm", "operator") and last.endswith(COMPANY_SUFFIXES)):
                best = full
        return best

    def full_name(self, name: str) -> str:
        """The fullest form of ``name`` the article gives."""
        parts = name.split()
        if not parts:
            return name
        known = self.by_token.get(_bare(parts[-1]))
        if known and (len(parts) == 1 or known.endswith(parts[-1].rstrip("’'s"))):
            return known if len(known) >= len(name) else name
        return name

    def note_speaker(self, name: str, start: int, gender: str | None = None) -> None:
        """Record a resolved person speaker, so later pronouns can find it."""
        index = bisect_left(self._positions, start)
        self._positions.insert(index, start)
        self.mentions.insert(index, (start, name))
        if not self.speakers or self.speakers[-1][0] <= start:
            self.speakers.append((start, name))
        else:
            self.speakers.insert(bisect_left(self.speakers, (start, name)), (start, name))
        if gender:
            self.gender.setdefault(name, gender)
        self.last_noted = (start, name)

    def forget_speaker(self, start: int, name: str) -> None:
        """Undo note_speaker for a subject whose cue turned out to say nothing
        ("the Farm Bill allowed steep cuts"), so pronouns do not find it."""
        index = bisect_left(self.mentions, (start, name))
        if index < len(self.mentions) and self.mentions[index] == (start, name):
            del self.mentions[index]
            del self._positions[index]
        index = bisect_left(self.speakers, (start, name))
        if index < len(self.speakers) and self.speakers[index] == (start, name):
            del self.speakers[index]

    def antecedent(self, pronoun: str, position: int) -> str | None:
        """The person a he/she/I at ``position`` most likely refers to: the
        latest person quoted in the last ~1,500 characters (news returns to
        its speakers), else the latest person named."""
        want = SUBJECT_PRONOUNS.get(pronoun.lower())
        sexed = want in ("male", "female")
        # People quoted lately come first, then people named.  Once a person
        # of the other sex has been passed over, a person of unknown sex
        # ("Giorgia Meloni") may be the one meant, so the search stops there
        # unresolved rather than reach past her to an older woman; a name that
        # is no person's ("Video", a journal) is passed over.  A guess is
        # worse than none.
        passed = False
        for name, named in self._candidates(position):
            if sexed and _bare(name.rsplit(None, 1)[-1]) in PUBLICATION_WORDS and first_name_gender(name) is None:
                continue  # "the British Medical Journal" is nobody he or she stands for (but "Dan Daily" is)
            gender = self.gender.get(name)
            if not sexed or gender == want or (gender is None and not passed):
                if named and sexed and gender is None:
                    self.gender[name] = want
                return name
            if gender is None and _personal(name):
                return None
            passed = passed or gender is not None
        return None

    def _candidates(self, position: int) -> Iterator[tuple[str, bool]]:
        """Who a pronoun at ``position`` may stand for, nearest first: the
        people quoted in the last ~1,500 characters, then the people named in
        the last ~3,000 (with True)."""
        for start, name in reversed(self.speakers):
            if start >= position:
                continue
            if position - start > 1500:
                break
            yield name, False
        index = bisect_left(self._positions, position) - 1
        while index >= 0 and position - self._positions[index] < 3000:
            yield self.mentions[index][1], True
            index -= 1


PRONOUN_MARKERS = frozenset({"he", "his", "him", "she", "her"})
NAME_LEAD_WORDS = frozenset({"but", "and", "or", "so", "yet", "then"}) | SUBORDINATORS


def _personal(name: str) -> bool:
    """Does ``name`` look like a person's: two or more capitalised words,
    none of them the head of an organisation or a document?"""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() and _bare(w) not in ORG_HEADS and _bare(w) not in DOCUMENT_HEADS
                                   for w in words)


#: Words that end the names of newspapers, magazines and broadcasters: "the
#: Hong Kong Economic Journal" is nobody "he" or "she" can stand for.  (Not
#: Post, Daily or Observer, which are surnames too.)
PUBLICATION_WORDS = frozenset("""
    journal times herald tribune gazette magazine telegraph chronicle news radio television tv
""".split())


def first_name_gender(name: str) -> str | None:
    """ "female" or "male" when the given names in ``name`` (every word but
    the surname; a one-word name as it stands, "Sharon") almost always name
    one sex, and none says the other.  A possessive or a conjunction a
    subject scan left on ("Helen's", "But") is no given name.  A title
    ("Mrs Gordon") says more than a name, so callers ask this last."""
    found = set()
    words = name.split()
    for word in words[:-1] if len(words) > 1 else words:
        if word.endswith(("'s", "’s")) or word.lower() in NAME_LEAD_WORDS:
            continue
        low = _bare(word)
        if low in FEMALE_FIRST_NAMES:
            found.add("female")
        elif low in MALE_FIRST_NAMES:
            found.add("male")
    return found.pop() if len(found) == 1 else None


def make_speaker(words: list[Token], book: NameBook, recent_org: str | None,
                 apposition: str | None = None, recent_group: Speaker | None = None) -> Speaker:
    """A Speaker record from a subject phrase, names resolved in ``book``;
    ``apposition`` is a role given beside it ("…, a spokesman for X,")."""
    kind, name, role, name_span = classify(words)
    role = role or apposition
    span = (words[0].start, words[-1].end)
    mention = book.text[span[0]:span[1]]
    low = words[0].lower if len(words) == 1 else ""
    if low in SUBJECT_PRONOUNS:
        if low in ("he", "she", "his", "her", "him", "i"):
            resolved = book.antecedent(low, span[0])
            return Speaker(resolved or mention, mention, span, None, "person")
        if low in ("they", "their", "them") and recent_group:
            return Speaker(recent_group.name, mention, span, None, recent_group.type)
        if low in ("it", "its", "they", "their", "them") and recent_org:
            return Speaker(recent_org, mention, span, None, "organization")
        return Speaker(mention, mention, span, None, "anonymous" if low in ("they", "them", "their") else "organization")
    if kind == "person" and len(name.split()) == 1 and _bare(name) in book.orgs:
        return Speaker(book.orgs[_bare(name)], mention, span, role, "organization")
    if kind == "person" and book.orgs.get(_bare(name.split()[0])) == name:
        return Speaker(name, mention, span, role, "organization")  # "ferry operator Nordvik Lines", named so before
    if kind == "person" and _bare(name.split()[-1]).endswith(COMPANY_SUFFIXES) and len(name.split()) > 1:
        return Speaker(name, mention, span, role, "organization")
    if kind == "person" and name_span[1] - name_span[0] > 0 and name[:1].isupper():
        full = book.full_name(name)
        # A title marks the speaker's sex, unless it is someone else's: a
        # pronoun ("His wife Sharon") or a word before a possessive ("Mr
        # Lind's lawyer") belongs to another person.
        own = words
        for i, t in enumerate(words):
            if t.text.endswith(("'s", "’s")):
                own = words[i + 1:]
        lowered = {_bare(t.text) for t in own} - PRONOUN_MARKERS
        gender = None
        if lowered & FEMALE_MARKERS:
            gender = "female"
        elif lowered & MALE_MARKERS:
            gender = "male"
        gender = gender or first_name_gender(full)
        book.note_speaker(full, span[0], gender)
        return Speaker(full, mention, span, role, "person")
    if kind == "organization" and words[0].lower in ("the", "its", "their") and len(words) <= 3:
        head = _bare(words[-1].text)
        named = book.organisation(head, span[0])
        if named is None and head in ("company", "firm", "operator", "group", "organisation", "organization"):
            named = recent_org
        if named:
            return Speaker(named, mention, span, role, kind)
    return Speaker(name, mention, span, role, kind)
