"""Event triggers: the words that say what happened (blast, opened fire, abducted, IBO...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from khabar.nlp.components.base import PhraseFinder, TextSpan, char_span, normalise, set_extension
from khabar.nlp.components.casualties import ATTACKER_NOUNS, PERSON_NOUNS

# classifier type scores, or a function that computes them when the trigger votes need them
ScoresSource = dict[str, float] | Callable[[], dict[str, float] | None] | None

# phrase → (event type, strength); matched on normalised, space-padded sentence text
TRIGGERS: dict[str, tuple[str, float]] = {
    # bombing
    "blast": ("bombing", 1.0), "blasts": ("bombing", 1.0), "explosion": ("bombing", 1.0),
    "explosions": ("bombing", 1.0), "exploded": ("bombing", 1.0), "explode": ("bombing", 0.8),
    "bomb": ("bombing", 0.9), "bombs": ("bombing", 0.9), "bombing": ("bombing", 1.0),
    "ied": ("bombing", 1.0), "ieds": ("bombing", 1.0), "improvised explosive device": ("bombing", 1.0),
    "roadside bomb": ("bombing", 1.0), "grenade": ("bombing", 1.0), "grenades": ("bombing", 1.0),
    "suicide bomber": ("bombing", 1.2), "suicide attack": ("bombing", 1.2), "suicide bombing": ("bombing", 1.2),
    "suicide blast": ("bombing", 1.2), "vbied": ("bombing", 1.0), "vehicle-borne": ("bombing", 1.0),
    "explosive-laden": ("bombing", 1.0), "explosives-laden": ("bombing", 1.0), "landmine": ("bombing", 1.0), "land mine": ("bombing", 1.0),
    "mine blast": ("bombing", 1.0), "magnetic bomb": ("bombing", 1.0), "blew himself up": ("bombing", 1.2),
    "detonated": ("bombing", 1.0), "explosives": ("bombing", 0.7), "remote-controlled": ("bombing", 0.9),
    "bomber": ("bombing", 0.9), "bombers": ("bombing", 0.9), "suicide bombers": ("bombing", 1.2), "explosive device": ("bombing", 1.0), "planted": ("bombing", 0.5),
    # armed assault
    "attacked": ("armed_assault", 1.0), "attack": ("armed_assault", 0.6), "attacks": ("armed_assault", 0.5),
    "opened fire": ("armed_assault", 1.0), "firing": ("armed_assault", 0.8), "fired": ("armed_assault", 0.7),
    "stormed": ("armed_assault", 1.0), "laid siege": ("armed_assault", 1.0), "gun battle": ("armed_assault", 1.0), "gunfight": ("armed_assault", 1.0),
    "exchange of fire": ("armed_assault", 0.9), "ambush": ("armed_assault", 1.0), "ambushed": ("armed_assault", 1.0),
    "rocket attack": ("armed_assault", 1.0), "rockets": ("armed_assault", 0.8), "mortar": ("armed_assault", 0.8),
    "mortars": ("armed_assault", 0.8), "shelling": ("armed_assault", 0.8), "assault": ("armed_assault", 0.8),
    "came under attack": ("armed_assault", 1.0), "shootout": ("armed_assault", 1.0), "clash": ("armed_assault", 0.7),
    "clashes": ("armed_assault", 0.7), "clashed": ("armed_assault", 0.8), "attacking": ("armed_assault", 0.8),
    "gunmen": ("armed_assault", 0.4), "shot": ("armed_assault", 0.6), "sniper": ("armed_assault", 0.8),
    "quadcopter": ("bombing", 0.9), "on fire": ("armed_assault", 0.8), "torched": ("armed_assault", 0.9), "drone attack": ("armed_assault", 1.0),
    "fired at": ("armed_assault", 1.0), "fired on": ("armed_assault", 1.0), "fired upon": ("armed_assault", 1.0),
    "exchanged fire": ("armed_assault", 1.0), "rocket attacks": ("armed_assault", 1.0), "fired rockets": ("armed_assault", 1.0),
    "targeted": ("armed_assault", 0.7), "lobbed": ("bombing", 0.8), "bombed": ("bombing", 1.0),
    "shells": ("armed_assault", 0.9), "armed clash": ("armed_assault", 1.0), "gunfire": ("armed_assault", 0.9),
    "rocket propelled grenade": ("armed_assault", 1.1), "rocket propelled grenades": ("armed_assault", 1.1),
    "rocket-propelled grenade": ("armed_assault", 1.1), "rocket-propelled grenades": ("armed_assault", 1.1),
    "grenade launcher": ("armed_assault", 1.1), "grenade launchers": ("armed_assault", 1.1), "rpg": ("armed_assault", 1.0),
    # targeted killing
    "gunned down": ("targeted_killing", 1.1), "shot dead": ("targeted_killing", 1.0),
    "target killing": ("targeted_killing", 1.3), "targeted killing": ("targeted_killing", 1.3),
    "assassinated": ("targeted_killing", 1.3), "assassination": ("targeted_killing", 1.2),
    "shot and killed": ("targeted_killing", 1.0), "killed in a targeted attack": ("targeted_killing", 1.3),
    # kidnapping
    "abducted": ("kidnapping", 1.1), "kidnapped": ("kidnapping", 1.1), "kidnapping": ("kidnapping", 1.0),
    "abduction": ("kidnapping", 1.0), "taken hostage": ("kidnapping", 1.1), "hostage": ("kidnapping", 1.1), "hostages": ("kidnapping", 1.1),
    "hostage-taking": ("kidnapping", 1.2), "captive": ("kidnapping", 1.1), "captives": ("kidnapping", 1.0),
    "captivity": ("kidnapping", 1.0),
    "offloaded": ("kidnapping", 1.0), "pulled off": ("kidnapping", 1.0), "taken off": ("kidnapping", 1.0),
    "led away": ("kidnapping", 1.0), "took away": ("kidnapping", 1.0), "taken away": ("kidnapping", 1.0),
    "whisked away": ("kidnapping", 1.0), "abducting": ("kidnapping", 1.0), "kidnapping for ransom": ("kidnapping", 1.2),
    "forcibly disappeared": ("kidnapping", 1.1), "forced disappearance": ("kidnapping", 1.0),
    "enforced disappearance": ("kidnapping", 1.0), "picked up by": ("kidnapping", 1.0),
    # a hijacking holds the passengers hostage: news and ACLED coders code it as a kidnapping
    "hijacked": ("kidnapping", 1.5), "hijacking": ("kidnapping", 1.5), "hijack": ("kidnapping", 1.3),
    "hijackers": ("kidnapping", 1.3),
    # security operations
    "intelligence-based operation": ("security_operation", 1.4), "intelligence based operation": ("security_operation", 1.4),
    "ibo": ("security_operation", 1.4), "search operation": ("security_operation", 1.2),
    "clearance operation": ("security_operation", 1.3), "combing operation": ("security_operation", 1.3),
    "sanitisation operation": ("security_operation", 1.3), "sanitization operation": ("security_operation", 1.3),
    "search and strike operation": ("security_operation", 1.3), "operation": ("security_operation", 0.6),
    "raid": ("security_operation", 0.9), "raided": ("security_operation", 0.9), "encounter": ("security_operation", 0.8),
    "cordoned off": ("security_operation", 0.5), "ctd": ("security_operation", 0.6), "busted": ("security_operation", 0.8),
}
# "in separate intelligence-based operations", "raids": a named operation in the plural weighs as the singular (not
# the bare "operations", as often the forces' routine: "troops based there for operations in the area")
TRIGGERS.update({f"{phrase}s": vote for phrase, vote in list(TRIGGERS.items()) if vote[0] == "security_operation"
                 and phrase.endswith(("operation", "raid", "encounter", "ibo")) and phrase != "operation"})
INFRA_VERBS = ("on fire", "demolished", "blew up", "blown up", "blow up", "blowing up", "setting fire to", "torching", "destroyed", "damaged", "set fire to", "set on fire", "set ablaze",
               "torched", "exploded", "blast", "explosion", "bombed", "sabotaged", "burnt", "burned", "went off",
               "derailed", "derail", "caught fire", "brought it down", "toppled")
INFRA_NOUNS = ("pipeline", "pylon", "pylons", "tower", "towers", "transmission line", "power line", "railway track",
               "railway line", "rail track", "track", "bridge", "gas line", "electricity", "grid station",
               "mobile tower", "telecom tower", "machinery", "excavator", "construction company", "dam",
               # an oil or gas installation ("damaged a storage tank", "a gas gathering facility")
               "storage tank", "gas facility", "gathering facility", "gas plant", "gas field", "oil field", "oil well",
               "compressor station")
# arson of buildings: "set fire to twelve government schools" attacks property, as blowing up a tower does
ARSON_VERBS = frozenset({"set fire to", "set on fire", "set ablaze", "torched", "torching", "setting fire to", "burnt",
                         "burned"})
BURNED_BUILDINGS = frozenset({"school", "schools"})
# a building blown up with explosives is bombed (a track, a tower or a pipeline blown up is infrastructure attacked)
BLOWN_UP = ("blew up", "blown up", "blow up", "blowing up")
BLOWN_BUILDINGS = frozenset({"school", "schools", "building", "buildings", "house", "houses", "office", "hujra", "shop",
                             "shops", "college", "clinic"})
BLOWN_UP_STRENGTH = 1.0
RAZED = ("destroyed", "demolished")  # "the school was destroyed with explosives": blown up, told another way


def _destroyed_with_explosives(verbs: set[str], sent: Span) -> str | None:
    """The verb of a building "destroyed with explosives" (or "demolished ... planted explosives")."""
    if not any(t.lower_.startswith("explosive") for t in sent):
        return None
    return next((v for v in RAZED if v in verbs), None)


FOILED = ("defused", "foiled", "thwarted", "averted", "diffused", "failed attempt", "recovered explosives",
          "was arrested", "were arrested", "apprehended", "bid to", "foil")
SUICIDE = ("suicide", "blew himself up", "blew herself up", "self-detonat", "strapped to his body", "strapped to her body")
GENERIC = frozenset({"attacked", "attack", "attacks", "attacking", "assault", "targeted", "came under attack"})
HIJACK_WORDS = frozenset({"hijacked", "hijacking", "hijack", "hijackers"})  # decide the type whatever else votes
PRIORITY = ("security_operation", "kidnapping", "bombing", "infrastructure_attack",
            "targeted_killing", "armed_assault")
OPERATION_CONTEXT = ("security forces", "conducted", "ispr", "ctd", "counter-terrorism department", "police", "troops",
                     "fc", "frontier corps", "army", "forces")  # "operation" counts only when security forces conduct it
FIRED_WORDS = ("fired", "rockets", "rocket", "launcher", "launchers")
# what attackers carry off from a post or a scene: taking it is no abduction
THINGS = ("weapons", "weapon", "arms", "ammunition", "rifles", "rifle", "guns", "gun", "kalashnikovs", "jackets", "set",
          "sets", "vehicle", "vehicles", "motorcycle", "motorcycles", "car", "cars", "cash", "money", "phones", "phone",
          "equipment", "documents", "bodies", "body", "goods", "belongings", "valuables", "wallets", "laptops")
RAIDS = ("raid", "raided")
# what forces hold: a raid on one is an attack ("raid on an FC checkpoint"), a raid by them an operation
POSTS = ("checkpoint", "checkpoints", "checkpost", "post", "posts", "camp", "station", "convoy", "cantonment",
         "garrison", "base", "fort", "headquarters", "lines")
# holding people: militants who hold, seize or free them took them ("the militants are holding four officials")
CUSTODY_VERBS = ("hold", "holds", "holding", "held", "seize", "seized", "seizing", "capture", "captured", "capturing",
                 "detain", "detained", "detaining", "release", "released", "releasing", "free", "freed", "freeing")
# "took six people into custody", "leading nine men away"
TAKE_FORMS = ("take", "took", "taken", "taking", "led", "leading")
# "took five passengers off buses", "took them away", "took nine of them towards the mountains"
TAKEN_FROM = frozenset({"off", "away", "hostage", "captive", "towards"})
CUSTODY_STRENGTH = 1.1
THROWN_WORDS = ("lobbed", "hurled", "threw", "thrown", "hand grenade", "hand grenades")
FACTORY = "khabar_event_types"
DEFAULT_CONFIG: dict[str, Any] = {
    "triggers": {phrase: list(value) for phrase, value in TRIGGERS.items()},
    "contextual_triggers": ["operation", "ctd"],
    "operation_context": list(OPERATION_CONTEXT),
    "grenades": ["grenade", "grenades"],
    "fired_words": list(FIRED_WORDS),
    "thrown_words": list(THROWN_WORDS),
    "raids": list(RAIDS),
    "posts": list(POSTS),
    "things": list(THINGS),
    "infra_verbs": list(INFRA_VERBS),
    "infra_nouns": list(INFRA_NOUNS),
    "infra_strength": 1.3,
    "custody_verbs": list(CUSTODY_VERBS),
    "custody_strength": CUSTODY_STRENGTH,
    "captors": sorted(ATTACKER_NOUNS | {"gunmen", "kidnappers", "abductors", "captors"}),
    "people": sorted(PERSON_NOUNS - ATTACKER_NOUNS),
    "foiled": list(FOILED),
    "suicide": list(SUICIDE),
    "generic": sorted(GENERIC),
    "priority": list(PRIORITY),
}
set_extension(Span, "triggers")
set_extension(Span, "foiled")
set_extension(Doc, "triggers")


@dataclass(frozen=True)
class Trigger:
    """A word or phrase that signals an event of one type."""

    event_type: str
    strength: float
    suicide: bool
    span: TextSpan
    reference: bool = False  # "the recovery of the abducted persons": names the type, reports nothing new
    dating: bool = False  # "bookings collapsed after the abduction": an incident told before, named to date something


class EventTypeRules:
    """Pipeline component: every sentence's event triggers (`sent._.triggers`, strongest first) and whether it
    reports a foiled attack (`sent._.foiled`); `doc._.triggers` holds them all. Phrases from the config."""

    def __init__(self, nlp: Language, name: str, triggers: dict[str, list[Any]], contextual_triggers: list[str],
                 operation_context: list[str], grenades: list[str], fired_words: list[str], thrown_words: list[str],
                 infra_verbs: list[str], infra_nouns: list[str], infra_strength: float, foiled: list[str],
                 suicide: list[str], generic: list[str], priority: list[str], raids: list[str],
                 posts: list[str], things: list[str], custody_verbs: list[str], custody_strength: float,
                 captors: list[str], people: list[str]) -> None:
        self.name = name
        self.custody_verbs = frozenset(custody_verbs)
        self.custody_strength = custody_strength
        self.captors = frozenset(captors)
        self.people = frozenset(people)
        self.things = frozenset(things)
        self.raids = frozenset(raids)
        self.posts = frozenset(posts)
        self.triggers = {phrase: (str(etype), float(strength)) for phrase, (etype, strength) in triggers.items()}
        self.contextual = frozenset(contextual_triggers)
        self.grenades = frozenset(grenades)
        self.infra_verbs = list(infra_verbs)
        self.infra_nouns = frozenset(infra_nouns)
        self.infra_strength = infra_strength
        self.suicide = tuple(suicide)
        self.generic = frozenset(generic)
        self.priority = tuple(priority)
        self.finder = PhraseFinder(nlp, {
            "trigger": self.triggers, "operation": operation_context, "fired": fired_words, "thrown": thrown_words,
            "infra_verb": infra_verbs, "infra_noun": infra_nouns, "foiled": foiled,
        })

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for index, sent in enumerate(doc.sents):
            phrases = self.finder.phrases(sent)
            sent._.triggers = self._triggers(sent, index, phrases)
            sent._.foiled = bool(phrases["foiled"]) and not _intended(sent, phrases["foiled"])
            found.extend(sent._.triggers)
        doc._.triggers = found
        return doc

    def find(self, sent: Span, index: int = -1) -> list[Trigger]:
        """All event triggers of one sentence, strongest first."""
        return self._triggers(sent, index, self.finder.phrases(sent))

    def _triggers(self, sent: Span, index: int, phrases: dict[str, set[str]]) -> list[Trigger]:
        text = normalise(sent.text)
        suicide = any(s in text for s in self.suicide)  # a stem: "self-detonat" covers "self-detonated"
        fired_grenade = bool(phrases["fired"]) and not phrases["thrown"]  # launcher rounds, not thrown bombs
        found: list[Trigger] = []
        for phrase, (etype, strength) in self.triggers.items():
            if phrase not in phrases["trigger"]:
                continue
            if etype == "security_operation" and phrase in self.contextual and not phrases["operation"]:
                continue
            span = char_span(sent, phrase, index)
            if phrase in SPENT and RECOVERED.search(sent.text):
                continue  # "empty shells were collected from the scene": the evidence of a shooting, not shelling
            grenade = phrase.split()[-1] in self.grenades  # "grenade", "hand grenades"
            if grenade and span is not None and _among_arms(span, sent):
                if RECOVERED.search(sent.text):
                    continue  # "weapons, hand grenades and a launcher were recovered": no act at all
                etype = "armed_assault"  # "attacked with rockets, hand grenades and automatic weapons": an assault
            if grenade and fired_grenade:
                etype = "armed_assault"  # launcher rounds
            if etype == "armed_assault" and span is not None and _dropped(span, sent) and not phrases["trigger"] & GUNFIRE:
                etype = "bombing"  # "the quadcopter dropped two mortar shells on the post": a bomb from above, no shelling
            if phrase in self.raids and span is not None and _raids_a_post(span, sent, self.posts):
                etype = "armed_assault"  # "a weekend raid on a Frontier Corps checkpoint": militants attacked
            if etype == "security_operation" and span is not None and _hunt_after_attack(span, sent):
                continue  # "police intensified search operations after militants attacked the checkpost": the attack
            if etype == "kidnapping" and phrase not in HIJACK_WORDS and span is not None and _takes_no_one(span, sent, self.things, self.people):
                continue  # "the attackers took away weapons from the post": a robbery of the post, no abduction
            is_suicide = suicide and etype in ("bombing", "armed_assault")
            if etype == "bombing" and strength < SET_OFF_STRENGTH and span is not None and _set_off(span, sent):
                strength = SET_OFF_STRENGTH
            if span is not None and (_habitual(span, sent) or _in_a_record(span, sent)):
                continue  # "the community has been targeted repeatedly": a pattern, not this incident
            reference = span is not None and _names_the_victims(span, sent)
            dating = span is not None and _dated_by(span, sent)
            found.append(Trigger(etype, strength, is_suicide, span or TextSpan.from_span(sent, index), reference, dating))
        # "blew up a gas pipeline": the verb phrase, when an infrastructure noun is attacked (or "set fire to twelve
        # schools": buildings burned)
        verb = next((v for v in self.infra_verbs if v in phrases["infra_verb"]), None)
        apart = _set_alight(sent, self.infra_nouns) if verb is None else None  # ("set a mobile phone tower ablaze")
        burned = bool(ARSON_VERBS & phrases["infra_verb"]) and any(t.lower_ in BURNED_BUILDINGS for t in sent)
        if verb and (phrases["infra_noun"] or burned):
            span = char_span(sent, verb, index) or TextSpan.from_span(sent, index)
            found.append(Trigger("infrastructure_attack", self.infra_strength, False, span))
        elif apart is not None:
            # (arson told around its object is a weaker word than a named sabotage: the fire may be an assault's)
            span = TextSpan.from_tokens(apart, apart, index)
            found.append(Trigger("infrastructure_attack", SET_ALIGHT_STRENGTH, False, span))
        elif (blown := next((v for v in BLOWN_UP if v in phrases["infra_verb"]), None) or _destroyed_with_explosives(
                phrases["infra_verb"], sent)) and any(t.lower_ in BLOWN_BUILDINGS for t in sent):
            # "the girls' school was blown up late at night with explosives": a building bombed, no one inside
            span = char_span(sent, blown, index) or TextSpan.from_span(sent, index)
            found.append(Trigger("bombing", BLOWN_UP_STRENGTH, False, span))
        for verb_token in _shot_dead_apart(sent):
            # "picked out a teacher and shot him dead": the phrase around its object
            found.append(Trigger("targeted_killing", self.triggers.get("shot dead", ("", 1.0))[1], False,
                                 TextSpan.from_tokens(verb_token, next(c for c in verb_token.children if c.lower_ == "dead"), index)))
        for verb_token in _custody(sent, self.custody_verbs, self.captors, self.people, self.things):
            found.append(Trigger("kidnapping", self.custody_strength, False, TextSpan.from_tokens(verb_token, verb_token, index)))
        return sorted(_drop_nested(found), key=lambda t: -t.strength)

    def choose(self, triggers: list[Trigger], classifier_scores: ScoresSource = None) -> tuple[str, Trigger | None]:
        """`choose_event_type` with this component's generic words and priority."""
        return choose_event_type(triggers, classifier_scores, self.generic, self.priority)


RECOVERED = re.compile(r"\b(?:recovered|seized|confiscated|found|recovery|collected)\b", re.IGNORECASE)
# what a fight leaves behind or militants carry: found or recovered, it is no shelling or bombing ("empty shells were
# collected", "weapons, ammunition and explosives were recovered from the killed khwarij")
SPENT = frozenset({"shells", "explosives"})
ARMS = frozenset({"weapons", "rockets", "guns", "rifles", "kalashnikovs", "launchers", "firearms", "arms", "mortars",
                  "explosives", "detonators", "ammunition", "pistol", "pistols"})


def _among_arms(span: TextSpan, sent: Span) -> bool:
    """Grenades listed with the other arms of an assault ("attacked the post with rockets, hand grenades and
    automatic weapons"): the assault's arsenal, not a grenade attack."""
    words = span.in_doc(sent.doc)
    if words is None:
        return False
    if any(c.lower_ in ARMS for c in words.root.conjuncts):
        return True
    # (the parser may not join them: "armed with automatic rifles and hand grenades attacked the post")
    before = sent.doc[max(sent.start, words.start - 4) : words.start]
    return any(t.lower_ in ARMS and any(c.lower_ in ("and", ",") for c in before[k + 1 :]) for k, t in enumerate(before))


DROPPED = frozenset({"dropped", "dropping", "drop", "drops"})
# (shells dropped "after which gunmen opened fire from nearby fields": an assault that a drone opened)
GUNFIRE = frozenset({"opened fire", "fired on", "fired at", "firing", "gunmen", "gunfight", "exchange of fire"})
MUNITIONS = frozenset({"shell", "shells", "mortar", "mortars", "grenade", "grenades", "rounds"})


SET_OFF = {"set": "off", "touch": "off", "trigger": "", "detonate": ""}  # verb → the particle it needs ("" none)
SET_OFF_STRENGTH = 1.0  # "set off the explosives strapped to his body": a blast, told as plainly as "exploded"


def _set_off(span: TextSpan, sent: Span) -> bool:
    """The explosives are the object of a verb that sets them off ("a young man set off the explosives strapped to his
    body", "triggered the explosives"): the blast itself, not explosives found or carried."""
    words = span.in_doc(sent.doc)
    if words is None or words.root.dep_ != "dobj":
        return False
    verb = words.root.head
    particle = SET_OFF.get(verb.lemma_.lower(), SET_OFF.get(verb.lower_))
    return particle is not None and (not particle or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children))


def _dropped(span: TextSpan, sent: Span) -> bool:
    """Munitions that were dropped ("the quadcopter dropped 2 mortar shells on the post"): the object of a verb of
    dropping (a drone's bomb), not fired."""
    words = span.in_doc(sent.doc)
    if words is None:
        return False
    noun = words.root
    while noun.dep_ == "compound" and noun.head.lower_ in MUNITIONS:
        noun = noun.head  # "mortar" in "mortar shells"
    return noun.lower_ in MUNITIONS and noun.dep_ in ("dobj", "nsubjpass") and noun.head.lower_ in DROPPED


def _intended(sent: Span, found: set[str]) -> bool:
    """"the forces were determined to foil such designs": every foiling word is an infinitive of intent, no report."""
    if any(" " in phrase for phrase in found):
        return False  # ("a failed attempt", "bomb disposal": no single word to read as an infinitive)
    words = [t for t in sent if t.lower_ in found]
    return bool(words) and all(any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in words)


def _takes_no_one(span: TextSpan, sent: Span, things: frozenset[str], people: frozenset[str]) -> bool:
    """No abduction: what was taken is things ("took away two Kalashnikovs and a wireless set", "their weapons were
    taken away"; for a bare "taken away", anything but people: "the gas was being taken away")."""
    words = span.in_doc(sent.doc)
    if words is None:
        return False
    verb = words.root if words.root.pos_ in ("VERB", "AUX") else words[0]
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken:
        return False
    if taken[0].lower_ in things:
        return True
    return (verb.lower_ in TAKE_FORMS and taken[0].pos_ in ("NOUN", "PROPN") and taken[0].ent_type_ not in ("PERSON", "NORP")
            and not _people(taken[0], people, things) and not any(c.dep_ == "nummod" for c in taken[0].children))


def _custody(sent: Span, verbs: frozenset[str], captors: frozenset[str], people: frozenset[str],
             things: frozenset[str]) -> list[Token]:
    """Verbs by which militants hold, seize or free people ("the militants are holding four officials", "the fighters
    took six people into custody", "the TTP released a police officer and two soldiers whom they seized"): the
    people were taken, whoever fired first. Police who detain suspects are no captors."""
    found = []
    for tok in sent:
        if tok.pos_ != "VERB" or (tok.lower_ not in verbs and tok.lower_ not in TAKE_FORMS):
            continue
        if _taken_from(tok, people, things):
            found.append(tok)  # "Four men were taken from a highway camp near Appozai": by no one named, nowhere named
            continue
        if tok.lower_ in TAKE_FORMS and not any(
                (c.dep_ == "prep" and c.lower_ == "into" and any(o.lower_ == "custody" for o in c.children))
                or (c.dep_ in ("prep", "prt", "advmod") and c.lower_ in TAKEN_FROM) for c in tok.children):
            continue  # "took six people into custody", "took five passengers off buses", not "took part"
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        held = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        agents = ([o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"] if passive
                  else [c for c in tok.children if c.dep_ == "nsubj"])
        inherited = False
        if not agents and not passive:
            # "Armed men stopped a vehicle ... and took 16 of them away": the subject of the verb it is joined to (who
            # stopped people and took them away, armed, are captors), up a chain of joined verbs ("stopped the coach,
            # checked their cards and took nine of them towards the mountains") or from the clause it is timed in
            # ("checked the identity cards ... before leading nine men away")
            node = tok
            for _ in range(4):
                if node.dep_ not in ("conj", "pcomp", "prep", "advcl") or node.head.i == node.i:
                    break
                node = node.head
                agents = [c for c in node.children if c.dep_ == "nsubj"]
                if agents:
                    inherited = True
                    break
        if not any(_people(h, people, things) or _some_of_them(h) for h in held):
            continue
        if any(_captor(a, captors) or (inherited and _armed_men(a)) or (a.lower_ in ("they", "who") and _captor_above(tok, captors))
               for a in agents):
            found.append(tok)
    return found


def _taken_from(verb: Token, people: frozenset[str], things: frozenset[str]) -> bool:
    """"Four men were taken from a highway camp": counted people taken from a place, by no one the sentence names and to
    nowhere it names (not "the injured were taken from the scene to hospital"): abducted."""
    children = list(verb.children)
    return (verb.lower_ == "taken" and any(c.dep_ == "auxpass" for c in children)
            and any(c.dep_ == "prep" and c.lower_ == "from" for c in children)
            and not any(c.dep_ in ("agent", "prep", "advmod", "prt") and c.lower_ in ("by", "to", "into", "towards", "away", "back")
                        for c in children)
            and any(c.dep_ == "nsubjpass" and _people(c, people, things) and any(n.dep_ == "nummod" for n in c.children)
                    for c in children))


SET_ALIGHT_STRENGTH = 0.8


def _set_alight(sent: Span, infra_nouns: frozenset[str]) -> Token | None:
    """"set a mobile phone tower ablaze", "set two schools on fire": arson of a structure, with the object between the
    words (the verb; not "set two trucks on fire")."""
    for tok in sent:
        if tok.lower_ != "set":
            continue
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if not any(t.lower_ in infra_nouns or t.lower_ in BURNED_BUILDINGS for o in objects for t in o.subtree):
            continue
        # ("ablaze" may be parsed on the object: "set [a tower ablaze]")
        if (any(t.lower_ in ("ablaze", "alight") for t in tok.subtree)
                or any(c.lower_ == "on" and any(o.lower_ == "fire" for o in c.children) for c in tok.children)):
            return tok
    return None


def _people(tok: Token, people: frozenset[str], things: frozenset[str]) -> bool:
    """"four officials", "a police officer", "the DSP": people, not "weapons" or "positions"."""
    if tok.lower_ in things:
        return False
    return tok.lower_ in people or tok.ent_type_ == "PERSON"


def _shot_dead_apart(sent: Span) -> list[Token]:
    """"shot him dead", "shot the two men dead": "shot dead" with its object between the words."""
    return [t for t in sent if t.lower_ == "shot" and t.i + 1 < sent.end and t.nbor(1).lower_ != "dead"
            and any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp") for c in t.children)
            and any(c.dep_ == "dobj" for c in t.children)]


def _some_of_them(tok: Token) -> bool:
    """"16 of them", "six of the passengers": a number of the people the sentence carried or named."""
    return tok.pos_ == "NUM" and any(c.lower_ == "of" and any(o.dep_ == "pobj" for o in c.children) for c in tok.children)


def _armed_men(tok: Token) -> bool:
    """"armed men", "masked men": people described by their arms, not their side."""
    return tok.lower_ in ("men", "man") and any(c.lower_ in ("armed", "masked", "unidentified") for c in tok.children)


def _captor(tok: Token, captors: frozenset[str]) -> bool:
    """"militants", "TTP fighters", "the Pakistani Taliban": the militant side."""
    return tok.lower_ in captors or tok.ent_type_ == "MIL_GROUP"


def _captor_above(tok: Token, captors: frozenset[str]) -> bool:
    """"..., whom they seized": the pronoun's clause hangs under a verb whose subject is militant."""
    return any(c.dep_ == "nsubj" and _captor(c, captors) for head in tok.ancestors for c in head.children)


def _raids_a_post(span: TextSpan, sent: Span, posts: frozenset[str]) -> bool:
    """A raid whose object is a security post ("raid on a checkpoint", "raided the police station"): an attack on
    the forces, not their operation."""
    words = span.in_doc(sent.doc)
    if words is None:
        return False
    root = words.root
    objects = [g for c in root.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for g in c.children if g.dep_ == "pobj"]
    objects += [c for c in root.children if c.dep_ == "dobj"]
    return any(t.lower_ in posts for o in objects for t in o.subtree)


HABIT_WORDS = frozenset({"repeatedly", "frequently", "often", "regularly", "routinely", "periodically"})


MANY_TIMES = frozenset({"dozens", "scores", "hundreds", "many", "numerous", "countless"})
TIMES_PHRASE_TOKENS = 5


def _many_times(word: Token) -> bool:
    """A short phrase counting occasions without a number ("dozens of times", "many times"): a pattern."""
    phrase = [t.lower_ for t in word.subtree]
    return len(phrase) <= TIMES_PHRASE_TOKENS and "times" in phrase and bool(MANY_TIMES.intersection(phrase))


def _habitual(span: TextSpan, sent: Span) -> bool:
    """A trigger said to happen again and again ("the community has been targeted repeatedly in Quetta"): a pattern
    the report recalls, not the incident it tells."""
    words = span.in_doc(sent.doc)
    if words is None:
        return False
    verbs = {t.head if t.dep_ in ("prt", "dobj", "acomp") else t for t in words}
    if any(c.dep_ == "advmod" and c.lower_ in HABIT_WORDS for v in verbs for c in v.children):
        return True
    clauses = verbs | {a for a in words.root.ancestors if a.pos_ in ("VERB", "AUX")}
    if any(_many_times(c) for v in clauses for c in v.children):
        return True  # "Police stations there have been attacked dozens of times, increasingly with ... mortar rounds"
    # "Kidnapping for ransom is their main business": the kind of act, the subject of a present-tense "is"
    root = words.root
    return (root.dep_ == "nsubj" and root.pos_ == "NOUN" and root.head.lemma_ == "be" and root.head.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ == "det" for c in root.children))


# "a route that has been hit by a hijacking, a suicide bombing and repeated track blasts in little over a year": a
# perfect passive listing what a place or a route has suffered over a span of time, its record, not the news
RECORD_VERB = re.compile(r"\b(?:has|have|had) been (?:hit|struck|rocked|targeted|attacked|shaken|scarred|plagued) by\b",
                         re.IGNORECASE)
RECORD_SPAN = re.compile(r"\b(?:(?:in|over|during|within) (?:the )?(?:little |just |barely )?(?:over |under |less than |more "
                         r"than )?(?:a|one|two|three|the past|the last|recent|\d+) (?:years?|months|weeks)|since (?:then|last|"
                         r"early|late|the start|january|february|march|april|may|june|july|august|september|october|"
                         r"november|december|20\d\d))\b", re.IGNORECASE)


def _in_a_record(span: TextSpan, sent: Span) -> bool:
    """The trigger is one of the attacks a perfect passive with a span of time lists ("has been hit by a hijacking,
    a suicide bombing and repeated track blasts in little over a year"): the place's record, not this incident."""
    text = sent.text
    verb = RECORD_VERB.search(text)
    if verb is None:
        return False
    at = span.start - sent.start_char
    clause_end = min((i for i in (text.find(";", verb.end()), text.find(". ", verb.end())) if i >= 0), default=len(text))
    return verb.end() <= at < clause_end and RECORD_SPAN.search(text, verb.end(), clause_end) is not None


HUNT_WORDS = frozenset({"search", "searches", "manhunt", "hunt", "combing"})
ATTACK_VERBS = frozenset({"attacked", "ambushed", "stormed", "raided", "targeted", "struck", "opened", "fired"})


def _hunt_after_attack(span: TextSpan, sent: Span) -> bool:
    """A search for the attackers launched after the attack its clause tells ("Police have intensified search
    operations around Badaber after militants attacked the Mashokhel checkpost"): the response, not the incident."""
    words = span.in_doc(sent.doc)
    if words is None or not any(t.lower_ in HUNT_WORDS for t in (*words, *words.root.children)):
        return False
    verb = next((t for t in (words.root, *words.root.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)
               and c.lower_ in ATTACK_VERBS for c in verb.children)


def _dated_by(span: TextSpan, sent: Span) -> bool:
    """An incident the report has told, named to date something else ("bookings collapsed after the abduction",
    "since the attack"): it does not name what happened in the frame it falls in."""
    words = span.in_doc(sent.doc)
    if words is None:
        return False
    root = words.root
    return (root.dep_ == "pobj" and root.head.lower_ in ("after", "since", "following", "before")
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children))


def _names_the_victims(span: TextSpan, sent: Span) -> bool:
    """A participle that only names people the report already told of ("the recovery of the abducted persons",
    "their kidnapped relatives"): a reference, not a report."""
    words = span.in_doc(sent.doc)
    if words is None or len(words) != 1:
        return False
    tok = words[0]
    if tok.dep_ != "amod" or tok.tag_ not in ("VBN", "JJ"):
        return False
    return any((c.dep_ == "det" and c.lower_ in ("the", "these", "those")) or c.dep_ == "poss" for c in tok.head.children)


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_event_types(nlp: Language, name: str, triggers: dict[str, list[Any]], contextual_triggers: list[str],
                     operation_context: list[str], grenades: list[str], fired_words: list[str], thrown_words: list[str],
                     infra_verbs: list[str], infra_nouns: list[str], infra_strength: float, foiled: list[str],
                     suicide: list[str], generic: list[str], priority: list[str], raids: list[str],
                     posts: list[str], things: list[str], custody_verbs: list[str], custody_strength: float,
                     captors: list[str], people: list[str]) -> EventTypeRules:
    """The event-trigger component."""
    return EventTypeRules(nlp, name, triggers, contextual_triggers, operation_context, grenades, fired_words,
                          thrown_words, infra_verbs, infra_nouns, infra_strength, foiled, suicide,
                          generic, priority, raids, posts, things, custody_verbs, custody_strength, captors, people)


_DEFAULT_RULES: dict[int, tuple[Vocab, EventTypeRules]] = {}


def default_rules(vocab: Vocab) -> EventTypeRules:
    """The component with its default config, for callers that hold a sentence but no pipeline."""
    if id(vocab) not in _DEFAULT_RULES:
        _DEFAULT_RULES[id(vocab)] = (vocab, EventTypeRules(spacy.blank("en", vocab=vocab), FACTORY, **DEFAULT_CONFIG))
    return _DEFAULT_RULES[id(vocab)][1]


def find_triggers(sent: Span, index: int = -1) -> list[Trigger]:
    """All event triggers of one sentence with the default config, strongest first."""
    return default_rules(sent.vocab).find(sent, index)


TIE_MARGIN = 0.25  # votes this close are a tie the classifier breaks


def trigger_votes(triggers: list[Trigger]) -> tuple[dict[str, float], dict[str, Trigger]]:
    """Each type's vote (trigger strengths, the first trigger sentence's counting 1.5 times) and its strongest trigger."""
    first_sent = min(t.span.sent_index for t in triggers)
    votes: dict[str, float] = {}
    best_trigger: dict[str, Trigger] = {}
    for trig in triggers:
        weight = trig.strength * (1.5 if trig.span.sent_index == first_sent else 1.0)
        votes[trig.event_type] = votes.get(trig.event_type, 0.0) + weight
        if trig.event_type not in best_trigger or trig.strength > best_trigger[trig.event_type].strength:
            best_trigger[trig.event_type] = trig
    return votes, best_trigger


def _drop_nested(triggers: list[Trigger]) -> list[Trigger]:
    """Drop a trigger inside a longer one ("shot" inside "shot dead")."""
    def inside(a: Trigger, b: Trigger) -> bool:
        return a is not b and b.span.start <= a.span.start and a.span.end <= b.span.end and len(b.span.text) > len(a.span.text)

    return [t for t in triggers if not any(inside(t, other) for other in triggers)]


def drop_generic(triggers: list[Trigger], generic: frozenset[str] = GENERIC) -> list[Trigger]:
    """Drop "attacked"/"attack"/"targeted" when the frame also names what happened ("an IED", "opened fire")."""
    specific = [t for t in triggers if t.span.text.lower() not in generic and t.strength >= 0.9
                and not (t.reference or t.dating)]
    kept = [t for t in triggers if t.span.text.lower() not in generic] if specific else triggers
    return kept or triggers


HIJACK_NEAR = 2  # a hijacking told this many sentences after the frame's first event word is the event told


def choose_event_type(triggers: list[Trigger], classifier_scores: ScoresSource = None,
                      generic: frozenset[str] = GENERIC, priority: tuple[str, ...] = PRIORITY) -> tuple[str, Trigger | None]:
    """The frame's event type: weighted trigger votes, ties broken by the classifier, then priority.

    `classifier_scores` may be a function: it is called only when the votes need it (no trigger, or a tie)."""
    def scores() -> dict[str, float] | None:
        return classifier_scores() if callable(classifier_scores) else classifier_scores

    if not triggers:
        found = scores()
        return (max(found.items(), key=lambda kv: kv[1])[0], None) if found else ("other", None)
    kept = drop_generic(triggers, generic)
    first = min(t.span.sent_index for t in kept) if kept else 0
    hijack = [t for t in kept if t.span.text.lower() in HIJACK_WORDS and t.span.sent_index - first <= HIJACK_NEAR]
    if hijack:  # "hijacked a train ... a blast on the track ... 26 hostages killed": the hostage-taking is the event
        return "kidnapping", hijack[0]
    votes, best_trigger = trigger_votes(kept)
    top = max(votes.values())
    tied = [t for t, v in votes.items() if v >= top - TIE_MARGIN]
    found = scores() if len(tied) > 1 else None
    if found:
        tied.sort(key=lambda t: -found.get(t, 0.0))
        return tied[0], best_trigger[tied[0]]
    tied.sort(key=lambda t: (-votes[t], priority.index(t) if t in priority else 99))
    return tied[0], best_trigger[tied[0]]
