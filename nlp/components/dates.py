"""Event dates: resolve "on Tuesday", "last night", "3 March 2025" against the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Literal

import dateparser
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from khabar.nlp.components.base import (
    INCIDENT_AFTER,
    INCIDENT_NOUN,
    INCIDENT_NOUN_PATTERN,
    SPEECH_VERBS,
    TextSpan,
    doc_text,
    set_extension,
)
from khabar.nlp.components.casualties import DIED_WORDS, INJURED_WORDS, RISE_VERBS, UNITS

Precision = Literal["day", "month", "year", "unknown"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_ABS_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?(?:\s+(\d{{4}}))?\b", re.I)
_ABS_MDY = re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
# "the night of 3-4 May", "between 5 and 6 June 2022": the range's first day (a night attack takes the day it
# began); a span of several days ("between September 10 and 13") gives no day of its own: its last day
_DAY_RANGE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|/|and|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?(?:\s+(\d{{4}}))?\b", re.I)
_NIGHTS_BEFORE = re.compile(r"\b(\d{1,2})\s*(?:-|–|/)\s*\d{1,2}\s*(?:,|and)\s*$")
_MONTH_DAY_RANGE = re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|/|and|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
# "21.10.2025", "04-03-2024", "2025-10-21": numeric dates, day first as Pakistani papers and police write them
_NUMERIC = re.compile(r"(?<![\d.:/-])(?:(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})|((?:19|20)\d{2})-(\d{2})-(\d{2}))(?![\d:/-]|\.\d)")
_MONTH_YEAR = re.compile(rf"\b(?:in|during|since|of|the)\s+({MONTHS})\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\b(?:in|during|since|of|the)\s+((?:19|20)\d{2})\b(?!\s*[-/.]\d)", re.I)  # "in 2014", "the 2009 operation"
# "In October, ten personnel were martyred": a month without a day or year, the latest such month
_BARE_MONTH = re.compile(rf"\b(?:in|during|since|earlier in|early|late|last)\s+(?:mid-|early-|late-)?({MONTHS})\b(?!\s+\d)", re.I)
# "the January bombing", "the March suicide attack", "a July attack": a month that dates an incident
_MONTH_OF_INCIDENT = re.compile(rf"\b(?:the|a|an)\s+({MONTHS})\s+(?=(?:[\w-]+\s+)?{INCIDENT_NOUN_PATTERN}\b)", re.I)
# "a strike for Friday", "the funeral is scheduled for Monday", "called a shutdown for next Tuesday": what a day is set
# aside for (not "claimed responsibility for Friday's attack")
_SCHEDULED_FOR = re.compile(r"\b(?:scheduled|planned|fixed|set|called|announced|postponed|adjourned|deferred|"
                            r"strike|protest|shutdown|shutter-down|rally|sit-in|meeting|hearing|funeral)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:for|till|until)\s+(?:next\s+|this\s+|the\s+coming\s+)?$", re.I)
_OF_LAST_WEEK = re.compile(r"\s+of\s+(?:last|the\s+previous)\s+week\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on\s+|late\s+|early\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# a bulletin's short weekday, after a word that dates ("on Sun night", "since 2300 hrs Sun."): capitalised, not "the sun"
_SHORT_WEEKDAY = re.compile(r"\b(?:[Oo]n|[Ll]ate|[Ee]arly|[Ss]ince|hrs)\s+(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?"
                            r"(?=\s+(?:night|morning|evening|afternoon)\b|\s*[.,;)]|\s*$)")
SHORT_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
RELATIVE: dict[str, tuple[int, Precision]] = {
    "day before yesterday": (2, "day"),
    "night before yesterday": (2, "day"),
    "night before last": (2, "day"),
    "late last night": (1, "day"),
    "last night": (1, "day"),
    "yesterday": (1, "day"),
    "earlier today": (0, "day"),
    "this morning": (0, "day"),
    "this evening": (0, "day"),
    "today": (0, "day"),
    "tonight": (0, "day"),
    "last week": (7, "month"),
    "earlier this week": (3, "day"),
    "earlier in the week": (3, "day"),
    "earlier this month": (-1, "month"),
}
LAST_WEEKEND = "last weekend"
APPROXIMATE = frozenset({"earlier this week", "earlier in the week"})  # a guessed day: any day the text states wins over it
# "a day earlier", "two days before", "the previous day": counted back from the sentence's own day, else publication
_DAYS_EARLIER = re.compile(r"\b(?:(a|one|two|three|four|\d)\s+days?\s+(?:earlier|before(?=\s*[,.;]|\s+(?:and|when|as|but)\b))"
                           r"|(?<!since )the\s+(?:previous|preceding)\s+(?:day|evening|night|afternoon|morning)|the\s+day\s+before(?=\s*[,.;]|\s+(?:and|when|as|but)\b))", re.I)
# "fired on near Bagan two days ago": that many days before publication
_DAYS_AGO = re.compile(r"\b(a|one|two|three|four|five|six|\d)\s+days?\s+ago\b", re.I)
# "marched on Tuesday, a day after gunmen fired on a van": what the phrase governs happened that many days earlier
DAYS_AFTER = re.compile(r"\b(a|one|two|three|four|\d)\s+days?\s+(after)\b", re.I)
PKT = timezone(timedelta(hours=5))  # relative dates are written from the newsroom's day
RECAP_DAYS = 10  # a date this many days before publication belongs to a recap
BYLINE_PREFIXES = ("published", "updated", "last updated", "posted")  # a "Published ..." byline dates the page
BACKGROUND_RELATIVE = ("last month", "last year", "earlier this year", "previous year", "months ago", "years ago", "last year's",
                       # a time of weeks or more back ("Only a fortnight earlier, 13 people died ...", "three weeks ago")
                       "weeks ago", "weeks earlier", "fortnight ago", "fortnight earlier", "a month ago", "a month earlier",
                       "months earlier", "a year ago", "a year earlier", "years earlier")


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved to a calendar day."""

    value: date
    precision: Precision
    span: TextSpan
    explicit: bool = True  # False for a day guessed from a vaguer phrase ("earlier this week")
    background: bool = False
    reporting: bool = False  # the day something was said or claimed ("the ISPR said on Wednesday")


def _dateparse(text: str, base: datetime) -> date | None:
    """Parse with dateparser, preferring past dates relative to the publication date."""
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base.replace(tzinfo=None)},
    )
    return parsed.date() if parsed else None


def weekday_before(published: date, weekday: int, same_day: bool = False) -> date:
    """Most recent given weekday on or before publication (same day only when allowed)."""
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and not same_day:
        delta = 7
    return published - timedelta(days=delta)


# "QUETTA, ", "QUETTA, Pakistan, ", "Peshawar [Pakistan], ": a wire dateline before its filing day
_DATELINE_PREFIX = re.compile(r"^\s*(?:[A-Z][A-Z .'/-]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*\[[A-Z][a-z]+\]),(?:\s*[A-Z][a-z]+,)?\s*$")
# "Islamabad, ", "Dera Ismail Khan, ": a title-case dateline, when an agency's mark or a dash follows the day
_TITLE_DATELINE_PREFIX = re.compile(r"^\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},(?:\s*[A-Z][a-z]+,)?\s*$")
# "(Dera Ismail Khan, July 19) —": a dateline in brackets, the filing day closing them
_BRACKET_DATELINE = (re.compile(r"^\s*\(\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s*$"), re.compile(r"^\s*\)"))
_AGENCY_AFTER = re.compile(r"^\s*(?:\([A-Z][\w .-]*\)|[—–]|-\s)")
REPORTING_VERBS = SPEECH_VERBS | {"announced", "claimed", "claims", "claim", "accepted", "accepts", "owned", "statement", "briefing", "tweeted", "posted", "issued",
                                  "revised", "updated", "reconciled", "message", "circulated", "shared", "report", "reports",
                                  # a toll's day ("the death toll rose to eight on Wednesday") is the day it was reported
                                  "rose", "risen", "climbed", "jumped", "increased", "reached", "raised",
                                  # a reaction's or an ending's day ("China asked Pakistan on Wednesday to investigate a
                                  # bombing", "troops on Wednesday evening concluded the operation to free the train") is
                                  # not the day the incident began
                                  "asked", "demanded", "urged", "condemned", "vowed", "concluded", "ended", "freed",
                                  "released", "recovered", "declared",
                                  # the day of a press conference or a briefing ("the IGP addressed a press conference
                                  # on 02-02-2023 regarding the blast ... on 30-01-2023")
                                  "addressed", "briefed", "conference"}



def reporting_date(sent: Span, span: TextSpan, reporting_verbs: frozenset[str] = REPORTING_VERBS) -> bool:
    """True when a date modifies a verb of saying or claiming ("police said on Monday", "claimed
    responsibility on Wednesday"): the day of the report, not of the incident."""
    text = doc_text(sent.doc)
    if _DATELINE_PREFIX.match(text[sent.start_char : span.start]):
        return True  # "QUETTA, Nov 30 (IWS) —": the wire dateline is the filing day
    if _TITLE_DATELINE_PREFIX.match(text[sent.start_char : span.start]) and _AGENCY_AFTER.match(text[span.end : span.end + 12]):
        return True  # "Islamabad, Mar 17 (SNS)": a dateline in title case, told by the agency's mark after the day
    if _BRACKET_DATELINE[0].match(text[sent.start_char : span.start]) and _BRACKET_DATELINE[1].match(text[span.end : span.end + 4]):
        return True  # "(Dera Ismail Khan, July 19) —"
    tokens = [t for t in sent if span.start <= t.idx < span.end]
    if tokens and tokens[0].i > sent.start and tokens[0].nbor(-1).lower_ == "by" and any(
            t.lower_ in RISE_VERBS for t in sent):
        return True  # "the toll rose to 46 by this morning": the time the count stands at
    outside = [t for t in tokens if not (span.start <= t.head.idx < span.end)]
    for tok in outside[:1]:
        head = tok.head
        if head.lower_ in WEEKDAYS and head.head.i != head.i:
            head = head.head  # "Wednesday, March 12": the date set beside its weekday hangs where the weekday does
        if head.lower_ == "of" and head.head.lower_ in DAY_PARTS and head.head.head.i != head.head.i:
            head = head.head.head  # "declared the operation over on the evening of Wednesday": the day part's
        if head.lower_ in ("on", "late", "early") and head.head.i != head.i:
            head = head.head
        if _continues_the_incident(head, tokens[0]):
            return False  # "a statement released ... for the blast on a convoy near Spinwam on Saturday": the blast's day
        if head.lower_ in reporting_verbs and not _a_journey(head):
            return True
        if head.dep_ in ("nsubj", "dobj") and head.head.lower_ in reporting_verbs and not (
                head.dep_ == "nsubj" and INCIDENT_NOUN.fullmatch(head.lower_)):
            # "The BLA on Sunday claimed ...", "claimed responsibility on Wednesday for ...": the day parsed on the
            # claim's subject or object (not "the attack on Thursday night ... has raised questions": the attack's day)
            return True
        if head.dep_ in ("acl", "relcl") and head.head.lower_ in reporting_verbs and not any(
                c.dep_ in ("mark", "nsubj", "nsubjpass") for c in head.children):
            # "a statement sent to reporters late on Friday": the day the statement went out (not "a statement that
            # its fighters had blown up the track on Tuesday": the day of what the statement tells)
            return True
        if _died_of_injuries(head):
            return True  # "a constable injured in the attack succumbed yesterday": the day the toll rose
        if _mourning(head):
            return True  # "as thousands of mourners gathered on Saturday for the funeral": the aftermath's day
        if head.lower_ in ("death", "deaths") and any(t.lower_ in RISE_VERBS for t in sent):
            return True  # "the toll rose to seven with the death of a girl on Monday": the day the toll rose
        if _between_saying_and_said(tok, head, reporting_verbs):
            return True  # "militants said on Monday they had attacked a convoy", parsed with the day on "attacked"
    return False


_UNIVERSAL_TIME = re.compile(r"\b(?:GMT|UTC)\b[^.;()]{0,12}$")  # "at about 23:40 GMT on Sunday"


def _local_day_only(sent: Span, found: list[DateMention]) -> list[DateMention]:
    """"at about 23:40 GMT on Sunday (04:40 local time on Monday)": the day in Pakistan, not the day in Greenwich."""
    if "local time" not in sent.text.lower():
        return found
    text = doc_text(sent.doc)
    universal = [d for d in found if d.precision == "day" and _UNIVERSAL_TIME.search(text[max(sent.start_char, d.span.start - 30) : d.span.start])]
    local = [d for d in found if d.precision == "day" and d not in universal]
    if not universal or not local or {d.value for d in universal} == {d.value for d in local}:
        return found
    return [d for d in found if d not in universal]


# the act told fell on the day the sentence states for its telling
SAME_DAY_AS_TOLD = re.compile(r"\bearlier (?:in the|that) day\b", re.IGNORECASE)
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "hours", "dawn"})
TOLL_NOUNS = frozenset({"toll", "number", "figure", "count", "tally", "casualties", "dead", "deaths", "fatalities"})


def _continues_the_incident(head: Token, first: Token) -> bool:
    """The day follows at once the incident a claim or statement is for ("claimed ... in a statement released on
    Telegram for the IED blast on a military convoy near Spinwam on Saturday"), however the parser hangs it: the
    incident's day."""
    start = first.i - 1 if first.i > first.sent.start and first.nbor(-1).lower_ in ("on", "late", "early") else first.i
    return any(c.dep_ == "prep" and c.lower_ == "for" and c.right_edge.i == start - 1 and any(
        o.dep_ == "pobj" and INCIDENT_NOUN.fullmatch(o.lower_) for o in c.children) for c in head.children)


MOURNERS = frozenset({"mourners", "protesters", "protestors", "demonstrators"})
RITES = frozenset({"funeral", "funerals", "burial", "vigil", "sit-in", "protest"})
RITE_VERBS = frozenset({"gathered", "attended", "offered", "held", "performed", "staged", "mourned"})


def _mourning(verb: Token) -> bool:
    """The verb tells the aftermath, not the attack: mourners or protesters act ("thousands of mourners gathered on
    Saturday"), or someone holds a rite ("the funeral prayers were offered on Sunday", "he was buried on Saturday").
    ("laid to rest" stays out: read as the aftermath's day, it cost a studied report the day of its attack.)"""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    actors = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    if any(t.lower_ in MOURNERS for t in actors):
        return True
    if verb.lower_ == "buried" and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "was buried"
    objects = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    return verb.lower_ in RITE_VERBS and any(
        t.lower_ in RITES for o in objects for t in (o, *(c for c in o.children if c.dep_ == "compound")))


def _a_journey(verb: Token) -> bool:
    """A rise verb that counts nothing ("They reached Kandhkot on Thursday"): a journey's day, not a toll's (and not a
    return: "the freed judge reached his home late Sunday" ends the incident)."""
    return (verb.lower_ in RISE_VERBS and not any(t.like_num or t.lower_ in TOLL_NOUNS for t in verb.sent)
            and not any(t.lower_ in ("home", "homes") for t in verb.subtree))


def _between_saying_and_said(tok: Token, head: Token, reporting_verbs: frozenset[str]) -> bool:
    """The day stands between a verb of saying and the subject of what was said ("said on Monday they had attacked"):
    it dates the saying, however the parser hangs it."""
    if head.dep_ != "ccomp" or head.head.lower_ not in reporting_verbs:
        return False
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and head.head.i < tok.i < subject.i


def _future(sent: Span, span: TextSpan) -> bool:
    """A day something will happen ("funeral prayers will be offered on Wednesday"): no day of the incident."""
    tokens = [t for t in sent if span.start <= t.idx < span.end]
    verb = next((a for t in tokens[:1] for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if any(a in ("will", "shall", "'ll") for a in auxes):
            return True
        # "said voting would go ahead as scheduled on Thursday": what a statement said was to come (not "would have")
        if "would" in auxes and "have" not in auxes and verb.dep_ == "ccomp":
            return True
        verb = verb.head if verb.dep_ in ("advcl", "xcomp") else None
    return False


def _died_of_injuries(verb: Token) -> bool:
    """A death that came after the attack: "succumbed", or a death whose subject was injured in it ("another
    jawan injured in the attack embraced shahadat") or that came of the wounds ("died of his injuries")."""
    if verb.lower_ in ("succumbed", "succumbs"):
        return True
    if verb.lower_ not in DIED_WORDS | {"embraced", "expired", "breathed"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(INCIDENT_NOUN.fullmatch(g.lower_) for g in c.children)
           for c in verb.children):
        return False  # "Three men died in the attack late on Tuesday: ..., who had first been listed among the wounded"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(t.lower_ in INJURED_WORDS for subject in subjects for t in subject.subtree):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(t.lower_ in INJURED_WORDS for t in c.subtree)
               for c in verb.children)


def names_incident(sent: Span, span: TextSpan) -> bool:
    """A day that names an incident ("Monday's suicide bombing", "the Tuesday attack")."""
    text = doc_text(sent.doc)[span.end : span.end + 40]
    return bool(INCIDENT_AFTER.match(text)) and not span.text.lower().startswith(("on ", "late ", "early "))


def _span(sent: Span, start: int, end: int, index: int) -> TextSpan:
    """A TextSpan for sentence-relative character offsets."""
    char_span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return TextSpan.from_span(char_span if char_span is not None else sent, index)


def predates_news(value: date, published: date, recap_days: int = RECAP_DAYS) -> bool:
    """A date well before publication belongs to a recap, not the new incident."""
    return (published - value).days > recap_days


def numeric_date(m: re.Match[str]) -> date | None:
    """The day a `_NUMERIC` match names: ISO year first, else day first unless only month first is a date."""
    try:
        if m.group(5):
            return date(int(m.group(5)), int(m.group(6)), int(m.group(7)))
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (second, first) if second > 12 >= first else (first, second)
        return date(year, month, day)
    except ValueError:
        return None


def absolute_dates(sent: Span, published: datetime, index: int = -1, recap_days: int = RECAP_DAYS) -> list[DateMention]:
    """"3 March 2025", "March 3", "in March 2023", "in 2023"."""
    out: list[DateMention] = []
    text = sent.text
    pub = published.date()
    found = [(m, m.group(1), m.group(2), m.group(3), m.group(4)) for m in _DAY_RANGE.finditer(text)]
    found += [(m, m.group(2), m.group(3), m.group(1), m.group(4)) for m in _MONTH_DAY_RANGE.finditer(text)]
    ranges = [(m.start(), m.end()) for m, *_ in found]
    for m, first, last, month, year in found:
        # "the nights of 25/26 and 26/27 April": the first of the nights named
        nights = _NIGHTS_BEFORE.search(text[max(0, m.start() - 16) : m.start()])
        if nights is not None and int(first) - 2 <= int(nights.group(1)) < int(first) and int(last) - int(first) == 1:
            first = last = nights.group(1)
        day = last if int(last) - int(first) >= 2 else first  # several days: the last; a night: the first
        value = _dateparse(f"{day} {month} {year or ''}".strip(), published)
        if value is not None:
            if value > pub + timedelta(days=1) and not year:
                value = value.replace(year=value.year - 1)
            out.append(DateMention(value, "day", _span(sent, m.start(), m.end(), index), True,
                                   predates_news(value, pub, recap_days)))
    for m in _NUMERIC.finditer(text):
        value = numeric_date(m)
        if value is not None and value <= pub + timedelta(days=1):
            out.append(DateMention(value, "day", _span(sent, m.start(), m.end(), index), True,
                                   predates_news(value, pub, recap_days)))
    for regex in (_ABS_DMY, _ABS_MDY):
        for m in regex.finditer(text):
            if any(a <= m.start() < b for a, b in ranges):
                continue
            value = _dateparse(m.group(0), published)
            if value is None:
                continue
            if value > pub + timedelta(days=1) and m.lastindex and not m.group(3):
                value = value.replace(year=value.year - 1)
            out.append(DateMention(value, "day", _span(sent, m.start(), m.end(), index), True,
                                   predates_news(value, pub, recap_days)))
    if out:
        # (beside a day, only an older month of its own: "arrested on Friday ... over a grenade attack in June")
        days = [(d.span.start - sent.start_char, d.span.end - sent.start_char) for d in out]
        return out + [d for d in _months(sent, published, index) if d.background and not any(
            a <= d.span.start - sent.start_char < b for a, b in days)]
    return _months(sent, published, index) + _years(sent, published, index)


def _months(sent: Span, published: datetime, index: int) -> list[DateMention]:
    """"in March 2023", else a bare "in June" or "the June attack" (the latest June on or before publication)."""
    out: list[DateMention] = []
    text, pub = sent.text, published.date()
    for m in _MONTH_YEAR.finditer(text):
        value = _dateparse(f"1 {m.group(1)} {m.group(2)}", published)
        if value:
            bg = (value.year, value.month) != (pub.year, pub.month)
            out.append(DateMention(value, "month", _span(sent, m.start(), m.end(), index), True, bg))
    if not out:
        for m in [*_BARE_MONTH.finditer(text), *_MONTH_OF_INCIDENT.finditer(text)]:
            value = _dateparse(f"1 {m.group(1)} {pub.year}", published)
            if value is None:
                continue
            if value > pub or (m.group(0).lower().startswith("last") and value.month == pub.month):
                value = value.replace(year=value.year - 1)  # "last May" in a May report is a year back
            bg = (value.year, value.month) != (pub.year, pub.month)
            out.append(DateMention(value, "month", _span(sent, m.start(), m.end(), index), True, bg))
    return out


def _years(sent: Span, published: datetime, index: int) -> list[DateMention]:
    """"in 2023": a year, background unless it is the publication's."""
    out = []
    for m in _YEAR.finditer(sent.text):
        year = int(m.group(1))
        out.append(DateMention(date(year, 1, 1), "year", _span(sent, m.start(), m.end(), index), True,
                               year != published.year))
    return out


def days_counted(word: str) -> int:
    """The number of days a phrase's count word gives ("two", "3", "a day earlier": one)."""
    word = word.lower()
    return int(word) if word.isdigit() else UNITS.get(word, 1)


def relative_dates(sent: Span, published: datetime, index: int = -1,
                   relative: dict[str, tuple[int, Precision]] | None = None,
                   background_relative: tuple[str, ...] = BACKGROUND_RELATIVE) -> list[DateMention]:
    """"on Tuesday", "late last night", "yesterday", "earlier this month".

    `relative` phrases (days back, precision) are found as substrings in order, the first one only;
    `background_relative` phrases ("last year") mark a recap."""
    relative = RELATIVE if relative is None else relative
    out: list[DateMention] = []
    low = sent.text.lower()
    pub = published.date()
    for m in [*_WEEKDAY.finditer(sent.text), *_SHORT_WEEKDAY.finditer(sent.text)]:
        if _SCHEDULED_FOR.search(sent.text[: m.start()]) and sent.text[m.end() : m.end() + 2] not in ("'s", "’s"):
            continue  # "traders announced a strike for Friday", "called a protest for next Monday": a day to come
        name = m.group(1).lower()
        weekday = WEEKDAYS.index(name) if name in WEEKDAYS else SHORT_WEEKDAYS[name]
        # News names the weekday even for the day of publication ("on Monday" in a Monday
        # report is that Monday); "last Monday" on a Monday is the week before.
        same_day = not m.group(0).lower().startswith("last ")
        value = weekday_before(pub, weekday, same_day=same_day)
        if _OF_LAST_WEEK.match(sent.text[m.end() :]):
            value = pub - timedelta(days=pub.weekday() + 7) + timedelta(days=weekday)  # "Saturday of last week"
        out.append(DateMention(value, "day", _span(sent, m.start(), m.end(), index)))
    weekend = low.find(LAST_WEEKEND)
    if weekend >= 0:  # "last weekend": the Saturday of the week before publication's, a guess any stated day beats
        value = pub - timedelta(days=pub.weekday() + 2)
        out.append(DateMention(value, "day", _span(sent, weekend, weekend + len(LAST_WEEKEND), index), explicit=False))
    for phrase, (days, precision) in relative.items():
        at = low.find(phrase)
        if at < 0 or (phrase == "today" and "earlier today" in low) or (weekend >= 0 and LAST_WEEKEND.startswith(phrase)):
            continue
        value = pub.replace(day=1) if days < 0 else pub - timedelta(days=days)
        out.append(DateMention(value, precision, _span(sent, at, at + len(phrase), index), explicit=phrase not in APPROXIMATE))
        break
    for m in _DAYS_AGO.finditer(sent.text):
        out.append(DateMention(pub - timedelta(days=days_counted(m.group(1).lower())), "day",
                               _span(sent, m.start(), m.end(), index)))
    for m in _DAYS_EARLIER.finditer(sent.text):
        count = m.group(1).lower() if m.group(1) else "a"
        anchor = next((d.value for d in out if d.precision == "day"), None)
        back = days_counted(count)
        # (counted back from publication, "entered the district two days earlier" is a guess any stated day beats:
        # "earlier" than the incident, most often, not than the report)
        out.append(DateMention((anchor or pub) - timedelta(days=back), "day", _span(sent, m.start(), m.end(), index),
                               explicit=anchor is not None))
    for phrase in background_relative:
        at = low.find(phrase)
        if at >= 0:
            out.append(DateMention(pub, "unknown", _span(sent, at, at + len(phrase), index), True, True))
    return out


def find_dates(sent: Span, published: datetime, index: int = -1) -> list[DateMention]:
    """All date mentions of one sentence with the default config, absolute first."""
    return DEFAULT_RULES.find(sent, published, index)


class DateRules:
    """Pipeline component: every sentence's date mentions (`sent._.dates`), resolved against the publication
    time in `doc._.published` (now, Pakistan time, when unset); `doc._.dates` holds them all."""

    def __init__(self, name: str, relative: dict[str, list[Any]], background_relative: list[str],
                 reporting_verbs: list[str], byline_prefixes: list[str], recap_days: int) -> None:
        self.name = name
        self.relative: dict[str, tuple[int, Precision]] = {p: (int(d), prec) for p, (d, prec) in relative.items()}
        self.background_relative = tuple(background_relative)
        self.reporting_verbs = frozenset(reporting_verbs)
        self.byline_prefixes = tuple(byline_prefixes)
        self.recap_days = recap_days

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published or datetime.now(UTC).astimezone(PKT)
        found = []
        for index, sent in enumerate(doc.sents):
            sent._.dates = self.find(sent, published, index)
            found.extend(sent._.dates)
        doc._.dates = found
        return doc

    def find(self, sent: Span, published: datetime, index: int = -1) -> list[DateMention]:
        """All date mentions of one sentence, absolute first (a "Published ..." byline gives none)."""
        if sent.text.lstrip().lower().startswith(self.byline_prefixes):
            return []
        found = absolute_dates(sent, published, index, self.recap_days) + relative_dates(
            sent, published, index, self.relative, self.background_relative)
        found = [replace(d, reporting=True) if reporting_date(sent, d.span, self.reporting_verbs) else d for d in found]
        # (a past month or year stays, whatever the tense: "will revive memories of July 2021, when a bomb ...")
        found = [d for d in found if d.background or not _future(sent, d.span)]
        found = [replace(d, background=True) if _weekday_of_a_past_year(sent, d, found) else d for d in found]
        found = [_of_last_year(sent, d, published.year - 1) for d in found]
        found = _local_day_only(sent, found)
        if SAME_DAY_AS_TOLD.search(sent.text):
            # "said on Wednesday troops had killed three militants ... earlier in the day": the day said is the act's
            found = [replace(d, reporting=False) if d.reporting and d.precision == "day" else d for d in found]
        named = [d for d in found if d.precision == "day" and names_incident(sent, d.span)]
        if named:  # "on Wednesday revised the toll of Monday's bombing": the bombing's day is the incident's
            found = [d if d in named or d.precision != "day" else replace(d, reporting=True) for d in found]
        return found


# "on Easter Sunday in 2016", "on a Friday in March 2023": the weekday of the year or month that follows it
_YEAR_AFTER = re.compile(r"^\s*(?:,\s*|\s+(?:in|of)\s+)(?:[A-Z][a-z]+\s+)?\d{4}\b")


def _weekday_of_a_past_year(sent: Span, mention: DateMention, found: list[DateMention]) -> bool:
    """A weekday resolved to the publication's week while the year (or month and year) named right after it is a
    recalled one: the weekday belongs to that older date."""
    if mention.background or mention.precision != "day" or not _WEEKDAY.fullmatch(mention.span.text.strip()):
        return False
    after = doc_text(sent.doc)[mention.span.end : mention.span.end + 20]
    if not _YEAR_AFTER.match(after):
        return False
    return any(d.background and d.precision in ("year", "month") and d.span.start >= mention.span.end for d in found)


# "In January last year", "on March 5 of last year": a month or day whose year the words after it put a year back
_LAST_YEAR_AFTER = re.compile(r"^\s*,?\s*(?:of\s+)?last\s+year\b", re.I)


def _of_last_year(sent: Span, mention: DateMention, last_year: int) -> DateMention:
    """A month or day named without its year and followed by "last year": that date in the year before
    publication, a recap."""
    if mention.precision not in ("day", "month") or re.search(r"\d{4}", mention.span.text):
        return mention
    if not _LAST_YEAR_AFTER.match(doc_text(sent.doc)[mention.span.end : mention.span.end + 20]):
        return mention
    value = mention.value
    earlier = value.replace(year=last_year, day=min(value.day, 28) if (value.month, value.day) == (2, 29) else value.day)
    return replace(mention, value=earlier, background=True)


FACTORY = "khabar_dates"
DEFAULT_CONFIG: dict[str, Any] = {
    "relative": {phrase: list(value) for phrase, value in RELATIVE.items()},
    "background_relative": list(BACKGROUND_RELATIVE),
    "reporting_verbs": sorted(REPORTING_VERBS),
    "byline_prefixes": list(BYLINE_PREFIXES),
    "recap_days": RECAP_DAYS,
}
DEFAULT_RULES = DateRules(FACTORY, **DEFAULT_CONFIG)
set_extension(Span, "dates")
set_extension(Doc, "dates")


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_dates(nlp: Language, name: str, relative: dict[str, list[Any]], background_relative: list[str],
               reporting_verbs: list[str], byline_prefixes: list[str], recap_days: int) -> DateRules:
    """The date component."""
    return DateRules(name, relative, background_relative, reporting_verbs, byline_prefixes, recap_days)


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """The event date of a frame: the first non-background mention, day precision preferred."""
    current = [m for m in mentions if not m.background]
    if not current:
        return None
    order = {"day": 0, "month": 1, "year": 2, "unknown": 3}
    # a day, even the day something was said, before a month or a year ("in the first half of 2023")
    # a stated day before one guessed from "earlier this week"
    return sorted(current, key=lambda m: (m.precision != "day", m.reporting, not m.explicit, order[m.precision]))[0]
