"""The project's accuracy metrics, as defined in the corpus README, shared by bench/ and tests/.

Sentence boundaries are compared in the space of non-whitespace characters so that whitespace
normalisation neither helps nor hurts; quotations match on the Jaccard overlap of their word sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PRF:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.true_positives + other.true_positives,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )


def _nonspace_boundaries(sentences: Iterable[str]) -> set[int]:
    """Positions (in non-whitespace characters) after each sentence but the last."""
    cuts, count = [], 0
    for sentence in sentences:
        count += sum(1 for ch in sentence if not ch.isspace())
        cuts.append(count)
    return set(cuts[:-1])


def boundary_prf(predicted: Sequence[str], gold: Sequence[str]) -> PRF:
    """Boundary precision/recall inside one paragraph, given predicted and gold sentence texts."""
    p, g = _nonspace_boundaries(predicted), _nonspace_boundaries(gold)
    return PRF(len(p & g), len(p), len(g))


def word_set(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def match_quotes(
    predicted: Sequence[str], gold: Sequence[str], threshold: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one greedy matching, best overlap first; returns (predicted, gold) index pairs."""
    pw, gw = [word_set(t) for t in predicted], [word_set(t) for t in gold]
    candidates = sorted(
        ((jaccard(a, b), i, j) for i, a in enumerate(pw) for j, b in enumerate(gw)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in candidates:
        if score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def quote_prf(predicted: Sequence[str], gold: Sequence[str], threshold: float = 0.5) -> PRF:
    return PRF(len(match_quotes(predicted, gold, threshold)), len(predicted), len(gold))
