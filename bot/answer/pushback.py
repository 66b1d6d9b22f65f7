"""Follow-ups that question the last answer instead of asking something new: "are you sure?",
"yakin? sumbernya dari mana?", "that seems high for 4 people" (a check), "can you say that in
simpler words?", "bisa pakai bahasa yang lebih simpel?" (a plainer reading) and, after an
estimate, a question about its own figures ("why is the labour line so big?"). A check is answered
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
from bot.cost.service import CostService, json_fields
from bot.knowledge.retrieve import Hit
from bot.lang import LANGS
from bot.prompts import PromptError, Prompts
from bot.types import Message
from bot.yamlio import read_yaml

ESTIMATE_SOURCES = ("faq-hourly-rate", "faq-hidden-costs")  # what an estimate cites
REST_WORDS = 4  # a check or a plainer reading says little else ("for 4 people")
QUOTED_LINES = 6  # of the last answer, restated under a check
WORD = re.compile(r"[a-z0-9$]+")
WHOLE = re.compile(r"\b(?:everything|all|semua\w*|seluruh\w*|total\w*|full)\b")  # all of it
TAXES = re.compile(r"\b(?:tax|taxes|vat|pajak|ppn|pph)\b")  # a subject the article never prices


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
        self.figures: list[re.Pattern[str]] = []  # an estimate's own figures, when doubted
        self.derived: list[re.Pattern[str]] = []  # how the estimate came to its figures
        self.doubts: list[re.Pattern[str]] = []  # "is that reasonable?": of a figure only
        self.why: list[re.Pattern[str]] = []  # a why asks the reasons, not the source
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                data = read_yaml(path)["pushback"]
                for kind in self.patterns:
                    self.patterns[kind] += [re.compile(p) for p in data[kind]]
                self.filler |= {str(w) for w in data["filler"]}
                self.beyond += [re.compile(p) for p in data["beyond"]]
                self.why += [re.compile(p) for p in data["asks_why"]]
                self.figures += [re.compile(p) for p in data["estimate_figures"]]
                self.derived += [re.compile(p) for p in data["estimate_derived"]]
                self.doubts += [re.compile(p) for p in data["doubts"]]
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read 'pushback' ({exc})") from exc

    def stage(self, turn: Any) -> Any:
        """The assistant's stage: the Answer to a check or a plainer reading, else None."""
        kind = self.kind(turn.text, turn.history)
        if kind is None and turn.ask.type != "definition":  # "what is shrinkage?" is the glossary's
            kind = self._about_estimate(turn.text, turn.history)
        if kind is None:
            return None
        body, cited, ask_type = self.reply(kind, turn.lang, turn.vector, turn.history)
        return self.answer(turn, body, "knowledge", cited, [], ask_type)

    def kind(self, text: str, history: list[Message]) -> str | None:
        """ "check" or "simpler" when the question only questions the last answer, else None."""
        previous = last(history, "assistant")
        if previous is None or not previous.cited_ids:
            return None
        lowered = " ".join(text.lower().split())
        if any(p.search(lowered) for p in (*self.beyond, *self.why)):
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
        if estimate is not None and kind in ("check", "estimate"):
            # how the estimate is built, beside the band [1], hidden costs [2] and breakdown [3]
            cited = [self.hit(e, lang, vector) for e in (*ESTIMATE_SOURCES, "breakdown")]
            lead = "pushback_estimate" if kind == "check" else "estimate_explained"
            basis = self.prompts.text(lang, "estimate_basis", **estimate)
            body = f"{self.prompts.text(lang, lead)} {basis}"
            return body, cited, "yes_no" if kind == "check" else ""
        if estimate is not None and kind == "covers":  # the estimate's lines, then the article's
            cited = [self.hit(e, lang, vector) for e in ESTIMATE_SOURCES]
            hidden = self.units.bullet_lines(ESTIMATE_SOURCES[1], lang, 2)
            return "\n".join([self.prompts.text(lang, "estimate_covers"), *hidden]), cited, "yes_no"
        if kind == "check":
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

    def _about_estimate(self, text: str, history: list[Message]) -> str | None:
        """ "estimate" when a question after an estimate asks about its figures ("why is the
        labour line so big?", "jumlah agen segitu ngitungnya dari mana?") and changes none of
        its values ("check" when it doubts them: "are you sure about the total? ..."), else None."""
        previous = last(history, "assistant")
        if previous is None or not _is_estimate(previous):
            return None  # (the figures themselves are worked out once, by reply())
        lowered = " ".join(text.lower().split())
        if any(p.search(lowered) for p in self.beyond):
            # "are you sure that covers everything?": what the article says may come on top
            return "covers" if WHOLE.search(lowered) and not TAXES.search(lowered) else None
        doubting = (*self.patterns["check"], *self.doubts)
        doubted = any(p.search(lowered) for p in doubting) and any(
            p.search(lowered) for p in self.figures
        )  # "are you sure about the total?", "masih wajar gak harga segitu?"
        if not doubted and not any(p.search(lowered) for p in self.derived):
            return None
        said = previous.cost_request or {}
        if any(said.get(k) != v for k, v in json_fields(self.cost.parse_fields(text)).items()):
            return None  # "and the total with 3 agents?" changes the estimate
        return "check" if doubted else "estimate"

    def _estimate(self, previous: Message, lang: str) -> dict[str, Any] | None:
        """The figures of the estimate the last answer gave, or None when it gave none."""
        if not _is_estimate(previous):
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


def _is_estimate(previous: Message) -> bool:
    """An estimate, or an answer about one (which cites the breakdown after its two sources)."""
    return bool(previous.cost_request) and tuple(previous.cited_ids[:2]) == ESTIMATE_SOURCES
