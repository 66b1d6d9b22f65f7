"""Stage timings of one answer, in milliseconds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Timings:
    """Stage timings in ms, measured by one context manager; `total` from the start."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.ms: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.ms[name] = _ms(t0)

    def mark(self, name: str) -> None:
        """Time from the start to now (the first stage)."""
        self.ms[name] = _ms(self.started)

    def done(self) -> dict[str, float]:
        self.ms["total"] = _ms(self.started)
        return self.ms


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
