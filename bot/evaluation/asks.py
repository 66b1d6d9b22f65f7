"""Ask cases and conversations: does the answer answer what was asked?

Written from the article alone by people who never saw the code or the gold set (eval/README.md):
`dev` is for tuning, `test` is only reported. Each case names its ask type (yes/no, why,
duration, ...), whether the article covers it, the entries that hold the answer and, for costs,
the request; each conversation turn names the topic and the accumulated cost request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config import REPO_ROOT
from bot.evaluation import metrics as m

SPLITS = {name: REPO_ROOT / "eval" / name for name in ("dev", "test")}
ASK_TYPES = (
    "definition list how_to why yes_no comparison decision duration place quantity summary "
    "cost_estimate out_of_scope"
).split()
FIRST_SENTENCE = re.compile(r"^(.+?[.!?:])(?:\s|$)", re.S)
YES_NO = {
    "id": re.compile(
        r"^\W*(ya|tidak|bisa|tentu|belum tentu|iya|betul|benar|tergantung|umumnya tidak)\b", re.I
    ),
    "en": re.compile(
        r"^\W*(yes|no|not necessarily|not always|it depends|generally,? yes|generally not)\b", re.I
    ),
}


class AskError(ValueError):
    """An ask-case file is malformed."""


@dataclass(frozen=True)
class AskCase:
    id: str
    language: str
    question: str
    ask_type: str
    expected_entries: tuple[str, ...]
    covered: bool
    expected_refusal: bool
    facts: tuple[str, ...] = ()
    pair: str | None = None
    expected_request: dict[str, Any] | None = None
    expected_error_field: str | None = None


@dataclass(frozen=True)
class Conversation:
    id: str
    language: str
    turns: tuple[AskCase, ...]


@dataclass
class Outcome:
    case: AskCase
    answer: Any = None  # bot.types.Answer
    error: str | None = None
    scores: dict[str, float] = field(default_factory=dict)


def _case(raw: dict[str, Any], fallback_id: str = "", language: str = "") -> AskCase:
    request = raw.get("expected_request")
    if request and "channels" in request:  # the writers' brief said "social"
        request = {**request, "channels": [_channel(c) for c in request["channels"]]}
    ask_type = raw["ask_type"]
    if ask_type not in ASK_TYPES:
        raise AskError(f"unknown ask_type {ask_type!r}")
    return AskCase(
        id=raw.get("id", fallback_id),
        language=raw.get("language", language),
        question=raw["question"],
        ask_type=ask_type,
        expected_entries=tuple(raw.get("expected_entries", ())),
        covered=bool(raw.get("covered", True)),
        expected_refusal=bool(raw.get("expected_refusal", False)),
        facts=tuple(raw.get("facts", ())),
        pair=raw.get("pair"),
        expected_request=request or None,
        expected_error_field=raw.get("expected_error_field"),
    )


def _channel(name: str) -> str:
    return "social_media" if name == "social" else name


def _lines(path: Path) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise AskError(f"{path.name}:{number}: {exc}") from exc
    return out


def load_cases(path: Path) -> list[AskCase]:
    try:
        return [_case(raw) for _, raw in _lines(path)]
    except (KeyError, TypeError) as exc:
        raise AskError(f"{path.name}: {exc}") from exc


def load_conversations(path: Path) -> list[Conversation]:
    conversations = []
    for _, raw in _lines(path):
        lang = raw["language"]
        turns = tuple(
            _case(t, f"{raw['id']}#{n}", lang) for n, t in enumerate(raw["turns"], start=1)
        )
        conversations.append(Conversation(raw["id"], lang, turns))
    return conversations


# -- scoring ------------------------------------------------------------------------------------
def lead_sentence(body: str) -> str:
    """The answer's first sentence, without markers or Markdown."""
    text = m.plain(body).strip()
    match = FIRST_SENTENCE.match(text)
    return (match.group(1) if match else text).strip()


def score(case: AskCase, answer: Any, sentinels: dict[str, str]) -> dict[str, float]:
    """Per-case metrics (absent key: not applicable)."""
    out: dict[str, float] = {}
    if answer is None:
        return {"error": 1.0}
    refused = bool(answer.refused)
    out["refusal_ok"] = float(refused == case.expected_refusal)
    out["lines"] = float(len(answer.body.splitlines()))  # before the sources and the fold
    asked = getattr(answer, "ask_type", None)
    out["ask_type"] = float(asked == case.ask_type)
    if case.expected_refusal or refused:
        return out
    cited = [s.id for s in answer.sources]
    if case.expected_entries and case.ask_type != "cost_estimate":
        out["entry_hit"] = float(bool(cited) and cited[0] in case.expected_entries)
    if case.facts and case.covered:
        out["fact_coverage"] = m.fact_coverage(answer.body, case.facts)
    lead = lead_sentence(answer.body).lower()
    if not case.covered and not case.expected_error_field:  # an invalid number gets its error
        # in the answer's language: a conversation may switch languages between turns
        said = sentinels.get(getattr(answer, "language", ""), sentinels[case.language])
        out["uncovered_said"] = float(said.lower() in lead)
    elif case.ask_type == "yes_no":
        out["yes_no_lead"] = float(bool(YES_NO[case.language].match(lead)))
    call = answer.tool_calls[0] if answer.tool_calls else None
    if case.expected_error_field:
        out["error_named"] = float(bool(call) and "error" in call.result)
    elif case.expected_request is not None:
        carried = case.ask_type != "cost_estimate"
        out["request_ok"] = _request_ok(answer, case.expected_request, carried)
    return out


def _request_ok(answer: Any, expected: dict[str, Any], carried: bool = False) -> float:
    """1.0 when the answer estimated and its request carries the expected fields; with
    `carried` (a knowledge turn of a cost conversation), when the conversation's cost request
    after the turn does."""
    call = answer.estimate
    if call is None and carried:
        return float(bool(answer.cost_state) and m.request_matches(answer.cost_state, expected))
    return float(call is not None and m.request_matches(call.args, expected))


def run_cases(assistant: Any, cases: Sequence[AskCase]) -> list[Outcome]:
    from bot.types import QuestionError

    sentinels = _sentinels(assistant)
    outcomes = []
    for case in cases:
        outcome = Outcome(case)
        try:
            outcome.answer = assistant.answer(case.question)
        except QuestionError as err:
            outcome.error = err.code
        outcome.scores = score(case, outcome.answer, sentinels)
        outcomes.append(outcome)
    return outcomes


def run_conversations(assistant: Any, conversations: Sequence[Conversation]) -> list[Outcome]:
    """Each turn with the conversation so far; `state` is the topic (or refusal) and, on a cost
    turn, the accumulated request."""
    from bot.types import Message

    sentinels = _sentinels(assistant)
    outcomes = []
    for conversation in conversations:
        history: list[Message] = []
        for turn in conversation.turns:
            answer = assistant.answer(turn.question, history)
            scores = score(turn, answer, sentinels)
            scores["state"] = _state_ok(turn, answer)
            outcomes.append(Outcome(turn, answer, None, scores))
            history += [Message("user", turn.question), Message.of(answer)]
    return outcomes


def _state_ok(turn: AskCase, answer: Any) -> float:
    if turn.expected_refusal or answer.refused:
        return float(turn.expected_refusal == answer.refused)
    if turn.expected_error_field:  # an invalid number: the state is the error that names it
        call = answer.tool_calls[0] if answer.tool_calls else None
        return float(bool(call) and "error" in call.result)
    if turn.ask_type == "cost_estimate" and turn.expected_request is not None:
        return _request_ok(answer, turn.expected_request)
    cited = [s.id for s in answer.sources]
    return float(bool(cited) and cited[0] in turn.expected_entries)


def _sentinels(assistant: Any) -> dict[str, str]:
    """The phrase that opens an answer the article cannot give, per language."""
    messages = assistant.prompts.messages
    return {lang: messages[lang].get("not_covered_sentinel", "\0") for lang in messages}


def summarize(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float | None]]:
    """Means per metric for all cases and per language, plus refusal P/R and cost pairs."""
    table: dict[str, dict[str, float | None]] = {}
    for scope in ("all", "id", "en"):
        chosen = [o for o in outcomes if scope == "all" or o.case.language == scope]
        keys = sorted({k for o in chosen for k in o.scores})
        row: dict[str, float | None] = {"cases": float(len(chosen))}
        for key in keys:
            values = [o.scores[key] for o in chosen if key in o.scores]
            row[key] = m.mean(values) if key != "lines" else m.percentile(values, 50)
        pairs = [(o.case.expected_refusal, bool(o.answer and o.answer.refused)) for o in chosen]
        row["refusal_precision"], row["refusal_recall"] = m.refusal_scores(pairs)
        cost_lines = [o.scores["lines"] for o in chosen if _costed(o)]
        row["cost_lines_max"] = max(cost_lines) if cost_lines else None
        table[scope] = row
    table["all"]["pair_cost"] = _pair_cost(outcomes)
    return table


def _costed(outcome: Outcome) -> bool:
    return outcome.answer is not None and outcome.answer.estimate is not None


def _pair_cost(outcomes: Sequence[Outcome]) -> float | None:
    by_id = {o.case.id: o for o in outcomes}
    same = []
    for o in outcomes:
        twin = by_id.get(o.case.pair or "")
        if o.case.language != "id" or twin is None or o.case.expected_request is None:
            continue
        if _costed(o) and _costed(twin):
            a, b = (x.answer.estimate.result for x in (o, twin))
            same.append(float(m.same_figures(a, b)))
        else:  # an invalid quantity ("-5 agents"): the same request refused in both languages
            same.append(float(_refused_alike(o, twin)))
    return m.mean(same)


def _refused_alike(one: Outcome, other: Outcome) -> bool:
    calls = [
        o.answer.tool_calls[0] if o.answer and o.answer.tool_calls else None for o in (one, other)
    ]
    if not all(c is not None and "error" in c.result for c in calls):
        return False
    a, b = calls[0].args, calls[1].args
    return m.request_matches(a, b) and m.request_matches(b, a)
