"""The gold cases: what each question should retrieve, state, refuse or estimate."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import REPO_ROOT

GOLD = REPO_ROOT / "eval" / "dev" / "gold.jsonl"

CATEGORIES = ("knowledge", "code_mixed", "typo", "follow_up", "cost", "out_of_scope", "injection")


class GoldError(ValueError):
    """The gold file is malformed."""


@dataclass(frozen=True)
class GoldCase:
    id: str
    language: str
    category: str
    style: str
    question: str
    expected_sources: tuple[str, ...]
    facts: tuple[str, ...]
    expected_refusal: bool | None  # None: refusing and a grounded answer are both fine
    pair: str | None = None
    history: tuple[dict[str, str], ...] = ()
    expected_request: dict[str, Any] | None = None
    forbidden: tuple[str, ...] = ()

    @property
    def retrievable(self) -> bool:
        """Whether the question alone should retrieve its expected sources."""
        return bool(self.expected_sources) and not self.history


def load_gold(path: Path = GOLD) -> list[GoldCase]:
    """Read the gold JSON Lines file into cases."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            raw["expected_sources"] = tuple(raw["expected_sources"])
            raw["facts"] = tuple(raw["facts"])
            raw["history"] = tuple(raw.get("history", ()))
            raw["forbidden"] = tuple(raw.get("forbidden", ()))
            cases.append(GoldCase(**raw))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: {exc}") from exc
    return cases


def fast_subset(cases: Sequence[GoldCase]) -> list[GoldCase]:
    """A quarter of the cases (every 8th with its pair: the gold set lists pairs side by side) plus
    every refusal and injection case: the gate the test suite runs."""
    picked = {c.id for i, c in enumerate(cases) if i % 8 == 0}
    picked |= {c.pair for c in cases if c.id in picked and c.pair}
    return [
        c
        for c in cases
        if c.id in picked or c.expected_refusal is not False or c.category == "injection"
    ]
