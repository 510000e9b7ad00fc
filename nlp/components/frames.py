"""Incident frames: group an article's sentences into one frame per reported incident.

A frame opens at a trigger sentence; following sentences attach to it until a
segment marker ("In another incident", "Separately", "Meanwhile, in Kech") or a
trigger in another district opens the next one. Background recaps ("The attack
comes weeks after...", "Last month ... had killed", "In 2023") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from khabar.nlp.components import casualties, dates, event_types, locations, perpetrators, targets
from khabar.nlp.components.base import (
    ANOTHER_INCIDENT,
    INCIDENT_NOUN_PATTERN,
    INCIDENT_NOUNS,
    SPEECH_VERBS,
    PhraseFinder,
    get_component,
    in_past_perfect,
    normalise,
    sentence_ents,
    set_extension,
)
from khabar.nlp.components.casualties import CasualtyFigure, CasualtyRules
from khabar.nlp.components.dates import DateMention
from khabar.nlp.components.event_types import Trigger
from khabar.nlp.components.locations import LocationMention
from khabar.nlp.components.perpetrators import GroupMention
from khabar.nlp.components.targets import TargetMention
from khabar.nlp.gazetteer import load_gazetteer
from khabar.nlp.geocode import geocode

DAY_PART_LEAD = re.compile(r"^\W*(?:earlier|later)\s+(?:in\s+the\s+day|that\s+day|the\s+same\s+day|that\s+(?:morning|evening))\b",
                           re.IGNORECASE)
# "On the same evening, ...", "That night, ...", "Almost at the same time, ...", "Simultaneously, ...": a paragraph that
# opens on the time of the incident before it, or the same day's other part
SAME_TIME_LEAD = re.compile(r"^\W*(?:(?:on\s+)?(?:the|that)\s+same\s+(?:day|morning|afternoon|evening|night)|(?:later\s+|earlier\s+)?"
                            r"(?:on\s+)?that\s+(?:morning|afternoon|evening|night)|(?:(?:almost|nearly|about|around|at\s+about|"
                            r"at\s+around)\s+)?(?:at\s+)?the\s+same\s+time|(?:almost\s+|nearly\s+)?simultaneously)\b", re.IGNORECASE)
# "A few hours later, armed men entered the school ...", "Minutes earlier": a paragraph that opens on another time of
# the day than the one before
TIME_APART_LEAD = re.compile(r"^\W*(?:(?:about|around|nearly|roughly|barely|just|only|less\s+than|more\s+than)\s+)?"
                             r"(?:(?:a\s+few|some|several|a\s+couple\s+of|an|one|half\s+an|two|three|four|five|\d+)\s+)?"
                             r"(?:hours?|minutes?)\s+"
                             r"(?:later|earlier|afterwards|before\s+that|after\s+(?:the|that|this)\s+\w+)\b|^\W*shortly\s+(?:afterwards|before\s+that)\b",
                             re.IGNORECASE)
# "Less than an hour after the blast, armed men fired on a rescue team": a paragraph timed from the incident before it
AFTER_THE_LAST = re.compile(r"^\W*(?:(?:less|more)\s+than\s+|about\s+|around\s+|barely\s+|just\s+)?(?:an?|one|two|three|"
                            r"half\s+an|a\s+few|\d+)?\s*(?:hours?|minutes?)\s+after\s+(?:the|that)\b", re.IGNORECASE)
# "Prior to this incident, in the Shalozan Tangi area, ...", "Before that, ...": a paragraph that opens before the frame's
BEFORE_THIS = re.compile(r"^\W*(?:prior\s+to|before)\s+(?:this|that)(?:\s+(?:incident|attack))?\b", re.IGNORECASE)
OLDER_DAYS = 2  # a day told this long before the frame's is another incident's (a night's attack is told the day after)
# "It was the second attack on teachers in the district on Thursday": the incident told is not the day's first
LATER_OF_THE_DAY = re.compile(r"\b(?:was|is|became|marked)\s+the\s+(?:second|third)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:attack|incident|shooting|blast|bombing|killing)\b[^.]*\b(?:today|on\s+\w+day|that\s+day|"
                              r"the\s+same\s+day|in\s+hours|within\s+hours)\b", re.IGNORECASE)
# "It was the second deadly attack in Kech district in three days", "the third such attack this week": the frame's
# incident ranked in a run of recent ones
RANKED_IN_A_RUN = re.compile(r"\b(?:was|is|became|marked)\s+the\s+(?:second|third|fourth|fifth)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:attack|incident|shooting|blast|bombing|killing|ambush)s?\b[^.]*?\b(?:in\s+(?:the\s+(?:past|last)\s+)?"
                             r"(?:\w+\s+)?(?:days|weeks|a\s+week)|within\s+(?:a\s+week|\w+\s+days)|this\s+(?:week|month))\b",
                             re.IGNORECASE)
SEGMENT_MARKERS = ("in another incident", "in a separate incident", "separately", "meanwhile", "elsewhere",
                   "in a similar incident", "in another attack", "in a separate attack", "in another",
                   "in a separate", "in separate", "similarly", "on the other hand", "in yet another",
                   # a move across the map to another scene ("Further north, border forces exchanged fire")
                   *(f"{far} {side}" for far in ("further", "farther") for side in ("north", "south", "east", "west")))
BACKGROUND_PHRASES = ("comes weeks after", "comes days after", "comes a day after", "came weeks after",
                      "comes months after", "weeks after", "months after", "last month", "last year",
                      "earlier this year", "earlier this month", "in the past", "previously", "so far this year", "since january",
                      "this year alone", "a similar attack", "the latest in a series", "years ago", "months ago",
                      "in recent months", "in recent weeks", "in recent years", "over the past", "the previous", "last year's",
                      "anniversary", "since the start of", "spate of", "reported separately")
# the press's formula for a paragraph of background ("It is pertinent to mention here that two days ago two Rangers
# personnel were injured in a blast ..."), unless what it adds is a claim of the attack
BACKGROUND_FORMULAS = ("it is pertinent to mention", "it is worth mentioning")
AGO = re.compile(r"\b(?:ago|earlier|previously|last\s+(?:week|month|year))\b", re.IGNORECASE)
# a body sentence that opens in the week before: an earlier incident, told after the lede's (a lede may open so)
BODY_RECAP_OPENERS = ("last week ", "the previous week ", "earlier this week ", "earlier in the week ")
# "the attack", "the blast" (one incident, with the definite article): the report's own incident when nothing marks
# another ("police blamed the HGB for the attack, saying its fighters had struck twice in recent weeks")
THIS_INCIDENT = re.compile(r"\bthe\s+(?:" + "|".join(INCIDENT_NOUNS) + r")\b", re.IGNORECASE)
# "The attack comes a month after ...", "came two days after", "follows weeks after": always a recap,
# even when the recalled attack was claimed.
# "In the earlier clash, ...", "the previous attack": the sentence is about another, older incident
EARLIER_INCIDENT = re.compile(r"\b(?:the|that|an?)\s+(?:earlier|previous|prior)\s+" + INCIDENT_NOUN_PATTERN + r"\b", re.IGNORECASE)
# "Two days earlier, a head constable was martyred in Islamabad": a sentence that opens days before the news
OPENS_EARLIER = re.compile(r"^\W*(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
                           r"(?:days?|weeks?|months?)|a\s+(?:day|week|month))\s+(?:earlier|before)\b", re.IGNORECASE)
# "Balochistan has been on edge since last week's hijacking": the sentence looks back at an incident
SINCE_INCIDENT = re.compile(r"\bsince\s+(?:the\s+|this\s+|[\w]+['’]s\s+|last\s+\w+['’]s\s+)(?:[\w-]+\s+){0,2}"
                            + INCIDENT_NOUN_PATTERN + r"\b", re.IGNORECASE)
# "The Wana attack was followed on Tuesday by a suicide bombing in Islamabad": a later, other incident
# ("ram a vehicle into the post, which was followed by a suicide bombing": the same attack, told in a relative clause)
FOLLOWED_BY = re.compile(r"(?<!\bwhich )\b(?:was|were|is)\s+followed\b[^.;]{0,40}?\bby\s+(?:a|an|another)\b", re.IGNORECASE)
# "The raid followed Monday's roadside bombing of a patrol van": the object is an earlier incident
FOLLOWED_INCIDENT = re.compile(r"\b(?:follows|followed)\s+(?:(?:the|a|an|last\s+\w+['’]s|\w+['’]s)\s+)(?:[\w-]+\s+){0,2}"
                               + INCIDENT_NOUN_PATTERN + r"\b", re.IGNORECASE)
# "All nine attackers were killed in that assault", "A separatist group claimed that attack": ... or told in it
IN_THAT_INCIDENT = re.compile(r"\b(?:in|during|of|for|claimed|carried\s+out)\s+(?:that|those)\s+(?:[\w-]+\s+)?" + INCIDENT_NOUN_PATTERN + r"\b", re.IGNORECASE)
# "That attack was claimed by the TTP": a sentence about the incident a recap just named
THAT_INCIDENT = re.compile(r"^\s*(?:both\s+|all\s+)?(?:that|those|the\s+(?:earlier|previous|first))\s+(?:[\w-]+\s+)?" + INCIDENT_NOUN_PATTERN + r"\b",
                           re.IGNORECASE)
# "came a day after two bombings ...", "... for both": several incidents a recap counted, and a sentence that points back
SEVERAL_INCIDENTS = re.compile(r"\b(?:two|twin|three|four|both|several|a series of)\s+(?:[\w-]+\s+){0,2}?(?:attacks|bombings|blasts|"
                               r"explosions|ambushes|assaults)\b", re.IGNORECASE)
BACK_TO_SEVERAL = re.compile(r"\b(?:both|(?:for|claimed|owned)\s+(?:them|all\s+(?:of\s+)?(?:them|three|four)))\b", re.IGNORECASE)
THE_INCIDENT = re.compile(r"^\s*the\s+(?:[\w-]+\s+)?(" + INCIDENT_NOUN_PATTERN + r")\b", re.IGNORECASE)
# "The attack came days after ...", "comes barely a week after": the time between (not "came off the rails on Tuesday
# after a device exploded", the incident itself)
_INTERVAL = (r"(?:just|barely|only|shortly|nearly|almost|less|more|than|a|an|the|few|several|couple|of|\d+|one|two|"
             r"three|four|five|six|seven|eight|nine|ten|days?|weeks?|months?|hours?|years?)")
# "The attack comes days after ...", "came days before the summit, and less than a week after a bombing ..."
RECAP_AFTER = re.compile(r"\b(?:comes|came|follows|followed)\s+(?:" + _INTERVAL + r"\s+){0,5}(?:after|since)\b"
                         r"|\b(?:comes|came)\s+(?:" + _INTERVAL + r"\s+){0,5}before\b[^.;]{0,150}?\band\s+(?:"
                         + _INTERVAL + r"\s+){1,5}after\b", re.IGNORECASE)
NON_EVENT_PHRASES = ("sentenced", "convicted", "acquitted", "verdict", "anti-terrorism court", "court", "trial",
                     "hearing", "policy", "budget", "cricket", "match", "per cent", "percent", "statistics",
                     "report released", "annual report", "data showed", "condemned", "condemnation", "condolence",
                     "funeral prayers", "compensation", "protest", "think tank", "seminar", "meeting", "anniversary")
INCIDENTAL_PHRASES = frozenset({"match", "cricket", "meeting", "seminar", "protest"})
# A statistic, not an incident: a count of incidents ("785 militant attacks") or a toll summed
# over a period ("in the first ten months", "this year", "since 2021").
STAT_COUNT = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}(?:attacks|incidents|operations|blasts|bombings)\b", re.IGNORECASE)
# incidents counted in words ("two attacks"): a statistic only with a period (a roundup lede counts them too)
WORD_STAT_COUNT = re.compile(r"\b(?:" + "|".join(w for w, n in casualties.UNITS.items() if n >= 2 and w != "both")
                             + r"|dozens of|hundreds of|thousands of|scores of|several)\s+(?:[\w-]+\s+){0,2}"
                             r"(?:attacks|incidents|blasts|bombings|operations)\b", re.IGNORECASE)
# a wire's note on what an update changed, above its dateline ("(Adds military statement, details of clearance operation)")
EDITORS_NOTE = re.compile(r"^\((?:adds|updates|recasts|corrects|changes|writes through|rewrites|refiles|repeats|releads|"
                          r"new throughout|fixes|removes|inserts)\b[^()]*\)$", re.IGNORECASE)
# a place's tally over a period ("Sindh recorded eight attacks and eight deaths", "the province registered four
# incidents"), with or without the period (not a newsletter's "We recorded three incidents: ...", the items it lists)
TALLIED_COUNT = re.compile(r"\b(?:(?!We\b)[A-Z][a-z]+|province|district|region|country|city)\s+(?:recorded|counted|registered|"
                           r"documented|logged)\s+(?:a\s+total\s+of\s+|some\s+|about\s+)?(?:" + WORD_STAT_COUNT.pattern + ")")
# a period a statistic counts over (not a toll's last days: "the number of dead had reached 63 after several of the
# wounded died over the previous two days")
STAT_PERIOD = re.compile(r"\b(?:(?:first|past|last|previous)\s+(?!(?:two|three|2|3)\s+days\b)(?:\w+\s+)?(?:days|months|weeks|years|decade)|nationwide|countrywide"
                         r"|across the country|in a decade|year[ -]to[ -]date|(?:deadliest|bloodiest)\s+(?:month|year|week)s?|this year|(?:over|in|during) the past (?:week|month|year)"
                         r"|in (?:different|separate|several|various|multiple|a series of) (?:operations|attacks|incidents|raids|clashes|engagements|encounters)"
                         r"|since (?:january|20\d\d|19\d\d|the (?:beginning|start) of (?:the|this) (?:year|month))|in 20\d\d|(?:during|over|throughout) the (?:year|quarter|decade)|(?:first|second) half of)\b",
                         re.IGNORECASE)
# incidents counted over a week or a month ("recorded nine militant incidents this week"); alone, such a period
# dates a report ("ten militants were killed in a raid this week")
# a span of months or years ("in the first nine months of the year", "over the past five years"): a count over it is
# a tally, however strong its verb, unless the sentence names a day of its own
LONG_PERIOD = re.compile(r"\b(?:first|past|last|previous)\s+(?:\w+\s+)?(?:months|years)\b"
                         # "have been killed since the militancy began", "since the insurgency started in 2004"
                         r"|\bsince\s+the\s+(?:militancy|insurgency|conflict|war|unrest|violence)\s+(?:began|started|erupted)\b",
                         re.IGNORECASE)
# (or a digest's tally under its own heading: "Week in numbers: four incidents, four people killed")
SHORT_PERIOD = re.compile(r"\bthis (?:week|month|quarter)\b|\b(?:week|month|quarter|year) in numbers\b", re.IGNORECASE)
# "About an hour later, a second blast ripped through...", "The first attack took place in Mastung": an
# incident named by its rank in the report. Indefinite ("a second", "another") introduces one, definite
# ("the first", "the second") returns to it; "It was the second attack this week" (after a copula) is neither.
# the incident nouns and the forces' own words for a fight ("in the second engagement, six more khwarij were
# neutralised")
RANKED_NOUN_PATTERN = r"(?:" + INCIDENT_NOUN_PATTERN + r"|engagements?|encounters?|operations?|actions?)"
ORDINAL_INCIDENT = re.compile(
    r"^\W*(?:[\w'’-]+[\s,]+){0,5}?(?<!was )(?<!is )(?<!marks )(?<!marked )(?<!just )(?<!not )(?<!only )(?<!yet )(the|a|another)\s+"
    r"(first|second|third|fourth|other)?\s*(?:[\w-]+\s+)?" + RANKED_NOUN_PATTERN + r"\b", re.IGNORECASE)
# "two blasts outside election offices", "twin attacks", "separate attacks": a lede that sums up several incidents
SUMMARY_LEDE = re.compile(r"\b(?:two|three|four|five|twin|separate|multiple|several|back-to-back)\s+(?:[\w-]+\s+)?"
                          + RANKED_NOUN_PATTERN + r"\b", re.IGNORECASE)
# "in an attack on a police post in Bannu and a roadside bombing on a police vehicle in Lakki Marwat": two incidents
# named one after the other
TWO_INCIDENTS = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?" + INCIDENT_NOUN_PATTERN + r"\b[^.;]{0,80}?\band\s+(?:an?|the)\s+"
                           r"(?:[\w-]+\s+){0,2}?" + INCIDENT_NOUN_PATTERN + r"\b", re.IGNORECASE)
# "a string of coordinated attacks across the province", "near-simultaneous blasts": a lede on a series of attacks
SERIES_LEDE = re.compile(r"\b(?:(?:a|the)\s+(?:string|series|wave|spate|chain)\s+of\s+(?:[\w-]+\s+){0,2}?|(?:near-)?"
                         r"(?:coordinated|co-ordinated|simultaneous)\s+)(?:attacks|blasts|bombings|explosions|assaults)\b",
                         re.IGNORECASE)
# "In the deadliest attack, ...": one of the attacks a series lede sums up
SUPERLATIVE_INCIDENT = re.compile(r"^\W*(?:in|at)\s+the\s+(?:deadliest|worst|biggest|largest|bloodiest|most\s+\w+)\s+"
                                  + INCIDENT_NOUN_PATTERN + r"\b", re.IGNORECASE)
PLURAL_INCIDENTS = re.compile(r"\b(?:attacks|blasts|bombings|explosions|incidents|ambushes)\b", re.IGNORECASE)
SUMMARY_COUNTS = {**casualties.UNITS, "twin": 2}  # "two attacks", "twin blasts"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _ranked_within(info: SentenceInfo, frame: Frame) -> bool:
    """The rank a sentence opens on ("the second explosion") was already used inside the incident told so far, for one of
    its parts ("one bomber blew himself up at the gate, while the second got into the mosque"): a part, not a second
    incident."""
    found = ORDINAL_INCIDENT.match(info.sent.text)
    ordinal = (found.group(2) or "").lower() if found is not None else ""
    if ordinal not in ORDINALS or ordinal == "first":
        return False
    return any(ordinal in (t.lower_ for t in s.sent) for s in frame.sentences if s.index < info.index)


def incident_rank(text: str) -> tuple[bool, int | None] | None:
    """(definite, rank) when a sentence opens on an incident named by its rank ("the first blast" → (True, 1),
    "a second bombing" → (False, 2), "another attack" → (False, None): the next one); None otherwise."""
    found = ORDINAL_INCIDENT.match(text)
    if found is None:
        return None
    determiner, ordinal = found.group(1).lower(), (found.group(2) or "").lower()
    if determiner == "another" or ordinal == "other":
        return (determiner == "the", None)
    if ordinal not in ORDINALS:
        return None
    return determiner == "the", ORDINALS[ordinal]


# a sentence that is one quoted remark, opening and closing marks included (a remark's attribution may follow it)
QUOTED_SENTENCE = re.compile(r"[“\"][^“”\"]+[”\"]")

PLUPERFECT_VERBS = {"killed", "attacked", "claimed", "targeted", "martyred", "struck", "carried", "injured",
                    "wounded", "abducted", "kidnapped", "bombed", "stormed"}


@dataclass
class SentenceInfo:
    """Everything the components found in one sentence."""

    index: int
    sent: Span
    paragraph: int
    triggers: list[Trigger]
    casualties: list[CasualtyFigure]
    dates: list[DateMention]
    groups: list[GroupMention]
    targets: list[TargetMention]
    locations: list[LocationMention]
    claim: bool
    foiled: bool
    background: bool
    non_event: bool
    marker: bool
    militant_agent: bool = False
    statistic: bool = False  # a statistic, or a sentence that goes on with one
    entry: bool = False  # opens an entry of a periodic report (one of the period's incidents, whatever its day)

    @property
    def strength(self) -> float:
        """Strongest trigger of the sentence that reports something (0 when none); a participle naming the
        victims already told ("the abducted persons") reports nothing."""
        return max((t.strength for t in self.triggers if not t.reference), default=0.0)

    @property
    def has_figures(self) -> bool:
        """True when the sentence gives a positive casualty count."""
        return any(f.value > 0 and not f.sub_count for f in self.casualties)

    @property
    def quoted(self) -> bool:
        """The whole sentence is a quoted remark ("“We kept firing until the sky went grey.”"): a voice, not the report."""
        return QUOTED_SENTENCE.fullmatch(self.sent.text.strip()) is not None

    def opens_frame(self) -> bool:
        """True when the sentence reports a new incident by itself."""
        if self.background or self.non_event or self.quoted:
            return False
        if self.strength >= 0.8 or (self.marker and self.has_figures):
            return True
        if self.strength >= 0.5 and self.militant_agent:  # "BLF militants fired a rocket at a check post"
            return True
        if self.claim and self.strength >= 0.8:  # "A TTP faction claimed the court bombing"
            return True
        return self.has_figures and (self.strength >= 0.5 or any(f.kind != "injured" for f in self.casualties))


@dataclass
class Frame:
    """One incident: the sentences that describe it."""

    sentences: list[SentenceInfo] = field(default_factory=list)

    @property
    def opener(self) -> SentenceInfo | None:
        """The sentence that opened the frame (the first with a trigger or figures)."""
        return next((s for s in self.sentences if s.opens_frame()), None)

    def districts(self) -> set[str]:
        """Names of the places/districts mentioned (dateline excluded)."""
        return {m.name for s in self.sentences for m in s.locations if not m.dateline and m.kind in ("place", "district")}


def _days_told(info: SentenceInfo) -> set[date]:
    """The days a sentence dates as its own (not a recap's)."""
    return {d.value for d in info.dates if d.precision == "day" and not d.background and not d.reporting}


def _retells_the_lede(info: SentenceInfo, infos: list[SentenceInfo]) -> bool:
    """A sentence that opens on a translated daily's recap formula ("It is worth mentioning that ...", "It may be
    recalled that ...") but dates only the day the lede's incident took place retells that incident (how the attack
    unfolded), not an earlier one."""
    if not normalise(info.sent.text).startswith(BACKGROUND_FORMULAS) or any(d.background for d in info.dates):
        return False
    lede = next((s for s in infos if s.triggers and not s.background and _days_told(s)), None)
    own = _days_told(info)
    return lede is not None and bool(own) and own <= _days_told(lede)


HEADLINE_WORDS = 4  # a capitals line of at least this many words, over a body in running case, is the headline


def _capitals_headline_end(text: str, starts: list[int]) -> int:
    """Where a headline set in capitals as the text's first paragraph ends ("FOUR LABOURERS SHOT DEAD IN DUKI", over a
    body in running case), or 0 when the text opens with no such line. The headline repeats the report's title: its
    clipped words are no lede (not a dateline line, "QUETTA:", nor a text all in capitals)."""
    if len(starts) < 2:
        return 0
    first = text[: starts[1]].strip()
    words = re.findall(r"[^\W\d_]+", first)
    if len(words) < HEADLINE_WORDS or not first.isupper() or first.endswith((":", "—", "-")):
        return 0
    body = text[starts[1] :]
    return starts[1] if any(c.islower() for c in body) else 0


def _past_of_the_day_before(sent: Span) -> bool:
    """The sentence before, in the same paragraph, sets the scene on a day of its own, in the simple past ("By first
    light on Monday, August 26, the highway was a line of burnt-out trucks. Twenty-three men had been killed"): a
    past perfect with no date of its own counts back from that day, not to an older incident."""
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    if "\n\n" in sent.doc.text[before.start_char : sent.start_char] or not before._.dates:  # (the break ends a sentence)
        return False
    root = before.root
    simple_past = root.tag_ == "VBD" or any(c.dep_ in ("auxpass", "aux") and c.tag_ == "VBD" for c in root.children)
    return (all(not d.background and d.precision == "day" for d in before._.dates)
            and simple_past and not any(t.lower_ == "had" and t.dep_ == "aux" for t in before))


def _paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs start."""
    starts, at = [0], text.find("\n\n")
    while at >= 0:
        starts.append(at + 2)
        at = text.find("\n\n", at + 2)
    return starts


def _ranked_on_its_day(sent: Span, dates: list[DateMention], strength: float) -> bool:
    """"An assault on a checkpoint on Saturday left 16 soldiers dead, one of the deadliest attacks this year": an incident
    on a day of its own, ranked against the period (not a count of incidents over it)."""
    text = sent.text
    return (strength >= 0.8 and not STAT_COUNT.search(text) and not WORD_STAT_COUNT.search(text)
            and any(d.precision == "day" and not d.background and not d.reporting for d in dates))


# a count that moved over a period: violence described as a trend, not an incident
TREND = re.compile(r"\b(?:surged|soared|risen|rose|increased|escalated|intensified|spiked|declined|fallen|dropped)\b",
                   re.IGNORECASE)


def is_trend(text: str, strength: float = 0.0) -> bool:
    """Violence told as a trend over a period ("Militant attacks have surged in Pakistan over the past two years"), by
    a sentence that reports no incident itself."""
    return strength < 1.0 and TREND.search(text) is not None and STAT_PERIOD.search(text) is not None


def is_statistic(text: str, strength: float = 0.0) -> bool:
    """A statistic ("Pakistan recorded 785 militant attacks in the first ten months of this year,
    in which 951 people were killed"): incidents counted, or a toll summed over a period by a
    sentence that reports no incident itself (a strong trigger: "one of the deadliest attacks
    this year" still reports the attack)."""
    if STAT_COUNT.search(text) or TALLIED_COUNT.search(text) or (
            WORD_STAT_COUNT.search(text) and (STAT_PERIOD.search(text) or SHORT_PERIOD.search(text))):
        return True
    return (strength < 1.0 and bool(STAT_PERIOD.search(text)) and any(ch.isdigit() for ch in text)) or is_trend(text, strength)


REPORTED_TOLL_VERBS = frozenset({"died", "succumbed", "wounded", "injured"})
APPOSED = ("npadvmod", "appos")  # a noun phrase set beside a clause or a noun ("..., the latest in a series")
HARM_VERBS = frozenset({"killed", "martyred", "hurt", "harmed"})  # "he said no one had been killed": a zero toll as told


REPORTING_VERBS = SPEECH_VERBS | {"acknowledged", "admitted"}  # "officials acknowledged that two had been killed"


def _reported_speech(verb: Token) -> bool:
    """A verb in what someone is reported to have said ("a spokesman said two of the wounded had died", "six attackers
    had been killed by midnight, an official said")."""
    if verb.dep_ == "ROOT" and any(c.dep_ == "parataxis" and c.lower_ in REPORTING_VERBS for c in verb.children):
        return True
    return any(a.lower_ in REPORTING_VERBS for a in verb.ancestors) and verb.dep_ in ("ccomp", "conj")


def continues_statistic(previous: SentenceInfo, info: SentenceInfo) -> bool:
    """A sentence that goes on with the statistic before it in the same paragraph ("The think tank recorded
    294 attacks during the year. A total of 606 people were injured, 389 of them civilians"): no incident
    word, claim or day of its own, so its figures are the statistic's. The chain goes on ("In these incidents,
    296 people were killed. The dead included 147 security personnel")."""
    return (previous.background and info.paragraph == previous.paragraph
            and (previous.statistic or is_statistic(previous.sent.text))
            and not info.claim and (info.strength < 0.8 or _plural_incidents_only(info))
            and not any(d.precision == "day" and not d.background and not _as_of(d) for d in info.dates))


def _plural_incidents_only(info: SentenceInfo) -> bool:
    """Every strong incident word of the sentence is a plural noun ("11 of them in encounters with the CTD"): incidents
    summed, not one told."""
    words = [w for t in info.triggers if t.strength >= 0.8 and (w := t.span.in_doc(info.sent.doc)) is not None]
    return bool(words) and all(w.root.tag_ == "NNS" for w in words)


def _as_of(mention: DateMention) -> bool:
    """"figures are as of Sunday evening": the time a count stands at, not a day of an incident."""
    before = mention.span.sentence[: mention.span.start - mention.span.sent_start].lower().split()
    return before[-2:] == ["as", "of"] or (before[-1:] == ["as"] and mention.span.text.lower().startswith("of "))


def _quiet_relative_clause(token: Token) -> bool:
    """The token lies in a relative clause that tells of no violence ("the name the government has used since last
    year"), unlike "the militants who attacked the air base in November last year"."""
    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return False
    inside = {t.idx for t in clause.subtree}
    # (not a verb joined to the token's: "an outfit that announced itself earlier this year and has since put its name
    # to a string of attacks" dates the announcement)
    for joined in (c for c in clause.children if c.dep_ == "conj" and token not in c.subtree):
        inside -= {t.idx for t in joined.subtree}
    triggers = token.sent._.triggers or []
    return not any(t.span.start in inside for t in triggers)


def _group_record_only(sent: Span) -> bool:
    """Every count or period that reads as a statistic lies in a relative clause on a group ("pointed to the banned
    SRA, which has used grenades in several attacks on Rangers pickets"): the group's record, not the sentence's news."""
    starts = [m.start() for pattern in (STAT_COUNT, WORD_STAT_COUNT, STAT_PERIOD) for m in pattern.finditer(sent.text)]
    if not starts:
        return False
    for start in starts:
        token = next((t for t in sent if t.idx >= sent.start_char + start), None)
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None) if token is not None else None
        if clause is None or not (clause.head.ent_type_ == "MIL_GROUP" or clause.head.lower_ in casualties.GROUP_NOUNS
                                   or clause.head.lower_ in casualties.ATTACKER_NOUNS):
            return False
    return True


CLAIM_VERBS = frozenset({"claimed", "claims", "claim", "claiming"})
MOTIVE_WORDS = frozenset({"revenge", "avenge", "avenged", "avenges", "avenging", "vengeance", "retaliation", "reprisal"})


def _dates_claimed_act(mention: DateMention, sent: Span) -> bool:
    """A month or year that dates the act a group claimed ("claimed a bombing in Saddar in May"), not its motive
    ("in revenge for a commander killed in August"): an older incident."""
    span = mention.span.in_doc(sent.doc)
    if span is None:
        return False
    for node in span.root.ancestors:
        if node.lower_ in MOTIVE_WORDS or node.lower_ in ("for", "response") or node.dep_ in (
                "ccomp", "advcl", "xcomp", "relcl"):
            return False  # (what the group said of its motive, in a clause of its own)
        if node.dep_ == "dobj" and node.head.lower_ in CLAIM_VERBS:
            return True  # the claimed act itself: "claimed a bombing ... in May"
    return False


def _dates_a_killing(mention: DateMention, sent: Span) -> bool:
    """A month or year that dates the killing its clause tells ("in July 2018 a suicide bomber killed 149 people ...,
    an attack claimed by the Islamic State"): an older incident, whoever claimed it."""
    span = mention.span.in_doc(sent.doc)
    if span is None:
        return False
    if re.match(r"\s*,?\s*when\b", sent.doc.text[span.end_char : sent.end_char]) and any(
            t.lower_ in HARM_VERBS for t in sent.doc[span.end : sent.end]):
        return True  # "drew attention in June 2013, when gunmen killed ten climbers": the month the "when" clause tells
    verb = next((node for node in span.root.ancestors if node.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lower_ in HARM_VERBS and verb.dep_ in ("ROOT", "ccomp", "conj", "parataxis")


def _dates_motive(mention: DateMention, sent: Span) -> bool:
    """A date in the motive a claim gives ("calling it revenge for the killing of its chief last year")."""
    span = mention.span.in_doc(sent.doc)
    if span is None:
        return False
    # (or in the clause that names the motive before it, however "for ..." is hung: "describing it as revenge for the
    # killing of the faction's chief in Afghanistan last year")
    return any(node.lower_ in MOTIVE_WORDS or (node.dep_ != "ROOT" and any(
        t.lower_ in MOTIVE_WORDS for t in node.subtree if t.i < span.start)) for node in span.root.ancestors)


def _in_relative_clause(mention: DateMention, sent: Span) -> bool:
    """A date inside a quiet relative clause: it dates what the clause says, not the sentence's news."""
    span = mention.span.in_doc(sent.doc)
    return span is not None and (_quiet_relative_clause(span.root) or _quiet_which_clause(span, sent))


# ", some members of which had been arrested", ", who was transferred": a relative clause opened after a comma
WHICH_CLAUSE = re.compile(r",\s+(?:(?:some|most|many|several|all|none|one|two|three|four|five|members)\s+(?:\w+\s+)?of\s+"
                          r"(?:which|whom)|which|who|whom|whose)\b[^,;]*$", re.IGNORECASE)


def _quiet_which_clause(span: Span, sent: Span) -> bool:
    """The date closes a relative clause opened after a comma that tells no violence, however the parser joined it
    ("a cell of the TTP, some members of which had been arrested in Lahore last month, he said")."""
    before = sent.doc.text[sent.start_char : span.start_char]
    found = WHICH_CLAUSE.search(before)
    if found is None:
        return False
    start = sent.start_char + found.start()
    after = re.search(r"[,;]", sent.doc.text[span.end_char : sent.end_char])
    end = span.end_char + after.start() if after is not None else sent.end_char
    return not any(start <= t.span.start < end for t in (sent._.triggers or []))


def _phrase_starts(sent: Span, phrase: str) -> list[Token | None]:
    """The first token of each occurrence of a (lower-case) phrase in the sentence (None past its last token)."""
    low, starts = sent.text.lower(), []
    at = low.find(phrase)
    while at >= 0:
        starts.append(next((t for t in sent if t.idx >= sent.start_char + at), None))
        at = low.find(phrase, at + 1)
    return starts


def _phrase_in_relative_clause(sent: Span, phrase: str) -> bool:
    """Every occurrence of a (lower-case) phrase lies in a quiet relative clause or in a group's record."""
    starts = _phrase_starts(sent, phrase)
    return bool(starts) and all(
        token is not None and (_quiet_relative_clause(token) or _quiet_which_clause(token.doc[token.i : token.i + 1], sent)
                               or _group_record(token))
        for token in starts)


def _group_record(token: Token) -> bool:
    """The token lies in a relative clause on a named group that tells no day and no toll ("Jamaat-ul-Ahrar, a faction
    that has previously attacked police and minorities"): what the group is known for, not an earlier incident."""
    return _group_record_clause(token) is not None


def _group_record_clause(token: Token) -> Token | None:
    """The relative clause of `_group_record`, if the token lies in one."""
    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return None
    head = clause.head
    named = head.ent_type_ == "MIL_GROUP" or (
        head.lower_ in casualties.GROUP_NOUNS and head.dep_ == "appos" and head.head.ent_type_ == "MIL_GROUP")
    if not named:
        return None
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    sent = token.sent
    told = any(start <= d.span.start < end for d in (sent._.dates or [])) or any(
        start <= f.span.start < end for f in (sent._.casualties or []))
    return None if told else clause


def _outside_group_records(sent: Span, triggers: list[Trigger], background_phrases: set[str]) -> list[Trigger]:
    """The triggers outside the record a background phrase tells of a named group ("the Pakistani Taliban, who have in
    the past attacked hundreds of schools"): those words tell no incident."""
    spans = []
    for phrase in background_phrases:
        for token in _phrase_starts(sent, phrase):
            clause = _group_record_clause(token) if token is not None else None
            if clause is not None:
                spans.append((clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)))
    return [t for t in triggers if not any(start <= t.span.start < end for start, end in spans)]


# "The abduction is the latest in a wave of violence in the area": a sentence that opens a list of the other incidents
SERIES_INTRO = re.compile(r"\b(?:is|was|comes\s+as|came\s+as)\s+the\s+latest\s+in\s+an?\s+(?:[\w-]+\s+)?"
                          r"(?:wave|series|string|spate|spree|run|surge)\s+of\b", re.IGNORECASE)


def _after_series_intro(info: SentenceInfo, infos: list[SentenceInfo]) -> bool:
    """The sentence follows, in its paragraph, one that calls the incident the latest in a wave, and tells an
    incident on a day of its own: one of the wave's earlier incidents."""
    if not info.triggers or not any(d.precision == "day" and not d.reporting for d in info.dates):
        return False
    for previous in reversed(infos):
        if previous.paragraph != info.paragraph:
            return False
        if SERIES_INTRO.search(previous.sent.text) and not previous.casualties:
            return True
    return False


def continues_recap(previous: SentenceInfo, info: SentenceInfo) -> bool:
    """A sentence about the earlier incident the recap before it named ("The attack came two days after four
    policemen were martyred ... That attack was claimed by the TTP", "... All nine attackers were killed in that
    assault")."""
    if not previous.background:
        return False
    if THAT_INCIDENT.match(info.sent.text) or IN_THAT_INCIDENT.search(info.sent.text):
        return True
    # "On December 16, 2014, six gunmen stormed the school ... A total of 147 people were killed": the dated
    # recap's toll, told next in its paragraph with no day, claim or attack word of its own
    if (previous.paragraph == info.paragraph and any(d.background and d.precision in ("day", "month") for d in previous.dates)
            and not info.dates and not info.claim):
        return True
    # "The attack came five days after militants seized a train ... Twenty-six hostages were killed before troops
    # ended the siege": the earlier incident's toll, told next in the paragraph that recalled it, with no day or claim
    if (previous.paragraph == info.paragraph and RECAP_AFTER.search(previous.sent.text) and not info.dates
            and not info.claim):
        return True
    # "The attack came a day after two bombings in Pishin and Qila Saifullah killed 30 people. The Islamic State
    # claimed responsibility for both.": the claim of the incidents the recap counted
    recap = RECAP_AFTER.search(previous.sent.text)
    if (recap is not None and previous.paragraph == info.paragraph and info.claim
            and SEVERAL_INCIDENTS.search(previous.sent.text, recap.end()) and BACK_TO_SEVERAL.search(info.sent.text)):
        return True
    # "On August 8, 2016, a suicide bomber struck ... The bombing was claimed by ...": the incident the recap told
    named = THE_INCIDENT.match(info.sent.text)
    return (named is not None and previous.paragraph == info.paragraph
            and named.group(1).lower()[:4] in previous.sent.text.lower())


STRONG_TRIGGER = 0.8  # a trigger this strong tells an incident by itself
ENTRY_PERIOD_DAYS = 31  # a brief or log covers up to a month before it is published
PERIOD_REPORT_DAYS = 40  # ... and a monthly report comes out up to a week or so after its month


def _dated_entry(info: SentenceInfo, doc: Doc) -> bool:
    """A numbered or labelled entry ("INCIDENT — Karachi | 28 September | Shooting.", "2. 23.10.2025 - Buleda") whose
    only dates are days within the month before publication: the incident of a brief that covers a period."""
    label = SECTION_LABEL.match(info.sent.text)
    entry = ITEM_NUMBER.match(info.sent.text) or (label is not None and (
        NUMBERED_LABEL.search(label.group(1)) or ENTRY_LABEL.fullmatch(label.group(1))))
    return bool(entry) and _days_within(info, doc, ENTRY_PERIOD_DAYS)


def _periodic_entry(info: SentenceInfo, infos: list[SentenceInfo], doc: Doc) -> bool:
    """A paragraph of a monthly report (one whose first paragraph tallies the month: "Our monitoring team recorded
    41 incidents ... during the month") that opens on a day within the month before publication ("On the night of
    March 16, an improvised explosive device ... exploded"): one of the period's incidents the report details."""
    if not infos or not info.triggers:
        return False
    first = [i for i in infos if i.paragraph == infos[0].paragraph]
    if not any(is_statistic(i.sent.text) for i in first) or not any(MONTH_WORD.search(i.sent.text) for i in first):
        return False
    return _days_within(info, doc, PERIOD_REPORT_DAYS, stated=True)


MONTH_WORD = re.compile(r"\bmonth\b", re.IGNORECASE)  # a monthly report names its period ("The month saw 52 incidents")


def _days_within(info: SentenceInfo, doc: Doc, days: int, stated: bool = False) -> bool:
    """Every date of the sentence is a day (a stated one, with `stated`) at most `days` days before publication."""
    published = doc._.published
    if published is None or not info.dates:
        return False
    day = published.date() if hasattr(published, "date") else published
    return all(d.precision == "day" and (d.explicit or not stated) and 0 <= (day - d.value).days <= days
               for d in info.dates)


def _place_lead(sent: Span) -> bool:
    """"In Kharan, armed men attacked...", "Also in Dera Bugti, ...", "In the Bolan area, ..." — a roundup paragraph led
    by its place."""
    first = 1 if len(sent) > 1 and sent[0].lower_ in ("also", "and") else 0  # (a bulletin's next item)
    if len(sent) < 4 + first or sent[first].lower_ not in ("in", "at", "near"):
        return False
    first += len(sent) > first + 2 and sent[first + 1].lower_ == "the"  # "In the Bolan area, ..."
    ent = next((e for e in sentence_ents(sent) if e.start == sent.start + first + 1), None)
    if ent is None or ent.label_ != "PK_LOC":
        return False
    end = ent.end + (ent.end < sent.end and sent.doc[ent.end].lower_ in PLACE_KINDS)  # "In Gwadar district, ..."
    return end < sent.end and sent.doc[end].text == ","


PLACE_KINDS = frozenset({"district", "area", "tehsil", "town", "city", "region", "division"})


def _one_of_the_summed(info: SentenceInfo, summary: Frame | None, current: Frame) -> bool:
    """The sentence names one of the places a lede summing up several incidents named, one place for each, and not
    the place the frame told so far: that place's incident."""
    if summary is None or (summed_count(summary) or 0) < 2:
        return False
    summed = places_named(summary)
    own = places_named(Frame(sentences=[info]))
    if len(summed) < 2 or len(own) != 1 or not own <= summed:
        return False
    return current is summary or not own & places_named(current)


def summed_count(frame: Frame) -> int | None:
    """How many incidents a summary lede sums up ("in two attacks" → 2), when it says."""
    opener = frame.opener or (frame.sentences[0] if frame.sentences else None)
    found = SUMMARY_LEDE.search(opener.sent.text) if opener is not None else None
    if found is None or opener is None:
        return None
    count = SUMMARY_COUNTS.get(found.group(0).split()[0].lower())
    before = opener.sent.text[: found.start()].split()
    if count is None and before:
        count = SUMMARY_COUNTS.get(before[-1].lower())  # "in two separate gun attacks"
    return count


def sums_up(info: SentenceInfo) -> bool:
    """A lede that sums up several incidents: "two attacks", "twin blasts", or attacks in the plural across two or
    more districts ("... were injured in attacks of khwarij in North Waziristan and Dera Ismail Khan districts")."""
    return bool(SUMMARY_LEDE.search(info.sent.text)) or (
        (PLURAL_INCIDENTS.search(info.sent.text) is not None or TWO_INCIDENTS.search(info.sent.text) is not None)
        and len(districts_named([info])) >= 2)


def drop_summary(frames: list[Frame]) -> list[Frame]:
    """Drop a lede that only summarises the incidents the following frames report one by one."""
    if len(frames) < 3:
        return frames
    first, rest = frames[0], frames[1:]
    lede = districts_named(first.sentences)
    # (where the later frames tell an incident: not a closing "In Kurram, meanwhile, elders warned ...")
    covered = districts_named([s for f in rest for s in f.sentences if s.triggers or s.casualties])
    return rest if len(lede) >= 2 and lede <= covered else frames


FACTORY = "khabar_frames"
UPSTREAM = (event_types.FACTORY, casualties.FACTORY, dates.FACTORY, perpetrators.FACTORY, targets.FACTORY,
            locations.FACTORY)
DEFAULT_CONFIG: dict[str, Any] = {
    "segment_markers": list(SEGMENT_MARKERS),
    "background_phrases": list(BACKGROUND_PHRASES),
    "non_event_phrases": list(NON_EVENT_PHRASES),
    "incidental_phrases": sorted(INCIDENTAL_PHRASES),
    "pluperfect_verbs": sorted(PLUPERFECT_VERBS),
    "casualties_pipe": casualties.FACTORY,
}
set_extension(Doc, "sentences")
set_extension(Doc, "frames")


class FrameRules:
    """Pipeline component, after the sentence components: `doc._.sentences` (a `SentenceInfo` per non-blank
    sentence, from the `sent._` results) and `doc._.frames` (one `Frame` per reported incident)."""

    def __init__(self, nlp: Language, name: str, segment_markers: list[str], background_phrases: list[str],
                 non_event_phrases: list[str], incidental_phrases: list[str], pluperfect_verbs: list[str],
                 casualties_pipe: str) -> None:
        missing = [pipe for pipe in UPSTREAM if pipe not in nlp.pipe_names]
        if missing:
            raise ValueError(f"{FACTORY} needs these components before it: {', '.join(missing)}")
        self.name = name
        self.casualties = get_component(nlp, casualties_pipe, CasualtyRules)
        self.segment_markers = tuple(segment_markers)
        self.incidental = frozenset(incidental_phrases)
        self.pluperfect_verbs = frozenset(pluperfect_verbs)
        self.finder = PhraseFinder(nlp, {"background": background_phrases, "non_event": non_event_phrases})

    def __call__(self, doc: Doc) -> Doc:
        doc._.sentences = self.analyse(doc)
        doc._.frames = segment(doc._.sentences)
        return doc

    def analyse(self, doc: Doc) -> list[SentenceInfo]:
        """SentenceInfo for every sentence of a document."""
        starts = _paragraph_starts(doc.text)
        headline_end = _capitals_headline_end(doc.text, starts)
        infos: list[SentenceInfo] = []
        entry_paragraph: int | None = None  # the paragraph a periodic report's entry opens
        for index, sent in enumerate(doc.sents):
            if not sent.text.strip() or UPDATE_LABEL.fullmatch(sent.text.strip() + " "):
                continue  # (a live page's label, "Update, 2:45pm:", tells nothing: its entry opens the paragraph)
            if sent.start_char < headline_end:
                continue  # the headline, repeated in capitals: the report's lede follows it
            paragraph = sum(1 for s in starts if s <= sent.start_char) - 1
            info = self.analyse_sentence(sent, index, paragraph)
            opens_paragraph = not infos or infos[-1].paragraph != paragraph
            periodic = opens_paragraph and _periodic_entry(info, infos, doc)
            if info.background and opens_paragraph and (_dated_entry(info, doc) or periodic):
                info.background = False  # a brief's entry dated within its period reports that day's incident
                info.dates = [replace(d, background=False) for d in info.dates]
            if periodic:  # (each of a periodic report's entries is an incident of its own)
                info.marker = info.entry = True
                entry_paragraph = paragraph
            elif (info.background and paragraph == entry_paragraph
                  and _days_within(info, doc, PERIOD_REPORT_DAYS, stated=True)):
                # "Ten passengers were killed, one of the injured having died in hospital on December 5": the entry's
                # own toll, dated within the period
                info.background = False
                info.dates = [replace(d, background=False) for d in info.dates]
            if info.background and paragraph > 0 and _retells_the_lede(info, infos):
                info.background = False  # "It is worth mentioning that terrorists had attacked the post ... on Tuesday night"
            if paragraph > 0 and normalise(sent.text).startswith(BODY_RECAP_OPENERS):
                # "Last week, gunmen stopped buses ..." after a lede that told this week's attack
                info.background = True
            if paragraph > 0 and _after_series_intro(info, infos):
                # "The abduction is the latest in a wave of violence in the area. On Tuesday, a suicide truck bombing ...
                # killed 23 soldiers.": the wave's other incidents, each on its own day
                info.background = True
            if infos and continues_statistic(infos[-1], info):
                info.background = info.statistic = True
            elif infos and continues_recap(infos[-1], info):
                info.background = True
            infos.append(info)
        return infos

    def analyse_sentence(self, sent: Span, index: int, paragraph: int) -> SentenceInfo:
        """Gather the sentence components' results (`sent._`) and decide background, non-event and marker."""
        phrases = self.finder.phrases(sent)
        low = normalise(sent.text)
        triggers, figures, claim = sent._.triggers, sent._.casualties, sent._.claim
        triggers = _outside_group_records(sent, triggers, phrases["background"])
        return SentenceInfo(
            index=index,
            sent=sent,
            paragraph=paragraph,
            triggers=triggers,
            casualties=figures,
            dates=sent._.dates,
            groups=sent._.groups,
            targets=sent._.targets,
            locations=sent._.locations,
            claim=claim,
            foiled=sent._.foiled,
            background=self.is_background(sent, sent._.dates, claim, max((t.strength for t in triggers), default=0.0),
                                          phrases["background"]),
            non_event=self._is_non_event(sent, triggers, figures, phrases["non_event"]) or communal_fighting(sent),
            militant_agent=self.militant_agent(sent),
            marker=any(low.startswith(m) or f" {m} , " in f" {low} " for m in self.segment_markers) or _place_lead(sent),
        )

    def is_background(self, sent: Span, dates: list[DateMention], claim: bool, strength: float,
                      background_phrases: set[str]) -> bool:
        """A recap of earlier violence or a statistic rather than the new incident (a claim is never a
        recap by tense: "its fighters had targeted the convoy")."""
        if EDITORS_NOTE.match(sent.text.strip()):
            return True  # "(Adds ambush on Levies rescue team, updates toll)": what the update changed, not the report
        # (a claim inside a trend is the trend's: "attacks have surged over the past two years, most of them claimed by
        # or blamed on the Pakistani Taliban")
        if is_statistic(sent.text, strength) and (not claim or is_trend(sent.text, strength)) and not _group_record_only(sent) and not _ranked_on_its_day(
                sent, dates, strength):
            return True
        if (LONG_PERIOD.search(sent.text) and sent._.casualties and not claim
                and not any(d.precision == "day" and not d.background for d in dates)):
            return True  # "43 people were kidnapped this way in the first nine months of the year"
        if (EARLIER_INCIDENT.search(sent.text) or FOLLOWED_BY.search(sent.text) or FOLLOWED_INCIDENT.search(sent.text)
                or RECAP_AFTER.search(sent.text) or OPENS_EARLIER.match(sent.text)
                or casualties.HARMLESS_KIND.search(sent.text)):
            # "In the earlier clash, ...", "was followed by a bombing in Islamabad", "The attack came days after a suicide
            # bomber struck ... during Friday prayers": another incident, whatever day it names
            return True
        if SINCE_INCIDENT.search(sent.text) and not claim and not any(f.total for f in sent._.casualties):
            return True  # "on edge since last week's hijacking", not "brought to three the number killed since the siege began"
        opening = normalise(sent.text)
        if any(opening.startswith(p + " ") for p in background_phrases):
            return True  # "Earlier this month the TTP claimed an ambush ...": the sentence opens in the past
        if opening.startswith(BACKGROUND_FORMULAS) and (not claim or AGO.search(sent.text)):
            return True  # (a claim it adds is this attack's, unless the sentence goes back in time: "two days ago ...")
        if not claim and any(d.background and d.span.start - sent.start_char <= 3 for d in dates):
            return True  # "In July 2018, a bomber killed 120 people ..., and earlier this month ...": it opens in the past
        current = [d for d in dates if not d.background]
        if current:
            return False
        # a claim's month or year is its motive's ("revenge for a commander killed in August"), not a recap,
        # unless the sentence opens with it ("In May the group claimed a blast in Karachi")
        def recap_date(d: DateMention) -> bool:
            opening = d.span.start - sent.start_char <= 3
            return d.background and (not claim or d.precision not in ("month", "year") or opening or _dates_claimed_act(d, sent)
                                     or _dates_a_killing(d, sent)
                                     ) and not _in_relative_clause(d, sent) and not (claim and _dates_motive(d, sent))

        if any(recap_date(d) for d in dates):
            return True
        if claim or names_group_for_this_incident(sent):
            return False  # a claim, or a group blamed for "the attack", is told of this incident whatever its tense
        if any(not _phrase_in_relative_clause(sent, p) and not self._apposed_to_event(sent, p) for p in background_phrases):
            return True
        if any(tok.lower_ in REPORTED_TOLL_VERBS and _reported_speech(tok) for tok in sent):
            # "a spokesman said two of the wounded had died overnight", "Rescue 1122 said five bodies had been moved to
            # hospital and six people had been wounded": the toll as told, not a recap
            return False
        told_harm = [tok for tok in sent if tok.lower_ in HARM_VERBS and _reported_speech(tok)]
        this_incident = THIS_INCIDENT.search(sent.text) is not None
        attackers_only = (bool(sent._.casualties) and all(f.kind == "attackers_killed" for f in sent._.casualties)
                          and any(c.dep_ == "auxpass" for tok in told_harm for c in tok.children))
        if (this_incident or not dates) and told_harm and (
                attackers_only or any(self._attackers_as_subject(tok) for tok in told_harm)):
            # "the ISPR said all 16 terrorists involved in the attack had been killed", "officials said six attackers had
            # been killed so far", "engaged the attackers and at least six of them had been killed, officials said": how
            # this attack ended, as told in the past perfect of reported speech
            return False
        if told_harm and not dates and casualties.other_sources_differ(sent):
            # "Other officials gave different figures. A senior police official said 25 people had been killed": a toll
            # told by another source, kept for what the report does not count itself
            return False
        if told_harm and ((this_incident and not dates) or any(f.value == 0 for f in sent._.casualties)):
            # "officials acknowledged that two FC personnel had been killed and three others injured in the blast", "He
            # said no one had been killed": the toll of this incident as told, in the past perfect of reported speech
            return False
        for tok in sent:
            if tok.lower_ != "had" or tok.dep_ != "aux":
                continue
            verb = tok.head.head if tok.head.lower_ == "been" else tok.head
            if verb.dep_ == "relcl":
                continue  # "a man who had been carried away wounded by his comrades": what is told of a person named
            if verb.lower_ in self.pluperfect_verbs:
                return bool(dates) or not _past_of_the_day_before(sent)
        return False

    def _attackers_as_subject(self, verb: Token) -> bool:
        """A passive casualty verb whose subject is the attackers ("six attackers had been killed")."""
        attackers = self.casualties.attacker_nouns
        return any(c.dep_ == "auxpass" for c in verb.children) and any(
            c.dep_ == "nsubjpass" and (c.lower_ in attackers or c.ent_type_ == "MIL_GROUP") for c in verb.children)

    def _apposed_to_event(self, sent: Span, phrase: str) -> bool:
        """Every occurrence of a (lower-case) phrase opens a noun phrase set beside the sentence's own casualty verb
        ("an elder and his nephew have been shot dead, the latest in a series of killings"): it places this incident
        in a run of older ones, it does not recall one."""
        starts = _phrase_starts(sent, phrase)
        if not starts or any(token is None for token in starts) or not self.casualties.casualty_kind(sent.root):
            return False
        tops = [next((a for a in [token, *token.ancestors] if a.head.i == sent.root.i), None) for token in starts if token]
        return all(top is not None and top.dep_ in APPOSED for top in tops)

    def _is_non_event(self, sent: Span, triggers: list[Trigger], figures: list[CasualtyFigure], hits: set[str]) -> bool:
        """Court, policy, statistics, condemnation: mentions of violence that are not a report of it.

        Incidental words ("during a football match") do not cancel a sentence that reports a
        strong trigger with casualties."""
        if not hits:
            return False
        reported = any(t.strength >= 1.0 for t in triggers) and any(f.value > 0 for f in figures)
        if reported and (self._reports_in_main_clause(sent, triggers) or sent._.claim):
            return False  # "12 people were killed in a blast outside the district court": the court is the place
        if (any(t.strength >= 1.0 for t in triggers) and self._reports_in_main_clause(sent, triggers)
                and all(_only_in_clause(sent, phrase) or _scene_of_attack(sent, phrase, triggers) for phrase in hits)):
            # "gunmen ambushed the vehicle of an MPA as he travelled to a condolence gathering", "a bomb has exploded at
            # an election corner meeting": the occasion or the scene of the attack
            return False
        return not (reported and all(p in self.incidental for p in hits))

    def _reports_in_main_clause(self, sent: Span, triggers: list[Trigger]) -> bool:
        """True when the sentence's main verb (or one conjoined with it) is the casualty or attack word."""
        heads = [sent.root, *sent.root.conjuncts, *(c for c in sent.root.children if c.dep_ == "ccomp")]
        spans = [(t.span.start, t.span.end) for t in triggers]
        return any(self.casualties.casualty_kind(h) or any(a <= h.idx < b for a, b in spans) for h in heads)

    def militant_agent(self, sent: Span) -> bool:
        """True when a named group or an attacker noun is the active subject of a verb ("BLF militants fired")."""
        attackers = self.casualties.attacker_nouns
        return any(tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and (tok.ent_type_ == "MIL_GROUP" or tok.lower_ in attackers)
                   for tok in sent)


# "fighting between rival Sunni and Shia tribes", "tribal lashkars", "a clash between two families over land": armed
# communities at war with each other, not a militant attack
COMMUNAL_FIGHTING = re.compile(r"\b(?:fighting|clash(?:es)?|gunfight|firing|battle)\s+between\s+(?:(?:the|two|rival|armed|"
                               r"[A-Z][\w-]*|and)\s+){0,5}(?:tribes|clans|families|sub-tribes|lashkars)\b"
                               r"|\btribal\s+(?:clash(?:es)?|fighting|lashkars?|feud|war)\b", re.IGNORECASE)


def communal_fighting(sent: Span) -> bool:
    """The sentence tells of armed communities fighting each other (tribes, clans, families), not of militants: no
    incident of Khabar's kinds, unless a named group acts in it."""
    return COMMUNAL_FIGHTING.search(sent.text) is not None and not sent._.groups


SCENE_PREPOSITIONS = frozenset({"at", "during", "near", "outside", "inside"})


def _scene_of_attack(sent: Span, phrase: str, triggers: list[Trigger]) -> bool:
    """Every occurrence of a (lower-case) phrase heads the place the attack word happened at ("exploded at an
    election corner meeting", "opened fire during a jirga")."""
    words = [t for t in sent if t.lower_ == phrase.split()[-1]]
    spans = [(t.span.start, t.span.end) for t in triggers if t.strength >= 1.0]

    def scene(word: Token) -> bool:
        prep = word.head
        return (word.dep_ == "pobj" and prep.lower_ in SCENE_PREPOSITIONS
                and any(a <= prep.head.idx < b for a, b in spans))

    return bool(words) and all(scene(t) for t in words)


def _only_in_clause(sent: Span, phrase: str) -> bool:
    """Every occurrence of a (lower-case) phrase lies in an adverbial or relative clause, not the sentence's main one."""
    first = phrase.split()[0]
    words = [t for t in sent if t.lower_ == first]
    return bool(words) and all(any(a.dep_ in ("advcl", "relcl", "acl") for a in t.ancestors if a.i != sent.root.i)
                               for t in words)


def names_group_for_this_incident(sent: Span) -> bool:
    """A group blamed or claimed in a sentence that speaks of "the attack" ("the attack had been carried out by the
    TTP, the DPO said")."""
    return any(g.attribution in ("blamed", "claimed") for g in sent._.groups) and (
        bool(THIS_INCIDENT.search(sent.text)) or _blames_outright(sent))


def _blames_outright(sent: Span) -> bool:
    """The sentence's own verb blames a group, for no other incidents ("Ayub blamed the Pakistani Taliban, saying its
    fighters had been moving through the area in recent weeks"; not "had blamed", not "blamed it for a string of
    attacks")."""
    root = sent.root
    if root.lower_ != "blamed" or any(c.dep_ == "aux" and c.lower_ == "had" for c in root.children):
        return False
    if not any(c.dep_ == "dobj" for c in root.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "for" and any(g.tag_ == "NNS" for g in c.children) for c in root.children)


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_frames(nlp: Language, name: str, segment_markers: list[str], background_phrases: list[str],
                non_event_phrases: list[str], incidental_phrases: list[str], pluperfect_verbs: list[str],
                casualties_pipe: str) -> FrameRules:
    """The frame component."""
    return FrameRules(nlp, name, segment_markers, background_phrases, non_event_phrases, incidental_phrases,
                      pluperfect_verbs, casualties_pipe)


@lru_cache(maxsize=4096)
def district_of(kind: str, name: str) -> str:
    """The district a place/district mention lies in (the name itself when unknown); for a city split into districts,
    the city ("Manghopir" and "Karachi" are one place)."""
    if kind != "district":
        loc = geocode(name)
        name = loc.district if loc is not None and loc.district else name
    return load_gazetteer().city_of(name)


def districts_named(infos: list[SentenceInfo], skip_asides: bool = False) -> set[str]:
    """Districts named in some sentences (dateline excluded; with `skip_asides`, places in an aside's clause too,
    and a place that only names another incident: "Hours before the Quetta attack, militants rammed ... in Bannu")."""
    return {district_of(m.kind, m.name) for s in infos for m in s.locations
            if not m.dateline and m.kind in ("place", "district")
            and not (skip_asides and (m.in_aside() or m.names_an_incident()))}


def _named_event(info: SentenceInfo) -> bool:
    """The sentence names a kind of event ("an operation", "a blast"), not only "attacks"."""
    return any(t.strength >= 0.6 and not t.reference and t.span.text.lower() not in event_types.GENERIC
               for t in info.triggers)


def _new_place(info: SentenceInfo, frame: Frame) -> bool:
    """True when a trigger sentence names a district the frame has not mentioned (not a victim's home district:
    "two soldiers, residents of Karak and Lakki Marwat, embraced shahadat")."""
    own = districts_named([info], skip_asides=True)
    known = _districts_told(frame)
    return bool(own) and bool(known) and not own & known


LOCALITY_NAME = re.compile(r"\b(?:near|in|at|outside|around)\s+((?:[A-Z][a-z'’-]+\s+){0,2}[A-Z][a-z'’-]+)")
CALENDAR_WORD = re.compile(r"\b(?:" + "|".join([*dates.WEEKDAYS, *dates.MONTHS.split("|")[:12]]) + r")\b", re.IGNORECASE)


def _new_locality(info: SentenceInfo, frame: Frame) -> bool:
    """The sentence names a place below a district ("the Shalozan area", known to the gazetteer or only to the
    tagger) that none of the frame's sentences named."""
    told = " ".join(s.sent.text for s in frame.sentences).lower()
    own = {e.text.lower() for e in info.sent.ents if e.label_ in ("PK_LOC", "LOC", "GPE", "FAC")
           and not (e.label_ == "PK_LOC" and (e.ent_id_.split(":", 1)[0] in ("province", "country", "district")
                                              or locations.district_named(e.text) is not None))}
    own -= {m.name.lower() for m in info.locations if m.dateline or m.in_aside()}
    known = {e.text.lower() for e in info.sent.ents if e.label_ in ("PK_LOC", "GPE", "LOC", "DATE", "ORG", "NORP")}
    # (or a capitalised name after "near"/"in"/"at" that neither the gazetteer nor the tagger knows: "near Kosh Kalat")
    own |= {name.lower() for found in LOCALITY_NAME.finditer(info.sent.text) if (name := found.group(1)).lower() not in known
            and locations.district_named(name) is None and not CALENDAR_WORD.search(name)}
    return bool(own) and not any(name in told for name in own)


def _districts_told(frame: Frame) -> set[str]:
    """The districts a frame places its incident in: those it names, but not those only named in a clause that tells
    another place's toll ("nine soldiers were martyred in Zhob, while three more lost their lives in Sui"), which
    a later paragraph may go on to tell."""
    found: set[str] = set()
    for s in frame.sentences:
        at = casualties.other_place_clause(s.sent)
        cut = s.sent.doc[at].idx if at is not None else None
        found |= {district_of(m.kind, m.name) for m in s.locations if not m.dateline and m.kind in ("place", "district")
                  and (cut is None or m.span.start < cut)}
    return found


def _paragraph_lead(info: SentenceInfo, frame: Frame) -> list[SentenceInfo]:
    """The sentences of the info's paragraph the frame took before it, from the paragraph's first (none when the
    frame began in this paragraph or any of them told an incident itself)."""
    lead = [s for s in frame.sentences if s.paragraph == info.paragraph]
    if not lead or len(lead) == len(frame.sentences) or any(s.opens_frame() for s in lead):
        return []
    return lead if lead[0].index == info.index - len(lead) else []


PLACE_LEAD_TOKENS = 4  # a paragraph that names a place within its first words is about that place ("In Hangu, ...")


def _new_place_of(info: SentenceInfo, frame: Frame, lead: list[SentenceInfo]) -> bool:
    """The paragraph opens on a place ("In Hangu, two men reached the police station") the frame before it has not
    named, and the sentence after that opening names no other."""
    opening = lead[0]
    if not any(m.span.start - opening.sent.start_char <= len(opening.sent[:PLACE_LEAD_TOKENS].text)
               and m.kind in ("place", "district") and not m.dateline for m in opening.locations):
        return False
    own = districts_named(lead, skip_asides=True)
    known = districts_named([s for s in frame.sentences if s not in lead])
    return bool(own) and bool(known) and not own & known and districts_named([info], skip_asides=True) <= own


def _item_datelines(infos: list[SentenceInfo]) -> set[str]:
    """The places of the datelines that open later paragraphs ("GULSHAN-E-IQBAL. Dr X was shot dead ...", "KORANGI.
    About three hours earlier, two men ..."): a roundup's items, each placed the way a report's dateline places it."""
    return {m.name.lower() for s in infos if s.paragraph > 0 for m in s.locations
            if m.dateline and m.kind in ("place", "district")}


def _next_item(info: SentenceInfo, infos: list[SentenceInfo], frame: Frame) -> bool:
    """The paragraph opens on a dateline of its own after an earlier paragraph's dateline opened the frame's item
    (two items of one city, "GULSHAN-E-IQBAL." and then "KORANGI."): the next item of a roundup."""
    before = [s for s in infos if s.paragraph == info.paragraph and s.index < info.index]
    told = [s for s in infos if frame.sentences[0].paragraph <= s.paragraph < info.paragraph]
    own, known = _item_datelines(before[:1]), _item_datelines(told)
    return bool(own) and bool(known) and not own & known


PLACE_OPENING_TOKENS = 12  # "Later the same day, in the Sui area of Dera Bugti, ...": how far in the opening place may stand
SCENE_PREPOSITIONS = frozenset({"in", "at", "near"})


def _opens_on_place(info: SentenceInfo) -> bool:
    """The sentence sets its scene before its clause begins ("Later the same day, in the Sui area of Dera Bugti,
    militants opened fire ..."): a place after "in"/"at"/"near" among its first words, with no verb before it."""
    sent = info.sent
    for m in info.locations:
        if m.dateline or m.kind not in ("place", "district") or m.in_aside():
            continue
        before = [t for t in sent if t.idx < m.span.start]
        if len(before) > PLACE_OPENING_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in before):
            return False
        return any(t.lower_ in SCENE_PREPOSITIONS for t in before[-4:])
    return False


def known_reference(info: SentenceInfo, trigger: Trigger) -> bool:
    """A trigger noun the sentence takes as known: "the attack", "this blast", "Tuesday's bombing"."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return False
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in head.children)


HEADING_TOKENS = 8  # a verbless place line this short heads an item ("Chitkan, Panjgur.")
ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-h])[.)](?:\s|$)|^\s*[•▪◦*]\s")  # ("2." alone when split off its item)
# "WHY IT MATTERS —", "Updates to earlier entries:", "Context:": a newsletter's or explainer's labelled section
SECTION_LABEL = re.compile(r"^\s*([A-Z][\w'’]*(?:\s+[\w'’]+){0,4})\s*(?::|\s[—–-])(?:\s|$)")


# "Update, 2:45pm: One of the injured constables ... has succumbed", "20:10 PKT: The toll rose", "UPDATE 3: Police
# said": a live page's timestamped label before its entry (a sentence of its own, see `khabar_paragraphs`)
UPDATE_LABEL = re.compile(r"^\W*(?:(?:live\s+)?updated?\W{0,3})?\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*"
                          r"(?:PKT|PST|GMT|UTC|hrs)?\s*\)?\s*:\s+|^\W*updated?\s+\d{1,2}\s*:\s+", re.IGNORECASE)
# "UPDATE:", "Update 2:", "LATEST:": a live story's next entry, not a labelled section
UPDATE_LINE = re.compile(r"^\s*(?:updated?|latest|breaking|developing)(?:\s+\d{1,2})?\s*[:—–-]", re.IGNORECASE)
NUMBERED_LABEL = re.compile(r"\b(?:incident|attack|case|entry|item|event)\s+(?:\d{1,2}|no\.?\s*\d{1,2})\s*$", re.I)
# "INCIDENT — Swat (Matta tehsil), KP | 8 August | ...": an entry labelled by what it is, one per incident
ENTRY_LABEL = re.compile(r"(?:incident|attack|case|entry|item|event)s?", re.I)


def _dash_aside(text: str, label: re.Match[str]) -> bool:
    """The dash after the "label" opens an aside that a second dash closes: no label, but a sentence's subject."""
    dash = text[label.end(1):label.end()].strip()
    return dash in ("—", "–") and dash in text[label.end():]


def section_heading(info: SentenceInfo) -> str | None:
    """How a paragraph's first sentence heads a section of its own: "item" for a dateline ("BANNU — ..."), a
    numbered or bulleted entry ("2. 23.10.2025 - Buleda, Kech."), a short line in capitals ("GAS.") or a verbless
    place line ("Chitkan, Panjgur."), which may report an incident of its own; "label" for a newsletter's or explainer's labelled section
    ("CONTEXT — ...", "Summary: ..."), which comments on the items; None for running text."""
    if any(m.dateline for m in info.locations) or ITEM_NUMBER.match(info.sent.text):
        return "item"
    if UPDATE_LINE.match(info.sent.text):
        return None  # "UPDATE: Four people ... have been shifted to hospital": the story goes on, no section of its own
    label = SECTION_LABEL.match(info.sent.text)
    if label is not None and _dash_aside(info.sent.text, label):
        label = None  # "Three people — a guard and two passers-by — were injured": the subject and its aside
    if label is not None and (NUMBERED_LABEL.search(label.group(1)) or ENTRY_LABEL.fullmatch(label.group(1))):
        return "item"  # "Incident 1 — North Waziristan, 8 October.": a numbered entry under a word
    if label is not None:  # (before the capitals below: "OUTLOOK —" labels a comment, "GAS." heads an item)
        words = info.sent.doc.char_span(info.sent.start_char + label.start(1), info.sent.start_char + label.end(1),
                                        alignment_mode="expand")
        if words is not None and (label.group(1).isupper() or not any(t.pos_ in ("VERB", "AUX") for t in words)):
            return "label"
    letters = [t for t in info.sent if t.is_alpha]
    if letters and len(info.sent) <= HEADING_TOKENS and all(t.is_upper for t in letters):
        return "item"  # a digest's topic line ("GAS.", "CAPITAL ON EDGE.")
    places = [m for m in info.locations if m.kind in ("place", "district")]
    named = [t for t in info.sent if not (t.is_punct or t.is_space)]  # ("**Azam Warsak, South Waziristan (Lower).**")
    if places and len(named) <= HEADING_TOKENS and not any(t.pos_ in ("VERB", "AUX") for t in info.sent):
        return "item"
    if _bold_name_line(info, named):
        return "item"  # "**Mali Khel.**": a digest's heading in bold, a place the gazetteer does not know
    if _bold_place_lead(info):
        return "item"  # "**Khar, Bajaur** — Suicide bombing at a convention ...": an item headed by its place in bold
    return None


BOLD_LEAD = re.compile(r"^\s*\*\*([^*]{1,60})\*\*")


def _bold_place_lead(info: SentenceInfo) -> bool:
    """The sentence opens on a bold run of names, one of them a place ("**Khar, Bajaur** —", "**Tangi** —"): a digest's
    item set under its place, as a dateline sets a report."""
    found = BOLD_LEAD.match(info.sent.text)
    if found is None:
        return False
    start, end = info.sent.start_char + found.start(1), info.sent.start_char + found.end(1)
    rest = list(found.group(1))  # (the sentence's own text: `Doc.text` would join every token of the report)
    places = [m for m in info.locations if m.kind in ("place", "district", "province") and start <= m.span.start
              and m.span.end <= end]
    for m in places:
        rest[m.span.start - start : m.span.end - start] = " " * (m.span.end - m.span.start)
    # (the other words names too: "**Lachi, Kohat**" where only the district is known)
    return bool(places) and all(word.istitle() for word in re.findall(r"[^\s,.()/&-]+", "".join(rest)))


def _worded(info: SentenceInfo) -> bool:
    """The sentence holds words, not only an item's number split off it ("2.")."""
    return any(t.is_alpha for t in info.sent)


def _bold_name_line(info: SentenceInfo, words: list[Token]) -> bool:
    """A short line set in bold that is only a capitalised name ("**Mali Khel.**"; not "**Our assessment.**")."""
    return (info.sent.text.lstrip().startswith("**") and 0 < len(words) <= HEADING_TOKENS // 2
            and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in words))


def _under_its_heading(frame: Frame) -> bool:
    """The frame's opener stands under an item's heading in its own paragraph ("**Mali Khel.** On Tuesday evening a
    suicide bomber ...")."""
    opener = frame.opener or (frame.sentences[0] if frame.sentences else None)
    return opener is not None and any(section_heading(s) == "item" for s in frame.sentences
                                      if s.paragraph == opener.paragraph and s.index < opener.index)


def _new_section(infos: list[SentenceInfo], frame: Frame) -> bool:
    """An item under its own heading that reports an incident anew ("BANNU — Earlier on Sunday, a roadside bomb
    hit a police vehicle"), in a place the frame has not named, is another incident; one that names the frame's
    incident as known ("ISLAMABAD — The attack was condemned") is not. `infos`: the item's sentences up to
    the one that opens a frame."""
    opener = infos[-1]
    # (an item that counted its own dead before it names "the attack": "MIANWALI — Before dawn on Saturday, nine
    # attackers climbed the wall of the air base. All nine were killed ... TJP said it carried out the attack")
    counted_first = any(s.has_figures and not s.background for s in infos[:-1]) or (opener.has_figures and not opener.triggers)
    # (or that named its incident in a verbless line first: "UPPER ORAKZAI — Thursday night. Attack on a Frontier Corps
    # post at Ghiljo. A soldier wounded in the attack died on Friday")
    counted_first = counted_first or any(s.triggers and not s.background and not all(known_reference(s, t) for t in s.triggers)
                                         for s in infos[:-1])
    if not counted_first and (
            not opener.triggers or all(known_reference(opener, t) for t in opener.triggers if t.strength >= 0.8)):
        return False
    told = [(s, t) for s in frame.sentences for t in s.triggers]
    if told and all(known_reference(s, t) for s, t in told) and not any(s.casualties or s.claim or s.groups
                                                                       for s in frame.sentences):
        return True  # the frame so far only names a known incident: a digest's note ("A busy week around Peshawar, where
        # the toll from Wednesday's roadside bomb rose twice"), before the items that tell theirs
    # (a place that names another incident is no place of the item's own: "**Takht Bhai** — Hours after the Tangi blast")
    own = {district_of(m.kind, m.name) for s in infos for m in s.locations
           if m.kind in ("place", "district") and not m.in_aside() and not m.names_an_incident()}
    # (a frame under an item's dateline of its own is that place's, not every town it names: "one of the wounded died
    # in Turbat" in a Panjgur item; the article's own dateline is the newsroom's city)
    datelines = {district_of(m.kind, m.name) for s in frame.sentences for m in s.locations if m.dateline and s.paragraph > 0}
    known = datelines or {district_of(m.kind, m.name) for s in frame.sentences for m in s.locations
                          if m.kind in ("place", "district")}
    if own & known:
        # (an item of the same district on another day, at a locality the frame has not named: "BANNU — A
        # quadcopter dropped two mortar shells on Miryan police station at about 2:15am on Monday" after the
        # item of Sunday night's rockets on the cantonment), naming no town of the frame's
        gap = _day_gap(opener, frame)
        if gap is None and (heading := _days_named(infos[:-1])) and (days := _days_named(frame.sentences)):
            # "Buleda, Friday night. Militants attacked a police check post." after Tuesday's item from Turbat: the
            # item's heading line dates it
            gap = (min(days) - max(heading)).days
        towns = places_named(Frame(sentences=infos))
        if gap is None and towns and (posted := stamped_day(infos)) is not None and (days := _days_named(frame.sentences)):
            # "3) 1005 hrs — D.I. KHAN: ... shot dead ... in Kulachi tehsil" after an item of last night in Daraban (an
            # item that names no town may be the update of the one before: "4) 0705 hrs — HARNAI: ISPR — 3 FC
            # soldiers martyred")
            gap = (min(days) - posted).days
        return gap not in (None, 0) and not towns & places_named(frame)
    # (a frame under a heading of its own that names no place the gazetteer knows, "**Mali Khel.**", is that item's)
    return bool(own) and (bool(known) or _under_its_heading(frame))


# "3) 0945 hrs — NOSHKI: ...", "10:15am — ...": an item of a bulletin stamped with the time it was posted
STAMPED_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?(?:(?:[01]\d|2[0-3])[0-5]\d\s*hrs\b|\d{1,2}[:.][0-5]\d\s*(?:am|pm|a\.m\.|p\.m\.|hrs)"
                          r"(?:\W|$))", re.IGNORECASE)


def stamped_day(infos: list[SentenceInfo]) -> date | None:
    """The day of a bulletin's item stamped with the time it was posted ("3) 0945 hrs — NOSHKI: Blast on rly track")
    that states no date: the day of publication."""
    if not infos or not STAMPED_ITEM.match(infos[0].sent.text) or any(s.dates for s in infos):
        return None
    published = infos[0].sent.doc._.published
    return published.date() if published is not None else None


def _claims_known(info: SentenceInfo) -> bool:
    """A claim for an incident the sentence takes as known ("Separately, the TTP claimed responsibility for the
    attack"): the current incident's claim, whatever marker opens it."""
    return info.claim and any(known_reference(info, t) for t in info.triggers)


def _days_named(infos: list[SentenceInfo], told: bool = False) -> list[date]:
    """The days (not months or years) some sentences name, recaps' days left out (and, with `told`, the days a toll or a
    statement was told: "by Friday the number of wounded had reached six")."""
    return [d.value for s in infos for d in s.dates if not d.background and d.precision == "day" and not (told and d.reporting)]


def _day_gap(info: SentenceInfo, frame: Frame, told: bool = False) -> int | None:
    """Days from the sentence's latest day to the frame's earliest (negative when later; None when either names no
    day; with `told`, the days a toll or a statement was told left out)."""
    own, known = _days_named([info], told), _days_named(frame.sentences, told)
    return (min(known) - max(own)).days if own and known else None


def _earlier_than(info: SentenceInfo, frame: Frame) -> bool:
    """True when every day the sentence names comes before every day the frame names."""
    gap = _day_gap(info, frame)
    return gap is not None and gap > 0


def _days_before(info: SentenceInfo, frame: Frame) -> int:
    """How many days before every day the frame names the sentence's latest day falls (0 when not before, or
    when either names none)."""
    return max(0, _day_gap(info, frame) or 0)


def announces_another(frame: Frame) -> bool:
    """The frame's opening sentence tells of a second incident beside its own ("..., while a journalist was shot dead
    in a separate attack in the southwest")."""
    # (its first sentence that tells of violence: not a dateline set apart, "PESHAWAR, Pakistan (ENA) —")
    opener = next((s for s in frame.sentences if s.triggers), None)
    return opener is not None and ANOTHER_INCIDENT.search(opener.sent.text) is not None


def _counted_here(info: SentenceInfo, infos: list[SentenceInfo]) -> bool:
    """The sentence gives figures, or the next one does ("In the afternoon, a roadside bomb hit a police mobile near
    Tajazai. A head constable was martyred and two policemen were injured")."""
    if info.has_figures:
        return True
    if info.claim or all(known_reference(info, t) for t in info.triggers if t.strength >= 0.8):
        return False  # "The bomb ... went off Monday", "The TTP claimed the attack": the incident already told
    after = next((s for s in infos if s.index > info.index), None)
    return after is not None and after.has_figures and not after.background


def _counted_next(info: SentenceInfo, infos: list[SentenceInfo]) -> bool:
    """A marked paragraph's opening names only "an attack" ("Elsewhere, the military said troops had repulsed an attack
    on a naval base in Turbat"), and the paragraph's next sentence counts its dead by itself."""
    if info.claim or not any(t.strength >= 0.6 and not t.reference for t in info.triggers):
        return False
    if any(s.paragraph == info.paragraph and s.index < info.index for s in infos):
        return False
    after = next((s for s in infos if s.index == info.index + 1), None)
    return (after is not None and after.paragraph == info.paragraph and after.opens_frame() and after.has_figures
            and not districts_named([after], skip_asides=True))


def _frame_it_names(info: SentenceInfo, frames: list[Frame], current: Frame) -> Frame:
    """The frame a sentence belongs to: the current one, unless it names another frame's incident by its place
    ("TJP said it carried out the Zhob attack" after the paragraph on Dera Bugti)."""
    towns = {m.name for m in info.locations if m.kind == "place" and (m.names_an_incident() or _attacked_place(m))}
    if towns and not towns & places_named(current):
        # ("TJP claimed the attack on the Daraban post" after the paragraph on an operation in Kulachi, both in one
        # district: the town tells the incident)
        told = next((f for f in reversed(frames) if f is not current and towns & places_named(f)), None)
        if told is not None:
            return told
    named = {district_of(m.kind, m.name) for m in info.locations if m.names_an_incident()}
    if not named or named & districts_named(current.sentences, skip_asides=True):
        return current
    # the latest such frame (a lede that sums up comes first), whose place is told or names its incident ("The toll in
    # the Lakki Marwat blast rose to three")
    return next((f for f in reversed(frames) if f is not current and named & (
        districts_named(f.sentences, skip_asides=True) | _incident_districts(f))), current)


INCIDENT_ON = re.compile(INCIDENT_NOUN_PATTERN + r"\s+(?:on|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _attacked_place(m: LocationMention) -> bool:
    """The place is what an incident noun was aimed at ("claimed the attack on the Daraban post")."""
    return INCIDENT_ON.search(m.span.sentence[max(0, m.span.start - m.span.sent_start - 40) : m.span.start - m.span.sent_start]) is not None


def _last_told_paragraph(frame: Frame) -> int:
    """The paragraph of the frame's last sentence that tells violence or counts its toll (not a lead-in without
    either: "Two days later, the city's other problem surfaced.")."""
    told = [s for s in frame.sentences if s.triggers or s.casualties]
    return (told or frame.sentences)[-1].paragraph


def _dated_apart(info: SentenceInfo, frame: Frame) -> bool:
    """The sentence states a day of its own that none of the frame's stated days is."""
    def days(infos: list[SentenceInfo]) -> set[date]:
        return {d.value for s in infos for d in s.dates
                if d.precision == "day" and d.explicit and not d.background and not d.reporting}

    own, told = days([info]), days(frame.sentences)
    return bool(own) and bool(told) and not own & told


THE_KILLINGS = re.compile(r"^\s*the\s+(?:[\w-]+\s+)?(?:killings?|murders?)\b", re.IGNORECASE)


def _opens_on_the_incident(info: SentenceInfo) -> bool:
    """"The attack took place ...", "The killings took place in the Rarasham area ...": the report's incident again."""
    return THE_INCIDENT.match(info.sent.text) is not None or THE_KILLINGS.match(info.sent.text) is not None


def _within_a_night(info: SentenceInfo, frame: Frame) -> bool:
    """The sentence's latest day is at most one day before the frame's earliest (the night before, or a later day):
    an attack of the same night, not a recap of days past."""
    gap = _day_gap(info, frame)
    return gap is not None and gap <= 1


def places_named(frame: Frame) -> set[str]:
    """The towns and localities a frame's sentences name (dateline and asides excluded)."""
    return {m.name for s in frame.sentences for m in s.locations
            if m.kind == "place" and not m.dateline and not m.in_aside()}


def _returns_to(info: SentenceInfo, frames: list[Frame], current: Frame) -> Frame | None:
    """The earlier frame whose district the sentence names, when it names none of the current frame's: the report
    goes back to an incident it told before."""
    if len(frames) < 2:
        return None
    named = districts_named([info])  # (where its sources speak too: "Police officials in Lakki Marwat said ...")
    if not named or named & districts_named(current.sentences, skip_asides=True):
        return None
    # (not a lede that sums up attacks in several districts: "two separate attacks in Lakki Marwat and Khyber")
    back = next((f for f in reversed(frames) if f is not current
                 and len(told := districts_named(f.sentences, skip_asides=True)) == 1 and named & told), None)
    if back is not None and info.opens_frame() and info.strength >= 0.8 and info.has_figures and (
            _day_gap(info, back, told=True) or 0) < 0 and not all(known_reference(info, t) for t in info.triggers if t.strength >= 0.8):
        return None  # "And on Friday morning, a roadside bomb in Charmang killed two men": a later day's attack of its own
    return back


def _incident_districts(frame: Frame) -> set[str]:
    """Districts the frame's sentences name incidents by ("the Lakki Marwat blast")."""
    return {district_of(m.kind, m.name) for s in frame.sentences for m in s.locations if m.names_an_incident()}


def segment(infos: list[SentenceInfo]) -> list[Frame]:
    """Group sentences into incident frames, dropping background recaps.

    Incidents named by rank are followed: "a second blast" opens the second frame, "the first
    attack took place in Mastung" returns to the first; a lede that only sums them up ("two
    blasts killed 28") gives way to the incidents it sums."""
    frames: list[Frame] = []
    preamble: list[SentenceInfo] = []
    current: Frame | None = None
    ranked: dict[int, Frame] = {}
    summary: Frame | None = None
    series: Frame | None = None  # the first frame, when its lede tells a series of attacks
    first_paragraph = infos[0].paragraph if infos else 0
    heading: str | None = None  # how the paragraph heads a section ("KARACHI: Following the attack, ..."), if it does
    section_news = False  # ... the section reports another incident ("BANNU — Earlier on Sunday, a bomb hit ...")
    held: list[SentenceInfo] = []  # the section's sentences before the one that opens a frame (its heading)
    told = False  # the paragraph went on past its heading
    numbered = False  # ... a numbered one ("2. As a result of the explosion, ...")
    elsewhere = False  # ... whose heading line dates it before the incident ("CONTEXT — Kabul | 7 August")
    paragraph = None
    recap_paragraph: int | None = None  # the paragraph that recalls an earlier incident, from its recap on
    aside_of: tuple[Frame, int] | None = None  # the frame an aside on another incident left, and the aside's paragraph
    for info in infos:
        if info.background:
            continue
        if info.paragraph == recap_paragraph and not info.marker and not info.dates:
            continue  # "Last Tuesday, fighters hijacked a train ... The military said 26 hostages were killed": its toll
        opens_paragraph = info.paragraph != paragraph
        if aside_of is not None and info.paragraph != aside_of[1]:
            current, aside_of = aside_of[0], None  # back to the report's incident after the aside on the day's first
        if opens_paragraph:
            # a heading alone in its paragraph ("GAS.") heads the next one
            lone = heading is not None and not told and len(held) == 1
            paragraph, section_news, told = info.paragraph, False, False
            # before any incident there is no story for a section to stand apart from ("(Adds police statement)
            # \n\n LAHORE, Oct 24 (TNW) - Police repelled an attack ...")
            own = section_heading(info) if info.paragraph > first_paragraph and current is not None else None
            if own is not None or not lone:
                heading, held = own, []
                numbered = own == "item" and ITEM_NUMBER.match(info.sent.text) is not None
                elsewhere = own == "label" and current is not None and _earlier_than(info, current)
        # (a numbered point whose opener went on with the current incident goes on with it: "2. As a result of the
        # explosion, three persons were injured ... No loss of life occurred" in a release's numbered points)
        if heading is not None and not section_news and not (numbered and told and not info.opens_frame()):
            # a brief's field that names who did it ("Attribution: The TTP claimed the killing"), or goes on with a field
            # that told the incident ("Casualties: Two policemen were killed ... Seven were injured.")
            # (blame of "attacks" in general, in an outlook, is no field of one incident)
            attributes = (any(g.attribution == "claimed" for g in info.groups) or names_group_for_this_incident(info.sent)
                          or any(g.attribution == "blamed" for g in info.groups)
                          and perpetrators.explains_state_label(info.sent.text))
            # (a labelled section dated a day of its own is about something else: "CONTEXT — Afghanistan | 7 August")
            # (... or a field that gives the toll as nil: "Casualties: No one was killed or injured.")
            nil_toll = bool(info.casualties) and all(f.value == 0 for f in info.casualties) and not info.dates
            if heading == "label" and current is not None and (attributes or told or nil_toll) and not info.opens_frame() and (
                    not elsewhere):
                current.sentences.append(info)
                continue
            if (heading == "item" and current is not None and not info.opens_frame() and info.has_figures
                    and not info.dates and not any(_worded(h) for h in held) and not _new_place(info, current)):
                # a release's bulleted field that counts the incident's casualties ("• Injured (01): Head Constable
                # Khalid Khan, shifted to hospital"), or its numbered point that goes on with them ("2. As a result, two
                # persons received injuries. ... No loss of life occurred.")
                current.sentences.append(info)
                told = True
                continue
            if not info.opens_frame() or (heading == "label" and not attributes and not info.has_figures
                                          and info.strength < STRONG_TRIGGER):
                held.append(info)  # (an outlook's "attacks ... are increasing" tells no incident)
                continue  # another city's side of the story, not the incident's (unless the item reports one)
            told = True
            if heading == "item" and current is not None and _new_section([*held, info], current):
                section_news = True
                current = Frame(sentences=[*held, info])
                frames.append(current)
                continue
        back = _returns_to(info, frames, current) if opens_paragraph and current is not None and heading is None else None
        if back is not None:
            # "Two policemen were martyred in Lakki Marwat ... In Khyber, militants blew up a tower. \n\n Police
            # officials in Lakki Marwat said ...": a paragraph that opens on an earlier incident's district goes back to it
            current = back
            current.sentences.append(info)
            continue
        rank = incident_rank(info.sent.text) if current is not None and not info.non_event else None
        if rank is not None and current is not None and len(frames) == 1 and _ranked_within(info, current):
            rank = None  # "... while the second [bomber] detonated his vest inside. The force of the second explosion ..."
        if rank is None and current is not None and current is series and SUPERLATIVE_INCIDENT.match(info.sent.text):
            rank = (True, None)  # "In the deadliest attack, gunmen blocked a highway ...": the first the lede sums up
        if rank is not None and current is not None:
            definite, number = rank
            if not ranked and current is not summary:
                ranked[1] = current
            number = number if number is not None else (max(ranked) + 1 if ranked else 2)
            if definite and number in ranked:
                current = ranked[number]
                current.sentences.append(info)
                continue
            recap = in_past_perfect(info.sent)  # "another blast had missed a train"
            if not recap and (info.opens_frame() or (definite and (info.has_figures or info.locations))):
                current = ranked[number] = Frame(sentences=[info])
                frames.append(current)
                continue
        if (current is not None and info.marker and not info.opens_frame() and not info.background
                and not info.non_event and (_named_event(info) or _counted_next(info, infos))
                and _new_place(info, current) and not _claims_known(info)):
            # "In a separate statement, the ISPR said troops had been conducting an operation in Zhob": a weaker
            # word, but a marker and a district of its own begin another incident
            current = Frame(sentences=[info])
            frames.append(current)
            continue
        if info.opens_frame():
            lead = _paragraph_lead(info, current) if current is not None else []
            # "Late on Sunday night, a railway bridge ... in Kachhi district was blown up" after a lede on Monday's
            # killings in Musakhel: a paragraph that opens on the day before and a district of its own, with an
            # incident word that is not the report's own ("The killings took place in Musakhel early on Monday"),
            # tells another incident
            night_apart = (current is not None and _new_place(info, current)
                           and info.paragraph != current.sentences[-1].paragraph and info.strength >= 0.8
                           and _dated_apart(info, current) and _within_a_night(info, current)
                           and not in_past_perfect(info.sent) and not _opens_on_the_incident(info)
                           and not all(known_reference(info, t) for t in info.triggers if t.strength >= 0.8))
            # "It was the second attack on teachers in the district on Thursday. Earlier in the day, a teacher was shot
            # dead ...": the sentence after one that calls the frame's incident the day's second tells the first, in
            # an aside the next paragraph leaves
            earlier_aside = (current is not None and len(frames) == 1 and DAY_PART_LEAD.match(info.sent.text) is not None
                             and info.strength >= 0.8 and current.sentences[-1].paragraph == info.paragraph
                             and LATER_OF_THE_DAY.search(current.sentences[-1].sent.text) is not None)
            same_time = SAME_TIME_LEAD.match(info.sent.text) is not None  # "On the same evening, ..."
            split = current is not None and (
                (info.marker and not _claims_known(info))
                # the paragraph after a lede that sums up attacks in several districts tells the first of them
                or (current is summary and len(summed := [s for s in current.sentences if s.triggers or s.casualties]) == 1
                    and info.strength >= 0.8 and info.paragraph != summed[0].paragraph
                    and len(districts_named(current.sentences)) >= 2
                    and (summed[0].strength < 0.8 or TWO_INCIDENTS.search(summed[0].sent.text)))
                # ... or that counts them ("Two attacks on polling offices killed 21"), when the paragraph after
                # opens on the place of the first ("In the Khanozai area of Pishin district, a bomb went off ...")
                or (current is summary and (summed_count(current) or 0) >= 2 and len(summed) == 1
                    and info.paragraph != summed[0].paragraph and _opens_on_place(info) and info.has_figures
                    and info.strength >= 0.8)
                # (not "Gunmen shot dead an elder ..., a week after two
                # attacks in the region": a report of its own)
                or (_new_place(info, current) and info.paragraph != current.sentences[-1].paragraph
                    and _counted_here(info, infos) and info.strength >= 0.8)
                # "In Hangu, two men reached the police station. One of them blew himself up ...": the paragraph's
                # first sentence names the place of the incident its next one tells
                or (bool(lead) and _new_place_of(info, current, lead)
                    and _counted_here(info, infos) and info.strength >= 0.8)
                or (_next_item(info, infos, current) and _counted_here(info, infos) and info.strength >= 0.8)
                # "Later the same day, in the Sui area of Dera Bugti, militants killed three more soldiers": a sentence
                # that sets a scene the frame has not named, before its own clause, tells another incident
                or (_opens_on_place(info) and _new_place(info, current) and info.has_figures and info.strength >= 0.8)
                # "... killing two policemen, while a journalist was shot dead in a separate attack" in the lede: a
                # later paragraph's death in another district is that second incident
                or (_new_place(info, current) and info.paragraph != current.sentences[-1].paragraph
                    and info.has_figures and announces_another(current))
                or night_apart
                # "A policeman guarding a polio team was martyred in Domel ..., while militants attacked Jani Khel police
                # station in the night ..., in two separate attacks": a later paragraph that tells one of the places the
                # lede summed up, not the one told last, tells that place's incident
                or (info.paragraph != current.sentences[-1].paragraph and info.strength >= 0.8
                    and _one_of_the_summed(info, summary, current))
                # "On Wednesday, eight militants were killed ... in the Gwadar Port Authority complex" late in a report of
                # Monday night's attack in Turbat: figures days older in another district are another incident's (a recap)
                or (info.paragraph > current.sentences[0].paragraph and _new_place(info, current) and info.has_figures
                    and info.strength >= 0.8 and _days_before(info, current) >= OLDER_DAYS)
                # "Eight people were killed in two separate gun attacks ... The first incident took place on Shalozan
                # Road ... \n A few hours later, armed men entered a school ... killing seven": after the first of the
                # incidents a lede counts, a paragraph that opens on another time of the day, with figures, tells the next
                or (summary is not None and frames[0] is summary and current is not summary
                    and (summed_count(summary) or 0) > len(frames) - 1 and info.paragraph != current.sentences[-1].paragraph
                    and info.has_figures and info.strength >= 0.8 and TIME_APART_LEAD.match(info.sent.text) is not None)
                # "..., hours after another teacher was shot dead in a separate attack" in the lede: a later paragraph
                # that opens on another part of the day ("Earlier in the day, gunmen stopped a van ...") tells it
                or (len(frames) == 1 and announces_another(current) and DAY_PART_LEAD.match(info.sent.text) is not None
                    and info.paragraph != current.sentences[-1].paragraph and info.strength >= 0.8)
                or earlier_aside
                # "Hours earlier, a teacher was shot dead while travelling in his car in the Shalozan area of the same
                # district", "Prior to this incident, in the Shalozan Tangi area, a teacher ... was martyred": a
                # paragraph that opens on another time of the day and a locality the frame has not named, with a
                # death of its own, tells another incident of the day
                # ("On the same evening, attackers threw a grenade at shops in Turbat, wounding five", "Almost at the same
                # time, another group fired rockets at the Pezu police station. ... they killed two attackers")
                or (info.paragraph != current.sentences[-1].paragraph and info.strength >= 0.8
                    and (info.has_figures or (AFTER_THE_LAST.match(info.sent.text) is not None or same_time)
                         and _counted_here(info, infos))
                    and (TIME_APART_LEAD.match(info.sent.text) is not None or DAY_PART_LEAD.match(info.sent.text) is not None
                         or BEFORE_THIS.match(info.sent.text) is not None or same_time)
                    and _new_locality(info, current))
                # "Two days later, ... Late on Thursday, two men on a motorcycle lobbed a grenade at shops in Saeedabad
                # market in Baldia. Two people were killed": a paragraph that tells an attack on a later day than the
                # frame's, at a place the frame has not named, with a toll of its own
                or (info.paragraph != _last_told_paragraph(current) and info.strength >= 0.8
                    and _dated_apart(info, current) and (_day_gap(info, current) or 0) < 0
                    # (an attack, not the search that followed: "The bodies of two terrorists were recovered during a
                    # search operation on Wednesday morning")
                    and any(t.strength >= 0.8 and t.event_type != "security_operation" for t in info.triggers)
                    and (_new_place(info, current) or _new_locality(info, current)) and _counted_here(info, infos)
                    and not in_past_perfect(info.sent) and not _opens_on_the_incident(info)
                    and not all(known_reference(info, t) for t in info.triggers if t.strength >= 0.8))
                # "It was the second deadly attack in Kech district in three days. On Tuesday, a bomb fitted to a
                # motorcycle killed three policemen ...": the sentence after one that ranks the incident in a run, on an
                # earlier day, tells an earlier one of the run (a recap, below)
                or (current.sentences[-1].paragraph == info.paragraph and info.strength >= 0.8
                    and RANKED_IN_A_RUN.search(current.sentences[-1].sent.text) is not None and _earlier_than(info, current))
            )
            if split and current is not None and _item_headline(current, info):
                split = False  # "■ Lakki Marwat: DSP among four policemen martyred \n\n A deputy superintendent and three other
                # policemen were martyred ...": a bulletin item's headline, then its story
            if split and current is not None and not info.marker and _earlier_than(info, current) and not night_apart:
                recap_paragraph = info.paragraph
                continue  # "On Friday a bomber had struck a mosque in Peshawar" in Tuesday's report: a recap
            if current is not None and split and lead and not earlier_aside:
                current.sentences = [s for s in current.sentences if s not in lead]
                current = Frame(sentences=[*lead, info])
                frames.append(current)
                continue
            if current is None or split:
                aside_of = (current, info.paragraph) if earlier_aside and current is not None else None
                current = Frame(sentences=preamble + [info] if current is None else [info])
                if len(frames) == 0 and sums_up(info):
                    summary = current
                if len(frames) == 0 and SERIES_LEDE.search(info.sent.text):
                    series = current
                preamble = []
                frames.append(current)
                continue
        if current is None:
            preamble.append(info)
        else:
            _frame_it_names(info, frames, current).sentences.append(info)
    if summary is not None and len(frames) >= 3 and frames[0] is summary and (
            len(ranked) >= 2 or summed_count(summary) == len(frames) - 1):
        return frames[1:]  # "two attacks killed six ... In the first attack ... Hours later, gunmen stormed ..."
    if len(frames) >= 3 and frames[0] in (series, summary) and _told_one_by_one(frames[0], frames[1:]):
        return frames[1:]
    return drop_summary(frames)


HEADLINE_TOKENS = 14  # "■ Lakki Marwat: DSP among four policemen martyred"


def _item_headline(frame: Frame, info: SentenceInfo) -> bool:
    """The frame opens on a short undated headline alone in its paragraph, with a count, and the sentence opens the next
    paragraph with the same count: the item's story under its headline."""
    opener = frame.opener
    if (opener is None or opener is not frame.sentences[-1] or len(opener.sent) > HEADLINE_TOKENS or opener.dates
            or info.paragraph != opener.paragraph + 1):
        return False
    counted = {f.value for f in opener.casualties if f.value > 0 and f.kind == "killed"}
    total = sum(f.value for f in info.casualties if f.value > 0 and f.kind == "killed" and not f.sub_count)
    return bool(counted) and (total in counted or bool(counted & {f.value for f in info.casualties}))


def _told_one_by_one(summary: Frame, rest: list[Frame]) -> bool:
    """A lede on a series of attacks ("a string of coordinated attacks across the province", "in separate attacks in
    Khyber Pakhtunkhwa") whose places the later frames tell one by one, in two districts or more: the lede only sums
    them up."""
    covered = districts_named([s for f in rest for s in f.sentences])
    return len(covered) >= 2 and districts_named(summary.sentences) <= covered
