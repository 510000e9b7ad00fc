"""The rule components are spaCy factories whose config (word lists, weights) drives what they find."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from khabar.nlp import pipeline
from khabar.nlp.components import event_types, frames, targets
from khabar.nlp.components.base import PhraseFinder, normalise
from khabar.nlp.extract import model_version
from khabar.nlp.pipeline import RULES, pipeline_config, rules_config


def _blank(**components: dict) -> Language:
    """A blank English pipeline with sentence boundaries and the given rule components."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name, config in components.items():
        nlp.add_pipe(name, config=config)
    return nlp


def test_rule_components_are_registered_factories_in_the_pipeline(nlp: Language) -> None:
    assert list(RULES) == [name for name in nlp.pipe_names if name in RULES]
    for name in RULES:
        assert Language.has_factory(name)
        assert nlp.config["components"][name]["factory"] == name
    # the settings the model version hashes are the ones nlp.config shows
    assert rules_config() == {name: dict(nlp.config["components"][name]) for name in RULES}
    assert pipeline_config() == {name: dict(nlp.config["components"][name]) for name in pipeline_config()}
    assert "opened fire" in nlp.config["components"][event_types.FACTORY]["triggers"]


def test_results_are_on_doc_and_span_extensions(nlp: Language) -> None:
    doc = nlp("Militants opened fire on a police van in Turbat on Tuesday, killing two policemen. The BLA claimed it.")
    first = next(doc.sents)
    assert {t.event_type for t in first._.triggers} == {"armed_assault"}
    assert [(f.kind, f.value) for f in first._.casualties] == [("killed", 2)]
    assert first._.targets and first._.locations and first._.dates
    assert [g.attribution for g in doc._.groups] == ["claimed"]
    assert doc._.triggers == [t for s in doc.sents for t in s._.triggers]
    assert len(doc._.frames) == 1 and doc._.frames[0].sentences == doc._.sentences


def test_trigger_config_changes_what_is_found() -> None:
    text = "A kaboom shook the market."
    assert _blank(khabar_event_types={})(text)._.triggers == []
    added = _blank(khabar_event_types={"triggers": {"kaboom": ["bombing", 1.0]}})(text)._.triggers
    assert [(t.event_type, t.strength, t.span.text) for t in added] == [("bombing", 1.0, "kaboom")]


def test_threshold_in_config_changes_trigger_strength() -> None:
    text = "Militants blew up a gas pipeline."
    default = _blank(khabar_event_types={})(text)._.triggers
    weaker = _blank(khabar_event_types={"infra_strength": 0.2})(text)._.triggers
    assert [(t.event_type, t.strength) for t in default if t.event_type == "infrastructure_attack"] == [
        ("infrastructure_attack", 1.3)]
    assert [(t.event_type, t.strength) for t in weaker if t.event_type == "infrastructure_attack"] == [
        ("infrastructure_attack", 0.2)]


def test_target_lexicon_in_config_changes_the_target() -> None:
    text = "Gunmen shot a goatherd."
    assert _blank(khabar_targets={})(text)._.targets == []
    found = _blank(khabar_targets={"lexicon": {"goatherd": "civilians"}})(text)._.targets
    assert [(m.target_type, m.span.text) for m in found] == [("civilians", "goatherd")]


def test_frames_component_needs_the_sentence_components() -> None:
    with pytest.raises(ValueError, match=targets.FACTORY):
        _blank(khabar_event_types={}, khabar_frames={})
    assert frames.FACTORY in RULES


def test_model_version_follows_the_pipeline_config(monkeypatch: pytest.MonkeyPatch) -> None:
    before = model_version()
    monkeypatch.setitem(pipeline.RULES, targets.FACTORY, {"near_trigger_bonus": 2.0})
    assert model_version() != before


@pytest.mark.parametrize("text", [
    "Gunmen opened  fire on a police-led patrol", "The police's van", "IED/bomb", "an IED-laden car", "(IED)",
    "last year's attack", "vehicle - borne", "the vehicle-borne device", "gunmen opened\u00a0fire", "police  station",
])
def test_phrase_finder_matches_whole_words_like_normalised_text(text: str) -> None:
    phrases = ["opened fire", "police", "ied", "last year's", "vehicle-borne", "police station"]
    nlp = _blank()
    finder = PhraseFinder(nlp, {"x": phrases})
    expected = {p for p in phrases if f" {p} " in f" {normalise(text)} "}
    assert finder.phrases(nlp(text)[:])["x"] == expected
