"""The default (numpy) MiniLM encoder reproduces the reference transformers/torch vectors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from khabar.nlp.embed import SentenceEmbedder

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"


def test_numpy_encoder_matches_reference_vectors() -> None:
    """Vectors computed once with transformers + torch (tests/data/minilm_reference.json) agree to 1e-5."""
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    vectors = SentenceEmbedder(backend="numpy").embed(reference["texts"])
    assert vectors.shape == (len(reference["texts"]), 384)
    assert np.abs(vectors - np.array(reference["vectors"], dtype=np.float32)).max() < 1e-5


def test_default_backend_needs_no_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KHABAR_EMBED_BACKEND", raising=False)
    assert SentenceEmbedder().backend_name == "numpy"


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown embedding backend"):
        SentenceEmbedder(backend="tensorflow")
