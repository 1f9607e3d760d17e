"""Fast random draws for the demo generator: plain arithmetic on one ``random()`` stream.

Every draw of a demo load comes from one ``random.Random(seed)``, so the order of the calls
decides the data: the same seed on an empty database gives the same rows.
"""

from __future__ import annotations

import random
from bisect import bisect
from typing import Any


class Draw:
    """Fast draws from one ``random.Random`` (plain arithmetic on ``random()``)."""

    def __init__(self, rnd: random.Random) -> None:
        self.random = rnd.random

    def chance(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.random() < p

    def between(self, low: int, high: int) -> int:
        """An integer from ``low`` to ``high``, both included."""
        return low + int(self.random() * (high - low + 1))

    def one(self, seq: tuple[Any, ...] | list[Any] | str) -> Any:
        """One item of ``seq``, each equally likely."""
        return seq[int(self.random() * len(seq))]


class Weighted:
    """A weighted choice among ``values`` (weights are relative)."""

    def __init__(self, pairs: tuple[tuple[Any, int], ...]) -> None:
        self.values = tuple(v for v, _ in pairs)
        self.cumulative: list[int] = []
        total = 0
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def draw(self, draw: Draw) -> Any:
        """One of the values, drawn with ``draw``."""
        return self.values[bisect(self.cumulative, draw.random() * self.total)]
