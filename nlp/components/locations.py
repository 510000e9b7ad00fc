"""Locations: gazetteer entities in a frame, resolved to place, district, province and country."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from khabar.core.records import Location
from khabar.nlp.components.base import (
    INCIDENT_AFTER,
    INCIDENT_NOUN,
    SPEECH_VERBS,
    TextSpan,
    doc_text,
    in_timed_clause,
    sentence_ents,
    set_extension,
    starts_line,
)
from khabar.nlp.components.casualties import PERSON_NOUNS, casualty_kind
from khabar.nlp.gazetteer import load_gazetteer
from khabar.nlp.geocode import geocode

log = logging.getLogger(__name__)
ASIDE_WORDS = ("hospital", "shifted", "shifting", "moved to", "referred to", "flown to", "airlifted", "evacuated to", "taken to",
               "rushed to", "transported to", "treatment at", "treatment in", "treated at", "treated in", "headquarters", "funeral", "native", "hailed from",
               "belonged to", "belongs to", "belong to", "hometown", "home town", "ancestral", "resident of", "residents of", "came from",
               "were from", "was from", "janaza", "burial", "buried", "mourners", "speaking from",
               # where a speaker was reached ("told reporters by telephone from Multan") or spoke ("addressing a press
               # conference in Quetta")
               "phone from", "telephone from", "addressing", "briefing",
               # where a victim died later ("Constable Waheed Gul later in Multan")
               "later in",
               # the victims' names and homes ("one of the dead was named as X, from Karak district")
               "the deceased", "was identified", "were identified", "named as",
               # where the news was felt ("deepening concern in Islamabad"), not where it happened
               "concern in", "alarm in", "outrage in", "anger in",
               # a foreign mission speaks from its capital ("China's embassy in Islamabad urged Pakistan ...")
               "embassy in", "embassy of",
               # a condolence call ("visited the embassy ... in Islamabad, expressed heartfelt condolences")
               "condolence",
               # where something is yet to happen ("the summit to be held in Islamabad next week")
               "upcoming")
# people (or a firm) a place names as their home ("Karachi residents", "two Quetta labourers")
# (civilians only: "two Lakki Marwat policemen" are that district's force, usually at the scene)
HOME_NOUNS = frozenset({"resident", "residents", "native", "natives", "troupe", "family", "families", "trader", "traders",
                        "labourer", "labourers", "worker", "workers", "man", "men", "youth", "youths", "student",
                        "students", "pilgrims", "businessman", "businessmen", "engineer", "engineers",
                        # a firm's home ("hired from a Lahore tour company")
                        "company", "companies", "firm", "firms", "operator", "operators"})
# verbs a capital governs as its government ("called on Islamabad", "urged Kabul", "accused Tehran")
URGE_VERBS = frozenset({"called", "urged", "asked", "pressed", "told", "warned", "accused", "blamed", "criticised",
                        "criticized", "demanded", "requested", "pressured"})
STREET_WORDS = frozenset({"road", "stop", "chowk", "street", "bazaar", "bazar", "highway", "gate", "adda", "bypass",
                          "avenue", "flyover", "interchange", "motorway", "crossing", "square",
                          "mail", "express",  # (and trains: "the Khyber Mail", "the Quetta Express")
                          "river"})  # (and rivers: "along the Kurram river")
BORDER_WORDS = frozenset({"border", "afghan", "afghanistan", "iran", "iranian", "frontier"})
# words of locality names that many towns share ("Model Town", "Saddar", "Civil Lines", "Satellite Town"):
# such a name is resolved only in the district the article is about
GENERIC_LOCALITY_WORDS = frozenset({"model", "town", "satellite", "civil", "lines", "colony", "saddar", "sadar",
                                    "cantonment", "cantt", "garden", "new", "old", "city", "defence", "housing",
                                    "society", "railway", "station", "airport", "bazaar", "bazar", "market",
                                    "industrial", "area", "estate", "university", "main", "chowk"})
# words that name a place with a gazetteer name ("Lower Kurram", "Quetta Cantonment", "Swat Valley", "Bannu
# Police Lines"): a title-case neighbour of any other kind makes a longer name ("Guli Bagh", "Kurram Par")
# facilities named after their town ("Air Base Mianwali", "Cadet College Wana", "Quetta Cantonment")
FACILITY_WORDS = frozenset({
    "cantonment", "cantt", "station", "lines", "press", "club", "hospital", "university", "college", "school", "jail",
    "prison", "airport", "camp", "fort", "base", "airbase", "garrison", "bridge", "dam", "tunnel", "market", "stadium",
    "mosque", "masjid"})
NAME_NEIGHBOURS = STREET_WORDS | FACILITY_WORDS | frozenset({
    "upper", "lower", "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "greater", "old", "new", "district", "districts", "agency", "tehsil", "division", "valley", "city", "town",
    "saddar", "sadar", "police", "levies", "scouts", "rifles", "militia", "corps", "pass", "colony", "area", "region",
    "belt", "border", "range", "hills", "mountains", "river", "canal", "zone", "sector", "tribal"}) | GENERIC_LOCALITY_WORDS
# person nouns written as a title before a name ("Constable Shah Faisal", "Journalist Lyari ..."), not forces' names
PERSON_TITLES = frozenset(PERSON_NOUNS - {"fc", "levies", "personnel", "people", "persons", "others", "local", "national",
                                          "nationals", "member", "resident"})
KIND_RANK = {"place": 0, "district": 1, "province": 2, "country": 3}
# "Kalat district", "(Kech, Balochistan)", "Nushki (Balochistan)", "Swat's Bara Bandai area": a district named as
# the event's district
_MARKED_AFTER = re.compile(r"^(?:\s*district\b|\s*,\s*[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s*\)|\s*\((?:[A-Z][\w-]+\s?){1,3}\)|['’]s\s+[A-Z])")
# "the Rawalpindi-bound train", "the Quetta-Sibi section", "the Quetta–Karachi highway": a route's end points, not where the event happened
_AREA_AFTER = re.compile(r"^\s*area\b(?!\s+(?:of|in)\b)")  # "the Bolan area", not "the Bagh area of Tirah"
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_ROUTE_AFTER = re.compile(r"^(?:-(?:bound\b|[A-Z]|[eio]-)|–[A-Z])")  # "Quetta-Karachi", "Gulistan-e-Jauhar" (another place)
_ROUTE_BEFORE = re.compile(r"[A-Za-z][-–]$")
# "heading towards Karachi", "the last minibuses to Dera Ismail Khan", "from the direction of the Lakki Marwat
# border", "traffic from Attock", "fled towards the mountains bordering Kohlu", "on the border of Swat and Dir": a
# destination, a direction or either side of a border, not the scene
_TOWARDS = re.compile(r"(?:\b(?:towards?|direction\s+of|traffic\s+from|(?:bus|buses|minibus|minibuses|train|trains|express|flight|flights"
                      r"|coach|coaches|road|roads)\s+(?:to|for))\s+(?:the\s+)?"
                      r"|\b(?:fled|escaped|retreated|withdrew)\s+(?:towards?|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
                      # "near the border of Punjab's Mianwali district": a landmark, not the scene
                      r"|\bborder\s+(?:of|between)\s+(?:the\s+)?(?:[\w-]+\s+and\s+)?(?:[\w-]+(?:\s+[\w-]+)?['’]s\s+)?"
                      # "close to the boundary with Khyber Pakhtunkhwa's Lakki Marwat district", "came from the side of"
                      r"|\b(?:boundary|border|borders)\s+with\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                      r"|\bfrom\s+the\s+side\s+of\s+"
                      # "had sneaked into the area from the adjoining Bajaur district": where the attackers came from
                      r"|\b(?:sneaked|snuck|infiltrated|crossed|slipped)\s+(?:in\s+|over\s+|into\s+(?:the\s+)?[\w-]+\s+)?from\s+"
                      r"(?:the\s+)?(?:(?:adjoining|adjacent|neighbouring|neighboring|bordering)\s+)?)$", re.I)
# "from the side of the Khyber Pakhtunkhwa border", "crossed over from Punjab", "sneaked in from the adjoining Bajaur
# district": where the attackers came from
_SIDE_OF = r"(?:side|direction)\s+of\s+(?:the\s+)?"
_NEIGHBOURING = r"(?:adjoining|adjacent|neighbouring|neighboring|bordering)\s+"
_ORIGIN_BEFORE = re.compile(rf"\bfrom\s+(?:the\s+)?(?:{_SIDE_OF})?(?:{_NEIGHBOURING})?$"
                            r"|\b(?:border|boundary)\s+with\s+(?:the\s+)?$", re.I)  # "near the boundary with Khyber Pakhtunkhwa"
# "the attackers had come from the neighbouring Dera Ismail Khan district": where they came from, not the scene
_FROM_NEIGHBOUR = re.compile(rf"\bfrom\s+(?:the\s+)?(?:{_SIDE_OF}|{_NEIGHBOURING})$", re.I)
# "carrying supplies from Khuzdar towards Quetta", "a bus from Quetta to Karachi": the start of a route, not the scene
# "a Quetta-to-Karachi coach", "the Quetta-Sibi highway", "a Karachi-bound bus": the ends of a route named in its
# vehicle's or road's compound, not where the vehicle or road was hit
_ROUTE_NOUNS = r"(?:coach|coaches|bus|buses|train|trains|van|vans|highway|road|motorway|flight)\b"
_ROUTE_COMPOUND_FIRST = re.compile(r"^\s*-\s*(?:to\s*-\s*)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+" + _ROUTE_NOUNS
                                   + r"|^\s*-\s*bound\s+" + _ROUTE_NOUNS)
_ROUTE_COMPOUND_SECOND = (re.compile(r"\b[A-Z][\w.]*\s*-\s*(?:to\s*-\s*)?$"), re.compile(r"^\s+" + _ROUTE_NOUNS))
# "the Taftan train", "a Quetta coach": a service named by its end, not where it was hit (not "the Quetta bus stand")
_SERVICE_AFTER = re.compile(r"^\s+(?:trains?|bus|buses|coach|coaches|flights?)\b(?!\s+(?:stand|terminal|station|stop|adda|depot))",
                            re.I)
_ROUTE_START = (re.compile(r"\bfrom\s+$", re.I), re.compile(r"^\s+(?:to|towards)\s+(?:the\s+)?[A-Z]"))
# "on his way home from Dera Ismail Khan when gunmen stopped his car", "returning from Quetta": where a journey began
_JOURNEY_FROM = re.compile(r"\b(?:on\s+(?:his|her|their|its)\s+way|returning|travell?ing|coming|driving|heading)"
                           r"(?:\s+(?:home|back))?\s+from\s+$", re.I)
_BORDER_AFTER = re.compile(r"^\s+(?:border|boundary)\b", re.I)
# "the Bagh area of Tirah", "a village in Kurram": the second place holds the first
_CONTAINER_BEFORE = re.compile(r"\b(?:area|village|villages|town|valley|locality|outskirts|suburbs|tehsil|sub-division|dam|site|camp|plant|mines?|project)\s+(?:of|in)\s+$", re.I)
# "Lance Naik Abdul Sattar, 29, of Kalat": a named victim's age and home town, not the scene
_AGE_AND_HOME = re.compile(r",\s*\d{1,3},\s+(?:of|from)\s+$")
# "crept towards the post from the Dera Ismail Khan side of the mountains": where the attackers came from
_SIDE_FROM = (re.compile(r"\bfrom\s+(?:the\s+)?$", re.I), re.compile(r"^\s+side\b", re.I))
_SERVICE_TO = re.compile(r"\bto\s+and\s+from\s+$", re.I)  # "services to and from Quetta": a route, not the scene
# "the Jaffar Express, which runs between the northwestern city of Peshawar and Quetta": the ends of a route a train,
# bus or road serves, not the scene
_ROUTE_VERB = r"\b(?:runs?|running|ran|plies|ply|plying|operates?|operating|services?|links?|linking|connects?|connecting|traffic)"
_ROUTE_BETWEEN = re.compile(_ROUTE_VERB + r"\s+between\s+(?:the\s+)?(?:(?:[\w.-]+\s+){0,7}?and\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
                            r"|(?:[\w-]+\s+){0,4})$", re.I)  # (the first end, or the second after "and")
NEAR_SENTENCES = 2  # a place this many sentences from the trigger's is near it
# "about 70 kilometres south-east of Quetta", "40km from Peshawar": a landmark, not the scene
_DISTANCE_FROM = re.compile(r"(?:(?<=\d)|\b)(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\([^)]*\)\s+)?(?:(?:to\s+the\s+)?[\w-]+\s+)?(?:of|from)\s+"
                            r"(?:the\s+(?:city\s+of\s+|town\s+of\s+)?)?$", re.IGNORECASE)
# "wanted by the Peshawar police": a city's force, not its police station
_FORCE_AFTER = re.compile(r"^\s+(?:police|traffic police|CTD|Levies|Rangers)\b(?!\s+station)")
# "the station house officer of the Shahpur police station": the name of the victim's post, not the scene
_AFFILIATION = (re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE), re.compile(r"^\s+police\s+station\b", re.IGNORECASE))


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def says_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether lower-case `text` holds one of the phrases as whole words ("a former president of" is no
    "resident of")."""
    return bool(words) and _words_pattern(words).search(text) is not None


@dataclass(frozen=True)
class LocationMention:
    """A location entity: its gazetteer kind and name, and whether it is a dateline."""

    kind: str
    name: str
    span: TextSpan
    dateline: bool = False
    foreign: bool = False
    clause: str = ""  # the words of the clause that holds the mention (its verb and the verb's subject)
    reference: bool = False  # a landmark the scene is measured from ("70 kilometres south-east of Quetta")
    heads: tuple[str, ...] = ()  # the nouns the place hangs from up to its verb ("the attack on a police van in Hangu")

    def names_an_incident(self) -> bool:
        """The place is an attribute of an incident noun ("the Quetta attack", "Bannu's blast"): another incident."""
        after = self.span.sentence[self.span.end - self.span.sent_start :]
        return INCIDENT_AFTER.match(after) is not None

    def in_aside(self, aside_words: tuple[str, ...] = ASIDE_WORDS) -> bool:
        """The place stands in a clause about something other than the incident ("the injured were shifted to
        a hospital in Peshawar", "funeral prayers were offered in Quetta", "a resident of Karak"), or is only
        the landmark a distance is measured from."""
        # ("Ghalanai, the headquarters of Mohmand district": the district that holds the place, not a headquarters
        # the injured or the speakers were at)
        clause = self.clause.replace("headquarters of", "")
        if self.heads[:1] == ("scene",):
            return self.reference  # "died in a hospital in Karachi, some 300 miles from the scene on the outskirts of Turbat"
        return self.reference or says_any(clause, aside_words) or _later_death(clause)


LATER_DEATH = re.compile(r"\b(?:died|succumbed|breathed)\b.*\b(?:wounded|injured)\b"
                         r"|\b(?:wounded|injured)\b.*\b(?:died|succumbed|breathed)\b")


def _later_death(clause: str) -> bool:
    """The place is where the wounded died later ("after several critically wounded victims died in Peshawar"), not
    where they were hit."""
    return LATER_DEATH.search(clause) is not None


def _describes_a_group(ent: Span) -> bool:
    """"The BLA, the most active of the groups fighting for independence for Balochistan province, said ...": a place
    in the description of a militant group set beside its name is the group's cause, not the scene."""
    for anc in ent.root.ancestors:
        if anc.dep_ == "appos" and anc.head.ent_type_ == "MIL_GROUP":
            return True
        # "Gul Bahadur's group, which draws its strength from the Wazir tribes of North Waziristan": a clause on the
        # group in the present tense describes it (not "the TTP, which claimed the attack in Bannu": what it did)
        if anc.dep_ in ("relcl", "acl") and anc.tag_ in ("VBZ", "VBP", "VBG") and (
                anc.head.ent_type_ == "MIL_GROUP" or any(c.ent_type_ == "MIL_GROUP" for c in anc.head.children)):
            return True
    return False


def _describes_a_person(ent: Span) -> bool:
    """"Malik X, a tribal elder who once headed a peace committee in South Waziristan, was shot dead near ...": a place
    in a clause that tells who the person is (a simple tense, no harm) is his record, not the scene."""
    for anc in ent.root.ancestors:
        if anc.dep_ != "relcl":
            continue
        person = anc.head
        return (person.dep_ == "appos" and person.lower_ in PERSON_NOUNS and anc.tag_ in ("VBD", "VBZ", "VBP")
                and casualty_kind(anc) is None and not any(c.dep_ in ("aux", "auxpass") for c in anc.children))
    return False


def _person_of(ent: Span) -> bool:
    """"Muhammad Sajid of Sadiqabad", "his nephew Ghulam Fareed of Khanpur": a named person's home town, not the scene."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].ent_type_ == "PERSON"


BULLET_MARK = re.compile(r"[*\u2022\u25aa\u25a0\u25cf\u25b6\u25ba]")  # "■", "•", "▶": the mark before an item's line


# "4) 0705 hrs — ", "2. 10:15am - ": a bulletin item's number and time of posting, before its place
ITEM_PREFIX = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?(?:\d{3,4}\s*hrs|\d{1,2}[:.]\d{2}\s*(?:am|pm|hrs)?)\s*[—–-]\s*", re.I)


def _is_dateline(ent: Span) -> bool:
    """"PESHAWAR:" / "QUETTA -" at the start of the text or of a paragraph, or one of the places of a dateline that
    names several ("LAKKI MARWAT / BAJAUR:", "Turbat/Dera Bugti (Sadaa News) —")."""
    doc = ent.doc

    def opens_line(i: int) -> bool:
        if i > 0 and BULLET_MARK.fullmatch(doc[i - 1].text):
            i -= 1  # "■ Lakki Marwat: DSP among four policemen martyred": a bulletin's item line under its mark
        elif i > 1 and doc[i - 1].text in (".", ")") and doc[i - 2].is_digit and len(doc[i - 2]) <= 2:
            i -= 2  # "2. Karak — Rockets fired at a gas facility": a numbered item's place, after its number
        return starts_line(doc, i)

    def chained(tok: Token) -> bool:
        return tok.text in ("/", "&") or tok.ent_type_.endswith("_LOC")

    start, words = ent.start, 0
    # (capital words before it: "SOUTH WAZIRISTAN", "DERA ISMAIL KHAN"; a headline set in capitals, "THREE PASSENGERS
    # HURT AS BLAST DERAILS TAFTAN TRAIN NEAR NOSHKI", is no dateline)
    while not opens_line(start) and (chained(doc[start - 1]) or ent.text.isupper() and (
            doc[start - 1].text in (",", "-") or doc[start - 1].text.isupper() and doc[start - 1].is_alpha and words < 3)):
        words += doc[start - 1].is_alpha and not chained(doc[start - 1])
        start -= 1
    end = ent.end
    while end < len(doc) and chained(doc[end]) and not opens_line(end):
        end += 1
    nxt = doc[end] if end < len(doc) else None
    if not opens_line(start) and ent.text.isupper():
        line = doc.text.rfind("\n", 0, doc[start].idx) + 1
        if ITEM_PREFIX.fullmatch(doc.text[line : doc[start].idx]):
            return True  # "4) 0705 hrs — HARNAI: ISPR — ...": a bulletin item's place, after its number and time
    # "(Quetta, April 13) — Gunmen stopped a bus ...": a dateline in brackets
    bracketed = start > 0 and doc[start - 1].text == "(" and opens_line(start - 1) and nxt is not None and nxt.text == ","
    return (opens_line(start) or bracketed) and (
        ent.text.isupper() or bracketed or (nxt is not None and nxt.text in (":", "-", "—", "–", "(")))


FACTORY = "khabar_locations"
DEFAULT_CONFIG: dict[str, Any] = {
    "street_words": sorted(STREET_WORDS),
    "aside_words": list(ASIDE_WORDS),
    "kind_rank": dict(KIND_RANK),
}
set_extension(Span, "locations")
set_extension(Doc, "locations")


def find_locations(sent: Span, index: int = -1, street_words: frozenset[str] = STREET_WORDS) -> list[LocationMention]:
    """PK_LOC and FOREIGN_LOC entities of one sentence (not the town names of streets and stops: "Mastung Road",
    "Pishin Stop", "Lahore Chowk")."""
    out = []
    doc = sent.doc
    listed = _enumerated(sent)
    for ent in sentence_ents(sent):
        if ent.label_ not in ("PK_LOC", "FOREIGN_LOC") or ":" not in ent.ent_id_:
            continue
        if ent.end < len(doc) and doc[ent.end].lower_ in ("division", "divisions"):
            continue  # "across Malakand division": a region of several districts, not the district of its name
        head = ent.root.head if ent.root.dep_ == "conj" else ent.root
        if head.dep_ in ("nmod", "compound") and head.head.lower_ == "divisions":
            continue  # "in the Bannu and Dera Ismail Khan divisions": each a region
        if ent.end < len(doc) and doc[ent.end].lower_ in street_words:
            town_market = doc[ent.end].lower_ in ("bazaar", "bazar") and ent.start > 0 and doc[ent.start - 1].lower_ == "in"
            # (and a border crossing is at its place: "exchanged fire at the Torkham crossing" on the Afghan border)
            border_crossing = doc[ent.end].lower_ == "crossing" and any(t.lower_ in BORDER_WORDS for t in sent)
            if not (town_market or border_crossing):  # "in Qila Saifullah bazaar" is the town's own market
                continue
        text = doc_text(doc)
        if _ROUTE_AFTER.match(text[ent.end_char : ent.end_char + 8]) or _ROUTE_BEFORE.search(
                text[max(0, ent.start_char - 2) : ent.start_char]) or _SERVICE_TO.search(text[max(0, ent.start_char - 14) : ent.start_char]):
            continue
        if _AFFILIATION[0].search(text[max(0, ent.start_char - 8) : ent.start_char]) and _AFFILIATION[1].match(
                text[ent.end_char : ent.end_char + 20]):
            continue
        kind, name = ent.ent_id_.split(":", 1)
        if kind in ("place", "district") and _inside_longer_name(ent):
            continue  # "Guli Bagh" in Swat, "the Kurram Par locality" in Lakki Marwat: another place's name
        if kind in ("place", "district") and _person_named(ent):
            continue  # "constables Abdul Ghaffar, Waqas Ahmad and Shah Faisal", "DSP Mohmand": a man who shares a place's name
        dateline = _is_dateline(ent)
        # a dateline ("LAKKI MARWAT: Militants ambushed ...", a later paragraph's "BANNU — Earlier on Sunday, a bomb
        # hit ...") is often parsed as the subject
        if (ent.label_ == "PK_LOC" and ent.root.dep_ == "nsubj" and ent.root.head.pos_ in ("VERB", "AUX") and not dateline
                and not _names_a_facility(ent) and not _subject_misparsed(ent)):
            continue  # "Islamabad accuses Kabul", "Khyber Pakhtunkhwa alone accounted for 638 deaths": not the event's place
        if ent.label_ == "PK_LOC" and _government_of(ent):
            continue  # "Islamabad's response has been to demand ...": the government the capital stands for
        before = text[max(0, ent.start_char - 60) : ent.start_char]
        # "70 km south-east of Quetta", "heading towards Karachi": a landmark or a destination, not the scene
        reference = _DISTANCE_FROM.search(before) is not None or _TOWARDS.search(before) is not None
        reference = reference or bool(_ROUTE_START[0].search(before) and _ROUTE_START[1].match(text[ent.end_char : ent.end_char + 30]))
        reference = reference or _JOURNEY_FROM.search(before) is not None
        after = text[ent.end_char : ent.end_char + 40]
        reference = reference or _SERVICE_AFTER.match(after) is not None
        reference = reference or _ROUTE_COMPOUND_FIRST.match(after) is not None or bool(
            _ROUTE_COMPOUND_SECOND[0].search(before) and _ROUTE_COMPOUND_SECOND[1].match(after))
        reference = reference or _ROUTE_BETWEEN.search(before) is not None or _FROM_NEIGHBOUR.search(before) is not None
        reference = reference or _AGE_AND_HOME.search(before) is not None or _person_of(ent) or _describes_a_group(ent)
        reference = reference or _describes_a_person(ent)
        reference = reference or bool(_SIDE_FROM[0].search(before) and _SIDE_FROM[1].match(text[ent.end_char : ent.end_char + 8]))
        reference = reference or ent.start in listed  # "D.I. Khan, Bannu, Lakki Marwat and Tank have seen attacks"
        reference = reference or in_timed_clause(ent.root)  # "..., hours after gunmen shot dead two traders in Peshawar"
        reference = reference or _in_a_dated_when(ent)  # "since March 2015, when bombers struck two churches in Lahore"
        # "on alert following the Bannu Cantonment attack, in which 18 people were martyred": an earlier incident
        reference = reference or _recalled_incident(ent)
        out.append(LocationMention(kind, name, TextSpan.from_span(ent, index), dateline,
                                   ent.label_ == "FOREIGN_LOC", _clause_words(ent), reference, _noun_heads(ent)))
    return _qualifiers_of_references(out)


def _qualifiers_of_references(mentions: list[LocationMention]) -> list[LocationMention]:
    """A province that only says where a reference or an aside's place lies ("militants who had crossed from Lakki Marwat
    in Khyber Pakhtunkhwa", "who came from Barkhan in Balochistan") is a reference too."""
    out = list(mentions)
    for i in range(1, len(out)):
        before, m = out[i - 1], out[i]
        between = m.span.sentence[before.span.end - m.span.sent_start : m.span.start - m.span.sent_start]
        if (m.kind == "province" and not m.reference and before.in_aside() and before.span.sent_index == m.span.sent_index
                and between.strip(" ,(").lower() in ("", "in", "of")):
            out[i] = replace(m, reference=True)
    return out


PLACE_PREPOSITIONS = frozenset({"near", "in", "at", "outside", "inside"})  # words that put what follows at a place
ENUMERATION_MIN = 3  # places listed this many in a row are a region's roll-call, none of them the scene


def _enumerated(sent: Span) -> set[int]:
    """Start tokens of places named in a list of `ENUMERATION_MIN` or more ("particularly D.I. Khan, Bannu, Lakki
    Marwat and Tank")."""
    ents = [e for e in sentence_ents(sent) if e.label_ == "PK_LOC"]
    runs: list[list[Span]] = []
    for ent in ents:
        between = sent.doc[runs[-1][-1].end : ent.start] if runs else None
        if between is not None and len(between) <= 2 and all(t.text in (",", "and", "or", "&") for t in between):
            runs[-1].append(ent)
        else:
            runs.append([ent])
    return {e.start for run in runs if len(run) >= ENUMERATION_MIN and not _address(run) for e in run}


def _address(run: list[Span]) -> bool:
    """Each name coarser than the one before ("near Dhadar, Kachhi district, Balochistan"): one place's address,
    not a roll-call of places."""
    ranks = [KIND_RANK.get(e.ent_id_.split(":", 1)[0], 4) for e in run]
    return all(a < b for a, b in zip(ranks, ranks[1:], strict=False))


TRIBE_WORDS = frozenset({"tribe", "tribes", "tribesmen", "clan", "clans", "sub-tribe"})


_DATED_WHEN = re.compile(r"\b(?:since|in)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2},\s+when\b[^;:]*$")


def _names_a_year(date_word: Token) -> bool:
    """The date word is, or is told with, a year ("March 2015", "2013"), not a day of the week ("late on Monday")."""
    return any(re.fullmatch(r"(?:19|20)\d{2}", t.text) is not None for t in (date_word, *date_word.children))


def _in_a_dated_when(ent: Span) -> bool:
    """The place is in a "when" clause that tells what happened on a date it hangs from ("the deadliest attack since
    March 2015, when suicide bombers struck two churches in Lahore's Youhanabad"): an older incident's place."""
    if any(anc.dep_ in ("relcl", "advcl") and anc.head.ent_type_ == "DATE" and _names_a_year(anc.head)
           and any(c.dep_ == "advmod" and c.lower_ == "when" for c in anc.children) for anc in ent.root.ancestors):
        return True
    before = doc_text(ent.doc)[ent.sent.start_char : ent.start_char]
    return _DATED_WHEN.search(before) is not None  # (however the parser hangs the clause)


def _subject_misparsed(ent: Span) -> bool:
    """A place parsed as a subject that is none: a preposition of place stands before it ("Near Besham, ... a suicide
    bomber drove his car into the convoy", with "Near" read as part of the name)."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS


# what a government takes or gives ("Islamabad's response", "Kabul's position"), not a place's people or parts
STANCE_NOUNS = frozenset({"response", "reaction", "answer", "decision", "policy", "position", "stance", "approach",
                          "strategy", "demand", "demands", "refusal", "offer", "message", "view", "line"})


def _government_of(ent: Span) -> bool:
    """The place owns a stance that is the subject of a clause ("Islamabad's response has been ...", "Kabul's decision
    was ..."): the government the place stands for, not the scene (not "Quetta's police chief said")."""
    owned = ent.root.head
    return (ent.root.dep_ == "poss" and owned.dep_ == "nsubj" and owned.head.pos_ in ("VERB", "AUX")
            and owned.lower_ in STANCE_NOUNS)


def _names_a_facility(ent: Span) -> bool:
    """The town ends a facility's name ("PAF Training Air Base Mianwali came under attack", "Cadet College Wana"):
    the subject is the facility, in that town, not the town's government."""
    return any(c.dep_ == "compound" and c.i < ent.start and c.lower_ in FACILITY_WORDS for c in ent.root.children)


def _inside_longer_name(ent: Span, known: frozenset[str] = NAME_NEIGHBOURS) -> bool:
    """The gazetteer name is one word of a longer proper name the gazetteer does not know ("Guli Bagh", "Kurram
    Par"): a title-case proper noun joined to it as a compound, other than the words places are named with
    ("Lower Kurram", "Quetta Cantonment", "Swat Valley", "District Bannu")."""
    doc = ent.doc

    def foreign_word(tok: Token) -> bool:
        return (tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_.endswith("_LOC")
                and tok.lower_ not in known and not tok.is_sent_start)

    if ent.start > 0:
        before = doc[ent.start - 1]
        # (an institution's name before the town names its branch: "the Pearl Continental Hotel Gwadar")
        if (foreign_word(before) and before.dep_ == "compound" and ent.start <= before.head.i < ent.end
                and before.ent_type_ not in ("ORG", "FAC")):
            return True
    if ent.end < len(doc):
        # "the Kurram Par locality" (not "the Islamabad High Court": an institution of the city)
        after = doc[ent.end]
        named = ent.root.head
        while named.dep_ == "compound" and named.head.i > named.i:
            named = named.head
        if (foreign_word(after) and ent.root.dep_ == "compound" and named.i > ent.end
                and named.lower_ in ("area", "areas", "locality", "village", "mohalla", "neighbourhood")):
            return True
        if ent.root.dep_ == "compound" and named.i >= ent.end and named.lower_ in TRIBE_WORDS:
            return True  # "the Utmanzai Wazir tribe": a tribe that shares a town's name
    return False


AREA_NOUNS = frozenset({"area", "areas", "village", "town", "tehsil", "locality", "valley", "vicinity", "outskirts"})


RECALLING = frozenset({"following", "after", "since"})


def _recalled_incident(ent: Span) -> bool:
    """The place names an incident that a sentence recalls with its own toll ("following the Bannu Cantonment attack,
    in which 18 people were martyred"): that incident's place, not this one's."""
    node = ent.root
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in ("in", "at", "of") and node.head.head.pos_ == "NOUN":
        node = node.head.head  # "the attack in Bannu"
    if not INCIDENT_NOUN.fullmatch(node.lower_) or node.head.lower_ not in RECALLING:
        return False
    return any(c.dep_ == "relcl" and any(casualty_kind(t) in ("killed", "injured") for t in c.subtree)
               for c in node.children)


def _line_start(token: Token) -> int:
    """The first token of the name the token heads, past any marks before it ("**")."""
    start = token.left_edge.i
    while start > 0 and not starts_line(token.doc, start) and token.doc[start - 1].text in ("*", "**", "•", "-"):
        start -= 1
    return start


def _person_named(ent: Span) -> bool:
    """A locality's name used as a person's: listed with named people ("Waqas Ahmad and Shah Faisal") or after a
    person's title or name ("Constable Shah Faisal")."""
    root = ent.root
    head = root.head
    # (not a "person" the parser found where the text names an area: "the general area of Hassan Khel, North Waziristan")
    an_area = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in AREA_NOUNS
    # (nor a locality the parser took for a person, set before its district at the head of a line: "**Azam Warsak,
    # South Waziristan (Lower).**")
    headed = (root.dep_ == "appos" and ent.ent_id_.startswith(("district:", "place:")) and ent.start > 0
              and ent.doc[ent.start - 1].text == "," and starts_line(ent.doc, _line_start(head)))
    if root.dep_ in ("conj", "appos") and head.ent_type_ == "PERSON" and not an_area and not headed:
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    after = ent.doc[ent.end : ent.end + 2]
    if len(after) == 2 and after[0].lower_ in ("son", "daughter", "s/o", "d/o") and after[1].lower_ == "of":
        return True  # "constable Shah Faisal son of Gul Nawaz": a man named with his father
    titled = before is not None and before.lower_ in PERSON_TITLES and (
        before.is_title or before.dep_ in ("compound", "amod") and ent.start <= before.head.i < ent.end)
    return before is not None and (before.ent_type_ == "PERSON" or titled)  # ("police constable Shah Faisal")


def _holding_noun(ent: Span, through: tuple[str, ...]) -> Token:
    """The noun a place's phrase names, up its compounds and up the nouns it is "in", "at" or "of" (`through`)."""
    node = ent.root
    while True:
        while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
            node = node.head
        if not (node.dep_ == "pobj" and node.head.lower_ in through and node.head.head.pos_ == "NOUN"):
            return node
        node = node.head.head


def _route_end(ent: Span) -> str | None:
    """"to" or "from" when the place is an end of a journey the sentence tells ("were travelling from Islamabad to the
    Dasu project in Upper Kohistan when their vehicle was hit near Besham", "on their way to Quetta"), else None."""
    # ("the Dasu hydropower project", "the project in Upper Kohistan": the project's place; not "to Karachi in Kalat
    # district")
    node = _holding_noun(ent, ("in", "at", "of"))
    if node.dep_ != "pobj" or node.head.lower_ not in ("to", "from", "towards", "for"):
        return None
    governor = node.head.head
    if governor.lower_ in TRAVEL_WORDS:
        return "from" if node.head.lower_ == "from" else "to"
    return None


# the attackers' getaway: where they went after the attack, not where it was (a vehicle driven "into" a convoy, or
# "to" a place, is no getaway; driven "off"/"away" or "towards" the hills, it is)
ESCAPE_VERBS = frozenset({"fled", "escaped", "retreated", "withdrew", "disappeared", "vanished"})
ESCAPE_PREPOSITIONS = ("towards", "toward", "to", "into")
DRIVE_VERBS = frozenset({"drove", "sped"})


def _escape_to(ent: Span) -> bool:
    """The place is where the attackers went off to ("drove towards the mountainous area on the boundary of Sherani",
    "fled into Afghanistan"), not the scene."""
    node = _holding_noun(ent, ("in", "at", "of", "on"))  # "the area on the boundary of Sherani": the area's place
    if node.dep_ == "pobj" and _getaway(node.head.head, node.head):
        return True
    # (the phrase after the way may hang on the verb: "drove towards the hills [on the boundary of Sherani]")
    verb = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i < ent.start and any(
        c.dep_ == "prep" and c.i < ent.start and _getaway(verb, c) for c in verb.children)


def _getaway(verb: Token, preposition: Token) -> bool:
    """"fled to", "escaped into", "drove towards", "drove off to": a way away from the scene."""
    if verb.lower_ in ESCAPE_VERBS:
        return preposition.lower_ in ESCAPE_PREPOSITIONS
    return verb.lower_ in DRIVE_VERBS and (preposition.lower_ in ("towards", "toward") or any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("off", "away") for c in verb.children))


def _cut_short_at(ent: Span) -> bool:
    """The sentence of a journey's end names another place, no end of the journey: where it was cut short ("... to
    the Dasu project in Upper Kohistan when the vehicle was hit near Besham"). A journey's end alone ("a convoy heading
    to Parachinar came under fire") is still the best the sentence says of the scene."""
    return any(other.label_ == "PK_LOC" and other.start != ent.start and _route_end(other) is None
               and not _is_dateline(other) for other in ent.sent.ents)


def _in_the_future(ent: Span) -> bool:
    """The place is where something is yet to happen ("the summit to be held in Islamabad next week", "the talks
    will take place in Quetta"): not the scene of what the report tells."""
    for node in (ent.root, *ent.root.ancestors):
        if (node.dep_ == "pobj" and node.pos_ == "NOUN" and node.ent_type_ not in ("DATE", "TIME")
                and (node.head.lower_ == "before" or node.head.lower_ == "of" and node.head.head.lower_ == "ahead")):
            return True  # "the attack came days before a summit in Islamabad": an event yet to come
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in ("will", "shall"):
                return True
            if child.lower_ in ("week", "month", "year") and any(g.dep_ == "amod" and g.lower_ in ("next", "coming")
                                                                 for g in child.children):
                return True
    return False


def _hospital_city(ent: Span, node: Token) -> bool:
    """The city of a hospital, set after its name ("at the Lady Reading Hospital, Peshawar") or the town the
    hospitals stand in ("died in hospitals in Quetta and Karachi", "at a hospital in the city of Peshawar")."""
    if node.dep_ in ("appos", "conj") and node.head.lower_ in ("hospital", "hospitals") and 0 < ent.start - node.head.i <= 2:
        return True
    named = node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in ("city", "town")
    town = node.head.head if named else node
    if town.dep_ != "pobj" or town.head.lower_ not in ("in", "at"):
        return False
    holder = town.head.head.lower_
    return holder == "hospitals" or (named and holder == "hospital")


SPOKE_IN = frozenset({"said", "says", "told", "added", "stated"})  # (not "an attack was reported in Bannu")
# verbs whose "to" names where people or bodies were carried after the attack ("were taken back to Islamabad",
# "the bodies were brought to Quetta"), not the scene
CARRY_VERBS = frozenset({"taken", "took", "shifted", "moved", "flown", "flew", "airlifted", "evacuated", "rushed",
                         "transported", "brought", "referred", "sent"})
# a journey's verbs and nouns: its ends are where the travellers came from and were going, not where they were hit
DEPART_VERBS = frozenset({"left", "leaving", "leaves", "departed", "departing"})
TRAVEL_WORDS = frozenset({"travelling", "traveling", "travelled", "traveled", "headed", "heading", "going", "returning",
                          "way", "route", "journey", "driving", "proceeding", "bound", "commuting", "en"})


def _noun_heads(ent: Span) -> tuple[str, ...]:
    """The singular nouns a place hangs from, up to the verb that governs it ("the savage suicide attack on a police
    van in Hangu": van, attack), lower-cased: a place inside one incident's own phrase is the incident's place
    ("attacks in the district and neighbouring Bannu" are many, a background)."""
    words = []
    for node in ent.root.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.pos_ in ("NOUN", "PROPN") and node.tag_ not in ("NNS", "NNPS"):
            words.append(node.lower_)
    return tuple(words)


def _belongs_to(node: Token) -> bool:
    """The place is what people belong to ("the men, all belonging to different districts of Sindh", "belong to
    villages in Paharpur tehsil"), down a chain of "of" and "in" phrases only (not "belonged to a group active in the
    Daraban area", "terrorists belonging to ... in an operation in Kech")."""
    path = node
    while path.head.i != path.i:
        if path.dep_ == "prep" and path.lower_ == "to":
            return path.head.lower_ in ("belonging", "belonged", "belong", "belongs")
        if path.dep_ == "prep" and path.lower_ not in ("of", "in") or path.pos_ in ("VERB", "AUX", "ADJ"):
            return False
        path = path.head
    return False


def _clause_words(ent: Span) -> str:
    """The verb that governs a place and that verb's subject ("the funeral prayers ... were offered in Quetta",
    "the injured were shifted to a hospital in Peshawar"), and the noun the place hangs from ("a resident of
    Malir"), lower-cased."""
    words = []
    node = ent.root
    if node.dep_ == "compound" and node.head.lower_ in ("district", "tehsil", "division", "agency"):
        node = node.head  # "a resident of Karak district"
    if node.dep_ == "pobj" and node.head.i != node.head.head.i:  # "a resident of Malir": the noun it hangs from
        words.append(f"{node.head.head.lower_} {node.head.lower_}")
        person = node.head.head
        if person.like_num and person.head.pos_ == "PROPN":
            person = person.head  # "Constable Shahzad Gul, 26, from Bagh"
        titled = person.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in PERSON_NOUNS for c in person.children)
        if node.head.lower_ == "from" and (person.lower_ in PERSON_NOUNS or person.ent_type_ == "PERSON" or titled
                                           or person.dep_ == "appos" and person.head.ent_type_ == "PERSON"):
            words.append("came from")  # "a vegetable vendor from Bara": a victim's home, not the scene
        ranked = any(c.dep_ in ("compound", "amod") and c.lower_ in PERSON_NOUNS for c in person.children)
        if node.head.lower_ == "of" and person.pos_ == "PROPN" and (person.ent_type_ == "PERSON" or ranked):
            words.append("came from")  # "Constable Ihsanullah of Tank was martyred on the spot": the man's home
        speaker = person.head if person.dep_ == "appos" else person  # "said Farhan Zaidi, an analyst in Islamabad"
        if node.head.lower_ in ("in", "at") and speaker.dep_ == "nsubj" and speaker.head.lower_ in SPEECH_VERBS:
            words.append("speaking from")  # "a railway official in Sibi said ...": where the source sits
    if node.dep_ == "pobj" and node.head.lower_ in ("in", "at") and node.head.head.lower_ in SPOKE_IN:
        words.append("speaking from")  # "In Islamabad, the defence minister told parliament ...": where a statement was made
    if _belongs_to(node):
        words.append("hometown")
    # "the two Karachi residents", "a Karachi-based troupe": the people's home, not the scene
    after = ent.doc[ent.end : ent.end + 2].text.lower()
    home = node.head
    while home.dep_ == "compound" and home.head.i != home.i:
        home = home.head  # "a Lahore tour company": the noun the compounds name
    if (node.dep_ in ("compound", "amod", "nmod") and (node.head.lower_ in HOME_NOUNS or home.lower_ in HOME_NOUNS)) or after.startswith(("-based", "- based")):
        words.append("hometown")
    if (node.dep_ in ("compound", "amod", "nmod", "poss") and node.head.lower_ in ("hospital", "hospitals")) or any(
            c.dep_ in ("compound", "nmod") and c.lower_ == "hospital" for c in node.children) or _hospital_city(ent, node):
        # "succumbed to his wounds at a Peshawar hospital", "at Lady Reading Hospital Peshawar": where the injured were
        # treated
        words.append("hospital")
    # "Beijing called on Islamabad to improve security", "urged Kabul to act": the government, not a place
    governed = node.head.head if node.dep_ == "pobj" and node.head.lower_ in ("on", "upon") else node.head
    if (node.dep_ == "dobj" or node.dep_ == "pobj" and governed is not node.head) and governed.lower_ in URGE_VERBS:
        words.append("speaking from")
    if _in_the_future(ent):
        words.append("upcoming")  # where something is yet to happen
    if node.dep_ == "dobj" and node.head.lower_ in DEPART_VERBS:
        words.append("came from")  # "shortly after the train had left Jacobabad": where the journey began, not the scene
    if _escape_to(ent):
        words.append("taken to")
    if node.dep_ == "pobj" and node.head.lower_ in ("in", "at") and any(
            c.dep_ == "advmod" and c.lower_ == "later" for c in node.head.children):
        words.append("later in")  # "martyred — one on the spot and another later in Multan": where he died
    end = _route_end(ent)
    if end is not None and _cut_short_at(ent):
        words.append("came from" if end == "from" else "taken to")  # a journey's end, not where it was cut short
    verb = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return " ".join(words)
    if node.dep_ == "pobj" and node.head.lower_ == "to" and verb.lower_ in CARRY_VERBS:
        words.append("taken to")  # "all of them were taken back to Islamabad": a destination
    speaker = verb.head
    if verb.dep_ == "relcl" and speaker.dep_ == "nsubj" and speaker.head.lower_ in SPEECH_VERBS and (
            speaker.ent_type_ == "PERSON" or speaker.lower_ in PERSON_NOUNS):
        words.append("speaking from")  # "said Sabina Kasi, who studies the conflict at a university in Karachi"
    words.append(verb.lower_)
    words.extend(f"{verb.lower_} {c.lower_}" for c in verb.children if c.dep_ == "prt")  # "blew up": the trigger's words
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words.extend(t.lower_ for t in child.subtree)
    return " ".join(words)


class LocationRules:
    """Pipeline component: every sentence's gazetteer locations (`sent._.locations`, from the gazetteer ruler's
    PK_LOC/FOREIGN_LOC entities); `doc._.locations` holds them all."""

    def __init__(self, name: str, street_words: list[str], aside_words: list[str], kind_rank: dict[str, int]) -> None:
        self.name = name
        self.street_words = frozenset(street_words)
        self.aside_words = tuple(aside_words)
        self.kind_rank = dict(kind_rank)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for index, sent in enumerate(doc.sents):
            sent._.locations = find_locations(sent, index, self.street_words)
            found.extend(sent._.locations)
        dropped = namesakes(found)
        if dropped:
            for sent in doc.sents:
                sent._.locations = [m for m in sent._.locations if id(m) not in dropped]
            found = [m for m in found if id(m) not in dropped]
        doc._.locations = found
        return doc

    def choose(self, mentions: list[LocationMention], trigger_sent: int | None,
               trigger_words: Sequence[tuple[int, str]] = (),
               toll_sentences: Sequence[int] = ()) -> tuple[Location, LocationMention] | None:
        """`choose_location` with this component's aside words and kind ranks."""
        return choose_location(mentions, trigger_sent, self.aside_words, self.kind_rank, trigger_words, toll_sentences)


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_locations(nlp: Language, name: str, street_words: list[str], aside_words: list[str],
                   kind_rank: dict[str, int]) -> LocationRules:
    """The location component."""
    return LocationRules(name, street_words, aside_words, kind_rank)


NAMESAKE_ANCHORS = 2  # body mentions of another province that make a lone locality a namesake there


def _province_of(mention: LocationMention) -> str | None:
    if mention.foreign:
        return None
    if mention.kind == "province":
        return mention.name
    loc = _geocode(mention, None) if mention.kind in ("place", "district") else None
    return loc.province if loc is not None else None


def namesakes(mentions: list[LocationMention]) -> set[int]:
    """Localities the gazetteer puts in a province the report never names otherwise, while its body names one other
    province again and again, the one its dateline or first sentence names ("KARACHI: ... fired on a police mobile near Quaidabad ... the Sindh home minister ordered an
    inquiry": Karachi's Quaidabad, not the Khushab tehsil): ids of mentions to leave unplaced."""
    provinces = [(m, _province_of(m)) for m in mentions]
    dropped: set[int] = set()
    for mention, province in provinces:
        if mention.kind != "place" or mention.dateline or province is None or district_named(mention.name):
            continue
        others = [p for m, p in provinces if p is not None and m.name != mention.name]
        if province in others:
            continue
        body = [p for m, p in provinces if p is not None and not m.dateline and m.name != mention.name]
        # ... and the dateline or the first sentence places the story there too
        lede = {p for m, p in provinces if p is not None and (m.dateline or m.span.sent_index == 0) and m.name != mention.name}
        if any(body.count(p) >= NAMESAKE_ANCHORS for p in lede):
            dropped.add(id(mention))
    return dropped


def _geocode(mention: LocationMention, context_district: str | None) -> Location | None:
    """Resolve a mention with `khabar.nlp.geocode` (falls back to the gazetteer)."""
    if mention.kind == "place":
        loc = geocode(mention.name, context_district=context_district)
        if loc is not None:
            return loc
    return load_gazetteer().resolve_location(mention.name) or geocode(mention.name, context_district)


def _container(mention: LocationMention) -> bool:
    """A place named as holding another ("the Bagh area of Tirah", "a village in Kurram")."""
    offset = mention.span.start - mention.span.sent_start
    return _CONTAINER_BEFORE.search(mention.span.sentence[max(0, offset - 30) : offset]) is not None


def marked_district(mention: LocationMention) -> bool:
    """True for "Kalat district", "(Kech, Balochistan)" or "Nushki (Balochistan)"."""
    if mention.kind not in ("place", "district"):
        return False
    if mention.span.text.lower().endswith(" district"):
        return True
    offset = mention.span.end - mention.span.sent_start
    after = mention.span.sentence[offset : offset + 60]
    if _AREA_AFTER.match(after) and _THE_BEFORE.search(mention.span.sentence[: mention.span.start - mention.span.sent_start]):
        return True  # "in the Bolan area" (not "in Sheh Mardan area", a locality named after a district)
    return _MARKED_AFTER.match(after) is not None


@lru_cache(maxsize=4096)
def district_named(name: str) -> str | None:
    """The district a name denotes when it is itself a district ("Kech", "Killa Abdullah")."""
    gaz = load_gazetteer()
    loc = gaz.resolve_location(name)
    if loc is None or not loc.district:
        return None
    return loc.district if name in gaz.district_names() or loc.district == name else None


def generic_locality(name: str) -> bool:
    """"Model Town", "Saddar", "Civil Lines": a locality name made of words many towns share."""
    words = name.lower().replace("-", " ").split()
    return bool(words) and all(w in GENERIC_LOCALITY_WORDS for w in words)


# "officials of the Punjab government", "the Sindh home minister": a province's institution, not a place named
_INSTITUTION_AFTER = re.compile(r"^\s+(?:government|govt|police|chief\s+minister|governor|assembly|cabinet|home\s+"
                                r"(?:minister|department|secretary)|inspector\s+general|information\s+minister)\b", re.I)


def _institution(mention: LocationMention) -> bool:
    """A province named as the owner of an institution ("handed over to officials of the Punjab government")."""
    end = mention.span.end - mention.span.sent_start
    return _INSTITUTION_AFTER.match(mention.span.sentence[end : end + 30]) is not None


def _origin_or_border(mention: LocationMention) -> bool:
    """A province named as the attackers' origin or as one side of a border ("from the Khyber Pakhtunkhwa border",
    "near the boundary with Khyber Pakhtunkhwa"): it says nothing of the province the attack was in."""
    start = mention.span.start - mention.span.sent_start
    end = mention.span.end - mention.span.sent_start
    sentence = mention.span.sentence
    return bool(_ORIGIN_BEFORE.search(sentence[max(0, start - 30) : start]) or _BORDER_AFTER.match(sentence[end : end + 20]))


def _consistent(loc: Location, provinces: set[str], districts: set[str]) -> bool:
    """A resolved location agrees with the marked districts near it ("Sui tehsil of Dera Bugti district"),
    or, when none is marked, with the provinces named there."""
    if districts:
        return loc.district in districts
    return not provinces or loc.province in provinces


def choose_location(mentions: list[LocationMention], trigger_sent: int | None,
                    aside_words: tuple[str, ...] = ASIDE_WORDS,
                    kind_rank: dict[str, int] | None = None,
                    trigger_words: Sequence[tuple[int, str]] = (),
                    toll_sentences: Sequence[int] = ()) -> tuple[Location, LocationMention] | None:
    """The frame's location: the most precise non-dateline mention near the trigger, else the dateline; within
    a sentence, a place in the clause of an event word first ("train services between Quetta and Sibi were
    halted after a bomb wrecked a culvert in the Bolan Pass": the Bolan Pass).

    A place that contradicts a province or a marked district the frame names ("Sheh Mardan
    area in Kalat district (Balochistan)") gives way to the next mention that agrees."""
    body = [m for m in mentions if not m.dateline]
    pool = body or mentions
    if not pool:
        return None

    ranks = KIND_RANK if kind_rank is None else kind_rank
    districts = [m.name for m in pool if m.kind == "district"]
    # a town that is itself a district ("Quetta") settles ambiguous localities ("Model Town") too
    towns = [d for m in pool if m.kind == "place" and (d := district_named(m.name))]
    datelines = [d for m in mentions if m.dateline and (d := district_named(m.name))]
    context = districts[0] if districts else towns[0] if towns else datelines[0] if datelines else None
    resolved = {id(m): _geocode(m, context) for m in pool}
    # how often the frame's body places the story in each district: the story's place recurs
    counts: dict[str, int] = {}
    for loc in resolved.values():
        if loc is not None and loc.district:
            counts[loc.district] = counts.get(loc.district, 0) + 1
    dateline_provinces = {loc.province for m in mentions if m.dateline and (loc := _geocode(m, None)) is not None}

    finer = any(m.kind in ("district", "place") and not m.in_aside(aside_words) for m in pool)
    first_sentence = min(m.span.sent_index for m in mentions)  # (the lede's "Mianwali police repulsed ...")

    def inside_event_phrase(m: LocationMention) -> bool:
        """The place hangs from an event word of its sentence ("the toll from Thursday's attack in the Isham area of
        North Waziristan")."""
        return any(i == m.span.sent_index and words.lower().split()[-1] in m.heads for i, words in trigger_words)

    # the sentences a place is near: the trigger's, and the one that tells the toll
    anchors = ([trigger_sent] if trigger_sent is not None else []) + list(toll_sentences)

    def detached(m: LocationMention) -> bool:
        """The place hangs from no event word of its sentence and sits in no clause of one."""
        return not (inside_event_phrase(m) or any(i == m.span.sent_index and words.lower() in m.clause
                                                  for i, words in trigger_words))

    def rank(m: LocationMention) -> tuple[int, int, int, int, int, int, int, int, int]:
        # the trigger's sentence (or the toll's), then the sentences next to it, then the rest of the frame
        gap = min((abs(m.span.sent_index - a) for a in anchors), default=NEAR_SENTENCES + 1)
        near = 0 if gap == 0 else 1 if gap <= NEAR_SENTENCES else 2
        inside = inside_event_phrase(m)
        # "shifted to hospital" anywhere in a sentence apart from the trigger's (unless the place is the attack's
        # own), or in the place's own clause
        aside = 1 if says_any(m.span.sentence.lower(), aside_words) and near and not inside or m.in_aside(aside_words) else 0
        # "wanted by the Peshawar police": a city's force named away from the trigger says who acts, not where
        aside = aside or int(bool(near) and m.span.sent_index > first_sentence
                             and _FORCE_AFTER.match(m.span.sentence[m.span.end - m.span.sent_start :]) is not None)
        # "Hours before the Quetta attack, militants rammed ... in Bannu": the place of another incident, when the
        # sentence names a place of its own
        aside = aside or int(m.names_an_incident() and any(
            o is not m and o.span.sent_index == m.span.sent_index and not o.names_an_incident() for o in pool))
        loc = resolved[id(m)]
        district = loc.district if loc is not None else None
        # the dateline city's province settles a tie ("registered in Chakwal, had entered Islamabad from Rawalpindi")
        away = 1 if dateline_provinces and loc is not None and loc.province not in dateline_provinces else 0
        # a country names no place ("Pakistan's restive southwest"); a province less than a district elsewhere
        vague = 2 if m.kind == "country" or m.foreign else 1 if m.kind == "province" and finer else 0
        # (a country, though, says less than a place named in an aside: "in Turbat, ... the injured were shifted to
        # hospital" before "Pakistan Railways suspended the train service")
        return (int(vague == 2), aside, vague, near, ranks.get(m.kind, 4), int(detached(m)), away,
                -counts.get(district or "", 0), m.span.start)

    ranked = sorted(pool, key=rank)

    def uninformative(m: LocationMention) -> bool:
        """An aside, a vague place, or the dateline city's own province ("the Sindh chief minister")."""
        _, aside, vague, near, *_ = rank(m)
        # (a province named far from the event's sentence: "accusing Beijing of exploiting Balochistan's resources")
        return bool(aside or vague) or (m.kind == "province" and (m.name in dateline_provinces or near == 2))

    if (datelines or dateline_provinces) and body and all(uninformative(m) for m in body):
        # the body names only asides ("funeral prayers in Mardan"), foreign or country-wide places: the dateline is the place
        return choose_location([m for m in mentions if m.dateline], trigger_sent, aside_words, kind_rank, trigger_words)

    def provinces_near(mention: LocationMention) -> set[str]:
        """Provinces named in the mention's own sentence or the trigger sentence, not in an aside
        ("the martyred hailed from Punjab" says nothing of where the attack was)."""
        return {m.name for m in pool if m.kind == "province" and not m.foreign
                and m.span.sent_index in (mention.span.sent_index, trigger_sent)
                and not says_any(m.span.sentence.lower(), aside_words) and not _origin_or_border(m) and not m.reference
                and not _institution(m)}

    first: tuple[Location, LocationMention] | None = None
    for mention in ranked:
        loc = resolved[id(mention)]
        if loc is None:
            continue
        if (datelines or dateline_provinces) and body and uninformative(mention):
            break  # every informative place disagrees with the provinces named by it: the dateline before an aside
        if generic_locality(mention.name) and context is not None and loc.district != context:
            continue  # "Model Town" in a Quetta report is Quetta's, which the gazetteer does not know
        # a district marked in the mention's own sentence or the trigger sentence ("Swat's Bara Bandai area")
        marked = {d for m in pool if m.span.sent_index in (mention.span.sent_index, trigger_sent)
                  and marked_district(m) and not m.in_aside(aside_words) and (d := district_named(m.name))}
        # ... or the place that holds it in its own sentence ("the Bagh area of Tirah": Tirah's district), unless the
        # place hangs from the event's word and the other does not ("mourners gathered in the village of Kalabagh as
        # the body of a constable wounded in the attack on a police van in Hangu arrived")
        marked |= {d for m in pool if m.span.sent_index == mention.span.sent_index and m is not mention and _container(m)
                   and not (inside_event_phrase(mention) and detached(m))
                   and (loc_m := resolved[id(m)]) is not None and (d := loc_m.district)}
        # ... unless another mention there names the place's own district ("the Kundal post in Isa Khel tehsil, ...
        # the belt that separates Mianwali from Lakki Marwat district")
        named = {d for m in pool if m.span.sent_index == mention.span.sent_index and m.name != mention.name
                 and (d := district_named(m.name))} if not district_named(mention.name) else set()
        if loc.district in named or _consistent(loc, provinces_near(mention), marked):
            if not loc.district and loc.province in dateline_provinces and datelines and not mention.dateline:
                break  # only the dateline city's province: the dateline says more
            return loc, mention
        first = first or (loc, mention)
    else:
        if first is not None or not (body and datelines):
            return first
    return choose_location([m for m in mentions if m.dateline], trigger_sent, aside_words, kind_rank, trigger_words)
