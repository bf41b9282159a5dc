"""Quotes and reported speech: speaker, cue, stance, content, offsets.

Every row is a sentence of our own, written the way wire copy is written.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from claimcli import analyse
from claimcli.extract.speakers import first_name_gender
from claimcli.models import Claim, Document


@dataclass
class Want:
    kind: str
    content: str
    speaker: str | None = None  # resolved name
    mention: str | None = None
    cue: str | None = None  # cue text
    lemma: str | None = None
    stance: str | None = None
    type: str | None = None
    role: str | None = None
    channel: str | None = None
    hedges: tuple[str, ...] | None = None


def attributed(doc: Document) -> list[Claim]:
    return [c for c in doc.claims if c.kind in ("quote", "statement")]


def check(text: str, claim: Claim, want: Want) -> None:
    s, e = claim.content.span
    assert text[s:e] == claim.content.text
    assert claim.content.text.strip(" ,.\"“”") == want.content.strip(" ,.\"“”"), claim.content.text
    assert claim.kind == want.kind
    assert claim.content.direct == (want.kind == "quote")
    if want.speaker is None:
        assert claim.speaker is None
    else:
        assert claim.speaker is not None
        assert claim.speaker.name == want.speaker
        ss, se = claim.speaker.span
        assert text[ss:se] == claim.speaker.mention
        if want.mention is not None:
            assert claim.speaker.mention == want.mention
        if want.type is not None:
            assert claim.speaker.type == want.type
        if want.role is not None:
            assert claim.speaker.role == want.role
    if want.cue is not None:
        assert claim.cue is not None
        cs, ce = claim.cue.span
        assert text[cs:ce] == claim.cue.text == want.cue
        if want.lemma:
            assert claim.cue.lemma == want.lemma
        if want.stance:
            assert claim.cue.stance == want.stance
    if want.channel is not None:
        assert claim.channel == want.channel
    if want.hedges is not None:
        assert set(want.hedges) <= set(claim.hedges)
    s, e = claim.span
    assert s <= claim.content.span[0] and claim.content.span[1] <= e


CASES = [
    (
        "“Two died, six more were injured,” Kadyrov wrote on Telegram on Tuesday.",
        [Want("quote", "Two died, six more were injured,", "Kadyrov", "Kadyrov", "wrote", "write", "neutral",
              channel="Telegram")],
        "cue after the quote, channel",
    ),
    (
        "Regional Governor Petra Halvorsen said on Monday: “The water is still rising.”",
        [Want("quote", "The water is still rising.", "Petra Halvorsen", "Regional Governor Petra Halvorsen", "said",
              role="Regional Governor", type="person")],
        "colon form, role before the name",
    ),
    (
        "“We are not leaving,” she said. “Not while people are missing.”",
        [Want("quote", "We are not leaving,", "she", "she", "said"), Want("quote", "Not while people are missing.", "she")],
        "split quote: the second part inherits the unresolved pronoun",
    ),
    (
        "The ministry denied that its troops had fired on civilians.",
        [Want("statement", "its troops had fired on civilians", "ministry", "The ministry", "denied", "deny", "deny",
              type="organization")],
        "deny stance, that-clause",
    ),
    (
        "The company admitted that safety checks had been skipped.",
        [Want("statement", "safety checks had been skipped", "company", "The company", "admitted", "admit", "concede")],
        "concede stance",
    ),
    (
        "The rebels claimed that they had captured the airport.",
        [Want("statement", "they had captured the airport", "rebels", "The rebels", "claimed", "claim", "allege",
              hedges=("claimed",))],
        "allege stance is a hedge",
    ),
    (
        "The mayor insisted the dam had been inspected last year.",
        [Want("statement", "the dam had been inspected last year", "mayor", "The mayor", "insisted", "insist", "assert")],
        "reported speech without that",
    ),
    (
        "According to the fire service, the blaze started in a storage shed.",
        [Want("statement", "the blaze started in a storage shed", "fire service", "the fire service", "According to",
              "according to")],
        "according to first",
    ),
    (
        "The blaze started in a storage shed, according to a senior fire official.",
        [Want("statement", "The blaze started in a storage shed", "a senior fire official", "a senior fire official",
              "according to", type="anonymous")],
        "according to last, anonymous source",
    ),
    (
        "Water levels were falling, the agency said in a statement.",
        [Want("statement", "Water levels were falling", "agency", "the agency", "said", channel="statement")],
        "clause before the speaker",
    ),
    (
        "“The levee will hold,” said Emil Kovac, the head of the agency.",
        [Want("quote", "The levee will hold,", "Emil Kovac", "Emil Kovac", "said")],
        "inverted speaker after said",
    ),
    (
        "Igor Marek, a spokesman for the interior ministry, told reporters that 12 people had been arrested.",
        [Want("statement", "12 people had been arrested", "Igor Marek", "Igor Marek", "told", "tell",
              role="a spokesman for the interior ministry")],
        "appositive role",
    ),
    (
        "Police told Northern Wire Service that the driver had fled.",
        [Want("statement", "the driver had fled", "Police", "Police", "told", channel="Northern Wire Service")],
        "told OUTLET is the channel",
    ),
    (
        "The strikes reportedly killed 40 people, the agency said, a figure that could not be independently verified.",
        [Want("statement", "The strikes reportedly killed 40 people", "agency", "the agency", "said",
              hedges=("reportedly", "could not be independently verified"))],
        "hedges in the claim sentence",
    ),
    (
        "„We stay here“, he said. «We leave tomorrow», she said. \"We are staying,\" they said.",
        [Want("quote", "We stay here", "he", cue="said"), Want("quote", "We leave tomorrow", "she", cue="said"),
         Want("quote", "We are staying,", "they", cue="said")],
        "German, French and straight quote marks",
    ),
    (
        "“They told us ‘stay inside’ and then the sirens stopped,” said Anna Bell, a resident.",
        [Want("quote", "They told us ‘stay inside’ and then the sirens stopped,", "Anna Bell", "Anna Bell", "said")],
        "single quotes nested in double quotes",
    ),
    (
        "The regional government, on the other hand, claims that 40 people are still missing.",
        [Want("statement", "40 people are still missing", "regional government", "The regional government", "claims",
              "claim", "allege")],
        "an aside between subject and verb",
    ),
    (
        "The mayor said the levee was “holding for now,” and that the army would stay “as long as it takes.”",
        [Want("statement", "the levee was “holding for now,”", "mayor", cue="said"),
         Want("statement", "the army would stay “as long as it takes.”", "mayor", cue="said")],
        "two coordinated that-clauses after a partial quote are two claims",
    ),
    (
        "Although “nothing has been ruled out,” a senior investigator believes that the fire started in the shed.",
        [Want("quote", "nothing has been ruled out,", "a senior investigator"),
         Want("statement", "the fire started in the shed", "a senior investigator", cue="believes", lemma="believe")],
        "a quote before a that-clause: both, the cue governs the clause",
    ),
    (
        "As the toll continues to rise, the agency said that 14 people had died.",
        [Want("statement", "14 people had died", "agency", "the agency", "said")],
        "continues to rise is not a report",
    ),
    (
        "Troops moved in after the governor ordered a so-called “clearance operation.”",
        [],
        "a short scare quote at the end of a sentence is not a claim",
    ),
    (
        "The operator just this month announced it would replace every siren in the valley.",
        [Want("statement", "it would replace every siren in the valley", "operator", "The operator", "announced")],
        "a time adverbial between subject and verb",
    ),
    (
        "The minister has praised the rescuers but has said the inquiry will take a year.",
        [Want("statement", "the inquiry will take a year", "minister", "The minister", "said")],
        "a cue coordinated with but shares the subject",
    ),
    (
        "Villagers say the water rose within minutes.",
        [Want("statement", "the water rose within minutes", "Villagers", "Villagers", "say", type="anonymous")],
        "a bare verb after a capitalised plural",
    ),
    (
        "Those close to him say he will not run again.",
        [Want("statement", "he will not run again", "Those close to him", "Those close to him", "say")],
        "an object pronoun inside the subject",
    ),
    (
        "The flood, he told me on Friday, was the worst in forty years.",
        [Want("statement", "The flood, he told me on Friday, was the worst in forty years", "he", "he", "told")],
        "a parenthetical cue with an audience",
    ),
    (
        "The port's operations director, Hanne Virtala, said the cranes had been shut down at noon.",
        [Want("statement", "the cranes had been shut down at noon", "Hanne Virtala", "Hanne Virtala", "said",
              role="The port's operations director")],
        "a role, then the name set off by commas",
    ),
    (
        "Tomas Erling, executive director of the Fjordline Ferry Union, said crews would strike on Monday.",
        [Want("statement", "crews would strike on Monday", "Tomas Erling", "Tomas Erling", "said",
              role="executive director of the Fjordline Ferry Union")],
        "a name, then a bare role without an article",
    ),
    (
        "Senator Eira Lund, R-Nev., said the ferry subsidy would end in June.",
        [Want("statement", "the ferry subsidy would end in June", "Eira Lund", "Senator Eira Lund", "said")],
        "a party and state label between commas",
    ),
    (
        "Senator Eira Lund, Democrat of Nevada, said the ferry subsidy would end in June.",
        [Want("statement", "the ferry subsidy would end in June", "Eira Lund", "Senator Eira Lund", "said")],
        "a party apposition without an article",
    ),
    (
        "The ruling ended a lawsuit in which ferry workers argued that the overtime rules were unlawful.",
        [Want("statement", "the overtime rules were unlawful", "ferry workers", "ferry workers", "argued")],
        "a relative clause's own subject, not the noun before which",
    ),
    (
        "Marit Solberg, 52, a ferry pilot, said the wind had turned without warning.",
        [Want("statement", "the wind had turned without warning", "Marit Solberg", "Marit Solberg", "said",
              role="a ferry pilot")],
        "an age and a role, two asides",
    ),
    (
        "Aino Rask, who lives on Harbour Lane, about 300 metres from the pier, said the ferry hit the wall.",
        [Want("statement", "the ferry hit the wall", "Aino Rask", "Aino Rask", "said")],
        "a who clause that holds a comma",
    ),
    (
        "Officials in Tallvik, Norland, said the ferry service would resume on Friday.",
        [Want("statement", "the ferry service would resume on Friday", "Officials in Tallvik", "Officials in Tallvik",
              "said")],
        "a place named with its region is not a person",
    ),
    (
        "The ferry had been overloaded for weeks, said one union official at the pier.",
        [Want("statement", "The ferry had been overloaded for weeks", "one union official", "one union official",
              "said")],
        "an inverted subject counted by a number, then a place",
    ),
    (
        "Sixty percent said the ferry fares were too high.",
        [Want("statement", "the ferry fares were too high", "Sixty percent", "Sixty percent", "said")],
        "poll respondents as a share",
    ),
    (
        "The crew later spoke to a passenger who said the lights went out first.",
        [Want("statement", "the lights went out first", "a passenger", "a passenger", "said")],
        "a who clause makes its antecedent a speaker",
    ),
    (
        "Too often, Captain Lind said, the ferry left port with its doors open.",
        [Want("statement", "Too often, Captain Lind said, the ferry left port with its doors open", "Lind",
              "Captain Lind", "said")],
        "a parenthetical cue before a determiner and a verb",
    ),
    (
        "The ferry sank, the port authority said, a loss that could not be confirmed.",
        [Want("statement", "The ferry sank", "port authority", "the port authority", "said")],
        "an apposition to the content after the cue is not content",
    ),
    (
        "The operator accused the union of blocking the ramp and asserted that the ferry was safe.",
        [Want("statement", "the union of blocking the ramp", "operator", "The operator", "accused"),
         Want("statement", "the ferry was safe", "operator", "The operator", "asserted")],
        "a second cue after and starts a second claim",
    ),
    (
        "Police said a second bag was found at the pier and that location is being searched.",
        [Want("statement", "a second bag was found at the pier and that location is being searched", "Police",
              "Police", "said")],
        "and that followed by a noun is a determiner, not a second clause",
    ),
    (
        "A harbour board survey released Friday shows most ferry users backing the new timetable.",
        [Want("statement", "most ferry users backing the new timetable", "harbour board survey",
              "A harbour board survey", "shows")],
        "evidence shows a state of affairs without that",
    ),
    (
        "The captain shows no sign of stepping down.",
        [],
        "a person showing something is not a claim",
    ),
    (
        "The union said on Friday afternoon that the ferry crews would strike.",
        [Want("statement", "the ferry crews would strike", "union", "The union", "said")],
        "a weekday and its part of the day between cue and content",
    ),
    (
        "Lind told co-host Aino Berg that the ferry had never been inspected.",
        [Want("statement", "the ferry had never been inspected", "Lind", "Lind", "told")],
        "an audience of role and name before that",
    ),
    (
        "The captain told the inquiry he had warned the owners twice.",
        [Want("statement", "he had warned the owners twice", "captain", "The captain", "told")],
        "an audience of common nouns up to the clause's pronoun",
    ),
    (
        "The coastguard told passengers to stay below deck.",
        [Want("statement", "passengers to stay below deck", "coastguard", "The coastguard", "told")],
        "an instruction with its audience",
    ),
    (
        "Having said that, the ferry company is still running its summer timetable.",
        [],
        "having said that is the writer's turn of phrase",
    ),
    (
        "The ferry plan needs the financial help of states that may not want to pay.",
        [],
        "states after a preposition is a noun",
    ),
    (
        "The governor declined to say how many people were missing.",
        [],
        "declined to say is not a claim",
    ),
    (
        "The army did not say whether the bridge was destroyed.",
        [],
        "negated speech is not a claim",
    ),
    (
        "Residents fled the so-called “safe zone” overnight.",
        [],
        "a scare quote is not a claim",
    ),
    (
        "A spokesman for the port authority said the ferry had been refuelled.",
        [Want("statement", "the ferry had been refuelled", "A spokesman for the port authority",
              "A spokesman for the port authority", "said", type="anonymous")],
        "a post-modifier with its own determiner stays in the subject",
    ),
    (
        "Passengers around the harbour say the ferry left late.",
        [Want("statement", "the ferry left late", "Passengers around the harbour", "Passengers around the harbour",
              "say", type="anonymous")],
        "a sentence-initial common plural is no personal name",
    ),
    (
        "Eight of 10 passengers say the crossing felt unsafe.",
        [Want("statement", "the crossing felt unsafe", "Eight of 10 passengers", "Eight of 10 passengers", "say",
              type="anonymous")],
        "a partitive count agrees with what follows of",
    ),
    (
        "The crew gathered on the quay. Many of them said the captain had been calm.",
        [Want("statement", "the captain had been calm", "Many of them", "Many of them", "said", type="anonymous")],
        "a partitive pronoun subject",
    ),
    (
        "One passenger claimed that the lifeboats were locked.",
        [Want("statement", "the lifeboats were locked", "One passenger", "One passenger", "claimed", "claim", "allege")],
        "a count and an agent noun",
    ),
    (
        "Several deckhands have complained they were never trained.",
        [Want("statement", "they were never trained", "Several deckhands", "Several deckhands", "complained",
              "complain")],
        "a quantifier and any plural noun can complain",
    ),
    (
        "His family said the captain had been overworked.",
        [Want("statement", "the captain had been overworked", "His family", "His family", "said")],
        "family is a noun, not an adverb, and keeps its possessive",
    ),
    (
        "The inspector noted the ferry's poor maintenance record.",
        [],
        "a possessive is no finite verb, so a noun object is no claim",
    ),
    (
        "Lind told harbour officials that the ferry was overloaded.",
        [Want("statement", "the ferry was overloaded", "Lind", "Lind", "told")],
        "an audience of two common nouns",
    ),
    (
        "She told her brother that the ferry was late.",
        [Want("statement", "the ferry was late", "She", "She", "told")],
        "her as a possessive inside the audience",
    ),
    (
        "She told her the ferry was late.",
        [Want("statement", "the ferry was late", "She", "She", "told")],
        "her as the audience",
    ),
    (
        "The inquiry heard from a skipper who runs a service that rescues stranded boats and demands better radios.",
        [],
        "a verb coordinated inside a relative clause does not take the sentence's subject",
    ),
    (
        "Everything the captain says is disputed by the crew.",
        [],
        "a cue inside the writer's own subject",
    ),
    (
        "The owners are loyal to him, but everything Lind says is disputed by the crew.",
        [],
        "a cue inside the writer's own subject, mid-sentence",
    ),
    (
        "The mayor said that is why the ferry was late.",
        [Want("statement", "that is why the ferry was late", "mayor", "The mayor", "said")],
        "that as the subject of the reported clause",
    ),
    (
        "The union called on the operator to suspend the service.",
        [Want("statement", "the operator to suspend the service", "union", "The union", "called", "call")],
        "called on someone to do something",
    ),
    (
        "The pilot joked that, in fog, the radar is the only crew member who never complains.",
        [Want("statement", "in fog, the radar is the only crew member who never complains", "pilot", "The pilot",
              "joked")],
        "that followed by a comma",
    ),
    (
        "The captain went on radio, telling listeners that the ferry was safe.",
        [Want("statement", "the ferry was safe", "captain", "The captain", "telling")],
        "a pronoun or noun subject before an irregular past gives a gerund cue its speaker",
    ),
    (
        "Data from the port show that crossings fell by a third.",
        [Want("statement", "crossings fell by a third", "Data from the port", "Data from the port", "show",
              type="document")],
        "data take a plural verb",
    ),
    (
        "The crew members all said the alarm never sounded.",
        [Want("statement", "the alarm never sounded", "The crew members", "The crew members", "said")],
        "a floating quantifier between subject and verb",
    ),
    (
        "In recent weeks, advisers to the mayor say, the ferry contract has been renegotiated.",
        [Want("statement", "In recent weeks, advisers to the mayor say, the ferry contract has been renegotiated",
              "advisers to the mayor", "advisers to the mayor", "say", type="anonymous")],
        "advisers to someone, in a parenthetical cue",
    ),
    (
        "Ivo Renard -- a harbour pilot for 20 years -- said the channel was too shallow.",
        [Want("statement", "the channel was too shallow", "Ivo Renard", "Ivo Renard", "said",
              role="a harbour pilot for 20 years")],
        "a role set off by dashes",
    ),
    (
        "Ivo Renard — speaking on condition of anonymity — said the channel was too shallow.",
        [Want("statement", "the channel was too shallow", "Ivo Renard", "Ivo Renard", "said")],
        "an aside set off by dashes is no role",
    ),
    (
        "Lind is joining forces with Ola Berg to fund Harbour45, a group that will hit the mayor with ads, mailers and phone calls.",
        [],
        "an -s form after a coordinated common phrase is a noun, not a cue",
    ),
    (
        "According to the harbour office, roughly.",
        [],
        "according to with a one-word remainder",
    ),
    (
        'The port has so-called "green" berths which cut emissions.',
        [],
        "a cue word inside a hyphenated word is no cue",
    ),
    (
        "Harbour master Ola Berg, who said the ferry was overloaded, resigned on Friday.",
        [Want("statement", "the ferry was overloaded", "Ola Berg", "Harbour master Ola Berg", "said")],
        "who after a comma stands for the name before it; the aside ends where the main verb returns",
    ),
    (
        "The crew blamed Lind, now the harbour master, who in 2019 said the ferry was safe.",
        [Want("statement", "the ferry was safe", "Lind", "Lind", "said")],
        "who after an apposition stands for the name, past a year",
    ),
    (
        "All the pilots I interviewed said the channel was too shallow.",
        [Want("statement", "the channel was too shallow", "the pilots", "the pilots", "said")],
        "a reduced relative inside the subject",
    ),
    (
        "The new timetable is likely to placate angry commuters in Orlitz, who have argued that the ferry is too slow.",
        [Want("statement", "the ferry is too slow", "angry commuters in Orlitz", "angry commuters in Orlitz", "argued")],
        "the verb after to is not part of the antecedent",
    ),
    (
        "Voters want a mayor who said and did what the old one did.",
        [],
        "a cue coordinated with another verb has no content of its own",
    ),
    (
        "Passengers called the delay a disgrace and vowed to sue.",
        [Want("statement", "the delay a disgrace", "Passengers", "Passengers", "called", "call"),
         Want("statement", "to sue", "Passengers", "Passengers", "vowed", "vow")],
        "called X a Y: what the speaker called it",
    ),
    (
        "The skipper called police a day later.",
        [],
        "calling someone a day later is no assertion",
    ),
    (
        "The owners said they had doubts about the route, but could not afford a new one.",
        [Want("statement", "they had doubts about the route, but could not afford a new one", "The owners", "The owners",
              "said")],
        "but followed by a verb continues the reported clause",
    ),
    (
        "Commuters complain bitterly that the ferry is always late.",
        [Want("statement", "the ferry is always late", "Commuters", "Commuters", "complain", "complain")],
        "an adverb between the cue and that",
    ),
    (
        "The port authority predicted that ferry traffic will grow by a tenth.",
        [Want("statement", "ferry traffic will grow by a tenth", "port authority", "The port authority", "predicted",
              "predict", "neutral")],
        "predicted is the past of predict, not a bare form",
    ),
    (
        "As the harbour master noted, the ferry was never inspected.",
        [Want("statement", "the ferry was never inspected", "harbour master", "the harbour master", "noted")],
        "as X noted, content",
    ),
    (
        "As many pilots, including Ivo Renard, have pointed out, the channel is too shallow for the new ferries.",
        [Want("statement", "the channel is too shallow for the new ferries", "many pilots", "many pilots",
              "pointed out")],
        "an including-aside between subject and verb is no role",
    ),
    (
        "The mayor praised the crew, suggesting the rescue had saved dozens of lives.",
        [Want("statement", "the rescue had saved dozens of lives", "mayor", "The mayor", "suggesting", "suggest")],
        "suggest with a clause and no that",
    ),
    (
        "The inspectors suggested a new schedule for the ferries.",
        [],
        "suggest with a noun object is no claim",
    ),
    (
        "Fact-checkers seized on Mayor Eira Lund's claim that the ferry had never been late.",
        [Want("statement", "the ferry had never been late", "Eira Lund", "Mayor Eira Lund", "claim", "claim",
              "allege")],
        "a possessive and a noun cue with a that clause",
    ),
    (
        "Residents ignored the port authority's warning that the storm would close the harbour.",
        [Want("statement", "the storm would close the harbour", "port authority", "the port authority", "warning",
              "warn")],
        "the possessor back to its determiner",
    ),
    (
        "Ivo Lind spoke first. Contrary to his claim that the crew was rested, the logs showed long shifts.",
        [Want("statement", "the crew was rested", "Ivo Lind", "his", "claim")],
        "a noun's clause ends at the first comma",
    ),
    (
        "The operator's claims were dismissed by the inquiry.",
        [],
        "a possessive noun without a that clause is no claim",
    ),
    (
        '"We will rebuild the pier by spring," the letter reads.',
        [Want("quote", "We will rebuild the pier by spring,", "letter", "the letter", "reads", "read")],
        "writing reads",
    ),
    (
        'A sign on the gate read: "Closed until further notice."',
        [Want("quote", "Closed until further notice.", "A sign on the gate", "A sign on the gate", "read", "read")],
        "a sign read, with a post-modifier on its head",
    ),
    (
        "The mayor read the statement aloud.",
        [],
        "a person reading is no claim",
    ),
    (
        'Critics labelled the ferry a "floating coffin".',
        [Want("statement", 'the ferry a "floating coffin"', "Critics", "Critics", "labelled", "label", "assert")],
        "labelled X a Y, like called",
    ),
    (
        "The yard labelled the boxes.",
        [],
        "labelling things is no claim",
    ),
    (
        "Harbour master Ivo Renard said the channel would reopen. “We are not there yet. Give us a week.”",
        [Want("statement", "the channel would reopen", "Ivo Renard", "Harbour master Ivo Renard", "said"),
         Want("quote", "We are not there yet. Give us a week.", "Ivo Renard", "Harbour master Ivo Renard", "said")],
        "a quote right after reported speech is the same speaker's",
    ),
    (
        "The operator announced a dividend for shareholders who have held stock since 2020.",
        [],
        "a verb inside a relative clause of the object does not make a noun object a clause",
    ),
    (
        "“The channel is too shallow for the new ferries,” said harbour pilot Ivo Renard.",
        [Want("quote", "The channel is too shallow for the new ferries,", "Ivo Renard", "harbour pilot Ivo Renard", "said")],
        "an inverted subject may open with lower-case role words before the name",
    ),
    (
        "“It was the worst crossing of my life,” said yesterday.",
        [Want("quote", "It was the worst crossing of my life,", None)],
        "lower-case words after an inverted said must lead to a name",
    ),
    (
        "Ola Berg beat Ivo Renard in the Orlitz Regatta final. Berg was delighted. “This is my best win,” he said.",
        [Want("quote", "This is my best win,", "Ola Berg", "he", "said")],
        "a surname alone mentions the person again, and a name before a noun is a modifier, not a person",
    ),
    (
        "Orlitz Ferries Corp, formerly Baltic Link Corp, said its board approved a dividend and said it will sell two ships.",
        [Want("statement", "its board approved a dividend", "Orlitz Ferries Corp", "Orlitz Ferries Corp", "said"),
         Want("statement", "it will sell two ships", "Orlitz Ferries Corp", "Orlitz Ferries Corp", "said")],
        "a former name set off by commas is an aside, not the speaker",
    ),
    (
        "Lind told a Harbour Council transport committee hearing that the quay would be ready in May.",
        [Want("statement", "the quay would be ready in May", "Lind", "Lind", "told")],
        "common nouns after a named audience, up to that",
    ),
    (
        "Ola Berg spoke first. Critics said cuts were allowed by the Ferry Bill last year. “We will appeal,” he said.",
        [Want("statement", "cuts were allowed by the Ferry Bill last year", "Critics", "Critics", "said"),
         Want("quote", "We will appeal,", "Ola Berg", "he", "said")],
        "a capitalised name after an article is no person for he to stand for",
    ),
    (
        "Ola Berg spoke first. The Ferry Act allowed deep cuts. “We will appeal,” he said.",
        [Want("quote", "We will appeal,", "Ola Berg", "he", "said")],
        "a subject whose cue says nothing is no speaker for a later pronoun",
    ),
    (
        "The union urged the operator to restore the night crossing, and criticized the port's lack of tugs.",
        [Want("statement", "the operator to restore the night crossing", "union", "The union", "urged", "urge")],
        "an object content stops where its subject goes on with a verb of its own",
    ),
    (
        "The mayor described the delay as “unacceptable” but stopped short of blaming the crew.",
        [Want("statement", "the delay as “unacceptable”", "mayor", "The mayor", "described", "describe")],
        "an object content stops at 'but' and a past verb",
    ),
    (
        "The minister vowed to reopen the quay by May, and harbour workers said they doubted it.",
        [Want("statement", "to reopen the quay by May", "minister", "The minister", "vowed", "vow"),
         Want("statement", "they doubted it", "harbour workers", "harbour workers", "said")],
        "an object content stops where a new subject opens a clause",
    ),
    (
        "The union called for a new inquiry in a statement on Thursday.",
        [Want("statement", "a new inquiry", "union", "The union", "called", "call")],
        "the channel and time at the end of a content are not content",
    ),
    (
        "Lind said the ferry would stream the regatta on social media.",
        [Want("statement", "the ferry would stream the regatta on social media", "Lind", "Lind", "said")],
        "a platform at the end of a clause can be content",
    ),
    (
        "While Lind acknowledged that the radar had failed twice, the captain blamed the fog.",
        [Want("statement", "the radar had failed twice", "Lind", "Lind", "acknowledged", "acknowledge")],
        "a cue inside a fronted clause: the main clause after it is not content",
    ),
    (
        "Though a judge found that the cuts were unlawful, his ruling was overturned in May.",
        [Want("statement", "the cuts were unlawful", "judge", "a judge", "found")],
        "a fronted clause ends where the main clause's subject and verb begin",
    ),
    (
        "When asked about the delay, Lind said the ferry had been late since May.",
        [Want("statement", "the ferry had been late since May", "Lind", "Lind", "said")],
        "a cue after a fronted clause's comma governs the main clause",
    ),
    (
        "After saying the quay was safe, the mayor left the meeting.",
        [Want("statement", "the quay was safe", "mayor", "the mayor", "saying", "say")],
        "a participle cue in a fronted phrase: the main clause's subject speaks",
    ),
    (
        "The mayor refused to name a date, aside from saying the quay would reopen this year.",
        [Want("statement", "the quay would reopen this year", "mayor", "The mayor", "saying", "say")],
        "a participle cue after 'aside from'",
    ),
    (
        "The crew, many of whom say the radar is faulty, walked off the ferry.",
        [Want("statement", "the radar is faulty", "many of whom", "many of whom", "say")],
        "a partitive relative speaks, and its aside ends where the main verb comes back",
    ),
    (
        "Kall -- co-editor of Quay Notes, a newsletter on harbour politics -- said the ferry was sold.",
        [Want("statement", "the ferry was sold", "Kall", "Kall", "said", role="co-editor of Quay Notes")],
        "a dashed aside that holds a comma",
    ),
    (
        "Pilots in Bergen and around the fjords say the radar is faulty.",
        [Want("statement", "the radar is faulty", "Pilots", "Pilots in Bergen and around the fjords", "say")],
        "coordinated post-modifiers stay in the subject",
    ),
    (
        "The mayor cited the radar logs as proof that the crew had been warned.",
        [Want("statement", "the radar logs as proof that the crew had been warned", "mayor", "The mayor", "cited", "cite")],
        "cite takes a noun-phrase object",
    ),
    (
        "The operator agreed to restore the night crossing. Lind agreed to an interview.",
        [Want("statement", "to restore the night crossing", "operator", "The operator", "agreed", "agree")],
        "agree to a verb is a commitment; agree to a noun is not",
    ),
    (
        "The mayor asked the crew to stay on board. Lind asked whether the ferry had been inspected.",
        [Want("statement", "the crew to stay on board", "mayor", "The mayor", "asked", "ask"),
         Want("statement", "whether the ferry had been inspected", "Lind", "Lind", "asked", "ask")],
        "ask with an instruction or an indirect question",
    ),
    (
        "Republicans asked for the logs a few hours earlier when the hearing opened.",
        [],
        "asked for something is no question",
    ),
    (
        "A harbour pilot, who asked not to be named, said the radar failed.",
        [Want("statement", "the radar failed", "harbour pilot", "A harbour pilot", "said")],
        "'asked not to be named' is no content, and the pilot still speaks",
    ),
    (
        "One study found the ferry carried 40 more passengers than allowed. Divers found the wreck.",
        [Want("statement", "the ferry carried 40 more passengers than allowed", "One study", "One study", "found")],
        "a study finds a clause without 'that'; divers finding a wreck is no claim",
    ),
    (
        "“We sail at dawn!” Lind said.",
        [Want("quote", "We sail at dawn!", "Lind", "Lind", "said")],
        "a quote that ends in ! before a capitalised speaker",
    ),
    (
        "“Is it safe?” Lind said the ferry was late.",
        [Want("quote", "Is it safe?"), Want("statement", "the ferry was late", "Lind", "Lind", "said")],
        "a cue with its own content does not take the question before it",
    ),
    (
        "“Is it safe?” Lind asked, adding that the radar had failed twice.",
        [Want("quote", "Is it safe?", "Lind", "Lind", "asked"),
         Want("statement", "the radar had failed twice", "Lind", "Lind", "adding")],
        "a question taken back by a cue followed by a participle clause",
    ),
    (
        "The survey counted 40 open networks. The networks found by researchers had no passwords.",
        [],
        "a participle 'found by' is no finding",
    ),
    (
        "The mayor criticized the operator for the delays. The union slammed the timetable as reckless.",
        [Want("statement", "the operator for the delays", "mayor", "The mayor", "criticized", "criticize", "allege"),
         Want("statement", "the timetable as reckless", "union", "The union", "slammed", "slam", "allege")],
        "criticizing or slamming someone for or as something",
    ),
    (
        "The mayor praised the crew. Officials praised Thursday's rescue for its speed.",
        [Want("statement", "Thursday's rescue for its speed", "Officials", "Officials", "praised", "praise", "assert")],
        "praise needs for/as; a weekday's possessive is part of the object",
    ),
    (
        "Lind questioned whether the radar worked. The question is whether it did.",
        [Want("statement", "whether the radar worked", "Lind", "Lind", "questioned", "question", "neutral")],
        "questioning whether; 'the question is' is a noun",
    ),
    (
        "The new ferry, which the union criticised as extravagant, sank in May. The Mumbai blasts in 1993 were recalled.",
        [],
        "a relative clause leaves the object behind; 'blasts' is a noun",
    ),
    (
        "Lind recently called in to an NRK town hall about ferry safety. The union called off a strike.",
        [],
        "'call in', 'call off': a particle verb says nothing",
    ),
    (
        "Lind cited angry comments the captain had made about the crew.",
        [Want("statement", "angry comments the captain had made about the crew", "Lind", "Lind", "cited")],
        "a subject cannot run past a clause's own verb ('Lind cited angry' is no speaker of 'comments')",
    ),
    (
        "The alleged smuggler said he was innocent.",
        [Want("statement", "he was innocent", "alleged smuggler", "The alleged smuggler", "said")],
        "a participle after a determiner is an adjective in the subject",
    ),
    (
        "The mayor described the delay as “a disgrace” after the ferry sank. Lind blasted the union as reckless Wednesday.",
        [Want("statement", "the delay as “a disgrace”", "mayor", "The mayor", "described"),
         Want("statement", "the union as reckless", "Lind", "Lind", "blasted")],
        "when a judgement was made is not part of it",
    ),
    (
        "The union criticised Lind for sailing after dark.",
        [Want("statement", "Lind for sailing after dark", "union", "The union", "criticised")],
        "'after' without a clause stays in the reason",
    ),
    (
        "The mayor urges the crew to stay on board and repeatedly says, “Do not leave.”",
        [Want("statement", "the crew to stay on board", "mayor", "The mayor", "urges"),
         Want("quote", "Do not leave.", "mayor", "The mayor", "says")],
        "'and' + an adverb + a cue starts a second report",
    ),
    (
        "Lind cited the toll at a hearing watched by 40 people, further raising pressure on the operator.",
        [Want("statement", "the toll at a hearing watched by 40 people", "Lind", "Lind", "cited")],
        "an object content stops at a participle clause",
    ),
    (
        "On Thursday, however, Lind spoke to harbour workers, promising to reopen the quay.",
        [Want("statement", "to reopen the quay", "Lind", "Lind", "promising", "promise")],
        "a participle's subject comes after a fronted phrase",
    ),
    (
        "Chastened by the reports, the operator revised its plan, promising to add crossings.",
        [Want("statement", "to add crossings", "operator", "the operator", "promising", "promise")],
        "a participle's subject comes after a fronted participle phrase",
    ),
    (
        "The union pointed to the strike as an example of rising costs. The union pointed to the data.",
        [Want("statement", "the strike as an example of rising costs", "union", "The union", "pointed to", "point to")],
        "'pointed to X as Y'; pointing to a thing asserts nothing",
    ),
    (
        "Lind appeared to suggest that the crew had lied. The operator declined to say whether the radar worked.",
        [Want("statement", "the crew had lied", "Lind", "Lind", "suggest", "suggest")],
        "the subject of 'appeared to' speaks; 'declined to say' says nothing",
    ),
    (
        "The mayor blamed the delays on the fog. The union blamed the operator for the cuts.",
        [Want("statement", "the delays on the fog", "mayor", "The mayor", "blamed", "blame", "allege"),
         Want("statement", "the operator for the cuts", "union", "The union", "blamed", "blame", "allege")],
        "blaming X on Y or for Y",
    ),
    (
        "A judge rejected a request from the union to halt the sale.",
        [Want("statement", "a request from the union to halt the sale", "judge", "A judge", "rejected", "reject", "deny")],
        "rejecting a request",
    ),
    (
        "The captain rejected the chance to command the new ferry. The board rejected a takeover offer.",
        [],
        "rejecting a chance or an offer is an act, not a denial",
    ),
    (
        "And the ex-captain added: “If the crew quits, we are finished.”",
        [Want("quote", "If the crew quits, we are finished.", "ex-captain", "the ex-captain", "added")],
        "a hyphenated 'ex-' noun is a person",
    ),
    (
        "However laudable the goal, cutting the night crossing “is a misguided approach,” said Lind.",
        [Want("statement", "However laudable the goal, cutting the night crossing “is a misguided approach",
              "Lind", "Lind", "said")],
        "a quote that finishes the writer's sentence: the whole sentence is what was said",
    ),
    (
        "In an interview, “we were ready,” Lind said. Bemoaning the “phony timetable,” Lind accused the mayor of lying.",
        [Want("quote", "we were ready,", "Lind", "Lind", "said"),
         Want("statement", "the mayor of lying", "Lind", "Lind", "accused")],
        "a short quote with a verb is speech; a short scare quote is not",
    ),
    (
        "“Now that I am retired,” he told the host, “it was demoralizing to work there.”",
        [Want("quote", "Now that I am retired,” he told the host, “it was demoralizing to work there.", "he", "he", "told")],
        "one sentence split by 'told' and a common-noun audience is one quote",
    ),
    (
        "“Every time you say that,” Lind said, referring to the excuse, “you give ammunition to the critics.”",
        [Want("quote", "Every time you say that,” Lind said, referring to the excuse, “you give ammunition to the critics.",
              "Lind", "Lind", "said")],
        "one sentence split by a cue and a participle aside is one quote",
    ),
    (
        "Pilots, he said, can “read the fog like a map.” Yes, he said, the ferry was late again.",
        [Want("statement", "Pilots, he said, can “read the fog like a map.”", "he", "he", "said")],
        "a one-word subject before a parenthetical cue, but not an interjection",
    ),
    (
        "Though the first crossing was smooth, he said, replacing the captain would be much harder.",
        [Want("statement", "Though the first crossing was smooth, he said, replacing the captain would be much harder.",
              "he", "he", "said")],
        "a gerund subject after a parenthetical cue continues the sentence",
    ),
    (
        "That was what Lind said when she resigned. Hollande said as he entered the talks. "
        "Lind said as many as 40 people were aboard.",
        [Want("statement", "as many as 40 people were aboard", "Lind", "Lind", "said")],
        "'said when …' and 'said as he …' tell when, not what; 'as many as' is a number",
    ),
    (
        "Lind said the captain had fallen ill with pneumonia, which forced him to miss the crossing. "
        "Lind said the ferry, which sank in May, was old.",
        [Want("statement", "the captain had fallen ill with pneumonia", "Lind", "Lind", "said"),
         Want("statement", "the ferry, which sank in May, was old", "Lind", "Lind", "said")],
        "a final 'which' clause that runs to the end is the writer's; an inner one is not",
    ),
    (
        "The ferry carried 40 cars, according to the port authority, and the second ferry carried 12.",
        [Want("statement", "The ferry carried 40 cars, according to the port authority, and the second ferry carried 12.",
              "port authority", "the port authority", "according to")],
        "'according to X' mid-sentence vouches for the clause after ', and' too",
    ),
]


@pytest.mark.parametrize(("text", "wants", "why"), CASES, ids=[c[2] for c in CASES])
def test_attribution_table(text: str, wants: list[Want], why: str) -> None:
    claims = attributed(analyse(text))
    assert len(claims) == len(wants), [(c.kind, c.content.text) for c in claims]
    for claim, want in zip(claims, wants, strict=True):
        check(text, claim, want)


# Sentences a review of the 0.4.0 rules found mishandled: each row is what a
# careful reader wants, so a rule that fires too widely fails here.
REVIEW_CASES = [
    # Whom a report quotes speaks; who quotes is no content.
    ('"The ferry will sail," Lind was quoted by the Orlitz Herald as saying.',
     [("The ferry will sail", "Lind", "saying")]),
    ("The Orlitz Herald quoted a spokesman for the port as saying that the quay was safe.",
     [("the quay was safe", "spokesman for the port", "saying")]),
    ("The quay will reopen in May, harbour master Ivo Renard was quoted as saying by the Orlitz Herald.",
     [("The quay will reopen in May", "Renard", "saying")]),
    # A bracketed abbreviation or ticker inside a subject, and a role written with a prefix.
    ("Ivo Renard, director of the Orlitz Port Authority (OPA), said the quay was safe.",
     [("the quay was safe", "Renard", "said")]),
    ("<Nordvik Lines Inc> said it plans to sell two ferries.", [("it plans to sell two ferries", "Inc", "said")]),
    ("Ola Berg, vice-chairman of the Orlitz harbour board, said the quay was safe.",
     [("the quay was safe", "Berg", "said")]),
    ("Some analysts point out that the quay is old.", [("the quay is old", "analysts", "point out")]),
    # A participle aside names the quoting paper, which does not speak.
    ("Lind, quoted by the Orlitz Herald as saying that the ferry was late, declined to comment.", []),
    ("Police said the talks would continue, but to no avail.", [("the talks would continue", "Police", "said")]),
    # Concern expressed about a "that" clause, and what someone makes clear.
    ("Fishermen expressed concern that the quay would close.", [("the quay would close", "Fishermen", "expressed concern")]),
    ("Fishermen expressed concern at the closure.", []),
    ("The port authority made it clear that the quay would reopen.",
     [("the quay would reopen", "authority", "made it clear")]),
    # "not A, but to B": one clause of what was said.
    ("Lind said the port would reopen not because of the storm, but to meet demand.",
     [("the port would reopen not because of the storm, but to meet demand", "Lind", "said")]),
    ("Lind said the port would reopen, but the storm came back.", [("the port would reopen", "Lind", "said")]),
    # Who puts out a statement or a letter speaks through it.
    ("The mayor issued a statement on Monday saying that the quay was safe.",
     [("the quay was safe", "mayor", "saying")]),
    ("Lind released a letter from his doctor that says he is fit to sail.", [("he is fit to sail", "Lind", "says")]),
    # Not someone who only dismisses what a report says.
    ("Officials dismissed a report saying the dam was weak.",
     [("a report saying the dam was weak", "Officials", "dismissed")]),
    # Whom a warning or an assurance addresses stands between the cue and "that".
    ("The mayor warned residents that the dam could fail.", [("the dam could fail", "mayor", "warned")]),
    ("Nordvik assured investors that the ferry would sail in May.",
     [("the ferry would sail in May", "Nordvik", "assured")]),
    ("The mayor warned residents to leave.", [("residents to leave", "mayor", "warned")]),
    # A pronoun with its auxiliary run into it is the subject.
    ("He’s claiming that the quay was never inspected.", [("the quay was never inspected", "He", "claiming")]),
    ("They’re insisting that the hull is sound.", [("the hull is sound", "They", "insisting")]),
    ("Lind denied that he had lied in his testimony to the inquiry.",
     [("he had lied in his testimony to the inquiry", "Lind", "denied")]),
    ("The witness said the collision happened at a rally on Saturday.",
     [("the collision happened at a rally on Saturday", "witness", "said")]),
    ("The captain said while the ferry was old, it was safe.",
     [("while the ferry was old, it was safe", "captain", "said")]),
    ("The court banned the newspaper from claiming that the mayor took bribes.", []),
    ("Aside from saying the ferry was safe, the mayor gave no details.",
     [("the ferry was safe", "mayor", "saying")]),
    ("He slammed the door as he left the room. The storm slammed into the coast as a gale. "
     "Neighbours blasted music for hours.", []),
    ("The union called for higher wages, training and better pensions.",
     [("higher wages, training and better pensions", "union", "called")]),
    ("The union urged donors to help the sick and wounded in Bergen.",
     [("donors to help the sick and wounded in Bergen", "union", "urged")]),
    ("Ted Lind met pilots in Bergen and said the radar was faulty.",
     [("the radar was faulty", "Ted Lind", "said")]),
    ("Ten people died, according to police, but the mayor said the toll was higher.",
     [("Ten people died", "police", "according to"), ("the toll was higher", "mayor", "said")]),
    ("Speaking on “Harbour Hour with Petra Lund,” Lind said the quay would reopen.",
     [("the quay would reopen", "Lind", "said")]),
    ("The software that lawyers used to argue the case was flawed.", []),
    ("The rebels agreed to talks in Geneva. The board rejected a takeover proposal from Kraft.", []),
    ("The minister denied the Sunday Courier report.", [("the Sunday Courier report", "minister", "denied")]),
    ("The minister said the toll would raise 2 million crowns, which will be spent on the quay.",
     [("the toll would raise 2 million crowns, which will be spent on the quay", "minister", "said")]),
    ("Lind asked the officer who arrested him to explain.", []),
    ("Mook said as much in an interview on Thursday. Lind said so far 10 people had been rescued.",
     [("so far 10 people had been rescued", "Lind", "said")]),
    ("Pollsters asked 801 adults if they supported the ban.",
     [("if they supported the ban", "Pollsters", "asked")]),
    ("Struggling US ferry firms had argued for the rule, claiming that the fees would force job cuts.",
     [("the fees would force job cuts", "firms", "claiming")]),
    # From a second review, on BBC copy the rules were not written from.
    ("Libraries that list book numbers find they are sending readers to the shop. "
     "Rovers scored as Lind's corner found Aske at the far post.", []),
    ("A 2014 study by a law professor found 31 cases of fraud among a billion ballots.",
     [("31 cases of fraud among a billion ballots", "professor", "found")]),
    ("He said while everyone had the right to travel they also had the right to be safe.",
     [("while everyone had the right to travel they also had the right to be safe", "He", "said")]),
    ("Lind said during his 22 years at sea he had seen three captains come and go.",
     [("during his 22 years at sea he had seen three captains come and go", "Lind", "said")]),
    ("Lind said when asked about it that the ferry was late. Aske said when asked to do so by police.",
     [("the ferry was late", "Lind", "said")]),
    ("The owners denied suggestions that the Courier and the Courier on Sunday are up for sale.",
     [("suggestions that the Courier and the Courier on Sunday are up for sale", "owners", "denied")]),
    ("But Mr Lind has denied this, telling local radio that there is no overrun.",
     [("there is no overrun", "Lind", "telling")]),
]


@pytest.mark.parametrize(("text", "want"), REVIEW_CASES, ids=[t[:50] for t, _ in REVIEW_CASES])
def test_review_cases(text: str, want: list[tuple[str, str, str]]) -> None:
    claims = attributed(analyse(text))
    got = [(c.content.text.strip(" .,“”"), c.speaker.mention.split()[-1] if c.speaker else None,
            c.cue.text if c.cue else None) for c in claims]
    assert got == [(content, speaker.split()[-1], cue) for content, speaker, cue in want]


def test_a_cue_closing_its_paragraph_with_a_colon_takes_the_block_quote_below() -> None:
    text = (
        "The mayor spoke at the quay on Monday.\n\n"
        "Lind added:\n\n"
        "The ferry will sail again in May. We owe the crew that much.\n\n"
        "The harbour stayed closed on Tuesday.\n"
    )
    claims = attributed(analyse(text))
    assert [(c.content.text, c.speaker.name if c.speaker else None) for c in claims] == [
        ("The ferry will sail again in May. We owe the crew that much.", "Lind")]
    s, e = claims[0].content.span
    assert text[s:e] == claims[0].content.text
    # A quoted paragraph below is a quote of its own, not a block.
    quoted = "Lind added:\n\n“The ferry will sail again in May.”\n"
    assert [c.content.text for c in attributed(analyse(quoted))] == ["The ferry will sail again in May."]


def test_pronoun_and_surname_resolve_to_the_fullest_name() -> None:
    text = (
        "Regional Governor Petra Halvorsen visited the shelters on Monday.\n\n"
        "“We will rebuild every house,” Halvorsen said.\n\n"
        "She added that the army would stay for a month."
    )
    claims = attributed(analyse(text))
    assert [c.speaker.name if c.speaker else None for c in claims] == ["Petra Halvorsen", "Petra Halvorsen"]
    assert [c.speaker.mention if c.speaker else None for c in claims] == ["Halvorsen", "She"]


@pytest.mark.parametrize(("text", "want"), [
    ("Anna Halvorsen, the harbour master, said the quay was closed.\n\n"
     "Ivo Lind, the captain, said it had been open all week.\n\n"
     "She said the captain had been warned.",
     ["Anna Halvorsen", "Ivo Lind", "Anna Halvorsen"]),
    # No woman is named: "she" stays unresolved rather than become the captain.
    ("Ivo Lind, the captain, said the ferry was safe.\n\n“We will sail on Monday,” she said.",
     ["Ivo Lind", "she"]),
    # "His" in "His wife Marit" is the captain's, not a sign that Marit is a man.
    ("Ivo Lind was at sea on Monday. His wife Marit said the ferry was safe. “He checks the radar twice,” she added.",
     ["Marit", "Marit"]),
    # Once a man has been passed over, a name of unknown sex further back is no antecedent.
    ("The Harbour Channel reported the closure. Ivo Lind said the quay was shut.\n\n"
     "“It will reopen in May,” she said.",
     ["Ivo Lind", "she"]),
    # British copy calls a woman chairman: the word says nothing of sex.
    ("Ferry board chairman Marit Olsen said the hull was sound. “We checked it twice,” she said.",
     ["Marit Olsen", "Marit Olsen"]),
    # A title says more than a name: "Gordon" here is a woman's surname.
    ("Mrs Gordon, a teacher at the school, said the roof had collapsed. She said pupils had been sent home.",
     ["Gordon", "Gordon"]),
    # Passing a man, a person of unknown sex quoted before him may be the one
    # meant: no guess, and no reaching past her to the older Mrs Halvorsen.
    ("Mrs Halvorsen said the quay was shut. Marit Olsen said the ferry would not sail. Mr Lind said it would. "
     "She said the talks would continue.",
     ["Halvorsen", "Marit Olsen", "Lind", "She"]),
    # A newspaper's name is nobody "she" stands for: it neither answers nor stops the search.
    ('Anna Berg, the harbour master, said the ferry was late. The Orlitz Evening Herald reported that the quay '
     'was shut. "The quay is safe," she said.',
     ["Anna Berg", "The Orlitz Evening Herald", "Anna Berg"]),
    # ... but a person may be called Daily.
    ("Senator Dan Daily said the bill would pass. He added that the vote would be close.", ["Dan Daily", "Dan Daily"]),
], ids=["she-skips-the-man", "no-woman-named", "his-wife", "no-guess-past-a-man", "chairman", "title-first",
        "unknown-after-a-man", "past-a-newspaper", "surname-daily"])
def test_a_pronoun_agrees_in_sex_with_its_antecedent(text: str, want: list[str]) -> None:
    assert [c.speaker.name if c.speaker else None for c in attributed(analyse(text))] == want


@pytest.mark.parametrize(("name", "sex"), [
    ("Ivo Lind", "male"), ("Hillary Clinton", "female"),
    ("Helen's Ivo Lind", "male"),  # a possessive is no given name
    ("But Julie Howell", "female"),  # nor is a conjunction the subject scan kept
    ("Virginia Democrat Tim Kaine", "male"),  # a state opens the run; the given name decides
    ("Sharon", "female"), ("Marit Olsen", None), ("Jean Lind", None),  # one word stands; unknown and shared names say nothing
    ("Ivo Sharon Lind", None),  # given names that disagree say nothing
])
def test_first_name_gender(name: str, sex: str | None) -> None:
    assert first_name_gender(name) == sex


def test_quote_continued_over_paragraphs_is_one_quote() -> None:
    text = (
        "Mayor Ivan Szell spoke at the town hall.\n\n"
        "“The first wave came at night. We had no warning.\n\n"
        "“By morning the square was under two metres of water,” Szell said.\n"
    )
    claims = attributed(analyse(text))
    assert len(claims) == 1
    claim = claims[0]
    assert claim.content.text.startswith("The first wave came at night.")
    assert claim.content.text.endswith("two metres of water,")
    assert claim.speaker is not None and claim.speaker.name == "Ivan Szell"


def test_continuation_quote_inherits_the_speaker() -> None:
    text = "“We are doing everything we can,” Kovac said. “The rest is up to the weather.”"
    claims = attributed(analyse(text))
    assert len(claims) == 2
    assert claims[1].content.text == "The rest is up to the weather."
    assert claims[1].speaker is not None and claims[1].speaker.name == "Kovac"


def test_unbalanced_quote_degrades_without_failing() -> None:
    text = "“This never closes, the official said.\n\nThe next paragraph is plain prose about the flood and its damage."
    doc = analyse(text)
    for claim in doc.claims:
        s, e = claim.content.span
        assert text[s:e] == claim.content.text


def test_orphan_closing_mark_quotes_from_the_sentence_start() -> None:
    text = "He spoke at length. We will not give up, not now and not ever.” The crowd cheered."
    quotes = [c for c in attributed(analyse(text)) if c.kind == "quote"]
    assert [q.content.text for q in quotes] == ["We will not give up, not now and not ever."]


def test_a_name_at_the_end_of_a_sentence_resolves_later_surnames() -> None:
    text = (
        "The film will be staged by producer Jon Thoday. He has worked on it for years.\n\n"
        "Mr Thoday said the idea had been an ambition of his for a decade."
    )
    (claim,) = attributed(analyse(text))
    assert claim.speaker is not None and claim.speaker.name == "Jon Thoday"


def test_an_organisation_introduced_by_its_trade_is_an_organisation() -> None:
    text = (
        "“Update now,” said Grace Lin, a spokeswoman for security firm Norvale.\n\n"
        "Norvale urged users to update their software before the weekend."
    )
    claims = attributed(analyse(text))
    assert [(c.speaker.name, c.speaker.type) for c in claims if c.speaker] == [
        ("Grace Lin", "person"), ("Norvale", "organization"),
    ]


def test_a_company_is_not_named_by_the_subject_of_a_clause_after_its_trade() -> None:
    # "the firm Ivo Lind built" is no introduction of a firm called Ivo Lind;
    # and a team's plural name ("Raptors") is still an organisation.
    text = ("Nordvik, the firm Ivo Lind built from one shop, collapsed on Monday. Ivo Lind said the banks were "
            "to blame. The company said it would appeal.\n\nThe Halden Raptors fired their coach on Monday. "
            "Raptors said the decision was final. It said a search would begin.")
    got = [(c.speaker.name, c.speaker.type) for c in attributed(analyse(text))]
    assert got[0] == ("Ivo Lind", "person") and got[1][0] != "Ivo Lind"
    assert got[2:] == [("Raptors", "organization"), ("Raptors", "organization")]
    # A film-maker is a person; a toy maker introduced the same way is a company.
    text = ("The film-maker Ivo Lind said the ferry scenes were real. Ivo Lind said he would sail again.\n\n"
            "The toy maker Nordvik Play said sales were up. Nordvik Play said it would hire.")
    got = [(c.speaker.name, c.speaker.type) for c in attributed(analyse(text))]
    assert got == [("Ivo Lind", "person")] * 2 + [("Nordvik Play", "organization")] * 2


def test_a_plural_noun_opening_a_sentence_is_a_group_and_no_antecedent_of_it() -> None:
    text = (
        "The operator Nordvik Lines said on Monday the ferry had been inspected.\n\n"
        "Creditors agreed to extend the loan until May. Inspectors said the hull was sound.\n\n"
        "It estimated that repairs would cost 2 million crowns."
    )
    claims = attributed(analyse(text))
    assert [(c.speaker.mention, c.speaker.name, c.speaker.type) for c in claims if c.speaker] == [
        ("The operator Nordvik Lines", "Nordvik Lines", "organization"),
        ("Creditors", "Creditors", "anonymous"),
        ("Inspectors", "Inspectors", "anonymous"),
        ("It", "Nordvik Lines", "organization"),
    ]


def test_channel_is_named_outside_the_content_only() -> None:
    # "on HTV's" inside what was called for is not where it was said.
    text = "The union called on HTV's reporters to stop filming the strike."
    (claim,) = attributed(analyse(text))
    assert claim.content.text == "HTV's reporters to stop filming the strike."
    assert claim.channel is None
    text = "The union said on HTV's Morning Watch that the strike would go on."
    (claim,) = attributed(analyse(text))
    assert claim.channel == "HTV"
