"""Follow-ups that question the last answer instead of asking something new: "are you sure?",
"yakin? sumbernya dari mana?", "that seems high for 4 people" (a check) and "can you say that in
simpler words?", "bisa pakai bahasa yang lebih simpel?" (a plainer reading). A check is answered
with where the last answer comes from: the section of the article it cites and its own words, or,
after an estimate, that the figure is this tool's model and what it rests on. A plainer reading
gives the cited entry's opening and its points by their labels only."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bot.answer.compose import BULLET_LABEL, UnitIndex
from bot.answer.followup import last
from bot.cost.render import fmt_money
from bot.cost.request import CostValidationError
from bot.cost.service import CostService
from bot.knowledge.retrieve import Hit
from bot.lang import LANGS
from bot.prompts import PromptError, Prompts
from bot.types import Message
from bot.yamlio import read_yaml

ESTIMATE_SOURCES = ("faq-hourly-rate", "faq-hidden-costs")  # what an estimate cites
REST_WORDS = 4  # a check or a plainer reading says little else ("for 4 people")
QUOTED_LINES = 6  # of the last answer, restated under a check
WORD = re.compile(r"[a-z0-9$]+")


class Pushback:
    """Recognises a check or a request for plainer words about the last answer, and answers it."""

    def __init__(
        self,
        prompts_dir: Path,
        prompts: Prompts,
        units: UnitIndex,
        cost: CostService,
        hit: Callable[[str, str, list[float]], Hit],
        answer: Callable[..., Any],
    ) -> None:
        self.prompts, self.units, self.cost, self.hit = prompts, units, cost, hit
        self.answer = answer  # the assistant's Answer of (turn, body, route, cited, calls, type)
        self.patterns: dict[str, list[re.Pattern[str]]] = {"check": [], "simpler": []}
        self.filler: set[str] = set()
        self.beyond: list[re.Pattern[str]] = []  # what the last answer may have left out
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                data = read_yaml(path)["pushback"]
                for kind in self.patterns:
                    self.patterns[kind] += [re.compile(p) for p in data[kind]]
                self.filler |= {str(w) for w in data["filler"]}
                self.beyond += [re.compile(p) for p in data["beyond"]]
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read 'pushback' ({exc})") from exc

    def stage(self, turn: Any) -> Any:
        """The assistant's stage: the Answer to a check or a plainer reading, else None."""
        if (kind := self.kind(turn.text, turn.history)) is None:
            return None
        body, cited, ask_type = self.reply(kind, turn.lang, turn.vector, turn.history)
        return self.answer(turn, body, "knowledge", cited, [], ask_type)

    def kind(self, text: str, history: list[Message]) -> str | None:
        """ "check" or "simpler" when the question only questions the last answer, else None."""
        previous = last(history, "assistant")
        if previous is None or not previous.cited_ids:
            return None
        lowered = " ".join(text.lower().split())
        if any(p.search(lowered) for p in self.beyond):
            return None  # "are you sure that covers everything?" asks what it leaves out
        for kind, patterns in self.patterns.items():
            rest = lowered
            for pattern in patterns:
                rest = pattern.sub(" ", rest)
            if rest != lowered:
                words = [w for w in WORD.findall(rest) if w not in self.filler]
                return kind if len(words) <= REST_WORDS else None
        return None

    def reply(self, kind: str, lang: str, vector: list[float], history: list[Message]):
        """(body, cited hits, ask type) answering a check or a plainer reading."""
        previous = last(history, "assistant")
        assert previous is not None  # kind() found it
        cited = [self.hit(e, lang, vector) for e in previous.cited_ids]
        estimate = self._estimate(previous, lang)
        if kind == "check":
            if estimate is not None:
                return self.prompts.text(lang, "pushback_estimate", **estimate), cited, "yes_no"
            lead = self.prompts.text(lang, "pushback_source", title=cited[0].title)
            return f"{lead}\n\n{_opening(previous.content)}", cited, "yes_no"
        if estimate is not None:
            return self.prompts.text(lang, "pushback_estimate_short", **estimate), cited, "summary"
        lines = [self.prompts.text(lang, "pushback_simpler")]
        units = [self.units.units[r] for r in self.units.rows(previous.cited_ids[0], lang)]
        opening = next((u.text for u in units if not u.bullet), "")
        labels = [m.group(1) for u in units if u.bullet and (m := BULLET_LABEL.match(u.text))]
        if opening:
            lines.append(f"{opening} [1]")
        lines += [f"- {label} [1]" for label in labels]
        if not labels:  # no labelled points: the opening and the first points as they are
            lines += [f"- {u.text} [1]" for u in units if u.bullet][:3]
        return "\n".join(lines), cited[:1], "summary"

    def _estimate(self, previous: Message, lang: str) -> dict[str, Any] | None:
        """The figures of the estimate the last answer gave, or None when it gave none."""
        if not previous.cost_request or tuple(previous.cited_ids) != ESTIMATE_SOURCES:
            return None
        try:
            result = self.cost.estimate(previous.cost_request)
        except CostValidationError:
            return None
        return {
            "seats": result.seats,
            "headcount": result.headcount,
            "rate": fmt_money(result.hourly_rate_usd, lang),
            "total": fmt_money(result.monthly_total_usd, lang),
            "all_in": fmt_money(result.all_in_usd_per_agent_hour, lang),
        }


def _opening(body: str) -> str:
    """The last answer's first lines (its lead and first points), markers kept."""
    lines = [ln for ln in body.splitlines() if ln.strip()]
    return "\n".join(lines[:QUOTED_LINES])
