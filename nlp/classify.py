"""Incident relevance and event-type classification on MiniLM embeddings.

The heads are logistic regressions fitted with scikit-learn by `khabar.tools.train` and
shipped as plain arrays (no pickles) in `nlp/models/incident_head.npz`; predicting is one
softmax layer in numpy, so the runtime needs no scikit-learn. Embedding is the costly
step, so `scores()` embeds each distinct text once and the single-purpose methods share a
small cache.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from khabar.core.records import EVENT_TYPES
from khabar.nlp.embed import SentenceEmbedder

LOGGER = logging.getLogger(__name__)

DEFAULT_HEAD = Path(__file__).resolve().parent / "models" / "incident_head.npz"
CACHE_SIZE = 4096


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class IncidentClassifier:
    """Relevance and event-type probabilities for short texts (sentences, leads)."""

    def __init__(self, head_path: Path = DEFAULT_HEAD, embedder: Any | None = None) -> None:
        with np.load(head_path, allow_pickle=False) as data:
            self.relevance_w = data["relevance_W"]
            self.relevance_b = data["relevance_b"]
            self.type_w = data["type_W"]
            self.type_b = data["type_b"]
            self.type_labels: tuple[str, ...] = tuple(str(x) for x in data["type_labels"])
            self.meta: dict[str, Any] = json.loads(str(data["meta"]))
        if embedder is None:
            embedder = SentenceEmbedder()
        self.embedder = embedder
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def embed(self, texts: list[str]) -> np.ndarray:
        """(n, 384) unit vectors; each distinct text is embedded once (LRU cache)."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vector in zip(missing, self.embedder.embed(missing), strict=True):
                self._cache[text] = vector
        for text in texts:
            self._cache.move_to_end(text)
        out = np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)
        while len(self._cache) > max(CACHE_SIZE, len(texts)):
            self._cache.popitem(last=False)
        return out.astype(np.float32)

    def relevance_from_embeddings(self, emb: np.ndarray) -> np.ndarray:
        """P(incident) per row."""
        return softmax(emb @ self.relevance_w + self.relevance_b)[:, 1]

    def types_from_embeddings(self, emb: np.ndarray) -> list[dict[str, float]]:
        """Probability per EVENT_TYPES value (0.0 for types the head does not learn)."""
        probs = softmax(emb @ self.type_w + self.type_b)
        out = []
        for row in probs:
            scores = {t: 0.0 for t in EVENT_TYPES}
            scores.update({label: float(p) for label, p in zip(self.type_labels, row, strict=True)})
            out.append(scores)
        return out

    def scores(self, texts: list[str]) -> tuple[list[float], list[dict[str, float]], np.ndarray]:
        """Relevance, type scores and embeddings, embedding each text once."""
        emb = self.embed(texts)
        return [float(x) for x in self.relevance_from_embeddings(emb)], self.types_from_embeddings(emb), emb

    def relevance(self, texts: list[str]) -> list[float]:
        """P(text reports a violent incident / militant attack / security operation)."""
        return [float(x) for x in self.relevance_from_embeddings(self.embed(texts))]

    def event_type_scores(self, texts: list[str]) -> list[dict[str, float]]:
        """Probability per EVENT_TYPES value for each text."""
        return self.types_from_embeddings(self.embed(texts))

    def predict_type(self, texts: list[str]) -> list[str]:
        """The most probable event type per text."""
        return [max(s, key=lambda k: s[k]) for s in self.event_type_scores(texts)]


@functools.lru_cache(maxsize=1)
def load_classifier(head_path: Path = DEFAULT_HEAD) -> IncidentClassifier | None:
    """The shared classifier, or None (with a warning) when the head or model is missing."""
    if not Path(head_path).exists():
        LOGGER.warning("incident head %s is missing; run `khabar train`", head_path)
        return None
    try:
        return IncidentClassifier(Path(head_path))
    except (OSError, ValueError, KeyError, ImportError) as exc:
        LOGGER.warning("could not load the incident classifier: %s", exc)
        return None
