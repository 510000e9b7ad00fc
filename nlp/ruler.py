"""spaCy entity ruler built from the gazetteer: PK_LOC, FOREIGN_LOC, MIL_GROUP, SEC_ACTOR.

Pattern ids: ``province:<name>``, ``district:<name>``, ``place:<name>``, ``country:<name>``
for locations; the canonical name for groups and actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from khabar.nlp.gazetteer import Entry, group_surfaces, load_gazetteer

FACTORY = "khabar_gazetteer_ruler"
MIN_ALT_LEN = 5

# Surfaces never turned into patterns (lower-cased): common words, person names,
# foreign homonyms and ambiguous abbreviations (ASP is a police rank, SF/PN/HM are noise).
STOPLIST = {
    "chamber", "basra", "chak", "rustam", "bela", "hala", "patan", "dayal", "bhan", "jati", "kot",
    "lawa", "moro", "tata", "central", "lower", "upper", "mandi", "bar", "gul", "ali", "garden",
    "airport", "site", "harbour", "saddar", "baloch", "drug", "usta", "waha", "thal", "doaba",
    "asp", "li", "hm", "pac", "imp", "zb", "aq", "sf", "pn", "tip", "lashkar", "ib", "sla", "mol",
    "gb", "isis", "military", "federal capital", "abbas",
    "ssp",  # a police rank (senior superintendent of police) far more often than Sipah-e-Sahaba
}


def _upper_count(token: str) -> int:
    return sum(1 for c in token if c.isupper())


# one Urdu name, two English spellings: the gazetteer's and the other a report may use
TRANSLITERATIONS = (("Baloch", "Baluch"), ("Tehrik", "Tehreek"), ("Tehreek", "Tehrik"))


def is_case_sensitive(token: str) -> bool:
    """Abbreviation-like tokens ("TTP", "LeJ", "KP") must match exactly."""
    return _upper_count(token) >= 2


# the Persian/Arabic connector between two words of a name ("Lashkar-e-Taiba", "Jaish al-Fursan", "Fitna-ul-Khawarij")
IZAFAT = re.compile(r"(?<=[a-z])(?:-e-|-i-|-ul-|-al-| al-| ul-)(?=[A-Z])")
IZAFAT_FORMS = ("-e-", "-i-", "-ul-", " al-")


def variants(alias: str) -> set[str]:
    """Spelling variants of an alias: dotted initials, hyphens, abbreviation parentheticals."""
    out = {alias}
    out.add(re.sub(r"\s*\([A-Z][A-Za-z-]*\)", "", alias).strip())
    if "." in alias:
        out.add(re.sub(r"\s+", " ", alias.replace(".", ". ")).strip())
        out.add(re.sub(r"\s+", " ", alias.replace(".", "")).strip())
        out.add(re.sub(r"\s+", " ", alias.replace(".", " ")).strip())
    if "-" in alias and not is_case_sensitive(alias):
        out.add(alias.replace("-", " "))
    if IZAFAT.search(alias):  # "Jaish al-Fursan" as "Jaish-e-Fursan": the connector as other transliterations write it
        out |= {IZAFAT.sub(connector, alias) for connector in IZAFAT_FORMS}
    for written, other in TRANSLITERATIONS:  # "Baluchistan Liberation Front", as foreign wires spell it
        out |= {v.replace(written, other) for v in list(out) if written in v}
    return {v for v in out if v}


def _token_pattern(words: list[str], lowercase_ok: bool) -> list[dict[str, Any]]:
    """ORTH for abbreviation-like tokens, LOWER for the rest."""
    if len(words) == 1 and not lowercase_ok:
        return [{"ORTH": words[0]}]
    return [{"ORTH": w} if is_case_sensitive(w) else {"LOWER": w.lower()} for w in words]


def token_patterns(alias: str, tokenizer: Tokenizer) -> Iterator[list[dict[str, Any]]]:
    """Token patterns for every variant of ``alias``.

    Single-token names (e.g. "Turbat") match their written, Title and UPPER forms only,
    so lower-case homonyms stay untagged; an alias written all lower-case ("police")
    matches case-insensitively.
    """
    lowercase_ok = alias == alias.lower()
    for variant in variants(alias):
        words = [t.text for t in tokenizer(variant)]
        if len(words) == 1 and not lowercase_ok and not is_case_sensitive(words[0]):
            forms = {words[0], words[0].title(), words[0].upper()}
            for form in sorted(forms):
                yield [{"ORTH": form}]
        else:
            yield _token_pattern(words, lowercase_ok)


def _skip(surface: str, source: str, stoplist: frozenset[str] | set[str] = STOPLIST, min_alt_len: int = MIN_ALT_LEN) -> bool:
    """True for surfaces too short or too ambiguous to tag."""
    low = surface.lower()
    if low in stoplist:
        return True
    if source == "alt" and len(surface) < min_alt_len:
        return True
    return len(surface) < 3 and not is_case_sensitive(surface)


def _location_label(entry: Entry) -> str:
    return "FOREIGN_LOC" if entry.kind == "country" and entry.name != "Pakistan" else "PK_LOC"


def _labelled_aliases() -> Iterator[tuple[str, str, str, str]]:
    """``(label, id, surface, source)`` for every gazetteer surface form."""
    gaz = load_gazetteer()
    for surface, entry, source in gaz.location_surfaces():
        yield _location_label(entry), entry.entity_id, surface, source
    for group in gaz.groups():
        for alias in group_surfaces(group):
            yield "MIL_GROUP", group["canonical_name"], alias, "alias"
    for actor in gaz.actors():
        name = actor["canonical_name"]
        for alias in [name, *actor["aliases"]]:
            yield "SEC_ACTOR", name, alias, "alias"


def _dedupe(patterns: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop repeated (label, pattern) pairs; the first id wins."""
    seen: set[str] = set()
    out = []
    for p in patterns:
        key = repr(p["pattern"])
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def ruler_patterns(nlp: Language | None = None, stoplist: Iterable[str] = STOPLIST,
                   min_alt_len: int = MIN_ALT_LEN) -> list[dict[str, Any]]:
    """EntityRuler patterns for all gazetteer aliases, tokenised with ``nlp``'s tokenizer."""
    tokenizer = (nlp or spacy.blank("en")).tokenizer
    skipped = frozenset(stoplist)
    patterns = (
        {"label": label, "pattern": pattern, "id": ent_id}
        for label, ent_id, surface, source in _labelled_aliases()
        if not _skip(surface, source, skipped, min_alt_len)
        for pattern in token_patterns(surface, tokenizer)
    )
    return _dedupe(patterns)


class GazetteerRuler:
    """Tags gazetteer names with two phrase matchers (exact case and lower case).

    Token patterns are turned into phrase patterns: a pattern whose tokens all need exact
    case goes to the ORTH matcher, any other to the LOWER matcher. Phrase matching costs
    about the same however many names there are, unlike token patterns.
    Longest matches win; they overwrite overlapping entities already on the doc.
    """

    def __init__(self, nlp: Language, name: str, overwrite_ents: bool = True, stoplist: Iterable[str] = STOPLIST,
                 min_alt_len: int = MIN_ALT_LEN) -> None:
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lowered = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str]] = {}
        self.add_patterns(nlp, ruler_patterns(nlp, stoplist, min_alt_len))
        split_abbreviation_periods(nlp)

    def add_patterns(self, nlp: Language, patterns: Iterable[dict[str, Any]]) -> None:
        """Add `{"label", "id", "pattern": [token dicts]}` patterns."""
        exact: dict[str, list[Doc]] = {}
        lowered: dict[str, list[Doc]] = {}
        for entry in patterns:
            key = f"{entry['label']}|{entry['id']}"
            tokens = entry["pattern"]
            if all("ORTH" in t for t in tokens):
                exact.setdefault(key, []).append(Doc(nlp.vocab, words=[t["ORTH"] for t in tokens]))
            else:
                words = [str(t.get("LOWER") or t.get("ORTH")).lower() for t in tokens]
                lowered.setdefault(key, []).append(Doc(nlp.vocab, words=words))
        for matcher, table in ((self.exact, exact), (self.lowered, lowered)):
            for key, docs in table.items():
                matcher.add(key, docs)
                self.keys[nlp.vocab.strings[key]] = tuple(key.split("|", 1))  # type: ignore[assignment]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in [*self.exact(doc), *self.lowered(doc)]:
            label, ent_id = self.keys[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        if not spans:
            return doc
        found = filter_spans(spans)
        taken = {i for span in found for i in range(span.start, span.end)}
        if self.overwrite_ents:
            kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
            doc.ents = sorted([*kept, *found], key=lambda s: s.start)
        else:
            existing = {i for e in doc.ents for i in range(e.start, e.end)}
            extra = [s for s in found if not any(i in existing for i in range(s.start, s.end))]
            doc.ents = sorted([*doc.ents, *extra], key=lambda s: s.start)
        return doc


@Language.factory(FACTORY, default_config={"overwrite_ents": True, "stoplist": sorted(STOPLIST),
                                           "min_alt_len": MIN_ALT_LEN})
def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool, stoplist: list[str],
                         min_alt_len: int) -> GazetteerRuler:
    """The gazetteer ruler, loaded with every alias but the stoplist's and alternate names under `min_alt_len`."""
    return GazetteerRuler(nlp, name, overwrite_ents=overwrite_ents, stoplist=stoplist, min_alt_len=min_alt_len)


def split_abbreviation_periods(nlp: Language) -> None:
    """Teach the tokenizer that a group's mixed-case abbreviation ends before a full stop ("point to LeJ." is
    "LeJ" and "."; the tokenizer keeps "LeJ." whole, as it would an abbreviation like "Mr.")."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    for group in load_gazetteer().groups():
        for abbreviation in group["abbreviations"]:
            if abbreviation.lower() in STOPLIST or abbreviation.isupper() or abbreviation.islower():
                continue
            if len(tokenizer(f"{abbreviation}.")) == 1:
                tokenizer.add_special_case(f"{abbreviation}.", [{"ORTH": abbreviation}, {"ORTH": "."}])


def add_gazetteer_ruler(nlp: Language) -> None:
    """Add the gazetteer ruler before "ner" (idempotent)."""
    if FACTORY in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(FACTORY, before="ner")
    else:
        nlp.add_pipe(FACTORY)
