"""Casualty figures: killed, injured, attackers killed and kidnapped, from one sentence.

A figure is a number expression ("at least 12", "a dozen", "twenty-three", "a soldier")
tied to a casualty word ("killed", "martyred", "injured", "abducted") through the
dependency parse, with a short token window as a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal, cast

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from khabar.nlp.components.base import (
    ANOTHER_INCIDENT,
    INCIDENT_NOUN_PATTERN,
    INCIDENT_NOUNS,
    SPEECH_VERBS,
    PhraseFinder,
    TextSpan,
    in_timed_clause,
    normalise,
    sentence_ents,
    set_extension,
    starts_line,
)

CasualtyKind = Literal["killed", "injured", "attackers_killed", "kidnapped"]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "both": 2,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "dozen": 12}
NUMBER_WORDS = set(UNITS) | set(MULTIPLIERS) | {"a", "an", "and", "-"}
QUALIFIERS = ("at least", "more than", "over", "around", "about", "nearly", "almost", "up to", "some", "approximately")

KILLED_WORDS = {
    "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "martyred", "martyring", "martyr",
    "martyrs", "perished", "slain", "deaths", "death", "bodies", "massacred", "lynched",
    "fatalities", "fatality", "lives", "life", "succumbed", "succumbs", "martyrdom", "beheaded", "shuhada", "shaheed",
    "neutralised", "neutralized",  # ISPR: "13 khwarij were neutralised"
    "sacrifice",  # ISPR: "twelve brave sons of the soil ... paid the ultimate sacrifice"
}
INJURED_WORDS = {
    "injured", "injuring", "injure", "injures", "wounded", "wounding", "hurt", "injuries",
    "injury", "wounds", "critically", "hospitalised", "hospitalized", "treated", "treatment",
}
MARTYRDOM = frozenset({"shahadat", "martyrdom", "shahadah"})
# verbs whose object "martyrdom" (or "the cup of martyrdom") tells a death: "attained shahadat", "drank the cup of martyrdom"
MARTYRDOM_TAKERS = frozenset({"attained", "achieved", "drank", "tasted", "embraces", "attains", "attain", "embrace"})
# a death told as the victim's own act, past or (on a live page) present: "succumbed", "dies"
DIED_WORDS = frozenset({"died", "dies", "succumbed", "succumbs"})
SUFFERED_VERBS = DIED_WORDS | {"perished", "embraced"}  # casualty verbs whose subject is the one harmed
WOUND_NOUNS = {"wound", "wounds", "injury", "injuries", "bullet", "bullets"}  # the harm a person "received" or "sustained"
# verbs whose object "the lives of ..." counts the dead ("claimed the lives of seven people")
LIFE_TAKERS = frozenset({"claimed", "claim", "claims", "claiming", "took", "take", "takes", "taking", "cost", "costing",
                         "costs"})
# the tokens a sub-count set off by commas may take before its closing comma ("Six people, among them four party
# workers and a schoolboy who sold tea outside the venue, lost their lives")
SUBCOUNT_ASIDE = 20
# verbs whose object is the harm a person suffered ("took a bullet in the shoulder", "received two bullets")
HARM_TAKERS = frozenset({"received", "receives", "receive", "sustained", "suffered", "took", "takes", "caught", "got"})
# verbs whose infinitive complement did not happen ("threatened to kill them", "vowed to kill", "tried to abduct")
INTENT_VERBS = frozenset({"threaten", "vow", "plan", "try", "attempt", "want", "intend", "seek", "aim", "warn", "pledge",
                          "promise", "hope", "plot", "conspire", "threatened", "vowed", "planned", "tried", "attempted"})
OFFLOADING = frozenset({"offloaded", "offloading"})
KIDNAP_WORDS = {"kidnapped", "abducted", "kidnapping", "abducting", "abduct", "kidnap", "hostage", "hostages", "abduction"}
ATTACKER_NOUNS = {
    "terrorist", "terrorists", "militant", "militants", "attacker", "attackers", "bomber",
    "bombers", "insurgent", "insurgents", "assailant", "assailants", "khawarij", "khariji",
    "kharijis", "khwarij", "miscreant", "miscreants", "dacoit", "dacoits", "outlaws", "separatists", "rebels", "fighters",
    "suspects",
    "accomplice", "accomplices", "kidnapper", "kidnappers", "abductor", "abductors", "accused",
}
PERSON_NOUNS = {
    "soldier", "policeman", "constable", "civilian", "person", "man", "woman", "child", "boy",
    "girl", "student", "teacher", "officer", "official", "worker", "labourer", "laborer",
    "passenger", "shopkeeper", "driver", "cleric", "guard", "trader", "journalist", "lawyer",
    "doctor", "pilgrim", "member", "leader", "tribesman", "elder", "resident", "farmer",
    "youth", "local", "pedestrian", "passerby", "cop", "jawan", "sepoy", "personnel",
    "policemen", "people", "persons", "others", "soldiers", "civilians", "children",
    "women", "men", "students", "officers", "officials", "workers", "labourers", "passengers",
    "engineer", "employee", "villager", "shepherd", "commander", "major", "captain",
    "lieutenant", "sub-inspector", "inspector", "sho", "asi", "levies", "fc", "sweeper",
    "vaccinator", "contractor", "national", "nationals", "tourist", "tourists",
    "bystander", "bystanders", "relative", "son", "brother", "father", "dsp", "sepoys", "guards",
    "passer", "passers", "passer-by", "passers-by", "grandson", "nephew", "cousin", "bodyguard", "escort", "gunman",
    "correspondent", "reporter", "judge", "councillor", "councilor", "activist", "politician", "candidate", "scholar",
    "imam", "principal", "professor", "businessman", "nurse", "subedar", "havaldar", "naik", "khasadar", "volunteer",
    "chairman", "mayor", "constables", "journalists", "lawyers", "teachers", "doctors", "traders", "drivers",
    "watchman", "vendor", "technician", "technicians", "vendors", "havildar", "colleague", "colleagues", "companion",
    "companions", "sub-inspectors", "daughter", "wife", "husband", "mother", "uncle", "grandfather",
    "firefighter", "firefighters", "rescuer", "rescuers", "paramedic", "paramedics", "sailor", "sailors", "warden",
    "wardens", "director", "directors", "manager", "managers", "clerk", "clerks", "cook", "cooks", "porter", "porters",
    "miner", "miners", "mason", "masons", "electrician", "electricians", "mechanic", "mechanics", "barber", "tailor",
    "butcher", "fisherman", "fishermen", "herder", "herders", "guide", "guides", "priest", "pastor", "lecturer",
    "lecturers", "surgeon", "surgeons", "pharmacist",
    # the plurals of the people above ("a minibus carrying Chinese engineers ... killed five of them")
    # (not words that describe people already counted: "both residents of Lakki Marwat", "members of the committee")
    "engineers", "employees", "villagers", "farmers", "shopkeepers", "pilgrims", "pedestrians", "clerics", "contractors",
    "vaccinators", "jawans", "cops", "boys", "girls", "reporters", "judges", "nurses", "inspectors", "bodyguards",
    "shepherds", "sweepers", "volunteers",
    "schoolteacher", "schoolteachers", "schoolboy", "schoolboys", "schoolgirl", "schoolgirls",
} | ATTACKER_NOUNS
NON_PERSON = {
    "house", "vehicle", "shop", "shell", "grenade", "rocket", "mortar", "round", "hour", "day", "minute", "km",
    "kilometre", "kilometer", "kg", "bomb", "ied", "building", "home", "car", "motorcycle", "truck", "tower",
    "week", "month", "year", "time", "incident", "attack", "blast", "explosion", "pylon", "bullet", "room",
    "compound", "village", "area", "district", "meter", "metre", "feet", "foot", "mile", "percent", "cent",
    "engagement", "encounter", "operation", "raid", "place", "location", "exchange", "clash", "firefight",  # "killed 35 in two engagements"
}
TOTAL_WORDS = {"toll", "tally", "total"}
SENTENCING_VERBS = frozenset({"sentence", "sentenced", "sentences", "sentencing", "condemned"})
GROUP_SPEECH = SPEECH_VERBS | {"put", "puts", "announced", "estimated", "alleged", "alleges", "asserted", "boasted"}  # "the BLA put the number of dead at 90"
# how a group's statement goes on after its claim ("claimed the attack, alleging that it had killed 90")
STATEMENT_PARTICIPLES = frozenset({"saying", "adding", "stating", "putting", "alleging", "asserting", "boasting", "insisting"})
ALSO_WORDS = ("also", "another", "besides", "further")  # "two passers-by were also killed": more victims
# "journalists who visited the hospital also counted five bodies": the same dead counted again, not more
GROUP_FIGURES = frozenset({"figure", "figures", "count", "counts", "toll", "tally", "numbers", "estimate", "claims"})
COUNTING_VERBS = frozenset({"counted", "confirmed", "verified", "put", "gave", "reported", "said", "told"})
CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "hrs", "hours", "o'clock", "o’clock"})  # "around 2pm"
# the words that may stand between a verb and the count it takes ("wounded at least eight people")
COUNT_QUALIFIERS = frozenset({"at", "least", "more", "than", "about", "nearly", "over", "some", "around", "almost",
                              "up", "to", "another", "roughly", "approximately"})
GENERIC_VICTIMS = frozenset({"people", "persons", "others", "victims", "individuals"})  # a count its parts then name
LIMBS = frozenset({"leg", "legs", "arm", "arms", "shoulder", "shoulders", "hand", "hands", "foot", "feet", "thigh",
                   "thighs", "knee", "knees"})
RISE_WORDS = frozenset({"raising", "raised", "raises", "rose", "risen", "rising", "climbed", "climbing", "increased",
                        "increasing", "taking", "took", "pushing", "pushed"})  # a toll's rise ("raising the toll from three")
REVISE_VERBS = frozenset({"revise", "revised", "revises", "revising"})  # (the lemmatiser is not in the pipeline)
CLAUSE_OPENERS = frozenset({"when", "as", "after", "while", "before", "because", "since"})
SUBCOUNT_WORDS = {"including", "among", "included"}
SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
# "There were no casualties among own troops": a statement about one side only
ONE_SIDE_SPARED = re.compile(r"\bno\s+casualt(?:y|ies)\s+(?:among|to|in\s+the\s+ranks\s+of|on\s+the\s+part\s+of)\b", re.I)
ZERO_PATTERNS = {
    "no casualties": ("killed", "injured"),
    "no casualty": ("killed", "injured"),
    "no loss of life": ("killed",),
    "no loss of lives": ("killed",),
    "suffered no loss": ("killed",),  # "The jawans suffered no loss in the operation": none of them killed
    "suffered no losses": ("killed",),
    "no one was killed": ("killed",),
    "no one was hurt": ("killed", "injured"),
    "no one was injured": ("killed", "injured"),  # (a report that tells deaths tells them: its figure wins)
    "nobody was hurt": ("killed", "injured"),
    "nobody was injured": ("killed", "injured"),
    "nobody was killed": ("killed",),
    "no injuries": ("injured",),
    "no one was harmed": ("killed", "injured"),
    "escaped unhurt": ("killed", "injured"),
    "escaped unharmed": ("killed", "injured"),
    "remained unhurt": ("killed", "injured"),
    "remained safe": ("killed", "injured"),
    "no deaths": ("killed",),
    "no fatalities": ("killed",),
    "without casualties": ("killed", "injured"),
}
# "without causing any casualties", "caused no injuries": a nil toll however the negation is worded
NIL_HARM = re.compile(r"\b(?:no|without(?:\s+(?:causing|inflicting|any))*)\s+(?:any\s+)?"
                      # ("There were no police casualties": the side spared named before the noun)
                      r"(?:(?:police|civilian|military|army|security|human)\s+)?(casualt(?:y|ies)|loss(?:es)? of li(?:fe|ves)"
                      r"|injur(?:y|ies)|fatalit(?:y|ies)|deaths?)\b", re.IGNORECASE)
NIL_HARM_KINDS = (("casualt", ("killed", "injured")), ("loss", ("killed",)), ("injur", ("injured",)),
                  ("fatalit", ("killed",)), ("death", ("killed",)))
# "escaped unhurt", "remained safe": a zero toll only when said of everyone, not of some ("two of the Chinese escaped unhurt")
GROUP_NOUNS = frozenset({"group", "outfit", "organisation", "organization", "faction"})
SPARED_VERBS = frozenset({"escaped", "remained"})
EVERYONE = frozenset({"all", "everyone", "everybody", "both", "entire", "whole"})
# "unconfirmed figures of 32 deaths ... were rejected": a count the report does not stand by
DISPUTED_WORDS = frozenset({"unconfirmed", "unverified", "unofficial", "exaggerated", "inflated"})
DISMISSED_VERBS = frozenset({"rejected", "dismissed", "denied", "disputed", "refuted"})
# "the ISPR first reported four soldiers killed", "police first put the toll at three": the verbs of a first count
FIRST_TOLD_VERBS = SPEECH_VERBS | {"put", "gave"}
# "reports that three policemen had been martyred were incorrect": a count the report says is untrue
UNTRUE_WORDS = frozenset({"incorrect", "false", "wrong", "untrue", "baseless", "unfounded", "inaccurate", "fake"})
# "during the final operation", "in the rescue operation": the last phase of a siege or hostage-taking
PHASE_SPARED = re.compile(r"\b(?:during|in)\s+the\s+(?:final|rescue)\s+(?:[\w-]+\s+)?(?:operation|assault|phase)\b",
                          re.IGNORECASE)
# who shoots ("a gunman shot dead an employee"): as the subject of a harming verb with an object, the killer
KILLER_NOUNS = frozenset({"gunman", "gunmen", "shooter", "shooters", "assassin", "assassins", "killer", "killers"})
# "a number of soldiers", "a handful of passengers": people counted without a number
VAGUE_QUANTITIES = frozenset({"number", "handful", "host", "lot"})
# "a sixth victim died": the toll as a victim's rank
ORDINAL_VALUES = {w: i for i, w in enumerate(
    ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
     "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"], start=2)}
_RANK_PERIOD = re.compile(r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:last\s+|past\s+)?(?:\w+\s+)?(?:years?|months?|decades?)\b"
                          r"|\bthis\s+(?:year|month)\b|\bsince\b", re.I)
# "barely two days after two policemen were gunned down": the span an older incident is dated by
# "No police personnel were killed", "no CTD official was hurt", "no passenger or railway employee was injured": nobody
# of a kind named
_NOT_ONE = r"not\s+(?:even\s+)?(?:a\s+single|one)\s+"  # "not a single jawan", "not even one policeman": nobody
NO_VICTIM = re.compile(r"\b(?:no\s+(?:[\w-]+\s+){0,3}?(?:(?:or|nor)\s+(?:[\w-]+\s+){1,3}?)?|"
                       + _NOT_ONE + r"(?:[\w-]+\s+){1,5}?|no\s+one\s+(?:at|in|on|inside|aboard)\s+(?:[\w-]+\s+){1,4}?|none\s+of\s+(?:the|its|their|our)\s+(?:[\w-]+\s+){1,5}?)"
                       r"(?:was|were|had been|has been|have been|got)\s+(killed|martyred|injured|wounded|hurt|harmed)\b", re.I)
# "Toll: no base personnel killed; 9 attackers killed", "with no one hurt": a clause of a toll that names nobody
NO_VICTIM_CLAUSE = re.compile(r"(?:^|[:;]\s*|\bwith\s+)no\s+(?:[\w-]+\s+){1,3}?(killed|martyred|injured|wounded|hurt)\b",
                              re.I)
# "not a single jawan of the security forces was martyred", "not one policeman": nobody, not a count of one
NOT_A_SINGLE = re.compile(r"\b" + _NOT_ONE + r"(?:[\w-]+\s+)?$", re.I)
# "the military said none of its personnel had died"
NONE_DIED = re.compile(r"\bnone\s+of\s+(?:the|its|their|our)\s+(?:[\w-]+\s+){1,5}?(?:had\s+|have\s+)?died\b", re.I)
# "no personnel of the base lost his life", "none of the passengers lost their lives": nobody died
# (or "no lives were lost", "the military said no personnel were lost")
NO_LIFE_LOST = re.compile(r"\b(?:no|none\s+of\s+the)\s+(?:(?!and\b|but\b)[\w-]+\s+){1,4}?lost\s+(?:his|her|their)\s+li(?:fe|ves)\b"
                          r"|\bno\s+(?:[\w-]+\s+){0,2}?(?:lives?|personnel|soldiers?|troops|men|jawans|policemen|one)\s+"
                          r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+lost\b", re.I)
NO_VICTIM_KINDS = {"killed": ("killed",), "martyred": ("killed",), "injured": ("injured",), "wounded": ("injured",),
                   "hurt": ("killed", "injured"), "harmed": ("killed", "injured")}
# the second harm of a negated pair: "no one was killed or injured", "no loss of life or injury"
NEGATED_PAIR = re.compile(r"\b(?:killed|martyred|dead|life|lives|deaths?|fatalities)\s+(?:or|nor)\s+(?:any\s+)?"
                          r"(injured|wounded|hurt|injury|injuries)\b", re.I)
_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
                    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$")
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
# "fatalities put at 12": a stated toll as news writes it (annotation markup such as ACLED's
# "fatalities coded as 3" is not read: news never contains it).
# the killing verbs a lone victim is the subject of
_KILLED_AS_SUBJECT = r"(?:shot dead|shot and killed|gunned down|martyred|assassinated|killed|stabbed to death)"
# "A well-known Sikh hakeem was shot dead", "Independent candidate for PK-22, Arif Zeb Khan, was shot dead": one victim
# as the sentence's subject, told whether or not the parser tagged the noun a noun
_LONE_VICTIM = re.compile(
    r"^(?:[A-Z][A-Za-z .'-]{1,30}[:—–-]\s*)?(?:(?:a|an)\s+(?P<noun>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)"
    r"|[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,10}?,\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),)"
    r"\s+(?:was|has been|had been)\s+" + _KILLED_AS_SUBJECT + r"\b",
    re.IGNORECASE)
# "Allama X, a Shia scholar who led the prayers at ... and had for years addressed majalis ..., was shot dead": a named
# man, set off by a long description, as the subject of a killing verb (however the parser hangs the clauses)
_NAMED_DESCRIBED_VICTIM = re.compile(
    r"^(?:[A-Z][A-Z .'-]{1,30}[:—–-]\s*)?(?P<name>(?:[A-Z][\w'’.-]*\s+){1,5}[A-Z][\w'’.-]*),\s+(?:a|an|the)\s+[^;]{5,250}?,"
    r"\s+(?:was|has been|had been)\s+" + _KILLED_AS_SUBJECT + r"\b")
# "According to a press release ..., Constable X of Police Station Kulachi, who had been deputed for the security of a
# polio team, was martyred": a named man set off by a "who" clause (the parser may hang him on the source's name)
_NAMED_WHO_VICTIM = re.compile(
    r"^(?:According\s+to\s+[^,;]{3,150},\s*)?(?P<name>(?:[A-Z][\w'’.-]*\s+){1,5}[A-Z][\w'’.-]*)"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,4})?,\s+who\s+[^;]{5,250}?,"
    r"\s+(?:was|has been|had been)\s+" + _KILLED_AS_SUBJECT + r"\b")
# "a gunman ... shot dead a Chinese national": one victim as the object of an active killing verb
_LONE_OBJECT = re.compile(
    r"\b(?:shot dead|gunned down|shot and killed|stabbed to death)\s+(?:a|an)\s+(?P<noun>(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)"
    r"(?=\s+(?:and|in|at|near|outside|inside|on|while|who|as|after|,)\b|[,.;]|$)", re.IGNORECASE)
_STATED_TOLL = re.compile(r"\bfatalit(?:y|ies)\b[^.;]{0,20}?\b(?:put|estimated|reported)\s+(?:as|at)\s+(\d{1,3})\b", re.I)
RANGE_WORDS = ("to", "or", "-", "–")
RESTATING_VERBS = frozenset({"revised", "raised", "lowered", "brought", "put", "updated", "corrected", "increased",
                             "reduced", "cut", "revise", "raise", "lower", "bring", "update", "correct"})
CLAIM_WORDS = {"claimed", "claims", "claim", "claiming"}
PRONOUNS = {"he", "she"}
HARMED_PRONOUNS = {"him", "her", "them"}  # a casualty verb's object that is someone else ("... killing him")
WINDOW_FILL = {"were", "was", "have", "has", "been", "also", "are", "reportedly", "later",
               "others", "people", "persons", "had", "got", "being", "seriously", "critically",
               "claimed", "reported", "feared", "believed", "said", "to", "be",
               "remain", "remains", "remained", "under", "in"}  # between a number and its casualty word
FACTORY = "khabar_casualties"
DEFAULT_CONFIG: dict[str, Any] = {
    "units": dict(UNITS),
    "multipliers": dict(MULTIPLIERS),
    "qualifiers": list(QUALIFIERS),
    "killed_words": sorted(KILLED_WORDS),
    "injured_words": sorted(INJURED_WORDS),
    "kidnap_words": sorted(KIDNAP_WORDS),
    "attacker_nouns": sorted(ATTACKER_NOUNS),
    "person_nouns": sorted(PERSON_NOUNS - ATTACKER_NOUNS),  # attacker nouns count people too
    "non_person": sorted(NON_PERSON),
    "total_words": sorted(TOTAL_WORDS),
    "subcount_words": sorted(SUBCOUNT_WORDS),
    "skip_ents": sorted(SKIP_ENTS),
    "zero_patterns": {pattern: list(kinds) for pattern, kinds in ZERO_PATTERNS.items()},
    "range_words": list(RANGE_WORDS),
    "claim_words": sorted(CLAIM_WORDS),
    "pronouns": sorted(PRONOUNS),
    "window_fill": sorted(WINDOW_FILL),
}
set_extension(Span, "casualties")
set_extension(Doc, "casualties")


@dataclass(frozen=True)
class CasualtyFigure:
    """One casualty count found in a sentence."""

    kind: CasualtyKind
    value: int
    qualifier: str | None
    span: TextSpan
    victim: str = ""
    total: bool = False
    sub_count: bool = False
    also: bool = False
    claimed: bool = False
    clause: int = 0  # 1 for a figure after ", while ... in <place>": another place's count, not added to the first
    earlier: bool = False  # "officials initially said 11 were killed": an earlier count, set aside when a current one exists
    of_injured: bool = False  # "two of the wounded died": dead who were counted among the injured
    corrected: bool = False  # "lowered the death toll to 84": a correction, the report's figure whatever else it repeats
    other_source: bool = False  # "Other officials gave different figures. A police officer said 25": another source's count


# "the number of teachers martyred in the district in a single day", "the toll from attacks this year": a tally over
# several incidents, not one incident's toll
TALLY_SCOPE = re.compile(r"\b(?:in\s+(?:a\s+single|one|the\s+same)\s+day|(?:this|that|last)\s+year|"
                         r"since\s+(?:january|the\s+start|the\s+beginning))\b", re.IGNORECASE)


def _tally_of_many(first: Token, sent: Span) -> bool:
    """The toll word before the number is scoped over a day, a month or a year ("the number of teachers who embraced
    shahadat in the district in a single day reached eight"): a sum of incidents."""
    before = sent.doc[sent.start : first.i]
    toll = next((t for t in reversed(before) if t.lower_ in ("number", "toll", "tally", "total")), None)
    return toll is not None and TALLY_SCOPE.search(sent.doc[toll.i : first.i].text) is not None


# "Other officials gave different figures", "The party gave a higher figure", "Figures from other officials differed"
SOURCES_DIFFER = re.compile(r"\b(?:gave|give|gives|giving|offered|cited|put out)\s+(?:an?\s+)?(?:different|differing|"
                            r"conflicting|other|higher|lower)\s+(?:figures?|tolls?|numbers?|counts?|casualty figures?)\b"
                            r"|\b(?:figures|tolls|counts|accounts)\b[^.;]{0,40}\b(?:differed|varied|conflicted)\b", re.IGNORECASE)


def other_sources_differ(sent: Span, back: int = 2) -> bool:
    """The sentence, or one of the two before it in its paragraph, says other sources give other figures ("Other
    officials gave different figures. A police officer said 11 had been killed ... A rescue official said more than 30
    had been hurt"): its counts are theirs."""
    for _ in range(back + 1):
        if SOURCES_DIFFER.search(sent.text):
            return True
        if starts_line(sent.doc, sent.start):
            return False  # (a new paragraph is another part of the story)
        sent = sent.doc[sent.start - 1].sent
    return False


def _group_taken_up(subject: Token) -> bool:
    """"The group said nine soldiers were killed", "the outfit claimed": a group named before, taken up by a noun."""
    return subject.lower_ in GROUP_NOUNS and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children)


def _some_spared(sent: Span) -> bool:
    """The subject of "escaped unhurt" is not everyone ("two of the Chinese", "the driver", "the health workers on the
    team"): some people were spared, which says nothing of the others. "All", "everyone", "both" or a party ("the
    engineers and their escort") speak for everyone."""
    for verb in sent:
        if verb.lower_ not in SPARED_VERBS:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ == "conj":  # "the candidate had finished his speech and escaped unhurt"
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for subject in subjects:
            # ("the engineers and their escort escaped unharmed": the people attacked and those guarding them)
            party = subject.tag_ == "NNS" and any(c.dep_ == "conj" for c in subject.children)
            if not party and not any(t.lower_ in EVERYONE for t in subject.subtree):
                return True
    return False


# verbs that carry the wounded to a hospital or a town ("had been shifted to Peshawar")
TAKEN_TO_HOSPITAL = frozenset({"admitted", "taken", "shifted", "brought", "rushed", "referred", "airlifted", "moved",
                               "evacuated", "transferred", "flown"})


def _more_of_the_same(victim: Token) -> bool:
    """A bare number with "more" as the subject of its own verb ("and nine more had been shifted to Timergara"): more
    of the people the sentence counted before it."""
    return (victim.pos_ == "NUM" and victim.dep_ in ("nsubj", "nsubjpass") and victim.i + 1 < victim.sent.end
            and victim.nbor(1).lower_ == "more")


def _took_lives(claim: Token) -> bool:
    """"The blast claimed five lives", "the attack has now claimed two policemen": the incident took them, no one
    claimed a count."""
    subject = next((c for c in claim.children if c.dep_ == "nsubj"), None)
    incident = subject is not None and subject.lower_.rstrip("s") in INCIDENT_NOUNS
    return incident or any(c.dep_ == "dobj" and c.lower_ in ("lives", "life") for c in claim.children)


# "The army named the dead as Lieutenant Colonel X, Captain Y and Sepoy Z", "The injured were identified as A and B"
NAMED_LIST = re.compile(r"\b(?:named|identified)\s+the\s+(?P<who>dead|deceased|martyred|martyrs|slain|injured|wounded)\s+as\s+"
                        # ("the martyred policemen were identified as ...": the dead named by their calling)
                        r"|\bthe\s+(?P<who2>dead|deceased|martyred|martyrs|slain|injured|wounded)(?:\s+(?P<noun>[a-z-]+))?\s+(?:were|have been|had been)"
                        r"\s+(?:named|identified)\s+as\s+", re.IGNORECASE)
LIST_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


# "lost their lives in rains and floods", "died in road accidents", "killed by a landslide": deaths no one caused
NATURAL_CAUSE = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:in|by|during|due\s+to|from|because\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:recent\s+|torrential\s+|"
    r"heavy\s+|monsoon\s+|flash\s+)*(?:rains?|rainfall|floods?|flooding|earthquakes?|landslides?|landslips?|avalanches?|"
    r"(?:road|traffic)\s+(?:accidents?|crash(?:es)?)|heatwaves?|heat\s*stroke|storms?|lightning|drowning)\b", re.I)


def _natural_cause(word: Token) -> bool:
    """The casualty word is followed by a natural cause or an accident ("lost their lives in rains and floods")."""
    doc = word.doc
    end = min(word.sent.end, word.i + 9)
    return bool(NATURAL_CAUSE.match(doc[word.i + 1 : end].text)) if word.i + 1 < end else False


def _named_list(sent: Span, figures: list[CasualtyFigure], sent_index: int) -> list[CasualtyFigure]:
    """The dead (or the injured) given as a list of names, when the sentence counts them no other way: one each."""
    found = NAMED_LIST.search(sent.text)
    if found is None:
        return []
    if (found.group("noun") or "").lower() in ATTACKER_NOUNS | {"gunmen", "gunman"}:
        return []  # "The slain terrorists were identified as ...": the attackers, named
    who = (found.group("who") or found.group("who2")).lower()
    kind: CasualtyKind = "injured" if who in ("injured", "wounded") else "killed"
    if any(f.kind == kind for f in figures):
        return []
    listed = re.split(r"[.;(]", sent.text[found.end() :])[0]
    # (an age set off by commas is no one: "vaccinator Ihsanullah, 32, and Constable Gul Zameen")
    parts = [p for p in LIST_PARTS.split(listed) if p.strip() and not p.strip().isdigit()]
    # (names only: each part a name of a few words, capitalised or after a lower-case title ("vaccinator X"), not a
    # clause running on)
    if len(parts) < 2 or not all(_listed_name(p) for p in parts):
        return []
    char_span = sent.doc.char_span(sent.start_char + found.start(), sent.start_char + found.end() + len(listed),
                                   alignment_mode="expand")
    span = TextSpan.from_span(char_span if char_span is not None else sent, sent_index)
    return [CasualtyFigure(kind, len(parts), None, span, victim=who, sub_count=False)]


NAME_PART_OPENERS = frozenset({"of", "from", "son", "daughter", "resident", "aged", "a", "an", "the", "s/o", "r/o", "d/o"})


def _listed_name(part: str) -> bool:
    """A part of a list of names: a capitalised name of a few words, or one after a lower-case title ("vaccinator
    Ihsanullah"), not a home ("of Tibbi Qaisrani") or a clause running on."""
    words = part.split()
    if not words or len(words) > 6:
        return False
    if words[0][0].isupper():
        return True
    return len(words) > 1 and words[0].lower() not in NAME_PART_OPENERS and words[0].isalpha() and words[1][0].isupper()


POLICE_RANKS = ("superintendent", "inspector-general")  # "Superintendent of Police X": the rank before the name
DISPUTING = re.compile(r"\b(?:but|however)\b", re.IGNORECASE)  # "..., but officials said", "The police, however, said"


def _bodies_disputed(figure: CasualtyFigure, sent: Span, later: list[CasualtyFigure]) -> bool:
    """A count of the bodies a hospital received, disputed at once: "listed 20 bodies by midnight, but officials said
    two of them were of attackers", or the next sentence's "The police, however, said 52 deaths had been confirmed":
    the raw count, not the report's toll."""
    if figure.victim != "bodies" or figure.kind != "killed":
        return False
    rest = sent.doc.text[figure.span.end : sent.end_char]
    turn = DISPUTING.search(rest)
    if turn is not None and re.search(r"\bof them\b", rest[turn.end() :], re.IGNORECASE):
        return True
    return any(f.kind == "killed" and f.value != figure.value and f.victim != "bodies"
               and DISPUTING.search(f.span.sentence) for f in later)


def _names_of_the_count(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """"Two policemen, ASI Noor Zaman and Constable Waheed Ullah, were martyred": the named men set off by commas after
    a count of as many are that count's people, not more (whatever the parser made of the list)."""
    out = list(figures)
    for k, count in enumerate(figures):
        named = figures[k + 1 : k + 1 + count.value]
        if count.value < 2 or len(named) != count.value or any(f.value != 1 or f.kind != count.kind for f in named):
            continue
        text, offset = count.span.sentence, count.span.sent_start
        head = re.match(r"\S+\s+(?:[\w-]+\s+)?[\w-]+,\s+", text[count.span.start - offset :])
        if head is None:
            continue
        opened = count.span.start - offset + head.end()
        closed = text.find(",", opened)
        if closed < 0 or not all(opened <= f.span.start - offset < closed for f in named):
            continue
        parts = re.split(r",\s*|\s+and\s+", text[opened:closed])
        # (each part a name: "a sanitary worker lost their lives when ..., " runs on into the sentence, a list)
        if len(parts) == count.value and all(len(part.split()) <= 5 for part in parts):
            out[k + 1 : k + 1 + count.value] = [replace(f, sub_count=True) for f in named]
    return out


def _taken_too(victim: Token, before: CasualtyFigure) -> bool:
    """A bare number taken to hospital after a count of the injured ("22 injured were admitted to the DHQ, while 6 had
    been referred to Kohat"): more of the injured."""
    return (before.kind == "injured" and victim.pos_ == "NUM" and victim.dep_ in ("nsubj", "nsubjpass")
            and victim.head.lower_ in TAKEN_TO_HOSPITAL)


def _man_after_force(tok: Token) -> bool:
    """"a Rangers sub-inspector", parsed with the man as a modifier after the force's name: the article and the
    man's place in the sentence are the name's."""
    return tok.dep_ == "amod" and tok.head.i == tok.i - 1 and tok.head.tag_ in ("NNP", "NNPS")


def _also_on_its_verb(victim: Token) -> bool:
    """"Eleven passengers, among them two women and a child, also lost their lives": "also" on the verb of which the
    counted people are the subject, however far a parenthesis puts it."""
    parenthesis = any(c.dep_ in ("prep", "appos") and c.i > victim.i and any(t.text == "," for t in victim.doc[victim.i : c.i])
                      for c in victim.children)
    return parenthesis and victim.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "advmod" and c.lower_ == "also" and c.head.lower_ not in COUNTING_VERBS for c in victim.head.children)


def _listed_among(last: Token) -> bool:
    """The words close on "among them" before the clause ends ("killing six passengers, a woman and a schoolteacher
    among them"): a part of the count before them."""
    doc = last.doc
    for tok in doc[last.i + 1 : min(last.i + 10, last.sent.end)]:
        if tok.text in (",", ";", ".") or tok.pos_ == "VERB":
            return False
        if tok.lower_ == "among" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("them", "whom"):
            return True
    return False


SPARED_WORDS = frozenset({"rescued", "freed", "released", "evacuated", "recovered", "surviving", "survivors"})


def _after_including(start: Token) -> bool:
    """The words open on "including", "among them/whom" or "of whom" ("including three children", "among them two
    women", "took 380 passengers hostage, of whom 354 were rescued")."""
    before = [t.lower_ for t in start.doc[max(start.sent.start, start.i - 2) : start.i]]
    return before[-1:] == ["including"] or before[-2:] in (["among", "them"], ["among", "whom"], ["of", "whom"])


def _toll_of_the_act(victim: Token) -> bool:
    """The count stands in a clause on the attack a group owns up to ("said it was behind a roadside bombing that
    killed three officers"): the bombing's toll as reported, not a count of the group's own."""
    for anc in victim.ancestors:
        if anc.dep_ == "relcl" and anc.head.lower_.rstrip("s") in INCIDENT_NOUNS:
            return True
        if anc.dep_ in ("ccomp", "ROOT"):
            return False
    return False


# "18 bodies, six of them those of attackers", "22 dead, including the bomber", "including those of three militants",
# "killed seven people — the bomber, five engineers and their driver"
ATTACKERS_AMONG = re.compile(r"\s*,?\s*(?:(?:including|among\s+them|of\s+whom|—|–|:)\s+(?:those\s+of\s+|that\s+of\s+)?"
                             r"(?P<n1>the|[\w-]+)\s+(?:suicide\s+)?"
                             r"|(?P<n2>[\w-]+)\s+of\s+(?:them|whom)\s+(?:were\s+)?(?:those\s+of\s+)?(?:the\s+)?)"
                             r"(?P<noun>[a-z]+)\b", re.IGNORECASE)
INCLUDING_THE_BOMBER = re.compile(r",\s*including\s+(?:that\s+of\s+)?the\s+(?:suicide\s+)?(?:bomber|attacker)(?:['’]s)?\b",
                                  re.IGNORECASE)
# the count's own verb phrase up to the comma before "including" ("Ten bodies were received in all, including ...")
_UP_TO_INCLUDING = re.compile(r"[^,;:.—–()]{1,60}(?=,\s*(?:including|among\s+them)\b)", re.IGNORECASE)
# "left seven people dead — three soldiers and four of the attackers —", "Thirteen people, among them seven policemen, a
# cook and five militants": a total broken down into parts after a dash, a colon or "among them" (the parts must add up
# to the total)
BREAKDOWN = re.compile(r"\s*(?:dead|killed)?\s*(?:[—–:]|,?\s*(?:among\s+them|including))\s*(?P<parts>[^—–;:.()]+)", re.IGNORECASE)
# one part: "three soldiers", "four of the attackers", "a civilian cook", the last running on into the verb ("one of the
# attackers lost their lives")
BREAKDOWN_PART = re.compile(r"^(?:the\s+)?(?P<n>[\w-]+)\s+(?:of\s+(?:the|them)\s+)?(?:[a-z-]+\s+)?(?P<noun>[a-z]+)"
                            r"(?:$|(?=\s+(?:were|was|lost|died|have|had|are|embraced)\b))", re.IGNORECASE)
# "officials gave no casualty figures", "no casualty count was available": no toll told, not a toll of none
NO_FIGURES_GIVEN = re.compile(r"\bno\s+(?:official\s+|immediate\s+)?(?:casualt(?:y|ies)|death)\s+(?:figures?|counts?|numbers?|details|"
                              r"information|toll|data|estimates?|reports?)\b", re.IGNORECASE)
# incidents in the plural that harmed no one ("exchanges of fire and grenade attacks that caused no casualties"): a
# kind of incident the report sets aside, not this incident's toll
HARMLESS_KIND = re.compile(r"\b(?:" + "|".join(INCIDENT_NOUNS) + r")(?:e?s)\b[^.;]{0,40}?\b(?:that|which)\s+"
                           r"(?:caused|left|resulted in|claimed)\s+no\b", re.IGNORECASE)


class CasualtyRules:
    """Pipeline component: every sentence's casualty figures (`sent._.casualties`, in order of appearance);
    `doc._.casualties` holds them all. Number words, casualty words and person nouns come from the config."""

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        self.name = name
        self.units: dict[str, int] = dict(config["units"])
        self.multipliers: dict[str, int] = dict(config["multipliers"])
        self.number_words = set(self.units) | set(self.multipliers) | {"a", "an", "and", "-"}
        self.qualifiers = tuple(config["qualifiers"])
        self.killed_words = frozenset(config["killed_words"])
        self.injured_words = frozenset(config["injured_words"])
        self.kidnap_words = frozenset(config["kidnap_words"])
        self.attacker_nouns = frozenset(config["attacker_nouns"])
        self.among_nouns = self.attacker_nouns | {"bomber", "attacker"}  # "22 dead, including the bomber"
        self.listed_attackers = self.attacker_nouns | {"gunman", "gunmen", "raider", "raiders"}  # "two of the raiders"
        self.non_person = frozenset(config["non_person"])
        self.total_words = frozenset(config["total_words"])
        self.subcount_words = frozenset(config["subcount_words"])
        self.skip_ents = frozenset(config["skip_ents"])
        self.claim_words = frozenset(config["claim_words"])
        self.pronouns = frozenset(config["pronouns"])
        self.window_fill = frozenset(config["window_fill"])
        self.person_nouns = frozenset(config["person_nouns"]) | self.attacker_nouns
        self.zero_patterns = {pattern: tuple(kinds) for pattern, kinds in config["zero_patterns"].items()}
        self.range_words = tuple(config["range_words"])
        self.finder = PhraseFinder(nlp, {"zero": self.zero_patterns})

    def __call__(self, doc: Doc) -> Doc:
        found = []
        sents = list(doc.sents)
        for index, sent in enumerate(sents):
            sent._.casualties = self.extract_casualties(sent, index)
        for index, sent in enumerate(sents):
            later = sents[index + 1]._.casualties if index + 1 < len(sents) else []
            sent._.casualties = [replace(f, earlier=True) if _bodies_disputed(f, sent, later) else f
                                 for f in sent._.casualties]
            found.extend(sent._.casualties)
        doc._.casualties = found
        return doc

    def word_value(self, words: list[str]) -> int | None:
        """Value of a number phrase in words: "twenty-three", "a dozen", "two hundred"."""
        total, current, seen = 0, 0, False
        for word in words:
            if word in ("a", "an"):
                current = max(current, 1)
                continue
            if word in ("and", "-"):
                continue
            if word in self.units:
                current += self.units[word]
                seen = True
            elif word in self.multipliers:
                current = max(current, 1) * self.multipliers[word]
                seen = True
                if word == "thousand":
                    total, current = total + current, 0
            elif _DIGITS.match(word):
                current += int(word.replace(",", ""))
                seen = True
            else:
                return None
        return total + current if seen else None

    def _number_groups(self, sent: Span) -> list[tuple[Token, Token, int]]:
        """(first token, last token, value) for each number expression in the sentence."""
        groups: list[tuple[Token, Token, int]] = []
        tokens = list(sent)
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            low = tok.lower_
            is_num = _DIGITS.match(low) is not None or low in self.units or low in self.multipliers
            negated = i > 0 and tokens[i - 1].lower_ in ("no", "not") or _denied(tok)
            if i > 0 and (tokens[i - 1].lower_ in ("no.", "nos.", "#", "paragraph", "paragraphs", "para", "paras", "page", "pages",
                                                  "section", "sections", "article")
                          or i > 1 and tokens[i - 1].text == "." and tokens[i - 2].lower_ in ("no", "nos")
                          # ("registered u/s 7 ATA": the law's section a case is registered under)
                          or i > 2 and [t.lower_ for t in tokens[i - 3 : i]] == ["u", "/", "s"]):
                i += 1  # "Constable Ihsanullah (No. 611)", "(Adds ... in paragraphs 3-5)": a reference, not a count
                while i + 1 < len(tokens) and tokens[i].lower_ in ("-", "–", "to", "and", ",") and _DIGITS.match(tokens[i + 1].lower_):
                    i += 2  # (the rest of the range or list it names)
                continue
            if _DIGITS.match(low) and i + 1 < len(tokens) and tokens[i + 1].lower_ in CLOCK_WORDS:
                i += 2  # "at around 2pm on Friday": a time of day, not a count
                continue
            if _DIGITS.match(low) and _item_number(tok):
                i += 1  # "4) 0705 hrs — HARNAI: ...": a bulletin's item number, not a count
                continue
            if is_num and _an_age(tokens, i):
                i += 1  # "Abdul Sattar, 26, a resident of Bahawalpur": his age, not a count
                continue
            name = tokens[i - 1] if i > 0 else None
            if name is not None and _DIGITS.match(low) and name.is_title and (
                    (name.pos_ == "PROPN" and name.lower_ not in self.person_nouns)
                    # (the name tagged as a common noun at the sentence's start: "Rescue 1122 shifted the injured")
                    or (len(low) >= 3 and tok.head.i == name.i)):
                i += 1  # "according to Rescue 1122", "Edhi 115": part of a name, not a count
                continue
            if i > 0 and _MONTH.match(tokens[i - 1].lower_):  # "Oct 10 (IWS)": a dateline day, not a count
                i += 1
                continue
            if i > 0 and tokens[i - 1].lower_ in ("update", "updates", "part", "version"):
                i += 1  # "UPDATE 2-Gunmen kill nine": a wire story's version, not a count
                continue
            if _DIGITS.match(low) and i + 1 < len(tokens) and tokens[i + 1].is_title and _MONTH.match(tokens[i + 1].lower_):
                i += 1  # "died in Turbat on 9 September": a day of the month, not a count
                continue
            # "the toll had risen to 15 overnight": NER may read "15 overnight" as a time
            toll_value = i > 0 and tokens[i - 1].lower_ in ("to", "at") and any(
                t.lower_ in self.total_words or (t.lower_ == "number" and t.i + 1 < sent.end and t.nbor(1).lower_ == "of")
                for t in tokens)  # "the number of wounded had risen to four after ...", read as a time
            # "killing 24 and wounding 46": NER may read a bare number as a date; a casualty verb's object is a count
            counted = low.isdigit() and len(low) <= 3 and tok.dep_ == "dobj" and self.casualty_kind(tok.head) is not None
            # "QUETTA, Feb 1 (LNA) - Eighteen soldiers were killed": NER may run the dateline's day into the count; a
            # number on people counts them
            counted = counted or (tok.dep_ == "nummod" and tok.head.lower_ in self.person_nouns)
            counted = counted or self._injured_word_of_count(tok) is not None  # "Of the wounded, eighteen were ..."
            if not is_num or (tok.ent_type_ in self.skip_ents and not (toll_value or counted)) or negated:
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and (tokens[j + 1].lower_ in self.number_words - {"a", "an"}):
                if tokens[j + 1].lower_ in ("and", "-") and (
                    j + 2 >= len(tokens) or tokens[j + 2].lower_ not in self.units
                ):
                    break
                j += 1
            start = i
            if i > 0 and tokens[i - 1].lower_ in ("a", "an") and low in self.multipliers:
                start = i - 1
            if self._after_out_of(tokens, start):
                i = j + 1
                continue
            if j + 2 < len(tokens) and tokens[j + 1].lower_ in ("more", "fewer", "less") and tokens[j + 2].lower_ == "than":
                i = j + 1  # "four passers-by, one more than initially reported": a difference, not a count
                continue
            if (start > 0 and tokens[start - 1].lower_ == "from" and j + 2 < len(tokens) and tokens[j + 1].lower_ == "to"
                    and self._is_number(tokens[j + 2])):
                i = j + 1  # "raising the toll from five to seven": the old figure; the new one follows
                continue
            words = [t.lower_ for t in tokens[start : j + 1]]
            value = self._range_value(tokens, start, j) if start > 0 and tokens[start - 1].lower_ == "between" else self.word_value(words)
            j, value = self._range_end(tokens, j, value)
            if (start > 0 and tokens[start - 1].lower_ == "between" and j + 2 < len(tokens) and tokens[j + 1].lower_ == "and"
                    and self._is_number(tokens[j + 2])):
                j += 2  # "between 20 and 25 injured": the range's lower bound, its upper bound no second count
            if value is not None and not (1900 <= value <= 2100 and _DIGITS.match(low)):
                groups.append((tokens[start], tokens[j], value))
            i = j + 1
        return groups

    def _is_number(self, tok: Token) -> bool:
        """A digit or number word."""
        return _DIGITS.match(tok.lower_) is not None or tok.lower_ in self.units

    def _after_out_of(self, tokens: list[Token], start: int) -> bool:
        """"out of a dozen personnel, 3 were killed": the base of a proportion, not a count."""
        before = [t.lower_ for t in tokens[max(0, start - 3) : start]]
        return "out" in before and before[-1] in ("of", "a", "an")

    def _range_value(self, tokens: list[Token], start: int, end: int) -> int | None:
        """"between two and four" → 2 (the lower bound of a range)."""
        words = [t.lower_ for t in tokens[start : end + 1]]
        if "and" in words:
            words = words[: words.index("and")]
        return self.word_value(words)

    def _range_end(self, tokens: list[Token], j: int, value: int | None) -> tuple[int, int | None]:
        """Extend "two to four" / "2-3" to the range's last token; the value is the lower bound."""
        if value is None or j + 2 >= len(tokens):
            return j, value
        if tokens[j + 1].lower_ in self.range_words and self._is_number(tokens[j + 2]):
            return j + 2, value
        return j, value

    def victim_verb(self, tok: Token) -> Token | None:
        """The casualty verb of "He was killed", "he ... died", "Constable Sher Alam was martyred"."""
        person = tok.lower_ in self.pronouns or (tok.ent_type_ == "PERSON" and tok.head.ent_type_ != "PERSON")
        if person and tok.ent_type_ == "PERSON" and tok.dep_ == "dobj" and tok.head.lower_ in ("shot", "gunned", "killed", "martyred"):
            verb = tok.head  # "gunmen shot dead Malik Gul Zameer Afridi"
            dead = verb.i + 1 < len(tok.doc) and tok.doc[verb.i + 1].lower_ in ("dead", "down")
            return verb if self.casualty_kind(verb) or dead else None
        if not person or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = tok.head
        if tok.dep_ == "nsubjpass" and not self.casualty_kind(verb):
            # "X was dragged from his car by gunmen and shot dead": the conjoined verb
            return self._conjoined_casualty(verb)
        if tok.dep_ == "nsubjpass" or verb.lower_ in DIED_WORDS:
            return verb if self.casualty_kind(verb) else None
        died = next((c for c in verb.children if c.dep_ == "conj" and c.lower_ in DIED_WORDS), None)
        if (died is None and tok.lower_ in self.pronouns and verb.lower_ in ("embraced", "embraces")
                and self.casualty_kind(verb) == "killed"):
            died = verb  # "..., as a result of which he embraced martyrdom on the spot"
        if died is not None or tok.lower_ in self.pronouns:
            return died  # ("He had received bullet wounds": a man the report has told of already)
        # "Shahid Nawaz sustained injuries in the blast": the harm is the verb's object
        return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in WOUND_NOUNS), None)

    def _someone_counted_before(self, pronoun: Token) -> bool:
        """The sentence counts someone before the pronoun ("Constable X was martyred when gunmen fired, killing him"):
        the pronoun is that person again."""
        return any((t.like_num and t.head.dep_ in ("nsubjpass", "dobj")) or self.victim_verb(t) is not None
                   for t in pronoun.sent if t.i < pronoun.i)

    def _singular_groups(self, sent: Span, taken: set[int]) -> list[tuple[Token, Token, int]]:
        """"a soldier", "one policeman", "the suicide bomber": a single person noun → 1."""
        groups = []
        for tok in sent:
            if tok.i in taken:
                continue
            if self.victim_verb(tok) is not None:
                groups.append((tok, tok, 1))
                continue
            word = tok.lower_
            if word in ("him", "her") and tok.dep_ == "dobj" and tok.head.lower_ == "shot" and any(
                    c.lower_ == "dead" for c in tok.head.children):
                groups.append((tok, tok, 1))  # "picked out a teacher and shot him dead"
                continue
            if (word in ("him", "her") and tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and tok.head.lower_ != "shooting"
                    and self.casualty_kind(tok.head) and not self._someone_counted_before(tok)):
                groups.append((tok, tok, 1))  # "opened fire on the elder, killing him on the spot"
                continue
            if word == "another" and tok.i + 1 < sent.end and self._casualty_next(tok):
                groups.append((tok, tok, 1))  # "two labourers were killed and another injured"
                continue
            if (word == "another" and tok.dep_ == "dobj" and self.casualty_kind(tok.head)
                    and not any(c.dep_ == "auxpass" for c in tok.head.children)):
                # "killed four workers and wounded another" (not a passive's "object": "one soldier was killed another
                # was left injured")
                groups.append((tok, tok, 1))
                continue
            det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
            if word in ORDINAL_VALUES and det is not None and tok.dep_ == "dobj" and self.casualty_kind(tok.head):
                groups.append((det, tok, 1))  # "killing two crew members and wounding a third"
                continue
            if (word in ORDINAL_VALUES and det is not None and tok.dep_ in ("nsubj", "nsubjpass")
                    and (self.casualty_kind(tok.head) == "injured" or self._one_more_dead(tok))):
                # "two guards were martyred and a third was wounded"; "two soldiers died at the scene and a third
                # died of his wounds"
                groups.append((det, tok, 1))
                continue
            if tok.i >= sent.start + 2 and tok.doc[tok.i - 1].text == "-":  # "a passer-by": the whole compound
                word = f"{tok.doc[tok.i - 2].lower_}-{word}"
            if word in VAGUE_QUANTITIES and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "of":
                continue  # "claimed to have killed a number of security personnel": no count
            title = self._victim_title(tok) or self._listed_name(tok)  # "Constable Muhammad Arif embraced shahadat"
            if title is not None:
                groups.append((title, tok, 1))
                continue
            # (a person noun the tagger took for an adjective: "A Chinese national ... was wounded")
            noun_subject = tok.tag_ == "JJ" and tok.dep_ in ("nsubj", "nsubjpass")
            # ("a gunman shot dead a dentist": the object of a harming verb is someone, whatever the noun)
            harmed_object = (tok.dep_ == "dobj" and tok.head.lower_ in HARMING_VERBS and self._is_person(tok)
                             and not any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.head.children))
            # (not what a statement says its fighters "had killed")
            # ("the bus driver and an adult helper were also killed": a noun joined to a person noun names a person)
            # (with a plural verb: "a correspondent for a daily and a former president of the press club was dragged
            # from his car" is one man)
            joined_person = (tok.dep_ == "conj" and tok.head.lower_ in self.person_nouns and self._is_person(tok)
                             and tok.head.dep_ in ("nsubj", "nsubjpass")
                             and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "are", "have")
                                     for c in tok.head.head.children))
            if (word not in self.person_nouns and not self._harmed_subject(tok) and not harmed_object
                    and not joined_person) or (
                    tok.tag_ not in ("NN", "NNP") and word != "personnel" and not noun_subject):
                continue
            if any(c.dep_ == "nummod" for c in tok.children):
                continue
            if NOT_A_SINGLE.search(tok.doc[max(sent.start, tok.i - 4) : tok.i].text + " "):
                continue  # "not a single jawan was martyred": nobody (`_zero_figures`), not one
            if tok.dep_ == "attr":
                continue  # "an elder who was a member of the jirga was shot dead": the subject again, not another man
            if (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN"
                    and tok.head.head.lower_ in self.person_nouns):
                continue  # "two police guards of a senior civil judge were martyred": whose guards, not one of the dead
            if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
                continue  # "Gul Zaman Khattak, 41, a correspondent for a daily, was shot dead": the man named again
            if _describes_a_count(tok):
                continue  # "killing two villagers, a woman and a young boy": who the counted were
            if any(c.dep_ == "amod" and c.lower_ in ORDINAL_VALUES for c in tok.children) and (
                    tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lower_ in DIED_WORDS
                                                           or self.casualty_kind(tok.head) == "killed")):
                continue  # "a third soldier has died of his wounds": the toll by rank (`_ordinal_victims`)
            # "five engineers and their driver", "the elder's nephew was injured"
            # ("killing a head constable": the article parsed on the rank's first word)
            fronts = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.i < tok.i)]
            dets = [c for f in fronts for c in f.children if (c.dep_ == "det" and c.lower_ in ("a", "an", "the", "another"))
                    or (c.dep_ == "poss" and (c.lower_ in ("their", "his", "her", "its") or c.pos_ in ("NOUN", "PROPN")))]
            if not dets and (_man_after_force(tok) or tok.head.dep_ in ("nsubj", "nsubjpass") and (
                    (tok.dep_ == "amod" and tok.head.tag_ == "VBN") or (tok.dep_ == "appos" and tok.head.i == tok.i - 1))):
                # the person parsed as a modifier of the subject: "a constable deputed for the security of a polio team
                # was shot dead" (the participle as the subject), "A police jawan escorting the team embraced shahadat"
                # ("police" as the subject, the man as its apposition), "a Rangers sub-inspector" (the force's name)
                dets = [c for c in tok.head.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
            if not dets and self._telegraphic_victim(tok):
                groups.append((tok, tok, 1))  # "driver killed, one student wounded": a brief's clipped toll
                continue
            if not dets:
                continue
            if self._killer(tok):
                continue  # "a suicide bomber killed three soldiers": who killed, not who died
            definite = dets[0].lower_ in ("the", "his", "her", "their") or dets[0].dep_ == "poss"
            node = tok
            while node.dep_ == "conj" and node.head.i != node.i:  # "five engineers and their driver were killed"
                node = node.head
            # ("X, a tribal elder and a member of the aman committee, was shot dead": X described)
            described = node.head if node is not tok and node.dep_ == "appos" and node.head.pos_ == "PROPN" else node
            if described is not tok and described.dep_ in ("nsubj", "nsubjpass") and any(
                    c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has")
                                       for c in described.head.children):
                continue  # "a student of journalism and an active worker of the PSF was shot dead": one man
            if node is not tok and node.pos_ == "PROPN" and _from_a_place(tok):
                continue  # "Sepoy Naveed Ahmed, aged 24 years and a resident of District Chakwal, embraced shahadat"
            subject_of_casualty = node.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                self.casualty_kind(node.head) is not None  # "the driver was killed"
                # ("His nephew, X, was critically wounded", parsed with the subject on the auxiliary)
                # (not "... was critically wounded and succumbed to his injuries": one of the dead)
                or (node.head.dep_ in ("aux", "auxpass") and self.casualty_kind(node.head.head) is not None
                    and not any(c.dep_ == "conj" and c.lower_ in DIED_WORDS for c in node.head.head.children))
                or (node.dep_ == "nsubj" and any(c.dep_ == "dobj" and self.casualty_kind(c) for c in node.head.children))
                # "his nephew is under treatment", "the guard was shifted to hospital with injuries"
                or (node.dep_ in ("nsubj", "nsubjpass") and any(
                    g.dep_ == "pobj" and self.casualty_kind(g) == "injured" for c in node.head.children
                    if c.dep_ == "prep" and c.lower_ in ("with", "under") for g in c.children)))
            # ("the driver lost his life")
            # "an elder was killed along with his nephew": the companion shares the verb
            subject_of_casualty = subject_of_casualty or self._companion_of_victim(node)
            subject_of_casualty = subject_of_casualty or self._gapped_victim(tok) or self._the_other_wounded(tok)
            subject_of_casualty = subject_of_casualty or self._second_object(tok) is not None
            subject_of_casualty = subject_of_casualty or self._participle_object(tok) is not None
            if definite and tok.lower_ not in self.attacker_nouns | {"bomber", "attacker"} and not subject_of_casualty:
                continue
            # "wounding the couple": a pair is two people (not "a couple of ...", a number word)
            pair = word in PAIR_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            groups.append((dets[0], tok, 2 if pair else 1))
        return groups

    def _after_relative_clause(self, victim: Token) -> Token | None:
        """The passive casualty verb after a "who" clause on the counted people ("three militants who opened fire on
        the convoy after the explosion were killed by the troops"), or the clause's own ("23 men, most of them from
        Punjab, who were lined up and shot dead"), however the parser joined the clause."""
        doc = victim.doc
        who = victim.i + 1
        if who < victim.sent.end and doc[who].text == ",":
            # "pulled out 23 men, most of them from Punjab, who were lined up and shot dead": past a verbless aside
            close = next((t.i for t in doc[who + 1 : min(who + 10, victim.sent.end)] if t.text == ","), None)
            if close is not None and not any(t.pos_ in ("VERB", "AUX") or t.like_num for t in doc[who + 1 : close]):
                who = close + 1
        if who >= victim.sent.end or doc[who].lower_ != "who":
            return None
        for k in range(who + 1, victim.sent.end - 1):
            tok = doc[k]
            if tok.lower_ in (";",) or (tok.like_num and tok.i > who):
                return None  # another count or clause
            if tok.lower_ in ("were", "was") and self.casualty_kind(doc[k + 1]) in ("killed", "injured"):
                return doc[k + 1]
            if (tok.lower_ == "and" and doc[k + 1].dep_ == "conj" and doc[who].head in doc[k + 1].ancestors
                    and self.casualty_kind(doc[k + 1]) in ("killed", "injured")):
                return doc[k + 1]  # "who were lined up by the roadside and shot dead"
        return None

    def _second_object(self, tok: Token) -> Token | None:
        """The casualty verb of a second object after "and" ("killing a vaccinator and the constable escorting the
        team"), whatever the parser joined it to: the word before "and" is the verb's object."""
        det = next((c for c in tok.children if c.dep_ in ("det", "poss") and c.i < tok.i), None)
        start = det.i if det is not None else tok.i
        if tok.dep_ != "conj" or start < tok.sent.start + 2 or tok.doc[start - 1].lower_ != "and":
            return None
        before = tok.doc[start - 2]
        if before.dep_ == "dobj" and before.head.pos_ == "VERB" and self.casualty_kind(before.head) is not None:
            return before.head
        return None

    def _participle_object(self, tok: Token) -> Token | None:
        """The casualty verb whose object the parser made the subject of a participle after it ("wounded the
        policeman escorting her", read as "wounded [the policeman escorting her]"): the noun is the one harmed."""
        clause = tok.head
        verb = clause.head
        if tok.dep_ != "nsubj" or clause.tag_ != "VBG" or clause.dep_ not in ("ccomp", "xcomp") or tok.i > clause.i:
            return None
        if verb.pos_ != "VERB" or verb.i > tok.i or self.casualty_kind(verb) is None:
            return None
        if any(c.dep_ in ("dobj", "auxpass") for c in verb.children):
            return None  # ("was wounded ..." or a verb with an object of its own: not this parse)
        return verb

    def _killer(self, tok: Token) -> bool:
        """An attacker who is the subject of an active casualty verb with an object of its own ("a suicide bomber
        killed three soldiers"): the one who harmed, not one harmed ("the bomber lost his life" has no such object)."""
        verb = tok.head
        return (tok.dep_ == "nsubj" and (tok.lower_ in self.attacker_nouns or tok.lower_ in KILLER_NOUNS)
                and self.casualty_kind(verb) is not None
                and any(c.dep_ == "dobj" and self.casualty_kind(c) is None for c in verb.children))

    @staticmethod
    def _then_died(verb: Token) -> bool:
        """"was wounded and succumbed", "was injured and later died": the wounding verb's subject died of it."""
        if any(c.dep_ == "conj" and c.lower_ in DIED_WORDS
               and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children):
            return True
        # "received four bullets and was shifted to a hospital where he was pronounced dead": the same man, declared dead
        return any(t.lower_ in ("pronounced", "declared") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "dead"
                   and any(g.dep_ == "nsubjpass" and g.lower_ in ("he", "she") for g in t.children)
                   for c in (verb, *verb.conjuncts) for t in c.subtree)

    def _harmed_subject(self, tok: Token) -> bool:
        """"a worshipper was injured", "a shopkeeper was shot dead": a noun the casualty verb itself makes a person."""
        if tok.pos_ != "NOUN" or tok.lower_ in self.non_person:
            return False
        if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and self.casualty_kind(tok.head) in ("killed", "injured"):
            # "opened fire, killing the clinic's young cashier and wounding the dentist"
            return any(c.dep_ in ("det", "poss") for c in tok.children)
        # ("The dentist was killed and two others were wounded": the definite victim of the report, too)
        # ("The clinic's owner ... was killed": a possessive makes the noun definite too)
        return self._gapped_victim(tok) or (
            tok.dep_ == "nsubjpass" and self.casualty_kind(tok.head) in ("killed", "injured")
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") or c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
                    for c in tok.children))

    def _telegraphic_victim(self, tok: Token) -> bool:
        """A bare singular person noun before a casualty verb with no object ("driver killed", "Soldier martyred"), as
        briefs and headlines clip it (not "Police killed two militants")."""
        verb = tok.head
        return (tok.dep_ == "nsubj" and tok.tag_ == "NN" and tok.lower_ in self.person_nouns
                and tok.lower_ not in self.attacker_nouns and self.casualty_kind(verb) in ("killed", "injured")
                and not any(c.dep_ == "dobj" for c in verb.children)
                and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children))

    @staticmethod
    def _the_other_wounded(tok: Token) -> bool:
        """"The other injured soldier remained under treatment": the one wounded man left, counted."""
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det")}
        return tok.dep_ in ("nsubj", "nsubjpass") and "other" in words and bool(words & {"injured", "wounded"})

    def _companion_of_victim(self, node: Token) -> bool:
        """"an elder was killed along with his nephew", "was shot dead along with his guard" (with "along" parsed as
        the verb's preposition): the companion shares the casualty verb."""
        verb = _along_with(node)
        return verb is not None and self.casualty_kind(verb) is not None

    def _subjects_companions(self, victim: Token) -> Token | None:
        """"Captain Faraz, along with five soldiers, embraced shahadat": companions of a subject who suffered the
        casualty verb share it (not those of a killer: "the gunman, along with two accomplices, killed a guard")."""
        anchor = _along_with(victim)
        if anchor is None:
            return None
        while anchor.dep_ in ("conj", "appos") and anchor.head.i != anchor.i:
            anchor = anchor.head
        if anchor.dep_ not in ("nsubj", "nsubjpass") or anchor.pos_ not in ("NOUN", "PROPN"):
            return None
        verb = anchor.head
        if self.casualty_kind(verb) and (verb.lower_ in SUFFERED_VERBS
                                         or any(c.dep_ == "auxpass" for c in verb.children)):
            return verb
        # "... lost their lives", "... paid the ultimate sacrifice": the casualty word is the verb's object
        return next((c for c in verb.children if c.dep_ in ("dobj", "acomp", "oprd") and self.casualty_kind(c)), None)

    def _gapped_victim(self, tok: Token) -> bool:
        """"a lawyer was shot dead and his clerk injured": a companion whose verb is gapped after it."""
        return tok.dep_ == "conj" and self.casualty_kind(tok.head) is not None and any(
            c.dep_ == "acl" and c.i > tok.i and self.casualty_kind(c) for c in tok.children)

    def _victim_title(self, tok: Token) -> Token | None:
        """The person title of a name ("Constable Muhammad Arif", "journalist Hasan Zaib") that is the subject of
        a casualty verb, or of a verb conjoined with one; None for any other token."""
        if tok.pos_ == "PROPN" and tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and self.casualty_kind(tok.head):
            # "a bomb went off near the van, martyring Constable Javed Iqbal": the named object of the toll's participle
            return self._title_of(tok)
        if tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if self._counted_apposition(tok):
            return None  # "Naik Ayaz, a resident of Karak": the apposition counts him
        title = self._title_of(tok)
        others = [c for c in tok.children if c.dep_ == "conj"]
        # (or parsed as a second subject of the verb: "X, the head of ..., and seven others embraced shahadat")
        others += [c for c in tok.head.children if c.dep_ == tok.dep_ and c.i > tok.i
                   and c.left_edge.i > 0 and tok.doc[c.left_edge.i - 1].lower_ == "and"]
        if title is None and tok.ent_type_ == "PERSON" and any(
                c.lower_ == "others" and any(n.dep_ == "nummod" for n in c.children) for c in others):
            title = tok  # "Maulana X, the seminary's head, and seven others embraced shahadat": he is one more
        if title is None and (tok.lower_ in self.person_nouns or tok.lower_ in POLICE_RANKS) and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(n.dep_ == "pobj" and n.pos_ == "PROPN" for n in c.children)
                for c in tok.children):
            title = tok  # "Deputy Superintendent of Police Iqbal Mohmand and three constables": the rank names him
        if title is None:
            return None
        return title if self._harms_subject(tok.head) else None

    def _counted_apposition(self, name: Token) -> bool:
        """The name's apposition is a person noun counted in its own right ("a resident of Karak"), not a bare
        description ("Sepoy Abdul Rehman, age 24, resident of District Karak")."""
        return any(c.dep_ == "appos" and c.lower_ in self.person_nouns
                   and any(d.dep_ in ("det", "poss") for d in c.children) for c in name.children)

    def _harms_another(self, verb: Token) -> bool:
        """An active casualty verb with a person of its own as object ("killing vaccinator X", "shot a policeman"):
        its subject harmed someone else."""
        return (self.casualty_kind(verb) is not None and verb.tag_ in ("VBD", "VBG", "VBZ", "VBP")
                and not any(c.dep_ == "auxpass" for c in verb.children)
                and any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in self.person_nouns
                                              or c.lower_ in HARMED_PRONOUNS)
                        and self.casualty_kind(c) is None for c in verb.children))

    def _harms_subject(self, verb: Token) -> bool:
        """A casualty verb, or one conjoined with it, or one whose object is the harm ("received injuries")."""
        return any(self.casualty_kind(v) is not None
                   or any(c.dep_ == "dobj" and self.casualty_kind(c) is not None for c in v.children)
                   for v in (verb, *verb.conjuncts))

    def _title_of(self, name: Token) -> Token | None:
        """The person title before a name ("Constable" of "Constable Wali Jan")."""
        node: Token | None = name
        while node is not None:  # "Constable" → "Wali" → "Jan": the title heads the name's compounds
            # ("Assistant Sub-Inspector (ASI) Sher Zaman": a rank with its abbreviation, parsed as a modifier noun)
            before = [c for c in node.children if c.dep_ in ("compound", "amod", "nmod") and c.i < node.i]
            # (or sits among them, parsed flat: "Head Constable Sajid Ahmed")
            title = next((c for c in before if c.lower_ in self.person_nouns), None)
            if title is not None:
                return None if title.lower_ in self.attacker_nouns else title
            node = before[0] if before else None
        return None

    def _listed_name(self, tok: Token) -> Token | None:
        """A further name in a list of named victims ("ASI Qudratullah, Constable Shahid Khan and Constable Wali Jan
        were injured"): a name joined to a name, up to the subject of a casualty verb; its title, or itself."""
        # ("Head Constable X Ahmed and Constable Y Khan received injuries", parsed with the first name as a modifier
        # of the second: a name joined to the next by "and")
        joined_before = _joined_before(tok)
        if tok.pos_ != "PROPN" or (tok.dep_ not in ("conj", "appos") and not joined_before) or tok.head.pos_ != "PROPN":
            return None
        if self._counted_apposition(tok):
            return None  # "Sepoy Zahid, a resident of Lakki Marwat": the apposition counts him
        title = self._title_of(tok)
        if title is None and tok.ent_type_ != "PERSON":
            return None
        node, listed = tok, tok.dep_ == "conj" or joined_before
        if joined_before:
            node = tok.head
        while node.dep_ in ("conj", "appos") and node.head.i != node.i and node.head.pos_ == "PROPN":
            node = node.head
            listed = listed or node.dep_ == "conj"
        if not listed and title is None:
            return None  # "Malik Gul Zameer Afridi, Khyber's ..." is one man named twice
        if node.dep_ not in ("nsubj", "nsubjpass") or node.ent_type_ in ("PK_LOC", "MIL_GROUP", "SEC_ACTOR"):
            return None
        return title or tok if self._harms_subject(node.head) else None

    def _group_speaks(self, sent: Span) -> bool:
        """The sentence's main verb is a group's statement of a count ("The BLA said 90 soldiers were killed",
        "had put the number of dead at 90"), or it gives the group's own figures ("the BLA's figures"), not a claim of
        the act or the act itself."""
        if any(t.lower_ in GROUP_FIGURES and any(c.dep_ == "poss" and c.ent_type_ == "MIL_GROUP" for c in t.children)
               for t in sent):
            return True  # "The BLA's own figures — 214 hostages, dozens of soldiers killed — have not been verified"
        root = sent.root
        if root.lower_ not in GROUP_SPEECH:
            return False  # "BLA orchestrated an IED explosion in which 5 were killed": the act, not a count
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        return subject is not None and (any(t.ent_type_ == "MIL_GROUP" for t in subject.subtree if t.i <= subject.i)
                                        or _group_taken_up(subject))

    def _group_statement(self, sent: Span) -> set[int]:
        """Tokens of what a group says when it claims an attack ("The BLA claimed responsibility, saying its
        fighters had killed more than 20"): its figures are the group's."""
        found: set[int] = set()
        for tok in sent:
            if tok.lower_ not in self.claim_words and tok.lower_ not in GROUP_SPEECH:
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is None and tok.dep_ == "conj":  # "the BLA claimed the hijacking and said it had killed 30"
                subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is None or not (any(t.ent_type_ == "MIL_GROUP" for t in subject.subtree) or _group_taken_up(subject)):
                continue
            for said in tok.children:
                # (... "putting the number of soldiers killed at more than twenty": the group's own count)
                if said.lower_ in STATEMENT_PARTICIPLES and said.dep_ in ("advcl", "xcomp", "conj"):
                    found |= {t.i for t in said.subtree}
                    # "claimed responsibility, saying it was holding 182 people ... and had killed 20 soldiers": what
                    # the parser joins to the claim after the saying is said too
                    found |= {t.i for c in tok.children if c.dep_ == "conj" and c.i > said.i for t in c.subtree}
                if tok.lower_ in GROUP_SPEECH and said.dep_ == "ccomp":
                    found |= {t.i for t in said.subtree}
            if tok.lower_ in GROUP_SPEECH and tok.dep_ == "conj":
                # "... and said it was holding 214 people and had killed 30": verbs coordinated after the saying
                found |= {t.i for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i for t in c.subtree}
        return found

    def _conjoined_casualty(self, verb: Token) -> Token | None:
        """The casualty verb conjoined with a passive one ("was dragged from his car and shot dead"), or with a bare
        participle that goes on from it ("were taken from the room, led into the hills and killed")."""
        def conjoined(head: Token) -> Token | None:
            return next((c for c in head.children if c.dep_ == "conj" and c.tag_ in ("VBN", "VBD") and self.casualty_kind(c)
                         and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)  # not "..., but Mengal succumbed"

        def goes_on(c: Token) -> bool:  # a bare participle that carries the same people on ("..., led into the hills")
            return (c.dep_ in ("advcl", "conj") and c.tag_ in ("VBN", "VBD")
                    and not any(g.dep_ in ("nsubj", "nsubjpass", "mark", "advmod") for g in c.children))

        return conjoined(verb) or next((found for c in verb.children if goes_on(c) and (found := conjoined(c)) is not None),
                                       None)

    def _casualty_next(self, tok: Token) -> bool:
        """A casualty word right after a pronoun ("another injured", "another was wounded")."""
        following = [t for t in tok.doc[tok.i + 1 : min(tok.i + 3, tok.sent.end)] if t.lower_ not in ("was", "got")]
        # (not "another killing", "another attack": an incident, not a person)
        # (nor "another injured policeman succumbed": the word describes the man the sentence counts by his noun)
        return (bool(following) and self.casualty_kind(following[0]) is not None and following[0].pos_ != "NOUN"
                and not (following[0].dep_ == "amod" and following[0].head.i > following[0].i
                         and self._is_person(following[0].head)))

    def _is_person(self, token: Token) -> bool:
        """True for a noun that can count people ("engineers"), not things ("houses", "hours")."""
        low = token.lower_
        if low in self.person_nouns:
            return True
        return token.pos_ in ("NOUN", "PROPN") and low.rstrip("s") not in self.non_person

    def casualty_kind(self, token: Token) -> str | None:
        """"killed" / "injured" / "kidnapped" for a casualty word, else None."""
        low = token.lower_
        if low in self.killed_words:
            if low in ("lives", "life") and not any(t.lower_ in ("lost", "lose", "losing", "loses") for t in token.head.subtree
                                                    ) and not _lives_taken(token):
                return None  # (but "the blast claimed the lives of seven people", "took the lives of two guards")
            if low in ("death", "deaths") and token.dep_ == "compound":
                return "killed"
            if low == "death" and token.dep_ == "pobj" and token.head.head.lower_ in SENTENCING_VERBS:
                return None  # "sentenced two men to death": a verdict, not a death
            return "killed"
        if low in self.injured_words or (low == "wound" and token.pos_ == "NOUN"):
            return "injured"  # ("a bullet wound", not "the operation wound up")
        if low in ("bullet", "bullets") and token.dep_ == "dobj" and token.head.lower_ in HARM_TAKERS:
            return "injured"  # "took a bullet in the shoulder", "received two bullets"
        if low in self.kidnap_words or (low == "taken" and "hostage" in token.sent.text.lower()):
            return "kidnapped"
        if low in OFFLOADING and any(c.dep_ == "dobj" and c.lower_ in self.person_nouns for c in token.children):
            return "kidnapped"  # "offloaded 23 passengers from buses": people taken off by force (not goods)
        if low in ("shot", "gunned") and any(c.lower_ in ("dead", "down") for c in token.children):
            return "killed"
        if low in ("shot", "hit") and any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ in LIMBS for o in c.children)
                                          for c in token.children) and not any(
                self.casualty_kind(c) == "killed" or c.lower_ in DIED_WORDS for c in token.conjuncts):
            # "the driver had been shot in the leg", "a waiter was hit in the leg": wounded (a fatal shot is told as a
            # death: "was hit in the head and died at the scene")
            return "injured"
        if low == "embraced" and any(c.lower_ in MARTYRDOM for c in token.children):
            return "killed"  # "embraced shahadat": martyred
        if _breathed_last(token):
            return "killed"  # "four of the wounded breathed their last"
        if low in MARTYRDOM_TAKERS and any(c.dep_ == "dobj" and (c.lower_ in MARTYRDOM or any(
                p.lower_ == "of" and any(g.lower_ in MARTYRDOM for g in p.children) for p in c.children))
                for c in token.children):
            return "killed"  # "attained shahadat", "drank the cup of martyrdom"
        if low in ("send", "sent", "sending", "sends") and any(c.lower_ == "to" and any(g.lower_ == "hell" for g in c.children)
                                 for c in (*token.children, *(g for o in token.children if o.dep_ == "dobj"
                                                               for a in o.children if a.dep_ == "acl" for g in a.children))):
            return "killed"  # ISPR: "eight khwarij were sent to hell", "sent all 16 khwarij involved to hell", "sending four attackers to hell"
        if low in ("hospital", "hospitals") and token.i > 0 and token.doc[token.i - 1].lower_ == "in":
            stay = token.doc[token.i - 1].head
            if stay.lower_ in ("remain", "remains", "remained", "is", "are", "was", "were", "stay", "stayed", "lie", "lay"):
                return "injured"  # "11 people remain in hospital"
        return None

    def _victim_token(self, first: Token, last: Token) -> Token:
        """The noun a number expression counts (its head when it is a modifier)."""
        if last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return last.head
        if last.dep_ == "nmod" and last.head.lower_ in self.person_nouns and last.i < last.head.i:
            return last.head  # "Thirteen other personnel sustained injuries", parsed with the number as a noun modifier
        nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
        if nxt is not None and nxt.lower_ in self.person_nouns:
            return nxt
        attackers = self._attackers_part(last)
        return attackers if attackers is not None else last

    def _attackers_part(self, last: Token) -> Token | None:
        """"three of the attackers", "two of the militants": the attacker noun a number takes its part of."""
        after = last.doc[last.i + 1 : min(last.i + 4, last.sent.end)]
        if len(after) < 2 or after[0].lower_ != "of":
            return None
        noun = after[2] if len(after) > 2 and after[1].lower_ in ("the", "those", "these") else after[1]
        return noun if noun.lower_ in self.attacker_nouns else None

    def _window_kind(self, last: Token, sent: Span) -> Token | None:
        """A casualty word within a few tokens after the number ("4 others injured"); a parenthetical
        sub-count between them is skipped ("nineteen others, among them two passers-by, were wounded")."""
        doc, i, seen = sent.doc, last.i + 1, 0
        while i < sent.end and seen < 7:
            tok = doc[i]
            if tok.text == "," and i + 1 < sent.end and doc[i + 1].lower_ in self.subcount_words:
                close = next((t.i for t in doc[i + 1 : min(i + SUBCOUNT_ASIDE, sent.end)] if t.text == ","), None)
                if close is None:
                    return None
                i = close + 1
                if i < sent.end and (harm := self._verb_harm(doc[i])) is not None:
                    return harm  # "Six people, among them ..., lost their lives": the verb after the aside
                continue
            if tok.text == "," and (named := self._aside_naming(last, i)) is not None:
                # "his colleague, Constable Sher Ali, sustained bullet injuries": past the name, to the harm he took
                i = named
                if doc[i].lower_ in HARM_TAKERS:
                    return next((t for t in doc[i + 1 : min(i + 4, sent.end)] if self.casualty_kind(t)), None)
                continue
            if tok.lower_ in CLAUSE_OPENERS:
                return None  # "toll climbs to 32 as more wounded die": the casualty word is another clause's
            kind = self.casualty_kind(tok)
            if kind:
                if kind == "injured" and tok.pos_ != "VERB":
                    # "two more injured succumbed": the injured who died count as killed
                    died = next((t for t in doc[i + 1 : min(i + 3, sent.end)] if t.lower_ in DIED_WORDS), None)
                    if died is not None:
                        return died
                return tok
            if tok.lower_ not in self.window_fill and tok.lower_ not in self.person_nouns and tok.pos_ not in ("ADJ", "ADV"):
                return None
            i, seen = i + 1, seen + 1
        return None

    def _told_dead_before(self, succumbed: Token | None) -> bool:
        """The man who "succumbed to his wounds" was told dead in an earlier sentence ("X was shot dead ... X succumbed
        to his wounds on the way"): the one victim again, not one of the injured dying."""
        if succumbed is None:
            return False
        name = next((c for c in succumbed.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"), None)
        if name is None:
            return False
        return any(name.text in earlier.text and any(self.casualty_kind(t) == "killed" for t in earlier)
                   for earlier in succumbed.doc.sents if earlier.end <= succumbed.sent.start)

    def _verb_harm(self, verb: Token) -> Token | None:
        """The casualty word of a verb: the verb itself ("were killed") or its object ("lost their lives", "sustained
        injuries"); None for a word that is no verb."""
        if verb.pos_ != "VERB":
            return None
        if self.casualty_kind(verb):
            return verb
        return next((c for c in verb.children if c.dep_ == "dobj" and self.casualty_kind(c)), None)

    @staticmethod
    def _aside_naming(last: Token, comma: int) -> int | None:
        """The token after an aside between commas that names the counted person ("his colleague, Constable Sher Ali,
        sustained ..."): an apposition of `last` that opens right after the comma at `comma` and closes with one."""
        doc = last.doc
        for named in (c for c in last.children if c.dep_ == "appos" and c.left_edge.i == comma + 1):
            close = named.right_edge.i + 1
            if close < last.sent.end and doc[close].text == "," and named.pos_ == "PROPN":
                return close + 1
        return None

    def _verb_after_joined_object(self, victim: Token) -> Token | None:
        """"Nine people embraced martyrdom and eighteen others sustained injuries", parsed with "others" joined to
        "martyrdom" and "sustained" left without a subject: the counted people are the subject of the verb right after
        them, and its casualty word (or the verb itself) gives their kind, not the first clause's."""
        harm = victim.head
        if victim.dep_ != "conj" or harm.dep_ != "dobj" or harm.i > victim.i or not self.casualty_kind(harm.head):
            return None
        if harm.lower_ in self.person_nouns or harm.ent_type_ == "PERSON":
            return None  # "killed two policemen and a passer-by": the first verb's own victims
        after = victim.right_edge.i + 1
        if after >= victim.sent.end or (verb := victim.doc[after]).pos_ not in ("VERB", "AUX"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        if self.casualty_kind(verb):
            return verb
        return next((c for c in verb.children if c.dep_ in ("dobj", "acomp") and self.casualty_kind(c)), None)

    def _listed_in(self, node: Token) -> Token | None:
        """"The martyred include six constables, two head constables and an ASI": the people listed as what the dead
        (or injured) include; the casualty word is the subject's."""
        verb = node.head
        if node.dep_ != "dobj" or verb.lower_ not in ("include", "includes", "included"):
            return None
        return next((c for c in verb.children if c.dep_ in ("nsubj", "amod") and c.i < verb.i and self.casualty_kind(c)), None)

    def _injured_word_of_count(self, victim: Token) -> Token | None:
        """"Of the injured, eleven were taken to X", "six with serious wounds were shifted to Y": the injured word a
        bare number's fronted "of" or its own "with" names."""
        if not victim.like_num or victim.dep_ not in ("nsubj", "nsubjpass"):
            return None
        fronted = next((g for c in victim.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < victim.i
                        for g in c.children if g.dep_ == "pobj" and self.casualty_kind(g) == "injured"), None)
        # "while six with serious wounds had been shifted to Peshawar": the number's own wounds
        return fronted or next((g for c in victim.children if c.dep_ == "prep" and c.lower_ == "with"
                                for g in c.children if g.dep_ == "pobj" and g.lower_ in WOUND_NOUNS), None)

    def _dep_kind(self, victim: Token) -> Token | None:
        """The casualty word governing a victim noun through the parse."""
        if (own := self._verb_after_joined_object(victim)) is not None:
            return own
        count = victim.head.head if victim.dep_ == "pobj" and victim.head.lower_ == "of" else None
        if count is not None and count.like_num and count.dep_ == "conj":
            return self._dep_kind(count)  # "Two policemen and one of the attackers were killed": the count's verb
        if victim.dep_ == "pobj" and victim.head.lower_ == "to" and victim.head.i > victim.sent.start:
            harm = victim.doc[victim.head.i - 1]
            if harm.pos_ == "NOUN" and self.casualty_kind(harm) == "injured":
                return harm  # "caused injuries to 12 people", "... and injuries to thirty-two others", however it parses
        if (shared := self._subjects_companions(victim)) is not None:
            return shared
        if (verb := self._object_taken_by_speaker(victim)) is not None:
            return verb
        if (part := self._injured_word_of_count(victim)) is not None:
            return part
        if (victim.like_num and victim.i + 2 < victim.sent.end and victim.nbor(1).lower_ == "in"
                and victim.nbor(2).lower_ == "number" and self.casualty_kind(victim.head) in ("killed", "injured")):
            return victim.head  # "The injured, 32 in number, were shifted to CMH"
        if victim.dep_ == "nsubj" and victim.head.tag_ in ("VBN", "VBD") and not self.casualty_kind(victim.head):
            # "A policeman deployed for the team's security was martyred", parsed with "deployed" as the verb:
            # the passive casualty verb that has no subject of its own is the victim's
            # (not one whose clause has a subject of its own: "a shepherd informed the post ..., where doctors said
            # that the two men appeared to have been killed")
            orphan = next((t for t in victim.sent if t.i > victim.head.i and self.casualty_kind(t)
                           and any(c.dep_ == "auxpass" for c in t.children)
                           and not any(c.dep_ in ("nsubj", "nsubjpass") for a in _clause_up_to(t, victim.head)
                                       for c in a.children)), None)
            # "A guard deployed at the camp, Sher Bahadur, received bullet wounds": a conjoined verb without a
            # subject of its own whose object is the wound
            orphan = orphan or next((g for c in victim.head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                                     and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                                     for g in c.children if g.dep_ == "dobj" and g.lower_ in WOUND_NOUNS), None)
            # ("a soldier of the FC deployed at the checkpost received bullet wounds", with "received" joined to an
            # earlier clause's verb: the verb right after the participle's phrase, with no subject, takes the wound)
            after = victim.head.right_edge.i + 1
            if orphan is None and after < victim.sent.end and (next_verb := victim.doc[after]).pos_ == "VERB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in next_verb.children):
                orphan = next((g for g in next_verb.children if g.dep_ == "dobj" and g.lower_ in WOUND_NOUNS), None)
            if orphan is not None:
                return orphan
        for prep in (c for c in victim.children if c.dep_ == "prep" and c.lower_ in self.subcount_words):
            # "three persons including a Chinese engineer sustained bullet injuries", parsed with the casualty words
            # inside the "including" phrase: they complete the counted noun
            found = next((t for t in prep.subtree if self.casualty_kind(t) and t.i > victim.i and t.dep_ != "nmod"), None)
            if found is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in found.children):
                return found
        if victim.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in CLAUSE_OPENERS for c in victim.children):
            return None  # "were wounded when two men on a motorcycle fired": a clause of its own, parsed on the noun
        if (verb := self._second_object(victim) or self._participle_object(victim)) is not None:
            return verb
        node = victim.head if _man_after_force(victim) else victim  # "a Rangers sub-inspector": the force's noun
        while (node.dep_ in ("conj", "appos") or _joined_before(node)) and node.head.i != node.i:
            node = node.head
        if node.dep_ == "nsubjpass" and not self.casualty_kind(node.head) and (conj := self._conjoined_casualty(node.head)):
            return conj  # "X, a correspondent, was dragged from his car by gunmen and shot dead"
        if (included := self._listed_in(node)) is not None:
            return included
        # ("two gunmen riding a motorcycle ..., shooting dead Reverend X": what the people did to someone else, in an
        # active participle with an object of its own)
        acting = {t.i for c in victim.children if c.dep_ == "acl" and c.tag_ == "VBG"
                  and any(g.dep_ == "dobj" for g in c.children) for t in c.subtree}
        for child in victim.subtree:
            if child.i in acting or _clause_of_another(child, victim):
                continue
            if child.dep_ in ("amod", "acl", "relcl") and self.casualty_kind(child):
                if child.dep_ == "amod" and child.head.i != victim.i and child.head.pos_ in ("NOUN", "PROPN") and any(
                        a.dep_ == "relcl" for a in child.head.ancestors if a.i > victim.i):
                    continue  # "six constables who had trained with the dead man": another man's word, in their clause
                return child
            if child.dep_ in ("acl", "relcl"):
                found = next((c for c in child.children if c.dep_ in ("xcomp", "oprd", "acomp") and self.casualty_kind(c)), None)
                # "the 11 passengers who were pulled off buses and shot dead"
                found = found or self._conjoined_casualty(child)
                if found is not None:
                    return found  # "nine men, who were later found shot dead"
        if victim.dep_ == "pobj" and victim.head.lower_ == "of" and victim.head.head.like_num:
            # "one of three Frontier Corps soldiers martyred", parsed with the participle on "one"
            found = next((c for c in victim.head.head.children if c.dep_ in ("acl", "relcl") and self.casualty_kind(c)), None)
            if found is not None:
                return found
        head = node.head
        if node.dep_ == "nsubj" and self._harms_another(head):
            return None  # "two men on a motorcycle ..., killing vaccinator X": the counted men did the killing
        for _ in range(3):
            if self.casualty_kind(head):
                return head
            if node.dep_ in ("nsubj", "nsubjpass") and head.i == node.head.i:
                # "five people lost their lives", "two men were found dead", "two labourers sustained bullet
                # injuries", "four were shifted to hospital with injuries", "two others were under treatment": the casualty
                # word completes the verb
                found = next((c for c in head.children if c.dep_ in ("dobj", "acomp", "oprd") and self.casualty_kind(c)), None)
                # "... with injuries", "two others were under treatment"
                found = found or next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "under")
                                       for g in c.children if g.dep_ == "pobj" and self.casualty_kind(g) == "injured"), None)
                # "Two soldiers ... fought gallantly and embraced shahadat": a conjoined verb the subject suffers
                found = found or next((c for c in head.children if c.dep_ == "conj" and self._suffered_by_subject(c)), None)
                # "Eleven persons, nine of whom had been taken off a coach ..., lost their lives": the lives the
                # subject lost, in a joined verb with no subject of its own
                found = found or next((g for c in head.children if c.dep_ == "conj"
                                       and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                                       for g in c.children if g.dep_ == "dobj" and g.lower_ in ("lives", "life")
                                       and self.casualty_kind(g) == "killed"), None)
                if found is not None and self.casualty_kind(found) == "injured":  # "... suffered two wounds and died"
                    found = next((c for c in head.children if c.dep_ == "conj" and self.casualty_kind(c) == "killed"), found)
                if found is not None:
                    return found
            if head.lower_ in ("left", "leaving", "leave", "leaves"):
                if any(c.lower_ == "behind" for c in head.children):
                    return None  # "The martyred constable leaves behind a widow and three children": his survivors
                for child in head.children:
                    if self.casualty_kind(child):
                        return child
                return None
            if head.dep_ in ("xcomp", "conj", "advcl") and head.pos_ == "VERB":
                return None
            if head.dep_ == "acl" and head.pos_ == "VERB" and head.tag_ == "VBG":
                return None  # "a van carrying five Japanese nationals ... died": whom a thing carried, not the harmed
            if head.head.i == head.i:
                return None
            head = head.head
        return None

    def _object_taken_by_speaker(self, victim: Token) -> Token | None:
        """"... killed two and wounded at least eight people, officials and the embassy said", parsed with the people as
        the speakers' subject: the casualty verb right before the count, which has no object of its own, harmed them."""
        if victim.dep_ != "nsubj" or victim.head.lower_ not in SPEECH_VERBS or victim.head.i < victim.i:
            return None
        start = victim.left_edge.i
        while start > victim.sent.start and victim.doc[start - 1].lower_ in COUNT_QUALIFIERS:
            start -= 1
        if start <= victim.sent.start:
            return None
        verb = victim.doc[start - 1]
        if verb.tag_ not in ("VBD", "VBN") or self.casualty_kind(verb) is None or any(c.dep_ == "dobj" for c in verb.children):
            return None
        return verb

    def _suffered_by_subject(self, verb: Token) -> bool:
        """A casualty verb whose subject is the one harmed: "died", "succumbed", "embraced shahadat", or a passive
        ("were killed"), not an active "killed two policemen"."""
        if not self.casualty_kind(verb) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False  # "Both were taken to hospital, but Mengal succumbed": another subject's
        return verb.lower_ in SUFFERED_VERBS or any(c.dep_ == "auxpass" for c in verb.children)

    def _toll_noun(self, token: Token) -> str | None:
        """"killed"/"injured" for a noun that names a toll: "the (death) toll", "the number of
        personnel killed", "the number of people who lost their lives"."""
        low = token.lower_
        if low in self.total_words:
            # the toll's own modifiers ("the injury toll", "the toll of the wounded"), not a clause hung on it
            own = {t.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod", "prep") and c.lower_ not in ("to", "at")
                   for t in c.subtree}
            if own & {"injured", "injury", "wounded"}:
                return "injured"
            if low == "total" and not own and self._only_attackers_before(token):
                return "attackers_killed"  # "Seventeen more khwarij sent to hell, total reaches 71": the attackers' total
            return "killed"
        if low in ("dead", "injured", "wounded") and any(c.lower_ == "the" for c in token.children):
            return "killed" if low == "dead" else "injured"  # "first reports put the dead at five"
        if low != "number" or not any(c.lower_ == "of" for c in token.children):
            return None
        return self._number_kind(token, {self.casualty_kind(t) for t in token.subtree if t.i != token.i})

    def _number_kind(self, number: Token, kinds: set[str | None]) -> str | None:
        """The toll "the number of X <kind>" counts: the attackers' dead when X are attackers ("bringing the number of
        attackers killed to four"; not "the number of people martyred in the militant assault": the victims)."""
        counted = [g for c in number.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if "killed" in kinds and any(t.lower_ in self.attacker_nouns for t in counted):
            return "attackers_killed"
        return "killed" if "killed" in kinds else "injured" if "injured" in kinds else None

    def _only_attackers_before(self, token: Token) -> bool:
        """The people counted before a bare "total" in its sentence are all attackers ("Seventeen more khwarij sent to
        hell, total reaches 71")."""
        people = [t for t in token.sent[: token.i - token.sent.start]
                  if t.lower_ in self.person_nouns and any(c.like_num for c in t.children)]
        return bool(people) and all(t.lower_ in self.attacker_nouns for t in people)

    def _toll_kind(self, victim: Token, sent: Span) -> str | None:
        """"the death toll rose to 12", "police raised the toll to 12", "brought to three the number of
        personnel killed" → killed (a total)."""
        if self._toll_taken_up(victim, sent):
            return "killed"  # "Officials put the death toll at 19. By Saturday it had risen to 23."
        words = {t.lower_ for t in sent}
        if not words & (self.total_words | {"number", "dead", "injured", "wounded"}):
            return None
        prep = victim.doc[victim.i - 1] if victim.i > sent.start else None
        if prep is not None and prep.lower_ == "to" and prep.dep_ == "conj" and victim.dep_ == "pobj":
            # "It rose to 24 by the afternoon and to 26 by the evening": the toll the first "to" gave, again
            earlier = next((t for t in reversed(sent[: prep.i - sent.start]) if t.like_num and t.dep_ == "pobj"
                            and t.i > sent.start and t.nbor(-1).lower_ == "to"), None)
            if earlier is not None and (kind := self._toll_kind(earlier, sent)):
                return kind
        if prep is not None and prep.lower_ in ("to", "at") and (kind := self._toll_named_before(prep)):
            return kind  # "put the dead at 17 and the wounded at 90": each number is the toll named just before it
        if prep is not None and prep.lower_ in ("to", "at") and prep.dep_ == "prep" and victim.head is not prep:
            # "the toll rose to six as two more students succumbed", parsed with "six" on the later count: the number
            # after "to" is the toll of the verb's subject
            for child in _through_dateline(prep.head.children):
                if child.dep_ in ("nsubj", "nsubjpass") and (kind := self._toll_noun(child)):
                    return kind
            verb = prep.head
            if verb.lower_ in RISE_VERBS:
                # "According to the DHO, Dr X, the number of people who embraced shahadat rose to 54": the parser hangs
                # the toll on the source as an apposition, of the verb's subject or of nothing the verb governs
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
                hung = ([a for c in subjects for a in c.children if a.dep_ == "appos"] if subjects else
                        [t for t in reversed(sent[: verb.i - sent.start]) if t.dep_ in ("appos", "dep", "npadvmod")])
                for tok in hung:
                    if kind := self._toll_noun(tok):
                        return kind
        if (kind := self._toll_of_subjectless_rise(victim, sent)) is not None:
            return kind
        if prep is not None and prep.lower_ == "to":
            # "which took the number of people martyred, excluding the attackers, to 25", with "to 25" hung on the
            # aside: the toll a raising verb carried to the number, when that verb has no "to" of its own
            for tok in sent[: prep.i - sent.start]:
                if (tok.lower_ in ("number", "toll") and tok.dep_ == "dobj" and tok.head.lower_ in RISE_WORDS
                        and not any(c.lower_ == "to" for c in tok.head.children)):
                    # (the parser may hang the participle that names the kind off the number: "of people martyred")
                    named = (self.casualty_kind(t) for t in sent.doc[tok.i + 1 : min(tok.i + 5, prep.i)])
                    kind = self._toll_noun(tok) or next((k for k in named if k in ("killed", "injured")), None)
                    if kind:
                        return kind
        for depth, anc in enumerate(list(victim.ancestors)[:7]):
            if anc.lower_ == "number" and (kind := self._toll_noun(anc)):
                return kind  # "the number ... who lost their lives to five", "the number of martyrs of the attack to two"
            if depth >= 5:
                continue  # (deeper, only "number" itself: the parser hangs "to two" on the last noun before it)
            for child in _through_dateline(anc.children):
                if child.dep_ in ("nsubj", "nsubjpass", "dobj", "appos") and child.i != victim.i and (kind := self._toll_noun(child)):
                    if child.lower_ in ("dead", "injured", "wounded") and victim.doc[victim.i - 1].lower_ not in ("at", "to"):
                        continue  # "put the dead at five" is the toll; "the dead included two policemen" a part of it
                    return kind
            if anc.dep_ in ("conj", "ccomp", "advcl"):
                break  # "... put the toll at seven, but officials said 13 people ...": another clause's toll (and "has
                # risen to 26, after two more of the injured died": the deaths that raised it)
        return None

    def _toll_of_subjectless_rise(self, victim: Token, sent: Span) -> str | None:
        """"... as a result of which the total number of militants killed since the group was intercepted on the night
        of April 25 has reached 71": in a long clause the parser makes "number" the subject of "killed" and leaves
        "reached" with none; the number "reached" took is the toll that "number" names."""
        verb = victim.head
        if victim.dep_ != "dobj" or verb.lower_ not in RISE_VERBS or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") and c.ent_type_ not in ("DATE", "TIME") for c in verb.children):
            return None  # (a day made its subject, "between May 3 and May 4 has reached", is no subject)
        for tok in reversed(sent[: verb.i - sent.start]):
            if tok.like_num and not (tok.ent_type_ in ("DATE", "TIME") or _MONTH.match(tok.head.lower_)):
                return None  # another count stands between ("April 25" is a day): "number" is not this one's
            if tok.lower_ in ("number", "toll", "tally") and tok.dep_ in ("nsubj", "nsubjpass", "dep", "npadvmod", "appos"):
                if (kind := self._toll_noun(tok)) is not None or tok.lower_ != "number":
                    return kind
                # "number" made the subject of the participle that names the kind ("the number of militants killed")
                return self._number_kind(tok, {self.casualty_kind(tok.head)})
        return None

    def _toll_named_before(self, prep: Token) -> str | None:
        """The toll a second "at"/"to" of one verb follows on the surface ("put the dead at 17 and the wounded at 90"),
        read back to the previous number or preposition: the parser hangs the second "at" on the verb of the first."""
        if not any(c.lower_ == prep.lower_ and c.i < prep.i for c in prep.head.children if c.i != prep.i):
            return None  # (only a second "at" of one verb: the parser's first one took the first toll)
        for tok in reversed(prep.doc[max(prep.sent.start, prep.i - 4) : prep.i]):
            if tok.like_num or tok.lower_ in ("to", "at"):
                return None
            if kind := self._toll_noun(tok):
                return kind
        return None

    def _toll_before_another(self, first: Token, last: Token, sent: Span) -> str | None:
        """"The death toll has risen to 24 and 46 people are injured", parsed as "24 and 46 people": a bare number
        after the toll's "to", joined to the next count, is the toll, not a count of that count's victims."""
        after = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
        if first.i != last.i or first.i == sent.start or after is None or after.dep_ != "cc":
            return None
        if sent.doc[first.i - 1].lower_ not in ("to", "at") or not any(c.dep_ == "conj" and c.like_num for c in first.children):
            return None
        return self._toll_kind(first, sent)

    @staticmethod
    def _toll_taken_up(victim: Token, sent: Span) -> bool:
        """A number that "it" rose to, right after a sentence about the death toll: the toll, taken up by a pronoun."""
        doc = victim.doc
        if victim.i == 0 or doc[victim.i - 1].lower_ != "to" or sent.start == 0:
            return False
        verb = doc[victim.i - 1].head
        if verb.lower_ not in RISE_VERBS or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
            return False
        previous = doc[sent.start - 1].sent
        return "toll" in previous.text.lower()

    @staticmethod
    def _first_reports(token: Token) -> bool:
        """"First reports put the dead at five", "early reports said", "the first figures", "the military first
        said": a count the article later moves on from."""
        if token.lower_ == "first" and token.dep_ == "advmod" and token.head.lower_ in FIRST_TOLD_VERBS:
            return True  # "the ISPR first reported four soldiers killed"
        return (token.lower_ in ("report", "reports", "figure", "figures", "count", "counts", "estimate", "estimates",
                                 "tally", "tallies") and token.i > token.sent.start
                and token.doc[token.i - 1].lower_ in ("first", "early", "earliest"))

    @staticmethod
    def _restated(first: Token, figures: list[CasualtyFigure]) -> int | None:
        """The figure a pronoun takes up ("put the dead at five; police revised that to four", "raised it to 12"):
        the number after "to" restates that toll (its index in `figures`)."""
        doc, at = first.doc, first.i
        if at - 3 < first.sent.start or not figures or doc[at - 1].lower_ != "to":
            return None  # read on the surface: the parser often takes "that to four" for a clause
        if doc[at - 2].lower_ not in ("that", "it", "this") or doc[at - 3].lower_ not in RESTATING_VERBS:
            return None
        return len(figures) - 1

    def _among_total(self, first: Token) -> bool:
        """"Nine Chinese were among the 13 people killed", "Sepoy Asif was one of three soldiers martyred": the
        number after "among (the)" or "one of (the)" is the toll."""
        before = [t.lower_ for t in first.doc[max(first.sent.start, first.i - 5) : first.i]]
        for hedge in (["more", "than"], ["at", "least"], ["over"], ["nearly"], ["about"], ["around"], ["some"]):
            if before[-len(hedge):] == hedge:  # "among the more than 30 injured"
                before = before[: -len(hedge)]
                break
        if before and before[-1] == "the":
            before = before[:-1]
        return bool(before) and (before[-1] == "among" or before[-2:] == ["one", "of"])

    @staticmethod
    def _total_of(first: Token) -> bool:
        """"for a total of three dead", "a total of 12 people", "three attackers ... died in all": the count is the
        toll, whatever its parts."""
        before = [t.lower_ for t in first.doc[max(first.sent.start, first.i - 2) : first.i]]
        if before == ["total", "of"]:
            return True
        verb = next((a for a in first.ancestors if a.pos_ == "VERB"), None)
        if verb is None:
            return False
        doc = verb.doc

        def in_all(tok: Token) -> bool:  # "in all" / "in total" on the verb, however the parser joins the two words
            if tok.lower_ == "in" and tok.i + 1 < len(doc):
                return doc[tok.i + 1].lower_ in ("all", "total") and doc[tok.i + 1].head in (tok, verb)
            return tok.lower_ in ("all", "total") and tok.i > 0 and doc[tok.i - 1].lower_ == "in" and doc[tok.i - 1].head in (tok, verb)

        return any(c.lower_ == "altogether" or in_all(c) for c in verb.children)

    def _part_of(self, last: Token) -> bool:
        """"19 of them", "five of the martyred", "two of whom": a part of a count given elsewhere."""
        if last.lower_ not in self.units and _DIGITS.match(last.lower_) is None:
            return False  # "a member of the peace committee" is one person, not a part
        after = [t.lower_ for t in last.doc[last.i + 1 : min(last.i + 4, last.sent.end)]]
        if after[1:3] and after[1] == "the" and after[2] in SPARED_WORDS:
            return False  # "37 of the rescued passengers were injured": the count of the injured, among the spared
        return len(after) >= 2 and after[0] == "of" and (after[1] in ("them", "whom", "the", "those", "these", "its", "their")
                                                          or after[1] in self.units or _DIGITS.match(after[1]) is not None)

    def _renames(self, victim: Token, counted: list[Token]) -> bool:
        """A singular victim that only names one already counted: its apposition ("Amjad Ali, ..., a resident of
        Khall"), or a second subject set off by a comma alone ("His guard, Amjad Ali, ... died"), unless the names
        form a list ("A, B and C")."""
        own = {t.i for t in victim.subtree}
        named = victim  # "A fourth man, a shopkeeper's son, was wounded": the apposition the word hangs in
        while named.dep_ in ("nmod", "poss", "compound") and named.head.i != named.i:
            named = named.head
        for other in counted:
            listed = any(c.dep_ == "conj" for t in (other, victim) for c in t.children)
            if named.dep_ == "appos" and named.head.i == other.i and not listed:
                return True
            same_verb = victim.dep_ in ("nsubj", "nsubjpass") and other.dep_ == victim.dep_ and victim.head.i == other.head.i
            if same_verb and other.i < victim.i and all(t.text in (",", "—", "–") or t.i in own
                                                        for t in victim.doc[other.i + 1 : victim.i]):
                return True
        return False

    def _injured_one_died(self, victim: Token, value: int) -> bool:
        """"The injured vaccinator, Abdul Wahid, has died in hospital": one the report counted as injured died."""
        return (value == 1 and victim.dep_ in ("nsubj", "nsubjpass") and victim.head.lower_ in DIED_WORDS
                and any(c.dep_ == "det" and c.lower_ == "the" for c in victim.children)
                and any(c.dep_ == "amod" and self.casualty_kind(c) == "injured" for c in victim.children))

    def _of_injured(self, last: Token) -> bool:
        """"two of the wounded", "one of the two injured constables": a part of the injured."""
        after = last.doc[last.i + 1 : min(last.i + 7, last.sent.end)]
        if len(after) >= 1 and after[0].lower_ == "more":  # "two more of the injured"
            after = after[1:]
        if len(after) < 2 or after[0].lower_ != "of":
            return False
        for tok in after[1:]:
            if self.casualty_kind(tok) == "injured":
                return True
            if tok.pos_ not in ("DET", "NUM", "ADV", "ADJ") and tok.lower_ not in self.person_nouns:
                return False  # "one of four officers wounded in the blast" goes on through the officers
        return False

    def _is_subcount(self, victim: Token, first: Token | None = None) -> bool:
        """True for "including three children", "among them two women", "seven wounded (three soldiers, four
        civilians)"."""
        if first is not None and _in_breakdown(first):
            return True
        if first is not None and _after_including(first):
            return True
        if any(c.lower_ == "of" and any(g.lower_ in ("whom", "which") for g in c.children) for c in victim.children):
            return True  # "62 injured, about a dozen of whom remain in a critical condition"
        if victim.pos_ == "NUM" and victim.i + 1 < victim.sent.end and victim.nbor(1).lower_ in ("were", "was", "had"):
            return False  # a count that is the subject of its own clause, whatever list the parser hangs it in ("12 people
            # were killed, including women and children ..., and more than 30 were wounded")
        listed = victim
        while listed.dep_ == "conj" and listed.head.i != listed.i:
            listed = listed.head
        if listed is not victim and (_after_including(listed.left_edge) or any(
                c.dep_ == "prep" and c.lower_ in self.subcount_words and c.i < listed.i for c in listed.children)):
            return True  # "among them a woman and a young girl": the list's later members too
        for anc in [victim, *list(victim.ancestors)[:3]]:
            if anc.lower_ in self.subcount_words or (anc.dep_ == "prep" and anc.lower_ == "among"):
                return True
            if anc.dep_ == "appos" and (anc.head.lower_ in GENERIC_VICTIMS or any(c.dep_ == "conj" for c in anc.head.children)):
                # "a man and a woman, both Chinese nationals, were wounded": the apposition restates the list
                # "three people — a Chinese engineer, the van's driver and a second guard — were wounded" (but "three
                # policemen, a child and two passers-by" lists more victims)
                return True
            if anc.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT"):
                break
        return False

    def _claims_an_act(self, claim: Token) -> bool:
        """"claimed a roadside bombing (that killed eight)": the object is the attack, not a figure (not "claimed nine
        soldiers had been killed, a figure the army dismissed": a clause claimed, whatever noun the parser hangs on)."""
        if any(c.dep_ == "ccomp" and self.casualty_kind(c) for c in claim.children):
            return False
        return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not self.casualty_kind(c)
                   and c.lower_ not in self.person_nouns for c in claim.children)

    def _qualifier(self, first: Token) -> str | None:
        """"at least" / "more than" before a number."""
        before = normalise(first.doc[max(first.sent.start, first.i - 3) : first.i].text)
        for q in self.qualifiers:
            if before.endswith(q):
                return q
        return None

    def _one_of_the_attackers_before(self, tok: Token) -> bool:
        """"One of the attackers ..." earlier in the sentence: the "another" that follows is one of them too."""
        return any(t.lower_ == "one" and any(p.lower_ == "of" and any(o.lower_ in self.attacker_nouns for o in p.children)
                                            for p in t.children)
                   for t in tok.doc[tok.sent.start : tok.i])

    def _elliptic_attackers(self, victim: Token) -> bool:
        """A count with no noun of its own that dies, as subject ("all seven were killed", "four of them were sent to
        hell"): it counts the people the sentence named last before it, and those were the attackers."""
        if victim.text.isdigit() and victim.i > 1 and victim.nbor(-1).text == ":" and any(
                c.dep_ in ("nsubj", "nsubjpass") and self._is_attacker(c) for c in victim.nbor(-2).children):
            return True  # "Terrorists killed: 03": a field whose label names the attackers
        if victim.pos_ != "NUM" and victim.lower_ not in ("them", "they"):
            return False
        if victim.i + 1 < victim.sent.end and victim.nbor(1).lower_ == "more":
            # "troops killed 17 militants in Darazinda and four more in Kulachi": more of the people counted before
            counted = [t.head for t in victim.doc[victim.sent.start : victim.i] if t.dep_ == "nummod" and t.head.i < victim.i]
            if counted:
                return self._is_attacker(counted[-1])
        if victim.pos_ == "NUM" and victim.dep_ == "conj" and self._is_attacker(victim.head):
            return True  # "five terrorists were killed: the bomber in the van and the four who tried to get in"
        of_them = victim.pos_ == "NUM" and any(c.lower_ == "of" and any(g.lower_ == "them" for g in c.children)
                                               for c in victim.children)
        if of_them and victim.dep_ == "dobj":
            return self._them_are_attackers(victim)  # "the troops responded and killed four of them"
        subject = victim if victim.dep_ in ("nsubj", "nsubjpass") else victim.head
        if subject.dep_ not in ("nsubj", "nsubjpass") and not (subject.lower_ == "of" and subject.head.dep_ in ("nsubj", "nsubjpass")):
            return False
        first = min(victim.i, subject.i)
        people = [t for t in victim.doc[victim.sent.start : first]
                  if t.lower_ in self.person_nouns or t.ent_type_ == "MIL_GROUP"]  # (person nouns hold the attackers')
        if not people and of_them:
            return self._them_are_attackers(victim)  # "the army said 54 of them had been killed": the sentence before's
        if not people and victim.pos_ == "NUM":
            return self._counted_before(victim)
        if (people and people[-1].tag_ == "NN" and not any(c.dep_ == "nummod" for c in people[-1].children)
                and (self.word_value([victim.lower_]) or 0) > 1):
            # "Suicide bomber blows himself up ...; at least 24 killed": one man is not the 24 (but "one militant killed
            # and three wounded" counts more of them)
            return False
        return self._last_are_attackers(people)

    def _counted_before(self, victim: Token) -> bool:
        """"Eight terrorists had tried to enter the complex. All eight were killed": a bare count that opens its
        sentence repeats the count of the attackers the sentence before named with the same number."""
        sent = victim.sent
        if sent.start == 0:
            return False
        previous = victim.doc[sent.start - 1].sent
        same = [t for t in previous if t.dep_ == "nummod" and t.lower_ == victim.lower_]
        if any(self._is_attacker(t.head) for t in same):
            return True
        # "A squad of attackers cut through the perimeter. Three were shot dead as they came over the wall": the people
        # the sentence before named last, when the count opens its sentence (never the martyred: they are the state's)
        if victim.i != sent.start or _martyrdom_in(sent) or any(c.lower_ == "of" for c in victim.children):
            return False  # (and "Three of the policemen died": the count names its own people)
        return self._last_are_attackers(self._people_named(previous))

    def _them_are_attackers(self, victim: Token) -> bool:
        """"terrorists attacked the camp, where the troops responded and killed four of them": "them" are the people
        the sentence named last before the count, other than the killers (the subject of the verb or of the verb it
        is joined to: "policemen returned fire, killing two of them")."""
        verbs = {victim.head.i}
        verb = victim.head
        while verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            verbs.add(verb.i)
        people = [t for t in self._people_named(victim.doc[victim.sent.start : victim.i])
                  if not (t.dep_ == "nsubj" and t.head.i in verbs)]
        if not people and victim.sent.start > 0 and not _martyrdom_in(victim.sent):
            # "troops detected a large group of militants trying to cross. The army said 54 of them had been killed":
            # the people the sentence before named last
            people = self._people_named(victim.doc[victim.sent.start - 1].sent)
        return self._last_are_attackers(people)

    def _people_named(self, words: Span) -> list[Token]:
        """The people the words name, in order ("militants", "the BLA"; not "an FC camp", whose noun names none)."""
        # (not who tells it: "..., officials said")
        return [t for t in words if (t.lower_ in self.person_nouns or t.ent_type_ == "MIL_GROUP")
                and t.dep_ not in ("compound", "amod", "poss", "nmod")
                and not (t.dep_ == "nsubj" and t.head.lower_ in SPEECH_VERBS)]

    def _last_are_attackers(self, people: list[Token]) -> bool:
        """The people named last ("militants", "the BLA") are the attackers."""
        return bool(people) and (people[-1].lower_ in self.attacker_nouns or people[-1].ent_type_ == "MIL_GROUP")

    def _is_attacker(self, victim: Token) -> bool:
        """"militants", "the suicide bomber", "terrorist commanders": the attackers, not their victims."""
        if victim.lower_ in self.attacker_nouns or any(
                c.lower_ in self.attacker_nouns for c in victim.children if c.dep_ in ("compound", "amod")):
            return True
        if any(c.dep_ == "poss" and c.ent_type_ == "MIL_GROUP" for c in victim.children):
            return True  # "the BLA's commander"
        if victim.lower_ == "another" and self._one_of_the_attackers_before(victim):
            return True  # "One of the attackers was shot dead at the wall, while another was killed near the gate"
        if _shot_by_the_state(victim) or _described_as_members(victim):
            return True  # "two gunmen who tried to enter the post were shot dead by troops"
        if self._elliptic_attackers(victim):
            return True  # "Troops engaged the terrorists' hideout, and four of them were killed"
        node = victim
        while node.dep_ in ("conj", "appos") and node.head.i != node.i:
            node = node.head
            if node.lower_ in self.attacker_nouns and (victim.dep_ == "appos" or any(c.lower_ == "both" for c in node.children)):
                return True  # "the attackers, a man and a woman, ...", "both terrorists, the man and the woman, had been killed"
        if self._killed_by_attackers(victim):
            return False  # "a leader of the ASWJ was shot dead by unidentified gunmen": a group's man as the victim
        # "seven members of the BLA", "two commanders of the militant group"
        # (the "of" phrase's own words, not a clause on them: "one of 31 people killed when a suicide bomber blew
        # himself up" counts the bomber's victims)
        phrase = [t for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        told = {g.i for t in phrase if t.dep_ in ("acl", "relcl", "advcl") for g in t.subtree}
        group = [t for t in phrase if t.i not in told]
        return any(t.ent_type_ == "MIL_GROUP" or t.lower_ in self.attacker_nouns
                   or (t.lower_ in ("outfit", "group") and any(a.lower_ in ("militant", "banned", "terrorist", "proscribed")
                                                               for a in t.children))
                   for t in group)

    def _killed_by_attackers(self, victim: Token) -> bool:
        """The victim is the subject of a passive verb whose agent is the attackers ("was shot dead by unidentified
        gunmen")."""
        if victim.dep_ != "nsubjpass":
            return False
        agents = [t for c in victim.head.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        return any(t.lower_ in self.attacker_nouns or t.lower_ in ARMED_MEN for t in agents)

    def _resolve_kind(self, kind: str, victim: Token) -> CasualtyKind:
        """Map a casualty word's kind to a figure kind, separating attackers from victims."""
        attacker = self._is_attacker(victim)
        if kind == "attackers_killed":
            return "attackers_killed"
        if kind == "killed":
            return "attackers_killed" if attacker else "killed"
        if kind == "kidnapped":
            return "kidnapped"
        return "injured"

    def zero_figures(self, sent: Span, sent_index: int = -1) -> list[CasualtyFigure]:
        """"no casualties", "no one was hurt" → figures of 0."""
        present = self.finder.phrases(sent)["zero"]
        found: set[str] = set()
        one_side = ONE_SIDE_SPARED.search(sent.text) is not None

        def spared(phrase: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
            """"no casualties among own troops": one side's dead, not a count of everyone's wounded."""
            return ("killed",) if one_side and "casualt" in phrase.lower() else kinds

        untold = NO_FIGURES_GIVEN.search(sent.text) is not None
        for pattern, kinds in self.zero_patterns.items():
            if untold and "casualt" in pattern:
                continue  # "officials gave no casualty figures": the toll is unknown, not nil
            if pattern in present and not (pattern.split()[0] in SPARED_VERBS and _some_spared(sent)):
                found.update(spared(pattern, kinds))
        for m in NIL_HARM.finditer(sent.text):
            if untold and m.group(1).lower().startswith(("casualt", "death")):
                continue
            found.update(spared(m.group(1), next(kinds for stem, kinds in NIL_HARM_KINDS if m.group(1).lower().startswith(stem))))
        for m in [*NO_VICTIM.finditer(sent.text), *NO_VICTIM_CLAUSE.finditer(sent.text)]:
            found.update(NO_VICTIM_KINDS[m.group(1).lower()])  # "No police personnel were killed", "no one hurt"
        if NO_LIFE_LOST.search(sent.text) or NONE_DIED.search(sent.text):
            found.add("killed")
        if found and (pair := NEGATED_PAIR.search(sent.text)):  # "no one was killed or injured", "no loss of life or injury"
            found.update(NO_VICTIM_KINDS.get(pair.group(1).lower(), ("injured",)))
        if found and HARMLESS_KIND.search(sent.text):
            return []  # "grenade attacks that caused no casualties are listed in the annex": a kind of incident
        if found and PHASE_SPARED.search(sent.text):
            return []  # "No passenger was harmed during the final operation": one phase of a siege, not its toll
        span = TextSpan.from_span(sent, sent_index)
        return [CasualtyFigure(kind, 0, None, span, victim="", total=False)  # type: ignore[arg-type]
                for kind in ("killed", "injured") if kind in found]

    def extract_casualties(self, sent: Span, sent_index: int = -1) -> list[CasualtyFigure]:
        """Every casualty figure in one sentence, in order of appearance."""
        tabled = self.tabled_counts(sent, sent_index)
        if tabled is not None:
            return tabled
        figures: list[CasualtyFigure] = []
        groups = self._number_groups(sent)
        taken = {t.i for first, last, _ in groups for t in first.doc[first.i : last.i + 1]}
        taken |= {self._victim_token(first, last).i for first, last, _ in groups}
        groups += self._singular_groups(sent, taken)
        # "BLA claimed eight soldiers were killed" is a claimed figure; "claimed responsibility for a
        # bombing that killed 15" reports the toll
        # (not a claim the officials reject: "Officials rejected the claim and said the toll was five")
        claim_at = next((t.i for t in sent if t.lower_ in self.claim_words
                         and not any(n.lower_ in ("responsibility", "credit") for n in t.doc[t.i + 1 : t.i + 3])
                         and not self._claims_an_act(t) and not _took_lives(t)
                         and not (t.dep_ == "dobj" and t.head.lower_ in DISMISSED_VERBS)), None)
        if claim_at is None and self._group_speaks(sent):
            claim_at = sent.start  # "The BLA ... had put the number of dead at 90": the group's own count
        group_words = self._group_statement(sent)  # "the BLA claimed responsibility, saying it had killed 20"
        # "the initial toll was four": an earlier figure, not the article's latest toll
        # (not "martyred in the initial attack": an incident's first phase, not an earlier count)
        initial_at = next((t.i for t in sent if (t.lower_ in ("initial", "initially", "earlier", "previous", "previously",
                                                                 "preliminary")
                                                  and not (t.dep_ == "amod" and re.fullmatch(INCIDENT_NOUN_PATTERN, t.head.lower_)))
                           or self._first_reports(t)), None)
        # "... put the toll at two, but one of the injured succumbed, raising the toll to three", "first reported
        # four killed; by the evening it said nine": the count after the turn is the current one
        turn_at = next((t.i for t in sent if initial_at is not None and t.i > initial_at
                        and t.lower_ in ("but", "however", "later", "now", "then", "subsequently", ";")), None)
        aside_at = _opening_bracket(sent, initial_at)
        # "CORRECTION: ... Six people were killed", "revised the toll": the report's figure from now on
        revision = any(t.lower_ in ("correction", "corrected", "incorrect", "revised", "revising") for t in sent)
        lowered = _lowered_to(sent)
        among_at = next((first.i for first, _, _ in groups if self._among_total(first)), None)
        other_place_at = other_place_clause(sent)
        superseded: set[int] = set()  # "initial reports had put the number of injured at seven, but ... 13"
        victims_counted: list[Token] = []
        for first, last, value in sorted(groups, key=lambda g: g[0].i):
            among_sentence = among_at is not None and first.i < among_at  # "Nine ... were among the 13 killed"
            victim = self._victim_token(first, last)
            total_kind = self._toll_kind(victim, sent) or self._toll_before_another(first, last, sent)
            window = self._window_kind(last, sent)
            word = window or self._dep_kind(victim) or (self.victim_verb(victim) if first.i == last.i else None)
            word = word or self._after_relative_clause(victim)
            word_kind = self.casualty_kind(word) if word is not None else None
            if word_kind == "kidnapped" and word is not None and word.i == victim.i and (
                    harm := self._dep_kind(victim)) is not None and self.casualty_kind(harm) in ("killed", "injured"):
                word, word_kind = harm, self.casualty_kind(harm)  # "26 hostages ... were martyred": hostages killed
            # (but "bringing the number of injured to five": the injured word names the toll counted)
            of_toll = word is not None and word.i < last.i and word.head.lower_ == "of" and word.head.head.lower_ == "number"
            if total_kind and word_kind == "injured" and not of_toll and (window is not None or abs(word.i - last.i) <= 4) and not any(  # type: ignore[union-attr]
                    t.lower_ in CLAUSE_OPENERS for t in sent.doc[last.i + 1 : word.i]):  # type: ignore[union-attr]
                total_kind = None  # "the toll had risen to 15 and 38 people were wounded": 38 injured (not "rose to
                # three when an injured constable died")
            if total_kind and _projected(victim):
                continue  # "sources said the toll could cross 50": a fear for the toll, not the toll
            if total_kind and _tally_of_many(first, sent):
                continue  # "the number of teachers martyred in the district in a single day reached eight": two attacks'
            kind = total_kind or word_kind
            if kind is None and figures and (_more_of_the_same(victim) or _taken_too(victim, figures[-1])):
                kind = figures[-1].kind  # "71 injured were under treatment at X and nine more had been shifted to Y"
            if (first.pos_ == "NUM" or first.lower_ in ("a", "an")) and self._bodies_of(victim):
                kind = "killed"  # "the bodies of six passengers, who were abducted ..."
                if first.i >= 2 and first.doc[first.i - 1].lower_ == "of" and (
                        part := self.word_value([first.doc[first.i - 2].lower_])):
                    value = part  # "the bodies of two of seven workers abducted ...": two found dead
            died_injured = False
            restated = self._restated(first, figures)  # "put the dead at five; police revised that to four"
            if restated is not None:
                kind = total_kind = figures[restated].kind
                superseded.add(restated)
            if kind is None or (word is not None and (self._in_referenced_attack(word, victim) or _in_their_record(word))
                                ) or self._recalled(victim):
                continue
            if word is not None and total_kind is None and unrealised(word):
                continue  # "threatened to kill 20 hostages": an intent, no one harmed
            if total_kind is None and (_said_unharmed(victim) or (word is not None and _harm_denied(word))):
                continue  # "no one was hurt, and the two wardens on duty were unharmed": their own verb spares them
            if (victim.lower_ in ("he", "she") or _of_them(first)) and figures and figures[-1].kind == "attackers_killed":
                continue  # "four attackers were killed, one of them after he was captured wounded and died": one of them
            if _takes_up_subject(victim):
                continue  # "The driver and his helper were both killed": the two the subject counts already
            if word is not None and _natural_cause(word):
                continue  # "263 people have lost their lives in rains and floods": no attack's toll
            if word is not None and word.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ORDINAL_VALUES
                                                                 for c in word.children):
                continue  # "..., the second killing of a religious scholar in the city this month": a rank, not a death
            if victim.i != last.i and total_kind is None and not self._is_person(victim):
                continue
            if total_kind is None and _acting_after_opener(first, last):
                continue  # "... injured when two men on a motorcycle opened fire": who fired, however it parses
            if total_kind is None and _harms_someone(last):
                continue  # "two gunmen on a motorcycle shot dead a constable": who killed, not who died
            if (victim.i != last.i and total_kind is None and victim.dep_ == "pobj" and victim.head.lower_ == "from"
                    and victim.head.head.pos_ in ("NOUN", "PROPN")):
                continue  # "none of the diplomats, from 11 countries, were hurt": where people came from, not a count
            if victim.dep_ == "pobj" and total_kind is None and (victim.head.dep_ == "agent" or (
                    victim.head.lower_ == "by" and self.casualty_kind(victim.head.head) is not None)):
                continue  # "was shot dead by two gunmen" (however "by" is parsed): the agents, not victims
            if _afghan_forces(victim):
                continue  # "three Afghan border guards had also died": the other side of the border, not counted
            if kind == "injured" and total_kind is None and self._is_attacker(victim):
                continue  # wounded attackers are not among the victims the injured count holds
            if kind == "injured" and victim.dep_ in ("nsubj", "nsubjpass") and (victim.head.lower_ in DIED_WORDS
                                                                                 or _breathed_last(victim.head)):
                # (a named man, "Head Constable X, who was critically injured, succumbed", is one of the dead too)
                named = victim.pos_ == "PROPN" and victim.ent_type_ == "PERSON"
                # ("two injured soldiers later died": a number on the wounded, who died)
                counted = first.dep_ == "nummod" and first.head.i == victim.i and any(
                    c.dep_ == "amod" and self.casualty_kind(c) == "injured" for c in victim.children)
                lone = (value == 1 and (first.lower_ in ("a", "an", "another") or named) or counted) and not any(
                    t.lower_ in TOTAL_WORDS for t in sent)
                if not (victim.i == last.i and self._part_of(last)) and not lone:
                    continue  # "the woman injured in the firing succumbed to her wounds": one of the dead now
                # "one of four officers wounded in the blast died", "a constable injured in the attack succumbed" (when
                # the sentence gives no toll of its own): a death among the injured
                kind, word, died_injured = "killed", victim.head, True
            elif kind == "injured" and victim.dep_ in ("nsubj", "nsubjpass") and self._then_died(victim.head):
                kind = "killed"  # "his guard was critically wounded and succumbed to his injuries": a death
            rank = None
            if kind == "killed" and first.lower_ in ("a", "an") and victim.lower_ in self.attacker_nouns:
                # "a second attacker had been found dead": the attackers dead by then, counted by the rank (a count of
                # them all, not more of them: "four militants were killed ... after the body of a fourth attacker was found")
                rank = next((ORDINAL_VALUES[c.lower_] for c in victim.children
                             if c.dep_ == "amod" and c.lower_ in ORDINAL_VALUES), None)
                value = rank if rank is not None else value
            end = word if word is not None and abs(word.i - first.i) < 12 else last
            # (not a count the aside after it explains: "5 policemen killed (first reported as three; two died overnight)")
            initial = (initial_at is not None and (turn_at is None or first.i < turn_at)
                       and not (aside_at is not None and first.i < aside_at))
            if total_kind is not None and initial and not revision:
                superseded.add(len(figures))
            renamed = value == 1 and self._renames(victim, victims_counted)
            victims_counted.append(victim)
            if renamed:
                continue  # "His guard, Amjad Ali, 32, a resident of Khall, ... died": one man, named three ways
            among, listed = self._attackers_among(victim, value, kind)
            figures.append(
                CasualtyFigure(
                    kind=self._resolve_kind(kind, victim),
                    value=value - among,
                    qualifier=self._qualifier(first),
                    span=TextSpan.from_tokens(first, end, sent_index),
                    victim=victim.lower_,
                    total=(total_kind is not None and not initial) or self._among_total(first) or self._total_of(first) or rank is not None
                    or (revision and not (initial_at is not None and initial_at < first.i)),
                    sub_count=_included_in_toll(victim) or not self._among_total(first) and (
                        self._is_subcount(victim, first) or among_sentence or _listed_among(last)
                        or (self._part_of(last) and self._attackers_part(last) is None and victim.dep_ != "conj"
                            and not (len(victims_counted) == 1 and _dealt(victim)))),
                    also=any(t.lower_ in ALSO_WORDS and t.head.lower_ not in COUNTING_VERBS
                             for t in sent.doc[max(sent.start, first.i - 3) : end.i + 1]) or _also_on_its_verb(victim),
                    claimed=((claim_at is not None and claim_at < first.i or first.i in group_words)
                             and not _toll_of_the_act(victim)) or self._disputed(victim),
                    clause=int(other_place_at is not None and first.i > other_place_at),
                    earlier=(initial and initial_at is not None and initial_at < first.i and total_kind is None)
                    or _revised_from(first) or _stood_before(first) or _told_before(first) or self._untrue(victim),
                    of_injured=kind == "killed" and (died_injured or self._of_injured(last) or self._injured_one_died(victim, value)
                                                     or (value == 1 and total_kind is None and _succumbed(word)
                                                         and not self._told_dead_before(word))),
                    corrected=first.i in lowered,
                )
            )
            if listed:  # the attackers a list of the dead names are counted as attackers
                figures.append(CasualtyFigure("attackers_killed", listed, self._qualifier(first),
                                              TextSpan.from_tokens(first, end, sent_index), victim="attackers"))
            elif among and INCLUDING_THE_BOMBER.search(sent.text) and not any(self._counts_attackers(t) for t in sent):
                # "Ten bodies were received in all, including the bomber's": the attackers the count held
                figures.append(CasualtyFigure("attackers_killed", among, None, TextSpan.from_tokens(first, end, sent_index),
                                              victim="attackers"))
        superseded |= self._revised_from(figures, sent)
        latest = {f.kind for i, f in enumerate(figures) if i not in superseded}
        figures = [f for i, f in enumerate(figures) if i not in superseded or f.kind not in latest]
        figures = _names_of_the_count(_colon_parts(sent, _bracket_parts(sent, _part_of_the_taken(_comma_parts(sent, figures)))))
        labelled = self.labelled_counts(sent, sent_index)
        figures = [f for f in figures if f.kind not in {f.kind for f in labelled}] + labelled
        figures = [self._field_of_attackers(sent, f) for f in figures]
        found = (figures + self._killed_after(sent, figures, sent_index) + self._ordinal_victims(sent, figures, sent_index)
                 + self.stated_tolls(sent, sent_index) + self.zero_figures(sent, sent_index)
                 + self._lone_victim(sent, figures, sent_index) + self._all_attackers_killed(sent, figures, sent_index)
                 + self._relative_victim(sent, figures, sent_index) + _named_list(sent, figures, sent_index))
        if other_sources_differ(sent):
            # "Other officials gave different figures. A police official said 25 people had been killed": another
            # source's count, kept where the report has none of its own (`aggregate_figures` sets it aside otherwise)
            found = [replace(f, other_source=True) for f in found]
        return found

    def _counts_attackers(self, token: Token) -> bool:
        """An attacker noun that is the subject of a death of its own ("including the bomber, who also died" or
        "..., including the bomber, were killed"): counted where it stands."""
        return token.lower_ in self.among_nouns and token.dep_ in ("nsubj", "nsubjpass", "pobj", "appos", "conj") and any(
            self.casualty_kind(a) == "killed" for a in token.ancestors)

    def _attackers_among(self, victim: Token, value: int, kind: str) -> tuple[int, int]:
        """How many attackers a count of the dead holds by its own words ("18 bodies, six of them those of attackers",
        "22 dead, including the bomber"): they are not among the victims. Also how many of them a list that breaks
        the count down names (`_attackers_in_breakdown`), which are counted as attackers."""
        if kind != "killed" or victim.lower_ in self.attacker_nouns:
            return 0, 0
        sent = victim.sent
        after = sent.text[victim.idx + len(victim) - sent.start_char :]
        listed = self._attackers_in_breakdown(after, value)
        found = ATTACKERS_AMONG.match(after)
        if found is None and (verb_phrase := _UP_TO_INCLUDING.match(after)) is not None:
            found = ATTACKERS_AMONG.match(after[verb_phrase.end() :])  # "Ten bodies were received, including the bomber's"
        if found is None or found.group("noun").lower() not in self.among_nouns:
            return listed, listed
        number = found.group("n1") or found.group("n2")
        count = 1 if number.lower() == "the" else (self.word_value(number.lower().replace("-", " ").split()) or 0)
        return (count if 0 < count < value else 0), listed

    def _attackers_in_breakdown(self, after: str, value: int) -> int:
        """The attackers among the parts a dash, a colon, "among them" or "including" breaks a count of the dead into
        ("seven people dead — three soldiers and four of the attackers"), when the parts add up to the count."""
        found = BREAKDOWN.match(after)
        if found is None:
            return 0
        parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", found.group("parts").strip()) if p]
        counted: list[tuple[int, str]] = []
        for part in parts:  # (the list ends where the sentence goes on: "..., and five militants, were killed in ...")
            named = BREAKDOWN_PART.match(part)
            word = named.group("n").lower() if named else ""
            number = 1 if word in ("a", "an") else self.word_value(word.replace("-", " ").split())
            if named is None or not number:
                break
            counted.append((number, named.group("noun").lower()))
        if len(counted) < 2 or sum(n for n, _ in counted) != value:
            return 0
        attackers = sum(n for n, noun in counted if noun in self.listed_attackers)
        return attackers if attackers < value else 0

    def _relative_victim(self, sent: Span, figures: list[CasualtyFigure], sent_index: int) -> list[CasualtyFigure]:
        """One named or titled person a "who" clause says was killed ("the funeral prayers of Inspector X, SHO of the
        police station, who embraced shahadat in an attack on Wednesday") or wounded ("his nephew, X, 19, who was
        wounded in the arm"), when the sentence counts no one else of that kind (and, for a wound, tells no death):
        the clause's antecedent, found by walking back over the words between."""
        for who in sent:
            if who.lower_ != "who" or who.dep_ not in ("nsubj", "nsubjpass"):
                continue
            verb = who.head
            kind = self.casualty_kind(verb)
            if kind not in ("killed", "injured") or any(f.kind == kind for f in figures):
                continue
            if kind == "injured" and (any(f.kind == "killed" for f in figures) or any(
                    self.casualty_kind(t) == "killed" or t.lower_ in DIED_WORDS for t in sent if t.i != verb.i)):
                continue  # (not "X, who was critically injured in the firing, died last night": the wound before the death)
            if not (verb.lower_ in SUFFERED_VERBS or any(c.dep_ == "auxpass" for c in verb.children)):
                continue  # (not "the gunman who killed two policemen")
            if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in verb.children):
                continue  # "who could have been killed": no death
            antecedent = self._named_before(who)
            if antecedent is None or _whose_killing(antecedent):
                continue  # ("protest against the killing of X, who was shot dead a day earlier": the known killing)
            if kind == "injured" and antecedent.pos_ != "PROPN":
                continue  # (a wound told of a man by name; not "The wounded man, who was shot in the arm, ...")
            span = TextSpan.from_tokens(antecedent, verb, sent_index)
            return [CasualtyFigure(cast(CasualtyKind, kind), 1, None, span, victim=antecedent.lower_)]
        return []

    def _named_before(self, who: Token) -> Token | None:
        """The person a "who" clause hangs on: the nearest name or person noun within a few words before it that is
        neither counted by a number, an attacker nor a modifier of another noun."""
        sent = who.sent
        for tok in reversed(sent.doc[max(sent.start, who.i - 9) : who.i]):
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ in (";", "and", "who"):
                return None
            if tok.dep_ in ("compound", "amod", "nmod", "poss"):
                continue
            person = tok.lower_ in self.person_nouns or (tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON")
            if not person:
                continue
            if tok.lower_ in self.attacker_nouns or tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in tok.children):
                return None
            return tok
        return None

    def _all_attackers_killed(self, sent: Span, figures: list[CasualtyFigure], sent_index: int) -> list[CasualtyFigure]:
        """"three terrorists attacked the office, before all of them were killed", "carried out by six militants, all of
        whom were killed": every attacker the sentence counted died."""
        if any(f.kind == "attackers_killed" for f in figures):
            return []
        for tok in sent:
            if tok.lower_ != "all" or tok.dep_ not in ("nsubj", "nsubjpass") or self.casualty_kind(tok.head) != "killed":
                continue
            if not any(c.lower_ == "of" and any(g.lower_ in ("them", "whom") for g in c.children) for c in tok.children):
                continue
            counted = [(first, value) for first, last, value in self._number_groups(sent)
                       if last.i < tok.i and ((victim := self._victim_token(first, last)).lower_ in ("gunman", "gunmen")
                                              or self._is_attacker(victim))]
            if counted and not unrealised(tok.head):
                first, value = counted[-1]
                return [CasualtyFigure("attackers_killed", value, self._qualifier(first),
                                       TextSpan.from_tokens(tok, tok.head, sent_index), victim="attackers")]
        return []

    def _lone_victim(self, sent: Span, figures: list[CasualtyFigure], sent_index: int) -> list[CasualtyFigure]:
        """One victim as the sentence's subject ("A Sikh hakeem was shot dead"), when the parse gave no death."""
        if any(f.kind in ("killed", "attackers_killed") for f in figures):
            return []
        found = _LONE_VICTIM.match(sent.text) or _NAMED_DESCRIBED_VICTIM.match(sent.text) or _NAMED_WHO_VICTIM.match(sent.text)
        if found is None:
            return self._lone_object(sent, sent_index)
        name = (found.group("name") or "").split()
        if name and not (name[0][0].isupper() and name[-1][0].isupper()):
            return []  # the pattern ignores case, a name does not: "the second attacker, who carried a pistol, was shot"
        words = (found.groupdict().get("noun") or "").lower().split()
        if set(words) & (self.attacker_nouns | {"gunman", "suspect", "kidnapper"}):
            return []  # "a suicide bomber was killed": not a victim
        begin = found.start("name") if found.re is _NAMED_WHO_VICTIM else found.start()  # (not the source before him)
        char_span = sent.doc.char_span(sent.start_char + begin, sent.start_char + found.end(), alignment_mode="expand")
        span = TextSpan.from_span(char_span if char_span is not None else sent, sent_index)
        victim = words[-1] if words else "person"
        return [CasualtyFigure("killed", 1, None, span, victim=victim)]

    def _lone_object(self, sent: Span, sent_index: int) -> list[CasualtyFigure]:
        """"A gunman posing as a patient shot dead a Chinese national": one person killed, when the parser lost the
        verb's object (it is read by its words, the victim's noun must be a person's)."""
        found = _LONE_OBJECT.search(sent.text)
        if found is None:
            return []
        words = found.group("noun").lower().split()
        char_span = sent.doc.char_span(sent.start_char + found.start(), sent.start_char + found.end(), alignment_mode="expand")
        if char_span is None or not self._is_person(char_span[-1]) or set(words) & self.attacker_nouns:
            return []  # ("shot dead a suspected militant": an attacker)
        verb = char_span[0]
        if unrealised(verb) or any(
                c.dep_ == "aux" and c.lower_ in ("had", "would", "could", "might", "to") for c in verb.children):
            return []  # (not "had shot dead a trader last year", "tried to gun down a judge")
        return [CasualtyFigure("killed", 1, None, TextSpan.from_span(char_span, sent_index), victim=words[-1])]

    def _one_more_dead(self, rank: Token) -> bool:
        """"a third" is the subject of a death joined to an earlier one ("two soldiers died ... and a third died
        of his wounds"): one more dead, counted beside the others."""
        verb = rank.head
        return verb.dep_ == "conj" and (self.casualty_kind(verb) == "killed" or verb.lower_ in DIED_WORDS) and (
            self.casualty_kind(verb.head) == "killed" or verb.head.lower_ in DIED_WORDS)

    def _ordinal_victims(self, sent: Span, figures: list[CasualtyFigure], sent_index: int) -> list[CasualtyFigure]:
        """"a sixth victim died overnight", "became the seventh person to die": the toll now stands at that rank."""
        if _RANK_PERIOD.search(sent.text):
            return []  # (not "the third journalist from Khuzdar killed in ten years": a rank over a period)
        if any(f.kind == "killed" for f in figures):
            return []
        for tok in sent:
            rank = ORDINAL_VALUES.get(tok.lower_)
            noun = tok.head
            if rank is None or tok.dep_ != "amod" or (noun.lower_ not in self.person_nouns and noun.lower_ != "victim"):
                continue
            if noun.lower_ in self.attacker_nouns:
                continue  # "the second attacker was shot dead by police": the attackers, not a toll of victims
            verbs = [noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else []
            verbs += [c for c in noun.children if c.dep_ in ("relcl", "acl")]  # "the seventh person to die"
            if any(self.casualty_kind(v) == "killed" or v.lower_ in DIED_WORDS | {"die"} for v in verbs):
                # ("A third student had died on Thursday night" in Friday's report of eight dead: the toll then)
                before = any(c.dep_ == "aux" and c.lower_ == "had" for v in verbs for c in v.children)
                return [CasualtyFigure("killed", rank, None, TextSpan.from_tokens(tok, noun, sent_index), victim=noun.lower_,
                                       total=True, earlier=before)]
        return []

    def _killed_after(self, sent: Span, figures: list[CasualtyFigure], sent_index: int) -> list[CasualtyFigure]:
        """"abducted nine passengers ... and later shot them dead": the people a sentence counted, then killed."""
        if any(f.kind == "killed" for f in figures):
            return []
        for tok in sent:
            if tok.lower_ != "them" or tok.dep_ != "dobj":
                continue
            verb = tok.head
            dead = tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ in ("dead", "down")
            if self.casualty_kind(verb) != "killed" and not (verb.lower_ in ("shot", "gunned") and dead) or unrealised(verb):
                continue
            counted = [f for f in figures if f.value > 0 and f.span.start < tok.idx and f.kind in ("kidnapped", "injured")]
            end = tok.doc[tok.i + 1] if dead else tok
            if counted:
                return [replace(counted[-1], kind="killed", span=TextSpan.from_tokens(verb, end, sent_index), total=False)]
            # "took nine men off the bus ... and shot them dead": the people the same attackers handled first
            handled = [(first, value, victim) for first, last, value in self._number_groups(sent)
                       if (victim := self._victim_token(first, last)).i < tok.i and victim.dep_ == "dobj"
                       and victim.lower_ in self.person_nouns and victim.lower_ not in self.attacker_nouns
                       and victim.head in verb.conjuncts]
            if handled:
                first, value, victim = handled[-1]
                return [CasualtyFigure("killed", value, self._qualifier(first), TextSpan.from_tokens(verb, end, sent_index),
                                       victim=victim.lower_)]
        return []

    @staticmethod
    def _bodies_of(victim: Token) -> bool:
        """"the bodies of six passengers": the people counted are dead."""
        return (victim.dep_ == "pobj" and victim.head.lower_ == "of"
                and victim.head.head.lower_ in ("bodies", "body", "corpses"))

    @staticmethod
    def _disputed(victim: Token) -> bool:
        """A count the report does not stand by: "unconfirmed figures of 32 deaths ... were rejected", "unverified
        reports of 40 dead"."""
        for node in (victim, *list(victim.ancestors)[:4]):
            if any(c.dep_ == "amod" and c.lower_ in DISPUTED_WORDS for c in node.children):
                return True
            if node.dep_ in ("nsubj", "nsubjpass") and node.head.lower_ in DISMISSED_VERBS:
                return True
        return False

    @staticmethod
    def _untrue(victim: Token) -> bool:
        """A count the report calls wrong ("reports that three policemen had been martyred were incorrect"): set aside
        wherever it appears, as an earlier count is."""
        return any(node.dep_ == "nsubj" and any(c.dep_ in ("acomp", "attr") and c.lower_ in UNTRUE_WORDS
                                                for c in node.head.children)
                   for node in victim.ancestors)

    @staticmethod
    def _recalled(victim: Token) -> bool:
        """A figure in a clause that tells an older incident, hung on its time ("the deadliest attack since
        August, when the BLA carried out attacks that left more than 50 people dead", "in 2014, when ...", "a week
        after seven personnel were killed")."""
        if in_timed_clause(victim, days_alone=True):
            return True  # "..., a week after seven security personnel were killed", "hours after gunmen shot dead two"
        for anc in victim.ancestors:
            if anc.dep_ not in ("relcl", "advcl", "acl"):
                continue
            when = anc.head
            if when.ent_type_ != "DATE":
                continue
            since = when.head.lower_ == "since" and when.dep_ == "pobj"
            if since or re.fullmatch(r"(?:19|20)\d\d", when.text) or any(c.lower_ == "last" for c in when.children):
                return True
        return False

    def _in_referenced_attack(self, word: Token, victim: Token) -> bool:
        """"militants who took part in an attack that killed 11 soldiers": the 11 are the victims of an
        attack the sentence refers back to (a relative clause on a prepositional object), not its news."""
        clause = word
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "in which a dentist was shot dead and two were wounded"
            clause = clause.head
        if clause.dep_ != "relcl" or victim.i not in {t.i for t in clause.subtree}:
            return False
        noun = clause.head
        while (noun.lower_.rstrip("s") not in INCIDENT_NOUNS and noun.dep_ == "pobj" and noun.head.dep_ == "prep"
               and noun.head.head.pos_ == "NOUN"):
            noun = noun.head.head  # "last month's attack on a dental clinic, in which ...": the clause tells the attack
        if noun.lower_.rstrip("s") not in INCIDENT_NOUNS:
            return False
        if any(c.dep_ == "acl" and c.lower_ == "reported" for c in noun.children):
            return True  # "an attack reported in these columns yesterday in which three soldiers were martyred": told before
        if noun.dep_ == "dobj" and any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in noun.children):
            # "helped plan last month's attack on a clinic, in which a dentist was shot dead"
            return self.casualty_kind(noun.head) is None and noun.head.lower_ not in self.claim_words
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return False
        governor = noun.head.head
        if governor.lower_ in ("responsibility", "credit") or any(
                c.dep_ == "dobj" and c.lower_ in ("responsibility", "credit") for c in governor.children):
            # "claimed responsibility for a bombing that killed seven" (the "for" phrase parsed on the verb or on the
            # noun): the claim reports the toll
            return False
        return governor.pos_ in ("VERB", "NOUN", "ADJ") and self.casualty_kind(governor) is None

    @staticmethod
    def _revised_from(figures: list[CasualtyFigure], sent: Span) -> set[int]:
        """"revised the toll down to six from eight", "rose from 8 to 12": the figure after "from" is
        the earlier count when the sentence gives another of its kind after "to"."""
        previous = {tok.idx: sent.doc[tok.i - 1].lower_ for tok in sent if tok.i > sent.start}

        def before(f: CasualtyFigure) -> str:
            return previous.get(f.span.start, "")

        new_kinds = {f.kind for f in figures if before(f) == "to"}
        starts = {tok.idx: tok for tok in sent}

        def risen_from(f: CasualtyFigure) -> bool:
            """"raising the death toll from three": the toll before the rise the sentence tells."""
            tok = starts.get(f.span.start)
            if tok is None or before(f) != "from":
                return False
            return any(a.lower_ in RISE_WORDS for a in list(tok.ancestors)[:4])

        old = {i for i, f in enumerate(figures) if before(f) == "from" and f.kind in new_kinds or risen_from(f)}
        # "Four policemen were killed ..., revising down a toll of six given earlier": the revised figure is the old one
        for i, f in enumerate(figures):
            tok = starts.get(f.span.start)
            revised = tok is not None and any(
                a.lower_ in REVISE_VERBS and any(c.dep_ == "dobj" and tok in c.subtree for c in a.children)
                for a in list(tok.ancestors)[:5])
            if revised and any(g.kind == f.kind and j != i for j, g in enumerate(figures)):
                old.add(i)
        return old

    def labelled_counts(self, sent: Span, sent_index: int = -1) -> list[CasualtyFigure]:
        """A field of a release that names its count in brackets before a colon ("• Shuhada (02): Constable X and
        Constable Y", "Injured (01): Head Constable Z"): the count of the label's kind, the names after it its people."""
        tokens = list(sent[:LABEL_MAX_TOKENS])
        for k, tok in enumerate(tokens[:-2]):
            number, close, after = tokens[k + 1], tokens[k + 2], tokens[k + 3] if k + 3 < len(tokens) else None
            closed = close.text == "):" or (close.text == ")" and after is not None and after.text == ":")
            if tok.text != "(" or not closed or not number.text.isdigit():
                continue
            label = [t for t in tokens[:k] if t.is_alpha]
            kinds = [found for t in label if (found := self.casualty_kind(t))]
            if not kinds:
                return []
            attackers = kinds[0] == "killed" and any(t.lower_ in self.attacker_nouns for t in label)
            kind: CasualtyKind = "attackers_killed" if attackers else cast(CasualtyKind, kinds[0])
            span = TextSpan.from_span(sent.doc[label[0].i : close.i + 1] if label else sent, sent_index)
            return [CasualtyFigure(kind, int(number.text), None, span, victim=label[-1].lower_ if label else "")]
        return []

    def tabled_counts(self, sent: Span, sent_index: int = -1) -> list[CasualtyFigure] | None:
        """A line of figures set out as cells between bars, each a label and its count ("Killed 2 | Injured 3 |
        Attackers killed — | Claim: none"): the count of each cell whose label names a kind ("—" tells none). None when
        the sentence is no such line."""
        if sent.text.count("|") < TABLE_MIN_BARS:
            return None
        cells: list[list[Token]] = [[]]
        for tok in sent:
            if tok.text == "|":
                cells.append([])
            elif not tok.is_space:
                cells[-1].append(tok)
        figures: list[CasualtyFigure] = []
        for cell in cells:
            at = next((k for k, t in enumerate(cell) if t.like_num), None)
            label = [t for t in cell[: at if at is not None else len(cell)] if t.is_alpha]
            kinds = [found for t in label if (found := self.casualty_kind(t))]
            if not kinds or not label or len(label) > TABLE_LABEL_WORDS:
                continue
            value = self.word_value([cell[at].lower_]) if at is not None else None
            if value is None:
                continue  # "Attackers killed —": the line gives no figure of that kind
            attackers = kinds[0] == "killed" and any(t.lower_ in self.attacker_nouns for t in label)
            kind: CasualtyKind = "attackers_killed" if attackers else cast(CasualtyKind, kinds[0])
            span = TextSpan.from_span(sent.doc[cell[0].i : cell[-1].i + 1], sent_index)
            figures.append(CasualtyFigure(kind, value, None, span, victim=label[-1].lower_, total=True))
        return figures if figures else None

    def _field_of_attackers(self, sent: Span, figure: CasualtyFigure) -> CasualtyFigure:
        """A field whose label names the attackers ("Attackers killed: two", "Accused killed: one"): their dead."""
        words = figure.span.in_doc(sent.doc)
        if figure.kind != "killed" or words is None or len(words) < 2 or words[1].text != ":":
            return figure
        labels = [c for c in words[0].children if c.dep_ == "nsubj" and c.i < words[0].i]
        if labels and all(c.lower_ in self.attacker_nouns for c in labels):
            return replace(figure, kind="attackers_killed")
        return figure

    def stated_tolls(self, sent: Span, sent_index: int = -1) -> list[CasualtyFigure]:
        """"fatalities put at 12": a stated death toll."""
        out = []
        for m in _STATED_TOLL.finditer(sent.text):
            char_span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            span = TextSpan.from_span(char_span if char_span is not None else sent, sent_index)
            out.append(CasualtyFigure("killed", int(m.group(1)), None, span, victim="fatalities", total=True))
        return out


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_casualties(nlp: Language, name: str, units: dict[str, int], multipliers: dict[str, int],
                    qualifiers: list[str], killed_words: list[str], injured_words: list[str], kidnap_words: list[str],
                    attacker_nouns: list[str], person_nouns: list[str], non_person: list[str], total_words: list[str],
                    subcount_words: list[str], skip_ents: list[str], zero_patterns: dict[str, list[str]],
                    range_words: list[str], claim_words: list[str], pronouns: list[str],
                    window_fill: list[str]) -> CasualtyRules:
    """The casualty component."""
    return CasualtyRules(nlp, name, units=units, multipliers=multipliers, qualifiers=qualifiers,
                         killed_words=killed_words, injured_words=injured_words, kidnap_words=kidnap_words,
                         attacker_nouns=attacker_nouns, person_nouns=person_nouns, non_person=non_person,
                         total_words=total_words, subcount_words=subcount_words, skip_ents=skip_ents,
                         zero_patterns=zero_patterns, range_words=range_words, claim_words=claim_words,
                         pronouns=pronouns, window_fill=window_fill)


_DEFAULT_RULES: dict[int, tuple[Vocab, CasualtyRules]] = {}


def default_rules(vocab: Vocab | None = None) -> CasualtyRules:
    """The component with its default config, for callers that hold a sentence but no pipeline."""
    key = id(vocab) if vocab is not None else 0
    if key not in _DEFAULT_RULES:
        nlp = spacy.blank("en", vocab=vocab) if vocab is not None else spacy.blank("en")
        _DEFAULT_RULES[key] = (nlp.vocab, CasualtyRules(nlp, FACTORY, **DEFAULT_CONFIG))
    return _DEFAULT_RULES[key][1]


# the forces of the state as the agent of a killing, and the men they kill who are no category of victim
STATE_AGENTS = frozenset({"troops", "forces", "police", "policemen", "soldiers", "personnel", "rangers", "levies", "fc",
                          "ctd", "army", "guards"})
ARMED_MEN = frozenset({"gunmen", "gunman", "men", "suspects", "suspect", "others"})


RECORD_WORDS = frozenset({"involved", "responsible", "wanted", "implicated"})


def _in_their_record(word: Token) -> bool:
    """A killing the people in the sentence are said to have a hand in ("the terrorists were involved in the
    killing of six passengers", "militants wanted for the murder of two policemen"): their record, not the news."""
    if word.pos_ != "NOUN" or word.dep_ != "pobj" or word.head.dep_ != "prep":
        return False
    governor = word.head.head
    return governor.lower_ in RECORD_WORDS and governor.pos_ in ("VERB", "ADJ", "AUX")


# people counted by a word that says nothing of who they were: a list after them may tell it
PLAIN_PEOPLE = frozenset({"people", "persons", "villagers", "civilians", "residents", "locals", "men", "women",
                          "children", "passers-by", "passersby", "bystanders", "relatives"})


def _describes_a_count(noun: Token) -> bool:
    """The noun, alone or in a list, stands in apposition to a counted noun ("two villagers, a woman and a young boy",
    however parsed: as many singular nouns after the comma as the count): it tells who the counted people were."""
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "appos":
        node, items = node.head, [node, *(c for c in node.conjuncts if c.i > node.i)]
    elif node is not noun:
        items = [c for c in node.conjuncts if c.i > node.i]
    else:
        return False
    count = next((c for c in node.children if c.dep_ == "nummod"), None)
    if count is None or node.lower_ not in PLAIN_PEOPLE or node.i + 1 >= len(node.doc) or node.nbor(1).text != ",":
        return False
    return all(c.tag_ == "NN" for c in items) and word_value([count.lower_]) == len(items)


def _from_a_place(noun: Token) -> bool:
    """"a resident of District Chakwal", "a native of Swat": where a named person comes from."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(g.ent_type_ in ("PK_LOC", "GPE", "LOC") for g in c.subtree)
               for c in noun.children)


TABLE_MIN_BARS = 2  # "Killed 2 | Injured 3 | Claim: none": a line of three cells at least
TABLE_LABEL_WORDS = 3  # a cell's label is a few words ("Attackers killed"), not a sentence
LABEL_MAX_TOKENS = 8  # a release's field label ("• Shuhada (02):") opens its line within this many tokens
HOSPITAL_WORDS = frozenset({"hospital", "hospitals", "clinic", "cmh", "dhq", "thq"})


def other_place_clause(sent: Span) -> int | None:
    """Where a ", while"/", whereas" clause that names its own place or calls itself another incident starts
    ("six policemen were martyred in Lakki Marwat, while two soldiers lost their lives in Bajaur"), else None.
    Found once per sentence (frames ask it of every sentence of a frame, again for each new sentence)."""
    found = sent.doc.user_data.setdefault("khabar_other_place_clause", {})
    key = (sent.start, sent.end)
    if key not in found:
        found[key] = _other_place_clause(sent)
    result: int | None = found[key]
    return result


def _other_place_clause(sent: Span) -> int | None:
    """other_place_clause, found afresh."""
    doc = sent.doc
    # (a hospital, and the town its name ends with, is where the wounded went: "while two more succumbed to their
    # injuries at the District Headquarters Hospital Khar")
    # (nor the town the wounded were taken to: "while four more had been shifted to Peshawar")
    places = [e for e in sentence_ents(sent) if e.label_ in ("PK_LOC", "GPE", "LOC", "FAC")
              and not any(t.lower_ in HOSPITAL_WORDS for t in doc[max(sent.start, e.start - 2) : e.end])
              and not (e.root.head.lower_ in ("to", "for") and e.root.head.head.lower_ in TAKEN_TO_HOSPITAL)]
    for tok in sent:
        joins = tok.lower_ in ("while", "whereas") and tok.i > sent.start and doc[tok.i - 1].text in (",", ";")
        if joins and any(e.start > tok.i for e in places):
            return tok.i
        if joins and ANOTHER_INCIDENT.search(doc[tok.i : sent.end].text):
            return tok.i  # "..., while a journalist was shot dead in a separate attack in the southwest"
        if tok.lower_ == "after" and tok.i > sent.start and ANOTHER_INCIDENT.search(doc[tok.i : sent.end].text):
            return tok.i  # "..., hours after another teacher was shot dead in a separate attack a few miles away"
    return None


def _along_with(node: Token) -> Token | None:
    """The word an "along with X" / "together with X" phrase hangs from, for X (`node`), however "along" is parsed."""
    if node.dep_ != "pobj" or node.head.lower_ != "with" or node.head.i == 0:
        return None
    anchor = node.head.head
    if anchor.lower_ in ("along", "together"):
        return anchor.head
    joined = node.head.nbor(-1).lower_ in ("along", "together") or any(c.lower_ in ("along", "together") for c in anchor.children)
    return anchor if joined else None


HARMING_VERBS = frozenset({"killed", "shot", "gunned", "murdered", "wounded", "injured", "assassinated", "slew", "martyred"})
ACTING_VERBS = frozenset({"opened", "fired", "attacked", "hurled", "threw", "lobbed", "stormed", "ambushed", "shot",
                          "planted", "detonated", "blew", "rammed", "riddled", "intercepted", "abducted", "kidnapped"})


def _harms_someone(last: Token) -> bool:
    """A count followed, in its own clause, by an active harming verb and its object ("two gunmen on a motorcycle shot
    dead Constable Riaz Khan", "two militants killed three soldiers"): who harmed, however it parses; not "three
    soldiers killed in the attack" nor "two policemen were shot dead"."""
    before = last.doc[max(last.sent.start, last.i - 8) : last.i]
    if any(t.lower_ in HARMING_VERBS for t in before):
        return False  # "gunmen killed four workers and wounded another": the count is the first verb's object
    words = list(last.doc[last.i + 1 : min(last.i + 9, last.sent.end)])
    for k, tok in enumerate(words):
        if tok.lower_ in ("was", "were", "been", "is", "are", "be", "being", "who", "which", "that", "and", ",", ";", "—", "-"):
            return False
        if tok.lower_ in HARMING_VERBS and tok.dep_ != "amod":  # (not "one more injured jawan": who was harmed)
            rest = [t for t in words[k + 1 : k + 4] if t.lower_ != "dead"]
            return bool(rest) and rest[0].pos_ in ("PROPN", "DET", "NUM", "PRON") and rest[0].lower_ not in ("this", "that")
    return False


def _succumbed(word: Token | None) -> bool:
    """The death is of wounds ("CTD constable Naseer Khan has succumbed to his injuries"): one of the injured died."""
    return word is not None and word.lower_ in ("succumbed", "succumbs") and any(
        g.lower_ in WOUND_NOUNS for c in word.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children)


UNHARMED = frozenset({"unharmed", "unhurt", "uninjured", "unscathed", "safe"})


def _said_unharmed(victim: Token) -> bool:
    """The counted people are the subject of a verb that says they came to no harm ("the two wardens were unharmed",
    "both guards remained safe"), whatever casualty word an earlier clause joined to it."""
    return victim.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("acomp", "oprd", "attr", "advmod") and c.lower_ in UNHARMED for c in victim.head.children)


def _harm_denied(word: Token) -> bool:
    """The casualty word itself is negated ("A woman vaccinator working with them was not hurt"): no harm (unlike "not
    only killed ... but", which is no negation of the word)."""
    return any(c.dep_ == "neg" and c.i < word.i and c.lower_ in ("not", "n't", "never")
               and word.doc[c.i + 1].lower_ != "only" for c in word.children)


def _projected(number: Token) -> bool:
    """The number a toll may yet reach ("the toll could cross 50", "might rise to 40"): the verb that takes it has a
    modal of possibility."""
    verb = number.head.head if number.head.dep_ == "prep" else number.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in verb.children)


def unrealised(word: Token) -> bool:
    """A casualty verb in the infinitive after a verb of intent ("threatened to kill them", "vowed to kill more
    soldiers"): what someone meant or threatened to do, not what happened."""
    return (word.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)
            and (word.head.lemma_.lower() in INTENT_VERBS or word.head.lower_ in INTENT_VERBS))


def _acting_after_opener(first: Token, last: Token) -> bool:
    """A count that opens a clause after "when"/"as"/"after" and is followed by an attacking verb ("when two men on a
    motorcycle opened fire on the checkpoint"): the attackers, not victims."""
    sent = first.sent
    if first.i == sent.start or first.doc[first.i - 1].lower_ not in CLAUSE_OPENERS:
        return False
    verb = next((t for t in first.doc[last.i + 1 : sent.end] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lower_ in ACTING_VERBS


def _described_as_members(victim: Token) -> bool:
    """Men the sentence calls members of a group ("the six men killed were described by security officials as members
    of Fitna al-Hindustan", "the two suspects killed belonged to the TTP"): attackers, whoever doubts it."""
    if victim.lower_ not in ARMED_MEN:
        return False
    verb = victim.head if victim.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return False
    return any(t.ent_type_ == "MIL_GROUP" for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "to", "with")
               for t in c.subtree)


def _shot_by_the_state(victim: Token) -> bool:
    """Armed men killed by the forces ("two gunmen who tried to enter the post were shot dead by troops", "three
    suspects were killed by police"): attackers, not victims."""
    if victim.lower_ not in ARMED_MEN or victim.dep_ != "nsubjpass":
        return False
    agents = [o for c in victim.head.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(o.ent_type_ == "SEC_ACTOR" or o.lower_ in STATE_AGENTS for o in agents)


def _colon_parts(sent: Span, figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Figures after a colon that follows a count are its parts ("three attackers died: the driver of the vehicle and
    two gunmen"): each is a sub-count of that count's kind."""
    colon = next((t.idx for t in sent if t.text == ":" and t.i > sent.start + 1), None)
    if colon is None:
        return figures
    counts = [f for f in figures if f.span.end <= colon and f.value > 0 and not f.sub_count]
    if not counts:
        return figures
    whole = counts[-1]
    return [replace(f, kind=whole.kind, sub_count=True, total=False) if f.span.start > colon else f for f in figures]


def _comma_parts(sent: Span, figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Counts set between commas right after a count, adding up to it, break it down ("Three civilians, two children
    and a woman, were wounded"): sub-counts, not more people."""
    doc, out = sent.doc, list(figures)
    for whole in figures:
        words = whole.span.in_doc(doc) if whole.value > 1 and not whole.sub_count else None
        if words is None or not words[0].like_num or words[0].dep_ != "nummod":
            continue
        comma = words[0].head.i + 1
        if comma >= sent.end or doc[comma].text != ",":
            continue
        close = next((t.i for t in doc[comma + 1 : min(comma + 12, sent.end)] if t.text == ","), None)
        if close is None:
            continue
        inside = [k for k, f in enumerate(figures) if doc[comma].idx < f.span.start < doc[close].idx and f.kind == whole.kind]
        # ("Two men, a vaccinator and the police officer assigned to protect him, were shot dead": parts in apposition
        # to the counted noun, some of them not counted, add up to no more than it)
        appositive = any(t.dep_ == "appos" and t.head.i == words[0].head.i
                         for k in inside for t in (figures[k].span.in_doc(doc) or ()))
        total = sum(figures[k].value for k in inside)
        if inside and (total == whole.value or appositive and total < whole.value):
            for k in inside:
                out[k] = replace(figures[k], sub_count=True, total=False)
    return out


def _bracket_parts(sent: Span, figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Parts in brackets after a count take that count's kind ("9 attackers killed (3 at the wall, 6 inside)" breaks
    down the attackers' dead, not the victims')."""
    out = list(figures)
    for i, part in enumerate(figures):
        words = part.span.in_doc(sent.doc) if part.sub_count else None
        opened = _opening_bracket(sent, words.end - 1) if words is not None else None
        if opened is None:
            continue
        wholes = [f for f in figures[:i] if not f.sub_count and f.value > 0 and f.span.end <= sent.doc[opened].idx]
        if wholes and wholes[-1].kind != part.kind:
            out[i] = replace(part, kind=wholes[-1].kind)
    return out


def _breathed_last(verb: Token) -> bool:
    """"breathed his last", "breathe their last": died."""
    return verb.lower_ in ("breathed", "breathes", "breathe") and any(c.lower_ == "last" for c in verb.children)


def _of_them(first: Token) -> bool:
    """"one of them", "two of whom": a part of the people counted just before."""
    doc = first.doc
    return first.i + 2 < len(doc) and doc[first.i + 1].lower_ == "of" and doc[first.i + 2].lower_ in ("them", "whom")


def _clause_up_to(word: Token, top: Token) -> list[Token]:
    """The word and its heads up to `top` (not included), or up to the root when `top` is not above it."""
    chain = [word]
    for head in word.ancestors:
        if head.i == top.i:
            break
        chain.append(head)
    return chain


def _through_dateline(children: Iterable[Token]) -> list[Token]:
    """A verb's dependents, with what hangs on a dateline parsed as its subject ("BANNU, Aug 13 (CNA) — The death
    toll ... rose to three": the toll is the dateline's apposition)."""
    out: list[Token] = []
    for child in children:
        out.append(child)
        if child.dep_ == "nsubj" and child.ent_type_ == "PK_LOC":
            out.extend(a for a in child.children if a.dep_ == "appos")
    return out


RISE_VERBS = frozenset({"risen", "rose", "climbed", "jumped", "reached", "increased", "mounted", "gone"})
FORCE_NOUNS = frozenset({"guard", "guards", "soldier", "soldiers", "troops", "forces", "personnel", "fighters"})


def _afghan_forces(victim: Token) -> bool:
    """Afghan soldiers or border guards ("three Afghan border guards"): casualties across the border."""
    return victim.lower_ in FORCE_NOUNS and any(
        c.dep_ in ("amod", "compound") and c.lower_ == "afghan" for c in victim.children)


PAIR_NOUNS = frozenset({"couple", "pair"})  # nouns that count two people


def _in_breakdown(first: Token) -> bool:
    """A number inside parentheses that follow a count ("seven wounded (three soldiers, four civilians)"): the
    count's parts."""
    depth, after_number, number_seen, dashes = 0, False, False, 0
    for tok in first.doc[first.sent.start : first.i]:
        opens, closes = tok.text.count("("), tok.text.count(")")  # ("(QPA):" may come as one token)
        if opens and depth == 0:
            after_number = number_seen  # a parenthesis opened after a count
        depth = max(0, depth + opens - closes)
        if tok.text in ("—", "–") and number_seen:
            dashes += 1
        number_seen = number_seen or tok.like_num
    if depth > 0 and after_number:
        return True
    # "Five people were wounded — three labourers and two soldiers — and ...": the parts between a pair of dashes
    return dashes % 2 == 1 and any(t.text in ("—", "–") for t in first.doc[first.i : first.sent.end])


AGED_NOUNS = frozenset({"boy", "girl", "child", "son", "daughter", "man", "woman", "youth", "teenager", "student"})


def _denied(number: Token) -> bool:
    """"the toll stood at 84, not the 101 announced earlier": a figure the sentence denies ("not" on the number, with no
    comparison between: "not less than 20" is a figure)."""
    return any(child.dep_ == "neg" and child.i < number.i and not any(t.lower_ == "than" for t in number.doc[child.i:number.i])
               for child in number.children)


def _an_age(tokens: list[Token], i: int) -> bool:
    """The number at `i` is set off by commas right after a person's name ("Abdul Sattar, 26, ..."), or follows "a
    boy of" or "aged": an age."""
    tok = tokens[i]
    # "a boy of about ten", "a girl of 12": a person's age after "of"
    k = i - 1
    while k > 0 and tokens[k].lower_ in ("about", "around", "nearly", "some"):
        k -= 1
    if k > 0 and tokens[k].lower_ == "of" and tokens[k - 1].lower_ in AGED_NOUNS:
        return True
    if k >= 0 and tokens[k].lower_ in ("aged", "age"):
        return True  # "Sepoy Muhammad Naveed, aged 26, resident of District Okara"
    if _DIGITS.match(tok.lower_) is None or i < 2 or i + 1 >= len(tokens):
        return False
    if tokens[i - 1].text != "," or tokens[i + 1].text not in (",", ")"):
        return False
    name = tokens[i - 2]
    return name.pos_ == "PROPN" and (name.ent_type_ == "PERSON" or tok.dep_ == "appos" and tok.head.i == name.i)


# "revised the toll to 84, down from the figure of 100": the count a revision replaced
# "revised down from eight", "up from the earlier figure of 12", "lowers toll from hospital estimate of 10"
_REVISED_FROM = re.compile(r"\b(?:(?:down|up)\s+from\s+(?:(?:the|an?|its|their)\s+)?(?:(?:earlier|initial|previous|first)\s+)?"
                           r"(?:(?:figure|count|toll|tally|estimate)\s+of\s+)?|from\s+(?:(?:the|an?|its|their)\s+)?"
                           r"(?:[\w-]+\s+){0,2}?(?:figure|count|toll|tally|estimate)\s+of\s+)(?:at\s+least\s+|about\s+|some\s+)?$", re.I)


LOWERING_VERBS = frozenset({"lowered", "lowering", "lowers", "reduced", "reducing", "reduces", "corrected", "correcting",
                            "corrects", "downgraded", "downgrading"})


def _lowered_to(sent: Span) -> set[int]:
    """The numbers a count was brought down to ("lowered the death toll ... to 84", "revised the toll down to 84",
    "corrected the figure to 84"): the positions of the numbers after "to" under such a verb."""
    out = set()
    for tok in sent:
        down = tok.lower_ in LOWERING_VERBS or tok.lower_ in REVISE_VERBS and any(
            c.lower_ in ("down", "downward", "downwards") for c in tok.children)
        if not down:
            continue
        for prep in (c for c in tok.subtree if c.lower_ == "to" and c.dep_ == "prep" and c.head.i == tok.i
                     or c.lower_ == "to" and c.dep_ == "prep" and c.head.lower_ in ("down", "downward", "downwards")):
            out |= {g.i for g in prep.subtree if g.like_num}
    return out


def _whose_killing(person: Token) -> bool:
    """The person is the object of an incident noun or a killing word ("the killing of senior lawyer X", "the
    murder of X"): an incident the sentence names, not one it reports."""
    node = person
    while node.dep_ in ("appos", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return False
    noun = node.head.head.lower_
    return noun in ("killing", "killings", "murder", "murders", "assassination", "martyrdom", "death") or (
        noun.rstrip("s") in INCIDENT_NOUNS)


def _takes_up_subject(word: Token) -> bool:
    """A floating "both" or "all" after its verb's subject ("the driver and his helper were both killed"): the
    subject again, not more people."""
    return word.lower_ in ("both", "all") and word.dep_ in ("dep", "advmod", "appos", "predet") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < word.i for c in word.head.children)


def _joined_before(name: Token) -> bool:
    """A name parsed as a modifier of the next one it is joined to by "and" ("Head Constable X Ahmed and Constable Y
    Khan received injuries")."""
    return name.pos_ == "PROPN" and name.dep_ == "nmod" and name.i < name.head.i and name.head.pos_ == "PROPN" and any(
        c.dep_ == "cc" and c.lower_ == "and" for c in name.children)


def _revised_from(first: Token) -> bool:
    """A number a revised count came down or up from."""
    return bool(_REVISED_FROM.search(first.doc[max(first.sent.start, first.i - 8) : first.i].text + " "))


def _lives_taken(lives: Token) -> bool:
    """"The attack on the mines has claimed the lives of 21 miners", "the bombing, which took the lives of two guards":
    lives an incident took (not "violence claimed 13 lives during the week": a tally over a period)."""
    verb = lives.head
    if lives.dep_ != "dobj" or verb.lower_ not in LIFE_TAKERS:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and (re.fullmatch(INCIDENT_NOUN_PATTERN, subject.lower_) is not None
                                    or subject.lower_ in ("bomber", "bombers", "firing"))


def _included_in_toll(victim: Token) -> bool:
    """"The toll now includes six children, the driver and his helper": a part the toll holds, not the toll."""
    while victim.dep_ == "conj" and victim.head.i != victim.i:
        victim = victim.head  # (the list's later members too: "six children, the driver and his helper")
    return victim.dep_ == "dobj" and victim.head.lower_ in ("includes", "include", "included")


def _item_number(tok: Token) -> bool:
    """A number that opens a line and is closed by a bracket or a full stop ("4) 0705 hrs — HARNAI: ..."): a list's
    item number."""
    return starts_line(tok.doc, tok.i) and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in (")", ".")


def _stood_before(first: Token) -> bool:
    """A count in a past-tense clause on a toll that now stands otherwise ("The toll, which stood at five on the day of
    the attack, now includes six children, the driver and his helper"), or that has risen since ("the toll had stood at
    44 in the morning"): the earlier count."""
    prep = first.doc[first.i - 1] if first.i > 0 else None
    if prep is not None and prep.lower_ == "at" and prep.head.lower_ == "stood" and (
            any(c.dep_ == "aux" and c.lower_ == "had" for c in prep.head.children)
            or any(c.dep_ == "conj" and c.lower_ in RISE_WORDS for c in prep.head.children)):
        return True  # "The toll had stood at 44 on Monday morning and rose during the day"
    for anc in first.ancestors:
        if anc.dep_ == "relcl":
            main = anc.head.head
            return anc.tag_ == "VBD" and anc.head.dep_ in ("nsubj", "nsubjpass") and (
                main.tag_ in ("VBZ", "VBP") or main.lower_ in RISE_WORDS)
        if anc.dep_ == "acl":  # "The toll, put at 16 by police an hour after the blast, rose through the day"
            return (anc.tag_ == "VBN" and anc.head.lower_ in TOTAL_WORDS and anc.head.dep_ in ("nsubj", "nsubjpass")
                    and anc.head.head.lower_ in RISE_WORDS)
    return False


def _martyrdom_in(sent: Span) -> bool:
    """The sentence tells a martyrdom: its dead are the state's or the victims', never the attackers."""
    return any(t.lower_.startswith(("martyr", "shahadat", "shaheed")) for t in sent)


def _dealt(victim: Token) -> bool:
    """The count is the object of a harming verb in the active voice ("he killed five of them and their driver"): the
    toll of the act, not a part of a count the sentence gave before."""
    return victim.dep_ == "dobj" and victim.head.lower_ in HARMING_VERBS


def _told_before(first: Token) -> bool:
    """A count an earlier statement gave, told in the past perfect ("officials had said on Tuesday that 100 people had
    died, and the government put the toll at 101"): the speech verb's "had" (or that of the verb it is conjoined to)
    puts the statement before the report's own time."""
    def pluperfect(verb: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)

    for anc in first.ancestors:
        if anc.lower_ in GROUP_SPEECH and anc.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "auxpass" for c in anc.children):
                continue  # "said 52 deaths had been confirmed by name": the count's own verb, told in reported speech
            # (not a statement set against the earlier one: "had initially said two were hurt, but the police chief said
            # on Tuesday that one boy had been wounded")
            turned = any(t.lower_ in ("but", "however", "yet", "now", "later") for t in anc.doc[anc.head.i : anc.i])
            return pluperfect(anc) or (anc.dep_ == "conj" and anc.head.lower_ in GROUP_SPEECH and pluperfect(anc.head)
                                       and not any(c.dep_ == "aux" for c in anc.children) and not turned)
    return False


def extract_casualties(sent: Span, sent_index: int = -1) -> list[CasualtyFigure]:
    """Every casualty figure in one sentence with the default config, in order of appearance."""
    return default_rules(sent.vocab).extract_casualties(sent, sent_index)


def word_value(words: list[str]) -> int | None:
    """Value of a number phrase in words with the default number words: "twenty-three", "a dozen"."""
    return default_rules().word_value(words)


def _opening_bracket(sent: Span, at: int | None) -> int | None:
    """Where the bracket that holds token `at` opens ("(first reported as three; ...)"), if it does."""
    if at is None:
        return None
    for tok in reversed(sent.doc[sent.start : at]):
        if tok.text == ")":
            return None
        if tok.text == "(":
            return tok.i
    return None


def _clause_of_another(clause: Token, victim: Token) -> bool:
    """A relative clause inside the phrase of people a verb of their own governs, with a subject of its own, about
    another noun ("a dozen elders from the village where his father lived and died sat behind him"): what it tells
    happened to its subject, not to the counted people (not "nine insurgents ... and three more in Datta Khel, where
    one soldier was also martyred", whose elliptic count has no verb of its own)."""
    return (clause.dep_ == "relcl" and clause.head.i != victim.i and victim.dep_ in ("nsubj", "nsubjpass", "dobj")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT", "WP$") for c in clause.children)
            ) or _clause_on_their_object(clause, victim)


def _clause_on_their_object(clause: Token, victim: Token) -> bool:
    """A relative clause on a noun the counted people acted on through a preposition ("Two men on a motorcycle fired
    at him and at his nephew, X, 19, who was wounded in the arm"): it tells what befell that person, not the count.
    A part of the counted people ("two of the policemen who were wounded", "three persons including ...") or their
    names ("two drivers identified as X and Y, who were abducted") stay theirs."""
    if clause.dep_ != "relcl" or clause.head.i == victim.i or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in clause.children):
        return False  # (the clause's own subject is the noun it hangs on: "..., who was wounded in the arm")
    node = clause.head
    while node.i != victim.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ not in ("of", "as", *SUBCOUNT_WORDS):  # ("identified as X, who ...")
            return True
        node = node.head
    return False


def casualty_kind(token: Token) -> str | None:
    """"killed" / "injured" / "kidnapped" for a casualty word with the default config, else None."""
    return default_rules(token.vocab).casualty_kind(token)


def _part_of_the_taken(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """"Eight of the abducted employees were recovered, three of whom were injured": a part of the people taken who
    were hurt or killed is a count of its own kind (no count of that kind came before it in the sentence)."""
    out = list(figures)
    for i, figure in enumerate(figures):
        if (figure.sub_count and figure.kind in ("killed", "injured") and i > 0 and figures[i - 1].kind == "kidnapped"
                and not any(g.kind == figure.kind for g in figures[:i])):
            out[i] = replace(figure, sub_count=False)
    return out
