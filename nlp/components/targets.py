"""Targets: who or what was attacked, mapped to the `TargetType` enum."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from khabar.nlp.components.base import SPEECH_VERBS, PhraseFinder, TextSpan, char_span, set_extension

TARGET_LEXICON: dict[str, str] = {
    # police
    "police": "police", "policeman": "police", "policemen": "police", "constable": "police", "constables": "police",
    "police station": "police", "police mobile": "police", "police van": "police", "cop": "police", "cops": "police",
    "police post": "police", "police officer": "police", "police officials": "police", "sho": "police",
    "sub-inspector": "police", "traffic police": "police", "ctd": "police", "dsp": "police", "police personnel": "police",
    "police checkpoint": "police", "police check post": "police", "police checkpost": "police",
    # security forces
    "soldier": "security_forces", "soldiers": "security_forces", "troops": "security_forces", "army": "security_forces",
    "fc": "security_forces", "frontier corps": "security_forces", "levies": "police",
    "checkpost": "security_forces", "check post": "security_forces", "checkpoint": "security_forces",
    "security forces": "security_forces", "security personnel": "security_forces", "military": "security_forces",
    "convoy": "security_forces", "cantonment": "security_forces", "camp": "security_forces", "jawans": "security_forces",
    "security post": "security_forces", "rangers": "security_forces", "sepoy": "security_forces", "major": "security_forces",
    "captain": "security_forces", "lieutenant": "security_forces", "military convoy": "security_forces",
    "air base": "security_forces", "naval base": "security_forces", "army personnel": "security_forces",
    # civilians
    "civilian": "civilians", "civilians": "civilians", "passers-by": "civilians", "shopkeeper": "civilians",
    "people": "civilians", "villagers": "civilians", "labourers": "civilians", "laborers": "civilians",
    "workers": "civilians", "market": "civilians", "bazaar": "civilians", "shop": "civilians", "house": "civilians",
    "residents": "civilians", "woman": "civilians", "women": "civilians", "children": "civilians", "child": "civilians",
    "farmers": "civilians", "traders": "civilians", "shepherd": "civilians", "family": "civilians",
    "journalist": "civilians", "person": "civilians", "informant": "civilians", "informer": "civilians", "doctor": "civilians", "tribal elder": "civilians", "hotel": "civilians",
    # government
    "government official": "government", "officials": "government", "deputy commissioner": "government",
    "assistant commissioner": "government", "government office": "government", "tehsildar": "government",
    "office": "government", "court": "government", "judge": "government", "polio": "government",
    "polio team": "civilians", "polio worker": "civilians", "polio workers": "civilians", "nadra": "government",
    "district administration": "government", "election office": "government", "customs": "government",
    # religious
    "mosque": "religious", "imambargah": "religious", "cleric": "religious", "church": "religious",
    "shrine": "religious", "temple": "religious", "madrassa": "religious", "seminary": "religious",
    "prayer leader": "religious", "worshippers": "religious", "pilgrims": "religious", "scholar": "religious",
    "religious scholar": "religious", "shia": "religious", "hazara": "religious", "ahmadi": "religious",
    "ahmadis": "religious", "sikh": "religious", "sikhs": "religious", "hindu": "religious", "hindus": "religious",
    "christian": "religious", "christians": "religious",  # a religious minority's members, singled out for it
    # political
    "rally": "political", "party worker": "political", "party workers": "political", "candidate": "political",
    "election rally": "political", "political leader": "political", "jui-f": "political", "pti": "political",
    "ppp": "political", "anp": "political", "pml-n": "political", "corner meeting": "political",
    "election campaign": "political", "mpa": "political", "mna": "political", "senator": "political",
    "political party": "political", "national party": "political", "balochistan national party": "political",
    "bnp": "political", "jamaat-e-islami": "political", "mqm": "political", "pml-q": "political", "party leader": "political", "convention": "political",
    # foreigners
    "chinese": "foreigners", "chinese nationals": "foreigners", "foreign tourists": "foreigners",
    "foreigners": "foreigners", "foreign nationals": "foreigners", "chinese engineers": "foreigners",
    "foreign": "foreigners", "tourists": "foreigners",
    # transport
    "bus": "transport", "train": "transport", "passenger van": "transport", "passenger": "transport",
    "passengers": "transport", "coach": "transport", "van": "transport", "jaffar express": "transport",
    "truck": "transport", "trucks": "transport", "vehicle": "transport", "oil tanker": "transport", "tanker": "transport",
    # education
    "school": "education", "teacher": "education", "student": "education", "students": "education",
    "teachers": "education", "college": "education", "university": "education", "schoolchildren": "education",
    "girls school": "education", "school van": "education",
    # infrastructure
    "gas pipeline": "infrastructure", "pipeline": "infrastructure", "pylon": "infrastructure", "pylons": "infrastructure",
    "tower": "infrastructure", "towers": "infrastructure", "railway track": "infrastructure", "bridge": "infrastructure",
    "transmission line": "infrastructure", "power line": "infrastructure", "mobile tower": "infrastructure",
    "grid station": "infrastructure", "telecom tower": "infrastructure", "railway line": "infrastructure",
    "track": "infrastructure", "gas line": "infrastructure", "machinery": "infrastructure",
    # militants
    "terrorists": "militants", "militants": "militants", "hideout": "militants", "hideouts": "militants",
    "khawarij": "militants", "insurgents": "militants", "terrorist hideout": "militants",
}
SPECIFIC_FIRST = ("foreigners", "religious", "education", "political", "infrastructure", "government", "transport",
                  "police", "security_forces", "civilians", "militants")


@dataclass(frozen=True)
class TargetMention:
    """A word naming a victim or target, with its enum value and a salience score."""

    target_type: str
    score: float
    span: TextSpan


def _role_score(sent: Span, span: TextSpan) -> float:
    """Higher when the word is the object/victim of the event, lower when it is an agent."""
    tokens = [t for t in sent if span.start <= t.idx < span.end]
    if not tokens:
        return 1.0
    head = tokens[-1]
    if head.dep_ in ("dobj", "nsubjpass", "pobj"):
        return 1.5
    if head.dep_ == "compound" and head.head.dep_ in ("dobj", "nsubjpass", "pobj"):
        return 1.4
    if head.dep_ == "nsubj":
        return 0.5
    return 1.0


def _speaker(sent: Span, span: TextSpan) -> bool:
    """The word is the subject of a verb of saying ("Pakistani police said", "officials told reporters") or the
    source after "according to"."""
    tokens = [t for t in sent if span.start <= t.idx < span.end]
    if not tokens:
        return False
    head = tokens[-1]
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
        return True
    return head.dep_ == "nsubj" and head.head.lower_ in SPEECH_VERBS


NEAR_TRIGGER = 2  # sentences either side of the trigger's where the victims are told
FORCE_TYPES = ("police", "security_forces")
CARRIER_TYPES = ("transport", "security_forces", "education")  # "FC vehicle", "police training school": whose it is


FACTORY = "khabar_targets"
DEFAULT_CONFIG: dict[str, Any] = {
    "lexicon": dict(TARGET_LEXICON),
    "force_types": list(FORCE_TYPES),
    "carrier_types": list(CARRIER_TYPES),
    "near_trigger_bonus": 1.0,
    "generic_penalty": {"civilians": 0.3},
}
set_extension(Span, "targets")
set_extension(Doc, "targets")


class TargetRules:
    """Pipeline component: every sentence's target words (`sent._.targets`, in text order), mapped to the
    `TargetType` enum by the config's lexicon; `doc._.targets` holds them all."""

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, str], force_types: list[str],
                 carrier_types: list[str], near_trigger_bonus: float, generic_penalty: dict[str, float]) -> None:
        self.name = name
        self.lexicon = dict(lexicon)
        self.by_length = sorted(self.lexicon, key=len, reverse=True)
        self.force_types = tuple(force_types)
        self.carrier_types = tuple(carrier_types)
        self.near_trigger_bonus = near_trigger_bonus
        self.generic_penalty = dict(generic_penalty)
        self.finder = PhraseFinder(nlp, {"target": self.lexicon})

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for index, sent in enumerate(doc.sents):
            sent._.targets = self.find(sent, index)
            found.extend(sent._.targets)
        doc._.targets = found
        return doc

    def find(self, sent: Span, index: int = -1) -> list[TargetMention]:
        """Target words of one sentence, longest phrases first (a phrase hides its parts)."""
        present = self.finder.phrases(sent)["target"]
        found: list[TargetMention] = []
        covered: list[tuple[int, int]] = []
        for phrase in self.by_length:
            if phrase not in present:
                continue
            span = char_span(sent, phrase, index)
            if span is None or any(s <= span.start < e or s < span.end <= e for s, e in covered):
                continue
            covered.append((span.start, span.end))
            if _speaker(sent, span):
                continue  # "..., police said": who tells the story, not whom it hit
            kind = self.lexicon[phrase]
            if kind == "transport" and _personal_vehicle(sent, span):
                continue  # "opened fire on his vehicle": the man in it was the target, not the road
            if kind in self.carrier_types:
                kind = self._owner_type(sent, span) or kind
            found.append(TargetMention(kind, _role_score(sent, span), span))
        return sorted(_drop_modifiers(sent, found), key=lambda m: m.span.start)

    def _owner_type(self, sent: Span, span: TextSpan) -> str | None:
        """"a Frontier Corps vehicle", "vehicle of the police": the force a vehicle or convoy belongs to."""
        tokens = [t for t in sent if span.start <= t.idx < span.end]
        if not tokens:
            return None
        head = tokens[-1]
        owners = [c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tokens[0].i]
        owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for owner in owners:
            words = " ".join(t.lower_ for t in owner.subtree if t.dep_ != "det")
            kind = self.lexicon.get(words) or self.lexicon.get(owner.lower_)
            if kind in self.force_types:
                return kind
        return None

    def choose(self, mentions: list[TargetMention], event_type: str, trigger_sent: int | None,
               lede_sent: int | None = None) -> TargetMention | None:
        """`choose_target` with this component's weights."""
        return choose_target(mentions, event_type, trigger_sent, self.near_trigger_bonus, self.generic_penalty, lede_sent)


PERSONAL_POSSESSIVES = frozenset({"his", "her", "their"})


def _personal_vehicle(sent: Span, span: TextSpan) -> bool:
    """A vehicle named as someone's own ("his vehicle", "their car"): it carried the person singled out."""
    tokens = [t for t in sent if span.start <= t.idx < span.end]
    return bool(tokens) and any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in tokens[-1].children)


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_targets(nlp: Language, name: str, lexicon: dict[str, str], force_types: list[str], carrier_types: list[str],
                 near_trigger_bonus: float, generic_penalty: dict[str, float]) -> TargetRules:
    """The target component."""
    return TargetRules(nlp, name, lexicon, force_types, carrier_types, near_trigger_bonus, generic_penalty)


_DEFAULT_RULES: dict[int, tuple[Vocab, TargetRules]] = {}


def default_rules(vocab: Vocab) -> TargetRules:
    """The component with its default config, for callers that hold a sentence but no pipeline."""
    if id(vocab) not in _DEFAULT_RULES:
        _DEFAULT_RULES[id(vocab)] = (vocab, TargetRules(spacy.blank("en", vocab=vocab), FACTORY, **DEFAULT_CONFIG))
    return _DEFAULT_RULES[id(vocab)][1]


def find_targets(sent: Span, index: int = -1) -> list[TargetMention]:
    """Target words of one sentence with the default config."""
    return default_rules(sent.vocab).find(sent, index)


def _drop_modifiers(sent: Span, found: list[TargetMention]) -> list[TargetMention]:
    """"an army informant": a target word modifying another target word gives way to its head."""
    last = {id(m): max((t for t in sent if m.span.start <= t.idx < m.span.end), key=lambda t: t.i, default=None)
            for m in found}
    heads = {tok.i for tok in last.values() if tok is not None}

    def modifier(m: TargetMention) -> bool:
        tok = last[id(m)]
        return tok is not None and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i in heads
    return [m for m in found if not modifier(m)]


def choose_target(mentions: list[TargetMention], event_type: str, trigger_sent: int | None,
                  near_trigger_bonus: float = 1.0, generic_penalty: dict[str, float] | None = None,
                  lede_sent: int | None = None) -> TargetMention | None:
    """The frame's target: militants for operations, else the most salient victim near the trigger or in the lede."""
    if event_type == "security_operation":
        militant = [m for m in mentions if m.target_type == "militants"]
        return militant[0] if militant else None
    pool = [m for m in mentions if m.target_type != "militants"]
    if not pool:
        return None
    if trigger_sent is not None:
        # the victims are told beside the attack; a word far from it ("ordered the police to arrest the killers") is not
        pool = [m for m in pool if abs(m.span.sent_index - trigger_sent) <= NEAR_TRIGGER or m.span.sent_index == lede_sent]
        if not pool:
            return None
    penalties = {"civilians": 0.3} if generic_penalty is None else generic_penalty

    def rank(m: TargetMention) -> tuple[float, int]:
        near = near_trigger_bonus if trigger_sent is not None and m.span.sent_index == trigger_sent else 0.0
        generic = penalties.get(m.target_type, 0.0)
        return (-(m.score + near - generic), m.span.start)

    return sorted(pool, key=rank)[0]
