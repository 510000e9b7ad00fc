"""Shared small records and helpers for the components."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token


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


def normalise(text: str) -> str:
    """Lower-case and pad punctuation with spaces for phrase matching."""
    out = []
    for ch in text.lower():
        out.append(f" {ch} " if ch in ",.;:!?()\"“”'’" else ch)
    return " ".join("".join(out).split())
