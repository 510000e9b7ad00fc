"""Article → events: run the pipeline, segment frames, fill every field with its evidence.

Dates: `date_precision` is "day"/"month"/"year" only when the date is stated in (or
resolved from) the text. A roundup incident without a date of its own takes the lede's
date (no evidence of its own). When the article gives no date at all, the event keeps
the publication date with `date_precision="unknown"`, no `date` evidence and a lower
confidence: the incident happened on or before that day.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc, Token

from khabar.core.records import Article, Evidence, ExtractedEvent, Location, Perpetrator
from khabar.nlp.classify import load_classifier
from khabar.nlp.components import casualties, event_types, locations, targets
from khabar.nlp.components.base import (
    ANOTHER_INCIDENT,
    INCIDENT_NOUN_PATTERN,
    SPEECH_VERBS,
    TextSpan,
    get_component,
    in_past_perfect,
    normalise,
)
from khabar.nlp.components.casualties import GENERIC_VICTIMS, RISE_VERBS, RISE_WORDS, UNITS, CasualtyFigure
from khabar.nlp.components.dates import DAYS_AFTER, PKT, RELATIVE, DateMention, best_date, days_counted, names_incident
from khabar.nlp.components.event_types import HIJACK_WORDS, ScoresSource, Trigger
from khabar.nlp.components.frames import (
    AFTER_THE_LAST,
    ITEM_NUMBER,
    SECTION_LABEL,
    SERIES_LEDE,
    STRONG_TRIGGER,
    SUMMARY_COUNTS,
    SUMMARY_LEDE,
    Frame,
    SentenceInfo,
    district_of,
    districts_named,
    known_reference,
    places_named,
    stamped_day,
)
from khabar.nlp.components.locations import LocationMention
from khabar.nlp.components.perpetrators import (
    ARREST_VERBS,
    STATE_SUBJECTS,
    GroupMention,
    choose_perpetrator,
    group_noun_subject,
    says_no_claim,
)
from khabar.nlp.pipeline import EXCLUDED, MODEL_NAME, build_nlp, pipeline_config

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
REVIEW_CONFIDENCE_FACTOR = 0.5  # an implausible toll halves the event's confidence
UNSUPPORTED_RATIO = 5  # a toll over 5x every other killed figure of the event is not taken silently
UNSUPPORTED_MIN = 20
LEDE_PARAGRAPHS = 2  # substantial paragraphs allowed before the first incident opens
BULLET = re.compile(r"^\s*[*\u2022\u25aa\u25cf]")  # a summary point above a wire's lede ("* No claim of responsibility")
LEDE_MIN_TOKENS = 8  # a dateline or byline paragraph is not substantial
DIED = re.compile(r"\b(?:died|succumbed|expired)\b", re.IGNORECASE)
FIELD_MAX_TOKENS = 30  # a labelled sentence this short is a form's field ("Place of occurrence: ..."), not a section
MAX_CHARS = 200_000
HEADLINE_MAX_CHARS = 300  # a headline longer than this is no headline
CLASSIFIER_FRAME_MIN = 0.85  # classifier relevance needed to report an incident the rules did not frame
NLP_DIR = Path(__file__).parent


def model_version() -> str:
    """"rules-" + a short hash of what decides the output: the pipeline (spaCy model and its
    settings, the rule components' config as `nlp.config` shows it), the rule code and its thresholds,
    the rule data and the classifier head. Any change gives a new version, so
    `khabar process --reprocess` can tell which events are stale."""
    digest = hashlib.sha256(f"{MODEL_NAME}:{','.join(EXCLUDED)}".encode())
    digest.update(json.dumps(pipeline_config(), sort_keys=True).encode())
    files = [NLP_DIR / "pipeline.py", NLP_DIR / "extract.py", NLP_DIR / "ruler.py",
             *sorted((NLP_DIR / "components").glob("*.py")), *sorted(DATA_DIR.glob("*.json")),
             *sorted((NLP_DIR / "models").glob("*.npz"))]
    for path in files:
        digest.update(path.relative_to(NLP_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return f"rules-{digest.hexdigest()[:12]}"


MODEL_VERSION = model_version()
RESPONSE_TO = ("attack", "attacked", "attacks", "ambush", "ambushed", "stormed")  # "police repulsed an attack"
STRONG_OPERATION = 1.3  # IBO, clearance/search-and-strike operations: security operations whoever fired first
# an operation that clears a place after an attack ("killed in a clearance operation"): the attack's end, not an
# operation the state began
SWEEP_AFTER = re.compile(r"\b(?:clearance|sanitisation|sanitization|combing)\b", re.IGNORECASE)
CLASH_WORDS = ("exchanged fire", "exchange of fire", "clash", "clashed", "clashes", "encounter", "gun battle",
               "gunfight", "shootout", "rocket", "rockets", "mortar", "shelling")
# a post, station or convoy attacked: an assault on a position, not on a person
FACILITY = re.compile(r"\b(?:check ?-?posts?|posts?|police stations?|camps?|convoys?|bases?|headquarters|pickets?"
                      r"|forts?|compounds?|lines|patrols?|outposts?|checkpoints?|barracks|positions?)\b", re.IGNORECASE)
# an officer singled out by post or duty ("the SHO of Kulachi", "a policeman escorting a polio team")
SELECTED = re.compile(r"\b(?:SHO|station house officer|DSP|deputy superintendent|superintendent|SSP|inspector|sub-inspector"
                      r"|ASI|in-charge|polio|vaccinat\w*|commandant|judge|magistrate)\b", re.IGNORECASE)
SELECTED_WOUNDED = 2  # the wounded of a killing aimed at a man singled out by post or duty: his companions
# the hallmark of a killing aimed at one man: assailants on a motorcycle ("two men on a motorcycle", "motorcyclists")
ON_MOTORCYCLES = re.compile(r"\bmotorcycl(?:ists?|e-borne|e-riding)\b|\bon (?:a |their |two )?motorcycles?\b", re.IGNORECASE)
# "the SHO of Kulachi police station", "Constable Sher Ali of Police Station Mandan": where the victim serves
AFFILIATION = re.compile(r"\bof (?:the )?(?:(?:[\w'’-]+ ){1,2}police station|police station(?: [\w-]+)?)\b", re.IGNORECASE)
# "a tribal elder and his guard were shot dead", "shot dead a leader and his son": the target and one companion
COMPANION = re.compile(r"\b(?:and|along with)\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}?(?:were|was|(?:have|has|had) been)?\s*(?:shot|gunned|killed|martyred)\b"
                       r"|\b(?:shot dead|gunned down|killed|martyred)\s+along with\s+(?:his|her)\b"
                       r"|\band\s+the\s+[\w-]+\s+(?:escorting|guarding|accompanying)\s+(?:him|her|his)\b"
                       r"|\b(?:shot dead|gunned down|killed)\s+(?:a|an|the)?\s*(?:[\w-]+,?\s+){0,5}?and\s+(?:his|her)\s+[\w-]+", re.I)
# a defended position (not a convoy or a vehicle on the road, which a bomb hits): stormed, it is an armed assault
POSITION = re.compile(r"\b(?:check ?-?posts?|posts?|police stations?|stations?|camps?|bases?|headquarters|pickets?|forts?"
                      r"|compounds?|lines|outposts?|checkpoints?|barracks|colleges?|cantonments?|garrisons?|complex"
                      r"|colony|installations?|offices?|hotels?)\b", re.IGNORECASE)
FOUGHT_BACK = re.compile(r"\b(?:repulsed|repelled|returned fire|retaliat\w+|exchange of fire|exchanged fire|gun ?battle"
                         r"|gunfight|foiled|engaged|fought|responded)\b", re.IGNORECASE)
SINGLED_OUT_TARGETS = ("religious", "tribal_elders", "political", "health_workers", "journalists")
NOT_TARGETED = ("security_forces", "police", "militants", "transport", "infrastructure", "other")
ARMED_VICTIMS = ("militia", "militiaman", "militiamen", "death squad", "death squads")  # combatants, not targeted killings
REMAINING = re.compile(r"\b(?:remain|remains|remained|remaining|still|leaving|left)\b", re.IGNORECASE)
THE_OTHER = re.compile(r"\bthe\s+other\s*$", re.IGNORECASE)  # "the other two injured personnel": those left
THE_BEFORE = re.compile(r"\bthe\s*$", re.IGNORECASE)  # ... "the three other injured men"
OTHER_AFTER_COUNT = re.compile(r"[\w-]+\s+other\b", re.IGNORECASE)
REMAINING_BEFORE = 11  # characters before a count searched for those words ("The remaining two wounded")
FIGURE_KINDS = ("killed", "injured", "attackers_killed", "kidnapped")
_DEFAULT = object()


class Classifier(Protocol):
    """The part of `khabar.nlp.classify.IncidentClassifier` the extractor uses."""

    def relevance(self, texts: list[str]) -> list[float]: ...

    def event_type_scores(self, texts: list[str]) -> list[dict[str, float]]: ...

    def embed(self, texts: list[str]) -> Any: ...


def default_classifier() -> Classifier | None:
    """`khabar.nlp.classify.load_classifier()`, or None when it (or torch) is unavailable."""
    try:
        return load_classifier()
    except Exception as exc:  # noqa: BLE001 - optional model: any failure means rules only
        log.warning("classifier unavailable, rules only: %s", exc)
        return None


def article_text(article: Article) -> str:
    """The text offsets refer to: `text`, or the paragraphs joined by blank lines."""
    return article.text or "\n\n".join(article.paragraphs)


def lead_paragraph(article: Article) -> str:
    """The article's first paragraph of real text (skips one-line datelines and bylines)."""
    paragraphs = article.paragraphs or article_text(article).split("\n\n")
    for paragraph in paragraphs:
        if len(paragraph.split()) >= 12:
            return paragraph.strip()
    return paragraphs[0].strip() if paragraphs else ""


def to_article(data: Article | dict[str, Any]) -> Article:
    """Accept an Article or a plain dict (unknown keys are ignored)."""
    if isinstance(data, Article):
        return data
    fields = {k: v for k, v in data.items() if k in Article.model_fields}
    fields.setdefault("url", data.get("url") or f"urn:khabar:{data.get('id', '')}")
    return Article(**fields)


def evidence(span: TextSpan, narrow: bool = True) -> Evidence:
    """Evidence record: the sentence with its offsets, and the matched words."""
    return Evidence(sentence=span.sentence, start=span.sent_start, end=span.sent_end,
                    text=span.text if narrow and span.text != span.sentence else None)


def aggregate_figures(figures: list[CasualtyFigure], order: dict[int, int] | None = None) -> tuple[int, CasualtyFigure] | None:
    """One count from many figures: sum within a sentence, max across sentences, the latest toll overrides,
    "also" adds, sub-counts ("including three children") are ignored. `order` gives each sentence its place
    in time when that is not the text's order (a live page with its newest entry first)."""
    usable = [f for f in figures if not f.sub_count]
    if any(not f.other_source and f.value > 0 for f in usable):
        # "killing 23 soldiers, the military said ... Other officials gave different figures: a police official said 25":
        # the report's own count stands; another source's counts only where the report gives none
        usable = [f for f in usable if not f.other_source]
    # "officials initially said 11", "the earlier figure of eight was incorrect": that count, wherever else it
    # appears, gives way to a current one
    earlier = {f.value for f in usable if f.earlier}
    if any(not f.earlier and f.value > 0 and f.value not in earlier for f in usable):
        usable = [f for f in usable if not f.earlier and f.value not in earlier]
    if any(f.corrected for f in usable):
        # "lowered the death toll to 84 ... it had risen to 101 on Wednesday": the correction stands over the tolls it
        # corrected, wherever the report retells them
        usable = [f for f in usable if f.corrected or not f.total]
    if usable and not any(f.total or (f.value > 0 and not f.also and not ALSO.search(f.span.sentence)) for f in usable):
        # "The martyrs included seven soldiers ... Lance Naik Sabz Ali, 34, of the Frontier Constabulary, also lost his
        # life": the dead listed, then more
        first_more = min(f.span.sent_index for f in usable)
        dead_listed = [f for f in figures if f.sub_count and f.value > 0 and f.span.sent_index < first_more
                       and DEAD_LISTED.search(f.span.sentence) is not None]
        if dead_listed:
            usable = dead_listed + [replace(f, also=True) for f in usable]
    if not usable:
        # "killing at least three of them" with no count of the whole: the dead are all the report gives;
        # "two of the injured are critical" is a part of a count the report does not give
        # ("The martyred include six constables, two head constables and an ASI": the parts one sentence lists add up)
        # ("One of the vaccinators was wounded in the arm": a part of the people there, the wounded all the report gives)
        parts = [f for f in figures if f.value > 0 and (f.kind in ("killed", "attackers_killed") or (
            f.kind == "injured" and (of := PART_OF_PEOPLE.search(f.span.text)) is not None
            and of.group(1).lower() not in INJURED_GROUP_WORDS))]
        if not parts:
            return None
        # (a toll among them is the whole: "the number killed rose to four after one of the wounded died" is four)
        by_sentence: dict[int, int] = {}
        for index in {f.span.sent_index for f in parts}:
            here = [f for f in parts if f.span.sent_index == index]
            listed = DEAD_LISTED.search(here[0].span.sentence) is not None and not any(f.total for f in here)
            by_sentence[index] = sum(f.value for f in here) if listed else max(f.value for f in here)
        return max(by_sentence.values()), max(parts, key=lambda f: f.value)
    positive = [f for f in usable if f.value > 0]
    if not positive:
        return 0, usable[0]
    by_sent: dict[tuple[int, int, int], list[CasualtyFigure]] = {}
    for f in positive:
        when = order.get(f.span.sent_index, f.span.sent_index) if order else f.span.sent_index
        by_sent.setdefault((when, f.span.sent_index, f.clause), []).append(f)
    total, first = 0, positive[0]
    seen_victims: set[str] = set()
    stated = False
    unnamed = 0  # people a count holds that its "including" parts do not name yet
    for idx, (_, figs) in enumerate(sorted(by_sent.items())):
        tolls = [f for f in figs if f.total]
        value = max(f.value for f in tolls) if tolls else sentence_count(figs)
        victims = {f.victim for f in figs}
        if tolls:
            total = value  # a stated toll is the article's latest figure ("rose to", "revised to")
            stated = True
        elif idx and figs[0].also and not victims & seen_victims and not stated and value <= unnamed:
            unnamed -= value  # "two people, including a Chinese engineer ... The driver was also killed": the other
        elif idx and figs[0].also and not victims & seen_victims and not stated:
            total += value  # "two passers-by were also killed" adds, unless a stated toll already counts everyone
        elif idx and not stated and _other_side(victims, seen_victims):
            total += value  # "three soldiers embraced shahadat ... Two civilians passing by were killed": both counted
        else:
            total = max(total, value)
        seen_victims |= victims
        unnamed = max(unnamed, _unnamed(figs, figures))
    return total, first


ALSO = re.compile(r"\balso\b", re.IGNORECASE)
# "one of the vaccinators", "two of the guards": a part of the people a sentence names (not "two of the injured")
PART_OF_PEOPLE = re.compile(r"^\s*(?:one|two|three|four|five|\d+)\s+of\s+the\s+(\w+)\b", re.IGNORECASE)
INJURED_GROUP_WORDS = frozenset({"injured", "wounded", "hurt", "dead", "deceased", "victims", "casualties", "martyred"})
# "The martyred include six constables, two head constables and an ASI": the dead, listed part by part
DEAD_LISTED = re.compile(r"\bthe\s+(?:dead|martyred|martyrs|deceased|slain)\s+(?:include|included|includes)\b", re.IGNORECASE)


def _victim_side(victim: str | None) -> str | None:
    """"forces" for soldiers and policemen, "civilians" for civilians, children, passers-by; None for people at
    large ("people", "persons") and for anyone else."""
    if not victim or victim in GENERIC_VICTIMS or victim in ("person", "man", "men"):
        return None
    if victim in CIVILIAN_VICTIMS:
        return "civilians"
    side = targets.TARGET_LEXICON.get(victim)
    return {"security_forces": "forces", "police": "forces", "civilians": "civilians"}.get(side or "")


# people on the street counted beside the forces ("A sepoy was martyred ... A passer-by ... succumbed"), who are no target
# of the attack of their own
CIVILIAN_VICTIMS = frozenset({"passer-by", "passerby", "passersby", "bystander", "bystanders", "pedestrian", "pedestrians"})


def _other_side(victims: set[str], seen: set[str]) -> bool:
    """The sentence counts people of one side only (all civilians, say) and every count before it people of the other:
    two parts of the toll, not a restatement of it."""
    sides = {_victim_side(v) for v in victims}
    before = {_victim_side(v) for v in seen}
    return len(sides) == 1 and len(before) == 1 and None not in sides | before and sides != before


def _unnamed(counted: list[CasualtyFigure], figures: list[CasualtyFigure]) -> int:
    """How many people a generic count ("two people, including a Chinese engineer") leaves unnamed."""
    room = 0
    for f in counted:
        if f.victim in GENERIC_VICTIMS:
            parts = [p for p in figures if p.sub_count and p.kind == f.kind and p.span.sent_index == f.span.sent_index]
            if parts:
                room = max(room, f.value - sum(p.value for p in parts))
    return room


def sentence_count(figures: list[CasualtyFigure]) -> int:
    """One count from a sentence's figures: their sum ("four soldiers and two civilians"), or the
    total when the sentence gives a total and its components ("27 — 25 on Tuesday and two on Sunday")."""
    # "killed three officers, after a wounded officer died overnight": the death that brought the toll to three
    explained = [f for f in figures if f.kind == "killed" and DIED.search(f.span.text) and _after_clause(f)
                 and any(g.value > f.value and g.kind == f.kind for g in figures)]
    figures = [f for f in figures if f not in explained]
    values = sorted((f.value for f in figures), reverse=True)
    biggest = max(figures, key=lambda f: f.value)
    if len(values) >= 3 and values[0] == sum(values[1:]) and _said_in_all(biggest):
        return values[0]  # "three soldiers and two civilians embraced shahadat, five in all"
    if len(values) >= 2 and values[0] >= sum(values[1:]) and _parts_follow(biggest, figures):
        # the total, then its parts, all or some ("27 — 25 on Tuesday and two on Sunday", "six people - five
        # Chinese nationals and their driver")
        return values[0]
    return sum(values)


IN_ALL_WITHIN = re.compile(r"^\S+\s+(?:\w+\s+)?(?:in all|in total|altogether|all told)\b", re.IGNORECASE)
IN_ALL = re.compile(r"^\W*(?:in all|in total|altogether|all told)\b|\b(?:in all|in total|a total of)\W*$", re.IGNORECASE)


def _said_in_all(figure: CasualtyFigure) -> bool:
    """The count is called the whole ("five in all", "in total, nine", "a total of nine")."""
    start, end = figure.span.start - figure.span.sent_start, figure.span.end - figure.span.sent_start
    sentence = figure.span.sentence
    # (or inside the figure's own words: "14 people in all, were wounded")
    return bool(IN_ALL.search(sentence[end : end + 14]) or IN_ALL.search(sentence[max(0, start - 14) : start])
                or IN_ALL_WITHIN.search(figure.span.text))


def _toll_sentences(figures: list[CasualtyFigure], opener: int) -> list[int]:
    """The opener, when it tells the event's toll: its places are the event's as much as the trigger's sentence's
    ("Five labourers were martyred by terrorists near Surab in Khuzdar district ...", before a survivor's "the gunmen
    opened fire" further down, nearer the city where the victims worked)."""
    return [opener] if any(f.span.sent_index == opener and f.kind in ("killed", "injured") and f.value > 0
                           for f in figures) else []


def without_other_place_clause(figures: list[CasualtyFigure], frame: Frame, district: str | None) -> list[CasualtyFigure]:
    """Drop the figures of a ", while ..." clause that happened in another district than the event's ("Terrorists blew
    up a pipeline in Dera Bugti, while one citizen was martyred when a grenade hit a shop in Turbat"): another
    incident, told in the same lede."""
    if district is None:
        return figures
    infos = {s.index: s for s in frame.sentences}
    drop: set[int] = set()
    for index in {f.span.sent_index for f in figures if f.clause}:
        info = infos.get(index)
        first = min(f.span.start for f in figures if f.clause and f.span.sent_index == index)
        if info is None or not any(t.span.start > first and t.strength >= 0.8 for t in info.triggers):
            continue  # (", while the seven injured remained under treatment in Quetta" tells no incident)
        places = {district_of(m.kind, m.name) for m in info.locations
                  if m.kind in ("place", "district") and m.span.start > first and not m.in_aside()}
        separate = ANOTHER_INCIDENT.search(info.sent.text[first - info.sent.start_char :]) is not None
        if places and district not in places or separate:
            drop.add(index)  # (or a clause that calls itself "a separate attack", wherever it was)
    return [f for f in figures if not (f.clause and f.span.sent_index in drop)]


def other_incident_clause(info: SentenceInfo) -> int | None:
    """Where a ", while ..." clause of the sentence starts (a character offset) when it tells an incident in another
    district than the part before it ("An elder was shot dead in Mir Ali on Saturday, while militants blew up a tower
    in Tank late on Sunday"), else None."""
    at = casualties.other_place_clause(info.sent)
    if at is None:
        return None
    start = info.sent.doc[at].idx

    def districts(after: bool) -> set[str]:
        return {district_of(m.kind, m.name) for m in info.locations if m.kind in ("place", "district")
                and not m.dateline and (m.span.start > start) == after}

    later, earlier = districts(after=True), districts(after=False)
    # (a part before the clause that names no place happened where the clause says: "Two policemen were killed, while
    # four others were injured when militants attacked a post in Bara")
    if not later or not earlier or later <= earlier or not (any(t.span.start > start and t.strength >= 0.8 for t in info.triggers)
                                                          or any(f.span.start > start and f.value > 0 and f.kind != "injured"
                                                                 for f in info.casualties)):
        # (", while the seven injured remained under treatment in Quetta" tells no incident)
        return None
    return start


def lend_lede_clause(frames: list[Frame]) -> list[Frame]:
    """A lede that tells a second incident in another district in a ", while ..." clause opens that incident's frame
    too: the clause (its triggers, dates, figures, places) goes first in the later frame set in that district."""
    opener = frames[0].opener if len(frames) > 1 else None
    cut = other_incident_clause(opener) if opener is not None else None
    if opener is None or cut is None:
        return frames
    clause = replace(opener, triggers=[t for t in opener.triggers if t.span.start >= cut],
                     casualties=[f for f in opener.casualties if f.span.start >= cut],
                     dates=[d for d in opener.dates if d.span.start >= cut],
                     groups=[g for g in opener.groups if g.span.start >= cut],
                     targets=[g for g in opener.targets if g.span.start >= cut],
                     locations=[m for m in opener.locations if m.span.start >= cut])
    if not clause.triggers:
        return frames  # (a clause of figures alone would open the later frame with none of its words)
    told = districts_named([clause])
    for k, frame in enumerate(frames[1:], start=1):
        if frame.opener is not None and told & districts_named([frame.opener]):
            return [*frames[:k], Frame(sentences=[clause, *frame.sentences]), *frames[k + 1:]]
    return frames


def own_part_of_lede(opener: SentenceInfo) -> Callable[[TextSpan], bool]:
    """Whether a span is the frame's own, not in a clause of its lede that tells another district's incident
    (when the lede tells its own incident before the clause)."""
    cut = other_incident_clause(opener)
    if cut is None:
        cut = _also_clause(opener)
    if cut is None or not (any(t.span.start < cut for t in opener.triggers)
                           or any(f.span.start < cut and f.value > 0 for f in opener.casualties)):
        return lambda span: True
    return lambda span: span.sent_index != opener.index or span.start < cut


def _also_clause(info: SentenceInfo) -> int | None:
    """Where a ", as ... also ..." clause starts (a character offset) when it tells a second act ("Gunmen killed 23
    people on a highway, officials said, as insurgents also blew up a railway bridge"), else None."""
    doc = info.sent.doc
    for tok in info.sent:
        if tok.lower_ == "as" and tok.dep_ == "mark" and tok.i > info.sent.start and doc[tok.i - 1].text == ",":
            clause = tok.head
            if any(c.lower_ == "also" for c in clause.children) and any(
                    t.span.start >= tok.idx and t.strength >= STRONG_TRIGGER for t in info.triggers):
                return tok.idx
    return None


def _after_clause(figure: CasualtyFigure) -> bool:
    """The figure stands in an "after ..." clause ("..., after a wounded officer died")."""
    start = figure.span.start - figure.span.sent_start
    return "after" in figure.span.sentence[max(0, start - 12) : start].lower().split()


def _more(figure: CasualtyFigure) -> bool:
    """"two more died later": a bare count of more people, added to those counted before it."""
    words = figure.span.text.lower().split()
    return len(words) >= 2 and words[1] == "more" and figure.victim == words[0]


def _parts_follow(total: CasualtyFigure, figures: list[CasualtyFigure]) -> bool:
    """The total comes first and a dash, colon or bracket sets its parts off (not "three policemen,
    a child and two passers-by", which adds up)."""
    rest = [f for f in figures if f is not total]
    if any(f.span.start < total.span.start or f.also or _more(f) for f in rest):
        return False  # (nor "four were shot dead at the fence; two more were killed later": more, not a part)
    offset = total.span.sent_start  # parts' spans may reach back to a casualty word before them ("killed: 5 ...")
    between = total.span.sentence[total.span.start - offset : max(f.span.end for f in rest) - offset]
    marks = ["—", "–", ":", "(", " - ", ";"]
    first_word = total.span.text.split()[0].lower()
    # "Six, four policemen and ..." (a number with no noun; not "Wahid, a JUI-F office-bearer, and his nephew")
    bare_number = total.victim == first_word and (first_word.isdigit() or first_word in UNITS)
    if bare_number or total.victim in ("people", "persons", "others", "personnel", "individuals"):
        marks.append(",")  # "six people, four policemen and two passers-by": a generic count, then who they were
    if "," in marks and re.search(r",\s+(?:while|whereas)\b", between) and not re.search(
            r"\bof(?:\s+the)?\s*$", total.span.sentence[: total.span.start - offset], re.IGNORECASE):
        # "71 persons were under treatment at X, while 29 had been airlifted to Y": more, elsewhere (but "of the four
        # wounded, one was moved to X, while the other three ...": the parts of a whole)
        marks.remove(",")
    if between.count("(") <= between.count(")"):
        marks.remove("(")  # "Constable Ihsanullah (No. 611) and Constable Arif": a bracket closed before the next count
    return any(mark in between for mark in marks)


def figure_total(figures: list[CasualtyFigure], kind: str) -> int:
    """The event's count of one kind, as `_fill_figures` reports it (0 when none)."""
    found = aggregate_figures(prefer_reported([f for f in figures if f.kind == kind]))
    return found[0] if found is not None else 0


def without_attackers_bodies(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Drop "the two bodies were shifted to hospital" after "killing two of the attackers": the attackers' bodies, told
    again, not two more dead."""
    attackers = [f for f in figures if f.kind == "attackers_killed" and f.value > 0]
    kept = [f for f in figures if not (
        f.kind == "killed" and f.victim == "bodies" and _definite(f)
        and any(a.value == f.value and a.span.sent_index < f.span.sent_index for a in attackers))]
    return [replace(f, kind="attackers_killed") if _more_of_attackers(f, kept) else f for f in kept]


def _more_of_attackers(figure: CasualtyFigure, figures: list[CasualtyFigure]) -> bool:
    """"The military had initially put the number of militants killed at six. Two more bodies were found on
    Wednesday": more bodies, by no words of their own, of the side counted just before them (the attackers)."""
    if figure.kind != "killed" or figure.victim != "bodies" or "more" not in figure.span.text.lower().split():
        return False
    before = [f for f in figures if f.span.sent_index < figure.span.sent_index
              or (f.span.sent_index == figure.span.sent_index and f.span.start < figure.span.start)]
    latest = max(before, key=lambda f: (f.span.sent_index, f.span.start), default=None)
    return latest is not None and latest.kind == "attackers_killed" and latest.span.sent_index >= figure.span.sent_index - 1


def _definite(figure: CasualtyFigure) -> bool:
    """The count stands after "the" ("the two bodies"): people told of before."""
    before = figure.span.sentence[: figure.span.start - figure.span.sent_start].lower()
    return figure.span.text.lower().startswith("the ") or before.endswith(("the ", "their ", "both "))


def died_of_injuries(figures: list[CasualtyFigure], killed: int | None, order: dict[int, int] | None = None) -> int:
    """How many of the injured the report later says died ("eight were wounded; two of the wounded died,
    bringing the toll to ten"): they leave the injured count when no injured count is given after their death
    and the dead counted where the injured were counted did not include them yet (`killed`: the event's toll)."""
    def place(f: CasualtyFigure) -> tuple[int, int]:
        return (order.get(f.span.sent_index, f.span.sent_index) if order else f.span.sent_index), f.span.start

    deaths = [f for f in figures if f.of_injured and f.value > 0 and not f.claimed]

    def remaining(f: CasualtyFigure) -> bool:
        # ("The death toll is now 5; 3 others are under treatment": the count in hospital after a death is what is left)
        # (and, after a death, "the other two injured personnel are out of danger")
        return _remaining(f) or ((_in_treatment(f) or _the_other(f)) and any(
            place(d)[0] < place(f)[0] or (place(d)[0] == place(f)[0] and d.span.end <= f.span.start) for d in deaths))

    # "six remain under treatment" after the deaths is the count that is left, not a count before them
    injured = [f for f in figures if f.kind == "injured" and f.value > 0 and not f.claimed and not f.sub_count
               and not remaining(f)]
    if injured and not deaths:
        return _rise_from_the_injured(figures, injured, place)
    if not injured or not deaths:
        return 0
    counted_at = max(place(f) for f in injured)
    # "one of the three men wounded in the firing died": a death of one of the counted, the count inside it
    within = [d for d in deaths if any(_inside(i, d) for i in injured)]
    # (deaths told before the sentence that counts the injured are in its count: "Two of the injured died overnight.
    # Twelve people were wounded, and six of them are still in hospital")
    since = [f for f in deaths if place(f)[0] >= counted_at[0] or f in within]
    first_death = min((place(d) for d in since), default=None)
    left = [f for f in figures if f.kind == "injured" and f.value > 0 and not f.claimed and remaining(f)
            and first_death is not None and place(f) > first_death]
    if left:  # "one of four officers wounded died, leaving three in treatment": the count left is stated
        return max(0, max(f.value for f in injured) - max(left, key=place).value)
    # "rose to four when an injured Naik succumbed ... Three were martyred on the spot while five were injured ... The
    # remaining four injured are under treatment": a count left after the injured were counted, short by the deaths told
    after = [f for f in figures if f.kind == "injured" and f.value > 0 and not f.claimed and remaining(f) and place(f)[0] > counted_at[0]]
    gone = sum(d.value for d in deaths)
    if after and max(f.value for f in injured) - max(after, key=place).value == gone:
        return gone
    inside = sum(f.value for f in within)  # (the count named inside the death is the count before it)
    later = [f for f in deaths if place(f) > counted_at and f not in within]
    if not later:
        return inside
    dead = [f for f in figures if f.kind == "killed" and not f.of_injured and place(f) <= counted_at]
    before = aggregate_figures(prefer_reported(dead), order)
    if killed is None or (before is not None and before[0] >= killed):
        return inside  # the dead counted with the injured already include them ("six killed, 27 injured ... one of the wounded died")
    return inside + sum(f.value for f in later)


def _rise_from_the_injured(figures: list[CasualtyFigure], injured: list[CasualtyFigure],
                           place: Callable[[CasualtyFigure], tuple[int, int]]) -> int:
    """How many of the injured died when a later toll rises by as many as a later count of those left fell ("Two
    policemen were martyred and three others injured ... A third policeman has succumbed, raising the death toll to
    three. Two injured constables remain under treatment"), no death of the injured being counted on its own."""
    counted_at = max(place(f) for f in injured)[0]
    left = [f for f in figures if f.kind == "injured" and f.value > 0 and not f.claimed
            and (_remaining(f) or _the_other(f))
            and place(f)[0] > counted_at]
    dead_then = [f.value for f in figures if f.kind == "killed" and not f.claimed and place(f)[0] <= counted_at]
    dead_later = [f.value for f in figures if f.kind == "killed" and f.total and not f.claimed and place(f)[0] > counted_at]
    if not (left and dead_then and dead_later):
        return 0
    fell = max(f.value for f in injured) - max(left, key=place).value
    return fell if fell > 0 and fell == max(dead_later) - max(dead_then) else 0


def _inside(inner: CasualtyFigure, outer: CasualtyFigure) -> bool:
    """The figure's words lie within the other's, in one sentence ("three men wounded" in "one of the three men
    wounded")."""
    return (inner is not outer and inner.span.sent_index == outer.span.sent_index
            and outer.span.start <= inner.span.start and inner.span.end <= outer.span.end)


INCIDENT_NOUN = re.compile(INCIDENT_NOUN_PATTERN)


def sums_incidents(figure: CasualtyFigure, doc: Doc) -> bool:
    """The figure counts the victims of several incidents ("attacks that killed five", "five were killed in twin
    attacks"): a roundup's total, not one incident's toll."""
    words = figure.span.in_doc(doc)
    if words is None:
        return False
    chain = [words.root, *words.root.ancestors]
    # (the figure's own verb first: "Seven militants killed in two operations", the participle on the noun)
    verb = next((t for t in words if t.pos_ == "VERB" and t.dep_ in ("acl", "relcl")), None) or next(
        (t for t in chain if t.pos_ in ("VERB", "AUX")), chain[-1])
    incidents = [verb.head] if verb.dep_ in ("relcl", "acl") else []
    # ("shot dead a tribal elder in Khyber and a polio vaccinator in Bannu in two separate attacks": on the objects)
    holders = [verb, *(n for obj in verb.children if obj.dep_ == "dobj" for n in (obj, *obj.conjuncts))]
    incidents += [obj for holder in holders for prep in holder.children if prep.dep_ == "prep"
                  for obj in prep.children if obj.dep_ == "pobj"]
    # "martyred in a wave of coordinated attacks", "a series of blasts": the incidents a quantity noun holds
    incidents += [g for noun in incidents for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
    # ("Seven militants killed in two operations": the forces' incidents too)
    return any(noun.tag_ == "NNS" and (INCIDENT_NOUN.fullmatch(noun.lower_) or noun.lower_ == "operations")
               for noun in incidents)


def _count_per_incident(figure: CasualtyFigure, info: SentenceInfo) -> bool:
    """The figure is one of as many counts joined by "and" as the incidents the sentence sums ("two attacks ... in
    which seven passengers and three soldiers were killed": likely one count each), not a kind of victim over a series
    ("38 civilians and 14 personnel were martyred in a wave of attacks")."""
    if SERIES_LEDE.search(info.sent.text):
        return False
    found = SUMMARY_LEDE.search(info.sent.text)
    incidents = SUMMARY_COUNTS.get(found.group(0).split()[0].lower()) if found is not None else None
    parts = [f for f in info.casualties if f.kind == figure.kind and _joined_count(f, info.sent.doc)]
    return figure in parts and (incidents is None or len(parts) == incidents)


def _joined_count(figure: CasualtyFigure, doc: Doc) -> bool:
    """The figure is one of counts joined by "and" ("seven passengers and three soldiers")."""
    words = figure.span.in_doc(doc)
    number = next((t for t in words if t.like_num), None) if words is not None else None
    if number is None:
        return False
    noun = number.head if number.dep_ == "nummod" else number
    return noun.dep_ == "conj" and noun.pos_ in ("NOUN", "PROPN", "NUM") or any(
        c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM") for c in noun.children)


def own_tolls(figures: list[CasualtyFigure], doc: Doc) -> list[CasualtyFigure]:
    """A roundup incident's figures without the totals over all its incidents, where it has its own count of that
    kind ("attacks that killed five ... Officials said three soldiers were killed" in Mastung: three)."""
    # (and a later restating of such a total: "14 soldiers had embraced shahadat while fighting them", after a lede
    # of "38 civilians and 14 personnel were martyred in a wave of attacks")
    # (not a part of a sum told by parts, each likely one incident's: "seven bus passengers and three soldiers were killed
    # in two attacks ... the seven, who were shot dead": the coach's own seven)
    summed = {(f.kind, f.value) for info in doc._.sentences for f in info.casualties
              if sums_incidents(f, doc) and not _count_per_incident(f, info)}
    # (one person is no total: "Malik X was shot dead" after "shot dead an elder in Khyber and a vaccinator in Bannu")
    totals = [f for f in figures if sums_incidents(f, doc) or (f.kind, f.value) in summed and f.value > 1]
    own_kinds = {f.kind for f in figures if f not in totals}
    return [f for f in figures if f not in totals or f.kind not in own_kinds]


def elliptic_more(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """"eight militants killed ... two more were killed": a bare "N more" counts the same people as the figure
    before it, so it takes that figure's kind (the attackers here, not the victims)."""
    out: list[CasualtyFigure] = []
    for f in figures:
        words = f.span.text.lower().split()
        if _more(f) and out and f.kind == "killed" and out[-1].kind == "attackers_killed":
            f = replace(f, kind="attackers_killed", also=True)  # "two more": added to the eight
        elif (f.total and f.kind == "killed" and f.victim == words[0] and out and out[-1].kind == "attackers_killed"
              and out[-1].span.sent_index == f.span.sent_index):
            # "17 more had been killed, raising the total to 71": a bare total after the attackers' count is theirs
            f = replace(f, kind="attackers_killed")
        out.append(f)
    return out


def _the_other(figure: CasualtyFigure) -> bool:
    """"the other two injured personnel", "the three other injured men": told after a death, the count of those left."""
    before = figure.span.sentence[: figure.span.start - figure.span.sent_start]
    return THE_OTHER.search(before) is not None or (THE_BEFORE.search(before) is not None
                                                     and OTHER_AFTER_COUNT.match(figure.span.text) is not None)


def _remaining(figure: CasualtyFigure) -> bool:
    """"six remain under treatment", "ten others are still in hospital", "leaving three in treatment": the count
    of those left."""
    return REMAINING.search(_words_around(figure, REMAINING_BEFORE)) is not None


def _words_around(figure: CasualtyFigure, before: int = 0, after: int = 30) -> str:
    """The figure's words with the characters of its sentence just before and after them."""
    offset = figure.span.sent_start
    head = figure.span.sentence[max(0, figure.span.start - offset - before) : figure.span.start - offset] if before else ""
    return f"{head} {figure.span.text} {figure.span.sentence[figure.span.end - offset :][:after]}"


IN_TREATMENT = re.compile(r"\b(?:under\s+treatment|being\s+treated|in\s+(?:the\s+)?hospital)\b", re.IGNORECASE)


def _in_treatment(figure: CasualtyFigure) -> bool:
    """"three others are under treatment", "two are in hospital": a count of the wounded being treated."""
    return IN_TREATMENT.search(_words_around(figure)) is not None


def prefer_reported(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Drop figures a group claims ("BLA claimed eight soldiers were killed") when a reported one exists."""
    # a reported figure, or an explicit "no loss of life" ("... and said its fighters had killed a dozen. Officials
    # rejected the claim")
    reported = [f for f in figures if not f.claimed and (f.value > 0 or not f.victim) and not f.sub_count]
    return [f for f in figures if not f.claimed] if reported else figures


class Extractor:
    """Rule-based event extractor with an optional MiniLM classifier hook."""

    def __init__(self, nlp: Language | None = None, classifier: Any = _DEFAULT, max_chars: int = MAX_CHARS) -> None:
        self.nlp = nlp or build_nlp()
        self.event_types = get_component(self.nlp, event_types.FACTORY, event_types.EventTypeRules)
        self.locations = get_component(self.nlp, locations.FACTORY, locations.LocationRules)
        self.targets = get_component(self.nlp, targets.FACTORY, targets.TargetRules)
        self.casualties = get_component(self.nlp, casualties.FACTORY, casualties.CasualtyRules)
        self.classifier: Classifier | None = default_classifier() if classifier is _DEFAULT else classifier
        self.max_chars = max_chars

    # ---- public API -------------------------------------------------------------------------
    def extract(self, article: Article | dict[str, Any]) -> list[ExtractedEvent]:
        """Events reported by one article (an empty list when it reports none)."""
        return self.extract_with_embeddings(article)[0]

    def extract_with_embeddings(self, article: Article | dict[str, Any]) -> tuple[list[ExtractedEvent], list[list[float] | None]]:
        """Events and one embedding per event (None without a classifier)."""
        art = to_article(article)
        events = self._events(art, self.nlp(self._doc(art)))
        return events, self._embeddings(events)

    def extract_many(self, articles: Iterable[Article | dict[str, Any]], batch_size: int = 16) -> Iterator[tuple[str, list[ExtractedEvent]]]:
        """`(article_id, events)` for each article, parsing with `nlp.pipe` in batches (no embeddings)."""
        for art_id, events, _ in self._extract_many(articles, batch_size, embed=False):
            yield art_id, events

    def extract_many_with_embeddings(
        self, articles: Iterable[Article | dict[str, Any]], batch_size: int = 16
    ) -> Iterator[tuple[str, list[ExtractedEvent], list[list[float] | None]]]:
        """Like `extract_many`, with the per-event embeddings (one classifier call per batch of articles)."""
        return self._extract_many(articles, batch_size, embed=True)

    def _extract_many(
        self, articles: Iterable[Article | dict[str, Any]], batch_size: int, embed: bool
    ) -> Iterator[tuple[str, list[ExtractedEvent], list[list[float] | None]]]:
        arts = (to_article(a) for a in articles)
        pairs = ((self._doc(a), a) for a in arts)
        pending: list[tuple[str, list[ExtractedEvent]]] = []

        def flush() -> Iterator[tuple[str, list[ExtractedEvent], list[list[float] | None]]]:
            flat = [e for _, events in pending for e in events]
            vectors = iter(self._embeddings(flat) if embed else [None] * len(flat))
            for art_id, events in pending:
                yield art_id, events, [next(vectors) for _ in events]
            pending.clear()

        parsed = iter(self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size))
        while True:
            try:
                doc, art = next(parsed)
                events = self._events(art, doc)
            except StopIteration:
                break
            except Exception:
                yield from flush()  # the articles before the failing one come out first, in order
                raise
            pending.append((art.id, events))
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()

    def article_embeddings(self, articles: Sequence[Article]) -> list[list[float] | None]:
        """One embedding per article, of its headline and lead paragraph (one classifier batch)."""
        if self.classifier is None or not articles:
            return [None] * len(articles)
        texts = [". ".join(part for part in (a.title.strip(), lead_paragraph(a)) if part)[:1000] for a in articles]
        try:
            matrix = self.classifier.embed(texts)
        except Exception as exc:  # noqa: BLE001 - embeddings are optional
            log.warning("article embedding failed: %s", exc)
            return [None] * len(articles)
        return [[float(x) for x in row] for row in matrix]

    # ---- assembly ---------------------------------------------------------------------------
    def _doc(self, art: Article) -> Doc:
        """The article's text, tokenised, with the publication time the date component resolves against."""
        doc = self.nlp.make_doc(article_text(art)[: self.max_chars])
        doc._.published = local_time(art.published_at or datetime.now(UTC))
        return doc

    def _events(self, art: Article, doc: Doc) -> list[ExtractedEvent]:
        published: datetime = doc._.published
        infos: list[SentenceInfo] = doc._.sentences
        frames = doc._.frames or self._classifier_frame(art, infos)
        if not frames:
            return []
        if claim_news(infos, art.title):
            pass  # a claim the headline announces is news of the incident, under whatever lede
        elif reaction_lede(infos) or cause_lede(infos, published.date()) or anniversary_lede(infos):
            # an aftermath story: only an incident reported apart is news
            frames = [f for f in frames if separate_incident(f)]
            if not frames:
                return []
        elif newest_first(infos) is None and (
                follow_up_only(infos, frames[0], art.title) or not news_in_lede(infos, frames[0], art.title)):
            return []  # (a live page's newest entry may be a reaction or a later turn: its older entries tell the incident)
        if art.published_at is not None:
            frames = [f for f in frames if not history(f, published.date())]
            if not frames:
                return []
        frames = lend_lede_clause(frames)
        relevance = self._relevance(art, frames)
        if relevance < 0.5:
            return []
        # the classifier's type scores, computed only for a frame whose trigger votes tie (or that has no trigger)
        type_scores = [partial(self._type_score, frame) for frame in frames]
        lede = lede_date(infos) or frame_date(frames[0])
        summary_day = summary_lede_date(infos, frames)
        shared = [s for s in infos if s.groups and not s.background and EVERY_INCIDENT.search(s.sent.text)] if len(frames) > 1 else []
        if shared and any(says_no_claim(s.sent.text) and EVERY_INCIDENT.search(s.sent.text) for s in infos):
            # "No group immediately claimed either attack": a claim over several incidents told later is of others (of
            # a recap's two bombings), not of the incidents the report says no one claimed
            shared = []
        timeline = newest_first(infos)
        lede_place = self._lede_place(infos) if len(frames) > 1 else None
        events: list[ExtractedEvent] = []
        updates: set[int] = set()  # a bulletin's later items that only update an earlier one
        # ("We also close the file on last week's Darra Adam Khel abduction" in a digest's opening note: a first frame that
        # only names a known incident before items that report theirs is the digest's preview, not an incident)
        preview = len(frames) > 1 and _only_mentioned(frames[0]) and not all(_only_mentioned(f) for f in frames[1:])
        for k, (frame, scores) in enumerate(zip(frames, type_scores, strict=True)):
            if _hearsay(frame) or (k == 0 and preview):
                continue
            if k == 0 or (k == 1 and preview) or not (_only_mentioned(frame) or (events and recalled_before(frame, events[0]))):
                before = events[-1] if events else None
                # (a frame that says no group claimed its attack takes no claim over all the report's incidents)
                claims_of_all = [] if shared and any(says_no_claim(s.sent.text) for s in frame.sentences) else shared
                events.append(self._event(frame, published.date(), relevance, scores, lede, claims_of_all, timeline,
                                          before, summary_day, several=len(frames) > 1, lede_place=lede_place))
                if k and _stamped_item(frame) and not places_named(frame):
                    updates.add(len(events) - 1)
        events = fold_updates(events, updates)
        # (a first frame with nothing of its own before a later one that counts its dead is a feature's scene:
        # "When the explosion lifted the front of the train off the rails, he remembers, ...")
        counted_later = any(not _no_figures(e) for e in events[1:])
        kept = [e for k, e in enumerate(events) if not _uneventful_operation(e) and not _unplaced_and_unharmed(e)
                and not ((k or counted_later) and _undated_aside(e))]
        if len(kept) == 1 and art.title.strip():
            kept[0] = self._from_headline(kept[0], art.title, published, infos)
        return kept

    def _from_headline(self, event: ExtractedEvent, title: str, published: datetime,
                       infos: list[SentenceInfo]) -> ExtractedEvent:
        """A report of one incident takes from its headline what its body does not state: a count of a kind, or the
        district of the scene. The headline is parsed once, and only when one of them is missing."""
        count_missing = event.killed is None or event.injured is None
        place_missing = event.location.district is None or _placed_aside(event, infos)
        if not (count_missing or place_missing):
            return event
        doc = self.nlp.make_doc(headline_sentence(title.strip()[:HEADLINE_MAX_CHARS], self.casualties.person_nouns))
        doc._.published = published
        doc = self.nlp(doc)
        if count_missing:
            event = self._headline_toll(event, doc)
        if place_missing:
            event = self._headline_place(event, doc)
        return event

    def _headline_place(self, event: ExtractedEvent, doc: Doc) -> ExtractedEvent:
        """A report of one incident whose body names no district of the scene takes the headline's (`doc`: "how the
        Akora Khattak bomber reached the front row" over a body that names the seminary and the hospitals only)."""
        mentions = [m for info in doc._.sentences for m in info.locations]
        place = self.locations.choose(mentions, 0)
        if place is None or not place[0].district:
            return event
        evidence_update = {**event.evidence, "location": evidence(place[1].span).model_copy(update={"in_title": True})}
        return event.model_copy(update={"location": place[0], "evidence": evidence_update})

    def _lede_place(self, infos: list[SentenceInfo]) -> tuple[Location, LocationMention] | None:
        """The place of the report's first paragraph, when it names one district only: where the report's incidents
        are, for those told later without a place of their own."""
        lede = [s for s in infos if s.paragraph == infos[0].paragraph] if infos else []
        mentions = [m for s in lede for m in s.locations]
        districts = {district_of(m.kind, m.name) for m in mentions if m.kind in ("place", "district") and not m.dateline}
        if not districts:
            # ("QUETTA: At least five worshippers were martyred ... in the Nawa Killi area of the city": a local
            # dateline is the lede's city when the lede names no other)
            mentions = [m for m in mentions if m.dateline]
            districts = {district_of(m.kind, m.name) for m in mentions if m.kind in ("place", "district")}
        if len(districts) != 1:
            return None
        place = self.locations.choose(mentions, lede[0].index)
        return place if place is not None and place[0].district else None

    def _headline_toll(self, event: ExtractedEvent, doc: Doc) -> ExtractedEvent:
        """A report of one incident whose body gives no count of a kind takes the headline's (`doc`: "9 BC personnel
        martyred in suicide blast" over "several personnel were martyred"): the article states it, only not in its text."""
        figures = [f for info in doc._.sentences for f in info.casualties if not f.claimed]
        # a figure whose words hold another's is a parse that ran over the headline's ellipsis ("104 passengers freed,
        # 16 attackers killed" read as 104 killed)
        figures = [f for f in figures if not any(_inside(g, f) for g in figures)]
        update: dict[str, Any] = {}
        evidence_update = dict(event.evidence)
        for kind in ("killed", "injured"):
            found = aggregate_figures(prefer_reported([f for f in figures if f.kind == kind]))
            if getattr(event, kind) is not None or found is None or found[0] <= 0:
                continue
            if kind == "killed" and implausible_toll(found[0], [f for f in figures if f.kind == kind]):
                continue
            update[kind] = found[0]
            evidence_update[kind] = evidence(found[1].span).model_copy(update={"in_title": True})
        return event.model_copy(update={**update, "evidence": evidence_update}) if update else event

    def _classifier_frame(self, art: Article, infos: list[SentenceInfo]) -> list[Frame]:
        """One frame for a report the rules could not segment (no strong trigger sentence).

        Only when the classifier is confident the text reports an incident and the text has
        a casualty figure or an incident word that is not a reference to an incident already known.
        """
        if self.classifier is None:
            return []
        candidates = [i for i in infos if not i.background and not i.non_event]
        # (an incident the reader knows, "the facilitators of the attack" in an anniversary feature, is none told)
        if not any(i.casualties or any(not known_reference(i, t) for t in i.triggers) for i in candidates):
            return []
        text = " ".join([art.title, *(i.sent.text for i in candidates[:2])]).strip()
        try:
            prob = float(self.classifier.relevance([text])[0])
        except Exception as exc:  # noqa: BLE001 - classifier failure falls back to rules
            log.warning("classifier relevance failed: %s", exc)
            return []
        return [Frame(sentences=candidates)] if prob >= CLASSIFIER_FRAME_MIN else []

    def _relevance(self, art: Article, frames: list[Frame]) -> float:
        """Rules (trigger strength + figures) combined with the classifier's probability."""
        best = max(_frame_strength(f) for f in frames)
        rules = min(1.0, 0.5 + 0.4 * best)
        if self.classifier is None:
            return rules
        opener = frames[0].opener or frames[0].sentences[0]
        text = f"{art.title}. {opener.sent.text}".strip(". ")
        try:
            prob = float(self.classifier.relevance([text])[0])
        except Exception as exc:  # noqa: BLE001 - classifier failure falls back to rules
            log.warning("classifier relevance failed: %s", exc)
            return rules
        return 0.6 * rules + 0.4 * prob if best >= 0.8 else 0.4 * rules + 0.6 * prob

    def _type_score(self, frame: Frame) -> dict[str, float] | None:
        """The classifier's event-type probabilities for one frame (its opener sentence), or None."""
        if self.classifier is None:
            return None
        try:
            return self.classifier.event_type_scores([(frame.opener or frame.sentences[0]).sent.text])[0]
        except Exception as exc:  # noqa: BLE001
            log.warning("classifier event types failed: %s", exc)
            return None

    def _embeddings(self, events: list[ExtractedEvent]) -> list[list[float] | None]:
        """Embed each event's evidence sentences (joined), in one classifier batch."""
        if self.classifier is None or not events:
            return [None] * len(events)
        texts = []
        for ev in events:
            sentences = list(dict.fromkeys(e.sentence for e in ev.evidence.values()))
            texts.append(" ".join(sentences) or ev.event_type)
        try:
            matrix = self.classifier.embed(texts)
        except Exception as exc:  # noqa: BLE001
            log.warning("embedding failed: %s", exc)
            return [None] * len(events)
        return [[float(x) for x in row] for row in matrix]

    def _event(self, frame: Frame, published: date, relevance: float, type_scores: ScoresSource,
               lede: DateMention | None = None, shared: Sequence[SentenceInfo] = (),
               timeline: dict[int, int] | None = None, before: ExtractedEvent | None = None,
               summary: DateMention | None = None, several: bool = False,
               lede_place: tuple[Location, LocationMention] | None = None) -> ExtractedEvent:
        """Fill one ExtractedEvent from a frame (`lede`: the first frame's date, for roundups; `timeline`: the
        sentences' order in time on a newest-first live page; `before`: the event the report told just before;
        `summary`: the day of a lede that sums up the report's incidents; `several`: the report frames more than one
        incident; `lede_place`: the one district the lede names, for a frame that names no place)."""
        # (a sentence on the aftermath that gives the running toll still counts: "the number of martyrs ... rose to
        # twenty-six, while the funeral prayers of the soldiers were offered")
        sents = [s for s in frame.sentences if not s.non_event or running_toll(s)] or frame.sentences
        opener = frame.opener or frame.sentences[0]
        own = own_part_of_lede(opener)
        triggers = [t for s in sents for t in s.triggers if own(t.span)]
        event_type, trigger = self.event_types.choose(triggers, type_scores)
        opener_day = frame_date(frame, opener.index)
        figures = elliptic_more([f for s in sents if not older_incident(s, opener_day) for f in s.casualties if own(f.span)])
        lead_in = [s for s in sents if s.index < opener.index and not s.triggers]
        event_type = _refine_type(event_type, figures, triggers, opener, self.casualties.attacker_nouns, lead_in)
        if trigger is not None and trigger.event_type != event_type:
            trigger = max((t for t in triggers if t.event_type == event_type), key=lambda t: t.strength, default=trigger)
        if trigger is not None and _aftermath(frame, trigger, opener):
            # the kind's word in the lede tells when and where ("three militants were killed in an exchange of fire late
            # on Monday, the CTD said" before "a search operation ... was under way on Tuesday")
            trigger = max((t for t in triggers if t.event_type == event_type and t.span.sent_index == opener.index),
                          key=lambda t: t.strength, default=trigger)
        event_day = frame_date(frame, trigger.span.sent_index, trigger) if trigger is not None else opener_day
        if event_day != opener_day:
            # the event's own day, as its date is chosen (the trigger's "on Wednesday", not the lede's "registered a
            # case on Thursday"): a figure of that day is no older incident's
            figures = elliptic_more([f for s in sents if not older_incident(s, event_day) for f in s.casualties if own(f.span)])
        ev: dict[str, Evidence] = {}
        fields: dict[str, Any] = {"event_type": event_type}
        if trigger is not None:
            ev["event_type"] = evidence(trigger.span)
        else:
            ev["event_type"] = evidence(TextSpan.from_span(opener.sent, opener.index), narrow=False)
        fields["suicide"] = any(t.suicide for t in triggers)
        # a device foiled: the sentence that foils names a bombing ("the bomb was defused"), not a raid ("foiled their
        # attempt to get inside" in a report of gunfire and explosions)
        foiled = any(s.foiled and any(t.event_type == "bombing" for t in s.triggers) for s in sents) and not any(
            f.value > 0 and f.kind in ("killed", "injured") for f in figures
        )
        trig_sent = trigger.span.sent_index if trigger else opener.index
        place = self.locations.choose([m for s in frame.sentences for m in s.locations if own(m.span)], trig_sent,
                                      [(t.span.sent_index, t.span.text) for t in triggers], _toll_sentences(figures, opener.index))
        if place is None and not any(s.locations for s in frame.sentences):
            # "Eight were killed in two gun attacks in Upper Kurram ... The first took place on a road" (a dateline's
            # city only for an incident with a toll of its own, not a turn of the story such as a denial)
            harmed = any(f.kind in ("killed", "injured") for f in figures)
            place = lede_place if lede_place is not None and (not lede_place[1].dateline or harmed) else None
        figures = without_other_place_clause(figures, frame, place[0].district if place else None)
        if several:
            figures = own_tolls(figures, opener.sent.doc)
        figures = without_attackers_bodies(figures)
        self._fill_figures(fields, ev, figures, foiled, event_type, timeline)
        completeness = self._fill_context(fields, ev, frame, published, event_type, trig_sent, place, lede, shared, trigger,
                                          summary)
        if place is None and before is not None and before.location.district and _timed_after_the_last(opener):
            # "Less than an hour after the blast, armed men fired on a rescue team near Kosh Kalat": where the incident
            # it is timed from was, when it names no place the gazetteer knows
            fields["location"] = before.location
            if "location" in before.evidence:
                ev["location"] = before.evidence["location"]
        if before is not None and same_day_as_before(frame, trig_sent):
            fields["date"], fields["date_precision"], day_evidence = day_told_before(before, lede)
            if day_evidence is not None:
                ev["date"] = day_evidence
        if is_targeted_killing(fields, triggers, opener.sent.text, tuple(m.target_type for m in opener.sent._.targets)):
            fields["event_type"] = "targeted_killing"
        if fields["event_type"] == "targeted_killing" and (armed_victim(frame) or (fields.get("killed") or 0) > SELECTED_MAX_KILLED
                                                           or (fields.get("killed") == 0 and fields.get("attackers_killed"))):
            # a fight between armed actors, a shooting of many, or one in which only the attackers were shot dead ("two
            # attackers were shot dead and no one in the convoy was killed"): not one singled out
            fields["event_type"] = "armed_assault"
        strength = min(1.0, trigger.strength if trigger else 0.4)
        penalty = 0.1 if fields["date_precision"] == "unknown" else 0.0
        confidence = max(0.0, min(1.0, 0.35 * relevance + 0.35 * strength + 0.3 * completeness - penalty))
        fields["review"] = implausible_toll(fields.get("killed"), [f for f in figures if f.kind == "killed"])
        if fields["review"]:
            confidence *= REVIEW_CONFIDENCE_FACTOR
        fields["confidence"] = round(confidence, 3)
        return ExtractedEvent(**fields, evidence=ev)

    @staticmethod
    def _fill_figures(fields: dict[str, Any], ev: dict[str, Evidence], figures: list[CasualtyFigure],
                      foiled: bool, event_type: str, order: dict[int, int] | None = None) -> None:
        """killed / injured / attackers_killed / kidnapped with evidence."""
        # the victims are counted by the officials: a group's own count of any kind is its claim ("the military put
        # the martyrs at five; the BLA claimed eight killed and three wounded": no injured figure); an official nil count
        # stands against the group's count of its own kind ("the army said no one in the convoy was killed")
        counted = any(not f.claimed and f.value > 0 and not f.sub_count and f.kind in ("killed", "injured") for f in figures)
        official = {"killed", "injured"} if counted else {
            f.kind for f in figures if not f.claimed and f.value == 0 and f.kind in ("killed", "injured")}
        figures = [f for f in figures if not (f.claimed and f.kind in official)]
        for kind in FIGURE_KINDS:
            found = aggregate_figures(prefer_reported([f for f in figures if f.kind == kind]), order)
            if found is not None:
                fields[kind] = found[0]
                ev[kind] = evidence(found[1].span)
        if fields.get("injured"):
            fields["injured"] = max(0, fields["injured"] - died_of_injuries(figures, fields.get("killed"), order))
        if foiled and event_type == "bombing":  # a foiled or defused device harmed no one; a foiled raid tells its own toll
            fields["killed"], fields["injured"] = 0, 0
            ev.pop("killed", None)
            ev.pop("injured", None)
        if event_type == "kidnapping" and fields.get("kidnapped") is None:
            fields["kidnapped"] = None

    def _fill_context(self, fields: dict[str, Any], ev: dict[str, Evidence], frame: Frame, published: date,
                      event_type: str, trig_sent: int, loc: tuple[Location, LocationMention] | None,
                      lede: DateMention | None = None,
                      shared: Sequence[SentenceInfo] = (), trigger: Trigger | None = None,
                      summary: DateMention | None = None) -> float:
        """Date, location (`loc`, chosen by the caller), perpetrator and target; returns the completeness score
        (0..1)."""
        filled = 0
        chosen = frame_date(frame, trig_sent, trigger)
        if chosen is not None and summary is not None and summary.precision == "day" and (
                chosen.value - timedelta(days=AFTERMATH_WINDOW_DAYS) <= summary.value < chosen.value) and (
                _aftermath_day(frame, chosen)):
            chosen = summary  # "one of the soldiers died in hospital on Tuesday" under a lede on Monday's attacks
        if chosen is not None and _vaguer_than_lede(chosen, lede, frame):
            chosen = lede  # "Policemen staged a protest earlier this month" in one of a roundup's incidents of Tuesday
        if chosen is not None:
            fields["date"], fields["date_precision"] = chosen.value, chosen.precision
            ev["date"] = evidence(chosen.span)
            filled += 1
        elif _stamped_item(frame):
            fields["date"], fields["date_precision"] = published, "day"  # "3) 0945 hrs — NOSHKI: Blast on rly track ..."
        elif lede is not None:
            fields["date"], fields["date_precision"] = lede.value, lede.precision
        else:
            fields["date"], fields["date_precision"] = published, "unknown"
        if loc is not None:
            fields["location"] = loc[0]
            ev["location"] = evidence(loc[1].span)
            filled += 1
        else:
            fields["location"] = Location()
        own = {s.index for s in frame.sentences}
        # "ISKP claimed responsibility for both blasts": a claim over all of a roundup's incidents counts for each
        groups = [g for s in frame.sentences for g in s.groups] + [g for s in shared if s.index not in own for g in s.groups]
        if loc is not None and loc[0].district:
            sentences = {s.index: s for s in (*frame.sentences, *shared)}
            district = district_of("district", loc[0].district)
            groups = [g for g in groups if not _acts_elsewhere(g, sentences[g.span.sent_index], district)
                      and not _another_days_incident(sentences[g.span.sent_index], district, fields["date"])]
        if event_type != "security_operation":
            # "shot dead Maulana X, district leader of the ASWJ": the victim's party, named without a word of blame
            groups = [g for g in groups if g.attribution != "unknown" or not _affiliation(g, frame)]
        claims = [s for s in frame.sentences if s.claim and not s.groups]
        lede_sent = frame.opener or frame.sentences[0]
        perp = choose_perpetrator(groups, bool(claims), lede_sent.index)
        if perp is not None:
            # a group the lede names as the actor (or an operation's target group) without a claim is blamed
            attribution = "blamed" if perp.attribution == "unknown" else perp.attribution
            fields["perpetrator"] = Perpetrator(name=perp.name, attribution=attribution, mention=perp.mention)  # type: ignore[arg-type]
            ev["perpetrator"] = evidence(perp.span)
        elif claims and event_type != "security_operation":
            # (a claim by no group the text names leaves the perpetrator unknown, as a null perpetrator has no
            # attribution; the claim stays as its evidence: "The group claimed responsibility in a statement")
            named = (_claimant_named_before(claims[0]) or _claimant_named_after(claims[0])
                     or _claimant_of_an_earlier_claim(claims[0]))
            if named is not None:
                fields["perpetrator"] = Perpetrator(name=named.name, attribution="claimed", mention=named.mention)
            ev["perpetrator"] = evidence(TextSpan.from_span(claims[0].sent, claims[0].index), narrow=False)
        targets = [t for s in frame.sentences for t in s.targets]
        target = self.targets.choose(targets, event_type, trig_sent, lede_sent.index)
        if target is not None:
            fields["target_type"] = target.target_type
            ev["target_type"] = evidence(target.span)
            filled += 1
        if "killed" in ev or "injured" in ev:
            filled += 1
        return filled / 4


@lru_cache(maxsize=1)
def record_toll() -> int:
    """The largest toll of a militant attack in Pakistan on record (`data/deadliest_attacks.json`)."""
    data = json.loads((DATA_DIR / "deadliest_attacks.json").read_text(encoding="utf-8"))
    return max(int(a["killed"]) for a in data["attacks"])


def _placed_aside(event: ExtractedEvent, infos: list[SentenceInfo]) -> bool:
    """The event's place is one the text names only aside (a hospital's city, a victim's home town): the report names
    no other."""
    told = event.evidence.get("location")
    if told is None or told.in_title:
        return False
    names = {event.location.place, event.location.district} - {None}
    found = [m for info in infos if info.sent.start_char == told.start for m in info.locations if m.name in names]
    return bool(found) and all(m.in_aside() for m in found)


def headline_sentence(title: str, person_nouns: frozenset[str]) -> str:
    """The headline with the article it drops before a lone person ("Policeman guarding polio team embraces martyrdom"
    → "A policeman guarding ..."), so that it reads as the sentence it shortens."""
    first, _, rest = title.partition(" ")
    if first.lower() in person_nouns and not first.lower().endswith("s") and first[:1].isupper():
        return f"A {first.lower()} {rest}"
    return title


def implausible_toll(killed: int | None, figures: list[CasualtyFigure]) -> bool:
    """A toll above the deadliest attack on record, or far above every other killed figure the
    event's sentences give (one sentence's number that nothing else in the report supports)."""
    if not killed:
        return False
    if killed > record_toll():
        return True
    others = [f.value for f in figures if f.value != killed and not f.sub_count]
    return bool(others) and killed >= UNSUPPORTED_MIN and killed > UNSUPPORTED_RATIO * max(others)


def local_time(moment: datetime) -> datetime:
    """Publication time in Pakistan time (relative dates are written from the newsroom's day);
    a naive time is taken as local already."""
    return moment.astimezone(PKT) if moment.tzinfo is not None else moment.replace(tzinfo=PKT)


def is_targeted_killing(fields: dict[str, Any], triggers: list[Trigger], lede: str = "",
                        lede_targets: tuple[str, ...] = ()) -> bool:
    """An armed assault on a person, not in a clash: one killed, and a soldier or policeman only when singled out
    by post or duty and not at a post, station or convoy ("the SHO of Kulachi was martyred when gunmen opened fire
    on his vehicle" is targeted; "a constable was martyred when militants attacked the check post" is not).

    One bystander wounded alongside the victim, or one companion killed with the target ("a tribal elder and his
    guard were shot dead"), does not make it an indiscriminate attack."""
    killed, injured = fields.get("killed"), fields.get("injured") or 0
    target = fields.get("target_type")
    # two dead: a target and his companion, two men singled out by post or duty, or two of a community or calling
    # that is itself the target ("two Sikh shopkeepers", "two tribal elders")
    pair = killed == 2 and bool(COMPANION.search(lede) or SELECTED.search(lede) or target in SINGLED_OUT_TARGETS
                                or any(t in SINGLED_OUT_TARGETS for t in lede_targets))
    if fields["event_type"] != "armed_assault" or not (killed == 1 or pair):
        return False
    # (one man singled out by post or duty may have his team or escort wounded with him: "shot dead a polio worker and
    # wounded another as well as a policeman escorting them")
    if injured > (SELECTED_WOUNDED if killed == 1 and SELECTED.search(lede) else 1) or fields.get("attackers_killed") or any(
            t.span.text.lower() in CLASH_WORDS for t in triggers):
        return False
    if any(t in ("police", "security_forces") for t in lede_targets) and FACILITY.search(AFFILIATION.sub("", lede)):
        return False  # "Two Levies personnel were killed ... when gunmen attacked their checkpost": the post's men
    if target in ("police", "security_forces"):
        singled_out = SELECTED.search(lede) or ON_MOTORCYCLES.search(lede)
        return bool(singled_out) and not FACILITY.search(AFFILIATION.sub("", lede))
    return target not in NOT_TARGETED


def armed_victim(frame: Frame) -> bool:
    """The victim belongs to an armed group (a pro-government militia, a "death squad"): a fight between armed
    actors, not the targeted killing of a civilian or official."""
    text = f" {normalise(' '.join(s.sent.text for s in frame.sentences))} "
    return any(f" {w} " in text for w in ARMED_VICTIMS)


# "20:10 PKT —", "9:30 am -": an entry of a live page
_ENTRY_STAMP = re.compile(r"^\W*(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:PKT|PST|GMT|UTC|hrs)?\s*[—–-]", re.IGNORECASE)


def newest_first(infos: list[SentenceInfo]) -> dict[int, int] | None:
    """On a live page whose timestamped entries run newest first, each sentence's place in time (its entry
    counted from the oldest); None for any other text."""
    stamps: list[tuple[int, int]] = []  # (paragraph, minutes)
    seen: set[int] = set()
    for info in infos:
        if info.paragraph in seen:
            continue
        seen.add(info.paragraph)
        found = _ENTRY_STAMP.match(info.sent.text)
        if found:
            hour, minute, half = int(found.group(1)), int(found.group(2)), (found.group(3) or "").lower()
            hour = hour % 12 + 12 if half.startswith("p") else hour % 12 if half.startswith("a") else hour
            stamps.append((info.paragraph, hour * 60 + minute))
    if len(stamps) < 3:
        return None
    falls = sum(1 for (_, a), (_, b) in zip(stamps, stamps[1:], strict=False) if b < a)
    if falls * 2 <= len(stamps) - 1:
        return None
    last = max(info.paragraph for info in infos)
    return {info.index: (last - info.paragraph) * 1000 + info.index for info in infos}


# words that name an incident in a headline ("Bomb kills five", "Gunmen attack police post")
INCIDENT_WORD = re.compile(r"\b" + INCIDENT_NOUN_PATTERN + r"\b|\b(?:killed|martyred|bomb|bomber|gunmen|militants)\b", re.I)


def _dated_claim(info: SentenceInfo) -> bool:
    """A claim the sentence dates to a day ("Late on Wednesday, the group claimed both attacks"), not a claim recalled
    without one ("the TTP had claimed the attack")."""
    return any(d.precision == "day" for d in info.dates) and not in_past_perfect(info.sent)


def untold(infos: list[SentenceInfo], opener: SentenceInfo, title: str = "") -> bool:
    """Nothing before the opener, headline included, names an incident: a definite "the explosion" there has nothing to
    point back to ("On the road to Hub" ... "The explosion threw the vehicle across the carriageway")."""
    return not INCIDENT_WORD.search(title) and not any(i.triggers for i in infos if i.index < opener.index)


def news_in_lede(infos: list[SentenceInfo], first: Frame, title: str = "") -> bool:
    """A news report gives its incident in the first paragraphs (inverted pyramid); when the first
    incident opens only after `LEDE_PARAGRAPHS` paragraphs of other matter (a funeral, a verdict,
    a rail timetable, statistics), the article reports no new incident."""
    opener = first.opener or first.sentences[0]
    words: dict[int, int] = {}
    # "Offences: ...", "Place of occurrence: ...": a form's labelled fields (every sentence of the paragraph a short
    # "label: value"), not other matter
    fields: dict[int, bool] = {}
    bullets: set[int] = set()
    numbered: set[int] = set()
    for info in infos:
        field = bool(SECTION_LABEL.match(info.sent.text)) and len(info.sent) < FIELD_MAX_TOKENS
        fields[info.paragraph] = fields.get(info.paragraph, True) and field
        if info.paragraph not in words and BULLET.match(info.sent.text):
            bullets.add(info.paragraph)  # "* Bus was travelling from Gilgit to Rawalpindi": a wire's summary point
        if info.paragraph not in words and ITEM_NUMBER.match(info.sent.text):
            numbered.add(info.paragraph)  # "2. Attock (Punjab), 9 September.": a numbered brief's item
        words[info.paragraph] = words.get(info.paragraph, 0) + len(info.sent)
    # when the opener's paragraph is a numbered item, the items before it ("1. Overview. ...") are the brief's other
    # entries, not matter before a lede
    listed = numbered if opener.paragraph in numbered else set()
    before = sum(1 for par, n in words.items()
                 if par < opener.paragraph and n >= LEDE_MIN_TOKENS and not fields[par] and par not in bullets
                 and par not in listed)
    if before < LEDE_PARAGRAPHS or _militants_act_in_lede(infos, first) or _running_toll_lede(infos, first):
        return True
    if _headline_count(title, opener):
        return True  # a feature's scene-setting lead-in: the opener gives the count the headline announces
    if _first_act_told(infos, first, opener, title):
        return True
    if _dated_toll(opener) and not reaction_lede(infos):
        return True  # "Three men died in the attack late on Tuesday": a feature's scene, then the news
    # the paragraph's sentences before the opener set its day ("Last Tuesday the men gathered as usual. Two boys were
    # pouring tea. At about half past seven, a bomb ... exploded")
    return fresh_report(opener, _lead_in(infos, opener), known_ok=untold(infos, opener, title))


FRESH_TOLL_DAYS = 3  # a toll dated this many days before publication at most is the report's news


def _dated_toll(opener: SentenceInfo) -> bool:
    """The opener tells the dead and the day they died, one of the last few before publication ("Three men died in the
    attack late on Tuesday"), as something that happened, not as told before ("had been killed")."""
    published = opener.sent.doc._.published
    if published is None or any(_told_as_before(t, opener) for t in opener.triggers):
        return False
    if not any(f.kind == "killed" and f.value > 0 and not f.earlier for f in opener.casualties):
        return False
    # (a day of its own, not one naming an incident the reader knows: "Sunday's bombing killed more than 50")
    return any(d.precision == "day" and not (d.background or d.reporting or names_incident(opener.sent, d.span))
               and 0 <= (published.date() - d.value).days <= FRESH_TOLL_DAYS for d in opener.dates)


FIRST_ACT_STRENGTH = 0.7  # a shot or a blast told plainly ("The pillion rider fired with a Kalashnikov")


def _first_act_told(infos: list[SentenceInfo], first: Frame, opener: SentenceInfo, title: str) -> bool:
    """A feature that opens on the scene tells the incident's first act before the toll that opens the frame, in a
    paragraph that dates it ("On Thursday evening, after the Maghrib prayer, the elder was walking back from the mosque
    when two men on a motorcycle came up from behind. The pillion rider fired with a Kalashnikov"): news of that day."""
    act = next((i for i in first.sentences if i.index < opener.index and not (i.background or i.non_event) and i.triggers),
               None)
    if act is None:
        return False
    return fresh_report(act, _lead_in(infos, act), known_ok=untold(infos, act, title), strength=FIRST_ACT_STRENGTH)


def _lead_in(infos: list[SentenceInfo], act: SentenceInfo) -> list[SentenceInfo]:
    """The sentences that set the day of an act told after a scene: its paragraph's before it or, when it opens its
    paragraph, the paragraph before ("On Monday one of those vans never reached the school gate. ... \n\n According
    to villagers, a man stepped in front of the van and fired")."""
    lead_in = [i for i in infos if i.paragraph == act.paragraph and i.index < act.index]
    return lead_in or [i for i in infos if i.paragraph == act.paragraph - 1]


def _headline_count(title: str, opener: SentenceInfo) -> bool:
    """The headline names an incident and a number that the opener gives as its own count ("Kalat coach attack: toll
    revised to six" over "Six passengers were killed ... in Tuesday night's attack")."""
    if not INCIDENT_WORD.search(title):
        return False
    told = {casualties.word_value(w.replace("-", " ").split()) for w in re.findall(r"[\w-]+", title.lower())}
    return any(f.value in told for f in opener.casualties
               if f.value > 0 and f.kind in ("killed", "injured") and not (f.earlier or f.claimed or f.sub_count))


def _running_toll_lede(infos: list[SentenceInfo], first: Frame) -> bool:
    """The lede, a sentence of the first frame, gives the incident's running death toll ("The number of martyrs of
    yesterday's attack rose to twenty-six, while the funeral prayers were offered"): news of the incident, whatever
    else it tells."""
    lede = next((i for i in infos if len(i.sent) >= LEDE_MIN_TOKENS), None)
    return lede is not None and lede in first.sentences and running_toll(lede)


TOLL_AFTER_LEDE = 2  # sentences after a reaction lede that may still give the incident's running toll
TOLL_RISING = RISE_WORDS | RISE_VERBS  # "rose", "has climbed", "raising"


def running_toll(info: SentenceInfo) -> bool:
    """The sentence tells the incident's death toll rising ("rose to twenty-six", "has climbed to 40"), not an earlier
    or claimed count, nor the toll a victim was one of ("one of the 12 people killed in Tuesday's bombing")."""
    rising = any(t.lower_ in TOLL_RISING for t in info.sent)
    return rising and any(f.total and f.value > 0 and not f.earlier and not f.claimed and f.kind == "killed"
                          for f in info.casualties)


def _militants_act_in_lede(infos: list[SentenceInfo], first: Frame) -> bool:
    """The lede, a sentence of the first incident, tells militants acting on a day it names ("On the night of 31
    January, terrorists attempted to establish road blocks near Mangochar"): the incident's opening, whatever word
    the act takes, so the toll that follows it paragraphs later is news."""
    lede = next((i for i in infos if len(i.sent) >= LEDE_MIN_TOKENS), None)
    return (lede is not None and lede in first.sentences and lede.militant_agent and not lede.background
            and any(d.precision == "day" and not d.background and not d.reporting for d in lede.dates))


def fresh_report(info: SentenceInfo, lead_in: Sequence[SentenceInfo] = (), known_ok: bool = False,
                 strength: float = STRONG_TRIGGER) -> bool:
    """A sentence that brings an incident as news, wherever it stands (a feature that reports a new attack
    in its fifth paragraph): a strong trigger the reader does not already know ("gunmen attacked a police
    post", not "the attack") on a day it or the sentence leading into it names ("The latest name was added
    on Tuesday evening. X was dragged from his car and shot dead")."""
    fresh = [t for t in info.triggers if t.strength >= strength and (known_ok or not known_reference(info, t))
             and not _told_as_before(t, info)]
    days = [d for s in (info, *lead_in) for d in s.dates if d.precision == "day" and not d.background]
    return bool(fresh) and bool(days)


def _told_as_before(trigger: Trigger, info: SentenceInfo) -> bool:
    """The incident word hangs from a verb in the past perfect ("The crossing had been shut after two incidents of
    cross-border shelling"): something told as earlier than the story's own time, not its news."""
    words = trigger.span.in_doc(info.sent.doc)
    verb = _verb_of(words.root) if words is not None else None
    return verb is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)


# "claimed responsibility for both blasts", "all three attacks": a sentence about every incident of a roundup
EVERY_INCIDENT = re.compile(r"\b(?:(?:both|all|the two|the three|the twin|either)\s+(?:of\s+the\s+|the\s+)?(?:[\w-]+\s+)?"
                            + INCIDENT_NOUN_PATTERN + r"|the\s+(?:[\w-]+\s+)?(?:attacks|blasts|bombings|ambushes))\b",
                            re.IGNORECASE)


def follow_up_only(infos: list[SentenceInfo], first: Frame, title: str = "") -> bool:
    """An article whose news is the aftermath (a funeral, arrests, condemnation): its lede paragraph
    reports no incident, and the incident comes up as something the reader already knows ("the
    attack, which killed 12", "Tuesday's bombing"), not as news ("a bomb exploded")."""
    opener = first.opener
    if opener is None:
        return False
    lede = next((i.paragraph for i in infos if len(i.sent) >= LEDE_MIN_TOKENS), None)
    if lede is None or opener.paragraph == lede or any(i.opens_frame() for i in infos if i.paragraph == lede):
        return False
    if any(i.claim for i in infos if i.paragraph == lede):
        return False  # "a group on Thursday claimed the shooting of a dentist": a claim is news of the incident
    if any(i.claim and _dated_claim(i) for i in first.sentences if not i.background):
        return False  # "Late on Wednesday, the group claimed both attacks": the claim of the day is news of them
    if any(f.total and f.value > 0 for f in opener.casualties):
        return False  # "the death toll from the attack ... has risen to six": a running toll is news of the incident
    if _running_toll_lede(infos, first):
        return False  # (in the lede: "the number of martyrs of yesterday's attack rose to twenty-six")
    if any(running_toll(i) and not i.background for i in infos if i.paragraph == opener.paragraph):
        return False  # ("... embraced Shahadat this morning. With this, the number martyred in the attack has risen to two")
    if untold(infos, opener, title):
        return False
    if not any(_tells_of_aftermath(i) for i in infos if i.paragraph == lede):
        return False  # a feature's scene ("The kettle was still on the stove ..."): the lede is no aftermath's news
    return all(known_reference(opener, t) or _arrest_raid(opener, t) for t in opener.triggers) and bool(opener.triggers)


def _arrest_raid(info: SentenceInfo, trigger: Trigger) -> bool:
    """"the suspects were arrested during a raid in the Johan area": an operation that arrests suspects and harms no one
    is the aftermath's own step, not an incident."""
    return trigger.event_type == "security_operation" and not info.casualties and any(
        t.pos_ == "VERB" and t.lower_ in ARREST_VERBS for t in info.sent)


def _tells_of_aftermath(info: SentenceInfo) -> bool:
    """The sentence names an incident or its victims, or tells a reaction ("mourners buried", "police arrested")."""
    return bool(INCIDENT_WORD.search(info.sent.text) or info.triggers or info.casualties) or any(
        t.pos_ in ("VERB", "AUX") and _reaction_verb(t.text, participle=True) for t in info.sent)


# The lede's main verb when the news is a reaction to an incident the reader already knows
REACTION_VERBS = frozenset({
    "condemn", "denounce", "arrest", "detain", "apprehend", "nab", "impose", "sentence", "convict", "acquit",
    "bury", "mourn", "protest", "demand", "visit", "announce", "offer", "award", "compensate", "ban", "suspend",
    "express", "vow", "pledge", "chair", "summon", "urge", "criticise", "criticize", "deny", "reject", "confess",
    "identify", "attend", "resume", "extend", "lift", "seal", "order", "form", "constitute", "hang", "gather",
    "stage",
})
IRREGULAR_REACTIONS = frozenset({"held", "paid", "laid", "hanged", "hung", "sought", "met", "rounded", "sat"})  # ("sat" in a sit-in)


def _reaction_verb(word: str, participle: bool = False) -> bool:
    """"condemned", "arrests", "buried", "denies": a form of a reaction verb (with `participle`, "condemning" too)."""
    word = word.lower()
    if word in IRREGULAR_REACTIONS:
        return True
    stems = {word}
    if word.endswith(("s", "d")):
        stems.add(word[:-1])  # arrests, staged
    if word.endswith(("ed", "es")):
        stems.add(word[:-2])  # condemned (not "Bannu", a dateline taken for the verb)
    if word.endswith(("ied", "ies")):
        stems.add(word[:-3] + "y")  # buried, denies
    if participle and word.endswith("ing"):
        stems |= {word[:-3], word[:-3] + "e"}  # condemning, staging
    return bool(stems & REACTION_VERBS)


def _lede_verb(info: SentenceInfo) -> Any:
    """The lede's main verb, looking through the attribution ("X has arrested four ..., the government said")."""
    root = info.sent.root
    if root.pos_ not in ("VERB", "AUX"):  # "BAJAUR: The administration has imposed ...": the dateline heads the parse
        # the verb the dateline governs, else the first verb outside a relative clause ("Two men who were killed ...
        # were laid to rest")
        root = next((c for c in root.children if c.pos_ == "VERB"), None) or next(
            (t for t in info.sent if t.pos_ == "VERB" and not any(a.dep_ == "relcl" for a in (t, *t.ancestors))), root)
    if root.lower_ in SPEECH_VERBS or root.lower_ == "claimed":  # "CTD claimed to have arrested 11 suspects"
        return next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), root)
    return root


# "TTP claims Lakki Marwat attack", "BLA accepts responsibility for Nushki attack": a headline that announces a claim
# (not the police's "claims arrest of facilitator", "claims to have killed")
HEADLINE_CLAIM = re.compile(r"\b(?:claims?|claimed)\b(?!\s+(?:(?:the\s+)?arrests?|to|recovery|success|breakthrough)\b)"
                            r"|\b(?:accepts?|owns?|takes?)\s+responsibility\b", re.IGNORECASE)


LEDE_SENTENCES = 2  # the sentences a blame the headline announces must come in
# "Police blame Pakistani Taliban for killing of polio guard": a headline that puts the incident on a group
HEADLINE_BLAME = re.compile(r"\bblam(?:e|es|ed)\b", re.IGNORECASE)


def claim_news(infos: list[SentenceInfo], title: str) -> bool:
    """The headline announces a claim of responsibility (or a blame) and the report names the group that made it (or
    that it blames) ("Martyred SHO laid to rest; IMP claims responsibility", "Police blame TTP for killing of polio
    guard"): who did it is news of the incident, even under a lede about its funeral or the reactions to it."""
    if HEADLINE_BLAME.search(title) and any(g.attribution == "blamed" for info in infos[:LEDE_SENTENCES] for g in info.groups):
        return True
    return bool(HEADLINE_CLAIM.search(title)) and any(
        info.claim and any(g.attribution == "claimed" for g in info.groups) for info in infos)


STATEMENT_WORDS = frozenset({"saying", "said", "adding", "added", "stating"})


IN_WHICH = re.compile(r"\b(?:in|during)\s+which\b", re.IGNORECASE)


def _toll_in_statement(info: SentenceInfo, figure: CasualtyFigure) -> bool:
    """"announced the end of the operation, saying all 33 militants had been killed and that 21 passengers had been
    killed": the announcement tells a toll in a clause of its own (not "condemned the killing of 12 people")."""
    words = figure.span.in_doc(info.sent.doc)
    if words is None or figure.value <= 0 or figure.claimed:
        return False
    if IN_WHICH.search(figure.span.sentence[: figure.span.start - figure.span.sent_start]):
        return False  # "arrested two suspects in last month's bombing, in which three were martyred and seven wounded"
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head  # "... had been killed and that 21 passengers had been killed"
    # (not "police said they had arrested two men over a bombing that killed four": the arrest is what they said)
    return verb is not None and verb.dep_ == "ccomp" and verb.head.lower_ in STATEMENT_WORDS


def reaction_lede(infos: list[SentenceInfo]) -> bool:
    """The lede reports a reaction (condemnation, arrests, a curfew, a funeral) to an incident it names as
    known ("condemned Tuesday's suicide bombing", "arrested four men linked to the attack") or as a plan
    ("a curfew to facilitate an operation"), and no incident of its own."""
    lede = next((i for i in infos if len(i.sent) >= LEDE_MIN_TOKENS), None)
    if lede is None:
        return False
    # "Hundreds of journalists blocked the bypass on Tuesday. They were protesting against the killing of ...": the
    # sentence after a lede that names no incident, about the lede's people, tells what they react to; so does one
    # that reacts itself ("Markets stayed closed on Monday. Hundreds of traders staged a sit-in demanding arrests over
    # last week's grenade attack")
    after = next((i for i in infos[lede.index + 1 :] if any(t.is_alpha for t in i.sent)), None)  # (not a bullet alone)
    continued = (not lede.triggers and not lede.casualties and after is not None
                 and bool(after.triggers) and not _reaction_verb(_lede_verb(lede).text)
                 and (_goes_on_about(after) or _reacts_after(lede, after)))
    if continued and after is not None:
        lede = after
    if (lede.statistic or lede.background) and not lede.triggers and not _reaction_verb(_lede_verb(lede).text):
        return False  # "In the first nine months of 2024, this desk's database recorded 719 deaths ...": no reaction
    if any(_toll_in_statement(lede, f) for f in lede.casualties):
        return False
    if running_toll(lede):
        return False  # "the number of martyrs ... rose to twenty-six, while the funeral prayers were offered": news
    if any(running_toll(i) and not i.background for i in infos[lede.index + 1 : lede.index + 1 + TOLL_AFTER_LEDE]):
        return False  # "The last of the funerals were held on Wednesday ... The death toll ... climbed to 60": news
    verb = _lede_verb(lede)
    if verb.lower_ == "sat" and not lede.triggers and not any(
            re.search(rf"\b{word}\b", i.sent.text, re.IGNORECASE) for i in infos[lede.index : lede.index + 2] for word in PROTEST_NOUNS):
        # "The boys sat cross-legged in rows on Saturday morning": a scene, not a sit-in (which names what it is, or
        # what it protests: "women sat outside the press club ..., holding pictures of sons ... taken away")
        return False
    # "passed a resolution condemning the killing", "issued a statement condemning": the reaction its object does
    verb = next((a for o in verb.children if o.dep_ == "dobj" for a in o.children
                 if a.dep_ == "acl" and _reaction_verb(a.text, participle=True)), verb)
    if not _reaction_verb(verb.text, participle=verb.dep_ == "acl" or continued) and not (lede.non_event and lede.casualties):
        return False  # a strike, a funeral, a protest "against the killing of a party leader" reacts too
    # (a relative clause on the reaction's subject describes its people too: "two qawwals who were killed when gunmen
    # fired on a coach were laid to rest on Friday")
    return all(known_reference(lede, t) or _planned(lede, t) or _agent_of(lede, t, verb) or _in_attribution(lede, t)
               or ((t.span.start > verb.idx or _in_subject(lede, t, verb)) and _described(lede, t, verb))
               or _in_object(lede, t, verb) or _arrest_raid(lede, t) for t in lede.triggers)


def _reacts_after(lede: SentenceInfo, after: SentenceInfo) -> bool:
    """The lede, a sentence of its own (no dateline), names no incident and the sentence after it reacts with a verb
    that only reacts ("Markets stayed closed on Monday. Traders staged a sit-in ...": not "held", as in one's arms)."""
    verb = _lede_verb(after).lower_
    return _lede_verb(lede).pos_ in ("VERB", "AUX") and verb not in IRREGULAR_REACTIONS and _reaction_verb(verb)


def _goes_on_about(info: SentenceInfo) -> bool:
    """The sentence tells, in the progressive, what the people of the sentence before were doing ("They were protesting
    against ..."): it goes on about them."""
    verb = _lede_verb(info)
    return verb.tag_ == "VBG" and any(c.dep_ == "nsubj" and c.lower_ == "they" for c in verb.children)


def _in_attribution(info: SentenceInfo, trigger: Trigger) -> bool:
    """The word names who tells the news ("..., a CTD spokesman said today"): the source, not an incident."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return False
    speaker = span.root
    while speaker.dep_ in ("compound", "amod", "nmod", "poss") and speaker.head.i != speaker.i:
        speaker = speaker.head
    return speaker.dep_ == "nsubj" and speaker.head.lower_ in SPEECH_VERBS


CAUSE_PREPOSITIONS = frozenset({"after", "following", "since"})
RECAP_LEDE_DAYS = 3  # an incident this many days before publication, named only as the cause, is no news of the report


def cause_lede(infos: list[SentenceInfo], published: date) -> bool:
    """The lede's news is something else done because of an incident days old ("Embassies have tightened their
    travel advice after last week's suicide bombing in Quetta"): its main verb is no incident word, its incident
    comes after an "after"/"following" under that verb, no incident verb comes before, the lede counts no
    casualties, and every day it names lies `RECAP_LEDE_DAYS` or more days before publication."""
    lede = next((i for i in infos if len(i.sent) >= LEDE_MIN_TOKENS), None)
    if lede is None or not lede.triggers or lede.has_figures:
        return False
    verb = _lede_verb(lede)
    doc = lede.sent.doc
    cause = next((t for t in verb.subtree if t.lower_ in CAUSE_PREPOSITIONS and t.dep_ in ("prep", "mark") and t.i > verb.i),
                 None)  # ("after a bombing", "after gunmen attacked a post")
    if cause is None:
        return False
    words = [(t, span) for t in lede.triggers if (span := t.span.in_doc(doc)) is not None]
    objects = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
    if not words or any(span.root == verb or span.root.i in objects or (span.start < cause.i and span.root.pos_ == "VERB")
                        for _, span in words):
        return False  # "Militants attacked a post after ...", "conducted an IED explosion after ...": its own incident
    strongest = max(words, key=lambda w: w[0].strength)[1]
    if strongest.start <= cause.i:
        return False
    days = [d for d in lede.dates if not d.reporting]
    if not any(d.span.start >= doc[cause.i].idx for d in days) and _days_between(doc[lede.sent.start : cause.i].text):
        # "held a flag meeting on Tuesday, days after an exchange of fire", "a week after militants attacked a post":
        # an incident the lede dates only by the days between, whatever day its news is of
        return True
    # (otherwise only a preposition's incident, "after last week's suicide bombing", is the cause: "buried four
    # colleagues this week after militants ambushed a patrol on Tuesday" may still be the news of a weekly)
    return cause.dep_ == "prep" and bool(days) and all(
        _latest_day(d) <= published - timedelta(days=RECAP_LEDE_DAYS) for d in days)


# "days after", "a week after", "three days after": the interval a lede's cause lies before its news (not "hours after",
# "a day after", "two days after": the incident may be news still)
_DAYS_BEFORE_CAUSE = frozenset({"days", "week", "weeks", "month", "months"})
_TOO_FEW_DAYS = frozenset({"one", "two", "1", "2"})  # "two days after": the incident may be news still (`RECAP_LEDE_DAYS`)
NEWS_TIME_WORDS = frozenset({"this", "last", "next", "recent", "past", "coming", "the"})  # "this week after ...": the news's time


def _days_between(before_cause: str) -> bool:
    """The words before a lede's "after" give days or weeks between the incident and the news ("days after", "a week
    after", "three days after"; not "hours after", "a day after" or "two days after": the incident may be news still;
    nor "this week after": the news's own time)."""
    words = re.findall(r"[\w-]+", before_cause.lower())[-2:]
    if not words or words[-1] not in _DAYS_BEFORE_CAUSE:
        return False
    count = words[0] if len(words) == 2 else ""
    if words[-1] in ("week", "month"):
        return count in ("a", "one")
    return count not in NEWS_TIME_WORDS and not (words[-1] == "days" and count in _TOO_FEW_DAYS)


def _in_object(info: SentenceInfo, trigger: Trigger, verb: Any) -> bool:
    """The trigger lies inside what the reaction is about ("condemned the killing of a party leader in a bomb
    attack")."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return False
    # ("has arrested two suspects and recovered a suicide jacket ... in a raid": what the verbs joined to it govern)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # ("sentenced two men to death over a 2020 bombing", "arrested four men for the attack": what it answers)
    objects += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("over", "for")]
    objects += [c for v in verb.conjuncts for c in v.children if c.dep_ not in ("nsubj", "nsubjpass")]
    return any(o.left_edge.i <= span.root.i <= o.right_edge.i for o in objects)


def _in_subject(info: SentenceInfo, trigger: Trigger, verb: Any) -> bool:
    """The trigger lies inside the subject of the lede's verb."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return False
    # (a dateline parsed as the subject is no subject: "Panjgur (Roshni News) — Armed men set ablaze a tower ...")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ != "PK_LOC"]
    return any(s.left_edge.i <= span.root.i <= s.right_edge.i for s in subjects)


def _described(info: SentenceInfo, trigger: Trigger, verb: Any) -> bool:
    """The trigger only describes someone the reaction is about ("the funerals of the labourers who were pulled
    off a bus and shot dead", "condemned the attack that killed 11"): a relative clause on a noun under the
    reaction's verb."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return False
    for tok in (span.root, *span.root.ancestors):
        if tok == verb:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN") and verb in tok.head.ancestors:
            return True
    return False


def _agent_of(info: SentenceInfo, trigger: Trigger, verb: Any) -> bool:
    """The trigger is the reaction's own subject ("A joint operation ... has arrested four", "The CTD claimed
    to have arrested 11")."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return False
    node = _named_by_apposition(span.root)  # "The Counter-Terrorism Department (CTD)"
    return node.dep_ == "nsubj" and node.head in (verb, verb.head)


def _named_by_apposition(token: Token) -> Token:
    """The noun an apposition renames ("the CTD" in "The Counter-Terrorism Department (CTD)"), or the token itself."""
    while token.dep_ == "appos" and token.head.i != token.i:
        token = token.head
    return token


def separate_incident(frame: Frame) -> bool:
    """A frame opened as news of its own ("In a separate incident, a bomb went off ..."), not the known one."""
    opener = frame.opener
    return (opener is not None and opener.marker and bool(opener.triggers)
            and not all(known_reference(opener, t) for t in opener.triggers))


def _planned(info: SentenceInfo, trigger: Trigger) -> bool:
    """A trigger under an infinitive or a future ("to facilitate an operation", "will launch an operation")."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return False
    for tok in (span.root, *span.root.ancestors):
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in ("to", "will") for c in tok.children):
            return True
    return False


def _aftermath(frame: Frame, trigger: Trigger, opener: SentenceInfo) -> bool:
    """The chosen word lies outside the lede and its sentence is dated after the lede's day: the aftermath (a search
    operation the day after the clash), not the incident the lede tells."""
    if trigger.span.sent_index == opener.index:
        return False
    told, lede = frame_date(frame, trigger.span.sent_index, trigger), frame_date(frame, opener.index)
    return (told is not None and lede is not None and told.precision == lede.precision == "day"
            and told.value > lede.value)


def older_incident(info: SentenceInfo, event_day: DateMention | None) -> bool:
    """A sentence dated before the frame's event day ("On Friday a bomber had struck a mosque,
    killing 62" in Tuesday's report): its figures belong to an older incident."""
    if event_day is None or event_day.precision != "day":
        return False
    if any(f.total and not f.sub_count for f in info.casualties):
        return False  # "... died in hospital, bringing the number killed to five": the incident's running toll
    days = [d.value for d in info.dates if not d.background and d.precision == "day"]
    if days:
        return all(day < event_day.value for day in days)
    # "In October, ten personnel were martyred" in a December report: a month (or year) that ended before the event
    ends = [_period_end(d) for d in info.dates if d.precision in ("month", "year")]
    return bool(ends) and all(end < event_day.value for end in ends)


HISTORY_DAYS = 31  # an incident its report dates this long before publication is history, not news
RECALLED_DAYS = 5  # a later incident dated this long before the report's first one is recalled, not reported


def _opener(frame: Frame) -> SentenceInfo | None:
    return frame.opener or (frame.sentences[0] if frame.sentences else None)


def history(frame: Frame, published: date) -> bool:
    """The frame's opener dates each of its incident words, by the date nearest to it, to a day or period ended over
    a month before the report ("A court yesterday awarded life imprisonment in the case of the grenade attack on a
    tea stall in June 2023"): a trial, an anniversary or a recap, not news."""
    opener = _opener(frame)
    if opener is None or not opener.triggers or not opener.dates or opener.entry:
        return False  # (a periodic report's entry is one of the period's incidents)

    def nearest(trigger: Trigger) -> DateMention:
        return min(opener.dates, key=lambda d: min(abs(d.span.start - trigger.span.end), abs(trigger.span.start - d.span.end)))

    return all(_latest_day(nearest(t)) < published - timedelta(days=HISTORY_DAYS) for t in opener.triggers)


# "A whole year has passed since ...", "Two years have gone by since ...", "One year on, ...": time counted from an old
# incident
TIME_SINCE = re.compile(r"\b(?:years?|months)\s+(?:has|have)\s+(?:passed|gone\s+by|elapsed)\s+since\b"
                        r"|^\W*(?:one|a|two|three|four|five|ten)\s+years?\s+on\b", re.IGNORECASE)


def anniversary_lede(infos: list[SentenceInfo]) -> bool:
    """The lede marks an anniversary ("The nation is observing the tenth anniversary of the school massacre today")
    and reports no incident outside what it remembers: a commemoration, not news of the old incident."""
    lede = next((i for i in infos if len(i.sent) >= LEDE_MIN_TOKENS), None)
    if lede is None:
        return False
    doc = lede.sent.doc
    if TIME_SINCE.search(lede.sent.text) and not any(t.strength >= STRONG_TRIGGER for t in lede.triggers):
        return True  # "A whole year has passed since that black Sunday ...": a remembrance, with no new attack in it
    anniversary = next((t for t in lede.sent if t.lower_ in ("anniversary", "anniversaries")
                        and t.i + 1 < lede.sent.end and doc[t.i + 1].lower_ == "of"), None)
    if anniversary is None:
        return False
    remembered = {t.idx for t in anniversary.subtree}
    return all((words := t.span.in_doc(doc)) is not None and words.root.idx in remembered for t in lede.triggers)


def recalled_before(frame: Frame, first: ExtractedEvent) -> bool:
    """A later frame whose opener dates its incident only to days well before the report's first incident ("It may be
    recalled that last week six labourers were shot dead in Kech" after Tuesday night's attack on a coach in Kalat): background the report recalls, not a second incident it reports."""
    opener = _opener(frame)
    if first.date_precision != "day" or first.date is None or (opener is not None and opener.entry):
        return False  # (a periodic report's entry is one of the period's incidents, whatever its day)
    dates = [d for d in opener.dates if not d.background] if opener is not None else []
    return bool(dates) and all(_latest_day(d) <= first.date - timedelta(days=RECALLED_DAYS) for d in dates)


def _latest_day(mention: DateMention) -> date:
    """The last day a date mention allows: its day, the estimate of an approximate phrase ("last week"), or the end of
    a named month or year."""
    if mention.precision in ("day", "unknown") or not mention.explicit or mention.span.text.lower() in RELATIVE:
        return mention.value
    return _period_end(mention)


def _period_end(mention: DateMention) -> date:
    """The last day of a month or year mention."""
    if mention.precision == "year":
        return date(mention.value.year, 12, 31)
    first_of_next = (mention.value.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first_of_next - timedelta(days=1)


def summary_lede_date(infos: list[SentenceInfo], frames: list[Frame]) -> DateMention | None:
    """The day of a lede that sums up the report's incidents and frames none of them ("Seven security men were killed
    in two attacks on Monday"), else None."""
    first = next((s for s in infos if s.opens_frame()), None)
    if first is None or any(first.index == s.index for f in frames for s in f.sentences):
        return None
    return best_date(first.dates)


def lede_date(infos: list[SentenceInfo]) -> DateMention | None:
    """The date of the article's first incident sentence (a roundup's lede, even when dropped as a summary)."""
    first = next((s for s in infos if s.opens_frame()), None)
    return best_date(first.dates) if first is not None else None


def frame_date(frame: Frame, trig_sent: int | None = None, trigger: Trigger | None = None) -> DateMention | None:
    """The date stated in a frame, preferring the trigger sentence (there, the day attached to the trigger's
    verb: "supply remained curtailed on Monday after a pipeline was blown up on Sunday night"), then the trigger's
    paragraph, then the paragraph that opens the frame (an item's heading "1. 21.10.2025 - Wana" before the log's opening "between
    20 and 26 October"), then the other sentences in order."""
    sentences = {s.index: s for s in frame.sentences}
    opener = frame.opener or (frame.sentences[0] if frame.sentences else None)
    lead = opener.paragraph if opener is not None else None
    # (a strong trigger's paragraph, in no district the lede does not name: a bare "attack" may be another incident's,
    # "an attack on tourists on April 22", and a paragraph on another district may tell another incident)
    told_at = (sentences[trig_sent].paragraph if trig_sent in sentences and trigger is not None
               and trigger.strength >= STRONG_TRIGGER else None)
    if told_at is not None and told_at != lead and not (
            districts_named([s for s in frame.sentences if s.paragraph == told_at])
            <= districts_named([s for s in frame.sentences if s.paragraph == lead])):
        told_at = None
    # (a feature's first act, told before the sentence that opens the frame)
    trig_paragraph = (sentences[trig_sent].paragraph if trig_sent in sentences and trigger is not None and opener is not None
                      and trig_sent < opener.index and trigger.strength >= FIRST_ACT_STRENGTH else None)
    dates = sorted((d for s in frame.sentences for d in s.dates),
                   key=lambda d: (d.span.sent_index != trig_sent,
                                  # (the trigger's own paragraph: "In the early hours of 12 December, six terrorists
                                  # attacked a post ..." under a lede on "the night of 11/12 December")
                                  sentences[d.span.sent_index].paragraph != told_at,
                                  sentences[d.span.sent_index].paragraph != lead,
                                  # (then the paragraph of the act: "On Thursday evening, ... The pillion rider fired",
                                  # after a scene-setting "On Friday morning they came again")
                                  sentences[d.span.sent_index].paragraph != trig_paragraph,
                                  d.span.sent_index,
                                  not _dates_trigger(sentences[d.span.sent_index], d, trigger)))
    if trigger is not None and trig_sent in sentences:
        if after := _days_after(sentences[trig_sent], trigger):
            return after
        if told := _day_told_later(frame, sentences[trig_sent], trigger):
            return told
    best = best_date(dates)
    if best is not None and best.precision == "day" and not _dates_an_event(info := sentences[best.span.sent_index], best):
        # "families waited on Tuesday for the bodies ..., where an attack left 23 people dead on Monday": the sentence's
        # earlier day on the incident's own verb
        own = [d for d in info.dates if d is not best and d.precision == "day" and not d.background and d.value < best.value
               and _dates_an_event(info, d)]
        if own:
            return own[0]
    if best is not None and _day_of_an_aftermath(sentences[best.span.sent_index], best):
        # the reaction's day bounds the incident's: an earlier or the same day on a verb of the incident, if stated
        stated = [d for d in dates if d.precision == "day" and d.explicit and not d.background and not d.reporting
                  and best.value - timedelta(days=AFTERMATH_WINDOW_DAYS) <= d.value <= best.value and d is not best
                  and not _day_of_an_aftermath(sentences[d.span.sent_index], d)]
        # a day on the incident's own verb first, else an earlier day the frame states ("the bodies ... were found on
        # Monday ... The miners were taken from a coal mine late on Friday")
        on_event = [d for d in stated if _dates_an_event(sentences[d.span.sent_index], d)]
        earlier = [d for d in stated if d.value < best.value
                   and 0 < d.span.sent_index - best.span.sent_index <= NEXT_SENTENCES]
        return (on_event or earlier or [best])[0]
    if best is not None and _day_before_the_incident_phrase(sentences[best.span.sent_index], best):
        on_event = [d for d in dates if d.precision == "day" and d.explicit and not d.background and not d.reporting
                    and best.value - timedelta(days=AFTERMATH_WINDOW_DAYS) <= d.value < best.value
                    and _dates_an_event(sentences[d.span.sent_index], d)]
        return on_event[0] if on_event else best
    return best


def _vaguer_than_lede(chosen: DateMention, lede: DateMention | None, frame: Frame) -> bool:
    """The frame states only a month or a year, within which falls the day of a lede it is not part of (a roundup's
    "late on Tuesday"): the lede's day is the incident's."""
    if lede is None or lede.precision != "day" or chosen.precision not in ("month", "year"):
        return False
    if any(s.index == lede.span.sent_index for s in frame.sentences):
        return False
    same_year = lede.value.year == chosen.value.year
    return same_year and (chosen.precision == "year" or lede.value.month == chosen.value.month)


def _acts_elsewhere(group: GroupMention, info: SentenceInfo, district: str) -> bool:
    """In a sentence that names incidents in two districts, a group whose phrase places it in another district than
    the event's ("a border clash in Bajaur ... and the BLA's claim of Wednesday's abduction near Surab")."""
    if len(districts_named([info])) < 2:
        return False
    words = group.span.in_doc(info.sent.doc)
    if words is None or words.root.dep_ not in ("poss", "compound"):
        return False  # (the group's own phrase: "the TTP, which is strong in the hills bordering South Waziristan")
    phrase = words.root.head
    places = {district_of(m.kind, m.name) for m in info.locations if m.kind in ("place", "district") and not m.dateline
              and phrase.left_edge.idx <= m.span.start < phrase.right_edge.idx + len(phrase.right_edge)}
    return bool(places) and district not in places


def _affiliation(group: GroupMention, frame: Frame) -> bool:
    """The group is named as the organisation of the person harmed ("shot dead X, district leader of the Ahle Sunnat
    Wal Jamaat"): whose man he was, not who acted."""
    info = next((s for s in frame.sentences if s.index == group.span.sent_index), None)
    words = group.span.in_doc(info.sent.doc) if info is not None else None
    if words is None:
        return False
    node = words.root
    while node.dep_ in ("appos", "compound", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ != "of" or node.head.head.lower_ not in casualties.PERSON_NOUNS:
        return False
    person = node.head.head  # ... and that person is the one harmed ("shot dead Maulana X, district leader of the ASWJ"),
    while person.dep_ in ("appos", "conj") and person.head.i != person.i:  # not "acting for a commander of JuA"
        person = person.head
    return person.dep_ in ("dobj", "nsubjpass") and (casualties.casualty_kind(person.head) is not None
                                                     or person.head.lower_ in casualties.HARMING_VERBS)


def _timed_after_the_last(opener: SentenceInfo) -> bool:
    """The frame opens timed from the incident before it ("Less than an hour after the blast, ...")."""
    return AFTER_THE_LAST.match(opener.sent.text) is not None


def _another_days_incident(info: SentenceInfo, district: str, day: date) -> bool:
    """The group's sentence tells of an incident on another day in another district only ("The BLA said it carried
    out Tuesday's attack in Kalat", in a report of Saturday's bombing in Quetta): its claim is of that one."""
    places = {district_of(m.kind, m.name) for m in info.locations if m.kind in ("place", "district") and not m.dateline}
    days = {d.value for d in info.dates if d.precision == "day" and not d.reporting}
    return bool(places) and district not in places and bool(days) and day not in days


def _verb_of(tok: Token) -> Token | None:
    """The verb a word hangs from (itself when it is one)."""
    return next((t for t in (tok, *tok.ancestors) if t.pos_ in ("VERB", "AUX")), None)


AFTERMATH_WINDOW_DAYS = 7  # how far before a reaction's day its incident's stated day is looked for
NEXT_SENTENCES = 2  # how far after the aftermath's sentence an earlier day off the incident's verbs is still its day


def _incident_words(info: SentenceInfo, figures: bool = True) -> list[Token]:
    """The head words of the sentence's triggers (and, with `figures`, of its casualty counts)."""
    spans = [t.span for t in info.triggers] + ([f.span for f in info.casualties] if figures else [])
    return [w.root for w in (s.in_doc(info.sent.doc) for s in spans) if w is not None]


def _day_verb(info: SentenceInfo, mention: DateMention) -> Token | None:
    """The verb a date mention hangs from."""
    words = mention.span.in_doc(info.sent.doc)
    return _verb_of(words.root) if words is not None else None


def _dates_an_event(info: SentenceInfo, mention: DateMention) -> bool:
    """The day hangs from a verb of the incident (a trigger's or a casualty count's)."""
    verb = _day_verb(info, mention)
    return verb is not None and any(_verb_of(w) == verb for w in _incident_words(info))


def _day_before_the_incident_phrase(info: SentenceInfo, mention: DateMention) -> bool:
    """A day on a verb whose "after" phrase holds all the sentence tells of the incident ("residents were still
    counting the damage on Wednesday after a suicide attack on the police station, in which 23 soldiers died"): a day
    after the incident's, unless the incident's own day is stated ("three coaches derailed on Tuesday after an
    explosion on the track" is that day's)."""
    verb = _day_verb(info, mention)
    if verb is None:
        return False
    # (through a verb's complement: "kept their shops shut on Friday after a bombing")
    governors = [verb, verb.head] if verb.dep_ in ("oprd", "xcomp") else [verb]
    phrases = [c for v in governors for c in v.children if c.dep_ == "prep" and c.lower_ == "after"
               and not any(g.dep_ == "npadvmod" for g in c.children)]
    inside = {t.i for p in phrases for t in p.subtree}
    words = _incident_words(info)
    return bool(phrases) and bool(words) and all(w.i in inside for w in words)


def _day_of_an_aftermath(info: SentenceInfo, mention: DateMention) -> bool:
    """A day on a verb that is no part of the incident: one whose "after" clause tells it ("the two governments traded
    accusations on Friday after mortar fire killed a civilian"), or the finding of what it left ("the bodies of four
    abducted passengers were found on Wednesday"): the day of the aftermath, not of the incident."""
    verb = _day_verb(info, mention)
    if verb is None:
        return False
    if verb.lower_ in END_VERBS:
        return True  # "concluded the operation to free the hijacked train on Wednesday": the day it ended, not began
    if _died_later(verb):
        return True  # "one of the soldiers died in hospital on Tuesday": a death after the incident's day
    if any(c.dep_ in ("nsubj", "nsubjpass") and _a_protest(c) for c in verb.children):
        return True  # "a shutter-down strike was observed in Kandhkot on Wednesday against the abduction": a reaction
    if verb.lower_ in AFTERMATH_VERBS:
        # (the count of bodies found hangs from "found" too: only a trigger makes it the incident's verb)
        return not any(_verb_of(w) == verb for w in _incident_words(info, figures=False))
    clauses = [c for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)]
    if not clauses or _dates_an_event(info, mention):
        return False  # ("two soldiers were killed on Monday after militants stormed the post": the incident's own day)
    return any(clause.left_edge.i <= w.i <= clause.right_edge.i for clause in clauses for w in _incident_words(info))


PROTEST_NOUNS = frozenset({"protest", "protests", "sit-in", "demonstration", "demonstrations", "shutdown", "funeral",
                           "funerals", "vigil", "strike"})


def _a_protest(noun: Token) -> bool:
    """A protest, a strike or a funeral (not a drone or air strike, an attack)."""
    if noun.lower_ not in PROTEST_NOUNS:
        return False
    return noun.lower_ != "strike" or not any(c.lower_ in ("drone", "air", "missile", "aerial", "artillery")
                                              for c in noun.children)


def _aftermath_day(frame: Frame, mention: DateMention) -> bool:
    """The date is the day of an aftermath in its frame (`_day_of_an_aftermath`)."""
    info = next((s for s in frame.sentences if s.index == mention.span.sent_index), None)
    return info is not None and _day_of_an_aftermath(info, mention)


def _died_later(verb: Token) -> bool:
    """"died in hospital", "succumbed to his wounds", "died of injuries": a wounded victim's death, told apart from
    the incident."""
    if verb.lower_ not in casualties.DIED_WORDS | {"expired"}:
        return False
    places = {g.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "of", "to")
              for g in c.children if g.dep_ == "pobj"}
    return bool(places & {"hospital", "wounds", "injuries", "wound", "injury"})


def _days_after(info: SentenceInfo, trigger: Trigger) -> DateMention | None:
    """The day of a trigger that an "N days after" phrase governs, counted back from the day the sentence names
    before the phrase ("Thousands marched on Tuesday, a day after gunmen fired on a van": Monday)."""
    sent = info.sent
    words = trigger.span.in_doc(sent.doc)
    if words is None:
        return None
    for m in DAYS_AFTER.finditer(sent.text):
        after = next((t for t in sent if t.idx >= sent.start_char + m.start(2)), None)
        # ("after" as the preposition over the trigger, or as the mark of the clause the trigger heads or lies in)
        governs = after is not None and (after in words.root.ancestors or (
            after.dep_ == "mark" and after.head in (words.root, *words.root.ancestors)))
        if after is None or not governs or words.root.i < after.i:
            continue
        opens = not sent.text[: m.start()].strip(" \"'“(")  # "A day after militants laid siege ..., officials said on Saturday"
        anchors = [d for d in info.dates if d.precision == "day" and d.explicit and not d.background
                   and (d.span.start < sent.start_char + m.start() or opens)]
        if not anchors:
            continue
        back = days_counted(m.group(1))
        span = TextSpan.from_tokens(sent.doc[after.i - 2 if after.i - 2 >= sent.start else after.i], after, info.index)
        return DateMention(anchors[-1].value - timedelta(days=back), "day", span)
    return None


VAGUE_GAP_CHARS = 40  # a vague date this close after the trigger word is the trigger's
VAGUE_WINDOW_DAYS = 14  # how far back a vaguely dated incident ("abducted last week") is looked for


def _day_told_later(frame: Frame, info: SentenceInfo, trigger: Trigger) -> DateMention | None:
    """A trigger dated only vaguely in a sentence whose day belongs to another verb ("workers abducted last week were
    freed on Monday"): the day a later sentence states before that one ("they were seized last Thursday evening"),
    if any."""
    # (the parser may hang the phrase on the main verb: "workers kidnapped from the tehsil earlier this week was found")
    own = [d for d in info.dates if not d.background and (_dates_trigger(info, d, trigger) or (
        (d.precision != "day" or not d.explicit) and 0 <= d.span.start - trigger.span.end <= VAGUE_GAP_CHARS))]
    if not own or any(d.precision == "day" and d.explicit for d in own):
        return None
    others = [d for d in info.dates if d.precision == "day" and d.explicit and not d.background and d not in own]
    if not others:
        return None
    before = min(d.value for d in others)
    earliest = before - timedelta(days=VAGUE_WINDOW_DAYS)
    later = [d for s in frame.sentences if s.index > info.index for d in s.dates
             if d.precision == "day" and d.explicit and not d.background and not d.reporting and earliest <= d.value < before
             and not _day_of_an_aftermath(s, d)]  # (not "they were handed over to elders late on Sunday")
    return later[0] if later else None


# "the same day", "hours later", "later that day": a later incident dated by the one told before it
SAME_DAY = re.compile(r"\b(?:on )?the same (?:day|evening|night|morning|afternoon)\b"
                      r"|\b(?:a few |some |several |two |three )?(?:hours|minutes) (?:later|after)\b"
                      r"|\blater (?:that|the same|in the) (?:day|evening|night|morning|afternoon)\b", re.IGNORECASE)


def _stamped_item(frame: Frame) -> bool:
    """A frame that opens a bulletin's item stamped with its time of posting and states no date: the item tells what
    happened on the day it was posted, not on the day of the item before it."""
    opener = frame.opener or frame.sentences[0]
    item = [s for s in frame.sentences if s.paragraph == opener.paragraph]  # the item's lines
    return stamped_day(item or [opener]) is not None and not any(s.dates for s in frame.sentences)


def fold_updates(events: list[ExtractedEvent], updates: set[int]) -> list[ExtractedEvent]:
    """A bulletin's later item that states no date and names no town, in the district of an earlier item ("1) 0010 hrs —
    HARNAI: FC post under attack since 2300 hrs Sun ... 4) 0705 hrs — HARNAI: ISPR — 3 FC soldiers martyred"), updates
    that item: its figures (and their evidence) join the earlier event, which keeps its day and type."""
    out = list(events)
    dropped: set[int] = set()
    for j in sorted(updates):
        update = events[j]
        district = update.location.district
        earlier = next((i for i in range(j) if i not in dropped and out[i].location.district == district), None)
        if not district or earlier is None:
            continue
        first = out[earlier]
        fields = {kind: getattr(update, kind) for kind in FIGURE_KINDS if getattr(update, kind) is not None}
        evidence_of = {**first.evidence, **{k: v for k, v in update.evidence.items() if k in fields}}
        if first.perpetrator.name is None and update.perpetrator.name is not None:
            fields["perpetrator"] = update.perpetrator
            if "perpetrator" in update.evidence:
                evidence_of["perpetrator"] = update.evidence["perpetrator"]
        out[earlier] = first.model_copy(update={**fields, "evidence": evidence_of})
        dropped.add(j)
    return [e for k, e in enumerate(out) if k not in dropped]


def same_day_as_before(frame: Frame, trig_sent: int) -> bool:
    """A later frame whose trigger sentence and opener state no date of their own, one of them tying the event to
    the day of the incident told before ("In another engagement the same day", "In a separate attack hours later,
    gunmen opened fire on a customs post"): that incident's date, not a later sentence's "on Wednesday" of the aftermath."""
    own = {s.index: s for s in frame.sentences}
    told = [s for s in (own.get(trig_sent), frame.opener) if s is not None]
    if not told or any(s.dates for s in told):
        return False
    return any(SAME_DAY.search(s.sent.text) for s in told)


def day_told_before(before: ExtractedEvent, lede: DateMention | None) -> tuple[date | None, str, Evidence | None]:
    """The day of the incident told before (date, precision, evidence), or the lede's earlier day of the attacks when
    that incident was dated by a later death ("Seven were killed in two attacks on Monday ... one died in hospital on
    Tuesday ... Later that night, gunmen ...")."""
    # (the day before only: a digest's first item is no lede of the later ones, "On Tuesday evening a suicide bomber
    # ..." for Thursday's items)
    if (lede is not None and lede.precision == "day" and not lede.reporting and before.date is not None
            and 0 < (before.date - lede.value).days <= 1):
        return lede.value, lede.precision, evidence(lede.span)
    return before.date, before.date_precision, before.evidence.get("date")


def _no_figures(event: ExtractedEvent) -> bool:
    """The report gives no figure of any kind for the event."""
    return all(getattr(event, kind) is None for kind in FIGURE_KINDS)


def _uneventful_operation(event: ExtractedEvent) -> bool:
    """A security operation that harmed nobody ("the search operation continued", "suspects were taken into
    custody", "arrested three suspects without any resistance"): a response to an attack, or an arrest, not an
    incident of its own."""
    return event.event_type == "security_operation" and not any(getattr(event, kind) for kind in FIGURE_KINDS)


def _only_mentioned(frame: Frame) -> bool:
    """A later frame that only names an incident as known ("traffic, closed after Thursday's blast, has been
    restored"): every trigger a known reference, no figure and no claim; nothing new to record."""
    triggers = [(info, t) for info in frame.sentences for t in info.triggers]
    return (bool(triggers) and all(known_reference(info, t) for info, t in triggers)
            and not any(info.casualties or info.claim or info.groups for info in frame.sentences))


WEAK_TRIGGER = 0.8  # below this, a planned incident word ("to launch targeted operations") names no incident


def _hearsay(frame: Frame) -> bool:
    """A frame whose incident words are all weak and planned, with no casualty figure and no group ("decided to launch
    targeted operations against the terrorists"): talk of violence to come, not an incident."""
    triggers = [(s, t) for s in frame.sentences for t in s.triggers]
    return (bool(triggers) and all(t.strength < WEAK_TRIGGER and _planned(s, t) for s, t in triggers)
            and not any(s.casualties or s.groups for s in frame.sentences))


def _undated_aside(event: ExtractedEvent) -> bool:
    """A later incident with no figure, no actor and no date of its own ("traders say sales have fallen since a
    series of grenade attacks began"): a remark about violence beside the report's incidents, not another one."""
    return _no_figures(event) and event.perpetrator.name is None and "date" not in event.evidence


def _unplaced_and_unharmed(event: ExtractedEvent) -> bool:
    """An event with no district and no figure at all ("attacks on police in Khyber Pakhtunkhwa had increased"):
    a mention of violence in general, nothing an analyst could count or map."""
    return event.location.district is None and _no_figures(event)


def _claimant_named_before(claim: SentenceInfo) -> GroupMention | None:
    """The group a claim that names none refers back to ("... the banned Tehreek-e-Taliban Pakistan had attacked
    the check post. The banned organisation had claimed the responsibility"): the one group the sentence before,
    in the same paragraph, names."""
    sentences = {s.index: s for s in claim.sent.doc._.sentences}
    before = sentences.get(claim.index - 1)
    if before is None or before.paragraph != claim.paragraph:
        return None
    names = {g.name for g in before.groups}
    return before.groups[0] if len(names) == 1 and group_noun_subject(claim.sent) is not None else None


def _claimant_of_an_earlier_claim(claim: SentenceInfo) -> GroupMention | None:
    """The group whose claim the report told last, for a claim that refers back to it ("The BLA said its fighters had
    shot dead two Levies men ... The group also said it had planted the bomb that hit a police van"): the one group
    the nearest earlier claim names."""
    if group_noun_subject(claim.sent) is None:
        return None
    earlier = [s for s in claim.sent.doc._.sentences if s.index < claim.index and s.claim and s.groups and not s.background]
    if not earlier:
        return None
    claimants = [g for g in earlier[-1].groups if g.attribution == "claimed"]
    return claimants[0] if len({g.name for g in claimants}) == 1 else None


def _claimant_named_after(claim: SentenceInfo) -> GroupMention | None:
    """The group that speaks in the sentence after a claim that names none ("A separatist group has claimed the
    shooting ... The Sindhudesh Revolutionary Army said in a statement that ..."): the one group named there, as the
    subject of a verb of saying."""
    sentences = {s.index: s for s in claim.sent.doc._.sentences}
    after = sentences.get(claim.index + 1)
    if after is None or after.paragraph - claim.paragraph > 1 or len({g.name for g in after.groups}) != 1:
        return None
    group = after.groups[0]
    words = group.span.in_doc(after.sent.doc)
    subject = _named_by_apposition(words.root) if words is not None else None  # "The group, the SRA, said"
    return group if subject is not None and subject.dep_ == "nsubj" and subject.head.lower_ in SPEECH_VERBS else None


def _dates_trigger(info: SentenceInfo, mention: DateMention, trigger: Trigger | None) -> bool:
    """The date modifies the trigger's own verb."""
    if trigger is None or trigger.span.sent_index != info.index:
        return False
    date_span, trig_span = mention.span.in_doc(info.sent.doc), trigger.span.in_doc(info.sent.doc)
    if date_span is None or trig_span is None:
        return False
    found = _verb_of(date_span.root)
    return found is not None and found == _verb_of(trig_span.root)


def _frame_strength(frame: Frame) -> float:
    """How clearly a frame reports an incident: trigger strength plus figures (0..1)."""
    strength = max((s.strength for s in frame.sentences if not s.non_event), default=0.0)
    figures = any(s.has_figures for s in frame.sentences)
    return min(1.0, 0.6 * min(strength, 1.0) + (0.4 if figures else 0.0) + (0.2 if strength >= 1.0 else 0.0))


# what a side does once the fight is over ("police recovered the body of a third militant")
AFTERMATH_VERBS = frozenset({"recovered", "recover", "recovers", "found", "finds", "collected", "retrieved", "shifted",
                             # life going on again ("as traffic on the highway resumed on Sunday")
                             "resumed", "reopened", "restored"})
# the end of an incident that lasted ("ended the siege", "completed the clearance operation at the college", "the two
# labourers were handed over to tribal elders late Sunday": a release after an abduction)
END_VERBS = frozenset({"concluded", "completed", "ended", "lifted", "released", "freed", "handed"})


COUNT_NOUNS = casualties.TOTAL_WORDS | {"number"}  # "the toll", "the number of ... killed"
DEAD_PARTICIPLES = frozenset({"killed", "martyred", "dead", "slain", "eliminated", "neutralised", "neutralized"})


ESCAPE_VERBS = frozenset({"escape", "escaped", "fled", "flee", "fleeing"})


def initiator(info: SentenceInfo, attacker_nouns: frozenset[str]) -> str | None:
    """"militant" / "state" for the sentence's first acting subject ("BLA militants fired at ..."); militants a
    relative clause says attacked ("killed four militants who attacked the base") began the fight."""
    if _attackers_by_relative_clause(info, attacker_nouns):
        return "militant"
    for tok in info.sent:
        if tok.dep_ != "nsubj" or tok.head.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in tok.head.children):
            continue
        if tok.head.lower_ in SPEECH_VERBS:
            continue  # "..., police said": the source of the report, not a side of the fight
        if tok.head.lower_ in AFTERMATH_VERBS:
            continue  # "police recovered the body of a third attacker": what the fight left, not who began it
        if tok.head.lower_ in ESCAPE_VERBS or any(c.dep_ == "xcomp" and c.lower_ in ESCAPE_VERBS for c in tok.head.children):
            continue  # "while two of their accomplices managed to escape": who got away, not who began the fight
        if tok.lower_ in COUNT_NOUNS and any(t.lower_ in DEAD_PARTICIPLES for t in tok.doc[tok.i + 1 : tok.i + 5]):
            continue  # "the number of khwarij killed ... has reached 71": a count of the dead, not a side that acted
        if _names_militants(tok, attacker_nouns):
            return "militant"
        if tok.lower_ in STATE_SUBJECTS or _speaker_itself(tok) in STATE_SUBJECTS:
            return "state"
    return None


def _attackers_by_relative_clause(info: SentenceInfo, attacker_nouns: frozenset[str]) -> bool:
    """"all nine militants who attacked the air base were killed": the relative clause's verb is an attack word
    and its antecedent names militants."""
    attacks = [t.span for t in info.triggers if t.event_type in ("armed_assault", "bombing") and not t.reference]
    for tok in info.sent:
        if tok.dep_ != "nsubj" or tok.lower_ not in ("who", "that") or tok.head.dep_ != "relcl":
            continue
        verb, antecedent = tok.head, tok.head.head
        if _names_militants(antecedent, attacker_nouns) and any(span.start <= verb.idx < span.end for span in attacks):
            return True
    return False


def _names_militants(tok: Token, attacker_nouns: frozenset[str]) -> bool:
    """"militants", "the BLA", "a group of heavily armed khwarij": the word names the attackers' side."""
    return tok.ent_type_ == "MIL_GROUP" or tok.lower_ in attacker_nouns or _group_of(tok, attacker_nouns)


def _speaker_itself(pronoun: Token) -> str | None:
    """"the army says it has killed 54 militants": the speaker a pronoun subject of its reported verb stands for."""
    if pronoun.lower_ not in ("it", "they", "we") or pronoun.head.dep_ != "ccomp" or pronoun.head.head.lower_ not in SPEECH_VERBS:
        return None
    speaker = next((c for c in pronoun.head.head.children if c.dep_ == "nsubj"), None)
    return speaker.lower_ if speaker is not None else None


def _abduction_first(opener: SentenceInfo) -> bool:
    """The lede tells an abduction before any shooting ("stopped a bus, abducted nine passengers and later shot them
    dead", "the bodies of five men who were taken off a coach were found"): the dead were the abducted."""
    taken = [t.span.start for t in opener.triggers if t.event_type == "kidnapping" and t.strength >= 1.0]
    if not taken:
        return False
    shots = [t.span.start for t in opener.triggers
             if t.event_type in ("armed_assault", "targeted_killing", "bombing") and t.strength >= 0.8]
    return not shots or min(taken) < min(shots)


def _group_of(tok: Token, attacker_nouns: frozenset[str]) -> bool:
    """"a group of heavily armed khwarij", "a band of terrorists": a collective noun whose members attack."""
    return any(prep.lower_ == "of" and any(o.dep_ == "pobj" and (o.lower_ in attacker_nouns or o.ent_type_ == "MIL_GROUP")
                                           for o in prep.children)
               for prep in tok.children if prep.dep_ == "prep")


def _suffered(trigger: Trigger, info: SentenceInfo) -> bool:
    """The attack word names an attack the state suffered: a noun ("repulsed an attack") or a passive verb ("a post
    that was stormed"), not the state's own action ("they stormed the compound")."""
    span = trigger.span.in_doc(info.sent.doc)
    if span is None:
        return True
    root = span.root
    if any(a.dep_ == "relcl" for a in root.ancestors):
        return False  # "killed 30 militants who took part in an attack on a convoy": the attack they made before
    return root.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in root.children)


# people singled out for who they are ("a tribal elder", "a JUI-F leader", "a polio vaccinator", "the SHO"): shot
# dead, they are the target of a killing, not bystanders of an attack
SELECTED_VICTIMS = frozenset({"leader", "leaders", "elder", "elders", "cleric", "imam", "maulana", "scholar", "journalist",
                              "reporter", "correspondent", "lawyer", "judge", "advocate", "vaccinator", "sho", "dsp",
                              "councillor", "councilor", "chairman", "mayor", "politician", "activist", "candidate",
                              "teacher", "professor", "principal", "doctor"})
# an attack on a position or a column, whoever died in it ("ambushed the SHO's vehicle")
ASSAULT_WORDS = frozenset({"ambush", "ambushed", "stormed", "raid", "gun battle", "gunfight", "exchange of fire",
                           "exchanged fire", "clash", "clashes", "rocket attack", "rockets", "mortar", "mortars", "attacked"})
SELECTED_MAX_KILLED = 2


def _selected_victims(figures: list[CasualtyFigure], triggers: list[Trigger], killed: int) -> bool:
    """A shooting whose dead are one or two people singled out for who they are ("a tribal elder and his nephew
    were shot dead", "a JUI-F leader was martyred when motorcyclists opened fire"): a targeted killing."""
    if not 0 < killed <= SELECTED_MAX_KILLED or not any(t.event_type == "targeted_killing" for t in triggers):
        return False
    if any(t.span.text.lower() in ASSAULT_WORDS for t in triggers):
        return False
    return any(f.kind == "killed" and (f.victim in SELECTED_VICTIMS or _campaign_worker(f)) for f in figures)


def _selected_target(opener: SentenceInfo | None, triggers: list[Trigger], killed: int) -> bool:
    """A shooting the lede aims at one or two people singled out for who they are, however the dead are counted
    ("opened fire on a well-known elder of the tribe, Haji X, ... he was killed on the spot"; "Two people, a tribal
    elder and his nephew, have died in last week's gun attack"): a targeted killing."""
    if opener is None or not 0 < killed <= SELECTED_MAX_KILLED:
        return False
    if any(t.span.text.lower() in ASSAULT_WORDS or t.event_type == "bombing" for t in triggers):
        return False
    return any(tok.lower_ in SELECTED_VICTIMS and tok.pos_ == "NOUN" and _aimed_at(tok) for tok in opener.sent)


def _aimed_at(person: Token) -> bool:
    """The person is whom the shots were fired at ("opened fire on an elder") or one of the dead ("an elder and his
    nephew were killed", "Two people, an elder and his nephew, have died")."""
    node = person
    while node.dep_ in ("appos", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "on" and node.head.head.lower_ in ("fire", "fired", "opened"):
        return True
    return node.dep_ in ("dobj", "nsubj", "nsubjpass") and (
        casualties.casualty_kind(node.head) == "killed" or node.head.lower_ in ("died", "shot"))


# a worker singled out for the campaign he serves ("a polio worker was shot dead", "a lady health worker")
CAMPAIGN_WORDS = frozenset({"polio", "vaccination", "health"})


def _campaign_worker(figure: CasualtyFigure) -> bool:
    """The dead one is a worker of a campaign ("A polio worker was shot dead"), named by the word before "worker"."""
    words = figure.span.text.lower().split()
    return figure.victim in ("worker", "workers") and any(
        w in CAMPAIGN_WORDS and nxt.startswith("worker") for w, nxt in zip(words, words[1:], strict=False))


# a fight, a raid or a torching in which no one died (on either side) but people were taken is a kidnapping
TAKING_OUTWEIGHS = ("armed_assault", "security_operation", "infrastructure_attack")


def _killed_by(opener: SentenceInfo, triggers: list[Trigger]) -> str | None:
    """The kind of the trigger that is the subject of the clause a killing participle follows ("A roadside bomb ripped
    through a police vehicle, killing three officers": bombing), if one kind is."""
    doc = opener.sent.doc
    for figure in opener.casualties:
        words = figure.span.in_doc(doc) if figure.kind == "killed" and figure.value > 0 else None
        verb = next((t for t in words or () if t.tag_ == "VBG" and casualties.casualty_kind(t) == "killed"), None)
        if verb is None or verb.dep_ != "advcl":
            continue
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        start, end = doc[subject.left_edge.i].idx, doc[subject.right_edge.i].idx + len(doc[subject.right_edge.i])
        kinds = {t.event_type for t in triggers if t.span.sent_index == opener.index and start <= t.span.start < end}
        if len(kinds) == 1:
            return kinds.pop()
    return None


def _people_taken(triggers: list[Trigger], doc: Doc | None) -> bool:
    """An act of taking people in the event's own sentences ("abducted five workers", "took them captive",
    "are holding four officials"), not a reference to people taken before ("the recovery of abducted engineers")."""
    return any(t.event_type == "kidnapping" and t.strength >= 1.0 and not t.reference
               and not (doc is not None and _modifier(t, doc)) for t in triggers)


def _modifier(trigger: Trigger, doc: Doc) -> bool:
    """"two abducted engineers": a participle that describes people, not the act."""
    words = trigger.span.in_doc(doc)
    return words is not None and any(tok.dep_ == "amod" for tok in words)


def _refine_type(event_type: str, figures: list[CasualtyFigure], triggers: list[Trigger],
                 opener: SentenceInfo | None, attacker_nouns: frozenset[str], lead_in: Sequence[SentenceInfo] = ()) -> str:
    """Adjust the trigger vote with casualty context and with who started the fight (the counts are the
    event's own, aggregated as its fields are: a toll repeated in three sentences counts once; `lead_in`: the frame's
    sentences before the opener that name no incident word, which may tell who acted first)."""
    if event_type == "kidnapping" and any(t.span.text.lower() in HIJACK_WORDS for t in triggers):
        return event_type  # a hijacking is a hostage-taking whatever its toll
    attackers = figure_total(figures, "attackers_killed")
    victims = figure_total(figures, "killed")
    kinds = {t.event_type for t in triggers}
    kidnapped = figure_total(figures, "kidnapped")
    abducted_first = opener is not None and _abduction_first(opener)
    if event_type == "kidnapping" and kidnapped and victims > kidnapped and not abducted_first:
        # "killed four and abducted one": the killing is the incident; "abducted nine passengers
        # and killed them" (abduct-and-kill) and hostage-taking stay kidnappings
        return "armed_assault"
    if event_type in ("armed_assault", "targeted_killing") and abducted_first:
        return "kidnapping"  # "abducted nine passengers ... and later shot them dead": the killing of the abducted
    if event_type in TAKING_OUTWEIGHS and not victims and not attackers and _people_taken(triggers, opener.sent.doc if opener else None):
        return "kidnapping"  # "a clash in which four were wounded and the DSP taken captive": no one died, men were taken
    if event_type == "infrastructure_attack" and opener is not None and _people_taken(
            [t for t in triggers if t.span.sent_index == opener.index], opener.sent.doc):
        return "kidnapping"  # "blew up the track and stopped the train, taking its passengers hostage": the people taken
    side = initiator(opener, attacker_nouns) if opener is not None else None
    for info in reversed(lead_in if side is None else ()):
        # "A squad of attackers cut through the perimeter of the base. Three were shot dead ...; six more were killed
        # in a clearance operation": the sentence before a lede that names no one acting tells who began
        side = initiator(info, attacker_nouns)
        if side is not None:
            break
    # the lede has the state answer an attack ("police repulsed an attack by militants on the post"), or a sentence
    # before it names the attack the state suffered ("the air base came under a failed attack ... three terrorists were
    # neutralised")
    responding = any(t.span.text.lower() in RESPONSE_TO and _suffered(t, opener) for t in triggers
                     if opener is not None and t.span.sent_index <= opener.index)
    if (event_type == "armed_assault" and "security_operation" in kinds and attackers and not victims
            and side != "militant" and not responding):
        return "security_operation"  # (not "Militants attacked a convoy ... two attackers were killed")
    if event_type == "security_operation" and side == "militant" and opener is not None:
        # an IBO in the lede stays an operation whoever fired first; a clearance operation after the attack does not
        operation = max((t.strength for t in triggers if t.event_type == "security_operation"
                         and t.span.sent_index == opener.index and not SWEEP_AFTER.search(t.span.text)), default=0.0)
        if operation < STRONG_OPERATION:
            return "armed_assault"
    # (an "encounter" names the fight, whoever started it; not an operation the state launched)
    operation_lede = any(t.event_type == "security_operation" and t.span.text.lower() not in CLASH_WORDS for t in triggers
                         if opener is not None and t.span.sent_index == opener.index)
    if event_type == "security_operation" and responding and not operation_lede:
        return "armed_assault"  # "police repulsed an attack on the post ... a search operation was launched"
    # the state acting first is an operation, unless the lede has it answer an attack ("repulsed an attack on a check
    # post", "recovered the body of a militant near a post that was stormed")
    if event_type == "armed_assault" and side == "state" and (
            operation_lede or ("security_operation" in kinds or attackers) and not responding and victims <= attackers):
        return "security_operation"
    if event_type == "security_operation" and kinds & {"armed_assault", "bombing"} and _operation_ended(triggers, opener):
        # "completed the clearance operation at the college, killing all five terrorists who had attacked it": the
        # operation ended the attack the report tells
        return "armed_assault" if "armed_assault" in kinds else "bombing"
    if event_type == "security_operation" and victims > attackers and kinds & {"armed_assault", "bombing"}:
        # the state's sweep after an attack that harmed more of its victims than of the attackers: the attack, of the
        # kind its triggers tell ("targeted a vehicle with an IED ... a sanitisation operation is under way": a bombing),
        # read further below as any attack of that kind is (an assault on a garrison with grenades is an assault)
        event_type = _attack_kind(triggers)
    if event_type == "bombing" and _storms_a_position(triggers, opener) and (attackers or _fought_back(triggers, opener)) and (
            not _bombed_after_repulse(triggers) or _prolonged(opener)):
        # "attacked the police station with grenades and rockets ... the attackers were repulsed", "rammed the gate
        # with an explosive-laden vehicle, then entered": an assault on a position, its explosives the means
        return "armed_assault"
    if (event_type == "bombing" and _gunfire_in_lede(triggers, opener) and _prolonged(opener) and not victims
            and not figure_total(figures, "injured")):
        # "gunfire and two loud explosions as assailants targeted a convoy ... an exchange that lasted for nearly two
        # hours", and no one else hurt: blasts that only opened a long gun battle make an assault (when the blast
        # killed or wounded people, it stays the bombing it was)
        return "armed_assault"
    if event_type == "bombing" and attackers >= 2 and _prolonged(opener) and any(
            t.event_type == "armed_assault" and t.span.text.lower() in GUNFIRE_WORDS for t in triggers):
        # "a squad forced its way into the police office, setting off a gun battle that went on for more than three
        # hours ... one set off his vest, the other two were shot": a complex attack fought out by a squad is an
        # assault, whatever grenades, vests or car bombs it used, a car bomb that breached the wall included ("rammed
        # two explosive-laden vehicles into the wall ... a gun battle that went on late into the night"); a lone
        # bomber's blast stays a bombing
        return "armed_assault"
    if event_type == "armed_assault" and opener is not None and _killed_by(opener, triggers) == "bombing":
        # "A roadside bomb ripped through a police vehicle, killing three officers, and gunmen then opened fire on the
        # survivors": the blast that did the killing names the incident, whatever shooting followed
        return "bombing"
    if event_type == "targeted_killing" and not victims and attackers:
        return "armed_assault"  # "three were shot dead at the wall": the attackers' deaths, no one singled out
    if event_type == "armed_assault" and (_selected_victims(figures, triggers, victims)
                                          or _selected_target(opener, triggers, victims)):
        return "targeted_killing"
    if event_type == "other" and figures:
        # nothing names the kind: the state acting first with only attackers dead is an operation ("troops detected a
        # large group of militants trying to cross ... the army said 54 of them had been killed")
        return "security_operation" if side == "state" and attackers and not victims else "armed_assault"
    infra_lede = any(t.event_type == "infrastructure_attack" for t in triggers
                     if opener is not None and t.span.sent_index == opener.index)
    # a device that harmed no one and whose damage the report tells ("Nobody was hurt ... the blast damaged two metres of track")
    unharmed_damage = (any(t.event_type == "infrastructure_attack" for t in triggers)
                       and not figure_total(figures, "injured") and not attackers)
    if (infra_lede or unharmed_damage) and not victims and event_type in ("bombing", "armed_assault"):
        return "infrastructure_attack"  # "a bomb planted beside the railway track went off": the track was the target
    return event_type


ATTACK_KINDS = ("armed_assault", "bombing")


def _attack_kind(triggers: list[Trigger]) -> str:
    """The attack the triggers vote for once the state's operation is set aside (the sweep after an IED blast is
    no operation, and the blast is still a bombing); an assault when nothing names the means."""
    attacks = [t for t in triggers if t.event_type in ATTACK_KINDS]
    if not attacks:
        return "armed_assault"
    votes, _ = event_types.trigger_votes(event_types.drop_generic(attacks))
    return max(ATTACK_KINDS, key=lambda kind: votes.get(kind, 0.0))


PROLONGED = re.compile(r"\b(?:prolonged|hours-long|hours long|lasted (?:for )?(?:several |over |more than |nearly |about )?"
                       r"(?:\w+ )?hours|(?:continued|went on|dragged on) (?:\w+ )?(?:for|till|until|into)|(?:was|were) (?:still )?continuing|siege"
                       r"|(?:are|were|remain|remained) (?:still )?engaged with)\b",
                       re.IGNORECASE)
REPULSED = re.compile(r"\b(?:thwarted|foiled|repulsed|repelled|failure|failed)\b", re.IGNORECASE)


def _storms_a_position(triggers: list[Trigger], opener: SentenceInfo | None) -> bool:
    """An assault verb or noun in the lede whose object is a defended position ("attacked the Badaber police
    station", "an attack on a check post", "stormed the cantonment")."""
    if opener is None:
        return False
    doc = opener.sent.doc
    for trigger in triggers:
        if trigger.event_type != "armed_assault" or trigger.span.sent_index != opener.index:
            continue
        words = trigger.span.in_doc(doc)
        if words is None:
            continue
        head = words.root
        if _by_explosive_means(head, triggers):
            continue
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children
                    if g.dep_ == "pobj"]
        if any(POSITION.search(" ".join(t.text for t in o.subtree)) for o in objects):
            return True
    return False


def _by_explosive_means(head: Token, triggers: list[Trigger]) -> bool:
    """The assault word names explosive means and nothing else ("a quadcopter attack on the check post", "attacked
    the police station with a quadcopter"): a bombing of the position, not a storming of it ("attacked the post with
    grenades and rockets" names a gun weapon too)."""
    bomb_chars = [(t.span.start, t.span.end) for t in triggers if t.event_type == "bombing"]

    def explosive(token: Token) -> bool:
        return any(lo <= token.idx < hi for lo, hi in bomb_chars)

    means = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            means += [obj, *(c for c in obj.conjuncts)]
    return bool(means) and all(explosive(m) for m in means)


def _bombed_after_repulse(triggers: list[Trigger]) -> bool:
    """A bomb that followed the failed assault in its own sentence ("the attempt to enter the post was thwarted,
    following which they rammed an explosive-laden vehicle into it"; "frustrated by their failure, the terrorists
    rammed ..."): the blast did the harm, not a fight."""
    for trigger in triggers:
        if trigger.event_type == "bombing" and trigger.strength >= 1.0:
            before = trigger.span.sentence[: trigger.span.start - trigger.span.sent_start]
            if REPULSED.search(before):
                return True
    return False


def _operation_ended(triggers: list[Trigger], opener: SentenceInfo | None) -> bool:
    """The lede's operation is the object of a verb that ends it ("concluded the operation", "completed the
    clearance operation"): the response that closed an incident."""
    if opener is None:
        return False
    for trigger in triggers:
        if trigger.event_type == "security_operation" and trigger.span.sent_index == opener.index:
            words = trigger.span.in_doc(opener.sent.doc)
            if words is not None and words.root.dep_ == "dobj" and words.root.head.lower_ in END_VERBS:
                return True
    return False


GUNFIRE_WORDS = frozenset({"gunfire", "firing", "fired", "gunshots", "shooting", "gun battle", "exchange of fire",
                           "firefight", "fire fight", "opened fire"})


def _gunfire_in_lede(triggers: list[Trigger], opener: SentenceInfo | None) -> bool:
    """The lede tells of guns as well as blasts ("explosions followed by intense gunfire")."""
    return opener is not None and any(t.event_type == "armed_assault" and t.span.sent_index == opener.index
                                      and t.span.text.lower() in GUNFIRE_WORDS for t in triggers)


def _prolonged(opener: SentenceInfo | None) -> bool:
    """The report tells a long fight ("engaged the terrorists in a prolonged fire fight", "the gun battle lasted for
    hours"): an assault, whatever blast opened it."""
    return opener is not None and PROLONGED.search(_report_from(opener)) is not None


def _report_from(opener: SentenceInfo) -> str:
    """The report's text from the frame's opening sentence on (2,000 characters)."""
    return opener.sent.doc.text[opener.sent.start_char : opener.sent.start_char + 2000]


def _fought_back(triggers: list[Trigger], opener: SentenceInfo | None) -> bool:
    """The defenders answered in the frame ("repulsed", "returned fire", "a gun battle", "foiled")."""
    if opener is None:
        return False
    return FOUGHT_BACK.search(_report_from(opener)) is not None or any(t.span.text.lower() in CLASH_WORDS for t in triggers)


SentenceInfo = SentenceInfo  # re-export for callers that inspect frames
