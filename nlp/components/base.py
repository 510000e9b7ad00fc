"""Shared small records and helpers for the components."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

ComponentT = TypeVar("ComponentT")


@dataclass(frozen=True)
class TextSpan:
    """A matched piece of text with the sentence it sits in (character offsets into the doc)."""

    start: int
    end: int
    text: str
    sent_start: int
    sent_end: int
    sentence: str
    sent_index: int = -1

    @classmethod
    def from_span(cls, span: Span, sent_index: int = -1) -> TextSpan:
        """Build from a spaCy span (the sentence is taken from `span.sent`)."""
        sent = span.sent
        sentence = sent.text.rstrip()
        return cls(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            sent_start=sent.start_char,
            sent_end=sent.start_char + len(sentence),
            sentence=sentence,
            sent_index=sent_index,
        )

    @classmethod
    def from_tokens(cls, first: Token, last: Token, sent_index: int = -1) -> TextSpan:
        """Build from an inclusive token range."""
        lo, hi = sorted((first.i, last.i))
        return cls.from_span(first.doc[lo : hi + 1], sent_index)

    def in_doc(self, doc: Doc) -> Span | None:
        """The spaCy span these offsets cover in `doc` (widened to whole tokens), for walking the parse."""
        return doc.char_span(self.start, self.end, alignment_mode="expand")


def char_span(sent: Span, phrase: str, index: int = -1) -> TextSpan | None:
    """The first whole-word occurrence of a lower-case phrase in a sentence ("ied" never matches
    inside "carried"), or None."""
    low = sent.text.lower()
    for match in re.finditer(rf"(?<![\w]){re.escape(phrase)}(?![\w])", low):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
        if span is not None:
            return TextSpan.from_span(span, index)
    return None


def lower_words(span: Span) -> list[str]:
    """Lower-cased token texts of a span."""
    return [t.lower_ for t in span]


def has_phrase(text: str, phrases: tuple[str, ...] | frozenset[str]) -> str | None:
    """The first phrase (space-padded word match) found in a lower-cased text, else None."""
    padded = f" {text} "
    for phrase in phrases:
        if f" {phrase} " in padded:
            return phrase
    return None


# Verbs that report what someone said ("police said", "a spokesman told reporters")
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "stated", "confirmed", "reported"})
# What news calls one incident ("attack", "blast", ...): the nouns the roundup, recap and reference rules share.
INCIDENT_NOUNS = ("attack", "blast", "bombing", "explosion", "incident", "assault", "ambush", "strike", "raid", "clash",
                  "massacre", "hijacking", "siege", "abduction", "kidnapping", "shooting")
# The same nouns in a regular expression, singular or plural ("ambushes", "clashes").
INCIDENT_NOUN_PATTERN = r"(?:" + "|".join(INCIDENT_NOUNS) + r")(?:e?s)?"
INCIDENT_NOUN = re.compile(INCIDENT_NOUN_PATTERN, re.IGNORECASE)  # one word: `INCIDENT_NOUN.fullmatch(token.lower_)`
# words that make what comes before them the name of an incident ("Monday's suicide bombing", "the Quetta attack")
# "in a separate attack", "in another incident": a second incident told beside the first
ANOTHER_INCIDENT = re.compile(r"\bin (?:a |another )?separate (?:attack|incident|shooting|bombing|blast)\b"
                              r"|\bin (?:another|a second) (?:attack|incident|shooting|bombing|blast)\b", re.IGNORECASE)
INCIDENT_AFTER = re.compile(r"^(?:\s+(?:night|morning|evening|afternoon))?(?:['’]s)?\s+(?:[\w-]+\s+){0,2}" + INCIDENT_NOUN_PATTERN + r"\b",
                            re.IGNORECASE)  # "Monday's blast", "Saturday night's assault"


# units of time that set an older incident apart ("a week after seven personnel were killed")
DAY_UNIT_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
# ... and hours, which do so only beside an incident of the main clause ("a bomber killed three soldiers on Sunday,
# hours after gunmen shot dead two traders"; not "the claim was posted hours after troops repulsed the attack"; not
# minutes: "a second blast minutes after the first")
HOUR_UNIT_WORDS = frozenset({"hour", "hours"})


def in_timed_clause(tok: Token, days_alone: bool = False) -> bool:
    """The token stands in an adverbial clause that another incident's time sets apart from an incident the main
    clause tells ("a bomber killed three soldiers on Sunday, hours after gunmen shot dead two traders in Peshawar"):
    that incident's people, places and groups, told to date this one. With `days_alone`, a clause days or more
    apart is another incident whatever the main clause says ("security was tightened a week after seven personnel
    were killed": the seven are no toll of this report's news, though Quetta may be its place)."""
    path = [tok, *tok.ancestors]
    for k, clause in enumerate(path):
        # (a root with a mark of time is such a clause, misparsed, for the words it governs outside a parataxis or a
        # complement: "One person was killed ..., officials said, four days after a clash killed six")
        misparsed = clause.dep_ == "ROOT" and not (k > 0 and path[k - 1].dep_ in ("parataxis", "ccomp"))
        if clause.dep_ != "advcl" and not misparsed:
            continue
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "since", "before")]
        if not marks:
            continue
        times = [c for c in (*clause.children, *marks[0].children) if c.dep_ == "npadvmod"]
        days = any(c.ent_type_ == "DATE" or c.lower_ in DAY_UNIT_WORDS for c in times)
        if days and days_alone:
            return True
        hours = any(c.ent_type_ == "TIME" or c.lower_ in HOUR_UNIT_WORDS for c in times)
        if (days or hours) and _incident_outside(clause):
            return True
    return False


def _incident_outside(clause: Token) -> bool:
    """The sentence tells an incident outside the clause (an event trigger before or after its words)."""
    words = list(clause.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    triggers = clause.sent._.triggers if Span.has_extension("triggers") else None
    return any(not start <= t.span.start < end for t in triggers or [])


def starts_line(doc: Doc, i: int) -> bool:
    """Token `i` opens the text or a line of it (a paragraph or an item of a list)."""
    return i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space


def sentence_ents(sent: Span) -> list[Span]:
    """The entities of a sentence (`Span.ents` walks every entity of the doc on each call; this
    buckets them by sentence once per doc, after the entity ruler has run)."""
    doc = sent.doc
    buckets = doc.user_data.get("khabar_sentence_ents")
    if buckets is None:
        starts = [s.start for s in doc.sents]
        buckets = {}
        for ent in doc.ents:
            buckets.setdefault(starts[bisect_right(starts, ent.start) - 1], []).append(ent)
        doc.user_data["khabar_sentence_ents"] = buckets
    return [e for e in buckets.get(sent.start, []) if e.end <= sent.end]


def in_past_perfect(sent: Span) -> bool:
    """The sentence tells something in the past perfect ("another blast had missed a train", "the TTP had claimed the
    attack"): earlier than the story's own time."""
    return any(t.lower_ == "had" and t.dep_ == "aux" for t in sent)


def doc_text(doc: Doc) -> str:
    """The doc's text, built once (`Doc.text` joins every token anew on each access)."""
    text = doc.user_data.get("khabar_text")
    if text is None:
        text = doc.user_data["khabar_text"] = doc.text
    return str(text)


def normalise(text: str) -> str:
    """Lower-case and pad punctuation with spaces for phrase matching."""
    out = []
    for ch in text.lower():
        out.append(f" {ch} " if ch in ",.;:!?()\"“”'’" else ch)
    return " ".join("".join(out).split())


PADDED_PUNCT = ",.;:!?()\"“”'’"  # the characters `normalise` pads with spaces


def _boundary(ch: str) -> bool:
    """True for a character that ends a word in `normalise`d text (whitespace or padded punctuation)."""
    return ch.isspace() or ch in PADDED_PUNCT


class PhraseFinder:
    """Named phrase lists matched with a `PhraseMatcher` (attr="LOWER").

    A match counts when the words stand alone in the sentence the way `normalise` sees them:
    bounded by whitespace, the sentence's edges or padded punctuation ("police's", "(police)"),
    never inside a hyphenated word ("police-led") and with only whitespace between its words.
    So `phrases(sent)["x"]` holds exactly the phrases of list "x" for which
    `f" {phrase} " in f" {normalise(sent.text)} "` holds (a phrase containing padded punctuation
    can never match and is left out). spaCy keeps extra whitespace ("opened  fire") as tokens the
    matcher cannot skip, so in a sentence with such a token the phrases of several words are
    looked up in its normalised text instead.
    """

    def __init__(self, nlp: Language, lists: dict[str, Iterable[str]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names = list(lists)
        self.multiword: dict[str, list[str]] = {name: [] for name in self.names}
        patterns: dict[str, list[Doc]] = {}
        for list_name, phrases in lists.items():
            for phrase in phrases:
                if not any(ch in PADDED_PUNCT for ch in phrase):
                    patterns.setdefault(f"{list_name}\t{phrase}", []).append(nlp.make_doc(phrase))
                    if " " in phrase:
                        self.multiword[list_name].append(phrase)
        for key, docs in patterns.items():
            self.matcher.add(key, docs)

    def phrases(self, sent: Span) -> dict[str, set[str]]:
        """For each list, the phrases that occur as whole words in the sentence."""
        found: dict[str, set[str]] = {name: set() for name in self.names}
        text = sent.text
        strings = sent.doc.vocab.strings
        for match_id, start, end in self.matcher(sent):
            span = sent.doc[start:end]
            lo, hi = span.start_char - sent.start_char, span.end_char - sent.start_char
            if (lo > 0 and not _boundary(text[lo - 1])) or (hi < len(text) and not _boundary(text[hi])):
                continue
            list_name, phrase = strings[match_id].split("\t", 1)
            if normalise(span.text) == phrase:
                found[list_name].add(phrase)
        if any(t.is_space for t in sent[1:-1]):  # only a space between words can break a phrase ("\n\n" ends one)
            padded = f" {normalise(text)} "
            for list_name, phrases in self.multiword.items():
                found[list_name].update(p for p in phrases if f" {p} " in padded)
        return found


def set_extension(obj: type[Doc] | type[Span], name: str) -> None:
    """Register a `._.name` extension (default None) once."""
    if not obj.has_extension(name):
        obj.set_extension(name, default=None)


def get_component(nlp: Language, name: str, kind: type[ComponentT]) -> ComponentT:
    """The pipeline's component `name` as its class (spaCy's `get_pipe` is typed as a plain callable)."""
    component = nlp.get_pipe(name)
    if not isinstance(component, kind):
        raise TypeError(f"pipeline component {name!r} is a {type(component).__name__}, not a {kind.__name__}")
    return component


# the publication time relative dates are resolved against; set by the extractor before the rules run
set_extension(Doc, "published")
