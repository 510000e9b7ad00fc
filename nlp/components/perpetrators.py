"""Perpetrators and claims: named militant groups and how the attack is attributed to them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.nlp.components.base import TextSpan, normalise
from spacy.tokens import Span

CLAIM_PHRASES = ("claimed responsibility", "claimed the attack", "claimed the", "claiming responsibility",
                 "accepted responsibility", "took responsibility", "owned the attack", "owned responsibility",
                 "claimed it", "has claimed", "have claimed", "in a statement claimed", "claimed that its",
                 "claimed to have", "claims responsibility", "claimed credit", "owned up")
NO_CLAIM = ("no group has claimed", "no one has claimed", "no group claimed", "no one claimed", "yet to claim",
            "not claimed", "no claim", "nobody has claimed", "no organisation has claimed", "no organization has claimed")
BLAME_PHRASES = ("blamed", "blame", "suspected", "suspect", "believed to be", "accused", "behind the attack",
                 "were behind", "was behind", "is behind", "involved in", "affiliated with", "belonging to",
                 "linked to", "linked with", "attributed", "hand of", "ispr", "police said", "officials said",
                 "according to police", "according to the ispr", "involvement", "the work of", "hallmarks of", "pointed to", "points to",
                 "hallmark of")
_NO_CLAIM = re.compile(r"\b(?:no|none|nobody|not)\b(?:\s+\w+){0,5}\s+(?:had\s+|has\s+|have\s+)?(?:yet\s+)?claim", re.I)
ATTACK_VERBS = {"attacked", "attack", "opened", "stormed", "ambushed", "fired", "planted", "targeted", "struck",
                "abducted", "kidnapped", "killed", "martyred", "carried", "hurled", "detonated", "hijacked", "blew"}


@dataclass(frozen=True)
class GroupMention:
    """A named militant group in a sentence with the sentence's attribution."""

    name: str
    mention: str
    attribution: str
    span: TextSpan


def sentence_attribution(sent: Span) -> str:
    """"claimed" / "blamed" / "unknown" for the way a sentence links a group to an attack."""
    text = f" {normalise(sent.text)} "
    if any(p in text for p in NO_CLAIM) or _NO_CLAIM.search(text):
        return "blamed" if any(f" {p} " in text for p in BLAME_PHRASES[:12]) else "unknown"
    if any(f" {p} " in text for p in CLAIM_PHRASES) or " claimed " in text:
        return "claimed"
    if any(f" {p} " in text for p in BLAME_PHRASES):
        return "blamed"
    return "unknown"


def _agent_of_attack(ent: Span) -> bool:
    """True when the group (or "<group> terrorists") is the subject of an attack verb."""
    head = ent.root
    for _ in range(3):
        if head.dep_ in ("nsubj", "agent") or (head.dep_ == "pobj" and head.head.lower_ == "by"):
            verb = head.head if head.dep_ != "pobj" else head.head.head
            return verb.lower_ in ATTACK_VERBS or verb.pos_ == "VERB"
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def find_groups(sent: Span, index: int = -1) -> list[GroupMention]:
    """MIL_GROUP entities of one sentence, with canonical names and attribution."""
    out = []
    attribution = sentence_attribution(sent)
    for ent in sent.ents:
        if ent.label_ != "MIL_GROUP":
            continue
        attr = attribution
        if attr == "unknown" and _agent_of_attack(ent):
            attr = "blamed"
        out.append(GroupMention(ent.ent_id_ or ent.text, ent.text, attr, TextSpan.from_span(ent, index)))
    return out


def has_claim(sent: Span) -> bool:
    """True when a sentence reports a claim of responsibility."""
    return sentence_attribution(sent) == "claimed"


def choose_perpetrator(mentions: list[GroupMention], claim_without_name: bool) -> GroupMention | None:
    """The frame's perpetrator: a claim beats a blame beats a bare mention."""
    if not mentions:
        return None
    rank = {"claimed": 0, "blamed": 1, "unknown": 2}
    best = sorted(mentions, key=lambda m: (rank[m.attribution], m.span.start))[0]
    names = {m.name for m in mentions}
    if best.attribution != "claimed" and claim_without_name and len(names) == 1:
        return GroupMention(best.name, best.mention, "claimed", best.span)
    return best
