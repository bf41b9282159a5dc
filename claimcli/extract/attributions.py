"""Attributed claims: direct quotes and reported speech.

The extractor works sentence by sentence.  It finds reporting cues ("said",
"according to", "denied"), finds the cue's subject (before it, or after it in
the inverted "…," said the official), and takes as content the quotation or
clause the cue governs:

* a quote right before the subject and cue:  “…,” Kadyrov wrote on Telegram.
* a quote or clause after the cue:            Zelensky said that …; X said: “…”
* the clause before it:                        Troops are near Kyiv, the official said.
* "According to X, …" and "…, according to X" in both orders.

Quotes no cue claims become quote claims of their own, inheriting the speaker
of the quote just before them (“…,” she said. “…”) or with no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

import regex

from ..models import Cue, Speaker
from ..text import Sentence
from .lexicon import (
    ANONYMOUS_HEADS,
    CUE_STANCE,
    DOCUMENT_HEADS,
    HEDGES,
    IRREGULAR_FORMS,
    IRREGULAR_PASTS,
    NEEDS_THAT,
    OBJECT_CUES,
    ORG_HEADS,
    PHRASE_CUES,
    PLATFORMS,
    QUANTIFIERS,
    ROLE_HEADS,
    SAID_THINGS,
    STATEMENT_CHANNELS,
    SUBJECT_PRONOUNS,
)
from .patterns import trie
from .quotes import Quote
from .speakers import (
    DETERMINERS,
    MONTHS_DAYS,
    NP_PREPOSITIONS,
    SUBORDINATORS,
    NameBook,
    Token,
    make_speaker,
    tokens,
)
from .times import WEEKDAYS

Span = tuple[int, int]


# --------------------------------------------------------------------------
# Cue forms


def _inflections(lemma: str) -> dict[str, str]:
    """Regular -s/-ed/-ing forms of a one-word reporting verb."""
    double = lemma in {"admit", "quip", "rebut", "commit", "omit", "submit", "regret", "slam"}
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
        if lemma.endswith("ee"):
            ing = lemma + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif double:
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return {lemma: lemma, third: lemma, past: lemma, ing: lemma}


FORMS: dict[str, str] = {}
for _lemma in CUE_STANCE:
    if " " not in _lemma:
        FORMS.update(_inflections(_lemma))
FORMS.update(IRREGULAR_FORMS)
FORMS.pop("told", None)
for _noun in ("blast", "blasts"):  # "the Mumbai blasts": a noun, where "blasted" is a verb
    FORMS.pop(_noun, None)
FORMS.update({"told": "tell", "tells": "tell", "telling": "tell", "tell": "tell"})

def _casings(words: set[str]) -> set[str]:
    """Each word as written in lower case, Capitalised and in CAPITALS."""
    return {w for word in words for w in (word, word[:1].upper() + word[1:], word.upper())}


#: Every cue, phrases and verb forms, as one trie.  The standard library's
#: ``re`` runs this literal alternation several times faster than ``regex``,
#: and three casings are far cheaper than IGNORECASE.
RE_CUE = re.compile(r"\b(?:" + trie(_casings(set(FORMS) | set(PHRASE_CUES))) + r")\b")
RE_SPACES = re.compile(r"\s+")


def find_cues(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Every reporting cue in ``text[start:end]``: phrases ("according to")
    and verb forms, in order."""
    return list(RE_CUE.finditer(text, start, end))


#: Words that can never sit inside a subject noun phrase.
STOP_NP = frozenset(
    """
    that which who whom whose and but or nor so because although though while when whenever where
    if unless since until as than then there is are was were be been being am has have had do does
    did will would shall should can could may might must not to by with about after before
    during into through over under between against without within also just only even still yet
    said says told say tell it he she they we i you him them us me what how why whether however
    meanwhile moreover thus hence therefore instead here now
    """.split()
)
#: Words skipped between a subject and its verb ("Kadyrov also wrote").
SKIP_BEFORE_CUE = frozenset(
    """
    just
    also has have had did does do would will later earlier previously again then once further too
    still already first initially subsequently separately recently now today yesterday tonight
    repeatedly publicly privately quickly immediately since long last this
    """.split()
)
NEGATIONS = frozenset({"not", "n't", "never", "no", "declined", "refused", "didn't", "doesn't",
                       "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "cannot"})
PASSIVE_AUX = frozenset({"was", "were", "been", "be", "being", "is", "are"})
#: Cues that name whom they address before "that": "warned residents that …".
AUDIENCE_CUES = frozenset({"warn", "assure", "promise"})
#: A subject pronoun with its auxiliary run into it: "He’s claiming", "They’re insisting".
RE_CONTRACTED_SUBJECT = re.compile(r"(he|she|it|they|we|you|who|i)(?:['’](?:s|re|m))", re.IGNORECASE)
PARTICIPLES = {"said", "told", "written", "shown", "found", "thought"}
TIME_WORDS = MONTHS_DAYS | {"today", "yesterday", "tonight", "morning", "afternoon", "evening",
                            "night", "week", "weekend", "month", "year", "earlier", "later"}

#: The weekdays, as a pattern alternation (lower case, and as written in a name).
_WEEKDAYS = "|".join(WEEKDAYS)
_WEEKDAYS_TITLED = "|".join(day.capitalize() for day in WEEKDAYS)
#: Adjuncts between a cue and its content: channels, audiences and times.
_CHANNEL_WORDS = "|".join(
    regex.escape(c) for c in sorted([*PLATFORMS, *STATEMENT_CHANNELS], key=len, reverse=True)
)
RE_ADJUNCT = regex.compile(
    rf"""
    \s*,?\s*
    (?:
        (?i:(?:late|early|earlier|later)\s+)?(?i:on|in|at|during|via|through|over|to|with|from|before|after|for)\s+
        (?i:(?:the|a|an|his|her|its|their|this|that|last|next)\s+)?
        (?:
            (?i:(?:\w+\s+){{0,2}}(?:{_CHANNEL_WORDS}))\b
          | (?i:(?:{_WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?|
               today|yesterday|morning|
               afternoon|evening|night|week|weekend|reporters|journalists|lawmakers|parliament|
               first\s+time|second\s+time|record|camera)\b
          | \p{{Lu}}[\p{{L}}.’'\-]*(?:\s+(?:(?:of|the|with|and|for)\s+)?\p{{Lu}}[\p{{L}}.’'\-]*){{0,6}}
        )
      | (?i:(?:{_WEEKDAYS}|yesterday)(?!['’]s\b)(?:\s+(?:morning|afternoon|evening|night))?|
           today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|earlier|later|again|also|
           repeatedly|publicly|previously|privately|separately|recently|subsequently|initially|
           separately|formally|officially|flatly|firmly|angrily|bluntly|openly|quietly|simply)\b
    )
    """,
    regex.VERBOSE,
)
AUDIENCE_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "reporters", "journalists",
                               "lawmakers", "parliament", "congress", "supporters", "viewers", "listeners",
                               "readers", "investigators", "police", "officials", "residents", "students"})
AUDIENCES = AUDIENCE_PRONOUNS | frozenset({"audience", "crowd", "committee", "panel", "court", "jury", "senators",
                                           "delegates", "voters", "donors", "members", "staff", "troops",
                                           "workers", "families", "interviewer", "newspaper", "broadcaster",
                                           "agency", "channel", "station", "network"})
#: Words that open a phrase appended after "…, X said," rather than the rest of
#: an interrupted clause.
APPENDED = frozenset({"which", "who", "compared", "including", "citing", "adding", "saying", "according",
                      "as", "while", "although", "but", "though", "up", "down", "after", "before", "in",
                      "on", "at", "with", "without", "despite", "amid", "noting", "referring", "speaking"})
ADJUNCT_WORDS = frozenset({"on", "in", "at", "during", "with", "from", "for", "about", "after", "before",
                           "over", "via", "through", "last", "this", "earlier", "later", "late", "early"})
#: Capitalised words that open sentences but never name a source.
NOT_SPEAKERS = frozenset("""
    the a an rather still however but and so also yet instead meanwhile then now today here there this
    that these those such many most some all both each every other another more less few several one
    two three first last next later earlier finally indeed perhaps maybe say let if when while
""".split())
#: Words that open an aside between a subject and its verb: "The government,
#: on the other hand, claims …", "The ministry, however, said …".
INSERTIONS = frozenset({"on", "in", "for", "however", "meanwhile", "though", "too", "also", "instead",
                        "again", "then", "still", "moreover", "furthermore", "nevertheless", "nonetheless",
                        "meantime", "likewise", "similarly", "by", "at", "after", "like", "unlike", "as"})
#: Words that may follow an inverted subject: "…," said Smith on Tuesday /
#: in a statement / who asked not to be named.
INVERTED_FOLLOWERS = frozenset({"on", "in", "at", "during", "after", "before", "from", "of", "who", "whose",
                                "when", "while", "as", "late", "earlier", "today", "yesterday", "via", "to"})
RE_RELATIVE = regex.compile(r"\b(?:that|which|who|whom|whose)\b")
#: What can show a state of affairs without "that": polls, data, footage.
EVIDENCE_HEADS = DOCUMENT_HEADS | {"video", "footage", "average", "image", "photo", "photograph", "chart",
                                   "map", "graph", "slide", "recording", "documents", "evidence", "numbers"}


def _bare_head(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in SHOWING_HEADS else word


#: What can "read" something: "the letter reads", "a sign read".
WRITTEN_HEADS = DOCUMENT_HEADS | {"sign", "placard", "banner", "headline", "caption", "message", "note", "text", "post",
                                  "tweet", "inscription", "plaque", "card", "email", "leaflet", "poster", "slogan"}


#: Pronouns that open a reported clause right after an audience.
CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "there"})
#: Counts that open an inverted subject: "…, said one GOP source".
COUNT_WORDS = frozenset({"one", "two", "three", "four", "five", "several", "many", "most", "some", "another"})
#: Lower-case words inside a personal name ("Charles de Gaulle").
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "da", "del", "la", "bin", "al", "le", "du"})
#: A US party and state label in apposition: "R-Wis.", "D-N.Y.", "I-Vt.".
RE_PARTY_LABEL = regex.compile(r"[RDI]-\p{Lu}[\p{L}.\- ]{0,12}")
#: Where the head of a bare role ends: "director of AROS", "fellow at …".
ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "in", "with", "on", "to", "from", "and", "who"})
#: Role nouns seen in bare appositions that are not speaker heads on their own.
APPOSED_ROLES = frozenset({"associate", "fellow", "partner", "scholar", "counsel", "veteran", "historian",
                           "sociologist", "economist", "strategist", "pollster", "chairman", "co-founder",
                           "co-director", "lecturer", "researcher", "secretary", "spokesman", "spokeswoman",
                           "democrat", "republican", "independent"})
AUXILIARIES = frozenset({"has", "have", "had", "did", "does", "do", "would", "will", "also"})
#: -ing words that can sit inside a speaker's noun phrase.
NP_ING = frozenset({"leading", "ruling", "governing", "outgoing", "incoming", "visiting", "acting",
                    "sitting", "ranking", "opposing", "presiding", "founding", "managing", "reigning",
                    "remaining", "striking", "fighting", "attending", "campaigning", "polling"})
SPEAKER_HEADS = ROLE_HEADS | ORG_HEADS | ANONYMOUS_HEADS | WRITTEN_HEADS
SHOWING_HEADS = EVIDENCE_HEADS | WRITTEN_HEADS
#: Heads that name people, who can have advisers "to" them: "advisers to the mayor".
PERSON_HEADS = ROLE_HEADS | ANONYMOUS_HEADS
#: Subjects whose relative clause holds the cue: "Everything Trump says is a lie".
EVERYTHING = frozenset({"everything", "anything", "nothing", "whatever", "something"})
#: Possessive determiners: "his family", "his claim that …".
POSSESSIVES = frozenset({"his", "her", "their", "its", "our"})
#: Words that open an aside between a subject and its verb that is no role:
#: "Olga Mirren, who lives on Quay Row, said", "Experts, including Mr. Lund, say".
ASIDE_OPENERS = frozenset({"who", "whose", "which", "speaking", "according", "including", "like", "such", "formerly",
                           "previously", "once"})
#: Endings of adjectives, which cannot head a subject.
ADJECTIVE_ENDINGS = ("ed", "ar", "al", "ous", "ive", "ic", "able", "ible", "ful", "less")
#: Nouns ending in -ly, which are no adverbs before a verb: "the family said".
LY_NOUNS = frozenset({"family", "ally", "assembly", "rally", "supply", "monopoly", "anomaly", "homily"})


def plausible_speaker(words: Sequence[Token]) -> bool:
    """Can this noun phrase say something?  A name, a pronoun, or a head noun
    that names people, organisations or documents."""
    if any(t.is_capitalised and t.lower not in STOP_NP and t.lower not in NOT_SPEAKERS for t in words):
        return True
    if len(words) == 1 and words[0].lower in SUBJECT_PRONOUNS:
        return True
    if len(words) <= 4 and any(t.lower in ("percent", "%") for t in words):
        return True  # a poll's respondents: "63 percent said"
    lowered = [t.lower for t in words]
    of = lowered.index("of") if "of" in lowered[1:3] else 0
    if of and (lowered[of - 1] in QUANTIFIERS or lowered[of - 1].isdigit()) and len(words) > of + 1:
        # A partitive: "many of them", "eight of 10 voters", "most of the senators".
        return lowered[of + 1] in ("them", "us", "those") or plausible_speaker(words[of + 1:])
    if (len(words) > 1 and (lowered[0] in COUNT_WORDS or lowered[0] in ("the", "these", "those", "all", "both"))
            and len(lowered[-1]) > 3 and lowered[-1].endswith("s") and not lowered[-1].endswith(("ss", "us", "is"))):
        return True  # "several deckhands", "the pilots"
    if len(words) > 1 and len(lowered[-1]) > 4 and lowered[-1].endswith(("er", "or", "ist", "ian")):
        return True  # one agent noun heading a phrase: "one questioner", "a voter"
    if any(low in ("close", "familiar", "loyal", "opposed") and nxt in ("to", "with")
           for low, nxt in pairwise(lowered)):
        return True  # "those close to him", "people familiar with the matter"
    for t in words:
        low = t.lower.rstrip("’'")
        if "-" in low:
            # "the ex-Wallaby", "an ex-minister", "a co-founder", "vice-chairman"
            if low.startswith("ex-"):
                return True
            low = low.rsplit("-", 1)[1]
        if low in SPEAKER_HEADS or (low.endswith("s") and low[:-1] in SPEAKER_HEADS) or low.endswith(
                ("ists", "ers", "ians", "ors", "ents")):
            return True
    return False


#: Verbs that introduce speech even without "that" ("said the plan failed").
#: A finite verb in a clause (auxiliaries, modals, common past forms).
_FINITE = (r"is|are|was|were|will|would|had|has|have|could|can|should|must|did|does|do|may|might|shall|"
           r"(?<=\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]hat|[Ww]ho|[Hh]ere|[Ww]here))['’]s|'re|’re|'ll|’ll|\p{Ll}{2,}ed|\p{Ll}+n['’]t")
RE_FINITE = regex.compile(rf"\b(?:{_FINITE})\b")
PREPOSITIONS = frozenset({"of", "for", "at", "from", "with", "in", "on", "by", "to", "about", "into", "over"})
#: Cue words that are also nouns taking a "that" clause after a possessive:
#: "Trump's claim that …", "the ministry's warning that …", "his promise that …".
NOUN_CUES = frozenset({"claim", "claims", "warning", "warnings", "promise", "pledge", "report", "reports"})
RE_POSSESSOR_END = regex.compile(r"(?:\p{L}['’]s?|\b(?:his|her|their|its))\s+$", regex.IGNORECASE)
#: ", who" between a subject and its cue, and the main clause's verb after the aside.
RE_WHO_ASIDE = regex.compile(r",\s*(?:who|\w+\s+of\s+whom)\b")
RE_MAIN_VERB_BACK = regex.compile(rf",\s+(?:{_FINITE}|left|went|died)\b")
RE_RELATIVE_BEFORE = regex.compile(r"\b(?:which|who|that|whom)\s+(?:\w+ly\s+)?$")
#: A clause that opens with a finite auxiliary has lost its subject.
RE_AUX_FIRST = regex.compile(r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|does|did)\s", regex.IGNORECASE)
RE_DISCOURSE_SAID = regex.compile(r"\s+(?:that|this|so|as\s+much)\s*,")
#: A finite verb, the common irregular pasts included ("the ferry sank").
_IRREGULAR = "|".join(sorted(IRREGULAR_PASTS))
#: A clause's verb inside a larger pattern: finite forms and irregular pasts.
_CLAUSE_VERB = rf"(?:{_FINITE}|{_IRREGULAR})"
RE_CLAUSE_VERB = regex.compile(rf"\b(?:{_CLAUSE_VERB}|burnt)\b")
#: Where an object content ("urged X to Y", "described X as Y", "called for
#: X") stops: its subject goes on with a verb of its own ("…, and criticized
#: the party", "but stopped short of"), or a new subject starts a clause
#: ("…, and human rights groups warned"). An object phrase has no finite
#: verb of its own, so either can only belong to the sentence around it.
_PAST = rf"(?:\p{{Ll}}{{2,}}ed|{_IRREGULAR})"
RE_OBJECT_BREAK = regex.compile(
    rf"""(?:
        ,?\s+(?:and|but)\s+(?:(?:also|then|later|\p{{Ll}}+ly)\s+)?{_PAST}\s+
            (?=(?:the|an?|his|her|its|their|this|that|these|those|him|them|it|us|me|to|against|short|out)\b|\p{{Lu}})
      | ,\s+(?:and|but)\s+(?=(?:(?!(?:who|which|that|whose)\b)[\p{{L}}\-’'.]+\s+){{1,4}}?(?:{_FINITE})\b)
      | ,\s+(?:\p{{Ll}}+ly\s+|further\s+)?(?!(?:including|during|according|regarding|concerning|following|excluding|
                                                  pending|notwithstanding)\b)\p{{Ll}}{{2,}}ing\b(?<!thing)
            \s+(?!(?:and|or|nor)\b)(?=\w)  # "…, further raising pressure", not "wages, training and pensions"
    )""",
    regex.VERBOSE,
)


def _too_short(text: str, span: Span) -> bool:
    """Under two words, or under four with no verb: "said Tuesday", "Fine,
    she said"; but "said the plan failed", "The ferry sank, the agency said"."""
    n_words = len(text[span[0]:span[1]].split())
    return n_words < 2 or n_words < 4 and not RE_CLAUSE_VERB.search(text, span[0], span[1])
#: What stands before a gerund cue whose subject is the main clause's:
#: "…, adding that", "by saying", "after claiming".
RE_GERUND_LEAD = regex.compile(
    r"(?i)(?:,[\"”’']*|\bby|\bafter|\bbefore|\bwhile|\bin|\bwhen|\b(?:aside|apart)\s+from|\bupon)(?:\s+\w+ly)?\s*$"
)
#: Something put out, before the cue that says what it says: "issued a
#: statement saying", "released a letter from his doctor that says" (the
#: relative pronoun, group rel, only before a finite cue).
PUBLISH_VERBS = ("released", "issued", "posted", "published", "sent", "put out", "sent out", "unleashed", "fired off",
                 "tweeted", "shared")
#: "was quoted by Kyodo as" / "quoted a spokesman for the firm as", right before "saying".
RE_QUOTED_AS = regex.compile(
    r"(?:\b(?P<aux>was|were|is|are|been|being)[ \t]+(?:\w+ly[ \t]+)?)?\bquoted\b"
    r"(?P<mid>[^.;:!?\"“”]{0,100}?)[ \t]as[ \t]+$")
#: A stock ticker: "RICT.T", "TSBA.T", "MRK", "SB".
RE_TICKER = regex.compile(r"[A-Z][A-Z0-9&]{0,7}(?:\.[A-Z]{1,4})?")
#: "by the Interfax news agency" closing a sentence after "quoted as saying".
RE_BY_SOURCE = regex.compile(
    r"[ \t]+by[ \t]+(?!\d)(?:(?!\bthat\b)[^,.;:!?\"“”]){1,80}(?=[.!?]?[\"”’]?[ \t]*$)")
RE_PUBLISHED = regex.compile(
    r"(?i)\b(?:" + "|".join(v.replace(" ", r"\s+") for v in PUBLISH_VERBS) + r")\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:statements?|letters?|tweets?|posts?|messages?|notes?|memos?|releases?|e-?mails?|videos?"
    r"|reports?|notices?|documents?|ads?|advertisements?)(?:\s+[\w’'-]+){0,5}?\s+(?P<rel>that\s+|which\s+)?$"
)
PUBLISHED_CUES = frozenset({"saying", "says", "said", "stating", "states", "stated"})
#: The first word of each of those verbs, to find where one may start: a
#: literal trie in three casings, which ``re`` scans far faster than an
#: IGNORECASE ``regex`` pattern that opens with ``\b``.
RE_PUBLISH_VERB = re.compile(r"\b(?:" + trie(_casings({v.split()[0] for v in PUBLISH_VERBS})) + r")\b")
RE_THAT_NEXT = regex.compile(r"\s+that[\s,]")
#: An auxiliary right before an -ing cue: "is telling", "was saying".
RE_PROGRESSIVE = regex.compile(r"\b(?:is|are|was|were|been|be|am|'s|’s|'re|’re)\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?$")
#: A verb coordinated with an earlier one: "… and said", "…, and later told".
RE_COORDINATED = regex.compile(
    r"(?:^|\s|,)(?:and|but)\s+(?:(?:also|later|then|again|has|have|had|still|\w+ly)\s+){0,2}$"
)
RE_OBJ_OF = regex.compile(r"[^,;.]{1,80}?\bof\s")
RE_OBJ_TO = regex.compile(r"(?:[^,;.]{1,60}?\s)?(?:to|against)\s")
RE_OBJ_AS = regex.compile(r"[^,;.]{1,80}?\bas\s")
#: An object first (not "which X criticised as …"), then "for" or "as" with
#: what it is for: not a clause ("slammed the door as he left") or a duration
#: ("blasted music for hours"), and no particle ("slammed into Florida").
RE_OBJ_FOR_AS = regex.compile(
    r"(?!(?:for|as|into|off|out|down|up|through|open|shut|away)\b)[^,;.]{1,80}?\b"
    r"(?:for(?!\s+(?:hours|days|weeks|months|years|minutes|a\s+while|ages)\b)"
    r"|as(?!\s+(?:he|she|they|it|we|I|you|the\s+\w+\s+\w+ed|soon|well|long|much|many)\b))\s"
)
RE_OBJ_ON_FOR = regex.compile(r"(?!(?:on|for)\s)[^,;.]{1,80}?\b(?:on|for)\s")
RE_ACCORDING_MORE = regex.compile(r"\s*,\s*and\s+(?=(?:(?:the|a|an|his|her|its|their)\b|\p{Lu}|\d))")
RE_TRAILING_WHICH = regex.compile(r",\s+which\s+(?:\w+ly\s+)?(?:forced|prompted|led|meant|caused|sparked|drew|left|"
                                   r"came)\b[^,;:“”\"]*$")
RE_SAID_SO = regex.compile(r"(?:as\s+much|so)\b(?!\s+(?:far|that|many|much|few|little|long)\b)(?!\s+\w+ly\b)(?![\w\s]*\b(?:is|was|are|were|will|would|has|had)\b)")
#: "when asked …", "while visiting …": a clause without a subject.
RE_THAT_LATER = regex.compile(r"\bthat\s+(?=\p{L})")
RE_REDUCED_CLAUSE = regex.compile(r"\p{Ll}+(?:ed|ing)\b")
RE_WHEN_SAID = regex.compile(
    r"(?i:when|while|whilst|upon|once|until|during|as(?!\s+(?:many|much|few|little|long|well|soon|far|high|low|recently|of)\b))\s"
)
#: An aside after a cue before the quote resumes: "referring to the excuse, “".
RE_TOLD_NOUN = regex.compile(r"(\s*(?:the|a|an|his|her|their|its)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s*,\s*[“\"]")
RE_RESUMED_QUOTE = regex.compile(r"\p{Ll}+ing\b[^,;:.“”\"]{0,80},\s*[“\"]")
RE_JUDGEMENT_TAIL = regex.compile(
    rf"[\s,]+(?:(?:after|while|when|before|until)\s+(?:he|she|they|it|we|I|you|(?:the\s+)?[\p{{L}}-]+)\s+"
    rf"(?:\w+ly\s+)?{_CLAUSE_VERB}\b"
    r"|(?<!\p{Lu}\p{L}*\s+on\s+)(?:(?:(?<!\p{Lu}\p{L}*\s+)on|last|this|early|late|earlier)\s+)?"
    rf"(?:{_WEEKDAYS_TITLED})\b"
    r"(?!['’]s|\s+\p{Lu}))"  # but "the Sunday Times report", "the Independent on Sunday"
)
RE_OBJ_WH = regex.compile(r"(?:(?:him|her|them|us|me|again|publicly|openly)\s+)?(whether|how|why|what|if|who)\s")
RE_OBJ_CALL = regex.compile(r"(?:for|on)\s")
RE_CALL_PARTICLE = regex.compile(r"(?:in|out|off|up|back|around|over|into|in\s+to)\b")
RE_OBJ_ASK = regex.compile(
    r"(?:(?:him|her|them|us|me|you)\s+)?(whether|if|how|why|what|when|where|who)\s"
    r"|(?:(?!(?:for|about|on|in|at|of|with|and|but|who|which|that)\b)[\w’'.-]+\s){1,3}?(whether|if)\s"
    r"|(?:(?!(?:for|about|on|in|at|of|with|after|before|during|and|but|who|which|that)\b)[\w’'.-]+\s){0,4}?(to)\s"
)
#: "agreed to lend", "agreed to effectively lend", but not "agreed to an interview".
RE_OBJ_TO_VERB = regex.compile(
    r"to\s+(?:\w+ly\s+)?(?!(?:an?|the|his|her|their|its|this|that|these|those|our|my|\d)\b)"
    r"(?!\p{Ll}+[^s\W]s\b)\p{Ll}"  # but not a plural noun: "agreed to talks"
)
#: What must follow an object cue of each kind (OBJECT_CUES) for it to assert
#: something: "accused X of Y", "vowed to Y", "agreed to lend", "described X as
#: Y", "blamed the delays on the fog", "slammed the plan as reckless".
OBJECT_GATES = {"of": RE_OBJ_OF, "to": RE_OBJ_TO, "to-verb": RE_OBJ_TO_VERB, "as": RE_OBJ_AS,
                "on-for": RE_OBJ_ON_FOR, "for-as": RE_OBJ_FOR_AS}
RE_ASK_ANONYMOUS = regex.compile(r"(?:that\s+|for\s+)?(?:not\s+to\s+be\s+(?:named|identified|quoted)|anonymity)")
#: "called the plan a mistake", "called Oz a quack": an object, then what it was called.
RE_OBJ_CALL_PREDICATE = regex.compile(
    r"(?:(?!an?\b)[\w’'\-]+\s+){1,4}?an?\s+(?!(?:day|week|month|year|hour|minute|few|second|time|number|total|"
    r"couple|lot|bit|meeting|press|news|halt|vote|strike|taxi|cab|doctor|lawyer|friend|cease)\b)\w"
)
RE_AND_THAT = regex.compile(r"[\"”’]*,?[\"”’]*\s+and\s+that\s+")
RE_PUNCT_ONLY = regex.compile(r"[.,;:!…\"”’]+")
RE_IT_WAS = regex.compile(r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been)\s+$")
RE_ACCORDING_LEAD = regex.compile(r"\s*According to [^,]{1,120},\s*")
RE_POSSESSIVE = regex.compile(r"\b(his|her|their)\b", regex.IGNORECASE)
#: "Name: “…”" and "“…” — Name".
RE_COLON_SPEAKER = regex.compile(r"\s*((?:\p{Lu}[\p{L}.’'\-]*\s*){1,4}):\s*")
RE_DASH_SPEAKER = regex.compile(r"[ \t\u00a0]*([―—–])[ \t\u00a0]*(\p{Lu}[\p{L}’'\-]*(?:\.?[ \t]\p{Lu}[\p{L}’'\-]*){0,3})")
RE_GAP_BEFORE_SUBJECT = regex.compile(r"[\s,—–-]*")
#: A personal name set off by commas: "…, Filip Aske, …".
RE_APPOSED_NAME = regex.compile(r"(\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}\.?)?(?:\s+\p{Lu}[\p{L}’'\-]+){1,3}),\s+(?=\p{Ll})")
#: Cue forms that, after "and"/"but", start a second report by the same
#: speaker ("… and asserted that …").  Verbs that as often continue the
#: reported clause itself ("officials met and agreed …") are left out.
_NEXT_CUES = trie(
    (form for form, lemma in FORMS.items()
     if (form.endswith(("ed", "s")) or form in ("said", "told", "wrote")) and form != lemma
     and lemma not in ("agree", "find", "show", "report", "continue", "allow", "expect", "believe", "think",
                       "grant", "post", "project", "forecast", "answer", "repeat", "reveal", "signal",
                       "indicate", "conclude", "demand", "state", "dismiss", "reject",
                       "charge", "comment", "respond", "reply", "cite", "guarantee", "assure")))
#: Where a reported clause ends and another begins.
RE_CLAUSE_BREAK = regex.compile(
    r"""(?:
        ,\s+but\s+(?!(?:could|would|did|does|do|was|were|is|are|has|had|have|will|can|also|still|not|never|only|rather|instead)\b
                      |to\s+(?!(?:no|the|a|an|his|her|their|its|our|my|your|this|that|these|those|little)\b))
      | ,\s+(?:although|though|while|whereas|even\s+as|aside\s+from|adding|saying|arguing|noting|
              insisting|explaining|citing|referencing|referring|contradicting|calling|suggesting|claiming|
              warning|acknowledging|describing|pointing|according\s+to)\b
      | \s+(?:--|—|–)\s+
      | ;\s
      | \s+(?:and|but)\s+(?:also\s+|later\s+|then\s+|\w+ly\s+)?(?:""" + _NEXT_CUES + r"""|refused|declined)\b
      | ,?["”’]*\s+and\s+that\s+(?=the\b|an?\b|his\b|her\b|its\b|their\b|this\b|these\b|those\b|he\b|she\b|it\b|
              they\b|we\b|I\b|you\b|there\b|some\b|no\b|\p{Lu}|\d)
    )""",
    regex.VERBOSE,
)
# The channel and hedge patterns run on every claim, so they use the
# standard library's re with literal tries (see RE_CUE).  UPPER and LETTER
# stand in for \p{Lu} and \p{L}.
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LETTER = r"[^\W\d_]"
RE_HEDGES = re.compile(r"\b(?:" + trie(_casings(set(HEDGES))) + r")\b")
RE_PLATFORM = re.compile(
    r"\b(?:[Oo]n|[Vv]ia|[Tt]hrough|[Ii]n|[Tt]o|[Ww]ith)\s+(?:(?:the|his|her|its|their|an?)\s+)?(?:official\s+)?("
    + trie(_casings(set(PLATFORMS))) + r")\b"
)
#: "in a statement", "in an interview with the BBC", "at a news conference".
RE_STATEMENT = re.compile(
    r"\b(?:(?:[Ii]n|[Dd]uring)\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?("
    + trie(_casings(set(STATEMENT_CHANNELS)))
    + r")|[Aa]t\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(news\s+conference|press\s+conference|briefing|"
    r"rally|hearing|summit|town\s+hall))\b"
    rf"(?:\s+(?:with|to|on)\s+((?:the\s+)?[{UPPER}](?:{LETTER}|[’'.])*(?:\s+[{UPPER}](?:{LETTER}|[’'.])*){{0,4}}))?"
)
#: A programme on a network: "on CBS’ Face the Nation", "on CNN".
RE_PROGRAMME = re.compile(
    rf"\bon\s+((?:[{UPPER}]{{2,}}|[{UPPER}](?:{LETTER}|\.)*(?:’s?|'s?))"
    rf"(?:\s+(?:(?:the|of|with|and)\s+)?[{UPPER}](?:{LETTER}|[.’'])*){{0,6}})"
)
#: A fronted subordinate clause, and the main clause that follows it.
RE_FRONTED = regex.compile(rf"(?:{'|'.join(sorted(SUBORDINATORS))}|even\s+as|even\s+though)\s", regex.IGNORECASE)
#: What finds something without "that": "one study found …", but not "the
#: corner found Rigoglioso" or "libraries that list numbers find …".
RESEARCH_HEADS = frozenset({"study", "studies", "survey", "surveys", "poll", "polls", "report", "reports", "review",
                            "analysis", "research", "audit", "investigation", "inquiry", "census", "researchers",
                            "data", "figures", "records", "commission", "panel", "probe", "assessment", "experiment"})
#: A deal rejected is an act, not a denial: "rejected a takeover proposal".
DEAL_WORDS = frozenset({"takeover", "bid", "merger", "buyout", "offer", "acquisition"})
#: Words that open a sentence without being part of what is said: "Yes, he said, …".
INTERJECTIONS = frozenset({"yes", "no", "well", "so", "now", "but", "and", "still", "again", "indeed", "true",
                           "sure", "okay", "ok", "oh", "look", "first", "second", "finally", "instead", "today"})
#: Verbs whose subject is the subject of the infinitive after them: "appeared
#: to suggest", "continues to insist", "went on to say".
RAISING = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed", "continue", "continues", "continued",
                     "tend", "tends", "tended", "began", "begins", "begin"})
#: Words that open a phrase before a sentence's subject: "On Thursday, …".
FRONTED_OPENERS = frozenset({"in", "on", "at", "after", "before", "when", "while", "as", "if", "since", "despite", "aside", "apart",
                             "although", "though", "because", "for", "with", "during"})
#: "Chastened by the analyses, …", but not "Ted Cruz met voters".
RE_FRONTED_PARTICIPLE = regex.compile(r"\p{Lu}\p{Ll}+ed\s+(?:by|with|at|over|from|in|about|after)\b")
#: A sentence that opens with a phrase before its subject: "After saying …,".
RE_FRONTED_PHRASE = regex.compile(r"(?:after|before|while|when|since|upon|in|by|despite|even\s+after|(?:aside|apart)\s+from)"
                                  r"\s+(?:\w+ly\s+)?$",
                                  regex.IGNORECASE)
RE_MAIN_CLAUSE = regex.compile(
    rf"(?:,[”\"’']*|\s[―—–]|\s--)\s+(?=(?:(?!(?:who|which|that|whose|and|but|or)\b)[\p{{L}}\-’'.]+\s+){{1,4}}?"
    rf"{_CLAUSE_VERB}\b)"
)
#: What may follow a channel at the end of a content: times and the
#: participle of a document ("in a ruling released Thursday").
RE_TRAILING_TIME = regex.compile(
    r"(?:[\s,]*(?:released|issued|published|posted|aired|broadcast|on|this|last|late|early|earlier|later|"
    rf"{_WEEKDAYS}|today|yesterday|tonight|morning|afternoon|"
    r"evening|night|week|month)\b)*[\s.,;:]*",
    regex.IGNORECASE,
)
RE_TOLD = re.compile(rf"\btold\s+((?:the\s+)?[{UPPER}](?:{LETTER}|[’'.&\-])*(?:\s+[{UPPER}](?:{LETTER}|[’'.&\-])*){{0,4}})")


@dataclass(slots=True)
class Found:
    """An attribution before it becomes a Claim."""

    content: Span
    direct: bool
    speaker: Speaker | None
    cue: Cue | None
    confidence: float
    anchor: Span  # where the attribution sits, for the claim's sentence span
    quotes: list[Quote] = field(default_factory=list)


def _drop_participle(words: list[Token]) -> list[Token]:
    """The phrase without a final participle: "the poll released"."""
    if len(words) > 1 and not words[-1].is_capitalised and words[-1].lower.endswith("ed"):
        return words[:-1]
    return words


def _head_index(words: Sequence[Token], postmodifiers: Collection[str]) -> int:
    """Where the head of a phrase is: the word before its first post-modifier
    ("observers around the country"), else the last word."""
    return next((k - 1 for k in range(1, len(words)) if words[k].lower in postmodifiers), len(words) - 1)


#: What opens a post-modifier when a subject's number is judged ("those close to him say").
AGREEMENT_POSTMODIFIERS = frozenset({"of", "to", "with", "from", "in", "at", "for", "around", "across", "near"})


def _plural(words: Sequence[Token]) -> bool:
    """Does the subject take a plural verb ("officials say", "those close to him say")?"""
    if words[0].lower in ("those", "these", "many", "some", "both", "several", "all", "few", "most"):
        return True
    head = _head_index(words, AGREEMENT_POSTMODIFIERS)
    last = words[head].lower
    if words[head + 1:head + 2] and words[head + 1].lower == "of" and (last in QUANTIFIERS or last.isdigit()):
        return last not in ("one", "each", "either", "neither")  # "eight of 10 voters say", "many of them say"
    return last in ("i", "we", "you", "they", "police", "people", "staff", "data", "media", "criteria") or (
        last.endswith("s") and not last.endswith(("ss", "’s", "'s")) and len(last) > 3
    )


def _role_before_name(toks: list[Token]) -> bool:
    """Do lower-case role words at the start of ``toks`` lead to a name: "…,"
    said eighth seed Agassi / England coach Andy Robinson?"""
    for k, tok in enumerate(toks[:4]):
        if not tok.is_word or tok.lower in STOP_NP or tok.lower in TIME_WORDS:
            return False
        if tok.is_capitalised:
            return k > 0
    return False


def _possessor(words: list[Token]) -> list[Token]:
    """The possessor phrase at the end of ``words``: a capitalised run ("Donald
    Trump's"), or a short phrase back to its determiner ("the ministry's")."""
    k = len(words) - 1
    while k > 0 and words[k - 1].is_capitalised and words[k - 1].is_word:
        k -= 1
    if k == len(words) - 1 and not words[k].is_capitalised:
        det = next((j for j in range(k - 1, max(-1, k - 4), -1) if words[j].lower in DETERMINERS), None)
        if det is not None:
            k = det
    last = words[-1]
    if last.text.endswith(("'s", "’s")) and len(last.text) > 2:
        last = Token(last.text[:-2], last.start, last.end - 2)  # the possessor without its 's
    return [*words[k:-1], last]


def _cue_record(text: str, start: int, end: int) -> Cue:
    phrase = text[start:end]
    low = RE_SPACES.sub(" ", phrase.lower())
    if low in PHRASE_CUES:
        lemma, stance = PHRASE_CUES[low]
    else:
        lemma = FORMS.get(low, low)
        stance = CUE_STANCE.get(lemma, "neutral")
    return Cue(phrase, lemma, (start, end), stance)  # type: ignore[arg-type]


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _titled(words: str) -> bool:
    """Title Case: every word of five letters or more starts with a capital."""
    long = [w for w in words.split() if len(w.strip(",.")) > 4]
    return bool(long) and all(w[:1].isupper() for w in long)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return (start, end)


class Attributor:
    """Finds the attributions of one article."""

    def __init__(self, text: str, sents: Sequence[Sentence], quotes: Sequence[Quote], book: NameBook) -> None:
        self.text = text
        self.sents = list(sents)
        self._sent_starts = [sn.span[0] for sn in self.sents]
        self.quotes = sorted(quotes, key=lambda q: q.outer[0])
        self._starts = [q.outer[0] for q in self.quotes]
        self.book = book
        self.recent_org: str | None = None
        self.recent_group: Speaker | None = None  # what "they" most likely is
        self.last_aux = False
        self.coordinated = False
        self._edge = 0  # lowest token index the last subject scan reached
        self._extra: list[Found] = []  # claims found beside the one a cue yields
        # The current sentence's tokens, made once and sliced for every window inside it.
        self._span: Span = (0, 0)
        self._toks: list[Token] | None = None
        self._verbs: list[int] | None = None
        self._tok_starts: list[int] = []

    # ---------------------------------------------------------------- utils
    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]``: a slice of the current sentence's
        tokens when the window lies inside it (the words wholly inside the window)."""
        s_start, s_end = self._span
        if not (s_start <= start and end <= s_end):
            return tokens(self.text, start, end)
        toks = self._toks
        if toks is None:
            toks = self._toks = tokens(self.text, s_start, s_end)
            self._tok_starts = [t.start for t in toks]
        lo = bisect_left(self._tok_starts, start)
        hi = bisect_left(self._tok_starts, end, lo)
        if hi > lo and toks[hi - 1].end > end:
            hi -= 1
        return toks[lo:hi]

    def _quote_at(self, pos: int) -> Quote | None:
        """The quote whose marks enclose ``pos`` (quotes never overlap)."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.quotes[i].outer[0] <= pos < self.quotes[i].outer[1]:
            return self.quotes[i]
        return None

    def _published(self, pos: int) -> regex.Match[str] | None:
        """RE_PUBLISHED ending at ``pos`` in the current sentence.  The
        sentence's publishing verbs are found once; the pattern is tried only
        within 160 characters after one (a sentence of "said said said"
        would otherwise be rescanned for every cue)."""
        s_start, s_end = self._span
        if self._verbs is None:
            self._verbs = [m.start() for m in RE_PUBLISH_VERB.finditer(self.text, s_start, s_end)]
        i = bisect_right(self._verbs, pos) - 1
        if i < 0 or pos - self._verbs[i] > 160:
            return None
        return RE_PUBLISHED.search(self.text, max(s_start, pos - 160), pos)

    def _last_quote_before(self, pos: int) -> Quote | None:
        """The last quote that opens before ``pos``."""
        i = bisect_left(self._starts, pos) - 1
        return self.quotes[i] if i >= 0 else None

    def _quotes_in(self, start: int, end: int) -> list[Quote]:
        """Quotes that start inside ``[start, end)``, in order."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end)
        return self.quotes[i:j]

    def _inner(self, span: Span) -> list[Quote]:
        """Quotes wholly inside a content span."""
        return [q for q in self._quotes_in(span[0], span[1] + 1) if q.outer[1] <= span[1] + 1]

    def _speaker(self, words: list[Token], role: str | None = None) -> Speaker | None:
        words = [t for t in words if t.is_word]
        while len(words) > 1 and words[0].lower in SUBORDINATORS:
            words = words[1:]  # "While Lind acknowledged …": the speaker is Lind
        if not words:
            return None
        speaker = make_speaker(words, self.book, self.recent_org, role, self.recent_group)
        if speaker.mention.lower() not in SUBJECT_PRONOUNS:
            if speaker.type == "organization":
                self.recent_org = speaker.name
                self.recent_group = speaker
            elif speaker.type == "anonymous" and words[-1].lower.endswith("s"):
                self.recent_group = speaker
        return speaker

    def _next_paragraph(self, sent: Sentence) -> Span | None:
        """The span of the paragraph after ``sent``'s, when ``sent`` ends its
        own and the next one holds no quote marks at its start."""
        i = bisect_left(self._sent_starts, sent.span[0])
        if i + 1 >= len(self.sents) or self.sents[i + 1].paragraph != sent.paragraph + 1:
            return None
        following = [sn for sn in self.sents[i + 1:i + 40] if sn.paragraph == sent.paragraph + 1]
        start, end = following[0].span[0], following[-1].span[1]
        if self.text[start] in "\"“'‘«„" or self._quote_at(start):
            return None
        return _trim(self.text, start, end)

    # ------------------------------------------------------- subject finding
    def subject_before(self, floor: int, pos: int, progressive: bool = False, strict: bool = True,
                       noun_cue: bool = False) -> tuple[list[Token], bool, str | None] | None:
        """The subject phrase ending before ``pos``: (tokens, negated, role
        given in apposition).  Looks back 160 characters first and 300 only
        when that was not enough (most subjects sit right before their verb).
        ``noun_cue``: the cue is a noun after a possessive ("Trump's claim that
        …"), so the phrase may end in 's."""
        near = max(floor, pos - 160)
        found = self._subject_in(near, pos, progressive, strict, noun_cue)
        if near > floor and (found is None or self._edge <= 1):
            found = self._subject_in(max(floor, pos - 300), pos, progressive, strict, noun_cue)
        return found

    def _subject_in(self, start: int, pos: int, progressive: bool, strict: bool, noun_cue: bool
                    ) -> tuple[list[Token], bool, str | None] | None:
        toks = self.tokens(start, pos)
        self._edge = len(toks)
        i = len(toks) - 1
        negated = False
        self.last_aux = False
        self.coordinated = False
        # Skip adverbs, auxiliaries and time adjuncts between subject and verb.
        while i >= 0:
            low = toks[i].lower
            if low in NEGATIONS or low.endswith("n't"):
                negated = True
                i -= 1
            elif low in SKIP_BEFORE_CUE or (low.endswith("ly") and not toks[i].is_capitalised and low not in LY_NOUNS
                                            and not (i > 0 and toks[i - 1].lower in DETERMINERS)):
                self.last_aux = self.last_aux or low in AUXILIARIES
                i -= 1
            elif len(low) == 4 and low.isdigit() and i > 0 and toks[i - 1].lower in ("in", "since"):
                i -= 2  # "who in 2010 said"
            elif low in ("all", "both", "each") and i > 0 and (toks[i - 1].is_word or toks[i - 1].text == ")"):
                i -= 1  # "The senators all said", "Merkley (D-Ore.) and Brown (D-Ohio) both suggested"
            elif (low in ("week", "month", "year", "morning", "afternoon", "evening", "weekend") and i > 0
                  and toks[i - 1].lower in ("this", "last", "next", "that")):
                i -= 2  # "Wells Fargo this month announced"
                if i >= 0 and toks[i].lower in ("just", "only", "earlier", "late", "early"):
                    i -= 1
            elif low in TIME_WORDS and (toks[i].is_capitalised or low in ("today", "yesterday", "tonight")):
                i -= 1
                if i >= 0 and toks[i].lower in ("on", "late", "early", "last", "this"):
                    i -= 1
                    if i >= 0 and toks[i].lower in ("late", "early"):
                        i -= 1
            else:
                break
        if i < 0:
            return None
        contracted = RE_CONTRACTED_SUBJECT.fullmatch(toks[i].text)
        if contracted and progressive:
            # "He’s claiming that …": the pronoun, and its auxiliary after it.
            pronoun = Token(contracted.group(1), toks[i].start, toks[i].start + contracted.end(1))
            self.last_aux = True
            return ([pronoun], negated, None)
        if toks[i].lower == "to":
            if i == 0 or toks[i - 1].lower not in RAISING:
                return None  # "declined to say", "wants to claim"
            # "he appeared to suggest that …", "continues to insist": the
            # subject of the verb before "to" speaks (and the cue's bare form
            # is an infinitive, as after an auxiliary).
            i -= 2
            self.last_aux = True
            while i >= 0 and (toks[i].lower in SKIP_BEFORE_CUE or toks[i].lower.endswith("ly") and not toks[i].is_capitalised):
                i -= 1
            if i < 0:
                return None
        if toks[i].lower in PASSIVE_AUX:
            if not progressive:
                return None  # "was told", "were reported": passive
            i -= 1  # "is telling", "was saying": progressive
            while i >= 0 and (toks[i].lower in SKIP_BEFORE_CUE or toks[i].lower.endswith("ly")):
                i -= 1
            if i < 0:
                return None
        # An appositive or inserted clause: "Name, a spokesman for X, said".
        role_cut = None
        role = None
        if toks and toks[i].text in "—–-":
            # "Kall -- co-editor of a book -- said"; no phrase can end at a dash otherwise
            return self._dashed_aside(toks, i)
        if toks[i].text == ">":
            # "<Hawker Siddeley Canada Inc> said": a name set off as wire copy marks a company;
            # "Ricoh Co Ltd <RICT.T> said": a ticker after the name it stands for
            k = next((k for k in range(i - 1, max(-1, i - 12), -1) if not toks[k].is_word), -1)
            if k < 0 or toks[k].text != "<" or k == i - 1:
                return None
            words = toks[k + 1:i]
            if not (len(words) == 1 and RE_TICKER.fullmatch(words[0].text) and k > 0 and toks[k - 1].is_word):
                self._reached(toks, words)
                return (words, negated, None)
            i = k - 1
        if toks[i].text == ",":
            j = _mark_before(toks, i - 1)
            if j < 0 or toks[j].text != "," or j == i - 1:
                return None
            first = toks[j + 1].lower
            # ", on the other hand,", ", however,", ", who asked not to be named,"
            aside = first in INSERTIONS or first in ("who", "whose")
            if not (first in DETERMINERS or first in ASIDE_OPENERS
                    or first.endswith(("’s", "'s")) or first.isdigit() or first in ("himself", "herself") or aside):
                named = self._apposed(toks, j, i)
                if named is not None and named[0] == "name":
                    return (named[1], negated, named[2])
                if named is not None:
                    # "Keron Blair, executive director of AROS, said": a bare role.
                    self._reached(toks, named[1])
                    return (named[1], negated, named[2])
                # "Olga Mirren, who lives on Quay Row, about 400 metres from
                # the gate, said": an aside opened by "who" further back.
                k = next((k for k in range(j - 1, max(-1, j - 30), -1)
                          if toks[k].text == "," and k + 1 < j and toks[k + 1].lower in ("who", "whose", "which")), None)
                if k is None:
                    return None
                j = first_j = k
            else:
                first_j = j
                if first not in ASIDE_OPENERS and not first.isdigit() and not aside:
                    role = self.text[toks[j + 1].start:toks[i - 1].end]
            # A second aside before it: "Ivo Renard, 45, a harbour pilot, said".
            k = _mark_before(toks, j - 1)
            if 0 <= k < j - 1 and toks[k].text == "," and (toks[k + 1].text.isdigit() or toks[k + 1].lower in DETERMINERS):
                if role is None and not toks[k + 1].text.isdigit():
                    role = self.text[toks[k + 1].start:toks[j - 1].end]
                j = k
            role_cut = min(j, first_j)
            i = j - 1
        via_who = i >= 0 and toks[i].lower == "who"  # "an architect who said": a person
        if i >= 2 and toks[i].lower == "whom" and toks[i - 1].lower == "of" and toks[i - 2].lower in QUANTIFIERS:
            return (toks[i - 2:i + 1], negated, role)  # "relatives of the crew, many of whom say"
        words: list[Token] = []
        words = self._scan_np(toks, i)
        if words and len(words) < 12:
            # Coordinated subjects: "Mr. Grassley and Mr. Leahy say".
            k = toks.index(words[0]) - 1
            if k > 0 and toks[k].lower == "and":
                more = self._scan_np(toks, k - 1)
                m = toks.index(more[0]) if more else 0
                clause_start = m == 0 or not toks[m - 1].is_word  # "…, traders and analysts said"
                if more and (more[-1].is_capitalised or not plausible_speaker(words)
                             or clause_start and len(more) <= 4 and plausible_speaker(more)) and plausible_speaker(more + words):
                    words = more + [toks[k]] + words
                    self.coordinated = True
        if not words:
            return None
        if len(words) == 1 and words[0].lower in DETERMINERS and not (
                noun_cue and words[0].lower in POSSESSIVES and words[0].lower != "our"):
            return None  # but "his claim that …"
        if strict and not via_who and not plausible_speaker(words):
            return None
        if words[-1].text.endswith(("’s", "'s", "’")) and role_cut is None and not noun_cue:
            return None  # "Ukraine's claims": a noun, not a verb (see noun_cue)
        if role_cut is None:
            if self.text[words[-1].end:pos].strip():
                # A time was skipped before the verb: "The poll released
                # Friday shows", "A poll released in late August found".
                words = _drop_participle(words)
                if words[-1].lower in PREPOSITIONS:
                    words = _drop_participle(words[:-1])
                    if not words:
                        return None
            elif words[-1].lower in PREPOSITIONS:
                return None  # "the help of states that …": a noun after its preposition
        if words[0].lower in NP_PREPOSITIONS or words[0].lower == "with":
            words = words[1:]
        if not words:
            return None
        # A sentence-initial capitalised function word is not part of a name.
        if words[0].lower in ("but", "and", "so", "then", "yet"):
            words = words[1:]
        if not words:
            return None
        if any(w.lower in FORMS and w.lower.endswith("ed") and prev.lower not in DETERMINERS
               and (prev.is_capitalised or prev.lower in SUBJECT_PRONOUNS) for prev, w in pairwise(words)):
            return None  # "Clinton cited derogatory comments": the scan ran past a clause's own verb
        if (not words[-1].is_capitalised and words[-1].lower.endswith(ADJECTIVE_ENDINGS)
                and words[-1].lower not in SPEAKER_HEADS):
            return None  # "… and reduced demand", "other similar projects that": an adjective cannot head a subject
        self._reached(toks, words)
        return (words, negated, role)

    def _dashed_aside(self, toks: list[Token], i: int) -> tuple[list[Token], bool, str | None] | None:
        """A subject with an aside set off by dashes, which end at token ``i``:
        "Kall -- co-editor of a book on the debates -- said".  None when the
        dashes hold no aside with a speaker before it."""
        if i < 1 or toks[i].text == "-" and toks[i - 1].text != "-":
            return None
        close = i - 1 if toks[i].text == "-" else i
        j = close - 1
        comma = None
        while j >= 0 and close - j < 40 and toks[j].text not in "—–-;:()“”\"":
            comma = j if toks[j].text == "," else comma  # "-- co-editor of X, a book on Y --"
            j -= 1
        if j < 1 or toks[j].text not in "—–-" or j == close - 1:
            return None
        open_ = j - 1 if toks[j].text == "-" and toks[j - 1].text == "-" else j
        if toks[j].text == "-" and open_ == j:
            return None  # a hyphen, not a dash
        words = self._scan_np(toks, open_ - 1)
        if not words or not plausible_speaker(words) or words[-1].lower in DETERMINERS:
            return None
        self._reached(toks, words)
        first = toks[j + 1].lower
        aside = first.endswith("ing") or first in ("who", "which", "whose")  # "-- speaking on condition of anonymity --"
        role_end = toks[comma - 1].end if comma is not None and comma > j + 1 else toks[close - 1].end
        return (words, False, None if aside else self.text[toks[j + 1].start:role_end])

    def _reached(self, toks: list[Token], words: list[Token]) -> None:
        """Note the lowest token the subject starts at (see subject_before)."""
        self._edge = min(self._edge, next((k for k, t in enumerate(toks) if t.start == words[0].start), 0))

    def _apposed(self, toks: list[Token], j: int, i: int) -> tuple[str, list[Token], str | None] | None:
        """A subject set off by commas whose aside has no determiner, between
        commas ``j`` and ``i``: a role then a name ("The state’s campaign
        chairman, Phil Lovas, said") gives ("name", name, role); a name then
        a bare role ("Keron Blair, executive director of AROS, said") or a
        party label ("Paul Ryan, R-Wis., said") gives ("role", name, role)."""
        inside = toks[j + 1:i]
        if len(inside) > 2 and inside[-1].text == ")":
            # "Oil & Natural Gas Corp (ONGC)": the abbreviation is no part of the name
            k = _bracket_open(inside, len(inside) - 1, len(inside) - 2)
            inside = inside[:k] if k > 0 else inside
        before = self._scan_np(toks, j - 1)
        if not before or not inside:
            return None
        text = self.text
        words = [t for t in inside if t.is_word]
        if (2 <= len(words) <= 5 and all(t.is_capitalised or t.lower in NAME_PARTICLES for t in words)
                and words[0].is_capitalised and words[0].lower not in NOT_SPEAKERS):
            # The role may hold "of": "The minister of the economy, Mr. X,".
            k = j - 1
            while k > 0 and j - k < 10 and toks[k - 1].is_word and toks[k - 1].lower not in STOP_NP:
                k -= 1
            lead = [t for t in toks[k:j] if t.lower not in ("but", "and", "so")]
            if lead and any(t.lower in ROLE_HEADS or t.lower in ORG_HEADS for t in lead):
                return ("name", inside, text[lead[0].start:lead[-1].end])
        if (len(words) <= 2 and all(t.is_capitalised for t in words) and len(before) >= 3
                and before[-1].is_capitalised and before[-2].lower in ("in", "of", "from", "near")):
            return ("role", before, None)  # "Officials in Kyiv, Ukraine, said": a place named in full
        if not all(t.is_capitalised or not t.is_word for t in before) or before[0].lower in NOT_SPEAKERS:
            return None
        if len(inside) <= 5 and RE_PARTY_LABEL.fullmatch(text, inside[0].start, inside[-1].end):
            return ("role", before, None)
        if words and words[0].is_capitalised and words[0].lower not in APPOSED_ROLES:
            return None
        head = next((k for k, t in enumerate(inside) if t.lower in ROLE_PREPOSITIONS or not t.is_word), len(inside))
        if 0 < head <= 4 and any(t.lower in ROLE_HEADS or t.lower in APPOSED_ROLES for t in inside[:head]):
            return ("role", before, text[inside[0].start:inside[-1].end])
        return None

    @staticmethod
    def _scan_np(toks: list[Token], i: int) -> list[Token]:
        """The noun phrase ending at token ``i``, scanning backwards."""
        words: list[Token] = []
        while i >= 0 and len(words) < 12:
            tok = toks[i]
            low = tok.lower
            if tok.text == ")":
                # A bracketed aside inside the phrase: "Rep. Meeks (D-N.Y.)".
                j = _bracket_open(toks, i, 8)
                if j < 0:
                    break
                i = j - 1
                continue
            if not tok.is_word:
                if tok.text in "’'" and words:
                    i -= 1
                    continue
                break
            if low in ("who", "which"):
                if words and (words[0].is_capitalised or words[0].lower in DETERMINERS
                              or i > 0 and toks[i - 1].lower in PREPOSITIONS):
                    break  # "the lawsuit in which Democrats argued": the relative clause's own subject
                if not words and low == "who" and i > 1 and toks[i - 1].text == ",":
                    return Attributor._antecedent(toks, i - 2)
                words = []  # "an official who spoke on condition of anonymity said": the phrase before speaks
                i -= 1
                continue
            if not tok.is_capitalised and low.endswith("ing") and low not in NP_ING:
                break  # "attempting to shame …": a participle, not a noun phrase
            if low == "to" and words and i > 0 and toks[i - 1].lower.rstrip("s") in PERSON_HEADS:
                words.insert(0, tok)  # "advisers to Mr. Obama", "an aide to the governor"
                i -= 1
                continue
            if low in ("him", "them", "us", "me") and i > 0 and toks[i - 1].lower in ("to", "of", "for", "with", "near"):
                # "Those close to him say": an object inside the subject phrase.
                words.insert(0, tok)
                words.insert(0, toks[i - 1])
                i -= 2
                continue
            if words and low in POSSESSIVES:
                words.insert(0, tok)  # "his family", "their lawyers": a possessive determiner
                break
            if (low in ("i", "we", "they", "he", "she", "you") and 0 < len(words) <= 3 and i > 0
                    and all(not w.is_capitalised for w in words) and RE_CLAUSE_VERB.fullmatch(words[0].lower)
                    and toks[i - 1].is_word and toks[i - 1].lower not in STOP_NP):
                words = []  # "the experts I interviewed said": a reduced relative inside the subject
                i -= 1
                continue
            if low in STOP_NP and low not in SUBJECT_PRONOUNS or (low in SUBJECT_PRONOUNS and words):
                # A relative clause between subject and verb: "Survivors who
                # were lifted out of Sedlow described …".
                rel = next((j for j in range(i, max(-1, i - 8), -1)
                            if toks[j].lower in ("who", "which") or not toks[j].is_word), None)
                if rel is not None and toks[rel].lower in ("who", "which") and rel > 0:
                    words = []
                    i = rel - 1
                    continue
                if low == "to" and len(words) > 1 and not words[0].is_capitalised and words[0].lower not in DETERMINERS:
                    words = words[1:]  # "likely to placate nervous Democrats": the verb after "to" is no noun
                break
            words.insert(0, tok)
            i -= 1
            if low in DETERMINERS and len(words) > 1 and i > 0 and (toks[i].lower in NP_PREPOSITIONS or toks[i].lower == "to" and (
                    toks[i - 1].lower.rstrip("s") in PERSON_HEADS)):
                # A determiner inside a post-modifier: "a spokesman for the
                # ministry", "observers around the country", "most of the senators".
                prev = toks[i - 1]
                if prev.lower in ("and", "or") and toks[i].lower in NP_PREPOSITIONS and i > 1 and toks[i - 2].is_word:
                    # "observers in Virginia and around the country": a second
                    # post-modifier; the coordination is joined in _subject_in.
                    words.insert(0, toks[i])
                    break
                if prev.is_word and prev.lower not in STOP_NP and prev.lower not in DETERMINERS and (
                        prev.lower in QUANTIFIERS or not prev.lower.endswith(("ing", "ed")) or prev.lower in SPEAKER_HEADS):
                    words.insert(0, toks[i])
                    i -= 1
                    continue
            if low in DETERMINERS or low in SUBJECT_PRONOUNS or (
                    low in COUNT_WORDS and not (i >= 0 and toks[i].lower in DETERMINERS)):
                break  # "Monday one protester said": a count opens the phrase unless "the" stands before it
        return words

    @staticmethod
    def _antecedent(toks: list[Token], i: int) -> list[Token]:
        """Who "who" stands for, the phrase ending at token ``i`` before
        ", who": "John Smith, who said", and past an apposition to the name in
        "McConnell, now the Senate majority leader, who said"."""
        before = Attributor._after_verb(Attributor._scan_np(toks, i))
        if not before or before[0].lower not in DETERMINERS:
            return before
        k = toks.index(before[0]) - 1
        while k > 0 and toks[k].lower in ("now", "then", "formerly", "currently", "also", "still"):
            k -= 1
        if k > 0 and toks[k].text == ",":
            name = Attributor._after_verb(Attributor._scan_np(toks, k - 1))
            if name and name[-1].is_capitalised:
                return name
        return before

    @staticmethod
    def _after_verb(words: list[Token]) -> list[Token]:
        """The phrase after its last past-tense verb: "The crew blamed Lind" -> "Lind"."""
        cut = next((k for k in range(len(words) - 1, -1, -1)
                    if not words[k].is_capitalised and RE_CLAUSE_VERB.fullmatch(words[k].lower)), -1)
        return words[cut + 1:]

    def subject_after(self, pos: int, ceil: int) -> list[Token] | None:
        """An inverted subject right after a cue: "…," said Kadyrov."""
        toks = self.tokens(pos, min(ceil, pos + 200))
        words: list[Token] = []
        for tok in toks:
            low = tok.lower
            if not tok.is_word:
                break
            if low in STOP_NP or low in ("on", "in", "at"):
                break
            if not words and (not (tok.is_capitalised or low in DETERMINERS or low in COUNT_WORDS
                                   or _role_before_name(toks)) or low in TIME_WORDS):
                return None
            if words and not tok.is_capitalised and low in MONTHS_DAYS:
                break
            if words and tok.is_capitalised and low in MONTHS_DAYS:
                break
            words.append(tok)
            if len(words) >= 10:
                break
        if not words or (len(words) == 1 and words[0].lower in DETERMINERS):
            return None
        following = next((t for t in toks if t.start >= words[-1].end), None)
        if following is not None and following.is_word and following.lower not in INVERTED_FOLLOWERS:
            return None  # "…, said the plan has failed": a clause, not an inverted subject
        return words

    def phrase_after(self, pos: int, ceil: int) -> list[Token]:
        """The noun phrase after "according to": up to a comma, "who", "on"."""
        words: list[Token] = []
        for tok in self.tokens(pos, min(ceil, pos + 300)):
            low = tok.lower
            if not tok.is_word and tok.text not in "’'":
                break
            if low in ("who", "which", "that", "on", "in", "during", "when", "as", "and", "because",
                       "after", "before", "while", "since", "said", "says"):
                break
            if not tok.is_word:
                continue
            words.append(tok)
            if len(words) >= 14:
                break
        return words

    # ------------------------------------------------------ content finding
    def skip_adjuncts(self, pos: int, end: int) -> int:
        """Past channels, audiences and times after a cue."""
        while pos < end:
            match = RE_ADJUNCT.match(self.text, pos, end)
            if not match or match.end() == pos:
                break
            pos = match.end()
        return pos

    def content_after(self, cue: Cue, end: int) -> tuple[Span, bool, list[Quote]] | None:
        """The quote or clause a cue governs, after it."""
        text = self.text
        pos = cue.span[1]
        if cue.lemma == "tell":
            toks = self.tokens(pos, min(end, pos + 80))
            audience = self._audience(toks)
            if audience is None:
                ahead = self._that_ahead(pos, end)
                if ahead == pos:
                    # "told co-host Joe Scarborough that …": whoever stands before "that".
                    that = next((k for k, t in enumerate(toks[:8]) if t.lower == "that"), None)
                    if that and all(t.is_word and t.lower not in STOP_NP for t in toks[:that]):
                        ahead = toks[that].start
                if ahead == pos:
                    told = RE_TOLD_NOUN.match(text, pos, end)
                    if told and self._quote_at(told.end() - 1):
                        ahead = told.end(1)  # “Now that I am retired,” he told the host, “it was …”
                if ahead == pos:
                    return None  # "tells lies", "told the story": no one is told anything
                audience = ahead
            pos = audience
            start = _skip_ws(text, pos, end)
            if text.startswith("to ", start) and audience > cue.span[1]:
                # "told residents to stay indoors": an instruction, with
                # whom it was given to, as for "urged residents to …"
                span = _trim(text, _skip_ws(text, cue.span[1], end), self.clause_end(start, end, objective=True))
                return (span, False, self._inner(span)) if len(text[span[0]:span[1]].split()) >= 3 else None
        skipped = _skip_ws(text, self.skip_adjuncts(pos, end), end)
        here = _skip_ws(text, pos, end)
        # "called on Trump to stop": "on Trump" is the call's object, not a time or channel
        kept = cue.lemma == "call" and RE_OBJ_CALL.match(text, here, end) and not RE_OBJ_CALL.match(text, skipped, end)
        pos = here if kept else skipped
        pos = self._that_ahead(pos, end, audience=cue.lemma in AUDIENCE_CUES)
        after_comma = False
        while pos < end and text[pos] in ",:":
            after_comma = after_comma or text[pos] == ","
            pos = _skip_ws(text, pos + 1, end)
        if pos >= end:
            return None
        if after_comma and not text.startswith("that ", pos):
            quote = self._quote_at(pos)
            if quote and quote.outer[0] == pos:
                return (quote.inner, True, [quote])
            resumed = RE_RESUMED_QUOTE.match(text, pos, end)
            if resumed:
                # “Every time you say that,” Tester said, referring to the
                # excuse, “you give ammunition …”: the quote resumes after an aside.
                quote = self._quote_at(resumed.end() - 1)
                if quote and quote.outer[0] == resumed.end() - 1 and text[quote.inner[0]:quote.inner[0] + 1].islower():
                    return (quote.inner, True, [quote])
            return None  # "…, the agency said, a figure that …": an apposition, not content
        if text.startswith(("that ", "that\n", "that,"), pos) or text[pos:pos + 5].lower() == "that ":
            start = _skip_ws(text, pos + 4, end)
            if text.startswith(",", start):
                start = _skip_ws(text, start + 1, end)  # "joked that, among voters, Trump ranks fourth"
            if RE_AUX_FIRST.match(text, start, end):
                start = pos  # "said that is why": "that" is the clause's subject
            span = _trim(text, start, self.clause_end(start, end))
            inner = self._inner(span)
            return (span, False, inner) if span[1] - span[0] >= 8 else None
        quote = self._quote_at(pos)
        if quote and quote.outer[0] == pos:
            return (quote.inner, True, [quote])
        if cue.lemma in OBJECT_CUES:
            return self.object_content(cue, pos, end)
        if cue.lemma in NEEDS_THAT or text[pos] in "?!.":
            return None
        if not (text[pos].isalpha() or text[pos].isdigit()) or text.startswith(("and ", "or ", "nor "), pos):
            return None  # "who said and did the same things": the cue's verb is coordinated, with no object
        if RE_SAID_SO.match(text, pos, end):
            return None  # "Mook said as much in an interview", "he said so": the words are elsewhere
        when = RE_WHEN_SAID.match(text, pos, end)
        if when and not RE_MAIN_CLAUSE.search(text, pos, end) and (RE_REDUCED_CLAUSE.match(text, when.end(), end) or sum(
                1 for _ in RE_CLAUSE_VERB.finditer(text, pos, end)) < (1 if when.group().lower().startswith("during") else 2)):
            # (but "said while everyone had the right … they also had", "said
            # during his 22 years he had seen": a clause follows the time)
            that = RE_THAT_LATER.search(text, when.end(), end)
            if that is None:
                return None  # "what Wahl said when she resigned", "Hollande said as he entered": when, not what
            # "said when asked about it that the ferry was late"
            start = _skip_ws(text, that.end(), end)
            span = _trim(text, start, self.clause_end(start, end))
            return (span, False, self._inner(span)) if span[1] - span[0] >= 8 else None
        span = _trim(text, pos, self.clause_end(pos, end))
        if _too_short(text, span):
            return None
        # A bare object noun phrase ("continue her march", "reported her
        # presence") is not speech: outside the say/tell family, require a
        # finite verb in the clause.
        if cue.lemma != "say":
            comma = text.find(",", span[0], span[1])
            stop = comma if comma > 0 else span[1]
            # The clause's own verb, not one inside a relative clause of its
            # object: "declared a dividend of rights which have a term of 10 years".
            if not any(not RE_RELATIVE_BEFORE.search(text, max(span[0], m.start() - 12), m.start())
                       for m in RE_FINITE.finditer(text, span[0], stop)):
                return None
        inner = self._inner(span)
        return (span, False, inner)

    def _that_ahead(self, pos: int, end: int, audience: bool = False) -> int:
        """Skip a short adjunct before "that": "told the crowd at a rally
        that …", "claimed during the divorce that …"; with ``audience``, also
        whom the cue addresses: "warned residents that …", "assured
        investors that …"."""
        if self.text.find("that", pos, min(end, pos + 120)) < 0:
            return pos
        toks = self.tokens(pos, min(end, pos + 120))
        for k, tok in enumerate(toks[:10]):
            low = tok.lower
            if low == "that":
                return tok.start if k else pos
            if not tok.is_word or low.endswith("ed") and not tok.is_capitalised:
                return pos
            if low in STOP_NP and low not in ADJUNCT_WORDS:
                return pos
            if (k == 0 and low not in ADJUNCT_WORDS and low not in DETERMINERS and not tok.is_capitalised
                    and not (low.endswith("ly") and low not in LY_NOUNS) and not audience):
                return pos  # but "complained bitterly that …"
        return pos

    @staticmethod
    def _audience(toks: list[Token]) -> int | None:
        """End of the audience after "told": a pronoun, a group ("reporters",
        "his supporters") or a name ("Reuters", "the BBC")."""
        if not toks or not toks[0].is_word:
            return None
        first = toks[0].lower
        nxt = toks[1] if len(toks) > 1 else None
        if first in ("him", "them", "me", "us", "you") or first == "her" and not (
                nxt is not None and nxt.is_word and nxt.lower not in STOP_NP and nxt.lower not in CLAUSE_PRONOUNS
                and nxt.lower not in TIME_WORDS and nxt.lower not in DETERMINERS):
            return toks[0].end  # "told her the plan failed", but "told her mother that …"
        k = 1 if first in DETERMINERS else 0
        end = None
        while k < len(toks) and k < 7 and toks[k].is_word and toks[k].lower not in ("that", "on", "in", "at"):
            tok = toks[k]
            if tok.is_capitalised or tok.lower in AUDIENCES or tok.lower.endswith(("ers", "ists", "ians")):
                end = tok.end
                k += 1
                if tok.text.endswith(("’s", "'s")) and k < len(toks) and toks[k].text in "\"“":
                    # A programme after its network: MSNBC's "Morning Joe".
                    close = next((m for m in range(k + 1, min(len(toks), k + 8)) if toks[m].text in "\"”"), None)
                    if close is not None:
                        end, k = toks[close].end, close + 1
                continue
            if end is None and tok.lower in ("radio", "television", "tv", "local", "foreign", "national"):
                k += 1
                continue
            break
        if end is not None:
            # Common nouns after a named audience, up to "that": "told a House
            # appropriations subcommittee hearing that …".
            that = next((n for n in range(k, min(len(toks), k + 4)) if toks[n].lower == "that"), None)
            if that is not None and that > k and all(
                    t.is_word and not t.is_capitalised and t.lower not in STOP_NP for t in toks[k:that]):
                return toks[that - 1].end
        # "told the forum he was …", "told USA TODAY's video series it is …":
        # an audience of any nouns, up to the pronoun that opens the clause.
        m = k if end is not None else (1 if first in DETERMINERS else 0)
        for n in range(m, min(len(toks), m + 4)):
            tok = toks[n]
            if tok.lower in CLAUSE_PRONOUNS and (end is not None or n > m):
                return toks[n - 1].end
            if not tok.is_word or tok.lower in STOP_NP or tok.lower.endswith("ed"):
                break
        return end

    def object_content(self, cue: Cue, pos: int, end: int) -> tuple[Span, bool, list[Quote]] | None:
        """Content that is an object phrase: "accused X of Y", "denied any
        involvement", "called for X", "called on X to Y", "vowed to Y",
        "called X “a disgrace”"."""
        text = self.text
        need = OBJECT_CUES[cue.lemma]
        window = text[pos:min(end, pos + 400)]
        gate = OBJECT_GATES.get(need)
        if gate is not None and not gate.match(window):
            return None
        if need == "said":
            said = [w.strip(".,;:'’\"”").lower() for w in window.split()[:8]]
            if not any(w in SAID_THINGS for w in said) or any(w in DEAL_WORDS for w in said):
                return None  # "rejected the claims", not "the chance to manage Portsmouth" or "a takeover proposal"
        if need == "wh":
            asked = RE_OBJ_WH.match(window)
            if not asked:
                return None  # "questioned the mayor": no question in the words
            pos += asked.start(1)
        if need == "ask":
            # "asked the candidates to discuss their plans", "asked whether the
            # ferry was safe"; but "asked not to be named" is no question.
            asked = RE_OBJ_ASK.match(window)
            if not asked or RE_ASK_ANONYMOUS.match(window):
                return None
            wh = next(g for g in (1, 2, 3) if asked.group(g))  # the question word, or "to"
            if asked.group(wh) != "to":
                pos += asked.start(wh)
        if need == "call":
            if RE_CALL_PARTICLE.match(window):
                return None  # "called in to a town hall", "calling out Trump", "called off the strike"
            on_for = RE_OBJ_CALL.match(window)
            quote = next((q for q in self._quotes_in(pos + 1, pos + 60) if q.outer[1] <= end), None)
            if not on_for and quote is None and not RE_OBJ_CALL_PREDICATE.match(window):
                return None  # "called police", "called a meeting": no assertion
            if on_for:
                pos += on_for.end()  # "called for more information": what is called for
        span = _trim(text, pos, self.clause_end(pos, end, objective=True))
        if need in ("as", "for-as", "on-for", "np"):
            # "described X as a disgrace after she attacked …", "blasted X as a
            # disgrace Wednesday on a radio show": when and where the judgement
            # was made is not part of it.
            judged = OBJECT_GATES[need].match(text, span[0], span[1]) if need != "np" else None
            tail = RE_JUDGEMENT_TAIL.search(text, judged.end() if judged else span[0], span[1])
            if tail:
                span = _trim(text, span[0], tail.start())
        if len(text[span[0]:span[1]].split()) < 2:
            return None
        inner = self._inner(span)
        return (span, False, inner)

    def clause_end(self, start: int, end: int, objective: bool = False) -> int:
        """Where a reported clause stops: before a coordinated clause that
        says something else ("…, but he said …", "… and suggested that …").
        An object content (``objective``) also stops where its sentence's
        subject goes on (RE_OBJECT_BREAK)."""
        for pattern in (RE_CLAUSE_BREAK, RE_OBJECT_BREAK) if objective else (RE_CLAUSE_BREAK,):
            for match in pattern.finditer(self.text, start, end):
                # Test where the break's words are: in “…unacceptable,” and that
                # the comma sits inside the quote but the "and" does not.
                if not self._quote_at(match.end() - 1):
                    end = match.start()
                    break
        # A relative clause on the last noun that runs to the end is the
        # writer's: "said he expects Clinton to recover from pneumonia, which
        # forced her to leave early" (but not "the ferry, which sank, was old").
        which = RE_TRAILING_WHICH.search(self.text, start, end)
        if which and which.start() > start:
            end = which.start()
        # The cue's channel and time at the end are not what was said: "called
        # for more school funding in a statement on Thursday".
        if self.text.find(" ", start, end) >= 0:
            # Not a platform: "live stream her response on social media" is content.
            # (A channel and its time fit in the last 100 characters.)
            last = next(reversed(list(RE_STATEMENT.finditer(self.text, max(start, end - 100), end))), None)
            # Only where the phrase belongs to the cue: after an object, or set
            # off by a comma ("denied that he lied in his testimony" keeps it).
            if (last is not None and last.start() > start and RE_TRAILING_TIME.fullmatch(self.text, last.end(), end)
                    and (objective or self.text[start:last.start()].rstrip().endswith(","))):
                end = last.start()
        return end

    # --------------------------------------------------------------- passes
    def run(self) -> list[Found]:
        found: list[Found] = []
        for sent in self.sents:
            self._span = sent.span
            self._toks = None  # made on first use: most sentences hold no cue
            self._verbs = None  # the publishing verbs, likewise
            for item in self._sentence(sent):
                found.extend(self._coordinated(item, sent))
            found.extend(self._extra)
            self._extra.clear()
        found.extend(self._leftover_quotes(found))
        found.sort(key=lambda f: f.content[0])
        # Two cues over the same words make one claim: the first found.
        unique: dict[Span, Found] = {}
        for item in found:
            unique.setdefault(item.content, item)
        found = list(unique.values())
        return found

    def _sentence(self, sent: Sentence) -> list[Found]:
        text = self.text
        s_start, s_end = sent.span
        out: list[Found] = []
        if text[s_start:s_end].rstrip("\"”’ ").endswith("?") and not self._quote_at(s_end - 1):
            return out
        last_speaker: Speaker | None = None
        for match in find_cues(text, s_start, s_end):
            if self._quote_at(match.start()) or text[match.start() - 1:match.start()] in ("-", "."):
                continue  # in a quote, or part of a word: "so-called", "round.said"
            cue = _cue_record(text, match.start(), match.end())
            low = cue.text.lower()
            if cue.lemma == "express concern" and not RE_THAT_NEXT.match(text, match.end(), s_end):
                continue  # "expressed concern at the paring back": a feeling, not a claim, without "that"
            noun_cue = low in NOUN_CUES and bool(RE_THAT_NEXT.match(text, match.end(), s_end)) and bool(
                RE_POSSESSOR_END.search(text, max(s_start, match.start() - 12), match.start()))
            if cue.lemma == "according to":
                result = self._according_to(sent, cue)
                if result:
                    out.append(result)
                continue
            if cue.lemma == "in words":
                result = self._in_words(sent, cue)
                if result:
                    out.append(result)
                continue
            published = self._published(match.start()) if low in PUBLISHED_CUES else None
            if published and (published.group("rel") is not None) == (not low.endswith("ing")):
                # "The mayor issued a statement saying …", "He released a
                # letter from his doctor that says …": who put it out speaks.
                got = self.content_after(cue, s_end)
                if last_speaker is None:
                    last_speaker = self._sentence_subject(sent)
                if got and last_speaker is not None:
                    span, direct, inner = got
                    out.append(Found(span, direct, last_speaker, cue, 0.7, (match.start(), s_end), inner))
                continue
            if low.endswith("ing") and cue.lemma not in ("", low) and RE_GERUND_LEAD.search(text, s_start, match.start()):
                # "…, adding that …": the subject of the main clause speaks.
                got = self.content_after(cue, s_end)
                main = None
                if got and not got[1] and RE_FRONTED_PHRASE.match(text, s_start, match.start()):
                    # "After saying the quay was safe, the mayor left": the
                    # fronted phrase ends where the main clause begins, and
                    # that clause's subject speaks.
                    main = RE_MAIN_CLAUSE.search(text, got[0][0], got[0][1])
                    if main is None:
                        continue
                    span = _trim(text, got[0][0], main.start())
                    got = (span, False, self._inner(span))
                if last_speaker is None:
                    last_speaker = self._sentence_subject(sent, main.end() if main else None)
                if last_speaker is None:
                    continue
                if got:
                    span, direct, inner = got
                    out.append(Found(span, direct, last_speaker, cue, 0.7, (match.start(), s_end), inner))
                continue
            if not match.group()[0].islower() and match.start() != s_start:
                continue  # "Said" mid-sentence: a name
            if RE_DISCOURSE_SAID.match(text, match.end(), s_end) and text[max(s_start, match.start() - 8):match.start()].strip().lower().endswith("having"):
                continue  # "Having said that, …": the writer's own turn of phrase
            floor = s_start
            last = self._last_quote_before(match.start())
            if last is not None and s_start <= last.outer[1] <= match.start():
                floor = last.outer[1]
            if low in ("saying", "telling") and text[match.start() - 3:match.start()] == "as ":
                # "he was quoted by Kyodo as saying", "The Journal quoted a spokesman as saying that …"
                found = self._quoted_as(sent, cue, match, floor)
                if found:
                    last_speaker = found.speaker
                    out.append(found)
                continue
            if low.endswith("ing") and low != cue.lemma and not RE_PROGRESSIVE.search(text, floor, match.start()):
                continue  # "prevent Clinton from continuing": not a verb of this clause
            subject = self.subject_before(floor, match.start(), progressive=low.endswith("ing"), noun_cue=noun_cue)
            if subject is None and RE_THAT_NEXT.match(text, match.end(), s_end):
                # "Another slide shows that …": a "that" clause vouches for
                # a subject we could not place.
                subject = self.subject_before(floor, match.start(), progressive=low.endswith("ing"), strict=False,
                                              noun_cue=noun_cue)
                if subject is not None and subject[0][0].lower not in DETERMINERS:
                    subject = None  # "in broadcast comments that": a noun phrase needs its determiner here
            inverted = False
            if subject is None and RE_COORDINATED.search(text[floor:match.start()]) and not self._in_relative(floor, match.start()):
                # "Authorities announced … and said …": one subject, two verbs.
                shared = last_speaker or self._sentence_subject(sent)
                if shared is not None:
                    found = self._content_for(sent, cue, shared, [Token(cue.text, *cue.span)], False,
                                              match.end(), match.start())
                    if found:
                        last_speaker = shared
                        out.append(found)
                    continue
            if subject is None:
                # "…," said the official / "…, said Kadyrov"
                before = text[floor:match.start()].strip()
                if before in ("", ",") or before.endswith(","):
                    words = self.subject_after(match.end(), s_end)
                    if words and plausible_speaker(words) and low in ("said", "says", "added", "wrote", "told", "asked", "explained",
                                         "read", "reads",
                                         "insisted", "continued", "noted", "warned", "claimed",
                                         "admitted", "stressed", "declared", "replied", "responded",
                                         "recalled", "argued", "acknowledged", "announced", "tweeted"):
                        subject = (words, False, None)
                        inverted = True
                if subject is None:
                    passive = self._passive_it(floor, match, sent)
                    if passive is None:
                        continue
                    out.append(passive)
                    continue
            words, negated, role = subject
            if noun_cue:
                words = _possessor(words)  # "Politifact seized on Trump's claim": Trump's
            lead = text[max(floor, words[0].start - 12):words[0].start].split()
            if negated or ({w.lower() for w in lead[-1:]} | {words[0].lower}) & EVERYTHING:
                continue  # "Everything Trump says is a lie": the cue sits inside the writer's subject
            if len(words) == 1 and words[0].lower in ("i", "we", "you"):
                continue  # the writer's own voice, not a reported source
            if cue.lemma == "read":
                if _bare_head(words[_head_index(words, NP_PREPOSITIONS)].lower) not in WRITTEN_HEADS:
                    continue  # "the letter reads", "a sign read": only writing reads
            if (low == cue.lemma and not inverted and not self.last_aux and not self.coordinated and not noun_cue
                    and cue.lemma != "read" and not _plural(words)):
                continue  # "the state and local …": a bare form needs a plural subject
            if (low.endswith("s") and low != cue.lemma and not words[-1].is_capitalised
                    and (self.coordinated or any(t.lower == "and" for t in words))):
                continue  # "mailers and phone calls": an -s form after a coordinated phrase is a noun
            self.book.last_noted = None
            before_org, before_group = self.recent_org, self.recent_group
            speaker = self._speaker(words, role)
            if speaker is None:
                continue
            cue_end = match.end()
            if inverted:
                cue_end = words[-1].end
            found = self._content_for(sent, cue, speaker, words, inverted, cue_end, floor)
            if found and noun_cue and not found.direct:
                # A noun's clause ends at the first comma: "Contrary to his claim that
                # people would learn nothing, the hearing was useful."
                comma = text.find(",", found.content[0], found.content[1])
                if comma > 0:
                    span = _trim(text, found.content[0], comma)
                    found = Found(span, False, found.speaker, found.cue, found.confidence, found.anchor,
                                  self._inner(span))
            if found:
                last_speaker = speaker
                out.append(found)
            else:
                # The subject said nothing here: it is no speaker for later pronouns.
                self.recent_org, self.recent_group = before_org, before_group
                if self.book.last_noted is not None:
                    self.book.forget_speaker(*self.book.last_noted)
        return out

    def _quoted_as(self, sent: Sentence, cue: Cue, match: re.Match[str], floor: int) -> Found | None:
        """Who a report quotes speaks: the subject of "was quoted (by X) as
        saying", the object of "X quoted Y as saying"."""
        quoted = RE_QUOTED_AS.search(self.text, max(floor, match.start() - 160), match.start())
        if quoted is None:
            return None
        role = None
        if quoted.group("aux"):
            subject = self.subject_before(floor, quoted.start())
            if subject is None or subject[1]:
                return None
            words, _, role = subject
        else:
            words = [t for t in self.tokens(quoted.start("mid"), quoted.end("mid")) if t.is_word]
            if words and words[0].lower in ("by", "in"):
                return None  # "Smith, quoted by the FT as saying …, declined": an aside, no object that speaks
            if not words or not plausible_speaker(words):
                return None
        speaker = self._speaker(words, role)
        if speaker is None:
            return None
        # "… was quoted as saying by the Interfax news agency.": who quotes is no content
        by = RE_BY_SOURCE.match(self.text, match.end(), sent.span[1])
        return self._content_for(sent, cue, speaker, words, False, by.end() if by else match.end(), floor)

    def _in_relative(self, floor: int, pos: int) -> bool:
        """Is the verb before ``pos`` coordinated inside a relative clause: "a
        conversation that humanizes people and demands respect"?"""
        toks = self.tokens(max(floor, pos - 120), pos)
        if not toks or toks[-1].lower != "and":
            return False
        for k in range(len(toks) - 1, max(0, len(toks) - 7), -1):
            low = toks[k].lower
            if not toks[k].is_word and toks[k].text not in "’'":
                return False
            if low in ("who", "which"):
                return True
            if low == "that":
                prev = toks[k - 1]
                return prev.is_word and not prev.is_capitalised and prev.lower not in FORMS and prev.lower not in TIME_WORDS
        return False

    def _sentence_subject(self, sent: Sentence, start: int | None = None) -> Speaker | None:
        """The noun phrase that opens a sentence (or its main clause, from
        ``start``), when it can speak."""
        if start is None:
            start = sent.span[0]
            first = self.text[start:start + 30].split()[:1]
            if first and (first[0].lower() in FRONTED_OPENERS or RE_FRONTED_PARTICIPLE.match(self.text, start)):
                # "On Thursday, however, Trump spoke …", "Chastened by the
                # analyses, Trump revised his plan, promising …": the subject
                # follows the fronted phrase.
                main = RE_MAIN_CLAUSE.search(self.text, start, sent.span[1])
                if main is None:
                    return None
                start = main.end()
        toks = self.tokens(start, min(sent.span[1], start + 200))
        words: list[Token] = []
        for tok in toks:
            low = tok.lower
            if not tok.is_word:
                if words or tok.text not in "\"“‘'(":
                    break
                continue
            if not words and low in ("but", "and", "yet", "so"):
                continue  # "But Mr Forgeard has denied this, telling …"
            if not words and low in FRONTED_OPENERS:
                return None
            if not words and low in ("he", "she", "they"):
                words.append(tok)  # "He went on television, telling voters …"
                break
            if (low in STOP_NP and not (len(tok.text) > 1 and tok.text.isupper())  # but "US companies"
                    or (not tok.is_capitalised and low.endswith(("ed", "ly", "ing"))) or low in FORMS
                    or RE_CLAUSE_VERB.fullmatch(low)):
                break
            words.append(tok)
            if len(words) >= 8:
                break
        if not words or not plausible_speaker(words) or (len(words) == 1 and words[0].lower in DETERMINERS):
            return None
        return self._speaker(words)

    def _coordinated(self, item: Found, sent: Sentence) -> list[Found]:
        """ "said that A, and that B": two claims, same speaker and cue."""
        if item.direct or item.content[1] >= sent.span[1] - 1:
            return [item]
        match = RE_AND_THAT.match(self.text, item.content[1], sent.span[1])
        if not match:
            return [item]
        start = match.end()
        end = self.clause_end(start, sent.span[1])
        span = _trim(self.text, start, end)
        inner = self._inner(span)
        return [item, Found(span, False, item.speaker, item.cue, item.confidence, item.anchor, inner)]

    def _content_for(self, sent: Sentence, cue: Cue, speaker: Speaker, words: list[Token],
                     inverted: bool, cue_end: int, floor: int) -> Found | None:
        text = self.text
        s_start, s_end = sent.span
        subj_start = min(words[0].start, cue.span[0])
        # 1. A quote right before the subject/cue: “…,” Kadyrov wrote.
        before = None
        took_back = False
        last = self._last_quote_before(subj_start)
        for quote in [last] if last is not None else []:
            # “We sail at dawn!” Lind said.  The sentence splitter ends a
            # sentence at ?” or !” before a capital; the cue takes it back.
            exclaimed = (quote.outer[1] <= s_start == subj_start and text[quote.inner[1] - 1:quote.inner[1]] in ("?", "!")
                         and text[quote.outer[1]:s_start].strip(" \t") == "")
            if quote.outer[1] <= subj_start and (s_start < quote.outer[1] or exclaimed) and RE_GAP_BEFORE_SUBJECT.fullmatch(text, quote.outer[1], subj_start):
                # A short quoted title mid-sentence ("on CBS's "Face the Nation,"
                # Ryan said …") is not what the speaker said.
                if (quote.outer[0] > s_start + 1 and len(text[quote.inner[0]:quote.inner[1]].split()) < 4
                        and not RE_CLAUSE_VERB.search(text, quote.inner[0], quote.inner[1])):
                    continue  # but “we are ready,” is speech, not a title or a scare quote
                before = quote
                took_back = s_start >= quote.outer[1]
        probe = Cue(cue.text, cue.lemma, (cue.span[0], cue_end), cue.stance)
        after = self.content_after(probe, s_end)
        if took_back:
            # “Is it safe?” Lind said the ferry was late: the cue has words of
            # its own after it, so the question is not taken back (but
            # “…?” Lind said, adding …).
            rest = text[self.skip_adjuncts(cue_end, s_end):s_end].strip()
            if after or not (rest.startswith(",") or RE_PUNCT_ONLY.fullmatch(rest or ".")):
                before = None
        if after and not after[1] and RE_FRONTED.match(text, s_start, subj_start) and "," not in text[s_start:subj_start]:
            # The cue is inside a fronted clause: "While Ham acknowledged that
            # funding was a reason, he also noted …". The main clause is not content.
            main = RE_MAIN_CLAUSE.search(text, after[0][0], after[0][1])
            if main:
                span = _trim(text, after[0][0], main.start())
                after = (span, False, self._inner(span))
        if after and not after[1] and RE_WHO_ASIDE.search(text, max(s_start, words[0].start - 2), cue.span[0]):
            # "John Smith, who said the ferry was late, resigned": the aside ends
            # where the main clause's verb comes back.
            # the last one: "who said the ferry, a new vessel, was late, has resigned"
            back = next(reversed(list(RE_MAIN_VERB_BACK.finditer(text, after[0][0], after[0][1]))), None)
            if back:
                span = _trim(text, after[0][0], back.start())
                after = (span, False, self._inner(span))
        heads = {"show": EVIDENCE_HEADS, "find": RESEARCH_HEADS}.get(cue.lemma) if after is None else None
        if heads is not None and any(
                _bare_head(w) in heads
                for w in [*text[max(floor, subj_start - 40):subj_start].lower().split()[-3:], *(t.lower for t in words)]):
            # "The poll shows Clinton leading by five points", "Video shows
            # him with his hands in the air": evidence shows a state of affairs.
            start = _skip_ws(text, cue_end, s_end)
            span = _trim(text, start, self.clause_end(start, s_end))
            first = text[start:start + 12].split()[:1]
            # but "the networks found by researchers": a participle, not a finding
            if (len(text[span[0]:span[1]].split()) >= 3 and text[start:start + 1].isalnum()
                    and not (first and first[0].lower() in PREPOSITIONS)):
                after = (span, False, self._inner(span))
        anchor = (subj_start, cue.span[1])
        if before is not None and after and not after[1] and text[cue_end:after[0][0]].rstrip().endswith("that"):
            # “…,” a senior official believes that …: the cue governs the
            # clause; the quote before keeps its speaker but has no cue.
            self._extra.append(Found(before.inner, True, speaker, None, 0.6, (subj_start, subj_start), [before]))
            span, direct, inner = after
            return Found(span, direct, speaker, cue, 0.8, anchor, inner)
        if before is not None:
            if after and after[1] and text[before.inner[1] - 1:before.inner[1]] == "," and after[0][0] > before.outer[1]:
                # One sentence split by the cue: “A,” she said, “b.”
                joined = (before.inner[0], after[0][1])
                return Found(joined, True, speaker, cue, 0.9, anchor, [before, *after[2]])
            earlier = [q for q in self._quotes_in(s_start, before.outer[0]) if q.outer[1] <= before.outer[0]]
            lead_start = _skip_ws(text, earlier[-1].outer[1] if earlier else s_start, before.outer[0])
            if after:
                # “Speaking on “Meet the Press,” Ryan said the bill would pass”:
                # a title before the subject yields to the cue's own content.
                if _titled(text[before.inner[0]:before.inner[1]]):
                    span, direct, inner = after
                    return Found(span, direct, speaker, cue, 0.8, anchor, inner)
                lead_start = before.outer[0]  # the lead is the writer's only when the cue says nothing after
            lead = text[lead_start:before.outer[0]].rstrip()
            if (len(lead.split()) >= 2 and lead[-1:].isalnum() and not any(ch in lead for ch in "\"“”‘’«»:")
                    and not find_cues(text, lead_start, before.outer[0])):
                # A quote that finishes the writer's sentence: “However laudable
                # the goal, using the tax ''is a misguided approach,'' said
                # Burman”. The whole sentence is what he said.
                span = _trim(text, lead_start, before.inner[1])
                return Found(span, False, speaker, cue, 0.75, anchor, [before])
            return Found(before.inner, True, speaker, cue, 0.9 if before.opened else 0.75, anchor, [before])
        if after:
            span, direct, inner = after
            conf = 0.85 if direct else (0.8 if text[cue_end:span[0]].strip().endswith("that") else 0.7)
            return Found(span, direct, speaker, cue, conf, anchor, inner)
        if after is None and before is None and text[self.skip_adjuncts(cue_end, s_end):s_end].strip() == ":":
            # "Limbaugh added:" closing its paragraph, over a block quote whose
            # marks were lost with the page's layout: the next paragraph.
            block = self._next_paragraph(sent)
            if block is not None and not find_cues(text, block[0], min(block[1], block[0] + 60)):
                return Found(block, False, speaker, cue, 0.6, anchor, self._inner(block))
        # 3. The clause before: "Troops are near Kyiv, the official said."
        rest = cue_end
        if cue.lemma == "tell":
            audience = self._audience(self.tokens(cue_end, min(s_end, cue_end + 80)))
            rest = audience if audience is not None else cue_end
        rest = self.skip_adjuncts(rest, s_end)
        tail = text[rest:s_end].strip()
        lead = text[s_start:subj_start].rstrip()
        next_word = tail[1:].split()[0].lower() if len(tail) > 1 and tail[1:].split() else ""
        clause = RE_RELATIVE.split(tail.split(",")[1])[0] if tail.startswith(",") else ""
        lead_words = lead.split()
        if (tail.startswith(",") and len(tail) > 12 and lead.endswith(",")
                and (len(lead_words) >= 2 or len(lead_words) == 1 and lead_words[0][:1].isupper()
                     and lead_words[0].rstrip(",").lower() not in INTERJECTIONS and RE_CLAUSE_VERB.search(clause))
                and (next_word not in DETERMINERS or next_word not in ("a", "an") and RE_CLAUSE_VERB.search(clause))
                # "…, he said, replacing Clinton would be harder": a gerund
                # subject, unlike an appended "…, he said, citing the report"
                and next_word not in APPENDED and (not next_word.endswith("ing") or RE_CLAUSE_VERB.search(clause))):
            # A parenthetical cue: "The museum, Mr. Bush said, celebrated …".
            span = _trim(text, s_start, s_end)
            inner = self._inner(span)
            return Found(span, False, speaker, cue, 0.7, anchor, inner)
        if lead in ("As", "as") and tail.startswith(",") and len(tail.split()) >= 4:
            # "As the minister noted, the ferry was never inspected."
            span = _trim(text, text.index(",", rest) + 1, s_end)
            return Found(span, False, speaker, cue, 0.75, anchor, self._inner(span))
        if inverted and tail and tail.split()[0].lower() in INVERTED_FOLLOWERS and not RE_FINITE.search(tail):
            tail = ""  # "…, said one GOP source in the room."
        if tail and not tail.startswith(",") and not RE_PUNCT_ONLY.fullmatch(tail):
            return None
        head_end = subj_start
        while head_end > floor and text[head_end - 1].isspace():
            head_end -= 1
        if head_end <= floor or text[head_end - 1] not in ",—–":
            return None
        start = floor if floor > s_start else s_start
        span = _trim(text, start, head_end)
        if _too_short(text, span):
            return None
        inner = self._inner(span)
        direct = bool(inner) and inner[0].outer[0] <= span[0] + 1 and inner[-1].outer[1] >= span[1] - 1
        if direct:
            span = inner[0].inner if len(inner) == 1 else (inner[0].inner[0], inner[-1].inner[1])
        return Found(span, direct, speaker, cue, 0.75, anchor, inner)

    def _passive_it(self, floor: int, match: re.Match[str], sent: Sentence) -> Found | None:
        """ "It was said that …": a cue without a speaker."""
        text = self.text
        base = max(floor, match.start() - 40)
        lead = text[base:match.start()]
        m = RE_IT_WAS.search(lead)
        if not m or match.group().lower() not in PARTICIPLES | {"reported", "claimed", "alleged", "announced",
                                                                 "stated", "confirmed", "believed"}:
            return None
        sent_end = sent.span[1]
        cue = _cue_record(text, base + m.start(), match.end())
        cue = Cue(cue.text, FORMS.get(match.group().lower(), match.group().lower()), cue.span,
                  CUE_STANCE.get(FORMS.get(match.group().lower(), ""), "neutral"))  # type: ignore[arg-type]
        got = self.content_after(Cue(cue.text, cue.lemma, (match.start(), match.end()), cue.stance), sent_end)
        if not got:
            return None
        span, direct, inner = got
        return Found(span, direct, None, cue, 0.6, cue.span, inner)

    def _according_to(self, sent: Sentence, cue: Cue) -> Found | None:
        text = self.text
        s_start, s_end = sent.span
        words = self.phrase_after(cue.span[1], s_end)
        if not words:
            return None
        speaker = self._speaker(words)
        phrase_end = words[-1].end
        lead = text[s_start:cue.span[0]].strip()
        # "According to X, CONTENT"
        if not lead or lead.endswith((".", "”", "\"")):
            pos = phrase_end
            comma = text.find(",", pos, s_end)
            if comma < 0:
                return None
            # Skip the rest of the phrase ("… on a conference call with reporters Sunday,")
            start = _skip_ws(text, comma + 1, s_end)
            # "According to Orlitz's deputy mayor, Filip Aske, the town …": the
            # name in apposition is the speaker, the phrase before it the role.
            appos = RE_APPOSED_NAME.match(text, start, s_end)
            if appos and words:
                role = text[words[0].start:words[-1].end]
                name_words = [t for t in self.tokens(appos.start(1), appos.end(1)) if t.is_word]
                speaker = self._speaker(name_words, role) or speaker
                start = _skip_ws(text, appos.end(), s_end)
            quote = self._quote_at(start)
            if quote and quote.outer[0] == start:
                return Found(quote.inner, True, speaker, cue, 0.85, (cue.span[0], phrase_end), [quote])
            span = _trim(text, start, s_end)
            if _too_short(text, span):
                return None  # "According to MSNBC, basically."
            inner = self._inner(span)
            orphan = [q for q in self._quotes_in(span[0] - 40, span[0] + 1) if not q.opened and q.outer[1] >= span[1]]
            direct = bool(orphan)
            return Found(span, direct, speaker, cue, 0.8, (cue.span[0], phrase_end), inner + orphan)
        # "CONTENT, according to X."
        # (within the sentence: the lead has a word, so the comma is there or nowhere)
        before = s_start + len(text[s_start:cue.span[0]].rstrip())
        if text[before - 1] != ",":
            return None
        start = s_start
        lead_match = RE_ACCORDING_LEAD.match(text[s_start:cue.span[0]])
        if lead_match:
            start = s_start + lead_match.end()
            # "the announcement comes as CLAUSE, according to X": the as-clause.
        end = before
        more = RE_ACCORDING_MORE.match(text, phrase_end, s_end)
        if more and RE_CLAUSE_VERB.search(text, more.end(), s_end) and not find_cues(text, more.end(), s_end):
            # "The top 1 percent paid 25 percent, according to the CBO, and the
            # top 10 percent paid 69 percent": the source vouches for both.
            end = s_end
        span = _trim(text, start, end)
        if len(text[span[0]:span[1]].split()) < 3:
            return None
        inner = self._inner(span)
        direct = bool(inner) and inner[0].outer[0] <= span[0] + 1 and inner[-1].outer[1] >= span[1] - 1
        if direct:
            span = inner[0].inner
        return Found(span, direct, speaker, cue, 0.8, (cue.span[0], phrase_end), inner)

    def _in_words(self, sent: Sentence, cue: Cue) -> Found | None:
        """ "In his words, “…”"."""
        text = self.text
        pron = RE_POSSESSIVE.search(cue.text)
        speaker = None
        if pron:
            tok = Token(pron.group(1), cue.span[0] + pron.start(1), cue.span[0] + pron.end(1))
            speaker = self._speaker([tok])
        else:
            words = self.phrase_after(cue.span[1], sent.span[1])
            speaker = self._speaker(words) if words else None
        comma = text.find(",", cue.span[1], sent.span[1])
        if comma < 0:
            return None
        start = _skip_ws(text, comma + 1, sent.span[1])
        quote = self._quote_at(start)
        if quote and quote.outer[0] == start:
            return Found(quote.inner, True, speaker, cue, 0.8, cue.span, [quote])
        return Found(_trim(text, start, sent.span[1]), False, speaker, cue, 0.7, cue.span, [])

    def _leftover_quotes(self, found: list[Found]) -> list[Found]:
        """Quotes no cue claimed: continuations of a speaker, or unattributed.

        Everything here is looked up by bisection, so a text made of thousands
        of quotes stays linear-logarithmic."""
        used = {id(q) for f in found for q in f.quotes}
        # Is a quote inside some claim's content?  Spans by start, with the
        # running maximum of their ends.
        spans = sorted(f.content for f in found)
        span_starts = [sp[0] for sp in spans]
        reach = list(accumulate((sp[1] for sp in spans), max))
        # Quote claims with a speaker, by where their content ends.
        voiced = sorted((f for f in found if f.speaker is not None), key=lambda f: (f.content[1], f.content[0]))
        voiced_ends = [f.content[1] for f in voiced]
        sent_starts = self._sent_starts
        out: list[Found] = []
        last_out: Found | None = None
        for quote in self.quotes:
            if id(quote) in used:
                continue
            k = bisect_right(span_starts, quote.inner[0]) - 1
            if k >= 0 and reach[k] >= quote.inner[1]:
                continue
            content = self.text[quote.inner[0]:quote.inner[1]]
            n_words = len(content.split())
            full_sentence = content.rstrip(" ,").endswith((".", "!", "?", "…")) or not quote.closed
            if n_words < 4 and not full_sentence:
                continue
            if n_words < 3:
                continue
            sent_index = bisect_right(sent_starts, quote.inner[0]) - 1
            if sent_index < 0 or quote.inner[0] >= self.sents[sent_index].span[1]:
                continue
            sent = self.sents[sent_index]
            # A quote inside running prose with no cue: a scare quote, not a
            # claim ("after he authorized the so-called “special operation.”"),
            # unless a colon or comma introduces it.
            mid_sentence = quote.outer[0] > sent.span[0] + 1
            introduced = self.text[max(0, quote.outer[0] - 2):quote.outer[0]].strip() in (":", ",", "—", "–")
            if mid_sentence and not full_sentence or (mid_sentence and n_words <= 4 and not introduced):
                continue
            # The speaker of the nearest quote claim just before, in this or the previous paragraph.
            v = bisect_right(voiced_ends, quote.outer[0]) - 1
            while v > 0 and voiced_ends[v - 1] == voiced_ends[v]:
                v -= 1  # of claims ending at the same place, the one that starts first
            previous = voiced[v] if v >= 0 else None
            if last_out is not None and last_out.content[1] <= quote.outer[0] and (
                    previous is None or last_out.content[1] > previous.content[1]):
                previous = last_out
            speaker, cue, conf = None, None, 0.4
            if previous is not None:
                prev_sent = bisect_right(sent_starts, previous.content[0]) - 1
                if not (prev_sent >= 0 and previous.content[0] < self.sents[prev_sent].span[1]):
                    prev_sent = -99
                gap = quote.outer[0] - previous.content[1]
                # After reported speech only the next sentence of the same paragraph:
                # "he warned against complacency. “The debt problem is not solved.”"
                reach_back, para_back = (2, 1) if previous.direct else (1, 0)
                if (sent_index - prev_sent <= reach_back and self.sents[prev_sent].paragraph >= sent.paragraph - para_back
                        and gap < 400):
                    speaker, cue, conf = previous.speaker, previous.cue, 0.65
            colon = self._colon_speaker(quote, sent)
            if colon is not None:
                speaker, cue, conf = colon[0], colon[1], 0.7
            item = Found(quote.inner, True, speaker, cue, conf, quote.outer, [quote])
            out.append(item)
            if speaker is not None:
                last_out = item
        return out

    def _colon_speaker(self, quote: Quote, sent: Sentence) -> tuple[Speaker, Cue | None] | None:
        """ "Name: “…”" at the start of a sentence, or "“…” — Name" at its end."""
        text = self.text
        lead = text[sent.span[0]:quote.outer[0]]
        m = RE_COLON_SPEAKER.fullmatch(lead)
        if m:
            words = [t for t in self.tokens(sent.span[0] + m.start(1), sent.span[0] + m.end(1)) if t.is_word]
            speaker = self._speaker(words)
            colon = sent.span[0] + m.end(1)
            if speaker:
                return speaker, Cue(":", ":", (colon, colon + 1), "neutral")
        tail = text[quote.outer[1]:min(len(text), quote.outer[1] + 80)]
        m = RE_DASH_SPEAKER.match(tail)
        if m:
            base = quote.outer[1]
            words = [t for t in self.tokens(base + m.start(2), base + m.end(2)) if t.is_word]
            speaker = self._speaker(words)
            if speaker:
                return speaker, Cue(m.group(1), "dash", (base + m.start(1), base + m.end(1)), "neutral")
        return None


def _bracket_open(toks: list[Token], close: int, reach: int) -> int:
    """The index of the "(" that opens the bracket closing at token ``close``,
    at most ``reach`` tokens back; -1 when another bracket comes first or none
    is that near."""
    for k in range(close - 1, max(-1, close - reach - 1), -1):
        if toks[k].text in "()":
            return k if toks[k].text == "(" else -1
    return -1


def _mark_before(toks: list[Token], j: int) -> int:
    """The index of the last punctuation mark that can bound an aside at or
    before ``j`` (-1 when none), stepping over a bracketed abbreviation or
    ticker: "director of the Investment Center (IDIC), said"."""
    while j >= 0:
        mark = toks[j].text
        if mark == ")":
            k = _bracket_open(toks, j, 7)
            if 0 <= k < j - 1:
                j = k - 1
                continue
            return j
        if mark in ",;:()“”\"—":
            return j
        j -= 1
    return j


def find_channel(text: str, start: int, end: int, content: Span) -> str | None:
    """The medium named around a claim, outside its content: Telegram, state
    television, a programme, "statement", "told Reuters"."""
    # The claim's text before and after its content; a match may not start inside the content.
    parts = ((start, min(end, max(start, content[0]))), (max(start, content[1]), end))
    for a, b in parts:
        for m in RE_PLATFORM.finditer(text, a, b):
            return PLATFORMS.get(m.group(1).lower(), m.group(1))
    for a, b in parts:
        for m in RE_STATEMENT.finditer(text, a, b):
            kind = (m.group(1) or m.group(2)).lower()
            if m.group(3) and kind in ("interview", "tv interview", "television interview", "radio interview"):
                return m.group(3)
            return " ".join(kind.split())
    for a, b in parts:
        for m in RE_TOLD.finditer(text, a, b):
            return m.group(1).rstrip(".") if not m.group(1).endswith(".S.") else m.group(1)
    for a, b in parts:
        for m in RE_PROGRAMME.finditer(text, a, b):
            first = m.group(1).split()[0].lower().rstrip("’'s")
            if first not in MONTHS_DAYS and first not in ("u.s", "u.n", "uk", "us", "eu"):
                return m.group(1).strip()
    return None


def find_hedges(text: str, start: int, end: int) -> tuple[str, ...]:
    """Hedge words and phrases inside ``text[start:end]``, in order, once each."""
    seen: list[str] = []
    for m in RE_HEDGES.finditer(text, start, end):
        word = m.group().lower()
        if word not in seen:
            seen.append(word)
    return tuple(seen)
