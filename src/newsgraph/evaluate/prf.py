"""Precision, recall and F1 from true/false positive and false negative counts, shared by
the stages that count hits one by one (events, counts, extraction snippets), so that
every stage defines an undefined score the same way: 0.0."""

from __future__ import annotations

from dataclasses import dataclass


def harmonic(precision: float, recall: float) -> float:
    """F1: the harmonic mean of precision and recall (0.0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass
class PRF:
    """Counts and scores of one label; mutable so a scorer can tally into it."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)
