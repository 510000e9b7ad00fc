"""Perpetrators and claims: named militant groups and how the attack is attributed to them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from khabar.nlp.components.base import (
    INCIDENT_NOUN,
    PhraseFinder,
    TextSpan,
    doc_text,
    in_timed_clause,
    normalise,
    sentence_ents,
    set_extension,
)
from khabar.nlp.components.casualties import ATTACKER_NOUNS
from khabar.nlp.gazetteer import load_gazetteer

# the state's agencies: their "claims" are of their own actions ("the police claimed to have killed three attackers")
STATE_SUBJECTS = frozenset({"forces", "troops", "police", "army", "fc", "ctd", "soldiers", "military", "levies",
                            "rangers", "policemen", "personnel", "officials"})  # the state as the one acting
STATE_CLAIMANTS = STATE_SUBJECTS | {"ispr", "government", "authorities", "officers"}
CLAIM_PHRASES = ("claimed responsibility", "claim of responsibility", "claimed by", "responsibility was claimed", "claimed the attack", "claimed the", "claiming the", "claiming responsibility",
                 "accepted responsibility", "took responsibility", "owned the attack", "owned responsibility",
                 # (translated copy keeps the article: "has accepted the responsibility of the attack")
                 "accepted the responsibility", "took the responsibility", "owned the responsibility",
                 "claimed it", "claiming the attack", "has claimed", "have claimed", "in a statement claimed", "claimed that its",
                 "claimed to have", "claims responsibility", "claimed credit", "owned up")
NO_CLAIM = ("no group has claimed", "no one has claimed", "no group claimed", "no one claimed", "yet to claim",
            "not claimed", "no claim", "nobody has claimed", "no organisation has claimed", "no organization has claimed")
# blame words: a group blamed even where no claim was made ("no claim, and police point to the HGB")
BLAME_PHRASES = ("blamed", "blame", "suspected", "suspect", "believed to be", "accused", "behind the attack",
                 "were behind", "was behind", "is behind", "are behind", "behind this", "involved in", "is involved", "was involved", "were involved",
                 "are involved", "been involved", "affiliated with", "attributed", "the work of",
                 "hallmarks of", "hallmark of", "pointed to", "points to", "point to", "pointing to",
                 "point towards", "points towards", "pointed towards", "pointing towards", "were responsible",
                 "was responsible", "planned by", "masterminded", "orchestrated by", "plotted by")
# a group's link to the attackers, as sources put it: blame only where nothing else is said
SOURCE_PHRASES = ("belonging to", "belonged to", "belong to", "belongs to", "linked to", "linked with", "hand of",
                  "involvement", "associated with", "affiliated to", "as members of", "as a member of")
# "claimed that its fighters do not target polio teams": an assertion, not a claim of the attack
CLAIMED_THAT = re.compile(r"\bclaim(?:ed|s|ing)?\s+that\b", re.IGNORECASE)
# "the TTP denied involvement", "distanced itself from the attack": the group named is not the perpetrator
DENIAL = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:denied|denies|deny|denying|rejected|disowned|distanced (?:itself|themselves))\b"
                    r"(?:\s+\w+){0,3}?\s*(?:involvement|responsibility|role|any hand|the attack|the claim|from)"
                    # "denied that the group was involved"
                    r"|\b(?:denied|denies|deny|denying)\s+that\s+(?:\w+\s+){1,3}?(?:was|were|is|are|had\s+been)\s+involved\b"
                    # "denied in a statement that the group had any involvement in the bombing"
                    r"|\b(?:denied|denies|deny|denying)\b[^.;]{0,60}?\b(?:had|has|have)\s+any\s+(?:involvement|role|hand|connection|links?)\b"
                    # "said the group had no connection with the attack", 'had "no link" with it', "had no involvement and ...", "was not
                    # involved in it"
                    r"|\b(?:had|has|have)\s+(?:[\"“‘']\s*)?no\s+(?:connection|links?|hand|role|involvement|part)(?:\s*[\"”’'])?(?:\s+(?:with|to|in)\b|\s*(?:,|\.|and\b))"
                    r"|\b(?:was|were|is|are)\s+not\s+involved\b"
                    # "said they had nothing to do with the blast", "was not behind the attack"
                    r"|\b(?:had|has|have)\s+nothing\s+to\s+do\s+with\b|\b(?:was|were|is|are)\s+not\s+behind\b", re.I)
# "claimed hundreds of lives", "has claimed many previous attacks", "have claimed some attacks on polio teams in the
# past": not a claim of this attack
NOT_THIS_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?(?:lives|life)\b"
                            r"|\bclaim(?:ed|s|ing)?\s+(?:\w+\s+){0,2}?(?:previous|past|earlier|many|several|numerous|most|dozens|similar|number|series|string|some|such)\b"
                            r"|\bclaim(?:ed|s)?\b[^.;]{0,60}?\b(?:in the past|over the years)\b"
                            r"|\b(?:in the past|over the years)\s+(?:\w+\s+){0,2}?claim(?:ed|s)?\b", re.I)
# "claimed responsibility for those attacks respectively", "for the earlier bombing": a claim of other incidents
OTHER_INCIDENTS = re.compile(r"\b(?:for|of)\s+(?:those|(?:that|the)\s+(?:earlier|previous|first))\s+(?:[\w-]+\s+)?"
                             r"(?:attacks?|bombings?|blasts?|killings?|ambush(?:es)?|raids?|explosions?)\b", re.I)
GROUP_CLAIM_AFTER = re.compile(r"^(?:['’]s)?\s+claim\b(?!\s+(?:that|to)\b)", re.I)  # "TTP claim", "the BLA's claim"
# "the TTP said in a statement that its fighters carried out the raid": a claim in other words
CLAIM_BY_STATEMENT = re.compile(r"\b(?:said|says|stated|announced|told)\b(?:(?:\s+\S+){0,8}?|[^.;]{0,120}?\bthat)\s+(?:its|their|his)\s+"
                                r"(?:(?!and\b|or\b|,|when\b|while\b|as\b|after\b|before\b)\S+\s+){0,3}?"
                                r"(?:fighters|men|members|militants|cadres|mujahideen|suicide bombers?|bombers?|commandos|unit)\b"
                                # (not "the community says its members have been killed": its people the victims)
                                r"(?!\s+(?:(?:have|has|had)\s+been|were|was|are|is)\s+(?:being\s+)?(?:killed|martyred|shot|"
                                r"injured|wounded|targeted|attacked|abducted|kidnapped|threatened|harassed)\b)", re.I)
# "the SRA said it had carried out the attack" (a group's own words; the state "said it had conducted operations")
CLAIM_BY_OWN_WORDS = re.compile(r"\b(?:said|says|stated|announced)(?:(?:\s+(?:in|a|an|its|their|the|statement|message|"
                                r"video|post|on|social|media|telegram))*|[^.;]{0,80}?\bthat)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?"
                                r"(?:carried out|was behind|were behind|targeted|attacked|struck|planted|detonated|ambushed|stormed)\b"
                                # "said in a statement that the attack had been carried out by its Majeed Brigade"
                                r"|\b(?:said|says|stated|announced)\b[^.;]{0,80}?\b(?:carried out|conducted|executed|staged|mounted)"
                                r"\s+by\s+(?:its|their)\s", re.I)
_NO_CLAIM = re.compile(r"\b(?:no|none|nobody|not|neither)\b(?:\s+\w+){0,5}\s+(?:had\s+|has\s+|have\s+)?(?:yet\s+)?"
                       r"(?:claim|owned|(?:accepted|taken|took)\s+(?:the\s+)?responsibility)"
                       # "none of the armed groups active there, including the BLA and the BLF, had claimed"
                       r"|\bnone of\b[^.;]{0,150}?\b(?:had|has|have)\s+(?:yet\s+)?(?:claimed|owned)\b", re.I)
ATTACK_VERBS = {"attacked", "attack", "attacks", "opened", "stormed", "ambushed", "fired", "planted", "targeted", "struck",
                "abducted", "kidnapped", "killed", "martyred", "carried", "hurled", "detonated", "hijacked", "blew",
                "shot", "gunned", "launched", "lobbed", "rammed", "exploded", "bombed", "raided", "torched", "set",
                "abduct", "kill", "kills", "attacking", "firing", "blown", "destroyed", "damaged", "seized", "took"}


CLAIMANT_SLACK = 4  # groups this many tokens further from the claim word than the nearest are not its makers

# State-blame labels: the state's names for its enemies, not the name of a group that acted.
STATE_BLAME_LABEL = re.compile(r"\bkh\w{0,3}ri[jz]|hindustan", re.I)  # khawarij, khwarij, khariji; Fitna al-Hindustan
# "the name the state uses for", "the government's term for", "the name given by the government to": a report
# explaining whom the state's label means
LABEL_EXPLAINED = re.compile(r"\b(?:name|term|label|word|designation|euphemism)\b[^.;]{0,60}?"
                             r"\b(?:for|refers to|means|(?:given|applied)\b[^.;]{0,40}?\bto)\b", re.I)
AFGHAN_TALIBAN = "Taliban (Afghanistan)"
PAKISTANI_TALIBAN = "Tehrik-i-Taliban Pakistan"
# "Taliban" means the Afghan Taliban when the sentence puts the actors in Afghanistan or across the border.
AFGHAN_CONTEXT = re.compile(r"\bafghan (?:taliban|forces|troops|border forces|border police|soldiers|side|government|regime|posts)\b"
                            r"|\bacross the border\b|\bcross-border\b|\bislamic emirate\b|\bkabul\b|\bfrom afghanistan\b"
                            r"|\bdurand line\b", re.I)
# "Taliban border forces", "the Taliban government", "the Taliban's embassy": the Taliban as a state, Afghanistan's
TALIBAN_STATE = re.compile(r"^(?:['’]s)?\s+(?:border\s+)?(?:forces|troops|soldiers|guards|government|regime|authorities|"
                           r"administration|rulers|embassy|governor|ministry|minister|officials|posts|artillery)\b", re.I)


def explains_state_label(text: str) -> bool:
    """"khwarij, the state's designation for the TTP": a sentence that says whom the state's label means."""
    return bool(STATE_BLAME_LABEL.search(text) and LABEL_EXPLAINED.search(text))


# what a group's man may own or run ("the house belonged to the family of the JuD's chief"): property, not people
PROPERTY_NOUNS = frozenset({"house", "home", "residence", "vehicle", "car", "motorcycle", "land", "shop", "property",
                            "building", "compound", "plot", "farmhouse", "office", "hotel", "school", "seminary",
                            "madrassa", "madrasa", "mosque", "truck", "van"})


def _a_thing_belongs(sent: Span) -> bool:
    """What "belonged to" ties to the group is a thing, not a person ("the house belonged to the family of the chief of
    the JuD"): whose property, not who acted."""
    for verb in (t for t in sent if t.lower_.startswith("belong")):
        owner = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if owner is not None and (owner.lower_ in PROPERTY_NOUNS or owner.lower_.removesuffix("s") in PROPERTY_NOUNS):
            return True
    return False


def _group_says_it_did(sent: Span) -> bool:
    """A group names itself the attacker in its own words ("the Sindhudesh Revolutionary Army said it had carried
    out the attack"): a group is named before the words."""
    found = CLAIM_BY_OWN_WORDS.search(sent.text)
    if found is not None and any(e.label_ == "MIL_GROUP" and e.end_char - sent.start_char <= found.start()
                                 for e in sentence_ents(sent)):
        return True
    return any(e.label_ == "MIL_GROUP" and _its_own_did(e) for e in sentence_ents(sent))


GROUP_NOUNS = frozenset({"group", "outfit", "organisation", "organization"})  # "the banned organisation", "the group"


def group_noun_subject(sent: Span) -> Token | None:
    """The sentence's subject when it is a definite group noun ("the banned organisation", "the outfit", "the group"):
    a group the report named before, referred back to."""
    return next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in GROUP_NOUNS
                 and any(c.lower_ in ("the", "this", "that") for c in t.children)), None)


def _claimant_says_it_did(sent: Span) -> bool:
    """"The group also said it had planted the bomb that struck a convoy": a group noun, not a name, says it did it
    (after a claim the report has told: the claimant again)."""
    found = CLAIM_BY_OWN_WORDS.search(sent.text)
    subject = group_noun_subject(sent) if found is not None else None
    return found is not None and subject is not None and subject.idx - sent.start_char < found.start()


OWN_UNITS = frozenset({"its", "their"})
NOT_DONE = frozenset({"not", "never", "would", "will", "could", "may", "might"})


def _its_own_did(ent: Span) -> bool:
    """The group says that it or its own men did something ("The BLA said its Fateh Squad had set up a checkpoint",
    "the TTP said its fighters had killed the officer"), not what it will do or did not do; a government's account of
    its troops ("the Taliban government said its troops had only responded") is no claim."""
    if group_name(ent) == AFGHAN_TALIBAN:
        return False
    node = ent.root
    while node.dep_ in ("compound", "poss") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "nsubj" or node.head.lower_ not in ("said", "says", "stated", "announced") or any(
            c.dep_ == "neg" for c in node.head.children):
        return False  # (not "the TTP has not said who it believes killed him")
    for clause in (c for c in node.head.children if c.dep_ == "ccomp"):
        if clause.pos_ != "VERB" or any(c.lower_ in NOT_DONE for c in clause.children if c.dep_ in ("neg", "aux")):
            continue  # ("said it was ready for talks", "said its fighters would not stop")
        words = ent.doc[clause.left_edge.i : clause.right_edge.i + 1].text
        if DENIAL.search(words):
            continue  # ("said they had no part in it": a denial)
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        # (its own men however the subject names them: "a suicide bomber from its Majeed Brigade")
        if any(x.lower_ in ("it", "they") or any(p.dep_ == "poss" and p.lower_ in OWN_UNITS for p in x.subtree)
               for x in subjects):
            return True
    return False


SPLIT_VERBS = frozenset({"broke", "broken", "split", "splintered", "separated", "defected", "emerged", "breaking",
                         "splitting"})


def _split_from(ent: Span) -> bool:
    """The group is what another broke away from, in a clause describing that other ("a faction that broke away from
    the Pakistani Taliban", "Hizbul Ahrar, which split from Jamaat-ul-Ahrar")."""
    node = ent.root
    while node.dep_ in ("compound", "amod") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ != "from":
        return False
    verb = node.head.head
    while verb.dep_ in ("prt", "advmod") and verb.head.i != verb.i:  # "broke away from"
        verb = verb.head
    return verb.dep_ in ("relcl", "acl") and verb.lower_ in SPLIT_VERBS


DENYING_VERBS = frozenset({"denied", "denies", "deny", "denying", "rejected", "rejects", "disowned", "disowns"})
NAMING_VERBS = frozenset({"calling", "called", "named", "styling", "styled", "known"})


def _named_by(node: Token) -> Token | None:
    """The noun a name is given to ("a faction calling itself X", "a group called X", "a little-known outfit known as
    X"): the name's head through the naming participle."""
    verb = node.head.head if node.dep_ == "pobj" and node.head.lower_ == "as" else node.head
    if node.dep_ not in ("oprd", "attr", "dobj", "pobj") or verb.lower_ not in NAMING_VERBS or verb.dep_ != "acl":
        return None
    return verb.head


def _claim_subject(ent: Span) -> bool:
    """The group heads the subject or the agent of a claim verb (through its own noun phrase: "the Islamic
    State's regional branch", "a commander of Jamaat-ul-Ahrar"), or of a verb conjoined with one ("had been
    formed ... and had also claimed")."""
    node = ent.root
    for _ in range(6):  # "A commander of Jamaat-ul-Ahrar, a faction of the TTP, claimed"
        if node.dep_ in ("compound", "poss", "amod", "nmod", "appos") and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("of", "for") and node.head.head.pos_ in ("NOUN", "PROPN"):
            node = node.head.head
        elif (named := _named_by(node)) is not None:
            node = named  # "A faction calling itself Tehreek-e-Jihad Pakistan claimed": the noun the name is given to
        else:
            break
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        verb = node.head.head
    elif node.dep_ in ("nsubj", "nsubjpass"):
        verb = node.head
    else:
        return False
    if verb.lower_ in DENYING_VERBS:
        return False  # "X claimed responsibility, but a spokesman of Y denied it": Y's own verb is the denial
    return any(v.lower_.startswith("claim") for v in (verb, *verb.conjuncts))


@lru_cache(maxsize=1)
def _report_as() -> dict[str, str]:
    """Faction → parent label to report (`report_as` in groups.json: Majeed Brigade → BLA)."""
    return {g["canonical_name"]: g["report_as"] for g in load_gazetteer().groups() if g.get("report_as")}


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    """Group → its parent when groups.json names exactly another known group as parent."""
    groups = load_gazetteer().groups()
    known = {g["canonical_name"] for g in groups}
    return {g["canonical_name"]: g["parent_or_umbrella"] for g in groups if g.get("parent_or_umbrella") in known}


def _lede(doc: Doc) -> str:
    """The report's first two sentences (the lede that sets who the actors are)."""
    text = doc.user_data.get("khabar_lede")
    if text is None:
        text = doc.user_data["khabar_lede"] = " ".join(sent.text for _, sent in zip(range(2), doc.sents, strict=False))
    return str(text)


def group_name(ent: Span) -> str | None:
    """The group to report for a MIL_GROUP entity: None for a state-blame label, the Afghan
    Taliban for a bare "Taliban" in an Afghan/cross-border sentence or as a state ("Taliban border forces"),
    a faction's parent."""
    mention = " ".join(ent.text.lower().split())
    if STATE_BLAME_LABEL.search(mention):
        return None
    name = ent.ent_id_ or ent.text
    # (a lede that puts the actors in Afghanistan, "Afghan forces opened fire ...", does not make a claim of
    # responsibility theirs: "The Taliban claimed responsibility for the attack" on a police station is the TTP's)
    if mention in ("taliban", "the taliban") and (
            AFGHAN_CONTEXT.search(ent.sent.text) or (AFGHAN_CONTEXT.search(_lede(ent.doc)) and not _claim_subject(ent))
            or TALIBAN_STATE.match(doc_text(ent.doc)[ent.end_char : ent.end_char + 40])):
        return AFGHAN_TALIBAN
    return _report_as().get(name, name)


OWN_SIDE = frozenset({"it", "they", "we", "its", "their", "our"})
OTHER_FORCES = frozenset({"forces", "troops", "army", "side"})


def _in_description(ent: Span) -> bool:
    """A group named inside a relative clause that claims nothing ("an alliance whose members include the BLA"):
    a description of another subject."""
    clause = next((a for a in ent.root.ancestors if a.dep_ == "relcl"), None)
    return clause is not None and not any(t.lower_.startswith("claim") or t.lower_ == "responsibility"
                                          for t in clause.subtree)


def _asserts_of_others(sent: Span) -> bool:
    """Every "claimed that ..." of the sentence says what the other side's forces did ("claimed that Pakistani forces
    had fired first"), not what the claimant's own fighters did ("claimed that its fighters had attacked the post")."""
    found = False
    for verb in (t for t in sent if t.lower_ in ("claimed", "claims", "claim") and t.pos_ == "VERB"):
        said = [c for c in verb.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)]
        if not said:
            return False
        for clause in said:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)  # (not "soldiers were killed")
            if subject is None or subject.lower_ in OWN_SIDE or any(c.lower_ in OWN_SIDE for c in subject.children):
                return False
            # (the other side's forces: "Pakistani forces had fired first", "the army started the firing")
            if not any(t.ent_type_ == "SEC_ACTOR" or t.lower_ in OTHER_FORCES for t in subject.subtree):
                return False
        found = True
    return found


@dataclass(frozen=True)
class GroupMention:
    """A named militant group in a sentence with the sentence's attribution."""

    name: str
    mention: str
    attribution: str
    span: TextSpan


FACTORY = "khabar_perpetrators"
DEFAULT_CONFIG: dict[str, Any] = {
    "claim_phrases": [*CLAIM_PHRASES, "claimed"],
    "no_claim": list(NO_CLAIM),
    "blame_phrases": list(BLAME_PHRASES),
    # the group's involvement ("belonging to", "the work of"); who says so ("police said", "the ISPR") is no
    # attribution by itself: a group the sentence only names in passing stays unattributed
    "source_phrases": list(SOURCE_PHRASES),
    "attack_verbs": sorted(ATTACK_VERBS),
}
set_extension(Span, "groups")
set_extension(Span, "claim")
set_extension(Doc, "groups")


class PerpetratorRules:
    """Pipeline component: every sentence's named militant groups with their attribution (`sent._.groups`) and
    whether it reports a claim of responsibility (`sent._.claim`); `doc._.groups` holds them all."""

    def __init__(self, nlp: Language, name: str, claim_phrases: list[str], no_claim: list[str],
                 blame_phrases: list[str], source_phrases: list[str], attack_verbs: list[str]) -> None:
        self.name = name
        self.no_claim = tuple(no_claim)
        self.attack_verbs = frozenset(attack_verbs)
        self.finder = PhraseFinder(nlp, {"claim": claim_phrases, "blame": blame_phrases, "source": source_phrases})

    def __call__(self, doc: Doc) -> Doc:
        found: list[GroupMention] = []
        for index, sent in enumerate(doc.sents):
            attribution = self.attribution(sent)
            if attribution == "unknown" and any(g.attribution == "claimed" for g in found) and _claimant_says_it_did(sent):
                attribution = "claimed"  # "The group also said it had planted the bomb": the claimant named before
            claim_words = [t for t in sent if t.lower_.startswith("claim") or t.lower_ == "responsibility"]
            if claim_words and all(in_timed_clause(t) for t in claim_words):
                attribution = "unknown"  # "..., hours after gunmen shot two traders in an attack claimed by the IS"
            sent._.claim = attribution == "claimed"
            # ("Some analysts suspect the regional branch of the Islamic State": a guess, no official's blame)
            guessed = attribution == "blamed" and _commentators_suspect(sent)
            sent._.groups = [] if guessed else self._groups(sent, index, attribution)
            found.extend(sent._.groups)
        doc._.groups = found
        return doc

    def attribution(self, sent: Span) -> str:
        """"claimed" / "blamed" / "denied" / "unknown" for the way a sentence links a group to an attack."""
        phrases = self.finder.phrases(sent)
        text = f" {normalise(sent.text)} "
        if DENIAL.search(text) and (not phrases["claim"] or ("responsib" not in text and CLAIMED_THAT.search(text))):
            # "the TTP denied involvement": no blame (the denying group itself is marked in `_groups`); "denied any
            # involvement and claimed that its fighters do not target polio teams": the claim is an assertion
            return "unknown"
        if says_no_claim(text, self.no_claim):  # "no group has claimed", "yet to claim"
            return "blamed" if phrases["blame"] else "unknown"
        if NO_SUSPECT_NAMED.search(text):
            return "unknown"  # "the TTP and the HGB operate in the district, but officials did not say whom they suspected"
        # a claim of other incidents ("Police suspect the BLF, which has claimed similar killings"): any blame is this one's
        if phrases["claim"] and (OTHER_INCIDENTS.search(text) or (
                NOT_THIS_CLAIM.search(text) and "responsib" not in text and not CLAIM_BY_STATEMENT.search(text))):
            if _group_says_it_did(sent) and not _state_claim(sent):
                return "claimed"  # "the TJP, a group that has claimed several attacks this year, said it was behind the assault"
            return "blamed" if phrases["blame"] else "unknown"
        if phrases["claim"] and "responsib" not in text and _asserts_of_others(sent):
            return "unknown"  # "the Afghan ministry claimed that Pakistani forces had fired first": a dispute
        if (phrases["claim"] or _group_statement(sent) or _group_claim_noun(sent) or _group_says_it_did(sent)
                or _claim_field(sent)) and (
                not _state_claim(sent)):
            return "claimed"
        if phrases["blame"] or {p for p in phrases["source"] if not (p.startswith("belong") and _a_thing_belongs(sent))}:
            return "blamed"
        if explains_state_label(text):
            return "blamed"  # "The ISPR called them khwarij, the name the state uses for fighters of the TTP"
        return "unknown"

    def find(self, sent: Span, index: int = -1) -> list[GroupMention]:
        """MIL_GROUP entities of one sentence, with canonical names and attribution."""
        return self._groups(sent, index, self.attribution(sent))

    def _groups(self, sent: Span, index: int, attribution: str) -> list[GroupMention]:
        out = []
        claimants = self._claimants(sent) if attribution == "claimed" else None
        for ent in sentence_ents(sent):
            if ent.label_ != "MIL_GROUP":
                continue
            name = group_name(ent)
            if name is None or in_timed_clause(ent.root):
                continue  # (", hours after gunmen shot two traders in an attack claimed by the IS": another incident's)
            attr = attribution
            if claimants is not None and ent.start not in claimants:
                attr = "unknown"  # "a cleric with ties to the Taliban government, in a killing claimed by the IS"
            if _split_from(ent):
                attr = "unknown"  # "a faction that broke away from the Pakistani Taliban said it was behind ...": the parent
            after = doc_text(sent.doc)[ent.end_char : min(ent.end_char + 80, sent.end_char)]
            if DENIAL.match(after.lstrip(" ,)")) or _says_it_had_no_part(after):
                attr = "denied"  # "the main TTP denied any role", even beside another group's claim
            elif attr == "unknown" and (self._agent_of_attack(ent) or _attackers_were_members(ent) or _linked_to(ent)):
                # "TTP terrorists attacked the post, the ISPR said", "the kidnappers were members of the TTP",
                # "investigators had linked the attack to a group of the banned TTP"
                attr = "blamed"
            out.append(GroupMention(name, ent.text, attr, TextSpan.from_span(ent, index)))
        return out

    @staticmethod
    def _claimants(sent: Span, slack: int = CLAIMANT_SLACK) -> set[int]:
        """Where the groups that make a sentence's claim start: with several groups named, the subject or agent
        of the claim ("Jamaat-ul-Ahrar, a faction of the TTP, claimed", "a killing claimed by the Islamic State's
        branch"), else those nearest the claim word; the others are context. With one group, that one."""
        names = {e: name for e in sentence_ents(sent) if e.label_ == "MIL_GROUP" and (name := group_name(e)) is not None}
        ents = list(names)
        if len(set(names.values())) < 2:
            return {e.start for e in ents}
        # (not the groups a relative clause names to describe another: "BRAS, an umbrella organisation whose members
        # include the BLA and the BLF, said its fighters had carried out the attack")
        outside = [e for e in ents if not _in_description(e)]
        if outside and len(outside) < len(ents):
            ents = outside
            if len({names[e] for e in ents}) < 2:
                return {e.start for e in ents}
        # the subject of the claim verb, or the group that says it did it ("Hizbul Ahrar, which split from
        # Jamaat-ul-Ahrar, said it had targeted the police")
        subjects = {e.start for e in ents if _claim_subject(e)} or {e.start for e in ents if _its_own_did(e)}
        if subjects:
            return subjects
        # "Jamaat-ul-Ahrar, a faction of the Pakistani Taliban, whose commander claimed the bombing": named beside its
        # parent, the faction is the one the claim is about
        factions = {e.start for e in ents if _parents().get(names[e]) in names.values()}
        if factions:
            return factions
        claims = [t.i for t in sent if t.lower_.startswith("claim") or t.lower_ == "responsibility"]
        if not claims:
            return {e.start for e in ents}
        distance = {e.start: min(min(abs(c - e.start), abs(c - (e.end - 1))) for c in claims) for e in ents}
        nearest = min(distance.values())
        return {start for start, d in distance.items() if d <= nearest + slack}

    def _agent_of_attack(self, ent: Span) -> bool:
        """True when the group (or "<group> terrorists") is the subject of an attack verb."""
        head = ent.root
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head  # "carried out by khwarij of a local group of the banned TTP": the group's men
        for _ in range(3):
            if head.dep_ in ("nsubj", "agent") or (head.dep_ == "pobj" and head.head.lower_ == "by"):
                verb = head.head if head.dep_ != "pobj" else head.head.head
                if verb.lower_ in ("took", "seized"):  # "took hostages", not "took control of the valley"
                    return any(t.lower_ in ("hostage", "hostages", "captive") for t in verb.subtree)
                if any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children) and any(
                        c.dep_ == "dobj" and c.tag_ == "NNS" for c in verb.children):
                    return False  # "the Pakistani Taliban have both carried out attacks on security forces": a record
                # "Afghan Taliban forces had begun firing heavy weapons": the attack verb completes the subject's verb
                return verb.lower_ in self.attack_verbs or any(
                    c.dep_ == "xcomp" and c.lower_ in self.attack_verbs for c in verb.children)
            if head.head.i == head.i:
                return False
            head = head.head
        return False


LINK_VERBS = frozenset({"linked", "traced", "tied", "connected"})


def _linked_to(ent: Span) -> bool:
    """The group is what an incident was linked or traced to ("linked the attack to a group of the banned TTP",
    "traced the blast to the BLA"): the investigators' blame."""
    for node in ent.root.ancestors:
        if node.lower_ == "to" and node.dep_ == "prep" and node.head.lower_ in LINK_VERBS:
            return any(c.dep_ in ("dobj", "nsubjpass") and INCIDENT_NOUN.fullmatch(c.lower_) for c in node.head.children)
    return False


# the subject of "These are TTP militants" points back to the attackers the report told of
POINTING_BACK = frozenset({"these", "they", "those"})
MEMBER_NOUNS = ("members", "member", "militants", "fighters", "cadres", "operatives", "activists", "terrorists")


def _attackers_were_members(ent: Span) -> bool:
    """"the kidnappers were members of the proscribed TTP", "These are TTP militants" (an official on the attackers):
    the attackers named as the group's men."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in MEMBER_NOUNS:
        member = head.head
    elif ent.root.dep_ in ("compound", "nmod", "amod") and head.lower_ in MEMBER_NOUNS:
        member = head
    elif ent.root.lower_ in MEMBER_NOUNS:
        member = ent.root  # the name with its men: "TTP militants"
    else:
        return False
    if member.dep_ == "pobj" and member.head.lower_ == "as" and member.head.head.lower_ in IDENTIFYING_VERBS:
        # "two attackers, whom they identified as TTP members, were killed", "police identified the attackers as TTP men"
        verb = member.head.head
        return ((verb.dep_ == "relcl" and verb.head.lower_ in ATTACKER_NOUNS)
                or any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ATTACKER_NOUNS | POINTING_BACK for c in verb.children))
    if member.dep_ != "attr":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ATTACKER_NOUNS | POINTING_BACK for c in member.head.children)


IDENTIFYING_VERBS = frozenset({"identified", "described", "named", "termed", "called"})


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_perpetrators(nlp: Language, name: str, claim_phrases: list[str], no_claim: list[str],
                      blame_phrases: list[str], source_phrases: list[str], attack_verbs: list[str]) -> PerpetratorRules:
    """The perpetrator component."""
    return PerpetratorRules(nlp, name, claim_phrases, no_claim, blame_phrases, source_phrases, attack_verbs)


_DEFAULT_RULES: dict[int, tuple[Vocab, PerpetratorRules]] = {}


def default_rules(vocab: Vocab) -> PerpetratorRules:
    """The component with its default config, for callers that hold a sentence but no pipeline."""
    if id(vocab) not in _DEFAULT_RULES:
        _DEFAULT_RULES[id(vocab)] = (vocab, PerpetratorRules(spacy.blank("en", vocab=vocab), FACTORY, **DEFAULT_CONFIG))
    return _DEFAULT_RULES[id(vocab)][1]


def sentence_attribution(sent: Span) -> str:
    """"claimed" / "blamed" / "unknown" with the default config."""
    return default_rules(sent.vocab).attribution(sent)


def find_groups(sent: Span, index: int = -1) -> list[GroupMention]:
    """MIL_GROUP entities of one sentence with the default config."""
    return default_rules(sent.vocab).find(sent, index)


def has_claim(sent: Span) -> bool:
    """True when a sentence reports a claim of responsibility (default config)."""
    return sentence_attribution(sent) == "claimed"


# a brief's labelled field that names the claimant ("Claim: TTP, issued on the evening of 10 September.")
CLAIM_LABEL = re.compile(r"^\s*(?:claim|claimed\s+by|claim\s+of\s+responsibility|responsibility)\s*[:—–]\s*", re.IGNORECASE)


def _claim_field(sent: Span) -> bool:
    """The sentence is a claim field whose value is a group ("Claim: TTP."), not "Claim: none"."""
    label = CLAIM_LABEL.match(sent.text)
    return label is not None and any(e.label_ == "MIL_GROUP" and e.start_char - sent.start_char == label.end()
                                     for e in sentence_ents(sent))


def _group_claim_noun(sent: Span) -> bool:
    """"Attribution: TTP claim issued 11 October", "the BLA's claim": a group's claim named as a noun."""
    text = doc_text(sent.doc)
    return any(ent.label_ == "MIL_GROUP" and GROUP_CLAIM_AFTER.match(text[ent.end_char : ent.end_char + 20])
               for ent in sentence_ents(sent))


COMMENTATORS = frozenset({"analysts", "analyst", "experts", "expert", "observers", "commentators", "researchers"})
SUSPECTING = frozenset({"suspect", "suspects", "suspected", "believe", "believes", "blame", "blamed", "say", "said"})


def _commentators_suspect(sent: Span) -> bool:
    """The only ones who point at a group are analysts or experts ("Some analysts suspect the Islamic State"): a
    guess, not officials' or investigators' blame."""
    subjects = [c for t in sent if t.lower_ in SUSPECTING for c in t.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(c.lower_ in COMMENTATORS for c in subjects)


SAYS_IT = re.compile(r"\s*,?\s*(?:said|says|stated|insisted)\s+(?:in\s+a\s+(?:separate\s+)?statement\s+)?(?:that\s+)?"
                     r"(?:it|they|its\s+fighters|their\s+fighters)\s+", re.I)


def _says_it_had_no_part(after: str) -> bool:
    """The words after a group say it was not involved ("the Pakistani Taliban said they had no part in the attack")."""
    found = SAYS_IT.match(after)
    return found is not None and DENIAL.match(after[found.end() :]) is not None


def _group_statement(sent: Span) -> bool:
    """A statement that its fighters did it ("the BLA said its fighters had attacked the camp"), not the state's
    account of its own men ("the Counter Terrorism Department said its team killed two militants")."""
    found = CLAIM_BY_STATEMENT.search(sent.text)
    if found is None:
        return False
    said = sent.doc.char_span(sent.start_char + found.start(), sent.start_char + found.start() + len(found.group().split()[0]))
    if said is None:
        return True
    subjects = [c for c in said.root.children if c.dep_ == "nsubj"]
    return not subjects or not all(_the_state(c) or c.ent_type_ == "SEC_ACTOR" for c in subjects)


def _the_state(subject: Token) -> bool:
    """A subject that is the state ("the police", "the ISPR"), not a group that shares its words ("the ... Army")."""
    return subject.lower_ in STATE_CLAIMANTS and subject.ent_type_ != "MIL_GROUP"


def _state_claim(sent: Span) -> bool:
    """"The police claimed to have killed three attackers": the state's claim of its own action, not a group's
    claim of the attack."""
    verbs = [t for t in sent if t.lower_.startswith("claim") and t.pos_ == "VERB"]
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "xcomp" and c.lower_ in CAPTURING_VERBS for v in verbs for c in v.children):
        return True  # "The Counter-Terrorism Department (CTD) Balochistan has claimed to have arrested three facilitators"
    return bool(subjects) and all(_the_state(c) for c in subjects)


# what the state does after an attack, never what a group claims of one
ARREST_VERBS = frozenset({"arrest", "arrests", "arrested", "arresting", "detain", "detains", "detained", "apprehend",
                          "apprehends", "apprehended", "nab", "nabs", "nabbed"})
CAPTURING_VERBS = ARREST_VERBS | frozenset({"recover", "recovered", "seize", "seized", "bust", "busted", "defuse",
                                            "defused", "capture", "captured"})


# "officials did not say who they suspected", "police declined to name any group": the groups the sentence names are
# context (who operates in the area), not blamed
NO_SUSPECT_NAMED = re.compile(r"\b(?:did not|didn't|would not|wouldn't|declined to|refused to)\s+(?:say|name|speculate|"
                              r"identify)\b[^.;]{0,25}?\b(?:who|whom|which|any group|a group|the group|suspect)", re.I)


def says_no_claim(text: str, phrases: Sequence[str] = NO_CLAIM) -> bool:
    """The sentence says no group claimed the attack ("No group has claimed responsibility", "yet to claim")."""
    normal = f" {normalise(text)} "
    return any(p in normal for p in phrases) or _NO_CLAIM.search(normal) is not None


def choose_perpetrator(mentions: list[GroupMention], claim_without_name: bool,
                       lede_index: int | None = None) -> GroupMention | None:
    """The frame's perpetrator: a claim beats a blame beats a bare mention. A bare mention (no
    claim, blame or attacking verb) counts only in the frame's lede sentence (`lede_index`, when
    given): later in a report a bare name is context ("the claims of the Afghan Taliban")."""
    denied = {m.name for m in mentions if m.attribution == "denied"}
    mentions = [m for m in mentions if m.attribution != "denied" and not (m.name in denied and m.attribution == "unknown")]
    if lede_index is not None:
        mentions = [m for m in mentions if m.attribution != "unknown" or m.span.sent_index == lede_index]
    if not mentions:
        return None
    rank = {"claimed": 0, "blamed": 1, "unknown": 2}
    parents = _parents()
    names_here = {m.name for m in mentions}
    # "A faction of the Pakistani Taliban, Jamaat-ul-Ahrar, claimed": the faction named beside its parent
    specific = {m.name for m in mentions if parents.get(m.name) in names_here}
    best = sorted(mentions, key=lambda m: (rank[m.attribution], m.name not in specific, m.span.start))[0]
    names = {m.name for m in mentions}
    if best.attribution != "claimed" and claim_without_name and len(names) == 1:
        return GroupMention(best.name, best.mention, "claimed", best.span)
    return best
