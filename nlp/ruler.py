"""spaCy EntityRuler built from the gazetteer: PK_LOC, FOREIGN_LOC, MIL_GROUP, SEC_ACTOR.

Pattern ids: ``province:<name>``, ``district:<name>``, ``place:<name>``, ``country:<name>``
for locations; the canonical name for groups and actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer

from nlp.gazetteer import Entry, load_gazetteer

FACTORY = "khabar_gazetteer_ruler"
MIN_ALT_LEN = 5

# Surfaces never turned into patterns (lower-cased): common words, person names,
# foreign homonyms and ambiguous abbreviations (ASP is a police rank, SF/PN/HM are noise).
STOPLIST = {
    "chamber", "basra", "chak", "rustam", "bela", "hala", "patan", "dayal", "bhan", "jati", "kot",
    "lawa", "moro", "tata", "central", "lower", "upper", "mandi", "bar", "gul", "ali", "garden",
    "airport", "site", "harbour", "saddar", "baloch", "drug", "usta", "waha", "thal", "doaba",
    "asp", "li", "hm", "pac", "imp", "zb", "aq", "sf", "pn", "tip", "lashkar", "ib", "sla", "mol",
    "gb", "isis", "military", "federal capital",
}


def _upper_count(token: str) -> int:
    return sum(1 for c in token if c.isupper())


def is_case_sensitive(token: str) -> bool:
    """Abbreviation-like tokens ("TTP", "LeJ", "KP") must match exactly."""
    return _upper_count(token) >= 2


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


def _skip(surface: str, source: str) -> bool:
    """True for surfaces too short or too ambiguous to tag."""
    low = surface.lower()
    if low in STOPLIST:
        return True
    if source == "alt" and len(surface) < MIN_ALT_LEN:
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
        name = group["canonical_name"]
        for alias in [name, *group["abbreviations"], *group["aliases"]]:
            yield "MIL_GROUP", name, alias, "alias"
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


def ruler_patterns(nlp: Language | None = None) -> list[dict[str, Any]]:
    """EntityRuler patterns for all gazetteer aliases, tokenised with ``nlp``'s tokenizer."""
    tokenizer = (nlp or spacy.blank("en")).tokenizer
    patterns = (
        {"label": label, "pattern": pattern, "id": ent_id}
        for label, ent_id, surface, source in _labelled_aliases()
        if not _skip(surface, source)
        for pattern in token_patterns(surface, tokenizer)
    )
    return _dedupe(patterns)


@Language.factory(FACTORY, default_config={"overwrite_ents": True})
def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    """An EntityRuler loaded with the gazetteer patterns."""
    ruler = EntityRuler(nlp, name, overwrite_ents=overwrite_ents)
    ruler.add_patterns(ruler_patterns(nlp))
    return ruler


def add_gazetteer_ruler(nlp: Language) -> None:
    """Add the gazetteer ruler before "ner" (idempotent)."""
    if FACTORY in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(FACTORY, before="ner")
    else:
        nlp.add_pipe(FACTORY)
