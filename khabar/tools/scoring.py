"""Precision, recall and F1: the one implementation every evaluation uses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Counts of one scored comparison and the precision, recall and F1 they give.

    `undefined` is the value of a ratio whose denominator is zero (0.0 by default;
    pairwise clustering scores use 1.0: no predicted pairs means no wrong ones).
    """

    tp: int
    fp: int
    fn: int
    undefined: float = 0.0

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else self.undefined

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else self.undefined

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iter__(self) -> Iterator[float]:
        """Unpack as `precision, recall, f1 = prf(...)`."""
        return iter((self.precision, self.recall, self.f1))


def prf(tp: int, fp: int, fn: int, *, undefined: float = 0.0) -> PRF:
    """Precision, recall and F1 from true-positive, false-positive and false-negative counts."""
    if min(tp, fp, fn) < 0:
        raise ValueError(f"counts must be non-negative: tp={tp} fp={fp} fn={fn}")
    return PRF(tp, fp, fn, undefined)


def binary_prf(gold: Sequence[bool], pred: Sequence[bool]) -> PRF:
    """Precision, recall and F1 of binary predictions against binary gold (equal lengths)."""
    pairs = list(zip(gold, pred, strict=True))
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    return prf(tp, fp, fn)
